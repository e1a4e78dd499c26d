"""What people type, made plain: one rule for full-width forms and stray spaces everywhere."""

from desktop.text import clean, one_line, plain


def test_plain_makes_full_width_forms_ordinary_and_trims_the_ends():
    assert plain("  １２ｋｇ　大米 ") == "12kg 大米"
    assert plain(" 第一行\n第二行 ") == "第一行\n第二行"  # line breaks inside stay
    assert plain(None) == ""
    assert plain(0) == "0"  # a zero typed or read from a cell is still a zero


def test_clean_makes_one_line_with_single_spaces():
    assert clean("  张　\t 三 \n 家 ") == "张 三 家"
    assert clean("Ｆｒｅｓｈ   Ｆａｒｍ") == "Fresh Farm"
    assert clean(None) == "" and clean("") == "" and clean("   ") == ""


def test_clean_cuts_to_the_length_after_cleaning():
    assert clean("  ab   cd  ", max_len=4) == "ab c"
    assert clean("一二三四五", 3) == "一二三"
    assert clean("short", 60) == "short"


def test_one_line_keeps_the_characters_of_a_sentence():
    assert one_line("  商家拒单：\n 仓库封控  ") == "商家拒单： 仓库封控"
    assert one_line("ＡＢ  ｃ") == "ＡＢ ｃ"  # full-width letters stay full-width
    assert one_line("ab   cd", 4) == "ab c"
    assert one_line(None) == "" and one_line(" \t ") == ""
