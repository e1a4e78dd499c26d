"""Every page and every dialog button can be reached from the keyboard, in either language."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QTableWidget

from desktop.ui.common import mnemonic_of, with_mnemonic
from desktop.ui.main_window import PAGES, MainWindow

DIGITS = tuple(getattr(Qt.Key, f"Key_{n % 10}") for n in range(1, min(len(PAGES), 10) + 1))  # Ctrl+1 … 0


def open_window(qtbot, conn) -> MainWindow:
    window = MainWindow(conn)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_ctrl_and_a_number_goes_to_that_page_of_the_navigation(qtbot, conn):
    window = open_window(qtbot, conn)
    assert len(DIGITS) == 10  # the first ten pages have a key; the ones after are clicked
    for key, page in reversed(list(zip(DIGITS, PAGES[:10], strict=True))):
        qtbot.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() == page
        assert window.stack.currentWidget() is window.pages[page]
        assert window.navigation.currentRow() == PAGES.index(page)


def test_ctrl_and_a_number_works_while_typing_in_a_page(qtbot, conn):
    window = open_window(qtbot, conn)
    search = window.pages["roster"].search
    search.setFocus()
    qtbot.keyClicks(search, "12-")
    qtbot.keyClick(search, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "gate"
    assert search.text() == "12-"


def test_the_navigation_tooltips_show_each_pages_key(qtbot, conn):
    window = open_window(qtbot, conn)
    tips = [window.navigation.item(row).toolTip() for row in range(window.navigation.count())]
    assert tips == ["Roster (Ctrl+1)", "Group buys (Ctrl+2)", "Suppliers (Ctrl+3)",
                    "Bags & labels (Ctrl+4)", "Gate (Ctrl+5)", "Backups (Ctrl+6)",
                    "Reports (Ctrl+7)", "Urgent needs (Ctrl+8)", "Stations (Ctrl+9)",
                    "Operators (Ctrl+0)", "Audit log"]


def test_help_lists_the_keyboard_shortcuts_and_closes_with_its_alt_key(qtbot, conn):
    window = open_window(qtbot, conn)
    assert [action.text() for action in window.menuBar().actions()] == ["&Help"]
    assert window.shortcuts_action.text() == "&Keyboard shortcuts…"
    window.help_menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(window.help_menu)
    qtbot.keyClick(window.help_menu, Qt.Key.Key_K)
    dialog = window.findChild(QDialog, "shortcutsDialog")
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    rows = [(table.item(row, 0).text(), table.item(row, 1).text()) for row in range(table.rowCount())]
    assert rows[:6] == [("Ctrl+1", "Go to the Roster page"), ("Ctrl+2", "Go to the Group buys page"),
                        ("Ctrl+3", "Go to the Suppliers page"), ("Ctrl+4", "Go to the Bags & labels page"),
                        ("Ctrl+5", "Go to the Gate page"), ("Ctrl+6", "Go to the Backups page")]
    close = dialog.findChild(QPushButton, "shortcutsClose")
    assert close.text() == "&Close"
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.shortcuts_dialog is None)


def test_help_and_its_table_read_in_chinese(qtbot, conn, chinese):
    window = open_window(qtbot, conn)
    assert window.help_menu.title() == "帮助(&H)"
    assert window.shortcuts_action.text() == "键盘快捷键(&K)…"
    dialog = window.show_shortcuts()
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    assert (table.item(0, 0).text(), table.item(0, 1).text()) == ("Ctrl+1", "转到“住户”页")
    assert dialog.findChild(QPushButton, "shortcutsClose").text() == "关闭(&C)"
    assert window.navigation.item(0).toolTip() == "住户 (Ctrl+1)"
    dialog.reject()


def test_a_label_gets_a_free_letter_in_english_and_a_bracketed_one_in_chinese():
    assert with_mnemonic("Save", set()) == "&Save"
    assert with_mnemonic("Save", {"S"}) == "S&ave"
    assert with_mnemonic("Keep the buy", {"K"}) == "Keep &the buy"
    assert with_mnemonic("&Import", {"I"}) == "&Import"  # a label that chose its key keeps it
    assert with_mnemonic("保存", set(), "Save") == "保存(&S)"
    assert with_mnemonic("保存", {"S"}, "Save") == "保存(&A)"
    assert with_mnemonic("导入…", set(), "Import") == "导入(&I)…"
    assert with_mnemonic("原因：", set(), "Reason") == "原因(&R)："
    assert mnemonic_of("Bags & labels") is None
    assert mnemonic_of("Fish && chips") is None
    assert mnemonic_of("打印(&P)") == "P"


def test_in_chinese_alt_and_the_bracketed_letter_presses_the_button(qtbot, conn, chinese):
    window = open_window(qtbot, conn)
    dialog = window.pages["roster"].add_household()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    cancel = dialog.findChild(QPushButton, "householdCancel")
    assert cancel.text() == "取消(&C)"
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
