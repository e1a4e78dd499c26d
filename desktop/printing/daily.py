"""The committee's daily distribution sheet: one or two A4 pages for one day, headed by the day's
figures in words read aloud at the morning meeting, then what arrived, a bar chart of the bags
handed over and waiting per building, the bags still waiting (cold chain first), the households
not served for three days, the urgent needs still open, the money of the day and who was on duty.

The figures are `desktop.committee.daily.daily_figures`; the words are the phrasebook's `daily.*`,
in the compound's print language.
"""

from __future__ import annotations

import os

from desktop.clock import to_local, utc_now
from desktop.committee.daily import UNSERVED_DAYS, DailyFigures, daily_figures, parse_day
from desktop.compound import compound_info
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
    wrap,
)
from desktop.printing.stocks import A4
from desktop.words import phrases, plural, word

MARGIN = 15 * MM
LINE = 5.2 * MM
TEXT = 9.5
HEAD = 11.5
MAX_PAGES = 2
CHART_HEIGHT = 48 * MM
DARK, LIGHT = 0.25, 0.72  # the grey of bars handed over and of bars waiting


def age_words(minutes: int, w: dict[str, str]) -> str:
    if minutes < 60:
        return w["minutes"].format(m=minutes)
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        return w["hours"].format(h=hours, m=rest)
    return w["days"].format(d=hours // 24, h=hours % 24)


class _Flow:
    """Sections set from the top of the page down, onto a second page when the first is full;
    a list that cannot fit even there ends with how many lines were left out."""

    def __init__(self, canvas, w: dict[str, str], footer: str) -> None:
        self.canvas = canvas
        self.w = w
        self.footer = footer
        self.width, self.height = A4
        self.page = 1
        self.y = self.height - MARGIN

    @property
    def inner(self) -> float:
        return self.width - 2 * MARGIN

    def room(self) -> float:
        return self.y - MARGIN - 8 * MM

    def new_page(self) -> bool:
        if self.page >= MAX_PAGES:
            return False
        self.finish_page()
        self.canvas.showPage()
        self.page += 1
        self.y = self.height - MARGIN
        return True

    def finish_page(self) -> None:
        draw_text(self.canvas, MARGIN, MARGIN - 2 * MM, self.footer, 8)
        draw_text(self.canvas, self.width - MARGIN, MARGIN - 2 * MM,
                  self.w["page"].format(x=self.page), 8, align="right")

    def heading(self, text: str, lines_after: int = 1) -> bool:
        """A section heading kept with at least `lines_after` of its lines."""
        if self.room() < 9 * MM + lines_after * LINE and not self.new_page():
            return False
        self.y -= 7 * MM
        draw_text(self.canvas, MARGIN, self.y, text, HEAD, bold=True)
        self.canvas.setLineWidth(0.6)
        self.canvas.line(MARGIN, self.y - 1.6 * MM, self.width - MARGIN, self.y - 1.6 * MM)
        self.y -= 2 * MM
        return True

    def lines(self, lines: list[str], empty: str, *, most: int | None = None) -> None:
        if not lines:
            lines = [empty]
        shown = lines if most is None else lines[:most]
        for n, line in enumerate(shown):
            left = len(lines) - n
            if self.room() < LINE * (2 if left > 1 else 1):
                if not self.new_page():
                    self._more(left)
                    return
            self.y -= LINE
            draw_text(self.canvas, MARGIN + 2 * MM, self.y, ellipsize(line, TEXT, self.inner - 2 * MM), TEXT)
        if len(shown) < len(lines):
            self._more(len(lines) - len(shown))

    def _more(self, count: int) -> None:
        self.y -= LINE
        draw_text(self.canvas, MARGIN + 2 * MM, self.y, self.w["more"].format(n=count), TEXT)


def _chart(flow: _Flow, figures: DailyFigures) -> None:
    """Bars per building: bags handed over (dark) and still waiting (light), with their counts."""
    w = flow.w
    buildings = figures.buildings
    if not buildings:
        flow.lines([], w["no_bags"])
        return
    if flow.room() < CHART_HEIGHT + 6 * MM:
        flow.new_page()
    canvas = flow.canvas
    top = flow.y - 6 * MM
    base = top - CHART_HEIGHT + 9 * MM
    tallest = max(max(b.handed, b.waiting) for b in buildings) or 1
    plot = top - base - 5 * MM
    left = MARGIN + 4 * MM
    slot = min(24 * MM, (flow.inner - 8 * MM) / len(buildings))
    bar = slot * 0.34
    # the legend, top right
    for n, (gray, text) in enumerate(((DARK, w["handed"]), (LIGHT, w["waiting"]))):
        x = flow.width - MARGIN - 60 * MM + n * 30 * MM
        canvas.setFillGray(gray)
        canvas.rect(x, top + 1 * MM, 4 * MM, 3 * MM, stroke=0, fill=1)
        canvas.setFillGray(0)
        draw_text(canvas, x + 5.5 * MM, top + 1.4 * MM, text, 8.5)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, base, flow.width - MARGIN, base)
    for n, building in enumerate(buildings):
        x = left + n * slot
        for k, (count, gray) in enumerate(((building.handed, DARK), (building.waiting, LIGHT))):
            height = plot * count / tallest
            bx = x + k * (bar + 1 * MM)
            canvas.setFillGray(gray)
            if count:
                canvas.rect(bx, base, bar, height, stroke=0, fill=1)
            canvas.setFillGray(0)
            draw_text(canvas, bx + bar / 2, base + height + 1.2 * MM, str(count), 8, align="center")
        label = w["building"].format(b=building.building)
        draw_text(canvas, x + bar + 0.5 * MM, base - 4.2 * MM,
                  ellipsize(label, 8.5, slot - 1 * MM), 8.5, align="center")
    flow.y = base - 6 * MM


def write_daily_sheet(conn: Connection, day: object, path: str | os.PathLike[str], *,
                      progress: Progress | None = None,
                      should_cancel: ShouldCancel | None = None) -> int:
    """Write the sheet for `day` (YYYY-MM-DD, or a date; today when empty); returns its pages."""
    check_output(path)
    day = parse_day(day) if not hasattr(day, "isoformat") else day
    figures = daily_figures(conn, day)
    lang = print_language(conn)
    w = phrases("daily", lang)
    sep = w["separator"]
    title = w["title"].format(date=day.isoformat())
    compound = compound_info(conn).name
    checkpoint(0, 2, progress, should_cancel)
    with pdf_file(path) as out:
        canvas = new_canvas(out, A4, title)
        flow = _Flow(canvas, w, w["printed"].format(date=to_local(utc_now())))
        width = flow.width
        draw_text(canvas, MARGIN, flow.y - 16, ellipsize(title, 17, flow.inner * 0.7), 17, bold=True)
        if compound:
            draw_text(canvas, width - MARGIN, flow.y - 14, ellipsize(compound, 11, flow.inner * 0.3),
                      11, align="right")
        flow.y -= 22
        headline = w["headline"].format(
            handed=figures.handed, waiting=figures.waiting_count,
            unserved=len(figures.coverage.households), days=UNSERVED_DAYS, needs=len(figures.needs))
        lines = wrap(headline, 14, flow.inner - 8 * MM, max_lines=3)
        box = len(lines) * 7 * MM + 4 * MM
        canvas.setFillGray(0.93)
        canvas.rect(MARGIN, flow.y - box - 2 * MM, flow.inner, box, stroke=0, fill=1)
        canvas.setFillGray(0)
        for n, line in enumerate(lines):
            draw_text(canvas, MARGIN + 4 * MM, flow.y - 2 * MM - (n + 1) * 7 * MM + 1.5 * MM, line, 14,
                      bold=True)
        flow.y -= box + 2 * MM

        flow.heading(w["arrivals"])
        flow.lines([w["arrival_line"].format(buy=a.buy, item=a.item, received=a.received)
                    + f" · {storage_word(a.storage, lang)} · {to_local(a.at, '%H:%M')}"
                    for a in figures.arrivals], w["no_arrivals"], most=6)

        flow.heading(w["by_building"], lines_after=8)
        _chart(flow, figures)

        flow.heading(w["waiting_title"])
        flow.lines([w["waiting_line"].format(
            address=b.address, name=b.name, buy=b.buy, i=b.index, m=b.count,
            storage=storage_word(b.storage, lang), age=age_words(b.minutes, w))
            + (w["overdue"] if b.overdue else "") for b in figures.waiting], w["none_waiting"], most=14)

        flow.heading(w["unserved_title"].format(days=UNSERVED_DAYS))
        flow.lines([w["unserved_line"].format(
            address=h.address, name=h.name,
            flags=sep.join(word("flag", f, lang) for f in h.flags) or "-",
            delivery=word("delivery", h.delivery, lang), phone=h.phone or "-",
            last=w["never"] if h.days_since is None else w["last_days"].format(n=h.days_since))
            + (" · " + w["urgent"].format(what=sep.join(h.urgent_needs)) if h.urgent_needs else "")
            for h in figures.coverage.households],
            w["none_unserved"].format(days=UNSERVED_DAYS), most=16)

        checkpoint(1, 2, progress, should_cancel)
        flow.heading(w["needs_title"])
        flow.lines([w["need_line"].format(
            address=n.address, name=n.name, what=n.what,
            status=word("need_status", n.status, lang) + (" · " + word("need_urgency", n.urgency, lang)),
            who=w["need_who"].format(who=n.sourcing_by) if n.sourcing_by else "",
            since=to_local(n.opened_at, "%m-%d")) for n in figures.needs], w["no_needs"], most=10)

        flow.heading(w["money_title"])
        money = figures.money
        day_lines = []
        if money.collected_fen or money.refunded_fen:
            methods = sep.join(f"{word('payment_method', m, lang)} {format_fen(v)}"
                               for m, v in sorted(money.collected_by_method.items(), key=lambda i: -i[1]))
            day_lines.append(w["money_line"].format(collected=format_fen(money.collected_fen),
                                                    methods=methods or "-",
                                                    refunded=format_fen(money.refunded_fen)))
        else:
            day_lines.append(w["money_none"])
        totals = figures.totals
        day_lines.append(w["money_owed"].format(owed=format_fen(totals.refunds_owed_fen),
                                                suppliers=format_fen(totals.owed_to_suppliers_fen),
                                                balance=format_fen(totals.balance_fen)))
        flow.lines(day_lines, "")

        flow.heading(w["duty_title"])
        flow.lines([w["duty_line"].format(
            who=d.operator or w["nobody"], station=d.station, n=d.handoffs, s=plural(d.handoffs),
            first=to_local(d.first_at, "%H:%M"), last=to_local(d.last_at, "%H:%M"))
            for d in figures.on_duty], w["no_duty"], most=10)
        flow.finish_page()
        pages = flow.page
        canvas.showPage()
        canvas.save()
    checkpoint(2, 2, progress, None)
    return pages
