"""Roster files in and out: a committee's CSV or Excel list becomes households, and back again.

Import reads the whole file before touching the database, so a file that cannot be read changes
nothing; its rows are then applied in one transaction. Export writes beside the target and swaps.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from desktop import audit
from desktop.db import households as household_rows
from desktop.db.connection import Connection, refuse_own_file, transaction
from desktop.errors import BadInput
from desktop.files import spreadsheet_csv, written_atomically, xlsx_cell
from desktop.lang import current_language
from desktop.lang import normalise as normalise_lang
from desktop.roster import households
from desktop.roster.roster_file import STEP, YES, check_cancel, read_roster
from desktop.safekeeping.backups import backup_before_import
from desktop.words import Word, describe, say

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]

EXPORT_COLUMNS = (
    "address", "building", "entrance", "room", "name", "phone", "people", "flags", "delivery",
    "notes",
)

# Fields whose blank cell keeps what the database already holds for that household.
_KEPT_WHEN_BLANK = {
    "name": ("name", "name_initials"),
    "phone": ("phone",),
    "people": ("people",),
    "flags": ("flags",),
    "delivery": ("delivery",),
    "notes": ("notes",),
}
# The fields a re-import compares one by one; each is a column of `roster export`.
COMPARED_FIELDS = ("name", "phone", "people", "flags", "delivery", "notes")
_BLANK_VALUES = {"name": "", "phone": "", "people": 1, "flags": "", "delivery": "pickup", "notes": ""}
PREFERENCES = ("program", "file")
_SUMMARY_SKIPPED = 20  # skipped lines a summary names; the JSON has them all



@dataclass
class SkippedRow:
    line: int
    reason: str


@dataclass(frozen=True)
class FieldChange:
    """One field of one household that the import changes: `old` → `new`."""

    address: str
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class Conflict:
    """A field edited in the program since the last import that the file also gives, differently."""

    address: str
    field: str
    program: object
    file: object
    kept: str  # "program" or "file"


@dataclass
class ImportReport:
    added: int
    updated: int
    unchanged: int
    skipped: list[SkippedRow]
    dry_run: bool = False
    changes: list[FieldChange] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    not_in_file: list[str] = field(default_factory=list)
    new_households: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": [{"line": row.line, "reason": row.reason} for row in self.skipped],
            "changes": [
                {"address": c.address, "field": c.field, "old": c.old, "new": c.new}
                for c in self.changes
            ],
            "conflicts": [
                {"address": c.address, "field": c.field, "program": c.program, "file": c.file,
                 "kept": c.kept}
                for c in self.conflicts
            ],
            "not_in_file": list(self.not_in_file),
        }

    def summary(self, lang: str) -> str:
        """A few lines for people: the counts, whether anything was saved, and skipped lines."""
        lang = normalise_lang(lang)
        shown = self.skipped[:_SUMMARY_SKIPPED]
        lines = [say("roster.summary", lang, added=self.added, updated=self.updated,
                     unchanged=self.unchanged, skipped=len(self.skipped))]
        if self.dry_run:
            lines.append(say("roster.dry_run", lang))
        if self.changes:
            lines.append(say("roster.changes", lang, n=len(self.changes)))
            lines += [say("roster.change", lang, address=c.address, field=Word("household_field", c.field),
                          old=c.old, new=c.new) for c in self.changes[:_SUMMARY_SKIPPED]]
            if len(self.changes) > _SUMMARY_SKIPPED:
                lines.append(say("roster.more_changes", lang, n=len(self.changes) - _SUMMARY_SKIPPED))
        if self.conflicts:
            lines.append(say("roster.conflicts", lang, n=len(self.conflicts)))
            lines += [say("roster.conflict", lang, address=c.address, field=Word("household_field", c.field),
                          program=c.program, file=c.file, kept=Word("roster_side", c.kept))
                      for c in self.conflicts[:_SUMMARY_SKIPPED]]
        if self.not_in_file:
            lines.append(say("roster.not_in_file", lang, n=len(self.not_in_file),
                             addresses=say("list_comma", lang).join(self.not_in_file[:_SUMMARY_SKIPPED])))
        if shown:
            lines.append(say("roster.skipped_rows", lang))
            lines += [say("roster.skipped_row", lang, line=row.line, reason=row.reason) for row in shown]
        if len(self.skipped) > len(shown):
            lines.append(say("roster.more_skipped", lang, n=len(self.skipped) - len(shown)))
        return "\n".join(lines)



# ---- import ---------------------------------------------------------------------------------


class _DryRun(Exception):
    """Raised inside the import's transaction so that a dry run rolls back what it did."""


def import_roster(
    conn: Connection,
    path: str | os.PathLike[str],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    lang: str | None = None,
    prefer: str = "program",
    choices: Mapping[tuple[str, str], str] | None = None,
) -> ImportReport:
    """Add or update a household for every row of a roster file, in one transaction.

    Rows that cannot be understood are skipped and reported by line; a file that cannot be read
    at all raises BadInput and changes nothing. A dry run does the same work and rolls it back.
    Every field that changes is reported old → new. A field edited in the program since the last
    import that the file gives differently is a conflict: the program's value is kept unless
    `prefer` is "file", or `choices[(address, field)]` says otherwise for that one field.
    """
    lang = normalise_lang(lang) if lang else current_language()
    if prefer not in PREFERENCES:
        raise BadInput("roster_prefer_invalid", "prefer", text=str(prefer))
    path = Path(path)
    refuse_own_file(conn, path)
    columns, rows = read_roster(path, should_cancel)
    if not dry_run:
        backup_before_import(conn)
    report = ImportReport(added=0, updated=0, unchanged=0, skipped=[], dry_run=dry_run)
    decide = _Decider(prefer, choices or {})
    try:
        with transaction(conn):
            _apply(conn, columns, rows, report, lang, progress, should_cancel, decide)
            audit.record(conn, "roster_import", summary=path.name, changes=[
                ("added", None, report.added), ("updated", None, report.updated),
                ("skipped", None, len(report.skipped))])
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def _apply(
    conn: Connection,
    columns: dict[str, int],
    rows: list[tuple[int, list]],
    report: ImportReport,
    lang: str,
    progress: Progress | None,
    should_cancel: ShouldCancel | None,
    decide: _Decider,
) -> None:
    # One read of the roster instead of one SELECT per row; an address written during this
    # import is read again only if the file repeats it.
    known = {row["address"]: row for row in household_rows.select_all(conn)}
    baseline = _load_baseline(conn)
    new_baseline = dict(baseline or {})
    in_file: set[str] = set()
    written: set[str] = set()
    total = len(rows)
    for done, (line, cells) in enumerate(rows):
        if done % STEP == 0:
            check_cancel(should_cancel)
            if progress:
                progress(done, total)
        try:
            values, given = _row_values(columns, cells)
        except BadInput as error:
            report.skipped.append(SkippedRow(line, describe(error, lang)))
            # A household whose row is skipped for its phone is still in the file.
            named = _row_address(columns, cells)
            if named:
                in_file.add(named)
            continue
        address = values["address"]
        if address in written:
            known[address] = household_rows.select_by_address(conn, address)
            written.discard(address)
        repeated = address in in_file
        in_file.add(address)
        existing = known.get(address)
        said = {name: values[name] for name in COMPARED_FIELDS if name in given}
        if existing is not None:
            for name, keys in _KEPT_WHEN_BLANK.items():
                if name not in given:
                    values.update({key: existing[key] for key in keys})
            # A file that names an address twice is its own authority on the second row.
            edited = set() if repeated else _edited_fields(existing, baseline)
            for name in COMPARED_FIELDS:
                old, new = existing[name], values[name]
                if old == new:
                    continue
                if name in edited:
                    kept = decide(address, name)
                    report.conflicts.append(Conflict(address, name, old, new, kept))
                    if kept == "program":
                        values.update({key: existing[key] for key in _KEPT_WHEN_BLANK[name]})
                        continue
                report.changes.append(FieldChange(address, name, old, new))
        else:
            report.new_households.append(address)
        remembered = dict(new_baseline.get(address) or {})
        remembered.update(said)
        new_baseline[address] = remembered
        outcome = households.save_values(conn, values, existing)
        if outcome == "added":
            report.added += 1
        elif outcome == "updated":
            report.updated += 1
            audit.record(conn, "roster_import", household_id=existing["id"], summary=address,
                         changes=audit.differences(dict(existing), values, households.AUDITED))
        else:
            report.unchanged += 1
        if outcome != "unchanged":
            written.add(address)
    check_cancel(should_cancel)
    report.not_in_file = [
        address for address, row in known.items() if row["active"] and address not in in_file
    ]
    household_rows.store_import_baseline(conn, json.dumps(new_baseline, ensure_ascii=False))
    if progress:
        progress(total, total)


class _Decider:
    """Which value a conflict keeps: the volunteer's choice for that field, else the preference."""

    def __init__(self, prefer: str, choices: Mapping[tuple[str, str], str]) -> None:
        self.prefer = prefer
        self.choices = choices

    def __call__(self, address: str, name: str) -> str:
        chosen = self.choices.get((address, name), self.prefer)
        return chosen if chosen in PREFERENCES else self.prefer


def _load_baseline(conn: Connection) -> dict[str, dict] | None:
    stored = household_rows.select_import_baseline(conn)
    if stored is None:
        return None
    try:
        found = json.loads(stored)
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def _edited_fields(existing, baseline: dict[str, dict] | None) -> set[str]:
    """The fields of a stored household edited in the program since the last import.

    Before any import has been remembered, what is stored counts as imported. A household no
    import has named was added in the program: whatever was typed for it counts as edited.
    """
    if baseline is None:
        return set()
    said = baseline.get(existing["address"])
    if not isinstance(said, dict):
        return {name for name in COMPARED_FIELDS if existing[name] != _BLANK_VALUES[name]}
    return {name for name in COMPARED_FIELDS if name in said and existing[name] != said[name]}


def _row_values(columns: dict[str, int], cells: list) -> tuple[dict, set[str]]:
    """The checked values of one row, and which of the keepable fields the row actually gave."""

    def cell(name: str) -> object:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    flags = cell("flags")
    chosen = set(households.flags_from_text(None if flags is None else str(flags)))
    ticked = [(name[5:], cell(name)) for name in columns if name.startswith("flag:")]
    chosen.update(flag for flag, value in ticked
                  if value is not None and str(value).strip().lower() in YES)
    rest = {
        "name": cell("name") or "",
        "phone": cell("phone") or "",
        "people": cell("people"),
        "flags": tuple(flag for flag in households.FLAGS if flag in chosen),
        "delivery": cell("delivery") or "pickup",
        "notes": cell("notes") or "",
        "active": True,  # a household on the committee's list lives there
    }
    given = {name for name in _KEPT_WHEN_BLANK if cell(name) is not None}
    if any(value is not None for _flag, value in ticked):
        given.add("flags")
    address, building, entrance, room = (
        cell("address"), cell("building"), cell("entrance"), cell("room")
    )
    if building is not None and room is not None:
        return households.values_from_parts(building, entrance, room, **rest), given
    if address is not None:
        try:
            fields = households.HouseholdFields(address=str(address), **rest)
            return households.validate(fields), given
        except BadInput as error:
            if building is None or error.field != "address":
                raise
            first = error
        # "楼号 | 门牌号" rosters put the room alone in the door-number column.
        try:
            return households.values_from_parts(building, entrance, address, **rest), given
        except BadInput as error:
            if error.field in ("building", "entrance", "room"):
                raise first from None
            raise
    if building is None and entrance is None and room is None:
        raise BadInput("address_empty", "address")
    return households.values_from_parts(building, entrance, room, **rest), given


def _row_address(columns: dict[str, int], cells: list) -> str | None:
    """The address a row names, whatever is wrong elsewhere in it; None if it names none."""
    from desktop.roster.address import address_from_parts, parse_address

    def cell(name: str) -> object:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    try:
        if cell("address") is not None and cell("building") is None:
            return parse_address(str(cell("address"))).canonical
        room = cell("room") if cell("room") is not None else cell("address")
        return address_from_parts(cell("building"), cell("entrance"), room).canonical
    except BadInput:
        return None


# ---- export ---------------------------------------------------------------------------------


def export_roster(
    conn: Connection,
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> int:
    """Write the active households to a .csv (UTF-8 with BOM) or .xlsx file; how many were written."""
    path = Path(path)
    kind = path.suffix.lower()
    if kind not in (".csv", ".xlsx"):
        raise BadInput("export_format_unknown", "file", path=str(path))
    chosen = households.list_households(conn, active_only=True)
    total = len(chosen)
    table = []
    for done, household in enumerate(chosen):
        if done % STEP == 0:
            check_cancel(should_cancel)
            if progress:
                progress(done, total)
        table.append(_export_row(household))
    check_cancel(should_cancel)
    if kind == ".csv":
        with written_atomically(path) as file:
            file.write(_csv_bytes(table))
    else:
        with written_atomically(path) as file:
            _write_xlsx(file, table)
    if progress:
        progress(total, total)
    return total


def _export_row(household: households.Household) -> list:
    return [
        household.address,
        household.building,
        household.entrance,
        household.room,
        household.name,
        household.phone,
        household.people,
        ";".join(household.flags),
        household.delivery,
        household.notes,
    ]


def _csv_bytes(table: list[list]) -> bytes:
    return spreadsheet_csv([EXPORT_COLUMNS, *table])


def _write_xlsx(file: BinaryIO, table: list[list]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("roster")
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJ", (12, 9, 9, 8, 14, 14, 7, 24, 9, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.append(EXPORT_COLUMNS)
    for row in table:
        sheet.append([_text_cell(sheet, value) for value in row])
    workbook.save(file)


def _text_cell(sheet, value: object) -> object:
    return xlsx_cell(sheet, value)
