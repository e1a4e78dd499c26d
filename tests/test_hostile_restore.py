"""A backup passes through many hands on a USB stick: restore puts back only a Compound Desk file
whose schema is exactly its version's, that is sound, holds this compound, and only while nobody
else has the database open; and the swap survives a kill at any moment."""

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli.main import main
from desktop.db import LATEST_VERSION, connect
from desktop.db.backup import journal_path, staged_path
from desktop.errors import BadInput, DatabaseUnusable
from desktop.roster.households import HouseholdFields, add_household
from desktop.safekeeping.backups import file_problem, make_backup, restore_backup
from desktop.words import describe
from tests.hostile import EDITS, a_compound, edited_copy, folder_listing, truncated, with_version

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def lobby(tmp_path):
    """The lobby's database and a good backup of it, taken before one more household moved in."""
    db = a_compound(tmp_path / "lobby.sqlite")
    conn = connect(db)
    good = make_backup(conn, "manual")
    add_household(conn, HouseholdFields(address="40-101", name="后来的"))
    conn.close()
    return db, good


def addresses(path):
    raw = sqlite3.connect(path)
    try:
        return {row[0] for row in raw.execute("SELECT address FROM household")}
    finally:
        raw.close()


def refused_by_cli(capsys, db, *args):
    before = folder_listing(db.parent)
    code = main(["--lang", "en", "--db", str(db), "restore", *map(str, args)])
    out, err = capsys.readouterr()
    assert folder_listing(db.parent) == before, "a refused restore moves nothing"
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    return code, err.strip()


# ---- what is put in place ----


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_backup_edited_outside_the_program_is_refused_and_nothing_moves(lobby, capsys, edit):
    db, good = lobby
    hostile = edited_copy(good, db.parent / "from-the-stick.sqlite", EDITS[edit])
    code, sentence = refused_by_cli(capsys, db, hostile)
    assert code == 2
    assert "was changed outside Compound Desk" in sentence
    assert "40-101" in addresses(db)


def test_the_sentence_names_what_was_added(lobby):
    db, good = lobby
    hostile = edited_copy(good, db.parent / "evil.sqlite", EDITS["a trigger that wipes the settings"])
    with pytest.raises(BadInput) as refused:
        restore_backup(db, hostile)
    assert refused.value.code == "backup_schema_altered"
    assert "extra trigger settle" in str(refused.value)


@pytest.mark.parametrize("scene", ["zero bytes", "no tables", "user_version 0", "too new",
                                   "negative version", "not sqlite", "cut short"])
def test_files_that_are_no_compound_desk_backup_get_one_sentence_and_exit_2(lobby, capsys, scene):
    db, good = lobby
    bad = db.parent / "candidate.sqlite"
    if scene == "zero bytes":
        bad.write_bytes(b"")
    elif scene == "no tables":
        sqlite3.connect(bad).execute("PRAGMA user_version = 3").connection.close()
    elif scene == "user_version 0":
        with_version(good, bad, 0)
    elif scene == "too new":
        with_version(good, bad, LATEST_VERSION + 1)
    elif scene == "negative version":
        with_version(good, bad, -1)
    elif scene == "not sqlite":
        bad.write_text("address,name\n12-301,王\n", encoding="utf-8")
    else:
        truncated(good, bad, 3)
    code, sentence = refused_by_cli(capsys, db, bad)
    assert code == 2, sentence
    assert str(bad) in sentence
    assert "40-101" in addresses(db)


def test_a_backup_of_an_older_version_is_accepted_and_upgraded(tmp_path):
    fixture = Path(__file__).parent / "fixtures" / "compound-v1.sqlite"
    db = tmp_path / "lobby.sqlite"
    import shutil

    shutil.copy(fixture, db)
    connect(db).close()  # now the latest version, the same compound
    restore_backup(db, fixture)
    conn = connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    conn.close()


def test_a_folder_given_as_db_is_one_sentence_and_exit_2(lobby, capsys, tmp_path):
    _db, good = lobby
    folder = tmp_path / "a-folder"
    folder.mkdir()
    code = main(["--lang", "en", "--db", str(folder), "restore", str(good)])
    err = capsys.readouterr().err
    assert code == 2 and "is a folder" in err
    assert list(folder.iterdir()) == []


def test_writes_still_in_the_backups_wal_are_restored_too(lobby, tmp_path):
    db, _good = lobby
    # A copy taken while a window had it open: the newest household is only in the -wal.
    source = tmp_path / "stick" / "lobby-copy.sqlite"
    source.parent.mkdir()
    live = connect(tmp_path / "live.sqlite")
    live.close()
    live = connect(tmp_path / "live.sqlite")
    live.execute("PRAGMA wal_autocheckpoint = 0")
    add_household(live, HouseholdFields(address="7-707", name="只在日志里"))
    for suffix in ("", "-wal"):
        Path(f"{source}{suffix}").write_bytes(Path(f"{tmp_path / 'live.sqlite'}{suffix}").read_bytes())
    live.close()
    assert Path(f"{source}-wal").stat().st_size > 0
    restore_backup(db, source, other_compound=True)
    assert "7-707" in addresses(db)
    assert Path(f"{source}-wal").exists(), "the file on the stick is left as it was"


def test_a_backup_of_another_compound_needs_other_compound(lobby, tmp_path, capsys):
    db, _good = lobby
    other = a_compound(tmp_path / "elsewhere.sqlite", "99-101")
    code, sentence = refused_by_cli(capsys, db, other)
    assert code == 2 and "another compound" in sentence and "--other-compound" in sentence
    assert main(["--db", str(db), "restore", str(other), "--other-compound"]) == 0
    assert addresses(db) == {"99-101"}


def test_the_window_is_not_told_of_a_switch_it_does_not_have(lobby, tmp_path):
    """Restoring another compound's backup from the window: refused in words a volunteer can
    act on, without the command line's --other-compound that the Backups page has no button for."""
    db, _good = lobby
    other = a_compound(tmp_path / "elsewhere.sqlite", "99-101")
    with pytest.raises(BadInput) as refused:
        restore_backup(db, other)
    assert refused.value.code == "backup_other_compound"
    for lang in ("en", "zh"):
        sentence = describe(refused.value, lang)
        assert str(other) in sentence and "--" not in sentence
    assert addresses(db) != {"99-101"}


def test_a_good_backup_is_judged_sound_and_the_database_is_not_its_own_backup(lobby):
    db, good = lobby
    assert file_problem(good) is None
    with pytest.raises(BadInput) as refused:
        restore_backup(db, db)
    assert refused.value.code == "backup_is_database"


# ---- beside other programs, and against a kill ----


def staged_files(db):
    return sorted(db.parent.glob(f"{db.name}.restoring-*"))


def test_restore_refuses_while_another_connection_has_the_file_open(lobby, capsys):
    db, good = lobby
    window = connect(db)
    try:
        code, sentence = refused_by_cli(capsys, db, good)
    finally:
        window.close()
    assert code == 3
    assert "open in another Compound Desk window" in sentence
    assert "40-101" in addresses(db)


def test_restore_refuses_while_a_scan_loop_in_another_process_has_it_open(lobby, capsys):
    db, good = lobby
    loop = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sqlite3, sys, time
            c = sqlite3.connect({str(db)!r})
            c.execute("SELECT count(*) FROM household").fetchone()
            print("open", flush=True)
            sys.stdin.readline()
            c.close()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert loop.stdout.readline().strip() == "open"
        code, sentence = refused_by_cli(capsys, db, good)
        assert code == 3 and "open in another" in sentence
    finally:
        loop.communicate("\n", timeout=30)
    assert main(["--db", str(db), "restore", str(good)]) == 0
    assert "40-101" not in addresses(db)


def test_no_wal_or_shm_of_the_old_file_is_left_beside_the_new_one(lobby):
    db, good = lobby
    # The old file was left with writes in its WAL by a program that was killed.
    script = textwrap.dedent(f"""
        import os, sqlite3
        c = sqlite3.connect({str(db)!r}, isolation_level=None)
        c.execute("PRAGMA wal_autocheckpoint = 0")
        c.execute("INSERT INTO setting (key, value) VALUES ('only-in-the-wal', 'x')")
        os._exit(9)
    """)
    subprocess.run([sys.executable, "-c", script], check=False, timeout=60)
    assert Path(f"{db}-wal").exists()
    restored = restore_backup(db, good)
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    kept = sqlite3.connect(restored.kept_aside)
    assert kept.execute("SELECT value FROM setting WHERE key = 'only-in-the-wal'").fetchone() == ("x",)
    kept.close()


def test_the_copy_is_synced_before_it_is_put_in_place(lobby, monkeypatch):
    db, good = lobby
    import desktop.safekeeping.backups as backups

    seen = []
    real_sync, real_swap = backups.fsync_file, backups.swap_in
    monkeypatch.setattr(backups, "fsync_file", lambda path: (seen.append(("fsync", Path(path).name)),
                                                             real_sync(path)))
    monkeypatch.setattr(backups, "swap_in", lambda *a: (seen.append(("swap", a[1].name)), real_swap(*a)))
    restore_backup(db, good)
    assert [step for step, _name in seen] == ["fsync", "swap"]
    assert seen[0][1] == seen[1][1] and ".restoring-" in seen[0][1]


# Where the kill lands: just before the rename over the database, or just after it.
KILL_AT = {
    "before the rename": "dst == target",
    "after the rename": "src == str(journal)",
}


@pytest.mark.parametrize("moment", sorted(KILL_AT))
def test_a_kill_during_the_swap_leaves_the_old_or_the_new_file_and_a_start_settles_it(lobby, moment):
    db, good = lobby
    old, new = addresses(db), addresses(good)
    script = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        import desktop.db.backup as swap
        target, journal = {str(db)!r}, swap.journal_path(Path({str(db)!r}))
        real_replace, real_unlink = os.replace, Path.unlink
        def replace(src, dst, *a, **k):
            src, dst = str(src), str(dst)
            if {KILL_AT[moment]}:
                os._exit(9)
            return real_replace(src, dst, *a, **k)
        def unlink(self, *a, **k):
            src, dst = str(self), ""
            if {KILL_AT[moment]}:
                os._exit(9)
            return real_unlink(self, *a, **k)
        swap.os.replace = replace
        Path.unlink = unlink
        from desktop.safekeeping.backups import restore_backup
        restore_backup(Path(target), Path({str(good)!r}))
    """)
    killed = subprocess.run([sys.executable, "-c", script], timeout=120)
    assert killed.returncode == 9
    assert journal_path(db).exists(), "the kill came in the middle of the swap"
    assert addresses(db) in (old, new), "the old file or the new one is at the path, never none"
    conn = connect(db)  # a start settles what the kill left
    conn.close()
    assert not journal_path(db).exists() and staged_files(db) == []
    if moment == "before the rename":
        assert addresses(db) == old
        assert [p.name for p in db.parent.iterdir() if ".replaced-" in p.name] == []
    else:
        assert addresses(db) == new
        (aside,) = [p for p in db.parent.iterdir() if ".replaced-" in p.name]
        assert addresses(aside) == old


def test_a_start_waits_out_a_restore_under_way_instead_of_undoing_it(lobby):
    db, _good = lobby
    import fcntl

    journal = journal_path(db)
    staged = staged_path(db)
    staged.write_bytes(db.read_bytes())
    journal.write_text(json.dumps({"staged": staged.name, "kept": None}))
    handle = os.open(journal, os.O_RDONLY)
    fcntl.flock(handle, fcntl.LOCK_EX)  # the restoring program, alive
    try:
        with pytest.raises(DatabaseUnusable) as busy:
            connect(db)
        assert busy.value.code == "db_in_use"
        assert staged.exists()
    finally:
        os.close(handle)
    connect(db).close()  # the restorer gone: its half-done swap is undone
    assert not staged.exists() and not journal.exists()


# ---- hostile files of every kind ----


def hostile_files():
    """Edits of a good backup: extra or changed schema objects, wrong versions, cut or scribbled pages."""
    edit = st.sampled_from(sorted(EDITS)).map(lambda name: ("edit", EDITS[name]))
    version = st.one_of(st.integers(min_value=-5, max_value=0),
                        st.integers(min_value=LATEST_VERSION + 1, max_value=10_000)).map(lambda v: ("version", v))
    cut = st.integers(min_value=0, max_value=6).map(lambda pages: ("cut", pages))
    name = st.from_regex(r"[a-z_]{1,12}", fullmatch=True)
    trigger = st.tuples(name, st.sampled_from(["household", "setting", "compound"]),
                        st.sampled_from(["INSERT", "UPDATE", "DELETE"])).map(
        lambda t: ("edit", f"CREATE TRIGGER \"t_{t[0]}\" AFTER {t[2]} ON {t[1]} BEGIN SELECT 1; END"))
    view = st.sampled_from(["setting", "household"]).map(
        lambda table: ("edit", f"ALTER TABLE {table} RENAME TO {table}_x; "
                               f"CREATE VIEW {table} AS SELECT * FROM {table}_x"))
    return st.one_of(edit, version, cut, trigger, view)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damage=hostile_files())
def test_no_hostile_file_is_restored_and_the_start_up_check_never_calls_one_sound(tmp_path_factory, damage):
    folder = tmp_path_factory.mktemp("hostile")
    db = a_compound(folder / "lobby.sqlite")
    conn = connect(db)
    good = make_backup(conn, "manual")
    conn.close()
    before = folder_listing(folder)
    bad = folder / "hostile.sqlite"
    kind, value = damage
    if kind == "edit":
        edited_copy(good, bad, value)
    elif kind == "version":
        with_version(good, bad, value)
    else:
        truncated(good, bad, value)
    before = folder_listing(folder)
    with pytest.raises(BadInput):
        restore_backup(db, bad)
    assert folder_listing(folder) == before
    # The same file as the database the window opens: its start-up check must not call it sound.
    assert file_problem(bad) is not None


def test_a_swap_that_fails_part_way_puts_everything_back_and_says_so(lobby, monkeypatch, capsys):
    db, good = lobby
    import desktop.db.backup as swap

    def no_room(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(swap.os, "link", no_room)
    monkeypatch.setattr(swap.shutil, "copy2", no_room)
    before = addresses(db)
    code = main(["--lang", "en", "--db", str(db), "restore", str(good)])
    err = capsys.readouterr().err
    assert code == 3 and "could not be replaced" in err and "left as it was" in err
    assert addresses(db) == before
    assert not journal_path(db).exists() and staged_files(db) == []
    assert [p.name for p in db.parent.glob("lobby.sqlite.replaced-*")] == []


def test_a_backup_cannot_bring_its_own_second_backup_folder(lobby, tmp_path):
    db, good = lobby
    conn = connect(db)
    from desktop.safekeeping.backups import mirror_folder, set_mirror_folder

    set_mirror_folder(conn, tmp_path / "our-stick")
    conn.close()
    # The backup was edited to send every later copy, secret and all, to someone else's stick.
    edited = edited_copy(good, tmp_path / "edited.sqlite",
                         "INSERT OR REPLACE INTO setting (key, value) VALUES ('backup_mirror', '/media/theirs')")
    restore_backup(db, edited)
    conn = connect(db)
    assert mirror_folder(conn) == tmp_path / "our-stick"
    conn.close()


def rewrite_table(folder, table, edit):
    """Change one CSV of an export folder and make its manifest agree, as a careful forger would."""
    import hashlib

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    edit(manifest, folder)
    for entry in manifest["tables"]:
        path = folder / str(entry.get("file"))
        if path.is_file() and path.parent == folder:
            entry["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _name_another_file(manifest, folder):
    (folder / "secrets.txt").write_text("id\n1\n")
    manifest["tables"][1]["file"] = "../secrets.txt"


def _sql_in_a_table_name(manifest, _folder):
    manifest["tables"][1]["name"] = 'setting" SELECT name, sql FROM sqlite_master; --'


def _a_row_twice(manifest, folder):
    entry = next(e for e in manifest["tables"] if e["name"] == "household")
    path = folder / entry["file"]
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    path.write_text("\n".join([*lines, lines[-1]]) + "\n", encoding="utf-8-sig")
    entry["rows"] += 1


def _not_a_number(manifest, folder):
    entry = next(e for e in manifest["tables"] if e["name"] == "household")
    path = folder / entry["file"]
    text = path.read_text(encoding="utf-8-sig").replace(",1,", ",one,", 1)
    path.write_text(text, encoding="utf-8-sig")


def _an_empty_file(manifest, folder):
    entry = next(e for e in manifest["tables"] if e["name"] == "setting")
    (folder / entry["file"]).write_text("")


@pytest.mark.parametrize("forgery", [_name_another_file, _sql_in_a_table_name, _a_row_twice,
                                     _not_a_number, _an_empty_file])
def test_an_export_folder_forged_with_a_matching_manifest_is_refused_in_a_sentence(lobby, tmp_path,
                                                                                    capsys, forgery):
    db, _good = lobby
    from desktop.safekeeping.export_all import export_all

    conn = connect(db)
    export_all(conn, tmp_path / "export")
    conn.close()
    rewrite_table(tmp_path / "export", None, forgery)
    code, sentence = refused_by_cli(capsys, db, tmp_path / "export")
    assert code == 2 and "is not a complete export-all folder" in sentence


def test_check_says_a_database_was_changed_outside_the_program(lobby, capsys):
    db, good = lobby
    edited_copy(good, db, EDITS["a trigger that wipes the settings"])
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    code = main(["--lang", "en", "--db", str(db), "check", "--json"])
    out, err = capsys.readouterr()
    assert code == 3
    assert json.loads(out)["integrity"] == "changed outside Compound Desk: extra trigger settle"
    assert "was changed outside Compound Desk (extra trigger settle)" in err
