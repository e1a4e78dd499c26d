"""How long a 20,000-row KuaiTuanTuan export takes to import (goal: at most 3 s).

`python bench/ktt_import.py [--rows N] [--json]`; the last line is JSON. The export is generated
once (orders of one to three rows, later rows of an order left empty as when cells are merged,
a 商品汇总表 of prices) and kept in bench/.cache.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_SECONDS = 3.0
CACHE = Path(__file__).resolve().parent / ".cache"
PRODUCTS = [("冷冻饺子", "1kg袋装", "32.00"), ("鸡翅中", "1kg", "58.50"), ("燕麦奶", "1L×12盒", "68.00"),
            ("土鸡蛋", "30枚", "45.00"), ("东北大米", "10kg", "79.00"), ("时令蔬菜包", "约5斤", "39.90")]
HEADER = ["下单人", "团员备注", "备注", "跟团号", "商品", "规格", "数量", "商品金额", "运费", "优惠",
          "订单金额", "退款金额", "物流方式", "服务小区", "服务小区联系人", "服务小区电话", "服务小区地址",
          "收货人", "联系电话", "详细地址", "团长", "房号（如606）", "楼号（如10）", "弄号（如168）"]


def make_export(rows: int, path: Path) -> int:
    import openpyxl

    rng = random.Random(rows)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("顾客购买表")
    sheet.append(HEADER)
    written = orders = 0
    while written < rows:
        orders += 1
        count = min(rng.choice((1, 1, 2, 2, 3)), rows - written)
        chosen = rng.sample(PRODUCTS, count)
        lines = [(p, s, rng.randint(1, 3), float(price)) for p, s, price in chosen]
        total = round(sum(q * price for _, _, q, price in lines), 2)
        building, room = rng.randint(1, 40), rng.randint(1, 24) * 100 + rng.randint(1, 4)
        buyer = "住户" + str(orders)
        phone = f"13{rng.randrange(10**8, 10**9)}"
        for index, (product, spec, quantity, price) in enumerate(lines):
            first = index == 0
            sheet.append([
                buyer, None, None, str(orders), f"{product}({spec})", spec, quantity,
                round(quantity * price, 2), 0 if first else None, 0 if first else None,
                total if first else None, 0 if first else None, "顾客自提" if first else None,
                "样例小区" if first else None, None, None, "上海市某区某路100弄" if first else None,
                buyer, phone, f"上海市某区某路100弄样例小区{building}号{room}室" if first else None,
                "团长甲" if first else None, str(room) if first else None,
                str(building) if first else None, "100" if first else None,
            ])
            written += 1
    summary = book.create_sheet("商品汇总表")
    summary.append(["团购标题", "所属团长", "商品", "规格", "团当前单价"])
    for product, spec, price in PRODUCTS:
        summary.append(["保供大团购 50份起送", "团长甲", product, spec, price])
    book.save(path)
    return orders


def roster(conn, count: int) -> None:
    """Households at some of the export's addresses, so it both matches and adds households.
    They have names, as a real roster does, so the pinyin index is loaded before the clock starts
    (as in the window, where the roster has been searched before anything is imported)."""
    from desktop.db.connection import transaction
    from desktop.households import save_values, values_from_parts

    rng = random.Random(1)
    places = {(rng.randint(1, 40), rng.randint(1, 24) * 100 + rng.randint(1, 4)) for _ in range(count)}
    with transaction(conn):
        for building, room in sorted(places):
            save_values(conn, values_from_parts(building, None, room, name="王秀英", phone="", people=1,
                                                flags=(), delivery="pickup", notes="", active=True),
                        None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()

    from desktop.db import connect
    from desktop.ktt_import import import_export

    CACHE.mkdir(exist_ok=True)
    export = CACHE / f"ktt-export-{args.rows}-v1.xlsx"
    if not export.exists():
        partial = export.with_suffix(".partial")
        make_export(args.rows, partial)
        partial.replace(export)
    with tempfile.TemporaryDirectory() as folder:
        conn = connect(Path(folder) / "bench.sqlite")
        roster(conn, 1500)
        started = time.perf_counter()
        result = import_export(conn, export)
        seconds = time.perf_counter() - started
        conn.close()
    figures = {
        "rows": args.rows, "orders": result.orders, "households_matched": result.households_matched,
        "households_created": result.households_created, "seconds": round(seconds, 3),
        "goal_seconds": GOAL_SECONDS, "ok": seconds <= GOAL_SECONDS,
    }
    if not args.json:
        print(f"{args.rows} rows, {result.orders} orders imported in {seconds:.2f} s "
              f"(goal {GOAL_SECONDS} s)")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
