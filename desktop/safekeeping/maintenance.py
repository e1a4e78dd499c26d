"""Looking after the file itself: what `check` reports."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from desktop.db.connection import LATEST_VERSION, inspect_connection, schema_differences
from desktop.errors import BadInput, DatabaseUnusable

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
