"""The supplier order sheet: how many of each item to send, as XLSX or CSV (UTF-8 with BOM, which
Excel opens right). Written to a temporary file first and moved into place, so a half-written
sheet never exists under the real name."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desktop.buys import payments
from desktop.buys.group_buys import get_buy, item_totals
from desktop.clock import to_local, utc_now
from desktop.compound import compound_info
from desktop.db.connection import Connection
from desktop.errors import BadInput
from desktop.files import spreadsheet_csv, written_atomically, xlsx_row
from desktop.lang import current_language
from desktop.money import format_fen
from desktop.words import phrases, say, word


@dataclass(frozen=True)
class SheetRow:
    item: str
    pack_size: str
    unit: str
    storage: str
    quantity: int
    unit_price_fen: int

    @property
    def amount_fen(self) -> int:
        return self.quantity * self.unit_price_fen


@dataclass(frozen=True)
class OrderSheet:
    title: str
    supplier: str
    status: str
    deadline: str | None
    compound: str
    rows: tuple[SheetRow, ...]

    @property
    def total_fen(self) -> int:
        return sum(row.amount_fen for row in self.rows)


def order_sheet(conn: Connection, buy_id: int, lang: str | None = None) -> OrderSheet:
    """Totals per item over every order not cancelled; a delivery fee is one more line, counted
    as many times as it is charged (orders, or households)."""
    buy = get_buy(conn, buy_id)
    rows = tuple(
        SheetRow(t.item.name, t.item.pack_size, t.item.unit, t.item.storage, t.ordered,
                 t.item.price_fen)
        for t in item_totals(conn, buy_id)
    )
    if buy.fee_fen:
        charged = sum(1 for money in payments.buy_money(conn, buy_id).values() if money.fee_fen)
        if charged:
            name = say("fee_line", lang or current_language(),
                       per=word("fee_per", buy.fee_per, lang or current_language()))
            rows += (SheetRow(name, "", "", "ambient", charged, buy.fee_fen),)
    return OrderSheet(buy.title, buy.supplier, buy.status, buy.deadline,
                      compound_info(conn).name, rows)


def _table(sheet: OrderSheet, lang: str) -> list[list[object]]:
    w = phrases("order_sheet", lang)
    header = [w[key] for key in ("item", "pack", "unit", "storage", "quantity", "price", "amount")]
    table: list[list[object]] = [
        [w["buy"], sheet.title],
        [w["supplier"], sheet.supplier],
        [w["compound"], sheet.compound],
        [w["status"], word("buy_status", sheet.status, lang)],
        [w["deadline"], to_local(sheet.deadline) if sheet.deadline else ""],
        [w["made"], to_local(utc_now())],
        [],
        header,
    ]
    for row in sheet.rows:
        table.append([row.item, row.pack_size, row.unit, word("storage", row.storage, lang), row.quantity,
                      format_fen(row.unit_price_fen).lstrip("¥").replace(",", ""),
                      format_fen(row.amount_fen).lstrip("¥").replace(",", "")])
    table.append([w["total"], "", "", "", sum(r.quantity for r in sheet.rows), "",
                  format_fen(sheet.total_fen).lstrip("¥").replace(",", "")])
    return table


def write_order_sheet(conn: Connection, buy_id: int, path: str | os.PathLike[str],
                      *, lang: str | None = None) -> Path:
    """Write the sheet as .xlsx or .csv, by the file's ending."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise BadInput("export_format_unknown", "file", path=str(path))
    table = _table(order_sheet(conn, buy_id, lang or current_language()), lang or current_language())
    with written_atomically(path) as out:
        if suffix == ".csv":
            out.write(_csv(table).encode("utf-8-sig"))
        else:
            _xlsx(table, out)
    return path


def _csv(table: list[list[object]]) -> str:
    return spreadsheet_csv(table, bom=False).decode("utf-8")


def _xlsx(table: list[list[object]], out) -> None:
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "订货单"
    for row in table:
        sheet.append(xlsx_row(sheet, [_number(cell) for cell in row]))
    for cell in sheet[8]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFG", (24, 14, 8, 10, 10, 16, 16), strict=True):
        sheet.column_dimensions[column].width = width
    book.save(out)


def _number(cell: object) -> object:
    """Amounts written as text for CSV go to Excel as numbers; empty text stays an empty cell."""
    if cell == "":
        return None
    if isinstance(cell, str):
        try:
            from decimal import Decimal

            if cell and cell.replace(".", "", 1).lstrip("-").isdigit():
                return float(Decimal(cell)) if "." in cell else int(cell)
        except ArithmeticError:
            return cell
    return cell
