"""Free distributions from the command line as a committee runs them: a supply pack for every
household from the truck to the gate, formula for the families with infants, lists of addresses,
and every wrong input refused in one sentence with nothing changed."""

import json

import pytest

from desktop.buys.distributions import (
    choose_recipients,
    count_recipients,
    distribution_details,
    list_distributions,
    new_distribution,
    on_its_way,
    parse_gift,
)
from desktop.buys.payments import buy_money, buy_totals, record_payment
from desktop.cli.main import main
from desktop.db import connect
from desktop.errors import BadInput
from desktop.lang import set_language
from desktop.roster.households import HouseholdFields, find_household, update_household
from tests.buys_scenes import NEIGHBOURS, compound, snapshot
from tests.test_printing import pages_of, read_codes, text_of


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language(None)


@pytest.fixture
def db(tmp_path):
    compound(tmp_path).close()
    return tmp_path / "c.sqlite"


SUPPLY_PACK = ["--item", "米 5 kg=1", "--item", "油 1 L=1", "--item", "蔬菜包=1"]


def announce(capsys, db, *more):
    code, out, err = run(capsys, "--db", db, "distributions", "new", "--title", "保供包",
                         "--donor", "街道", *SUPPLY_PACK, "--json", *more)
    assert code == 0, err
    return json.loads(out)


def test_a_supply_pack_for_every_household_goes_from_the_truck_to_the_gate(db, capsys, tmp_path):
    made = announce(capsys, db)
    assert made["recipients"] == len(NEIGHBOURS)
    pack = made["distribution_id"]

    code, out, _ = run(capsys, "--db", db, "distributions", "show", pack, "--json")
    shown = json.loads(out)
    assert shown["donor"] == "街道" and shown["status"] == "confirmed"
    assert shown["items"][0] == {"name": "米 5 kg", "per_recipient": 1, "needed": 6, "received": None}
    assert sorted(r["address"] for r in shown["recipients"]) == sorted(n[0] for n in NEIGHBOURS)

    code, out, err = run(capsys, "--db", db, "distributions", "arrival", pack,
                         "--received", "米 5 kg=6", "--received", "油 1 L=6", "--received", "蔬菜包=6",
                         "--json")
    assert code == 0, err
    assert {a["allocated"] for a in json.loads(out)["allocations"]} == {1}
    assert json.loads(out)["refunds"] == []

    code, out, err = run(capsys, "--db", db, "bags", "make", "--distribution", pack, "--json")
    assert code == 0, err
    bags = json.loads(out)
    assert bags["bags"] == 6

    labels = tmp_path / "labels.pdf"
    code, _, err = run(capsys, "--db", db, "print", "labels", "--distribution", pack,
                       "--stock", "thermal-60x40", "-o", labels)
    assert code == 0, err
    first = pages_of(labels)[0]
    assert "免费" in text_of(first) and "¥" not in text_of(first)
    (scanned, *_), = read_codes(first)

    code, out, _ = run(capsys, "--db", db, "scan", scanned, "--record", "pickup", "--operator", "王",
                       "--json")
    verdict = json.loads(out)
    assert code == 0 and verdict["verdict"] == "ok" and verdict["recorded"] is True
    assert verdict["bag"]["buy"] == "保供包"
    code, out, _ = run(capsys, "--db", db, "scan", scanned, "--json")
    assert json.loads(out)["verdict"] == "already_handed_over"

    sheet = tmp_path / "pickup.pdf"
    code, _, err = run(capsys, "--db", db, "print", "pickup", "--distribution", pack, "-o", sheet)
    assert code == 0, err
    text = text_of(pages_of(sheet)[0])
    assert "免费" in text and "还欠" not in text and "owes" not in text


def test_formula_reaches_only_the_households_with_an_infant(db, capsys):
    made = json.loads(run(capsys, "--db", db, "distributions", "new", "--title", "奶粉",
                          "--donor", "红十字会", "--item", "婴儿奶粉=2", "--to", "flag:infant",
                          "--json")[1])
    assert made["recipients"] == 1
    shown = json.loads(run(capsys, "--db", db, "distributions", "show", made["distribution_id"],
                           "--json")[1])
    assert shown["recipients"] == [
        {"address": "3-1701", "lines": [{"item": "婴儿奶粉", "quantity": 2, "allocated": None}]}]


def test_one_pack_per_person_multiplies_by_the_people_living_there(tmp_path):
    conn = compound(tmp_path)
    household = find_household(conn, "12-301")
    update_household(conn, household.id, HouseholdFields(address="12-301", name="张三",
                                                         phone="13800000001", people=4))
    result = new_distribution(conn, "口罩", "某公司", [parse_gift("口罩=5")], per="person")
    lines = {r.address: r.lines[0].quantity for r in distribution_details(conn, result.distribution_id).recipients}
    assert lines["12-301"] == 20
    assert lines["9-101"] == 5 * find_household(conn, "9-101").people
    assert count_recipients(conn, "all", "person")[1] == sum(
        h.people for h in choose_recipients(conn).households)


def test_a_list_file_of_addresses_in_any_form_chooses_those_households(db, capsys, tmp_path):
    listed = tmp_path / "list.txt"
    listed.write_text("# 楼长名单\n12号楼301\n\n５-1202\n12-301\n", encoding="utf-8")
    made = announce(capsys, db, "--to", f"list:{listed}")
    assert made["recipients"] == 2


@pytest.mark.parametrize(("args", "sentence"), [
    (["--to", "flag:pregnant"], "No active household has the flag pregnant"),
    (["--to", "flag:tall"], "is not a household flag"),
    (["--item", "牛奶=0"], "0 is not a quantity"),
    (["--item", "牛奶=-2"], "-2 is not a quantity"),
    (["--per", "person", "--to", "sometimes"], "is not a choice of recipients"),
])
def test_a_distribution_refused_says_why_in_one_sentence_and_changes_nothing(db, capsys, args, sentence):
    with connect(db) as conn:
        before = snapshot(conn)
    code, out, err = run(capsys, "--db", db, "distributions", "new", "--title", "x", "--donor", "y",
                         "--item", "米=1", *args)
    assert code == 2 and out == ""
    assert sentence in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    with connect(db) as conn:
        assert snapshot(conn) == before


def test_a_list_with_an_unknown_address_names_its_line_and_changes_nothing(db, capsys, tmp_path):
    listed = tmp_path / "list.txt"
    listed.write_text("12-301\n\n99-909\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("# nobody yet\n\n", encoding="utf-8")
    with connect(db) as conn:
        before = snapshot(conn)
    code, _, err = run(capsys, "--db", db, "distributions", "new", "--title", "x", "--donor", "y",
                       "--item", "米=1", "--to", f"list:{listed}")
    assert code == 2 and "Line 3 of the list, 99-909" in err
    code, _, err = run(capsys, "--db", db, "distributions", "new", "--title", "x", "--donor", "y",
                       "--item", "米=1", "--to", f"list:{empty}")
    assert code == 2 and "Nobody is selected" in err
    with connect(db) as conn:
        assert snapshot(conn) == before


def test_more_than_needed_is_recorded_and_shown_as_stock_left(db, capsys):
    pack = announce(capsys, db)["distribution_id"]
    code, out, err = run(capsys, "--db", db, "distributions", "arrival", pack, "--received", "油 1 L=10")
    assert code == 0, err
    assert "油 1 L: 4 left over" in out
    shown = json.loads(run(capsys, "--db", db, "distributions", "show", pack, "--json")[1])
    oil = next(i for i in shown["items"] if i["name"] == "油 1 L")
    assert oil["received"] == 10 and oil["needed"] == 6
    assert all(line["allocated"] == line["quantity"] for r in shown["recipients"] for line in r["lines"])


def test_a_short_arrival_serves_the_vulnerable_first_and_previews_before_saving(db, capsys):
    pack = announce(capsys, db)["distribution_id"]
    code, out, _ = run(capsys, "--db", db, "distributions", "arrival", pack, "--received", "米 5 kg=2",
                       "--preview", "--json")
    given = {a["address"] for a in json.loads(out)["allocations"]
             if a["item"] == "米 5 kg" and a["allocated"]}
    assert given == {"5-1202", "3-1701"}
    shown = json.loads(run(capsys, "--db", db, "distributions", "show", pack, "--json")[1])
    assert shown["status"] == "confirmed" and shown["items"][0]["received"] is None


def test_a_free_distribution_owes_nothing_and_takes_no_payment(tmp_path):
    conn = compound(tmp_path)
    result = new_distribution(conn, "保供包", "街道", [parse_gift("米=1")])
    assert buy_totals(conn, result.distribution_id).due_fen == 0
    order_id = next(iter(buy_money(conn, result.distribution_id)))
    with pytest.raises(BadInput) as refused:
        record_payment(conn, order_id, 500, "cash")
    assert refused.value.code == "payment_on_free"


def test_a_buy_is_not_a_distribution_and_a_distribution_is_listed_until_its_bags_are_out(db, capsys):
    code, out, _ = run(capsys, "--db", db, "buys", "new", "--title", "菜", "--supplier", "店",
                       "--item", "菜=3", "--json")
    buy_id = json.loads(out)["buy_id"]
    code, _, err = run(capsys, "--db", db, "distributions", "show", buy_id, "--json")
    assert code == 2 and "no distribution number" in err
    pack = announce(capsys, db)["distribution_id"]
    listed = json.loads(run(capsys, "--db", db, "distributions", "list", "--json")[1])
    assert [d["id"] for d in listed["distributions"]] == [pack]
    with connect(db) as conn:
        assert [on_its_way(s) for s in list_distributions(conn)] == [True]


def test_a_roster_whose_flags_are_written_in_many_ways_gives_a_distribution_by_flag(tmp_path):
    """A compound's own spreadsheet: 特殊情况 written as its volunteers wrote it."""
    from desktop.buys.distributions import distribution_details, new_distribution, parse_gift
    from desktop.db import connect
    from desktop.roster.roster_io import import_roster

    roster = tmp_path / "roster.csv"
    roster.write_text(
        "楼号,房号,户主,联系电话,人数,特殊情况\n"
        "40号楼,101,新手妈妈,13900001111,3,家有婴儿\n"
        "40号楼,102,小宝家,13900001112,3,Infant\n"
        "40号楼,103,宝宝家,13900001113,4,婴儿；慢性病\n"
        "41栋,201,孤老,13900001114,1,孤寡老人\n"
        "41栋,202,陈伯,13900001115,1,\"elderly alone, no smartphone\"\n"
        "41栋,203,普通户,13900001116,2,\n", encoding="utf-8-sig")
    conn = connect(tmp_path / "fresh.sqlite")
    import_roster(conn, roster)
    formula = new_distribution(conn, "奶粉", "红十字会", [parse_gift("奶粉=2")], to="flag:infant")
    assert sorted(r.address for r in distribution_details(conn, formula.distribution_id).recipients) == [
        "40-101", "40-102", "40-103"]
    meals = new_distribution(conn, "送餐", "街道", [parse_gift("盒饭=1")], to="flag:elderly_alone")
    assert sorted(r.address for r in distribution_details(conn, meals.distribution_id).recipients) == [
        "41-201", "41-202"]


def test_a_short_supply_pack_on_the_pickup_sheet_says_what_was_to_give_not_what_was_ordered(
        db, capsys, tmp_path):
    made = json.loads(run(capsys, "--db", db, "distributions", "new", "--title", "保供包",
                          "--donor", "街道", *SUPPLY_PACK, "--json")[1])
    pack = made["distribution_id"]
    code, _, err = run(capsys, "--db", db, "distributions", "arrival", pack, "--received",
                       "米 5 kg=4", "--received", "油 1 L=6", "--received", "蔬菜包=6")
    assert code == 0, err
    assert run(capsys, "--db", db, "bags", "make", "--distribution", pack)[0] == 0
    sheet = tmp_path / "pickup.pdf"
    assert run(capsys, "--db", db, "print", "pickup", "--distribution", pack, "-o", sheet)[0] == 0
    text = text_of(pages_of(sheet)[0]).replace("\r\n", "")
    assert "应发 1 件，实发 0 件" in text and "订 3 件" not in text
    assert "米 5 kg 1→0" in text
