"""The pickup sheet: households by building then room, their bags and items, a box to tick and a
space to sign; a cut line between buildings so each building's volunteer takes their strip; the
buy, the date and page x of y on every page.

So money and complaints are settled where the bag is handed over, each household's row also says
what it still owes for this buy (`还欠 ¥12.34`) or is owed back, and every item that came short is
printed as ordered→got (`3→2`) instead of its count."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import accumulate

from desktop.bags.bags import Bag, list_bags, mask_name
from desktop.buys.group_buys import buy_details, get_buy
from desktop.compound import compound_info
from desktop.db import orders as order_rows
from desktop.db.connection import Connection
from desktop.errors import BadInput
from desktop.money import format_fen
from desktop.printing.fonts import ASCENT, unit_width
from desktop.printing.language import print_language, storage_word
from desktop.printing.pdf import (
    MM,
    Progress,
    ShouldCancel,
    check_output,
    checkpoint,
    draw_text,
    ellipsize,
    new_canvas,
    pdf_file,
    wrap,
)
from desktop.printing.stocks import A4
from desktop.words import phrases, plural, word

MARGIN = 12 * MM
HEADER = 19 * MM
FOOTER = 10 * MM
TEXT = 9.0
LEADING = TEXT * 1.3
ADDRESS = 12.0
# Column widths in points; the items column takes what is left.
TICK_W, ADDRESS_W, NAME_W, BAGS_W, SIGN_W = 9 * MM, 24 * MM, 15 * MM, 34 * MM, 30 * MM


@dataclass(frozen=True)
class _Household:
    address: str
    building: int
    name: str
    door: bool
    bags: tuple[Bag, ...]
    owes_fen: int = 0
    refund_fen: int = 0
    short: tuple[tuple[str, int, int], ...] = ()  # (item, ordered, got) where got < ordered
    note: str = ""  # the 备注 of the household's orders in this buy

    @property
    def items(self) -> list[tuple[str, int]]:
        totals: dict[str, int] = {}
        for bag in self.bags:
            for item in bag.items:
                totals[item.item] = totals.get(item.item, 0) + item.quantity
        return list(totals.items())

    def entries(self) -> list[str]:
        """`name×n` for what is in the bags; `name 3→2` for what came short, even to nothing."""
        short = {name: (ordered, got) for name, ordered, got in self.short}
        entries = [f"{name} {short[name][0]}→{short[name][1]}" if name in short else f"{name}×{n}"
                   for name, n in self.items]
        bagged = {name for name, _ in self.items}
        entries += [f"{name} {ordered}→{got}" for name, ordered, got in self.short
                    if name not in bagged]
        return entries


def _words(lang: str) -> dict[str, str]:
    return phrases("pickup", lang)


def _counted(households: int, bags: int) -> dict[str, object]:
    return {"h": households, "n": bags, "h_s": plural(households), "n_s": plural(bags)}


def write_pickup_sheet(conn: Connection, buy_id: int, path: str | os.PathLike[str], *,
                       progress: Progress | None = None,
                       should_cancel: ShouldCancel | None = None,
                       max_pages: int | None = None) -> int:
    """Write the sheet; returns its number of pages (only the first `max_pages` for a preview)."""
    check_output(path)
    buy = get_buy(conn, buy_id)
    bags = list_bags(conn, buy_id)
    if not bags:
        raise BadInput("print_no_bags", "buy", title=buy.title)
    notes: dict[int, list[str]] = {}
    for row in order_rows.select_notes(conn, buy_id):
        notes.setdefault(row["household_id"], []).append(row["note"])
    households: list[_Household] = []
    for bag in bags:
        if households and households[-1].bags[0].household_id == bag.household_id:
            last = households[-1]
            households[-1] = replace(last, bags=last.bags + (bag,))
        else:
            households.append(_Household(bag.address, bag.building, mask_name(bag.name),
                                         bag.delivery == "door", (bag,),
                                         note="；".join(notes.get(bag.household_id, ()))))
    households = _with_money_and_shortages(conn, buy_id, households)
    lang = print_language(conn)
    title = f"{word('free', 'label', lang)} · {buy.title}" if buy.free else buy.title
    sheet = _Sheet(title, compound_info(conn).name, lang, households)
    if buy.free:  # given, not ordered
        sheet.words["short_key"] = sheet.words["short_key_free"]
    with pdf_file(path) as out:
        return sheet.write(out, progress, should_cancel, max_pages)


def _with_money_and_shortages(conn: Connection, buy_id: int,
                              households: list[_Household]) -> list[_Household]:
    """Each household with what it owes or is owed for the buy and what it got less of."""
    owes: dict[int, int] = {}
    refund: dict[int, int] = {}
    short: dict[int, dict[str, list[int]]] = {}
    for order in buy_details(conn, buy_id).orders:
        if order.household_id is None:
            continue
        household = order.household_id
        owes[household] = owes.get(household, 0) + order.money.owing_fen
        refund[household] = refund.get(household, 0) + order.money.refund_due_fen
        if order.cancelled:
            continue
        for line in order.lines:
            if line.allocated is not None and line.allocated < line.quantity:
                counts = short.setdefault(household, {}).setdefault(line.item, [0, 0])
                counts[0] += line.quantity
                counts[1] += line.allocated
    result = []
    for h in households:
        key = h.bags[0].household_id
        result.append(replace(
            h, owes_fen=owes.get(key, 0), refund_fen=refund.get(key, 0),
            short=tuple((name, ordered, got) for name, (ordered, got) in short.get(key, {}).items())))
    return result


class _Sheet:
    def __init__(self, title: str, compound: str, lang: str, households: list[_Household]) -> None:
        self.title = title
        self.compound = compound
        self.lang = lang
        self.words = _words(lang)
        self.households = households
        self.date = datetime.now().strftime("%Y-%m-%d")
        width, height = A4
        self.width, self.height = width, height
        self.items_w = width - 2 * MARGIN - TICK_W - ADDRESS_W - NAME_W - BAGS_W - SIGN_W
        self.columns = list(accumulate((TICK_W, ADDRESS_W, NAME_W, BAGS_W, self.items_w), initial=MARGIN))

    # ---- layout: what goes on which page, worked out before anything is drawn ----

    def _row(self, household: _Household) -> tuple[float, list[str], list[str]]:
        bag_lines = [f"{bag.index}/{bag.count} {storage_word(bag.storage, self.lang)}"
                     for bag in household.bags]
        item_lines = _entry_lines(household.entries(), self.items_w - 2 * MM, self.words["and"])
        if household.note:
            item_lines += wrap(self.words["note"].format(note=household.note), TEXT,
                               self.items_w - 2 * MM, max_lines=3)
        lines = max(len(bag_lines), len(item_lines), 2 if household.door else 1)
        return max(lines * LEADING + 2.5 * MM, 10 * MM), bag_lines, item_lines

    def _pages(self) -> list[list[tuple]]:
        """Pages of blocks: ('building', building, households, bags), ('cut',), ('row', …)."""
        top = self.height - MARGIN - HEADER
        bottom = MARGIN + FOOTER
        pages: list[list[tuple]] = [[]]
        y = top
        by_building: dict[int, list[_Household]] = {}
        for household in self.households:
            by_building.setdefault(household.building, []).append(household)
        for number, (building, members) in enumerate(by_building.items()):
            heading = 9 * MM + (6 * MM if number else 0)
            first = self._row(members[0])[0]
            if y - heading - first < bottom:
                pages.append([])
                y = top
            if number and pages[-1]:
                pages[-1].append(("cut", y))
                y -= 6 * MM
            bags = sum(len(h.bags) for h in members)
            pages[-1].append(("building", y, building, len(members), bags))
            y -= 9 * MM
            for household in members:
                height, bag_lines, item_lines = self._row(household)
                if y - height < bottom:
                    pages.append([])
                    y = top
                    pages[-1].append(("building", y, building, len(members), bags))
                    y -= 9 * MM
                pages[-1].append(("row", y, height, household, bag_lines, item_lines))
                y -= height
        return pages

    # ---- drawing ----

    def write(self, out, progress, should_cancel, max_pages) -> int:
        pages = self._pages()
        count = len(pages)
        if max_pages is not None:
            pages = pages[:max_pages]
        canvas = new_canvas(out, A4, f"{self.words['sheet']} · {self.title}")
        total_bags = sum(len(h.bags) for h in self.households)
        for number, blocks in enumerate(pages, start=1):
            checkpoint(number - 1, len(pages), progress, should_cancel)
            self._header(canvas, number, count, total_bags)
            for block in blocks:
                getattr(self, f"_draw_{block[0]}")(canvas, *block[1:])
            canvas.showPage()
        canvas.save()
        checkpoint(len(pages), len(pages), progress, None)
        return count

    def _header(self, canvas, number: int, pages: int, total_bags: int) -> None:
        w = self.words
        top = self.height - MARGIN
        left, right = MARGIN, self.width - MARGIN
        title = f"{w['sheet']} · {self.title}"
        draw_text(canvas, left, top - 14, ellipsize(title, 14, right - left - 60 * MM), 14, bold=True)
        where = " · ".join(part for part in (self.compound, self.date) if part)
        draw_text(canvas, right, top - 12, where, 10, align="right")
        summary = w["total"].format(**_counted(len(self.households), total_bags))
        owed = sum(h.owes_fen for h in self.households)
        if owed:
            summary += " · " + w["owed_total"].format(money=format_fen(owed))
        if any(h.short for h in self.households):
            summary += " · " + w["short_key"]
        draw_text(canvas, left, top - 28, summary, 9)
        draw_text(canvas, right, top - 28, w["page"].format(x=number, y=pages), 9, align="right")
        # Column heads, then a rule.
        y = top - HEADER + 3
        heads = ("", w["address"], w["name"], w["bags"], w["items"], w["sign"])
        for x, head in zip(self.columns, heads, strict=True):
            draw_text(canvas, x + 1.5 * MM, y, head, 8)
        canvas.setLineWidth(0.8)
        canvas.line(left, y - 3, right, y - 3)
        # The footer repeats the buy and the page, for a page that comes loose.
        footer = f"{self.title} · {self.date} · {w['page'].format(x=number, y=pages)}"
        draw_text(canvas, self.width / 2, MARGIN, footer, 8, align="center")

    def _draw_cut(self, canvas, y: float) -> None:
        middle = y - 3 * MM
        canvas.saveState()
        canvas.setLineWidth(0.6)
        canvas.setDash(4, 3)
        label = self.words["cut"]
        label_w = unit_width(label) * 7 + 8 * MM
        canvas.line(MARGIN + label_w, middle, self.width - MARGIN, middle)
        canvas.restoreState()
        _scissors(canvas, MARGIN + 2 * MM, middle)
        draw_text(canvas, MARGIN + 6 * MM, middle - 2.3, label, 7)

    def _draw_building(self, canvas, y: float, building: int, households: int, bags: int) -> None:
        text = self.words["building"].format(b=building, **_counted(households, bags))
        canvas.saveState()
        canvas.setFillGray(0.9)
        canvas.rect(MARGIN, y - 7.5 * MM, self.width - 2 * MARGIN, 7 * MM, stroke=0, fill=1)
        canvas.restoreState()
        draw_text(canvas, MARGIN + 2 * MM, y - 5.3 * MM, text, 11, bold=True)

    def _draw_row(self, canvas, y: float, height: float, household: _Household,
                  bag_lines: list[str], item_lines: list[str]) -> None:
        c = self.columns
        first = y - 1.5 * MM - ASCENT * TEXT
        # The tick box, the same height as the address's digits.
        box = 4.2 * MM
        canvas.setLineWidth(0.8)
        canvas.rect(c[0] + 2 * MM, y - 1.5 * MM - box, box, box, stroke=1, fill=0)
        draw_text(canvas, c[1] + 1.5 * MM, y - 1.5 * MM - ASCENT * ADDRESS, household.address,
                  ADDRESS, bold=True)
        draw_text(canvas, c[2] + 1.5 * MM, first, household.name, TEXT)
        if household.door:
            draw_text(canvas, c[2] + 1.5 * MM, first - LEADING, f"[{self.words['door']}]", TEXT)
        for n, line in enumerate(bag_lines):
            draw_text(canvas, c[3] + 1.5 * MM, first - n * LEADING, line, TEXT)
        for n, line in enumerate(item_lines):
            draw_text(canvas, c[4] + 1.5 * MM, first - n * LEADING, line, TEXT)
        # What is still owed either way, above the line to sign on.
        sign_left = c[5] + 2 * MM
        if household.owes_fen:
            draw_text(canvas, sign_left, first, self.words["owes"].format(
                money=format_fen(household.owes_fen)), TEXT, bold=True)
        elif household.refund_fen:
            draw_text(canvas, sign_left, first, self.words["refund"].format(
                money=format_fen(household.refund_fen)), TEXT)
        canvas.setLineWidth(0.4)
        canvas.line(sign_left, y - height + 2.5 * MM, self.width - MARGIN - 1 * MM,
                    y - height + 2.5 * MM)
        canvas.setStrokeGray(0.6)
        canvas.setLineWidth(0.3)
        canvas.line(MARGIN, y - height, self.width - MARGIN, y - height)
        canvas.setStrokeGray(0)


def _entry_lines(entries: list[str], width: float, mark: str = "、", max_lines: int = 6) -> list[str]:
    """Items joined by `mark` and wrapped between items, so no line starts with it; an item
    too long for a line of its own is wrapped inside."""
    lines: list[str] = []
    line = ""
    for n, entry in enumerate(entries):
        piece = entry + (mark if n < len(entries) - 1 else "")
        if unit_width(line + piece) * TEXT <= width:
            line += piece
            continue
        if line:
            lines.append(line)
        parts = wrap(piece, TEXT, width)
        lines.extend(parts[:-1])
        line = parts[-1] if parts else ""
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [ellipsize(lines[max_lines - 1] + "…", TEXT, width)]
    return lines


def _scissors(canvas, x: float, y: float) -> None:
    """A small pair of scissors (the bundled font has no ✂): two rings and crossed blades."""
    canvas.saveState()
    canvas.setLineWidth(0.6)
    canvas.circle(x - 1.2 * MM, y + 0.9 * MM, 0.7 * MM, stroke=1, fill=0)
    canvas.circle(x - 1.2 * MM, y - 0.9 * MM, 0.7 * MM, stroke=1, fill=0)
    canvas.line(x - 0.6 * MM, y + 0.5 * MM, x + 2.2 * MM, y - 0.9 * MM)
    canvas.line(x - 0.6 * MM, y - 0.5 * MM, x + 2.2 * MM, y + 0.9 * MM)
    canvas.restoreState()


__all__ = ["write_pickup_sheet"]
