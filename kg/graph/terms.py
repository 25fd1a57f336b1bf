"""The vocabulary as plain IRI strings, for the code that writes statements as text.

A build writes N-Triples strings and never needs rdflib's term objects; importing
rdflib would add ~55 ms to every ``kg build``. :mod:`kg.graph.vocab` makes rdflib
namespaces of these same terms for rdflib users, and a test checks them against
``kg/ontology/healthgov.ttl``.
"""
from __future__ import annotations

from kg.schema import TYPES

HG_NS = "https://w3id.org/healthgov-kg/ontology#"
HGID_NS = "https://w3id.org/healthgov-kg/id/"
ORG_NS = "http://www.w3.org/ns/org#"
SCHEMA_NS = "https://schema.org/"
PROV_NS = "http://www.w3.org/ns/prov#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
OWL_NS = "http://www.w3.org/2002/07/owl#"

PREFIXES = {
    "hg": HG_NS,
    "hgid": HGID_NS,
    "org": ORG_NS,
    "prov": PROV_NS,
    "skos": SKOS_NS,
    "schema": SCHEMA_NS,
    "rdfs": RDFS_NS,
    "rdf": RDF_NS,
    "xsd": XSD_NS,
    "owl": OWL_NS,
}

# every hg: term, with what it names (see kg/ontology/healthgov.ttl)
HG_TERMS = {
    # classes: the node classes of kg/schema.py, then the classes of the graph's own records
    **{t.name: t.en for t in TYPES},
    "Measurement": "a value reported as achieved",
    "Indicator": "what a target or measurement measures",
    "SourceDocument": "an input document",
    "RelationAssertion": "a reified relation with its evidence",
    # object properties
    "leads": "", "supports": "", "memberOf": "", "partOf": "", "regionPartOf": "", "hasTarget": "",
    "indicator": "", "region": "",
    # datatype properties
    "value": "", "unit": "", "year": "", "comparator": "", "relative": "", "approximate": "", "baselineYear": "",
    "direction": "", "baseline": "",
    "evidence": "", "cue": "", "adminCode": "", "fileName": "", "sha256": "", "title": "", "date": "",
    "issuer": "", "documentNumber": "", "encoding": "", "format": "", "droppedShare": "",
    "jurisdictionBasis": "", "jurisdictionUncertain": "",
}

# relation kind (what extraction finds) → the hg: property that states it
RELATION_TERM = {"lead": "leads", "support": "supports", "member": "memberOf", "part": "partOf"}


def hg(name: str) -> str:
    """The IRI of hg:``name``; a name the vocabulary lacks raises (a typo must not
    write a term nobody declared)."""
    if name not in HG_TERMS:
        raise KeyError(f"hg:{name} is not a term of the vocabulary")
    return HG_NS + name
