"""How long the window takes to come up: process start to the roster page's PNG on disk.

Runs `python -m desktop --db X --screenshot out.png --page roster` on a demo compound, next to a
bare `python -c "import PySide6.QtWidgets"` for scale (the part no code of ours can speed up).
Each figure is the median of five runs after one warm-up run; a run ends when its process exits,
which is after the PNG is written. The last line printed is always one JSON object.
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


def median_of(command: list[str], env: dict, check_file: Path | None = None) -> float:
    timed(command, env, check_file)  # warm-up: loads the libraries into the page cache
    return statistics.median(timed(command, env, check_file) for _ in range(RUNS))


def run(households: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        database = folder / "compound.sqlite"
        make_compound(database, households)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMPOUND_DESK_DATA=str(folder / "data"))
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        png = folder / "roster.png"
        startup = median_of(
            [sys.executable, "-m", "desktop", "--db", str(database), "--screenshot", str(png),
             "--page", "roster", "--size", "1366x768"],
            env, png,
        )
        bare = median_of([sys.executable, "-c", "import PySide6.QtWidgets"], env)
    return {
        "startup_seconds": round(startup, 3),
        "bare_import_seconds": round(bare, 3),
        "goal_seconds": GOAL_SECONDS,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--households", type=int, default=2000,
                        help="households in the demo compound (default 2000, a large compound)")
    args = parser.parse_args(argv)
    figures = run(args.households)
    if not args.json:
        verdict = "within" if figures["startup_seconds"] <= GOAL_SECONDS else "OVER"
        print(
            f"Roster page of {args.households} households on screen (PNG written) in "
            f"{figures['startup_seconds']:.2f} s, {verdict} the {GOAL_SECONDS} s goal; "
            f"importing PySide6.QtWidgets alone takes {figures['bare_import_seconds']:.2f} s."
        )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
