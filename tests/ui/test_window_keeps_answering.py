"""The window keeps answering while big work is done: previews worked out off the GUI thread and
reused when saved, a big buy read in a worker, the gate's waiting list changed a row at a time."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableView

from desktop import gate
from desktop.bags.bags import list_bags, make_bags
from desktop.buys import arrivals
from desktop.buys.group_buys import change_status, get_buy
from desktop.errors import BadInput
from desktop.roster.households import HouseholdFields, add_household
from desktop.ui.buys import arrival_dialog, buy_view
from desktop.ui.buys.buys_page import BuysPage
from desktop.ui.gate.gate_page import GatePage
from tests.bag_scenes import NEIGHBOURS, open_buy, order


@pytest.fixture
def neighbours(conn):
    for address, name, phone, delivery in NEIGHBOURS:
        add_household(conn, HouseholdFields(address=address, name=name, phone=phone, delivery=delivery))
    buy = open_buy(conn)
    order(conn, buy, "12-301", 冷冻饺子=2, 鸡翅中=1)
    order(conn, buy, "12-2-502", 冷冻饺子=1)
    order(conn, buy, "3-101", 冷冻饺子=2)
    return buy


def buys_page(qtbot, conn) -> BuysPage:
    page = BuysPage(conn)
    qtbot.addWidget(page)
    page.resize(1216, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


def column(table: QTableView, heading: str) -> list[str]:
    model = table.model()
    index = next(c for c in range(model.columnCount())
                 if model.headerData(c, Qt.Orientation.Horizontal) == heading)
    return [model.index(row, index).data() for row in range(model.rowCount())]


# ---- the arrival dialog ----

def test_recording_an_arrival_saves_the_preview_on_screen_without_working_it_out_again(
        qtbot, conn, neighbours, saved, monkeypatch):
    worked_out = []
    real = arrival_dialog.preview_arrival
    monkeypatch.setattr(arrival_dialog, "preview_arrival",
                        lambda *args: worked_out.append(args[2]) or real(*args))
    monkeypatch.setattr(arrivals, "_plan", _refusing_plan(arrivals._plan))  # not in the save either
    view = buys_page(qtbot, conn).open_buy(neighbours)
    dialog = view.record_arrival()
    summary = dialog.findChild(QLabel, "arrivalSummary")
    qtbot.waitUntil(lambda: "in full" in summary.text())
    dialog.received[0].selectAll()
    qtbot.keyClicks(dialog.received[0], "3")
    qtbot.waitUntil(lambda: "Short" in summary.text())
    asked = len(worked_out)

    dialog.findChild(QPushButton, "arrivalSave").click()
    saved()

    assert len(worked_out) == asked  # the save took the plan the volunteer saw
    assert get_buy(conn, neighbours).status == "arrived"
    assert "short of 冷冻饺子(1kg) 3/5" in view.findChild(QLabel, "buyNotice").text()


def test_a_preview_worked_out_again_keeps_the_columns_fitted_to_the_first(qtbot, conn, neighbours, monkeypatch):
    fitted = []
    real = arrival_dialog.fit_columns
    monkeypatch.setattr(arrival_dialog, "fit_columns", lambda table, *a: fitted.append(table) or real(table, *a))
    view = buys_page(qtbot, conn).open_buy(neighbours)
    dialog = view.record_arrival()
    summary = dialog.findChild(QLabel, "arrivalSummary")
    qtbot.waitUntil(lambda: "in full" in summary.text())
    assert len(fitted) == 1
    dialog.received[0].selectAll()
    qtbot.keyClicks(dialog.received[0], "3")
    qtbot.waitUntil(lambda: "Short" in summary.text())
    assert len(fitted) == 1  # the new preview is shown in the columns as they were
    assert dialog.preview_plan.items[0].received == 3 and dialog.preview_model.rowCount() > 0


def _refusing_plan(real):
    """_plan for the previews (worked out in a worker thread), refused inside the save's
    transaction: a save that worked the allocation out again would fail the test."""
    def plan(conn, buy, received, policy):
        if conn.in_transaction:
            raise AssertionError("the allocation was worked out again in the save")
        return real(conn, buy, received, policy)
    return plan


def test_a_preview_finished_after_the_quantity_changed_again_is_not_shown(
        qtbot, conn, neighbours, monkeypatch):
    release = threading.Event()
    real = arrival_dialog.preview_arrival

    def slow_for_three(conn, buy_id, received, policy):
        if received[0][1] == "3":
            release.wait(10)
        return real(conn, buy_id, received, policy)

    monkeypatch.setattr(arrival_dialog, "preview_arrival", slow_for_three)
    view = buys_page(qtbot, conn).open_buy(neighbours)
    dialog = view.record_arrival()
    qtbot.waitUntil(lambda: dialog.preview_plan is not None)
    field = dialog.received[0]
    field.selectAll()
    qtbot.keyClicks(field, "3")
    first = dialog.update_preview()  # held in its worker
    field.selectAll()
    qtbot.keyClicks(field, "4")
    assert dialog.update_preview() is first  # one at a time: asked again once it ends
    with qtbot.waitSignal(first.finished, timeout=10_000):
        release.set()
    assert dialog.preview_plan.items[0].received == 5  # the 3 was dropped, not shown
    assert not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.preview_plan.items[0].received == 4)
    assert "冷冻饺子(1kg) 4/5" in dialog.findChild(QLabel, "arrivalSummary").text()
    assert dialog.save_button.isEnabled()
    dialog.reject()


def test_an_order_placed_after_the_preview_stops_the_save_and_the_preview_is_worked_out_again(
        conn, neighbours):
    seen = arrivals.preview_arrival(conn, neighbours, {"冷冻饺子(1kg)": 3})
    order(conn, neighbours, "5-1202", 冷冻饺子=1)
    with pytest.raises(BadInput) as refused:
        arrivals.record_arrival(conn, neighbours, {"冷冻饺子(1kg)": 3}, seen=seen)
    assert refused.value.code == "arrival_changed_since_preview"
    assert get_buy(conn, neighbours).status == "open"  # nothing written
    fresh = arrivals.preview_arrival(conn, neighbours, {"冷冻饺子(1kg)": 3})
    saved = arrivals.record_arrival(conn, neighbours, {"冷冻饺子(1kg)": 3}, seen=fresh)
    assert saved is fresh and get_buy(conn, neighbours).status == "arrived"


def test_a_preview_of_other_quantities_is_not_saved_for_these(conn, neighbours):
    seen = arrivals.preview_arrival(conn, neighbours, {"冷冻饺子(1kg)": 3})
    with pytest.raises(BadInput):
        arrivals.record_arrival(conn, neighbours, {"冷冻饺子(1kg)": 4}, seen=seen)
    assert get_buy(conn, neighbours).status == "open"


# ---- a big buy ----

def test_a_big_buy_is_read_off_the_gui_thread_and_shown_in_one_go(qtbot, conn, neighbours, monkeypatch):
    monkeypatch.setattr(buy_view, "SHOWN_AT_ONCE", 0)  # every buy counts as big
    page = buys_page(qtbot, conn)
    view = page.open_buy(neighbours)
    assert view.load_job is not None and view.details is None  # the window did not wait
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        pass
    orders = view.findChild(QTableView, "ordersTable")
    assert column(orders, "Address") == ["3-101", "12-301", "12-2-502"]
    assert view.details.buy.id == neighbours and view.entry.isEnabled()


def test_buys_with_many_orders_are_listed_off_the_gui_thread_and_the_buy_left_stays_selected(
        qtbot, conn, neighbours, monkeypatch):
    from desktop.ui.buys import buys_page as page_module

    other = open_buy(conn, "蔬菜团")
    order(conn, other, "5-1202", 冷冻饺子=1)
    page = buys_page(qtbot, conn)
    monkeypatch.setattr(page_module, "LISTED_AT_ONCE", 0)  # every compound counts as big
    read_on = []
    real = page_module.list_buys
    monkeypatch.setattr(page_module, "list_buys", lambda c: read_on.append(threading.current_thread()) or real(c))
    page.open_buy(neighbours)  # a small buy: on screen at once
    assert page.view.details.buy.id == neighbours
    with qtbot.waitSignal(page.listed, timeout=10_000):
        page.show_list()
    assert read_on and threading.main_thread() not in read_on  # read in a worker
    table = page.findChild(QTableView, "buysTable")
    assert page.model.rowCount() == 2 and table.isVisible()
    assert page.model.buy_at(table.currentIndex().row()).buy.id == neighbours


def test_a_notice_about_a_big_buy_is_shown_while_its_orders_are_read(qtbot, conn, neighbours, monkeypatch):
    monkeypatch.setattr(buy_view, "SHOWN_AT_ONCE", 0)  # every buy counts as big
    release, real = threading.Event(), buy_view.load_buy
    monkeypatch.setattr(buy_view, "load_buy", lambda c, b: release.wait(10) and real(c, b))
    page = buys_page(qtbot, conn)
    view = page.open_buy(neighbours, "KuaiTuanTuan export imported: 3 orders")
    notice = view.findChild(QLabel, "buyNotice")
    assert notice.isVisible() and "imported" in notice.text()
    assert view.load_job.running and view.details is None  # the orders still on their way
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        release.set()
    assert notice.isVisible() and "imported" in notice.text()


def test_orders_of_the_buy_left_are_never_shown_under_the_next_one(qtbot, conn, neighbours, monkeypatch):
    other = open_buy(conn, "蔬菜团")
    order(conn, other, "5-1202", 冷冻饺子=1)
    page = buys_page(qtbot, conn)
    view = page.open_buy(neighbours)  # small: shown at once
    monkeypatch.setattr(buy_view, "SHOWN_AT_ONCE", 0)
    view.show_buy(other)
    assert view.model.rowCount() == 0 and not view.entry.isEnabled()
    assert not view.arrival_button.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        pass
    assert column(view.findChild(QTableView, "ordersTable"), "Address") == ["5-1202"]


# ---- the gate's waiting list ----

def test_a_bag_put_out_at_the_gate_moves_in_the_waiting_list_without_a_reload(qtbot, conn, neighbours):
    change_status(conn, neighbours, "arrived")  # no arrival quantities: ages count from the bags
    make_bags(conn, neighbours)
    page = GatePage(conn)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.wait_for_waiting_list()
    page.operator_input.setText("保安老李")
    model = page.waiting_model
    loaded, rows = page.waiting.job, model.rowCount()
    first = model.codes[0]
    assert model.bags[0].since_made
    qtbot.keyClick(page.scan_input, Qt.Key.Key_F3)
    qtbot.keyClicks(page.scan_input, first)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.bags[model.codes.index(first)].at_gate, timeout=5000)
    assert page.waiting.job is loaded and model.rowCount() == rows  # moved, not reloaded
    row = model.codes.index(first)
    assert not model.bags[row].since_made  # waiting counts from its time at the gate now
    assert model.data(model.index(row, 5)) == "at the gate"
    listed = [bag.code for bag in gate.list_waiting(conn)]
    assert model.codes == listed  # the same order a reload would give
    assert {bag.code for bag in list_bags(conn, neighbours)} == set(listed)
    page.stop()


def test_a_delivery_for_a_whole_compound_is_more_than_one_household_may_order(conn, neighbours):
    plan = arrivals.preview_arrival(conn, neighbours, {"冷冻饺子(1kg)": 12_500})
    assert plan.items[0].received == 12_500  # more than arrived: the extra stays unallocated
    with pytest.raises(BadInput) as refused:
        arrivals.preview_arrival(conn, neighbours, {"冷冻饺子(1kg)": 10**6})
    assert refused.value.code == "quantity_too_large"


# ---- the roster's search ----

def test_a_big_roster_is_read_off_the_gui_thread_and_the_newest_read_wins(qtbot, conn, monkeypatch):
    from desktop.ui.roster import roster_page
    from desktop.ui.roster.roster_page import RosterPage

    for address, name, phone, delivery in NEIGHBOURS:
        add_household(conn, HouseholdFields(address=address, name=name, phone=phone, delivery=delivery))
    monkeypatch.setattr(roster_page, "SEARCHED_AT_ONCE", 0)  # every roster counts as big
    page = RosterPage(conn)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.holding)
    everyone = page.model.rowCount()
    release = threading.Event()
    real = roster_page.list_households

    def slow(conn):
        release.wait(10)
        return real(conn)

    monkeypatch.setattr(roster_page, "list_households", slow)
    page.reload()  # the roster changed elsewhere
    qtbot.waitUntil(lambda: page.search_job is not None and page.search_job.running)
    first = page.search_job
    assert page.model.rowCount() == everyone  # the window did not wait for the read
    add_household(conn, HouseholdFields(address="12-302", name="新邻居", phone="", delivery="pickup"))
    page.reload()
    assert page._search_again  # read again once this read ends
    with qtbot.waitSignal(first.finished, timeout=10_000):
        release.set()
    qtbot.waitUntil(lambda: page.model.holding and page.model.rowCount() == everyone + 1)


def test_a_held_roster_is_searched_as_you_type_without_reading_households_again(qtbot, conn, monkeypatch):
    from desktop.ui.roster import roster_page
    from desktop.ui.roster.roster_page import RosterPage

    for address, name, phone, delivery in NEIGHBOURS:
        add_household(conn, HouseholdFields(address=address, name=name, phone=phone, delivery=delivery))
    monkeypatch.setattr(roster_page, "SEARCHED_AT_ONCE", 0)  # every roster counts as big
    page = RosterPage(conn)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.holding)
    reads = []
    real = roster_page.list_households
    monkeypatch.setattr(roster_page, "list_households", lambda conn: reads.append(1) or real(conn))
    qtbot.keyClicks(page.search, "12-301")
    qtbot.waitUntil(lambda: page.model.query == "12-301")
    assert [page.model.household_at(r).address for r in range(page.model.rowCount())] == ["12-301"]
    assert page.search_job is None or not page.search_job.running
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.query == "")
    assert page.model.rowCount() == len(NEIGHBOURS)
    assert reads == []  # no household read again for any key


def test_a_household_added_elsewhere_is_read_before_a_search_shows_it(qtbot, conn, monkeypatch):
    from desktop.ui.roster import roster_page
    from desktop.ui.roster.roster_page import RosterPage

    for address, name, phone, delivery in NEIGHBOURS:
        add_household(conn, HouseholdFields(address=address, name=name, phone=phone, delivery=delivery))
    monkeypatch.setattr(roster_page, "SEARCHED_AT_ONCE", 0)
    page = RosterPage(conn)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.holding)
    add_household(conn, HouseholdFields(address="30-901", name="新邻居", phone="", delivery="pickup"))
    qtbot.keyClicks(page.search, "30-901")
    qtbot.waitUntil(lambda: page.model.query == "30-901" and page.model.rowCount() == 1, timeout=10_000)
    assert page.model.household_at(0).name == "新邻居"


def test_a_row_of_buttons_works_out_its_height_again_once_a_button_is_hidden(qtbot):
    from PySide6.QtWidgets import QWidget

    from desktop.ui.buys.buy_common import FlowLayout

    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder)
    buttons = [QPushButton(f"按钮 {n} …………", holder) for n in range(6)]
    for button in buttons:
        flow.addWidget(button)
    holder.show()
    qtbot.waitExposed(holder)
    narrow = buttons[0].sizeHint().width() * 2 + 20
    two_a_line = flow.heightForWidth(narrow)
    assert flow.heightForWidth(narrow) == two_a_line  # asked again: the same answer
    for button in buttons[2:]:
        button.hide()
    assert flow.heightForWidth(narrow) < two_a_line  # one line now, not three


def test_what_the_window_holds_after_a_job_is_out_of_the_garbage_collectors_walk(qtbot, conn):
    import gc

    from desktop.roster.households import list_households
    from desktop.ui.ops import DbOp

    holder = QLabel()
    qtbot.addWidget(holder)
    held = [[n, "冷冻饺子"] for n in range(20_000)]  # what a page keeps: a buy's order lines
    frozen = gc.get_freeze_count()
    job = DbOp(holder, conn, list_households).reads_only().run()
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert gc.get_freeze_count() >= frozen + len(held)  # a full collection no longer walks them
    assert held[-1] == [19_999, "冷冻饺子"]


def test_a_full_collection_never_starts_during_a_job_and_is_made_when_none_runs(qtbot, conn):
    import gc
    import weakref

    from desktop.roster.households import list_households
    from desktop.ui import jobs
    from desktop.ui.ops import DbOp

    holder = QLabel()
    qtbot.addWidget(holder)
    release = threading.Event()
    job = DbOp(holder, conn, lambda c: release.wait(10) and list_households(c)).reads_only().run()
    assert gc.get_threshold()[2] >= 1 << 30  # never started on its own

    assert not jobs.collect_if_idle()  # a job runs: no full collection now
    with qtbot.waitSignal(job.finished, timeout=10_000):
        release.set()

    class Node:
        pass

    cycle = Node()
    cycle.me = cycle
    gc.collect(1)  # it survives the young collections into the oldest generation…
    gone = weakref.ref(cycle)
    del cycle  # …and becomes garbage only a full collection finds
    gc.collect(0)
    gc.collect(1)
    assert gone() is not None
    assert jobs.collect_if_idle() and gone() is None


def test_the_roster_buildings_line_keeps_its_height_for_a_width_until_its_text_changes(qtbot):
    from desktop.ui.roster.roster_page import WrappedLinks

    links = " · ".join(f"<a href='building:{n}'>{n}号楼 ({n * 3})</a>" for n in range(1, 60))
    label, plain = WrappedLinks(), QLabel()
    for each in (label, plain):
        qtbot.addWidget(each)
        each.setWordWrap(True)
        each.setText(links)
    assert label.heightForWidth(400) == plain.heightForWidth(400) > label.heightForWidth(1200)
    assert label._heights == {400: plain.heightForWidth(400), 1200: plain.heightForWidth(1200)}
    shorter = " · ".join(f"<a href='building:{n}'>{n}号楼</a>" for n in range(1, 4))
    label.setText(shorter)
    plain.setText(shorter)
    assert label.heightForWidth(400) == plain.heightForWidth(400)  # not the longer text's height
