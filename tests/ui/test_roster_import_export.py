"""Importing and exporting the roster from the page: preview first, work off the GUI thread."""

import csv

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTableView

from desktop.roster.households import list_households
from desktop.ui.roster.roster_page import RosterPage

pytest.importorskip("desktop.roster.roster_io")


@pytest.fixture
def page(qtbot, conn):
    page = RosterPage(conn)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def write_roster(path, rows):
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["地址", "姓名", "电话", "人数"])
        writer.writerows(rows)
    return path


def test_import_preview_lists_skipped_lines_and_nothing_is_written_until_import_is_pressed(qtbot, page, conn, add, tmp_path):
    add("1-101", "王秀英", "13800000001")
    roster = write_roster(tmp_path / "住户名单.csv", [
        ["1-101", "王秀英", "13911112222", "1"],   # line 2: a new phone, so updated
        ["12-301", "张三", "13800000003", "2"],    # line 3: added
        ["12-", "李四", "", "1"],                  # line 4: no room
        ["5-101", "王五", "", "很多"],              # line 5: not a number of people
        ["6-601", "赵六", "", "3"],                # line 6: added
    ])

    with qtbot.waitSignal(page.import_file(roster).done, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: page.import_preview is not None)
    preview = page.import_preview

    assert preview.findChild(QLabel, "importAdded").accessibleName() == "add: 2"
    assert preview.findChild(QLabel, "importUpdated").accessibleName() == "update: 1"
    skipped = preview.findChild(QTableView, "importSkipped")
    assert preview.skipped_lines() == [4, 5]
    assert "room" in skipped.model().index(0, 1).data()
    assert [h.address for h in list_households(conn)] == ["1-101"]  # the preview wrote nothing
    assert list_households(conn)[0].phone == "13800000001"

    confirm = preview.findChild(QPushButton, "importConfirm")
    assert confirm.text() == "&Import 3 households"
    confirm.click()
    qtbot.waitUntil(lambda: len(list_households(conn)) == 3, timeout=10_000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)

    assert [page.model.index(r, 0).data() for r in range(3)] == ["1-101", "6-601", "12-301"]
    assert page.notice.isVisible()
    assert page.notice.text() == "Imported 住户名单.csv: 2 added, 1 updated, 0 unchanged, 2 skipped."


def test_a_roster_edited_here_and_imported_again_shows_its_conflicts_and_keeps_the_edit(
        qtbot, page, conn, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTabWidget

    from desktop.roster.households import HouseholdFields, find_household, update_household
    from desktop.roster.roster_io import import_roster

    first = [["1-101", "王秀英", "13800000001", "1"], ["1-102", "李四", "13800000002", "2"],
             ["1-103", "赵六", "13800000003", "3"]]
    import_roster(conn, write_roster(tmp_path / "first.csv", first))
    for address, people in (("1-101", 2), ("1-102", 4)):  # corrected at the lobby table
        found = find_household(conn, address)
        update_household(conn, found.id, HouseholdFields(address=address, name=found.name,
                                                         phone=found.phone, people=people))
    second = write_roster(tmp_path / "second.csv", [
        ["1-101", "王秀英", "13900000001", "1"],  # new phone; people still 1: a conflict
        ["1-102", "李四", "13800000002", "3"],  # people 3 against 4 here: a conflict
    ])  # 1-103 is left out

    with qtbot.waitSignal(page.import_file(second).done, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: page.import_preview is not None)
    preview = page.import_preview
    tabs = preview.findChild(QTabWidget, "importTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Conflicts (2)", "Changes (1)", "Not in the file (1)"]
    conflicts = preview.findChild(QTableView, "importConflicts")

    def cells(table, row, columns):
        return [table.model().index(row, c).data() for c in columns]

    rows = [cells(conflicts, r, range(1, 5)) for r in range(conflicts.model().rowCount())]
    assert rows == [["1-101", "People", "2", "1"], ["1-102", "People", "4", "3"]]
    changes = preview.findChild(QTableView, "importChanges")
    assert cells(changes, 0, range(4)) == ["1-101", "Phone", "13800000001", "13900000001"]
    assert cells(preview.findChild(QTableView, "importNotInFile"), 0, [0]) == ["1-103"]

    # The volunteer takes the file's word for 1-102 only: select its row, Space ticks it.
    conflicts.setFocus()
    conflicts.setCurrentIndex(conflicts.model().index(1, 1))
    qtbot.keyClick(conflicts, Qt.Key.Key_Space)
    tick = conflicts.model().index(1, 0).data(Qt.ItemDataRole.CheckStateRole)
    assert tick == Qt.CheckState.Checked
    assert preview.choices() == {("1-101", "people"): "program", ("1-102", "people"): "file"}
    preview.findChild(QPushButton, "importConfirm").click()

    qtbot.waitUntil(lambda: find_household(conn, "1-101").phone == "13900000001", timeout=10_000)
    assert find_household(conn, "1-101").people == 2  # the edit made here is kept
    assert find_household(conn, "1-102").people == 3  # the file's value, as chosen
    assert find_household(conn, "1-103") is not None  # left out of the file, left alone
    qtbot.waitUntil(lambda: "2 conflicts: 1 kept as edited here, 1 taken from the file" in page.notice.text())


def test_cancelling_the_preview_writes_nothing(qtbot, page, conn, tmp_path):
    roster = write_roster(tmp_path / "r.csv", [["12-301", "张三", "", "2"]])
    with qtbot.waitSignal(page.import_file(roster).done, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: page.import_preview is not None)
    page.import_preview.findChild(QPushButton, "importCancel").click()
    assert list_households(conn) == []
    assert page.empty.isVisible()


def test_a_file_that_is_not_a_roster_gives_its_sentence_not_a_traceback(qtbot, page, tmp_path):
    picture = tmp_path / "photo.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with qtbot.waitSignal(page.import_file(picture).failed, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "errorMessage") is not None)
    box = page.findChild(QMessageBox, "errorMessage")
    assert "photo.csv" in box.text()
    assert "Traceback" not in box.text()
    assert page.import_preview is None


def test_export_writes_the_file_off_the_gui_thread_and_says_where(qtbot, page, add, tmp_path):
    add("1-101", "王秀英", "13800000001")
    add("12-301", "张三", "13800000003")
    page.reload()
    target = tmp_path / "roster.csv"

    with qtbot.waitSignal(page.export_file(target).done, timeout=10_000) as done:
        pass

    assert done.args == [2]
    text = target.read_text(encoding="utf-8-sig")
    assert "张三" in text and "13800000003" in text
    assert page.notice.text() == f"Exported 2 households to {target}."


def test_the_preview_of_a_whole_compound_shows_every_new_household_without_giving_way(qtbot, tmp_path):
    """Fifty thousand rows of a first import: a table of widgets per row once brought the
    interpreter down (PySide 6.12 loses a reference to None on each such call)."""
    import sys
    from pathlib import Path

    from desktop.roster.roster_io import ImportReport
    from desktop.ui.roster.import_preview import ImportPreviewDialog

    addresses = [f"{1 + n // 900}-{101 + n % 900}" for n in range(49_000)]
    report = ImportReport(added=len(addresses), updated=0, unchanged=0, skipped=[],
                          new_households=addresses)
    before = sys.getrefcount(None)
    preview = ImportPreviewDialog(Path("全小区.csv"), report)
    qtbot.addWidget(preview)
    preview.show()
    table = preview.findChild(QTableView, "importNew")
    assert table.model().rowCount() == 49_000
    assert table.model().index(48_999, 0).data() == addresses[-1]
    assert sys.getrefcount(None) > before - 5_000
    assert preview.findChild(QPushButton, "importConfirm").text() == "&Import 49000 households"


def test_what_an_import_did_is_said_before_the_big_roster_is_read_again(qtbot, page, conn, tmp_path, monkeypatch):
    import threading

    from desktop.ui.roster import roster_page

    roster = write_roster(tmp_path / "住户名单.csv", [["12-301", "张三", "13800000003", "2"]])
    monkeypatch.setattr(roster_page, "SEARCHED_AT_ONCE", 0)  # every roster counts as big
    release, real = threading.Event(), roster_page.list_households
    monkeypatch.setattr(roster_page, "list_households", lambda c: release.wait(10) and real(c))
    with qtbot.waitSignal(page.import_file(roster).done, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: page.import_preview is not None)
    page.import_preview.findChild(QPushButton, "importConfirm").click()
    notice = page.findChild(QLabel, "rosterNotice")
    qtbot.waitUntil(lambda: notice.isVisible(), timeout=10_000)
    assert "1 added" in notice.text()
    assert page.search_job is not None and page.search_job.running  # the roster still on its way
    release.set()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert notice.isVisible()
