"""The Bags & labels page."""
