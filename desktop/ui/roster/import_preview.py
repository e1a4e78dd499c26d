"""What a roster import would do, shown before anything is written: counts; each field it changes,
old → new, flags added and removed; the conflicts with edits made in the program, each one the
volunteer may settle the file's way; the households the file leaves out; each skipped line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common import arg, dialog_button
from desktop.ui.forms import ERROR_COLOUR, MUTED_COLOUR, named
from desktop.ui.roster.roster_model import flag_label
from desktop.words import word


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
        return word("delivery", str(value))
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


_ROOT = QModelIndex()


class _Rows(QAbstractTableModel):
    """Rows of text, shown as they are; with `checkable`, the first column is a tick box.

    A model rather than a table of items: a file of 50 000 households is shown without 50 000
    calls per column, which PySide 6.12 does not survive (each such call loses a reference to
    None, and the interpreter aborts when None runs out)."""

    toggled = Signal()

    def __init__(self, headers: list[str], rows: list[tuple], parent=None, *, checkable: bool = False,
                 checked: list[bool] | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows = rows
        self.checkable = checkable
        self.checked = list(checked) if checked is not None else [False] * len(rows)

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if self.checkable and column == 0:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if self.checked[row] else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[row][column]
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.checkable and index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not (self.checkable and index.isValid() and index.column() == 0
                and role == Qt.ItemDataRole.CheckStateRole):
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        self.checked[index.row()] = state == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role])
        self.toggled.emit()
        return True

    def toggle(self, row: int) -> None:
        state = Qt.CheckState.Unchecked if self.checked[row] else Qt.CheckState.Checked
        self.setData(self.index(row, 0), state, Qt.ItemDataRole.CheckStateRole)

    def text(self, row: int, column: int) -> str:
        return str(self.rows[row][column])


def _table(parent: QWidget, name: str, accessible: str, model: _Rows) -> QTableView:
    table = named(QTableView(parent), name, accessible)
    table.setModel(model)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    # As wide as the header and the first rows need (measuring every row of a big file would
    # take longer than reading it), within reason; the last column takes the rest.
    metrics = table.fontMetrics()
    em = metrics.horizontalAdvance("M")
    for column, title in enumerate(model.headers[:-1]):
        widest = max([metrics.horizontalAdvance(str(row[column])) for row in model.rows[:200]]
                     + [metrics.horizontalAdvance(title)])
        table.setColumnWidth(column, min(max(widest + 2 * em, 4 * em), 24 * em))
    return table


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
        self.unchanged = self._count("importUnchanged", self.tr("leave unchanged"), report.unchanged, MUTED_COLOUR)
        self.skipped_count = self._count("importSkippedCount", self.tr("skip"), len(report.skipped), ERROR_COLOUR)
        self.conflict_count = self._count("importConflictCount", self.tr("conflicts"),
                                          len(report.conflicts), ERROR_COLOUR)
        self.missing_count = self._count("importNotInFileCount", self.tr("not in the file"),
                                         len(report.not_in_file), MUTED_COLOUR)
        for label in (self.added, self.updated, self.unchanged, self.skipped_count,
                      self.conflict_count, self.missing_count):
            counts.addWidget(label)
        counts.addStretch(1)

        self.tabs = named(QTabWidget(self), "importTabs", self.tr("What the import will do"))

        # Conflicts first: they are the ones that need a decision.
        self.conflict_rows = _Rows(
            [self.tr("Use the file's"), self.tr("Address"), self.tr("Field"),
             self.tr("In the program (edited here)"), self.tr("In the file")],
            [("", c.address, _field_label(c.field), _value_text(c.field, c.program),
              _value_text(c.field, c.file)) for c in report.conflicts],
            self, checkable=True, checked=[c.kept == "file" for c in report.conflicts],
        )
        self._conflict_keys = [(c.address, c.field) for c in report.conflicts]
        self.conflicts = _table(self, "importConflicts", self.tr("Conflicts"), self.conflict_rows)
        self.conflict_rows.toggled.connect(self._update_button)
        self.conflicts.installEventFilter(self)
        conflicts_page = QWidget(self)
        conflicts_layout = QVBoxLayout(conflicts_page)
        explain = QLabel(self.tr("These fields were changed in this program since the last import, and "
                                 "the file says something else. The program's value is kept unless you "
                                 "tick “Use the file's” (Space ticks the selected row)."), conflicts_page)
        explain.setObjectName("importConflictsExplained")
        explain.setWordWrap(True)
        conflicts_layout.addWidget(explain)
        conflicts_layout.addWidget(self.conflicts, 1)

        changes = []
        for change in report.changes:
            new = _value_text(change.field, change.new)
            if change.field == "flags":
                new = f"{new}   ({_flags_change(change.old, change.new)})"
            changes.append((change.address, _field_label(change.field),
                            _value_text(change.field, change.old), new))
        self.change_rows = _Rows([self.tr("Address"), self.tr("Field"), self.tr("Now"),
                                  self.tr("After the import")], changes, self)
        self.changes = _table(self, "importChanges", self.tr("Changes"), self.change_rows)

        self.new_rows = _Rows([self.tr("Address")],
                              [(address,) for address in getattr(report, "new_households", [])], self)
        self.new_households = _table(self, "importNew", self.tr("New households"), self.new_rows)

        self.missing_rows = _Rows([self.tr("Address (left as it is)")],
                                  [(address,) for address in report.not_in_file], self)
        self.missing = _table(self, "importNotInFile", self.tr("Households not in the file"),
                              self.missing_rows)

        self.skipped_rows = _Rows(
            [self.tr("Line"), self.tr("Why it is skipped (fix it in the file and import again)")],
            [(str(skipped.line), skipped.reason) for skipped in report.skipped], self)
        self.skipped = _table(self, "importSkipped", self.tr("Skipped lines"), self.skipped_rows)

        for widget, title, count in (
            (conflicts_page, self.tr("Conflicts (%1)"), len(report.conflicts)),
            (self.changes, self.tr("Changes (%1)"), len(report.changes)),
            (self.new_households, self.tr("New (%1)"), self.new_rows.rowCount()),
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
        self.import_button = named(QPushButton(self), "importConfirm", self.tr("Import"))
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
        label = named(QLabel(f"<span style='font-size:18pt; color:{colour}'><b>{number}</b></span><br>{what}", self),
                      name, f"{what}: {number}")
        label.setMinimumWidth(96)
        return label

    def eventFilter(self, watched, event) -> bool:
        # Space on a selected conflict ticks it, wherever in the row the selection is.
        if watched is self.conflicts and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Space:
            row = self.conflicts.currentIndex().row()
            if row >= 0:
                self.conflict_rows.toggle(row)
                return True
        return super().eventFilter(watched, event)

    def choices(self) -> dict[tuple[str, str], str]:
        """For each conflict, "file" where the volunteer ticked the file's value, else "program"."""
        return {key: "file" if checked else "program"
                for key, checked in zip(self._conflict_keys, self.conflict_rows.checked, strict=True)}

    def _update_button(self) -> None:
        report = self.report
        taken = {address for (address, _field), choice in self.choices().items() if choice == "file"}
        changed = {change.address for change in report.changes} | taken
        households = report.added + max(report.updated, len(changed))
        writes = households > 0
        if writes:
            self.import_button.setText(arg(self.tr("&Import %1 households"), households))
        else:
            self.import_button.setText(self.tr("&Nothing to import"))
        self.import_button.setEnabled(writes)
        self.import_button.setDefault(writes)

    def skipped_lines(self) -> list[int]:
        return [int(row[0]) for row in self.skipped_rows.rows]
