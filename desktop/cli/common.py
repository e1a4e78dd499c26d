"""What every command module of the command line stands on: the registry of commands, the parser
that answers a mistake in one sentence, the database a command works on, and JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.audit import set_actor
from desktop.db import Connection, connect
from desktop.paths import default_database
from desktop.words import say

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(handler: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = handler
        return handler

    return register


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one sentence, exit 2, no usage dump
        sys.stderr.write(f"{message}. {say('cli.usage_hint')}\n")
        raise SystemExit(2)


def database_path(args: argparse.Namespace) -> Path:
    return args.db or default_database()


@contextmanager
def database(args: argparse.Namespace, *, create: bool = True) -> Iterator[Connection]:
    """The compound's database for one command, closed when the command is done, however it ends."""
    conn = connect(database_path(args), create=create)
    set_actor(conn, getattr(args, "operator", "") or "")  # who the audit log names for its changes
    try:
        yield conn
    finally:
        conn.close()


def give_operator(parser: argparse.ArgumentParser) -> None:
    """Every command takes `--operator NAME` (recorded in the audit log, never checked): added to
    each command's parser that does not name it already, however deep."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                if "--operator" not in child._option_string_actions:
                    child.add_argument("--operator", default=argparse.SUPPRESS, metavar="NAME",
                                       help="who is doing this (recorded in the audit log)")
                give_operator(child)


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False))
