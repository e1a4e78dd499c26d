"""Two programs on one file: the window keeps the database open while a guard's command runs.

SQLite's locks are POSIX locks, which a process loses on the whole file when it closes ANY handle
to it. If the program ever opened the database file with plain file I/O (say, to peek at its
header) while a connection was open, another process closing its own connection would believe
itself the last one, checkpoint and delete the WAL, and the window's later writes would vanish.
"""

import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop.db import connect, transaction
from desktop.safekeeping.maintenance import check_database


def write(conn, key):
    with transaction(conn):
        conn.execute("INSERT INTO setting (key, value) VALUES (:k, 'v')", {"k": key})


def test_a_window_keeps_its_writes_while_other_programs_open_and_close_the_file(tmp_path):
    path = tmp_path / "lobby.sqlite"
    window = connect(path)
    window.execute("PRAGMA wal_autocheckpoint = 0")  # keep every write in the WAL
    write(window, "before")
    # What the window does in the same process: a worker connection, a check.
    connect(path).close()
    check_database(path)
    # A guard's command in another process opens and closes the same file.
    script = f"import sqlite3; c = sqlite3.connect({str(path)!r}); c.execute('SELECT 1 FROM setting').fetchall(); c.close()"
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert Path(f"{path}-wal").exists(), "the other program deleted the window's WAL"
    write(window, "after")
    reader = sqlite3.connect(path)
    keys = {row[0] for row in reader.execute("SELECT key FROM setting")}
    reader.close()
    window.close()
    assert {"before", "after"} <= keys


def test_choosing_the_database_itself_as_a_roster_is_refused_without_reading_it(tmp_path):
    import pytest

    from desktop.errors import BadInput
    from desktop.roster.roster_io import import_roster

    path = tmp_path / "lobby.sqlite"
    window = connect(path)
    with pytest.raises(BadInput) as refused:
        import_roster(window, path)
    assert refused.value.code == "file_is_database"
    window.close()
