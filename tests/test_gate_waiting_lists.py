"""The bags still waiting, read through the index of handed-over events, are exactly the bags whose
standing event did not end custody: undone handoffs wait again, a double from two stations stays
handed over even when one of the two is undone, a gate event merged in after a pickup does not
make the bag wait, void bags never wait; and the lists keep their order (oldest and coldest first
for the gate, frozen first for a household)."""

from __future__ import annotations

import pytest

from desktop import gate
from desktop.bags.bags import make_bags
from desktop.db import gate as gate_rows
from desktop.db import transaction
from tests.bag_scenes import compound, everyday_buy

ENDING = ("pickup", "door", "spoiled")
STORAGE_RANK = {"frozen": 0, "chilled": 1, "ambient": 2}

# A bag's custody as stations may leave it; ("undo", n) reverses the n-th event of the history.
HISTORIES = [
    [],
    ["packed"],
    ["packed", "gate"],
    ["pickup"],
    ["door"],
    ["spoiled"],
    ["pickup", ("undo", 0)],
    ["gate", "pickup", ("undo", 1)],
    ["pickup", ("undo", 0), "pickup"],
    ["pickup", "pickup"],  # the same bag handed over at the lobby and at a gate station
    ["pickup", "door", ("undo", 0)],  # a double, one of the two undone
    ["pickup", "gate"],  # a gate station's earlier "at the gate" merged in after the pickup
    ["spoiled", ("undo", 0), "gate"],
    ["returned"],
    ["gate", "returned"],
    ["door", ("undo", 0), "packed", "gate"],
]


@pytest.fixture
def histories(tmp_path):
    """Four buys bagged for four neighbours, every bag given one of the histories in turn by two
    stations, two bags voided (remade): (conn, the voided bags' ids)."""
    conn = compound(tmp_path)
    for _ in range(4):
        make_bags(conn, everyday_buy(conn))
    bags = conn.execute("SELECT id, household_id, storage, group_buy_id, position FROM bag "
                        "ORDER BY id").fetchall()
    assert len(bags) >= 2 * len(HISTORIES)
    stations = ("大堂", "北门")
    with transaction(conn):
        for n, bag in enumerate(bags):
            made = []
            for step, action in enumerate(HISTORIES[n % len(HISTORIES)]):
                values = {"bag_id": bag["id"], "at": f"2026-11-2{step}T08:00:00Z"}
                if isinstance(action, tuple):
                    values.update(action="reversal", reverses_id=made[action[1]], reason="扫错了")
                else:
                    values.update(action=action, operator="保安")
                made.append(gate_rows.insert_event(conn, values, station=stations[step % 2]))
        voided = [bags[0]["id"], bags[len(HISTORIES) + 3]["id"]]  # one untouched, one picked up
        conn.executemany("UPDATE bag SET voided_at = '2026-11-25T08:00:00Z', void_reason = 'remade' "
                         "WHERE id = ?", [(v,) for v in voided])
    yield conn, voided
    conn.close()


def standing_actions(conn) -> dict[int, str | None]:
    """Each bag's standing event's action by the rule itself, worked out here event by event: the
    latest event not undone and not an undoing, a handover not undone over any other."""
    events = conn.execute("SELECT id, bag_id, action, reverses_id FROM handoff ORDER BY id").fetchall()
    undone = {e["reverses_id"] for e in events if e["reverses_id"] is not None}
    standing: dict[int, tuple] = {}
    for e in events:
        if e["action"] == "reversal" or e["id"] in undone:
            continue
        rank = (e["action"] in ENDING, e["id"])
        if e["bag_id"] not in standing or rank > standing[e["bag_id"]][0]:
            standing[e["bag_id"]] = (rank, e["action"])
    bag_ids = [row[0] for row in conn.execute("SELECT id FROM bag")]
    return {bag: standing[bag][1] if bag in standing else None for bag in bag_ids}


def expected_waiting(conn, voided) -> dict[int, str | None]:
    return {bag: action for bag, action in standing_actions(conn).items()
            if bag not in voided and action not in ENDING}


def test_the_gate_lists_exactly_the_bags_whose_standing_event_did_not_end_custody(histories):
    conn, voided = histories
    expected = expected_waiting(conn, voided)
    listed = gate.list_waiting(conn)
    assert {w.bag_id for w in listed} == set(expected)
    assert {w.bag_id: w.at_gate for w in listed} == {
        bag: action == "gate" for bag, action in expected.items()}
    # Undone handoffs wait again; doubles and a merged gate event after a pickup do not.
    assert "pickup" not in expected.values() and len(expected) > 10
    # Oldest first, then frozen before chilled before ambient, then by address, buy and bag.
    keys = [(w.since, STORAGE_RANK[w.storage], w.building, w.entrance is not None, w.entrance or 0,
             w.room, w.buy_id, w.index) for w in listed]
    assert keys == sorted(keys)


def test_a_households_other_waiting_bags_are_the_same_bags_frozen_first(histories):
    conn, voided = histories
    expected = expected_waiting(conn, voided)
    households = conn.execute("SELECT id, household_id FROM bag ORDER BY id").fetchall()
    checked = 0
    for bag_id, household in households:
        others = gate_rows.select_household_waiting(conn, household, bag_id)
        ids = [row["id"] for row in others]
        owned = {row[0] for row in households if row[1] == household}
        assert set(ids) == {b for b in expected if b in owned and b != bag_id}
        assert {row["id"]: row["last_action"] for row in others} == {
            b: expected[b] for b in ids}
        keys = [(STORAGE_RANK[row["storage"]], row["buy_id"], row["position"]) for row in others]
        assert keys == sorted(keys)
        checked += len(ids)
        card = {w.bag_id for w in gate.list_waiting(conn, household)}
        assert card == {b for b in expected if b in owned}
    assert checked > 0


def test_a_green_scan_lists_the_households_bags_still_waiting_after_an_undo(histories):
    conn, voided = histories
    expected = expected_waiting(conn, voided)
    waiting = sorted(expected)
    code, household = conn.execute("SELECT code, household_id FROM bag WHERE id = ?",
                                   (waiting[0],)).fetchone()
    answer = gate.scan(conn, code, record="pickup", operator="保安老李")
    assert answer.verdict == "ok" and answer.recorded
    owned = {row[0] for row in conn.execute("SELECT id FROM bag WHERE household_id = ?", (household,))}
    assert {w.bag_id for w in answer.waiting_bags} == {b for b in waiting[1:] if b in owned}


def test_the_waiting_lists_ask_the_index_of_handed_over_events_not_every_bags_custody(histories):
    conn, _ = histories
    plan = " | ".join(row[3] for row in conn.execute(
        "EXPLAIN QUERY PLAN " + gate_rows._HOUSEHOLD_WAITING_SQL, {"household": 1, "bag": 0}))
    assert "USING INDEX bag_live_by_household" in plan
    assert "USING INDEX handoff_ending" in plan
