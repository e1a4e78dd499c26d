"""Two pictures drawn in the window with QPainter: bags handed over and waiting per building, and
bags handed over per day. Each says in its accessible description what it shows, in numbers."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

HANDED = QColor("#1b5e20")
WAITING = QColor("#f9a825")
INK = QColor("#202124")
MUTED = QColor("#5f6368")
GRID = QColor("#dadce0")


class _Chart(QWidget):
    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.empty_text = ""

    def _small(self, painter: QPainter, scale: float = 0.9) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        painter.setFont(font)

    def _empty(self, painter: QPainter) -> None:
        painter.setPen(MUTED)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)


class BuildingBars(_Chart):
    """Per building, two bars side by side: handed over (green) and waiting (amber)."""

    def __init__(self, name: str, accessible: str, legend: tuple[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(name, accessible, parent)
        self.legend = legend
        self.bars: list[tuple[str, int, int]] = []

    def set_bars(self, bars: list[tuple[str, int, int]], description: str) -> None:
        self.bars = bars
        self.setAccessibleDescription(description)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._small(painter)
        if not self.bars:
            self._empty(painter)
            return
        metrics = painter.fontMetrics()
        line = metrics.height()
        # the legend across the top
        x = 8.0
        for colour, text in zip((HANDED, WAITING), self.legend, strict=True):
            painter.fillRect(QRectF(x, 6, 12, 10), colour)
            painter.setPen(INK)
            painter.drawText(QPointF(x + 16, 6 + metrics.ascent() - 1), text)
            x += 16 + metrics.horizontalAdvance(text) + 18
        top, bottom = 12 + line * 2, self.height() - line - 8
        left, right = 8.0, self.width() - 8.0
        tallest = max(max(handed, waiting) for _label, handed, waiting in self.bars) or 1
        slot = (right - left) / len(self.bars)
        bar = max(2.0, min(28.0, slot * 0.36))
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        for n, (label, handed, waiting) in enumerate(self.bars):
            centre = left + slot * (n + 0.5)
            for k, (count, colour) in enumerate(((handed, HANDED), (waiting, WAITING))):
                height = (bottom - top) * count / tallest
                x0 = centre - bar - 1 if k == 0 else centre + 1
                painter.fillRect(QRectF(x0, bottom - height, bar, height), colour)
                painter.setPen(INK)
                painter.drawText(QRectF(x0 - 10, bottom - height - line, bar + 20, line),
                                 Qt.AlignmentFlag.AlignCenter, str(count))
            painter.setPen(MUTED)
            painter.drawText(QRectF(centre - slot / 2, bottom + 2, slot, line),
                             Qt.AlignmentFlag.AlignCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot)))


class DayLine(_Chart):
    """Bags handed over per day: a line through each day's count, the count above each point."""

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(name, accessible, parent)
        self.points: list[tuple[str, int]] = []

    def set_points(self, points: list[tuple[str, int]], description: str) -> None:
        self.points = points
        self.setAccessibleDescription(description)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._small(painter)
        if not self.points or not any(count for _day, count in self.points):
            self._empty(painter)
            return
        metrics = painter.fontMetrics()
        line = metrics.height()
        top, bottom = 8 + line * 2, self.height() - line - 8
        # Room for the first and last day's labels, centred under their points, inside the chart.
        half = metrics.horizontalAdvance("00-00") / 2 + 6
        left, right = half, self.width() - half
        tallest = max(count for _day, count in self.points) or 1
        step = (right - left) / max(1, len(self.points) - 1)
        spots = [QPointF(left + n * step, bottom - (bottom - top) * count / tallest)
                 for n, (_day, count) in enumerate(self.points)]
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        path = QPainterPath(spots[0])
        for spot in spots[1:]:
            path.lineTo(spot)
        painter.setPen(QPen(HANDED, 2))
        painter.drawPath(path)
        painter.setBrush(HANDED)
        every = 1 if step >= metrics.horizontalAdvance("00-00") + 6 else 2
        for n, (spot, (day, count)) in enumerate(zip(spots, self.points, strict=True)):
            painter.setPen(QPen(HANDED, 1))
            painter.drawEllipse(spot, 3, 3)
            painter.setPen(INK)
            if count:
                painter.drawText(QRectF(spot.x() - 20, spot.y() - line - 2, 40, line),
                                 Qt.AlignmentFlag.AlignCenter, str(count))
            last = len(spots) - 1
            if (n % every == 0 and not (every > 1 and n == last - 1)) or n == last:
                painter.setPen(MUTED)
                painter.drawText(QRectF(spot.x() - 24, bottom + 2, 48, line),
                                 Qt.AlignmentFlag.AlignCenter, day)
