"""The committee's view without a window: who has received nothing, the urgent needs, the money
behind every figure, and the gate naming a household's urgent need when its bag is scanned."""

import json

import pytest

from desktop import gate
from desktop.bags.bags import issue_household_codes
from desktop.buys.group_buys import cancel_buy, confirm_buy
from desktop.buys.payments import record_payment
from desktop.cli import main as cli
from desktop.committee import needs
from desktop.committee.coverage import coverage
from desktop.committee.money import money_report
from desktop.errors import BadInput
from tests.bag_scenes import open_buy, order, rows_of
from tests.committee_scenes import handing_out, neighbourhood


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def week(tmp_path):
    conn, bags = handing_out(tmp_path)
    yield conn, bags
    conn.close()


# ---- coverage ----------------------------------------------------------------------------------


def test_the_households_not_served_in_three_days_vulnerable_first_then_the_longest_without(week):
    conn, _bags = week
    found = coverage(conn, 3)
    # 7-101 picked up today: served. The elderly neighbour alone is first; then those never
    # served in address order (an undone door delivery and a bag only brought to the gate count
    # for nothing); then the one served five days ago.
    assert [h.address for h in found.households] == ["5-1202", "3-101", "12-2-502", "12-301"]
    first, at_gate, undone, long_ago = found.households
    assert first.vulnerable and first.flags == ("elderly_alone",) and first.days_since is None
    assert at_gate.no_smartphone and at_gate.last_handoff_at is None
    assert undone.last_handoff_at is None and undone.delivery == "door"
    assert long_ago.days_since == 5 and long_ago.phone == "13800000001"
    assert (found.vulnerable, found.no_smartphone) == (1, 1)


def test_a_longer_window_leaves_out_the_household_served_within_it(week):
    conn, _bags = week
    assert "12-301" not in [h.address for h in coverage(conn, 7).households]
    assert "12-301" in [h.address for h in coverage(conn, 4).households]


def test_coverage_on_the_command_line_in_the_shape_cli_md_gives(week, capsys):
    conn, _bags = week
    needs.add_need(conn, "3-101", "胰岛素", "high")
    needs.add_need(conn, "3-101", "老花镜", "normal")
    code, out, _err = run(capsys, "--db", conn.path, "report", "coverage", "--json")
    answer = json.loads(out)
    assert code == 0 and answer["days"] == 3
    assert [h["address"] for h in answer["households"]] == ["5-1202", "3-101", "12-2-502", "12-301"]
    second = answer["households"][1]
    assert second["flags"] == ["no_smartphone"] and second["last_handoff_at"] is None
    assert second["days_since"] is None and second["urgent_needs"] == ["胰岛素"]
    code, out, _err = run(capsys, "--db", conn.path, "--lang", "en", "report", "coverage")
    assert code == 0 and out.startswith("4 households received nothing in 3 days · 1 vulnerable")


@pytest.mark.parametrize("days", ["0", "x", "366"])
def test_a_wrong_number_of_days_is_one_sentence(week, capsys, days):
    conn, _bags = week
    code, out, err = run(capsys, "--db", conn.path, "--lang", "en", "report", "coverage", "--days", days)
    assert code == 2 and out == "" and err.count("\n") == 1 and "whole number from 1 to 365" in err


# ---- urgent needs ------------------------------------------------------------------------------


def test_a_need_is_added_sourced_and_met_and_then_stays_closed(week, capsys):
    conn, _bags = week
    code, out, _err = run(capsys, "--db", conn.path, "needs", "add", "--address", "3号楼101",
                          "--what", "胰岛素 诺和灵", "--urgency", "high", "--json")
    need_id = json.loads(out)["need_id"]
    assert code == 0
    code, out, _err = run(capsys, "--db", conn.path, "needs", "update", str(need_id),
                          "--who", "社区医生王医生", "--note", "药房周三到货")
    assert code == 0
    need = needs.get_need(conn, need_id)
    assert (need.status, need.sourcing_by, need.notes) == ("sourcing", "社区医生王医生", "药房周三到货")
    code, out, _err = run(capsys, "--db", conn.path, "needs", "list", "--open", "--json")
    listed = json.loads(out)["needs"]
    assert [(n["id"], n["address"], n["what"], n["urgency"], n["status"]) for n in listed] == [
        (need_id, "3-101", "胰岛素 诺和灵", "high", "sourcing")]
    assert listed[0]["closed_at"] is None
    code, out, _err = run(capsys, "--db", conn.path, "needs", "close", str(need_id), "--outcome", "met")
    assert code == 0 and needs.get_need(conn, need_id).closed_at is not None
    code, out, _err = run(capsys, "--db", conn.path, "needs", "list", "--open", "--json")
    assert json.loads(out) == {"needs": []}


@pytest.mark.parametrize("argv, words", [
    (["add", "--address", "99-999", "--what", "奶粉"], "No household at 99-999"),
    (["add", "--address", "3-101", "--what", "   "], "Say what is needed"),
    (["add", "--address", "3-101", "--what", "奶粉", "--urgency", "asap"], "high or normal"),
    (["close", "1", "--outcome", "met"], "already closed as met"),
    (["close", "1", "--outcome", "done"], "met or cancelled"),
    (["update", "1", "--who", "小王"], "already closed as met"),
    (["update", "77", "--who", "小王"], "no need number 77"),
    (["update", "abc", "--who", "小王"], "no need number abc"),
    (["update", "2", "--status", "met"], "close it with met or cancelled"),
])
def test_bad_needs_are_refused_in_one_sentence_and_change_nothing(week, capsys, argv, words):
    conn, _bags = week
    closed = needs.add_need(conn, "3-101", "胰岛素", "high")
    needs.close_need(conn, closed, "met")
    needs.add_need(conn, "5-1202", "降压药", "normal")
    before = rows_of(conn)
    code, out, err = run(capsys, "--db", conn.path, "--lang", "en", "needs", *argv)
    assert code == 2 and out == "" and words in err and err.count("\n") == 1
    assert rows_of(conn) == before


def test_the_gate_names_a_households_urgent_need_when_its_bag_or_card_is_scanned(week, capsys):
    conn, bags = week
    needs.add_need(conn, "5-1202", "胰岛素", "high")
    needs.add_need(conn, "5-1202", "报纸", "normal")
    met = needs.add_need(conn, "5-1202", "体温计", "high")
    needs.close_need(conn, met, "met")
    answer = gate.scan(conn, bags["5-1202"][0].code)
    assert answer.verdict == "ok" and answer.urgent_needs == ("胰岛素",)
    assert gate.scan(conn, bags["3-101"][0].code).urgent_needs == ()
    code, out, _err = run(capsys, "--db", conn.path, "scan", bags["5-1202"][0].code, "--json")
    assert json.loads(out)["urgent_needs"] == ["胰岛素"]
    household = bags["5-1202"][0].household_id
    card = issue_household_codes(conn, [household])[household]
    answer = gate.scan(conn, card)
    assert answer.verdict == "household" and answer.urgent_needs == ("胰岛素",)


# ---- money -------------------------------------------------------------------------------------


@pytest.fixture
def ledger(tmp_path):
    """A confirmed buy paid by WeChat and cash with one overpayment, and a cancelled buy whose
    money is owed back."""
    conn = neighbourhood(tmp_path)
    rice = open_buy(conn, "大米团")
    first = order(conn, rice, "12-301", 东北大米=1)  # 79.00
    second = order(conn, rice, "3-101", 东北大米=2)  # 158.00
    record_payment(conn, first, 7900, "wechat")
    record_payment(conn, second, 20000, "cash")
    record_payment(conn, second, -2000, "cash")  # 20.00 of the 42.00 overpaid went back
    from desktop.buys.group_buys import close_buy
    close_buy(conn, rice)
    confirm_buy(conn, rice)
    eggs = open_buy(conn, "鸡蛋团")
    third = order(conn, eggs, "5-1202", 酱油=2)
    record_payment(conn, third, 1800, "alipay")
    cancel_buy(conn, eggs, "商家没货")
    yield conn, rice, eggs
    conn.close()


def test_money_per_buy_and_overall_each_figure_adds_up_its_rows(ledger):
    conn, rice, eggs = ledger
    report = money_report(conn)
    assert report.collected_by_method == {"wechat": 7900, "cash": 20000, "alipay": 1800}
    assert (report.collected_fen, report.refunded_fen) == (29700, 2000)
    assert report.refunds_owed_fen == 2200 + 1800
    assert report.owed_to_suppliers_fen == 7900 + 15800
    assert report.balance_fen == 29700 - 2000 - 4000 - 23700
    assert sum(line.amount_fen for line in report.rows_behind("collected")) == report.collected_fen
    assert -sum(line.amount_fen for line in report.rows_behind("refunded")) == report.refunded_fen
    owed = report.rows_behind("refunds_owed")
    assert sorted((r.address, r.amount_fen, r.buy) for r in owed) == [
        ("3-101", 2200, "大米团"), ("5-1202", 1800, "鸡蛋团")]
    assert [(b.title, b.owed_to_supplier_fen) for b in report.rows_behind("owed_to_suppliers")] == [
        ("大米团", 23700)]
    one = money_report(conn, eggs)
    assert (one.collected_fen, one.refunds_owed_fen, one.owed_to_suppliers_fen, one.balance_fen) == (
        1800, 1800, 0, 0)


def test_a_free_distribution_takes_no_line_in_the_overall_money(ledger):
    from desktop.buys.distributions import new_distribution, parse_gift

    conn, rice, eggs = ledger
    pack = new_distribution(conn, "政府保供包", "街道办", [parse_gift("米 5 kg=1")])
    overall = money_report(conn)
    assert {b.title for b in overall.buys} == {"鸡蛋团", "大米团"}
    assert money_report(conn, pack.distribution_id).collected_fen == 0  # asked for by itself, shown


def test_money_on_the_command_line_and_an_unknown_buy(ledger, capsys):
    conn, rice, _eggs = ledger
    code, out, _err = run(capsys, "--db", conn.path, "report", "money", "--json")
    answer = json.loads(out)
    assert code == 0
    assert {k: answer[k] for k in ("collected_fen", "refunded_fen", "refunds_owed_fen",
                                   "owed_to_suppliers_fen", "balance_fen")} == {
        "collected_fen": 29700, "refunded_fen": 2000, "refunds_owed_fen": 4000,
        "owed_to_suppliers_fen": 23700, "balance_fen": 0}
    code, out, err = run(capsys, "--db", conn.path, "--lang", "en", "report", "money", "--buy", "99")
    assert code == 2 and out == "" and err.count("\n") == 1


def test_a_need_with_no_change_asked_for_is_refused(week):
    conn, _bags = week
    need = needs.add_need(conn, "3-101", "奶粉")
    with pytest.raises(BadInput) as refused:
        needs.update_need(conn, need)
    assert refused.value.code == "need_nothing_to_change"
