"""The phrasebook: every sentence and value word in both languages, with the same fields, and
wording found only there."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from desktop import words
from desktop.bags.bags import STORAGE_ORDER
from desktop.buys.group_buys import STATUSES
from desktop.buys.payments import METHODS
from desktop.errors import BadInput
from desktop.notices import notice
from desktop.roster.households import DELIVERY_MODES, FLAGS
from desktop.words import SENTENCES, WORDS, Word, describe, phrases, say, word

DESKTOP = Path(words.__file__).resolve().parents[1]
HAN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Fields that are English plural endings ("bag{s}"): Chinese has no plural to fill them with.
PLURAL_FIELD = re.compile(r"^(s|\w+_s)$")

ENTRIES = [(code, pair) for code, pair in SENTENCES.items()] + [
    (f"{kind}:{value}", pair) for kind, values in WORDS.items() for value, pair in values.items()]


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize(("code", "pair"), ENTRIES, ids=[code for code, _ in ENTRIES])
def test_every_entry_is_said_in_english_and_in_chinese_with_the_same_fields(code, pair):
    english, chinese = pair
    assert english.strip() and chinese.strip()
    assert HAN.search(chinese), f"{code}: the Chinese has no Chinese in it: {chinese!r}"
    plural = {name for name in fields(english) if PLURAL_FIELD.match(name)}
    assert fields(english) - plural == fields(chinese), code
    assert not plural & fields(chinese), code


@pytest.mark.parametrize(("code", "pair"), ENTRIES, ids=[code for code, _ in ENTRIES])
def test_a_chinese_sentence_holds_no_english_but_the_names_both_languages_share(code, pair):
    """Latin words in Chinese are what the user types or reads as is (commands, options, file
    formats); each must be in the English sentence too, so nothing was left untranslated."""
    english, chinese = pair
    without_fields = re.sub(r"\{[^}]*\}", "", chinese)
    for latin in re.findall(r"[A-Za-z][A-Za-z_.\-]*", without_fields):
        assert latin in english, f"{code}: “{latin}” in the Chinese is not a name the English uses"


def test_every_value_the_program_stores_has_its_word():
    assert set(WORDS["buy_status"]) == set(STATUSES) == set(WORDS["buy_status_phrase"])
    assert set(WORDS["storage"]) == set(STORAGE_ORDER)
    assert set(WORDS["payment_method"]) == set(METHODS)
    assert set(WORDS["flag"]) == set(FLAGS)
    assert set(WORDS["delivery"]) == set(DELIVERY_MODES)


def test_a_value_is_named_in_the_language_of_the_sentence_that_carries_it():
    error = BadInput("items_fixed", "item", title="冷冻饺子团", status=Word("buy_status_phrase", "arrived"))
    assert describe(error, "en") == "“冷冻饺子团” is already delivered: its items can no longer change."
    assert describe(error, "zh") == "“冷冻饺子团”已到货：商品已不能再修改。"
    assert str(error) == describe(error, "en")


def test_words_sentences_and_pages_come_from_one_door_each():
    assert word("storage", "frozen", "zh") == "冷冻" and word("storage", "frozen", "en") == "frozen"
    assert word("storage", "deep-frozen", "zh") == "deep-frozen"  # an unknown value is shown as it is
    assert say("gate.bags_waiting", "zh", n=3) == "3 袋待取"
    assert say("cli.printed_pickup", "en", count=1, s=words.plural(1), where="written to a.pdf") == \
        "The pickup sheet (1 page) written to a.pdf"
    assert phrases("door_run", "en")["title"] == "Door-delivery run"
    assert notice("ktt_supplier_unknown").text("zh") == say("ktt_supplier_unknown", "zh")
    assert say("no_such_sentence", "en") == "no_such_sentence"


def test_the_phrasebook_stands_alone_so_errors_and_notices_can_use_it():
    """No cycle: the phrasebook imports nothing of the program but the user's language."""
    for module in (DESKTOP / "words").glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                     for alias in node.names}
        outside = {name for name in imported if name and name.startswith("desktop")
                   and not name.startswith("desktop.words") and name != "desktop.lang"}
        assert not outside, f"{module.name} imports {outside}"


def test_no_phrasebook_module_grows_past_600_lines():
    for module in (DESKTOP / "words").glob("*.py"):
        assert len(module.read_text(encoding="utf-8").splitlines()) <= 600, module.name


def test_at_most_ten_language_ternaries_are_left_in_the_program():
    """Wording lives in the phrasebook, not in `"…" if zh else "…"` scattered through the code."""
    pattern = re.compile(r"zh else|if zh|_zh\(\)")
    found = [f"{path.relative_to(DESKTOP.parent)}:{n}"
             for path in DESKTOP.rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line)]
    assert len(found) <= 10, found
