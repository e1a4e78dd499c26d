"""A page's reading of what it shows, off the GUI thread, for pages whose figures take a moment at
a big compound (the Reports, Urgent needs, Audit log and Stations pages):

    self.reader = PageRead(self, self.tr("Reading the figures…"))
    self.reader.read(self._conn, lambda conn: read_everything(conn, day), self._show, self._failed)

The work runs in a `DbOp` that only reads, with no dialog; `reading` is true until the result is
on screen, and `readingChanged(bool)` lets the page say "Reading…". Asked again while a read is
under way (the day changed, a filter was typed), the page reads once more when the first read
ends and shows only the newest result: a stale one is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.errors import DeskError
from desktop.ui.ops import DbOp

__all__ = ["PageRead"]


class PageRead(QObject):
    readingChanged = Signal(bool)

    def __init__(self, page: QWidget, title: str) -> None:
        super().__init__(page)
        self._page = page
        self._title = title
        self.job = None
        self._next: tuple | None = None
        self.reading = False

    def read(self, db: Any, work: Callable[[Any], Any], show: Callable[[Any], Any],
             failed: Callable[[DeskError], Any]) -> None:
        """Run `work(conn)` off the GUI thread, then `show(result)`; a refusal to `failed(error)`."""
        self._set_reading(True)
        if self.job is not None and self.job.running:
            self._next = (db, work, show, failed)  # read again once this read ends
            return
        self._next = None
        self.job = (DbOp(self._page, db, work).reads_only()
                    .background(self._title, handle_errors=False)
                    .success(lambda result: self._landed(result, show))
                    .failure(lambda error: self._landed(error, failed)).run())
        self.job.finished.connect(self._ended)

    def _landed(self, result: Any, fn: Callable[[Any], Any]) -> None:
        if self._next is None:  # nothing asked since: this result is the newest
            fn(result)

    def _ended(self) -> None:
        if self._next is not None:
            self.read(*self._next)
        else:
            self._set_reading(False)

    def _set_reading(self, reading: bool) -> None:
        if reading != self.reading:
            self.reading = reading
            self.readingChanged.emit(reading)
