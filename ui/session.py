"""The open report (no Qt): what the store returned, kept current as the reviewer edits it.

Every write goes to the store (`Library.apply_edits`, `verify`, `update_metadata`) with the version it was
based on; the store's `Change` (cells, findings, version) is applied to the in-memory record and the views
refresh from it. A `StaleWriteError` (another window wrote first) propagates so the UI can reload.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewer.model import CellSource, Finding, Number, Record
from reviewer.store.edits import CellEdit, edits_for
from reviewer.store.records import origin_after

if TYPE_CHECKING:
    from reviewer.store import Change, Library

Value = Number | None


@dataclass(slots=True)
class Applied:
    """What one write changed: the cells whose value changed, the findings now, other reports touched."""

    cells: list[str]
    findings: list[Finding]
    version: int
    related: list[int]
    metadata: bool = False


class ReportSession:
    def __init__(self, library: Library, report_id: int, reviewer: str) -> None:
        self.library = library
        self.report_id = report_id
        self.reviewer = reviewer
        self.held_by: str | None = None  # another reviewer's claim: read-only while they hold it (`ui.claims`)
        self.holder: str | None = None  # whoever holds it open to edit, this reviewer or another (`ui.claims`)
        self.reload()

    def reload(self) -> None:
        stored = self.library.load(self.report_id)
        self.summary = stored.summary
        self.record: Record = stored.record
        if not self.record.text:
            self.record.text = stored.text
        self.version: int = stored.version
        self.origins: dict[str, str] = dict(stored.origins)
        self.parsed: dict[str, Value] = dict(stored.parsed)
        self._parsed_origin = {c: o for c, o in self.origins.items() if o != "edited"}
        self.acknowledged: dict[str, str] = dict(stored.acknowledged)
        self.forced_template: str | None = stored.forced_template  # a reviewer's choice
        # where values come from in the text: as parsed, and as captured by the reviewer (`reviewer.store.spans`)
        self.parsed_spans, self.captured = self.library.source_spans(self.report_id)

    def edited_cells(self) -> list[str]:
        """Cells whose value the reviewer changed (what a re-parse re-applies)."""
        return [c for c, o in self.origins.items() if o == "edited"]

    # -- reading ---------------------------------------------------------------------------------------
    @property
    def status(self) -> str:
        return str(self.summary.status)

    @property
    def title(self) -> str:
        r = self.record
        return " ".join(str(x) for x in (r.agency or self.summary.source_name, r.year) if x)

    def value(self, cid: str) -> Value:
        return self.record.get(cid)

    def errors(self) -> list[Finding]:
        """Open errors: those confirmed as source defects no longer block verification."""
        return [f for f in self.record.findings if f.severity == "error" and not f.confirmed]

    def warnings(self) -> list[Finding]:
        """Open warnings (one confirmed as a source defect is explained by its confirmation)."""
        return [f for f in self.record.findings if f.severity == "warning" and not f.confirmed]

    @property
    def locked(self) -> str | None:
        """Why the report is read-only (已核实 until reopened, retired until restored, 待复核 until signed off or
        sent back, claimed by another reviewer until released or taken over), or None."""
        if self.summary.retired_at is not None:
            return "retired"
        if self.summary.status in ("verified", "pending"):
            return str(self.summary.status)
        if self.held_by is not None:
            return "claimed"
        return None

    def edits_for(self, changes: dict[str, Value]) -> list[CellEdit]:
        """The store's plain edit objects taking the cells from their current values to `changes`."""
        return edits_for(self.value, changes)

    # -- writing ---------------------------------------------------------------------------------------
    def apply(self, edits: Sequence[CellEdit], reason: str | None, kind: str) -> Applied:
        change = self.library.apply_edits(self.report_id, list(edits), reviewer=self.reviewer, reason=reason,
                                          expected_version=self.version, kind=kind)
        for e in edits:
            self.record.set(e.cell, e.new)
            self.origins[e.cell] = origin_after(e.new, self.parsed.get(e.cell),
                                                self._parsed_origin.get(e.cell, "parsed"))
            self._set_span(e.cell, e.span)
        return self._take(change)

    def _set_span(self, cid: str, captured: tuple[int, int] | None) -> None:
        """The cell's link to the text after a write: the captured span, else the parsed one."""
        if captured:
            self.captured[cid] = tuple(captured)  # type: ignore[assignment]
        else:
            self.captured.pop(cid, None)
        src = self.record.provenance.get(cid)
        span = self.captured.get(cid) or self.parsed_spans.get(cid)
        if src is not None:
            src.span = span
        else:
            self.record.provenance[cid] = CellSource("", span)

    def span_of(self, cid: str) -> tuple[int, int] | None:
        src = self.record.provenance.get(cid)
        return tuple(src.span) if src is not None and src.span else None  # type: ignore[return-value]

    def verify(self, acknowledgements: dict[str, str], note: str | None = None) -> Applied:
        change = self.library.verify(self.report_id, reviewer=self.reviewer, note=note,
                                     acknowledgements=acknowledgements, expected_version=self.version)
        self.acknowledged.update(acknowledgements)
        return self._take(change)

    # -- the reviewer's decisions (`reviewer.store.review`) --------------------------------------------------
    def confirm(self, key: str, reason: str, should_be: dict[str, Value] | None = None) -> Applied:
        change = self.library.confirm_defect(self.report_id, key, reason=reason, reviewer=self.reviewer,
                                             should_be=should_be or None, expected_version=self.version)
        return self._take(change)

    def withdraw(self, key: str, reason: str | None = None) -> Applied:
        change = self.library.withdraw_defect(self.report_id, key, reviewer=self.reviewer, reason=reason,
                                              expected_version=self.version)
        return self._take(change)

    def reopen(self, reason: str) -> Applied:
        return self._take(self.library.reopen(self.report_id, reason=reason, reviewer=self.reviewer,
                                              expected_version=self.version))

    def retire(self, reason: str) -> Applied:
        return self._take(self.library.retire(self.report_id, reason=reason, reviewer=self.reviewer,
                                              expected_version=self.version))

    def restore(self, reason: str | None = None) -> Applied:
        return self._take(self.library.restore(self.report_id, reviewer=self.reviewer, reason=reason,
                                               expected_version=self.version))

    def choose_version(self, reason: str | None = None) -> Applied:
        return self._take(self.library.choose_version(self.report_id, reviewer=self.reviewer, reason=reason,
                                                      expected_version=self.version))

    def update_metadata(self, **fields: Any) -> Applied:
        change = self.library.update_metadata(self.report_id, expected_version=self.version,
                                              reviewer=self.reviewer, **fields)
        self.reload()
        return Applied([], list(self.record.findings), self.version, list(change.related), metadata=True)

    def _take(self, change: Change) -> Applied:
        self.version = change.version
        self.record.findings = list(change.findings)
        self.summary = self.library.summary(self.report_id)
        return Applied(list(change.cells), self.record.findings, self.version, list(change.related))


if __name__ == "__main__":
    from ui.preview import sample_library

    lib = sample_library()
    for s in lib.list_reports():
        session = ReportSession(lib, s.id, "preview")
        print(f"{session.report_id} {session.title} [{session.status}] v{session.version}: "
              f"{len(session.errors())} errors, {len(session.warnings())} warnings")
