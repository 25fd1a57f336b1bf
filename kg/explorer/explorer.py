"""The explorer: one self-contained HTML file that works offline.

pyvis assembles nodes, edges and vis-network options; the page itself comes from our
own template (``templates/explorer.html``) because pyvis's template always loads
Bootstrap from a CDN and inserts titles as raw HTML. vis-network's script (shipped
inside the pyvis package) is inlined, so opening the file makes no request at all.
Text from documents reaches the page only as JSON (with ``<``, ``>`` and ``&``
escaped) and is put into the DOM with ``textContent``, never as HTML.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.graph.store import GraphStore
from kg.explorer.data import EDGE_KINDS, EdgeInfo, NodeInfo, explorer_data
from kg.textnorm import _opencc_ts_only

TEMPLATE = Path(__file__).with_name("templates") / "explorer.html"
FONT_STACK = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
              '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif')
CLASS_STYLE = {  # colour: border / legend; fill: light background that dark labels read on
    "Department": {"shape": "box", "color": "#2f6db5", "fill": "#dbe8f8", "zh": "政府部门"},
    "Hospital": {"shape": "ellipse", "color": "#c0392b", "fill": "#f8dedb", "zh": "医疗机构"},
    "MedicalConsortium": {"shape": "hexagon", "color": "#8e44ad", "fill": "#8e44ad", "zh": "医联体"},
    "OrganizationGroup": {"shape": "box", "color": "#7f8c8d", "fill": "#eceeee", "zh": "机构群体"},
    "Organization": {"shape": "ellipse", "color": "#95a5a6", "fill": "#f0f2f2", "zh": "其他组织"},
    "Program": {"shape": "dot", "color": "#27ae60", "fill": "#27ae60", "zh": "项目/行动"},
    "Target": {"shape": "triangle", "color": "#e67e22", "fill": "#e67e22", "zh": "目标值"},
    "Region": {"shape": "square", "color": "#8d6e63", "fill": "#8d6e63", "zh": "行政区域"},
    "PolicyDocument": {"shape": "star", "color": "#d4ac0d", "fill": "#d4ac0d", "zh": "政策文件"},
}
EDGE_STYLE = {
    "leads": {"width": 3, "dashes": False, "color": "#2f6db5"},
    "supports": {"width": 1.5, "dashes": [6, 4], "color": "#5dade2"},
    "memberOf": {"width": 1.5, "dashes": [1, 4], "color": "#8e44ad"},
    "partOf": {"width": 0.8, "dashes": False, "color": "#27ae60"},
    "hasTarget": {"width": 0.8, "dashes": False, "color": "#e67e22"},
    "regionPartOf": {"width": 0.8, "dashes": [2, 2], "color": "#8d6e63"},
}
LABEL_LIMIT = 14
PHYSICS_LIMIT = 400  # above this many nodes the layout is computed before the page opens


def _short(label: str, limit: int = LABEL_LIMIT) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _vis_js() -> str:
    base = Path(resources.files("pyvis")) / "templates" / "lib" / "vis-9.1.2"
    return (base / "vis-network.min.js").read_text(encoding="utf-8")


def _layout(nodes: dict[str, NodeInfo], edges: list[EdgeInfo]) -> dict[str, tuple[float, float]]:
    """Fixed positions for large graphs (seeded, so the page is deterministic)."""
    g = nx.Graph()
    g.add_nodes_from(sorted(nodes))
    g.add_edges_from((e.source, e.target) for e in edges)
    pos = nx.spectral_layout(g) if g.number_of_edges() else nx.circular_layout(g)
    if g.number_of_nodes() <= 3000:
        pos = nx.spring_layout(g, pos=pos, iterations=15, seed=7, k=1.5 / max(1, g.number_of_nodes()) ** 0.5)
    scale = 40 * max(10, len(nodes)) ** 0.5
    return {n: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for n, (x, y) in pos.items()}


def build_network(nodes: dict[str, NodeInfo], edges: list[EdgeInfo]) -> Network:
    """A pyvis Network with one vis node per entity and one edge per relation."""
    big = len(nodes) > PHYSICS_LIMIT
    positions = _layout(nodes, edges) if big else {}
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    for nid, n in nodes.items():
        st = CLASS_STYLE[n.cls]
        kw = {}
        if big:
            kw = {"x": positions[nid][0], "y": positions[nid][1], "physics": False}
        net.add_node(nid, label=_short(n.label), shape=st["shape"], title=n.label,
                     color={"background": st["fill"], "border": st["color"],
                            "highlight": {"background": "#fff7c2", "border": st["color"]}}, **kw)
    for e in edges:
        st = EDGE_STYLE[e.kind]
        net.add_edge(e.source, e.target, label=EDGE_KINDS[e.kind], width=st["width"], dashes=st["dashes"],
                     color=st["color"], kind=e.kind, arrows="to")
    return net


def _options(big: bool) -> dict:
    return {
        "nodes": {"font": {"face": FONT_STACK, "size": 14, "color": "#1b1b1b", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "size": 14, "borderWidth": 1, "scaling": {"label": {"enabled": True, "min": 12, "max": 22, "drawThreshold": 2.5}}},
        "edges": {"font": {"face": FONT_STACK, "size": 11, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "smooth": False if big else {"type": "continuous"}, "arrows": {"to": {"scaleFactor": 0.5}}},
        "physics": {"enabled": not big, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -45, "centralGravity": 0.03, "springLength": 90, "avoidOverlap": 0.6},
                    "stabilization": {"enabled": True, "iterations": 400, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "layout": {"randomSeed": 7, "improvedLayout": not big},
    }


def _json_for_script(obj: object) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' can end the element or open a tag."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def page_data(nodes: dict[str, NodeInfo], edges: list[EdgeInfo]) -> dict:
    net = build_network(nodes, edges)
    vis_nodes, vis_edges, *_ = net.get_network_data()
    degree = {nid: 0 for nid in nodes}
    for e in edges:
        degree[e.source] += 1
        degree[e.target] += 1
    info = {nid: {"name": n.label, "degree": degree[nid], "cls": n.cls, "aliases": n.aliases, "regions": n.regions,
                  "evidence": [list(x) for x in n.evidence], "documents": n.documents, "targets": n.targets}
            for nid, n in nodes.items()}
    edge_info = [{"from": e.source, "to": e.target, "kind": e.kind, "evidence": [list(x) for x in e.evidence]} for e in edges]
    for i, ve in enumerate(vis_edges):
        ve["id"] = f"e{i}"
    chars = {ch for n in nodes.values() for s in [n.label, *n.aliases] for ch in s}
    t2s = {ch: mapped for ch in sorted(chars) if (mapped := _opencc_ts_only().get(ord(ch)))}
    return {
        "nodes": vis_nodes, "edges": vis_edges, "info": info, "edgeInfo": edge_info,
        "options": _options(len(nodes) > PHYSICS_LIMIT),
        "classes": {c: {"zh": s["zh"], "color": s["color"], "shape": s["shape"]} for c, s in CLASS_STYLE.items()},
        "edgeKinds": {k: {"zh": EDGE_KINDS[k], **EDGE_STYLE[k]} for k in EDGE_STYLE},
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
    nodes, edges = explorer_data(store)
    return render_data(nodes, edges, title)
