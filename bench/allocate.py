"""How long a shortfall takes to share out over 5,000 orders (goal: at most 0.5 s).

`python bench/allocate.py [--orders N] [--json]`; the last line is JSON. `seconds` is the whole
arrival through the service, the preview the window shows and then the save; the pure allocation
is timed on its own for each policy.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from goals import beside

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_SECONDS = 0.5


def setup(conn, orders: int) -> int:
    from desktop.buys.group_buys import ItemSpec, get_buy, new_buy
    from desktop.buys.orders import save_household_order
    from desktop.clock import utc_now
    from desktop.db.connection import transaction
    from desktop.db.orders import insert_payments
    from desktop.roster.households import save_values, values_from_parts

    rng = random.Random(orders)
    buy_id = new_buy(conn, "冷冻饺子团", "某食品店", [ItemSpec("冷冻饺子", 3200, "frozen"),
                                                    ItemSpec("鸡翅中", 5850, "chilled")]).buy_id
    with transaction(conn):
        for n in range(orders):
            building, room = n // 96 + 1, (n % 96 // 4 + 1) * 100 + n % 4 + 1
            flags = ("elderly_alone",) if rng.random() < 0.1 else ()
            save_values(conn, values_from_parts(building, None, room, name="", phone="", people=1,
                                                flags=flags, delivery="pickup", notes="",
                                                active=True), None)
        buy = get_buy(conn, buy_id)
        paid: list[dict] = []
        items = [row[0] for row in conn.execute("SELECT id FROM item ORDER BY id")]
        for household_id in [row[0] for row in conn.execute("SELECT id FROM household")]:
            lines = {items[0]: rng.randint(1, 4)}
            if rng.random() < 0.5:
                lines[items[1]] = rng.randint(1, 2)
            order_id, _ = save_household_order(conn, buy, household_id, lines)
            if rng.random() < 0.8:  # most have paid in full, so a shortfall means refunds owed
                paid.append({"order_id": order_id, "method": "wechat", "reference": "", "operator": "",
                             "amount_fen": lines[items[0]] * 3200 + lines.get(items[1], 0) * 5850})
        insert_payments(conn, paid, station=conn.station, now=utc_now())
    return buy_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=5000)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()

    from desktop.buys.allocation import POLICIES, Claim, allocate
    from desktop.buys.arrivals import preview_arrival, record_arrival
    from desktop.db import connect

    with tempfile.TemporaryDirectory() as folder:
        conn = connect(Path(folder) / "bench.sqlite")
        buy_id = setup(conn, args.orders)
        ordered = conn.execute(
            "SELECT sum(quantity) FROM order_line l JOIN item i ON i.id = l.item_id "
            "WHERE i.name = '冷冻饺子'").fetchone()[0]
        received = {"冷冻饺子": ordered * 7 // 10}
        started = time.perf_counter()
        preview_arrival(conn, buy_id, received)
        previewed = time.perf_counter()
        plan = record_arrival(conn, buy_id, received)
        saved = time.perf_counter()
        conn.close()

    rng = random.Random(2)
    claims = [Claim(n, rng.randint(1, 4), rng.random() < 0.1, f"2022-04-01T10:{n % 60:02d}:00Z")
              for n in range(args.orders)]
    total = sum(c.quantity for c in claims)
    pure = {}
    for policy in POLICIES:
        begun = time.perf_counter()
        allocate(claims, total * 7 // 10, policy)
        pure[policy] = round(time.perf_counter() - begun, 4)

    seconds = saved - started
    figures = {
        "orders": args.orders, "lines": len(plan.allocations), "seconds": round(seconds, 3),
        "preview_seconds": round(previewed - started, 3), "save_seconds": round(saved - previewed, 3),
        "allocation_seconds": pure, "refunds": len(plan.refunds), "goal_seconds": GOAL_SECONDS,
        "ok": seconds <= GOAL_SECONDS,
    }
    if not args.json:
        print(f"Shortfall shared over {args.orders} orders: preview and save in {seconds:.3f} s "
              f"(goal {GOAL_SECONDS} s); pure allocation {max(pure.values()):.4f} s at most")
    print(json.dumps(beside(figures, {"seconds": GOAL_SECONDS})))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
