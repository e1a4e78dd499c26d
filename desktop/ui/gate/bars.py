"""The Gate page's two bars: along the top the guard's name, the scan field, the proxy and the
camera; above the bottom the F1–F4 modes (what the next scan records) and F6 (a decision about the
bag on screen)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop import gate
from desktop.ui.common import arg, shortcut_text
from desktop.ui.gate.camera import CameraReader, camera_available
from desktop.ui.gate.widgets import ScanField, page_button

translate = QCoreApplication.translate
# The chosen mode stands out: it is what the next scan records.
MODE_STYLE = (
    "QPushButton { padding: 4px 8px; }"
    "QPushButton:checked { background: #0b3d91; color: white; font-weight: bold;"
    " border: 1px solid #0b3d91; border-radius: 4px; }"
)


def row(parent: QWidget, *parts) -> QHBoxLayout:
    """A row of `(widget, stretch)`, widgets and numbers (pixels of space), with no margins of
    its own."""
    layout = QHBoxLayout(parent) if parent is not None else QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, int):
            layout.addSpacing(part)
        else:
            layout.addWidget(*(part if isinstance(part, tuple) else (part,)))
    return layout


def _field(parent: QWidget, field: QLineEdit, name: str, accessible: str, placeholder: str,
           tip: str = "") -> QLineEdit:
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setPlaceholderText(placeholder)
    if tip:
        field.setToolTip(tip)
    return field


class ScanBar(QWidget):
    """The guard on duty, the scan field, who collects for the household, and the webcam, whose
    codes go to `read` as if scanned (its preview is laid out by the page)."""

    def __init__(self, parent: QWidget, read: Callable[[str], object],
                 refocus: Callable[[], None]) -> None:
        super().__init__(parent)
        self._read = read
        self.camera: CameraReader | None = None
        self.camera_preview = QLabel(parent)
        self.camera_preview.setObjectName("gateCameraPreview")
        self.camera_preview.setAccessibleName(translate("GatePage", "What the camera sees"))
        self.camera_preview.hide()
        self.operator_input = _field(self, QLineEdit(self), "gateOperator",
                                     translate("GatePage", "Guard on duty"),
                                     translate("GatePage", "your name"),
                                     translate("GatePage", "Recorded with every handoff you make"))
        self.operator_input.setMaximumWidth(160)
        self.operator_input.setMaxLength(gate.MAX_NAME)
        operator_label = QLabel(translate("GatePage", "&Guard:"), self)
        operator_label.setBuddy(self.operator_input)
        self.scan_input = _field(self, ScanField(self), "scanInput",
                                 translate("GatePage", "Scan or type a code"),
                                 translate("GatePage", "Scan a bag or a household card, or type its "
                                                       "code and press Enter"))
        big = QFont(self.font())
        big.setPixelSize(24)
        self.scan_input.setFont(big)
        self.scan_input.setMinimumHeight(44)
        self.proxy_input = _field(self, QLineEdit(self), "gateProxy",
                                  translate("GatePage", "Collected by (proxy)"),
                                  translate("GatePage", "neighbour's name"),
                                  translate("GatePage", "Someone collecting for the household (a "
                                                        "neighbour for an elderly resident): their "
                                                        "name is recorded with the pickup"))
        self.proxy_input.setMinimumWidth(100)
        self.proxy_input.setMaximumWidth(200)
        self.proxy_input.returnPressed.connect(self.scan_input.setFocus)
        proxy_label = QLabel(translate("GatePage", "Collected &by:"), self)
        proxy_label.setBuddy(self.proxy_input)
        self.camera_button = page_button(self, "gateCamera", translate("GatePage", "Camera"),
                                         translate("GatePage", "Read QR codes with the webcam"),
                                         [self._toggle_camera, refocus])
        self.camera_button.setCheckable(True)
        self.camera_button.setVisible(camera_available())
        row(self, operator_label, self.operator_input, 12, (self.scan_input, 3), 12, proxy_label,
            (self.proxy_input, 1), self.camera_button)

    def _toggle_camera(self) -> None:
        if self.camera is None:
            self.camera = CameraReader(self)
            self.camera.codeRead.connect(self._read)
            self.camera.frameShown.connect(
                lambda image: self.camera_preview.setPixmap(QPixmap.fromImage(image)))
        started = self.camera_button.isChecked() and self.camera.start()
        if not started:
            self.camera.stop()
        self.camera_preview.setVisible(started)
        self.camera_button.setChecked(started)

    def stop(self) -> None:
        if self.camera is not None:
            self.camera.stop()


class ModeBar(QWidget):
    """F1 picked up, F2 delivered to the door, F3 arrived at the gate, F4 only check: what the
    next scans record; then F6, a decision about the bag on screen. `chosen` carries the mode
    clicked (None: only check); the page's shortcuts choose too."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget, decide: Callable[[], object],
                 refocus: Callable[[], None]) -> None:
        super().__init__(parent)
        names = (("gatePickup", "F1", translate("GatePage", "Picked up")),
                 ("gateDoor", "F2", translate("GatePage", "Delivered to door")),
                 ("gateAtGate", "F3", translate("GatePage", "Arrived at gate")),
                 ("gateCheckOnly", "F4", translate("GatePage", "Only check")))
        self.buttons: dict[str | None, QPushButton] = {}
        self.group = QButtonGroup(self)
        for mode, (name, key, text) in zip(gate.MODES, names, strict=True):
            self.buttons[mode] = button = self._mode_button(name, key, text, mode, refocus)
            self.group.addButton(button)
        self.buttons["pickup"].setChecked(True)
        self.decide_button = page_button(
            self, "gateDecide", "F6  " + translate("GatePage", "Correct bag…"),
            translate("GatePage", "Record what happened to the bag on screen, e.g. it went to the "
                                  "door instead; a reason is asked for"), [decide, refocus], keys="F6")
        self.decide_button.setAccessibleName(translate("GatePage", "Correct this bag"))
        self.decide_button.setMinimumHeight(40)
        row(self, *self.buttons.values(), 12, self.decide_button).addStretch(1)

    def _mode_button(self, name: str, key: str, text: str, mode: str | None,
                     refocus: Callable[[], None]) -> QPushButton:
        if mode is None:
            tip = arg(translate("GatePage", "Scans only answer; nothing is recorded (%1)"),
                      shortcut_text(key))
        else:
            tip = arg(translate("GatePage", "The next scans record this; the bag on screen is not "
                                            "changed (%1)"), shortcut_text(key))
        button = page_button(self, name, f"{key}  {text}", tip,
                             [lambda: self.chosen.emit(mode), refocus])
        button.setAccessibleName(text)
        button.setCheckable(True)
        button.setMinimumHeight(40)
        button.setStyleSheet(MODE_STYLE)
        return button

    def show_mode(self, mode: str | None) -> None:
        self.buttons[mode].setChecked(True)

    def refuse(self, sentence: str) -> None:
        """The file takes no handoffs: only checking is left."""
        self.show_mode(None)
        for mode in ("pickup", "door", "gate"):
            self.buttons[mode].setEnabled(False)
            self.buttons[mode].setToolTip(sentence)
        self.decide_button.setEnabled(False)
        self.decide_button.setToolTip(sentence)
