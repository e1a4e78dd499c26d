"""The backups page: the copies kept of this compound's file, and putting one back.

Also here: a second backup folder (a USB stick), checking the file, and exporting every table as
CSV. The work runs off the GUI thread; the window's `Safekeeping` makes backups and restores.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Connection
from desktop.db.backup import backups_dir
from desktop.errors import DatabaseUnusable, DeskError
from desktop.safekeeping.backups import Backup, list_backups, mirror_folder, set_mirror_folder
from desktop.text import one_line
from desktop.ui.common import arg, local_time, plain, shortcut_text, show_error
from desktop.ui.forms import (
    FIELD_ERROR_STYLE,
    MUTED_STYLE,
    NOTICE_STYLES,
    centred_sentence,
    named,
    read_only_table,
    shortcut_button,
)
from desktop.ui.jobs import Job, run_job
from desktop.ui.ops import DbOp
from desktop.ui.safekeeping.safekeeping import DAMAGED, Safekeeping

COLUMNS = ("taken", "reason", "size", "file")
DETAIL_CHARS = 160


def file_size(size: int) -> str:
    """Sizes as people say them: 544 KB, 12.3 MB."""
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1000 / 1000:.1f} MB"


class BackupsPage(QWidget):
    """Reads the backups folder and the page's connection; the rest happens in jobs."""

    def __init__(self, conn: Connection, safekeeping: Safekeeping, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsPage")
        self._conn = conn
        self._safekeeping = safekeeping
        self.job: Job | None = None
        self.confirm: QMessageBox | None = None
        self._backups: list[Backup] = []
        self._last_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

        # ---- what can be done ----
        self.back_up_button = shortcut_button(self, "backupsNow", self.tr("Back up now"), "Ctrl+B",
                                           self.tr("Make a checked copy of the compound's file now"),
                                           self.back_up_now)
        self.restore_button = shortcut_button(self, "backupsRestore", self.tr("Restore selected…"), "", "",
                                           self.restore_selected)  # its tip follows the selection
        self.check_button = shortcut_button(self, "backupsCheck", self.tr("Check database"), "",
                                         self.tr("Check the compound's file for damage"), self.check_database)
        self.export_button = shortcut_button(self, "backupsExport", self.tr("Export all data…"), "",
                                          self.tr("Write every table as a CSV file, with a manifest, "
                                                  "into a folder: a copy that needs no Compound Desk"),
                                          self.choose_export_folder)
        top = QHBoxLayout()
        top.addWidget(self.back_up_button)
        top.addWidget(self.restore_button)
        top.addStretch(1)
        top.addWidget(self.check_button)
        top.addWidget(self.export_button)

        self.notice = named(QLabel(self), "backupsNotice", self.tr("Result"))
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()

        # ---- the second folder ----
        mirror_title = QLabel(self.tr("Second backup folder:"), self)
        self.mirror_label = named(QLabel(self), "backupsMirror", self.tr("Second backup folder"))
        self.mirror_label.setWordWrap(True)
        self.mirror_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mirror_button = shortcut_button(self, "backupsMirrorChoose", self.tr("Second backup folder…"), "",
                                          self.tr("Also copy every backup to a folder such as a USB stick"),
                                          self.choose_mirror_folder)
        self.mirror_clear = shortcut_button(self, "backupsMirrorClear", self.tr("Clear"), "",
                                         self.tr("Stop copying backups to the second folder"),
                                         lambda: self.set_mirror(None))
        self.mirror_clear.setAccessibleName(self.tr("Clear the second backup folder"))
        mirror_row = QHBoxLayout()
        mirror_row.addWidget(mirror_title)
        mirror_row.addWidget(self.mirror_label, 1)
        mirror_row.addWidget(self.mirror_button)
        mirror_row.addWidget(self.mirror_clear)

        # ---- the list ----
        self.table = read_only_table(self, "backupsTable", self.tr("Backups"),
                                     table=QTableWidget(0, len(COLUMNS), self), row_padding=12)
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Why"), self.tr("Size"), self.tr("File")])
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in enumerate((12, 14, 7)):
            self.table.setColumnWidth(column, width * em)
        size_header = self.table.horizontalHeaderItem(COLUMNS.index("size"))
        size_header.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.itemSelectionChanged.connect(self.update_buttons)

        self.empty = centred_sentence(self, "backupsEmpty", self.tr(
            "No backups yet. One is made each time the program starts; press Back up now to make one at once."))
        self.empty.setStyleSheet(MUTED_STYLE)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)

        # ---- how backups are kept ----
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.policy = QLabel(arg(self.tr(
            "A backup is a complete, checked copy of the compound's file. One is made when the program "
            "starts, every 30 minutes while something changes, and before every import. The last 10 "
            "are kept, plus one a day for a week, in %1, and also in the second backup folder when "
            "one is chosen.\n"
            "A backup holds everything, the secret that signs labels and cards included: whoever has "
            "one can print labels that scan as this compound's. Only your account on this computer "
            "can read them; keep a USB stick with backups like a key. Export all data leaves the "
            "secret out."
        ), str(backups_dir(conn.path))), self)
        self.policy.setObjectName("backupsPolicy")
        self.policy.setAccessibleName(self.tr("How backups are kept"))
        self.policy.setWordWrap(True)
        self.policy.setStyleSheet(MUTED_STYLE)
        self.policy.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addLayout(mirror_row)
        layout.addWidget(self.list_stack, 1)
        layout.addWidget(rule)
        layout.addWidget(self.policy)

        self.reload()

    # ---- reading ----

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()  # a backup made since, by the timer or an import, shows at once

    def reload(self) -> None:
        selected = self.selected_backup()
        self._backups = list_backups(self._conn.path)
        self.table.setRowCount(len(self._backups))
        for row, backup in enumerate(self._backups):
            try:
                size = file_size(backup.path.stat().st_size)
            except OSError:
                size = ""
            cells = (local_time(backup.taken_at), self.reason_label(backup.reason), size, backup.path.name)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path) if COLUMNS[column] == "file" else text)
                if COLUMNS[column] == "size":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            if selected is not None and backup.path == selected.path:
                self.table.selectRow(row)
        self.list_stack.setCurrentWidget(self.table if self._backups else self.empty)
        self._show_mirror()
        self.update_buttons()

    def reason_label(self, reason: str) -> str:
        if reason.startswith("before-upgrade"):
            return self.tr("before an upgrade")
        labels = {
            "start": self.tr("program start"),
            "auto": self.tr("every 30 minutes"),
            "manual": self.tr("by hand"),
            "before-import": self.tr("before an import"),
        }
        return labels.get(reason, reason or self.tr("unknown"))

    def _mirror(self) -> Path | None:
        try:
            return mirror_folder(self._conn)
        except DatabaseUnusable:  # a damaged settings page; the folder is simply not known
            return None

    def _show_mirror(self) -> None:
        mirror = self._mirror()
        if mirror is None:
            self.mirror_label.setText(self.tr("none. Choose a USB stick, so a copy survives if this laptop "
                                              "breaks or is lost."))
            self.mirror_label.setStyleSheet(MUTED_STYLE)
        elif mirror.is_dir():
            self.mirror_label.setText(str(mirror))
            self.mirror_label.setStyleSheet("")
        else:
            self.mirror_label.setText(arg(self.tr("%1 (not there now: is the USB stick plugged in?)"), str(mirror)))
            self.mirror_label.setStyleSheet(FIELD_ERROR_STYLE)

    def selected_backup(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._backups):
            return None
        return self._backups[rows[0].row()]

    def select(self, backup_path: Path) -> None:
        for row, backup in enumerate(self._backups):
            if backup.path == backup_path:
                self.table.selectRow(row)

    def update_buttons(self) -> None:
        """What the file's state allows: a damaged file is restored, never backed up or written."""
        conn = self._conn
        damaged = conn.read_only and conn.read_only_code == DAMAGED
        self.back_up_button.setEnabled(not damaged)
        self.back_up_button.setToolTip(
            self.tr("A damaged file is not backed up: a copy of it would be damaged too.") if damaged
            else arg(self.tr("Make a checked copy of the compound's file now (%1)"), shortcut_text("Ctrl+B"))
        )
        # A read-only file (not damaged) sits in a folder or on a stick this program may not write to.
        may_restore = damaged or not conn.read_only
        self.restore_button.setEnabled(may_restore and self.selected_backup() is not None)
        if not may_restore:
            self.restore_button.setToolTip(self.tr("This file is read-only, so no backup can be put in its place."))
        elif self.selected_backup() is None:
            self.restore_button.setToolTip(self.tr("Select a backup in the list first"))
        else:
            self.restore_button.setToolTip(self.tr("Put the selected backup in place of the current file, "
                                                   "which is kept aside"))
        self.mirror_button.setEnabled(not conn.read_only)
        self.mirror_clear.setEnabled(not conn.read_only and self._mirror() is not None)

    def refuse_changes(self, _sentence: str) -> None:
        self.update_buttons()

    def show_notice(self, kind: str, text: str) -> None:
        self.notice.setStyleSheet(NOTICE_STYLES[kind])
        self.notice.setProperty("kind", kind)
        self.notice.setText(text)
        self.notice.show()

    def _busy(self) -> bool:
        return self.job is not None and self.job.running

    # ---- backing up ----

    def back_up_now(self) -> Job | None:
        if self._busy() or not self.back_up_button.isEnabled():
            return None
        self.job = self._safekeeping.back_up("manual")  # a failure is shown in a box, in words
        self.job.done.connect(self._backed_up)
        return self.job

    def _backed_up(self, path: Path) -> None:
        self.reload()
        self.select(path)
        when = local_time(datetime.now().astimezone())
        mirror = self._mirror()
        if mirror is None:
            self.show_notice("good", arg(self.tr("Backed up at %1."), when))
        elif (mirror / path.name).is_file():
            self.show_notice("good", arg(self.tr("Backed up at %1, here and in %2."), when, str(mirror)))
        else:
            self.show_notice("warning", arg(self.tr(
                "Backed up at %1 here, but the copy could not be written to %2: check that the USB stick "
                "is plugged in and has room, then press Back up now again."
            ), when, str(mirror)))

    # ---- restoring ----

    def restore_selected(self) -> QMessageBox | None:
        backup = self.selected_backup()
        if backup is None or not self.restore_button.isEnabled():
            return None
        box = QMessageBox(self)
        box.setObjectName("restoreConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Restore a backup"))
        box.setAccessibleName(box.windowTitle())
        box.setText(arg(self.tr(
            "Put the backup taken %1 in place of the current file?\n\n"
            "The current file is kept aside in the same folder, so nothing is thrown away; but what "
            "was changed after %1 will no longer show. Close any other Compound Desk window on this "
            "file first."
        ), local_time(backup.taken_at).replace(" ", "\u00a0")))
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restoreConfirmAccept")
        restore.setAccessibleName(plain(restore.text()))
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("restoreConfirmCancel")
        box.setDefaultButton(cancel)  # Enter alone must not swap the file
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: button is restore and self._safekeeping.restore(backup))
        box.finished.connect(lambda _result: setattr(self, "confirm", None))
        self.confirm = box
        box.open()
        return box

    # ---- the second folder ----

    def choose_mirror_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a second backup folder, such as a USB stick"), self._last_folder
        )
        if folder:
            self._last_folder = folder
            self.set_mirror(Path(folder))

    def set_mirror(self, folder: Path | None) -> Job | None:
        """Store the second folder (None: no second folder); a new one gets a backup at once."""
        try:
            set_mirror_folder(self._conn, folder)
        except DeskError as error:
            show_error(self, error)
            return None
        self._show_mirror()
        self.update_buttons()
        if folder is None:
            self.show_notice("good", self.tr("Backups now go only to this laptop."))
            return None
        return self.back_up_now()

    # ---- checking ----

    def check_database(self) -> Job | None:
        if self._busy():
            return None
        path = self._conn.path

        def check(_progress, _cancel):
            from desktop.safekeeping.maintenance import check_database

            return check_database(path)

        self.job = run_job(self, self.tr("Checking the database…"), check, cancellable=False)
        self.job.done.connect(self._checked)
        return self.job

    def _checked(self, report: dict) -> None:
        if report["ok"]:
            self.show_notice("good", arg(
                self.tr("The database is sound: it passed the integrity check. %1 households, %2 group buys, "
                        "%3 bags, %4 handoffs (data version %5)."),
                report["households"], report["buys"], report["bags"], report["handoffs"],
                report["schema_version"],
            ))
            return
        detail = one_line(report["integrity"])
        if len(detail) > DETAIL_CHARS:
            detail = detail[:DETAIL_CHARS] + "…"
        self.show_notice("bad", arg(self.tr(
            "The database is damaged (%1), so nothing will be written to it. Restore a good backup: "
            "select it in the list and press Restore selected."
        ), detail))
        self._safekeeping.file_damaged(str(report["integrity"]))

    # ---- exporting ----

    def choose_export_folder(self) -> None:
        if self._busy():
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose where to put the exported data"), self._last_folder
        )
        if folder:
            self._last_folder = folder
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            self.export_to(Path(folder) / f"{self._conn.path.stem}-export-{stamp}")

    def export_to(self, folder: Path) -> Job:
        def export(conn, _progress, _cancel):
            from desktop.safekeeping.export_all import export_all

            return export_all(conn, folder)  # a damaged table cannot be read out: said in words

        self.job = (DbOp(self, self._conn, export).reads_only()
                    .progress(self.tr("Exporting all data…"), cancellable=False)
                    .success(lambda manifest: self._exported(folder, manifest)).run())
        return self.job

    def _exported(self, folder: Path, manifest: dict) -> None:
        tables = manifest["tables"]
        self.show_notice("good", arg(
            self.tr("Exported %1 tables (%2 rows) to %3: a CSV file for each table and manifest.json, "
                    "enough to rebuild the data without this program."),
            len(tables), sum(table["rows"] for table in tables), str(folder),
        ))
