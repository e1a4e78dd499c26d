"""The bag and printing commands (`bags make`, `print …`): the same services the Bags & labels
page uses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import Parser, command, database, print_json
from desktop.words import plural, say


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true")
    output = argparse.ArgumentParser(add_help=False)
    target = output.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", type=Path, metavar="OUT.pdf")
    target.add_argument("--printer", metavar="NAME",
                        help="send to this printer queue (CUPS) instead of writing a PDF")

    bags = sub.add_parser("bags", parents=[common], help="bags and their codes for a group buy")
    bags_sub = bags.add_subparsers(dest="bags_command", required=True, parser_class=Parser)
    make = bags_sub.add_parser("make", parents=[common, json_flag],
                               help="bags for every order of a group buy that has arrived")
    _buy_or_distribution(make)
    make.add_argument("--max-items", default=None, metavar="N",
                      help="most units in one bag (default 10)")
    make.add_argument("--operator", default="", help="who is doing this (recorded)")

    printing = sub.add_parser("print", parents=[common],
                              help="labels, sheets and cards as PDF or to a printer")
    print_sub = printing.add_subparsers(dest="print_command", required=True, parser_class=Parser)
    labels = print_sub.add_parser("labels", parents=[common, output], help="bag labels")
    _buy_or_distribution(labels)
    labels.add_argument("--stock", required=True,
                        help="thermal-40x30, thermal-50x30, thermal-60x40, a4-3x8 or letter-3x10")
    pickup = print_sub.add_parser("pickup", parents=[common, output],
                                  help="the pickup sheet, by building and room")
    _buy_or_distribution(pickup)
    cards = print_sub.add_parser("cards", parents=[common, output],
                                 help="household cards with the household's code")
    cards.add_argument("--building", default=None, metavar="B")
    sheet = print_sub.add_parser("sheet", parents=[common, output],
                                 help="the supplier's order sheet as PDF")
    sheet.add_argument("--buy", type=int, required=True, metavar="ID")
    notice = print_sub.add_parser("notice", parents=[common, output],
                                  help="an A4 notice for the lobby board: open group buys and "
                                       "distributions on their way")
    notice.add_argument("--building", default=None, metavar="B")
    notice.add_argument("--lobby-hours", default=None, metavar="TEXT",
                        help="when the lobby table takes orders (kept for every later notice; "
                             "an empty TEXT clears it)")
    notice.add_argument("--collect-hours", default=None, metavar="TEXT",
                        help="when bags can be collected (kept likewise)")
    notice.add_argument("--contact", default=None, metavar="TEXT",
                        help="the contact line (kept likewise)")
    daily = print_sub.add_parser("daily", parents=[common, output],
                                 help="the committee's daily distribution sheet")
    daily.add_argument("--date", default="", metavar="YYYY-MM-DD", help="the day (today unless given)")


def _buy_or_distribution(parser: argparse.ArgumentParser) -> None:
    """`--buy ID` or `--distribution ID`: a distribution's bags are made and printed as a buy's."""
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--buy", type=int, metavar="ID")
    which.add_argument("--distribution", type=int, metavar="ID")


def _resolve(conn, args: argparse.Namespace) -> None:
    """A distribution named by `--distribution` is checked to be one, then handled as a buy."""
    if getattr(args, "distribution", None) is not None:
        from desktop.buys.distributions import get_distribution

        args.buy = get_distribution(conn, args.distribution).id


@command("bags")
def _bags(args: argparse.Namespace) -> int:
    from desktop.bags.bags import make_bags, parse_max_items

    max_items = parse_max_items(args.max_items)
    with database(args) as conn:
        _resolve(conn, args)
        result = make_bags(conn, args.buy, max_items, operator=args.operator)
    notices = [n.text() for n in result.notices()]
    if args.json:
        print_json({"bags": len(result.bags), "codes": [
            {"code": bag.code, "address": bag.address, "index": bag.index, "count": bag.count}
            for bag in result.bags
        ]})
        for line in notices:
            sys.stderr.write(line + "\n")
        return 0
    print(say("cli.bags_made", title=result.title, bags=len(result.bags), households=result.households,
              made=result.made, kept=result.kept, voided=result.voided))
    for line in notices:
        print("  ! " + line)
    return 0


def _written(command: str, count: int, where: str) -> str:
    """What was made and where it went (a PDF file, or a printer's queue)."""
    return say(f"cli.printed_{command}", count=count, s=plural(count), where=where)


@command("print")
def _print(args: argparse.Namespace) -> int:
    """Write the document to `-o FILE`, or send it to `--printer NAME` at its paper's page size."""
    import tempfile

    from desktop.errors import BadInput
    from desktop.printing.pdf import check_output
    from desktop.printing.send import ready_to_send, send_pdf
    from desktop.printing.stocks import SHEET, get_stock

    if args.output is None and args.printer is None:
        raise BadInput("print_target_missing", "output")
    paper = get_stock(args.stock).paper if args.print_command == "labels" else SHEET
    if args.printer is not None:
        ready_to_send(args.printer)  # a queue that takes no jobs is said before anything is drawn
    else:
        check_output(args.output)  # a bad path is said before anything else is done
    with database(args) as conn, tempfile.TemporaryDirectory(prefix="compound-desk-print-") as folder:
        _resolve(conn, args)
        name = {"labels": f"labels-{getattr(args, 'buy', '')}-{paper.name}",
                "pickup": f"pickup-{getattr(args, 'buy', '')}", "cards": "cards",
                "sheet": f"order-sheet-{getattr(args, 'buy', '')}",
                "notice": "notice", "daily": f"daily-{getattr(args, 'date', '')}"}[args.print_command]
        path = args.output if args.printer is None else Path(folder) / f"{name}.pdf"
        count = _draw(conn, args, path)
        if args.printer is None:
            where = say("cli.written_to", path=path)
        else:
            request = send_pdf(path, args.printer, paper, name)
            where = say("cli.sent_to", printer=args.printer, request=request)
    print(_written(args.print_command, count, where))
    return 0


def _draw(conn, args: argparse.Namespace, path: Path) -> int:
    """The document's PDF in `path`; returns its labels, cards or pages."""
    if args.print_command == "labels":
        from desktop.printing.labels import write_labels

        return write_labels(conn, args.buy, args.stock, path)
    if args.print_command == "pickup":
        from desktop.printing.pickup import write_pickup_sheet

        return write_pickup_sheet(conn, args.buy, path)
    if args.print_command == "cards":
        from desktop.printing.cards import write_cards

        return write_cards(conn, path, building=args.building)
    if args.print_command == "notice":
        from desktop.printing.cards import parse_building
        from desktop.printing.notice import notice_settings, set_notice_settings, write_notice

        parse_building(args.building)  # a wrong building is said before any setting is kept
        given = (args.lobby_hours, args.collect_hours, args.contact)
        if any(value is not None for value in given):
            kept = notice_settings(conn)
            set_notice_settings(conn, *(new if new is not None else old
                                        for new, old in zip(given, (kept.lobby_hours,
                                                                    kept.collect_hours,
                                                                    kept.contact),
                                                    strict=True)))
        return write_notice(conn, path, building=args.building)
    if args.print_command == "daily":
        from desktop.printing.daily import write_daily_sheet

        return write_daily_sheet(conn, args.date, path)
    from desktop.printing.supplier_sheet import write_supplier_sheet

    return write_supplier_sheet(conn, args.buy, path)
