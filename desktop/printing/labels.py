"""Bag labels: what the person holding a bag needs, around a QR code any scanner or webcam reads.

A label carries the canonical address in the largest type that fits, bag n of m, the storage class
as a badge (冷冻 filled black, the most prominent; 冷藏 in a heavy frame; 常温 in a light one), the
group buy, the items (shortened when long), the masked name (张*), and under the QR code the code
itself in groups of five for typing. Never a phone number, never a full name.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache

from desktop.bags.bags import count_by_building, list_bags
from desktop.bags.codes import display_code, display_groups
from desktop.buys.group_buys import get_buy
from desktop.db.connection import Connection
from desktop.errors import BadInput
from desktop.printing.fonts import ASCENT, CAP_HEIGHT, DESCENT, MONO, unit_width
from desktop.printing.label_chunks import PARALLEL_FROM, Drawers, pack_chunks, worker_count
from desktop.printing.language import DEFAULT, print_language, storage_word
from desktop.printing.pdf import (
    ELLIPSIS,
    MM,
    Progress,
    ShouldCancel,
    TextBatch,
    check_output,
    checkpoint,
    ellipsize,
    fit_size,
    new_canvas,
    pdf_file,
)
from desktop.printing.qr import QUIET_ZONE, draw_qr, qr_symbol
from desktop.printing.stocks import Stock, get_stock
from desktop.words import say, word

DIGIT_HEIGHT = 0.76  # digits of the bundled face rise 0.73 em; a little more for the bold stroke
_SPEC = re.compile(r"\s*[(（\[【][^)）\]】]*[)）\]】]\s*")

# Draws a code's QR symbol with the quiet zone's bottom left at (x, y), `module` points a module.
QRDrawer = Callable[[object, str, float, float, float], None]


@dataclass(frozen=True)
class LabelData:
    code: str
    address: str
    index: int
    count: int
    storage: str
    buy_title: str
    items: tuple[tuple[str, int], ...]
    masked_name: str
    door: bool = False


def labels_for_buy(conn: Connection, buy_id: int) -> list[LabelData]:
    """The live bags of a buy as labels, by building, entrance and room, then n of m."""
    buy = get_buy(conn, buy_id)
    bags = list_bags(conn, buy_id)
    if not bags:
        raise BadInput("print_no_bags", "buy", title=buy.title)
    # A bag of a free distribution says so where a bought one would be charged for.
    title = f"{word('free', 'label', print_language(conn))} · {buy.title}" if buy.free else buy.title
    return [
        LabelData(
            code=bag.code, address=bag.address, index=bag.index, count=bag.count,
            storage=bag.storage, buy_title=title,
            items=tuple((item.item, item.quantity) for item in bag.items),
            masked_name=bag.masked_name, door=bag.delivery == "door",
        )
        for bag in bags
    ]


def write_labels(conn: Connection, buy_id: int, stock: str, path: str | os.PathLike[str], *,
                 progress: Progress | None = None, should_cancel: ShouldCancel | None = None,
                 limit: int | None = None) -> int:
    """The labels of every live bag of a buy (the first `limit` of them, for a preview).
    Returns how many were printed. A long run is drawn on every core (`label_chunks`)."""
    chosen = get_stock(stock)
    check_output(path)
    lang = print_language(conn)
    drawers = None
    if limit is None and worker_count() > 0 and live_bag_count(conn, buy_id) >= PARALLEL_FROM:
        drawers = Drawers(draw_labels, chosen, lang)  # they start while the labels are read
    with drawers or nullcontext():
        labels = labels_for_buy(conn, buy_id)
        if limit is not None:
            labels = labels[:limit]
        count, title = len(labels), labels[0].buy_title
        if drawers is not None:
            # Packed, then dropped: while the workers draw, only the packed chunks are held here.
            parts = pack_chunks(labels, chosen)
            del labels
            with pdf_file(path) as out:
                drawers.draw(out, parts, title, progress=progress, should_cancel=should_cancel)
            return count
        with pdf_file(path) as out:
            draw_labels(out, labels, chosen, title, progress=progress,
                        should_cancel=should_cancel, lang=lang)
    return count


def live_bag_count(conn: Connection, buy_id: int) -> int:
    """How many labels the buy's live bags make, counted before they are read."""
    return sum(row.bags for row in count_by_building(conn, buy_id))


def vector_qr(canvas, code: str, x: float, y: float, module: float) -> None:
    draw_qr(canvas, qr_symbol(code), x, y, module)


def draw_labels(out, labels: Sequence[LabelData], stock: Stock, title: str, *,
                progress: Progress | None = None, should_cancel: ShouldCancel | None = None,
                qr: QRDrawer = vector_qr, lang: str = DEFAULT) -> None:
    """Every label into one PDF written to `out`, `stock.per_page` to a page, its words in the
    print language `lang`."""
    canvas = new_canvas(out, stock.page, title, no_scaling=True)
    layout = _layout(stock, lang)
    total = len(labels)
    for done, label in enumerate(labels):
        slot = done % stock.per_page
        if done and not slot:
            canvas.showPage()
        if done % 64 == 0:
            checkpoint(done, total, progress, should_cancel)
        x, y = stock.label_origin(slot)
        layout.draw(canvas, label, x, y, qr)
    canvas.showPage()
    canvas.save()
    checkpoint(total, total, progress, None)


# ---- the layout -----------------------------------------------------------------------------------


@lru_cache(maxsize=16)
def _layout(stock: Stock, lang: str) -> _Layout:
    return _Layout(stock, lang)


class _Layout:
    """Where everything goes on one stock's label, worked out once, relative to its corner.

    Nothing is ever drawn inside the QR code's quiet zone of four modules."""

    def __init__(self, stock: Stock, lang: str) -> None:
        width, height = stock.label
        pad, module = stock.padding, stock.module
        self.lang = lang
        self.module = module
        side = (21 + 2 * QUIET_ZONE) * module
        quiet = QUIET_ZONE * module
        # The quiet zone is white margin enough: the box sits close to the corner.
        inset = min(pad, quiet) * 0.35
        self.qr_x = inset
        self.qr_y = height - inset - side
        self.wide = width / height >= 2.2
        code_em = unit_width("B" * 11, MONO)  # five, a space, five: half a code
        self.col_x = inset + side + 0.6 * MM
        self.col_w = width - pad - self.col_x
        col_top = height - pad
        if self.wide:
            # Two lines of code under the QR code; everything else beside it.
            self.code_size = min(8.0, (side - 0.6 * quiet) / code_em)
            self.code_lines = 2
            self.code_x = inset + side / 2
            self.code_baseline = self.qr_y - ASCENT * self.code_size
            column = col_top - pad
            self.text_size = min(7.5, column * 0.12)
            self.item_lines = 2
            rest = column - 3.6 * self.text_size
            self.address_height = rest * 0.58
            self.row_height = rest * 0.34
            self.address_baseline = col_top - self.address_height
            self.row_top = self.address_baseline - rest * 0.08
            self.name_baseline = self.row_top - self.row_height * 0.8
            self.title_baseline = self.row_top - self.row_height - self.text_size * 1.05
        else:
            # One line of code along the bottom; the title and items in the band above it.
            self.code_size = min(9.5, (width - 2 * pad) / (code_em * 23 / 11))
            self.code_lines = 1
            self.code_x = width / 2
            self.code_baseline = pad * 0.7 + DESCENT * self.code_size
            self.text_size = max(6.0, min(9.0, height * 0.075))
            dark_bottom = self.qr_y + quiet
            name_size = self.text_size * 1.1
            # From the top: the address, bag n of m with its badge, then the name on the line
            # level with the bottom of the QR code.
            self.name_baseline = dark_bottom + DESCENT * name_size * 0.6
            rest = col_top - (self.name_baseline + 0.92 * name_size)
            self.address_height = rest * 0.56
            self.row_height = rest * 0.32
            self.address_baseline = col_top - self.address_height
            self.row_top = self.address_baseline - rest * 0.07
            self.title_baseline = self.qr_y - 0.3 * MM - self.text_size * ASCENT
            band_bottom = self.code_baseline + ASCENT * self.code_size + 0.4 * MM
            self.band_x = pad
            self.band_w = width - 2 * pad
            self.item_lines = max(1, int((self.title_baseline - band_bottom) / (self.text_size * 1.2)))

    # ---- drawing ----

    def draw(self, canvas, label: LabelData, x: float, y: float, qr: QRDrawer) -> None:
        qr(canvas, label.code, x + self.qr_x, y + self.qr_y, self.module)
        text = TextBatch(canvas)
        self._code(text, label.code, x, y)
        left = x + self.col_x
        # The address, as large as its space allows, standing on the row below.
        size = fit_size(label.address, self.col_w, self.address_height / DIGIT_HEIGHT)
        text.add(left, y + self.address_baseline, label.address, size, bold=True)
        # Bag n of m, then the storage badge.
        row_bottom = y + self.row_top - self.row_height
        number = f"{label.index}/{label.count}"
        number_size = self.row_height * 0.78 / DIGIT_HEIGHT
        # Its own text object: bold is a stroke, and the stroke's width goes with the size.
        strong = TextBatch(canvas)
        strong.add(left, row_bottom + self.row_height * 0.08, number, number_size, bold=True)
        strong.draw(bold_width=number_size * 0.05)
        badge_x = left + unit_width(number) * number_size * 1.03 + 1.0 * MM
        badge_w = self._badge(canvas, text, label.storage, badge_x, row_bottom, self.row_height)
        if self.wide:
            after = badge_x + badge_w + 1.5 * MM
            self._name(canvas, text, label, after, row_bottom + self.row_height * 0.2,
                       x + self.col_x + self.col_w - after)
            # A little further in than the address: the code's lines end just left of here.
            text_x, text_w = left + 1.2 * MM, self.col_w - 1.2 * MM
        else:
            self._name(canvas, text, label, left, y + self.name_baseline, self.col_w)
            text_x, text_w = x + self.band_x, self.band_w
        top = y + self.title_baseline
        text.add(text_x, top, _ellipsized(label.buy_title, self.text_size, text_w), self.text_size)
        for line in self._items(label.items, text_w, self.item_lines):
            top -= self.text_size * 1.2
            text.add(text_x, top, line, self.text_size)
        text.draw(bold_width=size * 0.045)

    def _code(self, text: TextBatch, code: str, x: float, y: float) -> None:
        if self.code_lines == 1:
            text.add(x + self.code_x, y + self.code_baseline, display_code(code), self.code_size,
                     font=MONO, align="center")
            return
        groups = display_groups(code)
        half = (len(groups) + 1) // 2
        for n, line in enumerate((" ".join(groups[:half]), " ".join(groups[half:]))):
            text.add(x + self.code_x, y + self.code_baseline - n * self.code_size * 1.15, line,
                     self.code_size, font=MONO, align="center")

    def _badge(self, canvas, text: TextBatch, storage: str, x: float, y: float,
               height: float) -> float:
        """The storage class in a box; frozen is white on black. Returns the box's width."""
        word = storage_word(storage, self.lang)
        size = height * 0.62
        width = unit_width(word) * size + height * 0.5
        path = _rounded_box(x, y, width, height, height * 0.18)
        if storage == "frozen":
            canvas.addLiteral(f"q 0 g {path} f Q")
        else:
            canvas.addLiteral(f"q {1.6 if storage == 'chilled' else 0.6} w {path} S Q")
        text.add(x + width / 2, y + (height - size * CAP_HEIGHT) / 2 + 0.2, word, size,
                 align="center", white=storage == "frozen")
        return width

    def _name(self, canvas, text: TextBatch, label: LabelData, x: float, baseline: float,
              width: float) -> None:
        size = self.text_size * 1.1
        if label.door:
            mark = say("label.door", self.lang)
            mark_w = unit_width(mark) * size + 2.0
            canvas.addLiteral(f"q 0.6 w {x:.2f} {baseline - DESCENT * size:.2f} {mark_w:.2f} "
                              f"{size * 1.05:.2f} re S Q")
            text.add(x + 1.0, baseline, mark, size)
            x += mark_w + 1.2 * MM
            width -= mark_w + 1.2 * MM
        if label.masked_name and width > 0:
            text.add(x, baseline, ellipsize(label.masked_name, size, width), size)

    def _items(self, items: tuple[tuple[str, int], ...], width: float, lines: int) -> list[str]:
        return _item_lines(items, round(self.text_size, 2), round(width, 2), lines, self.lang)


def _rounded_box(x: float, y: float, w: float, h: float, r: float) -> str:
    """A rectangle with rounded corners as PDF path operators (Bézier quarter circles)."""
    k = r * 0.4477  # 1 - 0.5523: where a quarter circle's control points sit
    x2, y2 = x + w, y + h
    return (
        f"{x + r:.2f} {y:.2f} m {x2 - r:.2f} {y:.2f} l "
        f"{x2 - k:.2f} {y:.2f} {x2:.2f} {y + k:.2f} {x2:.2f} {y + r:.2f} c "
        f"{x2:.2f} {y2 - r:.2f} l {x2:.2f} {y2 - k:.2f} {x2 - k:.2f} {y2:.2f} {x2 - r:.2f} {y2:.2f} c "
        f"{x + r:.2f} {y2:.2f} l {x + k:.2f} {y2:.2f} {x:.2f} {y2 - k:.2f} {x:.2f} {y2 - r:.2f} c "
        f"{x:.2f} {y + r:.2f} l {x:.2f} {y + k:.2f} {x + k:.2f} {y:.2f} {x + r:.2f} {y:.2f} c h"
    )


@lru_cache(maxsize=4096)
def _ellipsized(text: str, size: float, width: float) -> str:
    return ellipsize(text, size, width)


@lru_cache(maxsize=8192)
def _item_lines(items: tuple[tuple[str, int], ...], size: float, width: float, lines: int,
                lang: str) -> list[str]:
    """The items in at most `lines` lines: in full if they fit; else without the pack sizes in
    brackets; else as many as fit, then how many more there are."""
    for shorten in (False, True):
        entries = [f"{_SPEC.sub('', name) if shorten else name}×{quantity}"
                   for name, quantity in items]
        fitted = _pack_lines(entries, size, width)
        if len(fitted) <= lines:
            return fitted
    result: list[str] = []
    for count in range(len(entries), 0, -1):
        rest = len(entries) - count
        more = say("label.more", lang, rest=rest) if rest else ""
        fitted = _pack_lines(entries[:count], size, width, tail=more)
        if len(fitted) <= lines:
            return fitted
        result = fitted
    return [ellipsize(line, size, width) for line in result[:lines]] or [ELLIPSIS]


def _pack_lines(entries: Iterable[str], size: float, width: float, tail: str = "") -> list[str]:
    lines: list[str] = []
    line = ""
    entries = list(entries)
    for n, entry in enumerate(entries):
        if tail and n == len(entries) - 1:
            entry = f"{entry} {tail}"
        candidate = f"{line}  {entry}" if line else entry
        if unit_width(candidate) * size <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = entry if unit_width(entry) * size <= width else ellipsize(entry, size, width)
    if line:
        lines.append(line)
    return lines

