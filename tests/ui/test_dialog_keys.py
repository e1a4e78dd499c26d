"""Every button of every dialog the window opens has an Alt key of its own, in either language.

The dialogs are opened the way a volunteer opens them, on a demo compound, and each one's push
buttons are read as shown. A dialog class added to the window without being opened here fails.
"""

import importlib
import inspect
import pkgutil
import re
import threading

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

import desktop.ui
from desktop.committee.needs import add_need
from desktop.db import connect, transaction
from desktop.db.gate import insert_event
from desktop.demo.compound import fill_demo
from desktop.errors import BadInput
from desktop.ui import jobs
from desktop.ui.common import mnemonic_of, plain, show_error
from desktop.ui.crash_dialog import CrashDialog
from desktop.ui.gate.dialogs import DecisionDialog, UndoDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.people.sign_in import CommitteeDialog, FirstOperatorDialog
from tests.buys_scenes import ktt_order, write_ktt


def dialog_classes() -> set[type]:
    """Every QDialog the window's modules define."""
    found = set()
    for module_info in pkgutil.iter_modules(desktop.ui.__path__):
        module = importlib.import_module(f"desktop.ui.{module_info.name}")
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                found.add(cls)
    return found


def buttons_without_a_key(dialog: QWidget) -> list[str]:
    """Push buttons with words on them (not a row's "×") that no Alt key reaches, or that share one."""
    buttons = [b for b in dialog.findChildren(QPushButton)
               if b.isVisibleTo(dialog) and re.search(r"\w", plain(b.text()))]
    problems = [f"{b.objectName() or '?'} {b.text()!r}" for b in buttons if mnemonic_of(b.text()) is None]
    # Every Alt key of the dialog, its buttons' and its labels' (a label's key moves to its field),
    # reaches one thing only: a label and a button on the same key leave the button unreachable.
    labelled = [w.text() for w in dialog.findChildren(QLabel) if w.isVisibleTo(dialog) and w.buddy()]
    choices = [w.text() for w in dialog.findChildren(QAbstractButton)
               if w.isVisibleTo(dialog) and not isinstance(w, QPushButton)]
    texts = [b.text() for b in buttons] + labelled + choices
    keys = [mnemonic_of(text) for text in texts if mnemonic_of(text)]
    problems += [f"two things on Alt+{key}" for key in sorted(set(keys)) if keys.count(key) > 1]
    return problems


class Opened:
    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.seen: dict[str, list[str]] = {}
        self.classes: set[type] = set()

    def check(self, dialog: QWidget | None, name: str | None = None) -> None:
        assert dialog is not None, name
        self.qtbot.waitUntil(dialog.isVisible)
        label = name or type(dialog).__name__
        self.seen[label] = buttons_without_a_key(dialog)
        self.classes.add(type(dialog))
        dialog.reject() if not isinstance(dialog, QMessageBox) else dialog.done(0)
        self.qtbot.waitUntil(lambda: not dialog.isVisible())


@pytest.fixture
def demo(tmp_path):
    conn = connect(tmp_path / "demo.sqlite")
    fill_demo(conn, households=60)
    yield conn
    conn.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_dialog_button_has_an_alt_key_of_its_own(qtbot, demo, tmp_path, lang, request):
    if lang == "zh":
        request.getfixturevalue("chinese")
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    opened = Opened(qtbot)

    # The roster: a household, and the preview of an import.
    roster = window.pages["roster"]
    opened.check(roster.add_household())
    roster_file = tmp_path / "roster.csv"
    roster_file.write_text("地址,姓名,电话\n12-301,张三,13800000001\n99-101,新邻居,13900000009\n",
                           encoding="utf-8")
    roster.import_file(roster_file)
    qtbot.waitUntil(lambda: getattr(roster, "import_preview", None) is not None, timeout=20_000)
    opened.check(roster.import_preview)

    # Group buys: a new one, and on an open buy payments, arrivals, a pasted list, cancelling.
    buys = window.pages["buys"]
    window.show_page("buys")
    opened.check(buys.new_buy())
    opened.check(buys.new_distribution())
    notice = buys.show_notice_board()
    qtbot.waitUntil(lambda: notice.job is not None and not notice.job.running, timeout=20_000)
    opened.check(notice)
    for kind in ("record_payment", "record_arrival", "paste_chain", "cancel_buy"):
        dialog = None
        for (buy_id,) in demo.execute("SELECT id FROM group_buy ORDER BY id"):
            view = buys.open_buy(buy_id)
            if kind == "record_payment" and view.details is not None and view.details.orders:
                view.select_order(view.details.orders[0].order_id)
            dialog = getattr(view, kind)()
            if dialog is not None:
                break
        opened.check(dialog, kind)
    export = write_ktt(tmp_path / "ktt.xlsx", [
        ktt_order(1, "张三", "13800000001", "样例小区12号楼301", [("速冻水饺", "1kg", 2, 64)],
                  building="12", room="301"),
    ])
    buys.show_list()
    buys.import_ktt(export)
    qtbot.waitUntil(lambda: buys.dialog is not None and buys.dialog.objectName() == "kttPreview",
                    timeout=20_000)
    preview = buys.dialog
    opened.check(preview)
    qtbot.waitUntil(lambda: buys.dialog is None or not buys.dialog.isVisible())
    buys.import_ktt(export)
    qtbot.waitUntil(lambda: buys.dialog is not None and buys.dialog.objectName() == "kttPreview"
                    and buys.dialog is not preview, timeout=20_000)
    buys.dialog.findChild(QPushButton, "kttImport").click()
    qtbot.waitUntil(lambda: buys.dialog is not None and buys.dialog.objectName() == "kttResult",
                    timeout=20_000)
    opened.check(buys.dialog)

    # Suppliers: a new one, and a complaint about one.
    suppliers = window.pages["suppliers"]
    window.show_page("suppliers")
    opened.check(suppliers.add_supplier())
    (supplier_id,) = demo.execute("SELECT id FROM supplier ORDER BY id LIMIT 1").fetchone()
    suppliers.select_supplier(supplier_id)
    opened.check(suppliers.note_complaint())

    # The gate: its settings, and the question an undo asks.
    gate = window.pages["gate"]
    window.show_page("gate")
    opened.check(gate.edit_settings())
    undo = UndoDialog(gate, "Undo?", lambda reason: None)
    undo.open()
    opened.check(undo)
    opened.check(gate.ask_guard(), "guard's name")
    decision = DecisionDialog(gate, "12-301", None, lambda handoff: "", None,
                              lambda action, reason: None)
    decision.open()
    opened.check(decision)

    # The committee: a need added, moved on and closed; the rows behind a money figure.
    reports = window.pages["reports"]
    window.show_page("reports")
    qtbot.waitUntil(lambda: not reports.reading, timeout=20_000)  # its figures, read off the GUI thread
    opened.check(reports.add_need())
    opened.check(reports.show_rows("collected"), "money rows")
    (address,) = demo.execute("SELECT address FROM household ORDER BY id LIMIT 1").fetchone()
    need_id = add_need(demo, address, "胰岛素", "high")
    needs_page = window.pages["needs"]
    window.show_page("needs")
    qtbot.waitUntil(lambda: not needs_page.reading, timeout=20_000)
    needs_page.select_need(need_id)
    opened.check(needs_page.update_selected())
    opened.check(needs_page.close_selected())

    # Backups: putting one back asks first.
    backups = window.pages["backups"]
    window.show_page("backups")
    job = backups.back_up_now()
    qtbot.waitSignal(job.finished, timeout=20_000).wait()
    qtbot.waitUntil(lambda: backups.selected_backup() is not None or backups.table.model().rowCount() > 0)
    backups.table.selectRow(0)
    opened.check(backups.restore_selected(), "restoreConfirm")
    # Found damaged, the file's newest good backup is offered (or, with none, the bad news).
    opened.check(window.safekeeping._offer_restore(backups.selected_backup()), "restoreOffer")
    opened.check(window.safekeeping._offer_restore(None), "restoreOffer, no backup")

    # Operators: a new one, a new PIN; the first committee operator; a committee member's sign-in.
    people = window.pages["operators"]
    window.show_page("operators")
    opened.check(people.add(), "new operator")
    people.table.selectRow(0)
    opened.check(people.reset_pin(), "new PIN")
    first = FirstOperatorDialog(demo, window, lambda _who: None)
    first.open()
    opened.check(first)
    committee = CommitteeDialog(demo, window, "Undo.", lambda _name: None)
    committee.open()
    opened.check(committee)

    # Stations: the committee's note on a bag handed over at two stations.
    (bag_id,) = demo.execute("SELECT id FROM bag WHERE voided_at IS NULL LIMIT 1").fetchone()
    with transaction(demo):
        for station in ("north", "south"):
            insert_event(demo, {"bag_id": bag_id, "action": "pickup", "operator": "李",
                                "at": "2026-04-01T08:00:00Z"}, station=station)
    stations = window.pages["stations"]
    window.show_page("stations")
    stations.reload()
    qtbot.waitUntil(lambda: not stations.reading and stations.conflicts.rowCount() == 1, timeout=20_000)
    stations.conflicts.selectRow(0)
    opened.check(stations.resolve_selected())

    # The shell: help, the compound's name, an error, a long job, an unexpected failure.
    opened.check(window.show_shortcuts())
    opened.check(window.ask_compound_name(), "compound name")
    opened.check(show_error(window, BadInput("file_missing", "path", path="/media/usb/x.csv")), "error")
    release = threading.Event()
    long_job = jobs.run_job(window, "…", lambda progress, cancel: release.wait(10), show_after_ms=0)
    qtbot.waitUntil(long_job.dialog.isVisible)
    opened.seen["JobDialog"] = buttons_without_a_key(long_job.dialog)
    opened.classes.add(type(long_job.dialog))
    release.set()
    qtbot.waitSignal(long_job.finished, timeout=10_000).wait()
    crash = CrashDialog("Something broke.", "Traceback …", window)
    crash.open()
    opened.check(crash)

    assert {name: problems for name, problems in opened.seen.items() if problems} == {}
    assert dialog_classes() - opened.classes == set(), "open every dialog of the window here"
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    qtbot.waitUntil(lambda: jobs.running_count() == 0, timeout=20_000)
