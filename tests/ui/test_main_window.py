"""The shell around the pages, and `--screenshot`, which renders it without a display."""

import os
import struct
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget

from desktop.db import transaction
from desktop.db.backup import backups_dir
from desktop.ui.main_window import PAGES, MainWindow

ROOT = Path(__file__).resolve().parents[2]


def make_window(qtbot, conn, settings=None) -> MainWindow:
    window = MainWindow(conn, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def name_compound(conn, name):
    with transaction(conn):
        conn.execute("UPDATE compound SET name = :name WHERE id = 1", {"name": name})


def test_the_status_line_names_the_compound_the_station_and_the_last_backup(qtbot, conn):
    name_compound(conn, "梧桐苑")
    window = make_window(qtbot, conn)

    assert window.windowTitle() == "Compound Desk — 梧桐苑"
    assert window.findChild(QLabel, "statusCompound").text() == "梧桐苑"
    assert window.findChild(QLabel, "statusStation").text() == f"station {conn.station}"
    assert window.findChild(QLabel, "statusBackup").text() == "no backup yet"

    # The time in the backup's name (UTC) is what counts, shown on this laptop's clock; a file
    # of another database in the same folder is not this one's backup.
    folder = backups_dir(conn.path)
    folder.mkdir()
    (folder / "compound-20250101-120000-000000-auto.sqlite").write_bytes(b"")
    (folder / "compound-gate-20260101-120000-000000-auto.sqlite").write_bytes(b"")
    os.utime(folder / "compound-20250101-120000-000000-auto.sqlite", (1_700_000_000, 1_700_000_000))
    window.refresh_status()
    taken = datetime(2025, 1, 1, 12, 0, tzinfo=UTC).astimezone()
    assert window.findChild(QLabel, "statusBackup").text() == f"last backup {taken:%Y-%m-%d %H:%M}"


def test_the_navigation_lists_only_the_pages_that_work(qtbot, conn):
    window = make_window(qtbot, conn)
    navigation = window.findChild(QListWidget, "navigation")
    names = [navigation.item(row).text() for row in range(navigation.count())]
    assert names[0] == "Roster" and "Backups" in names
    assert len(names) == len(PAGES)
    assert window.current_page() == "roster"
    assert window.stack.currentWidget().objectName() == "rosterPage"


def test_the_window_in_chinese_shows_households_in_the_navigation(qtbot, conn, chinese):
    window = make_window(qtbot, conn)
    navigation = window.findChild(QListWidget, "navigation")
    assert navigation.item(0).text() == "住户"
    assert navigation.item(list(PAGES).index("backups")).text() == "备份"
    assert navigation.accessibleName() == "页面"
    assert window.windowTitle() == "小区保供台"
    assert window.findChild(QLabel, "statusBackup").text() == "尚无备份"
    page = window.pages["roster"]
    assert page.search.accessibleName() == "搜索住户"
    assert page.findChild(QLabel, "rosterEmptyText").text().startswith("还没有住户")


def test_a_household_error_in_chinese_reads_in_chinese(qtbot, conn, chinese, saved):
    window = make_window(qtbot, conn)
    dialog = window.pages["roster"].add_household()
    dialog.address.setText("12-")
    dialog.save()
    saved()
    assert dialog.errors["address"].text() == "“12-”没有房号：请补上房号，例如 12-301。"
    assert dialog.save_button.text() == "保存(&S)"


def test_the_window_remembers_its_size_and_page(qtbot, conn, tmp_path):
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = make_window(qtbot, conn, settings)
    window.resize(790, 520)  # inside the offscreen screen, which restoreGeometry respects
    window.close()

    again = make_window(qtbot, conn, QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    assert (again.width(), again.height()) == (790, 520)
    assert again.current_page() == "roster"


# ---- --screenshot, in a process of its own as a committee member's script would run it ----


def run_desk(*args, tmp_path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMPOUND_DESK_DATA=str(tmp_path / "data"))
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=60)


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_screenshot_mode_writes_a_png_of_the_roster_page(conn, add, tmp_path):
    add("12-301", "张三", "13800000001", flags=("elderly_alone", "no_smartphone"))
    out = tmp_path / "roster.png"

    result = run_desk("--db", str(conn.path), "--screenshot", str(out), "--page", "roster",
                      "--size", "1024x640", tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr
    assert png_size(out) == (1024, 640)


def test_a_screenshot_of_bags_and_labels_waits_until_its_previews_are_drawn(tmp_path):
    """The label preview is drawn in the background; the PNG shows it finished, its code readable."""
    import zxingcpp
    from PIL import Image

    from desktop.bags.codes import verify
    from desktop.compound import code_keys
    from desktop.db import connect

    db = tmp_path / "demo.sqlite"
    assert run_desk("--db", str(db), "demo", tmp_path=tmp_path).returncode == 0
    out = tmp_path / "bags.png"

    result = run_desk("--db", str(db), "--screenshot", str(out), "--page", "bags", "--lang", "en",
                      tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr
    codes = [found.text for found in zxingcpp.read_barcodes(Image.open(out))]
    conn = connect(db)
    try:
        assert [verify(code_keys(conn), code).verdict for code in codes] == ["genuine"]
    finally:
        conn.close()


def test_screenshot_of_a_page_not_built_yet_says_so_and_exits_2(conn, tmp_path):
    out = tmp_path / "weather.png"
    result = run_desk("--db", str(conn.path), "--screenshot", str(out), "--page", "weather",
                      "--lang", "en", tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"There is no “weather” page yet: use --page {' | '.join(PAGES)}."
    assert not out.exists()


def test_screenshot_of_a_file_that_is_not_a_database_says_so_and_exits_3(tmp_path):
    not_a_database = tmp_path / "notes.sqlite"
    not_a_database.write_text("shopping list: rice, eggs\n", encoding="utf-8")
    result = run_desk("--db", str(not_a_database), "--screenshot", str(tmp_path / "x.png"),
                      "--lang", "en", tmp_path=tmp_path)
    assert result.returncode == 3
    assert "is not a Compound Desk database" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_committee_member_names_the_compound_from_the_status_line(qtbot, tmp_path, saved):
    from PySide6.QtWidgets import QToolButton

    from desktop.compound import compound_info
    from desktop.db import connect

    conn = connect(tmp_path / "new.sqlite")
    window = MainWindow(conn)
    qtbot.addWidget(window)
    window.show()
    assert window.findChild(QLabel, "statusCompound").text() == "unnamed compound"

    def answer(text: str) -> None:
        qtbot.mouseClick(window.findChild(QToolButton, "renameCompound"), Qt.MouseButton.LeftButton)
        dialog = window.name_dialog
        qtbot.waitExposed(dialog)
        dialog.setTextValue(text)
        with qtbot.waitSignal(dialog.finished):
            qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Return)

    answer("  梧桐苑 ")
    saved()
    assert compound_info(conn).name == "梧桐苑"
    assert window.findChild(QLabel, "statusCompound").text() == "梧桐苑"
    answer("   ")
    saved()
    assert compound_info(conn).name == "梧桐苑"
    conn.close()
