"""Pieces the group buy and supplier pages share: columns fitted to what they hold, fields marked
invalid, and a row of buttons that wraps."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QLayout,
    QLayoutItem,
    QLineEdit,
    QTableView,
    QWidget,
)

FIT_ROWS = 100  # columns are fitted to this many rows, not to thousands


def fit_columns(table: QTableView, minimum_em: float = 5, maximum_em: float = 24) -> None:
    """Columns as wide as what they hold, within reason; the last takes what is left. Only the
    first rows are measured: a list of thousands is fitted as fast as a short one."""
    em = table.fontMetrics().horizontalAdvance("M")
    table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
    table.resizeColumnsToContents()
    for column in range(table.model().columnCount()):
        width = table.columnWidth(column) + 12
        table.setColumnWidth(column, int(max(minimum_em * em, min(width, maximum_em * em))))


def mark_invalid(field: QWidget, invalid: bool) -> None:
    if field.property("invalid") == invalid:
        return
    field.setProperty("invalid", invalid)
    field.style().unpolish(field)
    field.style().polish(field)


def focus_field(field: QWidget) -> None:
    field.setFocus()
    if isinstance(field, QLineEdit):
        field.selectAll()


class FlowLayout(QLayout):
    """Widgets in a row that wraps onto the next line when the page is narrow, so a row of
    buttons never makes the window wider than a small laptop screen."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._heights: dict[int, int] = {}  # height for a width, until something in it changes
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:  # asked many times over while a page lays out: worked out once
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(item.sizeHint().width() + self._spacing for item in self._visible())
        height = max((item.sizeHint().height() for item in self._visible()), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not (item.widget() and item.widget().isHidden())]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()
