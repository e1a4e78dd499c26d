"""The `operator` table: who may sign in to the window, and as what. Its only owner; writes run
inside the caller's `transaction()`."""

from __future__ import annotations

from desktop.db.base import Connection, Row
from desktop.db.stamp import insert as stamped_insert

_COLUMNS = "id, uuid, station, name, role, pin_salt, pin_hash, active, failed_tries, wait_until"


def count_active(conn: Connection) -> int:
    return conn.execute("SELECT count(*) FROM operator WHERE active = 1").fetchone()[0]


def count_active_in_role(conn: Connection, role: str) -> int:
    return conn.execute("SELECT count(*) FROM operator WHERE active = 1 AND role = :role",
                        {"role": role}).fetchone()[0]


def select_all(conn: Connection) -> list[Row]:
    return conn.execute(f"SELECT {_COLUMNS} FROM operator ORDER BY active DESC, name COLLATE NOCASE").fetchall()


def select_by_name(conn: Connection, name: str) -> Row | None:
    """The operator of that name, whatever its letters' case."""
    return conn.execute(f"SELECT {_COLUMNS} FROM operator WHERE name = :name COLLATE NOCASE",
                        {"name": name}).fetchone()


def insert(conn: Connection, *, name: str, role: str, salt: bytes, pin_hash: bytes, now: str,
           station: str) -> int:
    return stamped_insert(conn, "operator", {
        "name": name, "role": role, "pin_salt": salt, "pin_hash": pin_hash,
        "created_at": now, "updated_at": now,
    }, station=station)


def set_pin(conn: Connection, operator_id: int, salt: bytes, pin_hash: bytes, now: str) -> None:
    """A new PIN forgives every wrong try before it."""
    conn.execute(
        "UPDATE operator SET pin_salt = :salt, pin_hash = :hash, failed_tries = 0, wait_until = NULL,"
        " updated_at = :now WHERE id = :id",
        {"salt": salt, "hash": pin_hash, "now": now, "id": operator_id})


def set_active(conn: Connection, operator_id: int, active: bool, now: str) -> None:
    conn.execute("UPDATE operator SET active = :active, updated_at = :now WHERE id = :id",
                 {"active": int(active), "now": now, "id": operator_id})


def set_tries(conn: Connection, operator_id: int, failed_tries: int, wait_until: str | None) -> None:
    conn.execute("UPDATE operator SET failed_tries = :tries, wait_until = :until WHERE id = :id",
                 {"tries": failed_tries, "until": wait_until, "id": operator_id})
