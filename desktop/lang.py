"""Which language the user reads: `--lang` wins, then the system's locale."""

from __future__ import annotations

import locale
import os

_chosen: str | None = None


def set_language(lang: str | None) -> None:
    global _chosen
    _chosen = normalise(lang) if lang else None


def normalise(lang: str) -> str:
    return "zh" if lang.lower().replace("-", "_").startswith("zh") else "en"


def current_language() -> str:
    """'zh' or 'en'."""
    if _chosen:
        return _chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return normalise(value)
    try:
        system = locale.getlocale()[0] or ""
    except ValueError:
        system = ""
    return normalise(system) if system else "en"
