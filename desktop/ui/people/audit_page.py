"""The committee's Audit page: every change, newest first — when, who, station, what, the
household, before → after — narrowed by household, operator, day and kind; and the whole log
exported as CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import audit
from desktop.clock import to_local
from desktop.db import Connection
from desktop.errors import BadInput, DeskError
from desktop.roster.households import find_household
from desktop.ui.buys.buy_common import fit_columns
from desktop.ui.buys.buys_model import Row, RowsModel
from desktop.ui.common import arg
from desktop.ui.forms import (
    NOTICE_STYLE,
    banner,
    buddy_label,
    error_label,
    larger,
    named,
    read_only_table,
    shortcut_button,
)
from desktop.ui.ops import DbOp
from desktop.ui.reads import PageRead
from desktop.words import describe, word

# The newest entries shown at once; the export holds them all.
SHOWN = 2000


class AuditPage(QWidget):
    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditPage")
        self.conn = conn
        self.job = None
        self.export_dialog: QFileDialog | None = None
        self.entries: list[audit.AuditEntry] = []
        title = larger(named(QLabel(self.tr("Audit log"), self), "auditTitle", self.tr("Audit log")), bold=True)
        self.notice = banner(self, "auditNotice", self.tr("What was just done"), NOTICE_STYLE)
        self.household_input = named(QLineEdit(self), "auditHousehold", self.tr("Household address"))
        self.household_input.setPlaceholderText(self.tr("any household, or 12-301"))
        self.household_input.setMinimumWidth(self.household_input.fontMetrics().horizontalAdvance(
            self.household_input.placeholderText()) + 24)
        self.household_input.returnPressed.connect(self.reload)
        self.operator_input = named(QComboBox(self), "auditOperator", self.tr("Operator"))
        self.kind_input = named(QComboBox(self), "auditKind", self.tr("Kind of change"))
        self.kind_input.addItem(self.tr("every kind"), None)
        for kind in audit.KINDS:
            self.kind_input.addItem(word("audit_kind", kind), kind)
        self.day_check = named(QCheckBox(self.tr("Only the &day"), self), "auditOnlyDay", self.tr("Only one day"))
        self.day_input = named(QDateEdit(QDate.currentDate(), self), "auditDay", self.tr("Day"))
        self.day_input.setCalendarPopup(True)
        self.day_input.setDisplayFormat("yyyy-MM-dd")
        self.day_input.setEnabled(False)
        self.day_check.toggled.connect(self.day_input.setEnabled)
        self.day_check.toggled.connect(self.reload)
        self.day_input.dateChanged.connect(lambda _d: self.day_check.isChecked() and self.reload())
        self.operator_input.activated.connect(self.reload)
        self.kind_input.activated.connect(self.reload)
        self.show_button = shortcut_button(self, "auditShow", self.tr("&Show"), None,
                                           self.tr("Show the changes that match"), self.reload)
        self.export_button = shortcut_button(self, "auditExport", self.tr("&Export CSV…"), "Ctrl+E",
                                             self.tr("Every change as a CSV file for a spreadsheet"),
                                             self.choose_export_file)
        filters = QHBoxLayout()
        filters.addWidget(buddy_label(self, self.tr("&Household:"), self.household_input))
        filters.addWidget(self.household_input)
        filters.addWidget(buddy_label(self, self.tr("&Operator:"), self.operator_input))
        filters.addWidget(self.operator_input)
        filters.addWidget(buddy_label(self, self.tr("&Kind:"), self.kind_input))
        filters.addWidget(self.kind_input)
        filters.addStretch(1)
        more = QHBoxLayout()  # two rows, so the page fits a 1366×768 laptop beside the navigation
        more.addWidget(self.day_check)
        more.addWidget(self.day_input)
        more.addWidget(self.show_button)
        more.addStretch(1)
        more.addWidget(self.export_button)
        self.error = error_label(self, "auditFilterError", self.tr("Problem with the filter"))
        self.count_label = named(QLabel(self), "auditCount", self.tr("How many changes are shown"))
        headers = [self.tr("When"), self.tr("Who"), self.tr("Station"), self.tr("What"),
                   self.tr("Household"), self.tr("Summary"), self.tr("Before → after")]
        self.model = RowsModel(headers, self)
        self.table = read_only_table(self, "auditTable", self.tr("Changes"))
        self.table.setModel(self.model)
        self.reader = PageRead(self, self.tr("Reading the changes…"))
        self.reading_label = named(QLabel(self.tr("Reading the changes…"), self), "auditReading",
                                   self.tr("Reading the changes"))
        self.reading_label.setStyleSheet("color: #5f6368;")
        self.reading_label.hide()
        self.reader.readingChanged.connect(self.reading_label.setVisible)
        more.insertWidget(3, self.reading_label)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.notice)
        layout.addLayout(filters)
        layout.addLayout(more)
        layout.addWidget(self.error)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    @property
    def reading(self) -> bool:
        return self.reader.reading

    def _fill_operators(self, names: list[str]) -> None:
        current = self.operator_input.currentData()
        self.operator_input.clear()
        self.operator_input.addItem(self.tr("anyone"), None)
        for name in names:
            self.operator_input.addItem(name, name)
        index = self.operator_input.findData(current) if current else 0
        self.operator_input.setCurrentIndex(max(index, 0))

    def filters(self) -> dict:
        """What the filter fields ask for: the address as typed (`read` finds its household)."""
        day = None
        if self.day_check.isChecked():
            qdate = self.day_input.date()
            day = date(qdate.year(), qdate.month(), qdate.day())
        return {"address": self.household_input.text().strip(), "operator": self.operator_input.currentData(),
                "day": day, "kind": self.kind_input.currentData()}

    def reload(self) -> None:
        """The changes that match the filters, read off the GUI thread (a big compound's log is
        long), with the names of everyone who made one."""
        asked, nobody = self.filters(), self.tr("(nobody named)")

        def read(conn):
            wanted = dict(asked)
            address = wanted.pop("address")
            wanted["household_id"] = None
            if address:
                household = find_household(conn, address)
                if household is None:
                    raise BadInput("audit_household_unknown", "household", address=address)
                wanted["household_id"] = household.id
            entries = audit.entries(conn, limit=SHOWN, **wanted)
            rows = [Row((to_local(entry.at), entry.operator or nobody, entry.station,
                         word("audit_kind", entry.kind), entry.address or "", entry.summary,
                         "; ".join(audit.change_words(*change) for change in entry.changes)))
                    for entry in entries]
            return audit.operator_names(conn), entries, rows

        self.reader.read(self.conn, read, self._show, self._refused)

    def _refused(self, error: DeskError) -> None:
        self.error.setText(describe(error))
        self.error.show()
        self.entries = []
        self.model.set_rows([])
        self.count_label.clear()

    def _show(self, found: tuple) -> None:
        names, self.entries, rows = found
        self.error.hide()
        self._fill_operators(names)
        self.model.set_rows(rows)
        fit_columns(self.table, 4, 30)
        self.count_label.setText(arg(self.tr("%1 changes, newest first"), len(self.entries))
                                 if len(self.entries) < SHOWN else
                                 arg(self.tr("The newest %1 changes; export them all as CSV"), SHOWN))

    # ---- export ----

    def choose_export_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Export the audit log"),
                             str(Path.home() / f"{self.tr('audit')}-{date.today().isoformat()}.csv"),
                             self.tr("CSV, opens in Excel (*.csv)"))
        dialog.setObjectName("auditExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.fileSelected.connect(lambda path: self.export_file(Path(path)))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def export_file(self, path: Path):
        self.job = (DbOp(self, self.conn, lambda conn, progress, cancel: audit.export_audit(conn, path, cancel))
                    .reads_only().progress(arg(self.tr("Exporting to %1…"), path.name))
                    .success(lambda count: self._exported(count, path)).run())
        return self.job

    def _exported(self, count: int, path: Path) -> None:
        self.notice.setText(arg(self.tr("Exported %1 changes to %2."), count, str(path)))
        self.notice.show()
