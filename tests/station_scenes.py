"""Shared scenery for the station tests: a lobby with bags, gate stations made from its file, and
merging a file from one station into another."""

from __future__ import annotations

import itertools
from pathlib import Path

from desktop.bags.bags import issue_household_codes, make_bags
from desktop.db import exchange as rows
from desktop.stations.exchange import EXCHANGED, HOME, export_exchange, import_exchange, init_gate
from tests.bag_scenes import compound, everyday_buy

_files = itertools.count(1)


def lobby(tmp_path: Path, name: str = "home.sqlite"):
    """A lobby station with four households, their cards and one buy's bags."""
    conn = compound(tmp_path, name=name)
    make_bags(conn, everyday_buy(conn))
    issue_household_codes(conn, [row[0] for row in conn.execute("SELECT id FROM household")])
    return conn


def exported(conn, folder: Path) -> Path:
    path = folder / f"exchange-{next(_files)}.cdx"
    export_exchange(conn, path)
    return path


def new_gate(home, folder: Path, station: str):
    conn, _summary = init_gate(folder / f"{station}.sqlite", exported(home, folder), station=station)
    return conn


def carry(source, target, folder: Path):
    """Export at `source`, import at `target`: one trip of the USB stick."""
    return import_exchange(target, exported(source, folder))


def shared(conn, *, sent_by: str) -> dict[str, dict]:
    """Every exchanged table a station of role `sent_by` sends, by row key, references as uuids."""
    out = {}
    for spec in EXCHANGED:
        if spec.sent_by not in (sent_by, "both"):
            continue
        table = rows.shared_rows(conn, spec.table, spec.refs, spec.key, spec.local)
        if spec.keys_like:
            table = {k: v for k, v in table.items()
                     if any(_like(str(k), p) for p in spec.keys_like)}
        out[spec.table] = table
    return out


def _like(text: str, pattern: str) -> bool:
    return text.startswith(pattern[:-1]) if pattern.endswith("%") else text == pattern


def bag_codes(conn, *, live: bool = True) -> list[str]:
    where = "WHERE voided_at IS NULL" if live else ""
    return [row[0] for row in conn.execute(f"SELECT code FROM bag {where} ORDER BY serial")]


def handoffs_by_uuid(conn) -> dict[str, tuple]:
    """uuid → (bag code, action, reversed uuid, station, operator, at)."""
    return {row[0]: tuple(row[1:]) for row in conn.execute(
        "SELECT e.uuid, b.code, e.action, r.uuid, e.station, e.operator, e.at FROM handoff e "
        "JOIN bag b ON b.id = e.bag_id LEFT JOIN handoff r ON r.id = e.reverses_id")}


def doubles_of(events: dict[str, tuple]) -> set[str]:
    """Bag codes with two or more handovers not undone, worked out from the events themselves."""
    undone = {ev[2] for ev in events.values() if ev[1] == "reversal"}
    count: dict[str, int] = {}
    for uuid, ev in events.items():
        if ev[1] in ("pickup", "door") and uuid not in undone:
            count[ev[0]] = count.get(ev[0], 0) + 1
    return {code for code, n in count.items() if n >= 2}


__all__ = ["HOME", "bag_codes", "carry", "doubles_of", "exported", "handoffs_by_uuid", "lobby",
           "new_gate", "shared"]
