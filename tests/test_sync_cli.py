"""`compound-desk sync …` as a committee member's script uses it: a gate made from the lobby's
file, handoffs at both, files carried both ways, the review list as JSON, and bad files refused
with one sentence and exit code 2."""

from __future__ import annotations

import json
import os
import stat

from desktop.cli.main import main
from desktop.db import connect
from tests.bag_scenes import rows_of
from tests.station_scenes import bag_codes, lobby


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_gate_made_on_the_command_line_merges_both_ways_and_lists_the_double(tmp_path, capsys):
    home = lobby(tmp_path)
    home_db = home.path
    code = bag_codes(home)[0]
    home.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    assert run(capsys, "--db", home_db, "sync", "export", usb / "lobby-1.cdx")[0] == 0
    assert stat.S_IMODE(os.stat(usb / "lobby-1.cdx").st_mode) == 0o600
    gate_db = tmp_path / "gate.sqlite"
    status, out, _ = run(capsys, "--db", gate_db, "sync", "init-gate", usb / "lobby-1.cdx",
                         "--station", "north", "--json")
    assert status == 0 and json.loads(out)["station"] == "north"
    assert json.loads(out)["added"]["bags"] == len(bag_codes(connect(home_db), live=False))

    run(capsys, "--db", gate_db, "scan", code, "--record", "pickup", "--operator", "李")
    run(capsys, "--db", home_db, "scan", code, "--record", "door", "--operator", "王")
    assert run(capsys, "--db", gate_db, "sync", "export", usb / "gate-1.cdx")[0] == 0
    status, out, _ = run(capsys, "--db", home_db, "sync", "import", usb / "gate-1.cdx", "--json")
    merged = json.loads(out)
    assert status == 0 and merged["added"]["handoffs"] == 1 and merged["conflicts"] == 1
    status, out, _ = run(capsys, "--db", home_db, "sync", "conflicts", "--json")
    (conflict,) = json.loads(out)["conflicts"]
    assert conflict["code"] == code
    assert sorted((e["action"], e["operator"], e["station"]) for e in conflict["events"]) == [
        ("door", "王", connect(home_db).station), ("pickup", "李", "north")]
    assert all(e["at"].endswith("Z") for e in conflict["events"])

    status, out, _ = run(capsys, "--db", home_db, "sync", "resolve", code, "--note", "已核实",
                         "--operator", "委员", "--json")
    assert status == 0 and json.loads(out)["resolved"]
    _, out, _ = run(capsys, "--db", home_db, "sync", "conflicts", "--open", "--json")
    assert json.loads(out) == {"conflicts": []}
    _, out, _ = run(capsys, "--db", home_db, "sync", "conflicts", "--json")
    assert json.loads(out)["conflicts"][0]["notes"][0]["note"] == "已核实"

    assert run(capsys, "--db", home_db, "sync", "export", usb / "lobby-2.cdx")[0] == 0
    status, out, _ = run(capsys, "--db", gate_db, "sync", "import", usb / "lobby-2.cdx", "--json")
    assert json.loads(out)["added"]["handoffs"] == 1 and json.loads(out)["added"]["conflict_notes"] == 1
    _, out, _ = run(capsys, "--db", gate_db, "sync", "conflicts", "--json")
    assert json.loads(out)["conflicts"][0]["resolved"]


def test_bad_files_are_refused_with_one_sentence_and_exit_code_two(tmp_path, capsys):
    home = lobby(tmp_path)
    home_db = home.path
    home.close()
    run(capsys, "--db", home_db, "sync", "export", tmp_path / "lobby.cdx")
    gate_db = tmp_path / "gate.sqlite"
    run(capsys, "--db", gate_db, "sync", "init-gate", tmp_path / "lobby.cdx", "--station", "north")
    run(capsys, "--db", gate_db, "sync", "export", tmp_path / "gate.cdx")
    truncated = tmp_path / "cut.cdx"
    truncated.write_bytes((tmp_path / "gate.cdx").read_bytes()[:5000])
    text = tmp_path / "notes.txt"
    text.write_text("not an exchange file", encoding="utf-8")
    before = rows_of(connect(home_db))
    for target, path in ((home_db, truncated), (home_db, text), (home_db, tmp_path / "lobby.cdx"),
                         (gate_db, tmp_path / "gate.cdx"), (home_db, tmp_path / "missing.cdx")):
        status, out, err = run(capsys, "--db", target, "sync", "import", path)
        assert status == 2, (path, err)
        assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert rows_of(connect(home_db)) == before
    status, _, err = run(capsys, "--db", gate_db, "sync", "init-gate", tmp_path / "lobby.cdx")
    assert status == 2 and "already exists" in err
