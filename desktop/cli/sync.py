"""`sync export|import|init-gate|conflicts|resolve`: exchange files between the lobby (home) station
and gate stations, over the services in `desktop.stations`."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import Parser, command, database, database_path, print_json
from desktop.words import say, word


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true")
    sync = sub.add_parser("sync", parents=[common],
                          help="exchange files between the lobby station and gate stations")
    sync_sub = sync.add_subparsers(dest="sync_command", required=True, parser_class=Parser)
    export = sync_sub.add_parser("export", parents=[common, json_flag],
                                 help="write what the other station needs into FILE")
    export.add_argument("file", type=Path, metavar="FILE")
    imp = sync_sub.add_parser("import", parents=[common, json_flag],
                              help="merge the other station's FILE into this database")
    imp.add_argument("file", type=Path, metavar="FILE")
    init = sync_sub.add_parser("init-gate", parents=[common, json_flag],
                               help="make the --db file a new gate station from the lobby's FILE")
    init.add_argument("file", type=Path, metavar="FILE")
    init.add_argument("--station", default=None, metavar="NAME")
    conflicts = sync_sub.add_parser("conflicts", parents=[common, json_flag],
                                    help="bags handed over at two stations (with the committee's "
                                         "notes on those resolved)")
    conflicts.add_argument("--open", action="store_true", help="only those not yet resolved")
    resolve = sync_sub.add_parser("resolve", parents=[common, json_flag],
                                  help="the committee's note on a bag handed over twice")
    resolve.add_argument("code", metavar="CODE")
    resolve.add_argument("--note", required=True)
    resolve.add_argument("--operator", default="")


def _counts(counts: dict[str, int]) -> str:
    shown = [say("sync.count", table=word("exchanged", table), count=n) for table, n in counts.items() if n]
    return ", ".join(shown) or say("sync.nothing")


@command("sync")
def _sync(args: argparse.Namespace) -> int:
    from desktop.stations import conflicts, exchange

    if args.sync_command == "init-gate":
        path = database_path(args)
        conn, summary = exchange.init_gate(path, args.file, station=args.station)
        conn.close()
        if args.json:
            print_json({"path": str(path), "station": conn.station, **summary.as_json()})
        else:
            print(say("sync.gate_made", station=conn.station, path=path, added=_counts(summary.added)))
        return 0
    with database(args) as conn:
        if args.sync_command == "export":
            done = exchange.export_exchange(conn, args.file)
            if args.json:
                print_json(done.as_json())
            else:
                print(say("sync.exported", role=word("station_role", done.role), path=done.path,
                          holds=_counts(done.holds)))
        elif args.sync_command == "import":
            merged = exchange.import_exchange(conn, args.file)
            if args.json:
                print_json(merged.as_json())
            else:
                print(say("sync.imported", station=merged.station,
                          role=word("station_role", merged.role), made_at=merged.made_at,
                          added=_counts(merged.added), conflicts=merged.conflicts))
        elif args.sync_command == "conflicts":
            found = conflicts.list_conflicts(conn, include_resolved=not args.open)
            if args.json:
                print_json({"conflicts": [c.as_json() for c in found]})
            else:
                for c in found:
                    print(say("sync.conflict", code=c.code, address=c.address, events="; ".join(
                        say("sync.event", action=word("handoff", e.action), at=e.at,
                            operator=e.operator or "?", station=e.station) for e in c.events)))
                if not found:
                    print(say("sync.no_conflicts"))
        else:
            noted = conflicts.resolve_conflict(conn, args.code, args.note, operator=args.operator)
            if args.json:
                print_json(noted.as_json())
            else:
                print(say("sync.resolved", code=noted.code, note=noted.notes[-1].note))
    return 0
