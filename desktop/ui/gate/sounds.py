"""The gate's three sounds, one per colour of answer, so a guard hears it without looking.

`go` (green) is a bright rising two-note chime, `look` (amber) two even middle notes, `stop` (red)
a low buzz three times. The WAV files are made with Python's `wave` module the first time they are
needed, in resources/sounds when that folder can be written (a checkout), else in the user's data
folder. They play through QtMultimedia's QSoundEffect when it is installed (PySide6-Addons);
otherwise the system beep sounds once, twice or three times. No audio at all is never an error.
"""

from __future__ import annotations

import math
import os
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtWidgets import QApplication

RATE = 22_050
# (frequency in Hz, seconds) per note; 0 Hz is a rest.
TUNES: dict[str, list[tuple[float, float]]] = {
    "go": [(880.0, 0.09), (1318.5, 0.16)],
    "look": [(659.3, 0.12), (0.0, 0.06), (659.3, 0.12)],
    "stop": [(196.0, 0.16), (0.0, 0.05), (196.0, 0.16), (0.0, 0.05), (196.0, 0.22)],
}
BEEPS = {"go": 1, "look": 2, "stop": 3}
VERSION = 1  # bump when a tune changes, so old files are made again


def tune_frames(notes: list[tuple[float, float]], rate: int = RATE) -> bytes:
    """16-bit mono samples: sines (square-ish for the low buzz) with short fades, no clicks."""
    samples = bytearray()
    for frequency, seconds in notes:
        count = int(rate * seconds)
        fade = max(1, int(rate * 0.008))
        for n in range(count):
            if frequency <= 0:
                value = 0.0
            else:
                phase = 2 * math.pi * frequency * n / rate
                value = math.sin(phase)
                if frequency < 300:  # a buzz: odd harmonics make it harsh and unmistakable
                    value = 0.7 * value + 0.2 * math.sin(3 * phase) + 0.1 * math.sin(5 * phase)
            envelope = min(1.0, n / fade, (count - n) / fade)
            samples += struct.pack("<h", int(value * envelope * 0.6 * 32767))
    return bytes(samples)


def write_wav(path: Path, notes: list[tuple[float, float]]) -> None:
    temporary = path.with_name(path.name + ".partial")
    with wave.open(str(temporary), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(tune_frames(notes))
    os.replace(temporary, path)


def sound_folder() -> Path:
    from desktop.paths import data_dir, resources_dir

    bundled = resources_dir() / "sounds"
    try:
        bundled.mkdir(parents=True, exist_ok=True)
        if os.access(bundled, os.W_OK):
            return bundled
    except OSError:
        pass
    return data_dir() / "sounds"


def ensure_sound_files(folder: Path | None = None) -> dict[str, Path]:
    """The three WAV files, made if missing; {} when they cannot be written (then: beeps)."""
    folder = folder or sound_folder()
    found = {}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for tone, notes in TUNES.items():
            path = folder / f"gate-{tone}-v{VERSION}.wav"
            if not path.exists():
                write_wav(path, notes)
            found[tone] = path
    except OSError:
        return {}
    return found


class Sounds(QObject):
    """Plays a tone's sound; `played` keeps what was asked for (tests listen there)."""

    def __init__(self, parent: QObject | None = None, *, enabled: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("gateSounds")
        self.enabled = enabled
        self.played: list[str] = []
        self._effects: dict[str, object] | None = None

    def _load(self) -> dict[str, object]:
        if self._effects is not None:
            return self._effects
        self._effects = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except (ImportError, OSError):  # not installed, or its libraries are missing: beeps
            return self._effects
        for tone, path in ensure_sound_files().items():
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.9)
            self._effects[tone] = effect
        return self._effects

    def play(self, tone: str) -> None:
        self.played.append(tone)
        if not self.enabled:
            return
        effect = self._load().get(tone)
        try:
            if effect is not None and effect.status() != effect.Status.Error:
                effect.play()
                return
        except RuntimeError:  # the effect's device went away
            pass
        for n in range(BEEPS.get(tone, 1)):
            QTimer.singleShot(n * 180, self, QApplication.beep)
