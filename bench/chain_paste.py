"""How long a pasted 接龙 list of 5 MB takes to preview against the roster (goal: a few seconds,
growing in step with the text: twice the text, about twice the time).

`python bench/chain_paste.py [--mb N] [--json]`; the last line is JSON. The list has numbered
lines of every common shape (addresses written three ways, Chinese numerals, notes), numbers past
10000, and a few lines for households not on the roster.
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

GOAL_SECONDS = 10.0


def make_list(size: int) -> str:
    rng = random.Random(size)
    lines = ["#接龙 冷冻饺子 32元 鸡翅中 58.5元", "今晚8点截单", ""]
    written, number = 0, 0
    while written < size:
        number += 1
        building, room = rng.randint(1, 40), rng.randint(1, 24) * 100 + rng.randint(1, 4)
        address = rng.choice((f"{building}-{room}", f"{building}号楼{room}", f"{building}栋{room}室"))
        line = (f"{number}. {address} {rng.choice(('张阿姨', '李', '王先生'))} "
                f"饺子{rng.choice(('2袋', '两袋', '1袋'))} 鸡翅中{rng.choice(('一盒', '2盒'))}"
                + (" 备注：放门口" if number % 7 == 0 else ""))
        lines.append(line)
        written += len(line.encode("utf-8")) + 1
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()

    from desktop.buys.group_buys import ItemSpec, new_buy
    from desktop.buys.jielong import preview_chain
    from desktop.db import connect
    from desktop.db.connection import transaction
    from desktop.roster.households import save_values, values_from_parts

    figures = {"goal_seconds": GOAL_SECONDS}
    with tempfile.TemporaryDirectory() as folder:
        conn = connect(Path(folder) / "bench.sqlite")
        with transaction(conn):
            for building in range(1, 41):
                for floor in range(1, 23):  # a few rooms of each building stay off the roster
                    for door in range(1, 4):
                        save_values(conn, values_from_parts(
                            building, None, floor * 100 + door, name="王秀英", phone="", people=1,
                            flags=(), delivery="pickup", notes="", active=True), None)
        buy = new_buy(conn, "冷冻团", "某食品店",
                      [ItemSpec("冷冻饺子", 3200), ItemSpec("鸡翅中", 5850)]).buy_id
        for name, size in (("half", int(args.mb * 512 * 1024)), ("whole", int(args.mb * 1024 * 1024))):
            text = make_list(size)
            started = time.perf_counter()
            preview = preview_chain(conn, buy, text)
            seconds = time.perf_counter() - started
            figures[name] = {"bytes": len(text.encode("utf-8")), "lines": text.count("\n") + 1,
                             "households": len(preview.orders), "not_on_roster": len(preview.unknown),
                             "not_understood": len(preview.unmatched) - len(preview.unknown),
                             "seconds": round(seconds, 2)}
        conn.close()
    figures["ratio"] = round(figures["whole"]["seconds"] / max(figures["half"]["seconds"], 1e-6), 2)
    figures["ok"] = figures["whole"]["seconds"] <= GOAL_SECONDS and figures["ratio"] < 3  # twice the text in under three times as long
    if not args.json:
        print(f"{figures['whole']['bytes']} bytes, {figures['whole']['lines']} lines previewed in "
              f"{figures['whole']['seconds']} s; half the text in {figures['half']['seconds']} s")
    figures["whole_seconds"] = figures["whole"]["seconds"]
    print(json.dumps(beside(figures, {"whole_seconds": GOAL_SECONDS, "ratio": 3})))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
