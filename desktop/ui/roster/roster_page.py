"""The roster page: find a household as you type, open it, add one, import or export the list."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Connection
from desktop.errors import BadInput, DatabaseUnusable, DeskError
from desktop.lang import current_language
from desktop.roster.address import parse_address
from desktop.roster.households import get_household, list_households, roster_summary
from desktop.ui.common import arg, shortcut_text, show_error
from desktop.ui.forms import (
    ERROR_STYLE,
    MUTED_STYLE,
    NOTICE_STYLE,
    WARNING_STYLE,
    empty_state,
    named,
    read_only_table,
    shortcut_button,
)
from desktop.ui.jobs import Job
from desktop.ui.ops import DbOp
from desktop.ui.roster.household_dialog import HouseholdDialog
from desktop.ui.roster.import_preview import ImportPreviewDialog
from desktop.ui.roster.roster_model import COLUMNS, FLAGS_COLUMN, FlagTagDelegate, RosterModel
from desktop.words import describe

SEARCH_DELAY_MS = 150
# A roster of up to this many households is searched on the GUI thread; a bigger one in a worker.
SEARCHED_AT_ONCE = 1000
WORD_JOINER = "\u2060"


def _unbreakable(text: str) -> str:
    """A long list of buildings wraps between them, never inside "12号楼 (48)" or "Building 12"."""
    return WORD_JOINER.join(text.replace(" ", "\u00a0"))


class WrappedLinks(QLabel):
    """A word-wrapped rich-text label (the buildings with their links) whose height for a width
    is worked out once per text: Qt asks it over and over whenever anything in the window is
    laid out again (every page of the window is asked), and each answer laid out the text anew."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}

    def setText(self, text: str) -> None:
        if text != self.text():
            self._heights.clear()
        super().setText(text)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)


class RosterPage(QWidget):
    """Reads through the page's connection; imports and exports run on their own connections.

    With `banner_in_window`, the window says across its top why a read-only file cannot be
    changed, so the page only switches its buttons off; on its own, the page says it too.
    """

    householdsChanged = Signal()
    # The households could not be read (a damaged file): the DeskError that says so.
    readFailed = Signal(object)

    def __init__(self, conn: Connection, parent: QWidget | None = None, *, banner_in_window: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPage")
        self._conn = conn
        self._banner_in_window = banner_in_window
        self.household_dialog: HouseholdDialog | None = None
        self.import_preview: ImportPreviewDialog | None = None
        self.job: Job | None = None
        self._households_total = 0
        self.search_job: Job | None = None
        self._search_again = False
        self._then: list = []  # what waits for the households being read to be shown
        self._last_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

        # ---- the search line and the actions ----
        self.search = named(QLineEdit(self), "rosterSearch", self.tr("Search households"))
        self.search.setPlaceholderText(self.tr("Search: 12-301 / 张 / zs / 138…"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(
            arg(self.tr("Address, room, name, phone digits or pinyin initials (%1)"), shortcut_text("Ctrl+F"))
        )
        self.search.setMinimumWidth(320)
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._typed)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_entered)

        self.matches = named(QLabel(self), "rosterMatches", self.tr("Households found"))
        self.matches.setStyleSheet(MUTED_STYLE)

        self.import_button = shortcut_button(self, "rosterImport", self.tr("Import…"), "Ctrl+I",
                                          self.tr("Import a roster spreadsheet (CSV or Excel)"),
                                          self.choose_import_file)
        self.export_button = shortcut_button(self, "rosterExport", self.tr("Export…"), "Ctrl+Shift+E",
                                          self.tr("Export the roster to Excel or CSV"),
                                          self.choose_export_file)
        self.add_button = shortcut_button(self, "rosterAdd", self.tr("+ Household"), "Ctrl+N",
                                       self.tr("Add a household"), self.add_household)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.matches)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        top.addWidget(self.add_button)

        # ---- counts ----
        self.buildings = named(WrappedLinks(self), "rosterBuildings", self.tr("Households per building"))
        self.buildings.setToolTip(self.tr("Click a building to list only its households"))
        self.buildings.setWordWrap(True)
        self.buildings.setTextFormat(Qt.TextFormat.RichText)
        self.buildings.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.buildings.linkActivated.connect(self._building_clicked)
        self.counts = named(QLabel(self), "rosterCounts", self.tr("Roster counts"))
        self.counts.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.buildings, 1)
        counts_row.addWidget(self.counts, 0, Qt.AlignmentFlag.AlignTop)

        self.notice = named(QLabel(self), "rosterNotice", self.tr("Result"))
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setWordWrap(True)
        self.notice.hide()

        # ---- the table, or the way in when there is nobody yet ----
        self.model = RosterModel(conn, self)
        self.table = read_only_table(self, "rosterTable", self.tr("Households"), row_padding=12)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(FLAGS_COLUMN, FlagTagDelegate(self.table))
        self.table.setToolTip(self.tr("Enter or double click opens a household"))
        em = self.fontMetrics().horizontalAdvance("M")
        # Room for three or four tags; the last column takes what is left.
        widths = {"address": 8, "name": 8, "people": 5, "phone": 7, "flags": 30, "delivery": 9}
        for column, name in enumerate(COLUMNS):
            self.table.setColumnWidth(column, widths[name] * em)
        self.table.activated.connect(lambda index: self.open_household(self.model.household_at(index.row()).id))

        self.no_match = named(QLabel(self), "rosterNoMatch", self.tr("No household found"))
        self.no_match.setContentsMargins(0, 4, 0, 4)
        self.no_match.setWordWrap(True)
        self.no_match.hide()

        table_page = QWidget(self)
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.no_match)
        table_layout.addWidget(self.table, 1)

        self.empty = self._empty_state()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(table_page)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(counts_row)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)

        self.reload()
        if conn.read_only:
            self.refuse_changes(describe(DatabaseUnusable(conn.read_only_code, path=str(conn.path))))

    def refuse_changes(self, sentence: str) -> None:
        """A file that may not be written can be searched and exported; the ways to change it are off."""
        for button in (self.import_button, self.add_button, *self.empty.findChildren(QPushButton)):
            button.setEnabled(False)
            button.setToolTip(sentence)
        if not self._banner_in_window:
            self.show_notice(sentence)
            self.notice.setStyleSheet(WARNING_STYLE)

    def _empty_state(self) -> QWidget:
        empty, _buttons = empty_state(
            self, "rosterEmpty",
            self.tr("No households yet. Bring in the committee's spreadsheet, "
                    "or add the first household by hand."),
            [("rosterEmptyImport", self.tr("Import a spreadsheet…"), self.tr("Import a spreadsheet"),
              self.choose_import_file),
             ("rosterEmptyAdd", self.tr("Add the first household"), self.tr("Add the first household"),
              self.add_household)],
            hint=self.tr("A CSV (UTF-8 or GBK) or Excel file with an address column (地址), "
                         "or building and room columns, is enough."))
        return empty

    # ---- reading ----

    def reload(self, then=None) -> None:
        """Ask the services again: after a save, an import, or a change made elsewhere; `then()`
        once the households are shown (a big roster is read off the GUI thread)."""
        try:
            self._show_summary()
            if self._households_total > SEARCHED_AT_ONCE:
                self._search_off_thread(then)
                return
            self.model.forget()
            self.model.refresh(self.search.text())
        except DeskError as error:
            self._unreadable(error)
            return
        self._show_state()
        if then is not None:
            then()

    def _typed(self) -> None:
        """A pause in typing in the search box: search; a big roster in the households held."""
        if self._households_total <= SEARCHED_AT_ONCE or self.model.holding:
            self.apply_search()
        elif self.search.text() != self.model.query:
            self._search_off_thread()

    def _search_off_thread(self, then=None) -> None:
        """Read the whole roster in a worker, hold it, and show what the search box finds in it."""
        if then is not None:
            self._then.append(then)
        self.model.forget()
        if self.search_job is not None and self.search_job.running:
            self._search_again = True  # read again once this read ends: it may be stale
            return
        self._search_again = False
        self.search_job = (DbOp(self, self._conn, list_households).reads_only()
                           .background(self.tr("Searching…"), handle_errors=False)
                           .success(self._found)
                           .failure(self._unreadable).run())
        self.search_job.finished.connect(self._search_ended)

    def _found(self, everyone: list) -> None:
        if self._search_again:
            return  # changed since: a newer read is on its way
        self.model.hold(everyone)
        searched = self.search.text() != self.model.query  # else the same search, read again
        try:
            if not self.model.search_held(self.search.text()):
                return self._search_off_thread()
        except DeskError as error:
            return self._unreadable(error)
        if searched:
            self._searched()
        else:
            self._show_state()  # what a save or an import says stays
        waiting, self._then = self._then, []
        for then in waiting:
            then()

    def _search_ended(self) -> None:
        if self._search_again:
            self._search_off_thread()

    def _searched(self) -> None:
        if not self._conn.read_only:
            self.notice.hide()
        self._show_state()

    def apply_search(self) -> None:
        self._search_timer.stop()
        if self.search.text() != self.model.query:
            try:
                if self.model.holding:
                    if not self.model.search_held(self.search.text()):
                        return self._search_off_thread()
                elif self._households_total > SEARCHED_AT_ONCE:
                    return self._search_off_thread()
                else:
                    self.model.refresh(self.search.text())
            except DeskError as error:
                self._unreadable(error)
                return
            if not self._conn.read_only:
                self.notice.hide()
        self._show_state()

    def _unreadable(self, error: DeskError) -> None:
        """A damaged page in the file: say so where the households would be, never a traceback."""
        self.model.clear()
        self.stack.setCurrentIndex(0)
        self.buildings.hide()
        self.counts.hide()
        self.no_match.hide()
        self.show_notice(describe(error))
        self.notice.setStyleSheet(ERROR_STYLE)
        self.readFailed.emit(error)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_entered(self) -> None:
        self.apply_search()
        rows = self.model.rowCount()
        if rows == 1:
            self.open_household(self.model.household_at(0).id)
        elif rows > 1:
            self.table.setFocus()
            self.table.selectRow(0)

    def _show_summary(self) -> None:
        summary = roster_summary(self._conn)
        self._households_total = summary.households
        links = [
            f"<a href='building:{building}' style='text-decoration:none'>"
            f"{html.escape(_unbreakable(arg(self.tr('Building %1 (%2)'), building, count)))}</a>"
            for building, count in summary.buildings
        ]
        self.buildings.setText(" · ".join(links))
        self.buildings.setAccessibleDescription(
            " · ".join(arg(self.tr("Building %1 (%2)"), b, c) for b, c in summary.buildings)
        )
        self.counts.setText(" · ".join((
            arg(self.tr("%1 households"), summary.households),
            arg(self.tr("flagged: %1"), summary.flagged),
            arg(self.tr("door delivery: %1"), summary.door),
        )))

    def _show_state(self) -> None:
        query = self.model.query.strip()
        rows = self.model.rowCount()
        nobody = not query and rows == 0
        self.stack.setCurrentWidget(self.empty if nobody else self.stack.widget(0))
        self.export_button.setEnabled(not nobody)
        self.buildings.setVisible(not nobody)
        self.counts.setVisible(not nobody)
        self.matches.setText(arg(self.tr("%1 found"), rows) if query else "")
        if query and rows == 0:
            if self._query_address():
                text = arg(self.tr("No household at %1. Press %2 to add it."),
                           self._query_address(), shortcut_text("Ctrl+N"))
            else:
                text = arg(self.tr("No household matches “%1”."), query)
            self.no_match.setText(text)
            self.no_match.show()
        else:
            self.no_match.hide()

    def _query_address(self) -> str:
        try:
            return parse_address(self.model.query).canonical
        except BadInput:
            return ""

    def _building_clicked(self, link: str) -> None:
        building = link.partition(":")[2]
        self.search.setText(f"{building}-")
        self.apply_search()

    def select_household(self, household_id: int) -> None:
        row = self.model.row_of(household_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.apply_search()
                self.table.setFocus()
                self.table.selectRow(0)
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.apply_search()
                return True
        return super().eventFilter(watched, event)

    # ---- one household ----

    def open_household(self, household_id: int) -> HouseholdDialog | None:
        try:
            household = get_household(self._conn, household_id)  # fresh: it may have changed since
        except DatabaseUnusable as error:
            self._unreadable(error)
            return None
        except DeskError as error:
            show_error(self, error)
            self.reload()
            return None
        return self._open_dialog(HouseholdDialog(self._conn, household, self))

    def add_household(self) -> HouseholdDialog:
        address = self._query_address() if self.model.rowCount() == 0 else ""
        return self._open_dialog(HouseholdDialog(self._conn, None, self, address=address))

    def _open_dialog(self, dialog: HouseholdDialog) -> HouseholdDialog:
        self.household_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._household_saved(dialog.saved_id))
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        self.household_dialog = None
        self.table.setFocus()

    def _household_saved(self, household_id: int | None) -> None:
        self.reload(then=None if household_id is None else lambda: self.select_household(household_id))
        self.householdsChanged.emit()

    # ---- import ----

    def choose_import_file(self) -> None:
        if self._busy():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a roster"), self._last_folder,
            self.tr("Roster files (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            self._last_folder = str(Path(path).parent)
            self.import_file(Path(path))

    def import_file(self, path: Path) -> Job:
        """Read the file without writing (a dry run), then show what importing it would do."""
        lang = current_language()

        def dry_run(conn, progress, should_cancel):
            from desktop.roster.roster_io import import_roster

            return import_roster(conn, path, dry_run=True, progress=progress,
                                 should_cancel=should_cancel, lang=lang)

        self.job = (DbOp(self, self._conn, dry_run).progress(arg(self.tr("Reading %1…"), path.name))
                    .success(lambda report: self._show_preview(path, report)).run())
        return self.job

    def _show_preview(self, path: Path, report) -> None:
        dialog = ImportPreviewDialog(path, report, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_preview = dialog
        dialog.accepted.connect(lambda: self._run_import(path, dialog.choices()))
        dialog.finished.connect(lambda _result: setattr(self, "import_preview", None))
        dialog.open()

    def _run_import(self, path: Path, choices: dict | None = None) -> Job:
        lang = current_language()
        chosen = dict(choices or {})

        def real_import(conn, progress, should_cancel):
            from desktop.roster.roster_io import import_roster

            return import_roster(conn, path, progress=progress, should_cancel=should_cancel, lang=lang,
                                 choices=chosen)

        self.job = (DbOp(self, self._conn, real_import).progress(arg(self.tr("Importing %1…"), path.name))
                    .success(lambda report: self._imported(path, report)).run())
        return self.job

    def _imported(self, path: Path, report) -> None:
        notice = arg(
            self.tr("Imported %1: %2 added, %3 updated, %4 unchanged, %5 skipped."),
            path.name, report.added, report.updated, report.unchanged, len(report.skipped),
        )
        if report.conflicts:
            kept = sum(1 for conflict in report.conflicts if conflict.kept == "program")
            notice += " " + arg(self.tr("%1 conflicts: %2 kept as edited here, %3 taken from the file."),
                                len(report.conflicts), kept, len(report.conflicts) - kept)
        self.show_notice(notice)  # laid out before the roster is read again beside it
        self.reload()
        self.householdsChanged.emit()

    # ---- export ----

    def choose_export_file(self) -> None:
        if self._busy():
            return
        xlsx = self.tr("Excel workbook (*.xlsx)")
        csv = self.tr("CSV, opens in Excel (*.csv)")
        stem = self.tr("roster")  # the file name a committee member will see in their folder
        suggested = Path(self._last_folder) / f"{stem}-{date.today().isoformat()}.xlsx"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the roster"), str(suggested), f"{xlsx};;{csv}"
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + (".csv" if chosen == csv else ".xlsx"))
        self._last_folder = str(target.parent)
        self.export_file(target)

    def export_file(self, path: Path) -> Job:
        def export(conn, progress, should_cancel):
            from desktop.roster.roster_io import export_roster

            return export_roster(conn, path, progress=progress, should_cancel=should_cancel)

        self.job = (DbOp(self, self._conn, export).reads_only()
                    .progress(arg(self.tr("Exporting to %1…"), path.name))
                    .success(lambda count: self.show_notice(
                        arg(self.tr("Exported %1 households to %2."), count, str(path))))
                    .run())
        return self.job

    def _busy(self) -> bool:
        """One import or export at a time: a second click while one runs does nothing."""
        return self.job is not None and self.job.running

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
