"""The store: one SQLite file per compound, opened through `connect()`, written in `transaction()`."""

from desktop.db.base import Row
from desktop.db.connection import LATEST_VERSION, Connection, connect, transaction

__all__ = ["LATEST_VERSION", "Connection", "Row", "connect", "transaction"]
