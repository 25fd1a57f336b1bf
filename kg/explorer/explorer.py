"""The explorer: one self-contained HTML file that works offline.

The page comes from our own template (``templates/explorer.html``) because pyvis's
template always loads Bootstrap from a CDN and inserts titles as raw HTML; from pyvis we
take vis-network's script (shipped inside the package), inlined so that opening the file
makes no request at all. Positions, communities and label sizes are computed before the
page opens (``kg.explorer.layout``); the page only draws, and vis-network's own options
(groups per class, ``scaling.label.drawThreshold`` for level of detail) do the rest.
Text from documents reaches the page only as JSON (with ``<``, ``>`` and ``&`` escaped)
and is put into the DOM with ``textContent``, never as HTML.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from kg.explorer.layout import layout
from kg.graph.store import GraphStore
from kg.names.bodies import short_forms
from kg.network import EDGE_KINDS, MEASUREMENT, MEASUREMENT_EDGE_KINDS, EdgeInfo, NodeInfo, explorer_data
from kg.schema import ORGANISATION_TYPES, TYPES
from kg.textnorm import ts_table

TEMPLATE = Path(__file__).with_name("templates") / "explorer.html"
FONT_STACK = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
              '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif')
# colour: border / legend; fill: light background that dark labels read on (kg.schema)
CLASS_STYLE = {t.name: {"shape": t.shape, "color": t.color, "fill": t.fill, "zh": t.zh} for t in TYPES}
# drawn by the explorer only: measurements are not a class of kg.schema (extraction makes
# them as values, like targets, and the graph's tables do not list them)
EXPLORER_STYLE = {MEASUREMENT: {"shape": "triangleDown", "color": "#16a085", "fill": "#16a085", "zh": "实测值"}}
# shapes with the label inside grow with their label; the explorer draws every class with
# its label under the shape, so that a hidden label leaves a small mark, not an empty box
OUTSIDE_LABEL = {"box": "square", "ellipse": "dot"}
EDGE_STYLE = {
    "leads": {"width": 3, "dashes": False, "color": "#2f6db5"},
    "supports": {"width": 1.5, "dashes": [6, 4], "color": "#5dade2"},
    "memberOf": {"width": 1.5, "dashes": [1, 4], "color": "#8e44ad"},
    "partOf": {"width": 0.8, "dashes": False, "color": "#27ae60"},
    "hasTarget": {"width": 0.8, "dashes": False, "color": "#e67e22"},
    "regionPartOf": {"width": 0.8, "dashes": [2, 2], "color": "#8d6e63"},
    "measuredIn": {"width": 0.8, "dashes": [2, 3], "color": "#16a085"},
    "reports": {"width": 0.8, "dashes": False, "color": "#16a085"},
}
ALL_EDGE_KINDS = {**EDGE_KINDS, **MEASUREMENT_EDGE_KINDS}
LABEL_LIMIT = 14
EDGE_LABEL_LIMIT = 400  # above this many nodes edges carry no label (15,000 would cost seconds per frame)
BIG = 2000  # above this many nodes edges are hidden while dragging or zooming


def _short(label: str, limit: int = LABEL_LIMIT) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _vis_js() -> str:
    base = Path(resources.files("pyvis")) / "templates" / "lib" / "vis-9.1.2"
    return (base / "vis-network.min.js").read_text(encoding="utf-8")


def _styles() -> dict[str, dict]:
    return {**CLASS_STYLE, **EXPLORER_STYLE}


def _groups(used: list[tuple[str, float]]) -> dict[str, dict]:
    """vis-network groups, one per class and label size (``Department/2``): shape, colours
    and font written once, not per node (a font object on each of 5,000 nodes is parsed
    one by one when the page opens)."""
    styles = _styles()
    out = {}
    for cls, font in used:
        s = styles[cls]
        out[_group(cls, font)] = {
            "shape": OUTSIDE_LABEL.get(s["shape"], s["shape"]), "font": {"size": font},
            # no hover colour of its own: merging one more nested object into 5,000 nodes cost a
            # third of their construction (188 → 125 ms, warm)
            "color": {"background": s["fill"], "border": s["color"],
                      "highlight": {"background": "#fff7c2", "border": s["color"]}}}
    return out


def _group(cls: str, font: float) -> str:
    return f"{cls}/{font:g}"


def vis_nodes(nodes: dict[str, NodeInfo], edges: list[EdgeInfo]) -> tuple[list[dict], dict]:
    """One vis node per entity at its precomputed position, and the layout's groups."""
    labels = {nid: _short(n.label) for nid, n in nodes.items()}
    lay = layout(nodes, edges, labels)
    out = []
    for nid, n in nodes.items():
        x, y = lay.pos[nid]
        v = {"id": nid, "label": labels[nid], "group": _group(n.cls, lay.font[nid]), "x": x, "y": y, "size": lay.size[nid]}
        if labels[nid] != n.label:
            v["title"] = n.label
        out.append(v)
    meta = {"scale": round(lay.scale, 6), "groupStyles": _groups(sorted({(n.cls, lay.font[k]) for k, n in nodes.items()})), "community": lay.community, "rank": lay.rank,
            "groups": [{"id": g.id, "label": g.label, "x": g.x, "y": g.y, "r": g.r, "size": g.size} for g in lay.groups]}
    return out, meta


def _options(n_nodes: int, groups: dict[str, dict]) -> dict:
    big = n_nodes > BIG
    return {
        "groups": groups,
        "nodes": {"font": {"face": FONT_STACK, "size": 14, "color": "#1b1b1b", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1,
                  # level of detail: a label is drawn only from 11 px on screen (vis-network draws
                  # it when size × zoom ≥ drawThreshold − 1); the page caps labels at 22 px
                  "scaling": {"label": {"enabled": False, "drawThreshold": 12}}},
        "edges": {"font": {"face": FONT_STACK, "size": 11, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"enabled": False, "drawThreshold": 12}},
                  "smooth": False, "arrows": {"to": {"scaleFactor": 0.5}}, "selectionWidth": 2},
        "physics": {"enabled": False},
        "interaction": {"hover": not big, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "layout": {"randomSeed": 7, "improvedLayout": False},
    }


def _json_for_script(obj: object) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' can end the element or open a tag."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _edge_style(kind: str, n_nodes: int) -> dict:
    """A relation's line. Dashed lines cost the canvas most of a frame on a large graph
    (15,000 edges: 595 ms a frame dashed, 78 ms solid), so there they are solid and told
    apart by colour and width alone."""
    st = dict(EDGE_STYLE[kind])
    if n_nodes > BIG:
        st["dashes"] = False
    return st


def _search_terms(n: NodeInfo) -> list[str]:
    """What a search finds the node by besides its name and aliases: a body's standard
    short forms (kg.names.bodies), e.g. 卫健委 for 嘉定区卫生健康委员会."""
    if n.cls not in ORGANISATION_TYPES:
        return []
    have = {n.label, *n.aliases}
    return [s for s in short_forms(n.label) if s not in have]


def page_data(nodes: dict[str, NodeInfo], edges: list[EdgeInfo]) -> dict:
    vis, meta = vis_nodes(nodes, edges)
    # nodes are numbered in the page (vis ids, edge ends, info by position): an IRI is
    # written once, not on every edge that reaches it; empty lists are left out
    number = {nid: k for k, nid in enumerate(nodes)}
    for v in vis:
        v["id"] = number[v["id"]]
    degree = {nid: 0 for nid in nodes}
    for e in edges:
        degree[e.source] += 1
        degree[e.target] += 1
    info = []
    for nid, n in nodes.items():
        item = {
            "iri": nid, "name": n.label, "degree": degree[nid], "cls": n.cls, "aliases": n.aliases, "short": _search_terms(n),
            "regions": n.regions, "documents": n.documents,
            "cited": [[c.text, c.document, [list(k) for k in c.cited_by]] for c in n.cited],
            "targets": [[q.label, q.year, q.evidence, q.document] for q in n.target_items],
            "measurements": [[q.label, q.year, q.evidence, q.document] for q in n.measurements],
            "community": meta["community"].get(nid, -1), "rank": meta["rank"].get(nid, -1)}
        info.append({k: v for k, v in item.items() if v != []})
    edge_info = [{"from": number[e.source], "to": number[e.target], "kind": e.kind, "evidence": [list(x) for x in e.evidence]}
                 for e in edges]
    # Traditional → Simplified for every Traditional character whose Simplified form the
    # labels use, so a search typed in either script finds the entity
    chars = {ch for i in info for s in [i["name"], *i.get("aliases", []), *i.get("short", [])] for ch in s}
    t2s = {chr(cp): mapped for cp, mapped in sorted(ts_table().items()) if mapped in chars or chr(cp) in chars}
    styles = _styles()
    present = {n.cls for n in nodes.values()}
    return {
        "nodes": vis, "info": info, "edgeInfo": edge_info, "groups": meta["groups"], "fitScale": meta["scale"],
        "options": _options(len(nodes), meta["groupStyles"]),
        "classes": {c: {"zh": s["zh"], "color": s["color"], "shape": s["shape"]} for c, s in styles.items() if c in present or c in CLASS_STYLE},
        "edgeKinds": {k: {"zh": ALL_EDGE_KINDS[k], **_edge_style(k, len(nodes))} for k in EDGE_STYLE},
        "edgeLabels": len(nodes) <= EDGE_LABEL_LIMIT,
        "t2s": t2s,
    }


def render_data(nodes: dict[str, NodeInfo], edges: list[EdgeInfo], title: str = "healthgov-kg explorer") -> str:
    data = page_data(nodes, edges)
    html = TEMPLATE.read_text(encoding="utf-8")
    from html import escape

    return (html.replace("{{TITLE}}", escape(title))
                .replace("{{FONT_STACK}}", FONT_STACK)
                .replace("{{VIS_JS}}", _vis_js().replace("</script", "<\\/script"))
                .replace("{{DATA}}", _json_for_script(data)))


def render_html(store: GraphStore, title: str = "healthgov-kg explorer") -> str:
    """The whole graph as an explorer page."""
    nodes, edges = explorer_data(store, measurements=True)
    return render_data(nodes, edges, title)
