"""The gate: verdicts on scanned codes and the chain of custody.

- `verdicts`: the answer for any scanned text, and recording a handoff with it;
- `custody`: undoing a handoff and a guard's decision about a bag;
- `waiting`: bags still waiting, the cold chain, sealed buildings and the door-delivery run;
- `export`: the custody log as CSV;
- `session`: one station's turn at the gate (mode, card, proxy, guard, undo), without a window.

What callers use is importable from here: `from desktop import gate; gate.scan(conn, text)`.
"""

from desktop.gate.custody import (
    MAX_REASON,
    Decision,
    Undone,
    decide,
    decision_needs_committee,
    undo_last_handoff,
    undo_needs_committee,
)
from desktop.gate.export import EXPORT_COLUMNS, export_handoffs
from desktop.gate.session import DOUBLE_READ_S, MODES, GateSession, ShiftMemory
from desktop.gate.verdicts import (
    GUESSING_LIMIT,
    GUESSING_WINDOW_S,
    HANDED_OVER,
    MAX_NAME,
    RECORDABLE,
    SHIFT_HOURS,
    TONES,
    VERDICTS,
    WATCHED,
    BagInfo,
    Card,
    Handoff,
    RefusedScan,
    ScanResult,
    clean_name,
    compound_keys,
    guard_key,
    guard_name,
    list_refused_scans,
    resolve_card,
    scan,
)
from desktop.gate.waiting import (
    MAX_LIMIT,
    STEADY,
    AgeClock,
    DoorStop,
    GateSettings,
    SteadyClock,
    WaitingBag,
    age_clock,
    clock_text,
    door_run,
    get_gate_settings,
    list_waiting,
    parse_buildings,
    parse_minutes,
    parse_time,
    save_gate_settings,
    set_building_sealed,
    storage_counts,
)

__all__ = [
    "DOUBLE_READ_S", "EXPORT_COLUMNS", "GUESSING_LIMIT", "GUESSING_WINDOW_S", "HANDED_OVER",
    "MAX_LIMIT", "MAX_NAME", "MAX_REASON", "MODES", "RECORDABLE", "SHIFT_HOURS", "STEADY", "TONES",
    "VERDICTS", "WATCHED", "AgeClock", "BagInfo", "Card", "Decision", "DoorStop", "GateSession",
    "GateSettings", "Handoff", "RefusedScan", "ScanResult", "ShiftMemory", "SteadyClock", "Undone",
    "WaitingBag", "age_clock", "clean_name", "clock_text", "compound_keys", "decide", "decision_needs_committee", "door_run",
    "export_handoffs", "get_gate_settings", "guard_key", "guard_name", "list_refused_scans",
    "list_waiting", "parse_buildings", "parse_minutes", "parse_time", "resolve_card",
    "save_gate_settings", "scan", "set_building_sealed", "storage_counts", "undo_last_handoff", "undo_needs_committee",
]
