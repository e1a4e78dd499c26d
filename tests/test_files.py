"""Files written for people are all there or not there: never half a sheet under the real name,
never into a pipe, a device or through a link, and with the permissions of the file they replace."""

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.errors import BadInput
from desktop.files import written_atomically


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_partial_one(tmp_path):
    target = tmp_path / "roster.csv"
    target.write_bytes(b"old roster")
    with pytest.raises(RuntimeError), written_atomically(target) as out:
        out.write(b"new rost")
        raise RuntimeError("power cut")
    assert target.read_bytes() == b"old roster"
    assert [p.name for p in tmp_path.iterdir()] == ["roster.csv"]


def test_a_finished_write_replaces_the_file(tmp_path):
    target = tmp_path / "sheet.pdf"
    with written_atomically(target, code="print_unwritable", field="output") as out:
        out.write(b"%PDF-1.4 whole")
    assert target.read_bytes() == b"%PDF-1.4 whole"


def test_a_folder_that_does_not_exist_is_named_in_the_refusal(tmp_path):
    with pytest.raises(BadInput) as refused, written_atomically(tmp_path / "nope" / "x.csv"):
        pass
    assert refused.value.code == "export_unwritable"
    assert "nope" in str(refused.value)


# ---- only regular files are written ----


def a_fifo(path):
    os.mkfifo(path)
    return path


def a_socket(path):
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    return server


@pytest.mark.parametrize("kind", ["fifo", "symlink", "socket", "device"])
def test_an_output_that_is_not_a_regular_file_is_refused_with_a_sentence_and_exit_2(tmp_path, capsys, kind):
    db = tmp_path / "lobby.sqlite"
    assert main(["--db", str(db), "demo", "--households", "3"]) == 0
    capsys.readouterr()
    target = tmp_path / "roster.csv"
    server = None
    if kind == "fifo":
        a_fifo(target)
    elif kind == "symlink":
        (tmp_path / "elsewhere.csv").write_text("someone else's file")
        target.symlink_to(tmp_path / "elsewhere.csv")
    elif kind == "socket":
        server = a_socket(target)
    else:
        target = Path("/dev/null.csv") if Path("/dev/null.csv").exists() else None
        target = target or (tmp_path / "null.csv")
        if not target.exists():
            target.symlink_to("/dev/null")  # refused as a link; a device is checked below
    try:
        code = main(["--lang", "en", "--db", str(db), "roster", "export", str(target)])
    finally:
        if server is not None:
            server.close()
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1, err
    assert ("symbolic link" in err) or ("not an ordinary file" in err)
    if kind == "symlink":
        assert (tmp_path / "elsewhere.csv").read_text() == "someone else's file"


def test_a_device_is_refused_before_anything_is_written():
    with pytest.raises(BadInput) as refused, written_atomically("/dev/null"):
        raise AssertionError("never reached")
    assert refused.value.code == "output_not_regular"


def test_replacing_a_file_keeps_its_permission_bits(tmp_path):
    target = tmp_path / "roster.csv"
    target.write_text("old")
    target.chmod(0o640)
    with written_atomically(target) as out:
        out.write(b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    shared = tmp_path / "for-everyone.csv"
    shared.write_text("old")
    shared.chmod(0o664)
    with written_atomically(shared) as out:
        out.write(b"new")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664


def test_a_new_file_gets_what_the_umask_allows(tmp_path):
    previous = os.umask(0o022)
    try:
        with written_atomically(tmp_path / "new.csv") as out:
            out.write(b"x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o644


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_db_that_is_a_fifo_a_device_or_a_folder_is_refused_at_once(tmp_path, kind):
    if kind == "fifo":
        db = a_fifo(tmp_path / "lobby.sqlite")
    elif kind == "device":
        db = Path("/dev/zero")
    else:
        db = tmp_path / "lobby"
        db.mkdir()
    for command in (["check"], ["backup"], ["roster", "export", str(tmp_path / "r.csv")], []):
        args = ["--lang", "en", "--db", str(db), *command]
        if not command:
            args += ["--screenshot", str(tmp_path / "s.png")]
        done = subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                              timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert done.returncode == 2, (command, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
        assert ("not an ordinary file" in done.stderr) or ("is a folder" in done.stderr)


def test_a_screenshot_into_a_fifo_is_refused_instead_of_waiting_for_a_reader(tmp_path):
    db = tmp_path / "lobby.sqlite"
    assert main(["--db", str(db), "demo", "--households", "3"]) == 0
    out = a_fifo(tmp_path / "shot.png")
    done = subprocess.run([sys.executable, "-m", "desktop", "--lang", "en", "--db", str(db),
                           "--screenshot", str(out)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 2, done.stderr
    assert "is not an ordinary file" in done.stderr and "Traceback" not in done.stderr
