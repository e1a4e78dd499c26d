"""Bags: an arrived group buy becomes one or more bags per household, each with a signed code.

A household's non-cancelled orders in a buy go together, as allocated (or as ordered where no
arrival was recorded). Frozen, chilled and ambient goods never share a bag, and no bag holds more
than a settable number of units; a household's bags are numbered over the buy, frozen first
(`1/3 冷冻`, `2/3 冷藏`, `3/3 常温`). Orders with no household get no bag and are reported.

Making bags again is safe. For each household the plan is compared with its live bags: the same
bags are kept (same codes, so printed labels stay good); different ones (a new maximum per bag, an
allocation changed before bagging) are voided and made again with new codes, so an old label
scans as void; but bags with any custody event are never touched, and such a household is
reported instead. Bags are never deleted; a void bag keeps its reason:

    `remade`          replaced by a new bag when the bags were made again
    `order_withdrawn` its household no longer has anything in the buy
    `buy_cancelled`   its buy was cancelled before the bag was handed over
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from desktop import audit
from desktop.bags import codes
from desktop.buys.group_buys import change_status, get_buy, status_words
from desktop.clock import utc_now
from desktop.compound import code_keys
from desktop.db import Row
from desktop.db import bags as rows
from desktop.db import households as household_rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput, Cancelled
from desktop.notices import Notice, notice
from desktop.roster.address import address_key

STORAGE_ORDER = ("frozen", "chilled", "ambient")
DEFAULT_MAX_ITEMS = 10
MAX_ITEMS_LIMIT = 999
BAGGABLE = frozenset({"arrived", "bagged"})

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]


@dataclass(frozen=True)
class BagItem:
    item_id: int
    item: str
    unit: str
    quantity: int


@dataclass(frozen=True)
class Bag:
    id: int
    code: str
    serial: int
    group_buy_id: int
    buy_title: str
    household_id: int
    address: str
    building: int
    entrance: int | None
    room: int
    name: str
    delivery: str
    storage: str
    index: int
    count: int
    units: int
    voided_at: str | None
    void_reason: str | None
    created_at: str
    items: tuple[BagItem, ...] = ()
    buy_status: str = ""

    @property
    def void(self) -> bool:
        """Void when marked so, and also when its buy was cancelled (whatever marked it)."""
        return self.voided_at is not None or self.buy_status == "cancelled"

    @property
    def masked_name(self) -> str:
        return mask_name(self.name)


@dataclass(frozen=True)
class UnplacedOrder:
    order_id: int
    external_ref: str | None
    buyer_name: str
    address_text: str


@dataclass(frozen=True)
class BagsMade:
    """What `make_bags` did: every live bag of the buy, and how it got there."""

    buy_id: int
    title: str
    bags: tuple[Bag, ...]
    made: int
    kept: int
    voided: int
    unplaced: tuple[UnplacedOrder, ...] = ()
    # Households that got nothing (a short delivery allocated them none).
    nothing_allocated: tuple[str, ...] = ()
    # Households whose bags would change but already have custody events: left as they were.
    kept_with_handoffs: tuple[str, ...] = ()
    households: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.made or self.voided)

    def notices(self) -> list[Notice]:
        """What a person should know: who got no bag, and why."""
        found = []
        for order in self.unplaced:
            found.append(notice("bags_unplaced", ref=order.external_ref or f"#{order.order_id}",
                                text=order.address_text or order.buyer_name or "-"))
        found += [notice("bags_nothing_for", address=a) for a in self.nothing_allocated]
        found += [notice("bags_kept_with_handoffs", address=a) for a in self.kept_with_handoffs]
        return found


@dataclass(frozen=True)
class BagsVoided:
    voided: int
    handed_over: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _PlannedBag:
    storage: str
    index: int
    count: int
    lines: tuple[tuple[int, int], ...]  # (order line id, units), sorted

    @property
    def units(self) -> int:
        return sum(units for _, units in self.lines)

    @property
    def key(self) -> tuple:
        return (self.storage, self.index, self.count, self.lines)


def mask_name(name: str | None) -> str:
    """The first character and a star (张* for 张三): enough to recognise, never the whole name."""
    text = (name or "").strip()
    return text[0] + "*" if text else ""


def parse_max_items(value: object) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return DEFAULT_MAX_ITEMS
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdecimal() or not 1 <= int(text) <= MAX_ITEMS_LIMIT:
        raise BadInput("bags_max_items_invalid", "max_items", text=text, maximum=MAX_ITEMS_LIMIT)
    return int(text)


# ---- planning ---------------------------------------------------------------------------------


def _split(units: list[tuple[int, int]], max_items: int) -> list[list[tuple[int, int]]]:
    """Order lines [(line id, units)] shared over as few bags as the maximum allows, the bags as
    even as they can be (11 units at most 10 a bag: 6 and 5, not 10 and 1)."""
    total = sum(n for _, n in units)
    bags = math.ceil(total / max_items)
    sizes = [total // bags + (1 if i < total % bags else 0) for i in range(bags)]
    result: list[list[tuple[int, int]]] = []
    queue = [[line, n] for line, n in units]
    for size in sizes:
        bag: dict[int, int] = {}
        while size:
            line = queue[0]
            take = min(size, line[1])
            bag[line[0]] = bag.get(line[0], 0) + take
            line[1] -= take
            size -= take
            if not line[1]:
                queue.pop(0)
        result.append(sorted(bag.items()))
    return result


def _plan_household(lines: list[Row], max_items: int) -> list[_PlannedBag]:
    by_storage: dict[str, list[tuple[int, int]]] = {}
    for line in lines:
        if line["units"] > 0:
            by_storage.setdefault(line["storage"], []).append((line["order_line_id"], line["units"]))
    parts = [(storage, bag) for storage in STORAGE_ORDER if storage in by_storage
             for bag in _split(by_storage[storage], max_items)]
    return [_PlannedBag(storage, index, len(parts), tuple(bag))
            for index, (storage, bag) in enumerate(parts, start=1)]


def _check_buy(conn: Connection, buy_id: int):
    buy = get_buy(conn, buy_id)
    if buy.status == "cancelled":
        raise BadInput("bags_buy_cancelled", "buy", title=buy.title)
    if buy.status in ("distributed", "settled"):
        raise BadInput("bags_buy_handed_out", "buy", title=buy.title, **status_words(buy.status))
    if buy.status not in BAGGABLE:
        raise BadInput("bags_buy_not_arrived", "buy", title=buy.title, **status_words(buy.status))
    return buy


# ---- making bags ------------------------------------------------------------------------------


def make_bags(
    conn: Connection,
    buy_id: int,
    max_items_per_bag: int = DEFAULT_MAX_ITEMS,
    *,
    operator: str = "",
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> BagsMade:
    """Bags for every household with something in an arrived (or already bagged) buy; the buy
    becomes bagged. One transaction: bad input or a cancel changes nothing."""
    max_items = parse_max_items(max_items_per_bag)
    with transaction(conn):
        buy = _check_buy(conn, buy_id)
        if rows.count_orders(conn, buy_id) == 0:
            raise BadInput("bags_no_orders", "buy", title=buy.title)
        lines = rows.select_plan_lines(conn, buy_id)
        unplaced: dict[int, UnplacedOrder] = {}
        households: dict[int, list[Row]] = {}
        for line in lines:
            if line["household_id"] is None:
                unplaced.setdefault(line["order_id"], UnplacedOrder(
                    line["order_id"], line["external_ref"], line["buyer_name"], line["address_text"]))
            else:
                households.setdefault(line["household_id"], []).append(line)
        if not households:
            raise BadInput("bags_no_placed_orders", "buy", title=buy.title, count=len(unplaced))

        existing = _live_bags_by_household(conn, buy_id)
        touched = rows.select_bag_ids_with_handoffs(conn, buy_id)
        addresses = _addresses(conn, set(households) | set(existing))
        keys = code_keys(conn)
        serial = rows.next_bag_serial(conn)
        now = utc_now()
        made = kept = voided = 0
        new_lines: list[dict] = []
        nothing: list[str] = []
        held: list[str] = []
        order = sorted(set(households) | set(existing), key=lambda h: address_key(addresses[h]))
        for done, household_id in enumerate(order, start=1):
            if should_cancel is not None and should_cancel():
                raise Cancelled()
            plan = _plan_household(households.get(household_id, []), max_items)
            if household_id in households and not plan:
                nothing.append(addresses[household_id])
            current = existing.get(household_id, {})
            if sorted(current) == sorted(bag.key for bag in plan):
                kept += len(current)
            elif any(bag_id in touched for bag_id in current.values()):
                held.append(addresses[household_id])
                kept += len(current)
            else:
                # Void first: the new bag 1 of 2 takes the place of the old one.
                voided += rows.void_bags(conn, current.values(),
                                         "remade" if plan else "order_withdrawn", now=now)
                if current:
                    audit.record(conn, "bag_remade", household_id=household_id,
                                 summary=f"#{buy_id} {buy.title}", changes=[("bags", len(current), len(plan))],
                                 operator=operator or None)
                for bag in plan:
                    code = codes.make_code(keys, "bag", serial)
                    bag_id = rows.insert_bag(conn, {
                        "serial": serial, "code": code, "group_buy_id": buy_id,
                        "household_id": household_id, "storage": bag.storage,
                        "position": bag.index, "count": bag.count, "units": bag.units,
                    }, station=conn.station, now=now)
                    serial += 1
                    made += 1
                    new_lines.extend({"bag_id": bag_id, "order_line_id": line_id, "quantity": n}
                                     for line_id, n in bag.lines)
            if progress is not None:
                progress(done, len(order))
        rows.insert_bag_lines(conn, new_lines, station=conn.station)
        if made + kept == 0:
            raise BadInput("bags_nothing_allocated", "buy", title=buy.title)
        audit.record(conn, "bags_made", summary=f"#{buy_id} {buy.title}", operator=operator or None,
                     changes=[("made", None, made), ("kept", None, kept), ("voided", None, voided)])
        if buy.status == "arrived":
            change_status(conn, buy_id, "bagged", reason="bags made", operator=operator)
        bags = list_bags(conn, buy_id)
    return BagsMade(
        buy_id=buy_id, title=buy.title, bags=tuple(bags), made=made, kept=kept,
        voided=voided, unplaced=tuple(unplaced.values()), nothing_allocated=tuple(nothing),
        kept_with_handoffs=tuple(held), households=len({bag.household_id for bag in bags}),
    )


def _live_bags_by_household(conn: Connection, buy_id: int) -> dict[int, dict[tuple, int]]:
    """{household: {planned-bag key: bag id}} for the live bags of a buy."""
    lines: dict[int, list[tuple[int, int]]] = {}
    for row in rows.select_bag_line_keys(conn, buy_id):
        lines.setdefault(row["bag_id"], []).append((row["order_line_id"], row["quantity"]))
    found: dict[int, dict[tuple, int]] = {}
    for row in rows.select_bags(conn, buy_id):
        key = (row["storage"], row["position"], row["count"], tuple(sorted(lines.get(row["id"], []))))
        found.setdefault(row["household_id"], {})[key] = row["id"]
    return found


def _addresses(conn: Connection, household_ids: Iterable[int]) -> dict[int, str]:
    wanted = set(household_ids)
    return {row["id"]: row["address"] for row in household_rows.select_all(conn) if row["id"] in wanted}


# ---- voiding ----------------------------------------------------------------------------------


def void_bags_of_buy(conn: Connection, buy_id: int, *, reason: str = "buy_cancelled") -> BagsVoided:
    """Every bag of the buy not yet handed to its household becomes void (cancelling a buy does
    this in its own transaction). Bags already handed over stay as the record of what happened."""
    with transaction(conn):
        voided = BagsVoided(*rows.void_bags_not_handed_over(conn, buy_id, reason, now=utc_now()))
        if voided.voided:
            audit.record(conn, "bags_voided", summary=f"#{buy_id} · {reason}",
                         changes=[("voided", None, voided.voided)])
        return voided


# ---- reading ----------------------------------------------------------------------------------


def _bag(row: Row, items: tuple[BagItem, ...] = ()) -> Bag:
    return Bag(
        id=row["id"], code=row["code"], serial=row["serial"], group_buy_id=row["group_buy_id"],
        buy_title=row["buy_title"], household_id=row["household_id"], address=row["address"],
        building=row["building"], entrance=row["entrance"], room=row["room"], name=row["name"],
        delivery=row["delivery"], storage=row["storage"], index=row["position"],
        count=row["count"], units=row["units"], voided_at=row["voided_at"],
        void_reason=row["void_reason"], created_at=row["created_at"], items=items,
        buy_status=row["buy_status"],
    )


def list_bags(conn: Connection, buy_id: int, *, include_void: bool = False) -> list[Bag]:
    """A buy's bags with what is in each, by building, entrance and room, then n of m."""
    items: dict[int, list[BagItem]] = {}
    for row in rows.select_bag_contents(conn, buy_id, include_void=include_void):
        items.setdefault(row["bag_id"], []).append(
            BagItem(row["item_id"], row["item"], row["unit"], row["quantity"]))
    return [_bag(row, tuple(items.get(row["id"], ())))
            for row in rows.select_bags(conn, buy_id, include_void=include_void)]


def find_bag(conn: Connection, code: str) -> Bag | None:
    """The bag with this code (in any form a person types it), void ones included; or None."""
    row = rows.select_bag_by_code(conn, codes.normalise(code))
    return _bag(row) if row else None


@dataclass(frozen=True)
class BuildingCount:
    building: int
    households: int
    bags: int


def count_by_building(conn: Connection, buy_id: int) -> list[BuildingCount]:
    return [BuildingCount(row["building"], row["households"], row["bags"])
            for row in rows.count_by_building(conn, buy_id)]


# ---- household cards --------------------------------------------------------------------------


def issue_household_codes(conn: Connection, household_ids: Iterable[int], *,
                          replacing: dict[int, int | None] | None = None) -> dict[int, str]:
    """The card code of each household, issuing one where there is none yet; each card issued is
    a line of the audit log, with its number (never its code), and the number it replaces when
    `replacing` names one."""
    wanted = list(dict.fromkeys(household_ids))
    with transaction(conn):
        current = rows.select_household_codes(conn)
        missing = [h for h in wanted if h not in current]
        if missing:
            keys = code_keys(conn)
            serial = rows.next_household_serial(conn)
            now = utc_now()
            new = []
            for offset, household_id in enumerate(missing):
                code = codes.make_code(keys, "household", serial + offset)
                new.append({"household_id": household_id, "serial": serial + offset,
                            "code": code, "created_at": now})
                current[household_id] = code
            rows.insert_household_codes(conn, new, station=conn.station)
            for card in new:
                before = (replacing or {}).get(card["household_id"])
                audit.record(conn, "card", household_id=card["household_id"],
                             summary=f"No. {card['serial']}" if before is None
                             else f"No. {before} → No. {card['serial']}",
                             changes=[("card", f"No. {before}" if before is not None else None,
                                       f"No. {card['serial']}")])
    return {h: current[h] for h in wanted}


def household_codes(conn: Connection) -> dict[int, str]:
    """Card codes already issued, without issuing any."""
    return rows.select_household_codes(conn)


def find_household_by_code(conn: Connection, code: str) -> Row | None:
    return rows.select_household_by_code(conn, codes.normalise(code))


def reissue_household_code(conn: Connection, household_id: int) -> str:
    """A lost card: its code stops working and the household gets a new one."""
    with transaction(conn):
        before = rows.current_household_serial(conn, household_id)
        rows.revoke_household_code(conn, household_id, now=utc_now())
        return issue_household_codes(conn, [household_id], replacing={household_id: before})[household_id]
