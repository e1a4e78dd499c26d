"""The group buy commands (`buys …` and `pay`): the same services the Group buys page uses."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from desktop.cli.common import Parser, command, database, print_json
from desktop.errors import BadInput
from desktop.money import format_fen
from desktop.notices import Notice
from desktop.text import plain
from desktop.words import Word, plural, say, word

_STATUS_COMMANDS = ("open", "closed", "confirmed", "settled")


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    writer = argparse.ArgumentParser(add_help=False)
    writer.add_argument("--operator", default="", help="who is doing this (recorded)")
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true")

    buys = sub.add_parser("buys", parents=[common], help="group buys: open, order, import, arrival, cancel")
    buys_sub = buys.add_subparsers(dest="buys_command", required=True, parser_class=Parser)

    new = buys_sub.add_parser("new", parents=[common, writer, json_flag], help="open a group buy")
    new.add_argument("--title", required=True)
    new.add_argument("--supplier", required=True)
    new.add_argument("--item", action="append", required=True,
                     metavar="NAME=PRICE_YUAN[:ambient|chilled|frozen][:cap=N]")
    new.add_argument("--cap", action="append", default=[], metavar="NAME=N",
                     help="most units of an item one household may order")
    new.add_argument("--minimum", metavar="N")
    new.add_argument("--deadline", metavar="YYYY-MM-DDTHH:MM")
    new.add_argument("--draft", action="store_true", help="keep it a draft instead of opening it")
    new.add_argument("--fee-fen", type=int, default=0, metavar="N",
                     help="a delivery fee in fen, per order or per household")
    new.add_argument("--fee-per", default="order", choices=["order", "household"])

    order = buys_sub.add_parser("order", parents=[common, writer, json_flag],
                                help="add or replace one household's order")
    order.add_argument("buy_id", type=int, metavar="ID")
    order.add_argument("--address", required=True)
    order.add_argument("--item", action="append", required=True, metavar="NAME=QTY")
    order.add_argument("--note", default="")

    imp = buys_sub.add_parser("import", parents=[common, writer, json_flag],
                              help="a KuaiTuanTuan order export (.xlsx)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--supplier", default="", metavar="S",
                     help="who sells (the 团长 in the export is the organiser)")
    imp.add_argument("--storage", action="append", default=[], metavar="ITEM=ambient|chilled|frozen",
                     help="change the storage class guessed for an item")
    imp.add_argument("--no-new-households", action="store_true",
                     help="add no household: orders at addresses not on the roster stay unplaced")
    imp.add_argument("--dry-run", action="store_true", help="show what would be imported, save nothing")

    chain = buys_sub.add_parser("chain", parents=[common, writer, json_flag],
                                help="orders from a pasted WeChat 接龙 list")
    chain.add_argument("file", type=Path)
    chain.add_argument("--buy", type=int, required=True, metavar="ID")
    chain.add_argument("--add-households", action="store_true",
                       help="add the households of lines whose address is not on the roster")

    buys_sub.add_parser("list", parents=[common, json_flag], help="every group buy")

    show = buys_sub.add_parser("show", parents=[common, json_flag], help="one group buy")
    show.add_argument("buy_id", type=int, metavar="ID")

    cancel = buys_sub.add_parser("cancel", parents=[common, writer, json_flag],
                                 help="cancel a group buy; lists the refunds owed")
    cancel.add_argument("buy_id", type=int, metavar="ID")
    cancel.add_argument("--reason", required=True)

    arrival = buys_sub.add_parser("arrival", parents=[common, writer, json_flag],
                                  help="what the supplier delivered; shares out a shortfall")
    arrival.add_argument("buy_id", type=int, metavar="ID")
    arrival.add_argument("--received", action="append", default=[], metavar="ITEM=QTY")
    arrival.add_argument("--policy", default="vulnerable-first",
                         choices=["vulnerable-first", "pro-rata", "first-come"])
    arrival.add_argument("--preview", action="store_true", help="show the allocation, save nothing")

    status = buys_sub.add_parser("status", parents=[common, writer, json_flag],
                                 help="move a group buy on: open, closed, confirmed, settled")
    status.add_argument("buy_id", type=int, metavar="ID")
    status.add_argument("status", choices=_STATUS_COMMANDS)

    sheet = buys_sub.add_parser("sheet", parents=[common, json_flag],
                                help="the supplier order sheet: totals per item (.xlsx or .csv)")
    sheet.add_argument("buy_id", type=int, metavar="ID")
    sheet.add_argument("file", type=Path)

    pay = sub.add_parser("pay", parents=[common, writer, json_flag],
                         help="record a payment (a negative amount is a refund paid out)")
    pay.add_argument("order_id", type=int, metavar="ORDER_ID")
    pay.add_argument("--fen", required=True, metavar="N")
    pay.add_argument("--method", required=True, choices=["wechat", "alipay", "cash", "other"])
    pay.add_argument("--ref", default="", metavar="TEXT")


def _words(notices) -> list[str]:
    return [n.text() if isinstance(n, Notice) else str(n) for n in notices]


def _pairs(specs: list[str], code: str) -> list[tuple[str, str]]:
    """`NAME=VALUE` arguments as pairs; the value is what follows the last `=`."""
    pairs = []
    for spec in specs:
        text = plain(spec)
        name, sep, value = text.rpartition("=")
        if not sep or not name.strip() or not value.strip():
            raise BadInput(code, "item", text=spec)
        pairs.append((name.strip(), value.strip()))
    return pairs


def _address(address: str | None) -> str | None:
    return address or None


# ---- buys new / order / pay ---------------------------------------------------------------------


@command("buys")
def _buys(args: argparse.Namespace) -> int:
    handler = {
        "new": _new, "order": _order, "import": _import, "chain": _chain, "list": _list,
        "show": _show, "cancel": _cancel, "arrival": _arrival, "status": _status, "sheet": _sheet,
    }[args.buys_command]
    with database(args) as conn:
        return handler(conn, args)


def _new(conn, args) -> int:
    from desktop.buys.group_buys import ItemSpec, new_buy, parse_cap, parse_item_spec

    specs = [parse_item_spec(text) for text in args.item]
    caps = dict(_pairs(args.cap, "cap_spec_invalid"))
    if caps:
        from desktop.buys.orders import item_key

        by_name = {item_key(spec.name): spec for spec in specs}
        for name, cap in caps.items():
            spec = by_name.get(item_key(name))
            if spec is None:
                raise BadInput("item_unknown", "item", item=name,
                               items="、".join(s.name for s in specs))
            specs[specs.index(spec)] = ItemSpec(spec.name, spec.price_fen, spec.storage,
                                                parse_cap(cap), spec.unit, spec.pack_size)
    result = new_buy(conn, args.title, args.supplier, specs, minimum=args.minimum,
                     deadline=args.deadline, organiser=args.operator, open_now=not args.draft,
                     fee_fen=args.fee_fen, fee_per=args.fee_per)
    if result.warning is not None:
        sys.stderr.write(say("cli.warning", text=result.warning.text()) + "\n")
    if args.json:
        print_json({"buy_id": result.buy_id})
    else:
        print(say("cli.buy_opened", id=result.buy_id, title=args.title.strip()))
    return 0


def _order(conn, args) -> int:
    from desktop.buys.orders import place_order

    placed = place_order(conn, args.buy_id, args.address,
                         _pairs(args.item, "order_item_spec_invalid"),
                         operator=args.operator, note=args.note)
    if args.json:
        print_json({"order_id": placed.order_id})
    else:
        print(say("cli.order_done", id=placed.order_id, address=placed.address,
                  done=Word("order_outcome", placed.outcome)))
    return 0


@command("pay")
def _pay(args: argparse.Namespace) -> int:
    from desktop.buys.payments import order_money, record_payment

    text = plain(args.fen)
    if not re.fullmatch(r"[+-]?\d{1,12}", text):
        raise BadInput("payment_invalid", "amount", text=args.fen)
    with database(args) as conn:
        payment_id = record_payment(conn, args.order_id, int(text), args.method,
                                    reference=args.ref, operator=args.operator)
        money = order_money(conn, args.order_id)
    if args.json:
        print_json({"payment_id": payment_id, "order_id": args.order_id,
                    "due_fen": money.due_fen, "paid_fen": money.paid_fen,
                    "refund_due_fen": money.refund_due_fen})
    else:
        print(say("cli.paid", amount=format_fen(int(text)), id=args.order_id, due=format_fen(money.due_fen),
                  paid=format_fen(money.paid_fen), refund=format_fen(money.refund_due_fen)))
    return 0


# ---- imports -------------------------------------------------------------------------------------


def _import(conn, args) -> int:
    from desktop.buys.ktt import plan_export, read_export, save_export, storage_choices
    from desktop.db.connection import refuse_own_file

    refuse_own_file(conn, args.file)
    export = read_export(args.file)
    storage = storage_choices(export, _pairs(args.storage, "storage_spec_invalid"))
    create = not args.no_new_households
    if args.dry_run:
        plan = plan_export(conn, export, create_households=create)
        supplier = args.supplier.strip() or None
        warnings = list(export.warnings) + list(plan.warnings)
        if supplier is None:
            from desktop.notices import notice

            warnings.append(notice("ktt_supplier_unknown"))
        items = [(name, item.price_fen, item.quantity, storage.get(name, item.storage))
                 for name, item in export.items.items()]
        new_households = plan.new_households
        summary = {"buy_id": None, "title": export.title, "organiser": export.leader,
                   "supplier": supplier, "orders": len(export.orders),
                   "households_matched": plan.matched,
                   "households_created": len(plan.new_households)}
        fee_fen = export.fee_fen
        unplaced = plan.unplaced
    else:
        result = save_export(conn, export, operator=args.operator, supplier=args.supplier,
                             storage=storage, create_households=create)
        warnings = list(result.warnings)
        items = [(i.name, i.unit_price_fen, i.quantity, i.storage) for i in result.items]
        new_households = result.new_households
        summary = {"buy_id": result.buy_id, "title": result.title, "organiser": result.organiser,
                   "supplier": result.supplier, "orders": result.orders,
                   "households_matched": result.households_matched,
                   "households_created": result.households_created}
        fee_fen = result.fee_fen
        unplaced = ()
    if args.json:
        print_json({
            **summary,
            "new_households": [{"address": h.address, "name": h.name} for h in new_households],
            "items": [{"name": n, "unit_price_fen": p, "quantity": q, "storage": st}
                      for n, p, q, st in items],
            "warnings": _words(warnings),
        })
        return 0
    if args.dry_run:
        print(say("cli.ktt_preview", title=summary["title"], orders=summary["orders"],
                  s=plural(summary["orders"]),
                  matched=summary["households_matched"], created=summary["households_created"]))
    else:
        print(say("cli.ktt_imported", id=result.buy_id, title=result.title, orders=result.orders,
                  s=plural(result.orders),
                  added=result.added, updated=result.updated, unchanged=result.unchanged,
                  matched=result.households_matched, created=result.households_created))
    print(say("cli.ktt_people", organiser=summary["organiser"] or "—",
              supplier=summary["supplier"] or say("cli.unknown")))
    for name, price, quantity, storage_class in items:
        print(f"  {name}  {format_fen(price)} × {quantity}  [{storage_class}]")
    if fee_fen:
        print(say("cli.ktt_fee", fee=format_fen(fee_fen)))
    for household in new_households:
        print(say("cli.new_household", address=household.address, name=household.name,
                  phone=household.masked_phone))
    for order in unplaced:
        print(say("cli.cannot_place", ref=order.ref, text=order.text))
    for warning in _words(warnings):
        print("  ! " + warning)
    return 0


def _chain(conn, args) -> int:
    from desktop.buys.jielong import import_chain, read_chain_file

    text = read_chain_file(args.file)
    result = import_chain(conn, args.buy, text, operator=args.operator,
                          add_households=args.add_households)
    unmatched = [{"line": p.line, "text": p.text, "reason": p.reason.text()}
                 for p in result.unmatched]
    if args.json:
        print_json({"orders": result.orders, "households_added": result.households_added,
                    "unmatched": unmatched, "warnings": _words(result.warnings)})
        return 0
    print(say("cli.chain_imported", orders=result.orders, added=result.added, updated=result.updated,
              unchanged=result.unchanged, created=result.households_added, unmatched=len(unmatched)))
    for problem in unmatched:
        print(say("cli.chain_problem", **problem))
    for warning in _words(result.warnings):
        print("  ! " + warning)
    return 0


# ---- list / show -------------------------------------------------------------------------------


def _list(conn, args) -> int:
    from desktop.buys.group_buys import list_buys
    from desktop.clock import to_local

    summaries = list_buys(conn)
    if args.json:
        print_json({"buys": [
            {"id": s.buy.id, "title": s.buy.title, "status": s.buy.status,
             "supplier": s.buy.supplier, "deadline": s.buy.deadline, "minimum": s.buy.minimum,
             "orders": s.orders, "ordered": s.ordered, "collected_fen": s.collected_fen,
             "refunded_fen": s.refunded_fen, "kind": s.buy.kind, "fee_fen": s.buy.fee_fen,
             "fee_per": s.buy.fee_per}
            for s in summaries
        ]})
        return 0
    if not summaries:
        print(say("cli.no_buys"))
    for s in summaries:
        progress = f"{s.ordered}/{s.buy.minimum}" if s.buy.minimum else str(s.ordered)
        tick = " ✓" if s.buy.minimum and s.minimum_reached else ""
        deadline = to_local(s.buy.deadline) if s.buy.deadline else "-"
        print(f"{s.buy.id:>4}  {s.buy.title}  · {s.buy.supplier or '-'} · "
              f"{word('buy_status', s.buy.status)} · {deadline} · {progress}{tick} · "
              f"{format_fen(s.collected_fen)}")
    return 0


def show_json(details) -> dict:
    """`buys show --json` as CLI.md gives it."""
    buy = details.buy
    return {
        "id": buy.id, "title": buy.title, "status": buy.status, "supplier": buy.supplier,
        "items": [{"name": t.item.name, "unit_price_fen": t.item.price_fen,
                   "storage": t.item.storage, "ordered": t.ordered,
                   "received": t.received} for t in details.items],
        "orders": [
            {"order_id": o.order_id, "address": _address(o.address),
             "platform_ref": o.external_ref if o.source == "ktt" else None,
             "lines": [{"item": line.item, "quantity": line.quantity, "allocated": line.allocated}
                       for line in o.lines],
             "fee_fen": o.money.fee_fen,
             "due_fen": o.money.due_fen, "paid_fen": o.money.paid_fen,
             "refund_due_fen": o.money.refund_due_fen}
            for o in details.orders
        ],
        "households": [
            {"address": _address(h.address), "due_fen": h.due_fen, "paid_fen": h.paid_fen,
             "refund_due_fen": h.refund_due_fen}
            for h in details.households
        ],
    }


def _show(conn, args) -> int:
    from desktop.buys.group_buys import buy_details

    details = buy_details(conn, args.buy_id)
    if args.json:
        print_json(show_json(details))
        return 0
    buy = details.buy
    progress = f"{details.ordered}/{buy.minimum}" if buy.minimum else str(details.ordered)
    print(f"{buy.title} · {buy.supplier or '-'} · {word('buy_status', buy.status)} · "
          f"{progress}")
    if buy.status == "cancelled" and buy.cancel_reason:
        print(say("cli.cancel_reason", reason=buy.cancel_reason))
    for total in details.items:
        received = "" if total.received is None else say("cli.item_received", n=total.received)
        print(say("cli.item_line", name=total.item.name, price=format_fen(total.item.price_fen),
                  ordered=total.ordered, received=received))
    several = [h for h in details.households if len(h.order_ids) > 1]
    if several:
        print(say("cli.several_orders"))
        for h in several:
            print(f"    {h.address or say('cli.unplaced')}  {_money_text(h)}"
                  + (say("cli.money_owes", money=format_fen(h.owing_fen)) if h.owing_fen else ""))
    for order in details.orders:
        lines = "  ".join(
            f"{line.item}×{line.quantity}"
            + (f"→{line.allocated}" if line.allocated is not None and line.allocated != line.quantity
               else "")
            for line in order.lines)
        flag = say("cli.order_cancelled") if order.cancelled else ""
        print(f"  #{order.order_id} {order.address or say('cli.unplaced')}{flag}  "
              f"{lines}  {_money_text(order.money)}")
    return 0


def _money_text(money) -> str:
    """Due and paid, and the refund when one is owed."""
    return (say("cli.money_due", due=format_fen(money.due_fen), paid=format_fen(money.paid_fen))
            + (say("cli.money_refund", money=format_fen(money.refund_due_fen)) if money.refund_due_fen else ""))


# ---- cancel / arrival / status / sheet --------------------------------------------------------


def _refunds_json(refunds) -> list[dict]:
    return [{"address": _address(r.address), "amount_fen": r.amount_fen} for r in refunds]


def _print_refunds(refunds) -> None:
    if not refunds:
        print(say("cli.no_refunds"))
        return
    print(say("cli.refunds"))
    for refund in refunds:
        where = refund.address or say("cli.unplaced_order", ids=",".join(map(str, refund.order_ids)))
        print(f"  {where}  {format_fen(refund.amount_fen)}")


def _cancel(conn, args) -> int:
    from desktop.buys.group_buys import cancel_buy

    result = cancel_buy(conn, args.buy_id, args.reason, operator=args.operator)
    if args.json:
        print_json({"status": result.status, "refunds": _refunds_json(result.refunds)})
        return 0
    print(say("cli.buy_cancelled", id=args.buy_id))
    _print_refunds(result.refunds)
    return 0


def _arrival(conn, args) -> int:
    from desktop.buys.arrivals import preview_arrival, record_arrival
    from desktop.buys.group_buys import list_items
    from desktop.roster.address import address_key

    received = _pairs(args.received, "received_spec_invalid")
    if args.preview:
        plan = preview_arrival(conn, args.buy_id, received, args.policy)
    else:
        plan = record_arrival(conn, args.buy_id, received, args.policy, operator=args.operator)
    positions = {item.id: item.position for item in list_items(conn, args.buy_id)}
    allocations = sorted(plan.allocations,
                         key=lambda a: (positions.get(a.item_id, 0), a.item_id,
                                        address_key(a.address), a.order_id))
    if args.json:
        print_json({
            "allocations": [{"address": _address(a.address), "item": a.item, "ordered": a.ordered,
                             "allocated": a.allocated} for a in allocations],
            "refunds": _refunds_json(plan.refunds),
        })
        return 0
    for item in plan.items:
        state = say("cli.short", n=item.short) if item.short else say("cli.in_full")
        print(say("cli.arrival_item", name=item.name, ordered=item.ordered, received=item.received,
                  state=state))
        if item.left:
            print("  " + say("stock_left", item=item.name, left=item.left))
    for a in allocations:
        if a.allocated != a.ordered:
            print(f"  {a.address or say('cli.unplaced')}  {a.item} "
                  f"{a.ordered} → {a.allocated}")
    _print_refunds(plan.refunds)
    if args.preview:
        print(say("cli.preview"))
    return 0


def _status(conn, args) -> int:
    from desktop.buys.group_buys import change_status

    buy = change_status(conn, args.buy_id, args.status, operator=args.operator)
    if args.json:
        print_json({"id": buy.id, "status": buy.status})
    else:
        print(f"{buy.title}: {word('buy_status', buy.status)}")
    return 0


def _sheet(conn, args) -> int:
    from desktop.buys.order_sheet import write_order_sheet

    path = write_order_sheet(conn, args.buy_id, args.file)
    if args.json:
        print_json({"path": str(path)})
    else:
        print(str(path))
    return 0
