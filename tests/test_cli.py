"""The command line as committee scripts and support people use it (CLI.md)."""

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.db import LATEST_VERSION

FIXTURES = Path(__file__).parent / "fixtures"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_makes_a_believable_compound(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    code, out, _ = run(capsys, "--db", db, "demo", "--households", "300", "--seed", "3")
    assert code == 0
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT address, name, flags, delivery, building FROM household").fetchall()
    assert len(rows) == 300
    assert all(1 <= len(name) <= 3 and "\u4e00" <= name[0] <= "\u9fff" for _, name, *_ in rows)
    flagged = sum(1 for r in rows if r[2])
    door = sum(1 for r in rows if r[3] == "door")
    assert 0.08 * 300 <= flagged <= 0.4 * 300
    assert 0.02 * 300 <= door <= 0.3 * 300
    assert len({r[4] for r in rows}) >= 4
    assert any(r[0].count("-") == 2 for r in rows), "some homes have an entrance (单元)"
    assert conn.execute("SELECT name FROM compound").fetchone()[0]


def test_demo_refuses_a_database_that_already_has_households(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    assert run(capsys, "--db", db, "demo", "--households", "10")[0] == 0
    code, _, err = run(capsys, "demo", "--db", db)
    assert code == 2
    assert "already has households" in err
    assert sqlite3.connect(db).execute("SELECT count(*) FROM household").fetchone()[0] == 10


def test_check_reports_version_integrity_and_counts_as_json(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    shutil.copy(FIXTURES / "compound-v1.sqlite", db)
    code, out, _ = run(capsys, "--db", db, "check", "--json")
    assert code == 0
    report = json.loads(out)
    assert report == {
        "ok": True, "schema_version": 1, "integrity": "ok",
        "households": 30, "buys": 0, "bags": 0, "handoffs": 0,
    }


def test_check_of_a_missing_file_is_bad_input_and_creates_nothing(tmp_path, capsys):
    db = tmp_path / "nowhere.sqlite"
    code, _, err = run(capsys, "--db", db, "check")
    assert code == 2
    assert "no database" in err
    assert not db.exists()


def test_check_of_a_damaged_file_says_so_and_exits_3(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    shutil.copy(FIXTURES / "compound-v1.sqlite", db)
    raw = sqlite3.connect(db)
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'household'").fetchone()[0]
    page = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    data = bytearray(db.read_bytes())
    start = (root - 1) * page
    data[start + 8 : start + 400] = b"\x5a" * 392  # scribble over the roster's b-tree page
    db.write_bytes(bytes(data))
    code, out, err = run(capsys, "--db", db, "check", "--json")
    assert code == 3
    assert json.loads(out)["ok"] is False
    assert "damaged" in err or "not a Compound Desk database" in err


def test_a_newer_database_is_refused_with_exit_3_and_a_sentence(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    shutil.copy(FIXTURES / "compound-v1.sqlite", db)
    raw = sqlite3.connect(db)
    raw.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    raw.commit()
    raw.close()
    before = db.read_bytes()
    code, _, err = run(capsys, "--db", db, "roster", "export", tmp_path / "out.csv")
    assert code == 3
    assert "newer Compound Desk" in err
    assert db.read_bytes() == before
    assert not (tmp_path / "out.csv").exists()


def test_backup_writes_a_checked_self_contained_copy(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    run(capsys, "--db", db, "demo", "--households", "20")
    code, out, _ = run(capsys, "--db", db, "backup", "--to", tmp_path / "usb" / "backups", "--json")
    assert code == 0
    path = Path(json.loads(out)["path"])
    assert path.parent == tmp_path / "usb" / "backups"
    copy = sqlite3.connect(path)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert copy.execute("SELECT count(*) FROM household").fetchone()[0] == 20


def test_backup_without_a_destination_goes_beside_the_database(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    run(capsys, "--db", db, "demo", "--households", "5")
    code, out, _ = run(capsys, "--db", db, "backup")
    assert code == 0
    assert Path(out.strip()).parent == tmp_path / "backups"


def test_backup_of_a_missing_database_is_exit_2(tmp_path, capsys):
    code, _, err = run(capsys, "--db", tmp_path / "none.sqlite", "backup")
    assert code == 2
    assert not (tmp_path / "none.sqlite").exists()


def test_messages_follow_the_chosen_language(tmp_path, capsys):
    code, _, err = run(capsys, "--lang", "zh_CN", "--db", tmp_path / "none.sqlite", "check")
    assert code == 2
    assert "找不到数据库" in err
    from desktop.lang import set_language

    set_language(None)


def test_a_bad_option_is_one_sentence_and_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["check", "--no-such-option"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1


def test_the_program_runs_as_a_module_and_reports_its_version():
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.startswith("compound-desk ")
