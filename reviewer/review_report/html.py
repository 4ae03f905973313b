"""A review document as HTML of the subset a QTextDocument renders (the app's print preview and PDF).

`installed` is the set of font families the renderer has; each role takes its first choice among them.
"""

from __future__ import annotations

from html import escape

from reviewer.review_report.content import Document, Heading, Paragraph, Table, choose_font


def to_html(document: Document, installed: set[str] | None = None) -> str:
    font = {role: choose_font(role, installed) for role in ("title", "heading", "subheading", "body")}
    out = [f"<html><body style=\"font-family: '{font['body']}'; font-size: 12pt\">",
           f"<p align=\"center\" style=\"font-family: '{font['title']}'; font-size: 18pt\">{escape(document.title)}</p>"]
    if document.subtitle:
        out.append(f"<p align=\"center\" style=\"font-family: '{font['subheading']}'\">{escape(document.subtitle)}</p>")
    for block in document.blocks:
        if isinstance(block, Heading):
            role = {1: "heading", 2: "subheading"}.get(block.level, "body")
            size = "15pt" if block.level == 1 else "13pt"
            weight = "bold" if block.level == 3 else "normal"
            out.append(f"<p style=\"font-family: '{font[role]}'; font-size: {size}; font-weight: {weight}; "
                       f"margin-top: 8px\">{escape(block.text)}</p>")
        elif isinstance(block, Table):
            out.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" "
                       "style=\"border-collapse: collapse; font-size: 9pt\"><thead><tr>")
            out.extend(f"<th style=\"font-family: '{font['heading']}'\">{escape(h)}</th>" for h in block.header)
            out.append("</tr></thead>")
            for row in block.rows:
                out.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>")
            out.append("</table><br/>")
        elif isinstance(block, Paragraph):
            size = "10pt" if block.style in ("note", "excerpt") else "12pt"
            indent = " text-indent: 24pt;" if block.style == "body" else ""
            runs = []
            for r in block.runs:
                text = escape(r.text)
                if r.mark:
                    text = f"<span style=\"background-color: #fff176; font-weight: bold; text-decoration: underline\">{text}</span>"
                elif r.bold:
                    text = f"<b>{text}</b>"
                runs.append(text)
            out.append(f"<p style=\"font-size: {size};{indent}\">{''.join(runs)}</p>")
    if document.footer:
        out.append(f"<p align=\"right\" style=\"font-size: 10pt\">{escape(document.footer)}</p>")
    out.append("</body></html>")
    return "\n".join(out)


__all__ = ["to_html"]
