"""A station that writes in a loop and says "ack <kind> <key>" after each commit.

It adds households and records payments in turn. The crash test kills it with SIGKILL at random
moments; every acknowledged write must survive.
"""

import sys

from desktop.db import connect
from desktop.group_buys import ItemSpec, list_buys, new_buy
from desktop.households import HouseholdFields, add_household, find_household
from desktop.orders import place_order
from desktop.payments import record_payment


def _order_to_pay(conn) -> int:
    buys = [s.buy.id for s in list_buys(conn) if s.buy.title == "崩溃测试团"]
    buy_id = buys[0] if buys else new_buy(
        conn, "崩溃测试团", "测试商家", [ItemSpec("鸡蛋", 1500, "ambient")]
    ).buy_id
    if find_household(conn, "1-101") is None:
        add_household(conn, HouseholdFields(address="1-101", name="付款人"))
    return place_order(conn, buy_id, "1-101", {"鸡蛋": 1}).order_id


def main(db_path: str, start: int) -> None:
    conn = connect(db_path)
    order_id = _order_to_pay(conn)
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
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
