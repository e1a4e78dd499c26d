"""The household roster: what a household is, the rules for its fields, and finding one fast."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desktop import audit
from desktop.clock import utc_now
from desktop.db import Row
from desktop.db import households as rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.roster.address import Address, address_from_parts, parse_address
from desktop.text import clean, plain

FLAGS = (
    "elderly_alone",
    "infant",
    "pregnant",
    "chronic_medication",
    "disability",
    "no_smartphone",
)
# Households served first when stock runs short.
VULNERABLE_FLAGS = frozenset(FLAGS[:5])
DELIVERY_MODES = ("pickup", "door")
MAX_PEOPLE = 20
MAX_NAME = 40
MAX_NOTES = 500

# Words found anywhere in a "special situation" cell, longest first so 独居老人 wins over 独居.
_FLAG_WORDS = sorted(
    [
        ("独居老人", "elderly_alone"),
        ("独居", "elderly_alone"),
        ("空巢", "elderly_alone"),
        ("孤寡", "elderly_alone"),
        ("孤老", "elderly_alone"),
        ("婴幼儿", "infant"),
        ("婴儿", "infant"),
        ("孕妇", "pregnant"),
        ("怀孕", "pregnant"),
        ("慢性病", "chronic_medication"),
        ("用药", "chronic_medication"),
        ("胰岛素", "chronic_medication"),
        ("残疾", "disability"),
        ("行动不便", "disability"),
        ("轮椅", "disability"),
        ("不会用智能手机", "no_smartphone"),
        ("不会用手机", "no_smartphone"),
        ("无智能手机", "no_smartphone"),
        ("没有智能手机", "no_smartphone"),
        ("老人机", "no_smartphone"),
    ],
    key=lambda pair: -len(pair[0]),
)


@dataclass(frozen=True)
class Household:
    id: int
    uuid: str
    station: str
    address: str
    building: int
    entrance: int | None
    room: int
    name: str
    phone: str
    people: int
    flags: tuple[str, ...]
    delivery: str
    notes: str
    active: bool
    created_at: str
    updated_at: str

    @property
    def masked_phone(self) -> str:
        return "…" + self.phone[-4:] if len(self.phone) >= 4 else self.phone

    @property
    def vulnerable(self) -> bool:
        return bool(VULNERABLE_FLAGS.intersection(self.flags))


def _from_row(row: Row) -> Household:
    return Household(
        id=row["id"],
        uuid=row["uuid"],
        station=row["station"],
        address=row["address"],
        building=row["building"],
        entrance=row["entrance"],
        room=row["room"],
        name=row["name"],
        phone=row["phone"],
        people=row["people"],
        flags=split_flags(row["flags"]),
        delivery=row["delivery"],
        notes=row["notes"],
        active=bool(row["active"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


# ---- the rules for each field -------------------------------------------------------------


def split_flags(stored: str) -> tuple[str, ...]:
    if not stored:
        return ()  # most households: no flag
    kept = stored.split(";")
    return tuple(flag for flag in FLAGS if flag in kept)


def join_flags(flags: Iterable[str]) -> str:
    chosen = set(flags)
    unknown = chosen.difference(FLAGS)
    if unknown:
        raise BadInput("flag_unknown", "flags", flag=sorted(unknown)[0])
    return ";".join(flag for flag in FLAGS if flag in chosen)


def flags_from_text(text: str | None) -> tuple[str, ...]:
    """Flags named in a free-text cell: Chinese words anywhere in it, or this program's own names."""
    if not text:
        return ()
    found: set[str] = set()
    rest = plain(text)
    for word, flag in _FLAG_WORDS:
        if word in rest:
            found.add(flag)
            rest = rest.replace(word, " ")
    rest = rest.lower()
    for flag in FLAGS:  # its own name, or written `elderly alone`, `no-smartphone`
        if re.search(r"(?<![a-z])" + flag.replace("_", "[ _-]") + r"(?![a-z])", rest):
            found.add(flag)
    return tuple(flag for flag in FLAGS if flag in found)


def normalise_phone(text: object) -> str:
    """Digits only; a leading +86 country code is dropped from a mobile number."""
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    raw = plain(text)
    digits = re.sub(r"[^0-9]", "", raw)
    if raw and not digits:
        raise BadInput("phone_invalid", "phone", text=raw)
    if len(digits) == 13 and digits.startswith("861"):
        digits = digits[2:]
    if len(digits) > 15:
        raise BadInput("phone_invalid", "phone", text=raw)
    if digits and not _phone_length_fits(digits):
        raise BadInput("phone_length", "phone", text=raw, count=len(digits))
    return digits


def _phone_length_fits(digits: str) -> bool:
    """A mobile (11 digits from 1), a local landline (7 or 8), one with its area code (10 to 12
    from 0), or an international number written with 00."""
    length = len(digits)
    if length in (7, 8):
        return True
    if length == 11 and digits.startswith("1"):
        return True
    if 10 <= length <= 12 and digits.startswith("0"):
        return True
    return digits.startswith("00") and 11 <= length <= 15


_CHINESE_COUNTS = {
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}


def parse_people(value: object) -> int:
    """How many live in the household: 1 to 20. A blank counts as one."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 1
    if isinstance(value, bool):
        raise BadInput("people_invalid", "people", text=str(value))
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = plain(value)
        text = re.sub(r"(人|口|位)$", "", text).strip()
        if re.fullmatch(r"[+-]?\d+", text):
            number = int(text)
        elif text in _CHINESE_COUNTS:
            number = _CHINESE_COUNTS[text]
        else:
            raise BadInput("people_invalid", "people", text=str(value).strip())
    if not 1 <= number <= MAX_PEOPLE:
        raise BadInput("people_out_of_range", "people", value=number, maximum=MAX_PEOPLE)
    return number


def parse_delivery(value: object) -> str:
    if value is None or not str(value).strip():
        return "pickup"
    text = str(value).strip().lower()
    if text in ("pickup", "自提", "自取", "门岗自提", "pick up"):
        return "pickup"
    if text in ("door", "送货上门", "送上门", "上门", "送门口", "door delivery"):
        return "door"
    raise BadInput("delivery_invalid", "delivery", text=str(value).strip())


@functools.lru_cache(maxsize=16384)
def name_initials(name: str) -> str:
    """Pinyin initials of a name, so `zs` finds 张三; letters of a Latin name are kept."""
    if not name:
        return ""
    from pypinyin import Style, lazy_pinyin  # loaded on first use: it is slow to import

    letters = lazy_pinyin(name, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))
    return "".join(letter[0] for letter in letters if letter and letter[0].isalnum()).lower()


@dataclass
class HouseholdFields:
    """What a person typed for a household, checked and made canonical by `validate`."""

    address: str = ""
    name: str = ""
    phone: str = ""
    people: object = 1
    flags: Iterable[str] = field(default_factory=tuple)
    delivery: str = "pickup"
    notes: str = ""
    active: bool = True


def validate(fields: HouseholdFields) -> dict:
    """The values to store, or BadInput naming the first field that is wrong."""
    address = parse_address(fields.address)
    return _values(address, fields.name, fields.phone, fields.people, fields.flags,
                   fields.delivery, fields.notes, fields.active)


def _values(address: Address, name, phone, people, flags, delivery, notes, active) -> dict:
    name = clean(name)
    if len(name) > MAX_NAME:
        raise BadInput("name_too_long", "name", maximum=MAX_NAME)
    notes = str(notes or "").strip()
    if len(notes) > MAX_NOTES:
        raise BadInput("notes_too_long", "notes", maximum=MAX_NOTES)
    if delivery not in DELIVERY_MODES:
        delivery = parse_delivery(delivery)
    return {
        "address": address.canonical,
        "building": address.building,
        "entrance": address.entrance,
        "room": address.room,
        "name": name,
        "name_initials": name_initials(name),
        "phone": normalise_phone(phone),
        "people": parse_people(people),
        "flags": join_flags(flags),
        "delivery": delivery,
        "notes": notes,
        "active": 1 if active else 0,
    }


def values_from_parts(building, entrance, room, **rest) -> dict:
    """Like `validate`, for rows that give building, entrance and room in separate cells."""
    address = address_from_parts(building, entrance, room)
    return _values(address, **rest)


# ---- reading --------------------------------------------------------------------------------


def get_household(conn: Connection, household_id: int) -> Household:
    row = rows.select_by_id(conn, household_id)
    if row is None:
        raise BadInput("household_unknown", "household", id=household_id)
    return _from_row(row)


def find_household(conn: Connection, address: str) -> Household | None:
    """The household at an address written in any accepted form, or None."""
    try:
        canonical = parse_address(address).canonical
    except BadInput:
        return None
    row = rows.select_by_address(conn, canonical)
    return _from_row(row) if row else None


def list_households(conn: Connection, *, active_only: bool = False) -> list[Household]:
    return [_from_row(row) for row in rows.select_all(conn, active_only=active_only)]


def search_households(conn: Connection, query: str) -> list[Household]:
    """Households matching an address in any form, a room, a name, a phone or pinyin initials."""
    text = plain(query)
    if not text:
        return list_households(conn)
    try:
        address = parse_address(text).canonical
    except BadInput:
        address = None
    if address is not None:
        # `9-101` is a home, never the digits 9101 inside 57 phone numbers.
        found = rows.select_matching(conn, address=address, text=text.replace(" ", ""),
                                     digits="", initials="", addresses_only=True)
        return [_from_row(row) for row in found]
    only_digits = re.sub(r"\D", "", text)
    digits = only_digits if len(only_digits) >= 4 else ""
    initials = text.lower() if re.fullmatch(r"[A-Za-z]+", text) else ""
    found = rows.select_matching(
        conn, address=None, text=text.replace(" ", ""), digits=digits, initials=initials
    )
    return [_from_row(row) for row in found]


@dataclass(frozen=True)
class RosterSummary:
    households: int
    flagged: int
    door: int
    buildings: list[tuple[int, int]]


def roster_summary(conn: Connection) -> RosterSummary:
    counts = rows.count_summary(conn)
    return RosterSummary(
        households=counts["households"],
        flagged=counts["flagged"],
        door=counts["door"],
        buildings=rows.count_by_building(conn),
    )


# ---- writing --------------------------------------------------------------------------------


def add_household(conn: Connection, fields: HouseholdFields) -> int:
    values = validate(fields)
    with transaction(conn):
        if rows.select_by_address(conn, values["address"]):
            raise BadInput("address_taken", "address", address=values["address"])
        household_id = rows.insert(conn, values, station=conn.station, now=utc_now())
        audit.record(conn, "household_added", household_id=household_id, summary=values["address"],
                     changes=[(key, None, values[key]) for key in AUDITED if values.get(key) not in (None, "")])
        return household_id


def update_household(conn: Connection, household_id: int, fields: HouseholdFields) -> None:
    values = validate(fields)
    with transaction(conn):
        before = rows.select_by_id(conn, household_id)
        get_household(conn, household_id)
        other = rows.select_by_address(conn, values["address"])
        if other and other["id"] != household_id:
            raise BadInput("address_taken", "address", address=values["address"])
        rows.update(conn, household_id, values, now=utc_now())
        changes = audit.differences(dict(before), values, AUDITED)
        if changes:
            audit.record(conn, "roster_edit", household_id=household_id, summary=values["address"],
                         changes=changes)


# The fields of a household the audit log follows, as stored.
AUDITED = ("address", "name", "phone", "people", "flags", "delivery", "notes", "active")


def save_values(conn: Connection, values: Mapping, existing: Row | None) -> str:
    """Store checked values inside the caller's transaction: 'added', 'updated' or 'unchanged'."""
    if existing is None:
        rows.insert(conn, dict(values), station=conn.station, now=utc_now())
        return "added"
    changed = {key: value for key, value in values.items() if existing[key] != value}
    if not changed:
        return "unchanged"
    rows.update(conn, existing["id"], changed, now=utc_now())
    return "updated"
