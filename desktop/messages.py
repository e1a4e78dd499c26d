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
