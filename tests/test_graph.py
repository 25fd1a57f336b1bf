"""RDF building: provenance on everything, stable IRIs, deterministic serialisation."""
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib.namespace import PROV, RDF, RDFS

from kg.atomic import write_bytes
from kg.graph.vocab import HG
from kg.graph.iri import slug

from .conftest import MINHANG, SEEDS


def test_every_statement_has_provenance(seeds_store):
    g = seeds_store.to_rdflib()
    for cls in (HG.Department, HG.Hospital, HG.MedicalConsortium, HG.Program, HG.Region, HG.PolicyDocument,
                HG.Target, HG.Measurement, HG.RelationAssertion):
        for s in g.subjects(RDF.type, cls):
            assert (s, PROV.wasDerivedFrom, None) in g, s
            assert (s, HG.evidence, None) in g, s


def test_relations_are_reified_with_evidence(seeds_store):
    g = seeds_store.to_rdflib()
    n_leads = len(set(g.subject_objects(HG.leads)))
    assertions = {(g.value(a, RDF.subject), g.value(a, RDF.object)) for a in g.subjects(RDF.predicate, HG.leads)}
    assert n_leads == len(assertions) > 50


def test_assertion_iris_are_the_hash_of_statement_and_document(seeds_store):
    """An assertion's IRI is hgid:assertion/ + the first 16 hex digits of the SHA-256 of
    its subject, predicate, object and document hash (written without slugging)."""
    from kg.graph.iri import iri_value, short_hash

    g = seeds_store.to_rdflib()
    docs = {d: str(g.value(d, HG.sha256)) for d in g.subjects(RDF.type, HG.SourceDocument)}
    n = 0
    for a in g.subjects(RDF.type, HG.RelationAssertion):
        s, p, o = (str(g.value(a, t)) for t in (RDF.subject, RDF.predicate, RDF.object))
        expected = iri_value("assertion", short_hash(s, p, o, docs[g.value(a, PROV.wasDerivedFrom)]))
        assert str(a) == expected
        n += 1
    assert n > 100


def test_source_documents_carry_hash_title_date(seeds_store):
    g = seeds_store.to_rdflib()
    docs = list(g.subjects(RDF.type, HG.SourceDocument))
    assert len(docs) == 5
    mh = [d for d in docs if str(g.value(d, HG.fileName)) == MINHANG.name][0]
    assert str(g.value(mh, HG.date)) == "2020-07-16"
    assert len(str(g.value(mh, HG.sha256))) == 64
    assert str(g.value(mh, HG.documentNumber)) == "闵府发〔2020〕15号"
    assert str(g.value(mh, HG.region)).endswith("闵行区-310112")


def test_one_label_per_entity(seeds_store):
    g = seeds_store.to_rdflib()
    for s in set(g.subjects(RDF.type, None)):
        labels = list(g.objects(s, RDFS.label))
        assert len(labels) <= 1, (s, labels)


def test_serialisation_is_deterministic_and_parses(seeds_store):
    a = seeds_store.serialize("turtle")
    import kg

    b = kg.build([SEEDS]).serialize("turtle")
    assert a == b
    g = rdflib.Graph().parse(data=a, format="turtle")
    assert len(g) == len(seeds_store)
    trig = rdflib.Dataset().parse(data=seeds_store.serialize("trig"), format="trig")
    assert len([g for g in trig.graphs() if len(g)]) == 5


def test_slugs_are_readable_and_stable():
    assert slug("闵行区卫生健康委员会") == "闵行区卫生健康委员会"
    assert slug("复旦-闵行健康联合体") == "复旦-闵行健康联合体"
    assert slug("《国民营养计划（2017-2030年）》") == "国民营养计划-2017-2030年"


def test_atomic_write_leaves_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")
    import os

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    try:
        write_bytes(target, b"new")
    except OSError:
        pass
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_written_store_equals_loaded_store_in_every_format(seeds_store):
    """A fresh build writes from its documents' statements; a store filled any other way
    goes through oxigraph. Both must give the same bytes."""
    from kg.graph.store import GraphStore

    other = GraphStore()
    other.load_nquads(seeds_store.serialize("nquads"))
    for fmt in ("nt", "nquads", "turtle", "trig"):
        assert other.serialize(fmt) == seeds_store.serialize(fmt), fmt
    assert len(other) == len(seeds_store) > 1000


def test_store_reads_see_documents_added_after_a_query(seeds_store):
    import kg
    from kg.graph.store import GraphStore

    store = GraphStore()
    docs = sorted(SEEDS.glob("*.txt"))
    for d in kg.build([docs[0]]).documents:
        store.add_document(d)
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    first = int(next(iter(store.query_raw(count)))["n"].value)
    for d in kg.build([docs[1]]).documents:
        store.add_document(d)
    second = int(next(iter(store.query_raw(count)))["n"].value)
    assert 0 < first < second


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30), st.sampled_from([None, "zh", "zh-Hant", "en"]))
def test_literals_are_written_as_oxigraph_writes_them(text, lang):
    import pyoxigraph as ox

    from kg.graph import ntriples as nt

    s, p = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p")
    theirs = ox.serialize([ox.Triple(s, p, ox.Literal(text, language=lang))], format=ox.RdfFormat.N_TRIPLES)
    ours = f"{nt.iri(s.value)} {nt.iri(p.value)} {nt.literal(text, lang)} .\n".encode("utf-8")
    assert ours == theirs


def test_an_iri_with_a_forbidden_character_is_refused():
    from kg.graph import ntriples as nt

    for bad in ("https://x.org/a b", "https://x.org/<a>", "relative/path", 'https://x.org/"'):
        with pytest.raises(ValueError):
            nt.iri(bad)
    assert nt.iri("https://w3id.org/healthgov-kg/id/department/闵行区/卫生健康委员会").startswith("<https://")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('<>"{}|^`\\ \t\n\x00\x20\x21:/a卫-_%')), max_size=20))
def test_iri_refuses_exactly_the_forbidden_characters(value):
    """Every character N-Triples forbids in an IRIREF, and nothing else, is refused."""
    from kg.graph import ntriples as nt

    value = "https://x.org/" + value
    forbidden = any(c in nt.IRI_FORBIDDEN_CHARS for c in value)
    try:
        nt.iri.__wrapped__(value)
        refused = False
    except ValueError:
        refused = True
    assert refused == forbidden


def test_grouped_construction_equals_sorting_whole_statements():
    """The builder's subject-grouped DocumentGraph must equal the one built by sorting
    whole statements (order, statements and rendered blocks)."""
    from kg.extract.pipeline import extract_document
    from kg.graph.builder import DocumentGraph, StatementBuilder
    from kg.ingest import read_document

    for path in sorted(SEEDS.glob("*.txt")):
        src = read_document(path)
        b = StatementBuilder(src, extract_document(src))
        grouped = b.build()
        flat = [f"{s} {p} {o}" for s, pairs in b.pairs.items() for p, o in pairs]
        assert grouped == DocumentGraph.of(b.g, flat), path.name
        assert len(grouped.statements) > 300


def test_decimal_forms_are_memoised_by_spelling_not_by_equality():
    """0.0 == -0.0 (and 1 == 1.0): a memo keyed on the value would give whichever came
    first, so the form of a value would depend on the corpus."""
    from kg.graph.builder import _decimal_text

    assert [_decimal_text(v) for v in (0.0, -0.0, 0.0, 36.6, 1e-7, 2025.0)] == ["0", "-0", "0", "36.6", "0.0000001", "2025"]


def test_evidence_is_the_sentence_or_a_window_of_an_overlong_one():
    """Nodes in one short sentence share its evidence; in a sentence longer than the
    limit each node gets the window around its own first mention (the builder memoises
    evidence per sentence, which must not give a later node an earlier node's window)."""
    from kg.extract.model import DEPARTMENT, EVIDENCE_LIMIT, EntityKey, Extraction, Mention
    from kg.graph import ntriples as nt
    from kg.graph.builder import StatementBuilder
    from kg.ingest.document import SourceDocument

    short = "甲局牵头，乙局配合。"
    long_ = "丙局" + "推进健康城市建设" * 60 + "丁局负责"
    text = short + long_
    assert len(long_) > EVIDENCE_LIMIT
    names = {"甲局": 0, "乙局": 5, "丙局": len(short), "丁局": len(text) - 4}
    ex = Extraction(text, sentences=[(0, len(short)), (len(short), len(text))],
                    mentions=[Mention(at, at + 2, EntityKey(DEPARTMENT, name), name) for name, at in names.items()])
    src = SourceDocument("t.txt", "t.txt", "0" * 64, "utf-8", "text", text)
    b = StatementBuilder(src, ex)
    b.build()
    evidence = {}
    for key, node in b.entities.items():
        found = [o for p, o in b.pairs[node] if p == nt.iri(str(HG.evidence))]
        assert len(found) == 1, key
        evidence[key.name] = found[0]
    assert evidence["甲局"] == evidence["乙局"] == nt.literal(short, "zh")
    assert evidence["丙局"] == nt.literal(ex.evidence(names["丙局"]), "zh")
    assert evidence["丁局"] == nt.literal(ex.evidence(names["丁局"]), "zh")
    assert evidence["丙局"] != evidence["丁局"]
    assert evidence["丙局"].startswith('"丙局') and evidence["丁局"].endswith('丁局负责"@zh')


def test_a_build_does_not_import_rdflib_and_its_terms_are_the_vocabularys(tmp_path):
    """The build writes statements from plain strings (kg.graph.terms); rdflib is for
    the commands and callers that handle rdflib terms. Its IRIs are those of HG."""
    import subprocess
    import sys

    from kg.graph import builder
    from kg.graph.terms import HG_TERMS, RELATION_TERM, hg
    from kg.graph.vocab import RELATION_PROPERTY

    code = ("import sys, kg\n"
            f"kg.build([{str(sorted(SEEDS.glob('*.txt'))[0])!r}], out={str(tmp_path)!r}, html=False)\n"
            "print('rdflib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False"]
    assert (tmp_path / "graph.ttl").stat().st_size > 0
    assert set(HG_TERMS) == set(HG.__annotations__)
    assert all(hg(name) == str(HG[name]) for name in HG_TERMS)
    assert {k: str(v) for k, v in RELATION_PROPERTY.items()} == {k: hg(v) for k, v in RELATION_TERM.items()}
    assert {iri for iri, _ in builder._RELATION_TERM.values()} == {str(v) for v in RELATION_PROPERTY.values()}
    with pytest.raises(KeyError):
        hg("leadz")
