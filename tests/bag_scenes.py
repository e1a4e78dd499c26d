"""Shared scenery for the bag, code and printing tests: a few neighbours and a group buy of frozen,
chilled and ambient goods that has arrived."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from desktop.buys.arrivals import record_arrival
from desktop.buys.group_buys import ItemSpec, new_buy
from desktop.buys.orders import place_order
from desktop.db import connect, transaction
from desktop.db import orders as order_rows
from desktop.roster.households import HouseholdFields, add_household

# address, name, phone, delivery
NEIGHBOURS = [
    ("12-301", "张三丰", "13800000001", "pickup"),
    ("12-2-502", "欧阳娜娜", "13800000002", "door"),
    ("3-101", "李四光", "13800000003", "pickup"),
    ("5-1202", "王小明", "13800000004", "pickup"),
]
ITEMS = [
    ItemSpec("冷冻饺子(1kg)", 3200, "frozen"),
    ItemSpec("鸡翅中(1kg)", 5850, "chilled"),
    ItemSpec("东北大米(10kg)", 7900, "ambient"),
    ItemSpec("酱油", 900, "ambient"),
]


def compound(tmp_path: Path, neighbours=NEIGHBOURS, name: str = "c.sqlite"):
    conn = connect(tmp_path / name)
    for address, person, phone, delivery in neighbours:
        add_household(conn, HouseholdFields(address=address, name=person, phone=phone,
                                            delivery=delivery))
    return conn


def open_buy(conn, title: str = "周末冷冻团", items=ITEMS) -> int:
    return new_buy(conn, title, "某食品店", list(items)).buy_id


def order(conn, buy_id: int, address: str, **quantities: int) -> int:
    """order(conn, buy, "12-301", 冷冻饺子=2) with items named by their first characters."""
    names = {item.name: item.name for item in ITEMS}
    wanted = {}
    for short, quantity in quantities.items():
        (full,) = [name for name in names if name.startswith(short)]
        wanted[full] = quantity
    return place_order(conn, buy_id, address, wanted).order_id


def unplaced_order(conn, buy_id: int, ref: str, text: str, **quantities: int) -> int:
    """An imported order whose address matched no household."""
    items = {row["name"]: row["id"] for row in conn.execute(
        "SELECT id, name FROM item WHERE group_buy_id = :b", {"b": buy_id})}
    with transaction(conn):
        order_id = order_rows.insert_order(
            conn, {"group_buy_id": buy_id, "household_id": None, "source": "ktt",
                   "external_ref": ref, "buyer_name": "小林", "address_text": text},
            station=conn.station, now="2024-04-01T08:00:00Z")
        order_rows.insert_lines(conn, [
            {"order_id": order_id, "item_id": next(i for n, i in items.items() if n.startswith(k)),
             "quantity": q} for k, q in quantities.items()], station=conn.station)
    return order_id


def arrived(conn, buy_id: int, received: dict | None = None) -> int:
    record_arrival(conn, buy_id, received or {})
    return buy_id


def everyday_buy(conn) -> int:
    """The usual scene: four households, frozen, chilled and ambient goods, delivered in full."""
    buy = open_buy(conn)
    order(conn, buy, "12-301", 冷冻饺子=2, 鸡翅中=1, 东北大米=1)
    order(conn, buy, "12-2-502", 冷冻饺子=1, 酱油=2)
    order(conn, buy, "3-101", 东北大米=2)
    order(conn, buy, "5-1202", 鸡翅中=3, 酱油=1)
    return arrived(conn, buy)


def rows_of(conn) -> dict[str, list[tuple]]:
    """Every row of every table: what `nothing changed` is checked against."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {t: [tuple(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY rowid")]
            for t in tables}


def pdf_streams(data: bytes) -> list[bytes]:
    """Every stream of a PDF, inflated where it is compressed: what a search of its bytes needs."""
    found = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        raw = match.group(1)
        try:
            found.append(zlib.decompress(raw))
        except zlib.error:
            found.append(raw)
    return found
