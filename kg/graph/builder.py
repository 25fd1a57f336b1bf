"""Turn one document's extraction into RDF statements in that document's named graph.

Every entity, relation (reified as an hg:RelationAssertion), target and measurement
carries prov:wasDerivedFrom the SourceDocument and hg:evidence, the sentence it was
read from. IRIs depend only on class, canonical name and scope, so graphs built
from different document sets merge by plain union.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

from kg.extract.model import (
    EVIDENCE_LIMIT,
    REGION,
    EntityKey,
    Extraction,
    Quantity,
)
from kg.graph import ntriples as nt
from kg.graph.terms import PROV_NS, RDF_NS, RDFS_NS, RELATION_TERM, SKOS_NS, XSD_NS, hg
from kg.graph.documents import DocumentGraph
from kg.ingest.document import SourceDocument
from kg.graph.iri import assertion_iri, doc_iri, entity_iri, indicator_iri, measurement_iri, region_iri, target_iri
from kg.names.indicators import SCHEME_IRI, match as indicator_concept, scheme as indicator_scheme
from kg.names.regions import regions
from kg.schema import IRI_SEGMENT, ORGANISATION_SUBCLASSES, TYPES
from kg.textnorm import is_traditional, to_simplified

# Vocabulary terms, formatted once
_H = {n: nt.iri(hg(n)) for n in (
    "SourceDocument", "RelationAssertion", "Indicator", "Target", "Measurement", "Organization",
    "fileName", "sha256", "encoding", "format", "droppedShare", "title", "date", "issuer",
    "documentNumber", "region", "adminCode", "regionPartOf", "cue", "evidence", "indicator", "value",
    "unit", "year", "comparator", "relative", "baselineYear", "direction", "baseline", "approximate", "hasTarget", "jurisdictionBasis",
    "jurisdictionUncertain")}
TYPE = nt.iri(RDF_NS + "type")
LABEL = nt.iri(RDFS_NS + "label")
ALT_LABEL = nt.iri(SKOS_NS + "altLabel")
CONCEPT = nt.iri(SKOS_NS + "Concept")
DERIVED_FROM = nt.iri(PROV_NS + "wasDerivedFrom")
PROV_ENTITY = nt.iri(PROV_NS + "Entity")
R_SUBJECT, R_PREDICATE, R_OBJECT = (nt.iri(RDF_NS + t) for t in ("subject", "predicate", "object"))
_DECIMAL, _GYEAR, _DATE, _BOOLEAN = (XSD_NS + t for t in ("decimal", "gYear", "date", "boolean"))

CLASS_OF = {t.name: t.hg_class for t in TYPES if t.mention}  # entity type → the IRI of its class (kg.schema)
_CLASS_TERM = {k: nt.iri(v) for k, v in CLASS_OF.items()}
_TYPE_PAIR = {k: (TYPE, term) for k, term in _CLASS_TERM.items()}
_ORGANIZATION_PAIR = (TYPE, _H["Organization"])
_INDICATOR_PAIR, _CONCEPT_PAIR = (TYPE, _H["Indicator"]), (TYPE, CONCEPT)
_TARGET_PAIR, _MEASUREMENT_PAIR = (TYPE, _H["Target"]), (TYPE, _H["Measurement"])
_RELATION_TERM = {kind: (hg(name), nt.iri(hg(name))) for kind, name in RELATION_TERM.items()}
ORG_SUBCLASSES = ORGANISATION_SUBCLASSES
IRI_KIND = IRI_SEGMENT


def _lit(text: str) -> str:
    return nt.literal(text, "zh-Hant" if is_traditional(text) else "zh")


def _decimal_text(v: float) -> str:
    """The xsd:decimal lexical form of a value."""
    return _decimal_of_repr(repr(v))


@lru_cache(maxsize=4096)
def _decimal_of_repr(text: str) -> str:
    # memoised by repr, not by value: 0.0 == -0.0 would share one entry, whichever came first
    return format(Decimal(text).normalize(), "f")


def _decimal(v: float) -> str:
    return nt.typed(_decimal_text(v), _DECIMAL)


@lru_cache(maxsize=512)
def _year(y: int) -> str:
    return nt.typed(f"{y:04d}", _GYEAR)


@lru_cache(maxsize=1024)
def _plain(text: str) -> str:
    """A plain literal of a small vocabulary (units, comparators)."""
    return nt.literal(text)


_TRUE = nt.typed("true", _BOOLEAN)
_SKOS_LINK = {r: nt.iri(SKOS_NS + r) for r in ("exactMatch", "broader")}


@lru_cache(maxsize=512)
def _concept_pairs(iri: str) -> tuple[tuple[str, str], ...]:
    c = indicator_scheme().concepts[iri]
    return ((TYPE, CONCEPT), (nt.iri(SKOS_NS + "inScheme"), nt.iri(SCHEME_IRI)),
            (nt.iri(SKOS_NS + "notation"), nt.literal(c.notation)),
            (nt.iri(SKOS_NS + "prefLabel"), nt.literal(c.label, "zh")))


class StatementBuilder:
    """Writes one document's statements; terms are N-Triples strings (kg.graph.ntriples)."""

    def __init__(self, src: SourceDocument, ex: Extraction) -> None:
        self.src = src
        self.ex = ex
        self.graph = doc_iri(src)
        self.g = nt.iri(self.graph)
        self.pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)  # subject → [(p, o), …]
        self.entities: dict[EntityKey, str] = {}  # key → N-Triples term ("<iri>")
        self.region_by_code: dict[str, str] = {}
        self._literals: dict[str, str] = {}
        self._derived_from = (DERIVED_FROM, self.g)
        # evidence, labels and surfaces are cut from the document: if it holds no
        # Traditional character, none of them does (one test instead of thousands)
        self._traditional = is_traditional(ex.text) or is_traditional(src.title or "") or is_traditional(src.issuer or "")

    def add(self, s: str, p: str, o: str) -> None:
        self.pairs[s].append((p, o))

    def provenance(self, node: str, offset: int) -> None:
        pairs = self.pairs[node]
        pairs.append(self._derived_from)
        ev = self.ex.evidence(offset)
        if ev:
            pairs.append((_H["evidence"], self.text_literal(ev)))

    def text_literal(self, text: str) -> str:
        """A zh / zh-Hant literal, memoised: several entities share an evidence sentence."""
        term = self._literals.get(text)
        if term is None:
            term = self._literals[text] = _lit(text) if self._traditional else nt.literal(text, "zh")
        return term

    # -----------------------------------------------------------------
    def source_document(self) -> None:
        s, g, H = self.src, self.g, _H
        self.add(g, TYPE, H["SourceDocument"])
        self.add(g, TYPE, PROV_ENTITY)
        self.add(g, LABEL, nt.literal(s.name))
        self.add(g, H["fileName"], nt.literal(s.name))
        self.add(g, H["sha256"], nt.literal(s.sha256))
        self.add(g, H["encoding"], nt.literal(s.encoding))
        self.add(g, H["format"], nt.literal(s.format))
        self.add(g, H["droppedShare"], _decimal(round(s.dropped_share, 4)))
        if s.title:
            self.add(g, H["title"], _lit(s.title))
        if s.date:
            self.add(g, H["date"], nt.typed(s.date, _DATE))
        if s.issuer:
            self.add(g, H["issuer"], _lit(s.issuer))
        if s.doc_number:
            self.add(g, H["documentNumber"], nt.literal(s.doc_number))
        if self.ex.region_code and self.ex.region_code in self.region_by_code:
            self.add(g, H["region"], self.region_by_code[self.ex.region_code])
        found = self.ex.jurisdiction
        if found is not None:
            self.add(g, H["jurisdictionBasis"], nt.literal(found.basis))
            if not found.certain:
                self.add(g, H["jurisdictionUncertain"], _TRUE)

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
            value = region_iri(codes[key]) if key.type == REGION and key in codes else entity_iri(key)
            self.entities[key] = node = nt.iri(value)
            if key.type == REGION and key in codes:
                self.region_by_code[codes[key]] = node
        # (the order of statements here is free: DocumentGraph sorts them)
        for key, node in self.entities.items():
            pairs = self.pairs[node]
            pairs.append(_TYPE_PAIR[key.type])
            if key.type in ORG_SUBCLASSES:
                pairs.append(_ORGANIZATION_PAIR)
            pairs.append((LABEL, nt.literal(key.name, "zh")))
            alts = set()
            for s in set(surfaces[key]):
                s = "".join(s.split())
                if not s or s == key.name:
                    continue
                if self._traditional and is_traditional(s):
                    alts.add((s, "zh-Hant"))
                    simp = to_simplified(s)
                    if simp != key.name:
                        alts.add((simp, "zh-Hans"))
                else:
                    alts.add((s, "zh"))
            for text, lang in alts:
                pairs.append((ALT_LABEL, nt.literal(text, lang)))
            if key.type == REGION and key in codes:
                pairs.append((_H["adminCode"], nt.literal(codes[key])))
            reg = region_of.get(key, "")
            if key.type != REGION and reg in self.region_by_code:
                pairs.append((_H["region"], self.region_by_code[reg]))
            self.provenance(node, first[key])
        self._region_hierarchy(codes)

    def _region_hierarchy(self, codes: dict[EntityKey, str]) -> None:
        """Link each region to its nearest ancestor that this document also names."""
        table = regions()
        present = set(self.region_by_code)
        for key, code in codes.items():
            for anc in table.ancestors(table.by_code[code]):
                if anc.code in present:
                    self.add(self.entities[key], _H["regionPartOf"], self.region_by_code[anc.code])
                    break
        for key, node in self.entities.items():
            if key.type == REGION and key not in codes and key.scope in present:
                self.add(node, _H["regionPartOf"], self.region_by_code[key.scope])

    def relations(self) -> None:
        for r in self.ex.relations:
            s = self.entities.get(r.source)
            o = self.entities.get(r.target)
            if s is None or o is None:
                continue
            p_value, p = _RELATION_TERM[r.kind]
            self.add(s, p, o)
            a = "<" + assertion_iri(s[1:-1], p_value, o[1:-1], self.src.sha256) + ">"  # hex: no check needed
            self.add(a, TYPE, _H["RelationAssertion"])
            self.add(a, R_SUBJECT, s)
            self.add(a, R_PREDICATE, p)
            self.add(a, R_OBJECT, o)
            if r.cue:
                self.add(a, _H["cue"], nt.literal(r.cue))
            self.add(a, DERIVED_FROM, self.g)
            ev = self.ex.text[r.start:r.end].strip()
            if len(ev) > EVIDENCE_LIMIT:
                ev = self.ex.evidence(r.start)
            if ev:
                self.add(a, _H["evidence"], self.text_literal(ev))

    def quantities(self) -> None:
        H = _H
        for q in self.ex.quantities:
            ind = nt.iri(indicator_iri(q.indicator))
            self.pairs[ind] += (_INDICATOR_PAIR, _CONCEPT_PAIR, (LABEL, nt.literal(q.indicator, "zh")))
            self.provenance(ind, q.start)
            self._indicator_concept(ind, q.indicator)
            value_text = _decimal_text(q.value)
            node = nt.iri(self._quantity_node(q, value_text))
            label = f"{q.indicator} {q.comparator}{value_text}{q.unit}" + (f"（{q.year}年）" if q.year else "")
            pairs = self.pairs[node]
            pairs += (_TARGET_PAIR if q.kind == "target" else _MEASUREMENT_PAIR, (LABEL, nt.literal(label, "zh")),
                      (H["indicator"], ind), (H["value"], nt.typed(value_text, _DECIMAL)))
            if q.unit:
                pairs.append((H["unit"], _plain(q.unit)))
            if q.year is not None:
                pairs.append((H["year"], _year(q.year)))
            if q.comparator:
                pairs.append((H["comparator"], _plain(q.comparator)))
            if q.relative:
                pairs.append((H["relative"], _TRUE))
            if q.baseline_year:
                pairs.append((H["baselineYear"], _year(q.baseline_year)))
            if q.direction:
                pairs.append((H["direction"], _plain(q.direction)))
            if q.baseline is not None:
                pairs.append((H["baseline"], _decimal(q.baseline)))
            if q.approximate:
                pairs.append((H["approximate"], _TRUE))
            if q.region in self.region_by_code:
                pairs.append((H["region"], self.region_by_code[q.region]))
            if q.program is not None and q.program in self.entities:
                self.add(self.entities[q.program], H["hasTarget"], node)
            self.provenance(node, q.start)

    def _indicator_concept(self, ind: str, wording: str) -> None:
        """Link an indicator to the concept of the scheme its wording names (kg.names.indicators),
        with the concept's class, scheme, notation and prefLabel for queries and pages."""
        found = indicator_concept(wording)
        if found is not None:
            relation, concept = found
            self.pairs[ind].append((_SKOS_LINK[relation], nt.iri(concept)))
            self.pairs[nt.iri(concept)] += _concept_pairs(concept)

    def _quantity_node(self, q: Quantity, value_text: str) -> str:
        if q.kind == "target":
            owner = self.entities[q.program][1:-1] if q.program in self.entities else None
            return target_iri(owner, q.region, q.indicator, q.year, value_text + q.unit)
        return measurement_iri(q.region, q.indicator, q.year, value_text + q.unit)

    def build(self) -> DocumentGraph:
        self.entities_()
        self.source_document()
        self.relations()
        self.quantities()
        return DocumentGraph.from_subjects(self.g, self.pairs)


def document_graph(src: SourceDocument, ex: Extraction) -> DocumentGraph:
    """All statements of one document, in its own named graph."""
    return StatementBuilder(src, ex).build()
