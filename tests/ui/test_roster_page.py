"""The roster page, driven the way a volunteer at the lobby table drives it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QTableView, QWidget

from desktop.roster.households import list_households
from desktop.ui.roster.roster_page import RosterPage


def make_page(qtbot, conn) -> RosterPage:
    page = RosterPage(conn)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def shown(page: RosterPage, column: int = 0) -> list[str]:
    model = page.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def type_text(qtbot, widget, text: str) -> None:
    """Type as a volunteer does: ASCII on the keys, Chinese committed by the input method."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def plain(label: QLabel) -> str:
    document = QTextDocument()
    document.setHtml(label.text())
    # What a person reads: the word joiners and non-breaking spaces that steer wrapping are unseen.
    return document.toPlainText().replace("\u2060", "").replace("\u00a0", " ")


def test_a_volunteer_types_zs_and_sees_only_zhang_sans_household(qtbot, conn, add):
    add("12-301", "张三", "13800000001")
    add("12-302", "李四", "13800000002")
    add("5-101", "王五", "13800000004")
    page = make_page(qtbot, conn)
    search = page.findChild(QLineEdit, "rosterSearch")

    qtbot.keyClicks(search, "zs")

    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert shown(page, 1) == ["张三"]
    assert page.findChild(QLabel, "rosterMatches").text() == "1 found"


def test_a_volunteer_types_a_room_number_and_sees_the_301s(qtbot, conn, add):
    add("12-301", "张三", "13800000001")
    add("12-302", "李四", "13800000002")
    add("3-2-301", "王五", "13900000003")
    add("7-1301", "赵六", "13900000004")
    page = make_page(qtbot, conn)

    qtbot.keyClicks(page.search, "301")

    qtbot.waitUntil(lambda: page.model.rowCount() != 4)
    assert sorted(shown(page)) == ["12-301", "3-2-301"]


def test_search_waits_for_the_typing_to_pause_but_enter_applies_at_once(qtbot, conn, add):
    add("12-301", "张三")
    add("12-302", "李四")
    page = make_page(qtbot, conn)

    qtbot.keyClicks(page.search, "12-302")
    assert page.model.rowCount() == 2  # still the whole list while the volunteer types
    qtbot.keyClick(page.search, Qt.Key.Key_Enter)

    assert shown(page) == ["12-302"]
    qtbot.waitUntil(lambda: page.household_dialog is not None)
    page.household_dialog.reject()


def test_a_volunteer_opens_a_household_with_enter_changes_the_phone_and_the_table_shows_it(qtbot, conn, add, saved):
    household_id = add("12-301", "张三", "13800001111", people=3)
    add("12-302", "李四", "13800002222")
    page = make_page(qtbot, conn)

    type_text(qtbot, page.search, "12号楼301")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    saved()

    dialog = page.household_dialog
    assert dialog is not None and dialog.isVisible()
    phone = dialog.findChild(QLineEdit, "householdPhone")
    assert phone.text() == "13800001111"  # the full number, here only
    phone.selectAll()
    qtbot.keyClicks(phone, "139 1234 5678")
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    saved()

    assert page.household_dialog is None
    assert shown(page, 3) == ["…5678"]
    assert [h.phone for h in list_households(conn) if h.id == household_id] == ["13912345678"]


def test_enter_and_double_click_in_the_table_open_a_household(qtbot, conn, add):
    add("1-101", "王秀英")
    add("1-102", "刘德华")
    page = make_page(qtbot, conn)
    table = page.findChild(QTableView, "rosterTable")

    table.setFocus()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Return)

    assert page.household_dialog is not None
    assert page.household_dialog.findChild(QLineEdit, "householdName").text() == "刘德华"
    qtbot.keyClick(page.household_dialog, Qt.Key.Key_Escape)
    assert page.household_dialog is None

    first = table.visualRect(table.model().index(0, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)  # a real double click
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)  # starts with a click
    assert page.household_dialog.findChild(QLineEdit, "householdName").text() == "王秀英"
    page.household_dialog.reject()


def test_a_volunteer_types_an_address_with_no_room_and_sees_why_beside_it_and_nothing_is_saved(qtbot, conn, saved):
    page = make_page(qtbot, conn)
    page.findChild(QPushButton, "rosterEmptyAdd").click()
    dialog = page.household_dialog
    address = dialog.findChild(QLineEdit, "householdAddress")

    qtbot.keyClicks(address, "12-")
    type_text(qtbot, dialog.findChild(QLineEdit, "householdName"), "张三")
    qtbot.keyClick(address, Qt.Key.Key_Return)
    saved()

    error = dialog.findChild(QLabel, "householdAddressError")
    assert error.isVisible()
    assert error.text() == "“12-” has no room number: add the room, such as 12-301."
    assert not dialog.findChild(QLabel, "householdPhoneError").isVisible()
    assert dialog.isVisible()
    assert list_households(conn) == []

    assert dialog.focusWidget() is address and address.selectedText() == "12-"  # ready to retype
    qtbot.keyClick(address, Qt.Key.Key_End)
    qtbot.keyClicks(address, "301")  # the error goes once the volunteer fixes the field
    assert not error.isVisible()


def test_the_dialog_shows_how_an_address_will_be_saved(qtbot, conn):
    page = make_page(qtbot, conn)
    dialog = page.add_household()
    canonical = dialog.findChild(QLabel, "householdAddressCanonical")
    type_text(qtbot, dialog.address, "12栋2单元301室")
    assert canonical.isVisible() and canonical.text() == "Saved as 12-2-301"
    dialog.address.setText("12-2-301")
    assert not canonical.isVisible()  # nothing to add when it is already written that way


def test_a_volunteer_types_letters_for_a_phone_and_sees_the_error_beside_the_phone(qtbot, conn, saved):
    page = make_page(qtbot, conn)
    dialog = page.add_household()
    type_text(qtbot, dialog.findChild(QLineEdit, "householdAddress"), "12栋2单元301")
    phone = dialog.findChild(QLineEdit, "householdPhone")
    qtbot.keyClicks(phone, "call me")
    qtbot.keyClick(phone, Qt.Key.Key_Enter)
    saved()

    error = dialog.findChild(QLabel, "householdPhoneError")
    assert error.isVisible()
    assert "is not a phone number" in error.text()
    assert not dialog.findChild(QLabel, "householdAddressError").isVisible()
    assert list_households(conn) == []

    phone.selectAll()
    qtbot.keyClicks(phone, "13800138000")
    qtbot.keyClick(phone, Qt.Key.Key_Enter)
    saved()
    assert page.household_dialog is None
    assert shown(page) == ["12-2-301"]
    assert page.table.selectionModel().selectedRows()[0].row() == 0


def test_an_address_already_taken_is_refused_beside_the_address(qtbot, conn, add, saved):
    add("12-301", "张三")
    page = make_page(qtbot, conn)
    dialog = page.add_household()
    type_text(qtbot, dialog.address, "12号楼301室")
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    saved()
    assert dialog.errors["address"].text() == "Another household already lives at 12-301: open that one instead."
    assert len(list_households(conn)) == 1


def test_a_new_household_with_flags_and_door_delivery_shows_in_the_table(qtbot, conn, add, saved):
    add("1-101", "王秀英")
    page = make_page(qtbot, conn)
    dialog = page.add_household()
    qtbot.keyClicks(dialog.address, "2-202")
    type_text(qtbot, dialog.name, "李桂兰")
    dialog.people.setValue(1)
    dialog.flag_boxes["elderly_alone"].setChecked(True)
    dialog.flag_boxes["no_smartphone"].setChecked(True)
    dialog.delivery.setCurrentIndex(dialog.delivery.findData("door"))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    saved()

    assert shown(page) == ["1-101", "2-202"]
    assert shown(page, 4)[1] == "elderly alone · no smartphone"
    assert shown(page, 5)[1] == "door delivery"
    assert page.findChild(QLabel, "rosterCounts").text() == "2 households · flagged: 1 · door delivery: 1"


def test_an_inactive_household_is_greyed(qtbot, conn, add):
    add("1-101", "王秀英", active=False)
    add("1-102", "刘德华")
    page = make_page(qtbot, conn)
    model = page.model
    inactive = model.index(model.rowCount() - 1, 1)
    assert inactive.data() == "王秀英"
    assert inactive.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is None


def test_an_empty_compound_shows_the_two_ways_in(qtbot, conn, saved):
    page = make_page(qtbot, conn)

    empty = page.findChild(type(page.empty), "rosterEmpty")
    assert empty.isVisible()
    assert not page.table.isVisible()
    assert "No households yet" in page.findChild(QLabel, "rosterEmptyText").text()
    import_button = page.findChild(QPushButton, "rosterEmptyImport")
    add_button = page.findChild(QPushButton, "rosterEmptyAdd")
    assert import_button.isVisible() and add_button.isVisible()
    assert import_button.accessibleName() == "Import a spreadsheet"

    add_button.click()
    dialog = page.household_dialog
    qtbot.keyClicks(dialog.address, "1-101")
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    saved()
    assert page.table.isVisible() and not empty.isVisible()


def test_the_building_counts_line_reads_building_12_2(qtbot, conn, add):
    add("3-101")
    add("12-301")
    add("12-2-302", flags=("infant",))
    add("12-303", active=False)
    page = make_page(qtbot, conn)

    assert plain(page.findChild(QLabel, "rosterBuildings")) == "Building 3 (1) · Building 12 (2)"
    assert page.findChild(QLabel, "rosterCounts").text() == "3 households · flagged: 1 · door delivery: 0"


def test_clicking_a_building_lists_only_its_households(qtbot, conn, add):
    add("3-101")
    add("12-301")
    add("12-2-302")
    page = make_page(qtbot, conn)
    page.buildings.linkActivated.emit("building:12")
    assert shown(page) == ["12-301", "12-2-302"]
    assert page.search.text() == "12-"


def test_a_search_that_finds_nobody_says_so_and_offers_to_add_the_address(qtbot, conn, add):
    add("1-101")
    page = make_page(qtbot, conn)
    type_text(qtbot, page.search, "12号楼301")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    no_match = page.findChild(QLabel, "rosterNoMatch")
    assert no_match.isVisible()
    assert no_match.text().startswith("No household at 12-301.")

    dialog = page.add_household()
    assert dialog.address.text() == "12-301"


def test_every_control_a_volunteer_uses_has_a_name_and_a_spoken_name(qtbot, conn, add):
    add("1-101")
    page = make_page(qtbot, conn)
    for name in ("rosterSearch", "rosterImport", "rosterExport", "rosterAdd", "rosterTable",
                 "rosterBuildings", "rosterCounts"):
        widget = page.findChild(QLineEdit, name) or page.findChild(QPushButton, name) \
            or page.findChild(QTableView, name) or page.findChild(QLabel, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    assert "Ctrl+N" in page.findChild(QPushButton, "rosterAdd").toolTip()
    assert "Ctrl+I" in page.findChild(QPushButton, "rosterImport").toolTip()
    dialog = page.add_household()
    named = [child for child in dialog.findChildren(QWidget) if child.objectName().startswith("household")]
    assert len(named) > 20
    for child in named:
        assert child.accessibleName(), child.objectName()


def test_the_keyboard_shortcuts_reach_search_and_add(qtbot, conn, add):
    add("1-101", "王秀英")
    page = make_page(qtbot, conn)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.table.setFocus()

    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.focusWidget() is page.search

    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.household_dialog is not None
    page.household_dialog.reject()


def test_a_read_only_file_can_be_searched_but_not_changed_and_says_why(qtbot, tmp_path):
    from desktop.db import connect
    from desktop.roster.households import HouseholdFields, add_household

    path = tmp_path / "copy-from-usb.sqlite"
    writable = connect(path)
    add_household(writable, HouseholdFields(address="1-101", name="王秀英"))
    writable.close()
    path.chmod(0o444)
    conn = connect(path)
    try:
        assert conn.read_only
        page = make_page(qtbot, conn)
        assert shown(page) == ["1-101"]
        assert not page.findChild(QPushButton, "rosterAdd").isEnabled()
        assert not page.findChild(QPushButton, "rosterImport").isEnabled()
        assert page.findChild(QPushButton, "rosterExport").isEnabled()
        assert "is read-only, so nothing can be changed" in page.notice.text()
        qtbot.keyClicks(page.search, "1-101")
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
        assert page.notice.isVisible()
    finally:
        conn.close()
        path.chmod(0o644)


def test_an_address_typed_in_search_opens_that_household_not_the_phones_holding_its_digits(
        qtbot, conn, add):
    add("9-101", "刘强", "13800000006")
    add("9-1010", "钱多", "13800000007")
    for n in range(57):
        add(f"20-{101 + n}", "", f"1399101{n:04d}")  # 9101 inside every phone
    page = make_page(qtbot, conn)

    type_text(qtbot, page.search, "9-101")
    qtbot.waitUntil(lambda: shown(page) == ["9-101"])
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.household_dialog is not None)
    assert page.household_dialog.findChild(QLineEdit, "householdAddress").text() == "9-101"
    page.household_dialog.reject()

    page.search.clear()
    type_text(qtbot, page.search, "9101")  # four digits and no address: the phones
    qtbot.waitUntil(lambda: len(shown(page)) == 57)


def test_a_five_digit_phone_is_refused_beside_the_phone_saying_how_long_phones_are(qtbot, conn, saved):
    page = make_page(qtbot, conn)
    dialog = page.add_household()
    type_text(qtbot, dialog.findChild(QLineEdit, "householdAddress"), "3-101")
    phone = dialog.findChild(QLineEdit, "householdPhone")
    qtbot.keyClicks(phone, "13800")
    qtbot.keyClick(phone, Qt.Key.Key_Enter)
    saved()

    error = dialog.findChild(QLabel, "householdPhoneError")
    assert error.isVisible()
    assert "“13800” has 5 digits" in error.text() and "11" in error.text()
    assert list_households(conn) == []
