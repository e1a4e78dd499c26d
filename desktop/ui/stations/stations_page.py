"""The Stations page: this station's name and role, export for the other station and import from
it with a summary of what came in, what the lobby knows of each gate (or, at a gate, when it last
merged and the reminder), and the bags handed over at two stations for the committee to review.

Every write is one op over `desktop.stations` (export, import, a note, the reminder's hours)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
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

from desktop.db.connection import Connection
from desktop.errors import DeskError
from desktop.stations.conflicts import Conflict, list_conflicts, resolve_conflict
from desktop.stations.exchange import (
    ExportSummary,
    ImportSummary,
    export_exchange,
    import_exchange,
    make_gate_here,
    may_become_gate,
    station_role,
)
from desktop.stations.status import MAX_REMINDER_HOURS, set_reminder_hours, station_status
from desktop.ui.common import arg, local_time
from desktop.ui.forms import (
    MUTED_STYLE,
    NOTICE_STYLES,
    banner,
    form_row,
    larger,
    named,
    read_only_table,
    save_cancel,
    shortcut_button,
)
from desktop.ui.jobs import Job
from desktop.ui.ops import DbOp
from desktop.ui.reads import PageRead
from desktop.words import describe, say, word

FILE_FILTER = "Compound Desk exchange (*.cdx)"


def when(iso: str | None) -> str:
    """A stored UTC time as this laptop's clock shows it."""
    if not iso:
        return ""
    return local_time(datetime.fromisoformat(iso.replace("Z", "+00:00")))


def counts_text(counts: dict[str, int]) -> str:
    return ", ".join(say("sync.count", table=word("exchanged", table), count=n)
                     for table, n in counts.items() if n)


def widen(table: QTableWidget) -> None:
    """Columns fitted to what they hold are at least 10 em wide: an empty list still reads well."""
    em = table.fontMetrics().horizontalAdvance("M")
    for column in range(table.columnCount() - 1):
        table.setColumnWidth(column, max(table.columnWidth(column) + 12, 10 * em))


class StationsPage(QWidget):
    """Exchange files and the review list over the page's connection."""

    merged = Signal()  # a file was merged: what this station knows changed
    becameGate = Signal()  # this file is now a gate station: the window opens it again

    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stationsPage")
        self._conn = conn
        self.job: Job | None = None
        self.dialog: ResolveDialog | None = None
        self._conflicts: list[Conflict] = []
        self._folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

        self.identity = larger(named(QLabel(self), "stationsIdentity", self.tr("This station")), bold=True)
        self.export_button = shortcut_button(
            self, "stationsExport", self.tr("Export for the other station…"), "Ctrl+E",
            self.tr("Write what the other station needs into one file, for a USB stick"), self.choose_export)
        self.import_button = shortcut_button(
            self, "stationsImport", self.tr("Import from the other station…"), "Ctrl+I",
            self.tr("Merge the other station's exchange file into this one"), self.choose_import)
        self.make_gate_button = shortcut_button(
            self, "stationsMakeGate", self.tr("Make this a gate station…"), "",
            self.tr("This laptop is at the gate: take the lobby's exchange file, with its bags "
                    "and cards but not its secret"), self.choose_gate_file)
        self.identity.setWordWrap(True)
        self.make_gate_button.hide()  # until the page has read whether this file may become one
        top = QHBoxLayout()
        top.addWidget(self.make_gate_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.import_button)

        self.summary = banner(self, "stationsSummary", self.tr("What came in"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = named(QLabel(self), "stationsStatus", self.tr("Last merge"))
        self.status.setWordWrap(True)

        # A gate: how long it may go without the lobby's file.
        self.reminder = named(QSpinBox(self), "stationsReminderHours", self.tr("Remind after hours"))
        self.reminder.setRange(1, MAX_REMINDER_HOURS)
        self.reminder.setSuffix(self.tr(" h"))
        self.reminder_save = shortcut_button(
            self, "stationsReminderSave", self.tr("Set reminder"), "",
            self.tr("Remind this gate when no lobby file was merged for this many hours"),
            self.save_reminder)
        self.reminder_row = QWidget(self)
        reminder_layout = QHBoxLayout(self.reminder_row)
        reminder_layout.setContentsMargins(0, 0, 0, 0)
        reminder_label = QLabel(self.tr("Remind me when no lobby file was merged for:"), self.reminder_row)
        reminder_label.setBuddy(self.reminder)
        reminder_layout.addWidget(reminder_label)
        reminder_layout.addWidget(self.reminder)
        reminder_layout.addWidget(self.reminder_save)
        reminder_layout.addStretch(1)

        # The lobby: what each gate knew when it last sent a file.
        self.gates = read_only_table(self, "stationsGates", self.tr("Gate stations"),
                                     table=QTableWidget(0, 3, self))
        self.gates.setHorizontalHeaderLabels([self.tr("Gate station"), self.tr("Its last file merged here"),
                                              self.tr("Bags made here it does not know yet")])
        self.gates.setMaximumHeight(150)

        self.conflicts_title = named(QLabel(self), "stationsConflictsTitle", self.tr("Bags handed over twice"))
        self.conflicts = read_only_table(self, "stationsConflicts", self.tr("Bags handed over twice"),
                                         table=QTableWidget(0, 4, self))
        self.conflicts.setHorizontalHeaderLabels([self.tr("Bag"), self.tr("Address"), self.tr("Handovers"),
                                                  self.tr("Committee's note")])
        self.conflicts.itemSelectionChanged.connect(self.update_buttons)
        self.conflicts.itemDoubleClicked.connect(lambda _item: self.resolve_selected())
        self.resolve_button = shortcut_button(
            self, "stationsResolve", self.tr("Resolve…"), "Ctrl+R",
            self.tr("Write what the committee found about the selected bag"), self.resolve_selected)
        conflict_row = QHBoxLayout()
        conflict_row.addWidget(self.conflicts_title, 1)
        conflict_row.addWidget(self.resolve_button)
        self.explain = named(QLabel(self.tr(
            "A bag handed over at two stations keeps both handoffs: they are listed here until the "
            "committee writes what it found. Nothing is deleted."), self), "stationsExplain",
            self.tr("About the list"))
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet(MUTED_STYLE)

        layout = QVBoxLayout(self)
        layout.addWidget(self.identity)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(self.reminder_row)
        layout.addWidget(self.gates)
        layout.addLayout(conflict_row)
        layout.addWidget(self.conflicts, 1)
        layout.addWidget(self.explain)
        self.role: str | None = None  # the signed-in operator's role; None before any operator
        self.reader = PageRead(self, self.tr("Reading the stations…"))
        self.reading_label = named(QLabel(self.tr("Reading the stations…"), self), "stationsReading",
                                   self.tr("Reading the stations"))
        self.reading_label.setStyleSheet(MUTED_STYLE)
        self.reading_label.hide()
        self.reader.readingChanged.connect(self.reading_label.setVisible)
        top.insertWidget(2, self.reading_label)
        self.update_buttons()
        # Read when shown (showEvent), not when the window builds its pages.

    # ---- reading ----

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    @property
    def reading(self) -> bool:
        return self.reader.reading

    def reload(self, then=None) -> None:
        """The station, its gates and the review list, read off the GUI thread (counting the bags a
        gate does not know yet takes a moment at a big compound); then `then()`."""
        def read(conn):
            return (station_status(conn), list_conflicts(conn, include_resolved=True),
                    may_become_gate(conn))

        def show(found) -> None:
            self._show(*found)
            if then is not None:
                then()

        self.reader.read(self._conn, read, show, lambda error: self.status.setText(describe(error)))

    def _show(self, status, conflicts: list[Conflict], may_be_gate: bool) -> None:
        self._conflicts = list(conflicts)
        self.identity.setText(arg(self.tr("Station %1 · %2"), status.station, word("station_role", status.role)))
        gate = status.role == "gate"
        for widget, shown in ((self.make_gate_button, may_be_gate), (self.reminder_row, gate),
                              (self.gates, not gate)):
            if widget.isHidden() == shown:  # only what changes: showing a list again lays the page out
                widget.setVisible(shown)
        self.reminder.setValue(status.reminder_hours)
        if gate:
            text = arg(self.tr("Last merged a lobby file written %1; bags made at the lobby after it "
                               "are not known here until the next one."), when(status.home_made_at))
            if status.overdue:
                text = arg(self.tr("No lobby file for %1 hours: bring this station's file to the lobby "
                                   "and take the lobby's back."), int(status.hours_since or 0)) + " " + text
                self.status.setStyleSheet(NOTICE_STYLES["warning"])
            else:
                self.status.setStyleSheet("")
            self.status.setText(text)
        else:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("No gate station's file merged here yet.") if not status.gates
                                else arg(self.tr("%1 gate stations have sent files."), len(status.gates)))
            self.gates.setRowCount(len(status.gates))
            for row, seen in enumerate(status.gates):
                for column, text in enumerate((seen.station, when(seen.merged_at), str(seen.bags_unknown))):
                    self.gates.setItem(row, column, QTableWidgetItem(text))
            self.gates.resizeColumnsToContents()
            widen(self.gates)
        selected = self.selected_conflict()
        open_count = sum(1 for c in self._conflicts if not c.resolved)
        self.conflicts_title.setText(arg(self.tr("Bags handed over twice: %1 to review"), open_count))
        self.conflicts.setRowCount(len(self._conflicts))
        for row, conflict in enumerate(self._conflicts):
            handovers = "\n".join(arg(self.tr("%1 %2 by %3 at %4"), word("handoff", e.action), when(e.at),
                                      e.operator or "?", e.station) for e in conflict.events)
            note = conflict.notes[-1].note if conflict.notes else self.tr("to review")
            for column, text in enumerate((conflict.code, conflict.address, handovers, note)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.conflicts.setItem(row, column, item)
            if selected is not None and conflict.code == selected.code:
                self.conflicts.selectRow(row)
        self.conflicts.resizeColumnsToContents()
        widen(self.conflicts)
        self.conflicts.resizeRowsToContents()
        self.update_buttons()

    def selected_conflict(self) -> Conflict | None:
        model = self.conflicts.selectionModel()
        rows = model.selectedRows() if model else []
        if not rows or rows[0].row() >= len(self._conflicts):
            return None
        return self._conflicts[rows[0].row()]

    def select_conflict(self, code: str) -> None:
        for row, conflict in enumerate(self._conflicts):
            if conflict.code == code:
                self.conflicts.selectRow(row)

    def update_buttons(self) -> None:
        writable = not self._conn.read_only
        self.import_button.setEnabled(writable)
        self.reminder_save.setEnabled(writable)
        selected = self.selected_conflict()
        committee = self.role in (None, "committee")
        self.resolve_button.setEnabled(writable and committee and selected is not None
                                       and not selected.resolved)
        self.resolve_button.setToolTip(
            self.tr("Write what the committee found about the selected bag") if committee else
            self.tr("A committee member resolves a bag handed over twice: ask one to sign in."))

    def set_role(self, role: str | None) -> None:
        """Who is signed in: only the committee resolves a bag handed over twice; others see the
        list. `None`: no operators yet, anyone at the window."""
        self.role = role
        self.update_buttons()

    def refuse_changes(self, _sentence: str) -> None:
        self.update_buttons()

    def show_summary(self, kind: str, text: str) -> None:
        self.summary.setStyleSheet(NOTICE_STYLES[kind])
        self.summary.setProperty("kind", kind)
        self.summary.setText(text)
        self.summary.show()

    # ---- exporting ----

    def suggested_name(self) -> str:
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        return f"{self._conn.station}-{station_role(self._conn)}-{stamp}.cdx"

    def choose_export(self) -> Job | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export for the other station"), str(Path(self._folder) / self.suggested_name()),
            FILE_FILTER)
        return self.export_to(Path(path)) if path else None

    def export_to(self, path: Path) -> Job:
        self._folder = str(path.parent)
        self.job = DbOp(self, self._conn, lambda conn: export_exchange(conn, path)).reads_only() \
            .progress(self.tr("Writing the exchange file…"), cancellable=False) \
            .failure(self._refused).success(self._exported).disabling(self.export_button).run()
        return self.job

    def _exported(self, done: ExportSummary) -> None:
        self.show_summary("good", arg(self.tr("Wrote %1 (%2). Only your account can read it: carry it "
                                              "to the other station and import it there."),
                                      str(done.path), counts_text(done.holds)))

    # ---- importing ----

    def choose_import(self) -> Job | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import from the other station"), self._folder,
                                              FILE_FILTER)
        return self.import_from(Path(path)) if path else None

    def import_from(self, path: Path) -> Job:
        self._folder = str(path.parent)
        self.job = DbOp(self, self._conn, lambda conn: import_exchange(conn, path)) \
            .progress(self.tr("Merging the exchange file…"), cancellable=False) \
            .failure(self._refused).success(self._imported).disabling(self.import_button).run()
        return self.job

    def _imported(self, merged: ImportSummary) -> None:
        came = counts_text(merged.added) or self.tr("nothing new")
        text = arg(self.tr("Merged the file of %1 (%2) written %3: %4."), merged.station,
                   word("station_role", merged.role), when(merged.made_at), came)
        if merged.conflicts:
            text += " " + (self.tr("A bag was handed over at two stations: review it below.")
                           if merged.conflicts == 1 else
                           arg(self.tr("%1 bags were handed over twice: review them below."), merged.conflicts))
        self.show_summary("warning" if merged.conflicts else "good", text)
        self.reload()
        self.merged.emit()

    def _refused(self, error: DeskError) -> None:
        self.show_summary("bad", describe(error))

    # ---- a new gate station ----

    def choose_gate_file(self) -> Job | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The lobby's exchange file"), self._folder,
                                              FILE_FILTER)
        return self.make_gate_from(Path(path)) if path else None

    def make_gate_from(self, path: Path) -> Job:
        self._folder = str(path.parent)
        self.job = DbOp(self, self._conn, lambda conn: make_gate_here(conn, path)) \
            .progress(self.tr("Making this a gate station…"), cancellable=False) \
            .failure(self._refused).success(self._made_gate).disabling(self.make_gate_button).run()
        return self.job

    def _made_gate(self, _merged: ImportSummary) -> None:
        self.becameGate.emit()

    # ---- the reminder ----

    def save_reminder(self) -> Job:
        hours = self.reminder.value()
        self.job = DbOp(self, self._conn, lambda conn: set_reminder_hours(conn, hours)) \
            .failure(self._refused).success(lambda _h: self.reload()).run()
        return self.job

    # ---- the committee's note ----

    def resolve_selected(self) -> ResolveDialog | None:
        conflict = self.selected_conflict()
        if conflict is None or not self.resolve_button.isEnabled():
            return None
        self.dialog = ResolveDialog(self._conn, conflict, self)
        self.dialog.accepted.connect(self._resolved)
        self.dialog.open()
        return self.dialog

    def _resolved(self) -> None:
        code = self.dialog.conflict.code if self.dialog else ""
        self.reload(then=lambda: self.select_conflict(code))


class ResolveDialog(QDialog):
    """What the committee found about a bag handed over twice: a note, kept with both handoffs."""

    def __init__(self, conn: Connection, conflict: Conflict, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("resolveConflictDialog")
        self.setWindowTitle(self.tr("Bag handed over twice"))
        self.setAccessibleName(self.windowTitle())
        self._conn = conn
        self.conflict = conflict
        self.job: Job | None = None
        facts = [arg(self.tr("Bag %1 for %2 was handed over:"), conflict.code, conflict.address)]
        facts += [arg(self.tr("• %1 %2 by %3 at %4"), word("handoff", e.action), when(e.at),
                      e.operator or "?", e.station) for e in conflict.events]
        self.facts = named(QLabel("\n".join(facts), self), "resolveFacts", self.tr("The handoffs"))
        self.facts.setWordWrap(True)
        self.note = named(QLineEdit(self), "resolveNote", self.tr("Note"))
        self.note.setPlaceholderText(self.tr("e.g. a neighbour collected it for the household; checked"))
        form = QFormLayout()
        self.error = form_row(form, self.tr("&Note:"), self.note, error_name="resolveNoteError")
        _box, self.save_button, self.cancel_button = save_cancel(
            self, self.save, save_name="resolveSave", save_text=self.tr("&Save note"),
            cancel_name="resolveCancel", cancel_text=self.tr("&Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addLayout(form)
        layout.addWidget(_box)
        self.resize(520, self.sizeHint().height())

    def save(self) -> Job:
        note = self.note.text()
        code = self.conflict.code
        self.job = DbOp(self, self._conn, lambda conn: resolve_conflict(conn, code, note)) \
            .failure(self._refused).success(lambda _c: self.accept()) \
            .disabling(self.save_button).run()
        return self.job

    def _refused(self, error: DeskError) -> None:
        self.error.setText(describe(error))
        self.error.show()
        self.note.setFocus()
