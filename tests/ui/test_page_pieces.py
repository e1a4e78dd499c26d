"""The pieces pages are built from, alike on every page: lists that are read and picked from,
never typed into; a page's title; what a page says and offers while it is still empty."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.forms import (
    MUTED_STYLE,
    buddy_label,
    centred_sentence,
    empty_state,
    larger,
    named,
    read_only_table,
)


def _backups_like(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    table = read_only_table(page, "someList", "Some list", table=QTableWidget(3, 3, page), row_padding=12)
    for row in range(3):
        for column in range(3):
            table.setItem(row, column, QTableWidgetItem(f"{row}-{column}"))
    page.resize(500, 300)
    page.show()
    qtbot.waitExposed(page)
    return page, table


def test_a_click_picks_the_whole_row_and_a_double_click_edits_nothing(qtbot):
    _page, table = _backups_like(qtbot)
    assert table.objectName() == "someList" and table.accessibleName() == "Some list"
    cell = table.visualRect(table.model().index(1, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert [index.row() for index in table.selectionModel().selectedRows()] == [1]
    assert len(table.selectedItems()) == 3
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert table.state() != QAbstractItemView.State.EditingState
    assert table.item(1, 1).text() == "1-1"


def test_rows_are_one_line_high_with_room_and_the_last_column_takes_the_rest(qtbot):
    _page, table = _backups_like(qtbot)
    assert table.verticalHeader().defaultSectionSize() == table.fontMetrics().height() + 12
    assert not table.verticalHeader().isVisible() and not table.showGrid()
    assert table.horizontalHeader().stretchLastSection()
    made = read_only_table(table, "other", "Other")
    assert isinstance(made, QTableView)
    assert made.verticalHeader().defaultSectionSize() == made.fontMetrics().height() + 10


def test_an_empty_page_says_so_in_large_type_and_its_buttons_make_a_start(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    pressed = []
    empty, buttons = empty_state(page, "thingsEmpty", "Nothing here yet.", [
        ("thingsEmptyAdd", "Add a thing…", "Add a thing", lambda: pressed.append("add")),
        ("thingsEmptyImport", "Import things…", "Import things", lambda: pressed.append("import")),
    ], hint="A spreadsheet will do.")
    empty.resize(700, 400)
    empty.show()
    qtbot.waitExposed(empty)
    sentence = empty.findChild(QLabel, "thingsEmptyText")
    hint = empty.findChild(QLabel, "thingsEmptyHint")
    assert sentence.text() == sentence.accessibleName() == "Nothing here yet."
    assert sentence.font().pointSizeF() > hint.font().pointSizeF()
    assert hint.text() == "A spreadsheet will do." and hint.styleSheet() == MUTED_STYLE
    assert [b.objectName() for b in buttons] == ["thingsEmptyAdd", "thingsEmptyImport"]
    assert buttons[0].geometry().right() < buttons[1].geometry().left()  # side by side
    qtbot.mouseClick(empty.findChild(QPushButton, "thingsEmptyImport"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert pressed == ["import", "add"]
    bare, none = empty_state(page, "otherEmpty", "Nothing.", [])
    assert none == [] and bare.findChild(QLabel, "otherEmptyHint") is None


def test_a_title_is_larger_and_bold_and_a_centred_sentence_is_named_by_its_text(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    plain = QLabel("Suppliers", page)
    title = larger(QLabel("Suppliers", page), bold=True)
    assert title.font().pointSizeF() == plain.font().pointSizeF() * 1.3 and title.font().bold()
    assert not larger(QLabel("Nothing yet", page)).font().bold()
    sentence = centred_sentence(page, "backupsEmpty", "No backups yet.")
    assert (sentence.objectName(), sentence.accessibleName()) == ("backupsEmpty", "No backups yet.")
    assert sentence.wordWrap() and sentence.alignment() == Qt.AlignmentFlag.AlignCenter


def test_a_named_widget_is_found_by_its_name_and_read_out_by_its_accessible_name(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    field = named(QLabel("12-301", page), "householdAddressCanonical", "Address as it will be saved")
    assert page.findChild(QLabel, "householdAddressCanonical") is field
    assert field.accessibleName() == "Address as it will be saved" and field.text() == "12-301"


def test_a_labels_alt_key_puts_the_cursor_in_its_field(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    field = QLineEdit(page)
    other = QLineEdit(page)
    label = buddy_label(page, "&Supplier:", field)
    column = QVBoxLayout(page)
    for widget in (other, label, field):
        column.addWidget(widget)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(field.hasFocus)
    assert label.buddy() is field and label.text() == "&Supplier:"
