"""Cell values of an .xlsx workbook, read fast: a 20,000-row order export in well under a second.

openpyxl builds an object for every cell and needs seconds for a large export; this streams each
sheet's XML and keeps only the values. A formula gives its cached result, or None when the file
was saved without one. Merged cells are empty except their top-left cell, as in Excel.

A sheet is read in pieces as it is unpacked, never whole, and a workbook whose sheets would unpack
past `MAX_UNPACKED` is refused by the sizes its zip declares, before anything is unpacked: a file
of a few hundred kilobytes can hold gigabytes of repeated XML.
"""

from __future__ import annotations

import codecs
import functools
import html
import posixpath
import re
import zipfile
from collections.abc import Iterator
from os import PathLike
from xml.etree import ElementTree

_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
# The grammar of a sheet's cells is small and regular, so regular expressions read it several
# times faster than an XML parser; namespace prefixes (`<x:c>`) are allowed.
_T = re.compile(r"<(?:\w+:)?t(?:\s[^>]*)?>(.*?)</(?:\w+:)?t>", re.S)
_SI = re.compile(r"<(?:\w+:)?si(?:\s[^>]*)?>(.*?)</(?:\w+:)?si>|<(?:\w+:)?si\s*/>", re.S)
_PHONETIC = re.compile(r"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.S)
_T_ATTR = re.compile(r"\st\s*=\s*[\"'](\w+)[\"']")
_R_ATTR = re.compile(r"\br\s*=\s*[\"']([A-Z]*)(\d*)[\"']")
_INTEGER = re.compile(r"-?\d{1,15}")
MAX_UNPACKED = 200 * 1024 * 1024  # bytes of sheet and shared-string XML, unpacked
_CHUNK = 1 << 20


class XlsxError(Exception):
    """The file is not a readable .xlsx workbook."""


class WorkbookTooLarge(Exception):
    """The workbook's sheets would unpack past MAX_UNPACKED bytes (`size` says how far)."""

    def __init__(self, size: int) -> None:
        super().__init__(f"sheets unpack to {size} bytes")
        self.size = size


def unpacked_size(path: str | PathLike[str]) -> int | None:
    """How many bytes the sheets and shared strings of a zip declare, or None if not a zip."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(info.file_size for info in archive.infolist()
                       if _counts_toward_size(info.filename))
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _counts_toward_size(name: str) -> bool:
    name = name.lower()
    return name.endswith(".xml") and (name.startswith("xl/worksheets/")
                                      or name.startswith("xl/sharedstrings"))


def check_size(path: str | PathLike[str], limit: int = MAX_UNPACKED) -> None:
    """WorkbookTooLarge when the workbook's sheets would unpack past `limit` bytes."""
    size = unpacked_size(path)
    if size is not None and size > limit:
        raise WorkbookTooLarge(size)


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _column(ref: str) -> int:
    number = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            number = number * 26 + ord(ch) - 64
        else:
            break
    return number - 1


class Workbook:
    def __init__(self, path: str | PathLike[str]) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
            size = sum(info.file_size for info in self._zip.infolist()
                       if _counts_toward_size(info.filename))
            if size > MAX_UNPACKED:
                self._zip.close()
                raise WorkbookTooLarge(size)
            names = self._zip.namelist()
            self._members = {name.lower(): name for name in names}
            root = ElementTree.fromstring(self._read("xl/workbook.xml"))
        except (zipfile.BadZipFile, OSError, KeyError, ElementTree.ParseError, ValueError) as exc:
            raise XlsxError(str(exc)) from exc
        self._ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
        targets = self._sheet_targets()
        self.sheets: dict[str, str] = {}
        for sheet in root.iter(self._ns + "sheet"):
            rel = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            if rel in targets:
                self.sheets[sheet.get("name", "")] = targets[rel]
        self._strings: list[str] | None = None

    @property
    def sheet_names(self) -> list[str]:
        return list(self.sheets)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self, name: str) -> bytes:
        return self._zip.read(self._members[name.lower()])

    def _open(self, name: str):
        return self._zip.open(self._members[name.lower()])

    def _sheet_targets(self) -> dict[str, str]:
        try:
            root = ElementTree.fromstring(self._read("xl/_rels/workbook.xml.rels"))
        except KeyError:
            return {}
        targets = {}
        for rel in root:
            target = rel.get("Target", "")
            if target.startswith("/"):
                path = target.lstrip("/")
            else:
                path = posixpath.normpath(posixpath.join("xl", target))
            targets[rel.get("Id", "")] = path
        return targets

    def _shared_strings(self) -> list[str]:
        if self._strings is None:
            strings: list[str] = []
            if "xl/sharedstrings.xml" in self._members:
                xml = self._read("xl/sharedStrings.xml").decode("utf-8")
                for match in _SI.finditer(xml):
                    body = match.group(1) or ""
                    if "rPh" in body:  # phonetic runs are not part of the text
                        body = _PHONETIC.sub("", body)
                    strings.append(_text(body))
            self._strings = strings
        return self._strings

    def dimension_rows(self, sheet: str) -> int | None:
        """The row count the sheet declares at its top, when it does (for a progress bar)."""
        try:
            with self._open(self.sheets[sheet]) as stream:
                head = stream.read(4096).decode("utf-8", "ignore")
        except (KeyError, OSError, zipfile.BadZipFile):
            return None
        match = re.search(r'<(?:\w+:)?dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"', head)
        return int(match.group(1)) if match and match.group(1) else None

    def count_rows(self, sheet: str, stop_after: int | None = None) -> int:
        """How many `<row` elements the sheet holds, counted as it unpacks without reading them;
        counting stops once past `stop_after`."""
        count = 0
        tail = b""
        try:
            with self._open(self.sheets[sheet]) as stream:
                while True:
                    data = stream.read(_CHUNK)
                    block = tail + data
                    # A row start in the last few bytes may be cut short: it is counted with
                    # the next block, which begins with those bytes.
                    cut = len(block) - 8 if data else len(block)
                    count += sum(1 for match in _ROW_START.finditer(block) if match.start() < cut)
                    tail = block[cut:]
                    if not data or (stop_after is not None and count > stop_after):
                        return count
        except (KeyError, OSError, zipfile.BadZipFile, EOFError) as exc:
            raise XlsxError(str(exc)) from exc

    def _pieces(self, sheet: str) -> Iterator[str]:
        """The sheet's XML as text, a megabyte or so at a time."""
        decoder = codecs.getincrementaldecoder("utf-8")()
        with self._open(self.sheets[sheet]) as stream:
            while True:
                data = stream.read(_CHUNK)
                if not data:
                    rest = decoder.decode(b"", final=True)
                    if rest:
                        yield rest
                    return
                yield decoder.decode(data)

    def rows(self, sheet: str, columns: frozenset[int] | None = None
             ) -> Iterator[tuple[int, list[object]]]:
        """(row number from 1, cell values from column A) for every row that holds something.

        With `columns` (indexes from 0), only those cells are read: the others stay None.
        """
        try:
            strings = self._shared_strings()
            pieces = self._pieces(sheet)
            xml = ""
            found = None
            for piece in pieces:
                xml += piece
                found = _SHEET_DATA.search(xml)
                if found is not None and xml.find("<", found.end()) >= 0:
                    break
            if found is None:
                return
            prefix = found.group(1) or ""
            xml = xml[found.end():]
            while f"<{prefix}c " not in xml and f"</{prefix}sheetData" not in xml:
                piece = next(pieces, None)
                if piece is None:
                    break
                xml += piece
        except (KeyError, OSError, zipfile.BadZipFile, UnicodeDecodeError, EOFError) as exc:
            raise XlsxError(str(exc)) from exc
        row_pattern, cell_pattern, v_pattern, t_pattern = _patterns(prefix)
        first_cell = xml.find(f"<{prefix}c ")
        if columns is not None and first_cell >= 0 and xml.startswith(f'<{prefix}c r="', first_cell):
            # Cells name their column first (Excel, WPS and openpyxl all do): let the pattern
            # pass over the columns not wanted, which is several times faster than Python.
            cell_pattern = _wanted_cells(prefix, tuple(sorted(_letters(c) for c in columns)))
        row_end = f"</{prefix}row>"
        letters_seen: dict[str, int] = {}
        kinds: dict[str, str | None] = {}  # a cell's attributes recur: ' t="s"', ' s="3" t="n"'
        inline_start, inline_end = f"<{prefix}is><{prefix}t>", f"</{prefix}t></{prefix}is>"
        inline_cut, inline_tail = len(inline_start), -len(inline_end)
        row_number = 0
        finished = False
        try:
            while True:
                # Whole rows only: up to the last row end seen; the rest waits for more text.
                cut = xml.rfind(row_end)
                if finished:
                    block, xml = xml, ""
                elif cut < 0:
                    block = ""
                else:
                    block, xml = xml[:cut + len(row_end)], xml[cut + len(row_end):]
                for row in row_pattern.finditer(block):
                    number = _R_ATTR.search(row.group(1))
                    row_number = int(number.group(2)) if number else row_number + 1
                    body = row.group(2)
                    if not body:
                        continue
                    values: list[object] = []
                    column = -1
                    for letters, attrs, inner in cell_pattern.findall(body):
                        if not letters:
                            ref = _R_ATTR.search(attrs)
                            letters = ref.group(1) if ref else ""
                        if letters:
                            column = letters_seen.get(letters, -1)
                            if column < 0:
                                column = letters_seen[letters] = _column(letters)
                        else:
                            column += 1
                        if not inner or (columns is not None and column not in columns):
                            continue
                        if attrs in kinds:
                            kind = kinds[attrs]
                        else:
                            found_kind = _T_ATTR.search(attrs)
                            kind = kinds[attrs] = found_kind.group(1) if found_kind else None
                        if kind == "inlineStr":
                            text = inner[inline_cut:inline_tail]
                            if (inner.startswith(inline_start) and inner.endswith(inline_end)
                                    and "<" not in text):
                                value: object = text
                                if "&" in text or "_x" in text:
                                    value = _unescape(html.unescape(text))
                            else:
                                value = _text(inner, t_pattern)
                        else:
                            match = v_pattern.search(inner)
                            value = _value(kind, match.group(1), strings) if match else None
                        if value is not None and value != "":
                            if column >= len(values):
                                values.extend([None] * (column + 1 - len(values)))
                            values[column] = value
                    if values:
                        yield row_number, values
                if finished:
                    return
                piece = next(pieces, None)
                if piece is None:
                    finished = True
                else:
                    xml += piece
        except (IndexError, ValueError) as exc:
            raise XlsxError(str(exc)) from exc
        except (OSError, zipfile.BadZipFile, EOFError) as exc:
            raise XlsxError(str(exc)) from exc


_SHEET_DATA = re.compile(r"<(\w+:)?sheetData\b[^>]*>")
_ROW_START = re.compile(rb"<(?:\w+:)?row[\s>/]")


def _letters(column: int) -> str:
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@functools.lru_cache(maxsize=8)
def _wanted_cells(prefix: str, letters: tuple[str, ...]) -> re.Pattern[str]:
    p = re.escape(prefix)
    return re.compile(rf'<{p}c\s+r="({"|".join(letters)})\d+"([^>]*?)(?:/>|>(.*?)</{p}c>)', re.S)


@functools.lru_cache(maxsize=4)
def _patterns(prefix: str) -> tuple[re.Pattern[str], ...]:
    """The patterns for one namespace prefix (`x:` in files written by the OpenXML SDK)."""
    p = re.escape(prefix)
    return (
        re.compile(rf"<{p}row\b([^>]*?)(?:/>|>(.*?)</{p}row>)", re.S),
        re.compile(rf'<{p}c(?:\s+r="([A-Z]+)\d*")?([^>]*?)(?:/>|>(.*?)</{p}c>)', re.S),
        re.compile(rf"<{p}v(?:\s[^>]*)?>([^<]*)</{p}v>"),
        re.compile(rf"<{p}t(?:\s[^>]*)?>([^<]*)</{p}t>"),
    )


def _text(body: str, pattern: re.Pattern[str] | None = None) -> str:
    text = "".join((pattern or _T).findall(body))
    if "&" in text:
        text = html.unescape(text)
    return _unescape(text)


def _value(kind: str | None, text: str, strings: list[str]) -> object:
    if kind == "s":
        return strings[int(text)]
    if kind == "str" or kind == "d":
        if "&" in text:
            text = html.unescape(text)
        return _unescape(text)
    if kind == "b":
        return text.strip() == "1"
    if kind == "e":
        return None
    if _INTEGER.fullmatch(text):
        return int(text)
    return float(text)
