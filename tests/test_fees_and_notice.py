"""Delivery fees, from what an order is due to the refunds of a cancelled buy and the supplier's
sheet; and the notice for the lobby board, read back from its PDF and looked at as an image."""

import json

import pypdfium2 as pdfium
import pytest

from desktop.buys.arrivals import preview_arrival, record_arrival
from desktop.buys.distributions import new_distribution, parse_gift
from desktop.buys.group_buys import ItemSpec, cancel_buy, list_items, new_buy
from desktop.buys.order_sheet import order_sheet
from desktop.buys.orders import OrderDraft, place_order, save_many
from desktop.buys.payments import buy_money, buy_totals, record_payment, refunds_owed
from desktop.cli.main import main
from desktop.db import transaction
from desktop.errors import BadInput
from desktop.lang import set_language
from desktop.printing.language import print_languages, set_print_language
from desktop.printing.notice import notice_content, set_notice_settings, write_notice
from desktop.roster.households import find_household
from tests.buys_scenes import compound, snapshot
from tests.test_printing import pages_of, text_of


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language(None)


def vegetables(conn, fee_fen=500, fee_per="order", minimum=None):
    return new_buy(conn, "蔬菜团", "跑腿小哥", [ItemSpec("蔬菜包", 3000)], fee_fen=fee_fen,
                   fee_per=fee_per, minimum=minimum, deadline="2022-04-20T20:00").buy_id


def second_order(conn, buy_id, address):
    """Another order of the same household in the same buy, as an import brings it."""
    household = find_household(conn, address)
    item = list_items(conn, buy_id)[0]
    with transaction(conn):
        from desktop.buys.group_buys import get_buy

        (order_id,) = save_many(conn, get_buy(conn, buy_id), [OrderDraft(
            {"household_id": household.id, "buyer_name": household.name, "external_ref": "88"},
            {item.id: 1})], source="ktt")
    return order_id


def test_a_fee_per_order_is_due_on_every_order(tmp_path):
    conn = compound(tmp_path)
    buy = vegetables(conn, 500, "order")
    first = place_order(conn, buy, "12-301", {"蔬菜包": 2}).order_id
    second = second_order(conn, buy, "12-301")
    money = buy_money(conn, buy)
    assert (money[first].due_fen, money[first].fee_fen) == (6500, 500)
    assert (money[second].due_fen, money[second].fee_fen) == (3500, 500)


def test_a_fee_per_household_is_charged_once_over_its_orders(tmp_path):
    conn = compound(tmp_path)
    buy = vegetables(conn, 800, "household")
    first = place_order(conn, buy, "12-301", {"蔬菜包": 1}).order_id
    second = second_order(conn, buy, "12-301")
    other = place_order(conn, buy, "9-101", {"蔬菜包": 1}).order_id
    money = buy_money(conn, buy)
    assert [money[i].fee_fen for i in (first, second, other)] == [800, 0, 800]
    assert buy_totals(conn, buy).due_fen == 3 * 3000 + 2 * 800
    sheet = order_sheet(conn, buy, "zh")
    assert sheet.rows[-1].item == "运费（每户）"
    assert (sheet.rows[-1].quantity, sheet.rows[-1].unit_price_fen) == (2, 800)
    assert sheet.total_fen == 3 * 3000 + 2 * 800


def test_the_fee_is_refunded_in_full_when_the_buy_is_cancelled(tmp_path):
    conn = compound(tmp_path)
    buy = vegetables(conn, 500, "order")
    order = place_order(conn, buy, "12-301", {"蔬菜包": 1}).order_id
    record_payment(conn, order, 3500, "wechat")
    result = cancel_buy(conn, buy, "商家不送了")
    assert [r.amount_fen for r in result.refunds] == [3500]
    assert buy_money(conn, buy)[order].fee_fen == 0


def test_an_arrival_charges_the_fee_only_to_orders_that_get_something(tmp_path):
    conn = compound(tmp_path)
    buy = vegetables(conn, 500, "order")
    vulnerable = place_order(conn, buy, "5-1202", {"蔬菜包": 1}).order_id
    other = place_order(conn, buy, "9-101", {"蔬菜包": 1}).order_id
    record_payment(conn, other, 3500, "cash")
    plan = preview_arrival(conn, buy, {"蔬菜包": 1})
    assert plan.money[vulnerable].due_fen == 3500
    assert plan.money[other].due_fen == 0
    assert [r.amount_fen for r in plan.refunds] == [3500]
    record_arrival(conn, buy, {"蔬菜包": 1})
    assert [r.amount_fen for r in refunds_owed(conn, buy)] == [3500]


@pytest.mark.parametrize("fee", [-1, "-5", "五块"])
def test_a_fee_below_zero_or_not_a_number_is_refused_and_nothing_is_written(tmp_path, fee):
    conn = compound(tmp_path)
    before = snapshot(conn)
    with pytest.raises(BadInput) as refused:
        vegetables(conn, fee)
    assert refused.value.code in ("fee_negative", "fee_invalid")
    assert snapshot(conn) == before


def test_buys_show_carries_the_fee_inside_what_is_due(tmp_path, capsys):
    compound(tmp_path).close()
    db = tmp_path / "c.sqlite"
    assert main(["--db", str(db), "buys", "new", "--title", "菜", "--supplier", "小哥", "--item",
                 "菜=30", "--fee-fen", "700", "--fee-per", "household", "--json"]) == 0
    buy_id = json.loads(capsys.readouterr().out)["buy_id"]
    assert main(["--db", str(db), "buys", "order", str(buy_id), "--address", "12-301", "--item",
                 "菜=1"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "buys", "show", str(buy_id), "--json"]) == 0
    (order,) = json.loads(capsys.readouterr().out)["orders"]
    assert (order["fee_fen"], order["due_fen"]) == (700, 3700)
    assert main(["--db", str(db), "buys", "new", "--title", "菜", "--supplier", "小哥", "--item",
                 "菜=30", "--fee-fen", "-700"]) == 2
    assert "below zero" in capsys.readouterr().err


# ---- the notice ------------------------------------------------------------------------------


def test_the_notice_lists_open_buys_and_distributions_on_their_way_in_chinese(tmp_path):
    conn = compound(tmp_path)
    buy = vegetables(conn, 500, "order", minimum=30)
    place_order(conn, buy, "12-301", {"蔬菜包": 4})
    new_distribution(conn, "保供包", "街道", [parse_gift("米 5 kg=1"), parse_gift("油 1 L=1")])
    set_notice_settings(conn, "每天 9:00–11:00", "到货当天 14:00–18:00", "志愿者王女士 13800000009")
    out = tmp_path / "notice.pdf"
    assert write_notice(conn, out) == 1
    page = pages_of(out)[0]
    assert round(page.get_size()[0]) == 595 and round(page.get_size()[1]) == 842  # A4
    text = text_of(page).replace("\r\n", "").replace(" ", "")  # long lines wrap
    for words in ("正在接单的团购", "蔬菜团", "¥30.00", "30 份起送：已订 4 份，还差 26 份", "运费每单 ¥5.00",
                  "请到大堂登记台下单：每天 9:00–11:00", "即将发放的物资", "保供包", "免费，发给全体住户",
                  "米 5 kg ×1", "领取时间：到货当天 14:00–18:00", "如有疑问：志愿者王女士 13800000009"):
        assert words.replace(" ", "") in text, words
    assert "Open group buys" not in text


def test_with_both_languages_the_english_is_beneath_the_chinese(tmp_path):
    conn = compound(tmp_path)
    vegetables(conn, 0)
    set_print_language(conn, "both")
    assert print_languages(conn) == ("zh", "en")
    out = tmp_path / "notice.pdf"
    write_notice(conn, out)
    text = text_of(pages_of(out)[0]).replace("\r\n", "")
    assert text.index("正在接单的团购") < text.index("Open group buys")
    assert text.index("Open group buys") < text.index("蔬菜团")


def test_a_notice_with_nothing_open_says_so_and_still_gives_the_contact(tmp_path):
    conn = compound(tmp_path)
    out = tmp_path / "notice.pdf"
    write_notice(conn, out)
    text = text_of(pages_of(out)[0]).replace("\r\n", "")
    assert "今天没有正在接单的团购，也没有待发放的物资。" in text
    assert "请到大堂登记台咨询" in text


def test_the_notice_for_one_building_lists_only_what_reaches_it(tmp_path):
    conn = compound(tmp_path)
    new_distribution(conn, "奶粉", "红十字会", [parse_gift("奶粉=1")], to="flag:infant")
    assert [g.title for g in notice_content(conn, building="3").gifts] == ["奶粉"]
    assert notice_content(conn, building="12号楼").gifts == ()
    with pytest.raises(BadInput):
        notice_content(conn, building="楼")


def test_the_notice_reads_at_arms_length(tmp_path, capsys):
    """Every word but the small printed-at line in the corner is 17 points or more (about 6 mm
    high: readable from 2 m), the headline twice that; and the page, looked at small, has ink."""
    conn = compound(tmp_path)
    vegetables(conn, 500)
    out = tmp_path / "notice.pdf"
    conn.close()
    assert main(["--db", str(tmp_path / "c.sqlite"), "print", "notice", "-o", str(out)]) == 0
    assert "notice" in capsys.readouterr().out.lower()
    document = pdfium.PdfDocument(str(out))
    page = document[0]
    textpage = page.get_textpage()
    sizes = set()
    for index in range(textpage.count_chars()):
        if textpage.get_text_range(index, 1).strip():
            sizes.add(round(pdfium.raw.FPDFText_GetFontSize(textpage, index)))
    textpage.close()
    assert max(sizes) >= 34 and min(sizes - {9}) >= 17, sizes
    image = page.render(scale=0.25).to_pil().convert("L")
    assert image.getextrema()[0] < 60  # ink on the page, not a blank sheet


def test_buys_list_says_which_are_free_and_what_fee_each_charges(tmp_path, capsys):
    conn = compound(tmp_path)
    vegetables(conn, 800, "household")
    new_distribution(conn, "保供包", "街道", [parse_gift("米 5 kg=1")])
    conn.close()
    assert main(["--db", str(tmp_path / "c.sqlite"), "buys", "list", "--json"]) == 0
    listed = {b["title"]: b for b in json.loads(capsys.readouterr().out)["buys"]}
    assert (listed["蔬菜团"]["kind"], listed["蔬菜团"]["fee_fen"], listed["蔬菜团"]["fee_per"]) == (
        "bought", 800, "household")
    assert (listed["保供包"]["kind"], listed["保供包"]["fee_fen"]) == ("free", 0)


def test_the_lobby_lines_of_the_notice_are_set_from_the_command_line_and_kept(tmp_path, capsys):
    compound(tmp_path).close()
    db, out = str(tmp_path / "c.sqlite"), str(tmp_path / "notice.pdf")
    assert main(["--db", db, "print", "notice", "-o", out, "--lobby-hours", "每天 9:00–11:00",
                 "--contact", "王女士 13800000009"]) == 0
    assert main(["--db", db, "print", "notice", "-o", out, "--collect-hours", "14:00–18:00"]) == 0
    text = text_of(pages_of(out)[0]).replace("\r\n", "").replace(" ", "")
    assert "如有疑问：王女士13800000009" in text
    conn = compound_again(tmp_path)
    kept = notice_content(conn).settings
    assert (kept.lobby_hours, kept.collect_hours, kept.contact) == (
        "每天 9:00–11:00", "14:00–18:00", "王女士 13800000009")
    assert main(["--db", db, "print", "notice", "-o", out, "--contact", "",
                 "--building", "楼"]) == 2
    assert notice_content(conn).settings.contact == "王女士 13800000009"  # nothing half-done
    assert main(["--db", db, "print", "notice", "-o", out, "--contact", ""]) == 0
    assert notice_content(conn).settings.contact == ""


def compound_again(tmp_path):
    from desktop.db import connect

    return connect(tmp_path / "c.sqlite")


def test_a_long_notice_in_both_languages_keeps_to_one_page_and_says_how_many_more(tmp_path):
    conn = compound(tmp_path)
    set_print_language(conn, "both")
    for number in range(14):
        new_buy(conn, f"第{number + 1}团 水果蔬菜肉蛋", "跑腿小哥",
                [ItemSpec(f"货品{i}", 1000 + i) for i in range(4)], fee_fen=500, minimum=30,
                deadline="2022-04-20T20:00")
    for number in range(6):
        new_distribution(conn, f"保供包{number + 1}", "街道",
                         [parse_gift("米 5 kg=1"), parse_gift("油 1 L=1")])
    out = tmp_path / "notice.pdf"
    assert write_notice(conn, out) == 1
    text = text_of(pages_of(out)[0]).replace("\r\n", "").replace(" ", "")
    assert "第1团" in text and "保供包1" in text
    assert "……另有" in text and "more" in text
    assert "如有疑问" in text  # the contact line is never what gives way


def test_a_short_notice_is_set_large_and_a_long_one_no_smaller_than_the_floor(tmp_path):
    from desktop.printing.notice import SCALES, fit_one_page, notice_content
    from desktop.printing.stocks import A4

    conn = compound(tmp_path)
    vegetables(conn, 0)
    width, height = A4
    _, scale, _ = fit_one_page(notice_content(conn), ("zh", "en"), width - 100, height - 100)
    assert scale == SCALES[0]
    for _ in range(20):
        vegetables(conn, 0)
    content, scale, _ = fit_one_page(notice_content(conn), ("zh", "en"), width - 100, height - 100)
    assert scale == SCALES[-1] and content.more_buys > 0
    assert len(content.buys) + content.more_buys == 21


def test_cancelling_refunds_a_household_with_two_orders_and_a_household_fee_all_it_paid(tmp_path):
    """A fee per household, charged on the first of its two orders; it paid part on each. The buy
    is cancelled: one refund, to the household, of everything it paid, the fee's share included."""
    conn = compound(tmp_path)
    buy = vegetables(conn, 800, "household")
    first = place_order(conn, buy, "12-301", {"蔬菜包": 1}).order_id
    second = second_order(conn, buy, "12-301")
    money = buy_money(conn, buy)
    assert (money[first].due_fen, money[second].due_fen) == (3800, 3000)
    record_payment(conn, first, 2000, "wechat")
    record_payment(conn, second, 1500, "cash")
    result = cancel_buy(conn, buy, "商家不送了")
    assert [(r.address, r.amount_fen, r.order_ids) for r in result.refunds] == [
        ("12-301", 3500, (first, second))]
    after = buy_money(conn, buy)
    assert [after[i].due_fen for i in (first, second)] == [0, 0]
    assert [after[i].refund_due_fen for i in (first, second)] == [2000, 1500]
    # paying the refund back order by order clears what is owed, and no more can be refunded
    record_payment(conn, first, -2000, "wechat")
    record_payment(conn, second, -1500, "cash")
    assert refunds_owed(conn, buy) == []
    with pytest.raises(BadInput):
        record_payment(conn, second, -1, "cash")


def test_the_supplier_sheet_pdf_has_the_fee_line_and_it_counts_in_the_total(tmp_path):
    from desktop.printing.supplier_sheet import write_supplier_sheet

    conn = compound(tmp_path)
    buy = vegetables(conn, 800, "household")
    place_order(conn, buy, "12-301", {"蔬菜包": 2})
    second_order(conn, buy, "12-301")
    place_order(conn, buy, "9-101", {"蔬菜包": 1})
    out = tmp_path / "sheet.pdf"
    write_supplier_sheet(conn, buy, out)
    text = text_of(pages_of(out)[0]).replace("\r\n", " ")
    assert "运费（每户）" in text or "Delivery fee" in text
    assert "¥16.00" in text  # two households' fee, ¥8.00 each
    assert "¥136.00" in text  # 4 × ¥30.00 + 2 × ¥8.00


def test_buys_import_says_the_delivery_fee_the_export_states(tmp_path, capsys):
    from tests.buys_scenes import ktt_order, write_ktt

    compound(tmp_path).close()
    path = write_ktt(tmp_path / "fee.xlsx", [
        ktt_order(1, "张三", "13800000001", "样例小区12号楼301", [("冷冻饺子", "1kg", 1, 32)],
                  building="12", room="301", fee=5)])
    assert main(["--db", str(tmp_path / "c.sqlite"), "buys", "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 order;" in out and "delivery fee (运费): ¥5.00 per order" in out
