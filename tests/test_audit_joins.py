"""Every change is in the audit log, with who made it, what it was and the fields before and after:
urgent needs, free distributions and their arrival, the notice's lines, the print language, a
buy's delivery fee and its items, bags voided, household cards issued and reissued. A refused
change writes no line."""

from __future__ import annotations

import pytest

from desktop import audit
from desktop.bags.bags import (
    issue_household_codes,
    make_bags,
    reissue_household_code,
    void_bags_of_buy,
)
from desktop.buys.arrivals import record_arrival
from desktop.buys.distributions import new_distribution, parse_gift
from desktop.buys.group_buys import ItemSpec, add_item, cancel_buy, list_items, new_buy, update_item
from desktop.committee.needs import add_need, close_need, update_need
from desktop.errors import BadInput
from desktop.printing.language import set_print_language
from desktop.printing.notice import set_notice_settings
from tests.bag_scenes import compound, everyday_buy, open_buy, order


@pytest.fixture
def conn(tmp_path):
    db = compound(tmp_path)
    audit.set_actor(db, "王志愿")
    yield db
    db.close()


def lines(conn, kind: str) -> list[audit.AuditEntry]:
    return list(reversed(audit.entries(conn, kind=kind)))  # oldest first


def refused_writes_nothing(conn, change) -> None:
    """The change is refused with a sentence and the log is as it was."""
    before = audit.entries(conn)
    with pytest.raises(BadInput):
        change()
    assert audit.entries(conn) == before


def test_an_urgent_need_added_moved_on_and_closed_is_three_lines(conn):
    refused_writes_nothing(conn, lambda: add_need(conn, "99-999", "胰岛素", "high"))
    need = add_need(conn, "12-301", "胰岛素", "high", operator="李委员")
    update_need(conn, need, who="社区药房", note="明早到")
    refused_writes_nothing(conn, lambda: update_need(conn, need, status="met"))  # closing is close
    close_need(conn, need, "met", note="已送到")
    refused_writes_nothing(conn, lambda: close_need(conn, need, "cancelled"))  # closed stays closed
    added, moved, closed = lines(conn, "need")
    assert added.operator == "李委员" and added.address == "12-301" and "胰岛素" in added.summary
    assert ("what", None, "胰岛素") in added.changes and ("urgency", None, "high") in added.changes
    assert moved.operator == "王志愿"  # the connection's actor when the service names nobody
    assert ("status", "open", "sourcing") in moved.changes
    assert ("sourcing_by", "", "社区药房") in moved.changes and ("note", None, "明早到") in moved.changes
    assert closed.changes == (("status", "sourcing", "met"), ("note", None, "已送到"))


def test_a_free_distribution_and_its_arrival_are_in_the_log(conn):
    refused_writes_nothing(conn, lambda: new_distribution(conn, "  ", "街道", [parse_gift("米=1")]))
    made = new_distribution(conn, "保供包", "街道", [parse_gift("米=1"), parse_gift("口罩=5")],
                            operator="李委员")
    line, = lines(conn, "distribution")
    assert line.operator == "李委员" and line.summary == f"#{made.distribution_id} 保供包"
    assert ("donor", None, "街道") in line.changes and ("recipients", None, made.recipients) in line.changes
    assert ("gifts", None, "米 ×1; 口罩 ×5") in line.changes
    record_arrival(conn, made.distribution_id, {"米": made.recipients - 1, "口罩": made.recipients * 5})
    arrival, = lines(conn, "arrival")  # the buy's arrival path, the same for a distribution
    assert arrival.operator == "王志愿"
    assert ("米", made.recipients, made.recipients - 1) in arrival.changes
    assert lines(conn, "allocation")  # the household that gets less has its own line


def test_the_notice_lines_and_printing_in_both_languages_are_settings_in_the_log(conn):
    set_notice_settings(conn, "每天 9:00–11:00", "", "王女士 13800000009")
    set_notice_settings(conn, "每天 9:00–11:00", "", "王女士 13800000009")  # no change, no line
    set_notice_settings(conn, "每天 9:00–12:00", "到货当天 14:00–18:00", "")
    first, second = lines(conn, "setting")
    assert first.operator == "王志愿"
    assert first.changes == (("lobby_hours", None, "每天 9:00–11:00"),
                             ("notice_contact", None, "王女士 13800000009"))
    assert second.changes == (("lobby_hours", "每天 9:00–11:00", "每天 9:00–12:00"),
                              ("collect_hours", None, "到货当天 14:00–18:00"),
                              ("notice_contact", "王女士 13800000009", None))
    refused_writes_nothing(conn, lambda: set_print_language(conn, "klingon"))
    set_print_language(conn, "both")
    language = lines(conn, "setting")[-1]
    assert language.changes[0][0] == "print_language" and language.changes[0][2] == "both"


def test_a_buys_delivery_fee_and_its_items_added_or_changed_are_in_the_log(conn):
    refused_writes_nothing(conn, lambda: new_buy(conn, "蔬菜团", "跑腿小哥", [ItemSpec("蔬菜包", 3000)],
                                                 fee_fen=-1))
    buy = new_buy(conn, "蔬菜团", "跑腿小哥", [ItemSpec("蔬菜包", 3000)], fee_fen=500,
                  fee_per="household").buy_id
    created, = lines(conn, "buy_created")
    assert ("delivery_fee_fen", None, 500) in created.changes and ("fee_per", None, "household") in created.changes
    assert "¥5.00" in audit.change_words("delivery_fee_fen", None, 500, "en")
    refused_writes_nothing(conn, lambda: add_item(conn, buy, ItemSpec("蔬菜包", 100)))  # already on it
    add_item(conn, buy, ItemSpec("鸡蛋(30枚)", 2800, "chilled", cap=2))
    added, = lines(conn, "item")
    assert added.operator == "王志愿" and "鸡蛋(30枚)" in added.summary
    assert ("item", None, "鸡蛋(30枚)") in added.changes and ("price_fen", None, 2800) in added.changes
    assert ("cap", None, 2) in added.changes
    eggs = next(i for i in list_items(conn, buy) if i.name.startswith("鸡蛋"))
    refused_writes_nothing(conn, lambda: update_item(conn, eggs.id, storage="boiling"))
    update_item(conn, eggs.id, storage="ambient", cap=None)
    update_item(conn, eggs.id, storage="ambient")  # as it was: no line
    edited = lines(conn, "item")[1:]
    assert len(edited) == 1
    assert set(edited[0].changes) == {("storage", "chilled", "ambient"), ("cap", 2, None)}


def test_bags_voided_with_their_buy_or_on_their_own_are_in_the_log(conn):
    buy = everyday_buy(conn)
    made = make_bags(conn, buy)
    refused_writes_nothing(conn, lambda: cancel_buy(conn, buy, "   "))
    cancel_buy(conn, buy, "商家不送了", operator="李委员")
    line, = lines(conn, "bags_voided")
    assert line.operator == "李委员" and "商家不送了" in line.summary
    assert line.changes == (("voided", None, made.made),)
    other = open_buy(conn, "第二团")
    order(conn, other, "12-301", 酱油=1)
    record_arrival(conn, other, {})
    make_bags(conn, other)
    void_bags_of_buy(conn, other, reason="spoiled")
    void_bags_of_buy(conn, other, reason="spoiled")  # none left to void: no line
    assert [e.changes for e in lines(conn, "bags_voided")][1:] == [(("voided", None, 1),)]


def test_household_cards_issued_and_reissued_are_in_the_log_by_number_never_by_code(conn):
    ids = [row[0] for row in conn.execute("SELECT id FROM household ORDER BY id")]
    codes = issue_household_codes(conn, ids[:2])
    issue_household_codes(conn, ids[:2])  # nothing new issued: no line
    issued = lines(conn, "card")
    assert [(e.household_id, e.changes[0][1]) for e in issued] == [(ids[0], None), (ids[1], None)]
    assert issued[0].operator == "王志愿"
    reissue_household_code(conn, ids[0])
    reissued = lines(conn, "card")[-1]
    assert reissued.household_id == ids[0]
    old, new = reissued.changes[0][1:]
    assert old == issued[0].changes[0][2] and new != old and new.startswith("No. ")
    everything = repr([e.as_json() for e in audit.entries(conn)])
    assert not any(code in everything for code in codes.values())


def test_a_gate_setting_reads_in_the_readers_language_with_no_english_left_in_it(conn):
    from desktop.gate.waiting import set_building_sealed

    set_building_sealed(conn, 3)
    [line] = lines(conn, "setting")
    assert line.summary == ""  # the change names the setting, in whichever language it is read
    [(field, old, new)] = line.changes
    assert audit.change_words(field, old, new, "zh") == "封控楼栋: — → 3"
    assert audit.change_words(field, old, new, "en") == "sealed buildings: — → 3"
