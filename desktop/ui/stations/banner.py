"""The gate station's line on the Gate page: when it last merged a lobby file, that bags made at
the lobby since are not known here, and a reminder when it has gone too long without one. A lobby
station shows nothing here."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop.db.connection import Connection
from desktop.errors import DeskError
from desktop.stations.status import station_status
from desktop.ui.common import arg
from desktop.ui.forms import NOTICE_STYLES, named
from desktop.ui.stations.stations_page import when

REFRESH_MS = 60_000


class StationBanner(QLabel):
    def __init__(self, conn: Connection, parent: QWidget) -> None:
        super().__init__(parent)
        named(self, "gateStationBanner", self.tr("Last merge with the lobby"))
        self.setWordWrap(True)
        self._conn = conn
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        try:
            status = station_status(self._conn)
        except DeskError:
            return
        if status.role != "gate":
            self.hide()
            return
        text = arg(self.tr("Gate station %1 · last lobby file written %2. Bags made at the lobby "
                           "after it are not known here: they answer “unknown” until the next merge."),
                   status.station, when(status.home_made_at))
        if status.overdue:
            text = arg(self.tr("No lobby file merged for %1 hours: take this station's file to the lobby "
                               "and bring the lobby's back (Stations page)."),
                       int(status.hours_since or 0)) + "\n" + text
        self.setProperty("overdue", status.overdue)
        self.setStyleSheet(NOTICE_STYLES["warning" if status.overdue else "good"])
        self.setText(text)
        self.show()
