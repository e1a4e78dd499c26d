"""Keeping None, True and False alive whatever the Qt binding does to their reference counts.

PySide6 6.12.0 on Python 3.11 miscounts references: every call of a Qt method that returns
nothing drops one reference to None, and every signal emitted from Python drops one to True.
A long evening at the window makes tens of thousands of such calls; once the drops outnumber the
real references, the interpreter frees None or True and aborts ("Fatal Python error:
bool_dealloc" or "none_dealloc"), most often while it tears everything down at the window's close.

Python 3.12 makes these three objects immortal, so no miscount can free them. On older Pythons
the window gives each of them so many references (2**40) up front that no run of the program
could drop them all. Nothing else about them changes.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40
_kept = False


def keep_singletons_alive() -> None:
    """Once per process, before the first Qt call."""
    global _kept
    if _kept or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    _kept = True
