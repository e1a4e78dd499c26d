"""What an import would do, shown before anything is written: counts, and each skipped line with why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.ui.common import arg, dialog_button


class ImportPreviewDialog(QDialog):
    """Accepted means: import for real."""

    def __init__(self, path: Path, report, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(arg(self.tr("Import %1"), path.name))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(620, 420)

        heading = QLabel(arg(self.tr("Nothing has been written yet. Importing %1 will:"), path.name), self)
        heading.setObjectName("importHeading")
        heading.setWordWrap(True)

        counts = QHBoxLayout()
        self.added = self._count("importAdded", self.tr("add"), report.added, "#1b6e2a")
        self.updated = self._count("importUpdated", self.tr("update"), report.updated, "#8a5a00")
        self.unchanged = self._count("importUnchanged", self.tr("leave unchanged"), report.unchanged, "#5f6368")
        self.skipped_count = self._count("importSkippedCount", self.tr("skip"), len(report.skipped), "#b3261e")
        for label in (self.added, self.updated, self.unchanged, self.skipped_count):
            counts.addWidget(label)
        counts.addStretch(1)

        self.skipped = QTableWidget(len(report.skipped), 2, self)
        self.skipped.setObjectName("importSkipped")
        self.skipped.setAccessibleName(self.tr("Skipped lines"))
        self.skipped.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Why it is skipped")])
        self.skipped.verticalHeader().hide()
        self.skipped.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.skipped.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.skipped.setWordWrap(True)
        header = self.skipped.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Rows grow with their wrapped reason as the dialog is resized.
        self.skipped.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row, skipped in enumerate(report.skipped):
            line = QTableWidgetItem(str(skipped.line))
            line.setData(Qt.ItemDataRole.UserRole, skipped.line)
            self.skipped.setItem(row, 0, line)
            reason = QTableWidgetItem(skipped.reason)
            reason.setToolTip(skipped.reason)
            self.skipped.setItem(row, 1, reason)
        skipped_title = QLabel(self.tr("Skipped lines (fix them in the file and import again):"), self)
        if not report.skipped:
            skipped_title.hide()
            self.skipped.hide()

        buttons = QDialogButtonBox(self)
        changes = report.added + report.updated
        self.import_button = QPushButton(
            arg(self.tr("&Import %1 households"), changes) if changes else self.tr("&Nothing to import"), self
        )
        self.import_button.setObjectName("importConfirm")
        self.import_button.setAccessibleName(self.tr("Import"))
        self.import_button.setEnabled(changes > 0)
        self.import_button.setDefault(changes > 0)
        cancel = dialog_button(self, "importCancel", self.tr("Cancel"), self.tr("Cancel"))
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(counts)
        layout.addWidget(skipped_title)
        layout.addWidget(self.skipped, 1)
        if not report.skipped:
            layout.addStretch(1)
        layout.addWidget(buttons)

    def _count(self, name: str, what: str, number: int, colour: str) -> QLabel:
        label = QLabel(f"<span style='font-size:18pt; color:{colour}'><b>{number}</b></span><br>{what}", self)
        label.setObjectName(name)
        label.setAccessibleName(f"{what}: {number}")
        label.setMinimumWidth(110)
        return label

    def skipped_lines(self) -> list[int]:
        return [int(self.skipped.item(row, 0).text()) for row in range(self.skipped.rowCount())]
