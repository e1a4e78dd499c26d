"""The Gate page, driven the way a guard at the gate drives it: a scanner's burst ending in Enter,
F-keys, a household card, Ctrl+Z."""

import os
import subprocess
import sys
import wave
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import qrcode
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QInputMethodQueryEvent, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QRadioButton

from desktop import gate
from desktop.bags import codes  # noqa: E402
from desktop.bags.bags import issue_household_codes, list_bags, make_bags  # noqa: E402
from desktop.compound import code_keys  # noqa: E402
from desktop.roster.households import HouseholdFields, add_household  # noqa: E402
from desktop.ui.gate.camera import Confirmer, camera_available, read_codes  # noqa: E402
from desktop.ui.gate.gate_page import GatePage, GateWindow  # noqa: E402
from desktop.ui.gate.sounds import TUNES, ensure_sound_files  # noqa: E402
from tests.bag_scenes import NEIGHBOURS, everyday_buy

ROOT = Path(__file__).resolve().parents[2]
PAGES: list[GatePage] = []


@pytest.fixture
def bags(conn):
    """The four neighbours' weekend buy, bagged: {address: [bags]}."""
    for address, name, phone, delivery in NEIGHBOURS:
        add_household(conn, HouseholdFields(address=address, name=name, phone=phone, delivery=delivery))
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    found = {}
    for bag in list_bags(conn, buy):
        found.setdefault(bag.address, []).append(bag)
    return found


class Clock:
    """The page's clock, turned by hand: a double read is about time, not about waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def make_page(qtbot, conn):
    def make() -> GatePage:
        page = GatePage(conn)
        page.session.clock = Clock()
        PAGES.append(page)
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        qtbot.waitExposed(page)
        page.wait_for_waiting_list()
        page.operator_input.setText("保安老李")
        return page

    yield make
    for page in PAGES:
        page.stop()
    PAGES.clear()


def scan(qtbot, page: GatePage, code: str, *, later: float = 2.0) -> None:
    """A scanner's burst: the characters, then Enter; `later` seconds after the last scan. The
    answer shows at once; what it records is written just after, and this waits for that."""
    page.session.clock.now += later
    if code.isascii():
        qtbot.keyClicks(page.scan_input, code)
    else:  # QTest types ASCII only; what a Chinese keyboard would leave in the field
        page.scan_input.setText(code)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    written(qtbot, page)


def written(qtbot, page: GatePage) -> None:
    """Until what the page records (a scan, a decision, an undo) is in the file."""
    qtbot.waitUntil(lambda: page.settled, timeout=10_000)


def banner(page: GatePage) -> dict:
    b = page.verdict_banner
    return {"tone": b.property("tone"), "headline": b.headline.text(), "big": b.big.text(),
            "detail": b.detail.text(), "reason": b.reason.text()}


def handoffs(conn):
    return [tuple(r) for r in conn.execute(
        "SELECT action, operator, proxy_name, reason FROM handoff ORDER BY id")]


def test_a_guard_scans_a_bag_sees_green_and_scanning_it_again_sees_red_with_who_where_and_when(
        qtbot, conn, bags, make_page):
    page = make_page()
    code = bags["12-301"][0].code
    scan(qtbot, page, code)
    shown = banner(page)
    assert shown["tone"] == "go" and shown["big"] == "12-301"
    assert shown["headline"] == "✓ Picked up — hand it over"
    assert shown["detail"] == "bag 1 of 3 · frozen · 周末冷冻团"
    assert page.scan_input.text() == "" and page.scan_input.hasFocus()
    assert handoffs(conn) == [("pickup", "保安老李", "", "")]
    at = conn.execute("SELECT at FROM handoff").fetchone()[0]
    first_time = gate.parse_time(at).astimezone().strftime("%H:%M")

    scan(qtbot, page, code)
    shown = banner(page)
    assert shown["tone"] == "stop" and shown["big"] == "12-301"
    assert shown["headline"] == "✗ Already picked up"
    assert shown["reason"] == f"picked up at {first_time} by 保安老李 at {conn.station}"
    assert page.sounds.played == ["go", "stop"]
    assert len(handoffs(conn)) == 1


def test_the_same_code_read_twice_within_a_second_counts_once(qtbot, conn, bags, make_page):
    page = make_page()
    code = bags["3-101"][0].code
    scan(qtbot, page, code)
    scan(qtbot, page, code, later=0.3)  # the scanner read the label twice
    assert banner(page)["tone"] == "go"
    assert page.sounds.played == ["go"] and len(handoffs(conn)) == 1
    scan(qtbot, page, code, later=1.5)  # a second, deliberate scan is answered
    assert banner(page)["tone"] == "stop"


def test_a_card_lists_its_bags_scanning_them_ticks_them_off_and_another_households_bag_is_refused(
        qtbot, conn, bags, make_page):
    page = make_page()
    household = bags["12-301"][0].household_id
    card = issue_household_codes(conn, [household])[household]
    scan(qtbot, page, " ".join(codes.display_groups(card)))
    shown = banner(page)
    assert shown["tone"] == "look" and shown["big"] == "12-301"
    assert shown["headline"] == "Household card — 3 bags waiting"
    assert [ticked for _, ticked in page.verdict_banner.card_texts()] == [False, False, False]

    scan(qtbot, page, bags["12-301"][1].code)
    assert banner(page)["tone"] == "go"
    listed = page.verdict_banner.card_texts()
    assert [ticked for _, ticked in listed] == [False, True, False]
    assert listed[1][0] == "☑  bag 2 of 3 · chilled · 周末冷冻团 — handed over"

    scan(qtbot, page, bags["3-101"][0].code)
    shown = banner(page)
    assert shown["tone"] == "stop" and shown["headline"] == "✗ A bag of another household"
    assert shown["reason"] == "The card shown is for 12-301: do not hand this bag over."
    assert [a for a, *_ in handoffs(conn)] == ["pickup"]
    assert [ticked for _, ticked in page.verdict_banner.card_texts()] == [False, True, False]

    qtbot.keyClick(page.scan_input, Qt.Key.Key_Escape)
    assert page.session.card is None and banner(page)["tone"] == "idle"
    scan(qtbot, page, bags["3-101"][0].code)
    assert banner(page)["tone"] == "go"


def test_the_scan_field_refuses_input_methods(make_page, bags):
    page = make_page()
    field = page.scan_input
    assert field.objectName() == "scanInput"
    assert field.inputMethodQuery(Qt.InputMethodQuery.ImEnabled) is False
    assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    query = QInputMethodQueryEvent(Qt.InputMethodQuery.ImEnabled)
    QApplication.sendEvent(field, query)
    assert query.value(Qt.InputMethodQuery.ImEnabled) is False
    field.setFocus()
    assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)


def test_f_keys_choose_what_the_next_scan_records_and_never_record_the_bag_on_screen(
        qtbot, conn, bags, make_page):
    page = make_page()
    scan(qtbot, page, bags["3-101"][0].code)  # F1 picked up, the default
    assert handoffs(conn) == [("pickup", "保安老李", "", "")]
    qtbot.keyClick(page.scan_input, Qt.Key.Key_F2)  # the guard switches to door delivery
    assert page.session.mode == "door" and page.door_button.isChecked()
    assert handoffs(conn) == [("pickup", "保安老李", "", "")]  # the bag on screen stays picked up
    assert banner(page)["headline"] == "✓ Picked up — hand it over"
    scan(qtbot, page, bags["5-1202"][0].code)
    assert [a for a, *_ in handoffs(conn)] == ["pickup", "door"]

    qtbot.keyClick(page.scan_input, Qt.Key.Key_F4)  # only check
    scan(qtbot, page, bags["12-301"][0].code)
    assert banner(page)["headline"] == "✓ May be handed over"
    for key in (Qt.Key.Key_F1, Qt.Key.Key_F3, Qt.Key.Key_F2):
        qtbot.keyClick(page.scan_input, key)
    assert [a for a, *_ in handoffs(conn)] == ["pickup", "door"]
    assert banner(page)["headline"] == "✓ May be handed over" and page.session.mode == "door"


def test_f_keys_with_nothing_on_screen_only_change_the_mode(qtbot, conn, bags, make_page):
    page = make_page()
    for key, mode in ((Qt.Key.Key_F3, "gate"), (Qt.Key.Key_F2, "door"), (Qt.Key.Key_F4, None),
                      (Qt.Key.Key_F1, "pickup")):
        qtbot.keyClick(page.scan_input, key)
        assert page.session.mode == mode
    assert handoffs(conn) == [] and banner(page)["tone"] == "idle"


def test_clicking_a_button_leaves_the_focus_in_the_scan_field(qtbot, make_page, bags):
    page = make_page()
    for name in ("gateDoor", "gateAtGate", "gatePickup", "gateWaitingToggle"):
        qtbot.mouseClick(page.findChild(QPushButton, name), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(page.scan_input.hasFocus, timeout=2000)
    assert page.waiting_view.isVisible()


def test_a_proxy_is_noted_and_not_carried_to_another_household(qtbot, conn, bags, make_page):
    page = make_page()
    page.proxy_input.setText("邻居小张")
    scan(qtbot, page, bags["12-301"][0].code)
    scan(qtbot, page, bags["12-301"][1].code)
    assert "collected for the household by 邻居小张" in banner(page)["reason"]
    scan(qtbot, page, bags["3-101"][0].code)
    assert [p for _, _, p, _ in handoffs(conn)] == ["邻居小张", "邻居小张", ""]
    assert page.proxy_input.text() == ""


def test_undo_asks_a_reason_and_the_bag_waits_again(qtbot, conn, bags, make_page):
    page = make_page()
    code = bags["3-101"][0].code
    scan(qtbot, page, code)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    dialog = page.undo_dialog
    assert dialog.isVisible() and not dialog.confirm.isEnabled()
    assert "3-101" in dialog.findChild(QLabel, "gateUndoWhat").text()
    dialog.findChild(QLineEdit, "gateUndoReason").setText("扫错了袋子")  # QTest types ASCII only
    assert dialog.confirm.isEnabled()
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    written(qtbot, page)
    assert handoffs(conn) == [("pickup", "保安老李", "", ""), ("reversal", "保安老李", "", "扫错了袋子")]
    shown = banner(page)
    assert shown["tone"] == "look" and shown["headline"].startswith("↶ Undone: picked up at")
    assert shown["reason"] == "The bag waits again. Reason: 扫错了袋子"
    assert gate.scan(conn, code).verdict == "ok"
    scan(qtbot, page, code)
    assert banner(page)["tone"] == "go"


def test_refusals_read_as_words(qtbot, conn, bags, make_page, tmp_path):
    page = make_page()
    genuine = bags["5-1202"][0].code
    body = genuine[:10] + ("0" if genuine[10] != "0" else "1") + genuine[11:19]
    forged = body + codes._check_char(body)
    scan(qtbot, page, forged)
    assert (banner(page)["tone"], banner(page)["big"]) == ("stop", "Forged label")
    from desktop.db import connect

    other = connect(tmp_path / "other.sqlite")
    scan(qtbot, page, codes.make_code(code_keys(other), "bag", 3))
    other.close()
    assert banner(page)["big"] == "Another compound's label"
    one_slip = genuine[:5] + ("Z" if genuine[5] != "Z" else "Y") + genuine[6:]
    scan(qtbot, page, one_slip)
    assert banner(page)["big"] == "Mistyped code"
    assert banner(page)["reason"] == "A character is wrong: check the code and type it again."
    # A second slip whose check character does not happen to fit (one in about thirty would).
    two_slips = next(slipped for c in "0123456789"
                     if (slipped := one_slip[:12] + c + one_slip[13:]) != one_slip
                     and codes.verify(code_keys(conn), slipped).verdict == "invalid")
    scan(qtbot, page, two_slips)
    assert banner(page)["big"] == "Not a code of this compound"
    scan(qtbot, page, "扫码枪乱码")
    assert banner(page)["big"] == "Not a code of this compound"
    assert handoffs(conn) == [] and page.sounds.played == ["stop"] * 5


def test_the_waiting_list_flags_cold_bags_past_their_limit(qtbot, conn, bags, make_page):
    long_ago = (datetime.now(UTC) - timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    gate.scan(conn, bags["12-2-502"][0].code, record="gate", at=long_ago)  # frozen, out 3 h
    page = make_page()
    model = page.waiting_model
    assert model.rowCount() == 8
    first = model.index(0, 1)
    assert model.data(first) == "12-2-502"
    assert model.data(first, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, 1), Qt.ItemDataRole.BackgroundRole) is None
    summary = page.waiting_summary.text()
    assert summary.startswith("Waiting: 8 bags · oldest 3 h") and "1 cold bag past its limit" in summary
    scan(qtbot, page, bags["12-2-502"][0].code)
    qtbot.waitUntil(lambda: model.rowCount() == 7, timeout=2000)  # just after the answer
    assert page.waiting_summary.text().startswith("Waiting: 7 bags")


def test_a_bag_arriving_at_the_gate_says_so_in_the_waiting_list_without_a_reload(
        qtbot, conn, bags, make_page):
    page = make_page()
    loaded = page.waiting.job
    model = page.waiting_model
    code = bags["3-101"][0].code
    where = model.index(model.codes.index(code), 5)
    assert model.data(where) == "inside"
    qtbot.keyClick(page.scan_input, Qt.Key.Key_F3)
    scan(qtbot, page, code)
    qtbot.waitUntil(lambda: model.data(where) == "at the gate", timeout=2000)
    assert page.waiting.job is loaded and model.rowCount() == 8  # the row changed, no reload
    assert page.waiting_summary.text().startswith("Waiting: 8 bags")


def test_the_cold_chain_limits_and_sealed_buildings_are_set_in_a_dialog(qtbot, conn, bags, make_page):
    page = make_page()
    dialog = page.edit_settings()
    dialog.frozen.setValue(30)
    dialog.sealed.setText("5, x")
    dialog.findChild(QPushButton, "gateSettingsSave").click()
    assert dialog.isVisible() and "x" in dialog.error.text()
    dialog.sealed.setText("5")
    dialog.findChild(QPushButton, "gateSettingsSave").click()
    assert not dialog.isVisible()
    assert gate.get_gate_settings(conn) == gate.GateSettings(30, 120, (5,))


def test_the_door_delivery_run_is_written_and_opened(qtbot, conn, bags, make_page):
    page = make_page()
    opened = []
    page.waiting.open_url = opened.append
    job = page.print_door_run()
    with qtbot.waitSignal(job.finished, timeout=20_000):
        pass
    assert len(opened) == 1 and opened[0].toLocalFile().endswith(".pdf")
    assert Path(opened[0].toLocalFile()).read_bytes().startswith(b"%PDF")


def test_the_answer_reads_in_chinese(qtbot, conn, bags, make_page, chinese):
    page = make_page()
    code = bags["12-301"][0].code
    scan(qtbot, page, code)
    assert banner(page)["headline"] == "✓ 已登记取走 — 请交给住户"
    assert banner(page)["detail"] == "第 1/3 袋 · 冷冻 · 周末冷冻团"
    scan(qtbot, page, code)
    assert banner(page)["headline"] == "✗ 已经被取走了"
    assert "经手：保安老李" in banner(page)["reason"]
    assert page.scan_input.accessibleName() == "扫码或输入编码"


def test_a_read_only_file_still_answers_scans_but_records_nothing(qtbot, conn, bags):
    conn.read_only = True
    page = GatePage(conn)
    qtbot.addWidget(page)
    PAGES.append(page)
    page.session.clock = Clock()
    page.show()
    page.wait_for_waiting_list()
    assert page.session.mode is None and not page.pickup_button.isEnabled()
    note = page.findChild(QLabel, "gateNote")
    assert note.isVisible() and str(conn.path) in note.text()
    scan(qtbot, page, bags["3-101"][0].code)
    assert banner(page)["headline"] == "✓ May be handed over" and handoffs(conn) == []
    qtbot.keyClick(page.scan_input, Qt.Key.Key_F1)
    assert handoffs(conn) == [] and page.session.mode is None and page.check_button.isChecked()
    for p in PAGES:
        p.stop()
    PAGES.clear()


def test_gate_mode_is_the_gate_page_alone(qtbot, conn, bags):
    window = GateWindow(conn)
    qtbot.addWidget(window)
    window.show()
    window.page.wait_for_waiting_list()
    assert window.findChild(QLineEdit, "scanInput") is window.page.scan_input
    assert window.findChild(QLabel, "gateWhere").text().endswith("Ctrl+Q close")
    window.page.stop()


def test_gate_mode_renders_from_the_command_line(conn, bags, tmp_path):
    out = tmp_path / "gate.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMPOUND_DESK_DATA=str(tmp_path / "data"))
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(conn.path), "--lang", "en",
                             "--gate", "--screenshot", str(out), "--size", "1366x768"],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)


# ---- the webcam and the sounds, without a camera or speakers ----


def qr_image(text: str, scale: int = 8) -> QImage:
    matrix = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    matrix.add_data(text)
    matrix.make(fit=True)
    modules = matrix.get_matrix()
    size = len(modules) * scale
    image = QImage(size + 37, size + 11, QImage.Format.Format_RGB32)  # odd widths: padded rows
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * scale, y * scale, scale, scale, Qt.GlobalColor.black)
    painter.end()
    return image


def test_a_camera_frame_is_read_in_grey_and_accepted_after_two_equal_reads(bags):
    code = bags["12-301"][0].code
    assert read_codes(qr_image(code)) == [code]
    assert read_codes(QImage(64, 48, QImage.Format.Format_RGB32)) == []
    confirmer = Confirmer(clock=lambda: 0.0)
    assert confirmer.offer([code]) is None
    assert confirmer.offer([code]) == code
    assert confirmer.offer([code]) is None  # still in view: not a second scan
    assert confirmer.offer([]) is None


def test_the_camera_button_shows_only_when_a_camera_exists(make_page, bags):
    page = make_page()
    assert page.camera_button.isVisibleTo(page) == camera_available()


def test_each_colour_has_its_own_sound_file(tmp_path):
    files = ensure_sound_files(tmp_path)
    assert sorted(files) == sorted(TUNES) == ["go", "look", "stop"]
    contents = set()
    for path in files.values():
        with wave.open(str(path)) as sound:
            assert sound.getnchannels() == 1 and sound.getsampwidth() == 2
            assert 0.1 < sound.getnframes() / sound.getframerate() < 1.0
            contents.add(sound.readframes(sound.getnframes()))
    assert len(contents) == 3


def test_an_event_the_page_ignores_is_not_a_reason_to_fail(make_page, bags):
    page = make_page()
    assert page.scan_input.event(QEvent(QEvent.Type.None_)) in (True, False)


# ---- a guard's decision about the bag on screen, and the guard's name ------------------------


def choose(qtbot, dialog, name: str) -> None:
    """A click on a choice's round button, at its left where the circle is."""
    from PySide6.QtCore import QPoint

    button = dialog.findChild(QRadioButton, name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()


def test_f6_corrects_the_bag_on_screen_after_a_confirmation_and_keeps_the_reason(
        qtbot, conn, bags, make_page):
    page = make_page()
    code = bags["3-101"][0].code
    scan(qtbot, page, code)  # recorded picked up; it was carried to the door in fact
    assert page.decide_button.text().startswith("F6") and page.decide_button.isVisible()
    qtbot.keyClick(page.scan_input, Qt.Key.Key_F6)
    dialog = page.decision_dialog
    assert dialog.isVisible() and "3-101" in dialog.findChild(QLabel, "gateDecisionWhat").text()
    assert dialog.findChild(QLabel, "gateDecisionNow").text().startswith("Recorded now: picked up")
    assert not dialog.findChild(QRadioButton, "gateDecidePickup").isEnabled()
    assert not dialog.confirm.isEnabled()  # nothing chosen, no reason yet
    choose(qtbot, dialog, "gateDecideDoor")
    dialog.findChild(QLineEdit, "gateDecisionReason").setText("封控楼，送上门了")
    assert dialog.effect.text().startswith("“picked up at") and "“delivered to the door”" in dialog.effect.text()
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    written(qtbot, page)
    assert handoffs(conn) == [("pickup", "保安老李", "", ""), ("reversal", "保安老李", "", "封控楼，送上门了"),
                              ("door", "保安老李", "", "封控楼，送上门了")]
    shown = banner(page)
    assert shown["headline"] == "✓ Delivered to the door — recorded" and shown["big"] == "3-101"
    assert shown["reason"].startswith("Instead of: picked up at") and shown["reason"].endswith(
        "Reason: 封控楼，送上门了")
    assert gate.scan(conn, code).verdict == "already_handed_over"


def test_f6_with_a_bag_only_checked_records_it_and_cancelling_records_nothing(
        qtbot, conn, bags, make_page):
    page = make_page()
    qtbot.keyClick(page.scan_input, Qt.Key.Key_F4)
    code = bags["12-301"][0].code
    scan(qtbot, page, code)
    qtbot.mouseClick(page.decide_button, Qt.MouseButton.LeftButton)
    dialog = page.decision_dialog
    choose(qtbot, dialog, "gateDecideGate")
    dialog.findChild(QLineEdit, "gateDecisionReason").setText("guard was busy")
    qtbot.mouseClick(dialog.findChild(QPushButton, "gateDecisionCancel"), Qt.MouseButton.LeftButton)
    assert handoffs(conn) == []
    qtbot.keyClick(page.scan_input, Qt.Key.Key_F6)
    dialog = page.decision_dialog
    assert dialog.effect.text() == "Choose what happened to this bag."
    choose(qtbot, dialog, "gateDecideGate")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "gateDecisionReason"), "left at the gate")
    assert dialog.effect.text() == "“arrived at the gate” is recorded, with your reason."
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    written(qtbot, page)
    assert handoffs(conn) == [("gate", "保安老李", "", "left at the gate")]
    assert banner(page)["tone"] == "look"


def test_f6_with_nothing_or_a_refusal_on_screen_records_nothing_and_says_why(
        qtbot, conn, bags, make_page):
    page = make_page()
    qtbot.keyClick(page.scan_input, Qt.Key.Key_F6)
    assert page.note.text().startswith("Scan the bag first") and page.note.isVisible()
    scan(qtbot, page, "not a code at all")
    qtbot.keyClick(page.scan_input, Qt.Key.Key_F6)
    assert page.findChild(QDialog, "gateDecisionDialog") is None and handoffs(conn) == []


def test_no_handoff_is_recorded_without_a_guard_name_which_is_asked_once(
        qtbot, conn, bags, make_page):
    page = make_page()
    page.operator_input.clear()
    first = bags["3-101"][0].code
    scan(qtbot, page, first)
    dialog = page.guard_dialog
    assert dialog.isVisible() and handoffs(conn) == []
    assert (banner(page)["tone"], banner(page)["big"]) == ("look", "Your name, please")
    assert banner(page)["reason"] == "This bag is recorded as soon as you give your name."
    name = dialog.findChild(QLineEdit, "gateGuardName")
    qtbot.keyClicks(name, bags["5-1202"][0].code)  # the scanner fired into the name field
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == "That is a code, not a name: type your name, then scan."
    name.setText("保安老王")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    written(qtbot, page)
    assert handoffs(conn) == [("pickup", "保安老王", "", "")]  # the held scan, recorded with the name
    assert banner(page)["headline"] == "✓ Picked up — hand it over"
    scan(qtbot, page, bags["5-1202"][0].code)  # not asked again
    assert [who for _, who, *_ in handoffs(conn)] == ["保安老王", "保安老王"]


def test_a_refusal_is_answered_at_once_without_asking_the_name(qtbot, conn, bags, make_page):
    page = make_page()
    page.operator_input.clear()
    scan(qtbot, page, "B" * 20)  # nothing that could be recorded
    assert page.findChild(QDialog, "gateGuardDialog") is None
    assert banner(page)["tone"] == "stop" and handoffs(conn) == []


def test_a_guard_who_gives_no_name_gets_the_answer_and_nothing_is_recorded(
        qtbot, conn, bags, make_page):
    page = make_page()
    page.operator_input.clear()
    scan(qtbot, page, bags["3-101"][0].code)
    qtbot.mouseClick(page.guard_dialog.findChild(QPushButton, "gateGuardCancel"),
                     Qt.MouseButton.LeftButton)
    assert banner(page)["headline"] == "✓ May be handed over" and handoffs(conn) == []
    assert page.note.text().startswith("Not recorded: a handoff needs the guard's name")


def test_the_guard_name_outlives_a_restore_of_the_file_and_ends_with_the_shift(
        qtbot, conn, bags, tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.db import connect

    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    window = GateWindow(conn, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.page.session.clock = Clock()
    scan(qtbot, window.page, bags["3-101"][0].code)
    window.page.guard_dialog.findChild(QLineEdit, "gateGuardName").setText("保安老王")
    qtbot.mouseClick(window.page.guard_dialog.confirm, Qt.MouseButton.LeftButton)
    written(qtbot, window.page)
    assert handoffs(conn) == [("pickup", "保安老王", "", "")]

    restored = connect(conn.path)  # what a restore hands the window: a new connection
    window.replace_connection(restored)
    assert window.page.operator_input.text() == "保安老王"
    window.page.session.clock = Clock()
    scan(qtbot, window.page, bags["5-1202"][0].code)
    assert window.page.findChild(QDialog, "gateGuardDialog") is None
    assert [who for _, who, *_ in handoffs(conn)] == ["保安老王", "保安老王"]

    key = gate.guard_key(restored)
    settings.setValue(f"gate/guard/{key}/since", 0)  # the shift began long ago
    window.replace_connection(connect(conn.path))
    assert window.page.operator_input.text() == ""
    window.page.stop()
    window.close()
    restored.close()


def test_a_green_bag_tells_the_guard_what_else_the_household_may_take_and_in_which_storage(
        qtbot, conn, bags, make_page):
    page = make_page()
    first, second, third = bags["12-301"]
    scan(qtbot, page, first.code)
    more = page.verdict_banner.more
    assert more.isVisible() and more.objectName() == "verdictWaiting"
    storages = sorted([second.storage, third.storage])
    kinds = ", ".join(f"{storages.count(s)} {s}" for s in ("frozen", "chilled", "ambient") if s in storages)
    assert more.text().splitlines()[0] == f"Also waiting for this household: 2 bags, {kinds}"
    assert more.text().splitlines()[1].startswith("bag 2 of 3 · ")
    scan(qtbot, page, second.code)
    scan(qtbot, page, third.code)
    assert more.text() == "Nothing else is waiting for this household."
    scan(qtbot, page, third.code)  # refused: no such line
    assert not more.isVisible()


def test_a_clock_set_back_is_named_under_the_waiting_list_and_ages_do_not_shrink(
        qtbot, conn, bags, make_page):
    before_set_back = (datetime.now(UTC) + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    gate.scan(conn, bags["3-101"][0].code, record="pickup", at=before_set_back)
    page = make_page()
    summary = page.waiting_summary.text()
    assert "This computer's clock is 2 h 0 min behind the latest recorded handoff" in summary or \
        "This computer's clock is 1 h 59 min behind the latest recorded handoff" in summary
    assert page.waiting_model.clock.source == "recorded"
    assert min(page.waiting_model.minutes) >= 119  # counted to the handoff's time, not the wall's


def test_more_than_five_made_up_codes_in_a_minute_raise_a_warning_on_the_page(
        qtbot, conn, bags, make_page):
    page = make_page()
    genuine = bags["3-101"][0].code
    warning = page.findChild(QLabel, "gateGuessingWarning")
    for n in range(5):
        scan(qtbot, page, genuine[:10] + f"0000{n}" + genuine[15:])
    assert not warning.isVisible()
    scan(qtbot, page, genuine[:10] + "00009" + genuine[15:])
    assert warning.isVisible() and warning.text().startswith("6 codes that are not this compound's")
    assert tuple(conn.execute("SELECT count(*), min(operator) FROM refused_scan").fetchone()) == (6, "保安老李")
    assert handoffs(conn) == []


def test_the_main_windows_gate_page_keeps_the_guard_name_when_a_restore_rebuilds_the_pages(
        qtbot, conn, bags, tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.db import connect
    from desktop.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(conn, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.show_page("gate")
    page = window.pages["gate"]
    page.wait_for_waiting_list()
    assert page.operator_input.text() == ""
    page.session.clock = Clock()
    scan(qtbot, page, bags["3-101"][0].code)
    page.guard_dialog.findChild(QLineEdit, "gateGuardName").setText("保安老王")
    qtbot.mouseClick(page.guard_dialog.confirm, Qt.MouseButton.LeftButton)
    written(qtbot, page)
    assert handoffs(conn) == [("pickup", "保安老王", "", "")]

    restored = connect(conn.path)
    window.replace_connection(restored)  # what the Backups page does after a restore
    window.show_page("gate")
    again = window.pages["gate"]
    assert again is not page and again.operator_input.text() == "保安老王"
    again.wait_for_waiting_list()
    again.stop()
    window.close()
    restored.close()


# ---- the answer first, the handoff written after: the gate while the file is busy -------------


@pytest.fixture
def file_held(qtbot, conn):
    """Someone else in the window holds the file's write turn (an import, say) until released."""
    import threading

    from desktop.ui.ops import DbOp

    holding, release = threading.Event(), threading.Event()
    owner = QLabel("another page")
    qtbot.addWidget(owner)

    def hold(worker_conn):
        holding.set()
        release.wait(20)

    job = DbOp(owner, conn, hold).run()
    qtbot.waitUntil(holding.is_set, timeout=5000)
    yield release
    release.set()
    if job.running:
        with qtbot.waitSignal(job.finished, timeout=20_000):
            pass


def burst(qtbot, page: GatePage, code: str, *, later: float = 2.0) -> None:
    """A scanner's burst, without waiting for what it records."""
    page.session.clock.now += later
    qtbot.keyClicks(page.scan_input, code)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)


def test_a_scan_while_the_file_is_busy_answers_at_once_and_says_recorded_when_it_is(
        qtbot, conn, bags, make_page, file_held):
    page = make_page()
    first, second = bags["12-301"][0].code, bags["3-101"][0].code
    burst(qtbot, page, first)
    shown = banner(page)
    assert (shown["tone"], shown["big"], shown["headline"]) == ("go", "12-301", "✓ May be handed over")
    assert shown["reason"] == "Recording the pickup…" and handoffs(conn) == []
    burst(qtbot, page, first, later=1.5)  # read again while its recording waits: not twice
    burst(qtbot, page, second)  # the next bag is answered and queued behind the first
    assert banner(page)["big"] == "3-101" and not page.settled
    assert page.sounds.played == ["go", "go"]

    file_held.set()
    written(qtbot, page)
    assert [(a, who) for a, who, *_ in handoffs(conn)] == [("pickup", "保安老李")] * 2
    order = [r[0] for r in conn.execute("SELECT b.code FROM handoff h JOIN bag b ON b.id = h.bag_id "
                                        "ORDER BY h.id")]
    assert order == [first, second]
    shown = banner(page)
    assert (shown["big"], shown["headline"]) == ("3-101", "✓ Picked up — hand it over")
    assert shown["reason"].startswith("Recorded at ") and page.sounds.played == ["go", "go"]
    qtbot.waitUntil(lambda: first not in page.waiting_model.codes, timeout=2000)


def test_a_bag_another_station_took_while_the_scan_waited_is_refused_and_recorded_once(
        qtbot, conn, bags, make_page, file_held):
    from desktop.db import connect

    page = make_page()
    code = bags["5-1202"][0].code
    burst(qtbot, page, code)
    assert banner(page)["headline"] == "✓ May be handed over"
    other = connect(conn.path)  # the second gate, on its own computer
    assert gate.scan(other, code, record="pickup", operator="保安老王", station="东门").recorded
    other.close()
    file_held.set()
    written(qtbot, page)
    shown = banner(page)
    assert (shown["tone"], shown["headline"]) == ("stop", "✗ Already picked up")
    assert "by 保安老王 at 东门" in shown["reason"]
    assert handoffs(conn) == [("pickup", "保安老王", "", "")]
    assert page.sounds.played == ["go", "stop"]


def test_undo_waits_while_a_handoff_is_on_its_way(qtbot, conn, bags, make_page, file_held):
    page = make_page()
    burst(qtbot, page, bags["3-101"][0].code)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.findChild(QDialog, "gateUndoDialog") is None
    assert page.note.text().startswith("The last scan is still being recorded")
    file_held.set()
    written(qtbot, page)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.undo_dialog.isVisible() and "3-101" in page.undo_dialog.findChild(
        QLabel, "gateUndoWhat").text()


def test_a_handoff_answered_is_written_even_when_the_window_closes_before_the_file_is_free(
        qtbot, conn, bags, make_page, file_held):
    from desktop.ui import jobs

    page = make_page()
    burst(qtbot, page, bags["12-2-502"][0].code)
    qtbot.waitUntil(lambda: any(j.title == "Recording at the gate" for j in jobs._running))
    job = next(j for j in jobs._running if j.title == "Recording at the gate")
    job.cancel()  # what a closing window asks of every job: a handoff answered is not dropped
    qtbot.wait(300)  # a write waiting for its turn would hear a cancel within 50 ms
    page.stop()
    file_held.set()
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert handoffs(conn) == [("pickup", "保安老李", "", "")]


def test_a_recording_that_fails_by_a_bug_is_said_not_recorded_and_the_page_carries_on(
        qtbot, conn, bags, make_page, monkeypatch):
    crashes = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: crashes.append(error))

    def broken(self, worker_conn):
        raise RuntimeError("a bug")

    from desktop.gate.session import Recording

    monkeypatch.setattr(Recording, "run", broken)
    page = make_page()
    scan(qtbot, page, bags["3-101"][0].code)
    assert [str(c) for c in crashes] == ["a bug"] and handoffs(conn) == []
    assert banner(page)["headline"] == "✗ Not recorded" and not page.session.pending
    monkeypatch.undo()
    scan(qtbot, page, bags["3-101"][0].code)
    assert handoffs(conn) == [("pickup", "保安老李", "", "")]


def test_the_door_delivery_run_with_no_pdf_program_on_the_computer_says_so(qtbot, conn, bags, make_page):
    page = make_page()
    asked = []
    page.waiting.open_url = lambda url: asked.append(url) or False  # nothing opens PDFs here
    qtbot.mouseClick(page.findChild(QPushButton, "gateDoorRun"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.waiting.door_run_job.finished, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: bool(asked), timeout=2000)
    assert page.note.isVisible()
    assert page.note.text() == ("No program on this computer opened the PDF: print it with "
                                "“Print door run…” instead.")


def test_a_scans_write_starts_only_once_its_answer_is_painted(qtbot, conn, bags, make_page):
    from desktop.ui import jobs

    page = make_page()
    painted = page.verdict_banner.paint_count
    burst(qtbot, page, bags["3-101"][0].code)
    assert banner(page)["big"] == "3-101"  # the answer is there at once
    assert not page.settled  # its write is on its way…
    assert not any(j.title == "Recording at the gate" for j in jobs._running)  # …not started yet
    qtbot.waitUntil(lambda: page.verdict_banner.paint_count > painted)
    written(qtbot, page)
    assert handoffs(conn) == [("pickup", "保安老李", "", "")]


def test_the_waiting_lists_timed_reload_waits_for_a_pause_between_scans(qtbot, conn, bags, make_page,
                                                                         monkeypatch):
    from desktop.ui.gate import waiting_panel

    page = make_page()
    reloads = []
    monkeypatch.setattr(page.waiting, "refresh", lambda: reloads.append(1))
    scan(qtbot, page, bags["3-101"][0].code)
    page.waiting._timed()  # the minute is up while the guard is scanning
    page.waiting._timed()  # and the next one
    assert reloads == [] and page.waiting._retry.isActive()  # tried again once, after a pause
    monkeypatch.setattr(waiting_panel, "QUIET_MS", 0)  # then the queue is gone
    page.waiting._timed()
    assert reloads == [1]


def test_a_list_too_old_is_reloaded_even_while_scans_keep_coming(qtbot, conn, bags, make_page, monkeypatch):
    from desktop.ui.gate import waiting_panel

    page = make_page()
    reloads = []
    monkeypatch.setattr(page.waiting, "refresh", lambda: reloads.append(1))
    monkeypatch.setattr(waiting_panel, "STALE_MS", 0)
    scan(qtbot, page, bags["3-101"][0].code)
    page.waiting._timed()
    assert reloads == [1]


def test_the_waiting_list_fits_its_columns_once_it_is_shown_not_at_every_reload(qtbot, conn, bags, make_page,
                                                                                  monkeypatch):
    page = make_page()
    fitted = []
    monkeypatch.setattr(page.waiting.view, "resizeColumnsToContents", lambda: fitted.append(1))
    page.waiting.refresh()
    page.wait_for_waiting_list()
    assert fitted == []  # the list is hidden: nothing to fit
    qtbot.mouseClick(page.waiting.toggle, Qt.MouseButton.LeftButton)
    assert page.waiting_view.isVisible() and fitted == [1]
    page.wait_for_waiting_list()
    page.waiting.refresh()
    page.wait_for_waiting_list()
    assert fitted == [1] and page.waiting_model.rowCount() > 0
