"""Signing in, the idle lock, the Operators page and the Audit page."""
