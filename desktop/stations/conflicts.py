"""Bags handed over at two stations: both events are kept, and the bag waits in a review list
until the committee writes what it found (a note, appended like every event and exchanged)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop import audit
from desktop.bags.codes import normalise
from desktop.clock import utc_now
from desktop.db import exchange as rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.text import one_line

MAX_NOTE = 500


@dataclass(frozen=True)
class Handover:
    action: str
    at: str
    operator: str
    station: str

    def as_json(self) -> dict:
        return {"action": self.action, "at": self.at, "operator": self.operator,
                "station": self.station}


@dataclass(frozen=True)
class Note:
    note: str
    operator: str
    station: str
    at: str


@dataclass(frozen=True)
class Conflict:
    code: str
    address: str
    events: tuple[Handover, ...]
    notes: tuple[Note, ...]
    resolved: bool

    def as_json(self) -> dict:
        return {"code": self.code, "address": self.address, "resolved": self.resolved,
                "events": [event.as_json() for event in self.events],
                "notes": [{"note": n.note, "operator": n.operator, "station": n.station,
                           "at": n.at} for n in self.notes]}


def list_conflicts(conn: Connection, *, include_resolved: bool = False) -> list[Conflict]:
    """Bags with two or more handovers not undone, by code; those the committee has not yet
    written a note on (or that were handed over again since), unless `include_resolved`."""
    found = []
    for row in rows.select_doubles(conn):
        resolved = (row["covered"] or 0) >= row["n"]
        if resolved and not include_resolved:
            continue
        events = tuple(Handover(e["action"], e["at"], e["operator"], e["station"])
                       for e in rows.select_handovers(conn, row["bag_id"]))
        notes = tuple(Note(n["note"], n["operator"], n["station"], n["at"])
                      for n in rows.select_notes(conn, row["bag_id"]))
        found.append(Conflict(row["code"], row["address"], events, notes, resolved))
    return found


def resolve_conflict(conn: Connection, code: object, note: object, *, operator: str = "") -> Conflict:
    """The committee's note on a bag handed over twice: it leaves the review list, both
    handovers stay in the chain of custody."""
    text = one_line(note, MAX_NOTE)
    if not text:
        raise BadInput("sync_note_empty", "note")
    wanted = normalise(code)
    with transaction(conn):
        row = next((r for r in rows.select_doubles(conn) if r["code"] == wanted), None)
        if row is None:
            raise BadInput("sync_no_conflict", "code", code=wanted[:40])
        rows.insert_note(conn, {"bag_id": row["bag_id"], "covers": row["n"], "note": text,
                                "operator": one_line(operator, 60), "at": utc_now()},
                         station=conn.station)
        audit.record(conn, "conflict_note", household_id=row["household_id"],
                     summary=f"{row['code']} · {text}", operator=one_line(operator, 60) or None,
                     changes=[("note", None, text), ("covers", None, row["n"])])
    return next(c for c in list_conflicts(conn, include_resolved=True) if c.code == wanted)
