"""Export a graph to RDF formats (pyoxigraph) or to GraphML/GEXF (networkx)."""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from kg.analytics import to_networkx
from kg.atomic import write_bytes
from kg.graph.store import FORMATS, GraphStore

NETWORK_FORMATS = ("graphml", "gexf")
EXPORT_FORMATS = ("turtle", "trig", "nt", "nquads", "jsonld") + NETWORK_FORMATS


def export_bytes(store: GraphStore, fmt: str) -> bytes:
    fmt = fmt.lower()
    if fmt in NETWORK_FORMATS:
        g = nx.DiGraph(to_networkx(store))
        for _, _, d in g.edges(data=True):
            d.pop("key", None)
        buf = io.BytesIO()
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(g, buf)
        return buf.getvalue()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")
    return store.serialize(fmt)


def export(store: GraphStore, fmt: str, path: str | Path) -> None:
    write_bytes(path, export_bytes(store, fmt))
