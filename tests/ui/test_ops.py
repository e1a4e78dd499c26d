"""The window's database work, one op per action: its result, its failure in words, one write at a
time, and a gate that keeps answering while an import holds its transaction."""

import threading
import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop import gate
from desktop.bags.bags import make_bags
from desktop.errors import BadInput, Cancelled, DatabaseUnusable, DeskError
from desktop.roster.households import get_household, roster_summary
from desktop.ui.ops import DbOp
from desktop.words import describe
from tests.bag_scenes import everyday_buy


@pytest.fixture
def page(qtbot):
    widget = QWidget()
    widget.setObjectName("somePage")
    qtbot.addWidget(widget)
    return widget


def finished(qtbot, job, timeout=20_000):
    if job.running:
        with qtbot.waitSignal(job.finished, timeout=timeout):
            pass
    return job


def test_an_op_hands_its_answer_to_the_page_on_the_gui_thread(qtbot, page, conn, add):
    add("12-301", "张三")
    seen = {}

    def count(worker_conn):
        seen["thread"] = threading.current_thread()
        seen["own connection"] = worker_conn is not conn
        return roster_summary(worker_conn).households

    answers = []
    finished(qtbot, DbOp(page, conn, count).success(answers.append).run())
    assert answers == [1]
    assert seen["thread"] is not threading.main_thread()
    assert seen["own connection"]


def test_a_refused_save_is_shown_as_its_sentence(qtbot, page, conn):
    def add_nobody(worker_conn):
        raise BadInput("household_not_found", "address", address="99-999")

    finished(qtbot, DbOp(page, conn, add_nobody).run())
    box = page.findChild(QMessageBox, "errorMessage")
    assert box is not None and "99-999" in box.text()
    box.close()

    said = []  # a dialog says it beside the field instead, and its Save comes back on
    save = QPushButton("Save", page)
    job = DbOp(page, conn, add_nobody).failure(said.append).disabling(save).run()
    assert not save.isEnabled()
    finished(qtbot, job)
    assert isinstance(said[0], BadInput) and save.isEnabled()
    assert page.findChild(QMessageBox, "errorMessage") is None or not page.findChild(
        QMessageBox, "errorMessage").isVisible()


def test_a_failing_read_during_an_op_is_said_in_words_not_a_traceback(qtbot, page, conn):
    def read_what_is_not_there(worker_conn):
        return worker_conn.execute("SELECT * FROM a_table_this_file_lacks").fetchall()

    failures = []
    job = DbOp(page, conn, read_what_is_not_there).run()
    job.failed.connect(failures.append)
    finished(qtbot, job)
    assert isinstance(failures[0], DatabaseUnusable)
    box = page.findChild(QMessageBox, "errorMessage")
    assert box is not None and box.text() == describe(failures[0]) and "Traceback" not in box.text()


def test_a_read_on_the_gui_thread_fails_with_the_programs_own_error(conn):
    conn.close()
    with pytest.raises(DeskError):
        get_household(conn, 1)


def test_writes_from_the_window_take_turns_and_a_waiting_one_can_be_stopped(qtbot, page, conn):
    spans = []

    def slow_write(worker_conn, progress, should_cancel):
        start = time.monotonic()
        time.sleep(0.3)
        spans.append((start, time.monotonic()))

    first = DbOp(page, conn, slow_write).progress("first").run()
    second = DbOp(page, conn, slow_write).progress("second").run()
    finished(qtbot, first)
    finished(qtbot, second)
    (start_a, end_a), (start_b, end_b) = sorted(spans)
    assert start_b >= end_a  # the second began only when the first was done

    inside = threading.Event()

    def hold(worker_conn, progress, should_cancel):
        inside.set()
        slow_write(worker_conn, progress, should_cancel)

    blocker = DbOp(page, conn, hold).progress("holding").run()
    qtbot.waitUntil(inside.is_set, timeout=5000)
    waiting = DbOp(page, conn, slow_write).progress("waiting").run()
    with qtbot.waitSignal(waiting.failed, timeout=5000) as failed:
        waiting.cancel()
    assert isinstance(failed.args[0], Cancelled)
    finished(qtbot, blocker)
    assert len(spans) == 3  # the stopped one never ran


def test_the_gate_keeps_answering_while_a_roster_import_holds_its_transaction(qtbot, page, conn, add,
                                                                            tmp_path):
    """An import of 1,500 households holds its write for more than a second; meanwhile the gate
    checks a bag at once on the GUI thread, its handoff is queued as an op, and the window's event
    loop never stops for long. The handoff is written as soon as the import is done."""
    for address, name in (("12-301", "张三丰"), ("12-2-502", "欧阳娜娜"), ("3-101", "李四光"),
                          ("5-1202", "王小明")):
        add(address, name)
    buy = everyday_buy(conn)
    code = make_bags(conn, buy).bags[0].code
    roster = tmp_path / "roster.csv"
    roster.write_text("address,name\n" + "".join(f"20-{n // 100 + 1}-{n % 100 + 100},户{n}\n"
                                                  for n in range(1500)), encoding="utf-8")
    holding = threading.Event()

    def import_slowly(worker_conn, progress, should_cancel):
        from desktop.roster.roster_io import import_roster

        def tick(done, total):
            holding.set()  # inside the import's transaction
            time.sleep(0.001)
            progress(done, total)

        return import_roster(worker_conn, roster, progress=tick, should_cancel=should_cancel)

    gaps = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heart = QTimer()
    heart.setInterval(10)
    heart.timeout.connect(beat)
    heart.start()

    importing = DbOp(page, conn, import_slowly).progress("Importing roster.csv…").run()
    qtbot.waitUntil(holding.is_set, timeout=10_000)

    started = time.perf_counter()
    looked = gate.scan(conn, code)  # the check a guard sees first, on the GUI thread
    check_ms = (time.perf_counter() - started) * 1000
    assert looked.verdict == "ok" and importing.running
    assert check_ms < 100

    recorded = []
    started = time.perf_counter()
    handing = (DbOp(page, conn, lambda c: gate.scan(c, code, record="pickup", operator="老李"))
               .success(recorded.append).run())
    queued_ms = (time.perf_counter() - started) * 1000
    assert queued_ms < 100

    finished(qtbot, importing)
    finished(qtbot, handing)
    heart.stop()
    assert importing.result.added == 1500
    assert recorded[0].recorded is not None
    assert max(gaps) < 500, f"the window stood still for {max(gaps)} ms"


def test_writes_in_line_land_in_the_order_they_were_made_whichever_starts_first(qtbot, page, conn):
    landed, first_ended, second_ended = [], threading.Event(), threading.Event()
    ready = threading.Event()
    ready.set()

    def write(name):
        def work(worker_conn):
            time.sleep(0.1)
            landed.append(name)
        return work

    second = DbOp(page, conn, write("second")).after(first_ended, second_ended).run()
    first = DbOp(page, conn, write("first")).after(ready, first_ended).run()
    finished(qtbot, first)
    finished(qtbot, second)
    assert landed == ["first", "second"] and second_ended.is_set()
