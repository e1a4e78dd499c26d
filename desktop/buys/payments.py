"""The money of a group buy: an append-only payment ledger, and what each order owes or is owed.

Due is what was allocated (or, before an arrival, ordered) at the item's price, plus the buy's
delivery fee (per order, or once per household on its first order); nothing for a cancelled order
or buy, nor for an order that gets nothing. `buy_money` is the one place that adds it up. A refund
is a negative payment, never an edit. A free distribution owes nothing and takes no payment.

A household may hold several orders in one buy (one per platform order, and one taken at the
table). Its money is settled over all of them: what it still owes or is owed back is its total
paid against its total due, shared out over the orders that are short or over, so no household is
shown a refund owed on one order and the same sum unpaid on another.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop import audit
from desktop.clock import utc_now
from desktop.db import group_buys as buy_rows
from desktop.db import orders as rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.money import MAX_PAYMENT_FEN, format_fen
from desktop.roster.address import address_key

METHODS = ("wechat", "alipay", "cash", "other", "platform")
# Methods a person records by hand; `platform` comes only from imports (paid on KuaiTuanTuan).
HAND_METHODS = METHODS[:4]
MAX_REFERENCE = 100


@dataclass(frozen=True)
class OrderMoney:
    order_id: int
    household_id: int | None
    due_fen: int
    paid_fen: int
    # This order's share of what its household, over all its orders in the buy, is owed back or
    # still owes; None when the order was not settled with others (then its own balance counts).
    refund_share_fen: int | None = None
    owing_share_fen: int | None = None
    # The delivery fee inside `due_fen`.
    fee_fen: int = 0

    @property
    def refund_due_fen(self) -> int:
        if self.refund_share_fen is not None:
            return self.refund_share_fen
        return max(self.paid_fen - self.due_fen, 0)

    @property
    def owing_fen(self) -> int:
        """What the household still has to pay on this order."""
        if self.owing_share_fen is not None:
            return self.owing_share_fen
        return max(self.due_fen - self.paid_fen, 0)


@dataclass(frozen=True)
class HouseholdMoney:
    """One household's money in one buy, over all its orders (an order with no household alone)."""

    household_id: int | None
    address: str | None
    due_fen: int
    paid_fen: int
    order_ids: tuple[int, ...]

    @property
    def refund_due_fen(self) -> int:
        return max(self.paid_fen - self.due_fen, 0)

    @property
    def owing_fen(self) -> int:
        return max(self.due_fen - self.paid_fen, 0)


@dataclass(frozen=True)
class Payment:
    id: int
    uuid: str
    station: str
    order_id: int
    amount_fen: int
    method: str
    reference: str
    operator: str
    at: str


@dataclass(frozen=True)
class Refund:
    """What one household is owed back (an order with no household is listed on its own)."""

    household_id: int | None
    address: str | None
    amount_fen: int
    order_ids: tuple[int, ...]


@dataclass(frozen=True)
class BuyMoney:
    collected_fen: int
    refunded_fen: int
    due_fen: int
    refunds_owed_fen: int
    owing_fen: int


def _household_key(order: OrderMoney) -> object:
    return order.household_id if order.household_id is not None else ("order", order.order_id)


def settle_by_household(money: dict[int, OrderMoney]) -> dict[int, OrderMoney]:
    """The same orders with each household's balance shared over its orders: a refund owed only
    where the household as a whole paid more than is due, owing only where it paid less."""
    groups: dict[object, list[OrderMoney]] = {}
    for order in money.values():
        groups.setdefault(_household_key(order), []).append(order)
    settled: dict[int, OrderMoney] = {}
    for orders in groups.values():
        orders.sort(key=lambda o: o.order_id)
        net = sum(o.paid_fen - o.due_fen for o in orders)
        refund_left, owing_left = max(net, 0), max(-net, 0)
        for order in orders:
            own = order.paid_fen - order.due_fen
            refund = min(max(own, 0), refund_left)
            owing = min(max(-own, 0), owing_left)
            refund_left -= refund
            owing_left -= owing
            settled[order.order_id] = OrderMoney(order.order_id, order.household_id,
                                                 order.due_fen, order.paid_fen, refund, owing,
                                                 order.fee_fen)
    return {order_id: settled[order_id] for order_id in money}


def order_money(conn: Connection, order_id: int) -> OrderMoney:
    """One order's money, settled with the household's other orders in the same buy."""
    order = rows.select_order(conn, order_id)
    if order is None:
        raise BadInput("order_unknown", "order", id=order_id)
    return buy_money(conn, order["group_buy_id"])[order_id]


def with_fees(goods_fen: dict[int, int], households: dict[int, int | None], fee_fen: int,
              fee_per: str) -> dict[int, int]:
    """What each order is due: its goods plus the delivery fee. An order due nothing for its goods
    (cancelled, or nothing allocated) pays no fee; `household` charges a household's fee once, on
    its first order that pays one."""
    due = dict(goods_fen)
    if fee_fen <= 0:
        return due
    charged: set[object] = set()
    for order_id in sorted(due):
        if goods_fen[order_id] <= 0:
            continue
        household = households.get(order_id)
        key = ("order", order_id) if fee_per != "household" or household is None else household
        if key in charged:
            continue
        charged.add(key)
        due[order_id] += fee_fen
    return due


def buy_money(conn: Connection, buy_id: int,
              goods_fen: dict[int, int] | None = None) -> dict[int, OrderMoney]:
    """Each order's money in a buy, by order id, settled per household. `goods_fen` replaces what
    each order's goods are due (an arrival's preview), the fee still added here."""
    money_rows = rows.select_money(conn, buy_id)
    buy = buy_rows.select_buy(conn, buy_id)
    goods = {row["order_id"]: row["due_fen"] for row in money_rows}
    if goods_fen is not None:
        goods = {order_id: goods_fen.get(order_id, 0) for order_id in goods}
    households = {row["order_id"]: row["household_id"] for row in money_rows}
    due = with_fees(goods, households, buy["fee_fen"] if buy else 0,
                    buy["fee_per"] if buy else "order")
    return settle_by_household({
        row["order_id"]: OrderMoney(row["order_id"], row["household_id"], due[row["order_id"]],
                                    row["paid_fen"],
                                    fee_fen=due[row["order_id"]] - goods[row["order_id"]])
        for row in money_rows
    })


def households_from(money: dict[int, OrderMoney],
                    addresses: dict[int, str | None]) -> list[HouseholdMoney]:
    """Money per household (each order with no household on its own), in address order."""
    groups: dict[object, list[OrderMoney]] = {}
    for order in money.values():
        groups.setdefault(_household_key(order), []).append(order)
    households = [
        HouseholdMoney(
            household_id=orders[0].household_id,
            address=addresses.get(orders[0].order_id),
            due_fen=sum(o.due_fen for o in orders),
            paid_fen=sum(o.paid_fen for o in orders),
            order_ids=tuple(sorted(o.order_id for o in orders)),
        )
        for orders in groups.values()
    ]
    households.sort(key=lambda h: (address_key(h.address), h.order_ids))
    return households


def household_money(conn: Connection, buy_id: int) -> list[HouseholdMoney]:
    addresses = {row["id"]: row["address"] for row in rows.select_orders(conn, buy_id)}
    return households_from(buy_money(conn, buy_id), addresses)


def buy_totals(conn: Connection, buy_id: int) -> BuyMoney:
    money = buy_money(conn, buy_id)
    collected = refunded = 0
    for payment in rows.select_payments(conn, buy_id=buy_id):
        if payment["amount_fen"] > 0:
            collected += payment["amount_fen"]
        else:
            refunded -= payment["amount_fen"]
    return BuyMoney(
        collected_fen=collected,
        refunded_fen=refunded,
        due_fen=sum(m.due_fen for m in money.values()),
        refunds_owed_fen=sum(m.refund_due_fen for m in money.values()),
        owing_fen=sum(m.owing_fen for m in money.values()),
    )


def list_payments(conn: Connection, *, order_id: int | None = None,
                  buy_id: int | None = None) -> list[Payment]:
    return [Payment(**{k: r[k] for k in r.keys()})
            for r in rows.select_payments(conn, order_id=order_id, buy_id=buy_id)]


def refunds_from(money: dict[int, OrderMoney], addresses: dict[int, str | None]) -> list[Refund]:
    """Refunds owed, one per household over all its orders (orders with no household each on
    their own): a household is owed back only what it paid beyond what all its orders are due."""
    settled = settle_by_household(money)
    refunds = []
    for household in households_from(settled, addresses):
        if household.refund_due_fen > 0:
            refunds.append(Refund(
                household_id=household.household_id, address=household.address,
                amount_fen=household.refund_due_fen,
                order_ids=tuple(i for i in household.order_ids if settled[i].refund_due_fen > 0),
            ))
    return refunds


def refunds_owed(conn: Connection, buy_id: int) -> list[Refund]:
    addresses = {row["id"]: row["address"] for row in rows.select_orders(conn, buy_id)}
    return refunds_from(buy_money(conn, buy_id), addresses)


def _check_amount(amount_fen: object) -> None:
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int):
        raise BadInput("payment_invalid", "amount", text=str(amount_fen))
    if amount_fen == 0:
        raise BadInput("payment_zero", "amount")
    if abs(amount_fen) > MAX_PAYMENT_FEN:
        raise BadInput("payment_too_large", "amount", amount=format_fen(amount_fen))


def _check_against(amount_fen: int, cancelled: bool, paid_fen: int, name: object) -> None:
    """The rules of the ledger for one order: no money taken for a cancelled order, no refund
    beyond what it has paid. `name` is how the sentence names the order."""
    if amount_fen > 0 and cancelled:
        raise BadInput("payment_on_cancelled_order", "amount", id=name)
    if amount_fen < 0 and -amount_fen > paid_fen:
        raise BadInput("refund_more_than_paid", "amount", amount=format_fen(-amount_fen),
                       paid=format_fen(paid_fen))


def record_payment(
    conn: Connection,
    order_id: int,
    amount_fen: int,
    method: str,
    *,
    reference: str = "",
    operator: str = "",
) -> int:
    """Append a payment (a negative amount is a refund paid out). Returns the payment's id."""
    _check_amount(amount_fen)
    if method not in METHODS:
        raise BadInput("payment_method_invalid", "method", text=str(method),
                       methods=", ".join(HAND_METHODS))
    reference = (reference or "").strip()[:MAX_REFERENCE]
    with transaction(conn):
        order = rows.select_order(conn, order_id)
        if order is None:
            raise BadInput("order_unknown", "order", id=order_id)
        buy = buy_rows.select_buy(conn, order["group_buy_id"])
        if buy["kind"] == "free":
            raise BadInput("payment_on_free", "amount", title=buy["title"])
        if amount_fen > 0 and buy["status"] == "cancelled":
            raise BadInput("payment_on_cancelled_buy", "amount", title=buy["title"])
        paid = rows.select_money(conn, buy["id"], order_id)[0]["paid_fen"] if amount_fen < 0 else 0
        _check_against(amount_fen, order["cancelled_at"] is not None, paid, order_id)
        payment_id = rows.insert_payment(
            conn,
            {"order_id": order_id, "amount_fen": amount_fen, "method": method,
             "reference": reference, "operator": operator},
            station=conn.station, now=utc_now(),
        )
        audit.record(conn, "payment", household_id=order["household_id"],
                     summary=f"#{buy['id']} {buy['title']}",  # the amount and method are changes, named
                     changes=[("amount_fen", None, amount_fen), ("method", None, method)]
                     + ([("reference", None, reference)] if reference else []),
                     operator=operator or None)
        return payment_id


@dataclass(frozen=True)
class PlatformPayment:
    """Money paid (or, negative, refunded) on a platform for one order, as an import finds it."""

    order_id: int
    amount_fen: int
    reference: str
    name: object  # how a sentence names the order: its number on the platform


def record_platform_many(conn: Connection, buy_id: int, payments: list[PlatformPayment], *,
                         operator: str = "") -> None:
    """Append many platform payments to one buy's orders, inside the caller's transaction, each
    under the rules of `record_payment`; the first that breaks one refuses them all. One read
    and one write however many there are: an import of 20,000 rows keeps its second."""
    if not payments:
        return
    buy = buy_rows.select_buy(conn, buy_id)
    ledger = {row["id"]: row for row in rows.select_paid(conn, buy_id)}
    paid = {order_id: row["paid_fen"] for order_id, row in ledger.items()}
    for payment in payments:
        _check_amount(payment.amount_fen)
        order = ledger.get(payment.order_id)
        if order is None:
            raise BadInput("order_unknown", "order", id=payment.name)
        if payment.amount_fen > 0 and buy["status"] == "cancelled":
            raise BadInput("payment_on_cancelled_buy", "amount", title=buy["title"])
        _check_against(payment.amount_fen, order["cancelled_at"] is not None,
                       paid[payment.order_id], payment.name)
        paid[payment.order_id] += payment.amount_fen
    rows.insert_payments(
        conn,
        ({"order_id": p.order_id, "amount_fen": p.amount_fen, "method": "platform",
          "reference": p.reference[:MAX_REFERENCE], "operator": operator} for p in payments),
        station=conn.station, now=utc_now(),
    )
