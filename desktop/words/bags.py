"""Bags, their codes and labels, and printing."""

SENTENCES: dict[str, tuple[str, str]] = {
    # bags, codes and printing
    "bags_buy_cancelled": (
        "“{title}” was cancelled: it has no bags to make.",
        "“{title}”已取消：不能再分装。",
    ),
    "bags_buy_not_arrived": (
        "“{title}” is {status}: bags are made once the goods have arrived. Record the arrival first.",
        "“{title}”{status}：到货后才能分装。请先登记到货。",
    ),
    "bags_buy_handed_out": (
        "“{title}” is {status}: its bags were handed out and cannot be made again.",
        "“{title}”{status}：袋子已发放，不能重新分装。",
    ),
    "bags_no_orders": (
        "“{title}” has no orders: there is nothing to bag.",
        "“{title}”没有订单：没有可分装的东西。",
    ),
    "bags_no_placed_orders": (
        "None of the {count} orders of “{title}” has a household: match them to an address first.",
        "“{title}”的 {count} 个订单都没有对应住户：请先把订单对应到地址。",
    ),
    "bags_nothing_allocated": (
        "Nothing of “{title}” was allocated to any household: check the arrival.",
        "“{title}”没有分配给任何住户的货品：请检查到货登记。",
    ),
    "bags_max_items_invalid": (
        "“{text}” is not a number of items per bag: type a whole number from 1 to {maximum}.",
        "“{text}”不是每袋件数：请填写 1 到 {maximum} 之间的整数。",
    ),
    "bags_unplaced": (
        "Order {ref} ({text}) has no household, so it got no bag: match it to an address, then make the bags again.",
        "订单 {ref}（{text}）没有对应住户，未分装：请对应到地址后重新分装。",
    ),
    "bags_kept_with_handoffs": (
        "{address}: its bags have already been scanned, so they were kept as they were; sort them out by hand.",
        "{address}：袋子已有扫码记录，保持原样未重新分装；请人工核对。",
    ),
    "bags_nothing_for": (
        "{address} was allocated nothing, so it has no bag.",
        "{address} 没有分到货品，所以没有袋子。",
    ),
    "print_no_bags": (
        "“{title}” has no bags yet: make the bags first.",
        "“{title}”还没有分装：请先分装。",
    ),
    "stock_unknown": (
        "“{stock}” is not a label stock: use one of {stocks}.",
        "“{stock}”不是可用的标签纸：请使用 {stocks} 之一。",
    ),
    "print_unwritable": (
        "{path} cannot be written: choose a folder that exists and you may write to, or close the file in the PDF viewer.",
        "无法写入 {path}：请选择存在且可写的文件夹，或先在 PDF 阅读器中关闭该文件。",
    ),
    "printer_failed": (
        "The printer could not be started: check that it is switched on and connected, or save the PDF and print that.",
        "无法启动打印机：请检查打印机是否开机并已连接，或先保存 PDF 再打印。",
    ),
    "printer_none": (
        "No printer is installed on this computer: add one in the system's printer settings, or save the PDF and print it elsewhere.",
        "这台电脑没有安装打印机：请在系统的打印机设置中添加，或先保存 PDF 到别处打印。",
    ),
    "printer_unknown": (
        "There is no printer called “{printer}”: check its name with `lpstat -p`, or choose another.",
        "没有名为“{printer}”的打印机：请用 `lpstat -p` 查看名称，或换一台打印机。",
    ),
    "printer_rejects": (
        "Printer “{printer}” is not accepting jobs ({reason}): nothing was printed; fix the printer or choose another.",
        "打印机“{printer}”不接受打印任务（{reason}）：未打印任何内容；请检查该打印机或换一台。",
    ),
    "printer_rejected": (
        "Printer “{printer}” refused the document ({reason}): nothing was printed; check the printer, or save the PDF and print that.",
        "打印机“{printer}”拒绝了打印任务（{reason}）：未打印任何内容；请检查打印机，或先保存 PDF 再打印。",
    ),
    "printer_no_lp": (
        "Printing to “{printer}” needs the CUPS command lp, which is not installed here: install CUPS, or write a PDF with -o and print that.",
        "打印到“{printer}”需要 CUPS 的 lp 命令，但本机没有安装：请安装 CUPS，或用 -o 生成 PDF 后再打印。",
    ),
    "print_target_missing": (
        "Say where the document goes: -o FILE.pdf for a PDF, or --printer NAME for a printer.",
        "请指定输出位置：-o 文件.pdf 生成 PDF，或 --printer 名称 直接打印。",
    ),
    "print_language_invalid": (
        "“{text}” is not a print language: use zh (Chinese) or en (English).",
        "“{text}”不是可用的打印语言：请用 zh（中文）或 en（英文）。",
    ),
    "building_invalid": (
        "“{text}” is not a building number: type a number, such as 12.",
        "“{text}”不是楼号：请填写数字，例如 12。",
    ),
    "cards_no_households": (
        "There are no households to print cards for: add households to the roster first.",
        "没有可打印住户卡的住户：请先在名单中添加住户。",
    ),
    "cards_no_households_in_building": (
        "No household lives in building {building}: check the building number.",
        "{building} 号楼没有住户：请检查楼号。",
    ),
}
