"""Household cards, for residents without a phone: card-sized (85.6 × 54 mm), ten to an A4 page
with cut marks, each with the household's own code as a QR, its address and the masked name.

The cards' codes are issued (and kept) the first time a household's card is printed; printing
again prints the same codes.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from desktop.bags.bags import issue_household_codes, mask_name
from desktop.bags.codes import display_groups
from desktop.compound import compound_info
from desktop.db.connection import Connection
from desktop.errors import BadInput
from desktop.printing.fonts import ASCENT, CAP_HEIGHT, MONO, unit_width
from desktop.printing.language import print_language
from desktop.printing.pdf import (
    MM,
    Progress,
    ShouldCancel,
    check_output,
    checkpoint,
    draw_text,
    ellipsize,
    fit_size,
    new_canvas,
    pdf_file,
    wrap,
)
from desktop.printing.qr import QUIET_ZONE, draw_qr, qr_symbol
from desktop.printing.stocks import A4
from desktop.roster.households import list_households
from desktop.text import plain
from desktop.words import say

CARD_W, CARD_H = 85.6 * MM, 54 * MM
COLUMNS, ROWS = 2, 5
MODULE = 1.0 * MM  # large enough for a webcam at arm's length
_BUILDING = re.compile(r"(\d{1,4})(?:号楼|号|栋|幢|座|楼|#)?")


@dataclass(frozen=True)
class Card:
    code: str
    address: str
    masked_name: str


def parse_building(text: object) -> int | None:
    """`12`, `12号楼`, `１２栋` → 12; empty → None (every building)."""
    if text is None or not str(text).strip():
        return None
    raw = plain(text)
    match = _BUILDING.fullmatch(raw)
    if not match or int(match.group(1)) == 0:
        raise BadInput("building_invalid", "building", text=str(text).strip())
    return int(match.group(1))


def write_cards(conn: Connection, path: str | os.PathLike[str], *, building: object = None,
                progress: Progress | None = None, should_cancel: ShouldCancel | None = None,
                limit: int | None = None) -> int:
    """Cards of every active household (of one building, if given); returns how many."""
    number = parse_building(building)
    households = [h for h in list_households(conn, active_only=True)
                  if number is None or h.building == number]
    if not households:
        if number is None:
            raise BadInput("cards_no_households", "building")
        raise BadInput("cards_no_households_in_building", "building", building=number)
    check_output(path)  # before any code is issued
    if limit is not None:
        households = households[:limit]
    codes = issue_household_codes(conn, [h.id for h in households])
    cards = [Card(codes[h.id], h.address, mask_name(h.name)) for h in households]
    lang = print_language(conn)
    compound = compound_info(conn).name
    with pdf_file(path) as out:
        _draw(out, cards, compound, lang, progress, should_cancel)
    return len(cards)


def _draw(out, cards: list[Card], compound: str, lang: str, progress, should_cancel) -> None:
    title = say("card.title", lang)
    canvas = new_canvas(out, A4, f"{compound} · {title}" if compound else title)
    width, height = A4
    left = (width - COLUMNS * CARD_W) / 2
    top = (height + ROWS * CARD_H) / 2
    per_page = COLUMNS * ROWS
    for done, card in enumerate(cards):
        slot = done % per_page
        if done and not slot:
            canvas.showPage()
        if not slot:
            _cut_marks(canvas, left, top)
        if done % 20 == 0:
            checkpoint(done, len(cards), progress, should_cancel)
        row, column = divmod(slot, COLUMNS)
        _card(canvas, card, left + column * CARD_W, top - (row + 1) * CARD_H, compound, title, lang)
    canvas.showPage()
    canvas.save()
    checkpoint(len(cards), len(cards), progress, None)


def _cut_marks(canvas, left: float, top: float) -> None:
    """Short marks outside the cards where each cut line runs, and a faint outline of each card."""
    canvas.saveState()
    canvas.setLineWidth(0.4)
    bottom = top - ROWS * CARD_H
    right = left + COLUMNS * CARD_W
    for column in range(COLUMNS + 1):
        x = left + column * CARD_W
        canvas.line(x, top + 2 * MM, x, top + 7 * MM)
        canvas.line(x, bottom - 2 * MM, x, bottom - 7 * MM)
    for row in range(ROWS + 1):
        y = top - row * CARD_H
        canvas.line(left - 7 * MM, y, left - 2 * MM, y)
        canvas.line(right + 2 * MM, y, right + 7 * MM, y)
    canvas.setStrokeGray(0.8)
    canvas.setLineWidth(0.25)
    canvas.setDash(2, 2)
    for column in range(COLUMNS + 1):
        canvas.line(left + column * CARD_W, top, left + column * CARD_W, bottom)
    for row in range(ROWS + 1):
        canvas.line(left, top - row * CARD_H, right, top - row * CARD_H)
    canvas.restoreState()


def _card(canvas, card: Card, x: float, y: float, compound: str, title: str, lang: str) -> None:
    pad = 4 * MM
    # The top band: whose card this is.
    band = y + CARD_H - pad - 4 * MM
    draw_text(canvas, x + pad, band, ellipsize(compound, 10, CARD_W / 2), 10, bold=True)
    draw_text(canvas, x + CARD_W - pad, band, title, 9, align="right")
    canvas.setLineWidth(0.6)
    canvas.line(x + pad, band - 2 * MM, x + CARD_W - pad, band - 2 * MM)
    # The QR code on the left, its code under it in two lines.
    symbol = qr_symbol(card.code)
    side = symbol.side * MODULE
    qr_x = x + pad - QUIET_ZONE * MODULE * 0.6
    qr_y = band - 2.5 * MM - side
    draw_qr(canvas, symbol, qr_x, qr_y, MODULE)
    groups = display_groups(card.code)
    code_size = min(8.5, side / unit_width("B" * 11, MONO))
    for n, text in enumerate((" ".join(groups[:2]), " ".join(groups[2:]))):
        draw_text(canvas, qr_x + side / 2, qr_y - ASCENT * code_size - n * code_size * 1.15,
                  text, code_size, font=MONO, align="center")
    # The address as large as fits, the masked name, and what the card is for.
    column_x = qr_x + side + 1 * MM
    column_w = x + CARD_W - pad - column_x
    size = fit_size(card.address, column_w, 10 * MM / CAP_HEIGHT)
    address_top = qr_y + side - QUIET_ZONE * MODULE
    baseline = address_top - 0.76 * size
    draw_text(canvas, column_x, baseline, card.address, size, bold=True)
    draw_text(canvas, column_x, baseline - 14 - 2 * MM, card.masked_name, 14)
    note = say("card.note", lang)
    lines = wrap(note, 8, column_w, max_lines=3)
    for n, line in enumerate(lines):
        draw_text(canvas, column_x, y + pad + (len(lines) - 1 - n) * 8 * 1.3, line, 8)
