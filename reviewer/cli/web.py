"""Web addresses given to `reviewer import`: report pages and files are fetched; a column page that lists
reports shows its links, and `--pick` chooses which of them to fetch."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewer.errors import ValidationError
from reviewer.fetch import Fetched, FetchError, Link, fetch, is_url, listed_reports


@dataclass
class WebResult:
    fetched: list[Fetched] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (address, one-line reason)
    unpicked: list[tuple[str, list[Link]]] = field(default_factory=list)  # listing pages shown, nothing chosen


def split(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """(local paths, web addresses)."""
    return [p for p in paths if not is_url(p)], [p for p in paths if is_url(p)]


def picked(spec: str, count: int) -> list[int]:
    """The 0-based indexes `--pick` names: "all", or numbers and ranges from 1 ("1,3-5")."""
    if spec.strip().lower() in ("all", "全部"):
        return list(range(count))
    out: list[int] = []
    for part in spec.replace("，", ",").split(","):
        part = part.strip()
        if not part:
            continue
        first, _, last = part.partition("-")
        if not first.strip().isdigit() or (last and not last.strip().isdigit()):
            raise ValidationError(f"--pick 应写作 all 或 1,3-5 这样的编号：{spec}")
        lo, hi = int(first), int(last or first)
        if not 1 <= lo <= hi <= count:
            raise ValidationError(f"--pick {part} 超出范围（共 {count} 份）")
        out.extend(i - 1 for i in range(lo, hi + 1) if i - 1 not in out)
    return out


def fetch_addresses(urls: Sequence[str], pick: str | None) -> WebResult:
    """Fetch each address; a listing page's chosen links are fetched in its place."""
    result = WebResult()
    for url in urls:
        try:
            page = fetch(url)
        except FetchError as exc:
            result.failed.append((url, str(exc)))
            continue
        links = listed_reports(page)
        if not links:
            result.fetched.append(page)
            continue
        if pick is None:
            result.unpicked.append((url, links))
            continue
        for i in picked(pick, len(links)):
            try:
                result.fetched.append(fetch(links[i].url))
            except FetchError as exc:
                result.failed.append((links[i].url, str(exc)))
    return result


def print_listings(result: WebResult) -> None:
    for url, links in result.unpicked:
        print(f"{url} 是年报栏目页，列出 {len(links)} 份报告（未导入；用 --pick 1,3 或 --pick all 选择）：")
        for n, link in enumerate(links, 1):
            print(f"  {n:>3}. {link.title}  {link.url}")
    for _url, reason in result.failed:
        print(f"  无法下载 {reason}", file=sys.stderr)
