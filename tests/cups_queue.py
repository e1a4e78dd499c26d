"""A real printer queue for the printing tests: CUPS with its PDF printer, as `.ci/printer.sh`
sets it up (queue `PDF`, and `PDF_rejecting`, which refuses every job). What a job printed is read
back from the PDF file CUPS-PDF writes for it."""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest

QUEUE = "PDF"
REJECTING = "PDF_rejecting"
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")


def no_printer_here(why: str):
    """Without the queue a test cannot run: said as a skip on a workstation; in CI, where
    `.ci/run` sets the queue up, its absence is a failure."""
    if os.environ.get("COMPOUND_DESK_PRINTER_REQUIRED"):
        pytest.fail(why)
    pytest.skip(why)


def queue_state(queue: str) -> str:
    """'accepting', 'rejecting' or 'missing'."""
    answer = subprocess.run(["lpstat", "-a", queue], capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL="C"), timeout=30)
    if answer.returncode != 0 or not answer.stdout.strip():
        return "missing"
    return "rejecting" if "not accepting" in answer.stdout else "accepting"


def output_folder() -> Path:
    """Where CUPS-PDF puts what this user prints (its `Out` setting)."""
    folder = "${HOME}/PDF"
    for line in CUPS_PDF_CONF.read_text().splitlines():
        if line.startswith("Out "):
            folder = line[4:].strip()
    user = getpass.getuser()
    return Path(folder.replace("${HOME}", str(Path("~" + user).expanduser()))
                .replace("${USER}", user))


def require_queues() -> Path:
    """The folder the PDF queue prints into, once both queues are known to be there."""
    if shutil.which("lpstat") is None:
        no_printer_here("the CUPS tools (lpstat) are not installed: run .ci/printer.sh as root")
    if not CUPS_PDF_CONF.exists():
        no_printer_here("CUPS-PDF (printer-driver-cups-pdf) is not installed: run .ci/printer.sh")
    if queue_state(QUEUE) != "accepting":
        no_printer_here(f"there is no CUPS queue {QUEUE} accepting jobs: run .ci/printer.sh")
    if queue_state(REJECTING) != "rejecting":
        no_printer_here(f"there is no CUPS queue {REJECTING} refusing jobs: run .ci/printer.sh")
    return output_folder()


def existing(folder: Path) -> set[Path]:
    return set(folder.glob("*.pdf")) if folder.exists() else set()


def printed_file(folder: Path, before: set[Path], name: str, wait=time.sleep, timeout=60) -> Path:
    """The PDF the queue wrote for the job titled `name…` sent after `before` was taken, once it
    is complete (CUPS-PDF starts the file's name with the job's title). `wait(seconds)` lets a Qt
    test keep its event loop running meanwhile."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = [p for p in folder.glob(f"{name}*.pdf") if p not in before] if folder.exists() else []
        if new:
            path = max(new, key=lambda p: p.stat().st_mtime)
            size = path.stat().st_size
            wait(0.3)
            if size and path.stat().st_size == size:
                try:
                    pdfium.PdfDocument(str(path)).close()
                    return path
                except pdfium.PdfiumError:
                    pass
        wait(0.2)
    raise AssertionError(f"nothing was printed into {folder} within {timeout} s")
