"""RDF building: provenance on everything, stable IRIs, deterministic serialisation."""
import rdflib
from rdflib.namespace import PROV, RDF, RDFS

from kg.atomic import write_bytes
from kg.graph.vocab import HG
from kg.resolve.iri import slug

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
