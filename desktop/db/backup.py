"""Self-contained copies of a database, made with SQLite's backup API and checked after writing;
their names, which carry a sequence; and putting a file in a database's place so that a kill at
any moment leaves the old file or the new one there, never none.

Backup names: STEM-YYYYmmdd-HHMMSS-ffffff-sNNNNNN[-REASON].sqlite, the stamp in UTC and the
sequence one more than any backup of the database in that folder. The sequence, not the clock,
says which is newer: a clock set back must not make the newest backup look old.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import time
from pathlib import Path

from desktop.clock import file_stamp
from desktop.db.base import owner_only, translate_error
from desktop.errors import DatabaseUnusable

# The stamp, then the sequence (backups older than sequences have none), then why.
NAME_PATTERN = r"-(\d{8}-\d{6}-\d{6})(?:-s(\d{6,}))?(?:-(.+))?\.sqlite"
SIDECARS = ("-wal", "-shm", "-journal")


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_sequence(db_path: Path, name: str) -> int | None:
    """The sequence in a backup's name; 0 for one named before sequences; None if not a backup."""
    match = re.fullmatch(re.escape(db_path.stem) + NAME_PATTERN, name)
    if not match:
        return None
    return int(match.group(2) or 0)


def backup_name(db_path: Path, reason: str, folder: Path | None = None) -> str:
    """A new backup's name, its sequence one more than the highest in `folder` (the backups one)."""
    folder = folder or backups_dir(db_path)
    highest = 0
    with contextlib.suppress(OSError):
        for path in folder.glob(f"{glob_escape(db_path.stem)}-*.sqlite"):
            highest = max(highest, backup_sequence(db_path, path.name) or 0)
    return f"{db_path.stem}-{file_stamp()}-s{highest + 1:06d}-{reason}.sqlite"


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def remove_partial(path: Path) -> None:
    for suffix in ("", *SIDECARS):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_database(conn: sqlite3.Connection, dest: Path) -> Path:
    """Write a consistent single-file copy (no WAL) to `dest` and prove it sound.

    The copy is readable by its owner only from its first moment (it holds the compound
    secret); a copy that fails half way leaves nothing behind, `.partial` included.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    remove_partial(partial)
    try:
        with owner_only():
            target = sqlite3.connect(partial, isolation_level=None)
            try:
                conn.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
                result = target.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                target.close()
        if result != "ok":
            raise DatabaseUnusable("backup_failed_check", path=str(dest), detail=result)
        fsync_file(partial)
        partial.replace(dest)
    except BaseException:
        remove_partial(partial)
        raise
    return dest


def copy_file_privately(source: Path, dest: Path) -> Path:
    """Copy a finished backup to another folder (a USB stick): owner-only, synced, all or nothing."""
    partial = dest.with_name(dest.name + ".partial")
    remove_partial(partial)
    try:
        with owner_only(), source.open("rb") as src, open(partial, "xb") as out:
            shutil.copyfileobj(src, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(dest)
    except BaseException:
        remove_partial(partial)
        raise
    return dest


def fsync_file(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def sync_folder(folder: Path) -> None:
    """Make renames in `folder` survive a power cut (POSIX; Windows has no such call)."""
    if os.name != "posix":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


def checked_copy(conn, dest: Path, own_faults: tuple[str, ...] = ("db_damaged", "disk_full")) -> Path:
    """`copy_database`, its failures in words: the file's own damage (and a full disk) as such,
    since the backups folder is not at fault; anything else as a backup that could not be made."""
    try:
        return copy_database(conn, dest)
    except (OSError, ValueError) as exc:  # ValueError: a folder name with a NUL byte in it
        raise DatabaseUnusable("backup_failed", path=str(dest)) from exc
    except sqlite3.DatabaseError as exc:
        error = translate_error(exc, Path(conn.path))
        if error.code in own_faults:
            raise error from exc
        raise DatabaseUnusable("backup_failed", path=str(dest)) from exc


def backup_before_upgrade(conn, version: int) -> Path:
    path = Path(conn.path)
    return checked_copy(conn, backups_dir(path) / backup_name(path, f"before-upgrade-from-v{version}"),
                        own_faults=("db_damaged",))


# ---- putting a file in the database's place ----------------------------------------------------
#
# The swap, with a journal beside the database saying what is under way:
#   1. the journal is written and synced (it names the staged file and the kept-aside name);
#   2. the old file gains its kept-aside name as a second link (a copy where links are not
#      possible), and its -wal/-shm/-journal move to that name;
#   3. the staged file is renamed over the database path: one atomic step;
#   4. the journal is removed.
# A start that finds the journal and no writer holding it: the staged file still there means
# step 3 never happened, so steps 1-2 are undone; gone means it did, so the journal is removed.


def journal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".restore-journal")


STAGED_MARK = ".restoring-"
STALE_STAGED_SECONDS = 3600


def staged_path(db_path: Path) -> Path:
    """A new name beside the database for a file being checked before it is put in place: its
    own for each restore, so two at once never check one file and put in another."""
    return db_path.with_name(f"{db_path.name}{STAGED_MARK}{secrets.token_hex(6)}")


def remove_stale_staged(db_path: Path) -> None:
    """Files a killed restore was still checking (before its journal existed), an hour old."""
    now = time.time()
    for path in db_path.parent.glob(f"{glob_escape(db_path.name)}{STAGED_MARK}*"):
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > STALE_STAGED_SECONDS:
                path.unlink()


def _lock(handle: int, *, wait: bool) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: no second program restores at the same moment there
        return True
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def swap_in(db_path: Path, staged: Path, kept: Path | None) -> None:
    """Put `staged` (a finished, synced, checked file) at `db_path`, the old file kept as `kept`."""
    folder = db_path.parent
    journal = journal_path(db_path)
    record = json.dumps({"staged": staged.name, "kept": kept.name if kept else None}).encode()
    writing = journal.with_name(journal.name + ".partial")
    with owner_only():
        handle = os.open(writing, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        _lock(handle, wait=True)  # held until the swap is over: a start meanwhile waits its turn
        os.write(handle, record)
        os.fsync(handle)
        os.replace(writing, journal)
        sync_folder(folder)
        try:
            if kept is not None and db_path.exists():
                try:
                    os.link(db_path, kept)
                except OSError:  # a file system without links (a FAT stick): a synced copy instead
                    with owner_only():
                        shutil.copy2(db_path, kept)
                    fsync_file(kept)
                for suffix in SIDECARS:
                    side = Path(f"{db_path}{suffix}")
                    if side.exists():
                        os.replace(side, Path(f"{kept}{suffix}"))
                sync_folder(folder)
        except BaseException:
            _undo(db_path, staged, kept)
            journal.unlink(missing_ok=True)
            raise
        os.replace(staged, db_path)
        sync_folder(folder)
        journal.unlink()
        sync_folder(folder)
    finally:
        os.close(handle)
        with contextlib.suppress(OSError):
            writing.unlink(missing_ok=True)


def finish_interrupted_restore(db_path: Path) -> bool:
    """Finish or undo a swap a kill cut short; True when there was one. Cheap when there was not."""
    journal = journal_path(db_path)
    if not journal.exists():
        return False
    try:
        handle = os.open(journal, os.O_RDONLY)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise DatabaseUnusable("db_cannot_open", path=str(db_path)) from exc
    try:
        if not _lock(handle, wait=False):
            raise DatabaseUnusable("db_in_use", path=str(db_path))  # a restore is under way now
        try:
            record = json.loads(os.read(handle, 64 * 1024).decode())
            staged = db_path.with_name(Path(record["staged"]).name)
            kept = db_path.with_name(Path(record["kept"]).name) if record.get("kept") else None
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            staged, kept = None, None  # never written half (it is renamed into place): not ours
        if staged is not None and staged.exists():
            _undo(db_path, staged, kept)
        journal.unlink(missing_ok=True)
        sync_folder(db_path.parent)
    finally:
        os.close(handle)
    return True


def _undo(db_path: Path, staged: Path, kept: Path | None) -> None:
    """The swap never reached its rename: the old file is still at the path; take back the rest."""
    if kept is not None:
        for suffix in SIDECARS:
            side = Path(f"{kept}{suffix}")
            if side.exists() and not Path(f"{db_path}{suffix}").exists():
                os.replace(side, Path(f"{db_path}{suffix}"))
        if kept.exists():
            if not db_path.exists():
                os.replace(kept, db_path)
            else:
                kept.unlink()  # a second link to (or a copy of) the file still in place
    remove_partial(staged)
