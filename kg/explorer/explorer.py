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

from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from kg.network import EDGE_KINDS, EdgeInfo, NodeInfo, explorer_data
from kg.graph.store import GraphStore
from kg.schema import TYPES
from kg.textnorm import ts_table

TEMPLATE = Path(__file__).with_name("templates") / "explorer.html"
FONT_STACK = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
              '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif')
# colour: border / legend; fill: light background that dark labels read on (kg.schema)
CLASS_STYLE = {t.name: {"shape": t.shape, "color": t.color, "fill": t.fill, "zh": t.zh} for t in TYPES}
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
    """Fixed positions for large graphs: Fruchterman–Reingold in igraph's C core over the
    connected entities, scaled so that their shapes have room (~90 px of side per
    sqrt(node)); unconnected entities (hidden until asked for) go on a ring outside.
    Measured on 5,000 nodes and 15,000 edges (bench/bench_render.py): igraph FR with its
    grid 0.9 s; networkx spring_layout 53 s, spectral_layout 60 s, forceatlas2_layout
    (30 iterations) 41 s. Seeded, so the page is deterministic."""
    import math
    import random

    import igraph

    linked = sorted({e.source for e in edges} | {e.target for e in edges})
    lonely = sorted(set(nodes) - set(linked))
    index = {n: i for i, n in enumerate(linked)}
    n = max(1, len(linked))
    out: dict[str, tuple[float, float]] = {}
    if linked:
        g = igraph.Graph(n=len(linked), edges=sorted({(index[e.source], index[e.target]) for e in edges}))
        # igraph's grid keeps FR near-linear only when the start is spread over ~sqrt(n);
        # seeded generators (for the start and igraph's own RNG) make the layout repeatable
        rng = random.Random(7)
        igraph.set_random_number_generator(random.Random(11))
        side = math.sqrt(n)
        seed = [[rng.uniform(-side, side), rng.uniform(-side, side)] for _ in range(n)]
        try:
            coords = g.layout_fruchterman_reingold(niter=300, seed=seed, grid="auto").coords
        finally:
            igraph.set_random_number_generator(random)
        xs = sorted(c[0] for c in coords)
        ys = sorted(c[1] for c in coords)
        # robust spread (5th–95th percentile): a few far-flung components must not
        # squeeze the rest into a blob
        lo, hi = int(0.05 * (n - 1)), int(0.95 * (n - 1))
        spread = max(xs[hi] - xs[lo], ys[hi] - ys[lo], 1e-9)
        scale = 0.9 * 90 * math.sqrt(n) / spread
        cx, cy = (xs[hi] + xs[lo]) / 2, (ys[hi] + ys[lo]) / 2
        for nid, i in index.items():
            out[nid] = (round((coords[i][0] - cx) * scale, 1), round((coords[i][1] - cy) * scale, 1))
    radius = 60 * math.sqrt(n) + 200
    for k, nid in enumerate(lonely):
        a = 2 * math.pi * k / max(1, len(lonely))
        out[nid] = (round(radius * math.cos(a), 1), round(radius * math.sin(a), 1))
    return out


def build_network(nodes: dict[str, NodeInfo], edges: list[EdgeInfo]) -> Network:
    """A pyvis Network with one vis node per entity and one edge per relation.

    Nodes and edges are made with pyvis's own Node and Edge classes but appended
    directly: ``Network.add_node``/``add_edge`` scan lists for duplicates on every call,
    which is quadratic (4 s for 15,000 edges); ours are unique by construction."""
    big = len(nodes) > PHYSICS_LIMIT
    positions = _layout(nodes, edges) if big else {}
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    for nid, n in nodes.items():
        st = CLASS_STYLE[n.cls]
        kw = {"x": positions[nid][0], "y": positions[nid][1], "physics": False} if big else {}
        node = Node(nid, st["shape"], label=_short(n.label), title=n.label, font_color=net.font_color,
                    color={"background": st["fill"], "border": st["color"],
                           "highlight": {"background": "#fff7c2", "border": st["color"]}}, **kw)
        net.nodes.append(node.options)
        net.node_ids.append(nid)
        net.node_map[nid] = node.options
    known = set(net.node_ids)
    for e in edges:
        if e.source not in known or e.target not in known:
            raise ValueError(f"edge to an unknown node: {e.source} → {e.target}")
        st = EDGE_STYLE[e.kind]
        label = {} if big else {"label": EDGE_KINDS[e.kind]}  # 15,000 edge labels would cost seconds per frame
        net.edges.append(Edge(e.source, e.target, True, width=st["width"], dashes=st["dashes"], color=st["color"],
                              kind=e.kind, arrows="to", **label).options)
    return net


def _options(big: bool) -> dict:
    return {
        "nodes": {"font": {"face": FONT_STACK, "size": 14, "color": "#1b1b1b", "strokeWidth": 0 if big else 3, "strokeColor": "#ffffff"},
                  "size": 14, "borderWidth": 1,
                  # on a large graph labels appear as the user zooms in, not all at once
                  "scaling": {"label": {"enabled": True, "drawThreshold": 9 if big else 2.5}}},
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
    # Traditional → Simplified for every Traditional character whose Simplified form the
    # labels use, so a search typed in either script finds the entity
    chars = {ch for n in nodes.values() for s in [n.label, *n.aliases] for ch in s}
    t2s = {chr(cp): mapped for cp, mapped in sorted(ts_table().items()) if mapped in chars or chr(cp) in chars}
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
