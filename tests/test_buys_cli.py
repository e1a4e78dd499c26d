"""The group buy commands as scripts and support people use them: CLI.md's JSON shapes, exit codes."""

import json
import sqlite3

import pytest

from desktop.cli.main import main
from desktop.lang import set_language
from tests.buys_scenes import JIELONG_SAMPLE, KTT_SAMPLE, compound


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path):
    compound(tmp_path).close()
    return tmp_path / "c.sqlite"


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language(None)


def new_dumpling_buy(capsys, db, *more):
    code, out, err = run(capsys, "--db", db, "buys", "new", "--title", "冷冻饺子团", "--supplier",
                         "某食品店", "--item", "冷冻饺子=32:frozen", "--item", "鸡翅中=58.5:chilled",
                         "--minimum", "30", "--deadline", "2022-04-20T20:00", "--json", *more)
    assert code == 0, err
    return json.loads(out)["buy_id"], err


def test_a_buy_goes_from_opening_to_a_short_arrival_with_the_money_adding_up(db, capsys):
    buy_id, warning = new_dumpling_buy(capsys, db)
    assert "never delivered here" in warning
    orders = {}
    for address, items in (("12-301", ["冷冻饺子=2", "鸡翅中=1"]), ("5-1202", ["冷冻饺子=2"]),
                           ("18-1101", ["冷冻饺子=2"])):
        argv = ["--db", db, "buys", "order", buy_id, "--address", address, "--json"]
        for item in items:
            argv += ["--item", item]
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert set(json.loads(out)) == {"order_id"}
        orders[address] = json.loads(out)["order_id"]
    for address, fen in (("12-301", 12250), ("5-1202", 6400), ("18-1101", 3000)):
        code, out, _ = run(capsys, "--db", db, "pay", orders[address], "--fen", fen, "--method",
                           "wechat", "--ref", "4200001", "--json")
        assert code == 0
    assert json.loads(out) == {"payment_id": 3, "order_id": orders["18-1101"], "due_fen": 6400,
                               "paid_fen": 3000, "refund_due_fen": 0}

    code, out, _ = run(capsys, "--db", db, "buys", "arrival", buy_id, "--received", "冷冻饺子=4",
                       "--json")
    assert code == 0
    result = json.loads(out)
    assert result["allocations"] == [  # 5-1202 is elderly and alone: served first
        {"address": "5-1202", "item": "冷冻饺子", "ordered": 2, "allocated": 2},
        {"address": "12-301", "item": "冷冻饺子", "ordered": 2, "allocated": 2},
        {"address": "18-1101", "item": "冷冻饺子", "ordered": 2, "allocated": 0},
        {"address": "12-301", "item": "鸡翅中", "ordered": 1, "allocated": 1},
    ]
    assert result["refunds"] == [{"address": "18-1101", "amount_fen": 3000}]

    code, out, _ = run(capsys, "--db", db, "buys", "show", buy_id, "--json")
    shown = json.loads(out)
    assert shown["status"] == "arrived" and shown["supplier"] == "某食品店"
    assert shown["items"] == [
        {"name": "冷冻饺子", "unit_price_fen": 3200, "storage": "frozen", "ordered": 6, "received": 4},
        {"name": "鸡翅中", "unit_price_fen": 5850, "storage": "chilled", "ordered": 1, "received": 1},
    ]
    assert [o["address"] for o in shown["orders"]] == ["5-1202", "12-301", "18-1101"]
    assert shown["orders"][1] == {
        "order_id": orders["12-301"], "address": "12-301", "platform_ref": None,
        "lines": [{"item": "冷冻饺子", "quantity": 2, "allocated": 2},
                  {"item": "鸡翅中", "quantity": 1, "allocated": 1}],
        "fee_fen": 0, "due_fen": 12250, "paid_fen": 12250, "refund_due_fen": 0,
    }
    assert set(shown) == {"id", "title", "status", "supplier", "items", "orders", "households"}

    code, out, _ = run(capsys, "--db", db, "buys", "list", "--json")
    (listed,) = json.loads(out)["buys"]
    assert listed["id"] == buy_id and listed["status"] == "arrived" and listed["minimum"] == 30
    assert listed["collected_fen"] == 12250 + 6400 + 3000


def test_bad_input_is_one_sentence_on_stderr_exit_2_and_nothing_changed(db, capsys):
    buy_id, _ = new_dumpling_buy(capsys, db)
    run(capsys, "--db", db, "buys", "order", buy_id, "--address", "12-301", "--item", "冷冻饺子=1")
    before = sqlite3.connect(db).execute("SELECT count(*), sum(quantity) FROM order_line").fetchone()
    cases = [
        (["buys", "order", buy_id, "--address", "12-301", "--item", "冷冻饺子=0"], "冷冻饺子"),
        (["buys", "order", buy_id, "--address", "12-301", "--item", "冷冻饺子=-1"], "冷冻饺子"),
        (["buys", "order", buy_id, "--address", "12-301", "--item", "饺子=1"], "饺子"),
        (["buys", "order", buy_id, "--address", "99-101", "--item", "冷冻饺子=1"], "99-101"),
        (["buys", "order", buy_id, "--address", "12-301", "--item", "冷冻饺子"], "NAME=QTY"),
        (["buys", "order", 99, "--address", "12-301", "--item", "冷冻饺子=1"], "99"),
        (["buys", "new", "--title", "x", "--supplier", "s", "--item", "米=-3"], "negative"),
        (["buys", "new", "--title", "x", "--supplier", "s", "--item", "米=abc"], "not a price"),
        (["buys", "new", "--title", "x", "--supplier", "s", "--item", "米=3", "--deadline", "soon"],
         "deadline"),
        (["pay", 1, "--fen", "12.5", "--method", "cash"], "fen"),
        (["pay", 1, "--fen", "0", "--method", "cash"], "nothing"),
        (["pay", 77, "--fen", "100", "--method", "cash"], "77"),
        (["buys", "arrival", buy_id, "--received", "冷冻饺子=-2"], "冷冻饺子"),
        (["buys", "cancel", buy_id, "--reason", " "], "why"),
    ]
    for argv, named in cases:
        code, out, err = run(capsys, "--db", db, *argv)
        assert code == 2, argv
        assert err.count("\n") == 1 and "Traceback" not in err, err
        assert named in err, (argv, err)
    after = sqlite3.connect(db).execute("SELECT count(*), sum(quantity) FROM order_line").fetchone()
    assert after == before
    assert sqlite3.connect(db).execute("SELECT count(*) FROM group_buy").fetchone()[0] == 1


def test_a_cancelled_buy_lists_the_refunds_and_refuses_payments_and_arrivals(db, capsys):
    buy_id, _ = new_dumpling_buy(capsys, db)
    _, out, _ = run(capsys, "--db", db, "buys", "order", buy_id, "--address", "12-301", "--item",
                    "冷冻饺子=2", "--json")
    order = json.loads(out)["order_id"]
    run(capsys, "--db", db, "pay", order, "--fen", "6400", "--method", "alipay")
    code, out, _ = run(capsys, "--db", db, "buys", "cancel", buy_id, "--reason", "商家拒单", "--json")
    assert code == 0
    assert json.loads(out) == {"status": "cancelled",
                               "refunds": [{"address": "12-301", "amount_fen": 6400}]}
    code, _, err = run(capsys, "--db", db, "pay", order, "--fen", "100", "--method", "cash")
    assert code == 2 and "cancelled" in err
    code, _, err = run(capsys, "--db", db, "buys", "arrival", buy_id, "--received", "冷冻饺子=2")
    assert code == 2 and "cancelled" in err
    code, out, _ = run(capsys, "--db", db, "pay", order, "--fen", "-6400", "--method", "alipay",
                       "--json")
    assert code == 0 and json.loads(out)["refund_due_fen"] == 0
    _, warning = new_dumpling_buy(capsys, db)
    assert "turned down 1" in warning


def test_a_kuaituantuan_export_imports_once_and_the_second_time_changes_nothing(db, capsys):
    code, out, err = run(capsys, "--db", db, "buys", "import", KTT_SAMPLE, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert set(result) == {"buy_id", "title", "organiser", "supplier", "orders", "households_matched",
                           "households_created", "new_households", "items", "warnings"}
    assert result["title"] == "冷冻食品团购 30份起送" and result["orders"] == 25
    assert result["items"][0] == {"name": "鸡翅中(1kg)", "unit_price_fen": 5850, "quantity": 27,
                                  "storage": "frozen"}
    assert (result["organiser"], result["supplier"]) == ("团长甲", None)
    assert len(result["new_households"]) == result["households_created"] == 25
    assert len(result["warnings"]) == 1 and "supplier" in result["warnings"][0]
    before = sqlite3.connect(db).execute(
        "SELECT (SELECT count(*) FROM payment), (SELECT count(*) FROM household)").fetchone()
    code, out, _ = run(capsys, "--db", db, "buys", "import", KTT_SAMPLE, "--json")
    again = json.loads(out)
    assert again["buy_id"] == result["buy_id"] and again["households_created"] == 0
    assert again["households_matched"] == result["households_matched"] + result["households_created"]
    after = sqlite3.connect(db).execute(
        "SELECT (SELECT count(*) FROM payment), (SELECT count(*) FROM household)").fetchone()
    assert after == before


def test_importing_something_that_is_not_an_export_names_the_problem(db, capsys, tmp_path):
    path = tmp_path / "orders.xlsx"
    path.write_text("跟团号,商品\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "buys", "import", path, "--json")
    assert (code, out) == (2, "")
    assert "not an Excel (.xlsx) file" in err


def test_a_pasted_jielong_list_reports_orders_and_every_line_not_understood(db, capsys, tmp_path):
    buy_id, _ = new_dumpling_buy(capsys, db)
    single = json.loads(run(capsys, "--db", db, "buys", "new", "--title", "燕麦奶团", "--supplier",
                            "万家乳业", "--item", "燕麦奶=68", "--json")[1])["buy_id"]
    code, out, err = run(capsys, "--db", db, "buys", "chain", JIELONG_SAMPLE, "--buy", single,
                         "--json")
    assert code == 0, err
    assert json.loads(out) == {"orders": 5, "households_added": 0, "unmatched": [], "warnings": []}
    listing = tmp_path / "list.txt"
    listing.write_text("#接龙\n冷冻饺子团\n1. 12-301 张 饺子2袋\n2. 99-101 王 饺子1袋\n加油！\n"
                       "3. 12-301 张 饺子3袋\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "buys", "chain", listing, "--buy", buy_id, "--json")
    result = json.loads(out)
    assert result["orders"] == 1
    assert [(u["line"], u["text"]) for u in result["unmatched"]] == [
        (4, "2. 99-101 王 饺子1袋"), (5, "加油！")]
    assert all(u["reason"] for u in result["unmatched"])
    assert len(result["warnings"]) == 1 and "12-301" in result["warnings"][0]
    listing.write_text("#接龙\n没有订单\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "buys", "chain", listing, "--buy", buy_id)
    assert code == 2 and "No order line" in err


def test_human_output_speaks_the_users_language(db, capsys):
    set_language("zh")
    code, out, err = run(capsys, "--db", db, "buys", "new", "--title", "鸡蛋团", "--supplier",
                         "鲜蛋直供", "--item", "土鸡蛋=45")
    assert code == 0 and "已开团" in out and "注意" in err
    code, out, _ = run(capsys, "--db", db, "buys", "list")
    assert "鸡蛋团" in out and "接单中" in out
    code, _, err = run(capsys, "--db", db, "buys", "order", "1", "--address", "12-301", "--item",
                       "土鸡蛋=0")
    assert code == 2 and "数量" in err


def test_the_supplier_order_sheet_can_be_written_from_the_command_line(db, capsys, tmp_path):
    buy_id, _ = new_dumpling_buy(capsys, db)
    run(capsys, "--db", db, "buys", "order", buy_id, "--address", "12-301", "--item", "冷冻饺子=2")
    code, out, _ = run(capsys, "--db", db, "buys", "sheet", buy_id, tmp_path / "sheet.csv", "--json")
    assert code == 0
    text = (tmp_path / "sheet.csv").read_text(encoding="utf-8-sig")
    assert "冷冻饺子" in text and json.loads(out)["path"].endswith("sheet.csv")


def test_the_demo_compound_has_group_buys_in_every_status(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    code, _, err = run(capsys, "--db", db, "demo", "--households", "120", "--seed", "5")
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "buys", "list", "--json")
    buys = json.loads(out)["buys"]
    statuses = {b["status"] for b in buys}
    assert {"draft", "open", "closed", "confirmed", "arrived", "cancelled", "settled"} <= statuses
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM supplier").fetchone()[0] >= 4
    assert conn.execute("SELECT count(*) FROM supplier_event WHERE kind = 'turned_down'").fetchone()[0]
    arrived = next(b for b in buys if b["status"] == "arrived")
    code, out, _ = run(capsys, "--db", db, "buys", "show", arrived["id"], "--json")
    shown = json.loads(out)
    assert shown["items"][0]["received"] < shown["items"][0]["ordered"]
    assert any(o["refund_due_fen"] for o in shown["orders"])
    cancelled = next(b for b in buys if b["status"] == "cancelled")
    _, out, _ = run(capsys, "--db", db, "buys", "show", cancelled["id"], "--json")
    assert any(o["refund_due_fen"] for o in json.loads(out)["orders"])
    opened = next(b for b in buys if b["status"] == "open")
    _, out, _ = run(capsys, "--db", db, "buys", "show", opened["id"], "--json")
    orders = json.loads(out)["orders"]
    assert any(o["paid_fen"] == 0 for o in orders) and any(o["paid_fen"] for o in orders)
    code, out, _ = run(capsys, "--db", db, "check", "--json")
    assert json.loads(out)["buys"] == len(buys)
