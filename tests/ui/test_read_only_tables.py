"""Every list the window shows (households, buys, suppliers, backups) is read and picked from,
never typed into: one helper makes them all alike."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QTableWidget, QTableWidgetItem, QWidget

from desktop.ui.forms import read_only_table


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
