"""The Bags & labels page: make an arrived buy's bags, see the first label and the pickup sheet,
then print them, open them or save them as PDF; household cards and the supplier's sheet too.

Everything that touches many rows or draws a PDF runs off the GUI thread (`jobs`), on its own
connection, with a progress bar and Cancel when it takes a while.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.bags.bags import DEFAULT_MAX_ITEMS, MAX_ITEMS_LIMIT, count_by_building
from desktop.buys.group_buys import buy_status, list_buy_records
from desktop.db import Connection
from desktop.errors import DatabaseUnusable, DeskError
from desktop.printing.language import DEFAULT as DEFAULT_PRINT_LANGUAGE
from desktop.printing.language import print_setting, set_print_language
from desktop.printing.stocks import DEFAULT_STOCK, SHEET, STOCKS, Paper
from desktop.roster.households import roster_summary
from desktop.ui.bags.documents import Document, render_first_page
from desktop.ui.common import arg, show_error
from desktop.ui.forms import (
    NOTICE_STYLE,
    WARNING_STYLE,
    buddy_label,
    centred_sentence,
    named,
    shortcut_button,
)
from desktop.ui.jobs import Job
from desktop.ui.ops import DbOp
from desktop.ui.printing import print_document
from desktop.words import describe, word

# Buys whose bags can be made (arrived) or printed again (bagged, and after).
SHOWN_STATUSES = ("arrived", "bagged", "distributed", "settled")
MAKEABLE = ("arrived", "bagged")
PREVIEW_WIDTH = 380  # pixels of the label preview; the pickup sheet is shown as tall as it fits
PREVIEW_STYLE = "QLabel { background: #eceff1; border: 1px solid #cfd8dc; }"


class BagsPage(QWidget):
    """Reads through the page's connection; making bags and drawing PDFs use their own."""

    def __init__(self, conn: Connection, parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bagsPage")
        self._conn = conn
        self._settings = settings
        self.job: Job | None = None
        self.preview_job: Job | None = None
        self._preview_wanted = False
        # Opening a file in the system's viewer; a test puts a recorder here.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._last_folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)

        # ---- which buy, and making its bags ----
        self.buy_combo = named(QComboBox(self), "bagsBuy", self.tr("Group buy"))
        self.buy_combo.setMinimumContentsLength(16)
        self.buy_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.buy_combo.currentIndexChanged.connect(self._buy_chosen)
        buy_label = buddy_label(self, self.tr("&Group buy:"), self.buy_combo)

        self.max_items = named(QSpinBox(self), "bagsMaxItems", self.tr("Most items per bag"))
        self.max_items.setRange(1, MAX_ITEMS_LIMIT)
        self.max_items.setValue(int(self._setting("bags/max_items", DEFAULT_MAX_ITEMS)))
        self.max_items.setToolTip(self.tr("A bag never holds more items than this; "
                                          "frozen, chilled and ambient goods never share a bag"))
        max_label = buddy_label(self, self.tr("Most &items per bag:"), self.max_items)

        self.make_button = named(QPushButton(self.tr("Make bags"), self), "bagsMake", self.tr("Make bags"))
        self.make_button.setToolTip(self.tr("One or more bags per household, each with its own code "
                                            "(making them again changes only what changed)"))
        self.make_button.clicked.connect(self.make_bags)

        top = QHBoxLayout()
        top.addWidget(buy_label)
        top.addWidget(self.buy_combo, 1)
        top.addSpacing(16)
        top.addWidget(max_label)
        top.addWidget(self.max_items)
        top.addWidget(self.make_button)

        self.notice = named(QLabel(self), "bagsNotice", self.tr("Result"))
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()

        self.buildings = named(QLabel(self), "bagsBuildings", self.tr("Bags per building"))
        self.buildings.setWordWrap(True)

        self.empty = centred_sentence(self, "bagsEmpty", self.tr(
            "No group buy has arrived yet. When the supplier delivers, record the arrival on the "
            "Group buys page; its bags are made here."))
        self.empty.hide()

        # ---- the two previews with what can be done with each ----
        self.stock_combo = QComboBox(self)
        self.stock_combo.setObjectName("bagsStock")
        self.stock_combo.setMinimumContentsLength(12)
        self.stock_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.stock_combo.setAccessibleName(self.tr("Label stock"))
        for name in STOCKS:
            self.stock_combo.addItem(self._stock_title(name), name)
        remembered = self._setting("bags/stock", DEFAULT_STOCK)
        index = self.stock_combo.findData(remembered if remembered in STOCKS else DEFAULT_STOCK)
        self.stock_combo.setCurrentIndex(index)
        self.stock_combo.currentIndexChanged.connect(self._stock_chosen)
        stock_label = buddy_label(self, self.tr("&Stock:"), self.stock_combo)

        self.label_preview = self._preview("bagsLabelPreview", self.tr("Preview of the first label"))
        self.pickup_preview = self._preview("bagsPickupPreview",
                                            self.tr("Preview of the pickup sheet's first page"))

        self.print_labels_button = self._button("bagsPrintLabels", self.tr("Print labels…"),
                                                lambda: self.print_document("labels"))
        self.open_labels_button = self._button("bagsOpenLabels", self.tr("Open PDF"),
                                               lambda: self.open_document("labels"))
        self.save_labels_button = self._button("bagsSaveLabels", self.tr("Save PDF…"),
                                               lambda: self.choose_save("labels"))
        labels_box = QGroupBox(self.tr("Labels"), self)
        labels_box.setObjectName("bagsLabels")
        labels_layout = QVBoxLayout(labels_box)
        stock_row = QHBoxLayout()
        stock_row.addWidget(stock_label)
        stock_row.addWidget(self.stock_combo, 1)
        labels_layout.addLayout(stock_row)
        labels_layout.addWidget(self.label_preview, 1)
        labels_layout.addLayout(self._row(self.print_labels_button, self.open_labels_button,
                                          self.save_labels_button))

        self.print_pickup_button = self._button("bagsPrintPickup", self.tr("Print sheet…"),
                                                lambda: self.print_document("pickup"))
        self.open_pickup_button = self._button("bagsOpenPickup", self.tr("Open PDF"),
                                               lambda: self.open_document("pickup"))
        self.save_pickup_button = self._button("bagsSavePickup", self.tr("Save PDF…"),
                                               lambda: self.choose_save("pickup"))
        pickup_box = QGroupBox(self.tr("Pickup sheet"), self)
        pickup_box.setObjectName("bagsPickup")
        pickup_layout = QVBoxLayout(pickup_box)
        pickup_layout.addWidget(self.pickup_preview, 1)
        pickup_layout.addLayout(self._row(self.print_pickup_button, self.open_pickup_button,
                                          self.save_pickup_button))

        previews = QGridLayout()
        previews.addWidget(labels_box, 0, 0)
        previews.addWidget(pickup_box, 0, 1)
        previews.setColumnStretch(0, 1)
        previews.setColumnStretch(1, 1)

        # ---- household cards and the supplier's order sheet ----
        self.cards_building = named(QComboBox(self), "bagsCardsBuilding", self.tr("Cards for building"))
        cards_label = buddy_label(self, self.tr("Household &cards for:"), self.cards_building)
        self.print_cards_button = self._button("bagsPrintCards", self.tr("Print cards…"),
                                               lambda: self.print_document("cards"))
        self.open_cards_button = self._button("bagsOpenCards", self.tr("Open PDF"),
                                              lambda: self.open_document("cards"))
        self.save_cards_button = self._button("bagsSaveCards", self.tr("Save PDF…"),
                                              lambda: self.choose_save("cards"))
        self.open_sheet_button = self._button("bagsOpenSheet", self.tr("Supplier order sheet"),
                                              lambda: self.open_document("sheet"))
        self.open_sheet_button.setToolTip(self.tr("Totals per item for the supplier, as a PDF"))
        # ---- the language everything is printed in: the compound's, not the window's ----
        self.print_language = named(QComboBox(self), "bagsPrintLanguage", self.tr("Print language"))
        self.print_language.setToolTip(self.tr("Labels, sheets and cards are printed in this "
                                               "language, whatever language the window is in"))
        self.print_language.addItem("中文", "zh")  # each language named in itself
        self.print_language.addItem("English", "en")
        self.print_language.addItem("中文 + English", "both")  # the lobby notice in both
        self.print_language.activated.connect(self._print_language_chosen)
        language_label = buddy_label(self, self.tr("Print &language:"), self.print_language)

        bottom = QHBoxLayout()
        bottom.addWidget(cards_label)
        bottom.addWidget(self.cards_building)
        bottom.addWidget(self.print_cards_button)
        bottom.addWidget(self.open_cards_button)
        bottom.addWidget(self.save_cards_button)
        bottom.addStretch(1)
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.buildings, 1)
        counts_row.addWidget(language_label, 0, Qt.AlignmentFlag.AlignTop)
        counts_row.addWidget(self.print_language, 0, Qt.AlignmentFlag.AlignTop)
        counts_row.addWidget(self.open_sheet_button, 0, Qt.AlignmentFlag.AlignTop)

        divider = QFrame(self)
        divider.setFrameShape(QFrame.Shape.HLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addLayout(counts_row)
        layout.addWidget(self.empty, 1)
        layout.addLayout(previews, 1)
        layout.addWidget(divider)
        layout.addLayout(bottom)
        self._preview_widgets = (labels_box, pickup_box)

        self.reload()

    # ---- small builders ----

    def _setting(self, key: str, default):
        if self._settings is None:
            return default
        value = self._settings.value(key, default)
        return default if value in (None, "") else value

    def _remember(self, key: str, value) -> None:
        if self._settings is not None:
            self._settings.setValue(key, value)

    def _stock_title(self, name: str) -> str:
        return {
            "thermal-40x30": self.tr("Thermal label 40 × 30 mm"),
            "thermal-50x30": self.tr("Thermal label 50 × 30 mm"),
            "thermal-60x40": self.tr("Thermal label 60 × 40 mm"),
            "a4-3x8": self.tr("A4 sheet, 3 × 8 labels (70 × 37 mm)"),
            "letter-3x10": self.tr("Letter sheet, 3 × 10 labels (2⅝ × 1 in)"),
        }[name]

    def _preview(self, name: str, accessible: str) -> QLabel:
        label = named(QLabel(self), name, accessible)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setMinimumSize(200, 180)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        label.setStyleSheet(PREVIEW_STYLE)
        return label

    def _button(self, name: str, text: str, slot) -> QPushButton:
        return shortcut_button(self, name, text, None, "", slot)

    @staticmethod
    def _row(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        return row

    # ---- reading ----

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()  # a buy may have arrived on another page meanwhile

    def reload(self) -> None:
        current = self.buy_id()
        try:
            buys = [buy for buy in list_buy_records(self._conn) if buy.status in SHOWN_STATUSES]
            buildings = roster_summary(self._conn).buildings
        except DeskError:
            buys, buildings = [], []
        self.buy_combo.blockSignals(True)
        self.buy_combo.clear()
        for buy in buys:
            self.buy_combo.addItem(f"{buy.title} · {word('buy_status', buy.status)}", buy.id)
        index = self.buy_combo.findData(current)
        self.buy_combo.setCurrentIndex(index if index >= 0 else 0)
        self.buy_combo.blockSignals(False)

        chosen = self.cards_building.currentData()
        self.cards_building.clear()
        self.cards_building.addItem(self.tr("All buildings"), None)
        for building, count in buildings:
            self.cards_building.addItem(arg(self.tr("Building %1 (%2)"), building, count), building)
        index = self.cards_building.findData(chosen)
        self.cards_building.setCurrentIndex(max(index, 0))
        self._show_print_language()
        has_households = bool(buildings)
        for button in (self.print_cards_button, self.open_cards_button, self.save_cards_button):
            button.setEnabled(has_households)
        self._buy_chosen()

    def _show_print_language(self) -> None:
        try:
            lang = print_setting(self._conn)
        except DeskError:
            lang = DEFAULT_PRINT_LANGUAGE
        self.print_language.setCurrentIndex(self.print_language.findData(lang))
        read_only = self._conn.read_only
        self.print_language.setEnabled(not read_only)

    def _print_language_chosen(self) -> None:
        """Keep the chosen print language in the compound's file; the previews follow it."""
        chosen = self.print_language.currentData()
        try:
            if chosen == print_setting(self._conn):
                return
        except DeskError as error:
            show_error(self, error)
            return

        def refused(error: DeskError) -> None:
            self._show_print_language()
            show_error(self, error)

        self.language_job = (DbOp(self, self._conn, lambda conn: set_print_language(conn, chosen))
                             .progress(self.tr("Saving…"), cancellable=False)
                             .success(lambda _done: self.refresh_previews()).failure(refused).run())

    def buy_id(self) -> int | None:
        return self.buy_combo.currentData()

    def _buy_status(self) -> str | None:
        buy_id = self.buy_id()
        if buy_id is None:
            return None
        return buy_status(self._conn, buy_id)

    def _buy_chosen(self) -> None:
        buy_id = self.buy_id()
        status = self._buy_status()
        has_buy = buy_id is not None
        self.empty.setVisible(not has_buy)
        for widget in self._preview_widgets:
            widget.setVisible(has_buy)
        self.buildings.setVisible(has_buy)
        self.open_sheet_button.setEnabled(has_buy)
        read_only = self._conn.read_only
        self.make_button.setEnabled(has_buy and status in MAKEABLE and not read_only)
        if read_only:
            self.make_button.setToolTip(describe(DatabaseUnusable("db_read_only",
                                                                  path=str(self._conn.path))))
        self._show_counts()
        self.refresh_previews()

    def _show_counts(self) -> None:
        buy_id = self.buy_id()
        counts = count_by_building(self._conn, buy_id) if buy_id is not None else []
        self._bag_count = sum(c.bags for c in counts)
        has_bags = bool(counts)
        for button in (self.print_labels_button, self.open_labels_button, self.save_labels_button,
                       self.print_pickup_button, self.open_pickup_button, self.save_pickup_button):
            button.setEnabled(has_bags)
        if not has_bags:
            self.buildings.setText(self.tr("No bags yet: press Make bags."))
            return
        parts = [arg(self.tr("Building %1: %2 households, %3 bags"), c.building, c.households, c.bags)
                 for c in counts]
        total = arg(self.tr("%1 bags for %2 households"), self._bag_count,
                    sum(c.households for c in counts))
        self.buildings.setText(total + " — " + " · ".join(parts))

    def show_notice(self, text: str, *, warning: bool = False) -> None:
        self.notice.setStyleSheet(WARNING_STYLE if warning else NOTICE_STYLE)
        self.notice.setText(text)
        self.notice.show()

    # ---- making bags ----

    def make_bags(self) -> Job | None:
        buy_id = self.buy_id()
        if buy_id is None or self._busy():
            return None
        max_items = self.max_items.value()
        self._remember("bags/max_items", max_items)

        def work(conn, progress, should_cancel):
            from desktop.bags.bags import make_bags

            return make_bags(conn, buy_id, max_items, progress=progress,
                             should_cancel=should_cancel)

        self.job = DbOp(self, self._conn, work).progress(self.tr("Making bags…")).success(self._bags_made).run()
        return self.job

    def _bags_made(self, result) -> None:
        summary = arg(self.tr("%1 bags for %2 households: %3 made, %4 kept, %5 voided."),
                      len(result.bags), result.households, result.made, result.kept, result.voided)
        notices = [n.text() for n in result.notices()]
        self.show_notice("\n".join([summary, *notices]), warning=bool(notices))
        self.reload()

    # ---- previews ----

    def refresh_previews(self) -> None:
        """Draw the first label and the pickup sheet's first page again, in the background."""
        self.label_preview.clear()
        self.pickup_preview.clear()
        buy_id = self.buy_id()
        if buy_id is None or not getattr(self, "_bag_count", 0):
            self.label_preview.setText(self.tr("The first label appears here once bags are made."))
            self.pickup_preview.setText(self.tr("The pickup sheet appears here once bags are made."))
            return
        if not self.isVisible():
            return  # drawn when the page is shown (showEvent), not while the window starts
        if self.preview_job is not None and self.preview_job.running:
            self._preview_wanted = True
            return
        self.label_preview.setText(self.tr("Drawing…"))
        self.pickup_preview.setText(self.tr("Drawing…"))
        stock = self.stock_combo.currentData()
        width = max(self.pickup_preview.width(), 300)

        def work(conn, progress, should_cancel):
            from desktop.printing.labels import write_labels
            from desktop.printing.pickup import write_pickup_sheet

            with tempfile.TemporaryDirectory(prefix="compound-desk-preview-") as folder:
                labels = Path(folder) / "label.pdf"
                sheet = Path(folder) / "pickup.pdf"
                write_labels(conn, buy_id, stock, labels, limit=1, should_cancel=should_cancel)
                write_pickup_sheet(conn, buy_id, sheet, max_pages=1, should_cancel=should_cancel)
                return render_first_page(labels, PREVIEW_WIDTH), render_first_page(sheet, width)

        def drawn(images: tuple[bytes, bytes]) -> None:
            still_wanted = (self.buy_id() == buy_id and self.stock_combo.currentData() == stock
                            and getattr(self, "_bag_count", 0))
            if still_wanted:  # not another buy's preview over the one now chosen
                self._previews_drawn(images)

        self.preview_job = (DbOp(self, self._conn, work)
                            .progress(self.tr("Drawing the preview…"), show_after_ms=3000)
                            .success(drawn).run())
        self.preview_job.finished.connect(self._preview_finished)
        return

    def _previews_drawn(self, images: tuple[bytes, bytes]) -> None:
        for label, data in zip((self.label_preview, self.pickup_preview), images, strict=True):
            image = QImage.fromData(data, "PNG")
            pixmap = QPixmap.fromImage(image)
            room = label.size()
            if pixmap.width() > room.width() - 8 or pixmap.height() > room.height() - 8:
                pixmap = pixmap.scaled(room.width() - 8, room.height() - 8,
                                       Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)

    def _preview_finished(self) -> None:
        if self._preview_wanted:
            self._preview_wanted = False
            self.refresh_previews()

    def _stock_chosen(self) -> None:
        self._remember("bags/stock", self.stock_combo.currentData())
        self.refresh_previews()

    # ---- the documents: labels, pickup sheet, cards, supplier sheet ----

    def _writer(self, kind: str):
        """`write(conn, path, progress, should_cancel)` drawing the document `kind`, and a title
        for its progress."""
        document = Document(kind, self.buy_id(), self.stock_combo.currentData(),
                            self.cards_building.currentData())
        titles = {
            "labels": arg(self.tr("Drawing %1 labels…"), getattr(self, "_bag_count", 0)),
            "pickup": self.tr("Drawing the pickup sheet…"),
            "cards": self.tr("Drawing household cards…"),
            "sheet": self.tr("Drawing the supplier order sheet…"),
        }
        return document.write, titles[kind]

    def _file_name(self, kind: str) -> str:
        return Document(kind, self.buy_id(), self.stock_combo.currentData(),
                        self.cards_building.currentData()).file_name

    def write_document(self, kind: str, path: Path) -> Job | None:
        """Draw one document into `path` off the GUI thread; its Job says when it is there."""
        if self._busy():
            return None
        write, title = self._writer(kind)

        self.job = DbOp(self, self._conn, lambda conn, *task: write(conn, path, *task)).progress(title).run()
        return self.job

    def open_document(self, kind: str) -> Job | None:
        folder = Path(tempfile.gettempdir()) / "compound-desk-print"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{int(time.time())}-{self._file_name(kind)}"
        job = self.write_document(kind, path)
        if job is not None:
            job.done.connect(lambda _result: self._open(path))
        return job

    def _open(self, path: Path) -> None:
        if self.open_url(QUrl.fromLocalFile(str(path))) is False:
            self.show_notice(self.tr("No program on this computer opened the PDF: save it instead "
                                     "and open it on another computer."), warning=True)

    def choose_save(self, kind: str) -> Job | None:
        if self._busy():
            return None
        suggested = Path(self._last_folder or ".") / self._file_name(kind)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), str(suggested),
                                              self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self._last_folder = str(target.parent)
        return self.save_document(kind, target)

    def save_document(self, kind: str, path: Path) -> Job | None:
        job = self.write_document(kind, path)
        if job is not None:
            job.done.connect(lambda _result: self.show_notice(
                arg(self.tr("Saved %1."), str(path))))
        return job

    def paper(self, kind: str) -> Paper:
        """Labels print on the chosen stock; every other document on an A4 sheet."""
        return STOCKS[self.stock_combo.currentData()].paper if kind == "labels" else SHEET

    def print_document(self, kind: str):
        """Ask which printer (the dialog opens), then draw the document and print it."""
        if self._busy():
            return None
        write, title = self._writer(kind)
        self.print_dialog = print_document(
            self, paper=self.paper(kind), doc_name=self._file_name(kind), title=title,
            db_path=self._conn.path, write=write,
            say=lambda text, warning: self.show_notice(text, warning=warning),
            started=self._printing)
        return self.print_dialog

    def _printing(self, job: Job) -> None:
        self.job = job

    def _busy(self) -> bool:
        """One job at a time: a second click while one runs does nothing."""
        return self.job is not None and self.job.running
