<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>格式文件有误</source>
        <translation>A format file is invalid</translation>
    </message>
    <message>
        <source>无法打开资料库 {path}：{reason}</source>
        <translation>Cannot open the library {path}: {reason}</translation>
    </message>
    <message>
        <source>无法连接团队服务器</source>
        <translation>Cannot reach the team server</translation>
    </message>
    <message>
        <source>无法打开资料库 {path}：
{reason}

改用本机资料库 {local}？（服务器地址可在首选项中修改）</source>
        <translation>Cannot open the library {path}:
{reason}

Use the library on this computer, {local}, instead? (The server&apos;s address can be changed in Preferences.)</translation>
    </message>
    <message>
        <source>无法打开资料库</source>
        <translation>Cannot open the library</translation>
    </message>
    <message>
        <source>无法打开资料库 {path}：
{reason}</source>
        <translation>Cannot open the library {path}:
{reason}</translation>
    </message>
    <message>
        <source>粘贴的区域有 {n} 行，超出了表格</source>
        <translation>The pasted block has {n} rows and runs past the table</translation>
    </message>
    <message>
        <source>粘贴的区域有 {n} 列，超出了表格</source>
        <translation>The pasted block has {n} columns and runs past the table</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>采纳建议</source>
        <translation>Apply suggestion</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>元数据</source>
        <translation>Metadata</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>重新解析</source>
        <translation>Re-parse</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>从原文填入</source>
        <translation>Captured from the text</translation>
    </message>
    <message>
        <source>原文位置</source>
        <translation>Place in the text</translation>
    </message>
    <message>
        <source>确认源文件错误</source>
        <translation>Confirmed source defect</translation>
    </message>
    <message>
        <source>撤销源文件错误确认</source>
        <translation>Source defect confirmation withdrawn</translation>
    </message>
    <message>
        <source>选定版本</source>
        <translation>Version chosen</translation>
    </message>
    <message>
        <source>应为</source>
        <translation>Should be</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>空</source>
        <translation>blank</translation>
    </message>
    <message>
        <source>第 {start}–{end} 个字符</source>
        <translation>characters {start}–{end}</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>单元格</source>
        <translation>Cells</translation>
    </message>
    <message>
        <source>原值 → 新值</source>
        <translation>Old → new</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>修改记录 — {title}</source>
        <translation>Edit history — {title}</translation>
    </message>
    <message>
        <source>共 {n} 条记录，最新的在前</source>
        <translation>{n} entries, newest first</translation>
    </message>
    <message>
        <source>待审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>审核中</source>
        <translation>In review</translation>
    </message>
    <message>
        <source>已核实</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>待复核</source>
        <translation>Awaiting sign-off</translation>
    </message>
    <message>
        <source>有错误</source>
        <translation>With errors</translation>
    </message>
    <message>
        <source>有警告</source>
        <translation>With warnings</translation>
    </message>
    <message>
        <source>源文件错误</source>
        <translation>Source defect</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>version</translation>
    </message>
    <message>
        <source>已确认的源文件错误：{n} 个</source>
        <translation>Confirmed source defects: {n}</translation>
    </message>
    <message>
        <source>同一机关同一年度共有 {n} 份文件；{which}</source>
        <translation>{n} files of the same agency and year; {which}</translation>
    </message>
    <message>
        <source>计入导出和图表的是这一份</source>
        <translation>this one counts in exports and charts</translation>
    </message>
    <message>
        <source>计入的是另一份</source>
        <translation>another one counts</translation>
    </message>
    <message>
        <source>这一份：{file}（{fmt}）</source>
        <translation>This one: {file} ({fmt})</translation>
    </message>
    <message>
        <source>已停用（{at}）</source>
        <translation>Retired ({at})</translation>
    </message>
    <message>
        <source>审核中 · {name}</source>
        <translation>In review · {name}</translation>
    </message>
    <message>
        <source>{agency} {year}
地区：{region}
文件：{file}
更新于 {at}</source>
        <translation>{agency} {year}
Region: {region}
File: {file}
Updated {at}</translation>
    </message>
    <message>
        <source>{name} 自 {at} 起审核</source>
        <translation>{name} reviewing since {at}</translation>
    </message>
    <message>
        <source>筛选：机关、地区、文件名、年度…</source>
        <translation>Filter: agency, region, file name, year…</translation>
    </message>
    <message>
        <source>符合筛选条件的报告数</source>
        <translation>Reports matching the filters</translation>
    </message>
    <message>
        <source>显示“{column}”列</source>
        <translation>Show the “{column}” column</translation>
    </message>
    <message>
        <source>{n} 份</source>
        <translation>{n} listed</translation>
    </message>
    <message>
        <source>空白</source>
        <translation>blank</translation>
    </message>
    <message>
        <source>（{n} 格空白）</source>
        <translation> ({n} cells blank)</translation>
    </message>
    <message>
        <source>机关</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>（未识别机关）</source>
        <translation>(agency not recognised)</translation>
    </message>
    <message>
        <source>打开报告</source>
        <translation>Open Report</translation>
    </message>
    <message>
        <source>{n} 份报告</source>
        <translation>{n} reports</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>请输入您的姓名（记入每条修改记录）：</source>
        <translation>Your name (recorded with every edit):</translation>
    </message>
    <message>
        <source>资料库：{n} 份报告</source>
        <translation>Library: {n} reports</translation>
    </message>
    <message>
        <source>{n} 份报告有错误待处理</source>
        <translation>{n} report(s) have errors to resolve</translation>
    </message>
    <message>
        <source>从左侧资料库选择一份报告（回车或双击打开），&lt;br/&gt;或把报告文件、文件夹拖到这里导入（Ctrl+O）。</source>
        <translation>Choose a report in the library on the left (Enter or double-click opens it),&lt;br/&gt;or drop report files or folders here to import them (Ctrl+O).</translation>
    </message>
    <message>
        <source>F8 / Shift+F8：下一个 / 上一个问题 · Ctrl+.：采纳建议 · Ctrl+Z：撤销 · Ctrl+Enter：核实</source>
        <translation>F8 / Shift+F8: next / previous problem · Ctrl+.: apply suggestion · Ctrl+Z: undo · Ctrl+Enter: verify</translation>
    </message>
    <message>
        <source>无法打开报告</source>
        <translation>Cannot open the report</translation>
    </message>
    <message>
        <source>年报审核台</source>
        <translation>Report Reviewer</translation>
    </message>
    <message>
        <source>版本 {v}</source>
        <translation>version {v}</translation>
    </message>
    <message>
        <source>核对政府信息公开工作年度报告的统计表。</source>
        <translation>Checks the statistical tables of government information-disclosure annual reports.</translation>
    </message>
    <message>
        <source>解析器版本 {p} · 资料库架构版本 {s}</source>
        <translation>Parser version {p} · library schema version {s}</translation>
    </message>
    <message>
        <source>资料库文件：{path}</source>
        <translation>Library file: {path}</translation>
    </message>
    <message>
        <source>资料库：{name}</source>
        <translation>Library: {name}</translation>
    </message>
    <message>
        <source>未填写审核人姓名：修改没有保存（设置 › 首选项 › 审核人）</source>
        <translation>No reviewer name given: the change was not saved (Settings › Preferences › Reviewer)</translation>
    </message>
    <message>
        <source>导入报告</source>
        <translation>Import reports</translation>
    </message>
    <message>
        <source>报告 (*.txt *.md *.html *.htm *.docx *.doc *.wps *.rtf *.pdf);;所有文件 (*)</source>
        <translation>Reports (*.txt *.md *.html *.htm *.docx *.doc *.wps *.rtf *.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>导入文件夹</source>
        <translation>Import a folder</translation>
    </message>
    <message>
        <source>正在导入 {n} 项…</source>
        <translation>Importing {n} item(s)…</translation>
    </message>
    <message>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>请等当前的导入或重新解析完成后再导入</source>
        <translation>Wait until the current import or re-parse has finished, then import again</translation>
    </message>
    <message>
        <source>导入 {n} 份</source>
        <translation>{n} imported</translation>
    </message>
    <message>
        <source>已在库中、跳过 {n} 份</source>
        <translation>{n} already in the library, skipped</translation>
    </message>
    <message>
        <source>无法读取 {n} 份：</source>
        <translation>{n} could not be read:</translation>
    </message>
    <message>
        <source>其中 {n} 份是库中已有机关和年度的另一版本</source>
        <translation>{n} of them are another version of an agency and year already held</translation>
    </message>
    <message>
        <source>跳过 {n} 个非报告文件：</source>
        <translation>Skipped {n} paths that are not reports:</translation>
    </message>
    <message>
        <source>导入已取消</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <source>导入结果</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>正在按“{fmt}”解析表格…</source>
        <translation>Parsing the tables as “{fmt}”…</translation>
    </message>
    <message>
        <source>正在解析表格…</source>
        <translation>Parsing the tables…</translation>
    </message>
    <message>
        <source>正在读取存档的原件…</source>
        <translation>Reading the stored source file…</translation>
    </message>
    <message>
        <source>正在读取文件内容…</source>
        <translation>Reading the file&apos;s content…</translation>
    </message>
    <message>
        <source>正在写入资料库…</source>
        <translation>Writing to the library…</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>更改格式</source>
        <translation>Change the format</translation>
    </message>
    <message>
        <source>把这份报告的格式从“{old}”改为“{new}”？</source>
        <translation>Change this report&apos;s format from “{old}” to “{new}”?</translation>
    </message>
    <message>
        <source>将按新格式重新读取表格，表格的行随之改变（2019年试行格式的“（六）其他处理”为一行，2021年修订格式为三行）。</source>
        <translation>The tables will be read again under the new format, and their rows change with it (the 2019 trial format has one “(6) Other handling” row, the 2021 revised format three).</translation>
    </message>
    <message>
        <source>这份报告已有 {n} 处修改：两种格式都有的单元格保留您的修改；新格式中没有的单元格上的修改无法应用，将在完成后列出，并作为警告留在问题列表中。</source>
        <translation>This report has {n} edits: cells that both formats have keep your edits; edits of cells the new format does not have cannot be applied: they will be listed when done and stay as warnings in the problems list.</translation>
    </message>
    <message>
        <source>此操作不能用“撤销”（Ctrl+Z）撤回，这份报告的撤销历史将清空；但它会记入修改记录（审核人、时间、原格式 → 新格式、原因）。改回原格式即可恢复原来的行和其中的修改。</source>
        <translation>This cannot be undone with Undo (Ctrl+Z), and the report&apos;s undo history will be cleared; it is recorded in the edit history (reviewer, time, old format → new format, reason). Choosing the original format again brings back its rows and the edits made in them.</translation>
    </message>
    <message>
        <source>原因（必填）</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>原因（可选）</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <source>改为“{new}”</source>
        <translation>Change to “{new}”</translation>
    </message>
    <message>
        <source>正在按“{fmt}”重新读取表格…</source>
        <translation>Reading the tables again as “{fmt}”…</translation>
    </message>
    <message>
        <source>正在重新解析…</source>
        <translation>Re-parsing…</translation>
    </message>
    <message>
        <source>这份报告已被其他窗口或程序修改，已重新载入，请再试一次。
{reason}</source>
        <translation>This report was changed by another window or program and has been reloaded; please try again.
{reason}</translation>
    </message>
    <message>
        <source>已取消重新解析：报告没有改变</source>
        <translation>Re-parse cancelled: the report did not change</translation>
    </message>
    <message>
        <source>已改为“{fmt}”：重新应用 {n} 处修改</source>
        <translation>Changed to “{fmt}”: {n} edits re-applied</translation>
    </message>
    <message>
        <source>已重新解析：重新应用 {n} 处修改</source>
        <translation>Re-parsed: {n} edits re-applied</translation>
    </message>
    <message>
        <source>，{n} 处与新解析不一致（见问题列表）</source>
        <translation>, {n} differ from the new parse (see the problems list)</translation>
    </message>
    <message>
        <source>（取消时已在写入，操作已完成）</source>
        <translation> (it was already writing when Cancel was pressed: the operation completed)</translation>
    </message>
    <message>
        <source>部分修改未能应用</source>
        <translation>Some edits could not be applied</translation>
    </message>
    <message>
        <source>以下 {n} 处修改所在的单元格在新格式中没有，未能应用；它们仍在修改记录中，并作为警告列在问题列表里（核实时需说明）。改回原格式可恢复。</source>
        <translation>The cells of these {n} edits do not exist in the new format, so the edits were not applied; they remain in the edit history and are listed as warnings in the problems list (to be explained when verifying). Choosing the original format again restores them.</translation>
    </message>
    <message>
        <source>重新解析失败</source>
        <translation>Re-parse failed</translation>
    </message>
    <message>
        <source>不能核实</source>
        <translation>Cannot verify</translation>
    </message>
    <message>
        <source>还有 {n} 个错误未解决。请先修正或确认数值，再核实。</source>
        <translation>{n} error(s) remain. Correct or confirm the values first, then verify.</translation>
    </message>
    <message>
        <source>已核实：{title}</source>
        <translation>Verified: {title}</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>界面语言将在重新启动后更改。</source>
        <translation>The language changes when the app is restarted.</translation>
    </message>
    <message>
        <source>可能出错的单元格</source>
        <translation>Likely culprit</translation>
    </message>
    <message>
        <source>涉及未通过的关系</source>
        <translation>In a failing relation</translation>
    </message>
    <message>
        <source>按位置放置</source>
        <translation>Placed by position</translation>
    </message>
    <message>
        <source>已修改</source>
        <translation>Edited</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>可能出错</source>
        <translation>Culprit</translation>
    </message>
    <message>
        <source>涉及关系</source>
        <translation>In relation</translation>
    </message>
    <message>
        <source>按位置</source>
        <translation>By position</translation>
    </message>
    <message>
        <source>源文件错误（已确认）：{text}；理由：{reason}</source>
        <translation>Source defect (confirmed): {text}; reason: {reason}</translation>
    </message>
    <message>
        <source>；应为 {value}</source>
        <translation>; should be {value}</translation>
    </message>
    <message>
        <source>可能出错的单元格：建议改为 {value}</source>
        <translation>Likely culprit: suggested value {value}</translation>
    </message>
    <message>
        <source>建议值：{value}</source>
        <translation>Suggested value: {value}</translation>
    </message>
    <message>
        <source>按位置放置：该行标签在提取中丢失，数值按表格格式的行序放置，请核对</source>
        <translation>Placed by position: this row lost its label in extraction; the values follow the form&apos;s row order. Please check.</translation>
    </message>
    <message>
        <source>已由审核人修改</source>
        <translation>Edited by a reviewer</translation>
    </message>
    <message>
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <source>导入文件夹…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>导出 CSV、XLSX 或 JSONL（默认只含已核实的报告）</source>
        <translation>Export CSV, XLSX or JSONL (verified reports by default)</translation>
    </message>
    <message>
        <source>导入修改…</source>
        <translation>Import Edits…</translation>
    </message>
    <message>
        <source>导入在 Excel 中修改过的导出文件，逐格确认后记入审核记录</source>
        <translation>Import an export edited in Excel; each changed cell is confirmed, then audited</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print Preview…</translation>
    </message>
    <message>
        <source>选中报告（或当前报告）的审核意见书：打印或另存为 PDF</source>
        <translation>The review report of the selected (or open) reports: print or save as PDF</translation>
    </message>
    <message>
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>保存为 Word…</source>
        <translation>Save as Word…</translation>
    </message>
    <message>
        <source>审核意见书（一份报告）或问题清单（多份，按机关分节），可在 WPS 和 Word 中编辑</source>
        <translation>Review report (one report) or list of problems (several, a section per agency), editable in WPS and Word</translation>
    </message>
    <message>
        <source>从网址导入…</source>
        <translation>Import from Address…</translation>
    </message>
    <message>
        <source>报告网页、PDF 或 Word 链接，或列出各年年报的栏目页</source>
        <translation>A report page, a PDF or Word link, or a column page listing annual reports</translation>
    </message>
    <message>
        <source>备份资料库…</source>
        <translation>Back Up Library…</translation>
    </message>
    <message>
        <source>把资料库完整复制到一个文件（包括刚做的修改）</source>
        <translation>Copy the whole library to a file (including the latest edits)</translation>
    </message>
    <message>
        <source>逐份报告核对审核记录的哈希链，找出在程序之外被改动、删除或插入的记录</source>
        <translation>Check every report&apos;s audit trail hash chain for entries changed, deleted or inserted outside the app</translation>
    </message>
    <message>
        <source>用当前解析器重新读取这份报告，保留已做的修改</source>
        <translation>Read this report again with the current parser, keeping the edits</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>在原文中查找…</source>
        <translation>Find in the report text…</translation>
    </message>
    <message>
        <source>下一个问题</source>
        <translation>Next problem</translation>
    </message>
    <message>
        <source>上一个问题</source>
        <translation>Previous problem</translation>
    </message>
    <message>
        <source>核实…</source>
        <translation>Verify…</translation>
    </message>
    <message>
        <source>修改记录…</source>
        <translation>Edit history…</translation>
    </message>
    <message>
        <source>首选项…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <source>资料库</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>显示资料库，选择另一份报告（Ctrl+L）。窗口较窄时，打开报告后资料库自动收起。</source>
        <translation>Show the library to choose another report (Ctrl+L). In a narrow window the library folds away when a report opens.</translation>
    </message>
    <message>
        <source>从原文填入当前行</source>
        <translation>Fill the Row from the Text</translation>
    </message>
    <message>
        <source>把原文中选中的一行数字，从当前单元格起依次填入（一次修改）</source>
        <translation>Put the numbers selected in the text into the current row, from the current cell on (one edit)</translation>
    </message>
    <message>
        <source>下一个窗格</source>
        <translation>Next Pane</translation>
    </message>
    <message>
        <source>资料库、原文、表格、问题之间切换键盘焦点</source>
        <translation>Move the keyboard focus between the library, the text, the tables and the problems</translation>
    </message>
    <message>
        <source>上一个窗格</source>
        <translation>Previous Pane</translation>
    </message>
    <message>
        <source>确认为源文件错误…</source>
        <translation>Confirm as Source Defect…</translation>
    </message>
    <message>
        <source>报告原文就是这样印的：记录为源文件错误（说明理由，可给出应为值），不改数值</source>
        <translation>The report prints it that way: record a source defect (with a reason and, optionally, the value it should be); the values are not changed</translation>
    </message>
    <message>
        <source>重新打开审核…</source>
        <translation>Reopen Review…</translation>
    </message>
    <message>
        <source>停用报告…</source>
        <translation>Retire Report…</translation>
    </message>
    <message>
        <source>导入有误的报告：不再出现在列表、队列、图表和导出中，可恢复</source>
        <translation>A report imported by mistake: no longer in lists, queues, charts or exports; it can be restored</translation>
    </message>
    <message>
        <source>恢复报告</source>
        <translation>Restore Report</translation>
    </message>
    <message>
        <source>设为计入的版本</source>
        <translation>Make This the Version That Counts</translation>
    </message>
    <message>
        <source>同一机关同一年度有多份文件时，导出和图表使用这一份</source>
        <translation>Of several files of one agency and year, exports and charts use this one</translation>
    </message>
    <message>
        <source>筛选资料库</source>
        <translation>Filter the library</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>关于年报审核台</source>
        <translation>About Report Reviewer</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>最近的文件</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>表二</source>
        <translation>Table 2</translation>
    </message>
    <message>
        <source>表三</source>
        <translation>Table 3</translation>
    </message>
    <message>
        <source>表四</source>
        <translation>Table 4</translation>
    </message>
    <message>
        <source>列平衡</source>
        <translation>column balance</translation>
    </message>
    <message>
        <source>行合计</source>
        <translation>row total</translation>
    </message>
    <message>
        <source>列合计</source>
        <translation>column total</translation>
    </message>
    <message>
        <source>一申请一结果</source>
        <translation>one result per request</translation>
    </message>
    <message>
        <source>表四合计</source>
        <translation>table 4 total</translation>
    </message>
    <message>
        <source>数值类型</source>
        <translation>value kind</translation>
    </message>
    <message>
        <source>空白单元格</source>
        <translation>blank cell</translation>
    </message>
    <message>
        <source>正文与表格</source>
        <translation>prose against table</translation>
    </message>
    <message>
        <source>行标签丢失</source>
        <translation>row labels lost</translation>
    </message>
    <message>
        <source>未定位数值</source>
        <translation>unplaced values</translation>
    </message>
    <message>
        <source>结转衔接</source>
        <translation>carry-over</translation>
    </message>
    <message>
        <source>现行有效件数衔接</source>
        <translation>in-force roll-forward</translation>
    </message>
    <message>
        <source>表二合计</source>
        <translation>table 2 total</translation>
    </message>
    <message>
        <source>重新解析冲突</source>
        <translation>re-parse conflict</translation>
    </message>
    <message>
        <source>单位换算</source>
        <translation>unit converted</translation>
    </message>
    <message>
        <source>缺少表格</source>
        <translation>table not found</translation>
    </message>
    <message>
        <source>年度不一致</source>
        <translation>year mismatch</translation>
    </message>
    <message>
        <source>不是数字</source>
        <translation>not a number</translation>
    </message>
    <message>
        <source>缺少合计行</source>
        <translation>no total row</translation>
    </message>
    <message>
        <source>行内单元格缺失</source>
        <translation>row with missing cells</translation>
    </message>
    <message>
        <source>按运算拆分</source>
        <translation>split by arithmetic</translation>
    </message>
    <message>
        <source>按最少违反拆分</source>
        <translation>split breaking fewest relations</translation>
    </message>
    <message>
        <source>拆分不唯一</source>
        <translation>ambiguous split</translation>
    </message>
    <message>
        <source>无法拆分</source>
        <translation>cannot split</translation>
    </message>
    <message>
        <source>按经验关系拆分</source>
        <translation>split by a heuristic bound</translation>
    </message>
    <message>
        <source>{table}“{rows}”印为“{printed}”，按经验关系（如本年新公开数量不超过对外公开总数量）拆分为 {split}；若该关系不成立，也可拆分为：{others}，请核对</source>
        <translation>{table} “{rows}” printed “{printed}”: split as {split} by a heuristic bound (such as newly published not exceeding the total published); if the bound does not hold here it also splits as: {others}. Please check</translation>
    </message>
    <message>
        <source>{table}“{rows}”印为“{printed}”，已按运算拆分为 {split}</source>
        <translation>{table} “{rows}” printed “{printed}”: split by arithmetic into {split}</translation>
    </message>
    <message>
        <source>{table}“{rows}”印为“{printed}”，已按列数拆分为 {split}</source>
        <translation>{table} “{rows}” printed “{printed}”: split by the number of cells into {split}</translation>
    </message>
    <message>
        <source>{table}“{rows}”印为“{printed}”，任何拆分都不能使各项关系全部成立；已按违反关系最少、相差最小的拆分 {split} 放置。其他拆分：{others}</source>
        <translation>{table} “{rows}” printed “{printed}”: no split makes every relation hold; placed {split}, the split breaking the fewest relations by the least. Other splits: {others}</translation>
    </message>
    <message>
        <source>{table}“{rows}”印为“{printed}”，可拆分为：{others}。各项关系都成立，无法确定，{blank} 个单元格留空，请核对原文选择</source>
        <translation>{table} “{rows}” printed “{printed}” splits as: {others}. Every relation holds for each, so it cannot be decided: {blank} cells left blank, choose from the source text</translation>
    </message>
    <message>
        <source>{table}“{rows}”印为“{printed}”，可拆分为：{others}。违反的关系一样少，无法确定，{blank} 个单元格留空，请核对原文选择</source>
        <translation>{table} “{rows}” printed “{printed}” splits as: {others}. Each breaks as few relations, so it cannot be decided: {blank} cells left blank, choose from the source text</translation>
    </message>
    <message>
        <source>{table}“{rows}”印为“{printed}”，无法按格式拆分为 {count} 个单元格，已列为未放置数值</source>
        <translation>{table} “{rows}” printed “{printed}” cannot be split into {count} cells; listed as unplaced values</translation>
    </message>
    <message>
        <source>{table}“{rows}”印为“{printed}”，可能的拆分过多，未能确定 {count} 个单元格，已列为未放置数值</source>
        <translation>{table} “{rows}” printed “{printed}” splits too many ways to try them all; its {count} cells are left undecided and listed as unplaced values</translation>
    </message>
    <message>
        <source>收费不是信息处理费</source>
        <translation>fee is not the processing fee</translation>
    </message>
    <message>
        <source>金额单位未注明</source>
        <translation>unit not stated</translation>
    </message>
    <message>
        <source>逾期公布</source>
        <translation>Published late</translation>
    </message>
    <message>
        <source>审核人选定拆分</source>
        <translation>split chosen by the reviewer</translation>
    </message>
    <message>
        <source>按正文所述拆分</source>
        <translation>split by the prose</translation>
    </message>
    <message>
        <source>总计印在上一行</source>
        <translation>total on the line above</translation>
    </message>
    <message>
        <source>文字识别置信度低</source>
        <translation>Low OCR confidence</translation>
    </message>
    <message>
        <source>{table}（整表）</source>
        <translation>{table} (whole table)</translation>
    </message>
    <message>
        <source>{table}{along}：{rhs_text}为 {rhs}，{lhs_text}印为 {lhs}，相差 {diff}。</source>
        <translation>{table}{along}: {rhs_text} is {rhs}, {lhs_text} is printed as {lhs}, a difference of {diff}.</translation>
    </message>
    <message>
        <source>{table}{along}：{lhs_text}为 {lhs}，超过{rhs_text} {rhs}。</source>
        <translation>{table}{along}: {lhs_text} is {lhs}, more than {rhs_text} {rhs}.</translation>
    </message>
    <message>
        <source>{cell} 的数值 {value} 不符合该列的类型（{kind}）</source>
        <translation>{cell}: the value {value} does not fit the column ({kind})</translation>
    </message>
    <message>
        <source>{table}“{row}”一行有 {count} 个单元格为空（空白不等于 0，请核实）</source>
        <translation>{table} row “{row}” has {count} blank cell(s) (a blank is not 0; please check)</translation>
    </message>
    <message>
        <source>正文所述数字为 {stated}，表格为 {table}</source>
        <translation>The prose states {stated}; the table gives {table}</translation>
    </message>
    <message>
        <source>{table}有 {rows} 行的行标签在提取中丢失，已按表格格式的行序依次放置，请逐行核对</source>
        <translation>{table}: {rows} rows lost their labels in extraction and were placed in the form&apos;s row order; check them row by row</translation>
    </message>
    <message>
        <source>有 {count} 个数值无法确定所属单元格，已列出，未计入表格</source>
        <translation>{count} value(s) could not be placed in a cell; they are listed and not counted</translation>
    </message>
    <message>
        <source>表二合计为空；其各项之和为 {sum}，正文所述为 {stated}</source>
        <translation>Table 2 total is blank; its parts sum to {sum}, the prose states {stated}</translation>
    </message>
    <message>
        <source>表二合计印为 {printed}，各项之和为 {sum}</source>
        <translation>Table 2 total is printed as {printed}; its parts sum to {sum}</translation>
    </message>
    <message>
        <source>{cell}：本年为 {this}，上年报告为 {previous}</source>
        <translation>{cell}: {this} this year, {previous} in last year&apos;s report</translation>
    </message>
    <message>
        <source>{cell}：本年为 {this}，按上年及本年增减应为 {expected}</source>
        <translation>{cell}: {this} this year; last year and this year&apos;s changes give {expected}</translation>
    </message>
    <message>
        <source>未找到{table}</source>
        <translation>{table} not found</translation>
    </message>
    <message>
        <source>标题年度 {title} 与统计期限年度 {period} 不一致</source>
        <translation>The year in the title ({title}) differs from the reporting period ({period})</translation>
    </message>
    <message>
        <source>统计期限为 {start} 至 {end}，不是完整的自然年度</source>
        <translation>The statistics period is {start} to {end}, not a whole calendar year</translation>
    </message>
    <message>
        <source>{cell} 印为“{printed}”，已换算为 {value} 万元</source>
        <translation>{cell} is printed as “{printed}”, converted to {value} ten-thousand yuan</translation>
    </message>
    <message>
        <source>{cell} 印为“{printed}”，表头单位为元，已换算为 {value} 万元</source>
        <translation>{cell} printed as “{printed}” under a header in yuan; converted to {value} ten-thousand yuan</translation>
    </message>
    <message>
        <source>{cell} 印为“{printed}”，单元格和表头均未注明金额单位（元或万元），已按万元记录，请核对原文</source>
        <translation>{cell} printed as “{printed}”: neither the cell nor its header states the unit (yuan or ten-thousand yuan); kept in ten-thousand yuan — check the source</translation>
    </message>
    <message>
        <source>{table}“{rows}”印为“{printed}”，各项关系允许多种拆分（另有：{others}），按正文所述的{figures}拆分为 {split}</source>
        <translation>{table} “{rows}” printed “{printed}”: the relations allow several splits (also: {others}); split as {split} by the figures the prose states ({figures})</translation>
    </message>
    <message>
        <source>{table}“{row}”一行的总计印在上一行（分组标签旁），已按表格版式读作该行总计；该行各列之和与之不符，请核对原文</source>
        <translation>{table} “{row}”: the total was printed on the line above (beside the group label) and is read as the row&apos;s total by the form&apos;s layout; the row&apos;s columns do not add up to it, check the source</translation>
    </message>
    <message>
        <source>{table}“{rows}”印为“{printed}”，审核人已选择拆分 {chosen}（所列 {count} 种拆分中的第 {choice} 种）</source>
        <translation>{table} “{rows}” printed “{printed}”: the reviewer chose the split {chosen} (number {choice} of the {count} listed)</translation>
    </message>
    <message>
        <source>{table}“{rows}”印为“{printed}”，审核人已填入 {chosen}，不是所列的拆分（{others}）</source>
        <translation>{table} “{rows}” printed “{printed}”: the reviewer entered {chosen}, none of the splits listed ({others})</translation>
    </message>
    <message>
        <source>“{printed}”是文字识别读出的，置信度仅 {confidence}，请对照原图核对</source>
        <translation>“{printed}” was read by OCR with only {confidence} confidence; check it against the page image</translation>
    </message>
    <message>
        <source>{table}“{column}”列有 {count} 个单元格为空（空白不等于 0，请核实）</source>
        <translation>{table} column “{column}”: {count} cells are blank (a blank is not 0; please check)</translation>
    </message>
    <message>
        <source>{cell} 印为“{printed}”，不是有效数字</source>
        <translation>{cell} is printed as “{printed}”, which is not a valid number</translation>
    </message>
    <message>
        <source>{cell} 印为“{printed}”，数值超出范围，未作为数值读入</source>
        <translation>{cell} is printed as “{printed}”, a number out of range; not read as a value</translation>
    </message>
    <message>
        <source>正文所述{key}为 {stated}，表格为 {table}</source>
        <translation>The prose states {key} as {stated}; the table gives {table}</translation>
    </message>
    <message>
        <source>正文称申请均已办结，表三“四、结转下年度继续办理”为 {table}</source>
        <translation>The prose says every request was concluded, but table 3 “四、结转下年度继续办理” (carried forward) is {table}</translation>
    </message>
    <message>
        <source>正文称复议、诉讼均获维持，表四有 {others} 件为纠正、其他结果或尚未审结</source>
        <translation>The prose says every review and lawsuit was upheld, but table 4 has {others} corrected, other or pending</translation>
    </message>
    <message>
        <source>表二“行政事业性收费·本年收费金额”为 {amount}，与正文所述信息处理费 {fee_yuan} 元相同：本年收费金额应为行政事业性收费（单位：万元），不是信息处理费</source>
        <translation>Table 2 “行政事业性收费·本年收费金额” (fees charged) is {amount}, the same as the processing fee of {fee_yuan} yuan the prose states: the amount charged is the administrative fees in 10,000 yuan, not the processing fee</translation>
    </message>
    <message>
        <source>重新解析后该单元格读作 {parsed}，与审核人所替换的原解析值 {replaced} 不同；已保留审核人的值 {edited}，请确认</source>
        <translation>Parsed again, this cell reads {parsed}, not the parsed value {replaced} the reviewer replaced; the reviewer&apos;s value {edited} was kept, please confirm</translation>
    </message>
    <message>
        <source>重新解析后没有单元格 {cell}；审核人曾将其由 {replaced} 改为 {edited}，该修改未能重新应用（仍在修改记录中）</source>
        <translation>Parsed again, the report has no cell {cell}; the reviewer had changed it from {replaced} to {edited}, and that edit could not be applied again (it stays in the edit history)</translation>
    </message>
    <message>
        <source>{table}“{row}”一行印出的数值少于应有的个数，缺少的单元格记为空，请核对所在列</source>
        <translation>{table} row “{row}” prints fewer values than it has columns; the missing cells are left blank, please check which columns they belong to</translation>
    </message>
    <message>
        <source>表二（{variant}）未印出合计行</source>
        <translation>Table 2 ({variant}) prints no total row</translation>
    </message>
    <message>
        <source>{cell} 的数值 {value} 为负数，计数不能为负</source>
        <translation>{cell}: {value} is negative; a count cannot be negative</translation>
    </message>
    <message>
        <source>{cell} 的数值 {value} 带小数，计数应为整数</source>
        <translation>{cell}: {value} has decimals; a count is a whole number</translation>
    </message>
    <message>
        <source>{cell} 的数值 {value} 带小数，增减数应为整数</source>
        <translation>{cell}: {value} has decimals; a change in number is a whole number</translation>
    </message>
    <message>
        <source>{cell} 的数值 {value} 为负数，金额不能为负</source>
        <translation>{cell}: {value} is negative; an amount cannot be negative</translation>
    </message>
    <message>
        <source>报告发布于 {published}，晚于《条例》第五十条规定的公布期限 {deadline}（晚 {days} 天）</source>
        <translation>Published on {published}, after the deadline of {deadline} set by Article 50 of the Regulations ({days} days late)</translation>
    </message>
    <message>
        <source>总计列</source>
        <translation>the 总计 (total) column</translation>
    </message>
    <message>
        <source>（七）总计</source>
        <translation>（七）总计 (total)</translation>
    </message>
    <message>
        <source>（一）至（六）各项之和</source>
        <translation>the sum of items （一） to （六）</translation>
    </message>
    <message>
        <source>自然人与法人或其他组织各列之和</source>
        <translation>the sum of the natural-person and organisation columns</translation>
    </message>
    <message>
        <source>一、本年新收 + 二、上年结转</source>
        <translation>一、本年新收 + 二、上年结转 (received this year + carried over)</translation>
    </message>
    <message>
        <source>本年新收与上年结转之和</source>
        <translation>the sum of requests received this year and carried over</translation>
    </message>
    <message>
        <source>（七）总计 + 四、结转下年度继续办理</source>
        <translation>（七）总计 + 四、结转下年度继续办理 (total + carried forward)</translation>
    </message>
    <message>
        <source>结果维持、结果纠正、其他结果、尚未审结之和</source>
        <translation>the sum of upheld, corrected, other and pending</translation>
    </message>
    <message>
        <source>本年新公开数量</source>
        <translation>published this year</translation>
    </message>
    <message>
        <source>本年新制作数量</source>
        <translation>made this year</translation>
    </message>
    <message>
        <source>对外公开总数量</source>
        <translation>total in force</translation>
    </message>
    <message>
        <source>左边</source>
        <translation>the left side</translation>
    </message>
    <message>
        <source>右边</source>
        <translation>the right side</translation>
    </message>
    <message>
        <source>收到申请数</source>
        <translation>the number of requests received</translation>
    </message>
    <message>
        <source>办结（答复）数</source>
        <translation>the number of requests answered</translation>
    </message>
    <message>
        <source>上年结转数</source>
        <translation>the number carried over from last year</translation>
    </message>
    <message>
        <source>结转下年度数</source>
        <translation>the number carried forward to next year</translation>
    </message>
    <message>
        <source>予以公开及部分公开数</source>
        <translation>the number granted in full or in part</translation>
    </message>
    <message>
        <source>不予公开数</source>
        <translation>the number denied</translation>
    </message>
    <message>
        <source>无法提供数</source>
        <translation>the number that could not be provided</translation>
    </message>
    <message>
        <source>不予处理数</source>
        <translation>the number not processed</translation>
    </message>
    <message>
        <source>行政复议数</source>
        <translation>the number of administrative reviews</translation>
    </message>
    <message>
        <source>行政诉讼数</source>
        <translation>the number of lawsuits</translation>
    </message>
    <message>
        <source>制发规章数</source>
        <translation>regulations issued</translation>
    </message>
    <message>
        <source>新公开规章数</source>
        <translation>regulations newly published</translation>
    </message>
    <message>
        <source>制发规范性文件数</source>
        <translation>normative documents issued</translation>
    </message>
    <message>
        <source>新公开规范性文件数</source>
        <translation>normative documents newly published</translation>
    </message>
    <message>
        <source>废止规范性文件数</source>
        <translation>normative documents repealed</translation>
    </message>
    <message>
        <source>现行有效规范性文件数</source>
        <translation>normative documents in force</translation>
    </message>
    <message>
        <source>行政复议结果维持数</source>
        <translation>administrative reviews upheld</translation>
    </message>
    <message>
        <source>行政复议结果纠正数</source>
        <translation>administrative reviews corrected</translation>
    </message>
    <message>
        <source>行政复议其他结果数</source>
        <translation>administrative reviews with other results</translation>
    </message>
    <message>
        <source>行政复议尚未审结数</source>
        <translation>administrative reviews pending</translation>
    </message>
    <message>
        <source>行政诉讼结果维持数</source>
        <translation>lawsuits upheld</translation>
    </message>
    <message>
        <source>行政诉讼结果纠正数</source>
        <translation>lawsuits corrected</translation>
    </message>
    <message>
        <source>行政诉讼其他结果数</source>
        <translation>lawsuits with other results</translation>
    </message>
    <message>
        <source>行政诉讼尚未审结数</source>
        <translation>lawsuits pending</translation>
    </message>
    <message>
        <source>未经复议直接起诉数</source>
        <translation>lawsuits filed directly</translation>
    </message>
    <message>
        <source>复议后起诉数</source>
        <translation>lawsuits filed after review</translation>
    </message>
    <message>
        <source>“{column}”列</source>
        <translation>column “{column}”</translation>
    </message>
    <message>
        <source>建议将 {cell} 改为 {value}。</source>
        <translation>Suggestion: set {cell} to {value}.</translation>
    </message>
    <message>
        <source>2019年试行格式</source>
        <translation>2019 trial format</translation>
    </message>
    <message>
        <source>2021年修订格式</source>
        <translation>2021 revised format</translation>
    </message>
    <message>
        <source>机关名称</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <source>未识别</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>还原</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>审核人指定</source>
        <translation>chosen by a reviewer</translation>
    </message>
    <message>
        <source>自动识别</source>
        <translation>detected</translation>
    </message>
    <message>
        <source>表格格式：{t}（{how}）；表二：{v}；解析器版本：{p}
改选格式会按新格式重新读取表格。</source>
        <translation>Table format: {t} ({how}); table 2: {v}; parser version: {p}
Choosing another format reads the tables again under it.</translation>
    </message>
    <message>
        <source>国家格式</source>
        <translation>national form</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>导入修改：{file}</source>
        <translation>Import edits: {file}</translation>
    </message>
    <message>
        <source>文件中有 {n} 处修改，其中 {k} 处与导出后资料库中的修改冲突（不会应用）。勾选的修改将记入审核记录，理由为“{reason}”。</source>
        <translation>The file changes {n} cells; {k} of them conflict with changes made in the library since the export (they are not applied). The ticked changes are audited with the reason “{reason}”.</translation>
    </message>
    <message>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>导出时 → 文件中</source>
        <translation>When exported → in the file</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>资料库现为</source>
        <translation>Library now</translation>
    </message>
    <message>
        <source>冲突：{why}</source>
        <translation>Conflict: {why}</translation>
    </message>
    <message>
        <source>无法读取的内容：</source>
        <translation>Could not be read:</translation>
    </message>
    <message>
        <source>应用勾选的修改</source>
        <translation>Apply the Ticked Changes</translation>
    </message>
    <message>
        <source>已确认为源文件错误：{reason}</source>
        <translation>Confirmed as a source defect: {reason}</translation>
    </message>
    <message>
        <source>【源文件错误】{message}</source>
        <translation>[Source defect] {message}</translation>
    </message>
    <message>
        <source> 等 {n} 个</source>
        <translation> ({n} in all)</translation>
    </message>
    <message>
        <source>将所选问题的建议值填入单元格 (Ctrl+.)</source>
        <translation>Put the suggested value of the chosen problem in its cell (Ctrl+.)</translation>
    </message>
    <message>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>上一个问题 (Shift+F8)</source>
        <translation>Previous problem (Shift+F8)</translation>
    </message>
    <message>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>下一个问题 (F8)</source>
        <translation>Next problem (F8)</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>错误 {e} · 警告 {w} · 提示 {i}</source>
        <translation>{e} errors · {w} warnings · {i} info</translation>
    </message>
    <message>
        <source> · 源文件错误 {d}</source>
        <translation> · source defects {d}</translation>
    </message>
    <message>
        <source>未发现问题</source>
        <translation>No problems found</translation>
    </message>
    <message>
        <source>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</source>
        <translation>(Each column: item 1 + item 2 = item 3 + item 4)</translation>
    </message>
    <message>
        <source>申请人情况</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <source>信息内容</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>原文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>修改原因（可选）：写在这里，记入下一次修改</source>
        <translation>Reason (optional): written here, it goes with the next edit</translation>
    </message>
    <message>
        <source>原图</source>
        <translation>Page image</translation>
    </message>
    <message>
        <source>最后修改：{who} {at}</source>
        <translation>Last change: {who} {at}</translation>
    </message>
    <message>
        <source>修改原因</source>
        <translation>Reason for the edit</translation>
    </message>
    <message>
        <source>请说明修改原因（必填）：</source>
        <translation>Why is this value changed (required)?</translation>
    </message>
    <message>
        <source>未填写原因，修改已取消</source>
        <translation>No reason given; the edit was cancelled</translation>
    </message>
    <message>
        <source>这份报告已停用（导入有误），为只读；审核 › 恢复报告 可恢复。</source>
        <translation>This report is retired (imported by mistake) and read-only; Review › Restore Report brings it back.</translation>
    </message>
    <message>
        <source>{name} 正在审核这份报告，为只读；如需修改，请接管（须说明理由）。</source>
        <translation>{name} is reviewing this report: read-only. To edit it, take it over (with a reason).</translation>
    </message>
    <message>
        <source>待复核：这份报告已核实，等待组长签核（审核 › 复核签核），为只读；组长可退回（重新打开审核）。</source>
        <translation>Awaiting sign-off: this report was verified and waits for a lead&apos;s sign-off (Review › Sign off); read-only. A lead may send it back (Reopen review).</translation>
    </message>
    <message>
        <source>已核实：这份报告为只读。如需修改或确认问题，请先 审核 › 重新打开审核（Ctrl+Shift+R），并说明理由。</source>
        <translation>Verified: this report is read-only. To change a value or confirm a problem, first reopen it (Review › Reopen Review, Ctrl+Shift+R) with a reason.</translation>
    </message>
    <message>
        <source>报告已在别处修改</source>
        <translation>Report changed elsewhere</translation>
    </message>
    <message>
        <source>（未署名）</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <source>{name} 于 {at} 修改了 {cell} 为 {value}</source>
        <translation>{name} at {at} changed {cell} to {value}</translation>
    </message>
    <message>
        <source>（共 {n} 个单元格）</source>
        <translation> ({n} cells in all)</translation>
    </message>
    <message>
        <source>{name} 于 {at} 将状态改为 {status}</source>
        <translation>{name} at {at} set the status to {status}</translation>
    </message>
    <message>
        <source>{name} 于 {at} 修改了这份报告（{what}）</source>
        <translation>{name} at {at} changed this report ({what})</translation>
    </message>
    <message>
        <source>这份报告已被其他窗口或程序修改，已重新载入。
{reason}</source>
        <translation>This report was changed by another window or program and has been reloaded.
{reason}</translation>
    </message>
    <message>
        <source>这份报告已被修改，已重新载入：</source>
        <translation>This report was changed meanwhile and has been reloaded:</translation>
    </message>
    <message>
        <source>您未保存的修改显示在表格上方，可重新应用或放弃。</source>
        <translation>Your unsaved change is shown above the tables: apply it again or discard it.</translation>
    </message>
    <message>
        <source>重新应用</source>
        <translation>Apply again</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>未保存的修改：{edits}{more}</source>
        <translation>Unsaved change: {edits}{more}</translation>
    </message>
    <message>
        <source>未能完成</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <source>请先选择一个错误或警告（F8），再确认为源文件错误</source>
        <translation>First choose an error or a warning (F8), then confirm it as a source defect</translation>
    </message>
    <message>
        <source>撤销确认</source>
        <translation>confirmation undone</translation>
    </message>
    <message>
        <source>确认源文件错误：{rule}</source>
        <translation>Confirm source defect: {rule}</translation>
    </message>
    <message>
        <source>已确认为源文件错误：{rule}</source>
        <translation>Confirmed as a source defect: {rule}</translation>
    </message>
    <message>
        <source>重新打开审核</source>
        <translation>Reopen Review</translation>
    </message>
    <message>
        <source>把这份已核实的报告重新打开审核？重新打开后可以修改，需要再次核实。请说明理由。</source>
        <translation>Reopen this verified report for review? It can then be changed and must be verified again. Please give a reason.</translation>
    </message>
    <message>
        <source>已重新打开审核：{title}</source>
        <translation>Reopened for review: {title}</translation>
    </message>
    <message>
        <source>停用报告</source>
        <translation>Retire Report</translation>
    </message>
    <message>
        <source>停用这份报告（例如导入有误）？它将不再出现在资料库列表、审核队列、图表和导出中；不会删除任何数据，修改记录保留，可随时恢复。请说明理由。</source>
        <translation>Retire this report (imported by mistake, say)? It will no longer appear in the library list, the review queue, charts or exports; nothing is deleted, its history is kept and it can be restored at any time. Please give a reason.</translation>
    </message>
    <message>
        <source>已停用：{title}（资料库筛选“已停用”可找到并恢复）</source>
        <translation>Retired: {title} (the library&apos;s “Retired” filter finds it to restore it)</translation>
    </message>
    <message>
        <source>已恢复：{title}</source>
        <translation>Restored: {title}</translation>
    </message>
    <message>
        <source>{title}：这一版本计入导出和图表</source>
        <translation>{title}: this version counts in exports and charts</translation>
    </message>
    <message>
        <source>保存失败：{reason}</source>
        <translation>Save failed: {reason}</translation>
    </message>
    <message>
        <source>所选问题没有建议值</source>
        <translation>The chosen problem has no suggested value</translation>
    </message>
    <message>
        <source>采纳建议（{rule}）</source>
        <translation>Suggestion applied ({rule})</translation>
    </message>
    <message>
        <source>首选项</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>每次修改都必须填写原因</source>
        <translation>Every edit needs a reason</translation>
    </message>
    <message>
        <source>核实后打开队列中的下一份报告</source>
        <translation>After verifying, open the next report in the queue</translation>
    </message>
    <message>
        <source>下一行</source>
        <translation>The next row</translation>
    </message>
    <message>
        <source>默认位置</source>
        <translation>default location</translation>
    </message>
    <message>
        <source>CSV（长表，每个单元格一行）</source>
        <translation>CSV (long: one row per cell)</translation>
    </message>
    <message>
        <source>CSV（宽表，每份报告一行）</source>
        <translation>CSV (wide: one row per report)</translation>
    </message>
    <message>
        <source>XLSX（官方表样，可打印）</source>
        <translation>XLSX (the official form, print-ready)</translation>
    </message>
    <message>
        <source>JSONL（记录格式）</source>
        <translation>JSONL (record schema)</translation>
    </message>
    <message>
        <source>已核实的报告（{n} 份）</source>
        <translation>Verified reports ({n})</translation>
    </message>
    <message>
        <source>全部报告（{n} 份）</source>
        <translation>All reports ({n})</translation>
    </message>
    <message>
        <source>当前筛选的报告（{n} 份）</source>
        <translation>Reports of the current filter ({n})</translation>
    </message>
    <message>
        <source>选中的报告（{n} 份）</source>
        <translation>Selected reports ({n})</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导出文件</source>
        <translation>Export file</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>格式：</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>范围：</source>
        <translation>Reports:</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>输入数值后回车前往</source>
        <translation>Enter after a value goes to</translation>
    </message>
    <message>
        <source>资料库文件</source>
        <translation>Library file</translation>
    </message>
    <message>
        <source>团队服务器</source>
        <translation>Team server</translation>
    </message>
    <message>
        <source>当前打开：{path}</source>
        <translation>Open now: {path}</translation>
    </message>
    <message>
        <source>使用团队服务器时，审核人就是数据库登录名；此处的姓名只用于本机资料库文件</source>
        <translation>On a team server the reviewer is your database login; the name here is used only for a library file on this computer</translation>
    </message>
    <message>
        <source>选择资料库文件</source>
        <translation>Choose the library file</translation>
    </message>
    <message>
        <source>资料库 (*.sqlite *.db)</source>
        <translation>Library (*.sqlite *.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>界面语言和资料库文件在重新启动后生效。</source>
        <translation>The language and the library file take effect after a restart.</translation>
    </message>
    <message>
        <source>查找…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <source>上一个 (Shift+Enter)</source>
        <translation>Previous (Shift+Enter)</translation>
    </message>
    <message>
        <source>下一个 (Enter)</source>
        <translation>Next (Enter)</translation>
    </message>
    <message>
        <source>关闭查找 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
    <message>
        <source>无匹配</source>
        <translation>No match</translation>
    </message>
    <message>
        <source>第 {i} / {n} 处</source>
        <translation>{i} of {n}</translation>
    </message>
    <message>
        <source>粘贴 {n} 个单元格</source>
        <translation>Paste {n} cells</translation>
    </message>
    <message>
        <source>清空 {n} 个单元格</source>
        <translation>Clear {n} cells</translation>
    </message>
    <message>
        <source>从原文填入 {cell}：{value}</source>
        <translation>Capture {cell} from the text: {value}</translation>
    </message>
    <message>
        <source>从原文填入 {n} 个单元格</source>
        <translation>Capture {n} cells from the text</translation>
    </message>
    <message>
        <source>采纳建议：{cell} → {value}</source>
        <translation>Apply suggestion: {cell} → {value}</translation>
    </message>
    <message>
        <source>修改 {cell}：{old} → {new}</source>
        <translation>Edit {cell}: {old} → {new}</translation>
    </message>
    <message>
        <source>修改 {n} 个单元格</source>
        <translation>Edit {n} cells</translation>
    </message>
    <message>
        <source>已重做：{step}</source>
        <translation>Redone: {step}</translation>
    </message>
    <message>
        <source>已撤销：{step}</source>
        <translation>Undone: {step}</translation>
    </message>
    <message>
        <source>核实报告</source>
        <translation>Verify report</translation>
    </message>
    <message>
        <source>没有错误。请为每条警告写明确认理由，然后核实。</source>
        <translation>No errors remain. Give a reason for each warning, then verify.</translation>
    </message>
    <message>
        <source>没有错误，也没有警告。确认核实这份报告？</source>
        <translation>No errors and no warnings. Verify this report?</translation>
    </message>
    <message>
        <source>确认理由（必填）</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>备注（可选）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>核实</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>正在写入，已不能取消</source>
        <translation>Writing: it can no longer be cancelled</translation>
    </message>
    <message>
        <source>取消导入</source>
        <translation>Cancel Import</translation>
    </message>
    <message>
        <source>停止导入（已导入的报告保留在资料库中）</source>
        <translation>Stop the import (the reports imported so far stay in the library)</translation>
    </message>
    <message>
        <source>%v / %m 份</source>
        <translation>%v / %m reports</translation>
    </message>
    <message>
        <source>停止导入？已导入的报告保留在资料库中，其余文件不再读取。</source>
        <translation>Stop the import? The reports imported so far stay in the library; the remaining files are not read.</translation>
    </message>
    <message>
        <source>停止导入</source>
        <translation>Stop Import</translation>
    </message>
    <message>
        <source>继续导入</source>
        <translation>Continue Import</translation>
    </message>
    <message>
        <source>正在取消导入…</source>
        <translation>Cancelling the import…</translation>
    </message>
    <message>
        <source>正在导入示例报告…</source>
        <translation>Importing the sample reports…</translation>
    </message>
    <message>
        <source>本年新收申请</source>
        <translation>New requests this year</translation>
    </message>
    <message>
        <source>上年结转申请</source>
        <translation>Carried over from last year</translation>
    </message>
    <message>
        <source>予以公开</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>部分公开</source>
        <translation>Partly granted</translation>
    </message>
    <message>
        <source>不予公开</source>
        <translation>Denied</translation>
    </message>
    <message>
        <source>无法提供</source>
        <translation>Unable to provide</translation>
    </message>
    <message>
        <source>不予处理</source>
        <translation>Not processed</translation>
    </message>
    <message>
        <source>其他处理</source>
        <translation>Otherwise handled</translation>
    </message>
    <message>
        <source>结转下年度办理</source>
        <translation>Carried forward to next year</translation>
    </message>
    <message>
        <source>办理结果总计</source>
        <translation>Total handled</translation>
    </message>
    <message>
        <source>结果维持</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <source>结果纠正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>其他结果</source>
        <translation>Other outcome</translation>
    </message>
    <message>
        <source>尚未审结</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>总计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>行政复议</source>
        <translation>Administrative reviews</translation>
    </message>
    <message>
        <source>行政诉讼</source>
        <translation>Lawsuits</translation>
    </message>
    <message>
        <source>报告份数</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>其中有错误的报告</source>
        <translation>of which with errors</translation>
    </message>
    <message>
        <source>{kind}：{outcome}</source>
        <translation>{kind}: {outcome}</translation>
    </message>
    <message>
        <source>{value}（{n} 份空白）</source>
        <translation>{value} ({n} blank)</translation>
    </message>
    <message>
        <source>{n} 份报告此项有空白单元格：空白不计为 0，合计只含已填写的数字</source>
        <translation>{n} reports left a cell of this blank: a blank is not counted as 0, the sum holds the numbers filled in</translation>
    </message>
    <message>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>仅已核实的报告</source>
        <translation>Verified reports only</translation>
    </message>
    <message>
        <source>所有状态的报告</source>
        <translation>Reports of every status</translation>
    </message>
    <message>
        <source>图表默认只统计已核实的报告</source>
        <translation>By default the charts count verified reports only</translation>
    </message>
    <message>
        <source>统计范围</source>
        <translation>Reports counted</translation>
    </message>
    <message>
        <source>按机关名称筛选</source>
        <translation>Filter by agency name</translation>
    </message>
    <message>
        <source>机关名称筛选</source>
        <translation>Agency filter</translation>
    </message>
    <message>
        <source>统计：</source>
        <translation>Count:</translation>
    </message>
    <message>
        <source>依申请公开（件）：办理结果（堆叠柱）与本年新收申请（折线）</source>
        <translation>Requests: how they were handled (stacked bars) and new requests (line)</translation>
    </message>
    <message>
        <source>{kind}（件）：按结果（堆叠柱）</source>
        <translation>{kind} by outcome (stacked bars)</translation>
    </message>
    <message>
        <source>依申请公开图表；确切数字见下方表格</source>
        <translation>Chart of requests; the exact numbers are in the table below</translation>
    </message>
    <message>
        <source>{kind}图表；确切数字见下方表格</source>
        <translation>Chart of {kind}; the exact numbers are in the table below</translation>
    </message>
    <message>
        <source>各年度数字</source>
        <translation>Figures by year</translation>
    </message>
    <message>
        <source>点击柱形或表中的数字，列出其中的报告</source>
        <translation>Click a bar or a number of the table to list the reports behind it</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>无法统计：{reason}</source>
        <translation>Cannot count: {reason}</translation>
    </message>
    <message>
        <source>{year} 年 · {series}：{n} 份报告</source>
        <translation>{year} · {series}: {n} reports</translation>
    </message>
    <message>
        <source>还没有已核实的报告。选择“所有状态的报告”可查看全部报告的数字。</source>
        <translation>No report is verified yet. Choose “Reports of every status” to see the figures of all reports.</translation>
    </message>
    <message>
        <source>没有符合条件的报告。</source>
        <translation>No report matches.</translation>
    </message>
    <message>
        <source>已核实的报告 {n} 份，其中 {e} 份有错误</source>
        <translation>{n} verified reports, {e} of them with errors</translation>
    </message>
    <message>
        <source>所有状态的报告 {n} 份，其中 {e} 份有错误</source>
        <translation>{n} reports of every status, {e} of them with errors</translation>
    </message>
    <message>
        <source>{n} 份没有年度，未计入</source>
        <translation>{n} without a year, not counted</translation>
    </message>
    <message>
        <source>同一机关同一年度的另 {n} 份文件未重复计入</source>
        <translation>{n} other files of the same agency and year not counted twice</translation>
    </message>
    <message>
        <source>空白单元格不计为 0：{years} 年有报告的部分数字空白，图中只计已填写的数字，空白的份数见下表括号。</source>
        <translation>A blank cell is not counted as 0: in {years} some reports left figures blank; the charts count the numbers filled in, and the table says in brackets how many reports left blanks.</translation>
    </message>
    <message>
        <source>图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>按年度查看申请、复议和诉讼的数字（默认只统计已核实的报告）</source>
        <translation>Requests, reviews and lawsuits by year (verified reports only by default)</translation>
    </message>
    <message>
        <source>这份报告没有问题，资料库中也没有其他待处理问题的报告</source>
        <translation>This report has no problems, and no other report in the library has problems left</translation>
    </message>
    <message>
        <source>已是最后一个问题：资料库中没有其他待处理问题的报告</source>
        <translation>This was the last problem: no other report in the library has problems left</translation>
    </message>
    <message>
        <source>没有待处理的问题了：Ctrl+Enter 核实这份报告</source>
        <translation>No problem left: Ctrl+Enter verifies this report</translation>
    </message>
    <message>
        <source>表格</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>数字键</source>
        <translation>Digits</translation>
    </message>
    <message>
        <source>直接输入即替换单元格的值</source>
        <translation>Typing replaces the cell&apos;s value</translation>
    </message>
    <message>
        <source>编辑单元格（保留原值）</source>
        <translation>Edit the cell (keeping its value)</translation>
    </message>
    <message>
        <source>确认输入并前往下一个问题（或下一行，见首选项）</source>
        <translation>Commit and go to the next problem (or the next row, see Preferences)</translation>
    </message>
    <message>
        <source>确认输入并右移一格</source>
        <translation>Commit and move one cell right</translation>
    </message>
    <message>
        <source>取消输入</source>
        <translation>Cancel the input</translation>
    </message>
    <message>
        <source>清空所选单元格（一次修改）</source>
        <translation>Clear the selected cells (one edit)</translation>
    </message>
    <message>
        <source>粘贴从 Excel 复制的区域（一次修改）</source>
        <translation>Paste a block copied from Excel (one edit)</translation>
    </message>
    <message>
        <source>复制所选单元格</source>
        <translation>Copy the selected cells</translation>
    </message>
    <message>
        <source>从筛选框进入列表</source>
        <translation>From the filter box into the list</translation>
    </message>
    <message>
        <source>打开所选报告；在筛选框中：只有一份匹配时打开它</source>
        <translation>Open the selected report; in the filter box: open the only match</translation>
    </message>
    <message>
        <source>查找下一处 / 上一处</source>
        <translation>Find next / previous</translation>
    </message>
    <message>
        <source>关闭查找</source>
        <translation>Close Find</translation>
    </message>
    <message>
        <source>单击数字</source>
        <translation>Click a number</translation>
    </message>
    <message>
        <source>选中了单元格时：把该数字填入单元格（记录其在原文中的位置）</source>
        <translation>With a cell selected: put that number in the cell (its place in the text is recorded)</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>作用</source>
        <translation>What it does</translation>
    </message>
    <message>
        <source>未找到{table}：在原文中选中一行数字按 Ctrl+R 填入当前行，或单击数字填入所选单元格</source>
        <translation>{table} was not found: select a row of numbers in the text and press Ctrl+R to fill the current row, or click a number to put it in the selected cell</translation>
    </message>
    <message>
        <source>未定位数值（已全部填入）</source>
        <translation>Unplaced values (all filled in)</translation>
    </message>
    <message>
        <source>未定位数值 ({left}/{n})</source>
        <translation>Unplaced values ({left}/{n})</translation>
    </message>
    <message>
        <source>未定位数值 ({n})</source>
        <translation>Unplaced values ({n})</translation>
    </message>
    <message>
        <source>单元格已是该值</source>
        <translation>The cell already holds that value</translation>
    </message>
    <message>
        <source>已从原文填入 {cells}</source>
        <translation>Captured from the text: {cells}</translation>
    </message>
    <message>
        <source>请先在表格中选中要填入的单元格</source>
        <translation>First choose the cell to fill in the table</translation>
    </message>
    <message>
        <source>这里没有数字</source>
        <translation>There is no number here</translation>
    </message>
    <message>
        <source>请先在表格中选中要填入的行的第一个单元格</source>
        <translation>First choose the first cell of the row to fill in the table</translation>
    </message>
    <message>
        <source>所选文字中没有数字：请在原文中选中一行数字</source>
        <translation>The selected text holds no number: select a row of numbers in the text</translation>
    </message>
    <message>
        <source>所选文字有 {n} 个数字，这一行从当前单元格起只有 {m} 格</source>
        <translation>The selected text holds {n} numbers; from the current cell this row has only {m} cells</translation>
    </message>
    <message>
        <source>该值不是数字，不能填入</source>
        <translation>That value is not a number and cannot be put in a cell</translation>
    </message>
    <message>
        <source>第 {line} 行第 {col} 列</source>
        <translation>line {line}, column {col}</translation>
    </message>
    <message>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>已填入</source>
        <translation>Put in</translation>
    </message>
    <message>
        <source>在表格中选中单元格，再在这里按回车（或把数值拖到单元格上、在原文中单击数字）填入；在原文中选中一行数字后按 Ctrl+R 填入当前行。</source>
        <translation>Choose a cell in the table, then press Enter here (or drag the value onto a cell, or click the number in the text); select a row of numbers in the text and press Ctrl+R to fill the current row.</translation>
    </message>
    <message>
        <source>填入所选单元格</source>
        <translation>Put in the Chosen Cell</translation>
    </message>
    <message>
        <source>把所选数值填入表格中的当前单元格 (Enter)</source>
        <translation>Put the chosen value in the table&apos;s current cell (Enter)</translation>
    </message>
    <message>
        <source>理由（必填）</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>理由（可选）</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <source>确认为源文件错误</source>
        <translation>Confirm as Source Defect</translation>
    </message>
    <message>
        <source>确认报告原文就是这样印的、错误在源文件中：数值保持原文，问题作为源文件错误记录在案，不再妨碍核实。请写明理由（例如“已与原件核对，原件即如此”）。</source>
        <translation>Confirm that the report prints it this way and the error is in the source: the values stay as printed, the problem is recorded as a source defect and no longer blocks verification. Please give a reason (for example “checked against the original, printed so”).</translation>
    </message>
    <message>
        <source>可选；按关系推算为 {value}</source>
        <translation>optional; the relations give {value}</translation>
    </message>
    <message>
        <source>可选</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>应为：</source>
        <translation>Should be:</translation>
    </message>
    <message>
        <source>选择要导入的报告</source>
        <translation>Choose Reports to Import</translation>
    </message>
    <message>
        <source>{url} 列出 {n} 份年度报告。勾选要导入的报告（空格键勾选）：</source>
        <translation>{url} lists {n} annual reports. Check the ones to import (Space checks):</translation>
    </message>
    <message>
        <source>导入所选</source>
        <translation>Import Checked</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Check All</translation>
    </message>
    <message>
        <source>从网址导入</source>
        <translation>Import from Address</translation>
    </message>
    <message>
        <source>报告网页、PDF 或 Word 文件的网址，或年报栏目页的网址：</source>
        <translation>Address of a report page, a PDF or Word file, or a column page of annual reports:</translation>
    </message>
    <message>
        <source>请输入以 http:// 或 https:// 开头的网址</source>
        <translation>Enter an address starting with http:// or https://</translation>
    </message>
    <message>
        <source>正在下载 {url}…</source>
        <translation>Downloading {url}…</translation>
    </message>
    <message>
        <source>另一项任务正在进行，请稍后再试</source>
        <translation>Another task is running; try again when it has finished</translation>
    </message>
    <message>
        <source>无法下载</source>
        <translation>Download Failed</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>第 {page} / {pages} 页</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>文件为空</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>文件过大（{size} MB，上限 {limit} MB）</source>
        <translation>the file is too large ({size} MB; the limit is {limit} MB)</translation>
    </message>
    <message>
        <source>文件不存在</source>
        <translation>the file does not exist</translation>
    </message>
    <message>
        <source>这是一个文件夹，不是文件</source>
        <translation>this is a folder, not a file</translation>
    </message>
    <message>
        <source>没有读取权限</source>
        <translation>no permission to read it</translation>
    </message>
    <message>
        <source>无法读取（{detail}）</source>
        <translation>cannot be read ({detail})</translation>
    </message>
    <message>
        <source>文件中没有可读的文字</source>
        <translation>the file holds no readable text</translation>
    </message>
    <message>
        <source>这是二进制文件，不是文本报告</source>
        <translation>this is a binary file, not a text report</translation>
    </message>
    <message>
        <source>这是一个压缩包（ZIP），不是文本报告</source>
        <translation>this is a ZIP archive, not a text report</translation>
    </message>
    <message>
        <source>不支持的文件类型 {suffix}（支持 .txt .md .html .docx .doc .wps .rtf .pdf）</source>
        <translation>unsupported file type {suffix} (supported: .txt .md .html .docx .doc .wps .rtf .pdf)</translation>
    </message>
    <message>
        <source>文件扩展名为 {suffix}，但内容不是 Word/WPS 文档（可能已损坏或被截断）</source>
        <translation>the file is named {suffix} but is not a Word or WPS document (it may be damaged or truncated)</translation>
    </message>
    <message>
        <source>{kind} 文件需要 LibreOffice 才能读取，本机未找到 LibreOffice。{hint}</source>
        <translation>{kind} files are read through LibreOffice, which was not found on this computer. {hint}</translation>
    </message>
    <message>
        <source>无法启动 LibreOffice（{detail}）。{hint}</source>
        <translation>LibreOffice could not be started ({detail}). {hint}</translation>
    </message>
    <message>
        <source>LibreOffice 转换 {kind} 文件超时（{seconds} 秒），文件可能已损坏</source>
        <translation>LibreOffice took too long to convert the {kind} file ({seconds} s); the file may be damaged</translation>
    </message>
    <message>
        <source>LibreOffice 无法转换此 {kind} 文件，文件可能已损坏{detail}</source>
        <translation>LibreOffice could not convert this {kind} file; the file may be damaged {detail}</translation>
    </message>
    <message>
        <source>请安装 LibreOffice（https://www.libreoffice.org ；Debian/Ubuntu：sudo apt install libreoffice-writer）后重试，或用 Word/WPS 将其另存为 .docx</source>
        <translation>Install LibreOffice (https://www.libreoffice.org; Debian/Ubuntu: sudo apt install libreoffice-writer) and try again, or save the file as .docx with Word or WPS</translation>
    </message>
    <message>
        <source>不支持的文件类型 {suffix}（支持 .txt .md .html .docx .doc .wps .rtf .pdf 和扫描图片）</source>
        <translation>unsupported file type {suffix} (supported: .txt .md .html .docx .doc .wps .rtf .pdf and scanned images)</translation>
    </message>
    <message>
        <source>文件扩展名为 {suffix}，但内容不是图片（可能已损坏或被截断）</source>
        <translation>the name ends in {suffix}, but the content is not an image (it may be damaged or cut short)</translation>
    </message>
    <message>
        <source>图片已损坏或格式不受支持，无法读取</source>
        <translation>the image is damaged or of an unsupported kind and cannot be read</translation>
    </message>
    <message>
        <source>这是扫描件或图片，{hint}</source>
        <translation>this is a scan or an image; {hint}</translation>
    </message>
    <message>
        <source>这是图片，{hint}</source>
        <translation>this is an image; {hint}</translation>
    </message>
    <message>
        <source>文字识别需要安装 OCR 组件：pip install &apos;report-reviewer[ocr]&apos;</source>
        <translation>reading it needs the OCR component: pip install &apos;report-reviewer[ocr]&apos;</translation>
    </message>
    <message>
        <source>文字识别未能从图片中读出文字</source>
        <translation>OCR read no text from the image</translation>
    </message>
    <message>
        <source>图片过大（{width}×{height} 像素），无法识别</source>
        <translation>the image is too large to read ({width}×{height} pixels)</translation>
    </message>
    <message>
        <source>PDF 中没有文字层（可能是扫描件）；{hint}</source>
        <translation>the PDF has no text layer (it may be a scan); {hint}</translation>
    </message>
    <message>
        <source>PDF 中既没有文字层，文字识别也未读出文字</source>
        <translation>the PDF has no text layer, and OCR read no text from it</translation>
    </message>
    <message>
        <source>只能从 http 或 https 网址导入</source>
        <translation>only http and https addresses can be imported</translation>
    </message>
    <message>
        <source>网址缺少主机名</source>
        <translation>the address has no host name</translation>
    </message>
    <message>
        <source>重定向到了非 http(s) 地址 {url}，已停止</source>
        <translation>redirected to a non-http(s) address {url}; stopped</translation>
    </message>
    <message>
        <source>重定向超过 {count} 次，已停止</source>
        <translation>more than {count} redirects; stopped</translation>
    </message>
    <message>
        <source>服务器返回 {code} {reason}</source>
        <translation>the server answered {code} {reason}</translation>
    </message>
    <message>
        <source>无法连接（{detail}）</source>
        <translation>cannot connect ({detail})</translation>
    </message>
    <message>
        <source>读取超时（{seconds} 秒内没有数据）</source>
        <translation>timed out (no data within {seconds} s)</translation>
    </message>
    <message>
        <source>下载失败（{detail}）</source>
        <translation>the download failed ({detail})</translation>
    </message>
    <message>
        <source>服务器返回的内容为空</source>
        <translation>the server sent nothing</translation>
    </message>
    <message>
        <source>下载超过 {seconds} 秒，已停止</source>
        <translation>the download took more than {seconds} s; stopped</translation>
    </message>
    <message>
        <source>文件过大（超过 {limit} MB），已停止下载</source>
        <translation>the file is too large (more than {limit} MB); the download was stopped</translation>
    </message>
    <message>
        <source>文件扩展名为 .docx，但内容不是 Word 文档（可能已损坏或被截断）</source>
        <translation>the file is named .docx but is not a Word document (it may be damaged or truncated)</translation>
    </message>
    <message>
        <source>文件扩展名为 .pdf，但内容不是 PDF（可能已损坏或被截断）</source>
        <translation>the file is named .pdf but is not a PDF (it may be damaged or truncated)</translation>
    </message>
    <message>
        <source>旧版 Word（.doc）格式不受支持，请另存为 .docx 后再导入</source>
        <translation>the old Word format (.doc) is not supported; save it as .docx and import it again</translation>
    </message>
    <message>
        <source>Word 文档中的表格过宽（超过 {columns} 列），不像年度报告</source>
        <translation>a table of the Word document is too wide (more than {columns} columns) for an annual report</translation>
    </message>
    <message>
        <source>Word 文档解压后过大，拒绝读取</source>
        <translation>the Word document is too large once unpacked; not read</translation>
    </message>
    <message>
        <source>Word 文档已损坏（{part} 校验失败）</source>
        <translation>the Word document is damaged ({part} fails its checksum)</translation>
    </message>
    <message>
        <source>这不是 Word 文档（内容类型 {content_type}），无法读取</source>
        <translation>this is not a Word document (content type {content_type})</translation>
    </message>
    <message>
        <source>Word 文档已损坏或不完整（可能被截断），无法打开</source>
        <translation>the Word document is damaged or incomplete (perhaps truncated)</translation>
    </message>
    <message>
        <source>不是完整的 Word 文档（缺少 {part}）</source>
        <translation>not a complete Word document ({part} is missing)</translation>
    </message>
    <message>
        <source>Word 文档的内容已损坏（XML 错误：{detail}）</source>
        <translation>the content of the Word document is damaged (XML error: {detail})</translation>
    </message>
    <message>
        <source>Word 文档中没有正文</source>
        <translation>the Word document has no body text</translation>
    </message>
    <message>
        <source>网页中的表格过大（超过 {columns} 列或 {cells} 个单元格），不像年度报告</source>
        <translation>a table of the web page is too large (more than {columns} columns or {cells} cells) for an annual report</translation>
    </message>
    <message>
        <source>PDF 已加密，需要密码才能读取</source>
        <translation>the PDF is encrypted and needs a password</translation>
    </message>
    <message>
        <source>PDF 已损坏或不完整，无法读取（{detail}）</source>
        <translation>the PDF is damaged or incomplete ({detail})</translation>
    </message>
    <message>
        <source>PDF 文件不完整（结尾缺失，可能在下载或复制时被截断）</source>
        <translation>the PDF is incomplete (its end is missing: it may have been cut short when downloaded or copied)</translation>
    </message>
    <message>
        <source>PDF 的字体缺少文字编码表，文字无法提取</source>
        <translation>the PDF&apos;s fonts lack a character map: its text cannot be extracted</translation>
    </message>
    <message>
        <source>PDF 中没有文字层（可能是扫描件），本程序不做文字识别</source>
        <translation>the PDF has no text layer (perhaps a scan); this program does not recognise text in images</translation>
    </message>
    <message>
        <source>必要部件</source>
        <translation>a required part</translation>
    </message>
    <message>
        <source>{what}，超出读取预算 {seconds} 秒、{megabytes} MB，拒绝读取</source>
        <translation>{what}, beyond the reading budget of {seconds} s and {megabytes} MB; refused</translation>
    </message>
    <message>
        <source>表格展开后超过 {cells} 个单元格</source>
        <translation>its tables expand to more than {cells} cells</translation>
    </message>
    <message>
        <source>读取超过 {seconds} 秒</source>
        <translation>reading took more than {seconds} seconds</translation>
    </message>
    <message>
        <source>{what}展开后为 {size} MB，超过 {limit} MB 的上限</source>
        <translation>{what} expands to {size} MB, over the limit of {limit} MB</translation>
    </message>
    <message>
        <source>Word 文档中的 {part} </source>
        <translation>the Word document&apos;s {part}</translation>
    </message>
    <message>
        <source>PDF 中的压缩内容</source>
        <translation>the PDF&apos;s compressed content</translation>
    </message>
    <message>
        <source>网页</source>
        <translation>the web page</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>the text</translation>
    </message>
    <message>
        <source>PDF 内容流中有超过 {size} KB 的连续空格（读取器会因此停顿）</source>
        <translation>a content stream of the PDF holds a run of more than {size} KB of spaces (the PDF reader would stall on it)</translation>
    </message>
    <message>
        <source>文件的结构嵌套过深，无法读取</source>
        <translation>the file is nested too deeply to be read</translation>
    </message>
    <message>
        <source>读取时内存不足，拒绝读取</source>
        <translation>out of memory while reading; refused</translation>
    </message>
    <message>
        <source>文件过大（超过 {limit} MB）</source>
        <translation>the file is too large (over {limit} MB)</translation>
    </message>
    <message>
        <source>这是{kind}，不是普通文件；已跳过（未打开）</source>
        <translation>this is a {kind}, not a regular file; skipped (not opened)</translation>
    </message>
    <message>
        <source>命名管道（FIFO）</source>
        <translation>named pipe (FIFO)</translation>
    </message>
    <message>
        <source>字符设备</source>
        <translation>character device</translation>
    </message>
    <message>
        <source>块设备</source>
        <translation>block device</translation>
    </message>
    <message>
        <source>套接字</source>
        <translation>socket</translation>
    </message>
    <message>
        <source>文件中有 {count} 份报告（分别从{lines}起）；只读第一份会漏掉其余报告的数据和问题，请拆分为每份一个文件后再读入</source>
        <translation>the file holds {count} reports (starting at {lines}); reading only the first would lose the others&apos; figures and problems, so split it into one file per report</translation>
    </message>
    <message>
        <source>自动备份失败：{reason}</source>
        <translation>Automatic backup failed: {reason}</translation>
    </message>
    <message>
        <source>已自动备份资料库：{path}</source>
        <translation>Library backed up automatically: {path}</translation>
    </message>
    <message>
        <source>资料库已损坏</source>
        <translation>Library damaged</translation>
    </message>
    <message>
        <source>{reason}

请关闭程序后运行修复；每日的自动备份在资料库旁的 backups 文件夹中。</source>
        <translation>{reason}

Close the program and run the repair; the daily automatic backups are in the backups folder beside the library.</translation>
    </message>
    <message>
        <source>备份资料库</source>
        <translation>Back Up Library</translation>
    </message>
    <message>
        <source>资料库 (*.sqlite3 *.sqlite *.db)</source>
        <translation>Libraries (*.sqlite3 *.sqlite *.db)</translation>
    </message>
    <message>
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>已备份 {n} 份报告到 {path}</source>
        <translation>Backed up {n} reports to {path}</translation>
    </message>
    <message>
        <source>正在检查审核记录的哈希链…</source>
        <translation>Checking the audit trail&apos;s hash chains…</translation>
    </message>
    <message>
        <source>检查审核记录完整性</source>
        <translation>Check Audit Trail Integrity</translation>
    </message>
    <message>
        <source>无法检查审核记录：{reason}</source>
        <translation>Could not check the audit trail: {reason}</translation>
    </message>
    <message>
        <source>审核记录完整</source>
        <translation>Audit trail intact</translation>
    </message>
    <message>
        <source>{n} 份报告的 {m} 条审核记录，哈希链均完好：没有记录被改动、删除或插入。</source>
        <translation>{m} audit entries of {n} reports, every hash chain intact: no entry was changed, deleted or inserted.</translation>
    </message>
    <message>
        <source>……另有 {n} 份报告</source>
        <translation>…and {n} more reports</translation>
    </message>
    <message>
        <source>审核记录被改动</source>
        <translation>Audit trail tampered with</translation>
    </message>
    <message>
        <source>{n} 份报告的审核记录哈希链断开：这些记录在程序之外被改动、删除或插入。</source>
        <translation>The audit trail hash chain of {n} reports is broken: entries were changed, deleted or inserted outside the app.</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <source>修改未能保存：
{reason}

输入的值仍保留在单元格中。</source>
        <translation>The edit could not be saved:
{reason}

The value you typed is still in the cell.</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>年报导出</source>
        <translation>reports-export</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>导出未完成</source>
        <translation>Export not completed</translation>
    </message>
    <message>
        <source>已导出 {n} 份报告到 {path}</source>
        <translation>Exported {n} reports to {path}</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <source>导入修改</source>
        <translation>Import Edits</translation>
    </message>
    <message>
        <source>导出的表格 (*.xlsx *.csv);;所有文件 (*)</source>
        <translation>Exported tables (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取 {file}…</source>
        <translation>Reading {file}…</translation>
    </message>
    <message>
        <source>无法导入修改</source>
        <translation>Cannot import edits</translation>
    </message>
    <message>
        <source>{file} 中没有与资料库不同的数值。</source>
        <translation>No value in {file} differs from the library.</translation>
    </message>
    <message>
        <source>已应用 {n} 处修改（{k} 份报告），理由“{reason}”</source>
        <translation>Applied {n} changes ({k} reports), reason “{reason}”</translation>
    </message>
    <message>
        <source>审核意见书</source>
        <translation>Review Report</translation>
    </message>
    <message>
        <source>请先在资料库中选择报告（可多选），或打开一份报告。</source>
        <translation>Select reports in the library first (several may be selected), or open a report.</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>保存审核意见书</source>
        <translation>Save Review Report</translation>
    </message>
    <message>
        <source>正在整理 {n} 份报告的审核意见…</source>
        <translation>Compiling the review of {n} reports…</translation>
    </message>
    <message>
        <source>无法保存 {path}：{why}</source>
        <translation>Cannot save {path}: {why}</translation>
    </message>
    <message>
        <source>审核意见书已保存到 {path}</source>
        <translation>Review report saved to {path}</translation>
    </message>
    <message>
        <source>打印预览：{title}</source>
        <translation>Print preview: {title}</translation>
    </message>
    <message>
        <source>团队服务器地址</source>
        <translation>Team server address</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>填写后使用服务器上的团队资料库（留空则用本机资料库文件）。密码不保存在设置中：请用 PGPASSWORD 环境变量、~/.pgpass 文件或 libpq 服务文件（service=名称）。</source>
        <translation>When filled in, the team&apos;s library on the server is used (leave it empty to use the library file on this computer). The password is never saved in the settings: use the PGPASSWORD environment variable, a ~/.pgpass file or a libpq service file (service=name).</translation>
    </message>
    <message>
        <source>请先填写服务器地址</source>
        <translation>Enter the server&apos;s address first</translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>接管…</source>
        <translation>Take over…</translation>
    </message>
    <message>
        <source>接管这份报告（须说明理由，记入审核记录）</source>
        <translation>Take this report over (a reason is required and goes into the audit trail)</translation>
    </message>
    <message>
        <source>{name} 已接管这份报告，您的修改到此为止：为只读。</source>
        <translation>{name} has taken this report over; your edits end here: read-only.</translation>
    </message>
    <message>
        <source>{name} 正在审核这份报告（{at} 起），为只读。</source>
        <translation>{name} is reviewing this report (since {at}): read-only.</translation>
    </message>
    <message>
        <source>如需修改，请接管（须说明理由）。</source>
        <translation>To edit it, take it over (with a reason).</translation>
    </message>
    <message>
        <source>接管报告</source>
        <translation>Take over report</translation>
    </message>
    <message>
        <source>{name} 自 {at} 起在审核这份报告。接管后对方的窗口变为只读，接管及其理由记入审核记录。</source>
        <translation>{name} has been reviewing this report since {at}. Taking it over makes their window read-only; the takeover and its reason go into the audit trail.</translation>
    </message>
    <message>
        <source>接管</source>
        <translation>Take over</translation>
    </message>
    <message>
        <source>未能接管</source>
        <translation>Could not take over</translation>
    </message>
    <message>
        <source>已接管这份报告</source>
        <translation>You have taken this report over</translation>
    </message>
    <message>
        <source>实时更新已恢复</source>
        <translation>Live updates are back</translation>
    </message>
    <message>
        <source>{name} 修改了这份报告，已显示最新内容</source>
        <translation>{name} changed this report; the latest version is shown</translation>
    </message>
    <message>
        <source>组长</source>
        <translation>a lead</translation>
    </message>
    <message>
        <source>审核员</source>
        <translation>a reviewer</translation>
    </message>
    <message>
        <source>您（{name}）的角色不能进行此操作：须由{need}进行</source>
        <translation>Your role ({name}) does not allow this: it needs {need}</translation>
    </message>
    <message>
        <source>资料库设置</source>
        <translation>Library settings</translation>
    </message>
    <message>
        <source>四眼复核：审核员核实后为“待复核”，须另一位组长签核</source>
        <translation>Four eyes: a reviewer&apos;s verification awaits sign-off by another person, a lead</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>这些设置保存在资料库中，对所有审核人生效；只有组长可以更改。</source>
        <translation>These settings are stored in the library and apply to every reviewer; only a lead can change them.</translation>
    </message>
    <message>
        <source>审核中的报告无操作后自动释放：</source>
        <translation>Release a report in review after it was left idle for:</translation>
    </message>
    <message>
        <source>复核签核…</source>
        <translation>Sign off…</translation>
    </message>
    <message>
        <source>四眼复核：组长签核另一人核实的报告，签核后为“已核实”</source>
        <translation>Four eyes: a lead signs off a report someone else verified; signed off, it is Verified</translation>
    </message>
    <message>
        <source>资料库设置…</source>
        <translation>Library settings…</translation>
    </message>
    <message>
        <source>四眼复核、审核中的报告自动释放的时间：保存在资料库中，由组长更改</source>
        <translation>Four eyes, and when a report left idle in review is released: stored in the library, changed by a lead</translation>
    </message>
    <message>
        <source>只有待复核的报告需要签核</source>
        <translation>Only a report awaiting sign-off needs one</translation>
    </message>
    <message>
        <source>复核签核</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <source>{name} 核实了这份报告。签核后为“已核实”，签核人记入审核记录。</source>
        <translation>{name} verified this report. Signed off, it becomes Verified; who signed goes into the audit trail.</translation>
    </message>
    <message>
        <source>签核</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <source>未能签核</source>
        <translation>Could not sign off</translation>
    </message>
    <message>
        <source>已签核：这份报告已核实</source>
        <translation>Signed off: this report is verified</translation>
    </message>
    <message>
        <source>未能保存设置</source>
        <translation>Could not save the settings</translation>
    </message>
    <message>
        <source>资料库设置已保存</source>
        <translation>Library settings saved</translation>
    </message>
    <message>
        <source>选择拆分</source>
        <translation>Choose a Split</translation>
    </message>
    <message>
        <source>{table}“{rows}”印为 &lt;b&gt;{printed}&lt;/b&gt;：下列 {n} 种拆分都同样符合各项关系，请对照原文选择一种。</source>
        <translation>{table} “{rows}” is printed as &lt;b&gt;{printed}&lt;/b&gt;: each of these {n} splits fits every relation equally well. Check the source text and choose one.</translation>
    </message>
    <message>
        <source>↑↓ 选择（原文随之标出各格数字）· Enter 采用 · 数字键 1–9 直接采用该行 · Esc 取消</source>
        <translation>↑↓ choose (the text marks each cell&apos;s digits) · Enter apply · 1–9 apply that row · Esc cancel</translation>
    </message>
    <message>
        <source>采用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>选择拆分…</source>
        <translation>Choose Split…</translation>
    </message>
    <message>
        <source>选择拆分：请先打开一份报告</source>
        <translation>Choose split: open a report first</translation>
    </message>
    <message>
        <source>选择拆分：请先在问题列表中选中一个“拆分不唯一”的警告（F8），或把光标移到它留空的单元格</source>
        <translation>Choose split: first choose an “ambiguous split” warning in the problems list (F8), or put the cursor on a cell it left blank</translation>
    </message>
    <message>
        <source>这一拆分已由审核人选定；要改选，请先撤销（Ctrl+Z）或清空这些单元格</source>
        <translation>The reviewer has chosen this split; to choose again, undo it (Ctrl+Z) or clear its cells first</translation>
    </message>
    <message>
        <source>这一警告已确认为源文件错误；要选择拆分，请先撤销该确认</source>
        <translation>This warning is confirmed as a source defect; withdraw the confirmation to choose a split</translation>
    </message>
    <message>
        <source>这份报告导入时的解析器没有记录可选的拆分：请先重新解析（文件 › 重新解析）</source>
        <translation>The parser this report was imported with did not record the splits to choose from: re-parse it first (File › Re-parse)</translation>
    </message>
    <message>
        <source>报告把一行的几个数字连在一起印出、有多种拆分都符合各项关系时，从列出的拆分中选择一种填入（一次修改）</source>
        <translation>Where a report prints a row&apos;s numbers run together and several splits fit every relation, choose one of the splits listed to fill the cells (one edit)</translation>
    </message>
    <message>
        <source>已选择拆分 {split}</source>
        <translation>Split chosen: {split}</translation>
    </message>
</context>
</TS>
