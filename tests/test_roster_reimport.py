"""Rosters as committees really keep them: written in Excel, sent round, edited twice, imported
again over a roster volunteers have corrected in the program meanwhile."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop.cli.main import main
from desktop.db import connect
from desktop.errors import BadInput
from desktop.lang import set_language
from desktop.roster import households
from desktop.roster.roster_file import MAX_ROWS
from desktop.roster.roster_io import import_roster
from desktop.words import describe


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "c.sqlite")
    yield connection
    connection.close()


def roster(conn) -> dict[str, households.Household]:
    return {h.address: h for h in households.list_households(conn)}


def excel_csv(path: Path, rows: list[list[object]], encoding: str = "gbk") -> Path:
    """A CSV as Excel on a Chinese Windows machine saves it: GBK, CRLF line ends."""
    text = "\r\n".join(",".join("" if v is None else str(v) for v in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def workbook(path: Path, rows: list[list[object]], *, title: str | None = None,
             merge_title: bool = False) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "住户名单"
    if title:
        sheet.append([title])
        sheet.append([])
        if merge_title:
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def edit(conn, address: str, **changes) -> None:
    """A volunteer corrects a household in the program."""
    found = households.find_household(conn, address)
    fields = households.HouseholdFields(
        address=found.address, name=found.name, phone=found.phone, people=found.people,
        flags=found.flags, delivery=found.delivery, notes=found.notes,
    )
    for key, value in changes.items():
        setattr(fields, key, value)
    households.update_household(conn, found.id, fields)


HEADER = ["楼号", "单元", "房号", "姓名", "电话", "人数", "特殊情况", "备注"]
FIRST = [
    HEADER,
    [3, 1, 101, "张建国", "13800000001", 2, "", ""],
    [3, 1, 102, "李秀英", "13800000002", 1, "独居老人", "耳背，多敲门"],
    [3, 2, 201, "王芳", "13800000003", 4, "有婴儿", ""],
    [5, None, 301, "赵强", "13800000004", 3, "", ""],
]


# ---- the committee sends its roster again ------------------------------------------------------


def test_a_second_roster_lists_every_field_it_changes_old_to_new_and_the_flags(conn, tmp_path):
    import_roster(conn, excel_csv(tmp_path / "名单.csv", FIRST))
    second = [
        HEADER,
        [3, 1, 101, "张建国", "13900000001", 2, "", ""],  # new phone
        [3, 1, 102, "李秀英", "13800000002", 1, "独居老人;行动不便", "耳背，多敲门"],  # a flag more
        [3, 2, 201, "王芳", "13800000003", 4, "无", "孩子满三岁了"],  # infant gone, a note
        # 5-301 moved out: not in the file
        [5, None, 302, "孙丽", "13800000005", 2, "孕妇", ""],  # new
    ]

    report = import_roster(conn, excel_csv(tmp_path / "名单二.csv", second), dry_run=True)

    assert report.as_json()["changes"] == [
        {"address": "3-1-101", "field": "phone", "old": "13800000001", "new": "13900000001"},
        {"address": "3-1-102", "field": "flags", "old": "elderly_alone",
         "new": "elderly_alone;disability"},
        {"address": "3-2-201", "field": "flags", "old": "infant", "new": ""},
        {"address": "3-2-201", "field": "notes", "old": "", "new": "孩子满三岁了"},
    ]
    assert report.not_in_file == ["5-301"]
    assert report.new_households == ["5-302"]
    assert (report.added, report.updated, report.unchanged) == (1, 3, 0)
    assert report.conflicts == []
    assert roster(conn)["3-1-101"].phone == "13800000001"  # a dry run writes nothing


def test_a_household_whose_row_is_skipped_is_not_called_missing_from_the_file(conn, tmp_path):
    import_roster(conn, excel_csv(tmp_path / "名单.csv", FIRST))
    second = [row[:] for row in FIRST]
    second[4][4] = "138000"  # 5-301's phone lost five digits
    report = import_roster(conn, excel_csv(tmp_path / "名单二.csv", second), dry_run=True)
    assert [row.line for row in report.skipped] == [5]
    assert report.not_in_file == []


def test_a_field_edited_in_the_program_is_kept_and_listed_as_a_conflict(conn, tmp_path):
    import_roster(conn, excel_csv(tmp_path / "名单.csv", FIRST))
    # The volunteer learnt 张建国's new phone at the table and 李秀英 now has her son with her.
    edit(conn, "3-1-101", phone="13700000001")
    edit(conn, "3-1-102", people=2)
    # The committee's next list still has the old phone, and a new note of its own for 张建国.
    second = [row[:] for row in FIRST]
    second[1][7] = "新电话请核实"
    second[2][5] = 1  # the file still says one person: it was never told

    report = import_roster(conn, excel_csv(tmp_path / "名单二.csv", second))

    assert report.as_json()["conflicts"] == [
        {"address": "3-1-101", "field": "phone", "program": "13700000001", "file": "13800000001",
         "kept": "program"},
        {"address": "3-1-102", "field": "people", "program": 2, "file": 1, "kept": "program"},
    ]
    # The note was not edited in the program: the file's new note comes in as a change.
    assert report.as_json()["changes"] == [
        {"address": "3-1-101", "field": "notes", "old": "", "new": "新电话请核实"},
    ]
    found = roster(conn)
    assert found["3-1-101"].phone == "13700000001"
    assert found["3-1-101"].notes == "新电话请核实"
    assert found["3-1-102"].people == 2


def test_the_files_value_wins_a_conflict_when_the_volunteer_chooses_it(conn, tmp_path):
    import_roster(conn, excel_csv(tmp_path / "名单.csv", FIRST))
    edit(conn, "3-1-101", phone="13700000001")
    edit(conn, "3-1-102", people=2)
    second = excel_csv(tmp_path / "名单二.csv", [HEADER, *FIRST[1:3], [3, 1, 101, "张建国", "13600000001", 2, "", ""]])

    # One conflict chosen the file's way in the preview, the other left to the default.
    report = import_roster(conn, second, choices={("3-1-101", "phone"): "file"})

    kept = {(c.address, c.field): c.kept for c in report.conflicts}
    assert kept == {("3-1-101", "phone"): "file", ("3-1-102", "people"): "program"}
    assert roster(conn)["3-1-101"].phone == "13600000001"
    assert roster(conn)["3-1-102"].people == 2

    # Everything the file's way on the command line.
    edit(conn, "3-1-102", people=3)
    report = import_roster(conn, second, prefer="file")
    assert [(c.address, c.field, c.kept) for c in report.conflicts] == [("3-1-102", "people", "file")]
    assert roster(conn)["3-1-102"].people == 1


def test_a_conflict_kept_once_is_still_a_conflict_next_time_and_ends_when_file_agrees(conn, tmp_path):
    first = import_roster(conn, excel_csv(tmp_path / "a.csv", FIRST))
    assert first.conflicts == []
    edit(conn, "3-1-101", phone="13700000001")
    same = excel_csv(tmp_path / "b.csv", FIRST)
    assert len(import_roster(conn, same).conflicts) == 1
    assert len(import_roster(conn, same).conflicts) == 1  # kept again, named again
    agreeing = [row[:] for row in FIRST]
    agreeing[1][4] = "13700000001"
    report = import_roster(conn, excel_csv(tmp_path / "c.csv", agreeing))
    assert report.conflicts == [] and report.changes == []
    # Now the committee's list is the authority for that phone again.
    agreeing[1][4] = "13500000001"
    report = import_roster(conn, excel_csv(tmp_path / "d.csv", agreeing))
    assert [(c.field, c.new) for c in report.changes] == [("phone", "13500000001")]


def test_a_household_added_at_the_table_keeps_what_was_typed_but_gets_what_was_blank(conn, tmp_path):
    import_roster(conn, excel_csv(tmp_path / "a.csv", FIRST))
    households.add_household(conn, households.HouseholdFields(address="5-303", name="周"))
    rows = [*FIRST, [5, None, 303, "周小梅", "13800000006", 2, "", ""]]

    report = import_roster(conn, excel_csv(tmp_path / "b.csv", rows))

    assert [(c.field, c.program, c.file) for c in report.conflicts] == [("name", "周", "周小梅")]
    assert {(c.field, c.new) for c in report.changes if c.address == "5-303"} == {
        ("phone", "13800000006"), ("people", 2)}
    assert roster(conn)["5-303"].name == "周"


def test_roster_import_on_the_command_line_gives_the_per_field_lists_and_takes_prefer(tmp_path, capsys):
    db = str(tmp_path / "c.sqlite")
    assert main(["roster", "import", str(excel_csv(tmp_path / "a.csv", FIRST)), "--db", db]) == 0
    with connect(tmp_path / "c.sqlite") as conn:
        edit(conn, "3-1-101", name="张建华")
    capsys.readouterr()
    second = excel_csv(tmp_path / "b.csv", FIRST[:3])

    assert main(["roster", "import", str(second), "--db", db, "--dry-run", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["conflicts"] == [{"address": "3-1-101", "field": "name", "program": "张建华",
                                   "file": "张建国", "kept": "program"}]
    assert shown["not_in_file"] == ["3-2-201", "5-301"]
    assert shown["changes"] == []

    assert main(["roster", "import", str(second), "--db", db, "--prefer", "file", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["conflicts"][0]["kept"] == "file"
    with connect(tmp_path / "c.sqlite") as conn:
        assert roster(conn)["3-1-101"].name == "张建国"

    with pytest.raises(SystemExit) as refused:
        main(["roster", "import", str(second), "--db", db, "--prefer", "both"])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1


# ---- rosters as committees write them ------------------------------------------------------------


@pytest.mark.parametrize(
    ("room", "address"),
    [("2单元301", "7-2-301"), ("2-301", "7-2-301"), ("二单元301室", "7-2-301"), ("301", "7-301")],
)
def test_the_entrance_written_into_the_room_column_is_understood(conn, tmp_path, room, address):
    path = excel_csv(tmp_path / "r.csv", [["楼号", "房号", "姓名"], ["7号楼", room, "住户"]])
    report = import_roster(conn, path)
    assert report.skipped == []
    assert list(roster(conn)) == [address]


def test_an_entrance_column_of_its_own_and_a_merged_address_column_both_import(conn, tmp_path):
    own = excel_csv(tmp_path / "a.csv", [["楼栋", "单元", "门牌号", "户主"],
                                         ["3栋", "一单元", "1101", "甲"], ["3栋", "2单元", "1102室", "乙"]])
    merged = excel_csv(tmp_path / "b.csv", [["门牌", "户主"], ["8栋2单元601", "丙"], ["8-1-602", "丁"],
                                            ["8号楼二单元603室", "戊"]])
    address = workbook(tmp_path / "c.xlsx", [["序号", "地址", "姓名", "联系电话"],
                                            [1, "静安花园9号楼1单元101室", "己", "13800000009"]],
                       title="静安花园住户名单（2022年4月）", merge_title=True)

    for path in (own, merged, address):
        assert import_roster(conn, path).skipped == []

    assert sorted(roster(conn)) == ["3-1-1101", "3-2-1102", "8-1-602", "8-2-601", "8-2-603", "9-1-101"]


def test_building_and_entrance_cells_merged_over_their_rooms_give_every_room_its_address(conn, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["梧桐苑住户登记表"])
    sheet.merge_cells("A1:E1")
    sheet.append(["楼号", "单元", "房号", "户主", "电话"])
    rows = [("3号楼", "1单元", 101, "甲"), (None, None, 102, "乙"), (None, "2单元", 201, "丙"),
            (None, None, 202, "丁"), ("5号楼", None, 301, "戊")]
    for building, entrance, room, name in rows:
        sheet.append([building, entrance, room, name, None])
    sheet.merge_cells("A3:A6")  # 3号楼 over its four rooms
    sheet.merge_cells("B3:B4")
    sheet.merge_cells("B5:B6")
    path = tmp_path / "梧桐苑.xlsx"
    book.save(path)

    report = import_roster(conn, path)

    assert report.skipped == []
    assert sorted(roster(conn)) == ["3-1-101", "3-1-102", "3-2-201", "3-2-202", "5-301"]


def test_a_column_per_situation_ticked_yes_or_no_becomes_flags(conn, tmp_path):
    path = excel_csv(tmp_path / "r.csv", [
        ["楼栋号", "单元号", "房间号", "户主姓名", "是否独居老人", "有无婴幼儿", "孕妇", "备注"],
        ["三号楼", "一", "101室", "甲", "是", "否", "", ""],
        ["3", "1", "102", "乙", "否", "有", "√", ""],
        ["3", "1", "103", "丙", "", "", "", "无"],
    ])
    report = import_roster(conn, path)
    assert report.skipped == []
    found = roster(conn)
    assert found["3-1-101"].flags == ("elderly_alone",)
    assert found["3-1-102"].flags == ("infant", "pregnant")
    assert found["3-1-103"].flags == ()


def test_a_roster_edited_twice_with_excel_and_a_phone_keeps_its_lines_apart(conn, tmp_path):
    """Rows appended on a phone (UTF-8) under rows saved by Excel (GBK): refused, naming the line."""
    path = tmp_path / "名单.csv"
    path.write_bytes(
        "楼号,房号,姓名\r\n3,101,张三\r\n3,102,李四\r\n".encode("gbk")
        + "3,103,王五\r\n3,104,赵六六\r\n".encode()
    )

    with pytest.raises(BadInput) as refused:
        import_roster(conn, path)

    assert refused.value.code == "file_encodings_mixed"
    assert refused.value.data["line"] == 5  # 赵六六: three characters, readable only as UTF-8
    sentence = describe(refused.value, "en")
    assert "line 5" in sentence and "UTF-8" in sentence and "GBK" in sentence
    assert roster(conn) == {}


def test_a_utf8_file_with_a_bom_and_one_gbk_line_names_that_line(conn, tmp_path):
    path = tmp_path / "名单.csv"
    path.write_bytes("\ufeff楼号,房号,姓名\n3,101,张三\n".encode("utf-8") + "3,102,李四\n".encode("gbk"))
    with pytest.raises(BadInput) as refused:
        import_roster(conn, path)
    assert refused.value.code == "file_encodings_mixed"
    assert refused.value.data["line"] == 3


def test_a_pure_gbk_roster_whose_lines_happen_to_read_as_utf8_still_imports(conn, tmp_path):
    # GBK bytes that are also valid UTF-8 decide nothing; the other lines say GBK.
    rows = [["楼号", "房号", "姓名"], *[[3, 100 + n, name] for n, name in
                                      enumerate(["张三", "李四", "王五", "欧阳修", "司马光"], start=1)]]
    report = import_roster(conn, excel_csv(tmp_path / "gbk.csv", rows))
    assert report.added == 5
    assert roster(conn)["3-104"].name == "欧阳修"


# ---- limits ------------------------------------------------------------------------------------


def test_a_roster_over_fifty_thousand_rows_is_refused_before_anything_is_written(conn, tmp_path, capsys):
    path = tmp_path / "huge.csv"
    lines = ["楼号,房号,姓名"] + [f"{1 + n // 900},{101 + n % 900},住户" for n in range(MAX_ROWS + 1)]
    path.write_text("\n".join(lines), encoding="utf-8")

    with pytest.raises(BadInput) as refused:
        import_roster(conn, path)
    assert refused.value.code == "roster_too_many_rows"
    assert roster(conn) == {}

    assert main(["roster", "import", str(path), "--db", str(tmp_path / "c.sqlite")]) == 2
    err = capsys.readouterr().err.strip()
    assert "50000" in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_a_small_workbook_that_would_unpack_to_gigabytes_is_refused_from_its_sizes(conn, tmp_path):
    path = workbook(tmp_path / "r.xlsx", [["地址", "姓名"], ["1-101", "甲"]])
    # Add a part that declares a huge size: zeros compress to almost nothing.
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/media/padding.bin", "w", force_zip64=True) as part:
            block = bytes(16 * 1024 * 1024)
            for _ in range(16):
                part.write(block)
    assert path.stat().st_size < 2 * 1024 * 1024

    with pytest.raises(BadInput) as refused:
        import_roster(conn, path)
    assert refused.value.code == "workbook_too_large"
    assert roster(conn) == {}


def test_the_command_lines_summary_names_each_change_and_conflict_in_words(tmp_path, capsys):
    db = str(tmp_path / "c.sqlite")
    main(["roster", "import", str(excel_csv(tmp_path / "a.csv", FIRST)), "--db", db])
    with connect(tmp_path / "c.sqlite") as conn:
        edit(conn, "3-1-101", people=3)
    second = [row[:] for row in FIRST]
    second[2][4] = "13900000002"
    capsys.readouterr()
    try:
        assert main(["--lang", "zh_CN", "roster", "import", str(excel_csv(tmp_path / "b.csv", second)),
                     "--db", db, "--dry-run"]) == 0
    finally:
        set_language(None)
    out = capsys.readouterr().out
    assert "3-1-102 电话：“13800000002” → “13900000002”" in out
    assert "3-1-101 人数：本程序 “3”，文件 “2”，保留本程序的" in out
    assert "试运行" in out
