"""Free distributions (保供包, donations): a group buy of the `free` kind.

A distribution has no price and takes no orders: its items cost nothing, its donor is kept as its
supplier (so the donor's record shows what it gave, how many and when), and one order is made for
each recipient chosen, holding what that recipient gets. From there it is a group buy like any
other: the arrival shares a shortfall by the same policies (`arrivals`), bags, labels, the pickup
sheet and the gate treat its orders as they treat any order, and the money owes nothing.

Recipients: every active household (`all`), the active households with a flag (`flag:infant`), or
a list of addresses (hand-picked, or read from a text file, one address a line). Each gets the
items' quantities once (`per household`) or once per person living there (`per person`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop import audit
from desktop.buys import suppliers
from desktop.buys.group_buys import (
    STORAGE_CLASSES,
    GroupBuy,
    ItemSpec,
    clean_item_name,
    clean_title,
    get_buy,
    insert_item,
    item_totals,
    parse_storage,
    record_status,
)
from desktop.buys.orders import parse_quantity
from desktop.clock import utc_now
from desktop.db import bags as bag_rows
from desktop.db import group_buys as rows
from desktop.db import orders as order_rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.roster.address import parse_address
from desktop.roster.households import FLAGS, Household, find_household, list_households
from desktop.text import plain

PER = ("household", "person")
# A distribution is announced (the donor has said it is coming) until it arrives.
ANNOUNCED = "confirmed"
# Statuses of a distribution still on its way to the households.
ON_ITS_WAY = frozenset({"confirmed", "arrived", "bagged"})
MAX_LIST_LINES = 10_000


@dataclass(frozen=True)
class GiftSpec:
    """An item and how many of it one recipient gets, as someone typed it."""

    name: str
    per_recipient: int
    storage: str = "ambient"


@dataclass(frozen=True)
class Recipients:
    """Who receives: `to` as chosen (`all`, `flag:FLAG`, `list`) and the households it found."""

    to: str
    per: str
    households: tuple[Household, ...]

    @property
    def packs(self) -> int:
        """Packs in all: one per household, or one per person."""
        return sum(self.multiplier(h) for h in self.households)

    def multiplier(self, household: Household) -> int:
        return max(household.people, 1) if self.per == "person" else 1


@dataclass(frozen=True)
class NewDistribution:
    distribution_id: int
    recipients: int


@dataclass(frozen=True)
class GiftLine:
    item: str
    quantity: int
    allocated: int | None


@dataclass(frozen=True)
class Recipient:
    order_id: int
    household_id: int | None
    address: str | None
    lines: tuple[GiftLine, ...]


@dataclass(frozen=True)
class GiftTotal:
    name: str
    storage: str
    per_recipient: int | None
    needed: int
    received: int | None

    @property
    def left(self) -> int:
        """Stock left over: what arrived beyond what the recipients need."""
        return max((self.received or 0) - self.needed, 0)


@dataclass(frozen=True)
class DistributionDetails:
    buy: GroupBuy
    items: tuple[GiftTotal, ...]
    recipients: tuple[Recipient, ...]


@dataclass(frozen=True)
class DistributionSummary:
    buy: GroupBuy
    recipients: int
    bags_waiting: int


# ---- what people type -------------------------------------------------------------------------


def parse_gift(text: str) -> GiftSpec:
    """`NAME=QTY[:ambient|chilled|frozen]`, as `--item` takes it: QTY per recipient, 1 or more."""
    raw = plain(text)
    if "=" not in raw:
        raise BadInput("gift_spec_invalid", "item", text=raw)
    name, _, rest = raw.partition("=")
    name = clean_item_name(name)
    quantity, *options = [part.strip() for part in rest.split(":")]
    storage = parse_storage(options[0]) if options else "ambient"
    if len(options) > 1:
        raise BadInput("gift_spec_invalid", "item", text=raw)
    return GiftSpec(name, _quantity(quantity, name), storage)


def _quantity(value: object, name: str) -> int:
    text = plain(value) if isinstance(value, str) else value
    if isinstance(text, str) and re.fullmatch(r"-\d+|0+", text):
        raise BadInput("quantity_not_positive", "quantity", item=name, value=int(text))
    return parse_quantity(text, name)


def parse_per(value: object) -> str:
    text = plain(value or "household").lower()
    if text in ("household", "户", "每户", "home"):
        return "household"
    if text in ("person", "people", "人", "每人"):
        return "person"
    raise BadInput("per_invalid", "per", text=str(value))


def parse_flag(value: object) -> str:
    text = plain(value or "").lower().replace("-", "_")
    if text not in FLAGS:
        raise BadInput("recipient_flag_unknown", "to", text=str(value), flags=", ".join(FLAGS))
    return text


def read_address_list(text: str) -> list[tuple[int, str]]:
    """(line number, address) for each line of a list that holds one; blank lines and lines
    starting with # are skipped."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip().lstrip("\ufeff")
        if line and not line.startswith("#"):
            found.append((number, line))
    if len(found) > MAX_LIST_LINES:
        raise BadInput("list_too_long", "to", maximum=MAX_LIST_LINES)
    return found


def _check_gifts(gifts: Sequence[GiftSpec]) -> list[GiftSpec]:
    if not gifts:
        raise BadInput("gifts_none", "item")
    seen, checked = set(), []
    for gift in gifts:
        name = clean_item_name(gift.name)
        if name.casefold() in seen:
            raise BadInput("item_duplicate", "item", item=name)
        seen.add(name.casefold())
        if gift.storage not in STORAGE_CLASSES:
            raise BadInput("storage_invalid", "storage", text=str(gift.storage))
        checked.append(GiftSpec(name, _quantity(gift.per_recipient, name), gift.storage))
    return checked


# ---- who receives -----------------------------------------------------------------------------


def choose_recipients(conn: Connection, to: str = "all", per: str = "household", *,
                      addresses: Sequence[tuple[int, str]] | Sequence[str] = ()) -> Recipients:
    """The households a distribution goes to, in address order; BadInput when nobody is chosen
    or a listed address is not a household of the roster (saying which line)."""
    per = parse_per(per)
    kind = plain(to or "all").lower()
    if kind == "all":
        chosen = list_households(conn, active_only=True)
    elif kind.startswith("flag:"):
        flag = parse_flag(kind.partition(":")[2])
        chosen = [h for h in list_households(conn, active_only=True) if flag in h.flags]
        kind = f"flag:{flag}"
        if not chosen:
            raise BadInput("recipients_none_flag", "to", flag=flag)
    elif kind == "list" or kind.startswith("list:"):
        kind = "list"
        chosen = _from_list(conn, addresses)
    else:
        raise BadInput("recipients_invalid", "to", text=str(to))
    if not chosen:
        raise BadInput("recipients_none", "to")
    return Recipients(kind, per, tuple(chosen))


def _from_list(conn: Connection, addresses: Sequence[tuple[int, str]] | Sequence[str]) -> list[Household]:
    chosen: dict[int, Household] = {}
    for index, entry in enumerate(addresses, start=1):
        number, text = entry if isinstance(entry, tuple) else (index, entry)
        try:
            parse_address(text)
        except BadInput:
            raise BadInput("list_address_invalid", "to", line=number, text=text) from None
        household = find_household(conn, text)
        if household is None:
            raise BadInput("list_address_unknown", "to", line=number, text=text)
        chosen.setdefault(household.id, household)
    return sorted(chosen.values(), key=lambda h: (h.building, h.entrance or 0, h.room))


def count_recipients(conn: Connection, to: str = "all", per: str = "household", *,
                     addresses: Sequence[tuple[int, str]] | Sequence[str] = ()) -> tuple[int, int]:
    """(households, packs) a choice would reach; (0, 0) when it reaches nobody. For a live count."""
    try:
        recipients = choose_recipients(conn, to, per, addresses=addresses)
    except BadInput:
        return 0, 0
    return len(recipients.households), recipients.packs


# ---- writing ----------------------------------------------------------------------------------


def new_distribution(conn: Connection, title: str, donor: str | None, gifts: Sequence[GiftSpec], *,
                     to: str = "all", per: str = "household",
                     addresses: Sequence[tuple[int, str]] | Sequence[str] = (),
                     operator: str = "") -> NewDistribution:
    """Announce a distribution: its items, its donor, and one order per recipient holding what
    that recipient gets. One transaction; nothing is written when anything is wrong."""
    title = clean_title(title)
    gifts = _check_gifts(gifts)
    with transaction(conn):
        recipients = choose_recipients(conn, to, per, addresses=addresses)
        donor_id = (suppliers.supplier_id_for(conn, donor)
                    if donor is not None and str(donor).strip() else None)
        now = utc_now()
        buy_id = rows.insert_buy(
            conn,
            {"title": title, "supplier_id": donor_id, "organiser": operator, "status": ANNOUNCED,
             "source": "table", "kind": "free", "recipients": recipients.to,
             "per": recipients.per},
            station=conn.station, now=now,
        )
        item_ids = [
            insert_item(conn, buy_id, ItemSpec(g.name, 0, g.storage), position, g.per_recipient)
            for position, g in enumerate(gifts)
        ]
        record_status(conn, buy_id, ANNOUNCED, reason="distribution", operator=operator)
        next_id = order_rows.next_order_id(conn)
        orders, lines = [], []
        for offset, household in enumerate(recipients.households):
            order_id = next_id + offset
            orders.append({"id": order_id, "group_buy_id": buy_id, "household_id": household.id,
                           "source": "table", "buyer_name": household.name,
                           "operator": operator, "created_at": now, "updated_at": now})
            times = recipients.multiplier(household)
            lines.extend({"order_id": order_id, "item_id": item_id,
                          "quantity": gift.per_recipient * times}
                         for item_id, gift in zip(item_ids, gifts, strict=True))
        order_rows.insert_orders(conn, orders, station=conn.station)
        order_rows.insert_lines(conn, lines, station=conn.station)
        audit.record(conn, "distribution", summary=f"#{buy_id} {title}", operator=operator or None,
                     changes=[("title", None, title), ("donor", None, str(donor).strip() if donor else None),
                              ("recipients", None, len(recipients.households)),
                              ("gifts", None, "; ".join(f"{g.name} ×{g.per_recipient}" for g in gifts))])
    return NewDistribution(buy_id, len(recipients.households))


# ---- reading ----------------------------------------------------------------------------------


def get_distribution(conn: Connection, distribution_id: int) -> GroupBuy:
    """The distribution; BadInput for an id that is none (a group buy is not a distribution)."""
    try:
        buy = get_buy(conn, distribution_id)
    except BadInput:
        raise BadInput("distribution_unknown", "distribution", id=distribution_id) from None
    if not buy.free:
        raise BadInput("distribution_unknown", "distribution", id=distribution_id)
    return buy


def distribution_details(conn: Connection, distribution_id: int) -> DistributionDetails:
    buy = get_distribution(conn, distribution_id)
    items = tuple(
        GiftTotal(t.item.name, t.item.storage, t.item.per_recipient, t.ordered, t.received)
        for t in item_totals(conn, buy.id)
    )
    lines: dict[int, list[GiftLine]] = {}
    for row in order_rows.select_buy_lines(conn, buy.id):
        if row["cancelled_at"] is None:
            lines.setdefault(row["order_id"], []).append(
                GiftLine(row["item"], row["quantity"], row["allocated"]))
    recipients = tuple(
        Recipient(row["id"], row["household_id"], row["address"], tuple(lines.get(row["id"], ())))
        for row in order_rows.select_orders(conn, buy.id) if row["cancelled_at"] is None
    )
    return DistributionDetails(buy, items, recipients)


def list_distributions(conn: Connection) -> list[DistributionSummary]:
    """Every distribution, newest first, with its recipients and bags still waiting."""
    waiting = bag_rows.select_bags_waiting(conn)
    return [
        DistributionSummary(GroupBuy(**{k: row[k] for k in GroupBuy.__dataclass_fields__}),
                            recipients=row["orders"], bags_waiting=waiting.get(row["id"], 0))
        for row in rows.select_buys(conn) if row["kind"] == "free"
    ]


def on_its_way(summary: DistributionSummary) -> bool:
    """Announced, arrived, or bagged with bags still to hand over."""
    if summary.buy.status in ("confirmed", "arrived"):
        return True
    return summary.buy.status == "bagged" and summary.bags_waiting > 0
