"""A copy of the data that needs no SQLite: every table as CSV, plus a manifest to rebuild from.

CSV files are UTF-8 with BOM. An empty value (SQL NULL) is written `\\N`; a text that starts with
a backslash gets one more in front; BLOBs are written as hex. The manifest lists each table's
columns with their declared types, its row count and the SHA-256 of its file. The files are
meant for reloading, so cells are written exactly as stored (no spreadsheet guard).

The compound secret is never in it (the manifest says so): whoever holds an export folder can
read the data but cannot make codes that scan. A database rebuilt from it gets a new secret, so
labels and cards must be printed again, unless the secret file `compound-desk secret export`
wrote is given.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from desktop import __version__
from desktop.bags.codes import CodeKeys, make_code
from desktop.clock import utc_now
from desktop.compound import code_keys
from desktop.db import compound as compound_rows
from desktop.db import exchange as station
from desktop.db import tables
from desktop.db.connection import Connection, connect, transaction
from desktop.errors import BadInput, DatabaseUnusable
from desktop.files import refuse_unless_regular

MANIFEST = "manifest.json"
NULL = "\\N"
# Columns never exported: (table, column). The secret signs codes; the codes themselves are
# made from a serial and the secret, so a rebuild makes them again rather than read them: an
# export folder in a stranger's hands holds no code that scans.
# A PIN of 4–8 digits is found from its salted hash in seconds, so operators travel without them:
# rebuilt, each is disabled until the committee gives them a new PIN.
PIN_COLUMNS = ("pin_salt", "pin_hash")
LEFT_OUT = (("compound", "secret"), ("bag", "code"), ("household_code", "code"),
            *(("operator", c) for c in PIN_COLUMNS))
# Tables whose `code` is made again from their `serial`, and the kind of code each holds.
CODE_KINDS = {"bag": "bag", "household_code": "household"}


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


def export_all(conn: Connection, folder: Path) -> dict:
    """Write every table and the manifest into `folder` (made if missing); return the manifest."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as exc:  # ValueError: a name no file system takes (a NUL byte)
        raise BadInput("export_unwritable", path=str(folder)) from exc
    manifest: dict = {
        "program": "compound-desk",
        "program_version": __version__,
        "schema_version": tables.schema_version(conn),
        "exported_at": utc_now(),
        "csv": {"encoding": "utf-8-sig", "null": NULL, "blob": "hex"},
        "tables": [],
        "left_out": [{"table": t, "column": c} for t, c in LEFT_OUT],
        "compound_secret": "not included, nor the bag and card codes made with it: a database "
                           "rebuilt from this folder gets a new secret, so labels and household "
                           "cards must be printed again, unless the file written by "
                           "`compound-desk secret export` is given (--with-secret)",
        "operator_pins": "not included (a PIN of a few digits is found from its hash in seconds): "
                         "a database rebuilt from this folder keeps its operators' names and roles, "
                         "each disabled until given a new PIN (`compound-desk operators reset-pin`)",
    }
    try:
        with tables.one_snapshot(conn):
            _write_tables(conn, folder, manifest)
    except OSError as exc:
        raise BadInput("export_unwritable", path=str(folder)) from exc
    target = folder / MANIFEST
    refuse_unless_regular(target, field=None)
    partial = folder / (MANIFEST + ".partial")
    try:
        partial.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(partial, target)
    except OSError as exc:
        raise BadInput("export_unwritable", path=str(folder)) from exc
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def _write_tables(conn: Connection, folder: Path, manifest: dict) -> None:
    for table in tables.table_names(conn):
        columns = [(c, t) for c, t in tables.columns(conn, table) if (table, c) not in LEFT_OUT]
        target = folder / f"{table}.csv"
        count = _write_table(conn, table, [c for c, _ in columns], target)
        manifest["tables"].append({
            "name": table,
            "file": target.name,
            "rows": count,
            "columns": [{"name": c, "type": t} for c, t in columns],
            "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
        })


def _write_table(conn: Connection, table: str, columns: list[str], target: Path) -> int:
    refuse_unless_regular(target, field=None)
    partial = target.with_name(target.name + ".partial")
    count = 0
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(columns)
            for row in tables.rows_of(conn, table, columns):
                writer.writerow([_encode(v) for v in row])
                count += 1
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return count


@dataclass(frozen=True)
class Rebuilt:
    new_secret: bool  # True: codes printed before do not scan; labels and cards must be printed again


def rebuild_from_export(folder: Path, db_path: Path, *, secret: SecretFile | None = None) -> Rebuilt:
    """Make a new database at `db_path` holding exactly what an `export_all` folder holds.

    The compound gets `secret` when given (it must be this compound's), else a new one; a
    secret found in an older export's compound.csv is never used.
    """
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise BadInput("export_folder_invalid", path=str(folder), detail="no manifest.json")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        listed = manifest["tables"]
        version = int(manifest["schema_version"])
    except (ValueError, KeyError, TypeError) as exc:
        raise BadInput("export_folder_invalid", path=str(folder), detail="manifest.json is unreadable") from exc
    if db_path.exists():
        raise BadInput("export_target_exists", path=str(db_path))
    conn = connect(db_path)
    try:
        if tables.schema_version(conn) != version:
            raise BadInput("export_folder_invalid", path=str(folder), detail=f"schema version {version}")
        fresh = compound_rows.identity(conn)[1]
        entries = _checked_entries(conn, folder, listed)
        with transaction(conn):
            tables.empty_all(conn)
            keys = None
            # The compound first: the codes of bags and cards are made with its keys.
            for entry in sorted(entries, key=lambda e: e["name"] != "compound"):
                try:
                    _load_table(conn, folder, entry, secret.secret if secret else fresh, keys)
                except (DatabaseUnusable, ValueError, TypeError, KeyError, csv.Error, OSError,
                        StopIteration) as exc:
                    raise BadInput("export_folder_invalid", path=str(folder),
                                   detail=f"{entry['file']}: {exc}") from exc
                if entry["name"] == "compound":
                    keys = code_keys(conn)
            if secret is not None:
                if compound_rows.uuid(conn) != secret.compound_uuid:
                    raise BadInput("secret_other_compound", path=str(secret.path))
    except BaseException:
        conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        raise
    conn.close()
    return Rebuilt(new_secret=secret is None)


def _checked_entries(conn: Connection, folder: Path, listed: object) -> list[dict]:
    """The manifest's tables, each one of this schema's, read from its own file in the folder,
    with columns the table has: a manifest cannot name another file or reach into the SQL."""
    known = set(tables.table_names(conn))
    if not isinstance(listed, list):
        raise BadInput("export_folder_invalid", path=str(folder), detail="manifest.json is unreadable")
    seen: set[str] = set()
    for entry in listed:
        name = entry.get("name") if isinstance(entry, dict) else None
        if name not in known or name in seen or entry.get("file") != f"{name}.csv":
            raise BadInput("export_folder_invalid", path=str(folder), detail=f"table {str(name)[:40]!r}")
        seen.add(name)
        have = {c for c, _ in tables.columns(conn, name)}
        columns = entry.get("columns")
        if (not isinstance(columns, list) or not all(isinstance(c, dict) for c in columns)
                or not {str(c.get("name")) for c in columns} <= have
                or not isinstance(entry.get("rows"), int) or not isinstance(entry.get("sha256"), str)):
            raise BadInput("export_folder_invalid", path=str(folder), detail=f"columns of {name}")
    return listed


def _load_table(conn: Connection, folder: Path, entry: dict, secret: bytes,
                keys: CodeKeys | None) -> None:
    path = folder / entry["file"]
    if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
        raise BadInput("export_folder_invalid", path=str(folder), detail=f"{entry['file']} is missing or changed")
    types = {c["name"]: c["type"] for c in entry["columns"]}
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if sorted(header) != sorted(types) or len(set(header)) != len(header):
            raise BadInput("export_folder_invalid", path=str(folder), detail=f"{entry['file']} header")
        rows = [[_decode(v, types[c]) for v, c in zip(row, header, strict=True)] for row in reader]
    if entry["name"] == "compound":  # the secret is the one given or a new one, never the file's
        keep = [i for i, c in enumerate(header) if c != "secret"]
        header = [header[i] for i in keep] + ["secret"]
        rows = [[row[i] for i in keep] + [secret] for row in rows]
    elif entry["name"] in CODE_KINDS and "serial" in header:  # codes made again, never read
        if keys is None:
            raise BadInput("export_folder_invalid", path=str(folder), detail="compound.csv is missing")
        kind = CODE_KINDS[entry["name"]]
        keep = [i for i, c in enumerate(header) if c != "code"]
        at = header.index("serial")
        try:
            rows = [[row[i] for i in keep] + [make_code(keys, kind, row[at])] for row in rows]
        except ValueError as exc:
            raise BadInput("export_folder_invalid", path=str(folder), detail=f"{entry['file']} serial") from exc
        header = [header[i] for i in keep] + ["code"]
    elif entry["name"] == "operator" and not set(PIN_COLUMNS) <= set(header):
        # No PIN came: each operator gets one nobody knows, and waits, disabled, for a new one.
        keep = [i for i, c in enumerate(header) if c not in (*PIN_COLUMNS, "active")]
        header = [header[i] for i in keep] + [*PIN_COLUMNS, "active"]
        rows = [[row[i] for i in keep] + [os.urandom(16), os.urandom(32), 0] for row in rows]
    tables.fill(conn, entry["name"], header, rows)
    if len(rows) != entry["rows"]:
        raise BadInput("export_folder_invalid", path=str(folder), detail=f"{entry['file']} row count")


# ---- the secret, kept apart ------------------------------------------------------------------

SECRET_KIND = "compound-desk/compound-secret/v1"


@dataclass(frozen=True)
class SecretFile:
    path: Path
    compound_uuid: str
    secret: bytes = field(repr=False)


def export_secret(conn: Connection, path: Path) -> Path:
    """Write the compound secret alone, readable by its owner only, for a committee member to keep
    apart from the laptop (to rebuild from an export folder without printing everything again)."""
    from desktop.files import written_atomically

    uuid, secret = compound_rows.identity(conn)
    if station.role(conn) == "gate" or not secret:
        raise BadInput("secret_at_gate", "file")
    body = json.dumps({
        "kind": SECRET_KIND,
        "compound_uuid": uuid,
        "secret": secret.hex(),
        "note": "Whoever holds this file can make labels and cards that scan as this compound's: "
                "keep it offline, apart from the laptop and its backups.",
    }, indent=2).encode()
    with written_atomically(path, code="secret_unwritable", mode=0o600) as out:
        out.write(body)
    return path


def read_secret_file(path: Path) -> SecretFile:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("kind") != SECRET_KIND:
            raise ValueError("not a secret file")
        secret = bytes.fromhex(data["secret"])
        uuid = str(data["compound_uuid"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BadInput("secret_file_invalid", path=str(path)) from exc
    if len(secret) != 32:
        raise BadInput("secret_file_invalid", path=str(path))
    return SecretFile(Path(path), uuid, secret)
