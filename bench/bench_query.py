"""Query speed: every named query (kg/ontology/queries) on the same graph, three ways.

    python bench/bench_query.py --copies 200 --repeat 5        # 1,000 documents, ~590k triples
    python bench/bench_query.py --kg out --queries targets_by_year program_structure --no-rdflib

``--kg OUT`` measures an output folder already built with ``kg build --store`` instead of
building a corpus; ``--queries`` names the presets to run (all by default).

1. inside the on-disk store (``kg build --store``), opened read-only: the query and
   reading its rows, the median of ``--repeat`` runs (every run printed);
2. the whole ``kg query OUT --preset NAME --format csv`` command, with the store and
   from graph.trig (wall clock, peak memory of the command): computed on the store
   (``--fresh``), and read back from the answer kept for the store's generation
   (kg.sparql.answers; one command keeps it first);
3. rdflib's default in-memory store, the graph.trig loaded once in one process, then
   each query (stopped at ``--rdflib-timeout`` seconds), and its time over the median
   in the store.

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

RDFLIB_QUERIES = r"""
import signal, sys, time, rdflib
g = rdflib.Dataset(default_union=True)
t = time.perf_counter(); g.parse(sys.argv[1], format="trig"); print(f"load {time.perf_counter() - t:.2f}", flush=True)
limit = int(float(sys.argv[2]))

def stop(*_):
    raise TimeoutError

signal.signal(signal.SIGALRM, stop)
for path in sys.argv[3:]:
    text = open(path, encoding="utf-8").read()
    signal.alarm(limit)
    t = time.perf_counter()
    try:
        rows = len(list(g.query(text)))
        took = f"{time.perf_counter() - t:.4f} {rows}"
    except TimeoutError:
        took = "timeout"
    signal.alarm(0)
    print(path, took, flush=True)
"""


def rdflib_times(trig: Path, queries: dict[str, Path], limit: float) -> tuple[str, dict[str, float | str | None]]:
    """rdflib's default store: graph.trig loaded once, then each query, stopped after
    ``limit`` seconds (SIGALRM: rdflib is Python). Load seconds; seconds per query (None: stopped; "failed": the process ended first)."""
    proc = subprocess.Popen([sys.executable, "-c", RDFLIB_QUERIES, str(trig), str(limit), *map(str, queries.values())],
                            stdout=subprocess.PIPE, text=True)
    load = "?"
    by_path = {}
    for line in proc.stdout:  # printed as they come: a load of minutes is not lost to a later failure
        print(f"  rdflib: {line.strip()}", flush=True)
        if line.startswith("load "):
            load = line.split()[1]
            continue
        path, took = line.strip().split(" ", 1)
        by_path[path] = None if took == "timeout" else float(took.split()[0])
    proc.wait()
    return load, {name: by_path.get(str(p), "failed") for name, p in queries.items()}


def command(args: list[str], cpu: bool = False) -> tuple:
    """Wall seconds and peak memory (MB, of the command's largest process: GNU time's %M);
    with ``cpu``, (wall, user + system CPU seconds, MB)."""
    t = time.perf_counter()
    res = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", *args], check=True, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    user, system, peak = res.stderr.strip().splitlines()[-1].split()
    if cpu:
        return wall, float(user) + float(system), int(peak) // 1024
    return wall, int(peak) // 1024


def kept_ratio(rdf_ms: float | None, reads: list[float]) -> str:
    """rdflib's time over the median read of the kept answer (a negative rdflib time: it was stopped there)."""
    if rdf_ms is None or not reads:
        return ""
    r = abs(rdf_ms) / max(statistics.median(reads), 0.001)
    return f" | {'over ' if rdf_ms < 0 else ''}{r:,.0f}×"


def _commands(runs: list[tuple[float, float, int]]) -> str:
    """Median wall (every run), median CPU and the largest peak of some command runs."""
    walls = sorted(w for w, _, _ in runs)
    return (f"{walls[len(walls) // 2]:.2f} ({', '.join(f'{w:.2f}' for w, _, _ in runs)}), "
            f"CPU {statistics.median(c for _, c, _ in runs):.2f}, {max(m for _, _, m in runs)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=200, help="copies of the seeds (5 documents each)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--no-files", action="store_true", help="skip the commands that read graph.trig")
    parser.add_argument("--kg", type=Path, help="an output folder built with kg build --store (no corpus is built)")
    parser.add_argument("--queries", nargs="+", help="the presets to run (default: all)")
    args = parser.parse_args()

    import kg
    from kg.defaults import DEFAULT_MAX_ROWS
    from kg.graph.store import GraphStore
    from kg.sparql.answers import read_answer
    from kg.graph.persist import current_generation

    kg_cmd = [sys.executable, "-m", "kg.cli"]
    table = kg.presets()
    names = args.queries or sorted(table)
    unknown = [n for n in names if n not in table]
    if unknown:
        parser.error(f"no preset named {', '.join(unknown)}")
    with tempfile.TemporaryDirectory() as tmp:
        if args.kg is not None:
            out = args.kg
        else:
            corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
            corpus.mkdir()
            chars = make_corpus(corpus, args.copies)
            wall, peak = command(kg_cmd + ["build", str(corpus), "--out", str(out), "--no-html", "--store", "-q"])
            print(f"documents: {args.copies * 5:,}  characters: {chars:,}")
            print(f"kg build --store: {wall:.1f} s, peak {peak} MB")
        found = current_generation(out)
        if found is None:
            parser.error(f"{out} holds no store that matches its graph.trig (kg build --store)")
        location = found[0]
        store = GraphStore.open_location(location)
        triples = int(next(iter(store.query_raw("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
        print(f"{out}: {len(found[1]['documents']):,} documents, {triples:,} triples, "
              f"store {sum(p.stat().st_size for p in location.rglob('*')) >> 20} MB")
        rdflib_results = None
        if not args.no_rdflib:
            files = {}
            for name in names:
                files[name] = Path(tmp) / f"{name}.rq"
                files[name].write_text(table[name].sparql, encoding="utf-8")
            rdflib_results = rdflib_times(out / "graph.trig", files, args.rdflib_timeout)
            print(f"rdflib: graph.trig loaded in {rdflib_results[0]} s", flush=True)
        print("\npreset | rows | in the store: median ms (runs; CPU ms of the median run) | "
              "kg query with the store, --fresh: s (runs), CPU s, MB | kg query, the kept answer: s (runs), CPU s, MB | "
              "the kept answer read in-process: ms (runs) | from graph.trig: s, MB | rdflib: ms | rdflib / in the store | "
              "rdflib / the kept answer read")
        for name in names:
            preset = table[name]
            runs, cpus = [], []
            rows = 0
            for _ in range(args.repeat):
                t, c = time.perf_counter(), time.process_time()
                res = store.query_raw(preset.sparql)
                cols = [v.value for v in res.variables]
                rows = len([[("" if sol[v] is None else sol[v].value) for v in cols] for sol in res])
                runs.append((time.perf_counter() - t) * 1000)
                cpus.append((time.process_time() - c) * 1000)
            median = statistics.median(runs)
            median_cpu = cpus[runs.index(median)] if median in runs else statistics.median(cpus)
            with_store = [command(kg_cmd + ["query", str(out), "--preset", name, "--format", "csv", "--timeout", "3600", "--fresh"],
                                  cpu=True) for _ in range(args.repeat)]
            kept = [command(kg_cmd + ["query", str(out), "--preset", name, "--format", "csv", "--timeout", "3600"], cpu=True)
                    for _ in range(args.repeat)]  # the --fresh runs above kept the answer: each of these reads it
            reads = []
            for _ in range(args.repeat):  # the kept answer read in this process, as kg.query reads it
                t = time.perf_counter()
                read_answer(store, preset.sparql, DEFAULT_MAX_ROWS)
                reads.append((time.perf_counter() - t) * 1000)
            from_files = "not run" if args.no_files else \
                "{:.2f}, {}".format(*command(kg_cmd + ["query", str(out / "graph.trig"), "--preset", name, "--format", "csv", "--timeout", "3600"]))
            rdf, ratio, rdf_ms = "not run", "", None
            if rdflib_results is not None:
                took = rdflib_results[1].get(name)
                if took == "failed":
                    rdf = "failed"
                elif took is None:
                    rdf = f"over {args.rdflib_timeout:g} s"
                    ratio = f"over {args.rdflib_timeout * 1000 / median:,.0f}×"
                    rdf_ms = -args.rdflib_timeout * 1000  # negative: a lower bound
                else:
                    rdf = f"{took * 1000:,.0f} ms"
                    ratio = f"{took * 1000 / median:,.1f}×"
                    rdf_ms = took * 1000
            print(f"{name} | {rows:,} | {median:,.1f} ({', '.join(f'{r:,.1f}' for r in runs)}; CPU {median_cpu:,.0f}) | "
                  f"{_commands(with_store)} | {_commands(kept)} | {statistics.median(reads):,.1f} "
                  f"({', '.join(f'{r:,.1f}' for r in reads)}) | {from_files} | {rdf} | {ratio}{kept_ratio(rdf_ms, reads)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
