"""The Stations page and the gate station's window, driven as a volunteer and a guard drive them:
export and import through the real buttons (the file dialog answered), the summary of what came
in, a refused file said in words, a bag handed over twice resolved with a note, the reminder, and
a gate station's window showing the Gate and Stations pages with its banner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.db import connect
from desktop.gate import scan
from desktop.people import operators
from desktop.stations.conflicts import list_conflicts
from desktop.stations.status import station_status
from desktop.ui import jobs
from desktop.ui.main_window import MainWindow
from desktop.ui.stations.stations_page import StationsPage
from tests.bag_scenes import rows_of
from tests.station_scenes import bag_codes, carry, exported, lobby, new_gate


@pytest.fixture
def home(tmp_path):
    conn = lobby(tmp_path)
    yield conn
    conn.close()


def page_over(qtbot, conn) -> StationsPage:
    page = StationsPage(conn)
    qtbot.addWidget(page)
    page.show()
    read(qtbot, page)
    return page


def read(qtbot, page) -> None:
    """The page has read the station and its review list, off the GUI thread."""
    qtbot.waitUntil(lambda: not page.reading, timeout=20_000)
    assert not page.reading_label.isVisible()


def answer_file_dialog(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def click_and_wait(qtbot, page, button) -> None:
    page.job = None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.job is not None, timeout=5_000)
    qtbot.waitUntil(lambda: not page.job.running, timeout=20_000)
    read(qtbot, page)


def test_the_lobby_exports_a_file_for_the_gate_with_the_export_button(qtbot, home, tmp_path, monkeypatch):
    page = page_over(qtbot, home)
    assert "lobby" in page.identity.text()
    target = tmp_path / "usb" / "for-gate.cdx"
    target.parent.mkdir()
    answer_file_dialog(monkeypatch, target)
    click_and_wait(qtbot, page, page.export_button)
    assert target.is_file()
    assert page.summary.isVisible() and page.summary.property("kind") == "good"
    assert str(target) in page.summary.text() and "bags" in page.summary.text()
    # The gate station made from it knows the lobby's bags.
    gate = new_gate(home, tmp_path, "north")
    assert scan(gate, bag_codes(home)[0]).verdict == "ok"


def test_a_gate_imports_the_lobbys_file_and_is_refused_another_gates(qtbot, home, tmp_path, monkeypatch):
    north, south = new_gate(home, tmp_path, "north"), new_gate(home, tmp_path, "south")
    page = page_over(qtbot, north)
    assert page.reminder_row.isVisible() and not page.gates.isVisible()
    answer_file_dialog(monkeypatch, exported(home, tmp_path))
    click_and_wait(qtbot, page, page.import_button)
    assert page.summary.property("kind") == "good"
    assert "nothing new" in page.summary.text() or "Merged the file" in page.summary.text()
    before = rows_of(north)
    answer_file_dialog(monkeypatch, exported(south, tmp_path))
    click_and_wait(qtbot, page, page.import_button)
    assert page.summary.property("kind") == "bad"
    assert "a gate takes files from the lobby station only" in page.summary.text()
    assert rows_of(north) == before


def test_the_lobby_sees_a_double_handoff_and_the_committee_resolves_it(qtbot, home, tmp_path, monkeypatch):
    north, south = new_gate(home, tmp_path, "north"), new_gate(home, tmp_path, "south")
    code = bag_codes(home)[0]
    scan(north, code, record="pickup", operator="李")
    scan(south, code, record="door", operator="赵")
    carry(north, home, tmp_path)
    page = page_over(qtbot, home)
    assert not page.resolve_button.isEnabled()
    answer_file_dialog(monkeypatch, exported(south, tmp_path))
    click_and_wait(qtbot, page, page.import_button)
    assert page.summary.property("kind") == "warning"
    assert "A bag was handed over at two stations" in page.summary.text()
    assert page.conflicts.rowCount() == 1
    assert page.conflicts.item(0, 0).text() == code
    handovers = page.conflicts.item(0, 2).text()
    assert "north" in handovers and "south" in handovers and "李" in handovers and "赵" in handovers
    assert page.gates.rowCount() == 2  # both gates have sent a file

    page.conflicts.selectRow(0)
    assert page.resolve_button.isEnabled()
    qtbot.mouseClick(page.resolve_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "north" in dialog.facts.text() and "south" in dialog.facts.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no note yet
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.error.text() != "")
    assert "Write what the committee found" in dialog.error.text()
    dialog.note.insert("邻居代收，已核实")  # typed through an input method
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    read(qtbot, page)
    assert page.conflicts.item(0, 3).text() == "邻居代收，已核实"
    assert not page.resolve_button.isEnabled()
    assert list_conflicts(home) == []
    assert "0 to review" in page.conflicts_title.text()


def test_a_gate_sets_how_long_it_may_go_without_the_lobbys_file(qtbot, home, tmp_path):
    gate = new_gate(home, tmp_path, "north")
    page = page_over(qtbot, gate)
    page.reminder.setValue(9)
    click_and_wait(qtbot, page, page.reminder_save)
    assert station_status(gate).reminder_hours == 9


def test_a_gate_stations_window_has_the_gate_and_stations_pages_and_its_banner(qtbot, home, tmp_path):
    gate = new_gate(home, tmp_path, "north")
    window = MainWindow(gate)
    qtbot.addWidget(window)
    window.show()
    assert list(window.pages) == ["gate", "stations"]
    window.show_page("roster")  # not here: the gate shows instead
    assert window.current_page() == "gate"
    banner = window.pages["gate"].station_banner
    qtbot.waitUntil(banner.isVisible)
    assert "north" in banner.text() and "unknown" in banner.text()
    assert not banner.property("overdue")
    # Hours later, with no lobby file merged, the banner reminds the guard.
    later = datetime.now(UTC) + timedelta(hours=30)
    from desktop.stations import status as status_module

    real = status_module.station_status
    status_module_patch = pytest.MonkeyPatch()
    try:
        status_module_patch.setattr("desktop.ui.stations.banner.station_status",
                                    lambda conn: real(conn, later))
        banner.refresh()
        assert banner.property("overdue")
        assert "No lobby file merged for 30 hours" in banner.text()
    finally:
        status_module_patch.undo()


def test_a_lobby_window_keeps_every_page_and_its_gate_page_no_banner(qtbot, home):
    window = MainWindow(home)
    qtbot.addWidget(window)
    window.show()
    assert "roster" in window.pages and "stations" in window.pages
    window.show_page("gate")
    assert not window.pages["gate"].station_banner.isVisible()


def test_the_gate_file_written_by_the_window_is_read_back_by_the_lobby(qtbot, home, tmp_path, monkeypatch):
    gate = new_gate(home, tmp_path, "north")
    scan(gate, bag_codes(home)[1], record="pickup", operator="李")
    page = page_over(qtbot, gate)
    target = tmp_path / "north-to-lobby.cdx"
    answer_file_dialog(monkeypatch, target)
    click_and_wait(qtbot, page, page.export_button)
    home_again = connect(home.path)
    lobby_page = page_over(qtbot, home_again)
    click_and_wait(qtbot, lobby_page, lobby_page.import_button)
    assert "1 handoffs" in lobby_page.summary.text()  # the phrasebook's count of what came in
    assert "north" in lobby_page.gates.item(0, 0).text()


def test_a_lobby_file_merged_in_the_gates_window_shows_at_once_on_its_gate_page(qtbot, home, tmp_path,
                                                                             monkeypatch):
    gate = new_gate(home, tmp_path, "north")
    window = MainWindow(gate)
    qtbot.addWidget(window)
    window.show()
    gate_page = window.pages["gate"]
    gate_page.wait_for_waiting_list()
    waiting_before = gate_page.waiting_model.rowCount()
    # At the lobby, the neighbours' bags are made again one item a bag: more bags wait.
    from desktop.bags.bags import make_bags

    made = make_bags(home, home.execute("SELECT id FROM group_buy").fetchone()[0], 1)
    assert made.made > made.voided
    window.show_page("stations")
    stations = window.pages["stations"]
    answer_file_dialog(monkeypatch, exported(home, tmp_path))
    click_and_wait(qtbot, stations, stations.import_button)
    qtbot.waitUntil(lambda: gate_page.waiting_model.rowCount() == waiting_before - made.voided + made.made,
                    timeout=10_000)
    assert scan(gate, bag_codes(home)[-1]).verdict == "ok"


def test_a_new_laptop_at_the_gate_becomes_a_gate_station_with_one_button(qtbot, home, tmp_path, monkeypatch):
    fresh = connect(tmp_path / "gate-laptop.sqlite")
    window = MainWindow(fresh)
    qtbot.addWidget(window)
    window.show()
    window.show_page("stations")
    page = window.pages["stations"]
    read(qtbot, page)
    assert page.make_gate_button.isVisible()
    answer_file_dialog(monkeypatch, exported(home, tmp_path))
    qtbot.mouseClick(page.make_gate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: list(window.pages) == ["gate", "stations"], timeout=20_000)
    assert window.current_page() == "gate"
    assert window.conn is not fresh
    assert scan(window.conn, bag_codes(home)[0]).verdict == "ok"
    window.show_page("stations")
    read(qtbot, window.pages["stations"])
    assert not window.pages["stations"].make_gate_button.isVisible()
    # A lobby with households never offers it.
    lobby_page = page_over(qtbot, home)
    assert not lobby_page.make_gate_button.isVisible()


def sign_in(qtbot, window: MainWindow, name: str, pin: str) -> None:
    panel = window.sign_in_panel
    panel.name_input.setEditText(name)
    panel.pin_input.setFocus()
    qtbot.keyClicks(panel.pin_input, pin)
    qtbot.keyClick(panel.pin_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.operator is not None or panel.error.isVisible(), timeout=10_000)


def shown_pages(window: MainWindow) -> list[str]:
    return [key for row, key in enumerate(window.pages) if not window.navigation.item(row).isHidden()]


def staff(conn) -> None:
    for name, role, pin in (("王主任", "committee", "2580"), ("小李", "volunteer", "1357"),
                            ("老张", "guard", "2468")):
        operators.add_operator(conn, name, role, pin)


def test_a_gate_stations_window_with_operators_starts_on_the_sign_in(qtbot, home, tmp_path):
    staff(home)
    gate = new_gate(home, tmp_path, "north")  # the lobby's file brings its operators
    window = MainWindow(gate)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.start_sign_in()
    assert window.locked and window.screens.currentWidget() is window.sign_in_panel
    sign_in(qtbot, window, "老张", "2468")
    assert window.operator.role == "guard" and window.current_page() == "gate"
    assert shown_pages(window) == ["gate", "stations"]
    assert window.pages["gate"].operator_input.text() == "老张"
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    sign_in(qtbot, window, "王主任", "2580")
    assert shown_pages(window) == ["gate", "stations"] and list(window.pages) == ["gate", "stations"]
    jobs.wait_until_idle()


def test_a_gate_without_operators_asks_for_none_until_a_lobby_file_brings_them(qtbot, home, tmp_path,
                                                                               monkeypatch):
    gate = new_gate(home, tmp_path, "north")
    window = MainWindow(gate)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.start_sign_in() is None  # no first committee member made at a gate
    assert not window.locked and window.findChild(QDialog, "firstOperatorDialog") is None
    staff(home)  # made at the lobby: its next file brings them
    window.show_page("stations")
    stations = window.pages["stations"]
    read(qtbot, stations)
    answer_file_dialog(monkeypatch, exported(home, tmp_path))
    click_and_wait(qtbot, stations, stations.import_button)
    assert window.locked and window.screens.currentWidget() is window.sign_in_panel
    sign_in(qtbot, window, "老张", "2468")
    assert window.current_page() == "gate" and shown_pages(window) == ["gate", "stations"]
    jobs.wait_until_idle()


def test_a_volunteer_sees_a_double_handoff_but_the_committee_resolves_it(qtbot, home, tmp_path):
    north, south = new_gate(home, tmp_path, "north"), new_gate(home, tmp_path, "south")
    code = bag_codes(home)[0]
    scan(north, code, record="pickup", operator="李")
    scan(south, code, record="door", operator="赵")
    carry(north, home, tmp_path)
    carry(south, home, tmp_path)
    staff(home)
    window = MainWindow(home)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.start_sign_in()
    sign_in(qtbot, window, "小李", "1357")
    window.show_page("stations")
    page = window.pages["stations"]
    read(qtbot, page)
    assert page.conflicts.rowCount() == 1
    page.conflicts.selectRow(0)
    assert not page.resolve_button.isEnabled()
    assert "A committee member resolves" in page.resolve_button.toolTip()
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    sign_in(qtbot, window, "王主任", "2580")
    window.show_page("stations")
    page.conflicts.selectRow(0)
    assert page.resolve_button.isEnabled()
    qtbot.mouseClick(page.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    page.dialog.reject()
    jobs.wait_until_idle()
