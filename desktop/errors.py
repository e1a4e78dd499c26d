"""Expected failures. Each carries a code and the data its sentence needs; the phrasebook words them."""

from __future__ import annotations

from desktop.words import describe


class DeskError(Exception):
    """A failure the user can act on. `field` names the input at fault, when there is one."""

    exit_code = 2

    def __init__(self, code: str, field: str | None = None, **data: object) -> None:
        super().__init__(code)
        self.code = code
        self.field = field
        self.data = data

    def __str__(self) -> str:  # the English sentence, for logs and tracebacks in tests
        return describe(self, "en")


class BadInput(DeskError):
    """Unreadable or malformed input, an invalid value, an unknown id. Nothing was changed."""

    exit_code = 2


class DatabaseUnusable(DeskError):
    """The database file cannot be used: newer, read-only, locked, corrupt. Nothing was changed."""

    exit_code = 3


class Cancelled(DeskError):
    """The user stopped a long job; everything it had done was rolled back."""

    exit_code = 2

    def __init__(self) -> None:
        super().__init__("cancelled")
