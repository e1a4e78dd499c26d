"""Reading a KuaiTuanTuan export: its sheets, columns, orders, items and prices, checked, with
nothing written. A file that is not an export, or too large, is refused here with one sentence."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop.buys.group_buys import MAX_FEE_FEN
from desktop.errors import BadInput, Cancelled
from desktop.money import fen_from_cell, format_fen
from desktop.notices import Notice, notice
from desktop.text import clean, plain
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
    "fee": ("运费", "配送费", "快递费", "邮费", "运费金额"),
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
        return cell_text(self.fields.get(role))


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
    # The delivery fee per order the export states (运费): the one most of its orders pay, 0 when
    # none does. An order's own 运费 is `order_fee(order)`.
    fee_fen: int = 0


def order_fee(order: KttOrder) -> int:
    """The delivery fee (运费) one order of an export states, 0 when it states none."""
    fee = fen_from_cell(order.get("fee"))
    return fee if fee is not None and fee > 0 else 0


def _header_key(value: object) -> str:
    text = clean(value).replace(" ", "")
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


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _clean(str(value))


# Full-width forms made plain and runs of spaces made one; the same cells recur often.
_clean = functools.lru_cache(maxsize=8192)(clean)


def _quantity(value: object) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = re.sub(r"[件个份箱袋盒瓶包斤]$", "", cell_text(value))
    return int(text) if re.fullmatch(r"-?\d{1,9}", text) else None


def _find_header(sheets: Workbook) -> tuple[str, int, dict[str, int], Iterator] | None:
    """The sheet of orders, its header row, its column roles and its rows below the header."""
    candidates = sorted(sheets.sheet_names,
                        key=lambda name: (name != ORDER_SHEET, name == SUMMARY_SHEET))
    for name in candidates:
        rows = sheets.rows(name)
        for _ in range(10):  # a title or a note may sit above the header
            try:
                number, row = next(rows)
            except StopIteration:
                break
            roles = _roles(row)
            if len(set(roles).intersection(("ref", "order_no", "product", "quantity"))) >= 2:
                return name, number, roles, rows
    return None


def _check_rows(sheets: Workbook, path: Path) -> dict[str, int]:
    """Each sheet's declared row count, once no sheet is found to hold more than MAX_ROWS rows
    below its first, by its declaration or by counting its rows as it unpacks, before any is
    read (reading holds a sheet in memory)."""
    declared = {}
    for name in sheets.sheet_names:
        declared[name] = sheets.dimension_rows(name) or 0
        if max(declared[name], sheets.count_rows(name, MAX_ROWS + 1)) - 1 > MAX_ROWS:
            raise BadInput("ktt_too_many_rows", "file", path=str(path), limit=MAX_ROWS)
    return declared


def _summary_prices(sheets: Workbook) -> tuple[dict[tuple[str, str], int], str, str]:
    """Unit prices from 商品汇总表 by (product, spec), and the 团's title and 团长 if it gives them."""
    prices: dict[tuple[str, str], int] = {}
    title = leader = ""
    if SUMMARY_SHEET not in sheets.sheet_names:
        return prices, title, leader
    rows = sheets.rows(SUMMARY_SHEET)
    roles: dict[str, int] = {}
    for _, row in rows:
        if not roles:
            roles = _roles(row)
            if "product" not in roles:
                roles = {}
            continue
        product = cell_text(_cell(row, roles.get("product")))
        price = fen_from_cell(_cell(row, roles.get("unit_price")))
        if product and price is not None and price >= 0:
            prices[(product, cell_text(_cell(row, roles.get("spec"))))] = price
        title = title or cell_text(_cell(row, roles.get("title")))
        leader = leader or cell_text(_cell(row, roles.get("leader")))
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
    text = plain(name)
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
        sheets = Workbook(path)
    except WorkbookTooLarge as exc:
        raise BadInput("workbook_too_large", "file", path=str(path),
                       size=exc.size // (1024 * 1024), limit=MAX_UNPACKED // (1024 * 1024)) from exc
    except XlsxError as exc:
        raise BadInput("ktt_not_xlsx", "file", path=str(path)) from exc
    try:
        return _read(sheets, path, progress, should_cancel)
    except XlsxError as exc:  # a damaged sheet: say the file cannot be read
        raise BadInput("ktt_not_xlsx", "file", path=str(path)) from exc
    finally:
        sheets.close()


def _read(sheets: Workbook, path: Path, progress: Progress | None,
          should_cancel: ShouldCancel | None) -> KttExport:
    declared = _check_rows(sheets, path)
    found = _find_header(sheets)
    if found is None:
        raise BadInput("ktt_not_export", "file", path=str(path))
    sheet, header_row, roles, rows = found
    if "ref" not in roles and "order_no" in roles:
        roles["ref"] = roles.pop("order_no")
    missing = [label for role, label in _REQUIRED.items() if role not in roles]
    if not any(role in roles for role in _ADDRESS_ROLES):
        missing.append("详细地址")
    if missing:
        raise BadInput("ktt_missing_columns", "file", path=str(path), columns="、".join(missing))

    prices, title, leader = _summary_prices(sheets)
    total = max(declared[sheet] - header_row, 0)
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
    for number, row in rows:
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
        else:  # a row wider than the columns wanted: cut to them
            row = row[:width] + padding[width:]
        ref = cell_text(row[at_ref])
        product = cell_text(row[at_product])
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
        line = KttLine(number, product, cell_text(row[at_spec]), quantity or 0, amount, unit_price)
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

    title = title or cell_text(next((o.get("title") for o in orders.values() if o.get("title")), ""))
    title = title or path.stem.strip() or "快团团"
    leader = leader or cell_text(next((o.get("leader") for o in orders.values() if o.get("leader")), ""))
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
                items[name] = KttItem(name, line.spec, price, line.quantity, guess_storage(name))
        else:
            warnings.append(notice("ktt_line_unreadable", ref=order.ref, row=line.row,
                                   product=line.product))
    fees = Counter(order_fee(order) for order in orders.values() if order.lines)
    fee_fen = max((fee for fee in fees if 0 < fee <= MAX_FEE_FEN), key=lambda fee: (fees[fee], fee),
                  default=0)  # a 运费 above any delivery fee is not taken for one
    minimum = re.search(r"(\d{1,5})\s*(?:份|箱|件|单|袋|盒|人|户)?\s*起", title)
    return KttExport(
        path=path, title=title[:100], leader=leader[:60],
        minimum=int(minimum.group(1)) if minimum and int(minimum.group(1)) > 0 else None,
        items=items, orders=list(orders.values()), warnings=warnings,
        has_amounts="order_amount" in roles or "line_amount" in roles, fee_fen=fee_fen,
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

