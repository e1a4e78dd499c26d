"""The `audit_entry` table: every change, appended (triggers refuse edits and deletions). Its
only owner; writes run inside the caller's `transaction()`."""

from __future__ import annotations

from desktop.db.base import Connection, Row
from desktop.db.stamp import insert as stamped_insert

_SELECT = (
    "SELECT a.id, a.uuid, a.station, a.at, a.operator, a.kind, a.household_id, a.summary, a.changes,"
    " h.address AS address FROM audit_entry a LEFT JOIN household h ON h.id = a.household_id"
)


def insert(conn: Connection, *, at: str, operator: str, kind: str, household_id: int | None,
           summary: str, changes: str, station: str) -> int:
    return stamped_insert(conn, "audit_entry", {
        "at": at, "operator": operator, "kind": kind, "household_id": household_id,
        "summary": summary, "changes": changes,
    }, station=station)


def select(conn: Connection, *, household_id: int | None = None, operator: str | None = None,
           since: str | None = None, before: str | None = None, kind: str | None = None,
           limit: int | None = None) -> list[Row]:
    """Entries newest first, narrowed by household, operator (any case), a time range
    [since, before) and kind."""
    where, params = [], {}
    if household_id is not None:
        where.append("a.household_id = :household_id")
        params["household_id"] = household_id
    if operator is not None:
        where.append("a.operator = :operator COLLATE NOCASE")
        params["operator"] = operator
    if since is not None:
        where.append("a.at >= :since")
        params["since"] = since
    if before is not None:
        where.append("a.at < :before")
        params["before"] = before
    if kind is not None:
        where.append("a.kind = :kind")
        params["kind"] = kind
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.id DESC"
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return conn.execute(sql, params).fetchall()


def operator_names(conn: Connection) -> list[str]:
    """Every name that made a change, for a filter's list."""
    return [row[0] for row in conn.execute(
        "SELECT DISTINCT operator FROM audit_entry WHERE operator != '' ORDER BY operator COLLATE NOCASE")]


def kinds(conn: Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT DISTINCT kind FROM audit_entry ORDER BY kind")]
