"""The gate: cards, handoffs, undo and the guard's decisions."""

SENTENCES: dict[str, tuple[str, str]] = {
    # the gate
    "gate_card_invalid": ("“{text}” is not a household card of this compound: scan the card the household was given.",
                          "“{text}”不是本小区的住户卡：请扫描发给该户的住户卡。"),
    "gate_action_invalid": ("“{action}” is not a handoff to record: use pickup, door or gate.",
                            "“{action}”不是可登记的交接：请用 pickup（自取）、door（送上门）或 gate（到门岗）。"),
    "gate_undo_reason_empty": ("Say why the handoff is undone: the reason is kept with the record.",
                               "请写明撤销原因：原因会随记录保存。"),
    "gate_undo_not_a_bag": ("“{text}” is not a bag of this compound: scan the bag whose handoff should be undone.",
                            "“{text}”不是本小区的袋子：请扫描要撤销交接的那一袋。"),
    "gate_nothing_to_undo": ("Bag {text} ({address}) has no handoff to undo.",
                             "袋子 {text}（{address}）没有可撤销的交接记录。"),
    "gate_guard_name_empty": ("Type your name: every handoff is recorded with the guard who made it.",
                              "请填写您的姓名：每次交接都会记下经手的门岗人员。"),
    "gate_guard_name_is_code": ("That is a code, not a name: type your name, then scan.",
                                "这是一个编码，不是姓名：请先填写您的姓名，再扫码。"),
    "gate_decision_reason_empty": ("Say why this bag is recorded so: the reason is kept with the record.",
                                   "请写明这样登记的原因：原因会随记录保存。"),
    "gate_decision_void": ("Bag {text} ({address}) is void: it may not be handed over, so nothing was recorded.",
                           "袋子 {text}（{address}）已作废：不能交付，未作登记。"),
    "gate_decision_same": ("Bag {text} ({address}) is already recorded so: nothing to change.",
                           "袋子 {text}（{address}）已经这样登记过了：无需更改。"),
    "gate_decision_wrong_household": (
        "Bag {text} is for {address}, not for the household of the card shown ({card}): "
        "nothing was recorded.",
        "袋子 {text} 属于 {address}，不是所出示住户卡（{card}）的：未作登记。",
    ),
    "gate_undo_needs_committee": (
        "Bag {text}'s handoff was recorded at another station ({station}): a committee member must approve undoing it.",
        "袋子 {text} 的交接是在其他站点（{station}）登记的：撤销需要居委会成员批准。"),
    "gate_undo_needs_committee_late": (
        "Bag {text}'s handoff was recorded over {minutes} minutes ago: a committee member must approve undoing it.",
        "袋子 {text} 的交接已登记超过 {minutes} 分钟：撤销需要居委会成员批准。"),
    "gate_decision_needs_committee": (
        "Bag {text}'s handoff was recorded at another station ({station}): a committee member must approve changing it.",
        "袋子 {text} 的交接是在其他站点（{station}）登记的：更正需要居委会成员批准。"),
    "gate_decision_needs_committee_late": (
        "Bag {text}'s handoff was recorded over {minutes} minutes ago: a committee member must approve changing it.",
        "袋子 {text} 的交接已登记超过 {minutes} 分钟：更正需要居委会成员批准。"),
    "gate_approver_not_committee": ("{name} is not an active committee member: name a committee member who approves it.",
                                    "{name} 不是在任的居委会成员：请写明批准的居委会成员。"),
    "gate_limit_invalid": ("“{text}” is not a number of minutes: type a whole number from 1 to {maximum}.",
                           "“{text}”不是分钟数：请填写 1 到 {maximum} 之间的整数。"),
    "door_run_empty": ("No bag is waiting to be carried to a door: nothing to print.",
                       "没有等待送上门的袋子：无需打印。"),
    # the gate's answers on the command line
    "gate.handoff": ("{action} at {when} by {who} at {where}", "{when} {action}，经手：{who}，地点：{where}"),
    "gate.handoff_proxy": (", collected for them by {proxy}", "，代取人：{proxy}"),
    "gate.someone_unnamed": ("someone unnamed", "未署名"),
    "gate.unnamed": ("unnamed", "未署名"),
    "gate.bag": ("{address} · bag {index} of {count} · {storage} · {buy}",
                 "{address} · 第 {index}/{count} 袋 · {storage} · {buy}"),
    "gate.waiting_bag": ("  ☐ {buy} · bag {index} of {count} · {storage} · {code}{at_gate}",
                         "  ☐ {buy} · 第 {index}/{count} 袋 · {storage} · {code}{at_gate}"),
    "gate.at_gate": (" (at the gate)", "（在门岗）"),
    "gate.nothing_else": ("  Nothing else is waiting for this household", "  该户没有其他待取的袋子"),
    "gate.also_waiting": ("  Also waiting for this household: {n} bag{s} ({kinds}):",
                          "  该户还有 {n} 袋待取（{kinds}）："),
    "gate.kind_count": ("{n} {storage}", "{storage} {n} 袋"),
    "gate.recorded": ("✓ Recorded: {handoff}", "✓ 已登记：{handoff}"),
    "gate.may_hand_over": ("✓ May be handed over", "✓ 可以交付"),
    "gate.already_handed_over": ("✗ Refused: already handed over — {handoff}", "✗ 拒绝：已交付过 — {handoff}"),
    "gate.wrong_household": ("✗ Refused: a bag of another household (not {card}'s)",
                             "✗ 拒绝：这是别户的袋子（不是 {card} 的）"),
    "gate.refused": ("✗ Refused: {why}", "✗ 拒绝：{why}"),
    "gate.card_waiting": ("Household card {address}: {n} bag{s} waiting", "住户卡 {address}：{n} 袋待取"),
    "gate.exported": ("Exported {count} custody events to {path}", "已将 {count} 条交接记录导出到 {path}"),
    "gate.undone": ("Undone: {handoff} · {address}", "已撤销：{handoff} · {address}"),
    "gate.door_run_written": ("Wrote the door-delivery run ({pages} page{s}) to {path}",
                              "已将送货上门清单（{pages} 页）写入 {path}"),
    "gate.bags_waiting": ("{n} bags waiting", "{n} 袋待取"),
    "gate.clock_behind": ("{hours} h {minutes} min", "{hours} 小时 {minutes} 分钟"),
    "gate.clock_jumped": ("! This computer's clock is {behind} behind (it was set back): waiting times are counted by {basis}",
                          "! 电脑时钟慢了 {behind}（被往回调过）：等待时长按{basis}计算"),
    "gate.refused_scans": ("{n} refused scan{s} of code-shaped text", "{n} 次可疑扫码"),
    "gate.settings": ("Frozen limit {frozen} min, chilled limit {chilled} min; sealed buildings: {sealed}",
                      "冷冻限时 {frozen} 分钟，冷藏限时 {chilled} 分钟；封控楼：{sealed}"),
    "gate.none": ("none", "无"),
}

WORDS: dict[str, dict[str, tuple[str, str]]] = {
    # what happened to a bag, as its handoff record says
    "handoff": {
        "packed": ("packed", "已分装"),
        "gate": ("arrived at the gate", "已到门岗"),
        "pickup": ("picked up", "已取走"),
        "door": ("delivered to the door", "已送上门"),
        "returned": ("returned", "已退回"),
        "spoiled": ("spoiled", "已变质"),
        "reversal": ("undone", "已撤销"),
    },
    # why a scanned bag or card may not be handed over
    "void": {
        "buy_cancelled": ("a void bag of a cancelled buy", "作废的袋子：该团购已取消"),
        "remade": ("a void bag: it was packed again with a new label", "作废的袋子：已重新分装并换了新标签"),
        "order_withdrawn": ("a void bag: its order was withdrawn", "作废的袋子：该订单已撤回"),
        "spoiled": ("a spoiled bag: it may not be handed over", "已变质的袋子：不能交付"),
        "card_replaced": ("a replaced household card: ask for the new card", "已作废的住户卡：请出示新卡"),
    },
    # why a scanned code is refused
    "refusal": {
        "forged": ("a forged label: its signature is wrong", "伪造的标签：签名不对"),
        "other_compound": ("a label from another compound", "其他小区的标签"),
        "unknown": ("no bag or card this station knows has this code", "本站点不认识这个编码"),
        "invalid": ("not a code of this compound", "不是本小区的编码"),
        "mistyped": ("a mistyped code: check its characters and type it again", "编码有输错的字符：请核对后重输"),
    },
    # a refused scan, in the list of suspicious ones
    "refused_scan": {
        "forged": ("forged", "伪造"),
        "other_compound": ("another compound's", "其他小区"),
        "invalid": ("not this compound's", "非本小区"),
    },
    # what waiting times are counted by when the computer's clock went back
    "clock_basis": {
        "steady": ("the program's steady clock", "本程序的稳定时钟"),
        "handoff": ("the time of the latest recorded handoff", "最近一次交接登记的时间"),
    },
}
