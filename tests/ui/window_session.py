"""A long evening at the window, scripted, in a process of its own:

    python tests/ui/window_session.py DB ROUNDS LANG

opens the window exactly as `compound-desk --db DB` does, works through every page ROUNDS times
(searches, page keys, dialogs opened and closed, message boxes, bags made and previews drawn, scans
at the gate, backups), closes the window and exits with the window's own exit code. It prints
`steps N` on stdout; any step that raised is printed to stderr and makes the exit code 1.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, Qt, QTimer, Signal  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget  # noqa: E402

from desktop.cli.main import main  # noqa: E402
from desktop.errors import BadInput  # noqa: E402

TYPING_CALLS = 30_000
SIGNALS_SENT = 15_000
PAGE_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6)



class Beacon(QObject):
    ping = Signal(bool)


steps = 0
failures: list[str] = []


def pause(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition, timeout_ms: int = 30_000) -> None:
    clock = QElapsedTimer()
    clock.start()
    while not condition():
        if clock.elapsed() > timeout_ms:
            raise TimeoutError("waited too long")
        pause(20)


def idle() -> None:
    from desktop.ui import jobs

    if not jobs.wait_until_idle(60_000, quiet_ms=100):
        raise TimeoutError("a job did not finish")


def step(name: str):
    """Run one step; count it, or note how it failed and carry on with the session."""

    def run(fn):
        global steps
        try:
            fn()
            steps += 1
        except Exception:
            failures.append(f"{name}: {traceback.format_exc()}")

    return run


def close_dialog(dialog: QWidget | None) -> None:
    if dialog is None:
        raise AssertionError("no dialog opened")
    wait_until(dialog.isVisible)
    pause(30)
    dialog.reject() if isinstance(dialog, QDialog) else dialog.close()
    pause(30)


def first_id(conn, sql: str) -> int | None:
    row = conn.execute(sql).fetchone()
    return row[0] if row else None


def session(window, rounds: int) -> None:
    from desktop.ui import jobs
    from desktop.ui.common import show_error

    conn = window.conn
    codes = [row[0] for row in conn.execute("SELECT code FROM bag WHERE voided_at IS NULL ORDER BY id LIMIT 200")]
    for number in range(rounds):
        @step("page keys")
        def _():
            for key in PAGE_KEYS:
                QTest.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.ControlModifier)
                pause(40)

        @step("roster searches")
        def _():
            window.show_page("roster")
            roster = window.pages["roster"]
            search = roster.findChild(QLineEdit, "rosterSearch")
            for text in ("12-", "张", "zs", "138", "5-1202", ""):
                search.setText(text)
                pause(120)

        @step("household dialogs")
        def _():
            roster = window.pages["roster"]
            close_dialog(roster.add_household())
            household = first_id(conn, "SELECT id FROM household ORDER BY id LIMIT 1")
            close_dialog(roster.open_household(household))

        @step("group buy dialogs")
        def _():
            window.show_page("buys")
            buys = window.pages["buys"]
            close_dialog(buys.new_buy())
            buy = first_id(conn, "SELECT id FROM group_buy ORDER BY id DESC LIMIT 1")
            buys.open_buy(buy)
            pause(100)

        @step("supplier dialogs")
        def _():
            window.show_page("suppliers")
            close_dialog(window.pages["suppliers"].add_supplier())

        @step("bags and previews")
        def _(number=number):
            window.show_page("bags")
            bags = window.pages["bags"]
            idle()
            combo = bags.buy_combo
            for index in range(combo.count()):
                combo.setCurrentIndex(index)
                idle()
            stock = bags.stock_combo
            stock.setCurrentIndex((number + 1) % stock.count())
            idle()

        @step("scans at the gate")
        def _(number=number):
            window.show_page("gate")
            gate = window.pages["gate"]
            operator = gate.findChild(QLineEdit, "gateOperator")
            if operator is not None and not operator.text():
                operator.setText("老周")
            scan = gate.findChild(QLineEdit, "scanInput")
            for code in codes[number * 3:number * 3 + 3] + ["NOT-A-CODE"]:
                scan.setText(code)
                QTest.keyClick(scan, Qt.Key.Key_Return)
                pause(150)
            idle()

        @step("backup now")
        def _():
            window.show_page("backups")
            job = window.pages["backups"].back_up_now()
            if job is None:
                raise AssertionError("no backup started")
            idle()

        @step("message boxes")
        def _():
            box = show_error(window, BadInput("file_missing", "path", path="/media/usb/roster.csv"))
            close_dialog(box)
            question = QMessageBox(QMessageBox.Icon.Question, "Compound Desk", "?",
                                   QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
            question.open()
            close_dialog(question)
            question.deleteLater()

        @step("help and the compound's name")
        def _():
            close_dialog(window.show_shortcuts())
            close_dialog(window.ask_compound_name())

        @step("an evening of typing, compressed")
        def _():
            # Hours at the lobby table make tens of thousands of calls into Qt from Python and
            # send thousands of the program's own signals: here they are, back to back.
            window.show_page("roster")
            search = window.pages["roster"].findChild(QLineEdit, "rosterSearch")
            for index in range(TYPING_CALLS):
                search.setText(("1", "12", "12-", "12-3")[index % 4])
            beacon = Beacon()
            for _index in range(SIGNALS_SENT):
                beacon.ping.emit(True)
            search.setText("")
            pause(120)

        @step("jobs with progress")
        def _():
            def count(progress, should_cancel):
                for done in range(1, 2001):
                    progress(done, 2000)
                return done

            finished = []
            job = jobs.run_job(window, "Counting", count)
            job.finished.connect(lambda: finished.append(True))
            wait_until(lambda: finished)

    # Whatever a page may have left open is closed the way a person would: Esc.
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    pause(100)
    window.close()


def drive(rounds: int) -> None:
    from desktop.ui.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(50, lambda: drive(rounds))
        return
    crash_handler = sys.excepthook  # the window's: an unexpected error in any slot counts too

    def note(exc_type, exc, tb):
        failures.append("".join(traceback.format_exception(exc_type, exc, tb)))
        crash_handler(exc_type, exc, tb)

    sys.excepthook = note
    try:
        session(windows[0], rounds)
    except Exception:
        failures.append(traceback.format_exc())
        windows[0].close()


if __name__ == "__main__":
    db, rounds, lang = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    app = QApplication([sys.argv[0]])
    QTimer.singleShot(0, lambda: drive(rounds))
    code = main(["--db", db, "--lang", lang])
    print(f"steps {steps}", flush=True)
    for failure in failures:
        sys.stderr.write(failure + "\n")
    sys.exit(code or (1 if failures else 0))
