"""Free distributions in the demo compound: the government supply pack (保供包) announced for every
household, waiting for its truck, so arrival, bags, labels and the gate can be tried on it; and
formula donated for the households with an infant, arrived and bagged. The lobby table's hours
and the contact line of the notice are filled in."""

from __future__ import annotations

from desktop.bags.bags import make_bags
from desktop.buys.arrivals import record_arrival
from desktop.buys.distributions import GiftSpec, new_distribution
from desktop.db import settings
from desktop.db.connection import Connection
from desktop.errors import BadInput

VOLUNTEER = "志愿者小王"
SUPPLY_PACK = (GiftSpec("米 5 kg", 1), GiftSpec("油 1 L", 1), GiftSpec("蔬菜包", 1))


def fill_demo_distributions(conn: Connection) -> dict:
    made = new_distribution(conn, "政府保供包", "街道办事处", SUPPLY_PACK, operator=VOLUNTEER)
    result = {"distributions": 1, "supply_pack_recipients": made.recipients}
    try:
        formula = new_distribution(conn, "婴幼儿奶粉", "红十字会", [GiftSpec("婴儿奶粉 800 g", 2)],
                                   to="flag:infant", operator=VOLUNTEER)
    except BadInput:  # a small compound may have no infant at all
        formula = None
    if formula is not None:
        record_arrival(conn, formula.distribution_id, {}, operator=VOLUNTEER)
        make_bags(conn, formula.distribution_id, 6, operator=VOLUNTEER)
        result["distributions"] = 2
    settings.put(conn, settings.LOBBY_HOURS, "每天 9:00–11:00、16:00–18:00（1号楼大堂）")
    settings.put(conn, settings.COLLECT_HOURS, "到货当天 14:00–19:00，封控楼栋送货上门")
    settings.put(conn, settings.CONTACT, "志愿者小王 138 0000 0000，或到1号楼大堂登记台")
    return result
