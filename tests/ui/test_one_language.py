"""The window speaks one language at a time, Qt's own dialogs included."""

import re

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from desktop.errors import BadInput
from desktop.ui.common import show_error
from desktop.ui.qt_catalogue import qt_strings

ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
CHINESE = re.compile(r"[\u3400-\u9fff]")
# What a print dialog shows about the printer itself comes from the printer's driver, not Qt.
PRINTER_DATA = {"type", "location", "filename"}


def shown_words(dialog: QWidget) -> list[str]:
    """The title and the text of every label, button and group box a person sees in `dialog`."""
    texts = [dialog.windowTitle()]
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog) or widget.objectName() in PRINTER_DATA:
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    return [text for text in texts if text]


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def open_file_dialog(qtbot) -> QFileDialog:
    dialog = QFileDialog(None)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as under Linux without a desktop
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    return dialog


def open_print_dialog(qtbot):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    dialog = QPrintDialog(printer, None)
    dialog.printer_ = printer  # the dialog uses the printer for as long as it is open
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    return dialog


def test_qts_chinese_catalogue_comes_with_pyside_and_is_loaded(qapp, chinese):
    from PySide6.QtCore import QLibraryInfo

    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert any(name.startswith("qtbase_zh_CN") for name in __import__("os").listdir(translations))
    # This program's strings, Qt's, and the Alt keys of Qt's standard buttons.
    assert len(qapp._compound_translators) == 3


def test_a_message_box_in_chinese_has_qts_chinese_buttons_each_with_an_alt_key(qtbot, chinese):
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
                           | QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    texts = {box.button(b).text() for b in (QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Cancel,
                                             QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No)}
    assert texts == {"确定(&O)", "取消(&C)", "是(&Y)", "否(&N)"}


def test_an_error_box_in_chinese_reads_in_chinese_down_to_its_button(qtbot, chinese):
    box = show_error(None, BadInput("file_missing", "path", path="/media/usb/roster.csv"))
    qtbot.waitExposed(box)
    assert box.windowTitle() == "小区保供台"
    assert [button.text() for button in box.buttons()] == ["确定(&O)"]
    assert not ENGLISH_WORD.search(box.text().replace("/media/usb/roster.csv", ""))
    box.done(0)


def test_qts_file_dialog_in_chinese_has_no_english_left(qtbot, chinese):
    dialog = open_file_dialog(qtbot)
    words = shown_words(dialog)
    assert "查找范围(&L)：" in words and "文件类型(&T)：" in words
    assert [text for text in words if ENGLISH_WORD.search(text)] == []
    # The type column of the file list names folders in Chinese too.
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms") == "文件夹"
    dialog.reject()


def test_qts_print_dialog_in_chinese_has_no_english_left(qtbot, chinese):
    dialog = open_print_dialog(qtbot)
    words = shown_words(dialog)
    assert "打印(&P)" in words and "取消(&C)" in words
    assert [text for text in words if ENGLISH_WORD.search(text.replace("PDF", ""))] == []
    dialog.reject()


def test_a_text_fields_context_menu_is_in_chinese(qtbot, chinese):
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    texts = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
    assert "复制(&C)" in texts and "粘贴(&P)" in texts and "全选" in texts
    assert [text for text in texts if ENGLISH_WORD.search(text)] == []


def test_every_qt_string_this_program_fills_in_has_its_chinese(chinese):
    assert [text for text in qt_strings() if ENGLISH_WORD.search(text) or not CHINESE.search(text)] == []


def test_in_english_qts_dialogs_carry_no_chinese(qtbot):
    for dialog in (open_file_dialog(qtbot), open_print_dialog(qtbot)):
        assert [text for text in shown_words(dialog) if CHINESE.search(text)] == []
        dialog.reject()
    assert QApplication.translate("QPlatformTheme", "Cancel") == "&Cancel"
