"""The compound a database serves, as the window's status line shows it: name and station;
and giving it its name.

The keys its codes are made and checked with come from here too: the code module is given the
secret, and never reads the database itself.

The last backup's time comes from `desktop.safekeeping.backups.list_backups`, the one place that knows
which files in the backups folder are this database's backups.
"""

from __future__ import annotations

from typing import NamedTuple

from desktop import audit
from desktop.bags.codes import CodeKeys, compound_identity
from desktop.db import compound as rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.text import clean


class CompoundInfo(NamedTuple):
    name: str
    station: str


def compound_info(conn: Connection) -> CompoundInfo:
    return CompoundInfo(name=rows.name(conn), station=conn.station)


def code_keys(conn: Connection) -> CodeKeys:
    """The keys of the compound a database serves."""
    uuid, secret = rows.identity(conn) or ("", b"")
    return CodeKeys(compound_identity(uuid), secret)


MAX_NAME = 40


def rename_compound(conn: Connection, name: object) -> str:
    """Give the compound the name printed on sheets and cards and shown in the window."""
    text = clean(name)
    if not text:
        raise BadInput("compound_name_empty", "name")
    if len(text) > MAX_NAME:
        raise BadInput("name_too_long", "name", maximum=MAX_NAME)
    with transaction(conn):
        before = rows.name(conn)
        rows.rename(conn, text)
        audit.record(conn, "setting", changes=[("compound_name", before, text)])
    return text
