"""Reading errors in the UI's language.

The core's `ReadError` says in one Chinese line why a file could not be read, usually `文件名: 原因`. Here every
reason the readers give has a template — the core's text with its varying parts named — translated through
`tr()` (and so does every `FetchError` of an import from the web); a message is matched against the templates and the translation filled with what the message held.
In Chinese the text is shown as the core wrote it. A message no template matches is shown as it is (the test
tests/ui/test_english_texts.py walks every `ReadError` of the core so that none is left without English).
"""

from __future__ import annotations

import re
from functools import cache

from ui.i18n import current_language, tr


def _templates() -> dict[str, str]:
    """The core's reasons (Chinese, with {named} parts) -> their text in the UI's language."""
    return {
        "文件为空": tr("文件为空"),
        "文件过大（{size} MB，上限 {limit} MB）": tr("文件过大（{size} MB，上限 {limit} MB）"),
        "文件不存在": tr("文件不存在"),
        "这是一个文件夹，不是文件": tr("这是一个文件夹，不是文件"),
        "没有读取权限": tr("没有读取权限"),
        "无法读取（{detail}）": tr("无法读取（{detail}）"),
        "文件中没有可读的文字": tr("文件中没有可读的文字"),
        "这是二进制文件，不是文本报告": tr("这是二进制文件，不是文本报告"),
        "这是一个压缩包（ZIP），不是文本报告": tr("这是一个压缩包（ZIP），不是文本报告"),
        "不支持的文件类型 {suffix}（支持 .txt .md .html .docx .doc .wps .rtf .pdf）":
            tr("不支持的文件类型 {suffix}（支持 .txt .md .html .docx .doc .wps .rtf .pdf）"),
        "文件扩展名为 {suffix}，但内容不是 Word/WPS 文档（可能已损坏或被截断）":
            tr("文件扩展名为 {suffix}，但内容不是 Word/WPS 文档（可能已损坏或被截断）"),
        "{kind} 文件需要 LibreOffice 才能读取，本机未找到 LibreOffice。{hint}":
            tr("{kind} 文件需要 LibreOffice 才能读取，本机未找到 LibreOffice。{hint}"),
        "无法启动 LibreOffice（{detail}）。{hint}": tr("无法启动 LibreOffice（{detail}）。{hint}"),
        "LibreOffice 转换 {kind} 文件超时（{seconds} 秒），文件可能已损坏":
            tr("LibreOffice 转换 {kind} 文件超时（{seconds} 秒），文件可能已损坏"),
        "LibreOffice 无法转换此 {kind} 文件，文件可能已损坏{detail}":
            tr("LibreOffice 无法转换此 {kind} 文件，文件可能已损坏{detail}"),
        "请安装 LibreOffice（https://www.libreoffice.org ；Debian/Ubuntu：sudo apt install libreoffice-writer）后重试，"
        "或用 Word/WPS 将其另存为 .docx":
            tr("请安装 LibreOffice（https://www.libreoffice.org ；Debian/Ubuntu：sudo apt install libreoffice-writer）"
               "后重试，或用 Word/WPS 将其另存为 .docx"),
        "不支持的文件类型 {suffix}（支持 .txt .md .html .docx .doc .wps .rtf .pdf 和扫描图片）":
            tr("不支持的文件类型 {suffix}（支持 .txt .md .html .docx .doc .wps .rtf .pdf 和扫描图片）"),
        "文件扩展名为 {suffix}，但内容不是图片（可能已损坏或被截断）":
            tr("文件扩展名为 {suffix}，但内容不是图片（可能已损坏或被截断）"),
        # scans read by OCR (reviewer.reading.ocr)
        "图片已损坏或格式不受支持，无法读取": tr("图片已损坏或格式不受支持，无法读取"),
        "这是扫描件或图片，{hint}": tr("这是扫描件或图片，{hint}"),
        "这是图片，{hint}": tr("这是图片，{hint}"),
        "文字识别需要安装 OCR 组件：pip install 'report-reviewer[ocr]'":
            tr("文字识别需要安装 OCR 组件：pip install 'report-reviewer[ocr]'"),
        "文字识别未能从图片中读出文字": tr("文字识别未能从图片中读出文字"),
        "图片过大（{width}×{height} 像素），无法识别": tr("图片过大（{width}×{height} 像素），无法识别"),
        "PDF 中没有文字层（可能是扫描件）；{hint}": tr("PDF 中没有文字层（可能是扫描件）；{hint}"),
        "PDF 中既没有文字层，文字识别也未读出文字": tr("PDF 中既没有文字层，文字识别也未读出文字"),
        # fetching a report from the web (reviewer.fetch.FetchError)
        "只能从 http 或 https 网址导入": tr("只能从 http 或 https 网址导入"),
        "网址缺少主机名": tr("网址缺少主机名"),
        "重定向到了非 http(s) 地址 {url}，已停止": tr("重定向到了非 http(s) 地址 {url}，已停止"),
        "重定向超过 {count} 次，已停止": tr("重定向超过 {count} 次，已停止"),
        "服务器返回 {code} {reason}": tr("服务器返回 {code} {reason}"),
        "无法连接（{detail}）": tr("无法连接（{detail}）"),
        "读取超时（{seconds} 秒内没有数据）": tr("读取超时（{seconds} 秒内没有数据）"),
        "下载失败（{detail}）": tr("下载失败（{detail}）"),
        "服务器返回的内容为空": tr("服务器返回的内容为空"),
        "下载超过 {seconds} 秒，已停止": tr("下载超过 {seconds} 秒，已停止"),
        "文件过大（超过 {limit} MB），已停止下载": tr("文件过大（超过 {limit} MB），已停止下载"),
        "文件扩展名为 .docx，但内容不是 Word 文档（可能已损坏或被截断）":
            tr("文件扩展名为 .docx，但内容不是 Word 文档（可能已损坏或被截断）"),
        "文件扩展名为 .pdf，但内容不是 PDF（可能已损坏或被截断）": tr("文件扩展名为 .pdf，但内容不是 PDF（可能已损坏或被截断）"),
        "旧版 Word（.doc）格式不受支持，请另存为 .docx 后再导入": tr("旧版 Word（.doc）格式不受支持，请另存为 .docx 后再导入"),
        "Word 文档中的表格过宽（超过 {columns} 列），不像年度报告": tr("Word 文档中的表格过宽（超过 {columns} 列），不像年度报告"),
        "Word 文档解压后过大，拒绝读取": tr("Word 文档解压后过大，拒绝读取"),
        "Word 文档已损坏（{part} 校验失败）": tr("Word 文档已损坏（{part} 校验失败）"),
        "这不是 Word 文档（内容类型 {content_type}），无法读取": tr("这不是 Word 文档（内容类型 {content_type}），无法读取"),
        "Word 文档已损坏或不完整（可能被截断），无法打开": tr("Word 文档已损坏或不完整（可能被截断），无法打开"),
        "不是完整的 Word 文档（缺少 {part}）": tr("不是完整的 Word 文档（缺少 {part}）"),
        "Word 文档的内容已损坏（XML 错误：{detail}）": tr("Word 文档的内容已损坏（XML 错误：{detail}）"),
        "Word 文档中没有正文": tr("Word 文档中没有正文"),
        "网页中的表格过大（超过 {columns} 列或 {cells} 个单元格），不像年度报告":
            tr("网页中的表格过大（超过 {columns} 列或 {cells} 个单元格），不像年度报告"),
        "PDF 已加密，需要密码才能读取": tr("PDF 已加密，需要密码才能读取"),
        "PDF 已损坏或不完整，无法读取（{detail}）": tr("PDF 已损坏或不完整，无法读取（{detail}）"),
        "PDF 文件不完整（结尾缺失，可能在下载或复制时被截断）": tr("PDF 文件不完整（结尾缺失，可能在下载或复制时被截断）"),
        "PDF 的字体缺少文字编码表，文字无法提取": tr("PDF 的字体缺少文字编码表，文字无法提取"),
        "PDF 中没有文字层（可能是扫描件），本程序不做文字识别": tr("PDF 中没有文字层（可能是扫描件），本程序不做文字识别"),
        "必要部件": tr("必要部件"),
        # budgets, special files, several reports in one file (issue #10)
        "{what}，超出读取预算 {seconds} 秒、{megabytes} MB，拒绝读取":
            tr("{what}，超出读取预算 {seconds} 秒、{megabytes} MB，拒绝读取"),
        "表格展开后超过 {cells} 个单元格": tr("表格展开后超过 {cells} 个单元格"),
        "读取超过 {seconds} 秒": tr("读取超过 {seconds} 秒"),
        "{what}展开后为 {size} MB，超过 {limit} MB 的上限": tr("{what}展开后为 {size} MB，超过 {limit} MB 的上限"),
        "Word 文档中的 {part} ": tr("Word 文档中的 {part} "),
        "PDF 中的压缩内容": tr("PDF 中的压缩内容"),
        "网页": tr("网页"),
        "文字": tr("文字"),
        "PDF 内容流中有超过 {size} KB 的连续空格（读取器会因此停顿）":
            tr("PDF 内容流中有超过 {size} KB 的连续空格（读取器会因此停顿）"),
        "文件的结构嵌套过深，无法读取": tr("文件的结构嵌套过深，无法读取"),
        "读取时内存不足，拒绝读取": tr("读取时内存不足，拒绝读取"),
        "文件过大（超过 {limit} MB）": tr("文件过大（超过 {limit} MB）"),
        "这是{kind}，不是普通文件；已跳过（未打开）": tr("这是{kind}，不是普通文件；已跳过（未打开）"),
        "命名管道（FIFO）": tr("命名管道（FIFO）"),
        "字符设备": tr("字符设备"),
        "块设备": tr("块设备"),
        "套接字": tr("套接字"),
        "文件中有 {count} 份报告（分别从{lines}起）；只读第一份会漏掉其余报告的数据和问题，请拆分为每份一个文件后再读入":
            tr("文件中有 {count} 份报告（分别从{lines}起）；只读第一份会漏掉其余报告的数据和问题，请拆分为每份一个文件后再读入"),
    }


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.*?)" for i, p in enumerate(parts))
    return re.compile(regex + r"\Z", re.DOTALL)


def reason_template(reason: str) -> tuple[str, dict[str, str]] | None:
    """The template a reason (without the file name) matches, and its named parts."""
    for template in _templates():
        m = _pattern(template).match(reason)
        if m is not None:
            return template, m.groupdict()
    return None


def split_message(message: str) -> tuple[str, str, dict[str, str]] | None:
    """(file name or '', template, parts) of a core reading error, or None when no template matches. The
    file name is what stands before the first `: ` after which a known reason follows."""
    found = reason_template(message)
    if found is not None:
        return "", *found
    start = 0
    while (i := message.find(": ", start)) >= 0:
        found = reason_template(message[i + 2:])
        if found is not None:
            return message[:i], *found
        start = i + 1
    return None


def read_error_text(message: str) -> str:
    """A reading error in the UI's language (as the core wrote it in Chinese, or when no template matches)."""
    if current_language().startswith("zh"):
        return message
    found = split_message(message)
    if found is None:
        return message
    name, template, parts = found
    texts = _templates()
    parts = {k: read_error_text(v) if texts.get(v) is None else texts[v] for k, v in parts.items()}
    try:
        reason = texts[template].format(**parts)
    except (KeyError, IndexError, ValueError):
        return message
    return f"{name}: {reason}" if name else reason
