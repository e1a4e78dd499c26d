"""Sentences about the database file, files that are not what they seem, and starting the window."""

SENTENCES: dict[str, tuple[str, str]] = {
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
    # how lists are joined in a sentence
    "list_comma": (", ", "、"),
    # a failure nobody foresaw
    "crash.unexpected": (
        "Something unexpected went wrong and the action was undone. Details are in {where}; please send them to support.",
        "出现意外错误，本次操作已撤销。详细信息已写入 {where}，请发给技术支持。",
    ),
}
