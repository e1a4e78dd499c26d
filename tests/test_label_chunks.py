"""A long label run drawn on every core: the chunks drawn by worker processes and joined must
make the very PDF one process draws, every QR code still read at 150 dpi, and a cancel, a failure
or a worker that dies must leave no file behind and say one sentence, never hang."""

import multiprocessing
import os
import tempfile
import time

import pypdfium2 as pdfium
import pytest
import zxingcpp

from desktop.bags.bags import make_bags
from desktop.buys.arrivals import record_arrival
from desktop.db import connect
from desktop.errors import BadInput, Cancelled, DeskError
from desktop.printing import label_chunks, labels
from desktop.printing.label_chunks import draw_in_chunks, pack_chunks
from desktop.printing.labels import draw_labels, labels_for_buy, write_labels
from desktop.printing.language import print_language
from desktop.printing.stocks import STOCKS
from desktop.roster.households import HouseholdFields, add_household, list_households
from tests.bag_scenes import open_buy, order

DPI = 150


@pytest.fixture
def scene(tmp_path, monkeypatch):
    """Thirty households with a frozen and an ambient bag each (sixty labels: two and a half
    sheets of 24); chunk files go under tmp_path."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    conn = connect(tmp_path / "c.sqlite")
    for n in range(30):
        add_household(conn, HouseholdFields(address=f"{n % 2 + 1}-{(n // 2 + 1) * 100 + 1}",
                                            name="王秀英", phone=f"139{n:08d}"))
    buy = open_buy(conn, title="冷冻饺子与大米团")
    for household in list_households(conn):
        order(conn, buy, household.address, 冷冻饺子=1, 东北大米=1)
    record_arrival(conn, buy, {})
    make_bags(conn, buy)
    yield conn, buy, scratch
    conn.close()


def page_texts(path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
        return texts
    finally:
        document.close()


def page_codes(path) -> list[list[str]]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [[r.text for r in zxingcpp.read_barcodes(
            page.render(scale=DPI / 72, grayscale=True).to_pil(),
            formats=zxingcpp.BarcodeFormat.QRCode)] for page in document]
    finally:
        document.close()


def in_one_process(conn, buy, stock, path):
    chosen = labels_for_buy(conn, buy)
    with open(path, "wb") as out:
        draw_labels(out, chosen, STOCKS[stock], chosen[0].buy_title, lang=print_language(conn))
    return chosen


@pytest.mark.parametrize("stock", ["thermal-60x40", "a4-3x8"])
def test_chunks_drawn_here_and_by_two_workers_join_into_the_same_labels_in_the_same_order(scene, tmp_path, stock):
    conn, buy, scratch = scene
    single, joined = tmp_path / "single.pdf", tmp_path / "joined.pdf"
    chosen = in_one_process(conn, buy, stock, single)
    per_page = STOCKS[stock].per_page
    with open(joined, "wb") as out:  # chunks of one sheet, or of five labels: some drawn here
        parts = pack_chunks(chosen, STOCKS[stock], chunk=5 if per_page == 1 else 1)
        draw_in_chunks(out, draw_labels, parts, STOCKS[stock], chosen[0].buy_title,
                       lang=print_language(conn), workers=2 if per_page == 1 else 1)
    assert page_texts(joined) == page_texts(single)
    codes = [code for page in page_codes(joined) for code in page]
    if per_page == 1:  # one label a page: the order of the codes is the order of the pages
        assert codes == [label.code for label in chosen]
    else:
        assert sorted(codes) == sorted(label.code for label in chosen)
    assert b"/PrintScaling /None" in joined.read_bytes()
    assert list(scratch.iterdir()) == []


def test_a_long_run_prints_through_the_workers_from_write_labels(scene, tmp_path, monkeypatch):
    conn, buy, scratch = scene
    monkeypatch.setattr(labels, "PARALLEL_FROM", 10)
    monkeypatch.setattr(label_chunks, "CHUNK", 7)
    monkeypatch.setattr(labels, "worker_count", lambda: 2)
    started = []
    real = label_chunks.Drawers
    monkeypatch.setattr(labels, "Drawers", lambda *a, **k: started.append(1) or real(*a, **k))
    reports = []
    target = tmp_path / "labels.pdf"
    assert write_labels(conn, buy, "thermal-60x40", target,
                        progress=lambda done, total: reports.append((done, total))) == 60
    assert started == [1]
    assert reports[0] == (0, 60) and reports[-1] == (60, 60)
    assert [code for page in page_codes(target) for code in page] == \
        [label.code for label in labels_for_buy(conn, buy)]
    assert list(scratch.iterdir()) == []


def test_a_few_labels_are_drawn_without_starting_a_worker(scene, tmp_path, monkeypatch):
    conn, buy, _ = scene
    monkeypatch.setattr(labels, "Drawers", lambda *a, **k: pytest.fail("a worker started"))
    monkeypatch.setattr(labels, "PARALLEL_FROM", 61)
    assert write_labels(conn, buy, "thermal-60x40", tmp_path / "l.pdf") == 60


def test_cancelling_ends_the_workers_and_leaves_no_chunk_and_no_file(scene, tmp_path, monkeypatch):
    conn, buy, scratch = scene
    monkeypatch.setattr(labels, "PARALLEL_FROM", 10)
    monkeypatch.setattr(label_chunks, "CHUNK", 3)
    monkeypatch.setattr(labels, "worker_count", lambda: 2)
    asked = []
    target = tmp_path / "labels.pdf"
    with pytest.raises(Cancelled):
        write_labels(conn, buy, "thermal-60x40", target,
                     progress=lambda done, total: asked.append(done),
                     should_cancel=lambda: len(asked) >= 2)
    assert not target.exists() and list(tmp_path.glob(".labels.pdf*")) == []
    assert list(scratch.iterdir()) == []
    assert multiprocessing.active_children() == []


def test_workers_started_for_a_long_run_end_when_reading_its_labels_fails(scene, tmp_path, monkeypatch):
    conn, buy, scratch = scene
    monkeypatch.setattr(labels, "PARALLEL_FROM", 10)
    monkeypatch.setattr(labels, "worker_count", lambda: 2)

    def unreadable(conn, buy_id):
        raise BadInput("print_no_bags", "buy", title="冷冻饺子与大米团")

    monkeypatch.setattr(labels, "labels_for_buy", unreadable)
    with pytest.raises(BadInput):
        write_labels(conn, buy, "thermal-60x40", tmp_path / "labels.pdf")
    assert multiprocessing.active_children() == []
    assert list(scratch.iterdir()) == [] and not (tmp_path / "labels.pdf").exists()


def crash(out, chosen, stock, title, *, lang, should_cancel=None):
    """A drawing that dies in a worker as a process killed by the system would."""
    if multiprocessing.parent_process() is None:  # the process asking draws as ever
        return draw_labels(out, chosen, stock, title, lang=lang, should_cancel=should_cancel)
    os._exit(9)


def fail(out, chosen, stock, title, *, lang, should_cancel=None):
    if multiprocessing.parent_process() is None:
        return draw_labels(out, chosen, stock, title, lang=lang, should_cancel=should_cancel)
    raise RuntimeError("no ink")


@pytest.mark.parametrize("draw", [crash, fail], ids=["worker dies", "drawing fails"])
def test_a_worker_that_dies_or_fails_is_one_sentence_soon_and_no_chunk_is_left(scene, tmp_path, draw):
    conn, buy, scratch = scene
    chosen = labels_for_buy(conn, buy)
    started = time.monotonic()
    with pytest.raises(DeskError) as failed, open(tmp_path / "x.pdf", "wb") as out:
        draw_in_chunks(out, draw, pack_chunks(chosen, STOCKS["thermal-60x40"], chunk=4),
                       STOCKS["thermal-60x40"], "t", lang="en", workers=2)
    assert time.monotonic() - started < 30
    assert failed.value.code == "print_worker_failed"
    assert "drawing process stopped" in str(failed.value)
    assert list(scratch.iterdir()) == []
