"""The committee's Operators page: who may sign in and as what; add one, disable one, give one a
new PIN; and how long the window waits, untouched, before it locks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Connection
from desktop.errors import DeskError
from desktop.people import operators
from desktop.ui.common import arg, show_error
from desktop.ui.forms import (
    NOTICE_STYLE,
    banner,
    buddy_label,
    form_row,
    larger,
    named,
    read_only_table,
    save_cancel,
    shortcut_button,
)
from desktop.ui.ops import DbOp
from desktop.ui.people.sign_in import pin_input
from desktop.words import describe, word


class OperatorDialog(QDialog):
    """A new operator (name, role, PIN), or a new PIN for one (`name` given)."""

    def __init__(self, page: OperatorsPage, name: str | None = None) -> None:
        super().__init__(page)
        self.page, self.existing = page, name
        self.setObjectName("operatorDialog")
        self.setWindowTitle(self.tr("New operator") if name is None else arg(self.tr("A new PIN for %1"), name))
        self.setAccessibleName(self.windowTitle())
        form = QFormLayout()
        self.name_input = named(QLineEdit(self), "operatorName", self.tr("Name"))
        self.name_input.setMaxLength(operators.MAX_NAME)
        self.role_input = named(QComboBox(self), "operatorRole", self.tr("Role"))
        for role in operators.ROLES:
            self.role_input.addItem(word("role", role), role)
        self.pin_input = pin_input(self, "operatorPin", self.tr("PIN"))
        self.again_input = pin_input(self, "operatorPinAgain", self.tr("PIN again"))
        self.name_error = self.role_error = None
        if name is None:
            self.name_error = form_row(form, self.tr("&Name:"), self.name_input, error_name="operatorNameError")
            self.role_error = form_row(form, self.tr("&Role:"), self.role_input, error_name="operatorRoleError")
        else:
            self.name_input.hide()
            self.role_input.hide()
        self.pin_error = form_row(form, self.tr("&PIN (4–8 digits):"), self.pin_input, error_name="operatorPinError")
        self.again_error = form_row(form, self.tr("PIN a&gain:"), self.again_input, error_name="operatorPinAgainError")
        box, self.save_button, self.cancel_button = save_cancel(
            self, self.save, save_name="operatorSave", save_text=self.tr("Save"),
            cancel_name="operatorCancel", cancel_text=self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        self.setMinimumWidth(400)
        self.job = None

    def save(self) -> None:
        for label in (self.name_error, self.pin_error, self.again_error):
            if label is not None:
                label.hide()
        if self.pin_input.text() != self.again_input.text():
            self.again_error.setText(self.tr("The two PINs differ: type the same PIN twice."))
            self.again_error.show()
            return
        pin = self.pin_input.text()
        if self.existing is None:
            name, role = self.name_input.text(), self.role_input.currentData()
            work = lambda conn: operators.add_operator(conn, name, role, pin)  # noqa: E731
        else:
            existing = self.existing
            work = lambda conn: operators.reset_pin(conn, existing, pin)  # noqa: E731
        self.job = (DbOp(self, self.page.conn, work).success(self._saved).failure(self._refused)
                    .disabling(self.save_button).run())

    def _saved(self, who: operators.Operator) -> None:
        self.accept()
        self.page.saved(who, new=self.existing is None)

    def _refused(self, error: DeskError) -> None:
        label = self.pin_error if error.field == "pin" or self.name_error is None else self.name_error
        label.setText(describe(error))
        label.show()


class OperatorsPage(QWidget):
    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operatorsPage")
        self.conn = conn
        self.job = None
        self.dialog: OperatorDialog | None = None
        title = larger(named(QLabel(self.tr("Operators"), self), "operatorsTitle", self.tr("Operators")), bold=True)
        about = named(QLabel(self.tr(
            "Who may sign in, and what each sees: a guard the gate and the stations; a volunteer the "
            "roster, group buys, suppliers, bags, urgent needs and the stations; the committee everything."), self), "operatorsAbout", self.tr("About operators"))
        about.setWordWrap(True)
        self.notice = banner(self, "operatorsNotice", self.tr("What was just done"), NOTICE_STYLE)
        self.table = read_only_table(self, "operatorsTable", self.tr("Operators"),
                                     table=QTableWidget(0, 3, self))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Can sign in")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = shortcut_button(self, "operatorsAdd", self.tr("&Add operator…"), "Ctrl+N",
                                          self.tr("A new operator with a role and a PIN"), self.add)
        self.reset_button = shortcut_button(self, "operatorsResetPin", self.tr("New &PIN…"), None,
                                            self.tr("Give the chosen operator a new PIN"), self.reset_pin)
        self.disable_button = shortcut_button(self, "operatorsDisable", self.tr("&Disable"), None,
                                              self.tr("The chosen operator can no longer sign in"), self.disable)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.disable_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.idle_input = named(QSpinBox(self), "idleLockMinutes", self.tr("Lock after minutes idle"))
        self.idle_input.setRange(0, operators.LONGEST_IDLE_LOCK_MIN)
        self.idle_input.setSpecialValueText(self.tr("never"))
        self.idle_input.setSuffix(self.tr(" min"))
        self.idle_save = shortcut_button(self, "idleLockSave", self.tr("Sa&ve"), None,
                                         self.tr("Keep this idle lock for every station using this file"),
                                         self.save_idle)
        idle = QHBoxLayout()
        idle.addWidget(buddy_label(self, self.tr("&Lock the window after this long untouched:"), self.idle_input))
        idle.addWidget(self.idle_input)
        idle.addWidget(self.idle_save)
        idle.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(about)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(idle)
        self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        try:
            found = operators.list_operators(self.conn)
            minutes = operators.idle_lock_minutes(self.conn)
        except DeskError:
            return
        chosen = self.chosen()
        self.table.setRowCount(len(found))
        for row, who in enumerate(found):
            for column, text in enumerate((who.name, word("role", who.role),
                                           self.tr("yes") if who.active else self.tr("no — disabled"))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, who.name)
                self.table.setItem(row, column, item)
            if who.name == chosen:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        em = self.table.fontMetrics().horizontalAdvance("M")
        for column in range(self.table.columnCount() - 1):  # room to read; the last takes the rest
            self.table.setColumnWidth(column, max(self.table.columnWidth(column) + 16, 10 * em))
        self.idle_input.setValue(minutes)
        self._selection_changed()

    def chosen(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def choose(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == name:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        picked = self.chosen() is not None
        self.reset_button.setEnabled(picked)
        self.disable_button.setEnabled(picked)

    def add(self) -> OperatorDialog:
        self.dialog = OperatorDialog(self)
        self.dialog.open()
        return self.dialog

    def reset_pin(self) -> OperatorDialog | None:
        name = self.chosen()
        if name is None:
            return None
        self.dialog = OperatorDialog(self, name)
        self.dialog.open()
        return self.dialog

    def disable(self) -> None:
        name = self.chosen()
        if name is None:
            return
        self.job = (DbOp(self, self.conn, lambda conn: operators.disable_operator(conn, name))
                    .success(lambda who: self._done(arg(self.tr("%1 can no longer sign in."), who.name)))
                    .failure(lambda error: show_error(self, error)).run())

    def save_idle(self) -> None:
        minutes = self.idle_input.value()
        self.job = (DbOp(self, self.conn, lambda conn: operators.set_idle_lock_minutes(conn, minutes))
                    .success(self._idle_saved).failure(lambda error: show_error(self, error)).run())

    def _idle_saved(self, minutes: int) -> None:
        self._done(self.tr("The window will not lock by itself.") if minutes == 0 else
                   arg(self.tr("The window locks after %1 minutes untouched."), minutes))
        window = self.window()
        if hasattr(window, "idle_lock_changed"):
            window.idle_lock_changed(minutes)

    def saved(self, who: operators.Operator, *, new: bool) -> None:
        self._done(arg(self.tr("%1 added as %2.") if new else self.tr("%1 has a new PIN."),
                       who.name, word("role", who.role)))
        self.choose(who.name)

    def _done(self, sentence: str) -> None:
        self.notice.setText(sentence)
        self.notice.show()
        self.reload()
