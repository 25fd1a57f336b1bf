"""The entity network of a graph: its nodes (entities with labels, aliases, regions,
evidence, documents, targets, measurements) and edges (lead, support, member, part …),
read out of a graph store by SPARQL. The explorer draws it and analytics measures it.

A node's evidence is every sentence the graph cites for it: its own mention and the
sentence of each relation, target and measurement it takes part in, so the explorer's
panel can show all of them, not only the first mention."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.graph.store import GraphStore
from kg.schema import DRAWN_CLASSES
from kg.sparql import with_prefixes

CLASSES = list(DRAWN_CLASSES)  # kg.schema
EDGE_KINDS = {"leads": "牵头", "supports": "配合", "memberOf": "成员", "partOf": "部分", "hasTarget": "目标", "regionPartOf": "隶属"}
# edges the explorer draws to hg:Measurement nodes; not predicates of their own in the graph:
# a measurement's hg:region, and a program whose sentence or target reports it
MEASUREMENT_EDGE_KINDS = {"measuredIn": "实测地区", "reports": "实测"}
MEASUREMENT = "Measurement"


@dataclass(frozen=True)
class Evidence:
    """One sentence the graph cites, the document it is in, and what cites it there:
    (``mention``, ``target``, ``measurement`` or a relation kind; the other end of the
    relation, or ""; how many times)."""

    text: str
    document: str
    cited_by: tuple[tuple[str, str, int], ...] = ()


@dataclass(frozen=True)
class Quantity:
    """A target or measurement as the panel lists it: label, year and its sentence."""

    id: str
    label: str
    year: str
    evidence: str
    document: str


@dataclass
class NodeInfo:
    id: str
    label: str
    cls: str
    aliases: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    evidence: list[tuple[str, str]] = field(default_factory=list)  # its own mention: (sentence, file)
    documents: list[str] = field(default_factory=list)  # every document that names it or a relation of it
    targets: list[str] = field(default_factory=list)
    cited: list[Evidence] = field(default_factory=list)  # every sentence cited for it, own and its relations'
    target_items: list[Quantity] = field(default_factory=list)
    measurements: list[Quantity] = field(default_factory=list)


@dataclass
class EdgeInfo:
    source: str
    target: str
    kind: str
    evidence: list[tuple[str, str]] = field(default_factory=list)  # the relation's sentences: (sentence, file)


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


def explorer_data(store: GraphStore, measurements: bool = False) -> tuple[dict[str, NodeInfo], list[EdgeInfo]]:
    """Nodes and edges of the drawn classes; with ``measurements`` also one node per
    hg:Measurement (the explorer draws them; analytics and exports do not count them)."""
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
        n.evidence = sorted(evidence[e])
        n.targets = sorted(targets[e])
    cites: dict[str, dict[tuple[str, str], dict[tuple[str, str], int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for e, n in nodes.items():
        for ev, f in n.evidence:
            cites[e][(ev, f)][("mention", "")] += 1
    edge_ev = defaultdict(set)
    for s, p, o, ev, f in _rows(store, "SELECT ?s ?p ?o ?ev ?f WHERE { ?a a hg:RelationAssertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; hg:evidence ?ev ; prov:wasDerivedFrom/hg:fileName ?f }"):
        kind = p.rsplit("#", 1)[-1]
        edge_ev[(s, kind, o)].add((ev, f))
        for x, other in ((s, o), (o, s)):
            if x in nodes:
                cites[x][(ev, f)][(kind, nodes[other].label if other in nodes else "")] += 1
    program_targets: dict[str, list[Quantity]] = defaultdict(list)
    region_targets: dict[str, list[Quantity]] = defaultdict(list)
    for t, label, year, ev, f, p, r in _rows(store, _QUANTITY.format(cls="Target", program="OPTIONAL { ?p hg:hasTarget ?q }")):
        q = Quantity(t, label, year, ev, f)
        if p:
            program_targets[p].append(q)
            if p in nodes:
                cites[p][(ev, f)][("target", label)] += 1
        if r:
            region_targets[r].append(q)
    edges = []
    kinds = " ".join(f"hg:{k}" for k in EDGE_KINDS)
    for s, p, o in _rows(store, f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {kinds} }} ?s ?p ?o }}"):
        kind = p.rsplit("#", 1)[-1]
        if s in nodes and o in nodes:
            edges.append(EdgeInfo(s, o, kind, sorted(edge_ev[(s, kind, o)])))
    region_measures: dict[str, list[Quantity]] = defaultdict(list)
    program_measures: dict[str, list[Quantity]] = defaultdict(list)
    for m, label, year, ev, f, p, r in _rows(store, _QUANTITY.format(cls="Measurement", program=_REPORTED_BY)):
        q = Quantity(m, label, year, ev, f)
        if r and q not in region_measures[r]:
            region_measures[r].append(q)
        if p and q not in program_measures[p]:
            program_measures[p].append(q)
            if p in nodes:
                cites[p][(ev, f)][("measurement", label)] += 1
        if measurements:
            if m not in nodes:
                nodes[m] = NodeInfo(m, label, MEASUREMENT, evidence=[(ev, f)])
            n = nodes[m]
            if r and r in nodes:
                n.regions = sorted(set(n.regions) | {nodes[r].label})
                edges.append(EdgeInfo(m, r, "measuredIn", [(ev, f)]))
            if p and p in nodes:
                edges.append(EdgeInfo(p, m, "reports", [(ev, f)]))
    if measurements:
        for m, n in nodes.items():
            if n.cls == MEASUREMENT:
                for ev, f in n.evidence:
                    cites[m][(ev, f)][("mention", "")] += 1
    for e, n in nodes.items():
        n.target_items = sorted(program_targets[e] + region_targets[e], key=_quantity_key)
        n.target_items = [q for i, q in enumerate(n.target_items) if q not in n.target_items[:i]]
        n.measurements = sorted(region_measures[e] + program_measures[e], key=_quantity_key)
        n.measurements = [q for i, q in enumerate(n.measurements) if q not in n.measurements[:i]]
        n.cited = sorted((Evidence(ev, f, tuple(sorted((k, o, c) for (k, o), c in by.items()))) for (ev, f), by in cites[e].items()),
                         key=lambda x: (x.document, x.text))
        n.documents = sorted(set(docs[e]) | {x.document for x in n.cited})
    edges = list({(e.source, e.kind, e.target): e for e in edges}.values())
    edges.sort(key=lambda e: (e.source, e.kind, e.target))
    return dict(sorted(nodes.items())), edges


# a target's or measurement's label, year, sentence, document, program (if any) and region
_QUANTITY = """SELECT ?q ?l ?y ?ev ?f ?p ?r WHERE {{
  ?q a hg:{cls} ; rdfs:label ?l ; hg:evidence ?ev ; prov:wasDerivedFrom ?d . ?d hg:fileName ?f .
  OPTIONAL {{ ?q hg:year ?y }} OPTIONAL {{ ?q hg:region ?r }} {program} }}"""
# a program reports a measurement stated in its own sentence of the same document, or
# one of the indicator and region of a target it has
_REPORTED_BY = """OPTIONAL { { ?p a hg:Program ; hg:evidence ?ev ; prov:wasDerivedFrom ?d }
  UNION { ?q hg:indicator ?i ; hg:region ?r . ?p hg:hasTarget ?t . ?t hg:indicator ?i ; hg:region ?r } }"""


def _quantity_key(q: Quantity) -> tuple[str, str, str]:
    return (q.year, q.label, q.id)
