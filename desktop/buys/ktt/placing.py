"""Placing each order of an export at a household: by its address (adding the household when
asked), else by a phone only one household has; and planning that with nothing written."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.buys.ktt.reading import KttExport, KttOrder, cell_text
from desktop.db import households as household_rows
from desktop.db.connection import Connection
from desktop.errors import BadInput
from desktop.notices import Notice, notice
from desktop.roster import households as household_rules
from desktop.roster.address import Address, address_from_parts, parse_address

MAX_NEW_HOUSEHOLDS = 20_000


@dataclass
class _Place:
    household_id: int | None
    address: str | None
    values: dict | None  # a new household to add at this address
    how: str  # 'address', 'phone' or 'unplaced'


def _plain_number(value: object) -> int | None:
    """A cell that is just a positive number (`16`, 16, 16.0), the way most exports fill them."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value > 0 else None
    if isinstance(value, float) and value.is_integer() and value > 0:
        return int(value)
    if isinstance(value, str) and value.isascii() and value.isdigit() and int(value) > 0:
        return int(value)
    return None


def address_of(order: KttOrder) -> str | None:
    """The canonical address an order gives: its building and room cells, else its address."""
    building, entrance, room = order.get("building"), order.get("entrance"), order.get("room")
    if room is not None:
        numbers = [_plain_number(building), _plain_number(room)]
        if None not in numbers and entrance is None:
            return Address(numbers[0], None, numbers[1]).canonical  # no parsing needed
        try:
            if building is None:
                return parse_address(cell_text(room)).canonical
            return address_from_parts(building, entrance, room).canonical
        except BadInput:
            pass
    text = order.text("address")
    if text:
        try:
            return parse_address(text).canonical
        except BadInput:
            pass
    return None


def find_place(order: KttOrder, by_address: dict[str, int], by_phone: dict[str, list[int]],
                warnings: list[Notice], create: bool = True) -> _Place:
    address = address_of(order)
    if address is not None:
        if address in by_address:
            return _Place(by_address[address], address, None, "address")
        if create:
            phone = phone_of(order)
            name = order.text("receiver") or order.text("buyer")
            values = household_rules.validate(household_rules.HouseholdFields(
                address=address, name=name[: household_rules.MAX_NAME], phone=phone))
            return _Place(None, address, values, "address")
    phone = phone_of(order)
    matches = by_phone.get(phone, []) if phone else []
    if len(matches) == 1:
        household_id = matches[0]
        warnings.append(notice("ktt_placed_by_phone", ref=order.ref, phone="…" + phone[-4:]))
        return _Place(household_id, None, None, "phone")
    if address is not None:
        warnings.append(notice("ktt_not_created", ref=order.ref, address=address))
    else:
        warnings.append(notice("ktt_unplaced", ref=order.ref, text=order.text("address") or "—"))
    return _Place(None, None, None, "unplaced")


def mask_phone(phone: str) -> str:
    """A phone as a list shows it to whoever stands at the table: 139****5678."""
    if len(phone) >= 11:
        return phone[:3] + "****" + phone[-4:]
    return "…" + phone[-4:] if len(phone) >= 4 else phone


@dataclass(frozen=True)
class NewHousehold:
    address: str
    name: str
    phone: str

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)


@dataclass(frozen=True)
class UnplacedOrder:
    ref: str
    text: str  # the address as the export wrote it


@dataclass(frozen=True)
class KttPlan:
    """What saving an export would do to the roster, worked out with nothing written."""

    new_households: tuple[NewHousehold, ...]
    unplaced: tuple[UnplacedOrder, ...]
    matched: int
    warnings: tuple[Notice, ...]


def lookups(conn: Connection) -> tuple[dict[str, int], dict[str, list[int]]]:
    by_address = {row["address"]: row["id"] for row in household_rows.select_all(conn)}
    by_phone: dict[str, list[int]] = {}
    for row in household_rows.select_phones(conn):
        by_phone.setdefault(row["phone"], []).append(row["id"])
    return by_address, by_phone


def plan_export(conn: Connection, export: KttExport, *, create_households: bool = True) -> KttPlan:
    """The households an import would add (in the order of the file) and the orders it could not
    place at any household; nothing is written."""
    by_address, by_phone = lookups(conn)
    warnings: list[Notice] = []
    new: dict[str, NewHousehold] = {}
    unplaced: list[UnplacedOrder] = []
    matched: set[int] = set()
    for order in export.orders:
        place = find_place(order, by_address, by_phone, warnings, create_households)
        if place.values is not None:
            new[place.address] = NewHousehold(place.address, place.values["name"],
                                              place.values["phone"])
            by_address[place.address] = -1  # the household to be added: checked once
        elif place.household_id == -1:
            continue
        elif place.household_id is not None:
            matched.add(place.household_id)
        else:
            unplaced.append(UnplacedOrder(order.ref, order.text("address") or "—"))
    plan = KttPlan(tuple(new.values()), tuple(unplaced), len(matched), tuple(warnings))
    _check_plan(plan)
    return plan


def _check_plan(plan: KttPlan) -> None:
    if len(plan.new_households) > MAX_NEW_HOUSEHOLDS:
        raise BadInput("ktt_too_many_households", "file", count=len(plan.new_households),
                       limit=MAX_NEW_HOUSEHOLDS)


def phone_of(order: KttOrder) -> str:
    if order.phone is None:
        try:
            order.phone = household_rules.normalise_phone(order.get("phone"))
        except BadInput:
            order.phone = ""
    return order.phone


