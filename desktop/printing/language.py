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



def print_language(conn: Connection) -> str:
    """'zh' or 'en'."""
    value = settings.print_language(conn)
    return value if value in LANGUAGES else DEFAULT


def parse_print_language(value: object) -> str:
    text = str(value or "").strip().lower().replace("-", "_")
    if text in ("zh", "zh_cn", "chinese", "中文"):
        return "zh"
    if text in ("en", "english", "英文"):
        return "en"
    raise BadInput("print_language_invalid", "language", text=str(value or "").strip())


def set_print_language(conn: Connection, value: object) -> str:
    """Print from now on in `value` ('zh' or 'en'); returns the language kept."""
    lang = parse_print_language(value)
    with transaction(conn):
        before = settings.print_language(conn)
        settings.set_print_language(conn, lang)
        if before != lang:
            audit.record(conn, "setting", summary="print language", changes=[("print_language", before or None, lang)])
    return lang


def storage_word(storage: str, lang: str) -> str:
    """A storage class as printed: the phrasebook's word, starting with a capital (Frozen)."""
    text = word("storage", storage, lang)
    return text[:1].upper() + text[1:]
