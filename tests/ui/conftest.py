"""UI tests run headless, each on its own database, in English unless a test asks for Chinese."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Crash logs and the default database go to a scratch folder, never the tester's own.
os.environ.setdefault("COMPOUND_DESK_DATA", tempfile.mkdtemp(prefix="compound-desk-ui-"))

import pytest  # noqa: E402

from desktop.db import connect  # noqa: E402
from desktop.lang import set_language  # noqa: E402
from desktop.roster.households import HouseholdFields, add_household  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "compound_desk_zh_CN.ts"


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "compound.sqlite")
    yield connection
    connection.close()


@pytest.fixture
def add(conn):
    """add("12-301", "张三", "13800000001", people=2) puts a household in the test's database."""

    def add_one(address, name="", phone="", **more) -> int:
        return add_household(conn, HouseholdFields(address=address, name=name, phone=phone, **more))

    return add_one


@pytest.fixture(scope="session")
def english_qm(tmp_path_factory) -> Path:
    """The English plurals ("1 order", "2 orders") built fresh from their catalogue."""
    qm = tmp_path_factory.mktemp("i18n") / "compound_desk_en.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(TS_FILE.with_name("compound_desk_en.ts")), "-qm",
                    str(qm)], check=True, timeout=60)
    return qm


@pytest.fixture(autouse=True)
def english(qapp, english_qm):
    from desktop.ui.app import install_translators, use_bundled_font

    use_bundled_font(qapp)
    install_translators(qapp, "en", english_qm)
    set_language("en")
    yield
    install_translators(qapp, "en", english_qm)
    set_language(None)


@pytest.fixture(scope="session")
def chinese_qm(tmp_path_factory) -> Path:
    """The Chinese strings built fresh from the .ts, so the test never reads a stale .qm."""
    qm = tmp_path_factory.mktemp("i18n") / "compound_desk_zh_CN.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(TS_FILE), "-qm", str(qm)], check=True, timeout=60)
    return qm


@pytest.fixture
def chinese(qapp, chinese_qm):
    from desktop.ui.app import install_translators

    install_translators(qapp, "zh_CN", chinese_qm)
    set_language("zh_CN")
    yield


@pytest.fixture
def saved(qtbot):
    """saved() waits until the window's database work is done: a dialog's Save writes off the GUI
    thread, so the dialog closes (or shows its error) a moment after Enter."""
    from desktop.ui import jobs

    def wait() -> None:
        qtbot.waitUntil(lambda: jobs.running_count() == 0, timeout=20_000)

    return wait
