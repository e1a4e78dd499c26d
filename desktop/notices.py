"""Things a user should know that are not errors: warnings from imports, a supplier's bad record.

A notice carries a code and its data like an error does; the phrasebook words it in either language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.words import describe


@dataclass(frozen=True)
class Notice:
    code: str
    data: dict = field(default_factory=dict, compare=False)

    def text(self, lang: str | None = None) -> str:
        return describe(self, lang)

    def __str__(self) -> str:
        return self.text("en")


def notice(code: str, **data: object) -> Notice:
    return Notice(code, data)
