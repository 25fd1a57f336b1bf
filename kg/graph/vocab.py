"""The hg: vocabulary as a typed namespace; a test checks it against ontology/healthgov.ttl."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

HGID = Namespace("https://w3id.org/healthgov-kg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")


class HG(DefinedNamespace):
    """healthgov-kg ontology terms (see ontology/healthgov.ttl); a typo raises."""

    _NS = Namespace("https://w3id.org/healthgov-kg/ontology#")
    _fail = True

    # classes
    Organization: URIRef       # any organisation
    Department: URIRef         # a government body or office
    Hospital: URIRef           # a medical institution
    MedicalConsortium: URIRef  # 医联体, 医共体, 专科联盟, 健康联合体
    OrganizationGroup: URIRef  # a collective named as one end of a relation
    Program: URIRef            # a named action, plan, project, campaign or platform
    Target: URIRef             # a value set for a future year
    Measurement: URIRef        # a value reported as achieved
    Indicator: URIRef          # what a target or measurement measures
    Region: URIRef             # an administrative area
    PolicyDocument: URIRef     # a cited document
    SourceDocument: URIRef     # an input document
    RelationAssertion: URIRef  # a reified relation with its evidence

    # object properties
    leads: URIRef
    supports: URIRef
    memberOf: URIRef
    partOf: URIRef
    regionPartOf: URIRef
    hasTarget: URIRef
    indicator: URIRef
    region: URIRef

    # datatype properties
    value: URIRef
    unit: URIRef
    year: URIRef
    comparator: URIRef
    relative: URIRef
    approximate: URIRef
    baselineYear: URIRef
    evidence: URIRef
    cue: URIRef
    adminCode: URIRef
    fileName: URIRef
    sha256: URIRef
    title: URIRef
    date: URIRef
    issuer: URIRef
    documentNumber: URIRef
    encoding: URIRef
    format: URIRef
    droppedShare: URIRef


PREFIXES = {
    "hg": str(HG._NS),
    "hgid": str(HGID),
    "org": str(ORG),
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": str(SCHEMA),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}

RELATION_PROPERTY = {"lead": HG.leads, "support": HG.supports, "member": HG.memberOf, "part": HG.partOf}
