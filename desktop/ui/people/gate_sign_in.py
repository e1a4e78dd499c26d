"""Gate mode (`--gate`) once operators exist: a guard or a committee member signs in before the
Gate page shows, and becomes the guard on duty and the name on every change made there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from desktop.audit import set_actor
from desktop.errors import DeskError
from desktop.people import operators
from desktop.ui.common import arg
from desktop.ui.people.sign_in import SignInPanel
from desktop.words import word

GATE_ROLES = ("guard", "committee")


def sign_in_at_the_gate(window: QMainWindow) -> SignInPanel | None:
    """Put the sign-in in place of `window.page` until a guard or committee member signs in;
    None (and the page as it is) while the file has no operators."""
    try:
        if not operators.has_operators(window.conn):
            return None
    except DeskError:
        return None
    panel = SignInPanel(lambda: window.conn, window)
    window.takeCentralWidget()  # the page stays alive (window.page) behind the sign-in
    window.setCentralWidget(panel)
    panel.reset()

    def signed_in(who: operators.Operator) -> None:
        if who.role not in GATE_ROLES:
            panel.show_error(arg(QCoreApplication.translate(
                "GateSignIn", "Gate mode is for guards and the committee; %1 is a %2."), who.name,
                word("role", who.role)))
            return
        window.operator = who
        set_actor(window.conn, who.name)
        window.takeCentralWidget()
        panel.deleteLater()
        window.setCentralWidget(window.page)
        window.page.sign_in_as(who.name)
        window.page.refocus()

    panel.signedIn.connect(signed_in)
    window.sign_in_panel = panel
    return panel
