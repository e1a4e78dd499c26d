"""The command line: a second face over the same services as the window (see CLI.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop import __version__
from desktop.cli import buys, distributions, gate, people, printing, reports, sync
from desktop.cli.common import (
    COMMANDS,
    Parser,
    command,
    database,
    database_path,
    give_operator,
    print_json,
)
from desktop.errors import BadInput, DeskError
from desktop.lang import current_language, set_language
from desktop.words import describe, say, word

# Modules that add their own commands: each has `add_parsers(sub, common)` and registers its
# handlers with `@command(name)`.
COMMAND_MODULES = (buys, printing, gate, distributions, reports, people, sync)

def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="compound-desk", description="Compound Desk")
    parser.add_argument("--db", type=Path, help="the compound's database file")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language of messages and window")
    parser.add_argument("--operator", default="", metavar="NAME", help="who is doing this (recorded)")
    # The same options after a command name; SUPPRESS keeps them from erasing ones given before.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS)
    common.add_argument("--lang", choices=["zh_CN", "en"], default=argparse.SUPPRESS)

    parser.add_argument("--version", action="version", version=f"compound-desk {__version__}")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png")
    # The window checks the page against the pages it has, so one list decides.
    parser.add_argument("--page", default=None, metavar="roster|buys|suppliers|bags|gate|backups|reports|needs|stations|operators|audit")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--gate", action="store_true", help="open the full-screen gate for guards")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    demo = sub.add_parser("demo", parents=[common], help="fill an empty database with a believable compound")
    demo.add_argument("--households", type=int, default=240)
    demo.add_argument("--seed", type=int, default=7)

    check = sub.add_parser("check", parents=[common], help="schema version, integrity check, counts")
    check.add_argument("--json", action="store_true")

    backup = sub.add_parser("backup", parents=[common], help="a checked, self-contained copy")
    backup.add_argument("--to", type=Path)
    backup.add_argument("--json", action="store_true")

    restore = sub.add_parser("restore", parents=[common], help="put a backup in place of the database")
    restore.add_argument("backup_file", type=Path, metavar="BACKUP_FILE")
    restore.add_argument("--other-compound", action="store_true",
                         help="accept a backup of another compound in place of this one")
    restore.add_argument("--with-secret", type=Path, metavar="FILE",
                         help="for an export folder: the secret file `secret export` wrote")
    restore.add_argument("--json", action="store_true")

    secret = sub.add_parser("secret", parents=[common], help="the compound secret, kept apart")
    secret_sub = secret.add_subparsers(dest="secret_command", required=True, parser_class=Parser)
    secret_export = secret_sub.add_parser("export", parents=[common])
    secret_export.add_argument("file", type=Path, metavar="FILE")

    export_all = sub.add_parser("export-all", parents=[common], help="every table as CSV plus a manifest")
    export_all.add_argument("folder", type=Path, metavar="DIR")
    export_all.add_argument("--json", action="store_true")

    roster = sub.add_parser("roster", parents=[common], help="import or export households")
    roster_sub = roster.add_subparsers(dest="roster_command", required=True, parser_class=Parser)
    imp = roster_sub.add_parser("import", parents=[common])
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--prefer", choices=("program", "file"), default="program",
                     help="for a field edited in the program since the last import: keep it "
                          "(program, the default) or take the file's value (file)")
    imp.add_argument("--json", action="store_true")
    exp = roster_sub.add_parser("export", parents=[common])
    exp.add_argument("file", type=Path)

    for module in COMMAND_MODULES:
        module.add_parsers(sub, common)
    give_operator(parser)
    return parser




@command("demo")
def _demo(args: argparse.Namespace) -> int:
    from desktop.demo.compound import fill_demo

    with database(args) as conn:
        summary = fill_demo(conn, households=args.households, seed=args.seed)
    print(say("cli.demo_made", households=summary["households"], path=conn.path))
    print(say("cli.demo_operators"))
    for name, role, pin in summary["operators"]:
        print(f"  {name} · {word('role', role)} · {pin}")
    return 0


@command("check")
def _check(args: argparse.Namespace) -> int:
    from desktop.db import LATEST_VERSION
    from desktop.errors import DatabaseUnusable
    from desktop.safekeeping.maintenance import DISK_FULL, SCHEMA_CHANGED, check_database

    path = database_path(args)
    report = check_database(path)
    if args.json:
        print_json(report)
    else:
        for key, value in report.items():
            print(f"{key}: {value}")
    if report["ok"]:
        return 0
    version = report["schema_version"] or 0
    if version > LATEST_VERSION:
        error = DatabaseUnusable("db_too_new", path=str(path), version=version, supported=LATEST_VERSION)
    elif report["integrity"] == DISK_FULL:
        error = DatabaseUnusable("disk_full_check", path=str(path))
    elif str(report["integrity"]).startswith(SCHEMA_CHANGED):
        error = DatabaseUnusable("db_schema_altered", path=str(path),
                                 detail=report["integrity"][len(SCHEMA_CHANGED):])
    elif report["integrity"] == "not a database":
        error = DatabaseUnusable("db_not_database", path=str(path))
    else:
        error = DatabaseUnusable("db_damaged", path=str(path))
    sys.stderr.write(describe(error) + "\n")
    return 3


@command("backup")
def _backup(args: argparse.Namespace) -> int:
    from desktop.safekeeping.backups import make_backup

    with database(args, create=False) as conn:
        path = make_backup(conn, "manual", args.to)
    if args.json:
        print_json({"path": str(path)})
    else:
        print(str(path))
    return 0


@command("restore")
def _restore(args: argparse.Namespace) -> int:
    from desktop.safekeeping.backups import restore_backup

    path = database_path(args)
    try:
        restored = restore_backup(path, args.backup_file, other_compound=args.other_compound,
                                  with_secret=args.with_secret, operator=args.operator)
    except BadInput as error:
        if error.code != "backup_other_compound":
            raise
        # The command line has a switch for it; the window does not, so only here is it named.
        raise BadInput("cli.backup_other_compound", error.field, **error.data) from error
    aside = str(restored.kept_aside) if restored.kept_aside else None
    if args.json:
        print_json({"restored": str(path), "from": str(restored.restored_from), "kept_aside": aside,
                    "new_secret": restored.new_secret})
    else:
        print(say("cli.restored", path=path, source=restored.restored_from)
              + (say("cli.restored_aside", aside=aside) if aside else ""))
    if restored.new_secret:
        sys.stderr.write(say("cli.restored_new_secret") + "\n")
    return 0


@command("secret")
def _secret(args: argparse.Namespace) -> int:
    from desktop.safekeeping.export_all import export_secret

    with database(args, create=False) as conn:
        path = export_secret(conn, args.file)
    print(say("cli.secret_written", path=path))
    sys.stderr.write(say("cli.secret_careful") + "\n")
    return 0


@command("export-all")
def _export_all(args: argparse.Namespace) -> int:
    from desktop.safekeeping.export_all import export_all

    with database(args, create=False) as conn:
        manifest = export_all(conn, args.folder)
    tables = len(manifest["tables"])
    if args.json:
        print_json({"path": str(args.folder), "tables": tables})
    else:
        print(say("cli.exported_all", tables=tables, path=args.folder))
    return 0


@command("roster")
def _roster(args: argparse.Namespace) -> int:
    from desktop.roster import roster_io

    with database(args) as conn:
        if args.roster_command == "import":
            report = roster_io.import_roster(conn, args.file, dry_run=args.dry_run,
                                             prefer=args.prefer)
            if args.json:
                print_json(report.as_json())
            else:
                print(report.summary(current_language()))
        else:
            count = roster_io.export_roster(conn, args.file)
            print(say("cli.roster_exported", count=count, path=args.file))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.lang:
        set_language(args.lang)
    try:
        if args.command is None:
            from desktop.ui.app import run_window

            return run_window(args)
        return COMMANDS[args.command](args)
    except DeskError as error:
        sys.stderr.write(describe(error) + "\n")
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`| head`); say nothing more on a closed pipe.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:
        from desktop.crash import report_unexpected

        sys.stderr.write(report_unexpected() + "\n")
        return 1
