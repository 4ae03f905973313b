"""Which report counts for an agency and year.

A library may hold several files of one agency and year (a corrected version, the same report from two sites).
One of them counts — for last year's report of the cross-report rules, for exports and for charts: the one a
reviewer chose last (`reports.chosen_at`), else a verified one, else the latest imported. Retired reports never
count. The order is written once here, as SQL, for every reader.
"""

from __future__ import annotations

# Best first, among the reports of one agency and year.
RANK = "chosen_at IS NULL, chosen_at DESC, status = 'verified' DESC, id DESC"

# One partition per agency and year; a report without agency or year is its own.
_PARTITION = ("coalesce(agency_key, 'id' || id), "
              "CASE WHEN agency_key IS NULL OR year IS NULL THEN -id ELSE year END")

# The ids of the reports that count (one per agency and year, retired ones left out).
COUNTING_IDS = (f"SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY {_PARTITION} ORDER BY {RANK}) AS n "
                "FROM reports WHERE retired_at IS NULL) AS ranked WHERE n = 1")

# Columns of a report summary computed from its versions (in `SELECT … FROM reports`, unaliased).
VERSIONS_COLUMN = ("(SELECT count(*) FROM reports AS v WHERE v.agency_key = reports.agency_key "
                   "AND v.year = reports.year AND v.retired_at IS NULL)")
COUNTING_COLUMN = ("(SELECT v.id FROM reports AS v WHERE v.agency_key = reports.agency_key AND v.year = reports.year "
                   f"AND v.retired_at IS NULL ORDER BY {', '.join('v.' + t for t in RANK.split(', '))} LIMIT 1)")
