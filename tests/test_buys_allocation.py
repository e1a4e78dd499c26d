"""When the supplier delivers short: who gets what, what each is charged, what is owed back."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.buys.allocation import POLICIES, Claim, allocate
from desktop.buys.arrivals import preview_arrival, record_arrival
from desktop.buys.group_buys import buy_details, cancel_buy, get_buy
from desktop.buys.orders import place_order
from desktop.buys.payments import order_money, record_payment
from desktop.errors import BadInput
from tests.buys_scenes import compound, dumpling_buy, snapshot


@pytest.fixture
def conn(tmp_path):
    conn = compound(tmp_path)
    yield conn
    conn.close()


# ---- the pure rules ---------------------------------------------------------------------------


def test_pro_rata_gives_the_leftover_units_to_the_largest_remainders():
    claims = [Claim(1, 5), Claim(2, 3), Claim(3, 2)]
    # shares of 7 over 10 ordered: 3.5, 2.1, 1.4 → 3, 2, 1, and the one left goes to the .5
    assert allocate(claims, 7, "pro-rata") == {1: 4, 2: 2, 3: 1}


def test_first_come_serves_in_order_time_whatever_order_the_claims_arrive_in():
    claims = [Claim(3, 2, placed_at="2022-04-01T10:02:00Z"), Claim(1, 2, placed_at="2022-04-01T10:00:00Z"),
              Claim(2, 2, placed_at="2022-04-01T10:01:00Z")]
    assert allocate(claims, 3, "first-come") == {1: 2, 2: 1, 3: 0}
    assert allocate(list(reversed(claims)), 3, "first-come") == {1: 2, 2: 1, 3: 0}


def test_equal_remainders_go_to_the_earlier_order():
    claims = [Claim(2, 1, placed_at="b"), Claim(1, 1, placed_at="a"), Claim(3, 1, placed_at="c")]
    assert allocate(claims, 2, "pro-rata") == {1: 1, 2: 1, 3: 0}


def test_an_unknown_policy_is_bad_input():
    with pytest.raises(BadInput) as caught:
        allocate([Claim(1, 1)], 0, "lottery")
    assert caught.value.code == "policy_unknown" and "pro-rata" in str(caught.value)


claims_strategy = st.lists(
    st.tuples(st.integers(0, 50), st.booleans(), st.sampled_from(["a", "b", "c", ""])),
    max_size=30,
).map(lambda rows: [Claim(key, quantity, vulnerable, placed)
                    for key, (quantity, vulnerable, placed) in enumerate(rows)])


@given(claims=claims_strategy, received=st.integers(-5, 2000), policy=st.sampled_from(POLICIES))
def test_no_rule_allocates_more_than_arrived_nor_more_than_ordered(claims, received, policy):
    shares = allocate(claims, received, policy)
    assert set(shares) == {claim.key for claim in claims}
    assert all(0 <= shares[c.key] <= c.quantity for c in claims)
    ordered = sum(c.quantity for c in claims)
    assert sum(shares.values()) <= max(received, 0)
    # nothing is held back while someone is still short
    assert sum(shares.values()) == min(max(received, 0), ordered)


@given(claims=claims_strategy, received=st.integers(0, 2000))
def test_pro_rata_hands_out_exactly_what_there_is_and_never_strays_a_unit_from_the_fair_share(claims, received):
    shares = allocate(claims, received, "pro-rata")
    ordered = sum(c.quantity for c in claims)
    assert sum(shares.values()) == min(received, ordered)
    if ordered and received < ordered:
        for claim in claims:
            exact = claim.quantity * received / ordered
            assert exact - 1 < shares[claim.key] < exact + 1


@given(claims=claims_strategy, received=st.integers(0, 200), policy=st.sampled_from(POLICIES))
def test_the_same_claims_in_any_order_get_the_same_shares(claims, received, policy):
    assert allocate(claims, received, policy) == allocate(list(reversed(claims)), received, policy)


@given(claims=claims_strategy, received=st.integers(0, 200))
def test_vulnerable_households_are_served_in_full_before_anyone_else_gets_a_unit(claims, received):
    shares = allocate(claims, received, "vulnerable-first")
    others_got = any(shares[c.key] for c in claims if not c.vulnerable)
    if others_got:
        assert all(shares[c.key] == c.quantity for c in claims if c.vulnerable)


# ---- through the service ----------------------------------------------------------------------


def test_three_households_short_of_dumplings_the_elderly_neighbour_is_served_in_full_first(conn):
    buy_id = dumpling_buy(conn, wings=False)
    first = place_order(conn, buy_id, "12-301", {"冷冻饺子": 2}).order_id
    second = place_order(conn, buy_id, "18-1101", {"冷冻饺子": 2}).order_id
    elderly = place_order(conn, buy_id, "5-1202", {"冷冻饺子": 2}).order_id  # ordered last
    for order in (first, second, elderly):
        record_payment(conn, order, 6400, "wechat")

    plan = preview_arrival(conn, buy_id, {"冷冻饺子": 3})
    shares = {a.address: a.allocated for a in plan.allocations}
    assert shares == {"5-1202": 2, "12-301": 1, "18-1101": 0}
    assert [(r.address, r.amount_fen) for r in plan.refunds] == [("12-301", 3200), ("18-1101", 6400)]
    assert get_buy(conn, buy_id).status == "open", "a preview saves nothing"

    saved = record_arrival(conn, buy_id, {"冷冻饺子": 3})
    assert saved.allocations == plan.allocations
    assert get_buy(conn, buy_id).status == "arrived"
    assert order_money(conn, elderly).refund_due_fen == 0
    assert order_money(conn, first).due_fen == 3200
    details = buy_details(conn, buy_id)
    assert details.items[0].received == 3 and details.items[0].ordered == 6


def test_pro_rata_through_the_service_charges_what_each_household_gets(conn):
    buy_id = dumpling_buy(conn, wings=False)
    orders = [place_order(conn, buy_id, address, {"冷冻饺子": quantity}).order_id
              for address, quantity in (("12-301", 5), ("18-1101", 3), ("9-101", 2))]
    plan = record_arrival(conn, buy_id, {"冷冻饺子": 7}, "pro-rata")
    assert [a.allocated for a in sorted(plan.allocations, key=lambda a: a.order_id)] == [4, 2, 1]
    assert [order_money(conn, o).due_fen for o in orders] == [12800, 6400, 3200]


def test_an_arrival_while_the_buy_is_still_open_ends_ordering_and_unnamed_items_came_in_full(conn):
    buy_id = dumpling_buy(conn)
    place_order(conn, buy_id, "12-301", {"冷冻饺子": 2, "鸡翅中": 1})
    plan = record_arrival(conn, buy_id, {"冷冻饺子": "2"})
    assert {item.name: item.received for item in plan.items} == {"冷冻饺子": 2, "鸡翅中": 1}
    assert not plan.short
    with pytest.raises(BadInput) as caught:
        place_order(conn, buy_id, "9-101", {"冷冻饺子": 1})
    assert caught.value.code == "buy_not_open"


def test_an_arrival_recorded_again_corrects_the_allocation(conn):
    buy_id = dumpling_buy(conn, wings=False)
    order = place_order(conn, buy_id, "12-301", {"冷冻饺子": 4}).order_id
    record_arrival(conn, buy_id, {"冷冻饺子": 1})
    record_arrival(conn, buy_id, {"冷冻饺子": 3})
    assert order_money(conn, order).due_fen == 9600
    assert conn.execute("SELECT count(*) FROM arrival").fetchone()[0] == 2
    record = conn.execute("SELECT kind FROM supplier_event ORDER BY id").fetchall()
    assert [r[0] for r in record] == ["delivered_short", "delivered_short"]


@pytest.mark.parametrize(("received", "code"), [
    ({"冷冻饺子": -1}, "received_negative"), ({"冷冻饺子": "lots"}, "received_invalid"),
    ({"饺子": 1}, "item_unknown"),
])
def test_a_bad_arrival_quantity_is_refused_and_nothing_is_saved(conn, received, code):
    buy_id = dumpling_buy(conn)
    place_order(conn, buy_id, "12-301", {"冷冻饺子": 2})
    before = snapshot(conn)
    with pytest.raises(BadInput) as caught:
        record_arrival(conn, buy_id, received)
    assert caught.value.code == code
    assert snapshot(conn) == before


def test_no_arrival_is_recorded_on_a_cancelled_buy(conn):
    buy_id = dumpling_buy(conn)
    place_order(conn, buy_id, "12-301", {"冷冻饺子": 2})
    cancel_buy(conn, buy_id, "起送量不够")
    before = snapshot(conn)
    with pytest.raises(BadInput) as caught:
        record_arrival(conn, buy_id, {"冷冻饺子": 2})
    assert caught.value.code == "arrival_on_cancelled_buy"
    assert "cancelled" in str(caught.value)
    assert snapshot(conn) == before


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quantities=st.lists(st.integers(1, 9), min_size=1, max_size=6), received=st.integers(0, 60),
       policy=st.sampled_from(POLICIES))
def test_charges_always_follow_what_was_allocated(tmp_path_factory, quantities, received, policy):
    conn = compound(tmp_path_factory.mktemp("alloc"))
    buy_id = dumpling_buy(conn, wings=False)
    addresses = ["12-301", "5-1202", "7-2-502", "18-1101", "3-1701", "9-101"]
    for address, quantity in zip(addresses, quantities, strict=False):
        order = place_order(conn, buy_id, address, {"冷冻饺子": quantity}).order_id
        record_payment(conn, order, quantity * 3200, "wechat")
    plan = record_arrival(conn, buy_id, {"冷冻饺子": received}, policy)
    assert sum(a.allocated for a in plan.allocations) == min(received, sum(quantities))
    for a in plan.allocations:
        money = order_money(conn, a.order_id)
        assert money.due_fen == a.allocated * 3200
        assert money.refund_due_fen == (a.ordered - a.allocated) * 3200
    assert sum(r.amount_fen for r in plan.refunds) == (sum(quantities) - min(received, sum(quantities))) * 3200
    conn.close()
