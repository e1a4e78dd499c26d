"""The pieces every form and page is built from: the notice styles and the error colour, banners,
a labelled form row with its error label right under the input, the Save/Cancel buttons, a
page's buttons that name their shortcut, the read-only tables pages list things in, a page's
title and what it shows while it is empty."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common import arg, dialog_button, plain, shortcut_text

W = TypeVar("W", bound=QWidget)

ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#5c3c00"
MUTED_COLOUR = "#5f6368"
MUTED_STYLE = f"color: {MUTED_COLOUR};"
FIELD_ERROR_STYLE = f"color: {ERROR_COLOUR};"
STRONG_ERROR_STYLE = f"color: {ERROR_COLOUR}; font-weight: bold;"
# A field the last error was about: a red frame until it is edited.
INVALID_FIELD_STYLE = f"QLineEdit[invalid=\"true\"] {{ border: 2px solid {ERROR_COLOUR}; border-radius: 3px; }}"


def named(widget: W, name: str, accessible: str) -> W:
    """`widget` with its object name (how tests and the window's own code find it) and the
    accessible name a screen reader says for it."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


def buddy_label(parent: QWidget, text: str, widget: QWidget) -> QLabel:
    """A label whose Alt key (the letter after `&` in `text`) puts the cursor in `widget`."""
    label = QLabel(text, parent)
    label.setBuddy(widget)
    return label


def _notice(background: str, text: str, border: str) -> str:
    return (f"QLabel {{ background: {background}; color: {text}; border: 1px solid {border};"
            " border-radius: 4px; padding: 6px 10px; }")


# The banners a page shows over its content: something done, something to mind, something wrong.
NOTICE_STYLE = _notice("#e6f4ea", "#1b4d2a", "#b7dfc2")
WARNING_STYLE = _notice("#fef7e0", WARNING_COLOUR, "#f3d58a")
ERROR_STYLE = _notice("#fce8e6", "#8c1d18", "#f4b4ad")
NOTICE_STYLES = {"good": NOTICE_STYLE, "warning": WARNING_STYLE, "bad": ERROR_STYLE}


def _sentence_label(parent: QWidget, name: str, accessible: str, style: str) -> QLabel:
    label = named(QLabel(parent), name, accessible)
    label.setStyleSheet(style)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def error_label(parent: QWidget, name: str, accessible: str) -> QLabel:
    """Where a sentence about one field goes, right beside it; hidden until there is one."""
    return _sentence_label(parent, name, accessible, FIELD_ERROR_STYLE)


def banner(parent: QWidget, name: str, accessible: str, style: str = WARNING_STYLE) -> QLabel:
    """A notice across a page or dialog, hidden until there is something to say."""
    return _sentence_label(parent, name, accessible, style)


def form_row(form: QFormLayout, text: str, widget: QWidget, *extra: QWidget,
             error_name: str, accessible: str | None = None) -> QLabel:
    """A form row: the label (its Alt key reaching `widget`), the input, any hints under it, and
    the error label `error_name` right under those (its accessible name says which field's
    problem it is, unless `accessible` says otherwise). Returns the error label."""
    parent = form.parentWidget() or widget.parentWidget()
    holder = QWidget(parent)
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    for other in extra:
        column.addWidget(other)
    about = widget.accessibleName() or plain(text)
    error = error_label(holder, error_name, accessible or arg(
        QCoreApplication.translate("Forms", "Problem with %1"), about))
    column.addWidget(error)
    form.addRow(buddy_label(parent, text, widget), holder)
    return error


def save_cancel(dialog: QDialog, on_save: Callable[[], object], *, save_name: str, save_text: str,
                save_tip: str | None = None, cancel_name: str, cancel_text: str, cancel_tip: str | None = None,
                save_accessible: str | None = None) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """A dialog's Save button (the default; Enter) and Cancel (Esc): Save calls `on_save`, Cancel
    closes the dialog. Returns the box and both buttons."""
    buttons = QDialogButtonBox(dialog)
    save = dialog_button(dialog, save_name, save_text, save_accessible or plain(save_text), save_tip)
    save.setDefault(True)
    cancel = dialog_button(dialog, cancel_name, cancel_text, plain(cancel_text), cancel_tip)
    cancel.setAutoDefault(False)
    buttons.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons, save, cancel


def read_only_table(parent: QWidget, name: str, accessible: str, *, table: QTableView | None = None,
                    row_padding: int = 10) -> QTableView:
    """A list people read and pick a row of: whole rows, nothing edited in place, no grid, rows in
    alternating colours, columns that can be widened, the last taking what is left. Made here as a
    QTableView unless `table` (a QTableWidget) is given."""
    table = QTableView(parent) if table is None else table
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + row_padding)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


def larger(widget: QWidget, bold: bool = False) -> QWidget:
    """A page's title (bold) or what it says when empty: 1.3 times the size of the text."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    if bold:
        font.setBold(True)
    widget.setFont(font)
    return widget


def centred_sentence(parent: QWidget, name: str, text: str) -> QLabel:
    """A sentence in the middle of a page (nothing here yet), wrapped; its text is its name."""
    label = named(QLabel(text, parent), name, text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def empty_state(parent: QWidget, name: str, text: str, buttons: list[tuple[str, str, str, Callable]],
                hint: str = "") -> tuple[QWidget, list[QPushButton]]:
    """What a page shows before it holds anything: a large sentence (`<name>Text`), a muted hint
    under it, and big buttons side by side that make a start, each given as (object name, text,
    accessible name, slot). Returns the widget and its buttons."""
    empty = QWidget(parent)
    empty.setObjectName(name)
    column = QVBoxLayout(empty)
    column.addStretch(2)
    column.addWidget(larger(centred_sentence(empty, f"{name}Text", text)))
    if hint:
        note = centred_sentence(empty, f"{name}Hint", hint)
        note.setStyleSheet(MUTED_STYLE)
        column.addWidget(note)
    column.addSpacing(16)
    row = QHBoxLayout()
    row.addStretch(1)
    made = []
    for object_name, label, accessible, slot in buttons:
        if made:
            row.addSpacing(16)
        button = named(QPushButton(label, empty), object_name, accessible)
        button.setMinimumSize(220, 40)
        button.clicked.connect(slot)
        row.addWidget(button)
        made.append(button)
    row.addStretch(1)
    column.addLayout(row)
    column.addStretch(3)
    return empty, made


def shortcut_button(parent: QWidget, name: str, text: str, keys: str | None, tip: str, slot,
                    *, accessible: str | None = None) -> QPushButton:
    """A button whose tooltip names its shortcut; the shortcut goes through the button, so a
    switched-off button's shortcut does nothing either."""
    button = named(QPushButton(text, parent), name,
                   accessible or text.replace("&", "").rstrip("…").lstrip("+ ").strip())
    button.setToolTip(f"{tip} ({shortcut_text(keys)})" if keys else tip)
    button.setAutoDefault(False)
    button.clicked.connect(slot)
    if keys:
        QShortcut(QKeySequence(keys), parent,
                  lambda: button.isVisible() and button.isEnabled() and button.click())
    return button
