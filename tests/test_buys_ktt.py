"""KuaiTuanTuan (快团团) exports: the sample, and the many shapes real exports come in."""

import json
import random
import shutil
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.buys.group_buys import buy_details, get_buy, list_buys
from desktop.buys.ktt import (
    guess_storage,
    import_export,
    plan_export,
    read_export,
    save_export,
)
from desktop.buys.orders import place_order
from desktop.buys.payments import buy_totals, household_money, list_payments, refunds_owed
from desktop.db import connect
from desktop.errors import BadInput, Cancelled
from tests.buys_scenes import (
    EGGS,
    KTT_HEADER,
    KTT_SAMPLE,
    add_cached_values,
    as_shared_strings,
    compound,
    ktt_order,
    real_ktt_orders,
    snapshot,
    with_namespace_prefix,
    write_ktt,
    write_real_ktt,
)

DUMPLINGS = ("冷冻饺子(1kg袋装)", "1kg袋装")
WINGS = ("鸡翅中(1kg)", "1kg")
OAT = ("燕麦奶(1L×12盒)", "1L×12盒")


@pytest.fixture
def conn(tmp_path):
    conn = compound(tmp_path)
    yield conn
    conn.close()


def three_orders():
    return [
        ktt_order(1, "张三", "13800000001", "样例小区12号楼301", [(*DUMPLINGS, 2, 64)],
                  building="12", room="301"),
        ktt_order(2, "王芳", "13800000003", "上海市某区某路100弄7栋2单元502",
                  [(*WINGS, 1, 58.5), (*DUMPLINGS, 1, 32)]),
        ktt_order(3, "新邻居", "13900000009", "样例小区20号楼1301", [(*OAT, 2, 136)],
                  building="20", room="1301"),
    ]


def test_the_sample_export_becomes_one_buy_with_its_items_orders_and_platform_payments(tmp_path):
    conn = connect(tmp_path / "c.sqlite")
    result = import_export(conn, KTT_SAMPLE, supplier="某食品店")
    assert result.title == "冷冻食品团购 30份起送" and result.created_buy
    assert result.orders == 25 and result.households_created == 25
    assert [(i.name, i.unit_price_fen, i.quantity) for i in result.items] == [
        ("鸡翅中(1kg)", 5850, 27), ("冷冻饺子(1kg袋装)", 3200, 26), ("燕麦奶(1L×12盒)", 6800, 21)]
    assert result.warnings == ()
    buy = get_buy(conn, result.buy_id)
    assert (buy.status, buy.source, buy.minimum, buy.supplier, buy.organiser) == (
        "open", "ktt", 30, "某食品店", "团长甲")
    details = buy_details(conn, result.buy_id)
    assert {o.address for o in details.orders} >= {"16-1504", "25-603", "2-202"}
    assert all(o.money.due_fen == o.money.paid_fen for o in details.orders)
    assert buy_totals(conn, result.buy_id).collected_fen == 383950
    payment = list_payments(conn, buy_id=result.buy_id)[0]
    assert payment.method == "platform" and "跟团号" in payment.reference
    storage = {t.item.name: t.item.storage for t in details.items}
    assert storage["冷冻饺子(1kg袋装)"] == "frozen"


def test_importing_the_same_kuaituantuan_export_twice_changes_nothing_the_second_time(tmp_path):
    conn = connect(tmp_path / "c.sqlite")
    first = import_export(conn, KTT_SAMPLE)
    before = snapshot(conn)
    copy = tmp_path / "订单导出(1).xlsx"  # downloaded again under another name
    shutil.copy(KTT_SAMPLE, copy)
    for path in (KTT_SAMPLE, copy):
        again = import_export(conn, path)
        assert again.buy_id == first.buy_id and not again.created_buy
        assert (again.added, again.updated, again.unchanged) == (0, 0, 25)
        assert again.households_created == 0 and again.households_matched == 25
        assert snapshot(conn) == before


def test_a_later_export_of_the_same_group_adds_its_new_orders_and_corrects_changed_ones(conn, tmp_path):
    orders = three_orders()
    first = import_export(conn, write_ktt(tmp_path / "a.xlsx", orders, summary=[]))
    orders[0] = ktt_order(1, "张三", "13800000001", "", [(*DUMPLINGS, 2, 64)], building="12",
                          room="301", refund=32)  # one bag refunded on the platform
    orders.append(ktt_order(4, "赵先生", "13800000004", "18-1101", [(*WINGS, 2, 117)]))
    later = import_export(conn, write_ktt(tmp_path / "b.xlsx", orders, summary=[]))
    assert later.buy_id == first.buy_id
    assert (later.added, later.updated, later.unchanged) == (1, 1, 2)
    details = buy_details(conn, first.buy_id)
    zhang = next(o for o in details.orders if o.address == "12-301")
    assert zhang.money.paid_fen == 3200
    assert any("跟团号 1" in w.text("en") for w in later.warnings)


def test_a_reused_title_with_other_buyers_is_another_weeks_group_buy(conn, tmp_path):
    first = import_export(conn, write_ktt(tmp_path / "week1.xlsx", three_orders(), summary=[]))
    other = [ktt_order(1, "李阿姨", "13800000002", "5-1202", [(*DUMPLINGS, 1, 32)])]
    second = import_export(conn, write_ktt(tmp_path / "week1.xlsx", other, summary=[]))
    assert second.buy_id != first.buy_id and second.created_buy


def test_columns_in_any_order_with_extra_columns_and_merged_cells_import_the_same(conn, tmp_path):
    header = KTT_HEADER + ["商品编码", "下单时间", "自提点"]
    random.Random(4).shuffle(header)
    path = write_ktt(tmp_path / "shuffled.xlsx", three_orders(), header=header, merge=True,
                     title_rows=1)
    result = import_export(conn, path)
    assert result.orders == 3 and result.households_created == 1 and result.households_matched == 2
    details = buy_details(conn, result.buy_id)
    assert sorted(o.address for o in details.orders) == ["12-301", "20-1301", "7-2-502"]
    wang = next(o for o in details.orders if o.address == "7-2-502")
    assert sorted((line.item, line.quantity) for line in wang.lines) == [
        ("冷冻饺子(1kg袋装)", 1), ("鸡翅中(1kg)", 1)]
    assert wang.money.paid_fen == 9050
    assert result.title == "shuffled"  # no 商品汇总表: the file's name


def test_prices_written_as_text_and_summary_prices_are_read_to_the_fen(conn, tmp_path):
    orders = [ktt_order(1, "张三", "13800000001", "12-301", [(*WINGS, 2, "¥117.00")], paid="¥117.00"),
              ktt_order(2, "王芳", "13800000003", "7-2-502", [(*DUMPLINGS, 3, "96元")], paid="￥96")]
    path = write_ktt(tmp_path / "text.xlsx", orders,
                     summary=[("鸡翅中", "1kg", "58.50"), ("冷冻饺子", "1kg袋装", "¥32.00")])
    result = import_export(conn, path, supplier="某食品店")
    assert {i.name: i.unit_price_fen for i in result.items} == {"鸡翅中(1kg)": 5850,
                                                                "冷冻饺子(1kg袋装)": 3200}
    assert buy_totals(conn, result.buy_id).collected_fen == 11700 + 9600
    assert result.warnings == ()


def test_formula_cells_use_their_saved_values_and_missing_ones_are_worked_out_or_reported(conn, tmp_path):
    orders = [ktt_order(1, "张三", "13800000001", "12-301", [(*DUMPLINGS, 2, "=G2*32")], paid="=H2"),
              ktt_order(2, "王芳", "13800000003", "7-2-502", [(*DUMPLINGS, 1, "=G3*32")], paid="=H3"),
              ktt_order(3, "赵先生", "13800000004", "18-1101", [(*DUMPLINGS, "=1+1", 64)], paid=64),
              ktt_order(4, "刘强", "13800000006", "9-101", [(*DUMPLINGS, "=1+2", "=G5*32")], paid=96)]
    path = write_ktt(tmp_path / "formulas.xlsx", orders, summary=[])
    add_cached_values(path, {"H2": 64, "K2": 64})  # Excel saved these; the rest have no value
    result = import_export(conn, path)
    details = buy_details(conn, result.buy_id)
    paid = {o.address: o.money.paid_fen for o in details.orders}
    bags = {o.address: sum(line.quantity for line in o.lines) for o in details.orders}
    assert paid["12-301"] == 6400 and bags["12-301"] == 2
    assert paid["7-2-502"] == 0  # its amount could not be read: no payment made up
    assert bags["18-1101"] == 2  # its quantity worked out from ¥64 at ¥32
    assert "9-101" not in bags
    texts = " ".join(w.text("en") for w in result.warnings)
    assert "跟团号 2" in texts and "跟团号 4" in texts and "跟团号 3" not in texts


def shape_of(conn, result):
    details = buy_details(conn, result.buy_id)
    return (result.orders, [(i.name, i.unit_price_fen, i.quantity) for i in result.items],
            sorted((o.address or "", o.money.paid_fen,
                    tuple((line.item, line.quantity) for line in o.lines)) for o in details.orders))


@pytest.mark.parametrize("rewrite", [as_shared_strings, with_namespace_prefix])
def test_an_export_saved_by_excel_wps_or_other_tools_reads_the_same(tmp_path, rewrite):
    orders = three_orders()
    orders[1][0]["团员备注"] = "放门口 & 打电话_x000D_"
    plain = write_ktt(tmp_path / "plain.xlsx", orders, merge=True)
    other = write_ktt(tmp_path / "other.xlsx", orders, merge=True)
    rewrite(other)
    first = connect(tmp_path / "one.sqlite")
    second = connect(tmp_path / "two.sqlite")
    assert shape_of(first, import_export(first, plain)) == shape_of(second, import_export(second, other))
    note = second.execute("SELECT note FROM buy_order WHERE external_ref = '2'").fetchone()[0]
    assert note == "放门口 & 打电话"


def test_an_export_without_amounts_records_no_payments_and_says_so_once(conn, tmp_path):
    header = [h for h in KTT_HEADER if h not in ("商品金额", "订单金额", "退款金额")]
    result = import_export(conn, write_ktt(tmp_path / "a.xlsx", three_orders(), header=header,
                                           summary=[("冷冻饺子", "1kg袋装", "32")]))
    assert conn.execute("SELECT count(*) FROM payment").fetchone()[0] == 0
    codes = [w.code for w in result.warnings]
    assert codes.count("ktt_no_amounts") == 1 and "ktt_amount_unknown" not in codes
    assert {i.name: i.unit_price_fen for i in result.items}["冷冻饺子(1kg袋装)"] == 3200


def test_the_building_and_room_columns_win_and_the_lane_column_is_ignored(conn, tmp_path):
    orders = [ktt_order(1, "张三", "13800000001", "上海市某区某路100弄99号楼999", [(*DUMPLINGS, 1, 32)],
                        building="12号楼", room="301室")]
    result = import_export(conn, write_ktt(tmp_path / "a.xlsx", orders))
    assert [o.address for o in buy_details(conn, result.buy_id).orders] == ["12-301"]
    assert result.households_created == 0


def test_an_order_with_no_address_is_placed_by_phone_or_imported_unplaced_naming_its_number(conn, tmp_path):
    orders = [ktt_order(7, "李阿姨", "+86 138 0000 0002", "上海市某区某路100弄", [(*DUMPLINGS, 1, 32)]),
              ktt_order(8, "路人", "13111111111", "放门卫", [(*DUMPLINGS, 1, 32)])]
    result = import_export(conn, write_ktt(tmp_path / "a.xlsx", orders))
    details = buy_details(conn, result.buy_id)
    assert sorted((o.address or "") for o in details.orders) == ["", "5-1202"]
    texts = [w.text("en") for w in result.warnings]
    assert any("跟团号 7" in t and "phone" in t for t in texts)
    assert any("跟团号 8" in t and "without a household" in t for t in texts)
    assert "跟团号 8" in " ".join(w.text("zh") for w in result.warnings)


def test_a_platform_payment_that_differs_from_the_lines_is_recorded_with_a_warning(conn, tmp_path):
    orders = [ktt_order(5, "张三", "13800000001", "12-301", [(*DUMPLINGS, 2, 64)], paid=70)]
    result = import_export(conn, write_ktt(tmp_path / "a.xlsx", orders))
    (order,) = buy_details(conn, result.buy_id).orders
    assert (order.money.paid_fen, order.money.refund_due_fen) == (7000, 600)
    assert any("跟团号 5" in w.text("en") and "¥70.00" in w.text("en") for w in result.warnings)


def test_the_same_product_in_two_sizes_is_two_items(conn, tmp_path):
    orders = [ktt_order(1, "张三", "13800000001", "12-301", [("鸡翅中", "1kg", 1, 58.5),
                                                            ("鸡翅中", "2kg", 1, 110)])]
    result = import_export(conn, write_ktt(tmp_path / "a.xlsx", orders))
    assert sorted((i.name, i.unit_price_fen) for i in result.items) == [
        ("鸡翅中(1kg)", 5850), ("鸡翅中(2kg)", 11000)]


def test_table_orders_join_an_imported_buy_and_caps_count_every_order_of_the_household(conn, tmp_path):
    result = import_export(conn, write_ktt(tmp_path / "a.xlsx", three_orders()))
    conn.execute("UPDATE item SET cap = 3 WHERE name = '冷冻饺子(1kg袋装)'")
    with pytest.raises(BadInput) as caught:  # 12-301 already has 2 from its platform order
        place_order(conn, result.buy_id, "12-301", {"冷冻饺子(1kg袋装)": 2})
    assert caught.value.code == "over_cap_with_other"
    place_order(conn, result.buy_id, "12-301", {"冷冻饺子(1kg袋装)": 1})
    assert len([o for o in buy_details(conn, result.buy_id).orders if o.address == "12-301"]) == 2


def test_a_file_that_is_not_an_export_is_refused_and_nothing_changes(conn, tmp_path):
    before = snapshot(conn)
    cases = {
        "notes.xlsx": b"just some text, not a workbook",
        "orders.csv": "跟团号,商品,数量\n1,饺子,2\n".encode(),
        "broken.xlsx": b"PK\x03\x04" + bytes(200),
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(BadInput) as caught:
            import_export(conn, path)
        assert caught.value.code == "ktt_not_xlsx", name
        assert "KuaiTuanTuan" in str(caught.value)
    roster = openpyxl.Workbook()
    roster.active.append(["地址", "姓名", "电话"])
    roster.active.append(["12-301", "张三", "138"])
    roster.save(tmp_path / "roster.xlsx")
    with pytest.raises(BadInput) as caught:
        import_export(conn, tmp_path / "roster.xlsx")
    assert caught.value.code == "ktt_not_export"
    with pytest.raises(BadInput) as caught:
        import_export(conn, tmp_path / "missing.xlsx")
    assert caught.value.code == "file_missing"
    assert snapshot(conn) == before


def test_an_export_missing_the_columns_it_needs_names_them(conn, tmp_path):
    header = [h for h in KTT_HEADER if h not in ("数量",)]
    with pytest.raises(BadInput) as caught:
        import_export(conn, write_ktt(tmp_path / "a.xlsx", three_orders(), header=header))
    assert caught.value.code == "ktt_missing_columns"
    assert "数量" in str(caught.value)
    header = ["跟团号", "商品", "数量", "商品金额"]
    with pytest.raises(BadInput) as caught:
        import_export(conn, write_ktt(tmp_path / "b.xlsx", three_orders(), header=header))
    assert "详细地址" in str(caught.value)
    assert conn.execute("SELECT count(*) FROM group_buy").fetchone()[0] == 0


def test_a_long_import_reports_progress_and_can_be_stopped_leaving_nothing(conn, tmp_path):
    orders = [ktt_order(n, f"住户{n}", f"139{n:08d}", f"{n % 30 + 1}-{n % 9 + 1}01", [(*DUMPLINGS, 1, 32)])
              for n in range(1, 1300)]
    path = write_ktt(tmp_path / "big.xlsx", orders)
    seen = []
    before = snapshot(conn)
    with pytest.raises(Cancelled):
        import_export(conn, path, progress=lambda done, total: seen.append((done, total)),
                      should_cancel=lambda: len(seen) >= 3)
    assert snapshot(conn) == before
    assert seen and all(done <= total for done, total in seen)
    result = import_export(conn, path)
    assert result.orders == 1299
    assert list_buys(conn)[0].orders == 1299


def test_reading_an_export_touches_no_database():
    export = read_export(KTT_SAMPLE)
    assert len(export.orders) == 25 and export.leader == "团长甲" and export.minimum == 30


# ---- garbled workbooks ------------------------------------------------------------------------

cell = st.one_of(
    st.none(), st.integers(-5, 500), st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12), st.sampled_from(["¥32.00", "12-301", "12号楼301", "=1/0", "-", "两", "1.5"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(header=st.lists(st.sampled_from(KTT_HEADER + ["", "商品名称", "楼号", "房号", "团购标题", "x"]),
                       max_size=12),
       rows=st.lists(st.lists(cell, max_size=12), max_size=8))
def test_a_garbled_workbook_gives_bad_input_or_a_result_and_nothing_else(tmp_path_factory, header, rows):
    folder = tmp_path_factory.mktemp("garbled")
    conn = compound(folder)
    book = openpyxl.Workbook()
    book.active.title = "顾客购买表"
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    path = folder / "garbled.xlsx"
    book.save(path)
    before = snapshot(conn)
    try:
        import_export(conn, path)
    except BadInput as error:
        assert str(error)
        assert snapshot(conn) == before
    conn.close()


# ---- real-format exports ----------------------------------------------------------------------


def test_a_spec_variant_is_its_own_item_at_its_own_rows_price_and_the_rows_beat_the_summary(conn, tmp_path):
    result = import_export(conn, write_real_ktt(tmp_path / "real.xlsx"))
    prices = {i.name: i.unit_price_fen for i in result.items}
    assert prices["冰淇淋黄心西瓜(每箱四斤)"] == 5990  # its own rows: ¥119.80 for 2, ¥59.90 for 1
    assert prices["冰淇淋黄心西瓜(每箱六斤)"] == 8000  # the rows say ¥80, the summary ¥75
    differs = [w for w in result.warnings if w.code == "ktt_summary_price_differs"]
    assert len(differs) == 1 and "¥75.00" in differs[0].text("en") and "¥80.00" in differs[0].text("en")
    zhang = next(o for o in buy_details(conn, result.buy_id).orders if o.address == "12-301")
    assert (zhang.money.due_fen, zhang.money.paid_fen, zhang.money.refund_due_fen) == (19980, 19980, 0)


def test_a_household_with_two_platform_orders_is_settled_as_one(conn, tmp_path):
    result = import_export(conn, write_real_ktt(tmp_path / "real.xlsx"))
    details = buy_details(conn, result.buy_id)
    zhou = [o for o in details.orders if o.address == "37-1002"]
    assert len(zhou) == 2  # two 跟团号 stay two platform orders
    assert [(o.money.refund_due_fen, o.money.owing_fen) for o in zhou] == [(0, 0), (0, 0)]
    (household,) = [h for h in household_money(conn, result.buy_id) if h.address == "37-1002"]
    assert (household.due_fen, household.paid_fen, household.refund_due_fen) == (7200, 7200, 0)
    assert all(r.address != "37-1002" for r in refunds_owed(conn, result.buy_id))
    assert buy_totals(conn, result.buy_id).refunds_owed_fen == 0
    codes = {w.code: w.text("en") for w in result.warnings}
    assert "ktt_amount_differs" not in codes  # paid together, settled together: said once
    assert codes["ktt_household_balances"].startswith("37-1002: 跟团号 12、13 were paid ¥72.00")


def test_storage_is_guessed_from_the_head_of_the_name_and_can_be_changed_before_saving(conn, tmp_path):
    export = read_export(write_real_ktt(tmp_path / "real.xlsx"))
    storage = {name: item.storage for name, item in export.items.items()}
    assert storage["冰淇淋黄心西瓜(每箱四斤)"] == "ambient"  # a watermelon, not ice cream
    assert storage["香草冰淇淋"] == "frozen"
    result = save_export(conn, export, storage={"土鸡蛋": "chilled"})
    kept = {t.item.name: t.item.storage for t in buy_details(conn, result.buy_id).items}
    assert kept["土鸡蛋"] == "chilled" and kept["香草冰淇淋"] == "frozen"


@pytest.mark.parametrize(("name", "storage"), [
    ("冰淇淋黄心西瓜", "ambient"), ("香草冰淇淋", "frozen"), ("冷冻饺子(1kg袋装)", "frozen"),
    ("速冻汤圆", "frozen"), ("鸡翅中(1kg)", "frozen"), ("肉松面包", "ambient"), ("肉桂粉", "ambient"),
    ("鲜牛奶", "chilled"), ("酸奶味饼干", "ambient"), ("冷鲜猪肉", "chilled"), ("五花肉", "frozen"),
    ("虾片", "ambient"), ("大虾", "frozen"), ("雪糕(10支)", "frozen"), ("东北大米", "ambient"),
])
def test_a_storage_word_counts_only_as_the_thing_itself_not_inside_another_word(name, storage):
    assert guess_storage(name) == storage


def test_the_organiser_is_not_the_supplier_and_a_buy_without_one_says_so(conn, tmp_path):
    path = write_real_ktt(tmp_path / "real.xlsx")
    result = import_export(conn, path)
    buy = get_buy(conn, result.buy_id)
    assert buy.organiser == "团长甲" and buy.supplier == ""
    assert "ktt_supplier_unknown" in [w.code for w in result.warnings]
    other = compound(tmp_path, name="other.sqlite")
    named = import_export(other, path, supplier="城南果蔬")
    assert get_buy(other, named.buy_id).supplier == "城南果蔬"
    assert "ktt_supplier_unknown" not in [w.code for w in named.warnings]
    other.close()


def test_the_plan_lists_households_to_add_with_masked_phones_and_orders_it_cannot_place(conn, tmp_path):
    export = read_export(write_real_ktt(tmp_path / "real.xlsx"))
    before = snapshot(conn)
    plan = plan_export(conn, export)
    assert [(h.address, h.name, h.masked_phone) for h in plan.new_households] == [
        ("37-1002", "周女士", "139****5678")]
    assert [(u.ref, u.text) for u in plan.unplaced] == [("15", "放门卫")]
    held_back = plan_export(conn, export, create_households=False)
    assert held_back.new_households == ()
    assert sorted(u.ref for u in held_back.unplaced) == ["12", "13", "15"]
    assert snapshot(conn) == before
    result = save_export(conn, export, create_households=False)
    assert result.households_created == 0
    assert conn.execute("SELECT count(*) FROM household WHERE address = '37-1002'").fetchone()[0] == 0
    assert snapshot(conn)["buy_order"]  # the orders are in, unplaced


def test_more_new_households_than_one_import_may_add_is_refused_before_anything_is_written(conn, tmp_path, monkeypatch):
    import desktop.buys.ktt.placing as placing

    monkeypatch.setattr(placing, "MAX_NEW_HOUSEHOLDS", 1)
    orders = real_ktt_orders() + [ktt_order(16, "新人", "13600000000", "40-101", [(*EGGS, 1, 36)])]
    before = snapshot(conn)
    with pytest.raises(BadInput) as caught:
        import_export(conn, write_real_ktt(tmp_path / "real.xlsx", orders))
    assert caught.value.code == "ktt_too_many_households"
    assert snapshot(conn) == before


def test_an_export_of_too_many_rows_is_refused_before_it_is_read(conn, tmp_path, monkeypatch):
    import desktop.buys.ktt.reading as ktt

    monkeypatch.setattr(ktt, "MAX_ROWS", 5)
    with pytest.raises(BadInput) as caught:
        read_export(write_real_ktt(tmp_path / "real.xlsx"))
    assert caught.value.code == "ktt_too_many_rows" and "5" in str(caught.value)


def test_a_workbook_that_unpacks_past_the_limit_is_refused_by_the_sizes_in_its_zip(conn, tmp_path):
    path = tmp_path / "bomb.xlsx"
    write_real_ktt(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet9.xml", b" " * (201 * 1024 * 1024))
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(BadInput) as caught:
        read_export(path)
    assert caught.value.code == "workbook_too_large" and "200" in str(caught.value)


# ---- on the command line --------------------------------------------------------------------


def cli(capsys, *argv):
    from desktop.cli.main import main

    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_previews_then_imports_with_supplier_storage_and_households_per_household(capsys, tmp_path):
    compound(tmp_path).close()
    db = tmp_path / "c.sqlite"
    path = write_real_ktt(tmp_path / "real.xlsx")
    before = snapshot(connect(db))
    code, out, err = cli(capsys, "--db", db, "buys", "import", path, "--dry-run", "--json",
                         "--storage", "土鸡蛋=chilled", "--supplier", "城南果蔬")
    assert code == 0, err
    preview = json.loads(out)
    assert preview["buy_id"] is None and preview["organiser"] == "团长甲"
    assert preview["new_households"] == [{"address": "37-1002", "name": "周女士"}]
    assert {i["name"]: (i["unit_price_fen"], i["storage"]) for i in preview["items"]} == {
        "冰淇淋黄心西瓜(每箱六斤)": (8000, "ambient"), "冰淇淋黄心西瓜(每箱四斤)": (5990, "ambient"),
        "土鸡蛋": (3600, "chilled"), "香草冰淇淋": (4500, "frozen")}
    assert snapshot(connect(db)) == before
    code, out, _ = cli(capsys, "--db", db, "buys", "import", path, "--dry-run")
    assert "37-1002  周女士  139****5678" in out and "跟团号 15" in out
    code, out, err = cli(capsys, "--db", db, "buys", "import", path, "--json", "--storage",
                         "土鸡蛋=chilled", "--supplier", "城南果蔬")
    assert code == 0, err
    result = json.loads(out)
    assert (result["supplier"], result["organiser"]) == ("城南果蔬", "团长甲")
    code, out, _ = cli(capsys, "--db", db, "buys", "show", result["buy_id"], "--json")
    shown = json.loads(out)
    (zhou,) = [h for h in shown["households"] if h["address"] == "37-1002"]
    assert zhou == {"address": "37-1002", "due_fen": 7200, "paid_fen": 7200, "refund_due_fen": 0}
    assert sorted(o["platform_ref"] for o in shown["orders"] if o["address"] == "37-1002") == ["12", "13"]
    assert all(o["refund_due_fen"] == 0 for o in shown["orders"] if o["address"] == "37-1002")


def test_the_command_line_can_leave_new_households_out_and_refuses_bad_storage(capsys, tmp_path):
    compound(tmp_path).close()
    db = tmp_path / "c.sqlite"
    path = write_real_ktt(tmp_path / "real.xlsx")
    code, _, err = cli(capsys, "--db", db, "buys", "import", path, "--storage", "西瓜糖=frozen")
    assert code == 2 and "西瓜糖" in err and "土鸡蛋" in err
    code, _, err = cli(capsys, "--db", db, "buys", "import", path, "--storage", "土鸡蛋=hot")
    assert code == 2 and "hot" in err
    assert connect(db).execute("SELECT count(*) FROM group_buy").fetchone()[0] == 0
    code, out, err = cli(capsys, "--db", db, "buys", "import", path, "--no-new-households", "--json")
    assert code == 0, err
    assert json.loads(out)["households_created"] == 0
    assert connect(db).execute("SELECT count(*) FROM household WHERE address = '37-1002'"
                               ).fetchone()[0] == 0


def test_a_workbook_too_large_is_refused_on_the_command_line_with_one_sentence(capsys, tmp_path):
    compound(tmp_path).close()
    path = tmp_path / "bomb.xlsx"
    write_real_ktt(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml.big", b"")  # not a sheet: not counted
        archive.writestr("xl/worksheets/sheet8.xml", b"<" * (300 * 1024 * 1024))
    code, out, err = cli(capsys, "--db", tmp_path / "c.sqlite", "buys", "import", path)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and "200 MB" in err


# ---- real shapes, generated -------------------------------------------------------------------

VARIANTS = [("冰淇淋黄心西瓜", "每箱六斤", 8000), ("冰淇淋黄心西瓜", "每箱四斤", 5990),
            ("土鸡蛋", "30枚", 3600), ("香草冰淇淋", "4盒装", 4500), ("鸡翅中", "1kg", 5850),
            ("鸡翅中", "2kg", 11000)]
ADDRESSES = ["12-301", "5-1202", "37-1002", "40-101", "7-2-502"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(orders=st.lists(
    st.tuples(st.sampled_from(ADDRESSES),
              st.lists(st.tuples(st.sampled_from(VARIANTS), st.integers(1, 4)), min_size=1, max_size=4),
              st.sampled_from(["own", "all_on_first", "none"])),
    min_size=1, max_size=8),
    summary_off=st.integers(-500, 500), merged_amounts=st.booleans())
def test_any_real_shaped_export_prices_each_variant_by_its_rows_and_settles_each_household(
        tmp_path_factory, orders, summary_off, merged_amounts):
    folder = tmp_path_factory.mktemp("real")
    conn = compound(folder)
    rows, first_of = [], {}
    for ref, (address, lines, paying) in enumerate(orders, 1):
        amount = sum(price * quantity for (_, _, price), quantity in lines)
        building, room = address.split("-")[0], address.split("-")[-1]
        paid = amount / 100
        if merged_amounts and paying == "all_on_first":
            if address in first_of:  # paid with the household's first order
                first_of[address][0]["订单金额"] += paid
                paid = 0
        rows.append(ktt_order(ref, "住户" + address, "139" + address.replace("-", "").zfill(8)[-8:],
                              "", [(p, s, q, price * q / 100) for (p, s, price), q in lines],
                              building=building, room=room, paid=paid))
        first_of.setdefault(address, rows[-1])
    summary = [(p, s, f"{(price + summary_off) / 100:.2f}") for p, s, price in VARIANTS[::2]]
    result = import_export(conn, write_real_ktt(folder / "real.xlsx", rows, summary=summary))
    wanted = {}
    for _, lines, _ in orders:
        for (product, spec, price), _ in lines:
            wanted.setdefault(product, {})[spec] = price
    for item in result.items:
        product = item.name.split("(")[0]
        specs = wanted[product]
        spec = next(iter(specs)) if len(specs) == 1 else item.name[len(product) + 1:-1]
        assert item.unit_price_fen == specs[spec], item.name
    details = buy_details(conn, result.buy_id)
    for household in details.households:
        mine = [o for o in details.orders if o.order_id in household.order_ids]
        assert not (any(o.money.refund_due_fen for o in mine) and any(o.money.owing_fen for o in mine))
        assert sum(o.money.refund_due_fen for o in mine) == household.refund_due_fen
        assert sum(o.money.owing_fen for o in mine) == household.owing_fen
        assert household.paid_fen == household.due_fen  # every household paid exactly its orders
    conn.close()


def test_the_delivery_fee_an_export_states_is_due_on_each_order_and_agrees_with_what_was_paid(
        tmp_path, conn):
    path = write_ktt(tmp_path / "fee.xlsx", [
        ktt_order(1, "张三", "13800000001", "样例小区12号楼301", [(*DUMPLINGS, 2, 64)],
                  building="12", room="301", fee=5),
        ktt_order(2, "新邻居", "13900000009", "样例小区20号楼1301", [(*OAT, 1, 68)],
                  building="20", room="1301", fee=5),
    ])
    result = import_export(conn, path, supplier="某食品店")
    assert result.warnings == ()
    buy = get_buy(conn, result.buy_id)
    assert (buy.fee_fen, buy.fee_per) == (500, "order")
    orders = buy_details(conn, result.buy_id).orders
    assert sorted((o.money.due_fen, o.money.paid_fen, o.money.fee_fen) for o in orders) == [
        (6900, 6900, 500), (7300, 7300, 500)]
    assert buy_totals(conn, result.buy_id).owing_fen == 0


def test_an_order_whose_delivery_fee_differs_from_the_others_is_named(tmp_path, conn):
    path = write_ktt(tmp_path / "fee.xlsx", [
        ktt_order(1, "张三", "13800000001", "样例小区12号楼301", [(*DUMPLINGS, 2, 64)],
                  building="12", room="301", fee=5),
        ktt_order(2, "王芳", "13800000003", "样例小区9号楼101", [(*DUMPLINGS, 1, 32)],
                  building="9", room="101", fee=5),
        ktt_order(3, "新邻居", "13900000009", "样例小区20号楼1301", [(*OAT, 1, 68)],
                  building="20", room="1301", fee=0),
    ])
    result = import_export(conn, path, supplier="某食品店")
    assert get_buy(conn, result.buy_id).fee_fen == 500
    codes = [(w.code, w.data.get("ref")) for w in result.warnings]
    assert ("ktt_fee_differs", "3") in codes
    # what the program charges it (its goods and the buy's fee) against what it paid
    assert ("ktt_amount_differs", "3") in codes


def test_a_delivery_fee_beyond_any_real_one_is_not_taken_for_the_buys_fee(tmp_path, conn):
    path = write_ktt(tmp_path / "fee.xlsx", [
        ktt_order(1, "张三", "13800000001", "样例小区12号楼301", [(*DUMPLINGS, 2, 64)],
                  building="12", room="301", fee=2000)])
    result = import_export(conn, path, supplier="某食品店")
    assert get_buy(conn, result.buy_id).fee_fen == 0
    assert "ktt_amount_differs" in [w.code for w in result.warnings]
