"""Queries the gate needs: a bag with its household, buy and standing custody event in one indexed
SELECT; bags still waiting; appending custody events; the custody log. They never commit: the
services in `desktop.gate` own the transactions.

The *standing* event of a bag is its latest custody event that is not a reversal and has not been
reversed, latest in the order events were recorded (their id, a sequence this file hands out),
never by their timestamps: a laptop clock set back cannot make an older event stand again. The
`handoff_in_order (bag_id, id)` index walks a bag's few events backwards and `handoff_by_reversed`
answers "was it undone?", so no column on `bag` has to be kept in step with the log (which a merge
of two stations' files would break).

Since an event that ended custody and was not undone stands over any other, a bag is still waiting
exactly when it has no such event: `NOT_HANDED_OVER` asks that of the small `handoff_ending` index
(events that ended custody only), so the waiting lists look up one index entry for each of a
household's bags, and walk the custody log only of the few still waiting.
"""

from __future__ import annotations

import os
import sqlite3
import time
import uuid
from collections.abc import Iterable

from desktop.db import settings
from desktop.db.needs import URGENT_OF

# The standing event of the bag `b`, as a scalar subquery. An event that ended custody and was
# not undone stands over any other: an earlier "at the gate" merged in from another station's
# file after a pickup here (and so recorded later) must not make the bag wait again.
STANDING_EVENT = (
    "(SELECT e.id FROM handoff e WHERE e.bag_id = b.id AND e.action != 'reversal' "
    "AND NOT EXISTS (SELECT 1 FROM handoff r WHERE r.reverses_id = e.id) "
    "ORDER BY e.action IN ('pickup', 'door', 'spoiled') DESC, e.id DESC LIMIT 1)"
)
# Actions after which the bag is no longer at the compound's disposal.
ENDING_ACTIONS = ("pickup", "door", "spoiled")
# Buys whose bags may still be waiting: everything after the goods arrived, except cancelled.
WAITING_BUY_STATUSES = ("arrived", "bagged", "distributed", "settled")

_SCAN_SQL = f"""
SELECT b.id, b.code, b.household_id, b.storage, b.position, b.count, b.voided_at,
       b.void_reason, g.title AS buy_title, g.status AS buy_status, h.address,
       l.id AS last_id, l.action AS last_action, l.at AS last_at, l.operator AS last_operator,
       l.station AS last_station, l.proxy_name AS last_proxy,
       {URGENT_OF.format(household="b.household_id")} AS urgent_needs
FROM bag b
JOIN group_buy g ON g.id = b.group_buy_id
JOIN household h ON h.id = b.household_id
LEFT JOIN handoff l ON l.id = {STANDING_EVENT}
WHERE b.code = :code
"""

_ENDING = ", ".join(f"'{action}'" for action in ENDING_ACTIONS)
_WAITING_STATUSES = ", ".join(f"'{status}'" for status in WAITING_BUY_STATUSES)
# The bag `b` has no event that ended custody and was not undone: its standing event (above) did
# not end custody, so it is still waiting. The partial index `handoff_ending` holds exactly these
# actions (its WHERE is this IN list, word for word).
NOT_HANDED_OVER = (
    "NOT EXISTS (SELECT 1 FROM handoff x INDEXED BY handoff_ending "
    f"WHERE x.bag_id = b.id AND x.action IN ({_ENDING}) "
    "AND NOT EXISTS (SELECT 1 FROM handoff r WHERE r.reverses_id = x.id))"
)
# Waiting bags: live, of a buy still handing out, whose standing event did not end custody.
# Time waited runs from the earlier of the buy's first recorded arrival and the bag's first packed
# or gate event (the longest its food may have been out of a fridge), else from when it was made.
_WAITING_SQL = f"""
WITH buys AS (
    SELECT g.id, g.title,
           (SELECT min(a.at) FROM arrival a WHERE a.group_buy_id = g.id) AS arrived_at
    FROM group_buy g WHERE g.status IN ({_WAITING_STATUSES})
)
SELECT *, coalesce(min(coalesce(arrived_at, put_out), coalesce(put_out, arrived_at)),
                   created_at) AS since
FROM (
    SELECT b.id, b.code, b.household_id, b.storage, b.position, b.count, b.created_at,
           buys.id AS buy_id, buys.title AS buy_title, buys.arrived_at, h.address, h.building,
           h.entrance, h.room, h.name, h.delivery,
           (SELECT min(e.at) FROM handoff e
            WHERE e.bag_id = b.id AND e.action IN ('packed', 'gate')) AS put_out,
           l.action AS last_action, l.at AS last_at
    FROM buys
    JOIN bag b ON b.group_buy_id = buys.id AND b.voided_at IS NULL
    JOIN household h ON h.id = b.household_id
    LEFT JOIN handoff l ON l.id = {STANDING_EVENT}
    WHERE {{where}} AND {NOT_HANDED_OVER}
)
ORDER BY since, CASE storage WHEN 'frozen' THEN 0 WHEN 'chilled' THEN 1 ELSE 2 END,
         building, entrance IS NOT NULL, entrance, room, buy_id, position
"""


def select_bag_for_scan(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    """The bag with this normalised code, its household and buy, and its standing event."""
    return conn.execute(_SCAN_SQL, {"code": code}).fetchone()


def select_card(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT c.household_id, c.code, c.revoked_at, h.address, "
        f"{URGENT_OF.format(household='c.household_id')} AS urgent_needs FROM household_code c "
        "JOIN household h ON h.id = c.household_id WHERE c.code = :code",
        {"code": code},
    ).fetchone()


def select_waiting(conn: sqlite3.Connection, household_id: int | None = None) -> list[sqlite3.Row]:
    """Bags not yet handed over, oldest first; one household's when `household_id` is given."""
    if household_id is None:
        return conn.execute(_WAITING_SQL.format(where="1")).fetchall()
    return conn.execute(_WAITING_SQL.format(where="b.household_id = :household"),
                        {"household": household_id}).fetchall()


# A household's bags still waiting, lighter than _WAITING_SQL (no waiting times): what a green
# answer lists beside the bag scanned. In the order a card lists them.
_HOUSEHOLD_WAITING_SQL = f"""
SELECT b.id, b.code, b.household_id, b.storage, b.position, b.count, b.created_at AS since,
       g.id AS buy_id, g.title AS buy_title, h.address, h.building, h.entrance, h.room, h.name,
       h.delivery, l.action AS last_action
FROM bag b INDEXED BY bag_live_by_household
JOIN group_buy g ON g.id = b.group_buy_id AND g.status IN ({_WAITING_STATUSES})
JOIN household h ON h.id = b.household_id
LEFT JOIN handoff l ON l.id = {STANDING_EVENT}
WHERE b.household_id = :household AND b.voided_at IS NULL AND b.id != :bag
  AND {NOT_HANDED_OVER}
ORDER BY CASE b.storage WHEN 'frozen' THEN 0 WHEN 'chilled' THEN 1 ELSE 2 END, g.id, b.position
"""


def select_household_waiting(conn: sqlite3.Connection, household_id: int,
                             but: int) -> list[sqlite3.Row]:
    """The household's other bags not yet handed over, over every buy, frozen first."""
    return conn.execute(_HOUSEHOLD_WAITING_SQL, {"household": household_id, "bag": but}).fetchall()


def select_event(conn: sqlite3.Connection, handoff_id: int) -> sqlite3.Row:
    return conn.execute(
        "SELECT id, action, at, operator, station, proxy_name, reason, reverses_id "
        "FROM handoff WHERE id = :id", {"id": handoff_id},
    ).fetchone()


_INSERT_EVENT = (
    "INSERT INTO handoff (uuid, station, bag_id, action, reverses_id, proxy_name, reason, "
    "operator, at) VALUES (:uuid, :station, :bag_id, :action, :reverses_id, :proxy_name, "
    ":reason, :operator, :at)"
)


def time_ordered_uuid() -> str:
    """A version 7 UUID (RFC 9562): the millisecond first, then 74 random bits. Still unique
    across stations, but new events land at the end of the uuid index instead of on a random
    page of it: one page fewer for each recorded handoff to write."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis & (1 << 48) - 1) << 80 | 0x7 << 76 | (rand >> 62 & 0xFFF) << 64
    value |= 0b10 << 62 | rand & (1 << 62) - 1
    return str(uuid.UUID(int=value))


def insert_event(conn: sqlite3.Connection, values: dict, *, station: str) -> int:
    """Append one custody event; `values` holds bag_id, action, at and any of reverses_id,
    proxy_name, reason and operator."""
    row = {"reverses_id": None, "proxy_name": "", "reason": "", "operator": "", **values,
           "uuid": time_ordered_uuid(), "station": station}
    return int(conn.execute(_INSERT_EVENT, row).lastrowid)


def select_log(conn: sqlite3.Connection) -> Iterable[sqlite3.Row]:
    """Every custody event in the order it was recorded, with its bag's code and address."""
    return conn.execute(
        "SELECT b.code, h.address, e.action, e.at, e.operator, e.station, e.proxy_name, "
        "e.reason, e.reverses_id, r.action AS reverses_action "
        "FROM handoff e JOIN bag b ON b.id = e.bag_id JOIN household h ON h.id = b.household_id "
        "LEFT JOIN handoff r ON r.id = e.reverses_id "
        "ORDER BY e.id"
    )


def select_latest_event_time(conn: sqlite3.Connection) -> str | None:
    """The latest time any custody event was stamped with: a floor for the clock."""
    return conn.execute("SELECT max(at) FROM handoff").fetchone()[0]


select_setting = settings.get
upsert_setting = settings.put


def insert_refused_scan(conn: sqlite3.Connection, at: str, station: str, operator: str, text: str,
                        verdict: str) -> None:
    conn.execute(
        "INSERT INTO refused_scan (at, station, operator, text, verdict) "
        "VALUES (:at, :station, :operator, :text, :verdict)",
        {"at": at, "station": station, "operator": operator, "text": text, "verdict": verdict},
    )


def count_refused_since(conn: sqlite3.Connection, station: str, since: str) -> int:
    """Refused scans at a station stamped at or after `since`, among its latest hundred (a clock
    set back cannot hide a burst behind older, later-stamped rows for long)."""
    return conn.execute(
        "SELECT count(*) FROM (SELECT at FROM refused_scan WHERE station = :station "
        "ORDER BY id DESC LIMIT 100) WHERE at >= :since",
        {"station": station, "since": since},
    ).fetchone()[0]


def select_refused_scans(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT at, station, operator, text, verdict FROM refused_scan ORDER BY id").fetchall()
