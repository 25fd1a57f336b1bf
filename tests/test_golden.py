"""The outputs of two corpora, pinned by digest: a refactor that changes one byte of
graph.ttl or graph.trig fails here. A change of extraction that is meant updates the
pins on purpose: ``KG_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`` rewrites
tests/data/golden_digests.json, and the diff shows it in review."""
from __future__ import annotations

import hashlib
import json
import os

import pytest

import kg

from .conftest import ROOT, SEEDS

PINS = ROOT / "tests" / "data" / "golden_digests.json"
CORPORA = {"seeds": SEEDS, "dev": ROOT / "dev" / "docs", "bench": None}


def _bench_corpus(dst):  # noqa: ANN001, ANN202
    """The first 100 documents of the benchmark corpus (bench/bench_build.py: the seeds
    with their place names replaced by seeded draws of real counties)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_build", ROOT / "bench" / "bench_build.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    dst.mkdir()
    bench.make_corpus(dst, 20)
    return dst


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_outputs_are_the_pinned_bytes(tmp_path, corpus):
    source = CORPORA[corpus] or _bench_corpus(tmp_path / "corpus")
    kg.build([source], out=tmp_path / "out", html=False)
    tmp_path = tmp_path / "out"
    digests = {name: hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() for name in ("graph.trig", "graph.ttl")}
    pins = json.loads(PINS.read_text(encoding="utf-8"))
    if os.environ.get("KG_UPDATE_GOLDEN") == "1":
        pins[corpus] = digests
        PINS.write_text(json.dumps(pins, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert digests == pins[corpus], (f"the {corpus} outputs changed; if that is meant, update the pins "
                                     "(KG_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py)")
