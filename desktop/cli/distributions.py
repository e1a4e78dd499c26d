"""The distribution commands (`distributions new|show|list|arrival`): free supply packs and
donations, over the same services the Group buys page uses."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import Parser, command, database, print_json
from desktop.errors import BadInput
from desktop.words import plural, say, word


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true")
    writer = argparse.ArgumentParser(add_help=False)
    writer.add_argument("--operator", default="", help="who is doing this (recorded)")

    group = sub.add_parser("distributions", parents=[common],
                           help="free distributions: supply packs and donations")
    group_sub = group.add_subparsers(dest="distributions_command", required=True,
                                     parser_class=Parser)
    new = group_sub.add_parser("new", parents=[common, writer, json_flag],
                               help="announce a distribution and who receives it")
    new.add_argument("--title", required=True)
    new.add_argument("--donor", required=True)
    new.add_argument("--item", action="append", required=True,
                     metavar="NAME=QTY[:ambient|chilled|frozen]", help="QTY per recipient")
    new.add_argument("--to", default="all", metavar="all|flag:FLAG|list:FILE")
    new.add_argument("--per", default="household", choices=["household", "person"])
    show = group_sub.add_parser("show", parents=[common, json_flag], help="one distribution")
    show.add_argument("distribution_id", type=int, metavar="ID")
    group_sub.add_parser("list", parents=[common, json_flag], help="every distribution")
    arrival = group_sub.add_parser("arrival", parents=[common, writer, json_flag],
                                   help="what arrived, shared out when short")
    arrival.add_argument("distribution_id", type=int, metavar="ID")
    arrival.add_argument("--received", action="append", default=[], metavar="NAME=QTY")
    arrival.add_argument("--policy", default="vulnerable-first",
                         help="vulnerable-first (default), pro-rata or first-come")
    arrival.add_argument("--preview", action="store_true", help="show the allocation, save nothing")


def _list_file(to: str) -> tuple[str, list[tuple[int, str]]]:
    """`list:FILE` read into (line, address) pairs; any other choice as it is."""
    from desktop.buys.distributions import read_address_list

    if not to.lower().startswith("list:"):
        return to, []
    path = Path(to[5:])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        try:
            text = path.read_bytes().decode("gb18030")
        except (OSError, UnicodeDecodeError):
            raise BadInput("list_unreadable", "to", path=str(path)) from None
    return "list", read_address_list(text)


@command("distributions")
def _distributions(args: argparse.Namespace) -> int:
    handler = {"new": _new, "show": _show, "list": _list,
               "arrival": _arrival}[args.distributions_command]
    if args.distributions_command == "new":
        to, addresses = _list_file(args.to)  # a bad file is said before the database is opened
        with database(args) as conn:
            return _new(conn, args, to, addresses)
    with database(args) as conn:
        return handler(conn, args)


def _new(conn, args, to, addresses) -> int:
    from desktop.buys.distributions import distribution_details, new_distribution, parse_gift

    gifts = [parse_gift(text) for text in args.item]
    result = new_distribution(conn, args.title, args.donor, gifts, to=to, per=args.per,
                              addresses=addresses, operator=args.operator)
    if args.json:
        print_json({"distribution_id": result.distribution_id, "recipients": result.recipients})
        return 0
    details = distribution_details(conn, result.distribution_id)
    packs = sum(line.quantity for r in details.recipients for line in r.lines[:1])
    print(say("distribution_made", id=result.distribution_id, title=details.buy.title,
              recipients=result.recipients, packs=packs, s=plural(result.recipients),
              packs_s=plural(packs)))
    return 0


def show_json(details) -> dict:
    buy = details.buy
    return {
        "id": buy.id, "title": buy.title, "donor": buy.supplier, "status": buy.status,
        "items": [{"name": i.name, "per_recipient": i.per_recipient, "needed": i.needed,
                   "received": i.received} for i in details.items],
        "recipients": [
            {"address": r.address,
             "lines": [{"item": line.item, "quantity": line.quantity, "allocated": line.allocated}
                       for line in r.lines]}
            for r in details.recipients
        ],
    }


def _show(conn, args) -> int:
    from desktop.buys.distributions import distribution_details

    details = distribution_details(conn, args.distribution_id)
    if args.json:
        print_json(show_json(details))
        return 0
    buy = details.buy
    print(f"{buy.title} · {buy.supplier or '-'} · {word('distribution_status', buy.status)} · "
          f"{word('recipients', buy.recipients or 'all')} · {len(details.recipients)}")
    for item in details.items:
        received = "" if item.received is None else say("cli.item_received", n=item.received)
        print(f"  {item.name} ×{item.per_recipient} · {item.needed}{received}")
        if item.left:
            print("    " + say("stock_left", item=item.name, left=item.left))
    for r in details.recipients:
        lines = "  ".join(
            f"{line.item}×{line.quantity}"
            + (f"→{line.allocated}" if line.allocated is not None and line.allocated != line.quantity
               else "")
            for line in r.lines)
        print(f"  {r.address}  {lines}")
    return 0


def _list(conn, args) -> int:
    from desktop.buys.distributions import list_distributions

    summaries = list_distributions(conn)
    if args.json:
        print_json({"distributions": [
            {"id": s.buy.id, "title": s.buy.title, "donor": s.buy.supplier,
             "status": s.buy.status, "to": s.buy.recipients, "per": s.buy.per,
             "recipients": s.recipients, "bags_waiting": s.bags_waiting}
            for s in summaries
        ]})
        return 0
    for s in summaries:
        print(f"{s.buy.id:>4}  {s.buy.title} · {s.buy.supplier or '-'} · "
              f"{word('distribution_status', s.buy.status)} · "
              f"{word('recipients', s.buy.recipients or 'all')} · {s.recipients}")
    return 0


def _arrival(conn, args) -> int:
    from desktop.buys.distributions import get_distribution
    from desktop.cli.buys import _arrival as buy_arrival

    get_distribution(conn, args.distribution_id)
    args.buy_id = args.distribution_id
    return buy_arrival(conn, args)
