"""Long work off the GUI thread: one worker thread per job, a progress dialog with Cancel.

The job's function runs in the worker thread and is handed plain callables,
`progress(done, total)` and `should_cancel()`, exactly what the services take. It must not touch
a widget; its result or its exception comes back to the GUI thread by signal. Pages run database
work through `desktop.ui.ops.DbOp`, built on this; `run_job` itself is for work on a file.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import Cancelled, DeskError
from desktop.ui.common import dialog_button, show_error
from desktop.ui.forms import named

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]
JobFunction = Callable[[Progress, ShouldCancel], Any]

# Jobs still running, so the window can stop them before it closes; and jobs just finished, held
# until the slot that finished them has returned.
_running: set[Job] = set()
_finished: set[Job] = set()


# Files the window found damaged: a job's own connection to one refuses writes as the window's does.
_refusing: dict[Path, str] = {}


def refuse_writes(db_path: Path, code: str) -> None:
    """From now on, connections jobs open to `db_path` refuse every write with error `code`."""
    _refusing[Path(db_path).absolute()] = code


def allow_writes(db_path: Path) -> None:
    _refusing.pop(Path(db_path).absolute(), None)


def with_connection(db_path: Path, work: Callable[[Any, Progress, ShouldCancel], Any]) -> JobFunction:
    """A job function that opens its own connection to `db_path`, runs `work(conn, …)`, closes it."""

    def run(progress: Progress, should_cancel: ShouldCancel) -> Any:
        from desktop.db import connect

        conn = connect(db_path)
        refusal = _refusing.get(Path(db_path).absolute())
        if refusal is not None:
            conn.read_only = True
            conn.read_only_code = refusal
        try:
            return work(conn, progress, should_cancel)
        finally:
            conn.close()

    return run


class _Worker(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    raised = Signal(object)

    # Progress is sent at most this often, so a 10 000-row import does not flood the event queue.
    MIN_INTERVAL = 0.05

    def __init__(self, fn: JobFunction, cancel_flag: threading.Event, parent: QObject) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel_flag = cancel_flag
        self._last_sent = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last_sent >= self.MIN_INTERVAL:
            self._last_sent = now
            self.progressed.emit(int(done), int(total))

    def run(self) -> None:
        try:
            result = self._fn(self._progress, self._cancel_flag.is_set)
        except BaseException as exc:  # handed to the GUI thread, which decides what the user sees
            self.raised.emit(exc)
        else:
            self.succeeded.emit(result)


class JobDialog(QDialog):
    """What a person sees while a job runs: what it is, how far along, and Cancel."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("jobProgress")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        # Not modal: a modal dialog makes Qt drop the window's close request without a word. The
        # window is held still by `_Holding` instead, and still hears that it is asked to close.
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setMinimumWidth(440)
        self.label = QLabel(title, self)
        self.label.setObjectName("jobLabel")
        self.label.setWordWrap(True)
        self.bar = named(QProgressBar(self), "jobProgressBar", self.tr("Progress"))
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button = dialog_button(self, "jobCancel", self.tr("Cancel"), self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)

    def set_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def show_stopping(self) -> None:
        self.label.setText(self.tr("Stopping… nothing will be changed."))
        self.cancel_button.setEnabled(False)

    def reject(self) -> None:  # Esc or the window's close button asks the job to stop
        self.cancel_requested.emit()


class Job(QObject):
    """One piece of long work. Signals arrive in the GUI thread.

    done(result) on success; failed(exc) for any exception, Cancelled included; finished() after
    either. Unless `handle_errors=False`, a DeskError is also shown as its sentence, an unexpected
    exception goes to the crash handler, and a cancel is reported quietly in the status bar.
    With `show_dialog=False` the job runs in the background with no progress dialog at all: for
    work nobody waits for, such as the automatic backups. With `cancellable=False` (work that
    cannot stop half way, such as putting a backup in place) the dialog offers no Cancel.
    """

    done = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        fn: JobFunction,
        *,
        handle_errors: bool = True,
        show_after_ms: int = 300,
        show_dialog: bool = True,
        cancellable: bool = True,
    ) -> None:
        # No Qt parent: Python owns a Job. Running, it is kept in `_running`; finished, it goes
        # when the last Python reference does (a Qt deleteLater here crashed PySide at teardown).
        super().__init__()
        self.setObjectName("job")
        self.title = title
        self.shown_to_people = show_dialog
        self._parent_widget = parent
        self._handle_errors = handle_errors
        self._cancel_flag = threading.Event()
        self._cancellable = cancellable
        self.result: Any = None
        self.error: BaseException | None = None

        self.dialog = JobDialog(parent, title)
        self.dialog.cancel_requested.connect(self.cancel)
        self.dialog.cancel_button.setVisible(cancellable)
        # Quick jobs finish before the dialog would appear, so nothing flashes on screen.
        if show_dialog:
            QTimer.singleShot(show_after_ms, self, self._show_dialog)

        self._worker = _Worker(fn, self._cancel_flag, self)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.raised.connect(self._on_raised)
        _running.add(self)
        self._worker.start()

    @property
    def running(self) -> bool:
        return self in _running

    @Slot()
    def cancel(self) -> None:
        if self._cancel_flag.is_set() or not self.running or not self._cancellable:
            return
        self._cancel_flag.set()
        self.dialog.show_stopping()

    def wait(self, msecs: int = 10_000) -> bool:
        return self._worker.wait(msecs)

    @Slot()
    def _show_dialog(self) -> None:
        if self.running:
            self.dialog.show()
            _holding.hold(self.dialog)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if not self._cancel_flag.is_set():
            self.dialog.set_progress(done, total)

    @property
    def orphaned(self) -> bool:
        """The widget that started the job is gone (its window closed, or a restore rebuilt the
        pages): nobody is left to take the result, so `done` and `failed` are not sent."""
        return not shiboken6.isValid(self._parent_widget)

    @Slot(object)
    def _on_succeeded(self, result: Any) -> None:
        self.result = result
        self._finish()
        if not self.orphaned:
            self.done.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_raised(self, exc: BaseException) -> None:
        self.error = exc
        self._finish()
        if self.orphaned:
            if not isinstance(exc, DeskError):  # still logged: a bug is a bug
                sys.excepthook(type(exc), exc, exc.__traceback__)
            self.finished.emit()
            return
        if self._handle_errors:
            if isinstance(exc, Cancelled):
                _status_message(self._parent_widget, _describe(exc))
            elif isinstance(exc, DeskError):
                show_error(self._parent_widget, exc)
            else:
                sys.excepthook(type(exc), exc, exc.__traceback__)
        self.failed.emit(exc)
        self.finished.emit()

    def _finish(self) -> None:
        self._worker.wait()
        _running.discard(self)
        settle_memory()
        # The page that started the job may be gone already (a restore rebuilds the pages).
        _holding.release(self.dialog)
        if shiboken6.isValid(self.dialog):
            self.dialog.hide()
            self.dialog.deleteLater()
        # Let go of the job only after the slot that finished it has returned.
        _finished.add(self)
        QTimer.singleShot(0, lambda job=self: _finished.discard(job))


class _Holding(QObject):
    """While a job's dialog is up, the window under it takes no clicks, keys or shortcuts (the
    dialog and any question the window asks still do) and sends activation back to the dialog."""

    _INPUT = frozenset({
        QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Wheel, QEvent.Type.Shortcut,
        QEvent.Type.ShortcutOverride, QEvent.Type.ContextMenu,
    })

    def __init__(self) -> None:
        super().__init__()
        self._dialogs: dict[QWidget, QWidget] = {}  # job dialog -> the window it holds

    def hold(self, dialog: QWidget) -> None:
        from PySide6.QtWidgets import QApplication

        owner = dialog.parentWidget().window() if dialog.parentWidget() else None
        if owner is None:
            return
        if not self._dialogs:
            QApplication.instance().installEventFilter(self)
        self._dialogs[dialog] = owner

    def release(self, dialog: QWidget) -> None:
        from PySide6.QtWidgets import QApplication

        if self._dialogs.pop(dialog, None) is not None and not self._dialogs:
            QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind not in self._INPUT and kind != QEvent.Type.WindowActivate:
            return False
        widget = watched
        while widget is not None and not isinstance(widget, QWidget):
            widget = widget.parent()
        if widget is None or not shiboken6.isValid(widget):
            return False
        window = widget.window()
        for dialog, owner in self._dialogs.items():
            if window is owner and shiboken6.isValid(dialog):
                if kind == QEvent.Type.WindowActivate:
                    QTimer.singleShot(0, dialog.activateWindow)
                    return False
                return True
        return False


_holding = _Holding()


def settle_memory() -> None:
    """What the window holds now (a buy's thousands of orders, the waiting list, a preview) is
    put out of the garbage collector's sight: a full collection walks every object the program
    holds, and with a compound's worth in memory that walk stopped every thread, the window's
    included, for up to a second. Memory is still given back as before (by reference counts);
    only reference cycles already held at this moment are never looked for again."""
    gc.freeze()


# Full garbage collections: made by a timer when no job runs, never in the middle of one.
FULL_COLLECTION_EVERY_MS = 60_000
_NEVER = 1 << 30
_collector: QTimer | None = None


def collect_when_idle() -> None:
    """A full collection stops every thread, the window's included, for as long as it walks what
    the program holds outside the frozen part; started on its own in the middle of a big job it
    walked everything the job had made so far (50–200 ms at a 5,000-household compound). Young
    objects are still collected as they come; the full collections are made once a minute
    instead, when no job is running, over the little made since the last job."""
    global _collector
    if _collector is not None:
        return
    young, middle, _full = gc.get_threshold()
    gc.set_threshold(young, middle, _NEVER)
    _collector = QTimer(QCoreApplication.instance())
    _collector.setInterval(FULL_COLLECTION_EVERY_MS)
    _collector.timeout.connect(collect_if_idle)
    _collector.start()


def collect_if_idle() -> bool:
    """One full collection, unless a job is running; whether it was made."""
    if _running:
        return False
    gc.collect()
    return True


def run_job(parent: QWidget, title: str, fn: JobFunction, **options: Any) -> Job:
    """Start `fn(progress, should_cancel)` in a worker thread; connect to the Job's signals."""
    collect_when_idle()
    return Job(parent, title, fn, **options)


def running_titles() -> list[str]:
    """What the jobs people started and may be waiting for are doing, for a window about to close."""
    return [job.title for job in _running if job.shown_to_people]


def stop_all(wait_ms: int = 10_000) -> None:
    """Ask every running job to stop and wait for it: the window is closing."""
    for job in list(_running):
        job.cancel()
    for job in list(_running):
        job.wait(wait_ms)


def running_count() -> int:
    return len(_running)


def wait_until_idle(timeout_ms: int = 30_000, quiet_ms: int = 250) -> bool:
    """Run the event loop until no job has run for `quiet_ms` (a finished job may start the next
    one from its slot, a page may start one from a timer); False if `timeout_ms` passed first."""
    loop = QEventLoop()
    clock = QElapsedTimer()
    clock.start()
    quiet = QElapsedTimer()
    quiet.start()
    outcome = {"idle": False}

    def check() -> None:
        if _running:
            quiet.restart()
        elif quiet.elapsed() >= quiet_ms:
            outcome["idle"] = True
            loop.quit()
            return
        if clock.elapsed() >= timeout_ms:
            loop.quit()

    ticker = QTimer()
    ticker.setInterval(25)
    ticker.timeout.connect(check)
    ticker.start()
    loop.exec()
    ticker.stop()
    return outcome["idle"]


def _describe(error: DeskError) -> str:
    from desktop.words import describe

    return describe(error)


def _status_message(widget: QWidget, text: str) -> None:
    window = widget.window()
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(text, 8000)
