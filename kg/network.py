"""The entity network of a graph: its nodes (entities with labels, aliases, regions,
evidence, documents, targets) and edges (lead, support, member, part …), read out of a
graph store by SPARQL. The explorer draws it and analytics measures it."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.graph.store import GraphStore
from kg.schema import DRAWN_CLASSES
from kg.sparql import with_prefixes

CLASSES = list(DRAWN_CLASSES)  # kg.schema
EDGE_KINDS = {"leads": "牵头", "supports": "配合", "memberOf": "成员", "partOf": "部分", "hasTarget": "目标", "regionPartOf": "隶属"}


@dataclass
class NodeInfo:
    id: str
    label: str
    cls: str
    aliases: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    evidence: list[tuple[str, str]] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


@dataclass
class EdgeInfo:
    source: str
    target: str
    kind: str
    evidence: list[tuple[str, str]] = field(default_factory=list)


def _rows(store: GraphStore, q: str) -> list[list[str]]:
    """The rows of a query written with the common prefixes (hg:, rdfs:, …) undeclared."""
    res = store.query_raw(with_prefixes(q)[0])
    cols = [v.value for v in res.variables]
    return [[(sol[c].value if sol[c] is not None else "") for c in cols] for sol in res]


def _grouped(store: GraphStore, q: str) -> dict[str, set]:
    """First column → set of the rest (a value, or a tuple when there are several)."""
    out: dict[str, set] = defaultdict(set)
    for row in _rows(store, q):
        out[row[0]].add(row[1] if len(row) == 2 else tuple(row[1:]))
    return out


def explorer_data(store: GraphStore) -> tuple[dict[str, NodeInfo], list[EdgeInfo]]:
    nodes: dict[str, NodeInfo] = {}
    rank = {c: i for i, c in enumerate(CLASSES)}
    for e, label, c in _rows(store, "SELECT ?e ?l ?c WHERE { ?e a ?c ; rdfs:label ?l . FILTER(STRSTARTS(STR(?c), STR(hg:))) }"):
        cls = c.rsplit("#", 1)[-1]
        if cls not in rank:
            continue
        if e not in nodes or rank[cls] < rank[nodes[e].cls]:
            nodes[e] = NodeInfo(e, label, cls)
    alias = _grouped(store, "SELECT ?e ?a WHERE { ?e skos:altLabel ?a }")
    regions = _grouped(store, "SELECT ?e ?r WHERE { ?e hg:region/rdfs:label ?r }")
    evidence = _grouped(store, "SELECT ?e ?ev ?f WHERE { ?e hg:evidence ?ev ; prov:wasDerivedFrom/hg:fileName ?f }")
    docs = _grouped(store, "SELECT ?e ?f WHERE { ?e prov:wasDerivedFrom/hg:fileName ?f }")
    targets = _grouped(store, "SELECT ?p ?tl WHERE { ?p hg:hasTarget/rdfs:label ?tl }")
    for e, n in nodes.items():
        n.aliases = sorted(alias[e])
        n.regions = sorted(regions[e])
        n.evidence = sorted(evidence[e])[:20]
        n.documents = sorted(docs[e])
        n.targets = sorted(targets[e])
    edge_ev = defaultdict(set)
    for s, p, o, ev, f in _rows(store, "SELECT ?s ?p ?o ?ev ?f WHERE { ?a a hg:RelationAssertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; hg:evidence ?ev ; prov:wasDerivedFrom/hg:fileName ?f }"):
        edge_ev[(s, p.rsplit("#", 1)[-1], o)].add((ev, f))
    edges = []
    kinds = " ".join(f"hg:{k}" for k in EDGE_KINDS)
    for s, p, o in _rows(store, f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {kinds} }} ?s ?p ?o }}"):
        kind = p.rsplit("#", 1)[-1]
        if s in nodes and o in nodes:
            edges.append(EdgeInfo(s, o, kind, sorted(edge_ev[(s, kind, o)])[:10]))
    edges.sort(key=lambda e: (e.source, e.kind, e.target))
    return dict(sorted(nodes.items())), edges
