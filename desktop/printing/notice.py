"""The notice for the lobby board or the lift: an A4 page in large type, readable from 2 m, for
the residents who are in no chat group.

It lists the group buys taking orders (each item with its price and pack, the minimum and how far
it is, the deadline, any delivery fee, and "order at the lobby table" with the table's hours), the
distributions on their way (announced, arrived, or bagged with bags still to hand over) with when
bags can be collected, and the contact line, which is printed even when nothing is open. It is in
the compound's print language, with English beneath the Chinese when the setting asks for both.
The table's hours, the collection hours and the contact line are settings of the compound.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from desktop import audit
from desktop.buys.distributions import list_distributions, on_its_way
from desktop.buys.group_buys import ItemTotal, item_totals, list_buys
from desktop.clock import to_local, utc_now
from desktop.compound import compound_info
from desktop.db import orders as order_rows
from desktop.db import settings
from desktop.db.connection import Connection, transaction
from desktop.money import format_fen
from desktop.printing.cards import parse_building
from desktop.printing.language import print_languages
from desktop.printing.pdf import (
    MM,
    Progress,
    ShouldCancel,
    check_output,
    checkpoint,
    draw_text,
    new_canvas,
    pdf_file,
    wrap,
)
from desktop.printing.stocks import A4
from desktop.text import one_line
from desktop.words import plural, say, word

MAX_SETTING = 80
MARGIN = 16 * MM
# Sizes in points, for reading from 2 m: a headline, a section, one line per item, the details.
TITLE, SECTION, LINE, DETAIL, SECOND = 34, 25, 22, 17, 13
# A short notice is set up to half again larger; a long one shrinks down to FLOOR (a detail line
# still 12 pt) before buys and distributions give way to "… and N more" to keep to one sheet.
SCALES = (1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8, 0.7)


@dataclass(frozen=True)
class NoticeSettings:
    lobby_hours: str
    collect_hours: str
    contact: str


@dataclass(frozen=True)
class NoticeBuy:
    title: str
    items: tuple[ItemTotal, ...]
    minimum: int | None
    ordered: int
    deadline: str | None
    fee_fen: int
    fee_per: str


@dataclass(frozen=True)
class NoticeGift:
    title: str
    donor: str
    status: str
    recipients: str
    per: str | None
    items: tuple[ItemTotal, ...]


@dataclass(frozen=True)
class NoticeContent:
    compound: str
    building: int | None
    buys: tuple[NoticeBuy, ...]
    gifts: tuple[NoticeGift, ...]
    settings: NoticeSettings
    # How many open buys and distributions did not fit on the sheet.
    more_buys: int = 0
    more_gifts: int = 0

    @property
    def empty(self) -> bool:
        return not self.buys and not self.gifts


def notice_settings(conn: Connection) -> NoticeSettings:
    return NoticeSettings(settings.get(conn, settings.LOBBY_HOURS) or "",
                          settings.get(conn, settings.COLLECT_HOURS) or "",
                          settings.get(conn, settings.CONTACT) or "")


def set_notice_settings(conn: Connection, lobby_hours: object, collect_hours: object,
                        contact: object) -> NoticeSettings:
    """Keep what the notice says of the lobby table (one transaction); empty clears a line."""
    values = {settings.LOBBY_HOURS: one_line(lobby_hours or "", MAX_SETTING),
              settings.COLLECT_HOURS: one_line(collect_hours or "", MAX_SETTING),
              settings.CONTACT: one_line(contact or "", MAX_SETTING)}
    with transaction(conn):
        before = {key: settings.get(conn, key) or "" for key in values}
        for key, value in values.items():
            if value:
                settings.put(conn, key, value)
            else:
                settings.remove(conn, key)
        changes = [(key, before[key] or None, value or None) for key, value in values.items()
                   if before[key] != value]
        if changes:
            audit.record(conn, "setting", changes=changes)
    return notice_settings(conn)


def notice_content(conn: Connection, *, building: object = None) -> NoticeContent:
    """What the notice says: open buys, distributions on their way (those reaching the building,
    when one is given), and the lobby table's lines."""
    number = parse_building(building)
    buys = tuple(
        NoticeBuy(s.buy.title, tuple(item_totals(conn, s.buy.id)), s.buy.minimum, s.ordered,
                  s.buy.deadline, s.buy.fee_fen, s.buy.fee_per)
        for s in reversed(list_buys(conn)) if s.buy.status == "open" and not s.buy.free
    )
    gifts = []
    for summary in reversed(list_distributions(conn)):
        if not on_its_way(summary):
            continue
        if number is not None and not any(
                row["address"] and row["address"].split("-")[0] == str(number)
                for row in order_rows.select_orders(conn, summary.buy.id)):
            continue
        buy = summary.buy
        gifts.append(NoticeGift(buy.title, buy.supplier, buy.status, buy.recipients or "all",
                                buy.per, tuple(item_totals(conn, buy.id))))
    return NoticeContent(compound_info(conn).name, number, buys, tuple(gifts),
                         notice_settings(conn))


def _pack(item) -> str:
    return item.pack_size or item.unit


def notice_lines(content: NoticeContent, lang: str) -> list[tuple[str, str, int]]:
    """The notice as (kind, text, size) lines in one language: kind is `title`, `section`,
    `line`, `detail` or `gap`."""
    out: list[tuple[str, str, int]] = []
    title = say("notice_title", lang)
    if content.building is not None:
        title = f"{say('notice_building', lang, building=content.building)} · {title}"
    out.append(("title", title, TITLE))
    if content.compound:
        out.append(("detail", content.compound, DETAIL))
    if content.empty:
        out.append(("gap", "", 0))
        out.append(("section", say("notice_nothing", lang), SECTION))
    if content.buys:
        out.append(("gap", "", 0))
        out.append(("section", say("notice_open_buys", lang), SECTION))
        for buy in content.buys:
            out.append(("line", f"■ {buy.title}", LINE))
            for total in buy.items:
                pack = _pack(total.item) or say("notice_unit", lang)
                out.append(("detail", f"   {total.item.name}  " + say(
                    "notice_price", lang, price=format_fen(total.item.price_fen), pack=pack), DETAIL))
            if buy.minimum:
                missing = buy.minimum - buy.ordered
                key = "notice_minimum" if missing > 0 else "notice_minimum_reached"
                out.append(("detail", "   " + say(key, lang, minimum=buy.minimum, ordered=buy.ordered,
                                                  missing=max(missing, 0)), DETAIL))
            if buy.deadline:
                out.append(("detail", "   " + say("notice_deadline", lang,
                                                  deadline=to_local(buy.deadline)), DETAIL))
            if buy.fee_fen:
                out.append(("detail", "   " + say("notice_fee", lang, fee=format_fen(buy.fee_fen),
                                                  per=word("fee_per", buy.fee_per, lang)), DETAIL))
        if content.more_buys:
            out.append(("detail", say("notice_more_buys", lang, count=content.more_buys,
                                      s=plural(content.more_buys)), DETAIL))
        hours = content.settings.lobby_hours
        out.append(("line", say("notice_order_here", lang, hours=hours) if hours
                    else say("notice_order_here_no_hours", lang), LINE))
    if content.gifts:
        out.append(("gap", "", 0))
        out.append(("section", say("notice_distributions", lang), SECTION))
        for gift in content.gifts:
            status = word("distribution_status", gift.status, lang)
            out.append(("line", f"■ {gift.title} · {status}", LINE))
            who = word("recipients", gift.recipients, lang)
            if gift.per == "person":
                who += " · " + say("notice_per_person", lang)
            out.append(("detail", "   " + say("notice_free", lang, who=who)
                        + (f" · {gift.donor}" if gift.donor else ""), DETAIL))
            things = "、" if lang == "zh" else ", "
            out.append(("detail", "   " + things.join(
                f"{t.item.name} ×{t.item.per_recipient or 1}" for t in gift.items), DETAIL))
        if content.more_gifts:
            out.append(("detail", say("notice_more_gifts", lang, count=content.more_gifts,
                                      s=plural(content.more_gifts)), DETAIL))
        hours = content.settings.collect_hours
        out.append(("line", say("notice_collect", lang, hours=hours) if hours
                    else say("notice_collect_no_hours", lang), LINE))
    out.append(("gap", "", 0))
    contact = content.settings.contact
    if contact:
        line = say("notice_contact", lang, contact=contact)
    elif content.compound:
        line = say("notice_contact_default", lang, compound=content.compound)
    else:
        line = say("notice_ask_at_table", lang)
    out.append(("contact", line, DETAIL))
    return out


def write_notice(conn: Connection, path: str | os.PathLike[str], *, building: object = None,
                 progress: Progress | None = None,
                 should_cancel: ShouldCancel | None = None) -> int:
    """Write the notice; returns its number of pages."""
    check_output(path)
    content = notice_content(conn, building=building)
    languages = print_languages(conn)
    with pdf_file(path) as out:
        return draw_notice(out, content, languages, progress=progress, should_cancel=should_cancel)


def _blocks(first, beneath, scale: float, text_width: float) -> list[tuple[str, list[str], float, list[str]]]:
    """Each line of the notice wrapped at `scale`: (kind, lines, size, the lines beneath)."""
    blocks = []
    for index, (kind, text, size) in enumerate(first):
        if kind == "gap":
            blocks.append((kind, [], 0.0, []))
            continue
        size = size * scale
        lines = wrap(text, size, text_width, max_lines=4)
        english = []
        if beneath is not None and beneath[index][1] and beneath[index][1] != text:
            english = wrap(beneath[index][1], SECOND * scale, text_width, max_lines=3)
        blocks.append((kind, lines, size, english))
    return blocks


def _height(blocks, scale: float) -> float:
    total = 0.0
    for kind, lines, size, english in blocks:
        if kind == "gap":
            total += 6 * MM * scale
            continue
        total += len(lines) * size * 1.2 + len(english) * SECOND * scale * 1.2 + size * 0.15
        total += 2 * MM if kind == "section" else 0
    return total


def fit_one_page(content: NoticeContent, languages: tuple[str, ...], text_width: float,
                 room: float) -> tuple[NoticeContent, float, list]:
    """The content, scale and wrapped blocks that fill one sheet: the largest scale at which it
    all fits; below FLOOR, the last buys and distributions give way (the longer list first) to a
    line saying how many more there are."""
    main, second = languages[0], languages[1] if len(languages) > 1 else None
    scales = SCALES
    while True:
        first = notice_lines(content, main)
        beneath = notice_lines(content, second) if second else None
        for scale in scales:
            blocks = _blocks(first, beneath, scale, text_width)
            if _height(blocks, scale) <= room:
                return content, scale, blocks
        if not content.buys and not content.gifts:
            return content, scale, blocks  # only the headline and contact: cannot shrink more
        scales = SCALES[-1:]  # once something gives way, the type is already at its floor
        if len(content.gifts) > len(content.buys) or not content.buys:
            content = replace(content, gifts=content.gifts[:-1], more_gifts=content.more_gifts + 1)
        else:
            content = replace(content, buys=content.buys[:-1], more_buys=content.more_buys + 1)


def draw_notice(out, content: NoticeContent, languages: tuple[str, ...], *,
                progress: Progress | None = None, should_cancel: ShouldCancel | None = None) -> int:
    """Draw the notice; a short one is set larger (up to half again) to fill the sheet."""
    width, height = A4
    main = languages[0]
    canvas = new_canvas(out, A4, say("notice_title", main))
    text_width = width - 2 * MARGIN
    content, scale, blocks = fit_one_page(content, languages, text_width, height - 2 * MARGIN)
    y = height - MARGIN
    pages = 1
    printed = say("notice_printed", main, when=to_local(utc_now()))
    draw_text(canvas, width - MARGIN, MARGIN / 2, printed, 9, align="right")
    for index, (kind, lines, size, english) in enumerate(blocks):
        checkpoint(index, len(blocks), progress, should_cancel)
        if kind == "gap":
            y -= 6 * MM * scale
            continue
        needed = len(lines) * size * 1.2 + len(english) * SECOND * scale * 1.2
        if y - needed < MARGIN:
            canvas.showPage()
            pages += 1
            draw_text(canvas, width - MARGIN, MARGIN / 2, printed, 9, align="right")
            y = height - MARGIN
        if kind == "section":
            canvas.setLineWidth(2)
            canvas.line(MARGIN, y + 2, width - MARGIN, y + 2)
            y -= 2 * MM
        align = "center" if kind == "title" else "left"
        x = width / 2 if kind == "title" else MARGIN
        for line in lines:
            y -= size * 1.2
            draw_text(canvas, x, y, line, size, bold=kind in ("title", "section", "line"), align=align)
        for line in english:
            y -= SECOND * scale * 1.2
            draw_text(canvas, x, y, line, SECOND * scale, align=align)
        y -= size * 0.15
    canvas.showPage()
    canvas.save()
    return pages
