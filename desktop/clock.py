"""Times are stored in UTC ISO-8601 and shown in local time."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def file_stamp() -> str:
    """A UTC stamp safe in file names, ordered like the times it names."""
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def to_local(iso: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return moment.astimezone().strftime(fmt)
