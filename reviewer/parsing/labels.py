"""Label normalisation and similarity: how a printed row or column label is matched to the format's."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from reviewer.values import clean

_PUNCT = re.compile(r"[\s,，。、:：;；()（）\[\]【】“”\"'‘’《》<>〈〉·．.\-—_/／|*＊]+")
_NUMBERING = re.compile(
    r"[（(]?[一二三四五六七八九十]{1,3}[)）]|^[一二三四五六七八九十]{1,3}、|(?<![\d])\d{1,2}\s*[.、．)）](?!\d)")
_PAREN_NOTE = re.compile(r"[（(][^（）()]{6,}[)）]\s*$")


@lru_cache(maxsize=8192)
def norm(label: str) -> str:
    """A label reduced to its words: no markers, numbering, spaces or punctuation; half-width."""
    t = clean(label)
    t = _NUMBERING.sub("", t)
    return _PUNCT.sub("", t)


@lru_cache(maxsize=8192)
def stem(label: str) -> str:
    """The label without a trailing parenthetical note (Hubei writes notes inside labels)."""
    t = clean(label)
    prev = None
    while prev != t:
        prev = t
        t = _PAREN_NOTE.sub("", t).strip()
    return norm(t)


@lru_cache(maxsize=65536)
def _sim_one(cand: str, variant: str) -> float:
    if not cand or not variant:
        return 0.0
    if cand == variant:
        return 1.0
    lv, lc = len(variant), len(cand)
    best = fuzz.ratio(variant, cand) / 100 * 0.9
    if variant in cand:
        best = max(best, 0.7 + 0.3 * lv / lc)
    elif cand in variant and lc >= 3:
        best = max(best, 0.5 + 0.45 * lc / lv)
    elif lv >= 4 and lc >= 4:
        p = fuzz.partial_ratio(variant, cand) / 100
        if p >= 0.75:
            best = max(best, 0.8 * p * min(1.0, min(lv, lc) / max(lv, lc) + 0.5))
    return best


@lru_cache(maxsize=4096)
def _norm_variants(variants: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(norm(v) for v in variants)


@lru_cache(maxsize=65536)
def similarity(label: str, variants: tuple[str, ...]) -> float:
    """How well a printed label names a row or column with these label variants (0..1).

    Cached: reports print the same standard labels, so most lookups repeat across reports.
    """
    cand = norm(label)
    if not cand:
        return 0.0
    cand_stem = stem(label)
    best = 0.0
    for nv in _norm_variants(variants):
        best = max(best, _sim_one(cand, nv), _sim_one(cand_stem, nv) if cand_stem != cand else 0.0)
        if best >= 1.0:
            break
    return best
