"""The hg: vocabulary as rdflib namespaces; a test checks it against kg/ontology/healthgov.ttl.

The terms themselves are listed once, as strings, in :mod:`kg.graph.terms` (which the
build uses without importing rdflib).
"""
from __future__ import annotations

import types

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.graph.terms import (
    HG_NS,
    HG_TERMS,
    HGID_NS,
    ORG_NS,
    PREFIXES,
    RELATION_TERM,
    SCHEMA_NS,
)

HGID = Namespace(HGID_NS)
ORG = Namespace(ORG_NS)
SCHEMA = Namespace(SCHEMA_NS)


def _hg_body(ns: dict) -> None:
    ns["__doc__"] = "healthgov-kg ontology terms (see kg/ontology/healthgov.ttl); a typo raises."
    ns["__module__"] = __name__
    ns["_NS"] = Namespace(HG_NS)
    ns["_fail"] = True
    ns["__annotations__"] = {name: URIRef for name in HG_TERMS}


HG = types.new_class("HG", (DefinedNamespace,), exec_body=_hg_body)

RELATION_PROPERTY = {kind: HG[name] for kind, name in RELATION_TERM.items()}

__all__ = ["HG", "HGID", "ORG", "PREFIXES", "RELATION_PROPERTY", "SCHEMA"]
