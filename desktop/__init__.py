"""Compound Desk: a residential compound's food supply in a lockdown, offline."""

__version__ = "0.1.0"
