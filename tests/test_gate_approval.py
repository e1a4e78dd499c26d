"""Reversing a handoff recorded at another station, or more than 30 minutes ago, needs a committee
member where people sign in: for an undo (Ctrl+Z) and for a guard's decision (F6) alike, in the
service, so the window and the command line meet the same rule."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop import audit
from desktop.cli.main import main
from desktop.errors import BadInput
from desktop.gate import (
    decide,
    decision_needs_committee,
    scan,
    undo_last_handoff,
    undo_needs_committee,
)
from desktop.people.operators import add_operator
from desktop.words import describe
from tests.bag_scenes import rows_of
from tests.station_scenes import bag_codes, lobby, new_gate

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def home(tmp_path):
    conn = lobby(tmp_path)
    add_operator(conn, "王主任", "committee", "13579")
    add_operator(conn, "李师傅", "guard", "2468")
    yield conn
    conn.close()


def test_a_decision_reversing_another_stations_handoff_waits_for_a_committee_member(home):
    code = bag_codes(home)[0]
    scan(home, code, record="pickup", operator="张", station="lobby", at=stamp(T0))
    later = stamp(T0 + timedelta(minutes=5))
    assert decision_needs_committee(home, code, station="north", now=T0 + timedelta(minutes=5))
    before = rows_of(home)
    with pytest.raises(BadInput) as refused:
        decide(home, code, "door", "其实送上门了", operator="李师傅", station="north", at=later)
    assert refused.value.code == "gate_decision_needs_committee"
    assert "recorded at another station (lobby)" in describe(refused.value, "en")
    assert "committee member must approve" in describe(refused.value, "en")
    assert "其他站点（lobby）" in describe(refused.value, "zh") and "居委会成员批准" in describe(refused.value, "zh")
    with pytest.raises(BadInput) as not_committee:
        decide(home, code, "door", "其实送上门了", operator="李师傅", station="north", at=later,
               approved_by="李师傅")
    assert not_committee.value.code == "gate_approver_not_committee"
    assert rows_of(home) == before
    made = decide(home, code, "door", "其实送上门了", operator="李师傅", station="north", at=later,
                  approved_by="王主任")
    assert made.undone is not None and made.undone.station == "lobby"
    assert made.result.last_handoff.action == "door"
    line, = audit.entries(home, kind="gate_decision")
    assert line.operator == "李师傅" and "王主任" in line.summary


def test_at_its_own_station_a_decision_needs_nobody_for_30_minutes_then_the_committee(home):
    first, second = bag_codes(home)[:2]
    for code in (first, second):
        scan(home, code, record="gate", operator="李师傅", station="north", at=stamp(T0))
    soon = T0 + timedelta(minutes=29)
    assert not decision_needs_committee(home, first, station="north", now=soon)
    decide(home, first, "pickup", "住户来取了", operator="李师傅", station="north", at=stamp(soon))
    late = T0 + timedelta(minutes=31)
    assert decision_needs_committee(home, second, station="north", now=late)
    with pytest.raises(BadInput) as refused:
        decide(home, second, "pickup", "住户来取了", operator="李师傅", station="north", at=stamp(late))
    assert refused.value.code == "gate_decision_needs_committee_late"
    assert "over 30 minutes ago" in describe(refused.value, "en")
    assert "超过 30 分钟" in describe(refused.value, "zh")
    # A bag nobody recorded yet needs nobody.
    third = bag_codes(home)[2]
    assert not decision_needs_committee(home, third, station="north", now=late)
    decide(home, third, "door", "送上门了", operator="李师傅", station="north", at=stamp(late))


def test_an_undo_is_held_to_the_same_rule_in_the_service(home):
    code = bag_codes(home)[0]
    scan(home, code, record="pickup", operator="张", station="lobby", at=stamp(T0))
    assert undo_needs_committee(home, code, station="north", now=T0)
    before = rows_of(home)
    with pytest.raises(BadInput) as refused:
        undo_last_handoff(home, code, "扫错了", operator="李师傅", station="north", at=stamp(T0))
    assert refused.value.code == "gate_undo_needs_committee"
    assert rows_of(home) == before
    undone = undo_last_handoff(home, code, "扫错了", operator="李师傅", station="north", at=stamp(T0),
                               approved_by="王主任")
    assert undone.undone.station == "lobby"


def test_where_nobody_signs_in_no_approval_is_asked(tmp_path):
    conn = lobby(tmp_path)
    code = bag_codes(conn)[0]
    scan(conn, code, record="pickup", operator="张", station="lobby", at=stamp(T0))
    made = decide(conn, code, "door", "其实送上门了", operator="李", station="north",
                  at=stamp(T0 + timedelta(hours=2)))
    assert made.undone is not None


def test_at_a_gate_the_lobbys_committee_approves_reversing_the_lobbys_handoff(home, tmp_path):
    code = bag_codes(home)[0]
    scan(home, code, record="pickup", operator="张")
    gate = new_gate(home, tmp_path, "north")
    assert decision_needs_committee(gate, code)
    with pytest.raises(BadInput):
        decide(gate, code, "door", "其实送上门了", operator="李师傅")
    made = decide(gate, code, "door", "其实送上门了", operator="李师傅", approved_by="王主任")
    assert made.result.last_handoff.station == "north"


def test_the_command_line_names_the_approver(home, tmp_path, capsys):
    code = bag_codes(home)[0]
    scan(home, code, record="pickup", operator="张", station="lobby")
    db = str(Path(home.path))
    home.close()
    decide_args = ["--db", db, "handoffs", "decide", code, "--record", "door", "--reason", "送上门了",
                   "--station", "north", "--operator", "李师傅"]
    assert main(["--lang", "en", *decide_args]) == 2
    assert "committee member must approve" in capsys.readouterr().err
    assert main(["--lang", "zh_CN", *decide_args, "--approved-by", "李师傅"]) == 2
    assert "不是在任的居委会成员" in capsys.readouterr().err
    assert main(["--lang", "en", *decide_args, "--approved-by", "王主任", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["undone"]["action"] == "pickup" and out["recorded"]["action"] == "door"
    undo_args = ["--db", db, "handoffs", "undo", code, "--reason", "按错了", "--station", "lobby"]
    assert main(["--lang", "en", *undo_args]) == 2
    assert "approve undoing" in capsys.readouterr().err
    assert main(["--lang", "en", *undo_args, "--approved-by", "王主任"]) == 0
