"""Files the program writes for people (exports, sheets, PDFs): all of it or nothing."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from desktop.errors import BadInput


@contextlib.contextmanager
def written_atomically(
    path: str | os.PathLike[str], *, code: str = "export_unwritable", field: str = "file"
) -> Iterator[BinaryIO]:
    """A binary file to write; it replaces `path` only when the block ends well, synced to disk.

    A failure or a cancel leaves the target as it was and no partial file behind; a path that
    cannot be written is BadInput(`code`) naming it.
    """
    target = Path(path)
    if target.is_dir() or not target.parent.is_dir():
        raise BadInput(code, field, path=str(target))
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".partial", dir=target.parent
        )
    except OSError as exc:
        raise BadInput(code, field, path=str(target)) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        raise BadInput(code, field, path=str(target)) from exc
    finally:
        with contextlib.suppress(OSError):
            Path(temporary).unlink(missing_ok=True)
