"""Orders: one household in one group buy, with a quantity of each item it wants.

Taken at the table (or from a 接龙 list) a household has one order per buy, changed in place;
imported from a platform there is one order per platform order, so a household may have several.
A cap is per household, summed over all that household's orders in the buy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop import audit
from desktop.buys.group_buys import GroupBuy, Item, LineView, get_buy, list_items, status_words
from desktop.clock import utc_now
from desktop.db import orders as rows
from desktop.db.base import Row
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.roster.households import find_household, get_household
from desktop.text import clean, plain

MAX_QUANTITY = 9999
UNITS = "箱份袋盒个斤瓶包件支只桶提罐板听"
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
# Orders may still be withdrawn until the bags are made.
_WITHDRAWABLE = frozenset({"open", "closed", "confirmed", "arrived"})


@dataclass(frozen=True)
class Order:
    id: int
    group_buy_id: int
    household_id: int | None
    address: str | None
    source: str
    external_ref: str | None
    buyer_name: str
    phone: str
    note: str
    operator: str
    created_at: str
    cancelled_at: str | None
    lines: tuple[LineView, ...]

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


@dataclass(frozen=True)
class PlacedOrder:
    order_id: int
    household_id: int
    address: str
    outcome: str  # 'added', 'updated' or 'unchanged'


def chinese_number(text: str) -> int | None:
    """一 to 九十九 (两 is 2), or None when the text is not such a numeral."""
    if not text or any(ch not in _DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    value = (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
    return value if value > 0 and (not tens or _DIGITS[tens] > 0) else None


def parse_quantity(value: object, item: str = "", maximum: int = MAX_QUANTITY) -> int:
    """A whole number of units, 1 or more: `2`, `2箱`, `两`, `三份`; BadInput naming the item."""
    if isinstance(value, bool) or value is None:
        raise BadInput("quantity_invalid", "quantity", item=item, text=str(value or ""))
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise BadInput("quantity_invalid", "quantity", item=item, text=str(value))
        number = int(value)
    else:
        text = plain(value)
        text = re.sub(f"\\s*[{UNITS}]$", "", text)
        if re.fullmatch(r"[+-]?\d{1,9}", text):
            number = int(text)
        elif chinese_number(text) is not None:
            number = chinese_number(text)
        else:
            raise BadInput("quantity_invalid", "quantity", item=item, text=str(value).strip())
    if number < 1:
        raise BadInput("quantity_not_positive", "quantity", item=item, value=number)
    if number > maximum:
        raise BadInput("quantity_too_large", "quantity", item=item, value=number,
                       maximum=maximum)
    return number


def item_key(name: str) -> str:
    return clean(name).replace(" ", "").casefold()


def find_item(items: Sequence[Item], key: object) -> Item:
    """The item named (in any width or case) or numbered, or BadInput listing the buy's items."""
    for item in items:
        if isinstance(key, int) and not isinstance(key, bool) and item.id == key:
            return item
        if isinstance(key, Item) and item.id == key.id:
            return item
        if isinstance(key, str) and item_key(item.name) == item_key(key):
            return item
    raise BadInput("item_unknown", "item", item=str(getattr(key, "name", key)).strip(),
                   items="、".join(item.name for item in items))


def resolve_quantities(
    items: Sequence[Item], quantities: Mapping[object, object] | Iterable[tuple[object, object]]
) -> dict[int, int]:
    """{item id: quantity} from item names (or ids) and what was typed; blanks are left out."""
    pairs = quantities.items() if isinstance(quantities, Mapping) else quantities
    lines: dict[int, int] = {}
    for key, value in pairs:
        item = find_item(items, key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if item.id in lines:
            raise BadInput("item_given_twice", "item", item=item.name)
        lines[item.id] = parse_quantity(value, item.name)
    if not lines:
        raise BadInput("order_empty", "quantity")
    return lines


def cap_excess(
    conn: Connection, buy_id: int, household_id: int | None, items: Sequence[Item],
    lines: Mapping[int, int], exclude_order_id: int | None,
) -> tuple[Item, int, int] | None:
    """The first item over its cap: (item, asked for here, already in the household's other orders)."""
    capped = [item for item in items if item.cap is not None and item.id in lines]
    if not capped or household_id is None:
        return None
    elsewhere = rows.select_household_item_totals(conn, buy_id, household_id, exclude_order_id)
    for item in capped:
        other = elsewhere.get(item.id, 0)
        if lines[item.id] + other > item.cap:
            return item, lines[item.id], other
    return None


def check_caps(conn: Connection, buy_id: int, household_id: int | None, items: Sequence[Item],
               lines: Mapping[int, int], exclude_order_id: int | None) -> None:
    excess = cap_excess(conn, buy_id, household_id, items, lines, exclude_order_id)
    if excess:
        item, asked, other = excess
        if other:
            raise BadInput("over_cap_with_other", "quantity", item=item.name, cap=item.cap,
                           asked=asked, other=other)
        raise BadInput("over_cap", "quantity", item=item.name, cap=item.cap, asked=asked)


def require_open(buy: GroupBuy) -> None:
    if buy.status == "cancelled":
        raise BadInput("buy_cancelled_no_orders", "buy", title=buy.title)
    if buy.status == "draft":
        raise BadInput("buy_draft_no_orders", "buy", title=buy.title)
    if not buy.taking_orders:
        raise BadInput("buy_not_open", "buy", title=buy.title,
                           **status_words(buy.status))


def save_household_order(
    conn: Connection, buy: GroupBuy, household_id: int, lines: Mapping[int, int], *,
    source: str = "table", operator: str = "", note: str = "",
    items: Sequence[Item] | None = None,
) -> tuple[int, str]:
    """Store a household's one order in a buy, inside the caller's transaction, replacing its
    lines, under the rules of every order: each line an item of the buy in a quantity one can
    order, and no item over its cap for the household. `items` spares reading the buy's items
    again when many orders are saved. Returns (order id, 'added' | 'updated' | 'unchanged')."""
    now = utc_now()
    items = list_items(conn, buy.id) if items is None else items
    check_lines({item.id: item for item in items}, lines)
    existing = rows.select_table_order(conn, buy.id, household_id)
    check_caps(conn, buy.id, household_id, items, lines, existing["id"] if existing else None)
    if existing is None:
        order_id = rows.insert_order(
            conn,
            {"group_buy_id": buy.id, "household_id": household_id, "source": source,
             "operator": operator, "note": note},
            station=conn.station, now=now,
        )
        rows.insert_lines(
            conn, ({"order_id": order_id, "item_id": item_id, "quantity": quantity}
                   for item_id, quantity in lines.items()),
            station=conn.station,
        )
        return order_id, "added"
    order_id = existing["id"]
    old = {row["item_id"]: row for row in rows.select_lines(conn, order_id)}
    changed = existing["cancelled_at"] is not None or (note and note != existing["note"])
    gone = [row["id"] for item_id, row in old.items() if item_id not in lines]
    if gone:
        rows.delete_lines(conn, gone)
        changed = True
    new = []
    for item_id, quantity in lines.items():
        if item_id not in old:
            new.append({"order_id": order_id, "item_id": item_id, "quantity": quantity})
        elif old[item_id]["quantity"] != quantity:
            rows.update_line_quantity(conn, old[item_id]["id"], quantity)
            changed = True
    if new:
        rows.insert_lines(conn, new, station=conn.station)
        changed = True
    if not changed:
        return order_id, "unchanged"
    values = {"cancelled_at": None, "cancel_reason": None, "operator": operator}
    if note:
        values["note"] = note
    rows.update_order(conn, order_id, values, now=now)
    return order_id, "updated"


@dataclass
class OrderDraft:
    """An order an import adds (no `order_id`) or corrects: its columns (household_id,
    buyer_name, phone, address_text, note, external_ref, cancelled_at, cancel_reason; the same
    ones for every order added at once) and its lines {item id: quantity}, or None to keep a
    corrected order's lines."""

    values: dict
    lines: Mapping[int, int] | None
    order_id: int | None = None


def check_lines(items: Mapping[int, Item], lines: Mapping[int, int]) -> None:
    """Each line an item of the buy, 1 to MAX_QUANTITY units, as `parse_quantity` allows."""
    for item_id, quantity in lines.items():
        item = items.get(item_id)
        if item is None:
            raise BadInput("item_unknown", "item", item=str(item_id),
                           items="、".join(i.name for i in items.values()))
        if quantity < 1:
            raise BadInput("quantity_not_positive", "quantity", item=item.name, value=quantity)
        if quantity > MAX_QUANTITY:
            raise BadInput("quantity_too_large", "quantity", item=item.name, value=quantity,
                           maximum=MAX_QUANTITY)


def save_many(conn: Connection, buy: GroupBuy, drafts: Sequence[OrderDraft], *, source: str,
              operator: str = "") -> list[int]:
    """Add or correct many orders of one buy inside the caller's transaction, each line under the
    rules of `check_lines`; the first line that breaks one refuses them all. New orders and lines
    are written in one statement each: a 20,000-row import keeps its second. Returns each
    draft's order id."""
    items = {item.id: item for item in list_items(conn, buy.id)}
    for draft in drafts:
        if draft.lines is not None:
            check_lines(items, draft.lines)
    now = utc_now()
    next_id = rows.next_order_id(conn)
    ids: list[int] = []
    new_orders: list[dict] = []
    new_lines: list[dict] = []
    replaced: list[int] = []
    for draft in drafts:
        if draft.order_id is None:
            order_id, next_id = next_id, next_id + 1
            new_orders.append({"id": order_id, **draft.values, "group_buy_id": buy.id,
                               "source": source, "operator": operator, "created_at": now,
                               "updated_at": now})
        else:
            order_id = draft.order_id
            if draft.values:
                rows.update_order(conn, order_id, draft.values, now=now)
            if draft.lines is not None:
                replaced.append(order_id)
        ids.append(order_id)
        new_lines.extend({"order_id": order_id, "item_id": item_id, "quantity": quantity}
                         for item_id, quantity in (draft.lines or {}).items())
    rows.delete_order_lines(conn, replaced)
    rows.insert_orders(conn, new_orders, station=conn.station)
    rows.insert_lines(conn, new_lines, station=conn.station)
    return ids


def place_order(
    conn: Connection, buy_id: int, address: str,
    quantities: Mapping[object, object] | Iterable[tuple[object, object]], *,
    operator: str = "", note: str = "",
) -> PlacedOrder:
    """Add or replace the order of the household at an address typed in any accepted form."""
    from desktop.roster.address import parse_address

    canonical = parse_address(address).canonical  # says what is wrong with a bad address
    household = find_household(conn, canonical)
    if household is None:
        raise BadInput("household_not_found", "address", address=canonical)
    return place_household_order(conn, buy_id, household.id, quantities, operator=operator,
                                 note=note)


def place_household_order(
    conn: Connection, buy_id: int, household_id: int,
    quantities: Mapping[object, object] | Iterable[tuple[object, object]], *,
    operator: str = "", note: str = "",
) -> PlacedOrder:
    household = get_household(conn, household_id)
    with transaction(conn):
        buy = get_buy(conn, buy_id)
        require_open(buy)
        items = list_items(conn, buy_id)
        lines = resolve_quantities(items, quantities)
        order_id, outcome = save_household_order(conn, buy, household_id, lines,
                                                 operator=operator, note=note.strip(), items=items)
        audit.record(conn, "order", household_id=household_id, summary=f"#{buy_id} {buy.title}",
                     changes=[("order", None, outcome)], operator=operator or None)
    return PlacedOrder(order_id, household_id, household.address, outcome)


def cancel_order(conn: Connection, order_id: int, *, reason: str = "",
                 operator: str = "") -> None:
    """A household withdraws: the order is kept, marked cancelled; what it paid is owed back."""
    with transaction(conn):
        order = rows.select_order(conn, order_id)
        if order is None:
            raise BadInput("order_unknown", "order", id=order_id)
        if order["cancelled_at"] is not None:
            raise BadInput("order_already_cancelled", "order", id=order_id)
        buy = get_buy(conn, order["group_buy_id"])
        if buy.status not in _WITHDRAWABLE:
            raise BadInput("order_cancel_too_late", "order", title=buy.title,
                           **status_words(buy.status))
        rows.update_order(conn, order_id, {"cancelled_at": utc_now(),
                                           "cancel_reason": reason.strip(), "operator": operator},
                          now=utc_now())
        audit.record(conn, "order", household_id=order["household_id"],
                     summary=f"#{buy.id} {buy.title}" + (f" · {reason.strip()}" if reason.strip() else ""),
                     changes=[("cancelled", False, True)], operator=operator or None)


def _order(row: Row, lines: Iterable[Row]) -> Order:
    return Order(
        id=row["id"], group_buy_id=row["group_buy_id"], household_id=row["household_id"],
        address=row["address"], source=row["source"], external_ref=row["external_ref"],
        buyer_name=row["buyer_name"], phone=row["phone"], note=row["note"],
        operator=row["operator"], created_at=row["created_at"], cancelled_at=row["cancelled_at"],
        lines=tuple(LineView(r["item_id"], r["item"], r["quantity"], r["allocated"]) for r in lines),
    )


def get_order(conn: Connection, order_id: int) -> Order:
    row = rows.select_order(conn, order_id)
    if row is None:
        raise BadInput("order_unknown", "order", id=order_id)
    return _order(row, rows.select_lines(conn, order_id))


def find_table_order(conn: Connection, buy_id: int, household_id: int) -> Order | None:
    """A household's order taken at the table or from a 接龙 list, to fill the entry row."""
    row = rows.select_table_order(conn, buy_id, household_id)
    return _order(row, rows.select_lines(conn, row["id"])) if row else None
