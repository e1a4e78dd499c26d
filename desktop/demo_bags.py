"""Bags for the demo compound: a weekend buy of frozen, chilled and ambient food that arrived in
full and was bagged, so the Bags & labels page, the labels and the gate have something real to
show. It is a buy of its own: the group buys the demo already has keep their statuses."""

from __future__ import annotations

import random

from desktop.arrivals import record_arrival
from desktop.bags import make_bags
from desktop.db.connection import Connection
from desktop.group_buys import ItemSpec, new_buy
from desktop.households import list_households
from desktop.orders import place_household_order

VOLUNTEER = "志愿者小王"
ITEMS = (
    ItemSpec("速冻水饺(1kg)", 2800, "frozen", pack_size="1kg"),
    ItemSpec("鸡腿肉(1kg)", 3600, "chilled", pack_size="1kg"),
    ItemSpec("青菜(约2斤)", 800, "ambient"),
    ItemSpec("鸡蛋(15枚)", 1800, "ambient", pack_size="15枚"),
)


def fill_demo_bags(conn: Connection, rng: random.Random) -> dict:
    """Open the weekend buy, take orders from a third of the households, record its arrival and
    make its bags; returns how many bags there are."""
    households = [h for h in list_households(conn) if h.active]
    if not households:
        return {"bags": 0}
    buy = new_buy(conn, "周末菜肉蛋组合", "某食品店", list(ITEMS), organiser="团长陈阿姨").buy_id
    chosen = rng.sample(households, max(1, len(households) // 3))
    for household in chosen:
        wanted = {item.name: rng.choice((1, 1, 2, 3)) for item in ITEMS if rng.random() < 0.7}
        wanted = wanted or {ITEMS[0].name: 1}
        place_household_order(conn, buy, household.id, wanted, operator=VOLUNTEER)
    record_arrival(conn, buy, {}, operator=VOLUNTEER)
    return {"bags": len(make_bags(conn, buy, 6, operator=VOLUNTEER).bags)}
