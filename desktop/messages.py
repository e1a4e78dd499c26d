"""The sentences users read for each error code, in English and Chinese.

Each says what is wrong and what to do. `{name}` fields come from the error's data.
"""

from __future__ import annotations

from desktop.errors import DeskError
from desktop.lang import current_language

MESSAGES: dict[str, tuple[str, str]] = {
    # addresses
    "address_empty": (
        "The address is empty: type a building and room, such as 12-301.",
        "地址不能为空：请输入楼号和房号，例如 12-301。",
    ),
    "address_no_room": (
        "“{text}” has no room number: add the room, such as 12-301.",
        "“{text}”没有房号：请补上房号，例如 12-301。",
    ),
    "address_no_building": (
        "Room “{text}” has no building: add the building, such as 12-301.",
        "房号“{text}”没有楼号：请补上楼号，例如 12-301。",
    ),
    "address_unrecognised": (
        "“{text}” is not an address: write it as building-room, such as 12-301 or 12-2-301.",
        "“{text}”不是有效地址：请写成 楼号-房号，例如 12-301 或 12-2-301。",
    ),
    "address_part_invalid": (
        "“{text}” is not a number: building, entrance and room are numbers, such as 12, 2 and 301.",
        "“{text}”不是数字：楼号、单元和房号应为数字，例如 12、2、301。",
    ),
    "address_parts_disagree": (
        "“{text}” does not match the building or entrance in the other columns: correct one of them.",
        "“{text}”与其他列的楼号或单元不一致：请改正其中一处。",
    ),
    "address_taken": (
        "Another household already lives at {address}: open that one instead.",
        "{address} 已有住户：请直接打开该住户修改。",
    ),
    # household fields
    "phone_invalid": (
        "“{text}” is not a phone number: type its digits, such as 13800138000.",
        "“{text}”不是电话号码：请输入数字，例如 13800138000。",
    ),
    "people_invalid": (
        "“{text}” is not a number of people: type a number from 1 to 20.",
        "“{text}”不是人数：请输入 1 到 20 之间的数字。",
    ),
    "people_out_of_range": (
        "{value} people is not possible: a household has 1 to {maximum}.",
        "人数 {value} 不合理：每户应为 1 到 {maximum} 人。",
    ),
    "delivery_invalid": (
        "“{text}” is not a delivery mode: use pickup or door.",
        "“{text}”不是配送方式：请填写 自提（pickup）或 送货上门（door）。",
    ),
    "flag_unknown": (
        "“{flag}” is not a known flag.",
        "“{flag}”不是已知的标记。",
    ),
    "name_too_long": (
        "The name is too long: at most {maximum} characters.",
        "姓名太长：最多 {maximum} 个字。",
    ),
    "notes_too_long": (
        "The notes are too long: at most {maximum} characters.",
        "备注太长：最多 {maximum} 个字。",
    ),
    "household_unknown": (
        "There is no household number {id}: check the number and try again.",
        "没有编号为 {id} 的住户：请检查编号。",
    ),
    # roster files
    "file_is_database": (
        "{path} is this compound's own database, not a file to import: choose the spreadsheet or export instead.",
        "{path} 是本小区自己的数据库，不是要导入的文件：请选择表格或导出文件。",
    ),
    "compound_name_empty": (
        "The compound's name is empty: type the name residents know it by, such as 梧桐苑.",
        "小区名称不能为空：请填写居民熟悉的名称，例如 梧桐苑。",
    ),
    "file_missing": (
        "There is no file at {path}: check the name and try again.",
        "找不到文件 {path}：请检查文件名。",
    ),
    "file_unreadable": (
        "{path} cannot be read: check that it exists and that you may open it.",
        "无法读取 {path}：请确认文件存在且有权限打开。",
    ),
    "file_format_unknown": (
        "{path} is not a CSV or XLSX file: save the roster as CSV or Excel (.xlsx) and try again.",
        "{path} 不是 CSV 或 XLSX 文件：请另存为 CSV 或 Excel（.xlsx）后再导入。",
    ),
    "file_encoding_unknown": (
        "{path} is in a text encoding that cannot be read: save it as CSV UTF-8 and try again.",
        "{path} 的文字编码无法识别：请另存为“CSV UTF-8”后再导入。",
    ),
    "file_encodings_mixed": (
        "{path} mixes text encodings: line {line} is {encoding} but line {first} is {first_encoding}. Open it in Excel, save it again as “CSV UTF-8” and import that.",
        "{path} 混用了两种文字编码：第 {line} 行是 {encoding}，而第 {first} 行是 {first_encoding}。请用 Excel 打开，另存为“CSV UTF-8”后再导入。",
    ),
    "file_line_encoding_unknown": (
        "Line {line} of {path} is in a text encoding that cannot be read: open the file in Excel, save it again as “CSV UTF-8” and import that.",
        "{path} 第 {line} 行的文字编码无法识别：请用 Excel 打开，另存为“CSV UTF-8”后再导入。",
    ),
    "roster_too_many_rows": (
        "{path} has more than {maximum} rows, more than any compound's roster: check that you chose the right file.",
        "{path} 超过 {maximum} 行，不像一个小区的住户名单：请确认选对了文件。",
    ),
    "roster_prefer_invalid": (
        "“{text}” is not a choice for conflicts: use program or file.",
        "“{text}”不是冲突的处理方式：请用 program（保留本程序的）或 file（采用文件的）。",
    ),
    "phone_length": (
        "“{text}” has {count} digits, which no phone number has: a mobile has 11 (such as 13800138000), a landline 7 or 8, or 10 to 12 with its area code.",
        "“{text}”有 {count} 位数字，不是电话号码：手机号 11 位（例如 13800138000），座机 7 或 8 位，带区号 10 到 12 位。",
    ),
    "xlsx_corrupt": (
        "{path} is not a readable Excel file: open it in Excel, save it again as .xlsx and retry.",
        "{path} 不是可读取的 Excel 文件：请用 Excel 打开后重新另存为 .xlsx 再导入。",
    ),
    "file_too_large": (
        "{path} is too large for a roster ({size} MB, at most {maximum} MB): check that you chose the right file.",
        "{path} 太大，不像住户名单（{size} MB，最多 {maximum} MB）：请确认选对了文件。",
    ),
    "csv_unreadable": (
        "{path} cannot be read as a table from line {line} on: open it in Excel, save it again as CSV and retry.",
        "{path} 从第 {line} 行起无法按表格读取：请用 Excel 打开后重新另存为 CSV 再导入。",
    ),
    "roster_no_header": (
        "{path} has no header row this program recognises: it needs an address column (地址) or building and room columns (楼号, 房号).",
        "{path} 没有可识别的表头：需要“地址”列，或“楼号”和“房号”两列。",
    ),
    "export_unwritable": (
        "{path} cannot be written: choose another folder or close the file in Excel.",
        "无法写入 {path}：请换一个文件夹，或先在 Excel 中关闭该文件。",
    ),
    "export_format_unknown": (
        "{path} must end in .csv or .xlsx.",
        "{path} 的文件名必须以 .csv 或 .xlsx 结尾。",
    ),
    # database
    "db_missing": (
        "There is no database at {path}: check the path, or leave out --db to use the default.",
        "找不到数据库 {path}：请检查路径，或不加 --db 使用默认数据库。",
    ),
    "db_not_database": (
        "{path} is not a Compound Desk database: choose the right file or restore a backup.",
        "{path} 不是小区保供台的数据库：请选择正确的文件或恢复备份。",
    ),
    "db_too_new": (
        "{path} was written by a newer Compound Desk (schema {version}, this program knows up to {supported}): install the newer version to open it. Nothing was changed.",
        "{path} 由更新版本的小区保供台写入（数据版本 {version}，本程序最高支持 {supported}）：请安装新版本后再打开。文件未被改动。",
    ),
    "db_read_only": (
        "{path} is read-only, so nothing can be changed: copy it to a folder you can write to, or ask for write permission.",
        "{path} 是只读文件，无法修改：请复制到可写的文件夹，或申请写权限。",
    ),
    "db_read_only_old": (
        "{path} is read-only and from an older version, so it cannot be upgraded: copy it to a folder you can write to.",
        "{path} 是只读的旧版本文件，无法升级：请复制到可写的文件夹后再打开。",
    ),
    "db_locked": (
        "{path} is in use by another program: close the other Compound Desk window and try again. Nothing was changed.",
        "{path} 正被另一个程序使用：请关闭另一个小区保供台窗口后重试。文件未被改动。",
    ),
    "disk_full": (
        "The disk is full, so the change was undone: free some space and try again.",
        "磁盘已满，本次操作已撤销：请清理空间后重试。",
    ),
    "db_damaged": (
        "{path} is damaged: restore the newest backup (compound-desk restore).",
        "{path} 已损坏：请恢复最近的备份（compound-desk restore）。",
    ),
    "db_cannot_open": (
        "{path} cannot be opened: check that the folder exists and you may use it.",
        "无法打开 {path}：请确认文件夹存在且有权限。",
    ),
    "db_cannot_create": (
        "A database cannot be created at {path}: choose a folder you can write to.",
        "无法在 {path} 创建数据库：请选择可写的文件夹。",
    ),
    "db_error": (
        "The database reported a problem ({detail}): nothing was changed; try again, and restore a backup if it persists.",
        "数据库出现问题（{detail}）：未做任何改动；请重试，如仍出错请恢复备份。",
    ),
    "backup_failed": (
        "A backup could not be written to {path}: check the folder and free space.",
        "无法写入备份 {path}：请检查文件夹和剩余空间。",
    ),
    "backup_failed_check": (
        "The backup at {path} failed its check ({detail}) and was removed: the database itself may be damaged.",
        "备份 {path} 未通过检查（{detail}），已删除：数据库本身可能已损坏。",
    ),
    "backup_not_good": (
        "{path} is not a good backup ({detail}): choose another one.",
        "{path} 不是完好的备份（{detail}）：请选择另一个备份。",
    ),
    "export_folder_invalid": (
        "{path} is not a complete export-all folder ({detail}): export again from a working database.",
        "{path} 不是完整的全量导出文件夹（{detail}）：请从正常的数据库重新导出。",
    ),
    "export_target_exists": (
        "{path} already exists: choose a new file name to rebuild into.",
        "{path} 已存在：请指定一个新的文件名来重建。",
    ),
    # files that are not what they seem
    "output_is_link": (
        "{path} is a shortcut (symbolic link) to another file: choose a plain file name instead.",
        "{path} 是指向别处的快捷方式（符号链接）：请另选一个普通文件名。",
    ),
    "output_not_regular": (
        "{path} is not an ordinary file (a pipe or a device): choose a file in a folder instead.",
        "{path} 不是普通文件（而是管道或设备）：请在文件夹中选择一个文件。",
    ),
    "db_is_folder": (
        "{path} is a folder, not a database file: give the database file inside it, such as {path}/compound.sqlite.",
        "{path} 是文件夹，不是数据库文件：请指定其中的数据库文件，例如 {path}/compound.sqlite。",
    ),
    "db_not_regular": (
        "{path} is not an ordinary file (a pipe or a device), so it cannot be a database: give the database file.",
        "{path} 不是普通文件（而是管道或设备），不可能是数据库：请指定数据库文件。",
    ),
    "disk_full_check": (
        "The disk holding {path} is full, so the file could not be checked (nothing says it is damaged): free some space and check again.",
        "{path} 所在的磁盘已满，无法检查该文件（并不表示文件已损坏）：请清理空间后再检查。",
    ),
    "db_schema_altered": (
        "{path} was changed outside Compound Desk ({detail}), so its rules cannot be trusted: restore the newest good backup (compound-desk restore).",
        "{path} 曾在小区保供台之外被改动（{detail}），其规则已不可信：请恢复最近的完好备份（compound-desk restore）。",
    ),
    "db_in_use": (
        "{path} is open in another Compound Desk window or command: close it there, then restore again. Nothing was changed.",
        "{path} 正在另一个小区保供台窗口或命令中打开：请先关闭它，再重新恢复。文件未被改动。",
    ),
    "restore_failed": (
        "{path} could not be replaced: check that you may write to its folder and the disk has room. The file in use was left as it was.",
        "无法替换 {path}：请确认对其所在文件夹有写权限且磁盘有空间。正在使用的文件保持原样。",
    ),
    "db_cannot_restore_there": (
        "There is no folder for {path}: check the path given with --db.",
        "{path} 所在的文件夹不存在：请检查 --db 给出的路径。",
    ),
    # restoring
    "backup_empty": (
        "{path} is empty (0 bytes), so it is not a backup: choose another file. Nothing was changed.",
        "{path} 是空文件（0 字节），不是备份：请选择其他文件。未做任何改动。",
    ),
    "backup_not_regular": (
        "{path} is not an ordinary file (a pipe or a device), so it is not a backup: choose a backup file.",
        "{path} 不是普通文件（而是管道或设备），不是备份：请选择备份文件。",
    ),
    "backup_not_compound_desk": (
        "{path} is not a Compound Desk database, so it was not restored: choose a backup made by Compound Desk. Nothing was changed.",
        "{path} 不是小区保供台的数据库，未恢复：请选择小区保供台做的备份。未做任何改动。",
    ),
    "backup_too_new": (
        "{path} comes from a newer Compound Desk (data version {version}; this one reads up to {supported}): install the newer version to restore it. Nothing was changed.",
        "{path} 来自更新版本的小区保供台（数据版本 {version}，本程序最高支持 {supported}）：请安装新版本后再恢复。未做任何改动。",
    ),
    "backup_schema_altered": (
        "{path} was changed outside Compound Desk ({detail}), so it was not restored: choose another backup. Nothing was changed.",
        "{path} 曾在小区保供台之外被改动（{detail}），未恢复：请选择其他备份。未做任何改动。",
    ),
    "backup_no_compound": (
        "{path} holds no compound, so it is not a whole backup: choose another one. Nothing was changed.",
        "{path} 中没有小区信息，不是完整的备份：请选择其他备份。未做任何改动。",
    ),
    "backup_other_compound": (
        "{path} is a backup of another compound: to put it in place of this one all the same, add --other-compound. Nothing was changed.",
        "{path} 是另一个小区的备份：如确要用它替换本小区的数据，请加上 --other-compound。未做任何改动。",
    ),
    "backup_is_database": (
        "{path} is the database itself, not a backup of it: choose a file from the backups folder.",
        "{path} 就是数据库本身，不是它的备份：请从备份文件夹中选择文件。",
    ),
    # the compound secret
    "secret_only_for_export": (
        "--with-secret only goes with an export-all folder; a backup file already holds its secret.",
        "--with-secret 只用于全量导出文件夹；备份文件本身已含密钥。",
    ),
    "secret_file_invalid": (
        "{path} is not a secret file written by compound-desk secret export: give that file.",
        "{path} 不是 compound-desk secret export 写出的密钥文件：请指定该文件。",
    ),
    "secret_other_compound": (
        "{path} is the secret of another compound, not of this export: give this compound's secret file, or leave out --with-secret to make a new secret.",
        "{path} 是另一个小区的密钥，不属于这份导出：请指定本小区的密钥文件，或去掉 --with-secret 生成新密钥。",
    ),
    "secret_unwritable": (
        "The secret cannot be written to {path}: choose a folder that exists and you may write to.",
        "无法把密钥写入 {path}：请选择一个存在且可写的文件夹。",
    ),
    "cancelled": (
        "Stopped: nothing was changed.",
        "已停止：未做任何改动。",
    ),
    # the window
    "page_unknown": (
        "There is no “{page}” page yet: use --page {pages}.",
        "还没有“{page}”页面：请使用 --page {pages}。",
    ),
    "size_invalid": (
        "“{text}” is not a window size: write width x height, such as 1366x768.",
        "“{text}”不是窗口尺寸：请写成 宽x高，例如 1366x768。",
    ),
    "screenshot_unwritable": (
        "The screenshot cannot be written to {path}: choose a folder that exists and you may write to.",
        "无法把截图写入 {path}：请选择一个存在且可写的文件夹。",
    ),
    "demo_households_range": (
        "{value} households is not possible for a demo: choose 1 to 20000.",
        "示例住户数 {value} 不合理：请选择 1 到 20000。",
    ),
    "demo_not_empty": (
        "The database already has households: demo only fills an empty one. Use --db with a new file.",
        "数据库中已有住户：示例数据只能写入空数据库。请用 --db 指定一个新文件。",
    ),
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
        "“{title}”{status_zh}：商品已不能再修改。",
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
        "“{title}”{status_zh}，不能改为“{to_zh}”。",
    ),
    "settle_refunds_owed": (
        "Refunds of {amount} are still owed: pay them out before settling the group buy.",
        "还有 {amount} 的退款未退：请先退款再结清团购。",
    ),
    # orders
    "buy_not_open": (
        "“{title}” is {status} and takes no more orders: orders are taken only while a group buy is open.",
        "“{title}”{status_zh}，不再接单：团购只有在进行中才能下单。",
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
        "“{title}”{status_zh}：订单已不能撤回。",
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
        "“{title}”{status_zh}：到货已不能再修改。",
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
        "“{title}”{status_zh}：已发放的团购不能取消。",
    ),
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
    "ktt_summary_price_differs": (
        "{item}: 商品汇总表 says {summary}, the order rows {rows}; the rows' price is used.",
        "{item}：商品汇总表 写 {summary}，订单行为 {rows}；按订单行的价格。",
    ),
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
    "storage_spec_invalid": (
        "“{text}” is not ITEM=STORAGE: write it like 冰淇淋=frozen (ambient, chilled or frozen).",
        "“{text}”不是 商品=存储方式 的格式：请写成 冰淇淋=frozen（ambient、chilled 或 frozen）。",
    ),
    "storage_item_unknown": (
        "“{item}” is not an item of this export: its items are {items}.",
        "“{item}”不是这个导出文件里的商品：商品有 {items}。",
    ),
    "ktt_not_xlsx": (
        "{path} is not an Excel (.xlsx) file: in KuaiTuanTuan export the orders to Excel and import that file.",
        "{path} 不是 Excel（.xlsx）文件：请在快团团中把订单导出为 Excel 后再导入。",
    ),
    "ktt_not_export": (
        "{path} is not a KuaiTuanTuan order export: no sheet has its columns (跟团号, 商品, 数量). Export the orders from KuaiTuanTuan and import that file.",
        "{path} 不是快团团订单导出文件：没有工作表含有跟团号、商品、数量等列。请从快团团导出订单后再导入。",
    ),
    "ktt_missing_columns": (
        "{path} lacks the columns {columns}: export the orders again from KuaiTuanTuan with these columns.",
        "{path} 缺少这些列：{columns}。请在快团团中重新导出包含这些列的订单。",
    ),
    "ktt_no_orders": (
        "{path} has no orders in it: check that it is the right export.",
        "{path} 中没有订单：请确认导出的文件是否正确。",
    ),
    "ktt_row_without_order": (
        "Row {row} has no 跟团号 and follows no order: it was left out.",
        "第 {row} 行没有跟团号，也不属于上面的订单：已跳过。",
    ),
    "ktt_line_unreadable": (
        "跟团号 {ref}, row {row}: the quantity of {product} cannot be read (empty, or a formula without a saved value); that line was left out.",
        "跟团号 {ref} 第 {row} 行：{product} 的数量无法读取（为空，或是未保存结果的公式）；该行已跳过。",
    ),
    "ktt_price_unknown": (
        "No price was found for {item}: it was imported at ¥0; check the price.",
        "没有找到 {item} 的价格：已按 ¥0 导入，请核对价格。",
    ),
    "ktt_price_differs": (
        "{item}: the file's price {file} differs from the {kept} already recorded; the recorded price was kept.",
        "{item}：文件中的价格 {file} 与已记录的 {kept} 不同；保留已记录的价格。",
    ),
    "ktt_placed_by_phone": (
        "跟团号 {ref} gives no address: placed at the household with phone {phone}; check it.",
        "跟团号 {ref} 没有地址：已按电话 {phone} 归到对应住户，请核对。",
    ),
    "ktt_unplaced": (
        "跟团号 {ref}: no address could be read (“{text}”) and no household has its phone; imported without a household.",
        "跟团号 {ref}：无法识别地址（“{text}”），也没有电话相同的住户；已导入为未归户订单。",
    ),
    "ktt_household_balances": (
        "{address}: 跟团号 {refs} were paid {amount} together, what their lines come to; they are "
        "settled as one household.",
        "{address}：跟团号 {refs} 合计实付 {amount}，与商品合计相符；按同一户合并结算。",
    ),
    "ktt_amount_differs": (
        "跟团号 {ref}: paid {paid} on the platform, but its lines come to {due}; check it.",
        "跟团号 {ref}：平台实付 {paid}，但商品合计 {due}；请核对。",
    ),
    "ktt_amount_unknown": (
        "跟团号 {ref}: the amount paid cannot be read; no payment was recorded for it.",
        "跟团号 {ref}：无法读取实付金额；未记录付款。",
    ),
    "ktt_no_amounts": (
        "The export has no amounts (订单金额, 商品金额): no platform payments were recorded; record what each household paid by hand.",
        "导出文件中没有金额列（订单金额、商品金额）：未记录平台付款；请手动登记各户付款。",
    ),
    "ktt_order_too_late": (
        "跟团号 {ref} is new or changed, but the group buy is {status}: it was not changed.",
        "跟团号 {ref} 是新的或有改动，但团购{status_zh}：未做修改。",
    ),
    "ktt_order_not_in_file": (
        "跟团号 {ref} was imported before but is not in this file: check whether it was cancelled on KuaiTuanTuan.",
        "跟团号 {ref} 以前导入过，但这次的文件中没有：请确认是否已在快团团取消。",
    ),
    "ktt_over_cap": (
        "跟团号 {refs}: one household ordered {total} of {item}, over the cap of {cap}.",
        "跟团号 {refs}：同一户共订 {item} {total} 份，超过限购 {cap}。",
    ),
    "order_item_spec_invalid": (
        "“{text}” is not an item and quantity: write NAME=QTY, such as 冷冻饺子=2.",
        "“{text}”不是“商品=数量”：请写成 名称=数量，例如 冷冻饺子=2。",
    ),
    "received_spec_invalid": (
        "“{text}” is not an item and the quantity received: write ITEM=QTY, such as 冷冻饺子=80.",
        "“{text}”不是“商品=到货数量”：请写成 名称=数量，例如 冷冻饺子=80。",
    ),
    "cap_spec_invalid": (
        "“{text}” is not an item and its cap: write NAME=N, such as 冷冻饺子=2.",
        "“{text}”不是“商品=限购数”：请写成 名称=数量，例如 冷冻饺子=2。",
    ),
    # WeChat 接龙 lists
    "chain_nothing_recognised": (
        "No order line was recognised in the 接龙 list: each starts with a number, an address and a quantity, such as “1. 12-301 张 2箱”.",
        "接龙中没有可识别的订单行：每行应以序号开头，含地址和数量，例如“1. 12-301 张 2箱”。",
    ),
    "chain_line_too_long": (
        "This line is longer than {limit} characters, too long for one order: split it into "
        "one numbered line per household.",
        "这一行超过 {limit} 个字，不像一条订单：请每户写一行并编号。",
    ),
    "chain_not_numbered": (
        "not numbered: an order line starts with its number, such as “6. 12-301 张 2箱”",
        "没有序号：订单行应以序号开头，例如“6. 12-301 张 2箱”",
    ),
    "chain_no_address": (
        "no address: write building and room, such as 12-301",
        "没有地址：请写楼号和房号，例如 12-301",
    ),
    "chain_no_quantity": (
        "no quantity: write how many, such as 2 or 两箱",
        "没有数量：请写明数量，例如 2 或 两箱",
    ),
    "chain_no_quantity_for": (
        "no quantity for {item}",
        "{item} 没有数量",
    ),
    "chain_many_quantities": (
        "more than one quantity: write one, such as 2箱",
        "有多个数量：请只写一个，例如 2箱",
    ),
    "chain_which_item": (
        "which item? name one of {items} with its quantity",
        "哪个商品？请写明 {items} 之一及数量",
    ),
    "chain_zero_quantity": (
        "the quantity of {item} must be 1 or more",
        "{item} 的数量应为 1 或以上",
    ),
    "chain_quantity_too_large": (
        "{value} of {item} is more than anyone orders (at most {maximum})",
        "{item} 的数量 {value} 太大（最多 {maximum}）",
    ),
    "chain_not_in_roster": (
        "{address} is not in the roster: add the household from this list (--add-households on "
        "the command line) or on the roster page first",
        "名单中没有 {address}：可在此列表中添加这户（命令行用 --add-households），或先在住户页添加",
    ),
    "chain_over_cap": (
        "{asked} of {item} is over the cap of {cap} per household",
        "{item} 每户限购 {cap}，共订了 {asked}",
    ),
    "chain_listed_twice": (
        "{address} is listed on lines {earlier} and {later}: line {later} was kept.",
        "{address} 在第 {earlier} 行和第 {later} 行都出现了：以第 {later} 行为准。",
    ),
    "chain_replaces_order": (
        "{address} already had an order: line {line} replaced it.",
        "{address} 原来已有订单：已按第 {line} 行替换。",
    ),
    # bags, codes and printing
    "bags_buy_cancelled": (
        "“{title}” was cancelled: it has no bags to make.",
        "“{title}”已取消：不能再分装。",
    ),
    "bags_buy_not_arrived": (
        "“{title}” is {status}: bags are made once the goods have arrived. Record the arrival first.",
        "“{title}”{status_zh}：到货后才能分装。请先登记到货。",
    ),
    "bags_buy_handed_out": (
        "“{title}” is {status}: its bags were handed out and cannot be made again.",
        "“{title}”{status_zh}：袋子已发放，不能重新分装。",
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
    # the gate
    "gate_card_invalid": (
        "“{text}” is not a household card of this compound: scan the card the household was given.",
        "“{text}”不是本小区的住户卡：请扫描发给该户的住户卡。",
    ),
    "gate_action_invalid": (
        "“{action}” is not a handoff to record: use pickup, door or gate.",
        "“{action}”不是可登记的交接：请用 pickup（自取）、door（送上门）或 gate（到门岗）。",
    ),
    "gate_undo_reason_empty": (
        "Say why the handoff is undone: the reason is kept with the record.",
        "请写明撤销原因：原因会随记录保存。",
    ),
    "gate_undo_not_a_bag": (
        "“{text}” is not a bag of this compound: scan the bag whose handoff should be undone.",
        "“{text}”不是本小区的袋子：请扫描要撤销交接的那一袋。",
    ),
    "gate_nothing_to_undo": (
        "Bag {text} ({address}) has no handoff to undo.",
        "袋子 {text}（{address}）没有可撤销的交接记录。",
    ),
    "gate_guard_name_empty": (
        "Type your name: every handoff is recorded with the guard who made it.",
        "请填写您的姓名：每次交接都会记下经手的门岗人员。",
    ),
    "gate_guard_name_is_code": (
        "That is a code, not a name: type your name, then scan.",
        "这是一个编码，不是姓名：请先填写您的姓名，再扫码。",
    ),
    "gate_decision_reason_empty": (
        "Say why this bag is recorded so: the reason is kept with the record.",
        "请写明这样登记的原因：原因会随记录保存。",
    ),
    "gate_decision_void": (
        "Bag {text} ({address}) is void: it may not be handed over, so nothing was recorded.",
        "袋子 {text}（{address}）已作废：不能交付，未作登记。",
    ),
    "gate_decision_same": (
        "Bag {text} ({address}) is already recorded so: nothing to change.",
        "袋子 {text}（{address}）已经这样登记过了：无需更改。",
    ),
    "gate_decision_wrong_household": (
        "Bag {text} is for {address}, not for the household of the card shown ({card}): "
        "nothing was recorded.",
        "袋子 {text} 属于 {address}，不是所出示住户卡（{card}）的：未作登记。",
    ),
    "gate_limit_invalid": (
        "“{text}” is not a number of minutes: type a whole number from 1 to {maximum}.",
        "“{text}”不是分钟数：请填写 1 到 {maximum} 之间的整数。",
    ),
    "door_run_empty": (
        "No bag is waiting to be carried to a door: nothing to print.",
        "没有等待送上门的袋子：无需打印。",
    ),
}


def describe(error: DeskError, lang: str | None = None) -> str:
    """One plain sentence for an error, in the user's language."""
    lang = lang or current_language()
    english, chinese = MESSAGES.get(error.code, (error.code, error.code))
    template = chinese if lang == "zh" else english
    try:
        return template.format(**error.data)
    except (KeyError, IndexError):
        return template
