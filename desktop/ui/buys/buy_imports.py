"""Bringing orders in from the tools residents already use: a pasted WeChat 接龙 list (a live
preview of every line understood and every line not) and a KuaiTuanTuan export (what the file holds
before anything is written, then what the import did)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.buys.group_buys import STORAGE_CLASSES, get_buy, list_items
from desktop.buys.jielong import ChainPreview, ChainResult, import_chain, preview_chain
from desktop.db import Connection
from desktop.errors import DatabaseUnusable, DeskError
from desktop.money import format_fen
from desktop.ui.buys.buy_common import fit_columns
from desktop.ui.buys.buys_model import Row, RowsModel, storage_label
from desktop.ui.common import arg, dialog_button, relabel
from desktop.ui.common import show_error as show_error_box
from desktop.ui.forms import (
    ERROR_STYLE,
    MUTED_STYLE,
    NOTICE_STYLE,
    WARNING_COLOUR,
    WARNING_STYLE,
    banner,
    buddy_label,
    named,
    read_only_table,
    save_cancel,
)
from desktop.ui.ops import DbOp
from desktop.words import describe

PREVIEW_DELAY_MS = 300


def _warnings_list(parent: QWidget, name: str, accessible: str) -> QListWidget:
    warnings = named(QListWidget(parent), name, accessible)
    warnings.setWordWrap(True)
    warnings.setStyleSheet(f"QListWidget {{ color: {WARNING_COLOUR}; }}")
    return warnings


class ChainDialog(QDialog):
    """Paste a list; see at once what was understood and each line that was not, by its number.
    Import saves the orders understood. `imported(ChainResult)` after saving."""

    imported = Signal(object)

    def __init__(self, conn: Connection, buy_id: int, parent=None) -> None:
        super().__init__(parent)
        self._conn = conn
        self.buy_id = buy_id
        self.preview: ChainPreview | None = None
        self.result: ChainResult | None = None
        self.file_error = None
        # Households to add with their orders: addresses picked one by one, or True for all.
        self.adding: set[str] | bool = set()
        buy = get_buy(conn, buy_id)
        self._item_names = {item.id: item.name for item in list_items(conn, buy_id)}
        self.setObjectName("chainDialog")
        self.setWindowTitle(arg(self.tr("Paste a group list into “%1”"), buy.title))
        self.setAccessibleName(self.windowTitle())
        self.resize(1040, 620)

        self.text = named(QPlainTextEdit(self), "chainText", self.tr("The pasted group list"))
        self.text.setPlaceholderText(self.tr(
            "Paste the list from the chat here (Ctrl+V), for example:\n\n#接龙\n燕麦奶 68元\n\n"
            "1. 12-301 张 2箱\n2. 5号楼1202 李阿姨 1\n3. 7栋2单元502 王 两箱 备注：放门口"))
        self.text.setTabChangesFocus(True)
        self.text.textChanged.connect(lambda: self._timer.start())
        text_title = buddy_label(self, self.tr("&Pasted list"), self.text)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(text_title)
        left_column.addWidget(self.text, 1)

        self.summary = banner(self, "chainSummary", self.tr("What was understood"), NOTICE_STYLE)
        self.summary.setText(self.tr("Paste a list on the left: what it orders shows here as you go."))
        self.summary.setStyleSheet(MUTED_STYLE)
        self.summary.show()
        self.orders_model = RowsModel((self.tr("Line"), self.tr("Address"), self.tr("Name"),
                                       self.tr("Quantities"), self.tr("Import will")), self)
        self.orders = read_only_table(self, "chainOrders", self.tr("Orders understood"))
        self.orders.setModel(self.orders_model)
        self.problems_title = QLabel(self.tr("Lines not understood (fix them in the box, or take them by hand):"), self)
        self.problems_title.setWordWrap(True)
        self.problems_model = RowsModel((self.tr("Line"), self.tr("Text"), self.tr("Why")), self)
        self.problems = read_only_table(self, "chainProblems", self.tr("Lines not understood"))
        self.problems.setModel(self.problems_model)
        self.problems.setWordWrap(True)
        # A reason wraps onto more lines rather than being cut off.
        self.problems.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.warnings = _warnings_list(self, "chainWarnings", self.tr("Warnings"))
        self.warnings.setMaximumHeight(90)
        self.unknown_title = QLabel(self.tr(
            "Not on the roster: select a line and press Enter (or Alt+H) to add that household "
            "with its order, or add them all:"), self)
        self.unknown_title.setWordWrap(True)
        self.unknown_model = RowsModel((self.tr("Line"), self.tr("Address"), self.tr("Name"),
                                        self.tr("Quantities")), self)
        self.unknown = read_only_table(self, "chainUnknown", self.tr("Households not on the roster"))
        self.unknown.setModel(self.unknown_model)
        self.unknown.doubleClicked.connect(lambda _index: self.add_selected())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.unknown)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.add_selected)
        self.add_one = dialog_button(
            self, "chainAddHousehold", self.tr("Add this &household"),
            self.tr("Add this household"),
            self.tr("Add the selected line's household to the roster with its order (Enter)"))
        self.add_one.setAutoDefault(False)
        self.add_one.clicked.connect(self.add_selected)
        self.add_all = dialog_button(
            self, "chainAddAll", self.tr("Add a&ll"), self.tr("Add all households not on the roster"),
            self.tr("Add every household not on the roster with its order"))
        self.add_all.setAutoDefault(False)
        self.add_all.clicked.connect(self.add_everyone)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_one)
        add_row.addWidget(self.add_all)
        add_row.addStretch(1)
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.summary)
        right_column.addWidget(self.orders, 3)
        right_column.addWidget(self.unknown_title)
        right_column.addWidget(self.unknown, 2)
        right_column.addLayout(add_row)
        right_column.addWidget(self.problems_title)
        right_column.addWidget(self.problems, 2)
        right_column.addWidget(self.warnings)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        buttons = QDialogButtonBox(self)
        self.import_button = dialog_button(
            self, "chainImport", self.tr("Import"), self.tr("Import the orders understood"), self.tr("Save the orders understood (Ctrl+Enter)")
        )
        self.import_button.setEnabled(False)
        self.import_button.setAutoDefault(False)
        cancel = dialog_button(
            self, "chainCancel", self.tr("Cancel"), self.tr("Cancel"), self.tr("Close without importing (Esc)")
        )
        cancel.setAutoDefault(False)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self._show_problems(False)
        self.text.setFocus()

    def _show_problems(self, shown: bool) -> None:
        self.problems_title.setVisible(shown)
        self.problems.setVisible(shown)

    def _show_unknown(self, shown: bool) -> None:
        for widget in (self.unknown_title, self.unknown, self.add_one, self.add_all):
            widget.setVisible(shown)

    def add_selected(self) -> None:
        """Add the household of the selected line not on the roster (the first, if none is)."""
        if self.preview is None or not self.preview.unknown:
            return
        row = self.unknown.currentIndex().row()
        entry = self.preview.unknown[row if 0 <= row < len(self.preview.unknown) else 0]
        if self.adding is not True:
            self.adding = set(self.adding) | {entry.address}
        self.update_preview()
        if self.preview is not None and self.preview.unknown:
            self.unknown.selectRow(min(max(row, 0), len(self.preview.unknown) - 1))
            self.unknown.setFocus()

    def add_everyone(self) -> None:
        self.adding = True
        self.update_preview()

    def update_preview(self) -> ChainPreview | None:
        self._timer.stop()
        text = self.text.toPlainText()
        self.preview = None
        self.import_button.setEnabled(False)
        self.warnings.clear()
        self.warnings.hide()
        self._show_unknown(False)
        if not text.strip():
            self.orders_model.set_rows([])
            self.problems_model.set_rows([])
            self._show_problems(False)
            self.summary.setStyleSheet(MUTED_STYLE)
            self.summary.setText(self.tr("Paste a list on the left: what it orders shows here as you go."))
            return None
        try:
            preview = preview_chain(self._conn, self.buy_id, text, add_households=self.adding)
        except DeskError as error:
            # Each line's own reason, when the service gives them with the refusal.
            problems = error.data.get("problems") or ()
            self.orders_model.set_rows([])
            self.problems_model.set_rows([
                Row((str(p.line), p.text, p.reason.text()), tone="warn") for p in problems])
            self._show_problems(bool(problems))
            self.summary.setStyleSheet(ERROR_STYLE)
            self.summary.setText(describe(error))
            return None
        self.preview = preview
        outcome = {"added": self.tr("add"), "updated": self.tr("change the order"),
                   "unchanged": self.tr("leave as it is")}

        def quantities(lines) -> str:
            return "  ".join(f"{self._item_names.get(item_id, '')}×{quantity}"
                             for item_id, quantity in lines.items())

        by_name = {name: item_id for item_id, name in self._item_names.items()}
        self.orders_model.set_rows([
            Row((str(order.entry.line), order.address, order.entry.name, quantities(order.lines),
                 self.tr("add the household and its order") if order.new_household
                 else outcome[order.outcome]),
                tone="muted" if order.outcome == "unchanged" else "",
                bold=order.new_household,
                tooltip=order.entry.text + (("\n" + self.tr("Note: ") + order.entry.note)
                                            if order.entry.note else ""))
            for order in preview.orders
        ])
        fit_columns(self.orders, 3, 22)
        self.unknown_model.set_rows([
            Row((str(entry.line), entry.address, entry.name,
                 quantities({by_name.get(name, 0): n for name, n in entry.quantities.items()})),
                tooltip=entry.text)
            for entry in preview.unknown
        ])
        fit_columns(self.unknown, 3, 16)
        self._show_unknown(bool(preview.unknown))
        self.add_all.setText(arg(self.tr("Add a&ll %1"), len(preview.unknown)))
        unknown_lines = {entry.line for entry in preview.unknown}
        problems = [p for p in preview.unmatched if p.line not in unknown_lines]
        self.problems_model.set_rows([
            Row((str(problem.line), problem.text, problem.reason.text()), tone="warn",
                tooltip=problem.reason.text())
            for problem in problems
        ])
        fit_columns(self.problems, 3, 12)
        self._show_problems(bool(problems))
        for warning in preview.warnings:
            self.warnings.addItem("⚠ " + warning.text())
        self.warnings.setVisible(bool(preview.warnings))
        counts = {kind: sum(1 for o in preview.orders if o.outcome == kind)
                  for kind in ("added", "updated", "unchanged")}
        adding = sum(1 for o in preview.orders if o.new_household)
        self.summary.setText(arg(self.tr("Understood: orders for %1 households (%2 new, %3 changed, "
                                         "%4 unchanged; %5 households to add). Not on the roster: "
                                         "%6. Lines not understood: %7."),
                                 len(preview.orders), counts["added"], counts["updated"],
                                 counts["unchanged"], adding, len(preview.unknown), len(problems)))
        self.summary.setStyleSheet(WARNING_STYLE if preview.unmatched else NOTICE_STYLE)
        changes = counts["added"] + counts["updated"]
        self.import_button.setEnabled(changes > 0)
        relabel(self.import_button, self.tr("Import %n orders", "", changes) if changes else self.tr("Import"))
        return preview

    def save(self) -> None:
        self._timer.stop()
        buy_id, text, adding = self.buy_id, self.text.toPlainText(), self.adding
        self.job = (DbOp(self, self._conn, lambda conn: import_chain(conn, buy_id, text, add_households=adding))
                    .progress(self.tr("Importing the group list…"), cancellable=False)
                    .success(self._imported).failure(self._refused).disabling(self.import_button).run())

    def _imported(self, result) -> None:
        self.result = result
        self.imported.emit(result)
        self.accept()

    def _refused(self, error: DeskError) -> None:
        if isinstance(error, DatabaseUnusable):
            self.file_error = show_error_box(self, error)
        else:
            self.summary.setStyleSheet(ERROR_STYLE)
            self.summary.setText(describe(error))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if self._timer.isActive():
                self.update_preview()
            if self.import_button.isEnabled():
                self.save()
            return
        super().keyPressEvent(event)


def plan_both_ways(conn: Connection, export) -> dict:
    """What importing `export` would do with households added and without (a refusal in place of
    a plan): worked out once, in a worker, so switching between them costs the window nothing."""
    from desktop.buys.ktt import plan_export

    plans: dict = {}
    for create in (True, False):
        try:
            plans[create] = plan_export(conn, export, create_households=create)
        except DeskError as error:
            plans[create] = error
    return plans


class KttPreviewDialog(QDialog):
    """What a KuaiTuanTuan export holds and what importing it would change, with nothing written:
    items with their prices and a storage class to change, who supplies, the households it would
    add (that can be switched off) and the orders it cannot place. Accepted: import it with
    `choices()`."""

    def __init__(self, path, export, parent=None, conn: Connection | None = None,
                 plans: dict | None = None) -> None:
        super().__init__(parent)
        self._conn = conn
        self._export = export
        self._plans = plans  # worked out already, off the GUI thread (`plan_both_ways`)
        self.plan = None
        self.setObjectName("kttPreview")
        self.setWindowTitle(arg(self.tr("Import %1"), path.name))
        self.setAccessibleName(self.windowTitle())
        self.resize(900, 680)

        quantity = sum(item.quantity for item in export.items.values())
        heading = QLabel(arg(self.tr("Nothing has been written yet. “%1” (group leader %2) holds %n orders "
                                     "of %3 items, %4 units in all.", "", len(export.orders)),
                             export.title, export.leader or "—", len(export.items), quantity)
                         + (" " + arg(self.tr("Delivery fee: %1 per order, charged with the goods."),
                                      format_fen(export.fee_fen)) if export.fee_fen else ""), self)
        heading.setObjectName("kttSummary")
        heading.setAccessibleName(self.tr("What the file holds"))
        heading.setWordWrap(True)

        self.supplier = named(QLineEdit(self), "kttSupplier", self.tr("Supplier"))
        self.supplier.setPlaceholderText(self.tr("Who sells the goods (the group leader only organises)"))
        self.supplier.textChanged.connect(self._supplier_changed)
        self.supplier_note = named(QLabel(self), "kttSupplierNote", self.tr("About the supplier"))
        self.supplier_note.setWordWrap(True)
        self.supplier_note.setStyleSheet(MUTED_STYLE)
        form = QFormLayout()
        form.addRow(buddy_label(self, self.tr("&Supplier:"), self.supplier), self.supplier)
        form.addRow("", self.supplier_note)

        items = RowsModel((self.tr("Item"), self.tr("Unit price"), self.tr("Quantity"),
                           self.tr("Storage")), self, right_aligned=(1, 2))
        listed = list(export.items.values())
        items.set_rows([Row((item.name, format_fen(item.price_fen), str(item.quantity), ""))
                        for item in listed])
        self.items = read_only_table(self, "kttItems", self.tr("Items"))
        self.items.setModel(items)
        self.storage: dict[str, QComboBox] = {}
        for row, item in enumerate(listed):
            combo = named(QComboBox(self.items), f"kttStorage{row}", arg(self.tr("Storage of %1"), item.name))
            for storage in STORAGE_CLASSES:
                combo.addItem(storage_label(storage), storage)
            combo.setCurrentIndex(STORAGE_CLASSES.index(item.storage))
            self.items.setIndexWidget(items.index(row, 3), combo)
            self.storage[item.name] = combo
        fit_columns(self.items, 6, 24)
        self.items.setColumnWidth(3, max(self.items.columnWidth(3), 110))
        items_title = QLabel(self.tr("Items: the storage class is a guess from the name; change "
                                     "it here before importing."), self)
        items_title.setWordWrap(True)

        self.create = named(QCheckBox(self.tr("&Add households not on the roster"), self),
                            "kttCreateHouseholds", self.tr("Add households not on the roster"))
        self.create.setChecked(True)
        self.create.toggled.connect(lambda _on: self._show_plan())
        self.households_title = QLabel(self)
        self.households_model = RowsModel((self.tr("Address"), self.tr("Name"), self.tr("Phone")), self)
        self.households = read_only_table(self, "kttNewHouseholds", self.tr("Households to add"))
        self.households.setModel(self.households_model)
        self.unplaced_title = QLabel(self)
        self.unplaced_title.setWordWrap(True)
        self.unplaced_model = RowsModel((self.tr("Platform order no."), self.tr("Address as written")), self)
        self.unplaced = read_only_table(self, "kttUnplaced", self.tr("Orders it cannot place"))
        self.unplaced.setModel(self.unplaced_model)
        self.plan_error = banner(self, "kttPlanError", self.tr("Why it cannot be imported"), ERROR_STYLE)
        places = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.households_title)
        left.addWidget(self.households, 1)
        right.addWidget(self.unplaced_title)
        right.addWidget(self.unplaced, 1)
        places.addLayout(left, 1)
        places.addLayout(right, 1)

        self.warnings = _warnings_list(self, "kttWarnings", self.tr("Warnings"))
        self.warnings.addItems(["⚠ " + warning.text() for warning in export.warnings])
        self.warnings_title = warnings_title = QLabel(
            arg(self.tr("Warnings (%1):"), len(export.warnings)), self)
        if not export.warnings:
            warnings_title.hide()
            self.warnings.hide()
        note = QLabel(self.tr("Households are matched by address; the platform payments are "
                              "recorded; several platform orders of one household are settled together. "
                              "Importing the same file again changes nothing."), self)
        note.setWordWrap(True)
        note.setStyleSheet(MUTED_STYLE)

        buttons, self.import_button, _cancel = save_cancel(
            self, self.accept, save_name="kttImport",
            save_text=self.tr("Import %n orders", "", len(export.orders)), save_accessible=self.tr("Import"),
            cancel_name="kttCancel", cancel_text=self.tr("Cancel"))

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(items_title)
        layout.addWidget(self.items, 3)
        layout.addWidget(self.create)
        layout.addWidget(self.plan_error)
        layout.addLayout(places, 2)
        layout.addWidget(warnings_title)
        layout.addWidget(self.warnings, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self._supplier_changed("")
        self._show_plan()
        self.supplier.setFocus()

    def _supplier_changed(self, text: str) -> None:
        if text.strip():
            self.supplier_note.setText(arg(self.tr("The buy's supplier will be %1."), text.strip()))
        else:
            self.supplier_note.setText(self.tr("No supplier given: the buy records its supplier as "
                                               "unknown until someone sets it."))

    def _show_plan(self) -> None:
        """The households the import would add and the orders it cannot place, worked out again
        whenever adding households is switched on or off."""
        self.plan_error.hide()
        self.import_button.setEnabled(True)
        if self._conn is None:
            return
        from desktop.buys.ktt import plan_export

        try:
            create = self.create.isChecked()
            if self._plans is not None:
                self.plan = self._plans[create]
                if isinstance(self.plan, DeskError):
                    raise self.plan
            else:
                self.plan = plan_export(self._conn, self._export, create_households=create)
        except DeskError as error:
            self.plan = None
            self.plan_error.setText(describe(error))
            self.plan_error.show()
            self.import_button.setEnabled(False)
            self.households_model.set_rows([])
            self.unplaced_model.set_rows([])
            return
        self.warnings.clear()
        shown = list(self._export.warnings) + [w for w in self.plan.warnings
                                               if w.code == "ktt_placed_by_phone"]
        self.warnings.addItems(["⚠ " + warning.text() for warning in shown])
        self.warnings_title.setText(arg(self.tr("Warnings (%1):"), len(shown)))
        self.warnings_title.setVisible(bool(shown))
        self.warnings.setVisible(bool(shown))
        self.households_model.set_rows([Row((h.address, h.name, h.masked_phone))
                                        for h in self.plan.new_households])
        fit_columns(self.households, 5, 14)
        self.households_title.setText(arg(self.tr("Households to add (%1):"),
                                          len(self.plan.new_households)))
        self.households.setEnabled(self.create.isChecked())
        self.unplaced_model.set_rows([Row((u.ref, u.text), tone="warn")
                                      for u in self.plan.unplaced])
        fit_columns(self.unplaced, 5, 20)
        self.unplaced_title.setText(arg(self.tr("Orders it cannot place at a household (%1): they "
                                                "are imported unplaced."), len(self.plan.unplaced)))

    def choices(self) -> dict:
        """What the volunteer chose, as `save_export` takes it."""
        return {
            "supplier": self.supplier.text().strip() or None,
            "storage": {name: combo.currentData() for name, combo in self.storage.items()},
            "create_households": self.create.isChecked(),
        }


class KttResultDialog(QDialog):
    """What an import did: orders, households matched and added, items, every warning."""

    def __init__(self, result, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("kttResult")
        self.setWindowTitle(self.tr("KuaiTuanTuan import"))
        self.setAccessibleName(self.windowTitle())
        self.resize(760, 540)
        where = (self.tr("a new group buy") if result.created_buy else self.tr("the group buy of an earlier import"))
        summary = QLabel(arg(self.tr("Imported into %1, “%2”: %n orders (%3 new, %4 changed, %5 unchanged). "
                                     "Households: %6 matched in the roster, %7 added.", "", result.orders),
                             where, result.title, result.added, result.updated,
                             result.unchanged, result.households_matched, result.households_created), self)
        summary.setObjectName("kttResultSummary")
        summary.setAccessibleName(self.tr("What the import did"))
        summary.setWordWrap(True)
        summary.setStyleSheet(NOTICE_STYLE)
        items = RowsModel((self.tr("Item"), self.tr("Unit price"), self.tr("Quantity")), self,
                          right_aligned=(1, 2))
        items.set_rows([Row((item.name, format_fen(item.unit_price_fen), str(item.quantity)))
                        for item in result.items])
        self.items = read_only_table(self, "kttResultItems", self.tr("Items"))
        self.items.setModel(items)
        fit_columns(self.items, 6, 24)
        self.warnings = _warnings_list(self, "kttResultWarnings", self.tr("Warnings"))
        self.warnings.addItems(["⚠ " + warning.text() for warning in result.warnings])
        warnings_title = QLabel(arg(self.tr("Warnings (%1):"), len(result.warnings)), self)
        if not result.warnings:
            warnings_title.hide()
            self.warnings.hide()
        buttons = QDialogButtonBox(self)
        close = dialog_button(
            self, "kttResultOpen", self.tr("Open the group buy"), self.tr("Open the group buy")
        )
        close.setDefault(True)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.items, 2)
        layout.addWidget(warnings_title)
        layout.addWidget(self.warnings, 1)
        layout.addWidget(buttons)
