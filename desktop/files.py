"""Files the program writes for people (exports, sheets, PDFs): all of it or nothing, only ever a
regular file, and spreadsheets whose cells cannot run anything when opened."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from desktop.db.backup import sync_folder
from desktop.errors import BadInput


def refuse_unless_regular(path: Path, *, code: str = "export_unwritable", field: str | None = "file") -> None:
    """An output path must be a regular file or nothing yet: never a FIFO, device, socket or symlink.

    Writing to a FIFO blocks until someone reads; to a device or through a symlink it lands
    somewhere the user never chose.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except (OSError, ValueError) as exc:
        raise BadInput(code, field, path=str(path)) from exc
    if stat.S_ISLNK(info.st_mode):
        raise BadInput("output_is_link", field, path=str(path))
    if stat.S_ISDIR(info.st_mode):
        raise BadInput(code, field, path=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise BadInput("output_not_regular", field, path=str(path))


def _mode_for(target: Path) -> int:
    """The permission bits the new file gets: the replaced file's, else what the umask allows."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextlib.contextmanager
def written_atomically(
    path: str | os.PathLike[str], *, code: str = "export_unwritable", field: str = "file",
    mode: int | None = None,
) -> Iterator[BinaryIO]:
    """A binary file to write; it replaces `path` only when the block ends well, synced to disk.

    A failure or a cancel leaves the target as it was and no partial file behind; a path that
    cannot be written is BadInput(`code`) naming it, and one that is not a regular file (a FIFO,
    a device, a socket, a symlink) is refused before anything is written. The new file keeps the
    permission bits of the one it replaces; `mode` forces them (0o600 for a secret).
    """
    target = Path(path)
    refuse_unless_regular(target, code=code, field=field)
    if not target.parent.is_dir():
        raise BadInput(code, field, path=str(target))
    bits = _mode_for(target) if mode is None else mode
    try:
        # mkstemp makes the file readable by its owner only from its first moment.
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".partial", dir=target.parent
        )
    except (OSError, ValueError) as exc:
        raise BadInput(code, field, path=str(target)) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            if hasattr(os, "fchmod"):
                os.fchmod(out.fileno(), bits)
            os.fsync(out.fileno())
        refuse_unless_regular(target, code=code, field=field)  # nothing swapped in while it was written
        os.replace(temporary, target)
        sync_folder(target.parent)
    except OSError as exc:
        raise BadInput(code, field, path=str(target)) from exc
    finally:
        with contextlib.suppress(OSError):
            Path(temporary).unlink(missing_ok=True)


# ---- spreadsheets for people ------------------------------------------------------------------

# What Excel, WPS and LibreOffice read as the start of a formula (or slip before one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def is_formula_like(value: object) -> bool:
    """Text a spreadsheet would run or mangle; a plain number written as text (-3.50) is not."""
    return (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and _NUMBER.fullmatch(value) is None
    )


def csv_cell(value: object) -> object:
    """A CSV cell that opens as what it says: formula-like text gains a leading apostrophe."""
    if value is None:
        return ""
    if is_formula_like(value):
        return "'" + value
    return value


def unguarded(text: str) -> str:
    """A cell read back from a CSV this program wrote: the apostrophe `csv_cell` added comes off."""
    if text.startswith("'") and is_formula_like(text[1:]):
        return text[1:]
    return text


def spreadsheet_csv(rows: Iterable[Iterable[object]], *, bom: bool = True, lineterminator: str = "\r\n") -> bytes:
    """Rows as CSV bytes for people to open in Excel or WPS (UTF-8 with a BOM, which is what makes
    Excel on a Chinese Windows machine read UTF-8 instead of GBK). Every cell goes through
    `csv_cell`; `None` is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=lineterminator)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    text = out.getvalue()
    return text.encode("utf-8-sig" if bom else "utf-8")


def xlsx_cell(sheet, value: object) -> object:
    """An XLSX cell that opens as what it says: text is always a string cell, never a formula.

    openpyxl stores any text starting with "=" as a formula; a number stays a number.
    """
    if not is_formula_like(value):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value)  # `append` takes one in a normal and a write-only sheet
    cell.data_type = "s"
    return cell


def xlsx_row(sheet, row: Iterable[object]) -> list[object]:
    """A row for `sheet.append`, every cell made safe by `xlsx_cell`."""
    return [xlsx_cell(sheet, value) for value in row]
