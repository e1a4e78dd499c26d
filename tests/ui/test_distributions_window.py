"""Free distributions, the notice for the lobby board and delivery fees on the Group buys page,
driven the way a volunteer at the lobby table drives them."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from desktop.buys.distributions import list_distributions
from desktop.buys.group_buys import get_buy, list_buys
from desktop.db import settings
from desktop.printing.notice import notice_settings
from tests.buys_scenes import snapshot
from tests.ui.test_buys_page import dumplings, make_page, type_text


def neighbours(add):
    add("12-301", "张三", "13800000001", people=3)
    add("5-1202", "李阿姨", "13800000002", flags=("elderly_alone",))
    add("3-1701", "陈静", "13800000005", flags=("infant",), people=4)


def choose(combo: QComboBox, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_a_volunteer_announces_formula_for_the_infant_households_with_a_live_count(qtbot, conn, add, saved):
    neighbours(add)
    page = make_page(qtbot, conn)
    qtbot.mouseClick(page.findChild(QPushButton, "buysNewDistribution"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    count = dialog.findChild(QLabel, "distributionCount")
    assert count.text() == "3 households, 3 packs"
    choose(dialog.findChild(QComboBox, "distributionTo"), "flag:infant")
    assert count.text() == "1 household, 1 pack"
    choose(dialog.findChild(QComboBox, "distributionPer"), "person")
    assert count.text() == "1 household, 4 packs"
    choose(dialog.findChild(QComboBox, "distributionTo"), "flag:pregnant")
    assert "No active household has the flag pregnant" in count.text()
    choose(dialog.findChild(QComboBox, "distributionTo"), "flag:infant")

    type_text(qtbot, dialog.findChild(QLineEdit, "distributionTitle"), "奶粉")
    type_text(qtbot, dialog.findChild(QLineEdit, "distributionDonor"), "红十字会")
    dialog.findChild(QPlainTextEdit, "distributionItems").setPlainText("婴儿奶粉=1")
    qtbot.mouseClick(dialog.findChild(QPushButton, "distributionSave"), Qt.MouseButton.LeftButton)
    saved()
    qtbot.waitUntil(lambda: page.dialog is None)
    (made,) = list_distributions(conn)
    assert made.buy.title == "奶粉" and made.buy.supplier == "红十字会" and made.recipients == 1
    assert page.view.buy_id == made.buy.id
    assert "free distribution" in page.view.header.text()
    assert "婴儿奶粉 Free" in page.view.items_line.text()
    assert not page.view.findChild(QPushButton, "buyRecordPayment").isEnabled()  # nothing is owed


def test_a_bad_item_or_an_unknown_listed_address_is_said_in_the_dialog_and_nothing_saved(qtbot, conn, add, saved):
    neighbours(add)
    before = snapshot(conn)
    page = make_page(qtbot, conn)
    dialog = page.new_distribution()
    qtbot.waitUntil(dialog.isVisible)
    type_text(qtbot, dialog.findChild(QLineEdit, "distributionTitle"), "保供包")
    dialog.findChild(QPlainTextEdit, "distributionItems").setPlainText("米=0")
    qtbot.mouseClick(dialog.findChild(QPushButton, "distributionSave"), Qt.MouseButton.LeftButton)
    saved()
    assert "0 is not a quantity" in dialog.findChild(QLabel, "distributionItemsError").text()

    dialog.findChild(QPlainTextEdit, "distributionItems").setPlainText("米=1")
    choose(dialog.findChild(QComboBox, "distributionTo"), "list")
    dialog.findChild(QPlainTextEdit, "distributionAddresses").setPlainText("12-301\n99-909")
    assert "Line 2 of the list, 99-909" in dialog.findChild(QLabel, "distributionCount").text()
    qtbot.mouseClick(dialog.findChild(QPushButton, "distributionSave"), Qt.MouseButton.LeftButton)
    saved()
    error = dialog.findChild(QLabel, "distributionToError")
    assert error.isVisible() and "Line 2 of the list" in error.text()
    assert dialog.isVisible() and snapshot(conn) == before


def test_the_filter_shows_bought_buys_or_free_distributions(qtbot, conn, add, saved):
    from desktop.buys.distributions import new_distribution, parse_gift

    neighbours(add)
    dumplings(conn)
    new_distribution(conn, "保供包", "街道", [parse_gift("米=1")])
    page = make_page(qtbot, conn)
    shown = lambda: [page.model.buy_at(r).buy.title for r in range(page.model.rowCount())]  # noqa: E731
    assert sorted(shown()) == ["保供包", "冷冻饺子团"]
    kind = page.findChild(QComboBox, "buysKindFilter")
    kind.setCurrentIndex(kind.findData("free"))
    assert shown() == ["保供包"]
    kind.setCurrentIndex(kind.findData("bought"))
    assert shown() == ["冷冻饺子团"]


def test_the_notice_is_previewed_its_lines_kept_and_saved_as_a_pdf(qtbot, conn, add, saved, tmp_path, monkeypatch):
    neighbours(add)
    dumplings(conn)
    page = make_page(qtbot, conn)
    qtbot.mouseClick(page.findChild(QPushButton, "buysNoticeBoard"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    preview = dialog.findChild(QLabel, "noticePreview")
    qtbot.waitUntil(lambda: preview.pixmap() is not None and not preview.pixmap().isNull(), timeout=20_000)
    assert preview.pixmap().width() == 420

    dialog.findChild(QLineEdit, "noticeHours").setText("每天 9:00–11:00")
    dialog.findChild(QLineEdit, "noticeContact").setText("志愿者王女士")
    qtbot.mouseClick(dialog.findChild(QPushButton, "noticeUpdate"), Qt.MouseButton.LeftButton)
    saved()
    assert notice_settings(conn).lobby_hours == "每天 9:00–11:00"
    assert settings.get(conn, settings.CONTACT) == "志愿者王女士"

    out = tmp_path / "notice.pdf"
    monkeypatch.setattr("desktop.ui.buys.distribution_dialogs.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(out), "PDF (*.pdf)"))
    qtbot.mouseClick(dialog.findChild(QPushButton, "noticeSavePdf"), Qt.MouseButton.LeftButton)
    saved()
    assert out.read_bytes().startswith(b"%PDF")
    status = dialog.findChild(QLabel, "noticeStatus")
    qtbot.waitUntil(status.isVisible)
    assert str(out) in status.text()

    monkeypatch.setattr("desktop.ui.buys.distribution_dialogs.print_document",
                        lambda parent, **kw: kw["say"]("sent", False))
    qtbot.mouseClick(dialog.findChild(QPushButton, "noticePrint"), Qt.MouseButton.LeftButton)
    assert status.text() == "sent"
    qtbot.mouseClick(dialog.findChild(QPushButton, "noticeClose"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_a_fee_is_typed_in_the_new_buy_dialog_and_shown_on_the_buy(qtbot, conn, add, saved):
    neighbours(add)
    page = make_page(qtbot, conn)
    dialog = page.new_buy()
    qtbot.waitUntil(dialog.isVisible)
    type_text(qtbot, dialog.findChild(QLineEdit, "newBuyTitle"), "蔬菜团")
    row = dialog.item_rows[0]
    type_text(qtbot, row.name, "蔬菜包")
    qtbot.keyClicks(row.price, "30")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "newBuyFee"), "-5")
    qtbot.mouseClick(dialog.findChild(QPushButton, "newBuyCreate"), Qt.MouseButton.LeftButton)
    error = dialog.findChild(QLabel, "newBuyFeeError")
    assert error.isVisible() and "below zero" in error.text()
    assert list_buys(conn) == []

    dialog.findChild(QLineEdit, "newBuyFee").setText("6")
    choose(dialog.findChild(QComboBox, "newBuyFeePer"), "household")
    qtbot.mouseClick(dialog.findChild(QPushButton, "newBuyCreate"), Qt.MouseButton.LeftButton)
    saved()
    qtbot.waitUntil(lambda: page.dialog is None)
    (summary,) = list_buys(conn)
    buy = get_buy(conn, summary.buy.id)
    assert (buy.fee_fen, buy.fee_per) == (600, "household")
    assert "delivery fee ¥6.00 once per household" in page.view.header.text()


def test_a_list_of_addresses_is_loaded_from_a_text_file(qtbot, conn, add, saved, tmp_path, monkeypatch):
    neighbours(add)
    listed = tmp_path / "楼长名单.txt"
    listed.write_bytes("3号楼1701\n12-301\n".encode("gb18030"))
    monkeypatch.setattr("desktop.ui.buys.distribution_dialogs.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(listed), ""))
    page = make_page(qtbot, conn)
    dialog = page.new_distribution()
    qtbot.waitUntil(dialog.isVisible)
    load = dialog.findChild(QPushButton, "distributionLoadList")
    assert not load.isVisible()
    choose(dialog.findChild(QComboBox, "distributionTo"), "list")
    assert load.isVisible()
    qtbot.mouseClick(load, Qt.MouseButton.LeftButton)
    assert dialog.findChild(QPlainTextEdit, "distributionAddresses").toPlainText() == "3号楼1701\n12-301\n"
    assert dialog.findChild(QLabel, "distributionCount").text() == "2 households, 2 packs"


def test_a_distribution_opened_shows_who_receives_it_and_nothing_of_money_or_orders(qtbot, conn, add):
    from desktop.buys.distributions import new_distribution, parse_gift

    neighbours(add)
    made = new_distribution(conn, "保供包", "街道", [parse_gift("米 5 kg=1"), parse_gift("油 1 L=1")])
    page = make_page(qtbot, conn)
    view = page.open_buy(made.distribution_id)
    qtbot.waitUntil(lambda: view.details is not None and view.details.buy.free)
    assert view.findChild(QLabel, "ordersTotals").text() == "3 recipients"
    assert "6 units to give" in view.header.text()
    for name in ("buyRecordPayment", "buyImportKtt", "buyOrderSheet", "buyPrintOrderSheet"):
        button = view.findChild(QPushButton, name)
        assert button is not None and not button.isVisible(), name
    headers = [view.table.model().headerData(c, Qt.Orientation.Horizontal)
               for c in range(view.table.model().columnCount()) if not view.table.isColumnHidden(c)]
    assert "Due" not in headers and "Paid" not in headers and "米 5 kg" in headers
    note = [label for label in view.findChildren(QLabel) if "takes no orders" in label.text()]
    assert note and note[0].isVisible()


def test_a_short_arrival_of_a_distribution_speaks_of_the_donor_and_of_no_money(qtbot, conn, add, saved):
    from PySide6.QtWidgets import QTableView

    from desktop.buys.distributions import new_distribution, parse_gift
    from tests.ui.test_buys_page import column

    neighbours(add)
    made = new_distribution(conn, "保供包", "街道", [parse_gift("米 5 kg=1"), parse_gift("油 1 L=1")])
    page = make_page(qtbot, conn)
    view = page.open_buy(made.distribution_id)
    qtbot.waitUntil(lambda: view.details is not None and view.arrival_button.isEnabled())
    qtbot.keyClick(view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    assert any("the donor actually delivered" in label.text() for label in dialog.findChildren(QLabel))
    rice = dialog.findChild(QLineEdit, "arrivalReceived0")
    rice.selectAll()
    qtbot.keyClicks(rice, "2")
    summary = dialog.findChild(QLabel, "arrivalSummary")
    qtbot.waitUntil(lambda: "Short" in summary.text())
    assert "Refund" not in summary.text() and "1 households get less" in summary.text()
    preview = dialog.findChild(QTableView, "arrivalPreview")
    assert preview.isColumnHidden(4) and column(preview, "To give")[:2] == ["1", "1"]
    served = dict(zip(column(preview, "Address"), column(preview, "Served first"), strict=True))
    assert served["5-1202"] == "✓" and served["3-1701"] == "✓"  # elderly and infant served first
    dialog.findChild(QPushButton, "arrivalSave").click()
    saved()
    qtbot.waitUntil(lambda: "Arrival recorded" in view.findChild(QLabel, "buyNotice").text())
    assert "Refund" not in view.findChild(QLabel, "buyNotice").text()


def test_the_live_count_reads_in_chinese(qtbot, conn, add, chinese):
    neighbours(add)
    page = make_page(qtbot, conn)
    qtbot.mouseClick(page.findChild(QPushButton, "buysNewDistribution"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert page.dialog.findChild(QLabel, "distributionCount").text() == "3 户，3 份"


def test_cancelling_a_distribution_speaks_of_no_refunds_and_puts_nothing_on_the_donors_record(
        qtbot, conn, add, saved):
    from desktop.buys.distributions import new_distribution, parse_gift
    from desktop.buys.suppliers import find_supplier, supplier_record

    neighbours(add)
    made = new_distribution(conn, "保供包", "街道", [parse_gift("米=1")])
    page = make_page(qtbot, conn)
    view = page.open_buy(made.distribution_id)
    qtbot.waitUntil(lambda: view.details is not None and view.cancel_button.isEnabled())
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    assert "Nobody receives it" in dialog.findChild(QLabel, "cancelHeading").text()
    assert not dialog.findChild(QComboBox, "cancelCause").isVisible()
    assert not dialog.findChild(QLabel, "cancelTotal").isVisible()
    type_text(qtbot, dialog.findChild(QLineEdit, "cancelReason"), "街道拒单，改天再发")
    confirm = dialog.findChild(QPushButton, "cancelConfirm")
    assert confirm.text().replace("&", "") == "Cancel the distribution"
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    saved()
    qtbot.waitUntil(lambda: get_buy(conn, made.distribution_id).status == "cancelled")
    assert get_buy(conn, made.distribution_id).cancel_cause == "other"
    assert supplier_record(conn, find_supplier(conn, "街道").id).turned_down == 0


def test_a_handed_out_distribution_is_marked_done_not_settled(qtbot, conn, add):
    from desktop.buys.arrivals import record_arrival
    from desktop.buys.distributions import new_distribution, parse_gift
    from desktop.buys.group_buys import change_status

    neighbours(add)
    made = new_distribution(conn, "保供包", "街道", [parse_gift("米=1")])
    record_arrival(conn, made.distribution_id, {"米": 3})
    change_status(conn, made.distribution_id, "bagged")
    change_status(conn, made.distribution_id, "distributed")
    page = make_page(qtbot, conn)
    view = page.open_buy(made.distribution_id)
    qtbot.waitUntil(lambda: view.details is not None and view.status_button.isEnabled())
    (action,) = view.status_menu.actions()
    assert action.text() == "Done (every bag is handed out)"
    action.trigger()
    qtbot.waitUntil(lambda: get_buy(conn, made.distribution_id).status == "settled")
