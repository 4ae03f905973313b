"""The JSON Schema every format file is checked against when it is loaded (`reviewer.formats.loading`).

Two kinds of file: a national format (`"kind": "national"`: sections, relations, cross-year rules, prose
checks, chart series) and a provincial table 2 (`"kind": "table2_variant"`: its own columns, kept by label
path). Unknown keys are refused, so a misspelt key is named at load instead of being ignored.
"""

from __future__ import annotations

from typing import Any

_TEXT = {"type": "string", "minLength": 1}
_TEXTS = {"type": "array", "items": _TEXT, "minItems": 1}
_KEY = {"type": "string", "pattern": r"^[A-Za-z0-9_.]+$"}
_KEYS = {"type": "array", "items": _KEY, "minItems": 1}
_ID = {"type": "string", "pattern": r"^[A-Za-z0-9_.-]+$"}
_CELL = {"type": "string", "pattern": r"^table[0-9]+:[^:]+:[A-Za-z0-9_]+$"}  # table:row:column
_CELLS = {"type": "array", "items": _CELL, "minItems": 1}
_SEVERITY = {"enum": ["error", "warning", "info"]}

COLUMN = {
    "type": "object",
    "required": ["key", "label"],
    "additionalProperties": False,
    "properties": {
        "key": _KEY,
        "label": _TEXT,
        "variants": _TEXTS,  # the header texts seen in reports; default: the label
        "kind": {"enum": ["count", "signed", "money"]},  # count: integer ≥ 0; signed: integer; money: decimal
        "group": _TEXT,  # a header printed over several columns (法人或其他组织)
        "form_unit": {"enum": ["万元", "元"]},  # money: the unit the official form states; absent: none stated
    },
}

ROW = {
    "type": "object",
    "required": ["key", "label"],
    "additionalProperties": False,
    "properties": {
        "key": _KEY,
        "label": _TEXT,
        "variants": _TEXTS,
        "group": _TEXT,  # '/'-joined path of the group labels above the row
        "columns": _KEYS,  # the columns this row has; default: every column of the table
    },
}

ALTERNATIVE = {  # a row some reports print instead of rows of the form (reviewer.formats.alternatives)
    "type": "object",
    "required": ["row", "replaces"],
    "additionalProperties": False,
    "properties": {
        "row": ROW,
        "replaces": _KEYS,  # the form's rows it stands for, in order; relations sum it in their place
        "note": _TEXT,
    },
}

TABLE = {
    "type": "object",
    "required": ["title", "section", "kind", "columns", "rows"],
    "additionalProperties": False,
    "properties": {
        "title": _TEXT,
        "title_variants": _TEXTS,
        "section": _TEXT,  # the section number printed before the title (二, 三, 四)
        "kind": {"enum": ["grid", "blocks", "flat"]},  # how the form lays it out (reviewer.formlayout)
        "columns": {"type": "array", "items": COLUMN, "minItems": 1},
        "column_order": {"enum": ["form", "header"]},  # "header": the printed header may reorder the columns
        "total_column": _KEY,  # the column that adds up the others on every row (the parser checks with it)
        "header_mark": _TEXT,  # blocks: the text opening each block's header row (信息内容)
        "rows": {"type": "array", "items": ROW, "minItems": 1},
        "alternatives": {"type": "array", "items": ALTERNATIVE},
        "opening": _TEXTS,  # a row starting with one of these opens the table when no section title is printed
    },
}

RELATION = {
    "type": "object",
    "required": ["id", "name", "table", "each", "lhs", "rhs"],
    "additionalProperties": False,
    "properties": {
        "id": _TEXT,
        "name": _TEXT,
        "severity": _SEVERITY,
        "table": _KEY,
        "each": {"enum": ["column", "row"]},  # column: lhs and rhs are row keys; row: column keys
        "op": {"enum": ["eq", "le"]},
        "lhs": _KEYS,
        "rhs": _KEYS,
        "rows": _KEYS,  # each row: only these rows (default: every row)
        "explain": _TEXT,
        "lhs_text": _TEXT,
        "rhs_text": _TEXT,
    },
}

CROSS = {
    "type": "object",
    "required": ["id", "name", "kind", "table"],
    "additionalProperties": False,
    "properties": {
        "id": _TEXT,
        "name": _TEXT,
        "severity": _SEVERITY,
        "kind": {"enum": ["carry", "roll"]},
        "table": _KEY,
        "this_row": _KEY,  # carry: this year's row equals last year's prev_row, column by column
        "prev_row": _KEY,
        "rows": _KEYS,  # roll: on each row, this ≈ last year's prev + plus − minus
        "this": _KEY,
        "prev": _KEY,
        "plus": _KEY,
        "minus": _KEY,
    },
    "allOf": [
        {"if": {"properties": {"kind": {"const": "carry"}}}, "then": {"required": ["this_row", "prev_row"]}},
        {"if": {"properties": {"kind": {"const": "roll"}}},
         "then": {"required": ["rows", "this", "prev", "plus", "minus"]}},
    ],
}

PROSE = {
    "type": "object",
    "required": ["key", "name", "alternatives"],
    "additionalProperties": False,
    "properties": {
        "key": _KEY,  # the figure the prose states (reviewer.parsing.narrative)
        "name": _TEXT,
        "alternatives": {"type": "array", "items": _CELLS, "minItems": 1},  # each: cells whose sum it may mean
    },
}

NATIONAL = {
    "type": "object",
    "required": ["id", "kind", "template", "name", "since", "detect", "sections", "relations"],
    "additionalProperties": False,
    "properties": {
        "$schema": {"type": "string"},
        "id": _ID,
        "kind": {"const": "national"},
        "template": _KEY,
        "name": _TEXT,
        "description": _TEXT,
        "since": {"type": "integer", "minimum": 2000},  # the first report year it applies to
        "detect": _TEXTS,  # labels only this format prints
        "sections": {"type": "object", "minProperties": 1, "additionalProperties": TABLE,
                     "propertyNames": {"pattern": r"^table[0-9]+$"}},
        "relations": {"type": "array", "items": RELATION},
        "cross": {"type": "array", "items": CROSS},
        "prose": {"type": "array", "items": PROSE},
        "statements": {  # statements without a figure, and the cells that contradict them when not 0
            "type": "object",
            "additionalProperties": False,
            "properties": {"all_finished": _CELLS, "all_upheld": _CELLS},
        },
        "fee_check": {  # R10: the cell of 本年收费金额, which must not be the 信息处理费 stated in 元
            "type": "object", "required": ["cell"], "additionalProperties": False, "properties": {"cell": _CELL},
        },
        "charts": {  # chart series (reviewer.store.stats) -> the cells each sums
            "type": "object", "additionalProperties": _CELLS,
            "propertyNames": {"pattern": r"^[a-z_]+\.[a-z_]+$"},
        },
    },
}

VARIANT = {
    "type": "object",
    "required": ["id", "kind", "name", "detect", "columns", "total_row"],
    "additionalProperties": False,
    "properties": {
        "$schema": {"type": "string"},
        "id": _ID,
        "kind": {"const": "table2_variant"},
        "name": _TEXT,
        "description": _TEXT,
        "detect": _TEXTS,  # marks printed in the provincial table (and no national row)
        "columns": {"type": "array", "items": COLUMN, "minItems": 1},
        "total_row": _TEXT,  # the key of its total row, which adds up every other row, column by column
        "total_variants": _TEXTS,  # labels of the total row
        "stated_total": {  # the figure of the prose (reviewer.parsing.narrative) that restates a column's total
            "type": "object", "required": ["key", "column"], "additionalProperties": False,
            "properties": {"key": _KEY, "column": _KEY},
        },
    },
}

FILE: dict[str, Any] = {
    "type": "object",
    "required": ["kind"],
    "properties": {"kind": {"enum": ["national", "table2_variant"]}},
}
SCHEMAS: dict[str, dict[str, Any]] = {"national": NATIONAL, "table2_variant": VARIANT}
