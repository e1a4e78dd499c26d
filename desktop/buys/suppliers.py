"""Suppliers and their record in this compound: what they delivered, turned down or delivered short.

A supplier that never delivered here, or that turned an order down or delivered short before, gets a
warning when a buy with it is opened: collect money only after the supplier confirms.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop import audit
from desktop.clock import utc_now
from desktop.db import Row
from desktop.db import suppliers as rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.notices import Notice, notice
from desktop.text import clean

EVENT_KINDS = ("delivered", "delivered_short", "turned_down", "cancelled", "complaint")
MAX_NAME = 60
MAX_NOTE = 500


@dataclass(frozen=True)
class Supplier:
    id: int
    uuid: str
    station: str
    name: str
    contact: str
    phone: str
    notes: str
    created_at: str


@dataclass(frozen=True)
class SupplierEvent:
    kind: str
    note: str
    operator: str
    at: str
    group_buy_id: int | None
    buy_title: str | None


@dataclass(frozen=True)
class SupplierRecord:
    """How buys with a supplier have gone here. `delivered` counts buys delivered in full."""

    supplier_id: int
    name: str
    buys: int
    delivered: int
    delivered_short: int
    turned_down: int
    cancelled: int
    complaints: int
    events: tuple[SupplierEvent, ...]
    # Free distributions it gave (a donor is kept as a supplier); `buys` counts only bought ones.
    gifts: int = 0

    @property
    def role(self) -> str:
        """`supplier`, `donor` (gave and never sold), or `both`."""
        if self.gifts and self.buys:
            return "both"
        return "donor" if self.gifts else "supplier"

    @property
    def never_delivered(self) -> bool:
        return self.delivered + self.delivered_short == 0

    @property
    def bad(self) -> bool:
        return self.turned_down > 0 or self.delivered_short > 0


def _supplier(row: Row) -> Supplier:
    return Supplier(**{key: row[key] for key in row.keys()})


def clean_name(name: object) -> str:
    text = clean(name)
    if not text:
        raise BadInput("supplier_empty", "supplier")
    if len(text) > MAX_NAME:
        raise BadInput("supplier_name_too_long", "supplier", maximum=MAX_NAME)
    return text


def get_supplier(conn: Connection, supplier_id: int) -> Supplier:
    row = rows.select_by_id(conn, supplier_id)
    if row is None:
        raise BadInput("supplier_unknown", "supplier", id=supplier_id)
    return _supplier(row)


def find_supplier(conn: Connection, name: str) -> Supplier | None:
    try:
        row = rows.select_by_name(conn, clean_name(name))
    except BadInput:
        return None
    return _supplier(row) if row else None


def list_suppliers(conn: Connection) -> list[Supplier]:
    return [_supplier(row) for row in rows.select_all(conn)]


def add_supplier(conn: Connection, name: str, *, contact: str = "", phone: str = "",
                 notes: str = "") -> int:
    name = clean_name(name)
    with transaction(conn):
        if rows.select_by_name(conn, name):
            raise BadInput("supplier_taken", "supplier", name=name)
        supplier_id = rows.insert(
            conn, {"name": name, "contact": contact.strip(), "phone": phone.strip(),
                   "notes": notes.strip()},
            station=conn.station, now=utc_now(),
        )
        audit.record(conn, "supplier", summary=name, changes=[("supplier", None, name)])
        return supplier_id


def supplier_id_for(conn: Connection, name: str) -> int:
    """The supplier of that name, added if new; inside the caller's transaction."""
    name = clean_name(name)
    row = rows.select_by_name(conn, name)
    if row:
        return row["id"]
    return rows.insert(conn, {"name": name}, station=conn.station, now=utc_now())


def note_event(conn: Connection, supplier_id: int, kind: str, *, buy_id: int | None = None,
               note: str = "", operator: str = "") -> int:
    """Append to a supplier's record, inside the caller's transaction."""
    if kind not in EVENT_KINDS:
        raise ValueError(kind)
    return rows.insert_event(
        conn,
        {"supplier_id": supplier_id, "group_buy_id": buy_id, "kind": kind,
         "note": note[:MAX_NOTE], "operator": operator},
        station=conn.station, now=utc_now(),
    )


def note_complaint(conn: Connection, supplier_id: int, note: str, *, buy_id: int | None = None,
                   operator: str = "") -> int:
    """A complaint about a supplier (spoiled goods, rude driver, wrong items), kept on its record."""
    note = (note or "").strip()
    if not note:
        raise BadInput("complaint_empty", "note")
    with transaction(conn):
        supplier = get_supplier(conn, supplier_id)
        event_id = note_event(conn, supplier_id, "complaint", buy_id=buy_id, note=note, operator=operator)
        audit.record(conn, "supplier", summary=f"{supplier.name} · {note}", operator=operator or None,
                     changes=[("complaint", None, note)])
        return event_id


def supplier_record(conn: Connection, supplier_id: int) -> SupplierRecord:
    supplier = get_supplier(conn, supplier_id)
    deliveries = rows.count_deliveries(conn, supplier_id)
    events = tuple(
        SupplierEvent(kind=r["kind"], note=r["note"], operator=r["operator"], at=r["at"],
                      group_buy_id=r["group_buy_id"], buy_title=r["buy_title"])
        for r in rows.select_events(conn, supplier_id)
    )
    return SupplierRecord(
        supplier_id=supplier_id,
        name=supplier.name,
        buys=rows.count_buys(conn, supplier_id),
        gifts=rows.count_buys(conn, supplier_id, "free"),
        delivered=deliveries["delivered"],
        delivered_short=deliveries["delivered_short"],
        turned_down=rows.count_kind(conn, supplier_id, "turned_down"),
        cancelled=rows.count_kind(conn, supplier_id, "cancelled"),
        complaints=rows.count_kind(conn, supplier_id, "complaint"),
        events=events,
    )


def supplier_warning(record: SupplierRecord | None) -> Notice | None:
    """The warning to show when opening a buy with this supplier, or None for a good record."""
    if record is None:
        return None
    if record.bad:
        return notice(
            "supplier_bad_record", name=record.name, turned_down=record.turned_down,
            delivered_short=record.delivered_short, delivered=record.delivered,
        )
    if record.never_delivered:
        return notice("supplier_never_delivered", name=record.name)
    return None
