"""Nothing lost: backups that are checked and rotated, restores that keep the old file aside,
a full disk that undoes only the action in flight, and a copy of the data that needs no SQLite."""

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.db import connect, transaction
from desktop.errors import BadInput, DatabaseUnusable
from desktop.roster.households import HouseholdFields, add_household
from desktop.safekeeping.backups import (
    ChangeWatch,
    backup_if_changed,
    list_backups,
    make_backup,
    newest_good_backup,
    prune_backups,
    restore_backup,
    set_mirror_folder,
)
from desktop.safekeeping.export_all import export_all, rebuild_from_export

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


def every_row(conn):
    """Every row of every table, the compound secret left out."""
    found = {}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")') if row[1] != "secret"]
        select = ", ".join(f'"{c}"' for c in columns)
        found[table] = [tuple(r) for r in conn.execute(f'SELECT {select} FROM "{table}" ORDER BY rowid')]
    return found


def test_export_all_is_enough_to_rebuild_every_table_but_the_secret(db, tmp_path):
    conn = connect(db)
    add_household(conn, HouseholdFields(address="40-101", name="\\反斜杠", notes="\\N"))
    export_all(conn, tmp_path / "copy")
    original = every_row(conn)
    secret = conn.execute("SELECT secret FROM compound").fetchone()[0]
    conn.close()
    rebuilt_path = tmp_path / "rebuilt.sqlite"
    assert rebuild_from_export(tmp_path / "copy", rebuilt_path).new_secret
    rebuilt = connect(rebuilt_path)
    assert every_row(rebuilt) == original
    assert rebuilt.execute("SELECT secret FROM compound").fetchone()[0] != secret
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
    from desktop.roster.roster_io import import_roster

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
    from desktop.buys.group_buys import ItemSpec, new_buy
    from desktop.buys.jielong import import_chain
    from desktop.buys.ktt import import_export

    conn = connect(db)
    buy = new_buy(conn, "燕麦奶团", "万家乳业", [ItemSpec("燕麦奶", 6800, "ambient")]).buy_id
    import_chain(conn, buy, "接龙\n1. 1-101 王 2箱\n")
    sample = Path(__file__).resolve().parent / "fixtures" / "kuaituantuan-export.xlsx"
    import_export(conn, sample)
    reasons = [b.reason for b in list_backups(db)]
    assert reasons.count("before-import") == 2
    conn.close()


# ---- order, not the clock; and nothing half-written ----


def test_backups_are_pruned_by_sequence_and_the_one_just_made_survives_a_clock_set_back(db, monkeypatch):
    conn = connect(db)
    for _ in range(12):
        make_backup(conn, "auto")
    import desktop.db.backup as naming

    # Someone sets the laptop's clock back three years; the next backup has the oldest stamp.
    monkeypatch.setattr(naming, "file_stamp", lambda: "20231122-120000-000000")
    newest = make_backup(conn, "manual")
    conn.close()
    backups = list_backups(db)
    assert newest.exists()
    highest_before = max(b.sequence for b in backups[1:])
    assert backups[0].path == newest and backups[0].sequence == highest_before + 1
    assert len(backups) == 10
    assert [b.sequence for b in backups] == list(range(highest_before + 1, highest_before - 9, -1))


def test_backups_named_before_sequences_count_as_older_than_any_numbered_one(db, tmp_path):
    folder = db.parent / "backups"
    folder.mkdir()
    old = folder / "lobby-20991231-235959-000000-auto.sqlite"  # stamped far ahead, no sequence
    old.write_bytes(b"")
    conn = connect(db)
    made = make_backup(conn, "manual")
    conn.close()
    listed = [b.path for b in list_backups(db)]
    assert listed[0] == made and listed[-1] == old


def test_a_backup_that_fails_half_way_leaves_no_partial_file(db, monkeypatch):
    from desktop.db.connection import Connection

    conn = connect(db)

    def full_disk(self, target, *args, **kwargs):
        target.execute("CREATE TABLE half (x)")
        raise sqlite3.OperationalError("database or disk is full")

    before = sorted(p.name for p in (db.parent / "backups").iterdir())
    monkeypatch.setattr(Connection, "backup", full_disk)
    with pytest.raises(DatabaseUnusable) as caught:
        make_backup(conn, "manual")
    conn.close()
    assert caught.value.code == "disk_full"
    assert sorted(p.name for p in (db.parent / "backups").iterdir()) == before


def test_an_export_that_fails_half_way_leaves_no_partial_file(db, tmp_path, monkeypatch):
    import desktop.safekeeping.export_all as exporting

    conn = connect(db)
    calls = {"n": 0}
    real = exporting._encode

    def failing(value):
        calls["n"] += 1
        if calls["n"] > 40:
            raise OSError(28, "No space left on device")
        return real(value)

    monkeypatch.setattr(exporting, "_encode", failing)
    with pytest.raises(BadInput):
        export_all(conn, tmp_path / "copy")
    conn.close()
    assert [p.name for p in (tmp_path / "copy").iterdir() if ".partial" in p.name] == []
    assert not (tmp_path / "copy" / "manifest.json").exists()


@pytest.fixture
def tiny_disk(tmp_path):
    """A 3 MB file system of its own (a tmpfs, which needs the right to mount)."""
    import subprocess

    mount = tmp_path / "stick"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                          capture_output=True)
    if made.returncode != 0:
        pytest.skip("making a small file system needs the right to mount")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_check_on_a_healthy_file_on_a_full_disk_says_the_disk_is_full(tiny_disk, capsys):
    from desktop.cli.main import main

    db = tiny_disk / "lobby.sqlite"
    assert main(["--db", str(db), "demo", "--households", "60"]) == 0
    with open(tiny_disk / "filler", "wb", buffering=0) as filler:  # nothing left to flush on close
        try:
            while True:
                filler.write(b"\0" * 65536)
        except OSError:
            pass
    capsys.readouterr()
    code = main(["--lang", "en", "--db", str(db), "check"])
    out, err = capsys.readouterr()
    assert code == 3
    assert "disk" in err and "full" in err and "damaged:" not in err
    assert "integrity: disk full" in out
    (tiny_disk / "filler").unlink()
    assert main(["--db", str(db), "check"]) == 0
