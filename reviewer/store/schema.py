"""The library's SQLite schema, one frozen script per version.

Never edit a released version: add the next one and a migration step in `migrations.py`, and a fixture of
the old version in tests/fixtures. Values are stored in untyped columns so that an integer stays an
INTEGER and an amount (13.0 included) stays a REAL; a blank is NULL.
"""

from __future__ import annotations

APPEND_ONLY = ("edits", "verifications", "acknowledgements")


def _append_only(table: str) -> str:
    return f"""
CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: {table} rows cannot be changed'); END;
CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: {table} rows cannot be deleted'); END;
"""


V1 = """
CREATE TABLE library_meta (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    source_name TEXT NOT NULL,
    source_path TEXT,
    sha256 TEXT NOT NULL UNIQUE,
    source_format TEXT,
    agency TEXT,
    year INTEGER,
    region TEXT,
    template TEXT,
    table2_variant TEXT,
    parser_version TEXT NOT NULL,
    checked_with TEXT NOT NULL,            -- PARSER_VERSION whose rules produced the stored findings
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_review', 'verified')),
    reviewer TEXT,
    version INTEGER NOT NULL DEFAULT 1,    -- optimistic concurrency: +1 on every write
    version_of INTEGER REFERENCES reports(id),
    errors INTEGER NOT NULL DEFAULT 0,
    warnings INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    verified_at TEXT
);
CREATE INDEX reports_status ON reports(status);
CREATE INDEX reports_agency_year ON reports(agency, year);

-- The source file and what was read from it, apart from `reports` so that listing stays narrow.
CREATE TABLE documents (
    report_id INTEGER PRIMARY KEY REFERENCES reports(id),
    data BLOB NOT NULL,                    -- the file's bytes
    text TEXT NOT NULL,                    -- the document text the spans point into
    extra TEXT NOT NULL                    -- JSON: source, narrative, unplaced, parse_notes
);

CREATE TABLE cells (
    report_id INTEGER NOT NULL REFERENCES reports(id),
    cell TEXT NOT NULL,                    -- TABLE:ROW:COL
    ord INTEGER NOT NULL,                  -- order in the record
    parsed,                                -- value as parsed (INTEGER, REAL or NULL)
    value,                                 -- current value
    printed TEXT,                          -- text as printed
    parsed_origin TEXT NOT NULL,           -- parsed | position
    origin TEXT NOT NULL,                  -- parsed | position | edited
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (report_id, cell)
) WITHOUT ROWID;

CREATE TABLE edits (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    batch INTEGER NOT NULL,                -- one call (a pasted block, a verification) = one batch
    kind TEXT NOT NULL,                    -- edit undo redo paste suggestion clear | metadata | status | reparse
    cell TEXT,
    old_value,
    new_value,
    reviewer TEXT,
    at TEXT NOT NULL,
    reason TEXT
);
CREATE INDEX edits_report ON edits(report_id, cell);

CREATE TABLE findings (
    report_id INTEGER NOT NULL REFERENCES reports(id),
    seq INTEGER NOT NULL,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    key TEXT NOT NULL,                     -- reviewer.model.finding_key
    json TEXT NOT NULL,
    PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;

CREATE TABLE verifications (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT,
    report_version INTEGER NOT NULL
);
CREATE INDEX verifications_report ON verifications(report_id);

CREATE TABLE acknowledgements (
    verification_id INTEGER NOT NULL REFERENCES verifications(id),
    finding_key TEXT NOT NULL,
    reason TEXT NOT NULL,
    rule TEXT,
    message TEXT,
    PRIMARY KEY (verification_id, finding_key)
);

CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    cell TEXT NOT NULL,
    replaced,
    parsed,
    edited,
    missing INTEGER NOT NULL DEFAULT 0,
    parser_version TEXT,
    at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT
);
CREATE INDEX conflicts_report ON conflicts(report_id);
""" + "".join(_append_only(t) for t in APPEND_ONLY)


def append_only_triggers(*tables: str) -> str:
    """The v1 triggers of these tables, as v1 wrote them (a migration step that lifted them puts them back)."""
    return "".join(_append_only(t) for t in tables)

# v2: agencies are matched across years by a normalised key (whitespace and punctuation removed), so the
# previous year's report is found even when the two files spell the name differently. Backfilled in Python.
V2 = """
ALTER TABLE reports ADD COLUMN agency_key TEXT;
DROP INDEX reports_agency_year;
CREATE INDEX reports_agency_key_year ON reports(agency_key, year);
"""

# v3: the review closes its loop. A finding may be confirmed as a defect of the source (源文件错误): the current
# confirmations are in `confirmations` (the trail keeps every confirm and withdraw line in `edits`), and
# `reports.defects` counts those among the current findings. A report may be retired (imported by mistake:
# hidden, restorable, nothing deleted), and a reviewer may choose which of several files of one agency and
# year counts (`chosen_at`: the latest choice wins).
V3 = """
ALTER TABLE reports ADD COLUMN defects INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN retired_at TEXT;
ALTER TABLE reports ADD COLUMN retired_reason TEXT;
ALTER TABLE reports ADD COLUMN chosen_at TEXT;
CREATE TABLE confirmations (
    report_id INTEGER NOT NULL REFERENCES reports(id),
    finding_key TEXT NOT NULL,             -- reviewer.model.finding_key of the finding confirmed
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    cells TEXT NOT NULL,                   -- JSON list of the finding's cells
    message TEXT NOT NULL,                 -- the finding's message when it was confirmed
    reason TEXT NOT NULL,
    should_be TEXT NOT NULL,               -- JSON {cell: value the source should have printed (应为)}
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL,
    batch INTEGER NOT NULL,                -- the batch of its audit line in `edits`
    PRIMARY KEY (report_id, finding_key)
) WITHOUT ROWID;
CREATE INDEX reports_retired ON reports(id) WHERE retired_at IS NOT NULL;
"""

# v4: the audit trail is hash-chained (`reviewer/store/audit_chain.py` defines the hash; `audit_trail.py` writes
# it). Every entry of `edits`, `verifications` and `acknowledgements` carries its place in its report's chain and
# its hash; `audit_heads` holds each report's last link. The migration step links the entries already written
# (the append-only triggers are lifted for that step only and put back as they were).
AUDITED = ("edits", "verifications", "acknowledgements")
V4 = "".join(f"""
ALTER TABLE {t} ADD COLUMN chain_seq INTEGER;
ALTER TABLE {t} ADD COLUMN chain_hash TEXT;""" for t in AUDITED) + """
CREATE TABLE audit_heads (
    report_id INTEGER PRIMARY KEY REFERENCES reports(id),
    seq INTEGER NOT NULL,                  -- chain_seq of the report's last audit entry
    hash TEXT NOT NULL                     -- its chain_hash
);
CREATE UNIQUE INDEX edits_chain ON edits(report_id, chain_seq);
CREATE UNIQUE INDEX verifications_chain ON verifications(report_id, chain_seq);
"""


# v5 (team mode's people, the step after v4's audit hash chain: `PEOPLE_VERSION`): who holds a report open to edit it (`store.claims`: one row
# per claimed report, lapsing after the library's idle time), and the status 待复核 (`pending`, four eyes: a
# reviewer's verification awaiting a lead's sign-off). The status CHECK of v1 is widened by rewriting the table's
# definition (`migrations._v5`: SQLite cannot alter a CHECK; the rows' format is unchanged). The library's
# settings (four eyes, the claims' idle time) are rows of `library_meta` (`store.library_settings`).
V5 = """
CREATE TABLE claims (
    report_id INTEGER PRIMARY KEY REFERENCES reports(id),
    holder TEXT NOT NULL,                  -- the reviewer's name (team mode: the database login)
    claimed_at TEXT NOT NULL,
    seen_at TEXT NOT NULL                  -- the holder's last edit or heartbeat; lapsed after the idle time
);
"""
STATUS_CHECK_V1 = "CHECK (status IN ('new', 'in_review', 'verified'))"
STATUS_CHECK_V5 = "CHECK (status IN ('new', 'in_review', 'pending', 'verified'))"

SCHEMA_VERSION = 4
PEOPLE_VERSION = SCHEMA_VERSION + 1  # the people's step comes after every other (v5, after the audit chain's v4)
SCHEMA_VERSION = PEOPLE_VERSION
