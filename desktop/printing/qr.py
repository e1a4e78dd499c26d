"""QR symbols drawn as vector modules: one filled path of merged runs, in module units.

Labels print thousands of codes, so the common case, up to 20 characters of the QR alphanumeric
set (every code this program makes, always version 1 at level M), takes a fast path. The data and
its Reed-Solomon check words are laid out by precomputed tables; the function patterns and format
information of each mask come from `qrcode` itself; and the best of the eight masks is chosen by
the standard's four penalty rules (ISO/IEC 18004 §7.8.3) on the whole symbol packed into one
integer, where each rule is a handful of shifts and ANDs instead of a loop over modules. For every
mask the matrix is bit for bit the one `qrcode` makes (a test holds the two together); it is just
made several times faster. Any other text takes `qrcode`'s ordinary path.

A symbol is drawn as one filled path: each row's dark modules merged into runs, one rectangle per
run, under a single transformation, so drawing costs little and adjacent modules never show
hairline seams.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.util import MODE_ALPHA_NUM, QRData

QUIET_ZONE = 4  # modules of white around the symbol, as the standard asks
_V1 = 21  # modules on a side of a version 1 symbol
_ALPHANUMERIC = re.compile(r"[0-9A-Z $%*+\-./:]{1,20}")

# The fast path packs the symbol, framed by its quiet zone, into one integer: each of the 29 rows
# holds 21 modules then 4 quiet-zone positions, so rows and columns never run into each other.
_STRIDE = _V1 + QUIET_ZONE
_FRAME_ROWS = _V1 + 2 * QUIET_ZONE
_BITS = _STRIDE * _FRAME_ROWS
_TO_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_RUN = re.compile(r"1+")


@dataclass(frozen=True)
class QRSymbol:
    """A symbol's size in modules (without the quiet zone) and its dark runs as PDF path
    operators in module units, y growing downward from the symbol's top left corner."""

    text: str
    size: int
    path: str

    @property
    def version(self) -> int:
        return (self.size - 17) // 4

    @property
    def side(self) -> int:
        """Modules on a side, quiet zone included."""
        return self.size + 2 * QUIET_ZONE


def qr_symbol(text: str) -> QRSymbol:
    if _ALPHANUMERIC.fullmatch(text):
        return QRSymbol(text, _V1, _runs_path(_best_masked(text)))
    return _general_symbol(text)


def draw_qr(canvas, symbol: QRSymbol, x: float, y: float, module: float) -> None:
    """Draw with the quiet zone's bottom left corner at (x, y), `module` points a module."""
    top = y + (symbol.size + QUIET_ZONE) * module
    left = x + QUIET_ZONE * module
    canvas.addLiteral(
        f"q 0 g {module:.4f} 0 0 {-module:.4f} {left:.3f} {top:.3f} cm\n{symbol.path}\nf Q"
    )


def matrix_rows(text: str) -> list[str]:
    """The symbol as rows of '0' and '1' (no quiet zone): for tests and for looking at it."""
    if _ALPHANUMERIC.fullmatch(text):
        return _rows_of(_best_masked(text))
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    qr.add_data(text)
    qr.make(fit=True)
    return ["".join("1" if cell else "0" for cell in row) for row in qr.get_matrix()]


# ---- the fast path -------------------------------------------------------------------------------

_ALPHANUMERIC_VALUES = {char: value for value, char in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")}
_DATA_WORDS = 16  # version 1, level M: 16 data words and 10 Reed-Solomon check words
_CHECK_WORDS = 10


def _qrcode_matrix(text: str, mask: int) -> list[list[bool]]:
    """qrcode's own version 1, level M matrix for the text, with the given mask."""
    qr = qrcode.QRCode(version=1, error_correction=ERROR_CORRECT_M, border=0, mask_pattern=mask)
    qr.add_data(QRData(text, mode=MODE_ALPHA_NUM))
    qr.make(fit=False)
    return qr.modules


def _pack(modules: list[list[bool]]) -> int:
    gap = bytes(QUIET_ZONE)
    frame = bytes(_STRIDE * QUIET_ZONE)
    packed = frame + b"".join(bytes(row) + gap for row in modules) + frame
    return int(packed.translate(_TO_DIGITS), 2)


def _bit(row: int, col: int) -> int:
    return 1 << (_BITS - 1 - ((row + QUIET_ZONE) * _STRIDE + col))


def _mask_condition(mask: int, i: int, j: int) -> bool:
    return (
        (i + j) % 2 == 0,
        i % 2 == 0,
        j % 3 == 0,
        (i + j) % 3 == 0,
        (i // 2 + j // 3) % 2 == 0,
        (i * j) % 2 + (i * j) % 3 == 0,
        ((i * j) % 2 + (i * j) % 3) % 2 == 0,
        ((i * j) % 3 + (i + j) % 2) % 2 == 0,
    )[mask]


def _is_function_module(i: int, j: int) -> bool:
    """Finder patterns with their separators and format areas, and the timing patterns: the
    whole of a version 1 symbol that is not data."""
    far = _V1 - 8
    return (i <= 8 and j <= 8) or (i <= 8 and j >= far) or (i >= far and j <= 8) or i == 6 or j == 6


def _placement() -> list[tuple[int, int]]:
    """Where each data bit goes: up and down two columns at a time from the bottom right,
    skipping the vertical timing pattern and the function patterns."""
    order = []
    upward = True
    col = _V1 - 1
    while col > 0:
        if col == 6:
            col -= 1
        for row in (range(_V1 - 1, -1, -1) if upward else range(_V1)):
            for j in (col, col - 1):
                if not _is_function_module(row, j):
                    order.append((row, j))
        upward = not upward
        col -= 2
    return order


@lru_cache(maxsize=1)
def _galois() -> tuple[list[int], list[int], list[int]]:
    """GF(256) over x^8 + x^4 + x^3 + x^2 + 1, and the logs of the degree-10 generator."""
    exp, log = [0] * 512, [0] * 256
    value = 1
    for power in range(255):
        exp[power], log[value] = value, power
        value <<= 1
        if value & 0x100:
            value ^= 0x11D
    for power in range(255, 512):
        exp[power] = exp[power - 255]
    generator = [1]
    for root in range(_CHECK_WORDS):  # multiply by (x - α^root)
        product = generator + [0]
        for i, coefficient in enumerate(generator):
            if coefficient:
                product[i + 1] ^= exp[log[coefficient] + root]
        generator = product
    return exp, log, [log[c] for c in generator[1:]]


@lru_cache(maxsize=1)
def _tables() -> tuple[int, int, list[int], list[int], list[list[int]]]:
    """Positions of the modules and of the data modules; each mask's pattern over the data; each
    mask's function patterns with format information, taken from qrcode; and for each code word
    position, what each of its 256 values sets."""
    modules = data = 0
    patterns = [0] * 8
    for i in range(_V1):
        for j in range(_V1):
            bit = _bit(i, j)
            modules |= bit
            if not _is_function_module(i, j):
                data |= bit
                for mask in range(8):
                    if _mask_condition(mask, i, j):
                        patterns[mask] |= bit
    templates = [_pack(_qrcode_matrix("0", mask)) & modules & ~data for mask in range(8)]
    places = _placement()
    words = []
    for word in range(_DATA_WORDS + _CHECK_WORDS):
        bits = [_bit(*places[word * 8 + k]) for k in range(8)]  # most significant bit first
        table = [0] * 256
        for value in range(1, 256):
            low = value & -value
            table[value] = table[value ^ low] | bits[7 - (low.bit_length() - 1)]
        words.append(table)
    return modules, data, patterns, templates, words


def _code_words(text: str) -> list[int]:
    """Mode, count and the characters in pairs, then terminator, padding and check words."""
    bits = 0b0010 << 9 | len(text)
    length = 13
    for i in range(0, len(text) - 1, 2):
        bits = bits << 11 | (_ALPHANUMERIC_VALUES[text[i]] * 45 + _ALPHANUMERIC_VALUES[text[i + 1]])
        length += 11
    if len(text) % 2:
        bits = bits << 6 | _ALPHANUMERIC_VALUES[text[-1]]
        length += 6
    capacity = _DATA_WORDS * 8
    terminator = min(4, capacity - length)
    bits <<= terminator
    length += terminator
    if length % 8:
        bits <<= 8 - length % 8
        length += 8 - length % 8
    data = list(bits.to_bytes(length // 8, "big"))
    data += [0xEC, 0x11] * ((_DATA_WORDS - len(data)) // 2) + [0xEC] * ((_DATA_WORDS - len(data)) % 2)
    exp, log, generator = _galois()
    remainder = [0] * _CHECK_WORDS
    for word in data:
        factor = word ^ remainder[0]
        remainder = remainder[1:] + [0]
        if factor:
            start = log[factor]
            for i, power in enumerate(generator):
                remainder[i] ^= exp[start + power]
    return data + remainder


def _masked_with(text: str, mask: int) -> int:
    modules, data, patterns, templates, words = _tables()
    unmasked = 0
    for table, word in zip(words, _code_words(text), strict=True):
        unmasked |= table[word]
    return templates[mask] | (unmasked ^ patterns[mask])


def _best_masked(text: str) -> int:
    modules, data, patterns, templates, words = _tables()
    unmasked = 0
    for table, word in zip(words, _code_words(text), strict=True):
        unmasked |= table[word]
    best, best_score = 0, 1 << 30
    for mask in range(8):
        symbol = templates[mask] | (unmasked ^ patterns[mask])
        score = _penalty(symbol, modules, best_score)
        if score < best_score:
            best, best_score = symbol, score
    return best


def _penalty(dark: int, modules: int, enough: int = 1 << 30) -> int:
    """The four penalty rules of ISO/IEC 18004 §7.8.3, summed; lower is better. Stops counting
    once the score reaches `enough` (a mask already found scores no more than that)."""
    light = modules & ~dark
    # N4: 10 for every 5% the share of dark modules is away from half.
    total = _V1 * _V1
    score = 10 * (abs(dark.bit_count() * 100 - 50 * total) // (5 * total))
    # N2: each 2×2 block of one colour scores 3.
    for colour in (dark, light):
        block = colour & (colour >> 1) & (colour >> _STRIDE) & (colour >> (_STRIDE + 1))
        score += 3 * block.bit_count()
    for step in (1, _STRIDE):  # along rows, then along columns
        for colour in (dark, light):
            # N1: a run of five or more modules of one colour scores 3, plus 1 per module over 5.
            window = colour & (colour >> step)
            window &= window >> (2 * step)
            window &= colour >> (4 * step)
            if window:
                starts = window & ~(window >> step)
                score += window.bit_count() + 2 * starts.bit_count()
        if score >= enough:
            return score
    everything = (1 << _BITS) - 1
    quiet_or_light = everything & ~dark  # the quiet zone counts as light for finder look-alikes
    for step in (1, _STRIDE):
        # N3: 1:1:3:1:1 with four light modules before or after, like a finder pattern.
        core = (dark >> (6 * step)) & (quiet_or_light >> (5 * step)) & (dark >> (4 * step)) \
            & (dark >> (3 * step)) & (dark >> (2 * step)) & (quiet_or_light >> step) & dark
        if not core:
            continue
        four = quiet_or_light & (quiet_or_light >> step)
        four &= four >> (2 * step)
        # Light before: the four positions just ahead of the pattern's first module.
        score += 40 * (core & (four >> (7 * step))).bit_count()
        # Light after: the four positions just past its last module.
        score += 40 * ((core >> (4 * step)) & four).bit_count()
    return score


def _rows_of(packed: int) -> list[str]:
    digits = format(packed, f"0{_BITS}b")
    start = QUIET_ZONE * _STRIDE
    return [digits[start + r * _STRIDE : start + r * _STRIDE + _V1] for r in range(_V1)]


_run_ops: dict[int, str] = {}


def _run_op(start: int, length: int) -> str:
    row, col = divmod(start, _STRIDE)
    return f"{col} {row - QUIET_ZONE} {length} 1 re"


def _runs_path(packed: int) -> str:
    digits = format(packed, f"0{_BITS}b")
    ops = _run_ops
    parts = []
    for run in _RUN.finditer(digits):
        start, end = run.span()
        key = start << 5 | (end - start)
        op = ops.get(key)
        if op is None:
            op = ops[key] = _run_op(start, end - start)
        parts.append(op)
    return "\n".join(parts)


# ---- anything else --------------------------------------------------------------------------------


def _general_symbol(text: str) -> QRSymbol:
    rows = matrix_rows(text)
    parts = []
    for y, row in enumerate(rows):
        for run in _RUN.finditer(row):
            parts.append(f"{run.start()} {y} {run.end() - run.start()} 1 re")
    return QRSymbol(text, len(rows), "\n".join(parts))
