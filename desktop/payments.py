"""The money of a group buy: an append-only payment ledger, and what each order owes or is owed.

Due is what was allocated (or, before an arrival, ordered) at the item's price; nothing for a
cancelled order or buy. A refund is a negative payment, never an edit.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from desktop.clock import utc_now
from desktop.db import group_buys as buy_rows
from desktop.db import orders as rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.money import MAX_PAYMENT_FEN, format_fen

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

    @property
    def refund_due_fen(self) -> int:
        return max(self.paid_fen - self.due_fen, 0)

    @property
    def owing_fen(self) -> int:
        """What the household still has to pay."""
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


def _money(row: sqlite3.Row) -> OrderMoney:
    return OrderMoney(row["order_id"], row["household_id"], row["due_fen"], row["paid_fen"])


def order_money(conn: Connection, order_id: int) -> OrderMoney:
    order = rows.select_order(conn, order_id)
    if order is None:
        raise BadInput("order_unknown", "order", id=order_id)
    return _money(rows.select_money(conn, order["group_buy_id"], order_id)[0])


def buy_money(conn: Connection, buy_id: int) -> dict[int, OrderMoney]:
    """Each order's money in a buy, by order id."""
    return {row["order_id"]: _money(row) for row in rows.select_money(conn, buy_id)}


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
    """Refunds owed, one per household (orders with no household each on their own)."""
    by_household: dict[object, list[OrderMoney]] = {}
    for order in money.values():
        if order.refund_due_fen <= 0:
            continue
        key = order.household_id if order.household_id is not None else ("order", order.order_id)
        by_household.setdefault(key, []).append(order)
    refunds = [
        Refund(
            household_id=orders[0].household_id,
            address=addresses.get(orders[0].order_id),
            amount_fen=sum(o.refund_due_fen for o in orders),
            order_ids=tuple(sorted(o.order_id for o in orders)),
        )
        for orders in by_household.values()
    ]
    refunds.sort(key=lambda r: (r.address is None, _address_key(r.address), r.order_ids))
    return refunds


def _address_key(address: str | None) -> tuple[int, ...]:
    if not address:
        return ()
    parts = [int(p) for p in address.split("-")]
    return (parts[0], 0, parts[1]) if len(parts) == 2 else (parts[0], 1, *parts[1:])


def refunds_owed(conn: Connection, buy_id: int) -> list[Refund]:
    addresses = {row["id"]: row["address"] for row in rows.select_orders(conn, buy_id)}
    return refunds_from(buy_money(conn, buy_id), addresses)


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
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int):
        raise BadInput("payment_invalid", "amount", text=str(amount_fen))
    if amount_fen == 0:
        raise BadInput("payment_zero", "amount")
    if abs(amount_fen) > MAX_PAYMENT_FEN:
        raise BadInput("payment_too_large", "amount", amount=format_fen(amount_fen))
    if method not in METHODS:
        raise BadInput("payment_method_invalid", "method", text=str(method),
                       methods=", ".join(HAND_METHODS))
    reference = (reference or "").strip()[:MAX_REFERENCE]
    with transaction(conn):
        order = rows.select_order(conn, order_id)
        if order is None:
            raise BadInput("order_unknown", "order", id=order_id)
        buy = buy_rows.select_buy(conn, order["group_buy_id"])
        if amount_fen > 0 and buy["status"] == "cancelled":
            raise BadInput("payment_on_cancelled_buy", "amount", title=buy["title"])
        if amount_fen > 0 and order["cancelled_at"] is not None:
            raise BadInput("payment_on_cancelled_order", "amount", id=order_id)
        if amount_fen < 0:
            paid = rows.select_money(conn, buy["id"], order_id)[0]["paid_fen"]
            if -amount_fen > paid:
                raise BadInput("refund_more_than_paid", "amount", amount=format_fen(-amount_fen),
                               paid=format_fen(paid))
        return rows.insert_payment(
            conn,
            {"order_id": order_id, "amount_fen": amount_fen, "method": method,
             "reference": reference, "operator": operator},
            station=conn.station, now=utc_now(),
        )
