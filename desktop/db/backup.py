"""Self-contained copies of a database, made with SQLite's backup API and checked after writing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.clock import file_stamp
from desktop.errors import DatabaseUnusable


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def copy_database(conn: sqlite3.Connection, dest: Path) -> Path:
    """Write a consistent single-file copy (no WAL) to `dest` and prove it sound."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(partial, isolation_level=None)
    try:
        conn.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
        result = target.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        target.close()
    if result != "ok":
        partial.unlink(missing_ok=True)
        raise DatabaseUnusable("backup_failed_check", path=str(dest), detail=result)
    partial.replace(dest)
    return dest


def backup_before_upgrade(conn, version: int) -> Path:
    path = Path(conn.path)
    dest = backups_dir(path) / f"{path.stem}-{file_stamp()}-before-upgrade-from-v{version}.sqlite"
    try:
        return copy_database(conn, dest)
    except sqlite3.DatabaseError as exc:
        from desktop.db.connection import translate_error

        error = translate_error(exc, path)
        if error.code == "db_damaged":  # the file itself, not the backups folder
            raise error from exc
        raise DatabaseUnusable("backup_failed", path=str(dest)) from exc
    except OSError as exc:
        raise DatabaseUnusable("backup_failed", path=str(dest)) from exc
