"""A station's turn at the gate, without a window: what the next scan records (F1 picked up, F2
delivered to the door, F3 arrived at the gate, F4 only check), the household card being worked
through and its ticks, the proxy collecting for one household, the guard on duty, the last answer
and what Ctrl+Z would undo. The Gate page, `scan` on the command line and the tests drive it alike.

`submit(text)` answers one scan with one read of the store: the bag's row, checked (and recorded)
in one transaction. A scan that would record a handoff while no guard is named is held, answered
as a check, until a name is given (`record_held`) or refused (`drop_held`). A decision about the
bag on screen and an undo are their own actions, each one transaction.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from desktop.bags import codes
from desktop.db.connection import Connection
from desktop.gate.custody import Decision, Undone, decide, undo_last_handoff
from desktop.gate.verdicts import (
    HANDED_OVER,
    SHIFT_HOURS,
    Card,
    ScanResult,
    clean_name,
    guard_key,
    guard_name,
    resolve_card,
    scan,
)
from desktop.gate.waiting import WaitingBag

DOUBLE_READ_S = 1.0  # the same code read again within this long is a scanner's double read
MODES = ("pickup", "door", "gate", None)  # None: only check, record nothing
STORAGE_ORDER = ("frozen", "chilled", "ambient")


class ShiftMemory:
    """The guard's name kept by the station for one shift, under the compound's public identity
    (a restore of the compound's own backup keeps it). `store` is anything with QSettings'
    `value(key, default)`, `setValue(key, value)` and `remove(key)`."""

    def __init__(self, store, conn: Connection, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        key = guard_key(conn)
        self._name_key, self._since_key = f"gate/guard/{key}/name", f"gate/guard/{key}/since"
        self._clock = clock

    def recall(self) -> str:
        """The name given within the shift, else ''."""
        if self._store is None:
            return ""
        name = self._store.value(self._name_key, "")
        try:
            since = float(self._store.value(self._since_key, 0) or 0)
        except (TypeError, ValueError):
            since = 0.0
        if not name or not 0 <= self._clock() - since < SHIFT_HOURS * 3600:
            return ""
        return str(name)

    def keep(self, name: str) -> None:
        """Remember `name` from now on; an empty name forgets."""
        if self._store is None:
            return
        if name:
            self._store.setValue(self._name_key, name)
            self._store.setValue(self._since_key, self._clock())
        else:
            self._store.remove(self._name_key)
            self._store.remove(self._since_key)


class GateSession:
    """One station's gate over a connection. `store` keeps the guard's name for the shift (the
    page passes its QSettings); `name_required` holds back handoffs until a guard is named (the
    page; the command line records with whatever `--operator` says)."""

    def __init__(self, conn: Connection, *, store=None, name_required: bool = True,
                 mode: str | None = "pickup", operator: str = "", station: str | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.conn = conn
        self.memory = ShiftMemory(store, conn)
        self.name_required = name_required
        self.mode = mode
        self.station = station
        self.clock = clock  # for double reads; a test may turn it by hand
        self.operator = clean_name(operator) or self.memory.recall()
        self.proxy = ""  # who collects for the household, as typed
        self.proxy_actions: tuple[str, ...] = ("pickup",)  # what a proxy's name is recorded with
        self._proxy_household: int | None = None
        self.card: Card | None = None
        self.card_bags: list[WaitingBag] = []
        self.card_ticked: dict[str, str] = {}  # code → "recorded" or "checked"
        self.last_result: ScanResult | None = None
        self.held: tuple[str, ScanResult] | None = None  # a scan waiting for the guard's name
        self.refusal: str | None = None  # why this file takes no handoffs, when it does not
        self._undo: ScanResult | None = None  # the last handoff this station recorded
        self._last_read: tuple[str, float] = ("", float("-inf"))

    # ---- the guard, the mode, the proxy, the file ----

    def set_guard(self, text: object) -> str:
        """The guard's name for this shift, kept by the station; BadInput when it is no name."""
        self.operator = guard_name(text)
        self.memory.keep(self.operator)
        return self.operator

    def type_operator(self, text: object) -> None:
        """The name as typed in the Guard field: kept while it is a name, forgotten when it is a
        scanner's burst that landed there."""
        self.operator = clean_name(text)
        self.memory.keep("" if codes.shaped_like_code(self.operator) else self.operator)

    def choose(self, mode: str | None) -> bool:
        """F1–F4: what the next scans record (never the bag on screen); False when this file
        takes no handoffs and a recording mode was asked for."""
        if mode is not None and self.refusal is not None:
            return False
        self.mode = mode
        return True

    def set_proxy(self, name: str) -> None:
        """A proxy's name as typed: it applies to the next household recorded for."""
        self.proxy = name
        self._proxy_household = None

    def refuse_changes(self, sentence: str) -> None:
        """The file may not be written: scans still answer, nothing is recorded."""
        self.mode = None
        self.refusal = sentence

    # ---- scanning ----

    def submit(self, text: str) -> ScanResult | None:
        """The answer for any text scanned or typed; None for a scanner's double read. When a
        handoff would be recorded but no guard is named, the scan is answered as a check and
        held (`held`)."""
        code, now = codes.normalise(text), self.clock()
        last_code, last_at = self._last_read
        self._last_read = (code, now)
        if code == last_code and now - last_at < DOUBLE_READ_S:
            return None  # the answer on screen stands
        record = self.mode if self.refusal is None else None
        if record is not None and self.name_required and not self.operator:
            result = scan(self.conn, text, card=self.card, station=self.station)
            if result.kind == "bag" and result.verdict == "ok":
                self.held = (text, result)
                return result
            return self._take(result)
        return self._record(text, record)

    def record_held(self) -> ScanResult | None:
        """The held scan, recorded now that the guard is named."""
        if self.held is None:
            return None
        text, _checked = self.held
        self.held = None
        return self._record(text, self.mode if self.refusal is None else None)

    def drop_held(self) -> ScanResult | None:
        """No name was given: the held scan stands as the check it was answered with."""
        if self.held is None:
            return None
        _text, checked = self.held
        self.held = None
        return self._take(checked)

    def _record(self, text: str, record: str | None) -> ScanResult:
        proxy = self.proxy.strip() if record in self.proxy_actions else ""
        for_household = self.card.household_id if self.card is not None else self._proxy_household
        result = scan(self.conn, text, card=self.card, record=record, operator=self.operator,
                      station=self.station, proxy_name=proxy, proxy_for=for_household if proxy else None)
        if (proxy and self.card is None and self._proxy_household is not None
                and result.household_id not in (None, self._proxy_household)):
            self.set_proxy("")  # a bag of another household: the proxy is not carried over
            proxy = ""
        if result.recorded and proxy:
            self._proxy_household = result.household_id
        return self._take(result)

    def _take(self, result: ScanResult) -> ScanResult:
        self.last_result = result
        if result.verdict == "household":
            self._start_card(result)
        elif self.card is not None and result.kind == "bag" and result.verdict == "ok":
            self.card_ticked[result.code] = "recorded" if result.recorded else "checked"
            if result.code not in {b.code for b in self.card_bags}:
                self.card_bags.append(_as_waiting(result))
        if result.recorded:
            self._undo = result
        return result

    # ---- a household's card ----

    def use_card(self, text: object) -> Card:
        """Check the next bags against this card (BadInput when it is not a current card)."""
        self.card = resolve_card(self.conn, text)
        return self.card

    def _start_card(self, result: ScanResult) -> None:
        if self.card is None or self.card.household_id != result.household_id:
            self.set_proxy("")
        self.card = result.card
        self.card_bags = sorted(result.waiting_bags,
                                key=lambda b: (STORAGE_ORDER.index(b.storage), b.buy_id, b.index))
        self.card_ticked = {}

    def end_card(self) -> bool:
        """Esc: done with the card; the next bags are checked on their own. False: no card."""
        if self.card is None:
            return False
        self.card, self.card_bags, self.card_ticked = None, [], {}
        self.set_proxy("")
        self.last_result = None
        return True

    def card_list(self) -> list[tuple[WaitingBag, str | None]]:
        """The card's bags, each with "recorded", "checked" or None (not yet scanned)."""
        return [(bag, self.card_ticked.get(bag.code)) for bag in self.card_bags]

    # ---- a decision about the bag on screen, and undo ----

    def decision_target(self) -> ScanResult | None:
        """The bag on screen a decision (F6) may be about, as last answered; None if none."""
        shown = self.last_result
        if shown is None or shown.kind != "bag" or shown.bag is None or shown.verdict in (
                "void", "wrong_household"):
            return None
        return shown

    def decide(self, action: str, reason: str) -> Decision:
        """Record what happened to the bag on screen, with the reason (BadInput otherwise)."""
        target = self.decision_target()
        code = target.code if target is not None else ""
        decision = decide(self.conn, code, action, reason, card=self.card,
                          operator=self.operator, station=self.station)
        self.last_result = self._undo = decision.result
        if self.card is not None:
            self.card_ticked[code] = "recorded" if action in HANDED_OVER else "checked"
        return decision

    def undo_target(self) -> ScanResult | None:
        """The answer whose standing handoff Ctrl+Z would undo: the last one this station
        recorded, else the bag on screen's; None when there is none."""
        if self._undo is not None:
            return self._undo
        shown = self.last_result
        if shown is not None and shown.kind == "bag" and shown.last_handoff is not None:
            return shown
        return None

    def undo(self, reason: str) -> Undone:
        """Undo the target's standing handoff with the reason (BadInput otherwise)."""
        target = self.undo_target()
        undone = undo_last_handoff(self.conn, target.code if target else "", reason,
                                   operator=self.operator, station=self.station, card=self.card)
        self._undo = None
        self.card_ticked.pop(undone.code, None)
        self.last_result = undone.after
        return undone


def _as_waiting(result: ScanResult) -> WaitingBag:
    """A bag of the card's household that was not on its list (an older list): shown ticked."""
    bag = result.bag
    return WaitingBag(
        bag_id=result.bag_id or 0, code=result.code, household_id=result.household_id or 0,
        address=result.address or "", building=0, entrance=None, room=0, name="", delivery="",
        buy_id=0, buy=bag.buy, storage=bag.storage, index=bag.index, count=bag.count,
        since=result.last_handoff.at if result.last_handoff else "")


__all__ = ["DOUBLE_READ_S", "MODES", "GateSession", "ShiftMemory"]
