"""How long 13,000 bag labels take to print: the largest run in a lockdown report, 13,000 packs.

Builds (once, then cached in bench/.cache) a compound of 6,500 households whose arrived group buy
became 13,000 bags, one frozen and one ambient each. Then, in a fresh process so its memory is its
own, it times the program's own service writing every label on `thermal-60x40` stock to one PDF,
from the database query to the file in place. In the same run, on the first 500 labels, it times
the same labels drawn the naive way (qrcode's default `make(fit=True)`, a PIL image per label,
`drawImage`) against the program's way, and reports the ratio of the per-label times.

`peak_mb` is the measuring process's peak resident memory (`resource.getrusage` ru_maxrss), which
includes Python, reportlab and the font. The last line printed is always one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"
GOAL_SECONDS = 10.0
GOAL_RATIO = 8.0
GOAL_MB = 300.0
STOCK = "thermal-60x40"
COMPARED = 500
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


def measure(db: Path, buy: int, out_dir: Path) -> dict:
    """Runs in its own process: the full run, then the 500-label comparison."""
    import resource

    sys.path.insert(0, str(ROOT))
    from desktop.db import connect
    from desktop.printing.labels import draw_labels, labels_for_buy, write_labels
    from desktop.printing.pdf import pdf_file
    from desktop.printing.stocks import get_stock

    conn = connect(db)
    try:
        target = out_dir / "labels.pdf"
        started = time.perf_counter()
        count = write_labels(conn, buy, STOCK, target)
        seconds = time.perf_counter() - started

        labels = labels_for_buy(conn, buy)[:COMPARED]
        stock = get_stock(STOCK)
        started = time.perf_counter()
        with pdf_file(out_dir / "ours-500.pdf") as out:
            draw_labels(out, labels, stock, labels[0].buy_title)
        ours = time.perf_counter() - started
        started = time.perf_counter()
        with pdf_file(out_dir / "naive-500.pdf") as out:
            draw_labels(out, labels, stock, labels[0].buy_title, qr=naive_qr)
        naive = time.perf_counter() - started
    finally:
        conn.close()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "bags": count,
        "seconds": round(seconds, 3),
        "baseline_seconds": round(naive, 3),
        "ratio": round((naive / len(labels)) / (ours / len(labels)), 2),
        "peak_mb": round(peak_kb / 1024, 1),
        "compared": len(labels),
        "ours_seconds": round(ours, 3),
        "pdf_mb": round(target.stat().st_size / 1e6, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--bags", type=int, default=13000)
    parser.add_argument("--keep", type=Path, help="leave the PDFs in this folder")
    parser.add_argument("--measure", nargs=2, metavar=("DB", "BUY"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure:
        print(json.dumps(measure(Path(args.measure[0]), int(args.measure[1]), args.out)))
        return 0

    db, buy = cached_compound(args.bags)
    with tempfile.TemporaryDirectory(prefix="bench-labels-") as folder:
        out = args.keep or Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        result = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--measure", str(db), str(buy),
             "--out", str(out)],
            capture_output=True, text=True, env=env, timeout=600,
        )
        if result.returncode != 0:
            raise SystemExit(result.stderr.strip())
        figures = json.loads(result.stdout.strip().splitlines()[-1])
    line = {key: figures[key] for key in ("bags", "seconds", "baseline_seconds", "ratio", "peak_mb")}
    if not args.json:
        print(
            f"{figures['bags']} {STOCK} labels in {figures['seconds']:.2f} s (goal ≤ {GOAL_SECONDS} s), "
            f"a {figures['pdf_mb']} MB PDF; on {figures['compared']} labels the naive way took "
            f"{figures['baseline_seconds']:.2f} s against {figures['ours_seconds']:.2f} s, "
            f"{figures['ratio']}× slower (goal ≥ {GOAL_RATIO}); peak memory "
            f"{figures['peak_mb']} MB (ru_maxrss, goal ≤ {GOAL_MB})."
        )
    print(json.dumps(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
