"""Importing orders: KuaiTuanTuan exports and WeChat 接龙 lists."""

SENTENCES: dict[str, tuple[str, str]] = {
    # KuaiTuanTuan exports
    "workbook_too_large": (
        "{path} would unpack to {size} MB, more than the {limit} MB this program reads: check that "
        "it is the right file, or export a smaller one (fewer rows, or one group at a time).",
        "{path} 解压后有 {size} MB，超过本程序可读取的 {limit} MB：请确认选对了文件，或导出较小的文件（行数少一些或一次一个团）。",
    ),
    "ktt_too_many_rows": (
        "{path} has more than {limit} rows: that is not one group buy; export one group at a time "
        "and import each file.",
        "{path} 超过 {limit} 行，不是一个团购的订单：请每次导出一个团，分别导入。",
    ),
    "ktt_too_many_households": (
        "This import would add {count} households, more than {limit} at once: import the roster "
        "first, or import with new households switched off (--no-new-households).",
        "本次导入将新建 {count} 户，超过一次 {limit} 户的上限：请先导入住户名单，或关闭“新建住户”再导入。",
    ),
    "ktt_summary_price_differs": ("{item}: 商品汇总表 says {summary}, the order rows {rows}; the rows' price is used.",
                                  "{item}：商品汇总表 写 {summary}，订单行为 {rows}；按订单行的价格。"),
    "ktt_supplier_unknown": (
        "No supplier was given: the buy records its supplier as unknown (the 团长 is the organiser, "
        "not the supplier); set it on the buy when you know it.",
        "未填写供货商：团购的供货商记为未知（团长是组织者，不是供货商）；知道后请在团购上补填。",
    ),
    "ktt_not_created": (
        "跟团号 {ref}: {address} is not on the roster and new households are switched off; the order "
        "is imported without a household.",
        "跟团号 {ref}：{address} 不在住户名单中，且已关闭新建住户；该订单导入为未归户订单。",
    ),
    "storage_spec_invalid": ("“{text}” is not ITEM=STORAGE: write it like 冰淇淋=frozen (ambient, chilled or frozen).",
                             "“{text}”不是 商品=存储方式 的格式：请写成 冰淇淋=frozen（ambient、chilled 或 frozen）。"),
    "storage_item_unknown": ("“{item}” is not an item of this export: its items are {items}.",
                             "“{item}”不是这个导出文件里的商品：商品有 {items}。"),
    "ktt_not_xlsx": ("{path} is not an Excel (.xlsx) file: in KuaiTuanTuan export the orders to Excel and import that file.",
                     "{path} 不是 Excel（.xlsx）文件：请在快团团中把订单导出为 Excel 后再导入。"),
    "ktt_not_export": ("{path} is not a KuaiTuanTuan order export: no sheet has its columns (跟团号, 商品, 数量). Export the orders from KuaiTuanTuan and import that file.",
                       "{path} 不是快团团订单导出文件：没有工作表含有跟团号、商品、数量等列。请从快团团导出订单后再导入。"),
    "ktt_missing_columns": ("{path} lacks the columns {columns}: export the orders again from KuaiTuanTuan with these columns.",
                            "{path} 缺少这些列：{columns}。请在快团团中重新导出包含这些列的订单。"),
    "ktt_no_orders": ("{path} has no orders in it: check that it is the right export.",
                      "{path} 中没有订单：请确认导出的文件是否正确。"),
    "ktt_row_without_order": ("Row {row} has no 跟团号 and follows no order: it was left out.",
                              "第 {row} 行没有跟团号，也不属于上面的订单：已跳过。"),
    "ktt_line_unreadable": ("跟团号 {ref}, row {row}: the quantity of {product} cannot be read (empty, or a formula without a saved value); that line was left out.",
                            "跟团号 {ref} 第 {row} 行：{product} 的数量无法读取（为空，或是未保存结果的公式）；该行已跳过。"),
    "ktt_price_unknown": ("No price was found for {item}: it was imported at ¥0; check the price.",
                          "没有找到 {item} 的价格：已按 ¥0 导入，请核对价格。"),
    "ktt_price_differs": ("{item}: the file's price {file} differs from the {kept} already recorded; the recorded price was kept.",
                          "{item}：文件中的价格 {file} 与已记录的 {kept} 不同；保留已记录的价格。"),
    "ktt_placed_by_phone": ("跟团号 {ref} gives no address: placed at the household with phone {phone}; check it.",
                            "跟团号 {ref} 没有地址：已按电话 {phone} 归到对应住户，请核对。"),
    "ktt_unplaced": ("跟团号 {ref}: no address could be read (“{text}”) and no household has its phone; imported without a household.",
                     "跟团号 {ref}：无法识别地址（“{text}”），也没有电话相同的住户；已导入为未归户订单。"),
    "ktt_household_balances": (
        "{address}: 跟团号 {refs} were paid {amount} together, what their lines come to; they are "
        "settled as one household.",
        "{address}：跟团号 {refs} 合计实付 {amount}，与商品合计相符；按同一户合并结算。",
    ),
    "ktt_amount_differs": ("跟团号 {ref}: paid {paid} on the platform, but its lines come to {due}; check it.",
                           "跟团号 {ref}：平台实付 {paid}，但商品合计 {due}；请核对。"),
    "ktt_amount_unknown": ("跟团号 {ref}: the amount paid cannot be read; no payment was recorded for it.",
                           "跟团号 {ref}：无法读取实付金额；未记录付款。"),
    "ktt_no_amounts": ("The export has no amounts (订单金额, 商品金额): no platform payments were recorded; record what each household paid by hand.",
                       "导出文件中没有金额列（订单金额、商品金额）：未记录平台付款；请手动登记各户付款。"),
    "ktt_order_too_late": ("跟团号 {ref} is new or changed, but the group buy is {status}: it was not changed.",
                           "跟团号 {ref} 是新的或有改动，但团购{status}：未做修改。"),
    "ktt_order_not_in_file": ("跟团号 {ref} was imported before but is not in this file: check whether it was cancelled on KuaiTuanTuan.",
                              "跟团号 {ref} 以前导入过，但这次的文件中没有：请确认是否已在快团团取消。"),
    "ktt_over_cap": ("跟团号 {refs}: one household ordered {total} of {item}, over the cap of {cap}.",
                     "跟团号 {refs}：同一户共订 {item} {total} 份，超过限购 {cap}。"),
    "order_item_spec_invalid": ("“{text}” is not an item and quantity: write NAME=QTY, such as 冷冻饺子=2.",
                                "“{text}”不是“商品=数量”：请写成 名称=数量，例如 冷冻饺子=2。"),
    "received_spec_invalid": ("“{text}” is not an item and the quantity received: write ITEM=QTY, such as 冷冻饺子=80.",
                              "“{text}”不是“商品=到货数量”：请写成 名称=数量，例如 冷冻饺子=80。"),
    "cap_spec_invalid": ("“{text}” is not an item and its cap: write NAME=N, such as 冷冻饺子=2.",
                         "“{text}”不是“商品=限购数”：请写成 名称=数量，例如 冷冻饺子=2。"),
    # WeChat 接龙 lists
    "chain_nothing_recognised": ("No order line was recognised in the 接龙 list: each starts with a number, an address and a quantity, such as “1. 12-301 张 2箱”.",
                                 "接龙中没有可识别的订单行：每行应以序号开头，含地址和数量，例如“1. 12-301 张 2箱”。"),
    "chain_line_too_long": (
        "This line is longer than {limit} characters, too long for one order: split it into "
        "one numbered line per household.",
        "这一行超过 {limit} 个字，不像一条订单：请每户写一行并编号。",
    ),
    "chain_not_numbered": ("not numbered: an order line starts with its number, such as “6. 12-301 张 2箱”",
                           "没有序号：订单行应以序号开头，例如“6. 12-301 张 2箱”"),
    "chain_no_address": ("no address: write building and room, such as 12-301",
                         "没有地址：请写楼号和房号，例如 12-301"),
    "chain_no_quantity": ("no quantity: write how many, such as 2 or 两箱",
                          "没有数量：请写明数量，例如 2 或 两箱"),
    "chain_no_quantity_for": ("no quantity for {item}",
                              "{item} 没有数量"),
    "chain_many_quantities": ("more than one quantity: write one, such as 2箱",
                              "有多个数量：请只写一个，例如 2箱"),
    "chain_which_item": ("which item? name one of {items} with its quantity",
                         "哪个商品？请写明 {items} 之一及数量"),
    "chain_zero_quantity": ("the quantity of {item} must be 1 or more",
                            "{item} 的数量应为 1 或以上"),
    "chain_quantity_too_large": ("{value} of {item} is more than anyone orders (at most {maximum})",
                                 "{item} 的数量 {value} 太大（最多 {maximum}）"),
    "chain_not_in_roster": (
        "{address} is not in the roster: add the household from this list (--add-households on "
        "the command line) or on the roster page first",
        "名单中没有 {address}：可在此列表中添加这户（命令行用 --add-households），或先在住户页添加",
    ),
    "chain_over_cap": ("{asked} of {item} is over the cap of {cap} per household",
                       "{item} 每户限购 {cap}，共订了 {asked}"),
    "chain_listed_twice": ("{address} is listed on lines {earlier} and {later}: line {later} was kept.",
                           "{address} 在第 {earlier} 行和第 {later} 行都出现了：以第 {later} 行为准。"),
    "chain_replaces_order": ("{address} already had an order: line {line} replaced it.",
                             "{address} 原来已有订单：已按第 {line} 行替换。"),
}
