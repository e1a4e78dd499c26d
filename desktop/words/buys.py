"""Group buys: suppliers, buys, items, orders, money, arrivals and cancelling."""

SENTENCES: dict[str, tuple[str, str]] = {
    # group buys: suppliers, buys and items
    "supplier_empty": (
        "The supplier has no name: type the shop or seller, such as 某食品店.",
        "商家名称不能为空：请填写商家或卖家，例如 某食品店。",
    ),
    "supplier_name_too_long": (
        "The supplier's name is too long: at most {maximum} characters.",
        "商家名称太长：最多 {maximum} 个字。",
    ),
    "supplier_taken": (
        "There is already a supplier called {name}: choose it instead.",
        "已有名为 {name} 的商家：请直接选择它。",
    ),
    "supplier_unknown": (
        "There is no supplier number {id}: check the number and try again.",
        "没有编号为 {id} 的商家：请检查编号。",
    ),
    "complaint_empty": (
        "The complaint is empty: write what went wrong.",
        "投诉内容不能为空：请写明出了什么问题。",
    ),
    "supplier_never_delivered": (
        "{name} has never delivered here: collect money only after the supplier confirms the order.",
        "{name} 从未给本小区送过货：请等商家确认接单后再收款。",
    ),
    "supplier_bad_record": (
        "{name} turned down {turned_down} and delivered short {delivered_short} of its group buys here before: collect money only after the supplier confirms the order.",
        "{name} 以前在本小区拒单 {turned_down} 次、少送 {delivered_short} 次：请等商家确认接单后再收款。",
    ),
    "buy_unknown": (
        "There is no group buy number {id}: see the numbers with `buys list`.",
        "没有编号为 {id} 的团购：可用 buys list 查看编号。",
    ),
    "title_empty": (
        "The group buy has no title: type one, such as 冷冻饺子团.",
        "团购名称不能为空：请填写，例如 冷冻饺子团。",
    ),
    "title_too_long": (
        "The title is too long: at most {maximum} characters.",
        "团购名称太长：最多 {maximum} 个字。",
    ),
    "items_none": (
        "The group buy has no items: add at least one, such as --item \"冷冻饺子=32:frozen\".",
        "团购还没有商品：请至少添加一个，例如 --item \"冷冻饺子=32:frozen\"。",
    ),
    "items_fixed": (
        "“{title}” is {status}: its items can no longer change.",
        "“{title}”{status}：商品已不能再修改。",
    ),
    "item_spec_invalid": (
        "“{text}” is not an item: write NAME=PRICE in yuan, such as 冷冻饺子=32 or 鸡翅中=58.5:chilled.",
        "“{text}”不是有效的商品：请写成 名称=价格（元），例如 冷冻饺子=32 或 鸡翅中=58.5:chilled。",
    ),
    "item_name_empty": (
        "An item has no name: type what is sold, such as 冷冻饺子.",
        "商品名称不能为空：请填写卖的是什么，例如 冷冻饺子。",
    ),
    "item_name_too_long": (
        "An item's name is too long: at most {maximum} characters.",
        "商品名称太长：最多 {maximum} 个字。",
    ),
    "item_duplicate": (
        "{item} is listed twice: give each item once.",
        "{item} 重复了：每个商品只写一次。",
    ),
    "item_unknown": (
        "This group buy has no item called “{item}”: use one of {items}.",
        "本团购没有“{item}”这个商品：请使用 {items} 之一。",
    ),
    "item_unknown_id": (
        "There is no item number {id}.",
        "没有编号为 {id} 的商品。",
    ),
    "item_given_twice": (
        "{item} is given twice: give each item's quantity once.",
        "{item} 写了两次：每个商品的数量只写一次。",
    ),
    "price_invalid": (
        "“{text}” is not a price: type yuan, such as 32 or 58.5.",
        "“{text}”不是价格：请填写金额（元），例如 32 或 58.5。",
    ),
    "price_negative": (
        "A price cannot be negative ({text}): type what one unit costs, such as 32.",
        "价格不能为负数（{text}）：请填写单价，例如 32。",
    ),
    "price_too_precise": (
        "“{text}” has more than two decimals: a price is in yuan and fen, such as 58.5 or 12.35.",
        "“{text}”的小数超过两位：价格精确到分，例如 58.5 或 12.35。",
    ),
    "price_too_large": (
        "{text} yuan is too much for one unit: check the price.",
        "单价 {text} 元太高了：请检查价格。",
    ),
    "storage_invalid": (
        "“{text}” is not a way to keep food: use ambient, chilled or frozen.",
        "“{text}”不是存放方式：请使用 ambient（常温）、chilled（冷藏）或 frozen（冷冻）。",
    ),
    "cap_invalid": (
        "“{text}” is not a cap: type the most one household may order, such as 2.",
        "“{text}”不是有效的限购数：请填写每户最多可订的数量，例如 2。",
    ),
    "minimum_invalid": (
        "“{text}” is not a minimum: type how many units the supplier needs, such as 30.",
        "“{text}”不是有效的起送量：请填写商家要求的最少数量，例如 30。",
    ),
    "deadline_invalid": (
        "“{text}” is not a deadline: write it as YYYY-MM-DDTHH:MM, such as 2022-04-20T20:00.",
        "“{text}”不是有效的截止时间：请写成 年-月-日T时:分，例如 2022-04-20T20:00。",
    ),
    "buy_status_illegal": (
        "“{title}” is {status}: it cannot move to “{to}” from there.",
        "“{title}”{status}，不能改为“{to}”。",
    ),
    "settle_refunds_owed": (
        "Refunds of {amount} are still owed: pay them out before settling the group buy.",
        "还有 {amount} 的退款未退：请先退款再结清团购。",
    ),
    # orders
    "buy_not_open": (
        "“{title}” is {status} and takes no more orders: orders are taken only while a group buy is open.",
        "“{title}”{status}，不再接单：团购只有在进行中才能下单。",
    ),
    "buy_draft_no_orders": (
        "“{title}” is still a draft: open it before taking orders.",
        "“{title}”还是草稿：请先开团再接单。",
    ),
    "buy_cancelled_no_orders": (
        "“{title}” was cancelled: it takes no orders.",
        "“{title}”已取消：不能再下单。",
    ),
    "household_not_found": (
        "No household at {address} is in the roster: add it on the roster page first.",
        "名单中没有 {address} 这户：请先在住户名单中添加。",
    ),
    "quantity_invalid": (
        "“{text}” is not a quantity of {item}: type a whole number, 1 or more.",
        "“{text}”不是 {item} 的有效数量：请填写 1 或以上的整数。",
    ),
    "quantity_not_positive": (
        "{value} is not a quantity of {item} one can order: type 1 or more, or leave it empty.",
        "{item} 的数量不能是 {value}：请填写 1 或以上，或留空。",
    ),
    "quantity_too_large": (
        "{value} of {item} is more than anyone orders (at most {maximum}): check the number.",
        "{item} 的数量 {value} 太大（最多 {maximum}）：请检查。",
    ),
    "order_empty": (
        "The order has no quantities: give at least one item, or cancel the order instead.",
        "订单没有填写数量：请至少填写一个商品，或改为取消订单。",
    ),
    "over_cap": (
        "{asked} of {item} is over the cap of {cap} per household: order at most {cap}. Nothing was saved.",
        "{item} 每户限购 {cap}，订了 {asked}：请最多订 {cap}。未保存。",
    ),
    "over_cap_with_other": (
        "{asked} of {item} is over the cap of {cap} per household: this household already has {other} in other orders. Nothing was saved.",
        "{item} 每户限购 {cap}：这户在其他订单中已有 {other}，本单又订了 {asked}。未保存。",
    ),
    "order_unknown": (
        "There is no order number {id}: see the numbers with `buys show`.",
        "没有编号为 {id} 的订单：可用 buys show 查看编号。",
    ),
    "order_already_cancelled": (
        "Order {id} was already cancelled.",
        "订单 {id} 已经取消了。",
    ),
    "order_cancel_too_late": (
        "“{title}” is {status}: its orders can no longer be withdrawn.",
        "“{title}”{status}：订单已不能撤回。",
    ),
    # money
    "payment_invalid": (
        "“{text}” is not an amount: type whole fen, such as 3200 for ¥32.",
        "“{text}”不是有效金额：请填写整数分，例如 ¥32 填 3200。",
    ),
    "payment_zero": (
        "A payment of nothing is not a payment: type the amount in fen (negative for a refund).",
        "金额不能为 0：请填写金额（分），退款填负数。",
    ),
    "payment_too_large": (
        "{amount} is more than any order costs: check the amount (it is in fen: ¥32 is 3200).",
        "金额 {amount} 太大：请检查（单位是分，¥32 填 3200）。",
    ),
    "payment_method_invalid": (
        "“{text}” is not a way to pay: use {methods}.",
        "“{text}”不是付款方式：请使用 {methods}。",
    ),
    "payment_on_cancelled_buy": (
        "“{title}” was cancelled: take no money for it. A refund is recorded as a negative amount.",
        "“{title}”已取消：不能再收款。退款请填负数金额。",
    ),
    "payment_on_cancelled_order": (
        "Order {id} was cancelled: take no money for it. A refund is recorded as a negative amount.",
        "订单 {id} 已取消：不能再收款。退款请填负数金额。",
    ),
    "refund_more_than_paid": (
        "A refund of {amount} is more than the {paid} paid for this order: refund at most {paid}.",
        "退款 {amount} 超过了该订单已付的 {paid}：最多退 {paid}。",
    ),
    # arrivals and cancelling
    "arrival_on_cancelled_buy": (
        "“{title}” was cancelled: no arrival can be recorded for it.",
        "“{title}”已取消：不能登记到货。",
    ),
    "arrival_on_draft": (
        "“{title}” is still a draft: nothing was ordered, so nothing can arrive.",
        "“{title}”还是草稿：没有订单，无法登记到货。",
    ),
    "arrival_too_late": (
        "“{title}” is {status}: its arrival can no longer change.",
        "“{title}”{status}：到货已不能再修改。",
    ),
    "received_invalid": (
        "“{text}” is not a number of {item} received: type a whole number, 0 or more.",
        "“{text}”不是 {item} 的到货数量：请填写 0 或以上的整数。",
    ),
    "received_negative": (
        "{value} {item} cannot have arrived: type what was delivered, 0 or more.",
        "{item} 的到货数量不能是 {value}：请填写实际送到的数量（0 或以上）。",
    ),
    "policy_unknown": (
        "“{text}” is not a way to share a shortage: use {policies}.",
        "“{text}”不是缺货分配方式：请使用 {policies}。",
    ),
    "cancel_reason_empty": (
        "Say why the group buy is cancelled, such as “the supplier turned it down”.",
        "请写明取消原因，例如“商家拒单”。",
    ),
    "cancel_cause_invalid": (
        "“{text}” is not a cause of cancelling.",
        "“{text}”不是有效的取消原因类别。",
    ),
    "buy_already_cancelled": (
        "“{title}” was already cancelled.",
        "“{title}”已经取消了。",
    ),
    "cancel_too_late": (
        "“{title}” is {status}: a group buy cannot be cancelled once its bags are handed out.",
        "“{title}”{status}：已发放的团购不能取消。",
    ),
}

WORDS: dict[str, dict[str, tuple[str, str]]] = {
    # what each status of a buy is called
    "buy_status": {
        "draft": ("draft", "草稿"),
        "open": ("open", "接单中"),
        "closed": ("closed", "已截单"),
        "confirmed": ("confirmed", "商家已确认"),
        "arrived": ("arrived", "已到货"),
        "bagged": ("bagged", "已分装"),
        "distributed": ("distributed", "已发放"),
        "settled": ("settled", "已结清"),
        "cancelled": ("cancelled", "已取消"),
    },
    # how a sentence says a buy is in a status ("“冷冻饺子团” is closed")
    "buy_status_phrase": {
        "draft": ("still a draft", "还是草稿"),
        "open": ("open", "正在接单"),
        "closed": ("closed", "已截单"),
        "confirmed": ("confirmed by the supplier", "商家已确认"),
        "arrived": ("already delivered", "已到货"),
        "bagged": ("already bagged", "已分装"),
        "distributed": ("already handed out", "已发放"),
        "settled": ("settled", "已结清"),
        "cancelled": ("cancelled", "已取消"),
    },
    # how a payment was made
    "payment_method": {
        "wechat": ("WeChat", "微信"),
        "alipay": ("Alipay", "支付宝"),
        "cash": ("cash", "现金"),
        "other": ("other", "其他"),
        "platform": ("KuaiTuanTuan", "快团团"),
    },
    # how an item is kept; printed pages start it with a capital (Frozen)
    "storage": {
        "frozen": ("frozen", "冷冻"),
        "chilled": ("chilled", "冷藏"),
        "ambient": ("ambient", "常温"),
    },
}

