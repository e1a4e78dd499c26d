"""Queries over orders, their lines and the payment ledger. They never commit."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from desktop.db import stamp

ORDER_COLUMNS = (
    "o.id, o.uuid, o.station, o.group_buy_id, o.household_id, h.address, h.flags, o.source, "
    "o.external_ref, o.buyer_name, o.phone, o.address_text, o.note, o.operator, o.created_at, "
    "o.updated_at, o.cancelled_at, o.cancel_reason"
)
_FROM = "FROM buy_order o LEFT JOIN household h ON h.id = o.household_id"
# Households in address order; orders with no household last, in the order they came.
_BY_ADDRESS = (
    "ORDER BY h.id IS NULL, h.building, h.entrance IS NOT NULL, h.entrance, h.room, "
    "o.created_at, o.id"
)


def select_order(conn: sqlite3.Connection, order_id: int) -> sqlite3.Row | None:
    return conn.execute(f"SELECT {ORDER_COLUMNS} {_FROM} WHERE o.id = :id", {"id": order_id}).fetchone()


def select_orders(conn: sqlite3.Connection, buy_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        f"SELECT {ORDER_COLUMNS} {_FROM} WHERE o.group_buy_id = :id {_BY_ADDRESS}", {"id": buy_id}
    ).fetchall()


def count_all_orders(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM buy_order").fetchone()[0]


def count_orders(conn: sqlite3.Connection, buy_id: int) -> int:
    return conn.execute("SELECT count(*) FROM buy_order WHERE group_buy_id = :id", {"id": buy_id}).fetchone()[0]


def select_table_order(conn: sqlite3.Connection, buy_id: int, household_id: int) -> sqlite3.Row | None:
    """The one order a household has in a buy from the table or a 接龙 list, if any."""
    return conn.execute(
        f"SELECT {ORDER_COLUMNS} {_FROM} WHERE o.group_buy_id = :buy AND o.household_id = :household "
        "AND o.source IN ('table', 'chain')",
        {"buy": buy_id, "household": household_id},
    ).fetchone()


def select_orders_by_ref(conn: sqlite3.Connection, buy_id: int, source: str) -> list[sqlite3.Row]:
    return conn.execute(
        f"SELECT {ORDER_COLUMNS} {_FROM} WHERE o.group_buy_id = :buy AND o.source = :source "
        "AND o.external_ref IS NOT NULL",
        {"buy": buy_id, "source": source},
    ).fetchall()


def select_platform_orders(conn: sqlite3.Connection, source: str) -> list[sqlite3.Row]:
    """Every order of every buy that came from a platform, by its number there and its buyer."""
    return conn.execute(
        "SELECT group_buy_id, external_ref, buyer_name, phone FROM buy_order "
        "WHERE source = :source AND external_ref IS NOT NULL",
        {"source": source},
    ).fetchall()


def next_order_id(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(id), 0) + 1 FROM buy_order").fetchone()[0]


def insert_orders(conn: sqlite3.Connection, rows: Iterable[dict], *, station: str) -> None:
    """Many orders with the same columns (their ids given), in one statement run many times."""
    stamp.insert_many(conn, "buy_order", rows, station=station)


def insert_order(conn: sqlite3.Connection, values: dict, *, station: str, now: str) -> int:
    return stamp.insert(
        conn, "buy_order", {**values, "created_at": now, "updated_at": now}, station=station
    )


def update_order(conn: sqlite3.Connection, order_id: int, values: dict, *, now: str) -> None:
    allowed = ("household_id", "buyer_name", "phone", "address_text", "note", "operator", "source",
               "cancelled_at", "cancel_reason")
    row = {key: values[key] for key in allowed if key in values}
    sets = "".join(f"{key} = :{key}, " for key in row)
    conn.execute(
        f"UPDATE buy_order SET {sets}updated_at = :now WHERE id = :id", {**row, "now": now, "id": order_id}
    )


def cancel_all_orders(conn: sqlite3.Connection, buy_id: int, reason: str, *, now: str) -> None:
    conn.execute(
        "UPDATE buy_order SET cancelled_at = :now, cancel_reason = :reason, updated_at = :now "
        "WHERE group_buy_id = :id AND cancelled_at IS NULL",
        {"now": now, "reason": reason, "id": buy_id},
    )


# ---- lines ------------------------------------------------------------------------------------


def select_notes(conn: sqlite3.Connection, buy_id: int) -> list[sqlite3.Row]:
    """(household_id, note) of the orders of a buy not cancelled that carry a note, oldest first."""
    return conn.execute("SELECT household_id, note FROM buy_order WHERE group_buy_id = :id AND "
                        "cancelled_at IS NULL AND note != '' ORDER BY id", {"id": buy_id}).fetchall()


def select_lines(conn: sqlite3.Connection, order_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT l.id, l.order_id, l.item_id, i.name AS item, l.quantity, l.allocated, i.price_fen "
        "FROM order_line l JOIN item i ON i.id = l.item_id WHERE l.order_id = :id "
        "ORDER BY i.position, i.id",
        {"id": order_id},
    ).fetchall()


def select_buy_lines(conn: sqlite3.Connection, buy_id: int) -> list[sqlite3.Row]:
    """Every line of every order in a buy, with what allocation needs to know of its order."""
    return conn.execute(
        """
        SELECT l.id, l.order_id, l.item_id, i.name AS item, l.quantity, l.allocated, i.price_fen,
               o.household_id, h.address, coalesce(h.flags, '') AS flags, o.created_at,
               o.cancelled_at
        FROM order_line l
        JOIN buy_order o ON o.id = l.order_id
        JOIN item i ON i.id = l.item_id
        LEFT JOIN household h ON h.id = o.household_id
        WHERE o.group_buy_id = :id
        ORDER BY i.position, i.id, o.created_at, o.id
        """,
        {"id": buy_id},
    ).fetchall()


def insert_lines(conn: sqlite3.Connection, rows: Iterable[dict], *, station: str) -> None:
    stamp.insert_many(conn, "order_line", rows, station=station)


def update_line_quantity(conn: sqlite3.Connection, line_id: int, quantity: int) -> None:
    conn.execute(
        "UPDATE order_line SET quantity = :quantity, allocated = NULL WHERE id = :id",
        {"quantity": quantity, "id": line_id},
    )


def delete_lines(conn: sqlite3.Connection, line_ids: Iterable[int]) -> None:
    conn.executemany("DELETE FROM order_line WHERE id = :id", ({"id": i} for i in line_ids))


def delete_order_lines(conn: sqlite3.Connection, order_ids: Iterable[int]) -> None:
    conn.executemany("DELETE FROM order_line WHERE order_id = :id", ({"id": i} for i in order_ids))


def set_allocations(conn: sqlite3.Connection, allocations: Iterable[tuple[int, int]]) -> None:
    """(line id, allocated) pairs."""
    conn.executemany(
        "UPDATE order_line SET allocated = :allocated WHERE id = :id",
        ({"id": line_id, "allocated": allocated} for line_id, allocated in allocations),
    )


def select_household_item_totals(
    conn: sqlite3.Connection, buy_id: int, household_id: int, exclude_order_id: int | None
) -> dict[int, int]:
    """Units of each item a household has in its other orders in a buy (for its cap)."""
    rows = conn.execute(
        "SELECT l.item_id, sum(l.quantity) FROM order_line l JOIN buy_order o ON o.id = l.order_id "
        "WHERE o.group_buy_id = :buy AND o.household_id = :household AND o.cancelled_at IS NULL "
        "AND o.id IS NOT :exclude GROUP BY l.item_id",
        {"buy": buy_id, "household": household_id, "exclude": exclude_order_id},
    )
    return {item_id: total for item_id, total in rows}


def select_household_totals(conn: sqlite3.Connection, buy_id: int) -> list[sqlite3.Row]:
    """Units of each item each household has over its orders in a buy (not cancelled), with the
    orders' platform numbers."""
    return conn.execute(
        "SELECT o.household_id, l.item_id, sum(l.quantity) AS total, group_concat(o.external_ref) "
        "AS refs FROM order_line l JOIN buy_order o ON o.id = l.order_id "
        "WHERE o.group_buy_id = :buy AND o.household_id IS NOT NULL AND o.cancelled_at IS NULL "
        "GROUP BY o.household_id, l.item_id",
        {"buy": buy_id},
    ).fetchall()


# ---- money ------------------------------------------------------------------------------------


def insert_payment(conn: sqlite3.Connection, values: dict, *, station: str, now: str) -> int:
    return stamp.insert(conn, "payment", {**values, "at": now}, station=station)


def insert_payments(conn: sqlite3.Connection, rows: Iterable[dict], *, station: str, now: str) -> None:
    stamp.insert_many(conn, "payment", ({**row, "at": now} for row in rows), station=station)


def select_paid(conn: sqlite3.Connection, buy_id: int) -> list[sqlite3.Row]:
    """Each order of a buy with whether it is cancelled and what it has paid, net."""
    return conn.execute(
        "SELECT o.id, o.cancelled_at, coalesce(sum(p.amount_fen), 0) AS paid_fen "
        "FROM buy_order o LEFT JOIN payment p ON p.order_id = o.id "
        "WHERE o.group_buy_id = :buy GROUP BY o.id",
        {"buy": buy_id},
    ).fetchall()


def select_payments(conn: sqlite3.Connection, *, order_id: int | None = None,
                    buy_id: int | None = None) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT p.id, p.uuid, p.station, p.order_id, p.amount_fen, p.method, p.reference, "
        "p.operator, p.at FROM payment p JOIN buy_order o ON o.id = p.order_id "
        "WHERE (:order IS NULL OR p.order_id = :order) AND (:buy IS NULL OR o.group_buy_id = :buy) "
        "ORDER BY p.at, p.id",
        {"order": order_id, "buy": buy_id},
    ).fetchall()


def select_money(conn: sqlite3.Connection, buy_id: int, order_id: int | None = None) -> list[sqlite3.Row]:
    """Per order: what is due (what was allocated, or else ordered, at its price; nothing for a
    cancelled order or buy) and the net paid."""
    return conn.execute(
        """
        SELECT o.id AS order_id, o.household_id,
            CASE WHEN o.cancelled_at IS NOT NULL OR b.status = 'cancelled' THEN 0 ELSE
                (SELECT coalesce(sum(i.price_fen * coalesce(l.allocated, l.quantity)), 0)
                 FROM order_line l JOIN item i ON i.id = l.item_id WHERE l.order_id = o.id)
            END AS due_fen,
            (SELECT coalesce(sum(p.amount_fen), 0) FROM payment p WHERE p.order_id = o.id) AS paid_fen,
            (SELECT coalesce(sum(p.amount_fen), 0) FROM payment p
             WHERE p.order_id = o.id AND p.method = 'platform') AS platform_fen
        FROM buy_order o JOIN group_buy b ON b.id = o.group_buy_id
        WHERE o.group_buy_id = :buy AND (:order IS NULL OR o.id = :order)
        """,
        {"buy": buy_id, "order": order_id},
    ).fetchall()
