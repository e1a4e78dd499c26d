"""Recording what the supplier delivered, and sharing out a shortfall by a stated rule.

The window shows `preview_arrival` before anything is saved; `record_arrival` saves the same plan
(given the plan the person saw, it saves that one once it checks no order changed meanwhile).
Charges follow what was allocated; refunds owed follow from what each household paid. An item not
named is taken as delivered in full. Recording again (before bags are made) corrects the last one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop import audit
from desktop.buys import payments, suppliers
from desktop.buys.allocation import DEFAULT_POLICY, Claim, allocate, parse_policy
from desktop.buys.group_buys import GroupBuy, get_buy, list_items, record_status, status_words
from desktop.buys.orders import find_item, parse_quantity
from desktop.clock import utc_now
from desktop.db import group_buys as buy_rows
from desktop.db import orders as order_rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.roster.households import VULNERABLE_FLAGS
from desktop.text import plain

ARRIVAL_FROM = frozenset({"open", "closed", "confirmed", "arrived"})
# What one delivery may bring of an item: a whole compound's orders, far beyond one household's.
MAX_RECEIVED = 999_999


@dataclass(frozen=True)
class ItemArrival:
    item_id: int
    name: str
    price_fen: int
    ordered: int
    received: int

    @property
    def short(self) -> int:
        return max(self.ordered - self.received, 0)

    @property
    def left(self) -> int:
        """Stock left over: what arrived beyond what was ordered (kept, shown, given to nobody)."""
        return max(self.received - self.ordered, 0)


@dataclass(frozen=True)
class AllocationLine:
    line_id: int
    order_id: int
    household_id: int | None
    address: str | None
    item_id: int
    item: str
    ordered: int
    allocated: int
    vulnerable: bool


@dataclass(frozen=True)
class ArrivalPlan:
    buy_id: int
    policy: str
    items: tuple[ItemArrival, ...]
    allocations: tuple[AllocationLine, ...]
    money: dict[int, payments.OrderMoney]
    refunds: tuple[payments.Refund, ...]

    @property
    def short(self) -> bool:
        return any(item.short for item in self.items)


def parse_received(value: object, item: str = "") -> int:
    """How many units arrived: 0 or more."""
    if isinstance(value, str):
        value = plain(value)
        if value.lstrip("+") in ("0", "零"):
            return 0
    if value == 0 and not isinstance(value, bool):
        return 0
    try:
        return parse_quantity(value, item, MAX_RECEIVED)
    except BadInput as error:
        if error.code == "quantity_not_positive":
            raise BadInput("received_negative", "received", item=item,
                           value=error.data["value"]) from None
        if error.code == "quantity_too_large":
            raise BadInput("quantity_too_large", "received", item=item, value=error.data["value"],
                           maximum=MAX_RECEIVED) from None
        raise BadInput("received_invalid", "received", item=item, text=str(value)) from None


def _check_status(buy: GroupBuy) -> None:
    if buy.status == "cancelled":
        raise BadInput("arrival_on_cancelled_buy", "buy", title=buy.title)
    if buy.status == "draft":
        raise BadInput("arrival_on_draft", "buy", title=buy.title)
    if buy.status not in ARRIVAL_FROM:
        raise BadInput("arrival_too_late", "buy", title=buy.title,
                           **status_words(buy.status))


def _plan(conn: Connection, buy: GroupBuy,
          received: Mapping[object, object] | Iterable[tuple[object, object]], policy: str) -> ArrivalPlan:
    items = list_items(conn, buy.id)
    pairs = received.items() if isinstance(received, Mapping) else received
    named: dict[int, int] = {}
    for key, value in pairs:
        item = find_item(items, key)
        if item.id in named:
            raise BadInput("item_given_twice", "item", item=item.name)
        named[item.id] = parse_received(value, item.name)

    claims: dict[int, list[Claim]] = {item.id: [] for item in items}
    lines = [row for row in order_rows.select_buy_lines(conn, buy.id) if row["cancelled_at"] is None]
    for row in lines:
        vulnerable = bool(VULNERABLE_FLAGS.intersection(row["flags"].split(";")))
        claims[row["item_id"]].append(
            Claim(key=row["order_id"], quantity=row["quantity"], vulnerable=vulnerable,
                  placed_at=row["created_at"])
        )
    arrivals, shares = [], {}
    for item in items:
        ordered = sum(claim.quantity for claim in claims[item.id])
        got = named.get(item.id, ordered)
        arrivals.append(ItemArrival(item.id, item.name, item.price_fen, ordered, got))
        shares[item.id] = allocate(claims[item.id], got, policy)

    allocations = []
    due: dict[int, int] = {}
    for row in lines:
        given = shares[row["item_id"]][row["order_id"]]
        due[row["order_id"]] = due.get(row["order_id"], 0) + given * row["price_fen"]
        allocations.append(AllocationLine(
            line_id=row["id"], order_id=row["order_id"], household_id=row["household_id"],
            address=row["address"], item_id=row["item_id"], item=row["item"],
            ordered=row["quantity"], allocated=given,
            vulnerable=bool(VULNERABLE_FLAGS.intersection(row["flags"].split(";"))),
        ))
    money = payments.buy_money(conn, buy.id, goods_fen=due)
    addresses = {row["id"]: row["address"] for row in order_rows.select_orders(conn, buy.id)}
    return ArrivalPlan(
        buy_id=buy.id, policy=policy, items=tuple(arrivals), allocations=tuple(allocations),
        money=money, refunds=tuple(payments.refunds_from(money, addresses)),
    )


def preview_arrival(
    conn: Connection, buy_id: int,
    received: Mapping[object, object] | Iterable[tuple[object, object]],
    policy: str | None = DEFAULT_POLICY,
) -> ArrivalPlan:
    """What recording this arrival would allocate and charge, with nothing saved."""
    policy = parse_policy(policy)
    buy = get_buy(conn, buy_id)
    _check_status(buy)
    return _plan(conn, buy, received, policy)


def _still_holds(conn: Connection, buy: GroupBuy, seen: ArrivalPlan,
                 received: Mapping[object, object] | Iterable[tuple[object, object]], policy: str) -> bool:
    """Whether the plan someone saw is still what recording these quantities would do: the same
    quantities and rule, and every order line of the buy as it was."""
    if seen.buy_id != buy.id or seen.policy != policy:
        return False
    items = list_items(conn, buy.id)
    pairs = received.items() if isinstance(received, Mapping) else received
    named = {find_item(items, key).id: parse_received(value) for key, value in pairs}
    shown = {item.item_id: item for item in seen.items}
    if set(shown) != {item.id for item in items} or any(
            named.get(item_id, item.ordered) != item.received for item_id, item in shown.items()):
        return False
    lines = {(row["id"], row["order_id"], row["item_id"], row["quantity"])
             for row in order_rows.select_buy_lines(conn, buy.id) if row["cancelled_at"] is None}
    return lines == {(a.line_id, a.order_id, a.item_id, a.ordered) for a in seen.allocations}


def record_arrival(
    conn: Connection, buy_id: int,
    received: Mapping[object, object] | Iterable[tuple[object, object]],
    policy: str | None = DEFAULT_POLICY, *, operator: str = "", seen: ArrivalPlan | None = None,
) -> ArrivalPlan:
    """Save what arrived and its allocation; the buy becomes arrived and ordering ends. With
    `seen`, the preview someone looked at, that plan is saved as it is, unless an order changed
    since (then nothing is saved: `arrival_changed_since_preview`)."""
    policy = parse_policy(policy)
    with transaction(conn):
        buy = get_buy(conn, buy_id)
        _check_status(buy)
        if seen is None:
            plan = _plan(conn, buy, received, policy)
        elif _still_holds(conn, buy, seen, received, policy):
            plan = seen
        else:
            raise BadInput("arrival_changed_since_preview", "buy", title=buy.title)
        now = utc_now()
        buy_rows.insert_arrivals(
            conn,
            ({"group_buy_id": buy_id, "item_id": item.item_id, "received": item.received,
              "policy": policy, "operator": operator} for item in plan.items),
            station=conn.station, now=now,
        )
        order_rows.set_allocations(conn, ((a.line_id, a.allocated) for a in plan.allocations))
        _audit_arrival(conn, buy, plan, operator)
        if buy.status != "arrived":
            record_status(conn, buy_id, "arrived", reason="arrival", operator=operator)
        if buy.supplier_id is not None:
            short = [item for item in plan.items if item.short]
            note = "; ".join(f"{item.name} {item.received}/{item.ordered}" for item in short)
            suppliers.note_event(conn, buy.supplier_id,
                                 "delivered_short" if short else "delivered",
                                 buy_id=buy_id, note=note, operator=operator)
    return plan


def _audit_arrival(conn: Connection, buy: GroupBuy, plan: ArrivalPlan, operator: str) -> None:
    """What arrived, as one line; and each household that gets less than it ordered, as its own."""
    title = f"#{buy.id} {buy.title}"
    audit.record(conn, "arrival", summary=title, operator=operator or None,
                 changes=[(item.name, item.ordered, item.received) for item in plan.items])
    short: dict[int, list] = {}
    for a in plan.allocations:
        if a.household_id is not None and a.allocated != a.ordered:
            short.setdefault(a.household_id, []).append((a.item, a.ordered, a.allocated))
    for household_id, changes in short.items():
        audit.record(conn, "allocation", household_id=household_id, summary=title, changes=changes,
                     operator=operator or None)
