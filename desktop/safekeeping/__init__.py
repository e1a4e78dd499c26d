"""Backups, restore, export of everything, and the file's health."""
