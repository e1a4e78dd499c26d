"""Long work runs off the GUI thread and can be stopped; an unexpected error is shown once, in words."""

import threading
import time

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton, QWidget

from desktop.errors import BadInput, Cancelled
from desktop.ui.crash_dialog import CrashDialog, CrashHandler
from desktop.ui.jobs import run_job, with_connection


def make_window(qtbot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_job_reports_progress_and_hands_its_result_back_in_the_gui_thread(qtbot):
    window = make_window(qtbot)
    worker_threads = []

    def count(progress, should_cancel):
        worker_threads.append(threading.current_thread())
        for done in range(1, 101):
            progress(done, 100)
        return "counted"

    job = run_job(window, "Counting", count)
    with qtbot.waitSignal(job.done, timeout=5000) as done:
        pass
    assert done.args == ["counted"]
    assert worker_threads and worker_threads[0] is not threading.main_thread()


def test_cancel_stops_a_long_job_and_the_status_bar_says_nothing_was_changed(qtbot):
    window = make_window(qtbot)
    started = threading.Event()

    def slow(progress, should_cancel):
        started.set()
        for done in range(1000):
            if should_cancel():
                raise Cancelled()
            progress(done, 1000)
            time.sleep(0.01)
        return "finished"

    job = run_job(window, "Slow work", slow, show_after_ms=0)
    qtbot.waitUntil(lambda: job.dialog.isVisible())
    assert started.wait(5)
    with qtbot.waitSignal(job.failed, timeout=5000) as failed:
        job.dialog.findChild(QPushButton, "jobCancel").click()
    assert isinstance(failed.args[0], Cancelled)
    assert window.statusBar().currentMessage() == "Stopped: nothing was changed."


def test_a_job_that_fails_with_a_desk_error_shows_its_sentence(qtbot):
    window = make_window(qtbot)

    def broken(progress, should_cancel):
        raise BadInput("file_missing", path="/media/usb/roster.csv")

    with qtbot.waitSignal(run_job(window, "Reading", broken).failed, timeout=5000):
        pass
    box = window.findChild(QMessageBox, "errorMessage")
    assert box.text() == "There is no file at /media/usb/roster.csv: check the name and try again."


def test_a_database_job_uses_its_own_connection(qtbot, conn, add):
    window = make_window(qtbot)
    add("1-101", "王秀英")
    seen = []

    def look(job_conn, progress, should_cancel):
        seen.append(job_conn is conn)
        return job_conn.execute("SELECT count(*) FROM household").fetchone()[0]

    with qtbot.waitSignal(run_job(window, "Counting", with_connection(conn.path, look)).done) as done:
        pass
    assert done.args == [1] and seen == [False]


def raise_and_catch(message):
    try:
        raise RuntimeError(message)
    except RuntimeError as exc:
        return exc


def test_an_unexpected_error_is_shown_once_with_copy_details(qtbot):
    handler = CrashHandler()
    error = raise_and_catch("the printer exploded")

    handler(type(error), error, error.__traceback__)

    dialog = handler.dialog
    assert isinstance(dialog, CrashDialog) and dialog.isVisible()
    assert dialog.sentence.text().startswith("Something unexpected went wrong")
    dialog.findChild(QPushButton, "crashCopy").click()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and "the printer exploded" in copied
    dialog.accept()

    again = raise_and_catch("the printer exploded")
    handler(type(again), again, again.__traceback__)  # the same failure again: logged, not shown
    assert handler.dialog is None
    assert handler.failures == 2


def test_in_screenshot_mode_an_unexpected_error_goes_to_stderr(capsys):
    handler = CrashHandler(interactive=False)
    error = raise_and_catch("no display")
    handler(type(error), error, error.__traceback__)
    assert "Something unexpected went wrong" in capsys.readouterr().err
    assert handler.failures == 1


def test_a_job_whose_window_closed_meanwhile_hands_its_result_to_no_one(qtbot):
    """The window is gone before the work ends: the result is dropped, nothing touches the
    deleted window, and the job still says it finished."""
    import shiboken6

    window = QMainWindow()
    window.setCentralWidget(QWidget())
    window.show()
    release = threading.Event()
    received = []
    job = run_job(window, "Checking", lambda progress, should_cancel: release.wait(5) and "sound")
    job.done.connect(lambda result: received.append(window.statusBar().showMessage(result)))
    shiboken6.delete(window)
    release.set()
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert job.result == "sound"
    assert received == []
