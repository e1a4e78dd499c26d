"""The sentences users read for each error code: they live in the phrasebook, `desktop.words`."""

from desktop.words import SENTENCES as MESSAGES
from desktop.words import describe

__all__ = ["MESSAGES", "describe"]
