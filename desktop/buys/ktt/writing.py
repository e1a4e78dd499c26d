"""Saving a read export as one group buy, in one transaction: the buy and its items, the
households to add, and the orders and their platform payments through the order and payment
services' bulk doors, so the rules of an order taken at the table hold for imported ones too."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import desktop.buys.ktt.placing as placing
from desktop import audit
from desktop.buys import orders as order_service
from desktop.buys import payments as payment_service
from desktop.buys.group_buys import ItemSpec, get_buy, insert_item, list_items, status_words
from desktop.buys.ktt.placing import (
    NewHousehold,
    address_of,
    find_place,
    lookups,
    phone_of,
)
from desktop.buys.ktt.reading import (
    KttExport,
    KttOrder,
    Progress,
    ShouldCancel,
    order_fee,
    read_export,
)
from desktop.buys.suppliers import supplier_id_for
from desktop.clock import utc_now
from desktop.db import group_buys as buy_rows
from desktop.db import households as household_rows
from desktop.db import orders as order_rows
from desktop.db.connection import Connection, refuse_own_file, transaction
from desktop.errors import BadInput, Cancelled
from desktop.money import fen_from_cell, format_fen
from desktop.notices import Notice, notice
from desktop.safekeeping.backups import backup_before_import
from desktop.text import clean

_CHANGEABLE = frozenset({"draft", "open", "closed", "confirmed"})


@dataclass(frozen=True)
class ImportedItem:
    name: str
    unit_price_fen: int
    quantity: int
    storage: str = "ambient"


@dataclass(frozen=True)
class KttImportResult:
    buy_id: int
    title: str
    created_buy: bool
    orders: int
    added: int
    updated: int
    unchanged: int
    households_matched: int
    households_created: int
    items: tuple[ImportedItem, ...]
    warnings: tuple[Notice, ...]
    organiser: str = ""
    supplier: str | None = None
    new_households: tuple[NewHousehold, ...] = ()
    fee_fen: int = 0  # the buy's delivery fee per order (from the export's 运费)


def _who(buyer: str, phone: str) -> str:
    return buyer or phone


def _find_buy(conn: Connection, export: KttExport, key: str) -> tuple[int | None, str]:
    """The buy an earlier import of this 团 made, and the key a new buy would get.

    The same title and 团长 usually mean the same 团, but organisers reuse titles every week, so a
    buy whose 跟团号 belong to other buyers is another 团. A renamed file of the same 团 is found by
    its 跟团号 and buyers.
    """
    mine = {o.ref: _who(o.text("buyer")[:60], phone_of(o)) for o in export.orders}
    known: dict[int, dict[str, str]] = {}
    for row in order_rows.select_platform_orders(conn, "ktt"):
        known.setdefault(row["group_buy_id"], {})[row["external_ref"]] = _who(
            row["buyer_name"], row["phone"])
    same_key = buy_rows.select_buys_by_key(conn, "ktt", key)

    def fit(buy_id: int) -> tuple[int, int]:
        orders = known.get(buy_id, {})
        shared = sum(1 for ref, who in mine.items() if orders.get(ref) == who)
        conflicts = sum(1 for ref, who in mine.items() if ref in orders and orders[ref] != who)
        return shared, conflicts

    best, best_shared = None, -1
    for buy_id in same_key:
        shared, conflicts = fit(buy_id)
        if conflicts == 0 and shared > best_shared:
            best, best_shared = buy_id, shared
    if best is not None:
        return best, same_key[best]
    for buy_id in known:
        shared, conflicts = fit(buy_id)
        if conflicts == 0 and shared * 2 >= len(mine) and shared > best_shared:
            best, best_shared = buy_id, shared
    if best is not None:
        return best, ""
    taken = set(same_key.values())
    new_key, number = key, 1
    while new_key in taken:
        number += 1
        new_key = f"{key}#{number}"
    return None, new_key


def import_export(
    conn: Connection, path: str | Path, *, operator: str = "", supplier: str | None = None,
    storage: dict[str, str] | None = None, create_households: bool = True,
    progress: Progress | None = None, should_cancel: ShouldCancel | None = None,
) -> KttImportResult:
    """Import an export as one group buy. Bad files raise BadInput before anything is written."""
    refuse_own_file(conn, path)
    export = read_export(path, progress=progress, should_cancel=should_cancel)
    return save_export(conn, export, operator=operator, supplier=supplier, storage=storage,
                       create_households=create_households, progress=progress,
                       should_cancel=should_cancel)


def save_export(
    conn: Connection, export: KttExport, *, operator: str = "", supplier: str | None = None,
    storage: dict[str, str] | None = None, create_households: bool = True,
    progress: Progress | None = None, should_cancel: ShouldCancel | None = None,
) -> KttImportResult:
    """Write an export read by `read_export`: one transaction, all of it or nothing.

    `supplier` names who sells (the 团长 is only the organiser); `storage` changes the guessed
    storage class of items by name; `create_households` False leaves new addresses unplaced."""
    storage = dict(storage or {})
    unknown = [name for name in storage if name not in export.items]
    if unknown:
        raise BadInput("storage_item_unknown", "storage", item=unknown[0],
                       items="、".join(export.items))
    supplier = clean(supplier, 60)
    if create_households:  # refuse what is too large before the backup and the transaction
        by_address = {row["address"] for row in household_rows.select_all(conn)}
        count = len({address for address in map(address_of, export.orders)
                     if address is not None and address not in by_address})
        if count > placing.MAX_NEW_HOUSEHOLDS:
            raise BadInput("ktt_too_many_households", "file", count=count,
                           limit=placing.MAX_NEW_HOUSEHOLDS)
    warnings = list(export.warnings)
    if not export.has_amounts:
        warnings.append(notice("ktt_no_amounts"))
    key = f"{export.title}|{export.leader}"
    now = utc_now()
    backup_before_import(conn)
    with transaction(conn):
        buy_id, key = _find_buy(conn, export, key)
        created_buy = buy_id is None
        if buy_id is None:
            supplier_id = supplier_id_for(conn, supplier) if supplier else None
            if supplier_id is None:
                warnings.append(notice("ktt_supplier_unknown"))
            buy_id = buy_rows.insert_buy(
                conn,
                {"title": export.title, "supplier_id": supplier_id,
                 "organiser": export.leader or operator,
                 "status": "open", "minimum": export.minimum, "source": "ktt",
                 "external_ref": key, "fee_fen": export.fee_fen, "fee_per": "order"},
                station=conn.station, now=now,
            )
            buy_rows.insert_status_event(
                conn, {"group_buy_id": buy_id, "status": "open", "reason": "KuaiTuanTuan import",
                       "operator": operator},
                station=conn.station, now=now,
            )
        buy = get_buy(conn, buy_id)
        if not created_buy and export.fee_fen and not buy.fee_fen and buy.status in _CHANGEABLE:
            buy_rows.set_fee(conn, buy_id, export.fee_fen, "order", now=now)
            buy = get_buy(conn, buy_id)
        if not created_buy and buy.supplier_id is None:
            if supplier:
                buy_rows.set_supplier(conn, buy_id, supplier_id_for(conn, supplier), now=now)
                buy = get_buy(conn, buy_id)
            else:
                warnings.append(notice("ktt_supplier_unknown"))
        items = {item.name: item for item in list_items(conn, buy_id)}
        for name, found in export.items.items():
            if name not in items:
                if buy.status not in _CHANGEABLE:
                    continue
                spec = ItemSpec(name=name, price_fen=found.price_fen,
                                storage=storage.get(name, found.storage), pack_size=found.spec[:40])
                insert_item(conn, buy_id, spec, len(items))
                items = {item.name: item for item in list_items(conn, buy_id)}
            elif items[name].price_fen != found.price_fen:
                warnings.append(notice("ktt_price_differs", item=name,
                                       kept=format_fen(items[name].price_fen),
                                       file=format_fen(found.price_fen)))

        by_address, by_phone = lookups(conn)
        existing = {row["external_ref"]: row
                    for row in order_rows.select_orders_by_ref(conn, buy_id, "ktt")}
        money = {row["order_id"]: row for row in order_rows.select_money(conn, buy_id)}

        batch = _Batch(now, export.has_amounts)
        counts = Counter()
        matched: set[int] = set()
        created: set[int] = set()
        new_households: list[NewHousehold] = []
        total = len(export.orders)
        for done, order in enumerate(export.orders, 1):
            if done % 200 == 0:
                if should_cancel and should_cancel():
                    raise Cancelled()
                if progress:
                    progress(done, total)
            place = find_place(order, by_address, by_phone, warnings, create_households)
            household_id = place.household_id
            if place.values is not None:
                household_id = household_rows.insert(conn, place.values, station=conn.station,
                                                     now=now)
                by_address[place.address] = household_id
                created.add(household_id)
                new_households.append(NewHousehold(place.address, place.values["name"],
                                                   place.values["phone"]))
            elif household_id is not None and household_id not in created:
                matched.add(household_id)
            outcome = _save_order(conn, buy, items, order, household_id, existing.get(order.ref),
                                  money, warnings, batch)
            counts[outcome] += 1
        batch.write(conn, buy, operator)
        audit.record(conn, "buy_import", summary=f"#{buy_id} {buy.title} · KuaiTuanTuan",
                     operator=operator or None, changes=[
                         ("orders_added", None, counts["added"]), ("orders_updated", None, counts["updated"]),
                         ("households_created", None, len(created))])
        ordering = {amount[0] for amount in batch.amounts}
        warnings.extend(_fee_warnings(export, buy))
        warnings.extend(_amount_warnings(
            _with_fees(batch.amounts, buy),
            {v: k for k, v in by_address.items() if v in ordering}))
        _check_caps(conn, buy_id, items, warnings)
        file_refs = {order.ref for order in export.orders}
        for ref, row in existing.items():
            if ref not in file_refs and row["cancelled_at"] is None:
                warnings.append(notice("ktt_order_not_in_file", ref=ref))
        totals = Counter()
        for found in export.items.values():
            totals[found.name] += found.quantity
        if progress:
            progress(total, total)
    return KttImportResult(
        buy_id=buy_id, title=buy.title, created_buy=created_buy, orders=total,
        added=counts["added"], updated=counts["updated"], unchanged=counts["unchanged"],
        households_matched=len(matched), households_created=len(created),
        items=tuple(ImportedItem(name, items[name].price_fen if name in items else found.price_fen,
                                 totals[name],
                                 items[name].storage if name in items else found.storage)
                    for name, found in export.items.items()),
        warnings=tuple(warnings), organiser=buy.organiser, supplier=buy.supplier or None,
        new_households=tuple(new_households), fee_fen=buy.fee_fen,
    )


def _target_lines(order: KttOrder, items: dict) -> dict[int, int]:
    lines: dict[int, int] = {}
    for line in order.lines:
        if line.item in items:
            item_id = items[line.item].id
            lines[item_id] = lines.get(item_id, 0) + line.quantity
    return lines


def _paid(order: KttOrder) -> int | None:
    amount = fen_from_cell(order.get("order_amount"))
    if amount is None:
        amounts = [line.amount_fen for line in order.lines]
        if not amounts or any(a is None for a in amounts):
            return None
        amount = sum(amounts) + order_fee(order)  # the lines are the goods; the 运费 is paid too
    return amount - (fen_from_cell(order.get("refund")) or 0)


@dataclass
class _Batch:
    """The orders and payments of an import, kept back to go through the services' bulk doors."""

    now: str
    has_amounts: bool
    drafts: list[order_service.OrderDraft] = field(default_factory=list)
    # (index of the order's draft, amount, 跟团号) of each platform payment
    payments: list[tuple[int, int, str]] = field(default_factory=list)
    # (household, 跟团号, paid, due) of every order whose payment is known, to check together
    amounts: list[tuple[int | None, str, int, int]] = field(default_factory=list)

    def write(self, conn: Connection, buy, operator: str) -> None:
        ids = order_service.save_many(conn, buy, self.drafts, source="ktt", operator=operator)
        payment_service.record_platform_many(conn, buy.id, [
            payment_service.PlatformPayment(ids[index], amount, f"快团团 跟团号 {ref}", ref)
            for index, amount, ref in self.payments], operator=operator)


def _save_order(conn: Connection, buy, items: dict, order: KttOrder, household_id: int | None,
                existing, money: dict, warnings: list[Notice], batch: _Batch) -> str:
    """Add or correct one platform order. Returns 'added', 'updated' or 'unchanged'."""
    now = batch.now
    lines = _target_lines(order, items)
    status_text = order.text("status")
    paid = _paid(order)
    cancelled = "取消" in status_text or (paid is not None and paid <= 0
                                         and fen_from_cell(order.get("refund")))
    if paid is None and batch.has_amounts:
        warnings.append(notice("ktt_amount_unknown", ref=order.ref))
    values = {
        "household_id": household_id, "buyer_name": order.text("buyer")[:60],
        "phone": phone_of(order), "address_text": order.text("address")[:200],
        "note": " ".join(filter(None, (order.text("member_note"), order.text("note"))))[:500],
    }
    draft = None
    if existing is None:
        if buy.status not in _CHANGEABLE or not lines:
            if lines:
                warnings.append(notice("ktt_order_too_late", ref=order.ref,
                                        **status_words(buy.status)))
            return "unchanged"
        draft = order_service.OrderDraft({
            **values, "external_ref": order.ref, "cancelled_at": now if cancelled else None,
            "cancel_reason": "cancelled on KuaiTuanTuan" if cancelled else None}, lines)
        outcome, platform = "added", 0
    else:
        outcome = "unchanged"
        old = {row["item_id"]: row["quantity"] for row in order_rows.select_lines(conn, existing["id"])}
        changed_lines = old != lines
        changed_fields = any(existing[key] != value for key, value in values.items())
        was_cancelled = existing["cancelled_at"] is not None
        if changed_lines or changed_fields or was_cancelled != cancelled:
            if buy.status not in _CHANGEABLE:
                warnings.append(notice("ktt_order_too_late", ref=order.ref,
                                        **status_words(buy.status)))
                return "unchanged"
            update = dict(values)
            if was_cancelled != cancelled:
                update["cancelled_at"] = now if cancelled else None
                update["cancel_reason"] = "cancelled on KuaiTuanTuan" if cancelled else None
            draft = order_service.OrderDraft(update, lines if changed_lines and lines else None,
                                             existing["id"])
            outcome = "updated"
        platform = money[existing["id"]]["platform_fen"] if existing["id"] in money else 0
    if paid is not None and paid != platform and buy.status != "cancelled":
        if draft is None:
            draft = order_service.OrderDraft({}, None, existing["id"])
        batch.payments.append((len(batch.drafts), paid - platform, order.ref))
        if outcome == "unchanged":
            outcome = "updated"
    if draft is not None:
        batch.drafts.append(draft)
    if paid is not None and not cancelled:
        due = sum(items[line.item].price_fen * line.quantity
                  for line in order.lines if line.item in items)
        batch.amounts.append((household_id, order.ref, paid, due))
    return outcome


def _with_fees(amounts: list[tuple[int | None, str, int, int]],
               buy) -> list[tuple[int | None, str, int, int]]:
    """The same (household, 跟团号, paid, goods) with the buy's delivery fee added to what each
    order is due, by the one rule the ledger charges it (`payments.with_fees`)."""
    goods = {index: amount[3] for index, amount in enumerate(amounts)}
    households = {index: amount[0] for index, amount in enumerate(amounts)}
    due = payment_service.with_fees(goods, households, buy.fee_fen, buy.fee_per)
    return [(household, ref, paid, due[index])
            for index, (household, ref, paid, _) in enumerate(amounts)]


def _fee_warnings(export: KttExport, buy) -> list[Notice]:
    """Orders whose 运费 differs from the delivery fee the buy charges every order."""
    if buy.fee_per != "order":
        return []
    return [notice("ktt_fee_differs", ref=order.ref, file=format_fen(order_fee(order)),
                   fee=format_fen(buy.fee_fen))
            for order in export.orders
            if order.lines and order.get("fee") is not None and order_fee(order) != buy.fee_fen]


def _amount_warnings(amounts: list[tuple[int | None, str, int, int]],
                     addresses: dict[int, str]) -> list[Notice]:
    """An order paid more or less than its lines is reported, unless the household's orders in
    the file balance together (the platform put one order's money on another 跟团号)."""
    by_household: dict[int, list[tuple[str, int, int]]] = {}
    for household_id, ref, paid, due in amounts:
        if household_id is not None:
            by_household.setdefault(household_id, []).append((ref, paid, due))
    said: list[Notice] = []
    balanced: set[int] = set()
    for household_id, orders in by_household.items():
        paid, due = sum(o[1] for o in orders), sum(o[2] for o in orders)
        if len(orders) > 1 and paid == due and any(o[1] != o[2] for o in orders):
            balanced.add(household_id)
            said.append(notice("ktt_household_balances", address=addresses.get(household_id, ""),
                               refs="、".join(o[0] for o in orders), amount=format_fen(paid)))
    for household_id, ref, paid, due in amounts:
        if paid != due and household_id not in balanced:
            said.append(notice("ktt_amount_differs", ref=ref, paid=format_fen(paid),
                               due=format_fen(due)))
    return said


def _check_caps(conn: Connection, buy_id: int, items: dict, warnings: list[Notice]) -> None:
    capped = {item.id: item for item in items.values() if item.cap is not None}
    if not capped:
        return
    for row in order_rows.select_household_totals(conn, buy_id):
        item = capped.get(row["item_id"])
        if item is not None and row["total"] > item.cap:
            warnings.append(notice("ktt_over_cap", refs=row["refs"] or "", item=item.name,
                                   cap=item.cap, total=row["total"]))
