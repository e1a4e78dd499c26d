"""The order entry's items: their scrolling area, and going to one by its letters or its number.

`xh` goes to 西红柿 (the pinyin code shown beside each item), `/12` to item 12; a digit that makes
no longer item number is the quantity of the item before it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QFrame, QLineEdit, QScrollArea, QSizePolicy, QWidget

from desktop.ui.buys.buy_common import focus_field
from desktop.ui.common import arg

ITEM_ROWS_SHOWN = 4  # rows of items visible at once; more scroll inside their area
NUMBER_KEY = "/"  # `/12` goes to item 12
_JUMP_KEYS = frozenset(chr(c) for c in range(ord("a"), ord("z") + 1)) | {NUMBER_KEY}


class ItemsArea(QScrollArea):
    """The item cells, wrapped to the page's width; as high as they need up to a few rows."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("orderItems")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.row_height = 0

    def _content_height(self, width: int) -> int:
        inner = self.widget()
        if inner is None or inner.layout() is None:
            return 0
        return inner.layout().heightForWidth(max(width, 1))

    def sizeHint(self) -> QSize:
        width = self.viewport().width() if self.isVisible() else self.width()
        needed = self._content_height(width)
        cap = self.row_height * ITEM_ROWS_SHOWN + 6 * (ITEM_ROWS_SHOWN - 1) if self.row_height else needed
        return QSize(super().sizeHint().width(), min(needed, cap) + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, min(self.sizeHint().height(), self.row_height + 2))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()


class ItemKeys:
    """The keys that choose an item, for the order entry (which has `fields`, `items`, `finder`,
    `address`, `jump_label`, `look_up` and `_quantity_edited`)."""


    def _key(self, watched: QLineEdit, event) -> bool:
        """Handles a key that chooses an item; True when it was used up."""
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                | Qt.KeyboardModifier.MetaModifier):
            return False
        text = event.text().lower()
        if self._number is not None:
            return self._number_key(event, text)
        if text not in _JUMP_KEYS or not self.fields:
            if watched in self.fields and text:
                self._letters = ""  # a quantity typed: the next letters name another item
            return False
        if watched is self.address:
            # The address is complete: find the household (and its order) before going on.
            if not self.address.text().strip() or self.look_up(loud=True) is None:
                if self.address.text().strip():
                    focus_field(self.address)
                    return True
                return False
            self._letters = ""
        if text == NUMBER_KEY:
            self._number = ""
            self._say_jump(QCoreApplication.translate("OrderEntry", "item number…"))
            return True
        self._letters += text
        position = self.finder.by_letters(self._letters)
        if position is None:
            self._letters = text
            position = self.finder.by_letters(text)
        if position is None:
            self._letters = ""
            self._say_jump(arg(QCoreApplication.translate("OrderEntry", "no item for “%1”"), text))
            return True
        self._go_to(position, self._letters)
        return True

    def _number_key(self, event, text: str) -> bool:
        digits = self._number or ""
        if text.isdigit() and len(text) == 1:
            position, longer = self.finder.by_number(digits + text)
            if position is not None and not longer:
                self._number = None
                self._go_to(position, f"/{digits}{text}")
                return True
            if position is None and not longer:
                # Item 4 of forty, then 3: there is no item 43, so the 3 is item 4's quantity.
                before, _ = self.finder.by_number(digits)
                self._number = None
                if before is None:
                    self._say_jump(arg(QCoreApplication.translate("OrderEntry", "no item %1"), digits + text))
                    return True
                self._go_to(before, f"/{digits}")
                self.fields[before].insert(text)
                self._quantity_edited(self.fields[before])
                return True
            self._number = digits + text
            self._say_jump(f"/{self._number}…")
            return True
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            position, _ = self.finder.by_number(digits)
            self._number = None
            if position is None:
                self._say_jump(arg(QCoreApplication.translate("OrderEntry", "no item %1"), digits) if digits else "")
            else:
                self._go_to(position, f"/{digits}")
            return True
        if event.key() == Qt.Key.Key_Escape or text:
            self._number = None
            self._say_jump("")
            return True
        return False

    def _go_to(self, position: int, typed: str) -> None:
        field = self.fields[position]
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()
        self._say_jump(f"{typed} → {self.items[position].name}")

    def _say_jump(self, text: str) -> None:
        self.jump_label.setText(text)
