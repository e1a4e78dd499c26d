"""The workbook reader gives the values a volunteer sees in Excel, and refuses what is too large
before it reads a cell."""

import datetime

import openpyxl
import pytest

from desktop.buys.ktt import read_export
from desktop.errors import BadInput
from desktop.xlsx_reader import Workbook
from tests.buys_scenes import add_cached_values, write_real_ktt


def test_cells_read_as_excel_shows_them(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "顾客购买表"
    sheet["C3"] = "跟团号"
    sheet["C4"], sheet["D4"], sheet["E4"] = 12, 32.5, datetime.datetime(2026, 11, 3, 8, 30)
    sheet["F4"], sheet["G4"], sheet["H4"] = "=D4*2", "=D4*3", True
    sheet["C5"] = "合并"
    sheet.merge_cells("C5:E5")
    sheet["C6"] = ""
    book.save(tmp_path / "cells.xlsx")
    add_cached_values(tmp_path / "cells.xlsx", {"F4": 65})  # G4 was saved with no result
    with Workbook(tmp_path / "cells.xlsx") as workbook:
        assert workbook.sheet_names == ["顾客购买表"]
        assert list(workbook.rows("顾客购买表")) == [
            (3, [None, None, "跟团号"]),
            (4, [None, None, 12, 32.5, datetime.datetime(2026, 11, 3, 8, 30), 65, None, True]),
            (5, [None, None, "合并"]),
        ]
        assert isinstance(list(workbook.rows("顾客购买表"))[1][1][2], int)


def test_an_export_of_too_many_rows_is_refused_without_reading_a_cell(tmp_path, monkeypatch):
    import desktop.buys.ktt.reading as reading

    path = write_real_ktt(tmp_path / "real.xlsx")
    monkeypatch.setattr(reading, "MAX_ROWS", 5)

    def never(*_):
        raise AssertionError("a cell was read")

    monkeypatch.setattr(Workbook, "rows", never)
    with pytest.raises(BadInput) as caught:
        read_export(path)
    assert caught.value.code == "ktt_too_many_rows"
