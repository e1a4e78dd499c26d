"""The Reports page, for the committee: the day's figures in one sentence, the households that
received nothing (vulnerable first), the urgent needs, the money with the ledger rows behind every
figure, two pictures (bags per building, handoffs per day), and the daily sheet to print or save."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.buys.group_buys import list_buys
from desktop.clock import to_local
from desktop.committee.coverage import DEFAULT_DAYS, MAX_DAYS, Coverage, coverage
from desktop.committee.daily import HISTORY_DAYS, UNSERVED_DAYS, daily_figures, handoffs_per_day
from desktop.committee.money import (
    FIGURES,
    BuyMoney,
    LedgerLine,
    MoneyReport,
    RefundOwed,
    money_report,
)
from desktop.committee.needs import list_needs
from desktop.db import Connection
from desktop.errors import DatabaseUnusable, DeskError
from desktop.money import format_fen
from desktop.ui.buys.buy_common import fit_columns
from desktop.ui.buys.buys_model import Row, RowsModel
from desktop.ui.committee.charts import BuildingBars, DayLine
from desktop.ui.committee.needs_page import NewNeedDialog
from desktop.ui.common import arg, dialog_button
from desktop.ui.forms import (
    ERROR_STYLE,
    NOTICE_STYLE,
    WARNING_STYLE,
    banner,
    buddy_label,
    larger,
    named,
    read_only_table,
    shortcut_button,
)
from desktop.ui.ops import DbOp
from desktop.ui.reads import PageRead
from desktop.words import describe, say, word

FIGURE_NAMES = {"collected": "reportsCollected", "refunded": "reportsRefunded",
                "refunds_owed": "reportsRefundsOwed", "owed_to_suppliers": "reportsOwedToSuppliers",
                "balance": "reportsBalance"}


class MoneyRowsDialog(QDialog):
    """The rows behind one money figure: ledger lines, refunds owed, or buys and their sums."""

    def __init__(self, title: str, headers: tuple[str, ...], rows: list[Row], total: str,
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("moneyRowsDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(820, 460)
        self.model = RowsModel(headers, self, right_aligned=(len(headers) - 1,))
        self.model.set_rows(rows)
        self.table = read_only_table(self, "moneyRows", title)
        self.table.setModel(self.model)
        fit_columns(self.table, 5, 28)
        self.total = named(QLabel(total, self), "moneyRowsTotal", self.tr("Total"))
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        buttons = QDialogButtonBox(self)
        close = dialog_button(self, "moneyRowsClose", self.tr("Close"), self.tr("Close"))
        close.setDefault(True)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(buttons)


class ReportsPage(QWidget):
    needsChanged = Signal()
    householdOpened = Signal(int)  # a coverage row opened: the window shows that household

    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self._conn = conn
        self.dialog = None
        self.job = None
        self.print_dialog = None
        self.money: MoneyReport | None = None
        self.coverage: Coverage | None = None
        self.reader = PageRead(self, self.tr("Reading the figures…"))
        self.coverage_reader = PageRead(self, self.tr("Reading the figures…"))
        self.money_reader = PageRead(self, self.tr("Reading the figures…"))
        self._last_folder = str(Path.home())

        title = larger(QLabel(self.tr("Reports"), self), bold=True)
        self.day = named(QDateEdit(self), "reportsDay", self.tr("Day of the sheet"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate.currentDate())
        self.day.setDate(QDate.currentDate())
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.print_button = shortcut_button(self, "reportsPrintDaily", self.tr("&Print the day's sheet…"),
                                            "Ctrl+P", self.tr("Print the daily distribution sheet"),
                                            self.print_daily)
        self.save_button = shortcut_button(self, "reportsSaveDaily", self.tr("Save the sheet as P&DF…"),
                                           "Ctrl+S", self.tr("Save the daily distribution sheet as a PDF"),
                                           self.save_daily)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(buddy_label(self, self.tr("Da&y"), self.day))
        top.addWidget(self.day)
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)

        self.notice = banner(self, "reportsNotice", self.tr("Result"), NOTICE_STYLE)
        self.headline = larger(named(QLabel(self), "reportsHeadline", self.tr("The day's figures")), bold=True)
        self.headline.setWordWrap(True)
        self.reading_label = named(QLabel(self.tr("Reading the figures…"), self), "reportsReading",
                                   self.tr("Reading the figures"))
        self.reading_label.setStyleSheet("color: #5f6368;")
        self.reading_label.hide()
        for reader in (self.reader, self.coverage_reader, self.money_reader):
            reader.readingChanged.connect(self._reading)

        self.days = named(QSpinBox(self), "reportsDays", self.tr("Days without anything"))
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(DEFAULT_DAYS)
        self.days.valueChanged.connect(lambda _v: self._show_coverage())
        self.coverage_summary = named(QLabel(self), "reportsCoverageSummary", self.tr("Coverage"))
        self.coverage_summary.setWordWrap(True)
        coverage_row = QHBoxLayout()
        coverage_row.addWidget(buddy_label(self, self.tr("Received nothing in the &last"), self.days))
        coverage_row.addWidget(self.days)
        coverage_row.addWidget(QLabel(self.tr("days:"), self))
        coverage_row.addWidget(self.coverage_summary, 1)
        self.coverage_model = RowsModel(
            (self.tr("Address"), self.tr("Name"), self.tr("Flags"), self.tr("Delivery"), self.tr("Phone"),
             self.tr("Last bag"), self.tr("Urgent needs")), self)
        self.coverage_table = read_only_table(self, "reportsCoverage",
                                              self.tr("Households that received nothing"))
        self.coverage_table.setModel(self.coverage_model)
        self.coverage_table.setToolTip(self.tr("Double-click a household, or press Enter, to open it"))
        self.coverage_table.activated.connect(self._coverage_activated)

        self.needs_summary = named(QLabel(self), "reportsNeedsSummary", self.tr("Urgent needs"))
        self.add_need_button = shortcut_button(self, "reportsAddNeed", self.tr("+ Need"), "Ctrl+N",
                                               self.tr("Add a household's urgent need"), self.add_need,
                                               accessible=self.tr("Add a need"))
        self.money_buy = named(QComboBox(self), "reportsMoneyBuy", self.tr("Money of"))
        self.money_buy.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.money_buy.setMinimumContentsLength(16)
        self.money_buy.currentIndexChanged.connect(lambda _i: self._show_money())
        self.figures: dict[str, QPushButton] = {}
        needs_row = QHBoxLayout()
        needs_row.addWidget(self.needs_summary)
        needs_row.addWidget(self.add_need_button)
        needs_row.addStretch(1)
        money_row = QHBoxLayout()
        money_row.addWidget(buddy_label(self, self.tr("&Money of"), self.money_buy))
        money_row.addWidget(self.money_buy)
        for figure in FIGURES:
            button = named(QPushButton(self), FIGURE_NAMES[figure], figure)
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("QPushButton { text-decoration: underline; color: #1a4f8b; }")
            button.clicked.connect(lambda _checked=False, f=figure: self.show_rows(f))
            self.figures[figure] = button
            money_row.addWidget(button)
        money_row.addStretch(1)

        self.buildings_chart = BuildingBars("reportsBuildingsChart",
                                            self.tr("Bags handed over and waiting per building"),
                                            (self.tr("handed over"), self.tr("waiting")), self)
        self.buildings_chart.empty_text = self.tr("No bag handed over or waiting on this day.")
        self.days_chart = DayLine("reportsDaysChart", self.tr("Bags handed over per day"), self)
        self.days_chart.empty_text = self.tr("No bag handed over in the last two weeks.")
        charts = QHBoxLayout()
        for caption, chart in ((self.tr("Bags per building on the day"), self.buildings_chart),
                               (arg(self.tr("Bags handed over per day, last %1 days"), HISTORY_DAYS),
                                self.days_chart)):
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{caption}</b>", self))
            column.addWidget(chart, 1)
            charts.addLayout(column, 1)

        # Inside a scroll area: on a small screen the page scrolls rather than widen the window.
        content = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setObjectName("reportsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.headline)
        layout.addWidget(self.reading_label)
        layout.addLayout(coverage_row)
        layout.addWidget(self.coverage_table, 3)
        layout.addLayout(needs_row)
        layout.addLayout(money_row)
        layout.addLayout(charts, 2)
        # Read when shown (showEvent), not when the window builds its pages at start-up: a large
        # compound's figures take a moment, which the start of the program should not wait for.
        if conn.read_only:
            sentence = describe(DatabaseUnusable(conn.read_only_code, path=str(conn.path)))
            self.add_need_button.setEnabled(False)
            self.add_need_button.setToolTip(sentence)

    # ---- reading ----

    def chosen_day(self) -> date:
        return self.day.date().toPython()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    @property
    def reading(self) -> bool:
        """Whether the page is still reading what it shows."""
        return any(reader.reading for reader in (self.reader, self.coverage_reader, self.money_reader))

    def _reading(self, _reading: bool = False) -> None:
        self.reading_label.setVisible(self.reading)

    def _failed(self, error: DeskError) -> None:
        self._say(describe(error), ERROR_STYLE)

    def reload(self) -> None:
        """Everything the page shows, read again off the GUI thread (a big compound's coverage
        and money take a moment); the page says "Reading…" until they land."""
        self.day.setMaximumDate(QDate.currentDate())
        day, days, buy_id = self.chosen_day(), self.days.value(), self.money_buy.currentData()

        def read(conn):
            return (daily_figures(conn, day), handoffs_per_day(conn, HISTORY_DAYS, day),
                    list_needs(conn, unmet_only=True), [summary.buy for summary in list_buys(conn)],
                    coverage(conn, days), money_report(conn, buy_id))

        self.reader.read(self._conn, read, lambda found: self._show_all(found, days, buy_id), self._failed)

    def _show_all(self, found: tuple, days: int, buy_id: int | None) -> None:
        figures, history, open_needs, buys, covered, money = found
        self.headline.setText(say("daily.headline", handed=figures.handed, waiting=figures.waiting_count,
                                  unserved=len(figures.coverage.households), days=UNSERVED_DAYS,
                                  needs=len(figures.needs)))
        high = sum(1 for need in open_needs if need.urgency == "high")
        self.needs_summary.setText(arg(self.tr("Urgent needs: %1 open, %2 of them urgent"),
                                       len(open_needs), high))
        chosen = self.money_buy.currentData()
        self.money_buy.blockSignals(True)
        self.money_buy.clear()
        self.money_buy.addItem(self.tr("every group buy"), None)
        for buy in buys:
            self.money_buy.addItem(buy.title, buy.id)
        self.money_buy.setCurrentIndex(max(0, self.money_buy.findData(chosen)))
        self.money_buy.blockSignals(False)
        if days == self.days.value():
            self._coverage_read(covered)
        else:  # changed while the page was reading
            self._show_coverage()
        if buy_id == self.money_buy.currentData():
            self._money_read(money)
        else:
            self._show_money()
        bars = [(arg(self.tr("Bldg %1"), b.building), b.handed, b.waiting) for b in figures.buildings]
        self.buildings_chart.set_bars(bars, "; ".join(
            arg(self.tr("%1: %2 handed over, %3 waiting"), label, handed, waiting)
            for label, handed, waiting in bars))
        points = [(day.strftime("%m-%d"), count) for day, count in history]
        self.days_chart.set_points(points, "; ".join(f"{day}: {count}" for day, count in points))

    def _show_coverage(self) -> None:
        days = self.days.value()
        self.coverage_reader.read(self._conn, lambda conn: coverage(conn, days), self._coverage_read,
                                  lambda error: self.coverage_summary.setText(describe(error)))

    def _coverage_read(self, found) -> None:
        self.coverage = found
        count = len(found.households)
        self.coverage_summary.setText(arg(
            self.tr("%1 households received nothing · %2 vulnerable · %3 without a smartphone"),
            count, found.vulnerable, found.no_smartphone))
        rows = []
        for h in found.households:
            last = (self.tr("never") if h.days_since is None
                    else arg(self.tr("%1 days ago (%2)"), h.days_since, to_local(h.last_handoff_at, "%m-%d")))
            phone = arg(self.tr("%1 · no smartphone: call or knock"), h.phone or "—") \
                if h.no_smartphone else h.phone
            rows.append(Row((h.address, h.name, say("daily.separator").join(word("flag", f) for f in h.flags),
                             word("delivery", h.delivery), phone, last, "; ".join(h.urgent_needs)),
                            tone="warn" if h.vulnerable or h.urgent_needs else "",
                            bold=h.vulnerable))
        self.coverage_model.set_rows(rows)
        fit_columns(self.coverage_table, 5, 26)

    def _coverage_activated(self, index) -> None:
        if self.coverage is not None and 0 <= index.row() < len(self.coverage.households):
            self.householdOpened.emit(self.coverage.households[index.row()].household_id)

    def _show_money(self) -> None:
        buy_id = self.money_buy.currentData()
        self.money_reader.read(self._conn, lambda conn: money_report(conn, buy_id), self._money_read,
                               self._failed)

    def _money_read(self, money: MoneyReport) -> None:
        self.money = money
        owed_to = len({(r.buy_id, r.address) for r in money.refunds})
        texts = {
            "collected": arg(self.tr("Collected %1"), format_fen(money.collected_fen)),
            "refunded": arg(self.tr("refunded %1"), format_fen(money.refunded_fen)),
            "refunds_owed": arg(self.tr("refunds owed %1 (%2 households)"),
                                format_fen(money.refunds_owed_fen), owed_to),
            "owed_to_suppliers": arg(self.tr("owed to suppliers %1"), format_fen(money.owed_to_suppliers_fen)),
            "balance": arg(self.tr("balance %1"), format_fen(money.balance_fen)),
        }
        for figure, button in self.figures.items():
            button.setText(texts[figure])
            button.setAccessibleName(texts[figure])
            button.setToolTip(self.tr("Show the rows behind this figure"))

    # ---- the rows behind a figure ----

    def show_rows(self, figure: str) -> MoneyRowsDialog | None:
        if self.money is None:
            return None
        money = self.money
        rows = money.rows_behind(figure)
        if figure in ("collected", "refunded"):
            headers = (self.tr("When"), self.tr("Group buy"), self.tr("Address"), self.tr("Order"),
                       self.tr("Method"), self.tr("Reference"), self.tr("Amount"))
            made = [self._ledger_row(line) for line in rows]
        elif figure == "refunds_owed":
            headers = (self.tr("Group buy"), self.tr("Address"), self.tr("Orders"), self.tr("Owed back"))
            made = [self._refund_row(refund) for refund in rows]
        elif figure == "owed_to_suppliers":
            headers = (self.tr("Group buy"), self.tr("Status"), self.tr("Supplier"), self.tr("Owed"))
            made = [Row((b.title, word("buy_status", b.status), b.supplier or "—",
                         format_fen(b.owed_to_supplier_fen))) for b in rows]
        else:
            headers = (self.tr("Group buy"), self.tr("Status"), self.tr("Collected"), self.tr("Refunded"),
                       self.tr("Refunds owed"), self.tr("Goods"), self.tr("Balance"))
            made = [self._balance_row(b) for b in rows]
        title = self.figures[figure].text()
        total = arg(self.tr("%1 rows · total %2"), len(made), format_fen(money.figure(figure)))
        dialog = MoneyRowsDialog(title, headers, made, total, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _ledger_row(self, line: LedgerLine) -> Row:
        return Row((to_local(line.at), line.buy, line.address or "—", str(line.order_id),
                    word("payment_method", line.method), line.reference, format_fen(line.amount_fen)))

    def _refund_row(self, refund: RefundOwed) -> Row:
        return Row((refund.buy, refund.address or "—", ", ".join(map(str, refund.order_ids)),
                    format_fen(refund.amount_fen)), tone="warn")

    def _balance_row(self, buy: BuyMoney) -> Row:
        return Row((buy.title, word("buy_status", buy.status), format_fen(buy.collected_fen),
                    format_fen(buy.refunded_fen), format_fen(buy.refunds_owed_fen),
                    format_fen(buy.cost_fen), format_fen(buy.balance_fen)))

    # ---- needs ----

    def add_need(self):
        if not self.add_need_button.isEnabled():
            return None
        dialog = NewNeedDialog(self._conn, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._need_added(dialog.result_need))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _need_added(self, need_id) -> None:
        self.reload()
        self._say(arg(self.tr("Need %1 added."), need_id))
        self.needsChanged.emit()

    # ---- the daily sheet ----

    def _say(self, sentence: str, style: str = NOTICE_STYLE) -> None:
        self.notice.setStyleSheet(style)
        self.notice.setText(sentence)
        self.notice.show()

    def save_daily(self):
        if self.job is not None and self.job.running:
            return None
        day = self.chosen_day()
        suggested = Path(self._last_folder) / f"daily-{day.isoformat()}.pdf"
        path, _chosen = QFileDialog.getSaveFileName(self, self.tr("Save the daily sheet"), str(suggested),
                                                    self.tr("PDF (*.pdf)"))
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self._last_folder = str(target.parent)

        def write(conn, progress, should_cancel):
            from desktop.printing.daily import write_daily_sheet

            write_daily_sheet(conn, day, target, progress=progress, should_cancel=should_cancel)
            return target

        self.job = (DbOp(self, self._conn, write).reads_only()
                    .progress(arg(self.tr("Writing %1…"), target.name))
                    .success(lambda written: self._say(arg(self.tr("Saved the daily sheet to %1."), str(written))))
                    .run())
        return self.job

    def print_daily(self):
        if self.job is not None and self.job.running:
            return None
        from desktop.printing.stocks import SHEET
        from desktop.ui.printing import print_document

        day = self.chosen_day()

        def write(conn, path, progress, should_cancel):
            from desktop.printing.daily import write_daily_sheet

            return write_daily_sheet(conn, day, path, progress=progress, should_cancel=should_cancel)

        self.print_dialog = print_document(
            self, paper=SHEET, doc_name=f"daily-{day.isoformat()}.pdf",
            title=self.tr("Drawing the daily sheet…"), db_path=self._conn.path, write=write,
            say=lambda text, warning: self._say(text, WARNING_STYLE if warning else NOTICE_STYLE),
            started=lambda job: setattr(self, "job", job))
        return self.print_dialog

