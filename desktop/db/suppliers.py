"""Queries over suppliers and their record. They never commit: the services own the transaction."""

from __future__ import annotations

import sqlite3

from desktop.db import stamp

COLUMNS = "id, uuid, station, name, contact, phone, notes, created_at"


def select_by_id(conn: sqlite3.Connection, supplier_id: int) -> sqlite3.Row | None:
    return conn.execute(f"SELECT {COLUMNS} FROM supplier WHERE id = :id", {"id": supplier_id}).fetchone()


def select_by_name(conn: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    return conn.execute(
        f"SELECT {COLUMNS} FROM supplier WHERE name = :name", {"name": name}
    ).fetchone()


def select_all(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(f"SELECT {COLUMNS} FROM supplier ORDER BY name").fetchall()


def insert(conn: sqlite3.Connection, values: dict, *, station: str, now: str) -> int:
    return stamp.insert(conn, "supplier", {**values, "created_at": now}, station=station)


def insert_event(conn: sqlite3.Connection, values: dict, *, station: str, now: str) -> int:
    return stamp.insert(conn, "supplier_event", {**values, "at": now}, station=station)


def count_buys(conn: sqlite3.Connection, supplier_id: int, kind: str = "bought") -> int:
    """Group buys of one kind (`bought`, or `free`: distributions it donated) naming a supplier."""
    return conn.execute(
        "SELECT count(*) FROM group_buy WHERE supplier_id = :id AND kind = :kind",
        {"id": supplier_id, "kind": kind},
    ).fetchone()[0]


def count_deliveries(conn: sqlite3.Connection, supplier_id: int) -> sqlite3.Row:
    """Bought buys delivered in full and delivered short, judged by the latest arrival of each
    (a donation that came short is on the donor's events, not held against it as a seller)."""
    return conn.execute(
        """
        SELECT coalesce(sum(kind = 'delivered'), 0) AS delivered,
               coalesce(sum(kind = 'delivered_short'), 0) AS delivered_short
        FROM supplier_event
        WHERE id IN (
            SELECT max(e.id) FROM supplier_event e JOIN group_buy b ON b.id = e.group_buy_id
            WHERE e.supplier_id = :id AND e.kind IN ('delivered', 'delivered_short')
              AND b.kind = 'bought'
            GROUP BY e.group_buy_id
        )
        """,
        {"id": supplier_id},
    ).fetchone()


def count_kind(conn: sqlite3.Connection, supplier_id: int, kind: str) -> int:
    return conn.execute(
        "SELECT count(*) FROM supplier_event WHERE supplier_id = :id AND kind = :kind",
        {"id": supplier_id, "kind": kind},
    ).fetchone()[0]


def select_events(conn: sqlite3.Connection, supplier_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        """
        SELECT e.id, e.kind, e.note, e.operator, e.at, e.group_buy_id, b.title AS buy_title
        FROM supplier_event e LEFT JOIN group_buy b ON b.id = e.group_buy_id
        WHERE e.supplier_id = :id
        ORDER BY e.at, e.id
        """,
        {"id": supplier_id},
    ).fetchall()
