"""Where a compound's data lives when `--db` does not say."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "CompoundDesk"


def data_dir() -> Path:
    override = os.environ.get("COMPOUND_DESK_DATA")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_database() -> Path:
    return data_dir() / "compound.sqlite"


def resources_dir() -> Path:
    """The font and translations: inside the package when installed, else the checkout's."""
    installed = Path(__file__).resolve().parent / "resources"
    if (installed / "fonts").is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def log_dir() -> Path:
    return data_dir() / "logs"
