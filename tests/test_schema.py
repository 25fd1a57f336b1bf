"""kg.schema, the one table of node classes, against the ontology and the shapes."""
from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.namespace import SH

from kg.paths import ONTOLOGY_DIR
from kg.schema import BY_NAME, HG, MENTION_TYPES, ORGANISATION_TYPES, SCORED_TYPES, TYPES

ONT = rdflib.Graph().parse(ONTOLOGY_DIR / "healthgov.ttl", format="turtle")
SHAPES = rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


def test_every_type_is_a_class_of_the_ontology_with_its_labels():
    for t in TYPES:
        cls = rdflib.URIRef(t.hg_class)
        assert (cls, RDF.type, OWL.Class) in ONT, t.name
        labels = {(str(o), o.language) for o in ONT.objects(cls, RDFS.label)}
        assert (t.zh, "zh") in labels and (t.en, "en") in labels, (t.name, labels)


def test_organisations_are_the_subclasses_of_organization():
    org = rdflib.URIRef(HG + "Organization")
    subclasses = {str(s).removeprefix(HG) for s in ONT.subjects(RDFS.subClassOf, org)}
    assert set(ORGANISATION_TYPES) == subclasses | {"Organization"}


def test_the_shapes_name_every_class_that_is_written():
    for shape in ("LabelledEntityShape", "ProvenanceShape"):
        targets = {str(o).removeprefix(HG) for o in SHAPES.objects(rdflib.URIRef(HG + shape), SH.targetClass)}
        assert set(BY_NAME) <= targets, (shape, set(BY_NAME) - targets)


def test_the_lists_elsewhere_are_the_tables():
    from kg.analytics import ORG_CLASSES
    from kg.network import CLASSES
    from kg.explorer.explorer import CLASS_STYLE
    from kg.extract.relations import ORG_TYPES
    from kg.graph.builder import CLASS_OF, IRI_KIND
    from kg.scoring import TYPES as SCORED

    assert set(CLASS_OF) == set(MENTION_TYPES) == set(IRI_KIND) - {"Target"}
    assert set(ORG_TYPES) == ORG_CLASSES == set(ORGANISATION_TYPES)
    assert CLASSES == [t.name for t in TYPES] and set(CLASS_STYLE) == set(CLASSES)
    assert SCORED == list(SCORED_TYPES)
    # the scorer's types are FORMAT.md's
    assert set(SCORED) == {"Department", "Hospital", "MedicalConsortium", "Program", "Region", "PolicyDocument"}
