"""Build the seeds, run every preset, check real content; SHACL; determinism."""
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.graph.store import GraphStore
from kg.sparql import presets, run_query

from .conftest import SEEDS

EXPECT = {
    "programs_by_department": ("闵行区卫生健康委员会", "牵头", "健康知识普及行动"),
    "targets_by_year": ("2022", "健康知识普及行动", "居民健康素养水平", ">=", "36.6", "%"),
    "co_leading_departments": ("闵行区卫生健康委员会", "闵行区市场监督管理局"),
    "consortium_members": ("龙华-闵行中医医疗联合体", "成员", "上海中医药大学附属龙华医院"),
    "relation_evidence": ("闵行区体育局", "leads", "全民健身行动"),
    "indicator_targets_vs_measurements": ("人均预期寿命", "实测", "2022"),
    "entities_per_region": ("闵行区", "310112", "Department"),
    "documents_per_entity": ("上海市",),
    "program_structure": ("慢性病防治行动", "强化癌症防治", "闵行区卫生健康委员会"),
    "progress": ("闵行区", "健康素养水平", "2022", ">=", "36.6", "%"),  # no same-region measurement on the seeds
    "regions_compared": ("健康素养水平", "https://w3id.org/healthgov-kg/indicator/HC-01", "嘉兴市", "2022", "40.81"),
}


@pytest.mark.parametrize("name", sorted(presets()))
def test_every_preset_answers_with_real_content(built_out, name):
    result = run_query(GraphStore.load(built_out), presets()[name].sparql)
    assert result.rows, name
    want = EXPECT[name]
    assert any(all(w in row for w in want) for row in result.rows), (name, result.rows[:5])


def test_minhang_health_commission_leads_health_literacy_action(built_out):
    rows = run_query(GraphStore.load(built_out / "graph.ttl"), """
        PREFIX hg: <https://w3id.org/healthgov-kg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        ASK { ?d rdfs:label "闵行区卫生健康委员会"@zh ; hg:leads ?p . ?p rdfs:label "健康知识普及行动"@zh }""").rows
    assert rows == [["true"]]


def test_graph_conforms_to_shapes(seeds_store):
    from kg.shacl import validate

    assert validate(seeds_store) == []


def test_two_builds_are_byte_identical(tmp_path):
    outs = []
    for i in range(2):
        out = tmp_path / f"o{i}"
        assert CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "-q"]).exit_code == 0
        outs.append(out)
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_single_builds_union_equals_joint_build(tmp_path, seeds_store):
    import kg

    union = GraphStore()
    for doc in sorted(SEEDS.glob("*.txt")):
        union.add_quads(kg.build([doc]).quads())
    assert union.serialize("turtle") == seeds_store.serialize("turtle")


def test_parallel_build_gives_the_same_bytes(tmp_path):
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}"
        res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "-q", "--no-html", "--jobs", jobs])
        assert res.exit_code == 0, res.output
        outs.append(out)
    for name in ("graph.ttl", "graph.trig"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_parallel_build_without_fork_spawns_workers(monkeypatch, seeds_store):
    """Where fork is unavailable (Windows), --jobs spawns workers; the graph is the same."""
    import multiprocessing as mp

    from kg.corpus import build_store

    monkeypatch.setattr(mp, "get_all_start_methods", lambda: ["spawn"])
    store, report = build_store([SEEDS], jobs=2)
    assert len(report.documents) == 5
    assert store.serialize("turtle") == seeds_store.serialize("turtle")
