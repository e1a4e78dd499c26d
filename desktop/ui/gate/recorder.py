"""The gate's writes, off the GUI thread: each handoff, refused-scan note, decision and undo is a
`DbOp` taking the window's write turn, landing in the order the guard made them. The answer a
guard reads comes first, from a read; while a roster import holds the file, the writes wait their
turn behind it and the window goes on answering scans. Each write is started at once and cannot be
cancelled, so a window closing or restoring a backup waits for it: no scan answered is lost."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.ops import DbOp


class Recorder:
    """Writes for one page, landing in order; `idle` when none is waiting or running."""

    def __init__(self, page: QWidget, conn) -> None:
        self._page, self._path = page, conn.path
        self._last = threading.Event()  # set when the write before the next one has ended
        self._last.set()
        self._keys: list[object] = []  # what is waiting or running, by the key it was added with
        self._waiting: list[tuple] = []  # added with `soon`, not started yet

    def add(self, key: object, work: Callable[[Any], Any], done: Callable[[Any], Any],
            failed: Callable[[BaseException], Any], *, soon: bool = False) -> None:
        """Run `work(conn)` after every write added before it; `done(result)` or `failed(error)`
        on the GUI thread: a refusal, or None after a bug (which the crash handler shows).
        With `soon`, the write starts at the next `start()` (once the answer is painted, so
        starting its thread does not hold up the paint), in the order added."""
        self._keys.append(key)
        self._waiting.append((key, work, done, failed))
        if not soon:
            self.start()

    def start(self) -> None:
        """Start every write added with `soon` and not started yet, in the order added."""
        waiting, self._waiting = self._waiting, []
        for key, work, done, failed in waiting:
            self._start(key, work, done, failed)

    def _start(self, key: object, work: Callable[[Any], Any], done: Callable[[Any], Any],
               failed: Callable[[BaseException], Any]) -> None:
        title = QCoreApplication.translate("GatePage", "Recording at the gate")
        ended = threading.Event()
        job = (DbOp(self._page, self._path, work).progress(title, cancellable=False)
               .background(title, handle_errors=False).after(self._last, ended)
               .success(lambda result: self._landed(key, done, result))
               .failure(lambda error: self._landed(key, failed, error)).run())
        self._last = ended
        job.finished.connect(lambda: self._ended(key, failed))

    def __contains__(self, key: object) -> bool:
        return any(key is waiting for waiting in self._keys)

    @property
    def idle(self) -> bool:
        return not self._keys

    def _landed(self, key: object, then: Callable[[Any], Any], value: Any) -> None:
        self._forget(key)
        then(value)

    def _ended(self, key: object, failed: Callable[[BaseException | None], Any]) -> None:
        if key in self:  # neither done nor refused: a bug, shown by the crash handler
            self._forget(key)
            failed(None)

    def _forget(self, key: object) -> None:
        self._keys = [waiting for waiting in self._keys if waiting is not key]


__all__ = ["Recorder"]
