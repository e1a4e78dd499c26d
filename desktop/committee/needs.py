"""Urgent needs: medicine, formula, insulin and the like that one household is waiting for.

A need is `open`, then `sourcing` (someone is finding it), and is closed as `met` or
`cancelled`. Each change a person makes is one function running one transaction. Open
high-urgency needs are shown at the gate when the household's card or bag is scanned, and on the
coverage list.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop import audit
from desktop.clock import utc_now
from desktop.db import exchange as station
from desktop.db import needs as rows
from desktop.db.base import Row
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.roster.address import parse_address
from desktop.roster.households import find_household
from desktop.text import clean, one_line
from desktop.words import Word

URGENCIES = ("high", "normal")
STATUSES = ("open", "sourcing", "met", "cancelled")
UNMET = rows.UNMET
OUTCOMES = ("met", "cancelled")
MAX_WHAT = 120
MAX_WHO = 60
MAX_NOTE = 500
MAX_NOTES = 4000


@dataclass(frozen=True)
class Need:
    id: int
    household_id: int
    address: str
    name: str
    phone: str
    what: str
    urgency: str
    status: str
    sourcing_by: str
    notes: str
    operator: str
    opened_at: str
    updated_at: str
    closed_at: str | None

    @property
    def unmet(self) -> bool:
        return self.status in UNMET

    def as_json(self) -> dict:
        return {"id": self.id, "address": self.address, "what": self.what,
                "urgency": self.urgency, "status": self.status, "sourcing_by": self.sourcing_by,
                "notes": self.notes, "opened_at": self.opened_at, "updated_at": self.updated_at,
                "closed_at": self.closed_at}


def _need(row: Row) -> Need:
    return Need(row["id"], row["household_id"], row["address"], row["name"], row["phone"],
                row["what"], row["urgency"], row["status"], row["sourcing_by"], row["notes"],
                row["operator"], row["opened_at"], row["updated_at"], row["closed_at"])


def parse_urgency(value: object) -> str:
    text = str(value if value is not None else "normal").strip().lower()
    if text not in URGENCIES:
        raise BadInput("need_urgency_invalid", "urgency", text=str(value))
    return text


def clean_what(value: object) -> str:
    what = one_line(value, MAX_WHAT)
    if not what:
        raise BadInput("need_what_empty", "what")
    return what


def list_needs(conn: Connection, *, unmet_only: bool = False) -> list[Need]:
    """Needs still to be met first (high urgency first, oldest first), then the closed ones."""
    return [_need(row) for row in rows.select_all(conn, unmet_only=unmet_only)]


def get_need(conn: Connection, need_id: int) -> Need:
    row = rows.select(conn, need_id)
    if row is None:
        raise BadInput("need_unknown", "need", id=need_id)
    return _need(row)


def urgent_needs_by_household(conn: Connection) -> dict[int, list[str]]:
    """What each household urgently waits for (high urgency, not met), oldest first."""
    found: dict[int, list[str]] = {}
    for row in rows.select_unmet_high_all(conn):
        found.setdefault(row["household_id"], []).append(row["what"])
    return found


def refuse_at_gate(conn: Connection) -> None:
    """Needs are kept at the lobby station; a gate shows them at a scan and changes none (the
    lobby's copy replaces a gate's at every merge)."""
    if station.role(conn) == "gate":
        raise BadInput("need_at_gate", "need")


def _audited(conn: Connection, need: Need, changes: list, operator: str) -> None:
    audit.record(conn, "need", household_id=need.household_id, summary=f"#{need.id} {need.what}",
                 changes=changes, operator=one_line(operator, MAX_WHO) or None)


def add_need(conn: Connection, address: str, what: object, urgency: object = "normal", *,
             note: object = "", operator: str = "") -> int:
    """A new need for the household at `address`; returns its number."""
    refuse_at_gate(conn)
    what = clean_what(what)
    urgency = parse_urgency(urgency)
    canonical = parse_address(str(address or "")).canonical  # says what is wrong with it
    note = clean(note, MAX_NOTE) if note else ""
    with transaction(conn):
        household = find_household(conn, canonical)
        if household is None:
            raise BadInput("household_not_found", "address", address=canonical)
        need_id = rows.insert(conn, {"household_id": household.id, "what": what, "urgency": urgency,
                                     "notes": note, "operator": one_line(operator, MAX_WHO)},
                              station=conn.station, now=utc_now())
        _audited(conn, get_need(conn, need_id), [("what", None, what), ("urgency", None, urgency),
                                                 ("status", None, "open")], operator)
        return need_id


def _open_need(conn: Connection, need_id: object) -> Need:
    """The need to change, refused when it does not exist or is already closed."""
    try:
        number = int(str(need_id).strip())
    except ValueError:
        raise BadInput("need_unknown", "need", id=str(need_id)) from None
    need = get_need(conn, number)
    if not need.unmet:
        raise BadInput("need_closed", "need", id=need.id, what=need.what,
                       status=Word("need_status", need.status))
    return need


def _with_note(notes: str, note: str) -> str:
    return (notes + "\n" + note if notes else note)[-MAX_NOTES:]


def update_need(conn: Connection, need_id: object, *, status: object = None, who: object = None,
                note: object = None, urgency: object = None, operator: str = "") -> Need:
    """Move a need on (open or sourcing), name who is sourcing it, add a note, change its
    urgency; closing is `close_need`."""
    refuse_at_gate(conn)
    if status is not None:
        status = str(status).strip().lower()
        if status not in UNMET:
            raise BadInput("need_status_invalid", "status", text=status)
    if urgency is not None:
        urgency = parse_urgency(urgency)
    who = one_line(who, MAX_WHO) if who is not None else None
    note = clean(note, MAX_NOTE) if note else ""
    with transaction(conn):
        need = _open_need(conn, need_id)
        values: dict = {}
        if status is not None and status != need.status:
            values["status"] = status
        if who is not None and who != need.sourcing_by:
            values["sourcing_by"] = who
            if status is None and who and need.status == "open":
                values["status"] = "sourcing"
        if urgency is not None and urgency != need.urgency:
            values["urgency"] = urgency
        if note:
            values["notes"] = _with_note(need.notes, note)
        if not values and status is None and who is None and urgency is None:
            raise BadInput("need_nothing_to_change", "status")
        if values:
            rows.update(conn, need.id, values, now=utc_now())
            after = get_need(conn, need.id)
            changes = audit.differences(vars(need), vars(after), ("status", "sourcing_by", "urgency"))
            _audited(conn, after, changes + ([("note", None, note)] if note else []), operator)
        return get_need(conn, need.id)


def close_need(conn: Connection, need_id: object, outcome: object, *, note: object = None,
               operator: str = "") -> Need:
    """Close a need as met or cancelled; a closed need stays closed."""
    refuse_at_gate(conn)
    outcome = str(outcome or "").strip().lower()
    if outcome not in OUTCOMES:
        raise BadInput("need_outcome_invalid", "outcome", text=outcome)
    note = clean(note, MAX_NOTE) if note else ""
    with transaction(conn):
        need = _open_need(conn, need_id)
        now = utc_now()
        values = {"status": outcome, "closed_at": now}
        if note:
            values["notes"] = _with_note(need.notes, note)
        rows.update(conn, need.id, values, now=now)
        after = get_need(conn, need.id)
        _audited(conn, after, [("status", need.status, outcome)] + ([("note", None, note)] if note else []),
                 operator)
        return after
