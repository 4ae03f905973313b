"""年报审核台 core: read, parse and check government information-disclosure annual reports. No Qt here."""

from reviewer.api import PARSER_VERSION, parse_bytes, parse_document, parse_file, refresh_findings
from reviewer.errors import ReadError, ReviewerError, StaleWriteError, ValidationError
from reviewer.model import Cell, CellSource, Document, Finding, Record

__all__ = [
    "PARSER_VERSION",
    "Cell",
    "CellSource",
    "Document",
    "Finding",
    "ReadError",
    "Record",
    "ReviewerError",
    "StaleWriteError",
    "ValidationError",
    "parse_bytes",
    "parse_document",
    "parse_file",
    "refresh_findings",
]
