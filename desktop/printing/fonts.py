"""The bundled CJK font, registered with reportlab once per process and embedded in every PDF.

WenQuanYi Micro Hei covers Chinese and Latin; its second face (Mono) prints codes with every
character the same width. Only the characters used are embedded (reportlab subsets them), so a
label PDF stays small however many labels it holds.
"""

from __future__ import annotations

import threading
from functools import lru_cache

SANS = "CompoundDesk-Sans"
MONO = "CompoundDesk-Mono"
FONT_FILE = "fonts/wqy-microhei.ttc"
# Of the em: how far capitals and digits rise above the baseline, and how far descenders fall.
CAP_HEIGHT = 0.714
ASCENT = 0.765
DESCENT = 0.240

_lock = threading.Lock()
_registered = False


def ensure_fonts() -> None:
    """Register both faces the first time a PDF is drawn; later calls cost nothing."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from desktop.paths import resources_dir

        path = str(resources_dir() / FONT_FILE)
        pdfmetrics.registerFont(TTFont(SANS, path, subfontIndex=0))
        pdfmetrics.registerFont(TTFont(MONO, path, subfontIndex=1))
        _registered = True


@lru_cache(maxsize=65536)
def unit_width(text: str, font: str = SANS) -> float:
    """The width of `text` set at 1 pt: multiply by the size."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    ensure_fonts()
    return stringWidth(text, font, 1.0)


def text_width(text: str, size: float, font: str = SANS) -> float:
    return unit_width(text, font) * size
