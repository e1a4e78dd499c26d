"""What a station knows of the others: its role, when it last merged a lobby's file (a gate) or
each gate's file (the lobby), the bags made at the lobby since a gate last took a file, and the
reminder when a gate has not merged for too long."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desktop import audit
from desktop.db import exchange as rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput

DEFAULT_REMINDER_HOURS = 4
MAX_REMINDER_HOURS = 168


@dataclass(frozen=True)
class GateSeen:
    """A gate station as the lobby knows it, from the last file it sent."""

    station: str
    merged_at: str  # when its latest file was merged here
    made_at: str  # when that file was written
    home_made_at: str | None  # when the lobby file it had merged by then was written
    bags_unknown: int  # bags made here since then: that gate cannot know them yet


@dataclass(frozen=True)
class StationStatus:
    station: str
    role: str
    reminder_hours: int
    last_merged_at: str | None  # a gate: when it last merged a lobby file
    home_made_at: str | None  # a gate: when that lobby file was written
    hours_since: float | None  # a gate: hours since that file was written (None: never)
    gates: tuple[GateSeen, ...]  # the lobby: every gate whose file it merged

    @property
    def overdue(self) -> bool:
        """A gate that has not merged a lobby file for longer than its reminder's hours."""
        return self.role == "gate" and (self.hours_since is None
                                        or self.hours_since >= self.reminder_hours)


def _hours(since: str, now: datetime) -> float:
    moment = datetime.fromisoformat(since.replace("Z", "+00:00"))
    return max(0.0, (now - moment).total_seconds() / 3600)


def reminder_hours(conn: Connection) -> int:
    value = rows.reminder_hours(conn)
    return int(value) if value and value.isdigit() else DEFAULT_REMINDER_HOURS


def station_status(conn: Connection, now: datetime | None = None) -> StationStatus:
    now = now or datetime.now(UTC)
    role = rows.role(conn)
    last = rows.last_merge(conn, "home") if role == "gate" else None
    gates = ()
    if role == "home":
        gates = tuple(GateSeen(g["station"], g["merged_at"], g["made_at"], g["home_made_at"],
                               rows.count_bags_after(conn, g["known_bag_serial"]))
                      for g in rows.gate_stations(conn))
    return StationStatus(
        conn.station, role, reminder_hours(conn),
        None if last is None else last["merged_at"], None if last is None else last["made_at"],
        None if last is None else _hours(last["made_at"], now), gates)


def set_reminder_hours(conn: Connection, hours: object) -> int:
    """How many hours a gate may go without a lobby file before it is reminded."""
    text = str(hours).strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_REMINDER_HOURS:
        raise BadInput("sync_reminder_invalid", "hours", text=text[:20], maximum=MAX_REMINDER_HOURS)
    with transaction(conn):
        before = reminder_hours(conn)
        rows.set_reminder_hours(conn, int(text))
        if before != int(text):
            audit.record(conn, "setting", changes=[(rows.REMINDER_HOURS, before, int(text))])
    return int(text)
