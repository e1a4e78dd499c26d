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

from desktop.audit import set_actor
from desktop.compound import compound_info, rename_compound
from desktop.db import Connection
from desktop.errors import DatabaseUnusable, DeskError
from desktop.people import operators
from desktop.safekeeping.backups import list_backups
from desktop.stations.exchange import station_role
from desktop.ui import jobs
from desktop.ui.bags.bags_page import BagsPage
from desktop.ui.buys.buys_page import BuysPage
from desktop.ui.buys.suppliers_page import SuppliersPage
from desktop.ui.committee.needs_page import NeedsPage
from desktop.ui.committee.reports_page import ReportsPage
from desktop.ui.common import (
    arg,
    dialog_button,
    local_time,
    shortcut_text,
)
from desktop.ui.forms import ERROR_COLOUR, STRONG_ERROR_STYLE, WARNING_COLOUR, named
from desktop.ui.gate.gate_page import GatePage
from desktop.ui.ops import DbOp
from desktop.ui.people.audit_page import AuditPage
from desktop.ui.people.idle import IdleLock
from desktop.ui.people.operators_page import OperatorsPage
from desktop.ui.people.sign_in import FirstOperatorDialog, SignInPanel
from desktop.ui.roster.roster_page import RosterPage
from desktop.ui.safekeeping.backups_page import BackupsPage
from desktop.ui.safekeeping.safekeeping import DAMAGED, Safekeeping
from desktop.ui.stations.stations_page import StationsPage
from desktop.words import describe, word

# The pages that work today, in navigation order; `--page` accepts exactly these.
PAGES = ("roster", "buys", "suppliers", "bags", "gate", "backups", "reports", "needs",
         "stations", "operators", "audit")
# A gate station's window: it scans, and merges with the lobby.
GATE_PAGES = ("gate", "stations")

# Who sees each page once operators exist; a page not named here is the committee's alone.
VOLUNTEERS, GUARDS, COMMITTEE = "volunteer", "guard", "committee"
PAGE_ROLES: dict[str, tuple[str, ...]] = {
    "roster": (VOLUNTEERS, COMMITTEE),
    "buys": (VOLUNTEERS, COMMITTEE),
    "suppliers": (VOLUNTEERS, COMMITTEE),
    "bags": (VOLUNTEERS, COMMITTEE),
    "gate": (GUARDS, COMMITTEE),
    "backups": (COMMITTEE,),
    "reports": (COMMITTEE,),
    "needs": (VOLUNTEERS, COMMITTEE),
    "stations": (VOLUNTEERS, GUARDS, COMMITTEE),
    "operators": (COMMITTEE,),
    "audit": (COMMITTEE,),
}


def may_see(role: str | None, key: str) -> bool:
    """Whether someone of `role` sees page `key`; with nobody signed in (no operators yet), all."""
    return role is None or role in PAGE_ROLES.get(key, (COMMITTEE,))
STATUS_REFRESH_MS = 60_000
LOCK_KEYS = "Ctrl+Shift+L"  # Ctrl+L is the gate's waiting list and order entry's address

BANNER_STYLES = {
    "damaged": f"QFrame#fileBanner {{ background: {ERROR_COLOUR}; }} QLabel {{ color: white; font-weight: bold; }}",
    "read_only": "QFrame#fileBanner { background: #fef7e0; border-bottom: 1px solid #f3d58a; }"
                 f" QLabel {{ color: {WARNING_COLOUR}; }}",
}


def page_keys(number: int) -> str:
    """The key that goes to the `number`th page (from 1): Ctrl+1 … Ctrl+9, then Ctrl+0; none after."""
    return f"Ctrl+{number % 10}" if number <= 10 else ""


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
        self.operator: operators.Operator | None = None  # who is signed in, once operators exist
        self.locked = False
        self.first_operator_dialog: FirstOperatorDialog | None = None
        self.idle_lock = IdleLock(self)
        self.idle_lock.idle.connect(self.lock)

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
        # The pages with their navigation, or the sign-in in their place.
        self.screens = QStackedWidget(central)
        self.screens.setObjectName("screens")
        work = QWidget(self.screens)
        row = QHBoxLayout(work)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        divider = QFrame(central)
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        row.addWidget(divider)
        row.addWidget(self.stack, 1)
        self.sign_in_panel = SignInPanel(lambda: self._conn, self.screens)
        self.sign_in_panel.signedIn.connect(self.signed_in)
        self.screens.addWidget(work)
        self.screens.addWidget(self.sign_in_panel)
        column.addWidget(self.screens, 1)
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
        self.operator_label = self._status_label("statusOperator", self.tr("Signed in"))
        self.operator_label.hide()  # until someone signs in
        self.lock_button = QToolButton(self)
        self.lock_button.setObjectName("lockWindow")
        self.lock_button.setText(self.tr("Lock"))
        self.lock_button.setAutoRaise(True)
        self.lock_button.setAccessibleName(self.tr("Lock the window"))
        self.lock_button.setToolTip(arg(self.tr("Lock the window until someone signs in (%1)"),
                                        shortcut_text(LOCK_KEYS)))
        self.lock_button.setShortcut(QKeySequence(LOCK_KEYS))
        self.lock_button.clicked.connect(self.lock)
        self.lock_button.hide()
        self.statusBar().addPermanentWidget(self.lock_button)
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
            ("reports", self.tr("Reports"), QStyle.StandardPixmap.SP_FileDialogInfoView,
             lambda: ReportsPage(self._conn, self)),
            ("needs", self.tr("Urgent needs"), QStyle.StandardPixmap.SP_MessageBoxWarning,
             lambda: NeedsPage(self._conn, self)),
            ("stations", self.tr("Stations"), QStyle.StandardPixmap.SP_BrowserReload,
             lambda: StationsPage(self._conn, self)),
            ("operators", self.tr("Operators"), QStyle.StandardPixmap.SP_DirHomeIcon,
             lambda: OperatorsPage(self._conn, self)),
            ("audit", self.tr("Audit log"), QStyle.StandardPixmap.SP_FileDialogInfoView,
             lambda: AuditPage(self._conn, self)),
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
            keys = page_keys(len(self.pages))
            item.setToolTip(f"{title} ({shortcut_text(keys)})" if keys else title)
        self.navigation.blockSignals(False)
        roster = self.pages.get("roster")
        if roster is not None:  # a gate station's window has no roster
            roster.readFailed.connect(self._read_failed)
            roster.householdsChanged.connect(self.refresh_status)
            self.pages["buys"].householdsChanged.connect(roster.reload)
            self.pages["buys"].householdsChanged.connect(self.refresh_status)
        reports = self.pages.get("reports")
        if reports is not None and roster is not None:  # a coverage row opens its household
            reports.householdOpened.connect(self.open_household)
        stations, gate = self.pages.get("stations"), self.pages.get("gate")
        if stations is not None and gate is not None:  # what a merged file brought shows at the gate
            stations.merged.connect(gate.station_banner.refresh)
            stations.merged.connect(gate.waiting.refresh)
            stations.merged.connect(self._operators_arrived)
            stations.becameGate.connect(self._reopen_as_gate)
        self.show_page(current or next(iter(self.pages)))
        self._apply_role()

    def _build_page_keys(self) -> None:
        """Ctrl+1 … Ctrl+9 and Ctrl+0 go to the pages in the order the navigation lists them."""
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
        if not self.centralWidget().isEnabled() or self.locked:  # not while a restore swaps the file
            return
        role = self.operator.role if self.operator is not None else None
        if not may_see(role, key):
            self.statusBar().showMessage(arg(self.tr(
                "That page is not open to a %1: ask someone whose role uses it to sign in."),
                word("role", role or "")), 8000)
            return
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
            pages = [(page_keys(number), spec[1])
                     for number, spec in enumerate(self._page_specs(), start=1) if page_keys(number)]
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
        set_actor(conn, self._conn.operator)
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
        self._operators_arrived()

    def _operators_arrived(self) -> None:
        """A lobby file merged at a gate station may bring the operators: from then on the window
        asks who is at it, as the lobby's does."""
        if self.operator is not None or self.locked:
            return
        try:
            anyone = operators.has_operators(self._conn)
        except DeskError:
            return
        if anyone:
            self.lock()

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

    # ---- who is at the window: signing in, roles, the idle lock ----

    def start_sign_in(self) -> FirstOperatorDialog | None:
        """At start: the sign-in once operators exist; before any, the offer to make the first."""
        try:
            anyone = operators.has_operators(self._conn)
        except DeskError:
            return None
        if anyone:
            self.lock()
            return None
        if self._conn.read_only or self._gate_station():  # a gate's operators come from the lobby
            return None
        self.first_operator_dialog = FirstOperatorDialog(self._conn, self, self.signed_in)
        self.first_operator_dialog.open()
        return self.first_operator_dialog

    def lock(self) -> None:
        """Nobody signed in: the sign-in screen in place of the pages, until someone signs in."""
        self.idle_lock.stop()
        # What was open stays unseen and unsaved; work already running carries on.
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible() and not isinstance(dialog, jobs.JobDialog):
                dialog.reject()
        self.operator = None
        self.locked = True
        set_actor(self._conn, "")
        self.sign_in_panel.reset()
        self.screens.setCurrentWidget(self.sign_in_panel)
        self.sign_in_panel.name_input.setFocus()
        self.lock_button.hide()
        self._show_operator()

    def signed_in(self, who: operators.Operator) -> None:
        """`who` uses the window now: the pages of their role, their name on what they change;
        a guard goes straight to the gate."""
        self.operator = who
        self.locked = False
        set_actor(self._conn, who.name)
        self._apply_role()
        self.screens.setCurrentIndex(0)
        self.lock_button.show()
        if who.role == GUARDS:
            self.show_page("gate")
        self._show_operator()
        try:
            minutes = operators.idle_lock_minutes(self._conn)
        except DeskError:
            minutes = operators.DEFAULT_IDLE_LOCK_MIN
        self.idle_lock.start(minutes)
        self.stack.currentWidget().setFocus()

    def idle_lock_changed(self, minutes: int) -> None:
        if self.operator is not None:
            self.idle_lock.start(minutes)

    def _apply_role(self) -> None:
        """Only the pages of the signed-in role in the navigation; on one of them."""
        role = self.operator.role if self.operator is not None else None
        for row, key in enumerate(self.pages):
            self.navigation.item(row).setHidden(not may_see(role, key))
        if self.pages and not may_see(role, self.current_page()):
            self.show_page(next(key for key in self.pages if may_see(role, key)))
        stations = self.pages.get("stations")
        if hasattr(stations, "set_role"):  # only the committee resolves a bag handed over twice
            stations.set_role(role)
        gate_page = self.pages.get("gate")
        if hasattr(gate_page, "sign_in_as"):
            gate_page.sign_in_as(self.operator.name if self.operator is not None else None)

    def _show_operator(self) -> None:
        who = self.operator
        self.operator_label.setText(arg(self.tr("%1 (%2)"), who.name, word("role", who.role))
                                    if who is not None else "")
        self.operator_label.setVisible(who is not None)

    # ---- pages ----

    def show_page(self, key: str) -> None:
        if key not in self.pages:  # a page a gate station's window does not have
            key = next(iter(self.pages))
        row = list(self.pages).index(key)
        self.navigation.setCurrentRow(row)
        self.stack.setCurrentIndex(row)

    def open_household(self, household_id: int):
        """The Roster page with that household selected and its dialog open."""
        roster = self.pages["roster"]
        self.show_page("roster")
        roster.select_household(household_id)
        return roster.open_household(household_id)

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
        if page in self.pages and may_see(self.operator.role if self.operator else None, page):
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
