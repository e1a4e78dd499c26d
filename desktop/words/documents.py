"""Printed pages and exported sheets: each page's words under its own prefix (`pickup.sheet`).

A page reads all of its words at once with `phrases("pickup", lang)`, in the compound's print
language. `{x_s}` fields are English plural endings.
"""

SENTENCES: dict[str, tuple[str, str]] = {
    # the pickup sheet
    "pickup.sheet": ("Pickup sheet", "取货单"),
    "pickup.address": ("Address", "地址"),
    "pickup.name": ("Name", "户主"),
    "pickup.bags": ("Bags", "袋"),
    "pickup.items": ("Items", "物品"),
    "pickup.sign": ("Signature", "签收"),
    "pickup.building": ("Building {b} · {h} household{h_s} · {n} bag{n_s}", "{b}号楼 · {h} 户 · {n} 袋"),
    "pickup.total": ("{h} household{h_s} · {n} bag{n_s}", "共 {h} 户 · {n} 袋"),
    "pickup.page": ("Page {x} of {y}", "第 {x} 页 / 共 {y} 页"),
    "pickup.cut": ("cut here", "沿此线剪开"),
    "pickup.door": ("door", "送上门"),
    "pickup.printed": ("Printed {date}", "打印于 {date}"),
    "pickup.owes": ("Owes {money}", "还欠 {money}"),
    "pickup.refund": ("Refund {money}", "应退 {money}"),
    "pickup.owed_total": ("{money} still owed", "共还欠 {money}"),
    "pickup.short_key": ("3→2: ordered 3, got 2", "3→2：订 3 件，到 2 件"),
    "pickup.note": ("Note: {note}", "备注：{note}"),
    # the door-delivery run
    "door_run.title": ("Door-delivery run", "送货上门清单"),
    "door_run.building": ("Building {b}", "{b}号楼"),
    "door_run.count": ("{h} households · {n} bags", "{h} 户 · {n} 袋"),
    "door_run.address": ("Address", "地址"),
    "door_run.name": ("Name", "户主"),
    "door_run.bags": ("Bags", "袋子"),
    "door_run.note": ("Delivered at / note", "送达时间 / 备注"),
    "door_run.bag": ("bag {i} of {m} · {storage} · {buy}", "第 {i}/{m} 袋 · {storage} · {buy}"),
    "door_run.door": ("door delivery", "送上门"),
    "door_run.sealed": ("sealed building", "封控楼"),
    "door_run.page": ("Page {x} of {y}", "第 {x} 页 / 共 {y} 页"),
    # the supplier's order sheet as a PDF
    "supplier_sheet.title": ("Order sheet · {title}", "订货单 · {title}"),
    "supplier_sheet.item": ("Item", "商品"),
    "supplier_sheet.pack": ("Pack", "规格"),
    "supplier_sheet.storage": ("Storage", "存放"),
    "supplier_sheet.quantity": ("Quantity", "数量"),
    "supplier_sheet.price": ("Price", "单价"),
    "supplier_sheet.amount": ("Amount", "金额"),
    "supplier_sheet.supplier": ("Supplier:", "商家："),
    "supplier_sheet.compound": ("Compound:", "小区："),
    "supplier_sheet.status": ("Status:", "状态："),
    "supplier_sheet.deadline": ("Deadline:", "截止："),
    "supplier_sheet.made": ("Made:", "制表："),
    "supplier_sheet.page": ("Page {x} of {y}", "第 {x} 页 / 共 {y} 页"),
    "supplier_sheet.total": ("Total", "合计"),
    # the order sheet as a spreadsheet
    "order_sheet.buy": ("group buy", "团购"),
    "order_sheet.supplier": ("supplier", "商家"),
    "order_sheet.compound": ("compound", "小区"),
    "order_sheet.status": ("status", "状态"),
    "order_sheet.deadline": ("deadline", "截止"),
    "order_sheet.made": ("made at", "制表时间"),
    "order_sheet.item": ("item", "商品"),
    "order_sheet.pack": ("pack size", "规格"),
    "order_sheet.unit": ("unit", "单位"),
    "order_sheet.storage": ("storage", "存放"),
    "order_sheet.quantity": ("quantity", "数量"),
    "order_sheet.price": ("unit price (yuan)", "单价（元）"),
    "order_sheet.amount": ("amount (yuan)", "金额（元）"),
    "order_sheet.total": ("total", "合计"),
    # household cards
    "card.title": ("Household card", "住户卡"),
    "card.note": ("Show this card at the gate to collect your household's bags.", "在门岗出示此卡，领取本户的袋子。"),
    # bag labels
    "label.door": ("DOOR", "送上门"),
    "label.more": ("+{rest} more", "等{rest}样"),
}
