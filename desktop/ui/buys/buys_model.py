"""The group buy tables (the list of buys, one buy's orders, plain preview tables) and the words the
window uses for statuses, storage classes, payment methods, shortage rules and causes of cancelling."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from desktop.buys.group_buys import BuyDetails, BuySummary, OrderView
from desktop.money import format_fen
from desktop.ui.common import arg
from desktop.ui.forms import ERROR_COLOUR, MUTED_COLOUR
from desktop.words import word

BUY_ROLE = Qt.ItemDataRole.UserRole + 1
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2
ORDER_ROLE = Qt.ItemDataRole.UserRole + 3

BUY_COLUMNS = ("title", "supplier", "status", "deadline", "progress", "collected")
PROGRESS_COLUMN = BUY_COLUMNS.index("progress")

MUTED = MUTED_COLOUR
RED = ERROR_COLOUR
AMBER_TEXT = "#8a5a00"
AMBER_BACKGROUND = "#fef7e0"
GREEN = "#1b6e2a"
# Statuses whose buys are over: shown quieter in the list.
FINISHED = frozenset({"settled", "cancelled"})


# lupdate reads `translate("Buys", "…")` calls with their words written out.
translate = QCoreApplication.translate


def status_label(status: str) -> str:
    """A status as the lobby says it (the same words as the command line's)."""
    return word("buy_status", status)


def storage_label(storage: str) -> str:
    return word("storage", storage)


def method_label(method: str) -> str:
    return word("payment_method", method)


def policy_label(policy: str) -> str:
    labels = {
        "vulnerable-first": translate("Buys", "Vulnerable first"),
        "pro-rata": translate("Buys", "Pro rata"),
        "first-come": translate("Buys", "First come"),
    }
    return labels.get(policy, policy)


def policy_hint(policy: str) -> str:
    hints = {
        "vulnerable-first": translate(
            "Buys", "Households flagged elderly alone, infant, pregnant, chronic medication or "
                    "disability are served in full first; then the rest by order time."),
        "pro-rata": translate(
            "Buys", "Everyone gets the same share of what they ordered; units left over go to the "
                    "largest remainders."),
        "first-come": translate("Buys", "Orders are served in full in the order they were placed."),
    }
    return hints.get(policy, "")


def cause_label(cause: str) -> str:
    labels = {
        "turned_down": translate("Buys", "The supplier turned it down"),
        "minimum_not_met": translate("Buys", "The minimum was not reached"),
        "spoiled": translate("Buys", "The goods spoiled or were damaged"),
        "other": translate("Buys", "Another reason"),
    }
    return labels.get(cause, cause)


def local_moment(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()


def deadline_text(iso: str | None, *, short: bool = False) -> str:
    """A deadline on this laptop's clock: `20:00` today, `11-22 20:00` this year, else in full."""
    if not iso:
        return ""
    moment = local_moment(iso)
    if not short:
        return moment.strftime("%Y-%m-%d %H:%M")
    now = datetime.now().astimezone()
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    if moment.year == now.year:
        return moment.strftime("%m-%d %H:%M")
    return moment.strftime("%Y-%m-%d %H:%M")


def deadline_passed(iso: str | None) -> bool:
    return bool(iso) and local_moment(iso) < datetime.now().astimezone()


def progress_text(ordered: int, minimum: int | None) -> str:
    """`42/30 ✓` once the minimum is reached, `12/30` before, `42` with no minimum."""
    if not minimum:
        return str(ordered)
    return f"{ordered}/{minimum} ✓" if ordered >= minimum else f"{ordered}/{minimum}"


def progress_sentence(ordered: int, minimum: int | None) -> str:
    if not minimum:
        return arg(translate("Buys", "%1 ordered"), ordered)
    if ordered >= minimum:
        return arg(translate("Buys", "%1/%2 ✓ minimum reached"), ordered, minimum)
    return arg(translate("Buys", "%1/%2 · %3 more to the minimum"), ordered, minimum, minimum - ordered)


class BuysModel(QAbstractTableModel):
    """Every group buy, newest first, as `list_buys` gives them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._buys: list[BuySummary] = []

    def set_buys(self, buys: Sequence[BuySummary]) -> None:
        self.beginResetModel()
        self._buys = list(buys)
        self.endResetModel()

    def buy_at(self, row: int) -> BuySummary:
        return self._buys[row]

    def row_of(self, buy_id: int) -> int | None:
        for row, summary in enumerate(self._buys):
            if summary.buy.id == buy_id:
                return row
        return None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._buys)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BUY_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Group buy"), self.tr("Supplier"), self.tr("Status"), self.tr("Deadline"),
                self.tr("Ordered / minimum"), self.tr("Collected"))[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        summary = self._buys[index.row()]
        buy = summary.buy
        column = BUY_COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == "title":
                return buy.title
            if column == "supplier":
                return buy.supplier or "—"
            if column == "status":
                return word("distribution_status", buy.status) if buy.free else status_label(buy.status)
            if column == "deadline":
                return deadline_text(buy.deadline) or "—"
            if column == "progress":
                return progress_text(summary.ordered, buy.minimum)
            if column == "collected":
                return word("free", "label") if buy.free else format_fen(summary.collected_fen)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "progress":
                return progress_sentence(summary.ordered, buy.minimum)
            if column == "collected" and summary.refunded_fen:
                return arg(self.tr("Refunded %1"), format_fen(summary.refunded_fen))
            if column == "deadline" and buy.status == "open" and deadline_passed(buy.deadline):
                return self.tr("The deadline has passed: close the buy when orders are in")
            if column == "title" and buy.status == "cancelled" and buy.cancel_reason:
                return buy.cancel_reason
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if buy.status in FINISHED:
                return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            if column == "deadline" and buy.status == "open" and deadline_passed(buy.deadline):
                return QColor(RED)
            return None
        if role == Qt.ItemDataRole.FontRole and column == "title":
            font = QFont()
            font.setBold(buy.status not in FINISHED)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "collected":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PROGRESS_ROLE:
            return summary.ordered, buy.minimum
        if role == BUY_ROLE:
            return summary
        return None


class ProgressDelegate(QStyledItemDelegate):
    """Ordered against the minimum as a bar with its numbers; just the number with no minimum."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        ordered, minimum = index.data(PROGRESS_ROLE) or (0, None)
        if not minimum:
            super().paint(painter, option, index)
            return
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        style = view.widget.style() if view.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, view.widget)
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(option.rect.adjusted(4, 4, -4, -4))
        bar.minimum = 0
        bar.maximum = minimum
        bar.progress = min(ordered, minimum)
        bar.text = progress_text(ordered, minimum)
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        palette = QPalette(option.palette)
        if ordered >= minimum:
            palette.setColor(QPalette.ColorRole.Highlight, QColor("#34a853"))
        bar.palette = palette
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, view.widget)


@dataclass(frozen=True)
class ItemColumn:
    item_id: int
    name: str


class OrdersModel(QAbstractTableModel):
    """One buy's orders: the address, a column per item, then due, paid and refund owed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._orders: list[OrderView] = []
        self._items: list[ItemColumn] = []
        # Households with several orders in the buy: their money is settled over all of them.
        self._shared: dict[int, object] = {}

    def set_details(self, details: BuyDetails | None) -> None:
        self.beginResetModel()
        if details is None:
            self._orders, self._items, self._shared = [], [], {}
        else:
            self._orders = list(details.orders)
            self._items = [ItemColumn(total.item.id, total.item.name) for total in details.items]
            self._shared = {h.household_id: h for h in details.households
                            if h.household_id is not None and len(h.order_ids) > 1}
        self.endResetModel()

    def household_money(self, order: OrderView):
        """The household's money over all its orders, when it has more than this one."""
        return self._shared.get(order.household_id)

    def order_at(self, row: int) -> OrderView:
        return self._orders[row]

    def row_of(self, order_id: int) -> int | None:
        for row, order in enumerate(self._orders):
            if order.order_id == order_id:
                return row
        return None

    def column_names(self) -> list[str]:
        return ["address", *(f"item:{item.item_id}" for item in self._items), "due", "paid", "refund"]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._orders)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items) + 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role not in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section == 0:
            return self.tr("Address")
        if section <= len(self._items):
            return self._items[section - 1].name
        return (self.tr("Due"), self.tr("Paid"), self.tr("Refund owed"))[section - len(self._items) - 1]

    def _address(self, order: OrderView) -> str:
        if order.address:
            return order.address
        who = order.buyer_name or (order.external_ref or "")
        return arg(self.tr("unplaced (%1)"), who) if who else self.tr("unplaced")

    def _line_text(self, order: OrderView, item_id: int) -> str:
        for line in order.lines:
            if line.item_id == item_id:
                if line.allocated is not None and line.allocated != line.quantity:
                    return f"{line.quantity} → {line.allocated}"
                return str(line.quantity)
        return ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        order = self._orders[index.row()]
        column = index.column()
        last_item = len(self._items)
        money = order.money
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return self._address(order)
            if column <= last_item:
                return self._line_text(order, self._items[column - 1].item_id)
            kind = column - last_item - 1
            if kind == 0:
                return format_fen(money.due_fen)
            if kind == 1:
                return format_fen(money.paid_fen)
            return format_fen(money.refund_due_fen) if money.refund_due_fen else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if order.cancelled:
                return self.tr("Cancelled: nothing is due; what was paid is owed back")
            if 0 < column <= last_item:
                for line in order.lines:
                    if line.item_id == self._items[column - 1].item_id and line.allocated is not None \
                            and line.allocated != line.quantity:
                        return arg(self.tr("Ordered %1, allocated %2"), line.quantity, line.allocated)
            shared = self._shared.get(order.household_id)
            if (column > last_item or column == 0) and shared is not None:
                return arg(self.tr("Settled over this household's %1 orders: due %2, paid %3 in all; "
                                   "still owes %4, refund owed %5"),
                           len(shared.order_ids), format_fen(shared.due_fen),
                           format_fen(shared.paid_fen), format_fen(shared.owing_fen),
                           format_fen(shared.refund_due_fen))
            if column == last_item + 2 and money.owing_fen and not order.cancelled:
                return arg(self.tr("Still owes %1"), format_fen(money.owing_fen))
            if column == 0 and order.buyer_name:
                return order.buyer_name
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == last_item + 3 and money.refund_due_fen:
                return QColor(AMBER_TEXT)
            if order.cancelled:
                return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            if column == last_item + 2 and money.owing_fen:
                return QColor(RED)
            if column == last_item + 3 and money.refund_due_fen:
                return QColor(AMBER_TEXT)
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == last_item + 3 and money.refund_due_fen:
            return QColor(AMBER_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if order.cancelled and column <= last_item + 1:
                # What was ordered and due is void; what was paid and is owed back is not.
                font.setStrikeOut(True)
                return font
            if column == 0:
                font.setBold(bool(order.address))
                font.setItalic(not order.address)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            if column <= last_item:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ORDER_ROLE:
            return order
        return None


@dataclass(frozen=True)
class Row:
    """A row of a preview table: what each cell says, and how the row stands out."""

    cells: tuple[str, ...]
    tone: str = ""  # '', 'warn' or 'muted'
    tooltip: str = ""
    bold: bool = False


class RowsModel(QAbstractTableModel):
    """A read-only table of prepared rows, for previews and short lists."""

    def __init__(self, headers: Sequence[str], parent=None, *, right_aligned: Sequence[int] = ()) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Row] = []
        self._right = set(right_aligned)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def texts(self, column: int) -> list[str]:
        return [row.cells[column] for row in self._rows]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or row.cells[index.column()] or None
        if role == Qt.ItemDataRole.BackgroundRole and row.tone == "warn":
            return QColor(AMBER_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.tone == "warn":
                return QColor(AMBER_TEXT)
            if row.tone == "muted":
                return QColor(MUTED)
            return None
        if role == Qt.ItemDataRole.FontRole and row.bold and index.column() == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def record_summary(record) -> str:
    """A supplier's record here in one line."""
    return arg(translate("Buys", "Record here: group buys %1 · delivered in full %2 · "
                                 "delivered short %3 · turned down %4 · complaints %5"),
               record.buys, record.delivered, record.delivered_short, record.turned_down,
               record.complaints)
