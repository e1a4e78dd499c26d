"""The shell: pages down the left, the page in the middle, where-and-who along the bottom."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QWidget,
)

from desktop.compound import compound_info, last_backup_at
from desktop.db.connection import Connection
from desktop.ui import jobs
from desktop.ui.common import arg
from desktop.ui.roster_page import RosterPage

# The pages that work today, in navigation order; `--page` accepts exactly these.
PAGES = ("roster",)
STATUS_REFRESH_MS = 60_000


class MainWindow(QMainWindow):
    """Given `settings`, the window restores and remembers its size and page; without, it does not."""

    def __init__(self, conn: Connection, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._conn = conn
        self._settings = settings
        self.pages: dict[str, QWidget] = {}

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Pages"))
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

        for key, title, icon, build in self._page_specs():
            page = build()
            self.pages[key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(self.style().standardIcon(icon), title, self.navigation)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(title)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        divider = QFrame(central)
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        row.addWidget(divider)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.compound_label = self._status_label("statusCompound", self.tr("Compound"))
        self.station_label = self._status_label("statusStation", self.tr("Station"))
        self.backup_label = self._status_label("statusBackup", self.tr("Last backup"))
        self.statusBar().setStyleSheet("QStatusBar::item { border: none; border-left: 1px solid #c8c8c8; }")
        self.refresh_status()
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()

        self.resize(1280, 800)
        self._restore()

    def _page_specs(self) -> list[tuple[str, str, QStyle.StandardPixmap, Callable[[], QWidget]]]:
        return [
            ("roster", self.tr("Roster"), QStyle.StandardPixmap.SP_FileDialogDetailedView,
             lambda: RosterPage(self._conn, self)),
        ]

    def _status_label(self, name: str, accessible: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(label)
        return label

    def refresh_status(self) -> None:
        info = compound_info(self._conn)
        name = info.name or self.tr("unnamed compound")
        self.compound_label.setText(name)
        self.station_label.setText(arg(self.tr("station %1"), info.station))
        backup = last_backup_at(self._conn.path)
        if backup is None:
            self.backup_label.setText(self.tr("no backup yet"))
        else:
            self.backup_label.setText(arg(self.tr("last backup %1"), backup.strftime("%Y-%m-%d %H:%M")))
        if info.name:
            self.setWindowTitle(arg(self.tr("Compound Desk — %1"), info.name))
        else:
            self.setWindowTitle(self.tr("Compound Desk"))

    # ---- pages ----

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(list(self.pages).index(key))

    def current_page(self) -> str:
        return list(self.pages)[self.stack.currentIndex()]

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
        jobs.stop_all()
        if self._settings is not None:
            self._settings.setValue("window/geometry", self.saveGeometry())
            self._settings.setValue("window/page", self.current_page())
            self._settings.sync()
        super().closeEvent(event)
