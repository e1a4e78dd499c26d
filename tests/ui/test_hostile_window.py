"""Hostile files as a volunteer meets them in the window: a backup on the list that someone edited
to carry a trigger is refused in a sentence; a database edited that way is not trusted at start;
the Backups page says what a backup holds and where it goes."""

import shutil

from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.db import connect  # noqa: E402
from desktop.safekeeping.backups import list_backups, make_backup  # noqa: E402
from tests.hostile import EDITS, a_compound, edited_copy
from tests.ui.test_durability_window import (
    WAIT_MS,
    click,
    open_window,
    roster_addresses,
    wait_for_box,
)


def error_box(window) -> QMessageBox | None:
    for box in window.findChildren(QMessageBox, "errorMessage"):
        if box.isVisible():
            return box
    return None


def test_a_backup_edited_to_carry_a_trigger_is_refused_from_the_backups_page(qtbot, tmp_path):
    db = a_compound(tmp_path / "lobby.sqlite", "1-101", "1-102")
    conn = connect(db)
    good = make_backup(conn, "manual")
    # Someone copies the newest backup to a stick, adds a trigger, and copies it back as newer.
    hostile = good.with_name(good.name.replace("-s000001-", "-s000002-"))
    edited_copy(good, tmp_path / "edited.sqlite", EDITS["a trigger that wipes the settings"])
    shutil.copy(tmp_path / "edited.sqlite", hostile)
    before = db.read_bytes()

    window = open_window(qtbot, conn, start=False)
    window.show_page("backups")
    page = window.pages["backups"]
    page.reload()
    page.select(hostile)
    page.restore_button.click()
    click(page.confirm, "restoreConfirmAccept")

    qtbot.waitUntil(lambda: error_box(window) is not None, timeout=WAIT_MS)
    box = error_box(window)
    assert "was changed outside Compound Desk (extra trigger settle)" in box.text()
    assert "Nothing was changed" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.conn is not None and not window.conn.read_only, timeout=WAIT_MS)
    assert roster_addresses(window) == ["1-101", "1-102"]
    assert [p.name for p in db.parent.glob("lobby.sqlite.replaced-*")] == []
    window.conn.close()
    assert db.read_bytes() == before


def test_a_database_edited_to_carry_a_trigger_is_not_trusted_at_start(qtbot, tmp_path):
    db = a_compound(tmp_path / "lobby.sqlite", "1-101")
    conn = connect(db)
    good = make_backup(conn, "auto")
    conn.close()
    edited = edited_copy(db, tmp_path / "edited.sqlite", EDITS["a view shadowing a table"])
    shutil.copy(edited, db)

    conn = connect(db)
    window = open_window(qtbot, conn)
    banner = window.findChild(QLabel, "fileBannerText")
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=WAIT_MS)
    assert conn.read_only
    offer = wait_for_box(qtbot, window, "restoreOffer")
    assert list_backups(db)[0].path == good
    click(offer, "restoreOfferAccept")
    done = wait_for_box(qtbot, window, "restoreDone")
    click(done, "restoreDoneOk")
    assert not window.conn.read_only
    assert window.conn.execute("SELECT type FROM sqlite_master WHERE name = 'setting'").fetchone()[0] == "table"
    window.conn.close()


def test_the_backups_page_says_what_a_backup_holds_and_where_it_goes(qtbot, tmp_path):
    db = a_compound(tmp_path / "lobby.sqlite", "1-101")
    conn = connect(db)
    window = open_window(qtbot, conn, start=False)
    window.show_page("backups")
    policy = window.pages["backups"].findChild(QLabel, "backupsPolicy")
    text = policy.text()
    assert str(db.parent / "backups") in text and "second backup folder" in text
    assert "secret that signs labels" in text and "Only your account" in text
    assert "Export all data leaves the secret out" in text
    conn.close()
