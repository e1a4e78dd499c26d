"""What the committee answers for: who has received nothing (coverage), urgent needs, the money of
every buy, and the figures of one day for the daily distribution sheet."""
