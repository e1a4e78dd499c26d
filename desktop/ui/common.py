"""Small helpers every page uses: filling in %1 placeholders, times, shortcut text, error boxes,
and the named buttons of a dialog."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop.errors import DeskError
from desktop.messages import describe


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


def dialog_button(parent: QWidget, name: str, text: str, accessible: str,
                  tip: str | None = None) -> QPushButton:
    """A button a person presses, with the objectName and accessible name tests and readers use."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    if tip:
        button.setToolTip(tip)
    return button


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
