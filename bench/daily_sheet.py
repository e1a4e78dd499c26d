"""How long the committee's daily sheet takes for a compound of 5,000 households with 30 days of
handing out behind it (goal: under 3 s), and the coverage report and the money report alone.

`python bench/daily_sheet.py [--households N] [--days D] [--json]`; the last line is JSON. Each
past day is one settled buy with a bag for every household: most picked up that day, some
delivered to the door, one in a hundred spoiled, and one handoff in fifty undone (a wrong bag
scanned) and picked up again; today is the demo's own busy day (buys in every state, bags waiting).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_SECONDS = 3.0


def history(conn, days: int) -> int:
    """`days` past days of bags handed out, written straight into the file; returns the events."""
    from desktop.db.connection import transaction

    rng = random.Random(days)
    households = [row[0] for row in conn.execute("SELECT id FROM household")]
    serial = conn.execute("SELECT coalesce(max(serial), 0) FROM bag").fetchone()[0]
    now = datetime.now(UTC)
    events = 0
    with transaction(conn):
        for day in range(days, 0, -1):
            moment = now - timedelta(days=day)
            stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
            buy = conn.execute(
                "INSERT INTO group_buy (uuid, station, title, status, created_at, updated_at) "
                "VALUES (?, 'bench', ?, 'settled', ?, ?)",
                (str(uuid.uuid4()), f"第 {day} 天的菜", stamp, stamp)).lastrowid
            bags, handoffs = [], []
            for household in households:
                serial += 1
                bags.append((str(uuid.uuid4()), serial, f"BENCH{serial:012d}", buy, household, stamp))
            conn.executemany(
                "INSERT INTO bag (uuid, station, serial, code, group_buy_id, household_id, storage, "
                "position, count, units, created_at) VALUES (?, 'bench', ?, ?, ?, ?, 'ambient', 1, 1, 3, ?)",
                bags)
            first = serial - len(households) + 1
            for offset in range(len(households)):
                at = (moment + timedelta(minutes=rng.randint(0, 600))).strftime("%Y-%m-%dT%H:%M:%SZ")
                roll = rng.random()
                action = "spoiled" if roll < 0.01 else "door" if roll < 0.1 else "pickup"
                handoffs.append((str(uuid.uuid4()), first + offset, at, action))
            conn.executemany(
                "INSERT INTO handoff (uuid, station, bag_id, action, operator, at) "
                "SELECT ?, 'bench', id, ?, '保安老李', ? FROM bag WHERE serial = ?",
                [(u, action, at, s) for u, s, at, action in handoffs])
            mistakes = [h for h in handoffs[::50] if h[3] != "spoiled"]
            conn.executemany(
                "INSERT INTO handoff (uuid, station, bag_id, action, reverses_id, reason, at) "
                "SELECT ?, 'bench', e.bag_id, 'reversal', e.id, '扫错了', e.at FROM handoff e "
                "WHERE e.uuid = ?",
                [(str(uuid.uuid4()), h[0]) for h in mistakes])
            conn.executemany(
                "INSERT INTO handoff (uuid, station, bag_id, action, operator, at) "
                "SELECT ?, 'bench', id, 'pickup', '保安小赵', ? FROM bag WHERE serial = ?",
                [(str(uuid.uuid4()), h[2], h[1]) for h in mistakes])
            events += len(handoffs) + 2 * len(mistakes)
    return events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=5000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()

    from desktop.committee.coverage import coverage
    from desktop.committee.money import money_report
    from desktop.db import connect
    from desktop.demo.compound import fill_demo
    from desktop.printing.daily import write_daily_sheet

    with tempfile.TemporaryDirectory() as folder:
        conn = connect(Path(folder) / "bench.sqlite")
        fill_demo(conn, households=args.households, seed=11)
        events = history(conn, args.days)
        started = time.perf_counter()
        pages = write_daily_sheet(conn, "", Path(folder) / "daily.pdf")
        printed = time.perf_counter()
        unserved = len(coverage(conn, 3).households)
        covered = time.perf_counter()
        money_report(conn)
        counted = time.perf_counter()
        handoffs = conn.execute("SELECT count(*) FROM handoff").fetchone()[0]
        conn.close()

    seconds = printed - started
    figures = {
        "households": args.households, "days": args.days, "handoffs": handoffs,
        "history_events": events, "pages": pages, "unserved": unserved,
        "seconds": round(seconds, 3), "coverage_seconds": round(covered - printed, 3),
        "money_seconds": round(counted - covered, 3), "goal_seconds": GOAL_SECONDS,
        "ok": seconds < GOAL_SECONDS,
    }
    if not args.json:
        print(f"Daily sheet for {args.households} households and {handoffs} handoffs: {seconds:.3f} s "
              f"(goal under {GOAL_SECONDS} s)")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
