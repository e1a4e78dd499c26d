"""Looking after the file itself: what `check` reports. The store reads the file
(`desktop.db.checks`); the window and the command line ask here."""

from desktop.db.checks import DISK_FULL, SCHEMA_CHANGED, check_database, disk_is_full

__all__ = ["DISK_FULL", "SCHEMA_CHANGED", "check_database", "disk_is_full"]
