"""How the costs grow with the corpus: build time, triples, peak memory, store size and
query latency at several corpus sizes, each printed as it is measured.

    python bench/bench_scale.py --copies 20 200 2000        # 10², 10³ and 10⁴ documents

For each size (``--copies`` × the 5 seeds, with seeded county names, as
bench/bench_build.py makes them): ``kg build --no-html`` and ``kg build --no-html --store``
(wall clock, CPU, peak memory), graph.trig size, triples (counted in the store), store
size, an ``--incremental`` rebuild with one document changed (after a first incremental
build that fills the cache), and presets (``--queries``; by default one that returns few
rows and one that returns many) inside the store (median of ``--repeat``) and as whole
``kg query`` commands against it. Every run is printed as it is measured, then a summary
line per size. A benchmark script, not a test.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_build import make_corpus  # noqa: E402

KG = [sys.executable, "-m", "kg.cli"]
PRESETS = ("targets_by_year", "programs_by_department")


def command(args: list[str], what: str = "") -> tuple[float, int]:
    """Wall seconds and peak memory (MB, GNU time's %M) of one command, printed with its CPU time."""
    t = time.perf_counter()
    res = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if res.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(args)}\n{res.stderr}")
    wall = time.perf_counter() - t
    user, system, peak = res.stderr.strip().splitlines()[-1].split()
    print(f"  run: {what or ' '.join(args[3:5])}: {wall:.2f} s wall, {float(user) + float(system):.2f} s CPU, "
          f"{int(peak) // 1024} MB", flush=True)
    return wall, int(peak) // 1024


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20 if path.is_dir() else path.stat().st_size / 2**20


def in_store(location: Path, sparql: str, repeat: int) -> tuple[int, float]:
    """Rows and median ms of one query inside the store, every run printed."""
    import statistics

    import pyoxigraph as ox

    store = ox.Store.read_only(str(location))
    runs = []
    rows = 0
    for _ in range(repeat):
        t = time.perf_counter()
        res = store.query(sparql)
        cols = [v.value for v in res.variables]
        rows = len([[("" if sol[v] is None else sol[v].value) for v in cols] for sol in res])
        runs.append((time.perf_counter() - t) * 1000)
    print(f"  runs in the store: {', '.join(f'{r:,.0f}' for r in runs)} ms ({rows:,} rows)", flush=True)
    return rows, statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[20, 200], help="copies of the 5 seeds, one size each")
    parser.add_argument("--queries", nargs="+", default=list(PRESETS))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from kg.graph.persist import current_generation
    from kg.sparql import presets

    table = presets()
    summary = []
    head = ("documents | characters | build s, MB | triples | graph.trig MB | build --store s, MB | store MB | "
            "incremental, one changed: s (% of the clean build) | "
            + " | ".join(f"{p}: rows, in the store ms, command s, MB" for p in args.queries))
    for copies in args.copies:
        n = copies * 5
        print(f"{n:,} documents", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            corpus, out, plain = Path(tmp) / "corpus", Path(tmp) / "out", Path(tmp) / "plain"
            corpus.mkdir()
            chars = make_corpus(corpus, copies)
            build = command(KG + ["build", str(corpus), "--out", str(plain), "--no-html", "-q"], "kg build")
            stored = command(KG + ["build", str(corpus), "--out", str(out), "--no-html", "--store", "-q"], "kg build --store")
            location = current_generation(out)[0]
            import pyoxigraph as ox

            triples = int(next(iter(ox.Store.read_only(str(location)).query(
                "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
            command(KG + ["build", str(corpus), "--out", str(plain), "--no-html", "-q", "--incremental"], "kg build --incremental (first)")
            first = sorted(corpus.iterdir())[0]
            first.write_text(first.read_text(encoding="utf-8") + "\n（十）新增一项。\n", encoding="utf-8")
            incremental = command(KG + ["build", str(corpus), "--out", str(plain), "--no-html", "-q", "--incremental"],
                                  "kg build --incremental (one changed)")
            queries = []
            for p in args.queries:
                rows, median = in_store(location, table[p].sparql, args.repeat)
                walls = [command(KG + ["query", str(out), "--preset", p, "--format", "csv", "--timeout", "3600"], f"kg query --preset {p}")
                         for _ in range(args.repeat)]
                walls.sort()
                queries.append((rows, median, walls[len(walls) // 2][0], max(m for _, m in walls)))
            line = (f"{n:,} | {chars:,} | {build[0]:.1f}, {build[1]} | {triples:,} | {size_mb(plain / 'graph.trig'):.0f} | "
                    f"{stored[0]:.1f}, {stored[1]} | {size_mb(out / 'store'):.0f} | "
                    f"{incremental[0]:.2f} ({100 * incremental[0] / build[0]:.0f}%) | "
                    + " | ".join(f"{r:,}, {m:,.0f}, {w:.2f}, {mb}" for r, m, w, mb in queries))
            summary.append(line)
            print(line, flush=True)
    print("\n" + head)
    for line in summary:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
