"""How long 13,000 bag labels take to print: the largest run in a lockdown report, 13,000 packs.

Builds (once, then cached in bench/.cache) a compound of 6,500 households whose arrived group buy
became 13,000 bags, one frozen and one ambient each, and one of 50,000 bags. Then, in a fresh
process so its memory is its own, it times the program's own service writing every label on
`thermal-60x40` stock to one PDF, from the database query to the file in place, drawing processes
started and joined included (`seconds`). In another fresh process it times the first 500 labels
drawn the naive way (qrcode's default `make(fit=True)`, a PIL image per label, `drawImage`, one
process), and `ratio` is the naive way's time a label over the full run's time a label: the
program's side is never a warm rerun. The full run is made twice, each in a fresh process: timed
alone (`seconds`), then with its memory watched (`watched_seconds` on the line before: sampling
the page tables slows every process watched). The naive side is timed warm (font loaded), which only
lowers the ratio.

`peak_mb` is the largest sum, sampled every 10 ms, of the proportional set size (PSS) of the
measuring process and of every worker it started, Python, reportlab and the font included in each;
`peak_mb_50000` the same for the 50,000-bag run. The sum of plain resident sizes, which counts the
libraries once per process, is printed on the line before (`peak_rss_sum_mb`), with each process's
own `ru_maxrss` (a worker's includes its parent's pages between fork and exec). Each figure with a goal has it beside it as `<key>_goal`. The
last line printed is always one JSON object.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # also when loaded by a test
from goals import beside  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"
GOAL_SECONDS = 4.0
GOAL_RATIO = 10.0
GOAL_MB = 250.0
STOCK = "thermal-60x40"
COMPARED = 500
LARGE = 50000
CACHE_VERSION = 1


# ---- the compound -------------------------------------------------------------------------------


def build_compound(path: Path, bags: int) -> int:
    """A compound whose one arrived buy makes `bags` bags; returns the buy's id."""
    sys.path.insert(0, str(ROOT))
    from desktop.bags.bags import make_bags
    from desktop.buys.arrivals import record_arrival
    from desktop.buys.group_buys import ItemSpec, new_buy
    from desktop.buys.orders import place_household_order
    from desktop.db import connect, transaction
    from desktop.roster.households import save_values, values_from_parts

    households = bags // 2
    path.unlink(missing_ok=True)
    conn = connect(path)
    try:
        with transaction(conn):
            surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
            for n in range(households):
                building, rest = divmod(n, 96)
                floor, door = divmod(rest, 4)
                values = values_from_parts(
                    building + 1, None, (floor + 1) * 100 + door + 1,
                    name=surnames[n % len(surnames)] + "秀英", phone=f"138{n:08d}", people=2,
                    flags=(), delivery="door" if n % 17 == 0 else "pickup", notes="", active=True,
                )
                save_values(conn, values, None)
            buy = new_buy(conn, "冷冻饺子与大米团（第三批）", "某食品店",
                          [ItemSpec("冷冻饺子(1kg)", 3200, "frozen"),
                           ItemSpec("东北大米(10kg)", 7900, "ambient")]).buy_id
            ids = [row[0] for row in conn.execute("SELECT id FROM household ORDER BY id")]
            for household_id in ids:
                place_household_order(conn, buy, household_id,
                                      {"冷冻饺子(1kg)": 2, "东北大米(10kg)": 1})
            record_arrival(conn, buy, {})
        made = make_bags(conn, buy)
        assert len(made.bags) == bags, len(made.bags)
    finally:
        conn.close()
    return buy


def cached_compound(bags: int) -> tuple[Path, int]:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"labels-{bags}-v{CACHE_VERSION}.sqlite"
    marker = path.with_suffix(".buy")
    if not path.exists() or not marker.exists():
        marker.unlink(missing_ok=True)
        buy = build_compound(path, bags)
        marker.write_text(str(buy))
    return path, int(marker.read_text())


# ---- the two ways -------------------------------------------------------------------------------


def naive_qr(canvas, code: str, x: float, y: float, module: float) -> None:
    """The reference way: qrcode's default make (fit=True), a PIL image, drawImage."""
    import qrcode
    from reportlab.lib.utils import ImageReader

    image = qrcode.make(code)  # default: level M, fit=True, 4-module border, 10 px a module
    side = (21 + 8) * module
    canvas.drawImage(ImageReader(image.get_image()), x, y, width=side, height=side)


class PeakMemory:
    """The largest sum, sampled every 10 ms, of the memory of this process and of every process it
    started (the drawing workers): what the whole job holds at once. Each process counts its
    proportional set size (PSS: its own pages, and its share of pages shared with others, such as
    the libraries, or the parent's pages a child holds between its fork and its exec); the sum of
    plain resident sizes, which counts shared pages once per process, is kept beside it."""

    def __init__(self) -> None:
        import threading

        self.peak_kb = 0
        self.peak_rss_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(0.01):
            self._sample()

    def _sample(self) -> None:
        pids = [os.getpid(), *children(os.getpid())]
        self.peak_kb = max(self.peak_kb, sum(memory_kb(pid, "Pss:") for pid in pids))
        self.peak_rss_kb = max(self.peak_rss_kb, sum(memory_kb(pid, "Rss:") for pid in pids))


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found.extend(int(n) for n in task.read_text().split())
        except OSError:
            continue
    return found


def memory_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(db: Path, buy: int, out_dir: Path, watch: bool = True) -> dict:
    """Runs in its own process: the program's service writing every label, timed; with `watch`,
    the memory of the process and its workers sampled throughout (reading every process's page
    tables 100 times a second slows them: the time goal is read from a run without it)."""
    import resource

    sys.path.insert(0, str(ROOT))
    from desktop.db import connect
    from desktop.printing.label_chunks import worker_count
    from desktop.printing.labels import write_labels

    conn = connect(db)
    try:
        target = out_dir / "labels.pdf"
        memory = PeakMemory()
        with memory if watch else contextlib.nullcontext():
            started = time.perf_counter()
            count = write_labels(conn, buy, STOCK, target)
            seconds = time.perf_counter() - started
    finally:
        conn.close()
    return {
        "bags": count,
        "seconds": round(seconds, 3),
        "peak_mb": round(memory.peak_kb / 1024, 1),
        "peak_rss_sum_mb": round(memory.peak_rss_kb / 1024, 1),
        "parent_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "workers": worker_count(),
        "pdf_mb": round(target.stat().st_size / 1e6, 1),
    }


def measure_naive(db: Path, buy: int, out_dir: Path) -> dict:
    """Runs in its own process: the first COMPARED labels drawn the naive way, in one process."""
    sys.path.insert(0, str(ROOT))
    from desktop.db import connect
    from desktop.printing.labels import draw_labels, labels_for_buy
    from desktop.printing.pdf import pdf_file
    from desktop.printing.stocks import get_stock

    conn = connect(db)
    try:
        labels = labels_for_buy(conn, buy)[:COMPARED]
    finally:
        conn.close()
    stock = get_stock(STOCK)
    with pdf_file(out_dir / "naive-warm.pdf") as out:  # the font and reportlab loaded, as ours had
        draw_labels(out, labels[:20], stock, labels[0].buy_title, qr=naive_qr)
    started = time.perf_counter()
    with pdf_file(out_dir / "naive.pdf") as out:
        draw_labels(out, labels, stock, labels[0].buy_title, qr=naive_qr)
    return {"compared": len(labels), "baseline_seconds": round(time.perf_counter() - started, 3)}


def run_measure(mode: str, db: Path, buy: int, out: Path, *more: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), mode, str(db), str(buy), "--out", str(out),
         *more],
        capture_output=True, text=True, env=env, timeout=900,
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr.strip())
    return json.loads(result.stdout.strip().splitlines()[-1])


GOALS = {"seconds": GOAL_SECONDS, "ratio": GOAL_RATIO, "peak_mb": GOAL_MB}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--bags", type=int, default=13000)
    parser.add_argument("--large", type=int, default=LARGE, help="the second run's labels (memory)")
    parser.add_argument("--keep", type=Path, help="leave the PDFs in this folder")
    parser.add_argument("--measure", nargs=2, metavar=("DB", "BUY"), help=argparse.SUPPRESS)
    parser.add_argument("--unwatched", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--naive", nargs=2, metavar=("DB", "BUY"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure:
        print(json.dumps(measure(Path(args.measure[0]), int(args.measure[1]), args.out,
                                 watch=not args.unwatched)))
        return 0
    if args.naive:
        print(json.dumps(measure_naive(Path(args.naive[0]), int(args.naive[1]), args.out)))
        return 0

    db, buy = cached_compound(args.bags)
    large_db, large_buy = cached_compound(args.large)
    with tempfile.TemporaryDirectory(prefix="bench-labels-") as folder:
        out = args.keep or Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        timed = run_measure("--measure", db, buy, out, "--unwatched")
        figures = run_measure("--measure", db, buy, out)  # the same run again, its memory watched
        naive = run_measure("--naive", db, buy, out)
        large_out = out / "large"
        large_out.mkdir(exist_ok=True)
        large = run_measure("--measure", large_db, large_buy, large_out)
    figures["watched_seconds"], figures["seconds"] = figures["seconds"], timed["seconds"]
    per_label = figures["seconds"] / figures["bags"]
    naive_per_label = naive["baseline_seconds"] / naive["compared"]
    line = {
        "bags": figures["bags"], "seconds": figures["seconds"],
        "baseline_seconds": naive["baseline_seconds"],
        "ratio": round(naive_per_label / per_label, 2),
        "peak_mb": figures["peak_mb"],
        f"peak_mb_{args.large}": large["peak_mb"],
        f"seconds_{args.large}": large["seconds"],  # with its memory watched
    }
    line = beside(line, {**GOALS, f"peak_mb_{args.large}": GOAL_MB})
    extra = {"workers": figures["workers"], "pdf_mb": figures["pdf_mb"],
             "compared": naive["compared"], "parent_peak_mb": figures["parent_peak_mb"],
             "worker_peak_mb": figures["worker_peak_mb"],
             "peak_rss_sum_mb": figures["peak_rss_sum_mb"],
             f"peak_rss_sum_mb_{args.large}": large["peak_rss_sum_mb"],
             "watched_seconds": figures["watched_seconds"],
             f"parent_peak_mb_{args.large}": large["parent_peak_mb"],
             f"worker_peak_mb_{args.large}": large["worker_peak_mb"]}
    if not args.json:
        print(
            f"{figures['bags']} {STOCK} labels in {figures['seconds']:.2f} s on "
            f"{figures['workers'] + 1} processes (goal ≤ {GOAL_SECONDS} s), a {figures['pdf_mb']} MB PDF; "
            f"the naive way took {naive['baseline_seconds']:.2f} s for {naive['compared']} labels, "
            f"{line['ratio']}× slower a label than the full run (goal ≥ {GOAL_RATIO}); peak memory "
            f"{figures['peak_mb']} MB with the workers (goal ≤ {GOAL_MB}); {args.large} labels in "
            f"{large['seconds']:.2f} s, peak {large['peak_mb']} MB."
        )
        print(json.dumps(extra))
    print(json.dumps(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
