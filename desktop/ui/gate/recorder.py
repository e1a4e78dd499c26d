"""The gate's writes, off the GUI thread: each handoff, refused-scan note, decision and undo is a
`DbOp` taking the window's write turn, one after another in the order the guard made them. The
answer a guard reads comes first, from a read; while a roster import holds the file, the writes
wait their turn behind it and the window goes on answering scans."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from desktop.ui import jobs
from desktop.ui.ops import DbOp


class Recorder(QObject):
    """Writes for one page, queued in order; `idle` when none is waiting or running."""

    def __init__(self, page: QWidget, conn) -> None:
        super().__init__(page)
        self._page, self._path = page, conn.path
        self._queue: deque[tuple[object, Callable, Callable, Callable]] = deque()
        self._keys: list[object] = []  # what is queued or running, by the key it was added with
        self.job: jobs.Job | None = None

    def add(self, key: object, work: Callable[[Any], Any], done: Callable[[Any], Any],
            failed: Callable[[BaseException], Any]) -> None:
        """Run `work(conn)` after every write added before it; `done(result)` or `failed(error)`
        on the GUI thread (a refusal; anything else goes to the crash handler)."""
        self._queue.append((key, work, done, failed))
        self._keys.append(key)
        self._next()

    def __contains__(self, key: object) -> bool:
        return any(key is queued for queued in self._keys)

    @property
    def idle(self) -> bool:
        return not self._keys

    def _next(self) -> None:
        if (self.job is not None and self.job.running) or not self._queue:
            return
        key, work, done, failed = self._queue.popleft()
        title = QCoreApplication.translate("GatePage", "Recording at the gate")
        self.job = job = (DbOp(self._page, self._path, work).background(title, handle_errors=False)
                          .success(lambda result: self._landed(key, done, result))
                          .failure(lambda error: self._landed(key, failed, error)).run())
        job.finished.connect(lambda: self._finished(key, job))

    def _landed(self, key: object, then: Callable[[Any], Any], value: Any) -> None:
        self._forget(key)
        then(value)

    def _finished(self, key: object, job: jobs.Job) -> None:
        self._forget(key)  # also after a bug, which went to the crash handler instead
        if self.job is job:
            self.job = None
        self._next()

    def _forget(self, key: object) -> None:
        self._keys = [queued for queued in self._keys if queued is not key]

    def stop(self) -> None:
        """The page is going: writes not yet started are dropped, a running one finishes."""
        self._queue.clear()
        self._keys = []


__all__ = ["Recorder"]
