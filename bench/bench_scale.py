"""How the costs grow with the corpus: build time, triples, peak memory, store size and
query latency at several corpus sizes, each printed as it is measured.

    python bench/bench_scale.py --documents 100 1000 10000

For each size N (the seeds with seeded county names, as bench/bench_build.py makes them):
``kg build --no-html`` and ``kg build --no-html --store`` (wall clock, peak memory),
graph.trig size, triples, store size, an ``--incremental`` rebuild with one document
changed, and two presets as whole ``kg query`` commands against the store (one that
returns few rows, one that returns many). A benchmark script, not a test.
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


def command(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak memory (MB, GNU time's %M) of one command."""
    t = time.perf_counter()
    res = subprocess.run(["/usr/bin/time", "-f", "%M", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if res.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(args)}\n{res.stderr}")
    return time.perf_counter() - t, int(res.stderr.strip().splitlines()[-1]) // 1024


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20 if path.is_dir() else path.stat().st_size / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[100, 1000])
    args = parser.parse_args()
    print("documents | characters | build s, MB | triples | graph.trig MB | build --store s, MB | store MB | "
          "incremental, one changed: s | " + " | ".join(f"{p} with the store: s, MB" for p in PRESETS), flush=True)
    for n in args.documents:
        with tempfile.TemporaryDirectory() as tmp:
            corpus, out, plain = Path(tmp) / "corpus", Path(tmp) / "out", Path(tmp) / "plain"
            corpus.mkdir()
            chars = make_corpus(corpus, max(1, n // 5))
            build = command(KG + ["build", str(corpus), "--out", str(plain), "--no-html", "-q"])
            from kg.graph.store import GraphStore

            triples = int(next(iter(GraphStore.load(plain / "graph.ttl").query_raw(
                "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
            stored = command(KG + ["build", str(corpus), "--out", str(out), "--no-html", "--store", "-q"])
            command(KG + ["build", str(corpus), "--out", str(plain), "--no-html", "-q", "--incremental"])
            first = sorted(corpus.iterdir())[0]
            first.write_text(first.read_text(encoding="utf-8") + "\n（十）新增一项。\n", encoding="utf-8")
            incremental = command(KG + ["build", str(corpus), "--out", str(plain), "--no-html", "-q", "--incremental"])
            queries = [command(KG + ["query", str(out), "--preset", p, "--format", "csv"]) for p in PRESETS]
            print(f"{n:,} | {chars:,} | {build[0]:.1f}, {build[1]} | {triples:,} | {size_mb(plain / 'graph.trig'):.0f} | "
                  f"{stored[0]:.1f}, {stored[1]} | {size_mb(out / 'store'):.0f} | {incremental[0]:.2f} | "
                  + " | ".join(f"{q[0]:.2f}, {q[1]}" for q in queries), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
