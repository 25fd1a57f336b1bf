"""SPARQL: presets, errors with line and column, network refusal, time limit, tables."""
import pytest

from kg.errors import QueryError
from kg.sparql import QueryResult, format_result, presets, run_query


def test_at_least_eight_presets_each_described():
    ps = presets()
    assert len(ps) >= 8
    for p in ps.values():
        assert p.description and "SELECT" in p.sparql


def test_syntax_error_names_line_and_column(seeds_store):
    with pytest.raises(QueryError, match=r"line 2, column \d+"):
        run_query(seeds_store, "SELECT ?x\nWHERE { ?x ?y }}")


@pytest.mark.parametrize("q", ["SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                               "SELECT * FROM <http://example.org/g.ttl> WHERE { ?s ?p ?o }"])
def test_remote_access_is_refused(seeds_store, q):
    with pytest.raises(QueryError, match="refused"):
        run_query(seeds_store, q)


def test_timeout_stops_a_slow_query(seeds_store):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(QueryError, match="time limit"):
        run_query(seeds_store, slow, timeout=0.5)


def test_table_aligns_wide_characters():
    out = format_result(QueryResult(["名称", "n"], [["闵行区卫生健康委员会", "1"], ["ab", "22"]]))
    lines = out.splitlines()
    from wcwidth import wcswidth

    assert wcswidth(lines[2].split("  ")[0]) == wcswidth(lines[3].split("  ")[0].ljust(20))
    assert lines[-1] == "(2 rows)"


def test_csv_and_json(seeds_store):
    res = run_query(seeds_store, "SELECT ?l WHERE { ?x a <https://w3id.org/healthgov-kg/ontology#Region> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l")
    assert format_result(res, "csv").splitlines()[0] == "l"
    assert '"上海市"' in format_result(res, "json")


def test_a_triple_stated_by_two_documents_answers_once(seeds_store, built_out):
    # 居民健康素养水平 is an indicator in two documents (a target in one, a measurement in another)
    q = """SELECT ?l WHERE { ?i a <https://w3id.org/healthgov-kg/ontology#Indicator> ;
           <http://www.w3.org/2000/01/rdf-schema#label> ?l . FILTER(STR(?l) = "居民健康素养水平") }"""
    from kg.graph.store import GraphStore

    for store in (seeds_store, GraphStore.load(built_out), GraphStore.load(built_out / "graph.ttl")):
        assert run_query(store, q).rows == [["居民健康素养水平"]]


def test_every_preset_passes_the_checks_it_skips():
    """Presets run without being parsed first (kg.query(preset=)): each must be a query
    the checks would let through — it parses, reads only and reaches no other endpoint."""
    from kg.sparql import check_query, presets

    for name, preset in presets().items():
        assert check_query(preset.sparql) in ("select", "ask", "construct", "describe"), name


def test_without_fork_a_bounded_query_runs_in_a_spawned_process(seeds_store, monkeypatch):
    """Where there is no os.fork (Windows), the query's process is spawned: same rows,
    and the time limit still holds."""
    import os

    query = "SELECT ?l WHERE { ?x a <https://w3id.org/healthgov-kg/ontology#Region> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l"
    forked = run_query(seeds_store, query, timeout=30)
    monkeypatch.delattr(os, "fork")
    assert run_query(seeds_store, query, timeout=60).rows == forked.rows
    with pytest.raises(QueryError, match="time limit"):
        run_query(seeds_store, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=3)


def test_a_large_answer_comes_back_whole_over_the_pipe(seeds_store):
    """Answers larger than a pipe's buffer (64 KB) are read while they are written."""
    res = run_query(seeds_store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", timeout=60, max_rows=None)
    assert len(res.rows) == len(run_query(seeds_store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", timeout=None, max_rows=None).rows)
    assert sum(len(c) for r in res.rows for c in r) > 1 << 18


def _table_as_it_was(result: QueryResult, max_cell: int = 60) -> str:
    """The aligned table as format_result wrote it before widths were memoised."""
    from wcwidth import wcswidth

    def width(t: str) -> int:
        w = wcswidth(t)
        return w if w >= 0 else len(t)

    def cell(t: str) -> str:
        t = " ".join(t.split())
        if width(t) <= max_cell:
            return t
        out, w = "", 0
        for ch in t:
            if w + width(ch) > max_cell - 1:
                break
            out += ch
            w += width(ch)
        return out + "…"

    rows = [[cell(c) for c in r] for r in result.rows]
    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(result.columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (widths[i] - width(v)) for i, v in enumerate(values)).rstrip()

    return "\n".join([line(result.columns), "  ".join("-" * w for w in widths)] + [line(r) for r in rows]
                     + [f"({len(rows)} row{'s' if len(rows) != 1 else ''})"])


def test_the_table_is_the_same_as_before_its_widths_were_memoised(seeds_store):
    import random

    rng = random.Random(21)
    alphabet = "ab 1\t\n闵行区卫生健康委员会（）、。—…é\u0301\u200d\ufe0f👩\x07\x1b한"
    cells = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 150))) for _ in range(600)]
    synthetic = QueryResult(["名称", "b", "c"], [cells[i:i + 3] for i in range(0, len(cells), 3)])
    assert format_result(synthetic) == _table_as_it_was(synthetic)
    for name in presets():
        res = run_query(seeds_store, presets()[name].sparql, timeout=None)
        assert format_result(res) == _table_as_it_was(res), name


@pytest.mark.parametrize("name", sorted(presets()))
def test_every_preset_returns_the_pinned_rows(seeds_store, name):
    """tests/data/presets_before/NAME.json holds what each preset returns on the seeds'
    graph, first written by the code before its query path was reworked for speed (issue
    21): a preset rewritten for speed must return the same columns and rows, in order.
    When extraction changes the seeds' graph, re-pin with the golden files
    (KG_UPDATE_GOLDEN=1), and read the diff."""
    import json
    import os
    from pathlib import Path

    path = Path(__file__).parent / "data" / "presets_before" / f"{name}.json"
    now = run_query(seeds_store, presets()[name].sparql, timeout=None, max_rows=None)
    if os.environ.get("KG_UPDATE_GOLDEN"):
        before = json.loads(path.read_text(encoding="utf-8"))
        before.update(columns=now.columns, rows=now.rows)
        path.write_text(json.dumps(before, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    before = json.loads(path.read_text(encoding="utf-8"))
    assert now.columns == before["columns"]
    assert now.rows == before["rows"]
