"""Operators, PINs and the audit log, without a window: who may sign in, what a wrong PIN costs,
and every change leaving its line — who, where, when, what, before and after."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta

import pytest

from desktop import audit
from desktop.bags.bags import make_bags
from desktop.buys.group_buys import change_status
from desktop.buys.payments import record_payment
from desktop.cli.main import main
from desktop.db import connect
from desktop.errors import BadInput, DatabaseUnusable
from desktop.gate import custody, scan, undo_last_handoff
from desktop.people import operators
from desktop.roster.households import HouseholdFields, find_household, update_household
from desktop.words import describe
from tests.bag_scenes import compound, everyday_buy


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def conn(tmp_path):
    connection = compound(tmp_path)
    yield connection
    connection.close()


def counts(conn) -> tuple[int, int]:
    return (conn.execute("SELECT count(*) FROM operator").fetchone()[0],
            conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0])


# ---- operators --------------------------------------------------------------------------------


def test_an_operator_keeps_only_a_salted_hash_of_the_pin(conn):
    operators.add_operator(conn, "王主任", "committee", "2580")
    operators.add_operator(conn, "小李", "volunteer", "2580")
    rows = conn.execute("SELECT name, pin_salt, pin_hash FROM operator ORDER BY id").fetchall()
    assert all(b"2580" not in bytes(row["pin_hash"]) for row in rows)
    assert rows[0]["pin_salt"] != rows[1]["pin_salt"]
    assert rows[0]["pin_hash"] != rows[1]["pin_hash"]  # the same PIN, salted apart
    assert operators.sign_in(conn, "王主任", "2580").role == "committee"
    assert operators.sign_in(conn, "小李", "２５８０").role == "volunteer"  # full-width digits


@pytest.mark.parametrize("name, role, pin, code", [
    ("老张", "guard", "123", "operator_pin_invalid"),
    ("老张", "guard", "123456789", "operator_pin_invalid"),
    ("老张", "guard", "12a4", "operator_pin_invalid"),
    ("王主任", "guard", "1234", "operator_name_taken"),
    ("王主任".upper(), "guard", "1234", "operator_name_taken"),
    ("  ", "guard", "1234", "operator_name_empty"),
    ("老张", "boss", "1234", "operator_role_invalid"),
])
def test_bad_operator_input_is_one_sentence_and_changes_nothing(conn, name, role, pin, code):
    operators.add_operator(conn, "王主任", "committee", "2580")
    before = counts(conn)
    with pytest.raises(BadInput) as refused:
        operators.add_operator(conn, name, role, pin)
    assert refused.value.code == code
    assert "\n" not in describe(refused.value, "zh") and describe(refused.value, "en").endswith(".")
    assert counts(conn) == before


def test_the_last_committee_operator_cannot_be_disabled(conn):
    operators.add_operator(conn, "王主任", "committee", "2580")
    operators.add_operator(conn, "老张", "guard", "2468")
    before = counts(conn)
    with pytest.raises(BadInput) as refused:
        operators.disable_operator(conn, "王主任")
    assert refused.value.code == "operator_last_committee"
    assert counts(conn) == before
    operators.add_operator(conn, "赵委员", "committee", "1111")
    assert operators.disable_operator(conn, "王主任").active is False
    with pytest.raises(BadInput, match="sign in"):
        operators.sign_in(conn, "王主任", "2580")


def test_five_wrong_pins_make_the_next_tries_wait_doubling_even_after_a_restart(tmp_path):
    conn = connect(tmp_path / "c.sqlite")
    operators.add_operator(conn, "老张", "guard", "2468")
    now = datetime(2026, 4, 12, 8, 0, tzinfo=UTC)
    for left in (4, 3, 2, 1):
        with pytest.raises(BadInput) as wrong:
            operators.sign_in(conn, "老张", "0000", now=now)
        assert wrong.value.code == "operator_pin_wrong" and wrong.value.data["left"] == left
    with pytest.raises(BadInput) as fifth:
        operators.sign_in(conn, "老张", "0000", now=now)
    assert fifth.value.code == "operator_pin_wrong_wait" and fifth.value.data["seconds"] == 30
    conn.close()

    conn = connect(tmp_path / "c.sqlite")  # the window closed and opened again: still waiting
    with pytest.raises(BadInput) as waiting:
        operators.sign_in(conn, "老张", "2468", now=now + timedelta(seconds=10))
    assert waiting.value.code == "operator_wait" and waiting.value.data["seconds"] == 20
    assert "20 seconds" in describe(waiting.value, "en") and "20 秒" in describe(waiting.value, "zh")
    with pytest.raises(BadInput) as sixth:
        operators.sign_in(conn, "老张", "1111", now=now + timedelta(seconds=31))
    assert sixth.value.data["seconds"] == 60  # doubled
    later = now + timedelta(seconds=31 + 61)
    assert operators.sign_in(conn, "老张", "2468", now=later).name == "老张"
    with pytest.raises(BadInput) as forgiven:  # a right PIN forgives the wrong ones before it
        operators.sign_in(conn, "老张", "0000", now=later)
    assert forgiven.value.data["left"] == 4
    conn.close()


def test_a_new_pin_forgives_the_wait(conn):
    operators.add_operator(conn, "老张", "guard", "2468")
    operators.add_operator(conn, "王主任", "committee", "2580")
    for _ in range(5):
        with pytest.raises(BadInput):
            operators.sign_in(conn, "老张", "0000")
    operators.reset_pin(conn, "老张", "97531")
    assert operators.sign_in(conn, "老张", "97531").role == "guard"
    with pytest.raises(BadInput, match="not on the committee"):
        operators.check_committee(conn, "老张", "97531")
    assert operators.check_committee(conn, "王主任", "2580").name == "王主任"


def test_the_first_committee_operator_only_while_there_is_none(conn):
    assert not operators.has_operators(conn)
    assert operators.add_first_committee(conn, "王主任", "2580").role == "committee"
    with pytest.raises(BadInput) as refused:
        operators.add_first_committee(conn, "小李", "1357")
    assert refused.value.code == "operator_first_exists"


# ---- the audit log ----------------------------------------------------------------------------


def test_a_roster_edit_records_who_where_and_the_phone_before_and_after(conn):
    audit.set_actor(conn, "小李")
    household = find_household(conn, "12-301")
    update_household(conn, household.id, HouseholdFields(
        address="12-301", name=household.name, phone="13900000009", delivery=household.delivery))
    (entry,) = audit.entries(conn, kind="roster_edit")
    assert (entry.operator, entry.station, entry.address) == ("小李", conn.station, "12-301")
    assert entry.changes == (("phone", "13800000001", "13900000009"),)
    assert entry.at.endswith("Z")


def test_a_refused_change_leaves_no_audit_line(conn):
    household = find_household(conn, "12-301")
    before = counts(conn)
    with pytest.raises(BadInput):
        update_household(conn, household.id, HouseholdFields(address="3-101", name="x"))
    assert counts(conn) == before


def test_the_audit_log_is_never_changed_nor_deleted(conn):
    operators.add_operator(conn, "王主任", "committee", "2580")
    kept = [tuple(e.as_json().values()) for e in audit.entries(conn)]
    with pytest.raises(DatabaseUnusable):
        conn.execute("UPDATE audit_entry SET operator = 'someone else'")
    with pytest.raises(DatabaseUnusable):
        conn.execute("DELETE FROM audit_entry")
    assert [tuple(e.as_json().values()) for e in audit.entries(conn)] == kept


def test_money_status_bags_handoffs_and_undo_each_leave_their_line(conn):
    audit.set_actor(conn, "小李")
    buy = everyday_buy(conn)
    order_id = conn.execute("SELECT id FROM buy_order WHERE group_buy_id = ? ORDER BY id", (buy,)).fetchone()[0]
    record_payment(conn, order_id, 2500, "wechat")
    bags = make_bags(conn, buy)
    code = bags.bags[0].code
    audit.set_actor(conn, "")
    scan(conn, code, record="pickup", operator="保安老张")
    undo_last_handoff(conn, code, "scanned the wrong bag", operator="保安老张", approved_by="王主任")
    kinds = [e.kind for e in audit.entries(conn)]
    for kind in ("buy_created", "order", "arrival", "buy_status", "payment", "bags_made", "handoff", "undo"):
        assert kind in kinds, kind
    payment = audit.entries(conn, kind="payment")[0]
    assert payment.operator == "小李" and ("amount_fen", None, 2500) in payment.changes
    handoff, = audit.entries(conn, kind="handoff")
    assert handoff.operator == "保安老张" and handoff.address == bags.bags[0].address
    undo, = audit.entries(conn, kind="undo")
    assert "王主任" in undo.summary and undo.changes == (("action", "pickup", "reversal"),)
    status = audit.entries(conn, kind="buy_status")
    assert ("status", "arrived", "bagged") in [c for e in status for c in e.changes]
    with pytest.raises(BadInput):
        change_status(conn, buy, "open")
    assert len(audit.entries(conn, kind="buy_status")) == len(status)


def test_an_undo_needs_the_committee_when_old_or_from_another_station(conn):
    buy = everyday_buy(conn)
    code = make_bags(conn, buy).bags[0].code
    assert not custody.undo_needs_committee(conn, code)  # nothing recorded yet
    scan(conn, code, record="pickup", operator="保安老张")
    assert not custody.undo_needs_committee(conn, code)
    assert custody.undo_needs_committee(conn, code, station="north gate")
    assert custody.undo_needs_committee(conn, code, now=datetime.now(UTC) + timedelta(minutes=31))


# ---- the command line -------------------------------------------------------------------------


def test_operators_on_the_command_line_never_print_a_pin(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    assert run(capsys, "--db", db, "operators", "add", "王主任", "--role", "committee", "--pin", "258036")[0] == 0
    code, out, err = run(capsys, "--db", db, "operators", "add", "小李", "--role", "volunteer", "--pin", "12")
    assert code == 2 and "4 to 8 digits" in err and out == ""
    code, out, _ = run(capsys, "--db", db, "operators", "list", "--json")
    assert json.loads(out) == {"operators": [{"name": "王主任", "role": "committee", "active": True}]}
    assert run(capsys, "--db", db, "operators", "reset-pin", "王主任", "--pin", "147036")[0] == 0
    code, _, err = run(capsys, "--db", db, "operators", "disable", "王主任")
    assert code == 2 and "last committee operator" in err
    code, out, _ = run(capsys, "--db", db, "audit", "list", "--json")
    assert "258036" not in out and "147036" not in out
    assert [e["kind"] for e in json.loads(out)["entries"]] == ["operator", "operator"]


def test_the_operator_a_command_names_is_in_the_audit_log(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    compound(tmp_path).close()
    roster = tmp_path / "roster.csv"
    roster.write_text("address,name,phone\n12-301,=HYPERLINK(\"x\"),13800000009\n", encoding="utf-8")
    assert run(capsys, "--db", db, "roster", "import", roster, "--operator", "小李")[0] == 0
    code, out, _ = run(capsys, "--db", db, "audit", "list", "--household", "12-301", "--json")
    entry, added = json.loads(out)["entries"]  # newest first: the import, then the household added
    assert added["kind"] == "household_added"
    assert set(entry) == {"id", "at", "operator", "station", "kind", "household", "summary", "changes"}
    assert (entry["operator"], entry["kind"], entry["household"]) == ("小李", "roster_import", "12-301")
    assert {"field": "phone", "old": "13800000001", "new": "13800000009"} in entry["changes"]
    today = datetime.now().date().isoformat()
    by = run(capsys, "--db", db, "audit", "list", "--operator", "小李", "--date", today, "--json")[1]
    assert len(json.loads(by)["entries"]) == 2  # the household's line and the import's
    assert json.loads(run(capsys, "--db", db, "audit", "list", "--operator", "nobody", "--json")[1]) == {"entries": []}
    code, _, err = run(capsys, "--db", db, "audit", "list", "--date", "yesterday", "--json")
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, err = run(capsys, "--db", db, "audit", "list", "--household", "99-999", "--json")
    assert code == 2 and "99-999" in err

    out_file = tmp_path / "audit.csv"
    assert run(capsys, "--db", db, "audit", "export", out_file)[0] == 0
    rows = list(csv.DictReader(out_file.read_text(encoding="utf-8-sig").splitlines()))
    name_row = next(r for r in rows if r["field"] == "name" and r["kind"] == "roster_import")
    assert name_row["new"].startswith("'=")  # a spreadsheet shows it, never runs it
    assert name_row["operator"] == "小李"


def test_a_restore_is_recorded_in_the_restored_file(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    compound(tmp_path).close()
    backup = json.loads(run(capsys, "--db", db, "backup", "--to", tmp_path / "b", "--json")[1])["path"]
    assert run(capsys, "--db", db, "operators", "add", "王主任", "--role", "committee", "--pin", "2580")[0] == 0
    assert run(capsys, "--db", db, "restore", backup, "--operator", "王主任")[0] == 0
    entries = json.loads(run(capsys, "--db", db, "audit", "list", "--json")[1])["entries"]
    # The restored file: its own lines, the restore on top; the operator added after the backup is not in it.
    assert (entries[0]["kind"], entries[0]["operator"]) == ("restore", "王主任")
    assert [e["kind"] for e in entries[1:]] == ["household_added"] * 4


def test_a_change_reads_in_the_readers_language():
    assert audit.change_words("amount_fen", None, 2500, "zh") == "金额: — → ¥25.00"
    assert audit.change_words("status", "open", "arrived", "zh") == "状态: 接单中 → 已到货"
    assert audit.change_words("active", True, False, "en") == "active: yes → no"
    assert audit.change_words("phone", "13800000001", "", "en") == "phone: 13800000001 → —"
