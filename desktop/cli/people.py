"""Operators and the audit log: `operators add|list|disable|reset-pin`, `audit list|export`. The
same services as the Operators and Audit pages; a PIN or its hash is never printed."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import Parser, command, database, print_json
from desktop.clock import to_local
from desktop.errors import BadInput
from desktop.words import say, word


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true")

    operators = sub.add_parser("operators", parents=[common], help="who may use the window, and as what")
    ops = operators.add_subparsers(dest="operators_command", required=True, parser_class=Parser)
    add = ops.add_parser("add", parents=[common, json_flag], help="a new operator with a role and a PIN")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=["volunteer", "guard", "committee"])
    add.add_argument("--pin", required=True, metavar="PIN", help="4 to 8 digits")
    ops.add_parser("list", parents=[common, json_flag], help="every operator, role and whether active")
    disable = ops.add_parser("disable", parents=[common, json_flag], help="no more signing in")
    disable.add_argument("name", metavar="NAME")
    reset = ops.add_parser("reset-pin", parents=[common, json_flag], help="a new PIN")
    reset.add_argument("name", metavar="NAME")
    reset.add_argument("--pin", required=True, metavar="PIN", help="4 to 8 digits")

    audit = sub.add_parser("audit", parents=[common], help="every change: who, station, when, what")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, parser_class=Parser)
    export = audit_sub.add_parser("export", parents=[common], help="the whole log as CSV")
    export.add_argument("file", type=Path, metavar="FILE")
    listing = audit_sub.add_parser("list", parents=[common, json_flag], help="the log, newest first")
    listing.add_argument("--household", default=None, metavar="A", help="only this address")
    listing.add_argument("--operator", dest="by_operator", default=None, metavar="O",
                         help="only changes by this operator")
    listing.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="only this (local) day")
    listing.add_argument("--kind", default=None, help="only this kind of change")


@command("operators")
def _operators(args: argparse.Namespace) -> int:
    from desktop.people import operators as people

    with database(args) as conn:
        what = args.operators_command
        if what == "list":
            found = people.list_operators(conn)
            if args.json:
                print_json({"operators": [o.as_json() for o in found]})
            elif not found:
                print(say("cli.operators_none"))
            for o in found if not args.json else ():
                print(f"{o.name}\t{word('role', o.role)}\t{'' if o.active else '×'}")
            return 0
        if what == "add":
            done = people.add_operator(conn, args.name, args.role, args.pin)
            sentence = say("cli.operator_added", name=done.name, role=word("role", done.role))
        elif what == "disable":
            done = people.disable_operator(conn, args.name)
            sentence = say("cli.operator_disabled", name=done.name)
        else:
            done = people.reset_pin(conn, args.name, args.pin)
            sentence = say("cli.operator_pin_reset", name=done.name)
    if args.json:
        print_json(done.as_json())
    else:
        print(sentence)
    return 0


@command("audit")
def _audit(args: argparse.Namespace) -> int:
    from desktop import audit
    from desktop.roster.households import find_household

    with database(args) as conn:
        if args.audit_command == "export":
            count = audit.export_audit(conn, args.file)
            print(say("cli.audit_exported", count=count, path=args.file))
            return 0
        household_id = None
        if args.household is not None:
            household = find_household(conn, args.household)
            if household is None:
                raise BadInput("audit_household_unknown", "household", address=args.household)
            household_id = household.id
        day = audit.parse_day(args.date) if args.date is not None else None
        found = audit.entries(conn, household_id=household_id, operator=args.by_operator, day=day,
                              kind=args.kind)
    if args.json:
        print_json({"entries": [e.as_json() for e in found]})
        return 0
    if not found:
        print(say("cli.audit_none"))
    for e in found:
        changes = "; ".join(audit.change_words(f, old, new) for f, old, new in e.changes)
        print("  ".join(part for part in (to_local(e.at), e.operator or "-", e.station,
                                          word("audit_kind", e.kind), e.address or "", e.summary,
                                          changes) if part))
    return 0
