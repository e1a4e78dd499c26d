"""Correcting the chain of custody: a mistake is undone by an appended reversal with a reason,
never by a deletion, and the bag waits again; a guard's decision about a bag ("this one went to
the door instead") reverses what stood and records what happened, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from desktop import audit
from desktop.bags import codes
from desktop.clock import utc_now
from desktop.db import gate as rows
from desktop.db import operators as operator_rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.gate.verdicts import (
    RECORDABLE,
    Card,
    Handoff,
    ScanResult,
    bag_answer,
    clean_name,
    compound_keys,
    verdict_of,
)
from desktop.text import one_line

MAX_REASON = 300
# Within this many minutes, at the station that recorded it, a handoff is undone by whoever is at
# the gate; later, or from another station, a committee member signs in for it.
UNDO_ALONE_MINUTES = 30


@dataclass(frozen=True)
class Undone:
    code: str
    address: str
    undone: Handoff
    reversal: Handoff
    after: ScanResult  # the bag's answer once the reversal stands


# ---- undoing ----------------------------------------------------------------------------------


def undo_last_handoff(
    conn: Connection,
    text: object,
    reason: str,
    *,
    operator: str = "",
    station: str | None = None,
    at: str | None = None,
    card: Card | None = None,
    approved_by: str = "",
) -> Undone:
    """Undo a bag's standing custody event with an appended reversal that says why; the bag
    waits again (or stands where the event before it left it), and its answer after the reversal
    (checked against `card` if given) is read in the same transaction."""
    reason, operator, station, check = _correction(conn, text, reason, "gate_undo_reason_empty",
                                                   operator, station)
    with transaction(conn):
        row = _bag_row(conn, check.code)
        if row["last_id"] is None:
            raise BadInput("gate_nothing_to_undo", "code", text=codes.display_code(check.code),
                           address=row["address"])
        when = at or utc_now()
        approved_by = _approval(conn, _standing(row), station, when, approved_by,
                                "gate_undo_needs_committee", codes.display_code(check.code))
        reversal_id = rows.insert_event(conn, {
            "bag_id": row["id"], "action": "reversal", "reverses_id": row["last_id"],
            "reason": reason, "operator": operator, "at": when,
        }, station=station)
        after = bag_answer(conn, check.code, card)
        audit.record(conn, "undo", household_id=row["household_id"],
                     summary=f"{codes.display_code(check.code)} · {reason}"
                     + (f" · {approved_by}" if approved_by else ""),
                     changes=[("action", row["last_action"], "reversal")], operator=operator or None,
                     at=when)
    undone = Handoff(row["last_id"], row["last_action"], row["last_at"], row["last_operator"],
                     row["last_station"], row["last_proxy"])
    return Undone(check.code, row["address"], undone,
                  Handoff(reversal_id, "reversal", when, operator, station), after)


def undo_needs_committee(conn: Connection, text: object, *, station: str | None = None,
                         now: datetime | None = None) -> bool:
    """Whether undoing this bag's standing event needs a committee member's sign-in: the event
    was recorded at another station, or more than 30 minutes ago. A bag with nothing to undo
    needs nobody (the undo itself says so)."""
    row = _scanned_bag(conn, text)
    if row is None:
        return False
    return _reversal_needs_committee(_standing(row), clean_name(station) or conn.station, now)


def decision_needs_committee(conn: Connection, text: object, *, station: str | None = None,
                             now: datetime | None = None) -> bool:
    """Whether a guard's decision about this bag (`decide`, F6 at the gate) needs a committee
    member's sign-in: it would reverse a handoff recorded at another station, or more than 30
    minutes ago. A bag not yet recorded, or recorded otherwise than handed over or at the gate,
    needs nobody."""
    row = _scanned_bag(conn, text)
    if row is None:
        return False
    _verdict, _void, last = verdict_of(row, None)
    reversed_ = last if last is not None and last.action in RECORDABLE else None
    return _reversal_needs_committee(reversed_, clean_name(station) or conn.station, now)


def _scanned_bag(conn: Connection, text: object):
    check = codes.verify(compound_keys(conn), text)
    if not check.genuine or check.kind != "bag":
        return None
    return rows.select_bag_for_scan(conn, check.code)


def _standing(row) -> Handoff | None:
    """The bag's standing event, which an undo reverses."""
    if row["last_id"] is None:
        return None
    return Handoff(row["last_id"], row["last_action"], row["last_at"], row["last_operator"],
                   row["last_station"], row["last_proxy"])


def _reversal_needs_committee(event: Handoff | None, here: str, now: datetime | None) -> bool:
    if event is None:
        return False
    if (event.station or "") != here:
        return True
    at = datetime.fromisoformat(str(event.at).replace("Z", "+00:00"))
    return (now or datetime.now(UTC)) - at > timedelta(minutes=UNDO_ALONE_MINUTES)


def _approval(conn: Connection, reversed_: Handoff | None, station: str, when: str,
              approved_by: object, needed: str, shown: str) -> str:
    """Who allowed reversing `reversed_`, checked inside the change's transaction: where people
    sign in (operators exist), reversing a handoff of another station or older than 30 minutes
    needs an active committee member, named in `approved_by` (the window asks for their PIN; the
    command line names them). Returns the approver's name as stored ('' when none was needed or
    given)."""
    name = clean_name(approved_by)
    moment = datetime.fromisoformat(when.replace("Z", "+00:00"))
    if not operator_rows.count_active(conn) or not _reversal_needs_committee(reversed_, station, moment):
        return name
    if not name:
        late = (reversed_.station or "") == station  # else recorded at another station
        raise BadInput(needed + ("_late" if late else ""), "approved_by", text=shown,
                       station=reversed_.station or "?", minutes=UNDO_ALONE_MINUTES)
    approver = operator_rows.select_by_name(conn, name)
    if approver is None or not approver["active"] or approver["role"] != "committee":
        raise BadInput("gate_approver_not_committee", "approved_by", name=name)
    return approver["name"]


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
    approved_by: str = "",
) -> Decision:
    """Record `action` for a bag because a guard says so ("this one went to the door instead"),
    with the reason. When the bag stands recorded as another custody action (picked up, delivered,
    at the gate), that event is reversed with the same reason and the new one appended, in one
    transaction; a bag not yet recorded simply gets the new event. Reversing a handoff recorded at
    another station or more than 30 minutes ago needs a committee member (`approved_by`, see
    `decision_needs_committee`), where operators sign in; without one it is refused
    (`gate_decision_needs_committee`, `…_late`), nothing recorded."""
    if action not in RECORDABLE:
        raise BadInput("gate_action_invalid", "record", action=str(action))
    reason, operator, station, check = _correction(conn, text, reason,
                                                   "gate_decision_reason_empty", operator, station)
    with transaction(conn):
        row = _bag_row(conn, check.code)
        verdict, _void, last = verdict_of(row, card)
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
        reversed_ = last if last is not None and last.action in RECORDABLE else None
        approved_by = _approval(conn, reversed_, station, when, approved_by,
                                "gate_decision_needs_committee", shown)
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
        audit.record(conn, "gate_decision", household_id=row["household_id"],
                     summary=f"{shown} · {reason}" + (f" · {approved_by}" if approved_by else ""),
                     operator=operator or None, at=when,
                     changes=[("action", last.action if last is not None else None, action)])
    event = Handoff(event_id, action, when, operator, station)
    answer = bag_answer(conn, check.code, card, row, recorded=event, verdict=("ok", None, event))
    return Decision(answer, undone, reason)


def _correction(conn: Connection, text: object, reason: str, empty: str, operator: str,
                station: str | None) -> tuple[str, str, str, codes.CodeCheck]:
    """What every correction of a guard's (an undo, a decision) starts from: its reason on one
    line (`empty`: the error when there is none), who and where, and the bag's code checked."""
    reason = one_line(reason, MAX_REASON)
    if not reason:
        raise BadInput(empty, "reason")
    operator = clean_name(operator)
    station = clean_name(station) or conn.station
    check = codes.verify(compound_keys(conn), text)
    if not check.genuine or check.kind != "bag":
        raise BadInput("gate_undo_not_a_bag", "code", text=check.code or str(text or "")[:40])
    return reason, operator, station, check


def _bag_row(conn: Connection, code: str):
    row = rows.select_bag_for_scan(conn, code)
    if row is None:
        raise BadInput("gate_undo_not_a_bag", "code", text=code)
    return row
