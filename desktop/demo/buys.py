"""Group buys for the demo compound: suppliers (one with a bad record) and a buy in every status a
volunteer meets, with orders, part payments, a shortage shared out and a cancellation with refunds."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from desktop.buys.arrivals import record_arrival
from desktop.buys.group_buys import (
    ItemSpec,
    cancel_buy,
    change_status,
    item_totals,
    list_items,
    new_buy,
)
from desktop.buys.orders import place_household_order
from desktop.buys.payments import buy_money, record_payment
from desktop.buys.suppliers import add_supplier, note_complaint
from desktop.db.connection import Connection, transaction
from desktop.roster.households import list_households

_VOLUNTEERS = ("志愿者小王", "志愿者李姐", "团长陈阿姨", "志愿者小周")
_METHODS = ("wechat", "wechat", "wechat", "alipay", "alipay", "cash")


def _orders(conn: Connection, rng: random.Random, buy_id: int, households: list, share: float,
            most: int, quantities: dict[str, tuple[int, ...]]) -> list[int]:
    """Orders from a random share of the households; each takes some of the buy's items."""
    chosen = rng.sample(households, min(len(households), max(1, int(len(households) * share)), most))
    items = [item.name for item in list_items(conn, buy_id)]
    order_ids = []
    for household in chosen:
        wanted = {name: rng.choice(quantities[name]) for name in items if rng.random() < 0.75}
        if not wanted:
            wanted = {items[0]: rng.choice(quantities[items[0]])}
        placed = place_household_order(conn, buy_id, household.id, wanted,
                                       operator=rng.choice(_VOLUNTEERS))
        order_ids.append(placed.order_id)
    return order_ids


def _pay(conn: Connection, rng: random.Random, buy_id: int, share: float) -> None:
    """Payments for a share of the orders, some of them short (paid before a price changed)."""
    for order_id, money in sorted(buy_money(conn, buy_id).items()):
        if money.due_fen <= 0 or rng.random() > share:
            continue
        amount = money.due_fen if rng.random() < 0.9 else money.due_fen - 500
        if amount > 0:
            record_payment(conn, order_id, amount, rng.choice(_METHODS),
                           reference=f"{rng.randrange(10**9, 10**10)}",
                           operator=rng.choice(_VOLUNTEERS))


def _evening(days: int) -> str:
    """20:00 local time, `days` from today: when 接龙 lists usually close."""
    day = datetime.now().astimezone() + timedelta(days=days)
    return day.strftime("%Y-%m-%dT20:00")


def fill_demo_buys(conn: Connection, rng: random.Random) -> dict:
    """Add the demo's suppliers and group buys to a compound that has its households."""
    households = [h for h in list_households(conn) if h.active]
    if not households:
        return {"buys": 0}
    with transaction(conn):
        food_shop = add_supplier(conn, "某食品店", contact="周老板", phone="13816602233",
                                 notes="冷冻食品，每周二、五送货")
        bad_seller = add_supplier(conn, "好邻居生鲜", contact="刘经理", phone="13917745120",
                                  notes="曾在收款后拒单")
        farm = add_supplier(conn, "绿源农场", contact="孙师傅", phone="15021198830")
        eggs = add_supplier(conn, "鲜蛋直供", contact="吴先生", phone="18616620071")
        dairy = add_supplier(conn, "万家乳业", contact="郑女士", phone="13661891204")

        # Last week's pork: delivered in full, everyone paid, settled. It gives 某食品店 its record.
        pork = new_buy(conn, "上周猪肉团", food_shop,
                       [ItemSpec("猪肉(2斤装)", 5800, "frozen", cap=2)], minimum=20,
                       organiser="团长陈阿姨").buy_id
        _orders(conn, rng, pork, households, 0.3, 60, {"猪肉(2斤装)": (1, 1, 2)})
        change_status(conn, pork, "closed")
        change_status(conn, pork, "confirmed")
        _pay(conn, rng, pork, 1.0)
        for order_id, money in buy_money(conn, pork).items():
            if money.owing_fen:
                record_payment(conn, order_id, money.owing_fen, "cash", operator="志愿者小王")
        record_arrival(conn, pork, {}, operator="志愿者小王")
        for status in ("bagged", "distributed", "settled"):
            change_status(conn, pork, status, operator="志愿者小王")

        # The bad seller turned an earlier order down after money was collected.
        rice = new_buy(conn, "东北大米团", bad_seller,
                       [ItemSpec("东北大米(10kg)", 7900, "ambient", cap=2)], minimum=30,
                       organiser="志愿者李姐").buy_id
        _orders(conn, rng, rice, households, 0.25, 50, {"东北大米(10kg)": (1, 1, 2)})
        _pay(conn, rng, rice, 0.8)
        cancel_buy(conn, rice, "商家拒单：仓库封控，无法发货", cause="turned_down",
                   operator="志愿者李姐")
        refunded = 0
        for order_id, money in sorted(buy_money(conn, rice).items()):
            if money.refund_due_fen and refunded < 3:  # the first few refunds already paid out
                record_payment(conn, order_id, -money.refund_due_fen, "wechat",
                               reference="退款", operator="志愿者李姐")
                refunded += 1
        note_complaint(conn, bad_seller, "收款后拒单，退款拖了两天", buy_id=rice,
                       operator="志愿者李姐")

        # Open now: dumplings, orders coming in, about half paid.
        dumplings = new_buy(conn, "冷冻饺子团", food_shop,
                            [ItemSpec("冷冻饺子(1kg)", 3200, "frozen", cap=3),
                             ItemSpec("鸡翅中(1kg)", 5850, "chilled")],
                            minimum=30, deadline=_evening(0), organiser="团长陈阿姨").buy_id
        _orders(conn, rng, dumplings, households, 0.35, 120,
                {"冷冻饺子(1kg)": (1, 1, 2, 3), "鸡翅中(1kg)": (1, 1, 2)})
        _pay(conn, rng, dumplings, 0.5)

        # Closed: the egg list went to the supplier, waiting for its answer.
        egg_buy = new_buy(conn, "鸡蛋团", eggs, [ItemSpec("土鸡蛋(30枚)", 4500, "ambient", cap=2)],
                          minimum=40, deadline=_evening(-1), organiser="志愿者小周").buy_id
        _orders(conn, rng, egg_buy, households, 0.3, 90, {"土鸡蛋(30枚)": (1, 1, 2)})
        _pay(conn, rng, egg_buy, 0.3)
        change_status(conn, egg_buy, "closed", operator="志愿者小周")

        # Confirmed by the farm: money is being collected.
        veg = new_buy(conn, "蔬菜包", farm, [ItemSpec("时令蔬菜包(约5斤)", 3990, "ambient", cap=2)],
                      minimum=30, deadline=_evening(-1), organiser="志愿者小王").buy_id
        _orders(conn, rng, veg, households, 0.4, 120, {"时令蔬菜包(约5斤)": (1, 1, 1, 2)})
        change_status(conn, veg, "closed", operator="志愿者小王")
        change_status(conn, veg, "confirmed", operator="志愿者小王")
        _pay(conn, rng, veg, 0.85)

        # Arrived short: the oat milk shared out vulnerable households first; refunds follow.
        oat = new_buy(conn, "燕麦奶团", dairy, [ItemSpec("燕麦奶(1L×12盒)", 6800, "ambient",
                                                        pack_size="1L×12盒")],
                      minimum=20, organiser="团长陈阿姨").buy_id
        _orders(conn, rng, oat, households, 0.3, 80, {"燕麦奶(1L×12盒)": (1, 1, 2, 3)})
        change_status(conn, oat, "closed")
        change_status(conn, oat, "confirmed")
        _pay(conn, rng, oat, 1.0)
        ordered = sum(total.ordered for total in item_totals(conn, oat))
        record_arrival(conn, oat, {"燕麦奶(1L×12盒)": max(ordered * 3 // 4, 1)},
                       "vulnerable-first", operator="志愿者小王")

        # A draft still being set up.
        new_buy(conn, "鲜牛奶团", dairy, [ItemSpec("鲜牛奶(950ml)", 1650, "chilled", cap=4)],
                deadline=_evening(2), organiser="志愿者小周", open_now=False)
    return {"buys": 7, "suppliers": 5}
