"""The review report (审核意见书 / 问题清单): what an auditor sends back to an agency.

`build.review_document` computes the content once, as plain blocks (`content`); `docx.write_docx` renders it
as an editable Word file and `html.to_html` as HTML for the app's print preview (a QTextDocument) — the same
content rendered twice.
"""

from reviewer.review_report.build import Defect, ReportReview, review_document, reviews
from reviewer.review_report.content import Document

__all__ = ["Defect", "Document", "ReportReview", "review_document", "reviews"]
