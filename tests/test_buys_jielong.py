"""Orders pasted from a WeChat 接龙 list: every line used or sent back with its reason."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.buys.group_buys import ItemSpec, buy_details, new_buy
from desktop.buys.jielong import import_chain, parse_chain, preview_chain
from desktop.buys.orders import place_order
from desktop.errors import BadInput
from tests.buys_scenes import JIELONG_SAMPLE, compound, dumpling_buy, snapshot


@pytest.fixture
def conn(tmp_path):
    conn = compound(tmp_path)
    yield conn
    conn.close()


def oat_buy(conn, cap=None):
    return new_buy(conn, "燕麦奶团", "万家乳业", [ItemSpec("燕麦奶(1L×12盒)", 6800, cap=cap)]).buy_id


def quantities(conn, buy_id):
    return {o.address: {line.item: line.quantity for line in o.lines}
            for o in buy_details(conn, buy_id).orders}


def test_the_sample_list_orders_for_every_household_and_skips_its_header(conn):
    buy_id = oat_buy(conn)
    result = import_chain(conn, buy_id, JIELONG_SAMPLE.read_text(encoding="utf-8"))
    assert (result.orders, result.unmatched, result.warnings) == (5, (), ())
    assert quantities(conn, buy_id) == {
        "3-1701": {"燕麦奶(1L×12盒)": 1}, "5-1202": {"燕麦奶(1L×12盒)": 1},
        "7-2-502": {"燕麦奶(1L×12盒)": 1}, "12-301": {"燕麦奶(1L×12盒)": 2},
        "18-1101": {"燕麦奶(1L×12盒)": 3},
    }
    note = conn.execute("SELECT o.note FROM buy_order o JOIN household h ON h.id = o.household_id "
                        "WHERE h.address = '3-1701'").fetchone()[0]
    assert note == "放门口"


def test_pasting_the_same_list_twice_changes_nothing_the_second_time(conn):
    buy_id = oat_buy(conn)
    text = JIELONG_SAMPLE.read_text(encoding="utf-8")
    import_chain(conn, buy_id, text)
    before = snapshot(conn)
    again = import_chain(conn, buy_id, text)
    assert (again.orders, again.unchanged, again.added) == (5, 5, 0)
    assert snapshot(conn) == before


def test_chinese_numerals_units_and_separators_of_every_kind_are_understood(conn):
    buy_id = oat_buy(conn)
    text = "\n".join([
        "燕麦奶团 今晚8点截止",
        "1、12号楼301室 张三 两箱",
        "2．5-1202 李阿姨 x3",
        "3. 7栋2单元502 王 十箱",
        "4.18-1101 赵 三",
        "5) ３号１７０１室 陈 +1",
        "6. 9-101 刘强 2 盒 备注:周末在家",
    ])
    result = import_chain(conn, buy_id, text)
    assert result.unmatched == ()
    assert {a: q["燕麦奶(1L×12盒)"] for a, q in quantities(conn, buy_id).items()} == {
        "12-301": 2, "5-1202": 3, "7-2-502": 10, "18-1101": 3, "3-1701": 1, "9-101": 2}


def test_every_line_that_cannot_be_used_comes_back_with_its_number_and_reason(conn):
    buy_id = oat_buy(conn)
    text = "\n".join([
        "#接龙",                        # 1 header
        "燕麦奶 68元 30箱起",            # 2 header
        "1. 12-301 张 2箱",             # 3 fine
        "2. 李阿姨 1箱",                 # 4 no address
        "3. 99-101 陌生人 1箱",          # 5 not in the roster
        "4. 18-1101 赵先生",             # 6 no quantity
        "谢谢团长！",                    # 7 unnumbered after the header
        "5. 9-101 刘 0箱",              # 8 zero
        "6. 7-2-502 王 2箱 3箱",         # 9 two quantities
    ])
    result = import_chain(conn, buy_id, text)
    assert result.orders == 1
    reasons = {p.line: p.reason.code for p in result.unmatched}
    assert reasons == {4: "chain_no_address", 5: "chain_not_in_roster", 6: "chain_no_quantity",
                       7: "chain_not_numbered", 8: "chain_zero_quantity",
                       9: "chain_many_quantities"}
    texts = {p.line: p.text for p in result.unmatched}
    assert texts[5] == "3. 99-101 陌生人 1箱"
    assert "99-101" in next(p for p in result.unmatched if p.line == 5).reason.text("en")
    assert conn.execute("SELECT count(*) FROM household WHERE address = '99-101'").fetchone()[0] == 0


def test_a_household_listed_twice_keeps_its_later_line_with_a_warning(conn):
    buy_id = oat_buy(conn)
    result = import_chain(conn, buy_id, "1. 12-301 张 2箱\n2. 5-1202 李 1\n3. 12号楼301 张 3箱")
    assert result.orders == 2
    assert quantities(conn, buy_id)["12-301"] == {"燕麦奶(1L×12盒)": 3}
    (warning,) = result.warnings
    assert warning.code == "chain_listed_twice" and "line 3 was kept" in warning.text("en")


def test_a_buy_with_several_items_needs_item_names_on_each_line(conn):
    buy_id = dumpling_buy(conn)
    text = "\n".join([
        "1. 12-301 张三 饺子2袋 鸡翅1份",
        "2. 5-1202 李阿姨 冷冻饺子×3",
        "3. 7-2-502 王 两袋饺子",
        "4. 18-1101 赵 3",
        "5. 3-1701 陈 鸡翅中 一份 备注：放门口",
    ])
    result = import_chain(conn, buy_id, text)
    assert quantities(conn, buy_id) == {
        "12-301": {"冷冻饺子": 2, "鸡翅中": 1}, "5-1202": {"冷冻饺子": 3},
        "7-2-502": {"冷冻饺子": 2}, "3-1701": {"鸡翅中": 1}}
    (problem,) = result.unmatched
    assert problem.line == 4 and problem.reason.code == "chain_which_item"
    assert "冷冻饺子" in problem.reason.text("zh")


def test_a_line_over_the_cap_is_sent_back_and_the_rest_are_saved(conn):
    buy_id = oat_buy(conn, cap=2)
    result = import_chain(conn, buy_id, "1. 12-301 张 2箱\n2. 18-1101 赵 3箱")
    assert result.orders == 1
    (problem,) = result.unmatched
    assert problem.line == 2 and problem.reason.code == "chain_over_cap"


def test_a_list_replaces_an_order_taken_at_the_table_with_a_warning(conn):
    buy_id = oat_buy(conn)
    order = place_order(conn, buy_id, "12-301", {"燕麦奶(1L×12盒)": 1}).order_id
    preview = preview_chain(conn, buy_id, "1. 12-301 张 2箱")
    assert [o.outcome for o in preview.orders] == ["updated"]
    result = import_chain(conn, buy_id, "1. 12-301 张 2箱")
    assert result.updated == 1 and result.warnings[0].code == "chain_replaces_order"
    assert [o.order_id for o in buy_details(conn, buy_id).orders] == [order]


@pytest.mark.parametrize("text", ["", "   \n\n", "#接龙\n燕麦奶 68元\n截止今晚8点",
                                  "1. 没有地址 2箱\n2. 也没有"])
def test_a_list_with_no_recognisable_lines_is_bad_input_and_nothing_changes(conn, text):
    buy_id = oat_buy(conn)
    before = snapshot(conn)
    with pytest.raises(BadInput) as caught:
        import_chain(conn, buy_id, text)
    assert caught.value.code == "chain_nothing_recognised"
    assert "1. 12-301" in str(caught.value)
    assert snapshot(conn) == before


def test_a_list_pasted_into_a_closed_buy_is_refused(conn):
    from desktop.buys.group_buys import close_buy

    buy_id = oat_buy(conn)
    close_buy(conn, buy_id)
    with pytest.raises(BadInput) as caught:
        import_chain(conn, buy_id, "1. 12-301 张 2箱")
    assert caught.value.code == "buy_not_open"


line = st.one_of(
    st.text(max_size=30),
    st.builds(lambda n, a, q, u, rest: f"{n}{a}{q}{u}{rest}",
              st.sampled_from(["1.", "2、", "3．", "", "12)"]),
              st.sampled_from(["12-301 ", "5号楼1202", "7栋2单元502 ", "99-1 ", "", "3号"]),
              st.sampled_from(["2", "两", "十", "0", "-1", "三一", "", "x3", "9999999"]),
              st.sampled_from(["箱", "份", "", "斤 ", "盒饺子"]),
              st.text(max_size=8)),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(line, max_size=8), several=st.booleans())
def test_any_pasted_text_gives_bad_input_or_a_result_and_bad_input_changes_nothing(conn, lines, several):
    text = "\n".join(lines)
    items = ["冷冻饺子", "鸡翅中"] if several else ["燕麦奶(1L×12盒)"]
    try:
        parsed = parse_chain(text, items)
    except BadInput as error:
        assert error.code == "chain_nothing_recognised"
    else:
        numbered = {entry.line for entry in parsed.entries} | {p.line for p in parsed.problems}
        assert len(numbered) == len(parsed.entries) + len(parsed.problems)
        for entry in parsed.entries:
            assert all(1 <= q <= 9999 for q in entry.quantities.values())
    buy_id = conn.execute("SELECT max(id) FROM group_buy").fetchone()[0]
    if buy_id is None:
        buy_id = oat_buy(conn)
    before = snapshot(conn)
    try:
        import_chain(conn, buy_id, text)
    except BadInput:
        assert snapshot(conn) == before


# ---- households not on the roster, notes, long lists ---------------------------------------------

UNKNOWN_THREE = "\n".join([
    "#接龙 燕麦奶 68元",
    "1. 12-301 张 2箱",
    "2. 40-101 孙奶奶 1箱 备注：腿脚不便，送上门",
    "3. 41-202 钱先生 3箱",
    "4. 42-303 周 1箱",
])


def test_lines_not_on_the_roster_are_listed_and_add_their_households_only_when_asked(conn):
    buy_id = oat_buy(conn)
    before = snapshot(conn)
    preview = preview_chain(conn, buy_id, UNKNOWN_THREE)
    assert [(e.line, e.address, e.name) for e in preview.unknown] == [
        (3, "40-101", "孙奶奶"), (4, "41-202", "钱先生"), (5, "42-303", "周")]
    assert [p.line for p in preview.unmatched] == [3, 4, 5]
    picked = preview_chain(conn, buy_id, UNKNOWN_THREE, add_households={4})
    assert [(o.address, o.new_household) for o in picked.orders] == [("12-301", False), ("41-202", True)]
    assert snapshot(conn) == before  # a preview writes nothing
    result = import_chain(conn, buy_id, UNKNOWN_THREE, add_households={4})
    assert (result.orders, result.households_added) == (2, 1)
    everyone = import_chain(conn, buy_id, UNKNOWN_THREE, add_households=True)
    assert (everyone.households_added, everyone.unmatched) == (2, ())
    assert quantities(conn, buy_id)["42-303"] == {"燕麦奶(1L×12盒)": 1}
    name = conn.execute("SELECT name FROM household WHERE address = '40-101'").fetchone()[0]
    assert name == "孙奶奶"


def test_the_note_of_a_line_stays_on_the_order_and_is_printed_on_the_pickup_sheet(conn, tmp_path):
    import pypdfium2 as pdfium

    from desktop.bags.bags import make_bags
    from desktop.buys.arrivals import record_arrival
    from desktop.printing.pickup import write_pickup_sheet

    buy_id = oat_buy(conn)
    import_chain(conn, buy_id, UNKNOWN_THREE, add_households=True)
    note = conn.execute("SELECT o.note FROM buy_order o JOIN household h ON h.id = o.household_id "
                        "WHERE h.address = '40-101'").fetchone()[0]
    assert note == "腿脚不便，送上门"
    record_arrival(conn, buy_id, {})
    make_bags(conn, buy_id)
    out = tmp_path / "pickup.pdf"
    write_pickup_sheet(conn, buy_id, out)
    pdf = pdfium.PdfDocument(out)
    text = "".join(page.get_textpage().get_text_range() for page in pdf)
    pdf.close()
    assert "腿脚不便，送上门" in text.replace("\r", "").replace("\n", "")


def test_lines_numbered_ten_thousand_and_above_are_order_lines():
    text = "#接龙\n" + "\n".join(f"{n}. 12-301 张 1箱" for n in range(9998, 10003)) + \
        "\n123456. 5-1202 李阿姨 2箱"
    parsed = parse_chain(text, ["燕麦奶(1L×12盒)"])
    assert [e.line for e in parsed.entries] == [2, 3, 4, 5, 6, 7] and parsed.problems == []
    assert parsed.entries[-1].address == "5-1202"


def test_a_line_too_long_for_an_order_is_reported_not_read(conn):
    text = "#接龙\n1. 12-301 张 1箱\n2. 5-1202 " + "李" * 200_000 + " 1箱\n3. 18-1101 赵 2箱"
    parsed = parse_chain(text, ["燕麦奶(1L×12盒)"])
    assert [e.line for e in parsed.entries] == [2, 4]
    (problem,) = parsed.problems
    assert problem.line == 3 and problem.reason.code == "chain_line_too_long"


def test_the_tests_carry_their_own_data_and_read_nothing_beside_the_project():
    from pathlib import Path

    tests = Path(__file__).resolve().parent
    # Spelled in pieces, so this test does not find itself.
    beside = ('"shared" / ' + '"samples"', ".." + "/shared", "/work" + "/shared")
    readers = [path.name for path in tests.rglob("*.py")
               if any(word in path.read_text(encoding="utf-8") for word in beside)]
    assert readers == []
    assert (tests / "fixtures" / "jielong.txt").exists()
