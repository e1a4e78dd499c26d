"""Reading a roster file into rows: CSV in any Chinese encoding or XLSX, refused when it is not a
roster (another format, mixed encodings, too large), and its header found below any title rows."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path

from desktop.errors import BadInput, Cancelled
from desktop.files import unguarded
from desktop.text import plain
from desktop.xlsx_reader import MAX_UNPACKED

ShouldCancel = Callable[[], bool]

STEP = 200  # rows between progress reports and cancel checks

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
_HEADER_SEARCH_ROWS = 10  # title rows above the header ("XX小区住户名单") are skipped up to here
_DELIMITERS = (",", "\t", ";")
_MAX_BYTES = 64 * 1024 * 1024  # far above any compound's roster; stops a wrongly chosen video
MAX_ROWS = 50_000  # households: several times the largest compound
_MAX_SCANNED_ROWS = 10 * MAX_ROWS  # rows read at all, blank ones included

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


# ---- reading a file into rows ---------------------------------------------------------------

Rows = Iterator[tuple[int, list]]  # (line in the file, cleaned cells)


def read_roster(
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
        if count % (STEP * 5) == 0:
            check_cancel(should_cancel)
        if not _blank(cells):
            collected.append((line, cells))
        if len(collected) > MAX_ROWS or count >= _MAX_SCANNED_ROWS:
            raise BadInput("roster_too_many_rows", "file", path=str(path), maximum=MAX_ROWS)
    return collected


# ---- recognising the header -----------------------------------------------------------------


def _header_key(value: object) -> str:
    text = plain(value).lower()
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


def header_field(value: object) -> tuple[str, bool] | None:
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
YES = frozenset({"是", "有", "√", "✓", "✔", "y", "yes", "1", "true", "●", "需要", "x"})


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
        found = header_field(value)
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


def check_cancel(should_cancel: ShouldCancel | None) -> None:
    if should_cancel is not None and should_cancel():
        raise Cancelled()
