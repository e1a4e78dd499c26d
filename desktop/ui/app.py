"""Starting the window: platform, font, language, database and crash handler; or one screenshot."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from desktop.errors import BadInput, DeskError
from desktop.lang import current_language, set_language
from desktop.words import describe

FONT_FILE = "fonts/wqy-microhei.ttc"
FONT_FAMILY = "WenQuanYi Micro Hei"
QM_NAME = "compound_desk_zh_CN.qm"
# English needs no translation but its plurals: "%n orders" is "1 order" (lupdate -pluralonly).
ENGLISH_QM_NAME = "compound_desk_en.qm"
# How long `--screenshot` waits for previews drawn in the background before it saves anyway.
SCREENSHOT_WAIT_MS = 60_000
# …and how long nothing must run before it counts as done (a page may start its drawing a moment
# after it is shown).
SCREENSHOT_QUIET_MS = 60


def run_window(args) -> int:
    """Open the window (or render it once to a PNG with `--screenshot`); the process's exit code."""
    screenshot: Path | None = getattr(args, "screenshot", None)
    if screenshot:
        # Before any QApplication exists: the platform is chosen when it is made.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    width, height = parse_size(getattr(args, "size", None) or "1280x800")
    lang = args.lang or ("zh_CN" if current_language() == "zh" else "en")
    set_language(lang)  # service sentences follow the window's language

    from desktop.ui.main_window import PAGES

    page = getattr(args, "page", None)
    if page is not None and page not in PAGES and page != "signin":  # signin: the sign-in screen
        raise BadInput("page_unknown", "page", page=page, pages=" | ".join(PAGES))

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "compound-desk"])
    app.setOrganizationName("CompoundDesk")
    app.setApplicationName("CompoundDesk")
    use_bundled_font(app)
    install_translators(app, lang)

    from desktop.db import connect
    from desktop.paths import default_database

    path = Path(args.db or default_database())
    restored = None
    try:
        try:
            conn = connect(path)
        except DeskError as error:
            if screenshot:
                raise
            # Too damaged even to open: its newest good backup is offered before anything else.
            from desktop.ui.safekeeping.safekeeping import restore_before_opening

            restored = restore_before_opening(path, error)
            if restored is None:
                raise
            conn = connect(path)
    except DeskError as error:
        sentence = describe(error)
        if screenshot:
            sys.stderr.write(sentence + "\n")
        else:
            QMessageBox.critical(None, QCoreApplication.translate("App", "Compound Desk"), sentence)
        return error.exit_code

    from desktop.ui.crash_dialog import CrashHandler
    from desktop.ui.main_window import MainWindow

    handler = CrashHandler(interactive=not screenshot)
    previous_hook = sys.excepthook
    sys.excepthook = handler
    window = None
    try:
        if getattr(args, "gate", False):
            # Gate mode: the Gate page alone, full screen, for the booth at the gate.
            from desktop.ui.gate.gate_page import GateWindow

            window = GateWindow(conn, settings=None if screenshot else QSettings("CompoundDesk", "CompoundDesk"))
            if screenshot:
                window.resize(width, height)
                return save_screenshot(app, window, screenshot, handler)
            window.showFullScreen()
            window.start_sign_in()
            window.start_safekeeping()
            return app.exec()
        if screenshot:
            window = MainWindow(conn, settings=None)
            window.resize(width, height)
            if page == "signin":
                window.lock()
            else:
                window.show_page(page or PAGES[0])
            return save_screenshot(app, window, screenshot, handler)
        window = MainWindow(conn, settings=QSettings("CompoundDesk", "CompoundDesk"))
        if page:
            window.show_page(page)
        window.show()
        window.start_sign_in()
        if restored is not None:
            window.safekeeping.report_restored(*restored)
        # Checks and backups only now, off the GUI thread, so the window comes up at once.
        window.start_safekeeping()
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        conn.close()
        if window is not None:
            window.conn.close()  # a restore may have replaced the connection opened here


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not match:
        raise BadInput("size_invalid", "size", text=text)
    return int(match.group(1)), int(match.group(2))


def use_bundled_font(app) -> str | None:
    """Make the bundled CJK font the application font, so Chinese renders with no fonts installed."""
    from PySide6.QtGui import QFontDatabase

    from desktop.paths import resources_dir

    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    family = FONT_FAMILY if FONT_FAMILY in families else families[0]
    font = app.font()
    font.setFamilies([family])
    # 10 pt at least: read at arm's length by tired people on cheap laptop screens.
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    return family


def install_translators(app, lang: str, qm_path: Path | None = None) -> list:
    """Load this program's Chinese strings and Qt's own (for Qt's dialogs), and in either language
    give Qt's standard buttons (OK, Cancel, Save…) an Alt key."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from desktop.paths import resources_dir
    from desktop.ui.standard_keys import StandardButtonKeys

    for old in getattr(app, "_compound_translators", []):
        app.removeTranslator(old)
    app._compound_translators = []
    if lang.lower().startswith("zh"):
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        ours = QTranslator(app)
        qm = qm_path or resources_dir() / "i18n" / QM_NAME
        if ours.load(str(qm)):
            app.installTranslator(ours)
            app._compound_translators.append(ours)
        else:
            sys.stderr.write(f"{qm} is missing, so the window is in English: build it with `make`.\n")
        qt_own = QTranslator(app)
        if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            app._compound_translators.append(qt_own)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        plurals = QTranslator(app)
        if plurals.load(str(qm_path or resources_dir() / "i18n" / ENGLISH_QM_NAME)):
            app.installTranslator(plurals)
            app._compound_translators.append(plurals)
    # Installed last, so Qt asks it first.
    keys = StandardButtonKeys(app, chinese=lang.lower().startswith("zh"))
    app.installTranslator(keys)
    app._compound_translators.append(keys)
    return list(app._compound_translators)


def save_screenshot(app, window, path: Path, handler) -> int:
    """Show the window, wait until every page's background drawing (previews) is done and painted,
    then save it as a PNG. Waits in an event loop: the window draws exactly as it would on screen."""
    from PySide6.QtCore import QCoreApplication

    from desktop.ui import jobs

    window.show()
    if not jobs.wait_until_idle(SCREENSHOT_WAIT_MS, quiet_ms=SCREENSHOT_QUIET_MS):
        sys.stderr.write(QCoreApplication.translate(
            "App", "The previews were still being drawn, so the screenshot may show them unfinished.") + "\n")
    from desktop.files import refuse_unless_regular

    refuse_unless_regular(path, code="screenshot_unwritable", field="screenshot")
    if not window.grab().save(str(path), "PNG"):
        raise BadInput("screenshot_unwritable", "screenshot", path=str(path))
    window.close()
    return 1 if handler.failures else 0
