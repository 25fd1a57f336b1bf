"""Direction and baseline of targets (kg.extract.direction, issue 23 part 1)."""
from __future__ import annotations

import pytest

TEXT = """上海市闵行区健康促进行动实施方案

一、主要目标
到2025年，全区儿童青少年总体近视率力争每年下降0.5个百分点以上，居民健康素养水平由2020年的25%提高到30%，孕产妇死亡率保持在10/10万以下，居民营养健康知识知晓率在2020年基础上继续提高10%。
"""


@pytest.fixture(scope="module")
def targets(request):
    from kg.extract import extract_document
    from kg.ingest.document import SourceDocument

    src = SourceDocument(path="t.txt", name="t.txt", sha256="0" * 64, encoding="utf-8", format="text", text=TEXT)
    return {q.indicator: q for q in extract_document(src).quantities if q.kind == "target"}


def test_a_yearly_fall_is_a_relative_decrease(targets):
    q = targets["儿童青少年总体近视率"]
    assert (q.direction, q.relative, q.value, q.unit) == ("decrease", True, 0.5, "个百分点")


def test_a_rise_from_a_stated_value_has_its_baseline(targets):
    q = next(q for k, q in targets.items() if k.startswith("居民健康素养水平"))
    assert (q.direction, q.value, q.baseline, q.baseline_year, q.relative) == ("increase", 30.0, 25.0, 2020, False)


def test_keep_and_a_baseline_year(targets):
    assert targets["孕产妇死亡率"].direction == "keep"
    q = targets["居民营养健康知识知晓率"]
    assert (q.direction, q.baseline_year, q.relative) == ("increase", 2020, True)


def test_a_target_without_a_cue_has_no_direction():
    from kg.extract.direction import read_direction
    from kg.extract.model import Quantity

    text = "常见癌症诊断时早期比例不低于32%"
    q = read_direction(text, Quantity("target", "常见癌症诊断时早期比例", 32.0, "%", 2022, ">=", 0, len(text)))
    assert q.direction == "" and q.baseline is None


def test_direction_and_baseline_are_written_to_the_graph():
    import kg

    nq = kg.extract_nquads(TEXT.encode("utf-8"), "t.txt").decode("utf-8")
    assert '#direction> "decrease"' in nq and '#direction> "keep"' in nq
    assert '#baseline> "25"^^' in nq
