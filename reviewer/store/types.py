"""Plain data the store hands out: summaries, loaded reports, changes, import results, audit entries."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, overload

from reviewer.errors import ReviewerError, ValidationError
from reviewer.model import Finding, Number, Record

Value = Number | None

STATUS_NEW = "new"
STATUS_IN_REVIEW = "in_review"
STATUS_VERIFIED = "verified"
STATUS_PENDING = "pending"  # four eyes (`store.four_eyes`): verified by a reviewer, awaiting a lead's sign-off
STATUSES = (STATUS_NEW, STATUS_IN_REVIEW, STATUS_PENDING, STATUS_VERIFIED)
STATUS_LABELS = {STATUS_NEW: "待审核", STATUS_IN_REVIEW: "审核中", STATUS_PENDING: "待复核", STATUS_VERIFIED: "已核实"}

# Kinds of audit entries. Cell kinds change a value; the others record what else happened to a report.
CELL_KINDS = ("edit", "undo", "redo", "paste", "suggestion", "clear", "capture")  # capture: read from the text
KIND_METADATA = "metadata"
KIND_STATUS = "status"
KIND_REPARSE = "reparse"
KIND_IMPORT = "import"
KIND_CONFIRM = "confirm"  # a finding confirmed as a source defect: cell = finding key, new = rule, reason
KIND_WITHDRAW = "withdraw"  # a confirmation withdrawn (an undo of it): cell = finding key, old = rule
KIND_SHOULD_BE = "should_be"  # the value a cell should have been printed with (应为), given with a confirmation
KIND_RETIRE = "retire"  # retired (imported by mistake): hidden, nothing deleted
KIND_RESTORE = "restore"
KIND_CHOOSE_VERSION = "choose_version"  # this report counts for its agency and year (old = the one that did)
KIND_TAKEOVER = "takeover"  # a claim taken over from another reviewer: old = who held it, new = who took it, reason
KIND_SIGN_OFF = "sign_off"  # four eyes: a lead's sign-off of a 待复核 report (old = who verified it), reason = note
DEFECT_LABEL = "源文件错误"
# List filters beside the status (`Library.list_reports(has=...)`), with the words a user may type.
HAS_FILTERS = {"errors": "有错误", "warnings": "有警告", "defects": DEFECT_LABEL}
METADATA_FIELDS = ("agency", "year", "region")
# The format version (national template "2019" / "2021") is metadata too, but changing it re-parses the report:
# audited as a metadata entry of this field, and the latest such entry is the format later re-parses keep.
TEMPLATE_FIELD = "template"


class NotFoundError(ReviewerError):
    """No report with that id in the library."""


class ReportLocked(ValidationError):
    """A write refused: the report is 已核实 (read-only until reopened) or retired (until restored)."""


class VerificationRefused(ValidationError):
    """`verify` refused: errors remain or warnings are not acknowledged (both listed)."""

    def __init__(self, message: str, errors: list[Finding], unacknowledged: list[Finding]) -> None:
        super().__init__(message)
        self.errors = errors
        self.unacknowledged = unacknowledged


def status_code(text: str) -> str:
    """'verified', '已核实' or 'VERIFIED' -> 'verified'; anything else is refused."""
    t = text.strip()
    for code, label in STATUS_LABELS.items():
        if t.lower() == code or t == label or t.lower() == code.replace("_", "-"):
            return code
    raise ValidationError(f"未知状态“{text}”；可用：" + "、".join(f"{c}（{lab}）" for c, lab in STATUS_LABELS.items()))


def has_code(text: str) -> str:
    """'defects', '源文件错误' … -> the counter column of a `list_reports(has=...)` filter."""
    t = text.strip()
    for code, label in HAS_FILTERS.items():
        if t.lower() == code or t == label:
            return code
    raise ValidationError(f"未知筛选“{text}”；可用：" + "、".join(f"{c}（{lab}）" for c, lab in HAS_FILTERS.items()))


class ReportSummary(NamedTuple):
    """One row of the library list (a tuple, so listing 100,000 reports stays fast)."""

    id: int
    agency: str | None
    year: int | None
    region: str | None
    template: str | None
    status: str
    errors: int
    warnings: int
    version: int
    source_name: str
    updated_at: str
    version_of: int | None  # set when this is a second file of the same agency and year
    reviewer: str | None
    defects: int = 0  # findings confirmed as source defects (源文件错误)
    retired_at: str | None = None  # set while retired (imported by mistake; hidden from lists, exports, charts)
    versions: int = 0  # reports of its agency and year not retired, itself included (0: no agency or year known)
    counting_id: int | None = None  # the one of them that counts (`versions.RANK`); None: no agency or year

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def retired(self) -> bool:
        return self.retired_at is not None

    @property
    def has_versions(self) -> bool:
        """Another report of the same agency and year is in the library (not retired)."""
        return self.versions > 1

    @property
    def counts(self) -> bool:
        """This report is the one counted for its agency and year (in exports, charts, last year's report)."""
        return not self.retired and (self.counting_id is None or self.counting_id == self.id)

    @property
    def verified_with_defects(self) -> bool:
        """已核实, with findings confirmed as defects of the source (documented problems of the report)."""
        return self.status == STATUS_VERIFIED and self.defects > 0


@dataclass(slots=True)
class Acknowledgement:
    finding_key: str
    reason: str
    rule: str = ""
    message: str = ""


@dataclass(slots=True)
class Confirmation:
    """A finding confirmed as a defect of the source (源文件错误): the report prints it that way and is wrong
    there. The printed and reviewed values stay as they are; `should_be` gives what it should have been (应为)."""

    finding_key: str
    rule: str
    severity: str
    cells: list[str]
    message: str  # the finding's message when confirmed
    reason: str
    should_be: dict[str, Value]
    reviewer: str
    at: str
    batch: int
    active: bool = True  # its finding is among the current ones (an edit may make it go away, an undo bring it back)

    def resolution(self) -> dict[str, Any]:
        """What a finding carries as `Finding.resolution` (and the JSONL export writes)."""
        return {"kind": "source_defect", "label": DEFECT_LABEL, "reason": self.reason, "should_be": self.should_be,
                "reviewer": self.reviewer, "at": self.at}


@dataclass(slots=True)
class Verification:
    id: int
    reviewer: str
    at: str
    note: str | None
    report_version: int
    acknowledgements: list[Acknowledgement] = field(default_factory=list)


@dataclass(slots=True)
class Conflict:
    """A re-parse read a cell differently from the value the reviewer had replaced; the edit was kept."""

    id: int
    cell: str
    replaced: Value  # the parsed value the reviewer's edit replaced
    parsed: Value  # what the new parse reads (None also when the cell no longer exists)
    edited: Value  # the reviewer's value, re-applied
    missing: bool  # the new parse has no such cell
    at: str
    resolved_at: str | None = None
    resolution: str | None = None

    def finding(self) -> Finding:
        if self.missing:
            msg = (f"重新解析后没有单元格 {cell_name(self.cell)}；审核人曾将其由 {_v(self.replaced)} 改为 "
                   f"{_v(self.edited)}，该修改未能重新应用（仍在修改记录中）")
        else:
            msg = (f"重新解析后该单元格读作 {_v(self.parsed)}，与审核人所替换的原解析值 {_v(self.replaced)} 不同；"
                   f"已保留审核人的值 {_v(self.edited)}，请确认")
        return Finding(rule="REPARSE", severity="warning", cells=[self.cell], message=msg,
                       message_id="reparse_conflict", name="re-parse conflict",
                       params={"cell": self.cell, "replaced": self.replaced, "parsed": self.parsed,
                               "edited": self.edited, "missing": self.missing})


def _v(v: Value) -> str:
    return "空" if v is None else str(v)


def cell_name(cid: str) -> str:
    """A cell by its Chinese labels in the first national format that has its row (a cell of a format the report
    no longer has still reads as the form printed it), with its id: `表三 （六）其他处理·自然人（table3:other:natural）`."""
    from reviewer.formats import cell_label
    from reviewer.model import split_cell_id

    try:
        table, row, col = split_cell_id(cid)
    except ValueError:
        return cid
    label = cell_label(None, None, table, row, col)
    return f"{label.table_short} {label.text}（{cid}）" if label.known else cid


@dataclass(slots=True)
class AuditEntry:
    """One line of the append-only audit trail."""

    id: int
    report_id: int
    batch: int
    kind: str  # a cell kind (edit, undo, paste …), metadata, status or reparse
    cell: str | None  # cell id; the field name for metadata; None for status and reparse
    old: Any
    new: Any
    reviewer: str | None
    at: str
    reason: str | None


@dataclass(slots=True)
class StoredReport:
    summary: ReportSummary
    record: Record  # current values, provenance with current origins, findings of the current values
    text: str
    version: int
    origins: dict[str, str]  # cell id -> parsed | position | edited
    acknowledged: dict[str, str]  # finding key -> reason, from the latest verification
    parsed: dict[str, Value] = field(default_factory=dict)  # cell id -> value as parsed
    conflicts: list[Conflict] = field(default_factory=list)  # unresolved re-parse conflicts
    verification: Verification | None = None  # the latest one
    previous_id: int | None = None  # last year's report used for R7/R8
    forced_template: str | None = None  # the format a reviewer chose (kept by re-parses); None: detected
    confirmations: list[Confirmation] = field(default_factory=list)  # active ones first, then those gone

    @property
    def should_be(self) -> dict[str, Value]:
        """Cell -> the value it should have been printed with, from the active confirmations (a later one wins)."""
        out: dict[str, Value] = {}
        for c in sorted((c for c in self.confirmations if c.active), key=lambda c: (c.at, c.batch)):
            out.update(c.should_be)
        return out

    @property
    def defect_cells(self) -> set[str]:
        """Cells named by a finding confirmed as a source defect."""
        return {cid for c in self.confirmations if c.active for cid in c.cells}

    @property
    def locked(self) -> bool:
        """Read-only: 已核实 until reopened, or retired until restored."""
        return self.summary.status == STATUS_VERIFIED or self.summary.retired

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def status(self) -> str:
        return self.summary.status


@dataclass(slots=True)
class Change:
    """What one write changed, so views refresh from it (Anki's OpChanges)."""

    report_id: int
    version: int
    cells: list[str]
    findings: list[Finding]
    status: str = STATUS_NEW
    errors: int = 0
    warnings: int = 0
    batch: int | None = None
    related: list[int] = field(default_factory=list)  # other reports whose findings changed (next year's)
    defects: int = 0  # findings confirmed as source defects


@dataclass(slots=True)
class ReparseResult(Change):
    """What a re-parse changed (a `Change`: `cells` are those whose value changed, appeared or went away).

    `template_before` -> `template` is the format before and after; `lost` lists the reviewer's edits whose cell
    the new parse does not have (a format change): they stay in the audit trail and are shown as REPARSE
    warnings. `cancelled`: stopped before the write, nothing changed."""

    reapplied: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)  # unresolved after the re-parse, lost edits included
    parser_version: str = ""
    template: str | None = None
    template_before: str | None = None
    forced_template: str | None = None  # the format a reviewer chose, kept by later re-parses (None: detected)
    cancelled: bool = False

    @property
    def lost(self) -> list[Conflict]:
        return [c for c in self.conflicts if c.missing]

    @property
    def format_changed(self) -> bool:
        return self.template != self.template_before


@dataclass(slots=True)
class ImportSummary:
    imported: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (path, id of the report already held)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    versions_flagged: list[int] = field(default_factory=list)  # new reports of an agency and year already held
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason): special or hidden files
    cancelled: bool = False
    total: int = 0

    def text(self) -> str:
        parts = [f"导入 {len(self.imported)} 份"]
        if self.duplicates:
            parts.append(f"已在库中跳过 {len(self.duplicates)} 份")
        if self.failed:
            parts.append(f"无法读取 {len(self.failed)} 份")
        if self.versions_flagged:
            parts.append(f"同机关同年度的另一版本 {len(self.versions_flagged)} 份")
        if self.skipped:
            parts.append(f"跳过非报告文件 {len(self.skipped)} 个")
        if self.cancelled:
            parts.append("已取消")
        return "，".join(parts)


class ReportList(Sequence[ReportSummary]):
    """The result of `Library.list_reports`: a read-only list whose rows are read in pages on first access.

    Listing 100,000 reports reads their ids only (a view shows a screenful); iterating reads every page. A
    row is read when first accessed, so it may show a status changed since the listing (never a stale one)."""

    PAGE = 512

    def __init__(self, ids: Sequence[int], fetch: Callable[[list[int]], list[ReportSummary]]) -> None:
        self._ids = ids
        self._fetch = fetch
        self._pages: dict[int, list[ReportSummary]] = {}
        self._positions: dict[int, int] | None = None

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    @property
    def pages_read(self) -> int:
        """How many pages were read so far (a view of 100,000 reports reads the pages it shows)."""
        return len(self._pages)

    def index_of(self, report_id: int) -> int:
        """The position of a report in the list, or -1 (no row is read)."""
        position = getattr(self._ids, "position", None)
        if position is not None:  # a server's paged ids: looked up in the pages read first
            return int(position(report_id))
        if self._positions is None:
            self._positions = {rid: i for i, rid in enumerate(self._ids)}
        return self._positions.get(report_id, -1)

    def put(self, summary: ReportSummary) -> int:
        """A report changed: its new summary replaces the row read before (a row not read yet will be read
        fresh). Returns its position, or -1 when the report is not in the list."""
        i = self.index_of(summary.id)
        page = self._pages.get(i // self.PAGE) if i >= 0 else None
        if page is not None:
            j = i % self.PAGE
            if j < len(page) and page[j].id == summary.id:
                page[j] = summary
            else:  # the page lacks a row (a report deleted meanwhile): read it again when next shown
                del self._pages[i // self.PAGE]
        return i

    def __len__(self) -> int:
        return len(self._ids)

    def _page(self, p: int) -> list[ReportSummary]:
        page = self._pages.get(p)
        if page is None:
            page = self._pages[p] = self._fetch(list(self._ids[p * self.PAGE:(p + 1) * self.PAGE]))
        return page

    @overload
    def __getitem__(self, index: int) -> ReportSummary: ...

    @overload
    def __getitem__(self, index: slice) -> list[ReportSummary]: ...

    def __getitem__(self, index: int | slice) -> ReportSummary | list[ReportSummary]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._page(index // self.PAGE)[index % self.PAGE]

    def __iter__(self) -> Iterator[ReportSummary]:
        for p in range((len(self) + self.PAGE - 1) // self.PAGE):
            yield from self._page(p)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ReportList({len(self)} reports)"
