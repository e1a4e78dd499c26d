"""Small helpers every page uses: filling in %1 placeholders, times, shortcut text, error boxes,
and the named buttons of a dialog, each reachable by an Alt key."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from desktop.errors import DeskError
from desktop.words import describe


def arg(template: str, *values: object) -> str:
    """Qt-style `%1`, `%2` … filled in; translators may move them around a sentence."""
    for number in range(len(values), 0, -1):  # %10 before %1
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template


def local_time(moment: datetime, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A moment (stored in UTC) as the clock on this laptop's wall shows it."""
    return moment.astimezone().strftime(fmt)


def shortcut_text(keys: str) -> str:
    """A key combination as this platform writes it (Ctrl+F, ⌘F)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


# ---- Alt keys: every button of a dialog has one, in either language ----

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
# Where a Chinese label's "(&S)" goes: before a closing colon or ellipsis, as Chinese programs write it.
_TAIL = re.compile(r"(\s*(?:…|\.\.\.|:|：)+)$")
_CAMEL_WORD = re.compile(r"[A-Z][a-z]+")


def mnemonic_of(text: str) -> str | None:
    """The letter an `&` in `text` marks for Alt (upper case), or None; `&&` is a literal `&`."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return None
        if text[index + 1] == "&":
            index += 2
            continue
        if text[index + 1].isspace():
            index += 1
            continue
        return text[index + 1].upper()


def plain(text: str) -> str:
    """A label as a screen reader should say it: without its Alt key marker."""
    return re.sub(r"\(&\w\)|&(?=[^&\s])", "", text).replace("&&", "&")


def with_mnemonic(text: str, taken: set[str], hint: str = "") -> str:
    """`text` with an Alt key no other control of its dialog uses.

    An English label marks one of its own letters, word starts first ("&Save", "Save &all").
    A Chinese label gets the letter in brackets after it ("保存(&S)", "导入(&I)…"), taken from
    `hint` (the English name of the action) when it is free. A label with a key keeps it."""
    if not text or mnemonic_of(text) is not None:
        return text
    if not _CJK.search(text):
        starts = [i for i, c in enumerate(text) if c.isascii() and c.isalpha()
                  and (i == 0 or not text[i - 1].isalnum())]
        others = [i for i, c in enumerate(text) if c.isascii() and c.isalnum() and i not in starts]
        for i in starts + others:
            if text[i].upper() not in taken:
                return text[:i] + "&" + text[i:]
    letters = [c.upper() for c in hint if c.isascii() and c.isalpha()]
    letters += [chr(c) for c in range(ord("A"), ord("Z") + 1)] + list("0123456789")
    for letter in letters:
        if letter not in taken:
            match = _TAIL.search(text)
            cut = match.start() if match else len(text)
            return f"{text[:cut]}(&{letter}){text[cut:]}"
    return text


def _taken(dialog: QWidget, leave_out: QWidget | None = None) -> set[str]:
    """The Alt keys the labels, group boxes and buttons of `dialog` already use."""
    taken = set()
    for widget in dialog.findChildren(QWidget):
        if widget is leave_out:
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            key = mnemonic_of(widget.text())
        elif isinstance(widget, QGroupBox):
            key = mnemonic_of(widget.title())
        else:
            continue
        if key:
            taken.add(key)
    return taken


def dialog_button(parent: QWidget, name: str, text: str, accessible: str,
                  tip: str | None = None) -> QPushButton:
    """A button a person presses, with the objectName and accessible name tests and readers use,
    and an Alt key no other button or label of its dialog has."""
    hint = _CAMEL_WORD.findall(name)
    text = with_mnemonic(text, _taken(parent.window()), hint[-1] if hint else "")
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    if tip:
        button.setToolTip(tip)
    return button


def relabel(button: QAbstractButton, text: str) -> None:
    """A new label for a button made by `dialog_button`, keeping an Alt key of its own."""
    hint = _CAMEL_WORD.findall(button.objectName())
    button.setText(with_mnemonic(text, _taken(button.window(), leave_out=button), hint[-1] if hint else ""))


def show_error(parent: QWidget | None, error: DeskError) -> QMessageBox:
    """A DeskError as the sentence it stands for, in a message box: never a traceback."""
    box = QMessageBox(parent)
    box.setObjectName("errorMessage")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Compound Desk"))
    box.setText(describe(error))
    box.setAccessibleName(QCoreApplication.translate("Errors", "Error"))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:  # nothing else holds a parentless box until it is closed
        _open_boxes.add(box)
        box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
    return box


_open_boxes: set[QMessageBox] = set()
