"""The ontology declares the contract's terms; the vocabulary class matches it."""
import re

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg.graph.vocab import HG
from kg.paths import ONTOLOGY_DIR

CONTRACT_CLASSES = ["Organization", "Department", "Hospital", "MedicalConsortium", "Program", "Target", "Measurement",
                    "Indicator", "Region", "PolicyDocument", "SourceDocument"]
CONTRACT_PROPERTIES = ["leads", "supports", "memberOf", "partOf", "hasTarget", "indicator", "value", "unit", "year",
                       "comparator", "region", "evidence"]


def ontology():
    return rdflib.Graph().parse(ONTOLOGY_DIR / "healthgov.ttl", format="turtle")


def test_contract_terms_declared_with_bilingual_labels():
    g = ontology()
    for name in CONTRACT_CLASSES:
        assert (HG[name], RDF.type, OWL.Class) in g, name
    for name in CONTRACT_PROPERTIES:
        assert any((HG[name], RDF.type, t) in g for t in (OWL.ObjectProperty, OWL.DatatypeProperty)), name
    for term in set(g.subjects(RDF.type, None)):
        if str(term).startswith(str(HG._NS)):
            langs = {l.language for l in g.objects(term, RDFS.label)}
            assert {"zh", "en"} <= langs, term


def test_vocabulary_class_and_ontology_never_drift():
    g = ontology()
    declared = {str(s)[len(str(HG._NS)):] for s in g.subjects(RDF.type, None) if str(s).startswith(str(HG._NS))}
    in_code = set(HG.__annotations__)
    assert declared == in_code


def test_alignments():
    g = ontology()
    assert (HG.Department, RDFS.subClassOf, rdflib.URIRef("http://www.w3.org/ns/org#Organization")) in g
    assert (HG.Indicator, RDFS.subClassOf, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#Concept")) in g
    assert (HG.memberOf, RDFS.subPropertyOf, rdflib.URIRef("http://www.w3.org/ns/org#memberOf")) in g


def test_every_query_file_is_valid_sparql():
    from rdflib.plugins.sparql.parser import parseQuery

    for p in (ONTOLOGY_DIR / "queries").glob("*.rq"):
        text = p.read_text(encoding="utf-8")
        assert re.search(r"^# answers: ", text, re.M), p
        parseQuery(text)


def test_vocab_typo_raises():
    import pytest

    with pytest.raises(AttributeError):
        HG.leadz  # noqa: B018
