"""The Group buys and Suppliers pages, driven the way a volunteer at the lobby table drives them."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop.buys.group_buys import ItemSpec, buy_details, get_buy, new_buy, turn_down
from desktop.buys.orders import place_order
from desktop.buys.payments import list_payments, order_money, record_payment
from desktop.buys.suppliers import find_supplier, supplier_record
from desktop.roster.households import find_household
from desktop.ui.buys.buys_page import BuysPage
from desktop.ui.buys.suppliers_page import SuppliersPage

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def compound(add):
    """A few neighbours; 5-1202 is an elderly woman living alone."""
    add("12-301", "张三", "13800000001")
    add("5-1202", "李阿姨", "13800000002", flags=("elderly_alone", "no_smartphone"))
    add("7-2-502", "王芳", "13800000003")
    add("18-1101", "赵先生", "13800000004")


def dumplings(conn, *, cap=None, wings=False, supplier="某食品店", minimum=None) -> int:
    items = [ItemSpec("冷冻饺子", 3200, "frozen", cap=cap)]
    if wings:
        items.append(ItemSpec("鸡翅中", 5850, "chilled"))
    return new_buy(conn, "冷冻饺子团", supplier, items, minimum=minimum).buy_id


def make_page(qtbot, conn, page_class=BuysPage):
    page = page_class(conn)
    qtbot.addWidget(page)
    page.resize(1216, 720)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def type_text(qtbot, widget, text: str) -> None:
    """ASCII on the keys, Chinese committed by the input method, as a volunteer types."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    from PySide6.QtGui import QInputMethodEvent

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def column(table: QTableView, header: str) -> list[str]:
    model = table.model()
    number = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == header)
    return [model.index(row, number).data() for row in range(model.rowCount())]


def row_of(table: QTableView, address: str) -> dict[str, str]:
    model = table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == address:
            return {h: model.index(row, c).data() for c, h in enumerate(headers)}
    raise AssertionError(f"{address} is not in the table")


def orders_in(conn, buy_id) -> int:
    return conn.execute("SELECT count(*) FROM buy_order WHERE group_buy_id = ?", (buy_id,)).fetchone()[0]


# ---- taking orders at the table -----------------------------------------------------------------


def test_a_volunteer_types_an_address_tab_a_quantity_enter_and_the_order_appears_with_its_due(
        qtbot, conn, compound):
    buy_id = dumplings(conn, wings=True)
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    address = view.findChild(QLineEdit, "orderAddress")
    assert page.focusWidget() is address

    type_text(qtbot, address, "12号楼301")
    qtbot.keyClick(address, Qt.Key.Key_Tab)
    assert page.focusWidget() is view.findChild(QLineEdit, "orderQuantity0")
    qtbot.keyClicks(page.focusWidget(), "2")
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return)

    orders = view.findChild(QTableView, "ordersTable")
    assert row_of(orders, "12-301") == {"Address": "12-301", "冷冻饺子": "2", "鸡翅中": "", "Due": "¥64.00",
                                        "Paid": "¥0.00", "Refund owed": ""}
    assert page.focusWidget() is address and address.text() == ""
    assert "12-301" in view.findChild(QLabel, "buyNotice").text()
    assert "¥64.00" in view.findChild(QLabel, "buyNotice").text()

    # The next household, without touching the mouse: Tab twice reaches the second item.
    qtbot.keyClicks(address, "7-2-502")
    qtbot.keyClick(address, Qt.Key.Key_Tab)
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(page.focusWidget(), "1")
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Enter)
    assert row_of(orders, "7-2-502")["鸡翅中"] == "1"
    assert row_of(orders, "7-2-502")["Due"] == "¥58.50"
    assert page.focusWidget() is address


def test_an_unknown_address_is_refused_beside_the_field_and_nothing_is_saved(qtbot, conn, compound, saved):
    buy_id = dumplings(conn)
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    address = view.findChild(QLineEdit, "orderAddress")

    qtbot.keyClicks(address, "8-808")
    qtbot.keyClick(address, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.focusWidget(), "2")
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return)
    saved()

    error = view.findChild(QLabel, "orderError")
    assert error.isVisible() and error.text() == "No household at 8-808 in the roster."
    add = view.findChild(QPushButton, "orderAddHousehold")
    assert add.isVisible() and "8-808" in add.text()
    assert address.property("invalid") is True and page.focusWidget() is address
    assert orders_in(conn, buy_id) == 0

    # The offer: the roster's own dialog, with the address filled in; then the order goes in.
    add.click()
    dialog = view.dialog
    assert dialog.objectName() == "householdDialog"
    assert dialog.findChild(QLineEdit, "householdAddress").text() == "8-808"
    qtbot.keyClicks(dialog.findChild(QLineEdit, "householdName"), "new neighbour")
    dialog.save()
    saved()
    assert find_household(conn, "8-808") is not None
    quantity = view.findChild(QLineEdit, "orderQuantity0")
    assert page.focusWidget() is quantity and quantity.text() == "2"
    qtbot.keyClick(quantity, Qt.Key.Key_Return)
    saved()
    assert row_of(view.findChild(QTableView, "ordersTable"), "8-808")["Due"] == "¥64.00"


def test_an_order_over_the_cap_shows_the_cap_and_saves_nothing(qtbot, conn, compound):
    buy_id = dumplings(conn, cap=2)
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    address = view.findChild(QLineEdit, "orderAddress")

    qtbot.keyClicks(address, "12-301")
    qtbot.keyClick(address, Qt.Key.Key_Tab)
    quantity = page.focusWidget()
    qtbot.keyClicks(quantity, "3")
    qtbot.keyClick(quantity, Qt.Key.Key_Return)

    error = view.findChild(QLabel, "orderError")
    assert error.isVisible()
    assert "cap of 2 per household" in error.text() and "order at most 2" in error.text()
    assert quantity.property("invalid") is True and page.focusWidget() is quantity
    assert address.text() == "12-301"  # nothing typed is lost
    assert orders_in(conn, buy_id) == 0
    assert "at most 2" in view.findChild(QLabel, "buyItems").text()


@pytest.mark.parametrize(("typed", "words"), [
    ("0", "0 is not a quantity of 冷冻饺子"),
    ("-1", "-1 is not a quantity of 冷冻饺子"),
    ("1.5", "“1.5” is not a quantity of 冷冻饺子"),  # letters choose an item, so never land here
])
def test_a_quantity_that_is_not_one_gets_its_sentence_beside_the_field(qtbot, conn, compound, typed, words):
    buy_id = dumplings(conn)
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    address = view.findChild(QLineEdit, "orderAddress")
    qtbot.keyClicks(address, "12-301")
    qtbot.keyClick(address, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.focusWidget(), typed)
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return)

    assert words in view.findChild(QLabel, "orderError").text()
    assert orders_in(conn, buy_id) == 0


def test_typing_the_address_of_a_household_that_ordered_loads_its_order_to_change_in_place(
        qtbot, conn, compound):
    buy_id = dumplings(conn, wings=True)
    place_order(conn, buy_id, "5-1202", {"冷冻饺子": 1, "鸡翅中": 2})
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    address = view.findChild(QLineEdit, "orderAddress")

    type_text(qtbot, address, "5号楼1202")
    qtbot.keyClick(address, Qt.Key.Key_Tab)
    dumpling, wings = view.findChild(QLineEdit, "orderQuantity0"), view.findChild(QLineEdit, "orderQuantity1")
    assert (dumpling.text(), wings.text()) == ("1", "2")
    assert "already ordered" in view.findChild(QLabel, "orderHousehold").text()
    assert "李阿姨" in view.findChild(QLabel, "orderHousehold").text()

    qtbot.keyClicks(page.focusWidget(), "3")  # Tab selected the 1: typing replaces it
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return)

    orders = view.findChild(QTableView, "ordersTable")
    assert column(orders, "Address") == ["5-1202"]
    assert row_of(orders, "5-1202")["冷冻饺子"] == "3"
    assert orders_in(conn, buy_id) == 1
    assert "Changed the order of 5-1202" in view.findChild(QLabel, "buyNotice").text()


def test_a_buy_that_takes_no_orders_says_why_instead_of_the_entry_row(qtbot, conn, compound):
    from desktop.buys.group_buys import change_status

    buy_id = dumplings(conn)
    change_status(conn, buy_id, "closed")
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    assert not view.findChild(QLineEdit, "orderAddress").isVisible()
    assert "takes no more orders" in view.findChild(QLabel, "orderClosed").text()
    assert not view.findChild(QPushButton, "buyPasteChain").isEnabled()


# ---- the list, the header, a new buy -----------------------------------------------------------


def test_the_list_shows_status_deadline_progress_and_money_and_opens_a_buy(qtbot, conn, compound):
    buy_id = new_buy(conn, "冷冻饺子团", "某食品店", [ItemSpec("冷冻饺子", 3200, "frozen")],
                     minimum=3, deadline="2030-04-20T20:00").buy_id
    placed = place_order(conn, buy_id, "12-301", {"冷冻饺子": 2})
    place_order(conn, buy_id, "7-2-502", {"冷冻饺子": 2})
    record_payment(conn, placed.order_id, 6400, "wechat")
    page = make_page(qtbot, conn)
    table = page.findChild(QTableView, "buysTable")

    assert column(table, "Group buy") == ["冷冻饺子团"]
    assert column(table, "Supplier") == ["某食品店"]
    assert column(table, "Status") == ["open"]
    assert column(table, "Deadline") == ["2030-04-20 20:00"]
    assert column(table, "Ordered / minimum") == ["4/3 ✓"]
    assert column(table, "Collected") == ["¥64.00"]

    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    header = page.findChild(QLabel, "buyHeader").text()
    assert header == "冷冻饺子团 · 某食品店 · open · deadline 2030-04-20 20:00 · 4/3 ✓ minimum reached"
    assert page.findChild(QLabel, "buyItems").text() == "Items: 冷冻饺子 ¥32.00 frozen"


def test_a_supplier_that_turned_a_buy_down_shows_a_warning_banner_on_a_new_buy(qtbot, conn, compound, saved):
    earlier = dumplings(conn, supplier="好邻居生鲜")
    turn_down(conn, earlier, "商家拒单：仓库封控")
    page = make_page(qtbot, conn)
    qtbot.keyClick(page.findChild(QTableView, "buysTable"), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.objectName() == "newBuyDialog"

    type_text(qtbot, dialog.findChild(QLineEdit, "newBuyTitle"), "大米团")
    dialog.supplier.setEditText("好邻居生鲜")
    warning = dialog.findChild(QLabel, "newBuyWarning")
    assert warning.isVisible() and "turned down 1" in warning.text()
    assert "collect money only after the supplier confirms" in warning.text()
    assert "turned down 1" in dialog.findChild(QLabel, "newBuySupplierRecord").text()
    type_text(qtbot, dialog.findChild(QLineEdit, "newBuyItemName0"), "东北大米")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "newBuyItemPrice0"), "79")
    qtbot.keyClick(dialog.findChild(QLineEdit, "newBuyItemPrice0"), Qt.Key.Key_Return)
    saved()

    assert page.stack.currentWidget() is page.view
    banner = page.findChild(QLabel, "buyWarning")
    assert banner.isVisible()
    assert "turned down 1" in banner.text() and "collect money only after" in banner.text()
    buy = get_buy(conn, page.view.buy_id)
    assert (buy.title, buy.supplier, buy.status) == ("大米团", "好邻居生鲜", "open")


def test_a_new_supplier_gets_the_warning_too_and_prices_in_yuan_become_exact_fen(qtbot, conn, compound, saved):
    page = make_page(qtbot, conn)
    dialog = page.new_buy()
    dialog.title.setText("鸡翅团")
    dialog.supplier.setEditText("从没来过的店")
    assert "never delivered here" in dialog.warning.text() and dialog.warning.isVisible()
    dialog.item_rows[0].name.setText("鸡翅中")
    dialog.item_rows[0].price.setText("58.5")
    dialog.item_rows[0].cap.setText("2")
    dialog.item_rows[0].storage.setCurrentIndex(dialog.item_rows[0].storage.findData("chilled"))
    row = dialog.add_item_row()
    row.name.setText("鸡腿")
    row.price.setText("0.1")
    dialog.minimum.setText("30")
    dialog.save()
    saved()

    details = buy_details(conn, page.view.buy_id)
    assert [(t.item.name, t.item.price_fen, t.item.storage, t.item.cap) for t in details.items] == [
        ("鸡翅中", 5850, "chilled", 2), ("鸡腿", 10, "ambient", None)]
    assert details.buy.minimum == 30
    assert find_supplier(conn, "从没来过的店") is not None


def test_a_bad_price_is_said_beside_its_item_and_nothing_is_opened(qtbot, conn, compound):
    page = make_page(qtbot, conn)
    dialog = page.new_buy()
    dialog.title.setText("鸡翅团")
    dialog.item_rows[0].name.setText("鸡翅中")
    dialog.item_rows[0].price.setText("58.555")
    dialog.save()

    error = dialog.findChild(QLabel, "newBuyItemError0")
    assert error.isVisible() and "more than two decimals" in error.text()
    assert dialog.item_rows[0].price.property("invalid") is True
    assert dialog.isVisible()
    assert conn.execute("SELECT count(*) FROM group_buy").fetchone()[0] == 0

    dialog.item_rows[0].price.setText("")
    dialog.item_rows[0].name.setText("")
    dialog.save()
    assert "at least one item" in dialog.findChild(QLabel, "newBuyItemsError").text()


# ---- 接龙, arrival, cancel, payments ------------------------------------------------------------

CHAIN = """#接龙 冷冻饺子团
截止今晚8点

1. 12-301 张 2袋
2. 5号楼1202 李阿姨 一袋
3. 99-999 某 1
4. 7栋2单元502 王 两袋 备注：放门口
"""


def test_a_pasted_jielong_list_previews_its_lines_and_a_bad_line_with_its_number_then_imports(
        qtbot, conn, compound, saved):
    buy_id = dumplings(conn)
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    qtbot.keyClick(view.entry.address, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dialog
    assert dialog is not None and dialog.objectName() == "chainDialog"

    dialog.findChild(QPlainTextEdit, "chainText").setPlainText(CHAIN)
    qtbot.waitUntil(lambda: dialog.preview is not None)

    understood = dialog.findChild(QTableView, "chainOrders")
    assert column(understood, "Line") == ["4", "5", "7"]
    assert column(understood, "Address") == ["12-301", "5-1202", "7-2-502"]
    assert column(understood, "Quantities") == ["冷冻饺子×2", "冷冻饺子×1", "冷冻饺子×2"]
    not_listed = dialog.findChild(QTableView, "chainUnknown")  # offered to add, not a bad line
    assert not_listed.isVisible()
    assert column(not_listed, "Line") == ["6"] and column(not_listed, "Address") == ["99-999"]
    assert not dialog.findChild(QTableView, "chainProblems").isVisible()
    assert "3 households" in dialog.findChild(QLabel, "chainSummary").text()
    assert orders_in(conn, buy_id) == 0  # a preview writes nothing

    dialog.findChild(QPushButton, "chainImport").click()
    saved()

    assert orders_in(conn, buy_id) == 3
    orders = view.findChild(QTableView, "ordersTable")
    assert column(orders, "Address") == ["5-1202", "7-2-502", "12-301"]
    assert "1 lines not understood" in view.findChild(QLabel, "buyNotice").text()


def test_a_pasted_list_with_nothing_recognisable_says_so_and_offers_no_import(qtbot, conn, compound):
    buy_id = dumplings(conn)
    page = make_page(qtbot, conn)
    dialog = page.open_buy(buy_id).paste_chain()
    dialog.text.setPlainText("大家好\n今晚截单")
    dialog.update_preview()
    assert "No order line was recognised" in dialog.findChild(QLabel, "chainSummary").text()
    assert not dialog.findChild(QPushButton, "chainImport").isEnabled()


def test_arrival_with_a_shortage_previews_the_elderly_household_served_first_then_saves(
        qtbot, conn, compound, saved):
    buy_id = dumplings(conn)
    for address in ("12-301", "7-2-502", "5-1202"):  # the elderly neighbour ordered last
        placed = place_order(conn, buy_id, address, {"冷冻饺子": 2})
        record_payment(conn, placed.order_id, 6400, "wechat")
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    qtbot.keyClick(view.entry.address, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dialog
    assert dialog is not None and dialog.objectName() == "arrivalDialog"
    assert dialog.findChild(QLineEdit, "arrivalReceived0").text() == "6"
    assert dialog.findChild(QWidget, "arrivalPolicy").currentData() == "vulnerable-first"

    received = dialog.findChild(QLineEdit, "arrivalReceived0")
    received.selectAll()
    qtbot.keyClicks(received, "3")
    qtbot.waitUntil(lambda: "Short" in dialog.findChild(QLabel, "arrivalSummary").text())

    preview = dialog.findChild(QTableView, "arrivalPreview")
    assert column(preview, "Address") == ["5-1202", "7-2-502", "12-301"]
    assert column(preview, "Ordered") == ["2", "2", "2"]
    assert column(preview, "Allocated") == ["2", "0", "1"]
    assert column(preview, "Served first") == ["✓", "", ""]
    assert column(preview, "Refund owed") == ["", "¥64.00", "¥32.00"]
    assert "3 short" in dialog.findChild(QLabel, "arrivalShort0").text()
    assert get_buy(conn, buy_id).status == "open"  # nothing saved yet

    dialog.findChild(QPushButton, "arrivalSave").click()
    saved()

    assert get_buy(conn, buy_id).status == "arrived"
    orders = view.findChild(QTableView, "ordersTable")
    assert row_of(orders, "5-1202")["冷冻饺子"] == "2"
    assert row_of(orders, "12-301")["冷冻饺子"] == "2 → 1"
    assert row_of(orders, "12-301")["Refund owed"] == "¥32.00"
    assert "Refunds owed: ¥96.00" in view.findChild(QLabel, "buyNotice").text()


def test_a_bad_received_quantity_is_said_beside_its_item_and_blocks_saving(qtbot, conn, compound):
    buy_id = dumplings(conn)
    place_order(conn, buy_id, "12-301", {"冷冻饺子": 2})
    page = make_page(qtbot, conn)
    dialog = page.open_buy(buy_id).record_arrival()
    dialog.received[0].setText("-3")
    dialog.update_preview()
    error = dialog.findChild(QLabel, "arrivalReceivedError0")
    qtbot.waitUntil(lambda: "cannot have arrived" in error.text())
    assert not dialog.findChild(QPushButton, "arrivalSave").isEnabled()


def test_cancel_lists_the_refunds_owed_per_household(qtbot, conn, compound, saved):
    buy_id = dumplings(conn)
    first = place_order(conn, buy_id, "12-301", {"冷冻饺子": 2})
    second = place_order(conn, buy_id, "18-1101", {"冷冻饺子": 1})
    place_order(conn, buy_id, "7-2-502", {"冷冻饺子": 1})  # has not paid: owed nothing
    record_payment(conn, first.order_id, 6400, "wechat")
    record_payment(conn, second.order_id, 3200, "cash")
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    dialog = view.cancel_buy()

    refunds = dialog.findChild(QTableView, "cancelRefunds")
    assert column(refunds, "Address") == ["12-301", "18-1101"]  # what it will leave owed
    confirm = dialog.findChild(QPushButton, "cancelConfirm")
    confirm.click()
    saved()
    assert "Say why" in dialog.findChild(QLabel, "cancelReasonError").text()
    assert get_buy(conn, buy_id).status == "open"

    type_text(qtbot, dialog.findChild(QLineEdit, "cancelReason"), "商家拒单，没货了")
    assert dialog.findChild(QWidget, "cancelCause").currentData() == "turned_down"
    confirm.click()
    saved()

    assert get_buy(conn, buy_id).status == "cancelled"
    assert column(refunds, "Address") == ["12-301", "18-1101"]
    assert column(refunds, "Refund owed") == ["¥64.00", "¥32.00"]
    assert dialog.findChild(QLabel, "cancelTotal").text() == "2 households, ¥96.00 in all."
    assert dialog.findChild(QLabel, "cancelRefundsTitle").text() == "Refunds owed, per household:"
    assert "Cancelled: 商家拒单，没货了" in view.findChild(QLabel, "buyWarning").text()
    assert supplier_record(conn, get_buy(conn, buy_id).supplier_id).turned_down == 1
    dialog.findChild(QPushButton, "cancelKeep").click()


def test_a_payment_typed_in_yuan_is_recorded_in_exact_fen_and_a_refund_the_other_way(qtbot, conn, compound, saved):
    buy_id = dumplings(conn)
    placed = place_order(conn, buy_id, "12-301", {"冷冻饺子": 2})
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    view.select_order(placed.order_id)
    qtbot.keyClick(view.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dialog
    assert dialog is not None and dialog.objectName() == "paymentDialog"
    amount = dialog.findChild(QLineEdit, "paymentAmount")
    assert amount.text() == "64.00"  # what is still owed

    amount.setText("64.1")
    dialog.method.setCurrentIndex(dialog.method.findData("alipay"))
    dialog.reference.setText("2022041912345")
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    saved()
    assert [(p.amount_fen, p.method, p.reference) for p in list_payments(conn, order_id=placed.order_id)] == [
        (6410, "alipay", "2022041912345")]
    assert row_of(view.table, "12-301")["Refund owed"] == "¥0.10"

    dialog = view.record_payment()
    assert dialog.findChild(QWidget, "paymentRefund").isChecked()
    assert dialog.amount.text() == "0.10"
    dialog.amount.setText("abc")
    dialog.save()
    saved()
    assert "is not an amount" in dialog.findChild(QLabel, "paymentAmountError").text()
    dialog.amount.setText("0.10")
    dialog.save()
    saved()
    assert order_money(conn, placed.order_id).paid_fen == 6400
    assert row_of(view.table, "12-301")["Refund owed"] == ""


def test_the_status_menu_offers_only_legal_steps_and_a_step_is_taken(qtbot, conn, compound, saved):
    buy_id = dumplings(conn)
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    targets = [action.data() for action in view.status_menu.actions()]
    assert targets == ["closed", "arrived"]

    next(a for a in view.status_menu.actions() if a.data() == "closed").trigger()
    saved()
    assert get_buy(conn, buy_id).status == "closed"
    assert [a.data() for a in view.status_menu.actions()] == ["open", "confirmed", "arrived"]
    assert view.status_menu.actions()[0].text() == "Reopen for orders"
    assert "is now closed" in view.findChild(QLabel, "buyNotice").text()


def test_the_supplier_order_sheet_is_written_off_the_gui_thread(qtbot, conn, compound, tmp_path):
    buy_id = dumplings(conn)
    place_order(conn, buy_id, "12-301", {"冷冻饺子": 2})
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    job = view.write_order_sheet(tmp_path / "sheet.csv")
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    text = (tmp_path / "sheet.csv").read_text(encoding="utf-8-sig")
    assert "冷冻饺子" in text and "64.00" in text
    assert "sheet.csv" in view.findChild(QLabel, "buyNotice").text()


@pytest.mark.skipif(not (SAMPLES / "kuaituantuan-export.xlsx").exists(), reason="no shared sample")
def test_a_kuaituantuan_export_is_previewed_then_imported_off_the_gui_thread(qtbot, conn, compound):
    page = make_page(qtbot, conn)
    job = page.import_ktt(SAMPLES / "kuaituantuan-export.xlsx")
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "kttPreview",
                    timeout=10_000)
    assert conn.execute("SELECT count(*) FROM group_buy").fetchone()[0] == 0  # read, nothing written
    assert not job.running
    page.dialog.findChild(QPushButton, "kttImport").click()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "kttResult",
                    timeout=10_000)
    summary = page.dialog.findChild(QLabel, "kttResultSummary").text()
    assert "orders" in summary and "matched in the roster" in summary
    assert page.stack.currentWidget() is page.view
    assert page.view.model.rowCount() > 0
    page.dialog.accept()


def test_everything_a_volunteer_uses_has_a_name_and_the_shortcuts_are_in_the_tooltips(qtbot, conn, compound):
    buy_id = dumplings(conn, wings=True)
    place_order(conn, buy_id, "12-301", {"冷冻饺子": 1})
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    names = ["buyBack", "buyHeader", "buyItems", "buyRecordPayment", "buyImportKtt", "buyPasteChain",
             "buyChangeStatus", "buyArrival", "buyCancel", "buyOrderSheet", "orderAddress",
             "orderQuantity0", "orderQuantity1", "orderSave", "ordersTable", "ordersTotals",
             "buysTable", "buysNew", "buysImportKtt"]
    for name in names:
        widget = page.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    tips = {"buyRecordPayment": "Ctrl+P", "buyPasteChain": "Ctrl+J", "buyArrival": "Ctrl+R",
            "buyChangeStatus": "Ctrl+T", "buyOrderSheet": "Ctrl+Shift+E", "buysNew": "Ctrl+N"}
    for name, keys in tips.items():
        assert keys in page.findChild(QPushButton, name).toolTip(), name
    view.select_order(view.model.order_at(0).order_id)
    for dialog in (view.record_payment(), view.record_arrival(), view.cancel_buy(), view.paste_chain(),
                   page.new_buy()):
        for child in dialog.findChildren(QWidget):
            if isinstance(child, (QLineEdit, QPushButton, QTableView, QPlainTextEdit)) and child.isVisible() \
                    and child.parent() is not None and child.objectName() and not child.objectName().startswith("qt_"):
                assert child.accessibleName(), (dialog.objectName(), child.objectName())
        dialog.reject()


# ---- suppliers ------------------------------------------------------------------------------------


def test_the_suppliers_page_shows_each_record_and_notes_a_complaint(qtbot, conn, compound, saved):
    refused = dumplings(conn, supplier="好邻居生鲜")
    turn_down(conn, refused, "商家拒单")
    dumplings(conn, supplier="某食品店")
    page = make_page(qtbot, conn, SuppliersPage)
    table = page.findChild(QTableView, "suppliersTable")
    assert sorted(column(table, "Supplier or donor")) == ["好邻居生鲜", "某食品店"]

    page.select_supplier(find_supplier(conn, "好邻居生鲜").id)
    assert row_of(table, "好邻居生鲜")["Turned down"] == "1"
    assert "turned down 1" in page.findChild(QLabel, "supplierWarning").text()
    events = page.findChild(QTableView, "supplierEvents")
    assert column(events, "What") == ["turned the buy down"]

    qtbot.keyClick(table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.objectName() == "complaintDialog"
    dialog.save()
    saved()
    assert "complaint" in dialog.findChild(QLabel, "complaintNoteError").text().lower()
    type_text(qtbot, dialog.findChild(QPlainTextEdit, "complaintNote"), "收款后失联")
    dialog.save()
    saved()

    assert row_of(table, "好邻居生鲜")["Complaints"] == "1"
    assert "收款后失联" in column(events, "Note")
    assert "好邻居生鲜" in page.findChild(QLabel, "suppliersNotice").text()


def test_donors_are_marked_on_the_suppliers_page_and_the_show_list_keeps_one_kind(
        qtbot, conn, compound):
    from PySide6.QtWidgets import QComboBox

    from desktop.buys.distributions import new_distribution, parse_gift

    dumplings(conn, supplier="某食品店")
    gift = new_distribution(conn, "保供包", "街道办", [parse_gift("米 5 kg=1")]).distribution_id
    page = make_page(qtbot, conn, SuppliersPage)
    table = page.findChild(QTableView, "suppliersTable")
    assert row_of(table, "街道办")["Role"] == "Donor"
    assert row_of(table, "街道办")["Distributions given"] == "1"
    assert row_of(table, "街道办")["Group buys"] == "0"
    assert row_of(table, "某食品店")["Role"] == "Supplier"
    page.select_supplier(find_supplier(conn, "街道办").id)
    assert "distributions given 1" in page.findChild(QLabel, "supplierRecordTitle").text()

    shown = page.findChild(QComboBox, "suppliersShown")
    qtbot.keyClick(page, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert page.focusWidget() is shown
    shown.setCurrentIndex(shown.findData("donors"))
    assert column(table, "Supplier or donor") == ["街道办"]
    shown.setCurrentIndex(shown.findData("suppliers"))
    assert column(table, "Supplier or donor") == ["某食品店"]

    from desktop.buys.arrivals import record_arrival

    record_arrival(conn, gift, {"米 5 kg": 0})  # a donation that came short
    page.reload()
    shown.setCurrentIndex(shown.findData("donors"))
    assert row_of(table, "街道办")["Delivered short"] == "0"  # not held against it as a seller
    assert page.findChild(QLabel, "supplierWarning").isHidden()

    dumplings(conn, supplier="街道办")  # a donor that also sells is both, and listed as a supplier
    shown.setCurrentIndex(shown.findData("suppliers"))
    assert sorted(column(table, "Supplier or donor")) == ["某食品店", "街道办"]
    assert row_of(table, "街道办")["Role"] == "Supplier and donor"


def test_one_order_is_one_order_in_english_and_two_are_orders(qtbot, conn, compound):
    """The English plurals come from the plural-only English catalogue."""
    buy_id = dumplings(conn)
    place_order(conn, buy_id, "12-301", {"冷冻饺子": 1})
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    totals = view.findChild(QLabel, "ordersTotals")
    assert totals.text().startswith("1 order ·"), totals.text()
    place_order(conn, buy_id, "7-2-502", {"冷冻饺子": 1})
    view.reload()
    qtbot.waitUntil(lambda: totals.text().startswith("2 orders ·"))


def test_the_main_window_has_the_group_buys_and_suppliers_pages(qtbot, conn, compound):
    from desktop.ui.main_window import PAGES, MainWindow

    assert PAGES.index("buys") == PAGES.index("roster") + 1 and "suppliers" in PAGES
    window = MainWindow(conn)
    qtbot.addWidget(window)
    window.show_page("buys")
    assert window.current_page() == "buys"
    window.show_page("suppliers")
    assert window.current_page() == "suppliers"


def test_the_buy_page_reads_in_chinese_errors_included(qtbot, conn, compound, chinese):
    buy_id = dumplings(conn, cap=2, minimum=30)
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    assert view.findChild(QLabel, "buyHeader").text() == "冷冻饺子团 · 某食品店 · 接单中 · 0/30 · 还差 30 达到起送量"
    assert view.findChild(QPushButton, "buyRecordPayment").text() == "记录收款…"
    address = view.findChild(QLineEdit, "orderAddress")
    qtbot.keyClicks(address, "12-301")
    qtbot.keyClick(address, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.focusWidget(), "3")
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return)
    assert view.findChild(QLabel, "orderError").text() == "冷冻饺子 每户限购 2，订了 3：请最多订 2。未保存。"


def test_a_file_that_may_not_be_changed_offers_no_way_to_change_it(qtbot, conn, compound):
    buy_id = dumplings(conn)
    page = make_page(qtbot, conn)
    view = page.open_buy(buy_id)
    page.refuse_changes("This file is read-only.")
    for name in ("buyRecordPayment", "buyPasteChain", "buyImportKtt", "buyArrival", "buyCancel",
                 "buyChangeStatus", "buysNew", "buysImportKtt"):
        assert not page.findChild(QPushButton, name).isEnabled(), name
    assert not view.findChild(QLineEdit, "orderAddress").isVisible()
    assert view.findChild(QLabel, "orderClosed").text() == "This file is read-only."
    view.reload()
    assert not view.findChild(QLineEdit, "orderAddress").isVisible()
