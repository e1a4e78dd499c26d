"""Shared by every test: each starts in the system's language, and how the run ends once Qt has
been loaded."""

import os
import sys

import pytest

from desktop.lang import set_language

_exit_status = 0


@pytest.fixture(autouse=True)
def language_as_the_system_has_it():
    """A command run with `--lang` chooses the language for the whole process: no test leaves its
    choice to the next."""
    yield
    set_language(None)


def pytest_sessionfinish(session, exitstatus):
    global _exit_status
    _exit_status = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    # PySide6 can abort while the interpreter tears down leftover Qt wrappers after the last
    # test ("bool_dealloc" in shiboken at finalisation), turning a green run red after every
    # result was reported. Leave with pytest's own status before that teardown starts.
    if "PySide6" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status)
