"""Opening a group buy: title, supplier (picked or typed new), organiser, items, minimum, deadline.

A supplier with a bad record here, or none at all, shows that record and the warning to collect
money only after the supplier confirms, before the buy is opened.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.buys.group_buys import (
    STORAGE_CLASSES,
    ItemSpec,
    NewBuy,
    clean_item_name,
    clean_title,
    new_buy,
    parse_cap,
    parse_fee,
    parse_minimum,
)
from desktop.buys.suppliers import find_supplier, list_suppliers, supplier_record, supplier_warning
from desktop.db import Connection
from desktop.errors import BadInput, DatabaseUnusable, DeskError
from desktop.money import parse_yuan
from desktop.notices import notice
from desktop.ui.buys.buy_common import focus_field, mark_invalid
from desktop.ui.buys.buys_model import record_summary, storage_label
from desktop.ui.common import arg, dialog_button, shortcut_text
from desktop.ui.common import show_error as show_error_box
from desktop.ui.forms import (
    INVALID_FIELD_STYLE,
    MUTED_STYLE,
    WARNING_STYLE,
    banner,
    error_label,
    form_row,
    named,
    save_cancel,
)
from desktop.ui.ops import DbOp
from desktop.words import describe

MAX_ITEMS = 30
translate = QCoreApplication.translate  # an item row speaks in the dialog's words


def default_deadline() -> QDateTime:
    """Tonight at 20:00 (or tomorrow's, when it is later than that): when 接龙 lists close."""
    now = datetime.now()
    evening = now.replace(hour=20, minute=0, second=0, microsecond=0)
    if evening <= now + timedelta(hours=1):
        evening += timedelta(days=1)
    return QDateTime(evening.date(), evening.time())


class ItemRow:
    """The fields of one item: name, unit, price in yuan, storage, cap per household."""

    def __init__(self, dialog: NewBuyDialog, position: int) -> None:
        parent = dialog.items_box
        self.name = QLineEdit(parent)
        self.name.setPlaceholderText(translate("NewBuyDialog", "e.g. frozen dumplings"))
        self.unit = QLineEdit(parent)
        self.unit.setPlaceholderText(translate("NewBuyDialog", "bag"))
        self.price = QLineEdit(parent)
        self.price.setPlaceholderText(translate("NewBuyDialog", "yuan, e.g. 32"))
        self.storage = QComboBox(parent)
        for storage in STORAGE_CLASSES:
            self.storage.addItem(storage_label(storage), storage)
        self.cap = QLineEdit(parent)
        self.cap.setPlaceholderText(translate("NewBuyDialog", "no cap"))
        self.remove = QPushButton("×", parent)
        self.remove.setAutoDefault(False)
        self.remove.setFixedWidth(self.remove.sizeHint().height())
        self.error = error_label(parent, "", "")
        self.number(dialog, position)
        for field in (self.name, self.unit, self.price, self.cap):
            field.textEdited.connect(lambda _text, f=field: (mark_invalid(f, False), self.error.hide()))

    def number(self, dialog: NewBuyDialog, position: int) -> None:
        """Names that say which item row a field is on (tests and screen readers find them)."""
        human = position + 1
        for field, role, words in (
            (self.name, "Name", translate("NewBuyDialog", "Item %1 name")),
            (self.unit, "Unit", translate("NewBuyDialog", "Item %1 unit")),
            (self.price, "Price", translate("NewBuyDialog", "Item %1 price in yuan")),
            (self.storage, "Storage", translate("NewBuyDialog", "Item %1 storage")),
            (self.cap, "Cap", translate("NewBuyDialog", "Item %1 cap per household")),
            (self.remove, "Remove", translate("NewBuyDialog", "Remove item %1")),
            (self.error, "Error", translate("NewBuyDialog", "Problem with item %1")),
        ):
            field.setObjectName(f"newBuyItem{role}{position}")
            field.setAccessibleName(arg(words, human))
        self.remove.setToolTip(arg(translate("NewBuyDialog", "Remove item %1"), human))

    def widgets(self) -> list[QWidget]:
        return [self.name, self.unit, self.price, self.storage, self.cap, self.remove, self.error]

    def empty(self) -> bool:
        return not any(f.text().strip() for f in (self.name, self.unit, self.price, self.cap))


class NewBuyDialog(QDialog):
    """`open()`; accepted means the buy was made: `result` is the service's NewBuy."""

    def __init__(self, conn: Connection, parent=None) -> None:
        super().__init__(parent)
        self._conn = conn
        self.result: NewBuy | None = None
        self.file_error = None
        self.job = None
        self.setObjectName("newBuyDialog")
        self.setWindowTitle(self.tr("New group buy"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(760)
        self.setStyleSheet(INVALID_FIELD_STYLE)

        self.title = named(QLineEdit(self), "newBuyTitle", self.tr("Title"))
        self.title.setPlaceholderText(self.tr("e.g. Frozen dumplings"))

        self.supplier = named(QComboBox(self), "newBuySupplier", self.tr("Supplier"))
        self.supplier.setEditable(True)
        self.supplier.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.supplier.addItem("")
        for supplier in list_suppliers(conn):
            self.supplier.addItem(supplier.name, supplier.id)
        self.supplier.setCurrentIndex(0)
        self.supplier.lineEdit().setPlaceholderText(self.tr("Pick one, or type a new supplier"))
        self.supplier.setToolTip(self.tr("Pick a supplier from the list, or type the name of a new one"))
        self.supplier.currentTextChanged.connect(self.show_supplier_record)
        self.supplier_record = named(QLabel(self), "newBuySupplierRecord", self.tr("The supplier's record"))
        self.supplier_record.setStyleSheet(MUTED_STYLE)
        self.supplier_record.setWordWrap(True)
        self.supplier_record.hide()
        self.warning = banner(self, "newBuyWarning", self.tr("Warning about the supplier"), WARNING_STYLE)

        self.organiser = named(QLineEdit(self), "newBuyOrganiser", self.tr("Organiser"))
        self.organiser.setPlaceholderText(self.tr("who runs this buy, e.g. Auntie Chen"))

        # ---- items: a grid of rows, a row per item ----
        self.items_box = QWidget(self)
        self.items_box.setObjectName("newBuyItems")
        self.items_grid = QGridLayout(self.items_box)
        self.items_grid.setContentsMargins(0, 0, 0, 0)
        self.items_grid.setHorizontalSpacing(6)
        self.items_grid.setVerticalSpacing(2)
        for column, heading in enumerate((self.tr("Item"), self.tr("Unit"), self.tr("Price (¥)"),
                                          self.tr("Storage"), self.tr("Cap per household"))):
            label = QLabel(heading, self.items_box)
            label.setStyleSheet(MUTED_STYLE)
            self.items_grid.addWidget(label, 0, column)
        self.items_grid.setColumnStretch(0, 4)
        self.items_grid.setColumnStretch(1, 1)
        self.items_grid.setColumnStretch(2, 2)
        self.items_grid.setColumnStretch(3, 2)
        self.items_grid.setColumnStretch(4, 2)
        self.item_rows: list[ItemRow] = []
        self.items_scroll = QScrollArea(self)
        self.items_scroll.setWidgetResizable(True)
        self.items_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.items_scroll.setWidget(self.items_box)
        self.add_item_button = dialog_button(
            self, "newBuyAddItem", self.tr("+ &Item"), self.tr("Add an item"), arg(self.tr("Add another item (%1)"), shortcut_text("Alt+I"))
        )
        self.add_item_button.setAutoDefault(False)
        self.add_item_button.clicked.connect(lambda: self.add_item_row(focus=True))
        self.items_error = error_label(self, "newBuyItemsError", self.tr("Problem with the items"))

        self.minimum = named(QLineEdit(self), "newBuyMinimum", self.tr("Minimum"))
        self.minimum.setPlaceholderText(self.tr("units the supplier needs, e.g. 30 (optional)"))
        self.minimum.setMaximumWidth(320)

        self.fee = named(QLineEdit(self), "newBuyFee", self.tr("Delivery fee"))
        self.fee.setPlaceholderText(self.tr("yuan, e.g. 5 (optional)"))
        self.fee.setMaximumWidth(160)
        self.fee_per = named(QComboBox(self), "newBuyFeePer", self.tr("Delivery fee charged"))
        self.fee_per.addItem(self.tr("per order"), "order")
        self.fee_per.addItem(self.tr("once per household"), "household")
        fee_box = QWidget(self)
        fee_row = QHBoxLayout(fee_box)
        fee_row.setContentsMargins(0, 0, 0, 0)
        fee_row.addWidget(self.fee)
        fee_row.addWidget(self.fee_per)
        fee_row.addStretch(1)

        self.deadline = named(QDateTimeEdit(default_deadline(), self), "newBuyDeadline", self.tr("Deadline"))
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.deadline.setCalendarPopup(True)
        self.no_deadline = named(QCheckBox(self.tr("No deadline"), self), "newBuyNoDeadline",
                                 self.tr("No deadline"))
        self.no_deadline.toggled.connect(lambda off: self.deadline.setEnabled(not off))
        deadline_row = QHBoxLayout()
        deadline_row.setContentsMargins(0, 0, 0, 0)
        deadline_row.addWidget(self.deadline)
        deadline_row.addWidget(self.no_deadline)
        deadline_row.addStretch(1)
        deadline_box = QWidget(self)
        deadline_box.setLayout(deadline_row)

        self.open_now = named(QCheckBox(self.tr("Open for orders now (otherwise it stays a draft)"), self),
                              "newBuyOpenNow", self.tr("Open for orders now"))
        self.open_now.setChecked(True)

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, self.tr("&Title"), "title", self.title)
        self._row(form, self.tr("&Supplier"), "supplier", self.supplier, self.supplier_record, self.warning)
        self._row(form, self.tr("&Organiser"), "organiser", self.organiser)
        items_holder = QWidget(self)
        items_column = QVBoxLayout(items_holder)
        items_column.setContentsMargins(0, 0, 0, 0)
        items_column.setSpacing(4)
        items_column.addWidget(self.items_scroll)
        items_column.addWidget(self.items_error)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_item_button)
        add_row.addStretch(1)
        items_column.addLayout(add_row)
        items_label = QLabel(self.tr("Items"), self)
        form.addRow(items_label, items_holder)
        self._row(form, self.tr("&Minimum"), "minimum", self.minimum)
        self._row(form, self.tr("&Deadline"), "deadline", deadline_box)
        self._row(form, self.tr("Deli&very fee"), "fee", fee_box)
        form.addRow("", self.open_now)

        self.general_error = error_label(self, "newBuyError", self.tr("Error"))

        buttons, self.create_button, self.cancel_button = save_cancel(
            self, self.save, save_name="newBuyCreate", save_text=self.tr("Open group buy"),
            save_tip=self.tr("Open the group buy (Enter)"),
            cancel_name="newBuyCancel", cancel_text=self.tr("Cancel"), cancel_tip=self.tr("Close without opening a buy (Esc)"))
        self.open_now.toggled.connect(
            lambda now: self.create_button.setText(self.tr("Open group buy") if now else self.tr("Save draft")))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        for field in (self.title, self.organiser, self.minimum):
            field.textEdited.connect(lambda _text, f=field: self._field_edited(f))
        self.supplier.lineEdit().textEdited.connect(lambda _t: self._field_edited(self.supplier))
        self.add_item_row()
        self.title.setFocus()

    def _row(self, form: QFormLayout, text: str, field: str, widget: QWidget, *extra: QWidget) -> None:
        """A form row: the label, the input, any hint, and the error label right under the input."""
        self.errors[field] = form_row(form, text, widget, *extra, error_name=f"newBuy{field.capitalize()}Error")

    # ---- items ----

    def add_item_row(self, *, focus: bool = False) -> ItemRow | None:
        if len(self.item_rows) >= MAX_ITEMS:
            return None
        row = ItemRow(self, len(self.item_rows))
        row.remove.clicked.connect(lambda: self.remove_item_row(row))
        self.item_rows.append(row)
        self._lay_out_items()
        if focus:
            row.name.setFocus()
        return row

    def remove_item_row(self, row: ItemRow) -> None:
        if len(self.item_rows) == 1:
            for field in (row.name, row.unit, row.price, row.cap):
                field.clear()
            row.error.hide()
            return
        self.item_rows.remove(row)
        for widget in row.widgets():
            self.items_grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        for position, other in enumerate(self.item_rows):
            other.number(self, position)
        self._lay_out_items()
        self.item_rows[-1].name.setFocus()

    def _lay_out_items(self) -> None:
        previous: QWidget | None = self.organiser
        for position, row in enumerate(self.item_rows):
            grid_row = 1 + position * 2
            for column, widget in enumerate((row.name, row.unit, row.price, row.storage, row.cap, row.remove)):
                self.items_grid.addWidget(widget, grid_row, column)
            self.items_grid.addWidget(row.error, grid_row + 1, 0, 1, 6)
            for widget in (row.name, row.unit, row.price, row.storage, row.cap):
                QWidget.setTabOrder(previous, widget)
                previous = widget
        QWidget.setTabOrder(previous, self.add_item_button)
        QWidget.setTabOrder(self.add_item_button, self.minimum)
        # Room for three rows before the list scrolls.
        line = self.item_rows[0].name.sizeHint().height() + 4
        self.items_scroll.setMinimumHeight(line * (1 + min(len(self.item_rows), 3)) + 8)
        if self.isVisible():
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    # ---- the supplier's record ----

    def show_supplier_record(self, text: str) -> None:
        name = text.strip()
        if not name:
            self.supplier_record.hide()
            self.warning.hide()
            return
        supplier = find_supplier(self._conn, name)
        if supplier is None:
            self.supplier_record.setText(arg(self.tr("%1 is new here: no record yet."), name))
            warning = notice("supplier_never_delivered", name=name)
        else:
            record = supplier_record(self._conn, supplier.id)
            self.supplier_record.setText(record_summary(record))
            warning = supplier_warning(record)
        self.supplier_record.show()
        if warning is None:
            self.warning.hide()
        else:
            self.warning.setText(warning.text())
            self.warning.show()

    # ---- saving ----

    def item_specs(self) -> list[ItemSpec] | None:
        """The items typed, each checked where it was typed; None when one is wrong."""
        specs: list[ItemSpec] = []
        seen: dict[str, ItemRow] = {}
        ok = True
        for row in self.item_rows:
            if row.empty():
                continue
            try:
                name = clean_item_name(row.name.text())
                field = row.price
                if not row.price.text().strip():
                    raise BadInput("price_invalid", "price", text="")
                price = parse_yuan(row.price.text(), "price")
                field = row.cap
                cap = parse_cap(row.cap.text())
                field = row.name
                if name.casefold() in seen:
                    raise BadInput("item_duplicate", "item", item=name)
            except BadInput as error:
                if error.field == "item":
                    field = row.name
                self._row_error(row, field, describe(error))
                ok = False
                continue
            seen[name.casefold()] = row
            specs.append(ItemSpec(name=name, price_fen=price, storage=row.storage.currentData(),
                                  cap=cap, unit=row.unit.text().strip()[:10]))
        return specs if ok else None

    def _row_error(self, row: ItemRow, field: QWidget, sentence: str) -> None:
        row.error.setText(sentence)
        row.error.show()
        mark_invalid(field, True)

    def save(self) -> None:
        self._clear_errors()
        first_bad: QWidget | None = None
        try:
            clean_title(self.title.text())
        except BadInput as error:
            self._field_error("title", error)
            first_bad = self.title
        specs = self.item_specs()
        if specs is None:
            bad = next(row for row in self.item_rows if row.error.isVisible())
            first_bad = first_bad or next(
                (f for f in (bad.name, bad.price, bad.cap) if f.property("invalid")), bad.name)
        elif not specs and self.open_now.isChecked():
            self.items_error.setText(self.tr("Add at least one item, with its name and price in yuan."))
            self.items_error.show()
            first_bad = first_bad or self.item_rows[0].name
        try:
            parse_minimum(self.minimum.text())
        except BadInput as error:
            self._field_error("minimum", error)
            first_bad = first_bad or self.minimum
        try:
            parse_fee(self.fee.text())
        except BadInput as error:
            self._field_error("fee", error)
            first_bad = first_bad or self.fee
        if first_bad is not None:
            focus_field(first_bad)
            return
        deadline = None
        if not self.no_deadline.isChecked():
            deadline = self.deadline.dateTime().toString("yyyy-MM-ddTHH:mm")
        title, supplier = self.title.text(), self.supplier.currentText().strip() or None
        minimum, organiser, open_now = self.minimum.text(), self.organiser.text().strip(), self.open_now.isChecked()
        fee, fee_per = self.fee.text(), self.fee_per.currentData()
        self.job = (DbOp(self, self._conn, lambda conn: new_buy(
                        conn, title, supplier, specs, minimum=minimum, deadline=deadline,
                        organiser=organiser, open_now=open_now, fee_fen=fee, fee_per=fee_per))
                    .progress(self.tr("Saving the group buy…"), cancellable=False)
                    .success(self._created).failure(self.show_error).disabling(self.create_button).run())

    def _created(self, result) -> None:
        self.result = result
        self.accept()

    def show_error(self, error: DeskError) -> None:
        if isinstance(error, DatabaseUnusable):
            self.file_error = show_error_box(self, error)
            return
        if error.field in ("item", "price", "storage", "cap"):
            self.items_error.setText(describe(error))
            self.items_error.show()
            return
        if error.field in self.errors:
            self._field_error(error.field, error)
            widget = {"title": self.title, "supplier": self.supplier, "organiser": self.organiser,
                      "minimum": self.minimum, "deadline": self.deadline}.get(error.field)
            if widget is not None:
                focus_field(widget)
            return
        self.general_error.setText(describe(error))
        self.general_error.show()

    def _field_error(self, field: str, error: DeskError) -> None:
        label = self.errors[field]
        label.setText(describe(error))
        label.show()
        widget = {"title": self.title, "minimum": self.minimum, "organiser": self.organiser,
                  "fee": self.fee}.get(field)
        if widget is not None:
            mark_invalid(widget, True)

    def _field_edited(self, field: QWidget) -> None:
        mark_invalid(field, False)
        for name, widget in (("title", self.title), ("supplier", self.supplier),
                             ("organiser", self.organiser), ("minimum", self.minimum)):
            if widget is field:
                self.errors[name].hide()
        self.general_error.hide()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.items_error.hide()
        self.general_error.hide()
        for row in self.item_rows:
            row.error.hide()
            for field in (row.name, row.price, row.cap):
                mark_invalid(field, False)
        for field in (self.title, self.minimum, self.fee):
            mark_invalid(field, False)

    def keyPressEvent(self, event) -> None:
        # Enter in the supplier box picks from its list; elsewhere it opens the buy.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.supplier.view().isVisible():
            return
        super().keyPressEvent(event)
