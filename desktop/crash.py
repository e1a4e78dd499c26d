"""Unexpected exceptions: written in full to a rotating log, summed up in one sentence for the user."""

from __future__ import annotations

import logging
import logging.handlers
import traceback

from desktop.paths import log_dir
from desktop.words import say

_logger: logging.Logger | None = None


def logger() -> logging.Logger:
    global _logger
    if _logger is None:
        _logger = logging.getLogger("compound_desk")
        _logger.setLevel(logging.INFO)
        try:
            folder = log_dir()
            folder.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                folder / "compound-desk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
            )
        except OSError:
            handler = logging.NullHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        _logger.addHandler(handler)
    return _logger


def report_unexpected(exc: BaseException | None = None) -> str:
    """Log the exception being handled; return the sentence to show."""
    details = (
        "".join(traceback.format_exception(exc)) if exc is not None else traceback.format_exc()
    )
    logger().error("unexpected error\n%s", details)
    where = log_dir() / "compound-desk.log"
    return say("crash.unexpected", where=where)
