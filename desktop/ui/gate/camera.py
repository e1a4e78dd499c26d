"""The webcam reader: frames from a camera, turned to 8-bit grey and read with zxing-cpp.

It exists only where QtMultimedia is installed (PySide6-Addons) and a camera is plugged in; the
gate works the same with a USB scanner or by typing. A code is accepted after two equal reads in a
row (a blurred frame can misread), and the same code is not sent again while it stays in view.
Frames are read at most a few times a second so the window keeps answering at once.
"""

from __future__ import annotations

import time

import zxingcpp
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

try:  # QtMultimedia comes with PySide6-Addons, which the program does not require
    from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink
except (ImportError, OSError):  # not installed, or its libraries (PulseAudio…) are missing
    QCamera = QMediaCaptureSession = QMediaDevices = QVideoSink = None

READ_INTERVAL_S = 0.15
MAX_WIDTH = 960  # larger frames are scaled down before reading: a label fills much of the view
SAME_CODE_PAUSE_S = 2.0


def multimedia_available() -> bool:
    return QMediaDevices is not None


def camera_available() -> bool:
    """True when QtMultimedia is installed and at least one camera is connected."""
    if QMediaDevices is None:
        return False
    try:
        return bool(QMediaDevices.videoInputs())
    except RuntimeError:
        return False


def grey_view(image: QImage) -> memoryview:
    """An image as rows of 8-bit grey values, the shape zxing-cpp reads."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    data = bytes(grey.constBits())[: stride * height]
    if stride != width:  # rows are padded to four bytes: drop the padding
        data = b"".join(data[row * stride: row * stride + width] for row in range(height))
    return memoryview(data).cast("B", (height, width))


def read_codes(image: QImage) -> list[str]:
    """The QR codes' texts in one frame, scaled down first when it is large."""
    if image.isNull():
        return []
    if image.width() > MAX_WIDTH:
        image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.FastTransformation)
    try:
        found = zxingcpp.read_barcodes(grey_view(image), formats=zxingcpp.BarcodeFormat.QRCode)
    except (ValueError, RuntimeError):
        return []
    return [barcode.text for barcode in found if barcode.valid and barcode.text]


class Confirmer:
    """Accepts a code only when two reads in a row agree, and once while it stays in view."""

    def __init__(self, clock=time.monotonic) -> None:
        self._clock = clock
        self._candidate: str | None = None
        self._sent: str | None = None
        self._sent_at = 0.0

    def offer(self, texts: list[str]) -> str | None:
        text = texts[0] if len(texts) == 1 else None
        if text is None:
            self._candidate = None
            return None
        now = self._clock()
        if text != self._candidate:
            self._candidate = text
            return None
        if text == self._sent and now - self._sent_at < SAME_CODE_PAUSE_S:
            self._sent_at = now  # still in view: not a new scan
            return None
        self._sent, self._sent_at = text, now
        return text


class CameraReader(QObject):
    """Starts the first camera and sends `codeRead(text)` for each confirmed code; `frameShown`
    carries a small picture for a preview."""

    codeRead = Signal(str)
    frameShown = Signal(QImage)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gateCameraReader")
        self.confirmer = Confirmer()
        self._last_read = 0.0
        self._camera = None
        self._session = None
        self._sink = None

    @property
    def running(self) -> bool:
        return self._camera is not None

    def start(self) -> bool:
        if not camera_available() or self._camera is not None:
            return self._camera is not None
        self._camera = QCamera(QMediaDevices.defaultVideoInput(), self)
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._frame)
        self._camera.start()
        return True

    def stop(self) -> None:
        if self._camera is None:
            return
        self._camera.stop()
        self._sink.videoFrameChanged.disconnect(self._frame)
        for part in (self._camera, self._session, self._sink):
            part.deleteLater()
        self._camera = self._session = self._sink = None

    def _frame(self, frame) -> None:
        now = time.monotonic()
        if now - self._last_read < READ_INTERVAL_S:
            return
        self._last_read = now
        image = frame.toImage()
        if image.isNull():
            return
        self.frameShown.emit(image.scaledToWidth(240, Qt.TransformationMode.FastTransformation))
        code = self.confirmer.offer(read_codes(image))
        if code is not None:
            self.codeRead.emit(code)
