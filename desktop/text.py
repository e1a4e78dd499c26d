"""What people type, made plain: full-width forms (`１２`, `Ａ`) as their ordinary letters and
digits (NFKC), no spaces at either end, and for one-line text one space where any run stood."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def plain(text: object) -> str:
    """NFKC and stripped; spaces and line breaks inside are kept. None gives ``""``."""
    return unicodedata.normalize("NFKC", "" if text is None else str(text)).strip()


def one_line(text: object, max_len: int | None = None) -> str:
    """Every run of spaces or line breaks made one space, stripped, cut to `max_len` characters
    when given; the characters themselves are kept, so a sentence keeps its full-width
    punctuation (`商家拒单：仓库封控`). An empty value (None, ``""``) gives ``""``."""
    line = _SPACES.sub(" ", str(text or "")).strip()
    return line if max_len is None else line[:max_len]


def clean(text: object, max_len: int | None = None) -> str:
    """A name or title: NFKC (`１２号` is `12号`), then `one_line`."""
    return one_line(unicodedata.normalize("NFKC", str(text or "")), max_len)
