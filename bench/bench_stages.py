#!/usr/bin/env python3
"""Where build time goes: seconds per million raw characters for each stage.

Builds the bench corpus (bench_build.make_corpus), then times reading, each spaCy
component, statement writing and serialisation separately, in CPU time, and reports
the fastest of --repeat runs (this machine's wall-clock speed varies by ±30%).

Usage: python bench/bench_stages.py [--copies N] [--repeat R]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_build import make_corpus  # noqa: E402

from kg.extract.pipeline import default_nlp, extraction_of, source_doc  # noqa: E402
from kg.graph.builder import document_graph  # noqa: E402
from kg.graph.store import GraphStore  # noqa: E402
from kg.ingest import read_document  # noqa: E402


def run_once(paths: list[Path]) -> dict[str, float]:
    nlp = default_nlp()
    t: dict[str, float] = {}

    def timed(key: str, fn, *args):  # noqa: ANN001, ANN202
        t0 = time.process_time()
        out = fn(*args)
        t[key] = t.get(key, 0.0) + time.process_time() - t0
        return out

    srcs = timed("read", lambda: [read_document(p) for p in paths])
    graphs = []
    for src in srcs:
        doc = timed("make_doc", source_doc, src, nlp)
        for name, proc in nlp.pipeline:
            doc = timed(name, proc, doc)
        graphs.append(timed("statements", document_graph, src, extraction_of(doc, src)))  # with Turtle blocks
    store = GraphStore()
    for g in graphs:
        store.add_document(g)
    timed("turtle", store.serialize, "turtle")
    timed("trig", store.serialize, "trig")
    return t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        raw = make_corpus(Path(tmp), a.copies)
        paths = sorted(Path(tmp).glob("*.txt"))
        run_once(paths[:5])  # warm caches and lazy tables
        runs = [run_once(paths) for _ in range(a.repeat)]
    best = {k: min(r[k] for r in runs) for k in runs[0]}
    scale = 1e6 / raw
    print(f"{raw:,} raw characters; CPU seconds per 1M raw characters (best of {a.repeat}):")
    for k, v in best.items():
        print(f"  {k:16s} {v * scale:6.3f}")
    total = sum(best.values()) * scale
    print(f"  {'total':16s} {total:6.3f}   → {1e6 / total:,.0f} characters/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
