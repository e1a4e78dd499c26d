"""The phrasebook: every word and sentence the services, the command line and printed pages show.

Each area keeps its own module with `SENTENCES` (code → (English, Chinese)) and, where it names
values, `WORDS` (kind → value → (English, Chinese)). Three doors lead in:

- `say(code, lang, **data)`: one sentence, `{name}` fields filled from `data`;
- `describe(error, lang)`: the sentence for an error or notice (anything with `code` and `data`);
- `word(kind, value, lang)`: what a value is called (a storage class, a status, a handoff).

`lang` is 'zh' or 'en'; left out, it is the user's language (`desktop.lang`). A value in `data`
given as `Word(kind, value)` is named in the sentence's own language. The window's own strings stay
with Qt's `tr()`; it asks here only for value words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.lang import current_language
from desktop.words import (
    bags,
    buys,
    cli,
    committee,
    distributions,
    documents,
    gate,
    imports,
    people,
    roster,
    safekeeping,
    stations,
    store,
)

AREAS = (roster, store, safekeeping, buys, imports, bags, gate, documents, cli, distributions,
         committee, people, stations)
_SIDE = {"en": 0, "zh": 1}


def _gather() -> tuple[dict[str, tuple[str, str]], dict[str, dict[str, tuple[str, str]]]]:
    sentences: dict[str, tuple[str, str]] = {}
    words: dict[str, dict[str, tuple[str, str]]] = {}
    for area in AREAS:
        for book, entries in ((sentences, area.SENTENCES), (words, getattr(area, "WORDS", {}))):
            twice = book.keys() & entries.keys()
            if twice:
                raise RuntimeError(f"phrasebook entries defined twice: {sorted(twice)}")
            book.update(entries)
    return sentences, words


SENTENCES, WORDS = _gather()


def side(lang: str | None) -> int:
    """0 for English, 1 for Chinese: which half of an (English, Chinese) pair to read."""
    return _SIDE.get(lang or current_language(), 0)


@dataclass(frozen=True)
class Word:
    """A value to be named in whatever language the sentence carrying it is said in."""

    kind: str
    value: str

    def text(self, lang: str | None = None) -> str:
        return word(self.kind, self.value, lang)

    def __str__(self) -> str:
        return self.text("en")


def word(kind: str, value: str, lang: str | None = None) -> str:
    """What `value` of `kind` is called; an unknown value is shown as it is."""
    pair = WORDS[kind].get(value)
    return pair[side(lang)] if pair else str(value)


def say(code: str, lang: str | None = None, /, **data: Any) -> str:
    """The sentence `code` in `lang`, with its fields filled; an unknown code is shown as it is."""
    lang = lang or current_language()
    pair = SENTENCES.get(code)
    template = pair[side(lang)] if pair else code
    filled = {k: v.text(lang) if isinstance(v, Word) else v for k, v in data.items()}
    try:
        return template.format(**filled)
    except (KeyError, IndexError):
        return template


def describe(error: Any, lang: str | None = None) -> str:
    """One plain sentence for an error or notice, in the user's language."""
    return say(error.code, lang, **error.data)


def phrases(prefix: str, lang: str | None = None) -> dict[str, str]:
    """Every sentence whose code starts with `prefix.`, by the rest of its code: a page's words."""
    head = prefix + "."
    return {code[len(head):]: pair[side(lang)] for code, pair in SENTENCES.items() if code.startswith(head)}


def plural(count: int) -> str:
    """The English plural ending for `count` things, as the `{s}` field of a sentence."""
    return "" if count == 1 else "s"
