"""How long the window takes to come up: process start to the roster page's PNG on disk, and
process start to the real window shown with its saved size and page and its start-up backup made.

`startup_seconds` runs `python -m desktop --db X --screenshot out.png --page roster` on a demo
compound: the screenshot path reads no saved settings and makes no start-up check or backup.
`shown_seconds` and `backup_seconds` open the window as a person does (`run_window`, offscreen),
with the settings a previous run saved (size, page) and the start-up check and backup off the GUI
thread: from process start to the window shown, and to the start-up backup made (the window is
then closed, saving its settings again). `bare_import_seconds` is `python -c "import
PySide6.QtWidgets"` for scale (the part no code of ours can speed up). Each figure is the median of
five runs after one warm-up run, with its goal beside it as `<key>_goal`. The last line printed is
always one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from goals import beside

GOAL_SECONDS = 1.5
RUNS = 5
ROOT = Path(__file__).resolve().parents[1]


def make_compound(path: Path, households: int) -> None:
    sys.path.insert(0, str(ROOT))
    from desktop.db import connect
    from desktop.demo.compound import fill_demo

    conn = connect(path)
    try:
        fill_demo(conn, households=households, seed=7)
    finally:
        conn.close()


def timed(command: list[str], env: dict, check_file: Path | None = None) -> float:
    if check_file is not None:
        check_file.unlink(missing_ok=True)
    started = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    seconds = time.perf_counter() - started
    if result.returncode != 0 or (check_file is not None and not check_file.exists()):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()}")
    return seconds


def window_child(database: Path, launched: float) -> dict:
    """In this (fresh) process: the window as `compound-desk --db X` opens it; seconds since
    `launched` (the parent's clock when it started this process) to shown and to backed up."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import run_window

    app = QApplication([sys.argv[0]])
    seen: dict = {}

    def close_soon(window) -> None:
        QTimer.singleShot(0, window.close)

    def watch() -> None:
        for widget in app.topLevelWidgets():
            keeping = getattr(widget, "safekeeping", None)
            if keeping is None or not widget.isVisible():
                continue
            seen["shown"] = time.time() - launched
            keeping.backupMade.connect(lambda _path, w=widget: (
                seen.setdefault("backup", time.time() - launched), close_soon(w)))
            keeping.backupFailed.connect(lambda error, w=widget: (
                seen.setdefault("failed", str(error)), close_soon(w)))
            poll.stop()
            return

    poll = QTimer()
    poll.timeout.connect(watch)
    poll.start(1)
    args = argparse.Namespace(db=str(database), lang=None, page=None, gate=False, screenshot=None,
                              size=None)
    code = run_window(args)
    if code != 0 or "backup" not in seen:
        raise SystemExit(f"the window did not come up and back up: exit {code}, {seen}")
    return seen


def timed_window(database: Path, env: dict) -> dict:
    launched = time.time()
    result = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--window",
                             str(database), str(launched)],
                            env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise SystemExit(f"the window run failed ({result.returncode}): {result.stderr.strip()}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def median_of(command: list[str], env: dict, check_file: Path | None = None) -> float:
    timed(command, env, check_file)  # warm-up: loads the libraries into the page cache
    return statistics.median(timed(command, env, check_file) for _ in range(RUNS))


def run(households: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        database = folder / "compound.sqlite"
        make_compound(database, households)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMPOUND_DESK_DATA=str(folder / "data"),
                   XDG_CONFIG_HOME=str(folder / "config"))
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        png = folder / "roster.png"
        startup = median_of(
            [sys.executable, "-m", "desktop", "--db", str(database), "--screenshot", str(png),
             "--page", "roster", "--size", "1366x768"],
            env, png,
        )
        timed_window(database, env)  # warm-up: saves the window's size and page, as a day's use does
        windows = [timed_window(database, env) for _ in range(RUNS)]
        bare = median_of([sys.executable, "-c", "import PySide6.QtWidgets"], env)
    return beside({
        "startup_seconds": round(startup, 3),
        "shown_seconds": round(statistics.median(w["shown"] for w in windows), 3),
        "backup_seconds": round(statistics.median(w["backup"] for w in windows), 3),
        "bare_import_seconds": round(bare, 3),
        "goal_seconds": GOAL_SECONDS,
    }, {"startup_seconds": GOAL_SECONDS, "shown_seconds": GOAL_SECONDS})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--households", type=int, default=2000,
                        help="households in the demo compound (default 2000, a large compound)")
    parser.add_argument("--window", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.window:
        print(json.dumps(window_child(Path(args.window[0]), float(args.window[1]))))
        return 0
    figures = run(args.households)
    if not args.json:
        verdict = "within" if figures["startup_seconds"] <= GOAL_SECONDS else "OVER"
        print(
            f"Roster page of {args.households} households on screen (PNG written) in "
            f"{figures['startup_seconds']:.2f} s, {verdict} the {GOAL_SECONDS} s goal; "
            f"the real window with its saved size and page was shown after "
            f"{figures['shown_seconds']:.2f} s and its start-up backup made after "
            f"{figures['backup_seconds']:.2f} s; "
            f"importing PySide6.QtWidgets alone takes {figures['bare_import_seconds']:.2f} s."
        )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
