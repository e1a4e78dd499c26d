"""Printed paper, checked the way the gate will meet it: every PDF is rendered at a thermal
printer's 203 dpi and every QR code read back with a real decoder (zxing-cpp)."""

import importlib.util
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp

from desktop.bags.bags import find_bag, make_bags
from desktop.bags.codes import normalise, verify
from desktop.compound import code_keys
from desktop.db import connect
from desktop.errors import BadInput, Cancelled
from desktop.lang import current_language, set_language
from desktop.printing.cards import CARD_H, CARD_W, write_cards
from desktop.printing.labels import _item_lines, write_labels
from desktop.printing.language import print_language, set_print_language
from desktop.printing.pickup import write_pickup_sheet
from desktop.printing.qr import QUIET_ZONE
from desktop.printing.stocks import MM, STOCKS
from desktop.printing.supplier_sheet import write_supplier_sheet
from desktop.roster.households import HouseholdFields, add_household, list_households
from tests.bag_scenes import compound, everyday_buy, open_buy, order, pdf_streams

DPI = 203
ROOT = Path(__file__).resolve().parents[1]
BASE_14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")
PHONE = re.compile(r"1[3-9]\d{9}")


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language(None)


@pytest.fixture
def conn(tmp_path):
    connection = compound(tmp_path)
    yield connection
    connection.close()


@pytest.fixture
def busy_compound(tmp_path):
    """Twenty households in three buildings, each with a frozen bag and an ambient one."""
    conn = connect(tmp_path / "busy.sqlite")
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    for n in range(20):
        add_household(conn, HouseholdFields(
            address=f"{n % 3 + 1}-{(n // 3 + 1) * 100 + n % 2 + 1}",
            name=surnames[n] + "秀英", phone=f"139{n:08d}", delivery="door" if n % 7 == 0 else "pickup"))
    buy = open_buy(conn, title="冷冻饺子与大米团")
    for household in list_households(conn):
        order(conn, buy, household.address, 冷冻饺子=1 + household.id % 2, 东北大米=1)
    from desktop.buys.arrivals import record_arrival

    record_arrival(conn, buy, {})
    make_bags(conn, buy)
    yield conn, buy
    conn.close()


# ---- reading a PDF back ---------------------------------------------------------------------------


def pages_of(path: Path) -> list:
    """The pages of a PDF; the document stays open as long as its pages are used."""
    document = pdfium.PdfDocument(str(path))
    return [document[index] for index in range(len(document))]


def read_codes(page, dpi: int = DPI) -> list[tuple[str, float, float, float]]:
    """Every QR code on a page rendered at `dpi`: its text, its centre in PDF points (origin at
    the bottom left), and its width in points."""
    image = page.render(scale=dpi / 72, grayscale=True).to_pil()
    found = []
    for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        p = result.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        height = page.get_size()[1]
        found.append((result.text, sum(xs) / 4 * 72 / dpi, height - sum(ys) / 4 * 72 / dpi,
                      (max(xs) - min(xs)) * 72 / dpi))
    return found


def text_of(page, box=None) -> str:
    textpage = page.get_textpage()
    try:
        if box is None:
            return textpage.get_text_range()
        return textpage.get_text_bounded(*box)
    finally:
        textpage.close()


def addresses_in(text: str) -> list[str]:
    return re.findall(r"(?<![\w-])\d{1,4}-(?:\d{1,2}-)?\d{3,5}(?![\w-])", text)


def slot_box(stock, x: float, y: float) -> tuple[float, float, float, float]:
    """The label a point of the page falls in: (left, bottom, right, top)."""
    for slot in range(stock.per_page):
        left, bottom = stock.label_origin(slot)
        right, top = left + stock.label[0], bottom + stock.label[1]
        if left <= x <= right and bottom <= y <= top:
            return left, bottom, right, top
    raise AssertionError(f"({x}, {y}) is on no label")


# ---- labels ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("stock", sorted(STOCKS))
def test_every_printed_code_reads_back_as_the_bag_whose_address_is_beside_it(busy_compound, tmp_path, stock):
    conn, buy = busy_compound
    out = tmp_path / f"{stock}.pdf"
    printed = write_labels(conn, buy, stock, out)
    chosen = STOCKS[stock]
    seen = []
    for page in pages_of(out):
        width, height = page.get_size()
        assert (round(width, 2), round(height, 2)) == (round(chosen.page[0], 2), round(chosen.page[1], 2))
        codes = read_codes(page)
        for code, x, y, size in codes:
            bag = find_bag(conn, code)
            assert bag is not None and verify(code_keys(conn), code).verdict == "genuine"
            box = slot_box(chosen, x, y)
            words = text_of(page, box)
            assert addresses_in(words)[0] == bag.address, (code, words)
            assert f"{bag.index}/{bag.count}" in words
            assert normalise(code) in normalise(words)  # the code printed under its QR
            assert size >= 21 * 0.5 * MM - 1  # modules of at least half a millimetre
            seen.append(code)
    assert printed == 40
    assert sorted(seen) == sorted(b.code for b in make_bags(conn, buy).bags)


@pytest.mark.parametrize("stock", ["thermal-40x30", "thermal-60x40"])
def test_a_thermal_label_is_one_page_of_exactly_the_stock_and_asks_not_to_be_scaled(conn, tmp_path, stock):
    buy = everyday_buy(conn)
    bags = make_bags(conn, buy).bags
    out = tmp_path / "labels.pdf"
    write_labels(conn, buy, stock, out)
    pages = list(pages_of(out))
    assert len(pages) == len(bags)
    assert b"/PrintScaling /None" in out.read_bytes()
    for page, bag in zip(pages, bags, strict=True):
        assert [code for code, *_ in read_codes(page)] == [bag.code]


def test_the_quiet_zone_around_each_qr_code_stays_white(conn, tmp_path):
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    out = tmp_path / "labels.pdf"
    write_labels(conn, buy, "thermal-40x30", out)
    stock = STOCKS["thermal-40x30"]
    scale = DPI / 72
    for page in pages_of(out):
        image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
        ((_, x, y, size),) = read_codes(page)
        module = stock.module
        half = size / 2
        # The ring between the symbol's edge and four modules out, less half a module of slack.
        inner, outer = half + 0.5 * module, half + (QUIET_ZONE - 0.5) * module
        height = page.get_size()[1]
        dark = 0
        for px in range(int((x - outer) * scale), int((x + outer) * scale)):
            for py in range(int((height - y - outer) * scale), int((height - y + outer) * scale)):
                dx, dy = px / scale - x, (height - py / scale) - y
                if max(abs(dx), abs(dy)) > inner and image.getpixel((px, py)) < 128:
                    dark += 1
        assert dark == 0


def test_a_label_shows_a_masked_name_and_never_a_phone_number_or_a_full_name(busy_compound, tmp_path):
    conn, buy = busy_compound
    for stock in STOCKS:
        out = tmp_path / f"{stock}.pdf"
        write_labels(conn, buy, stock, out)
        words = "".join(text_of(page) for page in pages_of(out))
        assert not PHONE.search(words.replace(" ", "")), stock
        for household in list_households(conn):
            assert household.name not in words
            assert household.phone not in words.replace(" ", "")
        assert "王*" in words
        data = out.read_bytes()
        for stream in [data, *pdf_streams(data)]:
            assert b"13900000001" not in stream


def test_a_long_list_of_items_is_shortened_gracefully():
    items = tuple((f"商品{n}号(特大包装 2.5kg)", n) for n in range(1, 12))
    lines = _item_lines(items, 8.0, 150.0, 2, "en")
    assert len(lines) <= 2
    assert "(" not in "".join(lines)  # pack sizes dropped first
    assert lines[-1].endswith("more")
    assert _item_lines((("酱油", 2),), 8.0, 150.0, 2, "zh") == ["酱油×2"]
    assert _item_lines(items, 8.0, 150.0, 2, "zh")[-1].endswith("样")


# ---- fonts and secrets ------------------------------------------------------------------------------


def every_pdf(conn, buy, folder: Path) -> list[Path]:
    made = []
    for stock in STOCKS:
        made.append(folder / f"labels-{stock}.pdf")
        write_labels(conn, buy, stock, made[-1])
    made.append(folder / "pickup.pdf")
    write_pickup_sheet(conn, buy, made[-1])
    made.append(folder / "cards.pdf")
    write_cards(conn, made[-1])
    made.append(folder / "sheet.pdf")
    write_supplier_sheet(conn, buy, made[-1])
    return made


def test_every_font_in_every_pdf_is_the_embedded_bundled_one(conn, tmp_path):
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    for path in every_pdf(conn, buy, tmp_path):
        data = path.read_bytes()
        fonts = re.findall(rb"<<[^<>]*/Type /Font\b[^<>]*>>", data)
        assert fonts, path
        for font in fonts:
            name = re.search(rb"/BaseFont /(\S+)", font).group(1).decode()
            assert "WenQuanYi" in name and not name.startswith(BASE_14), (path, name)
            descriptor = re.search(rb"/FontDescriptor (\d+) 0 R", font).group(1)
            body = re.search(rb"\n" + descriptor + rb" 0 obj\s*(.*?)endobj", data, re.S).group(1)
            assert b"/FontFile2" in body, (path, name)
        for page in pages_of(path):
            for item in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
                font = pdfium_c.FPDFTextObj_GetFont(item.raw)
                assert pdfium_c.FPDFFont_GetIsEmbedded(font), path


def test_the_compound_secret_appears_in_no_pdf(conn, tmp_path):
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    secret = bytes(conn.execute("SELECT secret FROM compound").fetchone()[0])
    for path in every_pdf(conn, buy, tmp_path):
        data = path.read_bytes()
        words = "".join(text_of(page) for page in pages_of(path))
        for blob in [data, *pdf_streams(data)]:
            assert secret not in blob
            assert secret.hex().encode() not in blob.lower()
        assert secret.hex() not in words.lower()


def test_chinese_text_is_drawn_with_real_glyphs(conn, tmp_path):
    set_language("zh")
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    out = tmp_path / "pickup.pdf"
    write_pickup_sheet(conn, buy, out)
    page = pages_of(out)[0]
    words = text_of(page)
    assert "取货单" in words and "周末冷冻团" in words and "冷冻" in words
    # Glyphs, not empty boxes: two different words come out as different ink.
    import io

    from desktop.printing.pdf import draw_text, new_canvas

    ink = []
    for word in ("冷冻", "冷藏", "常温"):
        buffer = io.BytesIO()
        canvas = new_canvas(buffer, (80, 40), word)
        draw_text(canvas, 5, 10, word, 24)
        canvas.showPage()
        canvas.save()
        image = pdfium.PdfDocument(buffer.getvalue())[0].render(scale=2, grayscale=True).to_pil()
        ink.append(image.convert("1").tobytes())
    assert len(set(ink)) == 3
    assert all(sum(bin(byte).count("0") for byte in picture) > 100 for picture in ink)


# ---- sheets and cards -------------------------------------------------------------------------------


def test_the_pickup_sheet_lists_households_by_building_and_room_with_page_x_of_y(busy_compound, tmp_path):
    conn, buy = busy_compound
    set_print_language(conn, "en")
    out = tmp_path / "pickup.pdf"
    pages = write_pickup_sheet(conn, buy, out)
    texts = [text_of(page) for page in pages_of(out)]
    assert len(texts) == pages >= 1
    for number, words in enumerate(texts, start=1):
        assert "冷冻饺子与大米团" in words
        assert f"Page {number} of {pages}" in words
        assert re.search(r"\d{4}-\d{2}-\d{2}", words)
        assert "Signature" in words
    listed = addresses_in("".join(texts))
    households = [h.address for h in sorted(list_households(conn),
                                            key=lambda h: (h.building, h.entrance or 0, h.room))]
    assert listed == households
    assert "".join(texts).count("cut here") == 2  # between buildings 1, 2 and 3
    assert "1/2 Frozen" in texts[0]
    for household in list_households(conn):
        assert household.name not in "".join(texts)


def test_a_household_card_carries_its_own_code_and_address(busy_compound, tmp_path):
    conn, _ = busy_compound
    out = tmp_path / "cards.pdf"
    count = write_cards(conn, out, building="2号楼")
    households = {h.address: h for h in list_households(conn) if h.building == 2}
    assert count == len(households)
    seen = set()
    for page in pages_of(out):
        assert [round(v, 2) for v in page.get_size()] == [595.28, 841.89]
        for code, x, y, _ in read_codes(page):
            check = verify(code_keys(conn), code)
            assert (check.verdict, check.kind) == ("genuine", "household")
            box = (x - 20 * MM, y - CARD_H / 2, x - 20 * MM + CARD_W, y + CARD_H / 2)
            (address,) = set(addresses_in(text_of(page, box)))
            from desktop.bags.bags import find_household_by_code

            assert find_household_by_code(conn, code)["address"] == address
            seen.add(address)
    assert seen == set(households)
    assert write_cards(conn, tmp_path / "again.pdf", building=2) == count  # the same codes again


def test_the_supplier_order_sheet_gives_totals_per_item(conn, tmp_path):
    buy = everyday_buy(conn)
    out = tmp_path / "sheet.pdf"
    write_supplier_sheet(conn, buy, out)
    words = text_of(pages_of(out)[0])
    assert "冷冻饺子(1kg)" in words and "合计" in words and "冷冻" in words
    assert "¥" in words
    set_print_language(conn, "en")
    write_supplier_sheet(conn, buy, out)
    words = text_of(pages_of(out)[0])
    assert "Total" in words and "Frozen" in words and not re.search(r"\s冷冻\s", words)


# ---- the print language ---------------------------------------------------------------------------


def test_documents_print_in_chinese_by_default_whatever_the_operators_language(conn, tmp_path):
    assert current_language() == "en" and print_language(conn) == "zh"
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    write_pickup_sheet(conn, buy, tmp_path / "pickup.pdf")
    sheet = text_of(pages_of(tmp_path / "pickup.pdf")[0])
    assert "取货单" in sheet and "1/2 冷冻" in sheet and "Pickup" not in sheet
    write_labels(conn, buy, "thermal-60x40", tmp_path / "labels.pdf")
    words = set(" ".join(text_of(page) for page in pages_of(tmp_path / "labels.pdf")).split())
    assert {"冷冻", "冷藏", "常温"} <= words and not {"Frozen", "Chilled", "Ambient"} & words


def test_a_compound_that_prints_in_english_gets_english_storage_words(conn, tmp_path):
    set_language("zh")  # the operator reads the window in Chinese; the compound prints English
    assert set_print_language(conn, "English") == "en"
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    write_pickup_sheet(conn, buy, tmp_path / "pickup.pdf")
    sheet = text_of(pages_of(tmp_path / "pickup.pdf")[0])
    assert "Pickup sheet" in sheet and "1/2 Frozen" in sheet and "取货单" not in sheet
    write_labels(conn, buy, "thermal-40x30", tmp_path / "labels.pdf")
    words = " ".join(text_of(page) for page in pages_of(tmp_path / "labels.pdf"))
    assert "Frozen" in words and "Chilled" in words and "Ambient" in words
    assert not {"冷冻", "冷藏", "常温"} & set(words.split())
    # every label's code still reads back on the smallest stock, English badge and all
    for page in pages_of(tmp_path / "labels.pdf"):
        assert len(read_codes(page)) == 1


def test_a_print_language_that_is_not_offered_is_refused(conn):
    with pytest.raises(BadInput) as refused:
        set_print_language(conn, "fr")
    assert refused.value.code == "print_language_invalid"
    assert print_language(conn) == "zh"


# ---- bad input and stopping ---------------------------------------------------------------------------


def test_an_unknown_stock_is_refused_with_the_stocks_there_are(conn, tmp_path):
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    with pytest.raises(BadInput) as refused:
        write_labels(conn, buy, "a5-2x4", tmp_path / "x.pdf")
    assert refused.value.code == "stock_unknown"
    assert "thermal-60x40" in str(refused.value)
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("where", ["missing folder", "a folder"])
def test_an_output_path_that_cannot_be_written_is_said_before_any_work(conn, tmp_path, where):
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    target = tmp_path / "nowhere" / "x.pdf" if where == "missing folder" else tmp_path
    for write in (lambda: write_labels(conn, buy, "a4-3x8", target),
                  lambda: write_pickup_sheet(conn, buy, target),
                  lambda: write_cards(conn, target)):
        with pytest.raises(BadInput) as refused:
            write()
        assert refused.value.code == "print_unwritable"
    assert conn.execute("SELECT count(*) FROM household_code").fetchone()[0] == 0


def test_labels_of_a_buy_without_bags_are_refused(conn, tmp_path):
    buy = open_buy(conn)
    with pytest.raises(BadInput) as refused:
        write_labels(conn, buy, "a4-3x8", tmp_path / "x.pdf")
    assert refused.value.code == "print_no_bags"


def test_cards_for_a_building_nobody_lives_in_are_refused(conn, tmp_path):
    with pytest.raises(BadInput) as refused:
        write_cards(conn, tmp_path / "x.pdf", building="99")
    assert refused.value.code == "cards_no_households_in_building"
    with pytest.raises(BadInput):
        write_cards(conn, tmp_path / "x.pdf", building="twelve")


def test_stopping_a_print_job_leaves_no_file_half_written(busy_compound, tmp_path):
    conn, buy = busy_compound
    target = tmp_path / "labels.pdf"
    with pytest.raises(Cancelled):
        write_labels(conn, buy, "thermal-60x40", target, should_cancel=lambda: True)
    assert list(tmp_path.glob("labels.pdf*")) == []
    assert list(tmp_path.glob(".labels.pdf*")) == []


def test_progress_is_reported_up_to_the_last_label(busy_compound, tmp_path):
    conn, buy = busy_compound
    reports = []
    write_labels(conn, buy, "thermal-60x40", tmp_path / "l.pdf", progress=lambda d, t: reports.append((d, t)))
    assert reports[-1] == (40, 40)


# ---- the command line ------------------------------------------------------------------------------------


def test_print_commands_write_pdfs_and_refuse_bad_input_in_one_sentence(tmp_path, capsys):
    from desktop.cli import main as cli

    conn = compound(tmp_path)
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    conn.close()
    db = str(tmp_path / "c.sqlite")
    for args in (["labels", "--buy", str(buy), "--stock", "a4-3x8"], ["pickup", "--buy", str(buy)],
                 ["cards"], ["cards", "--building", "12"], ["sheet", "--buy", str(buy)]):
        out = tmp_path / f"{args[0]}.pdf"
        assert cli.main(["--db", db, "print", *args, "-o", str(out)]) == 0
        assert out.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert cli.main(["--db", db, "print", "labels", "--buy", str(buy), "--stock", "a5",
                     "-o", str(tmp_path / "y.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a label stock" in err
    assert cli.main(["--db", db, "print", "pickup", "--buy", str(buy),
                     "-o", str(tmp_path / "no" / "y.pdf")]) == 2
    assert "cannot be written" in capsys.readouterr().err


def test_print_commands_send_to_a_printer_queue_at_the_stocks_page_size(tmp_path, capsys):
    from desktop.cli import main as cli
    from tests.cups_queue import QUEUE, existing, printed_file, require_queues

    folder = require_queues()
    conn = compound(tmp_path)
    buy = everyday_buy(conn)
    bags = make_bags(conn, buy).bags
    conn.close()
    db = str(tmp_path / "c.sqlite")

    before = existing(folder)
    assert cli.main(["--db", db, "--lang", "en", "print", "labels", "--buy", str(buy),
                     "--stock", "thermal-40x30", "--printer", QUEUE]) == 0
    assert capsys.readouterr().out.startswith(f"{len(bags)} labels sent to printer {QUEUE} (request ")
    document = pdfium.PdfDocument(str(printed_file(folder, before, f"labels-{buy}-thermal-40x30")))
    assert len(document) == len(bags)
    for page in document:
        width, height = page.get_size()
        assert abs(width - 40 * MM) < 0.5 * MM and abs(height - 30 * MM) < 0.5 * MM
    assert [code for page in document for code, *_ in read_codes(page, 203)] == [b.code for b in bags]

    before = existing(folder)
    assert cli.main(["--db", db, "--lang", "zh_CN", "print", "pickup", "--buy", str(buy),
                     "--printer", QUEUE]) == 0
    assert capsys.readouterr().out.startswith(f"已将取货单（1 页）发送到打印机 {QUEUE}（任务 ")
    (page,) = pdfium.PdfDocument(str(printed_file(folder, before, f"pickup-{buy}")))
    assert [round(v / MM) for v in page.get_size()] == [210, 297]


def test_printing_to_a_queue_that_refuses_jobs_or_without_cups_says_so_and_records_nothing(
        tmp_path, capsys, monkeypatch):
    from desktop.bags.bags import household_codes
    from desktop.cli import main as cli
    from tests.cups_queue import REJECTING, require_queues

    require_queues()
    conn = compound(tmp_path)
    db = str(tmp_path / "c.sqlite")
    assert cli.main(["--db", db, "--lang", "en", "print", "cards", "--printer", REJECTING]) == 2
    err = capsys.readouterr().err
    assert err == (f"Printer “{REJECTING}” is not accepting jobs (paper jam): nothing was printed; "
                   "fix the printer or choose another.\n")
    assert household_codes(conn) == {}  # no card code was issued for cards never printed

    assert cli.main(["--db", db, "--lang", "en", "print", "cards", "--printer", "NoSuchQueue"]) == 2
    assert "There is no printer called “NoSuchQueue”" in capsys.readouterr().err

    import shutil

    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)  # a computer without CUPS
    assert cli.main(["--db", db, "--lang", "en", "print", "cards", "--printer", "Office"]) == 2
    assert capsys.readouterr().err == (
        "Printing to “Office” needs the CUPS command lp, which is not installed here: install "
        "CUPS, or write a PDF with -o and print that.\n")
    assert cli.main(["--db", db, "--lang", "en", "print", "cards"]) == 2
    assert "-o FILE.pdf for a PDF, or --printer NAME" in capsys.readouterr().err
    assert household_codes(conn) == {}
    conn.close()


# ---- the benchmark's way is the program's way, and it reads back ----------------------------------------


def test_a_sample_of_the_benchmark_pdf_decodes(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_labels", ROOT / "bench" / "labels.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    db = tmp_path / "bench.sqlite"
    buy = bench.build_compound(db, 120)
    figures = bench.measure(db, buy, tmp_path)
    naive = bench.measure_naive(db, buy, tmp_path)
    assert figures["bags"] == 120 and naive["compared"] == 120
    assert (tmp_path / "naive.pdf").stat().st_size > 0 and 0 < figures["peak_mb"] < 1000
    conn = connect(db)
    try:
        pages = list(pages_of(tmp_path / "labels.pdf"))
        for page in pages[::7]:
            ((code, *_),) = read_codes(page)
            assert verify(code_keys(conn), code).verdict == "genuine"
            assert find_bag(conn, code).address in addresses_in(text_of(page))
    finally:
        conn.close()


def test_two_documents_printed_at_once_from_two_threads_both_come_out_whole(tmp_path):
    import threading

    conn = compound(tmp_path)
    buy = everyday_buy(conn)
    make_bags(conn, buy)
    failures = []

    def run(job):
        try:
            job()
        except Exception as exc:  # the test reports any, rather than a thread dying silently
            failures.append(exc)

    path = conn.path
    jobs = []
    for n in range(6):
        jobs.append(lambda n=n: write_labels(connect(path), buy, "a4-3x8", tmp_path / f"l{n}.pdf"))
        jobs.append(lambda n=n: write_pickup_sheet(connect(path), buy, tmp_path / f"p{n}.pdf"))
    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    for n in range(6):
        assert len(pdfium.PdfDocument(str(tmp_path / f"l{n}.pdf"))) >= 1
        assert len(pdfium.PdfDocument(str(tmp_path / f"p{n}.pdf"))) >= 1


# ---- settling up at the table -------------------------------------------------------------------


def test_the_pickup_sheet_says_what_each_household_still_owes_and_what_came_short(conn, tmp_path):
    from desktop.buys.payments import record_payment
    from tests.bag_scenes import arrived, open_buy, order

    buy = open_buy(conn)
    wings = order(conn, buy, "12-301", 鸡翅中=3, 酱油=1)
    rice = order(conn, buy, "3-101", 东北大米=1)
    order(conn, buy, "5-1202", 酱油=2)
    arrived(conn, buy, {"鸡翅中(1kg)": 2, "酱油": 3, "东北大米(10kg)": 1})
    record_payment(conn, wings, 2 * 5850 + 900 - 1234, "wechat")  # paid for all but ¥12.34
    record_payment(conn, rice, 7900 + 500, "cash")  # ¥5.00 too much: owed back
    make_bags(conn, buy)

    write_pickup_sheet(conn, buy, tmp_path / "pickup.pdf")
    (page,) = pages_of(tmp_path / "pickup.pdf")
    rows = text_of(page)
    assert "共还欠 ¥" in rows and "3→2：订 3 件，到 2 件" in rows
    row_12_301 = rows[rows.index("12-301"):]  # rows go by building: 3, 5, then 12
    assert "还欠 ¥12.34" in row_12_301 and "鸡翅中(1kg) 3→2" in row_12_301
    assert "酱油×1" in row_12_301
    assert "应退 ¥5.00" in rows[rows.index("3-101"):rows.index("5-1202")]
    row_5_1202 = rows[rows.index("5-1202"):rows.index("12-301")]
    assert "还欠 ¥18.00" in row_5_1202 and "→" not in row_5_1202  # nothing paid, nothing short

    set_print_language(conn, "en")
    write_pickup_sheet(conn, buy, tmp_path / "pickup-en.pdf")
    rows = text_of(pages_of(tmp_path / "pickup-en.pdf")[0])
    assert "Owes ¥12.34" in rows and "鸡翅中(1kg) 3→2" in rows and "Refund ¥5.00" in rows
    assert "3→2: ordered 3, got 2" in rows


def test_the_pickup_sheet_in_english_lists_items_with_english_commas(busy_compound, tmp_path):
    conn, buy = busy_compound
    set_print_language(conn, "en")
    out = tmp_path / "pickup.pdf"
    write_pickup_sheet(conn, buy, out)
    words = "".join(text_of(page) for page in pages_of(out))
    assert re.search(r"×\d+, \S", words)  # 冷冻饺子×2, 东北大米×1
    assert "、" not in words
    set_print_language(conn, "zh")
    write_pickup_sheet(conn, buy, out)
    assert re.search(r"×\d+、\S", "".join(text_of(page) for page in pages_of(out)))
