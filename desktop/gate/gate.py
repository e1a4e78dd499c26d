"""The gate: one answer for a scanned code, used alike by the Gate page and by `scan`.

For any text, `scan` answers one verdict (CLI.md): `ok` (a bag that may be handed over),
`already_handed_over`, `void` (its buy was cancelled, or it was remade or spoiled; also a
replaced household card), `wrong_household` (checked against a household's card: not its bag),
`household` (a card: its bags still waiting, over every buy), `forged`, `other_compound`,
`unknown` (signed right, but no such bag or card here) or `invalid` (not a code of this compound,
or one with a single mistyped character). It never raises for the text scanned.

Recording (`pickup`, `door`, `gate` = arrived at the gate) appends a custody event only when the
verdict is `ok`, and the check and the event share one `BEGIN IMMEDIATE` transaction: of two
stations recording the same bag at once, the second waits for the first and is then refused with
who took the bag, where and when. Arriving at the gate does not end custody; picking up and
delivering to the door do. A mistake is undone by an appended reversal with a reason, never by a
deletion, and the bag waits again.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.bags import codes
from desktop.clock import utc_now
from desktop.compound import code_keys
from desktop.db import gate as rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput, DeskError
from desktop.files import spreadsheet_csv, written_atomically

VERDICTS = ("ok", "already_handed_over", "void", "wrong_household", "household", "forged",
            "other_compound", "unknown", "invalid")
RECORDABLE = ("pickup", "door", "gate")
HANDED_OVER = ("pickup", "door")
# What the answer means at a glance; the window gives each its colour and sound:
# `go` a bag that may go (or just went) to its household, `look` a card's list or a bag that
# only arrived at the gate, `stop` every refusal.
TONES = ("go", "look", "stop")
MAX_NAME = 60
MAX_REASON = 300
DEFAULT_FROZEN_LIMIT = 90  # minutes a frozen bag may wait outside a freezer before it is flagged
DEFAULT_CHILLED_LIMIT = 120
MAX_LIMIT = 24 * 60
SETTING_FROZEN = "gate.frozen_limit_minutes"
SETTING_CHILLED = "gate.chilled_limit_minutes"
SETTING_SEALED = "gate.sealed_buildings"
# Refusals of text shaped like a code that are written down: someone may be guessing codes.
WATCHED = ("forged", "other_compound", "invalid")
GUESSING_WINDOW_S = 60
GUESSING_LIMIT = 5  # more than this many at one station within the window: a warning
EXPORT_COLUMNS = ("code", "address", "action", "at", "operator", "station", "proxy", "reason",
                  "undoes")


# ---- what an answer holds ---------------------------------------------------------------------


@dataclass(frozen=True)
class BagInfo:
    index: int
    count: int
    buy: str
    storage: str


@dataclass(frozen=True)
class Handoff:
    id: int
    action: str
    at: str
    operator: str
    station: str
    proxy_name: str = ""

    def as_json(self) -> dict:
        return {"action": self.action, "at": self.at, "operator": self.operator,
                "station": self.station}


@dataclass(frozen=True)
class WaitingBag:
    bag_id: int
    code: str
    household_id: int
    address: str
    building: int
    entrance: int | None
    room: int
    name: str
    delivery: str
    buy_id: int
    buy: str
    storage: str
    index: int
    count: int
    since: str
    at_gate: bool = False

    def minutes_waited(self, now: datetime | None = None) -> int:
        moment = now or datetime.now(UTC)
        return max(0, int((moment - parse_time(self.since)).total_seconds() // 60))

    def as_json(self) -> dict:
        return {"code": self.code, "buy": self.buy, "index": self.index, "count": self.count}


@dataclass(frozen=True)
class Card:
    """A household's current card, resolved once: what bags are checked against."""

    household_id: int
    code: str
    address: str


@dataclass(frozen=True)
class ScanResult:
    verdict: str
    code: str
    address: str | None = None
    bag: BagInfo | None = None
    last_handoff: Handoff | None = None
    recorded: bool = False
    # A card's bags not yet handed over; for `ok`, the bag's household's other bags still waiting.
    waiting_bags: tuple[WaitingBag, ...] = ()
    # Beyond the JSON: what the window needs to word and act on the answer.
    kind: str | None = None  # "bag" or "household" for a code of this program's format
    bag_id: int | None = None
    household_id: int | None = None  # the bag's household, or the card's
    card: Card | None = None  # the card the bag was checked against
    void_reason: str | None = None  # remade, order_withdrawn, buy_cancelled, spoiled, card_replaced
    mistyped: bool = False
    # For a refused code-shaped scan: how many such scans this station saw in the last minute.
    refused_last_minute: int = 0

    @property
    def tone(self) -> str:
        if self.verdict == "ok":
            recorded_gate = self.recorded and self.last_handoff and self.last_handoff.action == "gate"
            return "look" if recorded_gate else "go"
        return "look" if self.verdict == "household" else "stop"

    @property
    def at_gate(self) -> bool:
        return self.last_handoff is not None and self.last_handoff.action == "gate"

    def as_json(self) -> dict:
        bag = self.bag
        return {
            "verdict": self.verdict,
            "code": self.code,
            "address": self.address,
            "bag": None if bag is None else {"index": bag.index, "count": bag.count,
                                             "buy": bag.buy, "storage": bag.storage},
            "last_handoff": None if self.last_handoff is None else self.last_handoff.as_json(),
            "recorded": self.recorded,
            "waiting_bags": [w.as_json() for w in self.waiting_bags],
        }


@dataclass(frozen=True)
class Undone:
    code: str
    address: str
    undone: Handoff
    reversal: Handoff


@dataclass(frozen=True)
class GateSettings:
    frozen_limit: int = DEFAULT_FROZEN_LIMIT  # minutes
    chilled_limit: int = DEFAULT_CHILLED_LIMIT
    sealed_buildings: tuple[int, ...] = ()

    def limit_for(self, storage: str) -> int | None:
        return {"frozen": self.frozen_limit, "chilled": self.chilled_limit}.get(storage)

    def overdue(self, bag: WaitingBag, now: datetime | None = None) -> bool:
        """A frozen or chilled bag that has waited past its limit: the cold chain is at risk."""
        limit = self.limit_for(bag.storage)
        return limit is not None and bag.minutes_waited(now) >= limit


@dataclass(frozen=True)
class DoorStop:
    """One household on a door-delivery run, and why it is on it (`door` or `sealed`)."""

    household_id: int
    address: str
    building: int
    entrance: int | None
    room: int
    name: str
    reason: str
    bags: tuple[WaitingBag, ...] = field(default=())


# ---- the compound's keys, once per connection ---------------------------------------------------

_keys: weakref.WeakKeyDictionary[Connection, codes.CodeKeys] = weakref.WeakKeyDictionary()


def compound_keys(conn: Connection) -> codes.CodeKeys:
    """The keys codes are checked with, read once per connection (the secret never changes)."""
    keys = _keys.get(conn)
    if keys is None:
        keys = _keys[conn] = code_keys(conn)
    return keys


# ---- scanning ---------------------------------------------------------------------------------


def resolve_card(conn: Connection, text: object) -> Card:
    """A household's current card from its code in any typed form; BadInput when it is not one."""
    check = codes.verify(compound_keys(conn), text)
    row = rows.select_card(conn, check.code) if check.genuine and check.kind == "household" else None
    if row is None or row["revoked_at"] is not None:
        raise BadInput("gate_card_invalid", "card", text=check.code or str(text or "")[:40])
    return Card(row["household_id"], row["code"], row["address"])


def scan(
    conn: Connection,
    text: object,
    *,
    card: Card | str | None = None,
    record: str | None = None,
    operator: str = "",
    station: str | None = None,
    proxy_name: str = "",
    at: str | None = None,
    watch: bool = True,
) -> ScanResult:
    """The answer for a scanned or typed code; with `record`, the handoff is appended when the
    answer is `ok`, in the same transaction as the check. `card` checks a bag against a
    household's card. Bad `record` or `card` values raise BadInput; the scanned text never does."""
    if record is not None and record not in RECORDABLE:
        raise BadInput("gate_action_invalid", "record", action=str(record))
    operator, proxy_name = clean_name(operator), clean_name(proxy_name)
    station = clean_name(station) or conn.station
    check = codes.verify(compound_keys(conn), text)
    if isinstance(card, str):
        card = resolve_card(conn, card)
    if not check.genuine:
        burst = 0
        if watch and check.verdict in WATCHED and codes.shaped_like_code(check.code):
            burst = _note_refused(conn, check, operator, station, at)
        return ScanResult(check.verdict, check.code, kind=check.kind, mistyped=check.mistyped,
                          refused_last_minute=burst)
    if check.kind == "household":
        return _card_answer(conn, check.code)
    if record is None:
        return _bag_answer(conn, check.code, card)
    with transaction(conn):
        row = rows.select_bag_for_scan(conn, check.code)
        if row is None or _verdict(row, card)[0] != "ok":
            return _bag_answer(conn, check.code, card, row)
        when = at or utc_now()
        event_id = rows.insert_event(conn, {
            "bag_id": row["id"], "action": record, "proxy_name": proxy_name,
            "operator": operator, "at": when,
        }, station=station)
    event = Handoff(event_id, record, when, operator, station, proxy_name)
    return _bag_answer(conn, check.code, card, row, recorded=event)


def _note_refused(conn: Connection, check: codes.CodeCheck, operator: str, station: str,
                  at: str | None) -> int:
    """Write down a refused code-shaped scan; how many this station saw in the last minute. A
    file that cannot be written (read-only, busy) still answers the scan: the note is skipped."""
    if getattr(conn, "read_only", False):
        return 0
    when = at or utc_now()
    try:
        with transaction(conn):
            rows.insert_refused_scan(conn, when, station, operator, check.code[:40], check.verdict)
            since = (parse_time(when) - timedelta(seconds=GUESSING_WINDOW_S)).strftime(
                "%Y-%m-%dT%H:%M:%SZ")
            return rows.count_refused_since(conn, station, since)
    except (sqlite3.Error, DeskError):
        return 0


@dataclass(frozen=True)
class RefusedScan:
    at: str
    station: str
    operator: str
    text: str
    verdict: str

    def as_json(self) -> dict:
        return {"at": self.at, "station": self.station, "operator": self.operator,
                "text": self.text, "verdict": self.verdict}


def list_refused_scans(conn: Connection) -> list[RefusedScan]:
    """Every refused code-shaped scan, in the order they were made."""
    return [RefusedScan(r["at"], r["station"], r["operator"], r["text"], r["verdict"])
            for r in rows.select_refused_scans(conn)]


def _card_answer(conn: Connection, code: str) -> ScanResult:
    row = rows.select_card(conn, code)
    if row is None:
        return ScanResult("unknown", code, kind="household")
    if row["revoked_at"] is not None:
        return ScanResult("void", code, row["address"], kind="household",
                          household_id=row["household_id"], void_reason="card_replaced")
    waiting = tuple(_waiting(r) for r in rows.select_waiting(conn, row["household_id"]))
    card = Card(row["household_id"], row["code"], row["address"])
    return ScanResult("household", code, row["address"], waiting_bags=waiting, kind="household",
                      household_id=row["household_id"], card=card)


_NOT_READ = object()


def _bag_answer(conn: Connection, code: str, card: Card | None, row=_NOT_READ, *,
                recorded: Handoff | None = None) -> ScanResult:
    """The answer for a bag code, from its row (read here unless given); `recorded` is the event
    just appended for it."""
    if row is _NOT_READ:
        row = rows.select_bag_for_scan(conn, code)
    if row is None:
        return ScanResult("unknown", code, kind="bag", card=card)
    verdict, void_reason, last = _verdict(row, card)
    waiting: tuple[WaitingBag, ...] = ()
    if verdict == "ok":  # what else the household may take away now, over every buy
        waiting = tuple(_waiting(r) for r in
                        rows.select_household_waiting(conn, row["household_id"], row["id"]))
    return ScanResult(
        verdict, code, row["address"],
        BagInfo(row["position"], row["count"], row["buy_title"], row["storage"]),
        recorded or last, recorded is not None, waiting, kind="bag", bag_id=row["id"],
        household_id=row["household_id"], card=card, void_reason=void_reason,
    )


def _verdict(row, card: Card | None) -> tuple[str, str | None, Handoff | None]:
    """(verdict, why void, standing event) for a bag's row, checked against a card if any."""
    last = None
    if row["last_id"] is not None:
        last = Handoff(row["last_id"], row["last_action"], row["last_at"], row["last_operator"],
                       row["last_station"], row["last_proxy"])
    if card is not None and row["household_id"] != card.household_id:
        return "wrong_household", None, last
    if last is not None and last.action in HANDED_OVER:
        return "already_handed_over", None, last
    if row["voided_at"] is not None or row["buy_status"] == "cancelled":
        return "void", row["void_reason"] or "buy_cancelled", last
    if last is not None and last.action == "spoiled":
        return "void", "spoiled", last
    return "ok", None, last


def clean_name(text: object) -> str:
    """A person's or station's name as stored: one line, trimmed, at most MAX_NAME characters."""
    if not text:
        return ""
    return re.sub(r"\s+", " ", str(text)).strip()[:MAX_NAME]


# ---- undoing ----------------------------------------------------------------------------------


def undo_last_handoff(
    conn: Connection,
    text: object,
    reason: str,
    *,
    operator: str = "",
    station: str | None = None,
    at: str | None = None,
) -> Undone:
    """Undo a bag's standing custody event with an appended reversal that says why; the bag
    waits again (or stands where the event before it left it)."""
    reason = re.sub(r"\s+", " ", str(reason or "")).strip()[:MAX_REASON]
    if not reason:
        raise BadInput("gate_undo_reason_empty", "reason")
    operator = clean_name(operator)
    station = clean_name(station) or conn.station
    check = codes.verify(compound_keys(conn), text)
    if not check.genuine or check.kind != "bag":
        raise BadInput("gate_undo_not_a_bag", "code", text=check.code or str(text or "")[:40])
    with transaction(conn):
        row = rows.select_bag_for_scan(conn, check.code)
        if row is None:
            raise BadInput("gate_undo_not_a_bag", "code", text=check.code)
        if row["last_id"] is None:
            raise BadInput("gate_nothing_to_undo", "code", text=codes.display_code(check.code),
                           address=row["address"])
        when = at or utc_now()
        reversal_id = rows.insert_event(conn, {
            "bag_id": row["id"], "action": "reversal", "reverses_id": row["last_id"],
            "reason": reason, "operator": operator, "at": when,
        }, station=station)
    undone = Handoff(row["last_id"], row["last_action"], row["last_at"], row["last_operator"],
                     row["last_station"], row["last_proxy"])
    return Undone(check.code, row["address"], undone,
                  Handoff(reversal_id, "reversal", when, operator, station))


# ---- who is at the gate -----------------------------------------------------------------------

SHIFT_HOURS = 12  # a guard's name is asked for again after this long


def guard_name(text: object) -> str:
    """The name a guard gives for a shift, as recorded; BadInput when it is empty or is a code
    (a scanner's burst typed into the name field)."""
    name = clean_name(text)
    if not name:
        raise BadInput("gate_guard_name_empty", "operator")
    if codes.shaped_like_code(name):
        raise BadInput("gate_guard_name_is_code", "operator")
    return name


def guard_key(conn: Connection) -> str:
    """Where a station remembers its guard's name for this compound: by the compound's public
    identity, which a restore of the compound's own backup keeps."""
    return compound_keys(conn).identity


# ---- a guard's decision about one bag --------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """What a guard decided about a bag on screen: the answer after it, and the event it undid
    (when the bag already stood recorded otherwise)."""

    result: ScanResult
    undone: Handoff | None
    reason: str


def decide(
    conn: Connection,
    text: object,
    action: str,
    reason: str,
    *,
    card: Card | None = None,
    operator: str = "",
    station: str | None = None,
    at: str | None = None,
) -> Decision:
    """Record `action` for a bag because a guard says so ("this one went to the door instead"),
    with the reason. When the bag stands recorded as another custody action (picked up, delivered,
    at the gate), that event is reversed with the same reason and the new one appended, in one
    transaction; a bag not yet recorded simply gets the new event."""
    if action not in RECORDABLE:
        raise BadInput("gate_action_invalid", "record", action=str(action))
    reason = re.sub(r"\s+", " ", str(reason or "")).strip()[:MAX_REASON]
    if not reason:
        raise BadInput("gate_decision_reason_empty", "reason")
    operator = clean_name(operator)
    station = clean_name(station) or conn.station
    check = codes.verify(compound_keys(conn), text)
    if not check.genuine or check.kind != "bag":
        raise BadInput("gate_undo_not_a_bag", "code", text=check.code or str(text or "")[:40])
    with transaction(conn):
        row = rows.select_bag_for_scan(conn, check.code)
        if row is None:
            raise BadInput("gate_undo_not_a_bag", "code", text=check.code)
        verdict, _void, last = _verdict(row, card)
        shown = codes.display_code(check.code)
        if verdict == "wrong_household":
            raise BadInput("gate_decision_wrong_household", "code", text=shown,
                           address=row["address"], card=card.address if card else "")
        if verdict == "void":
            raise BadInput("gate_decision_void", "code", text=shown, address=row["address"])
        if last is not None and last.action == action:
            raise BadInput("gate_decision_same", "record", text=shown, address=row["address"])
        when = at or utc_now()
        undone = None
        if last is not None and last.action in RECORDABLE:
            rows.insert_event(conn, {
                "bag_id": row["id"], "action": "reversal", "reverses_id": last.id,
                "reason": reason, "operator": operator, "at": when,
            }, station=station)
            undone = last
        event_id = rows.insert_event(conn, {
            "bag_id": row["id"], "action": action, "reason": reason, "operator": operator,
            "at": when,
        }, station=station)
    event = Handoff(event_id, action, when, operator, station)
    waiting = tuple(_waiting(r) for r in
                    rows.select_household_waiting(conn, row["household_id"], row["id"]))
    answer = replace(_bag_answer(conn, check.code, card, row), verdict="ok", last_handoff=event,
                     recorded=True, void_reason=None, waiting_bags=waiting)
    return Decision(answer, undone, reason)


# ---- waiting bags, the cold chain and door-delivery runs --------------------------------------


def parse_time(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def _waiting(row) -> WaitingBag:
    return WaitingBag(
        bag_id=row["id"], code=row["code"], household_id=row["household_id"],
        address=row["address"], building=row["building"], entrance=row["entrance"],
        room=row["room"], name=row["name"], delivery=row["delivery"], buy_id=row["buy_id"],
        buy=row["buy_title"], storage=row["storage"], index=row["position"], count=row["count"],
        since=row["since"], at_gate=row["last_action"] == "gate",
    )


def storage_counts(bags: Iterable[WaitingBag]) -> list[tuple[str, int]]:
    """[(storage, how many)] for some waiting bags: frozen, then chilled, then ambient."""
    counts: dict[str, int] = {}
    for bag in bags:
        counts[bag.storage] = counts.get(bag.storage, 0) + 1
    order = ("frozen", "chilled", "ambient")
    return sorted(counts.items(), key=lambda item: order.index(item[0]) if item[0] in order else 9)


def list_waiting(conn: Connection, household_id: int | None = None) -> list[WaitingBag]:
    """Bags not yet handed over, oldest first (frozen before chilled before ambient)."""
    return [_waiting(row) for row in rows.select_waiting(conn, household_id)]


# ---- the clock cold-chain ages are counted on ---------------------------------------------------

CLOCK_SLACK_S = 120  # a wall clock this far behind the steady reading has jumped


class SteadyClock:
    """The wall clock as it read when the program started, carried forward by the monotonic
    clock, which no one can set: what the time must be at least, whatever the wall clock says."""

    def __init__(self, wall: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._wall = wall
        self._monotonic = monotonic
        self._anchor = (wall(), monotonic())

    def read(self) -> tuple[datetime, datetime]:
        """(the wall clock now, the steady reading now)."""
        wall0, mono0 = self._anchor
        return (datetime.fromtimestamp(self._wall(), UTC),
                datetime.fromtimestamp(wall0 + (self._monotonic() - mono0), UTC))


STEADY = SteadyClock()


@dataclass(frozen=True)
class AgeClock:
    """The moment cold-chain ages are counted to. `source` is `wall` when the computer's clock
    was used; `steady` when it was set back while the program ran and the monotonic reading was
    used instead; `recorded` when it is behind the latest recorded handoff, whose time was used.
    `behind_minutes` says by how much the computer's clock is behind."""

    now: datetime
    source: str = "wall"
    behind_minutes: int = 0

    @property
    def jumped(self) -> bool:
        return self.source != "wall"

    def as_json(self) -> dict:
        return {"source": self.source, "clock_behind_minutes": self.behind_minutes}


def age_clock(conn: Connection | None = None, steady: SteadyClock | None = None) -> AgeClock:
    """The latest of the wall clock, the steady reading and the latest recorded handoff: a clock
    set back never makes a frozen bag look fresher than it is."""
    wall, reading = (steady or STEADY).read()
    candidates = [(wall, "wall"), (reading, "steady")]
    if conn is not None:
        latest = rows.select_latest_event_time(conn)
        if latest:
            candidates.append((parse_time(latest), "recorded"))
    moment, source = max(candidates, key=lambda candidate: candidate[0])
    behind = (moment - wall).total_seconds()
    if behind <= CLOCK_SLACK_S:
        return AgeClock(wall)
    return AgeClock(moment, source, round(behind / 60))


def get_gate_settings(conn: Connection) -> GateSettings:
    def minutes(key: str, default: int) -> int:
        value = rows.select_setting(conn, key)
        try:
            number = int(value) if value is not None else default
        except ValueError:
            return default
        return number if 1 <= number <= MAX_LIMIT else default

    sealed = rows.select_setting(conn, SETTING_SEALED) or ""
    buildings = tuple(sorted({int(part) for part in sealed.split(",") if part.strip().isdigit()}))
    return GateSettings(minutes(SETTING_FROZEN, DEFAULT_FROZEN_LIMIT),
                        minutes(SETTING_CHILLED, DEFAULT_CHILLED_LIMIT), buildings)


def parse_minutes(value: object) -> int:
    text = str(value if value is not None else "").strip()
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if not text.isdecimal() or not 1 <= int(text) <= MAX_LIMIT:
        raise BadInput("gate_limit_invalid", "limit", text=text, maximum=MAX_LIMIT)
    return int(text)


def parse_buildings(value: object) -> tuple[int, ...]:
    """Building numbers from `3, 5 12号楼`; BadInput names the first piece that is not one."""
    if isinstance(value, Iterable) and not isinstance(value, str):
        pieces = [str(v) for v in value]
    else:
        text = str(value or "").translate(str.maketrans("０１２３４５６７８９，、；", "0123456789,,,"))
        pieces = re.split(r"[,;\s]+", text)
    found = set()
    for piece in pieces:
        piece = re.sub(r"(号楼|栋|幢|号)$", "", piece.strip())
        if not piece:
            continue
        if not piece.isdecimal() or int(piece) < 1:
            raise BadInput("building_invalid", "building", text=piece)
        found.add(int(piece))
    return tuple(sorted(found))


def save_gate_settings(
    conn: Connection,
    *,
    frozen_limit: object = None,
    chilled_limit: object = None,
    sealed_buildings: object = None,
) -> GateSettings:
    """Change the cold-chain limits (minutes) and the sealed buildings; what is not given stays."""
    values = {}
    if frozen_limit is not None:
        values[SETTING_FROZEN] = str(parse_minutes(frozen_limit))
    if chilled_limit is not None:
        values[SETTING_CHILLED] = str(parse_minutes(chilled_limit))
    if sealed_buildings is not None:
        values[SETTING_SEALED] = ",".join(str(b) for b in parse_buildings(sealed_buildings))
    with transaction(conn):
        for key, value in values.items():
            rows.upsert_setting(conn, key, value)
    return get_gate_settings(conn)


def set_building_sealed(conn: Connection, building: int, sealed: bool = True) -> GateSettings:
    """A building sealed by the authorities gets every bag carried to the door, and back."""
    (number,) = parse_buildings([building])
    with transaction(conn):
        current = set(get_gate_settings(conn).sealed_buildings)
        current = current | {number} if sealed else current - {number}
        rows.upsert_setting(conn, SETTING_SEALED, ",".join(str(b) for b in sorted(current)))
    return get_gate_settings(conn)


def door_run(conn: Connection, building: int | None = None,
             waiting: list[WaitingBag] | None = None) -> list[DoorStop]:
    """Households whose waiting bags are carried to the door (door delivery, or a sealed
    building), by building, entrance and room; one building's when `building` is given."""
    sealed = set(get_gate_settings(conn).sealed_buildings)
    stops: dict[int, list[WaitingBag]] = {}
    for bag in waiting if waiting is not None else list_waiting(conn):
        if building is not None and bag.building != building:
            continue
        if bag.delivery == "door" or bag.building in sealed:
            stops.setdefault(bag.household_id, []).append(bag)
    found = []
    for bags in stops.values():
        first = bags[0]
        bags.sort(key=lambda b: (b.buy_id, b.index))
        found.append(DoorStop(first.household_id, first.address, first.building, first.entrance,
                              first.room, first.name,
                              "door" if first.delivery == "door" else "sealed", tuple(bags)))
    found.sort(key=lambda s: (s.building, s.entrance is not None, s.entrance or 0, s.room))
    return found


# ---- the custody log as CSV -------------------------------------------------------------------


def export_handoffs(conn: Connection, path: str | os.PathLike[str],
                    should_cancel: Callable[[], bool] | None = None) -> int:
    """Every custody event, oldest first, as CSV (UTF-8 with a BOM, so Excel reads it); written
    beside the target and moved into place, so a failure never leaves half a file."""
    target = Path(path)
    table: list[list] = [list(EXPORT_COLUMNS)]
    count = 0
    for row in rows.select_log(conn):
        table.append([row["code"], row["address"], row["action"], row["at"], row["operator"],
                      row["station"], row["proxy_name"], row["reason"],
                      row["reverses_action"] or ""])
        count += 1
        if should_cancel is not None and count % 5000 == 0 and should_cancel():
            from desktop.errors import Cancelled

            raise Cancelled()
    with written_atomically(target) as file:
        file.write(spreadsheet_csv(table))
    return count
