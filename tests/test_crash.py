"""A laptop loses power mid-write (households, payments and handoffs): kill a writing station at random moments, many times, and
check after each kill that the file is sound and holds every write it acknowledged."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from desktop.db import connect

WRITER = Path(__file__).parent / "helpers" / "crash_writer.py"
KILLS = int(os.environ.get("CRASH_KILLS", "25"))


def acknowledged(lines):
    found = {}
    for line in lines:
        parts = line.split()
        if len(parts) == 3 and parts[0] == "ack":
            found.setdefault(parts[1], set()).add(parts[2])
    return found


def test_every_acknowledged_write_survives_being_killed_at_random(tmp_path):
    db = tmp_path / "station.sqlite"
    connect(db).close()
    rng = random.Random(int(os.environ.get("CRASH_SEED", "0")) or None)
    all_acks: dict[str, set[str]] = {}
    kills = 0
    start = 0
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(WRITER), str(db), str(start)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        first = child.stdout.readline()  # start-up done, whatever the machine's load
        assert first.startswith("ack"), child.stderr.read()
        time.sleep(rng.random() * 0.3)  # then a random moment inside the writing loop
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate()
        assert child.returncode == -signal.SIGKILL, err
        kills += 1
        out = first + out
        for kind, keys in acknowledged(out.splitlines()).items():
            all_acks.setdefault(kind, set()).update(keys)
        start += len(out.splitlines()) + 1

        raw = sqlite3.connect(db)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {
                "household": {row[0] for row in raw.execute("SELECT address FROM household")},
                "payment": {row[0] for row in raw.execute("SELECT reference FROM payment")},
                "handoff": {str(row[0]) for row in raw.execute("SELECT id FROM handoff")},
            }
        finally:
            raw.close()
        for kind, keys in all_acks.items():
            missing = keys - stored[kind]
            assert not missing, f"{kind} lost after kill {kills}: {sorted(missing)[:5]}"
    checked = sum(len(keys) for keys in all_acks.values())
    print(f"crash test: {kills} kills survived, {checked} acknowledged writes checked")
    assert checked > KILLS, "the writer must have written between kills"
    assert all_acks.get("payment"), "payments were recorded between kills"
    assert all_acks.get("handoff"), "handoffs were recorded between kills"
