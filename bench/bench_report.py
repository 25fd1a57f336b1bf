#!/usr/bin/env python3
"""Report speed (issue 23): `kg report OUT -o report.html` on the 1,000-document bench
corpus (bench/bench_build.py's seeds with varied place names), and how long the page
takes to open in headless Chromium with the network off.

Builds the corpus twice — with the on-disk store (`kg build --store`, which later
commands open in milliseconds) and without (graph.ttl and graph.trig only, read on every
command) — then times the report command as a user runs it, in its own process, from
start to exit, ``--repeat`` times each, printing every run: wall and CPU time (user +
system of the command's process). The page is opened ``--repeat`` times in a fresh
offline browser context (when chromium is on PATH); the time is navigation start to the
load event (performance.getEntriesByType('navigation')), every run printed.
Goals: the report in ≤ 10 s, the page open in ≤ 2 s.

Usage: python bench/bench_report.py [--copies 200] [--repeat 3] [--keep DIR [--rebuild]]
"""
from __future__ import annotations

import argparse
import importlib.util
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KG = Path(sys.executable).with_name("kg")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def _bench_build():  # noqa: ANN202 - the module
    spec = importlib.util.spec_from_file_location("bench_build", ROOT / "bench" / "bench_build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of a command run in its own process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def open_times(page_path: Path, repeat: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        for _ in range(repeat):
            ctx = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
            page = ctx.new_page()
            requests = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_path.resolve().as_uri(), wait_until="load")
            ms = page.evaluate("() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }")
            outside = [u for u in requests if not u.startswith("file://")]
            assert not outside, outside
            out.append(ms / 1000)
            ctx.close()
        browser.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=200, help="copies of the 5 seeds (200: 1,000 documents)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="keep the corpus and outputs here (a later run reuses them)")
    ap.add_argument("--rebuild", action="store_true", help="build the outputs again even if --keep holds them")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = a.keep or Path(tmp)
        corpus = base / "corpus"
        if not corpus.exists():
            corpus.mkdir(parents=True)
            _bench_build().make_corpus(corpus, a.copies)
        docs = sum(1 for _ in corpus.glob("*.txt"))
        print(f"corpus: {docs} documents in {corpus}")
        results = {}
        for name, flags in (("store", ["--store"]), ("graph.trig", [])):
            out = base / f"out-{name.replace('.', '-')}"
            if not (out / "graph.trig").exists() or a.rebuild:
                shutil.rmtree(out, ignore_errors=True)
                build, _ = timed([str(KG), "build", str(corpus), "--out", str(out), "--no-html", "-q", *flags])
                print(f"build ({name}): {build:.1f} s (not part of the goal)")
            runs = []
            for i in range(a.repeat):
                runs.append(timed([str(KG), "report", str(out), "-o", str(out / "report.html")]))
                print(f"  kg report from {name}, run {i + 1}: {runs[-1][0]:.2f} s wall, {runs[-1][1]:.2f} s CPU")
            md, md_cpu = timed([str(KG), "report", str(out), "-o", str(out / "md" / "report.md"), "--format", "md"])
            print(f"  kg report --format md from {name}: {md:.2f} s wall, {md_cpu:.2f} s CPU")
            results[name] = (min(w for w, _ in runs), out / "report.html")
        page = results["store"][1]
        print(f"page: {page.stat().st_size / 1e6:.2f} MB")
        if shutil.which("chromium") or shutil.which("chromium-browser"):
            opens = open_times(page, a.repeat)
            for i, s in enumerate(opens):
                print(f"  page open (navigation start to load event), run {i + 1}: {s:.3f} s")
            opened = f"slowest page open {max(opens):.3f} s (goal ≤ 2 s)"
        else:
            opened = "page open not measured: no chromium on PATH"
        print(f"fastest report: {results['store'][0]:.2f} s from the store, {results['graph.trig'][0]:.2f} s from graph.trig "
              f"(goal ≤ 10 s); {opened}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
