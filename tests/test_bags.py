"""Bags: an arrived group buy becomes bags in one action, the way volunteers sort it at the table."""

import json

import pytest

from desktop.bags.bags import (
    find_bag,
    find_household_by_code,
    issue_household_codes,
    list_bags,
    make_bags,
    reissue_household_code,
    void_bags_of_buy,
)
from desktop.bags.codes import verify
from desktop.buys.group_buys import cancel_buy, get_buy
from desktop.cli import main as cli
from desktop.compound import code_keys
from desktop.db import transaction
from desktop.errors import BadInput, Cancelled, DatabaseUnusable
from tests.bag_scenes import (
    arrived,
    compound,
    everyday_buy,
    open_buy,
    order,
    rows_of,
    unplaced_order,
)


@pytest.fixture
def conn(tmp_path):
    connection = compound(tmp_path)
    yield connection
    connection.close()


def bags_of(result, address):
    return [(b.index, b.count, b.storage, {i.item: i.quantity for i in b.items})
            for b in result.bags if b.address == address]


def hand_over(conn, bag_id, action="pickup"):
    """What the gate will do: append a custody event (the gate issue writes the real service)."""
    with transaction(conn):
        conn.execute(
            "INSERT INTO handoff (uuid, station, bag_id, action, operator, at) "
            "VALUES (lower(hex(randomblob(16))), 'gate', :bag, :action, '保安老李', "
            "'2024-04-02T06:00:00Z')", {"bag": bag_id, "action": action})


# ---- sorting an arrived buy into bags ----------------------------------------------------------


def test_frozen_chilled_and_ambient_goods_of_one_household_go_in_separate_bags_frozen_first(conn):
    buy = everyday_buy(conn)
    result = make_bags(conn, buy)
    assert bags_of(result, "12-301") == [
        (1, 3, "frozen", {"冷冻饺子(1kg)": 2}),
        (2, 3, "chilled", {"鸡翅中(1kg)": 1}),
        (3, 3, "ambient", {"东北大米(10kg)": 1}),
    ]
    assert bags_of(result, "3-101") == [(1, 1, "ambient", {"东北大米(10kg)": 2})]
    assert result.made == len(result.bags) == 8 and result.households == 4
    assert get_buy(conn, buy).status == "bagged"


def test_bags_come_by_building_then_room_and_each_code_is_genuine(conn):
    buy = everyday_buy(conn)
    result = make_bags(conn, buy)
    assert [b.address for b in result.bags] == [
        "3-101", "5-1202", "5-1202", "12-301", "12-301", "12-301", "12-2-502", "12-2-502"]
    codes = [b.code for b in result.bags]
    assert len(set(codes)) == len(codes)
    for bag in result.bags:
        check = verify(code_keys(conn), bag.code)
        assert (check.verdict, check.kind, check.serial) == ("genuine", "bag", bag.serial)


def test_a_household_with_more_than_fits_in_one_bag_gets_even_bags(conn):
    buy = open_buy(conn)
    order(conn, buy, "12-301", 东北大米=4, 酱油=7)  # 11 ambient units
    arrived(conn, buy)
    result = make_bags(conn, buy, max_items_per_bag=10)
    assert [(b.index, b.count, b.units) for b in result.bags] == [(1, 2, 6), (2, 2, 5)]
    assert bags_of(result, "12-301") == [
        (1, 2, "ambient", {"东北大米(10kg)": 4, "酱油": 2}),
        (2, 2, "ambient", {"酱油": 5}),
    ]


def test_what_a_short_delivery_allocated_is_what_goes_in_the_bag(conn):
    buy = open_buy(conn)
    order(conn, buy, "12-301", 冷冻饺子=3)
    order(conn, buy, "3-101", 冷冻饺子=1, 东北大米=1)
    arrived(conn, buy, {"冷冻饺子(1kg)": 2, "东北大米(10kg)": 1})
    result = make_bags(conn, buy)
    packed = sum(i.quantity for b in result.bags for i in b.items if i.item == "冷冻饺子(1kg)")
    assert packed == 2


def test_a_household_that_was_allocated_nothing_gets_no_bag_and_is_named(conn):
    buy = open_buy(conn)
    order(conn, buy, "12-301", 冷冻饺子=1)
    order(conn, buy, "3-101", 东北大米=1)
    arrived(conn, buy, {"冷冻饺子(1kg)": 0})
    result = make_bags(conn, buy)
    assert [b.address for b in result.bags] == ["3-101"]
    assert result.nothing_allocated == ("12-301",)
    assert any("12-301" in n.text("en") for n in result.notices())


def test_orders_with_no_household_get_no_bag_and_are_reported(conn):
    buy = open_buy(conn)
    order(conn, buy, "12-301", 冷冻饺子=1)
    unplaced_order(conn, buy, "KTT-88", "静安花园19号1201", 冷冻饺子=2)
    arrived(conn, buy)
    result = make_bags(conn, buy)
    assert [b.address for b in result.bags] == ["12-301"]
    assert [(u.external_ref, u.address_text) for u in result.unplaced] == [("KTT-88", "静安花园19号1201")]
    sentence = result.notices()[0].text("en")
    assert "KTT-88" in sentence and "no household" in sentence


def test_cancelled_orders_are_not_bagged(conn):
    from desktop.buys.orders import cancel_order

    buy = open_buy(conn)
    order(conn, buy, "12-301", 冷冻饺子=1)
    gone = order(conn, buy, "3-101", 东北大米=1)
    cancel_order(conn, gone, reason="不要了")
    arrived(conn, buy)
    assert [b.address for b in make_bags(conn, buy).bags] == ["12-301"]


# ---- making bags again ---------------------------------------------------------------------------


def test_making_bags_again_changes_nothing_and_keeps_every_code(conn):
    buy = everyday_buy(conn)
    first = make_bags(conn, buy)
    before = rows_of(conn)
    again = make_bags(conn, buy)
    assert [b.code for b in again.bags] == [b.code for b in first.bags]
    assert (again.made, again.kept, again.voided) == (0, len(first.bags), 0)
    after = rows_of(conn)
    assert after["bag"] == before["bag"] and after["bag_line"] == before["bag_line"]


def test_a_new_maximum_per_bag_remakes_only_the_households_it_changes(conn):
    buy = open_buy(conn)
    order(conn, buy, "12-301", 酱油=6)
    order(conn, buy, "3-101", 东北大米=1)
    arrived(conn, buy)
    first = make_bags(conn, buy, max_items_per_bag=10)
    old_301 = [b.code for b in first.bags if b.address == "12-301"]
    kept_101 = [b.code for b in first.bags if b.address == "3-101"]
    again = make_bags(conn, buy, max_items_per_bag=4)
    assert [(b.index, b.count, b.units) for b in again.bags if b.address == "12-301"] == [(1, 2, 3), (2, 2, 3)]
    assert [b.code for b in again.bags if b.address == "3-101"] == kept_101
    assert (again.made, again.voided) == (2, 1)
    old = find_bag(conn, old_301[0])
    assert old.void and old.void_reason == "remade"


def test_bags_already_scanned_are_never_remade(conn):
    buy = open_buy(conn)
    order(conn, buy, "12-301", 酱油=6)
    arrived(conn, buy)
    first = make_bags(conn, buy, max_items_per_bag=10)
    hand_over(conn, first.bags[0].id, "gate")
    again = make_bags(conn, buy, max_items_per_bag=3)
    assert [b.code for b in again.bags] == [b.code for b in first.bags]
    assert again.kept_with_handoffs == ("12-301",)
    assert "scanned" in again.notices()[0].text("en")


# ---- bad input: a sentence, and nothing changed --------------------------------------------------


@pytest.mark.parametrize("status", ["open", "closed", "confirmed"])
def test_a_buy_that_has_not_arrived_is_refused_with_a_sentence(conn, status):
    from desktop.buys.group_buys import change_status

    buy = open_buy(conn)
    order(conn, buy, "12-301", 冷冻饺子=1)
    if status != "open":
        change_status(conn, buy, "closed")
    if status == "confirmed":
        change_status(conn, buy, "confirmed")
    before = rows_of(conn)
    with pytest.raises(BadInput) as refused:
        make_bags(conn, buy)
    assert refused.value.code == "bags_buy_not_arrived"
    assert "Record the arrival first" in str(refused.value)
    assert rows_of(conn) == before


def test_a_cancelled_buy_is_refused_and_nothing_changes(conn):
    buy = everyday_buy(conn)
    cancel_buy(conn, buy, "商家拒单")
    before = rows_of(conn)
    with pytest.raises(BadInput) as refused:
        make_bags(conn, buy)
    assert refused.value.code == "bags_buy_cancelled"
    assert str(refused.value) == "“周末冷冻团” was cancelled: it has no bags to make."
    assert rows_of(conn) == before


def test_a_buy_with_no_orders_is_refused(conn):
    buy = open_buy(conn)
    arrived(conn, buy)
    with pytest.raises(BadInput) as refused:
        make_bags(conn, buy)
    assert refused.value.code == "bags_no_orders"


def test_an_unknown_buy_and_a_silly_maximum_are_refused(conn):
    with pytest.raises(BadInput) as unknown:
        make_bags(conn, 404)
    assert unknown.value.code == "buy_unknown"
    buy = everyday_buy(conn)
    for silly in (0, -3, "lots", 100_000):
        with pytest.raises(BadInput) as refused:
            make_bags(conn, buy, max_items_per_bag=silly)
        assert refused.value.code == "bags_max_items_invalid"


def test_stopping_half_way_leaves_no_bag_behind(conn):
    buy = everyday_buy(conn)
    before = rows_of(conn)
    calls = []

    def stop_after_two():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        make_bags(conn, buy, should_cancel=stop_after_two)
    assert rows_of(conn) == before
    assert get_buy(conn, buy).status == "arrived"


# ---- void bags of a cancelled buy ------------------------------------------------------------------


def test_the_bags_of_a_buy_cancelled_before_any_handoff_become_void(conn):
    buy = everyday_buy(conn)
    result = make_bags(conn, buy)
    cancel_buy(conn, buy, "冷库断电，货已变质", cause="spoiled")
    assert find_bag(conn, result.bags[0].code).void
    assert all(b.void_reason == "buy_cancelled" for b in list_bags(conn, buy, include_void=True))
    assert list_bags(conn, buy) == []
    # The cancel already voided them all: doing it again finds nothing more to void.
    assert void_bags_of_buy(conn, buy).voided == 0


def test_a_bag_already_picked_up_stays_on_record_when_the_buy_is_cancelled(conn):
    buy = everyday_buy(conn)
    result = make_bags(conn, buy)
    hand_over(conn, result.bags[0].id, "pickup")
    cancel_buy(conn, buy, "商家召回")
    kept = [b for b in list_bags(conn, buy, include_void=True) if b.voided_at is None]
    assert [b.code for b in kept] == [result.bags[0].code]
    assert void_bags_of_buy(conn, buy).handed_over == (result.bags[0].code,)


# ---- the store keeps custody honest ------------------------------------------------------------------


def test_custody_events_and_bags_cannot_be_edited_or_deleted(conn):
    buy = everyday_buy(conn)
    bag = make_bags(conn, buy).bags[0]
    hand_over(conn, bag.id, "gate")
    for statement in ("UPDATE handoff SET operator = 'someone else'", "DELETE FROM handoff",
                      "DELETE FROM bag", f"UPDATE bag SET household_id = 2 WHERE id = {bag.id}",
                      "DELETE FROM bag_line", "UPDATE bag_line SET quantity = 9"):
        with pytest.raises(DatabaseUnusable):
            with transaction(conn):
                conn.execute(statement)


def test_an_undo_needs_a_reason_and_names_what_it_undoes(conn):
    buy = everyday_buy(conn)
    bag = make_bags(conn, buy).bags[0]
    hand_over(conn, bag.id, "pickup")
    with pytest.raises(DatabaseUnusable):
        with transaction(conn):
            conn.execute("INSERT INTO handoff (uuid, station, bag_id, action, at) "
                         "VALUES ('u1', 'gate', :b, 'reversal', '2024-04-02T06:01:00Z')", {"b": bag.id})


def test_a_bag_is_found_by_its_code_with_one_indexed_lookup(conn):
    buy = everyday_buy(conn)
    bag = make_bags(conn, buy).bags[2]
    assert find_bag(conn, bag.code.lower()).id == bag.id
    plan = " ".join(row[3] for row in conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM bag WHERE code = :c", {"c": bag.code}))
    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan
    assert find_bag(conn, "BNOPE0000000000000000") is None


# ---- household cards ---------------------------------------------------------------------------------


def test_a_household_keeps_its_card_code_until_a_lost_card_is_replaced(conn):
    ids = [row[0] for row in conn.execute("SELECT id FROM household ORDER BY id")]
    first = issue_household_codes(conn, ids)
    assert issue_household_codes(conn, ids) == first
    for household_id, code in first.items():
        check = verify(code_keys(conn), code)
        assert (check.verdict, check.kind) == ("genuine", "household")
        assert find_household_by_code(conn, code)["household_id"] == household_id
    new = reissue_household_code(conn, ids[0])
    assert new != first[ids[0]]
    assert find_household_by_code(conn, first[ids[0]])["revoked_at"] is not None


# ---- the command line ----------------------------------------------------------------------------------


@pytest.fixture
def run(capsys):
    def run_command(*args):
        try:
            code = cli.main([str(a) for a in args])
        except SystemExit as stop:  # argparse refusing an argument
            code = stop.code
        out, err = capsys.readouterr()
        return code, out, err

    return run_command


def test_bags_make_prints_every_code_with_its_address_as_json(tmp_path, run):
    db = tmp_path / "c.sqlite"
    conn = compound(tmp_path)
    buy = everyday_buy(conn)
    conn.close()
    code, out, err = run("--db", db, "bags", "make", "--buy", buy, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["bags"] == len(report["codes"]) == 8
    assert report["codes"][0] == {"code": report["codes"][0]["code"], "address": "3-101",
                                  "index": 1, "count": 1}
    assert set(report["codes"][3]) == {"code", "address", "index", "count"}
    code, again, _ = run("--db", db, "bags", "make", "--buy", buy, "--json")
    assert json.loads(again) == report


@pytest.mark.parametrize("args, sentence", [
    (("bags", "make", "--buy", "99"), "There is no group buy number 99"),
    (("bags", "make", "--buy", "1", "--max-items", "0"), "not a number of items per bag"),
    (("bags", "make", "--buy", "x"), "invalid int value"),
])
def test_bags_make_with_bad_input_says_one_sentence_and_exits_2(tmp_path, run, args, sentence):
    conn = compound(tmp_path)
    everyday_buy(conn)
    conn.close()
    before = rows_of_file(tmp_path / "c.sqlite")
    code, out, err = run("--db", tmp_path / "c.sqlite", *args)
    assert code == 2 and out == ""
    assert sentence in err and len(err.strip().splitlines()) == 1
    assert rows_of_file(tmp_path / "c.sqlite") == before


def rows_of_file(path):
    from desktop.db import connect

    conn = connect(path)
    try:
        return rows_of(conn)
    finally:
        conn.close()

