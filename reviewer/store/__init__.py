"""The record store: a local SQLite library of reports, their review and an append-only audit trail. No Qt.

`Library(path)` is the API the UI and the command line use (see docs/design/contracts.md).
"""

from reviewer.store.config import default_library_path, default_reviewer
from reviewer.store.edits import CellEdit
from reviewer.store.library import Library
from reviewer.store.normalize import agency_key
from reviewer.store.schema import SCHEMA_VERSION
from reviewer.store.types import (
    STATUS_IN_REVIEW,
    STATUS_LABELS,
    STATUS_NEW,
    STATUS_VERIFIED,
    STATUSES,
    Acknowledgement,
    AuditEntry,
    Change,
    Confirmation,
    Conflict,
    ImportSummary,
    NotFoundError,
    ReparseResult,
    ReportLocked,
    ReportSummary,
    StoredReport,
    Verification,
    VerificationRefused,
)

__all__ = [
    "SCHEMA_VERSION",
    "STATUSES",
    "STATUS_IN_REVIEW",
    "STATUS_LABELS",
    "STATUS_NEW",
    "STATUS_VERIFIED",
    "Acknowledgement",
    "AuditEntry",
    "CellEdit",
    "Change",
    "Confirmation",
    "Conflict",
    "ImportSummary",
    "Library",
    "NotFoundError",
    "ReparseResult",
    "ReportLocked",
    "ReportSummary",
    "StoredReport",
    "Verification",
    "VerificationRefused",
    "agency_key",
    "default_library_path",
    "default_reviewer",
]
