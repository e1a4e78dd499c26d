"""What the command line prints when a command has done its work (refusals are sentences of their
area). `{s}` and `{x_s}` fields are English plural endings."""

SENTENCES: dict[str, tuple[str, str]] = {
    "cli.usage_hint": ("Run compound-desk --help for usage.", "运行 compound-desk --help 查看用法。"),
    "cli.warning": ("Warning: {text}", "注意：{text}"),
    # the compound and its safekeeping
    "cli.demo_made": ("Demo compound made: {households} households in {path}", "示例小区已生成：{households} 户，位于 {path}"),
    "cli.restored": ("Restored {path} from {source}", "已用 {source} 恢复 {path}"),
    "cli.backup_other_compound": (
        "{path} is a backup of another compound: to put it in place of this one all the same, add "
        "--other-compound. Nothing was changed.",
        "{path} 是另一个小区的备份：如确要用它替换本小区的数据，请加上 --other-compound。未做任何改动。"),
    "cli.restored_aside": ("; the old file is kept as {aside}", "；原文件保存为 {aside}"),
    "cli.restored_new_secret": (
        "This copy has a new compound secret: bag labels and household cards printed before will "
        "no longer scan, so print them all again. (With the file `compound-desk secret export` "
        "wrote, restore with --with-secret instead.)",
        "这份数据已生成新的小区密钥：之前打印的袋签和住户卡扫码将不再通过，请全部重新打印。"
        "（如保存过 compound-desk secret export 写出的密钥文件，可改用 --with-secret 恢复。）",
    ),
    "cli.secret_written": ("The compound secret is in {path} (readable by you only)", "已将小区密钥写入 {path}（仅本人可读）"),
    "cli.secret_careful": (
        "Careful: whoever holds this file can make bag labels and household cards that scan "
        "as genuine. Keep it offline, apart from the laptop and its backups.",
        "注意：持有此文件的人可以制作扫码通过的袋签和住户卡。请离线保管，与电脑和备份分开存放。",
    ),
    "cli.exported_all": ("Exported {tables} tables to {path}", "已将 {tables} 张表导出到 {path}"),
    "cli.roster_exported": ("Exported {count} households to {path}", "已导出 {count} 户到 {path}"),
    # group buys
    "cli.buy_opened": ("Group buy {id} opened: {title}", "已开团 {id}：{title}"),
    "cli.order_done": ("Order {id} for {address} {done}", "订单 {id}（{address}）{done}"),
    "cli.paid": ("Recorded {amount}. Order {id}: due {due}, paid {paid}, refund owed {refund}",
                 "已记录 {amount}。订单 {id}：应付 {due}，已付 {paid}，应退 {refund}"),
    "cli.ktt_preview": (
        "Preview (nothing saved): KuaiTuanTuan “{title}”: {orders} order{s}; {matched} households matched, "
        "{created} to add",
        "预览（未保存）：快团团「{title}」{orders} 单，匹配住户 {matched}，将新建住户 {created}",
    ),
    "cli.ktt_imported": (
        "KuaiTuanTuan export imported into group buy {id} “{title}”: {orders} order{s} ({added} added, "
        "{updated} changed, {unchanged} unchanged); {matched} households matched, {created} added",
        "快团团导入到团购 {id}「{title}」：{orders} 单（新增 {added}，修改 {updated}，无变化 {unchanged}），"
        "匹配住户 {matched}，新建住户 {created}",
    ),
    "cli.ktt_people": ("  organiser (团长): {organiser}; supplier: {supplier}", "  团长（组织者）：{organiser}，供货商：{supplier}"),
    "cli.ktt_fee": ("  delivery fee (运费): {fee} per order", "  运费：每单 {fee}"),
    "cli.unknown": ("unknown", "未知"),
    "cli.new_household": ("  new household {address}  {name}  {phone}", "  新建住户 {address}  {name}  {phone}"),
    "cli.cannot_place": ("  cannot place 跟团号 {ref}: {text}", "  无法归户 跟团号 {ref}: {text}"),
    "cli.chain_imported": (
        "接龙 list: orders for {orders} households ({added} added, {updated} changed, {unchanged} unchanged); "
        "{created} households added; {unmatched} lines not understood",
        "接龙：{orders} 户下单（新增 {added}，修改 {updated}，无变化 {unchanged}），新建住户 {created}，"
        "{unmatched} 行未能识别",
    ),
    "cli.chain_problem": ("  line {line}: {text} — {reason}", "  第{line}行: {text} — {reason}"),
    "cli.no_buys": ("No group buys yet: open one with `buys new`, or import a KuaiTuanTuan export.",
                    "还没有团购：用 buys new 开团，或 buys import 导入快团团订单。"),
    "cli.cancel_reason": ("Cancelled: {reason}", "取消原因：{reason}"),
    "cli.item_line": ("  {name} {price} · ordered {ordered}{received}", "  {name} {price} · 订 {ordered}{received}"),
    "cli.item_received": (", received {n}", "，到货 {n}"),
    "cli.several_orders": ("  households with several orders, settled together:", "  同户多单合计："),
    "cli.unplaced": ("unplaced", "未归户"),
    "cli.money_due": ("due {due} paid {paid}", "应付 {due} 已付 {paid}"),
    "cli.money_refund": (" refund {money}", " 应退 {money}"),
    "cli.money_owes": (" owes {money}", " 待付 {money}"),
    "cli.order_cancelled": (" (cancelled)", " (已取消)"),
    "cli.no_refunds": ("No refunds owed.", "无需退款。"),
    "cli.refunds": ("Refunds owed:", "应退款："),
    "cli.unplaced_order": ("unplaced order {ids}", "未归户订单 {ids}"),
    "cli.buy_cancelled": ("Group buy {id} cancelled.", "已取消团购 {id}。"),
    "cli.arrival_item": ("{name}: ordered {ordered}, received {received} ({state})",
                         "{name}: 订 {ordered}, 到 {received} ({state})"),
    "cli.short": ("{n} short", "少 {n}"),
    "cli.in_full": ("in full", "足量"),
    "cli.preview": ("(preview: nothing saved)", "（预览，未保存）"),
    # bags and printing
    "cli.bags_made": ("“{title}”: {bags} bags for {households} households ({made} made, {kept} kept, {voided} voided)",
                      "“{title}”共 {bags} 袋，{households} 户（新装 {made}，保留 {kept}，作废 {voided}）"),
    "cli.written_to": ("written to {path}", "写入 {path}"),
    "cli.sent_to": ("sent to printer {printer} (request {request})", "发送到打印机 {printer}（任务 {request}）"),
    "cli.printed_labels": ("{count} labels {where}", "已将 {count} 张标签{where}"),
    "cli.printed_cards": ("{count} household cards {where}", "已将 {count} 张住户卡{where}"),
    "cli.printed_pickup": ("The pickup sheet ({count} page{s}) {where}", "已将取货单（{count} 页）{where}"),
    "cli.printed_sheet": ("The order sheet ({count} page{s}) {where}", "已将订货单（{count} 页）{where}"),
}

WORDS: dict[str, dict[str, tuple[str, str]]] = {
    # what placing an order did
    "order_outcome": {
        "added": ("added", "已下单"),
        "updated": ("changed", "已修改"),
        "unchanged": ("unchanged", "无变化"),
    },
}
