"""The roster table: a model over what `search_households` returns, and the delegate that paints flags."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.db import Connection
from desktop.roster.households import Household, search_household_ids, search_households
from desktop.words import word

HOUSEHOLD_ROLE = Qt.ItemDataRole.UserRole + 1
FLAGS_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("address", "name", "people", "phone", "flags", "delivery")
FLAGS_COLUMN = COLUMNS.index("flags")

# Tag colours (background, text): warm for the vulnerable, each kind told apart at a glance.
FLAG_COLOURS = {
    "elderly_alone": ("#fde2c4", "#8a3f00"),
    "infant": ("#fbd5e5", "#8c1d4f"),
    "pregnant": ("#e8dcf7", "#5b2c8f"),
    "chronic_medication": ("#f9d0cc", "#9b1c12"),
    "disability": ("#d3e5fa", "#134f8a"),
    "no_smartphone": ("#e4e6e8", "#3c4248"),
}
MORE_COLOURS = ("#ffffff", "#555555")
DOOR_COLOUR = "#0b57d0"  # door deliveries stand out: someone has to carry those bags up


def flag_label(flag: str) -> str:
    """The short word for a flag on a tag and a checkbox, in the user's language."""
    return word("flag", flag)


def delivery_label(delivery: str) -> str:
    return word("delivery", delivery if delivery == "door" else "pickup")


class RosterModel(QAbstractTableModel):
    """Households as the service finds them for a query. `refresh()` asks the service again.
    A big roster is read once off the GUI thread and held (`hold`); a search then reads only
    the ids of the households it finds (`search_held`), not thousands of households at each key."""

    def __init__(self, conn: Connection, parent=None) -> None:
        super().__init__(parent)
        self._conn = conn
        self._households: list[Household] = []
        self._everyone: list[Household] | None = None  # the whole roster, held for searching
        self._by_id: dict[int, Household] = {}
        self.query = ""

    # ---- what the page calls ----

    def refresh(self, query: str | None = None) -> None:
        """Search again: with a new query, or the last one (after a save or an import)."""
        if query is not None:
            self.query = query
        households = search_households(self._conn, self.query)  # may fail: then nothing changes
        self.beginResetModel()
        self._households = households
        self.endResetModel()

    def show(self, query: str, households: list[Household]) -> None:
        """What a search made elsewhere (in a worker) found for `query`."""
        self.query = query
        self.beginResetModel()
        self._households = households
        self.endResetModel()

    def hold(self, everyone: list[Household]) -> None:
        """The whole roster as read just now (in a worker), kept for the searches that follow."""
        self._everyone = everyone
        self._by_id = {household.id: household for household in everyone}

    def forget(self) -> None:
        """The roster changed: what is held is stale until it is read again."""
        self._everyone, self._by_id = None, {}

    @property
    def holding(self) -> bool:
        return self._everyone is not None

    def search_held(self, query: str) -> bool:
        """Show the held households that `query` finds, in the service's order; False (nothing
        changed) when none are held or the file has a household the held roster lacks."""
        if self._everyone is None:
            return False
        ids = search_household_ids(self._conn, query)  # may fail: then nothing changes
        if ids is None:
            found = self._everyone
        else:
            try:
                found = [self._by_id[household_id] for household_id in ids]
            except KeyError:  # added elsewhere since the roster was read
                self.forget()
                return False
        self.show(query, found)
        return True

    def clear(self) -> None:
        self.beginResetModel()
        self._households = []
        self.endResetModel()

    def household_at(self, row: int) -> Household:
        return self._households[row]

    def row_of(self, household_id: int) -> int | None:
        for row, household in enumerate(self._households):
            if household.id == household_id:
                return row
        return None

    # ---- QAbstractTableModel ----

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._households)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            self.tr("Address"),
            self.tr("Name"),
            self.tr("People"),
            self.tr("Phone"),
            self.tr("Flags"),
            self.tr("Delivery"),
        )
        return headers[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        household = self._households[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(household, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not household.active:
                return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            if column == "delivery" and household.delivery == "door":
                return QColor(DOOR_COLOUR)
            return None
        if role == Qt.ItemDataRole.FontRole and household.active and (
            column == "address" or (column == "delivery" and household.delivery == "door")
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "people":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not household.active:
                return self.tr("No longer active: moved out or not served")
            if column == "flags" and household.flags:
                return self._text(household, column)
            return household.notes or None
        if role == HOUSEHOLD_ROLE:
            return household
        if role == FLAGS_ROLE:
            return household.flags
        return None

    def _text(self, household: Household, column: str) -> str:
        if column == "address":
            return household.address
        if column == "name":
            return household.name
        if column == "people":
            return str(household.people)
        if column == "phone":
            return household.masked_phone
        if column == "flags":
            return " · ".join(flag_label(flag) for flag in household.flags)
        if column == "delivery":
            return delivery_label(household.delivery)
        return ""


class FlagTagDelegate(QStyledItemDelegate):
    """Flags as small coloured tags; the ones that do not fit become “+2”."""

    H_PAD = 6
    GAP = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        flags = index.data(FLAGS_ROLE) or ()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the tags are the text
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not flags:
            return
        household = index.data(HOUSEHOLD_ROLE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if household is not None and not household.active:
            painter.setOpacity(0.45)
        metrics = opt.fontMetrics
        rect = option.rect.adjusted(4, 0, -4, 0)
        height = min(rect.height() - 6, metrics.height() + 4)
        top = rect.top() + (rect.height() - height) // 2
        labels = [(flag, flag_label(flag)) for flag in flags]

        def tag_width(text: str) -> int:
            return metrics.horizontalAdvance(text) + 2 * self.H_PAD

        x = rect.left()
        for position, (flag, label) in enumerate(labels):
            after = len(labels) - position - 1
            reserve = self.GAP + tag_width(f"+{after}") if after else 0
            if x + tag_width(label) + reserve > rect.right():
                more = f"+{len(labels) - position}"
                self._draw_tag(painter, QRect(x, top, tag_width(more), height), more, MORE_COLOURS, True)
                break
            self._draw_tag(painter, QRect(x, top, tag_width(label), height), label, FLAG_COLOURS[flag])
            x += tag_width(label) + self.GAP
        painter.restore()

    def _draw_tag(
        self, painter: QPainter, rect: QRect, text: str, colours: tuple[str, str], outline: bool = False
    ) -> None:
        background, foreground = colours
        painter.setPen(QColor("#9a9a9a") if outline else Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor(foreground))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        flags = index.data(FLAGS_ROLE) or ()
        metrics = option.fontMetrics
        width = 8 + sum(metrics.horizontalAdvance(flag_label(f)) + 2 * self.H_PAD + self.GAP for f in flags)
        return QSize(width, metrics.height() + 10)
