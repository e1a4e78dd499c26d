"""The audit log: every change, who made it, at which station, when, what, and the fields before
and after. Appended by the service that makes the change, inside that change's transaction, so a
change and its line stand or fall together; the table's triggers refuse edits and deletions.

Who is the connection's actor: `set_actor(conn, name)`, once, by the window's sign-in or the
command line's `--operator`; the station is the connection's own. A service then writes

    audit.record(conn, "roster_edit", household_id=hid, summary="12-301",
                 changes=[("phone", old, new)])
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from desktop.clock import utc_now
from desktop.db import audit as rows
from desktop.db.base import Connection
from desktop.errors import BadInput, Cancelled
from desktop.files import spreadsheet_csv, written_atomically
from desktop.money import format_fen
from desktop.text import one_line
from desktop.words import word

# What a change can be; the phrasebook names each (`word("audit_kind", kind)`).
KINDS = (
    "household_added", "roster_edit", "roster_import", "buy_created", "buy_import", "buy_status", "order",
    "payment", "arrival", "allocation", "bags_made", "bag_remade", "handoff", "undo",
    "gate_decision", "supplier", "setting", "restore", "operator",
    "need", "distribution", "item", "bags_voided", "card", "sync_import", "conflict_note", "station",
)
MAX_SUMMARY = 200
MAX_NAME = 40
EXPORT_COLUMNS = ("id", "at", "operator", "station", "kind", "household", "summary", "field", "old", "new")

Change = tuple[str, object, object]


def set_actor(conn: Connection, operator: object) -> str:
    """From now on, changes through `conn` are recorded as made by `operator` (a name, or nobody)."""
    conn.operator = one_line(operator, MAX_NAME)
    return conn.operator


def actor(conn: Connection) -> str:
    return getattr(conn, "operator", "") or ""


def record(conn: Connection, kind: str, *, household_id: int | None = None, summary: object = "",
           changes: Iterable[Change] = (), operator: str | None = None, at: str | None = None) -> int:
    """Append one line to the audit log, inside the caller's transaction. `operator` overrides the
    connection's actor (a handoff names the guard who made it)."""
    if kind not in KINDS:
        raise ValueError(f"unknown audit kind {kind!r}")
    listed = [[str(field), _plain(old), _plain(new)] for field, old, new in changes]
    return rows.insert(
        conn, at=at or utc_now(), operator=one_line(operator, MAX_NAME) if operator else actor(conn),
        kind=kind, household_id=household_id, summary=one_line(summary, MAX_SUMMARY),
        changes=json.dumps(listed, ensure_ascii=False), station=conn.station,
    )


def differences(before: dict, after: dict, fields: Sequence[str]) -> list[Change]:
    """The fields whose value changed, old → new."""
    return [(f, before.get(f), after.get(f)) for f in fields if before.get(f) != after.get(f)]


def _plain(value: object) -> object:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return ";".join(str(v) for v in value)
    return str(value)


# ---- reading --------------------------------------------------------------------------------

# Fields whose values are words of the phrasebook, and the kind of word each is.
_VALUE_WORDS = {"status": "buy_status", "role": "role", "action": "handoff", "method": "payment_method",
                "delivery": "delivery", "order": "order_outcome"}


def change_words(field: str, old: object, new: object, lang: str | None = None) -> str:
    """One change as people read it, in `lang`: `phone: 13800000001 → 13912345678`, money in
    yuan, statuses and roles named, yes and no for a switch, a dash for nothing."""
    def shown(value: object) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return word("audit_value", "yes" if value else "no", lang)
        if field.endswith("_fen") and isinstance(value, int):
            return format_fen(value)
        if field in _VALUE_WORDS:
            return word(_VALUE_WORDS[field], str(value), lang)
        return str(value)

    return f"{word('audit_field', field, lang)}: {shown(old)} → {shown(new)}"



@dataclass(frozen=True)
class AuditEntry:
    id: int
    uuid: str
    at: str
    operator: str
    station: str
    kind: str
    household_id: int | None
    address: str | None
    summary: str
    changes: tuple[Change, ...]

    def as_json(self) -> dict:
        return {"id": self.id, "at": self.at, "operator": self.operator, "station": self.station,
                "kind": self.kind, "household": self.address, "summary": self.summary,
                "changes": [{"field": f, "old": old, "new": new} for f, old, new in self.changes]}


def _entry(row) -> AuditEntry:
    try:
        listed = json.loads(row["changes"] or "[]")
    except ValueError:
        listed = []
    changes = tuple((str(c[0]), c[1], c[2]) for c in listed if isinstance(c, list) and len(c) == 3)
    return AuditEntry(row["id"], row["uuid"], row["at"], row["operator"], row["station"], row["kind"],
                      row["household_id"], row["address"], row["summary"], changes)


def parse_day(text: object) -> date:
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError as exc:
        raise BadInput("audit_date_invalid", "date", text=str(text)) from exc


def day_range(day: date) -> tuple[str, str]:
    """The local day as a UTC range [since, before), in the stored form."""
    start = datetime.combine(day, time()).astimezone()
    end = datetime.combine(day + timedelta(days=1), time()).astimezone()
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    return (start.astimezone(tz=UTC).strftime(fmt), end.astimezone(tz=UTC).strftime(fmt))


def entries(conn: Connection, *, household_id: int | None = None, operator: str | None = None,
            day: date | None = None, kind: str | None = None, limit: int | None = None) -> list[AuditEntry]:
    """The log, newest first, narrowed by household, operator, local day and kind."""
    since = before = None
    if day is not None:
        since, before = day_range(day)
    if kind is not None and kind not in KINDS:
        raise BadInput("audit_kind_invalid", "kind", text=str(kind))
    found = rows.select(conn, household_id=household_id, operator=operator or None, since=since,
                        before=before, kind=kind, limit=limit)
    return [_entry(row) for row in found]


def operator_names(conn: Connection) -> list[str]:
    return rows.operator_names(conn)


def export_audit(conn: Connection, path: str | os.PathLike[str],
                 should_cancel: Callable[[], bool] | None = None) -> int:
    """The whole log as CSV (UTF-8 with a BOM, cells a spreadsheet cannot run), oldest first, one
    row per changed field (an entry without fields is one row); returns the entries written."""
    table: list[list] = [list(EXPORT_COLUMNS)]
    found = entries(conn)
    found.reverse()
    for count, entry in enumerate(found, start=1):
        head = [entry.id, entry.at, entry.operator, entry.station, entry.kind, entry.address or "",
                entry.summary]
        for field, old, new in entry.changes or (("", None, None),):
            table.append(head + [field, _cell(old), _cell(new)])
        if should_cancel is not None and count % 5000 == 0 and should_cancel():
            raise Cancelled()
    with written_atomically(Path(path)) as file:
        file.write(spreadsheet_csv(table))
    return len(found)


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
