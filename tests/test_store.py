"""The store: one door to SQLite, numbered migrations, and files it must refuse to touch."""

import hashlib
import shutil
import sqlite3
import stat
import threading

import pytest

from desktop.db import LATEST_VERSION, connect, transaction
from desktop.db import connection as db_connection
from desktop.errors import DatabaseUnusable

FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_compound_gets_its_pragmas_schema_uuid_and_a_secret_never_shown(tmp_path):
    conn = connect(tmp_path / "c.sqlite")
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    compound = conn.execute("SELECT uuid, secret FROM compound").fetchone()
    assert len(compound["secret"]) == 32
    assert len(compound["uuid"]) == 32
    assert conn.station


def test_two_new_compounds_never_share_a_secret(tmp_path):
    one = connect(tmp_path / "a.sqlite").execute("SELECT secret FROM compound").fetchone()[0]
    two = connect(tmp_path / "b.sqlite").execute("SELECT secret FROM compound").fetchone()[0]
    assert one != two


def test_an_error_inside_a_transaction_leaves_nothing_behind(tmp_path):
    conn = connect(tmp_path / "c.sqlite")
    with pytest.raises(RuntimeError), transaction(conn):
        conn.execute("INSERT INTO setting (key, value) VALUES ('a', '1')")
        raise RuntimeError("power cut")
    assert conn.execute("SELECT count(*) FROM setting WHERE key = 'a'").fetchone()[0] == 0
    assert not conn.in_transaction


def test_a_failed_inner_step_rolls_back_only_itself(tmp_path):
    conn = connect(tmp_path / "c.sqlite")
    with transaction(conn):
        conn.execute("INSERT INTO setting (key, value) VALUES ('outer', '1')")
        with pytest.raises(ValueError), transaction(conn):
            conn.execute("INSERT INTO setting (key, value) VALUES ('inner', '1')")
            raise ValueError
    keys = {row[0] for row in conn.execute("SELECT key FROM setting")}
    assert "outer" in keys and "inner" not in keys


def make_newer(path, version):
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {version}")
    raw.commit()
    raw.close()


def test_a_database_from_a_newer_program_is_refused_before_anything_is_written(tmp_path):
    path = tmp_path / "c.sqlite"
    shutil.copy(FIXTURES / "compound-v1.sqlite", path)
    make_newer(path, LATEST_VERSION + 5)
    before = digest(path)
    with pytest.raises(DatabaseUnusable) as caught:
        connect(path)
    assert caught.value.code == "db_too_new"
    assert caught.value.exit_code == 3
    assert "newer" in str(caught.value)
    assert digest(path) == before
    assert not (tmp_path / "c.sqlite-wal").exists()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("住户名单\n12-301 张三\n", encoding="utf-8")
    before = digest(path)
    with pytest.raises(DatabaseUnusable) as caught:
        connect(path)
    assert caught.value.code == "db_not_database"
    assert digest(path) == before


def test_a_read_only_file_opens_for_reading_and_refuses_writes(tmp_path):
    path = tmp_path / "c.sqlite"
    shutil.copy(FIXTURES / "compound-v1.sqlite", path)
    connect(path).close()  # brought up to this program's schema while still writable
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        conn = connect(path)
        assert conn.read_only
        assert conn.execute("SELECT count(*) FROM household").fetchone()[0] == 30
        with pytest.raises(DatabaseUnusable) as caught, transaction(conn):
            conn.execute("DELETE FROM household")
        assert caught.value.code == "db_read_only"
        conn.close()
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_database_locked_by_another_program_is_reported_not_waited_on_forever(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite"
    connect(path).close()
    monkeypatch.setattr(db_connection, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseUnusable) as caught:
            conn = connect(path)
            with transaction(conn):
                conn.execute("INSERT INTO setting (key, value) VALUES ('x', '1')")
        assert caught.value.code == "db_locked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert connect(path).execute("SELECT count(*) FROM setting WHERE key = 'x'").fetchone()[0] == 0


def fake_migrations(tmp_path, monkeypatch, second_step: str):
    folder = tmp_path / "migrations"
    folder.mkdir()
    shutil.copy(db_connection.MIGRATIONS_DIR / "0001_initial.sql", folder)
    (folder / "0002_next.sql").write_text(second_step, encoding="utf-8")
    monkeypatch.setattr(db_connection, "MIGRATIONS_DIR", folder)


def test_a_read_only_file_from_an_older_version_is_refused_not_upgraded(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite"
    shutil.copy(FIXTURES / "compound-v1.sqlite", path)
    fake_migrations(tmp_path, monkeypatch, "CREATE TABLE note (id INTEGER PRIMARY KEY);\n")
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(DatabaseUnusable) as caught:
            connect(path)
        assert caught.value.code == "db_read_only_old"
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_an_older_database_is_backed_up_then_upgraded_with_its_households_kept(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite"
    shutil.copy(FIXTURES / "compound-v1.sqlite", path)
    fake_migrations(
        tmp_path, monkeypatch,
        "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);\n"
        "ALTER TABLE household ADD COLUMN floor INTEGER;\n",
    )
    conn = connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM household").fetchone()[0] == 30
    backups = list((tmp_path / "backups").glob("c-*-before-upgrade-from-v1.sqlite"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT count(*) FROM household").fetchone()[0] == 30
    assert old.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_migration_step_that_fails_leaves_the_file_at_its_old_version(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite"
    shutil.copy(FIXTURES / "compound-v1.sqlite", path)
    fake_migrations(
        tmp_path, monkeypatch,
        "CREATE TABLE note (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n",
    )
    with pytest.raises(DatabaseUnusable):
        connect(path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'note'").fetchone()[0] == 0
    assert raw.execute("SELECT count(*) FROM household").fetchone()[0] == 30


def test_migrations_are_numbered_without_gaps():
    numbers = [n for n, _ in db_connection._migration_files()]
    assert numbers == list(range(1, LATEST_VERSION + 1))


def test_writes_from_two_threads_each_commit_whole(tmp_path):
    path = tmp_path / "c.sqlite"
    connect(path).close()

    def write(prefix):
        conn = connect(path)
        for i in range(50):
            with transaction(conn):
                conn.execute("INSERT INTO setting (key, value) VALUES (:k, 'v')", {"k": f"{prefix}{i}"})
        conn.close()

    threads = [threading.Thread(target=write, args=(p,)) for p in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert connect(path).execute("SELECT count(*) FROM setting WHERE value = 'v'").fetchone()[0] == 100
