"""Signing in, roles, the idle lock, the Operators and Audit pages, and the committee's sign-in
for an old undo at the gate: driven through the window as the people at the table would."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
)

from desktop import audit
from desktop.bags.bags import list_bags, make_bags
from desktop.gate import scan as gate_scan
from desktop.people import operators
from desktop.roster.households import HouseholdFields, find_household, update_household
from desktop.ui import jobs
from desktop.ui.main_window import PAGES, MainWindow
from desktop.ui.ops import DbOp
from tests.bag_scenes import NEIGHBOURS, everyday_buy

PEOPLE = (("王主任", "committee", "2580"), ("小李", "volunteer", "1357"), ("老张", "guard", "2468"))


@pytest.fixture
def staffed(conn, add):
    for address, name, phone, delivery in NEIGHBOURS:
        add(address, name, phone, delivery=delivery)
    for name, role, pin in PEOPLE:
        operators.add_operator(conn, name, role, pin)
    return conn


@pytest.fixture
def window(qtbot, staffed):
    made = MainWindow(staffed)
    qtbot.addWidget(made)
    made.resize(1280, 800)
    made.show()
    qtbot.waitExposed(made)
    made.start_sign_in()
    yield made
    jobs.wait_until_idle()


def sign_in(qtbot, window: MainWindow, name: str, pin: str) -> None:
    """Typed as at the table: the name (set as an input method leaves it), Tab, the PIN, Enter."""
    panel = window.sign_in_panel
    panel.name_input.setEditText(name)
    panel.pin_input.setFocus()
    qtbot.keyClicks(panel.pin_input, pin)
    qtbot.keyClick(panel.pin_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.operator is not None or panel.error.isVisible(), timeout=10_000)


def visible_pages(window: MainWindow) -> list[str]:
    return [key for row, key in enumerate(window.pages) if not window.navigation.item(row).isHidden()]


def test_the_window_starts_on_the_sign_in_and_a_guard_finds_only_the_gate_and_the_stations(qtbot, window):
    assert window.screens.currentWidget() is window.sign_in_panel and window.locked
    assert [window.sign_in_panel.name_input.itemText(i) for i in range(3)] == ["小李", "王主任", "老张"]
    sign_in(qtbot, window, "老张", "2468")
    assert window.operator.role == "guard"
    assert visible_pages(window) == ["gate", "stations"] and window.current_page() == "gate"
    gate_page = window.pages["gate"]
    assert gate_page.operator_input.text() == "老张" and gate_page.operator_input.isReadOnly()
    assert window.findChild(QLabel, "statusOperator").text() == "老张 (guard)"
    window.page_actions[0].trigger()  # Ctrl+1, the roster's key
    assert window.current_page() == "gate"
    assert "not open to a guard" in window.statusBar().currentMessage()


def test_a_wrong_pin_says_so_and_the_fifth_says_how_long_to_wait(qtbot, window):
    for _ in range(4):
        sign_in(qtbot, window, "小李", "0000")
    error = window.sign_in_panel.error
    assert error.isVisible() and "1 tries before a wait" in error.text()
    sign_in(qtbot, window, "小李", "0000")
    assert "wait 30 seconds" in error.text()
    sign_in(qtbot, window, "小李", "1357")
    assert window.operator is None and "Too many wrong PINs for 小李: wait" in error.text()


def test_a_volunteers_phone_edit_shows_in_the_audit_page_for_the_committee(qtbot, window, staffed):
    sign_in(qtbot, window, "小李", "1357")
    assert visible_pages(window) == ["roster", "buys", "suppliers", "bags", "needs", "stations"]
    household = find_household(staffed, "12-301")
    fields = HouseholdFields(address="12-301", name=household.name, phone="13912345678")
    job = DbOp(window, window.conn, lambda conn: update_household(conn, household.id, fields)).run()
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    assert window.locked and window.operator is None
    sign_in(qtbot, window, "王主任", "2580")
    assert visible_pages(window) == list(PAGES)
    window._go_to("audit")
    page = window.pages["audit"]
    qtbot.waitUntil(lambda: not page.reading, timeout=10_000)
    page.household_input.setText("12-301")
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert page.reading and page.reading_label.isVisible()
    qtbot.waitUntil(lambda: not page.reading, timeout=10_000)
    assert not page.reading_label.isVisible()
    cells = page.model.row_at(0).cells
    assert cells[1] == "小李" and cells[3] == "roster edit" and cells[4] == "12-301"
    assert cells[6] == "phone: 13800000001 → 13912345678"
    page.household_input.clear()
    page.kind_input.setCurrentIndex(page.kind_input.findData("operator"))
    page.kind_input.activated.emit(page.kind_input.currentIndex())
    qtbot.waitUntil(lambda: not page.reading, timeout=10_000)
    assert page.model.rowCount() == 3 and page.count_label.text() == "3 changes, newest first"
    page.household_input.setText("99-999")
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.reading, timeout=10_000)
    assert page.model.rowCount() == 0
    assert page.error.isVisible() and "99-999 is not in the roster" in page.error.text()


def test_the_audit_export_goes_through_its_file_dialog(qtbot, window, tmp_path):
    sign_in(qtbot, window, "王主任", "2580")
    window._go_to("audit")
    page = window.pages["audit"]
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    target = tmp_path / "audit.csv"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(lambda: page.notice.isVisible(), timeout=10_000)
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert {row["kind"] for row in rows} == {"household_added", "operator"}
    assert "Exported 7 changes" in page.notice.text()


def test_the_window_locks_itself_after_the_idle_time(qtbot, window):
    sign_in(qtbot, window, "小李", "1357")
    window.idle_lock.start(0, ms=200)
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    assert window.screens.currentWidget() is window.sign_in_panel and window.conn.operator == ""


def test_the_committee_adds_an_operator_gives_a_new_pin_disables_and_sets_the_idle_lock(qtbot, window, staffed):
    sign_in(qtbot, window, "王主任", "2580")
    window._go_to("operators")
    page = window.pages["operators"]
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.name_input.setText("赵阿姨")
    dialog.role_input.setCurrentIndex(dialog.role_input.findData("volunteer"))
    qtbot.keyClicks(dialog.pin_input, "12")
    qtbot.keyClicks(dialog.again_input, "12")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.pin_error.isVisible, timeout=10_000)
    assert "4 to 8 digits" in dialog.pin_error.text()
    dialog.pin_input.setText("864200")
    dialog.again_input.setText("864200")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert page.notice.text() == "赵阿姨 added as volunteer."
    assert page.chosen() == "赵阿姨"
    entry = audit.entries(staffed, kind="operator")[0]
    assert (entry.operator, entry.summary) == ("王主任", "赵阿姨")

    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.pin_input.setText("1111")
    dialog.again_input.setText("1112")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.again_error.text() == "The two PINs differ: type the same PIN twice."
    dialog.again_input.setText("1111")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert operators.sign_in(staffed, "赵阿姨", "1111").name == "赵阿姨"

    qtbot.mouseClick(page.disable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "can no longer sign in" in page.notice.text(), timeout=10_000)
    assert [o.active for o in operators.list_operators(staffed) if o.name == "赵阿姨"] == [False]

    page.choose("王主任")
    qtbot.mouseClick(page.disable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    or any(w.objectName() == "errorMessage" and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=10_000)
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "errorMessage" and w.isVisible())
    assert "last committee operator" in box.text()
    box.done(0)

    page.idle_input.setValue(3)
    qtbot.mouseClick(page.idle_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "3 minutes" in page.notice.text(), timeout=10_000)
    assert operators.idle_lock_minutes(staffed) == 3
    assert window.idle_lock.timer.interval() == 3 * 60_000


def test_the_first_use_makes_the_first_committee_operator(qtbot, conn, add):
    add("12-301", "张三丰")
    window = MainWindow(conn)
    qtbot.addWidget(window)
    window.show()
    dialog = window.start_sign_in()
    qtbot.waitUntil(dialog.isVisible)
    assert not window.locked and window.screens.currentIndex() == 0
    dialog.name_input.setText("王主任")
    qtbot.keyClicks(dialog.pin_input, "2580")
    qtbot.keyClicks(dialog.again_input, "2580")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.operator is not None, timeout=10_000)
    assert window.operator.role == "committee" and not dialog.isVisible()
    assert [o.as_json() for o in operators.list_operators(conn)] == [
        {"name": "王主任", "role": "committee", "active": True}]


def test_later_keeps_the_window_open_without_signing_in(qtbot, conn):
    window = MainWindow(conn)
    qtbot.addWidget(window)
    window.show()
    dialog = window.start_sign_in()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and window.operator is None and not window.locked
    assert visible_pages(window) == list(PAGES)
    assert not window.pages["gate"].operator_input.isReadOnly()


def guard_scans_a_bag_of_3_101(qtbot, window, staffed, picked_up_at: str | None = None):
    """The guard 老张 signs in and scans a bag of 3-101's, which another station recorded picked
    up first when `picked_up_at` names it: the Gate page, settled, and the bag's code."""
    buy = everyday_buy(staffed)
    make_bags(staffed, buy)
    code = next(bag.code for bag in list_bags(staffed, buy) if bag.address == "3-101")
    if picked_up_at is not None:
        gate_scan(staffed, code, record="pickup", operator="保安老李", station=picked_up_at)
    sign_in(qtbot, window, "老张", "2468")
    page = window.pages["gate"]
    page.wait_for_waiting_list()
    page.scan_input.setText(code)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.settled, timeout=10_000)
    return page, code


def test_undoing_another_stations_handoff_needs_a_committee_sign_in(qtbot, window, staffed):
    page, code = guard_scans_a_bag_of_3_101(qtbot, window, staffed, picked_up_at="north gate")
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    committee = page.committee_dialog
    qtbot.waitUntil(committee.isVisible)
    assert "another station" in committee.findChild(QLabel, "committeeWhy").text()
    assert [committee.name_input.itemText(i) for i in range(committee.name_input.count())] == ["王主任"]
    committee.name_input.setEditText("老张")
    committee.pin_input.setText("2468")
    qtbot.mouseClick(committee.allow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(committee.name_error.isVisible, timeout=10_000)
    assert "not on the committee" in committee.name_error.text()
    committee.name_input.setEditText("王主任")
    committee.pin_input.setText("2580")
    qtbot.mouseClick(committee.allow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "undo_dialog", None) is not None and page.undo_dialog.isVisible(),
                    timeout=10_000)
    page.undo_dialog.findChild(QLineEdit, "gateUndoReason").setText("扫错了袋子")
    qtbot.mouseClick(page.undo_dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.settled and bool(audit.entries(staffed, kind="undo")), timeout=10_000)
    (undo,) = audit.entries(staffed, kind="undo")
    assert undo.operator == "老张" and "王主任" in undo.summary
    assert gate_scan(staffed, code).verdict == "ok"


def test_a_fresh_undo_at_the_same_station_asks_no_committee(qtbot, window, staffed):
    page, code = guard_scans_a_bag_of_3_101(qtbot, window, staffed)
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert page.undo_dialog.isVisible() and getattr(page, "committee_dialog", None) is None
    assert [h[0] for h in staffed.execute("SELECT operator FROM handoff")] == ["老张"]
    page.undo_dialog.reject()


def test_the_sign_in_button_and_an_empty_name(qtbot, window):
    qtbot.mouseClick(window.findChild(QPushButton, "signInButton"), Qt.MouseButton.LeftButton)
    assert window.sign_in_panel.error.text() == "Give the operator's name."
    assert isinstance(window.findChild(QComboBox, "signInName"), QComboBox)


def test_gate_mode_asks_a_guard_to_sign_in_first(qtbot, staffed):
    from desktop.ui.gate.gate_page import GateWindow

    window = GateWindow(staffed)
    qtbot.addWidget(window)
    window.show()
    panel = window.start_sign_in()
    assert window.centralWidget() is panel
    sign_in(qtbot, window, "小李", "1357")
    assert "Gate mode is for guards and the committee; 小李 is a volunteer." == panel.error.text()
    assert window.centralWidget() is panel
    sign_in(qtbot, window, "老张", "2468")
    assert window.centralWidget() is window.page
    assert window.page.operator_input.text() == "老张" and window.page.operator_input.isReadOnly()
    assert window.conn.operator == "老张"
    window.page.stop()


def test_locking_closes_what_was_open_unsaved(qtbot, window, staffed):
    sign_in(qtbot, window, "小李", "1357")
    dialog = window.pages["roster"].add_household()
    qtbot.waitUntil(dialog.isVisible)
    window.idle_lock.start(0, ms=100)
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    assert not [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert window.screens.currentWidget() is window.sign_in_panel


def test_correcting_another_stations_handoff_with_f6_needs_a_committee_sign_in(qtbot, window, staffed):
    page, code = guard_scans_a_bag_of_3_101(qtbot, window, staffed, picked_up_at="north gate")
    qtbot.mouseClick(page.decide_button, Qt.MouseButton.LeftButton)
    committee = page.committee_dialog
    qtbot.waitUntil(committee.isVisible)
    assert getattr(page, "decision_dialog", None) is None
    assert "another station" in committee.findChild(QLabel, "committeeWhy").text()
    committee.name_input.setEditText("王主任")
    committee.pin_input.setText("2580")
    qtbot.mouseClick(committee.allow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "decision_dialog", None) is not None
                    and page.decision_dialog.isVisible(), timeout=10_000)
    dialog = page.decision_dialog
    assert "3-101" in dialog.findChild(QLabel, "gateDecisionWhat").text()
    assert [h[0] for h in staffed.execute("SELECT action FROM handoff")] == ["pickup"]  # nothing yet
    dialog.findChild(QRadioButton, "gateDecideDoor").click()
    dialog.findChild(QLineEdit, "gateDecisionReason").setText("封控楼，送上门了")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: staffed.execute("SELECT count(*) FROM handoff").fetchone()[0] == 3,
                    timeout=10_000)
    assert [h[0] for h in staffed.execute("SELECT action FROM handoff ORDER BY id")] == [
        "pickup", "reversal", "door"]
    [(summary,)] = staffed.execute(
        "SELECT summary FROM audit_entry WHERE kind = 'gate_decision'").fetchall()
    assert summary.endswith("· 王主任")  # the committee member who allowed it is on the record


def test_a_fresh_f6_at_the_same_station_asks_no_committee(qtbot, window, staffed):
    page, code = guard_scans_a_bag_of_3_101(qtbot, window, staffed)
    qtbot.mouseClick(page.decide_button, Qt.MouseButton.LeftButton)
    assert page.decision_dialog.isVisible() and getattr(page, "committee_dialog", None) is None
    page.decision_dialog.reject()
