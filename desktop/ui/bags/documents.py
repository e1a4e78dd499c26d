"""The documents of the Bags page, Qt-free: which one is drawn by which writer, under which file
name, and the first page of a PDF as a picture for the previews. Run in worker threads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Document:
    """One document: `labels` (on `stock`), the `pickup` sheet, household `cards` (of `building`,
    or all), or the supplier's order `sheet`."""

    kind: str
    buy_id: int | None
    stock: str
    building: int | None = None

    @property
    def file_name(self) -> str:
        return {
            "labels": f"labels-{self.buy_id}-{self.stock}.pdf",
            "pickup": f"pickup-{self.buy_id}.pdf",
            "cards": f"cards-{self.building}.pdf" if self.building is not None else "cards.pdf",
            "sheet": f"order-sheet-{self.buy_id}.pdf",
        }[self.kind]

    def write(self, conn, path: Path, progress, should_cancel):
        """Draw the document into `path`; what its writer returns."""
        if self.kind == "labels":
            from desktop.printing.labels import write_labels

            return write_labels(conn, self.buy_id, self.stock, path, progress=progress,
                                should_cancel=should_cancel)
        if self.kind == "pickup":
            from desktop.printing.pickup import write_pickup_sheet

            return write_pickup_sheet(conn, self.buy_id, path, progress=progress,
                                      should_cancel=should_cancel)
        if self.kind == "cards":
            from desktop.printing.cards import write_cards

            return write_cards(conn, path, building=self.building, progress=progress,
                               should_cancel=should_cancel)
        from desktop.printing.supplier_sheet import write_supplier_sheet

        return write_supplier_sheet(conn, self.buy_id, path, progress=progress,
                                    should_cancel=should_cancel)


def render_first_page(pdf: Path, width_px: int) -> bytes:
    """The first page of a PDF as PNG bytes, `width_px` wide. Runs in a worker thread."""
    import io

    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        page = document[0]
        scale = width_px / page.get_size()[0]
        image = page.render(scale=scale).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()
    finally:
        document.close()
