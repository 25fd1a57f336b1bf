"""Turn one document's extraction into RDF quads in that document's named graph.

Every entity, relation (reified as an hg:RelationAssertion), target and measurement
carries prov:wasDerivedFrom the SourceDocument and hg:evidence, the sentence it was
read from. IRIs depend only on class, canonical name and scope, so graphs built
from different document sets merge by plain union.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.extract.model import (
    CONSORTIUM,
    DEPARTMENT,
    GROUP,
    HOSPITAL,
    ORGANIZATION,
    POLICY,
    PROGRAM,
    REGION,
    EntityKey,
    Extraction,
    Quantity,
)
from kg.graph.vocab import HG, RELATION_PROPERTY
from kg.ingest.document import SourceDocument
from kg.resolve.iri import iri, short_hash
from kg.resolve.regions import regions
from kg.textnorm import is_traditional, to_simplified

Quad = ox.Quad


@lru_cache(maxsize=4096)
def N(iri_: str) -> ox.NamedNode:
    """A pyoxigraph named node (cached: vocabulary terms recur in every statement)."""
    return ox.NamedNode(str(iri_))


_DECIMAL = ox.NamedNode(str(XSD.decimal))
_GYEAR = ox.NamedNode(str(XSD.gYear))
_DATE = ox.NamedNode(str(XSD.date))
_BOOLEAN = ox.NamedNode(str(XSD.boolean))

CLASS_OF = {
    DEPARTMENT: HG.Department, HOSPITAL: HG.Hospital, CONSORTIUM: HG.MedicalConsortium, PROGRAM: HG.Program,
    REGION: HG.Region, POLICY: HG.PolicyDocument, ORGANIZATION: HG.Organization, GROUP: HG.OrganizationGroup,
}
ORG_SUBCLASSES = (DEPARTMENT, HOSPITAL, CONSORTIUM, GROUP)
IRI_KIND = {
    DEPARTMENT: "department", HOSPITAL: "hospital", CONSORTIUM: "consortium", PROGRAM: "program", REGION: "region",
    POLICY: "policy", ORGANIZATION: "organization", GROUP: "group",
}


def doc_iri(src: SourceDocument) -> URIRef:
    return iri("doc", src.sha256[:16])


def region_iri(code: str) -> URIRef:
    r = regions().by_code[code]
    return iri("region", f"{r.name}-{code}")


def entity_iri(key: EntityKey) -> URIRef:
    """hgid:<class>/<scope>/<name>: region entities by name and GB/T 2260 code, other
    region-relative names under their region's name."""
    table = regions()
    if key.type == REGION:
        match = [r for r in table.by_name.get(key.name, [])]
        if not key.scope and match:
            code = match[0].code if len(match) == 1 else None
            if code:
                return region_iri(code)
        scope = table.by_code[key.scope].name if key.scope in table.by_code else key.scope
        return iri("region", scope, key.name)
    scope = table.by_code[key.scope].name if key.scope in table.by_code else key.scope
    return iri(IRI_KIND[key.type], scope, key.name)


def _lit(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh-Hant" if is_traditional(text) else "zh")


def _plain(text: str) -> ox.Literal:
    return ox.Literal(text)


def _decimal(v: float) -> ox.Literal:
    d = Decimal(repr(v)).normalize()
    return ox.Literal(format(d, "f"), datatype=_DECIMAL)


def _year(y: int) -> ox.Literal:
    return ox.Literal(f"{y:04d}", datatype=_GYEAR)


_TRUE = ox.Literal("true", datatype=_BOOLEAN)


class QuadBuilder:
    def __init__(self, src: SourceDocument, ex: Extraction) -> None:
        self.src = src
        self.ex = ex
        self.g = N(doc_iri(src))
        self.quads: list[Quad] = []
        self.entities: dict[EntityKey, ox.NamedNode] = {}
        self.region_by_code: dict[str, ox.NamedNode] = {}

    def add(self, s: ox.NamedNode, p: object, o: object) -> None:
        self.quads.append(ox.Quad(s, p if isinstance(p, ox.NamedNode) else N(str(p)), N(str(o)) if isinstance(o, URIRef) else o,
                                  self.g))

    def provenance(self, node: ox.NamedNode, offset: int) -> None:
        self.add(node, PROV.wasDerivedFrom, self.g)
        ev = self.ex.evidence(offset)
        if ev:
            self.add(node, HG.evidence, _lit(ev))

    # -----------------------------------------------------------------
    def source_document(self) -> None:
        s, g = self.src, self.g
        self.add(g, RDF.type, HG.SourceDocument)
        self.add(g, RDF.type, PROV.Entity)
        self.add(g, RDFS.label, _plain(s.name))
        self.add(g, HG.fileName, _plain(s.name))
        self.add(g, HG.sha256, _plain(s.sha256))
        self.add(g, HG.encoding, _plain(s.encoding))
        self.add(g, HG.format, _plain(s.format))
        self.add(g, HG.droppedShare, _decimal(round(s.dropped_share, 4)))
        if s.title:
            self.add(g, HG.title, _lit(s.title))
        if s.date:
            self.add(g, HG.date, ox.Literal(s.date, datatype=_DATE))
        if s.issuer:
            self.add(g, HG.issuer, _lit(s.issuer))
        if s.doc_number:
            self.add(g, HG.documentNumber, _plain(s.doc_number))
        if self.ex.region_code and self.ex.region_code in self.region_by_code:
            self.add(g, HG.region, self.region_by_code[self.ex.region_code])

    def entities_(self) -> None:
        surfaces: dict[EntityKey, list[str]] = defaultdict(list)
        first: dict[EntityKey, int] = {}
        region_of: dict[EntityKey, str] = {}
        codes: dict[EntityKey, str] = {}
        for m in self.ex.mentions:
            surfaces[m.key].append(m.surface)
            if m.key not in first or m.start < first[m.key]:
                first[m.key] = m.start
            if m.region and m.key not in region_of:
                region_of[m.key] = m.region
            if m.admin_code:
                codes[m.key] = m.admin_code
        # regions first, so other entities can point at them
        for key in sorted(surfaces, key=lambda k: (k.type != REGION, k.type, k.name, k.scope)):
            node = N(region_iri(codes[key]) if key.type == REGION and key in codes else entity_iri(key))
            self.entities[key] = node
            if key.type == REGION and key in codes:
                self.region_by_code[codes[key]] = node
        for key, node in sorted(self.entities.items(), key=lambda kv: kv[1].value):
            self.add(node, RDF.type, CLASS_OF[key.type])
            if key.type in ORG_SUBCLASSES:
                self.add(node, RDF.type, HG.Organization)
            self.add(node, RDFS.label, ox.Literal(key.name, language="zh"))
            alts = set()
            for s in surfaces[key]:
                s = "".join(s.split())
                if not s or s == key.name:
                    continue
                if is_traditional(s):
                    alts.add((s, "zh-Hant"))
                    simp = to_simplified(s)
                    if simp != key.name:
                        alts.add((simp, "zh-Hans"))
                else:
                    alts.add((s, "zh"))
            for text, lang in sorted(alts, key=lambda x: (x[1], x[0])):
                self.add(node, SKOS.altLabel, ox.Literal(text, language=lang))
            if key.type == REGION and key in codes:
                self.add(node, HG.adminCode, _plain(codes[key]))
            reg = region_of.get(key, "")
            if key.type != REGION and reg in self.region_by_code:
                self.add(node, HG.region, self.region_by_code[reg])
            self.provenance(node, first[key])
        self._region_hierarchy(codes)

    def _region_hierarchy(self, codes: dict[EntityKey, str]) -> None:
        """Link each region to its nearest ancestor that this document also names."""
        table = regions()
        present = set(self.region_by_code)
        for key, code in codes.items():
            for anc in table.ancestors(table.by_code[code]):
                if anc.code in present:
                    self.add(self.entities[key], HG.regionPartOf, self.region_by_code[anc.code])
                    break
        for key, node in self.entities.items():
            if key.type == REGION and key not in codes and key.scope in present:
                self.add(node, HG.regionPartOf, self.region_by_code[key.scope])

    def relations(self) -> None:
        for r in self.ex.relations:
            s = self.entities.get(r.source)
            o = self.entities.get(r.target)
            if s is None or o is None:
                continue
            p = N(RELATION_PROPERTY[r.kind])
            self.add(s, p, o)
            a = N(iri("assertion", short_hash(s.value, p.value, o.value, self.src.sha256)))
            self.add(a, RDF.type, HG.RelationAssertion)
            self.add(a, RDF.subject, s)
            self.add(a, RDF.predicate, p)
            self.add(a, RDF.object, o)
            if r.cue:
                self.add(a, HG.cue, _plain(r.cue))
            self.add(a, PROV.wasDerivedFrom, self.g)
            ev = self.ex.text[r.start:r.end].strip()
            if len(ev) > 300:
                ev = self.ex.evidence(r.start)
            if ev:
                self.add(a, HG.evidence, _lit(ev))

    def quantities(self) -> None:
        for q in self.ex.quantities:
            if q.kind == "target" and q.year is None:
                continue  # a target is for a year; without one it is not a Target
            ind = N(iri("indicator", q.indicator))
            self.add(ind, RDF.type, HG.Indicator)
            self.add(ind, RDF.type, SKOS.Concept)
            self.add(ind, RDFS.label, ox.Literal(q.indicator, language="zh"))
            self.provenance(ind, q.start)
            value_text = format(Decimal(repr(q.value)).normalize(), "f")
            node = N(self._quantity_node(q, value_text))
            cls = HG.Target if q.kind == "target" else HG.Measurement
            self.add(node, RDF.type, cls)
            label = f"{q.indicator} {q.comparator}{value_text}{q.unit}" + (f"（{q.year}年）" if q.year else "")
            self.add(node, RDFS.label, ox.Literal(label, language="zh"))
            self.add(node, HG.indicator, ind)
            self.add(node, HG.value, _decimal(q.value))
            if q.unit:
                self.add(node, HG.unit, _plain(q.unit))
            if q.year is not None:
                self.add(node, HG.year, _year(q.year))
            if q.comparator:
                self.add(node, HG.comparator, _plain(q.comparator))
            if q.relative:
                self.add(node, HG.relative, _TRUE)
                if q.baseline_year:
                    self.add(node, HG.baselineYear, _year(q.baseline_year))
            if q.approximate:
                self.add(node, HG.approximate, _TRUE)
            if q.region in self.region_by_code:
                self.add(node, HG.region, self.region_by_code[q.region])
            if q.program is not None and q.program in self.entities:
                self.add(self.entities[q.program], HG.hasTarget, node)
            self.provenance(node, q.start)

    def _quantity_node(self, q: Quantity, value_text: str) -> URIRef:
        if q.kind == "target":
            owner = self.entities[q.program].value.rsplit("/id/", 1)[-1] if q.program in self.entities else (
                regions().by_code[q.region].name if q.region in regions().by_code else "")
            return iri("target", owner, q.indicator, q.year, value_text)
        where = regions().by_code[q.region].name if q.region in regions().by_code else ""
        return iri("measurement", where, q.indicator, q.year if q.year else "na", value_text + q.unit)

    def build(self) -> list[Quad]:
        self.entities_()
        self.source_document()
        self.relations()
        self.quantities()
        return self.quads


def document_quads(src: SourceDocument, ex: Extraction) -> list[Quad]:
    """All quads of one document, in its own named graph (pyoxigraph terms)."""
    return QuadBuilder(src, ex).build()

