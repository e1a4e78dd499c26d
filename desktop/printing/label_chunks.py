"""Many labels on every core: the labels split into chunks of whole pages, each chunk drawn to a
PDF of its own by worker processes, the chunks joined in order into the one file.

The workers start before the labels are read, so that their start-up overlaps the query. A
worker is a fresh interpreter (`spawn`: never a fork of a process that may hold the window's
Qt), which imports the drawing (and, as `spawn` does, the program's entry script), never Qt. Chunks are small temporary files, joined and deleted as soon
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
    """How many drawing processes to start besides the one asking, which draws too: one less
    than the cores (0: draw in-process)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(0, min(MAX_WORKERS, cores - 1))


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


class Drawers:
    """`workers` drawing processes, started on entering (so they load while the labels are read)
    and ended, with every chunk file, on leaving, whatever happened. The process asking draws
    chunks too, between joining those that are done: one process fewer to start and to hold."""

    def __init__(self, draw: Callable, stock: Stock, lang: str, workers: int | None = None) -> None:
        self.draw_function, self.stock, self.lang = draw, stock, lang
        self.workers = max(1, workers or worker_count())
        self.processes: list = []
        self.folder: Path | None = None

    def __enter__(self) -> Drawers:
        context = multiprocessing.get_context("spawn")
        self.tasks = context.Queue()
        self.results = context.Queue()
        self.folder = Path(tempfile.mkdtemp(prefix="compound-desk-labels-"))
        try:
            for _ in range(self.workers):
                process = context.Process(
                    target=_work, args=(self.tasks, self.results, self.draw_function, self.stock,
                                        self.lang), name="label-drawer", daemon=True)
                process.start()
                self.processes.append(process)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        for process in self.processes:
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)
        for channel in (self.tasks, self.results):
            channel.cancel_join_thread()
            channel.close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def draw(self, out: BinaryIO, parts: list[tuple[int, bytes]], title: str, *,
             progress: Progress | None = None, should_cancel: ShouldCancel | None = None) -> None:
        """The PDF of all the labels of `parts` (from `pack_chunks`) written to `out`, page for
        page what one process would draw. Once only: the workers stop when it is done."""
        total = sum(count for count, _ in parts)
        counts = [count for count, _ in parts]
        checkpoint(0, total, progress, should_cancel)
        tasks, results, folder = self.tasks, self.results, self.folder
        sent = 0

        def send_next() -> None:
            # A chunk's bytes leave this process as soon as a worker may take them.
            nonlocal sent
            if sent < len(parts):
                tasks.put((sent, parts[sent][1], title, str(folder / f"{sent:05d}.pdf")))
                parts[sent] = (counts[sent], b"")
                sent += 1
                if sent == len(parts):
                    for _ in range(self.workers):
                        tasks.put(None)

        for _ in range(2 * self.workers):
            send_next()
        joiner = PdfJoiner(out)
        finished: dict[int, str] = {}
        joined = done = 0

        def join_ready() -> None:
            nonlocal joined, done
            while joined in finished:
                path = Path(finished.pop(joined))
                joiner.add(path.read_bytes())
                path.unlink()
                done += counts[joined]
                joined += 1
                checkpoint(done, total, progress, None)

        while joined < len(parts):
            if should_cancel is not None and should_cancel():
                raise Cancelled()
            try:
                # Wait only when there is nothing left to draw here.
                kind, index, detail = results.get(timeout=POLL_S if sent == len(parts) else 0)
            except queue.Empty:
                _check_alive(self.processes, results)
                if sent < len(parts):  # the next chunk in line, drawn here
                    index = sent
                    payload = parts[index][1]
                    parts[index] = (counts[index], b"")
                    sent += 1
                    if sent == len(parts):
                        for _ in range(self.workers):
                            tasks.put(None)
                    path = folder / f"{index:05d}.pdf"
                    with open(path, "wb") as chunk:
                        self.draw_function(chunk, pickle.loads(payload), self.stock, title,
                                           lang=self.lang, should_cancel=should_cancel)
                    finished[index] = str(path)
                    join_ready()
                continue
            if kind == "failed":
                raise DeskError("print_worker_failed", detail=detail)
            send_next()
            finished[index] = detail
            join_ready()
        joiner.finish()


def draw_in_chunks(out: BinaryIO, draw: Callable, parts: list[tuple[int, bytes]], stock: Stock,
                   title: str, *, lang: str, progress: Progress | None = None,
                   should_cancel: ShouldCancel | None = None, workers: int | None = None) -> None:
    """The PDF `draw(out, labels, stock, title, lang=lang, should_cancel=...)` would write for all
    the labels of `parts`, drawn here and by `workers` processes; `draw` is a module-level
    function a fresh interpreter can import."""
    with Drawers(draw, stock, lang, workers) as drawers:
        drawers.draw(out, parts, title, progress=progress, should_cancel=should_cancel)


def _check_alive(processes, results) -> None:
    """A worker that ended before its work was done is a failure, not something to wait for."""
    for process in processes:
        if process.exitcode not in (None, 0):
            raise DeskError("print_worker_failed", detail=f"exit code {process.exitcode}")
    if all(process.exitcode == 0 for process in processes) and results.empty():
        raise DeskError("print_worker_failed", detail="the workers ended early")


def _work(tasks, results, draw: Callable, stock: Stock, lang: str) -> None:
    """A worker: draws chunk after chunk until told to stop; a failure is reported, not raised."""
    while True:
        task = tasks.get()
        if task is None:
            return
        index, payload, title, path = task
        try:
            labels = pickle.loads(payload)
            with open(path, "wb") as out:
                draw(out, labels, stock, title, lang=lang)
        except Exception:  # reported to the process that asked, in its words
            results.put(("failed", index, traceback.format_exc(limit=3)))
            return
        results.put(("done", index, path))
