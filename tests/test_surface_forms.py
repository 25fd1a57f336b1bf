"""Surface forms → canonical names (tests/data/surface_forms.tsv), as official texts
write them: district, county, prefecture, province and national bodies, Traditional
script, hospitals, regions and consortia."""
from pathlib import Path

import pytest

from kg.explain import resolve_name

TABLE = Path(__file__).with_name("data") / "surface_forms.tsv"
ROWS = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def test_table_is_large_enough():
    assert len(ROWS) >= 150


@pytest.mark.parametrize("surface,region,typ,canonical,note", ROWS, ids=[f"{r[0]}@{r[1] or '-'}" for r in ROWS])
def test_surface_form_resolves(surface, region, typ, canonical, note):
    got = {(r.type, r.canonical) for r in resolve_name(surface, region or None)}
    assert (typ, canonical) in got, got
