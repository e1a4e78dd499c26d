"""The Gate page, and gate mode (`compound-desk --gate`): scan a bag or a household card and read
the answer from two metres away.

One scan field always has focus. It takes a keyboard-wedge scanner's burst ending in Enter (and
typing), and tells input methods it wants none, so a Chinese IME never swallows a scan. The answer
fills the banner in one of three colours, each with its own sound:

- green: a bag that may be handed over, or was just recorded as picked up or delivered;
- amber: something to look at, not a handover: a household card with its bags listed, a bag that
  was only recorded as arrived at the gate, a handoff just undone;
- red: every refusal (already handed over, a bag of another household, void, forged, another
  compound's, unknown, not a code), and a handoff the file refused to record.

What the next scan records is chosen with F1 picked up (the default), F2 delivered to the door, F3
arrived at the gate or F4 only check; the keys never record the bag already on screen. A decision
about that bag ("this one went to the door instead") is F6, confirmed and recorded with its reason.
No handoff is recorded without a guard's name: it is asked for once per shift and kept in the
station's settings for the compound, so a restore of the file does not forget it. A card scan lists
the household's waiting bags; its bags scanned next are checked against it and ticked off. The
same code read twice within a second (a scanner's double read) counts once. Ctrl+Z undoes the last
handoff with a reason. The waiting list, the cold chain and the door-delivery run sit along the
bottom; the list loads off the GUI thread.

The answer is a read and shows at once; what the scan records (and a decision, an undo, the note
of a refused code) is written after it, off the GUI thread, in order (`recorder`), and the banner
turns to "recorded" when it is written, or to the refusal when the bag went meanwhile.

What the page remembers between scans (mode, card, proxy, guard, undo) is a `GateSession`
(`desktop.gate.session`), which the command line and the tests drive too; the page lays out its
widgets (`bars`, `widgets`, `waiting_panel`, `dialogs`) and words the answers (`words`).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QVBoxLayout, QWidget

from desktop import gate
from desktop.bags.codes import shaped_like_code
from desktop.compound import compound_info
from desktop.db.connection import Connection
from desktop.errors import DatabaseUnusable, DeskError
from desktop.gate.session import Recording
from desktop.ui import jobs
from desktop.ui.common import arg
from desktop.ui.gate import words
from desktop.ui.gate.bars import ModeBar, ScanBar, row
from desktop.ui.gate.corrections import Corrections
from desktop.ui.gate.dialogs import GuardDialog
from desktop.ui.gate.recorder import Recorder
from desktop.ui.gate.sounds import Sounds
from desktop.ui.gate.waiting_panel import WaitingPanel
from desktop.ui.gate.widgets import GuessingWarning, VerdictBanner, page_button
from desktop.ui.stations.banner import StationBanner
from desktop.words import describe


class GatePage(QWidget):
    """The gate over the page's connection; what it remembers between scans is its `session`.
    `quiet` makes no sound (benchmarks); `gate_mode` is the full-screen gate window's page."""

    answered = Signal(object)  # the ScanResult just shown

    def __init__(self, conn: Connection, parent: QWidget | None = None, *,
                 settings: QSettings | None = None, gate_mode: bool = False,
                 quiet: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("gatePage")
        self._conn, self.gate_mode = conn, gate_mode
        self.session = gate.GateSession(conn, store=settings)
        self.signed_in = False  # an operator signed in to the window is the guard on duty
        self.recorder = Recorder(self, conn)
        self.corrections = Corrections(self)  # F6 and Ctrl+Z
        self.decide, self.undo_last = self.corrections.decide, self.corrections.undo_last
        self.sounds = Sounds(self, enabled=not quiet)
        self.waiting = WaitingPanel(self, conn)
        self.waiting_model, self.waiting_view = self.waiting.model, self.waiting.view
        self.waiting_summary, self.wait_for_waiting_list = self.waiting.summary, self.waiting.wait
        self.edit_settings, self.print_door_run = self.waiting.edit_settings, self.waiting.print_door_run
        self._build()
        self._show_idle()
        QApplication.instance().focusChanged.connect(self._focus_changed)
        if conn.read_only:  # scans still answer; nothing can be recorded in this file
            self.refuse_changes(describe(DatabaseUnusable(conn.read_only_code, path=str(conn.path))))
        self.waiting.refresh()

    def _build(self) -> None:
        self.bar = ScanBar(self, self.scan_text, self.refocus)
        self.operator_input, self.scan_input = self.bar.operator_input, self.bar.scan_input
        self.proxy_input, self.camera_button = self.bar.proxy_input, self.bar.camera_button
        self.operator_input.setText(self.session.operator)
        self.operator_input.textEdited.connect(self.session.type_operator)
        self.operator_input.editingFinished.connect(self._operator_changed)
        self.scan_input.returnPressed.connect(self.submit)
        self.proxy_input.textEdited.connect(self.session.set_proxy)
        self.modes = ModeBar(self, self.decide, self.refocus)
        self.modes.chosen.connect(self.choose)
        self.decide_button = self.modes.decide_button
        self.pickup_button, self.door_button, self.gate_button, self.check_button = self.modes.buttons.values()
        self.verdict_banner = VerdictBanner(self)
        self.card_done_button = page_button(self, "gateCardDone", self.tr("End card"), self.tr(
            "Done with this household's card"), [self.end_card, self.refocus], keys="Esc")
        self.card_done_button.hide()
        self.undo_button = page_button(self, "gateUndo", self.tr("Undo last"), self.tr(
            "Undo the last handoff (a reason is required)"), [self.undo_last, self.refocus], keys="Ctrl+Z")
        self.guessing = GuessingWarning(self)
        self.station_banner = StationBanner(self._conn, self)  # a gate station's last merge
        self.note = QLabel(self)
        self.note.setObjectName("gateNote")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setStyleSheet("color: #5c3c00;")
        self.note.hide()
        middle = row(None, (self.verdict_banner, 3), (self.waiting_view, 2))
        side = QVBoxLayout()
        side.addWidget(self.bar.camera_preview)
        side.addStretch(1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        for part in (self.bar, self.station_banner, self.guessing, middle, self.note, self.modes, row(
                None, (self.waiting_summary, 1), *self.waiting.buttons, 12, self.card_done_button,
                self.undo_button)):
            (layout.addLayout(part, 1 if part is middle else 0) if not isinstance(part, QWidget)
             else layout.addWidget(part))
        for keys, slot in (("Esc", self.end_card), ("Ctrl+Z", self.undo_last), ("F6", self.decide),
                           ("Ctrl+L", self.waiting.toggle.click),
                           *((key, lambda m=mode: self.choose(m)) for key, mode in zip(
                               ("F1", "F2", "F3", "F4"), gate.MODES, strict=True))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # ---- focus: the scan field has it, always ----

    def refocus(self) -> None:
        if self.isVisible() and not self.scan_input.hasFocus():
            self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def back_from_dialog(self) -> None:
        """A dialog of the page closed: its window is the active one again, so F1–F6 and Ctrl+Z
        reach the page even where no window manager hands the activation back."""
        window = self.window()
        if window.isVisible() and not window.isActiveWindow():
            window.activateWindow()
        self.refocus()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not self.isVisible() or new in (self.scan_input, self.operator_input, self.proxy_input):
            return
        if new is None or self.isAncestorOf(new):
            QTimer.singleShot(0, self.refocus)

    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        self.refocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.refocus)
        if self.waiting.loaded:
            self.waiting.refresh()

    # ---- the guard on duty: asked once per shift, kept by the station, not in the file ----

    def _sync(self) -> gate.GateSession:
        """The session, with the names as the fields hold them now."""
        self.session.operator = gate.clean_name(self.operator_input.text())
        self.session.proxy = self.proxy_input.text()
        return self.session

    def set_guard(self, text: str) -> str | None:
        """Take the guard's name for this shift; the sentence of what is wrong, or None."""
        try:
            self.operator_input.setText(self.session.set_guard(text))
        except DeskError as error:
            return describe(error)
        return None

    def sign_in_as(self, name: str | None) -> None:
        """The signed-in operator is the guard on duty, their name fixed; with nobody signed in
        (no operators in this file) the field is typed and asked for as before."""
        self.signed_in = bool(name)
        self.operator_input.setReadOnly(bool(name))
        if name:
            self.operator_input.setText(name)
            self.session.operator = gate.clean_name(name)

    def _operator_changed(self) -> None:
        if shaped_like_code(self.operator_input.text()):  # a scan that landed in the name field
            self.operator_input.clear()
            self.session.type_operator("")
        self.refocus()

    def ask_guard(self, then=None, otherwise=None) -> GuardDialog:
        """The name dialog; `then` runs once a name is given, `otherwise` when it is not."""
        self.guard_dialog = dialog = GuardDialog(self, self._sync().operator, self.set_guard)

        def finished(result: int) -> None:
            dialog.deleteLater()
            self.back_from_dialog()
            follow = then if result == QDialog.DialogCode.Accepted else otherwise
            if follow is not None:
                follow()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    # ---- scanning ----

    def submit(self) -> None:
        text = self.scan_input.text()
        self.scan_input.clear()
        self.scan_text(text)

    def scan_text(self, text: str) -> gate.ScanResult | None:
        """Answer one scan; None when there was nothing to answer, a double read, or the scan
        waits for the guard's name (no handoff is recorded without one). What it records is
        written after the answer, off the GUI thread (`settled` when it is)."""
        if not text.strip():
            return None
        result = self._run(lambda: self._sync().submit(text, defer=True))
        if result is None or self.session.held is None:
            return result
        self.verdict_banner.show_answer(*words.asking_name())
        self.ask_guard(lambda: self._run(lambda: self._sync().record_held(defer=True)), self._unnamed)
        return None

    def _unnamed(self) -> None:
        self._run(self.session.drop_held)
        self.say(self.tr("Not recorded: a handoff needs the guard's name. Type it in the Guard "
                         "field, or scan again to be asked."))

    def _run(self, step) -> gate.ScanResult | None:
        """One step of the session that answers a scan, its answer shown; errors shown alike.
        What the step left to write goes to the recorder."""
        try:
            result = step()
        except DeskError as error:
            self._not_recorded(error)
            return None
        if result is not None and self.session.held is None:
            self.guessing.note(result)
            self._show(result)
        for recording in self.session.pending:
            if recording not in self.recorder:
                self.recorder.add(recording, recording.run, lambda r, rec=recording: self._landed(rec, r),
                                  lambda e, rec=recording: self._landed(rec, None, e))
        return result

    def _landed(self, recording: Recording, result: gate.ScanResult | None,
                error: DeskError | None = None) -> None:
        """A scan's recording is written (or refused): the banner says so while it shows that scan."""
        shown = self.session.last_result is recording.checked
        self.session.landed(recording, result)
        if recording.record is None:  # the note of a refused code-shaped scan
            return self.guessing.note(result) if result is not None else None
        if result is None:  # refused (`error`), or a bug the crash handler has shown
            return self._not_recorded(error) if shown else self._say_late(describe(error) if error else "")
        if shown:
            self._show(result, sound=not result.recorded)
        elif not result.recorded:
            headline, big, detail, said = words.words(result)
            self._say_late(arg(self.tr("Not recorded: %1, %2 — %3"), big, detail, said))
        if result.recorded:  # after the answer is painted: the guard waits for it, not the list
            QTimer.singleShot(0, lambda: self.waiting.recorded(result))

    def _not_recorded(self, error: DeskError | None) -> None:
        self.session.last_result = None
        self.verdict_banner.show_answer("stop", self.tr("✗ Not recorded"), self.tr("Not recorded"),
                                        "", describe(error) if error is not None else "")
        self.sounds.play("stop")

    def _say_late(self, text: str) -> None:
        if text:
            self.say(text)
        self.sounds.play("stop")

    @property
    def settled(self) -> bool:
        """Every scan, decision and undo made here is written (or refused)."""
        return self.recorder.idle

    def _show(self, result: gate.ScanResult, reason: str | None = None, *, sound: bool = True) -> None:
        session = self.session
        self.note.hide()
        if not session.proxy:
            self.proxy_input.clear()
        self.card_done_button.setVisible(session.card is not None)
        headline, big, detail, said = words.words(result)
        tone, waiting = result.tone, words.still_waiting(result, session.card is not None)
        being = session.pending[-1] if session.pending else None
        if being is not None and being.checked is result and being.record is not None:
            tone, said = words.recording(being.record)  # the handoff is on its way to the file
        urgent = (arg(self.tr("⚠ Urgent need: %1"), "; ".join(result.urgent_needs))  # seen above all else
                  if result.urgent_needs else "")
        items = words.card_items(session) if session.card is not None else None
        if result.verdict == "household" and not result.waiting_bags:
            items = None
        self.verdict_banner.show_answer(tone, headline, big, detail, reason or said, items, waiting, urgent)
        if sound:
            self.sounds.play(tone)
        self.answered.emit(result)

    def choose(self, mode: str | None) -> None:
        """F1–F4: what the next scans record. The bag on screen is never recorded by it: a
        decision about that bag is F6 (`decide`)."""
        if not self.session.choose(mode):
            self.say(self.session.refusal)  # this file takes no handoffs: scans only answer
        self.modes.show_mode(self.session.mode)
        self.refocus()

    def end_card(self) -> None:
        """Esc: done with this household's card; the next bags are checked on their own."""
        if self.session.end_card():
            self.proxy_input.clear()
            self.card_done_button.hide()
            self._show_idle()
            self.refocus()

    # ---- what the page says besides answers, the file's state ----

    def _show_idle(self) -> None:
        self.verdict_banner.show_answer("idle", *words.idle(), "")

    def say(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def refuse_changes(self, sentence: str) -> None:
        """The file may not be written: scans still answer, nothing is recorded."""
        self.session.refuse_changes(sentence)
        self.modes.refuse(sentence)
        self.undo_button.setEnabled(False)
        self.undo_button.setToolTip(sentence)
        self.say(sentence)

    @property
    def door_run_job(self) -> jobs.Job | None:
        return self.waiting.door_run_job

    def stop(self) -> None:
        self.waiting.stop()
        self.bar.stop()


class GateWindow(QMainWindow):
    """Gate mode: the Gate page alone, full screen, for the booth at the gate. F11 leaves or
    enters full screen; Ctrl+Q closes. Backups run as in the main window."""

    def __init__(self, conn: Connection, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gateWindow")
        self._conn = conn
        self._settings = settings
        self.page = GatePage(conn, self, settings=settings, gate_mode=True)
        self.setCentralWidget(self.page)
        from desktop.ui.safekeeping.safekeeping import Safekeeping

        self.safekeeping = Safekeeping(self)
        self.where = QLabel(self)
        self.where.setObjectName("gateWhere")
        self.where.setAccessibleName(self.tr("Compound and station"))
        self.statusBar().addPermanentWidget(self.where)
        self._show_where()
        for keys, slot in (("F11", self._toggle_full_screen), ("Ctrl+Q", self.close)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(slot)
        self.resize(1366, 768)

    @property
    def conn(self) -> Connection:
        return self._conn

    def _show_where(self) -> None:
        info = compound_info(self._conn)
        name = info.name or self.tr("unnamed compound")
        self.setWindowTitle(arg(self.tr("Compound Desk — gate — %1"), name))
        self.where.setText(arg(self.tr("%1 · station %2 · F11 full screen · Ctrl+Q close"),
                               name, info.station))

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def start_safekeeping(self) -> None:
        self.safekeeping.start()

    operator = None  # who signed in, once the file has operators

    def start_sign_in(self):
        from desktop.ui.people.gate_sign_in import sign_in_at_the_gate

        return sign_in_at_the_gate(self)

    # What Safekeeping asks of the window it keeps.
    def show_damaged(self) -> None:
        from desktop.ui.safekeeping.safekeeping import DAMAGED

        self.page.refuse_changes(describe(DatabaseUnusable(DAMAGED, path=str(self._conn.path))))

    def set_restoring(self, restoring: bool) -> None:
        self.centralWidget().setEnabled(not restoring)

    def replace_connection(self, conn: Connection) -> None:
        self.page.stop()
        self._conn = conn
        self.page = GatePage(conn, self, settings=self._settings, gate_mode=True)
        self.setCentralWidget(self.page)
        if self.operator is not None:  # the guard signed in before the restore stays on duty
            conn.operator = self.operator.name
            self.page.sign_in_as(self.operator.name)
        self._show_where()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.safekeeping.stop()
        self.page.stop()
        jobs.stop_all()
        super().closeEvent(event)


__all__ = ["GatePage", "GateWindow"]
