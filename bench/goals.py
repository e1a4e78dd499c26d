"""Every benchmark's JSON line carries each goal beside its figure, as `<key>_goal`."""

from __future__ import annotations


def beside(figures: dict, goals: dict) -> dict:
    """The figures in their order, each followed by its goal where it has one."""
    line = {}
    for key, value in figures.items():
        line[key] = value
        if key in goals:
            line[f"{key}_goal"] = goals[key]
    return line
