"""Agency names compared across reports: whitespace and punctuation do not count."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def agency_key(name: str | None) -> str | None:
    """'淄博市 临淄区（行政审批服务局）' and '淄博市临淄区行政审批服务局' have the same key. None stays None."""
    if name is None:
        return None
    t = unicodedata.normalize("NFKC", name).casefold()
    key = "".join(ch for ch in t if not unicodedata.category(ch).startswith(("P", "Z", "C", "S")))
    return key or None
