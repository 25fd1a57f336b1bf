"""rdflib terms ↔ pyoxigraph terms, for the store's rdflib-facing methods.

Kept apart from :mod:`kg.graph.store` so that a build, which never handles rdflib
terms, does not import rdflib (~55 ms of every ``kg build``).
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.graph.terms import XSD_NS


def to_ox(term: object) -> object:
    """rdflib term → pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term: object) -> object:
    """pyoxigraph term → rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value if term.datatype else None
        if dt == XSD_NS + "string":
            dt = None
        return Literal(term.value, datatype=URIRef(dt) if dt else None)
    if term is None or isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"not an RDF term: {term!r}")
