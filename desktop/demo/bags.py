"""Bags for the demo compound: a weekend buy of frozen, chilled and ambient food that arrived in
full and was bagged, so the Bags & labels page, the labels and the gate have something real to
show. It is a buy of its own: the group buys the demo already has keep their statuses.

Its bags are in every state the gate meets: waiting, arrived at the gate (some of them frozen and
waiting too long), picked up (some by a neighbour for the household), delivered to the door, and
one pickup undone with its reason; a second small buy was bagged and then cancelled, so its bags
are void. Every household has a card, and one building is sealed."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from desktop.bags.bags import Bag, issue_household_codes, make_bags
from desktop.buys.arrivals import record_arrival
from desktop.buys.group_buys import ItemSpec, cancel_buy, new_buy
from desktop.buys.orders import place_household_order
from desktop.buys.payments import record_payment
from desktop.db.connection import Connection
from desktop.gate import scan, set_building_sealed, undo_last_handoff
from desktop.roster.households import list_households

VOLUNTEER = "志愿者小王"
ITEMS = (
    ItemSpec("速冻水饺(1kg)", 2800, "frozen", pack_size="1kg"),
    ItemSpec("鸡腿肉(1kg)", 3600, "chilled", pack_size="1kg"),
    ItemSpec("青菜(约2斤)", 800, "ambient"),
    ItemSpec("鸡蛋(15枚)", 1800, "ambient", pack_size="15枚"),
)
VEGETABLES = (ItemSpec("应急蔬菜包", 2500, "ambient"),)
GUARDS = ("保安老李", "保安小赵")
STATIONS = ("北门", "南门")
PROXIES = ("邻居小张", "楼长刘姐", "女儿代取", "邻居周师傅")


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
    bags = make_bags(conn, buy, 6, operator=VOLUNTEER).bags
    _handoffs(conn, rng, list(bags))
    void = _void_bags(conn, rng, households)
    issue_household_codes(conn, [h.id for h in households])
    set_building_sealed(conn, max(h.building for h in households))
    return {"bags": len(bags), "void_bags": void}


def _handoffs(conn: Connection, rng: random.Random, bags: list[Bag]) -> None:
    """A morning at the gate: a fifth of the bags still inside, a fifth put out at the gate and
    waiting there (since an hour or three), the rest handed over, a few by a proxy."""
    now = datetime.now(UTC)

    def ago(minutes: int) -> str:
        return (now - timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")

    order = rng.sample(bags, len(bags))
    undone = False
    for number, bag in enumerate(order):
        share = number / len(order)
        if share < 0.2:
            continue  # still in the lobby
        guard, station = rng.choice(GUARDS), rng.choice(STATIONS)
        put_out = rng.randint(40, 200)
        scan(conn, bag.code, record="gate", operator=guard, station=station, at=ago(put_out))
        if share < 0.4:
            continue  # waiting at the gate
        action = "door" if bag.delivery == "door" else "pickup"
        proxy = rng.choice(PROXIES) if action == "pickup" and rng.random() < 0.2 else ""
        scan(conn, bag.code, record=action, operator=guard, station=station, proxy_name=proxy,
             at=ago(rng.randint(5, put_out - 1)))
        if not undone and action == "pickup":
            undone = True
            undo_last_handoff(conn, bag.code, "扫错了袋子：邻居拿错，已追回", operator=guard,
                              station=station, at=ago(3))


def _void_bags(conn: Connection, rng: random.Random, households: list) -> int:
    """A vegetable buy bagged, then recalled by its supplier: its bags are void."""
    buy = new_buy(conn, "应急蔬菜包", "城郊蔬菜基地", list(VEGETABLES), organiser="团长陈阿姨").buy_id
    for household in rng.sample(households, max(1, min(12, len(households) // 10))):
        order = place_household_order(conn, buy, household.id, {VEGETABLES[0].name: 1},
                                      operator=VOLUNTEER)
        # Paid in advance, as vegetable packs are: the recall leaves refunds owed.
        record_payment(conn, order.order_id, VEGETABLES[0].price_fen, "wechat", operator=VOLUNTEER)
    record_arrival(conn, buy, {}, operator=VOLUNTEER)
    made = make_bags(conn, buy, operator=VOLUNTEER)
    cancel_buy(conn, buy, "蔬菜包变质，商家召回", cause="spoiled", operator=VOLUNTEER)
    return len(made.bags)
