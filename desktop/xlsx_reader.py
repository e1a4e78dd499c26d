"""Cell values of an .xlsx workbook, read by calamine (python-calamine): a 20,000-row order export
in well under a second, with the cached result of a formula (None when the file was saved without
one), dates as dates, and merged cells empty except their top-left cell, as in Excel.

calamine reads a whole sheet into memory, so what is too large is refused before it reads: a
workbook whose sheets would unpack past `MAX_UNPACKED`, by the sizes its zip declares (a file of a
few hundred kilobytes can hold gigabytes of repeated XML), and a sheet of too many rows, by
counting its rows as the zip unpacks them without reading a cell (`count_rows`).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from os import PathLike
from xml.etree import ElementTree

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

MAX_UNPACKED = 200 * 1024 * 1024  # bytes of sheet and shared-string XML, unpacked
_CHUNK = 1 << 20
_ROW_START = re.compile(rb"<(?:\w+:)?row[\s>/]")
_DIMENSION = re.compile(r'<(?:\w+:)?dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')


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
            return _declared(archive)
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _declared(archive: zipfile.ZipFile) -> int:
    return sum(info.file_size for info in archive.infolist()
               if info.filename.lower().endswith(".xml")
               and info.filename.lower().startswith(("xl/worksheets/", "xl/sharedstrings")))


def check_size(path: str | PathLike[str], limit: int = MAX_UNPACKED) -> None:
    """WorkbookTooLarge when the workbook's sheets would unpack past `limit` bytes."""
    size = unpacked_size(path)
    if size is not None and size > limit:
        raise WorkbookTooLarge(size)


def _cell(value: object) -> object:
    """calamine's value as the program reads cells: nothing for an empty or error cell, a whole
    number as an int."""
    if value == "":
        return None
    if type(value) is float and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


class Workbook:
    def __init__(self, path: str | PathLike[str]) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise XlsxError(str(exc)) from exc
        try:
            size = _declared(self._zip)
            if size > MAX_UNPACKED:
                raise WorkbookTooLarge(size)
            self._book = CalamineWorkbook.from_path(str(path))
            self.sheet_names = [sheet.name for sheet in self._book.sheets_metadata
                                if sheet.typ == SheetTypeEnum.WorkSheet]
            self._parts = self._sheet_parts()
        except (CalamineError, zipfile.BadZipFile, OSError, KeyError, ValueError,
                ElementTree.ParseError) as exc:
            self._zip.close()
            raise XlsxError(str(exc)) from exc
        except WorkbookTooLarge:
            self._zip.close()
            raise

    def close(self) -> None:
        self._book.close()
        self._zip.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _sheet_parts(self) -> dict[str, str]:
        """The zip member of each sheet, by its name, from the workbook and its relationships."""
        members = {name.lower(): name for name in self._zip.namelist()}
        root = ElementTree.fromstring(self._zip.read(members["xl/workbook.xml"]))
        ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
        targets = {}
        if "xl/_rels/workbook.xml.rels" in members:
            for rel in ElementTree.fromstring(self._zip.read(members["xl/_rels/workbook.xml.rels"])):
                target = rel.get("Target", "")
                path = (target.lstrip("/") if target.startswith("/")
                        else posixpath.normpath(posixpath.join("xl", target)))
                targets[rel.get("Id", "")] = members.get(path.lower(), path)
        parts = {}
        for sheet in root.iter(ns + "sheet"):
            rel = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            if rel in targets:
                parts[sheet.get("name", "")] = targets[rel]
        return parts

    def dimension_rows(self, sheet: str) -> int | None:
        """The row count the sheet declares at its top, when it does (for a progress bar)."""
        try:
            with self._zip.open(self._parts[sheet]) as stream:
                head = stream.read(4096).decode("utf-8", "ignore")
        except (KeyError, OSError, zipfile.BadZipFile):
            return None
        match = _DIMENSION.search(head)
        return int(match.group(1)) if match and match.group(1) else None

    def count_rows(self, sheet: str, stop_after: int | None = None) -> int:
        """How many `<row` elements the sheet holds, counted as it unpacks without reading them;
        counting stops once past `stop_after`."""
        count = 0
        tail = b""
        try:
            with self._zip.open(self._parts[sheet]) as stream:
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

    def rows(self, sheet: str) -> Iterator[tuple[int, list[object]]]:
        """(row number from 1, cell values from column A) for every row that holds something."""
        try:
            grid = self._book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        except (CalamineError, ValueError, KeyError) as exc:
            raise XlsxError(str(exc)) from exc
        for number, row in enumerate(grid, 1):
            values = [_cell(value) for value in row]
            while values and values[-1] is None:
                values.pop()
            if values:
                yield number, values
