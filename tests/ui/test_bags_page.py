"""The Bags & labels page, driven the way a volunteer at the lobby table drives it."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from desktop.bags.bags import make_bags
from desktop.bags.codes import verify
from desktop.compound import code_keys
from desktop.errors import Cancelled
from tests.bag_scenes import arrived, everyday_buy, open_buy, order
from tests.ui.bags_scenes import add_neighbours, all_done, finish, make_page


@pytest.fixture
def neighbours(conn):
    return add_neighbours(conn)


def previews_drawn(qtbot, page):
    for _ in range(4):  # a preview asked for while one was drawing is drawn right after it
        finish(qtbot, page.preview_job)
        qtbot.wait(20)
        if page.preview_job is None or not page.preview_job.running:
            break


def test_a_volunteer_makes_the_bags_of_an_arrived_buy_and_sees_them_counted_by_building(qtbot, neighbours):
    buy = everyday_buy(neighbours)
    page = make_page(qtbot, neighbours)
    combo = page.findChild(QComboBox, "bagsBuy")
    assert combo.currentData() == buy and combo.currentText() == "周末冷冻团 · arrived"
    assert page.findChild(QLabel, "bagsBuildings").text() == "No bags yet: press Make bags."

    make = page.findChild(QPushButton, "bagsMake")
    make.click()
    finish(qtbot, page.job)

    notice = page.findChild(QLabel, "bagsNotice")
    assert notice.isVisible()
    assert notice.text() == "8 bags for 4 households: 8 made, 0 kept, 0 voided."
    counts = page.findChild(QLabel, "bagsBuildings").text()
    assert counts.startswith("8 bags for 4 households")
    assert "Building 12: 2 households, 5 bags" in counts and "Building 3: 1 households, 1 bags" in counts
    assert combo.currentText() == "周末冷冻团 · bagged"

    previews_drawn(qtbot, page)
    for name in ("bagsLabelPreview", "bagsPickupPreview"):
        pixmap = page.findChild(QLabel, name).pixmap()
        assert pixmap is not None and not pixmap.isNull() and pixmap.width() > 100
    all_done(qtbot)


def test_the_label_preview_is_a_real_label_whose_code_reads_back(qtbot, neighbours):
    buy = everyday_buy(neighbours)
    make_bags(neighbours, buy)
    page = make_page(qtbot, neighbours)
    previews_drawn(qtbot, page)
    image = page.label_preview.pixmap().toImage()
    path = Path(neighbours.path).with_name("preview.png")
    image.save(str(path))
    from PIL import Image

    (found,) = zxingcpp.read_barcodes(Image.open(path))
    assert verify(code_keys(neighbours), found.text).verdict == "genuine"
    all_done(qtbot)


def test_the_chosen_stock_is_remembered_next_time(qtbot, neighbours, tmp_path):
    everyday_buy(neighbours)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    page = make_page(qtbot, neighbours, settings)
    stock = page.findChild(QComboBox, "bagsStock")
    assert stock.currentData() == "thermal-60x40"
    stock.setCurrentIndex(stock.findData("a4-3x8"))
    page.max_items.setValue(6)
    page.make_bags()
    finish(qtbot, page.job)
    settings.sync()

    again = make_page(qtbot, neighbours, QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    assert again.findChild(QComboBox, "bagsStock").currentData() == "a4-3x8"
    assert again.max_items.value() == 6
    all_done(qtbot)


def test_save_pdf_writes_every_label_and_says_where(qtbot, neighbours, tmp_path):
    buy = everyday_buy(neighbours)
    bags = make_bags(neighbours, buy).bags
    page = make_page(qtbot, neighbours)
    target = tmp_path / "labels.pdf"
    finish(qtbot, page.save_document("labels", target))
    assert len(pdfium.PdfDocument(str(target))) == len(bags)
    assert page.notice.text() == f"Saved {target}."
    all_done(qtbot)


def test_open_pdf_hands_the_system_viewer_a_finished_file(qtbot, neighbours):
    buy = everyday_buy(neighbours)
    make_bags(neighbours, buy)
    page = make_page(qtbot, neighbours)
    opened: list[QUrl] = []
    page.open_url = opened.append
    finish(qtbot, page.open_document("pickup"))
    qtbot.waitUntil(lambda: bool(opened), timeout=2000)
    path = Path(opened[0].toLocalFile())
    assert path.exists() and path.read_bytes().startswith(b"%PDF")
    all_done(qtbot)


def test_printed_labels_are_drawn_dot_for_dot_at_the_stocks_own_size(qtbot, neighbours, tmp_path):
    """What the window paints onto a printer, caught in a PDF printer: one label a page, 60 × 40 mm,
    each page one image of 203 dots an inch."""
    from desktop.ui.printing import make_printer, paint_pdf

    buy = everyday_buy(neighbours)
    bags = make_bags(neighbours, buy).bags
    page = make_page(qtbot, neighbours)
    labels = tmp_path / "labels.pdf"
    finish(qtbot, page.save_document("labels", labels))

    paper = page.paper("labels")
    assert (paper.dpi, paper.thermal, paper.media) == (203, True, "Custom.60x40mm")
    printer = make_printer(paper, "labels.pdf")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert paint_pdf(labels, printer, paper, lambda done, total: None, lambda: False) == len(bags)
    document = pdfium.PdfDocument(str(printed))
    assert len(document) == len(bags)
    width, height = document[0].get_size()
    assert abs(width - 60 / 25.4 * 72) < 0.5 and abs(height - 40 / 25.4 * 72) < 0.5
    (image,) = [o for o in document[0].get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    assert image.get_px_size() == (480, 320)  # 60 × 40 mm at 203 dpi, rounded up to whole dots
    (found,) = zxingcpp.read_barcodes(document[0].render(scale=203 / 72).to_pil())
    assert found.text == bags[0].code
    assert page.paper("pickup").dpi == 300 and page.paper("pickup").media == "A4"
    all_done(qtbot)


def test_household_cards_can_be_printed_for_one_building(qtbot, neighbours, tmp_path):
    page = make_page(qtbot, neighbours)
    building = page.findChild(QComboBox, "bagsCardsBuilding")
    assert building.itemText(0) == "All buildings"
    building.setCurrentIndex(building.findData(12))
    target = tmp_path / "cards.pdf"
    job = page.save_document("cards", target)
    finish(qtbot, job)
    assert job.result == 2  # 12-301 and 12-2-502
    all_done(qtbot)


def test_a_compound_with_no_arrived_buy_is_told_how_bags_come_about(qtbot, neighbours):
    buy = open_buy(neighbours)
    order(neighbours, buy, "12-301", 冷冻饺子=1)
    page = make_page(qtbot, neighbours)
    empty = page.findChild(QLabel, "bagsEmpty")
    assert empty.isVisible() and "record the arrival" in empty.text()
    assert not page.findChild(QPushButton, "bagsMake").isEnabled()
    all_done(qtbot)


def test_a_long_print_job_can_be_stopped_and_leaves_no_file(qtbot, neighbours, tmp_path, monkeypatch):
    buy = everyday_buy(neighbours)
    make_bags(neighbours, buy)
    page = make_page(qtbot, neighbours)
    previews_drawn(qtbot, page)
    import desktop.printing.labels as labels

    def slow(conn, buy_id, stock, path, *, progress=None, should_cancel=None, limit=None):
        import time

        for done in range(10_000):
            if should_cancel():
                raise Cancelled()
            progress(done, 10_000)
            time.sleep(0.001)

    monkeypatch.setattr(labels, "write_labels", slow)
    target = tmp_path / "labels.pdf"
    job = page.save_document("labels", target)
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        job.cancel()
    assert isinstance(failed.args[0], Cancelled)
    assert not target.exists()
    all_done(qtbot)


def test_the_page_reads_in_chinese(qtbot, neighbours, chinese):
    everyday_buy(neighbours)
    page = make_page(qtbot, neighbours)
    assert page.findChild(QPushButton, "bagsMake").text() == "分装"
    assert page.findChild(QComboBox, "bagsStock").currentText() == "热敏标签 60 × 40 毫米"
    assert page.findChild(QComboBox, "bagsBuy").currentText() == "周末冷冻团 · 已到货"
    assert page.findChild(QPushButton, "bagsPrintLabels").text() == "打印标签…"
    all_done(qtbot)


def test_clicking_print_labels_opens_the_print_dialog(qtbot, neighbours, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    from desktop.ui import printing

    monkeypatch.setattr(printing, "printer_names", lambda: ["Office"])  # any printer will do
    buy = everyday_buy(neighbours)
    make_bags(neighbours, buy)
    page = make_page(qtbot, neighbours)
    previews_drawn(qtbot, page)
    qtbot.mouseClick(page.findChild(QPushButton, "bagsPrintLabels"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(QPrintDialog)), timeout=5000)
    (dialog,) = [d for d in page.findChildren(QPrintDialog) if d.isVisible()]
    dialog.reject()
    assert page.notice.text() == "Printing cancelled: nothing was printed."
    all_done(qtbot)


def test_the_print_language_is_the_compounds_and_is_kept_in_its_file(qtbot, neighbours, tmp_path, saved):
    from desktop.printing.language import print_language

    buy = everyday_buy(neighbours)
    make_bags(neighbours, buy)
    page = make_page(qtbot, neighbours)
    language = page.findChild(QComboBox, "bagsPrintLanguage")
    assert language.currentText() == "中文"  # the window is in English; labels still print Chinese
    language.setFocus()
    qtbot.keyClick(language, Qt.Key.Key_Down)
    saved()
    assert language.currentText() == "English"
    assert print_language(neighbours) == "en"
    target = tmp_path / "pickup.pdf"
    finish(qtbot, page.save_document("pickup", target))
    words = pdfium.PdfDocument(str(target))[0].get_textpage().get_text_range()
    assert "Pickup sheet" in words and "Frozen" in words

    again = make_page(qtbot, neighbours)
    assert again.findChild(QComboBox, "bagsPrintLanguage").currentText() == "English"
    all_done(qtbot)


def test_moving_on_to_a_buy_without_bags_never_shows_the_last_buys_preview(qtbot, neighbours):
    bagged = everyday_buy(neighbours)
    make_bags(neighbours, bagged)
    empty = open_buy(neighbours, title="鲜奶团")
    order(neighbours, empty, "3-101", 东北大米=1)
    arrived(neighbours, empty)  # arrived, its bags not made yet
    page = make_page(qtbot, neighbours)
    combo = page.findChild(QComboBox, "bagsBuy")
    combo.setFocus()

    def arrow_to(buy):
        key = Qt.Key.Key_Down if combo.findData(buy) > combo.currentIndex() else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
        assert combo.currentData() == buy

    previews_drawn(qtbot, page)
    arrow_to(bagged)
    drawing = page.preview_job
    assert drawing is not None and drawing.running  # the bagged buy's preview is being drawn
    arrow_to(empty)  # the volunteer arrows on to the buy with no bags before it is drawn
    finish(qtbot, drawing)
    qtbot.wait(20)

    for preview in (page.label_preview, page.pickup_preview):
        assert preview.pixmap().isNull()
        assert preview.text().endswith("appears here once bags are made.")
    all_done(qtbot)


def test_open_pdf_on_a_computer_with_no_pdf_viewer_says_so_and_points_to_save(qtbot, neighbours):
    buy = everyday_buy(neighbours)
    make_bags(neighbours, buy)
    page = make_page(qtbot, neighbours)
    asked: list[QUrl] = []
    page.open_url = lambda url: asked.append(url) or False  # the system found no program for PDFs
    button = page.findChild(QPushButton, "bagsOpenSheet")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    finish(qtbot, page.job)
    qtbot.waitUntil(lambda: bool(asked), timeout=2000)
    notice = page.findChild(QLabel, "bagsNotice")
    assert notice.isVisible()
    assert notice.text() == ("No program on this computer opened the PDF: save it instead and "
                             "open it on another computer.")
    all_done(qtbot)
