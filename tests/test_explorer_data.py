"""What the explorer page is given: every sentence cited for a node, measurements,
search terms, deterministic bytes (no browser needed)."""
from kg.explorer.explorer import page_data, render_html
from kg.graph.store import GraphStore
from kg.network import explorer_data


def test_a_node_carries_every_sentence_of_its_relations(built_out):
    store = GraphStore.load(built_out)
    nodes, edges = explorer_data(store, measurements=True)
    mh = next(n for n in nodes.values() if n.label == "闵行区卫生健康委员会")
    relation_sentences = {s for e in edges if mh.id in (e.source, e.target) for s, _ in e.evidence}
    assert len(relation_sentences) > 20
    assert relation_sentences <= {c.text for c in mh.cited}
    assert sum(n for c in mh.cited for k, _, n in c.cited_by if k == "leads") >= 20
    assert any(k == "leads" and other == "健康知识普及行动" for c in mh.cited for k, other, _ in c.cited_by)


def test_measurements_only_when_asked_and_linked_to_region_and_program(built_out):
    store = GraphStore.load(built_out)
    plain, _ = explorer_data(store)
    assert not any(n.cls == "Measurement" for n in plain.values())
    nodes, edges = explorer_data(store, measurements=True)
    assert sum(n.cls == "Measurement" for n in nodes.values()) > 50
    kinds = {e.kind for e in edges}
    assert {"measuredIn", "reports"} <= kinds
    jx = next(n for n in nodes.values() if n.label == "嘉兴市")
    assert any(q.label.startswith("人均预期寿命") and "82.68" in q.evidence for q in jx.measurements)


def test_page_data_search_terms_and_ranks(built_out):
    nodes, edges = explorer_data(GraphStore.load(built_out), measurements=True)
    d = page_data(nodes, edges)
    jd = next(i for i in d["info"] if i["name"] == "嘉定区卫生健康委员会")
    assert "卫健委" in jd.get("short", []) + jd.get("aliases", [])
    ranks = sorted(i["rank"] for i in d["info"] if i["rank"] >= 0)
    assert ranks == list(range(len(ranks)))
    assert d["groups"] and all(g["r"] > 0 for g in d["groups"])


def test_the_page_is_the_same_bytes_for_the_same_graph(built_out):
    store = GraphStore.load(built_out)
    assert render_html(store) == render_html(store)
