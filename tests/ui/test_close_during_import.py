"""Closing the window while a roster import runs: the volunteer is told, and chooses."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.errors import Cancelled
from desktop.ui import jobs
from desktop.ui.main_window import MainWindow


def test_closing_during_an_import_asks_and_either_keeps_working_or_stops_it(qtbot, conn):
    window = MainWindow(conn, settings=None)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    release = threading.Event()

    def long_import(progress, should_cancel):
        while not should_cancel():
            if release.wait(0.02):
                return "finished"
        raise Cancelled()

    job = jobs.run_job(window.pages["roster"], "Importing 住户名单.xlsx…", long_import, show_after_ms=60_000)
    try:
        assert window.close() is False  # not closed under the import, and not silently either
        box = window.close_question
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert "Importing 住户名单.xlsx is still running" in box.text()
        assert "nothing it did is kept" in box.text()

        box.findChild(QPushButton, "closeKeep").click()
        assert window.isVisible() and job.running

        assert window.close() is False
        with qtbot.waitSignal(job.finished, timeout=10_000):
            window.close_question.findChild(QPushButton, "closeStop").click()
        assert isinstance(job.error, Cancelled)
        qtbot.waitUntil(lambda: not window.isVisible())
    finally:
        release.set()
        job.wait()
