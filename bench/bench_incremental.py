"""Incremental builds against clean ones, for one or more versions of the code, run
alternately in the same minutes (a shared machine's load changes from minute to minute).

    python bench/bench_incremental.py --copies 200 --rounds 3 --tree /tmp/old --tree .

Each ``--tree`` is a folder holding a ``kg`` package (a checkout; default: this one),
run as ``python -m kg.cli`` with that folder first on PYTHONPATH. The corpus is
bench/bench_build.py's (``--copies`` × the 5 seeds). For each tree, a first
``--incremental`` build fills its cache; then every round, for each tree in turn, one
document is changed (a line added, or taken away again: each tree's cache holds the
other version) and the tree
runs, as whole commands (``kg build --no-html -q``): a clean build into its own folder,
an ``--incremental`` rebuild (one document changed) and another with nothing changed.
The rebuild's graph.ttl and graph.trig are compared with the clean build's bytes. Every
run is printed (wall clock; CPU = user + system of the command; peak memory), then
each tree's runs as a table. A benchmark script, not a test.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_build import make_corpus  # noqa: E402

ADDED = "\n（十）新增一项。\n"


def command(tree: Path, args: list[str], what: str) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak MB of one ``kg`` command run from ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    t = time.perf_counter()
    res = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", sys.executable, "-m", "kg.cli", *args],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=tree)
    wall = time.perf_counter() - t
    if res.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(args)}\n{res.stderr}")
    user, system, peak = res.stderr.strip().splitlines()[-1].split()
    cpu = float(user) + float(system)
    print(f"  {tree.name or tree}: {what}: {wall:.2f} s wall, {cpu:.2f} s CPU, {int(peak) // 1024} MB", flush=True)
    return wall, cpu, int(peak) // 1024


def outputs(out: Path) -> tuple[bytes, bytes]:
    return (out / "graph.ttl").read_bytes(), (out / "graph.trig").read_bytes()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=200, help="copies of the 5 seeds (200: 1,000 documents)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tree", type=Path, action="append", help="a folder holding a kg package (repeatable)")
    parser.add_argument("--work", type=Path, help="where the corpus and outputs go (default: a temporary folder)")
    args = parser.parse_args()
    trees = [t.resolve() for t in (args.tree or [ROOT])]
    for tree in trees:  # as pip install does: no run pays for compiling the package
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "kg")], check=True)
    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        make_corpus(corpus, args.copies)
        changed = sorted(corpus.iterdir())[0]
        original = changed.read_text(encoding="utf-8")
        n = len(list(corpus.iterdir()))
        print(f"{n:,} documents; changed in turn: {changed.name}", flush=True)
        for i, tree in enumerate(trees):
            command(tree, ["build", str(corpus), "--out", f"{tmp}/inc{i}", "--no-html", "-q", "--incremental"],
                    "--incremental, first (fills the cache)")
        runs: dict[int, list[tuple]] = {i: [] for i in range(len(trees))}
        cached = {i: original for i in range(len(trees))}  # the version each tree's cache holds
        for r in range(args.rounds):
            print(f"round {r + 1}", flush=True)
            for i, tree in enumerate(trees):
                # a change every run: the other version than this tree's cache holds
                cached[i] = original + ADDED if cached[i] == original else original
                changed.write_text(cached[i], encoding="utf-8")
                clean = command(tree, ["build", str(corpus), "--out", f"{tmp}/clean{i}", "--no-html", "-q"], "clean")
                one = command(tree, ["build", str(corpus), "--out", f"{tmp}/inc{i}", "--no-html", "-q", "--incremental"],
                              "--incremental, one changed")
                same = outputs(Path(tmp, f"inc{i}")) == outputs(Path(tmp, f"clean{i}"))
                none = command(tree, ["build", str(corpus), "--out", f"{tmp}/inc{i}", "--no-html", "-q", "--incremental"],
                               "--incremental, none changed")
                print(f"  {tree.name}: rebuild's graph.ttl and graph.trig {'are' if same else 'ARE NOT'} the clean build's bytes",
                      flush=True)
                runs[i].append((clean, one, none, same))
        print("\n| tree | round | clean: s wall (CPU), MB | one changed: s wall (CPU), MB; share of clean wall / CPU "
              "| none changed: s wall (CPU) | same bytes |")
        print("| --- | --- | --- | --- | --- | --- |")
        for i, tree in enumerate(trees):
            for r, (clean, one, none, same) in enumerate(runs[i], 1):
                print(f"| {tree.name} | {r} | {clean[0]:.2f} ({clean[1]:.2f}), {clean[2]} | {one[0]:.2f} ({one[1]:.2f}), "
                      f"{one[2]}; {100 * one[0] / clean[0]:.1f}% / {100 * one[1] / clean[1]:.1f}% | {none[0]:.2f} "
                      f"({none[1]:.2f}) | {'yes' if same else 'NO'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
