#!/usr/bin/env python3
"""Extraction time against input size on one unbroken line (no newline, so no sentence
or clause boundary helps): 1, 2, 5 and 10 MB built from the seeds with line breaks
removed. Prints seconds and seconds per MB; linear time means a flat s/MB column.

Usage: python bench/bench_linear.py [--sizes 1,2,5,10]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract import extract_document  # noqa: E402
from kg.extract.pipeline import default_nlp  # noqa: E402
from kg.ingest.document import SourceDocument  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,2,5,10")
    a = ap.parse_args()
    unit = "".join(p.read_text(encoding="utf-8").replace("\n", "") for p in sorted((ROOT / "seeds").glob("*.txt")))
    nlp = default_nlp()
    print(f"{'MB':>4s} {'seconds':>8s} {'s/MB':>6s} {'mentions':>9s}")
    rows = []
    for mb in (float(x) for x in a.sizes.split(",")):
        n = int(mb * 1_000_000)
        text = (unit * (n // len(unit) + 1))[:n]
        src = SourceDocument(path="line.txt", name="line.txt", sha256="0" * 64, encoding="utf-8", format="text", text=text,
                             title=None)
        t0 = time.perf_counter()
        ex = extract_document(src, nlp)
        secs = time.perf_counter() - t0
        rows.append((mb, secs))
        print(f"{mb:4g} {secs:8.2f} {secs / mb:6.2f} {len(ex.mentions):9,d}")
    ratio = (rows[-1][1] / rows[-1][0]) / (rows[0][1] / rows[0][0])
    print(f"s/MB at {rows[-1][0]:g} MB ÷ s/MB at {rows[0][0]:g} MB = {ratio:.2f} (linear ≈ 1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
