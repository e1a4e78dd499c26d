"""Shared scenery for the group-buy tests: a small compound, and KuaiTuanTuan exports of any shape."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl

from desktop.buys.group_buys import ItemSpec, new_buy
from desktop.db import connect
from desktop.roster.households import HouseholdFields, add_household

FIXTURES = Path(__file__).resolve().parent / "fixtures"
KTT_SAMPLE = FIXTURES / "kuaituantuan-export.xlsx"
JIELONG_SAMPLE = FIXTURES / "jielong.txt"

# address, name, phone, flags
NEIGHBOURS = [
    ("12-301", "张三", "13800000001", ()),
    ("5-1202", "李阿姨", "13800000002", ("elderly_alone", "no_smartphone")),
    ("7-2-502", "王芳", "13800000003", ()),
    ("18-1101", "赵先生", "13800000004", ()),
    ("3-1701", "陈静", "13800000005", ("infant",)),
    ("9-101", "刘强", "13800000006", ()),
]


def compound(tmp_path: Path, neighbours=NEIGHBOURS, name: str = "c.sqlite"):
    conn = connect(tmp_path / name)
    for address, person, phone, flags in neighbours:
        add_household(conn, HouseholdFields(address=address, name=person, phone=phone,
                                            flags=flags))
    return conn


def dumpling_buy(conn, *, cap=None, minimum=None, supplier="某食品店", wings=True) -> int:
    items = [ItemSpec("冷冻饺子", 3200, "frozen", cap=cap)]
    if wings:
        items.append(ItemSpec("鸡翅中", 5850, "chilled"))
    return new_buy(conn, "冷冻饺子团", supplier, items, minimum=minimum).buy_id


def table_counts(conn) -> dict[str, int]:
    """How many rows each table holds: what `nothing changed` is checked against."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def snapshot(conn) -> dict[str, list[tuple]]:
    """Every row of every group-buy table, to prove an action changed nothing at all."""
    tables = ["household", "supplier", "group_buy", "item", "buy_order", "order_line", "payment",
              "arrival", "buy_status_event", "supplier_event"]
    return {t: [tuple(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY id")] for t in tables}


KTT_HEADER = ["下单人", "团员备注", "备注", "跟团号", "商品", "规格", "数量", "商品金额", "运费", "优惠",
              "订单金额", "退款金额", "物流方式", "服务小区", "服务小区联系人", "服务小区电话",
              "服务小区地址", "收货人", "联系电话", "详细地址", "团长", "房号（如606）", "楼号（如10）",
              "弄号（如168）"]


def ktt_order(ref, buyer, phone, address, lines, *, building=None, room=None, paid=None,
              refund=0, note=None, fee=0):
    """Rows of one platform order: lines are (product, spec, quantity, line amount in yuan), and
    its delivery fee (运费) in yuan, inside what was paid."""
    total = sum(amount for *_, amount in lines) + fee if paid is None else paid
    rows = []
    for index, (product, spec, quantity, amount) in enumerate(lines):
        first = index == 0
        rows.append({
            "下单人": buyer, "团员备注": note if first else None, "跟团号": str(ref),
            "商品": product, "规格": spec, "数量": quantity, "商品金额": amount,
            "运费": fee if first else None, "优惠": 0 if first else None,
            "订单金额": total if first else None, "退款金额": refund if first else None,
            "物流方式": "顾客自提" if first else None, "服务小区": "样例小区" if first else None,
            "收货人": buyer, "联系电话": phone,
            "详细地址": address if first else None, "团长": "团长甲" if first else None,
            "房号（如606）": room if first else None, "楼号（如10）": building if first else None,
            "弄号（如168）": "100" if first else None,
        })
    return rows


def write_ktt(path: Path, orders: list[list[dict]], *, header=KTT_HEADER, merge=False,
              summary: list[tuple] | None = None, title_rows: int = 0,
              sheet_name: str = "顾客购买表") -> Path:
    """An export in KuaiTuanTuan's layout, in any column order, merged cells if asked, and an
    optional 商品汇总表 of (product, spec, unit price text)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = sheet_name
    for _ in range(title_rows):
        sheet.append(["快团团订单导出"])
    sheet.append(list(header))
    order_fields = ("下单人", "跟团号", "运费", "优惠", "订单金额", "退款金额", "物流方式", "服务小区",
                    "收货人", "联系电话", "详细地址", "团长", "房号（如606）", "楼号（如10）",
                    "弄号（如168）")
    for rows in orders:
        start = sheet.max_row + 1
        for row in rows:
            sheet.append([row.get(column) for column in header])
        if merge and len(rows) > 1:
            for column, name in enumerate(header, 1):
                if name in order_fields:
                    sheet.merge_cells(start_row=start, start_column=column,
                                      end_row=start + len(rows) - 1, end_column=column)
    if summary is not None:
        totals = book.create_sheet("商品汇总表")
        totals.append(["团购标题", "所属团长", "商品", "规格", "团当前单价"])
        for product, spec, price in summary:
            totals.append(["冷冻食品团购 30份起送", "团长甲", product, spec, price])
    book.save(path)
    return path


def add_cached_values(path: Path, cached: dict[str, object]) -> None:
    """Give formula cells the results Excel would have saved (openpyxl cannot write them)."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    name = "xl/worksheets/sheet1.xml"
    xml = parts[name].decode("utf-8")
    for ref, value in cached.items():
        xml, count = re.subn(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*/>',
                             lambda m, v=value: f"{m.group(1)}{m.group(2)}<v>{v}</v>", xml)
        assert count == 1, ref
    parts[name] = xml.encode("utf-8")
    temporary = path.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in parts.items():
            target.writestr(part, data)
    shutil.move(temporary, path)


def _rewrite(path: Path, change) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    change(parts)
    temporary = path.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in parts.items():
            target.writestr(part, data)
    shutil.move(temporary, path)


def as_shared_strings(path: Path) -> None:
    """Store the text of the first sheet the way Excel and WPS do: in a shared string table, one
    of them as rich text in two runs, with an escaped line break and an ampersand."""
    def change(parts):
        xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
        strings: list[str] = []

        def share(match):
            strings.append(match.group(2))
            return f'<c r="{match.group(1)}" t="s"><v>{len(strings) - 1}</v></c>'

        xml = re.sub(r'<c r="([A-Z]+\d+)" t="inlineStr"><is><t>([^<]*)</t></is></c>', share, xml)
        parts["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
        items = []
        for text in strings:
            if len(text) > 2 and not text.isascii():
                items.append(f"<si><r><t>{text[:2]}</t></r><r><rPr><b/></rPr><t>{text[2:]}</t></r>"
                             f"<rPh><t>ピン</t></rPh></si>")
            else:
                items.append(f"<si><t>{text}</t></si>")
        table = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                 f'spreadsheetml/2006/main" count="{len(items)}">{"".join(items)}</sst>')
        parts["xl/sharedStrings.xml"] = table.encode("utf-8")
        types = parts["[Content_Types].xml"].decode("utf-8").replace(
            "</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        parts["[Content_Types].xml"] = types.encode("utf-8")
        rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8").replace(
            "</Relationships>", '<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>")
        parts["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")

    _rewrite(path, change)


def with_namespace_prefix(path: Path) -> None:
    """Write the first sheet's XML with an `x:` prefix on every element, as the OpenXML SDK does."""
    def change(parts):
        xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
        xml = re.sub(r"<(/?)(?=[A-Za-z])", r"<\1x:", xml)
        xml = xml.replace('xmlns="', 'xmlns:x="', 1)
        parts["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")

    _rewrite(path, change)


WATERMELON_BIG = ("冰淇淋黄心西瓜", "每箱六斤")
WATERMELON_SMALL = ("冰淇淋黄心西瓜", "每箱四斤")
EGGS = ("土鸡蛋", "30枚")
ICE_CREAM = ("香草冰淇淋", "4盒装")


def real_ktt_orders() -> list[list[dict]]:
    """Orders as a real export carries them: one 跟团号 with the same 商品 at two 规格 and two
    prices, and one household (37-1002) that ordered twice, its second order paid with its first
    (the platform puts the whole amount on one 跟团号 when it merges a buyer's orders)."""
    return [
        ktt_order(11, "张三", "13800000001", "样例小区12号楼301",
                  [(*WATERMELON_BIG, 1, 80), (*WATERMELON_SMALL, 2, 119.8)],
                  building="12", room="301"),
        ktt_order(12, "周女士", "13912345678", "样例小区37号楼1002",
                  [(*EGGS, 1, 36)], building="37", room="1002", paid=72),
        ktt_order(13, "周女士", "13912345678", "样例小区37号楼1002",
                  [(*EGGS, 1, 36)], building="37", room="1002", paid=0),
        ktt_order(14, "王芳", "13800000003", "上海市某区某路100弄7栋2单元502",
                  [(*WATERMELON_SMALL, 1, 59.9), (*ICE_CREAM, 1, 45)]),
        ktt_order(15, "吴先生", "13700001234", "放门卫", [(*EGGS, 1, 36)]),
    ]


def write_real_ktt(path: Path, orders: list[list[dict]] | None = None, *,
                   summary: list[tuple] | None = None) -> Path:
    """A real-format 快团团 export: a title row above the header, merged order cells, text in a
    shared string table, and a 商品汇总表 that lists only the first 规格 of the watermelon, at a
    price the rows do not agree with."""
    if summary is None:
        summary = [(*WATERMELON_BIG, "75.00"), (*EGGS, "36.00"), (*ICE_CREAM, "45.00")]
    write_ktt(path, orders if orders is not None else real_ktt_orders(), merge=True,
              summary=summary, title_rows=1)
    as_shared_strings(path)
    return path
