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
    sources = sorted(str(path) for path in UI_DIR.rglob("*.py"))
    command = [str(lupdate) if lupdate.exists() else "pyside6-lupdate", *sources, "-no-obsolete", "-ts", str(copy)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    unfinished = [
        f"{context}: {message.findtext('source')!r}"
        for context, message in messages(copy)
        if message.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == [], "run lupdate and translate these (see the Makefile)"


# ---- one language at a time ----

CJK = re.compile(r"[\u3400-\u9fff\uff01-\uff5e]")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
# English sources that show Chinese on purpose: how people write the data the window reads
# (addresses, names, a roster's column header, a pasted group list), never words of the window.
DATA_EXAMPLES = {
    ("HouseholdDialog", "12-301, 12-2-301, 12号楼301 …"),
    ("OrderEntry", "12-301 / 12号楼301"),
    ("OrderEntry", "The household's address, in any form: 12-301, 12-2-301, 12号楼301, 12栋2单元301 (%1)"),
    ("RosterPage", "Search: 12-301 / 张 / zs / 138…"),
    ("RosterPage", "A CSV (UTF-8 or GBK) or Excel file with an address column (地址), or building and room "
                   "columns, is enough."),
    ("ChainDialog", "Paste the list from the chat here (Ctrl+V), for example:\n\n#接龙\n燕麦奶 68元\n\n"
                    "1. 12-301 张 2箱\n2. 5号楼1202 李阿姨 1\n3. 7栋2单元502 王 两箱 备注：放门口"),
}
# English a Chinese sentence keeps: names of keys, file kinds and paper, data in examples.
KEPT_IN_CHINESE = {
    "Alt", "Ctrl", "Esc", "F11", "Tab", "Shift", "PDF", "CSV", "Excel", "UTF", "GBK", "xlsx",
    "csv", "pdf", "json", "manifest", "Letter", "zs", "in",
}


def test_english_sources_carry_no_chinese_words():
    mixed = [
        f"{context}: {message.findtext('source')!r}"
        for context, message in messages(TS_FILE)
        if CJK.search(message.findtext("source")) and (context, message.findtext("source")) not in DATA_EXAMPLES
    ]
    assert mixed == [], "say it in English; Chinese goes in the translation"


def test_chinese_translations_carry_no_english_words():
    mixed = []
    for context, message in messages(TS_FILE):
        for text in translations(message):
            words = set(ENGLISH_WORD.findall(re.sub(r"%L?\d|\(&\w\)", "", text))) - KEPT_IN_CHINESE
            if words:
                mixed.append(f"{context}: {text!r} says {sorted(words)}")
    assert mixed == []


def test_the_english_plurals_say_one_thing_and_many_things():
    """The plural-only English catalogue: every count has its singular ("1 order") and keeps the
    source as its plural ("2 orders"), placeholders and all."""
    english = TS_FILE.with_name("compound_desk_en.ts")
    problems = []
    found = 0
    for context, message in messages(english):
        source = message.findtext("source")
        forms = translations(message)
        found += 1
        if message.find("translation").get("type") == "unfinished" or len(forms) != 2:
            problems.append(f"{context}: {source!r} is unfinished")
        elif forms[1] != source or forms[0] == source or placeholders(forms[0]) != placeholders(source):
            problems.append(f"{context}: {source!r} → {forms!r}")
    assert found and problems == []
