"""Two stations, one compound: the lobby (home) and gate stations each keep their own file and merge
through exchange files; the gate holds no secret; a bag handed over at two stations is shown to
the committee, never hidden; a bad file changes nothing."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sqlite3
import stat

import pytest

from desktop.bags.bags import make_bags
from desktop.bags.codes import make_code
from desktop.compound import code_keys
from desktop.db import connect
from desktop.errors import BadInput
from desktop.gate import list_waiting, scan
from desktop.gate.custody import undo_last_handoff
from desktop.stations.conflicts import list_conflicts, resolve_conflict
from desktop.stations.exchange import EXCHANGED, import_exchange, init_gate
from desktop.stations.status import set_reminder_hours, station_status
from tests.bag_scenes import rows_of
from tests.station_scenes import (
    bag_codes,
    carry,
    exported,
    handoffs_by_uuid,
    lobby,
    new_gate,
    shared,
)


@pytest.fixture
def home(tmp_path):
    conn = lobby(tmp_path)
    yield conn
    conn.close()


def test_a_gate_station_made_from_the_lobbys_file_knows_its_bags_but_not_its_secret(home, tmp_path):
    gate = new_gate(home, tmp_path, "north-gate")
    assert station_status(gate).role == "gate" and gate.station == "north-gate"
    assert bytes(gate.execute("SELECT secret FROM compound").fetchone()[0]) == b""
    assert gate.execute("SELECT uuid FROM compound").fetchone() == home.execute(
        "SELECT uuid FROM compound").fetchone()
    code = bag_codes(home)[0]
    answer = scan(gate, code, record="pickup", operator="李")
    assert answer.verdict == "ok" and answer.recorded
    assert answer.last_handoff.station == "north-gate"
    card = home.execute("SELECT code FROM household_code LIMIT 1").fetchone()[0]
    assert scan(gate, card).verdict == "household"


def test_only_the_lobby_tells_a_forged_code_from_one_the_gate_was_not_given(home, tmp_path):
    gate = new_gate(home, tmp_path, "north-gate")
    stranger = dataclasses.replace(code_keys(home), secret=b"x" * 32)
    forged = make_code(stranger, "bag", 9999)
    assert scan(home, forged).verdict == "forged"
    assert scan(gate, forged).verdict == "unknown"
    # A genuine bag made at the lobby after the gate's last file: unknown there too, until merged.
    newer = make_code(code_keys(home), "bag", 500)
    assert scan(gate, newer).verdict == "unknown"


def test_a_gate_station_cannot_make_codes(home, tmp_path):
    gate = new_gate(home, tmp_path, "north-gate")
    with pytest.raises(BadInput) as caught:
        make_code(code_keys(gate), "bag", 1)
    assert "lobby" in str(caught.value)


def test_the_exchange_file_is_readable_by_its_owner_only_and_says_what_it_holds(home, tmp_path):
    path = exported(home, tmp_path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with sqlite3.connect(path) as raw:
        manifest = {k: json.loads(v) for k, v in raw.execute("SELECT key, value FROM manifest")}
    assert manifest["role"] == "home" and manifest["station"] == home.station
    assert manifest["compound_uuid"] == home.execute("SELECT uuid FROM compound").fetchone()[0]
    assert manifest["holds"]["bag"] == len(bag_codes(home, live=False))
    assert len(manifest["checksum"]) == 64
    # Never the secret, never money.
    secret = bytes(home.execute("SELECT secret FROM compound").fetchone()[0])
    assert secret not in path.read_bytes()
    assert "payment" not in manifest["holds"] and "buy_order" not in manifest["holds"]


def test_merging_the_same_file_twice_or_an_older_file_last_changes_nothing_more(home, tmp_path):
    gate = new_gate(home, tmp_path, "north-gate")
    codes = bag_codes(home)
    scan(gate, codes[0], record="pickup", operator="李")
    undo_last_handoff(gate, codes[0], "wrong household", operator="李")
    gate_file = exported(gate, tmp_path)
    first = import_exchange(home, gate_file)
    assert first.added["handoff"] == 2 and first.conflicts == 0
    before = rows_of(home)
    again = import_exchange(home, gate_file)
    assert again.added["handoff"] == 0
    assert {k: v for k, v in rows_of(home).items() if k != "station_merge"} == \
        {k: v for k, v in before.items() if k != "station_merge"}
    # Home remakes bags; the gate gets the new file, then the older one: the newer copy stands.
    old_file = exported(home, tmp_path)
    buy = home.execute("SELECT id FROM group_buy").fetchone()[0]
    made = make_bags(home, buy, 1)
    assert made.voided and made.made
    new_file = exported(home, tmp_path)
    import_exchange(gate, new_file)
    import_exchange(gate, old_file)
    assert shared(gate, sent_by="home") == shared(home, sent_by="home")
    assert scan(gate, codes[1]).verdict == "void"


def test_a_bag_handed_over_at_two_gates_keeps_both_and_waits_for_the_committee(home, tmp_path):
    north, south = new_gate(home, tmp_path, "north"), new_gate(home, tmp_path, "south")
    code = bag_codes(home)[0]
    scan(north, code, record="pickup", operator="李", at="2026-04-01T08:00:00Z")
    scan(south, code, record="door", operator="赵", at="2026-04-01T08:05:00Z")
    assert carry(north, home, tmp_path).conflicts == 0
    assert carry(south, home, tmp_path).conflicts == 1
    (conflict,) = list_conflicts(home)
    assert conflict.code == code
    assert [(e.action, e.at, e.operator, e.station) for e in conflict.events] == [
        ("pickup", "2026-04-01T08:00:00Z", "李", "north"),
        ("door", "2026-04-01T08:05:00Z", "赵", "south")]
    with pytest.raises(BadInput):
        resolve_conflict(home, code, "   ")
    noted = resolve_conflict(home, code, "南门送上门的是邻居代收，已核实", operator="委员王")
    assert noted.resolved and list_conflicts(home) == []
    assert len(handoffs_by_uuid(home)) == 2  # both handovers stay
    # The note travels to the gates like every event.
    carry(home, north, tmp_path)
    assert list_conflicts(north) == []
    assert list_conflicts(north, include_resolved=True)[0].notes[0].operator == "委员王"


def test_the_lobby_knows_which_bags_each_gate_has_not_seen_and_a_gate_is_reminded(home, tmp_path):
    gate = new_gate(home, tmp_path, "north")
    carry(gate, home, tmp_path)
    (seen,) = station_status(home).gates
    assert seen.station == "north" and seen.bags_unknown == 0
    buy = home.execute("SELECT id FROM group_buy").fetchone()[0]
    made = make_bags(home, buy, 1)
    assert station_status(home).gates[0].bags_unknown >= made.made
    status = station_status(gate)
    assert status.last_merged_at and not status.overdue
    from datetime import UTC, datetime, timedelta
    later = datetime.now(UTC) + timedelta(hours=5)
    assert station_status(gate, later).overdue
    set_reminder_hours(gate, "8")
    assert not station_status(gate, later).overdue
    with pytest.raises(BadInput):
        set_reminder_hours(gate, "0")


# ---- files that are refused, with nothing changed -------------------------------------------


def _refused(conn, path, words: str):
    before = rows_of(conn)
    with pytest.raises(BadInput) as caught:
        import_exchange(conn, path)
    assert words in str(caught.value)
    assert rows_of(conn) == before
    return caught.value


def test_a_file_from_another_compound_is_refused(home, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    stranger = lobby(other, "stranger.sqlite")
    stranger_gate = new_gate(stranger, other, "far-gate")
    _refused(home, exported(stranger_gate, other), "another compound")
    gate = new_gate(home, tmp_path, "north")
    _refused(gate, exported(stranger, other), "another compound")


def test_a_gate_file_into_a_gate_and_a_lobby_file_into_a_lobby_are_refused(home, tmp_path):
    north, south = new_gate(home, tmp_path, "north"), new_gate(home, tmp_path, "south")
    _refused(south, exported(north, tmp_path), "lobby station only")
    _refused(home, exported(home, tmp_path), "gate stations only")


def _edit_file(path, statement: str) -> None:
    with sqlite3.connect(path) as raw:
        raw.execute(statement)


def test_a_file_changed_by_hand_is_refused_by_its_checksum(home, tmp_path):
    gate = new_gate(home, tmp_path, "north")
    scan(gate, bag_codes(home)[0], record="pickup", operator="李")
    path = exported(gate, tmp_path)
    _edit_file(path, "UPDATE handoff SET operator = '王' WHERE action = 'pickup'")
    _refused(home, path, "checksum")
    path = exported(gate, tmp_path)
    _edit_file(path, "UPDATE manifest SET value = '\"lobby\"' WHERE key = 'station'")
    _refused(home, path, "checksum")


def test_a_file_from_a_newer_program_is_refused(home, tmp_path):
    gate = new_gate(home, tmp_path, "north")
    path = exported(gate, tmp_path)
    _edit_file(path, "UPDATE manifest SET value = '999' WHERE key = 'schema_version'")
    _refused(home, path, "newer Compound Desk")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_a_truncated_file_is_refused(home, tmp_path, keep):
    gate = new_gate(home, tmp_path, "north")
    for code in bag_codes(home):
        scan(gate, code, record="pickup", operator="李")
    path = exported(gate, tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    error = _refused(home, path, str(path))
    assert error.code in ("sync_file_damaged", "sync_file_unreadable", "sync_checksum",
                          "sync_not_exchange_file")


def test_files_that_are_no_exchange_file_are_refused(home, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    _refused(home, text, str(text))
    _refused(home, tmp_path / "missing.cdx", "no file")
    db_copy = tmp_path / "copy.sqlite"
    shutil.copy(home.path, db_copy)
    _refused(home, db_copy, "not an exchange file")


def test_a_new_gate_is_made_from_a_lobby_file_only_and_never_over_a_database(home, tmp_path):
    gate = new_gate(home, tmp_path, "north")
    gate_file = exported(gate, tmp_path)
    with pytest.raises(BadInput, match="gate station"):
        init_gate(tmp_path / "south.sqlite", gate_file, station="south")
    assert not (tmp_path / "south.sqlite").exists()
    with pytest.raises(BadInput, match="already exists"):
        init_gate(home.path, exported(home, tmp_path), station="x")
    assert connect(home.path).execute("SELECT length(secret) FROM compound").fetchone()[0] == 32


def test_an_import_that_fails_half_way_leaves_nothing_behind(home, tmp_path, monkeypatch):
    from desktop.db import exchange as store

    gate = new_gate(home, tmp_path, "north")
    for code in bag_codes(home)[:3]:
        scan(gate, code, record="pickup", operator="李")
    path = exported(gate, tmp_path)
    before = rows_of(home)
    real = store.append_new
    calls = []

    def failing(conn, table, *args, **kwargs):
        added = real(conn, table, *args, **kwargs)
        calls.append(table)
        if len(calls) == 2:
            raise RuntimeError("the power went out")
        return added

    monkeypatch.setattr(store, "append_new", failing)
    with pytest.raises(RuntimeError):
        import_exchange(home, path)
    assert rows_of(home) == before
    monkeypatch.setattr(store, "append_new", real)
    assert import_exchange(home, path).added["handoff"] == 3


def test_every_table_that_travels_is_declared_once_with_a_known_policy():
    names = [spec.table for spec in EXCHANGED]
    assert len(names) == len(set(names))
    for position, spec in enumerate(EXCHANGED):
        assert spec.policy in ("owned", "events") and spec.sent_by in ("home", "gate", "both")
        for target in spec.refs.values():  # what a row refers to is filled before it
            assert target == spec.table or target in names[:position]



def test_a_bag_picked_up_here_stays_handed_over_when_an_earlier_gate_event_is_merged_later(home, tmp_path):
    gate = new_gate(home, tmp_path, "north")
    code = bag_codes(home)[0]
    scan(gate, code, record="gate", operator="李", at="2026-04-01T07:00:00Z")  # put out at the gate
    scan(home, code, record="pickup", operator="王", at="2026-04-01T08:00:00Z")  # collected at the lobby
    carry(gate, home, tmp_path)  # the gate's older event arrives after the pickup
    answer = scan(home, code)
    assert answer.verdict == "already_handed_over"
    assert answer.last_handoff.action == "pickup"
    assert code not in [w.code for w in list_waiting(home)]
    carry(home, gate, tmp_path)
    assert scan(gate, code).verdict == "already_handed_over"


def test_a_new_empty_database_becomes_a_gate_station_from_the_lobbys_file(home, tmp_path):
    from desktop.stations.exchange import make_gate_here, may_become_gate

    fresh = connect(tmp_path / "gate-laptop.sqlite")
    assert may_become_gate(fresh) and not may_become_gate(home)
    summary = make_gate_here(fresh, exported(home, tmp_path))
    assert summary.added["bag"] == len(bag_codes(home, live=False))
    fresh.close()
    gate = connect(tmp_path / "gate-laptop.sqlite")  # opened again, with the compound's identity
    assert station_status(gate).role == "gate"
    assert bytes(gate.execute("SELECT secret FROM compound").fetchone()[0]) == b""
    assert scan(gate, bag_codes(home)[0]).verdict == "ok"
    with pytest.raises(BadInput, match="new, empty database"):
        make_gate_here(home, exported(home, tmp_path))
