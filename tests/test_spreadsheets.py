"""Spreadsheets the program writes for people cannot run anything when opened in Excel or WPS:
a cell that begins like a formula is text (an apostrophe in CSV, a string cell in XLSX), numbers
stay numbers, and `export-all`, meant for reloading, keeps every value exactly as stored."""

import csv
import io

import openpyxl
import pytest

from desktop.buys.group_buys import ItemSpec
from desktop.buys.order_sheet import write_order_sheet
from desktop.cli.main import main
from desktop.files import csv_cell, spreadsheet_csv, unguarded, xlsx_cell
from desktop.gate import scan
from desktop.roster.households import HouseholdFields, add_household
from desktop.roster.roster_io import export_roster, import_roster
from desktop.safekeeping.export_all import export_all
from tests.bag_scenes import ITEMS, compound, everyday_buy, open_buy, order

LINK = '=HYPERLINK("http://e.vil/","点我领菜")'
HOSTILE = [LINK, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)", "\t=1+1", "\r=1+1"]


def read_csv(path):
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("text", HOSTILE)
def test_one_rule_makes_formula_like_text_plain_text(text):
    assert csv_cell(text) == "'" + text
    assert unguarded(csv_cell(text)) == text
    book = openpyxl.Workbook()
    cell = xlsx_cell(book.active, text)
    assert cell.data_type == "s" and cell.value == text


@pytest.mark.parametrize("value", [12, -3, 4.5, "-3.50", "+86", "12-301", "张三", "", None])
def test_numbers_stay_numbers_and_ordinary_text_is_untouched(value):
    assert csv_cell(value) == ("" if value is None else value)
    assert xlsx_cell(openpyxl.Workbook().active, value) == value
    written = spreadsheet_csv([[value, "x"]]).decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(written))) == ["" if value is None else str(value), "x"]


@pytest.fixture
def conn(tmp_path):
    conn = compound(tmp_path)
    yield conn
    conn.close()


def test_a_roster_export_shows_a_hyperlink_name_as_text_and_reads_back_the_same(conn, tmp_path):
    add_household(conn, HouseholdFields(address="7-101", name=LINK, notes="-2楼 =1+1", people=3))
    add_household(conn, HouseholdFields(address="7-102", name="@某人", notes="+加急"))
    csv_path, xlsx_path = tmp_path / "roster.csv", tmp_path / "roster.xlsx"
    export_roster(conn, csv_path)
    export_roster(conn, xlsx_path)

    rows = {row[0]: row for row in read_csv(csv_path)}
    assert rows["7-101"][4] == "'" + LINK
    assert rows["7-101"][9] == "'-2楼 =1+1"
    assert rows["7-102"][4] == "'@某人" and rows["7-102"][9] == "'+加急"
    assert rows["7-101"][6] == "3"

    sheet = openpyxl.load_workbook(xlsx_path).active
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert cells["7-101"][4].data_type == "s" and cells["7-101"][4].value == LINK
    assert cells["7-101"][6].data_type == "n" and cells["7-101"][6].value == 3
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)

    fresh = compound(tmp_path, neighbours=[], name="fresh.sqlite")
    try:
        import_roster(fresh, csv_path)
        again = fresh.execute("SELECT name, notes FROM household WHERE address = '7-101'").fetchone()
        assert tuple(again) == (LINK, "-2楼 =1+1")
    finally:
        fresh.close()


def test_the_handoffs_export_writes_a_formula_like_name_as_text(conn, tmp_path):
    from desktop.bags.bags import make_bags

    buy = everyday_buy(conn)
    make_bags(conn, buy)
    code = conn.execute("SELECT code FROM bag ORDER BY id LIMIT 1").fetchone()[0]
    answer = scan(conn, code, record="pickup", operator="=cmd|' /C calc'!A0", proxy_name="@邻居")
    assert answer.verdict == "ok"
    path = tmp_path / "handoffs.csv"
    assert main(["--db", str(conn.path), "handoffs", "export", str(path)]) == 0
    table = read_csv(path)
    header, row = table[0], table[1]
    assert row[header.index("operator")].startswith("'=")
    assert row[header.index("proxy")] == "'@邻居"


def test_the_supplier_sheet_keeps_amounts_as_numbers_and_item_names_as_text(conn, tmp_path):
    buy = open_buy(conn, items=[*ITEMS, ItemSpec("=1+1 大礼包", 1000, "ambient")])
    order(conn, buy, "12-301", 冷冻饺子=2)
    from desktop.buys.orders import place_order

    place_order(conn, buy, "3-101", {"=1+1 大礼包": 3})
    xlsx_path, csv_path = tmp_path / "sheet.xlsx", tmp_path / "sheet.csv"
    write_order_sheet(conn, buy, xlsx_path)
    write_order_sheet(conn, buy, csv_path)
    cells = [cell for row in openpyxl.load_workbook(xlsx_path).active.iter_rows() for cell in row]
    named = [c for c in cells if c.value == "=1+1 大礼包"]
    assert named and all(c.data_type == "s" for c in named)
    assert not any(c.data_type == "f" for c in cells)
    assert any(c.data_type == "n" and c.value == 3 for c in cells)
    assert any("'=1+1 大礼包" in row for row in read_csv(csv_path))


def test_export_all_keeps_values_exactly_as_stored_for_reloading(conn, tmp_path):
    add_household(conn, HouseholdFields(address="7-101", name=LINK))
    export_all(conn, tmp_path / "all")
    rows = read_csv(tmp_path / "all" / "household.csv")
    header = rows[0]
    names = [row[header.index("name")] for row in rows[1:]]
    assert LINK in names and "'" + LINK not in names
