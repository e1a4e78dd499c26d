"""Finding an item of a buy from a few typed letters or its number, so a volunteer taking orders
for a forty-item buy never reaches for the mouse: `xhs` or `xh` is 西红柿, `/12` is the twelfth.

Letters match an item's pinyin initials first, then the start of its syllables, the way Chinese
input methods abbreviate (`xca` is 香菜, xiang-cai, where `xc` is 小葱 too; `bo` tells 菠菜 from 白菜).
Each item has a code: the fewest letters that land on it, shown beside its name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.text import plain


@functools.lru_cache(maxsize=4096)
def syllables(name: str) -> tuple[str, ...]:
    """The pinyin syllables of a name, lower case letters only; a Latin word is one syllable."""
    from pypinyin import lazy_pinyin  # slow to import: only when a buy is shown

    text = plain(name).lower()
    # What is in brackets is a pack size or a spec (每箱四斤): it is not what people call it.
    text = re.sub(r"[(\[（【].*?[)\]）】]", "", text) or text
    found = []
    for part in lazy_pinyin(text, errors=lambda chars: re.findall(r"[a-z]+", chars)):
        letters = "".join(ch for ch in part if "a" <= ch <= "z")
        if letters:
            found.append(letters)
    return tuple(found)


def spellings(name: str) -> tuple[str, str]:
    """The pinyin initials and the full pinyin of a name."""
    parts = syllables(name)
    return "".join(s[0] for s in parts), "".join(parts)


def _starts_syllables(typed: str, parts: Sequence[str], at: int = 0) -> bool:
    """Whether the letters are the starts of consecutive syllables from the first: x-ca, xian-c."""
    if not typed:
        return True
    if at >= len(parts):
        return False
    syllable = parts[at]
    for length in range(min(len(syllable), len(typed)), 0, -1):
        if typed[:length] == syllable[:length] and _starts_syllables(typed[length:], parts, at + 1):
            return True
    return False


@dataclass(frozen=True)
class ItemFinder:
    """Item positions (0-based) from typed letters or numbers, for one buy's items in order."""

    names: tuple[str, ...]

    @classmethod
    def of(cls, names: Sequence[str]) -> ItemFinder:
        return cls(tuple(names))

    def by_letters(self, typed: str) -> int | None:
        """The item the letters land on: initials equal to them first, then the shortest
        initials starting with them, then a full pinyin starting with them; None if none does."""
        typed = typed.lower()
        if not typed:
            return None
        best: tuple[int, int, int] | None = None
        for position, name in enumerate(self.names):
            initials, full = spellings(name)
            if initials == typed:
                rank = (0, 0, position)
            elif initials.startswith(typed):
                rank = (1, len(initials), position)
            elif _starts_syllables(typed, syllables(name)):
                rank = (2, len(full), position)
            else:
                continue
            if best is None or rank < best:
                best = rank
        return None if best is None else best[2]

    def could_continue(self, typed: str) -> bool:
        """Whether more letters after these could still name some item."""
        return self.by_letters(typed) is not None

    @functools.cached_property
    def codes(self) -> tuple[str, ...]:
        """For each item, the fewest letters that land on it ("" when only its number does)."""
        found = []
        for position, name in enumerate(self.names):
            found.append(next((typed for typed in _abbreviations(syllables(name))
                               if self.by_letters(typed) == position), ""))
        return tuple(found)

    def by_number(self, digits: str) -> tuple[int | None, bool]:
        """The item numbered so (1-based) and whether another digit could still make a longer
        number of an item: `4` of forty items waits (40 exists), `5` does not."""
        if not digits.isdigit():
            return None, False
        number = int(digits)
        count = len(self.names)
        position = number - 1 if 1 <= number <= count else None
        longer = number > 0 and number * 10 <= count
        return position, longer


def _abbreviations(parts: Sequence[str], limit: int = 8) -> list[str]:
    """Every way to type the starts of a name's syllables, shortest first, up to `limit` letters."""
    found: set[str] = set()

    def walk(at: int, typed: str) -> None:
        if typed:
            found.add(typed)
        if at >= len(parts) or len(typed) >= limit:
            return
        for length in range(1, len(parts[at]) + 1):
            walk(at + 1, typed + parts[at][:length])

    walk(0, "")
    return sorted(found, key=lambda typed: (len(typed), typed))
