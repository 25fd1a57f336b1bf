#!/usr/bin/env python3
"""Build speed: N copies of the seeds with varied place names, through `kg build` minus HTML.

Each copy has its district names replaced by those of other real counties, so its
entities do not collapse into the seeds' ones. Prints characters per second (of
cleaned input), triples per second and peak memory. Goal (issue 2): at least
500,000 characters per second on one core.

Usage: python bench/bench_build.py [--copies N] [--jobs N] [--repeat R] [--keep DIR] [--profile]
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.resolve.regions import regions  # noqa: E402

SEED_PLACES = [("闵行", "区"), ("嘉定", "区"), ("长宁", "区"), ("長寧", "區"), ("嘉兴", "市"), ("海盐", "县")]


def make_corpus(dst: Path, copies: int) -> int:
    """Write ``copies`` × the seeds, each with its place names replaced by randomly drawn
    (seeded) real counties, so that no two files are alike: a build reads duplicate
    files once, and a corpus of copies would measure that instead of extraction."""
    import random

    counties = sorted((r for r in regions().by_code.values()
                       if r.level == "county" and len(r.short) == 2 and r.name.endswith(("区", "县"))),
                      key=lambda r: r.code)
    rng = random.Random(2260)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    total = 0
    seen: set[str] = set()
    for i in range(copies):
        for s in seeds:
            original = s.read_text(encoding="utf-8")
            for _attempt in range(100):  # a seed naming one place has ~1,400 variants only
                text = original
                for short, _suffix in SEED_PLACES:
                    text = text.replace(short, rng.choice(counties).short)
                if text not in seen:
                    break
            seen.add(text)
            p = dst / f"{i:05d}_{s.name}"
            p.write_text(text, encoding="utf-8")
            total += len(text)
    return total


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (the goal is stated for one)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="timed builds of the same corpus; the fastest is reported (this VM's speed varies ±30%%)")
    a = ap.parse_args()
    from kg.corpus import build_store
    from kg.extract.pipeline import default_nlp

    with tempfile.TemporaryDirectory() as tmp:
        corpus = a.keep or Path(tmp) / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        raw = make_corpus(corpus, a.copies)
        default_nlp()  # model set-up is not per-document work
        runs = []
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            if a.profile:
                import cProfile
                import pstats

                prof = cProfile.Profile()
                prof.enable()
            store, report = build_store([corpus], jobs=a.jobs)
            t1 = time.perf_counter()
            ttl = store.serialize("turtle")
            trig = store.serialize("trig")
            t2 = time.perf_counter()
            if a.profile:
                prof.disable()
                pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
            runs.append((t2 - t0, t1 - t0, t2 - t1))
    n_triples = len(store)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total, extract, serialize = min(runs)
    print(f"documents: {len(report.documents)}  raw characters: {raw:,}  kept: {report.characters:,}")
    print(f"extract+load: {extract:.2f} s  serialize (ttl {len(ttl) / 1e6:.1f} MB, trig {len(trig) / 1e6:.1f} MB): {serialize:.2f} s")
    rates = ", ".join(f"{raw / r[0]:,.0f}" for r in runs)
    print(f"characters/s (raw input, end to end without HTML, {a.jobs} process(es)): {raw / total:,.0f}"
          + (f"  (runs: {rates})" if len(runs) > 1 else ""))
    print(f"triples: {n_triples:,}  triples/s: {n_triples / total:,.0f}  peak memory: {peak_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
