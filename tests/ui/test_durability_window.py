"""Nothing lost, as a volunteer meets it in the window: damaged and read-only files, backups made
and put back, a second folder, a check, an export, and a full disk in the middle of a save."""

import argparse
import json
import sqlite3
import struct
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
)

from desktop.db import connect
from desktop.errors import DatabaseUnusable
from desktop.roster.households import (
    HouseholdFields,
    add_household,
    find_household,
    update_household,
)
from desktop.safekeeping.backups import list_backups, make_backup, set_mirror_folder
from desktop.ui.main_window import MainWindow
from desktop.ui.safekeeping.safekeeping import AUTO_BACKUP_MS, restore_before_opening

WAIT_MS = 10_000


# ---- scenery ----


def make_compound(path: Path, *addresses: str) -> None:
    conn = connect(path)
    try:
        for address in addresses:
            add_household(conn, HouseholdFields(address=address, name="王秀英", phone="13800000001"))
    finally:
        conn.close()


def damage(path: Path, btree: str) -> None:
    """Scribble over the first page of one table or index, as a failing disk would."""
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = :name", {"name": btree}).fetchone()[0]
    page = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page + 8 : (root - 1) * page + 300] = b"\x5a" * 292
    path.write_bytes(bytes(data))


def open_window(qtbot, conn, *, start: bool = True) -> MainWindow:
    window = MainWindow(conn, settings=None)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    if start:
        window.start_safekeeping()
    return window


def box_named(window, name: str) -> QMessageBox | None:
    for box in window.findChildren(QMessageBox, name):
        if box.isVisible():
            return box
    return None


def wait_for_box(qtbot, parent, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: box_named(parent, name) is not None, timeout=WAIT_MS)
    return box_named(parent, name)


def click(box: QMessageBox, button_name: str) -> None:
    box.findChild(QPushButton, button_name).click()


def roster_addresses(window) -> list[str]:
    model = window.pages["roster"].model
    return [model.household_at(row).address for row in range(model.rowCount())]


def backup_rows(window) -> list[str]:
    table = window.pages["backups"].findChild(QTableWidget, "backupsTable")
    return [table.item(row, 1).text() for row in range(table.rowCount())]


def aside_files(path: Path, kind: str) -> list[Path]:
    return sorted(p for p in path.parent.glob(f"{path.name}.{kind}-*") if not p.name.endswith(("-wal", "-shm")))


@pytest.fixture
def lobby(tmp_path):
    return tmp_path / "lobby.sqlite"


# ---- a damaged file ----


def test_a_volunteer_opens_a_damaged_file_and_the_newest_good_backup_brings_the_roster_back(qtbot, lobby):
    make_compound(lobby, "1-101", "1-102", "2-301")
    conn = connect(lobby)
    good = make_backup(conn, "auto")
    conn.close()
    damage(lobby, "household")

    conn = connect(lobby)  # the settings still read, so the window opens on the damaged file
    window = open_window(qtbot, conn)

    banner = window.findChild(QLabel, "fileBannerText")
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=WAIT_MS)
    assert "damaged, so nothing will be written to it" in banner.text()
    assert conn.read_only
    roster = window.pages["roster"]
    assert "is damaged" in roster.notice.text()
    assert not roster.add_button.isEnabled()

    offer = wait_for_box(qtbot, window, "restoreOffer")
    [backup] = list_backups(lobby)
    assert backup.path == good
    when = backup.taken_at.astimezone().strftime("%Y-%m-%d\u00a0%H:%M")  # on this laptop's clock
    assert f"Restore the newest good backup, taken {when}?" in offer.text()
    click(offer, "restoreOfferAccept")

    done = wait_for_box(qtbot, window, "restoreDone")
    kept = aside_files(lobby, "damaged")
    assert len(kept) == 1
    assert done.text() == f"Restored the backup taken {when}. The file that was in use is kept as {kept[0]}."
    click(done, "restoreDoneOk")

    assert roster_addresses(window) == ["1-101", "1-102", "2-301"]
    assert not window.findChild(QLabel, "fileBannerText").isVisible()
    assert not window.conn.read_only and window.conn is not conn
    assert window.pages["roster"].add_button.isEnabled()
    window.conn.close()


def test_a_damaged_file_without_a_good_backup_stays_read_only_and_refuses_a_save(qtbot, lobby, saved):
    make_compound(lobby, "1-101", "1-102")
    damage(lobby, "household_by_phone")  # the households still read; the file is damaged all the same
    conn = connect(lobby)
    try:
        window = open_window(qtbot, conn)
        answer = wait_for_box(qtbot, window, "restoreOffer")
        assert "there is no good backup of it to restore" in answer.text()
        click(answer, "restoreOfferOk")

        banner = window.findChild(QLabel, "fileBannerText")
        assert banner.isVisible() and "damaged" in banner.text()
        roster = window.pages["roster"]
        assert roster_addresses(window) == ["1-101", "1-102"]
        assert not roster.add_button.isEnabled()

        dialog = roster.open_household(find_household(conn, "1-101").id)
        dialog.name.setText("改过的名字")
        dialog.save_button.click()
        saved()
        box = dialog.file_error
        assert box is not None and box.isVisible()
        assert box.text() == f"{lobby} is damaged: restore the newest backup (compound-desk restore)."
        assert dialog.isVisible()  # what was typed is still there
        assert find_household(conn, "1-101").name == "王秀英"
        box.accept()
        dialog.reject()
        backups = window.pages["backups"]
        assert not backups.back_up_button.isEnabled()  # a copy of a damaged file is no backup
    finally:
        conn.close()


def test_a_file_too_damaged_to_open_is_offered_its_newest_good_backup_before_the_window(qtbot, lobby):
    make_compound(lobby, "1-101")
    conn = connect(lobby)
    make_backup(conn, "start")
    conn.close()
    data = bytearray(lobby.read_bytes())
    data[100:4096] = bytes(3996)  # the schema page itself
    lobby.write_bytes(bytes(data))
    with pytest.raises(DatabaseUnusable) as opened:
        connect(lobby)
    assert opened.value.code == "db_damaged"

    def answer_yes():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "restoreOffer":
            assert "is damaged" in box.text()
            box.findChild(QPushButton, "restoreOfferAccept").click()
        else:
            QTimer.singleShot(20, answer_yes)

    QTimer.singleShot(0, answer_yes)
    restored, backup = restore_before_opening(lobby, opened.value)
    assert ".damaged-" in restored.kept_aside.name
    conn = connect(lobby)
    try:
        assert find_household(conn, "1-101") is not None
    finally:
        conn.close()


# ---- a read-only file ----


def test_a_read_only_file_shows_the_banner_across_the_window_and_add_is_off(qtbot, lobby):
    make_compound(lobby, "1-101")
    lobby.chmod(0o444)
    conn = connect(lobby)
    try:
        window = open_window(qtbot, conn, start=False)
        banner = window.findChild(QLabel, "fileBannerText")
        assert banner.isVisible()
        assert banner.text() == (f"{lobby} is read-only, so nothing can be changed: copy it to a folder "
                                 "you can write to, or ask for write permission.")
        assert not window.findChild(QPushButton, "fileBannerBackups").isVisible()
        roster = window.pages["roster"]
        assert not roster.add_button.isEnabled()
        assert not roster.notice.isVisible()  # said once, across the window
        window.show_page("backups")
        assert window.findChild(QLabel, "fileBannerText").isVisible()
        assert not window.pages["backups"].mirror_button.isEnabled()
    finally:
        conn.close()
        lobby.chmod(0o644)


# ---- backups from the window ----


def test_a_sound_file_is_backed_up_at_start_and_on_the_half_hour_only_after_a_change(qtbot, conn, add):
    add("1-101", "王秀英")
    window = open_window(qtbot, conn)
    qtbot.waitUntil(lambda: len(list_backups(conn.path)) == 1, timeout=WAIT_MS)
    assert list_backups(conn.path)[0].reason == "start"
    keeper = window.safekeeping
    assert keeper.timer.isActive() and keeper.timer.interval() == AUTO_BACKUP_MS == 30 * 60 * 1000
    qtbot.waitUntil(lambda: window.findChild(QLabel, "statusBackup").text().startswith("last backup "))

    qtbot.waitUntil(lambda: not keeper.backup_job.running, timeout=WAIT_MS)
    with qtbot.waitSignal(keeper.auto_backup().finished, timeout=WAIT_MS):
        pass
    assert len(list_backups(conn.path)) == 1  # nothing changed, so no new copy

    add("1-102", "李建国")
    with qtbot.waitSignal(keeper.backupMade, timeout=WAIT_MS):
        keeper.timer.timeout.emit()
    assert [b.reason for b in list_backups(conn.path)] == ["auto", "start"]


def test_back_up_now_adds_a_row_to_the_list_and_updates_the_status_line(qtbot, conn, add):
    add("1-101", "王秀英")
    window = open_window(qtbot, conn, start=False)
    window.show_page("backups")
    page = window.pages["backups"]
    assert window.stack.currentWidget() is page
    assert page.findChild(QLabel, "backupsEmpty").isVisible()
    assert window.findChild(QLabel, "statusBackup").text() == "no backup yet"

    with qtbot.waitSignal(window.safekeeping.backupMade, timeout=WAIT_MS):
        page.findChild(QPushButton, "backupsNow").click()

    assert backup_rows(window) == ["by hand"]
    newest = list_backups(conn.path)[0]
    table = page.findChild(QTableWidget, "backupsTable")
    assert table.item(0, 0).text() == newest.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    assert table.item(0, 3).text() == newest.path.name
    assert window.findChild(QLabel, "statusBackup").text() == f"last backup {table.item(0, 0).text()}"
    qtbot.waitUntil(lambda: page.notice.isVisible())
    assert page.notice.text().startswith("Backed up at ")


def test_restoring_a_selected_backup_brings_back_its_households(qtbot, conn, add):
    first = add("1-101", "王秀英")
    add("1-102", "李建国")
    backup = make_backup(conn, "manual")
    update_household(conn, first, HouseholdFields(address="1-101", name="填错的名字"))
    add("9-999", "误加的")
    window = open_window(qtbot, conn, start=False)
    window.show_page("backups")
    page = window.pages["backups"]
    page.select(backup)
    assert page.restore_button.isEnabled()

    page.restore_button.click()
    confirm = page.confirm
    assert confirm.isVisible()
    assert "The current file is kept aside in the same folder" in confirm.text()
    click(confirm, "restoreConfirmAccept")

    done = wait_for_box(qtbot, window, "restoreDone")
    kept = aside_files(conn.path, "replaced")
    assert len(kept) == 1 and str(kept[0]) in done.text()
    click(done, "restoreDoneOk")
    assert window.current_page() == "backups"
    assert roster_addresses(window) == ["1-101", "1-102"]
    assert find_household(window.conn, "1-101").name == "王秀英"
    window.conn.close()


def test_a_second_backup_folder_is_chosen_shown_used_and_cleared(qtbot, conn, add, tmp_path, monkeypatch):
    add("1-101", "王秀英")
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(usb))
    window = open_window(qtbot, conn, start=False)
    window.show_page("backups")
    page = window.pages["backups"]
    mirror = page.findChild(QLabel, "backupsMirror")
    assert mirror.text().startswith("none.")

    with qtbot.waitSignal(window.safekeeping.backupMade, timeout=WAIT_MS):
        page.findChild(QPushButton, "backupsMirrorChoose").click()
    assert mirror.text() == str(usb)
    assert [p.name for p in usb.iterdir()] == [list_backups(conn.path)[0].path.name]
    qtbot.waitUntil(lambda: page.notice.isVisible())
    assert page.notice.text().endswith(f", here and in {usb}.")

    page.findChild(QPushButton, "backupsMirrorClear").click()
    assert mirror.text().startswith("none.")
    assert page.notice.text() == "Backups now go only to this laptop."


def test_a_backup_that_cannot_reach_the_usb_stick_says_so(qtbot, conn, add, tmp_path):
    add("1-101", "王秀英")
    set_mirror_folder(conn, tmp_path / "pulled-out-stick" / "not-a-folder")
    (tmp_path / "pulled-out-stick").write_text("a file where the folder should be")
    window = open_window(qtbot, conn, start=False)
    window.show_page("backups")
    page = window.pages["backups"]
    assert "is the USB stick plugged in?" in page.findChild(QLabel, "backupsMirror").text()
    with qtbot.waitSignal(window.safekeeping.backupMade, timeout=WAIT_MS):
        page.back_up_now()
    qtbot.waitUntil(lambda: page.notice.isVisible())
    assert "the copy could not be written to" in page.notice.text()
    assert len(list_backups(conn.path)) == 1  # the copy on this laptop stands


def test_check_database_says_in_words_that_the_file_is_sound(qtbot, conn, add):
    add("1-101", "王秀英")
    window = open_window(qtbot, conn, start=False)
    window.show_page("backups")
    page = window.pages["backups"]
    page.findChild(QPushButton, "backupsCheck").click()
    qtbot.waitUntil(lambda: page.notice.isVisible(), timeout=WAIT_MS)
    assert page.notice.text().startswith("The database is sound: it passed the integrity check. 1 households")


def test_export_all_writes_a_manifest_into_a_new_folder(qtbot, conn, add, tmp_path, monkeypatch):
    add("1-101", "王秀英")
    add("1-102", "李建国")
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(usb))
    window = open_window(qtbot, conn, start=False)
    window.show_page("backups")
    page = window.pages["backups"]

    page.findChild(QPushButton, "backupsExport").click()
    qtbot.waitUntil(lambda: page.notice.isVisible(), timeout=WAIT_MS)

    [folder] = list(usb.iterdir())
    assert folder.name.startswith("compound-export-")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    households = next(t for t in manifest["tables"] if t["name"] == "household")
    assert households["rows"] == 2
    assert page.notice.text().startswith(f"Exported {len(manifest['tables'])} tables (")
    assert str(folder) in page.notice.text()


# ---- a full disk in the middle of a save ----


def test_a_full_disk_during_a_save_says_so_saves_nothing_and_the_window_keeps_working(
        qtbot, conn, add, saved, monkeypatch):
    import desktop.db

    add("1-101", "王秀英")
    window = open_window(qtbot, conn, start=False)
    roster = window.pages["roster"]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    disk = {"pages": pages}  # the room on the disk, for every connection the window opens
    conn.execute(f"PRAGMA max_page_count = {pages}")
    opening = desktop.db.connect

    def on_this_disk(path, **options):
        opened = opening(path, **options)
        opened.execute(f"PRAGMA max_page_count = {disk['pages']}")
        return opened

    monkeypatch.setattr(desktop.db, "connect", on_this_disk)
    # Fill what room is left, as the disk filled up before the volunteer sat down.
    filler = 0
    with pytest.raises(DatabaseUnusable):
        while filler < 1000:
            filler += 1
            add(f"50-{100 + filler}", notes="备" * 500)
    roster.reload()
    before = roster.model.rowCount()

    dialog = roster.add_household()
    qtbot.keyClicks(dialog.address, "12-301")
    dialog.name.setText("张三")
    dialog.notes.setText("备" * 500)
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    saved()

    box = dialog.file_error
    assert box is not None and box.isVisible()
    assert box.text() == "The disk is full, so the change was undone: free some space and try again."
    assert find_household(conn, "12-301") is None
    assert dialog.isVisible() and dialog.address.text() == "12-301"
    box.accept()

    disk["pages"] = 1073741823  # room again
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    saved()
    assert roster.household_dialog is None  # saved and closed
    assert find_household(conn, "12-301") is not None
    assert roster.model.rowCount() == before + 1


def test_an_import_while_another_program_holds_the_file_says_so_and_imports_nothing(
    qtbot, conn, add, tmp_path, monkeypatch
):
    monkeypatch.setattr("desktop.db.connection.BUSY_TIMEOUT_MS", 300)  # not five seconds of waiting
    add("1-101", "王秀英")
    roster_file = tmp_path / "roster.csv"
    roster_file.write_text("地址,姓名\n2-201,李建国\n", encoding="utf-8")
    window = open_window(qtbot, conn, start=False)
    roster = window.pages["roster"]
    other = sqlite3.connect(conn.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing, and not letting go
    try:
        with qtbot.waitSignal(roster.import_file(roster_file).failed, timeout=WAIT_MS):
            pass
        box = box_named(roster, "errorMessage")
        assert box is not None
        assert box.text() == (f"{conn.path} is in use by another program: close the other Compound Desk "
                              "window and try again. Nothing was changed.")
        box.accept()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert find_household(conn, "2-201") is None
    roster.search.setText("1-101")
    roster.apply_search()
    assert roster_addresses(window) == ["1-101"]  # the window carries on


# ---- the page on screen ----


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_the_backups_page_renders_for_a_screenshot(qtbot, conn, add, tmp_path):
    from desktop.ui.app import run_window

    add("1-101", "王秀英")
    make_backup(conn, "start")
    out = tmp_path / "backups.png"
    args = argparse.Namespace(db=conn.path, lang="en", screenshot=out, page="backups", size="1366x768")
    assert run_window(args) == 0
    assert png_size(out) == (1366, 768)
    assert [b.reason for b in list_backups(conn.path)] == ["start"]  # a screenshot makes no backup
