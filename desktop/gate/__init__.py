"""The gate: verdicts on scanned codes and the chain of custody."""
