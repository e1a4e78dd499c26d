"""Along the Gate page's bottom: the bags still waiting (a list loaded off the GUI thread, its
summary with the cold chain and a clock set back), the cold-chain limits and the door-delivery
run, as a PDF to open or sent to a printer."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QWidget,
)

from desktop import gate
from desktop.errors import DeskError
from desktop.ui import jobs
from desktop.ui.common import arg
from desktop.ui.gate.dialogs import GateSettingsDialog
from desktop.ui.gate.widgets import (
    WaitingModel,
    page_button,
    storage_word,
    waited_text,
    waiting_rows,
)
from desktop.words import describe

translate = QCoreApplication.translate
WAITING_REFRESH_MS = 60_000
# The timed reload waits for a pause this long between scans (a queue at the gate is not slowed
# by reading thousands of bags), unless the list is older than STALE_MS.
QUIET_MS = 10_000
STALE_MS = 5 * 60_000
ALERT_STYLE = "color: #b3261e; font-weight: bold;"


class WaitingPanel(QObject):
    """The waiting list's widgets, made for the Gate page (which lays them out), and the work
    behind them."""

    listed = Signal()  # the waiting list loaded (or failed to)

    def __init__(self, page: QWidget, conn) -> None:
        super().__init__(page)
        self.page, self._conn = page, conn
        back = page.refocus
        self.loaded = False
        self.job: jobs.Job | None = None
        self.door_run_job: jobs.Job | None = None
        self._again = False
        self._fitted = False  # the list's columns fitted to its rows, once it is shown
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._pdf_folder: Path | None = None
        self.model = WaitingModel(page)
        self.view = view = QTableView(page)
        view.setObjectName("gateWaitingList")
        view.setAccessibleName(translate("GatePage", "Bags waiting, oldest first"))
        view.setModel(self.model)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(50)  # thousands of rows: size columns by the first few
        header.setStretchLastSection(True)
        view.setMinimumWidth(420)
        view.hide()
        self.summary = QLabel(page)
        self.summary.setObjectName("gateWaitingSummary")
        self.summary.setAccessibleName(translate("GatePage", "Waiting bags"))
        font = QFont(page.font())
        font.setPixelSize(17)
        self.summary.setFont(font)
        self.summary.setText(translate("GatePage", "Waiting bags: counting…"))
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.toggle = page_button(page, "gateWaitingToggle", translate("GatePage", "Waiting list"),
                                  translate("GatePage", "Show or hide the bags still waiting"),
                                  [self._toggle, back], keys="Ctrl+L")
        self.toggle.setCheckable(True)
        self.buttons = [self.toggle, page_button(
            page, "gateColdChain", translate("GatePage", "Cold chain…"),
            translate("GatePage", "Cold-chain limits and sealed buildings"), [self.edit_settings, back]),
            page_button(page, "gateDoorRun", translate("GatePage", "Door-delivery run (PDF)"),
                        translate("GatePage", "Households with door delivery and sealed buildings, "
                                              "a page per building, to print"), [self.print_door_run, back]),
            page_button(page, "gatePrintDoorRun", translate("GatePage", "Print door run…"),
                        translate("GatePage", "Print the door-delivery run on A4, a page per building"),
                        [self.print_door_run_sheets, back])]
        self._timer = QTimer(self)
        self._timer.setInterval(WAITING_REFRESH_MS)
        self._timer.timeout.connect(self._timed)
        self._timer.start()
        self._last_scan = self._last_load = time.monotonic()
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._timed)

    def scanned(self) -> None:
        """A scan came in: the timed reload waits for a pause."""
        self._last_scan = time.monotonic()

    def _timed(self) -> None:
        """Every minute while the page is shown: ages move on, another program may have handed
        bags over. Between scans only: while a queue is scanned it waits (up to STALE_MS) for a
        pause, what this page records being in the list already."""
        if not self.page.isVisible():
            return
        now = time.monotonic()
        if (now - self._last_scan) * 1000 < QUIET_MS and (now - self._last_load) * 1000 < STALE_MS:
            if not self._retry.isActive():  # one try again, however many minutes the queue lasts
                self._retry.start(QUIET_MS)
            return
        self.refresh()

    # ---- the list ----

    def refresh(self) -> None:
        """Reload the waiting list off the GUI thread (another station may have handed out bags)."""
        if self.job is not None and self.job.running:
            self._again = True
            return
        self._again = False

        def work(conn, _progress, _should_cancel):  # ages worked out here too, not on the GUI thread
            return waiting_rows(gate.list_waiting(conn), gate.get_gate_settings(conn), gate.age_clock(conn))

        self.job = jobs.run_job(self.page, translate("GatePage", "Waiting bags"),
                                jobs.with_connection(self._conn.path, work),
                                show_dialog=False, handle_errors=False)
        self.job.done.connect(self._done)
        self.job.failed.connect(self._failed)

    def recorded(self, result: gate.ScanResult) -> None:
        """A handoff just recorded, without a reload: a bag handed over leaves the list at once;
        one that arrived at the gate says so in its row, moved to its place when its waiting now
        counts from then (reloaded only for a bag the list did not hold)."""
        event = result.last_handoff
        if event.action in gate.HANDED_OVER:
            self.model.remove_code(result.code)
            self._show_summary()
        elif not self.model.mark_at_gate(result.code, event.at):
            self.refresh()

    def _done(self, loaded) -> None:
        self._last_load = time.monotonic()
        self.model.set_rows(loaded)
        if self.view.isVisible() and not self._fitted:  # a hidden list is fitted when shown
            self.view.resizeColumnsToContents()
            self._fitted = True
        self.loaded = True
        self._show_summary()
        if self._again:
            QTimer.singleShot(500, self.refresh)
        self.listed.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            self.summary.setText(describe(error))
        self.listed.emit()

    def settled(self) -> bool:
        return self.loaded and (self.job is None or not self.job.running)

    def wait(self, timeout_s: float = 60.0) -> None:
        """Until the list has loaded (tests and benchmarks), in an event loop of its own that the
        list's signal ends."""
        if self.settled():
            return
        loop, deadline, check = QEventLoop(), QTimer(), QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        check.setInterval(20)  # a job that finished between two signals is seen too
        check.timeout.connect(lambda: loop.quit() if self.settled() else None)
        self.listed.connect(loop.quit)
        deadline.start(int(timeout_s * 1000))
        check.start()
        try:
            while not self.settled() and deadline.isActive():
                loop.exec()
        finally:
            check.stop()
            deadline.stop()
            self.listed.disconnect(loop.quit)
        if not self.settled():
            raise TimeoutError("the waiting list did not load")

    def _clock_text(self) -> str:
        """A sentence when the computer's clock was set back, and what ages are counted by."""
        clock = self.model.clock
        if not clock.jumped:
            return ""
        behind = waited_text(clock.behind_minutes)
        if clock.source == "steady":
            return arg(translate("GatePage", "This computer's clock was set back %1: waiting times "
                                             "are counted by the program's steady clock."), behind)
        return arg(translate("GatePage", "This computer's clock is %1 behind the latest recorded "
                                         "handoff: waiting times are counted from that handoff's time."),
                   behind)

    def _show_summary(self) -> None:
        model, clock = self.model, self._clock_text()
        bags = model.bags
        if not bags:
            self.summary.setText(" · ".join(p for p in (translate(
                "GatePage", "Nothing is waiting: every bag has been handed over."), clock) if p))
            self.summary.setStyleSheet(ALERT_STYLE if clock else "")
            return
        parts = [translate("GatePage", "Waiting: 1 bag") if len(bags) == 1 else
                 arg(translate("GatePage", "Waiting: %1 bags"), len(bags))]
        parts.append(arg(translate("GatePage", "oldest %1 (%2, %3)"), waited_text(model.minutes[0]),
                         bags[0].address, storage_word(bags[0].storage)))
        overdue = model.overdue_count
        if overdue:
            parts.append(translate("GatePage", "1 cold bag past its limit") if overdue == 1 else
                         arg(translate("GatePage", "%1 cold bags past their limit"), overdue))
        if clock:
            parts.append(clock)
        self.summary.setText(" · ".join(parts))
        self.summary.setStyleSheet(ALERT_STYLE if overdue or clock else "")

    def _toggle(self) -> None:
        shown = self.toggle.isChecked()
        self.view.setVisible(shown)
        if shown:
            if self.loaded and not self._fitted:
                self.view.resizeColumnsToContents()
                self._fitted = True
            self.refresh()

    # ---- the cold chain and the door-delivery run ----

    def edit_settings(self) -> GateSettingsDialog:
        def save(dialog: GateSettingsDialog) -> str | None:
            try:
                gate.save_gate_settings(self._conn, frozen_limit=dialog.frozen.value(),
                                        chilled_limit=dialog.chilled.value(),
                                        sealed_buildings=dialog.sealed.text())
            except DeskError as error:
                return describe(error)
            self.refresh()
            return None

        dialog = GateSettingsDialog(self.page, gate.get_gate_settings(self._conn), save)
        dialog.finished.connect(lambda _r: (dialog.deleteLater(), self.page.back_from_dialog()))
        dialog.open()
        self.settings_dialog = dialog
        return dialog

    def print_door_run(self) -> jobs.Job | None:
        """Write the door-delivery run as a PDF off the GUI thread and open it to print."""
        if self.door_run_job is not None and self.door_run_job.running:
            return self.door_run_job
        if self._pdf_folder is None:
            self._pdf_folder = Path(tempfile.mkdtemp(prefix="compound-desk-gate-"))
        target = self._pdf_folder / f"door-run-{datetime.now().strftime('%Y%m%d-%H%M%S')}.pdf"

        def work(conn, progress, should_cancel):
            from desktop.printing.door_run import write_door_run

            write_door_run(conn, target, progress=progress, should_cancel=should_cancel)
            return target

        job = jobs.run_job(self.page, translate("GatePage", "Writing the door-delivery run…"),
                           jobs.with_connection(self._conn.path, work))
        job.done.connect(self._open)
        self.door_run_job = job
        return job

    def _open(self, path: Path) -> None:
        if self.open_url(QUrl.fromLocalFile(str(path))) is False:
            self.page.say(translate("GatePage", "No program on this computer opened the PDF: print "
                                                "it with “Print door run…” instead."))

    def print_door_run_sheets(self):
        """The print dialog, then the door-delivery run drawn and sent to that printer."""
        if self.door_run_job is not None and self.door_run_job.running:
            return None
        from desktop.printing.stocks import SHEET
        from desktop.ui.printing import print_document

        def write(conn, path, progress, should_cancel):
            from desktop.printing.door_run import write_door_run

            return write_door_run(conn, path, progress=progress, should_cancel=should_cancel)

        self.print_dialog = print_document(
            self.page, paper=SHEET, doc_name=f"door-run-{datetime.now().strftime('%Y%m%d-%H%M')}.pdf",
            title=translate("GatePage", "Writing the door-delivery run…"), db_path=self._conn.path,
            write=write, say=lambda text, _warning: self.page.say(text),
            started=lambda job: setattr(self, "door_run_job", job))
        return self.print_dialog

    def stop(self) -> None:
        self._timer.stop()
        self._retry.stop()
        for job in (self.job, self.door_run_job):
            if job is not None and job.running:
                job.cancel()
                job.wait()
