"""Queries over the household table. They never commit: the services own the transaction."""

from __future__ import annotations

import sqlite3
import uuid

from desktop.db import settings

COLUMNS = (
    "id, uuid, station, address, building, entrance, room, name, name_initials, phone, people, "
    "flags, delivery, notes, active, created_at, updated_at"
)
_ORDER = "ORDER BY active DESC, building, entrance IS NOT NULL, entrance, room"
_WRITABLE = (
    "address", "building", "entrance", "room", "name", "name_initials", "phone", "people",
    "flags", "delivery", "notes", "active",
)


def select_by_id(conn: sqlite3.Connection, household_id: int) -> sqlite3.Row | None:
    return conn.execute(
        f"SELECT {COLUMNS} FROM household WHERE id = :id", {"id": household_id}
    ).fetchone()


def select_by_address(conn: sqlite3.Connection, address: str) -> sqlite3.Row | None:
    return conn.execute(
        f"SELECT {COLUMNS} FROM household WHERE address = :address", {"address": address}
    ).fetchone()


def select_all(conn: sqlite3.Connection, *, active_only: bool = False) -> list[sqlite3.Row]:
    where = "WHERE active = 1" if active_only else ""
    return conn.execute(f"SELECT {COLUMNS} FROM household {where} {_ORDER}").fetchall()


def select_matching(
    conn: sqlite3.Connection,
    *,
    address: str | None,
    text: str,
    digits: str,
    initials: str,
    addresses_only: bool = False,
    ids_only: bool = False,
) -> list[sqlite3.Row]:
    """Households whose address, name, phone or pinyin initials match what was typed (with
    `ids_only`, only their ids, for a window that holds the households already).

    The exact address comes first, then the rooms and addresses that match, then names, then
    phone digits and initials: a volunteer typing a room number wants the rooms before phones.
    """
    columns = "id" if ids_only else COLUMNS
    if addresses_only:
        # A query that reads as an address: that home alone, or while it is still being typed
        # (12-30 on the way to 12-301), the homes whose address starts so.
        exact = conn.execute(f"SELECT {columns} FROM household WHERE address = :address",
                             {"address": address or ""}).fetchone()
        if exact is not None:
            return [exact]
        return conn.execute(
            f"""
            SELECT {columns} FROM household
            WHERE address = :address OR address LIKE :text_prefix ESCAPE '\\'
            ORDER BY active DESC, address != :address, building, entrance IS NOT NULL, entrance, room
            """,
            {"address": address, "text_prefix": _like(address or "") + "%"},
        ).fetchall()
    return conn.execute(
        f"""
        SELECT {columns} FROM household
        WHERE (:address IS NOT NULL AND address = :address)
           OR address LIKE :text_prefix ESCAPE '\\'
           OR ('-' || address) LIKE :room_part ESCAPE '\\'
           OR name LIKE :text_inside ESCAPE '\\'
           OR (:digits != '' AND phone LIKE :digits_inside ESCAPE '\\')
           OR (:initials != '' AND name_initials LIKE :initials_prefix ESCAPE '\\')
        ORDER BY active DESC,
                 CASE WHEN address = :address THEN 0
                      WHEN ('-' || address) LIKE :room_end ESCAPE '\\' THEN 1
                      WHEN address LIKE :text_prefix ESCAPE '\\' THEN 1
                      WHEN name LIKE :text_inside ESCAPE '\\' THEN 2
                      ELSE 3 END,
                 building, entrance IS NOT NULL, entrance, room
        """,
        {
            "address": address,
            "room_end": "%-" + _like(text),
            "text_prefix": _like(text) + "%",
            "room_part": "%-" + _like(text) + "%",
            "text_inside": "%" + _like(text) + "%",
            "digits": digits,
            "digits_inside": "%" + _like(digits) + "%",
            "initials": initials,
            "initials_prefix": _like(initials) + "%",
        },
    ).fetchall()


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def select_phones(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Id and phone of every household that has a phone."""
    return conn.execute("SELECT id, phone FROM household WHERE phone != ''").fetchall()


def insert(conn: sqlite3.Connection, values: dict, *, station: str, now: str) -> int:
    row = {key: values[key] for key in _WRITABLE}
    row.update(uuid=str(uuid.uuid4()), station=station, created_at=now, updated_at=now)
    cursor = conn.execute(
        f"INSERT INTO household ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})",
        row,
    )
    return int(cursor.lastrowid)


def update(conn: sqlite3.Connection, household_id: int, values: dict, *, now: str) -> None:
    row = {key: values[key] for key in _WRITABLE if key in values}
    sets = ", ".join(f"{key} = :{key}" for key in row)
    row.update(id=household_id, updated_at=now)
    conn.execute(f"UPDATE household SET {sets}, updated_at = :updated_at WHERE id = :id", row)


def count_by_building(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    return [
        (row[0], row[1])
        for row in conn.execute(
            "SELECT building, count(*) FROM household WHERE active = 1 "
            "GROUP BY building ORDER BY building"
        )
    ]


def count_all(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM household").fetchone()[0]


def count_summary(conn: sqlite3.Connection) -> sqlite3.Row:
    return conn.execute(
        "SELECT count(*) AS households, "
        "coalesce(sum(flags != ''), 0) AS flagged, "
        "coalesce(sum(delivery = 'door'), 0) AS door "
        "FROM household WHERE active = 1"
    ).fetchone()


# What the last roster import said for each household it named, so a later import can tell a field
# edited in the program since then from one the committee changed in its file.
IMPORT_BASELINE_KEY = settings.IMPORT_BASELINE


def select_import_baseline(conn: sqlite3.Connection) -> str | None:
    return settings.get(conn, IMPORT_BASELINE_KEY)


def store_import_baseline(conn: sqlite3.Connection, value: str) -> None:
    settings.put(conn, IMPORT_BASELINE_KEY, value)
