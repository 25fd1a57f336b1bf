"""The command line, through click's CliRunner."""

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main

from .conftest import GOLD, MINHANG, SEEDS

COMMANDS = ["build", "query", "export", "render", "stats", "validate", "eval", "resolve", "serve", "push"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("cmd", COMMANDS)
def test_every_command_has_help_with_an_example(cmd):
    res = run(cmd, "--help")
    assert res.exit_code == 0 and "Example" in res.output


def test_build_writes_three_outputs(built_out):
    # and the folder's lock (.kg.lock), hidden, which concurrent builds take turns at
    assert sorted(p.name for p in built_out.iterdir() if not p.name.startswith(".")) == ["graph.html", "graph.trig", "graph.ttl"]
    assert sorted(p.name for p in built_out.iterdir() if p.name.startswith(".")) == [".kg.lock"]


def test_build_summary_and_partial_failure(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    res = run("build", MINHANG, bad, tmp_path / "missing.txt", "--out", tmp_path / "o")
    assert res.exit_code == 1
    assert "bad.txt: binary file" in res.output and "missing.txt: no such file or folder" in res.output
    assert "Built 1 document(s); skipped 2" in res.output
    assert (tmp_path / "o" / "graph.ttl").exists()


def test_strict_makes_a_skip_fatal_and_writes_nothing(tmp_path):
    res = run("build", MINHANG, tmp_path / "missing.txt", "--out", tmp_path / "o", "--strict")
    assert res.exit_code == 2 and not (tmp_path / "o" / "graph.ttl").exists()


def test_nothing_readable_is_an_error(tmp_path):
    res = run("build", tmp_path / "nope", "--out", tmp_path / "o")
    assert res.exit_code == 2 and "nothing was built" in res.output and "Traceback" not in res.output


def test_query_list_and_preset(built_out):
    res = run("query", "--list")
    assert res.exit_code == 0 and res.output.splitlines()[0].split("\t")[0] == "co_leading_departments"
    res = run("query", built_out, "--preset", "programs_by_department", "--format", "tsv")
    assert res.exit_code == 0
    assert "闵行区卫生健康委员会\t牵头\t健康知识普及行动" in res.output


def test_query_inline_uses_common_prefixes_and_reports_errors(built_out):
    res = run("query", built_out / "graph.ttl", "SELECT (COUNT(?d) AS ?n) WHERE { ?d a hg:Department }")
    assert res.exit_code == 0 and "(1 row)" in res.output
    res = run("query", built_out, "SELECT ?x WHERE { ?x")
    assert res.exit_code == 2 and "line 1, column" in res.output and "Traceback" not in res.output


@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("trig", "trig"), ("nt", "nt"), ("nquads", "nquads"), ("jsonld", "json-ld")])
def test_export_rdf_formats_parse_back(built_out, tmp_path, fmt, parser):
    out = tmp_path / f"g.{fmt}"
    assert run("export", built_out, "--format", fmt, "-o", out).exit_code == 0
    g = rdflib.Dataset() if fmt in ("trig", "nquads") else rdflib.Graph()
    g.parse(out, format=parser)
    assert len(g) > 1000 or sum(len(c) for c in g.contexts()) > 1000


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_network_formats(built_out, tmp_path, fmt):
    import networkx as nx

    out = tmp_path / f"g.{fmt}"
    assert run("export", built_out, "--format", fmt, "-o", out).exit_code == 0
    g = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(out)
    labels = {d.get("label") for _, d in g.nodes(data=True)}
    assert "闵行区卫生健康委员会" in labels and g.number_of_edges() > 100


def test_render_subgraph(built_out, tmp_path):
    out = tmp_path / "sub.html"
    res = run("render", built_out, "-o", out, "--focus", "闵行区卫生健康委员会", "--depth", "1", "--class", "Department,Program",
              "--region", "闵行区")
    assert res.exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "健康知识普及行动" in html and "龙华" not in html


def test_render_unknown_focus_is_one_line(built_out, tmp_path):
    res = run("render", built_out, "-o", tmp_path / "x.html", "--focus", "不存在的机构")
    assert res.exit_code == 2 and res.output.strip().count("\n") == 0


def test_stats_names_central_organisations(built_out):
    res = run("stats", built_out)
    assert res.exit_code == 0 and "hg:Department" in res.output
    central = res.output.split("Most central organisations")[1].splitlines()[3]
    assert central.startswith("闵行区卫生健康委员会")


def test_validate_conforms_and_flags_violations(built_out, tmp_path):
    assert run("validate", built_out).exit_code == 0
    bad = tmp_path / "bad.ttl"
    bad.write_text((built_out / "graph.ttl").read_text(encoding="utf-8") +
                   '\n<https://w3id.org/healthgov-kg/id/target/x> a <https://w3id.org/healthgov-kg/ontology#Target> .\n',
                   encoding="utf-8")
    res = run("validate", bad)
    assert res.exit_code == 1 and "a Target has one decimal value" in res.output


def test_eval_prints_scores_and_errors():
    res = run("eval", "--gold", GOLD, "--docs", SEEDS, "--errors")
    assert res.exit_code == 0
    assert res.output.splitlines()[0].startswith("category") and "relation:lead" in res.output
    assert "false negative" in res.output


def test_resolve_explains(tmp_path):
    res = run("resolve", "区卫健委", "--region", "嘉定区")
    assert res.exit_code == 0 and "嘉定区卫生健康委员会" in res.output
    assert run("resolve", "区卫健委", "--region", "火星区").exit_code == 2


def test_graph_folder_without_graph_is_a_clear_error(tmp_path):
    res = run("stats", tmp_path)
    assert res.exit_code == 2 and "no graph.trig or graph.ttl" in res.output


@pytest.mark.parametrize("fmt,suffix", [("jsonld", "jsonld"), ("nt", "nt"), ("nquads", "nq"), ("trig", "trig"), ("turtle", "ttl")])
def test_every_graph_format_can_be_queried(built_out, tmp_path, fmt, suffix):
    path = tmp_path / f"g.{suffix}"
    assert run("export", built_out, "--format", fmt, "-o", path).exit_code == 0
    res = run("query", path, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a hg:Department }", "--format", "csv")
    assert res.exit_code == 0 and res.output.splitlines()[1] == "52"


def test_a_file_saved_twice_is_read_once(tmp_path):
    import shutil

    from kg.graph.store import GraphStore

    src = sorted(SEEDS.glob("*.txt"))[0]
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(src, corpus / "a.txt")
    shutil.copy(src, corpus / "b.txt")
    res = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "o"), "--no-html"])
    assert res.exit_code == 0, res.output
    assert "b.txt: same bytes as" in res.output and "1 duplicate(s)" in res.output
    rows = list(GraphStore.load(tmp_path / "o").query_raw(
        "SELECT ?d ?n WHERE { ?d a <https://w3id.org/healthgov-kg/ontology#SourceDocument> ; "
        "<https://w3id.org/healthgov-kg/ontology#fileName> ?n }"))
    assert [r["n"].value for r in rows] == ["a.txt"]


def test_commands_that_read_a_graph_do_not_import_spacy(built_out, tmp_path):
    """Importing spaCy costs most of a second; an analyst running queries one after
    another should not pay it. A fresh interpreter runs each graph-reading command."""
    import subprocess
    import sys

    script = f"""
import sys
from click.testing import CliRunner
from kg.cli import main
out = {str(built_out)!r}
for args in (["--help"], ["query", out, "--preset", "consortium_members"], ["stats", out],
             ["export", out, "--format", "graphml", "-o", {str(tmp_path / "g.graphml")!r}],
             ["render", out, "-o", {str(tmp_path / "g.html")!r}], ["validate", out]):
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, (args, res.output)
print(sorted(m for m in ("spacy", "thinc") if m in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_console_script_keeps_exit_status_and_all_output(built_out, tmp_path):
    """`kg` ends with os._exit after flushing (kg.cli.run): the exit status and every
    byte written to a pipe must still arrive."""
    import subprocess
    import sys
    from pathlib import Path

    kg = str(Path(sys.executable).with_name("kg"))
    ok = subprocess.run([kg, "query", str(built_out), "--preset", "documents_per_entity", "--format", "csv"],
                        capture_output=True, text=True)
    assert ok.returncode == 0
    assert ok.stdout == run("query", built_out, "--preset", "documents_per_entity", "--format", "csv").output
    assert ok.stdout.count("\n") > 100
    bad = subprocess.run([kg, "query", str(tmp_path / "missing.ttl"), "--preset", "documents_per_entity"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.startswith("kg: ") and bad.stderr.count("\n") == 1
    partial = subprocess.run([kg, "build", str(MINHANG), str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o")],
                             capture_output=True, text=True)
    assert partial.returncode == 1 and "missing.txt: no such file or folder" in partial.stderr
    assert (tmp_path / "o" / "graph.ttl").stat().st_size > 0


def test_console_script_build_writes_what_an_in_process_build_writes(tmp_path):
    """Through the console script, `kg build` stops the cyclic collector once its graph
    is built and exits from inside sys.exit's handling; the files must be those of a
    build run in-process, and an in-process call must leave the caller's collector
    alone."""
    import gc
    import subprocess
    import sys
    from pathlib import Path

    kg = str(Path(sys.executable).with_name("kg"))
    script = subprocess.run([kg, "build", str(MINHANG), "--out", str(tmp_path / "script"), "-q"],
                            capture_output=True, text=True)
    assert script.returncode == 0 and script.stderr == ""
    assert gc.isenabled()
    assert run("build", MINHANG, "--out", tmp_path / "inproc", "-q").exit_code == 0
    assert gc.isenabled() and gc.get_freeze_count() == 0
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (tmp_path / "script" / name).read_bytes() == (tmp_path / "inproc" / name).read_bytes()


def _examples(cmd: str) -> list[list[str]]:
    """The example command lines of ``kg CMD --help`` (comments dropped)."""
    text = run(cmd, "--help").output
    lines = text.split("Examples:", 1)[1].split("\n\n", 1)[0].splitlines()
    return [ln.split("#", 1)[0].split()[1:] for ln in lines if ln.strip().startswith("kg ")]


def test_the_eval_examples_run(monkeypatch):
    """kg eval's --help names folders and a stem of this repository: each example runs."""
    from .conftest import ROOT

    monkeypatch.chdir(ROOT)
    examples = _examples("eval")
    assert len(examples) == 3
    for args in examples:
        res = run(*args)
        assert res.exit_code == 0, (args, res.output)
        assert "entities" in res.output and "relations" in res.output, res.output
