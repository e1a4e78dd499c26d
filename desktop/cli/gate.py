"""The gate's commands: `scan`, `handoffs export|undo` and `gate waiting|door-run|settings`, over
the same session and services as the Gate page (`desktop.gate`). Storage classes are named as the
labels print them, in the compound's print language."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import Parser, command, database, print_json
from desktop.lang import current_language
from desktop.printing.language import print_language, storage_word
from desktop.words import WORDS, plural, say, word


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
    approval = argparse.ArgumentParser(add_help=False)
    approval.add_argument("--approved-by", default="", metavar="NAME",
                          help="the committee member who allows reversing a handoff of another "
                               "station or over 30 minutes old, where operators sign in")
    undo.add_argument("--approved-by", default="", metavar="NAME",
                      help=approval._actions[-1].help)
    decide = handoffs_sub.add_parser("decide", parents=[common, who, json_flag, approval],
                                     help="record what really happened to a bag, with a reason "
                                          "(reverses what stood)")
    decide.add_argument("code", metavar="CODE")
    decide.add_argument("--record", choices=["pickup", "door", "gate"], required=True)
    decide.add_argument("--reason", required=True)

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


def handoff_text(event, lang: str) -> str:
    from desktop.gate import clock_text

    text = say("gate.handoff", lang, action=word("handoff", event.action, lang), when=clock_text(event.at),
               who=event.operator or say("gate.someone_unnamed", lang), where=event.station or "?")
    return text + (say("gate.handoff_proxy", lang, proxy=event.proxy_name) if event.proxy_name else "")


def bag_text(result, lang: str, printed: str) -> str:
    bag = result.bag
    return say("gate.bag", lang, address=result.address, index=bag.index, count=bag.count,
               storage=storage_word(bag.storage, printed), buy=bag.buy)


def waiting_lines(waiting, lang: str, printed: str) -> list[str]:
    from desktop.bags.codes import display_code

    return [say("gate.waiting_bag", lang, buy=bag.buy, index=bag.index, count=bag.count,
                storage=storage_word(bag.storage, printed), code=display_code(bag.code),
                at_gate=say("gate.at_gate", lang) if bag.at_gate else "") for bag in waiting]


def still_waiting(result, lang: str, printed: str) -> list[str]:
    """For a green bag: how many of the household's other bags wait, by storage, and which."""
    from desktop.gate import storage_counts

    waiting = result.waiting_bags
    if not waiting:
        return [say("gate.nothing_else", lang)]
    kinds = say("list_comma", lang).join(say("gate.kind_count", lang, n=n, storage=storage_word(s, printed))
                                              for s, n in storage_counts(waiting))
    head = say("gate.also_waiting", lang, n=len(waiting), s=plural(len(waiting)), kinds=kinds)
    return [head, *waiting_lines(waiting, lang, printed)]


def describe_scan(result, lang: str, printed: str = "zh") -> list[str]:
    """The answer in words, first line the verdict: what a guard or a script's reader sees."""
    from desktop.bags.codes import display_code

    v = result.verdict
    code = display_code(result.code) if result.code else "-"
    if v == "ok":
        if result.recorded:
            lines = [say("gate.recorded", lang, handoff=handoff_text(result.last_handoff, lang))]
        else:
            lines = [say("gate.may_hand_over", lang)]
            if result.at_gate:
                lines.append("  " + handoff_text(result.last_handoff, lang))
        return [lines[0], "  " + bag_text(result, lang, printed), *lines[1:], *still_waiting(result, lang, printed)]
    if v == "already_handed_over":
        return [say("gate.already_handed_over", lang, handoff=handoff_text(result.last_handoff, lang)),
                "  " + bag_text(result, lang, printed)]
    if v == "wrong_household":
        card = result.card.address if result.card else "?"
        return [say("gate.wrong_household", lang, card=card), "  " + bag_text(result, lang, printed)]
    if v == "void":
        reason = result.void_reason if result.void_reason in WORDS["void"] else "buy_cancelled"
        first = say("gate.refused", lang, why=word("void", reason, lang))
        return [first, f"  {result.address}" if result.bag is None else "  " + bag_text(result, lang, printed)]
    if v == "household":
        waiting = result.waiting_bags
        head = say("gate.card_waiting", lang, address=result.address, n=len(waiting), s=plural(len(waiting)))
        return [head, *waiting_lines(waiting, lang, printed)]
    why = "mistyped" if v == "invalid" and result.mistyped else v
    return [say("gate.refused", lang, why=word("refusal", why, lang)), f"  {code}"]


# ---- commands ---------------------------------------------------------------------------------


@command("scan")
def _scan(args: argparse.Namespace) -> int:
    from desktop.gate import RECORDABLE, GateSession

    with database(args, create=False) as conn:
        session = GateSession(conn, name_required=False, mode=args.record,
                              operator=args.operator, station=args.station)
        session.proxy, session.proxy_actions = args.proxy, RECORDABLE
        if args.card is not None:
            session.use_card(args.card)
        result = session.submit(args.code)
        printed = print_language(conn)
    if args.json:
        print_json(result.as_json())
    else:
        for line in describe_scan(result, current_language(), printed):
            print(line)
    return 0


@command("handoffs")
def _handoffs(args: argparse.Namespace) -> int:
    from desktop import gate

    lang = current_language()
    with database(args, create=False) as conn:
        if args.handoffs_command == "export":
            count = gate.export_handoffs(conn, args.file)
            print(say("gate.exported", lang, count=count, path=args.file))
            return 0
        if args.handoffs_command == "decide":
            decision = gate.decide(conn, args.code, args.record, args.reason, operator=args.operator,
                                   station=args.station, approved_by=args.approved_by)
            recorded = decision.result.last_handoff
            if args.json:
                print_json({"code": decision.result.code, "address": decision.result.address,
                            "undone": decision.undone.as_json() if decision.undone else None,
                            "recorded": recorded.as_json() if recorded else None})
            else:
                print(say("gate.recorded", lang, handoff=handoff_text(recorded, lang)))
            return 0
        undone = gate.undo_last_handoff(conn, args.code, args.reason, operator=args.operator,
                                        station=args.station, approved_by=args.approved_by)
    if args.json:
        print_json({"code": undone.code, "address": undone.address,
                    "undone": undone.undone.as_json(), "reversal": undone.reversal.as_json()})
    else:
        print(say("gate.undone", lang, handoff=handoff_text(undone.undone, lang), address=undone.address))
    return 0


@command("gate")
def _gate(args: argparse.Namespace) -> int:
    from desktop import gate

    lang = current_language()
    if args.gate_command == "door-run":
        from desktop.printing.pdf import check_output

        check_output(args.output)
    with database(args, create=False) as conn:
        if args.gate_command == "settings":
            return _settings(conn, args, lang)
        if args.gate_command == "door-run":
            from desktop.printing.door_run import write_door_run

            building = gate.parse_buildings(args.building) if args.building else ()
            pages = write_door_run(conn, args.output, building=building[0] if building else None)
            print(say("gate.door_run_written", lang, pages=pages, s=plural(pages), path=args.output))
            return 0
        if args.gate_command == "forged":
            scans = gate.list_refused_scans(conn)
            return _forged(scans, args.json, lang)
        waiting = gate.list_waiting(conn)
        settings = gate.get_gate_settings(conn)
        clock = gate.age_clock(conn)
        printed = print_language(conn)
    now = clock.now
    if args.json:
        print_json({"clock": clock.as_json(), "bags": [
            {**bag.as_json(), "address": bag.address, "storage": bag.storage, "since": bag.since,
             "minutes_waited": bag.minutes_waited(now), "at_gate": bag.at_gate,
             "cold_chain_overdue": settings.overdue(bag, now)}
            for bag in waiting
        ]})
        return 0
    print(say("gate.bags_waiting", lang, n=len(waiting)))
    if clock.jumped:
        print(clock_jump_text(clock, lang))
    for bag in waiting:
        minutes = bag.minutes_waited(now)
        mark = "!" if settings.overdue(bag, now) else " "
        storage = storage_word(bag.storage, printed)
        waited = f"{minutes // 60}:{minutes % 60:02d}"
        print(f"{mark} {waited:>6}  {bag.address:<10} {bag.index}/{bag.count} {storage} · {bag.buy}")
    return 0


def clock_jump_text(clock, lang: str) -> str:
    behind = say("gate.clock_behind", lang, hours=clock.behind_minutes // 60, minutes=clock.behind_minutes % 60)
    basis = word("clock_basis", "steady" if clock.source == "steady" else "handoff", lang)
    return say("gate.clock_jumped", lang, behind=behind, basis=basis)


def _forged(scans, as_json: bool, lang: str) -> int:
    if as_json:
        print_json({"scans": [scan.as_json() for scan in scans]})
        return 0
    from desktop.gate import clock_text

    print(say("gate.refused_scans", lang, n=len(scans), s=plural(len(scans))))
    for scan in scans:
        who = scan.operator or say("gate.unnamed", lang)
        print(f"  {clock_text(scan.at)}  {scan.station}  {who}  {scan.text}  {word('refused_scan', scan.verdict, lang)}")
    return 0


def _settings(conn, args: argparse.Namespace, lang: str) -> int:
    from desktop import gate

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
    else:
        sealed = say("list_comma", lang).join(str(b) for b in settings.sealed_buildings)
        print(say("gate.settings", lang, frozen=settings.frozen_limit, chilled=settings.chilled_limit,
                  sealed=sealed or say("gate.none", lang)))
    return 0
