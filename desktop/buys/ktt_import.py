"""A KuaiTuanTuan (快团团) order export (.xlsx) becomes one group buy with its items and orders.

The export's sheet 顾客购买表 has one row per item of an order; the order (跟团号) spans several rows
whose address and money cells are often empty (merged on export). Columns come in any order, with
extra and organiser-defined ones (`楼号（如10）`, `房号（如606）`). A sheet 商品汇总表 may give unit
prices. Orders were paid on the platform: that payment is recorded as the order's 订单金额 less its
退款金额. Importing the same export again changes nothing; a later export of the same 团 adds its new
orders and corrects changed ones.

An item is a 商品, or a 商品 and its 规格 where the same 商品 comes in several (`冰淇淋黄心西瓜(每箱四斤)`).
Its unit price is what its own rows say (商品金额 ÷ 数量); 商品汇总表 gives the price only of an item
whose rows do not, and where the two disagree the rows win, with a warning. Its storage class is a
guess from the thing the name names (the end of the name: 冰淇淋黄心西瓜 is a watermelon), which the
volunteer may change before saving.

Decisions where the export is silent: the buy is opened (status open) so orders taken at the table
can join it; the 团长 named in the export is the buy's organiser, never its supplier, who is given by
the volunteer or else recorded as unknown with a warning. A household with several 跟团号 keeps
them as separate orders; its money is settled over all of them (see `payments`).

Limits, refused before any work with one sentence: sheets that unpack past 200 MB, more than
MAX_ROWS rows, more than MAX_NEW_HOUSEHOLDS households to add in one import.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop.buys.group_buys import ItemSpec, get_buy, insert_item, list_items, status_words
from desktop.buys.suppliers import supplier_id_for
from desktop.clock import utc_now
from desktop.db import group_buys as buy_rows
from desktop.db import households as household_rows
from desktop.db import orders as order_rows
from desktop.db import stamp
from desktop.db.connection import Connection, refuse_own_file, transaction
from desktop.errors import BadInput, Cancelled
from desktop.money import fen_from_cell, format_fen
from desktop.notices import Notice, notice
from desktop.roster import households as household_rules
from desktop.roster.address import Address, address_from_parts, parse_address
from desktop.safekeeping.backups import backup_before_import
from desktop.xlsx_reader import MAX_UNPACKED, Workbook, WorkbookTooLarge, XlsxError, check_size

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]

ORDER_SHEET = "顾客购买表"
SUMMARY_SHEET = "商品汇总表"
# Column roles and the headers KuaiTuanTuan (and organisers editing its exports) give them.
_HEADERS: dict[str, tuple[str, ...]] = {
    "ref": ("跟团号", "团号", "跟团编号", "跟团序号"),
    "order_no": ("订单号", "订单编号"),
    "buyer": ("下单人", "买家", "下单人昵称", "微信昵称", "昵称"),
    "member_note": ("团员备注", "买家备注", "用户备注"),
    "note": ("备注", "订单备注", "团长备注"),
    "product": ("商品", "商品名称", "商品名"),
    "spec": ("规格", "商品规格", "规格名称"),
    "quantity": ("数量", "商品数量", "购买数量", "件数"),
    "line_amount": ("商品金额", "商品总额", "商品总价", "小计"),
    "unit_price": ("单价", "商品单价", "团购价", "团当前单价"),
    "order_amount": ("订单金额", "实付金额", "实收金额", "支付金额", "付款金额"),
    "refund": ("退款金额", "已退款金额", "退款"),
    "receiver": ("收货人", "收件人", "收货人姓名"),
    "phone": ("联系电话", "收货人电话", "手机号", "手机号码", "电话", "联系方式", "收货电话"),
    "address": ("详细地址", "收货地址", "地址", "收货人地址"),
    "leader": ("团长", "团长名称", "所属团长"),
    "title": ("团购标题", "活动标题", "团购名称", "活动名称"),
    "status": ("订单状态",),
    "building": ("楼号", "楼栋", "楼栋号", "栋号", "幢号", "楼"),
    "entrance": ("单元", "单元号"),
    "room": ("房号", "室号", "房间号", "门牌号", "房间"),
}
_ALIASES = {alias: role for role, aliases in _HEADERS.items() for alias in aliases}
# What each required role is called in the sentence that names a missing column.
_REQUIRED = {"ref": "跟团号", "product": "商品", "quantity": "数量"}
_ADDRESS_ROLES = ("address", "building", "room", "phone")
MAX_ROWS = 200_000
MAX_NEW_HOUSEHOLDS = 20_000
# Words that say how a thing is kept wherever they stand in a name.
_STORAGE_MODIFIERS = (("冷鲜", "chilled"), ("冷藏", "chilled"), ("低温", "chilled"),
                      ("冷冻", "frozen"), ("速冻", "frozen"), ("冻品", "frozen"),
                      ("常温", "ambient"))
# Things that are kept cold: they count only as what the name names, its last word (a Chinese
# name ends with the thing, so 冰淇淋黄心西瓜 is a watermelon and 肉松面包 is bread).
_HEAD_WORDS = {
    "frozen": ("饺子", "水饺", "汤圆", "馄饨", "抄手", "冰淇淋", "冰激凌", "雪糕", "冰棍", "鸡翅",
               "鸡翅中", "翅中", "翅根", "鸡腿", "鸡胸", "鸡胸肉", "牛排", "虾", "虾仁", "肉", "肉馅",
               "排骨", "鸡爪", "牛腩", "羊肉卷", "肥牛卷", "鱼丸", "带鱼", "包子", "馒头"),
    "chilled": ("鲜奶", "鲜牛奶", "酸奶", "豆腐", "鲜肉", "冷鲜肉", "奶酪"),
}
_NAME_PARTS = re.compile(r"[()（）\[\]【】{}<>《》\s,，、/|+·:：;；*×xX\d.%-]+")
_CHECK_EVERY = 500
_CHANGEABLE = frozenset({"draft", "open", "closed", "confirmed"})


@dataclass
class KttLine:
    row: int
    product: str
    spec: str
    quantity: int
    amount_fen: int | None
    unit_price_fen: int | None
    item: str = ""


@dataclass
class KttOrder:
    ref: str
    row: int
    fields: dict[str, object] = field(default_factory=dict)
    lines: list[KttLine] = field(default_factory=list)
    phone: str | None = None  # the phone's digits, once worked out

    def get(self, role: str) -> object:
        return self.fields.get(role)

    def text(self, role: str) -> str:
        return _text(self.fields.get(role))


@dataclass
class KttItem:
    name: str
    spec: str
    price_fen: int
    quantity: int
    storage: str


@dataclass
class KttExport:
    """What an export holds, read and checked, before anything is written."""

    path: Path
    title: str
    leader: str
    minimum: int | None
    items: dict[str, KttItem]
    orders: list[KttOrder]
    warnings: list[Notice]
    has_amounts: bool = True  # whether the export says what was paid at all


@dataclass(frozen=True)
class ImportedItem:
    name: str
    unit_price_fen: int
    quantity: int
    storage: str = "ambient"


@dataclass(frozen=True)
class KttImportResult:
    buy_id: int
    title: str
    created_buy: bool
    orders: int
    added: int
    updated: int
    unchanged: int
    households_matched: int
    households_created: int
    items: tuple[ImportedItem, ...]
    warnings: tuple[Notice, ...]
    organiser: str = ""
    supplier: str | None = None
    new_households: tuple[NewHousehold, ...] = ()


# ---- reading the file ------------------------------------------------------------------------


def _header_key(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value or ""))
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"\([^)]*\)", "", text)  # 楼号（如10） → 楼号
    return text.strip("*:：")


def _roles(header: list[object]) -> dict[str, int]:
    """Column index of each role a header row names; the first column of a role wins."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _header_key(cell)
        role = _ALIASES.get(key)
        if role is None and key and "弄" not in key and "小区" not in key:
            if any(word in key for word in ("楼号", "楼栋", "栋号", "幢号")):
                role = "building"
            elif any(word in key for word in ("房号", "室号", "门牌", "房间")):
                role = "room"
            elif "单元" in key:
                role = "entrance"
        if role and role not in roles:
            roles[role] = index
    return roles


def _cell(row: list[object], index: int | None) -> object:
    if index is None or index >= len(row):
        return None
    value = row[index]
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _clean(str(value))


_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=8192)
def _clean(text: str) -> str:
    """Full-width forms made plain and runs of spaces made one; the same cells recur often."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def _quantity(value: object) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = re.sub(r"[件个份箱袋盒瓶包斤]$", "", _text(value))
    return int(text) if re.fullmatch(r"-?\d{1,9}", text) else None


class _Sheets:
    """The workbook's sheets as lists of rows, read by the fast reader or, failing that, openpyxl."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fast: Workbook | None = None
        self._slow = None
        try:
            self._fast = Workbook(path)
            self.names = self._fast.sheet_names
        except XlsxError:
            self._open_slow()

    def _open_slow(self) -> None:
        import zipfile

        import openpyxl

        try:
            self._slow = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as exc:
            raise BadInput("ktt_not_xlsx", "file", path=str(self.path)) from exc
        except Exception as exc:  # openpyxl raises many kinds on a file that is not a workbook
            raise BadInput("ktt_not_xlsx", "file", path=str(self.path)) from exc
        self._fast = None
        self.names = self._slow.sheetnames

    def size_hint(self, name: str) -> int:
        if self._fast is not None:
            return self._fast.dimension_rows(name) or 0
        return 0

    def count_rows(self, name: str, stop_after: int) -> int:
        """Rows the sheet holds (counting stops past `stop_after`); 0 when it cannot tell."""
        if self._fast is None:
            return 0
        try:
            return self._fast.count_rows(name, stop_after)
        except XlsxError:
            return 0

    def rows(self, name: str, columns: frozenset[int] | None = None
             ) -> Iterator[tuple[int, list[object]]]:
        if self._fast is not None:
            given = 0
            try:
                for row in self._fast.rows(name, columns):
                    given += 1
                    yield row
                return
            except XlsxError as exc:
                if given:  # half read: starting again would give rows twice
                    raise BadInput("ktt_not_xlsx", "file", path=str(self.path)) from exc
                self._open_slow()
        try:
            for number, row in enumerate(self._slow[name].iter_rows(values_only=True), 1):
                values = list(row)
                while values and values[-1] is None:
                    values.pop()
                if values:
                    yield number, values
        except Exception as exc:  # a damaged sheet: say the file cannot be read
            raise BadInput("ktt_not_xlsx", "file", path=str(self.path)) from exc

    def close(self) -> None:
        if self._fast is not None:
            self._fast.close()
        if self._slow is not None:
            self._slow.close()


def _find_header(sheets: _Sheets) -> tuple[str, int, dict[str, int]] | None:
    """The sheet of orders, its header row and its column roles."""
    candidates = sorted(sheets.names, key=lambda name: (name != ORDER_SHEET, name == SUMMARY_SHEET))
    for name in candidates:
        rows = sheets.rows(name)
        for _ in range(10):  # a title or a note may sit above the header
            try:
                number, row = next(rows)
            except StopIteration:
                break
            roles = _roles(row)
            if len(set(roles).intersection(("ref", "order_no", "product", "quantity"))) >= 2:
                return name, number, roles
    return None


def _summary_prices(sheets: _Sheets) -> tuple[dict[tuple[str, str], int], str, str]:
    """Unit prices from 商品汇总表 by (product, spec), and the 团's title and 团长 if it gives them."""
    prices: dict[tuple[str, str], int] = {}
    title = leader = ""
    if SUMMARY_SHEET not in sheets.names:
        return prices, title, leader
    rows = sheets.rows(SUMMARY_SHEET)
    roles: dict[str, int] = {}
    for _, row in rows:
        if not roles:
            roles = _roles(row)
            if "product" not in roles:
                roles = {}
            continue
        product = _text(_cell(row, roles.get("product")))
        price = fen_from_cell(_cell(row, roles.get("unit_price")))
        if product and price is not None and price >= 0:
            prices[(product, _text(_cell(row, roles.get("spec"))))] = price
        title = title or _text(_cell(row, roles.get("title")))
        leader = leader or _text(_cell(row, roles.get("leader")))
    return prices, title, leader


def _price_for(prices: dict[tuple[str, str], int], product: str, spec: str, *,
               exact_only: bool = False) -> int | None:
    """The summary's price of a product and 规格. With `exact_only` (the product comes in several
    规格), only a line naming this very 规格 counts: another 规格's price is never borrowed."""
    if (product, spec) in prices:
        return prices[(product, spec)]
    base = re.sub(r"[(（][^)）]*[)）]\s*$", "", product).strip()
    if (base, spec) in prices:
        return prices[(base, spec)]
    if exact_only:
        return None
    for key in ((product, ""), (base, "")):
        if key in prices:
            return prices[key]
    matches = {price for (name, _), price in prices.items() if name in (product, base)}
    return matches.pop() if len(matches) == 1 else None


def guess_storage(name: str) -> str:
    """How an item is probably kept, from its name: a storage word anywhere (冷冻, 冷藏), else the
    thing the name ends with; never a word found inside another (冰淇淋黄心西瓜 is ambient)."""
    text = unicodedata.normalize("NFKC", name)
    for word, storage in _STORAGE_MODIFIERS:
        if word in text:
            return storage
    parts = [part for part in _NAME_PARTS.split(text) if part]
    heads = parts[:1]  # the name itself; a size or pack in brackets after it is not the thing
    for head in heads:
        for storage in ("chilled", "frozen"):
            if any(head.endswith(word) for word in _HEAD_WORDS[storage]):
                return storage
    return "ambient"


_storage = guess_storage


def read_export(path: str | Path, *, progress: Progress | None = None,
                should_cancel: ShouldCancel | None = None) -> KttExport:
    """Read and check an export without touching the database."""
    path = Path(path)
    if not path.exists():
        raise BadInput("file_missing", "file", path=str(path))
    try:
        with path.open("rb") as f:
            head = f.read(4)
    except OSError as exc:
        raise BadInput("file_unreadable", "file", path=str(path)) from exc
    if head != b"PK\x03\x04":
        raise BadInput("ktt_not_xlsx", "file", path=str(path))
    try:
        check_size(path)
        sheets = _Sheets(path)
    except WorkbookTooLarge as exc:
        raise BadInput("workbook_too_large", "file", path=str(path),
                       size=exc.size // (1024 * 1024), limit=MAX_UNPACKED // (1024 * 1024)) from exc
    try:
        return _read(sheets, path, progress, should_cancel)
    finally:
        sheets.close()


def _read(sheets: _Sheets, path: Path, progress: Progress | None,
          should_cancel: ShouldCancel | None) -> KttExport:
    found = _find_header(sheets)
    if found is None:
        raise BadInput("ktt_not_export", "file", path=str(path))
    sheet, header_row, roles = found
    if "ref" not in roles and "order_no" in roles:
        roles["ref"] = roles.pop("order_no")
    missing = [label for role, label in _REQUIRED.items() if role not in roles]
    if not any(role in roles for role in _ADDRESS_ROLES):
        missing.append("详细地址")
    if missing:
        raise BadInput("ktt_missing_columns", "file", path=str(path), columns="、".join(missing))

    declared = sheets.size_hint(sheet)
    if declared - header_row > MAX_ROWS or \
            sheets.count_rows(sheet, MAX_ROWS + header_row) - header_row > MAX_ROWS:
        raise BadInput("ktt_too_many_rows", "file", path=str(path), limit=MAX_ROWS)
    prices, title, leader = _summary_prices(sheets)
    total = max(declared - header_row, 0)
    warnings: list[Notice] = []
    orders: dict[str, KttOrder] = {}
    order_fields = [role for role in roles if role not in ("product", "spec", "quantity",
                                                          "line_amount", "unit_price", "ref")]
    current: KttOrder | None = None
    unsure: list[tuple[KttOrder, KttLine]] = []
    done = 0
    # Every row is padded to the widest column wanted, so cells are read by plain indexing.
    width = max(roles.values()) + 1
    padding = [None] * width
    at_ref, at_product, at_quantity = roles["ref"], roles["product"], roles["quantity"]
    at_amount, at_price, at_spec = (roles.get(r, width) for r in ("line_amount", "unit_price", "spec"))
    padding.append(None)  # the missing roles above point one past the end
    field_columns = [(role, roles[role]) for role in order_fields]
    for number, row in sheets.rows(sheet, frozenset(roles.values())):
        if number <= header_row:
            continue
        done += 1
        if done > MAX_ROWS:
            raise BadInput("ktt_too_many_rows", "file", path=str(path), limit=MAX_ROWS)
        if done % _CHECK_EVERY == 0:
            if should_cancel and should_cancel():
                raise Cancelled()
            if progress:
                progress(done, max(total, done))
        if len(row) <= width:
            row = row + padding[len(row):]
        else:  # read by openpyxl: whole rows, cut to the columns wanted
            row = row[:width] + padding[width:]
        ref = _text(row[at_ref])
        product = _text(row[at_product])
        if not ref and not product:
            continue  # a blank row, or a totals row at the bottom
        if ref:
            if ref.endswith(".0") and ref[:-2].isdigit():
                ref = ref[:-2]
            current = orders.get(ref)
            if current is None:
                current = orders[ref] = KttOrder(ref=ref, row=number)
        elif current is None:
            warnings.append(notice("ktt_row_without_order", row=number))
            continue
        fields = current.fields
        for role, column in field_columns:
            if role not in fields:
                value = row[column]
                if value is not None and (not isinstance(value, str) or value.strip()):
                    fields[role] = value.strip() if isinstance(value, str) else value
        if not product:
            continue
        quantity = _quantity(row[at_quantity])
        amount = fen_from_cell(row[at_amount])
        unit_price = fen_from_cell(row[at_price])
        if quantity is None and amount is not None and unit_price:
            if amount % unit_price == 0:
                quantity = amount // unit_price
        line = KttLine(number, product, _text(row[at_spec]), quantity or 0, amount, unit_price)
        if quantity is None and amount is not None:
            unsure.append((current, line))  # worked out from the item's price once it is known
        elif quantity is None or quantity < 1:
            warnings.append(notice("ktt_line_unreadable", ref=current.ref, row=number,
                                   product=product))
        else:
            current.lines.append(line)
    if progress:
        progress(done, max(total, done))
    if not orders:
        raise BadInput("ktt_no_orders", "file", path=str(path))

    title = title or _text(next((o.get("title") for o in orders.values() if o.get("title")), ""))
    title = title or path.stem.strip() or "快团团"
    leader = leader or _text(next((o.get("leader") for o in orders.values() if o.get("leader")), ""))
    items = _items(orders.values(), prices, warnings)
    for order, line in unsure:
        name = line.product
        if name not in items and f"{line.product}({line.spec})" in items:
            name = f"{line.product}({line.spec})"
        price = items[name].price_fen if name in items else _price_for(prices, line.product,
                                                                          line.spec)
        if price and line.amount_fen and line.amount_fen > 0 and line.amount_fen % price == 0:
            line.quantity, line.item = line.amount_fen // price, name
            order.lines.append(line)
            if name in items:
                items[name].quantity += line.quantity
            else:
                items[name] = KttItem(name, line.spec, price, line.quantity, _storage(name))
        else:
            warnings.append(notice("ktt_line_unreadable", ref=order.ref, row=line.row,
                                   product=line.product))
    minimum = re.search(r"(\d{1,5})\s*(?:份|箱|件|单|袋|盒|人|户)?\s*起", title)
    return KttExport(
        path=path, title=title[:100], leader=leader[:60],
        minimum=int(minimum.group(1)) if minimum and int(minimum.group(1)) > 0 else None,
        items=items, orders=list(orders.values()), warnings=warnings,
        has_amounts="order_amount" in roles or "line_amount" in roles,
    )


def _items(orders: Iterable[KttOrder], prices: dict[tuple[str, str], int],
           warnings: list[Notice]) -> dict[str, KttItem]:
    """One item per product, or per product and 规格 when the same product comes in several.

    An item's price is what its own rows say (商品金额 ÷ 数量, the most common where they differ);
    the summary's price is used only for an item whose rows say nothing, and a summary price that
    disagrees with the rows is reported.
    """
    specs: dict[str, set[str]] = {}
    lines = [line for order in orders for line in order.lines]
    for line in lines:
        specs.setdefault(line.product, set()).add(line.spec)
    derived: dict[str, Counter] = {}
    items: dict[str, KttItem] = {}
    for line in lines:
        name = line.product
        if len(specs[line.product]) > 1 and line.spec and line.spec not in name:
            name = f"{line.product}({line.spec})"
        line.item = name
        item = items.get(name)
        if item is None:
            item = items[name] = KttItem(name=name, spec=line.spec, price_fen=-1, quantity=0,
                                         storage=guess_storage(name))
        item.quantity += line.quantity
        guess = None
        if line.amount_fen is not None and line.quantity > 0 \
                and line.amount_fen % line.quantity == 0:
            guess = line.amount_fen // line.quantity
        elif line.unit_price_fen is not None:
            guess = line.unit_price_fen
        if guess is not None and guess >= 0:
            derived.setdefault(name, Counter())[guess] += 1
    for name, item in items.items():
        product = next(line.product for line in lines if line.item == name)
        several = len(specs[product]) > 1
        listed = _price_for(prices, product, item.spec, exact_only=several)
        if derived.get(name):
            item.price_fen = derived[name].most_common(1)[0][0]
            if listed is not None and listed != item.price_fen:
                warnings.append(notice("ktt_summary_price_differs", item=name,
                                       summary=format_fen(listed), rows=format_fen(item.price_fen)))
        elif listed is not None:
            item.price_fen = listed
        else:
            item.price_fen = 0
            warnings.append(notice("ktt_price_unknown", item=name))
    return items


# ---- placing orders at households -----------------------------------------------------------


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


def _address_of(order: KttOrder) -> str | None:
    """The canonical address an order gives: its building and room cells, else its address."""
    building, entrance, room = order.get("building"), order.get("entrance"), order.get("room")
    if room is not None:
        numbers = [_plain_number(building), _plain_number(room)]
        if None not in numbers and entrance is None:
            return Address(numbers[0], None, numbers[1]).canonical  # no parsing needed
        try:
            if building is None:
                return parse_address(_text(room)).canonical
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


def _place(order: KttOrder, by_address: dict[str, int], by_phone: dict[str, list[int]],
           warnings: list[Notice], create: bool = True) -> _Place:
    address = _address_of(order)
    if address is not None:
        if address in by_address:
            return _Place(by_address[address], address, None, "address")
        if create:
            phone = _phone(order)
            name = order.text("receiver") or order.text("buyer")
            values = household_rules.validate(household_rules.HouseholdFields(
                address=address, name=name[: household_rules.MAX_NAME], phone=phone))
            return _Place(None, address, values, "address")
    phone = _phone(order)
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


def _lookups(conn: Connection) -> tuple[dict[str, int], dict[str, list[int]]]:
    by_address = {row["address"]: row["id"] for row in household_rows.select_all(conn)}
    by_phone: dict[str, list[int]] = {}
    for row in conn.execute("SELECT id, phone FROM household WHERE phone != ''"):
        by_phone.setdefault(row["phone"], []).append(row["id"])
    return by_address, by_phone


def plan_export(conn: Connection, export: KttExport, *, create_households: bool = True) -> KttPlan:
    """The households an import would add (in the order of the file) and the orders it could not
    place at any household; nothing is written."""
    by_address, by_phone = _lookups(conn)
    warnings: list[Notice] = []
    new: dict[str, NewHousehold] = {}
    unplaced: list[UnplacedOrder] = []
    matched: set[int] = set()
    for order in export.orders:
        place = _place(order, by_address, by_phone, warnings, create_households)
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


def storage_choices(export: KttExport, given: Iterable[tuple[str, str]]) -> dict[str, str]:
    """`ITEM=frozen` choices as {item name: storage}, the item named in any width or case, by its
    whole name or, when only one item has it, its 商品 without the 规格."""
    from desktop.buys.group_buys import parse_storage
    from desktop.buys.orders import item_key

    names = list(export.items)
    chosen: dict[str, str] = {}
    for item, storage in given:
        key = item_key(item)
        found = [name for name in names if item_key(name) == key]
        if not found:
            found = [name for name in names
                     if item_key(re.sub(r"\([^)]*\)$", "", name)) == key]
        if not found:
            raise BadInput("storage_item_unknown", "storage", item=item, items="、".join(names))
        for name in found:  # a 商品 named without its 规格: every 规格 of it
            chosen[name] = parse_storage(storage)
    return chosen


def _phone(order: KttOrder) -> str:
    if order.phone is None:
        try:
            order.phone = household_rules.normalise_phone(order.get("phone"))
        except BadInput:
            order.phone = ""
    return order.phone


# ---- writing ----------------------------------------------------------------------------------


def _who(buyer: str, phone: str) -> str:
    return buyer or phone


def _find_buy(conn: Connection, export: KttExport, key: str) -> tuple[int | None, str]:
    """The buy an earlier import of this 团 made, and the key a new buy would get.

    The same title and 团长 usually mean the same 团, but organisers reuse titles every week, so a
    buy whose 跟团号 belong to other buyers is another 团. A renamed file of the same 团 is found by
    its 跟团号 and buyers.
    """
    mine = {o.ref: _who(o.text("buyer")[:60], _phone(o)) for o in export.orders}
    known: dict[int, dict[str, str]] = {}
    for row in conn.execute(
        "SELECT group_buy_id, external_ref, buyer_name, phone FROM buy_order "
        "WHERE source = 'ktt' AND external_ref IS NOT NULL"
    ):
        known.setdefault(row["group_buy_id"], {})[row["external_ref"]] = _who(
            row["buyer_name"], row["phone"])
    same_key = {row["id"]: row["external_ref"] for row in conn.execute(
        "SELECT id, external_ref FROM group_buy WHERE source = 'ktt' "
        "AND (external_ref = :key OR external_ref LIKE :numbered ESCAPE '\\')",
        {"key": key, "numbered": key.replace("\\", "\\\\").replace("%", "\\%")
                                  .replace("_", "\\_") + "#%"},
    )}

    def fit(buy_id: int) -> tuple[int, int]:
        orders = known.get(buy_id, {})
        shared = sum(1 for ref, who in mine.items() if orders.get(ref) == who)
        conflicts = sum(1 for ref, who in mine.items() if ref in orders and orders[ref] != who)
        return shared, conflicts

    best, best_shared = None, -1
    for buy_id in same_key:
        shared, conflicts = fit(buy_id)
        if conflicts == 0 and shared > best_shared:
            best, best_shared = buy_id, shared
    if best is not None:
        return best, same_key[best]
    for buy_id in known:
        shared, conflicts = fit(buy_id)
        if conflicts == 0 and shared * 2 >= len(mine) and shared > best_shared:
            best, best_shared = buy_id, shared
    if best is not None:
        return best, ""
    taken = set(same_key.values())
    new_key, number = key, 1
    while new_key in taken:
        number += 1
        new_key = f"{key}#{number}"
    return None, new_key


def import_export(
    conn: Connection, path: str | Path, *, operator: str = "", supplier: str | None = None,
    storage: dict[str, str] | None = None, create_households: bool = True,
    progress: Progress | None = None, should_cancel: ShouldCancel | None = None,
) -> KttImportResult:
    """Import an export as one group buy. Bad files raise BadInput before anything is written."""
    refuse_own_file(conn, path)
    export = read_export(path, progress=progress, should_cancel=should_cancel)
    return save_export(conn, export, operator=operator, supplier=supplier, storage=storage,
                       create_households=create_households, progress=progress,
                       should_cancel=should_cancel)


def save_export(
    conn: Connection, export: KttExport, *, operator: str = "", supplier: str | None = None,
    storage: dict[str, str] | None = None, create_households: bool = True,
    progress: Progress | None = None, should_cancel: ShouldCancel | None = None,
) -> KttImportResult:
    """Write an export read by `read_export`: one transaction, all of it or nothing.

    `supplier` names who sells (the 团长 is only the organiser); `storage` changes the guessed
    storage class of items by name; `create_households` False leaves new addresses unplaced."""
    storage = dict(storage or {})
    unknown = [name for name in storage if name not in export.items]
    if unknown:
        raise BadInput("storage_item_unknown", "storage", item=unknown[0],
                       items="、".join(export.items))
    supplier = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", supplier or "")).strip()[:60]
    if create_households:  # refuse what is too large before the backup and the transaction
        by_address = {row["address"] for row in household_rows.select_all(conn)}
        count = len({address for address in map(_address_of, export.orders)
                     if address is not None and address not in by_address})
        if count > MAX_NEW_HOUSEHOLDS:
            raise BadInput("ktt_too_many_households", "file", count=count,
                           limit=MAX_NEW_HOUSEHOLDS)
    warnings = list(export.warnings)
    if not export.has_amounts:
        warnings.append(notice("ktt_no_amounts"))
    key = f"{export.title}|{export.leader}"
    now = utc_now()
    backup_before_import(conn)
    with transaction(conn):
        buy_id, key = _find_buy(conn, export, key)
        created_buy = buy_id is None
        if buy_id is None:
            supplier_id = supplier_id_for(conn, supplier) if supplier else None
            if supplier_id is None:
                warnings.append(notice("ktt_supplier_unknown"))
            buy_id = buy_rows.insert_buy(
                conn,
                {"title": export.title, "supplier_id": supplier_id,
                 "organiser": export.leader or operator,
                 "status": "open", "minimum": export.minimum, "source": "ktt",
                 "external_ref": key},
                station=conn.station, now=now,
            )
            buy_rows.insert_status_event(
                conn, {"group_buy_id": buy_id, "status": "open", "reason": "KuaiTuanTuan import",
                       "operator": operator},
                station=conn.station, now=now,
            )
        buy = get_buy(conn, buy_id)
        if not created_buy and buy.supplier_id is None:
            if supplier:
                conn.execute("UPDATE group_buy SET supplier_id = :s, updated_at = :now WHERE id = :id",
                             {"s": supplier_id_for(conn, supplier), "now": now, "id": buy_id})
                buy = get_buy(conn, buy_id)
            else:
                warnings.append(notice("ktt_supplier_unknown"))
        items = {item.name: item for item in list_items(conn, buy_id)}
        for name, found in export.items.items():
            if name not in items:
                if buy.status not in _CHANGEABLE:
                    continue
                spec = ItemSpec(name=name, price_fen=found.price_fen,
                                storage=storage.get(name, found.storage), pack_size=found.spec[:40])
                insert_item(conn, buy_id, spec, len(items))
                items = {item.name: item for item in list_items(conn, buy_id)}
            elif items[name].price_fen != found.price_fen:
                warnings.append(notice("ktt_price_differs", item=name,
                                       kept=format_fen(items[name].price_fen),
                                       file=format_fen(found.price_fen)))

        by_address, by_phone = _lookups(conn)
        existing = {row["external_ref"]: row
                    for row in order_rows.select_orders_by_ref(conn, buy_id, "ktt")}
        money = {row["order_id"]: row for row in order_rows.select_money(conn, buy_id)}

        batch = _Batch(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM buy_order").fetchone()[0],
                       now, export.has_amounts)
        counts = Counter()
        matched: set[int] = set()
        created: set[int] = set()
        new_households: list[NewHousehold] = []
        total = len(export.orders)
        for done, order in enumerate(export.orders, 1):
            if done % 200 == 0:
                if should_cancel and should_cancel():
                    raise Cancelled()
                if progress:
                    progress(done, total)
            place = _place(order, by_address, by_phone, warnings, create_households)
            household_id = place.household_id
            if place.values is not None:
                household_id = household_rows.insert(conn, place.values, station=conn.station,
                                                     now=now)
                by_address[place.address] = household_id
                created.add(household_id)
                new_households.append(NewHousehold(place.address, place.values["name"],
                                                   place.values["phone"]))
            elif household_id is not None and household_id not in created:
                matched.add(household_id)
            outcome = _save_order(conn, buy, items, order, household_id, existing.get(order.ref),
                                  money, operator, warnings, batch)
            counts[outcome] += 1
        batch.write(conn)
        ordering = {amount[0] for amount in batch.amounts}
        warnings.extend(_amount_warnings(
            batch.amounts, {v: k for k, v in by_address.items() if v in ordering}))
        _check_caps(conn, buy_id, items, warnings)
        file_refs = {order.ref for order in export.orders}
        for ref, row in existing.items():
            if ref not in file_refs and row["cancelled_at"] is None:
                warnings.append(notice("ktt_order_not_in_file", ref=ref))
        totals = Counter()
        for found in export.items.values():
            totals[found.name] += found.quantity
        if progress:
            progress(total, total)
    return KttImportResult(
        buy_id=buy_id, title=buy.title, created_buy=created_buy, orders=total,
        added=counts["added"], updated=counts["updated"], unchanged=counts["unchanged"],
        households_matched=len(matched), households_created=len(created),
        items=tuple(ImportedItem(name, items[name].price_fen if name in items else found.price_fen,
                                 totals[name],
                                 items[name].storage if name in items else found.storage)
                    for name, found in export.items.items()),
        warnings=tuple(warnings), organiser=buy.organiser, supplier=buy.supplier or None,
        new_households=tuple(new_households),
    )


def _target_lines(order: KttOrder, items: dict) -> dict[int, int]:
    lines: dict[int, int] = {}
    for line in order.lines:
        if line.item in items:
            item_id = items[line.item].id
            lines[item_id] = lines.get(item_id, 0) + line.quantity
    return lines


def _paid(order: KttOrder) -> int | None:
    amount = fen_from_cell(order.get("order_amount"))
    if amount is None:
        amounts = [line.amount_fen for line in order.lines]
        if not amounts or any(a is None for a in amounts):
            return None
        amount = sum(amounts)
    return amount - (fen_from_cell(order.get("refund")) or 0)


@dataclass
class _Batch:
    """New rows kept back to be written in one statement each: a 20,000-row export in a second."""

    next_order_id: int
    now: str
    has_amounts: bool
    orders: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    payments: list[dict] = field(default_factory=list)
    # (household, 跟团号, paid, due) of every order whose payment is known, to check together
    amounts: list[tuple[int | None, str, int, int]] = field(default_factory=list)

    def write(self, conn: Connection) -> None:
        stamp.insert_many(conn, "buy_order", self.orders, station=conn.station)
        stamp.insert_many(conn, "order_line", self.lines, station=conn.station)
        stamp.insert_many(conn, "payment", self.payments, station=conn.station)
        self.orders, self.lines, self.payments = [], [], []


def _save_order(conn: Connection, buy, items: dict, order: KttOrder, household_id: int | None,
                existing, money: dict, operator: str, warnings: list[Notice],
                batch: _Batch) -> str:
    """Add or correct one platform order. Returns 'added', 'updated' or 'unchanged'."""
    now = batch.now
    lines = _target_lines(order, items)
    status_text = order.text("status")
    paid = _paid(order)
    cancelled = "取消" in status_text or (paid is not None and paid <= 0
                                         and fen_from_cell(order.get("refund")))
    if paid is None and batch.has_amounts:
        warnings.append(notice("ktt_amount_unknown", ref=order.ref))
    values = {
        "household_id": household_id, "buyer_name": order.text("buyer")[:60],
        "phone": _phone(order), "address_text": order.text("address")[:200],
        "note": " ".join(filter(None, (order.text("member_note"), order.text("note"))))[:500],
    }
    if existing is None:
        if buy.status not in _CHANGEABLE or not lines:
            if lines:
                warnings.append(notice("ktt_order_too_late", ref=order.ref,
                                        **status_words(buy.status)))
            return "unchanged"
        order_id = batch.next_order_id
        batch.next_order_id += 1
        batch.orders.append({
            "id": order_id, **values, "group_buy_id": buy.id, "source": "ktt",
            "external_ref": order.ref, "operator": operator, "created_at": now, "updated_at": now,
            "cancelled_at": now if cancelled else None,
            "cancel_reason": "cancelled on KuaiTuanTuan" if cancelled else None,
        })
        batch.lines.extend({"order_id": order_id, "item_id": item_id, "quantity": quantity}
                           for item_id, quantity in lines.items())
        outcome, platform = "added", 0
    else:
        order_id = existing["id"]
        outcome = "unchanged"
        old = {row["item_id"]: row for row in order_rows.select_lines(conn, order_id)}
        changed_lines = {k: row["quantity"] for k, row in old.items()} != lines
        changed_fields = any(existing[key] != value for key, value in values.items())
        was_cancelled = existing["cancelled_at"] is not None
        if changed_lines or changed_fields or was_cancelled != cancelled:
            if buy.status not in _CHANGEABLE:
                warnings.append(notice("ktt_order_too_late", ref=order.ref,
                                        **status_words(buy.status)))
                return "unchanged"
            if changed_lines and lines:
                order_rows.delete_lines(conn, [row["id"] for row in old.values()])
                order_rows.insert_lines(
                    conn, ({"order_id": order_id, "item_id": item_id, "quantity": quantity}
                           for item_id, quantity in lines.items()),
                    station=conn.station,
                )
            update = dict(values)
            if was_cancelled != cancelled:
                update["cancelled_at"] = now if cancelled else None
                update["cancel_reason"] = "cancelled on KuaiTuanTuan" if cancelled else None
            order_rows.update_order(conn, order_id, update, now=now)
            outcome = "updated"
        platform = money[order_id]["platform_fen"] if order_id in money else 0
    if paid is not None and paid != platform and buy.status != "cancelled":
        batch.payments.append({"order_id": order_id, "amount_fen": paid - platform,
                               "method": "platform", "reference": f"快团团 跟团号 {order.ref}",
                               "operator": operator, "at": now})
        if outcome == "unchanged":
            outcome = "updated"
    if paid is not None and not cancelled:
        due = sum(items[line.item].price_fen * line.quantity
                  for line in order.lines if line.item in items)
        batch.amounts.append((household_id, order.ref, paid, due))
    return outcome


def _amount_warnings(amounts: list[tuple[int | None, str, int, int]],
                     addresses: dict[int, str]) -> list[Notice]:
    """An order paid more or less than its lines is reported, unless the household's orders in
    the file balance together (the platform put one order's money on another 跟团号)."""
    by_household: dict[int, list[tuple[str, int, int]]] = {}
    for household_id, ref, paid, due in amounts:
        if household_id is not None:
            by_household.setdefault(household_id, []).append((ref, paid, due))
    said: list[Notice] = []
    balanced: set[int] = set()
    for household_id, orders in by_household.items():
        paid, due = sum(o[1] for o in orders), sum(o[2] for o in orders)
        if len(orders) > 1 and paid == due and any(o[1] != o[2] for o in orders):
            balanced.add(household_id)
            said.append(notice("ktt_household_balances", address=addresses.get(household_id, ""),
                               refs="、".join(o[0] for o in orders), amount=format_fen(paid)))
    for household_id, ref, paid, due in amounts:
        if paid != due and household_id not in balanced:
            said.append(notice("ktt_amount_differs", ref=ref, paid=format_fen(paid),
                               due=format_fen(due)))
    return said


def _check_caps(conn: Connection, buy_id: int, items: dict, warnings: list[Notice]) -> None:
    capped = {item.id: item for item in items.values() if item.cap is not None}
    if not capped:
        return
    rows = conn.execute(
        "SELECT o.household_id, l.item_id, sum(l.quantity) AS total, group_concat(o.external_ref) "
        "AS refs FROM order_line l JOIN buy_order o ON o.id = l.order_id "
        "WHERE o.group_buy_id = :buy AND o.household_id IS NOT NULL AND o.cancelled_at IS NULL "
        "GROUP BY o.household_id, l.item_id",
        {"buy": buy_id},
    )
    for row in rows:
        item = capped.get(row["item_id"])
        if item is not None and row["total"] > item.cap:
            warnings.append(notice("ktt_over_cap", refs=row["refs"] or "", item=item.name,
                                   cap=item.cap, total=row["total"]))
