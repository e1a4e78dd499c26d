"""The custody log as CSV, for the committee and for anyone who asks who took a bag."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from desktop.db import gate as rows
from desktop.db.connection import Connection
from desktop.errors import Cancelled
from desktop.files import spreadsheet_csv, written_atomically

EXPORT_COLUMNS = ("code", "address", "action", "at", "operator", "station", "proxy", "reason",
                  "undoes")

# ---- the custody log as CSV -------------------------------------------------------------------


def export_handoffs(conn: Connection, path: str | os.PathLike[str],
                    should_cancel: Callable[[], bool] | None = None) -> int:
    """Every custody event, oldest first, as CSV (UTF-8 with a BOM, so Excel reads it); written
    beside the target and moved into place, so a failure never leaves half a file."""
    target = Path(path)
    table: list[list] = [list(EXPORT_COLUMNS)]
    count = 0
    for row in rows.select_log(conn):
        table.append([row["code"], row["address"], row["action"], row["at"], row["operator"],
                      row["station"], row["proxy_name"], row["reason"],
                      row["reverses_action"] or ""])
        count += 1
        if should_cancel is not None and count % 5000 == 0 and should_cancel():
            raise Cancelled()
    with written_atomically(target) as file:
        file.write(spreadsheet_csv(table))
    return count
