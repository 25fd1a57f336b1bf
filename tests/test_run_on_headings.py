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


def test_headings_a_page_ran_together_with_double_spaces_are_split():
    line = ("三、主要任务及责任单位  (一)爱国卫生组织管理  1、卫生县城管理体系。政府把创建纳入当地经济发展规划，制定规划并组织实施，"
            "对县城实行长效卫生管理；县爱卫会负责指导全县创建卫生县城工作。  一、指导思想  以党的十七届五中全会精神为指导，深入贯彻落实科学发展观。")
    assert unflatten(line) == ["三、主要任务及责任单位", "(一)爱国卫生组织管理",
                               "1、卫生县城管理体系。政府把创建纳入当地经济发展规划，制定规划并组织实施，对县城实行长效卫生管理；县爱卫会负责指导全县创建卫生县城工作。",
                               "一、指导思想", "以党的十七届五中全会精神为指导，深入贯彻落实科学发展观。"]


def test_single_spaces_and_numbers_after_double_spaces_split_nothing():
    pdf = "（ 一 ） 加强组织领导。各地要高度重视，把健康促进工作列入重要议事日程，" * 4   # a PDF's single spaces
    assert unflatten(pdf) == [pdf]
    money = "全年投入项目资金  12.5万元，完成改造任务  3.2万平方米，群众满意度明显提升，各项工作稳步推进。" * 2
    assert unflatten(money) == [money]


def test_real_county_plan_copied_with_double_spaces_has_its_measures():
    path = Path(__file__).resolve().parents[1] / "unseen18" / "docs" / "l01_anon_county_health_county_creation_plan.txt"
    ex = extract_document(read_document(path))
    assert ("1、", "卫生县城管理体系") in [(s.number, s.title) for s in ex.sections]
    assert ("lead", "县爱国卫生运动委员会", "卫生县城管理体系") in {(r.kind, r.source.name, r.target.name) for r in ex.relations}
