"""The dialogs of free distributions and of the notice for the lobby board, opened from the Group
buys page: a new distribution (title, donor, items per recipient, who receives with a live count),
and the notice with its preview, the lobby table's lines, Save as PDF and Print."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.buys.distributions import (
    choose_recipients,
    new_distribution,
    parse_gift,
    read_address_list,
)
from desktop.db import Connection
from desktop.errors import BadInput, DeskError
from desktop.printing.notice import notice_settings, set_notice_settings, write_notice
from desktop.printing.stocks import SHEET
from desktop.roster.households import FLAGS
from desktop.ui.bags.documents import render_first_page
from desktop.ui.common import arg
from desktop.ui.forms import (
    MUTED_STYLE,
    NOTICE_STYLE,
    banner,
    form_row,
    named,
    save_cancel,
    shortcut_button,
)
from desktop.ui.ops import DbOp
from desktop.ui.printing import print_document
from desktop.words import describe, word

NOTICE_PREVIEW_WIDTH = 420


class NewDistributionDialog(QDialog):
    """Announce a free distribution: what each recipient gets and who receives it."""

    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newDistributionDialog")
        self.setWindowTitle(self.tr("New distribution"))
        self._conn = conn
        self.result = None
        self.job = None

        self.title = named(QLineEdit(self), "distributionTitle", self.tr("Title"))
        self.title.setPlaceholderText(self.tr("such as Supply pack"))
        self.donor = named(QLineEdit(self), "distributionDonor", self.tr("Donor"))
        self.donor.setPlaceholderText(self.tr("such as the sub-district office or the Red Cross"))
        self.items = named(QPlainTextEdit(self), "distributionItems", self.tr("Items per recipient"))
        self.items.setPlaceholderText(self.tr("One item a line, name=quantity per recipient:\n"
                                              "rice 5 kg=1\noil 1 L=1\nvegetables=1"))
        self.items.setTabChangesFocus(True)
        self.items.setFixedHeight(self.fontMetrics().height() * 6)
        self.to = named(QComboBox(self), "distributionTo", self.tr("Who receives"))
        self.to.addItem(self.tr("Every household"), "all")
        for flag in FLAGS:
            self.to.addItem(arg(self.tr("Households with the flag: %1"), word("flag", flag)),
                            f"flag:{flag}")
        self.to.addItem(self.tr("A list of addresses"), "list")
        self.addresses = named(QPlainTextEdit(self), "distributionAddresses",
                               self.tr("Addresses, one a line"))
        self.addresses.setPlaceholderText(self.tr("One address a line, such as 12-301"))
        self.addresses.setTabChangesFocus(True)
        self.addresses.setFixedHeight(self.fontMetrics().height() * 5)
        self.addresses.hide()
        self.load_list_button = shortcut_button(
            self, "distributionLoadList", self.tr("&Load a list…"), None,
            self.tr("Read the addresses from a text file, one a line"), self.choose_list_file)
        self.load_list_button.hide()
        self.per = named(QComboBox(self), "distributionPer", self.tr("Packs"))
        self.per.addItem(self.tr("One per household"), "household")
        self.per.addItem(self.tr("One per person living there"), "person")
        self.count = named(QLabel(self), "distributionCount", self.tr("Recipients"))
        self.count.setStyleSheet(MUTED_STYLE)

        form = QFormLayout()
        self.title_error = form_row(form, self.tr("&Title:"), self.title, error_name="distributionTitleError")
        self.donor_error = form_row(form, self.tr("&Donor:"), self.donor, error_name="distributionDonorError")
        self.items_error = form_row(form, self.tr("&Items:"), self.items, error_name="distributionItemsError")
        self.to_error = form_row(form, self.tr("&Who receives:"), self.to, self.addresses,
                                 self.load_list_button, self.count, error_name="distributionToError")
        form_row(form, self.tr("&Packs:"), self.per, error_name="distributionPerError")
        buttons, self.save_button, self.cancel_button = save_cancel(
            self, self.save, save_name="distributionSave", save_text=self.tr("&Announce"),
            save_tip=self.tr("Save the distribution and one order for every recipient"),
            cancel_name="distributionCancel", cancel_text=self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.to.currentIndexChanged.connect(self._recount)
        self.per.currentIndexChanged.connect(self._recount)
        self.addresses.textChanged.connect(self._recount)
        self._recount()

    def _choice(self) -> tuple[str, list[tuple[int, str]]]:
        to = self.to.currentData()
        addresses = read_address_list(self.addresses.toPlainText()) if to == "list" else []
        return to, addresses

    def _recount(self) -> None:
        """The live count: how many households and packs the choice reaches, or why none."""
        to = self.to.currentData()
        self.addresses.setVisible(to == "list")
        self.load_list_button.setVisible(to == "list")
        self.to_error.hide()
        try:
            to, addresses = self._choice()
            recipients = choose_recipients(self._conn, to, self.per.currentData(), addresses=addresses)
        except DeskError as error:
            self.count.setText(describe(error))
            return
        self.count.setText(arg(self.tr("%1, %2", "households, packs"),
                               self.tr("%n households", "", len(recipients.households)),
                               self.tr("%n packs", "", recipients.packs)))

    def choose_list_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("A list of addresses"), folder,
                                              self.tr("All files (*)"))
        if path:
            self.load_list(Path(path))

    def load_list(self, path: Path) -> None:
        """The file's addresses in the box (UTF-8, or GB18030 as Chinese Windows saves it)."""
        try:
            data = path.read_bytes()
        except OSError:
            self._show(BadInput("list_unreadable", "to", path=str(path)))
            return
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                self.addresses.setPlainText(data.decode(encoding))
                return
            except UnicodeDecodeError:
                continue
        self._show(BadInput("list_unreadable", "to", path=str(path)))

    def gifts(self) -> list:
        lines = [line for line in self.items.toPlainText().splitlines() if line.strip()]
        return [parse_gift(line) for line in lines]

    def save(self) -> None:
        for label in (self.title_error, self.donor_error, self.items_error, self.to_error):
            label.hide()
        try:
            gifts = self.gifts()
            to, addresses = self._choice()
        except BadInput as error:
            self._show(error)
            return
        title, donor, per = self.title.text(), self.donor.text(), self.per.currentData()

        def work(conn):
            return new_distribution(conn, title, donor, gifts, to=to, per=per, addresses=addresses)

        self.job = (DbOp(self, self._conn, work).success(self._saved).failure(self._show)
                    .disabling(self.save_button).run())

    def _saved(self, result) -> None:
        self.result = result
        self.accept()

    def _show(self, error: DeskError) -> None:
        field = getattr(error, "field", "")
        label = {"title": self.title_error, "item": self.items_error, "quantity": self.items_error,
                 "storage": self.items_error, "to": self.to_error, "per": self.to_error,
                 "supplier": self.donor_error, "name": self.donor_error}.get(field, self.items_error)
        label.setText(describe(error))
        label.show()


class NoticeDialog(QDialog):
    """The notice for the lobby board: its preview, the lines about the lobby table, and the PDF
    saved or printed."""

    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeDialog")
        self.setWindowTitle(self.tr("Notice for the lobby board"))
        self._conn = conn
        self.job = None
        self.print_dialog = None
        settings = notice_settings(conn)

        self.hours = named(QLineEdit(settings.lobby_hours, self), "noticeHours",
                           self.tr("Hours of the lobby table"))
        self.hours.setPlaceholderText(self.tr("such as every day 9:00–11:00 and 16:00–18:00"))
        self.collect = named(QLineEdit(settings.collect_hours, self), "noticeCollect",
                             self.tr("When bags can be collected"))
        self.collect.setPlaceholderText(self.tr("such as the day goods arrive, 14:00–18:00"))
        self.contact = named(QLineEdit(settings.contact, self), "noticeContact", self.tr("Contact"))
        self.contact.setPlaceholderText(self.tr("such as volunteer Ms Wang 138…, lobby of building 12"))
        self.building = named(QLineEdit(self), "noticeBuilding", self.tr("Building"))
        self.building.setPlaceholderText(self.tr("every building"))
        form = QFormLayout()
        self.hours_error = form_row(form, self.tr("Lobby table &hours:"), self.hours,
                                    error_name="noticeHoursError")
        form_row(form, self.tr("&Collection:"), self.collect, error_name="noticeCollectError")
        form_row(form, self.tr("C&ontact:"), self.contact, error_name="noticeContactError")
        self.building_error = form_row(form, self.tr("&Building:"), self.building,
                                       error_name="noticeBuildingError")

        self.preview = named(QLabel(self), "noticePreview", self.tr("Preview of the notice"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(NOTICE_PREVIEW_WIDTH, int(NOTICE_PREVIEW_WIDTH * 1.414))
        scroll = QScrollArea(self)
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(NOTICE_PREVIEW_WIDTH + 30)
        self.status = banner(self, "noticeStatus", self.tr("Result"), NOTICE_STYLE)

        self.update_button = shortcut_button(self, "noticeUpdate", self.tr("&Update preview"), None,
                                             self.tr("Keep these lines and draw the notice again"),
                                             self.refresh)
        self.save_button = shortcut_button(self, "noticeSavePdf", self.tr("&Save as PDF…"), None,
                                           self.tr("Write the notice to a PDF file"), self.choose_file)
        self.print_button = shortcut_button(self, "noticePrint", self.tr("&Print…"), None,
                                            self.tr("Print the notice on A4"), self.print_notice)
        self.close_button = shortcut_button(self, "noticeClose", self.tr("C&lose"), None,
                                            self.tr("Close this window"), self.reject)
        row = QHBoxLayout()
        row.addWidget(self.update_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addWidget(self.close_button)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(side, 1)
        body.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        for field in (self.hours, self.collect, self.contact):
            field.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 26)
        self.resize(self.sizeHint().width(), 720)
        if conn.read_only:
            for widget in (self.hours, self.collect, self.contact):
                widget.setReadOnly(True)
        self.refresh()

    def _building(self) -> str | None:
        return self.building.text().strip() or None

    def refresh(self) -> None:
        """Keep the lobby table's lines (one change) and draw the notice's first page."""
        hours, collect, contact = self.hours.text(), self.collect.text(), self.contact.text()
        building = self._building()
        self.building_error.hide()
        self.preview.setText(self.tr("Drawing…"))
        keep = not self._conn.read_only

        def work(conn):
            if keep:
                set_notice_settings(conn, hours, collect, contact)
            with tempfile.TemporaryDirectory(prefix="compound-desk-notice-") as folder:
                path = Path(folder) / "notice.pdf"
                write_notice(conn, path, building=building)
                return render_first_page(path, NOTICE_PREVIEW_WIDTH)

        self.job = (DbOp(self, self._conn, work).success(self._drawn).failure(self._refused)
                    .disabling(self.update_button).run())

    def _drawn(self, png: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.preview.setPixmap(pixmap)

    def _refused(self, error: DeskError) -> None:
        self.preview.setText("")
        label = self.building_error if getattr(error, "field", "") == "building" else self.hours_error
        label.setText(describe(error))
        label.show()

    def choose_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the notice"),
                                              str(Path(folder) / "notice.pdf"), self.tr("PDF (*.pdf)"))
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path):
        building = self._building()
        self.job = (DbOp(self, self._conn, lambda conn: write_notice(conn, path, building=building))
                    .success(lambda pages: self._say(arg(self.tr("The notice was saved to %1."),
                                                         str(path))))
                    .failure(self._refused).disabling(self.save_button).run())
        return self.job

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def print_notice(self):
        building = self._building()

        def write(conn, path, progress, should_cancel):
            return write_notice(conn, path, building=building, progress=progress,
                                should_cancel=should_cancel)

        self.print_dialog = print_document(
            self, paper=SHEET, doc_name="notice.pdf", title=self.tr("Printing the notice…"),
            db_path=self._conn.path, write=write, say=lambda text, _warning: self._say(text),
            started=lambda job: setattr(self, "job", job))
        return self.print_dialog
