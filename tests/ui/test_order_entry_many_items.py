"""A vegetable buy with forty items at the lobby table: orders typed without the mouse, on a
1366×768 laptop, each key counted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop.buys.group_buys import ItemSpec, new_buy
from desktop.buys.orders import place_order
from desktop.ui.buys.buys_page import BuysPage

VEGETABLES = (
    "西红柿 黄瓜 土豆 大白菜 菠菜 白菜 包菜 胡萝卜 白萝卜 青椒 茄子 洋葱 大蒜 生姜 大葱 小葱 香菜 芹菜 "
    "生菜 油麦菜 西兰花 花菜 冬瓜 南瓜 丝瓜 苦瓜 玉米 山药 莲藕 蘑菇 香菇 金针菇 鸡蛋 大米 面粉 食用油 "
    "猪肉 鸡腿 牛奶 苹果"
).split()
SCREEN = (1366, 768)


@pytest.fixture
def neighbours(add):
    for building in range(1, 3):
        for room in range(101, 106):
            add(f"{building}-{room}", f"住户{building}{room}", f"1380000{building}{room}")


def vegetable_buy(conn) -> int:
    assert len(VEGETABLES) == 40
    items = [ItemSpec(name, 250 + 10 * n, "chilled") for n, name in enumerate(VEGETABLES)]
    return new_buy(conn, "蔬菜大团购 40样", "城南菜场", items).buy_id


class Keyboard:
    """Presses keys where the focus is, counting every press that is not an address or quantity
    character."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot, self.window, self.counted = qtbot, window, 0

    def typed(self, text: str) -> None:  # the address and the quantities' digits: not counted
        for ch in text:
            self.qtbot.keyClicks(QApplication.focusWidget(), ch)

    def keys(self, text: str) -> None:  # letters and / that choose an item: counted
        for ch in text:
            self.qtbot.keyClicks(QApplication.focusWidget(), ch)
            self.counted += 1

    def enter(self) -> None:
        self.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        self.counted += 1


def open_on_a_laptop(qtbot, conn, buy_id):
    page = BuysPage(conn)
    qtbot.addWidget(page)
    page.resize(*SCREEN)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    view = page.open_buy(buy_id)
    return page, view


def quantities(view, address: str) -> dict[str, str]:
    model = view.findChild(QTableView, "ordersTable").model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == address:
            return {h: model.index(row, c).data() for c, h in enumerate(headers)
                    if model.index(row, c).data() and h in VEGETABLES}
    raise AssertionError(f"no order for {address}")


def test_every_item_of_a_forty_item_buy_has_a_short_code_shown_beside_it(qtbot, conn, neighbours):
    page, view = open_on_a_laptop(qtbot, conn, vegetable_buy(conn))
    codes = view.entry.finder.codes
    assert all(codes) and max(len(code) for code in codes) <= 3
    assert codes[VEGETABLES.index("西红柿")] == "xh"
    assert codes[VEGETABLES.index("菠菜")] != codes[VEGETABLES.index("白菜")]
    shown = view.findChild(QLabel, "orderItemCode16").text()  # 香菜: xc is 小葱's, so xca
    assert "17" in shown and codes[16] in shown


def test_a_three_item_order_takes_at_most_ten_keys_beyond_the_address_and_quantities(
        qtbot, conn, neighbours):
    buy_id = vegetable_buy(conn)
    page, view = open_on_a_laptop(qtbot, conn, buy_id)
    board = Keyboard(qtbot, page)

    # 1-101: 2 西红柿 (xh), 1 大米 (da), 3 鸡蛋 (j); a letter right after the address goes on.
    board.typed("1-101")
    board.keys("xh")
    board.typed("2")
    board.keys("da")
    board.typed("1")
    board.keys("j")
    board.typed("3")
    board.enter()

    assert quantities(view, "1-101") == {"西红柿": "2", "大米": "1", "鸡蛋": "3"}
    assert board.counted == 6
    assert QApplication.focusWidget() is view.entry.address and view.entry.address.text() == ""

    # The worst case: the three items with the longest codes.
    longest = sorted(range(40), key=lambda n: -len(view.entry.finder.codes[n]))[:3]
    board.counted = 0
    board.typed("1-102")
    for position in longest:
        board.keys(view.entry.finder.codes[position])
        board.typed("1")
    board.enter()
    assert quantities(view, "1-102") == {VEGETABLES[n]: "1" for n in longest}
    assert board.counted <= 10, board.counted

    # By number only: `/` and two digits each, Enter after the address (which also works).
    board.counted = 0
    board.typed("1-104")
    board.enter()
    for number in ("/12", "/25", "/38"):
        board.keys(number)  # two digits of forty items cannot grow longer: it goes at once
        board.typed("4")
    board.enter()
    assert quantities(view, "1-104") == {"洋葱": "4", "丝瓜": "4", "鸡腿": "4"}
    assert board.counted == 11  # one Enter more than going on from the address with `/`


def test_item_four_then_its_quantity_three_is_not_item_forty_three(qtbot, conn, neighbours):
    page, view = open_on_a_laptop(qtbot, conn, vegetable_buy(conn))
    board = Keyboard(qtbot, page)
    board.typed("2-101")
    board.keys("/4")  # 4 could still become 40: it waits
    assert QApplication.focusWidget() is view.entry.address
    board.typed("3")  # no item 43: the 3 is item 4's quantity
    assert QApplication.focusWidget() is view.entry.fields[3]
    board.keys("/40")
    board.typed("2")
    board.enter()
    assert quantities(view, "2-101") == {"大白菜": "3", "苹果": "2"}


def test_ten_orders_without_the_mouse_and_the_page_never_wider_than_the_screen(qtbot, conn, neighbours):
    buy_id = vegetable_buy(conn)
    page, view = open_on_a_laptop(qtbot, conn, buy_id)
    board = Keyboard(qtbot, page)
    assert page.minimumSizeHint().width() <= SCREEN[0]
    codes = view.entry.finder.codes

    for n, address in enumerate([f"{b}-{r}" for b in (1, 2) for r in range(101, 106)]):
        board.typed(address)
        for position in (n, n + 10, n + 20):
            board.keys(codes[position])
            board.typed(str(1 + n % 3))
        board.enter()
        assert page.width() == SCREEN[0] and page.minimumSizeHint().width() <= SCREEN[0]

    table = view.findChild(QTableView, "ordersTable")
    assert table.model().rowCount() == 10
    # The orders table keeps a useful height and scrolls inside the page.
    assert table.height() >= 150 and table.isVisible()
    assert view.entry.items_area.height() < 200
    assert view.entry.items_area.verticalScrollBar().maximum() > 0


def test_the_last_item_is_scrolled_into_view_when_its_letters_are_typed(qtbot, conn, neighbours):
    page, view = open_on_a_laptop(qtbot, conn, vegetable_buy(conn))
    board = Keyboard(qtbot, page)
    board.typed("1-101")
    board.keys(view.entry.finder.codes[39])
    apples = view.entry.fields[39]
    assert QApplication.focusWidget() is apples
    area = view.entry.items_area

    def shown() -> bool:
        top = apples.mapTo(area.viewport(), apples.rect().topLeft()).y()
        return 0 <= top and top + apples.height() <= area.viewport().height()

    qtbot.waitUntil(shown)


# ---- changing an order --------------------------------------------------------------------------


def test_the_order_loads_before_the_next_key_and_typing_replaces_the_quantity(qtbot, conn, neighbours):
    buy_id = vegetable_buy(conn)
    place_order(conn, buy_id, "1-103", {"西红柿": 2, "鸡蛋": 1})
    page, view = open_on_a_laptop(qtbot, conn, buy_id)
    board = Keyboard(qtbot, page)

    # Typed fast: no pause for the look-up between the address, the letters and the digit.
    board.typed("1-103")
    board.keys("xh")
    tomato = view.entry.fields[0]
    assert tomato.text() == "2" and tomato.selectedText() == "2"
    # 鸡蛋 is rows below, out of sight: the household's line says the whole order.
    assert "already ordered 西红柿 ×2、鸡蛋 ×1" in view.findChild(QLabel, "orderHousehold").text()
    board.typed("3")
    assert tomato.text() == "3"  # replaced, not 23, and not lost to the loading order
    board.enter()
    assert quantities(view, "1-103") == {"西红柿": "3", "鸡蛋": "1"}


def test_tabbing_or_clicking_into_a_quantity_selects_it(qtbot, conn, neighbours):
    buy_id = vegetable_buy(conn)
    place_order(conn, buy_id, "1-104", {"黄瓜": 5})
    page, view = open_on_a_laptop(qtbot, conn, buy_id)
    qtbot.keyClicks(view.entry.address, "1-104")
    qtbot.keyClick(view.entry.address, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    cucumber = view.entry.fields[1]
    assert QApplication.focusWidget() is cucumber and cucumber.selectedText() == "5"
    view.entry.address.setFocus()
    qtbot.mouseClick(cucumber, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cucumber.selectedText() == "5")


def test_a_change_that_more_than_doubles_the_amount_asks_and_can_be_taken_back(qtbot, conn, neighbours):
    buy_id = vegetable_buy(conn)
    place_order(conn, buy_id, "1-105", {"西红柿": 2})
    page, view = open_on_a_laptop(qtbot, conn, buy_id)
    board = Keyboard(qtbot, page)

    board.typed("1-105")
    board.keys("xh")
    board.typed("12")  # meant 2 more, typed 12: six times the amount
    board.enter()
    box = view.entry.confirm
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "1-105" in box.text() and "¥5.00" in box.text() and "¥30.00" in box.text()
    # Enter takes the safe answer: look again, nothing saved.
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.entry.confirm is None)
    assert quantities(view, "1-105") == {"西红柿": "2"}
    assert QApplication.focusWidget() is view.entry.fields[0]

    board.enter()
    box = view.entry.confirm
    box.findChild(QPushButton, "orderConfirmSave").click()
    qtbot.waitUntil(lambda: quantities(view, "1-105") == {"西红柿": "12"})

    # Doubling exactly, or going down, asks nothing.
    board.typed("1-105")
    board.keys("xh")
    board.typed("20")
    board.enter()
    assert view.entry.confirm is None
    assert quantities(view, "1-105") == {"西红柿": "20"}


# ---- small things -------------------------------------------------------------------------------


def test_after_adding_a_household_from_order_entry_only_one_message_shows(qtbot, conn, neighbours):
    buy_id = vegetable_buy(conn)
    page, view = open_on_a_laptop(qtbot, conn, buy_id)
    qtbot.keyClicks(view.entry.address, "9-909")
    qtbot.keyClick(view.entry.address, Qt.Key.Key_Return)
    error = view.findChild(QLabel, "orderError")
    assert error.isVisible()

    view.findChild(QPushButton, "orderAddHousehold").click()
    dialog = view.dialog
    qtbot.keyClicks(dialog.findChild(QLineEdit, "householdName"), "new")
    dialog.save()

    household = view.findChild(QLabel, "orderHousehold")
    qtbot.waitUntil(lambda: "9-909" in household.text())
    assert not error.isVisible()
    assert not household.geometry().intersects(view.entry.error_box.geometry()) or \
        not view.entry.error_box.isVisible()


def test_a_long_item_name_gives_way_to_its_price_and_is_whole_in_the_tooltip(qtbot, conn, neighbours):
    buy_id = new_buy(conn, "西瓜团", "城南果园", [
        ItemSpec("冰淇淋黄心西瓜(每箱四斤装,产地直发)", 5990, "ambient"), ItemSpec("苹果", 800, "ambient"),
    ]).buy_id
    page, view = open_on_a_laptop(qtbot, conn, buy_id)
    label = view.entry._labels[0]
    assert label.text().endswith("¥59.90") and "…" in label.text()
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
    assert label.toolTip() == "冰淇淋黄心西瓜(每箱四斤装,产地直发) ¥59.90"
    assert view.entry.finder.codes[0] == "b"  # what is in brackets is not what people call it


def test_two_sizes_of_one_product_are_told_apart_beside_their_quantity_boxes(qtbot, conn, neighbours):
    buy_id = new_buy(conn, "西瓜团", "某果园", [ItemSpec("冰淇淋黄心西瓜(每箱六斤)", 8000),
                                             ItemSpec("冰淇淋黄心西瓜(每箱四斤)", 5990)]).buy_id
    page, view = open_on_a_laptop(qtbot, conn, buy_id)
    shown = []
    for position in (0, 1):
        cell = view.findChild(QWidget, f"orderItem{position}")
        heading = next(label for label in cell.findChildren(QLabel) if label.toolTip())
        shown.append(heading.text().rsplit(" ", 1)[0])  # the name as drawn, without the price
    assert "六斤" in shown[0] and "四斤" in shown[1], shown


def test_an_order_refused_for_no_quantity_does_not_still_name_the_item_chosen_before(
        qtbot, conn, neighbours):
    page, view = open_on_a_laptop(qtbot, conn, vegetable_buy(conn))
    board = Keyboard(qtbot, page)
    board.typed("2-101")
    board.enter()
    board.keys("/5")
    jump = view.entry.findChild(QLabel, "orderJump")
    assert jump.text() == "/5 → 菠菜"
    board.enter()  # no quantity typed: refused, the cursor goes back to a quantity box
    assert view.entry.error_box.isVisible(), view.entry.error.text()
    focused = QApplication.focusWidget()
    assert focused in view.entry.fields
    named_item = VEGETABLES[view.entry.fields.index(focused)]
    assert jump.text() in ("", f"→ {named_item}"), \
        f"the line beside the address says “{jump.text()}” while the cursor is at {named_item}"
