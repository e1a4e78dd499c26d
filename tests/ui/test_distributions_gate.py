"""A bag of a free distribution at the Gate page: scanned from its printed label, it is handed
over like any bag; scanned again, it is refused with who took it."""

import pytest

from desktop.bags.bags import make_bags
from desktop.buys.arrivals import record_arrival
from desktop.buys.distributions import new_distribution, parse_gift
from desktop.printing.labels import write_labels
from desktop.roster.households import HouseholdFields, add_household
from desktop.ui.gate.gate_page import GatePage
from tests.bag_scenes import NEIGHBOURS
from tests.test_printing import pages_of, read_codes
from tests.ui.test_gate_page import Clock, banner, scan


@pytest.fixture
def gate_page(qtbot, conn):
    page = GatePage(conn)
    page.session.clock = Clock()
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.wait_for_waiting_list()
    page.operator_input.setText("保安老李")
    yield page
    page.stop()


def test_a_supply_pack_label_scanned_at_the_gate_is_handed_over_once(qtbot, conn, gate_page, tmp_path):
    for address, name, phone, delivery in NEIGHBOURS:
        add_household(conn, HouseholdFields(address=address, name=name, phone=phone, delivery=delivery))
    pack = new_distribution(conn, "保供包", "街道", [parse_gift("米 5 kg=1"), parse_gift("油 1 L=1"),
                                                    parse_gift("蔬菜包=1")]).distribution_id
    record_arrival(conn, pack, {})
    make_bags(conn, pack)
    labels = tmp_path / "labels.pdf"
    write_labels(conn, pack, "thermal-60x40", labels)
    (code, *_), = read_codes(pages_of(labels)[0])

    page = gate_page
    scan(qtbot, page, code)
    shown = banner(page)
    assert shown["tone"] == "go" and shown["headline"] == "✓ Picked up — hand it over"
    assert shown["detail"].endswith("保供包")
    scan(qtbot, page, code)
    assert banner(page)["tone"] == "stop"
    assert conn.execute("SELECT count(*) FROM handoff").fetchone()[0] == 1
