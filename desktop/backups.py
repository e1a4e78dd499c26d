"""Automatic and manual backups, their rotation, and putting one back in place of a bad file.

A backup is one self-contained SQLite file (no WAL) made with the backup API and checked with
`integrity_check` after it is written. Kept: the last 10, plus the newest of each of the last
7 days; in the backups folder beside the database and, when set, in a second folder (a USB stick).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.clock import file_stamp
from desktop.db.backup import backups_dir, copy_database
from desktop.db.connection import Connection, inspect_connection, transaction, translate_error
from desktop.errors import BadInput, DatabaseUnusable

KEEP_LAST = 10
KEEP_DAILY_DAYS = 7
MIRROR_SETTING = "backup_mirror"
# STEM-YYYYmmdd-HHMMSS-ffffff[-REASON].sqlite, the stamp in UTC.
_NAME = r"-(\d{8}-\d{6}-\d{6})(?:-(.+))?\.sqlite"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC
    # Why it was made: start, auto, manual, before-import, before-upgrade-from-vN; "" if unsaid.
    reason: str = ""


def _parse_name(db_path: Path, path: Path) -> Backup | None:
    match = re.fullmatch(re.escape(db_path.stem) + _NAME, path.name)
    if not match:
        return None
    taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
    return Backup(path, taken, match.group(2) or "")


def list_backups(db_path: Path, folder: Path | None = None) -> list[Backup]:
    """This database's backups in a folder, newest first.

    Only this database's: `lobby-gate.sqlite` beside `lobby.sqlite` shares the folder, and its
    backups must be neither listed, restored nor pruned as the lobby's.
    """
    folder = folder or backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{db_path.stem}-*.sqlite"):
        backup = _parse_name(db_path, path)
        if backup is not None:
            found.append(backup)
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def mirror_folder(conn: Connection) -> Path | None:
    row = conn.execute("SELECT value FROM setting WHERE key = :k", {"k": MIRROR_SETTING}).fetchone()
    return Path(row[0]) if row and row[0] else None


def set_mirror_folder(conn: Connection, folder: Path | None) -> None:
    with transaction(conn):
        if folder is None:
            conn.execute("DELETE FROM setting WHERE key = :k", {"k": MIRROR_SETTING})
        else:
            conn.execute(
                "INSERT INTO setting (key, value) VALUES (:k, :v) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                {"k": MIRROR_SETTING, "v": str(folder)},
            )


def make_backup(conn: Connection, reason: str = "manual", to_dir: Path | None = None) -> Path:
    """Write a checked backup, copy it to the mirror folder if one is set, and prune old ones.

    With `to_dir` the copy goes only there and nothing is pruned: it is the user's folder.
    """
    name = f"{conn.path.stem}-{file_stamp()}-{reason}.sqlite"
    if to_dir is not None:
        return _copy(conn, to_dir / name)
    dest = _copy(conn, backups_dir(conn.path) / name)
    prune_backups(conn.path)
    mirror = mirror_folder(conn)
    if mirror is not None:
        try:
            mirror.mkdir(parents=True, exist_ok=True)
            shutil.copy2(dest, mirror / name)
            prune_backups(conn.path, mirror)
        except OSError:
            # A missing USB stick must not stop the work at the table; the local copy stands.
            pass
    return dest


def _copy(conn: Connection, dest: Path) -> Path:
    try:
        return copy_database(conn, dest)
    except (OSError, ValueError) as exc:  # ValueError: a folder name with a NUL byte in it
        raise DatabaseUnusable("backup_failed", path=str(dest)) from exc
    except sqlite3.DatabaseError as exc:
        # Reading a damaged page of the file is not a problem with the backup folder: say which.
        error = translate_error(exc, conn.path)
        if error.code == "db_damaged":
            raise error from exc
        raise DatabaseUnusable("backup_failed", path=str(dest)) from exc


def prune_backups(db_path: Path, folder: Path | None = None, now: datetime | None = None) -> list[Path]:
    """Delete backups beyond the last 10 and one a day for 7 days; return what was deleted."""
    backups = list_backups(db_path, folder)
    now = now or datetime.now(UTC)
    keep = {b.path for b in backups[:KEEP_LAST]}
    days_seen: set[str] = set()
    for backup in backups:  # newest first, so the first of each day is that day's newest
        day = backup.taken_at.strftime("%Y-%m-%d")
        if now - backup.taken_at <= timedelta(days=KEEP_DAILY_DAYS) and day not in days_seen:
            days_seen.add(day)
            keep.add(backup.path)
    deleted = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            deleted.append(backup.path)
    return deleted


def backup_before_import(conn: Connection) -> Path | None:
    """The copy taken before an import writes, so a wrong file can be undone by a restore.

    Inside a caller's transaction there is nothing committed to protect yet, so none is made.
    """
    if conn.in_transaction:
        return None
    return make_backup(conn, "before-import")


class ChangeWatch:
    """Tells whether the file changed since the last backup, by the database and WAL stamps."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.seen = self._stamp()

    def _stamp(self) -> tuple:
        stamps = []
        for suffix in ("", "-wal"):
            try:
                info = os.stat(f"{self.db_path}{suffix}")
                stamps.append((info.st_size, info.st_mtime_ns))
            except OSError:
                stamps.append(None)
        return tuple(stamps)

    def changed(self) -> bool:
        return self._stamp() != self.seen

    def mark(self) -> None:
        self.seen = self._stamp()


def backup_if_changed(conn: Connection, watch: ChangeWatch) -> Path | None:
    """The half-hourly backup: only when something was written since the last one."""
    if not watch.changed():
        return None
    path = make_backup(conn, "auto")
    watch.mark()
    return path


# ---- checking and restoring -----------------------------------------------------------------


def file_problem(path: Path) -> str | None:
    """None when the file passes integrity and foreign-key checks, else what is wrong."""
    try:
        conn = inspect_connection(path)
    except DatabaseUnusable as exc:
        return exc.code
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            return "; ".join(problems)
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            return "rows point at missing rows"
        return None
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()


def newest_good_backup(db_path: Path) -> Backup | None:
    for backup in list_backups(db_path):
        if file_problem(backup.path) is None:
            return backup
    return None


@dataclass(frozen=True)
class Restored:
    restored_from: Path
    kept_aside: Path | None


def restore_backup(db_path: Path, backup_path: Path) -> Restored:
    """Put a checked backup (a file, or an `export-all` folder) in place of the database.

    The current file is kept aside: its name gains `.damaged-TIMESTAMP` when it fails its
    check, else `.replaced-TIMESTAMP`. No connection to the database may be open.
    """
    staged = db_path.with_name(db_path.name + ".restoring")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{staged}{suffix}").unlink(missing_ok=True)
    if backup_path.is_dir():
        from desktop.export_all import rebuild_from_export

        rebuild_from_export(backup_path, staged)
    else:
        _check_backup(backup_path)
        shutil.copyfile(backup_path, staged)
    kept = None
    if db_path.exists():
        kind = "damaged" if file_problem(db_path) is not None else "replaced"
        kept = db_path.with_name(f"{db_path.name}.{kind}-{file_stamp()}")
        os.replace(db_path, kept)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{db_path}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{kept}{suffix}"))
    os.replace(staged, db_path)
    return Restored(backup_path, kept)


def _check_backup(backup_path: Path) -> None:
    from desktop.db.connection import LATEST_VERSION

    if not backup_path.is_file():
        raise BadInput("file_missing", path=str(backup_path))
    problem = file_problem(backup_path)
    if problem is not None:
        raise BadInput("backup_not_good", path=str(backup_path), detail=problem)
    check = inspect_connection(backup_path)
    try:
        version = check.execute("PRAGMA user_version").fetchone()[0]
    finally:
        check.close()
    if version > LATEST_VERSION:
        raise DatabaseUnusable(
            "db_too_new", path=str(backup_path), version=version, supported=LATEST_VERSION
        )
