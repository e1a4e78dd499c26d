"""The idle lock: no key pressed and no click for the set minutes, and the window locks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

# What counts as someone at the window (a mouse merely passing over it does not).
_TOUCHES = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
            QEvent.Type.TouchBegin}


class IdleLock(QObject):
    idle = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self._watching = False

    def start(self, minutes: int, *, ms: int | None = None) -> None:
        """Lock after `minutes` untouched (`ms` instead, for a test); 0 minutes never locks."""
        interval = ms if ms is not None else minutes * 60_000
        if interval <= 0:
            self.stop()
            return
        self.timer.setInterval(interval)
        if not self._watching:
            QApplication.instance().installEventFilter(self)
            self._watching = True
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self._watching:
            QApplication.instance().removeEventFilter(self)
            self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _TOUCHES and self.timer.isActive():
            self.timer.start()
        return False
