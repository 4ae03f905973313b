"""The library's own settings, stored in the library (rows of `library_meta`) so that every reviewer of a team
works under the same ones, and changed only by a lead (`roles`):

- `four_eyes`: a reviewer's verification makes a report 待复核 until a lead other than the verifier signs it
  off (`four_eyes`);
- `claim_idle_minutes`: a claim (`claims`) lapses after this many minutes without an edit or a heartbeat.

Each change keeps who made it and when (`<key>.by`, `<key>.at`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewer.errors import ValidationError
from reviewer.store import timefmt
from reviewer.store.db import now

FOUR_EYES = "four_eyes"
CLAIM_IDLE = "claim_idle_minutes"
DEFAULT_IDLE_MINUTES = 30
MAX_IDLE_MINUTES = 24 * 60


@dataclass(frozen=True, slots=True)
class LibrarySettings:
    four_eyes: bool = False
    claim_idle_minutes: int = DEFAULT_IDLE_MINUTES
    changed_by: dict[str, str] | None = None  # key -> "name at time" of the latest change


def _clean(key: str, value: Any) -> str:
    if key == FOUR_EYES:
        if isinstance(value, str):
            v = value.strip().lower()
            if v in ("1", "on", "true", "yes", "开", "是"):
                return "1"
            if v in ("0", "off", "false", "no", "关", "否"):
                return "0"
            raise ValidationError(f"四眼复核的设置应为 on 或 off，而不是“{value}”")
        return "1" if value else "0"
    if key == CLAIM_IDLE:
        try:
            minutes = int(str(value).strip())
        except ValueError:
            raise ValidationError(f"领取失效时间应为分钟数，而不是“{value}”") from None
        if not 1 <= minutes <= MAX_IDLE_MINUTES:
            raise ValidationError(f"领取失效时间应在 1 到 {MAX_IDLE_MINUTES} 分钟之间")
        return str(minutes)
    raise ValidationError(f"未知的资料库设置 {key}；可用：{FOUR_EYES}、{CLAIM_IDLE}")


def read(c: Any) -> LibrarySettings:
    rows = dict(c.execute("SELECT key, value FROM library_meta WHERE key IN (?, ?, ?, ?, ?, ?)",
                          (FOUR_EYES, CLAIM_IDLE, f"{FOUR_EYES}.by", f"{FOUR_EYES}.at", f"{CLAIM_IDLE}.by",
                           f"{CLAIM_IDLE}.at")).fetchall())
    idle = rows.get(CLAIM_IDLE)
    changed = {k: f"{rows[k + '.by']} {timefmt.short(rows.get(k + '.at'))}".strip() for k in (FOUR_EYES, CLAIM_IDLE)
               if rows.get(k + ".by")}
    return LibrarySettings(four_eyes=rows.get(FOUR_EYES) == "1",
                           claim_idle_minutes=int(idle) if idle else DEFAULT_IDLE_MINUTES, changed_by=changed)


def write(c: Any, key: str, value: Any, *, by: str) -> str:
    """Inside a write transaction: set one setting (checked), remembering who and when. Returns the stored text."""
    text = _clean(key, value)
    at = now()
    for k, v in ((key, text), (f"{key}.by", by), (f"{key}.at", at)):
        c.execute("DELETE FROM library_meta WHERE key = ?", (k,))
        c.execute("INSERT INTO library_meta(key, value) VALUES (?, ?)", (k, v))
    return text
