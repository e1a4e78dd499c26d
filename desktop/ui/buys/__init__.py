"""The Group buys and Suppliers pages and their dialogs."""
