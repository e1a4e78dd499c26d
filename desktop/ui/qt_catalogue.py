"""Qt's own dialogs in Chinese where Qt's catalogue falls short.

The window loads Qt's `qtbase_zh_CN` (shipped with PySide6) after its own strings, so Qt asks its
catalogue first and this program's second. Qt's catalogue lags behind Qt: the strings below are
shown by this Qt's file and print dialogs but missing from its Chinese catalogue, so this program's
catalogue translates them. A test opens those dialogs in Chinese and finds no English left.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_strings() -> list[str]:
    """Each string in the window's language; written out so `make translations` collects them."""
    translate = QCoreApplication.translate
    return [
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        translate("QAbstractFileIconProvider", "Drive", "All other platforms"),
        translate("QAbstractFileIconProvider", "File"),
        translate("QPrintSettingsOutput", "Page &Set:"),
        translate("QPageSetupWidget", "Page &order:"),
        translate("QPageSetupWidget", "Pages &per sheet:"),
        translate("QPlatformTheme", "Don't Save"),
    ]
