"""Bags still waiting, how long their food has been out (the cold chain, on a clock no one can set
back), the buildings sealed by the authorities, and the door-delivery run they make."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from desktop import audit
from desktop.db import gate as rows
from desktop.db import settings as setting_rows
from desktop.db.connection import Connection, transaction
from desktop.errors import BadInput
from desktop.roster.address import address_key

DEFAULT_FROZEN_LIMIT = 90  # minutes a frozen bag may wait outside a freezer before it is flagged
DEFAULT_CHILLED_LIMIT = 120
MAX_LIMIT = 24 * 60
SETTING_FROZEN = "gate.frozen_limit_minutes"
SETTING_CHILLED = "gate.chilled_limit_minutes"
SETTING_SEALED = "gate.sealed_buildings"


@dataclass(frozen=True)
class WaitingBag:
    bag_id: int
    code: str
    household_id: int
    address: str
    building: int
    entrance: int | None
    room: int
    name: str
    delivery: str
    buy_id: int
    buy: str
    storage: str
    index: int
    count: int
    since: str
    at_gate: bool = False
    # Counted from when the bag was made: no arrival and no packing or gate event recorded yet.
    since_made: bool = False

    def minutes_waited(self, now: datetime | None = None) -> int:
        moment = now or datetime.now(UTC)
        return max(0, int((moment - parse_time(self.since)).total_seconds() // 60))

    def as_json(self) -> dict:
        return {"code": self.code, "buy": self.buy, "index": self.index, "count": self.count,
                "storage": self.storage}


@dataclass(frozen=True)
class GateSettings:
    frozen_limit: int = DEFAULT_FROZEN_LIMIT  # minutes
    chilled_limit: int = DEFAULT_CHILLED_LIMIT
    sealed_buildings: tuple[int, ...] = ()

    def limit_for(self, storage: str) -> int | None:
        return {"frozen": self.frozen_limit, "chilled": self.chilled_limit}.get(storage)

    def overdue(self, bag: WaitingBag, now: datetime | None = None) -> bool:
        """A frozen or chilled bag that has waited past its limit: the cold chain is at risk."""
        limit = self.limit_for(bag.storage)
        return limit is not None and bag.minutes_waited(now) >= limit


@dataclass(frozen=True)
class DoorStop:
    """One household on a door-delivery run, and why it is on it (`door` or `sealed`)."""

    household_id: int
    address: str
    building: int
    entrance: int | None
    room: int
    name: str
    reason: str
    bags: tuple[WaitingBag, ...] = field(default=())

# ---- waiting bags, the cold chain and door-delivery runs --------------------------------------


def parse_time(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def clock_text(iso: str) -> str:
    """When a handoff was stamped, as a guard reads it: 14:02 today, 04-12 14:02 another day, in
    this computer's time."""
    moment = parse_time(iso).astimezone()
    today = datetime.now(UTC).astimezone().date()
    return moment.strftime("%H:%M" if moment.date() == today else "%m-%d %H:%M")


def waiting_bag(row) -> WaitingBag:
    """A waiting bag from a row of the store's waiting queries."""
    return WaitingBag(
        bag_id=row["id"], code=row["code"], household_id=row["household_id"],
        address=row["address"], building=row["building"], entrance=row["entrance"],
        room=row["room"], name=row["name"], delivery=row["delivery"], buy_id=row["buy_id"],
        buy=row["buy_title"], storage=row["storage"], index=row["position"], count=row["count"],
        since=row["since"], at_gate=row["last_action"] == "gate",
        since_made="put_out" in row.keys() and row["arrived_at"] is None and row["put_out"] is None,
    )


def storage_counts(bags: Iterable[WaitingBag]) -> list[tuple[str, int]]:
    """[(storage, how many)] for some waiting bags: frozen, then chilled, then ambient."""
    counts: dict[str, int] = {}
    for bag in bags:
        counts[bag.storage] = counts.get(bag.storage, 0) + 1
    order = ("frozen", "chilled", "ambient")
    return sorted(counts.items(), key=lambda item: order.index(item[0]) if item[0] in order else 9)


def list_waiting(conn: Connection, household_id: int | None = None) -> list[WaitingBag]:
    """Bags not yet handed over, oldest first (frozen before chilled before ambient)."""
    return [waiting_bag(row) for row in rows.select_waiting(conn, household_id)]


# ---- the clock cold-chain ages are counted on ---------------------------------------------------

CLOCK_SLACK_S = 120  # a wall clock this far behind the steady reading has jumped


class SteadyClock:
    """The wall clock as it read when the program started, carried forward by the monotonic
    clock, which no one can set: what the time must be at least, whatever the wall clock says."""

    def __init__(self, wall: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._wall = wall
        self._monotonic = monotonic
        self._anchor = (wall(), monotonic())

    def read(self) -> tuple[datetime, datetime]:
        """(the wall clock now, the steady reading now)."""
        wall0, mono0 = self._anchor
        return (datetime.fromtimestamp(self._wall(), UTC),
                datetime.fromtimestamp(wall0 + (self._monotonic() - mono0), UTC))


STEADY = SteadyClock()


@dataclass(frozen=True)
class AgeClock:
    """The moment cold-chain ages are counted to. `source` is `wall` when the computer's clock
    was used; `steady` when it was set back while the program ran and the monotonic reading was
    used instead; `recorded` when it is behind the latest recorded handoff, whose time was used.
    `behind_minutes` says by how much the computer's clock is behind."""

    now: datetime
    source: str = "wall"
    behind_minutes: int = 0

    @property
    def jumped(self) -> bool:
        return self.source != "wall"

    def as_json(self) -> dict:
        return {"source": self.source, "clock_behind_minutes": self.behind_minutes}


def age_clock(conn: Connection | None = None, steady: SteadyClock | None = None) -> AgeClock:
    """The latest of the wall clock, the steady reading and the latest recorded handoff: a clock
    set back never makes a frozen bag look fresher than it is."""
    wall, reading = (steady or STEADY).read()
    candidates = [(wall, "wall"), (reading, "steady")]
    if conn is not None:
        latest = rows.select_latest_event_time(conn)
        if latest:
            candidates.append((parse_time(latest), "recorded"))
    moment, source = max(candidates, key=lambda candidate: candidate[0])
    behind = (moment - wall).total_seconds()
    if behind <= CLOCK_SLACK_S:
        return AgeClock(wall)
    return AgeClock(moment, source, round(behind / 60))


def get_gate_settings(conn: Connection) -> GateSettings:
    def minutes(key: str, default: int) -> int:
        value = rows.select_setting(conn, key)
        try:
            number = int(value) if value is not None else default
        except ValueError:
            return default
        return number if 1 <= number <= MAX_LIMIT else default

    sealed = rows.select_setting(conn, SETTING_SEALED) or ""
    buildings = tuple(sorted({int(part) for part in sealed.split(",") if part.strip().isdigit()}))
    return GateSettings(minutes(SETTING_FROZEN, DEFAULT_FROZEN_LIMIT),
                        minutes(SETTING_CHILLED, DEFAULT_CHILLED_LIMIT), buildings)


def parse_minutes(value: object) -> int:
    text = str(value if value is not None else "").strip()
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if not text.isdecimal() or not 1 <= int(text) <= MAX_LIMIT:
        raise BadInput("gate_limit_invalid", "limit", text=text, maximum=MAX_LIMIT)
    return int(text)


def parse_buildings(value: object) -> tuple[int, ...]:
    """Building numbers from `3, 5 12号楼`; BadInput names the first piece that is not one."""
    if isinstance(value, Iterable) and not isinstance(value, str):
        pieces = [str(v) for v in value]
    else:
        text = str(value or "").translate(str.maketrans("０１２３４５６７８９，、；", "0123456789,,,"))
        pieces = re.split(r"[,;\s]+", text)
    found = set()
    for piece in pieces:
        piece = re.sub(r"(号楼|栋|幢|号)$", "", piece.strip())
        if not piece:
            continue
        if not piece.isdecimal() or int(piece) < 1:
            raise BadInput("building_invalid", "building", text=piece)
        found.add(int(piece))
    return tuple(sorted(found))


def save_gate_settings(
    conn: Connection,
    *,
    frozen_limit: object = None,
    chilled_limit: object = None,
    sealed_buildings: object = None,
) -> GateSettings:
    """Change the cold-chain limits (minutes) and the sealed buildings; what is not given stays."""
    values = {}
    if frozen_limit is not None:
        values[SETTING_FROZEN] = str(parse_minutes(frozen_limit))
    if chilled_limit is not None:
        values[SETTING_CHILLED] = str(parse_minutes(chilled_limit))
    if sealed_buildings is not None:
        values[SETTING_SEALED] = ",".join(str(b) for b in parse_buildings(sealed_buildings))
    with transaction(conn):
        changes = [(key, setting_rows.get(conn, key), value) for key, value in values.items()]
        for key, value in values.items():
            rows.upsert_setting(conn, key, value)
        changes = [change for change in changes if change[1] != change[2]]
        if changes:
            audit.record(conn, "setting", changes=changes)
    return get_gate_settings(conn)


def set_building_sealed(conn: Connection, building: int, sealed: bool = True) -> GateSettings:
    """A building sealed by the authorities gets every bag carried to the door, and back."""
    (number,) = parse_buildings([building])
    with transaction(conn):
        current = set(get_gate_settings(conn).sealed_buildings)
        before = setting_rows.get(conn, SETTING_SEALED)
        current = current | {number} if sealed else current - {number}
        after = ",".join(str(b) for b in sorted(current))
        rows.upsert_setting(conn, SETTING_SEALED, after)
        if before != after:
            audit.record(conn, "setting", changes=[(SETTING_SEALED, before, after)])
    return get_gate_settings(conn)


def door_run(conn: Connection, building: int | None = None,
             waiting: list[WaitingBag] | None = None) -> list[DoorStop]:
    """Households whose waiting bags are carried to the door (door delivery, or a sealed
    building), by building, entrance and room; one building's when `building` is given."""
    sealed = set(get_gate_settings(conn).sealed_buildings)
    stops: dict[int, list[WaitingBag]] = {}
    for bag in waiting if waiting is not None else list_waiting(conn):
        if building is not None and bag.building != building:
            continue
        if bag.delivery == "door" or bag.building in sealed:
            stops.setdefault(bag.household_id, []).append(bag)
    found = []
    for bags in stops.values():
        first = bags[0]
        bags.sort(key=lambda b: (b.buy_id, b.index))
        found.append(DoorStop(first.household_id, first.address, first.building, first.entrance,
                              first.room, first.name,
                              "door" if first.delivery == "door" else "sealed", tuple(bags)))
    found.sort(key=lambda s: address_key(s.address))
    return found

