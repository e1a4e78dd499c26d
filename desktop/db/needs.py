"""Queries over the need table (urgent needs of one household). They never commit: the services
in `desktop.committee.needs` own the transaction."""

from __future__ import annotations

import sqlite3

from desktop.db import stamp

# A need still to be met: open, or someone is sourcing it.
UNMET = ("open", "sourcing")

# What the household `{household}` (an SQL expression) urgently waits for, as one text with a
# line for each high-urgency need not yet met, oldest first; NULL for none. A column of the gate's
# scan, so the answer takes no read more.
URGENT_OF = (
    "(SELECT group_concat(what, char(10)) FROM (SELECT n.what FROM need n "
    "WHERE n.household_id = {household} AND n.urgency = 'high' "
    "AND n.status IN ('open', 'sourcing') ORDER BY n.opened_at, n.id))"
)

_SELECT = (
    "SELECT n.id, n.household_id, h.address, h.building, h.entrance, h.room, h.name, h.phone, "
    "n.what, n.urgency, n.status, n.sourcing_by, n.notes, n.operator, n.opened_at, "
    "n.updated_at, n.closed_at FROM need n JOIN household h ON h.id = n.household_id "
)
_ORDER = ("ORDER BY n.status NOT IN ('open', 'sourcing'), n.urgency != 'high', n.opened_at, n.id")


def insert(conn: sqlite3.Connection, values: dict, *, station: str, now: str) -> int:
    return stamp.insert(conn, "need", {**values, "opened_at": now, "updated_at": now},
                        station=station)


def select(conn: sqlite3.Connection, need_id: int) -> sqlite3.Row | None:
    return conn.execute(_SELECT + "WHERE n.id = :id", {"id": need_id}).fetchone()


def select_all(conn: sqlite3.Connection, *, unmet_only: bool = False) -> list[sqlite3.Row]:
    where = "WHERE n.status IN ('open', 'sourcing') " if unmet_only else ""
    return conn.execute(_SELECT + where + _ORDER).fetchall()


def select_unmet_high_all(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every household's high-urgency needs not yet met: (household_id, what), oldest first."""
    return conn.execute(
        "SELECT household_id, what FROM need WHERE urgency = 'high' "
        "AND status IN ('open', 'sourcing') ORDER BY opened_at, id").fetchall()


def update(conn: sqlite3.Connection, need_id: int, values: dict, *, now: str) -> None:
    sets = ", ".join(f"{key} = :{key}" for key in values)
    conn.execute(f"UPDATE need SET {sets}, updated_at = :now WHERE id = :id",
                 {**values, "now": now, "id": need_id})
