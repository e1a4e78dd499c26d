"""The compound a database serves, as the window's status line shows it: name and station;
and giving it its name.

The last backup's time comes from `desktop.safekeeping.backups.list_backups`, the one place that knows
which files in the backups folder are this database's backups.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput


class CompoundInfo(NamedTuple):
    name: str
    station: str


def compound_info(conn: Connection) -> CompoundInfo:
    row = conn.execute("SELECT name FROM compound WHERE id = 1").fetchone()
    return CompoundInfo(name=(row["name"] if row else "") or "", station=conn.station)


MAX_NAME = 40


def rename_compound(conn: Connection, name: object) -> str:
    """Give the compound the name printed on sheets and cards and shown in the window."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(name or ""))).strip()
    if not text:
        raise BadInput("compound_name_empty", "name")
    if len(text) > MAX_NAME:
        raise BadInput("name_too_long", "name", maximum=MAX_NAME)
    with transaction(conn):
        conn.execute("UPDATE compound SET name = :name WHERE id = 1", {"name": text})
    return text
