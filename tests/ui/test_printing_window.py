"""Printing from the window to a real printer queue: CUPS with its PDF printer (queue `PDF`, and
`PDF_rejecting`, which refuses every job), as `.ci/printer.sh` sets them up. What reaches the
queue is read back from the PDF the queue printed: its pages, their size, their QR codes."""

import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPushButton

from desktop.bags.bags import household_codes, make_bags
from desktop.ui import printing
from tests.bag_scenes import NEIGHBOURS, everyday_buy
from tests.cups_queue import QUEUE, REJECTING, existing, printed_file, require_queues
from tests.ui.bags_scenes import add_neighbours, all_done, finish, make_page

MM = 72 / 25.4


@pytest.fixture
def cups_pdf():
    """The folder the PDF queue prints into."""
    return require_queues()


@pytest.fixture
def neighbours(conn):
    return add_neighbours(conn)


def click(qtbot, page, name) -> None:
    button = page.findChild(QPushButton, name)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def the_print_dialog(qtbot, page) -> QPrintDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(QPrintDialog)),
                    timeout=5000)
    (dialog,) = [d for d in page.findChildren(QPrintDialog) if d.isVisible()]
    return dialog


def choose_printer(dialog: QPrintDialog, queue: str) -> None:
    """Pick the queue in the dialog's own printer list, as a person would."""
    printers = dialog.findChild(QComboBox, "printers")
    index = printers.findText(queue)
    assert index >= 0, f"{queue} is not offered: {[printers.itemText(i) for i in range(printers.count())]}"
    printers.setCurrentIndex(index)


def printed(qtbot, folder: Path, before: set[Path], name: str):
    """The printed file of the job whose document is `name` (CUPS-PDF names it after the job)."""
    path = printed_file(folder, before, name, wait=lambda seconds: qtbot.wait(int(seconds * 1000)))
    return pdfium.PdfDocument(str(path))


def sizes_mm(document) -> set[tuple[float, float]]:
    return {(round(w / MM), round(h / MM)) for w, h in (page.get_size() for page in document)}


def codes_on(document, dpi) -> list[str]:
    found = []
    for page in document:
        found += [b.text for b in zxingcpp.read_barcodes(page.render(scale=dpi / 72).to_pil(),
                                                          formats=zxingcpp.BarcodeFormat.QRCode)]
    return found


def test_labels_printed_from_the_window_reach_the_queue_one_label_a_page_at_the_stock_size(
        qtbot, neighbours, cups_pdf):
    buy = everyday_buy(neighbours)
    bags = make_bags(neighbours, buy).bags
    page = make_page(qtbot, neighbours)
    assert page.findChild(QComboBox, "bagsStock").currentData() == "thermal-60x40"
    before = existing(cups_pdf)

    click(qtbot, page, "bagsPrintLabels")
    dialog = the_print_dialog(qtbot, page)
    choose_printer(dialog, QUEUE)
    dialog.accept()
    finish(qtbot, page.job)

    assert page.findChild(QLabel, "bagsNotice").text() == f"Sent to {QUEUE}: {len(bags)} pages."
    document = printed(qtbot, cups_pdf, before, f"labels-{buy}-thermal-60x40.pdf")
    assert len(document) == len(bags)
    assert sizes_mm(document) == {(60, 40)}
    assert codes_on(document, 203) == [bag.code for bag in bags]
    all_done(qtbot)


def test_the_pickup_sheet_and_household_cards_print_on_a4(qtbot, neighbours, cups_pdf):
    buy = everyday_buy(neighbours)
    make_bags(neighbours, buy)
    page = make_page(qtbot, neighbours)

    before = existing(cups_pdf)
    click(qtbot, page, "bagsPrintPickup")
    dialog = the_print_dialog(qtbot, page)
    choose_printer(dialog, QUEUE)
    dialog.accept()
    finish(qtbot, page.job)
    sheet = printed(qtbot, cups_pdf, before, f"pickup-{buy}.pdf")
    assert len(sheet) == 1 and sizes_mm(sheet) == {(210, 297)}

    before = existing(cups_pdf)
    click(qtbot, page, "bagsPrintCards")
    dialog = the_print_dialog(qtbot, page)
    choose_printer(dialog, QUEUE)
    dialog.accept()
    finish(qtbot, page.job)
    cards = printed(qtbot, cups_pdf, before, "cards.pdf")
    assert len(cards) == 1 and sizes_mm(cards) == {(210, 297)}
    assert sorted(codes_on(cards, 300)) == sorted(household_codes(neighbours).values())
    assert len(household_codes(neighbours)) == len(NEIGHBOURS)
    all_done(qtbot)


def test_a_cancelled_print_dialog_prints_and_records_nothing(qtbot, neighbours, cups_pdf):
    page = make_page(qtbot, neighbours)
    before = existing(cups_pdf)
    click(qtbot, page, "bagsPrintCards")
    the_print_dialog(qtbot, page).reject()
    assert page.findChild(QLabel, "bagsNotice").text() == "Printing cancelled: nothing was printed."
    assert page.job is None
    assert household_codes(neighbours) == {}  # no card code was issued
    qtbot.wait(1500)
    assert existing(cups_pdf) == before
    all_done(qtbot)


def test_a_queue_that_refuses_jobs_is_named_and_nothing_is_recorded(qtbot, neighbours, cups_pdf):
    page = make_page(qtbot, neighbours)
    click(qtbot, page, "bagsPrintCards")
    dialog = the_print_dialog(qtbot, page)
    choose_printer(dialog, REJECTING)
    dialog.accept()
    finish(qtbot, page.job)
    boxes = [box for box in page.findChildren(QMessageBox, "errorMessage") if box.isVisible()]
    assert len(boxes) == 1
    assert boxes[0].text().startswith(f"Printer “{REJECTING}” is not accepting jobs")
    assert "nothing was printed" in boxes[0].text()
    assert household_codes(neighbours) == {}
    boxes[0].accept()
    all_done(qtbot)


def test_with_no_printer_installed_the_print_button_says_so(qtbot, neighbours, monkeypatch):
    monkeypatch.setattr(printing, "printer_names", lambda: [])
    buy = everyday_buy(neighbours)
    make_bags(neighbours, buy)
    page = make_page(qtbot, neighbours)
    click(qtbot, page, "bagsPrintLabels")
    (box,) = [box for box in page.findChildren(QMessageBox, "errorMessage") if box.isVisible()]
    assert box.text() == ("No printer is installed on this computer: add one in the system's "
                          "printer settings, or save the PDF and print it elsewhere.")
    assert page.job is None and not page.findChildren(QPrintDialog)
    box.accept()
    all_done(qtbot)


def test_the_supplier_order_sheet_prints_from_the_buy_page(qtbot, neighbours, cups_pdf):
    from desktop.ui.buys.buys_page import BuysPage

    buy = everyday_buy(neighbours)
    page = BuysPage(neighbours)
    qtbot.addWidget(page)
    page.resize(1216, 720)
    page.show()
    qtbot.waitExposed(page)
    view = page.open_buy(buy)
    before = existing(cups_pdf)
    button = view.findChild(QPushButton, "buyPrintOrderSheet")
    assert "Ctrl+Shift+O" in button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = the_print_dialog(qtbot, view)
    choose_printer(dialog, QUEUE)
    dialog.accept()
    finish(qtbot, view.job)
    assert view.findChild(QLabel, "buyNotice").text() == f"Sent to {QUEUE}: 1 page."
    sheet = printed(qtbot, cups_pdf, before, f"order-sheet-{buy}.pdf")
    assert len(sheet) == 1 and sizes_mm(sheet) == {(210, 297)}


def test_the_door_delivery_run_prints_from_the_gate_page(qtbot, neighbours, cups_pdf):
    from desktop.ui.gate.gate_page import GatePage

    everyday_buy(neighbours)
    make_bags(neighbours, 1)
    page = GatePage(neighbours)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    before = existing(cups_pdf)
    try:
        qtbot.mouseClick(page.findChild(QPushButton, "gatePrintDoorRun"), Qt.MouseButton.LeftButton)
        dialog = the_print_dialog(qtbot, page)
        choose_printer(dialog, QUEUE)
        dialog.accept()
        finish(qtbot, page.door_run_job)
        run = printed(qtbot, cups_pdf, before, "door-run-")
        assert len(run) == 1 and sizes_mm(run) == {(210, 297)}  # one building has door delivery
        assert page.findChild(QLabel, "gateNote").text() == f"Sent to {QUEUE}: 1 page."
    finally:
        page.stop()


def test_stopping_a_print_job_half_way_sends_nothing_to_the_queue(qtbot, neighbours, cups_pdf,
                                                                  monkeypatch):
    import desktop.printing.labels as labels
    from desktop.errors import Cancelled

    buy = everyday_buy(neighbours)
    make_bags(neighbours, buy)
    page = make_page(qtbot, neighbours)
    finish(qtbot, page.preview_job)  # the previews are drawn before the slow writer comes in

    def slow(conn, buy_id, stock, path, *, progress=None, should_cancel=None, limit=None):
        for done in range(10_000):
            if should_cancel():
                raise Cancelled()
            progress(done, 10_000)
            time.sleep(0.001)

    monkeypatch.setattr(labels, "write_labels", slow)
    before = existing(cups_pdf)
    click(qtbot, page, "bagsPrintLabels")
    dialog = the_print_dialog(qtbot, page)
    choose_printer(dialog, QUEUE)
    dialog.accept()
    with qtbot.waitSignal(page.job.failed, timeout=10_000) as failed:
        page.job.cancel()
    assert isinstance(failed.args[0], Cancelled)
    qtbot.wait(2000)
    assert not [p for p in existing(cups_pdf) - before if p.name.startswith(f"labels-{buy}-")]
    all_done(qtbot)
