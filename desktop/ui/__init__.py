"""The Qt window: the only package that imports PySide6. It calls the services; they never call it."""
