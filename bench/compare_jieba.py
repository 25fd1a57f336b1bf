#!/usr/bin/env python3
"""Peer comparison: organisation names found by jieba's part-of-speech tagger
(jieba.posseg, tag ``nt``) against ours, on the development set (gold/ + seeds/).

Gold organisations are the entities of type Department, Hospital, MedicalConsortium and
Organization. A predicted name is right when it equals one of a gold organisation's
names or aliases (after the scorer's normalisation); a gold organisation is found when
some prediction names it. Both tools read the same cleaned text. Speed is characters
per second over the cleaned text of the five documents (extraction only, after warm-up).

Usage: python bench/compare_jieba.py   (needs `pip install -e ".[bench]"`)
"""
from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract import extract_document  # noqa: E402
from kg.extract.pipeline import default_nlp  # noqa: E402
from kg.ingest import read_document  # noqa: E402
from kg.scoring import norm  # noqa: E402

ORG_TYPES = {"Department", "Hospital", "MedicalConsortium", "Organization"}
OUR_TYPES = {"Department", "Hospital", "MedicalConsortium", "Organization", "OrganizationGroup"}


def main() -> int:
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    docs, gold = [], []
    for gf in sorted((ROOT / "gold").glob("*.json")):
        g = json.loads(gf.read_text(encoding="utf-8"))
        docs.append(read_document(ROOT / "seeds" / g["doc"]))
        gold.append([{norm(e["name"])} | {norm(a) for a in e.get("aliases", [])} for e in g["entities"] if e["type"] in ORG_TYPES])
    chars = sum(len(d.text) for d in docs)
    nlp = default_nlp()
    extract_document(docs[0], nlp)  # warm-up
    list(pseg.cut(docs[0].text))

    rows = []
    for name, run in (("jieba.posseg (nt)", lambda d: [{norm(w.word)} for w in pseg.cut(d.text) if w.flag == "nt"]),
                      ("healthgov-kg", lambda d: _ours(d, nlp))):
        t0 = time.perf_counter()
        preds = [run(d) for d in docs]
        secs = time.perf_counter() - t0
        # distinct names per document, as the scorer counts entities
        preds = [list({frozenset(p): p for p in ps}.values()) for ps in preds]
        # micro-average: match within each document, then pool the counts
        tp_p = sum(sum(1 for x in ps if any(x & g for g in gs)) for ps, gs in zip(preds, gold))
        n_p = sum(len(ps) for ps in preds)
        tp_g = sum(sum(1 for g in gs if any(x & g for x in ps)) for ps, gs in zip(preds, gold))
        n_g = sum(len(gs) for gs in gold)
        p, r = tp_p / n_p if n_p else 0.0, tp_g / n_g if n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((name, p, r, f, n_p, chars / secs))
    print(f"development set: {len(docs)} documents, {chars:,} characters, {sum(len(g) for g in gold)} gold organisations")
    print(f"{'tool':20s} {'P':>6s} {'R':>6s} {'F1':>6s} {'predicted':>9s} {'chars/s':>10s}")
    for name, p, r, f, n, cps in rows:
        print(f"{name:20s} {p:6.3f} {r:6.3f} {f:6.3f} {n:9d} {cps:10,.0f}")
    return 0


def _ours(doc, nlp) -> list[set[str]]:  # noqa: ANN001
    ex = extract_document(doc, nlp)
    by_key: dict = {}
    for m in ex.mentions:
        if m.key.type in OUR_TYPES:
            by_key.setdefault(m.key, {norm(m.key.name)}).add(norm(m.surface))
    return list(by_key.values())


if __name__ == "__main__":
    raise SystemExit(main())
