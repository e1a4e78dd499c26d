"""Queries over bags, what is in them, their custody events and household card codes. They never
commit; the services in `desktop.bags.bags` own the transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from desktop.db import stamp
from desktop.db.gate import STANDING_EVENT

# A bag with what a label, a sheet or the gate needs to know of its household and buy.
BAG_COLUMNS = (
    "b.id, b.uuid, b.serial, b.code, b.group_buy_id, b.household_id, b.storage, b.position, "
    "b.count, b.units, b.voided_at, b.void_reason, b.created_at, g.title AS buy_title, "
    "g.status AS buy_status, h.address, h.building, h.entrance, h.room, h.name, h.delivery"
)
_FROM = (
    "FROM bag b JOIN group_buy g ON g.id = b.group_buy_id JOIN household h ON h.id = b.household_id"
)
# Households by building, entrance, room; a household's bags in their order.
_BY_ADDRESS = "ORDER BY h.building, h.entrance IS NOT NULL, h.entrance, h.room, b.position, b.id"
_STORAGE_ORDER = "CASE i.storage WHEN 'frozen' THEN 0 WHEN 'chilled' THEN 1 ELSE 2 END"


def select_plan_lines(conn: sqlite3.Connection, buy_id: int) -> list[sqlite3.Row]:
    """Every line of every order not cancelled, with the units it gets: what was allocated once
    an arrival was recorded, else what was ordered."""
    return conn.execute(
        f"""
        SELECT l.id AS order_line_id, l.order_id, o.household_id, o.external_ref, o.buyer_name,
               o.address_text, l.item_id, i.name AS item, i.storage, i.position AS item_position,
               coalesce(l.allocated, l.quantity) AS units
        FROM order_line l
        JOIN buy_order o ON o.id = l.order_id
        JOIN item i ON i.id = l.item_id
        WHERE o.group_buy_id = :buy AND o.cancelled_at IS NULL
        ORDER BY o.household_id, {_STORAGE_ORDER}, i.position, i.id, o.created_at, o.id, l.id
        """,
        {"buy": buy_id},
    ).fetchall()


def count_orders(conn: sqlite3.Connection, buy_id: int) -> int:
    return conn.execute(
        "SELECT count(*) FROM buy_order WHERE group_buy_id = :buy AND cancelled_at IS NULL",
        {"buy": buy_id},
    ).fetchone()[0]


def next_bag_serial(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(serial), 0) + 1 FROM bag").fetchone()[0]


def insert_bag(conn: sqlite3.Connection, values: dict, *, station: str, now: str) -> int:
    return stamp.insert(conn, "bag", {**values, "created_at": now}, station=station)


def insert_bag_lines(conn: sqlite3.Connection, rows: Iterable[dict], *, station: str) -> None:
    stamp.insert_many(conn, "bag_line", rows, station=station)


def void_bags(conn: sqlite3.Connection, bag_ids: Iterable[int], reason: str, *, now: str) -> int:
    cursor = conn.executemany(
        "UPDATE bag SET voided_at = :now, void_reason = :reason "
        "WHERE id = :id AND voided_at IS NULL",
        ({"id": bag_id, "now": now, "reason": reason} for bag_id in bag_ids),
    )
    return cursor.rowcount


def void_bags_not_handed_over(conn: sqlite3.Connection, buy_id: int, reason: str, *,
                              now: str) -> tuple[int, tuple[str, ...]]:
    """Every live bag of the buy not yet handed to its household becomes void: how many, and the
    codes of those handed over, which stay as the record of what happened."""
    handed = select_handed_over_bag_ids(conn, buy_id)
    live = select_bags(conn, buy_id)
    voided = void_bags(conn, [row["id"] for row in live if row["id"] not in handed], reason, now=now)
    return voided, tuple(row["code"] for row in live if row["id"] in handed)


def select_bags(conn: sqlite3.Connection, buy_id: int, *, include_void: bool = False) -> list[sqlite3.Row]:
    live = "" if include_void else "AND b.voided_at IS NULL"
    return conn.execute(
        f"SELECT {BAG_COLUMNS} {_FROM} WHERE b.group_buy_id = :buy {live} {_BY_ADDRESS}",
        {"buy": buy_id},
    ).fetchall()


def select_bag_contents(conn: sqlite3.Connection, buy_id: int, *,
                        include_void: bool = False) -> list[sqlite3.Row]:
    """What is in each bag of a buy: one row per item per bag, in the buy's item order."""
    live = "" if include_void else "AND b.voided_at IS NULL"
    return conn.execute(
        f"""
        SELECT bl.bag_id, l.item_id, i.name AS item, i.unit, sum(bl.quantity) AS quantity
        FROM bag_line bl
        JOIN bag b ON b.id = bl.bag_id
        JOIN order_line l ON l.id = bl.order_line_id
        JOIN item i ON i.id = l.item_id
        WHERE b.group_buy_id = :buy {live}
        GROUP BY bl.bag_id, l.item_id
        ORDER BY bl.bag_id, i.position, i.id
        """,
        {"buy": buy_id},
    ).fetchall()


def select_bag_line_keys(conn: sqlite3.Connection, buy_id: int) -> list[sqlite3.Row]:
    """(bag, order line, quantity) for every live bag of a buy: what a bag is, to compare."""
    return conn.execute(
        "SELECT bl.bag_id, bl.order_line_id, bl.quantity FROM bag_line bl "
        "JOIN bag b ON b.id = bl.bag_id WHERE b.group_buy_id = :buy AND b.voided_at IS NULL",
        {"buy": buy_id},
    ).fetchall()


def select_bag_by_code(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute(f"SELECT {BAG_COLUMNS} {_FROM} WHERE b.code = :code", {"code": code}).fetchone()


def select_bag_ids_with_handoffs(conn: sqlite3.Connection, buy_id: int) -> set[int]:
    rows = conn.execute(
        "SELECT DISTINCT h.bag_id FROM handoff h JOIN bag b ON b.id = h.bag_id "
        "WHERE b.group_buy_id = :buy",
        {"buy": buy_id},
    )
    return {row[0] for row in rows}


def select_handed_over_bag_ids(conn: sqlite3.Connection, buy_id: int) -> set[int]:
    """Bags whose last custody event still standing gave them to their household."""
    rows = conn.execute(
        f"""
        SELECT b.id, (SELECT h.action FROM handoff h WHERE h.id = {STANDING_EVENT}) AS last_action
        FROM bag b WHERE b.group_buy_id = :buy
        """,
        {"buy": buy_id},
    )
    return {row[0] for row in rows if row[1] in ("pickup", "door")}


def select_bags_waiting(conn: sqlite3.Connection) -> dict[int, int]:
    """{buy id: live bags not yet handed over} for every buy with such bags."""
    rows = conn.execute(
        f"""
        SELECT b.group_buy_id, (SELECT h.action FROM handoff h WHERE h.id = {STANDING_EVENT})
        FROM bag b WHERE b.voided_at IS NULL
        """
    )
    waiting: dict[int, int] = {}
    for buy_id, action in rows:
        if action not in ("pickup", "door"):
            waiting[buy_id] = waiting.get(buy_id, 0) + 1
    return waiting


def count_by_building(conn: sqlite3.Connection, buy_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT h.building, count(DISTINCT b.household_id) AS households, count(*) AS bags "
        f"{_FROM} WHERE b.group_buy_id = :buy AND b.voided_at IS NULL "
        "GROUP BY h.building ORDER BY h.building",
        {"buy": buy_id},
    ).fetchall()


# ---- household card codes ---------------------------------------------------------------------


def select_household_codes(conn: sqlite3.Connection) -> dict[int, str]:
    """The current card code of every household that has one."""
    rows = conn.execute("SELECT household_id, code FROM household_code WHERE revoked_at IS NULL")
    return {row[0]: row[1] for row in rows}


def select_household_by_code(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT c.household_id, c.code, c.revoked_at, h.address FROM household_code c "
        "JOIN household h ON h.id = c.household_id WHERE c.code = :code",
        {"code": code},
    ).fetchone()


def current_household_serial(conn: sqlite3.Connection, household_id: int) -> int | None:
    """The number of the household's card in use, if it has one."""
    row = conn.execute("SELECT serial FROM household_code WHERE household_id = :household "
                       "AND revoked_at IS NULL", {"household": household_id}).fetchone()
    return None if row is None else row[0]


def next_household_serial(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(serial), 0) + 1 FROM household_code").fetchone()[0]


def insert_household_codes(conn: sqlite3.Connection, rows: Iterable[dict], *, station: str) -> None:
    stamp.insert_many(conn, "household_code", rows, station=station)


def revoke_household_code(conn: sqlite3.Connection, household_id: int, *, now: str) -> int:
    return conn.execute(
        "UPDATE household_code SET revoked_at = :now "
        "WHERE household_id = :household AND revoked_at IS NULL",
        {"now": now, "household": household_id},
    ).rowcount
