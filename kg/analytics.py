"""Network views of the graph (networkx): counts, centrality and exports for Gephi."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from kg.network import explorer_data
from kg.graph.store import GraphStore
from kg.graph.terms import PREFIXES
from kg.schema import ORGANISATION_TYPES

ORG_CLASSES = set(ORGANISATION_TYPES)  # kg.schema
GOVERNANCE_EDGES = ("leads", "supports", "memberOf")


def to_networkx(store: GraphStore, kinds: tuple[str, ...] | None = None) -> nx.MultiDiGraph:
    """Entities as nodes (label, class, regions), relations as edges (kind)."""
    nodes, edges = explorer_data(store)
    g = nx.MultiDiGraph()
    for nid, n in nodes.items():
        g.add_node(nid, label=n.label, cls=n.cls, regions="、".join(n.regions), aliases="、".join(n.aliases))
    for e in edges:
        if kinds is None or e.kind in kinds:
            g.add_edge(e.source, e.target, key=e.kind, kind=e.kind)
    return g


@dataclass
class Stats:
    classes: list[tuple[str, int]]
    properties: list[tuple[str, int]]
    central: list[tuple[str, str, int, float]]  # label, class, degree, betweenness
    triples: int


def graph_stats(store: GraphStore, top: int = 10) -> Stats:
    classes = Counter()
    for row in store.query_raw("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"):
        classes[_short(row["c"].value)] = int(row["n"].value)
    props = Counter()
    for row in store.query_raw("SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } } GROUP BY ?p"):
        props[_short(row["p"].value)] = int(row["n"].value)
    g = to_networkx(store, GOVERNANCE_EDGES)
    simple = nx.Graph(g)
    btw = nx.betweenness_centrality(simple, normalized=True) if simple.number_of_nodes() <= 5000 else \
        nx.betweenness_centrality(simple, k=500, seed=7, normalized=True)
    orgs = [n for n, d in g.nodes(data=True) if d["cls"] in ORG_CLASSES and g.degree(n) > 0]
    ranked = sorted(orgs, key=lambda n: (-g.degree(n), -btw.get(n, 0.0), g.nodes[n]["label"]))[:top]
    central = [(g.nodes[n]["label"], g.nodes[n]["cls"], g.degree(n), round(btw.get(n, 0.0), 4)) for n in ranked]
    return Stats(sorted(classes.items(), key=lambda kv: (-kv[1], kv[0])), sorted(props.items(), key=lambda kv: (-kv[1], kv[0])),
                 central, len(store))


def _short(iri: str) -> str:
    for name in ("hg", "rdfs", "skos", "prov", "rdf"):
        ns = PREFIXES[name]
        if iri.startswith(ns):
            return f"{name}:{iri[len(ns):]}"
    return iri


def format_stats(st: Stats) -> str:
    from kg.sparql import QueryResult, format_result

    parts = [f"{st.triples} triples", "",
             format_result(QueryResult(["class", "instances"], [[c, str(n)] for c, n in st.classes])), "",
             format_result(QueryResult(["property", "statements"], [[p, str(n)] for p, n in st.properties])), "",
             "Most central organisations (lead/support/member network):",
             format_result(QueryResult(["organisation", "class", "degree", "betweenness"],
                                       [[a, b, str(c), f"{d:.4f}"] for a, b, c, d in st.central]))]
    return "\n".join(parts)
