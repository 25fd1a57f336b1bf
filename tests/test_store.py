"""The on-disk store (kg build --store): what it holds, that every reader answers from it
as from the files, that it is never used once stale, and that a build killed while
writing it leaves the previous one whole and in use."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import kg
from kg.graph.persist import current_generation, store_root

from .conftest import SEEDS

KG = [sys.executable, "-m", "kg.cli"]


def kg_cli(*args: object, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(KG + [str(a) for a in args], capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("stored")
    res = kg_cli("build", SEEDS, "--out", out, "--no-html", "--store", "-q")
    assert res.returncode == 0, res.stderr
    return out


def test_one_named_graph_per_document_keyed_by_the_sha256_of_its_bytes(stored):
    location, manifest = current_generation(stored)
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.glob("*.txt")}
    assert {d["file"]: d["sha256"] for d in manifest["documents"]} == files
    assert all(d["graph"].endswith("/doc/" + d["sha256"][:16]) for d in manifest["documents"])
    store = kg.load(stored)
    assert store.location == location
    graphs = {r[0] for r in kg.query(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows}
    assert graphs == {d["graph"] for d in manifest["documents"]}


@pytest.mark.parametrize("preset", sorted(kg.presets()))
def test_every_preset_answers_from_the_store_as_from_the_files(stored, preset):
    from_store = kg.query(stored, preset=preset, fresh=True)
    from_files = kg.query(stored / "graph.trig", preset=preset)
    assert kg.load(stored).location is not None
    assert from_store.columns == from_files.columns and from_store.rows == from_files.rows


def test_exports_and_stats_from_the_store_are_the_files_bytes(stored, tmp_path):
    kg.export(stored, "trig", tmp_path / "again.trig")
    kg.export(stored, "turtle", tmp_path / "again.ttl")
    assert (tmp_path / "again.trig").read_bytes() == (stored / "graph.trig").read_bytes()
    assert (tmp_path / "again.ttl").read_bytes() == (stored / "graph.ttl").read_bytes()
    assert kg.stats(stored) == kg.stats(stored / "graph.trig")


def test_a_build_without_the_store_removes_it_and_a_stale_one_is_never_used(tmp_path):
    doc = SEEDS / "002_ade2870d4016e2b5.txt"
    assert kg_cli("build", doc, "--out", tmp_path, "--no-html", "--store", "-q").returncode == 0
    assert current_generation(tmp_path) is not None
    # files rewritten by something other than a build with --store: the store no longer describes them
    (tmp_path / "graph.trig").write_bytes((tmp_path / "graph.trig").read_bytes())
    os.utime(tmp_path / "graph.trig", ns=(time.time_ns(), time.time_ns() + 10**9))
    assert current_generation(tmp_path) is None and kg.load(tmp_path).location is None
    assert kg_cli("build", doc, "--out", tmp_path, "--no-html", "-q").returncode == 0
    assert not store_root(tmp_path).exists()


def test_a_build_killed_while_writing_the_store_leaves_the_previous_one(tmp_path, stored):
    """SIGKILL once the new generation is being written: CURRENT still names the old
    one, which answers as before; the next build clears the unfinished one."""
    import shutil

    out = tmp_path / "out"
    shutil.copytree(stored, out)
    os.utime(out / "graph.trig", ns=((stored / "graph.trig").stat().st_atime_ns, (stored / "graph.trig").stat().st_mtime_ns))
    before = kg.query(out, preset="programs_by_department", fresh=True).rows  # from the store, not a kept answer
    assert kg.load(out).location is not None
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):  # enough for the store's bulk load to take a moment
        for p in sorted(SEEDS.glob("*.txt")):
            (corpus / f"{i:03d}_{p.name}").write_text(p.read_text(encoding="utf-8") + f"\n（{i}）", encoding="utf-8")
    proc = subprocess.Popen(KG + ["build", str(corpus), "--out", str(out), "--no-html", "--store", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root = store_root(out)
    deadline = time.time() + 300
    while time.time() < deadline and not any(".tmp-" in p.name for p in root.iterdir()):
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(60)
    assert any(".tmp-" in p.name for p in root.iterdir()), "the build ended before its store was being written"
    assert (root / "CURRENT").read_text(encoding="utf-8").strip() == "g1"
    assert kg.query(out, preset="programs_by_department", fresh=True).rows == before
    res = kg_cli("build", SEEDS, "--out", out, "--no-html", "--store", "-q")
    assert res.returncode == 0, res.stderr
    assert not any(".tmp-" in p.name for p in root.iterdir())
    assert (root / "CURRENT").read_text(encoding="utf-8").strip() == "g2"
    assert kg.query(out, preset="programs_by_department").rows == before  # g2 has no kept answer: computed on it


def test_the_store_is_read_only(stored):
    from kg.errors import QueryError

    with pytest.raises(QueryError, match="refused"):
        kg.query(stored, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    manifest = json.loads((store_root(stored) / "g1.json").read_text(encoding="utf-8"))
    assert manifest["format"] == 1 and len(manifest["documents"]) == 5


def test_the_cli_queries_the_store(stored):
    res = kg_cli("query", stored, "--preset", "programs_by_department", "--format", "csv")
    assert res.returncode == 0 and res.stdout.count("\n") > 10, res.stderr


def test_a_reader_of_the_old_store_keeps_answering_after_a_rebuild(tmp_path):
    """A running kg serve holds the generation it opened: a rebuild keeps that one (and
    removes those before), and the server's next query reads the new one."""
    from kg.endpoint import make_server

    doc = SEEDS / "002_ade2870d4016e2b5.txt"
    assert kg_cli("build", doc, "--out", tmp_path, "--no-html", "--store", "-q").returncode == 0
    server = make_server(tmp_path, port=0)
    try:
        first = server.current_store().location
        assert kg_cli("build", SEEDS, "--out", tmp_path, "--no-html", "--store", "-q").returncode == 0
        assert first.exists()  # the generation a reader holds is kept
        second = server.current_store().location
        assert second != first
        n = kg.query(server.current_store(), "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        assert n == [["5"]]
        assert kg_cli("build", SEEDS, "--out", tmp_path, "--no-html", "--store", "-q").returncode == 0
        assert not first.exists()  # two rebuilds on, it is gone
    finally:
        server.server_close()


IMPORTS_OF_A_QUERY = r"""
import sys
from kg.cli import main
try:
    main.main(sys.argv[1:], prog_name="kg")
except SystemExit as exc:
    assert not exc.code, exc.code
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"spacy", "rdflib", "numpy", "networkx", "multiprocessing", "pyparsing"})
print("heavy:", " ".join(heavy), file=sys.stderr)
"""


def test_a_preset_query_on_the_store_imports_no_heavy_library(stored):
    """`kg query OUT --preset` with a store: no spaCy, rdflib, numpy or networkx (each
    costs a command tens to hundreds of milliseconds), no multiprocessing (the bounded
    query is a bare fork)."""
    res = subprocess.run([sys.executable, "-c", IMPORTS_OF_A_QUERY, "query", str(stored), "--preset", "program_structure",
                          "--format", "csv"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("action,sub_action,leads")
    assert res.stderr.strip().splitlines()[-1] == "heavy:"


# ---------------------------------------------------------------- kept preset answers (kg.sparql.answers)

def _kept(out: Path) -> list[Path]:
    from kg.sparql.answers import answers_dir

    location, manifest = current_generation(out)
    return sorted(answers_dir(location, manifest["id"]).glob("*.json"))


def test_a_presets_answer_is_kept_with_the_generation_and_read_back(tmp_path):
    doc = SEEDS / "002_ade2870d4016e2b5.txt"
    assert kg_cli("build", doc, "--out", tmp_path, "--no-html", "--store", "-q").returncode == 0
    assert _kept(tmp_path) == []
    first = kg.query(tmp_path, preset="programs_by_department")
    kept = _kept(tmp_path)
    assert len(kept) == 1
    again = kg.query(tmp_path, preset="programs_by_department")
    assert (again.columns, again.rows, again.truncated) == (first.columns, first.rows, first.truncated)
    # what is read back is the kept file: a forged one is returned as it stands ...
    kept[0].write_text(json.dumps({"columns": ["x"], "rows": [["forged"]], "boolean": None, "truncated": False}),
                       encoding="utf-8")
    assert kg.query(tmp_path, preset="programs_by_department").rows == [["forged"]]
    # ... and --fresh computes the answer on the store again, and keeps it
    assert kg.query(tmp_path, preset="programs_by_department", fresh=True).rows == first.rows
    assert kg.query(tmp_path, preset="programs_by_department").rows == first.rows


def test_a_kept_answer_is_per_query_text_and_row_cap(tmp_path):
    doc = SEEDS / "002_ade2870d4016e2b5.txt"
    assert kg_cli("build", doc, "--out", tmp_path, "--no-html", "--store", "-q").returncode == 0
    whole = kg.query(tmp_path, preset="programs_by_department")
    capped = kg.query(tmp_path, preset="programs_by_department", max_rows=3)
    assert capped.rows == whole.rows[:3] and capped.truncated and not whole.truncated
    assert kg.query(tmp_path, preset="programs_by_department").rows == whole.rows
    kg.query(tmp_path, preset="targets_by_year")
    assert len(_kept(tmp_path)) == 3
    # a query of the user's own is not kept (its text is anyone's; presets are few)
    kg.query(tmp_path, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert len(_kept(tmp_path)) == 3


def test_a_rebuild_never_reads_the_answers_kept_for_the_generation_before(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    doc = SEEDS / "002_ade2870d4016e2b5.txt"
    (corpus / doc.name).write_bytes(doc.read_bytes())
    out = tmp_path / "out"
    assert kg_cli("build", corpus, "--out", out, "--no-html", "--store", "-q").returncode == 0
    one = kg.query(out, preset="documents_per_entity").rows
    first_location, _ = current_generation(out)
    other = SEEDS / "000_1332d9cd2e3a8f85.txt"
    (corpus / other.name).write_bytes(other.read_bytes())
    assert kg_cli("build", corpus, "--out", out, "--no-html", "--store", "-q").returncode == 0
    two = kg.query(out, preset="documents_per_entity").rows
    assert two != one and any(other.name in r[-1] for r in two)
    assert two == kg.query(out / "graph.trig", preset="documents_per_entity").rows
    assert kg_cli("build", corpus, "--out", out, "--no-html", "--store", "-q").returncode == 0
    from kg.sparql.answers import answers_dir

    assert not first_location.exists() and not answers_dir(first_location, "x").parent.exists()  # gone with it


def test_a_folder_that_cannot_keep_an_answer_still_answers(tmp_path, monkeypatch):
    import kg.sparql.answers as answers

    doc = SEEDS / "002_ade2870d4016e2b5.txt"
    assert kg_cli("build", doc, "--out", tmp_path, "--no-html", "--store", "-q").returncode == 0

    def refuse(path, data):  # noqa: ANN001 - a read-only folder
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(answers, "write_bytes", refuse)
    rows = kg.query(tmp_path, preset="programs_by_department").rows
    assert rows == kg.query(tmp_path / "graph.trig", preset="programs_by_department").rows and _kept(tmp_path) == []


def test_an_unreadable_kept_answer_is_computed_again(tmp_path):
    doc = SEEDS / "002_ade2870d4016e2b5.txt"
    assert kg_cli("build", doc, "--out", tmp_path, "--no-html", "--store", "-q").returncode == 0
    rows = kg.query(tmp_path, preset="programs_by_department").rows
    _kept(tmp_path)[0].write_bytes(b"\x00 not json")
    assert kg.query(tmp_path, preset="programs_by_department").rows == rows


def test_the_cli_reads_a_kept_answer_and_fresh_computes_it(stored):
    args = ("query", stored, "--preset", "consortium_members", "--format", "csv")
    first, second, fresh = kg_cli(*args), kg_cli(*args), kg_cli(*args, "--fresh")
    assert first.returncode == second.returncode == fresh.returncode == 0
    assert first.stdout == second.stdout == fresh.stdout and first.stdout.count("\n") > 3


def test_answers_left_by_a_removed_generation_are_never_read_by_a_new_one_of_its_name(tmp_path):
    import shutil

    doc = SEEDS / "002_ade2870d4016e2b5.txt"
    assert kg_cli("build", doc, "--out", tmp_path, "--no-html", "--store", "-q").returncode == 0
    kg.query(tmp_path, preset="programs_by_department")
    location, _ = current_generation(tmp_path)
    assert _kept(tmp_path)
    shutil.rmtree(location)  # the generation removed by hand, its answers left
    (store_root(tmp_path) / "CURRENT").unlink()
    assert kg_cli("build", SEEDS, "--out", tmp_path, "--no-html", "--store", "-q").returncode == 0
    again, _ = current_generation(tmp_path)
    assert again.name == location.name  # the same name again
    assert kg.query(tmp_path, preset="programs_by_department").rows == \
        kg.query(tmp_path / "graph.trig", preset="programs_by_department").rows


def test_a_reader_of_a_removed_generation_never_keeps_its_answer_for_a_new_one_of_its_name(tmp_path):
    """A store opened before the store was removed and rebuilt under the same name g<N> (a
    long query, a notebook's handle): what it computes on the old data is not read as the new
    generation's answer."""
    from kg.graph.store import GraphStore

    doc = SEEDS / "000_1332d9cd2e3a8f85.txt"
    assert kg_cli("build", doc, "--out", tmp_path, "--no-html", "--store", "-q").returncode == 0
    held = GraphStore.load(tmp_path)
    assert kg_cli("build", doc, "--out", tmp_path, "--no-html", "-q").returncode == 0  # removes the store
    assert kg_cli("build", SEEDS, "--out", tmp_path, "--no-html", "--store", "-q").returncode == 0
    assert current_generation(tmp_path)[0].name == held.location.name
    old = kg.query(held, preset="documents_per_entity", timeout=None).rows  # computed on the old data, kept under its id
    new = kg.query(tmp_path, preset="documents_per_entity").rows
    assert new == kg.query(tmp_path / "graph.trig", preset="documents_per_entity").rows and new != old
