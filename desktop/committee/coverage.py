"""Coverage: the households that received nothing in the last N days, for the volunteers who
will knock on their doors.

A household received something when one of its bags, of any buy or distribution, was picked up
or delivered to its door and that handoff was not undone; a bag that only arrived at the gate
does not count. Vulnerable households (the flags served first when stock runs short) come first,
then those without the longest; households without a smartphone are marked, since chat groups
miss them; each carries its urgent needs not yet met.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from desktop.committee.needs import urgent_needs_by_household
from desktop.db import reports as rows
from desktop.db.connection import Connection
from desktop.errors import BadInput
from desktop.roster.address import address_key
from desktop.roster.households import VULNERABLE_FLAGS, split_flags

DEFAULT_DAYS = 3
MAX_DAYS = 365


@dataclass(frozen=True)
class Unserved:
    household_id: int
    address: str
    name: str
    phone: str
    flags: tuple[str, ...]
    delivery: str
    last_handoff_at: str | None
    days_since: int | None
    urgent_needs: tuple[str, ...] = ()

    @property
    def vulnerable(self) -> bool:
        return bool(VULNERABLE_FLAGS.intersection(self.flags))

    @property
    def no_smartphone(self) -> bool:
        return "no_smartphone" in self.flags

    def as_json(self) -> dict:
        return {"address": self.address, "name": self.name, "flags": list(self.flags),
                "delivery": self.delivery, "phone": self.phone,
                "no_smartphone": self.no_smartphone, "vulnerable": self.vulnerable,
                "last_handoff_at": self.last_handoff_at, "days_since": self.days_since,
                "urgent_needs": list(self.urgent_needs)}


@dataclass(frozen=True)
class Coverage:
    days: int
    at: str
    households: tuple[Unserved, ...]

    @property
    def vulnerable(self) -> int:
        return sum(1 for h in self.households if h.vulnerable)

    @property
    def no_smartphone(self) -> int:
        return sum(1 for h in self.households if h.no_smartphone)

    def as_json(self) -> dict:
        return {"days": self.days, "at": self.at,
                "households": [h.as_json() for h in self.households]}


def parse_days(value: object) -> int:
    try:
        days = int(str(value).strip())
    except ValueError:
        raise BadInput("report_days_invalid", "days", text=str(value)) from None
    if not 1 <= days <= MAX_DAYS:
        raise BadInput("report_days_invalid", "days", text=str(value))
    return days


def _parse(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def coverage(conn: Connection, days: object = DEFAULT_DAYS, *, at: str | None = None) -> Coverage:
    """Households that received nothing in the `days` before `at` (now unless given), vulnerable
    first, then the longest without (never first), then in address order."""
    days = parse_days(days)
    moment = _parse(at) if at else datetime.now(UTC)
    since = _iso(moment - timedelta(days=days))
    needs = urgent_needs_by_household(conn)
    found = []
    for row in rows.select_last_served(conn, since, at):
        last = row["last_at"]
        flags = split_flags(row["flags"])
        found.append(Unserved(
            row["id"], row["address"], row["name"], row["phone"], flags, row["delivery"], last,
            None if last is None else max(0, (moment - _parse(last)).days),
            tuple(needs.get(row["id"], ())),
        ))
    found.sort(key=lambda h: (not h.vulnerable, h.last_handoff_at is not None,
                              h.last_handoff_at or "", address_key(h.address)))
    return Coverage(days, _iso(moment), tuple(found))
