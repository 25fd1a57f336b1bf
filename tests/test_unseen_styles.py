"""Documents written for the tests in the styles of the other kinds the tool reads (a
county-level city's plan with 责任单位 lists and a 由A牵头 clause; a county news item
on 医共体), to keep the rules general rather than tuned to the seeds."""
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.ingest import read_document

DOCS = Path(__file__).with_name("data") / "docs"


@pytest.fixture(scope="module")
def plan():
    return extract_document(read_document(DOCS / "county_plan_tongxiang.txt"))


@pytest.fixture(scope="module")
def news():
    return extract_document(read_document(DOCS / "news_haiyan.txt"))


def names(ex, typ):
    return {m.key.name for m in ex.mentions if m.key.type == typ}


def rels(ex, kind):
    return {(r.source.name, r.target.name) for r in ex.relations if r.kind == kind}


def test_city_bodies_of_a_county_level_city(plan):
    deps = names(plan, "Department")
    assert {"桐乡市卫生健康局", "桐乡市市场监督管理局", "中共桐乡市委宣传部"} <= deps
    assert not any(d.startswith("嘉兴市") for d in deps)


def test_heading_actions_and_clause_leads(plan):
    # a task is named by its heading (FORMAT.md): 实施健康知识普及行动, its verbless form an alias
    assert {"实施健康知识普及行动", "实施合理膳食行动", "推进县域医共体建设"} <= names(plan, "Program")
    assert ("桐乡市卫生健康局", "推进县域医共体建设") in rels(plan, "lead")
    assert {("桐乡市医疗保障局", "推进县域医共体建设"), ("桐乡市财政局", "推进县域医共体建设")} <= rels(plan, "support")
    assert ("中共桐乡市委宣传部", "实施健康知识普及行动") in rels(plan, "lead")
    heading = next(m for m in plan.mentions if m.key.name == "实施健康知识普及行动")
    assert "健康知识普及行动" in {m.surface for m in plan.mentions if m.key == heading.key}
    # 会同 with no named program gives no relation
    assert not any(t == "监测评估" for _, t in rels(plan, "lead"))


def test_consortium_members_keep_their_region(plan, news):
    assert ("桐乡市第一人民医院", "桐乡市第一人民医院医共体") in rels(plan, "member")
    assert ("海盐县人民医院", "海盐县人民医院医共体") in rels(news, "member")
    assert "人民医院" not in names(news, "Hospital")


def test_targets_with_two_years(plan):
    got = {(q.indicator, q.value, q.year, q.comparator) for q in plan.quantities if q.kind == "target"}
    assert {("人均每日食盐摄入量", 9.0, 2022, "<="), ("人均每日食盐摄入量", 8.0, 2025, "<="), ("人均预期寿命", 82.0, 2025, ">=")} <= got


def test_news_measurements_and_plan_sentence(news):
    got = {(q.kind, q.indicator, q.value, q.year) for q in news.quantities}
    assert ("measurement", "县域就诊率", 91.2, 2023) in got
    assert ("measurement", "乡镇卫生院", 6.0, 2023) in got
    assert ("target", "县域就诊率", 90.0, 2025) in got
    assert not any(k == "measurement" and v == 90.0 for k, _, v, _ in got)  # 力争到2025年 is a plan
    assert "海盐召开春季运动会" not in read_document(DOCS / "news_haiyan.txt").text  # related-news tail dropped


@pytest.fixture(scope="module")
def reply():
    return extract_document(read_document(DOCS / "reply_pudong.txt"))


def test_reply_self_reference_and_partners(reply):
    # 推进“社区健康管理服务站”建设: the construction is the program, the quoted name one of its forms
    stations = "社区健康管理服务站建设"
    assert any(m.surface == "社区健康管理服务站" and m.key.name == stations for m in reply.mentions)
    assert {("浦东新区卫生健康委员会", stations), ("浦东新区卫生健康委员会", "智慧家医平台")} <= rels(reply, "lead")
    assert {("浦东新区民政局", stations), ("浦东新区医疗保障局", stations),
            ("浦东新区财政局", "智慧家医平台")} <= rels(reply, "support")
    assert any(m.surface == "我委" and m.key.name == "浦东新区卫生健康委员会" for m in reply.mentions)


def test_reply_names(reply):
    assert "浦东医院" in names(reply, "Hospital") and "浦东新区医院" not in names(reply, "Hospital")
    assert "浦东新区政协八届二次会议第0123号提案" in names(reply, "PolicyDocument")
    assert "浦东新区心血管专科联盟" in names(reply, "MedicalConsortium")


def test_provincial_plan():
    ex = extract_document(read_document(DOCS / "plan_zhejiang_province.txt"))
    assert {"浙江省教育厅", "浙江省广播电视局", "浙江省卫生健康委员会", "中共浙江省委宣传部"} <= names(ex, "Department")
    assert "爱国卫生运动" not in names(ex, "Program")  # inside 省爱国卫生运动委员会
    assert ("浙江省教育厅", "实施健康知识普及行动") in rels(ex, "support")
    assert ("浙江省爱国卫生运动委员会", "健康浙江行动") in rels(ex, "lead")
    got = {(q.indicator, q.value, q.unit, q.year, q.comparator) for q in ex.quantities}
    assert {("婴儿死亡率", 5.0, "‰", 2022, "<="), ("孕产妇死亡率", 8.0, "/10万", 2030, "<="),
            ("15岁以上人群吸烟率", 15.0, "%", 2030, "<")} <= got


def test_work_summary_figures():
    ex = extract_document(read_document(DOCS / "summary_jiading.txt"))
    got = {(q.kind, q.indicator, q.value, q.unit, q.year) for q in ex.quantities}
    assert {("measurement", "高血压患者规范管理率", 78.5, "%", 2023), ("measurement", "平均住院日", 6.8, "天", 2023),
            ("measurement", "医疗机构门急诊总量同比增长", 8.4, "%", 2023), ("measurement", "签约率", 41.5, "%", 2023),
            ("target", "家庭医生签约率", 45.0, "%", 2024)} <= got
    assert ("measurement", "接种率", 99.0, "%", 2023) in got  # 免疫规划 is a noun, not a plan
    assert "2024年工作计划" not in names(ex, "Program")


def test_hospital_group_in_another_province():
    ex = extract_document(read_document(DOCS / "news_shenzhen_luohu.txt"))
    assert "罗湖医院集团" in names(ex, "MedicalConsortium")
    assert "罗湖医院" not in names(ex, "Hospital")
    assert ("罗湖区人民医院", "罗湖医院集团") in rels(ex, "member")
    assert {"罗湖区卫生健康局", "罗湖区财政局", "罗湖区医疗保障局"} <= names(ex, "Department")


def test_healthy_city_news_from_another_province():
    ex = extract_document(read_document(DOCS / "news_suzhou.txt"))
    assert {"苏州市爱国卫生运动委员会办公室", "苏州市卫生健康委员会", "苏州市疾病预防控制中心"} <= names(ex, "Department")
    assert {"张家港市", "昆山市", "苏州市"} <= names(ex, "Region")
    assert "15分钟健康服务圈" in names(ex, "Program")
    got = {(q.indicator, q.value, q.unit, q.year) for q in ex.quantities if q.kind == "measurement"}
    assert {("婴儿死亡率", 1.87, "‰", 2023), ("居民人均预期寿命", 84.26, "岁", 2023)} <= got
    assert not any(v == 15.0 for _, v, _, _ in got)  # 15分钟 is part of a program's name
    assert ("苏州市疾病预防控制中心", "苏州市脑卒中高危人群筛查和干预项目") in rels(ex, "lead")


def test_consortium_plan_with_third_level_lists():
    ex = extract_document(read_document(DOCS / "plan_songjiang_consortia.txt"))
    assert names(ex, "MedicalConsortium") == {"松江区中心医院医联体", "松江区儿科专科联盟", "松江区康复专科联盟"}
    assert names(ex, "Hospital") == {"松江区中心医院"}
    assert ("松江区中心医院", "松江区中心医院医联体") in rels(ex, "member")
    assert {("松江区医疗保障局", "推进医保总额预算管理"), ("松江区卫生健康委员会", "组建区域医疗中心医联体")} <= rels(ex, "lead")
    assert ("松江区卫生健康委员会", "推进医保总额预算管理") in rels(ex, "support")
    got = {(q.indicator, q.value, q.year, q.program.name if q.program else None) for q in ex.quantities if q.kind == "target"}
    assert ("医联体内医保总额预算管理覆盖率", 100.0, 2023, "推进医保总额预算管理") in got
    assert ("区域内就诊率", 90.0, 2025, None) in got


@pytest.mark.parametrize("name", sorted(p.name for p in DOCS.glob("*.txt")))
def test_traditional_script_reads_the_same(tmp_path, name):
    from opencc import OpenCC

    src = DOCS / name
    trad = tmp_path / name
    trad.write_text(OpenCC("s2t").convert(src.read_text(encoding="utf-8")), encoding="utf-8")
    a, b = extract_document(read_document(src)), extract_document(read_document(trad))
    assert {(m.key.type, m.key.name) for m in a.mentions} == {(m.key.type, m.key.name) for m in b.mentions}
    assert {(r.kind, r.source.name, r.target.name) for r in a.relations} == {(r.kind, r.source.name, r.target.name) for r in b.relations}
    assert {(q.kind, q.indicator, q.value, q.year) for q in a.quantities} == {(q.kind, q.indicator, q.value, q.year) for q in b.quantities}


def test_indicator_list_of_a_plan():
    ex = extract_document(read_document(DOCS / "plan_xuhui_indicators.txt"))
    got = {(q.indicator, q.value, q.year, q.comparator) for q in ex.quantities if q.kind == "target"}
    assert {("居民健康素养水平", 38.0, 2023, ">="), ("居民健康素养水平", 40.0, 2025, ">="),
            ("15岁以上人群吸烟率", 19.0, 2025, "<="), ("经常参加体育锻炼人数比例", 48.0, 2025, ">="),
            ("健康促进示范社区", 20.0, 2025, "=")} <= got
    assert not [q for q in ex.quantities if q.kind == "measurement"]  # a plan reports no achievements


def test_county_reply_with_verb_like_region_names():
    ex = extract_document(read_document(DOCS / "reply_deqing.txt"))
    assert names(ex, "Region") == {"德清县"}  # 将会同县财政局: 会同 is the verb, not 会同县
    assert {"德清县卫生健康局", "德清县财政局"} <= names(ex, "Department")
    assert "德清县十七届人大三次会议第45号建议" in names(ex, "PolicyDocument")
    got = {(q.indicator, q.value) for q in ex.quantities if q.kind == "measurement"}
    assert {("基层就诊率", 67.3), ("浙里健康e站", 28.0), ("村卫生室", 158.0)} <= got


def test_verb_like_region_names_need_a_boundary():
    from kg.names.regions import region_mentions, regions

    names_found = lambda t, ctx=None: {r.name for _, _, r in region_mentions(t, ctx)}  # noqa: E731
    assert "新建区" not in names_found("新建区级医院3家", regions().pick("南昌市"))
    assert "会同县" not in names_found("我局将会同县财政局推进")
    assert "会同县" in names_found("湖南省怀化市会同县卫健局")


def test_ranking_news_and_two_character_county_names():
    ex = extract_document(read_document(DOCS / "news_ningbo_ranking.txt"))
    # not 康县 inside 健康县区; 浙江省 only in a cited title's name is no region the text speaks of
    assert names(ex, "Region") == {"宁波市"}
    assert {"浙爱卫发[2021]3号", "浙爱卫办〔2023〕5号"} <= names(ex, "PolicyDocument")
    got = {(q.indicator, q.value, q.unit) for q in ex.quantities}
    assert {("综合得分", 89.6, "分"), ("连续保持全省前三年数", 4.0, "年"), ("省级健康县区", 10.0, "个")} <= got


def test_consortium_name_forms():
    ex = extract_document(read_document(DOCS / "news_jingan_consortia.txt"))
    assert {"华山-静安神经专科联盟", "瑞金—静安心血管专科联盟", "静安北部医联体", "静安区儿科医联体"} <= names(ex, "MedicalConsortium")
    assert {("复旦大学附属华山医院", "华山-静安神经专科联盟"), ("上海交通大学医学院附属瑞金医院", "瑞金—静安心血管专科联盟")} <= rels(ex, "member")
    assert ("上海市第十人民医院", "静安区儿科医联体") in rels(ex, "lead")
    assert "瑞金—静安" not in names(ex, "Program")


def test_change_statements_are_two_measurements_not_a_target():
    ex = extract_document(read_document(DOCS / "news_putuo_chronic.txt"))
    assert not [q for q in ex.quantities if q.kind == "target"]  # 提高到2023年的78.5% is past, not 到2023年
    got = {(q.indicator, q.value, q.year) for q in ex.quantities}
    assert {("高血压患者规范管理率", 65.0, 2020), ("高血压患者规范管理率", 78.5, 2023),
            ("糖尿病患者规范管理率", 75.3, 2023), ("重大慢性病过早死亡率", 8.6, 2023)} <= got


def test_national_news_without_a_local_jurisdiction():
    ex = extract_document(read_document(DOCS / "news_national_literacy.txt"))
    assert {"国家卫生健康委员会", "国家中医药管理局", "教育部"} <= names(ex, "Department")
    got = {(q.kind, q.indicator, q.value, q.year) for q in ex.quantities}
    assert ("measurement", "居民健康素养水平", 29.7, 2023) in got
    assert ("measurement", "居民健康素养水平比2022年提高", 1.92, 2023) in got  # 比2022年: the base, not the year
    assert ("target", "全国居民健康素养水平", 30.0, 2025) in got
