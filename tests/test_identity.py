"""One entity, one IRI: across documents, builds and scripts."""
from rdflib import Literal
from rdflib.namespace import RDF, RDFS, SKOS

import kg
from kg.graph.vocab import HG
from kg.names.regions import regions

from .conftest import SEEDS


def label_index(g):
    return {str(l): s for s, l in g.subject_objects(RDFS.label)}


def test_single_builds_use_the_joint_builds_iris(seeds_store):
    joint = seeds_store.to_rdflib()
    joint_labels = {(s, str(l)) for s, l in joint.subject_objects(RDFS.label)}
    for doc in sorted(SEEDS.glob("*.txt")):
        alone = kg.build([doc]).to_rdflib()
        for s, l in alone.subject_objects(RDFS.label):
            assert (s, str(l)) in joint_labels, (doc.name, s, l)


def test_same_abbreviation_in_two_districts_is_two_entities(seeds_store):
    g = seeds_store.to_rdflib()
    idx = label_index(g)
    mh, jd = idx["闵行区卫生健康委员会"], idx["嘉定区卫生健康委员会"]
    assert mh != jd
    assert (mh, SKOS.altLabel, Literal("区卫健委", lang="zh")) in g
    assert (jd, SKOS.altLabel, Literal("区卫生健康委", lang="zh")) in g


def test_traditional_forms_join_the_simplified_entity(seeds_store):
    g = seeds_store.to_rdflib()
    cn = label_index(g)["长宁区卫生健康委员会"]
    assert (cn, SKOS.altLabel, Literal("長寧區衛健委", lang="zh-Hant")) in g
    assert (cn, SKOS.altLabel, Literal("长宁区卫健委", lang="zh-Hans")) in g


def test_regions_have_codes_and_hierarchy(seeds_store):
    g = seeds_store.to_rdflib()
    table = regions()
    for r in g.subjects(RDF.type, HG.Region):
        name = str(g.value(r, RDFS.label))
        code = g.value(r, HG.adminCode)
        if name in table.by_name:  # a GB/T 2260 division (province, prefecture, county)
            assert code is not None and table.by_code[str(code)].name == name
        else:  # a township (街道/镇/工业区): below GB/T 2260, linked to its county
            parent = g.value(r, HG.regionPartOf)
            assert parent is not None and g.value(parent, HG.adminCode) is not None, name
    idx = label_index(g)
    assert str(g.value(idx["闵行区"], HG.adminCode)) == "310112"
    assert g.value(idx["海盐县"], HG.regionPartOf) == idx["嘉兴市"]
    assert g.value(idx["嘉兴市"], HG.regionPartOf) == idx["浙江省"]


def test_no_two_departments_share_a_label(seeds_store):
    g = seeds_store.to_rdflib()
    labels = [str(g.value(d, RDFS.label)) for d in set(g.subjects(RDF.type, HG.Department))]
    assert len(labels) == len(set(labels))


def test_iris_are_readable_and_region_scoped(seeds_store):
    g = seeds_store.to_rdflib()
    idx = label_index(g)
    assert str(idx["闵行区卫生健康委员会"]).endswith("/id/department/闵行区卫生健康委员会")
    assert str(idx["健康知识普及行动"]).endswith("/id/program/闵行区/健康知识普及行动")
    assert str(idx["闵行区"]).endswith("/id/region/闵行区-310112")


def test_hospital_gazetteer_has_one_row_per_hospital():
    import json

    from kg.paths import PACKAGE_DIR

    rows = json.loads((PACKAGE_DIR / "names" / "data" / "hospitals.json").read_text(encoding="utf-8"))["hospitals"]
    names = [h["name"] for h in rows]
    forms = names + [a for h in rows for a in h.get("aliases", [])]
    assert len(forms) == len(set(forms)), "a name or alias names two rows"
