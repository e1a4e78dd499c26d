"""Roster import and export, as committees and volunteers meet them: their files, their mistakes."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.db import connect, transaction
from desktop.errors import BadInput, Cancelled
from desktop.roster import households
from desktop.roster.roster_file import header_field as _header_field
from desktop.roster.roster_io import EXPORT_COLUMNS, export_roster, import_roster
from desktop.words import describe

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "roster-gbk.csv"  # as Excel saved it


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "c.sqlite")
    yield connection
    connection.close()


def snapshot(conn) -> list[tuple]:
    """Every stored household, every column: what "nothing changed" is checked against."""
    return [tuple(row) for row in conn.execute("SELECT * FROM household ORDER BY id")]


def roster(conn) -> dict[str, households.Household]:
    return {h.address: h for h in households.list_households(conn)}


def essentials(h: households.Household) -> tuple:
    return (h.address, h.building, h.entrance, h.room, h.name, h.phone, h.people, h.flags,
            h.delivery, h.notes, h.active)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def add(conn, address: str, **fields) -> None:
    households.add_household(conn, households.HouseholdFields(address=address, **fields))


# ---- committee files that must come in whole ---------------------------------------------------


def test_a_committees_gbk_roster_from_excel_imports_with_every_household_and_its_flags(conn):
    with pytest.raises(UnicodeDecodeError):
        SAMPLE.read_bytes().decode("utf-8")  # the sample really is GBK, as Excel saved it

    report = import_roster(conn, SAMPLE, lang="en")

    assert report.as_json() == {"added": 40, "updated": 0, "unchanged": 0, "skipped": [],
                                "changes": [], "conflicts": [], "not_in_file": []}
    found = roster(conn)
    assert len(found) == 40
    widow = found["21-504"]
    assert widow.name == "熊娟霄"
    assert widow.flags == ("elderly_alone", "no_smartphone")
    assert found["33-603"].flags == ("infant",)  # from 有婴儿
    assert found["36-1304"].phone == "18176031372"  # typed as 181 7603 1372
    assert found["15-204"].name == "尹纨"  # building written in full-width digits, １５
    assert found["36-301"].name == "徐育爽"  # 36栋, 301室
    assert found["22-1804"].flags == ("chronic_medication",)  # 慢性病需用药
    assert found["24-101"].people == 6
    assert found["24-101"].flags == ()


def test_importing_the_same_roster_again_changes_nothing(conn):
    import_roster(conn, SAMPLE)
    before = snapshot(conn)

    report = import_roster(conn, SAMPLE)

    assert report.as_json() == {"added": 0, "updated": 0, "unchanged": 40, "skipped": [],
                                "changes": [], "conflicts": [], "not_in_file": []}
    assert snapshot(conn) == before


ROSTER_TEXT = (
    "地址,姓名,电话,人数,特殊情况\n"
    "12-301,张三,138 0013 8000,3,独居老人\n"
    "12号楼2单元502室,李四,13900139000,2,孕妇、行动不便\n"
)


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8", ","),
        ("utf-8-sig", ","),
        ("gbk", ","),
        ("gb18030", ","),
        ("utf-8", "\t"),
        ("gbk", ";"),
        ("utf-16", "\t"),  # Excel's "Unicode text": UTF-16 with a BOM, tab-separated
    ],
)
def test_a_roster_in_any_encoding_and_delimiter_excel_uses_is_read_without_asking(
    conn, tmp_path, encoding, delimiter
):
    path = write(tmp_path / "roster.csv", ROSTER_TEXT.replace(",", delimiter), encoding)

    report = import_roster(conn, path)

    assert (report.added, report.skipped) == (2, [])
    found = roster(conn)
    assert (found["12-301"].name, found["12-301"].phone) == ("张三", "13800138000")
    assert found["12-301"].flags == ("elderly_alone",)
    assert found["12-2-502"].flags == ("pregnant", "disability")


def test_a_name_only_gb18030_can_write_survives_the_import(conn, tmp_path):
    name = "王𠀀䶮"
    with pytest.raises(UnicodeEncodeError):
        name.encode("gbk")
    path = write(tmp_path / "roster.csv", f"楼号,房号,姓名\n7,702,{name}\n", "gb18030")

    import_roster(conn, path)

    assert roster(conn)["7-702"].name == name


def test_an_excel_roster_with_a_title_row_and_numbers_as_floats_imports(conn, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["阳光小区住户名单（4月）"])
    sheet.append(["楼号", "单元", "房号（如606）", "户主", "手机号码", "户内人数", "特殊情况", "配送方式"])
    sheet.append([12, 2.0, 301.0, "王建国", 13800138000, 3.0, "有婴儿", "送货上门"])
    sheet.append(["5号楼", None, "1201室", "李秀英", "139 0013 9000", 1, "独居老人", None])
    sheet.append([6, 1, 101, "赵六", None, 300, None, None])  # row 5: no household has 300
    sheet.append([None, None, None, None, None, None, None, None])
    sheet.append([6, 1, 102, "钱七", None, None, None, None])
    path = tmp_path / "名单.xlsx"
    book.save(path)

    report = import_roster(conn, path, lang="en")

    assert (report.added, report.updated, report.unchanged) == (3, 0, 0)
    assert [row.line for row in report.skipped] == [5]
    assert "300" in report.skipped[0].reason
    found = roster(conn)
    family = found["12-2-301"]
    assert (family.phone, family.people, family.flags, family.delivery) == (
        "13800138000", 3, ("infant",), "door"
    )
    assert found["5-1201"].flags == ("elderly_alone",)
    assert found["6-1-102"].people == 1


def test_postal_lines_in_the_address_column_become_building_and_room(conn, tmp_path):
    path = write(
        tmp_path / "roster.csv",
        "详细地址,收货人\n"
        "上海市某区某路288弄静安花园12号1201室,周先生\n"
        "12栋2单元301,吴女士\n"
        "１８－６０２,郑阿姨\n",
    )

    import_roster(conn, path)

    assert set(roster(conn)) == {"12-1201", "12-2-301", "18-602"}


def test_a_roster_with_english_headers_imports(conn, tmp_path):
    path = write(
        tmp_path / "roster.csv",
        "Address,Name,Phone number,People,Flags,Delivery,Notes\n"
        "3-101,Anna Li,+86 138 0013 8000,2,infant;no_smartphone,door,leave at the door\n",
    )

    import_roster(conn, path)

    anna = roster(conn)["3-101"]
    assert (anna.name, anna.phone, anna.people) == ("Anna Li", "13800138000", 2)
    assert (anna.flags, anna.delivery, anna.notes) == (
        ("infant", "no_smartphone"), "door", "leave at the door"
    )


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("房号（如606）", "room"),
        ("房号(如606)", "room"),
        ("手机号码", "phone"),
        ("联系人电话", "phone"),
        ("联系人", "name"),
        ("户主姓名", "name"),
        (" 姓 名 ", "name"),
        ("ＡＤＤＲＥＳＳ", "address"),
        ("详细地址", "address"),
        ("门牌号", "address"),
        ("楼栋号", "building"),
        ("栋", "building"),
        ("幢", "building"),
        ("室", "room"),
        ("单元", "entrance"),
        ("户内人数（人）", "people"),
        ("特殊情况（独居、婴儿等）", "flags"),
        ("配送方式", "delivery"),
        ("*备注：", "notes"),
        ("Phone number", "phone"),
        ("栋长", None),  # a single character counts only as the whole header
        ("会议室", None),
        ("阳光小区住户名单", None),
    ],
)
def test_headers_are_recognised_the_way_committees_write_them(header, field):
    found = _header_field(header)
    assert (found[0] if found else None) == field


def test_a_messy_header_still_tells_the_contact_from_the_contacts_phone(conn, tmp_path):
    path = write(
        tmp_path / "roster.csv",
        "  楼 号 ,房号（如606）,联系人,联系人电话,户内人数（人）\n8,1502,孙丽,137 0013 7000,4\n",
    )

    import_roster(conn, path)

    household = roster(conn)["8-1502"]
    assert (household.name, household.phone, household.people) == ("孙丽", "13700137000", 4)


def test_a_door_number_column_beside_a_building_column_is_read_as_the_room(conn, tmp_path):
    path = write(tmp_path / "roster.csv", "楼号,门牌号,姓名\n9,302,钱明\n10,11-1101,冯华\n")

    import_roster(conn, path)

    assert set(roster(conn)) == {"9-302", "11-1101"}


def test_the_programs_own_export_headers_import_back(conn, tmp_path):
    path = write(
        tmp_path / "roster.csv",
        ",".join(EXPORT_COLUMNS) + "\n"
        "4-2-601,4,2,601,林芳,13600136000,3,elderly_alone;disability,door,\"3楼电梯坏了, 请送上楼\"\n",
    )

    import_roster(conn, path)

    household = roster(conn)["4-2-601"]
    assert household.flags == ("elderly_alone", "disability")
    assert household.delivery == "door"
    assert household.notes == "3楼电梯坏了, 请送上楼"


# ---- repeats, updates and dry runs ----------------------------------------------------------


def test_a_household_already_on_the_roster_is_updated_and_blank_cells_keep_what_was_stored(
    conn, tmp_path
):
    add(conn, "12-301", name="张三", phone="13800138000", people=3, flags=["infant"],
        delivery="door", notes="门口放箱子")
    path = write(
        tmp_path / "roster.csv",
        "楼号,房号,户主,电话,人数,特殊情况,配送方式,备注\n12号楼,301室,,13900139000,,,,\n",
    )

    report = import_roster(conn, path)

    assert (report.added, report.updated, report.unchanged) == (0, 1, 0)
    household = roster(conn)["12-301"]
    assert household.phone == "13900139000"
    assert (household.name, household.people, household.flags) == ("张三", 3, ("infant",))
    assert (household.delivery, household.notes) == ("door", "门口放箱子")
    assert households.search_households(conn, "zs")[0].address == "12-301"  # initials kept too


def test_a_household_listed_twice_in_one_file_is_one_household_with_the_later_values(
    conn, tmp_path
):
    path = write(
        tmp_path / "roster.csv",
        "地址,姓名,人数\n5-101,王五,1\n5号楼101室,,2\n5-101,王五,2\n",
    )

    report = import_roster(conn, path)

    assert (report.added, report.updated, report.unchanged) == (1, 1, 1)
    household = roster(conn)["5-101"]
    assert (household.name, household.people) == ("王五", 2)


MIXED = (
    "地址,姓名,人数\n"
    "1-101,老住户改名,2\n"  # updates
    "1-102,原样,1\n"  # unchanged
    "1-103,新来的,3\n"  # added
    "1-103,新来的,4\n"  # a repeat within the file: updated
    "1号楼,无房号,1\n"  # skipped
)


def test_a_dry_run_reports_what_an_import_would_do_and_changes_nothing(conn, tmp_path):
    add(conn, "1-101", name="老住户", people=2)
    add(conn, "1-102", name="原样", people=1)
    before = snapshot(conn)
    path = write(tmp_path / "roster.csv", MIXED)

    rehearsal = import_roster(conn, path, dry_run=True, lang="en")

    assert snapshot(conn) == before
    assert rehearsal.dry_run
    assert rehearsal.as_json() == {
        "added": 1, "updated": 2, "unchanged": 1,
        "skipped": [{"line": 6, "reason": rehearsal.skipped[0].reason}],
        "changes": [
            {"address": "1-101", "field": "name", "old": "老住户", "new": "老住户改名"},
            {"address": "1-103", "field": "people", "old": 3, "new": 4},
        ],
        "conflicts": [],
        "not_in_file": [],
    }
    assert "Dry run" in rehearsal.summary("en")

    real = import_roster(conn, path, lang="en")

    assert real.as_json() == rehearsal.as_json()
    assert not real.dry_run
    assert roster(conn)["1-103"].people == 4


# ---- bad rows and bad files -----------------------------------------------------------------


def test_bad_rows_are_skipped_and_named_by_their_line_in_the_file(conn, tmp_path):
    path = write(
        tmp_path / "roster.csv",
        "阳光小区住户名单,,,\n"  # line 1: a title above the header
        "地址,姓名,人数,备注\n"  # line 2
        "1-101,甲,1,\n"  # line 3
        '1-102,乙,2,"第一行\n第二行"\n'  # lines 4-5: one row, its notes on two lines
        "1号楼,丙,1,\n"  # line 6: no room
        "\n"  # line 7: blank, ignored
        ",,,\n"  # line 8: blank too
        "1-104,丁,300,\n"  # line 9
        "1-105,戊,-3,\n"  # line 10
        "1-106,己,2,\n",  # line 11
    )

    report = import_roster(conn, path, lang="zh")

    assert report.added == 3
    assert [row.line for row in report.skipped] == [6, 9, 10]
    assert "没有房号" in report.skipped[0].reason
    assert "300" in report.skipped[1].reason
    assert "-3" in report.skipped[2].reason
    assert roster(conn)["1-102"].notes == "第一行\n第二行"
    summary = report.summary("zh")
    assert "第 6 行" in summary and "第 10 行" in summary
    assert "line 9" in report.summary("en")


def test_a_file_of_nothing_but_bad_rows_imports_nothing_and_reports_each(conn, tmp_path):
    add(conn, "2-201", name="原有")
    before = snapshot(conn)
    path = write(tmp_path / "roster.csv", "楼号,房号,人数\n3,,1\n,,2\n4,401,20000\n")

    report = import_roster(conn, path, lang="en")

    assert (report.added, report.updated, report.unchanged) == (0, 0, 0)
    assert [row.line for row in report.skipped] == [2, 3, 4]
    assert snapshot(conn) == before


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document>地址</document>")


def _truncated_xlsx(path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["地址", "姓名"])
    book.active.append(["1-101", "甲"])
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue()[:300])


BAD_FILES = {
    "a PDF": ("roster.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "file_format_unknown"),
    "a .docx renamed .csv": ("roster.csv", _docx, "file_format_unknown"),
    "binary garbage": ("roster.csv", lambda p: p.write_bytes(bytes(range(256)) * 8), "file_format_unknown"),
    "an old .xls": ("roster.csv", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500), "file_format_unknown"),
    "a Western Windows encoding": ("roster.csv", lambda p: write(p, "address,name\n1-101,Zoë Åberg\n", "cp1252"), "file_line_encoding_unknown"),
    "a damaged Excel file": ("roster.xlsx", _truncated_xlsx, "xlsx_corrupt"),
    "a table without a header": ("roster.csv", lambda p: write(p, "1-101,张三\n1-102,李四\n"), "roster_no_header"),
    "an empty file": ("roster.csv", lambda p: p.write_bytes(b""), "roster_no_header"),
    "a missing file": ("nowhere.csv", lambda p: None, "file_missing"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_file_that_cannot_be_read_is_refused_with_a_sentence_and_changes_nothing(
    conn, tmp_path, case
):
    name, make, code = BAD_FILES[case]
    add(conn, "2-201", name="原有")
    before = snapshot(conn)
    path = tmp_path / name
    make(path)

    with pytest.raises(BadInput) as refused:
        import_roster(conn, path)

    assert refused.value.code == code
    assert str(path) in describe(refused.value, "en")
    assert str(path) in describe(refused.value, "zh")
    assert snapshot(conn) == before


def test_stopping_an_import_midway_leaves_the_roster_as_it_was(conn, tmp_path):
    add(conn, "2-201", name="原有")
    before = snapshot(conn)
    rows = "".join(f"{n // 100 + 3}-{n % 100 + 101},住户{n},1\n" for n in range(1000))
    path = write(tmp_path / "roster.csv", "地址,姓名,人数\n" + rows)
    asked = []

    def should_cancel() -> bool:
        asked.append(1)
        return len(asked) > 3  # the user presses Stop a few hundred rows in

    with pytest.raises(Cancelled):
        import_roster(conn, path, should_cancel=should_cancel)

    assert snapshot(conn) == before


def test_progress_is_reported_every_few_hundred_rows_and_ends_at_the_total(conn, tmp_path):
    rows = "".join(f"{n // 100 + 3}-{n % 100 + 101},住户{n},1\n" for n in range(1000))
    path = write(tmp_path / "roster.csv", "地址,姓名,人数\n" + rows)
    seen: list[tuple[int, int]] = []

    import_roster(conn, path, progress=lambda done, total: seen.append((done, total)))

    assert seen[-1] == (1000, 1000)
    assert 2 <= len(seen) <= 12
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_the_command_line_prints_the_import_as_json(tmp_path, capsys):
    from desktop.cli.main import main

    code = main(["roster", "import", str(SAMPLE), "--db", str(tmp_path / "c.sqlite"), "--json"])

    assert code == 0
    assert json.loads(capsys.readouterr().out)["added"] == 40


# ---- export ---------------------------------------------------------------------------------


def _varied_roster(conn) -> None:
    add(conn, "12-301", name="张三", phone="13800138000", people=3, flags=["infant", "pregnant"])
    add(conn, "12-2-502", name="李四", phone="", people=1, delivery="door",
        notes='多行备注\n第二行, 有逗号 "引号"')
    add(conn, "3-101", name="", people=2, flags=["elderly_alone", "no_smartphone"])
    add(conn, "3-1-1101", name="Anna Li", phone="075512345678", people=20,
        flags=list(households.FLAGS), delivery="door")
    add(conn, "40-1801", name="王𠀀", notes="=SUM(A1)")
    add(conn, "3-102", name="已搬走")
    gone = households.find_household(conn, "3-102")
    households.update_household(
        conn, gone.id, households.HouseholdFields(address="3-102", name="已搬走", active=False)
    )


def test_a_csv_export_opens_right_in_excel_and_lists_active_households_by_address(conn, tmp_path):
    _varied_roster(conn)
    path = tmp_path / "roster.csv"

    written = export_roster(conn, path)

    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert table[0] == list(EXPORT_COLUMNS)
    assert written == len(table) - 1 == 5
    assert [row[0] for row in table[1:]] == ["3-101", "3-1-1101", "12-301", "12-2-502", "40-1801"]
    assert table[1][7] == "elderly_alone;no_smartphone"
    assert table[4][8] == "door"
    assert table[1][2] == ""  # no entrance


@pytest.mark.parametrize("ending", [".csv", ".xlsx"])
def test_an_export_imported_into_a_fresh_database_gives_back_the_same_households(
    conn, tmp_path, ending
):
    _varied_roster(conn)
    path = tmp_path / f"roster{ending}"
    export_roster(conn, path)
    fresh = connect(tmp_path / "fresh.sqlite")
    try:
        report = import_roster(fresh, path)
        assert (report.added, report.skipped) == (5, [])
        original = {a: essentials(h) for a, h in roster(conn).items() if h.active}
        assert {a: essentials(h) for a, h in roster(fresh).items()} == original
        assert import_roster(fresh, path).unchanged == 5
    finally:
        fresh.close()


def test_an_xlsx_export_reads_in_excel_with_chinese_intact(conn, tmp_path):
    import_roster(conn, SAMPLE)
    path = tmp_path / "名单.xlsx"

    assert export_roster(conn, path) == 40

    book = openpyxl.load_workbook(path, read_only=True)
    table = list(book.active.iter_rows(values_only=True))
    book.close()
    assert table[0] == EXPORT_COLUMNS
    widow = next(row for row in table if row[0] == "21-504")
    assert widow[4] == "熊娟霄"
    assert widow[5] == "13181590830"
    assert widow[7] == "elderly_alone;no_smartphone"


def test_an_export_to_an_unknown_ending_or_an_unwritable_place_is_refused(conn, tmp_path):
    add(conn, "1-101", name="甲")

    with pytest.raises(BadInput) as unknown:
        export_roster(conn, tmp_path / "roster.txt")
    assert unknown.value.code == "export_format_unknown"

    with pytest.raises(BadInput) as unwritable:
        export_roster(conn, tmp_path / "no such folder" / "roster.csv")
    assert unwritable.value.code == "export_unwritable"

    folder = tmp_path / "looks-like.csv"
    folder.mkdir()
    with pytest.raises(BadInput) as onto_folder:
        export_roster(conn, folder)
    assert onto_folder.value.code == "export_unwritable"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_a_stopped_export_leaves_the_previous_file_whole(conn, tmp_path):
    add(conn, "1-101", name="甲")
    path = tmp_path / "roster.csv"
    path.write_text("the export from yesterday")

    with pytest.raises(Cancelled):
        export_roster(conn, path, should_cancel=lambda: True)

    assert path.read_text() == "the export from yesterday"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


# ---- anything at all, given as a roster -----------------------------------------------------

_PREFIXES = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04", "地址,姓名\n".encode("gbk"),
             "楼号\t房号\n".encode()]
# Characters committees really type: digits both widths, separators, Chinese, Latin.
_ALPHABET = (
    "0123456789０１２３４５６７８９-－#号楼栋幢单元室人口 ,，;；\t\n\"'"
    "abcXYZ张王李独居老人婴儿孕妇慢性病用药残疾不会用智能手机自提送货上门pickupdoor（）()"
)
# Cells that mean something to the rules, so that random rows also add and update households.
_CELLS = st.one_of(
    st.text(alphabet=_ALPHABET, max_size=14),
    st.sampled_from(["12-301", "5号楼1201", "１５", "301室", "2单元", "3", "300", "-3", "独居老人",
                     "有婴儿", "送货上门", "自提", "door", "138 0013 8000", "", " ",
                     # as committees write rooms and buildings
                     "2单元301", "2-301", "二单元301室", "3栋2单元", "三栋", "8号楼二单元603室", "2-2-301",
                     "12345", "021-6543 2100"]),
    st.integers(-5, 2000).map(str),
    st.builds("{}-{}".format, st.integers(0, 40), st.integers(0, 2000)),
)
_HEADERS = ["地址", "楼号", "单元", "房号", "姓名", "电话", "人数", "特殊情况", "配送方式", "备注",
            "address", "flags", "标题", "门牌", "门牌号", "楼栋"]


def _check_refusal_changes_nothing(conn, path: Path) -> None:
    before = snapshot(conn)
    try:
        import_roster(conn, path)
    except BadInput:
        assert snapshot(conn) == before


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.sampled_from(_PREFIXES),
    body=st.binary(max_size=600),
    ending=st.sampled_from([".csv", ".xlsx", ".txt"]),
)
def test_random_bytes_given_as_a_roster_are_refused_cleanly_or_imported(
    conn, tmp_path, prefix, body, ending
):
    path = tmp_path / f"random{ending}"
    path.write_bytes(prefix + body)
    _check_refusal_changes_nothing(conn, path)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    header=st.builds(
        list.__add__,
        st.sampled_from([["地址"], ["楼号", "房号"], []]),
        st.lists(st.sampled_from(_HEADERS), max_size=5),
    ),
    rows=st.lists(st.lists(_CELLS, max_size=7), max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    delimiter=st.sampled_from([",", "\t", ";"]),
)
def test_random_rows_under_a_roster_header_are_refused_cleanly_or_imported(
    conn, tmp_path, header, rows, encoding, delimiter
):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows([header, *rows])
    path = write(tmp_path / "rows.csv", out.getvalue(), encoding)
    _check_refusal_changes_nothing(conn, path)


# ---- digits from other scripts --------------------------------------------------------------


def test_a_phone_in_arabic_indic_digits_is_a_skipped_row_not_a_crash(conn, tmp_path):
    path = write(tmp_path / "roster.csv", "地址,电话\n1-101,١٣٨٠٠١٣٨٠٠٠\n")
    report = import_roster(conn, path)
    assert report.added + len(report.skipped) == 1


def test_a_room_in_ethiopic_digits_is_a_skipped_row_not_a_crash(conn, tmp_path):
    path = write(tmp_path / "roster.csv", "楼号,房号\n1,፩፪፫\n")
    report = import_roster(conn, path)
    assert len(report.skipped) == 1


def test_a_dry_run_inside_a_callers_transaction_undoes_only_its_own_work(conn, tmp_path):
    path = write(tmp_path / "roster.csv", "地址\n7-701\n")
    with transaction(conn):
        add(conn, "7-702")
        assert import_roster(conn, path, dry_run=True).added == 1
    assert set(roster(conn)) == {"7-702"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(
        st.tuples(st.lists(_CELLS, min_size=2, max_size=4), st.sampled_from(["utf-8", "gbk"])),
        min_size=1, max_size=8,
    ),
)
def test_lines_saved_by_different_programs_are_refused_by_line_or_imported(conn, tmp_path, lines):
    """Each line in its own encoding, as a roster edited in Excel and then on a phone is."""
    data = "楼号,房号,姓名\r\n".encode("gbk")
    for cells, encoding in lines:
        out = io.StringIO()
        csv.writer(out).writerow(cells)
        try:
            data += out.getvalue().encode(encoding)
        except UnicodeEncodeError:
            data += out.getvalue().encode("utf-8")
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    before = snapshot(conn)
    try:
        import_roster(conn, path)
    except BadInput as refused:
        assert snapshot(conn) == before
        if refused.code == "file_encodings_mixed":
            assert 2 <= refused.data["line"] <= data.count(b"\n") + 1  # a physical line of the file
        return
    for h in households.list_households(conn):
        assert "\ufffd" not in h.name


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.lists(st.lists(_CELLS, max_size=5), max_size=6),
    second=st.lists(st.lists(_CELLS, max_size=5), max_size=6),
    prefer=st.sampled_from(["program", "file"]),
)
def test_a_roster_imported_edited_and_imported_again_reports_only_real_changes(
    tmp_path_factory, first, second, prefer
):
    folder = tmp_path_factory.mktemp("reimport")  # a fresh compound for every example
    conn = connect(folder / "c.sqlite")
    try:
        header = ["地址", "姓名", "电话", "人数", "备注"]
        out = io.StringIO()
        csv.writer(out).writerows([header, *first])
        import_roster(conn, write(folder / "a.csv", out.getvalue()))
        for h in households.list_households(conn)[:2]:
            households.update_household(conn, h.id, households.HouseholdFields(
                address=h.address, name=h.name[:30] + "改", phone=h.phone, people=h.people,
                notes=h.notes))
        out = io.StringIO()
        csv.writer(out).writerows([header, *second])
        before = {h.address: h for h in households.list_households(conn)}
        report = import_roster(conn, write(folder / "b.csv", out.getvalue()), prefer=prefer)
        after = {h.address: h for h in households.list_households(conn)}
    finally:
        conn.close()
    for change in report.changes:
        assert getattr(before[change.address], change.field) != getattr(after[change.address], change.field)
    for conflict in report.conflicts:
        assert conflict.kept == prefer
        kept = getattr(after[conflict.address], conflict.field)
        assert kept == (conflict.program if prefer == "program" else conflict.file)
