"""What every printed sheet shares: writing a PDF safely, and setting text that fits its space.

A PDF is drawn into a temporary file beside the target and moved into place only when finished,
so a cancelled or failed job never leaves half a file under the real name.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.errors import BadInput, Cancelled
from desktop.files import written_atomically
from desktop.printing.fonts import CAP_HEIGHT, SANS, ensure_fonts, unit_width

MM = 72 / 25.4
ELLIPSIS = "…"

# reportlab keeps the embedded font's subsetting state on the shared font object, so two PDFs
# drawn at once in two threads (a preview and a save) corrupt each other: one PDF at a time.
_drawing = threading.Lock()

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]


def check_output(path: str | os.PathLike[str]) -> Path:
    """The path to write, or BadInput now, before any work: a folder, a missing or read-only one."""
    target = Path(path)
    folder = target.parent
    if target.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK):
        raise BadInput("print_unwritable", "output", path=str(target))
    if target.exists() and not os.access(target, os.W_OK):
        raise BadInput("print_unwritable", "output", path=str(target))
    return target


@contextmanager
def pdf_file(path: str | os.PathLike[str]) -> Iterator[object]:
    """An open binary file to draw the PDF into; it becomes `path` when the block ends well.

    Only one PDF is drawn at a time in the process (see `_drawing`).
    """
    target = check_output(path)
    with _drawing, written_atomically(target, code="print_unwritable", field="output") as out:
        yield out


def new_canvas(out, pagesize: tuple[float, float], title: str, *, no_scaling: bool = False):
    """A canvas whose every font is the embedded bundled one (no base-14 font is ever named)."""
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    ensure_fonts()
    # Compressed streams stay binary: reportlab's pure-Python ASCII85 step would double the time
    # a 13,000-label PDF takes, for a file no one reads as text.
    rl_config.useA85 = 0
    canvas = Canvas(out, pagesize=pagesize, initialFontName=SANS, initialFontSize=10,
                    pageCompression=1, invariant=0)
    canvas.setTitle(title)
    canvas.setCreator("Compound Desk")
    canvas.setAuthor("")
    if no_scaling:
        # Labels must print at their true size, or the QR module and the stock won't line up.
        canvas.setViewerPreference("PrintScaling", "None")
    return canvas


def checkpoint(done: int, total: int, progress: Progress | None,
               should_cancel: ShouldCancel | None) -> None:
    if should_cancel is not None and should_cancel():
        raise Cancelled()
    if progress is not None:
        progress(done, total)


# ---- text ----------------------------------------------------------------------------------------


def draw_text(canvas, x: float, y: float, text: str, size: float, *, font: str = SANS,
              bold: bool = False, align: str = "left", white: bool = False) -> None:
    """One line at baseline y. Bold is the bundled face filled and stroked a little."""
    if not text:
        return
    if align != "left":
        width = unit_width(text, font) * size
        x -= width if align == "right" else width / 2
    if bold or white:
        canvas.saveState()
        if white:
            canvas.setFillGray(1)
            canvas.setStrokeGray(1)
        if bold:
            text_object = canvas.beginText(x, y)
            text_object.setFont(font, size)
            text_object.setTextRenderMode(2)
            canvas.setLineWidth(size * 0.045)
            text_object.textOut(text)
            canvas.drawText(text_object)
        else:
            canvas.setFont(font, size)
            canvas.drawString(x, y, text)
        canvas.restoreState()
        return
    canvas.setFont(font, size)
    canvas.drawString(x, y, text)


class TextBatch:
    """Many pieces of text in one PDF text object: far cheaper than one object per line when a
    label has eight lines and a PDF has thirteen thousand labels. Bold pieces are filled and
    stroked with the line width given to `draw`; white pieces sit on a black badge."""

    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.text = canvas.beginText()
        self._font: tuple[str, float] | None = None
        self._mode = 0
        self._white = False

    def add(self, x: float, y: float, text: str, size: float, *, font: str = SANS,
            bold: bool = False, white: bool = False, align: str = "left") -> None:
        if not text:
            return
        if align != "left":
            width = unit_width(text, font) * size
            x -= width if align == "right" else width / 2
        t = self.text
        if self._font != (font, size):
            t.setFont(font, size)
            self._font = (font, size)
        mode = 2 if bold else 0
        if mode != self._mode:
            t.setTextRenderMode(mode)
            self._mode = mode
        if white != self._white:
            gray = 1 if white else 0
            t.setFillGray(gray)
            t.setStrokeGray(gray)
            self._white = white
        t.setTextOrigin(x, y)
        t.textLine(text)  # unlike textOut, it does not measure the text to move a cursor

    def draw(self, bold_width: float = 0.0) -> None:
        if self._mode:
            self.text.setTextRenderMode(0)
        if self._white:
            self.text.setFillGray(0)
            self.text.setStrokeGray(0)
        if bold_width:
            self.canvas.setLineWidth(bold_width)
        self.canvas.drawText(self.text)


def fit_size(text: str, width: float, largest: float, *, font: str = SANS,
             smallest: float = 4.0) -> float:
    """The largest size up to `largest` at which the text fits the width (never below smallest)."""
    unit = unit_width(text, font)
    if unit <= 0:
        return largest
    return max(smallest, min(largest, width / unit))


def ellipsize(text: str, size: float, width: float, *, font: str = SANS) -> str:
    """The text, or as much of it as fits with … at the end."""
    if unit_width(text, font) * size <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if unit_width(text[:middle].rstrip() + ELLIPSIS, font) * size <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS if low else ""


def wrap(text: str, size: float, width: float, *, font: str = SANS, max_lines: int = 99) -> list[str]:
    """Lines no wider than `width`: Latin words kept whole where they can be, Chinese broken
    anywhere; a last line that cannot hold the rest ends in …"""
    words = re.findall(r"\S+\s*", text)
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = line + word
        if unit_width(candidate.rstrip(), font) * size <= width:
            line = candidate
            continue
        if line:
            lines.append(line.rstrip())
            line = ""
        # The word alone is too wide, or breaks freely (Chinese): set it character by character.
        for char in word:
            if unit_width((line + char).rstrip(), font) * size <= width or not line:
                line += char
            else:
                lines.append(line.rstrip())
                line = char.lstrip()
    if line.strip():
        lines.append(line.rstrip())
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = lines[: max_lines - 1] + [ellipsize(rest + ELLIPSIS, size, width, font=font)]
    return lines


def cap_baseline(top: float, size: float) -> float:
    """The baseline that puts the tops of capitals and digits at `top`."""
    return top - CAP_HEIGHT * size
