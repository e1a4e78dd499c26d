"""How long a day's merge between stations takes at a 5,000-household compound.

Builds a lobby (home) station of 5,000 households with their cards and a day's 20,000 bags (four
buys, every household in each), then makes two gate stations from the lobby's exchange file
(`init_gate`). Each gate hands over 10,000 bags (the north gate the first half, the south gate the
second; 50 bags at both, a double handoff each; a tenth put out at the gate first, a few undone),
rows appended directly in one transaction per gate, each with its line of the audit log. Then, timed:

- `gate_export_s`: writing both gates' exchange files;
- `merge_s`: merging both into the lobby (20,000 handoffs and more): the figure with the goal;
- `home_export_s`, `home_to_gate_s`: the lobby's file written, and merged into one gate;
- `init_gate_s`: making one gate station from the lobby's first file.

Goal: `merge_s` under 5 s. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
HOUSEHOLDS = 5000
BUYS = 4
DOUBLES = 50
GOAL_MERGE_S = 5.0


def iso(seconds: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def build_home(path: Path, households: int, buys: int):
    from desktop.bags import codes
    from desktop.compound import code_keys
    from desktop.db import connect
    from desktop.db.stamp import uuid4_many

    conn = connect(path)
    keys = code_keys(conn)
    station = "lobby"
    started = time.time() - 86400
    conn.execute("BEGIN")
    uids = uuid4_many(households * 2)
    for n in range(households):
        building, rest = divmod(n, 100)
        floor, door = divmod(rest, 4)
        room = (floor + 1) * 100 + door + 1
        at = iso(started)
        conn.execute(
            "INSERT INTO household (id, uuid, station, address, building, room, name, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (n + 1, uids[n], station, f"{building + 1}-{room}", building + 1, room, "王秀英", at, at))
        conn.execute(
            "INSERT INTO household_code (uuid, station, household_id, serial, code, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (uids[households + n], station, n + 1, n + 1, codes.make_code(keys, "household", n + 1), at))
    serial = 0
    for number in range(1, buys + 1):
        at = iso(started + number * 600)
        ids = uuid4_many(3 + households)
        conn.execute("INSERT INTO group_buy (id, uuid, station, title, status, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, 'bagged', ?, ?)", (number, ids[0], station, f"团购 {number}", at, at))
        conn.execute("INSERT INTO item (id, uuid, station, group_buy_id, name, price_fen, storage, "
                     "created_at) VALUES (?, ?, ?, ?, ?, 1000, 'chilled', ?)",
                     (number, ids[1], station, number, f"货品 {number}", at))
        conn.execute("INSERT INTO arrival (uuid, station, group_buy_id, item_id, received, policy, at) "
                     "VALUES (?, ?, ?, ?, ?, 'pro-rata', ?)", (ids[2], station, number, number, households, at))
        rows = []
        for household in range(1, households + 1):
            serial += 1
            rows.append((ids[2 + household], station, serial, codes.make_code(keys, "bag", serial),
                         number, household, at))
        conn.executemany(
            "INSERT INTO bag (uuid, station, serial, code, group_buy_id, household_id, storage, "
            "position, count, units, created_at) VALUES (?, ?, ?, ?, ?, ?, 'chilled', 1, 1, 1, ?)", rows)
    conn.execute("COMMIT")
    return conn


def hand_over(conn, first: int, last: int, operator: str) -> int:
    """Bags with ids first..last handed over at this gate; a tenth put out at the gate first, one
    in a hundred undone and handed over again. How many events."""
    import uuid as uuid_module

    from desktop.db.gate import time_ordered_uuid

    station = conn.station
    at = time.time() - 3600
    conn.execute("BEGIN")
    count = 0

    def audited(kind: str, when: float) -> None:  # each handoff and undo is a line of the log too
        conn.execute("INSERT INTO audit_entry (uuid, station, at, operator, kind, summary, changes) "
                     "VALUES (?, ?, ?, ?, ?, '', '[]')", (str(uuid_module.uuid4()), station, iso(when), operator, kind))

    for bag_id in range(first, last + 1):
        if bag_id % 10 == 0:
            conn.execute("INSERT INTO handoff (uuid, station, bag_id, action, operator, at) "
                         "VALUES (?, ?, ?, 'gate', ?, ?)", (time_ordered_uuid(), station, bag_id, operator, iso(at)))
            audited("handoff", at)
            count += 1
        event = conn.execute("INSERT INTO handoff (uuid, station, bag_id, action, operator, at) "
                             "VALUES (?, ?, ?, 'pickup', ?, ?)",
                             (time_ordered_uuid(), station, bag_id, operator, iso(at + 1))).lastrowid
        audited("handoff", at + 1)
        count += 1
        if bag_id % 100 == 0:
            conn.execute("INSERT INTO handoff (uuid, station, bag_id, action, reverses_id, reason, "
                         "operator, at) VALUES (?, ?, ?, 'reversal', ?, '按错了', ?, ?)",
                         (time_ordered_uuid(), station, bag_id, event, operator, iso(at + 2)))
            conn.execute("INSERT INTO handoff (uuid, station, bag_id, action, operator, at) "
                         "VALUES (?, ?, ?, 'pickup', ?, ?)",
                         (time_ordered_uuid(), station, bag_id, operator, iso(at + 3)))
            audited("undo", at + 2)
            audited("handoff", at + 3)
            count += 2
    conn.execute("COMMIT")
    return count


def timed(work):
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="(the last line is JSON either way)")
    parser.add_argument("--households", type=int, default=HOUSEHOLDS)
    args = parser.parse_args()

    from desktop.stations.conflicts import list_conflicts
    from desktop.stations.exchange import export_exchange, import_exchange, init_gate

    folder = Path(tempfile.mkdtemp(prefix="compound-desk-sync-"))
    home = build_home(folder / "home.sqlite", args.households, BUYS)
    first = folder / "home-1.cdx"
    export_exchange(home, first)
    (north, _), init_s = timed(lambda: init_gate(folder / "north.sqlite", first, station="north"))
    south, _ = init_gate(folder / "south.sqlite", first, station="south")
    bags = args.households * BUYS
    half = bags // 2
    handoffs = hand_over(north, 1, half + DOUBLES, "保安老李")
    handoffs += hand_over(south, half + 1, bags, "保安小赵")

    def export_gates():
        export_exchange(north, folder / "north.cdx")
        export_exchange(south, folder / "south.cdx")

    _, gate_export_s = timed(export_gates)
    summaries, merge_s = timed(lambda: [import_exchange(home, folder / "north.cdx"),
                                        import_exchange(home, folder / "south.cdx")])
    merged = sum(s.added.get("handoff", 0) for s in summaries)
    audit_merged = sum(s.added.get("audit_entry", 0) for s in summaries)
    _, home_export_s = timed(lambda: export_exchange(home, folder / "home-2.cdx"))
    _, home_to_gate_s = timed(lambda: import_exchange(north, folder / "home-2.cdx"))
    conflicts = len(list_conflicts(home))
    result = {
        "households": args.households, "bags": bags, "handoffs": handoffs,
        "handoffs_merged": merged, "audit_lines_merged": audit_merged, "conflicts": conflicts,
        "gate_export_s": round(gate_export_s, 3), "merge_s": round(merge_s, 3),
        "home_export_s": round(home_export_s, 3), "home_to_gate_s": round(home_to_gate_s, 3),
        "init_gate_s": round(init_s, 3), "goal_merge_s": GOAL_MERGE_S,
        "ok": merge_s < GOAL_MERGE_S and merged == handoffs and audit_merged >= handoffs
        and conflicts == DOUBLES,
    }
    for conn in (home, north, south):
        conn.close()
    shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
