"""Bag and household codes: short, typeable, signed with the compound's secret, checked offline.

A code is 20 characters from Crockford's base-32 alphabet (digits and upper-case letters without
I, L, O and U), all inside the QR alphanumeric set, so its QR symbol is version 1 at error level M:

    B  K7QM  00042  X9F3KQ2M7  Z
    |  |     |      |          └ check character (Luhn mod 32): catches a mistyped character
    |  |     |      └ signature: the first 45 bits of HMAC-SHA256(secret, format+identity+serial)
    |  |     └ serial: the bag's or card's number in this compound (25 bits)
    |  └ compound identity: 20 bits of SHA-256 of the compound's uuid (public, not secret)
    └ format: `B` a bag, `H` a household card, both format version 1

Printed for people it is split in groups of five (`BK7QM 00042 X9F3K Q2M7Z`); anything that reads
it back drops spaces and hyphens first, takes full-width and lower-case copies, and reads the
letters O, I and L as the digits 0, 1 and 1. The secret itself is never printed or shown.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from desktop.errors import BadInput

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {char: value for value, char in enumerate(ALPHABET)}
# Read as the digits they look like, as Crockford's base 32 does.
_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―−_]+")

CODE_LENGTH = 20
IDENTITY_CHARS = 4
SERIAL_CHARS = 5
SIGNATURE_CHARS = 9
SIGNATURE_BITS = SIGNATURE_CHARS * 5
MAX_SERIAL = 32**SERIAL_CHARS - 1
# The first character names the format version and the kind of thing the code is for.
FORMATS: dict[str, tuple[int, str]] = {"B": (1, "bag"), "H": (1, "household")}
PREFIXES = {kind: prefix for prefix, (version, kind) in FORMATS.items() if version == 1}
_MAX_INPUT = 200  # longer text is not a code; don't spend time normalising a pasted page

Kind = Literal["bag", "household"]
Verdict = Literal["genuine", "forged", "other_compound", "invalid"]


@dataclass(frozen=True)
class CodeKeys:
    """What it takes to make and check this compound's codes. The secret stays out of repr."""

    identity: str
    secret: bytes = field(repr=False)


@dataclass(frozen=True)
class CodeCheck:
    """The answer for one piece of text.

    `genuine`: this compound made it (`kind`, `serial` say what for); `forged`: this compound's
    format and identity but a signature this compound did not make; `other_compound`: a
    well-formed code of another compound; `invalid`: not a code of this compound, or one with a
    single mistyped character (`mistyped`: the check character caught it, and putting that one
    character right gives a code this compound made).
    """

    verdict: Verdict
    code: str
    kind: Kind | None = None
    serial: int | None = None
    mistyped: bool = False

    @property
    def genuine(self) -> bool:
        return self.verdict == "genuine"


def compound_identity(compound_uuid: str) -> str:
    digest = hashlib.sha256(b"compound-desk/identity/v1/" + compound_uuid.encode("utf-8")).digest()
    return _encode(int.from_bytes(digest[:4], "big") >> (32 - 5 * IDENTITY_CHARS), IDENTITY_CHARS)


def make_code(keys: CodeKeys, kind: Kind, serial: int) -> str:
    if kind not in PREFIXES:
        raise ValueError(f"unknown kind of code: {kind!r}")
    if not keys.secret:
        raise BadInput("codes_no_secret")
    if not isinstance(serial, int) or not 0 < serial <= MAX_SERIAL:
        raise ValueError(f"serial out of range: {serial!r}")
    body = PREFIXES[kind] + keys.identity + _encode(serial, SERIAL_CHARS)
    body += _signature(keys.secret, body)
    return body + _check_char(body)


def normalise(text: object) -> str:
    """What was scanned or typed, as a code is compared: NFKC, no spaces or hyphens, upper case."""
    if text is None:
        return ""
    raw = str(text)[:_MAX_INPUT]
    raw = unicodedata.normalize("NFKC", raw)
    raw = "".join(ch for ch in raw if unicodedata.category(ch) != "Cf")  # zero-width marks
    return _SEPARATORS.sub("", raw).upper().translate(_ALIASES)


def shaped_like_code(text: object) -> bool:
    """Text of a code's length and alphabet once normalised, whoever made it (or guessed it)."""
    code = normalise(text)
    return len(code) == CODE_LENGTH and all(char in _VALUE for char in code)


def verify(keys: CodeKeys, text: object) -> CodeCheck:
    """Whose code this is, if anyone's. Never raises for any text."""
    code = normalise(text)
    if len(code) != CODE_LENGTH or any(char not in _VALUE for char in code):
        return CodeCheck("invalid", code)
    if code[0] not in FORMATS or _check_char(code[:-1]) != code[-1]:
        # One wrong character is a typing slip when putting one right makes a code this compound
        # signed; two or more, and any text made up, are not a code of this compound at all.
        return CodeCheck("invalid", code, mistyped=_one_off_genuine(keys, code))
    version, kind = FORMATS[code[0]]
    identity = code[1 : 1 + IDENTITY_CHARS]
    if not hmac.compare_digest(identity, keys.identity):
        return CodeCheck("other_compound", code, kind)
    serial = _decode(code[1 + IDENTITY_CHARS : 1 + IDENTITY_CHARS + SERIAL_CHARS])
    body = code[: 1 + IDENTITY_CHARS + SERIAL_CHARS]
    signature = code[len(body) : len(body) + SIGNATURE_CHARS]
    if not keys.secret and serial:
        # A gate station holds no secret: a well-formed code of this compound is looked up among
        # the codes the lobby gave it, and one not among them is unknown there, never forged.
        return CodeCheck("genuine", code, kind, serial)
    if serial == 0 or not hmac.compare_digest(signature, _signature(keys.secret, body)):
        return CodeCheck("forged", code, kind)
    return CodeCheck("genuine", code, kind, serial)


def _one_off_genuine(keys: CodeKeys, code: str) -> bool:
    """Whether changing one character makes a genuine code of this compound. Luhn mod 32 leaves
    exactly one character that mends the check at each position, so this is about twenty
    signature checks, not six hundred."""
    for position in range(CODE_LENGTH):
        for char in ALPHABET:
            if char == code[position]:
                continue
            candidate = code[:position] + char + code[position + 1:]
            if _check_char(candidate[:-1]) != candidate[-1]:
                continue
            if _genuine(keys, candidate):
                return True
            break  # the only character that mends the check here is not it
    return False


def _genuine(keys: CodeKeys, code: str) -> bool:
    if code[0] not in FORMATS or code[1 : 1 + IDENTITY_CHARS] != keys.identity:
        return False
    body = code[: 1 + IDENTITY_CHARS + SERIAL_CHARS]
    if _decode(body[1 + IDENTITY_CHARS :]) == 0:
        return False
    return hmac.compare_digest(code[len(body) : len(body) + SIGNATURE_CHARS],
                               _signature(keys.secret, body))


def display_groups(code: str) -> list[str]:
    """A code in groups of five for people to read and type: ['BK7QM', '00042', …]."""
    return [code[i : i + 5] for i in range(0, len(code), 5)]


def display_code(code: str) -> str:
    return " ".join(display_groups(code))


# ---- the pieces ---------------------------------------------------------------------------------


def _encode(number: int, width: int) -> str:
    chars = []
    for _ in range(width):
        chars.append(ALPHABET[number & 31])
        number >>= 5
    return "".join(reversed(chars))


def _decode(text: str) -> int:
    number = 0
    for char in text:
        number = number * 32 + _VALUE[char]
    return number


def _signature(secret: bytes, body: str) -> str:
    mac = hmac.new(secret, b"compound-desk/code/v1\x00" + body.encode("ascii"), hashlib.sha256)
    top = int.from_bytes(mac.digest()[:6], "big") >> (48 - SIGNATURE_BITS)
    return _encode(top, SIGNATURE_CHARS)


def _check_char(body: str) -> str:
    """Luhn mod 32: any one wrong character, and most swaps of neighbours, change it."""
    total, factor = 0, 2
    for char in reversed(body):
        addend = factor * _VALUE[char]
        total += addend // 32 + addend % 32
        factor = 3 - factor
    return ALPHABET[(32 - total % 32) % 32]
