"""Inserting rows a station creates: each gets a fresh uuid and the station's name (see DESIGN.md)."""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterable, Mapping


def insert(conn: sqlite3.Connection, table: str, values: Mapping, *, station: str) -> int:
    row = dict(values)
    row.update(uuid=str(uuid.uuid4()), station=station)
    columns = ", ".join(row)
    cursor = conn.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({', '.join(':' + k for k in row)})", row
    )
    return int(cursor.lastrowid)


def uuid4_many(count: int) -> list[str]:
    """Random (version 4) UUIDs in their usual text form, many at once: uuid.uuid4() builds an
    object for each, which a 20,000-row import notices."""
    raw = os.urandom(16 * count).hex()
    made = []
    for start in range(0, 32 * count, 32):
        h = raw[start:start + 32]
        made.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}")
    return made


def insert_many(
    conn: sqlite3.Connection, table: str, rows: Iterable[Mapping], *, station: str
) -> None:
    """Many rows with the same columns, in one statement run many times."""
    prepared = [dict(values) for values in rows]
    if not prepared:
        return
    for row, new_uuid in zip(prepared, uuid4_many(len(prepared)), strict=True):
        row["uuid"] = new_uuid
        row["station"] = station
    keys = list(prepared[0])
    conn.executemany(
        f"INSERT INTO {table} ({', '.join(keys)}) VALUES ({', '.join(':' + k for k in keys)})",
        prepared,
    )
