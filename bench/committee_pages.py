"""Does the window stand still when a committee member opens their pages at a big compound?

Builds (once, then cached in bench/.cache) the demo compound at 5,000 households with 30 days of
handing out behind it (as `bench/daily_sheet.py` does), then opens the real window (offscreen,
1366×768) and goes to the Reports, Urgent needs, Audit log, Stations and Operators pages in turn,
and on the Audit log page shows only today's changes, while a 10 ms heartbeat runs on the GUI thread.
For each, `<page>_stall_ms` is the longest gap between two beats less the 10 ms interval (how long
the window stood still), `<page>_gui_cpu_ms` the most CPU time the GUI thread itself spent between
two beats (which the machine's load does not inflate), and `<page>_shown_s` how long until the page
showed its figures.

`python bench/committee_pages.py [--households N] [--days D] [--why]`; the last line is JSON. Goal: every
stall at most 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
CACHE = ROOT / "bench" / ".cache"
GOAL_MS = 100


def cached(households: int, days: int) -> Path:
    from daily_sheet import history

    from desktop.db import connect
    from desktop.demo.compound import fill_demo

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"committee-{households}-{days}.sqlite"
    if not path.exists():
        building = path.with_suffix(".building")
        building.unlink(missing_ok=True)
        conn = connect(building)
        fill_demo(conn, households=households, seed=11)
        history(conn, days)
        conn.close()
        building.rename(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=5000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--why", action="store_true", help="name the code the GUI thread was in during stalls")
    args = parser.parse_args()
    source = cached(args.households, args.days)
    work = CACHE / "committee-work.sqlite"
    shutil.copyfile(source, work)

    from gui_stalls import Heart, Watchdog, idle, run_for, wait_until
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.db import connect
    from desktop.ui.app import use_bundled_font
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    use_bundled_font(app)
    conn = connect(work)
    window = MainWindow(conn, None)
    window.resize(1366, 768)
    window.show()
    QTest.qWaitForWindowExposed(window)
    wait_until(idle)
    run_for(300)
    heart = Heart()
    watchdog = Watchdog(heart) if args.why else None
    out: dict = {"households": args.households, "days": args.days}

    def action(name: str, steps, shown) -> None:
        run_for(50)
        start = heart.mark()
        began = time.perf_counter()
        steps()
        wait_until(lambda: idle() and shown())
        out[f"{name}_shown_s"] = round(time.perf_counter() - began, 2)
        run_for(200)
        out[f"{name}_stall_ms"] = heart.stall_ms(start)
        out[f"{name}_gui_cpu_ms"] = heart.busy_ms(start)
        print(f"  {name}: stall {out[f'{name}_stall_ms']} ms (GUI thread's own CPU "
              f"{out[f'{name}_gui_cpu_ms']} ms), shown in {out[f'{name}_shown_s']} s",
              file=sys.stderr, flush=True)

    def page_shown(key: str):
        page = window.pages[key]
        return lambda: not getattr(page, "reading", False)

    for key in ("reports", "needs", "audit", "stations", "operators"):
        action(key, lambda key=key: window.show_page(key), page_shown(key))
    audit = window.pages["audit"]
    action("audit_filter", lambda: audit.day_check.setChecked(True), page_shown("audit"))
    out["goal_stall_ms"] = GOAL_MS
    out["ok"] = all(v <= GOAL_MS for k, v in out.items() if k.endswith("_stall_ms"))
    if watchdog is not None:
        watchdog.report()
    window.close()
    conn.close()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
