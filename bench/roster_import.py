"""How long a 10,000-household committee roster takes to import and to export.

Writes a GBK CSV the way Excel saves one on a Chinese Windows machine, imports it into a fresh
database and exports it again; then corrects 200 households in the program and imports the same
roster again, which lists those 200 fields as conflicts and keeps them; and times the refusal of a
roster over the row limit. The last line printed is always one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from goals import beside

GOAL_SECONDS = 2.0

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万覃武钱戴严莫孔向常汤"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建文辉力林斌宇浩凯秀兰琳晨欣怡婷雪梅佳俊鹏飞慧颖琴云莉燕凤玲志红春梅海波宁德胜国庆淑珍"
_SITUATIONS = (
    "", "", "", "", "", "", "", "",
    "独居老人", "独居老人;不会用智能手机", "有婴儿", "孕妇", "慢性病需用药", "行动不便",
    "不会用智能手机", "空巢老人，需送药", "家有婴幼儿", "轮椅",
)
_NOTES = ("", "", "", "", "", "", "对花生过敏", "白天无人在家", "请放门口", "电话常占线，请发短信")


def _full_width(number: int) -> str:
    return "".join(chr(ord(digit) + 0xFEE0) for digit in str(number))


def write_roster(path: Path, households: int, seed: int = 7) -> int:
    """A committee's roster with `households` good rows and a few bad ones; returns the bad count."""
    rng = random.Random(seed)
    places = [
        (building, entrance, floor * 100 + door)
        for building in range(1, 61)
        for entrance in range(1, 5)
        for floor in range(1, 34)
        for door in range(1, 5)
    ]
    rng.shuffle(places)
    lines = ["XX花园小区住户名单（2022年4月）,,,,,,,,", "楼号,单元,房号（如606）,户主,手机号码,户内人数,特殊情况,配送方式,备注"]
    for building, entrance, room in places[:households]:
        building_text = rng.choice((str(building), f"{building}号楼", f"{building}栋", _full_width(building)))
        room_text = rng.choice((str(room), str(room), f"{room}室"))
        name = rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))
        phone = "1" + "".join(rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9)))
        if rng.random() < 0.2:
            phone = f"{phone[:3]} {phone[3:7]} {phone[7:]}"
        situation = rng.choice(_SITUATIONS)
        delivery = "送货上门" if "独居" in situation or rng.random() < 0.05 else "自提"
        notes = rng.choice(_NOTES)
        lines.append(
            f"{building_text},{entrance}单元,{room_text},{name},{phone},{rng.randint(1, 6)},"
            f"\"{situation}\",{delivery},{notes}"
        )
    bad = [
        "12号楼,2单元,,李阿姨,13800138000,2,,,没有房号",
        "13,1单元,1201,王先生,13900139000,300,,,",
        "14,1单元,1302,赵女士,13700137000,-3,,,",
        ",,,无名氏,13600136000,1,,,",
        "15,1单元,1503,钱先生,13500135000,1,,直升机,",
    ]
    for index, row in enumerate(bad):
        lines.insert(2 + (index + 1) * households // (len(bad) + 1), row)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return len(bad)


def run(households: int) -> dict:
    from desktop.db import connect
    from desktop.roster.roster_io import export_roster, import_roster

    with tempfile.TemporaryDirectory() as folder:
        roster = Path(folder) / "roster-gbk.csv"
        bad = write_roster(roster, households)
        conn = connect(Path(folder) / "bench.sqlite")
        try:
            started = time.perf_counter()
            report = import_roster(conn, roster, lang="en")
            import_seconds = time.perf_counter() - started
            started = time.perf_counter()
            exported = export_roster(conn, Path(folder) / "export.csv")
            export_seconds = time.perf_counter() - started
            edited = _edit_in_the_program(conn, 200)
            started = time.perf_counter()
            again = import_roster(conn, roster, lang="en")
            reimport_seconds = time.perf_counter() - started
            refuse_seconds = _refusal_seconds(conn, Path(folder) / "too-many.csv")
        finally:
            conn.close()
    if report.added != households or len(report.skipped) != bad or exported != households:
        raise SystemExit(f"unexpected result: {report.as_json()} exported={exported}")
    if len(again.conflicts) != edited or again.changes or again.added:
        raise SystemExit(f"unexpected re-import: {len(again.conflicts)} conflicts, {len(again.changes)} changes")
    return {
        "households": report.added,
        "skipped": len(report.skipped),
        "import_seconds": round(import_seconds, 3),
        "export_seconds": round(export_seconds, 3),
        "reimport_conflicts": len(again.conflicts),
        "reimport_seconds": round(reimport_seconds, 3),
        "refuse_over_limit_seconds": round(refuse_seconds, 3),
        "goal_seconds": GOAL_SECONDS,
    }


def _edit_in_the_program(conn, count: int) -> int:
    """Volunteers correct `count` phone numbers at the table; returns how many."""
    from desktop.roster.households import HouseholdFields, list_households, update_household

    chosen = list_households(conn)[:count]
    for number, h in enumerate(chosen):
        update_household(conn, h.id, HouseholdFields(
            address=h.address, name=h.name, phone=f"139{number:08d}", people=h.people,
            flags=h.flags, delivery=h.delivery, notes=h.notes))
    return len(chosen)


def _refusal_seconds(conn, path: Path) -> float:
    from desktop.errors import BadInput
    from desktop.roster.roster_file import MAX_ROWS
    from desktop.roster.roster_io import import_roster

    lines = ["楼号,房号,姓名"] + [f"{1 + n // 900},{101 + n % 900},住户" for n in range(MAX_ROWS + 1)]
    path.write_text("\n".join(lines), encoding="utf-8")
    started = time.perf_counter()
    try:
        import_roster(conn, path, lang="en")
    except BadInput:
        return time.perf_counter() - started
    raise SystemExit("a roster over the limit was not refused")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--households", type=int, default=10_000)
    args = parser.parse_args(argv)
    # Run from a checkout without installing: the package sits one folder up.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    figures = beside(run(args.households), {"import_seconds": GOAL_SECONDS})
    if not args.json:
        verdict = "within" if figures["import_seconds"] <= GOAL_SECONDS else "OVER"
        print(
            f"Imported {figures['households']} households ({figures['skipped']} bad rows skipped) "
            f"in {figures['import_seconds']:.2f} s, {verdict} the {GOAL_SECONDS:.0f} s goal; "
            f"exported in {figures['export_seconds']:.2f} s; imported again over "
            f"{figures['reimport_conflicts']} program edits in {figures['reimport_seconds']:.2f} s; "
            f"refused a roster over the row limit in {figures['refuse_over_limit_seconds']:.2f} s."
        )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
