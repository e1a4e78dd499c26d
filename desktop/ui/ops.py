"""How the window runs database work: one small op per user action, off the GUI thread.

    DbOp(self, self._conn, lambda conn: add_household(conn, fields))
        .progress(self.tr("Saving…"), cancellable=False)
        .success(self._saved).failure(self.show_error).disabling(self.save_button).run()

    DbOp(self, self._conn, lambda conn, progress, should_cancel: import_roster(conn, path, …))
        .progress(self.tr("Importing %1…"))       # a dialog with Cancel after 300 ms
        .success(self._imported)
        .run()                                    # the Job: its done/failed/finished signals

The work runs in a worker thread on a connection opened there (an SQLite connection belongs to
the thread that uses it; the page's own connection is only asked for its file) and closed after.
Ops that write take their file's write turn first: the window writes one op at a time, and an op
waiting for its turn can still be cancelled; the GUI thread never waits for a write. The work must
not touch a widget; its result goes to `success` in the GUI thread. A refusal (a DeskError) goes
to `failure` when one is given, else it is shown as its sentence in a box (a cancel: in the status
bar); anything else goes to the crash handler. Work on a file rather than through a connection
(checking or restoring it, reading a workbook) runs with `jobs.run_job` directly.

Reads on the GUI thread (a page filling its table) run on the page's connection; the store turns
any failure of the file into the program's own error, so a page only ever catches DeskError.
"""

from __future__ import annotations

import inspect
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtWidgets import QWidget

from desktop.errors import Cancelled, DeskError
from desktop.ui import jobs

__all__ = ["DbOp"]

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
        # Who is signed in when the action is made: the audit log names them for its changes.
        self._operator = str(getattr(db, "operator", "") or "")
        self._work = work
        self._title = ""
        self._options: dict[str, Any] = {}
        self._writes = True
        self._on_success: Callable[[Any], Any] | None = None
        self._on_failure: Callable[[DeskError], Any] | None = None
        self._disabled: tuple[QWidget, ...] = ()
        self._line: tuple[threading.Event, threading.Event] | None = None

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

    def after(self, previous: threading.Event, ended: threading.Event) -> DbOp:
        """Writes that must land in the order they were made (a gate's scans): wait for
        `previous` to be set before waiting for the write turn, and set `ended` once this op
        has ended, however it ended."""
        self._line = (previous, ended)
        return self

    def success(self, fn: Callable[[Any], Any]) -> DbOp:
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[DeskError], Any]) -> DbOp:
        """A refusal (any DeskError, Cancelled included) goes to `fn` instead of a message box:
        for a dialog that says it beside the field. Anything else still goes to the crash handler."""
        self._on_failure = fn
        self._options["handle_errors"] = False
        return self

    def disabling(self, *widgets: QWidget) -> DbOp:
        """Switch `widgets` off while the op runs (a Save pressed twice saves once)."""
        self._disabled = widgets
        return self

    def run(self) -> jobs.Job:
        path, work, writes, line = self._path, self._work, self._writes, self._line
        reports, operator = _takes_progress(work), self._operator

        def in_turn(progress: jobs.Progress, should_cancel: jobs.ShouldCancel) -> Any:
            def with_conn(conn, progress, should_cancel):
                conn.operator = operator
                return work(conn, progress, should_cancel) if reports else work(conn)

            if not writes:
                return jobs.with_connection(path, with_conn)(progress, should_cancel)
            with _write_turn(path, should_cancel):
                return jobs.with_connection(path, with_conn)(progress, should_cancel)

        def in_worker(progress: jobs.Progress, should_cancel: jobs.ShouldCancel) -> Any:
            if line is None:
                return in_turn(progress, should_cancel)
            previous, ended = line
            try:
                while not previous.wait(0.05):
                    if should_cancel():
                        raise Cancelled()
                return in_turn(progress, should_cancel)
            finally:
                ended.set()

        for widget in self._disabled:
            widget.setEnabled(False)
        job = jobs.run_job(self._parent, self._title, in_worker, **self._options)
        if self._disabled:
            job.finished.connect(lambda widgets=self._disabled: _enable(widgets))
        if self._on_success is not None:
            job.done.connect(self._on_success)
        if self._on_failure is not None:
            job.failed.connect(lambda error, fn=self._on_failure: _refused(error, fn))
        return job


def _enable(widgets: tuple[QWidget, ...]) -> None:
    for widget in widgets:
        if shiboken6.isValid(widget):
            widget.setEnabled(True)


def _refused(error: BaseException, fn: Callable[[DeskError], Any]) -> None:
    if isinstance(error, DeskError):
        fn(error)
    else:  # a bug is a bug
        sys.excepthook(type(error), error, error.__traceback__)


