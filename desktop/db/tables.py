"""Every table at once, for the export that needs no SQLite and the rebuild from it: names,
columns, rows in stored order, and emptying and filling a fresh database. Writes run inside the
caller's `transaction()`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from desktop.db.base import Connection


def schema_version(conn: Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def table_names(conn: Connection) -> list[str]:
    """The tables in the order they were made (the order they can be filled in)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    )
    return [row[0] for row in rows]


def columns(conn: Connection, table: str) -> list[tuple[str, str]]:
    """(name, declared type) of each column of `table`, one of `table_names`."""
    return [(row[1], row[2]) for row in conn.execute(f'PRAGMA table_info("{table}")')]


@contextmanager
def one_snapshot(conn: Connection) -> Iterator[None]:
    """Reads inside see the file as it was at their first: one moment across every table."""
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def rows_of(conn: Connection, table: str, names: Sequence[str]) -> Iterator[tuple]:
    select = ", ".join(f'"{c}"' for c in names)
    for row in conn.execute(f'SELECT {select} FROM "{table}" ORDER BY rowid'):
        yield tuple(row)


def empty_all(conn: Connection) -> None:
    """Every row of every table gone, the foreign keys checked only when the filling commits."""
    conn.execute("PRAGMA defer_foreign_keys = ON")
    for table in reversed(table_names(conn)):
        conn.execute(f'DELETE FROM "{table}"')


def fill(conn: Connection, table: str, names: Sequence[str], rows: Iterable[Sequence]) -> None:
    marks = ", ".join("?" for _ in names)
    columns_sql = ", ".join(f'"{c}"' for c in names)
    conn.executemany(f'INSERT INTO "{table}" ({columns_sql}) VALUES ({marks})', rows)
