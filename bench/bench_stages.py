#!/usr/bin/env python3
"""Where build time goes: seconds per million raw characters for each stage.

Builds the bench corpus (bench_build.make_corpus), then times reading, each spaCy
component, statement writing and serialisation separately, in CPU time. Each of the
--repeat runs is a fresh process, as a `kg build` is: a second build in one process
finds its memoised names and its grown heap ready, and looked a third faster than any
real command. Only the tables every build loads once (fold table, gazetteers,
patterns) are warmed first, on the five seeds. Reports the run with the least
total (this machine's speed varies by ±30%).

Usage: python bench/bench_stages.py [--copies N] [--repeat R]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_build import interpreter, make_corpus  # noqa: E402

from kg.extract.pipeline import NOT_IN_BUILDS, default_nlp, extraction_of, source_doc  # noqa: E402
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
            if name not in NOT_IN_BUILDS:  # as extract_document runs them
                doc = timed(name, proc, doc)
        graphs.append(timed("statements", document_graph, src, extraction_of(doc, src)))  # with Turtle blocks
    store = GraphStore()
    for g in graphs:
        store.add_document(g)
    timed("turtle", store.serialize, "turtle")
    timed("trig", store.serialize, "trig")
    return t


def once(corpus: Path) -> dict[str, float]:
    """One fresh-process measurement: warm the load-once tables on the seeds, then
    time every stage over the corpus."""
    run_once(sorted((ROOT / "seeds").glob("*.txt")))
    return run_once(sorted(corpus.glob("*.txt")))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--once", type=Path, help=argparse.SUPPRESS)  # child: time this corpus, print JSON
    a = ap.parse_args()
    if a.once:
        print(json.dumps(once(a.once)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        raw = make_corpus(Path(tmp), a.copies)
        runs = [json.loads(subprocess.run([sys.executable, __file__, "--once", tmp], check=True, capture_output=True,
                                          text=True).stdout) for _ in range(a.repeat)]
    best = min(runs, key=lambda r: sum(r.values()))
    scale = 1e6 / raw
    print(f"interpreter: {interpreter()}")
    print(f"{raw:,} raw characters; CPU seconds per 1M raw characters (fastest of {a.repeat} fresh processes):")
    for k, v in best.items():
        print(f"  {k:16s} {v * scale:6.3f}")
    total = sum(best.values()) * scale
    others = ", ".join(f"{1e6 / (sum(r.values()) * scale):,.0f}" for r in runs)
    print(f"  {'total':16s} {total:6.3f}   → {1e6 / total:,.0f} characters/s  (runs: {others})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
