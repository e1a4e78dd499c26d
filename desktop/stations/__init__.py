"""Stations: the lobby (home) and gate stations, each with its own file, merged through exchange
files (`exchange`), the bags handed over at two stations (`conflicts`) and what a station knows
of the others (`status`)."""
