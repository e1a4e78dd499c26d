"""Exchange files between stations: writing the tables another station needs into a file of their
own, reading one back and merging it, and the station's own records (its role, the files merged,
the committee's notes on bags handed over twice). Writes run inside the caller's `transaction()`;
attaching and detaching the file happen outside any transaction, as SQLite requires.

In the file a table keeps its columns but its integer key; every reference to another row (an
`…_id` column) travels as that row's uuid (`…_uuid`), since integer keys differ between stations.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from desktop.db import settings
from desktop.db.base import Connection, owner_only
from desktop.db.stamp import insert
from desktop.errors import BadInput

ROLE = "station_role"
REMINDER_HOURS = "stations.reminder_hours"
FILE = "x"  # the schema name the exchange file is attached under
HANDED_OVER = ("pickup", "door")


# ---- the station's role ------------------------------------------------------------------------


def role(conn: Connection) -> str:
    return settings.get(conn, ROLE) or "home"


def set_role(conn: Connection, value: str) -> None:
    settings.put(conn, ROLE, value)


def set_station(conn: Connection, name: str) -> None:
    settings.put(conn, settings.STATION, name)


def reminder_hours(conn: Connection) -> str | None:
    return settings.get(conn, REMINDER_HOURS)


def set_reminder_hours(conn: Connection, hours: int) -> None:
    settings.put(conn, REMINDER_HOURS, str(hours))


def compound_row(conn: Connection) -> sqlite3.Row:
    return conn.execute("SELECT uuid, name, address, created_at, length(secret) AS secret_length "
                        "FROM compound WHERE id = 1").fetchone()


def holds_anything(conn: Connection) -> bool:
    """Whether the file holds any household, buy, bag or handoff (a new file holds none)."""
    return bool(conn.execute(
        "SELECT EXISTS (SELECT 1 FROM household) OR EXISTS (SELECT 1 FROM group_buy) "
        "OR EXISTS (SELECT 1 FROM bag) OR EXISTS (SELECT 1 FROM handoff)").fetchone()[0])


def become_gate_of(conn: Connection, uuid: str, name: str, address: str, created_at: str) -> None:
    """This new file serves the lobby's compound, without its secret."""
    conn.execute("UPDATE compound SET uuid = :uuid, name = :name, address = :address, "
                 "created_at = :created_at, secret = X'' WHERE id = 1",
                 {"uuid": uuid, "name": name, "address": address, "created_at": created_at})


# ---- the file ----------------------------------------------------------------------------------


def _file_column(column: str, refs: Mapping[str, str]) -> str:
    return column[:-3] + "_uuid" if column in refs else column


def _columns(conn: Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


@contextmanager
def attached(conn: Connection, path: Path, *, write: bool) -> Iterator[None]:
    """The exchange file attached as schema `x` (read-only unless `write`)."""
    mode = "rwc" if write else "ro"
    uri = f"file:{quote(str(Path(path).absolute()))}?mode={mode}"
    try:
        if write:
            with owner_only():
                conn.execute(f"ATTACH DATABASE :uri AS {FILE}", {"uri": uri})
                conn.execute(f"CREATE TABLE {FILE}.manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        else:
            conn.execute(f"ATTACH DATABASE :uri AS {FILE}", {"uri": uri})
    except sqlite3.Error as exc:
        raise BadInput("sync_file_unreadable", path=str(path)) from exc
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute(f"DETACH DATABASE {FILE}")


def copy_table(conn: Connection, table: str, refs: Mapping[str, str], key: str,
               keys_like: Sequence[str], local: Sequence[str] = ()) -> int:
    """Write `table` into the attached file, references as uuids, without the `local` columns
    each station keeps for itself; how many rows."""
    select = []
    for column in _columns(conn, "main", table):
        if column == "id" or column in local:
            continue
        if column in refs:
            select.append(f'(SELECT r.uuid FROM main."{refs[column]}" r WHERE r.id = t."{column}") '
                          f'AS "{_file_column(column, refs)}"')
        else:
            select.append(f't."{column}"')
    where = " OR ".join(f"t.{key} LIKE ?" for _ in keys_like) or "1"
    conn.execute(f'CREATE TABLE {FILE}."{table}" AS SELECT {", ".join(select)} '
                 f'FROM main."{table}" t WHERE {where} ORDER BY t.rowid', tuple(keys_like))
    return conn.execute(f'SELECT count(*) FROM {FILE}."{table}"').fetchone()[0]


def write_manifest(conn: Connection, manifest: Mapping[str, object]) -> None:
    conn.executemany(f"INSERT INTO {FILE}.manifest (key, value) VALUES (?, ?)",
                     [(k, json.dumps(v, ensure_ascii=False)) for k, v in manifest.items()])


def read_manifest(conn: Connection, path: Path) -> dict[str, object]:
    """The attached file's manifest; BadInput when the file is damaged or is no exchange file."""
    try:
        check = conn.execute(f"PRAGMA {FILE}.quick_check").fetchone()[0]
        if check != "ok":
            raise BadInput("sync_file_damaged", path=str(path))
        has = conn.execute(f"SELECT count(*) FROM {FILE}.sqlite_master WHERE type = 'table' "
                           "AND name = 'manifest'").fetchone()[0]
        if not has:
            raise BadInput("sync_not_exchange_file", path=str(path))
        rows = conn.execute(f"SELECT key, value FROM {FILE}.manifest").fetchall()
        return {key: json.loads(value) for key, value in rows}
    except (sqlite3.Error, ValueError) as exc:
        raise BadInput("sync_file_damaged", path=str(path)) from exc


def file_tables(conn: Connection) -> set[str]:
    return {row[0] for row in conn.execute(
        f"SELECT name FROM {FILE}.sqlite_master WHERE type = 'table'")}


def checksum(conn: Connection, path: Path, tables: Mapping[str, str]) -> str:
    """SHA-256 over every row of the named tables of the attached file (table → its key column),
    in key order: what the manifest's checksum is checked against."""
    digest = hashlib.sha256()
    try:
        for table in sorted(tables):
            columns = sorted(_columns(conn, FILE, table))
            digest.update(json.dumps([table, columns]).encode())
            cols = ", ".join(f'"{c}"' for c in columns)
            for row in conn.execute(f'SELECT {cols} FROM {FILE}."{table}" ORDER BY "{tables[table]}"'):
                digest.update(json.dumps(
                    [v.hex() if isinstance(v, bytes) else v for v in row], ensure_ascii=False
                ).encode())
    except sqlite3.Error as exc:
        raise BadInput("sync_file_damaged", path=str(path)) from exc
    return digest.hexdigest()


# ---- merging -----------------------------------------------------------------------------------


def _plan(conn: Connection, table: str, refs: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """(main's columns, the file's expressions for them) for the columns both have."""
    have = set(_columns(conn, FILE, table))
    targets, sources = [], []
    for column in _columns(conn, "main", table):
        if column == "id":
            continue
        in_file = _file_column(column, refs)
        if in_file not in have:
            continue
        targets.append(f'"{column}"')
        if column in refs:
            sources.append(f'(SELECT r.id FROM main."{refs[column]}" r WHERE r.uuid = s."{in_file}")')
        else:
            sources.append(f's."{column}"')
    return targets, sources


def _resolvable(refs: Mapping[str, str]) -> str:
    """SQL: every reference the file's row `s` makes is to a row this file already holds."""
    conditions = [f'(s."{_file_column(c, refs)}" IS NULL OR EXISTS (SELECT 1 FROM main."{t}" r '
                  f'WHERE r.uuid = s."{_file_column(c, refs)}"))' for c, t in refs.items()]
    return " AND ".join(conditions) or "1"


def append_new(conn: Connection, table: str, refs: Mapping[str, str], key: str = "uuid") -> int:
    """Rows of the file not here yet (by `key`), appended in the order they were made; a row
    referring to another row of the same table waits for it. How many were added; rows left
    whose references cannot be resolved are counted by `unresolved`."""
    targets, sources = _plan(conn, table, refs)
    file_columns = set(_columns(conn, FILE, table))
    order = 's."at", ' if "at" in file_columns else ""
    sql = (f'INSERT INTO main."{table}" ({", ".join(targets)}) SELECT {", ".join(sources)} '
           f'FROM {FILE}."{table}" s WHERE NOT EXISTS (SELECT 1 FROM main."{table}" m '
           f'WHERE m."{key}" = s."{key}") AND {_resolvable(refs)} ORDER BY {order}s.rowid')
    added = 0
    while True:
        count = conn.execute(sql).rowcount
        added += count
        if count == 0 or table not in refs.values():
            return added


def unresolved(conn: Connection, table: str, key: str = "uuid") -> int:
    return conn.execute(f'SELECT count(*) FROM {FILE}."{table}" s WHERE NOT EXISTS '
                        f'(SELECT 1 FROM main."{table}" m WHERE m."{key}" = s."{key}")').fetchone()[0]


def replace_changed(conn: Connection, table: str, refs: Mapping[str, str], key: str = "uuid") -> int:
    """Rows here that the file holds too, given the file's values where they differ: how many."""
    targets, sources = _plan(conn, table, refs)
    pairs = [(t, s) for t, s in zip(targets, sources, strict=True) if t != f'"{key}"']
    if not pairs:
        return 0
    differs = " OR ".join(f'm.{t} IS NOT {s}' for t, s in pairs)
    sets = ", ".join(f"{t} = {s}" for t, s in pairs)
    return conn.execute(
        f'UPDATE main."{table}" AS m SET {sets} FROM {FILE}."{table}" AS s '
        f'WHERE m."{key}" = s."{key}" AND ({differs})'
    ).rowcount


def adopt_same(conn: Connection, table: str, column: str, key: str = "uuid") -> int:
    """Rows here that name the same thing as a row of the file (the same `column`, any case) under
    another key take the file's key, so the file's copy replaces them: how many."""
    return conn.execute(
        f'UPDATE main."{table}" AS m SET "{key}" = s."{key}" FROM {FILE}."{table}" AS s '
        f'WHERE m."{column}" = s."{column}" COLLATE NOCASE AND m."{key}" != s."{key}" '
        f'AND NOT EXISTS (SELECT 1 FROM main."{table}" o WHERE o."{key}" = s."{key}")'
    ).rowcount


def forgive_tries_on_new_pins(conn: Connection) -> int:
    """An operator whose PIN the lobby's file changes starts again without wrong tries, as a PIN
    reset at the lobby does there; otherwise each station keeps counting its own."""
    return conn.execute(
        f"UPDATE main.operator AS m SET failed_tries = 0, wait_until = NULL FROM {FILE}.operator AS s "
        f"WHERE m.uuid = s.uuid AND (m.pin_hash IS NOT s.pin_hash OR m.pin_salt IS NOT s.pin_salt) "
        f"AND (m.failed_tries != 0 OR m.wait_until IS NOT NULL)"
    ).rowcount


def newest_handoff_id(conn: Connection) -> int:
    return conn.execute("SELECT coalesce(max(id), 0) FROM handoff").fetchone()[0]


def record_merge(conn: Connection, values: Mapping[str, object]) -> bool:
    """Remember a merged file; False when it was merged here before."""
    return 0 < conn.execute(
        "INSERT INTO station_merge (file_uuid, station, role, made_at, merged_at, home_made_at, "
        "known_bag_serial, added) VALUES (:file_uuid, :station, :role, :made_at, :merged_at, "
        ":home_made_at, :known_bag_serial, :added) "
        "ON CONFLICT (file_uuid) DO NOTHING", values).rowcount


def last_merge(conn: Connection, role_of_file: str | None = None,
               station: str | None = None) -> sqlite3.Row | None:
    """The latest file merged here (of that role, from that station, when given)."""
    return conn.execute(
        "SELECT * FROM station_merge WHERE (:role IS NULL OR role = :role) "
        "AND (:station IS NULL OR station = :station) ORDER BY made_at DESC, id DESC LIMIT 1",
        {"role": role_of_file, "station": station}).fetchone()


def gate_stations(conn: Connection) -> list[sqlite3.Row]:
    """Every gate station whose file was merged here, with its latest file."""
    return conn.execute(
        "SELECT station, max(made_at) AS made_at, max(merged_at) AS merged_at, "
        "max(home_made_at) AS home_made_at, max(known_bag_serial) AS known_bag_serial "
        "FROM station_merge WHERE role = 'gate' GROUP BY station ORDER BY station").fetchall()


def highest_bag_serial(conn: Connection) -> int:
    return conn.execute("SELECT coalesce(max(serial), 0) FROM bag").fetchone()[0]


def count_bags_after(conn: Connection, serial: int | None) -> int:
    """Bags made here after the one with this serial (every bag when None)."""
    return conn.execute("SELECT count(*) FROM bag WHERE serial > :serial",
                        {"serial": serial or 0}).fetchone()[0]


def latest_home_made_at(conn: Connection) -> str | None:
    row = last_merge(conn, "home")
    return None if row is None else row["made_at"]


# ---- bags handed over twice --------------------------------------------------------------------

_HANDED = ", ".join(f"'{a}'" for a in HANDED_OVER)
_DOUBLES = f"""
WITH ended AS (
    SELECT e.bag_id, count(*) AS n FROM handoff e
    WHERE e.action IN ({_HANDED})
      AND NOT EXISTS (SELECT 1 FROM handoff r WHERE r.reverses_id = e.id)
    GROUP BY e.bag_id HAVING count(*) >= 2
)
SELECT ended.bag_id, ended.n, b.code, b.uuid AS bag_uuid, h.address, b.household_id,
       (SELECT max(c.covers) FROM conflict_note c WHERE c.bag_id = ended.bag_id) AS covered
FROM ended JOIN bag b ON b.id = ended.bag_id JOIN household h ON h.id = b.household_id
ORDER BY b.code
"""


def select_doubles(conn: Connection) -> list[sqlite3.Row]:
    """Bags with two or more handovers not undone, with how many the committee's notes cover."""
    return conn.execute(_DOUBLES).fetchall()


def select_handovers(conn: Connection, bag_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        f"SELECT e.uuid, e.action, e.at, e.operator, e.station FROM handoff e "
        f"WHERE e.bag_id = :bag AND e.action IN ({_HANDED}) "
        f"AND NOT EXISTS (SELECT 1 FROM handoff r WHERE r.reverses_id = e.id) "
        f"ORDER BY e.at, e.uuid", {"bag": bag_id}).fetchall()


def select_notes(conn: Connection, bag_id: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT note, operator, station, at, covers FROM conflict_note "
                        "WHERE bag_id = :bag ORDER BY at, uuid", {"bag": bag_id}).fetchall()


def bags_with_handoffs_after(conn: Connection, handoff_id: int) -> set[int]:
    return {row[0] for row in conn.execute("SELECT DISTINCT bag_id FROM handoff WHERE id > :id",
                                           {"id": handoff_id})}


def insert_note(conn: Connection, values: Mapping[str, object], *, station: str) -> int:
    return insert(conn, "conflict_note", values, station=station)


def bag_by_code(conn: Connection, code: str) -> sqlite3.Row | None:
    return conn.execute("SELECT id, code FROM bag WHERE code = :code", {"code": code}).fetchone()


# ---- comparing stations (tests and checks) -----------------------------------------------------


def shared_rows(conn: Connection, table: str, refs: Mapping[str, str],
                key: str = "uuid", local: Sequence[str] = ()) -> dict[object, tuple]:
    """Every row of `table` by its key, references as uuids, without the local integer key and
    the `local` columns."""
    select = []
    for column in _columns(conn, "main", table):
        if column == "id" or column in local:
            continue
        if column in refs:
            select.append(f'(SELECT r.uuid FROM main."{refs[column]}" r WHERE r.id = t."{column}")')
        else:
            select.append(f't."{column}"')
    rows = conn.execute(f'SELECT t."{key}", {", ".join(select)} FROM main."{table}" t').fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


def remove_file(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.remove(f"{path}{suffix}")
        except FileNotFoundError:
            pass
