"""The Qt window: the only package that imports PySide6. It calls the services; they never call it."""

from desktop.ui.binding import keep_singletons_alive

keep_singletons_alive()  # before any module of this package makes its first Qt call
