#!/usr/bin/env python3
"""Explorer on a large graph: `kg render` time (load + layout + page) and the time
headless Chromium takes to draw it, for a synthetic graph of N entities and M relations
(default 5,000 and 15,000). Goals (issue 5): render < 10 s in all, draw < 3 s.

Usage: python bench/bench_render.py [--nodes N] [--edges M] [--keep DIR]
Needs Debian's chromium and playwright (pip install -e ".[test]").
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

HG = "https://w3id.org/healthgov-kg/ontology#"
ID = "https://w3id.org/healthgov-kg/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
EVIDENCE = ox.NamedNode(HG + "evidence")


def make_graph(path: Path, n_nodes: int, n_edges: int) -> None:
    rnd = random.Random(7)
    g = ox.NamedNode(ID + "doc/bench")
    quads = [ox.Quad(g, RDF_TYPE, ox.NamedNode(HG + "SourceDocument"), g),
             ox.Quad(g, ox.NamedNode(HG + "fileName"), ox.Literal("bench.txt"), g)]
    n_dept = n_nodes // 4
    nodes = []
    for i in range(n_nodes):
        cls = "Department" if i < n_dept else "Program"
        node = ox.NamedNode(f"{ID}{cls.lower()}/n{i}")
        name = (f"第{i}区卫生健康委员会" if cls == "Department" else f"第{i}号健康促进专项行动计划")
        quads += [ox.Quad(node, RDF_TYPE, ox.NamedNode(HG + cls), g), ox.Quad(node, LABEL, ox.Literal(name, language="zh"), g),
                  ox.Quad(node, DERIVED, g, g), ox.Quad(node, EVIDENCE, ox.Literal(name + "牵头。", language="zh"), g)]
        nodes.append(node)
    seen = set()
    while len(seen) < n_edges:
        a = rnd.randrange(n_dept)
        b = rnd.randrange(n_dept, n_nodes) if rnd.random() < 0.9 else rnd.randrange(n_dept)
        kind = "leads" if rnd.random() < 0.4 else "supports"
        if (a, b) in seen or a == b:
            continue
        seen.add((a, b))
        quads.append(ox.Quad(nodes[a], ox.NamedNode(HG + kind), nodes[b], g))
    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--edges", type=int, default=15000)
    ap.add_argument("--keep", type=Path)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = a.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        graph, html = work / "big.trig", work / "big.html"
        make_graph(graph, a.nodes, a.edges)
        kg = Path(sys.executable).with_name("kg")
        t0 = time.perf_counter()
        subprocess.run([str(kg), "render", str(graph), "-o", str(html)], check=True, capture_output=True)
        render_s = time.perf_counter() - t0
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium",
                                  args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                        "--disable-component-update", "--disable-sync", "--no-first-run"])
            page = b.new_context(viewport={"width": 1400, "height": 900}, offline=True).new_page()
            t1 = time.perf_counter()
            page.goto(html.resolve().as_uri())
            page.wait_for_selector("body[data-drawn='1']", timeout=120000)
            draw_s = time.perf_counter() - t1
            n = page.evaluate("window.kgNetwork.body.data.nodes.length")
            b.close()
    print(f"graph: {a.nodes:,} nodes, {a.edges:,} edges; page nodes: {n:,}; HTML {html.stat().st_size / 1e6 if html.exists() else 0:.1f} MB")
    print(f"kg render (load + layout + page): {render_s:.2f} s   (goal < 10 s)")
    print(f"headless Chromium open → first draw: {draw_s:.2f} s   (goal < 3 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
