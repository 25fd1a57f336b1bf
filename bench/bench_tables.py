#!/usr/bin/env python3
"""The table readers (kg.ingest.indicator_tables, kg.ingest.year_tables) on lines that look like
a table's and are none, repeated n, 2n and 4n times: runs of labels, lone 年份 lines, lines of
years, bar-closed cells, and a table of 20,000 rows by year. Each reader runs before cleaning on
every document, so its time must grow with the text, not with its square: the ms/line column
should stay flat as n doubles.

Usage: python bench/bench_tables.py [--lines 1000]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ingest.indicator_tables import rewrite_indicator_tables  # noqa: E402
from kg.ingest.year_tables import rewrite_year_tables  # noqa: E402

SHAPES = {
    "labels (指标)": "指标\n",
    "label and year (指标 / 2020年)": "指标\n2020年\n",
    "bar-closed cell (具体指标 |)": "具体指标 |\n",
    "line of years (2019 2020)": "2019 2020\n",
    "lone 年份": "年份\n",
    "年份 and a column": "年份\n入院人数(万人)\n",
    "table by year, one row a line": "2020年 | 645.63 | 8.42\n",
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=1000)
    n = ap.parse_args().lines
    print(f"{'shape':36s} {'reader':18s} {'lines':>7s} {'seconds':>8s} {'ms/line':>8s}")
    for name, piece in SHAPES.items():
        for reader in (rewrite_indicator_tables, rewrite_year_tables):
            for k in (n, 2 * n, 4 * n):
                text = ("年份 | 诊疗总人次 (万人次) | 出院人数 (万人次)\n" if "table" in name else "") + piece * k
                lines = text.count("\n")
                t = time.perf_counter()
                reader(text)
                s = time.perf_counter() - t
                print(f"{name:36s} {reader.__name__:18s} {lines:7d} {s:8.3f} {1000 * s / lines:8.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
