"""kg report (issue 23, part 3): the analyst's page and its markdown + CSV form."""
from __future__ import annotations

import csv
import re

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main

from .conftest import SEEDS
from .test_progress import CHANGNING, MINHANG

SECTIONS = ("departments", "colead", "timeline", "progress", "coverage")


@pytest.fixture(scope="module")
def progress_out(tmp_path_factory):
    """The seeds plus two written documents whose target meets a measurement."""
    d = tmp_path_factory.mktemp("docs")
    (d / "minhang.txt").write_text(MINHANG, encoding="utf-8")
    (d / "changning.txt").write_text(CHANGNING, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    kg.build([SEEDS, d], out=out, html=False)
    return out


@pytest.fixture(scope="module")
def page(progress_out):
    res = CliRunner().invoke(main, ["report", str(progress_out), "-o", str(progress_out / "report.html")])
    assert res.exit_code == 0, res.output
    return (progress_out / "report.html").read_text(encoding="utf-8")


def test_the_page_has_every_section_with_a_chart_beside_its_table(page):
    for key in SECTIONS:
        body = page.split(f'<section id="{key}">', 1)[1].split("</section>", 1)[0]
        assert '<table class="data">' in body, key
        if key != "coverage":
            assert '<div class="chart"><svg' in body, key
    assert "<script" not in page and "default-src 'none'" in page
    assert "闵行区卫生健康委员会" in page.split('<section id="departments">', 1)[1].split("<table", 1)[0]  # in the chart


def test_every_evidence_link_points_at_a_sentence_on_the_page(page):
    links = set(re.findall(r'href="#(ev-\d+)"', page))
    ids = set(re.findall(r'<li id="(ev-\d+)">', page))
    assert links and links <= ids


def test_the_progress_table_shows_gap_and_met(page):
    body = page.split('<section id="progress">', 1)[1].split("</section>", 1)[0]
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", body) if "健康素养水平" in r and "<td>2025</td>" in r)
    cells = re.findall(r"<td>(.*?)</td>", row)
    assert cells[:8] == ["闵行区", "健康素养水平", "2025", "≥30%", "2022", "25.3%", "4.7", "否 not met"]


def test_the_same_graph_gives_the_same_bytes(progress_out, tmp_path):
    kg.report(progress_out, tmp_path / "a.html")
    kg.report(kg.load(progress_out), tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_markdown_with_csv_tables_beside_it(progress_out, tmp_path):
    res = CliRunner().invoke(main, ["report", str(progress_out), "-o", str(tmp_path / "r.md"), "--format", "md"])
    assert res.exit_code == 0, res.output
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    for key in SECTIONS:
        with (tmp_path / f"r_{key}.csv").open(encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert rows[0] and f"r_{key}.csv" in md
    assert (tmp_path / "r_departments.svg").read_text(encoding="utf-8").startswith("<svg")
    with (tmp_path / "r_progress.csv").open(encoding="utf-8") as f:
        progress = list(csv.DictReader(f))
    assert any(r["差距 gap"] == "4.7" for r in progress)


def test_a_folder_without_its_store_is_told_how_to_make_the_report_faster(progress_out, tmp_path):
    res = CliRunner().invoke(main, ["report", str(progress_out), "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 0 and "kg build --store" in res.output


def test_a_folder_without_a_graph_is_one_line_and_a_failure(tmp_path):
    res = CliRunner().invoke(main, ["report", str(tmp_path), "-o", str(tmp_path / "r.html")])
    assert res.exit_code != 0
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1
    assert not (tmp_path / "r.html").exists()


def test_text_from_documents_is_escaped():
    from kg.reporting import Report, Section, Table, render_html

    evil = '<script>alert(1)</script>"&'
    rep = Report(evil, [(evil, evil)], [Section("departments", evil, evil, Table([evil], [[evil]], [[0]]), note=evil)],
                 [(evil, evil)])
    text = render_html(rep)
    assert "<script" not in text and "&lt;script&gt;" in text


def test_an_empty_graph_still_reports(tmp_path):
    doc = tmp_path / "d" / "x.txt"
    doc.parent.mkdir()
    doc.write_text("一份没有部门也没有目标的通知。\n", encoding="utf-8")
    store = kg.build([doc.parent])
    kg.report(store, tmp_path / "r.html")
    text = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "No department leads or supports a program" in text


def test_the_drawn_part_of_the_colead_network_is_in_sorted_order_whatever_the_set_order():
    """A networkx view of a small part of a graph iterates the node set, whose order
    changes with string hashing from one process to the next: the chart drew its edges
    in another order in every run on the 1,000-document corpus."""
    from kg.reporting import _canonical_graph, _drawn_subgraph

    nodes = [f"d{i:02d}" for i in range(30)]
    g = _canonical_graph(nodes, [(a, b, 1) for i, a in enumerate(nodes) for b in nodes[i + 1:i + 4]])
    drawn = {"d17", "d03", "d04", "d16", "d05", "d18"}
    sub = _drawn_subgraph(g, drawn)
    assert list(sub) == sorted(drawn)
    assert list(sub.edges()) == sorted((a, b) for a, b in g.subgraph(drawn).edges() for a, b in [sorted((a, b))])


def test_a_folder_without_its_store_is_read_as_the_report_needs_it(progress_out, tmp_path, monkeypatch):
    """Its union from graph.ttl and, of graph.trig, only what the report reads per
    document graph: the same page as from the whole graph, and the usual reading when
    graph.ttl is not the one its build wrote beside graph.trig."""
    import os
    import shutil

    from kg.graph.store import GraphStore
    from kg.reporting import load_graph

    import pyoxigraph as ox

    whole = GraphStore.load(progress_out)
    read = load_graph(progress_out)

    def named(store):  # noqa: ANN001, ANN202
        return sum(1 for q in store._store if not isinstance(q.graph_name, ox.DefaultGraph))

    assert 0 < named(read) < named(whole) / 2
    kg.report(read, tmp_path / "read.html")
    kg.report(whole, tmp_path / "whole.html")
    assert (tmp_path / "read.html").read_bytes() == (tmp_path / "whole.html").read_bytes()

    folder = tmp_path / "out"
    folder.mkdir()
    for name in ("graph.ttl", "graph.trig"):
        shutil.copy2(progress_out / name, folder / name)
    trig = (folder / "graph.trig").stat().st_mtime_ns
    os.utime(folder / "graph.ttl", ns=(trig + 10**9, trig + 10**9))  # written after graph.trig: not its build's
    calls = []
    monkeypatch.setattr(GraphStore, "load", classmethod(lambda cls, p: calls.append(p) or whole))
    assert load_graph(folder) is whole and calls == [folder]
