"""A real-format KuaiTuanTuan export and a 接龙 list with new neighbours, brought in through the
window the way a volunteer does it: look at the preview, change what is wrong, import."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableView,
)

from desktop.buys.group_buys import ItemSpec, buy_details, get_buy, new_buy  # noqa: E402
from desktop.ui.buys.buys_page import BuysPage  # noqa: E402
from desktop.ui.common import mnemonic_of  # noqa: E402
from tests.buys_scenes import write_real_ktt


@pytest.fixture
def compound(add):
    add("12-301", "张三", "13800000001")
    add("5-1202", "李阿姨", "13800000002")
    add("7-2-502", "王芳", "13800000003")


def make_page(qtbot, conn):
    page = BuysPage(conn)
    qtbot.addWidget(page)
    page.resize(1216, 720)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def column(table: QTableView, header: str) -> list[str]:
    model = table.model()
    number = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == header)
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_a_real_export_is_previewed_with_prices_storage_supplier_and_households_then_imported(
        qtbot, conn, compound, add, tmp_path):
    add("9-101", "吴先生", "13700001234")  # 跟团号 15 gives no address, only this phone
    page = make_page(qtbot, conn)
    page.import_ktt(write_real_ktt(tmp_path / "订单导出.xlsx"))
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "kttPreview",
                    timeout=10_000)
    dialog = page.dialog
    items = dialog.findChild(QTableView, "kttItems")
    prices = dict(zip(column(items, "Item"), column(items, "Unit price"), strict=True))
    assert prices["冰淇淋黄心西瓜(每箱四斤)"] == "¥59.90" and prices["冰淇淋黄心西瓜(每箱六斤)"] == "¥80.00"
    warnings = dialog.findChild(QListWidget, "kttWarnings")
    said = [warnings.item(n).text() for n in range(warnings.count())]
    assert any("商品汇总表 says ¥75.00" in text and "¥80.00" in text for text in said)
    watermelon = dialog.findChild(QComboBox, "kttStorage1")
    assert watermelon.accessibleName() == "Storage of 冰淇淋黄心西瓜(每箱四斤)"
    assert watermelon.currentData() == "ambient"
    eggs = dialog.findChild(QComboBox, "kttStorage2")
    assert eggs.accessibleName() == "Storage of 土鸡蛋" and eggs.currentData() == "ambient"
    eggs.setFocus()
    qtbot.keyClick(eggs, Qt.Key.Key_Down)  # ambient → chilled, from the keyboard
    assert eggs.currentData() == "chilled"

    assert "unknown" in dialog.findChild(QLabel, "kttSupplierNote").text()
    supplier = dialog.findChild(QLineEdit, "kttSupplier")
    qtbot.keyClicks(supplier, "Fresh Farm")
    assert "Fresh Farm" in dialog.findChild(QLabel, "kttSupplierNote").text()

    households = dialog.findChild(QTableView, "kttNewHouseholds")
    assert [column(households, h) for h in ("Address", "Name", "Phone")] == [
        ["37-1002"], ["周女士"], ["139****5678"]]
    unplaced = dialog.findChild(QTableView, "kttUnplaced")
    assert column(unplaced, "Platform order no.") == []
    said = [warnings.item(n).text() for n in range(warnings.count())]
    assert any("跟团号 15" in text and "…1234" in text for text in said)  # placed by its phone
    create = dialog.findChild(QCheckBox, "kttCreateHouseholds")
    create.click()  # switched off: 37-1002's two orders cannot be placed
    assert column(unplaced, "Platform order no.") == ["12", "13"]
    assert column(households, "Address") == []
    create.click()
    assert column(unplaced, "Platform order no.") == []
    assert conn.execute("SELECT count(*) FROM group_buy").fetchone()[0] == 0

    dialog.findChild(QPushButton, "kttImport").click()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "kttResult",
                    timeout=10_000)
    page.dialog.accept()
    buy_id = conn.execute("SELECT id FROM group_buy").fetchone()[0]
    buy = get_buy(conn, buy_id)
    assert (buy.supplier, buy.organiser) == ("Fresh Farm", "团长甲")
    details = buy_details(conn, buy_id)
    assert {t.item.name: t.item.storage for t in details.items}["土鸡蛋"] == "chilled"

    orders = page.view.findChild(QTableView, "ordersTable")
    model = orders.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    refund = headers.index("Refund owed")
    zhou = [r for r in range(model.rowCount()) if model.index(r, 0).data() == "37-1002"]
    assert len(zhou) == 2
    assert [model.index(r, refund).data() for r in zhou] == ["", ""]
    tip = model.index(zhou[0], refund).data(Qt.ItemDataRole.ToolTipRole)
    assert "2 orders" in tip and "paid ¥72.00" in tip and "refund owed ¥0.00" in tip


LIST = """#接龙 燕麦奶 68元
1. 12-301 张 2箱
2. 40-101 孙奶奶 1箱 备注：腿脚不便
3. 41-202 钱先生 3箱
4. 42-303 周 1箱
"""


def test_a_list_with_three_new_neighbours_adds_one_with_a_key_then_the_rest_at_once(qtbot, conn, compound):
    buy_id = new_buy(conn, "燕麦奶团", "万家乳业", [ItemSpec("燕麦奶", 6800)]).buy_id
    page = make_page(qtbot, conn)
    dialog = page.open_buy(buy_id).paste_chain()
    dialog.findChild(QPlainTextEdit, "chainText").setPlainText(LIST)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    unknown = dialog.findChild(QTableView, "chainUnknown")
    assert unknown.isVisible()
    assert column(unknown, "Address") == ["40-101", "41-202", "42-303"]
    assert column(unknown, "Name") == ["孙奶奶", "钱先生", "周"]
    assert column(dialog.findChild(QTableView, "chainOrders"), "Address") == ["12-301"]

    unknown.setFocus()
    unknown.selectRow(1)
    qtbot.keyClick(unknown, Qt.Key.Key_Return)  # one key: add 41-202
    orders = dialog.findChild(QTableView, "chainOrders")
    assert column(orders, "Address") == ["12-301", "41-202"]
    assert column(orders, "Import will")[1] == "add the household and its order"
    assert column(unknown, "Address") == ["40-101", "42-303"]

    add_all = dialog.findChild(QPushButton, "chainAddAll")
    assert add_all.text().replace("&", "") == "Add all 2"
    add_all.click()
    assert column(orders, "Address") == ["12-301", "40-101", "41-202", "42-303"]
    assert not unknown.isVisible()
    assert conn.execute("SELECT count(*) FROM household").fetchone()[0] == 3  # nothing written yet

    view = page.view
    with qtbot.waitSignal(view.householdsChanged, timeout=2000):  # the roster page reloads
        dialog.findChild(QPushButton, "chainImport").click()
    assert conn.execute("SELECT count(*) FROM household").fetchone()[0] == 6
    assert "3 households added to the roster" in view.findChild(QLabel, "buyNotice").text()
    shown = {o.address: o for o in buy_details(conn, buy_id).orders}
    assert set(shown) == {"12-301", "40-101", "41-202", "42-303"}
    note = conn.execute("SELECT note FROM buy_order WHERE id = ?",
                        (shown["40-101"].order_id,)).fetchone()[0]
    assert note == "腿脚不便"


def test_the_add_this_household_button_adds_the_selected_line(qtbot, conn, compound):
    buy_id = new_buy(conn, "燕麦奶团", "万家乳业", [ItemSpec("燕麦奶", 6800)]).buy_id
    page = make_page(qtbot, conn)
    dialog = page.open_buy(buy_id).paste_chain()
    dialog.text.setPlainText(LIST)
    dialog.update_preview()
    dialog.findChild(QTableView, "chainUnknown").selectRow(2)
    button = dialog.findChild(QPushButton, "chainAddHousehold")
    assert button.accessibleName() == "Add this household"
    button.click()
    assert column(dialog.findChild(QTableView, "chainOrders"), "Address") == ["12-301", "42-303"]


def test_the_import_button_keeps_its_alt_key_once_it_counts_the_orders(qtbot, conn, compound):
    buy_id = new_buy(conn, "燕麦奶团", "万家乳业", [ItemSpec("燕麦奶", 6800)]).buy_id
    page = make_page(qtbot, conn)
    dialog = page.open_buy(buy_id).paste_chain()
    dialog.text.setPlainText("#接龙 燕麦奶 68元\n1. 12-301 张 2箱\n2. 5-1202 李阿姨 1箱\n")
    dialog.update_preview()
    button = dialog.findChild(QPushButton, "chainImport")
    assert button.text().replace("&", "") == "Import 2 orders"
    key = mnemonic_of(button.text())
    assert key is not None, "the button that names the count lost its Alt key"
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    with qtbot.waitSignal(dialog.imported, timeout=2000):
        qtbot.keyClick(dialog.text, getattr(Qt.Key, f"Key_{key}"), Qt.KeyboardModifier.AltModifier)
    assert {o.address for o in buy_details(conn, buy_id).orders} == {"12-301", "5-1202"}


def test_an_export_with_a_delivery_fee_says_so_in_its_preview_and_the_buy_charges_it(
        qtbot, conn, compound, tmp_path, saved):
    from desktop.buys.group_buys import list_buys
    from desktop.buys.payments import buy_totals
    from tests.buys_scenes import ktt_order, write_ktt

    path = write_ktt(tmp_path / "fee.xlsx", [
        ktt_order(1, "张三", "13800000001", "样例小区12号楼301", [("冷冻饺子", "1kg", 2, 64)],
                  building="12", room="301", fee=6)])
    page = make_page(qtbot, conn)
    page.import_ktt(path)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "kttPreview",
                    timeout=10_000)
    dialog = page.dialog
    assert "Delivery fee: ¥6.00 per order" in dialog.findChild(QLabel, "kttSummary").text()
    assert dialog.findChild(QPushButton, "kttImport").text().replace("&", "") == "Import 1 order"
    qtbot.mouseClick(dialog.findChild(QPushButton, "kttImport"), Qt.MouseButton.LeftButton)
    saved()
    qtbot.waitUntil(lambda: len(list_buys(conn)) == 1, timeout=10_000)
    (summary,) = list_buys(conn)
    assert summary.buy.fee_fen == 600
    totals = buy_totals(conn, summary.buy.id)
    assert (totals.due_fen, totals.collected_fen, totals.owing_fen) == (7000, 7000, 0)
