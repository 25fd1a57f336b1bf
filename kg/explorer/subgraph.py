"""Select part of the graph for the explorer: a focus entity and its neighbourhood,
some classes, one region."""
from __future__ import annotations

from kg.errors import KGError
from kg.network import MEASUREMENT, explorer_data
from kg.explorer.explorer import render_data
from kg.graph.store import GraphStore
from kg.schema import DRAWN_CLASSES
from kg.textnorm import fold


def render_subgraph(store: GraphStore, focus: str | None = None, depth: int = 2, classes: list[str] | None = None,
                    region: str | None = None, title: str = "healthgov-kg explorer") -> str:
    nodes, edges = explorer_data(store, measurements=True)
    if classes:
        drawn = (*DRAWN_CLASSES, MEASUREMENT)
        unknown = [c for c in classes if c not in drawn]
        if unknown:
            raise KGError(f"unknown class {unknown[0]!r} ({', '.join(drawn)})")
        nodes = {k: n for k, n in nodes.items() if n.cls in classes}
    if region:
        r = fold(region)
        nodes = {k: n for k, n in nodes.items() if any(fold(x) == r for x in n.regions) or (n.cls == "Region" and fold(n.label) == r)}
    if focus:
        f = fold(focus)
        starts = [k for k, n in nodes.items() if fold(n.label) == f or any(fold(a) == f for a in n.aliases)]
        if not starts:
            starts = [k for k, n in nodes.items() if f in fold(n.label)]
        if not starts:
            raise KGError(f"no entity named {focus!r} in the graph")
        adj: dict[str, set[str]] = {}
        for e in edges:
            if e.source in nodes and e.target in nodes:
                adj.setdefault(e.source, set()).add(e.target)
                adj.setdefault(e.target, set()).add(e.source)
        keep = set(starts)
        frontier = set(starts)
        for _ in range(depth):
            frontier = {m for n in frontier for m in adj.get(n, ())} - keep
            keep |= frontier
        nodes = {k: n for k, n in nodes.items() if k in keep}
    edges = [e for e in edges if e.source in nodes and e.target in nodes]
    return render_data(nodes, edges, title)
