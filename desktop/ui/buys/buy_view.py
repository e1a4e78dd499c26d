"""One group buy: what it is and how far it got, the order entry row, its orders with their money,
and the actions on it (payments, imports, status, arrival, cancel, the supplier's order sheet)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from desktop.buys.group_buys import (
    CANCELLABLE,
    NEXT_STATUSES,
    BuyDetails,
    OrderView,
    buy_details,
    change_status,
    list_items,
    order_count,
)
from desktop.buys.payments import buy_totals
from desktop.buys.suppliers import supplier_record, supplier_warning
from desktop.db import Connection
from desktop.errors import DatabaseUnusable, DeskError
from desktop.lang import current_language
from desktop.money import format_fen
from desktop.ui.buys.buy_common import FlowLayout
from desktop.ui.buys.buys_model import (
    OrdersModel,
    deadline_passed,
    deadline_text,
    progress_sentence,
    record_summary,
    status_label,
    storage_label,
)
from desktop.ui.buys.order_entry import OrderEntry
from desktop.ui.common import arg, show_error
from desktop.ui.forms import (
    ERROR_STYLE,
    MUTED_STYLE,
    NOTICE_STYLE,
    WARNING_STYLE,
    banner,
    larger,
    named,
    read_only_table,
    shortcut_button,
)
from desktop.ui.jobs import Job
from desktop.ui.ops import DbOp
from desktop.ui.roster.household_dialog import HouseholdDialog
from desktop.words import describe, word

# While the supplier has not confirmed, a warning about it still matters: money should wait.
WARN_WHILE = frozenset({"draft", "open", "closed"})
ARRIVAL_FROM = frozenset({"open", "closed", "confirmed", "arrived"})
MANY_ITEMS = 8  # more items than fit a line or two of the page
# A buy of up to this many orders is shown at once; a bigger one is read off the GUI thread.
SHOWN_AT_ONCE = 500


def load_buy(conn: Connection, buy_id: int) -> tuple:
    """Everything the view shows of a buy, read in one go (in a worker for a big buy)."""
    details = buy_details(conn, buy_id)
    record = supplier_record(conn, details.buy.supplier_id) if details.buy.supplier_id else None
    return details, list_items(conn, buy_id), buy_totals(conn, buy_id), record


class BuyView(QWidget):
    """Shows one buy (`show_buy`). Signals: `back()` to the list; `changed()` after anything that
    changes a buy; `householdsChanged()` after a household was added from here; `importKtt()`
    asks the page to import a KuaiTuanTuan export."""

    back = Signal()
    changed = Signal()
    loaded = Signal()  # the buy asked for is on screen
    householdsChanged = Signal()
    importKtt = Signal()

    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("buyView")
        self._conn = conn
        self.buy_id: int | None = None
        self.details: BuyDetails | None = None
        self.dialog = None  # the dialog open over this buy, if any
        self.job: Job | None = None
        self.load_job: Job | None = None
        self._load_again = False
        self._then: list = []  # what waits for the buy being read to be shown
        self._refusal: str | None = None
        self._last_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

        # ---- the header ----
        self.back_button = shortcut_button(self, "buyBack", self.tr("← Group buys"), "Alt+Left",
                                           self.tr("Back to the list of group buys"), self.back.emit,
                                           accessible=self.tr("Back to the group buys"))
        self.header = named(QLabel(self), "buyHeader", self.tr("Group buy"))
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        larger(self.header, bold=True)
        top = QHBoxLayout()
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.header, 1)

        self.warning = banner(self, "buyWarning", self.tr("Warning about this group buy"))
        self.items_line = named(QLabel(self), "buyItems", self.tr("Items"))
        self.items_line.setWordWrap(True)
        self.items_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # ---- the actions ----
        self.pay_button = shortcut_button(self, "buyRecordPayment", self.tr("Record payment…"), "Ctrl+P",
                                          self.tr("Record a payment or a refund for the selected order"),
                                          self.record_payment)
        self.ktt_button = shortcut_button(self, "buyImportKtt", self.tr("Import KuaiTuanTuan…"), "Ctrl+I",
                                          self.tr("Import a KuaiTuanTuan order export (.xlsx)"),
                                          self.importKtt.emit)
        self.chain_button = shortcut_button(self, "buyPasteChain", self.tr("Paste group list…"), "Ctrl+J",
                                            self.tr("Paste a WeChat group list and see what was understood"),
                                            self.paste_chain)
        self.status_button = shortcut_button(self, "buyChangeStatus", self.tr("Change status"), "Ctrl+T",
                                             self.tr("Move the group buy on: close, confirmed, settled…"),
                                             lambda: None)  # the button opens its menu
        self.status_menu = named(QMenu(self.status_button), "buyStatusMenu",
                                 self.tr("Statuses this group buy can move to"))
        self.status_button.setMenu(self.status_menu)
        self.arrival_button = shortcut_button(self, "buyArrival", self.tr("Arrival…"), "Ctrl+R",
                                              self.tr("Record what the supplier delivered and share out a shortfall"),
                                              self.record_arrival)
        self.cancel_button = shortcut_button(self, "buyCancel", self.tr("Cancel buy…"), "Ctrl+Shift+X",
                                             self.tr("Cancel the group buy, with a reason; lists the refunds owed"),
                                             self.cancel_buy, accessible=self.tr("Cancel the group buy"))
        self.sheet_button = shortcut_button(self, "buyOrderSheet", self.tr("Supplier order sheet…"),
                                            "Ctrl+Shift+E",
                                            self.tr("Save the totals per item for the supplier (Excel or CSV)"),
                                            self.save_order_sheet)
        self.print_sheet_button = shortcut_button(
            self, "buyPrintOrderSheet", self.tr("Print order sheet…"), "Ctrl+Shift+O",
            self.tr("Print the totals per item for the supplier on an A4 sheet"),
            self.print_order_sheet)
        actions = FlowLayout()
        for button in (self.pay_button, self.chain_button, self.ktt_button, self.status_button,
                       self.arrival_button, self.cancel_button, self.sheet_button,
                       self.print_sheet_button):
            actions.addWidget(button)

        # ---- order entry ----
        self.entry = OrderEntry(conn, self)
        self.entry.saved.connect(self._order_saved)
        self.entry.addHousehold.connect(self.add_household)
        QShortcut(QKeySequence("Ctrl+L"), self, self.entry.focus_address)

        self.notice = banner(self, "buyNotice", self.tr("Result"), NOTICE_STYLE)

        # ---- the orders ----
        self.model = OrdersModel(self)
        self.table = read_only_table(self, "ordersTable", self.tr("Orders"))
        self.table.setModel(self.model)
        self.table.setToolTip(self.tr("Select an order to record its payment; Enter or double click "
                                      "loads it into the entry row to change it"))
        self.table.activated.connect(self._order_activated)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.totals = named(QLabel(self), "ordersTotals", self.tr("Totals"))
        self.totals.setStyleSheet(MUTED_STYLE)
        self.totals.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addWidget(self.items_line)
        layout.addLayout(actions)
        layout.addSpacing(4)
        layout.addWidget(self.entry)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)

    # ---- showing a buy ----

    def show_buy(self, buy_id: int) -> None:
        if buy_id != self.buy_id:
            self.notice.hide()
            if self.details is not None or self.buy_id is None:  # never another buy's orders under this one
                self.details = None
                self.model.set_details(None)
                self.entry.setEnabled(False)
                self.header.setText(self.tr("Reading the orders…"))
                self.items_line.clear()
                self.warning.hide()
                self.totals.clear()
                self._enable_actions()
        self.buy_id = buy_id
        self.reload()
        self.entry.focus_address()

    def reload(self, then=None) -> None:
        """Ask the services again, keeping what is typed in the entry row and the selected order;
        `then()` runs once the buy is on screen. A big buy is read off the GUI thread."""
        if self.buy_id is None:
            return
        if then is not None:
            self._then.append(then)
        buy_id = self.buy_id
        selected = self.selected_order()
        selected_id = selected.order_id if selected is not None else None
        try:
            at_once = order_count(self._conn, buy_id) <= SHOWN_AT_ONCE
            loaded = load_buy(self._conn, buy_id) if at_once else None
        except DeskError as error:
            self.show_notice(describe(error), ERROR_STYLE)
            return
        if loaded is not None:
            self._show(loaded, selected_id)
            return
        if self.load_job is not None and self.load_job.running:
            self._load_again = True  # read again once this read ends: something changed meanwhile
            return
        self._load_again = False
        self.load_job = (DbOp(self, self._conn, lambda conn: load_buy(conn, buy_id)).reads_only()
                         .background(self.tr("Reading the orders…"), handle_errors=False)
                         .success(lambda result: self._read(buy_id, result, selected_id))
                         .failure(lambda error: self.show_notice(describe(error), ERROR_STYLE)).run())
        self.load_job.finished.connect(self._read_ended)

    def _read(self, buy_id: int, loaded: tuple, selected_id: int | None) -> None:
        if buy_id == self.buy_id and not self._load_again:  # not a buy left, nor a stale read
            self._show(loaded, selected_id)

    def _read_ended(self) -> None:
        if self._load_again:
            self.reload()

    def _show(self, loaded: tuple, selected_id: int | None) -> None:
        details, items, totals, record = loaded
        self.details = details
        buy = details.buy
        self.header.setText(self._header_text(details))
        self.header.setAccessibleDescription(self.header.text())
        self._show_warning(details, record)
        self.entry.setEnabled(True)
        self.entry.set_buy(buy, items)
        if self._refusal:
            self.entry.refuse(self._refusal)
        self._show_items(details)
        self.model.set_details(details)
        self._fit_columns()
        if selected_id is not None:
            self.select_order(selected_id)
        for column in range(self.model.columnCount() - 3, self.model.columnCount()):
            self.table.setColumnHidden(column, buy.free)  # a distribution has no money
        self.totals.setText(self.tr("%n recipients", "", len(details.orders)) if buy.free
                            else " · ".join((
            (self.tr("%n orders", "", sum(1 for o in details.orders if not o.cancelled))
             if buy.status != "cancelled" else self.tr("%n orders cancelled", "", len(details.orders))),
            arg(self.tr("due %1"), format_fen(totals.due_fen)),
            arg(self.tr("collected %1"), format_fen(totals.collected_fen)),
            arg(self.tr("refunded %1"), format_fen(totals.refunded_fen)),
            arg(self.tr("still to collect %1"), format_fen(totals.owing_fen)),
            arg(self.tr("refunds owed %1"), format_fen(totals.refunds_owed_fen)),
        )))
        self._enable_actions()
        waiting, self._then = self._then, []
        for then in waiting:
            then()
        self.loaded.emit()

    def _header_text(self, details: BuyDetails) -> str:
        buy = details.buy
        parts = [buy.title]
        if buy.supplier:
            parts.append(buy.supplier)
        parts.append(word("distribution_status", buy.status) if buy.free else status_label(buy.status))
        if buy.deadline:
            deadline = arg(self.tr("deadline %1"), deadline_text(buy.deadline, short=True))
            if buy.status == "open" and deadline_passed(buy.deadline):
                deadline = arg(self.tr("%1 (passed)"), deadline)
            parts.append(deadline)
        parts.append(self.tr("%n units to give", "", details.ordered) if buy.free
                     else progress_sentence(details.ordered, buy.minimum))
        if buy.fee_fen:
            parts.append(arg(self.tr("delivery fee %1 per order") if buy.fee_per == "order"
                             else self.tr("delivery fee %1 once per household"), format_fen(buy.fee_fen)))
        if buy.free:
            parts.insert(1, self.tr("free distribution"))
        return " · ".join(parts)

    def _show_items(self, details: BuyDetails) -> None:
        """Every item in a line; while orders are taken for many items, their names and prices
        are beside the quantities already, and the line only counts them (all in its tooltip)."""
        full = self._items_text(details)
        many = len(details.items) > MANY_ITEMS and self.entry.items_area.isVisibleTo(self)
        if many:
            storages = {}
            for total in details.items:
                label = storage_label(total.item.storage)
                storages[label] = storages.get(label, 0) + 1
            self.items_line.setText(arg(self.tr("%1 items (%2): name, price and code beside each "
                                                "quantity below"), len(details.items),
                                        ", ".join(f"{count} {label}" for label, count in storages.items())))
        else:
            self.items_line.setText(full)
        self.items_line.setToolTip(full if many else "")

    def _items_text(self, details: BuyDetails) -> str:
        pieces = []
        for total in details.items:
            item = total.item
            price = format_fen(item.price_fen) + (f"/{item.unit}" if item.unit else "")
            words = [item.name, word("free", "label") if details.buy.free else price,
                     storage_label(item.storage)]
            if item.cap:
                words.append(arg(self.tr("at most %1 per household"), item.cap))
            if total.received is not None:
                words.append(arg(self.tr("received %1 of %2"), total.received, total.ordered))
            pieces.append(" ".join(words))
        if not pieces:
            return self.tr("Items: none yet")
        return arg(self.tr("Items: %1"), " | ".join(pieces))

    def _show_warning(self, details: BuyDetails, record) -> None:
        buy = details.buy
        if buy.status == "cancelled":
            self.warning.setStyleSheet(ERROR_STYLE)
            self.warning.setText(arg(self.tr("Cancelled: %1"), buy.cancel_reason or ""))
            self.warning.show()
            return
        warning = supplier_warning(record) if buy.status in WARN_WHILE else None
        if warning is None:
            self.warning.hide()
            return
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setText(f"⚠ {warning.text()}\n{record_summary(record)}")
        self.warning.show()

    def _fit_columns(self) -> None:
        em = self.fontMetrics().horizontalAdvance("M")
        columns = self.model.columnCount()
        for column in range(columns):
            if column == 0:
                width = 9 * em
            elif column < columns - 3:
                name = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
                width = max(6 * em, self.fontMetrics().horizontalAdvance(name) + 2 * em)
            else:
                width = 8 * em
            self.table.setColumnWidth(column, min(width, 16 * em))

    def _enable_actions(self) -> None:
        buy = self.details.buy if self.details else None
        status = buy.status if buy else ""
        writable = self._refusal is None
        self.pay_button.setEnabled(writable and bool(self.details and self.details.orders)
                                   and not (self.details and self.details.buy.free))
        self.chain_button.setEnabled(writable and status == "open")
        self.ktt_button.setEnabled(writable)
        self._fill_status_menu(status)
        self.status_button.setEnabled(writable and not self.status_menu.isEmpty())
        self.arrival_button.setEnabled(writable and status in ARRIVAL_FROM)
        self.cancel_button.setEnabled(writable and status in CANCELLABLE)
        self.sheet_button.setEnabled(bool(self.details and self.details.items))
        self.print_sheet_button.setEnabled(bool(self.details and self.details.items))
        for button in (self.pay_button, self.chain_button, self.ktt_button, self.sheet_button,
                       self.print_sheet_button):  # nothing is paid, ordered or bought
            button.setVisible(not (buy and buy.free))

    def _fill_status_menu(self, status: str) -> None:
        """Only the steps the lifecycle allows from here; an arrival is recorded with its quantities."""
        self.status_menu.clear()
        words = {
            "open": self.tr("Reopen for orders") if status == "closed" else self.tr("Open for orders"),
            "closed": self.tr("Close ordering"),
            "confirmed": self.tr("Supplier confirmed"),
            "arrived": self.tr("Arrived… (record what was delivered)"),
            "bagged": self.tr("Bagged"),
            "distributed": self.tr("Handed out"),
            "settled": self.tr("Settled (the money is done)"),
        }
        if self.details and self.details.buy.free:  # no money: done once handed out
            words["settled"] = self.tr("Done (every bag is handed out)")
        order = ("open", "closed", "confirmed", "arrived", "bagged", "distributed", "settled")
        for target in order:
            if target not in NEXT_STATUSES.get(status, ()):
                continue
            action = self.status_menu.addAction(words[target])
            action.setObjectName(f"buyStatus_{target}")
            action.setData(target)
            if target == "arrived":
                action.triggered.connect(self.record_arrival)
            else:
                action.triggered.connect(lambda _checked=False, t=target: self.move_to(t))

    def refuse_changes(self, sentence: str) -> None:
        self._refusal = sentence
        for button in (self.pay_button, self.chain_button, self.ktt_button, self.status_button,
                       self.arrival_button, self.cancel_button):
            button.setToolTip(sentence)
        self.entry.refuse(sentence)
        self._enable_actions()

    # ---- the orders ----

    def selected_order(self) -> OrderView | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or not index.isValid():
            return None
        return self.model.order_at(index.row())

    def select_order(self, order_id: int) -> None:
        row = self.model.row_of(order_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _order_activated(self, index) -> None:
        order = self.model.order_at(index.row())
        if order.address and self.entry.address.isEnabled():
            self.entry.clear()
            self.entry.address.setText(order.address)
            if self.entry.look_up(loud=True) is not None and self.entry.fields:
                self.entry.fields[0].setFocus()
                self.entry.fields[0].selectAll()

    def _order_saved(self, placed) -> None:
        self.reload(then=lambda: self._show_saved(placed))
        self.changed.emit()

    def _show_saved(self, placed) -> None:
        self.select_order(placed.order_id)
        order = next((o for o in self.details.orders if o.order_id == placed.order_id), None) \
            if self.details else None
        due = format_fen(order.money.due_fen) if order else ""
        if placed.outcome == "added":
            text = arg(self.tr("Saved the order of %1: due %2."), placed.address, due)
        elif placed.outcome == "updated":
            text = arg(self.tr("Changed the order of %1: due %2."), placed.address, due)
        else:
            text = arg(self.tr("The order of %1 is unchanged."), placed.address)
        self.show_notice(text)

    def show_notice(self, text: str, style: str = NOTICE_STYLE) -> None:
        self.notice.setStyleSheet(style)
        self.notice.setText(text)
        self.notice.show()

    # ---- a household that is not in the roster yet ----

    def add_household(self, address: str) -> HouseholdDialog:
        dialog = HouseholdDialog(self._conn, None, self, address=address)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.accepted.connect(self._household_added)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _household_added(self) -> None:
        self.householdsChanged.emit()
        if self.entry.look_up(loud=True) is not None and self.entry.fields:
            self.entry.fields[0].setFocus()

    # ---- actions ----

    def _open(self, dialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def record_payment(self):
        from desktop.ui.buys.buy_dialogs import PaymentDialog

        order = self.selected_order()
        if order is None:
            household = self.entry.look_up(loud=False)
            if household is not None and self.details is not None:
                order = next((o for o in self.details.orders
                              if o.household_id == household.id and not o.cancelled), None)
        if order is None:
            self.show_notice(self.tr("Select an order in the table first (or type its address), "
                                     "then record its payment."), WARNING_STYLE)
            return None
        dialog = PaymentDialog(self._conn, self.details.buy, order, self)
        dialog.accepted.connect(lambda: self._payment_recorded(dialog))
        self._open(dialog)
        return dialog

    def _payment_recorded(self, dialog) -> None:
        self.reload(then=lambda: self._show_payment(dialog))
        self.changed.emit()

    def _show_payment(self, dialog) -> None:
        order_id = dialog.order.order_id
        self.select_order(order_id)
        order = next((o for o in self.details.orders if o.order_id == order_id), None)
        where = dialog.order.address or self.tr("the unplaced order")
        if order is not None:
            self.show_notice(arg(self.tr("Recorded %1 for %2: due %3, paid %4, refund owed %5."),
                                 format_fen(dialog.amount_fen), where, format_fen(order.money.due_fen),
                                 format_fen(order.money.paid_fen), format_fen(order.money.refund_due_fen)))

    def paste_chain(self):
        from desktop.ui.buys.buy_imports import ChainDialog

        if self.buy_id is None:
            return None
        dialog = ChainDialog(self._conn, self.buy_id, self)
        dialog.imported.connect(self._chain_imported)
        self._open(dialog)
        return dialog

    def _chain_imported(self, result) -> None:
        self.reload()
        text = arg(self.tr("Group list: orders for %1 households (%2 new, %3 changed, %4 unchanged); "
                           "%5 lines not understood."),
                   result.orders, result.added, result.updated, result.unchanged, len(result.unmatched))
        if result.households_added:
            text += " " + arg(self.tr("%1 households added to the roster."), result.households_added)
            self.householdsChanged.emit()
        self.show_notice(text, WARNING_STYLE if result.unmatched else NOTICE_STYLE)
        self.changed.emit()

    def move_to(self, status: str) -> None:
        if self.buy_id is None:
            return
        buy_id = self.buy_id
        self.job = (DbOp(self, self._conn, lambda conn: change_status(conn, buy_id, status))
                    .progress(self.tr("Saving…"), cancellable=False)
                    .success(self._moved).failure(self._refused).run())

    def _moved(self, buy) -> None:
        self.reload()
        self.show_notice(arg(self.tr("“%1” is now %2."), buy.title, status_label(buy.status)))
        self.changed.emit()

    def _refused(self, error: DeskError) -> None:
        if isinstance(error, DatabaseUnusable):
            show_error(self, error)
        else:
            self.show_notice(describe(error), ERROR_STYLE)

    def record_arrival(self):
        from desktop.ui.buys.arrival_dialog import ArrivalDialog

        if self.buy_id is None or not self.arrival_button.isEnabled():
            return None
        dialog = ArrivalDialog(self._conn, self.buy_id, self)
        dialog.accepted.connect(lambda: self._arrival_recorded(dialog))
        self._open(dialog)
        return dialog

    def _arrival_recorded(self, dialog) -> None:
        self.reload()
        plan = dialog.plan
        owed = sum(refund.amount_fen for refund in plan.refunds)
        short = [item for item in plan.items if item.short]
        if short and dialog.free:
            text = arg(self.tr("Arrival recorded, short of %1 (rule: %2)."),
                       "、".join(f"{item.name} {item.received}/{item.ordered}" for item in short),
                       dialog.policy_words())
        elif short:
            text = arg(self.tr("Arrival recorded, short of %1 (rule: %2). Refunds owed: %3."),
                       "、".join(f"{item.name} {item.received}/{item.ordered}" for item in short),
                       dialog.policy_words(), format_fen(owed))
        else:
            text = self.tr("Arrival recorded: everything came in full.")
        self.show_notice(text)
        self.changed.emit()

    def cancel_buy(self):
        from desktop.ui.buys.buy_dialogs import CancelDialog

        if self.details is None:
            return None
        dialog = CancelDialog(self._conn, self.details.buy, self)
        dialog.cancelled.connect(self._buy_cancelled)
        self._open(dialog)
        return dialog

    def _buy_cancelled(self, result) -> None:
        self.reload()
        owed = sum(refund.amount_fen for refund in result.refunds)
        self.show_notice(arg(self.tr("Cancelled. Refunds owed to %1 households: %2."),
                             len(result.refunds), format_fen(owed)), WARNING_STYLE)
        self.changed.emit()

    def save_order_sheet(self) -> Job | None:
        if self.details is None or (self.job is not None and self.job.running):
            return None
        xlsx = self.tr("Excel workbook (*.xlsx)")
        csv = self.tr("CSV, opens in Excel (*.csv)")
        stem = arg(self.tr("order sheet %1"), self.details.buy.title)
        safe = "".join(ch for ch in stem if ch not in '\\/:*?"<>|').strip()
        suggested = Path(self._last_folder) / f"{safe}-{date.today().isoformat()}.xlsx"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save the supplier order sheet"), str(suggested), f"{xlsx};;{csv}")
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + (".csv" if chosen == csv else ".xlsx"))
        self._last_folder = str(target.parent)
        return self.write_order_sheet(target)

    def write_order_sheet(self, path: Path) -> Job:
        buy_id = self.buy_id
        lang = current_language()

        def write(conn, _progress, _should_cancel):
            from desktop.buys.order_sheet import write_order_sheet

            return write_order_sheet(conn, buy_id, path, lang=lang)

        self.job = (DbOp(self, self._conn, write).reads_only()
                    .progress(arg(self.tr("Writing %1…"), path.name), cancellable=False)
                    .success(lambda written: self.show_notice(
                        arg(self.tr("Saved the supplier order sheet to %1."), str(written))))
                    .run())
        return self.job

    def print_order_sheet(self):
        """The print dialog, then the supplier's order sheet drawn and sent to that printer."""
        if self.details is None or (self.job is not None and self.job.running):
            return None
        from desktop.printing.stocks import SHEET
        from desktop.ui.printing import print_document

        buy_id = self.buy_id

        def write(conn, path, progress, should_cancel):
            from desktop.printing.supplier_sheet import write_supplier_sheet

            return write_supplier_sheet(conn, buy_id, path, progress=progress,
                                        should_cancel=should_cancel)

        self.print_dialog = print_document(
            self, paper=SHEET, doc_name=f"order-sheet-{buy_id}.pdf",
            title=self.tr("Drawing the supplier order sheet…"), db_path=self._conn.path,
            write=write, say=lambda text, warning: self.show_notice(
                text, WARNING_STYLE if warning else NOTICE_STYLE),
            started=lambda job: setattr(self, "job", job))
        return self.print_dialog

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.entry.address.text():
            self.entry.clear()
            self.entry.focus_address()
            return
        super().keyPressEvent(event)

