"""The Suppliers page: each supplier with its record in this compound (group buys, turned down,
delivered short, complaints), what happened with it, and a complaint noted on its record."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.buys.group_buys import list_buys
from desktop.buys.suppliers import (
    Supplier,
    SupplierRecord,
    add_supplier,
    list_suppliers,
    note_complaint,
    supplier_record,
    supplier_warning,
)
from desktop.clock import to_local
from desktop.db import Connection
from desktop.errors import DatabaseUnusable, DeskError
from desktop.ui.buys.buy_common import fit_columns
from desktop.ui.buys.buys_model import GREEN, RED, Row, RowsModel, record_summary
from desktop.ui.common import arg
from desktop.ui.common import show_error as show_error_box
from desktop.ui.forms import (
    ERROR_STYLE,
    NOTICE_STYLE,
    WARNING_STYLE,
    banner,
    buddy_label,
    centred_sentence,
    form_row,
    larger,
    named,
    read_only_table,
    save_cancel,
    shortcut_button,
)
from desktop.ui.ops import DbOp
from desktop.words import describe

SUPPLIER_COLUMNS = ("name", "role", "contact", "buys", "gifts", "delivered", "delivered_short",
                    "turned_down", "complaints")
# What the page's Show list keeps: everyone, those that sold here, those that gave.
SHOWN = ("all", "suppliers", "donors")


def event_label(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        "delivered": QCoreApplication.translate("Suppliers", "delivered in full"),
        "delivered_short": QCoreApplication.translate("Suppliers", "delivered short"),
        "turned_down": QCoreApplication.translate("Suppliers", "turned the buy down"),
        "cancelled": QCoreApplication.translate("Suppliers", "buy cancelled"),
        "complaint": QCoreApplication.translate("Suppliers", "complaint"),
    }
    return labels.get(kind, kind)


class SuppliersModel(QAbstractTableModel):
    """Suppliers with their record, a bad record in red."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Supplier, SupplierRecord]] = []

    def set_rows(self, rows: list[tuple[Supplier, SupplierRecord]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def supplier_at(self, row: int) -> tuple[Supplier, SupplierRecord]:
        return self._rows[row]

    def row_of(self, supplier_id: int) -> int | None:
        for row, (supplier, _record) in enumerate(self._rows):
            if supplier.id == supplier_id:
                return row
        return None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SUPPLIER_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Supplier or donor"), self.tr("Role"), self.tr("Contact"), self.tr("Group buys"),
                self.tr("Distributions given"), self.tr("Delivered in full"),
                self.tr("Delivered short"), self.tr("Turned down"), self.tr("Complaints"))[section]

    def role_label(self, role: str) -> str:
        return {"supplier": self.tr("Supplier"), "donor": self.tr("Donor"),
                "both": self.tr("Supplier and donor")}[role]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        supplier, record = self._rows[index.row()]
        column = SUPPLIER_COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == "name":
                return supplier.name
            if column == "contact":
                return " ".join(part for part in (supplier.contact, supplier.phone) if part)
            if column == "role":
                return self.role_label(record.role)
            return str(getattr(record, column))
        if role == Qt.ItemDataRole.ForegroundRole and column == "role":
            return QColor(GREEN) if record.role != "supplier" else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column in ("delivered_short", "turned_down", "complaints") and getattr(record, column):
                return QColor(RED)
            if column == "name" and record.bad:
                return QColor(RED)
            return None
        if role == Qt.ItemDataRole.FontRole and column == "name":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in ("name", "contact", "role"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            warning = supplier_warning(record)
            return warning.text() if warning else (supplier.notes or None)
        return None


class ComplaintDialog(QDialog):
    """A complaint about a supplier, optionally about one of its buys, kept on its record."""

    def __init__(self, conn: Connection, supplier: Supplier, parent=None) -> None:
        super().__init__(parent)
        self._conn = conn
        self.supplier = supplier
        self.file_error = None
        self.job = None
        self.setObjectName("complaintDialog")
        self.setWindowTitle(arg(self.tr("Complaint about %1"), supplier.name))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(520)

        self.buy = named(QComboBox(self), "complaintBuy", self.tr("Group buy"))
        self.buy.addItem(self.tr("(no particular group buy)"), None)
        for summary in list_buys(conn):
            if summary.buy.supplier_id == supplier.id:
                self.buy.addItem(summary.buy.title, summary.buy.id)
        self.note = named(QPlainTextEdit(self), "complaintNote", self.tr("What went wrong"))
        self.note.setPlaceholderText(self.tr("e.g. dumplings arrived thawed; 5 bags short"))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(100)

        form = QFormLayout()
        form.addRow(buddy_label(self, self.tr("&Group buy"), self.buy), self.buy)
        self.error = form_row(form, self.tr("&What went wrong"), self.note, error_name="complaintNoteError",
                              accessible=self.tr("Problem with the complaint"))
        self.note.textChanged.connect(self.error.hide)

        buttons, self.save_button, cancel = save_cancel(
            self, self.save, save_name="complaintSave", save_text=self.tr("Note the complaint"),
            save_tip=self.tr("Keep it on the supplier's record (Ctrl+Enter)"),
            cancel_name="complaintCancel", cancel_text=self.tr("Cancel"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.note.setFocus()

    def save(self) -> None:
        supplier_id, note, buy_id = self.supplier.id, self.note.toPlainText(), self.buy.currentData()
        self.job = (DbOp(self, self._conn, lambda conn: note_complaint(conn, supplier_id, note, buy_id=buy_id))
                    .progress(self.tr("Saving…"), cancellable=False)
                    .success(lambda _id: self.accept()).failure(self._refused)
                    .disabling(self.save_button).run())

    def _refused(self, error: DeskError) -> None:
        if isinstance(error, DatabaseUnusable):
            self.file_error = show_error_box(self, error)
            return
        self.error.setText(describe(error))
        self.error.show()
        self.note.setFocus()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.save()
            return
        super().keyPressEvent(event)


class NewSupplierDialog(QDialog):
    """A supplier added before its first buy: name, contact, phone, notes."""

    def __init__(self, conn: Connection, parent=None) -> None:
        super().__init__(parent)
        self._conn = conn
        self.saved_id: int | None = None
        self.file_error = None
        self.job = None
        self.setObjectName("newSupplierDialog")
        self.setWindowTitle(self.tr("New supplier"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(460)
        self.name = named(QLineEdit(self), "supplierName", self.tr("Name"))
        self.contact = named(QLineEdit(self), "supplierContact", self.tr("Contact person"))
        self.phone = named(QLineEdit(self), "supplierPhone", self.tr("Phone"))
        self.notes = named(QLineEdit(self), "supplierNotes", self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("e.g. delivers Tuesdays and Fridays"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = form_row(form, self.tr("&Name"), self.name, error_name="supplierNameError",
                              accessible=self.tr("Problem with the name"))
        self.name.textEdited.connect(lambda _t: self.error.hide())
        for text, widget in ((self.tr("&Contact"), self.contact),
                             (self.tr("&Phone"), self.phone), (self.tr("N&otes"), self.notes)):
            form.addRow(buddy_label(self, text, widget), widget)
        buttons, self.save_button, cancel = save_cancel(
            self, self.save, save_name="supplierSave", save_text=self.tr("Save"),
            save_tip=self.tr("Save (Enter)"),
            cancel_name="supplierCancel", cancel_text=self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.name.setFocus()

    def save(self) -> None:
        name, contact, phone, notes = self.name.text(), self.contact.text(), self.phone.text(), self.notes.text()
        self.job = (DbOp(self, self._conn,
                         lambda conn: add_supplier(conn, name, contact=contact, phone=phone, notes=notes))
                    .progress(self.tr("Saving…"), cancellable=False)
                    .success(self._saved).failure(self._refused).disabling(self.save_button).run())

    def _saved(self, supplier_id: int) -> None:
        self.saved_id = supplier_id
        self.accept()

    def _refused(self, error: DeskError) -> None:
        if isinstance(error, DatabaseUnusable):
            self.file_error = show_error_box(self, error)
            return
        self.error.setText(describe(error))
        self.error.show()
        self.name.setFocus()
        self.name.selectAll()


class SuppliersPage(QWidget):
    """Suppliers above, the selected one's record below."""

    suppliersChanged = Signal()

    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suppliersPage")
        self._conn = conn
        self.dialog = None
        self._refusal: str | None = None

        title = larger(QLabel(self.tr("Suppliers"), self), bold=True)
        self.complaint_button = shortcut_button(self, "suppliersComplaint", self.tr("Note a complaint…"),
                                                "Ctrl+K", self.tr("Note a complaint on the selected supplier's record"),
                                                self.note_complaint)
        self.add_button = shortcut_button(self, "suppliersAdd", self.tr("+ Supplier"), "Ctrl+N",
                                          self.tr("Add a supplier"), self.add_supplier,
                                          accessible=self.tr("Add a supplier"))
        self.shown = named(QComboBox(self), "suppliersShown",
                           self.tr("Show suppliers, donors or both"))
        for key, label in zip(SHOWN, (self.tr("Suppliers and donors"), self.tr("Suppliers only"),
                                      self.tr("Donors only")), strict=True):
            self.shown.addItem(label, key)
        self.shown.currentIndexChanged.connect(lambda _index: self.reload())
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(buddy_label(self, self.tr("S&how:"), self.shown))
        top.addWidget(self.shown)
        top.addWidget(self.complaint_button)
        top.addWidget(self.add_button)

        self.notice = banner(self, "suppliersNotice", self.tr("Result"), NOTICE_STYLE)
        self.empty = centred_sentence(self, "suppliersEmpty", self.tr(
            "No suppliers yet. A supplier is added when a group buy names it, or with + Supplier."))
        self.empty.hide()

        self.model = SuppliersModel(self)
        self.table = read_only_table(self, "suppliersTable", self.tr("Suppliers"))
        self.table.setModel(self.model)
        em = self.fontMetrics().horizontalAdvance("M")
        widths = {"name": 12, "role": 8, "contact": 14, "buys": 7, "gifts": 8, "delivered": 9,
                  "delivered_short": 9, "turned_down": 8, "complaints": 8}
        for column, name in enumerate(SUPPLIER_COLUMNS):
            self.table.setColumnWidth(column, widths[name] * em)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_record())

        self.record_title = named(QLabel(self), "supplierRecordTitle", self.tr("The supplier's record"))
        self.record_title.setWordWrap(True)
        self.warning = banner(self, "supplierWarning", self.tr("Warning about the supplier"), WARNING_STYLE)
        self.events_model = RowsModel((self.tr("When"), self.tr("What"), self.tr("Group buy"), self.tr("Note")), self)
        self.events = read_only_table(self, "supplierEvents", self.tr("What happened with the supplier"))
        self.events.setModel(self.events_model)
        lower = QWidget(self)
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_column.addWidget(self.record_title)
        lower_column.addWidget(self.warning)
        lower_column.addWidget(self.events, 1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        upper = QWidget(self)
        upper_column = QVBoxLayout(upper)
        upper_column.setContentsMargins(0, 0, 0, 0)
        upper_column.addWidget(self.table)
        upper_column.addWidget(self.empty)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)

        self.reload()
        if conn.read_only:
            self.refuse_changes(describe(DatabaseUnusable(conn.read_only_code, path=str(conn.path))))

    def reload(self) -> None:
        selected = self.selected()
        try:
            rows = [(supplier, supplier_record(self._conn, supplier.id))
                    for supplier in list_suppliers(self._conn)]
            shown = self.shown.currentData()
            if shown == "suppliers":  # whoever sold here, a donor that also sold among them
                rows = [row for row in rows if row[1].role != "donor"]
            elif shown == "donors":
                rows = [row for row in rows if row[1].gifts]
            filtered = shown != "all"
        except DeskError as error:
            self.model.set_rows([])
            self.notice.setStyleSheet(ERROR_STYLE)
            self.notice.setText(describe(error))
            self.notice.show()
            return
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty.setText(self.tr("Nobody of this kind yet: choose another under Show.") if filtered
                           else self.tr("No suppliers yet. A supplier is added when a group buy "
                                        "names it, or with + Supplier."))
        self.empty.setVisible(not rows)
        row = self.model.row_of(selected.id) if selected is not None else None
        if row is None and rows:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._show_record()
        self.complaint_button.setEnabled(self._refusal is None and bool(rows))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def refuse_changes(self, sentence: str) -> None:
        self._refusal = sentence
        for button in (self.complaint_button, self.add_button):
            button.setEnabled(False)
            button.setToolTip(sentence)

    def selected(self) -> Supplier | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.supplier_at(index.row())[0]

    def select_supplier(self, supplier_id: int) -> None:
        row = self.model.row_of(supplier_id)
        if row is not None:
            self.table.selectRow(row)
            self._show_record()

    def _show_record(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.record_title.clear()
            self.warning.hide()
            self.events_model.set_rows([])
            return
        supplier, record = self.model.supplier_at(index.row())
        details = " · ".join(part for part in (supplier.contact, supplier.phone, supplier.notes) if part)
        summary = record_summary(record)
        if record.gifts:
            summary += " · " + arg(self.tr("distributions given %1"), record.gifts)
        self.record_title.setText(
            f"<b>{html.escape(supplier.name)}</b> — {html.escape(summary)}"
            + (f"<br><span style='color:#5f6368'>{html.escape(details)}</span>" if details else ""))
        warning = supplier_warning(record) if record.role != "donor" else None  # gave, never sold
        if warning is None:
            self.warning.hide()
        else:
            self.warning.setText("⚠ " + warning.text())
            self.warning.show()
        self.events_model.set_rows([
            Row((to_local(event.at), event_label(event.kind), event.buy_title or "", event.note),
                tone="warn" if event.kind in ("turned_down", "delivered_short", "complaint") else "")
            for event in record.events
        ])
        fit_columns(self.events, 6, 20)

    def note_complaint(self):
        supplier = self.selected()
        if supplier is None or self._refusal:
            return None
        dialog = ComplaintDialog(self._conn, supplier, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._changed(supplier.id, arg(
            self.tr("Complaint noted on the record of %1."), supplier.name)))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def add_supplier(self):
        if self._refusal:
            return None
        dialog = NewSupplierDialog(self._conn, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._changed(dialog.saved_id, arg(
            self.tr("Added %1."), dialog.name.text().strip())))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _changed(self, supplier_id: int | None, sentence: str) -> None:
        self.reload()
        if supplier_id is not None:
            self.select_supplier(supplier_id)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setText(sentence)
        self.notice.show()
        self.suppliersChanged.emit()

