"""Shared scenery for the committee's tests: five neighbours, the weekend buy bagged, and a week
of handing out in which some were served, one only had a bag brought to the gate, one had a
handoff undone, and one was served long ago."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop import gate
from desktop.bags.bags import list_bags, make_bags
from desktop.gate import custody
from desktop.roster.households import HouseholdFields, add_household
from tests.bag_scenes import arrived, compound, open_buy, order

# address, name, phone, delivery, flags
NEIGHBOURS = [
    ("12-301", "张三丰", "13800000001", "pickup", ()),
    ("12-2-502", "欧阳娜娜", "13800000002", "door", ()),
    ("3-101", "李四光", "13800000003", "pickup", ("no_smartphone",)),
    ("5-1202", "王小明", "13800000004", "pickup", ("elderly_alone",)),
    ("7-101", "赵六", "13800000005", "pickup", ()),
]


def ago(**delta) -> str:
    return (datetime.now(UTC) - timedelta(**delta)).strftime("%Y-%m-%dT%H:%M:%SZ")


def neighbourhood(tmp_path):
    conn = compound(tmp_path, neighbours=[])
    for address, name, phone, delivery, flags in NEIGHBOURS:
        add_household(conn, HouseholdFields(address=address, name=name, phone=phone,
                                            delivery=delivery, flags=flags))
    return conn


def handing_out(tmp_path):
    """(conn, {address: [bags]}) after a week of handing out:
    12-301 picked up five days ago; 12-2-502 delivered to the door an hour ago, then undone;
    3-101 had its bag brought to the gate only; 5-1202 has had nothing; 7-101 picked up just now."""
    conn = neighbourhood(tmp_path)
    buy = open_buy(conn)
    for address in ("12-301", "12-2-502", "3-101", "7-101"):
        order(conn, buy, address, 东北大米=1)
    order(conn, buy, "5-1202", 东北大米=1, 冷冻饺子=1)  # a frozen bag and a dry one
    arrived(conn, buy)
    make_bags(conn, buy)
    bags: dict[str, list] = {}
    for bag in list_bags(conn, buy):
        bags.setdefault(bag.address, []).append(bag)
    gate.scan(conn, bags["12-301"][0].code, record="pickup", operator="保安老李", station="北门",
              at=ago(days=5))
    gate.scan(conn, bags["12-2-502"][0].code, record="door", operator="保安小赵", station="南门",
              at=ago(hours=1))
    custody.undo_last_handoff(conn, bags["12-2-502"][0].code, "扫错了袋子", operator="保安小赵")
    gate.scan(conn, bags["3-101"][0].code, record="gate", operator="保安老李", station="北门")
    gate.scan(conn, bags["7-101"][0].code, record="pickup", operator="保安老李", station="北门")
    return conn, bags
