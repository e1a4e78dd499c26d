"""The label stocks a compound prints on: rolls for a thermal printer, and sheets for an office one.

Sizes are the stock's own; every page of a label PDF is exactly the stock's page. A thermal label
is its own page. Module sizes are whole printer dots where the printer is known (203 dpi thermal
heads) and never under 0.5 mm, so a cheap scanner or a webcam at the gate reads them.

A `Paper` is what a printer is told: the page's exact size and the resolution the pages are drawn
at for it (203 dpi for a thermal head, one label a page; 300 dpi for an office printer's sheets).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.errors import BadInput

MM = 72 / 25.4
INCH = 72.0
THERMAL_DOT = 25.4 / 203 * MM  # one dot of a 203 dpi thermal head, in points
A4 = (210 * MM, 297 * MM)
LETTER = (8.5 * INCH, 11 * INCH)


THERMAL_DPI = 203
SHEET_DPI = 300


@dataclass(frozen=True)
class Paper:
    name: str
    size: tuple[float, float]  # points, width × height, as the page is drawn
    dpi: int
    thermal: bool = False

    @property
    def millimetres(self) -> tuple[float, float]:
        return (round(self.size[0] / MM, 1), round(self.size[1] / MM, 1))

    @property
    def media(self) -> str:
        """The page size as CUPS names it: `A4`, `Letter` or `Custom.60x40mm`."""
        if self.name in ("A4", "Letter"):
            return self.name
        width, height = self.millimetres
        return f"Custom.{width:g}x{height:g}mm"


SHEET = Paper("A4", A4, SHEET_DPI)


@dataclass(frozen=True)
class Stock:
    name: str
    page: tuple[float, float]
    label: tuple[float, float]
    columns: int = 1
    rows: int = 1
    left: float = 0.0  # from the page's left edge to the first label
    top: float = 0.0  # from the page's top edge to the first label
    gap_x: float = 0.0
    gap_y: float = 0.0
    module: float = 0.5 * MM
    padding: float = 1.0 * MM
    thermal: bool = False

    @property
    def paper(self) -> Paper:
        if self.thermal:
            return Paper(self.name, self.page, THERMAL_DPI, thermal=True)
        return Paper("Letter" if self.page == LETTER else "A4", self.page, SHEET_DPI)

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def label_origin(self, slot: int) -> tuple[float, float]:
        """Bottom left corner of the label in `slot` (0 is top left, across then down)."""
        row, column = divmod(slot, self.columns)
        x = self.left + column * (self.label[0] + self.gap_x)
        y = self.page[1] - self.top - (row + 1) * self.label[1] - row * self.gap_y
        return x, y


STOCKS: dict[str, Stock] = {
    stock.name: stock
    for stock in (
        Stock("thermal-40x30", (40 * MM, 30 * MM), (40 * MM, 30 * MM),
              module=4 * THERMAL_DOT, padding=1.2 * MM, thermal=True),
        Stock("thermal-50x30", (50 * MM, 30 * MM), (50 * MM, 30 * MM),
              module=5 * THERMAL_DOT, padding=1.2 * MM, thermal=True),
        Stock("thermal-60x40", (60 * MM, 40 * MM), (60 * MM, 40 * MM),
              module=6 * THERMAL_DOT, padding=1.5 * MM, thermal=True),
        # 24 labels of 70 × 37 mm on A4, half a millimetre above and below (e.g. Avery 3474).
        Stock("a4-3x8", A4, (70 * MM, 37 * MM), columns=3, rows=8, top=0.5 * MM,
              module=0.75 * MM, padding=3.5 * MM),
        # 30 labels of 2⅝ × 1 inch on US Letter (Avery 5160 and its copies).
        Stock("letter-3x10", LETTER, (2.625 * INCH, 1 * INCH), columns=3, rows=10,
              left=0.1875 * INCH, top=0.5 * INCH, gap_x=0.125 * INCH,
              module=0.55 * MM, padding=1.2 * MM),
    )
}
DEFAULT_STOCK = "thermal-60x40"


def get_stock(name: str) -> Stock:
    key = (name or "").strip().lower()
    if key not in STOCKS:
        raise BadInput("stock_unknown", "stock", stock=name, stocks=", ".join(STOCKS))
    return STOCKS[key]
