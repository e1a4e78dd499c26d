"""Adding or changing one household: every field with its error beside it, Enter saves, Esc cancels."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import to_local
from desktop.db import Connection
from desktop.errors import BadInput, DatabaseUnusable, DeskError
from desktop.roster.address import parse_address
from desktop.roster.households import (
    DELIVERY_MODES,
    FLAGS,
    MAX_PEOPLE,
    Household,
    HouseholdFields,
    add_household,
    update_household,
)
from desktop.ui.common import arg
from desktop.ui.common import show_error as show_error_box
from desktop.ui.forms import FIELD_ERROR_STYLE, MUTED_STYLE, form_row, named, save_cancel
from desktop.ui.jobs import Job
from desktop.ui.ops import DbOp
from desktop.ui.roster.roster_model import delivery_label, flag_label
from desktop.words import describe


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


class HouseholdDialog(QDialog):
    """`exec()` or `open()`; after Save, `saved_id` is the household's id."""

    def __init__(self, conn: Connection, household: Household | None = None, parent=None,
                 *, address: str = "") -> None:
        super().__init__(parent)
        self._conn = conn
        self._household = household
        self.saved_id: int | None = None
        self.job: Job | None = None
        self.file_error = None  # the message box of the last error about the file itself
        self.setObjectName("householdDialog")
        self.setMinimumWidth(520)
        if household is None:
            self.setWindowTitle(self.tr("New household"))
        else:
            self.setWindowTitle(arg(self.tr("Household %1"), household.address))
        self.setAccessibleName(self.windowTitle())

        self.address = named(QLineEdit(self), "householdAddress", self.tr("Address"))
        self.address.setPlaceholderText(self.tr("12-301, 12-2-301, 12号楼301 …"))
        self.address_canonical = named(QLabel(self), "householdAddressCanonical",
                                       self.tr("Address as it will be saved"))
        self.address_canonical.setStyleSheet(MUTED_STYLE)
        self.address.textChanged.connect(self._show_canonical)

        self.name = named(QLineEdit(self), "householdName", self.tr("Contact name"))

        self.phone = named(QLineEdit(self), "householdPhone", self.tr("Phone"))
        self.phone.setPlaceholderText("13800138000")

        self.people = named(QSpinBox(self), "householdPeople", self.tr("People"))
        self.people.setRange(1, MAX_PEOPLE)
        self.people.setMaximumWidth(90)

        self.flag_boxes: dict[str, QCheckBox] = {}
        flags_widget = QWidget(self)
        flags_grid = QGridLayout(flags_widget)
        flags_grid.setContentsMargins(0, 0, 0, 0)
        for position, flag in enumerate(FLAGS):
            box = named(QCheckBox(flag_label(flag), flags_widget), "householdFlag" + _camel(flag),
                        flag_label(flag))
            flags_grid.addWidget(box, position // 2, position % 2)
            self.flag_boxes[flag] = box

        self.delivery = named(QComboBox(self), "householdDelivery", self.tr("Delivery"))
        for mode in DELIVERY_MODES:
            self.delivery.addItem(delivery_label(mode), mode)

        self.notes = named(QLineEdit(self), "householdNotes", self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("e.g. call first; leave at the door"))

        self.active = named(QCheckBox(self.tr("Active (still lives here and is served)"), self),
                            "householdActive", self.tr("Active"))
        self.active.setChecked(True)

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, self.tr("&Address"), "address", self.address, self.address_canonical)
        self._row(form, self.tr("&Name"), "name", self.name)
        self._row(form, self.tr("P&hone"), "phone", self.phone)
        self._row(form, self.tr("&People"), "people", self.people)
        self._row(form, self.tr("Flags"), "flags", flags_widget)
        self._row(form, self.tr("&Delivery"), "delivery", self.delivery)
        self._row(form, self.tr("N&otes"), "notes", self.notes)
        form.addRow("", self.active)

        self.general_error = named(QLabel(self), "householdError", self.tr("Error"))
        self.general_error.setStyleSheet(FIELD_ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        self.changed_at = named(QLabel(self), "householdChanged", self.tr("Last changed"))
        self.changed_at.setStyleSheet(MUTED_STYLE)

        buttons, self.save_button, self.cancel_button = save_cancel(
            self, self.save, save_name="householdSave", save_text=self.tr("Save"),
            save_tip=self.tr("Save (Enter)"),
            cancel_name="householdCancel", cancel_text=self.tr("Cancel"), cancel_tip=self.tr("Close without saving (Esc)"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.changed_at)
        layout.addWidget(buttons)

        for widget in (self.address, self.name, self.phone, self.notes):
            widget.textEdited.connect(self._clear_errors)
        self.people.valueChanged.connect(self._clear_errors)

        if household is not None:
            self._fill(household)
        else:
            self.address.setText(address)
            self.changed_at.hide()
        self._show_canonical(self.address.text())
        self.address.setFocus()
        self.address.selectAll()

    def _row(self, form: QFormLayout, text: str, field: str, widget: QWidget, *extra: QWidget) -> None:
        """A form row: the label, the input, any hint, and the error label right under the input."""
        self.errors[field] = form_row(form, text, widget, *extra, error_name=f"household{_camel(field)}Error")

    def _fill(self, household: Household) -> None:
        self.address.setText(household.address)
        self.name.setText(household.name)
        self.phone.setText(household.phone)
        self.people.setValue(household.people)
        for flag, box in self.flag_boxes.items():
            box.setChecked(flag in household.flags)
        self.delivery.setCurrentIndex(max(0, self.delivery.findData(household.delivery)))
        self.notes.setText(household.notes)
        self.active.setChecked(household.active)
        self.changed_at.setText(
            arg(self.tr("Last changed %1 at station %2"), to_local(household.updated_at), household.station)
        )

    def _show_canonical(self, text: str) -> None:
        try:
            canonical = parse_address(text).canonical
        except BadInput:
            self.address_canonical.setText("")
            self.address_canonical.hide()
            return
        # Only when it differs from what was typed: "12号楼301" becomes "12-301".
        self.address_canonical.setText(arg(self.tr("Saved as %1"), canonical))
        self.address_canonical.setVisible(canonical != text.strip())

    def fields(self) -> HouseholdFields:
        return HouseholdFields(
            address=self.address.text(),
            name=self.name.text(),
            phone=self.phone.text(),
            people=self.people.value(),
            flags=tuple(flag for flag, box in self.flag_boxes.items() if box.isChecked()),
            delivery=self.delivery.currentData(),
            notes=self.notes.text(),
            active=self.active.isChecked(),
        )

    def save(self) -> Job:
        """Save off the GUI thread; the dialog closes once the household is in the file."""
        self._clear_errors()
        fields, household = self.fields(), self._household

        def write(conn) -> int:
            if household is None:
                return add_household(conn, fields)
            update_household(conn, household.id, fields)
            return household.id

        self.job = (DbOp(self, self._conn, write).progress(self.tr("Saving…"), cancellable=False)
                    .success(self._saved).failure(self.show_error).disabling(self.save_button).run())
        return self.job

    def _saved(self, household_id: int) -> None:
        self.saved_id = household_id
        self.accept()

    def show_error(self, error: DeskError) -> None:
        if isinstance(error, DatabaseUnusable):
            # About the file, not a field (a full disk, a lock, a damaged or read-only file): a box
            # that cannot be missed, over the dialog, which stays open with what was typed.
            self.file_error = show_error_box(self, error)
            return
        label = self.errors.get(error.field or "")
        if label is None:
            self.general_error.setText(describe(error))
            self.general_error.show()
            return
        label.setText(describe(error))
        label.show()
        widget = {
            "address": self.address, "name": self.name, "phone": self.phone, "people": self.people,
            "delivery": self.delivery, "notes": self.notes,
        }.get(error.field or "")
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def _clear_errors(self, *_args) -> None:
        for label in self.errors.values():
            label.hide()
        self.general_error.hide()
