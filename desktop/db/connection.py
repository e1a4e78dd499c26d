"""The one door to SQLite: pragmas, the version check, migrations and transactions."""

from __future__ import annotations

import itertools
import os
import re
import socket
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from desktop.db.backup import backup_before_upgrade, finish_interrupted_restore
from desktop.db.base import Connection, owner_only, translate_error
from desktop.db.settings import keep_first_station, station
from desktop.errors import BadInput, DatabaseUnusable

__all__ = ["Connection", "owner_only", "translate_error"]  # the store's basics, found here too

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000


def _migration_files() -> list[tuple[int, Path]]:
    found = []
    for path in MIGRATIONS_DIR.glob("*.sql"):
        match = re.match(r"(\d+)_", path.name)
        if match:
            found.append((int(match.group(1)), path))
    found.sort()
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, found {numbers}")
    return found


LATEST_VERSION = len(_migration_files())


def refuse_odd_database_path(path: Path) -> None:
    """`--db` must name a regular file or nothing yet: a folder, a FIFO or a device is refused at
    once (SQLite would fail on a folder, and wait forever on a FIFO nobody writes to)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except (OSError, ValueError) as exc:
        raise DatabaseUnusable("db_cannot_open", path=str(path)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise BadInput("db_is_folder", path=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise BadInput("db_not_regular", path=str(path))


def connect(path: str | os.PathLike[str], *, create: bool = True) -> Connection:
    """Open a compound's database, creating or upgrading it as needed.

    A file newer than this program, or not a database at all, is refused before anything is
    written. An older one is backed up, then upgraded one atomic step at a time. A restore cut
    short by a kill is finished or undone first.
    """
    path = Path(path)
    refuse_odd_database_path(path)
    finish_interrupted_restore(path)
    is_new = not path.exists() or path.stat().st_size == 0
    if is_new and not create:
        raise BadInput("db_missing", path=str(path))
    read_only = not is_new and not _writable(path)
    if is_new:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnusable("db_cannot_create", path=str(path)) from exc

    mode = "ro" if read_only else "rwc"
    try:
        with owner_only():
            conn = sqlite3.connect(
                f"file:{quote(str(path.absolute()))}?mode={mode}",
                uri=True,
                isolation_level=None,
                timeout=BUSY_TIMEOUT_MS / 1000,
                factory=Connection,
                check_same_thread=False,
            )
    except sqlite3.Error as exc:
        raise DatabaseUnusable("db_cannot_open", path=str(path)) from exc
    assert isinstance(conn, Connection)
    conn.path = path
    conn.read_only = read_only
    try:
        if is_new:
            with owner_only():  # the file itself appears at the first statement
                _prepare(conn, is_new)
        else:
            _prepare(conn, is_new)
    except BaseException:  # a damaged page can fail any read while opening: said as such
        conn.close()
        raise
    return conn


def _writable(path: Path) -> bool:
    # A file whose write bits are all cleared was made read-only on purpose; respect that even
    # where the user could override it (root, an administrator). WAL also needs the folder.
    if not path.stat().st_mode & 0o222:
        return False
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _prepare(conn: Connection, is_new: bool) -> None:
    conn.row_factory = sqlite3.Row
    raw = sqlite3.Connection.execute  # the first read's own words tell a file that is no database
    try:
        raw(conn, f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        raw(conn, "PRAGMA foreign_keys = ON")
        version = raw(conn, "PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        raise _first_read_error(exc, conn.path) from exc
    latest = len(_migration_files())
    if version > latest:
        raise DatabaseUnusable(
            "db_too_new", path=str(conn.path), version=version, supported=latest
        )
    if version < latest and conn.read_only:
        raise DatabaseUnusable("db_read_only_old", path=str(conn.path))
    if not conn.read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    if version < latest:
        if version > 0:
            backup_before_upgrade(conn, version)
        _migrate(conn, version)
    conn.station = _station_name(conn)


def _migrate(conn: Connection, version: int) -> None:
    for number, path in _migration_files():
        if number <= version:
            continue
        script = path.read_text(encoding="utf-8")
        # One step, one transaction: the schema change and the new user_version land together.
        try:
            conn.executescript(f"BEGIN EXCLUSIVE;\n{script}\n;PRAGMA user_version = {number};\nCOMMIT;")
        except DatabaseUnusable:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def _station_name(conn: Connection) -> str:
    known = station(conn)
    if known:
        return known
    name = os.environ.get("COMPOUND_DESK_STATION") or socket.gethostname() or "station"
    if not conn.read_only:
        with transaction(conn):
            keep_first_station(conn, name)
    return name


def refuse_own_file(conn: Connection, path: str | os.PathLike[str]) -> None:
    """Refuse to read the open database itself as an input file (a roster, an export).

    Reading it with plain file I/O and closing it would drop this process's locks on it.
    """
    try:
        same = os.path.samefile(path, conn.path)
    except OSError:
        return
    if same:
        raise BadInput("file_is_database", path=str(path))


def _first_read_error(exc: sqlite3.Error, path: Path) -> DatabaseUnusable:
    # The file's first page is read here: "not a database" means it never was one.
    #
    # The header is checked through SQLite, never with open(): closing any handle to the file
    # drops every POSIX lock this process holds on it, and another program closing its own
    # connection would then take itself for the last one and delete the WAL in use here.
    if "not a database" in str(exc).lower():
        return DatabaseUnusable("db_not_database", path=str(path))
    return translate_error(exc, path)


_savepoints = itertools.count(1)


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """The only way to write. Nested use becomes a savepoint; any error rolls everything back."""
    if conn.read_only:
        raise DatabaseUnusable(conn.read_only_code, path=str(conn.path))
    if conn.in_transaction:
        name = f"sp{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def inspect_connection(path: Path) -> sqlite3.Connection:
    """A read-only look at a file that may be damaged or too new: no pragmas that write, no upgrade."""
    refuse_odd_database_path(path)
    try:
        conn = sqlite3.connect(
            f"file:{quote(str(path.absolute()))}?mode=ro", uri=True, isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    except sqlite3.Error as exc:
        raise DatabaseUnusable("db_cannot_open", path=str(path)) from exc
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _first_read_error(exc, path) from exc
    return conn


# ---- the schema a version must have ----------------------------------------------------------

_expected_schemas: dict[int, frozenset[tuple[str, str, str, str | None]]] = {}


def expected_schema(version: int) -> frozenset[tuple[str, str, str, str | None]]:
    """Every `sqlite_master` entry (type, name, table, SQL) of a scratch database migrated to
    `version`: what a Compound Desk file of that version holds, nothing more and nothing less."""
    if version not in _expected_schemas:
        scratch = sqlite3.connect(":memory:", isolation_level=None)
        try:
            for number, path in _migration_files():
                if number > version:
                    break
                script = path.read_text(encoding="utf-8")
                scratch.executescript(f"BEGIN;\n{script}\n;PRAGMA user_version = {number};\nCOMMIT;")
            _expected_schemas[version] = _schema_of(scratch)
        finally:
            scratch.close()
    return _expected_schemas[version]


def _schema_of(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str, str | None]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset((row[0], row[1], row[2], row[3]) for row in rows)


def schema_differences(conn: sqlite3.Connection, version: int) -> list[str]:
    """What in this file's schema is not what `version` makes: extra, changed or missing tables,
    views, indexes and triggers, in words (`extra trigger x`, `changed table y`)."""
    have = {(kind, name): (table, sql) for kind, name, table, sql in _schema_of(conn)}
    want = {(kind, name): (table, sql) for kind, name, table, sql in expected_schema(version)}
    found = []
    for kind, name in sorted(have.keys() - want.keys()):
        found.append(f"extra {kind} {name}")
    for kind, name in sorted(want.keys() - have.keys()):
        found.append(f"missing {kind} {name}")
    for key in sorted(have.keys() & want.keys()):
        if have[key] != want[key]:
            found.append(f"changed {key[0]} {key[1]}")
    return found
