"""Progress across regions (issue 23, part 2): the progress and regions_compared
presets and kg.progress / kg.regions_compared, on written documents whose answer is known."""
from __future__ import annotations

from decimal import Decimal

import pytest

import kg

from .conftest import ROOT, SEEDS

MINHANG = """上海市闵行区健康促进行动实施方案

一、主要目标
到2025年，全区居民健康素养水平达到30%，孕产妇死亡率控制在8/10万以下。

二、工作基础
2022年，全区居民健康素养水平为25.3%，孕产妇死亡率为6.5/10万。2021年全区居民健康素养水平为22%。
"""
CHANGNING = """上海市长宁区2022年卫生健康工作总结

2022年，全区居民健康素养水平为31.2%，孕产妇死亡率为6/10万。
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("docs")
    (d / "minhang.txt").write_text(MINHANG, encoding="utf-8")
    (d / "changning.txt").write_text(CHANGNING, encoding="utf-8")
    return kg.build([d])


def test_a_target_meets_the_latest_measurement_before_its_year(store):
    rows = {r["indicator"]: r for r in kg.progress(store)}
    lit = rows["健康素养水平"]
    assert (lit["region"], lit["targetYear"], lit["comparator"], lit["target"], lit["unit"]) == ("闵行区", 2025, ">=", Decimal("30"), "%")
    assert (lit["measuredYear"], lit["measured"], lit["gap"], lit["met"]) == (2022, Decimal("25.3"), Decimal("4.7"), False)
    assert lit["concept"].endswith("/HC-01")
    assert "达到30%" in lit["targetEvidence"] and "25.3%" in lit["measurementEvidence"]
    mmr = rows["孕产妇死亡率"]  # a ceiling already kept: gap negative, met
    assert (mmr["measured"], mmr["gap"], mmr["met"]) == (Decimal("6.5"), Decimal("-1.5"), True)


def test_only_the_same_region_counts(store):
    assert {r["region"] for r in kg.progress(store)} == {"闵行区"}


def test_regions_are_compared_on_one_concept(store):
    rows = [r for r in kg.regions_compared(store) if r["indicator"] == "健康素养水平"]
    assert [(r["region"], r["measured"], r["regions"]) for r in rows] == [("长宁区", Decimal("31.2"), 2), ("闵行区", Decimal("25.3"), 2)]
    assert rows[1]["target"] == Decimal("30") and rows[0]["target"] is None


def test_the_presets_are_listed_with_what_they_answer():
    table = kg.presets()
    assert table["progress"].description.startswith("Did they do what they said?")
    assert table["regions_compared"].description.startswith("Who is ahead?")


def test_on_seeds_and_dev_every_progress_row_is_a_target_of_one_region():
    store = kg.build([SEEDS, ROOT / "dev" / "docs"])
    rows = kg.progress(store)
    assert rows and all(r["region"] and r["targetYear"] and r["target"] is not None for r in rows)
    for r in rows:
        if r["measured"] is not None:
            assert r["measuredYear"] <= r["targetYear"] and r["measurementEvidence"]
        if r["gap"] is not None:
            assert not r["relative"]
            if r["comparator"] not in (">", "<"):
                assert r["met"] == (r["gap"] <= 0)
