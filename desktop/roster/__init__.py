"""The roster: addresses, households, and roster files in and out."""
