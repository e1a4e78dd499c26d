"""Looking after the file itself: what `check` reports."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.db.connection import LATEST_VERSION, inspect_connection
from desktop.errors import BadInput, DatabaseUnusable

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
        report["integrity"] = "not a database" if exc.code == "db_not_database" else exc.code
        return report
    try:
        report["schema_version"] = conn.execute("PRAGMA user_version").fetchone()[0]
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
        report["integrity"] = "ok" if problems == ["ok"] else "; ".join(problems)
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        if foreign and report["integrity"] == "ok":
            report["integrity"] = f"{len(foreign)} rows point at missing rows"
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for key, table in COUNTED_TABLES.items():
            report[key] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if table in tables else 0
    except sqlite3.DatabaseError as exc:
        report["integrity"] = str(exc)
    finally:
        conn.close()
    report["ok"] = report["integrity"] == "ok" and (report["schema_version"] or 0) <= LATEST_VERSION
    return report
