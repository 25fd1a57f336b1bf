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
CORPORA = {"seeds": SEEDS, "dev": ROOT / "dev" / "docs"}


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_outputs_are_the_pinned_bytes(tmp_path, corpus):
    kg.build([CORPORA[corpus]], out=tmp_path, html=False)
    digests = {name: hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() for name in ("graph.trig", "graph.ttl")}
    pins = json.loads(PINS.read_text(encoding="utf-8"))
    if os.environ.get("KG_UPDATE_GOLDEN") == "1":
        pins[corpus] = digests
        PINS.write_text(json.dumps(pins, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert digests == pins[corpus], (f"the {corpus} outputs changed; if that is meant, update the pins "
                                     "(KG_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py)")
