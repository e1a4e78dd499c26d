"""An export that breaks a money rule, brought in through the window: the volunteer sees the
preview, presses Import, and is told the rule's sentence in a message box; nothing is saved."""

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desktop.ui.buys.buys_page import BuysPage
from tests.buys_scenes import ktt_order, write_ktt


@pytest.fixture
def compound(add):
    add("12-301", "张三", "13800000001")


def test_an_export_refunding_more_than_was_paid_is_refused_in_a_box_with_the_rule(
        qtbot, conn, compound, tmp_path):
    export = write_ktt(tmp_path / "订单导出.xlsx", [ktt_order(
        31, "张三", "13800000001", "样例小区12号楼301", [("冷冻饺子", "1kg袋装", 1, 32)],
        building="12", room="301", paid=32, refund=50)], summary=[])
    page = BuysPage(conn)
    qtbot.addWidget(page)
    page.resize(1216, 720)
    page.show()
    qtbot.waitExposed(page)
    page.import_ktt(export)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "kttPreview",
                    timeout=10_000)
    page.dialog.findChild(QPushButton, "kttImport").click()

    def error_box():
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == "errorMessage" and w.isVisible()]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: error_box() is not None, timeout=10_000)
    assert error_box().text() == ("A refund of ¥18.00 is more than the ¥0.00 paid for this order: "
                                  "refund at most ¥0.00.")
    assert conn.execute("SELECT count(*) FROM group_buy").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM payment").fetchone()[0] == 0
    error_box().accept()
