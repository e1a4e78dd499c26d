"""The door-delivery run: for each building, the households whose waiting bags are carried to the
door (door delivery, or a sealed building), by entrance and room, each bag with its buy and
storage (frozen first), a box to tick and a space for a note; one building starts a new page so
each volunteer takes their own building's sheet."""

from __future__ import annotations

import os
from datetime import datetime
from itertools import accumulate

from desktop.bags.bags import STORAGE_ORDER, mask_name
from desktop.compound import compound_info
from desktop.db.connection import Connection
from desktop.errors import BadInput
from desktop.gate.waiting import DoorStop, door_run
from desktop.printing.fonts import ASCENT
from desktop.printing.language import LANGUAGES, print_language, storage_word
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
)
from desktop.printing.stocks import A4
from desktop.words import phrases

MARGIN = 12 * MM
HEADER = 24 * MM
FOOTER = 10 * MM
TEXT = 10.0
LEADING = TEXT * 1.35
ADDRESS = 16.0
TICK_W, ADDRESS_W, NAME_W, NOTE_W = 10 * MM, 34 * MM, 22 * MM, 38 * MM


def _words(lang: str) -> dict[str, str]:
    return phrases("door_run", lang)


def write_door_run(conn: Connection, path: str | os.PathLike[str], *, building: int | None = None,
                   progress: Progress | None = None,
                   should_cancel: ShouldCancel | None = None) -> int:
    """Write the run for every building (or one); returns its number of pages."""
    check_output(path)
    stops = door_run(conn, building)
    if not stops:
        raise BadInput("door_run_empty", "building")
    sheet = _Sheet(compound_info(conn).name, print_language(conn), stops)
    with pdf_file(path) as out:
        return sheet.write(out, progress, should_cancel)


class _Sheet:
    def __init__(self, compound: str, lang: str, stops: list[DoorStop]) -> None:
        self.compound = compound
        self.lang = lang
        self.words = _words(lang)
        self.stops = stops
        self.date = datetime.now().strftime("%Y-%m-%d %H:%M")
        self.width, self.height = A4
        self.bags_w = self.width - 2 * MARGIN - TICK_W - ADDRESS_W - NAME_W - NOTE_W
        self.columns = list(accumulate((TICK_W, ADDRESS_W, NAME_W, self.bags_w), initial=MARGIN))

    def _bag_lines(self, stop: DoorStop) -> list[str]:
        bags = sorted(stop.bags, key=lambda b: (STORAGE_ORDER.index(b.storage), b.buy_id, b.index))
        return [ellipsize(self.words["bag"].format(i=b.index, m=b.count,
                                                   storage=storage_word(b.storage, self.lang), buy=b.buy),
                          TEXT, self.bags_w - 3 * MM) for b in bags]

    def _pages(self) -> list[tuple[int, list[tuple[float, DoorStop, list[str]]]]]:
        """(building, rows) per page; a building always starts a page of its own."""
        pages: list[tuple[int, list]] = []
        room = self.height - 2 * MARGIN - HEADER - FOOTER
        for stop in self.stops:
            lines = self._bag_lines(stop)
            height = max(len(lines) + 1, 2) * LEADING + 3 * MM
            if not pages or pages[-1][0] != stop.building or pages[-1][2] + height > room:
                pages.append((stop.building, [], 0.0))
            building, rows, used = pages[-1]
            rows.append((height, stop, lines))
            pages[-1] = (building, rows, used + height)
        return [(building, rows) for building, rows, _ in pages]

    def write(self, out, progress, should_cancel) -> int:
        pages = self._pages()
        canvas = new_canvas(out, A4, self.words["title"])
        totals: dict[int, tuple[int, int]] = {}
        for stop in self.stops:
            households, bags = totals.get(stop.building, (0, 0))
            totals[stop.building] = (households + 1, bags + len(stop.bags))
        for number, (building, rows) in enumerate(pages, start=1):
            checkpoint(number - 1, len(pages), progress, should_cancel)
            self._header(canvas, building, totals[building], number, len(pages))
            y = self.height - MARGIN - HEADER
            for height, stop, lines in rows:
                self._row(canvas, y, height, stop, lines)
                y -= height
            canvas.showPage()
        canvas.save()
        checkpoint(len(pages), len(pages), progress, None)
        return len(pages)

    def _header(self, canvas, building: int, total: tuple[int, int], number: int, pages: int) -> None:
        w = self.words
        top = self.height - MARGIN
        left, right = MARGIN, self.width - MARGIN
        heading = f"{w['title']} · {w['building'].format(b=building)}"
        draw_text(canvas, left, top - 18, heading, 18, bold=True)
        where = " · ".join(part for part in (self.compound, self.date) if part)
        draw_text(canvas, right, top - 14, where, 10, align="right")
        draw_text(canvas, left, top - 36, w["count"].format(h=total[0], n=total[1]), 11)
        draw_text(canvas, right, top - 36, w["page"].format(x=number, y=pages), 9, align="right")
        y = top - HEADER + 4
        heads = ("", w["address"], w["name"], w["bags"], w["note"])
        for x, head in zip(self.columns, heads, strict=True):
            draw_text(canvas, x + 1.5 * MM, y, head, 8)
        canvas.setLineWidth(0.8)
        canvas.line(left, y - 3, right, y - 3)
        footer = f"{w['title']} · {w['building'].format(b=building)} · {w['page'].format(x=number, y=pages)}"
        draw_text(canvas, self.width / 2, MARGIN, footer, 8, align="center")

    def _row(self, canvas, y: float, height: float, stop: DoorStop, lines: list[str]) -> None:
        c = self.columns
        box = 5 * MM
        canvas.setLineWidth(0.9)
        canvas.rect(c[0] + 2 * MM, y - 2 * MM - box, box, box, stroke=1, fill=0)
        draw_text(canvas, c[1] + 1.5 * MM, y - 2 * MM - ASCENT * ADDRESS, stop.address, ADDRESS,
                  bold=True)
        first = y - 2 * MM - ASCENT * TEXT
        draw_text(canvas, c[2] + 1.5 * MM, first, mask_name(stop.name), TEXT)
        draw_text(canvas, c[2] + 1.5 * MM, first - LEADING, f"[{self.words[stop.reason]}]", 8)
        for n, line in enumerate(lines):
            draw_text(canvas, c[3] + 1.5 * MM, first - n * LEADING, line, TEXT,
                      bold=line_is_cold(line))
        canvas.setLineWidth(0.4)
        canvas.line(c[4] + 2 * MM, y - height + 3 * MM, self.width - MARGIN - 1 * MM,
                    y - height + 3 * MM)
        canvas.setStrokeGray(0.6)
        canvas.setLineWidth(0.3)
        canvas.line(MARGIN, y - height, self.width - MARGIN, y - height)
        canvas.setStrokeGray(0)


def line_is_cold(line: str) -> bool:
    """Frozen and chilled bags are set in bold: they go first and must not wait."""
    words = [storage_word(key, lang) for lang in LANGUAGES for key in ("frozen", "chilled")]
    return any(f" {word} " in line for word in words)


__all__ = ["write_door_run"]
