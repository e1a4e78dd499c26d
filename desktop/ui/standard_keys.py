"""Qt's standard buttons with an Alt key: "&Cancel" in English, "取消(&C)" in Chinese.

Qt names its standard buttons (OK, Cancel, Save… in message boxes, button boxes, the input and
file dialogs) in its "QPlatformTheme" context without a key; only Yes and No have theirs. This
catalogue, installed after the others so Qt asks it first, answers for exactly those names and
lets every other string fall through to the catalogues installed before it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

ENGLISH = {
    "OK": "&OK", "Cancel": "&Cancel", "Save": "&Save", "Save All": "Save &All", "Open": "&Open",
    "Close": "C&lose", "Apply": "&Apply", "Discard": "&Discard", "Don't Save": "Do&n't Save",
    "Help": "&Help", "Reset": "&Reset", "Restore Defaults": "Restore &Defaults",
    "Retry": "&Retry", "Ignore": "&Ignore", "Abort": "A&bort",
}


class StandardButtonKeys(QTranslator):
    def __init__(self, parent: QObject, *, chinese: bool) -> None:
        super().__init__(parent)
        self.chinese = chinese
        self._asking = False

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        if context != "QPlatformTheme" or source not in ENGLISH or self._asking:
            return None  # not ours: the next catalogue answers
        english = ENGLISH[source]
        if not self.chinese:
            return english
        self._asking = True  # the Chinese words come from the other catalogues, not from here
        try:
            words = QCoreApplication.translate(context, source, disambiguation, n)
        finally:
            self._asking = False
        return f"{words}(&{english[english.index('&') + 1].upper()})"
