"""The lobby's operators, urgent needs and audit log between stations: operators and needs come to
the gate with the lobby's file (PIN hashes and all, each station counting its own wrong tries),
a gate changes neither, and the gate's audit lines go to the lobby's log, once each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop import audit
from desktop.committee.needs import add_need, close_need, list_needs, update_need
from desktop.db import connect
from desktop.errors import BadInput
from desktop.gate import scan
from desktop.gate.custody import undo_last_handoff, undo_needs_committee
from desktop.people.operators import (
    add_first_committee,
    add_operator,
    check_committee,
    disable_operator,
    list_operators,
    reset_pin,
    sign_in,
)
from desktop.stations.conflicts import resolve_conflict
from desktop.stations.exchange import import_exchange, make_gate_here
from desktop.words import describe
from tests.bag_scenes import rows_of
from tests.station_scenes import bag_codes, carry, exported, lobby, new_gate, shared


@pytest.fixture
def home(tmp_path):
    conn = lobby(tmp_path)
    add_operator(conn, "王主任", "committee", "13579")
    add_operator(conn, "李师傅", "guard", "2468")
    yield conn
    conn.close()


def tries(conn, name: str) -> tuple:
    return tuple(conn.execute("SELECT failed_tries, wait_until FROM operator WHERE name = :n",
                              {"n": name}).fetchone())


def test_a_guard_made_at_the_lobby_signs_in_at_the_gate_with_the_same_pin(home, tmp_path):
    gate = new_gate(home, tmp_path, "north")
    assert sign_in(gate, "李师傅", "2468").role == "guard"
    with pytest.raises(BadInput):
        sign_in(gate, "李师傅", "1111")
    # A guard added later, or a PIN reset at the lobby, reaches the gate with the next file.
    add_operator(home, "赵师傅", "guard", "8642")
    reset_pin(home, "李师傅", "97531")
    carry(home, gate, tmp_path)
    assert sign_in(gate, "赵师傅", "8642").name == "赵师傅"
    assert sign_in(gate, "李师傅", "97531").name == "李师傅"
    assert shared(gate, sent_by="home")["operator"] == shared(home, sent_by="home")["operator"]


def test_a_gates_wrong_tries_stay_the_gates_whatever_the_lobby_sends(home, tmp_path):
    gate = new_gate(home, tmp_path, "north")
    moment = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    for _ in range(5):
        with pytest.raises(BadInput):
            sign_in(gate, "李师傅", "0000", now=moment)
    locked = tries(gate, "李师傅")
    assert locked[0] == 5 and locked[1] is not None
    # The lobby's file never carries its own count, and never clears the gate's.
    sign_in(home, "李师傅", "2468")
    with pytest.raises(BadInput):
        sign_in(home, "王主任", "0000")
    add_operator(home, "赵师傅", "guard", "8642")
    path = exported(home, tmp_path)
    assert import_exchange(gate, path).added["operator"] == 1
    assert tries(gate, "李师傅") == locked
    with pytest.raises(BadInput, match="wait|等待|seconds|秒"):
        sign_in(gate, "李师傅", "2468", now=moment + timedelta(seconds=5))
    assert tries(home, "王主任")[0] == 1  # the lobby's count is the lobby's
    # A new PIN given at the lobby forgives the gate's wrong tries too, as it does at the lobby.
    reset_pin(home, "李师傅", "97531")
    carry(home, gate, tmp_path)
    assert tries(gate, "李师傅") == (0, None)
    assert sign_in(gate, "李师傅", "97531", now=moment + timedelta(seconds=5)).name == "李师傅"


def test_a_gate_makes_and_changes_no_operator(home, tmp_path):
    gate = new_gate(home, tmp_path, "north")
    before = rows_of(gate)
    for attempt in (lambda: add_operator(gate, "门岗新人", "guard", "1234"),
                    lambda: disable_operator(gate, "李师傅"),
                    lambda: reset_pin(gate, "李师傅", "5555"),
                    lambda: add_first_committee(gate, "自封主任", "1234")):
        with pytest.raises(BadInput) as refused:
            attempt()
        assert refused.value.code == "operator_at_gate"
        assert "lobby station" in describe(refused.value, "en")
        assert "大堂" in describe(refused.value, "zh")
    assert rows_of(gate) == before


def test_an_operator_made_before_a_laptop_became_a_gate_gives_way_to_the_lobbys_of_that_name(home, tmp_path):
    fresh = connect(tmp_path / "gate-laptop.sqlite")
    add_first_committee(fresh, "李师傅", "1111")  # made on the new laptop before it was a gate
    make_gate_here(fresh, exported(home, tmp_path))
    fresh.close()
    gate = connect(tmp_path / "gate-laptop.sqlite")
    names = {o.name: o.role for o in list_operators(gate)}
    assert names == {"王主任": "committee", "李师傅": "guard"}
    assert sign_in(gate, "李师傅", "2468").role == "guard"
    with pytest.raises(BadInput):
        sign_in(gate, "李师傅", "1111")
    assert shared(gate, sent_by="home")["operator"] == shared(home, sent_by="home")["operator"]


def test_needs_come_to_the_gate_shown_at_a_scan_and_are_changed_only_at_the_lobby(home, tmp_path):
    need = add_need(home, "12-301", "胰岛素", "high")
    gate = new_gate(home, tmp_path, "north")
    code = home.execute("SELECT b.code FROM bag b JOIN household h ON h.id = b.household_id "
                        "WHERE h.address = '12-301' LIMIT 1").fetchone()[0]
    assert scan(gate, code).urgent_needs == ("胰岛素",)
    before = rows_of(gate)
    for attempt in (lambda: add_need(gate, "3-101", "奶粉", "high"),
                    lambda: update_need(gate, need, who="药房"),
                    lambda: close_need(gate, need, "met")):
        with pytest.raises(BadInput) as refused:
            attempt()
        assert refused.value.code == "need_at_gate"
        assert "lobby station" in describe(refused.value, "en") and "大堂" in describe(refused.value, "zh")
    assert rows_of(gate) == before
    # Met at the lobby: the gate stops showing it with the next file.
    close_need(home, need, "met")
    carry(home, gate, tmp_path)
    assert scan(gate, code).urgent_needs == ()
    assert [n.status for n in list_needs(gate)] == ["met"]
    assert shared(gate, sent_by="home")["need"] == shared(home, sent_by="home")["need"]


def test_a_gates_audit_lines_join_the_lobbys_log_once(home, tmp_path):
    gate = new_gate(home, tmp_path, "north")
    code = bag_codes(home)[0]
    scan(gate, code, record="pickup", operator="李师傅")
    undo_last_handoff(gate, code, "按错了", operator="李师傅")
    at_gate = shared(gate, sent_by="gate")["audit_entry"]
    assert {e[4] for e in at_gate.values()} >= {"station", "sync_import", "handoff", "undo"}
    path = exported(gate, tmp_path)
    first = import_exchange(home, path)
    assert first.added["audit_entry"] == len(at_gate)
    again = import_exchange(home, path)
    assert again.added["audit_entry"] == 0
    home_log = shared(home, sent_by="gate")["audit_entry"]
    assert {k: home_log[k] for k in at_gate} == at_gate
    lines = [e for e in audit.entries(home, kind="undo")]
    assert [(e.station, e.operator) for e in lines] == [("north", "李师傅")]


def test_each_merged_file_is_one_audit_line_with_its_counts(home, tmp_path):
    gate = new_gate(home, tmp_path, "north")
    audit.set_actor(gate, "李师傅")
    becoming = audit.entries(gate, kind="station")
    assert [(e.station, e.changes) for e in becoming] == [
        ("north", (("station_role", "home", "gate"), ("station", home.station, "north")))]
    made = audit.entries(gate, kind="sync_import")
    assert len(made) == 1 and ("added.bags", None, len(bag_codes(home, live=False))) in made[0].changes
    for code in bag_codes(home)[:2]:
        scan(gate, code, record="pickup", operator="李师傅")
    audit.set_actor(home, "王主任")
    path = exported(gate, tmp_path)
    import_exchange(home, path)
    line, = [e for e in audit.entries(home, kind="sync_import") if e.station == home.station]
    assert line.operator == "王主任" and line.station == home.station and "north" in line.summary
    assert ("added.handoffs", None, 2) in line.changes
    import_exchange(home, path)  # the same file again: nothing new, no line
    assert [e.station for e in audit.entries(home, kind="sync_import")] == [home.station, "north"]


def test_the_committees_note_on_a_double_handoff_is_audited(home, tmp_path):
    gate = new_gate(home, tmp_path, "north")
    code = bag_codes(home)[0]
    scan(home, code, record="pickup", operator="张")
    scan(gate, code, record="pickup", operator="李师傅")
    carry(gate, home, tmp_path)
    with pytest.raises(BadInput):
        resolve_conflict(home, code, "   ", operator="王主任")
    assert audit.entries(home, kind="conflict_note") == []
    resolve_conflict(home, code, "邻居代领，已核实", operator="王主任")
    line, = audit.entries(home, kind="conflict_note")
    assert line.operator == "王主任" and line.household_id is not None
    assert ("note", None, "邻居代领，已核实") in line.changes and ("covers", None, 2) in line.changes


def test_undoing_at_a_gate_a_handoff_from_the_lobby_needs_the_lobbys_committee(home, tmp_path):
    code = bag_codes(home)[0]
    scan(home, code, record="pickup", operator="张")
    gate = new_gate(home, tmp_path, "north")
    assert undo_needs_committee(gate, code)  # recorded at another station
    with pytest.raises(BadInput) as refused:
        check_committee(gate, "李师傅", "2468")  # a guard is not the committee
    assert refused.value.code == "operator_not_committee"
    approver = check_committee(gate, "王主任", "13579")  # the lobby's committee member, at the gate
    undone = undo_last_handoff(gate, code, "扫错了户", operator="李师傅", approved_by=approver.name)
    assert undone.reversal.station == "north"
    # The gate's own handoff, just now, needs nobody.
    own = bag_codes(home)[1]
    scan(gate, own, record="pickup", operator="李师傅")
    assert not undo_needs_committee(gate, own)


def test_the_lobbys_file_carries_the_pin_hashes_and_only_its_owner_reads_it(home, tmp_path):
    import os
    import sqlite3
    import stat

    path = exported(home, tmp_path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with sqlite3.connect(path) as raw:
        carried = raw.execute("SELECT name, length(pin_hash), length(pin_salt) FROM operator ORDER BY name").fetchall()
        columns = {row[1] for row in raw.execute("PRAGMA table_info(operator)")}
    assert carried == [("李师傅", 32, 16), ("王主任", 32, 16)]
    assert {"failed_tries", "wait_until"}.isdisjoint(columns)  # a station's own count stays home


def test_on_the_command_line_a_gate_refuses_needs_and_operators_in_a_sentence(home, tmp_path, capsys):
    from desktop.cli.main import main

    gate = new_gate(home, tmp_path, "north")
    db = str(gate.path)
    gate.close()
    before = rows_of(connect(db))
    for args in (["needs", "add", "--address", "12-301", "--what", "胰岛素", "--urgency", "high"],
                 ["operators", "add", "门岗新人", "--role", "guard", "--pin", "1234"]):
        assert main(["--lang", "en", "--db", db, *args]) == 2
        err = capsys.readouterr().err
        assert "lobby station" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert rows_of(connect(db)) == before


def test_the_merge_reminders_hours_are_a_setting_in_the_log(home, tmp_path):
    from desktop.stations.status import set_reminder_hours

    gate = new_gate(home, tmp_path, "north")
    audit.set_actor(gate, "李师傅")
    before = audit.entries(gate)
    with pytest.raises(BadInput):
        set_reminder_hours(gate, "0")
    assert audit.entries(gate) == before
    set_reminder_hours(gate, 8)
    line = audit.entries(gate, kind="setting")[0]
    assert line.operator == "李师傅" and line.changes == (("stations.reminder_hours", 4, 8),)
