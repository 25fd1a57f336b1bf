"""Query speed: every named query (kg/ontology/queries) on the same graph, three ways.

    python bench/bench_query.py --copies 200 --repeat 5        # 1,000 documents, ~590k triples

1. inside the on-disk store (``kg build --store``), opened read-only: the query and
   reading its rows, the median of ``--repeat`` runs (every run printed);
2. the whole ``kg query OUT --preset NAME --format csv`` command, with the store and
   from graph.trig (wall clock, peak memory of the command);
3. rdflib's default in-memory store, the graph.trig loaded once, then the same query
   (each in its own process, stopped at ``--rdflib-timeout`` seconds).

A benchmark script, not a test: timings depend on the machine and the minute.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_build import make_corpus  # noqa: E402

RDFLIB_QUERY = r"""
import sys, time, rdflib
g = rdflib.Dataset(default_union=True)
t = time.perf_counter(); g.parse(sys.argv[1], format="trig"); load = time.perf_counter() - t
text = open(sys.argv[2], encoding="utf-8").read()
t = time.perf_counter(); rows = len(list(g.query(text))); took = time.perf_counter() - t
print(f"{load:.2f} {took:.4f} {rows}")
"""


def command(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak memory (MB, of the command's largest process: GNU time's %M)."""
    t = time.perf_counter()
    res = subprocess.run(["/usr/bin/time", "-f", "%M", *args], check=True, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    return wall, int(res.stderr.strip().splitlines()[-1]) // 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=200, help="copies of the seeds (5 documents each)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    parser.add_argument("--no-rdflib", action="store_true")
    args = parser.parse_args()

    import kg
    from kg.graph.store import GraphStore
    from kg.graph.persist import current_generation

    kg_cmd = [sys.executable, "-m", "kg.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        corpus.mkdir()
        chars = make_corpus(corpus, args.copies)
        wall, peak = command(kg_cmd + ["build", str(corpus), "--out", str(out), "--no-html", "--store", "-q"])
        location, _ = current_generation(out)
        store = GraphStore.open_location(location)
        triples = int(next(iter(store.query_raw("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
        print(f"documents: {args.copies * 5:,}  characters: {chars:,}  triples: {triples:,}")
        print(f"kg build --store: {wall:.1f} s, peak {peak} MB; store {sum(p.stat().st_size for p in location.rglob('*')) >> 20} MB")
        print("\npreset | rows | in the store: median ms (runs) | kg query with the store: s, MB | from graph.trig: s, MB | rdflib: ms (load s)")
        for name, preset in sorted(kg.presets().items()):
            runs = []
            rows = 0
            for _ in range(args.repeat):
                t = time.perf_counter()
                rows = len(list(store.query_raw(preset.sparql)))
                runs.append((time.perf_counter() - t) * 1000)
            with_store = command(kg_cmd + ["query", str(out), "--preset", name, "--format", "csv"])
            from_files = command(kg_cmd + ["query", str(out / "graph.trig"), "--preset", name, "--format", "csv"])
            rdf = "not run"
            if not args.no_rdflib:
                qfile = Path(tmp) / f"{name}.rq"
                qfile.write_text(preset.sparql, encoding="utf-8")
                try:
                    res = subprocess.run([sys.executable, "-c", RDFLIB_QUERY, str(out / "graph.trig"), str(qfile)],
                                         capture_output=True, text=True, timeout=args.rdflib_timeout)
                    load, took, _ = res.stdout.split()
                    rdf = f"{float(took) * 1000:,.0f} ms (load {load} s)"
                except subprocess.TimeoutExpired:
                    rdf = f"over {args.rdflib_timeout:g} s"
                except ValueError:
                    rdf = "failed"
            print(f"{name} | {rows:,} | {statistics.median(runs):,.1f} ({', '.join(f'{r:,.1f}' for r in runs)}) | "
                  f"{with_store[0]:.2f}, {with_store[1]} | {from_files[0]:.2f}, {from_files[1]} | {rdf}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
