"""Many labels on every core: the labels split into chunks of whole pages, each chunk drawn to a
PDF of its own by worker processes, the chunks joined in order into the one file.

A worker is a fresh interpreter (`spawn`: never a fork of a process that may hold the window's
Qt), which imports only the drawing. Chunks are small temporary files, joined and deleted as soon
as every chunk before them is in, so neither memory nor the disk holds the whole run twice. A
cancel, a failure or a worker that dies ends every worker and removes every chunk; a dead worker
is a sentence, never a wait.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import shutil
import tempfile
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from desktop.errors import Cancelled, DeskError
from desktop.printing.pdf import Progress, ShouldCancel, checkpoint
from desktop.printing.pdf_join import PdfJoiner
from desktop.printing.stocks import Stock

# Labels in a chunk (rounded up to whole pages): about half a second of drawing, a megabyte.
CHUNK = 1000
# Fewer labels than this are drawn in the process asking: a worker costs half a second to start.
PARALLEL_FROM = 2500
MAX_WORKERS = 4
POLL_S = 0.1


def worker_count() -> int:
    """How many drawing processes this computer's cores allow (1: draw in-process)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cores))


def chunk_size(stock: Stock, chunk: int = CHUNK) -> int:
    """Labels per chunk: whole pages, so every chunk starts a page."""
    pages = max(1, -(-chunk // stock.per_page))
    return pages * stock.per_page


def pack_chunks(labels: Sequence, stock: Stock, chunk: int | None = None) -> list[tuple[int, bytes]]:
    """The labels cut into chunks of whole pages, each pickled: (how many, the bytes). Packed,
    the labels of a long run take a tenth of the memory; the caller drops the list itself."""
    size = chunk_size(stock, chunk or CHUNK)
    return [(len(labels[start:start + size]),
             pickle.dumps(list(labels[start:start + size]), pickle.HIGHEST_PROTOCOL))
            for start in range(0, len(labels), size)]


def draw_in_chunks(out: BinaryIO, draw: Callable, parts: list[tuple[int, bytes]], stock: Stock,
                   title: str, *, lang: str, progress: Progress | None = None,
                   should_cancel: ShouldCancel | None = None, workers: int | None = None) -> None:
    """The PDF `draw(out, labels, stock, title, lang=lang)` would write for all the labels of
    `parts` (from `pack_chunks`), page for page, drawn by `workers` processes; `draw` is a
    module-level function a fresh interpreter can import."""
    total = sum(count for count, _ in parts)
    counts = [count for count, _ in parts]
    workers = max(1, min(workers or worker_count(), len(parts)))
    checkpoint(0, total, progress, should_cancel)
    context = multiprocessing.get_context("spawn")
    tasks = context.Queue()
    results = context.Queue()
    folder = Path(tempfile.mkdtemp(prefix="compound-desk-labels-"))
    processes = []
    sent = 0

    def send_next() -> None:
        # A chunk's bytes leave this process as soon as a worker may take them.
        nonlocal sent
        if sent < len(parts):
            tasks.put((sent, parts[sent][1], str(folder / f"{sent:05d}.pdf")))
            parts[sent] = (counts[sent], b"")
            sent += 1
            if sent == len(parts):
                for _ in range(workers):
                    tasks.put(None)

    try:
        for _ in range(2 * workers):
            send_next()
        for _ in range(workers):
            process = context.Process(target=_work, args=(tasks, results, draw, stock, title, lang),
                                      name="label-drawer", daemon=True)
            process.start()
            processes.append(process)
        joiner = PdfJoiner(out)
        finished: dict[int, str] = {}
        joined = done = 0
        while joined < len(parts):
            if should_cancel is not None and should_cancel():
                raise Cancelled()
            try:
                kind, index, detail = results.get(timeout=POLL_S)
            except queue.Empty:
                _check_alive(processes, results)
                continue
            if kind == "failed":
                raise DeskError("print_worker_failed", detail=detail)
            send_next()
            finished[index] = detail
            while joined in finished:
                path = Path(finished.pop(joined))
                joiner.add(path.read_bytes())
                path.unlink()
                done += counts[joined]
                joined += 1
                checkpoint(done, total, progress, None)
        joiner.finish()
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)
        for channel in (tasks, results):
            channel.cancel_join_thread()
            channel.close()
        shutil.rmtree(folder, ignore_errors=True)


def _check_alive(processes, results) -> None:
    """A worker that ended before its work was done is a failure, not something to wait for."""
    for process in processes:
        if process.exitcode not in (None, 0):
            raise DeskError("print_worker_failed", detail=f"exit code {process.exitcode}")
    if all(process.exitcode == 0 for process in processes) and results.empty():
        raise DeskError("print_worker_failed", detail="the workers ended early")


def _work(tasks, results, draw: Callable, stock: Stock, title: str, lang: str) -> None:
    """A worker: draws chunk after chunk until told to stop; a failure is reported, not raised."""
    while True:
        task = tasks.get()
        if task is None:
            return
        index, payload, path = task
        try:
            labels = pickle.loads(payload)
            with open(path, "wb") as out:
                draw(out, labels, stock, title, lang=lang)
        except Exception:  # reported to the process that asked, in its words
            results.put(("failed", index, traceback.format_exc(limit=3)))
            return
        results.put(("done", index, path))
