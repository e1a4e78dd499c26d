"""The Group buys page: every buy with its status and progress to the minimum; opening one shows
its orders and actions (`BuyView`). A new buy is opened here, and a KuaiTuanTuan export brought in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.buys.group_buys import list_buys
from desktop.db import Connection
from desktop.errors import DatabaseUnusable, DeskError
from desktop.ui.buys.buy_view import BuyView
from desktop.ui.buys.buys_model import BUY_COLUMNS, PROGRESS_COLUMN, BuysModel, ProgressDelegate
from desktop.ui.common import arg
from desktop.ui.forms import (
    ERROR_STYLE,
    MUTED_STYLE,
    NOTICE_STYLE,
    banner,
    buddy_label,
    empty_state,
    larger,
    named,
    read_only_table,
    shortcut_button,
)
from desktop.ui.jobs import Job
from desktop.ui.ops import DbOp
from desktop.words import describe


class BuysPage(QWidget):
    """The list, or one buy. Reads through the page's connection; imports run on their own."""

    householdsChanged = Signal()
    buysChanged = Signal()

    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("buysPage")
        self._conn = conn
        self.dialog = None
        self.job: Job | None = None
        self._refusal: str | None = None
        self._last_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

        # ---- the list ----
        self.list_page = QWidget(self)
        self.list_page.setObjectName("buysList")
        self.new_button = shortcut_button(self.list_page, "buysNew", self.tr("New group buy…"), "Ctrl+N",
                                          self.tr("Open a new group buy"), self.new_buy)
        self.import_button = shortcut_button(self.list_page, "buysImportKtt", self.tr("Import KuaiTuanTuan…"),
                                             "Ctrl+I", self.tr("Import a KuaiTuanTuan order export (.xlsx)"),
                                             self.choose_ktt_file)
        self.new_distribution_button = shortcut_button(
            self.list_page, "buysNewDistribution", self.tr("New distribution…"), "Ctrl+Shift+N",
            self.tr("Announce a free distribution: a supply pack or a donation"), self.new_distribution)
        self.notice_button = shortcut_button(
            self.list_page, "buysNoticeBoard", self.tr("Notice for the lobby board…"), None,
            self.tr("Print a notice of the open group buys and the distributions on their way"),
            self.show_notice_board)
        self.kind_filter = named(QComboBox(self.list_page), "buysKindFilter", self.tr("Show"))
        self.kind_filter.addItem(self.tr("All"), None)
        self.kind_filter.addItem(self.tr("Bought"), "bought")
        self.kind_filter.addItem(self.tr("Free"), "free")
        self.kind_filter.setToolTip(self.tr("Group buys, free distributions, or both"))
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.reload())
        title = larger(QLabel(self.tr("Group buys"), self.list_page), bold=True)
        self.counts = named(QLabel(self.list_page), "buysCounts", self.tr("Group buy counts"))
        self.counts.setStyleSheet(MUTED_STYLE)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.counts)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.new_button)
        # Free distributions and the lobby notice, on a row of their own under the title.
        second = QHBoxLayout()
        second.addWidget(buddy_label(self.list_page, self.tr("S&how:"), self.kind_filter))
        second.addWidget(self.kind_filter)
        second.addStretch(1)
        second.addWidget(self.notice_button)
        second.addWidget(self.new_distribution_button)

        self.notice = banner(self.list_page, "buysNotice", self.tr("Result"), NOTICE_STYLE)
        self.model = BuysModel(self)
        self.table = read_only_table(self.list_page, "buysTable", self.tr("Group buys"))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(PROGRESS_COLUMN, ProgressDelegate(self.table))
        self.table.setToolTip(self.tr("Enter or double click opens a group buy"))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        em = self.fontMetrics().horizontalAdvance("M")
        widths = {"title": 16, "supplier": 10, "status": 7, "deadline": 10, "progress": 11, "collected": 8}
        for column, name in enumerate(BUY_COLUMNS):
            self.table.setColumnWidth(column, widths[name] * em)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.activated.connect(lambda index: self.open_buy(self.model.buy_at(index.row()).buy.id))

        self.empty, self._empty_buttons = empty_state(
            self.list_page, "buysEmpty", self.tr("No group buys yet. Open one, or bring in a KuaiTuanTuan export."),
            [("buysEmptyNew", self.tr("Open a group buy…"), self.tr("Open a group buy"), self.new_buy),
             ("buysEmptyImport", self.tr("Import a KuaiTuanTuan export…"), self.tr("Import a KuaiTuanTuan export"),
              self.choose_ktt_file)])
        self.empty.hide()

        list_layout = QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(top)
        list_layout.addLayout(second)
        list_layout.addWidget(self.notice)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.empty, 1)

        # ---- one buy ----
        self.view = BuyView(conn, self)
        self.view.back.connect(self.show_list)
        self.view.changed.connect(self._buy_changed)
        self.view.householdsChanged.connect(self.householdsChanged)
        self.view.importKtt.connect(self.choose_ktt_file)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.reload()
        if conn.read_only:
            self.refuse_changes(describe(DatabaseUnusable(conn.read_only_code, path=str(conn.path))))

    # ---- reading ----

    def reload(self) -> None:
        """Ask the services again: after a change here, or one made on another page. Under a buy
        only the buy is read again: the list is read when it is shown."""
        if self.stack.currentWidget() is self.view:
            self.view.reload()
            return
        try:
            buys = list_buys(self._conn)
        except DeskError as error:
            self.model.set_buys([])
            self.show_notice(describe(error), ERROR_STYLE)
            return
        selected = self.table.currentIndex()
        selected_id = self.model.buy_at(selected.row()).buy.id if selected.isValid() else None
        kind = self.kind_filter.currentData()
        buys = [s for s in buys if kind is None or s.buy.kind == kind]
        self.model.set_buys(buys)
        if selected_id is not None and self.model.row_of(selected_id) is not None:
            self.table.selectRow(self.model.row_of(selected_id))
        running = sum(1 for s in buys if s.buy.status in ("open", "closed", "confirmed"))
        self.counts.setText(arg(self.tr("%1 group buys · %2 under way"), len(buys), running) if buys else "")
        self.table.setVisible(bool(buys))
        self.empty.setVisible(not buys)

    def showEvent(self, event) -> None:
        # Suppliers, households and orders may have changed on another page.
        super().showEvent(event)
        self.reload()

    def show_notice(self, text: str, style: str = NOTICE_STYLE) -> None:
        self.notice.setStyleSheet(style)
        self.notice.setText(text)
        self.notice.show()

    def refuse_changes(self, sentence: str) -> None:
        self._refusal = sentence
        for button in (self.new_button, self.import_button, self.new_distribution_button,
                       *self._empty_buttons):
            button.setEnabled(False)
            button.setToolTip(sentence)
        self.view.refuse_changes(sentence)

    # ---- moving between the list and a buy ----

    def open_buy(self, buy_id: int) -> BuyView:
        self.stack.setCurrentWidget(self.view)
        self.view.show_buy(buy_id)
        return self.view

    def show_list(self) -> None:
        buy_id = self.view.buy_id
        self.stack.setCurrentWidget(self.list_page)
        self.reload()
        row = self.model.row_of(buy_id) if buy_id is not None else None
        if row is not None:
            self.table.selectRow(row)
        self.table.setFocus()

    def _buy_changed(self) -> None:
        self.buysChanged.emit()

    # ---- a new buy ----

    def new_buy(self):
        from desktop.ui.buys.new_buy_dialog import NewBuyDialog

        if self._refusal:
            return None
        dialog = NewBuyDialog(self._conn, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._buy_opened(dialog.result))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _buy_opened(self, result) -> None:
        self.open_buy(result if isinstance(result, int) else result.buy_id)
        self.buysChanged.emit()

    # ---- a free distribution, the notice ----

    def new_distribution(self):
        from desktop.ui.buys.distribution_dialogs import NewDistributionDialog

        if self._refusal:
            return None
        dialog = NewDistributionDialog(self._conn, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._buy_opened(dialog.result.distribution_id))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def show_notice_board(self):
        from desktop.ui.buys.distribution_dialogs import NoticeDialog

        dialog = NoticeDialog(self._conn, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    # ---- a KuaiTuanTuan export ----

    def _busy(self) -> bool:
        return self.job is not None and self.job.running

    def choose_ktt_file(self) -> None:
        if self._busy() or self._refusal:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a KuaiTuanTuan export"), self._last_folder,
            self.tr("KuaiTuanTuan export (*.xlsx);;All files (*)"))
        if path:
            self._last_folder = str(Path(path).parent)
            self.import_ktt(Path(path))

    def import_ktt(self, path: Path) -> Job:
        """Read and check the file, and work out what importing it would do (adding households
        or not), off the GUI thread and writing nothing; then show it."""

        def read(conn, progress, should_cancel):
            from desktop.buys.ktt import read_export
            from desktop.ui.buys.buy_imports import plan_both_ways

            export = read_export(path, progress=progress, should_cancel=should_cancel)
            return export, plan_both_ways(conn, export)

        self.job = (DbOp(self, self._conn, read).reads_only().progress(arg(self.tr("Reading %1…"), path.name))
                    .run())
        self.job.done.connect(lambda read: self._show_ktt_preview(path, *read))
        return self.job

    def _show_ktt_preview(self, path: Path, export, plans=None):
        from desktop.ui.buys.buy_imports import KttPreviewDialog

        dialog = KttPreviewDialog(path, export, self, conn=self._conn, plans=plans)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._save_ktt(path, export, dialog.choices()))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _save_ktt(self, path: Path, export, choices: dict | None = None) -> Job:
        def save(conn, progress, should_cancel):
            from desktop.buys.ktt import save_export

            return save_export(conn, export, **(choices or {}), progress=progress,
                               should_cancel=should_cancel)

        self.job = (DbOp(self, self._conn, save).progress(arg(self.tr("Importing %1…"), path.name))
                    .success(self._ktt_imported).run())
        return self.job

    def _ktt_imported(self, result):
        from desktop.ui.buys.buy_imports import KttResultDialog

        self.open_buy(result.buy_id)  # the list is read again when it is shown
        self.view.show_notice(arg(self.tr("KuaiTuanTuan export imported: %n orders, %1 households "
                                          "matched, %2 added, %3 warnings.", "", result.orders),
                                  result.households_matched, result.households_created,
                                  len(result.warnings)))
        self.buysChanged.emit()
        if result.households_created:
            self.householdsChanged.emit()
        dialog = KttResultDialog(result, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog
