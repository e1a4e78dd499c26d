"""Group buys (团购): their items, the lifecycle with only legal steps, cancelling with refunds owed.

draft → open → closed → confirmed → arrived → bagged → distributed → settled, and cancelled at any
point before distributed. An arrival may come while the buy is still open or not yet confirmed
(suppliers sometimes come early); it ends ordering. A closed buy may be reopened before the
supplier confirms. Orders are taken only while a buy is open: a draft is still being set up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop import audit
from desktop.buys import payments, suppliers
from desktop.clock import utc_now
from desktop.db import Row
from desktop.db import bags as bag_rows
from desktop.db import group_buys as rows
from desktop.db import orders as order_rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.money import format_fen, parse_yuan
from desktop.notices import Notice
from desktop.text import clean, one_line, plain
from desktop.words import Word

STATUSES = (
    "draft", "open", "closed", "confirmed", "arrived", "bagged", "distributed", "settled",
    "cancelled",
)

STORAGE_CLASSES = ("ambient", "chilled", "frozen")
CANCEL_CAUSES = ("turned_down", "minimum_not_met", "spoiled", "other")
# The steps a buy may take, from each status. Cancelling is allowed from any status before
# distributed; it is its own function because it needs a reason and settles the money owed.
NEXT_STATUSES: dict[str, frozenset[str]] = {
    "draft": frozenset({"open"}),
    "open": frozenset({"closed", "arrived"}),
    "closed": frozenset({"open", "confirmed", "arrived"}),
    "confirmed": frozenset({"arrived"}),
    "arrived": frozenset({"bagged"}),
    "bagged": frozenset({"distributed"}),
    "distributed": frozenset({"settled"}),
    "settled": frozenset(),
    "cancelled": frozenset(),
}
CANCELLABLE = frozenset({"draft", "open", "closed", "confirmed", "arrived", "bagged"})
MAX_TITLE = 100
MAX_ITEM_NAME = 60
MAX_REASON = 300
FEE_PER = ("order", "household")
MAX_FEE_FEN = 100_000  # ¥1,000: a delivery fee, never the price of the goods

_STORAGE_WORDS = {
    "ambient": "ambient", "常温": "ambient", "room": "ambient",
    "chilled": "chilled", "冷藏": "chilled", "cold": "chilled", "fridge": "chilled",
    "frozen": "frozen", "冷冻": "frozen", "冻": "frozen", "freezer": "frozen",
}


@dataclass(frozen=True)
class ItemSpec:
    """An item as someone typed it, before it belongs to a buy."""

    name: str
    price_fen: int
    storage: str = "ambient"
    cap: int | None = None
    unit: str = ""
    pack_size: str = ""


@dataclass(frozen=True)
class Item:
    id: int
    uuid: str
    group_buy_id: int
    position: int
    name: str
    unit: str
    pack_size: str
    price_fen: int
    storage: str
    cap: int | None
    created_at: str
    per_recipient: int | None = None


@dataclass(frozen=True)
class GroupBuy:
    id: int
    uuid: str
    station: str
    title: str
    supplier_id: int | None
    supplier: str
    organiser: str
    status: str
    minimum: int | None
    deadline: str | None
    source: str
    external_ref: str | None
    cancel_cause: str | None
    cancel_reason: str | None
    created_at: str
    updated_at: str
    # `free` for a distribution (保供包, a donation): no price, the supplier is its donor.
    kind: str = "bought"
    recipients: str | None = None
    per: str | None = None
    fee_fen: int = 0
    fee_per: str = "order"

    @property
    def taking_orders(self) -> bool:
        return self.status == "open"

    @property
    def free(self) -> bool:
        return self.kind == "free"


@dataclass(frozen=True)
class BuySummary:
    """A row of the group buys list: status, progress to the minimum, money collected."""

    buy: GroupBuy
    orders: int
    ordered: int
    collected_fen: int
    refunded_fen: int

    @property
    def minimum_reached(self) -> bool:
        return self.buy.minimum is None or self.ordered >= self.buy.minimum


@dataclass(frozen=True)
class ItemTotal:
    item: Item
    ordered: int
    received: int | None


@dataclass(frozen=True)
class LineView:
    item_id: int
    item: str
    quantity: int
    allocated: int | None


@dataclass(frozen=True)
class OrderView:
    order_id: int
    household_id: int | None
    address: str | None
    buyer_name: str
    source: str
    external_ref: str | None
    created_at: str
    cancelled: bool
    lines: tuple[LineView, ...]
    money: payments.OrderMoney


@dataclass(frozen=True)
class BuyDetails:
    buy: GroupBuy
    items: tuple[ItemTotal, ...]
    orders: tuple[OrderView, ...]
    # Money per household over all its orders (an order without a household on its own).
    households: tuple[payments.HouseholdMoney, ...] = ()

    @property
    def ordered(self) -> int:
        return sum(total.ordered for total in self.items)


@dataclass(frozen=True)
class NewBuy:
    buy_id: int
    supplier_record: suppliers.SupplierRecord | None
    warning: Notice | None


@dataclass(frozen=True)
class CancelResult:
    buy_id: int
    status: str
    cause: str
    refunds: tuple[payments.Refund, ...]


def status_words(status: str) -> dict[str, Word]:
    """The data a message needs to say a buy is in a status, in whichever language it is said."""
    return {"status": Word("buy_status_phrase", status)}


def _buy(row: Row) -> GroupBuy:
    return GroupBuy(**{key: row[key] for key in GroupBuy.__dataclass_fields__})


def _item(row: Row) -> Item:
    return Item(**{key: row[key] for key in Item.__dataclass_fields__})


# ---- what people type -------------------------------------------------------------------------


def clean_title(title: object) -> str:
    text = clean(title)
    if not text:
        raise BadInput("title_empty", "title")
    if len(text) > MAX_TITLE:
        raise BadInput("title_too_long", "title", maximum=MAX_TITLE)
    return text


def clean_item_name(name: object) -> str:
    text = clean(name)
    if not text:
        raise BadInput("item_name_empty", "item")
    if len(text) > MAX_ITEM_NAME:
        raise BadInput("item_name_too_long", "item", maximum=MAX_ITEM_NAME)
    return text


def parse_storage(text: object) -> str:
    word = plain(text or "").lower()
    if not word:
        return "ambient"
    if word in _STORAGE_WORDS:
        return _STORAGE_WORDS[word]
    raise BadInput("storage_invalid", "storage", text=str(text).strip())


def parse_cap(text: object) -> int | None:
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    raw = plain(text)
    if isinstance(text, bool) or not re.fullmatch(r"\d{1,6}", raw) or int(raw) < 1:
        raise BadInput("cap_invalid", "cap", text=raw)
    return int(raw)


def parse_item_spec(text: str) -> ItemSpec:
    """`NAME=PRICE_YUAN[:ambient|chilled|frozen][:cap=N]`, as `--item` takes it."""
    raw = plain(text)
    if "=" not in raw:
        raise BadInput("item_spec_invalid", "item", text=raw)
    name, _, rest = raw.partition("=")
    name = clean_item_name(name)
    price_text, *options = [part.strip() for part in rest.split(":")]
    storage, cap, unit, pack = "ambient", None, "", ""
    for option in options:
        key, sep, value = option.partition("=")
        key = key.strip().lower()
        if not sep and re.fullmatch(r"\d+", key):
            cap = parse_cap(key)
        elif not sep:
            storage = parse_storage(key)
        elif key in ("cap", "limit", "max", "限购", "限"):
            cap = parse_cap(value)
        elif key in ("unit", "单位"):
            unit = value.strip()[:10]
        elif key in ("pack", "规格"):
            pack = value.strip()[:40]
        elif key in ("storage", "存储"):
            storage = parse_storage(value)
        else:
            raise BadInput("item_spec_invalid", "item", text=raw)
    return ItemSpec(name=name, price_fen=parse_yuan(price_text, "price"), storage=storage, cap=cap,
                    unit=unit, pack_size=pack)


def parse_deadline(text: str | None) -> str | None:
    """A deadline typed in local time (`2022-04-20T20:00`), stored in UTC."""
    if text is None or not str(text).strip():
        return None
    raw = plain(text)
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError as exc:
        raise BadInput("deadline_invalid", "deadline", text=raw) from exc
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the user typed what their clock shows
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_minimum(value: object) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch(r"\d{1,7}", text) or int(text) < 1:
        raise BadInput("minimum_invalid", "minimum", text=text)
    return int(text)


def parse_fee(value: object) -> int:
    """A delivery fee in fen: 0 or more (an int in fen, or text in yuan such as `5` or `¥7.50`)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, bool):
        raise BadInput("fee_invalid", "fee", text=str(value))
    if isinstance(value, int):
        fen = value
    else:
        text = plain(value).lstrip("¥￥")
        if text.startswith("-"):
            raise BadInput("fee_negative", "fee")
        try:
            fen = parse_yuan(text, "fee")
        except BadInput:
            raise BadInput("fee_invalid", "fee", text=text) from None
    if fen < 0:
        raise BadInput("fee_negative", "fee")
    if fen > MAX_FEE_FEN:
        raise BadInput("fee_too_large", "fee", maximum=format_fen(MAX_FEE_FEN))
    return fen


def parse_fee_per(value: object) -> str:
    text = plain(value or "order").lower()
    if text in ("household", "户", "每户", "home"):
        return "household"
    if text in ("order", "单", "每单"):
        return "order"
    raise BadInput("fee_per_invalid", "fee", text=str(value))


def _check_specs(specs: Sequence[ItemSpec]) -> list[ItemSpec]:
    checked, seen = [], set()
    for spec in specs:
        name = clean_item_name(spec.name)
        if name.casefold() in seen:
            raise BadInput("item_duplicate", "item", item=name)
        seen.add(name.casefold())
        if isinstance(spec.price_fen, bool) or not isinstance(spec.price_fen, int) or spec.price_fen < 0:
            raise BadInput("price_invalid", "price", text=str(spec.price_fen))
        if spec.storage not in STORAGE_CLASSES:
            raise BadInput("storage_invalid", "storage", text=str(spec.storage))
        if spec.cap is not None and (not isinstance(spec.cap, int) or spec.cap < 1):
            raise BadInput("cap_invalid", "cap", text=str(spec.cap))
        checked.append(ItemSpec(name, spec.price_fen, spec.storage, spec.cap, spec.unit or "",
                                spec.pack_size or ""))
    return checked


# ---- reading ----------------------------------------------------------------------------------


def get_buy(conn: Connection, buy_id: int) -> GroupBuy:
    row = rows.select_buy(conn, buy_id)
    if row is None:
        raise BadInput("buy_unknown", "buy", id=buy_id)
    return _buy(row)


def buy_status(conn: Connection, buy_id: int) -> str | None:
    """The buy's status; None for a buy that is not there (any more)."""
    row = rows.select_buy(conn, buy_id)
    return None if row is None else row["status"]


def list_buy_records(conn: Connection) -> list[GroupBuy]:
    """Every buy, newest first, as `list_buys` orders them, without their counts and money: a
    quick read for a list that only names them."""
    return [_buy(row) for row in rows.select_buy_rows(conn)]


def list_buys(conn: Connection) -> list[BuySummary]:
    return [
        BuySummary(_buy(row), orders=row["orders"], ordered=row["ordered"],
                   collected_fen=row["collected_fen"], refunded_fen=row["refunded_fen"])
        for row in rows.select_buys(conn)
    ]


def list_items(conn: Connection, buy_id: int) -> list[Item]:
    return [_item(row) for row in rows.select_items(conn, buy_id)]


def item_totals(conn: Connection, buy_id: int) -> list[ItemTotal]:
    return [ItemTotal(_item(row), row["ordered"], row["received"])
            for row in rows.select_item_totals(conn, buy_id)]


def buy_details(conn: Connection, buy_id: int) -> BuyDetails:
    """A buy with its items (ordered and received) and every order with its lines and money."""
    buy = get_buy(conn, buy_id)
    money = payments.buy_money(conn, buy_id)
    lines: dict[int, list[LineView]] = {}
    for row in order_rows.select_buy_lines(conn, buy_id):
        lines.setdefault(row["order_id"], []).append(
            LineView(row["item_id"], row["item"], row["quantity"], row["allocated"])
        )
    orders = tuple(
        OrderView(
            order_id=row["id"], household_id=row["household_id"], address=row["address"],
            buyer_name=row["buyer_name"], source=row["source"], external_ref=row["external_ref"],
            created_at=row["created_at"], cancelled=row["cancelled_at"] is not None,
            lines=tuple(lines.get(row["id"], ())), money=money[row["id"]],
        )
        for row in order_rows.select_orders(conn, buy_id)
    )
    households = payments.households_from(money, {o.order_id: o.address for o in orders})
    return BuyDetails(buy, tuple(item_totals(conn, buy_id)), orders, tuple(households))


def orders_in_file(conn: Connection) -> int:
    """How many orders every buy has together, cancelled ones included: one quick count."""
    return order_rows.count_all_orders(conn)


def order_count(conn: Connection, buy_id: int) -> int:
    """How many orders a buy has, cancelled ones included: one quick count."""
    return order_rows.count_orders(conn, buy_id)


def status_history(conn: Connection, buy_id: int) -> list[Row]:
    return rows.select_status_events(conn, buy_id)


# ---- writing ----------------------------------------------------------------------------------


def new_buy(
    conn: Connection,
    title: str,
    supplier: str | int | None,
    items: Sequence[ItemSpec],
    *,
    minimum: int | None = None,
    deadline: str | None = None,
    organiser: str = "",
    open_now: bool = True,
    fee_fen: object = 0,
    fee_per: str = "order",
) -> NewBuy:
    """Open a group buy (or keep it a draft). The result carries the supplier's record and, for a
    supplier that never delivered here or failed before, the warning to show."""
    title = clean_title(title)
    specs = _check_specs(items)
    if open_now and not specs:
        raise BadInput("items_none", "item")
    minimum = parse_minimum(minimum)
    deadline = parse_deadline(deadline)
    fee_fen, fee_per = parse_fee(fee_fen), parse_fee_per(fee_per)
    with transaction(conn):
        supplier_id = _supplier_id(conn, supplier)
        now = utc_now()
        buy_id = rows.insert_buy(
            conn,
            {"title": title, "supplier_id": supplier_id, "organiser": organiser or "",
             "status": "open" if open_now else "draft", "minimum": minimum,
             "deadline": deadline, "source": "table", "fee_fen": fee_fen, "fee_per": fee_per},
            station=conn.station, now=now,
        )
        for position, spec in enumerate(specs):
            insert_item(conn, buy_id, spec, position)
        rows.insert_status_event(
            conn, {"group_buy_id": buy_id, "status": "open" if open_now else "draft",
                   "operator": organiser or ""},
            station=conn.station, now=now,
        )
        audit.record(conn, "buy_created", summary=f"#{buy_id} {title}",
                     changes=[("status", None, "open" if open_now else "draft"),
                              *((("delivery_fee_fen", None, fee_fen), ("fee_per", None, fee_per))
                                if fee_fen else ())],
                     operator=organiser or None)
        record = suppliers.supplier_record(conn, supplier_id) if supplier_id else None
    return NewBuy(buy_id, record, suppliers.supplier_warning(record))


def _supplier_id(conn: Connection, supplier: str | int | None) -> int | None:
    if supplier is None or (isinstance(supplier, str) and not supplier.strip()):
        return None
    if isinstance(supplier, int) and not isinstance(supplier, bool):
        return suppliers.get_supplier(conn, supplier).id
    return suppliers.supplier_id_for(conn, str(supplier))


def insert_item(conn: Connection, buy_id: int, spec: ItemSpec, position: int,
                per_recipient: int | None = None) -> int:
    return rows.insert_item(
        conn,
        {"group_buy_id": buy_id, "position": position, "name": spec.name, "unit": spec.unit,
         "pack_size": spec.pack_size, "price_fen": spec.price_fen, "storage": spec.storage,
         "cap": spec.cap, "per_recipient": per_recipient},
        station=conn.station, now=utc_now(),
    )


def add_item(conn: Connection, buy_id: int, spec: ItemSpec) -> int:
    """Another item on a buy that is still a draft or open."""
    (spec,) = _check_specs([spec])
    with transaction(conn):
        buy = get_buy(conn, buy_id)
        if buy.status not in ("draft", "open"):
            raise BadInput("items_fixed", "item", title=buy.title, **status_words(buy.status))
        existing = list_items(conn, buy_id)
        if any(item.name.casefold() == spec.name.casefold() for item in existing):
            raise BadInput("item_duplicate", "item", item=spec.name)
        item_id = insert_item(conn, buy_id, spec, len(existing))
        _audit_item(conn, buy_id, buy.title, spec, "")
        return item_id


_ITEM_FIELDS = ("unit", "pack_size", "price_fen", "storage", "cap")


def _audit_item(conn: Connection, buy_id: int, title: str | None, spec: ItemSpec, operator: str) -> None:
    """An item put on a buy, with what it is sold as."""
    audit.record(conn, "item", summary=f"#{buy_id}{' ' + title if title else ''} · {spec.name}",
                 changes=[("item", None, spec.name),
                          *((f, None, getattr(spec, f)) for f in _ITEM_FIELDS
                            if getattr(spec, f, None) not in (None, ""))],
                 operator=operator or None)


def update_item(conn: Connection, item_id: int, *, storage: str | None = None,
                cap: int | None | str = "unchanged", unit: str | None = None,
                pack_size: str | None = None) -> None:
    """Change how an item is kept, its cap, unit or pack size; a price is never changed."""
    values: dict = {}
    if storage is not None:
        values["storage"] = parse_storage(storage)
    if cap != "unchanged":
        values["cap"] = parse_cap(cap)
    if unit is not None:
        values["unit"] = unit.strip()[:10]
    if pack_size is not None:
        values["pack_size"] = pack_size.strip()[:40]
    with transaction(conn):
        row = rows.select_item(conn, item_id)
        if row is None:
            raise BadInput("item_unknown_id", "item", id=item_id)
        buy = get_buy(conn, row["group_buy_id"])
        if buy.status in ("distributed", "settled", "cancelled"):
            raise BadInput("items_fixed", "item", title=buy.title, **status_words(buy.status))
        changes = audit.differences(dict(row), values, [f for f in values if f in row.keys()])
        rows.update_item(conn, item_id, values)
        if changes:
            audit.record(conn, "item", summary=f"#{buy.id} {buy.title} · {row['name']}", changes=changes)


def change_status(conn: Connection, buy_id: int, status: str, *, reason: str = "",
                  operator: str = "") -> GroupBuy:
    """One legal step of the lifecycle, recorded in the buy's history."""
    if status == "cancelled":
        raise ValueError("use cancel_buy, which settles what is owed")
    with transaction(conn):
        buy = get_buy(conn, buy_id)
        if status not in NEXT_STATUSES.get(buy.status, ()):
            raise BadInput("buy_status_illegal", "status", title=buy.title,
                           **status_words(buy.status), to=Word("buy_status", status))
        if status == "open" and not list_items(conn, buy_id):
            raise BadInput("items_none", "item")
        if status == "settled":
            owed = payments.buy_totals(conn, buy_id).refunds_owed_fen
            if owed:
                raise BadInput("settle_refunds_owed", "status", amount=format_fen(owed))
        record_status(conn, buy_id, status, reason=reason, operator=operator)
        return get_buy(conn, buy_id)


def record_status(conn: Connection, buy_id: int, status: str, *, reason: str = "",
                  operator: str = "", cause: str | None = None) -> None:
    """Set a buy's status and append it to its history, inside the caller's transaction."""
    now = utc_now()
    before = get_buy(conn, buy_id)
    rows.update_status(conn, buy_id, status, now=now, cancel_cause=cause,
                       cancel_reason=reason if cause else None)
    audit.record(conn, "buy_status", summary=f"#{buy_id} {before.title}" + (f" · {reason}" if reason else ""),
                 changes=[("status", before.status, status)], operator=operator or None)
    rows.insert_status_event(
        conn, {"group_buy_id": buy_id, "status": status, "reason": reason, "operator": operator},
        station=conn.station, now=now,
    )


def open_buy(conn: Connection, buy_id: int, *, operator: str = "") -> GroupBuy:
    return change_status(conn, buy_id, "open", operator=operator)


def close_buy(conn: Connection, buy_id: int, *, operator: str = "") -> GroupBuy:
    """Stop taking orders (the deadline passed); the order list goes to the supplier."""
    return change_status(conn, buy_id, "closed", operator=operator)


def confirm_buy(conn: Connection, buy_id: int, *, operator: str = "") -> GroupBuy:
    """The supplier confirmed it will deliver: now is the time to collect money."""
    return change_status(conn, buy_id, "confirmed", operator=operator)


def guess_cancel_cause(reason: str) -> str:
    """Why a buy was cancelled, from the words of the reason (the command line takes only text)."""
    text = plain(reason).lower()
    if re.search(r"turn\w*(?: \w+)? down|refus|declin|reject|out of stock|no stock|"
                 r"(?:can ?not|can't|won't|unable to) (?:deliver|supply|ship)|"
                 r"拒|不接|不发|无法供|无法发货|没货|缺货|断货|不做了|商家取消|供应商取消|跑路", text):
        return "turned_down"
    if re.search(r"minimum|not enough order|too few|起送|没凑够|未成团|不够|人数不足|未达", text):
        return "minimum_not_met"
    if re.search(r"spoil|rotten|thaw|damaged|变质|坏了|化冻|腐|过期|损坏", text):
        return "spoiled"
    return "other"


def cancel_buy(conn: Connection, buy_id: int, reason: str, *, cause: str | None = None,
               operator: str = "") -> CancelResult:
    """Cancel before distribution: every order cancelled, refunds owed listed per household, the
    supplier's record updated (a supplier that turned the buy down carries that on its record)."""
    reason = one_line(reason, MAX_REASON)
    if not reason:
        raise BadInput("cancel_reason_empty", "reason")
    cause = cause or guess_cancel_cause(reason)
    if cause not in CANCEL_CAUSES:
        raise BadInput("cancel_cause_invalid", "cause", text=cause)
    with transaction(conn):
        buy = get_buy(conn, buy_id)
        if buy.status == "cancelled":
            raise BadInput("buy_already_cancelled", "status", title=buy.title)
        if buy.status not in CANCELLABLE:
            raise BadInput("cancel_too_late", "status", title=buy.title, **status_words(buy.status))
        now = utc_now()
        order_rows.cancel_all_orders(conn, buy_id, reason, now=now)
        record_status(conn, buy_id, "cancelled", reason=reason, operator=operator, cause=cause)
        voided, _handed = bag_rows.void_bags_not_handed_over(conn, buy_id, "buy_cancelled", now=now)
        if voided:
            audit.record(conn, "bags_voided", summary=f"#{buy_id} {buy.title} · {reason}",
                         changes=[("voided", None, voided)], operator=operator or None)
        if buy.supplier_id is not None:
            suppliers.note_event(
                conn, buy.supplier_id, "turned_down" if cause == "turned_down" else "cancelled",
                buy_id=buy_id, note=reason, operator=operator,
            )
        refunds = payments.refunds_owed(conn, buy_id)
    return CancelResult(buy_id, "cancelled", cause, tuple(refunds))


def turn_down(conn: Connection, buy_id: int, reason: str, *, operator: str = "") -> CancelResult:
    """The supplier turned the buy down after orders were collected."""
    return cancel_buy(conn, buy_id, reason, cause="turned_down", operator=operator)


def mark_bagged(conn: Connection, buy_id: int, *, operator: str = "") -> GroupBuy:
    return change_status(conn, buy_id, "bagged", operator=operator)


def mark_distributed(conn: Connection, buy_id: int, *, operator: str = "") -> GroupBuy:
    return change_status(conn, buy_id, "distributed", operator=operator)


def settle_buy(conn: Connection, buy_id: int, *, operator: str = "") -> GroupBuy:
    """The money is done: refused while refunds are still owed."""
    return change_status(conn, buy_id, "settled", operator=operator)
