"""A station's turn at the gate, without a window: what the next scan records (F1 picked up, F2
delivered to the door, F3 arrived at the gate, F4 only check), the household card being worked
through and its ticks, the proxy collecting for one household, the guard on duty, the last answer
and what Ctrl+Z would undo. The Gate page, `scan` on the command line and the tests drive it alike.

`submit(text)` answers one scan with one read of the store: the bag's row, checked (and recorded)
in one transaction. A scan that would record a handoff while no guard is named is held, answered
as a check, until a name is given (`record_held`) or refused (`drop_held`). A decision about the
bag on screen and an undo are their own actions, each one transaction.

A window answers first and writes after: `submit(text, defer=True)` only reads (the check, fast
under WAL) and leaves what is to be written in `pending`, in order, as `Recording`s whose `run(conn)`
may go to another thread and connection; `landed(recording, result)` takes the result back. The
recording checks again in its own transaction, so a bag another station took meanwhile is refused
there, and a code whose recording is still pending is a double read: one event per scan.
`deciding`/`decided` and `undoing`/`undone` split a decision and an undo the same way.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from desktop.bags import codes
from desktop.db.connection import Connection
from desktop.gate.custody import Decision, Undone, decide, undo_last_handoff
from desktop.gate.verdicts import (
    HANDED_OVER,
    SHIFT_HOURS,
    WATCHED,
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


@dataclass(frozen=True, eq=False)
class Recording:
    """What a scan answered at once leaves to be written: its handoff (`record`), or with `record`
    None the note of a refused code-shaped scan; fixed when the scan was answered. `run(conn)`
    touches nothing but `conn`, so it may run on another thread."""

    text: str
    checked: ScanResult
    record: str | None
    operator: str
    station: str | None
    proxy: str = ""
    proxy_for: int | None = None
    card: Card | None = None

    def run(self, conn: Connection) -> ScanResult:
        """Check again and record in one transaction: the bag may have gone meanwhile."""
        return scan(conn, self.text, card=self.card, record=self.record, operator=self.operator,
                    station=self.station, proxy_name=self.proxy, proxy_for=self.proxy_for)


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
        self.pending: deque[Recording] = deque()  # answered, not yet written (`defer=True`)

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

    def submit(self, text: str, *, defer: bool = False) -> ScanResult | None:
        """The answer for any text scanned or typed; None for a scanner's double read. When a
        handoff would be recorded but no guard is named, the scan is answered as a check and
        held (`held`). With `defer`, nothing is written here: what is to be written waits in
        `pending`, and a code still waiting there is a double read."""
        code, now = codes.normalise(text), self.clock()
        last_code, last_at = self._last_read
        self._last_read = (code, now)
        if code == last_code and now - last_at < DOUBLE_READ_S:
            return None  # the answer on screen stands
        if defer and any(waiting.checked.code == code for waiting in self.pending):
            return None  # its recording is on its way: the answer on screen stands
        record = self.mode if self.refusal is None else None
        if defer or (record is not None and self.name_required and not self.operator):
            result = scan(self.conn, text, card=self.card, station=self.station, watch=not defer)
            if record is not None and result.kind == "bag" and result.verdict == "ok":
                if self.name_required and not self.operator:
                    self.held = (text, result)
                    return result
                return self._defer(text, result, record)
            if defer and result.verdict in WATCHED and codes.shaped_like_code(result.code):
                self.pending.append(Recording(text, result, None, self.operator, self.station))
            return self._take(result)
        return self._record(text, record)

    def record_held(self, *, defer: bool = False) -> ScanResult | None:
        """The held scan, recorded now that the guard is named (with `defer`, left pending)."""
        if self.held is None:
            return None
        text, checked = self.held
        self.held = None
        record = self.mode if self.refusal is None else None
        if defer and record is not None:
            return self._defer(text, checked, record)
        return self._record(text, record)

    def drop_held(self) -> ScanResult | None:
        """No name was given: the held scan stands as the check it was answered with."""
        if self.held is None:
            return None
        _text, checked = self.held
        self.held = None
        return self._take(checked)

    def _defer(self, text: str, checked: ScanResult, record: str) -> ScanResult:
        """The check answers now; its handoff waits in `pending`. Whom a proxy collects for is
        settled here, from the household the check found."""
        proxy = self.proxy.strip() if record in self.proxy_actions else ""
        if proxy and self.card is None and self._proxy_household not in (None, checked.household_id):
            self.set_proxy("")  # a bag of another household: the proxy is not carried over
            proxy = ""
        if proxy:
            self._proxy_household = checked.household_id
        self.pending.append(Recording(text, checked, record, self.operator, self.station, proxy,
                                      self._proxy_household if proxy else None, self.card))
        self.last_result = checked
        return checked

    def landed(self, recording: Recording, result: ScanResult | None) -> ScanResult | None:
        """A pending recording's result (None: it could not be written), taken back in order.
        The answer on screen becomes it only while no later scan was answered."""
        if recording in self.pending:
            self.pending.remove(recording)
        if result is not None and recording.record is not None:
            self._take(result, card=recording.card is self.card,
                       show=self.last_result is recording.checked)
        return result

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

    def _take(self, result: ScanResult, *, card: bool = True, show: bool = True) -> ScanResult:
        if show:
            self.last_result = result
        if result.verdict == "household":
            self._start_card(result)
        elif card and self.card is not None and result.kind == "bag" and result.verdict == "ok":
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

    def decide(self, action: str, reason: str, approved_by: str = "") -> Decision:
        """Record what happened to the bag on screen, with the reason (BadInput otherwise)."""
        return self.decided(self.deciding(action, reason, approved_by)(self.conn))

    def deciding(self, action: str, reason: str, approved_by: str = "") -> Callable[[Connection], Decision]:
        """The decision about the bag on screen as work on any connection; `decided` takes it.
        `approved_by`: the committee member who allowed it, when one had to
        (`custody.decision_needs_committee`)."""
        target = self.decision_target()
        code, card, operator, station = (target.code if target is not None else "", self.card,
                                         self.operator, self.station)
        approval = {"approved_by": approved_by} if approved_by else {}
        return lambda conn: decide(conn, code, action, reason, card=card, operator=operator,
                                   station=station, **approval)

    def decided(self, decision: Decision) -> Decision:
        self.last_result = self._undo = decision.result
        if self.card is not None:
            action = decision.result.last_handoff.action
            self.card_ticked[decision.result.code] = "recorded" if action in HANDED_OVER else "checked"
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
        return self.undone(self.undoing(reason)(self.conn))

    def undoing(self, reason: str, approved_by: str = "") -> Callable[[Connection], Undone]:
        """Undoing the target's handoff as work on any connection; `undone` takes it.
        `approved_by`: the committee member who allowed it, when one had to."""
        target = self.undo_target()
        code, card, operator, station = (target.code if target else "", self.card, self.operator,
                                         self.station)
        return lambda conn: undo_last_handoff(conn, code, reason, operator=operator,
                                              station=station, card=card, approved_by=approved_by)

    def undone(self, undone: Undone) -> Undone:
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


__all__ = ["DOUBLE_READ_S", "MODES", "GateSession", "Recording", "ShiftMemory"]
