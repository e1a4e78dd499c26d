"""Taking orders at the table without the mouse, whatever the number of items.

Type the address in any accepted form, then go to an item by its letters (the pinyin code shown
beside it: `xh` for 西红柿) or by `/` and its number, type the quantity, the next item's letters,
its quantity … and Enter saves; the address field is ready for the next household. A letter right
after the address goes to the item at once, Enter after the address goes to the first item, and
Tab walks the items in order. The items wrap into rows inside their own scrolling area, so forty
items never make the window wider than the screen.

An address of a household that already ordered loads its quantities before any other key is
taken, to change in place (entering a quantity selects it, so typing replaces it); a change that
more than doubles the order's amount asks first. An address not in the roster is said beside the
field, with a button to add the household.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.buys.group_buys import GroupBuy, Item
from desktop.buys.orders import PlacedOrder, find_table_order, place_household_order
from desktop.db import Connection
from desktop.errors import BadInput, DatabaseUnusable, DeskError
from desktop.item_codes import ItemFinder
from desktop.money import format_fen
from desktop.roster.address import parse_address
from desktop.roster.households import Household, find_household
from desktop.ui.buys.buy_common import FlowLayout, focus_field, mark_invalid
from desktop.ui.buys.item_keys import ItemKeys, ItemsArea
from desktop.ui.common import arg, shortcut_text
from desktop.ui.common import show_error as show_error_box
from desktop.ui.forms import FIELD_ERROR_STYLE, INVALID_FIELD_STYLE, MUTED_STYLE, named
from desktop.ui.roster.roster_model import flag_label
from desktop.words import describe

LOOK_UP_DELAY_MS = 200


class OrderEntry(ItemKeys, QWidget):
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
        self._loaded_fen = 0  # the loaded order's amount, to notice a change that more than doubles it
        self._loaded_words = ""
        self.file_error = None
        self.finder = ItemFinder.of([])
        self._letters = ""  # letters typed towards an item
        self._number: str | None = None  # digits typed after `/`, or None
        self.confirm: QMessageBox | None = None

        self.address_label = QLabel(self.tr("Address"), self)
        self.address_label.setStyleSheet(MUTED_STYLE)
        self.address = named(QLineEdit(self), "orderAddress", self.tr("Address"))
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
        self.address.returnPressed.connect(self._address_entered)
        self.address.installEventFilter(self)

        self.save_button = named(QPushButton(self.tr("Save order"), self), "orderSave", self.tr("Save order"))
        self.save_button.setToolTip(self.tr("Save this household's order and start the next (Enter)"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.hint = QLabel(self.tr("Address, then an item's letters or /number, its quantity, "
                                   "… Enter saves"), self)
        self.hint.setObjectName("orderHint")
        self.hint.setStyleSheet(MUTED_STYLE)
        self.hint.setWordWrap(True)
        self.jump_label = named(QLabel(self), "orderJump", self.tr("Item being chosen"))
        self.jump_label.setStyleSheet(MUTED_STYLE)

        self.household_label = named(QLabel(self), "orderHousehold", self.tr("Household found"))
        self.household_label.setStyleSheet(MUTED_STYLE)
        # Always a line high, so the table does not jump while an address is typed.
        self.household_label.setMinimumHeight(self.fontMetrics().height() + 2)

        self.error_box = QWidget(self)
        error_row = self._error_row = QHBoxLayout(self.error_box)
        error_row.setContentsMargins(0, 0, 0, 0)
        self.error = named(QLabel(self.error_box), "orderError", self.tr("Problem with the order"))
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

        self.closed_note = named(QLabel(self), "orderClosed", self.tr("Why no orders are taken"))
        self.closed_note.setStyleSheet(MUTED_STYLE)
        self.closed_note.setWordWrap(True)
        self.closed_note.hide()

        self.items_area = ItemsArea(self)
        self.items_area.setAccessibleName(self.tr("Items and quantities"))
        self._cells_holder = QWidget(self.items_area)
        self.flow = FlowLayout(self._cells_holder, spacing=6)
        self.items_area.setWidget(self._cells_holder)
        self._cells: list[QWidget] = []

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.address_label)
        top.addWidget(self.address)
        top.addWidget(self.save_button)
        top.addWidget(self.jump_label)
        top.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        # The household found and a sentence about a problem each have a line of their own.
        layout.addWidget(self.household_label)
        layout.addWidget(self.error_box)
        layout.addWidget(self.items_area)
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
                if label.toolTip() != self._item_heading(item):  # most reloads change nothing
                    self._set_heading(label, item)
        try:
            from desktop.buys.orders import require_open

            if buy.free:  # its recipients were chosen when it was announced
                raise BadInput("distribution_takes_no_orders", "order")
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
                       self.household_label, self.items_area, self.jump_label):
            widget.setVisible(taking)
        if not taking:
            self.error_box.hide()

    def refuse(self, sentence: str) -> None:
        """The file may not be changed: no entry row, and why."""
        self.set_taking(False)
        self.closed_note.setText(sentence)
        self.closed_note.show()

    def _build_fields(self) -> None:
        for cell in self._cells:
            self.flow.removeWidget(cell)
            cell.hide()  # gone from the screen now, deleted once back in the event loop
            cell.deleteLater()
        self._cells, self.fields, self._labels, self._codes = [], [], [], []
        self.finder = ItemFinder.of([item.name for item in self.items])
        codes = self.finder.codes
        em = self.fontMetrics().horizontalAdvance("M")
        for position, item in enumerate(self.items):
            cell = QWidget(self._cells_holder)
            cell.setObjectName(f"orderItem{position}")
            row = QHBoxLayout(cell)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            code = QLabel(f"<b>{position + 1}</b>&nbsp;<span style='color:#1a73e8'>{codes[position]}</span>", cell)
            code.setObjectName(f"orderItemCode{position}")
            code.setFixedWidth(em * 4)
            code.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label = QLabel(cell)
            label.setStyleSheet(MUTED_STYLE)
            label.setFixedWidth(em * 9)
            self._set_heading(label, item)
            field = named(QLineEdit(cell), f"orderQuantity{position}",
                          arg(self.tr("Quantity of %1"), item.name))
            jump = arg(self.tr("type %1 or /%2 to come here"), codes[position] or "/", position + 1)
            if item.cap:
                field.setToolTip(arg(self.tr("How many %1 (%2 each, at most %3 per household); "
                                             "empty for none"),
                                     item.name, format_fen(item.price_fen), item.cap) + f" · {jump}")
            else:
                field.setToolTip(arg(self.tr("How many %1 (%2 each); empty for none"),
                                     item.name, format_fen(item.price_fen)) + f" · {jump}")
            # The cap waits in the empty field, where the number is typed.
            field.setPlaceholderText(arg(self.tr("≤%1"), item.cap) if item.cap else "0")
            field.setAlignment(Qt.AlignmentFlag.AlignCenter)
            field.setFixedWidth(em * 4)
            # Letters go to the item finder, never to an input method's composition window.
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            field.returnPressed.connect(self.save)
            field.installEventFilter(self)
            field.textEdited.connect(lambda _text, f=field: self._quantity_edited(f))
            label.setBuddy(field)
            row.addWidget(code)
            row.addWidget(label)
            row.addWidget(field)
            cell.setFixedHeight(field.sizeHint().height() + 2)
            self.flow.addWidget(cell)
            cell.show()
            self._cells.append(cell)
            self.fields.append(field)
            self._labels.append(label)
        self.items_area.row_height = self._cells[0].height() if self._cells else 0
        self._lay_out()
        self.items_area.updateGeometry()

    def _lay_out(self) -> None:
        previous = self.address
        for field in self.fields:
            QWidget.setTabOrder(previous, field)
            previous = field
        QWidget.setTabOrder(previous, self.save_button)
        QWidget.setTabOrder(self.save_button, self.add_button)

    def _item_heading(self, item: Item) -> str:
        return f"{item.name} {format_fen(item.price_fen)}"

    def _set_heading(self, label: QLabel, item: Item) -> None:
        """Name and price in the cell's width: a long name gives way, the price stays. A name
        ending in its size, 西瓜(每箱四斤), keeps that end, which tells the sizes apart."""
        price = format_fen(item.price_fen)
        metrics = label.fontMetrics()
        room = label.width() - metrics.horizontalAdvance(" " + price) - 2
        sized = item.name.endswith((")", "）"))
        mode = Qt.TextElideMode.ElideLeft if sized else Qt.TextElideMode.ElideRight
        name = metrics.elidedText(item.name, mode, max(room, 0))
        label.setText(f"{name} {price}")
        label.setToolTip(self._item_heading(item))

    # ---- the address ----

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn and watched in self.fields:
            # Tabbing on before the pause that looks the address up: look it up now, so a
            # household's order is in its fields before the first quantity is typed.
            if self._timer.isActive():
                self.look_up(loud=True)
            cell = watched.parentWidget()
            self.items_area.ensureWidgetVisible(cell, 0, 2)
            # Again once the lines above have settled (the household's line may have appeared).
            QTimer.singleShot(0, lambda c=cell: self.items_area.ensureWidgetVisible(c, 0, 2))
            if event.reason() == Qt.FocusReason.MouseFocusReason:
                # The click places the cursor after focus arrives: select once it has. A click
                # also ends any item letters or number being typed.
                QTimer.singleShot(0, watched.selectAll)
                self._letters, self._number = "", None
                self._say_jump("")
            else:
                watched.selectAll()
        elif kind == QEvent.Type.KeyPress and (watched in self.fields or watched is self.address):
            if self._key(watched, event):
                return True
        return super().eventFilter(watched, event)

    def focus_address(self) -> None:
        self.address.setFocus()
        self.address.selectAll()

    def _address_edited(self, _text: str) -> None:
        mark_invalid(self.address, False)
        self._hide_error()
        self._timer.start()

    def _address_entered(self) -> None:
        """Enter after the address: the household's order loads and the first item is next."""
        if not self.address.text().strip():
            self.save()  # says the address is empty
            return
        if self.look_up(loud=True) is not None and self.fields:
            self._letters = ""
            self._go_to(0, "")
            self._say_jump("")
        else:
            focus_field(self.address)

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
        except DatabaseUnusable:
            return None
        except BadInput as error:
            self._show_household(None)
            if loud:
                self.show_error(error, focus=False)
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
        # The address is a household's: what was said about it no longer holds.
        self._hide_error()
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
                self._loaded_fen = self._amount_fen()
                # With many items most quantities are out of sight: the order is said in words.
                self._loaded_words = "、".join(
                    f"{item.name} ×{quantities[item.id]}" for item in self.items if item.id in quantities)
        who = " · ".join(part for part in (
            household.address, household.name, *(flag_label(f) for f in household.flags)) if part)
        if self._loaded:
            self._say_household(arg(self.tr("%1 — already ordered %2: change the quantities, "
                                            "Enter saves the change"), who, self._loaded_words))
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
        amount = self._amount_fen()
        if self._loaded and self._loaded_fen and amount is not None and amount > 2 * self._loaded_fen:
            self._ask_to_confirm(household, amount)
            return None
        return self._place(household, quantities)

    def _amount_fen(self) -> int | None:
        """What the typed quantities come to, or None while one of them is not a number."""
        total = 0
        for item, field in zip(self.items, self.fields, strict=True):
            text = field.text().strip()
            if not text:
                continue
            if not text.isdigit():
                return None
            total += int(text) * item.price_fen
        return total

    def _ask_to_confirm(self, household: Household, amount: int) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("More than double"),
                          arg(self.tr("This changes the order of %1 from %2 to %3, more than "
                                      "double. Save the change?"),
                              household.address, format_fen(self._loaded_fen), format_fen(amount)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("orderConfirmDouble")
        box.setAccessibleName(self.tr("Confirm a large change"))
        save = box.addButton(arg(self.tr("&Save %1"), format_fen(amount)), QMessageBox.ButtonRole.AcceptRole)
        save.setObjectName("orderConfirmSave")
        back = box.addButton(self.tr("&Check again"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("orderConfirmBack")
        box.setDefaultButton(back)  # a reflex Enter must not save a typo
        box.setEscapeButton(back)
        self.confirm = box

        def answered() -> None:
            self.confirm = None
            if box.clickedButton() is save:
                quantities = [(item.id, field.text())
                              for item, field in zip(self.items, self.fields, strict=True)]
                self._place(household, quantities)
            else:
                changed = next((f for f in self.fields if f.text()), self.fields[0] if self.fields else None)
                if changed is not None:
                    focus_field(changed)

        box.finished.connect(lambda _result: answered())
        box.open()

    def _place(self, household: Household, quantities) -> PlacedOrder | None:
        if self._buy is None:
            return None
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
        self._letters, self._number = "", None
        self._say_jump("")

    def _clear_quantities(self) -> None:
        for field in self.fields:
            field.clear()
            mark_invalid(field, False)
        self._loaded = False
        self._loaded_fen = 0

    # ---- errors, beside the field they are about ----

    def show_error(self, error: DeskError, *, focus: bool = True) -> None:
        if isinstance(error, DatabaseUnusable):
            self.file_error = show_error_box(self, error)
            return
        field: QLineEdit | None = None
        if error.field == "address":
            field = self.address
            self._say_household("")
        elif error.field in ("quantity", "item") and self.fields:
            name = str(error.data.get("item", ""))
            position = next((i for i, item in enumerate(self.items) if item.name == name), 0)
            field = self.fields[position]
        self.add_button.hide()
        self.error.setWordWrap(True)
        self._error_row.setStretch(0, 1)
        self._error_row.setStretch(3, 0)
        self.error.setText(describe(error))
        self.error_box.show()
        if field is not None:
            mark_invalid(field, True)
            field.setAccessibleDescription(describe(error))
            if focus:
                focus_field(field)
                self._letters, self._number = "", None  # the cursor moved: no item is being chosen
                self._say_jump("")

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
