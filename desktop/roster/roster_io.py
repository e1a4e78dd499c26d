"""Roster files in and out: a committee's CSV or Excel list becomes households, and back again.

Import reads the whole file before touching the database, so a file that cannot be read changes
nothing; its rows are then applied in one transaction. Export writes beside the target and swaps.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from desktop.db import households as household_rows
from desktop.db.connection import Connection, refuse_own_file, transaction
from desktop.errors import BadInput, Cancelled
from desktop.files import spreadsheet_csv, unguarded, written_atomically, xlsx_cell
from desktop.lang import current_language
from desktop.lang import normalise as normalise_lang
from desktop.messages import describe
from desktop.roster import households
from desktop.safekeeping.backups import backup_before_import
from desktop.words import Word, say
from desktop.xlsx_reader import MAX_UNPACKED

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]

EXPORT_COLUMNS = (
    "address", "building", "entrance", "room", "name", "phone", "people", "flags", "delivery",
    "notes",
)

# Header words per field. Committees name their columns freely, so a header is also recognised
# when it merely contains one of these, except the single characters and short English words,
# which would turn up inside unrelated headers.
_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "address": ("address", "地址", "门牌", "门牌号", "住址", "详细地址", "家庭住址"),
    "building": ("building", "楼号", "楼栋", "楼栋号", "栋号", "栋", "幢", "楼"),
    "entrance": ("entrance", "unit", "单元", "单元号"),
    "room": ("room", "房号", "房间号", "房间", "室号", "室"),
    "name": ("name", "姓名", "户主", "联系人", "收货人"),
    "phone": ("phone", "mobile", "tel", "telephone", "电话", "手机", "手机号", "联系电话", "联系方式"),
    "people": ("people", "persons", "人数", "户内人数", "人口"),
    "flags": ("flags", "特殊情况", "情况", "标记"),
    "delivery": ("delivery", "配送方式", "配送", "送货方式"),
    "notes": ("notes", "note", "remarks", "remark", "备注"),
}
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
_HEADER_SEARCH_ROWS = 10  # title rows above the header ("XX小区住户名单") are skipped up to here
_DELIMITERS = (",", "\t", ";")
_MAX_BYTES = 64 * 1024 * 1024  # far above any compound's roster; stops a wrongly chosen video
MAX_ROWS = 50_000  # households: several times the largest compound
_MAX_SCANNED_ROWS = 10 * MAX_ROWS  # rows read at all, blank ones included
_STEP = 200  # rows between progress reports and cancel checks
_SUMMARY_SKIPPED = 20  # skipped lines a summary names; the JSON has them all

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OTHER_FORMATS = (
    b"%PDF", b"\xd0\xcf\x11\xe0",  # PDF; old Office files (.xls, .doc)
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!", b"SQLite format 3",
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control characters that never occur in a text file a spreadsheet program saved.
_CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v\x1a")
_CONTROL_BYTES = _CONTROLS.encode("ascii")
_DROP_CONTROLS = str.maketrans("", "", _CONTROLS)


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
    columns, rows = _read_roster(path, should_cancel)
    if not dry_run:
        backup_before_import(conn)
    report = ImportReport(added=0, updated=0, unchanged=0, skipped=[], dry_run=dry_run)
    decide = _Decider(prefer, choices or {})
    try:
        with transaction(conn):
            _apply(conn, columns, rows, report, lang, progress, should_cancel, decide)
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
        if done % _STEP == 0:
            _check_cancel(should_cancel)
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
        else:
            report.unchanged += 1
        if outcome != "unchanged":
            written.add(address)
    _check_cancel(should_cancel)
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
                  if value is not None and str(value).strip().lower() in _YES)
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


def _check_cancel(should_cancel: ShouldCancel | None) -> None:
    if should_cancel is not None and should_cancel():
        raise Cancelled()


# ---- reading a file into rows ---------------------------------------------------------------

Rows = Iterator[tuple[int, list]]  # (line in the file, cleaned cells)


def _read_roster(
    path: Path, should_cancel: ShouldCancel | None
) -> tuple[dict[str, int], list[tuple[int, list]]]:
    """The header's columns and every non-blank row below it, or BadInput for the whole file."""
    data = _read_bytes(path)
    if data.startswith(_ZIP_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, data, should_cancel)
    if data.startswith(_OTHER_FORMATS):
        raise BadInput("file_format_unknown", "file", path=str(path))
    text = _decode(data, path)
    best: tuple[tuple[int, int], dict[str, int], Rows] | None = None
    for delimiter in _DELIMITERS:
        found = _find_header(_csv_rows(text, delimiter, path))
        if found and (best is None or found[0] > best[0]):
            best = found
    if best is None:
        raise BadInput("roster_no_header", "file", path=str(path))
    return best[1], _collect(best[2], should_cancel, path)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES:
            raise BadInput(
                "file_too_large", "file", path=str(path), size=size // (1024 * 1024),
                maximum=_MAX_BYTES // (1024 * 1024),
            )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise BadInput("file_missing", "file", path=str(path)) from exc
    except OSError as exc:
        raise BadInput("file_unreadable", "file", path=str(path)) from exc


def _decode(data: bytes, path: Path) -> str:
    """Text from the file's bytes: a BOM decides, else UTF-8, else GB18030 (which covers GBK).

    Lines are judged one by one: a file whose lines were saved by different programs, some only
    readable as UTF-8 and others only as GBK, is refused naming the first line that differs
    rather than stored as mojibake.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-8-sig":
                _refuse_mixed_lines(data, path, "utf-8")
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise BadInput("file_encoding_unknown", "file", path=str(path)) from exc
            if _looks_binary(len(text), len(text) - len(text.translate(_DROP_CONTROLS)), text):
                raise BadInput("file_format_unknown", "file", path=str(path))
            return text
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if _looks_binary(len(data), controls, data):
        raise BadInput("file_format_unknown", "file", path=str(path))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    _refuse_mixed_lines(data, path, None)
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise BadInput("file_encoding_unknown", "file", path=str(path)) from exc


_ENCODING_NAMES = {"utf-8": "UTF-8", "gbk": "GBK"}


def _refuse_mixed_lines(data: bytes, path: Path, expected: str | None) -> None:
    """BadInput naming the first line that cannot be read the way the file's other lines are."""
    first: tuple[int, str] | None = (1, expected) if expected else None
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        utf8 = _reads_as(line, "utf-8")
        gbk = _reads_as(line, "gb18030")
        if not utf8 and not gbk:
            raise BadInput("file_line_encoding_unknown", "file", path=str(path), line=number)
        if utf8 and gbk:
            continue  # either reading is possible; the other lines decide
        this = "utf-8" if utf8 else "gbk"
        if first is None:
            first = (number, this)
        elif this != first[1]:
            raise BadInput(
                "file_encodings_mixed", "file", path=str(path), line=number,
                encoding=_ENCODING_NAMES[this], first=first[0], first_encoding=_ENCODING_NAMES[first[1]],
            )


def _reads_as(line: bytes, codec: str) -> bool:
    try:
        line.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _looks_binary(length: int, controls: int, content: str | bytes) -> bool:
    nul = "\x00" if isinstance(content, str) else b"\x00"
    return nul in content or controls > length // 100


def _csv_rows(text: str, delimiter: str, path: Path) -> Rows:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    try:
        for cells in reader:
            yield line, [_clean(value) for value in cells]
            # line_num counts physical lines, so a quoted cell spanning several moves it on by more.
            line = reader.line_num + 1
    except csv.Error as exc:
        raise BadInput("csv_unreadable", "file", path=str(path), line=line) from exc


def _read_xlsx(
    path: Path, data: bytes, should_cancel: ShouldCancel | None
) -> tuple[dict[str, int], list[tuple[int, list]]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise BadInput("xlsx_corrupt", "file", path=str(path)) from exc
    if not any(name.startswith("xl/") for name in names):
        # A zip that is not a workbook: a .docx, an .ods, an archive renamed.
        raise BadInput("file_format_unknown", "file", path=str(path))
    if unpacked > MAX_UNPACKED:
        # A small file can unpack to gigabytes: the sizes the zip declares are read first. Every
        # part counts, since openpyxl reads styles and the rest besides the sheets.
        raise BadInput("workbook_too_large", "file", path=str(path),
                       size=unpacked // (1024 * 1024), limit=MAX_UNPACKED // (1024 * 1024))

    from openpyxl import load_workbook  # slow to import, and only Excel files need it

    try:
        # A file object, not the path: openpyxl refuses paths whose ending is not .xlsx.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            # The sheet Excel opens on first, then the others; chart sheets have no rows.
            sheets = [workbook.active, *workbook.worksheets]
            for sheet in dict.fromkeys(s for s in sheets if hasattr(s, "reset_dimensions")):
                # Some programs write wrong sheet dimensions; read what is really there.
                sheet.reset_dimensions()
                downward = _merged_downward(data, getattr(sheet, "_worksheet_path", ""))
                rows = _filled_down(
                    ((number, [_clean(value) for value in values])
                     for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)),
                    downward,
                )
                found = _find_header(rows)
                if found:
                    return found[1], _collect(found[2], should_cancel, path)
        finally:
            workbook.close()
    except (BadInput, Cancelled):
        raise
    except Exception as exc:  # openpyxl fails on damaged files in many ways; all mean the same
        raise BadInput("xlsx_corrupt", "file", path=str(path)) from exc
    raise BadInput("roster_no_header", "file", path=str(path))


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
_MAX_MERGED_CELLS = 2 * _MAX_SCANNED_ROWS


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number - 1


def _merged_downward(data: bytes, part: str) -> dict[tuple[int, int], int]:
    """Cells under the top of a merged block, each with the row its value sits in: a committee
    merges the building cell over all of that building's rooms."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read(part) if part in archive.namelist() else b""
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return {}
    below: dict[tuple[int, int], int] = {}
    for first_col, first_row, _last_col, last_row in _MERGE.findall(xml):
        top, bottom, column = int(first_row), int(last_row), _column_number(first_col)
        if bottom - top + len(below) > _MAX_MERGED_CELLS:
            break
        for row in range(top + 1, bottom + 1):
            below[(row, column)] = top
    return below


def _filled_down(rows: Rows, below: dict[tuple[int, int], int]) -> Rows:
    if not below:
        yield from rows
        return
    tops = {(top, column) for (_row, column), top in below.items()}
    remembered: dict[tuple[int, int], object] = {}
    for number, cells in rows:
        for index, value in enumerate(cells):
            if (number, index) in tops:
                remembered[(number, index)] = value
        for index in range(len(cells)):
            top = below.get((number, index))
            if top is not None and cells[index] is None:
                cells[index] = remembered.get((top, index))
        yield number, cells


def _clean(value: object) -> object:
    """A cell as the rules want it: None when blank, whole floats (Excel's 301.0) as ints."""
    if value is None:
        return None
    if isinstance(value, str):
        return unguarded(value.strip()) or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _blank(cells: Iterable[object]) -> bool:
    return all(value is None for value in cells)


def _collect(rows: Rows, should_cancel: ShouldCancel | None, path: Path) -> list[tuple[int, list]]:
    """The non-blank rows, or BadInput as soon as there are more than a roster can hold."""
    collected = []
    for count, (line, cells) in enumerate(rows):
        if count % (_STEP * 5) == 0:
            _check_cancel(should_cancel)
        if not _blank(cells):
            collected.append((line, cells))
        if len(collected) > MAX_ROWS or count >= _MAX_SCANNED_ROWS:
            raise BadInput("roster_too_many_rows", "file", path=str(path), maximum=MAX_ROWS)
    return collected


# ---- recognising the header -----------------------------------------------------------------


def _header_key(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value)).lower()
    # Hints in brackets ("房号（如606）") say nothing about which column it is.
    text = re.sub(r"\(.*?\)|\[.*?\]|【.*?】|<.*?>|《.*?》", "", text)
    text = re.sub(r"[(\[【<《].*", "", text)
    return re.sub(r"[\s*:.,_\-#/\\'\"?\ufeff\u200b]+", "", text)


_EXACT = {_header_key(word): name for name, words in _HEADER_WORDS.items() for word in words}
_INSIDE = [
    (key, name)
    for key, name in _EXACT.items()
    if len(key) >= (4 if key.isascii() else 2)
]


def _header_field(value: object) -> tuple[str, bool] | None:
    """The field a header cell names and whether it named it exactly, or None."""
    key = _header_key(value)
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key], True
    best: tuple[int, int, str] | None = None
    for word, name in _INSIDE:
        at = key.rfind(word)
        if at >= 0:
            # Chinese puts the head noun last: 联系人电话 is a phone, 户主姓名 a name.
            rank = (at + len(word), len(word), name)
            if best is None or rank[:2] > best[:2]:
                best = rank
    return (best[2], False) if best else None


# A column of its own per situation, ticked 是/否 or √: 是否独居, 有无婴幼儿, 孕妇.
_FLAG_COLUMN_WORDS = (
    ("独居", "elderly_alone"), ("空巢", "elderly_alone"), ("婴", "infant"), ("孕", "pregnant"),
    ("慢性病", "chronic_medication"), ("用药", "chronic_medication"), ("残疾", "disability"),
    ("行动不便", "disability"), ("智能手机", "no_smartphone"),
)
_YES = frozenset({"是", "有", "√", "✓", "✔", "y", "yes", "1", "true", "●", "需要", "x"})


def _flag_column(value: object) -> str | None:
    text = _header_key(value)
    return next((flag for word, flag in _FLAG_COLUMN_WORDS if word in text), None)


def _header_columns(cells: list) -> tuple[tuple[int, int], dict[str, int]] | None:
    """The columns a row names, with how strongly, if it could be the header; else None."""
    columns: dict[str, int] = {}
    exact = 0
    for index, value in enumerate(cells):
        if value is None:
            continue
        found = _header_field(value)
        if found and found[0] not in columns:
            columns[found[0]] = index
            exact += found[1]
        elif not found:
            flag = _flag_column(value)
            if flag and f"flag:{flag}" not in columns:
                columns[f"flag:{flag}"] = index
    if "address" in columns or {"building", "room"} <= columns.keys():
        return (len(columns), exact), columns
    return None


def _find_header(rows: Rows) -> tuple[tuple[int, int], dict[str, int], Rows] | None:
    """The best header among the first few non-blank rows, and the rows that follow it."""
    seen: list[tuple[int, list]] = []
    best: tuple[tuple[int, int], dict[str, int], int] | None = None
    for line, cells in rows:
        if _blank(cells):
            continue
        seen.append((line, cells))
        found = _header_columns(cells)
        if found and (best is None or found[0] > best[0]):
            best = (found[0], found[1], len(seen))
        if len(seen) >= _HEADER_SEARCH_ROWS:
            break
    if best is None:
        return None
    score, columns, after = best
    return score, columns, chain(seen[after:], rows)


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
        if done % _STEP == 0:
            _check_cancel(should_cancel)
            if progress:
                progress(done, total)
        table.append(_export_row(household))
    _check_cancel(should_cancel)
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
