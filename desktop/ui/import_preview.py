"""What a roster import would do, shown before anything is written: counts; each field it changes,
old → new, flags added and removed; the conflicts with edits made in the program, each one the
volunteer may settle the file's way; the households the file leaves out; each skipped line."""

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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common import arg, dialog_button
from desktop.ui.roster_model import flag_label


def _field_label(field: str) -> str:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {
        "name": translate("ImportPreviewDialog", "Name"),
        "phone": translate("ImportPreviewDialog", "Phone"),
        "people": translate("ImportPreviewDialog", "People"),
        "flags": translate("ImportPreviewDialog", "Flags"),
        "delivery": translate("ImportPreviewDialog", "Delivery"),
        "notes": translate("ImportPreviewDialog", "Notes"),
    }.get(field, field)


def _value_text(field: str, value: object) -> str:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    if field == "flags":
        flags = [flag for flag in str(value or "").split(";") if flag]
        return "、".join(flag_label(flag) for flag in flags) or translate("ImportPreviewDialog", "none")
    if field == "delivery":
        return {"pickup": translate("ImportPreviewDialog", "pickup"),
                "door": translate("ImportPreviewDialog", "to the door")}.get(str(value), str(value))
    if value in ("", None):
        return translate("ImportPreviewDialog", "(empty)")
    return str(value)


def _flags_change(old: object, new: object) -> str:
    """`+ disability − infant`: what a change of flags adds and takes away."""
    before = {flag for flag in str(old or "").split(";") if flag}
    after = {flag for flag in str(new or "").split(";") if flag}
    parts = [f"+ {flag_label(flag)}" for flag in sorted(after - before)]
    parts += [f"− {flag_label(flag)}" for flag in sorted(before - after)]
    return "  ".join(parts)


def _table(parent: QWidget, name: str, accessible: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def _cell(text: str, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class ImportPreviewDialog(QDialog):
    """Accepted means: import for real, with `choices()` for the conflicts."""

    def __init__(self, path: Path, report, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(arg(self.tr("Import %1"), path.name))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(720, 460)
        self.report = report

        heading = QLabel(arg(self.tr("Nothing has been written yet. Importing %1 will:"), path.name), self)
        heading.setObjectName("importHeading")
        heading.setWordWrap(True)

        counts = QHBoxLayout()
        self.added = self._count("importAdded", self.tr("add"), report.added, "#1b6e2a")
        self.updated = self._count("importUpdated", self.tr("update"), report.updated, "#8a5a00")
        self.unchanged = self._count("importUnchanged", self.tr("leave unchanged"), report.unchanged, "#5f6368")
        self.skipped_count = self._count("importSkippedCount", self.tr("skip"), len(report.skipped), "#b3261e")
        self.conflict_count = self._count("importConflictCount", self.tr("conflicts"),
                                          len(report.conflicts), "#b3261e")
        self.missing_count = self._count("importNotInFileCount", self.tr("not in the file"),
                                         len(report.not_in_file), "#5f6368")
        for label in (self.added, self.updated, self.unchanged, self.skipped_count,
                      self.conflict_count, self.missing_count):
            counts.addWidget(label)
        counts.addStretch(1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("importTabs")
        self.tabs.setAccessibleName(self.tr("What the import will do"))

        # Conflicts first: they are the ones that need a decision.
        self.conflicts = _table(self, "importConflicts", self.tr("Conflicts"), [
            self.tr("Use the file's"), self.tr("Address"), self.tr("Field"),
            self.tr("In the program (edited here)"), self.tr("In the file"),
        ])
        for conflict in report.conflicts:
            row = self.conflicts.rowCount()
            self.conflicts.insertRow(row)
            choose = QTableWidgetItem()
            choose.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                            | Qt.ItemFlag.ItemIsSelectable)
            choose.setCheckState(Qt.CheckState.Checked if conflict.kept == "file" else Qt.CheckState.Unchecked)
            choose.setData(Qt.ItemDataRole.UserRole, (conflict.address, conflict.field))
            choose.setData(Qt.ItemDataRole.AccessibleTextRole,
                           arg(self.tr("Use the file's %1 for %2"), _field_label(conflict.field), conflict.address))
            self.conflicts.setItem(row, 0, choose)
            self.conflicts.setItem(row, 1, _cell(conflict.address))
            self.conflicts.setItem(row, 2, _cell(_field_label(conflict.field)))
            self.conflicts.setItem(row, 3, _cell(_value_text(conflict.field, conflict.program)))
            self.conflicts.setItem(row, 4, _cell(_value_text(conflict.field, conflict.file)))
        self.conflicts.itemChanged.connect(lambda _item: self._update_button())
        conflicts_page = QWidget(self)
        conflicts_layout = QVBoxLayout(conflicts_page)
        explain = QLabel(self.tr("These fields were changed in this program since the last import, and "
                                 "the file says something else. The program's value is kept unless you "
                                 "tick “Use the file's” (Space ticks the selected row)."), conflicts_page)
        explain.setObjectName("importConflictsExplained")
        explain.setWordWrap(True)
        conflicts_layout.addWidget(explain)
        conflicts_layout.addWidget(self.conflicts, 1)
        self.conflicts.installEventFilter(self)

        self.changes = _table(self, "importChanges", self.tr("Changes"), [
            self.tr("Address"), self.tr("Field"), self.tr("Now"), self.tr("After the import"),
        ])
        for change in report.changes:
            row = self.changes.rowCount()
            self.changes.insertRow(row)
            self.changes.setItem(row, 0, _cell(change.address))
            self.changes.setItem(row, 1, _cell(_field_label(change.field)))
            self.changes.setItem(row, 2, _cell(_value_text(change.field, change.old)))
            new = _value_text(change.field, change.new)
            if change.field == "flags":
                new = f"{new}   ({_flags_change(change.old, change.new)})"
            self.changes.setItem(row, 3, _cell(new))

        self.missing = _table(self, "importNotInFile", self.tr("Households not in the file"),
                              [self.tr("Address (left as it is)")])
        for address in report.not_in_file:
            row = self.missing.rowCount()
            self.missing.insertRow(row)
            self.missing.setItem(row, 0, _cell(address))

        self.skipped = _table(self, "importSkipped", self.tr("Skipped lines"),
                              [self.tr("Line"), self.tr("Why it is skipped (fix it in the file and import again)")])
        # Rows grow with their wrapped reason as the dialog is resized.
        self.skipped.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for skipped in report.skipped:
            row = self.skipped.rowCount()
            self.skipped.insertRow(row)
            self.skipped.setItem(row, 0, _cell(str(skipped.line), skipped.line))
            self.skipped.setItem(row, 1, _cell(skipped.reason))

        self.new_households = _table(self, "importNew", self.tr("New households"), [self.tr("Address")])
        for address in getattr(report, "new_households", []):
            row = self.new_households.rowCount()
            self.new_households.insertRow(row)
            self.new_households.setItem(row, 0, _cell(address))

        for widget, title, count in (
            (conflicts_page, self.tr("Conflicts (%1)"), len(report.conflicts)),
            (self.changes, self.tr("Changes (%1)"), len(report.changes)),
            (self.new_households, self.tr("New (%1)"), self.new_households.rowCount()),
            (self.missing, self.tr("Not in the file (%1)"), len(report.not_in_file)),
            (self.skipped, self.tr("Skipped lines (%1)"), len(report.skipped)),
        ):
            if count:
                self.tabs.addTab(widget, arg(title, count))
            else:
                widget.hide()
        if self.tabs.count() == 0:
            self.tabs.hide()

        buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importConfirm")
        self.import_button.setAccessibleName(self.tr("Import"))
        cancel = dialog_button(self, "importCancel", self.tr("Cancel"), self.tr("Cancel"))
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._update_button()

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(counts)
        layout.addWidget(self.tabs, 1)
        if self.tabs.isHidden():
            layout.addStretch(1)
        layout.addWidget(buttons)

    def _count(self, name: str, what: str, number: int, colour: str) -> QLabel:
        label = QLabel(f"<span style='font-size:18pt; color:{colour}'><b>{number}</b></span><br>{what}", self)
        label.setObjectName(name)
        label.setAccessibleName(f"{what}: {number}")
        label.setMinimumWidth(96)
        return label

    def eventFilter(self, watched, event) -> bool:
        # Space on a selected conflict ticks it, wherever in the row the selection is.
        from PySide6.QtCore import QEvent

        if watched is self.conflicts and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Space:
            row = self.conflicts.currentRow()
            if row >= 0:
                item = self.conflicts.item(row, 0)
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
                return True
        return super().eventFilter(watched, event)

    def choices(self) -> dict[tuple[str, str], str]:
        """For each conflict, "file" where the volunteer ticked the file's value, else "program"."""
        chosen = {}
        for row in range(self.conflicts.rowCount()):
            item = self.conflicts.item(row, 0)
            address, field = item.data(Qt.ItemDataRole.UserRole)
            chosen[(address, field)] = "file" if item.checkState() == Qt.CheckState.Checked else "program"
        return chosen

    def _update_button(self) -> None:
        report = self.report
        taken = {address for (address, _field), choice in self.choices().items() if choice == "file"}
        changed = {change.address for change in report.changes} | taken
        households = report.added + max(report.updated, len(changed))
        writes = households > 0
        if writes:
            self.import_button.setText(arg(self.tr("Import %1 households"), households))
        else:
            self.import_button.setText(self.tr("Nothing to import"))
        self.import_button.setEnabled(writes)
        self.import_button.setDefault(writes)

    def skipped_lines(self) -> list[int]:
        return [int(self.skipped.item(row, 0).text()) for row in range(self.skipped.rowCount())]
