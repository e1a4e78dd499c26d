"""How the window runs database work: one small op per user action, off the GUI thread.

    DbOp(self, self._conn, lambda conn: add_household(conn, fields)).success(self._saved).run()

    DbOp(self, self._conn, lambda conn, progress, should_cancel: import_roster(conn, path, …))
        .progress(self.tr("Importing %1…"))       # a dialog with Cancel after 300 ms
        .success(self._imported)
        .run()                                    # the Job: its done/failed/finished signals

The work runs in a worker thread on a connection opened there (an SQLite connection belongs to
the thread that uses it; the page's own connection is only asked for its file) and closed after.
Ops that write take their file's write turn first: the window writes one op at a time, and an op
waiting for its turn can still be cancelled. The work must not touch a widget; its result goes to
`success` and a failure to `failure` in the GUI thread. Unless told otherwise a DeskError is shown
as its sentence, a cancel goes to the status bar, and anything else to the crash handler.

Reads on the GUI thread (a page filling its table) go through `database_errors`, so a page only
ever catches the program's own error, DeskError, never the database driver's.
"""

from __future__ import annotations

import inspect
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.db.connection import translate_error
from desktop.errors import Cancelled
from desktop.ui import jobs

__all__ = ["DbOp", "database_errors"]

# One write turn per database file, shared by every op the window starts.
_turns: dict[Path, threading.Lock] = {}
_turns_lock = threading.Lock()


def _turn(path: Path) -> threading.Lock:
    with _turns_lock:
        return _turns.setdefault(Path(path).absolute(), threading.Lock())


@contextmanager
def _write_turn(path: Path, should_cancel: Callable[[], bool]) -> Iterator[None]:
    lock = _turn(path)
    while not lock.acquire(timeout=0.05):
        if should_cancel():
            raise Cancelled()
    try:
        yield
    finally:
        lock.release()


def _takes_progress(work: Callable[..., Any]) -> bool:
    """Whether `work` is `work(conn, progress, should_cancel)` rather than `work(conn)`."""
    try:
        parameters = inspect.signature(work).parameters.values()
    except (TypeError, ValueError):
        return False
    if any(p.kind is p.VAR_POSITIONAL for p in parameters):
        return True
    return sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in parameters) >= 3


class DbOp:
    """One piece of database work the window starts; see the module's description.

    `work` is `work(conn)`, or `work(conn, progress, should_cancel)` when it reports how far it
    got and can stop (the services take exactly these two callables)."""

    def __init__(self, parent: QWidget, db: Any, work: Callable[..., Any]) -> None:
        self._parent = parent
        self._path = Path(getattr(db, "path", db))  # a Connection, or the file itself
        self._work = work
        self._title = ""
        self._options: dict[str, Any] = {}
        self._writes = True
        self._on_success: Callable[[Any], Any] | None = None
        self._on_failure: Callable[[BaseException], Any] | None = None

    def progress(self, title: str, *, cancellable: bool = True, show_after_ms: int = 300) -> DbOp:
        """Show `title` in a progress dialog, with Cancel unless the work cannot stop half way."""
        self._title = title
        self._options.update(cancellable=cancellable, show_after_ms=show_after_ms)
        return self

    def background(self, title: str, *, handle_errors: bool = True) -> DbOp:
        """No dialog: work nobody waits for (automatic backups). With `handle_errors=False` the
        failure goes to `failure` alone, shown nowhere else."""
        self._title = title
        self._options.update(show_dialog=False, handle_errors=handle_errors)
        return self

    def reads_only(self) -> DbOp:
        """The work writes nothing, so it need not wait for the write turn."""
        self._writes = False
        return self

    def success(self, fn: Callable[[Any], Any]) -> DbOp:
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[BaseException], Any]) -> DbOp:
        """Called with the exception (Cancelled included) after the usual report of it."""
        self._on_failure = fn
        return self

    def run(self) -> jobs.Job:
        path, work, writes = self._path, self._work, self._writes
        reports = _takes_progress(work)

        def in_worker(progress: jobs.Progress, should_cancel: jobs.ShouldCancel) -> Any:
            def with_conn(conn, progress, should_cancel):
                with database_errors(path):
                    return work(conn, progress, should_cancel) if reports else work(conn)

            if not writes:
                return jobs.with_connection(path, with_conn)(progress, should_cancel)
            with _write_turn(path, should_cancel):
                return jobs.with_connection(path, with_conn)(progress, should_cancel)

        job = jobs.run_job(self._parent, self._title, in_worker, **self._options)
        if self._on_success is not None:
            job.done.connect(self._on_success)
        if self._on_failure is not None:
            job.failed.connect(self._on_failure)
        return job


@contextmanager
def database_errors(db: Any) -> Iterator[None]:
    """Inside the block, a failure of the database file comes out as the program's own error
    (DatabaseUnusable, a DeskError) with the user's sentence, whether it was a read or a write."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translate_error(exc, Path(getattr(db, "path", db))) from exc
