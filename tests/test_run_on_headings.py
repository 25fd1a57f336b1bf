"""A plan flattened into one line with no spaces (a page's layout lost): its headings run on
after each item's responsibility clause (…(责任单位:A、B等)2.…) and each section's first item
runs on to its heading's text (…行动5.…). Split there, each item is read as its own measure
with its own units; a line of prose, or one with fewer run-on headings, is left whole."""
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.ingest import read_document
from kg.ingest.clean import unflatten
from kg.ingest.reader import read_data

UNSEEN11 = Path(__file__).resolve().parents[1] / "unseen11" / "docs"

FLAT = ("二、重点任务(一)建立健全服务体系行动1.推进中医医院高质量发展,参与信息化体系建设,(责任单位:区卫生健康局、区财政局等)"
        "2.加强综合医院中医药科室建设,(责任单位:区卫生健康局、区发展改革局等)(二)提升服务能力行动3.打造中医药示范品牌,"
        "(责任单位:区卫生健康局、区农业农村局等)4.推进中医药信息化建设,(责任单位:区卫生健康局、区财政局等)")


def test_a_plan_run_together_is_split_at_its_headings():
    assert unflatten(FLAT) == [
        "二、重点任务", "(一)建立健全服务体系行动", "1.推进中医医院高质量发展,参与信息化体系建设,(责任单位:区卫生健康局、区财政局等)",
        "2.加强综合医院中医药科室建设,(责任单位:区卫生健康局、区发展改革局等)", "(二)提升服务能力行动",
        "3.打造中医药示范品牌,(责任单位:区卫生健康局、区农业农村局等)", "4.推进中医药信息化建设,(责任单位:区卫生健康局、区财政局等)"]


@pytest.mark.parametrize("line", [
    # prose with numbers after full stops: no heading runs on
    "全年共接诊患者12.5万人次，比上年增长3.2%。2.5万人次为外地患者。门诊量达到历史新高，住院人数10.2万人。" * 3,
    # two run-on headings only: not taken for a flattened plan
    "推进中医医院高质量发展,(责任单位:区卫生健康局)2.加强综合医院中医药科室建设,(责任单位:区卫生健康局)此外还要做好各项工作的统筹安排和督促检查，确保各项任务落到实处，取得实效。",
])
def test_a_line_that_is_no_flattened_plan_is_left_whole(line):
    assert unflatten(line) == [line]


def test_each_run_on_item_keeps_its_own_units(tmp_path):
    ex = extract_document(read_data(("某区中医药强区建设实施方案\n" + FLAT + "\n").encode("utf-8"), tmp_path / "plan.txt"))
    leads = {(r.source.name, r.target.name) for r in ex.relations if r.kind == "lead"}
    tasks = {t for _, t in leads}
    assert not any("重点任务" in t or "行动1" in t for t in tasks)  # no item is read as its heading's
    assert any(t.startswith("打造中医药示范品牌") for t in tasks) and any(u.endswith("农业农村局") for u, _ in leads)


@pytest.mark.skipif(not UNSEEN11.is_dir(), reason="unseen11 documents not in this checkout")
def test_real_district_plan_flattened_into_one_line():
    ex = extract_document(read_document(next(UNSEEN11.glob("k01_*.txt"))))
    tasks = {r.target.name for r in ex.relations if r.kind == "lead"}
    assert len(tasks) >= 8 and not any("重点任务" in t for t in tasks)


def test_an_enumeration_in_prose_is_no_flattened_plan():
    line = ("县卫健局负责统筹推进以下工作：（一）组织开展健康知识普及宣传活动，提升居民健康素养水平；（二）指导各乡镇做好健康促进工作；"
            "（三）做好公共场所控烟工作，加强督导检查；（四）开展健康县区建设评估。县教育局配合做好学校健康教育工作，县体育局负责全民健身。")
    assert unflatten(line) == [line]
