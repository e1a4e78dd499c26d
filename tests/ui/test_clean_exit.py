"""The window closes cleanly after a long evening of use: exit code 0, no fatal error."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SESSION = Path(__file__).with_name("window_session.py")
STEPS_PER_ROUND = 12


def environment(tmp_path: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMPOUND_DESK_DATA=str(tmp_path / "data"),
               HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.fixture
def demo(tmp_path) -> Path:
    db = tmp_path / "compound.sqlite"
    made = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "demo"], cwd=ROOT,
                          env=environment(tmp_path), capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    return db


@pytest.mark.parametrize(("lang", "rounds"), [("en", 2), ("zh_CN", 1)])
def test_a_long_session_at_the_window_ends_with_a_clean_exit(demo, tmp_path, lang, rounds):
    session = subprocess.run([sys.executable, str(SESSION), str(demo), str(rounds), lang], cwd=ROOT,
                             env=environment(tmp_path), capture_output=True, text=True, timeout=300)
    assert "Fatal Python error" not in session.stderr
    assert session.returncode == 0, session.stderr[-4000:]
    assert session.stdout.split() == ["steps", str(STEPS_PER_ROUND * rounds)]


def test_tens_of_thousands_of_qt_calls_cannot_free_none_or_true(tmp_path):
    """PySide6 6.12.0 drops a reference to None per call of a method returning nothing, and one
    to True per signal sent from Python; the window keeps them alive all the same."""
    script = (
        "import desktop.ui\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "from PySide6.QtWidgets import QApplication, QLineEdit\n"
        "class Beacon(QObject):\n"
        "    ping = Signal(bool)\n"
        "app = QApplication([])\n"
        "field, beacon = QLineEdit(), Beacon()\n"
        "for n in range(200_000):\n"
        "    field.setText(str(n % 7))\n"
        "    beacon.ping.emit(n % 2 == 0)\n"
        "print('done')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=environment(tmp_path),
                            capture_output=True, text=True, timeout=120)
    assert "Fatal Python error" not in result.stderr
    assert (result.returncode, result.stdout) == (0, "done\n")
