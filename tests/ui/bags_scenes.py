"""The Bags & labels page as its tests open it: the four neighbours on the roster, a page shown at
a laptop's size, and waiting for its jobs the way the window's event loop does."""

from desktop.roster.households import HouseholdFields, add_household
from desktop.ui.bags.bags_page import BagsPage
from tests.bag_scenes import NEIGHBOURS

PAGES: list[BagsPage] = []


def add_neighbours(conn):
    for address, name, phone, delivery in NEIGHBOURS:
        add_household(conn, HouseholdFields(address=address, name=name, phone=phone, delivery=delivery))
    return conn


def make_page(qtbot, conn, settings=None) -> BagsPage:
    page = BagsPage(conn, settings=settings)
    PAGES.append(page)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def finish(qtbot, job, timeout=60_000):
    """Wait for a job the way the window's event loop does (it lets the worker run)."""
    if job is not None and job.running:
        with qtbot.waitSignal(job.finished, timeout=timeout):
            pass


def all_done(qtbot) -> None:
    """Every job of the test's pages ended and its last signal arrived. pytest-qt takes the pages
    down before fixtures are finalised, so each test calls this at its end."""
    for _ in range(6):
        running = [job for page in PAGES for job in (page.job, page.preview_job)
                   if job is not None and job.running]
        if not running:
            break
        for job in running:
            with qtbot.waitSignal(job.finished, timeout=20_000):
                job.cancel()
        qtbot.wait(10)
    PAGES.clear()
