"""The daily distribution sheet as the committee reads it at the morning meeting: the day's
figures in one sentence at the top, a bar per building, the bags still waiting with the cold chain
first, who has had nothing, the urgent needs, the money and who was on duty."""

import re
from datetime import UTC, date, datetime, timedelta

import pypdfium2 as pdfium
import pytest

from desktop.cli import main as cli
from desktop.committee import needs
from desktop.committee.daily import daily_figures, handoffs_per_day, today, waiting_lines
from desktop.printing.daily import write_daily_sheet
from desktop.printing.language import set_print_language
from desktop.printing.stocks import A4
from tests.committee_scenes import handing_out


@pytest.fixture
def week(tmp_path):
    conn, bags = handing_out(tmp_path)
    needs.add_need(conn, "5-1202", "胰岛素", "high")
    yield conn, bags
    conn.close()


def read_pdf(path) -> tuple[list[str], list[tuple[float, float]]]:
    document = pdfium.PdfDocument(str(path))
    texts, sizes = [], []
    for index in range(len(document)):
        page = document[index]
        sizes.append(page.get_size())
        textpage = page.get_textpage()
        texts.append(textpage.get_text_range())
        textpage.close()
    document.close()
    return texts, sizes


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_todays_sheet_is_headed_by_the_figures_read_aloud_in_chinese(week, tmp_path, capsys):
    conn, _bags = week
    out = tmp_path / "daily.pdf"
    code = cli.main(["--db", str(conn.path), "--lang", "en", "print", "daily", "-o", str(out)])
    assert code == 0 and "The daily sheet (1 page) written to" in capsys.readouterr().out
    (text,), sizes = read_pdf(out)
    assert [tuple(round(v) for v in size) for size in sizes] == [tuple(round(v) for v in A4)]
    text = flat(text)
    # 7-101 picked up; the undone door delivery, the bag only at the gate and 5-1202's wait.
    assert "已交付 1 袋 · 待取 4 袋 · 3 天未领 4 户 · 紧急需求 1 件" in text
    assert f"每日分发日报 · {today().isoformat()}" in text
    for building in ("3号楼", "5号楼", "7号楼", "12号楼"):
        assert building in text  # the chart's bars are named by building
    assert "5-1202 王小明：独居老人 · 自提 · 13800000004 · 从未领到 · 急需：胰岛素" in text
    assert "12-301 张三丰：- · 自提 · 13800000001 · 5 天前领过" in text
    assert "5-1202 王小明 · 胰岛素 · 待处理 · 紧急" in text
    assert "保安老李 · 北门 · 经手 2 次" in text  # the gate arrival and the pickup of today
    assert "保安小赵" in text  # who delivered to the door an hour ago, and undid it


def test_the_cold_chain_waits_first_and_the_chart_counts_per_building(week):
    conn, _bags = week
    figures = daily_figures(conn, today())
    assert [(b.building, b.handed, b.waiting) for b in figures.buildings] == [
        (3, 0, 1), (5, 0, 2), (7, 1, 0), (12, 0, 1)]
    assert [(w.address, w.storage) for w in figures.waiting][0] == ("5-1202", "frozen")
    assert sorted(w.address for w in figures.waiting[1:]) == ["12-2-502", "3-101", "5-1202"]


def test_three_hours_on_the_frozen_bag_is_over_its_cold_chain_limit_and_the_dry_ones_are_not(week):
    conn, _bags = week
    later = (datetime.now(UTC) + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = waiting_lines(conn, later)
    assert [(w.address, w.storage, w.overdue) for w in lines][0] == ("5-1202", "frozen", True)
    assert not any(w.overdue for w in lines[1:]) and all(w.minutes >= 179 for w in lines)


def test_yesterdays_sheet_reads_the_log_as_it_stood_at_the_end_of_yesterday(week):
    conn, _bags = week
    figures = daily_figures(conn, today() - timedelta(days=1))
    # The bags were made today: none waited yesterday; 12-301's pickup five days ago was then
    # four whole days old, and the door delivery an hour ago was undone, so it never counts.
    assert figures.waiting == () and figures.handed == 0
    served = {h.address: h.days_since for h in figures.coverage.households}
    assert served["12-301"] == 4 and served["5-1202"] is None


def test_handoffs_per_day_over_two_weeks(week):
    conn, _bags = week
    days = handoffs_per_day(conn)
    assert len(days) == 14 and days[-1] == (today(), 1)
    assert sum(count for _day, count in days) == 2  # today's pickup, and 12-301's five days ago


def test_a_compound_printing_in_english_gets_an_english_sheet(week, tmp_path):
    conn, _bags = week
    set_print_language(conn, "en")
    out = tmp_path / "daily-en.pdf"
    write_daily_sheet(conn, today().isoformat(), out)
    text = flat(read_pdf(out)[0][0])
    assert "Handed over 1 · waiting 4 · not served in 3 days 4 · urgent needs 1" in text
    assert "never served · urgent: 胰岛素" in text


@pytest.mark.parametrize("when, words", [
    ((date.today() + timedelta(days=2)).isoformat(), "has not come yet"),
    ("2026-02-30", "is not a date"),
    ("yesterday", "is not a date"),
])
def test_a_day_to_come_or_not_a_date_is_one_sentence_and_no_file(week, tmp_path, capsys, when, words):
    conn, _bags = week
    out = tmp_path / "daily.pdf"
    code = cli.main(["--db", str(conn.path), "--lang", "en", "print", "daily", "--date", when, "-o", str(out)])
    _out, err = capsys.readouterr()
    assert code == 2 and words in err and err.count("\n") == 1
    assert not out.exists()


def test_a_big_compound_still_fits_two_pages(tmp_path):
    from desktop.db import connect
    from desktop.demo.compound import fill_demo

    conn = connect(tmp_path / "demo.sqlite")
    fill_demo(conn, households=400, seed=3)
    out = tmp_path / "daily.pdf"
    pages = write_daily_sheet(conn, "", out)
    texts, _sizes = read_pdf(out)
    assert pages == len(texts) == 2
    assert "另有" in texts[1]  # the long lists end saying how many were left out
    conn.close()
