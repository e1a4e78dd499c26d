"""The gate, as a guard meets it: a scan answers at once, a handoff is recorded once, a second
pickup is refused with who took the bag, where and when, and no bad code changes anything."""

import csv
import json
import threading
import time
from datetime import UTC, datetime, timedelta

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import gate
from desktop.bags import codes
from desktop.bags.bags import issue_household_codes, list_bags, make_bags
from desktop.buys.group_buys import cancel_buy
from desktop.cli import main as cli
from desktop.compound import code_keys
from desktop.db import connect
from desktop.db import gate as gate_rows
from desktop.errors import BadInput
from desktop.gate import custody, verdicts
from desktop.printing.language import set_print_language
from tests.bag_scenes import arrived, compound, everyday_buy, open_buy, order, rows_of

SCAN_KEYS = ["verdict", "code", "address", "bag", "last_handoff", "recorded", "waiting_bags",
             "urgent_needs"]


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def bagged(tmp_path):
    """Four neighbours with the weekend buy bagged: (conn, {address: [bags]})."""
    conn = compound(tmp_path)
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    yield conn, by_address(conn, buy)
    conn.close()


def by_address(conn, buy):
    found = {}
    for bag in list_bags(conn, buy):
        found.setdefault(bag.address, []).append(bag)
    return found


def handoffs(conn):
    return conn.execute("SELECT action, operator, station, proxy_name, reason FROM handoff "
                        "ORDER BY id").fetchall()


def forge(code: str) -> str:
    """This compound's format and identity, a signature it never made, a right check character."""
    body = code[:10] + ("0" if code[10] != "0" else "1") + code[11:19]
    return body + codes._check_char(body)


# ---- scanning and recording -------------------------------------------------------------------


def test_a_guard_scans_a_bag_it_may_go_and_scanning_it_again_says_who_took_it_where_and_when(bagged):
    conn, bags = bagged
    bag = bags["12-301"][0]
    first = gate.scan(conn, bag.code)
    assert (first.verdict, first.address, first.recorded) == ("ok", "12-301", False)
    assert (first.bag.index, first.bag.count, first.bag.storage, first.bag.buy) == (1, 3, "frozen", "周末冷冻团")
    assert handoffs(conn) == []  # a look records nothing

    taken = gate.scan(conn, bag.code, record="pickup", operator="保安老李", station="北门")
    assert taken.verdict == "ok" and taken.recorded and taken.tone == "go"
    assert (taken.last_handoff.action, taken.last_handoff.operator, taken.last_handoff.station) == (
        "pickup", "保安老李", "北门")

    again = gate.scan(conn, bag.code, record="pickup", operator="保安小赵", station="南门")
    assert again.verdict == "already_handed_over" and not again.recorded and again.tone == "stop"
    assert again.last_handoff == taken.last_handoff
    assert [tuple(r)[:3] for r in handoffs(conn)] == [("pickup", "保安老李", "北门")]


def test_a_code_is_read_in_any_form_a_person_types_it(bagged):
    conn, bags = bagged
    code = bags["3-101"][0].code
    typed = " ".join(codes.display_groups(code)).lower().replace("1", "l")
    answer = gate.scan(conn, typed)
    assert answer.verdict == "ok" and answer.code == code


def test_a_bag_at_the_gate_may_still_be_picked_up_but_a_picked_up_bag_is_not_delivered_too(bagged):
    conn, bags = bagged
    bag = bags["12-2-502"][0]
    at_gate = gate.scan(conn, bag.code, record="gate", operator="保安老李")
    assert at_gate.recorded and at_gate.tone == "look"
    looked = gate.scan(conn, bag.code)
    assert looked.verdict == "ok" and looked.at_gate
    assert gate.scan(conn, bag.code, record="door").recorded
    refused = gate.scan(conn, bag.code, record="pickup")
    assert refused.verdict == "already_handed_over" and refused.last_handoff.action == "door"
    assert gate.scan(conn, bag.code, record="gate").verdict == "already_handed_over"
    assert [r["action"] for r in handoffs(conn)] == ["gate", "door"]


def test_the_station_is_this_stations_name_unless_given(bagged):
    conn, bags = bagged
    answer = gate.scan(conn, bags["3-101"][0].code, record="pickup")
    assert answer.last_handoff.station == conn.station != ""


def test_two_stations_recording_the_same_bag_at_once_exactly_one_succeeds(tmp_path, monkeypatch):
    conn = compound(tmp_path)
    make_bags(conn, everyday_buy(conn))
    code = by_address(conn, 1)["3-101"][0].code
    conn.close()

    # The first station holds its transaction open between its check and its commit; the second
    # starts meanwhile and must wait, then see the first's handoff.
    inserted = threading.Event()
    real_insert = gate_rows.insert_event

    def slow_insert(connection, values, *, station):
        event_id = real_insert(connection, values, station=station)
        if station == "北门":
            inserted.set()
            time.sleep(0.3)
        return event_id

    monkeypatch.setattr(gate_rows, "insert_event", slow_insert)
    results = {}

    def station(name):
        c = connect(tmp_path / "c.sqlite")
        try:
            if name == "南门":
                assert inserted.wait(5)
            results[name] = gate.scan(c, code, record="pickup", station=name, operator=name)
        finally:
            c.close()

    threads = [threading.Thread(target=station, args=(n,)) for n in ("北门", "南门")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert results["北门"].recorded and results["北门"].verdict == "ok"
    assert results["南门"].verdict == "already_handed_over" and not results["南门"].recorded
    assert results["南门"].last_handoff.station == "北门"
    check = connect(tmp_path / "c.sqlite")
    assert check.execute("SELECT count(*) FROM handoff").fetchone()[0] == 1


def test_many_stations_racing_for_one_bag_record_it_once(tmp_path):
    conn = compound(tmp_path)
    make_bags(conn, everyday_buy(conn))
    code = by_address(conn, 1)["5-1202"][0].code
    conn.close()
    start = threading.Barrier(6)
    answers = []

    def station(number):
        c = connect(tmp_path / "c.sqlite")
        try:
            start.wait()
            answers.append(gate.scan(c, code, record="pickup", station=f"station {number}"))
        finally:
            c.close()

    threads = [threading.Thread(target=station, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(a.verdict for a in answers) == ["already_handed_over"] * 5 + ["ok"]
    assert sum(a.recorded for a in answers) == 1
    check = connect(tmp_path / "c.sqlite")
    assert check.execute("SELECT count(*) FROM handoff").fetchone()[0] == 1


def test_forged_mangled_foreign_void_unknown_and_invalid_codes_neither_raise_nor_record(tmp_path):
    conn = compound(tmp_path)
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    genuine = by_address(conn, buy)["12-301"][0].code
    # A buy bagged, then cancelled: its bags are void.
    rice = open_buy(conn, "大米团")
    order(conn, rice, "3-101", 东北大米=1)
    arrived(conn, rice)
    void_code = make_bags(conn, rice).bags[0].code
    cancel_buy(conn, rice, "商家拒单")
    other = connect(tmp_path / "other.sqlite")
    foreign = codes.make_code(code_keys(other), "bag", 1)
    other.close()
    keys = code_keys(conn)
    mangled = genuine[:7] + ("X" if genuine[7] != "X" else "Y") + genuine[8:]
    cases = {
        forge(genuine): "forged",
        mangled: "invalid",
        foreign: "other_compound",
        void_code: "void",
        codes.make_code(keys, "bag", 4242): "unknown",
        codes.make_code(keys, "household", 77): "unknown",
        "hello": "invalid",
        "": "invalid",
        "'; DROP TABLE handoff; --": "invalid",
        "🙂" * 30: "invalid",
        "Ｂ" * 20: "invalid",
        "x" * 10_000: "invalid",
    }
    before = rows_of(conn)
    for text, verdict in cases.items():
        for record in (None, "pickup", "door", "gate"):
            answer = gate.scan(conn, text, record=record, operator="保安老李")
            assert answer.verdict == verdict, text
            assert not answer.recorded and answer.tone == "stop"
    after = rows_of(conn)
    watched = after.pop("refused_scan")
    before.pop("refused_scan")
    assert after == before
    # Only the refusals of text shaped like a code are written down, one row a scan.
    assert sorted({(row[4], row[5]) for row in watched}) == sorted([
        (forge(genuine), "forged"), (mangled, "invalid"), (foreign, "other_compound"),
        ("B" * 20, "invalid")])  # full-width Ｂ, read as B
    assert len(watched) == 4 * 4 and {row[3] for row in watched} == {"保安老李"}
    assert gate.scan(conn, mangled).mistyped
    assert gate.scan(conn, void_code).void_reason == "buy_cancelled"


def test_a_remade_bag_scans_void_and_says_so(bagged):
    conn, bags = bagged
    old = bags["12-301"][0]
    make_bags(conn, 1, 1)  # at most one item a bag: 12-301's bags are made again
    answer = gate.scan(conn, old.code, record="pickup")
    assert (answer.verdict, answer.void_reason, answer.recorded) == ("void", "remade", False)


# ---- household cards and proxies --------------------------------------------------------------


def test_a_card_lists_every_bag_waiting_for_its_household_over_all_buys(bagged):
    conn, bags = bagged
    second = open_buy(conn, "大米团")
    order(conn, second, "12-301", 东北大米=1)
    arrived(conn, second)
    make_bags(conn, second)
    household = bags["12-301"][0].household_id
    card = issue_household_codes(conn, [household])[household]
    gate.scan(conn, bags["12-301"][1].code, record="pickup")

    answer = gate.scan(conn, card.lower())
    assert answer.verdict == "household" and answer.address == "12-301" and answer.tone == "look"
    listed = [(w.buy, w.index, w.count) for w in answer.waiting_bags]
    assert sorted(listed) == sorted([("周末冷冻团", 1, 3), ("周末冷冻团", 3, 3), ("大米团", 1, 1)])
    assert answer.as_json()["waiting_bags"][0].keys() == {"code", "buy", "index", "count", "storage"}


def test_with_a_card_its_own_bags_are_ticked_off_and_a_bag_of_another_household_is_refused(bagged):
    conn, bags = bagged
    household = bags["12-301"][0].household_id
    card = issue_household_codes(conn, [household])[household]
    neighbour = gate.scan(conn, bags["3-101"][0].code, card=card, record="pickup")
    assert (neighbour.verdict, neighbour.recorded, neighbour.address) == ("wrong_household", False, "3-101")
    own = gate.scan(conn, bags["12-301"][0].code, card=card, record="pickup")
    assert own.verdict == "ok" and own.recorded
    left = gate.scan(conn, card)
    assert [w.index for w in left.waiting_bags] == [2, 3]
    assert [r["action"] for r in handoffs(conn)] == ["pickup"]


def test_a_code_that_is_not_a_card_cannot_be_checked_against(bagged):
    conn, bags = bagged
    with pytest.raises(BadInput) as refused:
        gate.scan(conn, bags["3-101"][0].code, card=bags["12-301"][0].code)
    assert refused.value.code == "gate_card_invalid"


def test_a_replaced_card_is_void(bagged):
    conn, bags = bagged
    from desktop.bags.bags import reissue_household_code

    household = bags["3-101"][0].household_id
    old = issue_household_codes(conn, [household])[household]
    new = reissue_household_code(conn, household)
    assert gate.scan(conn, old).verdict == "void"
    assert gate.scan(conn, old).void_reason == "card_replaced"
    assert gate.scan(conn, new).verdict == "household"


def test_a_neighbour_collecting_for_an_elderly_resident_is_noted_by_name(bagged):
    conn, bags = bagged
    answer = gate.scan(conn, bags["3-101"][0].code, record="pickup", operator="保安老李",
                       proxy_name="  邻居 小张 ")
    assert answer.last_handoff.proxy_name == "邻居 小张"
    assert handoffs(conn)[0]["proxy_name"] == "邻居 小张"


# ---- undo -------------------------------------------------------------------------------------


def test_undo_with_a_reason_appends_a_reversal_and_the_bag_waits_again(bagged):
    conn, bags = bagged
    code = bags["5-1202"][0].code
    gate.scan(conn, code, record="gate")
    gate.scan(conn, code, record="pickup", operator="保安老李")
    undone = gate.undo_last_handoff(conn, code, "拿错了袋子", operator="保安老李")
    assert undone.undone.action == "pickup" and undone.reversal.action == "reversal"
    rows = conn.execute("SELECT action, reverses_id, reason FROM handoff ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [("gate", None, ""), ("pickup", None, ""),
                                        ("reversal", 2, "拿错了袋子")]
    again = gate.scan(conn, code)
    assert again.verdict == "ok" and again.last_handoff.action == "gate"
    assert code in [w.code for w in gate.list_waiting(conn)]
    assert gate.scan(conn, code, record="pickup").recorded


def test_undo_needs_a_reason_and_something_to_undo_and_changes_nothing_otherwise(bagged):
    conn, bags = bagged
    code = bags["3-101"][0].code
    before = rows_of(conn)
    for reason in ("", "   ", None):
        with pytest.raises(BadInput) as refused:
            gate.undo_last_handoff(conn, code, reason)
        assert refused.value.code == "gate_undo_reason_empty"
    with pytest.raises(BadInput) as refused:
        gate.undo_last_handoff(conn, code, "mistake")
    assert refused.value.code == "gate_nothing_to_undo"
    with pytest.raises(BadInput) as refused:
        gate.undo_last_handoff(conn, forge(code), "mistake")
    assert refused.value.code == "gate_undo_not_a_bag"
    assert rows_of(conn) == before


# ---- waiting bags, the cold chain, door runs --------------------------------------------------


def test_waiting_bags_come_oldest_first_and_cold_ones_past_their_limit_are_flagged(bagged):
    conn, bags = bagged
    now = datetime.now(UTC)

    def ago(minutes):
        return (now - timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")

    frozen = bags["12-2-502"][0]
    chilled = bags["5-1202"][0]
    gate.scan(conn, frozen.code, record="gate", at=ago(100))
    gate.scan(conn, chilled.code, record="gate", at=ago(60))
    gate.scan(conn, bags["3-101"][0].code, record="pickup")
    waiting = gate.list_waiting(conn)
    assert [w.code for w in waiting[:2]] == [frozen.code, chilled.code]
    assert bags["3-101"][0].code not in [w.code for w in waiting]
    assert len(waiting) == sum(len(b) for b in bags.values()) - 1
    settings_ = gate.get_gate_settings(conn)
    assert settings_.overdue(waiting[0], now) and not settings_.overdue(waiting[1], now)
    settings_ = gate.save_gate_settings(conn, chilled_limit="45", frozen_limit=200)
    assert (settings_.frozen_limit, settings_.chilled_limit) == (200, 45)
    assert not settings_.overdue(waiting[0], now) and settings_.overdue(waiting[1], now)
    ambient = next(w for w in waiting if w.storage == "ambient")
    assert not settings_.overdue(ambient, now + timedelta(days=3))


def test_limits_are_whole_minutes_and_sealed_buildings_numbers(bagged):
    conn, _ = bagged
    for bad in ("0", "-3", "1.5", "abc", "100000"):
        with pytest.raises(BadInput) as refused:
            gate.save_gate_settings(conn, frozen_limit=bad)
        assert refused.value.code == "gate_limit_invalid"
    with pytest.raises(BadInput):
        gate.save_gate_settings(conn, sealed_buildings="3, x")
    assert gate.save_gate_settings(conn, sealed_buildings="5号楼，12 3").sealed_buildings == (3, 5, 12)
    assert gate.set_building_sealed(conn, 5, False).sealed_buildings == (3, 12)
    assert gate.save_gate_settings(conn, sealed_buildings="").sealed_buildings == ()


def test_a_door_run_holds_door_delivery_households_and_sealed_buildings(bagged, tmp_path):
    conn, bags = bagged
    assert [s.address for s in gate.door_run(conn)] == ["12-2-502"]
    gate.set_building_sealed(conn, 5)
    stops = gate.door_run(conn)
    assert [(s.address, s.reason) for s in stops] == [("5-1202", "sealed"), ("12-2-502", "door")]
    gate.scan(conn, bags["5-1202"][0].code, record="door")
    assert [len(s.bags) for s in gate.door_run(conn, building=5)] == [1]

    from desktop.printing.door_run import write_door_run

    pdf = tmp_path / "run.pdf"
    assert write_door_run(conn, pdf) == 2  # a page per building
    document = pdfium.PdfDocument(str(pdf))
    text = "".join(document[n].get_textpage().get_text_range() for n in range(len(document)))
    assert "12-2-502" in text and "5-1202" in text and "周末冷冻团" in text
    gate.scan(conn, bags["5-1202"][1].code, record="door")
    gate.set_building_sealed(conn, 5, False)
    gate.scan(conn, bags["12-2-502"][0].code, record="door")
    gate.scan(conn, bags["12-2-502"][1].code, record="door")
    with pytest.raises(BadInput) as refused:
        write_door_run(conn, tmp_path / "empty.pdf")
    assert refused.value.code == "door_run_empty"


# ---- the command line -------------------------------------------------------------------------


def test_scan_prints_the_exact_json_shape(bagged, capsys):
    conn, bags = bagged
    db = conn.path
    code = bags["12-301"][0].code
    status, out, _ = run(capsys, "--db", db, "scan", code, "--json")
    answer = json.loads(out)
    assert status == 0 and list(answer) == SCAN_KEYS
    assert answer == {"verdict": "ok", "code": code, "address": "12-301",
                      "bag": {"index": 1, "count": 3, "buy": "周末冷冻团", "storage": "frozen"},
                      "last_handoff": None, "recorded": False, "waiting_bags": [
                          {"code": bags["12-301"][1].code, "buy": "周末冷冻团", "index": 2, "count": 3,
                           "storage": bags["12-301"][1].storage},
                          {"code": bags["12-301"][2].code, "buy": "周末冷冻团", "index": 3, "count": 3,
                           "storage": bags["12-301"][2].storage}], "urgent_needs": []}
    status, out, _ = run(capsys, "--db", db, "scan", code, "--record", "pickup", "--operator",
                         "保安老李", "--station", "北门", "--json")
    answer = json.loads(out)
    assert answer["recorded"] is True and list(answer["last_handoff"]) == ["action", "at", "operator", "station"]
    assert answer["last_handoff"]["operator"] == "保安老李" and answer["last_handoff"]["at"].endswith("Z")
    status, out, _ = run(capsys, "--db", db, "scan", code, "--record", "pickup", "--json")
    assert status == 0 and json.loads(out)["verdict"] == "already_handed_over"
    status, out, _ = run(capsys, "--db", db, "scan", "not a code at all", "--json")
    assert status == 0 and json.loads(out) == {
        "verdict": "invalid", "code": "N0TAC0DEATA11", "address": None,
        "bag": None, "last_handoff": None, "recorded": False, "waiting_bags": [],
        "urgent_needs": []}


def test_scan_words_its_answer_for_people_in_their_language(bagged, capsys):
    conn, bags = bagged
    code = bags["12-301"][0].code
    run(capsys, "--db", conn.path, "scan", code, "--record", "pickup", "--operator", "保安老李",
        "--station", "北门")
    status, out, _ = run(capsys, "--db", conn.path, "--lang", "en", "scan", code)
    assert status == 0 and "already handed over" in out and "保安老李" in out and "北门" in out
    status, out, _ = run(capsys, "--db", conn.path, "--lang", "zh_CN", "scan", code)
    assert "已交付过" in out and "第 1/3 袋" in out and "冷冻" in out
    status, out, _ = run(capsys, "--db", conn.path, "--lang", "en", "scan", forge(code))
    assert status == 0 and "forged" in out


def test_scan_with_a_card_on_the_command_line(bagged, capsys):
    conn, bags = bagged
    household = bags["12-301"][0].household_id
    card = issue_household_codes(conn, [household])[household]
    status, out, _ = run(capsys, "--db", conn.path, "scan", card, "--json")
    assert json.loads(out)["verdict"] == "household" and len(json.loads(out)["waiting_bags"]) == 3
    status, out, _ = run(capsys, "--db", conn.path, "scan", bags["3-101"][0].code, "--for", card,
                         "--record", "pickup", "--json")
    assert (json.loads(out)["verdict"], json.loads(out)["recorded"]) == ("wrong_household", False)
    status, out, err = run(capsys, "--db", conn.path, "scan", bags["3-101"][0].code, "--for", "nope")
    assert status == 2 and "not a household card" in err and out == ""


def test_scan_of_a_missing_database_is_exit_2_and_creates_nothing(tmp_path, capsys):
    for argv in (["scan", "BAQV000001YTMVXCRF59"], ["handoffs", "export", tmp_path / "h.csv"]):
        status, out, err = run(capsys, "--db", tmp_path / "none.sqlite", *argv)
        assert status == 2 and out == "" and "none.sqlite" in err
    assert list(tmp_path.iterdir()) == []


def test_handoffs_export_writes_every_custody_event_as_csv_with_a_bom(bagged, capsys, tmp_path):
    conn, bags = bagged
    code = bags["3-101"][0].code
    gate.scan(conn, code, record="gate", operator="保安老李", station="北门")
    gate.scan(conn, code, record="pickup", operator="保安老李", station="北门", proxy_name="邻居小张")
    gate.undo_last_handoff(conn, code, "拿错了", operator="保安小赵", station="南门")
    out_file = tmp_path / "handoffs.csv"
    status, out, _ = run(capsys, "--db", conn.path, "handoffs", "export", out_file)
    assert status == 0 and "3" in out
    data = out_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert table[0][:6] == ["code", "address", "action", "at", "operator", "station"]
    assert table[0][6:8] == ["proxy", "reason"]
    assert [row[2] for row in table[1:]] == ["gate", "pickup", "reversal"]
    assert table[2][:3] == [code, "3-101", "pickup"] and table[2][4:7] == ["保安老李", "北门", "邻居小张"]
    assert table[3][7:] == ["拿错了", "pickup"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_handoffs_undo_and_gate_settings_on_the_command_line(bagged, capsys):
    conn, bags = bagged
    code = bags["3-101"][0].code
    run(capsys, "--db", conn.path, "scan", code, "--record", "pickup")
    status, _, err = run(capsys, "--db", conn.path, "handoffs", "undo", code, "--reason", " ")
    assert status == 2 and "reason" in err
    status, out, _ = run(capsys, "--db", conn.path, "handoffs", "undo", code, "--reason", "错了",
                         "--json")
    assert status == 0 and json.loads(out)["undone"]["action"] == "pickup"
    status, out, _ = run(capsys, "--db", conn.path, "gate", "settings", "--frozen-limit", "30",
                         "--seal", "12", "--json")
    assert json.loads(out) == {"frozen_limit_minutes": 30, "chilled_limit_minutes": 120,
                               "sealed_buildings": [12]}
    status, out, _ = run(capsys, "--db", conn.path, "gate", "waiting", "--json")
    waiting = json.loads(out)["bags"]
    assert status == 0 and code in [b["code"] for b in waiting]


# ---- any text at all --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_compound(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-gate")
    conn = compound(folder)
    buy = everyday_buy(conn)
    bags = make_bags(conn, buy).bags
    household = bags[0].household_id
    card = issue_household_codes(conn, [household])[household]
    yield conn, [b.code for b in bags], card
    conn.close()


def code_like(genuine: list[str]):
    """Text near real codes: real ones with a character changed, cut, doubled or spaced."""
    alphabet = codes.ALPHABET + "OILU -_ｂ０"

    def mutate(code, position, char, cut):
        changed = code[:position] + char + code[position + 1:]
        return changed[:cut]

    return st.builds(mutate, st.sampled_from(genuine), st.integers(0, 19),
                     st.sampled_from(alphabet), st.integers(0, 25))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_text_scanned_gets_one_of_the_verdicts_and_records_only_when_ok(fuzz_compound, data):
    conn, genuine, card = fuzz_compound
    text = data.draw(st.one_of(st.text(max_size=60), code_like(genuine), st.sampled_from(genuine)))
    record = data.draw(st.sampled_from([None, "pickup", "door", "gate"]))
    with_card = data.draw(st.booleans())
    before = conn.execute("SELECT count(*) FROM handoff").fetchone()[0]
    watched = conn.execute("SELECT count(*) FROM refused_scan").fetchone()[0]
    answer = gate.scan(conn, text, record=record, card=card if with_card else None)
    after = conn.execute("SELECT count(*) FROM handoff").fetchone()[0]
    noted = conn.execute("SELECT count(*) FROM refused_scan").fetchone()[0] - watched
    assert noted == (1 if answer.verdict in gate.WATCHED and codes.shaped_like_code(text) else 0)
    assert answer.verdict in gate.VERDICTS
    assert after == before + (1 if answer.recorded else 0)
    assert answer.recorded == (answer.verdict == "ok" and record is not None)
    assert list(answer.as_json()) == SCAN_KEYS
    json.dumps(answer.as_json())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=40), record=st.sampled_from([[], ["--record", "pickup"]]))
def test_scan_on_the_command_line_answers_any_text_with_exit_0_and_one_json_object(
        fuzz_compound, capsys, monkeypatch, text, record):
    conn, _, _ = fuzz_compound
    # After `--`, text that looks like an option is still the code.
    status, out, err = run(capsys, "--db", conn.path, "scan", "--json", *record, "--", text)
    assert status == 0, err
    answer = json.loads(out)
    assert list(answer) == SCAN_KEYS and answer["verdict"] in gate.VERDICTS


# ---- a guard's decision about one bag ---------------------------------------------------------


def test_a_bag_recorded_picked_up_that_went_to_the_door_is_corrected_with_one_reason(bagged):
    conn, bags = bagged
    code = bags["3-101"][0].code
    gate.scan(conn, code, record="pickup", operator="老李")
    decision = gate.decide(conn, code, "door", "  sealed   building ", operator="老李")
    assert decision.undone.action == "pickup" and decision.reason == "sealed building"
    assert decision.result.recorded and decision.result.last_handoff.action == "door"
    assert [tuple(r) for r in handoffs(conn)] == [
        ("pickup", "老李", conn.station, "", ""), ("reversal", "老李", conn.station, "", "sealed building"),
        ("door", "老李", conn.station, "", "sealed building")]
    assert gate.scan(conn, code).verdict == "already_handed_over"
    first, *others = bags["12-301"]
    gate.scan(conn, first.code, record="door")
    corrected = gate.decide(conn, first.code, "pickup", "collected at the gate after all").result
    assert {w.code for w in corrected.waiting_bags} == {b.code for b in others}  # still told


def test_a_decision_needs_a_reason_a_live_bag_and_a_change_and_records_nothing_otherwise(bagged):
    conn, bags = bagged
    code = bags["3-101"][0].code
    with pytest.raises(BadInput) as empty:
        gate.decide(conn, code, "door", "  ")
    assert empty.value.code == "gate_decision_reason_empty"
    gate.scan(conn, code, record="door")
    with pytest.raises(BadInput) as same:
        gate.decide(conn, code, "door", "again")
    assert same.value.code == "gate_decision_same"
    with pytest.raises(BadInput) as action:
        gate.decide(conn, code, "spoiled", "why")
    assert action.value.code == "gate_action_invalid"
    with pytest.raises(BadInput) as forged:
        gate.decide(conn, forge(code), "door", "why")
    assert forged.value.code == "gate_undo_not_a_bag"
    assert [r[0] for r in handoffs(conn)] == ["door"]


def test_a_guard_name_is_a_name_not_a_code(bagged):
    conn, bags = bagged
    assert gate.guard_name("  保安  老王 ") == "保安 老王"
    for text, code in (("", "gate_guard_name_empty"), (bags["3-101"][0].code, "gate_guard_name_is_code")):
        with pytest.raises(BadInput) as refused:
            gate.guard_name(text)
        assert refused.value.code == code


# ---- what a green answer tells the guard next -------------------------------------------------


def test_a_green_bag_says_how_many_of_its_households_bags_wait_over_every_buy_and_where(bagged, capsys):
    conn, bags = bagged
    rice = open_buy(conn, "大米团")
    order(conn, rice, "12-301", 东北大米=1)
    arrived(conn, rice)
    make_bags(conn, rice)
    first, second, third = bags["12-301"]
    answer = gate.scan(conn, first.code, record="pickup")
    waiting = {(w.buy, w.index, w.storage) for w in answer.waiting_bags}
    assert answer.verdict == "ok" and first.code not in {w.code for w in answer.waiting_bags}
    assert waiting == {("周末冷冻团", 2, second.storage), ("周末冷冻团", 3, third.storage),
                       ("大米团", 1, "ambient")}
    assert [w.keys() for w in answer.as_json()["waiting_bags"]] == [
        {"code", "buy", "index", "count", "storage"}] * 3
    status, out, _ = run(capsys, "--db", conn.path, "--lang", "en", "scan", second.code)
    assert status == 0 and "Also waiting for this household: 2 bags" in out
    assert "bag 1 of 1 · 常温" in out  # storage as the labels print it: in the compound's print language
    set_print_language(conn, "en")
    status, out, _ = run(capsys, "--db", conn.path, "--lang", "en", "scan", second.code)
    assert "bag 1 of 1 · Ambient" in out
    status, out, _ = run(capsys, "--db", conn.path, "--lang", "zh_CN", "scan", second.code)
    assert "该户还有 2 袋待取" in out
    refused = gate.scan(conn, first.code)
    assert refused.verdict == "already_handed_over" and refused.waiting_bags == ()


# ---- order of events, not clock time ----------------------------------------------------------


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def set_clock(monkeypatch, clock: dict) -> None:
    """The laptop's clock, as the gate's services read it, set by hand."""
    for module in (verdicts, custody):
        monkeypatch.setattr(module, "utc_now", lambda: stamp(clock["now"]))


def test_a_clock_set_back_two_hours_does_not_allow_a_second_pickup(bagged, monkeypatch):
    conn, bags = bagged
    code = bags["3-101"][0].code
    noon = datetime(2026, 4, 12, 12, 0, tzinfo=UTC)
    clock = {"now": noon}
    set_clock(monkeypatch, clock)
    gate.scan(conn, code, record="gate")  # arrived at the gate at 12:00
    clock["now"] = noon + timedelta(minutes=5)
    assert gate.scan(conn, code, record="pickup").recorded  # picked up at 12:05
    clock["now"] = noon - timedelta(hours=2)  # someone sets the laptop's clock back two hours
    again = gate.scan(conn, code, record="pickup")
    assert (again.verdict, again.recorded) == ("already_handed_over", False)
    assert again.last_handoff.action == "pickup" and again.last_handoff.at == stamp(noon + timedelta(minutes=5))
    assert not gate.scan(conn, code, record="door").recorded
    assert code not in {w.code for w in gate.list_waiting(conn)}
    assert [r["action"] for r in handoffs(conn)] == ["gate", "pickup"]


def test_an_event_stamped_earlier_but_recorded_later_stands_and_is_what_undo_reverses(bagged, monkeypatch):
    conn, bags = bagged
    code = bags["3-101"][0].code
    noon = datetime(2026, 4, 12, 12, 0, tzinfo=UTC)
    clock = {"now": noon}
    set_clock(monkeypatch, clock)
    gate.scan(conn, code, record="gate")
    clock["now"] = noon - timedelta(hours=2)
    picked = gate.scan(conn, code, record="pickup")  # stamped 10:00, recorded after the 12:00 one
    assert picked.recorded
    assert gate.scan(conn, code).verdict == "already_handed_over"
    undone = gate.undo_last_handoff(conn, code, "wrong bag")
    assert undone.undone.action == "pickup" and undone.undone.id == picked.last_handoff.id
    answer = gate.scan(conn, code)
    assert answer.verdict == "ok" and answer.at_gate  # back where the gate event left it


def test_the_handoff_log_lists_events_in_the_order_they_were_recorded(bagged, monkeypatch, tmp_path):
    conn, bags = bagged
    noon = datetime(2026, 4, 12, 12, 0, tzinfo=UTC)
    clock = {"now": noon}
    set_clock(monkeypatch, clock)
    gate.scan(conn, bags["3-101"][0].code, record="pickup")
    clock["now"] = noon - timedelta(hours=2)
    gate.scan(conn, bags["5-1202"][0].code, record="door")
    out = tmp_path / "log.csv"
    gate.export_handoffs(conn, out)
    lines = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["address"], r["action"]) for r in lines] == [("3-101", "pickup"), ("5-1202", "door")]


def test_cold_chain_ages_use_the_steady_clock_when_the_wall_clock_is_set_back(bagged):
    conn, bags = bagged
    frozen = bags["12-2-502"][0]
    started = datetime.now(UTC).timestamp()
    wall = {"now": started}
    steady = {"now": 500.0}
    clock = gate.SteadyClock(lambda: wall["now"], lambda: steady["now"])
    gate.scan(conn, frozen.code, record="gate", at=stamp(datetime.fromtimestamp(started, UTC)))
    wall["now"] += 100 * 60
    steady["now"] += 100 * 60  # 100 minutes later, honestly
    reading = gate.age_clock(conn, clock)
    assert not reading.jumped
    bag = next(b for b in gate.list_waiting(conn) if b.code == frozen.code)
    assert gate.get_gate_settings(conn).overdue(bag, reading.now)

    wall["now"] -= 2 * 3600  # the clock is set back two hours: by the wall, out -20 minutes
    assert bag.minutes_waited(datetime.fromtimestamp(wall["now"], UTC)) == 0
    reading = gate.age_clock(conn, clock)
    assert (reading.jumped, reading.source, reading.behind_minutes) == (True, "steady", 120)
    assert bag.minutes_waited(reading.now) == 100 and gate.get_gate_settings(conn).overdue(bag, reading.now)

    fresh = gate.SteadyClock(lambda: wall["now"], lambda: steady["now"])  # a program started since
    reading = gate.age_clock(conn, fresh)
    assert reading.source == "recorded" and reading.behind_minutes == 20  # the gate event's time


def test_gate_waiting_says_when_the_clock_jumped(bagged, capsys, monkeypatch):
    conn, bags = bagged
    later = stamp(datetime.now(UTC) + timedelta(hours=2))
    gate.scan(conn, bags["12-2-502"][0].code, record="gate", at=later)  # stamped before a set-back
    status, out, _ = run(capsys, "--db", conn.path, "--lang", "en", "gate", "waiting")
    assert status == 0 and ("clock is 1 h 59 min behind" in out or "clock is 2 h 0 min behind" in out)
    status, out, _ = run(capsys, "--db", conn.path, "gate", "waiting", "--json")
    answer = json.loads(out)
    assert answer["clock"]["source"] == "recorded" and answer["clock"]["clock_behind_minutes"] in (119, 120)


# ---- guessing codes is seen -------------------------------------------------------------------


def test_refused_code_shaped_scans_are_written_down_and_listed_by_gate_forged(bagged, capsys, tmp_path):
    conn, bags = bagged
    genuine = bags["3-101"][0].code
    other = connect(tmp_path / "other.sqlite")
    foreign = codes.make_code(code_keys(other), "bag", 9)
    other.close()
    gate.scan(conn, forge(genuine), operator="保安老李", station="北门")
    gate.scan(conn, foreign.lower(), operator="保安老李", station="北门")
    gate.scan(conn, "hello", operator="保安老李", station="北门")  # not shaped like a code
    gate.scan(conn, genuine, station="北门")  # genuine: not written down
    status, out, _ = run(capsys, "--db", conn.path, "gate", "forged", "--json")
    answer = json.loads(out)
    assert status == 0 and list(answer) == ["scans"]
    assert [list(s) for s in answer["scans"]] == [["at", "station", "operator", "text", "verdict"]] * 2
    assert [(s["text"], s["verdict"], s["station"], s["operator"]) for s in answer["scans"]] == [
        (forge(genuine), "forged", "北门", "保安老李"), (foreign, "other_compound", "北门", "保安老李")]
    assert all(s["at"].endswith("Z") for s in answer["scans"])
    status, out, _ = run(capsys, "--db", conn.path, "--lang", "en", "gate", "forged")
    assert status == 0 and out.startswith("2 refused scans") and "another compound's" in out


def test_more_than_five_refusals_in_a_minute_at_one_station_are_counted(bagged):
    conn, bags = bagged
    genuine = bags["3-101"][0].code
    start = datetime(2026, 4, 12, 12, 0, tzinfo=UTC)
    guesses = [genuine[:10] + f"{n:05d}"[-5:].replace("I", "1") + genuine[15:] for n in range(7)]
    counts = [gate.scan(conn, guess, station="北门", at=stamp(start + timedelta(seconds=5 * n)))
              .refused_last_minute for n, guess in enumerate(guesses)]
    assert counts == [1, 2, 3, 4, 5, 6, 7]
    elsewhere = gate.scan(conn, guesses[0], station="南门", at=stamp(start + timedelta(seconds=40)))
    assert elsewhere.refused_last_minute == 1
    much_later = gate.scan(conn, guesses[1], station="北门", at=stamp(start + timedelta(minutes=5)))
    assert much_later.refused_last_minute == 1


def test_a_read_only_file_still_answers_a_forged_scan(bagged):
    conn, bags = bagged
    conn.read_only = True
    try:
        assert gate.scan(conn, forge(bags["3-101"][0].code)).verdict == "forged"
    finally:
        conn.read_only = False
    assert conn.execute("SELECT count(*) FROM refused_scan").fetchone()[0] == 0
