"""Unexpected exceptions: logged in full, shown once as a sentence with a "Copy details" button."""

from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
)

from desktop.crash import report_unexpected
from desktop.ui.common import dialog_button, with_mnemonic
from desktop.ui.forms import named


class CrashDialog(QDialog):
    def __init__(self, sentence: str, details: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setAccessibleName(self.windowTitle())
        self.details = details
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40, 40))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.sentence = named(QLabel(sentence, self), "crashSentence", self.tr("What happened"))
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentence.setMinimumWidth(420)
        self.copy_button = dialog_button(
            self, "crashCopy", self.tr("Copy details"), self.tr("Copy details"),
            self.tr("Put the technical details on the clipboard, to paste for support"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_details)
        close = dialog_button(self, "crashClose", self.tr("Close"), self.tr("Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.sentence, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(with_mnemonic(self.tr("Copied"), set(), "Copied"))


class CrashHandler:
    """The one `sys.excepthook`: log every unexpected exception, show each kind of failure once.

    The same bug raised again (say, in every repaint) is logged but does not pile up dialogs.
    Not interactive (screenshot mode): the sentence goes to stderr and the run counts as failed.
    """

    def __init__(self, *, interactive: bool = True) -> None:
        self.interactive = interactive
        self.failures = 0
        self.dialog: CrashDialog | None = None
        self._shown: set[tuple] = set()

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc is not None and exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        self.failures += 1
        sentence = report_unexpected(exc)
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        if not self.interactive or QApplication.instance() is None:
            sys.stderr.write(sentence + "\n")
            return
        last = traceback.extract_tb(tb)[-1] if tb else None
        kind = (exc_type.__name__, last.filename if last else "", last.lineno if last else 0)
        if kind in self._shown or (self.dialog is not None and self.dialog.isVisible()):
            return
        self._shown.add(kind)
        self.dialog = CrashDialog(sentence, details, QApplication.activeWindow())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _closed(self, _result: int) -> None:
        self.dialog = None
