"""Keeping the compound's file safe while the window is open: the start check, backups, restores.

At start the file is checked off the GUI thread. A damaged file is never written to, and the newest
good backup is offered in its place; a sound one is backed up at once, then every 30 minutes while
something changed. Restoring closes the window's connection, puts the backup in place (the current
file is kept aside) and hands the window a connection to the restored file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from desktop.errors import DeskError
from desktop.safekeeping.backups import (
    Backup,
    ChangeWatch,
    Restored,
    backup_if_changed,
    file_problem,
    make_backup,
    newest_good_backup,
    restore_backup,
)
from desktop.ui import jobs
from desktop.ui.common import arg, local_time, plain, show_error
from desktop.ui.forms import named
from desktop.ui.ops import DbOp
from desktop.words import describe

AUTO_BACKUP_MS = 30 * 60 * 1000
DAMAGED = "db_damaged"
# What `file_problem` answers when it could not look, which says nothing about damage.
_COULD_NOT_LOOK = ("db_cannot_open", "db_locked", "locked", "unable to open", "disk_full")


def _when(moment) -> str:
    """A backup's time in a sentence, never broken between the date and the hour."""
    return local_time(moment).replace(" ", "\u00a0")


def is_damage(problem: str | None) -> bool:
    return problem is not None and not any(word in problem for word in _COULD_NOT_LOOK)


class Safekeeping(QObject):
    """Owned by the main window, which it asks for `conn` and tells when the file changes state.

    The window provides: `conn`, `replace_connection(conn)`, `set_restoring(bool)`,
    `show_damaged()` and `statusBar()`.
    """

    backupMade = Signal(object)  # the new backup's Path
    backupFailed = Signal(object)  # the DeskError that says why

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("safekeeping")
        self._window = window
        self.watch: ChangeWatch | None = None
        self.problem: str | None = None  # what the check found wrong, while the file is damaged
        self.check_job: jobs.Job | None = None
        self.backup_job: jobs.Job | None = None
        self.restore_job: jobs.Job | None = None
        self.box: QMessageBox | None = None  # the last question or answer shown to the user
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_BACKUP_MS)
        self.timer.timeout.connect(self.auto_backup)

    @property
    def damaged(self) -> bool:
        return self.problem is not None

    def stop(self) -> None:
        self.timer.stop()

    # ---- checking ----

    def start(self) -> jobs.Job:
        """After the window is shown: check the file; if it is sound, back it up and keep doing so."""
        return self.check_file(then_back_up=True)

    def check_file(self, *, then_back_up: bool = False) -> jobs.Job | None:
        if self.damaged or (self.check_job is not None and self.check_job.running):
            return None
        path = self._window.conn.path
        self._window.statusBar().showMessage(self.tr("Checking the database…"))
        job = jobs.run_job(self._window, self.tr("Checking the database…"),
                           lambda _progress, _cancel: file_problem(path), show_dialog=False)
        job.done.connect(lambda problem: self._checked(problem, then_back_up))
        self.check_job = job
        return job

    def _checked(self, problem: str | None, then_back_up: bool) -> None:
        self._window.statusBar().clearMessage()
        if is_damage(problem):
            self.file_damaged(problem)
        elif then_back_up:
            self._start_backups(first=True)

    def file_damaged(self, problem: str) -> None:
        """Never write to this file again; say so, and offer the newest good backup in its place."""
        if self.damaged:
            return
        self.problem = problem
        self.timer.stop()
        conn = self._window.conn
        conn.read_only = True
        conn.read_only_code = DAMAGED
        jobs.refuse_writes(conn.path, DAMAGED)
        self._window.show_damaged()
        path = conn.path
        job = jobs.run_job(self._window, self.tr("Looking for a good backup…"),
                           lambda _progress, _cancel: newest_good_backup(path), cancellable=False)
        job.done.connect(self._offer_restore)

    def _offer_restore(self, backup: Backup | None) -> QMessageBox:
        box = self._box("restoreOffer", QMessageBox.Icon.Critical, self.tr("The database is damaged"))
        if backup is None:
            box.setText(self.tr(
                "The compound's file is damaged, and there is no good backup of it to restore. "
                "Nothing will be written to the file: you can still look things up, but not change "
                "anything. Copy the file somewhere safe and ask for help."
            ))
            ok = box.addButton(QMessageBox.StandardButton.Ok)
            ok.setObjectName("restoreOfferOk")
        else:
            box.setText(arg(self.tr(
                "The compound's file is damaged, so nothing will be written to it.\n\n"
                "Restore the newest good backup, taken %1? The damaged file is kept aside in the "
                "same folder. Changes made after %1 are not in the backup."
            ), _when(backup.taken_at)))
            restore = box.addButton(self.tr("&Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
            restore.setObjectName("restoreOfferAccept")
            restore.setAccessibleName(plain(restore.text()))
            later = box.addButton(self.tr("&Not now"), QMessageBox.ButtonRole.RejectRole)
            later.setObjectName("restoreOfferLater")
            later.setAccessibleName(plain(later.text()))
            box.setDefaultButton(restore)
            box.buttonClicked.connect(lambda button: button is restore and self.restore(backup))
        box.open()
        return box

    # ---- backups ----

    def _start_backups(self, *, first: bool) -> None:
        """The start-up backup, then one every 30 minutes while something changed."""
        conn = self._window.conn
        if conn.read_only:  # nothing can change, and its folder may not take a backup
            return
        self.watch = ChangeWatch(conn.path)
        self.timer.start()
        if first:
            self.back_up("start", quiet=True)

    def back_up(self, reason: str = "manual", *, quiet: bool = False) -> jobs.Job:
        """A backup off the GUI thread. Quiet: no progress dialog, failures go to the status line."""
        path = self._window.conn.path
        op = DbOp(self._window, path, lambda conn: make_backup(conn, reason))
        if quiet:
            op.background(self.tr("Backing up…"), handle_errors=False)
        else:
            op.progress(self.tr("Backing up…"), cancellable=False)
        job = op.run()
        self._follow_backup(job, quiet)
        return job

    def auto_backup(self) -> jobs.Job | None:
        """The half-hourly backup, made only when something was written since the last one."""
        if self.watch is None or self.damaged or (self.backup_job is not None and self.backup_job.running):
            return None
        watch = self.watch
        path = self._window.conn.path
        job = (DbOp(self._window, path, lambda conn: backup_if_changed(conn, watch))
               .background(self.tr("Backing up…"), handle_errors=False).run())
        self._follow_backup(job, quiet=True)
        return job

    def _follow_backup(self, job: jobs.Job, quiet: bool) -> None:
        self.backup_job = job
        job.done.connect(lambda made: made is not None and self.backupMade.emit(made))
        if quiet:
            job.failed.connect(self._backup_failed)
        else:
            job.failed.connect(lambda error: isinstance(error, DeskError) and self.backupFailed.emit(error))

    def _backup_failed(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            self._window.statusBar().showMessage(describe(error), 15_000)
            self.backupFailed.emit(error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    # ---- restoring ----

    def restore(self, backup: Backup) -> jobs.Job | None:
        """Put `backup` in place of the open file, keeping that file aside; then carry on with it."""
        if self.restore_job is not None and self.restore_job.running:
            return None
        window = self._window
        jobs.stop_all()  # no job may hold the file while it is swapped
        self.timer.stop()
        window.set_restoring(True)
        path = window.conn.path
        operator = window.conn.operator
        window.conn.close()

        def put_back(_progress, _cancel):
            from desktop.db import connect

            restored = restore_backup(path, backup.path, operator=operator)
            try:
                return restored, connect(path), None
            except DeskError as error:
                return restored, None, error

        job = jobs.run_job(window, self.tr("Restoring the backup…"), put_back,
                           handle_errors=False, show_after_ms=0, cancellable=False)
        job.done.connect(lambda result: self._restored(path, backup, *result))
        job.failed.connect(lambda error: self._reopen(path, error))
        self.restore_job = job
        return job

    def _restored(self, path: Path, backup: Backup, restored: Restored, conn, error: DeskError | None) -> None:
        if conn is None:
            self._reopen(path, error)
            return
        self.problem = None
        jobs.allow_writes(path)
        self._window.replace_connection(conn)
        self._start_backups(first=False)  # the backup itself is the copy of what is now open
        self.report_restored(restored, backup)

    def report_restored(self, restored: Restored, backup: Backup) -> QMessageBox:
        box = self._box("restoreDone", QMessageBox.Icon.Information, self.tr("Backup restored"))
        if restored.kept_aside is not None:
            box.setText(arg(self.tr("Restored the backup taken %1. The file that was in use is kept as %2."),
                            _when(backup.taken_at), str(restored.kept_aside)))
        else:
            box.setText(arg(self.tr("Restored the backup taken %1."), _when(backup.taken_at)))
        box.addButton(QMessageBox.StandardButton.Ok).setObjectName("restoreDoneOk")
        box.open()
        return box

    def _reopen(self, path: Path, error: BaseException | None) -> None:
        """The restore failed: carry on with the file as it is, and say why."""
        from desktop.db import connect

        window = self._window
        try:
            conn = connect(path)
        except DeskError as again:
            box = self._box("reopenFailed", QMessageBox.Icon.Critical, self.tr("Compound Desk"))
            box.setText(describe(again))
            box.addButton(QMessageBox.StandardButton.Ok)
            box.finished.connect(lambda _result: window.close())
            box.open()
            return
        if self.damaged:  # still the damaged file: still never written to
            conn.read_only = True
            conn.read_only_code = DAMAGED
        window.replace_connection(conn)
        if not self.damaged:
            self._start_backups(first=False)
        if isinstance(error, DeskError):
            show_error(window, error)
        elif error is not None:
            sys.excepthook(type(error), error, error.__traceback__)

    def _box(self, name: str, icon: QMessageBox.Icon, title: str) -> QMessageBox:
        box = QMessageBox(self._window)
        box.setObjectName(name)
        box.setIcon(icon)
        box.setWindowTitle(title)
        box.setAccessibleName(title)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: setattr(self, "box", None) if self.box is box else None)
        self.box = box
        return box


def restore_before_opening(path: Path, error: DeskError) -> tuple[Restored, Backup] | None:
    """The file is too damaged even to open: offer its newest good backup before any window exists.

    Returns what was restored, or None when there is no good backup or the user said no.
    A failing restore raises its DeskError, with the file left as it was.
    """
    if error.code not in (DAMAGED, "db_not_database"):
        return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        backup = newest_good_backup(path)
    finally:
        QGuiApplication.restoreOverrideCursor()
    if backup is None:
        return None
    title = QCoreApplication.translate("Safekeeping", "The database is damaged")
    box = named(QMessageBox(QMessageBox.Icon.Critical, title, ""), "restoreOffer", title)
    box.setText(arg(QCoreApplication.translate(
        "Safekeeping",
        "%1 is damaged and cannot be opened.\n\nRestore the newest good backup, taken %2? The damaged "
        "file is kept aside in the same folder. Changes made after %2 are not in the backup.",
    ), str(path), _when(backup.taken_at)))
    restore = box.addButton(QCoreApplication.translate("Safekeeping", "&Restore the backup"),
                            QMessageBox.ButtonRole.AcceptRole)
    restore.setObjectName("restoreOfferAccept")
    box.addButton(QMessageBox.StandardButton.Cancel).setObjectName("restoreOfferLater")
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        restored = restore_backup(path, backup.path)
    finally:
        QGuiApplication.restoreOverrideCursor()
    return restored, backup
