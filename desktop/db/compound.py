"""The `compound` table: the one row naming the compound a database serves, and its secret.
Writes run inside the caller's `transaction()`."""

from __future__ import annotations

from desktop.db.base import Connection


def name(conn: Connection) -> str:
    row = conn.execute("SELECT name FROM compound WHERE id = 1").fetchone()
    return (row[0] if row else "") or ""


def rename(conn: Connection, new_name: str) -> None:
    conn.execute("UPDATE compound SET name = :name WHERE id = 1", {"name": new_name})


def set_name_and_address(conn: Connection, new_name: str, address: str) -> None:
    conn.execute("UPDATE compound SET name = :name, address = :address",
                 {"name": new_name, "address": address})


def uuid(conn: Connection) -> str | None:
    """The compound's uuid; None when the row or its uuid is missing."""
    row = conn.execute("SELECT uuid FROM compound WHERE id = 1").fetchone()
    return str(row[0]) if row and row[0] else None


def identity(conn: Connection) -> tuple[str, bytes] | None:
    """The compound's uuid and the secret its codes are signed with; None when there is no row."""
    row = conn.execute("SELECT uuid, secret FROM compound WHERE id = 1").fetchone()
    return None if row is None else (str(row[0]), bytes(row[1]))
