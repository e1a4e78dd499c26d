"""Every string in the window has a Chinese translation with the same placeholders."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "i18n" / "compound_desk_zh_CN.ts"
UI_DIR = ROOT / "desktop" / "ui"
# %1 … %99 and %L1 (Qt), %n (plural counts), {name} (Python format fields).
PLACEHOLDER = re.compile(r"%L?\d{1,2}|%n|\{[A-Za-z_][A-Za-z0-9_]*\}")


def messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_no_translation_is_unfinished_or_empty():
    problems = []
    for context, message in messages(TS_FILE):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
        elif any(not text.strip() for text in translations(message)):
            problems.append(f"{context}: {source!r} has an empty translation")
    assert problems == []


def test_every_translation_keeps_the_placeholders_of_its_source():
    problems = []
    for context, message in messages(TS_FILE):
        source = message.findtext("source")
        for text in translations(message):
            if placeholders(text) != placeholders(source):
                problems.append(f"{context}: {source!r} → {text!r}")
    assert problems == []


def test_the_translation_file_holds_every_string_the_window_shows(tmp_path):
    """lupdate over the UI code finds nothing new: a string added without its translation fails."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists() and not shutil.which("pyside6-lupdate"):
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / TS_FILE.name
    shutil.copy(TS_FILE, copy)
    sources = sorted(str(path) for path in UI_DIR.glob("*.py"))
    command = [str(lupdate) if lupdate.exists() else "pyside6-lupdate", *sources, "-no-obsolete", "-ts", str(copy)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    unfinished = [
        f"{context}: {message.findtext('source')!r}"
        for context, message in messages(copy)
        if message.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == [], "run lupdate and translate these (see the Makefile)"
