"""Money is integer fen (分). Prices typed in yuan become fen exactly, through Decimal, never float."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from desktop.errors import BadInput
from desktop.text import plain

MAX_PRICE_FEN = 10_000_000  # ¥100,000: no group-buy item costs more; a typo is likelier
MAX_PAYMENT_FEN = 100_000_000

_CURRENCY = re.compile(r"^(?:¥|￥|RMB|CNY)?\s*(.*?)\s*(?:元|RMB|CNY)?$", re.IGNORECASE)


def _decimal(text: str) -> Decimal | None:
    cleaned = _CURRENCY.match(text.strip()).group(1).replace(",", "")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def parse_yuan(text: object, field: str = "price") -> int:
    """Fen from a price typed in yuan (`32`, `58.5`, `¥32.00`), or BadInput saying what is wrong."""
    raw = plain(text)
    if isinstance(text, bool):
        raise BadInput("price_invalid", field, text=raw)
    amount = _decimal(raw) if raw else None
    if amount is None:
        raise BadInput("price_invalid", field, text=raw)
    if amount < 0:
        raise BadInput("price_negative", field, text=raw)
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise BadInput("price_too_precise", field, text=raw)
    if fen > MAX_PRICE_FEN:
        raise BadInput("price_too_large", field, text=raw)
    return int(fen)


def fen_from_cell(value: object) -> int | None:
    """Fen from a spreadsheet cell (58.5, '¥32.00', '1,234.50'); None when it holds no amount."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value * 100
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        amount = Decimal(repr(value))
    else:
        text = plain(value)
        if not text:
            return None
        amount = _decimal(text)
        if amount is None:
            return None
    return int((amount * 100).quantize(Decimal(1)))


def format_fen(fen: int) -> str:
    """`¥58.50`, `-¥2.00`."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}.{cents:02d}"
