"""The compound's print language: what labels, sheets and cards are printed in.

It belongs to the compound, not to whoever is at the keyboard: a volunteer who reads the window in
English still prints labels the guards and residents read. Stored in the `setting` table; Chinese
until a committee member changes it.
"""

from __future__ import annotations

from desktop import audit
from desktop.db import settings
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.words import word

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
# Chinese with English beneath, where a document can say both (the notice for the lobby board);
# everything else prints in Chinese.
BOTH = "both"


def print_language(conn: Connection) -> str:
    """'zh' or 'en' (Chinese when the setting asks for both)."""
    value = settings.print_language(conn)
    return value if value in LANGUAGES else DEFAULT


def print_setting(conn: Connection) -> str:
    """'zh', 'en' or 'both', as the setting stands."""
    value = settings.print_language(conn)
    return value if value in (*LANGUAGES, BOTH) else DEFAULT


def print_languages(conn: Connection) -> tuple[str, ...]:
    """The languages a document that can say both is printed in, first the main one."""
    return ("zh", "en") if print_setting(conn) == BOTH else (print_language(conn),)


def parse_print_language(value: object) -> str:
    text = str(value or "").strip().lower().replace("-", "_")
    if text in ("zh", "zh_cn", "chinese", "中文"):
        return "zh"
    if text in ("en", "english", "英文"):
        return "en"
    if text in ("both", "zh+en", "zh_en", "中英", "中英文", "chinese and english"):
        return BOTH
    raise BadInput("print_language_invalid", "language", text=str(value or "").strip())


def set_print_language(conn: Connection, value: object) -> str:
    """Print from now on in `value` ('zh', 'en' or 'both'); returns the language kept."""
    lang = parse_print_language(value)
    with transaction(conn):
        before = settings.print_language(conn)
        settings.set_print_language(conn, lang)
        if before != lang:
            audit.record(conn, "setting", changes=[("print_language", before or None, lang)])
    return lang


def storage_word(storage: str, lang: str) -> str:
    """A storage class as printed: the phrasebook's word, starting with a capital (Frozen)."""
    text = word("storage", storage, lang)
    return text[:1].upper() + text[1:]
