"""The committee's commands: `report coverage|money` and `needs add|list|update|close`, over the
same services as the Reports and Needs pages (`desktop.committee`). The daily sheet is printed by
`print daily` (`desktop/cli/printing.py`)."""

from __future__ import annotations

import argparse

from desktop.cli.common import Parser, command, database, print_json
from desktop.clock import to_local
from desktop.money import format_fen
from desktop.words import Word, plural, say, word


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true")
    who = argparse.ArgumentParser(add_help=False)
    who.add_argument("--operator", default="", help="who is doing this (recorded)")

    report = sub.add_parser("report", parents=[common], help="coverage and money, for the committee")
    report_sub = report.add_subparsers(dest="report_command", required=True, parser_class=Parser)
    cover = report_sub.add_parser("coverage", parents=[common, json_flag],
                                  help="households that received nothing in N days, vulnerable first")
    cover.add_argument("--days", default="3", metavar="N")
    money = report_sub.add_parser("money", parents=[common, json_flag],
                                  help="collected, refunded, refunds owed, owed to suppliers, balance")
    money.add_argument("--buy", type=int, default=None, metavar="ID")

    needs = sub.add_parser("needs", parents=[common], help="urgent needs: medicine, formula, insulin…")
    needs_sub = needs.add_subparsers(dest="needs_command", required=True, parser_class=Parser)
    add = needs_sub.add_parser("add", parents=[common, json_flag, who], help="a household's need")
    add.add_argument("--address", required=True, metavar="A")
    add.add_argument("--what", required=True, metavar="TEXT")
    add.add_argument("--urgency", default="normal", metavar="high|normal")
    add.add_argument("--note", default="", metavar="TEXT")
    listing = needs_sub.add_parser("list", parents=[common, json_flag], help="needs, unmet first")
    listing.add_argument("--open", action="store_true", help="only needs not yet met")
    update = needs_sub.add_parser("update", parents=[common, json_flag, who],
                                  help="move a need on: sourcing, who, a note")
    update.add_argument("need_id", metavar="ID")
    update.add_argument("--status", default=None, metavar="open|sourcing")
    update.add_argument("--who", default=None, metavar="NAME")
    update.add_argument("--note", default=None, metavar="TEXT")
    update.add_argument("--urgency", default=None, metavar="high|normal")
    close = needs_sub.add_parser("close", parents=[common, json_flag, who],
                                 help="close a need as met or cancelled")
    close.add_argument("need_id", metavar="ID")
    close.add_argument("--outcome", required=True, metavar="met|cancelled")
    close.add_argument("--note", default=None, metavar="TEXT")


@command("report")
def _report(args: argparse.Namespace) -> int:
    if args.report_command == "coverage":
        from desktop.committee.coverage import coverage, parse_days

        days = parse_days(args.days)  # a bad number is said before the file is opened
        with database(args) as conn:
            found = coverage(conn, days)
        if args.json:
            print_json(found.as_json())
            return 0
        count = len(found.households)
        print(say("committee.coverage_head", n=count, s=plural(count), days=days,
                  v=found.vulnerable, p=found.no_smartphone))
        for h in found.households:
            flags = ", ".join(word("flag", f) for f in h.flags)
            last = (say("committee.never") if h.days_since is None
                    else say("committee.days_ago", n=h.days_since))
            mark = "!" if h.no_smartphone else " "
            needs = ("  ⚠ " + "; ".join(h.urgent_needs)) if h.urgent_needs else ""
            print(f"{mark} {h.address:<10} {h.name:<8} {word('delivery', h.delivery):<6} "
                  f"{h.phone:<12} {last:<10} {flags}{needs}")
        return 0
    from desktop.committee.money import money_report

    with database(args) as conn:
        report = money_report(conn, args.buy)
    if args.json:
        print_json(report.as_json())
        return 0
    print(say("committee.money_head", collected=format_fen(report.collected_fen),
              refunded=format_fen(report.refunded_fen), owed=format_fen(report.refunds_owed_fen),
              suppliers=format_fen(report.owed_to_suppliers_fen),
              balance=format_fen(report.balance_fen)))
    for buy in report.buys:
        print(f"  #{buy.buy_id} {buy.title} ({word('buy_status', buy.status)}): "
              + say("committee.money_head", collected=format_fen(buy.collected_fen),
                    refunded=format_fen(buy.refunded_fen), owed=format_fen(buy.refunds_owed_fen),
                    suppliers=format_fen(buy.owed_to_supplier_fen),
                    balance=format_fen(buy.balance_fen)))
    for refund in report.refunds:
        print(f"    ↩ {refund.address or '-'} {format_fen(refund.amount_fen)} · {refund.buy}")
    return 0


@command("needs")
def _needs(args: argparse.Namespace) -> int:
    from desktop.committee import needs

    with database(args) as conn:
        if args.needs_command == "add":
            need_id = needs.add_need(conn, args.address, args.what, args.urgency, note=args.note,
                                     operator=args.operator)
            need = needs.get_need(conn, need_id)
            if args.json:
                print_json({"need_id": need_id})
            else:
                print(say("committee.need_added", id=need_id, address=need.address, what=need.what))
            return 0
        if args.needs_command == "list":
            found = needs.list_needs(conn, unmet_only=args.open)
            if args.json:
                print_json({"needs": [n.as_json() for n in found]})
            elif not found:
                print(say("committee.no_needs"))
            for n in found if not args.json else ():
                who = f" ({n.sourcing_by})" if n.sourcing_by else ""
                print(f"{n.id:>4}  {n.address:<10} {word('need_urgency', n.urgency):<6} "
                      f"{word('need_status', n.status)}{who}  {n.what}  {to_local(n.opened_at)}")
            return 0
        if args.needs_command == "update":
            need = needs.update_need(conn, args.need_id, status=args.status, who=args.who,
                                     note=args.note, urgency=args.urgency, operator=args.operator)
        else:
            need = needs.close_need(conn, args.need_id, args.outcome, note=args.note,
                                    operator=args.operator)
    if args.json:
        print_json(need.as_json())
    else:
        print(say("committee.need_updated", id=need.id, what=need.what,
                  status=Word("need_status", need.status)))
    return 0
