"""Joining PDFs drawn by this program into one, page after page, without holding every page.

The parts are reportlab's own output (a classic cross-reference table, one flat page tree, the
catalog, the document information), drawn by `label_chunks` in parallel. Each part's objects are
copied as they are, streams untouched, renumbered to follow the ones before; its page tree and
catalog are replaced by one of each for the whole file, written at the end with the
cross-reference table. Only one part is in memory at a time, and the table's offsets.

The font subsets of different parts carry the same tag (`AAAAAA+`), which some viewers and
printers take for one font; each part's tags get a prefix of their own.
"""

from __future__ import annotations

import os
import re
from typing import BinaryIO

_REF = re.compile(rb"(?<![\d.])(\d+) 0 R(?![A-Za-z])")
_TAG = re.compile(rb"/([A-Z]{6})\+")
_OBJ = re.compile(rb"(\d+) 0 obj\s*")
_STREAM = re.compile(rb">>\s*stream\r?\n")
_TRAILER_REF = {key: re.compile(rb"/" + key + rb" (\d+) 0 R") for key in (b"Root", b"Info")}
_PAGES = re.compile(rb"/Pages (\d+) 0 R")
_KIDS = re.compile(rb"/Kids \[([^\]]*)\]")
_PARENT = re.compile(rb"/Parent \d+ 0 R")
_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class JoinError(ValueError):
    """A part is not a PDF this program's drawing produced (never expected: a bug, not input)."""


def _tag(part: int) -> bytes:
    """Three letters naming a part, for its font subsets' tags."""
    letters = bytearray()
    for _ in range(3):
        part, digit = divmod(part, 26)
        letters.append(_LETTERS[digit])
    return bytes(reversed(letters))


class PdfJoiner:
    """Appends whole PDFs (as bytes) to `out` in order; `finish()` writes the page tree, the
    catalog and the cross-reference table."""

    # The first three objects of the joined file are written last: its catalog, page tree, info.
    CATALOG, PAGES, INFO = 1, 2, 3

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.offsets: dict[int, int] = {}
        self.kids: list[int] = []
        self.next_number = 4
        self.parts = 0
        self.catalog: bytes | None = None
        self.info: bytes | None = None
        self.position = 0

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.position += len(data)

    def add(self, pdf: bytes) -> None:
        objects, root, info = _read(pdf)
        catalog = objects.pop(root)
        pages_match = _PAGES.search(catalog)
        if pages_match is None:
            raise JoinError("a catalog without pages")
        pages = int(pages_match.group(1))
        tree = objects.pop(pages)
        kids_match = _KIDS.search(tree)
        if kids_match is None or b"/Type /Pages" in kids_match.group(1):
            raise JoinError("a page tree that is not flat")
        kids = [int(n) for n in _REF.findall(kids_match.group(1))]
        info_body = objects.pop(info) if info is not None else None
        if self.parts:
            # Only the first part's catalog is kept; what it alone refers to goes with it.
            for number in _REF.findall(catalog):
                objects.pop(int(number), None)
        renumber = {old: self.next_number + n for n, old in enumerate(sorted(objects))}
        self.next_number += len(renumber)

        def new_ref(match: re.Match[bytes]) -> bytes:
            return b"%d 0 R" % renumber[int(match.group(1))]

        if self.position == 0:
            self._write(pdf[: _OBJ.search(pdf).start()])
        tag = _tag(self.parts)
        kid_set = set(kids)
        for old in sorted(objects):
            body = objects[old]
            stream = _STREAM.search(body)
            head, tail = (body[: stream.start()], body[stream.start():]) if stream else (body, b"")
            if old in kid_set:
                head = _PARENT.sub(b"/Parent %d 0 R" % self.PAGES, head)
            head = _REF.sub(new_ref, head)
            if b"/FontName" in head or b"/BaseFont" in head:
                head = _TAG.sub(lambda m: b"/" + tag + m.group(1)[3:] + b"+", head)
            number = renumber[old]
            self.offsets[number] = self.position
            self._write(b"%d 0 obj\n" % number)
            self._write(head)
            self._write(tail)
            self._write(b"endobj\n")
        self.kids.extend(renumber[kid] for kid in kids)
        if not self.parts:
            self.catalog = _PAGES.sub(b"/Pages %d 0 R" % self.PAGES, _REF.sub(
                lambda m: m.group(0) if int(m.group(1)) == pages else new_ref(m), catalog))
            self.info = info_body
        self.parts += 1

    def finish(self) -> None:
        if not self.parts:
            raise JoinError("nothing to join")
        tail = [(self.CATALOG, self.catalog)]
        kids = b" ".join(b"%d 0 R" % kid for kid in self.kids)
        tail.append((self.PAGES, b"<<\n/Count %d /Kids [ %s ] /Type /Pages\n>>\n"
                     % (len(self.kids), kids)))
        if self.info is not None:
            tail.append((self.INFO, self.info))
        for number, body in tail:
            self.offsets[number] = self.position
            self._write(b"%d 0 obj\n" % number + body + b"endobj\n")
        size = self.next_number
        start = self.position
        lines = [b"xref\n0 %d\n0000000000 65535 f \n" % size]
        lines.extend(b"%010d 00000 n \n" % self.offsets[n] if n in self.offsets
                     else b"0000000000 65535 f \n" for n in range(1, size))
        self._write(b"".join(lines))
        file_id = os.urandom(16).hex().encode()
        info = b"/Info %d 0 R\n" % self.INFO if self.info is not None else b""
        self._write(b"trailer\n<<\n/ID [<%s><%s>]\n%s/Root %d 0 R\n/Size %d\n>>\nstartxref\n%d\n%%%%EOF\n"
                    % (file_id, file_id, info, self.CATALOG, size, start))


def _read(pdf: bytes) -> tuple[dict[int, bytes], int, int | None]:
    """A part's objects (their bodies, between `obj` and `endobj`), its catalog and its info."""
    at = pdf.rfind(b"startxref")
    if at < 0:
        raise JoinError("no startxref")
    xref = int(pdf[at + 9:].split()[0])
    trailer_at = pdf.find(b"trailer", xref)
    if not pdf.startswith(b"xref", xref) or trailer_at < 0:
        raise JoinError("no cross-reference table")
    rows = pdf[xref:trailer_at].split(b"\n")
    first, count = (int(n) for n in rows[1].split())
    starts: dict[int, int] = {}
    for n, row in enumerate(rows[2: 2 + count]):
        fields = row.split()
        if len(fields) == 3 and fields[2] == b"n":
            starts[first + n] = int(fields[0])
    trailer = pdf[trailer_at:]
    refs = {}
    for key, pattern in _TRAILER_REF.items():
        match = pattern.search(trailer)
        refs[key] = int(match.group(1)) if match else None
    if refs[b"Root"] is None:
        raise JoinError("no catalog")
    ordered = sorted(starts.items(), key=lambda item: item[1])
    objects: dict[int, bytes] = {}
    for n, (number, start) in enumerate(ordered):
        end = ordered[n + 1][1] if n + 1 < len(ordered) else xref
        chunk = pdf[start:end]
        head = _OBJ.match(chunk)
        close = chunk.rfind(b"endobj")
        if head is None or int(head.group(1)) != number or close < 0:
            raise JoinError(f"object {number} is not where the table says")
        objects[number] = chunk[head.end():close]
    return objects, refs[b"Root"], refs[b"Info"]
