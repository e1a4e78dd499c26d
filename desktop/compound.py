"""The compound a database serves, as the window's status line shows it: name, station, last backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from desktop.db.backup import backups_dir
from desktop.db.connection import Connection


class CompoundInfo(NamedTuple):
    name: str
    station: str


def compound_info(conn: Connection) -> CompoundInfo:
    row = conn.execute("SELECT name FROM compound WHERE id = 1").fetchone()
    return CompoundInfo(name=(row["name"] if row else "") or "", station=conn.station)


def last_backup_at(db_path: Path) -> datetime | None:
    """When the newest finished backup beside the database was written (local time), or None."""
    folder = backups_dir(Path(db_path))
    newest: float | None = None
    try:
        entries = list(folder.iterdir())
    except OSError:
        return None
    for entry in entries:
        if entry.suffix != ".sqlite":  # skips `.partial` copies still being written
            continue
        try:
            stamp = entry.stat().st_mtime
        except OSError:
            continue
        if newest is None or stamp > newest:
            newest = stamp
    return datetime.fromtimestamp(newest).astimezone() if newest is not None else None
