"""Getting a finished PDF onto a printer's paper, without Qt.

Two ways share the same paper (`stocks.Paper`): the window draws each page as an image at the
paper's resolution and hands it to the print dialog's printer (`page_images`); the command line
hands the PDF to a CUPS queue with `lp`, at the paper's page size and with no scaling
(`send_pdf`). Either way a queue that is not accepting jobs is said before anything is drawn
(`check_queue`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from desktop.errors import BadInput, Cancelled
from desktop.printing.pdf import ShouldCancel
from desktop.printing.stocks import Paper

TIMEOUT = 60  # seconds lp and lpstat may take before the printer is called unreachable


def page_images(pdf: str | os.PathLike[str], paper: Paper,
                should_cancel: ShouldCancel | None = None) -> Iterator[object]:
    """Each page of `pdf` as a PIL image at `paper.dpi`, one pixel a printer dot: black and white
    for a thermal head (it prints dots, not greys), grey levels for a sheet."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        scale = paper.dpi / 72
        for page in document:
            if should_cancel is not None and should_cancel():
                raise Cancelled()
            image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
            if paper.thermal:
                image = image.point(lambda v: 255 if v >= 128 else 0).convert("1", dither=None)
            yield image
    finally:
        document.close()


def page_count(pdf: str | os.PathLike[str]) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, LC_ALL="C", LANG="C")  # so the answer can be read
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                          env=environment, check=False)


def check_queue(printer: str) -> None:
    """Say now if `printer` is a CUPS queue that does not exist or is not accepting jobs. Where the
    CUPS tools are not installed there is nothing to ask, and nothing is said."""
    lpstat = shutil.which("lpstat")
    if lpstat is None or not printer:
        return
    try:
        answer = _run([lpstat, "-a", printer])
    except (OSError, subprocess.TimeoutExpired):
        return
    text = (answer.stdout + answer.stderr).strip()
    if answer.returncode != 0 or not text:
        if "invalid destination" in text.lower() or "unknown destination" in text.lower():
            raise BadInput("printer_unknown", "printer", printer=printer)
        return
    first = text.splitlines()[0]
    if "not accepting" in first:
        reason = " ".join(line.strip() for line in text.splitlines()[1:]).strip()
        raise BadInput("printer_rejects", "printer", printer=printer,
                       reason=reason or "-")


def ready_to_send(printer: str) -> str:
    """The path of `lp`, once `printer` is known to take jobs: said before anything is drawn.
    Without CUPS's `lp` nothing can be sent, and that is said instead."""
    lp = shutil.which("lp")
    if lp is None:
        raise BadInput("printer_no_lp", "printer", printer=printer)
    check_queue(printer)
    return lp


def send_pdf(pdf: str | os.PathLike[str], printer: str, paper: Paper, title: str) -> str:
    """Queue `pdf` on the CUPS printer `printer` at the paper's exact page size, unscaled; returns
    CUPS's request id."""
    lp = ready_to_send(printer)
    command = [lp, "-d", printer, "-t", title, "-o", f"media={paper.media}",
               "-o", "fit-to-page=false", "-o", "print-scaling=none",
               "-o", f"printer-resolution={paper.dpi}dpi", "--", str(Path(pdf))]
    try:
        answer = _run(command)
    except subprocess.TimeoutExpired:
        raise BadInput("printer_rejected", "printer", printer=printer,
                       reason=f"no answer in {TIMEOUT} s") from None
    except OSError as error:
        raise BadInput("printer_rejected", "printer", printer=printer,
                       reason=error.strerror or str(error)) from None
    if answer.returncode != 0:
        reason = (answer.stderr or answer.stdout).strip().splitlines()
        raise BadInput("printer_rejected", "printer", printer=printer,
                       reason=reason[0] if reason else f"lp exit {answer.returncode}")
    words = answer.stdout.split()
    # "request id is PDF-12 (1 file(s))"
    return words[3] if len(words) > 3 and words[:3] == ["request", "id", "is"] else answer.stdout.strip()
