"""The people who use the window: operators, their roles and PINs, signing in."""
