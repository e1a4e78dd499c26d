"""The `setting` table: one value per key. Its only owner; writes run inside the caller's
`transaction()`."""

from __future__ import annotations

from desktop.db.base import Connection

STATION = "station"
PRINT_LANGUAGE = "print_language"
BACKUP_MIRROR = "backup_mirror"
IMPORT_BASELINE = "roster_import_baseline"
# What the notice for the lobby board says about the lobby table: when it takes orders, when bags
# can be collected, and whom to ask.
LOBBY_HOURS = "lobby_hours"
COLLECT_HOURS = "collect_hours"
CONTACT = "notice_contact"


def get(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM setting WHERE key = :key", {"key": key}).fetchone()
    return None if row is None else row[0]


def put(conn: Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (:key, :value) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        {"key": key, "value": value},
    )


def remove(conn: Connection, key: str) -> None:
    conn.execute("DELETE FROM setting WHERE key = :key", {"key": key})


def station(conn: Connection) -> str | None:
    return get(conn, STATION)


def keep_first_station(conn: Connection, name: str) -> None:
    """The station's name is given once: a second window starting at the same moment keeps the first."""
    conn.execute("INSERT OR IGNORE INTO setting (key, value) VALUES (:key, :name)",
                 {"key": STATION, "name": name})


def print_language(conn: Connection) -> str:
    return get(conn, PRINT_LANGUAGE) or ""


def set_print_language(conn: Connection, lang: str) -> None:
    put(conn, PRINT_LANGUAGE, lang)


def backup_mirror(conn: Connection) -> str | None:
    folder = get(conn, BACKUP_MIRROR)
    return str(folder) if folder else None


def set_backup_mirror(conn: Connection, folder: str | None) -> None:
    if folder is None:
        remove(conn, BACKUP_MIRROR)
    else:
        put(conn, BACKUP_MIRROR, folder)
