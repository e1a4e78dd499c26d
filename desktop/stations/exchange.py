"""Exchange files between the lobby (home) station and gate stations.

What travels is declared once, in `EXCHANGED`: each table with the role whose files carry it and
how it is merged. `export_exchange` writes the tables of this station's role into one SQLite file
with a manifest; `import_exchange` merges one into this file in one transaction; `init_gate`
makes a new gate station's file from a lobby's export.

Policies:

- `OWNED` (rows only the lobby edits: households, buys, bags, cards, the gate's settings): the
  lobby's copy wins. Rows the file holds replace this station's copy where they differ, then
  rows not here yet are added. Taken only from a lobby's file.
- `EVENTS` (handoffs, undos, refused scans, the committee's notes): appended by uuid, never
  changed; a row already here is left alone, so a file merged twice, or files merged in any
  order, end the same.

A new table joins the exchange with one line in `EXCHANGED`, in the order tables can be filled
(a row's references first): its name, who sends it, its policy and its references to other
tables (`{"household_id": "household"}`), which travel as the referred row's uuid. Its columns
are read from the schema, so columns added later travel without a change here.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import uuid as uuid_module
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desktop import audit
from desktop.clock import utc_now
from desktop.db import LATEST_VERSION, connect, transaction
from desktop.db import exchange as rows
from desktop.db.connection import Connection, refuse_own_file
from desktop.db.tables import one_snapshot
from desktop.errors import BadInput
from desktop.text import one_line

HOME, GATE, BOTH = "home", "gate", "both"
ROLES = (HOME, GATE)
OWNED, EVENTS = "owned", "events"
MAX_NAME = 60  # a station's name, as the gate stores names
FORMAT = 1  # the exchange file's own layout; a newer one is refused


@dataclass(frozen=True)
class Exchanged:
    table: str
    sent_by: str  # HOME, GATE or BOTH: the role whose exchange files carry the table
    policy: str  # OWNED (the lobby's copy wins) or EVENTS (appended by uuid)
    refs: Mapping[str, str] = field(default_factory=dict)  # column → table it refers to
    key: str = "uuid"  # what identifies a row on every station
    keys_like: tuple[str, ...] = ()  # only rows whose key is LIKE one of these (none: every row)
    plural: str = ""  # its name in JSON counts (CLI.md: "handoffs"); the table's name + "s" if empty
    local: tuple[str, ...] = ()  # columns each station keeps for itself: never sent, never replaced
    same_by: str = ""  # a column naming one row on every station: a row here of that name is the file's


    @property
    def counted_as(self) -> str:
        return self.plural or self.table + "s"


EXCHANGED: tuple[Exchanged, ...] = (
    Exchanged("household", HOME, OWNED),
    Exchanged("supplier", HOME, OWNED),
    Exchanged("group_buy", HOME, OWNED, {"supplier_id": "supplier"}),
    Exchanged("item", HOME, OWNED, {"group_buy_id": "group_buy"}),
    Exchanged("arrival", HOME, EVENTS, {"group_buy_id": "group_buy", "item_id": "item"}),
    Exchanged("bag", HOME, OWNED, {"group_buy_id": "group_buy", "household_id": "household"}),
    Exchanged("household_code", HOME, OWNED, {"household_id": "household"}),
    Exchanged("setting", HOME, OWNED, key="key", keys_like=("gate.%", "print_language")),
    Exchanged("handoff", BOTH, EVENTS, {"bag_id": "bag", "reverses_id": "handoff"}),
    Exchanged("conflict_note", BOTH, EVENTS, {"bag_id": "bag"}),
    Exchanged("refused_scan", GATE, EVENTS),
    # Operators come from the lobby with their PIN hashes, so a guard signs in at the gate; the
    # wrong tries and the wait after them stay the station's own. A gate makes no operator; one
    # made here before this file became a gate gives way to the lobby's of the same name.
    Exchanged("operator", HOME, OWNED, local=("failed_tries", "wait_until"), same_by="name"),
    Exchanged("need", HOME, OWNED, {"household_id": "household"}),
    Exchanged("audit_entry", GATE, EVENTS, {"household_id": "household"}, plural="audit_entries"),
)


def sent_by(role: str) -> list[Exchanged]:
    return [spec for spec in EXCHANGED if spec.sent_by in (role, BOTH)]


def counted(counts: Mapping[str, int]) -> dict[str, int]:
    """Counts by table as the command line's JSON names them (`handoffs`, `bags`)."""
    names = {spec.table: spec.counted_as for spec in EXCHANGED}
    return {names.get(table, table): n for table, n in counts.items()}


# ---- the station ------------------------------------------------------------------------------


def station_role(conn: Connection) -> str:
    return rows.role(conn)


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    role: str
    station: str
    holds: dict[str, int]

    def as_json(self) -> dict:
        return {"path": str(self.path), "role": self.role, "station": self.station,
                "holds": counted(self.holds)}


@dataclass(frozen=True)
class ImportSummary:
    station: str  # the station that wrote the file
    role: str
    made_at: str
    added: dict[str, int]
    updated: dict[str, int]
    conflicts: int  # bags handed over twice that this file's events are part of, still open

    def as_json(self) -> dict:
        return {"added": counted(self.added), "updated": counted(self.updated),
                "conflicts": self.conflicts,
                "from": {"station": self.station, "role": self.role, "made_at": self.made_at}}


# ---- writing -----------------------------------------------------------------------------------


def export_exchange(conn: Connection, path: str | os.PathLike[str]) -> ExportSummary:
    """Write what the other side needs into `path` (readable by its owner only): from a lobby,
    the roster, buys, bags, cards, the gate's settings and every handoff it knows; from a gate,
    its handoffs, undos, notes and refused scans. The file appears whole or not at all."""
    path = Path(path)
    refuse_own_file(conn, path)
    if path.is_dir():
        raise BadInput("sync_target_is_folder", path=str(path))
    role = station_role(conn)
    partial = path.with_name(f".{path.name}.{uuid_module.uuid4().hex}.partial")
    try:
        with rows.attached(conn, partial, write=True), one_snapshot(conn):
            specs = sent_by(role)
            holds = {s.table: rows.copy_table(conn, s.table, s.refs, s.key, s.keys_like, s.local)
                     for s in specs}
            manifest = _identity(conn, role, holds)
            manifest["checksum"] = _checksum(conn, partial, manifest, specs)
            rows.write_manifest(conn, manifest)
        os.chmod(partial, stat.S_IRUSR | stat.S_IWUSR)
        os.replace(partial, path)
    except OSError as exc:
        rows.remove_file(partial)
        raise BadInput("sync_cannot_write", path=str(path)) from exc
    except BaseException:
        rows.remove_file(partial)
        raise
    return ExportSummary(path, role, conn.station, holds)


def _identity(conn: Connection, role: str, holds: dict[str, int]) -> dict[str, object]:
    compound = rows.compound_row(conn)
    return {
        "format": FORMAT,
        "compound_uuid": compound["uuid"],
        "compound_name": compound["name"],
        "compound_address": compound["address"],
        "compound_created_at": compound["created_at"],
        "station": conn.station,
        "role": role,
        "schema_version": LATEST_VERSION,
        "made_at": _precise_now(),
        "file_uuid": str(uuid_module.uuid4()),
        # For a gate's file: when the lobby file it last merged was made.
        "home_made_at": rows.latest_home_made_at(conn) if role == GATE else None,
        "known_bag_serial": rows.highest_bag_serial(conn) if role == GATE else None,
        "holds": holds,
    }


def _precise_now() -> str:
    """Now in UTC to the microsecond: lobby files made in the same second are still ordered."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _checksum(conn: Connection, path: Path, manifest: Mapping[str, object],
              specs: list[Exchanged]) -> str:
    tables = rows.checksum(conn, path, {s.table: s.key for s in specs})
    named = {k: v for k, v in manifest.items() if k != "checksum"}
    return hashlib.sha256((tables + json.dumps(named, sort_keys=True, ensure_ascii=False))
                          .encode()).hexdigest()


# ---- reading -----------------------------------------------------------------------------------


def _readable_file(conn: Connection | None, path: Path) -> None:
    if not path.exists():
        raise BadInput("sync_file_missing", path=str(path))
    if not path.is_file():
        raise BadInput("sync_file_not_regular", path=str(path))
    if conn is not None:
        refuse_own_file(conn, path)
    _whole(path)


def _whole(path: Path) -> None:
    """An SQLite file's header says its page size and page count: a file cut short on the way
    (a USB stick pulled out) is shorter than they make, and is refused before it is opened."""
    try:
        with open(path, "rb") as file:
            header = file.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise BadInput("sync_file_unreadable", path=str(path)) from exc
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise BadInput("sync_not_exchange_file", path=str(path))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages and size < page_size * pages:
        raise BadInput("sync_file_damaged", path=str(path))


def _checked(conn: Connection, path: Path, *, new_gate: bool = False) -> dict[str, object]:
    """The file's manifest once everything in it is checked; BadInput naming what is wrong."""
    manifest = rows.read_manifest(conn, path)
    needed = ("format", "compound_uuid", "station", "role", "schema_version", "made_at",
              "file_uuid", "holds", "checksum")
    if any(key not in manifest for key in needed) or manifest["role"] not in ROLES:
        raise BadInput("sync_not_exchange_file", path=str(path))
    if not isinstance(manifest["format"], int) or not isinstance(manifest["schema_version"], int):
        raise BadInput("sync_not_exchange_file", path=str(path))
    if manifest["format"] > FORMAT or manifest["schema_version"] > LATEST_VERSION:
        raise BadInput("sync_file_too_new", path=str(path))
    mine = rows.role(conn)
    if new_gate:
        if manifest["role"] != HOME:
            raise BadInput("sync_gate_needs_home_file", path=str(path))
    else:
        if manifest["compound_uuid"] != rows.compound_row(conn)["uuid"]:
            raise BadInput("sync_other_compound", path=str(path),
                           theirs=str(manifest.get("compound_name") or "?"))
        if manifest["role"] == GATE and mine == GATE:
            raise BadInput("sync_gate_into_gate", path=str(path), station=manifest["station"])
        if manifest["role"] == HOME and mine == HOME:
            raise BadInput("sync_home_into_home", path=str(path), station=manifest["station"])
    holds = manifest["holds"]
    specs = [s for s in sent_by(str(manifest["role"])) if s.table in holds]
    if not isinstance(holds, dict) or not set(holds) <= rows.file_tables(conn) or \
            not set(holds) <= {s.table for s in sent_by(str(manifest["role"]))}:
        raise BadInput("sync_file_damaged", path=str(path))
    if _checksum(conn, path, manifest, specs) != manifest["checksum"]:
        raise BadInput("sync_checksum", path=str(path))
    return manifest


def import_exchange(conn: Connection, path: str | os.PathLike[str]) -> ImportSummary:
    """Merge another station's exchange file into this one, in one transaction: the lobby's rows
    replace this station's copies, events are appended by uuid. A file that is not a whole
    exchange file of this compound from the other kind of station is refused, nothing changed."""
    path = Path(path)
    _readable_file(conn, path)
    with rows.attached(conn, path, write=False):
        manifest = _checked(conn, path)
        with transaction(conn):
            return _merge(conn, manifest, path)


def _merge(conn: Connection, manifest: Mapping[str, object], path: Path) -> ImportSummary:
    role = str(manifest["role"])
    # A lobby file older than one merged already adds what is missing but changes nothing:
    # the newer file's copy of the lobby's rows stands, whatever order files come in.
    newest = rows.latest_home_made_at(conn)
    stale = role == HOME and newest is not None and str(manifest["made_at"]) < newest
    before = rows.newest_handoff_id(conn)
    added: dict[str, int] = {}
    updated: dict[str, int] = {}
    for spec in EXCHANGED:
        if spec.table not in manifest["holds"] or spec.sent_by not in (role, BOTH):
            continue
        if spec.policy == OWNED:
            if role != HOME:
                continue
            if spec.same_by:
                rows.adopt_same(conn, spec.table, spec.same_by, spec.key)
            if not stale:
                if spec.table == "operator":
                    rows.forgive_tries_on_new_pins(conn)
                updated[spec.table] = rows.replace_changed(conn, spec.table, spec.refs, spec.key)
        added[spec.table] = rows.append_new(conn, spec.table, spec.refs, spec.key)
        left = rows.unresolved(conn, spec.table, spec.key)
        if left:
            raise BadInput("sync_rows_unknown", path=str(path), count=left, table=spec.table)
    first_time = rows.record_merge(conn, {
        "file_uuid": manifest["file_uuid"], "station": manifest["station"], "role": role,
        "made_at": manifest["made_at"], "merged_at": utc_now(),
        "home_made_at": manifest.get("home_made_at"),
        "known_bag_serial": manifest.get("known_bag_serial"),
        "added": json.dumps(added, sort_keys=True),
    })
    if first_time and (any(added.values()) or any(updated.values())):
        # A file merged again, or one whose rows came already with a later file, changes
        # nothing and says nothing (station_merge remembers it all the same).
        audit.record(conn, "sync_import", summary=f"{manifest['station']} · {path.name}", changes=[
            *((f"added.{table}", None, n) for table, n in counted(added).items() if n),
            *((f"updated.{table}", None, n) for table, n in counted(updated).items() if n),
        ])
    touched = rows.bags_with_handoffs_after(conn, before)
    open_doubles = sum(1 for row in rows.select_doubles(conn)
                       if row["bag_id"] in touched and (row["covered"] or 0) < row["n"])
    return ImportSummary(str(manifest["station"]), role, str(manifest["made_at"]), added,
                         {k: v for k, v in updated.items() if v}, open_doubles)


def init_gate(db_path: str | os.PathLike[str], path: str | os.PathLike[str], *,
              station: str | None = None,
              opener: Callable[[Path], Connection] = connect) -> tuple[Connection, ImportSummary]:
    """Make a new gate station's database at `db_path` from a lobby's exchange file: the lobby's
    compound without its secret, its roster, buys, bags, cards and handoffs. The file is made
    whole or not at all; an existing database is never overwritten."""
    db_path, path = Path(db_path), Path(path)
    name = one_line(station, MAX_NAME) if station is not None else ""
    if station is not None and not name:
        raise BadInput("sync_station_empty", "station")
    if db_path.exists() and db_path.stat().st_size > 0:
        raise BadInput("sync_gate_db_exists", path=str(db_path))
    _readable_file(None, path)
    conn = opener(db_path)
    try:
        summary = _become_gate(conn, path, name)
    except BaseException:
        conn.close()
        rows.remove_file(db_path)
        raise
    return conn, summary


def may_become_gate(conn: Connection) -> bool:
    """A lobby file that holds nothing yet (just made, on the gate's laptop) may become a gate."""
    return rows.role(conn) == HOME and not rows.holds_anything(conn)


def make_gate_here(conn: Connection, path: str | os.PathLike[str]) -> ImportSummary:
    """Make this new, empty database a gate station from a lobby's exchange file, keeping this
    station's name; the connection's keys are those of the file before, so open it again after."""
    path = Path(path)
    _readable_file(conn, path)
    if not may_become_gate(conn):
        raise BadInput("sync_gate_needs_empty", path=str(conn.path))
    return _become_gate(conn, path, "")


def _become_gate(conn: Connection, path: Path, name: str) -> ImportSummary:
    """The lobby's compound without its secret, its rows and events: one transaction."""
    with rows.attached(conn, path, write=False):
        manifest = _checked(conn, path, new_gate=True)
        with transaction(conn):
            rows.become_gate_of(conn, str(manifest["compound_uuid"]),
                                str(manifest.get("compound_name") or ""),
                                str(manifest.get("compound_address") or ""),
                                str(manifest.get("compound_created_at") or utc_now()))
            was = conn.station
            rows.set_role(conn, GATE)
            if name:
                rows.set_station(conn, name)
                conn.station = name  # the lines below are this gate's
            try:
                audit.record(conn, "station", summary=conn.station, changes=[
                    ("station_role", HOME, GATE), *((("station", was, name),) if name and name != was else ())])
                summary = _merge(conn, manifest, path)
            except BaseException:
                conn.station = was
                raise
    return summary
