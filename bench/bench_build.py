#!/usr/bin/env python3
"""Build speed: the `kg build --no-html` command on N copies of the seeds with varied place names.

Each copy has its district names replaced by those of other real counties, so its
entities do not collapse into the seeds' ones. The command runs as a user runs it, in
its own process, and is timed by the wall clock from start to exit: interpreter and
spaCy start-up, reading, extraction, writing graph.ttl and graph.trig (fsynced). The
package is byte-compiled first, as ``pip install`` does (see byte_compile_package).
Prints raw input characters per second, the fastest run's user and system CPU time and
page faults, the start-up cost (a one-document build), the rate after start-up,
triples per second and the command's peak memory. Goal (issue 2): at least 500,000
characters per second end to end on one core.

``--profile`` instead runs the build in this process under cProfile.

Usage: python bench/bench_build.py [--copies N] [--jobs N] [--repeat R] [--keep DIR] [--profile]
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
KG = Path(sys.executable).with_name("kg")  # the console script installed beside this Python

from kg.names.regions import regions  # noqa: E402

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


class Run(NamedTuple):
    """One command: wall clock, and the CPU and page faults it cost."""

    wall: float
    user: float
    system: float
    minor_faults: int


def run_kg_build(inputs: list[Path], out: Path, jobs: int) -> Run:
    """One `kg build --no-html -q` process. Its CPU time and page faults are the
    change in this process's children's usage (``subprocess.run`` waits for it):
    system time is mostly first-touch page faults, which cost 2-5 µs each in this VM."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([str(KG), "build", *map(str, inputs), "--out", str(out), "--no-html", "-q", "--jobs", str(jobs)],
                   check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Run(wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime,
               after.ru_minflt - before.ru_minflt)


def byte_compile_package() -> Path:
    """Byte-compile the ``kg`` package the console script imports, as ``pip install``
    does for a regular install. Python otherwise writes the bytecode at the first
    import, unless PYTHONDONTWRITEBYTECODE is set (it is on this machine): then an
    editable install compiles kg's ~60 modules from source in every command (~0.1 s),
    which a user's installed kg never does."""
    import compileall

    where = subprocess.run([sys.executable, "-c", "import kg, pathlib; print(pathlib.Path(kg.__file__).parent)"],
                           capture_output=True, text=True, check=True).stdout.strip()
    compileall.compile_dir(where, quiet=1)
    return Path(where)


def interpreter() -> str:
    """Which Python runs the command, and whether its interpreter calls into a shared
    libpython. The same kg is 15-20% faster on this machine under Debian's
    /usr/bin/python3.11 (built with PGO and LTO, interpreter linked statically) than
    under the pyenv build first on PATH (no PGO, libpython shared), so a rate means
    little without it."""
    import platform

    try:
        maps = Path("/proc/self/maps").read_text()
        linking = "libpython shared" if "libpython3" in maps else "interpreter linked statically"
    except OSError:
        linking = "linking unknown"
    return f"{Path(sys.executable).resolve()} (CPython {platform.python_version()}, {linking})"


def count_triples(path: Path) -> int:
    import pyoxigraph

    return sum(1 for _ in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))


def profile_in_process(corpus: Path) -> None:
    import cProfile
    import pstats

    from kg.corpus import build_store
    from kg.extract.pipeline import default_nlp

    default_nlp()  # model set-up is not per-document work
    prof = cProfile.Profile()
    prof.enable()
    store, _ = build_store([corpus])
    store.serialize("turtle")
    store.serialize("trig")
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--profile", action="store_true", help="profile the build in this process instead of timing the command")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (the goal is stated for one)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="timed builds of the same corpus; the fastest is reported (this VM's speed varies ±30%%)")
    a = ap.parse_args()
    if not KG.exists():
        sys.exit(f"bench_build: no kg command beside {sys.executable}; run pip install -e . first")

    with tempfile.TemporaryDirectory() as tmp:
        corpus = a.keep or Path(tmp) / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        raw = make_corpus(corpus, a.copies)
        if a.profile:
            profile_in_process(corpus)
            return 0
        out = Path(tmp) / "out"
        package = byte_compile_package()
        smallest = min((ROOT / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)
        startup = min(run_kg_build([smallest], Path(tmp) / "one", 1).wall for _ in range(3))
        runs = [run_kg_build([corpus], out, a.jobs) for _ in range(a.repeat)]
        n_triples = count_triples(out / "graph.ttl")
        n_docs = sum(1 for _ in corpus.glob("*.txt"))
        ttl_mb, trig_mb = ((out / f).stat().st_size / 1e6 for f in ("graph.ttl", "graph.trig"))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    fastest = min(runs, key=lambda r: r.wall)
    best = fastest.wall
    rates = ", ".join(f"{raw / r.wall:,.0f}" for r in runs)
    print(f"package: {package} (byte-compiled, as pip install does)")
    print(f"interpreter: {interpreter()}")
    print(f"documents: {n_docs:,}  raw characters: {raw:,}  graph.ttl {ttl_mb:.1f} MB  graph.trig {trig_mb:.1f} MB")
    print(f"`kg build --no-html --jobs {a.jobs}`: {best:.2f} s wall clock, start to exit"
          f" (CPU: {fastest.user:.2f} s user, {fastest.system:.2f} s system; {fastest.minor_faults:,} minor page faults)")
    print(f"characters/s end to end: {raw / best:,.0f}" + (f"  (runs: {rates})" if len(runs) > 1 else ""))
    print(f"start-up (a one-document build of {smallest.name}, {smallest.stat().st_size:,} bytes): {startup:.2f} s;"
          f" characters/s after start-up: {raw / (best - startup):,.0f}")
    print(f"triples: {n_triples:,}  triples/s: {n_triples / best:,.0f}  peak memory of one process: {peak_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
