"""What every part of the store stands on: the connection that speaks the program's errors, the
sentence for an SQLite failure, and files readable by their owner only."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.errors import DatabaseUnusable

Row = sqlite3.Row


class StoreError(DatabaseUnusable, sqlite3.DatabaseError):
    """An SQLite failure in the program's words. Still an `sqlite3.DatabaseError`, so code that
    catches SQLite's own errors catches it too; nothing outside the store needs to."""


def translate_error(exc: BaseException, path: Path | None = None) -> DatabaseUnusable:
    """The user's sentence for an SQLite failure: the file locked, read-only, full or damaged,
    else the failure's own words. One already translated is returned as it is."""
    if isinstance(exc, DatabaseUnusable):
        return exc
    text = str(exc).lower()
    where = str(path) if path else ""
    if "locked" in text or "busy" in text:
        return StoreError("db_locked", path=where)
    if "readonly" in text or "read-only" in text:
        return StoreError("db_read_only", path=where)
    if "full" in text:
        return StoreError("disk_full", path=where)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError("db_damaged", path=where)
    return StoreError("db_error", path=where, detail=str(exc))


class Cursor(sqlite3.Cursor):
    """A cursor whose every failure, reading or writing, is the program's `DatabaseUnusable`."""


def _translating(method):
    def translated(self, *args):
        try:
            return method(self, *args)
        except sqlite3.Error as exc:
            raise translate_error(exc, getattr(self.connection, "path", None)) from exc

    translated.__name__ = method.__name__
    return translated


for _name in ("execute", "executemany", "executescript", "fetchone", "fetchmany", "fetchall", "__next__"):
    setattr(Cursor, _name, _translating(getattr(sqlite3.Cursor, _name)))


class Connection(sqlite3.Connection):
    """A connection that knows its file, whether it may write, and this station's name, and
    whose statements fail only with the program's own errors."""

    path: Path
    read_only: bool = False
    # The error a refused write raises: the file's permissions, or damage a check found.
    read_only_code: str = "db_read_only"
    station: str = ""
    # Who makes the changes written through this connection (the audit log's "who"): the signed-in
    # operator in the window, `--operator` on the command line; empty when nobody said.
    operator: str = ""

    def cursor(self, factory: type[sqlite3.Cursor] = Cursor) -> Cursor:  # type: ignore[override]
        try:
            return super().cursor(factory)  # type: ignore[return-value]
        except sqlite3.Error as exc:  # a connection already closed, when a page outlives its file
            raise translate_error(exc, getattr(self, "path", None)) from exc

    def execute(self, sql: str, parameters: object = (), /) -> Cursor:  # type: ignore[override]
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, seq_of_parameters: object, /) -> Cursor:  # type: ignore[override]
        return self.cursor().executemany(sql, seq_of_parameters)

    def executescript(self, sql_script: str, /) -> Cursor:  # type: ignore[override]
        return self.cursor().executescript(sql_script)


@contextmanager
def owner_only() -> Iterator[None]:
    """Files created inside the block are readable by their owner only from their first moment.

    The database, its backups and copies hold the compound secret. SQLite gives a database's
    `-wal` and `-shm` the database's own permission bits, so creating the database under this
    mask covers them too. (The mask is the process's; on Windows the user's profile folder is
    what keeps the files private.)
    """
    if os.name != "posix":
        yield
        return
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)
