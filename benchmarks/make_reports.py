"""Generate synthetic but rule-consistent annual reports from the bundled samples (for the store benchmarks).

    python benchmarks/make_reports.py OUT_DIR [--count 10000] [--seed 1] [--check 200]

Each report keeps the layout of one sample (its tables, with every cell replaced by a generated value) under a
generated title and prose, for agencies followed over 2019–2024: 2019 and 2020 reports use the 2019 format
(sample 003), later ones the 2021 format (samples 000–002, one layout per agency). The numbers satisfy R1–R5 and
R9 within a report, and R7 (结转 carried into 上年结转) and R8 (现行有效件数 roll-forward) across an agency's years;
the prose states figures that agree with the tables. Files are named in shuffled order, so an import meets
years out of order. `--check N` parses every (count/N)-th file and fails unless it parses to the generated
values with no finding.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer import parse_bytes  # noqa: E402
from reviewer.formats import column_kind, load_format  # noqa: E402
from reviewer.model import Record  # noqa: E402
from reviewer.resources import samples_dir  # noqa: E402

SAMPLES = samples_dir()
SEEDS_2021 = ("000_b710f638428fe90f", "001_0e482e19bd443c5d", "002_45714cd7a3994f14")
SEED_2019 = "003_572269c7f2b1c0ee"
YEARS = tuple(range(2019, 2025))
TABLE2_HEADING = "二、主动公开政府信息情况"

REGIONS = (
    "临清市", "高青县", "河东区", "淄博市临淄区", "清河县", "桓台县", "沂源县", "博山区", "周村区", "张店区", "莒县", "五莲县",
    "费县", "平邑县", "蒙阴县", "沂水县", "郯城县", "兰陵县", "莒南县", "临沭县", "阳谷县", "莘县", "东阿县", "冠县",
    "高唐县", "茌平区", "夏津县", "武城县", "庆云县", "临邑县", "齐河县", "平原县", "宁津县", "乐陵市", "禹城市", "邹平市",
    "惠民县", "阳信县", "无棣县", "博兴县", "沾化区", "利津县", "广饶县", "垦利区", "河口区", "昌乐县", "临朐县", "安丘市",
    "寿光市", "青州市", "诸城市", "高密市", "昌邑市", "曲阜市", "邹城市", "微山县", "鱼台县", "金乡县", "嘉祥县", "汶上县",
)
DEPARTMENTS = (
    "行政审批服务局", "人民政府办公室", "发展和改革局", "教育和体育局", "科学技术局", "工业和信息化局", "公安局", "民政局",
    "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局",
    "商务局", "文化和旅游局", "卫生健康局", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局",
    "医疗保障局", "综合行政执法局", "生态环境分局", "城市管理局", "林业局", "粮食和物资储备局", "信访局", "大数据局",
    "人民政府", "机关事务服务中心", "档案局", "气象局", "地震局", "融媒体中心",
)


@dataclass(frozen=True, slots=True)
class Template:
    """A sample cut in three: the generated head goes before `body`, cell spans are relative to `body`."""

    stem: str
    body: str
    spans: dict[str, tuple[int, int]]
    template: str
    cells: tuple[str, ...]


@cache
def template_of(stem: str) -> Template:
    path = SAMPLES / f"{stem}.txt"
    rec = parse_bytes(path.read_bytes(), path.name)
    text = rec.text
    spans = {cid: src.span for cid, src in rec.provenance.items() if src.span}
    lo = min(s[0] for s in spans.values())
    hi = max(s[1] for s in spans.values())
    start = text.rfind(TABLE2_HEADING, 0, lo)
    assert start >= 0, stem
    body = text[start:hi]
    assert set(spans) == set(rec.cell_ids()), f"{stem}: every cell needs a printed span"
    return Template(stem, body, {c: (s[0] - start, s[1] - start) for c, s in spans.items()}, rec.template or "",
                    tuple(rec.cell_ids()))


def _split(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    """`total` requests spread over the result rows, by weight."""
    out = [0] * len(weights)
    for _ in range(total):
        out[rng.choices(range(len(weights)), weights)[0]] += 1
    return out


def gen_values(rng: random.Random, template: str, prev: dict[str, Any] | None) -> dict[str, Any]:
    """Values of one report (cell id -> number), consistent with the rules and with last year's `prev`."""
    fmt = load_format(template)
    t3 = fmt.tables["table3"]
    cols = [c.key for c in t3.columns if c.key != "total"]
    results = [r.key for r in t3.rows if r.key not in ("new_received", "carried_over", "total", "carried_forward")]
    weights = [30.0 if r == "granted" else 6.0 if r == "partial" else 4.0 if r.startswith("unable") else 1.0
               for r in results]
    v: dict[str, Any] = {}
    size = rng.choice((0, 1, 3, 10, 40, 200))
    for col in cols:
        scale = size if col == "natural" else size // 10
        new = rng.randint(0, scale)
        carried = prev.get(f"table3:carried_forward:{col}", 0) if prev else rng.choice((0, 0, 0, 1))
        forward = min(new + carried, rng.choice((0, 0, 0, 1, 2)))
        handled = new + carried - forward
        v[f"table3:new_received:{col}"] = new
        v[f"table3:carried_over:{col}"] = carried
        v[f"table3:carried_forward:{col}"] = forward
        v[f"table3:total:{col}"] = handled
        for row, n in zip(results, _split(rng, handled, weights), strict=True):
            v[f"table3:{row}:{col}"] = n
    for row in [r.key for r in t3.rows]:
        v[f"table3:{row}:total"] = sum(v[f"table3:{row}:{c}"] for c in cols)
    for row in ("review", "litigation_direct", "litigation_after_review"):
        parts = [rng.choice((0, 0, 0, 0, 1, 2)) for _ in range(4)]
        for key, n in zip(("upheld", "corrected", "other", "pending"), parts, strict=True):
            v[f"table4:{row}:{key}"] = n
        v[f"table4:{row}:total"] = sum(parts)
    if template == "2021":
        for row in ("regulations", "normative_documents"):
            before = prev.get(f"table2:{row}:in_force") if prev and f"table2:{row}:in_force" in prev else \
                rng.randint(0, 30)
            issued = rng.randint(0, 8)
            repealed = rng.randint(0, min(before, 3))
            v[f"table2:{row}:issued"] = issued
            v[f"table2:{row}:repealed"] = repealed
            v[f"table2:{row}:in_force"] = before + issued - repealed
        for row in ("licensing", "penalty", "coercion"):
            v[f"table2:{row}:decisions"] = rng.choice((0, rng.randint(0, 300), rng.randint(0, 60000)))
        v["table2:fees:amount"] = rng.choice((0, round(rng.uniform(0.5, 900), 2)))
    else:
        for row in ("regulations", "normative_documents"):
            total = rng.randint(0, 40)
            v[f"table2:{row}:made"] = rng.randint(0, total)
            v[f"table2:{row}:published"] = rng.randint(0, total)
            v[f"table2:{row}:total_published"] = total
        for row in ("licensing", "other_services", "penalty", "coercion", "fees"):
            v[f"table2:{row}:prev_items"] = rng.randint(0, 200)
            v[f"table2:{row}:change"] = rng.randint(-8, 8)
            if row != "fees":
                v[f"table2:{row}:decisions"] = rng.randint(0, 20000)
        v["table2:procurement:items"] = rng.randint(0, 20)
        v["table2:procurement:amount"] = rng.choice((0, round(rng.uniform(1, 2000), 2)))
    return v


def printed(template: str, cid: str, value: Any) -> str:
    table, rest = cid.split(":", 1)
    col = rest.rsplit(":", 1)[1]
    if column_kind(template, table, col) == "signed" and value > 0:
        return f"+{value}"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def render(tpl: Template, agency: str, year: int, values: dict[str, Any], proactive: int) -> str:
    body = tpl.body
    for cid, (s0, s1) in sorted(tpl.spans.items(), key=lambda kv: kv[1][0], reverse=True):
        body = body[:s0] + printed(tpl.template, cid, values[cid]) + body[s1:]
    received = values["table3:new_received:total"]
    answered = values["table3:total:total"]
    head = (f"{agency}\n{year}年政府信息公开工作年度报告\n\n"
            f"本报告由{agency}根据《中华人民共和国政府信息公开条例》编制。"
            f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。\n"
            "一、总体情况\n"
            f"（一）主动公开\n{year}年，{agency}通过政府门户网站主动公开政府信息{proactive}条。\n"
            f"（二）依申请公开\n{year}年，{agency}共收到政府信息公开申请{received}件，办结{answered}件。\n"
            "（三）政府信息管理\n严格落实信息发布审核制度。\n"
            "（四）平台建设\n持续完善政府网站信息公开专栏。\n"
            "（五）监督保障\n定期开展自查。\n")
    tail = ("\n\n五、存在的主要问题及改进情况\n信息公开的及时性、规范性还需提高；下一步将加强培训，完善制度。\n"
            "六、其他需要报告的事项\n本机关未收取信息处理费。\n")
    return head + body + tail


def plan(count: int, rng: random.Random) -> list[tuple[str, int]]:
    """(agency, year) pairs: whole runs of years for as many agencies as needed."""
    agencies = [r + d for d in DEPARTMENTS for r in REGIONS]
    rng.shuffle(agencies)
    out: list[tuple[str, int]] = []
    for agency in agencies:
        first = rng.choice((2019, 2019, 2019, 2020, 2021))
        for year in range(first, YEARS[-1] + 1):
            out.append((agency, year))
        if len(out) >= count:
            break
    if len(out) < count:
        raise SystemExit(f"at most {len(out)} reports can be generated")
    return out[:count]


def generate(out_dir: Path, count: int, seed: int = 1) -> list[tuple[Path, dict[str, Any]]]:
    """Write `count` reports into out_dir; returns (path, expected values) in generation order."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs = plan(count, rng)
    order = list(range(len(pairs)))
    rng.shuffle(order)  # file names in shuffled order: an import meets the years out of order
    name_of = {i: n for n, i in enumerate(order)}
    made: list[tuple[Path, dict[str, Any]]] = []
    prev_values: dict[str, dict[str, Any]] = {}
    for i, (agency, year) in enumerate(pairs):
        layout = SEED_2019 if year <= 2020 else SEEDS_2021[int(hashlib.md5(agency.encode()).hexdigest(), 16) % 3]
        tpl = template_of(layout)
        values = gen_values(rng, tpl.template, prev_values.get(agency))
        prev_values[agency] = values
        text = render(tpl, agency, year, values, rng.randint(0, 3000))
        path = out_dir / f"{name_of[i]:05d}_{hashlib.sha1(text.encode()).hexdigest()[:10]}.txt"
        path.write_text(text, encoding="utf-8")
        made.append((path, {"agency": agency, "year": year, "template": tpl.template, "values": values}))
    (out_dir / ".manifest.json").write_text(json.dumps(
        {"count": count, "seed": seed, "files": [p.name for p, _ in made]}, ensure_ascii=False), encoding="utf-8")
    return made


def check(made: list[tuple[Path, dict[str, Any]]], n: int) -> int:
    """Parse a spread of the files: each must give the generated values and no finding. Returns the number checked."""
    step = max(1, len(made) // max(n, 1))
    checked = 0
    by_agency: dict[tuple[str, int], Record] = {}
    for path, want in made[::step]:
        rec = parse_bytes(path.read_bytes(), path.name)
        assert (rec.agency, rec.year, rec.template) == (want["agency"], want["year"], want["template"]), path
        got = {cid: rec.get(cid) for cid in rec.cell_ids()}
        assert got == want["values"], (path, {k: (got.get(k), v) for k, v in want["values"].items() if got.get(k) != v})
        assert rec.findings == [], (path, [(f.rule, f.message) for f in rec.findings])
        by_agency[(want["agency"], want["year"])] = rec
        checked += 1
    from reviewer.rules import check as rules_check

    for (agency, year), rec in by_agency.items():  # across years, where the spread holds both
        prev = by_agency.get((agency, year - 1))
        if prev is not None:
            assert rules_check(rec, prev) == [], (agency, year)
    return checked


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--check", type=int, default=0, metavar="N", help="parse N of the files and check them")
    args = ap.parse_args(argv)
    made = generate(args.out, args.count, args.seed)
    print(f"wrote {len(made)} reports to {args.out}")
    if args.check:
        print(f"checked {check(made, args.check)} reports: generated values parsed back, no findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
