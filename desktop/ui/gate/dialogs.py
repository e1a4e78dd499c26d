"""The Gate page's dialogs: the guard's name once per shift, undoing a handoff, a decision about
the bag on screen, and the cold-chain limits with the sealed buildings. Each asks, then hands what
was typed to a `confirm` callable that answers None (done) or the sentence of what is wrong."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import gate
from desktop.ui.common import arg
from desktop.words import word


def error_label(dialog: QDialog, name: str, accessible: str) -> QLabel:
    """Where a dialog says what is wrong, hidden until it does."""
    label = QLabel(dialog)
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setStyleSheet("color: #b3261e;")
    label.setWordWrap(True)
    label.hide()
    return label


def accept_or_say(dialog: QDialog, error: str | None) -> bool:
    """Close the dialog when its `confirm` answered None; else show the sentence it answered."""
    if error is None:
        dialog.accept()
        return True
    dialog.error.setText(error)
    dialog.error.show()
    return False


class UndoDialog(QDialog):
    """Asks why a handoff is undone; the reason is required and kept with the reversal."""

    def __init__(self, parent: QWidget, what: str, confirm: Callable[[str], str | None]) -> None:
        super().__init__(parent)
        self.setObjectName("gateUndoDialog")
        self._confirm = confirm
        self.setWindowTitle(self.tr("Undo the last handoff"))
        self.setAccessibleName(self.tr("Undo the last handoff"))
        self.setMinimumWidth(480)
        question = QLabel(what, self)
        question.setObjectName("gateUndoWhat")
        question.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("gateUndoReason")
        self.reason.setAccessibleName(self.tr("Reason for undoing"))
        self.reason.setPlaceholderText(self.tr("Why? e.g. the wrong bag was scanned"))
        self.error = error_label(self, "gateUndoError", self.tr("Error"))
        self.buttons = QDialogButtonBox(self)
        self.confirm = self.buttons.addButton(self.tr("&Undo handoff"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("gateUndoConfirm")
        self.confirm.setAccessibleName(self.tr("Undo handoff"))
        self.confirm.setEnabled(False)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("gateUndoCancel")
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._confirmed)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda text: self.confirm.setEnabled(bool(text.strip())))
        reason_label = QLabel(self.tr("Rea&son (required):"), self)
        reason_label.setBuddy(self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _confirmed(self) -> None:
        """The reason goes to `confirm`; a sentence back is an error shown here, None is done."""
        accept_or_say(self, self._confirm(self.reason.text()))


class GuardDialog(QDialog):
    """Asks the guard's name once per shift, before the first handoff is recorded."""

    def __init__(self, parent: QWidget, name: str, confirm: Callable[[str], str | None]) -> None:
        super().__init__(parent)
        self.setObjectName("gateGuardDialog")
        self._confirm = confirm
        self.setWindowTitle(self.tr("Who is on duty?"))
        self.setAccessibleName(self.tr("Who is on duty?"))
        self.setMinimumWidth(440)
        question = QLabel(self.tr("Every handoff is recorded with the name of the guard who made "
                                  "it. Type your name once for this shift."), self)
        question.setObjectName("gateGuardQuestion")
        question.setWordWrap(True)
        self.name = QLineEdit(name, self)
        self.name.setObjectName("gateGuardName")
        self.name.setAccessibleName(self.tr("Guard on duty"))
        self.name.setPlaceholderText(self.tr("your name"))
        self.name.setMaxLength(gate.MAX_NAME)
        self.error = error_label(self, "gateGuardError", self.tr("Error"))
        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(self.tr("&Start my shift"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("gateGuardConfirm")
        self.confirm.setAccessibleName(self.tr("Start my shift"))
        self.confirm.setEnabled(bool(name.strip()))
        cancel = buttons.addButton(self.tr("&Only check for now"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("gateGuardCancel")
        cancel.setAccessibleName(self.tr("Only check for now"))
        buttons.accepted.connect(self._confirmed)
        buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(lambda text: self.confirm.setEnabled(bool(text.strip())))
        label = QLabel(self.tr("&Name:"), self)
        label.setBuddy(self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(label)
        layout.addWidget(self.name)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _confirmed(self) -> None:
        if not accept_or_say(self, self._confirm(self.name.text())):
            self.name.selectAll()


class DecisionDialog(QDialog):
    """A guard's decision about the bag on screen ("this one went to the door instead"): what
    happened to it and why, confirmed before it is recorded."""

    def __init__(self, parent: QWidget, what: str, standing: gate.Handoff | None,
                 describe_event: Callable[[gate.Handoff], str], preferred: str | None,
                 confirm: Callable[[str, str], str | None]) -> None:
        super().__init__(parent)
        self.setObjectName("gateDecisionDialog")
        self._confirm = confirm
        self._standing = standing
        self._describe_event = describe_event
        self.setWindowTitle(self.tr("Correct this bag"))
        self.setAccessibleName(self.tr("Correct this bag"))
        self.setMinimumWidth(520)
        bag = QLabel(what, self)
        bag.setObjectName("gateDecisionWhat")
        bag.setWordWrap(True)
        now = QLabel(self)
        now.setObjectName("gateDecisionNow")
        now.setWordWrap(True)
        now.setText(arg(self.tr("Recorded now: %1"), describe_event(standing)) if standing
                    else self.tr("Recorded now: nothing yet, it waits."))
        self.choices = QButtonGroup(self)
        self.choices.setExclusive(True)
        choice_row = QVBoxLayout()
        for action, name, text in (
            ("pickup", "gateDecidePickup", self.tr("&Picked up by the household")),
            ("door", "gateDecideDoor", self.tr("&Delivered to the door")),
            ("gate", "gateDecideGate", self.tr("&Arrived at the gate, waits there")),
        ):
            button = QRadioButton(text, self)
            button.setObjectName(name)
            button.setAccessibleName(text.replace("&", ""))
            button.setProperty("action", action)
            button.setEnabled(standing is None or standing.action != action)
            self.choices.addButton(button)
            choice_row.addWidget(button)
            if action == preferred and button.isEnabled():
                button.setChecked(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("gateDecisionReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why? e.g. the household is sealed in, it went to the door"))
        self.reason.setMaxLength(gate.MAX_REASON)
        reason_label = QLabel(self.tr("Rea&son (required):"), self)
        reason_label.setBuddy(self.reason)
        self.effect = QLabel(self)
        self.effect.setObjectName("gateDecisionEffect")
        self.effect.setAccessibleName(self.tr("What will be recorded"))
        self.effect.setWordWrap(True)
        self.effect.setStyleSheet("font-weight: bold;")
        self.error = error_label(self, "gateDecisionError", self.tr("Error"))
        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(self.tr("&Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("gateDecisionConfirm")
        self.confirm.setAccessibleName(self.tr("Record"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("gateDecisionCancel")
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._confirmed)
        buttons.rejected.connect(self.reject)
        self.choices.buttonToggled.connect(lambda *_: self._update())
        self.reason.textChanged.connect(lambda _t: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(bag)
        layout.addWidget(now)
        layout.addLayout(choice_row)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.effect)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._update()

    def action(self) -> str | None:
        checked = self.choices.checkedButton()
        return None if checked is None else str(checked.property("action"))

    def _update(self) -> None:
        action = self.action()
        if action is None:
            self.effect.setText(self.tr("Choose what happened to this bag."))
        elif self._standing is not None and self._standing.action in gate.RECORDABLE:
            self.effect.setText(arg(self.tr("“%1” is undone and “%2” recorded, with your reason."),
                                    self._describe_event(self._standing), word("handoff", action)))
        else:
            self.effect.setText(arg(self.tr("“%1” is recorded, with your reason."), word("handoff", action)))
        self.confirm.setEnabled(action is not None and bool(self.reason.text().strip()))

    def _confirmed(self) -> None:
        action = self.action()
        if action is None:
            return
        accept_or_say(self, self._confirm(action, self.reason.text()))


class GateSettingsDialog(QDialog):
    """The cold-chain limits and the sealed buildings, kept in the compound's file."""

    def __init__(self, parent: QWidget, current: gate.GateSettings,
                 save: Callable[[GateSettingsDialog], str | None]) -> None:
        super().__init__(parent)
        self.setObjectName("gateSettingsDialog")
        self._save = save
        self.setWindowTitle(self.tr("Cold chain and sealed buildings"))
        self.setAccessibleName(self.tr("Cold chain and sealed buildings"))
        self.frozen = self._minutes("gateFrozenLimit", self.tr("Frozen bags may wait (minutes)"),
                                    current.frozen_limit)
        self.chilled = self._minutes("gateChilledLimit", self.tr("Chilled bags may wait (minutes)"),
                                     current.chilled_limit)
        self.sealed = QLineEdit(", ".join(str(b) for b in current.sealed_buildings), self)
        self.sealed.setObjectName("gateSealedBuildings")
        self.sealed.setAccessibleName(self.tr("Sealed buildings"))
        self.sealed.setPlaceholderText(self.tr("e.g. 3, 12"))
        self.sealed.setToolTip(self.tr("Every bag for a sealed building is carried to the door"))
        self.error = error_label(self, "gateSettingsError", self.tr("Error"))
        form = QFormLayout()
        form.addRow(self.tr("&Frozen limit:"), self.frozen)
        form.addRow(self.tr("C&hilled limit:"), self.chilled)
        form.addRow(self.tr("Sea&led buildings:"), self.sealed)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("gateSettingsButtons")
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("gateSettingsSave")
        buttons.accepted.connect(self._saved)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _minutes(self, name: str, accessible: str, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setRange(1, gate.MAX_LIMIT)
        box.setValue(value)
        box.setSuffix(self.tr(" min"))
        return box

    def _saved(self) -> None:
        accept_or_say(self, self._save(self))
