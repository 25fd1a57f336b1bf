"""What the quantity readers take for an indicator (issue 23: the share of indicators mapped
to a concept is an extraction matter first). Each convention of quantities.json's
"indicator_form" with a written sentence, the real document it came from, and a near
sentence that must not change."""
from __future__ import annotations

from functools import lru_cache

import pytest

from kg.extract import extract_document
from kg.extract.quantities import measurements_in_sentence, targets_in_sentence
from kg.ingest import read_document
from kg.textnorm import fold

from .conftest import ROOT, SEEDS

DEV = ROOT / "dev" / "docs"


def m(sent: str) -> list[tuple[str, float]]:
    return [(q.indicator, q.value) for q in measurements_in_sentence(sent, 0, 2023, "")]


def t(sent: str) -> list[tuple[str, float]]:
    return [(q.indicator, q.value) for q in targets_in_sentence(sent, 0, None, "", 2020)]


@lru_cache(maxsize=None)
def real(path: str) -> frozenset[tuple[str, str, float]]:
    """(kind, indicator, value) of every quantity one real document gives."""
    ex = extract_document(read_document(ROOT / path))
    return frozenset((q.kind, q.indicator, q.value) for q in ex.quantities)


def indicators(path: str) -> set[str]:
    return {i for _, i, _ in real(path)}


# --- what is no indicator: nothing is emitted ---------------------------------------------

@pytest.mark.parametrize("sentence", [
    "实施方案可以概括为“2+2+3”，即2套体系、2个机制、3大行动。",   # a plan's own structure counted
    "建成省级样板镇19个，比例位列全省第一。",                      # a head alone: whose share?
    "武汉市民只要践行乘公交、骑行等11种绿色低碳生活方式，就可积累碳减排量。",  # a condition
    "确保市民步行10分钟内即可到达一处休闲广场或健身场所。",          # an aim
    "这些碳减排量可按照“1000克减排量=2元”的标准兑换利息红包。",     # a number inside a quotation
    "一个月下来，能累积4万至5万克的碳减排量。",                    # a range cut at its start
    "参加医保的她自付手术费用为4421.25元。",                      # a person told of
    "广泛宣传推广健康素养66条等健康科普知识。",                     # 66 belongs to an example's name
])
def test_a_fragment_is_no_indicator_and_nothing_is_measured(sentence):
    got = m(sentence)
    assert not [i for i, v in got if v != 19.0], got  # (样板镇 19 stays: the count is read)
    assert ("比例排名", 1.0) not in got


@pytest.mark.parametrize("sentence, expected", [
    ("建立2个工作机制。", ("工作机制", 2.0)),                         # a mechanism set up is counted
    ("健康城市建设评价排名全省第一。", None),                          # a rank of a named indicator stays
    ("武汉市民践行乘公交、骑行等11种绿色低碳生活方式。", ("绿色低碳生活方式", 11.0)),  # no condition
    ("建成健身场所120处，确保市民步行10分钟内即可到达。", ("健身场所", 120.0)),  # the aim's clause only
    ("“健康大讲堂”品牌活动12场。", None),                              # after the quotation: read
    ("一个月下来，累积碳减排量5万克。", None),
    ("参加医保的患者自付费用为4421.25元。", ("参加医保的患者自付费用", 4421.25)),
    ("全市共有32家等级医院。", ("等级医院", 32.0)),                    # 等级 is a noun, no closer
])
def test_near_sentences_still_measure(sentence, expected):
    got = m(sentence)
    assert got, sentence
    if expected:
        assert expected in got, got


def test_real_fragments_are_no_longer_measured():
    assert not {"体系", "机制", "现在专家"} & indicators("dev/docs/h07_hainan_press_conference.txt")
    assert "专家" in indicators("dev/docs/h07_hainan_press_conference.txt")  # 现在专家达81名: 现在 is a time word
    carbon = indicators("dev/docs/h14_wuhan_carbon_credit_news.txt")
    assert not [i for i in carbon if "1000克" in i or i.endswith("至") or i == "绿色低碳生活方式"], carbon
    assert "等健康科普知识" not in indicators("dev/docs/h11_shandong_health_literacy_news.txt")
    assert not [i for i in indicators("dev/docs/h06_jiande_zheer_branch_news.txt") if "的她" in i]
    assert "确保市民步行" not in indicators("dev/docs/h13_guangning_healthy_county_news.txt")
    assert "比例排名" not in indicators("seeds/001_3f98e640b1421c5b.txt")


# --- what is left around a real indicator ----------------------------------------------------

def test_where_a_unit_came_first_is_no_part_of_the_indicator():
    assert m("在浙江率先实现镇卫生院标准化率100%。") == [("镇卫生院标准化率", 100.0)]
    assert m("在全省率先建成健康促进医院覆盖率100%。") == [("健康促进医院覆盖率", 100.0)]
    # near: an opener without 率先 stays (its 在社区 is a scope the reader keeps)
    assert m("在社区推广八段锦等传统养生项目覆盖率100%。") == [("在社区推广八段锦等传统养生项目覆盖率", 100.0)]


def test_a_per_capita_qualifier_after_the_link_verb_opens_the_indicator():
    assert m("全区体育场地面积达人均3.2平方米。") == [("人均体育场地面积", 3.2)]
    assert m("全区人均体育场地面积达3.2平方米。") == [("人均体育场地面积", 3.2)]  # near: written in order
    assert m("全区体育场地面积达3.2万平方米。") == [("体育场地面积", 3.2)]       # near: no per-capita word


def test_real_indicators_without_their_openers():
    assert ("measurement", "镇卫生院（街道社区卫生服务中心）标准化率", 100.0) in real("seeds/001_3f98e640b1421c5b.txt")
    assert ("measurement", "人均体育场地面积", 3.2) in real("seeds/000_1332d9cd2e3a8f85.txt")


# --- the head a sentence names once ----------------------------------------------------------

def test_the_parts_after_qizhong_carry_the_whole():
    got = m("推出重点建设项目20个，其中国家级项目9个，市级项目6个，区级项目5个。")
    assert got == [("重点建设项目", 20.0), ("国家级重点建设项目", 9.0), ("市级重点建设项目", 6.0),
                   ("区级重点建设项目", 5.0)], got
    # near: without 其中 the parts are not said to be the whole's; a part that names the whole stays
    assert ("国家级项目", 9.0) in m("推出重点建设项目20个，国家级项目9个。")
    assert ("紧密型医联体", 5.0) in m("建成医联体13个，其中紧密型医联体5个。")


def test_a_cascade_rate_takes_the_disease_of_the_rate_before_it():
    got = t("到2030年，高血压知晓率不低于65%，治疗控制率不低于45%。")
    assert ("高血压治疗控制率", 45.0) in got, got
    assert ("治疗控制率", 45.0) in t("到2030年，治疗控制率不低于45%。")   # near: no rate before it
    assert ("婴儿死亡率", 5.0) in t("到2030年，高血压知晓率不低于65%，婴儿死亡率控制在5‰以下。")  # not a cascade rate


def test_real_heads_carried():
    assert ("target", "高血压治疗控制率", 45.0) in real("seeds/002_ade2870d4016e2b5.txt")
    changning = real("seeds/004_8f5ddd0cd928d75d.txt")
    assert {("measurement", f"{lv}重点建设项目", v) for lv, v in (("国家级", 9.0), ("市级", 6.0), ("区级", 5.0))} <= changning


# --- the agent of what is counted (由A牵头的N项) is no indicator ------------------------------

def test_a_count_of_tasks_by_their_lead_gives_no_measurement():
    assert m("需要市卫生健康委参加的工作共计12项，有3项由市卫生健康委牵头。") == []
    assert m("有4项由市医保局牵头，分别是扩大长期护理保险制度试点。") == []


def test_real_task_division_news_counts_no_task_by_its_lead():
    assert not any(i.startswith("由") for i in indicators("unseen10/docs/" + next(
        p.name for p in (ROOT / "unseen10" / "docs").glob("t01_*.txt"))))


def test_a_measure_that_opens_with_its_subject_is_unchanged():
    assert m("2023年全市家庭医生签约服务覆盖率达45%。") == [("家庭医生签约服务覆盖率", 45.0)]


# --- a count to reach named by its count head, and a share whose holder the clause before named ----

def test_a_count_head_before_its_number_after_a_year_to_reach_is_a_target():
    found = t(fold("到2022年底，全省新增70个乡镇创建国家卫生乡镇，实现国家卫生乡镇数142个，占全省乡镇总数10%以上。"))
    assert ("国家卫生乡镇数", 142.0) in found
    assert ("国家卫生乡镇占全省乡镇总数比例", 10.0) in found


def test_a_count_head_with_no_year_to_reach_is_no_target():
    assert t(fold("全市共有卫生院数15个。")) == []


def test_real_provincial_sanitary_towns_plan_text_layer():
    assert {("target", "国家卫生乡镇数", 142.0), ("target", "国家卫生乡镇占全省乡镇总数比例", 10.0)} <= real(
        "unseen11/docs/" + next(p.name for p in (ROOT / "unseen11" / "docs").glob("k07_*.txt")))


@pytest.mark.parametrize("sentence, expected", [
    ("截至2023年底，被保险人数达到12.5万人。", [("被保险人数", 12.5)]),   # 被 opens a noun here
    ("全年由政府兜底的人数为3200人。", [("全年由政府兜底的人数", 3200.0)]),  # a count head ends it
])
def test_an_indicator_opening_with_a_preposition_that_names_a_count_stays(sentence, expected):
    assert m(fold(sentence)) == expected


def test_a_percentage_no_share_can_be_is_a_garbled_number_and_no_value():
    assert m(fold("扩大宣传，使新农合行政村覆盖率继续保持20230%。")) == []
    assert m(fold("2023年全市门诊量比上年增长150%。")) != []  # a growth of some hundred per cent is written


# --- a margin over a reference, and a web page's counters: no value of what is measured ----------

@pytest.mark.parametrize("sentence", [
    "全市初诊患者查痰率99.1%，高于全国9.1个百分点，位于全省第一。",
    "免费超声筛查33672人，筛查率82.33%，超出省定目标任务（60%）22.33个百分点。",
    "2022年城区空气优良天数比例为92%，优于全省平均水平3个百分点。",
])
def test_a_margin_over_a_reference_names_nothing_measured(sentence):
    found = m(fold(sentence))
    assert found  # the level stays; its margin is no value of its own
    assert all(not i.startswith(("高于", "超出", "优于")) and v not in (9.1, 22.33, 3.0) for i, v in found)


def test_a_reference_named_with_its_indicator_keeps_its_own_value():
    found = m(fold("孕产妇死亡率为16.72/10万，低于全省孕产妇死亡率18.4/10万。"))
    assert [v for i, v in found if i.endswith("全省孕产妇死亡率")] == [18.4]


@pytest.mark.parametrize("sentence", [
    "青海开展2025鼠疫防控宣传月活动  0次浏览     发布时间:2025-04-10 11:30:00",
    "本篇文章461字，读完约1分钟",
    "询在线咨询 陈峰律师 辽宁鞍山 已帮助 2475",
])
def test_a_web_pages_counters_are_no_measurements(sentence):
    assert m(fold(sentence)) == []


def test_a_campaigns_reach_counted_in_views_stays():
    assert ("浏览量", 3.0) in m(fold("全年开展宣传活动120次，浏览量达3万人次。"))


def test_real_cdc_summary_margins_over_the_national_rate():
    found = real("unseen42/docs/lf01_heilongjiang_yichun_cdc_2019_summary.txt")
    assert not {i for _, i, _ in found if i.startswith(("高于", "高出"))}
    assert ("measurement", "初诊患者查痰率", 99.1) in found or any(v == 99.1 for _, _, v in found)


def test_real_plague_publicity_news_page_counter():
    assert not any(v == 0 for k, _, v in real("unseen37/docs/la04_qinghai_xining_huangyuan_plague_publicity_month_news.txt")
                   if k == "measurement")


@pytest.mark.parametrize("sentence", [
    # real wording: unseen44 lh02 (安徽省 知行大赛 family final)
    "通过健康科普竞演、健康知识竞答三个项目激烈角逐后，最终评选出一等奖1名、二等奖2名、三等奖5名。",
    # real wording: unseen35 kb10 (广汉市 健走): the blocks of a walk, no result
    "市级各机关事业单位、各镇（街道）健走队员代表组成的13个方队共280余人参加活动。",
    "大赛共评出优秀奖10个。",
])
def test_the_prizes_and_blocks_of_an_event_are_no_measurements(sentence):
    assert not [i for i, v in m(fold(sentence)) if i.endswith(("奖", "方队"))]


def test_a_count_of_award_winning_institutions_stays():
    # the institutions that won are counted by their own head, not by the prize's
    assert [v for i, v in m(fold("全市共有12家医疗机构获得省级奖励。")) if "医疗机构" in i] == [12]
