"""Looking at a file before trusting it: `check`'s report, whether a file is a sound Compound
Desk database, and what a restore must know of the file it replaces and the one it puts in.

These read through plain SQLite connections that run nothing the file defines, and answer every
failure with a code or the program's own error.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import quote

from desktop.db import compound, settings
from desktop.db.backup import SIDECARS
from desktop.db.base import owner_only
from desktop.db.connection import LATEST_VERSION, inspect_connection, schema_differences
from desktop.errors import BadInput, DatabaseUnusable, DeskError

DISK_FULL = "disk full"
SCHEMA_CHANGED = "changed outside Compound Desk: "
# Less free room than this, and a failing check is put down to the disk, not the file.
NEARLY_FULL_BYTES = 1024 * 1024


def disk_is_full(path: Path) -> bool:
    try:
        info = os.statvfs(path.parent if path.parent.is_dir() else Path.cwd())
    except (OSError, AttributeError):  # Windows has no statvfs
        try:
            return shutil.disk_usage(path.parent).free < NEARLY_FULL_BYTES
        except OSError:
            return False
    return info.f_bavail * info.f_frsize < NEARLY_FULL_BYTES


# The tables `check` counts; later parts of the program create the ones not here yet.
COUNTED_TABLES = {"households": "household", "buys": "group_buy", "bags": "bag", "handoffs": "handoff"}


def check_database(path: Path) -> dict:
    """Schema version, integrity and counts. Reads only; works on damaged and too-new files."""
    if not path.exists():
        raise BadInput("db_missing", path=str(path))
    report: dict = {"ok": False, "schema_version": None, "integrity": "unknown"}
    report.update({key: None for key in COUNTED_TABLES})
    try:
        conn = inspect_connection(path)
    except DatabaseUnusable as exc:
        if disk_is_full(path):
            report["integrity"] = DISK_FULL
        else:
            report["integrity"] = "not a database" if exc.code == "db_not_database" else exc.code
        return report
    try:
        report["schema_version"] = conn.execute("PRAGMA user_version").fetchone()[0]
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
        report["integrity"] = "ok" if problems == ["ok"] else "; ".join(problems)
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        if foreign and report["integrity"] == "ok":
            report["integrity"] = f"{len(foreign)} rows point at missing rows"
        version = report["schema_version"]
        if report["integrity"] == "ok" and 1 <= version <= LATEST_VERSION:
            changed = schema_differences(conn, version)
            if changed:
                report["integrity"] = SCHEMA_CHANGED + ", ".join(changed[:5])
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for key, table in COUNTED_TABLES.items():
            report[key] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if table in tables else 0
    except sqlite3.DatabaseError as exc:
        # A check needs room to read a WAL file (its -shm index) and to sort: on a full disk it
        # fails without the file being at fault.
        report["integrity"] = DISK_FULL if disk_is_full(path) else str(exc)
    finally:
        conn.close()
    report["ok"] = report["integrity"] == "ok" and (report["schema_version"] or 0) <= LATEST_VERSION
    return report


def judge_database(conn: sqlite3.Connection, path: Path) -> str:
    """Is this open file a sound Compound Desk database? Its compound's uuid if so; else BadInput
    saying what it is not. Reads only; runs nothing the file defines (no trigger, no view)."""
    where = str(path)
    entries = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if entries == 0 or version < 1:
        raise BadInput("backup_not_compound_desk", path=where)
    if version > LATEST_VERSION:
        raise BadInput("backup_too_new", path=where, version=version, supported=LATEST_VERSION)
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
    if problems != ["ok"]:
        raise BadInput("backup_not_good", path=where, detail="; ".join(problems))
    differences = schema_differences(conn, version)
    if differences:
        shown = ", ".join(differences[:3]) + (", …" if len(differences) > 3 else "")
        raise BadInput("backup_schema_altered", path=where, detail=shown)
    if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise BadInput("backup_not_good", path=where, detail="rows point at missing rows")
    uuid = compound.uuid(conn)
    if uuid is None:
        raise BadInput("backup_no_compound", path=where)
    return uuid


def file_problem(path: Path) -> str | None:
    """None when the file is a sound Compound Desk database (see `judge_database`), else what is
    wrong: a code when it could not be looked at, else the words of the check."""
    try:
        conn = inspect_connection(path)
    except DeskError as exc:
        return "disk_full" if disk_is_full(path) else exc.code
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        judge_database(conn, path)
        return None
    except BadInput as exc:
        return str(exc.data.get("detail") or exc.code)
    except sqlite3.DatabaseError as exc:
        return "disk_full" if disk_is_full(path) else str(exc)
    finally:
        conn.close()


def current_compound(db_path: Path) -> tuple[str | None, str | None]:
    """The compound the current file serves and its second backup folder; None for what cannot
    be read (no file, a damaged one)."""
    if not db_path.exists():
        return None, None
    try:
        conn = inspect_connection(db_path)
    except DeskError:
        return None, None
    uuid = mirror = None
    try:
        uuid = compound.uuid(conn)
        mirror = settings.backup_mirror(conn)
    except sqlite3.Error:
        pass
    finally:
        conn.close()
    return uuid, mirror


def check_staged(staged: Path, source: Path, mirror: str | None) -> str:
    """Read the staged copy through SQLite (which folds in its -wal), judge it, make it one file.

    Where this laptop's backups are copied stays this laptop's choice (`mirror`): a backup must
    not bring in a folder of its own, where copies holding the secret would then go.
    """
    try:
        with owner_only():
            conn = sqlite3.connect(f"file:{quote(str(staged.absolute()))}?mode=rw", uri=True,
                                   isolation_level=None)
    except sqlite3.Error as exc:
        raise BadInput("backup_not_compound_desk", path=str(source)) from exc
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA foreign_keys = OFF")
        uuid = judge_database(conn, source)
        conn.execute("BEGIN IMMEDIATE")
        settings.set_backup_mirror(conn, mirror)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = DELETE")
        return uuid
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "not a database" in text or "file is not" in text:
            raise BadInput("backup_not_compound_desk", path=str(source)) from exc
        if "full" in text:
            raise DatabaseUnusable("disk_full", path=str(staged)) from exc
        raise BadInput("backup_not_good", path=str(source), detail=str(exc)) from exc
    finally:
        conn.close()
        for suffix in SIDECARS:
            Path(f"{staged}{suffix}").unlink(missing_ok=True)


def refuse_while_open(db_path: Path) -> None:
    """Refuse (exit 3) while any other connection, in this process or another, has the file open.

    A connection that takes the file in exclusive locking mode gets it only when it is alone;
    closing it, as the last one, folds the WAL into the file and removes it.
    """
    try:
        probe = sqlite3.connect(f"file:{quote(str(db_path.absolute()))}?mode=rw", uri=True,
                                isolation_level=None, timeout=0)
    except sqlite3.Error:
        return  # cannot be opened at all: nothing else has it open as a database either
    try:
        probe.execute("PRAGMA locking_mode = EXCLUSIVE")
        probe.execute("BEGIN EXCLUSIVE")
        probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        probe.execute("COMMIT")
    except sqlite3.Error as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseUnusable("db_in_use", path=str(db_path)) from exc
        # A file too damaged to read cannot be in use as a database either: it is replaced.
    finally:
        probe.close()
    Path(f"{db_path}-shm").unlink(missing_ok=True)  # its index of a WAL now folded in
