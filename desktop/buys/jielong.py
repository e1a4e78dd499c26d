"""Orders from a WeChat 接龙 list pasted from a chat.

A list starts with a few lines about the buy (the header, ignored), then numbered order lines:
`1. 12-301 张 2箱`, `2、5号楼1202 李阿姨 两份 备注：放门口`. Each has an address in any accepted
form, a name, a quantity in digits or simple Chinese numerals (一二两三四五六七八九十) with an
optional unit, item names when the buy has several items, and an optional 备注. Every order line
that cannot be used, and every unnumbered line after the header, comes back with its line number
and the reason: none is dropped silently. A household listed twice: the later line wins, with a
warning. A line whose address is not on the roster is listed (with its reason) and adds its
household only when asked: all such lines, or the lines the volunteer picked.

Reading is linear in the length of the text: each line is read once, a line's work is bounded by
its own length, and a line too long to be an order (MAX_LINE characters) is reported, not read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from desktop import audit
from desktop.buys.group_buys import Item, get_buy, list_items
from desktop.buys.orders import (
    MAX_QUANTITY,
    UNITS,
    cap_excess,
    chinese_number,
    require_open,
    save_household_order,
)
from desktop.clock import utc_now
from desktop.db import households as household_rows
from desktop.db import orders as order_rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.notices import Notice, notice
from desktop.roster import households as household_rules
from desktop.roster.address import find_address
from desktop.safekeeping.backups import backup_before_import
from desktop.text import plain

_NUMBERED = re.compile(r"^\s*(\d{1,7})\s*[.、,:)\]。]\s*(.*)$")
MAX_LINE = 500  # characters: an order line is short; a longer one is reported, not read
_NOTE = re.compile(r"备注\s*[:：]?\s*|\bnote\s*:\s*", re.IGNORECASE)
_CN = "零〇一二两三四五六七八九十"
_QUANTITY = re.compile(
    rf"(?P<x>[+xX×*])?\s*(?:(?P<d>(?<!\d)(?<!\d\.)\d+(?!\d)(?!\.\d))|(?P<c>[{_CN}]{{1,4}}))"
    rf"\s*(?P<u>[{UNITS}])?"
)

_CIRCLED = re.compile(r"^\s*([\u2460-\u2473])")  # ① … ⑳ numbering a line
_CJK_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]+$")
_CJK_START = re.compile(r"\s*([\u4e00-\u9fffA-Za-z]+)")
_SEPARATORS = re.compile(r"[\s,，、;；:：/|]+")


@dataclass(frozen=True)
class ChainEntry:
    """One order line understood: where, who, how many of what."""

    line: int
    text: str
    address: str
    name: str
    quantities: dict[str, int]
    note: str = ""


@dataclass(frozen=True)
class ChainProblem:
    line: int
    text: str
    reason: Notice


@dataclass
class ChainParse:
    entries: list[ChainEntry] = field(default_factory=list)
    problems: list[ChainProblem] = field(default_factory=list)
    header: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ChainOrder:
    entry: ChainEntry
    household_id: int | None  # None: a household saving adds at `address`
    address: str
    lines: dict[int, int]
    outcome: str  # what saving would do: 'added', 'updated' or 'unchanged'

    @property
    def new_household(self) -> bool:
        return self.household_id is None


@dataclass(frozen=True)
class ChainPreview:
    buy_id: int
    orders: tuple[ChainOrder, ...]
    unmatched: tuple[ChainProblem, ...]
    warnings: tuple[Notice, ...]
    # Lines whose address is not on the roster and that add no household (they are in
    # `unmatched` too): each may be added with its household.
    unknown: tuple[ChainEntry, ...] = ()


@dataclass(frozen=True)
class ChainResult:
    orders: int
    added: int
    updated: int
    unchanged: int
    unmatched: tuple[ChainProblem, ...]
    warnings: tuple[Notice, ...]
    households_added: int = 0


# ---- reading the text -------------------------------------------------------------------------


def _aliases(name: str) -> list[str]:
    """How people write an item: its whole name, or without the size (`燕麦奶(1L×12盒)` → 燕麦奶)."""
    full = plain(name)
    base = re.sub(r"\([^)]*\)\s*$", "", full).strip()
    base = re.sub(r"\s*\d+(?:\.\d+)?\s*(?:kg|g|ml|l|斤|克|千克|升|毫升)\b.*$", "", base,
                  flags=re.IGNORECASE).strip()
    return [alias for alias in dict.fromkeys((full, base)) if alias]


def _circled(match: re.Match[str]) -> str:
    return f"{ord(match.group(1)) - 0x245F}. "


def _quantity_value(match: re.Match[str]) -> int | None:
    if match.group("d"):
        return int(match.group("d"))
    numeral = match.group("c")
    # A numeral inside a name (张三) is not a quantity: take the longest ending that is one.
    for start in range(len(numeral)):
        value = chinese_number(numeral[start:])
        if value is not None:
            return value
    return None


def _quantities(text: str) -> list[tuple[int, int, int, bool]]:
    """(start, end, value, has unit) of each quantity in a piece of a line."""
    found = []
    for match in _QUANTITY.finditer(text):
        start, end = match.span()
        after = text[end:end + 1]
        if match.group("d"):
            if len(match.group("d")) >= 7 or (after and after.isascii() and after.isalpha()):
                continue  # a phone number, or a size such as 2kg
        else:
            numeral_start = match.start("c")
            glued = numeral_start > 0 and not _SEPARATORS.match(text[numeral_start - 1])
            if not match.group("u") and (glued or (after and not _SEPARATORS.match(after))):
                continue  # a bare Chinese numeral counts only standing alone
            if glued:
                # 张三两箱: the numeral starts where the longest valid ending starts
                numeral = match.group("c")
                for offset in range(len(numeral)):
                    if chinese_number(numeral[offset:]) is not None:
                        start = numeral_start + offset
                        break
        value = _quantity_value(match)
        if value is not None:
            found.append((start, end, value, bool(match.group("u"))))
    return found


@functools.lru_cache(maxsize=16)
def _alias_table(items: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(folded alias, item) of every item, longest alias first: worked out once per buy."""
    return tuple(sorted(((alias.casefold(), item) for item in items for alias in _aliases(item)),
                        key=lambda pair: -len(pair[0])))


def _item_mentions(text: str, items: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, item) of each item named in the text, longest names first, not overlapping."""
    taken: list[tuple[int, int, str]] = []
    folded = text.casefold()
    for alias, item in _alias_table(tuple(items)):
        start = folded.find(alias)
        while start >= 0:
            end = start + len(alias)
            if not any(s < end and start < e for s, e, _ in taken):
                taken.append((start, end, item))
            start = folded.find(alias, end)
    return sorted(taken)


def _owner(part: str, items: Sequence[str]) -> str | None:
    part = part.casefold()
    owners = [item for item in items if part in plain(item).casefold()]
    return owners[0] if len(owners) == 1 else None


def _guess_item(before: str, after: str, items: Sequence[str]) -> tuple[str, int, int] | None:
    """The item a word right before or after a quantity names, when that word is part of exactly
    one item's name (`饺子2袋`, `两袋饺子` for 冷冻饺子): (item, characters used before, after)."""
    run = _CJK_RUN.search(before.rstrip())
    if run:
        word = run.group(0)
        for start in range(len(word) - 1):
            item = _owner(word[start:], items)
            if item:
                return item, len(before) - run.start() - start, 0
    run = _CJK_START.match(after)
    if run:
        word = run.group(1)
        for end in range(len(word), 1, -1):
            item = _owner(word[:end], items)
            if item:
                return item, 0, run.start(1) + end
    return None


def _understand(body: str, items: Sequence[str]) -> tuple[dict[str, int], str] | Notice:
    """The quantities of a line's order part and what is left of it (the name), or the reason."""
    mentions = _item_mentions(body, items)
    quantities: dict[str, int] = {}
    used: list[tuple[int, int]] = []
    if len(items) > 1 or mentions:
        for index, (start, end, item) in enumerate(mentions):
            limit = mentions[index + 1][0] if index + 1 < len(mentions) else len(body)
            after = _quantities(body[end:limit])
            after = [q for q in after if not body[end:end + q[0]].strip(" :：xX×*")]
            floor = mentions[index - 1][1] if index else 0
            before = [q for q in _quantities(body[floor:start])
                      if not body[floor + q[1]:start].strip()]
            if after:
                q_start, q_end, value, _ = after[0]
                used.append((start, end + q_end))
            elif before:
                q_start, q_end, value, _ = before[-1]
                used.append((floor + q_start, end))
            elif len(items) == 1:
                continue  # the item named, its quantity elsewhere in the line
            else:
                return notice("chain_no_quantity_for", item=item)
            quantities[item] = quantities.get(item, 0) + value
        if len(items) > 1:
            rest = _blank(body, used)
            for q_start, q_end, value, _ in _quantities(rest):
                guess = _guess_item(rest[:q_start], rest[q_end:], items)
                if guess is None:
                    return notice("chain_which_item", items="、".join(items))
                item, before, after = guess
                used.append((q_start - before, q_end + after))
                quantities[item] = quantities.get(item, 0) + value
            if not quantities:
                return notice("chain_no_quantity")
    if len(items) == 1 and not quantities:
        rest = _blank(body, used)
        found = _quantities(rest)
        if len(found) > 1:
            with_unit = [q for q in found if q[3]]
            found = with_unit if len(with_unit) == 1 else found
        if not found:
            return notice("chain_no_quantity")
        if len(found) > 1:
            return notice("chain_many_quantities")
        q_start, q_end, value, _ = found[0]
        used.append((q_start, q_end))
        quantities[items[0]] = value
    for item, value in quantities.items():
        if value < 1:
            return notice("chain_zero_quantity", item=item)
        if value > MAX_QUANTITY:
            return notice("chain_quantity_too_large", item=item, value=value, maximum=MAX_QUANTITY)
    name = _SEPARATORS.sub(" ", _blank(body, used)).strip(" .。+-*xX×")
    return quantities, name


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, min(end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def parse_chain(text: str, items: Sequence[str]) -> ChainParse:
    """Read a pasted list against the buy's item names, without the database.

    BadInput when no order line at all can be recognised.
    """
    if not items:
        raise BadInput("items_none", "item")
    parsed = ChainParse()
    seen_numbered = False
    for number, raw in enumerate((text or "").splitlines(), 1):
        line = plain(_CIRCLED.sub(_circled, raw))
        if not line:
            continue
        if len(line) > MAX_LINE:
            if seen_numbered or _NUMBERED.match(line[:20]):
                seen_numbered = True
                parsed.problems.append(ChainProblem(number, raw.strip()[:80] + "…",
                                                    notice("chain_line_too_long", limit=MAX_LINE)))
            else:
                parsed.header.append(number)
            continue
        match = _NUMBERED.match(line)
        if not match:
            if seen_numbered:
                parsed.problems.append(ChainProblem(number, raw.strip(), notice("chain_not_numbered")))
            else:
                parsed.header.append(number)
            continue
        seen_numbered = True
        body = match.group(2)
        note = ""
        split = _NOTE.search(body)
        if split:
            body, note = body[: split.start()], body[split.end():].strip()
            as_written = _NOTE.search(raw)  # the note kept as the resident wrote it
            if as_written:
                note = raw[as_written.end():].strip()
        located = find_address(body)
        if located is None:
            parsed.problems.append(ChainProblem(number, raw.strip(), notice("chain_no_address")))
            continue
        address, rest = located
        understood = _understand(rest, list(items))
        if isinstance(understood, Notice):
            parsed.problems.append(ChainProblem(number, raw.strip(), understood))
            continue
        quantities, name = understood
        parsed.entries.append(ChainEntry(number, raw.strip(), address.canonical, name[:40],
                                         quantities, note[:200]))
    if not parsed.entries:
        raise BadInput("chain_nothing_recognised", "text", problems=tuple(parsed.problems))
    return parsed


# ---- against the roster and the buy ---------------------------------------------------------


# All lines not on the roster, or those with these line numbers or canonical addresses.
AddHouseholds = bool | Collection[int | str]


def _adds(add: AddHouseholds, entry: ChainEntry) -> bool:
    if isinstance(add, bool):
        return add
    return entry.line in add or entry.address in add


def _preview(conn: Connection, buy_id: int, text: str, add: AddHouseholds = False) -> ChainPreview:
    buy = get_buy(conn, buy_id)
    require_open(buy)
    items: list[Item] = list_items(conn, buy_id)
    by_name = {item.name: item for item in items}
    parsed = parse_chain(text, [item.name for item in items])
    problems = list(parsed.problems)
    warnings: list[Notice] = []
    unknown: list[ChainEntry] = []
    chosen: dict[object, tuple[ChainEntry, str, int | None]] = {}
    roster = {row["address"]: row["id"] for row in household_rows.select_all(conn)}
    for entry in parsed.entries:
        household_id = roster.get(entry.address)  # the entry's address is canonical
        if household_id is None:
            if not _adds(add, entry):
                unknown.append(entry)
                problems.append(ChainProblem(entry.line, entry.text,
                                             notice("chain_not_in_roster", address=entry.address)))
                continue
            key: object = ("new", entry.address)
            address, household_id = entry.address, None
        else:
            key, address = household_id, entry.address
        if key in chosen:
            earlier = chosen[key][0]
            warnings.append(notice("chain_listed_twice", address=address,
                                   earlier=earlier.line, later=entry.line))
        chosen[key] = (entry, address, household_id)
    orders = []
    for entry, address, household_id in sorted(chosen.values(), key=lambda v: v[0].line):
        lines = {by_name[name].id: quantity for name, quantity in entry.quantities.items()}
        existing = None
        if household_id is not None:
            existing = order_rows.select_table_order(conn, buy_id, household_id)
        excess = cap_excess(conn, buy_id, household_id, items, lines,
                            existing["id"] if existing else None)
        if household_id is None:
            over = [item for item in items if item.cap is not None and lines.get(item.id, 0) > item.cap]
            excess = (over[0], lines[over[0].id], 0) if over else None
        if excess:
            item, asked, other = excess
            problems.append(ChainProblem(entry.line, entry.text, notice(
                "chain_over_cap", item=item.name, cap=item.cap, asked=asked + other)))
            continue
        outcome = "added"
        if existing is not None:
            old = {row["item_id"]: row["quantity"]
                   for row in order_rows.select_lines(conn, existing["id"])}
            outcome = "unchanged" if old == lines and existing["cancelled_at"] is None else "updated"
            if outcome == "updated":
                warnings.append(notice("chain_replaces_order", address=address, line=entry.line))
        orders.append(ChainOrder(entry, household_id, address, lines, outcome))
    problems.sort(key=lambda problem: problem.line)
    return ChainPreview(buy_id, tuple(orders), tuple(problems), tuple(warnings), tuple(unknown))


def preview_chain(conn: Connection, buy_id: int, text: str, *,
                  add_households: AddHouseholds = False) -> ChainPreview:
    """What pasting this list would order, and each line not understood; nothing is saved.
    `add_households`: True for every line not on the roster, or the line numbers or addresses
    whose households to add."""
    return _preview(conn, buy_id, text, add_households)


def import_chain(conn: Connection, buy_id: int, text: str, *, operator: str = "",
                 add_households: AddHouseholds = False) -> ChainResult:
    """Save the orders of a pasted list: one order per household, changed in place; the
    households of lines not on the roster are added when asked (all, or those line numbers)."""
    _preview(conn, buy_id, text, add_households)  # a list that cannot be used is refused first
    backup_before_import(conn)
    with transaction(conn):
        preview = _preview(conn, buy_id, text, add_households)
        buy = get_buy(conn, buy_id)
        items = list_items(conn, buy_id)
        counts = {"added": 0, "updated": 0, "unchanged": 0}
        households_added = 0
        for order in preview.orders:
            household_id = order.household_id
            if household_id is None:
                values = household_rules.validate(household_rules.HouseholdFields(
                    address=order.address, name=order.entry.name[:household_rules.MAX_NAME]))
                household_id = household_rows.insert(conn, values, station=conn.station,
                                                     now=utc_now())
                households_added += 1
            _, outcome = save_household_order(conn, buy, household_id, order.lines,
                                              source="chain", operator=operator,
                                              note=order.entry.note, items=items)
            counts[outcome] += 1
        audit.record(conn, "buy_import", summary=f"#{buy_id} {buy.title} · 接龙", operator=operator or None,
                     changes=[("orders_added", None, counts["added"]), ("orders_updated", None, counts["updated"]),
                              ("households_created", None, households_added)])
    return ChainResult(orders=len(preview.orders), added=counts["added"],
                       updated=counts["updated"], unchanged=counts["unchanged"],
                       unmatched=preview.unmatched, warnings=preview.warnings,
                       households_added=households_added)


def read_chain_file(path) -> str:
    """A pasted list saved as text: UTF-8 (with or without BOM), or GB18030 from Chinese Windows."""
    from pathlib import Path

    path = Path(path)
    if not path.exists():
        raise BadInput("file_missing", "file", path=str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput("file_unreadable", "file", path=str(path)) from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BadInput("file_encoding_unknown", "file", path=str(path))
