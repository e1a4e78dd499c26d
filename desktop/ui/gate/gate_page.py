"""The Gate page, and gate mode (`compound-desk --gate`): scan a bag or a household card and read
the answer from two metres away.

One scan field always has focus. It takes a keyboard-wedge scanner's burst ending in Enter (and
typing), and tells input methods it wants none, so a Chinese IME never swallows a scan. The answer
fills the banner in one of three colours, each with its own sound:

- green: a bag that may be handed over, or was just recorded as picked up or delivered;
- amber: something to look at, not a handover: a household card with its bags listed, a bag that
  was only recorded as arrived at the gate, a handoff just undone;
- red: every refusal (already handed over, a bag of another household, void, forged, another
  compound's, unknown, not a code), and a handoff the file refused to record.

What the next scan records is chosen with F1 picked up (the default), F2 delivered to the door, F3
arrived at the gate or F4 only check; the keys never record the bag already on screen. A decision
about that bag ("this one went to the door instead") is F6, confirmed and recorded with its reason.
No handoff is recorded without a guard's name: it is asked for once per shift and kept in the
station's settings for the compound, so a restore of the file does not forget it. A card scan lists the household's waiting bags; its bags scanned next are checked
against it and ticked off. The same code read twice within a second (a scanner's double read)
counts once. Ctrl+Z undoes the last handoff with a reason. The waiting list, the cold chain and
the door-delivery run sit along the bottom; the list loads off the GUI thread.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QEventLoop,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.bags.bags import STORAGE_ORDER
from desktop.bags.codes import display_code, normalise
from desktop.bags.codes import shaped_like_code as codes_shaped
from desktop.compound import compound_info
from desktop.db.connection import Connection
from desktop.errors import DatabaseUnusable, DeskError
from desktop import gate
from desktop.messages import describe
from desktop.ui import jobs
from desktop.ui.common import arg, shortcut_text
from desktop.ui.gate.camera import CameraReader, camera_available
from desktop.ui.gate.sounds import Sounds

# (background, text) for each tone of answer.
COLOURS = {
    "go": ("#1b7f3b", "#ffffff"),
    "look": ("#f6b400", "#1a1a1a"),
    "stop": ("#c62828", "#ffffff"),
    "idle": ("#eceff1", "#37474f"),
}
DOUBLE_READ_S = 1.0
WAITING_REFRESH_MS = 60_000
OVERDUE_BACKGROUND = "#ffcdd2"
MODES = ("pickup", "door", "gate", None)  # None: only check, record nothing
# The chosen mode stands out: it is what the next scan records.
MODE_STYLE = (
    "QPushButton { padding: 4px 8px; }"
    "QPushButton:checked { background: #0b3d91; color: white; font-weight: bold;"
    " border: 1px solid #0b3d91; border-radius: 4px; }"
)


def clock_text(iso: str) -> str:
    """14:02 for today, 04-12 14:02 for another day, in this laptop's time."""
    moment = gate.parse_time(iso).astimezone()
    today = datetime.now(UTC).astimezone().date()
    return moment.strftime("%H:%M" if moment.date() == today else "%m-%d %H:%M")


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
                    card_items: list[tuple[str, bool]] | None = None, more: str = "") -> None:
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
        self.card_list.clear()
        if card_items is not None:
            for text_, ticked in card_items:
                item = QListWidgetItem(("☑  " if ticked else "☐  ") + text_)
                item.setData(Qt.ItemDataRole.UserRole, ticked)
                if ticked:
                    item.setForeground(QColor("#1b5e20"))
                self.card_list.addItem(item)
        self.card_list.setVisible(card_items is not None)
        self.setAccessibleDescription(" · ".join(p for p in (headline, big, detail, reason, more) if p))
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
        self.beginResetModel()
        self.bags = list(bags)
        self.settings = settings
        self.clock = clock or gate.AgeClock(datetime.now(UTC))
        self.now = self.clock.now
        self.codes = [bag.code for bag in self.bags]
        self.minutes = [bag.minutes_waited(self.now) for bag in self.bags]
        self.late = [(limit := settings.limit_for(bag.storage)) is not None and minutes >= limit
                     for bag, minutes in zip(self.bags, self.minutes, strict=True)]
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


def storage_word(storage: str) -> str:
    from PySide6.QtCore import QCoreApplication

    words = {
        "frozen": QCoreApplication.translate("GatePage", "frozen"),
        "chilled": QCoreApplication.translate("GatePage", "chilled"),
        "ambient": QCoreApplication.translate("GatePage", "ambient"),
    }
    return words.get(storage, storage)


def waited_text(minutes: int) -> str:
    from PySide6.QtCore import QCoreApplication

    if minutes < 60:
        return arg(QCoreApplication.translate("GatePage", "%1 min"), minutes)
    return arg(QCoreApplication.translate("GatePage", "%1 h %2 min"), minutes // 60, minutes % 60)


class UndoDialog(QDialog):
    """Asks why a handoff is undone; the reason is required and kept with the reversal."""

    def __init__(self, parent: QWidget, what: str, confirm: Callable[[str], str | None]) -> None:
        super().__init__(parent)
        self.setObjectName("gateUndoDialog")
        self._confirm = confirm
        self.setWindowTitle(self.tr("Undo the last handoff"))
        self.setAccessibleName(self.tr("Undo the last handoff"))
        self.setMinimumWidth(480)
        question = QLabel(what, self)
        question.setObjectName("gateUndoWhat")
        question.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("gateUndoReason")
        self.reason.setAccessibleName(self.tr("Reason for undoing"))
        self.reason.setPlaceholderText(self.tr("Why? e.g. the wrong bag was scanned"))
        self.error = QLabel(self)
        self.error.setObjectName("gateUndoError")
        self.error.setAccessibleName(self.tr("Error"))
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.confirm = self.buttons.addButton(self.tr("&Undo handoff"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("gateUndoConfirm")
        self.confirm.setAccessibleName(self.tr("Undo handoff"))
        self.confirm.setEnabled(False)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("gateUndoCancel")
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._confirmed)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda text: self.confirm.setEnabled(bool(text.strip())))
        reason_label = QLabel(self.tr("&Reason (required):"), self)
        reason_label.setBuddy(self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _confirmed(self) -> None:
        """The reason goes to `confirm`; a sentence back is an error shown here, None is done."""
        error = self._confirm(self.reason.text())
        if error is None:
            self.accept()
        else:
            self.error.setText(error)
            self.error.show()


class GuardDialog(QDialog):
    """Asks the guard's name once per shift, before the first handoff is recorded."""

    def __init__(self, parent: QWidget, name: str, confirm: Callable[[str], str | None]) -> None:
        super().__init__(parent)
        self.setObjectName("gateGuardDialog")
        self._confirm = confirm
        self.setWindowTitle(self.tr("Who is on duty?"))
        self.setAccessibleName(self.tr("Who is on duty?"))
        self.setMinimumWidth(440)
        question = QLabel(self.tr("Every handoff is recorded with the name of the guard who made "
                                  "it. Type your name once for this shift."), self)
        question.setObjectName("gateGuardQuestion")
        question.setWordWrap(True)
        self.name = QLineEdit(name, self)
        self.name.setObjectName("gateGuardName")
        self.name.setAccessibleName(self.tr("Guard on duty"))
        self.name.setPlaceholderText(self.tr("your name"))
        self.name.setMaxLength(gate.MAX_NAME)
        self.error = QLabel(self)
        self.error.setObjectName("gateGuardError")
        self.error.setAccessibleName(self.tr("Error"))
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(self.tr("&Start my shift"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("gateGuardConfirm")
        self.confirm.setAccessibleName(self.tr("Start my shift"))
        self.confirm.setEnabled(bool(name.strip()))
        cancel = buttons.addButton(self.tr("&Only check for now"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("gateGuardCancel")
        cancel.setAccessibleName(self.tr("Only check for now"))
        buttons.accepted.connect(self._confirmed)
        buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(lambda text: self.confirm.setEnabled(bool(text.strip())))
        label = QLabel(self.tr("&Name:"), self)
        label.setBuddy(self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(label)
        layout.addWidget(self.name)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _confirmed(self) -> None:
        error = self._confirm(self.name.text())
        if error is None:
            self.accept()
        else:
            self.error.setText(error)
            self.error.show()
            self.name.selectAll()


class DecisionDialog(QDialog):
    """A guard's decision about the bag on screen ("this one went to the door instead"): what
    happened to it and why, confirmed before it is recorded."""

    def __init__(self, parent: QWidget, what: str, standing: gate.Handoff | None,
                 describe_event: Callable[[gate.Handoff], str], preferred: str | None,
                 confirm: Callable[[str, str], str | None]) -> None:
        super().__init__(parent)
        self.setObjectName("gateDecisionDialog")
        self._confirm = confirm
        self._standing = standing
        self._describe_event = describe_event
        self.setWindowTitle(self.tr("Correct this bag"))
        self.setAccessibleName(self.tr("Correct this bag"))
        self.setMinimumWidth(520)
        bag = QLabel(what, self)
        bag.setObjectName("gateDecisionWhat")
        bag.setWordWrap(True)
        now = QLabel(self)
        now.setObjectName("gateDecisionNow")
        now.setWordWrap(True)
        now.setText(arg(self.tr("Recorded now: %1"), describe_event(standing)) if standing
                    else self.tr("Recorded now: nothing yet, it waits."))
        self.choices = QButtonGroup(self)
        self.choices.setExclusive(True)
        choice_row = QVBoxLayout()
        for action, name, text in (
            ("pickup", "gateDecidePickup", self.tr("&Picked up by the household")),
            ("door", "gateDecideDoor", self.tr("&Delivered to the door")),
            ("gate", "gateDecideGate", self.tr("&Arrived at the gate, waits there")),
        ):
            button = QRadioButton(text, self)
            button.setObjectName(name)
            button.setAccessibleName(text.replace("&", ""))
            button.setProperty("action", action)
            button.setEnabled(standing is None or standing.action != action)
            self.choices.addButton(button)
            choice_row.addWidget(button)
            if action == preferred and button.isEnabled():
                button.setChecked(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("gateDecisionReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why? e.g. the household is sealed in, it went to the door"))
        self.reason.setMaxLength(gate.MAX_REASON)
        reason_label = QLabel(self.tr("&Reason (required):"), self)
        reason_label.setBuddy(self.reason)
        self.effect = QLabel(self)
        self.effect.setObjectName("gateDecisionEffect")
        self.effect.setAccessibleName(self.tr("What will be recorded"))
        self.effect.setWordWrap(True)
        self.effect.setStyleSheet("font-weight: bold;")
        self.error = QLabel(self)
        self.error.setObjectName("gateDecisionError")
        self.error.setAccessibleName(self.tr("Error"))
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(self.tr("&Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("gateDecisionConfirm")
        self.confirm.setAccessibleName(self.tr("Record"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("gateDecisionCancel")
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._confirmed)
        buttons.rejected.connect(self.reject)
        self.choices.buttonToggled.connect(lambda *_: self._update())
        self.reason.textChanged.connect(lambda _t: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(bag)
        layout.addWidget(now)
        layout.addLayout(choice_row)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.effect)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._update()

    def action(self) -> str | None:
        checked = self.choices.checkedButton()
        return None if checked is None else str(checked.property("action"))

    def _update(self) -> None:
        action = self.action()
        words = {"pickup": self.tr("picked up"), "door": self.tr("delivered to the door"),
                 "gate": self.tr("arrived at the gate")}
        if action is None:
            self.effect.setText(self.tr("Choose what happened to this bag."))
        elif self._standing is not None and self._standing.action in gate.RECORDABLE:
            self.effect.setText(arg(self.tr("“%1” is undone and “%2” recorded, with your reason."),
                                    self._describe_event(self._standing), words[action]))
        else:
            self.effect.setText(arg(self.tr("“%1” is recorded, with your reason."), words[action]))
        self.confirm.setEnabled(action is not None and bool(self.reason.text().strip()))

    def _confirmed(self) -> None:
        action = self.action()
        if action is None:
            return
        error = self._confirm(action, self.reason.text())
        if error is None:
            self.accept()
        else:
            self.error.setText(error)
            self.error.show()


class GateSettingsDialog(QDialog):
    """The cold-chain limits and the sealed buildings, kept in the compound's file."""

    def __init__(self, parent: QWidget, current: gate.GateSettings,
                 save: Callable[[GateSettingsDialog], str | None]) -> None:
        super().__init__(parent)
        self.setObjectName("gateSettingsDialog")
        self._save = save
        self.setWindowTitle(self.tr("Cold chain and sealed buildings"))
        self.setAccessibleName(self.tr("Cold chain and sealed buildings"))
        self.frozen = self._minutes("gateFrozenLimit", self.tr("Frozen bags may wait (minutes)"),
                                    current.frozen_limit)
        self.chilled = self._minutes("gateChilledLimit", self.tr("Chilled bags may wait (minutes)"),
                                     current.chilled_limit)
        self.sealed = QLineEdit(", ".join(str(b) for b in current.sealed_buildings), self)
        self.sealed.setObjectName("gateSealedBuildings")
        self.sealed.setAccessibleName(self.tr("Sealed buildings"))
        self.sealed.setPlaceholderText(self.tr("e.g. 3, 12"))
        self.sealed.setToolTip(self.tr("Every bag for a sealed building is carried to the door"))
        self.error = QLabel(self)
        self.error.setObjectName("gateSettingsError")
        self.error.setAccessibleName(self.tr("Error"))
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Frozen limit:"), self.frozen)
        form.addRow(self.tr("C&hilled limit:"), self.chilled)
        form.addRow(self.tr("&Sealed buildings:"), self.sealed)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("gateSettingsButtons")
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("gateSettingsSave")
        buttons.accepted.connect(self._saved)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _minutes(self, name: str, accessible: str, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setRange(1, gate.MAX_LIMIT)
        box.setValue(value)
        box.setSuffix(self.tr(" min"))
        return box

    def _saved(self) -> None:
        error = self._save(self)
        if error is None:
            self.accept()
        else:
            self.error.setText(error)
            self.error.show()


class GatePage(QWidget):
    """The gate over the page's connection. `quiet` makes no sound (benchmarks); `gate_mode`
    is the full-screen gate window's page."""

    answered = Signal(object)  # the ScanResult just shown
    waitingListed = Signal()  # the waiting list loaded (or failed to)

    def __init__(self, conn: Connection, parent: QWidget | None = None, *,
                 settings: QSettings | None = None, gate_mode: bool = False,
                 quiet: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("gatePage")
        self._conn = conn
        self._settings = settings
        self.gate_mode = gate_mode
        self.mode: str | None = "pickup"
        self.card: gate.Card | None = None
        self.card_bags: list[gate.WaitingBag] = []
        self.card_ticked: dict[str, str] = {}  # code → "recorded" or "checked"
        self.last_result: gate.ScanResult | None = None
        self._undo_code: str | None = None
        self._last_read: tuple[str, float] = ("", float("-inf"))
        self.clock: Callable[[], float] = time.monotonic  # a test may turn it
        self._proxy_household: int | None = None
        self._refusal: str | None = None
        self.waiting_loaded = False
        self.waiting_job: jobs.Job | None = None
        self.door_run_job: jobs.Job | None = None
        self._waiting_again = False
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._pdf_folder: Path | None = None
        self.sounds = Sounds(self, enabled=not quiet)
        self._build()
        self._show_idle()
        self._waiting_timer = QTimer(self)
        self._waiting_timer.setInterval(WAITING_REFRESH_MS)
        self._waiting_timer.timeout.connect(self._tick)
        self._waiting_timer.start()
        QApplication.instance().focusChanged.connect(self._focus_changed)
        if conn.read_only:  # scans still answer; nothing can be recorded in this file
            self.refuse_changes(describe(DatabaseUnusable(conn.read_only_code, path=str(conn.path))))
        self.refresh_waiting()

    # ---- building the page ----

    def _build(self) -> None:
        big = QFont(self.font())
        big.setPixelSize(24)

        self.operator_input = QLineEdit(self)
        self.operator_input.setObjectName("gateOperator")
        self.operator_input.setAccessibleName(self.tr("Guard on duty"))
        self.operator_input.setPlaceholderText(self.tr("your name"))
        self.operator_input.setToolTip(self.tr("Recorded with every handoff you make"))
        self.operator_input.setMaximumWidth(160)
        self.operator_input.setMaxLength(gate.MAX_NAME)
        self.operator_input.setText(self._remembered_guard())
        self.operator_input.textEdited.connect(self._operator_edited)
        self.operator_input.editingFinished.connect(self._operator_changed)
        operator_label = QLabel(self.tr("&Guard:"), self)
        operator_label.setBuddy(self.operator_input)

        self.scan_input = ScanField(self)
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setAccessibleName(self.tr("Scan or type a code"))
        self.scan_input.setPlaceholderText(self.tr("Scan a bag or a household card, or type its code and press Enter"))
        self.scan_input.setFont(big)
        self.scan_input.setMinimumHeight(44)
        self.scan_input.returnPressed.connect(self.submit)

        self.camera_button = self._button("gateCamera", self.tr("Camera"),
                                          self.tr("Read QR codes with the webcam"), self._toggle_camera)
        self.camera_button.setCheckable(True)
        self.camera_button.setVisible(camera_available())
        self.camera_preview = QLabel(self)
        self.camera_preview.setObjectName("gateCameraPreview")
        self.camera_preview.setAccessibleName(self.tr("What the camera sees"))
        self.camera_preview.hide()
        self.camera: CameraReader | None = None

        self.verdict_banner = VerdictBanner(self)
        self.waiting_model = WaitingModel(self)
        self.waiting_view = QTableView(self)
        self.waiting_view.setObjectName("gateWaitingList")
        self.waiting_view.setAccessibleName(self.tr("Bags waiting, oldest first"))
        self.waiting_view.setModel(self.waiting_model)
        self.waiting_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.waiting_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.waiting_view.verticalHeader().hide()
        header = self.waiting_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(50)  # thousands of rows: size columns by the first few
        header.setStretchLastSection(True)
        self.waiting_view.setMinimumWidth(420)
        self.waiting_view.hide()
        middle = QHBoxLayout()
        middle.addWidget(self.verdict_banner, 3)
        middle.addWidget(self.waiting_view, 2)
        side = QVBoxLayout()
        side.addWidget(self.camera_preview)
        side.addStretch(1)
        middle.addLayout(side)

        # What the next scan records; a decision about the bag on screen is its own action.
        self.pickup_button = self._mode_button("gatePickup", "F1", self.tr("Picked up"), "pickup")
        self.door_button = self._mode_button("gateDoor", "F2", self.tr("Delivered to door"), "door")
        self.gate_button = self._mode_button("gateAtGate", "F3", self.tr("Arrived at gate"), "gate")
        self.check_button = self._mode_button("gateCheckOnly", "F4", self.tr("Only check"), None)
        self.modes = QButtonGroup(self)
        self.modes.setExclusive(True)
        for button in (self.pickup_button, self.door_button, self.gate_button, self.check_button):
            self.modes.addButton(button)
        self.pickup_button.setChecked(True)

        self.proxy_input = QLineEdit(self)
        self.proxy_input.setObjectName("gateProxy")
        self.proxy_input.setAccessibleName(self.tr("Collected by (proxy)"))
        self.proxy_input.setPlaceholderText(self.tr("neighbour's name"))
        self.proxy_input.setToolTip(self.tr("Someone collecting for the household (a neighbour for "
                                            "an elderly resident): their name is recorded with the "
                                            "pickup"))
        self.proxy_input.setMinimumWidth(100)
        self.proxy_input.setMaximumWidth(200)
        self.proxy_input.textEdited.connect(self._proxy_edited)
        self.proxy_input.returnPressed.connect(self.scan_input.setFocus)
        proxy_label = QLabel(self.tr("Collected &by:"), self)
        proxy_label.setBuddy(self.proxy_input)

        self.decide_button = self._button(
            "gateDecide", "F6  " + self.tr("Correct bag…"),
            self.tr("Record what happened to the bag on screen, e.g. it went to the door instead; "
                    "a reason is asked for"), self.decide, keys="F6")
        self.decide_button.setAccessibleName(self.tr("Correct this bag"))
        self.decide_button.setMinimumHeight(40)
        self.card_done_button = self._button("gateCardDone", self.tr("End card"),
                                             self.tr("Done with this household's card"), self.end_card,
                                             keys="Esc")
        self.card_done_button.hide()
        self.undo_button = self._button("gateUndo", self.tr("Undo last"),
                                        self.tr("Undo the last handoff (a reason is required)"),
                                        self.undo_last, keys="Ctrl+Z")
        top = QHBoxLayout()
        top.addWidget(operator_label)
        top.addWidget(self.operator_input)
        top.addSpacing(12)
        top.addWidget(self.scan_input, 3)
        top.addSpacing(12)
        top.addWidget(proxy_label)
        top.addWidget(self.proxy_input, 1)
        top.addWidget(self.camera_button)

        actions = QHBoxLayout()
        for button in (self.pickup_button, self.door_button, self.gate_button, self.check_button):
            actions.addWidget(button)
        actions.addSpacing(12)
        actions.addWidget(self.decide_button)
        actions.addStretch(1)

        self.guessing = QLabel(self)
        self.guessing.setObjectName("gateGuessingWarning")
        self.guessing.setAccessibleName(self.tr("Warning: codes are being guessed"))
        self.guessing.setWordWrap(True)
        self.guessing.setStyleSheet("background: #b3261e; color: white; font-weight: bold;"
                                    " padding: 6px 10px; border-radius: 4px;")
        self.guessing.hide()
        self._guessing_timer = QTimer(self)
        self._guessing_timer.setSingleShot(True)
        self._guessing_timer.setInterval(gate.GUESSING_WINDOW_S * 1000)
        self._guessing_timer.timeout.connect(self.guessing.hide)

        self.note = QLabel(self)
        self.note.setObjectName("gateNote")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setStyleSheet("color: #5c3c00;")
        self.note.hide()

        self.waiting_summary = QLabel(self)
        self.waiting_summary.setObjectName("gateWaitingSummary")
        self.waiting_summary.setAccessibleName(self.tr("Waiting bags"))
        summary_font = QFont(self.font())
        summary_font.setPixelSize(17)
        self.waiting_summary.setFont(summary_font)
        self.waiting_summary.setText(self.tr("Waiting bags: counting…"))
        self.waiting_summary.setWordWrap(True)
        self.waiting_summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.waiting_toggle = self._button("gateWaitingToggle", self.tr("Waiting list"),
                                           self.tr("Show or hide the bags still waiting"),
                                           self._toggle_waiting, keys="Ctrl+L")
        self.waiting_toggle.setCheckable(True)
        self.cold_button = self._button("gateColdChain", self.tr("Cold chain…"),
                                        self.tr("Cold-chain limits and sealed buildings"),
                                        self.edit_settings)
        self.door_run_button = self._button("gateDoorRun", self.tr("Door-delivery run (PDF)"),
                                            self.tr("Households with door delivery and sealed "
                                                    "buildings, a page per building, to print"),
                                            self.print_door_run)
        self.print_door_run_button = self._button(
            "gatePrintDoorRun", self.tr("Print door run…"),
            self.tr("Print the door-delivery run on A4, a page per building"),
            self.print_door_run_sheets)
        bottom = QHBoxLayout()
        bottom.addWidget(self.waiting_summary, 1)
        bottom.addWidget(self.waiting_toggle)
        bottom.addWidget(self.cold_button)
        bottom.addWidget(self.door_run_button)
        bottom.addWidget(self.print_door_run_button)
        bottom.addSpacing(12)
        bottom.addWidget(self.card_done_button)
        bottom.addWidget(self.undo_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.guessing)
        layout.addLayout(middle, 1)
        layout.addWidget(self.note)
        layout.addLayout(actions)
        layout.addLayout(bottom)

        self._shortcut("Esc", self.end_card)
        self._shortcut("Ctrl+Z", self.undo_last)
        self._shortcut("F6", self.decide)
        self._shortcut("Ctrl+L", self.waiting_toggle.click)

    def _shortcut(self, keys: str, slot) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def _button(self, name: str, text: str, tip: str, slot, *, keys: str | None = None) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.rstrip("…"))
        button.setToolTip(f"{tip} ({shortcut_text(keys)})" if keys else tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        button.clicked.connect(self.refocus)
        return button

    def _mode_button(self, name: str, key: str, text: str, mode: str | None) -> QPushButton:
        button = QPushButton(f"{key}  {text}", self)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        button.setMinimumHeight(40)
        button.setStyleSheet(MODE_STYLE)
        if mode is None:
            button.setToolTip(arg(self.tr("Scans only answer; nothing is recorded (%1)"),
                                  shortcut_text(key)))
        else:
            button.setToolTip(arg(self.tr("The next scans record this; the bag on screen is not "
                                          "changed (%1)"), shortcut_text(key)))
        button.clicked.connect(lambda: self.choose(mode))
        button.clicked.connect(self.refocus)
        self._shortcut(key, lambda: self.choose(mode))
        return button

    # ---- focus: the scan field has it, always ----

    def refocus(self) -> None:
        if self.isVisible() and not self.scan_input.hasFocus():
            self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def back_from_dialog(self) -> None:
        """A dialog of the page closed: its window is the active one again, so F1–F6 and Ctrl+Z
        reach the page even where no window manager hands the activation back."""
        window = self.window()
        if window.isVisible() and not window.isActiveWindow():
            window.activateWindow()
        self.refocus()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not self.isVisible() or new in (self.scan_input, self.operator_input, self.proxy_input):
            return
        if new is None or self.isAncestorOf(new):
            QTimer.singleShot(0, self.refocus)

    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        self.refocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.refocus)
        if self.waiting_loaded:
            self.refresh_waiting()

    def operator(self) -> str:
        return gate.clean_name(self.operator_input.text())

    # ---- the guard on duty: asked once per shift, kept by the station, not in the file ----

    def _guard_keys(self) -> tuple[str, str]:
        key = gate.guard_key(self._conn)
        return f"gate/guard/{key}/name", f"gate/guard/{key}/since"

    def _remembered_guard(self) -> str:
        """The name given on this station for this compound within the shift, else ''. It lives
        in the station's settings, so a restore of the file cannot take it away."""
        if self._settings is None:
            return ""
        name_key, since_key = self._guard_keys()
        name = self._settings.value(name_key, "")
        try:
            since = float(self._settings.value(since_key, 0) or 0)
        except (TypeError, ValueError):
            since = 0.0
        if not name or not 0 <= time.time() - since < gate.SHIFT_HOURS * 3600:
            return ""
        return str(name)

    def set_guard(self, text: str) -> str | None:
        """Take the guard's name for this shift; the sentence of what is wrong, or None."""
        try:
            name = gate.guard_name(text)
        except DeskError as error:
            return describe(error)
        self.operator_input.setText(name)
        self._remember_guard(name)
        return None

    def _remember_guard(self, name: str) -> None:
        if self._settings is None:
            return
        name_key, since_key = self._guard_keys()
        if name:
            self._settings.setValue(name_key, name)
            self._settings.setValue(since_key, time.time())
        else:
            self._settings.remove(name_key)
            self._settings.remove(since_key)

    def _operator_edited(self, _text: str) -> None:
        name = self.operator()
        self._remember_guard("" if codes_shaped(name) else name)

    def _operator_changed(self) -> None:
        if codes_shaped(self.operator()):  # a scan that landed in the name field
            self.operator_input.clear()
            self._remember_guard("")
        self.refocus()

    def ask_guard(self, then: Callable[[], object] | None = None,
                  otherwise: Callable[[], object] | None = None) -> GuardDialog:
        """The name dialog; `then` runs once a name is given, `otherwise` when it is not."""
        dialog = GuardDialog(self, self.operator(), self.set_guard)
        self.guard_dialog = dialog

        def finished(result: int) -> None:
            dialog.deleteLater()
            self.back_from_dialog()
            follow = then if result == QDialog.DialogCode.Accepted else otherwise
            if follow is not None:
                follow()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _proxy_edited(self, _text: str) -> None:
        self._proxy_household = None

    # ---- scanning ----

    def submit(self) -> None:
        text = self.scan_input.text()
        self.scan_input.clear()
        self.scan_text(text)

    def scan_text(self, text: str) -> gate.ScanResult | None:
        """Answer one scan; None when there was nothing to answer or it was a double read."""
        if not text.strip():
            return None
        code = normalise(text)
        now = self.clock()
        last_code, last_at = self._last_read
        self._last_read = (code, now)
        if code == last_code and now - last_at < DOUBLE_READ_S:
            return None  # a scanner's double read: the answer on screen stands
        record = self.mode if self._refusal is None else None
        if record is not None and not self.operator() and self._would_record(text):
            # No handoff without a guard's name: ask, then record this very scan.
            def named() -> None:
                self._answer(text, record)

            def unnamed() -> None:
                self._answer(text, None)
                self._say(self.tr("Not recorded: a handoff needs the guard's name. Type it in the "
                                  "Guard field, or scan again to be asked."))

            self.verdict_banner.show_answer(
                "look", self.tr("Who is on duty?"), self.tr("Your name, please"), "",
                self.tr("This bag is recorded as soon as you give your name."))
            self.ask_guard(named, unnamed)
            return None
        return self._answer(text, record)

    def _would_record(self, text: str) -> bool:
        """Whether a scan of `text` would record a handoff (a bag that may be handed over):
        only then is the guard's name asked for first; a refusal is answered at once."""
        try:
            looked = gate.scan(self._conn, text, card=self.card, watch=False)
        except DeskError:
            return False
        return looked.kind == "bag" and looked.verdict == "ok"

    def _answer(self, text: str, record: str | None) -> gate.ScanResult | None:
        proxy = self._proxy_for(text) if record == "pickup" else ""
        try:
            result = gate.scan(self._conn, text, card=self.card, record=record,
                               operator=self.operator(), proxy_name=proxy)
        except DeskError as error:
            self._show_error(error)
            return None
        self._take(result, proxy)
        return result

    def _proxy_for(self, text: str) -> str:
        """The proxy's name applies to one household: the card's, or the first one it was
        recorded for; a bag of another household clears it rather than carry it over."""
        name = self.proxy_input.text().strip()
        if not name or self.card is not None or self._proxy_household is None:
            return name
        looked = gate.scan(self._conn, text, watch=False)
        if looked.household_id is not None and looked.household_id != self._proxy_household:
            self.proxy_input.clear()
            self._proxy_household = None
            return ""
        return name

    def choose(self, mode: str | None) -> None:
        """F1–F4: what the next scans record. The bag on screen is never recorded by it: a
        decision about that bag is F6 (`decide`)."""
        if mode is not None and self._refusal is not None:
            self._say(self._refusal)  # this file takes no handoffs: scans only answer
            return
        self.mode = mode
        button = {"pickup": self.pickup_button, "door": self.door_button,
                  "gate": self.gate_button, None: self.check_button}[mode]
        button.setChecked(True)
        self.refocus()

    # ---- a decision about the bag on screen ----

    def decide(self) -> DecisionDialog | GuardDialog | None:
        """F6: record what happened to the bag on screen, with a reason, after a confirmation."""
        if self._refusal is not None:
            self._say(self._refusal)
            return None
        shown = self.last_result
        if shown is None or shown.kind != "bag" or shown.bag is None or shown.verdict in (
                "void", "wrong_household"):
            self._say(self.tr("Scan the bag first: F6 corrects what is recorded for the bag on "
                              "the screen."))
            return None
        if not self.operator():
            return self.ask_guard(self.decide)
        looked = gate.scan(self._conn, shown.code, card=self.card, watch=False)
        bag = looked.bag
        what = arg(self.tr("%1, %2"), looked.address,
                   self._bag_line(bag.index, bag.count, bag.storage, bag.buy))
        standing = looked.last_handoff
        preferred = self.mode if self.mode != (standing.action if standing else None) else None
        dialog = DecisionDialog(self, what, standing, self._event_text, preferred,
                                lambda action, reason: self._decided(shown.code, action, reason))
        dialog.finished.connect(lambda _r: (dialog.deleteLater(), self.back_from_dialog()))
        dialog.open()
        self.decision_dialog = dialog
        return dialog

    def _decided(self, code: str, action: str, reason: str) -> str | None:
        try:
            decision = gate.decide(self._conn, code, action, reason, card=self.card,
                                   operator=self.operator())
        except DeskError as error:
            return describe(error)
        result = decision.result
        self.last_result = result
        self._undo_code = code
        if self.card is not None:
            self.card_ticked[code] = "recorded" if action in gate.HANDED_OVER else "checked"
        headline, big, detail, _reason = self.words(result)
        why = arg(self.tr("Reason: %1"), decision.reason)
        if decision.undone is not None:
            why = arg(self.tr("Instead of: %1"), self._event_text(decision.undone)) + " · " + why
        items = self._card_items() if self.card is not None else None
        self.verdict_banner.show_answer(result.tone, headline, big, detail, why, items,
                                        self.still_waiting(result))
        self.sounds.play(result.tone)
        self.note.hide()
        self.refresh_waiting()
        self.answered.emit(result)
        return None

    def _take(self, result: gate.ScanResult, proxy: str) -> None:
        self.last_result = result
        self.note.hide()
        if result.verdict == "household":
            self._start_card(result)
        elif self.card is not None and result.kind == "bag" and result.verdict == "ok":
            self.card_ticked[result.code] = "recorded" if result.recorded else "checked"
            if result.code not in {b.code for b in self.card_bags}:
                self.card_bags.append(_as_waiting(result))
        if result.recorded:
            self._undo_code = result.code
            if proxy:
                self._proxy_household = result.household_id
            if result.last_handoff.action in gate.HANDED_OVER:
                # After the answer is painted: the guard waits for the answer, not for the list.
                QTimer.singleShot(0, lambda code=result.code: self._handed_over(code))
            else:
                self._waiting_again = True
                QTimer.singleShot(2000, self.refresh_waiting)
        self._show(result)
        if result.refused_last_minute > gate.GUESSING_LIMIT:
            self.guessing.setText(arg(self.tr(
                "%1 codes that are not this compound's were scanned at this station in the last "
                "minute: someone may be trying made-up codes. Hand nothing over on them and call a "
                "committee member."), result.refused_last_minute))
            self.guessing.show()
            self._guessing_timer.start()  # gone a quiet minute after the last one
        self.sounds.play(result.tone)
        self.answered.emit(result)

    def _handed_over(self, code: str) -> None:
        self.waiting_model.remove_code(code)
        self._show_waiting_summary()

    def _start_card(self, result: gate.ScanResult) -> None:
        if self.card is None or self.card.household_id != result.household_id:
            self.proxy_input.clear()
            self._proxy_household = None
        self.card = result.card
        self.card_bags = sorted(result.waiting_bags,
                                key=lambda b: (STORAGE_ORDER.index(b.storage), b.buy_id, b.index))
        self.card_ticked = {}
        self.card_done_button.show()

    def end_card(self) -> None:
        """Esc: done with this household's card; the next bags are checked on their own."""
        if self.card is None:
            return
        self.card = None
        self.card_bags = []
        self.card_ticked = {}
        self.proxy_input.clear()
        self._proxy_household = None
        self.card_done_button.hide()
        self.last_result = None
        self._show_idle()
        self.refocus()

    # ---- what the banner says ----

    def _show_idle(self) -> None:
        self.verdict_banner.show_answer(
            "idle", self.tr("Ready"), self.tr("Scan a bag"),
            self.tr("or a household card"), "")

    def _show_error(self, error: DeskError) -> None:
        self.last_result = None
        self.verdict_banner.show_answer("stop", self.tr("✗ Not recorded"), self.tr("Not recorded"),
                                        "", describe(error))
        self.sounds.play("stop")

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def _show(self, result: gate.ScanResult) -> None:
        headline, big, detail, reason = self.words(result)
        items = self._card_items() if self.card is not None else None
        if result.verdict == "household" and not result.waiting_bags:
            items = None
        self.verdict_banner.show_answer(result.tone, headline, big, detail, reason, items,
                                        self.still_waiting(result))

    def still_waiting(self, result: gate.ScanResult) -> str:
        """For a green bag: the household's other bags still waiting, how many, in which storage."""
        if result.verdict != "ok" or self.card is not None:  # a card lists its bags itself
            return ""
        waiting = result.waiting_bags
        if not waiting:
            return self.tr("Nothing else is waiting for this household.")
        kinds = self.tr(", ").join(arg(self.tr("%1 %2"), count, storage_word(storage))
                                   for storage, count in gate.storage_counts(waiting))
        head = (arg(self.tr("Also waiting for this household: 1 bag, %1"), kinds) if len(waiting) == 1
                else arg(self.tr("Also waiting for this household: %1 bags, %2"), len(waiting), kinds))
        shown = [self._bag_line(b.index, b.count, b.storage, b.buy)
                 + (" — " + self.tr("at the gate") if b.at_gate else "") for b in waiting[:4]]
        if len(waiting) > 4:
            shown.append("…")
        return head + "\n" + "\n".join(shown)

    def _card_items(self) -> list[tuple[str, bool]]:
        items = []
        for bag in self.card_bags:
            text = self._bag_line(bag.index, bag.count, bag.storage, bag.buy)
            state = self.card_ticked.get(bag.code)
            if state == "recorded":
                text += " — " + self.tr("handed over")
            elif state == "checked":
                text += " — " + self.tr("checked, not recorded")
            elif bag.at_gate:
                text += " — " + self.tr("at the gate")
            items.append((text, state is not None))
        return items

    def _bag_line(self, index: int, count: int, storage: str, buy: str) -> str:
        return arg(self.tr("bag %1 of %2 · %3 · %4"), index, count, storage_word(storage), buy)

    def _event_text(self, event: gate.Handoff) -> str:
        who = event.operator or self.tr("a guard who gave no name")
        where = event.station or "?"
        templates = {
            "pickup": self.tr("picked up at %1 by %2 at %3"),
            "door": self.tr("delivered to the door at %1 by %2 at %3"),
            "gate": self.tr("arrived at the gate at %1, recorded by %2 at %3"),
            "packed": self.tr("packed at %1 by %2 at %3"),
            "returned": self.tr("returned at %1 to %2 at %3"),
            "spoiled": self.tr("found spoiled at %1 by %2 at %3"),
        }
        text = arg(templates.get(event.action, "%1 %2 %3"), clock_text(event.at), who, where)
        if event.proxy_name:
            text += self.tr(", collected for the household by %1").replace("%1", event.proxy_name)
        return text

    def words(self, result: gate.ScanResult) -> tuple[str, str, str, str]:
        """(headline, big line, detail, reason) for an answer, in the user's language."""
        v = result.verdict
        detail = ""
        if result.bag is not None:
            bag = result.bag
            detail = self._bag_line(bag.index, bag.count, bag.storage, bag.buy)
        event = result.last_handoff
        if v == "ok":
            if result.recorded:
                headline = {
                    "pickup": self.tr("✓ Picked up — hand it over"),
                    "door": self.tr("✓ Delivered to the door — recorded"),
                    "gate": self.tr("Arrived at the gate — it waits here"),
                }[event.action]
                return headline, result.address, detail, self._recorded_text(event)
            reason = (arg(self.tr("At the gate since %1"), clock_text(event.at)) if result.at_gate
                      else self.tr("Not recorded (F4 only check). To record this bag: F6."))
            return self.tr("✓ May be handed over"), result.address, detail, reason
        if v == "already_handed_over":
            headline = (self.tr("✗ Already delivered to the door") if event.action == "door"
                        else self.tr("✗ Already picked up"))
            return headline, result.address, detail, self._event_text(event)
        if v == "wrong_household":
            card = result.card.address if result.card else "?"
            return (self.tr("✗ A bag of another household"), result.address, detail,
                    arg(self.tr("The card shown is for %1: do not hand this bag over."), card))
        if v == "void":
            headlines = {
                "buy_cancelled": self.tr("✗ A void bag of a cancelled buy"),
                "remade": self.tr("✗ A void bag: it was packed again with a new label"),
                "order_withdrawn": self.tr("✗ A void bag: its order was withdrawn"),
                "spoiled": self.tr("✗ A spoiled bag"),
                "card_replaced": self.tr("✗ A replaced household card"),
            }
            headline = headlines.get(result.void_reason or "", headlines["buy_cancelled"])
            if result.void_reason == "card_replaced":
                return headline, result.address, "", self.tr("Ask for the household's new card.")
            reason = self.tr("Do not hand it over: put it aside for the volunteers.")
            if result.void_reason == "spoiled" and event is not None:
                reason = self._event_text(event) + " — " + reason
            return headline, result.address, detail, reason
        if v == "household":
            count = len(result.waiting_bags)
            headline = (self.tr("Household card — 1 bag waiting") if count == 1 else
                        arg(self.tr("Household card — %1 bags waiting"), count))
            reason = (self.tr("Scan each bag: it is ticked off here. Esc ends the card.") if count
                      else self.tr("Nothing is waiting for this household."))
            return headline, result.address, "", reason
        code = display_code(result.code) if result.code else ""
        refused = self.tr("✗ Do not hand over")
        if v == "forged":
            return (refused, self.tr("Forged label"), code,
                    self.tr("Its signature is not this compound's. Keep the bag aside and call a "
                            "committee member."))
        if v == "other_compound":
            return (refused, self.tr("Another compound's label"), code,
                    self.tr("This label was printed by another compound's desk, not here."))
        if v == "unknown":
            return (refused, self.tr("Unknown code"), code,
                    self.tr("Signed by this compound, but no bag or card here has this code. "
                            "It may be on another station's file: ask the lobby."))
        if result.mistyped:
            return (refused, self.tr("Mistyped code"), code,
                    self.tr("A character is wrong: check the code and type it again."))
        return (refused, self.tr("Not a code of this compound"), code[:40],
                self.tr("Scan the QR code again, or type the code printed under it."))

    def _recorded_text(self, event: gate.Handoff) -> str:
        who = event.operator or self.tr("a guard who gave no name")
        text = arg(self.tr("Recorded at %1 by %2 at %3"), clock_text(event.at), who, event.station)
        if event.proxy_name:
            text += self.tr(", collected for the household by %1").replace("%1", event.proxy_name)
        return text

    # ---- undo ----

    def undo_last(self) -> UndoDialog | None:
        """Ctrl+Z: undo the last handoff this page recorded (else the bag on screen's)."""
        code = self._undo_code
        shown = self.last_result
        if code is None and shown is not None and shown.kind == "bag" and shown.last_handoff:
            code = shown.code
        if code is None:
            self._say(self.tr("Nothing to undo here: scan the bag whose handoff should be undone."))
            return None
        if not self.operator() and self._refusal is None:
            return self.ask_guard(self.undo_last)
        looked = gate.scan(self._conn, code, watch=False)
        if looked.last_handoff is None:
            self._say(arg(self.tr("%1 has no handoff to undo."), looked.address or display_code(code)))
            return None
        what = arg(self.tr("Undo “%1” for %2, %3? The bag will wait again."),
                   self._event_text(looked.last_handoff), looked.address,
                   self._bag_line(looked.bag.index, looked.bag.count, looked.bag.storage, looked.bag.buy))
        dialog = UndoDialog(self, what, lambda reason: self._undo(code, reason))
        dialog.finished.connect(lambda _r: (dialog.deleteLater(), self.back_from_dialog()))
        dialog.open()
        self.undo_dialog = dialog
        return dialog

    def _undo(self, code: str, reason: str) -> str | None:
        """Append the reversal; the sentence of what went wrong, or None when it is done."""
        try:
            undone = gate.undo_last_handoff(self._conn, code, reason, operator=self.operator())
        except DeskError as error:
            return describe(error)
        self._undo_code = None
        self.card_ticked.pop(code, None)
        self.last_result = gate.scan(self._conn, code, card=self.card, watch=False)
        bag = self.last_result.bag
        detail = self._bag_line(bag.index, bag.count, bag.storage, bag.buy) if bag else ""
        items = self._card_items() if self.card is not None else None
        self.verdict_banner.show_answer(
            "look", arg(self.tr("↶ Undone: %1"), self._event_text(undone.undone)), undone.address,
            detail, arg(self.tr("The bag waits again. Reason: %1"), " ".join(reason.split())),
            items)
        self.sounds.play("look")
        self.refresh_waiting()
        return None

    # ---- waiting bags, the cold chain, the door-delivery run ----

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh_waiting()

    def refresh_waiting(self) -> None:
        """Reload the waiting list off the GUI thread (another station may have handed out bags)."""
        if self.waiting_job is not None and self.waiting_job.running:
            self._waiting_again = True
            return
        self._waiting_again = False

        def work(conn, _progress, _should_cancel):
            return gate.list_waiting(conn), gate.get_gate_settings(conn), gate.age_clock(conn)

        self.waiting_job = jobs.run_job(self, self.tr("Waiting bags"),
                                        jobs.with_connection(self._conn.path, work),
                                        show_dialog=False, handle_errors=False)
        self.waiting_job.done.connect(self._waiting_done)
        self.waiting_job.failed.connect(self._waiting_failed)

    def _waiting_done(self, loaded) -> None:
        bags, settings, clock = loaded
        self.waiting_model.set_bags(bags, settings, clock)
        self.waiting_view.resizeColumnsToContents()
        self.waiting_loaded = True
        self._show_waiting_summary()
        if self._waiting_again:
            QTimer.singleShot(500, self.refresh_waiting)
        self.waitingListed.emit()

    def _waiting_failed(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            self.waiting_summary.setText(describe(error))
        self.waitingListed.emit()

    def _waiting_settled(self) -> bool:
        job = self.waiting_job
        return self.waiting_loaded and (job is None or not job.running)

    def wait_for_waiting_list(self, timeout_s: float = 60.0) -> None:
        """Until the waiting list has loaded (tests and benchmarks), in an event loop of its own
        that the list's signal ends."""
        if self._waiting_settled():
            return
        loop = QEventLoop()
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        check = QTimer()
        check.setInterval(20)  # a job that finished between two signals is seen too
        check.timeout.connect(lambda: loop.quit() if self._waiting_settled() else None)
        self.waitingListed.connect(loop.quit)
        deadline.start(int(timeout_s * 1000))
        check.start()
        try:
            while not self._waiting_settled() and deadline.isActive():
                loop.exec()
        finally:
            check.stop()
            deadline.stop()
            self.waitingListed.disconnect(loop.quit)
        if not self._waiting_settled():
            raise TimeoutError("the waiting list did not load")

    def _clock_text(self) -> str:
        """A sentence when the computer's clock was set back, and what ages are counted by."""
        clock = self.waiting_model.clock
        if not clock.jumped:
            return ""
        behind = waited_text(clock.behind_minutes)
        if clock.source == "steady":
            return arg(self.tr("This computer's clock was set back %1: waiting times are counted "
                               "by the program's steady clock."), behind)
        return arg(self.tr("This computer's clock is %1 behind the latest recorded handoff: "
                           "waiting times are counted from that handoff's time."), behind)

    def _show_waiting_summary(self) -> None:
        model = self.waiting_model
        bags = model.bags
        clock = self._clock_text()
        if not bags:
            self.waiting_summary.setText(" · ".join(
                p for p in (self.tr("Nothing is waiting: every bag has been handed over."), clock) if p))
            self.waiting_summary.setStyleSheet("color: #b3261e; font-weight: bold;" if clock else "")
            return
        parts = [self.tr("Waiting: 1 bag") if len(bags) == 1 else
                 arg(self.tr("Waiting: %1 bags"), len(bags))]
        oldest = bags[0]
        parts.append(arg(self.tr("oldest %1 (%2, %3)"), waited_text(model.minutes[0]),
                         oldest.address, storage_word(oldest.storage)))
        overdue = model.overdue_count
        if overdue:
            parts.append(self.tr("1 cold bag past its limit") if overdue == 1 else
                         arg(self.tr("%1 cold bags past their limit"), overdue))
        if clock:
            parts.append(clock)
        self.waiting_summary.setText(" · ".join(parts))
        self.waiting_summary.setStyleSheet(
            "color: #b3261e; font-weight: bold;" if overdue or clock else "")

    def _toggle_waiting(self) -> None:
        shown = self.waiting_toggle.isChecked()
        self.waiting_view.setVisible(shown)
        if shown:
            self.refresh_waiting()

    def edit_settings(self) -> GateSettingsDialog:
        def save(dialog: GateSettingsDialog) -> str | None:
            try:
                gate.save_gate_settings(self._conn, frozen_limit=dialog.frozen.value(),
                                        chilled_limit=dialog.chilled.value(),
                                        sealed_buildings=dialog.sealed.text())
            except DeskError as error:
                return describe(error)
            self.refresh_waiting()
            return None

        dialog = GateSettingsDialog(self, gate.get_gate_settings(self._conn), save)
        dialog.finished.connect(lambda _r: (dialog.deleteLater(), self.back_from_dialog()))
        dialog.open()
        self.settings_dialog = dialog
        return dialog

    def print_door_run(self) -> jobs.Job | None:
        """Write the door-delivery run as a PDF off the GUI thread and open it to print."""
        if self.door_run_job is not None and self.door_run_job.running:
            return self.door_run_job
        if self._pdf_folder is None:
            self._pdf_folder = Path(tempfile.mkdtemp(prefix="compound-desk-gate-"))
        target = self._pdf_folder / f"door-run-{datetime.now().strftime('%Y%m%d-%H%M%S')}.pdf"

        def work(conn, progress, should_cancel):
            from desktop.printing.door_run import write_door_run

            write_door_run(conn, target, progress=progress, should_cancel=should_cancel)
            return target

        job = jobs.run_job(self, self.tr("Writing the door-delivery run…"),
                           jobs.with_connection(self._conn.path, work))
        job.done.connect(lambda path: self.open_url(QUrl.fromLocalFile(str(path))))
        self.door_run_job = job
        return job

    def print_door_run_sheets(self):
        """The print dialog, then the door-delivery run drawn and sent to that printer."""
        if self.door_run_job is not None and self.door_run_job.running:
            return None
        from desktop.printing.stocks import SHEET
        from desktop.ui.printing import print_document

        def write(conn, path, progress, should_cancel):
            from desktop.printing.door_run import write_door_run

            return write_door_run(conn, path, progress=progress, should_cancel=should_cancel)

        self.print_dialog = print_document(
            self, paper=SHEET, doc_name=f"door-run-{datetime.now().strftime('%Y%m%d-%H%M')}.pdf",
            title=self.tr("Writing the door-delivery run…"), db_path=self._conn.path,
            write=write, say=lambda text, _warning: self._say(text),
            started=lambda job: setattr(self, "door_run_job", job))
        return self.print_dialog

    # ---- the webcam ----

    def _toggle_camera(self) -> None:
        if self.camera is None:
            self.camera = CameraReader(self)
            self.camera.codeRead.connect(self.scan_text)
            self.camera.frameShown.connect(lambda image: self.camera_preview.setPixmap(QPixmap.fromImage(image)))
        if self.camera_button.isChecked():
            started = self.camera.start()
            self.camera_preview.setVisible(started)
            self.camera_button.setChecked(started)
        else:
            self.camera.stop()
            self.camera_preview.hide()

    # ---- the file's state ----

    def refuse_changes(self, sentence: str) -> None:
        """The file may not be written: scans still answer, nothing is recorded."""
        self.choose(None)
        self._refusal = sentence
        for button in (self.pickup_button, self.door_button, self.gate_button, self.undo_button,
                       self.decide_button):
            button.setEnabled(False)
            button.setToolTip(sentence)
        self._say(sentence)

    def stop(self) -> None:
        self._waiting_timer.stop()
        if self.camera is not None:
            self.camera.stop()
        for job in (self.waiting_job, self.door_run_job):
            if job is not None and job.running:
                job.cancel()
                job.wait()


def _as_waiting(result: gate.ScanResult) -> gate.WaitingBag:
    """A bag of the card's household that was not on its list (an older list): shown ticked."""
    bag = result.bag
    return gate.WaitingBag(
        bag_id=result.bag_id or 0, code=result.code, household_id=result.household_id or 0,
        address=result.address or "", building=0, entrance=None, room=0, name="", delivery="",
        buy_id=0, buy=bag.buy, storage=bag.storage, index=bag.index, count=bag.count,
        since=result.last_handoff.at if result.last_handoff else "", at_gate=False)


class GateWindow(QMainWindow):
    """Gate mode: the Gate page alone, full screen, for the booth at the gate. F11 leaves or
    enters full screen; Ctrl+Q closes. Backups run as in the main window."""

    def __init__(self, conn: Connection, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gateWindow")
        self._conn = conn
        self._settings = settings
        self.page = GatePage(conn, self, settings=settings, gate_mode=True)
        self.setCentralWidget(self.page)
        from desktop.ui.safekeeping.safekeeping import Safekeeping

        self.safekeeping = Safekeeping(self)
        self.where = QLabel(self)
        self.where.setObjectName("gateWhere")
        self.where.setAccessibleName(self.tr("Compound and station"))
        self.statusBar().addPermanentWidget(self.where)
        self._show_where()
        for keys, slot in (("F11", self._toggle_full_screen), ("Ctrl+Q", self.close)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(slot)
        self.resize(1366, 768)

    @property
    def conn(self) -> Connection:
        return self._conn

    def _show_where(self) -> None:
        info = compound_info(self._conn)
        name = info.name or self.tr("unnamed compound")
        self.setWindowTitle(arg(self.tr("Compound Desk — gate — %1"), name))
        self.where.setText(arg(self.tr("%1 · station %2 · F11 full screen · Ctrl+Q close"),
                               name, info.station))

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def start_safekeeping(self) -> None:
        self.safekeeping.start()

    # What Safekeeping asks of the window it keeps.
    def show_damaged(self) -> None:
        from desktop.ui.safekeeping.safekeeping import DAMAGED

        self.page.refuse_changes(describe(DatabaseUnusable(DAMAGED, path=str(self._conn.path))))

    def set_restoring(self, restoring: bool) -> None:
        self.centralWidget().setEnabled(not restoring)

    def replace_connection(self, conn: Connection) -> None:
        self.page.stop()
        self._conn = conn
        self.page = GatePage(conn, self, settings=self._settings, gate_mode=True)
        self.setCentralWidget(self.page)
        self._show_where()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.safekeeping.stop()
        self.page.stop()
        jobs.stop_all()
        super().closeEvent(event)


__all__ = ["GatePage", "GateWindow", "ScanField", "VerdictBanner"]
