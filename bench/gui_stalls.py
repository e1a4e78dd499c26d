"""Does the window ever stop answering? The real window, offscreen, at a 5,000-household compound.

Builds (once, then cached in bench/.cache) a compound of 5,000 households and 50 group buys through
the program's own services: 47 buys of about 640 orders each, one buy of 5,000 orders of two
items already arrived with its 10,000 bags made and waiting, one buy of 5,000 orders of three items
(frozen, chilled, ambient) waiting for its arrival, and a 快团团 export of 20,000 rows that becomes
the fiftieth buy (about 11,000 orders). 42,000+ orders in all.

Then, on a copy of that file, the main window (QT_QPA_PLATFORM=offscreen, 1366×768) goes through
what volunteers, committee members and guards do, while a 10 ms heartbeat timer runs on the GUI
thread. For each action, `<action>_stall_ms` is the longest gap between two heartbeats while it
ran, less the 10 ms interval: how long the window stood still.

- `roster_import`: a roster file of 5,000 households read, previewed, imported, the page reloaded;
- `search`: typing into the roster's search box, a key at a time; `search_keystroke_p95_ms` is
  from each key to the table painted with its result, less the search box's deliberate pause
  while someone is still typing (`search_pause_ms`, reported beside it);
- `ktt_import`: the 快团团 export read, previewed, saved, the buy shown with its orders;
- `open_buy`: the 5,000-order buy opened from the list; `order_entry`: one household's order
  typed in its entry row and saved with Enter, the buy shown again;
- `arrival`: its Arrival dialog opened, one quantity typed short, the preview followed, Record
  arrival pressed and the buy shown again;
- `make_bags`: its 13,000-odd bags made; `labels`: its labels written as a PDF file (the page's
  Save PDF action, no printer);
- `gate_f1`, `gate_f3`: 200 scans in each mode at two a second, with 23,000 bags waiting (F1
  picks up bags of the arrived buy; F3 puts the new bags out at the gate);
  `scan_enter_to_verdict_p99_ms_f1`/`_f3`: from Enter to the verdict banner painted.

Beside each stall, `<action>_gui_cpu_ms`: the most CPU time the GUI thread itself spent between
two heartbeats, which the machine's load does not inflate (on a busy machine a stall can be far
longer: the thread waited for a core, or for a worker to let go of the interpreter). The run
prints the load average it met (`load_average`).

Goals: every stall at most 100 ms; search at most 50 ms p95 per key; Enter to verdict at most
20 ms p99 in every mode. `--households N --scans N` make a smaller quick run. The last line
printed is one flat JSON object, each figure with its goal beside it (`<key>_goal`).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
CACHE = ROOT / "bench" / ".cache"
CACHE_VERSION = 1

HOUSEHOLDS = 5000
BUYS = 50
KTT_ROWS = 20_000
SCANS = 200
SCAN_INTERVAL_MS = 500  # two a second
HEARTBEAT_MS = 10
GOAL_STALL_MS = 100.0
GOAL_SEARCH_MS = 50.0
GOAL_SCAN_MS = 20.0
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("秀英", "建国", "丽华", "志强", "桂兰", "海燕", "小明", "玉梅")


def address(n: int) -> tuple[int, int]:
    """The n-th household's building and room: 100 homes a building, 4 a floor."""
    building, rest = divmod(n, 100)
    floor, door = divmod(rest, 4)
    return building + 1, (floor + 1) * 100 + door + 1


def write_roster(path: Path, households: int) -> None:
    lines = ["address,name,phone"]
    for n in range(households):
        building, room = address(n)
        lines.append(f"{building}-{room},{SURNAMES[n % 20]}{GIVEN[n % 8]},139{n:08d}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


# ---- the compound --------------------------------------------------------------------------------

def build(path: Path, folder: Path, households: int, buys: int) -> dict:
    """The compound before the window opens, through the services; what the run needs to know."""
    from desktop.bags.bags import make_bags
    from desktop.buys.arrivals import record_arrival
    from desktop.buys.group_buys import ItemSpec, get_buy, item_totals, new_buy
    from desktop.buys.orders import save_household_order
    from desktop.db import connect
    from desktop.db.connection import transaction
    from desktop.roster.households import list_households
    from desktop.roster.roster_io import import_roster

    for stale in path.parent.glob(path.name + "*"):
        stale.unlink()
    partial = path.with_name(path.name + ".building")
    for stale in partial.parent.glob(partial.name + "*"):
        stale.unlink()
    roster = folder / "roster.csv"
    write_roster(roster, households)
    conn = connect(partial)
    import_roster(conn, roster)
    ids = [household.id for household in list_households(conn)]
    rng = random.Random(7)

    def orders(title: str, items: list[ItemSpec], chosen: list[int], pick) -> int:
        buy_id = new_buy(conn, title, "某食品店", items).buy_id
        buy = get_buy(conn, buy_id)
        item_ids = [row.id for row in _items(conn, buy_id)]
        with transaction(conn):
            for household_id in chosen:
                save_household_order(conn, buy, household_id, pick(item_ids))
        return buy_id

    small = max(1, (households * 30_000 // 5000) // max(1, buys - 3))
    for number in range(1, buys - 2):
        orders(f"日常团 {number}", [ItemSpec("青菜", 1500, "ambient"), ItemSpec("鸡蛋", 4500, "ambient")],
               rng.sample(ids, min(small, len(ids))),
               lambda item_ids: {item_ids[0]: rng.randint(1, 3), item_ids[1]: 1})
    waiting = orders("冷冻团", [ItemSpec("冷冻饺子", 3200, "frozen"), ItemSpec("鸡翅中", 5850, "chilled")],
                     ids, lambda item_ids: {item_ids[0]: rng.randint(1, 3), item_ids[1]: 1})
    record_arrival(conn, waiting, [(t.item.id, t.ordered) for t in item_totals(conn, waiting)], "pro-rata")
    made = make_bags(conn, waiting)

    def three(item_ids):
        lines = {item_ids[0]: rng.randint(1, 4)}
        if rng.random() < 0.8:
            lines[item_ids[1]] = rng.randint(1, 2)
        if rng.random() < 0.8:
            lines[item_ids[2]] = 1
        return lines

    big = orders("保供大团", [ItemSpec("冷冻饺子", 3200, "frozen"), ItemSpec("鸡翅中", 5850, "chilled"),
                             ItemSpec("东北大米", 7900, "ambient")], ids, three)
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        source = partial.with_name(partial.name + suffix)
        if source.exists():
            source.rename(path.with_name(path.name + suffix))
    return {"waiting_buy": waiting, "big_buy": big, "waiting_codes": [bag.code for bag in made.bags]}


def _items(conn, buy_id: int):
    from desktop.buys.group_buys import list_items

    return list_items(conn, buy_id)


def cached(households: int, buys: int, ktt_rows: int) -> tuple[Path, Path, Path, dict]:
    CACHE.mkdir(exist_ok=True)
    stem = f"gui-stalls-v{CACHE_VERSION}-{households}-{buys}"
    base, facts_file = CACHE / f"{stem}.sqlite", CACHE / f"{stem}.json"
    roster = CACHE / f"{stem}-roster.csv"
    export = CACHE / f"gui-stalls-ktt-{ktt_rows}.xlsx"
    if not base.exists() or not facts_file.exists():
        facts = build(base, CACHE, households, buys)
        facts_file.write_text(json.dumps(facts), encoding="utf-8")
    if not roster.exists():
        write_roster(roster, households)
        with roster.open("a", encoding="utf-8") as out:  # a few new homes, as a real roster brings
            out.write("".join(f"{90 + n // 100}-{n % 100 + 101},新住户{n}\n" for n in range(50)))
    if not export.exists():
        from ktt_import import make_export

        make_export(ktt_rows, export)
    return base, roster, export, json.loads(facts_file.read_text(encoding="utf-8"))


# ---- waiting, never processEvents() ----------------------------------------------------------------

def wait_until(done, timeout_s: float = 120.0, step_ms: int = 5) -> bool:
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return True
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(step_ms)
    poll.timeout.connect(lambda: loop.quit() if done() else None)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    poll.start()
    deadline.start(int(timeout_s * 1000))
    loop.exec()
    poll.stop()
    deadline.stop()
    if not done():
        raise TimeoutError("the window did not get there in time")
    return True


def run_for(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def idle() -> bool:
    from desktop.ui import jobs

    return jobs.running_count() == 0


def type_key(widget, char: str) -> None:
    """One key typed into `widget`, any character (QTest's key names stop at ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                 char))


class Heart:
    """A 10 ms timer on the GUI thread; the gaps between its beats are the window's stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.beats: list[float] = [time.perf_counter()]
        self.cpu: list[float] = [time.thread_time()]  # the GUI thread's own CPU time at each beat
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.timer.start()

    def _beat(self) -> None:
        self.beats.append(time.perf_counter())
        self.cpu.append(time.thread_time())

    def mark(self) -> int:
        return len(self.beats)

    def stall_ms(self, since: int) -> float:
        beats = self.beats[max(0, since - 1):]
        gaps = [(b - a) * 1000 for a, b in zip(beats, beats[1:], strict=False)]
        return round(max(0.0, max(gaps, default=0.0) - HEARTBEAT_MS), 1)

    def busy_ms(self, since: int) -> float:
        """The most CPU the GUI thread itself spent between two beats: the window's own work,
        whatever else the machine is busy with (a stall far above it is the machine's load or
        a worker holding the interpreter)."""
        cpu = self.cpu[max(0, since - 1):]
        return round(max(((b - a) * 1000 for a, b in zip(cpu, cpu[1:], strict=False)), default=0.0), 1)


class Watchdog:
    """With --why: a thread that, while the heartbeat is late by more than 100 ms, notes where the
    GUI thread is (its Python stack), so a stall names the code that caused it."""

    def __init__(self, heart: Heart) -> None:
        import threading
        import traceback

        self.seen: dict[str, int] = {}
        self.action = ""  # the action running now; stalls between actions are not noted
        gui = threading.main_thread().ident
        self._stop = threading.Event()

        def watch() -> None:
            while not self._stop.wait(0.02):
                if self.action and time.perf_counter() - heart.beats[-1] > 0.1:
                    frame = sys._current_frames().get(gui)
                    if frame is not None:
                        where = "".join(traceback.format_stack(frame, limit=14)[-10:])
                        if where.rstrip().endswith("loop.exec()"):
                            continue  # idle in the event loop: waiting for a core, not working
                        where = f"[{self.action}]\n{where}"
                        self.seen[where] = self.seen.get(where, 0) + 1

        self.thread = threading.Thread(target=watch, daemon=True)
        self.thread.start()

    def report(self) -> None:
        self._stop.set()
        for where, count in sorted(self.seen.items(), key=lambda kv: -kv[1])[:12]:
            print(f"--- seen {count}× during stalls:\n{where}", file=sys.stderr)


class Collections:
    """The interpreter's garbage collections: how long the longest took (every thread waits
    for one, the GUI thread included)."""

    def __init__(self) -> None:
        import gc

        self.longest = 0.0
        self._began = 0.0

        def note(phase: str, info: dict) -> None:
            if phase == "start":
                self._began = time.perf_counter()
            else:
                self.longest = max(self.longest, (time.perf_counter() - self._began) * 1000)

        gc.callbacks.append(note)

    def take(self) -> float:
        longest, self.longest = self.longest, 0.0
        return round(longest, 1)


class Painted:
    """When a widget was last painted (an event filter on it)."""

    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject

        outer = self
        self.count, self.at = 0, 0.0

        class Filter(QObject):
            def eventFilter(self, _watched, event) -> bool:
                if event.type() == QEvent.Type.Paint:
                    outer.count += 1
                    outer.at = time.perf_counter()
                return False

        self.filter = Filter()
        widget.installEventFilter(self.filter)


# ---- the run --------------------------------------------------------------------------------------

def measure(work: Path, roster: Path, export: Path, facts: dict, scans: int, why: bool = False,
            profile: tuple[str, ...] = ()) -> dict:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.db import connect
    from desktop.ui.app import use_bundled_font
    from desktop.ui.main_window import MainWindow
    from desktop.ui.roster.roster_page import SEARCH_DELAY_MS

    app = QApplication.instance() or QApplication([])
    use_bundled_font(app)
    if os.environ.get("GUI_STALLS_SWITCH"):  # an experiment: how often threads take turns
        sys.setswitchinterval(float(os.environ["GUI_STALLS_SWITCH"]))
    settings = QSettings(str(work.with_suffix(".ini")), QSettings.Format.IniFormat)
    conn = connect(work)
    window = MainWindow(conn, settings)
    window.resize(1366, 768)
    window.show()
    QTest.qWaitForWindowExposed(window)
    wait_until(idle)
    run_for(300)
    heart = Heart()
    collections = Collections()
    watchdog = Watchdog(heart) if why else None
    out: dict = {}

    def action(name: str, steps) -> None:
        run_for(50)  # a beat after whatever the run did to get here, so it is not counted
        start = heart.mark()
        collections.take()
        began = time.perf_counter()
        if watchdog is not None:
            watchdog.action = name
        profiler = None
        if name in profile or "all" in profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        steps()
        wait_until(idle)
        run_for(200)  # what lands after the last job (a reload, a repaint) counts too
        if profiler is not None:
            import pstats

            profiler.disable()
            print(f"--- {name}: the GUI thread's calls, by their own time then with what they call",
                  file=sys.stderr)
            stats = pstats.Stats(profiler, stream=sys.stderr).strip_dirs()
            stats.sort_stats("tottime").print_stats(15)
            stats.sort_stats("cumulative").print_stats(25)
        if watchdog is not None:
            watchdog.action = ""
        out[f"{name}_stall_ms"] = heart.stall_ms(start)
        out[f"{name}_gui_cpu_ms"] = heart.busy_ms(start)
        out[f"{name}_gc_ms"] = collections.take()
        out[f"{name}_seconds"] = round(time.perf_counter() - began, 2)
        print(f"  {name}: stall {out[f'{name}_stall_ms']} ms (GUI thread's own CPU "
              f"{out[f'{name}_gui_cpu_ms']} ms, longest garbage collection {out[f'{name}_gc_ms']} ms) "
              f"in {out[f'{name}_seconds']} s",
              file=sys.stderr, flush=True)

    # -- the roster: import, then search as you type --
    page = window.pages["roster"]
    window.show_page("roster")

    def import_roster() -> None:
        page.import_file(roster)
        wait_until(lambda: page.import_preview is not None and page.import_preview.isVisible())
        page.import_preview.accept()

    action("roster_import", import_roster)

    painted = Painted(page.table.viewport())
    keystrokes: list[float] = []

    def search() -> None:
        for query in ("12-3", "王秀", "zxy", "139000", "45-10"):
            page.search.clear()
            wait_until(lambda: page.model.query == "")
            run_for(50)
            for key in query:
                before = painted.count
                pressed = time.perf_counter()
                type_key(page.search, key)
                wanted = page.search.text()
                wait_until(lambda wanted=wanted, before=before, pressed=pressed:
                           page.model.query == wanted and painted.count > before
                           and painted.at > pressed, 10)
                keystrokes.append((painted.at - pressed) * 1000 - SEARCH_DELAY_MS)
                run_for(30)

    action("search", search)
    out["search_keystroke_p95_ms"] = round(max(0.0, percentile(keystrokes, 95)), 1)
    out["search_pause_ms"] = SEARCH_DELAY_MS

    # -- the buys: a 快团团 import, the big buy opened, its arrival --
    buys = window.pages["buys"]
    window.show_page("buys")
    run_for(200)

    def ktt() -> None:
        from desktop.ui.buys.buy_imports import KttResultDialog

        buys.import_ktt(export)
        wait_until(lambda: buys.dialog is not None and buys.dialog.isVisible())
        buys.dialog.accept()
        wait_until(lambda: isinstance(buys.dialog, KttResultDialog) and buys.dialog.isVisible())
        wait_until(idle)
        run_for(300)
        buys.dialog.accept()

    action("ktt_import", ktt)
    buys.show_list()
    wait_until(idle)
    run_for(200)
    big = facts["big_buy"]

    def open_buy() -> None:
        buys.open_buy(big)
        wait_until(lambda: buys.view.details is not None and buys.view.details.buy.id == big)

    action("open_buy", open_buy)

    def order_entry() -> None:
        entry, notice = buys.view.entry, buys.view.notice
        entry.clear()
        entry.address.setFocus()
        QTest.keyClicks(entry.address, "12-301")
        QTest.keyClick(entry.address, Qt.Key.Key_Return)
        field = entry.fields[0]
        field.selectAll()
        QTest.keyClicks(field, "2")
        QTest.keyClick(field, Qt.Key.Key_Return)
        wait_until(lambda: notice.isVisible() and "12-301" in notice.text())

    action("order_entry", order_entry)

    def arrival() -> None:
        dialog = buys.view.record_arrival()
        wait_until(lambda: dialog.preview_plan is not None)
        run_for(100)
        field = dialog.received[0]
        short = max(1, int(dialog.items[0].ordered * 0.9))
        field.setFocus()
        field.selectAll()
        QTest.keyClicks(field, str(short))
        wait_until(lambda: dialog.preview_plan is not None and dialog.preview_plan.items[0].received == short)
        run_for(300)
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: dialog.plan is not None)
        wait_until(lambda: buys.view.details is not None and buys.view.details.buy.status == "arrived")

    action("arrival", arrival)

    # -- bags and labels --
    bags = window.pages["bags"]
    window.show_page("bags")
    wait_until(idle)
    run_for(200)
    bags.buy_combo.setCurrentIndex(bags.buy_combo.findData(big))
    wait_until(idle)

    def make() -> None:
        bags.make_bags()

    action("make_bags", make)
    out["bags_made"] = getattr(bags, "_bag_count", 0)
    labels = work.with_name(f"{work.stem}-labels.pdf")

    def write_labels() -> None:
        bags.save_document("labels", labels)

    action("labels", write_labels)
    out["labels_pdf_bytes"] = labels.stat().st_size if labels.exists() else 0

    # -- the gate: F1 then F3, two scans a second --
    gate_page = window.pages["gate"]
    window.show_page("gate")
    gate_page.waiting.refresh()
    gate_page.wait_for_waiting_list()
    out["waiting_bags"] = len(gate_page.waiting_model.bags)
    gate_page.set_guard("保安老李")
    from desktop.gate import list_waiting

    new_codes = [bag.code for bag in list_waiting(conn) if bag.buy_id == big]
    rng = random.Random(3)
    codes_f1 = rng.sample(facts["waiting_codes"], min(scans, len(facts["waiting_codes"])))
    codes_f3 = rng.sample(new_codes, min(scans, len(new_codes)))
    banner = gate_page.verdict_banner

    def scan_all(mode: str, codes: list[str], times: list[float]) -> None:
        gate_page.choose(mode)
        for code in codes:
            tick = time.perf_counter()
            gate_page.scan_input.setText(code)
            before = banner.paint_count
            start = time.perf_counter()
            QTest.keyClick(gate_page.scan_input, Qt.Key.Key_Return)
            wait_until(lambda before=before: banner.paint_count != before, 10, 1)
            times.append((banner.painted_at - start) * 1000)
            rest = SCAN_INTERVAL_MS - int((time.perf_counter() - tick) * 1000)
            run_for(max(1, rest))
        wait_until(lambda: gate_page.settled)

    f1: list[float] = []
    f3: list[float] = []
    action("gate_f1", lambda: scan_all("pickup", codes_f1, f1))
    action("gate_f3", lambda: scan_all("gate", codes_f3, f3))
    out["scan_enter_to_verdict_p99_ms_f1"] = round(percentile(f1, 99), 1)
    out["scan_enter_to_verdict_p99_ms_f3"] = round(percentile(f3, 99), 1)
    out["scan_enter_to_verdict_p50_ms_f1"] = round(statistics.median(f1), 1)
    out["scan_enter_to_verdict_p50_ms_f3"] = round(statistics.median(f3), 1)
    out["waiting_bags_after"] = len(gate_page.waiting_model.bags)
    out["orders"] = conn.execute("SELECT count(*) FROM buy_order").fetchone()[0]
    heart.timer.stop()
    if watchdog is not None:
        watchdog.report()
    window.close()
    wait_until(idle)
    window.deleteLater()
    run_for(100)
    conn.close()
    return out


def with_goals(figures: dict) -> dict:
    result = {}
    for key, value in figures.items():
        result[key] = value
        if key.endswith("_stall_ms"):
            result[key + "_goal"] = GOAL_STALL_MS
        elif key == "search_keystroke_p95_ms":
            result[key + "_goal"] = GOAL_SEARCH_MS
        elif key.startswith("scan_enter_to_verdict_p99_ms"):
            result[key + "_goal"] = GOAL_SCAN_MS
    goals = [(k, v) for k, v in result.items() if k + "_goal" in result]
    result["all_goals_met"] = all(v <= result[k + "_goal"] for k, v in goals)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--households", type=int, default=HOUSEHOLDS)
    parser.add_argument("--buys", type=int, default=BUYS)
    parser.add_argument("--ktt-rows", type=int, default=KTT_ROWS)
    parser.add_argument("--scans", type=int, default=SCANS, help="scans in each gate mode")
    parser.add_argument("--why", action="store_true", help="name the code the GUI thread was in during stalls")
    parser.add_argument("--profile", action="append", default=[], metavar="ACTION",
                        help="profile the GUI thread during ACTION (or all), printed to stderr")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    base, roster, export, facts = cached(args.households, args.buys, args.ktt_rows)
    work = CACHE / f"gui-stalls-work-{os.getpid()}.sqlite"  # a run of its own, even beside another
    shutil.copyfile(base, work)
    try:
        figures = measure(work, roster, export, facts, args.scans, args.why, tuple(args.profile))
    finally:
        for stale in (*CACHE.glob(f"{work.stem}*"), *(CACHE / "backups").glob(f"{work.stem}-*")):
            stale.unlink()  # the run's file, and the backups the window took of it
        labels = work.with_name(f"{work.stem}-labels.pdf")
        if labels.exists():
            labels.unlink()
    figures["households"] = args.households
    figures["load_average"] = round(os.getloadavg()[0], 1)
    figures["run_seconds"] = round(time.perf_counter() - started, 1)
    result = with_goals(figures)
    if not args.json:
        for key, value in result.items():
            if key + "_goal" in result:
                mark = "ok" if value <= result[key + "_goal"] else "OVER"
                print(f"{key}: {value} (goal ≤ {result[key + '_goal']}) {mark}")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
