"""A copy of the data that needs no SQLite: every table as CSV, plus a manifest to rebuild from.

CSV files are UTF-8 with BOM. An empty value (SQL NULL) is written `\\N`; a text that starts with
a backslash gets one more in front; BLOBs are written as hex. The manifest lists each table's
columns with their declared types, its row count and the SHA-256 of its file.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
from pathlib import Path

from desktop import __version__
from desktop.clock import utc_now
from desktop.db.connection import Connection, connect, transaction
from desktop.errors import BadInput

MANIFEST = "manifest.json"
NULL = "\\N"


def _encode(value: object) -> str:
    if value is None:
        return NULL
    if isinstance(value, bytes):
        return value.hex()
    text = str(value)
    return "\\" + text if text.startswith("\\") else text


def _decode(text: str, declared: str) -> object:
    if text == NULL:
        return None
    if text.startswith("\\\\"):
        return text[1:]
    kind = declared.upper()
    if "BLOB" in kind:
        return bytes.fromhex(text)
    if "INT" in kind:
        return int(text)
    if "REAL" in kind:
        return float(text)
    return text


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    )
    return [row[0] for row in rows]


def export_all(conn: Connection, folder: Path) -> dict:
    """Write every table and the manifest into `folder` (made if missing); return the manifest."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as exc:  # ValueError: a name no file system takes (a NUL byte)
        raise BadInput("export_unwritable", path=str(folder)) from exc
    manifest: dict = {
        "program": "compound-desk",
        "program_version": __version__,
        "schema_version": conn.execute("PRAGMA user_version").fetchone()[0],
        "exported_at": utc_now(),
        "csv": {"encoding": "utf-8-sig", "null": NULL, "blob": "hex"},
        "tables": [],
    }
    conn.execute("BEGIN")  # one read snapshot across all tables
    try:
        for table in _tables(conn):
            columns = [(row[1], row[2]) for row in conn.execute(f'PRAGMA table_info("{table}")')]
            target = folder / f"{table}.csv"
            count = _write_table(conn, table, [c for c, _ in columns], target)
            manifest["tables"].append({
                "name": table,
                "file": target.name,
                "rows": count,
                "columns": [{"name": c, "type": t} for c, t in columns],
                "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
            })
    except OSError as exc:
        raise BadInput("export_unwritable", path=str(folder)) from exc
    finally:
        conn.execute("COMMIT")
    partial = folder / (MANIFEST + ".partial")
    partial.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(partial, folder / MANIFEST)
    return manifest


def _write_table(conn: sqlite3.Connection, table: str, columns: list[str], target: Path) -> int:
    partial = target.with_name(target.name + ".partial")
    count = 0
    with partial.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        select = ", ".join(f'"{c}"' for c in columns)
        for row in conn.execute(f'SELECT {select} FROM "{table}" ORDER BY rowid'):
            writer.writerow([_encode(v) for v in row])
            count += 1
    os.replace(partial, target)
    return count


def rebuild_from_export(folder: Path, db_path: Path) -> None:
    """Make a new database at `db_path` holding exactly what an `export_all` folder holds."""
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise BadInput("export_folder_invalid", path=str(folder), detail="no manifest.json")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        tables = manifest["tables"]
        version = int(manifest["schema_version"])
    except (ValueError, KeyError, TypeError) as exc:
        raise BadInput("export_folder_invalid", path=str(folder), detail="manifest.json is unreadable") from exc
    if db_path.exists():
        raise BadInput("export_target_exists", path=str(db_path))
    conn = connect(db_path)
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != version:
            raise BadInput("export_folder_invalid", path=str(folder), detail=f"schema version {version}")
        with transaction(conn):
            conn.execute("PRAGMA defer_foreign_keys = ON")
            for table in reversed(_tables(conn)):
                conn.execute(f'DELETE FROM "{table}"')
            for entry in tables:
                _load_table(conn, folder, entry)
    except BaseException:
        conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        raise
    conn.close()


def _load_table(conn: sqlite3.Connection, folder: Path, entry: dict) -> None:
    path = folder / entry["file"]
    if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
        raise BadInput("export_folder_invalid", path=str(folder), detail=f"{entry['file']} is missing or changed")
    types = {c["name"]: c["type"] for c in entry["columns"]}
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        marks = ", ".join("?" for _ in header)
        names = ", ".join(f'"{c}"' for c in header)
        rows = [[_decode(v, types[c]) for v, c in zip(row, header, strict=True)] for row in reader]
    conn.executemany(f'INSERT INTO "{entry["name"]}" ({names}) VALUES ({marks})', rows)
    if len(rows) != entry["rows"]:
        raise BadInput("export_folder_invalid", path=str(folder), detail=f"{entry['file']} row count")
