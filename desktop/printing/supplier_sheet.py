"""The supplier's order sheet as a PDF: how many of each item to send, with prices and the total.

The figures are the same ones `desktop.buys.order_sheet` writes to Excel and CSV.
"""

from __future__ import annotations

import os

from desktop.buys.order_sheet import order_sheet
from desktop.clock import to_local, utc_now
from desktop.db.connection import Connection
from desktop.money import format_fen
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
)
from desktop.printing.stocks import A4
from desktop.words import phrases, word

MARGIN = 15 * MM
ROW = 8 * MM


def write_supplier_sheet(conn: Connection, buy_id: int, path: str | os.PathLike[str], *,
                         progress: Progress | None = None,
                         should_cancel: ShouldCancel | None = None) -> int:
    """Write the sheet; returns its number of pages."""
    check_output(path)
    lang = print_language(conn)
    sheet = order_sheet(conn, buy_id, lang)
    w = phrases("supplier_sheet", lang)
    words = tuple(w[key] for key in ("item", "pack", "storage", "quantity", "price", "amount"))
    title = w["title"].format(title=sheet.title)
    width, height = A4
    # Column left edges; numbers are set flush right against the next column's edge.
    columns = [MARGIN, MARGIN + 70 * MM, MARGIN + 100 * MM, MARGIN + 118 * MM,
               MARGIN + 138 * MM, MARGIN + 158 * MM, width - MARGIN]
    top = height - MARGIN - 40 * MM
    per_page = max(1, int((top - MARGIN - 20 * MM) / ROW))
    rows = list(sheet.rows)
    pages = max(1, -(-len(rows) // per_page))
    made = to_local(utc_now())
    with pdf_file(path) as out:
        canvas = new_canvas(out, A4, title)
        for page in range(pages):
            checkpoint(page, pages, progress, should_cancel)
            y = height - MARGIN
            draw_text(canvas, MARGIN, y - 16, ellipsize(title, 16, width - 2 * MARGIN), 16, bold=True)
            facts = [
                (w["supplier"], sheet.supplier or "-"),
                (w["compound"], sheet.compound or "-"),
                (w["status"], word("buy_status", sheet.status, lang)),
                (w["deadline"], to_local(sheet.deadline) if sheet.deadline else "-"),
                (w["made"], made),
            ]
            for n, (label, value) in enumerate(facts):
                draw_text(canvas, MARGIN, y - 34 - n * 13, label, 10)
                draw_text(canvas, MARGIN + 22 * MM, y - 34 - n * 13, value, 10)
            page_words = w["page"].format(x=page + 1, y=pages)
            draw_text(canvas, width - MARGIN, y - 14, page_words, 9, align="right")
            y = top
            _row(canvas, columns, y, words, bold=True)
            canvas.setLineWidth(0.8)
            canvas.line(MARGIN, y - 2.5 * MM, width - MARGIN, y - 2.5 * MM)
            for row in rows[page * per_page:(page + 1) * per_page]:
                y -= ROW
                _row(canvas, columns, y, (
                    ellipsize(row.item, 10, columns[1] - columns[0] - 2 * MM), row.pack_size,
                    storage_word(row.storage, lang), str(row.quantity),
                    format_fen(row.unit_price_fen), format_fen(row.amount_fen)))
                canvas.setLineWidth(0.3)
                canvas.setStrokeGray(0.6)
                canvas.line(MARGIN, y - 2.5 * MM, width - MARGIN, y - 2.5 * MM)
                canvas.setStrokeGray(0)
            if page == pages - 1:
                y -= ROW
                _row(canvas, columns, y, (w["total"], "", "",
                                          str(sum(r.quantity for r in rows)), "",
                                          format_fen(sheet.total_fen)), bold=True)
            canvas.showPage()
        canvas.save()
        checkpoint(pages, pages, progress, None)
    return pages


def _row(canvas, columns: list[float], y: float, cells, *, bold: bool = False) -> None:
    for n, cell in enumerate(cells):
        if n >= 3:  # quantity, price and amount line up on the right
            draw_text(canvas, columns[n + 1] - 2 * MM, y, cell, 10, bold=bold, align="right")
        else:
            draw_text(canvas, columns[n] + 1 * MM, y, cell, 10, bold=bold)
