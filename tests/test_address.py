"""The one address parser: every way residents write a home, and what it must refuse."""

import pytest

from desktop.errors import BadInput
from desktop.roster.address import (
    Address,
    address_from_parts,
    address_key,
    find_address,
    parse_address,
)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("12-301", "12-301"),
        ("12-2-301", "12-2-301"),
        ("12号楼301", "12-301"),
        ("12号301室", "12-301"),
        ("12栋2单元301", "12-2-301"),
        ("12幢301", "12-301"),
        ("12#301", "12-301"),
        ("１２－３０１", "12-301"),
        ("１２号楼３０１室", "12-301"),
        (" 12 - 301 ", "12-301"),
        ("12 301", "12-301"),
        ("12号楼 2单元 301室", "12-2-301"),
        ("12号楼二单元301室", "12-2-301"),
        ("12栋-301", "12-301"),
        ("12—301", "12-301"),
        ("12/301", "12-301"),
        ("5号楼1202", "5-1202"),
        ("3号1701室", "3-1701"),
        ("7栋2单元502", "7-2-502"),
        ("012-0301", "12-301"),
        ("上海市某区某路288弄静安花园12号1201室", "12-1201"),
        ("上海市某区某路288号静安花园12号楼1201室", "12-1201"),
        ("上海市 某区 某路288弄 静安花园 12号 1201室", "12-1201"),
        ("静安花园小区3号1701室", "3-1701"),
        ("某某路100弄8号楼2单元602室", "8-2-602"),
        ("三栋二单元301", "3-2-301"),
        ("十二号楼301室", "12-301"),
        ("3号楼2单元301室", "3-2-301"),
    ],
)
def test_a_home_written_any_accepted_way_becomes_its_canonical_address(written, canonical):
    assert parse_address(written).canonical == canonical


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("", "address_empty"),
        ("   ", "address_empty"),
        ("abc", "address_unrecognised"),
        ("301", "address_unrecognised"),
        ("12301", "address_unrecognised"),
        ("13812345678", "address_unrecognised"),
        ("-301", "address_unrecognised"),
        ("12-0", "address_unrecognised"),
        ("0-301", "address_unrecognised"),
        ("12-A301", "address_unrecognised"),
        ("1-2-3-4", "address_unrecognised"),
        ("12-301-5", "address_unrecognised"),
        ("12-", "address_no_room"),
        ("12号楼", "address_no_room"),
        ("12栋2单元", "address_no_room"),
        ("上海市某区某路288弄静安花园12号", "address_no_room"),
    ],
)
def test_what_is_not_an_address_is_refused_with_its_reason(written, code):
    with pytest.raises(BadInput) as caught:
        parse_address(written)
    assert caught.value.code == code
    assert caught.value.field == "address"


def test_an_address_is_found_inside_a_chain_line_with_the_rest_kept():
    found = find_address("5号楼1202 李阿姨 1")
    assert found is not None
    address, rest = found
    assert address == Address(5, None, 1202)
    assert rest == "李阿姨 1"
    assert find_address("7栋2单元502 王 1箱")[0].canonical == "7-2-502"
    assert find_address("没有地址的一行 2箱") is None


@pytest.mark.parametrize(
    ("building", "entrance", "room", "canonical"),
    [
        ("21号楼", None, "504", "21-504"),
        ("１５", "", "104室", "15-104"),
        ("36栋", None, "301室", "36-301"),
        (12, 2, 301, "12-2-301"),
        (12.0, None, 301.0, "12-301"),
        ("8", "2单元", "602", "8-2-602"),
        # The room column as committees fill it: entrance and room together.
        (2, None, "2单元301", "2-2-301"),
        (2, None, "2-301", "2-2-301"),
        ("2号楼", None, "二单元301室", "2-2-301"),
        (2, "2单元", "2-301", "2-2-301"),
        (2, None, "2-2-301", "2-2-301"),  # the whole address typed into the room column
        ("2栋2单元", None, "301", "2-2-301"),  # building and entrance in one cell
        ("三栋", "一单元", "1101", "3-1-1101"),
        ("三", "一", "101室", "3-1-101"),  # bare Chinese numerals in their own columns
    ],
)
def test_separate_building_and_room_cells_make_one_address(building, entrance, room, canonical):
    assert address_from_parts(building, entrance, room).canonical == canonical


def test_separate_cells_without_a_room_or_with_words_are_refused():
    with pytest.raises(BadInput) as caught:
        address_from_parts("21号楼", None, "")
    assert caught.value.code == "address_no_room"
    with pytest.raises(BadInput) as caught:
        address_from_parts("A座", None, "504")
    assert caught.value.code == "address_part_invalid"


def test_cells_that_disagree_about_the_entrance_or_building_are_refused():
    with pytest.raises(BadInput) as caught:
        address_from_parts(2, "3单元", "2单元301")
    assert caught.value.code == "address_parts_disagree"
    with pytest.raises(BadInput) as caught:
        address_from_parts(2, None, "5-2-301")
    assert caught.value.code == "address_parts_disagree"


def test_addresses_stand_in_the_compound_order_with_no_address_last():
    shuffled = [None, "12-2-301", "3-1701", "12-1-502", "12-301", "", "12-1201", "2-2-101", "12-2-1201"]
    assert sorted(shuffled, key=address_key)[:7] == [
        "2-2-101", "3-1701", "12-301", "12-1201", "12-1-502", "12-2-301", "12-2-1201",
    ]
    assert {address_key(None), address_key("")} == {address_key(None)}
    # By number, not by text: building 3 before building 12, room 502 before room 1201.
    assert address_key("3-1701") < address_key("12-301") < address_key("12-1201")
