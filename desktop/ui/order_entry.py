"""Taking orders at the table without the mouse: type an address in any accepted form, Tab through
one quantity per item, Enter saves and the address field is ready for the next household.

An address of a household that already ordered loads its quantities, to change in place; an
address not in the roster is said beside the field, with a button to add the household.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.address import parse_address
from desktop.db.connection import Connection
from desktop.errors import BadInput, DatabaseUnusable, DeskError
from desktop.group_buys import GroupBuy, Item
from desktop.households import Household, find_household
from desktop.messages import describe
from desktop.money import format_fen
from desktop.orders import PlacedOrder, find_table_order, place_household_order
from desktop.ui.buy_common import (
    FIELD_ERROR_STYLE,
    INVALID_FIELD_STYLE,
    MUTED_STYLE,
    focus_field,
    mark_invalid,
)
from desktop.ui.common import arg, shortcut_text
from desktop.ui.common import show_error as show_error_box
from desktop.ui.roster_model import flag_label

LOOK_UP_DELAY_MS = 200


class OrderEntry(QWidget):
    """The entry row of one buy. `saved(PlacedOrder)` after each order; `addHousehold(address)`
    when the volunteer asks to add a household that is not in the roster."""

    saved = Signal(object)
    addHousehold = Signal(str)

    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderEntry")
        self.setStyleSheet(INVALID_FIELD_STYLE)
        self._conn = conn
        self._buy: GroupBuy | None = None
        self.items: list[Item] = []
        self.fields: list[QLineEdit] = []
        self._labels: list[QLabel] = []
        self._household: Household | None = None
        self._loaded = False  # the quantities shown are a saved order's, not typed
        self._unknown_address = ""
        self.file_error = None

        self.address_label = QLabel(self.tr("Address"), self)
        self.address_label.setStyleSheet(MUTED_STYLE)
        self.address = QLineEdit(self)
        self.address.setObjectName("orderAddress")
        self.address.setAccessibleName(self.tr("Address"))
        self.address.setPlaceholderText(self.tr("12-301 / 12号楼301"))
        self.address.setToolTip(arg(self.tr("The household's address, in any form: 12-301, 12-2-301, "
                                            "12号楼301, 12栋2单元301 (%1)"), shortcut_text("Ctrl+L")))
        self.address.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 13)
        self.address_label.setBuddy(self.address)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOK_UP_DELAY_MS)
        self._timer.timeout.connect(lambda: self.look_up(loud=False))
        self.address.textEdited.connect(self._address_edited)
        self.address.editingFinished.connect(self._address_left)
        self.address.returnPressed.connect(self.save)

        self.save_button = QPushButton(self.tr("Save order"), self)
        self.save_button.setObjectName("orderSave")
        self.save_button.setAccessibleName(self.tr("Save order"))
        self.save_button.setToolTip(self.tr("Save this household's order and start the next (Enter)"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.hint = QLabel(self.tr("Enter = save, next household"), self)
        self.hint.setObjectName("orderHint")
        self.hint.setStyleSheet(MUTED_STYLE)

        self.household_label = QLabel(self)
        self.household_label.setObjectName("orderHousehold")
        self.household_label.setAccessibleName(self.tr("Household found"))
        self.household_label.setStyleSheet(MUTED_STYLE)
        # Always a line high, so the table does not jump while an address is typed.
        self.household_label.setMinimumHeight(self.fontMetrics().height() + 2)

        self.error_box = QWidget(self)
        error_row = self._error_row = QHBoxLayout(self.error_box)
        error_row.setContentsMargins(0, 0, 0, 0)
        self.error = QLabel(self.error_box)
        self.error.setObjectName("orderError")
        self.error.setAccessibleName(self.tr("Problem with the order"))
        self.error.setStyleSheet(FIELD_ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button = QPushButton(self.error_box)
        self.add_button.setObjectName("orderAddHousehold")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.addHousehold.emit(self._unknown_address))
        error_row.addWidget(self.error)
        error_row.addSpacing(8)
        error_row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        error_row.addStretch(0)
        self.error_box.hide()

        self.closed_note = QLabel(self)
        self.closed_note.setObjectName("orderClosed")
        self.closed_note.setAccessibleName(self.tr("Why no orders are taken"))
        self.closed_note.setStyleSheet(MUTED_STYLE)
        self.closed_note.setWordWrap(True)
        self.closed_note.hide()

        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        holder = QWidget(self)
        holder.setLayout(self.grid)
        layout.addWidget(holder)
        layout.addWidget(self.closed_note)
        self._lay_out()

    # ---- the buy and its items ----

    def set_buy(self, buy: GroupBuy, items: Sequence[Item]) -> None:
        """Show the fields for this buy's items; what was typed stays when the items are the same."""
        same = self._buy is not None and self._buy.id == buy.id and \
            [i.id for i in items] == [i.id for i in self.items]
        self._buy = buy
        self.items = list(items)
        if not same:
            self._build_fields()
            self.clear()
        else:
            for label, item in zip(self._labels, self.items, strict=True):
                label.setText(self._item_heading(item))
        try:
            from desktop.orders import require_open

            require_open(buy)
            taking = bool(self.items)
            self.closed_note.hide()
        except BadInput as error:
            taking = False
            self.closed_note.setText(describe(error))
            self.closed_note.show()
        self.set_taking(taking)

    def set_taking(self, taking: bool) -> None:
        """Only a buy that takes orders shows the entry row; any other says why in its place."""
        for widget in (self.address, self.save_button, *self.fields):
            widget.setEnabled(taking)
        for widget in (self.address, self.address_label, self.save_button, self.hint,
                       self.household_label, *self.fields, *self._labels):
            widget.setVisible(taking)
        if not taking:
            self.error_box.hide()

    def refuse(self, sentence: str) -> None:
        """The file may not be changed: no entry row, and why."""
        self.set_taking(False)
        self.closed_note.setText(sentence)
        self.closed_note.show()

    def _item_heading(self, item: Item) -> str:
        return f"{item.name} {format_fen(item.price_fen)}"

    def _build_fields(self) -> None:
        for widget in (*self.fields, *self._labels):
            self.grid.removeWidget(widget)
            widget.hide()  # gone from the screen now, deleted once back in the event loop
            widget.deleteLater()
        self.fields, self._labels = [], []
        em = self.fontMetrics().horizontalAdvance("M")
        for position, item in enumerate(self.items):
            label = QLabel(self._item_heading(item), self)
            label.setStyleSheet(MUTED_STYLE)
            # One line while there is room; many items fit a narrow window on two lines.
            label.setWordWrap(True)
            label.setMinimumWidth(min(label.fontMetrics().horizontalAdvance(label.text()) + 4, em * 12))
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            field = QLineEdit(self)
            field.setObjectName(f"orderQuantity{position}")
            field.setAccessibleName(arg(self.tr("Quantity of %1"), item.name))
            if item.cap:
                field.setToolTip(arg(self.tr("How many %1 (%2 each, at most %3 per household); "
                                             "empty for none"),
                                     item.name, format_fen(item.price_fen), item.cap))
            else:
                field.setToolTip(arg(self.tr("How many %1 (%2 each); empty for none"),
                                     item.name, format_fen(item.price_fen)))
            # The cap waits in the empty field, where the number is typed.
            field.setPlaceholderText(arg(self.tr("at most %1"), item.cap) if item.cap else "0")
            field.setAlignment(Qt.AlignmentFlag.AlignCenter)
            field.setMinimumWidth(em * 4)
            field.setMaximumWidth(em * 14)
            field.returnPressed.connect(self.save)
            field.installEventFilter(self)
            field.textEdited.connect(lambda _text, f=field: self._quantity_edited(f))
            label.setBuddy(field)
            self.fields.append(field)
            self._labels.append(label)
        self._lay_out()

    def _lay_out(self) -> None:
        count = len(self.fields)
        self.grid.addWidget(self.address_label, 0, 0)
        self.grid.addWidget(self.address, 1, 0)
        for position, (label, field) in enumerate(zip(self._labels, self.fields, strict=True)):
            self.grid.addWidget(label, 0, 1 + position)
            self.grid.addWidget(field, 1, 1 + position)
        self.grid.addWidget(self.save_button, 1, count + 1)
        self.grid.addWidget(self.hint, 1, count + 2)
        self.grid.addWidget(self.household_label, 2, 0, 1, count + 3)
        for column in range(count + 3):
            self.grid.setColumnStretch(column, 0)
        self.grid.setColumnStretch(count + 2, 1)
        self._place_error(0)
        previous = self.address
        for field in self.fields:
            QWidget.setTabOrder(previous, field)
            previous = field
        QWidget.setTabOrder(previous, self.save_button)
        QWidget.setTabOrder(self.save_button, self.add_button)

    def _place_error(self, column: int) -> None:
        """The sentence starts right under the field it is about."""
        self.grid.removeWidget(self.error_box)
        span = len(self.fields) + 3 - column
        # About the address, the household line is empty: the sentence takes its place.
        self.grid.addWidget(self.error_box, 2 if column == 0 else 3, column, 1, span)

    # ---- the address ----

    def eventFilter(self, watched, event) -> bool:
        # Tabbing on before the pause that looks the address up: look it up now, so a household's
        # order is in its fields before the first quantity is typed.
        if event.type() == QEvent.Type.FocusIn and watched in self.fields and self._timer.isActive():
            self.look_up(loud=True)
        return super().eventFilter(watched, event)

    def focus_address(self) -> None:
        self.address.setFocus()
        self.address.selectAll()

    def _address_edited(self, _text: str) -> None:
        mark_invalid(self.address, False)
        self._hide_error()
        self._timer.start()

    def _address_left(self) -> None:
        self._timer.stop()
        if self.address.text().strip():
            self.look_up(loud=True)

    def look_up(self, *, loud: bool) -> Household | None:
        """Who lives at the address typed; loads their order here, if any. `loud` says what is
        wrong with the address; quiet (while typing) only shows the household once found."""
        self._timer.stop()
        text = self.address.text().strip()
        self.add_button.hide()
        if not text:
            self._show_household(None)
            return None
        try:
            canonical = parse_address(text).canonical
            household = find_household(self._conn, canonical)
        except BadInput as error:
            self._show_household(None)
            if loud:
                self.show_error(error, focus=False)
            return None
        except sqlite3.DatabaseError:
            return None
        if household is None:
            self._show_household(None)
            if loud:
                self._unknown_address = canonical
                self.show_error(BadInput("household_not_found", "address", address=canonical), focus=False)
                self.error.setText(arg(self.tr("No household at %1 in the roster."), canonical))
                self.add_button.setText(arg(self.tr("&Add household %1…"), canonical))
                self.add_button.setAccessibleName(arg(self.tr("Add household %1"), canonical))
                self.add_button.setToolTip(arg(self.tr("Add the household at %1 to the roster (%2)"),
                                               canonical, shortcut_text("Alt+A")))
                self.add_button.show()
                # A short sentence with its button right after it.
                self.error.setWordWrap(False)
                self._error_row.setStretch(0, 0)
                self._error_row.setStretch(3, 1)
            return None
        self._show_household(household)
        return household

    def _show_household(self, household: Household | None) -> None:
        previous = self._household
        self._household = household
        if household is None:
            if self._loaded:
                self._clear_quantities()
            self._say_household("")
            return
        if previous is None or previous.id != household.id:
            if self._loaded:
                self._clear_quantities()
            order = None
            if self._buy is not None:
                order = find_table_order(self._conn, self._buy.id, household.id)
            if order is not None and not order.cancelled:
                quantities = {line.item_id: line.quantity for line in order.lines}
                for item, field in zip(self.items, self.fields, strict=True):
                    field.setText(str(quantities[item.id]) if item.id in quantities else "")
                self._loaded = True
        who = " · ".join(part for part in (
            household.address, household.name, *(flag_label(f) for f in household.flags)) if part)
        if self._loaded:
            self._say_household(arg(self.tr("%1 — already ordered: change the quantities, "
                                                     "Enter saves the change"), who))
        else:
            self._say_household(arg(self.tr("%1 — new order"), who))

    def _say_household(self, text: str) -> None:
        self.household_label.setText(text)

    # ---- saving ----

    def save(self) -> PlacedOrder | None:
        if self._buy is None or not self.address.isEnabled():
            return None
        household = self.look_up(loud=True)
        if household is None:
            if not self.address.text().strip():
                self.show_error(BadInput("address_empty", "address"))
            else:
                focus_field(self.address)
            return None
        quantities = [(item.id, field.text()) for item, field in zip(self.items, self.fields, strict=True)]
        try:
            placed = place_household_order(self._conn, self._buy.id, household.id, quantities)
        except DeskError as error:
            self.show_error(error)
            return None
        self.clear()
        self.address.setFocus()
        self.saved.emit(placed)
        return placed

    def clear(self) -> None:
        self._timer.stop()
        self.address.clear()
        self._clear_quantities()
        self._household = None
        self._say_household("")
        self._hide_error()

    def _clear_quantities(self) -> None:
        for field in self.fields:
            field.clear()
            mark_invalid(field, False)
        self._loaded = False

    # ---- errors, beside the field they are about ----

    def show_error(self, error: DeskError, *, focus: bool = True) -> None:
        if isinstance(error, DatabaseUnusable):
            self.file_error = show_error_box(self, error)
            return
        field: QLineEdit | None = None
        column = 0
        if error.field == "address":
            field = self.address
            self._say_household("")
        elif error.field in ("quantity", "item") and self.fields:
            name = str(error.data.get("item", ""))
            position = next((i for i, item in enumerate(self.items) if item.name == name), 0)
            field = self.fields[position]
            column = 1 + position
        self.add_button.hide()
        self.error.setWordWrap(True)
        self._error_row.setStretch(0, 1)
        self._error_row.setStretch(3, 0)
        self.error.setText(describe(error))
        self._place_error(column)
        self.error_box.show()
        if field is not None:
            mark_invalid(field, True)
            field.setAccessibleDescription(describe(error))
            if focus:
                focus_field(field)

    def _hide_error(self) -> None:
        self.error_box.hide()
        self.error.clear()
        self.add_button.hide()
        for field in (self.address, *self.fields):
            mark_invalid(field, False)
            field.setAccessibleDescription("")

    def _quantity_edited(self, field: QLineEdit) -> None:
        mark_invalid(field, False)
        field.setAccessibleDescription("")
        if not self.address.property("invalid"):
            self.error_box.hide()
