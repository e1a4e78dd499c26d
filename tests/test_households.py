"""The roster's rules: what a household may hold, and finding one in seconds."""

import pytest

from desktop.db import connect
from desktop.errors import BadInput
from desktop.roster.households import (
    HouseholdFields,
    add_household,
    find_household,
    flags_from_text,
    get_household,
    normalise_phone,
    parse_people,
    roster_summary,
    search_households,
    update_household,
)


@pytest.fixture
def conn(tmp_path):
    conn = connect(tmp_path / "c.sqlite")
    yield conn
    conn.close()


def add(conn, address, name="", phone="", **more):
    return add_household(conn, HouseholdFields(address=address, name=name, phone=phone, **more))


def test_a_volunteer_adds_a_household_written_the_chinese_way(conn):
    household_id = add(conn, "12号楼2单元301室", "张三", "138 0013 8000", people="3人", flags=["infant"])
    household = get_household(conn, household_id)
    assert household.address == "12-2-301"
    assert (household.building, household.entrance, household.room) == (12, 2, 301)
    assert household.phone == "13800138000"
    assert household.masked_phone == "…8000"
    assert household.people == 3
    assert household.flags == ("infant",)
    assert household.vulnerable
    assert household.station == conn.station
    assert len(household.uuid) == 36
    assert household.created_at.endswith("Z")


def test_the_same_address_twice_is_refused_naming_the_household_already_there(conn):
    add(conn, "12-301", "张三")
    with pytest.raises(BadInput) as caught:
        add(conn, "12号楼301室", "李四")
    assert caught.value.code == "address_taken"
    assert "12-301" in str(caught.value)
    assert len(search_households(conn, "")) == 1


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        (dict(address="12-"), "address", "address_no_room"),
        (dict(address="12-301", people=-3), "people", "people_out_of_range"),
        (dict(address="12-301", people=300), "people", "people_out_of_range"),
        (dict(address="12-301", people="很多"), "people", "people_invalid"),
        (dict(address="12-301", phone="no phone"), "phone", "phone_invalid"),
        (dict(address="12-301", phone="1" * 16), "phone", "phone_invalid"),
        (dict(address="12-301", name="张" * 41), "name", "name_too_long"),
    ],
)
def test_a_wrong_field_is_named_and_nothing_is_saved(conn, fields, field, code):
    with pytest.raises(BadInput) as caught:
        add_household(conn, HouseholdFields(**fields))
    assert (caught.value.field, caught.value.code) == (field, code)
    assert search_households(conn, "") == []


def test_an_edit_changes_the_household_and_keeps_its_identity(conn):
    household_id = add(conn, "5-1202", "李阿姨", "13900001111")
    before = get_household(conn, household_id)
    update_household(
        conn, household_id,
        HouseholdFields(address="5-1202", name="李阿姨", phone="13900002222", delivery="door",
                        flags=["elderly_alone", "no_smartphone"]),
    )
    after = get_household(conn, household_id)
    assert after.phone == "13900002222"
    assert after.delivery == "door"
    assert after.flags == ("elderly_alone", "no_smartphone")
    assert after.uuid == before.uuid


def test_moving_a_household_onto_an_occupied_address_is_refused(conn):
    add(conn, "1-101", "王")
    second = add(conn, "1-102", "赵")
    with pytest.raises(BadInput) as caught:
        update_household(conn, second, HouseholdFields(address="1-101", name="赵"))
    assert caught.value.code == "address_taken"
    assert get_household(conn, second).address == "1-102"


def test_a_household_is_found_by_address_room_name_phone_and_pinyin_initials(conn):
    add(conn, "12-301", "张三", "13800138000")
    add(conn, "12-302", "李四", "13900139000")
    add(conn, "3-301", "王秀英", "15000150000")
    add(conn, "3-2-1201", "赵敏", "18600186000")

    def found(query):
        return [h.address for h in search_households(conn, query)]

    assert found("12号楼301室") == ["12-301"]
    assert found("12-30") == ["12-301", "12-302"]
    assert found("301") == ["3-301", "12-301"]
    assert found("张") == ["12-301"]
    assert found("zs") == ["12-301"]
    assert found("WXY") == ["3-301"]
    assert found("0186") == ["3-2-1201"]
    assert found("3-2-1201") == ["3-2-1201"]
    assert found("100%") == []
    assert find_household(conn, "３号楼301").name == "王秀英"
    assert find_household(conn, "99-101") is None


def test_a_query_that_reads_as_an_address_matches_addresses_not_phone_digits(conn):
    add(conn, "9-101", "住户甲", "13800138000")
    add(conn, "9-1010", "住户乙", "13800138001")
    # Phones that hold the digits 9101 somewhere: an address search must not bring them up.
    for n in range(57):
        add(conn, f"20-{101 + n}", "", f"1399101{n:04d}")

    def found(query):
        return [h.address for h in search_households(conn, query)]

    assert found("9-101") == ["9-101"]
    assert found("9号楼101") == ["9-101"]
    assert found("9-10") == ["9-101", "9-1010"]  # on the way to an address: those it may become
    assert found("9101") != [] and set(found("9101")) <= {f"20-{101 + n}" for n in range(57)}
    assert len(found("9101")) == 57  # four digits and no address: phone digits
    assert found("138") == ["20-138"]  # three digits are a room, never phone digits


def test_roster_counts_per_building_and_flags(conn):
    add(conn, "1-101", flags=["elderly_alone"], delivery="door")
    add(conn, "1-102")
    add(conn, "2-101", flags=["no_smartphone"])
    summary = roster_summary(conn)
    assert summary.households == 3
    assert summary.flagged == 2
    assert summary.door == 1
    assert summary.buildings == [(1, 2), (2, 1)]


@pytest.mark.parametrize(
    ("cell", "flags"),
    [
        ("独居老人;不会用智能手机", ("elderly_alone", "no_smartphone")),
        ("有婴儿", ("infant",)),
        ("婴幼儿", ("infant",)),
        ("孕妇", ("pregnant",)),
        ("慢性病需用药", ("chronic_medication",)),
        ("需要胰岛素", ("chronic_medication",)),
        ("行动不便，坐轮椅", ("disability",)),
        ("只有老人机", ("no_smartphone",)),
        ("独居", ("elderly_alone",)),
        ("elderly_alone;infant", ("elderly_alone", "infant")),
        ("infant elderly_alone", ("elderly_alone", "infant")),
        ("Elderly alone, No-Smartphone", ("elderly_alone", "no_smartphone")),
        ("孤寡老人", ("elderly_alone",)),
        ("孤老，有婴儿", ("elderly_alone", "infant")),
        ("infantry", ()),
        ("", ()),
        ("无", ()),
    ],
)
def test_special_situation_words_anywhere_in_a_cell_become_flags(cell, flags):
    assert flags_from_text(cell) == flags


def test_phones_keep_digits_and_people_stay_between_one_and_twenty():
    assert normalise_phone("181 7603 1372") == "18176031372"
    assert normalise_phone("+86 138-0013-8000") == "13800138000"
    assert normalise_phone(13800138000.0) == "13800138000"
    assert normalise_phone("") == ""
    assert normalise_phone("021-6543 2100") == "02165432100"
    assert normalise_phone("6543210") == "6543210"
    for short in ("12345", "138001380", "2345678901"):
        with pytest.raises(BadInput) as caught:
            normalise_phone(short)
        assert caught.value.code == "phone_length"
        assert caught.value.field == "phone"
    assert parse_people("") == 1
    assert parse_people("三") == 3
    assert parse_people(4.0) == 4
    for bad in (0, -3, 21, 300):
        with pytest.raises(BadInput):
            parse_people(bad)
