"""Who is at the window: the sign-in screen (name and PIN, keyboard only), the dialog that makes
a file's first committee operator, and the committee sign-in some actions need."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Connection
from desktop.errors import BadInput, DeskError
from desktop.people import operators
from desktop.ui.common import arg, dialog_button
from desktop.ui.forms import error_label, form_row, larger, named, save_cancel
from desktop.ui.ops import DbOp
from desktop.words import describe


def pin_input(parent: QWidget, name: str, accessible: str) -> QLineEdit:
    """A PIN field: dots instead of digits, digits only, at most 8."""
    field = named(QLineEdit(parent), name, accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    field.setValidator(QRegularExpressionValidator(r"[0-9０-９]{0,8}", field))
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhHiddenText)
    return field


def name_picker(parent: QWidget, conn: Connection, name: str, accessible: str,
                roles: tuple[str, ...] | None = None) -> QComboBox:
    """A name typed or picked from the short list of those who may sign in."""
    box = named(QComboBox(parent), name, accessible)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    fill_names(box, conn, roles)
    return box


def fill_names(box: QComboBox, conn: Connection, roles: tuple[str, ...] | None = None) -> None:
    try:
        names = [o.name for o in operators.list_operators(conn)
                 if o.active and (roles is None or o.role in roles)]
    except DeskError:
        names = []
    box.clear()
    box.addItems(names)
    box.setCurrentIndex(-1)
    box.setEditText("")


class SignInPanel(QWidget):
    """The window's first screen once operators exist, and where the idle lock returns."""

    signedIn = Signal(object)  # the Operator

    def __init__(self, conn_of: Callable[[], Connection], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("signInPanel")
        self._conn_of = conn_of
        self.job = None
        box = QFrame(self)
        box.setObjectName("signInBox")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setMaximumWidth(420)
        title = larger(named(QLabel(self.tr("Sign in"), box), "signInTitle", self.tr("Sign in")), bold=True)
        self.hint = named(QLabel(self.tr("Type your name (or pick it) and your PIN, then press Enter."), box),
                          "signInHint", self.tr("How to sign in"))
        self.hint.setWordWrap(True)
        self.name_input = name_picker(box, conn_of(), "signInName", self.tr("Your name"))
        self.pin_input = pin_input(box, "signInPin", self.tr("Your PIN"))
        self.pin_input.returnPressed.connect(self.submit)
        self.name_input.lineEdit().returnPressed.connect(self.pin_input.setFocus)
        form = QFormLayout()
        form.addRow(*self._label(self.tr("&Name:"), self.name_input))
        form.addRow(*self._label(self.tr("&PIN:"), self.pin_input))
        self.error = error_label(box, "signInError", self.tr("Problem signing in"))
        self.button = dialog_button(box, "signInButton", self.tr("Sign in"), self.tr("Sign in"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        column = QVBoxLayout(box)
        column.setContentsMargins(24, 24, 24, 24)
        column.addWidget(title)
        column.addWidget(self.hint)
        column.addSpacing(8)
        column.addLayout(form)
        column.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        column.addLayout(row)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(box, 2)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(3)

    def _label(self, text: str, widget: QWidget):
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label, widget

    def reset(self) -> None:
        """Ready for the next person: the names as they are now, the fields empty."""
        fill_names(self.name_input, self._conn_of())
        self.pin_input.clear()
        self.error.hide()
        self.button.setEnabled(True)
        self.name_input.setFocus()

    def submit(self) -> None:
        name, pin = self.name_input.currentText(), self.pin_input.text()
        self.error.hide()
        if not name.strip():
            self.show_error(describe(BadInput("operator_name_empty", "name")))
            self.name_input.setFocus()
            return
        self.job = (DbOp(self, self._conn_of(), lambda conn: operators.sign_in(conn, name, pin))
                    .success(self._signed_in).failure(self._refused).disabling(self.button).run())

    def _signed_in(self, who: operators.Operator) -> None:
        self.pin_input.clear()
        self.signedIn.emit(who)

    def _refused(self, error: DeskError) -> None:
        self.pin_input.clear()
        self.show_error(describe(error))
        (self.name_input if error.field == "name" else self.pin_input).setFocus()

    def show_error(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()


class FirstOperatorDialog(QDialog):
    """The first time the window is used: the first committee operator, who adds the others. It
    may wait (Later): until an operator exists the window opens without signing in."""

    def __init__(self, conn: Connection, parent: QWidget, made: Callable[[operators.Operator], None]) -> None:
        super().__init__(parent)
        self.setObjectName("firstOperatorDialog")
        self.setWindowTitle(self.tr("The first committee operator"))
        self.setAccessibleName(self.windowTitle())
        self._conn, self._made = conn, made
        intro = named(QLabel(self.tr(
            "Once an operator exists, the window asks for a name and PIN and shows each person the "
            "pages of their role. This first one is on the committee and adds the others."), self),
            "firstOperatorIntro", self.tr("About operators"))
        intro.setWordWrap(True)
        self.name_input = named(QLineEdit(self), "firstOperatorName", self.tr("Name"))
        self.name_input.setMaxLength(operators.MAX_NAME)
        self.pin_input = pin_input(self, "firstOperatorPin", self.tr("PIN"))
        self.again_input = pin_input(self, "firstOperatorPinAgain", self.tr("PIN again"))
        form = QFormLayout()
        self.name_error = form_row(form, self.tr("&Name:"), self.name_input, error_name="firstOperatorNameError")
        self.pin_error = form_row(form, self.tr("&PIN (4–8 digits):"), self.pin_input,
                                  error_name="firstOperatorPinError")
        self.again_error = form_row(form, self.tr("PIN a&gain:"), self.again_input,
                                    error_name="firstOperatorPinAgainError")
        box, self.save_button, self.later_button = save_cancel(
            self, self.save, save_name="firstOperatorSave", save_text=self.tr("Create"),
            cancel_name="firstOperatorLater", cancel_text=self.tr("Later"),
            cancel_tip=self.tr("Keep using the window without signing in for now"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(box)
        self.setMinimumWidth(440)
        self.job = None

    def save(self) -> None:
        for label in (self.name_error, self.pin_error, self.again_error):
            label.hide()
        if self.pin_input.text() != self.again_input.text():
            self.again_error.setText(self.tr("The two PINs differ: type the same PIN twice."))
            self.again_error.show()
            self.again_input.setFocus()
            return
        name, pin = self.name_input.text(), self.pin_input.text()
        self.job = (DbOp(self, self._conn, lambda conn: operators.add_first_committee(conn, name, pin))
                    .success(self._saved).failure(self._refused).disabling(self.save_button).run())

    def _saved(self, who: operators.Operator) -> None:
        self.accept()
        self._made(who)

    def _refused(self, error: DeskError) -> None:
        label = self.pin_error if error.field == "pin" else self.name_error
        label.setText(describe(error))
        label.show()
        (self.pin_input if error.field == "pin" else self.name_input).setFocus()


class CommitteeDialog(QDialog):
    """A committee member signs in for one action (`what` says which) without the window
    changing hands; `approved` gets their name."""

    def __init__(self, conn: Connection, parent: QWidget, what: str, approved: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.setObjectName("committeeDialog")
        self.setWindowTitle(self.tr("A committee member's sign-in"))
        self.setAccessibleName(self.windowTitle())
        self._conn, self._approved = conn, approved
        about = named(QLabel(arg(self.tr("%1 A committee member signs in to allow it."), what), self),
                      "committeeWhy", self.tr("Why a committee member is needed"))
        about.setWordWrap(True)
        self.name_input = name_picker(self, conn, "committeeName", self.tr("Committee member's name"),
                                      roles=(operators.COMMITTEE,))
        self.pin_input = pin_input(self, "committeePin", self.tr("Committee member's PIN"))
        form = QFormLayout()
        self.name_error = form_row(form, self.tr("&Name:"), self.name_input, error_name="committeeNameError")
        self.pin_error = form_row(form, self.tr("&PIN:"), self.pin_input, error_name="committeePinError")
        box, self.allow_button, self.cancel_button = save_cancel(
            self, self.allow, save_name="committeeAllow", save_text=self.tr("Allow"),
            cancel_name="committeeCancel", cancel_text=self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(box)
        self.setMinimumWidth(420)
        self.job = None

    def allow(self) -> None:
        self.name_error.hide()
        self.pin_error.hide()
        name, pin = self.name_input.currentText(), self.pin_input.text()
        self.job = (DbOp(self, self._conn, lambda conn: operators.check_committee(conn, name, pin))
                    .success(self._allowed).failure(self._refused).disabling(self.allow_button).run())

    def _allowed(self, who: operators.Operator) -> None:
        self.accept()
        self._approved(who.name)

    def _refused(self, error: DeskError) -> None:
        self.pin_input.clear()
        label = self.pin_error if error.field == "pin" else self.name_error
        label.setText(describe(error))
        label.show()
        (self.pin_input if error.field == "pin" else self.name_input).setFocus()
