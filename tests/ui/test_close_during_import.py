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


def test_while_the_import_dialog_is_up_the_window_takes_no_clicks_yet_hears_a_close(qtbot, conn):
    from PySide6.QtCore import Qt

    window = MainWindow(conn, settings=None)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    roster = window.pages["roster"]
    release = threading.Event()

    def long_import(progress, should_cancel):
        release.wait(10)
        return "finished"

    job = jobs.run_job(roster, "Importing 住户名单.xlsx…", long_import, show_after_ms=0)
    try:
        qtbot.waitUntil(lambda: job.dialog.isVisible())
        qtbot.mouseClick(roster.add_button, Qt.MouseButton.LeftButton)
        assert roster.household_dialog is None  # held still under the import

        assert window.close() is False
        box = window.close_question
        assert box.isVisible() and "still running" in box.text()
        box.findChild(QPushButton, "closeKeep").click()
        release.set()
        qtbot.waitUntil(lambda: not job.running, timeout=10_000)
        qtbot.mouseClick(roster.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: roster.household_dialog is not None)  # free again once it is done
        roster.household_dialog.reject()
    finally:
        release.set()
        job.wait()
