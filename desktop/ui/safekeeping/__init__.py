"""The Backups page and the start-up check of the database file."""
