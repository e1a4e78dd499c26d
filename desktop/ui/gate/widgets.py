"""The Gate page's widgets that show: the scan field that refuses input methods, the verdict
banner read from two metres away, and the waiting list's model with cold bags past their limit on a
red ground."""

from __future__ import annotations

import bisect
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop import gate
from desktop.ui.common import arg, shortcut_text
from desktop.words import word

translate = QCoreApplication.translate

# (background, text) for each tone of answer.
COLOURS = {
    "go": ("#1b7f3b", "#ffffff"),
    "look": ("#f6b400", "#1a1a1a"),
    "stop": ("#c62828", "#ffffff"),
    "idle": ("#eceff1", "#37474f"),
}
OVERDUE_BACKGROUND = "#ffcdd2"


def page_button(parent: QWidget, name: str, text: str, tip: str, slots, *,
                keys: str | None = None) -> QPushButton:
    """A button of the gate that never takes the focus from the scan field; `slots` run on a
    click, in order."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text.rstrip("…"))
    button.setToolTip(f"{tip} ({shortcut_text(keys)})" if keys else tip)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
    button.setAutoDefault(False)
    for slot in slots:
        button.clicked.connect(slot)
    return button


class ScanField(QLineEdit):
    """Takes a scanner's burst and typing alike, and tells input methods it wants none: on
    Windows Qt asks the focused widget whether input methods are enabled, and a Chinese IME
    that is told yes turns a wedge scanner's keystrokes into a composition."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setMaxLength(200)

    def inputMethodQuery(self, query):
        if query == Qt.InputMethodQuery.ImEnabled:
            return False
        return super().inputMethodQuery(query)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)

    def event(self, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.InputMethodQuery:
            handled = super().event(event)
            if event.queries() & Qt.InputMethodQuery.ImEnabled:
                event.setValue(Qt.InputMethodQuery.ImEnabled, False)
            return handled
        if kind == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or event.key() == Qt.Key.Key_Escape
        ):
            event.ignore()  # the page's Ctrl+Z (undo a handoff) and Esc (end the card) win
            return True
        return super().event(event)


class GuessingWarning(QLabel):
    """A red line above the banner when more than a few made-up codes were scanned here within a
    minute; gone after a quiet minute."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("gateGuessingWarning")
        self.setAccessibleName(translate("GatePage", "Warning: codes are being guessed"))
        self.setWordWrap(True)
        self.setStyleSheet("background: #b3261e; color: white; font-weight: bold;"
                           " padding: 6px 10px; border-radius: 4px;")
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=gate.GUESSING_WINDOW_S * 1000)
        self._timer.timeout.connect(self.hide)

    def note(self, result: gate.ScanResult) -> None:
        if result.refused_last_minute > gate.GUESSING_LIMIT:
            self.setText(arg(translate(
                "GatePage", "%1 codes that are not this compound's were scanned at this station in "
                "the last minute: someone may be trying made-up codes. Hand nothing over on them and "
                "call a committee member."), result.refused_last_minute))
            self.show()
            self._timer.start()  # gone a quiet minute after the last one


class VerdictBanner(QFrame):
    """The answer, big: a headline, the address in huge type, bag n of m with storage and buy,
    the reason in words, and a household card's bags with their ticks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBanner")
        self.setAccessibleName(self.tr("Answer"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.tone = "idle"
        self.paint_count = 0
        self.painted_at = 0.0
        self._fitting = False
        self.headline = self._label("verdictHeadline", self.tr("What the answer is"))
        self.big = self._label("verdictAddress", self.tr("Address"))
        self.detail = self._label("verdictDetail", self.tr("Bag, storage and group buy"))
        self.reason = self._label("verdictReason", self.tr("Why"))
        self.reason.setWordWrap(True)
        self.more = self._label("verdictWaiting", self.tr("The household's other bags still waiting"))
        self.more.setWordWrap(True)
        # The household's urgent need: dark on amber whatever the answer's colour, so it is seen.
        self.urgent = self._label("verdictUrgent", self.tr("The household's urgent need"))
        self.urgent.setWordWrap(True)
        self.urgent.setStyleSheet("QLabel#verdictUrgent { background: #ffe082; color: #4a1c00;"
                                  " border: 2px solid #b26a00; border-radius: 8px; padding: 4px 12px; }")
        self.urgent.hide()
        self.card_list = QListWidget(self)
        self.card_list.setObjectName("verdictCardBags")
        self.card_list.setAccessibleName(self.tr("Bags waiting for this household"))
        self.card_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.card_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.card_list.setFrameShape(QFrame.Shape.NoFrame)
        self.card_list.setStyleSheet(
            "QListWidget { background: rgba(255, 255, 255, 0.88); color: #1a1a1a;"
            " border-radius: 8px; padding: 6px 10px; }")
        self.card_list.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 16)
        layout.setSpacing(6)
        layout.addWidget(self.headline)
        layout.addWidget(self.big, 3)
        layout.addWidget(self.detail)
        layout.addWidget(self.reason)
        layout.addWidget(self.urgent)
        layout.addWidget(self.more)
        layout.addWidget(self.card_list, 4)
        layout.addStretch(0)

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    def show_answer(self, tone: str, headline: str, big: str, detail: str = "", reason: str = "",
                    card_items: list[tuple[str, bool]] | None = None, more: str = "",
                    urgent: str = "") -> None:
        self.tone = tone
        self.setProperty("tone", tone)
        background, text = COLOURS[tone]
        for label in (self.headline, self.big, self.detail, self.reason, self.more):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
            label.setPalette(palette)
        self.headline.setText(headline)
        self.big.setText(big)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        self.more.setText(more)
        self.more.setVisible(bool(more))
        self.urgent.setText(urgent)
        self.urgent.setVisible(bool(urgent))
        self.card_list.clear()
        if card_items is not None:
            for text_, ticked in card_items:
                item = QListWidgetItem(("☑  " if ticked else "☐  ") + text_)
                item.setData(Qt.ItemDataRole.UserRole, ticked)
                if ticked:
                    item.setForeground(QColor("#1b5e20"))
                self.card_list.addItem(item)
        self.card_list.setVisible(card_items is not None)
        self.setAccessibleDescription(" · ".join(p for p in (headline, big, detail, reason, urgent, more) if p))
        self._fit()
        self.update()

    def card_texts(self) -> list[tuple[str, bool]]:
        return [(self.card_list.item(n).text(), bool(self.card_list.item(n).data(Qt.ItemDataRole.UserRole)))
                for n in range(self.card_list.count())]

    # ---- type sized to the banner: the address as large as fits ----

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            width = max(200, self.width() - 70)
            height = max(200, self.height())
            card = not self.card_list.isHidden()
            self._size(self.headline, min(60, max(20, height * 0.075)), width, bold=True)
            # The address as large as fits; smaller beside a card's list, and while idle.
            share = 0.2 if card else 0.16 if self.tone == "idle" else 0.34
            self._size(self.big, height * share, width, bold=self.tone != "idle")
            self._size(self.detail, min(48, max(18, height * 0.066)), width)
            reason = QFont(self.font())
            reason.setPixelSize(int(min(34, max(16, height * 0.048))))
            self.reason.setFont(reason)
            more = QFont(reason)
            more.setBold(True)
            self.more.setFont(more)
            urgent = QFont(self.font())
            urgent.setBold(True)
            urgent.setPixelSize(int(min(40, max(18, height * 0.056))))
            self.urgent.setFont(urgent)
            listed = QFont(self.font())
            listed.setPixelSize(int(min(30, max(16, height * 0.045))))
            self.card_list.setFont(listed)
        finally:
            self._fitting = False

    def _size(self, label: QLabel, pixels: float, width: float, *, bold: bool = False) -> None:
        font = QFont(self.font())
        font.setBold(bold)
        font.setPixelSize(max(12, int(pixels)))
        advance = QFontMetrics(font).horizontalAdvance(label.text() or "0")
        if advance > width * 0.96:
            font.setPixelSize(max(12, int(pixels * width * 0.96 / advance)))
        label.setFont(font)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(COLOURS[self.tone][0]))
        painter.drawRoundedRect(self.rect(), 12, 12)
        painter.end()
        self.paint_count += 1
        self.painted_at = time.perf_counter()


@dataclass
class WaitingRows:
    bags: list[gate.WaitingBag]
    settings: gate.GateSettings
    clock: gate.AgeClock
    codes: list[str]
    minutes: list[int]
    late: list[bool]


def waiting_rows(bags: list[gate.WaitingBag], settings: gate.GateSettings,
                 clock: gate.AgeClock | None = None) -> WaitingRows:
    """What the waiting list shows of each bag: how long it waited, and whether past its limit."""
    clock = clock or gate.AgeClock(datetime.now(UTC))
    bags = list(bags)
    minutes = [bag.minutes_waited(clock.now) for bag in bags]
    late = [(limit := settings.limit_for(bag.storage)) is not None and waited >= limit
            for bag, waited in zip(bags, minutes, strict=True)]
    return WaitingRows(bags, settings, clock, [bag.code for bag in bags], minutes, late)


class WaitingModel(QAbstractTableModel):
    """Waiting bags, oldest first; frozen and chilled ones past their limit on a red ground.
    How long each waited is worked out once per load, so a handed-over bag leaves the list at
    once even when thousands wait."""

    HEADERS = ("waited", "address", "bag", "storage", "buy", "where")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.bags: list[gate.WaitingBag] = []
        self.codes: list[str] = []
        self.minutes: list[int] = []
        self.late: list[bool] = []
        self.settings = gate.GateSettings()
        self.clock = gate.AgeClock(datetime.now(UTC))
        self.now = self.clock.now

    def set_bags(self, bags: list[gate.WaitingBag], settings: gate.GateSettings,
                 clock: gate.AgeClock | None = None) -> None:
        self.set_rows(waiting_rows(bags, settings, clock))

    def set_rows(self, rows: WaitingRows) -> None:
        """Waiting bags with their ages worked out already (`waiting_rows`, in a worker for
        thousands of bags): one model reset."""
        self.beginResetModel()
        self.bags, self.settings, self.clock = rows.bags, rows.settings, rows.clock
        self.now = self.clock.now
        self.codes, self.minutes, self.late = rows.codes, rows.minutes, rows.late
        self.endResetModel()

    @property
    def overdue_count(self) -> int:
        return sum(self.late)

    def remove_code(self, code: str) -> None:
        try:
            row = self.codes.index(code)
        except ValueError:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        for column in (self.bags, self.codes, self.minutes, self.late):
            del column[row]
        self.endRemoveRows()

    def mark_at_gate(self, code: str, at: str) -> bool:
        """A bag just recorded as arrived at the gate at `at`: its row says so, in place, or moves
        to where the list's order now puts it when its waiting time counts from `at` (nothing had
        put it out before, or `at` is earlier than that, as on a clock set back). False when the
        bag is not listed."""
        try:
            row = self.codes.index(code)
        except ValueError:
            return False
        bag = self.bags[row]
        if not bag.since_made and gate.parse_time(at) >= gate.parse_time(bag.since):
            self.bags[row] = replace(bag, at_gate=True)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
            return True
        moved = replace(bag, at_gate=True, since=at, since_made=False)
        self.beginRemoveRows(QModelIndex(), row, row)
        for column in (self.bags, self.codes, self.minutes, self.late):
            del column[row]
        self.endRemoveRows()
        place = bisect.bisect_right(self.bags, waiting_order(moved), key=waiting_order)
        minutes = moved.minutes_waited(self.now)
        limit = self.settings.limit_for(moved.storage)
        self.beginInsertRows(QModelIndex(), place, place)
        self.bags.insert(place, moved)
        self.codes.insert(place, moved.code)
        self.minutes.insert(place, minutes)
        self.late.insert(place, limit is not None and minutes >= limit)
        self.endInsertRows()
        return True

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.bags)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Waited"), self.tr("Address"), self.tr("Bag"), self.tr("Storage"),
                self.tr("Group buy"), self.tr("Where"))[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        bag = self.bags[row]
        column = index.column()
        late = self.late[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return waited_text(self.minutes[row])
            if column == 1:
                return bag.address
            if column == 2:
                return f"{bag.index}/{bag.count}"
            if column == 3:
                return storage_word(bag.storage)
            if column == 4:
                return bag.buy
            return self.tr("at the gate") if bag.at_gate else self.tr("inside")
        if role == Qt.ItemDataRole.BackgroundRole and late:
            return QColor(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and late:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and late:
            return self.tr("Past the cold-chain limit: hand it over or put it back in the cold")
        return None


STORAGE_ORDER = {"frozen": 0, "chilled": 1}


def waiting_order(bag: gate.WaitingBag) -> tuple:
    """Where a bag stands in the waiting list: the order the store lists them in (oldest first,
    frozen before chilled before ambient, then by address, buy and bag)."""
    return (bag.since, STORAGE_ORDER.get(bag.storage, 2), bag.building, bag.entrance is not None,
            bag.entrance or 0, bag.room, bag.buy_id, bag.index)


def storage_word(storage: str) -> str:
    return word("storage", storage)


def waited_text(minutes: int) -> str:
    if minutes < 60:
        return arg(translate("GatePage", "%1 min"), minutes)
    return arg(translate("GatePage", "%1 h %2 min"), minutes // 60, minutes % 60)
