"""The Roster page and its dialogs."""
