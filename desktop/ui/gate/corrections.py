"""A guard's corrections on the Gate page: F6, a decision about the bag on screen ("this one went
to the door instead"), and Ctrl+Z, undoing the last handoff; each asks in a dialog, with a reason,
and is written after the page's writes before it, off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from desktop import gate
from desktop.ui.common import arg
from desktop.ui.gate import words
from desktop.ui.gate.dialogs import DecisionDialog, GuardDialog, UndoDialog
from desktop.ui.people.sign_in import CommitteeDialog

translate = QCoreApplication.translate


class Corrections:
    """F6 and Ctrl+Z for a Gate page; the dialogs open are the page's `decision_dialog` and
    `undo_dialog`."""

    def __init__(self, page: QWidget) -> None:
        self.page = page

    def decide(self) -> DecisionDialog | GuardDialog | None:
        """F6: record what happened to the bag on screen, with a reason, after a confirmation."""
        session = self.page._sync()
        shown = session.decision_target()
        if self._still_recording():
            return None
        if session.refusal is not None or shown is None:
            self.page.say(session.refusal or translate(
                "GatePage", "Scan the bag first: F6 corrects what is recorded for the bag on the screen."))
            return None
        if not session.operator:
            return self.page.ask_guard(self.decide)
        # Reversing a handoff made at another station or over 30 minutes ago is the committee's
        # call, as an undo is.
        if shown.last_handoff is not None and self._needs_committee(shown.code):
            self.page.committee_dialog = CommitteeDialog(self.page._conn, self.page, translate(
                "GatePage", "This handoff was recorded at another station or more than 30 minutes ago."),
                lambda name: self._ask_decision(shown, name))
            return self._open(self.page.committee_dialog)
        return self._ask_decision(shown)

    def _needs_committee(self, code: str) -> bool:
        return getattr(self.page, "signed_in", False) and gate.undo_needs_committee(
            self.page._conn, code, station=self.page.session.station)

    def _ask_decision(self, shown, approved_by: str = "") -> DecisionDialog:
        session = self.page.session
        standing, bag = shown.last_handoff, shown.bag
        preferred = session.mode if session.mode != (standing.action if standing else None) else None
        what = arg(translate("GatePage", "%1, %2"), shown.address,
                   words.bag_line(bag.index, bag.count, bag.storage, bag.buy))
        self.page.decision_dialog = DecisionDialog(self.page, what, standing, words.event_text, preferred,
                                                   lambda action, reason: self._decided(action, reason,
                                                                                        approved_by))
        return self._open(self.page.decision_dialog)

    def _decided(self, action: str, reason: str, approved_by: str = "") -> None:
        """The dialog closes; the decision is written after the writes before it, and shown."""
        def done(decision: gate.Decision) -> None:
            self.page._show(self.page.session.decided(decision).result, words.decision_reason(decision))
            self.page.waiting.refresh()

        self.page.recorder.add(object(), self.page._sync().deciding(action, reason, approved_by), done,
                               self.page._not_recorded)

    def undo_last(self) -> UndoDialog | None:
        """Ctrl+Z: undo the last handoff this page recorded (else the bag on screen's)."""
        target = self.page._sync().undo_target()
        if self._still_recording():
            return None
        if target is None:
            self.page.say(translate(
                "GatePage", "Nothing to undo here: scan the bag whose handoff should be undone."))
            return None
        if not self.page.session.operator and self.page.session.refusal is None:
            return self.page.ask_guard(self.undo_last)
        if self._needs_committee(target.code):
            self.page.committee_dialog = CommitteeDialog(self.page._conn, self.page, translate(
                "GatePage", "This handoff was recorded at another station or more than 30 minutes ago."),
                lambda name: self._ask_reason(target, name))
            return self._open(self.page.committee_dialog)
        return self._ask_reason(target)

    def _ask_reason(self, target, approved_by: str = "") -> UndoDialog:
        bag = target.bag
        self.page.undo_dialog = UndoDialog(self.page, arg(
            translate("GatePage", "Undo “%1” for %2, %3? The bag will wait again."), words.event_text(target.last_handoff),
            target.address, words.bag_line(bag.index, bag.count, bag.storage, bag.buy)),
            lambda reason: self._undo(reason, approved_by))
        return self._open(self.page.undo_dialog)

    def _undo(self, reason: str, approved_by: str = "") -> None:
        """The dialog closes; the reversal is appended after the writes before it, and shown."""
        def done(undone: gate.Undone) -> None:
            headline, detail, why = words.undone_words(self.page.session.undone(undone), reason)
            session = self.page.session
            items = words.card_items(session) if session.card is not None else None
            self.page.verdict_banner.show_answer("look", headline, undone.address, detail, why, items)
            self.page.sounds.play("look")
            self.page.waiting.refresh()

        self.page.recorder.add(object(), self.page._sync().undoing(reason, approved_by), done,
                               self.page._not_recorded)

    def _still_recording(self) -> bool:
        """F6 and Ctrl+Z are about what is recorded: not while a scan's handoff is on its way."""
        if any(recording.record is not None for recording in self.page.session.pending):
            self.page.say(translate("GatePage", "The last scan is still being recorded: press the key "
                                    "again in a moment."))
            return True
        return False

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(lambda _r: (dialog.deleteLater(), self.page.back_from_dialog()))
        dialog.open()
        return dialog


__all__ = ["Corrections"]
