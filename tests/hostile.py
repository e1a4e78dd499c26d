"""Backups edited by someone who means harm, or mangled on the way: the files the restore and the
window's start-up check are tried with."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from desktop.db import connect
from desktop.roster.households import HouseholdFields, add_household

# Edits a person with a copy of DB Browser for SQLite could make to a backup on a USB stick.
EDITS = {
    "a trigger that wipes the settings": (
        "CREATE TRIGGER settle AFTER INSERT ON household BEGIN DELETE FROM setting; END"
    ),
    "a trigger that writes on every new bag": (
        "CREATE TRIGGER hand_over AFTER INSERT ON bag BEGIN "
        "INSERT INTO setting (key, value) VALUES ('x' || NEW.id, 'picked up'); END"
    ),
    "a view shadowing a table": (
        "ALTER TABLE setting RENAME TO setting_real; "
        "CREATE VIEW setting AS SELECT * FROM setting_real"
    ),
    "a dropped append-only guard": "DROP TRIGGER payment_never_deleted",
    "a changed append-only guard": (
        "DROP TRIGGER payment_never_updated; "
        "CREATE TRIGGER payment_never_updated BEFORE UPDATE ON payment BEGIN SELECT 1; END"
    ),
    "an extra table": "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)",
    "an extra index": "CREATE INDEX household_by_name ON household (name)",
    "a dropped index": "DROP INDEX household_by_phone",
    "a loosened check": (
        "PRAGMA writable_schema = ON; "
        "UPDATE sqlite_master SET sql = replace(sql, 'people BETWEEN 1 AND 20', 'people > 0') "
        "WHERE name = 'household'; PRAGMA writable_schema = OFF"
    ),
}


def a_compound(path: Path, *addresses: str) -> Path:
    conn = connect(path)
    try:
        for address in addresses or ("12-301", "3-101"):
            add_household(conn, HouseholdFields(address=address, name="王秀英", phone="13800000001"))
    finally:
        conn.close()
    return path


def edited_copy(good: Path, dest: Path, sql: str) -> Path:
    """A copy of `good` with `sql` run on it by a plain SQLite program, no Compound Desk rules."""
    shutil.copy(good, dest)
    raw = sqlite3.connect(dest, isolation_level=None)
    try:
        raw.executescript(sql)
        raw.execute("PRAGMA journal_mode = DELETE")
    finally:
        raw.close()
    return dest


def with_version(good: Path, dest: Path, version: int) -> Path:
    return edited_copy(good, dest, f"PRAGMA user_version = {version}")


def truncated(good: Path, dest: Path, keep_pages: int) -> Path:
    """The first `keep_pages` pages only, as a copy cut short when a stick was pulled."""
    raw = sqlite3.connect(good)
    page = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    dest.write_bytes(good.read_bytes()[: page * keep_pages])
    return dest


def folder_listing(folder: Path) -> dict[str, bytes]:
    """Every file and its bytes, but the -shm index and empty -wal SQLite makes by merely reading."""
    return {
        p.name: p.read_bytes() for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith("-shm") and not (p.name.endswith("-wal") and not p.stat().st_size)
    }
