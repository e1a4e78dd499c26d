"""The figures of one day, as the committee reads them each morning: what arrived, the bags
handed over (per building), the bags still waiting with their age (cold chain first), the
households not served for three days, the urgent needs still open, the money of the day and who
was on duty (the operators named on the day's handoffs). Also the two pictures of the Reports
page: bags per building, and handoffs per day over the last two weeks.

A day is the local calendar day. For today the figures stand as of now; for an earlier day, as
the log stood at its end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from desktop.committee.coverage import Coverage, coverage
from desktop.committee.money import MoneyReport, money_report
from desktop.committee.needs import Need, list_needs
from desktop.db import reports as rows
from desktop.db.connection import Connection
from desktop.errors import BadInput
from desktop.gate.waiting import get_gate_settings, list_waiting
from desktop.roster.address import address_key

UNSERVED_DAYS = 3
STORAGE_ORDER = {"frozen": 0, "chilled": 1, "ambient": 2}
HISTORY_DAYS = 14


@dataclass(frozen=True)
class Arrival:
    buy: str
    item: str
    received: int
    storage: str
    at: str


@dataclass(frozen=True)
class WaitingLine:
    address: str
    name: str
    building: int
    buy: str
    index: int
    count: int
    storage: str
    since: str
    minutes: int
    delivery: str
    overdue: bool = False  # waited longer than the gate's cold-chain limit for its storage


@dataclass(frozen=True)
class OnDuty:
    operator: str
    station: str
    handoffs: int
    first_at: str
    last_at: str


@dataclass(frozen=True)
class DayMoney:
    collected_by_method: dict[str, int]
    refunded_fen: int

    @property
    def collected_fen(self) -> int:
        return sum(self.collected_by_method.values())


@dataclass(frozen=True)
class BuildingBags:
    building: int
    handed: int
    waiting: int


@dataclass(frozen=True)
class DailyFigures:
    day: date
    start: str
    end: str
    arrivals: tuple[Arrival, ...]
    buildings: tuple[BuildingBags, ...]
    waiting: tuple[WaitingLine, ...]
    coverage: Coverage
    needs: tuple[Need, ...]
    money: DayMoney
    totals: MoneyReport
    on_duty: tuple[OnDuty, ...]

    @property
    def handed(self) -> int:
        return sum(b.handed for b in self.buildings)

    @property
    def waiting_count(self) -> int:
        return len(self.waiting)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def local_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day).astimezone()


def today() -> date:
    return datetime.now().astimezone().date()


def parse_day(value: object) -> date:
    """A day written YYYY-MM-DD (today when empty); refused when it is not a date or not yet come."""
    text = str(value or "").strip()
    if not text:
        return today()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise BadInput("daily_date_invalid", "date", text=text) from None
    if day > today():
        raise BadInput("daily_date_future", "date", date=day.isoformat())
    return day


def day_bounds(day: date) -> tuple[str, str, str | None]:
    """(start, end, as_of) of a local day in UTC; `as_of` is None for today (read as it stands)."""
    start = local_midnight(day)
    end = local_midnight(day + timedelta(days=1))
    return _iso(start), _iso(end), None if day >= today() else _iso(end)


def waiting_lines(conn: Connection, as_of: str | None) -> list[WaitingLine]:
    """Bags waiting at `as_of` (now when None), cold chain first, then the longest waiting."""
    moment = _parse(as_of) if as_of else datetime.now(UTC)
    if as_of is None:  # now: the gate's own list
        found = [(b.address, b.name, b.building, b.buy, b.index, b.count, b.storage, b.since,
                  b.delivery) for b in list_waiting(conn)]
    else:
        found = [(r["address"], r["name"], r["building"], r["buy_title"], r["position"], r["count"],
                  r["storage"], r["since"], r["delivery"]) for r in rows.select_waiting_at(conn, as_of)]
    limits = get_gate_settings(conn)
    lines = []
    for address, name, building, buy, index, count, storage, since, delivery in found:
        minutes = max(0, int((moment - _parse(since)).total_seconds() // 60))
        limit = limits.limit_for(storage)
        lines.append(WaitingLine(address, name, building, buy, index, count, storage, since, minutes,
                                 delivery, limit is not None and minutes >= limit))
    lines.sort(key=lambda w: (STORAGE_ORDER.get(w.storage, 3), w.since, address_key(w.address)))
    return lines


def bags_by_building(conn: Connection, start: str, end: str, as_of: str | None,
                     waiting: list[WaitingLine] | None = None) -> tuple[BuildingBags, ...]:
    """Per building: bags handed over in [start, end), and waiting at `as_of`."""
    handed: dict[int, int] = {}
    for row in rows.select_handed_over(conn, start, end):
        handed[row["building"]] = handed.get(row["building"], 0) + 1
    waits: dict[int, int] = {}
    for line in waiting if waiting is not None else waiting_lines(conn, as_of):
        waits[line.building] = waits.get(line.building, 0) + 1
    return tuple(BuildingBags(b, handed.get(b, 0), waits.get(b, 0))
                 for b in sorted(handed.keys() | waits.keys()))


def handoffs_per_day(conn: Connection, days: int = HISTORY_DAYS,
                     last: date | None = None) -> list[tuple[date, int]]:
    """Bags handed over (and not undone) on each of the `days` local days ending with `last`."""
    last = last or today()
    first = last - timedelta(days=days - 1)
    counts = {first + timedelta(days=n): 0 for n in range(days)}
    start, end = _iso(local_midnight(first)), _iso(local_midnight(last + timedelta(days=1)))
    for row in rows.select_handed_per_day(conn, start, end):
        day = date.fromisoformat(row["day"])
        if day in counts:
            counts[day] += row["handed"]
    return sorted(counts.items())


def _on_duty(conn: Connection, start: str, end: str) -> tuple[OnDuty, ...]:
    people: dict[tuple[str, str], list[str]] = {}
    for row in rows.select_events_between(conn, start, end):
        people.setdefault((row["operator"], row["station"]), []).append(row["at"])
    return tuple(sorted((OnDuty(op, station, len(times), min(times), max(times))
                         for (op, station), times in people.items()),
                        key=lambda d: (d.first_at, d.operator)))


def daily_figures(conn: Connection, day: object = None) -> DailyFigures:
    """Everything the daily sheet says about `day` (a date or YYYY-MM-DD text; today if None)."""
    day = day if isinstance(day, date) else parse_day(day)
    if day > today():
        raise BadInput("daily_date_future", "date", date=day.isoformat())
    start, end, as_of = day_bounds(day)
    arrivals = tuple(Arrival(r["buy_title"], r["item"], r["received"], r["storage"], r["at"])
                     for r in rows.select_arrivals_between(conn, start, end))
    waiting = waiting_lines(conn, as_of)
    totals = money_report(conn)
    methods: dict[str, int] = {}
    refunded = 0
    for line in totals.ledger:
        if start <= line.at < end:
            if line.amount_fen > 0:
                methods[line.method] = methods.get(line.method, 0) + line.amount_fen
            else:
                refunded -= line.amount_fen
    needs = tuple(n for n in list_needs(conn, unmet_only=True)
                  if n.opened_at < end)
    return DailyFigures(
        day, start, end, arrivals, bags_by_building(conn, start, end, as_of, waiting),
        tuple(waiting), coverage(conn, UNSERVED_DAYS, at=as_of), needs,
        DayMoney(methods, refunded), totals, _on_duty(conn, start, end),
    )
