"""The arrival of a group buy: what the supplier delivered, and the allocation it makes, previewed
before anything is saved.

The preview is worked out off the GUI thread a moment after the last key (thousands of orders take
a while), the newest quantities winning: a result for quantities no longer typed is dropped.
Record arrival saves the preview the person saw, never a fresh one worked out behind it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desktop.buys.allocation import DEFAULT_POLICY, POLICIES
from desktop.buys.arrivals import ArrivalPlan, preview_arrival, record_arrival
from desktop.buys.group_buys import get_buy, item_totals, list_items
from desktop.db import Connection
from desktop.errors import DatabaseUnusable, DeskError
from desktop.money import format_fen
from desktop.roster.address import address_key
from desktop.ui.buys.buy_common import fit_columns, focus_field, mark_invalid
from desktop.ui.buys.buys_model import (
    Row,
    RowsModel,
    policy_hint,
    policy_label,
)
from desktop.ui.common import arg
from desktop.ui.common import show_error as show_error_box
from desktop.ui.forms import (
    INVALID_FIELD_STYLE,
    MUTED_STYLE,
    NOTICE_STYLE,
    STRONG_ERROR_STYLE,
    WARNING_STYLE,
    banner,
    buddy_label,
    error_label,
    named,
    read_only_table,
    save_cancel,
)
from desktop.ui.ops import DbOp
from desktop.words import describe

PREVIEW_DELAY_MS = 200


class ArrivalDialog(QDialog):
    """What the supplier delivered, item by item; a shortfall shared out by the rule chosen, shown
    as the allocation before anything is saved. Accepted means saved: `plan` is what was saved."""

    def __init__(self, conn: Connection, buy_id: int, parent=None) -> None:
        super().__init__(parent)
        self._conn = conn
        self.buy_id = buy_id
        self.plan: ArrivalPlan | None = None
        self.file_error = None
        self.job = None
        self.setObjectName("arrivalDialog")
        buy = get_buy(conn, buy_id)
        self.free = buy.free  # a distribution: given, not ordered, and nothing to refund
        self.setWindowTitle(arg(self.tr("Arrival: %1"), buy.title))
        self.setAccessibleName(self.windowTitle())
        self.resize(900, 640)
        self.setStyleSheet(INVALID_FIELD_STYLE)
        self._positions = {item.id: item.position for item in list_items(conn, buy_id)}

        intro = QLabel(self.tr("Type what the donor actually delivered. Nothing is saved until you "
                               "press Record arrival.") if self.free else
                       self.tr("Type what the supplier actually delivered. Nothing is saved until "
                               "you press Record arrival."), self)
        ordered_word = self.tr("To give") if self.free else self.tr("Ordered")
        intro.setWordWrap(True)

        # ---- what arrived, per item ----
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for column, heading in enumerate((self.tr("Item"), ordered_word, self.tr("Received"), "")):
            label = QLabel(heading, self)
            label.setStyleSheet(MUTED_STYLE)
            grid.addWidget(label, 0, column)
        self.items = []
        self.received: list[QLineEdit] = []
        self.short_labels: list[QLabel] = []
        self.item_errors: list[QLabel] = []
        for position, total in enumerate(item_totals(conn, buy_id)):
            self.items.append(total)
            name = QLabel(total.item.name, self)
            ordered = QLabel(str(total.ordered), self)
            field = named(QLineEdit(self), f"arrivalReceived{position}",
                          arg(self.tr("Received of %1"), total.item.name))
            field.setText(str(total.received if total.received is not None else total.ordered))
            field.setMaximumWidth(120)
            field.setAlignment(Qt.AlignmentFlag.AlignCenter)
            field.textEdited.connect(self._changed)
            name.setBuddy(field)
            short = QLabel(self)
            short.setObjectName(f"arrivalShort{position}")
            error = error_label(self, f"arrivalReceivedError{position}",
                                arg(self.tr("Problem with the quantity of %1"), total.item.name))
            grid.addWidget(name, 1 + position * 2, 0)
            grid.addWidget(ordered, 1 + position * 2, 1)
            grid.addWidget(field, 1 + position * 2, 2)
            grid.addWidget(short, 1 + position * 2, 3)
            grid.addWidget(error, 2 + position * 2, 0, 1, 4)
            self.received.append(field)
            self.short_labels.append(short)
            self.item_errors.append(error)
        grid.setColumnStretch(3, 1)

        # ---- the rule ----
        self.policy = named(QComboBox(self), "arrivalPolicy", self.tr("How a shortfall is shared out"))
        for policy in POLICIES:
            self.policy.addItem(policy_label(policy), policy)
        self.policy.setCurrentIndex(POLICIES.index(DEFAULT_POLICY))
        self.policy.currentIndexChanged.connect(self._changed)
        self.policy_hint = named(QLabel(self), "arrivalPolicyHint", self.tr("What the rule does"))
        self.policy_hint.setStyleSheet(MUTED_STYLE)
        self.policy_hint.setWordWrap(True)
        policy_label_widget = buddy_label(self, self.tr("&Shortfall shared out:"), self.policy)
        policy_row = QHBoxLayout()
        policy_row.addWidget(policy_label_widget)
        policy_row.addWidget(self.policy)
        policy_row.addWidget(self.policy_hint, 1)

        # ---- the preview ----
        self.summary = banner(self, "arrivalSummary", self.tr("What this arrival does"), WARNING_STYLE)
        self.only_short = named(QCheckBox(self.tr("Only households that get less"), self),
                                "arrivalOnlyShort", self.tr("Only households that get less"))
        self.only_short.toggled.connect(lambda _on: self._fill_preview(fit=False))
        self.preview_model = RowsModel(
            (self.tr("Address"), self.tr("Item"), ordered_word, self.tr("Allocated"),
             self.tr("Refund owed"), self.tr("Served first")), self, right_aligned=(2, 3, 4))
        self.preview = read_only_table(self, "arrivalPreview", self.tr("Allocation preview"))
        self.preview.setModel(self.preview_model)
        self.preview.setColumnHidden(4, self.free)  # the refund column
        self.general_error = error_label(self, "arrivalError", self.tr("Error"))

        buttons, self.save_button, cancel = save_cancel(
            self, self.save, save_name="arrivalSave", save_text=self.tr("Record arrival"),
            save_tip=self.tr("Save what arrived and this allocation (Enter)"),
            cancel_name="arrivalCancel", cancel_text=self.tr("Cancel"), cancel_tip=self.tr("Close without saving (Esc)"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(policy_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_short)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.preview_plan: ArrivalPlan | None = None
        self.preview_job = None
        self._shown_for: tuple | None = None  # the quantities and rule the preview shows
        self._rows: tuple[list[Row], list[Row]] = ([], [])
        self._again = False
        self._save_when_shown = False
        self.save_button.setEnabled(False)  # until the preview is shown
        self.update_preview()
        if self.received:
            self.received[0].setFocus()
            self.received[0].selectAll()

    def policy_words(self) -> str:
        return policy_label(self.policy.currentData())

    def _received(self) -> list[tuple[int, str]]:
        return [(total.item.id, field.text()) for total, field in zip(self.items, self.received, strict=True)]

    def _asked(self) -> tuple:
        return tuple(self._received()), self.policy.currentData()

    def _changed(self, *_args) -> None:
        self.save_button.setEnabled(False)  # until the preview of what is typed now is shown
        self._timer.start()

    def preview_current(self) -> bool:
        """The preview on screen is of the quantities and rule typed now."""
        return self.preview_plan is not None and self._shown_for == self._asked()

    def update_preview(self):
        """Work out what recording would allocate and charge, off the GUI thread, with nothing
        saved. One at a time: asked again meanwhile, it starts again once the running one ends."""
        self._timer.stop()
        self.policy_hint.setText(policy_hint(self.policy.currentData()))
        if self.preview_job is not None and self.preview_job.running:
            self._again = True
            return self.preview_job
        self._again = False
        asked = self._asked()
        received, policy = list(asked[0]), asked[1]
        buy_id, positions = self.buy_id, dict(self._positions)
        words = (self.tr("unplaced"),
                 self.tr("Vulnerable household: served first under the vulnerable-first rule"))

        def work(conn):
            plan = preview_arrival(conn, buy_id, received, policy)
            return plan, preview_rows(plan, positions, words)

        self.preview_job = (DbOp(self, self._conn, work).reads_only()
                            .background(self.tr("Working out the allocation…"), handle_errors=False)
                            .success(lambda result: self._previewed(asked, *result))
                            .failure(lambda error: self._preview_refused(asked, error)).run())
        self.preview_job.finished.connect(self._preview_ended)
        return self.preview_job

    def _preview_ended(self) -> None:
        if self._again:
            self.update_preview()

    def _preview_refused(self, asked: tuple, error: DeskError) -> None:
        if asked != self._asked():
            return  # about quantities no longer typed
        self._save_when_shown = False
        self._clear_errors()
        self.preview_plan = None
        self._shown_for = asked
        if isinstance(error, DatabaseUnusable):
            self.file_error = show_error_box(self, error)
        else:
            self._show_error(error)
        self.save_button.setEnabled(False)
        bad = next((f for f in self.received if f.property("invalid")), None)
        if bad is not None and self.isVisible():
            focus_field(bad)

    def _previewed(self, asked: tuple, plan: ArrivalPlan, rows: tuple[list[Row], list[Row]]) -> None:
        if asked != self._asked():
            return  # a stale preview: what is typed now is on its way
        self._clear_errors()
        self.preview_plan = plan
        self._shown_for = asked
        self._rows = rows
        self.save_button.setEnabled(True)
        for item, label in zip(plan.items, self.short_labels, strict=True):
            if item.short:
                label.setText(arg(self.tr("%1 short"), item.short))
                label.setStyleSheet(STRONG_ERROR_STYLE)
            elif item.received > item.ordered:
                label.setText(arg(self.tr("%1 more than ordered: the extra stays unallocated"),
                                  item.received - item.ordered))
                label.setStyleSheet(MUTED_STYLE)
            else:
                label.setText(self.tr("in full"))
                label.setStyleSheet(MUTED_STYLE)
        owed = sum(refund.amount_fen for refund in plan.refunds)
        if plan.short and self.free:
            short = "、".join(f"{item.name} {item.received}/{item.ordered}" for item in plan.items if item.short)
            self.summary.setText(arg(self.tr("Short: %1. Rule: %2 — %3 households get less."),
                                     short, policy_label(plan.policy),
                                     len({a.order_id for a in plan.allocations if a.allocated < a.ordered})))
            self.summary.setStyleSheet(WARNING_STYLE)
        elif plan.short:
            short = "、".join(f"{item.name} {item.received}/{item.ordered}" for item in plan.items if item.short)
            self.summary.setText(arg(self.tr("Short: %1. Rule: %2 — %3 households get less. "
                                             "Refunds owed after this arrival: %4."),
                                     short, policy_label(plan.policy),
                                     len({a.order_id for a in plan.allocations if a.allocated < a.ordered}),
                                     format_fen(owed)))
            self.summary.setStyleSheet(WARNING_STYLE)
        elif self.free:
            self.summary.setText(self.tr("Everything arrived in full."))
            self.summary.setStyleSheet(NOTICE_STYLE)
        else:
            self.summary.setText(arg(self.tr("Everything arrived in full. Refunds owed: %1."), format_fen(owed)))
            self.summary.setStyleSheet(NOTICE_STYLE)
        self.summary.show()
        self._fill_preview()
        if self._save_when_shown:
            self._save_when_shown = False
            self.save()

    def _fill_preview(self, *, fit: bool = True) -> None:
        if self.preview_plan is None:
            self.preview_model.set_rows([])
            return
        every, short = self._rows
        self.preview_model.set_rows(short if self.only_short.isChecked() else every)
        if fit:
            fit_columns(self.preview, 5, 16)

    def _show_error(self, error: DeskError) -> None:
        name = str(error.data.get("item", ""))
        position = next((i for i, t in enumerate(self.items) if t.item.name == name), None)
        if error.field in ("received", "quantity", "item") and position is not None:
            self.item_errors[position].setText(describe(error))
            self.item_errors[position].show()
            mark_invalid(self.received[position], True)
            return
        self.general_error.setText(describe(error))
        self.general_error.show()

    def _clear_errors(self) -> None:
        for label in self.item_errors:
            label.hide()
        for field in self.received:
            mark_invalid(field, False)
        self.general_error.hide()

    def save(self) -> None:
        """Record the arrival the preview shows, off the GUI thread; the dialog closes once it is in
        the file. Pressed before the preview of what is typed is shown, it records once it is."""
        if self.job is not None and self.job.running:
            return
        if not self.preview_current():
            if self._shown_for == self._asked():  # the preview says what is wrong
                bad = next((f for f in self.received if f.property("invalid")), None)
                if bad is not None:
                    focus_field(bad)
                return
            self._save_when_shown = True
            self.update_preview()
            return
        buy_id, plan = self.buy_id, self.preview_plan
        received, policy = list(self._shown_for[0]), self._shown_for[1]
        self.job = (DbOp(self, self._conn,
                         lambda conn: record_arrival(conn, buy_id, received, policy, seen=plan))
                    .progress(self.tr("Recording the arrival…"), cancellable=False)
                    .success(self._recorded).failure(self._refused).disabling(self.save_button).run())

    def _recorded(self, plan: ArrivalPlan) -> None:
        self.plan = plan
        self.accept()

    def _refused(self, error: DeskError) -> None:
        if isinstance(error, DatabaseUnusable):
            self.file_error = show_error_box(self, error)
            return
        self._show_error(error)
        if error.code == "arrival_changed_since_preview":
            self._shown_for = None  # the allocation shown is no longer true: work it out again
            self.save_button.setEnabled(False)
            self.update_preview()


def preview_rows(plan: ArrivalPlan, positions: dict[int, int],
                 words: tuple[str, str]) -> tuple[list[Row], list[Row]]:
    """The preview's rows, by address (every line, and only those that get less): worked out
    with the plan, off the GUI thread, so a long list costs the window one model reset."""
    unplaced, vulnerable_tip = words
    lines = sorted(plan.allocations, key=lambda a: (
        address_key(a.address), a.order_id, positions.get(a.item_id, 0)))

    def rows(chosen) -> list[Row]:
        made, shown = [], set()
        for line in chosen:
            refund = ""
            if line.order_id not in shown:  # an order's refund once, on its first row
                shown.add(line.order_id)
                money = plan.money.get(line.order_id)
                if money is not None and money.refund_due_fen:
                    refund = format_fen(money.refund_due_fen)
            made.append(Row((line.address or unplaced, line.item, str(line.ordered), str(line.allocated),
                             refund, "✓" if line.vulnerable else ""),
                            tone="warn" if line.allocated < line.ordered else "",
                            tooltip=vulnerable_tip if line.vulnerable else "", bold=line.vulnerable))
        return made

    return rows(lines), rows([line for line in lines if line.allocated < line.ordered])
