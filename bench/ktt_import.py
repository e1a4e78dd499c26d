"""How long a 20,000-row KuaiTuanTuan export takes to import and how much memory it needs
(goals: at most 3 s, counting the first load of pinyin's dictionaries, and a peak under 300 MB), and how fast too-large files are refused (goal: within
60 s and under 500 MB, exit 2).

`python bench/ktt_import.py [--rows N] [--limits] [--json]`; the last line is JSON. The export is
generated once (orders of one to three rows, some with the same 商品 at two 规格 and two prices,
later rows of an order left empty as when cells are merged, a title row, a 商品汇总表 of prices)
and kept in bench/.cache. Each import runs in a fresh process, so its peak resident memory is its
own. The roster made before the clock starts has names, so pinyin is loaded before the import as in a
window where the roster was searched first; that first load is timed on its own in the same fresh
process (`pinyin_load_ms`), and `seconds_with_pinyin_load` adds it, as a window opened straight
onto an import pays it. `--limits` also builds a workbook whose sheet unpacks past 200 MB from a small file, an
export of 200,001 rows and one of 20,001 households not on the roster, and times their refusal on
the command line.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from goals import beside

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_SECONDS = 3.0
GOAL_PEAK_MB = 300
GOAL_REFUSE_SECONDS = 60.0
GOAL_REFUSE_PEAK_MB = 500
CACHE = Path(__file__).resolve().parent / ".cache"
PRODUCTS = [("冷冻饺子", "1kg袋装", "32.00"), ("鸡翅中", "1kg", "58.50"), ("燕麦奶", "1L×12盒", "68.00"),
            ("土鸡蛋", "30枚", "45.00"), ("东北大米", "10kg", "79.00"), ("时令蔬菜包", "约5斤", "39.90"),
            ("冰淇淋黄心西瓜", "每箱六斤", "80.00"), ("冰淇淋黄心西瓜", "每箱四斤", "59.90")]
HEADER = ["下单人", "团员备注", "备注", "跟团号", "商品", "规格", "数量", "商品金额", "运费", "优惠",
          "订单金额", "退款金额", "物流方式", "服务小区", "服务小区联系人", "服务小区电话", "服务小区地址",
          "收货人", "联系电话", "详细地址", "团长", "房号（如606）", "楼号（如10）", "弄号（如168）"]


def make_export(rows: int, path: Path) -> int:
    import openpyxl

    rng = random.Random(rows)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("顾客购买表")
    sheet.append(["快团团 订单导出 保供大团购"])
    sheet.append(HEADER)
    written = orders = 0
    while written < rows:
        orders += 1
        count = min(rng.choice((1, 1, 2, 2, 3)), rows - written)
        chosen = rng.sample(PRODUCTS, count)
        lines = [(p, s, rng.randint(1, 3), float(price)) for p, s, price in chosen]
        total = round(sum(q * price for _, _, q, price in lines), 2)
        building, room = rng.randint(1, 40), rng.randint(1, 24) * 100 + rng.randint(1, 4)
        buyer = "住户" + str(orders)
        phone = f"13{rng.randrange(10**8, 10**9)}"
        for index, (product, spec, quantity, price) in enumerate(lines):
            first = index == 0
            sheet.append([
                buyer, None, None, str(orders), product, spec, quantity,
                round(quantity * price, 2), 0 if first else None, 0 if first else None,
                total if first else None, 0 if first else None, "顾客自提" if first else None,
                "样例小区" if first else None, None, None, "上海市某区某路100弄" if first else None,
                buyer, phone, f"上海市某区某路100弄样例小区{building}号{room}室" if first else None,
                "团长甲" if first else None, str(room) if first else None,
                str(building) if first else None, "100" if first else None,
            ])
            written += 1
    summary = book.create_sheet("商品汇总表")
    summary.append(["团购标题", "所属团长", "商品", "规格", "团当前单价"])
    for product, spec, price in PRODUCTS:
        summary.append(["保供大团购 50份起送", "团长甲", product, spec, price])
    book.save(path)
    return orders


_WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships"><sheets><sheet name="顾客购买表" sheetId="1" r:id="rId1"/></sheets></workbook>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
         'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
         'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
_PACKAGE_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
                 'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
                 'formats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                 '</Relationships>')
_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
          '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
          'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '</Types>')


def _cell(ref: str, value: object) -> str:
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def make_raw_export(path: Path, rows: int, *, filler_rows: int = 0, distinct: bool = False) -> None:
    """An export written straight as XML (openpyxl takes minutes for this many rows): `rows`
    order rows (each at an address of its own with `distinct`), then `filler_rows` rows of the
    same text, which compress to almost nothing."""
    letters = [chr(65 + n) for n in range(6)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                      b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            header = ["跟团号", "商品", "数量", "商品金额", "详细地址", "团长"]
            out.write(("<row r=\"1\">" + "".join(_cell(f"{c}1", h) for c, h in zip(letters, header, strict=True))
                       + "</row>").encode())
            for n in range(2, rows + 2):
                address = (f"{n // 100 + 1}-{n % 100 + 101}" if distinct
                           else f"{n % 40 + 1}-{n % 24 + 1}01")
                values = [str(n), "冷冻饺子", 1, 32, address, "团长甲"]
                out.write((f'<row r="{n}">' + "".join(_cell(f"{c}{n}", v) for c, v in
                                                      zip(letters, values, strict=True)) + "</row>").encode())
            filler = "".join(_cell(f"{c}1", "填充") for c in letters).encode()
            for _ in range(filler_rows):
                out.write(b"<row>" + filler + b"</row>")
            out.write(b"</sheetData></worksheet>")


def roster(conn, count: int) -> None:
    """Households at some of the export's addresses, so it both matches and adds households.
    They have names, as a real roster does, so the pinyin index is loaded before the clock starts
    (as in the window, where the roster has been searched before anything is imported)."""
    from desktop.db.connection import transaction
    from desktop.roster.households import save_values, values_from_parts

    rng = random.Random(1)
    places = {(rng.randint(1, 40), rng.randint(1, 24) * 100 + rng.randint(1, 4)) for _ in range(count)}
    with transaction(conn):
        for building, room in sorted(places):
            save_values(conn, values_from_parts(building, None, room, name="王秀英", phone="", people=1,
                                                flags=(), delivery="pickup", notes="", active=True),
                        None)


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def child_import(export: Path) -> dict:
    """In this (fresh) process: the first use of pinyin timed on its own, a roster, then the
    import, timed; with the process's peak memory."""
    from desktop.buys.ktt import import_export
    from desktop.db import connect
    from desktop.roster.households import name_initials

    started = time.perf_counter()
    name_initials("王秀英")  # pypinyin and its dictionaries load on their first use
    pinyin_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        conn = connect(Path(folder) / "bench.sqlite")
        roster(conn, 1500)
        before = _peak_mb()
        started = time.perf_counter()
        result = import_export(conn, export, supplier="保供直供")
        seconds = time.perf_counter() - started
        conn.close()
    return {"orders": result.orders, "households_matched": result.households_matched,
            "households_created": result.households_created, "items": len(result.items),
            "seconds": round(seconds, 3), "pinyin_load_ms": round(pinyin_seconds * 1000, 1),
            "seconds_with_pinyin_load": round(seconds + pinyin_seconds, 3),
            "peak_mb": _peak_mb(), "peak_mb_before_import": before}


def _run_child(*argv: str) -> dict:
    done = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def child_refuse(path: Path) -> dict:
    """The command line asked to import a file it must refuse: exit code, time, peak memory."""
    from desktop.cli.main import main

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        code = main(["--db", str(Path(folder) / "c.sqlite"), "buys", "import", str(path)])
        seconds = time.perf_counter() - started
    return {"exit": code, "seconds": round(seconds, 2), "peak_mb": _peak_mb()}


def limits(folder: Path) -> dict:
    bomb = folder / "bomb.xlsx"
    make_raw_export(bomb, 10, filler_rows=1_400_000)  # ~300 MB of sheet XML
    many = CACHE / "ktt-export-200001-rows-v2.xlsx"
    if not many.exists():
        partial = many.with_suffix(".partial")
        make_raw_export(partial, 200_001)
        partial.replace(many)
    crowd = folder / "crowd.xlsx"
    make_raw_export(crowd, 20_001, distinct=True)
    figures = {}
    for name, path in (("unpacks_past_200mb", bomb), ("over_200000_rows", many),
                       ("over_20000_new_households", crowd)):
        result = _run_child("--refuse", str(path))
        result["file_kb"] = path.stat().st_size // 1024
        result["ok"] = (result["exit"] == 2 and result["seconds"] <= GOAL_REFUSE_SECONDS
                        and result["peak_mb"] <= GOAL_REFUSE_PEAK_MB)
        figures[name] = result
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--limits", action="store_true", help="also time the refusal of too-large files")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--refuse", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child_import(args.child)))
        return 0
    if args.refuse:
        import contextlib
        import io

        with contextlib.redirect_stderr(io.StringIO()) as said:
            figures = child_refuse(args.refuse)
        figures["said"] = said.getvalue().strip()
        print(json.dumps(figures, ensure_ascii=False))
        return 0

    CACHE.mkdir(exist_ok=True)
    export = CACHE / f"ktt-export-{args.rows}-v2.xlsx"
    if not export.exists():
        partial = export.with_suffix(".partial")
        make_export(args.rows, partial)
        partial.replace(export)
    figures = {"rows": args.rows, **_run_child("--child", str(export)),
               "goal_seconds": GOAL_SECONDS, "goal_peak_mb": GOAL_PEAK_MB}
    figures["ok"] = (figures["seconds_with_pinyin_load"] <= GOAL_SECONDS
                     and figures["peak_mb"] <= GOAL_PEAK_MB)
    if args.limits:
        with tempfile.TemporaryDirectory() as folder:
            figures["refusals"] = limits(Path(folder))
        figures["ok"] = figures["ok"] and all(r["ok"] for r in figures["refusals"].values())
    if not args.json:
        print(f"{args.rows} rows, {figures['orders']} orders imported in {figures['seconds']:.2f} s, "
              f"{figures['seconds_with_pinyin_load']:.2f} s with pinyin's first load "
              f"({figures['pinyin_load_ms']} ms; goal {GOAL_SECONDS} s), peak {figures['peak_mb']} MB (goal {GOAL_PEAK_MB} MB)")
        for name, refusal in figures.get("refusals", {}).items():
            print(f"{name}: exit {refusal['exit']} in {refusal['seconds']} s, peak "
                  f"{refusal['peak_mb']} MB, file {refusal['file_kb']} KB")
    print(json.dumps(beside(figures, {
        "seconds": GOAL_SECONDS, "seconds_with_pinyin_load": GOAL_SECONDS,
        "peak_mb": GOAL_PEAK_MB}), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
