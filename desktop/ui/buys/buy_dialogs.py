"""The dialogs over one group buy: a payment or refund, and cancelling with the refunds owed.
(The arrival has its own module, arrival_dialog.)"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.buys.group_buys import (
    CANCEL_CAUSES,
    CancelResult,
    GroupBuy,
    OrderView,
    buy_details,
    cancel_buy,
    guess_cancel_cause,
)
from desktop.buys.payments import (
    HAND_METHODS,
    OrderMoney,
    Refund,
    buy_money,
    record_payment,
    refunds_from,
)
from desktop.db import Connection
from desktop.errors import BadInput, DatabaseUnusable, DeskError
from desktop.money import format_fen, parse_yuan
from desktop.text import plain
from desktop.ui.buys.buy_common import fit_columns, focus_field, mark_invalid
from desktop.ui.buys.buys_model import (
    Row,
    RowsModel,
    cause_label,
    method_label,
)
from desktop.ui.common import arg, dialog_button
from desktop.ui.common import show_error as show_error_box
from desktop.ui.forms import (
    INVALID_FIELD_STYLE,
    MUTED_STYLE,
    buddy_label,
    error_label,
    form_row,
    named,
    read_only_table,
    save_cancel,
)
from desktop.ui.ops import DbOp
from desktop.words import describe


def refund_rows(refunds: list[Refund] | tuple[Refund, ...], unplaced: str) -> list[Row]:
    return [Row((refund.address or arg(unplaced, ", ".join(map(str, refund.order_ids))),
                 format_fen(refund.amount_fen))) for refund in refunds]


class PaymentDialog(QDialog):
    """A payment for one order, or a refund paid back (a negative amount, or the refund box)."""

    def __init__(self, conn: Connection, buy: GroupBuy, order: OrderView, parent=None) -> None:
        super().__init__(parent)
        self._conn = conn
        self.order = order
        self.amount_fen = 0
        self.file_error = None
        self.job = None
        self.setObjectName("paymentDialog")
        where = order.address or self.tr("an unplaced order")
        self.setWindowTitle(arg(self.tr("Payment for %1"), where))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(480)
        self.setStyleSheet(INVALID_FIELD_STYLE)

        money = order.money
        heading = QLabel(arg(self.tr("%1 · %2: due %3, paid %4."), buy.title, where,
                             format_fen(money.due_fen), format_fen(money.paid_fen)), self)
        heading.setObjectName("paymentOrder")
        heading.setAccessibleName(self.tr("The order"))
        heading.setWordWrap(True)
        state = named(QLabel(self), "paymentOwing", self.tr("What is owed"))
        if money.owing_fen:
            state.setText(arg(self.tr("Still to pay: %1"), format_fen(money.owing_fen)))
        elif money.refund_due_fen:
            state.setText(arg(self.tr("Refund owed to the household: %1"), format_fen(money.refund_due_fen)))
        else:
            state.setText(self.tr("Nothing is owed either way."))
        state.setStyleSheet(MUTED_STYLE)

        self.method = named(QComboBox(self), "paymentMethod", self.tr("Method"))
        for method in HAND_METHODS:
            self.method.addItem(method_label(method), method)
        self.amount = named(QLineEdit(self), "paymentAmount", self.tr("Amount in yuan"))
        self.amount.setPlaceholderText(self.tr("yuan, e.g. 64 or 58.50"))
        self.refund = named(QCheckBox(self.tr("This is a refund: money paid back to the household"), self),
                            "paymentRefund", self.tr("Refund"))
        self.reference = named(QLineEdit(self), "paymentReference", self.tr("Reference"))
        self.reference.setPlaceholderText(self.tr("transaction number, or who took the cash"))
        if money.refund_due_fen and not money.owing_fen:
            self.refund.setChecked(True)
            self.amount.setText(format_fen(money.refund_due_fen).lstrip("¥").replace(",", ""))
        elif money.owing_fen:
            self.amount.setText(format_fen(money.owing_fen).lstrip("¥").replace(",", ""))

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, self.tr("&Method"), "method", self.method)
        self._row(form, self.tr("&Amount (¥)"), "amount", self.amount, self.refund)
        self._row(form, self.tr("&Reference"), "reference", self.reference)
        self.general_error = error_label(self, "paymentError", self.tr("Error"))

        buttons, self.save_button, cancel = save_cancel(
            self, self.save, save_name="paymentSave", save_text=self.tr("Record"),
            save_tip=self.tr("Record it in the ledger (Enter)"), save_accessible=self.tr("Record the payment"),
            cancel_name="paymentCancel", cancel_text=self.tr("Cancel"), cancel_tip=self.tr("Close without recording (Esc)"))
        self.amount.textEdited.connect(lambda _t: self._clear_errors())

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(state)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.amount.setFocus()
        self.amount.selectAll()

    def _row(self, form: QFormLayout, text: str, field: str, widget: QWidget, *extra: QWidget) -> None:
        """A form row: the label, the input, any hint, and the error label right under the input."""
        self.errors[field] = form_row(form, text, widget, *extra, error_name=f"payment{field.capitalize()}Error")

    def amount_typed(self) -> int:
        """Fen from the yuan typed, exactly; negative for a refund. BadInput (field `amount`) with
        the window's own sentence when it is not an amount."""
        raw = plain(self.amount.text())
        negative = raw.startswith(("-", "−"))
        body = re.sub(r"^[-−]\s*", "", raw)
        if not body:
            raise BadInput("amount_empty", "amount")
        try:
            fen = parse_yuan(body, "amount")
        except BadInput as error:
            raise BadInput(error.code, "amount", text=raw) from None
        if fen == 0:
            raise BadInput("payment_zero", "amount")
        return -fen if negative or self.refund.isChecked() else fen

    def _amount_sentence(self, error: BadInput) -> str:
        text = str(error.data.get("text", ""))
        return {
            "amount_empty": self.tr("Type the amount in yuan, such as 64 or 58.50."),
            "payment_zero": self.tr("A payment of ¥0.00 is not a payment: type the amount."),
            "price_too_precise": arg(self.tr("“%1” has more than two decimals: money is counted to "
                                             "the fen, such as 58.5 or 12.35."), text),
            "price_too_large": arg(self.tr("%1 yuan is more than any order costs: check the amount."), text),
        }.get(error.code, arg(self.tr("“%1” is not an amount: type yuan, such as 64 or 58.50."), text))

    def save(self) -> None:
        self._clear_errors()
        try:
            amount = self.amount_typed()
        except BadInput as error:
            self._show("amount", self._amount_sentence(error))
            return
        order_id, method, reference = self.order.order_id, self.method.currentData(), self.reference.text()
        self.job = (DbOp(self, self._conn,
                         lambda conn: record_payment(conn, order_id, amount, method, reference=reference))
                    .progress(self.tr("Recording the payment…"), cancellable=False)
                    .success(lambda _payment: self._recorded(amount)).failure(self._refused)
                    .disabling(self.save_button).run())

    def _recorded(self, amount: int) -> None:
        self.amount_fen = amount
        self.accept()

    def _refused(self, error: DeskError) -> None:
        if isinstance(error, DatabaseUnusable):
            self.file_error = show_error_box(self, error)
        elif error.field in self.errors:
            self._show(error.field, describe(error))
        else:
            self.general_error.setText(describe(error))
            self.general_error.show()

    def _show(self, field: str, sentence: str) -> None:
        self.errors[field].setText(sentence)
        self.errors[field].show()
        widget = {"amount": self.amount, "method": self.method, "reference": self.reference}[field]
        mark_invalid(widget, True)
        focus_field(widget)

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.general_error.hide()
        mark_invalid(self.amount, False)


class CancelDialog(QDialog):
    """Cancelling a buy with its cause and reason. Before: the refunds it will leave owed; after:
    the refunds owed, per household. `cancelled(CancelResult)` once it is done."""

    cancelled = Signal(object)

    def __init__(self, conn: Connection, buy: GroupBuy, parent=None) -> None:
        super().__init__(parent)
        self._conn = conn
        self.buy = buy
        self.result: CancelResult | None = None
        self.file_error = None
        self.job = None
        self._cause_chosen = False
        self.setObjectName("cancelDialog")
        self.setWindowTitle(arg(self.tr("Cancel “%1”"), buy.title))
        self.setAccessibleName(self.windowTitle())
        self.resize(560, 520)
        self.setStyleSheet(INVALID_FIELD_STYLE)

        self.heading = QLabel(arg(self.tr("Cancel “%1”? Nobody receives it and its bags are voided. "
                                          "This cannot be undone.") if buy.free else
                                  self.tr("Cancel “%1”? Every order is cancelled and what households "
                                          "paid is owed back to them. This cannot be undone."), buy.title), self)
        self.heading.setObjectName("cancelHeading")
        self.heading.setWordWrap(True)

        self.cause = named(QComboBox(self), "cancelCause", self.tr("Cause"))
        for cause in CANCEL_CAUSES:
            self.cause.addItem(cause_label(cause), cause)
        self.cause.setCurrentIndex(CANCEL_CAUSES.index("other"))
        self.cause.activated.connect(lambda _i: setattr(self, "_cause_chosen", True))
        self.cause.setToolTip(self.tr("A supplier that turned the buy down carries that on its record"))
        self.reason = named(QLineEdit(self), "cancelReason", self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. the supplier is out of stock"))
        self.reason.textEdited.connect(self._reason_edited)
        self.reason_error = error_label(self, "cancelReasonError", self.tr("Problem with the reason"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        reason_holder = QWidget(self)
        reason_column = QVBoxLayout(reason_holder)
        reason_column.setContentsMargins(0, 0, 0, 0)
        reason_column.addWidget(self.reason)
        reason_column.addWidget(self.reason_error)
        reason_label = buddy_label(self, self.tr("&Reason"), self.reason)
        cause_label_widget = buddy_label(self, self.tr("C&ause"), self.cause)
        form.addRow(reason_label, reason_holder)
        form.addRow(cause_label_widget, self.cause)

        self.refunds_title = QLabel(self)
        self.refunds_title.setObjectName("cancelRefundsTitle")
        self.refunds_model = RowsModel((self.tr("Address"), self.tr("Refund owed")), self, right_aligned=(1,))
        self.refunds = read_only_table(self, "cancelRefunds", self.tr("Refunds owed"))
        self.refunds.setModel(self.refunds_model)
        self.refunds.horizontalHeader().setStretchLastSection(False)  # each amount beside its address
        self.total = named(QLabel(self), "cancelTotal", self.tr("Total refunds owed"))
        self.general_error = error_label(self, "cancelError", self.tr("Error"))

        if buy.free:  # nothing was paid, and a donor has no seller's record to carry a cause
            for widget in (self.cause, cause_label_widget, self.refunds_title, self.refunds, self.total):
                widget.hide()
        buttons = QDialogButtonBox(self)
        self.confirm_button = dialog_button(
            self, "cancelConfirm", self.tr("Cancel the distribution"), self.tr("Cancel the distribution"),
            self.tr("Nobody receives it; its bags are voided")
        ) if buy.free else dialog_button(
            self, "cancelConfirm", self.tr("Cancel the group buy"), self.tr("Cancel the group buy"), self.tr("Cancel every order and list the refunds owed")
        )
        self.confirm_button.setAutoDefault(False)
        self.keep_button = dialog_button(
            self, "cancelKeep", self.tr("Keep the group buy"), self.tr("Keep the group buy"), self.tr("Close, changing nothing (Esc)")
        )
        self.keep_button.setDefault(True)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm_button.clicked.connect(self.confirm)
        self.keep_button.clicked.connect(self._close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.refunds_title)
        layout.addWidget(self.refunds, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self._show_refunds(self._refunds_if_cancelled(), done=False)
        self.reason.setFocus()

    def _refunds_if_cancelled(self) -> list[Refund]:
        """What households would be owed: everything each has paid, as nothing is due any more."""
        money = buy_money(self._conn, self.buy.id)
        nothing_due = {order_id: OrderMoney(order_id, m.household_id, 0, m.paid_fen)
                       for order_id, m in money.items()}
        addresses = {order.order_id: order.address for order in buy_details(self._conn, self.buy.id).orders}
        return refunds_from(nothing_due, addresses)

    def _show_refunds(self, refunds, *, done: bool) -> None:
        owed = sum(refund.amount_fen for refund in refunds)
        if done:
            self.refunds_title.setText(self.tr("Refunds owed, per household:"))
        else:
            self.refunds_title.setText(self.tr("Refunds it will leave owed, per household:"))
        self.refunds_model.set_rows(refund_rows(refunds, self.tr("unplaced order %1")))
        fit_columns(self.refunds, 8, 20)
        self.total.setText(arg(self.tr("%1 households, %2 in all."), len(refunds), format_fen(owed))
                           if refunds else self.tr("Nobody has paid anything: no refunds are owed."))

    def _reason_edited(self, text: str) -> None:
        self.reason_error.hide()
        mark_invalid(self.reason, False)
        if not self._cause_chosen and not self.buy.free:
            self.cause.setCurrentIndex(CANCEL_CAUSES.index(guess_cancel_cause(text)))

    def confirm(self) -> None:
        """Cancel the buy off the GUI thread; the dialog then shows the refunds owed."""
        self.general_error.hide()
        buy_id, reason, cause = self.buy.id, self.reason.text(), self.cause.currentData()
        self.job = (DbOp(self, self._conn, lambda conn: cancel_buy(conn, buy_id, reason, cause=cause))
                    .progress(self.tr("Cancelling the group buy…"), cancellable=False)
                    .success(self._cancelled).failure(self._refused).disabling(self.confirm_button).run())

    def _refused(self, error: DeskError) -> None:
        if isinstance(error, DatabaseUnusable):
            self.file_error = show_error_box(self, error)
        elif error.field == "reason":
            self.reason_error.setText(describe(error))
            self.reason_error.show()
            mark_invalid(self.reason, True)
            focus_field(self.reason)
        else:
            self.general_error.setText(describe(error))
            self.general_error.show()

    def _cancelled(self, result: CancelResult) -> None:
        self.result = result
        self.heading.setText(arg(self.tr("“%1” is cancelled (%2)."), self.buy.title,
                                 cause_label(self.result.cause)))
        self.reason.setEnabled(False)
        self.cause.setEnabled(False)
        self.confirm_button.hide()
        self.keep_button.setText(self.tr("Close"))
        self.keep_button.setAccessibleName(self.tr("Close"))
        self._show_refunds(self.result.refunds, done=True)
        self.cancelled.emit(self.result)

    def _close(self) -> None:
        if self.result is not None:
            self.accept()
        else:
            self.reject()
