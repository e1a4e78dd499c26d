"""Things a user should know that are not errors: warnings from imports, a supplier's bad record.

A notice carries a code and its data like an error does; `messages` words it in either language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.lang import current_language


@dataclass(frozen=True)
class Notice:
    code: str
    data: dict = field(default_factory=dict, compare=False)

    def text(self, lang: str | None = None) -> str:
        from desktop.messages import MESSAGES

        english, chinese = MESSAGES.get(self.code, (self.code, self.code))
        template = chinese if (lang or current_language()) == "zh" else english
        try:
            return template.format(**self.data)
        except (KeyError, IndexError):
            return template

    def __str__(self) -> str:
        return self.text("en")


def notice(code: str, **data: object) -> Notice:
    return Notice(code, data)
