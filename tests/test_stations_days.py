"""Days of work at a lobby and two gates that merge by USB stick in a seeded random order: orders,
arrivals, bags made and remade, handoffs at every station, undos, guessed codes, files merged
twice, stale files, and imports cut short by a failure or a killed process. At the end every
station holds the same of everything they share, every double handoff is in the review list, and
no event recorded anywhere is lost."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.bags.bags import issue_household_codes, make_bags
from desktop.bags.codes import ALPHABET
from desktop.buys.arrivals import record_arrival
from desktop.buys.group_buys import new_buy
from desktop.buys.orders import place_order
from desktop.committee.needs import add_need, close_need, list_needs, update_need
from desktop.db import connect
from desktop.db import exchange as store
from desktop.errors import BadInput
from desktop.gate import scan
from desktop.gate.custody import undo_last_handoff
from desktop.gate.export import export_handoffs
from desktop.people.operators import (
    add_operator,
    disable_operator,
    list_operators,
    reset_pin,
    sign_in,
)
from desktop.roster.households import (
    HouseholdFields,
    add_household,
    get_household,
    update_household,
)
from desktop.stations.conflicts import list_conflicts, resolve_conflict
from desktop.stations.exchange import import_exchange
from tests.bag_scenes import ITEMS, rows_of
from tests.station_scenes import (
    bag_codes,
    doubles_of,
    exported,
    handoffs_by_uuid,
    lobby,
    new_gate,
    shared,
)

ROOT = Path(__file__).resolve().parent.parent
HELPER = ROOT / "tests" / "helpers" / "sync_killed.py"


class Compound:
    """A lobby and two gates, with every exchange file ever written kept in a drawer."""

    def __init__(self, folder: Path, seed: int) -> None:
        self.rng = random.Random(seed)
        self.folder = folder
        self.home = lobby(folder)
        for n in range(1, 21):
            add_household(self.home, HouseholdFields(address=f"7-{100 + n}", name=f"住户{n}",
                                                     phone=f"1390000{n:04d}"))
        self.gates = {name: new_gate(self.home, folder, name) for name in ("north", "south")}
        self.home_files: list[Path] = []
        self.gate_files: list[Path] = []
        self.cut_short = 0

    def stations(self):
        return {"home": self.home, **self.gates}

    # ---- the lobby's work ---------------------------------------------------------------------

    def new_buy(self) -> None:
        conn = self.home
        buy = new_buy(conn, f"团购{self.rng.randrange(10_000)}", "某食品店", list(ITEMS)).buy_id
        addresses = [row[0] for row in conn.execute("SELECT address FROM household")]
        for address in self.rng.sample(addresses, 8):
            item = self.rng.choice(ITEMS)
            place_order(conn, buy, address, {item.name: self.rng.randint(1, 4)})
        record_arrival(conn, buy, {})
        make_bags(conn, buy, self.rng.choice([2, 3, 10]))
        issue_household_codes(conn, [row[0] for row in conn.execute("SELECT id FROM household")])

    def remake(self) -> None:
        buys = [row[0] for row in self.home.execute("SELECT id FROM group_buy WHERE status = 'bagged'")]
        make_bags(self.home, self.rng.choice(buys), self.rng.choice([1, 2, 4, 10]))

    def edit_household(self) -> None:
        ids = [row[0] for row in self.home.execute("SELECT id FROM household")]
        household = get_household(self.home, self.rng.choice(ids))
        update_household(self.home, household.id, HouseholdFields(
            address=household.address, name=household.name + "·", phone=household.phone,
            delivery=self.rng.choice(["pickup", "door"])))

    def operators(self) -> None:
        """The committee adds a guard, gives one a new PIN, or stops one signing in."""
        known = [o for o in list_operators(self.home) if o.role != "committee"]
        roll = self.rng.random()
        if roll < 0.5 or not known:
            add_operator(self.home, f"门岗{self.rng.randrange(100_000)}", "guard", "2468")
        elif roll < 0.8:
            reset_pin(self.home, self.rng.choice(known).name, str(self.rng.randrange(1000, 9999)))
        else:
            disable_operator(self.home, self.rng.choice(known).name)

    def needs(self) -> None:
        """A need written at the lobby, moved on or closed."""
        unmet = list_needs(self.home, unmet_only=True)
        roll = self.rng.random()
        if roll < 0.5 or not unmet:
            addresses = [row[0] for row in self.home.execute("SELECT address FROM household")]
            add_need(self.home, self.rng.choice(addresses), "胰岛素", self.rng.choice(["high", "normal"]))
        elif roll < 0.8:
            update_need(self.home, self.rng.choice(unmet).id, who="药房", note="在找")
        else:
            close_need(self.home, self.rng.choice(unmet).id, "met")

    def wrong_pin(self, name: str) -> None:
        """Someone at a gate types a wrong PIN: counted there, and there only."""
        gate = self.gates[name]
        known = [o for o in list_operators(gate) if o.active]
        if known:
            with pytest.raises(BadInput):
                sign_in(gate, self.rng.choice(known).name, "00000000")

    def resolve(self) -> None:
        open_now = list_conflicts(self.home)
        if open_now:
            resolve_conflict(self.home, self.rng.choice(open_now).code, "已核实", operator="委员")

    # ---- any station's work -------------------------------------------------------------------

    def hand_over(self, name: str) -> None:
        conn = self.stations()[name]
        codes = bag_codes(conn)
        for code in self.rng.sample(codes, min(3, len(codes))):
            scan(conn, code, record=self.rng.choice(["pickup", "pickup", "door", "gate"]),
                 operator=f"{name}-guard")

    def undo(self, name: str) -> None:
        conn = self.stations()[name]
        mine = [row[0] for row in conn.execute(
            "SELECT DISTINCT b.code FROM handoff e JOIN bag b ON b.id = e.bag_id "
            "WHERE e.station = :s AND e.action != 'reversal'", {"s": conn.station})]
        if mine:
            try:
                undo_last_handoff(conn, self.rng.choice(mine), "按错了", operator=f"{name}-guard")
            except BadInput:
                pass  # nothing standing to undo any more

    def guess(self, name: str) -> None:
        text = "B" + "".join(self.rng.choice(ALPHABET) for _ in range(19))
        scan(self.gates[name], text, operator="?")

    # ---- the USB stick ------------------------------------------------------------------------

    def merge(self, monkeypatch) -> None:
        gate_name = self.rng.choice(list(self.gates))
        gate = self.gates[gate_name]
        if self.rng.random() < 0.5:
            source, target, drawer, old = gate, self.home, self.gate_files, self.gate_files
        else:
            source, target, drawer, old = self.home, gate, self.home_files, self.home_files
        path = exported(source, self.folder)
        drawer.append(path)
        if self.rng.random() < 0.2:
            self._cut_short(target, path, monkeypatch)
        if self.rng.random() < 0.8:
            import_exchange(target, path)
        if self.rng.random() < 0.3:  # an older file found in a pocket, merged again
            import_exchange(target, self.rng.choice(old))

    def _cut_short(self, target, path: Path, monkeypatch) -> None:
        before = rows_of(target)
        real = store.append_new
        stop_at = self.rng.randint(1, 6)
        calls = []

        def failing(*args, **kwargs):
            calls.append(1)
            if len(calls) >= stop_at:
                raise KeyboardInterrupt("pulled out")
            return real(*args, **kwargs)

        monkeypatch.setattr(store, "append_new", failing)
        try:
            import_exchange(target, path)
        except KeyboardInterrupt:
            self.cut_short += 1
        finally:
            monkeypatch.setattr(store, "append_new", real)
        if calls and len(calls) >= stop_at:
            assert rows_of(target) == before

    def day(self, steps: int, monkeypatch) -> None:
        for _ in range(steps):
            roll = self.rng.random()
            station = self.rng.choice(["home", "north", "south", "north", "south"])
            if roll < 0.08:
                self.new_buy()
            elif roll < 0.14:
                self.remake()
            elif roll < 0.18:
                self.edit_household()
            elif roll < 0.50:
                self.hand_over(station)
            elif roll < 0.60:
                self.undo(station)
            elif roll < 0.64:
                self.guess(self.rng.choice(list(self.gates)))
            elif roll < 0.67:
                self.resolve()
            elif roll < 0.70:
                self.operators()
            elif roll < 0.73:
                self.needs()
            elif roll < 0.75:
                self.wrong_pin(self.rng.choice(list(self.gates)))
            else:
                self.merge(monkeypatch)

    def settle(self) -> None:
        """Everyone's files to the lobby, then the lobby's to everyone, then the gates' once more
        (their audit log's lines for that last merge)."""
        for gate in self.gates.values():
            import_exchange(self.home, exported(gate, self.folder))
        final = exported(self.home, self.folder)
        for gate in self.gates.values():
            import_exchange(gate, final)
        for gate in self.gates.values():
            import_exchange(self.home, exported(gate, self.folder))


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_days_of_work_at_three_stations_end_in_one_true_history(tmp_path, monkeypatch, seed):
    compound = Compound(tmp_path, seed)
    for _day in range(3):
        compound.day(45, monkeypatch)
    recorded = {}
    for conn in compound.stations().values():
        recorded.update(handoffs_by_uuid(conn))
    refused_at_gates = {k for g in compound.gates.values()
                        for k in shared(g, sent_by="gate")["refused_scan"]}
    audited_anywhere = {}
    for conn in compound.stations().values():
        audited_anywhere.update(shared(conn, sent_by="gate")["audit_entry"])

    compound.settle()
    home = compound.home
    lobby_view = shared(home, sent_by="home")
    events = shared(home, sent_by="both")
    for name, gate in compound.gates.items():
        assert shared(gate, sent_by="home") == lobby_view, name
        gate_view = shared(gate, sent_by="both")
        assert gate_view["handoff"] == events["handoff"], name
        assert gate_view["conflict_note"] == events["conflict_note"], name
    # Nothing lost: every event any station recorded is everywhere, and every refused scan home.
    assert handoffs_by_uuid(home) == recorded
    assert set(shared(home, sent_by="gate")["refused_scan"]) == refused_at_gates
    # Operators and needs are the lobby's everywhere (each station's wrong tries its own), and
    # every audit line written anywhere is in the lobby's log, as written.
    assert lobby_view["operator"] and lobby_view["need"]
    home_log = shared(home, sent_by="gate")["audit_entry"]
    assert {k: home_log[k] for k in audited_anywhere} == audited_anywhere
    for gate in compound.gates.values():
        gate_log = shared(gate, sent_by="gate")["audit_entry"]
        assert {k: home_log[k] for k in gate_log} == gate_log
        assert {entry[1] for entry in gate_log.values()} == {gate.station}  # a gate's log is its own
    # Every bag handed over twice is in the review list, at every station.
    doubles = doubles_of(recorded)
    for conn in compound.stations().values():
        assert {c.code for c in list_conflicts(conn, include_resolved=True)} == doubles
    # Every bag gets the same answer at every station.
    every_bag = bag_codes(home, live=False)
    answers = {name: {code: scan(conn, code).verdict for code in every_bag}
               for name, conn in compound.stations().items()}
    assert answers["north"] == answers["home"] and answers["south"] == answers["home"]
    # The chain of custody exported at any station holds the same lines (each station lists
    # them in the order it recorded or merged them).
    logs = {}
    for name, conn in compound.stations().items():
        export_handoffs(conn, tmp_path / f"handoffs-{name}.csv")
        logs[name] = sorted((tmp_path / f"handoffs-{name}.csv").read_text(encoding="utf-8-sig")
                            .splitlines())
    assert logs["north"] == logs["home"] and logs["south"] == logs["home"]
    # More files merged again, in any order, change nothing.
    before = {name: rows_of(conn) for name, conn in compound.stations().items()}
    for path in compound.rng.sample(compound.gate_files, min(5, len(compound.gate_files))):
        import_exchange(home, path)
    for path in compound.rng.sample(compound.home_files, min(5, len(compound.home_files))):
        for gate in compound.gates.values():
            import_exchange(gate, path)
    for name, conn in compound.stations().items():
        after = rows_of(conn)
        assert {k: v for k, v in after.items() if k != "station_merge"} == \
            {k: v for k, v in before[name].items() if k != "station_merge"}


def test_the_seeded_days_do_make_double_handoffs_and_cut_imports_short(tmp_path, monkeypatch):
    compound = Compound(tmp_path, 2)
    for _day in range(3):
        compound.day(45, monkeypatch)
    compound.settle()
    assert doubles_of(handoffs_by_uuid(compound.home))
    assert compound.cut_short > 0


def test_an_import_whose_process_is_killed_half_way_leaves_the_file_as_it_was(tmp_path):
    home = lobby(tmp_path)
    gate = new_gate(home, tmp_path, "north")
    for code in bag_codes(home):
        scan(gate, code, record="pickup", operator="李")
    path = exported(gate, tmp_path)
    home.close()
    before = rows_of(connect(tmp_path / "home.sqlite"))
    killed = subprocess.run([sys.executable, str(HELPER), str(tmp_path / "home.sqlite"), str(path)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert "merging" in killed.stdout  # it was killed inside the merge, not before it
    home = connect(tmp_path / "home.sqlite")
    assert rows_of(home) == before
    assert import_exchange(home, path).added["handoff"] == len(bag_codes(home))
