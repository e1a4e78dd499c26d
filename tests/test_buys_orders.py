"""Opening a group buy, taking orders at the table and keeping the money straight."""


import pytest

from desktop.buys.group_buys import (
    ItemSpec,
    buy_details,
    cancel_buy,
    change_status,
    close_buy,
    confirm_buy,
    get_buy,
    list_buys,
    new_buy,
    parse_item_spec,
    settle_buy,
)
from desktop.buys.orders import cancel_order, get_order, place_order
from desktop.buys.payments import buy_totals, order_money, record_payment, refunds_owed
from desktop.errors import BadInput, DatabaseUnusable
from desktop.money import parse_yuan
from tests.buys_scenes import compound, dumpling_buy, snapshot


@pytest.fixture
def conn(tmp_path):
    conn = compound(tmp_path)
    yield conn
    conn.close()


def test_a_volunteer_opens_a_buy_and_is_warned_about_a_supplier_that_never_delivered_here(conn):
    result = new_buy(conn, "冷冻饺子团", "某食品店",
                     [ItemSpec("冷冻饺子", 3200, "frozen"), ItemSpec("鸡翅中", 5850, "chilled")],
                     minimum=30, deadline="2022-04-20T20:00")
    buy = get_buy(conn, result.buy_id)
    assert buy.status == "open" and buy.supplier == "某食品店" and buy.minimum == 30
    assert buy.deadline.endswith("Z") and len(buy.deadline) == 20
    assert result.supplier_record.never_delivered
    assert result.warning.code == "supplier_never_delivered"
    assert "collect money only after the supplier confirms" in result.warning.text("en")
    assert "确认" in result.warning.text("zh")
    row = conn.execute("SELECT uuid, station FROM group_buy").fetchone()
    assert len(row["uuid"]) == 36 and row["station"] == conn.station


@pytest.mark.parametrize(("typed", "fen"), [("32", 3200), ("58.5", 5850), ("12.35", 1235),
                                             ("0.1", 10), ("¥32.00", 3200), ("１９.９", 1990)])
def test_prices_typed_in_yuan_become_exact_fen(typed, fen):
    assert parse_yuan(typed) == fen


@pytest.mark.parametrize(("typed", "code"), [("-3", "price_negative"), ("abc", "price_invalid"),
                                              ("", "price_invalid"), ("1.234", "price_too_precise"),
                                              ("1e3", "price_invalid"), ("nan", "price_invalid")])
def test_a_garbage_or_negative_price_is_refused_with_a_sentence(typed, code):
    with pytest.raises(BadInput) as caught:
        parse_item_spec(f"冷冻饺子={typed}")
    assert caught.value.code == code
    assert str(caught.value).endswith(".")


def test_an_item_written_on_the_command_line_keeps_its_storage_and_cap():
    assert parse_item_spec("冷冻饺子=32:frozen") == ItemSpec("冷冻饺子", 3200, "frozen")
    assert parse_item_spec("鸡翅中=58.5:chilled:cap=2") == ItemSpec("鸡翅中", 5850, "chilled", cap=2)
    assert parse_item_spec("大米 = 79").storage == "ambient"
    with pytest.raises(BadInput):
        parse_item_spec("冷冻饺子=32:boiling")


def test_a_household_has_one_order_per_buy_changed_in_place(conn):
    buy_id = dumpling_buy(conn)
    first = place_order(conn, buy_id, "12号楼301室", {"冷冻饺子": 2, "鸡翅中": "1"})
    again = place_order(conn, buy_id, "12-301", {"冷冻饺子": "三"})
    assert again.order_id == first.order_id and again.outcome == "updated"
    order = get_order(conn, first.order_id)
    assert [(line.item, line.quantity) for line in order.lines] == [("冷冻饺子", 3)]
    assert place_order(conn, buy_id, "12-301", {"冷冻饺子": 3}).outcome == "unchanged"
    assert conn.execute("SELECT count(*) FROM buy_order").fetchone()[0] == 1


def test_a_volunteer_takes_an_order_over_the_cap_and_is_told_the_cap_nothing_saved(conn):
    buy_id = dumpling_buy(conn, cap=2)
    place_order(conn, buy_id, "12-301", {"冷冻饺子": 1})
    before = snapshot(conn)
    with pytest.raises(BadInput) as caught:
        place_order(conn, buy_id, "12-301", {"冷冻饺子": 3})
    assert caught.value.code == "over_cap"
    assert "cap of 2" in str(caught.value) and "Nothing was saved" in str(caught.value)
    assert snapshot(conn) == before


@pytest.mark.parametrize("quantity", [0, -1, "0", "-1", "abc", 1.5, "", None, True, "1.5"])
def test_a_quantity_that_is_not_a_positive_whole_number_names_the_item_and_saves_nothing(conn, quantity):
    buy_id = dumpling_buy(conn)
    before = snapshot(conn)
    with pytest.raises(BadInput) as caught:
        place_order(conn, buy_id, "12-301", {"冷冻饺子": quantity})
    assert caught.value.field == "quantity"
    if caught.value.code != "order_empty":
        assert caught.value.data["item"] == "冷冻饺子"
        assert "冷冻饺子" in str(caught.value)
    assert snapshot(conn) == before


def test_an_unknown_item_name_is_named_back_with_the_items_there_are(conn):
    buy_id = dumpling_buy(conn)
    with pytest.raises(BadInput) as caught:
        place_order(conn, buy_id, "12-301", {"饺子": 1})
    assert caught.value.code == "item_unknown"
    assert "饺子" in str(caught.value) and "冷冻饺子" in str(caught.value)


def test_an_address_not_in_the_roster_is_refused_not_created(conn):
    buy_id = dumpling_buy(conn)
    with pytest.raises(BadInput) as caught:
        place_order(conn, buy_id, "99-101", {"冷冻饺子": 1})
    assert caught.value.code == "household_not_found" and "99-101" in str(caught.value)
    assert conn.execute("SELECT count(*) FROM household WHERE address = '99-101'").fetchone()[0] == 0


def test_orders_are_taken_only_while_the_buy_is_open(conn):
    draft = new_buy(conn, "鲜牛奶团", "万家乳业", [ItemSpec("鲜牛奶", 1650, "chilled")],
                    open_now=False).buy_id
    with pytest.raises(BadInput) as caught:
        place_order(conn, draft, "12-301", {"鲜牛奶": 1})
    assert caught.value.code == "buy_draft_no_orders"
    buy_id = dumpling_buy(conn)
    close_buy(conn, buy_id)
    with pytest.raises(BadInput) as caught:
        place_order(conn, buy_id, "12-301", {"冷冻饺子": 1})
    assert caught.value.code == "buy_not_open" and "closed" in str(caught.value)


def test_the_lifecycle_takes_only_legal_steps_and_records_each(conn):
    buy_id = dumpling_buy(conn)
    with pytest.raises(BadInput) as caught:
        confirm_buy(conn, buy_id)  # the supplier cannot confirm a list still open
    assert caught.value.code == "buy_status_illegal"
    close_buy(conn, buy_id)
    change_status(conn, buy_id, "open")  # reopened: the deadline was extended
    close_buy(conn, buy_id)
    confirm_buy(conn, buy_id)
    with pytest.raises(BadInput):
        change_status(conn, buy_id, "settled")
    history = [r["status"] for r in conn.execute(
        "SELECT status FROM buy_status_event WHERE group_buy_id = ? ORDER BY id", (buy_id,))]
    assert history == ["open", "closed", "open", "closed", "confirmed"]


def test_due_paid_and_refund_owed_follow_the_ledger(conn):
    buy_id = dumpling_buy(conn)
    order = place_order(conn, buy_id, "12-301", {"冷冻饺子": 2, "鸡翅中": 1}).order_id
    record_payment(conn, order, 10000, "wechat", reference="4200001", operator="小王")
    money = order_money(conn, order)
    assert (money.due_fen, money.paid_fen, money.refund_due_fen, money.owing_fen) == (12250, 10000, 0, 2250)
    record_payment(conn, order, 5000, "cash")
    assert order_money(conn, order).refund_due_fen == 2750
    record_payment(conn, order, -2750, "cash", reference="找零")
    money = order_money(conn, order)
    assert (money.paid_fen, money.refund_due_fen) == (12250, 0)
    row = conn.execute("SELECT uuid, station, operator, at FROM payment ORDER BY id").fetchone()
    assert row["operator"] == "小王" and row["at"].endswith("Z") and row["station"] == conn.station


def test_the_payment_ledger_refuses_to_be_edited_or_deleted(conn):
    buy_id = dumpling_buy(conn)
    order = place_order(conn, buy_id, "12-301", {"冷冻饺子": 1}).order_id
    record_payment(conn, order, 3200, "alipay")
    with pytest.raises(DatabaseUnusable, match="never changed"):
        conn.execute("UPDATE payment SET amount_fen = 1")
    with pytest.raises(DatabaseUnusable, match="never deleted"):
        conn.execute("DELETE FROM payment")
    assert conn.execute("SELECT amount_fen FROM payment").fetchone()[0] == 3200


@pytest.mark.parametrize(("amount", "method", "code"), [
    (0, "cash", "payment_zero"), (-100, "cash", "refund_more_than_paid"),
    (100, "bitcoin", "payment_method_invalid"), (1.5, "cash", "payment_invalid"),
    (10**12, "cash", "payment_too_large"),
])
def test_a_payment_that_makes_no_sense_is_refused_and_nothing_recorded(conn, amount, method, code):
    buy_id = dumpling_buy(conn)
    order = place_order(conn, buy_id, "12-301", {"冷冻饺子": 1}).order_id
    with pytest.raises(BadInput) as caught:
        record_payment(conn, order, amount, method)
    assert caught.value.code == code
    assert conn.execute("SELECT count(*) FROM payment").fetchone()[0] == 0


def test_a_cancelled_buy_lists_each_households_refund(conn):
    buy_id = dumpling_buy(conn)
    one = place_order(conn, buy_id, "12-301", {"冷冻饺子": 2}).order_id
    two = place_order(conn, buy_id, "5-1202", {"鸡翅中": 1}).order_id
    place_order(conn, buy_id, "9-101", {"冷冻饺子": 1})  # never paid
    record_payment(conn, one, 6400, "wechat")
    record_payment(conn, two, 5850, "cash")
    result = cancel_buy(conn, buy_id, "商家拒单：仓库封控")
    assert result.status == "cancelled" and result.cause == "turned_down"
    assert [(r.address, r.amount_fen) for r in result.refunds] == [("5-1202", 5850), ("12-301", 6400)]
    details = buy_details(conn, buy_id)
    assert all(order.cancelled and order.money.due_fen == 0 for order in details.orders)
    assert details.buy.cancel_reason == "商家拒单：仓库封控"


def test_no_money_is_taken_for_a_cancelled_buy_but_its_refunds_are_paid_out(conn):
    buy_id = dumpling_buy(conn)
    order = place_order(conn, buy_id, "12-301", {"冷冻饺子": 2}).order_id
    record_payment(conn, order, 6400, "wechat")
    cancel_buy(conn, buy_id, "minimum not met")
    with pytest.raises(BadInput) as caught:
        record_payment(conn, order, 100, "cash")
    assert caught.value.code == "payment_on_cancelled_buy"
    record_payment(conn, order, -6400, "wechat", reference="退款")
    assert refunds_owed(conn, buy_id) == []
    assert buy_totals(conn, buy_id).refunded_fen == 6400


def test_a_supplier_that_turned_a_buy_down_is_flagged_when_the_next_buy_opens(conn):
    buy_id = dumpling_buy(conn, supplier="好邻居生鲜")
    cancel_buy(conn, buy_id, "the supplier turned it down")
    result = new_buy(conn, "大米团", "好邻居生鲜", [ItemSpec("大米", 7900)])
    assert result.supplier_record.turned_down == 1
    assert result.warning.code == "supplier_bad_record"
    assert "turned down 1" in result.warning.text("en")


def test_a_supplier_that_delivered_in_full_carries_no_warning(conn):
    from desktop.buys.arrivals import record_arrival

    buy_id = dumpling_buy(conn)
    place_order(conn, buy_id, "12-301", {"冷冻饺子": 2})
    record_arrival(conn, buy_id, {"冷冻饺子": 2})
    result = new_buy(conn, "饺子第二团", "某食品店", [ItemSpec("冷冻饺子", 3200, "frozen")])
    assert result.supplier_record.delivered == 1 and result.warning is None


def test_a_buy_is_cancelled_before_distribution_only_and_settled_only_when_no_refund_is_owed(conn):
    from desktop.buys.arrivals import record_arrival

    buy_id = dumpling_buy(conn)
    order = place_order(conn, buy_id, "12-301", {"冷冻饺子": 2}).order_id
    record_payment(conn, order, 6400, "wechat")
    record_arrival(conn, buy_id, {"冷冻饺子": 1})
    for status in ("bagged", "distributed"):
        change_status(conn, buy_id, status)
    with pytest.raises(BadInput) as caught:
        cancel_buy(conn, buy_id, "spoiled")
    assert caught.value.code == "cancel_too_late"
    with pytest.raises(BadInput) as caught:
        settle_buy(conn, buy_id)
    assert caught.value.code == "settle_refunds_owed" and "¥32.00" in str(caught.value)
    record_payment(conn, order, -3200, "wechat")
    assert settle_buy(conn, buy_id).status == "settled"


def test_a_household_withdraws_and_its_payment_becomes_a_refund_owed(conn):
    buy_id = dumpling_buy(conn)
    order = place_order(conn, buy_id, "12-301", {"冷冻饺子": 2}).order_id
    record_payment(conn, order, 6400, "wechat")
    cancel_order(conn, order, reason="不要了")
    assert order_money(conn, order).refund_due_fen == 6400
    assert list_buys(conn)[0].ordered == 0
    again = place_order(conn, buy_id, "12-301", {"冷冻饺子": 1})
    assert again.order_id == order and order_money(conn, order).refund_due_fen == 3200


def test_the_supplier_order_sheet_totals_each_item_in_csv_and_xlsx(conn, tmp_path):
    import csv

    import openpyxl

    from desktop.buys.order_sheet import write_order_sheet

    buy_id = dumpling_buy(conn)
    place_order(conn, buy_id, "12-301", {"冷冻饺子": 2, "鸡翅中": 1})
    place_order(conn, buy_id, "5-1202", {"冷冻饺子": 3})
    path = write_order_sheet(conn, buy_id, tmp_path / "订货单.csv", lang="zh")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    body = {row[0]: row for row in rows if row and row[0] in ("冷冻饺子", "鸡翅中", "合计")}
    assert body["冷冻饺子"][4] == "5" and body["冷冻饺子"][6] == "160.00"
    assert body["鸡翅中"][4] == "1" and body["合计"][6] == "218.50"
    xlsx = write_order_sheet(conn, buy_id, tmp_path / "sheet.xlsx", lang="en")
    values = [row for row in openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True)]
    assert ("冷冻饺子", None, None, "frozen", 5, 32, 160) in values
    assert not list(tmp_path.glob("*.partial"))
    with pytest.raises(BadInput):
        write_order_sheet(conn, buy_id, tmp_path / "sheet.pdf")
