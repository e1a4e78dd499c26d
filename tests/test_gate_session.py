"""A station's turn at the gate, without a window: the modes that choose what the next scan
records, a household card worked through, a proxy, the guard's name, a decision and an undo, each
scan answered with one read of the store."""

from datetime import UTC, datetime, timedelta

import pytest

from desktop import gate
from desktop.bags import codes
from desktop.bags.bags import issue_household_codes, list_bags, make_bags
from desktop.db import connect
from desktop.errors import BadInput
from tests.bag_scenes import compound, everyday_buy


class Clock:
    """The session's clock for double reads, turned by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Station:
    """A station's settings file, as QSettings keeps it: value, setValue, remove."""

    def __init__(self) -> None:
        self.kept: dict[str, object] = {}

    def value(self, key, default=None):
        return self.kept.get(key, default)

    def setValue(self, key, value) -> None:  # noqa: N802 (QSettings' name)
        self.kept[key] = value

    def remove(self, key) -> None:
        self.kept.pop(key, None)


@pytest.fixture
def bagged(tmp_path):
    """Four neighbours with the weekend buy bagged: (conn, {address: [bags]})."""
    conn = compound(tmp_path)
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    found = {}
    for bag in list_bags(conn, buy):
        found.setdefault(bag.address, []).append(bag)
    yield conn, found
    conn.close()


def session_of(conn, **options) -> gate.GateSession:
    session = gate.GateSession(conn, clock=Clock(), **options)
    if "operator" not in options:
        session.set_guard("保安老李")
    return session


def submit(session: gate.GateSession, text: str, *, later: float = 2.0):
    session.clock.now += later
    return session.submit(text)


def handoffs(conn):
    return [tuple(r) for r in conn.execute(
        "SELECT action, operator, proxy_name, reason FROM handoff ORDER BY id")]


class Reads:
    """The statements a connection runs, by kind: how many times a bag was read by its code."""

    def __init__(self, conn) -> None:
        self.statements: list[str] = []
        conn.set_trace_callback(self.statements.append)

    def take(self) -> list[str]:
        taken, self.statements[:] = list(self.statements), []
        return taken

    def bag_reads(self) -> int:
        return sum("WHERE b.code = " in sql for sql in self.take())


# ---- what the next scan records ---------------------------------------------------------------


def test_the_modes_choose_what_the_next_scan_records_and_never_touch_the_bag_on_screen(bagged):
    conn, bags = bagged
    session = session_of(conn)
    assert session.mode == "pickup"  # F1, the default
    assert submit(session, bags["3-101"][0].code).recorded
    assert session.choose("door")  # F2
    assert handoffs(conn) == [("pickup", "保安老李", "", "")]  # the bag on screen stays picked up
    answer = submit(session, bags["5-1202"][0].code)
    assert (answer.last_handoff.action, answer.tone) == ("door", "go")
    session.choose("gate")  # F3: arrived at the gate, still waiting
    answer = submit(session, bags["12-301"][0].code)
    assert (answer.last_handoff.action, answer.tone) == ("gate", "look")
    session.choose(None)  # F4: only check
    answer = submit(session, bags["12-301"][1].code)
    assert (answer.verdict, answer.recorded) == ("ok", False)
    assert [a for a, *_ in handoffs(conn)] == ["pickup", "door", "gate"]


def test_a_scanners_double_read_counts_once(bagged):
    conn, bags = bagged
    session = session_of(conn)
    code = bags["3-101"][0].code
    assert submit(session, code).recorded
    assert submit(session, code, later=0.3) is None  # the same label read twice
    assert submit(session, code, later=1.5).verdict == "already_handed_over"
    assert len(handoffs(conn)) == 1


def test_a_file_that_takes_no_handoffs_only_answers(bagged):
    conn, bags = bagged
    session = session_of(conn)
    session.refuse_changes("This file is read-only.")
    assert session.mode is None and not session.choose("pickup") and session.mode is None
    assert submit(session, bags["3-101"][0].code).verdict == "ok" and handoffs(conn) == []


# ---- one read per scan ------------------------------------------------------------------------


def test_every_scan_reads_its_bag_once_with_a_proxy_a_card_or_no_name_alike(bagged):
    conn, bags = bagged
    household = bags["12-301"][0].household_id
    card = issue_household_codes(conn, [household])[household]
    session = session_of(conn)
    reads = Reads(conn)

    submit(session, bags["3-101"][0].code)  # recorded
    assert reads.bag_reads() == 1
    session.proxy = "邻居小张"
    submit(session, bags["5-1202"][0].code)  # recorded for a proxy
    submit(session, bags["12-301"][0].code)  # another household: recorded without the proxy
    submit(session, bags["3-101"][0].code)  # refused: already picked up
    assert reads.bag_reads() == 3
    submit(session, card)
    submit(session, bags["12-301"][1].code)  # checked against the card
    assert reads.bag_reads() == 1
    session.operator = ""
    submit(session, bags["12-301"][2].code)  # held for the guard's name
    assert reads.bag_reads() == 1 and session.held is not None
    session.drop_held()
    assert reads.bag_reads() == 0
    assert session.undo_target() is not None and reads.bag_reads() == 0  # from memory


def test_a_recorded_scan_is_one_transaction_around_its_one_read(bagged):
    conn, bags = bagged
    session = session_of(conn)
    reads = Reads(conn)
    submit(session, bags["3-101"][0].code)
    statements = [sql.split()[0].upper() for sql in reads.take()]
    # The handoff and its audit line, written together.
    assert statements[:5] == ["BEGIN", "SELECT", "INSERT", "INSERT", "COMMIT"]
    assert statements.count("SELECT") == 2  # the bag, then what else its household may take


# ---- a household's card -----------------------------------------------------------------------


def test_a_card_lists_its_bags_and_ticks_them_off_and_another_households_bag_is_refused(bagged):
    conn, bags = bagged
    household = bags["12-301"][0].household_id
    card = issue_household_codes(conn, [household])[household]
    session = session_of(conn)
    answer = submit(session, " ".join(codes.display_groups(card)))
    assert answer.verdict == "household" and session.card.household_id == household
    assert [state for _, state in session.card_list()] == [None, None, None]
    submit(session, bags["12-301"][1].code)
    listed = dict((bag.code, state) for bag, state in session.card_list())
    assert listed[bags["12-301"][1].code] == "recorded"
    assert submit(session, bags["3-101"][0].code).verdict == "wrong_household"
    session.choose(None)
    submit(session, bags["12-301"][0].code)
    assert sorted(state or "" for _, state in session.card_list()) == ["", "checked", "recorded"]
    assert session.end_card() and session.card is None and session.card_list() == []
    assert not session.end_card()
    session.choose("pickup")
    assert submit(session, bags["3-101"][0].code).recorded


# ---- a proxy ----------------------------------------------------------------------------------


def test_a_proxy_collects_for_one_household_and_is_not_carried_to_another(bagged):
    conn, bags = bagged
    session = session_of(conn)
    session.set_proxy("邻居小张")
    submit(session, bags["12-301"][0].code)
    submit(session, bags["12-301"][1].code)
    submit(session, bags["3-101"][0].code)
    assert [p for _, _, p, _ in handoffs(conn)] == ["邻居小张", "邻居小张", ""]
    assert session.proxy == ""
    session.set_proxy("邻居小王")
    session.choose("door")  # a proxy's name goes with a pickup only
    submit(session, bags["5-1202"][0].code)
    assert handoffs(conn)[-1][2] == "" and session.proxy == "邻居小王"


# ---- the guard on duty ------------------------------------------------------------------------


def test_no_handoff_without_a_guard_name_which_is_asked_once_per_shift_and_outlives_a_restore(bagged):
    conn, bags = bagged
    station = Station()
    session = gate.GateSession(conn, store=station, clock=Clock())
    assert session.operator == ""
    held = submit(session, bags["3-101"][0].code)
    assert (held.verdict, held.recorded) == ("ok", False) and session.held and handoffs(conn) == []
    with pytest.raises(BadInput):
        session.set_guard(bags["5-1202"][0].code)  # the scanner fired into the name field
    session.set_guard("保安老王")
    assert session.record_held().recorded and session.held is None
    assert handoffs(conn) == [("pickup", "保安老王", "", "")]

    restored = connect(conn.path)  # what a restore hands the page: a new connection
    again = gate.GateSession(restored, store=station, clock=Clock())
    assert again.operator == "保安老王"
    assert submit(again, bags["5-1202"][0].code).recorded and again.held is None
    station.setValue(f"gate/guard/{gate.guard_key(restored)}/since", 0)  # the shift began long ago
    assert gate.GateSession(restored, store=station).operator == ""
    restored.close()


def test_a_guard_who_gives_no_name_keeps_the_check_and_a_refusal_is_never_held(bagged):
    conn, bags = bagged
    session = gate.GateSession(conn, clock=Clock())
    submit(session, bags["3-101"][0].code)
    checked = session.drop_held()
    assert (checked.verdict, checked.recorded) == ("ok", False) and session.last_result is checked
    assert submit(session, "B" * 20).verdict == "invalid" and session.held is None
    assert handoffs(conn) == []


def test_a_name_typed_is_kept_but_a_scan_that_landed_in_the_name_field_is_not(bagged):
    conn, bags = bagged
    station = Station()
    session = gate.GateSession(conn, store=station)
    session.type_operator("保安老张")
    assert gate.GateSession(conn, store=station).operator == "保安老张"
    session.type_operator(bags["3-101"][0].code)
    assert gate.GateSession(conn, store=station).operator == ""


# ---- a decision about the bag on screen, and undo ---------------------------------------------


def test_a_decision_corrects_the_bag_on_screen_with_its_reason(bagged):
    conn, bags = bagged
    session = session_of(conn)
    assert session.decision_target() is None
    code = bags["3-101"][0].code
    submit(session, code)  # picked up; it was carried to the door in fact
    decision = session.decide("door", "封控楼，送上门了")
    assert decision.undone.action == "pickup" and decision.result.last_handoff.action == "door"
    assert handoffs(conn) == [("pickup", "保安老李", "", ""), ("reversal", "保安老李", "", "封控楼，送上门了"),
                              ("door", "保安老李", "", "封控楼，送上门了")]
    assert session.last_result is decision.result
    with pytest.raises(BadInput):
        session.decide("door", "again")  # already so
    submit(session, "not a code at all")
    assert session.decision_target() is None


def test_undo_asks_a_reason_and_the_bag_waits_again(bagged):
    conn, bags = bagged
    session = session_of(conn)
    assert session.undo_target() is None
    code = bags["3-101"][0].code
    submit(session, code)
    session.choose(None)
    submit(session, bags["5-1202"][0].code)  # only checked: Ctrl+Z still means the pickup
    assert session.undo_target().code == code
    with pytest.raises(BadInput):
        session.undo("  ")
    reads = Reads(conn)
    undone = session.undo("扫错了袋子")
    statements = [sql.split()[0].upper() for sql in reads.take()]
    assert statements[0] == "BEGIN" and statements[-1] == "COMMIT"  # read, reverse, read again
    assert undone.undone.action == "pickup" and undone.after.verdict == "ok"
    assert handoffs(conn)[-1] == ("reversal", "保安老李", "", "扫错了袋子")
    assert session.undo_target() is None and session.last_result is undone.after
    session.choose("pickup")
    assert submit(session, code).recorded


# ---- the guessing warning and the waiting list ------------------------------------------------


def test_more_than_five_made_up_codes_in_a_minute_are_counted_for_the_warning(bagged):
    conn, bags = bagged
    session = session_of(conn)
    genuine = bags["3-101"][0].code
    answers = [submit(session, genuine[:10] + f"0000{n}" + genuine[15:]) for n in range(6)]
    assert [a.refused_last_minute for a in answers] == [1, 2, 3, 4, 5, 6]
    assert answers[-1].refused_last_minute > gate.GUESSING_LIMIT >= answers[-2].refused_last_minute
    assert handoffs(conn) == []


def test_bags_waiting_at_the_gate_have_cold_chain_ages_and_leave_the_list_when_handed_over(bagged):
    conn, bags = bagged
    long_ago = (datetime.now(UTC) - timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    frozen = bags["12-2-502"][0]
    gate.scan(conn, frozen.code, record="gate", at=long_ago)  # frozen, out at the gate 3 h
    waiting = gate.list_waiting(conn)
    settings, clock = gate.get_gate_settings(conn), gate.age_clock(conn)
    assert len(waiting) == 8 and waiting[0].code == frozen.code and waiting[0].at_gate
    assert waiting[0].minutes_waited(clock.now) >= 180 and settings.overdue(waiting[0], clock.now)
    assert not any(settings.overdue(bag, clock.now) for bag in waiting[1:])
    session = session_of(conn)
    submit(session, frozen.code)
    assert frozen.code not in {bag.code for bag in gate.list_waiting(conn)}


# ---- answering first, writing after (the window) ----------------------------------------------


def test_a_deferred_scan_only_reads_and_its_recording_lands_later_once(bagged):
    conn, bags = bagged
    session = session_of(conn)
    code = bags["3-101"][0].code
    reads = Reads(conn)
    checked = session.submit(code, defer=True)
    assert (checked.verdict, checked.recorded) == ("ok", False) and handoffs(conn) == []
    assert not any(sql.split()[0].upper() in ("BEGIN", "INSERT") for sql in reads.take())
    assert [r.checked for r in session.pending] == [checked]
    session.clock.now += 5
    assert session.submit(code, defer=True) is None  # read again while it waits: not twice

    writer = connect(conn.path)  # where the window writes: its own connection, elsewhere
    recording = session.pending[0]
    landed = session.landed(recording, recording.run(writer))
    writer.close()
    assert landed.recorded and session.last_result is landed and not session.pending
    assert session.undo_target() is landed and handoffs(conn) == [("pickup", "保安老李", "", "")]


def test_a_deferred_scan_whose_bag_went_meanwhile_is_refused_when_it_lands(bagged):
    conn, bags = bagged
    session = session_of(conn)
    code = bags["5-1202"][0].code
    session.submit(code, defer=True)
    gate.scan(conn, code, record="door", operator="保安老王", station="东门")  # the other gate
    recording = session.pending[0]
    answer = session.landed(recording, recording.run(conn))
    assert (answer.verdict, answer.recorded) == ("already_handed_over", False)
    assert session.last_result is answer and session.undo_target() is answer
    assert [who for _, who, *_ in handoffs(conn)] == ["保安老王"]
