"""A believable compound to try the program on: Chinese names, several buildings, flagged homes."""

from __future__ import annotations

import random

from desktop.db import compound as compound_rows
from desktop.db import households as household_rows
from desktop.db.connection import Connection, transaction
from desktop.demo.bags import fill_demo_bags
from desktop.demo.buys import fill_demo_buys
from desktop.demo.distributions import fill_demo_distributions
from desktop.errors import BadInput
from desktop.people.operators import add_operator
from desktop.roster.households import save_values, values_from_parts

COMPOUND_NAME = "梧桐苑"
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国志强建华淑珍凤兰丹玲文斌海燕晓东雪梅建平小红佳怡子涵浩然欣怡梓轩雨桐一诺思远嘉怡宇航"
_NOTES = ["", "", "", "", "", "放门口即可", "请先电话联系", "家中有狗，敲门后稍等", "白天上班，晚上7点后在家", "二楼以上请送上楼"]


def _name(rng: random.Random) -> str:
    given_len = rng.choice((1, 2, 2, 2))
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(given_len))


def _phone(rng: random.Random) -> str:
    return rng.choice(("138", "139", "136", "150", "158", "186", "187", "133", "177")) + "".join(
        rng.choice("0123456789") for _ in range(8)
    )


def _flags(rng: random.Random) -> set[str]:
    flags = set()
    if rng.random() < 0.07:
        flags.add("elderly_alone")
        if rng.random() < 0.5:
            flags.add("no_smartphone")
    if rng.random() < 0.04:
        flags.add("infant")
    if rng.random() < 0.02:
        flags.add("pregnant")
    if rng.random() < 0.06:
        flags.add("chronic_medication")
    if rng.random() < 0.03:
        flags.add("disability")
    if rng.random() < 0.03:
        flags.add("no_smartphone")
    return flags


def _addresses(rng: random.Random, count: int) -> list[tuple[int, int | None, int]]:
    """Distinct homes: tall towers of 4 flats a floor, and older blocks with two entrances."""
    places: list[tuple[int, int | None, int]] = []
    building = 0
    while len(places) < count * 1.25:
        building += 1
        if building % 5 == 0:  # an older walk-up block with entrances (单元)
            places += [(building, e, f * 100 + r) for e in (1, 2) for f in range(1, 7) for r in (1, 2)]
        else:
            floors = rng.choice((11, 18, 18, 24))
            places += [(building, None, f * 100 + r) for f in range(1, floors + 1) for r in range(1, 5)]
    # Occupied homes are spread over every building rather than filling the first ones.
    chosen = rng.sample(places, count)
    chosen.sort(key=lambda p: (p[0], p[1] or 0, p[2]))
    return chosen


# One operator of each role, so the sign-in and each role's pages can be tried; `demo` prints them.
DEMO_OPERATORS = (("王主任", "committee", "2580"), ("小李", "volunteer", "1357"), ("老张", "guard", "2468"))


def fill_demo(conn: Connection, *, households: int = 240, seed: int = 7) -> dict:
    """Fill an empty database. Refuses one that already has households."""
    if households < 1 or households > 20000:
        raise BadInput("demo_households_range", "households", value=households)
    rng = random.Random(seed)
    with transaction(conn):
        if household_rows.count_all(conn):
            raise BadInput("demo_not_empty")
        compound_rows.set_name_and_address(conn, COMPOUND_NAME, "上海市某区某路288弄")
        for building, entrance, room in _addresses(rng, households):
            flags = _flags(rng)
            door = rng.random() < (0.5 if flags & {"elderly_alone", "disability"} else 0.05)
            people = 1 if "elderly_alone" in flags else rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6))
            values = values_from_parts(
                building, entrance, room,
                name=_name(rng),
                phone=_phone(rng),
                people=people,
                flags=flags,
                delivery="door" if door else "pickup",
                notes=rng.choice(_NOTES),
                active=rng.random() > 0.01,
            )
            save_values(conn, values, None)
        buys = fill_demo_buys(conn, rng)
        # A buy of its own, arrived and bagged (desktop/demo/bags.py).
        bags = fill_demo_bags(conn, rng)
        # Free distributions: a supply pack on its way, formula bagged (desktop/demo/distributions.py).
        gifts = fill_demo_distributions(conn)
        made = [add_operator(conn, name, role, pin) for name, role, pin in DEMO_OPERATORS]
    operators = [(o.name, o.role, pin) for o, (_n, _r, pin) in zip(made, DEMO_OPERATORS, strict=True)]
    return {"households": households, **buys, **bags, **gifts, "operators": operators}
