"""Export a graph to RDF formats (pyoxigraph) or to GraphML/GEXF (networkx).

:data:`EXPORTERS` is the one table of export formats: the command's choices and the
dispatch both come from it; a new format is a new entry.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

from typing import TYPE_CHECKING

from kg.atomic import write_bytes
from kg.errors import KGError
from kg.graph.formats import RDF_FORMATS

if TYPE_CHECKING:
    from kg.graph.store import GraphStore

def _network(writer: str) -> Callable[["GraphStore"], bytes]:
    """A network exporter: networkx's ``writer`` (imported when first used: the kg
    command's start-up need not pay for networkx)."""
    def export_network(store: "GraphStore") -> bytes:
        import networkx as nx

        from kg.analytics import to_networkx

        write = getattr(nx, writer)
        g = nx.DiGraph(to_networkx(store))
        for _, _, d in g.edges(data=True):
            d.pop("key", None)
        buf = io.BytesIO()
        write(g, buf)
        return buf.getvalue()
    return export_network


def _rdf(fmt: str) -> Callable[["GraphStore"], bytes]:
    return lambda store: store.serialize(fmt)


# format name → what writes it (RDF through pyoxigraph, networks through networkx)
EXPORTERS: dict[str, Callable[["GraphStore"], bytes]] = {
    **{fmt: _rdf(fmt) for fmt in RDF_FORMATS},
    "graphml": _network("write_graphml"), "gexf": _network("write_gexf"),
}
EXPORT_FORMATS = tuple(EXPORTERS)
NETWORK_FORMATS = ("graphml", "gexf")


def export_bytes(store: "GraphStore", fmt: str) -> bytes:
    fmt = fmt.lower()
    if fmt not in EXPORTERS:
        raise KGError(f"unknown export format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")
    return EXPORTERS[fmt](store)


def export(store: "GraphStore", fmt: str, path: str | Path) -> None:
    write_bytes(path, export_bytes(store, fmt))
