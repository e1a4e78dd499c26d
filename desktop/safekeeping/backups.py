"""Automatic and manual backups, their rotation, and putting one back in place of a bad file.

A backup is one self-contained SQLite file (no WAL) made with the backup API and checked with
`integrity_check` after it is written. It holds everything, the compound secret included, so it
is readable by its owner only. Kept: the last 10 by sequence, plus the newest of each of the
last 7 days; in the backups folder beside the database and, when set, in a second folder (a USB
stick).

A file to restore is hostile until checked: it is copied beside the database (its -wal with it,
then read through SQLite), and that copy is put in place only if it is a Compound Desk database
whose schema is exactly the one its version makes, that passes the integrity and foreign-key
checks, holds a compound row, and is this compound's (unless the user says otherwise).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop import audit
from desktop.db import settings
from desktop.db.backup import (
    NAME_PATTERN,
    backup_name,
    backups_dir,
    checked_copy,
    copy_file_privately,
    finish_interrupted_restore,
    fsync_file,
    glob_escape,
    remove_partial,
    remove_stale_staged,
    staged_path,
    swap_in,
)
from desktop.db.base import owner_only
from desktop.db.checks import check_staged, current_compound, file_problem, refuse_while_open
from desktop.db.connection import Connection, refuse_odd_database_path, transaction
from desktop.errors import BadInput, DatabaseUnusable, DeskError

KEEP_LAST = 10
KEEP_DAILY_DAYS = 7


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC, by the clock of the moment: may run backwards
    # Why it was made: start, auto, manual, before-import, before-upgrade-from-vN; "" if unsaid.
    reason: str = ""
    sequence: int = 0  # the order backups were made in; 0 for ones named before sequences


def _parse_name(db_path: Path, path: Path) -> Backup | None:
    match = re.fullmatch(re.escape(db_path.stem) + NAME_PATTERN, path.name)
    if not match:
        return None
    taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
    return Backup(path, taken, match.group(3) or "", int(match.group(2) or 0))


def list_backups(db_path: Path, folder: Path | None = None) -> list[Backup]:
    """This database's backups in a folder, newest (highest sequence) first.

    Only this database's: `lobby-gate.sqlite` beside `lobby.sqlite` shares the folder, and its
    backups must be neither listed, restored nor pruned as the lobby's.
    """
    folder = folder or backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{glob_escape(db_path.stem)}-*.sqlite"):
        backup = _parse_name(db_path, path)
        if backup is not None:
            found.append(backup)
    found.sort(key=lambda b: (b.sequence, b.taken_at, b.path.name), reverse=True)
    return found


def mirror_folder(conn: Connection) -> Path | None:
    folder = settings.backup_mirror(conn)
    return Path(folder) if folder else None


def set_mirror_folder(conn: Connection, folder: Path | None) -> None:
    with transaction(conn):
        before = settings.backup_mirror(conn)
        settings.set_backup_mirror(conn, None if folder is None else str(folder))
        after = settings.backup_mirror(conn)
        if before != after:
            audit.record(conn, "setting", changes=[("backup_mirror", before, after)])


def make_backup(conn: Connection, reason: str = "manual", to_dir: Path | None = None) -> Path:
    """Write a checked backup, copy it to the mirror folder if one is set, and prune old ones.

    With `to_dir` the copy goes only there and nothing is pruned: it is the user's folder.
    """
    if to_dir is not None:
        return checked_copy(conn, to_dir / backup_name(conn.path, reason, to_dir))
    dest = checked_copy(conn, backups_dir(conn.path) / backup_name(conn.path, reason))
    prune_backups(conn.path, keep=dest)
    mirror = mirror_folder(conn)
    if mirror is not None:
        try:
            mirror.mkdir(parents=True, exist_ok=True)
            copy_file_privately(dest, mirror / dest.name)
            prune_backups(conn.path, mirror, keep=mirror / dest.name)
        except (OSError, ValueError):
            # A missing USB stick must not stop the work at the table; the local copy stands.
            pass
    return dest


def prune_backups(db_path: Path, folder: Path | None = None, now: datetime | None = None,
                  keep: Path | None = None) -> list[Path]:
    """Delete backups beyond the last 10 by sequence and one a day for 7 days; return what was
    deleted. `keep`, the backup just made, is never deleted, whatever its clock says."""
    backups = list_backups(db_path, folder)
    now = now or datetime.now(UTC)
    kept = {b.path for b in backups[:KEEP_LAST]}
    if keep is not None:
        kept.add(keep)
    days_seen: set[str] = set()
    for backup in backups:  # newest first, so the first of each day is that day's newest
        day = backup.taken_at.strftime("%Y-%m-%d")
        if timedelta(0) <= now - backup.taken_at <= timedelta(days=KEEP_DAILY_DAYS) and day not in days_seen:
            days_seen.add(day)
            kept.add(backup.path)
    deleted = []
    for backup in backups:
        if backup.path not in kept:
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


def newest_good_backup(db_path: Path) -> Backup | None:
    for backup in list_backups(db_path):
        if file_problem(backup.path) is None:
            return backup
    return None


@dataclass(frozen=True)
class Restored:
    restored_from: Path
    kept_aside: Path | None
    # Rebuilt from an export folder without the secret: labels and cards must be printed again.
    new_secret: bool = False


def restore_backup(db_path: Path, backup_path: Path, *, other_compound: bool = False,
                   with_secret: Path | None = None, operator: str = "") -> Restored:
    """Put a checked backup (a file, or an `export-all` folder) in place of the database.

    The current file is kept aside: its name gains `.damaged-TIMESTAMP` when it fails its
    check, else `.replaced-TIMESTAMP`. No connection to the database may be open: while one is
    (another window, a command in a loop), the restore is refused and nothing moves.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    refuse_odd_database_path(db_path)
    if not db_path.parent.is_dir():
        raise BadInput("db_cannot_restore_there", path=str(db_path))
    finish_interrupted_restore(db_path)
    remove_stale_staged(db_path)
    _refuse_own_file(db_path, backup_path)
    current_uuid, current_mirror = current_compound(db_path)
    staged = staged_path(db_path)
    new_secret = False
    try:
        if backup_path.is_dir():
            from desktop.safekeeping.export_all import read_secret_file, rebuild_from_export

            secret = read_secret_file(with_secret) if with_secret is not None else None
            new_secret = rebuild_from_export(backup_path, staged, secret=secret).new_secret
        else:
            if with_secret is not None:
                raise BadInput("secret_only_for_export", path=str(with_secret))
            _stage_file(backup_path, staged)
        uuid = check_staged(staged, backup_path, current_mirror)
        if current_uuid is not None and uuid != current_uuid and not other_compound:
            raise BadInput("backup_other_compound", path=str(backup_path))
        fsync_file(staged)
        kept = None
        if db_path.exists():
            kind = "damaged" if file_problem(db_path) is not None else "replaced"
            kept = db_path.with_name(f"{db_path.name}.{kind}-{_stamp()}")
            refuse_while_open(db_path)
        swap_in(db_path, staged, kept)
    except OSError as exc:
        remove_partial(staged)
        raise DatabaseUnusable("restore_failed", path=str(db_path)) from exc
    except BaseException:
        remove_partial(staged)
        raise
    _note_restore(db_path, backup_path, operator)
    return Restored(backup_path, kept, new_secret)


def _note_restore(db_path: Path, backup_path: Path, operator: str) -> None:
    """The audit line of a restore, written in the restored file once it is in place (the file
    it replaced is kept aside as it was). A file that cannot take it now still stands restored."""
    from desktop import audit
    from desktop.db import connect, transaction

    try:
        conn = connect(db_path)
    except DeskError:
        return
    try:
        audit.set_actor(conn, operator)
        with transaction(conn):
            audit.record(conn, "restore", summary=backup_path.name, changes=[("file", None, str(backup_path))])
    except DeskError:
        pass
    finally:
        conn.close()


def _stamp() -> str:
    from desktop.clock import file_stamp

    return file_stamp()


def _refuse_own_file(db_path: Path, backup_path: Path) -> None:
    with contextlib.suppress(OSError, ValueError):  # ValueError: a name no file system takes
        if os.path.samefile(db_path, backup_path):
            raise BadInput("backup_is_database", path=str(backup_path))


def _stage_file(source: Path, staged: Path) -> None:
    """Copy the file to restore, and its -wal or -journal beside it, next to the database.

    Plain copies of the bytes: the original (perhaps on a write-protected stick) is never
    opened by SQLite, and whatever its -wal holds is folded in when the copy is read.
    """
    try:
        info = os.stat(source)
    except FileNotFoundError as exc:
        raise BadInput("file_missing", path=str(source)) from exc
    except (OSError, ValueError) as exc:
        raise BadInput("file_unreadable", path=str(source)) from exc
    import stat

    if not stat.S_ISREG(info.st_mode):
        raise BadInput("backup_not_regular", path=str(source))
    if info.st_size == 0:
        raise BadInput("backup_empty", path=str(source))
    try:
        for suffix in ("", "-wal", "-journal"):
            side = Path(f"{source}{suffix}")
            if suffix and not side.is_file():
                continue
            with owner_only(), side.open("rb") as src, open(f"{staged}{suffix}", "xb") as out:
                shutil.copyfileobj(src, out, 1024 * 1024)
    except OSError as exc:
        remove_partial(staged)
        if not Path(f"{source}").is_file():
            raise BadInput("file_missing", path=str(source)) from exc
        raise DatabaseUnusable("backup_failed", path=str(staged)) from exc


