"""What the Gate page's banner says, in the guard's language: an answer's headline, the address,
the bag and the reason; a card's list with its ticks; an undo and a decision."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop import gate
from desktop.bags.codes import display_code
from desktop.ui.common import arg
from desktop.ui.gate.widgets import storage_word

translate = QCoreApplication.translate


def idle() -> tuple[str, str, str]:
    return (translate("GatePage", "Ready"), translate("GatePage", "Scan a bag"),
            translate("GatePage", "or a household card"))


def still_waiting(result: gate.ScanResult, on_card: bool = False) -> str:
    """For a green bag: the household's other bags still waiting, how many, in which storage."""
    if result.verdict != "ok" or on_card:  # a card lists its bags itself
        return ""
    waiting = result.waiting_bags
    if not waiting:
        return translate("GatePage", "Nothing else is waiting for this household.")
    kinds = translate("GatePage", ", ").join(arg(translate("GatePage", "%1 %2"), count, storage_word(storage))
                               for storage, count in gate.storage_counts(waiting))
    head = (arg(translate("GatePage", "Also waiting for this household: 1 bag, %1"), kinds) if len(waiting) == 1
            else arg(translate("GatePage", "Also waiting for this household: %1 bags, %2"), len(waiting), kinds))
    shown = [bag_line(b.index, b.count, b.storage, b.buy)
             + (" — " + translate("GatePage", "at the gate") if b.at_gate else "") for b in waiting[:4]]
    if len(waiting) > 4:
        shown.append("…")
    return head + "\n" + "\n".join(shown)


def card_items(session: gate.GateSession) -> list[tuple[str, bool]]:
    items = []
    for bag, state in session.card_list():
        text = bag_line(bag.index, bag.count, bag.storage, bag.buy)
        if state == "recorded":
            text += " — " + translate("GatePage", "handed over")
        elif state == "checked":
            text += " — " + translate("GatePage", "checked, not recorded")
        elif bag.at_gate:
            text += " — " + translate("GatePage", "at the gate")
        items.append((text, state is not None))
    return items


def bag_line(index: int, count: int, storage: str, buy: str) -> str:
    return arg(translate("GatePage", "bag %1 of %2 · %3 · %4"), index, count, storage_word(storage), buy)


def event_text(event: gate.Handoff) -> str:
    who = event.operator or translate("GatePage", "a guard who gave no name")
    where = event.station or "?"
    templates = {
        "pickup": translate("GatePage", "picked up at %1 by %2 at %3"),
        "door": translate("GatePage", "delivered to the door at %1 by %2 at %3"),
        "gate": translate("GatePage", "arrived at the gate at %1, recorded by %2 at %3"),
        "packed": translate("GatePage", "packed at %1 by %2 at %3"),
        "returned": translate("GatePage", "returned at %1 to %2 at %3"),
        "spoiled": translate("GatePage", "found spoiled at %1 by %2 at %3"),
    }
    text = arg(templates.get(event.action, "%1 %2 %3"), gate.clock_text(event.at), who, where)
    if event.proxy_name:
        text += translate("GatePage", ", collected for the household by %1").replace("%1", event.proxy_name)
    return text


def words(result: gate.ScanResult) -> tuple[str, str, str, str]:
    """(headline, big line, detail, reason) for an answer, in the user's language."""
    v = result.verdict
    detail = ""
    if result.bag is not None:
        bag = result.bag
        detail = bag_line(bag.index, bag.count, bag.storage, bag.buy)
    event = result.last_handoff
    if v == "ok":
        if result.recorded:
            headline = {
                "pickup": translate("GatePage", "✓ Picked up — hand it over"),
                "door": translate("GatePage", "✓ Delivered to the door — recorded"),
                "gate": translate("GatePage", "Arrived at the gate — it waits here"),
            }[event.action]
            return headline, result.address, detail, recorded_text(event)
        reason = (arg(translate("GatePage", "At the gate since %1"), gate.clock_text(event.at)) if result.at_gate
                  else translate("GatePage", "Not recorded (F4 only check). To record this bag: F6."))
        return translate("GatePage", "✓ May be handed over"), result.address, detail, reason
    if v == "already_handed_over":
        headline = (translate("GatePage", "✗ Already delivered to the door") if event.action == "door"
                    else translate("GatePage", "✗ Already picked up"))
        return headline, result.address, detail, event_text(event)
    if v == "wrong_household":
        card = result.card.address if result.card else "?"
        return (translate("GatePage", "✗ A bag of another household"), result.address, detail,
                arg(translate("GatePage", "The card shown is for %1: do not hand this bag over."), card))
    if v == "void":
        headlines = {
            "buy_cancelled": translate("GatePage", "✗ A void bag of a cancelled buy"),
            "remade": translate("GatePage", "✗ A void bag: it was packed again with a new label"),
            "order_withdrawn": translate("GatePage", "✗ A void bag: its order was withdrawn"),
            "spoiled": translate("GatePage", "✗ A spoiled bag"),
            "card_replaced": translate("GatePage", "✗ A replaced household card"),
        }
        headline = headlines.get(result.void_reason or "", headlines["buy_cancelled"])
        if result.void_reason == "card_replaced":
            return headline, result.address, "", translate("GatePage", "Ask for the household's new card.")
        reason = translate("GatePage", "Do not hand it over: put it aside for the volunteers.")
        if result.void_reason == "spoiled" and event is not None:
            reason = event_text(event) + " — " + reason
        return headline, result.address, detail, reason
    if v == "household":
        count = len(result.waiting_bags)
        headline = (translate("GatePage", "Household card — 1 bag waiting") if count == 1 else
                    arg(translate("GatePage", "Household card — %1 bags waiting"), count))
        reason = (translate("GatePage", "Scan each bag: it is ticked off here. Esc ends the card.") if count
                  else translate("GatePage", "Nothing is waiting for this household."))
        return headline, result.address, "", reason
    code = display_code(result.code) if result.code else ""
    refused = translate("GatePage", "✗ Do not hand over")
    if v == "forged":
        return (refused, translate("GatePage", "Forged label"), code,
                translate("GatePage", "Its signature is not this compound's. Keep the bag aside and call a "
                        "committee member."))
    if v == "other_compound":
        return (refused, translate("GatePage", "Another compound's label"), code,
                translate("GatePage", "This label was printed by another compound's desk, not here."))
    if v == "unknown":
        return (refused, translate("GatePage", "Unknown code"), code,
                translate("GatePage", "No bag or card this station knows has this code. It may be "
                        "newer than this station's last merge with the lobby: ask the lobby."))
    if result.mistyped:
        return (refused, translate("GatePage", "Mistyped code"), code,
                translate("GatePage", "A character is wrong: check the code and type it again."))
    return (refused, translate("GatePage", "Not a code of this compound"), code[:40],
            translate("GatePage", "Scan the QR code again, or type the code printed under it."))


def recorded_text(event: gate.Handoff) -> str:
    who = event.operator or translate("GatePage", "a guard who gave no name")
    text = arg(translate("GatePage", "Recorded at %1 by %2 at %3"), gate.clock_text(event.at), who, event.station)
    if event.proxy_name:
        text += translate("GatePage", ", collected for the household by %1").replace("%1", event.proxy_name)
    return text


def recording(record: str) -> tuple[str, str]:
    """(tone, reason) for a bag that may be handed over while its handoff is being written."""
    reasons = {
        "pickup": translate("GatePage", "Recording the pickup…"),
        "door": translate("GatePage", "Recording the delivery to the door…"),
        "gate": translate("GatePage", "Recording its arrival at the gate…"),
    }
    return ("look" if record == "gate" else "go"), reasons[record]


def asking_name() -> tuple[str, str, str, str, str]:
    """(tone, headline, big line, detail, reason) while the guard's name is asked for, before a
    scan that records is recorded."""
    return ("look", translate("GatePage", "Who is on duty?"), translate("GatePage", "Your name, please"),
            "", translate("GatePage", "This bag is recorded as soon as you give your name."))


def undone_words(undone: gate.Undone, reason: str) -> tuple[str, str, str]:
    """(headline, detail, reason) for a handoff just undone."""
    bag = undone.after.bag
    return (arg(translate("GatePage", "↶ Undone: %1"), event_text(undone.undone)),
            bag_line(bag.index, bag.count, bag.storage, bag.buy) if bag else "",
            arg(translate("GatePage", "The bag waits again. Reason: %1"), " ".join(reason.split())))


def decision_reason(decision: gate.Decision) -> str:
    why = arg(translate("GatePage", "Reason: %1"), decision.reason)
    if decision.undone is not None:
        why = arg(translate("GatePage", "Instead of: %1"), event_text(decision.undone)) + " · " + why
    return why

