"""The analyst's report (issue 23, part 3): one offline page — or markdown with CSV
tables — that answers "did they do what they said, and who is ahead?".

Sections, each a chart drawn by matplotlib as inline SVG (text kept as text, in a CJK
font family) beside the table it is drawn from, every row linking to the evidence
sentences it rests on:

* departments by programs led and supported;
* the co-lead network (departments leading the same program), its communities
  (networkx Louvain, seeded) and the bridging departments (betweenness);
* targets by indicator and year (a timeline);
* target against achieved per indicator and region (the ``progress`` preset);
* which regions set or measure which indicators (a coverage table).

The page holds no script and loads nothing: no request leaves it. The same graph gives
the same bytes (matplotlib's SVG ids are salted, its date left out).
"""
from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kg.atomic import write_files
from kg.graph.store import GraphStore
from kg.sparql import presets, with_prefixes

HGI = "https://w3id.org/healthgov-kg/indicator/"
TABLE_LIMIT = 200          # rows a page's table shows (the CSV of --format md has all)
EVIDENCE_PER_ROW = 3
FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei",
         "PingFang SC", "SimHei", "DejaVu Sans"]


# ------------------------------------------------------------------ data
@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    evidence: list[list[int]] = field(default_factory=list)  # per row: indexes into Report.evidence


@dataclass
class Section:
    key: str
    title: str
    intro: str
    table: Table
    svg: str = ""          # the chart, "" when there is nothing to draw
    note: str = ""         # said in place of the chart when there is none


@dataclass
class Report:
    title: str
    summary: list[tuple[str, str]]
    sections: list[Section]
    evidence: list[tuple[str, str]]   # (sentence, file name)


class _Evidence:
    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.index: dict[tuple[str, str], int] = {}

    def ids(self, pairs) -> list[int]:  # noqa: ANN001 - iterable of (sentence, file)
        out = []
        for pair in sorted(set(pairs))[:EVIDENCE_PER_ROW]:
            i = self.index.get(pair)
            if i is None:
                i = self.index[pair] = len(self.items)
                self.items.append(pair)
            out.append(i)
        return out


def _rows(store: GraphStore, q: str) -> list[dict[str, str]]:
    return _solutions(store.query_raw(with_prefixes(q)[0]))


def _solutions(res) -> list[dict[str, str]]:  # noqa: ANN001 - pyoxigraph QuerySolutions
    """Each solution as {variable: value, "" when unbound}; a solution read as a sequence,
    not looked up by name (twice as fast: 0.3 s against 0.7 s for 33,587 rows)."""
    cols = [v.value for v in res.variables]
    return [dict(zip(cols, [t.value if t is not None else "" for t in sol])) for sol in res]


def _values(iris) -> str:  # noqa: ANN001
    return " ".join(f"<{i}>" for i in sorted(iris))


def _num(text: str) -> str:
    """A decimal as the text wrote it (30, 25.3), without exponent."""
    if text == "":
        return ""
    d = Decimal(text).normalize()
    return format(d, "f")


def _evidence_of_assertions(store: GraphStore, subjects, kinds=("leads", "supports")) -> dict[str, set]:  # noqa: ANN001
    if not subjects:
        return {}
    preds = {f"https://w3id.org/healthgov-kg/ontology#{k}" for k in kinds}
    files = _files(store)
    out: dict[str, set] = defaultdict(set)
    # (a VALUES of the predicates too makes this 40 times slower on 1,000 documents)
    for r in _rows(store, f"""SELECT ?s ?p ?ev ?g WHERE {{ VALUES ?s {{ {_values(subjects)} }}
            GRAPH ?g {{ ?a rdf:subject ?s ; rdf:predicate ?p ; hg:evidence ?ev }} }}"""):
        if r["p"] in preds:
            out[r["s"]].add((r["ev"], files.get(r["g"], "")))
    return out


def _files(store: GraphStore) -> dict[str, str]:
    """Document graph → its file name."""
    return {r["g"]: r["f"] for r in _rows(store, "SELECT ?g ?f WHERE { ?g a hg:SourceDocument ; hg:fileName ?f }")}


def departments_section(store: GraphStore, ev: _Evidence, top: int = 20) -> Section:
    counts: dict[str, Counter] = defaultdict(Counter)
    label: dict[str, str] = {}
    for r in _rows(store, """SELECT ?d ?l ?role (COUNT(DISTINCT ?p) AS ?n) WHERE {
            ?d a hg:Department ; rdfs:label ?l .
            { ?d hg:leads ?p . BIND("lead" AS ?role) } UNION { ?d hg:supports ?p . BIND("support" AS ?role) }
            ?p a hg:Program } GROUP BY ?d ?l ?role"""):
        counts[r["d"]][r["role"]] = int(r["n"])
        label[r["d"]] = r["l"]
    ranked = sorted(counts, key=lambda d: (-(counts[d]["lead"] + counts[d]["support"]), -counts[d]["lead"], label[d], d))
    shown = ranked[:TABLE_LIMIT]
    evidence = _evidence_of_assertions(store, shown)
    table = Table(["部门 department", "牵头 led", "配合 supported", "合计 total"],
                  [[label[d], str(counts[d]["lead"]), str(counts[d]["support"]), str(counts[d]["lead"] + counts[d]["support"])] for d in shown],
                  [ev.ids(evidence.get(d, ())) for d in shown])
    svg = ""
    if ranked:
        names = [label[d] for d in ranked[:top]][::-1]
        led = [counts[d]["lead"] for d in ranked[:top]][::-1]
        sup = [counts[d]["support"] for d in ranked[:top]][::-1]

        def draw(plt):  # noqa: ANN001, ANN202
            fig, ax = plt.subplots(figsize=(7.2, 0.32 * len(names) + 1.1))
            ax.barh(names, led, color="#c0392b", label="牵头 led")
            ax.barh(names, sup, left=led, color="#2e86c1", label="配合 supported")
            ax.set_xlabel("项目数 programs")
            ax.legend(loc="lower right", frameon=False)
            ax.spines[["top", "right"]].set_visible(False)
            return fig
        svg = _svg(draw)
    return Section("departments", "部门牵头与配合的项目 · Departments by programs led and supported",
                   f"{len(ranked)} departments lead or support at least one program; the chart shows the top {min(top, len(ranked))}.",
                   table, svg, "" if ranked else "No department leads or supports a program in this graph.")


def colead_section(store: GraphStore, ev: _Evidence, top: int = 40) -> Section:
    import networkx as nx

    label: dict[str, str] = {}
    leaders: dict[str, set[str]] = defaultdict(set)
    # the lead pairs, joined here: the self-join in SPARQL takes 2 s on 1,000 documents
    for r in _rows(store, "SELECT ?d ?l ?p WHERE { ?d a hg:Department ; hg:leads ?p ; rdfs:label ?l . ?p a hg:Program }"):
        leaders[r["p"]].add(r["d"])
        label[r["d"]] = r["l"]
    shared_by: Counter = Counter()
    for ds in leaders.values():
        ordered = sorted(ds)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                shared_by[(a, b)] += 1
    pairs = sorted((a, b, n) for (a, b), n in shared_by.items())
    label = {d: label[d] for pair in shared_by for d in pair}
    g = _canonical_graph(sorted(label), pairs)
    if g.number_of_nodes() == 0:
        return Section("colead", "共同牵头网络 · The co-lead network", "Departments that lead the same program.",
                       Table(["部门 department", "社区 community", "共同牵头部门 co-leaders", "共同牵头项目 shared programs", "中介中心性 betweenness"], []),
                       note="No two departments lead the same program in this graph.")
    communities = sorted((sorted(c) for c in nx.community.louvain_communities(g, weight="weight", seed=23)),
                         key=lambda c: (-len(c), c[0]))
    community = {n: i + 1 for i, c in enumerate(communities) for n in c}
    btw = _betweenness(g)
    shared = {n: sum(d["weight"] for _, _, d in g.edges(n, data=True)) for n in g}
    ranked = sorted(g, key=lambda n: (-btw[n], -g.degree(n), label[n], n))
    shown = ranked[:TABLE_LIMIT]
    evidence = _evidence_of_assertions(store, shown, ("leads",))
    table = Table(["部门 department", "社区 community", "共同牵头部门 co-leaders", "共同牵头项目 shared programs", "中介中心性 betweenness"],
                  [[label[n], str(community[n]), str(g.degree(n)), str(shared[n]), f"{btw[n]:.4f}"] for n in shown],
                  [ev.ids(evidence.get(n, ())) for n in shown])
    by_rank = sorted(g, key=lambda n: (-btw[n], -g.degree(n), label[n], n))
    drawn = set(g) if g.number_of_nodes() <= top else set(by_rank[:12])
    if len(drawn) < g.number_of_nodes():
        for n in by_rank[:12]:  # each bridging department with its closest co-leaders
            near = sorted(g[n], key=lambda m: (-g[n][m]["weight"], -g.degree(m), label[m], m))[:4]
            drawn.update(near)
        for n in sorted(g, key=lambda n: (-g.degree(n), -btw[n], label[n], n)):
            if len(drawn) >= top:
                break
            drawn.add(n)
    sub = _drawn_subgraph(g, drawn)
    named = set(by_rank[:12]) & drawn
    pos = _packed_layout(sub)

    def draw(plt):  # noqa: ANN001, ANN202
        fig, ax = plt.subplots(figsize=(7.2, 5.6))
        palette = plt.get_cmap("tab10")
        nx.draw_networkx_edges(sub, pos, ax=ax, width=[0.4 + 0.3 * min(d["weight"], 8) for _, _, d in sub.edges(data=True)],
                               edge_color="#b3b6b7")
        nx.draw_networkx_nodes(sub, pos, ax=ax, node_size=[40 + 3000 * btw[n] for n in sub],
                               node_color=[palette((community[n] - 1) % 10) for n in sub])
        placed: list[tuple[float, float]] = []
        for n in [m for m in by_rank if m in named]:  # most bridging first; a label that would cover one is left out
            x, y = pos[n]
            if any(abs(x - px) < 1.1 and abs(y - py) < 0.16 for px, py in placed):
                continue
            placed.append((x, y))
            ax.annotate(label[n], (x, y), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
        ax.set_axis_off()
        ax.margins(0.08)
        return fig
    intro = (f"{g.number_of_nodes()} departments co-lead programs with another, in {len(communities)} communities "
             f"(Louvain, seeded; colour). Node size is betweenness: the bridging departments are the largest"
             + f". The chart shows {len(drawn)} of them"
             + ("" if len(drawn) == g.number_of_nodes() else ": the 12 most bridging with their closest co-leaders, then those with most co-leaders")
             + ", each connected group apart; the most bridging of the 12 are named where a label would not cover another.")
    return Section("colead", "共同牵头网络与桥接部门 · The co-lead network, its communities and the bridging departments",
                   intro, table, _svg(draw))


def _drawn_subgraph(g, drawn):  # noqa: ANN001, ANN202 - a networkx graph, a set of its nodes
    """The subgraph of ``drawn`` with its nodes and edges in sorted order. (A networkx
    subgraph view of a small part iterates the node set, in an order that changes with
    the process's string hashing: the chart's edges were drawn in another order in every
    run on the 1,000-document corpus.)"""
    return _canonical_graph(sorted(drawn), sorted((a, b, d["weight"]) if a < b else (b, a, d["weight"])
                                                  for a, b, d in g.subgraph(drawn).edges(data=True)))


def _betweenness(g) -> dict:  # noqa: ANN001 - a networkx graph
    """Exact betweenness centrality, normalised as networkx normalises it, computed by
    igraph's C core (0.02 s for 1,649 departments and 9,316 co-lead pairs, where networkx
    takes 0.6 s sampling 300 sources)."""
    import igraph

    nodes = list(g)
    n = len(nodes)
    if n < 3:
        return {v: 0.0 for v in nodes}
    index = {v: i for i, v in enumerate(nodes)}
    raw = igraph.Graph(n=n, edges=[(index[a], index[b]) for a, b in g.edges()]).betweenness(directed=False)
    scale = 2.0 / ((n - 1) * (n - 2))
    return {v: round(raw[i] * scale, 12) for i, v in enumerate(nodes)}


def _canonical_graph(nodes, edges):  # noqa: ANN001, ANN202
    """A networkx graph whose nodes and edges are in sorted order: seeded algorithms
    (Louvain, spring layout) then give the same answer in every process."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_weighted_edges_from(edges)
    return g


def _packed_layout(g) -> dict:  # noqa: ANN001 - a networkx graph
    """Positions: each connected component laid out on its own (spring, seeded), the
    components placed left to right in rows, largest first, each sized by its nodes."""
    import networkx as nx

    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    pos: dict = {}
    x = y = row_h = 0.0
    width = 6.0
    for comp in comps:
        r = 0.35 + 0.18 * len(comp) ** 0.5
        if x > 0 and x + 2 * r > width:
            x, y, row_h = 0.0, y - row_h - 0.3, 0.0
        part = _canonical_graph(comp, sorted((a, b, d["weight"]) if a < b else (b, a, d["weight"])
                                             for a, b, d in g.subgraph(comp).edges(data=True)))
        local = nx.spring_layout(part, seed=23, weight=None, scale=r) if len(comp) > 1 else {comp[0]: (0.0, 0.0)}
        for n, (px, py) in local.items():
            pos[n] = (x + r + float(px), y - r + float(py))
        x += 2 * r + 0.3
        row_h = max(row_h, 2 * r)
    return pos


_ATTRIBUTES = (("year", "year"), ("comparator", "cmp"), ("unit", "unit"), ("relative", "relative"), ("direction", "direction"))


def _indicator_rows(store: GraphStore, cls: str, evidence: bool = True, attributes: bool = True) -> list[dict[str, str]]:
    """Every target or measurement with its indicator's key (its exactMatch concept, else
    itself), the key's label, year, comparator, value, unit, region, relative, direction
    and one evidence sentence with its file. Read as a few simple queries joined here: one
    query with all the OPTIONALs takes 25 s on the 1,000-document corpus, these 1 s."""
    key: dict[str, tuple[str, str]] = {}
    for r in _rows(store, "SELECT ?i ?l WHERE { ?i a hg:Indicator ; rdfs:label ?l }"):
        key.setdefault(r["i"], (r["i"], r["l"]))
    for r in _rows(store, "SELECT ?i ?c ?l WHERE { ?i a hg:Indicator ; skos:exactMatch ?c . ?c skos:prefLabel ?l }"):
        key[r["i"]] = (r["c"], r["l"])
    attrs: dict[str, dict[str, str]] = defaultdict(dict)
    for prop, col in (_ATTRIBUTES if attributes else ()):
        for r in _rows(store, f"SELECT ?x ?v WHERE {{ ?x a hg:{cls} ; hg:{prop} ?v }}"):
            attrs[r["x"]][col] = r["v"]
    for r in _rows(store, f"SELECT ?x ?v WHERE {{ ?x a hg:{cls} ; hg:region/rdfs:label ?v }}"):
        attrs[r["x"]].setdefault("region", r["v"])
    first: dict[str, tuple[str, str]] = {}
    if evidence:  # each sentence with the file of the document graph it is stated in
        files = _files(store)
        for r in _rows(store, f"SELECT ?x ?ev ?g WHERE {{ GRAPH ?g {{ ?x a hg:{cls} ; hg:evidence ?ev }} }}"):
            pair = (r["ev"], files.get(r["g"], ""))
            if r["x"] not in first or pair < first[r["x"]]:
                first[r["x"]] = pair
    out = []
    for r in _rows(store, f"SELECT ?x ?i ?v WHERE {{ ?x a hg:{cls} ; hg:indicator ?i ; hg:value ?v }}"):
        k, label = key.get(r["i"], (r["i"], r["i"]))
        a = attrs.get(r["x"], {})
        ev, f = first.get(r["x"], ("", ""))
        out.append({"x": r["x"], "key": k, "ilabel": label, "v": r["v"], "year": a.get("year", ""), "cmp": a.get("cmp", ""),
                    "unit": a.get("unit", ""), "region": a.get("region", ""), "relative": a.get("relative", ""),
                    "direction": a.get("direction", ""), "ev": ev, "f": f})
    return sorted(out, key=lambda r: (r["x"], r["key"], r["v"]))


_CMP = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}
_DIRECTION = {"increase": "↑", "decrease": "↓", "keep": "→"}


def _stated(r: dict[str, str]) -> str:
    rel = r.get("relative") == "true"
    arrow = _DIRECTION.get(r.get("direction", ""), "")
    return f"{arrow}{'' if rel and arrow else _CMP.get(r.get('cmp', ''), '')}{_num(r['v'])}{r.get('unit', '')}" + ("（相对 relative）" if rel else "")


def timeline_section(store: GraphStore, ev: _Evidence, top: int = 25) -> Section:
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    label: dict[str, str] = {}
    for r in _indicator_rows(store, "Target"):
        if r["year"]:
            groups[(r["key"], r["year"][:4])].append(r)
            label[r["key"]] = r["ilabel"]
    per_indicator = Counter()
    for (key, _), rs in groups.items():
        per_indicator[key] += len({r["x"] for r in rs})
    order = sorted(groups, key=lambda k: (label[k[0]], k[1], k[0]))
    rows, evs = [], []
    for key, year in order[:TABLE_LIMIT]:
        rs = groups[(key, year)]
        targets = {r["x"] for r in rs}
        regions = sorted({r["region"] for r in rs if r["region"]})
        stated = sorted({_stated(r) for r in rs})
        rows.append([label[key], year, str(len(targets)), str(len(regions)), "、".join(regions[:3]) + ("…" if len(regions) > 3 else ""),
                     "、".join(stated[:4]) + ("…" if len(stated) > 4 else ""), "✓" if key.startswith(HGI) else ""])
        evs.append(ev.ids((r["ev"], r["f"]) for r in rs if r["ev"]))
    table = Table(["指标 indicator", "年份 year", "目标数 targets", "地区数 regions", "地区 regions", "目标值 stated", "概念 concept"], rows, evs)
    svg = ""
    if groups:
        keys = sorted(per_indicator, key=lambda k: (-per_indicator[k], label[k], k))[:top]
        ys = {k: i for i, k in enumerate(sorted(keys, key=lambda k: (label[k], k), reverse=True))}
        pts = [(int(year), ys[key], len({r["x"] for r in rs})) for (key, year), rs in sorted(groups.items()) if key in ys]

        def draw(plt):  # noqa: ANN001, ANN202
            fig, ax = plt.subplots(figsize=(7.2, 0.3 * len(ys) + 1.3))
            most = max(p[2] for p in pts)  # the area grows with the count, the largest fits its row
            ax.scatter([p[0] for p in pts], [p[1] for p in pts], s=[25 + 180 * (p[2] / most) ** 0.5 for p in pts],
                       color="#117a65", alpha=0.8)
            for x, y, n in pts:
                if n > 1:
                    ax.annotate(str(n), (x, y), textcoords="offset points", xytext=(7, 4), fontsize=8)
            ax.set_yticks(list(ys.values()), [label[k] for k in ys])
            years = sorted({p[0] for p in pts})
            ax.set_xticks(years, [str(y) for y in years])
            ax.set_xlim(years[0] - 1, years[-1] + 1)
            ax.set_xlabel("目标年份 target year")
            ax.grid(axis="x", color="#e5e7e9")
            ax.spines[["top", "right"]].set_visible(False)
            return fig
        svg = _svg(draw)
    return Section("timeline", "目标时间线 · Targets by indicator and year",
                   f"{sum(len({r['x'] for r in rs}) for rs in groups.values())} targets with a year, on {len(per_indicator)} indicators "
                   f"(an indicator linked to the concept scheme is named by its concept: ✓); the chart shows the {min(top, len(per_indicator))} "
                   "indicators with most targets.", table, svg, "" if groups else "No target with a year in this graph.")


def progress_section(store: GraphStore, ev: _Evidence, top: int = 25) -> Section:
    allrows = _solutions(store.query_raw(presets()["progress"].sparql))
    measured = [r for r in allrows if r["measured"] and r["gap"]]
    files = {}
    nodes = {r["targetNode"] for r in measured} | {r["measurementNode"] for r in measured}
    if nodes:
        doc_files = _files(store)
        for r in _rows(store, f"""SELECT ?x ?ev ?g WHERE {{ VALUES ?x {{ {_values(nodes)} }} GRAPH ?g {{ ?x hg:evidence ?ev }} }}"""):
            f = doc_files.get(r["g"], "")
            key = (r["x"], r["ev"])
            if key not in files or f < files[key]:
                files[key] = f
    rows, evs = [], []
    for r in measured[:TABLE_LIMIT]:
        rows.append([r["region"], r["indicator"], r["targetYear"][:4], f"{_CMP.get(r['comparator'], r['comparator'])}{_num(r['target'])}{r['unit']}",
                     r["measuredYear"][:4], f"{_num(r['measured'])}{r['unit']}", _num(r["gap"]), "是 met" if r["met"] == "true" else "否 not met"])
        evs.append(ev.ids([(r["targetEvidence"], files.get((r["targetNode"], r["targetEvidence"]), "")),
                           (r["measurementEvidence"], files.get((r["measurementNode"], r["measurementEvidence"]), ""))]))
    table = Table(["地区 region", "指标 indicator", "目标年 year", "目标 target", "实测年 measured in", "实测 measured", "差距 gap", "达成 met"], rows, evs)
    svg, note = "", ""
    if measured:
        shown = measured[:top]
        names = [f"{r['indicator']} · {r['region']} · {r['targetYear'][:4]}" for r in shown][::-1]
        ratio = [float(Decimal(r["measured"]) / Decimal(r["target"]) * 100) if Decimal(r["target"]) else 0.0 for r in shown][::-1]
        met = [r["met"] == "true" for r in shown][::-1]

        def draw(plt):  # noqa: ANN001, ANN202
            fig, ax = plt.subplots(figsize=(7.2, 0.36 * len(names) + 1.2))
            ax.barh(names, ratio, color=["#1e8449" if m else "#ca6f1e" for m in met])
            ax.axvline(100, color="#17202a", linewidth=1)
            for y, (v, r) in enumerate(zip(ratio, shown[::-1])):
                ax.annotate(f"{_num(r['measured'])} / {_num(r['target'])}{r['unit']}", (v, y), textcoords="offset points",
                            xytext=(4, -3), fontsize=8)
            ax.set_xlabel("实测占目标 measured as % of target (100 = the target; green: met)")
            ax.spines[["top", "right"]].set_visible(False)
            return fig
        svg = _svg(draw)
    else:
        note = (f"None of the {len(allrows)} targets with a year and a region has a measurement of the same indicator, region and unit "
                "up to its year in this graph.")
    return Section("progress", "目标与实测 · Target against achieved, per indicator and region",
                   f"{len(allrows)} targets with a year and a region; {len(measured)} of them have a measurement of the same "
                   "indicator concept, region and unit up to the target's year (the progress preset). Gap: how far the "
                   "measurement is from the target, positive when short of it.", table, svg, note)


def coverage_section(store: GraphStore, ev: _Evidence, columns: int = 12) -> Section:
    cells: dict[tuple[str, str], Counter] = defaultdict(Counter)
    label: dict[str, str] = {}
    for kind in ("Target", "Measurement"):
        for r in _indicator_rows(store, kind, evidence=False, attributes=False):
            if r["region"]:
                cells[(r["region"], r["key"])][kind] += 1
                label[r["key"]] = r["ilabel"]
    regions_of = defaultdict(set)
    for region, key in cells:
        regions_of[key].add(region)
    keys = sorted(regions_of, key=lambda k: (-len(regions_of[k]), not k.startswith(HGI), label[k], k))[:columns]
    regions = sorted({reg for reg, _ in cells}, key=lambda reg: (-sum(1 for k in keys if (reg, k) in cells), reg))
    regions = [reg for reg in regions if any((reg, k) in cells for k in keys)]
    rows = []
    for reg in regions[:TABLE_LIMIT]:
        row = [reg]
        for k in keys:
            c = cells.get((reg, k))
            row.append(" ".join(s for s in (f"目标{c['Target']}" if c and c["Target"] else "", f"实测{c['Measurement']}" if c and c["Measurement"] else "") if s))
        rows.append(row)
    return Section("coverage", "地区 × 指标覆盖 · Which regions set and measure which indicators",
                   f"The {len(keys)} indicators set or measured in most regions (of {len(regions_of)}) and the {len(regions)} regions "
                   "that set or measure one of them; "
                   "a cell counts the region's targets (目标) and measurements (实测).",
                   Table(["地区 region", *[label[k] for k in keys]], rows), "",
                   "" if rows else "No target or measurement with a region in this graph.")


def build_report(store: GraphStore, title: str = "健康治理目标与进展报告 · Targets and progress") -> Report:
    ev = _Evidence()
    sections = [departments_section(store, ev), colead_section(store, ev), timeline_section(store, ev),
                progress_section(store, ev), coverage_section(store, ev)]
    counts = _rows(store, """SELECT (COUNT(DISTINCT ?d) AS ?docs) (COUNT(DISTINCT ?t) AS ?targets) (COUNT(DISTINCT ?m) AS ?measurements) WHERE {
        { ?d a hg:SourceDocument } UNION { ?t a hg:Target } UNION { ?m a hg:Measurement } }""")[0]
    linked = _rows(store, """SELECT (COUNT(DISTINCT ?i) AS ?n) (COUNT(DISTINCT ?l) AS ?linked) WHERE {
        ?x hg:indicator ?i . OPTIONAL { ?i skos:exactMatch|skos:broader ?c } BIND(IF(BOUND(?c), ?i, ?none) AS ?l) }""")[0]
    share = f"{int(linked['linked'])} / {int(linked['n'])}" if int(linked["n"]) else "0 / 0"
    summary = [("文件 documents", counts["docs"]), ("目标 targets", counts["targets"]), ("实测 measurements", counts["measurements"]),
               ("指标映射到概念 indicators linked to a concept", share)]
    return Report(title, summary, sections, ev.items)


# ------------------------------------------------------------------ reading the graph
_HG = "https://w3id.org/healthgov-kg/ontology#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# what the report reads inside a document's graph (its GRAPH patterns): evidence
# sentences, a relation assertion's subject and predicate, a target's or measurement's class
_PER_DOCUMENT = (_HG + "evidence", _RDF + "subject", _RDF + "predicate")
_PER_DOCUMENT_CLASSES = (_HG + "Target", _HG + "Measurement")
_WRITTEN_TOGETHER_NS = 120 * 10**9  # graph.trig is written after graph.ttl, by the same build


def load_graph(path: str | Path) -> GraphStore:
    """The graph to report on. An output folder with its on-disk store, or any file, is
    read as every command reads it (:meth:`GraphStore.load`). A folder without the store
    is read as the report needs it: the union from graph.ttl (Turtle, de-duplicated,
    written by the same build; 2.4-4 s for the 1,000-document corpus's 592,169 triples,
    in pyoxigraph's Rust code, in a thread) and, of graph.trig, only the statements the
    report reads inside a document's graph (217,631 of 946,447; 2-3 s). Loading all of
    graph.trig (3.6-4.3 s) and forming the union with a SPARQL update (3.4-4.8 s) are
    not needed, and the default graph's queries do not wade through the named graphs'
    statements: in an in-memory store holding them all the progress query took 4-7 s,
    against 0.4 s here. The page is byte-identical.

    Used only when graph.ttl is not newer than graph.trig and was written less than two
    minutes before it (as a build writes them), when both declare the same documents and
    when no statement read per document has a blank node; otherwise the folder is read
    the usual way."""
    import threading

    import pyoxigraph as ox

    from kg.graph.persist import current_generation

    p = Path(path)
    ttl, trig = p / "graph.ttl", p / "graph.trig"
    if not p.is_dir() or current_generation(p) is not None or not (ttl.is_file() and trig.is_file()):
        return GraphStore.load(p)
    gap = trig.stat().st_mtime_ns - ttl.stat().st_mtime_ns
    if not 0 <= gap <= _WRITTEN_TOGETHER_NS:
        return GraphStore.load(p)
    keep = {ox.NamedNode(i) for i in _PER_DOCUMENT}
    rdf_type = ox.NamedNode(_RDF + "type")
    classes = {ox.NamedNode(i) for i in _PER_DOCUMENT_CLASSES}
    document_class = ox.NamedNode(_HG + "SourceDocument")
    declared: set = set()  # the documents graph.trig declares

    def per_document() -> list:  # the quads of graph.trig the report reads
        out = []
        for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG):
            predicate = q.predicate
            if predicate in keep:
                out.append(q)
            elif predicate == rdf_type:
                o = q.object
                if o in classes:
                    out.append(q)
                elif o == document_class:
                    declared.add(q.subject)
        return out

    def blank(q) -> bool:  # noqa: ANN001 - a blank node is named apart in each file read
        return isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)

    store = ox.Store()
    failed: list[BaseException] = []

    def load_union() -> None:
        try:
            store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
        except (SyntaxError, ValueError, OSError) as exc:
            failed.append(exc)

    # the union is parsed and indexed by pyoxigraph's Rust code, which lets go of the
    # interpreter, on one core while the libraries are imported and the per-document
    # statements picked out on the other
    union = threading.Thread(target=load_union, name="kg-report-union")
    union.start()
    _import_charting()
    try:
        named = per_document()
    except (SyntaxError, ValueError, OSError) as exc:
        failed.append(exc)
    union.join()
    if failed:
        return GraphStore.load(p)  # which says what is wrong with which file
    documents = {r[0] for r in store.query(f"SELECT ?g WHERE {{ ?g a <{_HG}SourceDocument> }}")}
    if documents != declared or any(blank(q) for q in named):  # (kg build writes no blank node)
        return GraphStore.load(p)
    store.bulk_extend(named)
    return GraphStore.over(store)  # its default graph is the union already


# ------------------------------------------------------------------ charts
_SVG_START = re.compile(r"<svg\b")


def _import_charting() -> None:
    """The libraries the charts and the co-lead network need, imported (igraph imports
    matplotlib's pyplot)."""
    import matplotlib

    matplotlib.use("svg", force=False)
    import igraph  # noqa: F401
    import networkx  # noqa: F401


def _svg(draw) -> str:  # noqa: ANN001 - draw(plt) returns a figure
    """The figure ``draw`` makes, as SVG text to inline: its text kept as text in a CJK
    font family, ids salted and no date, so the same data gives the same bytes."""
    import logging

    import matplotlib

    matplotlib.use("svg", force=False)
    import matplotlib.pyplot as plt

    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "healthgov-kg", "font.family": "sans-serif",
                                "font.sans-serif": FONTS, "font.size": 10, "axes.unicode_minus": False}):
        fig = draw(plt)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    text = buf.getvalue()
    m = _SVG_START.search(text)
    return text[m.start():] if m else text


# ------------------------------------------------------------------ HTML
_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1480px;color:#1c2833;padding:0 16px}
h1{font-size:24px}h2{font-size:19px;margin-top:36px;border-bottom:2px solid #d5d8dc;padding-bottom:4px}
.summary td{padding:2px 14px 2px 0}.row{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start}
.chart{flex:1 1 640px;max-width:760px}.chart svg{width:100%;height:auto}
.table{flex:1 1 520px;max-height:640px;overflow:auto;border:1px solid #e5e7e9}
table.data{border-collapse:collapse;font-size:13px;width:100%}table.data th{position:sticky;top:0;background:#f4f6f7}
table.data td,table.data th{border-bottom:1px solid #eaeded;padding:3px 6px;text-align:left;vertical-align:top}
.note{color:#7b7d7d;font-style:italic}.ev a{margin-right:4px}ol.evidence{font-size:13px}ol.evidence li{margin:3px 0}
.file{color:#7b7d7d}
"""


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


def render_html(rep: Report) -> str:
    out = ["<!DOCTYPE html>", '<html lang="zh"><head><meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
           f"<title>{_e(rep.title)}</title><style>{_CSS}</style></head><body>", f"<h1>{_e(rep.title)}</h1>",
           '<table class="summary">' + "".join(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in rep.summary) + "</table>",
           "<nav><ul>" + "".join(f'<li><a href="#{s.key}">{_e(s.title)}</a></li>' for s in rep.sections)
           + '<li><a href="#evidence">原文依据 · Evidence</a></li></ul></nav>']
    for s in rep.sections:
        out.append(f'<section id="{s.key}"><h2>{_e(s.title)}</h2><p>{_e(s.intro)}</p><div class="row">')
        if s.svg:
            out.append(f'<div class="chart">{s.svg}</div>')
        elif s.note:
            out.append(f'<p class="note">{_e(s.note)}</p>')
        out.append(f'<div class="table">{_table_html(s.table)}</div></div>')
        total = len(s.table.rows)
        if total >= TABLE_LIMIT:
            out.append(f'<p class="note">The table shows the first {TABLE_LIMIT} rows; kg report --format md writes them all as CSV.</p>')
        out.append("</section>")
    out.append('<section id="evidence"><h2>原文依据 · Evidence</h2><ol class="evidence">')
    for i, (sentence, f) in enumerate(rep.evidence):
        out.append(f'<li id="ev-{i + 1}">{_e(sentence)} <span class="file">— {_e(f)}</span></li>')
    out.append("</ol></section></body></html>\n")
    return "\n".join(out)


def _table_html(t: Table) -> str:
    has_ev = any(t.evidence)
    head = "".join(f"<th>{_e(c)}</th>" for c in t.columns) + ("<th>依据 evidence</th>" if has_ev else "")
    body = []
    for i, row in enumerate(t.rows):
        cells = "".join(f"<td>{_e(v)}</td>" for v in row)
        if has_ev:
            links = " ".join(f'<a href="#ev-{j + 1}">[{j + 1}]</a>' for j in (t.evidence[i] if i < len(t.evidence) else []))
            cells += f'<td class="ev">{links}</td>'
        body.append(f"<tr>{cells}</tr>")
    return f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


# ------------------------------------------------------------------ markdown + CSV
def _md_cell(v: object) -> str:
    return str(v).replace("|", "\\|").replace("\n", " ")


def render_markdown(rep: Report, stem: str) -> list[tuple[str, bytes]]:
    """(file name, bytes) pairs: STEM.md, a CSV per table and an SVG per chart beside it."""
    files: list[tuple[str, bytes]] = []
    md = [f"# {rep.title}", "", *[f"- {k}: {v}" for k, v in rep.summary], ""]
    for s in rep.sections:
        md += [f"## {s.title}", "", s.intro, ""]
        if s.svg:
            name = f"{stem}_{s.key}.svg"
            files.append((name, s.svg.encode("utf-8")))
            md += [f"![{s.title}]({name})", ""]
        elif s.note:
            md += [f"*{s.note}*", ""]
        csv_name = f"{stem}_{s.key}.csv"
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        has_ev = any(s.table.evidence)
        w.writerow(s.table.columns + (["evidence"] if has_ev else []))
        for i, row in enumerate(s.table.rows):
            w.writerow(row + ([" ".join(f"[{j + 1}]" for j in s.table.evidence[i])] if has_ev else []))
        files.append((csv_name, buf.getvalue().encode("utf-8")))
        md += [f"Table: [{csv_name}]({csv_name}) ({len(s.table.rows)} rows)", ""]
        if s.table.rows:
            cols = s.table.columns + (["evidence"] if has_ev else [])
            md += ["| " + " | ".join(map(_md_cell, cols)) + " |", "|" + "---|" * len(cols)]
            for i, row in enumerate(s.table.rows[:50]):
                extra = [" ".join(f"[{j + 1}](#ev-{j + 1})" for j in s.table.evidence[i])] if has_ev else []
                md.append("| " + " | ".join(map(_md_cell, row + extra)) + " |")
            if len(s.table.rows) > 50:
                md.append(f"\n(first 50 of {len(s.table.rows)} rows; all in {csv_name})")
            md.append("")
    md += ["## 原文依据 · Evidence", ""]
    md += [f'{i + 1}. <a id="ev-{i + 1}"></a>{_md_cell(sentence)} — {_md_cell(f)}' for i, (sentence, f) in enumerate(rep.evidence)]
    files.insert(0, (f"{stem}.md", ("\n".join(md) + "\n").encode("utf-8")))
    return files


def write_report(store: GraphStore | str | Path, path: str | Path, fmt: str = "html") -> list[Path]:
    """Write the report on a graph (or on the graph file or output folder that
    :func:`load_graph` reads) to ``path`` (html: one file; md: PATH and its CSV/SVG files
    beside it), each file atomically. Returns the files written."""
    path = Path(path)
    rep = build_report(store if isinstance(store, GraphStore) else load_graph(store))
    if fmt == "html":
        outputs = [(path, render_html(rep).encode("utf-8"))]
    elif fmt == "md":
        outputs = [(path.with_name(name) if i else path, data)
                   for i, (name, data) in enumerate(render_markdown(rep, path.stem))]
    else:
        raise ValueError(f"unknown report format {fmt!r} (html or md)")
    write_files((p, [data]) for p, data in outputs)
    return [p for p, _ in outputs]
