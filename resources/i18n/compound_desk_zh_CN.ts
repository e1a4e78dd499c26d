<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="54"/>
        <source>Compound Desk</source>
        <translation>小区保供台</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="27"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="35"/>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="39"/>
        <location filename="../../desktop/ui/crash_dialog.py" line="41"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="42"/>
        <source>Put the technical details on the clipboard, to paste for support</source>
        <translation>把技术细节复制到剪贴板，可粘贴发给技术支持</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="45"/>
        <location filename="../../desktop/ui/crash_dialog.py" line="47"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="63"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/ui/common.py" line="30"/>
        <source>Compound Desk</source>
        <translation>小区保供台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="32"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="35"/>
        <source>elderly alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="36"/>
        <source>infant</source>
        <translation>婴儿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="37"/>
        <source>pregnant</source>
        <translation>孕妇</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="38"/>
        <source>chronic medication</source>
        <translation>慢性病用药</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="39"/>
        <source>disability</source>
        <translation>残疾·行动不便</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="40"/>
        <source>no smartphone</source>
        <translation>无智能手机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="48"/>
        <source>door delivery</source>
        <translation>送货上门</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="49"/>
        <source>pickup</source>
        <translation>自提</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="58"/>
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="60"/>
        <source>Household %1</source>
        <translation>住户 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="65"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="66"/>
        <source>12-301, 12-2-301, 12号楼301 …</source>
        <translation>12-301、12-2-301、12号楼301 …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="69"/>
        <source>Address as it will be saved</source>
        <translation>保存后的地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="75"/>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="79"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="84"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="101"/>
        <source>Delivery</source>
        <translation>配送方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="107"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="108"/>
        <source>e.g. call first; leave at the door</source>
        <translation>例如：先打电话；放门口即可</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="110"/>
        <source>Active (still lives here and is served)</source>
        <translation>在住（仍住在本小区并接受保供）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="112"/>
        <source>Active</source>
        <translation>在住</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="118"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="119"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="120"/>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="121"/>
        <source>&amp;People</source>
        <translation>人数(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="122"/>
        <source>Flags</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="123"/>
        <source>&amp;Delivery</source>
        <translation>配送方式(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="124"/>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="129"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="136"/>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="140"/>
        <location filename="../../desktop/ui/household_dialog.py" line="142"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="143"/>
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="145"/>
        <location filename="../../desktop/ui/household_dialog.py" line="147"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="148"/>
        <source>Close without saving (Esc)</source>
        <translation>不保存并关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="185"/>
        <source>Problem with %1</source>
        <translation>%1有误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="207"/>
        <source>Last changed %1 at station %2</source>
        <translation>最后修改：%1，工作站 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_dialog.py" line="218"/>
        <source>Saved as %1</source>
        <translation>将保存为 %1</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="30"/>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="34"/>
        <source>Nothing has been written yet. Importing %1 will:</source>
        <translation>尚未写入任何数据。导入 %1 将会：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="39"/>
        <source>add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="40"/>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="41"/>
        <source>leave unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="42"/>
        <source>skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="49"/>
        <source>Skipped lines</source>
        <translation>跳过的行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="50"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="50"/>
        <source>Why it is skipped</source>
        <translation>跳过原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="67"/>
        <source>Skipped lines (fix them in the file and import again):</source>
        <translation>跳过的行（请在文件中改正后重新导入）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="75"/>
        <source>Import %1 households</source>
        <translation>导入 %1 户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="75"/>
        <source>Nothing to import</source>
        <translation>没有需要导入的内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="78"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="81"/>
        <location filename="../../desktop/ui/import_preview.py" line="83"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <location filename="../../desktop/ui/jobs.py" line="103"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/jobs.py" line="105"/>
        <location filename="../../desktop/ui/jobs.py" line="107"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/jobs.py" line="123"/>
        <source>Stopping… nothing will be changed.</source>
        <translation>正在停止……不会做任何改动。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="44"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="78"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="79"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="80"/>
        <source>Last backup</source>
        <translation>最近备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="93"/>
        <source>Roster</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="107"/>
        <source>unnamed compound</source>
        <translation>未命名小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="109"/>
        <source>station %1</source>
        <translation>工作站 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="112"/>
        <source>no backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="114"/>
        <source>last backup %1</source>
        <translation>最近备份 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="116"/>
        <source>Compound Desk — %1</source>
        <translation>小区保供台 — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="118"/>
        <source>Compound Desk</source>
        <translation>小区保供台</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="92"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="93"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="94"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="95"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="96"/>
        <source>Flags</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="97"/>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_model.py" line="124"/>
        <source>No longer active: moved out or not served</source>
        <translation>已停用：已搬走或不再保供</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="73"/>
        <source>Search households</source>
        <translation>搜索住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="74"/>
        <source>Search: 12-301 / 张 / zs / 138…</source>
        <translation>搜索：12-301 / 张 / zs / 138…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="77"/>
        <source>Address, room, name, phone digits or pinyin initials (%1)</source>
        <translation>地址、房号、姓名、电话号码或拼音首字母（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="90"/>
        <source>Households found</source>
        <translation>找到的住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="93"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="94"/>
        <source>Import a roster spreadsheet (CSV or Excel)</source>
        <translation>导入住户名单表格（CSV 或 Excel）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="96"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="97"/>
        <source>Export the roster to Excel or CSV</source>
        <translation>把住户名单导出为 Excel 或 CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="99"/>
        <source>+ Household</source>
        <translation>+ 住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="100"/>
        <source>Add a household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="114"/>
        <source>Households per building</source>
        <translation>各楼住户数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="115"/>
        <source>Click a building to list only its households</source>
        <translation>点击楼号，只看这栋楼的住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="122"/>
        <source>Roster counts</source>
        <translation>住户统计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="130"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="139"/>
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="150"/>
        <source>Enter or double click opens a household</source>
        <translation>回车或双击打开住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="165"/>
        <source>No household found</source>
        <translation>没有找到住户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="215"/>
        <source>No households yet. Bring in the committee&apos;s spreadsheet, or add the first household by hand.</source>
        <translation>还没有住户。请导入居委会的住户表格，或手动添加第一户。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="226"/>
        <source>A CSV (UTF-8 or GBK) or Excel file with an address column (地址), or building and room columns, is enough.</source>
        <translation>只要是 CSV（UTF-8 或 GBK）或 Excel 文件，有“地址”列，或“楼号”和“房号”列即可。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="231"/>
        <source>Import a spreadsheet…</source>
        <translation>导入表格…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="233"/>
        <source>Import a spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="235"/>
        <source>Add the first household</source>
        <translation>添加第一户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="296"/>
        <source>Building %1 (%2)</source>
        <translation>%1号楼 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="299"/>
        <source>%1 households</source>
        <translation>共 %1 户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="300"/>
        <source>flagged: %1</source>
        <translation>特殊情况：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="301"/>
        <source>door delivery: %1</source>
        <translation>送货上门：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="312"/>
        <source>%1 found</source>
        <translation>找到 %1 户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="315"/>
        <source>No household at %1. Press %2 to add it.</source>
        <translation>%1 没有住户。按 %2 添加。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="318"/>
        <source>No household matches “%1”.</source>
        <translation>没有与“%1”匹配的住户。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="393"/>
        <source>Import a roster</source>
        <translation>导入住户名单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="394"/>
        <source>Roster files (*.csv *.xlsx);;All files (*)</source>
        <translation>住户名单文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="410"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="430"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="439"/>
        <source>Imported %1: %2 added, %3 updated, %4 unchanged, %5 skipped.</source>
        <translation>已导入 %1：新增 %2 户，更新 %3 户，不变 %4 户，跳过 %5 行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="448"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="449"/>
        <source>CSV, opens in Excel (*.csv)</source>
        <translation>CSV，可用 Excel 打开 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="450"/>
        <source>roster</source>
        <translation>住户名单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="453"/>
        <source>Export the roster</source>
        <translation>导出住户名单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="469"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roster_page.py" line="472"/>
        <source>Exported %1 households to %2.</source>
        <translation>已导出 %1 户到 %2。</translation>
    </message>
</context>
</TS>
