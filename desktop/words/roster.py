"""The roster's sentences: addresses, household fields and roster files."""

SENTENCES: dict[str, tuple[str, str]] = {
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
    # the command line's summary of a roster import
    "roster.summary": ("Roster import: {added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped.",
                       "名单导入：新增 {added} 户，更新 {updated} 户，未变 {unchanged} 户，跳过 {skipped} 行。"),
    "roster.dry_run": ("Dry run: these are the numbers a real import would give; nothing was saved.",
                       "试运行：以上为正式导入的结果，本次未保存任何改动。"),
    "roster.changes": ("{n} field changes:", "改动 {n} 处："),
    "roster.change": ("  {address} {field}: “{old}” → “{new}”", "  {address} {field}：“{old}” → “{new}”"),
    "roster.more_changes": ("  …and {n} more (--json lists them all).", "  ……另有 {n} 处改动（--json 列出全部）。"),
    "roster.conflicts": ("{n} conflicts (fields edited in the program that the file gives differently):",
                         "冲突 {n} 处（本程序中改过、文件中又不同的字段）："),
    "roster.conflict": ("  {address} {field}: program “{program}”, file “{file}”, kept the {kept}'s",
                        "  {address} {field}：本程序 “{program}”，文件 “{file}”，保留{kept}的"),
    "roster.not_in_file": ("{n} households not in the file (left as they are): {addresses}",
                           "文件中没有的住户 {n} 户（未改动）：{addresses}"),
    "roster.skipped_rows": ("Skipped rows:", "跳过的行："),
    "roster.skipped_row": ("  line {line}: {reason}", "  第 {line} 行：{reason}"),
    "roster.more_skipped": ("  …and {n} more skipped rows.", "  ……另有 {n} 行被跳过。"),
}

WORDS: dict[str, dict[str, tuple[str, str]]] = {
    # a household's fields, as a summary names them
    "household_field": {
        "name": ("name", "姓名"),
        "phone": ("phone", "电话"),
        "people": ("people", "人数"),
        "flags": ("flags", "特殊情况"),
        "delivery": ("delivery", "配送"),
        "notes": ("notes", "备注"),
    },
    # a household's situations, on a tag and a checkbox
    "flag": {
        "elderly_alone": ("elderly alone", "独居老人"),
        "infant": ("infant", "婴儿"),
        "pregnant": ("pregnant", "孕妇"),
        "chronic_medication": ("chronic medication", "慢性病用药"),
        "disability": ("disability", "残疾·行动不便"),
        "no_smartphone": ("no smartphone", "无智能手机"),
    },
    # how a household gets its bags
    "delivery": {
        "pickup": ("pickup", "自提"),
        "door": ("door delivery", "送货上门"),
    },
    # whose value a roster import kept: this program's or the file's
    "roster_side": {
        "program": ("program", "本程序"),
        "file": ("file", "文件"),
    },
}
