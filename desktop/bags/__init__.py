"""Bags and the signed codes on their labels and on household cards."""
