"""Where a document's jurisdiction comes from, end to end through ``kg build``: read from
the text, said uncertain on stderr and in the graph, given with --region (where the text
does not say) or --regions (per file, whatever the text says); names that need a region
never merge across documents that have none."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import kg

KG = [sys.executable, "-m", "kg.cli"]
NO_REGION_A = "关于开展健康知识普及行动的通知\n一、健康知识普及行动。面向群众普及健康知识。（区卫健委牵头，区教育局配合）\n"
NO_REGION_B = "关于开展控烟行动的通知\n一、控烟行动。区卫健委牵头，区市场监管局配合，开展控烟行动。\n"
JIADING = ("嘉定区卫生健康委员会关于印发嘉定区健康促进工作方案的通知\n"
           "一、健康促进行动。面向全区居民开展健康促进。（区卫健委牵头，区教育局配合）\n")


def build(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, Path]:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    for name, text in (("a.txt", NO_REGION_A), ("b.txt", NO_REGION_B), ("jiading.txt", JIADING)):
        (docs / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    res = subprocess.run(KG + ["build", str(docs), "--out", str(out), "--no-html", *args], capture_output=True,
                         text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    return res, out


def rows(out: Path, sparql: str) -> set[tuple[str, ...]]:
    return {tuple(r) for r in kg.query(out, sparql).rows}


LEADS = """SELECT ?file ?unit WHERE { ?a a hg:RelationAssertion ; rdf:subject ?u ; rdf:predicate hg:leads ;
                                     prov:wasDerivedFrom ?d . ?d hg:fileName ?file . ?u rdfs:label ?unit }"""
BASIS = "SELECT ?file ?basis WHERE { ?d hg:fileName ?file ; hg:jurisdictionBasis ?basis }"
UNCERTAIN = "SELECT ?file WHERE { ?d hg:fileName ?file ; hg:jurisdictionUncertain true }"
UNITS = 'SELECT DISTINCT ?unit WHERE { ?unit a hg:Department ; rdfs:label ?l . FILTER(CONTAINS(STR(?l), "卫生健康")) }'


def test_no_region_is_said_on_stderr_and_in_the_graph_and_names_stay_apart(tmp_path):
    quiet, _ = build(tmp_path, "-q")  # the warning is about the graph: --quiet keeps it, as one line
    assert quiet.stderr.count("\n") == 1 and "2 document(s) with an uncertain jurisdiction" in quiet.stderr
    res, out = build(tmp_path)
    for name in ("a.txt", "b.txt"):
        assert f"{name}: jurisdiction uncertain (no region found)" in res.stderr
    assert "jiading.txt" not in res.stderr
    assert rows(out, UNCERTAIN) == {("a.txt",), ("b.txt",)}
    assert ("jiading.txt", "issuer") in rows(out, BASIS) or ("jiading.txt", "title") in rows(out, BASIS)
    # 区卫健委 of two documents with no region: two entities, never one
    units = rows(out, UNITS)
    unscoped = {u for (u,) in units if "doc-" in u}
    assert len(unscoped) == 2, units


def test_region_applies_where_the_text_does_not_say(tmp_path):
    res, out = build(tmp_path, "--region", "闵行区")
    assert "uncertain" not in res.stderr
    assert not rows(out, UNCERTAIN)
    basis = dict(rows(out, BASIS))
    assert basis["a.txt"] == basis["b.txt"] == "given" and basis["jiading.txt"] != "given"
    leads = rows(out, LEADS)
    assert ("a.txt", "闵行区卫生健康委员会") in leads and ("b.txt", "闵行区卫生健康委员会") in leads
    assert ("jiading.txt", "嘉定区卫生健康委员会") in leads  # its text says where it is from


def test_a_mapping_line_holds_whatever_the_text_says(tmp_path):
    mapping = tmp_path / "regions.tsv"
    mapping.write_text("# file\tregion\njiading.txt\t闵行区\na.txt\t长宁区\n", encoding="utf-8")
    res, out = build(tmp_path, "--regions", str(mapping))
    basis = dict(rows(out, BASIS))
    assert basis["jiading.txt"] == basis["a.txt"] == "given"
    assert rows(out, UNCERTAIN) == {("b.txt",)} and "b.txt: jurisdiction uncertain" in res.stderr
    assert ("a.txt", "长宁区卫生健康委员会") in rows(out, LEADS)


@pytest.mark.parametrize("args, message", [
    (["--region", "火星区"], "unknown region '火星区'"),
])
def test_an_unknown_region_is_one_line(tmp_path, args, message):
    (tmp_path / "a.txt").write_text(NO_REGION_A, encoding="utf-8")
    res = subprocess.run(KG + ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), *args],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 2 and message in res.stderr and res.stderr.strip().count("\n") == 0
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_a_bad_mapping_line_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(NO_REGION_A, encoding="utf-8")
    mapping = tmp_path / "regions.tsv"
    mapping.write_text("a.txt 闵行区\n", encoding="utf-8")  # a space, not a tab
    res = subprocess.run(KG + ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--regions", str(mapping)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 2 and "regions.tsv:1: a mapping line is FILE<TAB>REGION" in res.stderr
    assert res.stderr.strip().count("\n") == 0


def test_a_text_naming_only_its_provinces_campaign_is_that_provinces_uncertainly():
    from kg.names.regions import read_jurisdiction
    found = read_jurisdiction("为深入实施健康内蒙古行动，自治区教育厅开展督查。", None, None)
    assert found.region is not None and found.region.name == "内蒙古自治区"
    assert found.basis == "campaign" and not found.certain
    # two provinces' campaigns: no one province
    assert read_jurisdiction("学习健康浙江行动和健康江苏行动的经验。", None, None).region is None
    # a text that names a region itself is read by its mentions
    assert read_jurisdiction("呼和浩特市推进健康内蒙古行动。呼和浩特市卫健委…", None, None).basis == "mentions"
