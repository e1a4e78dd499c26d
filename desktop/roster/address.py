"""The one address parser: any way residents write a home becomes `12-301` or `12-2-301`.

Accepted: `12-301`, `12-2-301`, `12号楼301`, `12号301室`, `12栋2单元301`, `12幢301`, `12#301`,
full-width digits, stray spaces, and a long postal line whose city, district, road, lane and
compound name come before the building (`上海市某区某路288弄静安花园12号1201室`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.errors import BadInput
from desktop.text import plain

_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−ー－~～_/／"})
_SMALL_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

_BUILDING = r"(?P<b>\d{1,4})"
_BUILDING_SEP = r"(?:(?:号楼|号|栋|幢|座|楼|#)-?|-)"
_ENTRANCE = r"(?:(?P<e>\d{1,2})(?:单元-?|-))?"
_ROOM = r"(?P<r>\d{2,5})(?:室|号|房)?"
_TAIL = _BUILDING + _BUILDING_SEP + _ENTRANCE + _ROOM

# A whole field: an optional prefix (city, road, lane, compound name) that ends in a character
# that is neither a digit nor a separator, then the address itself.
_WHOLE = re.compile(r"(?:.*?[^\d\-#])?" + _TAIL)
# The address inside a longer line, such as a 接龙 entry "5号楼1202 李阿姨 1".
_INSIDE = re.compile(r"(?<![\d\-#])" + _TAIL + r"(?![\d\-#])")
_BUILDING_ONLY = re.compile(
    r"(?:.*?[^\d\-#])?\d{1,4}(?:(?:号楼|号|栋|幢|座|楼|#)-?(?:\d{1,2}单元)?|-\d{1,2}单元|-)"
)


@dataclass(frozen=True, order=True)
class Address:
    building: int
    entrance: int | None
    room: int

    @property
    def canonical(self) -> str:
        if self.entrance is None:
            return f"{self.building}-{self.room}"
        return f"{self.building}-{self.entrance}-{self.room}"

    def __str__(self) -> str:
        return self.canonical


def address_key(address: str | None) -> tuple:
    """Where a canonical address (`12-301`, `12-2-301`) stands in the compound's order: by building,
    a building's rooms without an entrance before its entrances, then entrance and room; no
    address last."""
    if not address:
        return (1,)
    building, *rest = (int(part) for part in address.split("-"))
    return (0, building, len(rest), *rest)


# Small Chinese numerals before a building or entrance word: 三栋, 十二号楼, 二单元.
_CHINESE_PART = re.compile(r"(?<![一二两三四五六七八九十])([一二两三四五六七八九十]{1,3})(单元|号楼|栋|幢|座)")


def _arabic_parts(text: str) -> str:
    return _CHINESE_PART.sub(lambda m: f"{_chinese_small(m.group(1)) or m.group(1)}{m.group(2)}", text)


def _normalise(text: str) -> str:
    text = _arabic_parts(plain(text).translate(_DASHES))
    # A space between two numbers separates them ("12 301"); any other space is noise.
    text = re.sub(r"(?<=\d)\s+(?=\d)", "-", text)
    text = re.sub(r"\s+", "", text)
    return re.sub(r"-{2,}", "-", text)


def _chinese_small(numeral: str) -> int:
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _SMALL_NUMERALS.get(numeral[1:], 0)
    if numeral.endswith("十"):
        return _SMALL_NUMERALS.get(numeral[:-1], 0) * 10
    if len(numeral) == 2 and numeral[1] in _SMALL_NUMERALS and numeral[0] in _SMALL_NUMERALS:
        return _SMALL_NUMERALS[numeral[0]] * 10 + _SMALL_NUMERALS[numeral[1]]
    return _SMALL_NUMERALS.get(numeral, 0)


def _from_match(match: re.Match[str], original: str) -> Address:
    building = int(match.group("b"))
    entrance = int(match.group("e")) if match.group("e") else None
    room = int(match.group("r"))
    if building == 0 or room == 0 or entrance == 0:
        raise BadInput("address_unrecognised", "address", text=original)
    return Address(building, entrance, room)


def parse_address(text: str) -> Address:
    """The canonical address of a whole field, or BadInput saying why it is not one."""
    if text is None or not str(text).strip():
        raise BadInput("address_empty", "address")
    original = str(text).strip()
    normal = _normalise(original)
    match = _WHOLE.fullmatch(normal)
    if match:
        return _from_match(match, original)
    if _BUILDING_ONLY.fullmatch(normal):
        raise BadInput("address_no_room", "address", text=original)
    raise BadInput("address_unrecognised", "address", text=original)


def find_address(text: str) -> tuple[Address, str] | None:
    """The first address inside a longer line, and the rest of the line with it taken out."""
    normal = _normalise_keep_spaces(text)
    for match in _INSIDE.finditer(normal):
        try:
            address = _from_match(match, text)
        except BadInput:
            continue
        rest = (normal[: match.start()] + " " + normal[match.end() :]).strip()
        return address, rest
    return None


def _normalise_keep_spaces(text: str) -> str:
    text = _arabic_parts(plain(text).translate(_DASHES))
    # Inside a line spaces separate words, so only spaces around a separator are dropped.
    return re.sub(r"\s*-\s*", "-", text)


def _part_number(cell: object, suffixes: tuple[str, ...], field: str, normal: str | None = None) -> int | None:
    if cell is None:
        return None
    if isinstance(cell, int) and not isinstance(cell, bool):
        if cell <= 0:
            raise BadInput("address_part_invalid", field, text=str(cell))
        return cell
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = _normalise(str(cell)) if normal is None else normal
    for suffix in suffixes:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    if not text:
        return None
    if text and all(ch in _SMALL_NUMERALS for ch in text) and len(text) <= 3:
        text = str(_chinese_small(text))  # 一 in a 单元 column, 三 in a 楼号 column
    if not (text.isascii() and text.isdecimal()) or int(text) == 0:
        raise BadInput("address_part_invalid", field, text=str(cell).strip())
    return int(text)


_BUILDING_SUFFIXES = ("号楼", "号", "栋", "幢", "座", "楼", "#")
# A building cell that also holds the entrance: `2栋2单元`, `2-2`.
_BUILDING_WITH_ENTRANCE = re.compile(r"(?P<b>\d{1,4})(?:号楼|号|栋|幢|座|楼|#|-)-?(?P<e>\d{1,2})(?:单元)?")
# A room cell that also holds the entrance (`2单元301`, `2-301`, `二单元301室`) or the building too.
_ROOM_WITH_ENTRANCE = re.compile(r"(?P<e>\d{1,2})(?:单元-?|-)(?P<r>\d{2,5})(?:室|号|房)?")


def _agree(first: int | None, second: int | None, field: str, text: str) -> int | None:
    if first is not None and second is not None and first != second:
        raise BadInput("address_parts_disagree", field, text=text)
    return first if first is not None else second


def address_from_parts(building: object, entrance: object, room: object) -> Address:
    """An address from separate building, entrance and room cells (`21号楼`, `2单元`, `504室`).

    Committees also write the entrance into the room cell (`2单元301`, `2-301`), the whole
    address there (`2-2-301`), or building and entrance in one cell (`2栋2单元`).
    """
    b_text = _normalise(_cell_text(building))
    split = _BUILDING_WITH_ENTRANCE.fullmatch(b_text) if b_text and not b_text.isdigit() else None
    if split:
        b, e_in_building = int(split.group("b")), int(split.group("e"))
    else:
        b, e_in_building = _part_number(building, _BUILDING_SUFFIXES, "building", b_text), None
    e = _agree(_part_number(entrance, ("单元",), "entrance"), e_in_building, "entrance",
               _cell_text(entrance))
    r_text = _normalise(_cell_text(room))
    plain = not r_text or r_text.isdigit()  # most rooms: no entrance or building to look for
    with_entrance = None if plain else _ROOM_WITH_ENTRANCE.fullmatch(r_text)
    whole = None if plain or with_entrance else _WHOLE.fullmatch(r_text)
    if with_entrance:
        e = _agree(e, int(with_entrance.group("e")), "entrance", _cell_text(room))
        r = int(with_entrance.group("r"))
    elif whole and whole.group("e"):
        found = _from_match(whole, _cell_text(room))
        b = _agree(b, found.building, "building", _cell_text(room))
        e = _agree(e, found.entrance, "entrance", _cell_text(room))
        r = found.room
    else:
        r = _part_number(room, ("室", "号", "房"), "room", r_text)
    if r is None:
        raise BadInput("address_no_room", "room", text=str(building or ""))
    if b is None:
        raise BadInput("address_no_building", "building", text=str(room))
    for number, field, cell in ((b, "building", building), (e, "entrance", entrance), (r, "room", room)):
        if number is not None and number <= 0:
            raise BadInput("address_part_invalid", field, text=_cell_text(cell) or str(number))
    return Address(b, e, r)


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()
