"""Sharing out a short delivery of one item: pure functions, no database.

- `vulnerable-first` (the default): households flagged elderly living alone, infant, pregnant,
  chronic medication or disability are served in full first, then everyone else by order time.
- `first-come`: by order time alone.
- `pro-rata`: everyone gets the same share of what they ordered, rounded down, and the units left
  over go one each to the largest remainders (Hamilton's method).

Ties are broken by order time, then by the claim's key (the order id), so the same input always
gives the same result whatever order the claims come in. Nobody gets more than they ordered and the
units handed out never exceed what arrived.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from desktop.errors import BadInput

POLICIES = ("vulnerable-first", "first-come", "pro-rata")
DEFAULT_POLICY = "vulnerable-first"


@dataclass(frozen=True)
class Claim:
    """One order's line for the item: how many it asked for, and what decides its place."""

    key: Hashable
    quantity: int
    vulnerable: bool = False
    placed_at: str = ""


def parse_policy(text: str | None) -> str:
    policy = (text or DEFAULT_POLICY).strip().lower().replace("_", "-")
    if policy not in POLICIES:
        raise BadInput("policy_unknown", "policy", text=text, policies=", ".join(POLICIES))
    return policy


def _ordered(claims: Sequence[Claim]) -> list[Claim]:
    try:
        return sorted(claims, key=lambda c: (c.placed_at, c.key))
    except TypeError:  # keys of types that do not compare with each other
        return sorted(claims, key=lambda c: (c.placed_at, type(c.key).__name__, repr(c.key)))


def _in_turn(queue: Sequence[Claim], received: int) -> dict[Hashable, int]:
    left = received
    result: dict[Hashable, int] = {}
    for claim in queue:
        wanted = max(claim.quantity, 0)
        given = min(wanted, left)
        result[claim.key] = given
        left -= given
    return result


def first_come(claims: Sequence[Claim], received: int) -> dict[Hashable, int]:
    return _in_turn(_ordered(claims), max(received, 0))


def vulnerable_first(claims: Sequence[Claim], received: int) -> dict[Hashable, int]:
    queue = _ordered(claims)
    queue = [c for c in queue if c.vulnerable] + [c for c in queue if not c.vulnerable]
    return _in_turn(queue, max(received, 0))


def pro_rata(claims: Sequence[Claim], received: int) -> dict[Hashable, int]:
    wanted = {claim.key: max(claim.quantity, 0) for claim in claims}
    total = sum(wanted[c.key] for c in claims)
    share = min(max(received, 0), total)
    if total == 0 or share == total:
        return {claim.key: wanted[claim.key] for claim in claims}
    result: dict[Hashable, int] = {}
    remainders: list[tuple[int, int, Claim]] = []
    for position, claim in enumerate(_ordered(claims)):
        whole, remainder = divmod(wanted[claim.key] * share, total)
        result[claim.key] = whole
        remainders.append((-remainder, position, claim))
    left = share - sum(result.values())
    remainders.sort(key=lambda entry: (entry[0], entry[1]))
    for _, _, claim in remainders[:left]:
        result[claim.key] += 1
    return result


_BY_POLICY = {"vulnerable-first": vulnerable_first, "first-come": first_come, "pro-rata": pro_rata}


def allocate(claims: Sequence[Claim], received: int, policy: str = DEFAULT_POLICY) -> dict[Hashable, int]:
    """How many units each claim gets when `received` units arrived, by its key."""
    if len({claim.key for claim in claims}) != len(claims):
        raise ValueError("each claim needs its own key")
    return _BY_POLICY[parse_policy(policy)](claims, received)
