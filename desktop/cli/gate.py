"""The gate's commands: `scan`, `handoffs export|undo` and `gate waiting|door-run|settings`, over
the same service as the Gate page (`desktop.gate.gate`)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from desktop.cli.common import Parser, command, database, print_json
from desktop.lang import current_language


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true")
    who = argparse.ArgumentParser(add_help=False)
    who.add_argument("--operator", default="", help="who is at the gate (recorded)")
    who.add_argument("--station", default=None, help="where (recorded); this station's name unless given")

    scan = sub.add_parser("scan", parents=[common, who, json_flag],
                          help="the gate's answer for a scanned code; --record appends the handoff")
    scan.add_argument("code", metavar="CODE")
    scan.add_argument("--for", dest="card", default=None, metavar="CARD_CODE",
                      help="check the bag against this household card")
    scan.add_argument("--record", choices=["pickup", "door", "gate"], default=None)
    scan.add_argument("--proxy", default="", metavar="NAME",
                      help="who collected for the household, when it was not the household")

    handoffs = sub.add_parser("handoffs", parents=[common], help="the chain of custody")
    handoffs_sub = handoffs.add_subparsers(dest="handoffs_command", required=True, parser_class=Parser)
    export = handoffs_sub.add_parser("export", parents=[common],
                                     help="every custody event as CSV (UTF-8 with BOM)")
    export.add_argument("file", type=Path, metavar="FILE")
    undo = handoffs_sub.add_parser("undo", parents=[common, who, json_flag],
                                   help="undo a bag's last handoff with a reason (appends a reversal)")
    undo.add_argument("code", metavar="CODE")
    undo.add_argument("--reason", required=True)

    gate = sub.add_parser("gate", parents=[common], help="waiting bags, door-delivery runs, settings")
    gate_sub = gate.add_subparsers(dest="gate_command", required=True, parser_class=Parser)
    gate_sub.add_parser("waiting", parents=[common, json_flag],
                        help="bags not yet handed over, oldest first, cold chain flagged")
    gate_sub.add_parser("forged", parents=[common, json_flag],
                        help="refused scans of text shaped like a code (forged, another compound's, "
                             "not this compound's), in the order they were made")
    run = gate_sub.add_parser("door-run", parents=[common],
                              help="the door-delivery run per building as PDF")
    run.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    run.add_argument("--building", default=None, metavar="B")
    settings = gate_sub.add_parser("settings", parents=[common, json_flag],
                                   help="cold-chain limits and sealed buildings")
    settings.add_argument("--frozen-limit", default=None, metavar="MINUTES")
    settings.add_argument("--chilled-limit", default=None, metavar="MINUTES")
    settings.add_argument("--sealed", default=None, metavar="B,B,…",
                          help="every sealed building (an empty value: none)")
    settings.add_argument("--seal", default=None, metavar="B", help="mark one building sealed")
    settings.add_argument("--unseal", default=None, metavar="B", help="one building is no longer sealed")


def _zh() -> bool:
    return current_language() == "zh"


# ---- words ------------------------------------------------------------------------------------

_ACTIONS = {
    "packed": ("packed", "已分装"),
    "gate": ("arrived at the gate", "已到门岗"),
    "pickup": ("picked up", "已取走"),
    "door": ("delivered to the door", "已送上门"),
    "returned": ("returned", "已退回"),
    "spoiled": ("spoiled", "已变质"),
    "reversal": ("undone", "已撤销"),
}
_STORAGE = {"frozen": ("frozen", "冷冻"), "chilled": ("chilled", "冷藏"), "ambient": ("ambient", "常温")}
_VOID = {
    "buy_cancelled": ("a void bag of a cancelled buy", "作废的袋子：该团购已取消"),
    "remade": ("a void bag: it was packed again with a new label", "作废的袋子：已重新分装并换了新标签"),
    "order_withdrawn": ("a void bag: its order was withdrawn", "作废的袋子：该订单已撤回"),
    "spoiled": ("a spoiled bag: it may not be handed over", "已变质的袋子：不能交付"),
    "card_replaced": ("a replaced household card: ask for the new card",
                      "已作废的住户卡：请出示新卡"),
}


def when_text(iso: str) -> str:
    """14:02 today, 04-12 14:02 another day, in this laptop's time."""
    from desktop.gate.gate import parse_time

    moment = parse_time(iso).astimezone()
    today = datetime.now(UTC).astimezone().date()
    return moment.strftime("%H:%M" if moment.date() == today else "%m-%d %H:%M")


def handoff_text(event, zh: bool) -> str:
    action = _ACTIONS.get(event.action, (event.action, event.action))[1 if zh else 0]
    when = when_text(event.at)
    who = event.operator or ("未署名" if zh else "someone unnamed")
    where = event.station or "?"
    if zh:
        text = f"{when} {action}，经手：{who}，地点：{where}"
        return text + (f"，代取人：{event.proxy_name}" if event.proxy_name else "")
    text = f"{action} at {when} by {who} at {where}"
    return text + (f", collected for them by {event.proxy_name}" if event.proxy_name else "")


def bag_text(result, zh: bool) -> str:
    bag = result.bag
    storage = _STORAGE.get(bag.storage, (bag.storage, bag.storage))[1 if zh else 0]
    if zh:
        return f"{result.address} · 第 {bag.index}/{bag.count} 袋 · {storage} · {bag.buy}"
    return f"{result.address} · bag {bag.index} of {bag.count} · {storage} · {bag.buy}"


def still_waiting(result, zh: bool) -> list[str]:
    """For a green bag: how many of the household's other bags wait, by storage, and which."""
    from desktop.bags.codes import display_code
    from desktop.gate.gate import storage_counts

    waiting = result.waiting_bags
    if not waiting:
        return ["  该户没有其他待取的袋子" if zh else "  Nothing else is waiting for this household"]
    kinds = ("、" if zh else ", ").join(
        f"{_STORAGE[s][1]} {n} 袋" if zh else f"{n} {_STORAGE[s][0]}" for s, n in storage_counts(waiting))
    lines = [f"  该户还有 {len(waiting)} 袋待取（{kinds}）：" if zh else
             f"  Also waiting for this household: {len(waiting)} bag{'s' if len(waiting) != 1 else ''} ({kinds}):"]
    for bag in waiting:
        storage = _STORAGE.get(bag.storage, (bag.storage,) * 2)[1 if zh else 0]
        at_gate = ("（在门岗）" if zh else " (at the gate)") if bag.at_gate else ""
        lines.append(f"  ☐ {bag.buy} · " + (f"第 {bag.index}/{bag.count} 袋" if zh else
                                           f"bag {bag.index} of {bag.count}")
                     + f" · {storage} · {display_code(bag.code)}{at_gate}")
    return lines


def describe_scan(result, zh: bool) -> list[str]:
    """The answer in words, first line the verdict: what a guard or a script's reader sees."""
    from desktop.bags.codes import display_code

    v = result.verdict
    code = display_code(result.code) if result.code else "-"
    if v == "ok":
        if result.recorded:
            lines = [("✓ 已登记：" if zh else "✓ Recorded: ") + handoff_text(result.last_handoff, zh)]
        else:
            lines = ["✓ 可以交付" if zh else "✓ May be handed over"]
            if result.at_gate:
                lines.append("  " + handoff_text(result.last_handoff, zh))
        return [lines[0], "  " + bag_text(result, zh), *lines[1:], *still_waiting(result, zh)]
    if v == "already_handed_over":
        return [("✗ 拒绝：已交付过 — " if zh else "✗ Refused: already handed over — ")
                + handoff_text(result.last_handoff, zh), "  " + bag_text(result, zh)]
    if v == "wrong_household":
        card = result.card.address if result.card else "?"
        return [(f"✗ 拒绝：这是别户的袋子（不是 {card} 的）" if zh else
                 f"✗ Refused: a bag of another household (not {card}'s)"), "  " + bag_text(result, zh)]
    if v == "void":
        words = _VOID.get(result.void_reason or "", _VOID["buy_cancelled"])[1 if zh else 0]
        first = ("✗ 拒绝：" if zh else "✗ Refused: ") + words
        if result.bag is None:
            return [first, f"  {result.address}"]
        return [first, "  " + bag_text(result, zh)]
    if v == "household":
        waiting = result.waiting_bags
        head = (f"住户卡 {result.address}：{len(waiting)} 袋待取" if zh else
                f"Household card {result.address}: {len(waiting)} bag{'s' if len(waiting) != 1 else ''} waiting")
        lines = [head]
        for bag in waiting:
            storage = _STORAGE.get(bag.storage, (bag.storage,) * 2)[1 if zh else 0]
            at_gate = ("（在门岗）" if zh else " (at the gate)") if bag.at_gate else ""
            lines.append(f"  ☐ {bag.buy} · " + (f"第 {bag.index}/{bag.count} 袋" if zh else
                                               f"bag {bag.index} of {bag.count}")
                         + f" · {storage} · {display_code(bag.code)}{at_gate}")
        return lines
    refusals = {
        "forged": ("伪造的标签：签名不对", "a forged label: its signature is wrong"),
        "other_compound": ("其他小区的标签", "a label from another compound"),
        "unknown": ("本小区没有这个编码", "no bag or card of this compound has this code"),
        "invalid": ("不是本小区的编码", "not a code of this compound"),
    }
    words = refusals[v][0 if zh else 1]
    if v == "invalid" and result.mistyped:
        words = "编码有输错的字符：请核对后重输" if zh else "a mistyped code: check its characters and type it again"
    return [("✗ 拒绝：" if zh else "✗ Refused: ") + words, f"  {code}"]


# ---- commands ---------------------------------------------------------------------------------


@command("scan")
def _scan(args: argparse.Namespace) -> int:
    from desktop.gate.gate import scan

    with database(args, create=False) as conn:
        result = scan(conn, args.code, card=args.card, record=args.record, operator=args.operator,
                      station=args.station, proxy_name=args.proxy)
    if args.json:
        print_json(result.as_json())
    else:
        for line in describe_scan(result, _zh()):
            print(line)
    return 0


@command("handoffs")
def _handoffs(args: argparse.Namespace) -> int:
    from desktop.gate import gate

    zh = _zh()
    with database(args, create=False) as conn:
        if args.handoffs_command == "export":
            count = gate.export_handoffs(conn, args.file)
            print(f"已将 {count} 条交接记录导出到 {args.file}" if zh else
                  f"Exported {count} custody events to {args.file}")
            return 0
        undone = gate.undo_last_handoff(conn, args.code, args.reason, operator=args.operator,
                                        station=args.station)
    if args.json:
        print_json({"code": undone.code, "address": undone.address,
                    "undone": undone.undone.as_json(), "reversal": undone.reversal.as_json()})
    else:
        print(("已撤销：" if zh else "Undone: ") + handoff_text(undone.undone, zh)
              + f" · {undone.address}")
    return 0


@command("gate")
def _gate(args: argparse.Namespace) -> int:
    from desktop.gate import gate

    zh = _zh()
    if args.gate_command == "door-run":
        from desktop.printing.pdf import check_output

        check_output(args.output)
    with database(args, create=False) as conn:
        if args.gate_command == "settings":
            return _settings(conn, args, zh)
        if args.gate_command == "door-run":
            from desktop.printing.door_run import write_door_run

            building = gate.parse_buildings(args.building) if args.building else ()
            pages = write_door_run(conn, args.output, building=building[0] if building else None)
            print(f"已将送货上门清单（{pages} 页）写入 {args.output}" if zh else
                  f"Wrote the door-delivery run ({pages} page{'s' if pages != 1 else ''}) to {args.output}")
            return 0
        if args.gate_command == "forged":
            scans = gate.list_refused_scans(conn)
            return _forged(scans, args.json, zh)
        waiting = gate.list_waiting(conn)
        settings = gate.get_gate_settings(conn)
        clock = gate.age_clock(conn)
    now = clock.now
    if args.json:
        print_json({"clock": clock.as_json(), "bags": [
            {**bag.as_json(), "address": bag.address, "storage": bag.storage, "since": bag.since,
             "minutes_waited": bag.minutes_waited(now), "at_gate": bag.at_gate,
             "cold_chain_overdue": settings.overdue(bag, now)}
            for bag in waiting
        ]})
        return 0
    print(f"{len(waiting)} 袋待取" if zh else f"{len(waiting)} bags waiting")
    if clock.jumped:
        print(clock_jump_text(clock, zh))
    for bag in waiting:
        minutes = bag.minutes_waited(now)
        mark = "!" if settings.overdue(bag, now) else " "
        storage = _STORAGE.get(bag.storage, (bag.storage,) * 2)[1 if zh else 0]
        waited = f"{minutes // 60}:{minutes % 60:02d}"
        print(f"{mark} {waited:>6}  {bag.address:<10} {bag.index}/{bag.count} {storage} · {bag.buy}")
    return 0


def clock_jump_text(clock, zh: bool) -> str:
    behind = f"{clock.behind_minutes // 60} h {clock.behind_minutes % 60} min"
    if zh:
        behind = f"{clock.behind_minutes // 60} 小时 {clock.behind_minutes % 60} 分钟"
        basis = "本程序的稳定时钟" if clock.source == "steady" else "最近一次交接登记的时间"
        return f"! 电脑时钟慢了 {behind}（被往回调过）：等待时长按{basis}计算"
    basis = ("the program's steady clock" if clock.source == "steady"
             else "the time of the latest recorded handoff")
    return f"! This computer's clock is {behind} behind (it was set back): waiting times are counted by {basis}"


def _forged(scans, as_json: bool, zh: bool) -> int:
    if as_json:
        print_json({"scans": [scan.as_json() for scan in scans]})
        return 0
    print(f"{len(scans)} 次可疑扫码" if zh else
          f"{len(scans)} refused scan{'s' if len(scans) != 1 else ''} of code-shaped text")
    words = {"forged": ("forged", "伪造"), "other_compound": ("another compound's", "其他小区"),
             "invalid": ("not this compound's", "非本小区")}
    for scan in scans:
        who = scan.operator or ("未署名" if zh else "unnamed")
        print(f"  {when_text(scan.at)}  {scan.station}  {who}  {scan.text}  "
              f"{words.get(scan.verdict, (scan.verdict,) * 2)[1 if zh else 0]}")
    return 0


def _settings(conn, args: argparse.Namespace, zh: bool) -> int:
    from desktop.gate import gate

    if args.frozen_limit is not None or args.chilled_limit is not None or args.sealed is not None:
        gate.save_gate_settings(conn, frozen_limit=args.frozen_limit,
                                chilled_limit=args.chilled_limit, sealed_buildings=args.sealed)
    for building in gate.parse_buildings(args.seal) if args.seal is not None else ():
        gate.set_building_sealed(conn, building, True)
    for building in gate.parse_buildings(args.unseal) if args.unseal is not None else ():
        gate.set_building_sealed(conn, building, False)
    settings = gate.get_gate_settings(conn)
    if args.json:
        print_json({"frozen_limit_minutes": settings.frozen_limit,
                    "chilled_limit_minutes": settings.chilled_limit,
                    "sealed_buildings": list(settings.sealed_buildings)})
    elif zh:
        sealed = "、".join(str(b) for b in settings.sealed_buildings) or "无"
        print(f"冷冻限时 {settings.frozen_limit} 分钟，冷藏限时 {settings.chilled_limit} 分钟；封控楼：{sealed}")
    else:
        sealed = ", ".join(str(b) for b in settings.sealed_buildings) or "none"
        print(f"Frozen limit {settings.frozen_limit} min, chilled limit {settings.chilled_limit} min; "
              f"sealed buildings: {sealed}")
    return 0
