"""Sentences about backups, restoring and the compound's secret."""

SENTENCES: dict[str, tuple[str, str]] = {
    # restoring
    "backup_empty": ("{path} is empty (0 bytes), so it is not a backup: choose another file. Nothing was changed.",
                     "{path} 是空文件（0 字节），不是备份：请选择其他文件。未做任何改动。"),
    "backup_not_regular": ("{path} is not an ordinary file (a pipe or a device), so it is not a backup: choose a backup file.",
                           "{path} 不是普通文件（而是管道或设备），不是备份：请选择备份文件。"),
    "backup_not_compound_desk": ("{path} is not a Compound Desk database, so it was not restored: choose a backup made by Compound Desk. Nothing was changed.",
                                 "{path} 不是小区保供台的数据库，未恢复：请选择小区保供台做的备份。未做任何改动。"),
    "backup_too_new": ("{path} comes from a newer Compound Desk (data version {version}; this one reads up to {supported}): install the newer version to restore it. Nothing was changed.",
                       "{path} 来自更新版本的小区保供台（数据版本 {version}，本程序最高支持 {supported}）：请安装新版本后再恢复。未做任何改动。"),
    "backup_schema_altered": ("{path} was changed outside Compound Desk ({detail}), so it was not restored: choose another backup. Nothing was changed.",
                              "{path} 曾在小区保供台之外被改动（{detail}），未恢复：请选择其他备份。未做任何改动。"),
    "backup_no_compound": ("{path} holds no compound, so it is not a whole backup: choose another one. Nothing was changed.",
                           "{path} 中没有小区信息，不是完整的备份：请选择其他备份。未做任何改动。"),
    "backup_other_compound": ("{path} is a backup of another compound, so it was not restored: choose a backup of this compound. Nothing was changed.",
                              "{path} 是另一个小区的备份，没有恢复：请选择本小区的备份。未做任何改动。"),
    "backup_is_database": ("{path} is the database itself, not a backup of it: choose a file from the backups folder.",
                           "{path} 就是数据库本身，不是它的备份：请从备份文件夹中选择文件。"),
    # the compound secret
    "secret_only_for_export": ("--with-secret only goes with an export-all folder; a backup file already holds its secret.",
                               "--with-secret 只用于全量导出文件夹；备份文件本身已含密钥。"),
    "secret_at_gate": ("A gate station holds no compound secret: export it at the lobby station.",
                       "门岗站点不保存小区密钥：请在大堂站点导出。"),
    "secret_file_invalid": ("{path} is not a secret file written by compound-desk secret export: give that file.",
                            "{path} 不是 compound-desk secret export 写出的密钥文件：请指定该文件。"),
    "secret_other_compound": ("{path} is the secret of another compound, not of this export: give this compound's secret file, or leave out --with-secret to make a new secret.",
                              "{path} 是另一个小区的密钥，不属于这份导出：请指定本小区的密钥文件，或去掉 --with-secret 生成新密钥。"),
    "secret_unwritable": ("The secret cannot be written to {path}: choose a folder that exists and you may write to.",
                          "无法把密钥写入 {path}：请选择一个存在且可写的文件夹。"),
    "cancelled": ("Stopped: nothing was changed.",
                  "已停止：未做任何改动。"),
}
