"""Operators: named people with a role (volunteer, guard, committee) and a PIN of 4–8 digits, kept
only as a salted scrypt hash. Five wrong PINs in a row make the next tries wait, 30 seconds and
doubling each time; the count is stored, so closing the window forgives nothing. The command line
records a name without a PIN (`--operator`); roles and PINs are the window's."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from desktop import audit
from desktop.clock import utc_now
from desktop.db import exchange as station
from desktop.db import operators as rows
from desktop.db import settings
from desktop.db.base import Connection
from desktop.db.connection import transaction
from desktop.errors import BadInput
from desktop.text import one_line

ROLES = ("volunteer", "guard", "committee")
COMMITTEE = "committee"
MAX_NAME = 40
FREE_TRIES = 5
FIRST_WAIT_S = 30
LONGEST_WAIT_S = 24 * 3600
IDLE_LOCK_KEY = "idle_lock_minutes"
DEFAULT_IDLE_LOCK_MIN = 10
LONGEST_IDLE_LOCK_MIN = 240

# scrypt's cost: about 16 MB and a few tens of milliseconds a try on a cheap laptop.
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1, "dklen": 32}
_PIN = re.compile(r"[0-9]{4,8}")


@dataclass(frozen=True)
class Operator:
    id: int
    name: str
    role: str
    active: bool

    def as_json(self) -> dict:
        return {"name": self.name, "role": self.role, "active": self.active}


def _operator(row) -> Operator:
    return Operator(row["id"], row["name"], row["role"], bool(row["active"]))


# ---- checking what people type ---------------------------------------------------------------


def clean_name(name: object) -> str:
    text = one_line(name, None)
    if not text:
        raise BadInput("operator_name_empty", "name")
    if len(text) > MAX_NAME:
        raise BadInput("operator_name_too_long", "name", maximum=MAX_NAME)
    return text


def clean_pin(pin: object) -> str:
    """4–8 digits; full-width digits typed with a Chinese input method count as digits."""
    text = unicodedata.normalize("NFKC", str(pin or "")).strip()
    if not _PIN.fullmatch(text):
        raise BadInput("operator_pin_invalid", "pin")
    return text


def parse_role(role: object) -> str:
    text = str(role or "").strip().lower()
    if text not in ROLES:
        raise BadInput("operator_role_invalid", "role", text=str(role or ""))
    return text


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, **_SCRYPT)


def _salted(pin: str) -> tuple[bytes, bytes]:
    salt = os.urandom(16)
    return salt, _hash(pin, salt)


# ---- reading --------------------------------------------------------------------------------


def has_operators(conn: Connection) -> bool:
    """Whether anyone may sign in: until then the window opens without asking."""
    return rows.count_active(conn) > 0


def list_operators(conn: Connection) -> list[Operator]:
    return [_operator(row) for row in rows.select_all(conn)]


def _known(conn: Connection, name: object):
    text = clean_name(name)
    row = rows.select_by_name(conn, text)
    if row is None:
        raise BadInput("operator_unknown", "name", name=text)
    return row


# ---- changing -------------------------------------------------------------------------------


def refuse_at_gate(conn: Connection) -> None:
    """Operators are made and changed at the lobby station; a gate gets them, PIN hashes and
    all, with the lobby's file (its own wrong tries stay its own)."""
    if station.role(conn) == "gate":
        raise BadInput("operator_at_gate", "name")



def add_operator(conn: Connection, name: object, role: object, pin: object) -> Operator:
    refuse_at_gate(conn)
    name, role, pin = clean_name(name), parse_role(role), clean_pin(pin)
    salt, hashed = _salted(pin)
    with transaction(conn):
        if rows.select_by_name(conn, name) is not None:
            raise BadInput("operator_name_taken", "name", name=name)
        new_id = rows.insert(conn, name=name, role=role, salt=salt, pin_hash=hashed, now=utc_now(),
                             station=conn.station)
        audit.record(conn, "operator", summary=name, changes=[("role", None, role), ("active", None, True)])
    return Operator(new_id, name, role, True)


def add_first_committee(conn: Connection, name: object, pin: object) -> Operator:
    """The first operator of a file, made the first time the window is used: always committee,
    and only while nobody else can sign in."""
    refuse_at_gate(conn)
    name, pin = clean_name(name), clean_pin(pin)
    with transaction(conn):
        if has_operators(conn):
            raise BadInput("operator_first_exists", "name")
        made = add_operator(conn, name, COMMITTEE, pin)
    return made


def disable_operator(conn: Connection, name: object) -> Operator:
    """No more signing in for that operator; the last committee operator stays, or nobody could
    manage operators again."""
    refuse_at_gate(conn)
    with transaction(conn):
        row = _known(conn, name)
        if row["active"] and row["role"] == COMMITTEE and rows.count_active_in_role(conn, COMMITTEE) <= 1:
            raise BadInput("operator_last_committee", "name", name=row["name"])
        if row["active"]:
            rows.set_active(conn, row["id"], False, utc_now())
            audit.record(conn, "operator", summary=row["name"], changes=[("active", True, False)])
    return Operator(row["id"], row["name"], row["role"], False)


def reset_pin(conn: Connection, name: object, pin: object) -> Operator:
    """A new PIN (the wrong tries before it forgiven); the operator may sign in again if disabled."""
    refuse_at_gate(conn)
    pin = clean_pin(pin)
    salt, hashed = _salted(pin)
    with transaction(conn):
        row = _known(conn, name)
        now = utc_now()
        rows.set_pin(conn, row["id"], salt, hashed, now)
        changes = [("pin", "", "reset")]
        if not row["active"]:
            rows.set_active(conn, row["id"], True, now)
            changes.append(("active", False, True))
        audit.record(conn, "operator", summary=row["name"], changes=changes)
    return Operator(row["id"], row["name"], row["role"], True)


# ---- signing in -----------------------------------------------------------------------------


def _parse(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def wait_after(failed_tries: int) -> int:
    """Seconds the next try must wait after `failed_tries` wrong PINs in a row: none for the first
    four, then 30 s, doubling with each further wrong PIN, at most a day."""
    if failed_tries < FREE_TRIES:
        return 0
    return min(FIRST_WAIT_S * 2 ** min(failed_tries - FREE_TRIES, 20), LONGEST_WAIT_S)


def sign_in(conn: Connection, name: object, pin: object, *, now: datetime | None = None) -> Operator:
    """The operator whose name and PIN these are. A wrong PIN is counted (and stored) before it is
    refused; while a wait runs, no PIN is even tried."""
    name = clean_name(name)
    typed = unicodedata.normalize("NFKC", str(pin or "")).strip()
    moment = now or datetime.now(UTC)
    refusal: BadInput | None = None
    with transaction(conn):
        row = rows.select_by_name(conn, name)
        if row is None or not row["active"]:
            raise BadInput("operator_sign_in_unknown", "name", name=name)
        if row["wait_until"] and _parse(row["wait_until"]) > moment:
            seconds = int((_parse(row["wait_until"]) - moment).total_seconds() + 0.999)
            raise BadInput("operator_wait", "pin", name=row["name"], seconds=seconds)
        if _PIN.fullmatch(typed) and hmac.compare_digest(_hash(typed, row["pin_salt"]), row["pin_hash"]):
            if row["failed_tries"] or row["wait_until"]:
                rows.set_tries(conn, row["id"], 0, None)
            return _operator(row)
        tries = row["failed_tries"] + 1
        wait = wait_after(tries)
        rows.set_tries(conn, row["id"], tries, _stamp(moment + timedelta(seconds=wait)) if wait else None)
        if wait:
            refusal = BadInput("operator_pin_wrong_wait", "pin", seconds=wait)
        else:
            refusal = BadInput("operator_pin_wrong", "pin", left=FREE_TRIES - tries)
    raise refusal


def check_committee(conn: Connection, name: object, pin: object, *, now: datetime | None = None) -> Operator:
    """A committee member's name and PIN, for what only the committee may allow."""
    who = sign_in(conn, name, pin, now=now)
    if who.role != COMMITTEE:
        raise BadInput("operator_not_committee", "name", name=who.name)
    return who


# ---- the idle lock ----------------------------------------------------------------------------


def idle_lock_minutes(conn: Connection) -> int:
    """Minutes without a key or a click before the window locks; 0 never locks."""
    try:
        return max(0, min(int(settings.get(conn, IDLE_LOCK_KEY) or DEFAULT_IDLE_LOCK_MIN), LONGEST_IDLE_LOCK_MIN))
    except ValueError:
        return DEFAULT_IDLE_LOCK_MIN


def set_idle_lock_minutes(conn: Connection, minutes: object) -> int:
    try:
        value = int(str(minutes).strip())
    except ValueError:
        value = -1
    if not 0 <= value <= LONGEST_IDLE_LOCK_MIN:
        raise BadInput("operator_idle_invalid", "idle", maximum=LONGEST_IDLE_LOCK_MIN)
    with transaction(conn):
        before = idle_lock_minutes(conn)
        if before != value:
            settings.put(conn, IDLE_LOCK_KEY, str(value))
            audit.record(conn, "setting", changes=[(IDLE_LOCK_KEY, before, value)])
    return value
