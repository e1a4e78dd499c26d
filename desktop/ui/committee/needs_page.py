"""The Urgent needs page: medicine, formula, insulin and the like that a household is waiting for,
who is sourcing it, and how it ended; with the dialogs that add, move on and close a need."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import to_local
from desktop.committee.needs import Need, add_need, close_need, list_needs, update_need
from desktop.db import Connection
from desktop.errors import DatabaseUnusable, DeskError
from desktop.ui.buys.buy_common import fit_columns
from desktop.ui.buys.buys_model import Row, RowsModel
from desktop.ui.common import arg
from desktop.ui.common import show_error as show_error_box
from desktop.ui.forms import (
    ERROR_STYLE,
    NOTICE_STYLE,
    banner,
    buddy_label,
    centred_sentence,
    form_row,
    larger,
    named,
    read_only_table,
    save_cancel,
    shortcut_button,
)
from desktop.ui.ops import DbOp
from desktop.ui.reads import PageRead
from desktop.words import describe, word


class _NeedDialog(QDialog):
    """What the three need dialogs share: saving as one op, a refusal said under its field."""

    def __init__(self, conn: Connection, name: str, title: str, parent=None) -> None:
        super().__init__(parent)
        self._conn = conn
        self.file_error = None
        self.job = None
        self.result_need: Need | int | None = None
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(480)
        self.errors: dict[str, QLabel] = {}

    def _run(self, work) -> None:
        self.job = (DbOp(self, self._conn, work).progress(self.tr("Saving…"), cancellable=False)
                    .success(self._saved).failure(self._refused).disabling(self.save_button).run())

    def _saved(self, result) -> None:
        self.result_need = result
        self.accept()

    def _refused(self, error: DeskError) -> None:
        if isinstance(error, DatabaseUnusable):
            self.file_error = show_error_box(self, error)
            return
        label = self.errors.get(error.field) or next(iter(self.errors.values()))
        for other in self.errors.values():
            other.hide()
        label.setText(describe(error))
        label.show()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.save()
            return
        super().keyPressEvent(event)

    def save(self) -> None:  # pragma: no cover - each dialog has its own
        raise NotImplementedError


class NewNeedDialog(_NeedDialog):
    """A household's need: its address, what it needs, whether it is urgent, a note."""

    def __init__(self, conn: Connection, parent=None, address: str = "") -> None:
        super().__init__(conn, "newNeedDialog", "", parent)
        self.setWindowTitle(self.tr("New urgent need"))
        self.setAccessibleName(self.windowTitle())
        self.address = named(QLineEdit(address, self), "needAddress", self.tr("Address"))
        self.address.setPlaceholderText(self.tr("e.g. 12-301"))
        self.what = named(QLineEdit(self), "needWhat", self.tr("What is needed"))
        self.what.setPlaceholderText(self.tr("e.g. insulin (Novolin R), infant formula stage 1"))
        self.urgent = named(QCheckBox(self.tr("&Urgent: shown at the gate when the household's bag "
                                              "or card is scanned"), self),
                            "needUrgent", self.tr("Urgent"))
        self.note = named(QLineEdit(self), "needNote", self.tr("Note"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors["address"] = form_row(form, self.tr("&Address"), self.address,
                                          error_name="needAddressError",
                                          accessible=self.tr("Problem with the address"))
        self.errors["what"] = form_row(form, self.tr("&What is needed"), self.what,
                                       error_name="needWhatError",
                                       accessible=self.tr("Problem with what is needed"))
        form.addRow("", self.urgent)
        form.addRow(buddy_label(self, self.tr("N&ote"), self.note), self.note)
        self.errors["urgency"] = self.errors["what"]
        buttons, self.save_button, _cancel = save_cancel(
            self, self.save, save_name="needSave", save_text=self.tr("Save"),
            save_tip=self.tr("Save the need (Enter)"), cancel_name="needCancel",
            cancel_text=self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        (self.what if address else self.address).setFocus()

    def save(self) -> None:
        address, what, note = self.address.text(), self.what.text(), self.note.text()
        urgency = "high" if self.urgent.isChecked() else "normal"
        self._run(lambda conn: add_need(conn, address, what, urgency, note=note))


class UpdateNeedDialog(_NeedDialog):
    """A need moved on: sourcing or open again, who is finding it, its urgency, a note."""

    def __init__(self, conn: Connection, need: Need, parent=None) -> None:
        super().__init__(conn, "updateNeedDialog", "", parent)
        self.need = need
        self.setWindowTitle(arg(self.tr("Need %1: %2"), need.id, need.what))
        self.setAccessibleName(self.windowTitle())
        self.status = named(QComboBox(self), "needStatus", self.tr("Status"))
        for status in ("open", "sourcing"):
            self.status.addItem(word("need_status", status), status)
        self.status.setCurrentIndex(max(0, self.status.findData(need.status)))
        self.who = named(QLineEdit(need.sourcing_by, self), "needWho", self.tr("Who is sourcing it"))
        self.who.setPlaceholderText(self.tr("e.g. Dr Wang at the clinic, the street office"))
        self.who.textEdited.connect(self._someone_sourcing)
        self.urgency = named(QComboBox(self), "needUrgency", self.tr("Urgency"))
        for urgency in ("high", "normal"):
            self.urgency.addItem(word("need_urgency", urgency), urgency)
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(need.urgency)))
        self.note = named(QLineEdit(self), "needNote", self.tr("Note to add"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy_label(self, self.tr("&Status"), self.status), self.status)
        form.addRow(buddy_label(self, self.tr("&Who is sourcing it"), self.who), self.who)
        form.addRow(buddy_label(self, self.tr("U&rgency"), self.urgency), self.urgency)
        self.errors["status"] = form_row(form, self.tr("&Note to add"), self.note,
                                         error_name="needUpdateError",
                                         accessible=self.tr("Problem with the change"))
        if need.notes:
            notes = named(QLabel(html.escape(need.notes).replace("\n", "<br>"), self), "needNotes",
                          self.tr("Notes so far"))
            notes.setWordWrap(True)
            form.addRow(self.tr("Notes so far"), notes)
        buttons, self.save_button, _cancel = save_cancel(
            self, self.save, save_name="needSave", save_text=self.tr("Save"),
            save_tip=self.tr("Save the change (Enter)"), cancel_name="needCancel",
            cancel_text=self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.who.setFocus()

    def _someone_sourcing(self, text: str) -> None:
        """Naming who finds it moves an open need on to sourcing, as the status box then shows."""
        if text.strip() and self.status.currentData() == "open":
            self.status.setCurrentIndex(self.status.findData("sourcing"))

    def save(self) -> None:
        need_id, status, who = self.need.id, self.status.currentData(), self.who.text()
        urgency, note = self.urgency.currentData(), self.note.text()
        self._run(lambda conn: update_need(conn, need_id, status=status, who=who, urgency=urgency,
                                           note=note))


class CloseNeedDialog(_NeedDialog):
    """A need closed: met, or cancelled, with a note of how."""

    def __init__(self, conn: Connection, need: Need, parent=None) -> None:
        super().__init__(conn, "closeNeedDialog", "", parent)
        self.need = need
        self.setWindowTitle(arg(self.tr("Close need %1: %2"), need.id, need.what))
        self.setAccessibleName(self.windowTitle())
        self.met = named(QRadioButton(self.tr("&Met: the household has it"), self), "needMet",
                         self.tr("Met"))
        self.cancelled = named(QRadioButton(self.tr("&Cancelled: no longer needed"), self),
                               "needCancelled", self.tr("Cancelled"))
        self.met.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.met)
        group.addButton(self.cancelled)
        self.note = named(QLineEdit(self), "needNote", self.tr("Note"))
        self.note.setPlaceholderText(self.tr("e.g. brought by the clinic on Wednesday"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("", self.met)
        form.addRow("", self.cancelled)
        self.errors["outcome"] = form_row(form, self.tr("N&ote"), self.note,
                                          error_name="needCloseError",
                                          accessible=self.tr("Problem with closing the need"))
        buttons, self.save_button, _cancel = save_cancel(
            self, self.save, save_name="needCloseSave", save_text=self.tr("Close the need"),
            save_tip=self.tr("Close it (Enter)"), cancel_name="needCancel",
            cancel_text=self.tr("Keep it open"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.met.setFocus()

    def save(self) -> None:
        need_id, note = self.need.id, self.note.text()
        outcome = "met" if self.met.isChecked() else "cancelled"
        self._run(lambda conn: close_need(conn, need_id, outcome, note=note))


def need_row(need: Need) -> Row:
    """A need as a row of a table: unmet high-urgency needs stand out."""
    urgent = need.unmet and need.urgency == "high"
    return Row((str(need.id), need.address, need.name, need.what, word("need_urgency", need.urgency),
                word("need_status", need.status), need.sourcing_by, to_local(need.opened_at),
                to_local(need.closed_at) if need.closed_at else ""),
               tone="warn" if urgent else "muted" if not need.unmet else "",
               tooltip=need.notes, bold=urgent)


class NeedsPage(QWidget):
    """Needs still to be met (urgent first), and on request the closed ones."""

    needsChanged = Signal()

    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("needsPage")
        self._conn = conn
        self.dialog = None
        self.needs: list[Need] = []
        self._refusal: str | None = None

        title = larger(QLabel(self.tr("Urgent needs"), self), bold=True)
        self.show_closed = named(QCheckBox(self.tr("Show &closed needs too"), self), "needsShowClosed",
                                 self.tr("Show closed needs too"))
        self.show_closed.toggled.connect(lambda _on: self.reload())
        self.add_button = shortcut_button(self, "needsAdd", self.tr("+ Need"), "Ctrl+N",
                                          self.tr("Add a household's urgent need"),
                                          lambda: self.add_need(),
                                          accessible=self.tr("Add a need"))
        self.update_button = shortcut_button(self, "needsUpdate", self.tr("Update…"), "Ctrl+E",
                                             self.tr("Who is sourcing it, its status, a note"),
                                             self.update_selected)
        self.close_button = shortcut_button(self, "needsClose", self.tr("Close…"), "Ctrl+D",
                                            self.tr("Close the need as met or cancelled"),
                                            self.close_selected)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.show_closed)
        for button in (self.add_button, self.update_button, self.close_button):
            top.addWidget(button)

        self.notice = banner(self, "needsNotice", self.tr("Result"), NOTICE_STYLE)
        self.empty = centred_sentence(self, "needsEmpty", self.tr(
            "No urgent need is open. Add one with + Need when a household needs medicine, formula "
            "or anything it cannot get through a group buy."))
        self.model = RowsModel((self.tr("No."), self.tr("Address"), self.tr("Name"), self.tr("What"),
                                self.tr("Urgency"), self.tr("Status"), self.tr("Sourcing"),
                                self.tr("Opened"), self.tr("Closed")), self)
        self.table = read_only_table(self, "needsTable", self.tr("Urgent needs"))
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(lambda _index: self.update_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_notes())
        self.notes = named(QLabel(self), "needsNotes", self.tr("The selected need's notes"))
        self.notes.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.notes)
        self.reader = PageRead(self, self.tr("Reading the needs…"))
        self.reading_label = named(QLabel(self.tr("Reading the needs…"), self), "needsReading",
                                   self.tr("Reading the needs"))
        self.reading_label.setStyleSheet("color: #5f6368;")
        self.reading_label.hide()
        self.reader.readingChanged.connect(self.reading_label.setVisible)
        top.insertWidget(1, self.reading_label)
        # Read when shown (showEvent), not when the window builds its pages.
        if conn.read_only:
            self.refuse_changes(describe(DatabaseUnusable(conn.read_only_code, path=str(conn.path))))

    def refuse_changes(self, sentence: str) -> None:
        self._refusal = sentence
        for button in (self.add_button, self.update_button, self.close_button):
            button.setEnabled(False)
            button.setToolTip(sentence)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    @property
    def reading(self) -> bool:
        return self.reader.reading

    def reload(self, select: int | None = None) -> None:
        """The needs read again off the GUI thread; then the need `select` (else the one that
        was selected) is selected."""
        selected = self.selected()
        wanted = select if select is not None else selected.id if selected is not None else None
        unmet_only = not self.show_closed.isChecked()
        self.reader.read(self._conn, lambda conn: list_needs(conn, unmet_only=unmet_only),
                         lambda needs: self._show(needs, wanted), self._failed)

    def _failed(self, error: DeskError) -> None:
        self.notice.setStyleSheet(ERROR_STYLE)
        self.notice.setText(describe(error))
        self.notice.show()

    def _show(self, needs: list[Need], wanted: int | None) -> None:
        self.needs = list(needs)
        self.model.set_rows([need_row(need) for need in self.needs])
        fit_columns(self.table, 4, 24)
        for widget, shown in ((self.table, bool(self.needs)), (self.empty, not self.needs)):
            if widget.isHidden() == shown:  # only what changes: a widget shown again lays the page out
                widget.setVisible(shown)
        if self.needs:
            ids = [need.id for need in self.needs]
            self.table.selectRow(ids.index(wanted) if wanted in ids else 0)
        self._show_notes()

    def selected(self) -> Need | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.needs):
            return None
        return self.needs[index.row()]

    def select_need(self, need_id: int) -> None:
        for row, need in enumerate(self.needs):
            if need.id == need_id:
                self.table.selectRow(row)
        self._show_notes()

    def _show_notes(self) -> None:
        need = self.selected()
        unmet = need is not None and need.unmet
        if self._refusal is None:
            self.update_button.setEnabled(unmet)
            self.close_button.setEnabled(unmet)
        if need is None:
            self.notes.clear()
            return
        phone = arg(self.tr("phone %1"), need.phone) if need.phone else ""
        parts = [f"<b>{html.escape(need.address)} {html.escape(need.name)}</b>", html.escape(phone),
                 html.escape(need.notes).replace("\n", "<br>")]
        self.notes.setText(" · ".join(p for p in parts if p))

    def _open(self, dialog: QDialog, done) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.accepted.connect(lambda: done(dialog.result_need))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def add_need(self, address: str = ""):
        """The new-need dialog, its address filled in when given."""
        if self._refusal:
            return None
        return self._open(NewNeedDialog(self._conn, self, address), lambda need_id: self._changed(
            need_id, arg(self.tr("Need %1 added."), need_id)))

    def update_selected(self):
        need = self.selected()
        if need is None or not need.unmet or self._refusal:
            return None
        return self._open(UpdateNeedDialog(self._conn, need, self), lambda changed: self._changed(
            changed.id, arg(self.tr("Need %1 is now %2."), changed.id, word("need_status", changed.status))))

    def close_selected(self):
        need = self.selected()
        if need is None or not need.unmet or self._refusal:
            return None
        return self._open(CloseNeedDialog(self._conn, need, self), lambda closed: self._changed(
            closed.id, arg(self.tr("Need %1 closed: %2."), closed.id, word("need_status", closed.status))))

    def _changed(self, need_id: int, sentence: str) -> None:
        self.reload(select=need_id)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setText(sentence)
        self.notice.show()
        self.needsChanged.emit()
