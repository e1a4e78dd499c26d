"""The Reports and Urgent needs pages as a committee member uses them: who has had nothing, the
money behind each figure, the day's sheet saved or printed, a need added, sourced and closed, and
the gate naming a household's urgent need when its bag is scanned."""

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from desktop.buys.group_buys import cancel_buy, close_buy, confirm_buy
from desktop.buys.payments import record_payment
from desktop.committee import needs
from desktop.ui import jobs, printing
from desktop.ui.committee.needs_page import NeedsPage
from desktop.ui.committee.reports_page import ReportsPage
from desktop.ui.gate.gate_page import GatePage
from desktop.ui.main_window import MainWindow
from tests.bag_scenes import open_buy, order
from tests.committee_scenes import handing_out


@pytest.fixture
def week(tmp_path):
    conn, bags = handing_out(tmp_path)
    yield conn, bags
    conn.close()


def click(qtbot, parent, name) -> None:
    button = parent.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown_dialog(qtbot, page, name) -> QDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() and d.objectName() == name
                                for d in page.findChildren(QDialog)), timeout=5000)
    (dialog,) = [d for d in page.findChildren(QDialog) if d.isVisible() and d.objectName() == name]
    return dialog


def open_page(qtbot, page_class, conn):
    page = page_class(conn)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    read(qtbot, page)
    return page


def read(qtbot, page) -> None:
    """The page has read what it shows (off the GUI thread) and shows it."""
    qtbot.waitUntil(lambda: not page.reading, timeout=20_000)
    assert not page.reading_label.isVisible()


def all_done(qtbot) -> None:
    qtbot.waitUntil(lambda: jobs.running_count() == 0, timeout=20_000)


def column(page, number: int) -> list[str]:
    return page.coverage_model.texts(number)


# ---- Reports ----------------------------------------------------------------------------------


def test_reports_list_who_had_nothing_vulnerable_first_and_a_longer_window_drops_the_served(qtbot, week):
    conn, _bags = week
    page = open_page(qtbot, ReportsPage, conn)
    assert page.headline.text() == ("Handed over 1 · waiting 4 · not served in 3 days 4 · "
                                    "urgent needs 0")
    assert column(page, 0) == ["5-1202", "3-101", "12-2-502", "12-301"]
    assert page.coverage_summary.text() == (
        "4 households received nothing · 1 vulnerable · 1 without a smartphone")
    assert column(page, 4)[1] == "13800000003 · no smartphone: call or knock"
    assert column(page, 5)[0] == "never" and column(page, 5)[3].startswith("5 days ago")
    page.days.setValue(7)
    assert page.reading and page.reading_label.isVisible()
    read(qtbot, page)
    assert column(page, 0) == ["5-1202", "3-101", "12-2-502"]
    assert "12: 0 handed over, 1 waiting" in page.buildings_chart.accessibleDescription()
    assert page.days_chart.accessibleDescription().count(": ") == 14


def test_a_coverage_row_opens_its_household_on_the_roster_page(qtbot, week):
    conn, _bags = week
    window = MainWindow(conn)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("reports")
    page = window.pages["reports"]
    read(qtbot, page)
    assert column(page, 0)[1] == "3-101"
    page.coverage_table.setFocus()
    page.coverage_table.setCurrentIndex(page.coverage_model.index(1, 0))
    qtbot.keyClick(page.coverage_table, Qt.Key.Key_Return)
    roster = window.pages["roster"]
    assert window.current_page() == "roster"
    qtbot.waitUntil(lambda: roster.household_dialog is not None and roster.household_dialog.isVisible())
    assert roster.household_dialog.address.text() == "3-101"
    roster.household_dialog.reject()
    qtbot.waitUntil(lambda: roster.household_dialog is None)
    # A double-click on a row does the same.
    window.show_page("reports")
    read(qtbot, page)
    rect = page.coverage_table.visualRect(page.coverage_model.index(0, 1))
    qtbot.mouseClick(page.coverage_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.coverage_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: roster.household_dialog is not None and roster.household_dialog.isVisible())
    assert window.current_page() == "roster" and roster.household_dialog.address.text() == "5-1202"
    roster.household_dialog.reject()
    jobs.wait_until_idle()


def test_each_money_figure_opens_the_ledger_rows_behind_it(qtbot, week):
    conn, _bags = week
    rice = open_buy(conn, "大米团")
    first = order(conn, rice, "12-301", 东北大米=1)
    second = order(conn, rice, "3-101", 东北大米=2)
    record_payment(conn, first, 7900, "wechat", reference="微信转账")
    record_payment(conn, second, 20000, "cash")
    close_buy(conn, rice)
    confirm_buy(conn, rice)
    eggs = open_buy(conn, "鸡蛋团")
    third = order(conn, eggs, "5-1202", 酱油=2)
    record_payment(conn, third, 1800, "alipay")
    cancel_buy(conn, eggs, "商家没货")
    page = open_page(qtbot, ReportsPage, conn)
    assert page.figures["collected"].text() == "Collected ¥297.00"
    assert page.figures["refunds_owed"].text() == "refunds owed ¥60.00 (2 households)"

    click(qtbot, page, "reportsCollected")
    dialog = shown_dialog(qtbot, page, "moneyRowsDialog")
    assert dialog.model.texts(2) == ["12-301", "3-101", "5-1202"]
    assert dialog.model.texts(6) == ["¥79.00", "¥200.00", "¥18.00"]
    assert dialog.findChild(QLabel, "moneyRowsTotal").text() == "3 rows · total ¥297.00"
    click(qtbot, dialog, "moneyRowsClose")
    qtbot.waitUntil(lambda: page.dialog is None)

    click(qtbot, page, "reportsRefundsOwed")
    dialog = shown_dialog(qtbot, page, "moneyRowsDialog")
    assert sorted(zip(dialog.model.texts(1), dialog.model.texts(3), strict=True)) == [
        ("3-101", "¥42.00"), ("5-1202", "¥18.00")]
    dialog.reject()
    qtbot.waitUntil(lambda: page.dialog is None)

    page.money_buy.setCurrentIndex(page.money_buy.findData(rice))
    read(qtbot, page)
    assert page.figures["owed_to_suppliers"].text() == "owed to suppliers ¥237.00"
    click(qtbot, page, "reportsOwedToSuppliers")
    dialog = shown_dialog(qtbot, page, "moneyRowsDialog")
    assert dialog.model.texts(0) == ["大米团"] and dialog.model.texts(3) == ["¥237.00"]
    dialog.reject()
    click(qtbot, page, "reportsBalance")
    dialog = shown_dialog(qtbot, page, "moneyRowsDialog")
    assert dialog.model.texts(6) == [page.figures["balance"].text().split()[-1]]
    dialog.reject()
    click(qtbot, page, "reportsRefunded")
    dialog = shown_dialog(qtbot, page, "moneyRowsDialog")
    assert dialog.model.rowCount() == 0
    dialog.reject()


def test_a_need_added_from_the_reports_page_shows_beside_its_household(qtbot, week):
    conn, _bags = week
    page = open_page(qtbot, ReportsPage, conn)
    click(qtbot, page, "reportsAddNeed")
    dialog = shown_dialog(qtbot, page, "newNeedDialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "needAddress"), "5-1202")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "needWhat"), "insulin")
    dialog.findChild(QCheckBox, "needUrgent").setChecked(True)
    click(qtbot, dialog, "needSave")
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10_000)
    read(qtbot, page)
    assert page.notice.text() == "Need 1 added." and page.notice.isVisible()
    assert column(page, 6)[0] == "insulin"
    assert page.needs_summary.text() == "Urgent needs: 1 open, 1 of them urgent"
    assert page.headline.text().endswith("urgent needs 1")


def test_the_days_sheet_is_saved_as_a_pdf_from_the_reports_page(qtbot, week, tmp_path, monkeypatch):
    conn, _bags = week
    target = tmp_path / "sheet"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    page = open_page(qtbot, ReportsPage, conn)
    click(qtbot, page, "reportsSaveDaily")
    all_done(qtbot)
    written = tmp_path / "sheet.pdf"
    assert page.notice.text() == f"Saved the daily sheet to {written}."
    document = pdfium.PdfDocument(str(written))
    text = document[0].get_textpage().get_text_range()
    assert "已交付 1 袋" in text
    document.close()


def test_printing_the_sheet_with_no_printer_says_so(qtbot, week, monkeypatch):
    conn, _bags = week
    monkeypatch.setattr(printing, "printer_names", lambda: [])
    page = open_page(qtbot, ReportsPage, conn)
    click(qtbot, page, "reportsPrintDaily")
    (box,) = [box for box in page.findChildren(QMessageBox, "errorMessage") if box.isVisible()]
    assert box.text().startswith("No printer is installed on this computer")
    assert not page.findChildren(QPrintDialog)
    box.accept()


# ---- Urgent needs -----------------------------------------------------------------------------


def test_a_need_is_added_refused_for_a_wrong_address_sourced_and_closed(qtbot, week):
    conn, _bags = week
    page = open_page(qtbot, NeedsPage, conn)
    assert page.empty.isVisible() and not page.table.isVisible()
    click(qtbot, page, "needsAdd")
    dialog = shown_dialog(qtbot, page, "newNeedDialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "needAddress"), "99-999")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "needWhat"), "infant formula")
    click(qtbot, dialog, "needSave")
    error = dialog.findChild(QLabel, "needAddressError")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert error.text().startswith("No household at 99-999 is in the roster")
    assert needs.list_needs(conn) == []
    address = dialog.findChild(QLineEdit, "needAddress")
    address.clear()
    qtbot.keyClicks(address, "3-101")
    click(qtbot, dialog, "needSave")
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10_000)
    read(qtbot, page)
    assert page.model.texts(1) == ["3-101"] and page.model.texts(5) == ["open"]

    click(qtbot, page, "needsUpdate")
    dialog = shown_dialog(qtbot, page, "updateNeedDialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "needWho"), "Dr Wang")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "needNote"), "pharmacy has it on Wednesday")
    click(qtbot, dialog, "needSave")
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10_000)
    read(qtbot, page)
    assert page.model.texts(5) == ["sourcing"] and page.model.texts(6) == ["Dr Wang"]
    assert "pharmacy has it on Wednesday" in page.notes.text()

    click(qtbot, page, "needsClose")
    dialog = shown_dialog(qtbot, page, "closeNeedDialog")
    dialog.cancelled.setChecked(True)
    click(qtbot, dialog, "needCloseSave")
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10_000)
    read(qtbot, page)
    assert page.notice.text() == "Need 1 closed: cancelled."
    assert page.model.rowCount() == 0 and page.empty.isVisible()
    page.show_closed.setChecked(True)
    read(qtbot, page)
    assert page.model.texts(5) == ["cancelled"]
    assert not page.update_button.isEnabled() and not page.close_button.isEnabled()


# ---- the gate ---------------------------------------------------------------------------------


def test_the_gate_names_the_households_urgent_need_when_its_bag_is_scanned(qtbot, week):
    conn, bags = week
    needs.add_need(conn, "5-1202", "胰岛素", "high")
    page = GatePage(conn)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.wait_for_waiting_list()
    page.operator_input.setText("保安老李")
    qtbot.keyClicks(page.scan_input, bags["5-1202"][0].code)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.settled, timeout=10_000)
    urgent = page.verdict_banner.urgent
    assert urgent.isVisible() and urgent.text() == "⚠ Urgent need: 胰岛素"
    assert "⚠ Urgent need: 胰岛素" in page.verdict_banner.accessibleDescription()
    page.stop()
