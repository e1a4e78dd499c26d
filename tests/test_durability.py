"""Nothing lost: backups that are checked and rotated, restores that keep the old file aside,
a full disk that undoes only the action in flight, and a copy of the data that needs no SQLite."""

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.backups import (
    ChangeWatch,
    backup_if_changed,
    list_backups,
    make_backup,
    newest_good_backup,
    prune_backups,
    restore_backup,
    set_mirror_folder,
)
from desktop.db import connect, transaction
from desktop.errors import BadInput, DatabaseUnusable
from desktop.export_all import export_all, rebuild_from_export
from desktop.households import HouseholdFields, add_household

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "lobby.sqlite"
    shutil.copy(FIXTURES / "compound-v1.sqlite", path)
    return path


def households(path):
    raw = sqlite3.connect(path)
    try:
        return raw.execute("SELECT address, name, phone FROM household ORDER BY address").fetchall()
    finally:
        raw.close()


def test_a_backup_is_one_checked_file_that_opens_on_its_own(db):
    conn = connect(db)
    path = make_backup(conn, "manual")
    conn.close()
    assert path.parent == db.parent / "backups"
    assert not Path(f"{path}-wal").exists()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    assert households(path) == households(db)


def test_backups_also_go_to_the_usb_folder_when_one_is_set(db, tmp_path):
    conn = connect(db)
    set_mirror_folder(conn, tmp_path / "usb")
    path = make_backup(conn, "auto")
    assert (tmp_path / "usb" / path.name).is_file()
    conn.close()


def test_a_missing_usb_stick_does_not_stop_the_local_backup(db, tmp_path):
    conn = connect(db)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    set_mirror_folder(conn, blocker / "usb")
    path = make_backup(conn, "auto")
    assert path.is_file()
    conn.close()


def test_rotation_keeps_the_last_ten_and_one_a_day_for_a_week(tmp_path):
    db = tmp_path / "lobby.sqlite"
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    made = []
    for hours in range(0, 24 * 10, 4):  # every 4 hours for ten days
        taken = now - timedelta(hours=hours)
        path = folder / f"lobby-{taken:%Y%m%d-%H%M%S-%f}-auto.sqlite"
        path.write_bytes(b"")
        made.append((taken, path))
    prune_backups(db, folder, now=now)
    left = {b.taken_at for b in list_backups(db, folder)}
    assert {taken for taken, _ in made[:10]} <= left
    for back in range(7):
        day = (now - timedelta(days=back)).date()
        assert any(t.date() == day for t in left), day
    older = [t for t in left if now - t > timedelta(days=7)]
    assert older == []
    assert len(left) < len(made)


def test_the_half_hourly_backup_is_made_only_when_something_changed(db):
    conn = connect(db)
    watch = ChangeWatch(db)
    assert backup_if_changed(conn, watch) is None
    add_household(conn, HouseholdFields(address="40-101", name="新住户"))
    assert backup_if_changed(conn, watch) is not None
    assert backup_if_changed(conn, watch) is None
    conn.close()


def test_restore_puts_the_backup_back_and_keeps_the_replaced_file_aside(db):
    conn = connect(db)
    backup = make_backup(conn, "manual")
    add_household(conn, HouseholdFields(address="40-101", name="后来的"))
    conn.close()
    restored = restore_backup(db, backup)
    assert ".replaced-" in restored.kept_aside.name
    assert "40-101" not in {row[0] for row in households(db)}
    assert "40-101" in {row[0] for row in households(restored.kept_aside)}


def damage(path):
    raw = sqlite3.connect(path)
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'household'").fetchone()[0]
    page = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page + 8 : (root - 1) * page + 300] = b"\x5a" * 292
    path.write_bytes(bytes(data))


def test_a_damaged_file_is_set_aside_as_damaged_and_the_newest_good_backup_restored(db):
    conn = connect(db)
    good = make_backup(conn, "auto")
    conn.close()
    damage(db)
    # A later backup of the damaged file fails its check and is not kept.
    newest = newest_good_backup(db)
    assert newest is not None and newest.path == good
    restored = restore_backup(db, newest.path)
    assert ".damaged-" in restored.kept_aside.name
    assert len(households(db)) == 30


def test_a_damaged_backup_is_refused_and_the_database_left_as_it_was(db, tmp_path):
    bad = tmp_path / "bad.sqlite"
    shutil.copy(db, bad)
    damage(bad)
    before = db.read_bytes()
    with pytest.raises(BadInput) as caught:
        restore_backup(db, bad)
    assert caught.value.code == "backup_not_good"
    assert db.read_bytes() == before


def test_a_full_disk_undoes_the_action_in_flight_and_keeps_what_was_saved(db):
    conn = connect(db)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(DatabaseUnusable) as caught, transaction(conn):
        for i in range(2000):
            conn.execute(
                "INSERT INTO setting (key, value) VALUES (:k, :v)", {"k": f"k{i}", "v": "x" * 500}
            )
    assert caught.value.code == "disk_full"
    assert "disk is full" in str(caught.value)
    assert conn.execute("SELECT count(*) FROM setting WHERE key LIKE 'k%'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM household").fetchone()[0] == 30
    conn.close()


def test_export_all_is_enough_to_rebuild_every_table(db, tmp_path):
    conn = connect(db)
    add_household(conn, HouseholdFields(address="40-101", name="\\反斜杠", notes="\\N"))
    export_all(conn, tmp_path / "copy")
    original = {
        table: conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    conn.close()
    rebuilt_path = tmp_path / "rebuilt.sqlite"
    rebuild_from_export(tmp_path / "copy", rebuilt_path)
    rebuilt = connect(rebuilt_path)
    for table, rows in original.items():
        again = rebuilt.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
        assert [tuple(r) for r in again] == [tuple(r) for r in rows], table
    rebuilt.close()


def test_an_export_folder_that_was_tampered_with_is_refused(db, tmp_path):
    conn = connect(db)
    export_all(conn, tmp_path / "copy")
    conn.close()
    csv_path = tmp_path / "copy" / "household.csv"
    csv_path.write_text(csv_path.read_text(encoding="utf-8-sig").replace("1-", "9-"), encoding="utf-8-sig")
    with pytest.raises(BadInput) as caught:
        rebuild_from_export(tmp_path / "copy", tmp_path / "rebuilt.sqlite")
    assert caught.value.code == "export_folder_invalid"
    assert not (tmp_path / "rebuilt.sqlite").exists()


def test_an_import_is_preceded_by_a_backup_that_a_dry_run_does_not_make(db, tmp_path):
    from desktop.roster_io import import_roster

    roster = tmp_path / "roster.csv"
    roster.write_text("地址,姓名\n41-101,新来的\n", encoding="utf-8")
    conn = connect(db)
    import_roster(conn, roster, dry_run=True)
    assert [b for b in list_backups(db) if "before-import" in b.path.name] == []
    import_roster(conn, roster)
    before = [b for b in list_backups(db) if "before-import" in b.path.name]
    assert len(before) == 1
    assert "41-101" not in {row[0] for row in households(before[0].path)}
    assert "41-101" in {row[0] for row in households(db)}
    conn.close()


def test_backups_of_another_database_in_the_same_folder_are_not_this_ones(db):
    """`lobby-gate.sqlite` beside `lobby.sqlite` shares the backups folder: never mix them up."""
    gate = db.with_name("lobby-gate.sqlite")
    shutil.copy(db, gate)
    conn = connect(gate)
    gate_backup = make_backup(conn, "manual")
    conn.close()
    conn = connect(db)
    lobby_backup = make_backup(conn, "start")
    conn.close()
    lobby_backups = list_backups(db)
    assert lobby_backup in [b.path for b in lobby_backups]
    assert {b.reason for b in lobby_backups} == {"start", "before-upgrade-from-v1"}
    gate_backups = {b.path for b in list_backups(gate)}
    assert gate_backup in gate_backups
    assert not gate_backups & {b.path for b in lobby_backups}
    assert newest_good_backup(db).path == lobby_backup
    # Twelve newer lobby backups: pruning the lobby's keeps 10 of its own and never touches the gate's.
    later = datetime.now(UTC) + timedelta(minutes=1)
    for minute in range(12):
        taken = later + timedelta(minutes=minute)
        (db.parent / "backups" / f"lobby-{taken:%Y%m%d-%H%M%S-%f}-auto.sqlite").write_bytes(b"")
    deleted = prune_backups(db)
    assert deleted and not set(deleted) & gate_backups
    assert all(path.exists() for path in gate_backups)


def test_a_damaged_page_met_while_opening_says_the_file_is_damaged(db):
    raw = sqlite3.connect(db)
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'setting'").fetchone()[0]
    page = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    data = bytearray(db.read_bytes())
    data[(root - 1) * page : root * page] = bytes(page)
    db.write_bytes(bytes(data))
    with pytest.raises(DatabaseUnusable) as caught:
        connect(db)
    assert caught.value.code == "db_damaged"


def test_a_file_found_damaged_refuses_every_write_with_the_damaged_sentence(db):
    conn = connect(db)
    conn.read_only = True
    conn.read_only_code = "db_damaged"
    with pytest.raises(DatabaseUnusable) as caught:
        add_household(conn, HouseholdFields(address="40-101", name="新住户"))
    assert caught.value.code == "db_damaged"
    assert conn.execute("SELECT count(*) FROM household").fetchone()[0] == 30
    conn.close()


def test_kuaituantuan_and_jielong_imports_are_preceded_by_a_backup(db, tmp_path):
    from desktop.group_buys import ItemSpec, new_buy
    from desktop.jielong import import_chain
    from desktop.ktt_import import import_export

    conn = connect(db)
    buy = new_buy(conn, "燕麦奶团", "万家乳业", [ItemSpec("燕麦奶", 6800, "ambient")]).buy_id
    import_chain(conn, buy, "接龙\n1. 1-101 王 2箱\n")
    sample = Path(__file__).resolve().parent / "fixtures" / "kuaituantuan-export.xlsx"
    import_export(conn, sample)
    reasons = [b.reason for b in list_backups(db)]
    assert reasons.count("before-import") == 2
    conn.close()
