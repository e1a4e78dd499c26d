"""The compound a database serves, as the window's status line shows it: name and station.

The last backup's time comes from `desktop.backups.list_backups`, the one place that knows
which files in the backups folder are this database's backups.
"""

from __future__ import annotations

from typing import NamedTuple

from desktop.db.connection import Connection


class CompoundInfo(NamedTuple):
    name: str
    station: str


def compound_info(conn: Connection) -> CompoundInfo:
    row = conn.execute("SELECT name FROM compound WHERE id = 1").fetchone()
    return CompoundInfo(name=(row["name"] if row else "") or "", station=conn.station)
