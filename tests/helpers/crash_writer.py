"""A station that writes in a loop and says "ack <kind> <key>" after each commit.

It adds households, records payments, and hands a bag over and undoes it, in turn. The crash test kills it with SIGKILL at random
moments; every acknowledged write must survive.
"""

import sys

from desktop.bags.bags import list_bags, make_bags
from desktop.buys.arrivals import record_arrival
from desktop.buys.group_buys import ItemSpec, list_buys, new_buy
from desktop.buys.orders import find_table_order, place_order
from desktop.buys.payments import record_payment
from desktop.db import connect
from desktop.gate import scan, undo_last_handoff
from desktop.roster.households import HouseholdFields, add_household, find_household


def _order_to_pay(conn) -> int:
    buys = [s.buy.id for s in list_buys(conn) if s.buy.title == "崩溃测试团"]
    buy_id = buys[0] if buys else new_buy(
        conn, "崩溃测试团", "测试商家", [ItemSpec("鸡蛋", 1500, "ambient")]
    ).buy_id
    household = find_household(conn, "1-101")
    if household is None:
        add_household(conn, HouseholdFields(address="1-101", name="付款人"))
        household = find_household(conn, "1-101")
    existing = find_table_order(conn, buy_id, household.id)
    if existing is not None:
        return existing.id
    return place_order(conn, buy_id, "1-101", {"鸡蛋": 1}).order_id


def _bag_to_hand_over(conn) -> str:
    buy_id = [s.buy.id for s in list_buys(conn) if s.buy.title == "崩溃测试团"][0]
    if not list_bags(conn, buy_id):
        record_arrival(conn, buy_id, {})
        make_bags(conn, buy_id)
    return list_bags(conn, buy_id)[0].code


def main(db_path: str, start: int) -> None:
    conn = connect(db_path)
    order_id = _order_to_pay(conn)
    bag_code = _bag_to_hand_over(conn)
    n = start
    while True:
        building, room = 100 + n // 900, 101 + n % 900
        address = f"{building}-{room}"
        if find_household(conn, address) is None:
            add_household(conn, HouseholdFields(address=address, name=f"住户{n}", phone="13800000000"))
        print(f"ack household {address}", flush=True)
        reference = f"run{start}-{n}"
        record_payment(conn, order_id, 100, "cash", reference=reference)
        print(f"ack payment {reference}", flush=True)
        answer = scan(conn, bag_code, record="pickup", operator="保安")
        if answer.recorded:
            print(f"ack handoff {answer.last_handoff.id}", flush=True)
        undone = undo_last_handoff(conn, bag_code, "测试撤销", operator="保安")
        print(f"ack handoff {undone.reversal.id}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
