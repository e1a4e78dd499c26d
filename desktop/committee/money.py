"""The money of every group buy and of the whole compound, each figure with the ledger rows
behind it.

Every sum is the buys' own (`desktop.buys.payments`): collected is what came in, refunded what was
paid back (negative payments), refunds owed what households paid beyond what they are due. A buy
the supplier confirmed costs what its households are due (the goods at their prices); until the
buy is settled that sum is owed to the supplier. The balance is what the compound holds once
every refund owed is paid back and every supplier paid:
collected − refunded − refunds owed − the cost of every confirmed buy (settled or not).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.buys import payments
from desktop.buys.group_buys import get_buy, list_buys
from desktop.db import orders as order_rows
from desktop.db.connection import Connection

# A buy the supplier has confirmed: its goods are owed for.
CONFIRMED = ("confirmed", "arrived", "bagged", "distributed", "settled")
# ... and still unpaid until the buy is settled.
SUPPLIER_UNPAID = CONFIRMED[:-1]
FIGURES = ("collected", "refunded", "refunds_owed", "owed_to_suppliers", "balance")


@dataclass(frozen=True)
class LedgerLine:
    """One payment row (a refund paid out is negative), with its buy and household."""

    payment_id: int
    buy_id: int
    buy: str
    order_id: int
    address: str | None
    amount_fen: int
    method: str
    reference: str
    operator: str
    at: str

    def as_json(self) -> dict:
        return {"payment_id": self.payment_id, "buy_id": self.buy_id, "buy": self.buy,
                "order_id": self.order_id, "address": self.address,
                "amount_fen": self.amount_fen, "method": self.method,
                "reference": self.reference, "at": self.at}


@dataclass(frozen=True)
class RefundOwed:
    buy_id: int
    buy: str
    address: str | None
    amount_fen: int
    order_ids: tuple[int, ...]

    def as_json(self) -> dict:
        return {"buy_id": self.buy_id, "buy": self.buy, "address": self.address,
                "amount_fen": self.amount_fen, "order_ids": list(self.order_ids)}


@dataclass(frozen=True)
class BuyMoney:
    """One buy's figures."""

    buy_id: int
    title: str
    status: str
    supplier: str
    collected_by_method: dict[str, int]
    collected_fen: int
    refunded_fen: int
    refunds_owed_fen: int
    cost_fen: int  # what the goods cost, once the supplier confirmed
    owed_to_supplier_fen: int

    @property
    def balance_fen(self) -> int:
        return self.collected_fen - self.refunded_fen - self.refunds_owed_fen - self.cost_fen

    def as_json(self) -> dict:
        return {"buy_id": self.buy_id, "title": self.title, "status": self.status,
                "supplier": self.supplier, "collected_by_method": self.collected_by_method,
                "collected_fen": self.collected_fen, "refunded_fen": self.refunded_fen,
                "refunds_owed_fen": self.refunds_owed_fen, "cost_fen": self.cost_fen,
                "owed_to_suppliers_fen": self.owed_to_supplier_fen,
                "balance_fen": self.balance_fen}


@dataclass(frozen=True)
class MoneyReport:
    buys: tuple[BuyMoney, ...]
    ledger: tuple[LedgerLine, ...] = field(repr=False)
    refunds: tuple[RefundOwed, ...] = field(repr=False)

    def _sum(self, name: str) -> int:
        return sum(getattr(b, name) for b in self.buys)

    @property
    def collected_fen(self) -> int:
        return self._sum("collected_fen")

    @property
    def refunded_fen(self) -> int:
        return self._sum("refunded_fen")

    @property
    def refunds_owed_fen(self) -> int:
        return self._sum("refunds_owed_fen")

    @property
    def owed_to_suppliers_fen(self) -> int:
        return self._sum("owed_to_supplier_fen")

    @property
    def balance_fen(self) -> int:
        return self._sum("balance_fen")

    @property
    def collected_by_method(self) -> dict[str, int]:
        methods: dict[str, int] = {}
        for buy in self.buys:
            for method, amount in buy.collected_by_method.items():
                methods[method] = methods.get(method, 0) + amount
        return methods

    def figure(self, name: str) -> int:
        return getattr(self, f"{name}_fen")

    def rows_behind(self, name: str) -> list:
        """The rows a figure adds up: ledger lines, refunds owed, or buys owed to suppliers."""
        if name == "collected":
            return [line for line in self.ledger if line.amount_fen > 0]
        if name == "refunded":
            return [line for line in self.ledger if line.amount_fen < 0]
        if name == "refunds_owed":
            return list(self.refunds)
        if name == "owed_to_suppliers":
            return [b for b in self.buys if b.owed_to_supplier_fen]
        if name == "balance":
            return list(self.buys)
        raise ValueError(name)

    def as_json(self) -> dict:
        return {"collected_fen": self.collected_fen, "collected_by_method": self.collected_by_method,
                "refunded_fen": self.refunded_fen, "refunds_owed_fen": self.refunds_owed_fen,
                "owed_to_suppliers_fen": self.owed_to_suppliers_fen,
                "balance_fen": self.balance_fen,
                "buys": [b.as_json() for b in self.buys],
                "refunds_owed": [r.as_json() for r in self.refunds]}


def _one_buy(conn: Connection, buy) -> tuple[BuyMoney, list[LedgerLine], list[RefundOwed]]:
    addresses = {row["id"]: row["address"] for row in order_rows.select_orders(conn, buy.id)}
    totals = payments.buy_totals(conn, buy.id)
    ledger = [LedgerLine(p.id, buy.id, buy.title, p.order_id, addresses.get(p.order_id),
                         p.amount_fen, p.method, p.reference, p.operator, p.at)
              for p in payments.list_payments(conn, buy_id=buy.id)]
    methods: dict[str, int] = {}
    for line in ledger:
        if line.amount_fen > 0:
            methods[line.method] = methods.get(line.method, 0) + line.amount_fen
    refunds = [RefundOwed(buy.id, buy.title, r.address, r.amount_fen, r.order_ids)
               for r in payments.refunds_owed(conn, buy.id)]
    cost = totals.due_fen if buy.status in CONFIRMED else 0
    money = BuyMoney(buy.id, buy.title, buy.status, buy.supplier, methods, totals.collected_fen,
                     totals.refunded_fen, totals.refunds_owed_fen, cost,
                     cost if buy.status in SUPPLIER_UNPAID else 0)
    return money, ledger, refunds


def money_report(conn: Connection, buy_id: int | None = None) -> MoneyReport:
    """Every buy's money (or one buy's), with the ledger rows and refunds owed behind it."""
    # A free distribution takes and owes no money: the overall report leaves it out.
    buys = ([get_buy(conn, buy_id)] if buy_id is not None
            else [s.buy for s in list_buys(conn) if not s.buy.free])
    report_buys, ledger, refunds = [], [], []
    for buy in buys:
        money, lines, owed = _one_buy(conn, buy)
        report_buys.append(money)
        ledger.extend(lines)
        refunds.extend(owed)
    ledger.sort(key=lambda line: (line.at, line.payment_id))
    return MoneyReport(tuple(report_buys), tuple(ledger), tuple(refunds))
