"""The store: one SQLite file per compound, opened through `connect()`, written in `transaction()`."""

from desktop.db.connection import LATEST_VERSION, Connection, connect, transaction

__all__ = ["LATEST_VERSION", "Connection", "connect", "transaction"]
