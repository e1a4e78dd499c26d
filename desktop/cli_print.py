"""The bag and printing commands (`bags make`, `print …`): the same services the Bags & labels
page uses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import Parser, command, open_database, print_json
from desktop.lang import current_language


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true")
    output = argparse.ArgumentParser(add_help=False)
    output.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")

    bags = sub.add_parser("bags", parents=[common], help="bags and their codes for a group buy")
    bags_sub = bags.add_subparsers(dest="bags_command", required=True, parser_class=Parser)
    make = bags_sub.add_parser("make", parents=[common, json_flag],
                               help="bags for every order of a group buy that has arrived")
    make.add_argument("--buy", type=int, required=True, metavar="ID")
    make.add_argument("--max-items", default=None, metavar="N",
                      help="most units in one bag (default 10)")
    make.add_argument("--operator", default="", help="who is doing this (recorded)")

    printing = sub.add_parser("print", parents=[common], help="labels, sheets and cards as PDF")
    print_sub = printing.add_subparsers(dest="print_command", required=True, parser_class=Parser)
    labels = print_sub.add_parser("labels", parents=[common, output], help="bag labels")
    labels.add_argument("--buy", type=int, required=True, metavar="ID")
    labels.add_argument("--stock", required=True,
                        help="thermal-40x30, thermal-50x30, thermal-60x40, a4-3x8 or letter-3x10")
    pickup = print_sub.add_parser("pickup", parents=[common, output],
                                  help="the pickup sheet, by building and room")
    pickup.add_argument("--buy", type=int, required=True, metavar="ID")
    cards = print_sub.add_parser("cards", parents=[common, output],
                                 help="household cards with the household's code")
    cards.add_argument("--building", default=None, metavar="B")
    sheet = print_sub.add_parser("sheet", parents=[common, output],
                                 help="the supplier's order sheet as PDF")
    sheet.add_argument("--buy", type=int, required=True, metavar="ID")


def _pages(count: int) -> str:
    return f"{count} page" if count == 1 else f"{count} pages"


def _zh() -> bool:
    return current_language() == "zh"


@command("bags")
def _bags(args: argparse.Namespace) -> int:
    from desktop.bags import make_bags, parse_max_items

    max_items = parse_max_items(args.max_items)
    conn = open_database(args)
    try:
        result = make_bags(conn, args.buy, max_items, operator=args.operator)
    finally:
        conn.close()
    notices = [n.text() for n in result.notices()]
    if args.json:
        print_json({"bags": len(result.bags), "codes": [
            {"code": bag.code, "address": bag.address, "index": bag.index, "count": bag.count}
            for bag in result.bags
        ]})
        for line in notices:
            sys.stderr.write(line + "\n")
        return 0
    if _zh():
        print(f"“{result.title}”共 {len(result.bags)} 袋，{result.households} 户"
              f"（新装 {result.made}，保留 {result.kept}，作废 {result.voided}）")
    else:
        print(f"“{result.title}”: {len(result.bags)} bags for {result.households} households "
              f"({result.made} made, {result.kept} kept, {result.voided} voided)")
    for line in notices:
        print("  ! " + line)
    return 0


@command("print")
def _print(args: argparse.Namespace) -> int:
    from desktop.printing.pdf import check_output

    check_output(args.output)  # a bad path is said before anything else is done
    conn = open_database(args)
    try:
        zh = _zh()
        if args.print_command == "labels":
            from desktop.printing.labels import write_labels

            count = write_labels(conn, args.buy, args.stock, args.output)
            said = (f"已将 {count} 张标签写入 {args.output}" if zh else
                    f"Wrote {count} labels to {args.output}")
        elif args.print_command == "pickup":
            from desktop.printing.pickup import write_pickup_sheet

            pages = write_pickup_sheet(conn, args.buy, args.output)
            said = (f"已将取货单（{pages} 页）写入 {args.output}" if zh else
                    f"Wrote the pickup sheet ({_pages(pages)}) to {args.output}")
        elif args.print_command == "cards":
            from desktop.printing.cards import write_cards

            count = write_cards(conn, args.output, building=args.building)
            said = (f"已将 {count} 张住户卡写入 {args.output}" if zh else
                    f"Wrote {count} household cards to {args.output}")
        else:
            from desktop.printing.supplier_sheet import write_supplier_sheet

            pages = write_supplier_sheet(conn, args.buy, args.output)
            said = (f"已将订货单（{pages} 页）写入 {args.output}" if zh else
                    f"Wrote the order sheet ({_pages(pages)}) to {args.output}")
    finally:
        conn.close()
    print(said)
    return 0
