"""The compound secret signs every label: it stays in the database and its backups, which only
their owner can read from their first moment, and never leaves in an export folder. Whoever
rebuilds from such a folder gets a new secret, so their codes do not scan at this compound."""

import json
import os
import stat
from pathlib import Path

import pytest

from desktop.bags.bags import issue_household_codes, make_bags
from desktop.bags.codes import make_code, verify
from desktop.cli.main import main
from desktop.compound import code_keys
from desktop.db import connect
from desktop.errors import BadInput
from desktop.gate import scan
from desktop.safekeeping.backups import make_backup, restore_backup, set_mirror_folder
from desktop.safekeeping.export_all import export_all, read_secret_file, rebuild_from_export
from tests.bag_scenes import compound, everyday_buy


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def lobby(tmp_path):
    conn = compound(tmp_path, name="lobby.sqlite")
    make_bags(conn, everyday_buy(conn))
    yield conn
    conn.close()


def secret_of(conn) -> bytes:
    return bytes(conn.execute("SELECT secret FROM compound").fetchone()[0])


def every_byte(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_export_all_leaves_the_secret_out_and_its_manifest_says_so(lobby, tmp_path):
    manifest = export_all(lobby, tmp_path / "export")
    secret = secret_of(lobby)
    everything = every_byte(tmp_path / "export")
    assert secret not in everything
    assert secret.hex().encode() not in everything.lower()
    compound_table = next(t for t in manifest["tables"] if t["name"] == "compound")
    assert "secret" not in [c["name"] for c in compound_table["columns"]]
    written = json.loads((tmp_path / "export" / "manifest.json").read_text(encoding="utf-8"))
    assert {"table": "compound", "column": "secret"} in written["left_out"]
    assert "not included" in written["compound_secret"]


def test_a_stranger_with_an_export_folder_cannot_make_a_code_that_scans_ok(lobby, tmp_path):
    issue_household_codes(lobby, [row[0] for row in lobby.execute("SELECT id FROM household")])
    export_all(lobby, tmp_path / "export")
    # Not even the codes already printed: they are made again from the serials on a rebuild.
    everything = every_byte(tmp_path / "export")
    printed = [row[0] for row in lobby.execute("SELECT code FROM bag UNION ALL SELECT code FROM household_code")]
    assert len(printed) > 4
    assert not [code for code in printed if code.encode() in everything]
    stranger_db = tmp_path / "stranger" / "copy.sqlite"
    stranger_db.parent.mkdir()
    rebuilt = rebuild_from_export(tmp_path / "export", stranger_db)
    assert rebuilt.new_secret
    stranger = connect(stranger_db)
    keys = code_keys(stranger)
    serials = [row[0] for row in lobby.execute("SELECT serial FROM bag WHERE voided_at IS NULL")]
    assert serials
    for serial in serials:
        forged = make_code(keys, "bag", serial)
        answer = scan(lobby, forged)
        assert answer.verdict == "forged", (forged, answer.verdict)
    # The stranger's own keys call them genuine: proof the codes were made as well as one can.
    assert verify(keys, make_code(keys, "bag", serials[0])).genuine
    # Whatever the stranger's copy prints, its labels and cards are forgeries at the real gate.
    for (code,) in stranger.execute("SELECT code FROM bag UNION ALL SELECT code FROM household_code"):
        assert scan(lobby, code).verdict == "forged", code
    stranger.close()


def test_restoring_an_export_folder_says_labels_must_be_printed_again(lobby, tmp_path, capsys):
    export_all(lobby, tmp_path / "export")
    old_secret = secret_of(lobby)
    printed = lobby.execute("SELECT code FROM bag WHERE serial = (SELECT min(serial) FROM bag)").fetchone()[0]
    db = Path(lobby.path)
    lobby.close()
    assert main(["--lang", "en", "--db", str(db), "restore", str(tmp_path / "export")]) == 0
    err = capsys.readouterr().err
    assert "new compound secret" in err and "print them all again" in err
    conn = connect(db)
    assert secret_of(conn) != old_secret
    assert scan(conn, printed).verdict == "forged", "labels printed before must be printed again"
    fresh = conn.execute("SELECT code FROM bag WHERE serial = (SELECT min(serial) FROM bag)").fetchone()[0]
    assert scan(conn, fresh).verdict == "ok"
    conn.close()


def test_with_the_secret_file_a_rebuilt_database_keeps_the_codes_scanning(lobby, tmp_path, capsys):
    db = Path(lobby.path)
    secret_file = tmp_path / "keep-apart" / "lobby.secret"
    secret_file.parent.mkdir()
    export_all(lobby, tmp_path / "export")
    code = lobby.execute("SELECT code FROM bag LIMIT 1").fetchone()[0]
    old_secret = secret_of(lobby)
    lobby.close()
    assert main(["--lang", "en", "--db", str(db), "secret", "export", str(secret_file)]) == 0
    out, err = capsys.readouterr()
    assert "readable by you only" in out and "Careful" in err and "offline" in err
    assert mode(secret_file) == 0o600
    assert read_secret_file(secret_file).secret == old_secret
    assert main(["--db", str(db), "restore", str(tmp_path / "export"),
                 "--with-secret", str(secret_file), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["new_secret"] is False
    conn = connect(db)
    assert secret_of(conn) == old_secret
    assert scan(conn, code).verdict == "ok"
    conn.close()


def test_another_compounds_secret_file_or_a_backup_file_with_a_secret_is_refused(lobby, tmp_path, capsys):
    other = compound(tmp_path, neighbours=[], name="other.sqlite")
    other.close()
    main(["--db", str(tmp_path / "other.sqlite"), "secret", "export", str(tmp_path / "other.secret")])
    export_all(lobby, tmp_path / "export")
    backup = make_backup(lobby, "manual")
    db = Path(lobby.path)
    lobby.close()
    capsys.readouterr()
    assert main(["--lang", "en", "--db", str(db), "restore", str(tmp_path / "export"),
                 "--with-secret", str(tmp_path / "other.secret")]) == 2
    assert "another compound" in capsys.readouterr().err
    assert main(["--lang", "en", "--db", str(db), "restore", str(backup),
                 "--with-secret", str(tmp_path / "other.secret")]) == 2
    assert "only goes with an export-all folder" in capsys.readouterr().err
    (tmp_path / "junk.secret").write_text("{}")
    assert main(["--lang", "en", "--db", str(db), "restore", str(tmp_path / "export"),
                 "--with-secret", str(tmp_path / "junk.secret")]) == 2
    assert "is not a secret file" in capsys.readouterr().err


# ---- owner-only from the first moment ----


@pytest.fixture
def loose_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_the_database_its_wal_shm_backups_and_mirror_copies_are_owner_only(tmp_path, loose_umask,
                                                                          monkeypatch):
    # Nothing is tightened after the fact: no chmod, the files are born private.
    def no_chmod(*_args, **_kwargs):
        raise AssertionError("permissions must be right when the file is made, not changed after")

    monkeypatch.setattr(os, "chmod", no_chmod)
    monkeypatch.setattr(Path, "chmod", no_chmod)
    db = tmp_path / "lobby.sqlite"
    conn = connect(db)
    set_mirror_folder(conn, tmp_path / "usb")
    conn.execute("INSERT INTO setting (key, value) VALUES ('k', 'v')")
    backup = make_backup(conn, "manual")
    assert Path(f"{db}-wal").exists() and Path(f"{db}-shm").exists()
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), backup, tmp_path / "usb" / backup.name):
        assert mode(path) == 0o600, path
    conn.close()
    restored = restore_backup(db, backup)
    assert mode(db) == 0o600 and mode(restored.kept_aside) == 0o600
    assert os.umask(0o022) == 0o022, "the mask is put back as it was"


def test_export_all_leaves_the_operators_pins_out_and_a_rebuild_waits_for_new_ones(lobby, tmp_path):
    from desktop.people.operators import add_operator, list_operators, reset_pin, sign_in

    add_operator(lobby, "王主任", "committee", "13579")
    add_operator(lobby, "李师傅", "guard", "2468")
    pins = [bytes(v) for row in lobby.execute("SELECT pin_salt, pin_hash FROM operator") for v in row]
    manifest = export_all(lobby, tmp_path / "export")
    everything = every_byte(tmp_path / "export")
    assert not any(p in everything or p.hex().encode() in everything.lower() for p in pins)
    operator_table = next(t for t in manifest["tables"] if t["name"] == "operator")
    assert {"pin_salt", "pin_hash"}.isdisjoint(c["name"] for c in operator_table["columns"])
    written = json.loads((tmp_path / "export" / "manifest.json").read_text(encoding="utf-8"))
    assert {"table": "operator", "column": "pin_hash"} in written["left_out"]
    assert "not included" in written["operator_pins"] and "reset-pin" in written["operator_pins"]
    # Rebuilt: the names and roles are there, nobody signs in until given a new PIN.
    rebuild_from_export(tmp_path / "export", tmp_path / "rebuilt.sqlite")
    rebuilt = connect(tmp_path / "rebuilt.sqlite")
    assert {(o.name, o.role, o.active) for o in list_operators(rebuilt)} == {
        ("王主任", "committee", False), ("李师傅", "guard", False)}
    with pytest.raises(BadInput):
        sign_in(rebuilt, "王主任", "13579")
    reset_pin(rebuilt, "王主任", "97531")
    assert sign_in(rebuilt, "王主任", "97531").role == "committee"
    rebuilt.close()


def test_a_gate_station_refuses_to_export_a_secret_it_does_not_hold(lobby, tmp_path, capsys):
    from desktop.safekeeping.export_all import export_secret
    from tests.station_scenes import new_gate

    gate = new_gate(lobby, tmp_path, "north")
    with pytest.raises(BadInput) as refused:
        export_secret(gate, tmp_path / "gate.secret")
    assert refused.value.code == "secret_at_gate"
    gate_db = Path(gate.path)
    gate.close()
    assert main(["--lang", "en", "--db", str(gate_db), "secret", "export", str(tmp_path / "gate.secret")]) == 2
    assert "holds no compound secret" in capsys.readouterr().err
    assert main(["--lang", "zh_CN", "--db", str(gate_db), "secret", "export", str(tmp_path / "gate.secret")]) == 2
    assert "不保存小区密钥" in capsys.readouterr().err
    assert not (tmp_path / "gate.secret").exists()
