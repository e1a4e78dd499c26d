"""The store: one door to SQLite, numbered migrations, and files it must refuse to touch."""

import hashlib
import json
import shutil
import sqlite3
import stat
import threading

import pytest

from desktop.cli.main import main as cli
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


# ---- real old databases, one for every earlier schema version ----------------------------------
#
# compound-vN.sqlite is a compound as a station on schema version N left it, made by
# tests/fixtures/make_old_databases.py from that version's own migration files.

OLD_DATABASES = sorted(FIXTURES.glob("compound-v*.sqlite"))


def schema_version_of(fixture):
    return int(fixture.stem.removeprefix("compound-v"))


def schema_of(path):
    raw = sqlite3.connect(path)
    try:
        return sorted(raw.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall())
    finally:
        raw.close()


def every_row(path):
    """Each table's rows by rowid, column by column: {table: [{column: value}]}."""
    raw = sqlite3.connect(path)
    raw.row_factory = sqlite3.Row
    try:
        tables = [name for (name,) in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {table: [dict(row) for row in raw.execute(f"SELECT * FROM {table} ORDER BY rowid")]
                for table in tables}
    finally:
        raw.close()


def test_every_earlier_schema_version_has_a_real_old_database_to_upgrade():
    versions = [schema_version_of(fixture) for fixture in OLD_DATABASES]
    assert versions == list(range(1, LATEST_VERSION)), (
        "tests/fixtures needs compound-vN.sqlite for every schema version before the current "
        f"{LATEST_VERSION}: add the new one to tests/fixtures/make_old_databases.py"
    )
    for fixture in OLD_DATABASES:
        raw = sqlite3.connect(fixture)
        assert raw.execute("PRAGMA user_version").fetchone()[0] == schema_version_of(fixture)
        raw.close()


@pytest.mark.parametrize("fixture", OLD_DATABASES, ids=lambda path: path.stem)
def test_an_old_database_upgrades_to_exactly_the_current_schema_with_every_row_kept(
        tmp_path, fixture):
    path = tmp_path / "c.sqlite"
    shutil.copy(fixture, path)
    before = every_row(path)
    assert before["household"], "an old database worth upgrading has households"

    connect(path).close()
    fresh = tmp_path / "fresh.sqlite"
    connect(fresh).close()

    assert schema_of(path) == schema_of(fresh)
    after = every_row(path)
    for table, rows in before.items():
        kept = [{column: row[column] for column in rows[0]} for row in after[table][:len(rows)]]
        assert kept == rows, f"table {table} changed in the upgrade from v{schema_version_of(fixture)}"
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    raw.close()
    version = schema_version_of(fixture)
    [backup] = (tmp_path / "backups").glob(f"c-*-before-upgrade-from-v{version}.sqlite")
    assert every_row(backup) == before


def test_a_v2_compound_keeps_its_buys_and_money_after_the_upgrade(tmp_path, capsys):
    path = tmp_path / "c.sqlite"
    shutil.copy(FIXTURES / "compound-v2.sqlite", path)
    assert cli(["--db", str(path), "buys", "show", "1", "--json"]) == 0
    frozen = json.loads(capsys.readouterr().out)
    assert frozen["status"] == "arrived"
    wings = next(item for item in frozen["items"] if item["name"] == "鸡翅中")
    assert (wings["ordered"], wings["received"]) == (5, 3)
    by_address = {order["address"]: order for order in frozen["orders"]}
    # 1-301 got none of the two wing packs it ordered and was refunded for them.
    assert by_address["1-301"]["due_fen"] == 3250
    assert by_address["1-301"]["paid_fen"] == 3250
    assert by_address["1-101"]["paid_fen"] == 2 * 3250 + 2 * 4580


def test_labels_and_cards_printed_before_the_upgrade_still_scan_at_the_gate(tmp_path, capsys):
    path = tmp_path / "c.sqlite"
    shutil.copy(FIXTURES / "compound-v3.sqlite", path)
    raw = sqlite3.connect(path)
    bags = dict(raw.execute("SELECT id, code FROM bag").fetchall())
    cards = [code for (code,) in raw.execute("SELECT code FROM household_code ORDER BY serial")]
    raw.close()

    def scan(code):
        assert cli(["--db", str(path), "scan", code, "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    assert scan(bags[1])["verdict"] == "void"  # counted wrong, voided and made again as bag 7
    assert scan(bags[7])["verdict"] == "already_handed_over"
    undone = scan(bags[2])  # its pickup by a neighbour was undone: still waiting
    assert (undone["verdict"], undone["address"]) == ("ok", "1-102")
    assert undone["last_handoff"]["action"] == "packed"
    assert scan(bags[3])["last_handoff"]["action"] == "door"
    assert scan(cards[0])["verdict"] == "household"
    assert scan(cards[1])["verdict"] == "void"  # the card 1-102 lost, revoked
    assert scan(cards[3])["address"] == "1-102"
