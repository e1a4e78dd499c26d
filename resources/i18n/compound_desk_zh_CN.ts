<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="72" />
        <source>Compound Desk</source>
        <translation>小区保供台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="189" />
        <source>The previews were still being drawn, so the screenshot may show them unfinished.</source>
        <translation>预览仍在绘制中，截图可能显示未完成的预览。</translation>
    </message>
</context>
<context>
    <name>ArrivalDialog</name>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="69" />
        <source>Arrival: %1</source>
        <translation>到货：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="75" />
        <source>Type what the supplier actually delivered. Nothing is saved until you press Record arrival.</source>
        <translation>请填写商家实际送到的数量。按“记录到货”之前不会保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="82" />
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="136" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="82" />
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="136" />
        <source>Ordered</source>
        <translation>订购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="82" />
        <source>Received</source>
        <translation>到货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="95" />
        <source>Received of %1</source>
        <translation>%1 的到货数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="104" />
        <source>Problem with the quantity of %1</source>
        <translation>%1 的数量有误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="116" />
        <source>How a shortfall is shared out</source>
        <translation>缺货时如何分配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="121" />
        <source>What the rule does</source>
        <translation>分配规则说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="124" />
        <source>&amp;Shortfall shared out:</source>
        <translation>缺货分配(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="131" />
        <source>What this arrival does</source>
        <translation>本次到货的结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="132" />
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="133" />
        <source>Only households that get less</source>
        <translation>只看少分的住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="136" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="136" />
        <source>Allocated</source>
        <translation>分到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="137" />
        <source>Refund owed</source>
        <translation>应退款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="137" />
        <source>Served first</source>
        <translation>优先</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="138" />
        <source>Allocation preview</source>
        <translation>分配预览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="140" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="143" />
        <source>Record arrival</source>
        <translation>记录到货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="144" />
        <source>Save what arrived and this allocation (Enter)</source>
        <translation>保存到货数量和这个分配（回车）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="145" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="145" />
        <source>Close without saving (Esc)</source>
        <translation>不保存并关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="210" />
        <source>Working out the allocation…</source>
        <translation>正在计算分配结果…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="246" />
        <source>%1 short</source>
        <translation>少 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="249" />
        <source>%1 more than ordered: the extra stays unallocated</source>
        <translation>比订购多 %1：多出的不分配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="253" />
        <source>in full</source>
        <translation>足量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="258" />
        <source>Short: %1. Rule: %2 — %3 households get less. Refunds owed after this arrival: %4.</source>
        <translation>缺货：%1。规则：%2——%3 户少分。本次到货后应退款：%4。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="265" />
        <source>Everything arrived in full. Refunds owed: %1.</source>
        <translation>全部足量到货。应退款：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="202" />
        <source>unplaced</source>
        <translation>未归户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="203" />
        <source>Vulnerable household: served first under the vulnerable-first rule</source>
        <translation>重点关照住户：按“重点住户优先”规则优先分配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="318" />
        <source>Recording the arrival…</source>
        <translation>正在记录到货…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="77" />
        <source>Type what the donor actually delivered. Nothing is saved until you press Record arrival.</source>
        <translation>请填写捐赠方实际送到的数量。按“记录到货”之前不会保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="81" />
        <source>To give</source>
        <translation>应发</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="264" />
        <source>Short: %1. Rule: %2 — %3 households get less.</source>
        <translation>缺货：%1。规则：%2——%3 户少分。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/arrival_dialog.py" line="277" />
        <source>Everything arrived in full.</source>
        <translation>全部足量到货。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="56" />
        <source>Audit log</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="57" />
        <source>What was just done</source>
        <translation>刚才的操作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="58" />
        <source>Household address</source>
        <translation>住户地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="59" />
        <source>any household, or 12-301</source>
        <translation>全部住户，或 12-301</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="61" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="62" />
        <source>Kind of change</source>
        <translation>改动类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="63" />
        <source>every kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="66" />
        <source>Only the &amp;day</source>
        <translation>只看某天(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="66" />
        <source>Only one day</source>
        <translation>只看一天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="67" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="76" />
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="77" />
        <source>Show the changes that match</source>
        <translation>显示符合条件的改动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="78" />
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="79" />
        <source>Every change as a CSV file for a spreadsheet</source>
        <translation>把全部改动导出为表格可打开的 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="82" />
        <source>&amp;Household:</source>
        <translation>住户(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="84" />
        <source>&amp;Operator:</source>
        <translation>操作员(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="86" />
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="95" />
        <source>Problem with the filter</source>
        <translation>筛选条件有误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="96" />
        <source>How many changes are shown</source>
        <translation>显示的改动条数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="97" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="97" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="97" />
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="97" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="98" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="98" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="98" />
        <source>Before → after</source>
        <translation>改前 → 改后</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="99" />
        <source>Changes</source>
        <translation>改动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="118" />
        <source>anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="155" />
        <source>(nobody named)</source>
        <translation>（未署名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="161" />
        <source>%1 changes, newest first</source>
        <translation>共 %1 条改动，最新的在前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="163" />
        <source>The newest %1 changes; export them all as CSV</source>
        <translation>最新的 %1 条改动；全部请导出 CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="168" />
        <source>Export the audit log</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="170" />
        <source>CSV, opens in Excel (*.csv)</source>
        <translation>CSV，可用 Excel 打开 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="182" />
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="187" />
        <source>Exported %1 changes to %2.</source>
        <translation>已将 %1 条改动导出到 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="1" />
        <source>Reading the changes…</source>
        <translation>正在读取变更记录…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/audit_page.py" line="1" />
        <source>Reading the changes</source>
        <translation>正在读取变更记录</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="71" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="72" />
        <source>Make a checked copy of the compound's file now</source>
        <translation>现在为小区数据文件做一份经过检查的副本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="74" />
        <source>Restore selected…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="135" />
        <source>A backup is a complete, checked copy of the compound's file. One is made when the program starts, every 30 minutes while something changes, and before every import. The last 10 are kept, plus one a day for a week, in %1, and also in the second backup folder when one is chosen.
A backup holds everything, the secret that signs labels and cards included: whoever has one can print labels that scan as this compound's. Only your account on this computer can read them; keep a USB stick with backups like a key. Export all data leaves the secret out.</source>
        <translation>备份是小区数据文件的完整副本，并经过检查。程序启动时、有改动时每 30 分钟、每次导入前都会备份。保留最近 10 份，另加一周内每天一份，存放在 %1；如已选择第二备份文件夹，也会复制一份到那里。
备份包含全部数据，也包含为袋签和住户卡签名的密钥：拿到备份的人可以打印出能以本小区名义扫码通过的袋签。只有您在这台电脑上的账户能读取备份；存有备份的 U 盘请像钥匙一样保管。“导出全部数据”不含密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="246" />
        <source>Put the selected backup in place of the current file, which is kept aside</source>
        <translation>用所选备份替换当前文件，当前文件会另外保留</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="76" />
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="77" />
        <source>Check the compound's file for damage</source>
        <translation>检查小区数据文件是否损坏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="78" />
        <source>Export all data…</source>
        <translation>导出全部数据…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="79" />
        <source>Write every table as a CSV file, with a manifest, into a folder: a copy that needs no Compound Desk</source>
        <translation>把每张表写成一个 CSV 文件，连同清单一起放进文件夹：不需要小区保供台也能读的副本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="89" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="95" />
        <source>Second backup folder:</source>
        <translation>第二备份位置：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="96" />
        <source>Second backup folder</source>
        <translation>第二备份位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="99" />
        <source>Second backup folder…</source>
        <translation>第二备份位置…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="100" />
        <source>Also copy every backup to a folder such as a USB stick</source>
        <translation>把每份备份再复制到另一个文件夹，例如U盘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="102" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="103" />
        <source>Stop copying backups to the second folder</source>
        <translation>不再把备份复制到第二备份位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="105" />
        <source>Clear the second backup folder</source>
        <translation>清除第二备份位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="113" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="115" />
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="115" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="115" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="115" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="124" />
        <source>No backups yet. One is made each time the program starts; press Back up now to make one at once.</source>
        <translation>还没有备份。每次启动程序都会自动备份；也可以点“立即备份”马上做一份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="145" />
        <source>How backups are kept</source>
        <translation>备份的保留方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="190" />
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="192" />
        <source>program start</source>
        <translation>程序启动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="193" />
        <source>every 30 minutes</source>
        <translation>每 30 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="194" />
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="195" />
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="197" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="208" />
        <source>none. Choose a USB stick, so a copy survives if this laptop breaks or is lost.</source>
        <translation>未设置。请选择一个U盘，这样电脑坏了或丢了，数据还有一份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="215" />
        <source>%1 (not there now: is the USB stick plugged in?)</source>
        <translation>%1（现在找不到：U盘插好了吗？）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="235" />
        <source>A damaged file is not backed up: a copy of it would be damaged too.</source>
        <translation>已损坏的文件不做备份：它的副本同样是坏的。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="236" />
        <source>Make a checked copy of the compound's file now (%1)</source>
        <translation>现在为小区数据文件做一份经过检查的副本（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="242" />
        <source>This file is read-only, so no backup can be put in its place.</source>
        <translation>这个文件是只读的，无法用备份替换它。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="244" />
        <source>Select a backup in the list first</source>
        <translation>请先在列表中选择一份备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="278" />
        <source>Backed up at %1.</source>
        <translation>已于 %1 备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="280" />
        <source>Backed up at %1, here and in %2.</source>
        <translation>已于 %1 备份，本机和 %2 各存一份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="283" />
        <source>Backed up at %1 here, but the copy could not be written to %2: check that the USB stick is plugged in and has room, then press Back up now again.</source>
        <translation>已于 %1 在本机备份，但无法把副本写入 %2：请检查U盘是否插好、空间是否足够，然后再点一次“立即备份”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="296" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="299" />
        <source>Put the backup taken %1 in place of the current file?

The current file is kept aside in the same folder, so nothing is thrown away; but what was changed after %1 will no longer show. Close any other Compound Desk window on this file first.</source>
        <translation>用 %1 的备份替换当前文件吗？

当前文件会另外保留在同一文件夹中，不会丢掉；但 %1 之后做的改动将不再显示。请先关闭使用这个文件的其他小区保供台窗口。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="304" />
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="321" />
        <source>Choose a second backup folder, such as a USB stick</source>
        <translation>选择第二备份位置，例如U盘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="337" />
        <source>Backups now go only to this laptop.</source>
        <translation>现在备份只存在本机。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="353" />
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="360" />
        <source>The database is sound: it passed the integrity check. %1 households, %2 group buys, %3 bags, %4 handoffs (data version %5).</source>
        <translation>数据库完好：已通过完整性检查。共 %1 户、%2 个团购、%3 个袋子、%4 条交接记录（数据版本 %5）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="370" />
        <source>The database is damaged (%1), so nothing will be written to it. Restore a good backup: select it in the list and press Restore selected.</source>
        <translation>数据库已损坏（%1），不会再写入任何内容。请恢复一份完好的备份：在列表中选中它，再点“恢复所选备份”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="381" />
        <source>Choose where to put the exported data</source>
        <translation>选择导出数据存放的位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="395" />
        <source>Exporting all data…</source>
        <translation>正在导出全部数据…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/backups_page.py" line="402" />
        <source>Exported %1 tables (%2 rows) to %3: a CSV file for each table and manifest.json, enough to rebuild the data without this program.</source>
        <translation>已将 %1 张表（共 %2 行）导出到 %3：每张表一个 CSV 文件，外加 manifest.json，不用本程序也能据此重建数据。</translation>
    </message>
</context>
<context>
    <name>BagsPage</name>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="80" />
        <source>Group buy</source>
        <translation>团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="84" />
        <source>&amp;Group buy:</source>
        <translation>团购(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="86" />
        <source>Most items per bag</source>
        <translation>每袋最多件数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="89" />
        <source>A bag never holds more items than this; frozen, chilled and ambient goods never share a bag</source>
        <translation>每袋不超过这个件数；冷冻、冷藏和常温的货品从不装在同一袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="91" />
        <source>Most &amp;items per bag:</source>
        <translation>每袋最多件数(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="93" />
        <source>Make bags</source>
        <translation>分装</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="94" />
        <source>One or more bags per household, each with its own code (making them again changes only what changed)</source>
        <translation>每户一袋或几袋，每袋有自己的编码（重新分装只改动有变化的部分）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="106" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="111" />
        <source>Bags per building</source>
        <translation>各楼袋数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="115" />
        <source>No group buy has arrived yet. When the supplier delivers, record the arrival on the Group buys page; its bags are made here.</source>
        <translation>还没有已到货的团购。商家送货后，请在团购页面登记到货，再在这里分装。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="125" />
        <source>Label stock</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="132" />
        <source>&amp;Stock:</source>
        <translation>标签纸(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="134" />
        <source>Preview of the first label</source>
        <translation>第一张标签预览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="136" />
        <source>Preview of the pickup sheet's first page</source>
        <translation>取货单第一页预览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="138" />
        <source>Print labels…</source>
        <translation>打印标签…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="140" />
        <location filename="../../desktop/ui/bags/bags_page.py" line="157" />
        <location filename="../../desktop/ui/bags/bags_page.py" line="179" />
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="142" />
        <location filename="../../desktop/ui/bags/bags_page.py" line="159" />
        <location filename="../../desktop/ui/bags/bags_page.py" line="181" />
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="144" />
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="155" />
        <source>Print sheet…</source>
        <translation>打印取货单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="161" />
        <source>Pickup sheet</source>
        <translation>取货单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="175" />
        <source>Cards for building</source>
        <translation>住户卡所属楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="176" />
        <source>Household &amp;cards for:</source>
        <translation>住户卡(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="177" />
        <source>Print cards…</source>
        <translation>打印住户卡…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="183" />
        <source>Supplier order sheet</source>
        <translation>商家订货单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="185" />
        <source>Totals per item for the supplier, as a PDF</source>
        <translation>给商家的各商品总数，PDF 格式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="187" />
        <source>Print language</source>
        <translation>打印语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="188" />
        <source>Labels, sheets and cards are printed in this language, whatever language the window is in</source>
        <translation>标签、清单和住户卡都用这种语言打印，与窗口的语言无关</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="194" />
        <source>Print &amp;language:</source>
        <translation>打印语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="239" />
        <source>Thermal label 40 × 30 mm</source>
        <translation>热敏标签 40 × 30 毫米</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="240" />
        <source>Thermal label 50 × 30 mm</source>
        <translation>热敏标签 50 × 30 毫米</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="241" />
        <source>Thermal label 60 × 40 mm</source>
        <translation>热敏标签 60 × 40 毫米</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="242" />
        <source>A4 sheet, 3 × 8 labels (70 × 37 mm)</source>
        <translation>A4 标签纸，3 × 8 张（70 × 37 毫米）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="243" />
        <source>Letter sheet, 3 × 10 labels (2⅝ × 1 in)</source>
        <translation>Letter 标签纸，3 × 10 张（2⅝ × 1 英寸）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="288" />
        <source>All buildings</source>
        <translation>所有楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="290" />
        <source>Building %1 (%2)</source>
        <translation>%1号楼（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="323" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="361" />
        <source>No bags yet: press Make bags.</source>
        <translation>还没有分装：请点“分装”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="363" />
        <source>Building %1: %2 households, %3 bags</source>
        <translation>%1号楼：%2 户，%3 袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="365" />
        <source>%1 bags for %2 households</source>
        <translation>共 %1 袋，%2 户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="389" />
        <source>Making bags…</source>
        <translation>正在分装…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="393" />
        <source>%1 bags for %2 households: %3 made, %4 kept, %5 voided.</source>
        <translation>共 %1 袋，%2 户：新装 %3 袋，保留 %4 袋，作废 %5 袋。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="407" />
        <source>The first label appears here once bags are made.</source>
        <translation>分装后，第一张标签会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="408" />
        <source>The pickup sheet appears here once bags are made.</source>
        <translation>分装后，取货单会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="415" />
        <location filename="../../desktop/ui/bags/bags_page.py" line="416" />
        <source>Drawing…</source>
        <translation>正在绘制…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="438" />
        <source>Drawing the preview…</source>
        <translation>正在绘制预览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="471" />
        <source>Drawing %1 labels…</source>
        <translation>正在绘制 %1 张标签…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="472" />
        <source>Drawing the pickup sheet…</source>
        <translation>正在绘制取货单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="473" />
        <source>Drawing household cards…</source>
        <translation>正在绘制住户卡…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="474" />
        <source>Drawing the supplier order sheet…</source>
        <translation>正在绘制商家订货单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="502" />
        <source>No program on this computer opened the PDF: save it instead and open it on another computer.</source>
        <translation>这台电脑上没有能打开 PDF 的程序：请改为保存，再到别的电脑上打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="509" />
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="510" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bags/bags_page.py" line="523" />
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>BuyView</name>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="105" />
        <source>← Group buys</source>
        <translation>← 团购列表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="106" />
        <source>Back to the list of group buys</source>
        <translation>返回团购列表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="107" />
        <source>Back to the group buys</source>
        <translation>返回团购列表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="108" />
        <source>Group buy</source>
        <translation>团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="116" />
        <source>Warning about this group buy</source>
        <translation>关于本团购的提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="117" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="122" />
        <source>Record payment…</source>
        <translation>记录收款…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="123" />
        <source>Record a payment or a refund for the selected order</source>
        <translation>为选中的订单记录收款或退款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="125" />
        <source>Import KuaiTuanTuan…</source>
        <translation>导入快团团…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="126" />
        <source>Import a KuaiTuanTuan order export (.xlsx)</source>
        <translation>导入快团团导出的订单（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="128" />
        <source>Paste group list…</source>
        <translation>粘贴接龙…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="129" />
        <source>Paste a WeChat group list and see what was understood</source>
        <translation>粘贴微信接龙，查看识别结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="131" />
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="132" />
        <source>Move the group buy on: close, confirmed, settled…</source>
        <translation>推进团购状态：截单、商家确认、结清…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="135" />
        <source>Statuses this group buy can move to</source>
        <translation>本团购可改为的状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="137" />
        <source>Arrival…</source>
        <translation>到货…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="138" />
        <source>Record what the supplier delivered and share out a shortfall</source>
        <translation>记录商家送到的数量，并分配缺货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="140" />
        <source>Cancel buy…</source>
        <translation>取消团购…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="141" />
        <source>Cancel the group buy, with a reason; lists the refunds owed</source>
        <translation>取消团购并写明原因；列出应退款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="142" />
        <source>Cancel the group buy</source>
        <translation>取消团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="143" />
        <source>Supplier order sheet…</source>
        <translation>商家订货单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="145" />
        <source>Save the totals per item for the supplier (Excel or CSV)</source>
        <translation>保存给商家的各商品汇总（Excel 或 CSV）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="148" />
        <source>Print order sheet…</source>
        <translation>打印订货单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="149" />
        <source>Print the totals per item for the supplier on an A4 sheet</source>
        <translation>把给商家的各商品总数打印在 A4 纸上</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="163" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="167" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="169" />
        <source>Select an order to record its payment; Enter or double click loads it into the entry row to change it</source>
        <translation>选中订单可记录收款；回车或双击把订单载入录入行进行修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="173" />
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="197" />
        <location filename="../../desktop/ui/buys/buy_view.py" line="230" />
        <source>Reading the orders…</source>
        <translation>正在读取订单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="262" />
        <source>due %1</source>
        <translation>应付 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="263" />
        <source>collected %1</source>
        <translation>已收 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="264" />
        <source>refunded %1</source>
        <translation>已退 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="265" />
        <source>still to collect %1</source>
        <translation>待收 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="266" />
        <source>refunds owed %1</source>
        <translation>应退 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="281" />
        <source>deadline %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="283" />
        <source>%1 (passed)</source>
        <translation>%1（已过）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="287" />
        <source>delivery fee %1 per order</source>
        <translation>运费每单 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="288" />
        <source>delivery fee %1 once per household</source>
        <translation>运费每户一次 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="290" />
        <source>free distribution</source>
        <translation>免费发放</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="303" />
        <source>%1 items (%2): name, price and code beside each quantity below</source>
        <translation>共 %1 样商品（%2）：名称、价格和代码见下方各数量框旁</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="318" />
        <source>at most %1 per household</source>
        <translation>每户限购 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="320" />
        <source>received %1 of %2</source>
        <translation>到货 %1/%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="323" />
        <source>Items: none yet</source>
        <translation>商品：暂无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="324" />
        <source>Items: %1</source>
        <translation>商品：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="330" />
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="373" />
        <source>Reopen for orders</source>
        <translation>重新开放接单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="373" />
        <source>Open for orders</source>
        <translation>开始接单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="374" />
        <source>Close ordering</source>
        <translation>截单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="375" />
        <source>Supplier confirmed</source>
        <translation>商家已确认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="376" />
        <source>Arrived… (record what was delivered)</source>
        <translation>已到货…（记录送到的数量）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="377" />
        <source>Bagged</source>
        <translation>已分装</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="378" />
        <source>Handed out</source>
        <translation>已发放</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="379" />
        <source>Settled (the money is done)</source>
        <translation>已结清（账目完成）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="435" />
        <source>Saved the order of %1: due %2.</source>
        <translation>已保存 %1 的订单：应付 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="437" />
        <source>Changed the order of %1: due %2.</source>
        <translation>已修改 %1 的订单：应付 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="439" />
        <source>The order of %1 is unchanged.</source>
        <translation>%1 的订单没有变化。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="485" />
        <source>Select an order in the table first (or type its address), then record its payment.</source>
        <translation>请先在表格中选中订单（或输入地址），再记录收款。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="501" />
        <source>the unplaced order</source>
        <translation>未归户订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="503" />
        <source>Recorded %1 for %2: due %3, paid %4, refund owed %5.</source>
        <translation>已为 %2 记录 %1：应付 %3，已付 %4，应退 %5。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="519" />
        <source>Group list: orders for %1 households (%2 new, %3 changed, %4 unchanged); %5 lines not understood.</source>
        <translation>接龙：%1 户下单（新增 %2，修改 %3，不变 %4）；%5 行未能识别。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="523" />
        <source>%1 households added to the roster.</source>
        <translation>已将 %1 户加入住户名单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="533" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="538" />
        <source>“%1” is now %2.</source>
        <translation>“%1”现在的状态：%2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="563" />
        <source>Arrival recorded, short of %1 (rule: %2). Refunds owed: %3.</source>
        <translation>已记录到货，缺货：%1（规则：%2）。应退款：%3。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="567" />
        <source>Arrival recorded: everything came in full.</source>
        <translation>已记录到货：全部足量。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="584" />
        <source>Cancelled. Refunds owed to %1 households: %2.</source>
        <translation>已取消。应退款给 %1 户，共 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="591" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="592" />
        <source>CSV, opens in Excel (*.csv)</source>
        <translation>CSV，可用 Excel 打开 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="593" />
        <source>order sheet %1</source>
        <translation>订货单 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="597" />
        <source>Save the supplier order sheet</source>
        <translation>保存商家订货单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="616" />
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="618" />
        <source>Saved the supplier order sheet to %1.</source>
        <translation>商家订货单已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="639" />
        <source>Drawing the supplier order sheet…</source>
        <translation>正在生成订货单…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_view.py" line="260" />
        <source>%n orders</source>
        <translation>
            <numerusform>%n 单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_view.py" line="261" />
        <source>%n orders cancelled</source>
        <translation>
            <numerusform>已取消 %n 单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_view.py" line="261" />
        <source>%n recipients</source>
        <translation>
            <numerusform>%n 户领取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_view.py" line="288" />
        <source>%n units to give</source>
        <translation>
            <numerusform>共发放 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="570" />
        <source>Arrival recorded, short of %1 (rule: %2).</source>
        <translation>已记录到货，缺货：%1（规则：%2）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_view.py" line="389" />
        <source>Done (every bag is handed out)</source>
        <translation>已完成（所有袋子都已发放）</translation>
    </message>
</context>
<context>
    <name>Buys</name>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="61" />
        <source>Vulnerable first</source>
        <translation>重点住户优先</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="62" />
        <source>Pro rata</source>
        <translation>按比例</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="63" />
        <source>First come</source>
        <translation>先到先得</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="70" />
        <source>Households flagged elderly alone, infant, pregnant, chronic medication or disability are served in full first; then the rest by order time.</source>
        <translation>独居老人、婴儿、孕妇、慢性病用药、残疾的住户先足量分配；其余按下单先后。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="73" />
        <source>Everyone gets the same share of what they ordered; units left over go to the largest remainders.</source>
        <translation>每户按订购量同比例分配；剩下的零头按余数大小分。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="76" />
        <source>Orders are served in full in the order they were placed.</source>
        <translation>按下单先后足量分配。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="83" />
        <source>The supplier turned it down</source>
        <translation>商家拒单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="84" />
        <source>The minimum was not reached</source>
        <translation>未达起送量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="85" />
        <source>The goods spoiled or were damaged</source>
        <translation>货物变质或损坏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="86" />
        <source>Another reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="123" />
        <source>%1 ordered</source>
        <translation>已订 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="125" />
        <source>%1/%2 ✓ minimum reached</source>
        <translation>%1/%2 ✓ 已达起送量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="126" />
        <source>%1/%2 · %3 more to the minimum</source>
        <translation>%1/%2 · 还差 %3 达到起送量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="450" />
        <source>Record here: group buys %1 · delivered in full %2 · delivered short %3 · turned down %4 · complaints %5</source>
        <translation>本小区记录：团购 %1 次 · 足量送达 %2 · 少送 %3 · 拒单 %4 · 投诉 %5</translation>
    </message>
</context>
<context>
    <name>BuysModel</name>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="159" />
        <source>Group buy</source>
        <translation>团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="159" />
        <source>Supplier</source>
        <translation>商家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="159" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="159" />
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="160" />
        <source>Ordered / minimum</source>
        <translation>已订 / 起送量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="160" />
        <source>Collected</source>
        <translation>已收款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="185" />
        <source>Refunded %1</source>
        <translation>已退款 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="187" />
        <source>The deadline has passed: close the buy when orders are in</source>
        <translation>已过截止时间：订单收齐后请截单</translation>
    </message>
</context>
<context>
    <name>BuysPage</name>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="61" />
        <source>New group buy…</source>
        <translation>新建团购…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="62" />
        <source>Open a new group buy</source>
        <translation>开一个新团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="63" />
        <source>Import KuaiTuanTuan…</source>
        <translation>导入快团团…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="64" />
        <source>Import a KuaiTuanTuan order export (.xlsx)</source>
        <translation>导入快团团导出的订单（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="67" />
        <source>New distribution…</source>
        <translation>新建物资发放…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="68" />
        <source>Announce a free distribution: a supply pack or a donation</source>
        <translation>发布一次免费发放：保供包或捐赠物资</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="70" />
        <source>Notice for the lobby board…</source>
        <translation>大堂公告栏通知…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="71" />
        <source>Print a notice of the open group buys and the distributions on their way</source>
        <translation>打印通知：正在接单的团购和即将发放的物资</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="73" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="74" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="75" />
        <source>Bought</source>
        <translation>团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="76" />
        <source>Free</source>
        <translation>免费</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="77" />
        <source>Group buys, free distributions, or both</source>
        <translation>团购、免费发放，或两者都显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="79" />
        <location filename="../../desktop/ui/buys/buys_page.py" line="99" />
        <source>Group buys</source>
        <translation>团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="80" />
        <source>Group buy counts</source>
        <translation>团购统计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="91" />
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="97" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="102" />
        <source>Enter or double click opens a group buy</source>
        <translation>回车或双击打开团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="113" />
        <source>No group buys yet. Open one, or bring in a KuaiTuanTuan export.</source>
        <translation>还没有团购。请开一个新团，或导入快团团订单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="114" />
        <source>Open a group buy…</source>
        <translation>开团…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="114" />
        <source>Open a group buy</source>
        <translation>开团</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="115" />
        <source>Import a KuaiTuanTuan export…</source>
        <translation>导入快团团订单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="115" />
        <location filename="../../desktop/ui/buys/buys_page.py" line="260" />
        <source>Import a KuaiTuanTuan export</source>
        <translation>导入快团团订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="166" />
        <source>%1 group buys · %2 under way</source>
        <translation>共 %1 个团购 · %2 个进行中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="261" />
        <source>KuaiTuanTuan export (*.xlsx);;All files (*)</source>
        <translation>快团团导出文件 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="277" />
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_page.py" line="300" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buys_page.py" line="308" />
        <source>KuaiTuanTuan export imported: %n orders, %1 households matched, %2 added, %3 warnings.</source>
        <translation>
            <numerusform>快团团订单已导入：%n 单，匹配住户 %1 户，新建 %2 户，提醒 %3 条。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="226" />
        <source>Cancel “%1”</source>
        <translation>取消“%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="231" />
        <source>Cancel “%1”? Every order is cancelled and what households paid is owed back to them. This cannot be undone.</source>
        <translation>取消“%1”？所有订单都会取消，住户已付的钱都要退回。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="236" />
        <source>Cause</source>
        <translation>原因类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="241" />
        <source>A supplier that turned the buy down carries that on its record</source>
        <translation>商家拒单会记入商家的记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="242" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="243" />
        <source>e.g. the supplier is out of stock</source>
        <translation>例如：商家缺货，无法发货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="245" />
        <source>Problem with the reason</source>
        <translation>原因有误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="253" />
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="254" />
        <source>C&amp;ause</source>
        <translation>类别(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="260" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="260" />
        <source>Refund owed</source>
        <translation>应退款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="261" />
        <source>Refunds owed</source>
        <translation>应退款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="264" />
        <source>Total refunds owed</source>
        <translation>应退款合计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="265" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="269" />
        <source>Cancel the group buy</source>
        <translation>取消团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="269" />
        <source>Cancel every order and list the refunds owed</source>
        <translation>取消所有订单并列出应退款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="273" />
        <source>Keep the group buy</source>
        <translation>保留团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="273" />
        <source>Close, changing nothing (Esc)</source>
        <translation>关闭，不做改动（Esc）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="303" />
        <source>Refunds owed, per household:</source>
        <translation>各户应退款：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="305" />
        <source>Refunds it will leave owed, per household:</source>
        <translation>取消后各户应退款：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="306" />
        <source>unplaced order %1</source>
        <translation>未归户订单 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="308" />
        <source>%1 households, %2 in all.</source>
        <translation>共 %1 户，合计 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="309" />
        <source>Nobody has paid anything: no refunds are owed.</source>
        <translation>还没有人付款：无需退款。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="322" />
        <source>Cancelling the group buy…</source>
        <translation>正在取消团购…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="339" />
        <source>“%1” is cancelled (%2).</source>
        <translation>“%1”已取消（%2）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="344" />
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="345" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="231" />
        <source>Cancel “%1”? Nobody receives it and its bags are voided. This cannot be undone.</source>
        <translation>取消“%1”？所有住户都不再领取，袋子作废。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="274" />
        <source>Cancel the distribution</source>
        <translation>取消本次发放</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="275" />
        <source>Nobody receives it; its bags are voided</source>
        <translation>所有住户都不再领取，袋子作废</translation>
    </message>
</context>
<context>
    <name>ChainDialog</name>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="78" />
        <source>Paste a group list into “%1”</source>
        <translation>把接龙粘贴到“%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="82" />
        <source>The pasted group list</source>
        <translation>粘贴的接龙</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="84" />
        <source>Paste the list from the chat here (Ctrl+V), for example:

#接龙
燕麦奶 68元

1. 12-301 张 2箱
2. 5号楼1202 李阿姨 1
3. 7栋2单元502 王 两箱 备注：放门口</source>
        <translation>把群里的接龙粘贴到这里（Ctrl+V），例如：

#接龙
燕麦奶 68元

1. 12-301 张 2箱
2. 5号楼1202 李阿姨 1
3. 7栋2单元502 王 两箱 备注：放门口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="88" />
        <source>&amp;Pasted list</source>
        <translation>粘贴的接龙(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="95" />
        <source>What was understood</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="96" />
        <location filename="../../desktop/ui/buys/buy_imports.py" line="224" />
        <source>Paste a list on the left: what it orders shows here as you go.</source>
        <translation>在左边粘贴接龙：识别出的订单会随时显示在这里。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="99" />
        <location filename="../../desktop/ui/buys/buy_imports.py" line="105" />
        <location filename="../../desktop/ui/buys/buy_imports.py" line="117" />
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="99" />
        <location filename="../../desktop/ui/buys/buy_imports.py" line="117" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="99" />
        <location filename="../../desktop/ui/buys/buy_imports.py" line="117" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="100" />
        <location filename="../../desktop/ui/buys/buy_imports.py" line="118" />
        <source>Quantities</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="100" />
        <source>Import will</source>
        <translation>导入后</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="101" />
        <source>Orders understood</source>
        <translation>识别出的订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="103" />
        <source>Lines not understood (fix them in the box, or take them by hand):</source>
        <translation>未能识别的行（请在左边改正，或手工录入）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="105" />
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="105" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="106" />
        <source>Lines not understood</source>
        <translation>未能识别的行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="111" />
        <source>Warnings</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="114" />
        <source>Not on the roster: select a line and press Enter (or Alt+H) to add that household with its order, or add them all:</source>
        <translation>不在住户名单中：选中一行按回车（或 Alt+H）即可添加这户及其订单，也可以全部添加：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="119" />
        <source>Households not on the roster</source>
        <translation>不在名单中的住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="127" />
        <source>Add this &amp;household</source>
        <translation>添加这户(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="128" />
        <source>Add this household</source>
        <translation>添加这户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="129" />
        <source>Add the selected line's household to the roster with its order (Enter)</source>
        <translation>把所选行的住户加入名单并下单（回车）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="133" />
        <source>Add a&amp;ll</source>
        <translation>全部添加(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="133" />
        <source>Add all households not on the roster</source>
        <translation>添加所有不在名单中的住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="134" />
        <source>Add every household not on the roster with its order</source>
        <translation>把所有不在名单中的住户连同订单一起添加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="162" />
        <location filename="../../desktop/ui/buys/buy_imports.py" line="290" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="162" />
        <source>Import the orders understood</source>
        <translation>导入识别出的订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="162" />
        <source>Save the orders understood (Ctrl+Enter)</source>
        <translation>保存识别出的订单（Ctrl+回车）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="167" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="167" />
        <source>Close without importing (Esc)</source>
        <translation>不导入并关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="239" />
        <source>add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="239" />
        <source>change the order</source>
        <translation>修改订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="240" />
        <source>leave as it is</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="249" />
        <source>add the household and its order</source>
        <translation>新建住户并下单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="253" />
        <source>Note: </source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="266" />
        <source>Add a&amp;ll %1</source>
        <translation>全部添加 %1 户(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="282" />
        <source>Understood: orders for %1 households (%2 new, %3 changed, %4 unchanged; %5 households to add). Not on the roster: %6. Lines not understood: %7.</source>
        <translation>已识别：%1 户的订单（新增 %2，修改 %3，无变化 %4；新建住户 %5）。不在名单中：%6。未能识别的行：%7。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="297" />
        <source>Importing the group list…</source>
        <translation>正在导入接龙…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_imports.py" line="290" />
        <source>Import %n orders</source>
        <translation>
            <numerusform>导入 %n 单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseNeedDialog</name>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="193" />
        <source>Close need %1: %2</source>
        <translation>办结需求 %1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="195" />
        <source>&amp;Met: the household has it</source>
        <translation>已满足：住户已拿到(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="196" />
        <source>Met</source>
        <translation>已满足</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="197" />
        <source>&amp;Cancelled: no longer needed</source>
        <translation>已取消：不再需要(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="198" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="203" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="204" />
        <source>e.g. brought by the clinic on Wednesday</source>
        <translation>例如：社区医院周三送到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="209" />
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="211" />
        <source>Problem with closing the need</source>
        <translation>办结需求时的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="213" />
        <source>Close the need</source>
        <translation>办结需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="214" />
        <source>Close it (Enter)</source>
        <translation>办结（回车）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="215" />
        <source>Keep it open</source>
        <translation>暂不办结</translation>
    </message>
</context>
<context>
    <name>CommitteeDialog</name>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="215" />
        <source>A committee member's sign-in</source>
        <translation>居委会成员登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="218" />
        <source>%1 A committee member signs in to allow it.</source>
        <translation>%1 需要居委会成员登录后才能进行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="219" />
        <source>Why a committee member is needed</source>
        <translation>为何需要居委会成员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="221" />
        <source>Committee member's name</source>
        <translation>居委会成员姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="223" />
        <source>Committee member's PIN</source>
        <translation>居委会成员密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="225" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="226" />
        <source>&amp;PIN:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="228" />
        <source>Allow</source>
        <translation>允许</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="229" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="147" />
        <source>Complaint about %1</source>
        <translation>投诉 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="151" />
        <source>Group buy</source>
        <translation>团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="152" />
        <source>(no particular group buy)</source>
        <translation>（不针对某个团购）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="156" />
        <source>What went wrong</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="157" />
        <source>e.g. dumplings arrived thawed; 5 bags short</source>
        <translation>例如：饺子到货时已化冻；少送了 5 袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="164" />
        <source>Problem with the complaint</source>
        <translation>投诉内容有误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="180" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="162" />
        <source>&amp;Group buy</source>
        <translation>团购(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="163" />
        <source>&amp;What went wrong</source>
        <translation>问题(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="168" />
        <source>Note the complaint</source>
        <translation>记录投诉</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="169" />
        <source>Keep it on the supplier's record (Ctrl+Enter)</source>
        <translation>记入商家的记录（Ctrl+回车）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="170" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="28" />
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="34" />
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="39" />
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="40" />
        <source>Put the technical details on the clipboard, to paste for support</source>
        <translation>把技术细节复制到剪贴板，可粘贴发给技术支持</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="43" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="59" />
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="148" />
        <location filename="../../desktop/ui/gate/dialogs.py" line="149" />
        <source>Correct this bag</source>
        <translation>更正这一袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="157" />
        <source>Recorded now: %1</source>
        <translation>现在的登记：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="158" />
        <source>Recorded now: nothing yet, it waits.</source>
        <translation>现在的登记：尚无，等待领取。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="163" />
        <source>&amp;Picked up by the household</source>
        <translation>住户已取走(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="164" />
        <source>&amp;Delivered to the door</source>
        <translation>已送上门(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="165" />
        <source>&amp;Arrived at the gate, waits there</source>
        <translation>已到门岗，在门岗等待(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="178" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="179" />
        <source>Why? e.g. the household is sealed in, it went to the door</source>
        <translation>原因？例如：该户封控，已送上门</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="181" />
        <source>Rea&amp;son (required):</source>
        <translation>原因（必填）(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="185" />
        <source>What will be recorded</source>
        <translation>将要登记的内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="188" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="190" />
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="192" />
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="195" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="218" />
        <source>Choose what happened to this bag.</source>
        <translation>请选择这一袋实际的去向。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="220" />
        <source>“%1” is undone and “%2” recorded, with your reason.</source>
        <translation>将撤销“%1”，并登记“%2”，连同您写的原因。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="223" />
        <source>“%1” is recorded, with your reason.</source>
        <translation>将登记“%1”，连同您写的原因。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/ui/common.py" line="137" />
        <source>Compound Desk</source>
        <translation>小区保供台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="139" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>FileBanner</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="114" />
        <location filename="../../desktop/ui/main_window.py" line="115" />
        <source>Warning about the database file</source>
        <translation>数据文件警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="118" />
        <source>Backups…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="118" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="119" />
        <source>Go to the Backups page to restore a good backup</source>
        <translation>到“备份”页面恢复一份完好的备份</translation>
    </message>
</context>
<context>
    <name>FirstOperatorDialog</name>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="156" />
        <source>The first committee operator</source>
        <translation>第一位居委会操作员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="160" />
        <source>Once an operator exists, the window asks for a name and PIN and shows each person the pages of their role. This first one is on the committee and adds the others.</source>
        <translation>有了操作员以后，打开窗口需要输入姓名和密码，每人只看到自己角色的页面。这第一位是居委会成员，由其添加其他人。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="162" />
        <source>About operators</source>
        <translation>关于操作员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="164" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="166" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="167" />
        <source>PIN again</source>
        <translation>再输一次密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="169" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="170" />
        <source>&amp;PIN (4–8 digits):</source>
        <translation>密码(&amp;P)（4–8 位数字）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="172" />
        <source>PIN a&amp;gain:</source>
        <translation>再输一次(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="175" />
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="176" />
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="177" />
        <source>Keep using the window without signing in for now</source>
        <translation>暂时不登录，继续使用窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="189" />
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>两次输入的密码不同：请输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../desktop/ui/forms.py" line="102" />
        <source>Problem with %1</source>
        <translation>%1有误</translation>
    </message>
</context>
<context>
    <name>GatePage</name>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="407" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="408" />
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="64" />
        <source>Guard on duty</source>
        <translation>值班门卫</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="65" />
        <source>your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="66" />
        <source>Recorded with every handoff you make</source>
        <translation>你登记的每次交接都会记下此名字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="69" />
        <source>&amp;Guard:</source>
        <translation>门卫(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="72" />
        <source>Scan or type a code</source>
        <translation>扫码或输入编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="73" />
        <source>Scan a bag or a household card, or type its code and press Enter</source>
        <translation>扫描袋子或住户卡，或输入编码后按回车</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="90" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="91" />
        <source>Read QR codes with the webcam</source>
        <translation>用摄像头读取二维码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="61" />
        <source>What the camera sees</source>
        <translation>摄像头画面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="61" />
        <source>Bags waiting, oldest first</source>
        <translation>待取的袋子（最早的在前）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="125" />
        <source>Picked up</source>
        <translation>已取走</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="126" />
        <source>Delivered to door</source>
        <translation>已送上门</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="127" />
        <source>Arrived at gate</source>
        <translation>已到门岗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="128" />
        <source>Only check</source>
        <translation>只查验</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="80" />
        <source>Collected by (proxy)</source>
        <translation>代取人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="81" />
        <source>neighbour's name</source>
        <translation>邻居姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="82" />
        <source>Someone collecting for the household (a neighbour for an elderly resident): their name is recorded with the pickup</source>
        <translation>替住户来取的人（例如替独居老人代取的邻居）：姓名随取件记录保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="88" />
        <source>Collected &amp;by:</source>
        <translation>代取人(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="137" />
        <source>Record what happened to the bag on screen, e.g. it went to the door instead; a reason is asked for</source>
        <translation>登记屏幕上这一袋的实际去向，例如改为送上门；需要填写原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="139" />
        <source>Correct this bag</source>
        <translation>更正这一袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="102" />
        <source>End card</source>
        <translation>结束住户卡</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="103" />
        <source>Done with this household's card</source>
        <translation>这户的住户卡处理完了</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="105" />
        <source>Undo last</source>
        <translation>撤销上一次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="106" />
        <source>Undo the last handoff (a reason is required)</source>
        <translation>撤销上一次交接（须写原因）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="296" />
        <source>⚠ Urgent need: %1</source>
        <translation>⚠ 紧急需求：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="101" />
        <source>Warning: codes are being guessed</source>
        <translation>警告：有人在试编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="111" />
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="74" />
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="111" />
        <source>Waiting bags</source>
        <translation>待取的袋子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="78" />
        <source>Waiting bags: counting…</source>
        <translation>待取的袋子：正在统计…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="81" />
        <source>Waiting list</source>
        <translation>待取清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="82" />
        <source>Show or hide the bags still waiting</source>
        <translation>显示或隐藏仍在等待的袋子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="86" />
        <source>Cold chain…</source>
        <translation>冷链…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="87" />
        <source>Cold-chain limits and sealed buildings</source>
        <translation>冷链时限和封控楼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="88" />
        <source>Door-delivery run (PDF)</source>
        <translation>送货上门清单（PDF）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="89" />
        <source>Households with door delivery and sealed buildings, a page per building, to print</source>
        <translation>需送货上门的住户和封控楼，每栋楼一页，可打印</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="146" />
        <source>Scans only answer; nothing is recorded (%1)</source>
        <translation>扫码只显示结果，不登记（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="149" />
        <source>The next scans record this; the bag on screen is not changed (%1)</source>
        <translation>之后的扫码按此登记；屏幕上的这一袋不会改变（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="231" />
        <source>Not recorded: a handoff needs the guard's name. Type it in the Guard field, or scan again to be asked.</source>
        <translation>未登记：交接需要门岗人员的姓名。请在“门卫”栏填写，或再扫一次以填写。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/corrections.py" line="33" />
        <source>Scan the bag first: F6 corrects what is recorded for the bag on the screen.</source>
        <translation>请先扫描这一袋：F6 用于更正屏幕上这一袋的登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/corrections.py" line="40" />
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="177" />
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="179" />
        <source>Instead of: %1</source>
        <translation>取代：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="111" />
        <source>%1 codes that are not this compound's were scanned at this station in the last minute: someone may be trying made-up codes. Hand nothing over on them and call a committee member.</source>
        <translation>过去一分钟内本岗扫到 %1 个不是本小区的编码：可能有人在试编造的编码。不要凭这些编码交付，请联系业委会成员。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="27" />
        <source>Nothing else is waiting for this household.</source>
        <translation>该户没有其他待取的袋子。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="28" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="28" />
        <source>%1 %2</source>
        <translation>%2 %1 袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="30" />
        <source>Also waiting for this household: 1 bag, %1</source>
        <translation>该户还有 1 袋待取：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="31" />
        <source>Also waiting for this household: %1 bags, %2</source>
        <translation>该户还有 %1 袋待取：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="91" />
        <source>Not recorded (F4 only check). To record this bag: F6.</source>
        <translation>未登记（F4 仅核对）。要登记这一袋：按 F6。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="134" />
        <source>No bag or card this station knows has this code. It may be newer than this station's last merge with the lobby: ask the lobby.</source>
        <translation>本站点不认识这个编码的袋子或住户卡。它可能是本站上次与大堂合并之后才做的：请问大堂。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="139" />
        <source>Not a code of this compound</source>
        <translation>不是本小区的编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="17" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="17" />
        <source>Scan a bag</source>
        <translation>请扫描袋子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="18" />
        <source>or a household card</source>
        <translation>或住户卡</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="270" />
        <source>✗ Not recorded</source>
        <translation>✗ 未登记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="270" />
        <source>Not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="44" />
        <source>handed over</source>
        <translation>已交付</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="46" />
        <source>checked, not recorded</source>
        <translation>已查验，未登记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="33" />
        <location filename="../../desktop/ui/gate/words.py" line="48" />
        <source>at the gate</source>
        <translation>在门岗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/bars.py" line="136" />
        <source>Correct bag…</source>
        <translation>更正这一袋…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="91" />
        <source>Print door run…</source>
        <translation>打印送货上门清单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="92" />
        <source>Print the door-delivery run on A4, a page per building</source>
        <translation>在 A4 纸上打印送货上门清单，每栋楼一页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="164" />
        <source>Who is on duty?</source>
        <translation>谁在值班？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="164" />
        <source>Your name, please</source>
        <translation>请填写您的姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="165" />
        <source>This bag is recorded as soon as you give your name.</source>
        <translation>填写姓名后，这一袋随即登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="54" />
        <source>bag %1 of %2 · %3 · %4</source>
        <translation>第 %1/%2 袋 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="58" />
        <location filename="../../desktop/ui/gate/words.py" line="144" />
        <source>a guard who gave no name</source>
        <translation>未署名的门卫</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="61" />
        <source>picked up at %1 by %2 at %3</source>
        <translation>%1 已被取走，经手：%2，地点：%3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="62" />
        <source>delivered to the door at %1 by %2 at %3</source>
        <translation>%1 已送上门，经手：%2，地点：%3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="63" />
        <source>arrived at the gate at %1, recorded by %2 at %3</source>
        <translation>%1 到达门岗，登记人：%2，地点：%3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="64" />
        <source>packed at %1 by %2 at %3</source>
        <translation>%1 已分装，经手：%2，地点：%3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="65" />
        <source>returned at %1 to %2 at %3</source>
        <translation>%1 已退回，接收人：%2，地点：%3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="66" />
        <source>found spoiled at %1 by %2 at %3</source>
        <translation>%1 发现变质，经手：%2，地点：%3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="70" />
        <location filename="../../desktop/ui/gate/words.py" line="147" />
        <source>, collected for the household by %1</source>
        <translation>，代取人：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="85" />
        <source>✓ Picked up — hand it over</source>
        <translation>✓ 已登记取走 — 请交给住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="86" />
        <source>✓ Delivered to the door — recorded</source>
        <translation>✓ 已送上门 — 已登记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="87" />
        <source>Arrived at the gate — it waits here</source>
        <translation>已到门岗 — 在此等待领取</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="90" />
        <source>At the gate since %1</source>
        <translation>%1 起在门岗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="92" />
        <source>✓ May be handed over</source>
        <translation>✓ 可以交付</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="94" />
        <source>✗ Already delivered to the door</source>
        <translation>✗ 已经送上门了</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="95" />
        <source>✗ Already picked up</source>
        <translation>✗ 已经被取走了</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="99" />
        <source>✗ A bag of another household</source>
        <translation>✗ 这是别户的袋子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="100" />
        <source>The card shown is for %1: do not hand this bag over.</source>
        <translation>出示的住户卡属于 %1：不要交出这一袋。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="103" />
        <source>✗ A void bag of a cancelled buy</source>
        <translation>✗ 作废的袋子：该团购已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="104" />
        <source>✗ A void bag: it was packed again with a new label</source>
        <translation>✗ 作废的袋子：已重新分装并换了新标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="105" />
        <source>✗ A void bag: its order was withdrawn</source>
        <translation>✗ 作废的袋子：订单已撤回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="106" />
        <source>✗ A spoiled bag</source>
        <translation>✗ 已变质的袋子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="107" />
        <source>✗ A replaced household card</source>
        <translation>✗ 已作废的住户卡</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="111" />
        <source>Ask for the household's new card.</source>
        <translation>请对方出示新的住户卡。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="112" />
        <source>Do not hand it over: put it aside for the volunteers.</source>
        <translation>不要交出：请放到一边交给志愿者。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="118" />
        <source>Household card — 1 bag waiting</source>
        <translation>住户卡 — 1 袋待取</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="119" />
        <source>Household card — %1 bags waiting</source>
        <translation>住户卡 — %1 袋待取</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="120" />
        <source>Scan each bag: it is ticked off here. Esc ends the card.</source>
        <translation>逐袋扫码，这里会逐一打勾。按 Esc 结束住户卡。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="121" />
        <source>Nothing is waiting for this household.</source>
        <translation>这户没有待取的袋子。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="124" />
        <source>✗ Do not hand over</source>
        <translation>✗ 不要交出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="126" />
        <source>Forged label</source>
        <translation>伪造标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="127" />
        <source>Its signature is not this compound's. Keep the bag aside and call a committee member.</source>
        <translation>签名不是本小区的。请把袋子放到一边，并联系居委会。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="130" />
        <source>Another compound's label</source>
        <translation>其他小区的标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="131" />
        <source>This label was printed by another compound's desk, not here.</source>
        <translation>这张标签是其他小区打印的，不是本小区的。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="133" />
        <source>Unknown code</source>
        <translation>未知编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="137" />
        <source>Mistyped code</source>
        <translation>编码输错了</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="138" />
        <source>A character is wrong: check the code and type it again.</source>
        <translation>有一个字符不对：请核对编码后重新输入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="140" />
        <source>Scan the QR code again, or type the code printed under it.</source>
        <translation>请重新扫描二维码，或输入二维码下方印的编码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="145" />
        <source>Recorded at %1 by %2 at %3</source>
        <translation>%1 已登记，经手：%2，地点：%3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/corrections.py" line="61" />
        <source>Nothing to undo here: scan the bag whose handoff should be undone.</source>
        <translation>这里没有可撤销的记录：请先扫描要撤销交接的那一袋。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/corrections.py" line="68" />
        <source>This handoff was recorded at another station or more than 30 minutes ago.</source>
        <translation>这次交接是在其他站点记录的，或已超过 30 分钟。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/corrections.py" line="77" />
        <source>Undo “%1” for %2, %3? The bag will wait again.</source>
        <translation>撤销 %2（%3）的“%1”？撤销后这袋会重新等待领取。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="171" />
        <source>↶ Undone: %1</source>
        <translation>↶ 已撤销：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="173" />
        <source>The bag waits again. Reason: %1</source>
        <translation>这袋重新等待领取。原因：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="175" />
        <source>This computer's clock was set back %1: waiting times are counted by the program's steady clock.</source>
        <translation>这台电脑的时钟被往回调了 %1：等待时长按本程序的稳定时钟计算。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="177" />
        <source>This computer's clock is %1 behind the latest recorded handoff: waiting times are counted from that handoff's time.</source>
        <translation>这台电脑的时钟比最近一次登记的交接慢了 %1：等待时长从那次交接的时间算起。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="185" />
        <source>Nothing is waiting: every bag has been handed over.</source>
        <translation>没有待取的袋子：全部已交付。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="189" />
        <source>Waiting: 1 bag</source>
        <translation>待取：1 袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="190" />
        <source>Waiting: %1 bags</source>
        <translation>待取：%1 袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="191" />
        <source>oldest %1 (%2, %3)</source>
        <translation>最久 %1（%2，%3）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="195" />
        <source>1 cold bag past its limit</source>
        <translation>1 袋冷链超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="196" />
        <source>%1 cold bags past their limit</source>
        <translation>%1 袋冷链超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="241" />
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="266" />
        <source>Writing the door-delivery run…</source>
        <translation>正在生成送货上门清单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/waiting_panel.py" line="249" />
        <source>No program on this computer opened the PDF: print it with “Print door run…” instead.</source>
        <translation>这台电脑上没有能打开 PDF 的程序：请改用“打印送货上门清单…”直接打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="264" />
        <source>Not recorded: %1, %2 — %3</source>
        <translation>未登记：%1，%2 — %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/corrections.py" line="98" />
        <source>The last scan is still being recorded: press the key again in a moment.</source>
        <translation>上一次扫码还在登记中：请稍后再按一次。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="154" />
        <source>Recording the pickup…</source>
        <translation>正在登记取走…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="155" />
        <source>Recording the delivery to the door…</source>
        <translation>正在登记送货上门…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/words.py" line="156" />
        <source>Recording its arrival at the gate…</source>
        <translation>正在登记已到门口…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/recorder.py" line="32" />
        <source>Recording at the gate</source>
        <translation>门口登记</translation>
    </message>
</context>
<context>
    <name>GateSettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="241" />
        <location filename="../../desktop/ui/gate/dialogs.py" line="242" />
        <source>Cold chain and sealed buildings</source>
        <translation>冷链和封控楼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="243" />
        <source>Frozen bags may wait (minutes)</source>
        <translation>冷冻袋最长等待（分钟）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="245" />
        <source>Chilled bags may wait (minutes)</source>
        <translation>冷藏袋最长等待（分钟）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="249" />
        <source>Sealed buildings</source>
        <translation>封控楼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="250" />
        <source>e.g. 3, 12</source>
        <translation>例如 3, 12</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="251" />
        <source>Every bag for a sealed building is carried to the door</source>
        <translation>封控楼的所有袋子都送上门</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="252" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="254" />
        <source>&amp;Frozen limit:</source>
        <translation>冷冻时限(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="255" />
        <source>C&amp;hilled limit:</source>
        <translation>冷藏时限(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="256" />
        <source>Sea&amp;led buildings:</source>
        <translation>封控楼(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="274" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
</context>
<context>
    <name>GateSignIn</name>
    <message>
        <location filename="../../desktop/ui/people/gate_sign_in.py" line="34" />
        <source>Gate mode is for guards and the committee; %1 is a %2.</source>
        <translation>门岗模式只供门岗和居委会使用；%1 是%2。</translation>
    </message>
</context>
<context>
    <name>GateWindow</name>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="365" />
        <source>Compound and station</source>
        <translation>小区和工作站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="380" />
        <source>unnamed compound</source>
        <translation>未命名小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="381" />
        <source>Compound Desk — gate — %1</source>
        <translation>小区保供台 — 门岗 — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/gate_page.py" line="382" />
        <source>%1 · station %2 · F11 full screen · Ctrl+Q close</source>
        <translation>%1 · 工作站 %2 · F11 全屏 · Ctrl+Q 关闭</translation>
    </message>
</context>
<context>
    <name>GuardDialog</name>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="98" />
        <location filename="../../desktop/ui/gate/dialogs.py" line="99" />
        <source>Who is on duty?</source>
        <translation>谁在值班？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="101" />
        <source>Every handoff is recorded with the name of the guard who made it. Type your name once for this shift.</source>
        <translation>每次交接都会记下经手门岗人员的姓名。本班次请填写一次您的姓名。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="107" />
        <source>Guard on duty</source>
        <translation>值班门岗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="108" />
        <source>your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="110" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="112" />
        <source>&amp;Start my shift</source>
        <translation>开始值班(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="114" />
        <source>Start my shift</source>
        <translation>开始值班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="116" />
        <source>&amp;Only check for now</source>
        <translation>暂时只核对(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="118" />
        <source>Only check for now</source>
        <translation>暂时只核对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="122" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="58" />
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="60" />
        <source>Household %1</source>
        <translation>住户 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="63" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="64" />
        <source>12-301, 12-2-301, 12号楼301 …</source>
        <translation>12-301、12-2-301、12号楼301 …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="66" />
        <source>Address as it will be saved</source>
        <translation>保存后的地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="70" />
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="72" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="75" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="89" />
        <source>Delivery</source>
        <translation>配送方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="93" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="94" />
        <source>e.g. call first; leave at the door</source>
        <translation>例如：先打电话；放门口即可</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="96" />
        <source>Active (still lives here and is served)</source>
        <translation>在住（仍住在本小区并接受保供）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="97" />
        <source>Active</source>
        <translation>在住</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="103" />
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="104" />
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="105" />
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="106" />
        <source>&amp;People</source>
        <translation>人数(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="107" />
        <source>Flags</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="108" />
        <source>&amp;Delivery</source>
        <translation>配送方式(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="109" />
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="112" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="117" />
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="121" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="122" />
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="123" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="123" />
        <source>Close without saving (Esc)</source>
        <translation>不保存并关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="196" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="159" />
        <source>Last changed %1 at station %2</source>
        <translation>最后修改：%1，工作站 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/household_dialog.py" line="170" />
        <source>Saved as %1</source>
        <translation>将保存为 %1</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="162" />
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="167" />
        <source>Nothing has been written yet. Importing %1 will:</source>
        <translation>尚未写入任何数据。导入 %1 将会：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="172" />
        <source>add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="173" />
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="174" />
        <source>leave unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="175" />
        <source>skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="232" />
        <source>Skipped lines</source>
        <translation>跳过的行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="230" />
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="293" />
        <source>&amp;Import %1 households</source>
        <translation>导入 %1 户(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="295" />
        <source>&amp;Nothing to import</source>
        <translation>没有需要导入的内容(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="249" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="35" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="36" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="37" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="38" />
        <source>Flags</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="39" />
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="40" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="50" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="54" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="176" />
        <source>conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="178" />
        <source>not in the file</source>
        <translation>文件中没有</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="185" />
        <source>What the import will do</source>
        <translation>导入将做的改动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="189" />
        <source>Use the file's</source>
        <translation>采用文件的</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="189" />
        <location filename="../../desktop/ui/roster/import_preview.py" line="216" />
        <location filename="../../desktop/ui/roster/import_preview.py" line="220" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="189" />
        <location filename="../../desktop/ui/roster/import_preview.py" line="216" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="190" />
        <source>In the program (edited here)</source>
        <translation>本程序中（在此修改过）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="190" />
        <source>In the file</source>
        <translation>文件中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="196" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="201" />
        <source>These fields were changed in this program since the last import, and the file says something else. The program's value is kept unless you tick “Use the file's” (Space ticks the selected row).</source>
        <translation>这些字段自上次导入后在本程序中改过，而文件中的值不同。除非勾选“采用文件的”，否则保留本程序中的值（按空格键勾选所选行）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="216" />
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="217" />
        <source>After the import</source>
        <translation>导入后</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="218" />
        <source>Changes</source>
        <translation>改动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="222" />
        <source>New households</source>
        <translation>新住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="224" />
        <source>Address (left as it is)</source>
        <translation>地址（保持不变）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="226" />
        <source>Households not in the file</source>
        <translation>文件中没有的住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="230" />
        <source>Why it is skipped (fix it in the file and import again)</source>
        <translation>跳过原因（请在文件中改正后重新导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="235" />
        <source>Conflicts (%1)</source>
        <translation>冲突（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="236" />
        <source>Changes (%1)</source>
        <translation>改动（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="237" />
        <source>New (%1)</source>
        <translation>新增（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="238" />
        <source>Not in the file (%1)</source>
        <translation>文件中没有（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="239" />
        <source>Skipped lines (%1)</source>
        <translation>跳过的行（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/import_preview.py" line="250" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <location filename="../../desktop/ui/jobs.py" line="132" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/jobs.py" line="134" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/jobs.py" line="150" />
        <source>Stopping… nothing will be changed.</source>
        <translation>正在停止……不会做任何改动。</translation>
    </message>
</context>
<context>
    <name>KttPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="351" />
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="361" />
        <source>What the file holds</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="364" />
        <source>Supplier</source>
        <translation>供货商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="365" />
        <source>Who sells the goods (the group leader only organises)</source>
        <translation>供货的商家（团长只负责组织）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="367" />
        <source>About the supplier</source>
        <translation>关于供货商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="371" />
        <source>&amp;Supplier:</source>
        <translation>供货商(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="374" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="374" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="374" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="375" />
        <source>Storage</source>
        <translation>存放</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="379" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="383" />
        <source>Storage of %1</source>
        <translation>%1 的存储方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="391" />
        <source>Items: the storage class is a guess from the name; change it here before importing.</source>
        <translation>商品：存储方式是按名称推测的，导入前可在此修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="395" />
        <source>&amp;Add households not on the roster</source>
        <translation>新建不在名单中的住户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="396" />
        <source>Add households not on the roster</source>
        <translation>新建不在名单中的住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="400" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="400" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="400" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="401" />
        <source>Households to add</source>
        <translation>将新建的住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="405" />
        <source>Platform order no.</source>
        <translation>跟团号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="405" />
        <source>Address as written</source>
        <translation>原始地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="406" />
        <source>Orders it cannot place</source>
        <translation>无法归户的订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="408" />
        <source>Why it cannot be imported</source>
        <translation>无法导入的原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="418" />
        <source>Warnings</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="421" />
        <location filename="../../desktop/ui/buys/buy_imports.py" line="488" />
        <source>Warnings (%1):</source>
        <translation>提醒（%1 条）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="425" />
        <source>Households are matched by address; the platform payments are recorded; several platform orders of one household are settled together. Importing the same file again changes nothing.</source>
        <translation>按地址匹配住户；记录平台付款；同一户的多个跟团号合并结算。同一文件再导入一次不会改变任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="454" />
        <source>The buy's supplier will be %1.</source>
        <translation>本团的供货商将记为 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="456" />
        <source>No supplier given: the buy records its supplier as unknown until someone sets it.</source>
        <translation>未填写供货商：本团的供货商记为未知，之后可以补填。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="494" />
        <source>Households to add (%1):</source>
        <translation>将新建的住户（%1）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="500" />
        <source>Orders it cannot place at a household (%1): they are imported unplaced.</source>
        <translation>无法归到住户的订单（%1）：将导入为未归户订单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="433" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="434" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_imports.py" line="356" />
        <source>Nothing has been written yet. “%1” (group leader %2) holds %n orders of %3 items, %4 units in all.</source>
        <translation>
            <numerusform>尚未写入任何数据。“%1”（团长 %2）共 %n 单，%3 种商品，合计 %4 件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_imports.py" line="432" />
        <source>Import %n orders</source>
        <translation>
            <numerusform>导入 %n 单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="359" />
        <source>Delivery fee: %1 per order, charged with the goods.</source>
        <translation>运费：每单 %1，随货款一并收取。</translation>
    </message>
</context>
<context>
    <name>KttResultDialog</name>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="518" />
        <source>KuaiTuanTuan import</source>
        <translation>快团团导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="521" />
        <source>a new group buy</source>
        <translation>新团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="521" />
        <source>the group buy of an earlier import</source>
        <translation>之前导入的团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="527" />
        <source>What the import did</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="530" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="530" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="530" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="534" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="537" />
        <source>Warnings</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="539" />
        <source>Warnings (%1):</source>
        <translation>提醒（%1 条）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_imports.py" line="545" />
        <source>Open the group buy</source>
        <translation>打开团购</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_imports.py" line="521" />
        <source>Imported into %1, “%2”: %n orders (%3 new, %4 changed, %5 unchanged). Households: %6 matched in the roster, %7 added.</source>
        <translation>
            <numerusform>已导入到%1“%2”：%n 单（新增 %3，修改 %4，不变 %5）。住户：名单中匹配 %6 户，新建 %7 户。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="209" />
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="251" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="256" />
        <source>Name the compound</source>
        <translation>设置小区名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="257" />
        <source>Name the compound (printed on sheets and cards)</source>
        <translation>设置小区名称（打印在单据和住户卡上）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="260" />
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="261" />
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="265" />
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="267" />
        <source>Lock the window</source>
        <translation>锁定窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="268" />
        <source>Lock the window until someone signs in (%1)</source>
        <translation>锁定窗口，直到有人登录 (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="274" />
        <source>Last backup</source>
        <translation>最近备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="297" />
        <source>Roster</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="299" />
        <source>Group buys</source>
        <translation>团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="301" />
        <source>Suppliers</source>
        <translation>商家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="303" />
        <source>Bags &amp; labels</source>
        <translation>分装与标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="305" />
        <source>Gate</source>
        <translation>门岗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="307" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="309" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="311" />
        <source>Urgent needs</source>
        <translation>紧急需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="313" />
        <source>Stations</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="315" />
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="317" />
        <source>Audit log</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="379" />
        <source>That page is not open to a %1: ask someone whose role uses it to sign in.</source>
        <translation>该页面不对%1开放：请让有权使用的人登录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="385" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="387" />
        <source>&amp;Keyboard shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="416" />
        <source>Compound name</source>
        <translation>小区名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="418" />
        <source>The name residents know the compound by; it is printed on sheets and cards:</source>
        <translation>居民熟悉的小区名称，会打印在单据和住户卡上：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="428" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="437" />
        <source>unnamed compound</source>
        <translation>未命名小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="438" />
        <source>station %1</source>
        <translation>工作站 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="447" />
        <source>backup failed %1</source>
        <translation>%1 备份失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="454" />
        <source>no backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="456" />
        <source>last backup %1</source>
        <translation>最近备份 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="468" />
        <source>This compound's file is damaged, so nothing will be written to it. Restore a good backup on the Backups page. (%1)</source>
        <translation>小区数据文件已损坏，不会再写入任何内容。请到“备份”页面恢复一份完好的备份。（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="599" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="622" />
        <location filename="../../desktop/ui/main_window.py" line="627" />
        <source>Still working</source>
        <translation>仍在进行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="623" />
        <source>%1 is still running. Close now and it stops: nothing it did is kept. Or keep working and close once it has finished.</source>
        <translation>%1 仍在进行。现在关闭会中止它，已做的一切都不保留；也可以继续，等它完成后再关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="628" />
        <source>&amp;Stop it and close</source>
        <translation>中止并关闭(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="630" />
        <source>&amp;Keep working</source>
        <translation>继续(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="440" />
        <source>Compound Desk — %1</source>
        <translation>小区保供台 — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="442" />
        <source>Compound Desk</source>
        <translation>小区保供台</translation>
    </message>
</context>
<context>
    <name>MoneyRowsDialog</name>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="81" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="84" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>NeedsPage</name>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="250" />
        <location filename="../../desktop/ui/committee/needs_page.py" line="278" />
        <source>Urgent needs</source>
        <translation>紧急需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="251" />
        <source>Show &amp;closed needs too</source>
        <translation>同时显示已办结的需求(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="252" />
        <source>Show closed needs too</source>
        <translation>同时显示已办结的需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="254" />
        <source>+ Need</source>
        <translation>+ 需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="255" />
        <source>Add a household's urgent need</source>
        <translation>登记一户的紧急需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="257" />
        <source>Add a need</source>
        <translation>登记需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="258" />
        <source>Update…</source>
        <translation>更新…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="259" />
        <source>Who is sourcing it, its status, a note</source>
        <translation>筹措人、状态、备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="261" />
        <source>Close…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="262" />
        <source>Close the need as met or cancelled</source>
        <translation>将需求办结为已满足或已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="271" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="273" />
        <source>No urgent need is open. Add one with + Need when a household needs medicine, formula or anything it cannot get through a group buy.</source>
        <translation>没有未办结的紧急需求。住户需要药品、奶粉或团购买不到的东西时，用“+ 需求”登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="275" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="275" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="275" />
        <source>Name</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="275" />
        <source>What</source>
        <translation>需要什么</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="276" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="276" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="276" />
        <source>Sourcing</source>
        <translation>筹措人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="277" />
        <source>Opened</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="277" />
        <source>Closed</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="282" />
        <source>The selected need's notes</source>
        <translation>所选需求的备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="344" />
        <source>phone %1</source>
        <translation>电话 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="362" />
        <source>Need %1 added.</source>
        <translation>已登记需求 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="369" />
        <source>Need %1 is now %2.</source>
        <translation>需求 %1 现为%2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="376" />
        <source>Need %1 closed: %2.</source>
        <translation>需求 %1 已办结：%2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="1" />
        <source>Reading the needs…</source>
        <translation>正在读取紧急需求…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="1" />
        <source>Reading the needs</source>
        <translation>正在读取紧急需求</translation>
    </message>
</context>
<context>
    <name>NewBuyDialog</name>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="84" />
        <source>yuan, e.g. 32</source>
        <translation>元，例如 32</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="89" />
        <source>no cap</source>
        <translation>不限购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="102" />
        <source>Item %1 name</source>
        <translation>商品 %1 名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="103" />
        <source>Item %1 unit</source>
        <translation>商品 %1 单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="104" />
        <source>Item %1 price in yuan</source>
        <translation>商品 %1 价格（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="105" />
        <source>Item %1 storage</source>
        <translation>商品 %1 存放方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="106" />
        <source>Item %1 cap per household</source>
        <translation>商品 %1 每户限购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="107" />
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="112" />
        <source>Remove item %1</source>
        <translation>删除商品 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="108" />
        <source>Problem with item %1</source>
        <translation>商品 %1 有误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="131" />
        <source>New group buy</source>
        <translation>新建团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="136" />
        <source>Title</source>
        <translation>团购名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="139" />
        <source>Supplier</source>
        <translation>商家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="146" />
        <source>Pick one, or type a new supplier</source>
        <translation>选择商家，或输入新商家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="147" />
        <source>Pick a supplier from the list, or type the name of a new one</source>
        <translation>从列表中选择商家，或输入新商家的名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="149" />
        <source>The supplier's record</source>
        <translation>商家的记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="153" />
        <source>Warning about the supplier</source>
        <translation>关于商家的提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="155" />
        <source>Organiser</source>
        <translation>团长</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="80" />
        <source>e.g. frozen dumplings</source>
        <translation>例如：冷冻饺子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="82" />
        <source>bag</source>
        <translation>袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="137" />
        <source>e.g. Frozen dumplings</source>
        <translation>例如：冷冻饺子团</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="156" />
        <source>who runs this buy, e.g. Auntie Chen</source>
        <translation>负责本团的人，例如 团长陈阿姨</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="165" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="165" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="165" />
        <source>Price (¥)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="166" />
        <source>Storage</source>
        <translation>存放</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="166" />
        <source>Cap per household</source>
        <translation>每户限购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="181" />
        <source>+ &amp;Item</source>
        <translation>+ 商品(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="181" />
        <source>Add an item</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="181" />
        <source>Add another item (%1)</source>
        <translation>再添加一个商品（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="185" />
        <source>Problem with the items</source>
        <translation>商品有误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="187" />
        <source>Minimum</source>
        <translation>起送量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="188" />
        <source>units the supplier needs, e.g. 30 (optional)</source>
        <translation>商家要求的最少件数，例如 30（可不填）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="191" />
        <source>Delivery fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="192" />
        <source>yuan, e.g. 5 (optional)</source>
        <translation>元，例如 5（可不填）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="194" />
        <source>Delivery fee charged</source>
        <translation>运费收取方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="195" />
        <source>per order</source>
        <translation>每单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="196" />
        <source>once per household</source>
        <translation>每户一次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="204" />
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="207" />
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="208" />
        <source>No deadline</source>
        <translation>不设截止时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="218" />
        <source>Open for orders now (otherwise it stays a draft)</source>
        <translation>立即开始接单（否则保存为草稿）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="219" />
        <source>Open for orders now</source>
        <translation>立即开始接单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="225" />
        <source>&amp;Title</source>
        <translation>名称(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="226" />
        <source>&amp;Supplier</source>
        <translation>商家(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="227" />
        <source>&amp;Organiser</source>
        <translation>团长(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="238" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="240" />
        <source>&amp;Minimum</source>
        <translation>起送量(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="241" />
        <source>&amp;Deadline</source>
        <translation>截止时间(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="242" />
        <source>Deli&amp;very fee</source>
        <translation>运费(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="245" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="248" />
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="252" />
        <source>Open group buy</source>
        <translation>开团</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="249" />
        <source>Open the group buy (Enter)</source>
        <translation>开团（回车）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="250" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="250" />
        <source>Close without opening a buy (Esc)</source>
        <translation>不开团并关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="252" />
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="415" />
        <source>Saving the group buy…</source>
        <translation>正在保存团购…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="326" />
        <source>%1 is new here: no record yet.</source>
        <translation>%1 是新商家：本小区还没有记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/new_buy_dialog.py" line="390" />
        <source>Add at least one item, with its name and price in yuan.</source>
        <translation>请至少添加一个商品，填写名称和价格（元）。</translation>
    </message>
</context>
<context>
    <name>NewDistributionDialog</name>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="61" />
        <source>New distribution</source>
        <translation>新建物资发放</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="66" />
        <source>Title</source>
        <translation>发放名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="68" />
        <source>Donor</source>
        <translation>捐赠方</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="70" />
        <source>Items per recipient</source>
        <translation>每份物资</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="67" />
        <source>such as Supply pack</source>
        <translation>例如 保供包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="69" />
        <source>such as the sub-district office or the Red Cross</source>
        <translation>例如 街道 或 红十字会</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="71" />
        <source>One item a line, name=quantity per recipient:
rice 5 kg=1
oil 1 L=1
vegetables=1</source>
        <translation>每行一项，名称=每份数量：
米 5 公斤=1
油 1 升=1
蔬菜包=1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="75" />
        <source>Who receives</source>
        <translation>发放对象</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="76" />
        <source>Every household</source>
        <translation>全体住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="78" />
        <source>Households with the flag: %1</source>
        <translation>带有标记的住户：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="80" />
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="139" />
        <source>A list of addresses</source>
        <translation>一份地址名单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="82" />
        <source>Addresses, one a line</source>
        <translation>地址，每行一个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="83" />
        <source>One address a line, such as 12-301</source>
        <translation>每行一个地址，例如 12-301</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="88" />
        <source>&amp;Load a list…</source>
        <translation>导入名单(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="89" />
        <source>Read the addresses from a text file, one a line</source>
        <translation>从文本文件读取地址，每行一个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="91" />
        <source>Packs</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="92" />
        <source>One per household</source>
        <translation>每户一份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="93" />
        <source>One per person living there</source>
        <translation>每人一份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="94" />
        <source>Recipients</source>
        <translation>发放对象人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="98" />
        <source>&amp;Title:</source>
        <translation>名称(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="99" />
        <source>&amp;Donor:</source>
        <translation>捐赠方(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="100" />
        <source>&amp;Items:</source>
        <translation>物资(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="101" />
        <source>&amp;Who receives:</source>
        <translation>发放对象(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="103" />
        <source>&amp;Packs:</source>
        <translation>份数(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="105" />
        <source>&amp;Announce</source>
        <translation>发布(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="106" />
        <source>Save the distribution and one order for every recipient</source>
        <translation>保存这次发放，并为每个发放对象生成一份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="107" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="140" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="134" />
        <source>%n households</source>
        <translation>
            <numerusform>%n 户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="135" />
        <source>%n packs</source>
        <translation>
            <numerusform>%n 份</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="134" />
        <source>%1, %2</source>
        <comment>households, packs</comment>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>NewNeedDialog</name>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="97" />
        <source>New urgent need</source>
        <translation>登记紧急需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="99" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="100" />
        <source>e.g. 12-301</source>
        <translation>例如 12-301</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="101" />
        <source>What is needed</source>
        <translation>需要什么</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="102" />
        <source>e.g. insulin (Novolin R), infant formula stage 1</source>
        <translation>例如：胰岛素（诺和灵R）、1段婴儿奶粉</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="103" />
        <source>&amp;Urgent: shown at the gate when the household's bag or card is scanned</source>
        <translation>紧急：扫到这户的袋子或住户卡时在门岗显示(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="105" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="106" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="109" />
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="111" />
        <source>Problem with the address</source>
        <translation>地址有问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="112" />
        <source>&amp;What is needed</source>
        <translation>需要什么(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="114" />
        <source>Problem with what is needed</source>
        <translation>“需要什么”有问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="116" />
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="119" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="120" />
        <source>Save the need (Enter)</source>
        <translation>保存需求（回车）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="121" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>NewSupplierDialog</name>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="210" />
        <source>New supplier</source>
        <translation>新增商家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="213" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="214" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="215" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="216" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="217" />
        <source>e.g. delivers Tuesdays and Fridays</source>
        <translation>例如：每周二、五送货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="221" />
        <source>Problem with the name</source>
        <translation>名称有误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="239" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="220" />
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="223" />
        <source>&amp;Contact</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="224" />
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="224" />
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="227" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="228" />
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="229" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="200" />
        <source>Notice for the lobby board</source>
        <translation>大堂公告栏通知</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="207" />
        <source>Hours of the lobby table</source>
        <translation>登记台开放时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="210" />
        <source>When bags can be collected</source>
        <translation>领取时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="212" />
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="208" />
        <source>such as every day 9:00–11:00 and 16:00–18:00</source>
        <translation>例如 每天 9:00–11:00、16:00–18:00</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="211" />
        <source>such as the day goods arrive, 14:00–18:00</source>
        <translation>例如 到货当天 14:00–18:00</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="213" />
        <source>such as volunteer Ms Wang 138…, lobby of building 12</source>
        <translation>例如 志愿者王女士 138…，12号楼大堂</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="214" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="215" />
        <source>every building</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="217" />
        <source>Lobby table &amp;hours:</source>
        <translation>登记台时间(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="219" />
        <source>&amp;Collection:</source>
        <translation>领取时间(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="220" />
        <source>C&amp;ontact:</source>
        <translation>联系方式(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="221" />
        <source>&amp;Building:</source>
        <translation>楼栋(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="224" />
        <source>Preview of the notice</source>
        <translation>通知预览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="231" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="233" />
        <source>&amp;Update preview</source>
        <translation>更新预览(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="234" />
        <source>Keep these lines and draw the notice again</source>
        <translation>保存这些内容并重新绘制通知</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="236" />
        <source>&amp;Save as PDF…</source>
        <translation>存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="237" />
        <source>Write the notice to a PDF file</source>
        <translation>把通知写成 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="238" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="239" />
        <source>Print the notice on A4</source>
        <translation>用 A4 纸打印通知</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="240" />
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="241" />
        <source>Close this window</source>
        <translation>关闭此窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="274" />
        <source>Drawing…</source>
        <translation>正在绘制…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="301" />
        <source>Save the notice</source>
        <translation>保存通知</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="302" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="309" />
        <source>The notice was saved to %1.</source>
        <translation>通知已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="326" />
        <source>Printing the notice…</source>
        <translation>正在打印通知…</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="49" />
        <source>New operator</source>
        <translation>新操作员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="49" />
        <source>A new PIN for %1</source>
        <translation>为 %1 重设密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="52" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="54" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="57" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="58" />
        <source>PIN again</source>
        <translation>再输一次密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="61" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="62" />
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="66" />
        <source>&amp;PIN (4–8 digits):</source>
        <translation>密码(&amp;P)（4–8 位数字）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="67" />
        <source>PIN a&amp;gain:</source>
        <translation>再输一次(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="69" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="70" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="82" />
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>两次输入的密码不同：请输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="112" />
        <location filename="../../desktop/ui/people/operators_page.py" line="118" />
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="114" />
        <source>Who may sign in, and what each sees: a guard the gate and the stations; a volunteer the roster, group buys, suppliers, bags, urgent needs and the stations; the committee everything.</source>
        <translation>谁可以登录，各自看到什么：门岗看门岗和站点；志愿者看住户、团购、商家、分装与标签、紧急需求和站点；居委会看全部。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="115" />
        <source>About operators</source>
        <translation>关于操作员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="117" />
        <source>What was just done</source>
        <translation>刚才的操作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="120" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="120" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="120" />
        <source>Can sign in</source>
        <translation>可登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="123" />
        <source>&amp;Add operator…</source>
        <translation>添加操作员(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="124" />
        <source>A new operator with a role and a PIN</source>
        <translation>添加一位有角色和密码的操作员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="125" />
        <source>New &amp;PIN…</source>
        <translation>重设密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="126" />
        <source>Give the chosen operator a new PIN</source>
        <translation>为选中的操作员设置新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="127" />
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="128" />
        <source>The chosen operator can no longer sign in</source>
        <translation>选中的操作员将不能再登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="133" />
        <source>Lock after minutes idle</source>
        <translation>空闲多少分钟后锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="135" />
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="136" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="137" />
        <source>Sa&amp;ve</source>
        <translation>保存(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="138" />
        <source>Keep this idle lock for every station using this file</source>
        <translation>使用此数据文件的所有站点都采用这个空闲锁定时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="141" />
        <source>&amp;Lock the window after this long untouched:</source>
        <translation>无人操作多久后锁定窗口(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="168" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="168" />
        <source>no — disabled</source>
        <translation>否——已停用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="212" />
        <source>%1 can no longer sign in.</source>
        <translation>%1 已不能再登录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="221" />
        <source>The window will not lock by itself.</source>
        <translation>窗口不会自动锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="222" />
        <source>The window locks after %1 minutes untouched.</source>
        <translation>无人操作 %1 分钟后窗口将锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="228" />
        <source>%1 added as %2.</source>
        <translation>已添加 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/operators_page.py" line="228" />
        <source>%1 has a new PIN.</source>
        <translation>%1 的密码已重设。</translation>
    </message>
</context>
<context>
    <name>OrderEntry</name>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="77" />
        <location filename="../../desktop/ui/buys/order_entry.py" line="79" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="80" />
        <source>12-301 / 12号楼301</source>
        <translation>12-301 / 12号楼301</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="81" />
        <source>The household's address, in any form: 12-301, 12-2-301, 12号楼301, 12栋2单元301 (%1)</source>
        <translation>住户地址，任何写法都可以：12-301、12-2-301、12号楼301、12栋2单元301（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="94" />
        <source>Save order</source>
        <translation>保存订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="95" />
        <source>Save this household's order and start the next (Enter)</source>
        <translation>保存这户的订单，接着录下一户（回车）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="106" />
        <source>Household found</source>
        <translation>找到的住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="114" />
        <source>Problem with the order</source>
        <translation>订单有误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="128" />
        <source>Why no orders are taken</source>
        <translation>不能下单的原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="98" />
        <source>Address, then an item's letters or /number, its quantity, … Enter saves</source>
        <translation>地址，然后输入商品字母代码或 /编号、数量……回车保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="103" />
        <source>Item being chosen</source>
        <translation>正在选择的商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="134" />
        <source>Items and quantities</source>
        <translation>商品和数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="225" />
        <source>Quantity of %1</source>
        <translation>%1 的数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="226" />
        <source>type %1 or /%2 to come here</source>
        <translation>输入 %1 或 /%2 跳到这里</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="228" />
        <source>How many %1 (%2 each, at most %3 per household); empty for none</source>
        <translation>%1 要几份（单价 %2，每户限购 %3）；不要就留空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="232" />
        <source>How many %1 (%2 each); empty for none</source>
        <translation>%1 要几份（单价 %2）；不要就留空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="235" />
        <source>≤%1</source>
        <translation>≤%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/item_keys.py" line="80" />
        <source>item number…</source>
        <translation>商品编号…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/item_keys.py" line="89" />
        <source>no item for “%1”</source>
        <translation>没有对应“%1”的商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/item_keys.py" line="107" />
        <location filename="../../desktop/ui/buys/item_keys.py" line="120" />
        <source>no item %1</source>
        <translation>没有第 %1 号商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="356" />
        <source>No household at %1 in the roster.</source>
        <translation>名单中没有 %1 这户。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="357" />
        <source>&amp;Add household %1…</source>
        <translation>添加住户 %1(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="358" />
        <source>Add household %1</source>
        <translation>添加住户 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="359" />
        <source>Add the household at %1 to the roster (%2)</source>
        <translation>把 %1 这户加入住户名单（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="398" />
        <source>%1 — already ordered %2: change the quantities, Enter saves the change</source>
        <translation>%1 —— 已下过单（%2）：修改数量后按回车保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="438" />
        <source>More than double</source>
        <translation>超过原来的两倍</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="439" />
        <source>This changes the order of %1 from %2 to %3, more than double. Save the change?</source>
        <translation>%1 的订单将从 %2 改为 %3，超过原来的两倍。保存这个改动吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="444" />
        <source>Confirm a large change</source>
        <translation>确认大幅改动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="445" />
        <source>&amp;Save %1</source>
        <translation>保存 %1(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="447" />
        <source>&amp;Check again</source>
        <translation>再检查一下(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/order_entry.py" line="401" />
        <source>%1 — new order</source>
        <translation>%1 —— 新订单</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="293" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="296" />
        <source>Due</source>
        <translation>应付</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="296" />
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="296" />
        <source>Refund owed</source>
        <translation>应退款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="302" />
        <source>unplaced (%1)</source>
        <translation>未归户（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="302" />
        <source>unplaced</source>
        <translation>未归户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="332" />
        <source>Cancelled: nothing is due; what was paid is owed back</source>
        <translation>已取消：无需付款；已付的钱应退回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="337" />
        <source>Ordered %1, allocated %2</source>
        <translation>订购 %1，分到 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="340" />
        <source>Settled over this household's %1 orders: due %2, paid %3 in all; still owes %4, refund owed %5</source>
        <translation>按这户的 %1 单合并结算：共应付 %2，已付 %3；待付 %4，应退 %5</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buys_model.py" line="346" />
        <source>Still owes %1</source>
        <translation>还欠 %1</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="81" />
        <source>an unplaced order</source>
        <translation>未归户订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="82" />
        <source>Payment for %1</source>
        <translation>%1 的收款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="88" />
        <source>%1 · %2: due %3, paid %4.</source>
        <translation>%1 · %2：应付 %3，已付 %4。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="91" />
        <source>The order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="93" />
        <source>What is owed</source>
        <translation>欠款情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="95" />
        <source>Still to pay: %1</source>
        <translation>还需付：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="97" />
        <source>Refund owed to the household: %1</source>
        <translation>应退给住户：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="99" />
        <source>Nothing is owed either way.</source>
        <translation>双方都不欠款。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="102" />
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="105" />
        <source>Amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="106" />
        <source>yuan, e.g. 64 or 58.50</source>
        <translation>元，例如 64 或 58.50</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="107" />
        <source>This is a refund: money paid back to the household</source>
        <translation>这是退款：把钱退给住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="108" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="109" />
        <source>Reference</source>
        <translation>备注号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="110" />
        <source>transaction number, or who took the cash</source>
        <translation>交易单号，或现金由谁收</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="120" />
        <source>&amp;Method</source>
        <translation>方式(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="121" />
        <source>&amp;Amount (¥)</source>
        <translation>金额（元）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="122" />
        <source>&amp;Reference</source>
        <translation>备注号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="123" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="126" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="127" />
        <source>Record the payment</source>
        <translation>记录收款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="127" />
        <source>Record it in the ledger (Enter)</source>
        <translation>记入账目（回车）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="128" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="128" />
        <source>Close without recording (Esc)</source>
        <translation>不记录并关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="180" />
        <source>Recording the payment…</source>
        <translation>正在记录付款…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="163" />
        <source>Type the amount in yuan, such as 64 or 58.50.</source>
        <translation>请填写金额（元），例如 64 或 58.50。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="164" />
        <source>A payment of ¥0.00 is not a payment: type the amount.</source>
        <translation>金额不能为 ¥0.00：请填写金额。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="165" />
        <source>“%1” has more than two decimals: money is counted to the fen, such as 58.5 or 12.35.</source>
        <translation>“%1”的小数超过两位：金额精确到分，例如 58.5 或 12.35。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="167" />
        <source>%1 yuan is more than any order costs: check the amount.</source>
        <translation>%1 元超过任何订单的金额：请检查。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/buy_dialogs.py" line="168" />
        <source>“%1” is not an amount: type yuan, such as 64 or 58.50.</source>
        <translation>“%1”不是有效金额：请填写元，例如 64 或 58.50。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop/ui/printing.py" line="117" />
        <source>Sent to %1: 1 page.</source>
        <translation>已发送到 %1：1 页。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="118" />
        <source>Sent to %1: %2 pages.</source>
        <translation>已发送到 %1：共 %2 页。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="132" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="133" />
        <source>Print %1</source>
        <translation>打印 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="151" />
        <source>Printing cancelled: nothing was printed.</source>
        <translation>已取消打印：没有打印任何内容。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../desktop/ui/qt_catalogue.py" line="20" />
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/qt_catalogue.py" line="21" />
        <source>Drive</source>
        <comment>All other platforms</comment>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/qt_catalogue.py" line="22" />
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desktop/ui/qt_catalogue.py" line="18" />
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/qt_catalogue.py" line="19" />
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <location filename="../../desktop/ui/qt_catalogue.py" line="24" />
        <source>Page &amp;order:</source>
        <translation>页面顺序(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/qt_catalogue.py" line="25" />
        <source>Pages &amp;per sheet:</source>
        <translation>每张纸页数(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../desktop/ui/qt_catalogue.py" line="26" />
        <source>Don't Save</source>
        <translation>不保存</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location filename="../../desktop/ui/qt_catalogue.py" line="23" />
        <source>Page &amp;Set:</source>
        <translation>奇偶页(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="107" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="108" />
        <source>Day of the sheet</source>
        <translation>日报日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="114" />
        <source>&amp;Print the day's sheet…</source>
        <translation>打印当日日报(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="115" />
        <source>Print the daily distribution sheet</source>
        <translation>打印每日分发日报</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="117" />
        <source>Save the sheet as P&amp;DF…</source>
        <translation>日报另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="118" />
        <source>Save the daily distribution sheet as a PDF</source>
        <translation>把每日分发日报保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="123" />
        <source>Da&amp;y</source>
        <translation>日期(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="128" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="129" />
        <source>The day's figures</source>
        <translation>当日数字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="132" />
        <source>Days without anything</source>
        <translation>未领天数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="136" />
        <source>Coverage</source>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="139" />
        <source>Received nothing in the &amp;last</source>
        <translation>最近(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="141" />
        <source>days:</source>
        <translation>天内未领到物资：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="144" />
        <location filename="../../desktop/ui/committee/reports_page.py" line="314" />
        <location filename="../../desktop/ui/committee/reports_page.py" line="318" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="144" />
        <source>Name</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="144" />
        <source>Flags</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="144" />
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="144" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="145" />
        <source>Last bag</source>
        <translation>上次领到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="145" />
        <location filename="../../desktop/ui/committee/reports_page.py" line="150" />
        <source>Urgent needs</source>
        <translation>紧急需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="147" />
        <source>Households that received nothing</source>
        <translation>未领到物资的住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="151" />
        <source>+ Need</source>
        <translation>+ 需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="152" />
        <source>Add a household's urgent need</source>
        <translation>登记一户的紧急需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="153" />
        <source>Add a need</source>
        <translation>登记需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="154" />
        <source>Money of</source>
        <translation>账目范围</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="162" />
        <source>&amp;Money of</source>
        <translation>账目范围(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="175" />
        <source>Bags handed over and waiting per building</source>
        <translation>各楼已交付和待取的袋数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="176" />
        <source>handed over</source>
        <translation>已交付</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="176" />
        <source>waiting</source>
        <translation>待取</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="177" />
        <source>No bag handed over or waiting on this day.</source>
        <translation>当天没有已交付或待取的袋子。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="178" />
        <source>Bags handed over per day</source>
        <translation>每天交付的袋数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="179" />
        <source>No bag handed over in the last two weeks.</source>
        <translation>最近两周没有交付的袋子。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="181" />
        <source>Bags per building on the day</source>
        <translation>当天各楼袋数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="182" />
        <source>Bags handed over per day, last %1 days</source>
        <translation>最近 %1 天每天交付的袋数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="241" />
        <source>Urgent needs: %1 open, %2 of them urgent</source>
        <translation>紧急需求：未办结 %1 件，其中紧急 %2 件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="246" />
        <source>every group buy</source>
        <translation>全部团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="253" />
        <source>Bldg %1</source>
        <translation>%1号楼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="255" />
        <source>%1: %2 handed over, %3 waiting</source>
        <translation>%1：已交付 %2，待取 %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="268" />
        <source>%1 households received nothing · %2 vulnerable · %3 without a smartphone</source>
        <translation>%1 户未领到物资 · 特殊照顾 %2 户 · 无智能手机 %3 户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="272" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="273" />
        <source>%1 days ago (%2)</source>
        <translation>%1 天前（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="274" />
        <source>%1 · no smartphone: call or knock</source>
        <translation>%1 · 无智能手机：请打电话或上门</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="294" />
        <source>Collected %1</source>
        <translation>已收 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="295" />
        <source>refunded %1</source>
        <translation>已退 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="296" />
        <source>refunds owed %1 (%2 households)</source>
        <translation>待退 %1（%2 户）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="298" />
        <source>owed to suppliers %1</source>
        <translation>应付商家 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="299" />
        <source>balance %1</source>
        <translation>结余 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="304" />
        <source>Show the rows behind this figure</source>
        <translation>查看这个数字背后的明细</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="314" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="314" />
        <location filename="../../desktop/ui/committee/reports_page.py" line="318" />
        <location filename="../../desktop/ui/committee/reports_page.py" line="321" />
        <location filename="../../desktop/ui/committee/reports_page.py" line="325" />
        <source>Group buy</source>
        <translation>团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="314" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="315" />
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="315" />
        <source>Reference</source>
        <translation>备注号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="315" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="318" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="318" />
        <source>Owed back</source>
        <translation>应退</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="321" />
        <location filename="../../desktop/ui/committee/reports_page.py" line="325" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="321" />
        <source>Supplier</source>
        <translation>商家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="321" />
        <source>Owed</source>
        <translation>应付</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="325" />
        <source>Collected</source>
        <translation>已收款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="325" />
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="326" />
        <source>Refunds owed</source>
        <translation>应退款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="326" />
        <source>Goods</source>
        <translation>货款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="326" />
        <source>Balance</source>
        <translation>结余</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="329" />
        <source>%1 rows · total %2</source>
        <translation>共 %1 条 · 合计 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="365" />
        <source>Need %1 added.</source>
        <translation>已登记需求 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="380" />
        <source>Save the daily sheet</source>
        <translation>保存日报</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="381" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="396" />
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="397" />
        <source>Saved the daily sheet to %1.</source>
        <translation>日报已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="416" />
        <source>Drawing the daily sheet…</source>
        <translation>正在生成日报…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="1" />
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="1" />
        <source>Reading the figures</source>
        <translation>正在读取数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/reports_page.py" line="1" />
        <source>Double-click a household, or press Enter, to open it</source>
        <translation>双击某户或按回车键打开该户</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="355" />
        <source>Bag handed over twice</source>
        <translation>重复交付的袋子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="360" />
        <source>Bag %1 for %2 was handed over:</source>
        <translation>%2 的袋子 %1 被交付了：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="361" />
        <source>• %1 %2 by %3 at %4</source>
        <translation>• %2 %1，经手：%3，地点：%4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="363" />
        <source>The handoffs</source>
        <translation>交接记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="365" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="366" />
        <source>e.g. a neighbour collected it for the household; checked</source>
        <translation>例如：邻居代取，已核实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="368" />
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="370" />
        <source>&amp;Save note</source>
        <translation>保存说明(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="371" />
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../desktop/ui/roster/roster_model.py" line="94" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_model.py" line="95" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_model.py" line="96" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_model.py" line="97" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_model.py" line="98" />
        <source>Flags</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_model.py" line="99" />
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_model.py" line="126" />
        <source>No longer active: moved out or not served</source>
        <translation>已停用：已搬走或不再保供</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="82" />
        <source>Search households</source>
        <translation>搜索住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="83" />
        <source>Search: 12-301 / 张 / zs / 138…</source>
        <translation>搜索：12-301 / 张 / zs / 138…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="86" />
        <source>Address, room, name, phone digits or pinyin initials (%1)</source>
        <translation>地址、房号、姓名、电话号码或拼音首字母（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="97" />
        <source>Households found</source>
        <translation>找到的住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="100" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="101" />
        <source>Import a roster spreadsheet (CSV or Excel)</source>
        <translation>导入住户名单表格（CSV 或 Excel）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="103" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="104" />
        <source>Export the roster to Excel or CSV</source>
        <translation>把住户名单导出为 Excel 或 CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="106" />
        <source>+ Household</source>
        <translation>+ 住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="107" />
        <source>Add a household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="119" />
        <source>Households per building</source>
        <translation>各楼住户数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="120" />
        <source>Click a building to list only its households</source>
        <translation>点击楼号，只看这栋楼的住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="125" />
        <source>Roster counts</source>
        <translation>住户统计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="131" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="138" />
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="141" />
        <source>Enter or double click opens a household</source>
        <translation>回车或双击打开住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="149" />
        <source>No household found</source>
        <translation>没有找到住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="187" />
        <source>No households yet. Bring in the committee's spreadsheet, or add the first household by hand.</source>
        <translation>还没有住户。请导入居委会的住户表格，或手动添加第一户。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="193" />
        <source>A CSV (UTF-8 or GBK) or Excel file with an address column (地址), or building and room columns, is enough.</source>
        <translation>只要是 CSV（UTF-8 或 GBK）或 Excel 文件，有“地址”列，或“楼号”和“房号”列即可。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="189" />
        <source>Import a spreadsheet…</source>
        <translation>导入表格…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="189" />
        <source>Import a spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="191" />
        <source>Add the first household</source>
        <translation>添加第一户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="236" />
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="302" />
        <source>Building %1 (%2)</source>
        <translation>%1号楼 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="305" />
        <source>%1 households</source>
        <translation>共 %1 户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="306" />
        <source>flagged: %1</source>
        <translation>特殊情况：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="307" />
        <source>door delivery: %1</source>
        <translation>送货上门：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="318" />
        <source>%1 found</source>
        <translation>找到 %1 户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="321" />
        <source>No household at %1. Press %2 to add it.</source>
        <translation>%1 没有住户。按 %2 添加。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="324" />
        <source>No household matches “%1”.</source>
        <translation>没有与“%1”匹配的住户。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="400" />
        <source>Import a roster</source>
        <translation>导入住户名单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="401" />
        <source>Roster files (*.csv *.xlsx);;All files (*)</source>
        <translation>住户名单文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="417" />
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="439" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="447" />
        <source>Imported %1: %2 added, %3 updated, %4 unchanged, %5 skipped.</source>
        <translation>已导入 %1：新增 %2 户，更新 %3 户，不变 %4 户，跳过 %5 行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="452" />
        <source>%1 conflicts: %2 kept as edited here, %3 taken from the file.</source>
        <translation>%1 处冲突：%2 处保留本程序中的修改，%3 处采用文件的值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="461" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="462" />
        <source>CSV, opens in Excel (*.csv)</source>
        <translation>CSV，可用 Excel 打开 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="463" />
        <source>roster</source>
        <translation>住户名单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="466" />
        <source>Export the roster</source>
        <translation>导出住户名单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="483" />
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster/roster_page.py" line="485" />
        <source>Exported %1 households to %2.</source>
        <translation>已导出 %1 户到 %2。</translation>
    </message>
</context>
<context>
    <name>Safekeeping</name>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="91" />
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="92" />
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="117" />
        <source>Looking for a good backup…</source>
        <translation>正在查找完好的备份…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="122" />
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="301" />
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="125" />
        <source>The compound's file is damaged, and there is no good backup of it to restore. Nothing will be written to the file: you can still look things up, but not change anything. Copy the file somewhere safe and ask for help.</source>
        <translation>小区数据文件已损坏，而且没有可以恢复的完好备份。不会再向这个文件写入任何内容：仍可以查看，但不能修改。请把文件复制到安全的地方，并请人帮忙。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="133" />
        <source>The compound's file is damaged, so nothing will be written to it.

Restore the newest good backup, taken %1? The damaged file is kept aside in the same folder. Changes made after %1 are not in the backup.</source>
        <translation>小区数据文件已损坏，不会再写入任何内容。

要恢复最近一份完好的备份（%1）吗？损坏的文件会另外保留在同一文件夹中。%1 之后做的改动不在这份备份里。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="137" />
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="308" />
        <source>&amp;Restore the backup</source>
        <translation>恢复这份备份(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="140" />
        <source>&amp;Not now</source>
        <translation>暂不恢复(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="165" />
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="167" />
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="179" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="221" />
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="239" />
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="241" />
        <source>Restored the backup taken %1. The file that was in use is kept as %2.</source>
        <translation>已恢复 %1 的备份。原来使用的文件保留为 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="244" />
        <source>Restored the backup taken %1.</source>
        <translation>已恢复 %1 的备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="257" />
        <source>Compound Desk</source>
        <translation>小区保供台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safekeeping/safekeeping.py" line="303" />
        <source>%1 is damaged and cannot be opened.

Restore the newest good backup, taken %2? The damaged file is kept aside in the same folder. Changes made after %2 are not in the backup.</source>
        <translation>%1 已损坏，无法打开。

要恢复最近一份完好的备份（%2）吗？损坏的文件会另外保留在同一文件夹中。%2 之后做的改动不在这份备份里。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="147" />
        <location filename="../../desktop/ui/main_window.py" line="156" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="149" />
        <source>Go to the %1 page</source>
        <translation>转到“%1”页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="151" />
        <source>Alt + underlined letter</source>
        <translation>Alt + 带下划线的字母</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="151" />
        <source>Press that button or go to that field</source>
        <translation>按下该按钮，或转到该输入框</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="152" />
        <source>The dialog's main button (Save, Import…)</source>
        <translation>对话框的主按钮（保存、导入…）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="153" />
        <source>Close the dialog without changing anything</source>
        <translation>关闭对话框，不做任何改动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="154" />
        <source>Next / previous field</source>
        <translation>下一个 / 上一个输入框</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="157" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="157" />
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="168" />
        <source>Each page's buttons show their own keys when you hold the mouse over them.</source>
        <translation>把鼠标停在各页的按钮上，可以看到它们各自的快捷键。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="171" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="77" />
        <location filename="../../desktop/ui/people/sign_in.py" line="89" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="78" />
        <source>Type your name (or pick it) and your PIN, then press Enter.</source>
        <translation>输入（或选择）姓名和密码，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="79" />
        <source>How to sign in</source>
        <translation>如何登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="81" />
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="82" />
        <source>Your PIN</source>
        <translation>你的密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="86" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="87" />
        <source>&amp;PIN:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/sign_in.py" line="88" />
        <source>Problem signing in</source>
        <translation>登录出错</translation>
    </message>
</context>
<context>
    <name>StationBanner</name>
    <message>
        <location filename="../../desktop/ui/stations/banner.py" line="24" />
        <source>Last merge with the lobby</source>
        <translation>与大堂的上次合并</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/banner.py" line="45" />
        <source>Gate station %1 · last lobby file written %2. Bags made at the lobby after it are not known here: they answer “unknown” until the next merge.</source>
        <translation>门岗站点 %1 · 上次导入的大堂文件写于 %2。此后在大堂制作的袋子本站还不认识：下次合并前扫码会显示“不认识”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/banner.py" line="49" />
        <source>No lobby file merged for %1 hours: take this station's file to the lobby and bring the lobby's back (Stations page).</source>
        <translation>已有 %1 小时没有导入大堂的文件：请把本站的文件带到大堂，再把大堂的文件带回来（“站点”页）。</translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="87" />
        <source>This station</source>
        <translation>本站点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="89" />
        <source>Export for the other station…</source>
        <translation>为另一站点导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="90" />
        <source>Write what the other station needs into one file, for a USB stick</source>
        <translation>把另一站点需要的内容写进一个文件，拷到U盘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="92" />
        <source>Import from the other station…</source>
        <translation>导入另一站点的文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="93" />
        <source>Merge the other station's exchange file into this one</source>
        <translation>把另一站点的交换文件合并到本站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="95" />
        <source>Make this a gate station…</source>
        <translation>把本机设为门岗站点…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="96" />
        <source>This laptop is at the gate: take the lobby's exchange file, with its bags and cards but not its secret</source>
        <translation>本机放在门岗：导入大堂的交换文件，包含袋子和住户卡，但不含小区密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="105" />
        <source>What came in</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="107" />
        <source>Last merge</source>
        <translation>上次合并</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="111" />
        <source>Remind after hours</source>
        <translation>提醒间隔小时数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="113" />
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="115" />
        <source>Set reminder</source>
        <translation>设置提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="116" />
        <source>Remind this gate when no lobby file was merged for this many hours</source>
        <translation>超过这么多小时没有导入大堂文件时提醒本门岗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="121" />
        <source>Remind me when no lobby file was merged for:</source>
        <translation>多久没有导入大堂文件时提醒：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="129" />
        <source>Gate stations</source>
        <translation>门岗站点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="131" />
        <source>Gate station</source>
        <translation>门岗站点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="131" />
        <source>Its last file merged here</source>
        <translation>其最近一次文件在此合并的时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="132" />
        <source>Bags made here it does not know yet</source>
        <translation>此后新做、它还不认识的袋子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="135" />
        <location filename="../../desktop/ui/stations/stations_page.py" line="136" />
        <source>Bags handed over twice</source>
        <translation>重复交付的袋子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="138" />
        <source>Bag</source>
        <translation>袋子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="138" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="138" />
        <source>Handovers</source>
        <translation>交付记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="139" />
        <source>Committee's note</source>
        <translation>居委会说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="143" />
        <source>Resolve…</source>
        <translation>处理…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="144" />
        <source>Write what the committee found about the selected bag</source>
        <translation>为所选袋子写下居委会的核查结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="149" />
        <source>A bag handed over at two stations keeps both handoffs: they are listed here until the committee writes what it found. Nothing is deleted.</source>
        <translation>在两个站点都被交付的袋子会保留两条交接记录：在居委会写下核查结果之前都列在这里。不会删除任何记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="151" />
        <source>About the list</source>
        <translation>关于此清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="180" />
        <source>Station %1 · %2</source>
        <translation>站点 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="190" />
        <source>Last merged a lobby file written %1; bags made at the lobby after it are not known here until the next one.</source>
        <translation>上次合并的大堂文件写于 %1；此后在大堂制作的袋子，要到下次合并后本站才认识。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="193" />
        <source>No lobby file for %1 hours: bring this station's file to the lobby and take the lobby's back.</source>
        <translation>已有 %1 小时没有大堂的文件：请把本站的文件带到大堂，再把大堂的文件带回来。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="201" />
        <source>No gate station's file merged here yet.</source>
        <translation>还没有合并过门岗站点的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="202" />
        <source>%1 gate stations have sent files.</source>
        <translation>已有 %1 个门岗站点送来文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="210" />
        <source>Bags handed over twice: %1 to review</source>
        <translation>重复交付的袋子：%1 个待处理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="213" />
        <source>%1 %2 by %3 at %4</source>
        <translation>%2 %1，经手：%3，地点：%4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="215" />
        <source>to review</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="262" />
        <source>Export for the other station</source>
        <translation>为另一站点导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="269" />
        <source>Writing the exchange file…</source>
        <translation>正在写交换文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="274" />
        <source>Wrote %1 (%2). Only your account can read it: carry it to the other station and import it there.</source>
        <translation>已写出 %1（%2）。只有您的账户能读取：请带到另一站点并在那里导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="281" />
        <source>Import from the other station</source>
        <translation>导入另一站点的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="288" />
        <source>Merging the exchange file…</source>
        <translation>正在合并交换文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="293" />
        <source>nothing new</source>
        <translation>没有新内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="294" />
        <source>Merged the file of %1 (%2) written %3: %4.</source>
        <translation>已合并 %1（%2）于 %3 写出的文件：%4。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="297" />
        <source>A bag was handed over at two stations: review it below.</source>
        <translation>有一个袋子在两个站点都被交付了：请在下方处理。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="299" />
        <source>%1 bags were handed over twice: review them below.</source>
        <translation>有 %1 个袋子被重复交付：请在下方处理。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="310" />
        <source>The lobby's exchange file</source>
        <translation>大堂的交换文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="317" />
        <source>Making this a gate station…</source>
        <translation>正在设为门岗站点…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="1" />
        <source>Reading the stations…</source>
        <translation>正在读取站点…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="1" />
        <source>Reading the stations</source>
        <translation>正在读取站点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/stations_page.py" line="1" />
        <source>A committee member resolves a bag handed over twice: ask one to sign in.</source>
        <translation>重复交付的袋子由居委会成员处理：请一位居委会成员登录。</translation>
    </message>
</context>
<context>
    <name>Suppliers</name>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="66" />
        <source>delivered in full</source>
        <translation>足量送达</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="67" />
        <source>delivered short</source>
        <translation>少送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="68" />
        <source>turned the buy down</source>
        <translation>拒单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="69" />
        <source>buy cancelled</source>
        <translation>团购取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="70" />
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>SuppliersModel</name>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="105" />
        <source>Supplier</source>
        <translation>商家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="105" />
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="105" />
        <source>Group buys</source>
        <translation>团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="105" />
        <source>Delivered in full</source>
        <translation>足量送达</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="106" />
        <source>Delivered short</source>
        <translation>少送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="106" />
        <source>Turned down</source>
        <translation>拒单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="106" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="107" />
        <source>Supplier or donor</source>
        <translation>供应商或捐赠方</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="107" />
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="108" />
        <source>Distributions given</source>
        <translation>捐赠发放次数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="112" />
        <source>Donor</source>
        <translation>捐赠方</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="113" />
        <source>Supplier and donor</source>
        <translation>供应商兼捐赠方</translation>
    </message>
</context>
<context>
    <name>SuppliersPage</name>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="268" />
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="287" />
        <source>Suppliers</source>
        <translation>商家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="269" />
        <source>Note a complaint…</source>
        <translation>记录投诉…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="270" />
        <source>Note a complaint on the selected supplier's record</source>
        <translation>在选中商家的记录里记下一条投诉</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="272" />
        <source>+ Supplier</source>
        <translation>+ 商家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="273" />
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="274" />
        <source>Add a supplier</source>
        <translation>新增商家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="281" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="283" />
        <source>No suppliers yet. A supplier is added when a group buy names it, or with + Supplier.</source>
        <translation>还没有商家。开团时写上商家名会自动添加，也可以点“+ 商家”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="298" />
        <source>The supplier's record</source>
        <translation>商家的记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="300" />
        <source>Warning about the supplier</source>
        <translation>关于商家的提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="301" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="301" />
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="301" />
        <source>Group buy</source>
        <translation>团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="301" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="302" />
        <source>What happened with the supplier</source>
        <translation>商家的往来记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="409" />
        <source>Complaint noted on the record of %1.</source>
        <translation>已在 %1 的记录中记下投诉。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="421" />
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="287" />
        <source>Show suppliers, donors or both</source>
        <translation>显示供应商、捐赠方或两者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="288" />
        <source>Suppliers and donors</source>
        <translation>供应商和捐赠方</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="288" />
        <source>Suppliers only</source>
        <translation>仅供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="289" />
        <source>Donors only</source>
        <translation>仅捐赠方</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="295" />
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="370" />
        <source>Nobody of this kind yet: choose another under Show.</source>
        <translation>暂无此类记录：请在“显示”中选择其他类别。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/buys/suppliers_page.py" line="415" />
        <source>distributions given %1</source>
        <translation>捐赠发放 %1 次</translation>
    </message>
</context>
<context>
    <name>UndoDialog</name>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="55" />
        <location filename="../../desktop/ui/gate/dialogs.py" line="56" />
        <source>Undo the last handoff</source>
        <translation>撤销上一次交接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="63" />
        <source>Reason for undoing</source>
        <translation>撤销原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="64" />
        <source>Why? e.g. the wrong bag was scanned</source>
        <translation>为什么？例如：扫错了袋子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="65" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="67" />
        <source>&amp;Undo handoff</source>
        <translation>撤销交接(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="69" />
        <source>Undo handoff</source>
        <translation>撤销交接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="73" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/dialogs.py" line="77" />
        <source>Rea&amp;son (required):</source>
        <translation>原因（必填）(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>UpdateNeedDialog</name>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="139" />
        <source>Need %1: %2</source>
        <translation>需求 %1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="141" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="145" />
        <source>Who is sourcing it</source>
        <translation>筹措人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="146" />
        <source>e.g. Dr Wang at the clinic, the street office</source>
        <translation>例如：社区医院王医生、街道办</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="148" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="152" />
        <source>Note to add</source>
        <translation>追加备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="155" />
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="156" />
        <source>&amp;Who is sourcing it</source>
        <translation>筹措人(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="157" />
        <source>U&amp;rgency</source>
        <translation>紧急程度(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="158" />
        <source>&amp;Note to add</source>
        <translation>追加备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="160" />
        <source>Problem with the change</source>
        <translation>更改有问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="163" />
        <location filename="../../desktop/ui/committee/needs_page.py" line="165" />
        <source>Notes so far</source>
        <translation>已有备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="167" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="168" />
        <source>Save the change (Enter)</source>
        <translation>保存更改（回车）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="169" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="126" />
        <source>Answer</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="132" />
        <source>What the answer is</source>
        <translation>结果说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="133" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="134" />
        <source>Bag, storage and group buy</source>
        <translation>袋号、储存方式和团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="135" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="137" />
        <source>The household's other bags still waiting</source>
        <translation>该户其他待取的袋子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="141" />
        <source>Bags waiting for this household</source>
        <translation>这户待取的袋子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="1" />
        <source>The household's urgent need</source>
        <translation>该户的紧急需求</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="358" />
        <source>Waited</source>
        <translation>已等</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="358" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="358" />
        <source>Bag</source>
        <translation>袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="358" />
        <source>Storage</source>
        <translation>储存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="359" />
        <source>Group buy</source>
        <translation>团购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="359" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="379" />
        <source>at the gate</source>
        <translation>在门岗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="379" />
        <source>inside</source>
        <translation>在室内</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate/widgets.py" line="387" />
        <source>Past the cold-chain limit: hand it over or put it back in the cold</source>
        <translation>已超过冷链时限：请尽快交付或放回冷柜</translation>
    </message>
</context>
<context>
    <name>_NeedDialog</name>
    <message>
        <location filename="../../desktop/ui/committee/needs_page.py" line="64" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
</TS>