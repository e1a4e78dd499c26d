"""Imports are held to the rules of an order taken at the table and of a payment recorded by hand:
an import that breaks one is refused with the rule's own sentence, and nothing is written."""

import pytest

from desktop.buys.group_buys import get_buy, list_items
from desktop.buys.jielong import import_chain
from desktop.buys.ktt import import_export
from desktop.buys.orders import find_table_order, save_household_order
from desktop.buys.payments import list_payments, record_payment
from desktop.errors import BadInput
from desktop.words import describe
from tests.buys_scenes import KTT_HEADER, compound, dumpling_buy, ktt_order, snapshot, write_ktt

DUMPLINGS = ("冷冻饺子(1kg袋装)", "1kg袋装")


@pytest.fixture
def conn(tmp_path):
    conn = compound(tmp_path)
    yield conn
    conn.close()


def refused(conn, path) -> BadInput:
    before = snapshot(conn)
    with pytest.raises(BadInput) as caught:
        import_export(conn, path)
    assert snapshot(conn) == before
    return caught.value


def test_an_export_refunding_more_than_an_order_paid_is_refused_with_the_refund_rule(conn, tmp_path):
    orders = [ktt_order(1, "张三", "13800000001", "样例小区12号楼301", [(*DUMPLINGS, 1, 32)],
                        building="12", room="301", paid=32, refund=50)]
    error = refused(conn, write_ktt(tmp_path / "e.xlsx", orders))
    assert error.code == "refund_more_than_paid"
    # paid 32 on the platform and refunded 50 there: a refund of 18 with nothing yet paid
    assert describe(error, "en") == ("A refund of ¥18.00 is more than the ¥0.00 paid for this "
                                     "order: refund at most ¥0.00.")


def test_a_platform_refund_of_money_already_refunded_by_hand_is_refused(conn, tmp_path):
    first = [ktt_order(1, "张三", "13800000001", "样例小区12号楼301", [(*DUMPLINGS, 1, 32)],
                       building="12", room="301")]
    buy_id = import_export(conn, write_ktt(tmp_path / "first.xlsx", first)).buy_id
    (order,) = conn.execute("SELECT id FROM buy_order").fetchall()
    record_payment(conn, order["id"], -3200, "wechat", reference="refunded in the chat")
    later = [ktt_order(1, "张三", "13800000001", "样例小区12号楼301", [(*DUMPLINGS, 1, 32)],
                       building="12", room="301", refund=32)]
    error = refused(conn, write_ktt(tmp_path / "later.xlsx", later))
    assert error.code == "refund_more_than_paid" and "¥32.00" in describe(error, "en")
    assert sum(p.amount_fen for p in list_payments(conn, buy_id=buy_id)) == 0


def test_an_order_amount_beyond_any_payment_is_refused_with_the_payment_limit(conn, tmp_path):
    orders = [ktt_order(1, "张三", "13800000001", "样例小区12号楼301", [(*DUMPLINGS, 1, 32)],
                        building="12", room="301", paid=2_000_000)]
    error = refused(conn, write_ktt(tmp_path / "e.xlsx", orders))
    assert error.code == "payment_too_large"
    assert describe(error, "en").startswith("¥2,000,000.00 is more than any order costs")


def test_money_kept_for_an_order_cancelled_on_the_platform_is_refused_naming_its_number(conn, tmp_path):
    rows = ktt_order(7, "张三", "13800000001", "样例小区12号楼301", [(*DUMPLINGS, 1, 32)],
                     building="12", room="301")
    rows[0]["订单状态"] = "已取消"
    error = refused(conn, write_ktt(tmp_path / "e.xlsx", [rows], header=[*KTT_HEADER, "订单状态"]))
    assert error.code == "payment_on_cancelled_order"
    assert describe(error, "en").startswith("Order 7 was cancelled")


def test_a_quantity_nobody_orders_is_refused_naming_the_item(conn, tmp_path):
    orders = [ktt_order(1, "张三", "13800000001", "样例小区12号楼301", [(*DUMPLINGS, 12000, 384000)],
                        building="12", room="301")]
    error = refused(conn, write_ktt(tmp_path / "e.xlsx", orders))
    assert error.code == "quantity_too_large"
    assert "冷冻饺子(1kg袋装)" in describe(error, "zh") and "12000" in describe(error, "zh")


def test_a_cancelled_and_refunded_platform_order_is_still_imported(conn, tmp_path):
    orders = [ktt_order(1, "张三", "13800000001", "样例小区12号楼301", [(*DUMPLINGS, 1, 32)],
                        building="12", room="301", refund=32)]
    result = import_export(conn, write_ktt(tmp_path / "e.xlsx", orders))
    assert result.added == 1
    assert list_payments(conn, buy_id=result.buy_id) == []
    (order,) = conn.execute("SELECT cancelled_at FROM buy_order").fetchall()
    assert order["cancelled_at"] is not None


def test_the_door_a_chain_list_saves_through_refuses_an_order_over_the_cap(conn):
    buy_id = dumpling_buy(conn, cap=2)
    import_chain(conn, buy_id, "#接龙\n1. 12-301 张三 冷冻饺子2 鸡翅中1\n")
    household = conn.execute("SELECT id FROM household WHERE address = '12-301'").fetchone()["id"]
    dumplings = next(i for i in list_items(conn, buy_id) if i.name == "冷冻饺子")
    before = snapshot(conn)
    with pytest.raises(BadInput) as caught:
        save_household_order(conn, get_buy(conn, buy_id), household, {dumplings.id: 3},
                             source="chain")
    assert caught.value.code == "over_cap" and "冷冻饺子" in describe(caught.value, "en")
    assert snapshot(conn) == before
    assert [(line.item, line.quantity) for line in find_table_order(conn, buy_id, household).lines
            if line.item == "冷冻饺子"] == [("冷冻饺子", 2)]
