"""Read-only queries across tables for the committee's reports: who has been served and when,
custody events of a period, bags waiting at a moment, arrivals of a period. They write nothing.

A bag counts as handed over when its standing event (the gate's rule, `gate.STANDING_EVENT`:
the latest event not a reversal and not reversed, in the order events were recorded) is a pickup
or a door delivery. `end` reads the log as it stood at that moment (events and reversals stamped
before it); None reads it as it stands now.
"""

from __future__ import annotations

import sqlite3

from desktop.db.gate import ENDING_ACTIONS, WAITING_BUY_STATUSES

_HANDED_OVER = "('pickup', 'door')"

# The events standing at `:end` (None: now), one per bag.
_STANDING_AT = """
ev AS (
    SELECT e.id, e.bag_id, e.action, e.at, e.operator, e.station FROM handoff e
    WHERE (:end IS NULL OR e.at < :end) AND e.action != 'reversal'
      AND NOT EXISTS (SELECT 1 FROM handoff r WHERE r.reverses_id = e.id)
),
standing AS (SELECT bag_id, max(id) AS id FROM ev GROUP BY bag_id)
"""


def _standing_at(bag: str) -> str:
    """The standing event of the bag `bag` (an SQL expression) at `:end`, as a scalar subquery:
    a walk back through the bag's few events on `handoff_in_order`."""
    return (f"(SELECT e.id FROM handoff e WHERE e.bag_id = {bag} AND e.action != 'reversal' "
            "AND (:end IS NULL OR e.at < :end) "
            "AND NOT EXISTS (SELECT 1 FROM handoff r WHERE r.reverses_id = e.id) "
            "ORDER BY e.id DESC LIMIT 1)")


def select_last_served(conn: sqlite3.Connection, since: str, end: str | None) -> list[sqlite3.Row]:
    """The active households served by nobody in [since, end), each with the time its latest
    bag was handed over before `end` (NULL: never). Those served in the window are found from
    the window's own events (on `handoff_by_time`); only the others have their bags walked."""
    return conn.execute(f"""
        WITH recent AS MATERIALIZED (
            -- CROSS JOIN keeps the window's events the outer loop (SQLite's rule for it).
            SELECT DISTINCT b.household_id FROM handoff e CROSS JOIN bag b ON b.id = e.bag_id
            WHERE e.at >= :since AND (:end IS NULL OR e.at < :end)
              AND e.action IN {_HANDED_OVER} AND e.id = {_standing_at("b.id")}
        )
        SELECT h.id, h.address, h.building, h.entrance, h.room, h.name, h.phone, h.flags,
               h.delivery,
               (SELECT max(e.at) FROM bag b JOIN handoff e ON e.id = {_standing_at("b.id")}
                WHERE b.household_id = h.id AND e.action IN {_HANDED_OVER}) AS last_at
        FROM household h
        WHERE h.active = 1 AND h.id NOT IN (SELECT household_id FROM recent)
        """, {"since": since, "end": end}).fetchall()


def select_handed_over(conn: sqlite3.Connection, start: str, end: str) -> list[sqlite3.Row]:
    """Pickups and door deliveries stamped in [start, end) and never undone, with the building
    of the bag's household."""
    return conn.execute(f"""
        SELECT e.id, e.action, e.at, e.operator, e.station, h.building, h.address
        FROM handoff e JOIN bag b ON b.id = e.bag_id JOIN household h ON h.id = b.household_id
        WHERE e.at >= :start AND e.at < :end AND e.action IN {_HANDED_OVER}
          AND NOT EXISTS (SELECT 1 FROM handoff r WHERE r.reverses_id = e.id)
        ORDER BY e.at, e.id
        """, {"start": start, "end": end}).fetchall()


def select_handed_per_day(conn: sqlite3.Connection, start: str, end: str) -> list[sqlite3.Row]:
    """Pickups and door deliveries never undone, counted per local calendar day, in [start, end)."""
    return conn.execute(f"""
        SELECT date(e.at, 'localtime') AS day, count(*) AS handed FROM handoff e
        WHERE e.at >= :start AND e.at < :end AND e.action IN {_HANDED_OVER}
          AND NOT EXISTS (SELECT 1 FROM handoff r WHERE r.reverses_id = e.id)
        GROUP BY day
        """, {"start": start, "end": end}).fetchall()


def select_events_between(conn: sqlite3.Connection, start: str, end: str) -> list[sqlite3.Row]:
    """Every custody event stamped in [start, end): who recorded it, where and what."""
    return conn.execute(
        "SELECT id, action, at, operator, station FROM handoff "
        "WHERE at >= :start AND at < :end ORDER BY at, id",
        {"start": start, "end": end}).fetchall()


_ENDING = ", ".join(f"'{action}'" for action in ENDING_ACTIONS)
_WAITING_STATUSES = ", ".join(f"'{status}'" for status in WAITING_BUY_STATUSES)


def select_waiting_at(conn: sqlite3.Connection, end: str | None) -> list[sqlite3.Row]:
    """Bags made before `end`, not void then, of a buy still handing out, whose standing event
    at `end` did not end custody: with the household, and since when the food has been out (the
    earlier of the buy's first arrival and the bag's first packed or gate event, else when the
    bag was made, as the gate counts it)."""
    return conn.execute(f"""
        WITH {_STANDING_AT}
        SELECT b.id, b.code, b.storage, b.position, b.count, g.id AS buy_id, g.title AS buy_title,
               h.id AS household_id, h.address, h.building, h.entrance, h.room, h.name, h.delivery,
               coalesce(min(coalesce(arrived_at, put_out), coalesce(put_out, arrived_at)),
                        b.created_at) AS since
        FROM bag b
        JOIN group_buy g ON g.id = b.group_buy_id AND g.status IN ({_WAITING_STATUSES})
        JOIN household h ON h.id = b.household_id
        LEFT JOIN standing s ON s.bag_id = b.id
        LEFT JOIN ev ON ev.id = s.id
        LEFT JOIN (SELECT group_buy_id, min(at) AS arrived_at FROM arrival GROUP BY group_buy_id)
             a ON a.group_buy_id = g.id
        LEFT JOIN (SELECT bag_id, min(at) AS put_out FROM handoff
                   WHERE action IN ('packed', 'gate') AND (:end IS NULL OR at < :end)
                   GROUP BY bag_id) p ON p.bag_id = b.id
        WHERE (:end IS NULL OR b.created_at < :end)
          AND (b.voided_at IS NULL OR (:end IS NOT NULL AND b.voided_at >= :end))
          AND (ev.action IS NULL OR ev.action NOT IN ({_ENDING}))
        """, {"end": end}).fetchall()


def select_arrivals_between(conn: sqlite3.Connection, start: str, end: str) -> list[sqlite3.Row]:
    """What suppliers delivered in [start, end), item by item, with the buy."""
    return conn.execute(
        "SELECT a.id, a.at, a.received, a.operator, g.id AS buy_id, g.title AS buy_title, "
        "i.name AS item, i.storage FROM arrival a JOIN group_buy g ON g.id = a.group_buy_id "
        "JOIN item i ON i.id = a.item_id WHERE a.at >= :start AND a.at < :end ORDER BY a.at, a.id",
        {"start": start, "end": end}).fetchall()
