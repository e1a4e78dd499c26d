"""The shell: pages down the left, the page in the middle, where-and-who along the bottom.

A banner across the top says when the file may not be changed (read-only, or found damaged).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.compound import compound_info, rename_compound
from desktop.db import Connection
from desktop.errors import DatabaseUnusable, DeskError
from desktop.safekeeping.backups import list_backups
from desktop.stations.exchange import station_role
from desktop.ui import jobs
from desktop.ui.bags.bags_page import BagsPage
from desktop.ui.buys.buys_page import BuysPage
from desktop.ui.buys.suppliers_page import SuppliersPage
from desktop.ui.common import (
    arg,
    dialog_button,
    local_time,
    shortcut_text,
)
from desktop.ui.forms import ERROR_COLOUR, STRONG_ERROR_STYLE, WARNING_COLOUR, named
from desktop.ui.gate.gate_page import GatePage
from desktop.ui.ops import DbOp
from desktop.ui.roster.roster_page import RosterPage
from desktop.ui.safekeeping.backups_page import BackupsPage
from desktop.ui.safekeeping.safekeeping import DAMAGED, Safekeeping
from desktop.ui.stations.stations_page import StationsPage
from desktop.words import describe

# The pages that work today, in navigation order; `--page` accepts exactly these.
PAGES = ("roster", "buys", "suppliers", "bags", "gate", "backups", "stations")
# A gate station's window: it scans, and merges with the lobby.
GATE_PAGES = ("gate", "stations")
STATUS_REFRESH_MS = 60_000

BANNER_STYLES = {
    "damaged": f"QFrame#fileBanner {{ background: {ERROR_COLOUR}; }} QLabel {{ color: white; font-weight: bold; }}",
    "read_only": "QFrame#fileBanner { background: #fef7e0; border-bottom: 1px solid #f3d58a; }"
                 f" QLabel {{ color: {WARNING_COLOUR}; }}",
}


def page_keys(number: int) -> str:
    """The key that goes to the `number`th page (from 1): Ctrl+1 … Ctrl+6."""
    return f"Ctrl+{number}"


class FileBanner(QFrame):
    """One sentence across the whole window: this file cannot be changed, and why."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("fileBanner")
        self.setAccessibleName(self.tr("Warning about the database file"))
        self.text = named(QLabel(self), "fileBannerText", self.tr("Warning about the database file"))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = named(QPushButton(self.tr("Backups…"), self), "fileBannerBackups", self.tr("Backups"))
        self.action.setToolTip(self.tr("Go to the Backups page to restore a good backup"))
        self.action.setAutoDefault(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.action, 0, Qt.AlignmentFlag.AlignVCenter)
        self.offer_backups = False
        self.hide()

    def say(self, kind: str, sentence: str, *, offer_backups: bool) -> None:
        self.setStyleSheet(BANNER_STYLES[kind])
        self.setProperty("kind", kind)
        self.text.setText(sentence)
        self.offer_backups = offer_backups
        self.action.setVisible(offer_backups)
        self.show()

    def page_shown(self, key: str | None) -> None:
        """No way to the Backups page on the Backups page itself."""
        self.action.setVisible(self.offer_backups and key != "backups")


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard shortcuts: one table of keys and what they do."""

    def __init__(self, pages: list[tuple[str, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.windowTitle())
        rows = [(keys, arg(self.tr("Go to the %1 page"), title)) for keys, title in pages]
        rows += [
            (self.tr("Alt + underlined letter"), self.tr("Press that button or go to that field")),
            ("Enter", self.tr("The dialog's main button (Save, Import…)")),
            ("Esc", self.tr("Close the dialog without changing anything")),
            ("Tab / Shift+Tab", self.tr("Next / previous field")),
        ]
        self.table = named(QTableWidget(len(rows), 2, self), "shortcutsTable", self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, (keys, what) in enumerate(rows):
            native = keys if " " in keys or "/" in keys else shortcut_text(keys)
            self.table.setItem(row, 0, QTableWidgetItem(native))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        note = QLabel(self.tr("Each page's buttons show their own keys when you hold the mouse over them."), self)
        note.setObjectName("shortcutsNote")
        note.setWordWrap(True)
        close = dialog_button(self, "shortcutsClose", self.tr("Close"), self.tr("Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)


class MainWindow(QMainWindow):
    """Given `settings`, the window restores and remembers its size and page; without, it does not.

    `start_safekeeping()`, once the window is shown, checks the file and starts the backups; the
    window owns the connection from then on, as a restore replaces it (`conn`).
    """

    def __init__(self, conn: Connection, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._conn = conn
        self._settings = settings
        self._restoring = False
        self._backup_failure: tuple[datetime, DeskError] | None = None
        self.pages: dict[str, QWidget] = {}

        self.safekeeping = Safekeeping(self)
        self.safekeeping.backupMade.connect(self._backup_made)
        self.safekeeping.backupFailed.connect(self._backup_failed)

        self.navigation = named(QListWidget(self), "navigation", self.tr("Pages"))
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setFixedWidth(150)
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.navigation.setStyleSheet(
            "QListWidget { background: palette(window); outline: 0; }"
            "QListWidget::item { padding: 8px 6px; border-radius: 4px; color: palette(window-text); }"
            "QListWidget::item:selected { background: #d8e6f8; color: #0b3d91; font-weight: bold; }"
        )
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.banner = FileBanner(self)
        self.banner.action.clicked.connect(lambda: self.show_page("backups"))
        self.stack.currentChanged.connect(self._page_changed)

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        divider = QFrame(central)
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        row.addWidget(divider)
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)
        self._build_pages()

        self.compound_label = self._status_label("statusCompound", self.tr("Compound"))
        self.rename_button = QToolButton(self)
        self.rename_button.setObjectName("renameCompound")
        self.rename_button.setText("✎")
        self.rename_button.setAutoRaise(True)
        self.rename_button.setAccessibleName(self.tr("Name the compound"))
        self.rename_button.setToolTip(self.tr("Name the compound (printed on sheets and cards)"))
        self.rename_button.clicked.connect(self.ask_compound_name)
        self.statusBar().addPermanentWidget(self.rename_button)
        self.station_label = self._status_label("statusStation", self.tr("Station"))
        self.backup_label = self._status_label("statusBackup", self.tr("Last backup"))
        self.statusBar().setStyleSheet("QStatusBar::item { border: none; border-left: 1px solid #c8c8c8; }")
        self.show_file_state()
        self.refresh_status()
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()

        self._build_page_keys()
        self._build_menus()

        # Never larger than the screen it opens on: 1366×768 laptops are common at the lobby table.
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        self.resize(min(1280, screen.width()) if screen else 1280, min(800, screen.height()) if screen else 800)
        self._restore()

    @property
    def conn(self) -> Connection:
        return self._conn

    def _page_specs(self) -> list[tuple[str, str, QStyle.StandardPixmap, Callable[[], QWidget]]]:
        specs = [
            ("roster", self.tr("Roster"), QStyle.StandardPixmap.SP_FileDialogDetailedView,
             lambda: RosterPage(self._conn, self, banner_in_window=True)),
            ("buys", self.tr("Group buys"), QStyle.StandardPixmap.SP_FileDialogListView,
             lambda: BuysPage(self._conn, self)),
            ("suppliers", self.tr("Suppliers"), QStyle.StandardPixmap.SP_DirHomeIcon,
             lambda: SuppliersPage(self._conn, self)),
            ("bags", self.tr("Bags & labels"), QStyle.StandardPixmap.SP_FileDialogContentsView,
             lambda: BagsPage(self._conn, self, settings=self._settings)),
            ("gate", self.tr("Gate"), QStyle.StandardPixmap.SP_DialogApplyButton,
             lambda: GatePage(self._conn, self, settings=self._settings)),
            ("backups", self.tr("Backups"), QStyle.StandardPixmap.SP_DriveHDIcon,
             lambda: BackupsPage(self._conn, self.safekeeping, self)),
            ("stations", self.tr("Stations"), QStyle.StandardPixmap.SP_BrowserReload,
             lambda: StationsPage(self._conn, self)),
        ]
        return [spec for spec in specs if spec[0] in GATE_PAGES] if self._gate_station() else specs

    def _gate_station(self) -> bool:
        try:
            return station_role(self._conn) == "gate"
        except DatabaseUnusable:
            return False

    def _build_pages(self) -> None:
        """Make every page over the current connection, on the page that was showing."""
        current = self.current_page() if self.pages else None
        self.navigation.blockSignals(True)
        self.navigation.clear()
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.hide()
            page.deleteLater()
        self.pages = {}
        for key, title, icon, build in self._page_specs():
            page = build()
            self.pages[key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(self.style().standardIcon(icon), title, self.navigation)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{title} ({shortcut_text(page_keys(len(self.pages)))})")
        self.navigation.blockSignals(False)
        roster = self.pages.get("roster")
        if roster is not None:  # a gate station's window has no roster
            roster.readFailed.connect(self._read_failed)
            roster.householdsChanged.connect(self.refresh_status)
            self.pages["buys"].householdsChanged.connect(roster.reload)
            self.pages["buys"].householdsChanged.connect(self.refresh_status)
        stations, gate = self.pages.get("stations"), self.pages.get("gate")
        if stations is not None and gate is not None:  # what a merged file brought shows at the gate
            stations.merged.connect(gate.station_banner.refresh)
            stations.merged.connect(gate.waiting.refresh)
            stations.becameGate.connect(self._reopen_as_gate)
        self.show_page(current or next(iter(self.pages)))

    def _build_page_keys(self) -> None:
        """Ctrl+1 … Ctrl+6 go to the pages in the order the navigation lists them."""
        self.page_actions: list[QAction] = []
        for number, (key, title, _icon, _build) in enumerate(self._page_specs(), start=1):
            action = QAction(title, self)
            action.setObjectName(f"goTo{key.capitalize()}")
            action.setShortcut(QKeySequence(page_keys(number)))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, key=key: self._go_to(key))
            self.addAction(action)
            self.page_actions.append(action)

    def _go_to(self, key: str) -> None:
        if self.centralWidget().isEnabled():  # not while a restore swaps the file
            self.show_page(key)

    def _build_menus(self) -> None:
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.setObjectName("helpMenu")
        self.shortcuts_action = self.help_menu.addAction(self.tr("&Keyboard shortcuts…"))
        self.shortcuts_action.setObjectName("helpShortcuts")
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.shortcuts_dialog: ShortcutsDialog | None = None

    def show_shortcuts(self) -> ShortcutsDialog:
        """The keys that reach every page, and how dialogs and pages are driven from the keyboard."""
        if self.shortcuts_dialog is None:
            pages = [(page_keys(number), spec[1]) for number, spec in enumerate(self._page_specs(), start=1)]
            self.shortcuts_dialog = ShortcutsDialog(pages, self)
            self.shortcuts_dialog.finished.connect(self._shortcuts_closed)
        self.shortcuts_dialog.open()
        return self.shortcuts_dialog

    def _shortcuts_closed(self, _result: int) -> None:
        dialog, self.shortcuts_dialog = self.shortcuts_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _status_label(self, name: str, accessible: str) -> QLabel:
        label = named(QLabel(self), name, accessible)
        label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(label)
        return label

    def ask_compound_name(self) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setObjectName("compoundNameDialog")
        dialog.setWindowTitle(self.tr("Compound name"))
        dialog.setLabelText(
            self.tr("The name residents know the compound by; it is printed on sheets and cards:"))
        dialog.setTextValue(compound_info(self._conn).name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self._rename_compound)
        self.name_dialog = dialog
        dialog.open()
        return dialog

    def _rename_compound(self, name: str) -> None:
        self.rename_job = (DbOp(self, self._conn, lambda conn: rename_compound(conn, name))
                           .progress(self.tr("Saving…"), cancellable=False)
                           .success(lambda _info: self.refresh_status()).run())

    def refresh_status(self) -> None:
        try:
            info = compound_info(self._conn)
        except DatabaseUnusable:  # a damaged page, or the file is being swapped by a restore
            info = None
        if info is not None:
            self.compound_label.setText(info.name or self.tr("unnamed compound"))
            self.station_label.setText(arg(self.tr("station %1"), info.station))
            if info.name:
                self.setWindowTitle(arg(self.tr("Compound Desk — %1"), info.name))
            else:
                self.setWindowTitle(self.tr("Compound Desk"))
        backups = list_backups(self._conn.path)
        newest = backups[0].taken_at if backups else None
        failure = self._backup_failure
        if failure is not None and (newest is None or failure[0] > newest):
            self.backup_label.setText(arg(self.tr("backup failed %1"), local_time(failure[0])))
            self.backup_label.setStyleSheet(STRONG_ERROR_STYLE)
            self.backup_label.setToolTip(describe(failure[1]))
            return
        self.backup_label.setStyleSheet("")
        self.backup_label.setToolTip("")
        if newest is None:
            self.backup_label.setText(self.tr("no backup yet"))
        else:
            self.backup_label.setText(arg(self.tr("last backup %1"), local_time(newest)))

    # ---- the file's state: safekeeping, banner, restore ----

    def start_safekeeping(self) -> None:
        """Once the window is up: check the file off the GUI thread, then start the backups."""
        self.safekeeping.start()

    def show_file_state(self) -> None:
        conn = self._conn
        if conn.read_only and conn.read_only_code == DAMAGED:
            self.banner.say("damaged", arg(self.tr(
                "This compound's file is damaged, so nothing will be written to it. "
                "Restore a good backup on the Backups page. (%1)"
            ), str(conn.path)), offer_backups=True)
        elif conn.read_only:
            self.banner.say("read_only", describe(DatabaseUnusable("db_read_only", path=str(conn.path))),
                            offer_backups=False)
        else:
            self.banner.hide()
        self.banner.page_shown(self.current_page())

    def show_damaged(self) -> None:
        """The file was found damaged: the banner says so and every page stops offering changes."""
        self.show_file_state()
        sentence = describe(DatabaseUnusable(DAMAGED, path=str(self._conn.path)))
        for page in self.pages.values():
            refuse = getattr(page, "refuse_changes", None)
            if refuse is not None:
                refuse(sentence)

    def set_restoring(self, restoring: bool) -> None:
        """While a restore swaps the file, nothing in the window may reach for it."""
        self._restoring = restoring
        self.centralWidget().setEnabled(not restoring)
        if restoring:
            self._status_timer.stop()
        else:
            self._status_timer.start()

    def replace_connection(self, conn: Connection) -> None:
        """Carry on with a new connection (after a restore): every page is made again over it."""
        self._conn = conn
        self._build_pages()
        self.show_file_state()
        self.set_restoring(False)
        self.refresh_status()

    def _reopen_as_gate(self) -> None:
        """The file became a gate station: open it again (its compound and keys changed) and show
        a gate's pages."""
        from desktop.db import connect

        old = self._conn
        self.replace_connection(connect(old.path))
        old.close()
        self.show_page("gate")

    def _read_failed(self, _error: DeskError) -> None:
        if not self._restoring:
            self.safekeeping.check_file()

    def _backup_made(self, _path) -> None:
        self._backup_failure = None
        self.refresh_status()
        page = self.pages.get("backups")
        if isinstance(page, BackupsPage):
            page.reload()

    def _backup_failed(self, error: DeskError) -> None:
        self._backup_failure = (datetime.now().astimezone(), error)
        self.refresh_status()

    # ---- pages ----

    def show_page(self, key: str) -> None:
        if key not in self.pages:  # a page a gate station's window does not have
            key = next(iter(self.pages))
        row = list(self.pages).index(key)
        self.navigation.setCurrentRow(row)
        self.stack.setCurrentIndex(row)

    def current_page(self) -> str:
        return list(self.pages)[self.stack.currentIndex()]

    def _page_changed(self, index: int) -> None:
        keys = list(self.pages)
        self.banner.page_shown(keys[index] if 0 <= index < len(keys) else None)

    def _ask_to_stop(self, title: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Still working"),
                          arg(self.tr("%1 is still running. Close now and it stops: nothing it did is "
                                      "kept. Or keep working and close once it has finished."), title.rstrip("…")),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("closeWhileWorking")
        box.setAccessibleName(self.tr("Still working"))
        stop = box.addButton(self.tr("&Stop it and close"), QMessageBox.ButtonRole.DestructiveRole)
        stop.setObjectName("closeStop")
        keep = box.addButton(self.tr("&Keep working"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("closeKeep")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.close_question = box

        def answered() -> None:
            self.close_question = None
            if box.clickedButton() is stop:
                self._stop_confirmed = True
                self.close()

        box.finished.connect(lambda _result: answered())
        box.open()

    # ---- remembering size and page ----

    def _restore(self) -> None:
        if self._settings is None:
            return
        geometry = self._settings.value("window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        page = self._settings.value("window/page")
        if page in self.pages:
            self.show_page(page)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing while an import or export runs: say so and let the person choose, never
        # close on them silently or ignore them without a word.
        busy = jobs.running_titles()
        if busy and not getattr(self, "_stop_confirmed", False):
            event.ignore()
            self._ask_to_stop(busy[0])
            return
        self.safekeeping.stop()
        jobs.stop_all()
        if self._settings is not None:
            self._settings.setValue("window/geometry", self.saveGeometry())
            self._settings.setValue("window/page", self.current_page())
            self._settings.sync()
        super().closeEvent(event)
