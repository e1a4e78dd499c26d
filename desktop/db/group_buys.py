"""Queries over group buys, their items, status history and arrivals. They never commit."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from desktop.db import stamp

BUY_COLUMNS = (
    "b.id, b.uuid, b.station, b.title, b.supplier_id, coalesce(s.name, '') AS supplier, "
    "b.organiser, b.status, b.minimum, b.deadline, b.source, b.external_ref, b.cancel_cause, "
    "b.cancel_reason, b.created_at, b.updated_at, b.kind, b.recipients, b.per, b.fee_fen, b.fee_per"
)
_FROM = "FROM group_buy b LEFT JOIN supplier s ON s.id = b.supplier_id"
ITEM_COLUMNS = (
    "id, uuid, group_buy_id, position, name, unit, pack_size, price_fen, storage, cap, created_at, "
    "per_recipient"
)
_ITEM_WRITABLE = ("name", "unit", "pack_size", "price_fen", "storage", "cap", "position")


def select_buy(conn: sqlite3.Connection, buy_id: int) -> sqlite3.Row | None:
    return conn.execute(f"SELECT {BUY_COLUMNS} {_FROM} WHERE b.id = :id", {"id": buy_id}).fetchone()


def select_buy_by_external_ref(conn: sqlite3.Connection, source: str, ref: str) -> sqlite3.Row | None:
    return conn.execute(
        f"SELECT {BUY_COLUMNS} {_FROM} WHERE b.source = :source AND b.external_ref = :ref",
        {"source": source, "ref": ref},
    ).fetchone()


def select_buys_by_key(conn: sqlite3.Connection, source: str, key: str) -> dict[int, str]:
    """{id: external ref} of the buys from a source whose ref is `key` or `key#N`."""
    numbered = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "#%"
    rows = conn.execute(
        "SELECT id, external_ref FROM group_buy WHERE source = :source "
        "AND (external_ref = :key OR external_ref LIKE :numbered ESCAPE '\\')",
        {"source": source, "key": key, "numbered": numbered},
    )
    return {row["id"]: row["external_ref"] for row in rows}


def set_supplier(conn: sqlite3.Connection, buy_id: int, supplier_id: int | None, *, now: str) -> None:
    conn.execute("UPDATE group_buy SET supplier_id = :s, updated_at = :now WHERE id = :id",
                 {"s": supplier_id, "now": now, "id": buy_id})


def select_buys(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every buy with its progress and money, newest first."""
    return conn.execute(
        f"""
        SELECT {BUY_COLUMNS},
            (SELECT count(*) FROM buy_order o
             WHERE o.group_buy_id = b.id AND o.cancelled_at IS NULL) AS orders,
            (SELECT coalesce(sum(l.quantity), 0) FROM order_line l
             JOIN buy_order o ON o.id = l.order_id
             WHERE o.group_buy_id = b.id AND o.cancelled_at IS NULL) AS ordered,
            (SELECT coalesce(sum(p.amount_fen), 0) FROM payment p
             JOIN buy_order o ON o.id = p.order_id
             WHERE o.group_buy_id = b.id AND p.amount_fen > 0) AS collected_fen,
            (SELECT coalesce(-sum(p.amount_fen), 0) FROM payment p
             JOIN buy_order o ON o.id = p.order_id
             WHERE o.group_buy_id = b.id AND p.amount_fen < 0) AS refunded_fen
        {_FROM}
        ORDER BY b.created_at DESC, b.id DESC
        """
    ).fetchall()


def select_buy_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every buy, newest first, without counting its orders and money."""
    return conn.execute(f"SELECT {BUY_COLUMNS} {_FROM} ORDER BY b.created_at DESC, b.id DESC").fetchall()


def insert_buy(conn: sqlite3.Connection, values: dict, *, station: str, now: str) -> int:
    return stamp.insert(
        conn, "group_buy", {**values, "created_at": now, "updated_at": now}, station=station
    )


def set_fee(conn: sqlite3.Connection, buy_id: int, fee_fen: int, fee_per: str, *,
             now: str) -> None:
    conn.execute(
        "UPDATE group_buy SET fee_fen = :fee, fee_per = :per, updated_at = :now WHERE id = :id",
        {"fee": fee_fen, "per": fee_per, "now": now, "id": buy_id},
    )


def update_status(
    conn: sqlite3.Connection, buy_id: int, status: str, *, now: str,
    cancel_cause: str | None = None, cancel_reason: str | None = None,
) -> None:
    conn.execute(
        "UPDATE group_buy SET status = :status, cancel_cause = :cause, cancel_reason = :reason, "
        "updated_at = :now WHERE id = :id",
        {"status": status, "cause": cancel_cause, "reason": cancel_reason, "now": now, "id": buy_id},
    )


def insert_status_event(conn: sqlite3.Connection, values: dict, *, station: str, now: str) -> int:
    return stamp.insert(conn, "buy_status_event", {**values, "at": now}, station=station)


def select_status_events(conn: sqlite3.Connection, buy_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT status, reason, operator, station, at FROM buy_status_event "
        "WHERE group_buy_id = :id ORDER BY id",
        {"id": buy_id},
    ).fetchall()


def select_items(conn: sqlite3.Connection, buy_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        f"SELECT {ITEM_COLUMNS} FROM item WHERE group_buy_id = :id ORDER BY position, id",
        {"id": buy_id},
    ).fetchall()


def select_item(conn: sqlite3.Connection, item_id: int) -> sqlite3.Row | None:
    return conn.execute(f"SELECT {ITEM_COLUMNS} FROM item WHERE id = :id", {"id": item_id}).fetchone()


def insert_item(conn: sqlite3.Connection, values: dict, *, station: str, now: str) -> int:
    return stamp.insert(conn, "item", {**values, "created_at": now}, station=station)


def update_item(conn: sqlite3.Connection, item_id: int, values: dict) -> None:
    row = {key: values[key] for key in _ITEM_WRITABLE if key in values}
    if not row:
        return
    sets = ", ".join(f"{key} = :{key}" for key in row)
    conn.execute(f"UPDATE item SET {sets} WHERE id = :id", {**row, "id": item_id})


def select_item_totals(conn: sqlite3.Connection, buy_id: int) -> list[sqlite3.Row]:
    """Each item with the units ordered (orders not cancelled) and the latest arrival, if any."""
    return conn.execute(
        f"""
        SELECT {ITEM_COLUMNS},
            (SELECT coalesce(sum(l.quantity), 0) FROM order_line l
             JOIN buy_order o ON o.id = l.order_id
             WHERE l.item_id = item.id AND o.cancelled_at IS NULL) AS ordered,
            (SELECT a.received FROM arrival a WHERE a.item_id = item.id
             ORDER BY a.id DESC LIMIT 1) AS received
        FROM item WHERE group_buy_id = :id ORDER BY position, id
        """,
        {"id": buy_id},
    ).fetchall()


def insert_arrivals(
    conn: sqlite3.Connection, rows: Iterable[dict], *, station: str, now: str
) -> None:
    stamp.insert_many(conn, "arrival", ({**row, "at": now} for row in rows), station=station)

