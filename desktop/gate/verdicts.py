"""The gate's answer for a scanned code, used alike by the Gate page, its session and `scan`.

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
delivering to the door do. Refused scans of text shaped like a code are written down, so that a
station can warn when someone seems to be guessing codes.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import timedelta

from desktop import audit
from desktop.bags import codes
from desktop.clock import utc_now
from desktop.compound import code_keys
from desktop.db import gate as rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput, DeskError
from desktop.gate.waiting import WaitingBag, parse_time, waiting_bag
from desktop.text import one_line

VERDICTS = ("ok", "already_handed_over", "void", "wrong_household", "household", "forged",
            "other_compound", "unknown", "invalid")
RECORDABLE = ("pickup", "door", "gate")
HANDED_OVER = ("pickup", "door")
# What the answer means at a glance; the window gives each its colour and sound:
# `go` a bag that may go (or just went) to its household, `look` a card's list or a bag that
# only arrived at the gate, `stop` every refusal.
TONES = ("go", "look", "stop")
MAX_NAME = 60
# Refusals of text shaped like a code that are written down: someone may be guessing codes.
WATCHED = ("forged", "other_compound", "invalid")
GUESSING_WINDOW_S = 60
GUESSING_LIMIT = 5  # more than this many at one station within the window: a warning

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
    # What the household urgently waits for (high-urgency needs not yet met), oldest first.
    urgent_needs: tuple[str, ...] = ()

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
            "urgent_needs": list(self.urgent_needs),
        }


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
    proxy_for: int | None = None,
) -> ScanResult:
    """The answer for a scanned or typed code; with `record`, the handoff is appended when the
    answer is `ok`, in the same transaction as the check. `card` checks a bag against a
    household's card. `proxy_for` names the one household the proxy collects for: a bag of
    another household is recorded without the proxy's name. Bad `record` or `card` values raise
    BadInput; the scanned text never does."""
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
        return bag_answer(conn, check.code, card)
    with transaction(conn):
        row = rows.select_bag_for_scan(conn, check.code)
        if row is None or verdict_of(row, card)[0] != "ok":
            return bag_answer(conn, check.code, card, row)
        if proxy_for is not None and row["household_id"] != proxy_for:
            proxy_name = ""
        when = at or utc_now()
        event_id = rows.insert_event(conn, {
            "bag_id": row["id"], "action": record, "proxy_name": proxy_name,
            "operator": operator, "at": when,
        }, station=station)
        audit.record(conn, "handoff", household_id=row["household_id"], at=when,
                     summary=codes.display_code(check.code) + (f" · {proxy_name}" if proxy_name else ""),
                     changes=[("action", None, record)], operator=operator or None)
    event = Handoff(event_id, record, when, operator, station, proxy_name)
    return bag_answer(conn, check.code, card, row, recorded=event)


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
    except DeskError:
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
    waiting = tuple(waiting_bag(r) for r in rows.select_waiting(conn, row["household_id"]))
    card = Card(row["household_id"], row["code"], row["address"])
    return ScanResult("household", code, row["address"], waiting_bags=waiting, kind="household",
                      household_id=row["household_id"], card=card,
                      urgent_needs=urgent_needs(row))


_NOT_READ = object()


def bag_answer(conn: Connection, code: str, card: Card | None, row=_NOT_READ, *,
               recorded: Handoff | None = None, verdict: tuple | None = None) -> ScanResult:
    """The answer for a bag code, from its row (read here unless given); `recorded` is the event
    just appended for it, `verdict` the (verdict, why void, standing event) to answer instead of
    the row's own."""
    if row is _NOT_READ:
        row = rows.select_bag_for_scan(conn, code)
    if row is None:
        return ScanResult("unknown", code, kind="bag", card=card)
    verdict, void_reason, last = verdict or verdict_of(row, card)
    waiting: tuple[WaitingBag, ...] = ()
    if verdict == "ok":  # what else the household may take away now, over every buy
        waiting = tuple(waiting_bag(r) for r in
                        rows.select_household_waiting(conn, row["household_id"], row["id"]))
    return ScanResult(
        verdict, code, row["address"],
        BagInfo(row["position"], row["count"], row["buy_title"], row["storage"]),
        recorded or last, recorded is not None, waiting, kind="bag", bag_id=row["id"],
        household_id=row["household_id"], card=card, void_reason=void_reason,
        urgent_needs=urgent_needs(row),
    )


def urgent_needs(row) -> tuple[str, ...]:
    """The household's high-urgency needs not yet met, read with its bag or card."""
    return tuple(row["urgent_needs"].split("\n")) if row["urgent_needs"] else ()


def verdict_of(row, card: Card | None) -> tuple[str, str | None, Handoff | None]:
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
    return one_line(text, MAX_NAME)


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

