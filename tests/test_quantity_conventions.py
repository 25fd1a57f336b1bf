"""Conventions of targets and measurements learned from documents the rules were not
written on (unseen2/): each with a written sentence, and the real document it came from."""
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.extract.quantities import measurements_in_sentence, targets_in_sentence
from kg.extract.quantities.targets import annual_plan_year
from kg.ingest import read_document

UNSEEN2 = Path(__file__).resolve().parents[1] / "unseen2" / "docs"


def t(sent, doc_year=2020):
    return [(q.indicator, q.value, q.year) for q in targets_in_sentence(sent, 0, None, "", doc_year)]


def m(sent):
    return [(q.indicator, q.value, q.year) for q in measurements_in_sentence(sent, 0, 2019, "")]


def test_each_year_phrase_opens_its_own_targets():
    got = t("到2022年建设中医治未病中心20个，形成中医养生保健机构2个；到2030年建设中医治未病中心30个。")
    assert ("中医治未病中心", 20.0, 2022) in [(i[-7:], v, y) for i, v, y in got]
    assert ("中医治未病中心", 30.0, 2030) in [(i[-7:], v, y) for i, v, y in got]
    assert not [1 for i, v, y in got if v == 30.0 and y == 2022]  # never the first phrase's year


def test_a_looking_ahead_year_is_a_target_year():
    got = t("到2025年，人均预期寿命在2020年的基础上继续提高1岁左右，展望2035年，人均预期寿命达到80岁以上。")
    assert ("人均预期寿命", 80.0, 2035) in got
    assert not [1 for _, v, y in got if v == 80.0 and y != 2035]


def test_the_country_is_no_part_of_an_indicator():
    assert t("到2030年，中国的人均预期寿命达到79岁。") == [("人均预期寿命", 79.0, 2030)]


def test_a_time_word_measures_nothing():
    assert m("目前90.9%的县已实现全覆盖。") == [] or all(i != "目前" for i, _, _ in m("目前90.9%的县已实现全覆盖。"))


def test_counts_of_a_documents_own_tasks_are_no_measurements():
    assert m("《意见》提出27项重点任务。") == []
    assert m("明确了16项专项行动。") == []
    # a count of groups set up is a measurement still
    assert [v for _, v, _ in m("已成立15个专项行动工作组。")] == [15.0]


@pytest.mark.parametrize("title,year", [
    ("关于印发《2022年健康宁夏暨健康水平提升行动工作要点》的通知", 2022),
    ("县卫健委2021年政府工作报告任务分解", 2021),
    ("健康河南行动2024年工作要点", 2024),
    ("关于印发《秀英区2019年健康促进与教育工作实施方案》的通知", 2019),
    ("健康中国行动（2019—2030年）实施方案", None),
    ("2019-2030年行动计划", None),
])
def test_the_year_of_an_annual_plan(title, year):
    assert annual_plan_year(title) == year


def test_an_annual_plans_targets_take_its_year(extract):
    ex = extract("一、工作目标\n全区居民健康素养水平提高到26%以上。\n二、重点任务\n1.开展健康知识普及。（区卫健委牵头）\n",
                 title="关于印发《2022年健康宁夏行动工作要点》的通知", issuer="宁夏回族自治区卫生健康委员会", date="2022-07-29")
    assert [(q.value, q.year) for q in ex.quantities if q.kind == "target"] == [(26.0, 2022)]


def test_a_plans_background_reports_measurements(extract):
    text = ("一、规划背景\n（一）“十二五”发展成就\n2015年全区人均预期寿命达到68.2岁，免疫疫苗接种率达到97%。\n"
            "二、发展目标\n到2020年，全区人均预期寿命达到70岁。\n")
    ex = extract(text, title="西藏自治区“十三五”时期卫生计生事业发展规划", issuer="西藏自治区人民政府", date="2017-06-01")
    measured = {(q.indicator, q.value) for q in ex.quantities if q.kind == "measurement"}
    targets = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "target"}
    assert {("人均预期寿命", 68.2), ("免疫疫苗接种率", 97.0)} <= measured
    assert targets == {("人均预期寿命", 70.0, 2020)}


@pytest.mark.skipif(not UNSEEN2.is_dir(), reason="unseen2 documents not in this checkout")
def test_real_plan_background():
    ex = extract_document(read_document(UNSEEN2 / "v21_xizang_13th_plan_base.txt"))
    measured = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "measurement"}
    assert ("人均预期寿命", 68.2, 2015) in {(i[-6:], v, y) for i, v, y in measured}
    assert not [q for q in ex.quantities if q.kind == "target" and q.value == 97.0]


def test_earlier_values_a_value_is_compared_with_are_measurements_of_their_years():
    got = m("2023年，全县居民健康素养水平为31.5%，较2022年的28.1%和2021年的25.0%分别提高了3.4、6.5个百分点。")
    assert ("居民健康素养水平", 31.5, 2023) in got
    assert ("居民健康素养水平", 28.1, 2022) in got and ("居民健康素养水平", 25.0, 2021) in got
    assert ("居民健康素养水平较2022年提高", 3.4, 2023) in got and ("居民健康素养水平较2021年提高", 6.5, 2023) in got
    assert not [i for i, _, _ in got if i.startswith("较")]  # the comparison is no indicator of its own
    one = m("2024年孕产妇系统管理率达到95.2%，比2023年的93.0%提高2.2个百分点。")
    assert ("孕产妇系统管理率", 93.0, 2023) in one and ("孕产妇系统管理率较2023年提高", 2.2, 2024) in one


DEV = Path(__file__).resolve().parents[1] / "dev" / "docs"


def test_real_news_comparing_with_two_earlier_years():
    ex = extract_document(read_document(DEV / "h13_guangning_healthy_county_news.txt"))
    got = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "measurement"}
    assert {("居民健康素养整体水平", 27.47, 2022), ("居民健康素养整体水平", 22.6, 2021)} <= {
        (i[-10:], v, y) for i, v, y in got}


def test_a_yearless_target_of_a_plan_is_for_the_end_of_the_plans_period(extract):
    ex = extract("某省促进中医药发展行动计划（2022—2024年）\n一、主要目标\n力争通过3年左右的努力，培育产值过亿元的中药大品种30个，"
                 "中医药健康服务覆盖率达到95%。", title="某省促进中医药发展行动计划（2022—2024年）")
    got = {(q.value, q.year) for q in ex.quantities if q.kind == "target"}
    assert (95.0, 2024) in got
    # two plans of different periods named: no one period decides
    two = extract("《甲规划（2016—2030年）》和《乙计划（2021—2025年）》印发。力争健康服务覆盖率达到95%。",
                  title="关于印发某行动方案的通知")
    assert {q.year for q in two.quantities if q.kind == "target" and q.value == 95.0} <= {None}


def test_real_plan_period_written_in_the_text():
    ex = extract_document(read_document(UNSEEN2 / "v09_ningxia_2013_action_targets.txt"))
    got = {(q.indicator[-7:], q.value, q.year) for q in ex.quantities if q.kind == "target"}
    assert ("健康知识知晓率", 95.0, 2020) in got and ("婴儿死亡率", 10.0, 2020) in {(i[-5:], v, y) for i, v, y in got}


def full(sent, doc_year=2017):
    return [(q.kind, q.indicator, q.comparator, q.value, q.year, q.relative)
            for q in targets_in_sentence(sent, 0, None, "", doc_year, plan_doc=True)]


def test_a_change_from_a_measured_value_to_a_target():
    got = full("到2030年，婴儿死亡率从2015年的5.28‰降到2030年的≤5‰、孕产妇死亡率降低到12/10万。")
    assert ("measurement", "婴儿死亡率", "=", 5.28, 2015, False) in got        # the value it starts from
    assert ("target", "婴儿死亡率", "<=", 5.0, 2030, False) in got             # not "2030" as a value
    assert ("target", "孕产妇死亡率", "<=", 12.0, 2030, False) in got          # the next item of the list


def test_an_adverb_is_no_indicator_the_one_named_before_is():
    got = full("到2020年全省居民人均预期寿命从2015年的73.25岁增长到74岁；到2030年，进一步增长到76岁。")
    assert ("target", "居民人均预期寿命", ">=", 76.0, 2030, False) in got
    assert not [g for g in got if g[1] == "进一步"]


def test_targets_listed_with_a_comparator_each():
    got = full("到2030年，Ⅲ类水体比例要达到92%、省级卫生县城数达到100%、空气质量优良天数比率达到82%，并保持持续改善。")
    assert [(i, v) for _, i, _, v, _, _ in got] == [("Ⅲ类水体比例", 92.0), ("省级卫生县城数", 100.0),
                                                   ("空气质量优良天数比率", 82.0)]


def test_a_change_by_the_year_is_a_relative_target():
    assert ("target", "人均每日食盐摄入量", "=", 20.0, 2030, True) in full("到2030年，人均每日食盐摄入量降低20%。")
    got = targets_in_sentence("到2025年，全市孕产妇死亡率较2020年下降10%左右。", 0, None, "", 2021, plan_doc=True)
    assert [(q.indicator, q.value, q.baseline_year, q.approximate) for q in got] == [("孕产妇死亡率", 10.0, 2020, True)]


UNSEEN3 = Path(__file__).resolve().parents[1] / "unseen3" / "docs"


def test_real_news_on_a_provincial_plan_with_its_2030_targets():
    ex = extract_document(read_document(UNSEEN3 / "w16_gansu_2030_plan_targets.txt"))
    got = {(q.kind, q.indicator, q.value, q.year) for q in ex.quantities}
    assert {("target", "人均预期寿命", 76.0, 2030), ("target", "婴儿死亡率", 5.0, 2030),
            ("measurement", "婴儿死亡率", 5.28, 2015)} <= {(k, i.removeprefix("居民"), v, y) for k, i, v, y in got}


@pytest.mark.parametrize("sentence, indicator, value", [
    ("2022年全年共举办讲座150余场。", "讲座", 150.0),                               # adverbs and an activity verb
    ("积极开展个体健康教育144万人次。", "个体健康教育", 144.0),
    ("全省编制发放图文海报、音频视频、常识折页等各类宣教材料53种。", "宣教材料", 53.0),  # the kind after 等, not the examples
    ("在全省82.5%的中小学配建心理辅导室并面向师生开放。", "中小学配建心理辅导室比例", 82.5),  # the share of what
])
def test_the_indicator_of_a_reported_count_is_what_is_counted(sentence, indicator, value):
    assert (indicator, value) in [(i, v) for i, v, _ in m(sentence)]


def test_a_rates_base_is_no_value_but_a_period_is():
    assert 1.0 not in [v for _, v, _ in m("每骑行1公里，可获得93.3克碳减排量。")]
    assert [v for _, v, _ in m("每月200多名市区级专家定期在社区卫生服务中心坐诊。")] == [200.0]


def test_a_change_written_with_a_comma_before_its_verb():
    got = m("婴儿死亡率和5岁以下儿童死亡率分别从2020年的4.02‰和5.72‰，下降至2024年的2.95‰和3.98‰。")
    assert {("婴儿死亡率", 4.02, 2020), ("5岁以下儿童死亡率", 5.72, 2020), ("婴儿死亡率", 2.95, 2024),
            ("5岁以下儿童死亡率", 3.98, 2024)} <= set(got)


def test_real_news_with_activity_counts():
    ex = extract_document(read_document(DEV / "h05_guizhou_health_literacy_news.txt"))
    got = {(q.indicator, q.value) for q in ex.quantities if q.kind == "measurement"}
    assert ("宣教材料", 53.0) in got and ("讲座", 150.0) in got
    assert not [i for i, _ in got if i.startswith(("全年", "积极", "常识折页"))]


def test_a_measured_base_in_brackets_after_a_target():
    got = full("力争到2022年和2030年，人均预期寿命达到77岁和79岁（2018年为75.7岁），居民健康素养水平达到20%和30%及以上（2018年为12.88%）。")
    assert ("measurement", "人均预期寿命", "=", 75.7, 2018, False) in got
    assert ("measurement", "居民健康素养水平", "=", 12.88, 2018, False) in got
    assert ("target", "人均预期寿命", ">=", 79.0, 2030, False) in got


def test_a_change_over_a_period_written_before_it():
    assert {("人均预期寿命", 76.34, 2015), ("人均预期寿命", 77.93, 2020)} <= set(
        m("据介绍，中国人均预期寿命在2015年至2020年，从76.34岁提高至77.93岁。"))


def test_a_share_that_has_achieved_coverage_is_no_full_coverage():
    got = m("目前90.9%的县已实现县级医院派驻人员到乡镇卫生院服务全覆盖。")
    assert [v for _, v, _ in got] == [90.9]
    assert got[0][0].endswith("比例")


def test_a_sentence_about_next_year_reports_nothing(extract):
    ex = extract("“到明年年底，90%以上的县要建立县域医共体，紧密型程度要有新的提升。”", title="某新闻")
    assert not [q for q in ex.quantities if q.kind == "measurement"]


def test_real_provincial_news_with_bracketed_bases():
    ex = extract_document(read_document(UNSEEN2 / "v08_ningxia_16_actions_targets.txt"))
    got = {(q.kind, q.indicator, q.value, q.year) for q in ex.quantities}
    assert {("measurement", "人均预期寿命", 75.7, 2018), ("measurement", "居民健康素养水平", 12.88, 2018)} <= got


def test_counts_of_things_households_and_items():
    got = m("目前，我省已建成健康社区1825个、健康村5598个、健康家庭266.17万户；上传科普材料1.14万件。")
    assert {("健康社区", 1825.0), ("健康家庭", 266.17), ("上传科普材料", 1.14)} <= {(i, v) for i, v, _ in got}
    assert not [i for i, _, _ in got if i.startswith("我省")]     # the province speaking of itself is no indicator
    assert m("联合16部门印发方案。") == []                          # 部门 is a word, not 16 部


def test_a_note_in_brackets_after_a_count_is_no_noun():
    got = m("累计建成国家级健康县区11个，省级健康县区135个（含1个开发区）。")
    assert ("省级健康县区", 135.0) in [(i, v) for i, v, _ in got]


def test_a_later_years_value_is_no_measurement(extract):
    ex = extract("我省人均预期寿命2030年提高到76岁\n2016年，全省人均预期寿命为73.3岁。", title="甘肃省新闻", date="2017-02-18")
    got = [(q.value, q.year) for q in ex.quantities if q.kind == "measurement"]
    assert (73.3, 2016) in got and not [v for v, y in got if y == 2030]
    # a headline about a later year sets no year for the figures after it
    ex = extract("山东已有17项指标达国家2030年目标值\n全省居民健康素养水平提升至33.13%。", title="山东新闻", date="2024-06-28")
    assert [q.year for q in ex.quantities if q.value == 33.13] in ([2024], [None])


def test_counts_chained_before_a_value_are_cut_off_its_indicator():
    # 2类12种13.8万份: the kinds break the copies down; the copies are the value
    got = m("2019年，印制各类控烟宣传资料2类12种13.8万份。")
    assert [i for i, v, _ in got if v == 13.8 and i.endswith("宣传资料")]
    assert not [i for i, v, _ in got if "12种" in i]


@pytest.mark.parametrize("sentence", [
    "山东建成健康教育基地124个成人吸烟率降至22.65%群众健康素养显著提升",  # a headline with no punctuation
    "10. 开展“西学中”人才培训900人。",                                  # a list number opening it
])
def test_an_indicator_holding_a_second_count_reports_nothing(sentence):
    assert not [1 for i, v, _ in m(sentence) if v in (22.65, 900.0)]


def test_real_news_with_materials_counted_by_kind_and_copies():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "dev" / "docs" / "h05_guizhou_health_literacy_news.txt"))
    got = {q.indicator: q.value for q in ex.quantities if q.kind == "measurement" and q.value == 3251}
    assert got and not [i for i in got if "53种" in i]


def test_a_year_closed_by_a_colon_opens_a_list_of_targets(extract):
    text = ("湖北省爱国卫生运动实施意见\n一、总体要求\n坚持预防为主。到2025年：（一）城乡环境面貌全面改善——建成5000个美丽乡村示范村。"
            "——生活垃圾焚烧处理能力占比达到70%。（二）居民健康素质全面提高——全省居民健康素养水平达到30%。\n")
    ex = extract(text, title="湖北省关于深入开展爱国卫生运动的实施意见", date="2021-03-01")
    got = {(q.value, q.year) for q in ex.quantities if q.kind == "target"}
    assert {(70.0, 2025), (30.0, 2025)} <= got


def test_real_opinion_with_a_dashed_goal_list():
    ex = extract_document(read_document(UNSEEN2 / "v22_hubei_patriotic_health_opinion.txt"))
    got = {(q.value, q.year) for q in ex.quantities if q.kind == "target"}
    assert {(70.0, 2025), (30.0, 2025)} <= got


def test_a_sources_verb_of_stating_ends_what_the_indicator_is_not():
    # 规划提出…: the indicator is what follows the verb, not the plan that states it
    got = m("2019年的监测结果显示居民健康素养水平达到19.2%。")
    assert [i for i, v, _ in got if v == 19.2] == ["居民健康素养水平"]


def test_a_time_word_alone_is_no_indicator():
    # 方案明确今年100%公立医疗机构全部纳入…: 今年 names when, not what
    assert not [i for i, v, _ in m("方案明确今年100%公立医疗机构全部纳入医联体体系。") if i in ("今年", "方案明确今年")]


def test_real_news_of_a_national_plan_stated_by_the_plan():
    ex = extract_document(read_document(UNSEEN2 / "v24_quanguo_14th_plan_targets_traditional.txt"))
    assert not [q for q in ex.quantities if "规划" in q.indicator and "提出" in q.indicator]


UNSEEN4 = Path(__file__).resolve().parents[1] / "unseen4" / "docs"


def goal(sent, plan_year=2019):
    return [(q.indicator, q.value, q.comparator) for q in
            targets_in_sentence(sent, 0, None, "", 2019, plan_year=plan_year, plan_doc=True, goal=True)]


@pytest.mark.parametrize("sent, expected", [
    # the head written once after the last item: each item gets it
    ("城、乡居民健康素养水平分别提高到26%和18%以上。", [("城居民健康素养水平", 26.0, ">="), ("乡居民健康素养水平", 18.0, ">=")]),
    ("城市、农村居民健康素养水平分别达到30%和20%。", [("城市居民健康素养水平", 30.0, ">="), ("农村居民健康素养水平", 20.0, ">=")]),
    ("高血压、糖尿病患者规范管理率分别达到65%和60%。", [("高血压患者规范管理率", 65.0, ">="), ("糖尿病患者规范管理率", 60.0, ">=")]),
    # a list and its values in the same order, without 分别
    ("健康机关、健康学校、健康企业的比例不低于65%、65%、30%。",
     [("健康机关的比例", 65.0, ">="), ("健康学校的比例", 65.0, ">="), ("健康企业的比例", 30.0, ">=")]),
    # items that already carry the head are left as they are
    ("孕产妇死亡率和婴儿死亡率分别下降到10/10万和5‰。", [("孕产妇死亡率", 10.0, "<="), ("婴儿死亡率", 5.0, "<=")]),
])
def test_a_head_written_once_after_a_list_belongs_to_each_item(sent, expected):
    assert goal(sent) == expected


def test_the_number_of_a_goal_item_is_no_part_of_its_indicator():
    assert goal("（一）全区居民健康素养水平提高到26%以上。") == [("居民健康素养水平", 26.0, ">=")]
    assert goal("①孕产妇死亡率控制在10/10万以下。") == [("孕产妇死亡率", 10.0, "<=")]


def test_a_share_written_with_zhan_is_a_target():
    assert goal("到2017年，基层医疗卫生机构的诊疗量占总诊疗量的65%以上。") == [("基层医疗卫生机构的诊疗量占总诊疗量", 65.0, ">=")]
    assert goal("公立医院医疗服务收入占医疗收入的35%左右。")[0][1:] == (35.0, "=")
    assert goal("占比提高。") == []


def test_real_county_targets_in_one_list_with_their_values():
    ex = extract_document(read_document(UNSEEN4 / "x03_guizhou_dushan_county_targets.txt"))
    got = {(q.indicator.replace("创建", ""), q.value) for q in ex.quantities if q.kind == "target"}
    assert {("健康镇（街道）的比例", 30.0), ("健康机关的比例", 65.0), ("健康促进医院的比例", 70.0)} <= got


def test_real_annual_plan_of_a_pdf_text_layer_with_ascii_full_stops():
    # 提高到26%以上.城、乡居民…: the ASCII full stops split the sentences; the plan's title, broken inside
    # 《》 over two lines, gives the year of its targets
    src = read_document(UNSEEN4 / "x04_hainan_xiuying_promotion_targets.txt")
    assert src.title.endswith("《秀英区2019年健康促进与教育工作实施方案》的通知")
    got = {(q.indicator, q.value, q.year) for q in extract_document(src).quantities if q.kind == "target"}
    assert got == {("居民健康素养水平", 26.0, 2019), ("城居民健康素养水平", 26.0, 2019), ("乡居民健康素养水平", 18.0, 2019)}


def test_real_opinion_sets_a_share_target():
    ex = extract_document(read_document(UNSEEN4 / "x11_gansu_tiered_care_opinion_trad.txt"))
    assert ("基层医疗卫生机构的诊疗量占总诊疗量", 65.0, 2017) in {(q.indicator, q.value, q.year) for q in ex.quantities}


def test_a_plan_word_inside_a_bodys_name_plans_nothing():
    sent = "国家卫健委规划信息司司长毛群安表示，各地健康城市的人均预期寿命的中位数达到79.40岁。"
    assert t(sent, 2022) == []
    assert [v for _, v, _ in m(sent)] == [79.4]


def test_real_press_news_with_the_planning_departments_director():
    ex = extract_document(read_document(UNSEEN4 / "x14_national_healthy_cities_trad.txt"))
    assert not [q for q in ex.quantities if q.kind == "target"]
    assert 79.4 in {q.value for q in ex.quantities if q.kind == "measurement"}


def test_a_list_whose_last_item_opens_with_no_head_noun_is_not_distributed():
    # 儿童、青少年近视率: 年近视率 is no head of 儿童
    assert [i for i, _, _ in goal("儿童、青少年近视率分别控制在40%和50%以下。")] != ["儿童年近视率", "青少年近视率"]


def test_a_count_that_scopes_the_next_value_is_no_measurement():
    got = m("全国339个地级以上城市的空气质量平均优良天数占比达到87%。")
    assert [(i, v) for i, v, _ in got] == [("全国地级以上城市的空气质量平均优良天数占比", 87.0)]
    # a count with nothing measured over it stays a count
    assert [v for _, v, _ in m("全市已建成12家医疗机构。")] == [12.0]


def test_the_ji_and_yu_inside_an_indicator_join_nothing():
    # 普及率, 参与率: not A及B, A与B
    got = m("农村集中供水率和自来水普及率分别达到了89%和84%。")
    assert [(i, v) for i, v, _ in got] == [("农村集中供水率", 89.0), ("自来水普及率", 84.0)]
    assert [i for i, _, _ in goal("健康知识普及率和群众参与率分别达到90%和80%。")] == ["健康知识普及率", "群众参与率"]
    assert [i for i, _, _ in goal("孕产妇死亡率及婴儿死亡率分别控制在10/10万和5‰以下。")] == ["孕产妇死亡率", "婴儿死亡率"]


def test_real_press_news_with_shares_over_counted_cities():
    ex = extract_document(read_document(UNSEEN4 / "x14_national_healthy_cities_trad.txt"))
    got = {q.indicator: q.value for q in ex.quantities if q.kind == "measurement"}
    assert got.get("自来水普及率") == 84.0 and got.get("农村集中供水率") == 89.0
    assert 87.0 in got.values() and 339.0 not in got.values()


UNSEEN5 = Path(__file__).resolve().parents[1] / "unseen5" / "docs"


@pytest.mark.parametrize("sent, expected", [
    ("学校心理咨询室建成率100%以上。", [("学校心理咨询室建成率", 100.0, ">=")]),       # a rate straight before its value
    ("中小学100%设立心理辅导室，并配备专职教师。", [("中小学设立心理辅导室比例", 100.0, "=")]),  # the share that does it
    ("50%的二级以上综合医院开设心理门诊。", [("二级以上综合医院开设心理门诊比例", 50.0, "=")]),
    ("创建心理健康教育特色学校2个，设立未成年人心理健康教育辅导中心1个。",
     [("心理健康教育特色学校", 2.0, "="), ("未成年人心理健康教育辅导中心", 1.0, "=")]),
])
def test_a_goal_sections_values_without_a_comparator_word_are_targets(sent, expected):
    assert goal(sent, 2021) == expected


def test_outside_a_goal_section_a_bare_rate_sets_nothing():
    assert [q for q in targets_in_sentence("学校心理咨询室建成率100%以上。", 0, None, "", 2019, plan_doc=True)
            if q.indicator == "学校心理咨询室建成率" and q.comparator == "="] == []
    assert targets_in_sentence("中小学100%设立心理辅导室。", 0, None, "", 2019) == []


def test_an_unnumbered_goal_heading_and_a_deadline_opening_set_targets_and_their_year(extract):
    text = ("深圳市社会心理服务体系建设试点工作实施方案（2019—2021）\n指导思想\n以习近平新时代中国特色社会主义思想为指导。\n"
            "工作目标\n2019年底前，将心理健康服务纳入健康城市评价指标体系。各区心理服务指导中心设置率达100%，"
            "中小学校心理辅导室设置率达60%。\n主要任务\n全市已有心理服务站120个。\n")
    ex = extract(text, title="深圳市社会心理服务体系建设试点工作实施方案（2019—2021）")
    got = {(q.kind, q.indicator, q.value, q.year) for q in ex.quantities}
    assert ("target", "各区心理服务指导中心设置率", 100.0, 2019) in got
    assert ("target", "中小学校心理辅导室设置率", 60.0, 2019) in got
    assert not [q for q in ex.quantities if q.kind == "measurement" and q.value in (100.0, 60.0)]


def test_real_district_plan_with_a_goal_list():
    ex = extract_document(read_document(UNSEEN5 / "y05_ningxia_xingqing_psych_service_targets.txt"))
    got = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "target"}
    assert {("中小学设立心理辅导室比例", 100.0, 2021), ("学校心理咨询室建成率", 100.0, 2021),
            ("心理健康教育特色学校", 2.0, 2021)} <= got


def test_real_traditional_plan_under_spam_and_a_breadcrumb():
    src = read_document(UNSEEN5 / "y07_guangdong_shenzhen_psych_service_trad.txt")
    assert src.title.startswith("深圳市社會心理服務")  # not the spam line, not 首頁 地方文件
    ex = extract_document(src)
    targets = {(q.value, q.year) for q in ex.quantities if q.kind == "target"}
    assert {(100.0, 2019), (20.0, 2019), (60.0, 2019), (50.0, 2019)} <= targets
    assert not [q for q in ex.quantities if q.kind == "measurement" and q.year == 2019]


def test_a_change_from_a_period_named_without_a_year():
    got = [(i, v, y) for i, v, y in m("人均预期寿命由和平解放初期的35.5岁提高至70.6岁。")]
    assert [(i, v) for i, v, _ in got] == [("人均预期寿命", 35.5), ("人均预期寿命", 70.6)]
    assert got[0][2] is None


def test_a_value_compared_in_brackets_with_the_countrys_and_a_lists_per_capita_head():
    got = [(q.indicator, q.value, q.year) for q in
           measurements_in_sentence("每千人口床位数4.88张（全国2017年5.72张）、卫生技术人员5.54人（全国2017年6.47人）。", 0, 2019, "")]
    assert got == [("每千人口床位数", 4.88, 2019), ("每千人口床位数", 5.72, 2017),
                   ("每千人口卫生技术人员数", 5.54, 2019), ("每千人口卫生技术人员数", 6.47, 2017)]


def test_real_traditional_news_comparing_with_the_country():
    ex = extract_document(read_document(UNSEEN5 / "y17_xizang_life_expectancy_trad.txt"))
    got = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "measurement"}
    assert {("每千人口床位数", 5.72, 2017), ("每千人口卫生技术人员数", 6.47, 2017), ("人均预期寿命", 35.5, None)} <= got
    assert not [i for i, _, _ in got if "和平解放" in i]


def test_a_per_capita_count_to_reach_is_a_target():
    assert t("到2025年，每千人拥有社会体育指导员2.3名。") == [("每千人拥有社会体育指导员", 2.3, 2025)]
    assert t("到2030年，人均体育场地面积2.6平方米以上。") == [("人均体育场地面积", 2.6, 2030)]


def test_real_provincial_plan_with_a_per_capita_target():
    ex = extract_document(read_document(UNSEEN5 / "y02_fujian_14th_health_plan_tasks.txt"))
    assert ("每千人拥有社会体育指导员", 2.3, 2025) in {(q.indicator, q.value, q.year) for q in ex.quantities}


@pytest.mark.parametrize("sent, indicator", [
    ("全区共15家医疗机构参与“健康北京周”系列宣传活动。", "医疗机构"),     # the counted noun ends at its verb
    ("仅目前的11家成员医院加起来，年门急诊总量超过1500万人次。", "成员医院"),
    ("卫滨区卫健委组织区疾控中心等9家单位在体育场开展宣传活动。", "单位"),  # …and at a preposition
    ("全市共有1200名在校学生参加体检。", "在校学生"),                     # but not at the 在 of a noun
])
def test_a_counted_noun_ends_where_a_verb_or_preposition_begins(sent, indicator):
    assert indicator in [i for i, _, _ in m(sent)]


def test_a_count_of_the_documents_own_actions_stays_no_measurement_when_a_verb_follows():
    assert m("以15项专项行动为主要内容的健康新疆行动已全面实施。") == []
    assert m("新疆启动实施包括控烟等15项专项行动在内的健康新疆行动。") == []


@pytest.mark.parametrize("sent, indicator", [
    ("中新网重庆新闻12月6日电健康细胞建设覆盖率达到90%。", "健康细胞建设覆盖率"),   # a dateline
    ("/font>5岁以下儿童贫血率为8.6%。", "5岁以下儿童贫血率"),                   # a broken tag's rest
])
def test_page_junk_before_an_indicator_is_no_part_of_it(sent, indicator):
    assert [i for i, _, _ in m(sent)] == [indicator]


def test_a_change_written_with_le_after_its_verb():
    got = m("人均基本公共卫生服务经费由2010年的27元提高到了2015年的50元。")
    assert got == [("人均基本公共卫生服务经费", 27.0, 2010), ("人均基本公共卫生服务经费", 50.0, 2015)]


def test_real_xizang_plan_background_with_a_change():
    ex = extract_document(read_document(UNSEEN2 / "v21_xizang_13th_plan_base.txt"))
    got = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "measurement"}
    assert {("人均基本公共卫生服务经费", 27.0, 2010), ("人均基本公共卫生服务经费", 50.0, 2015)} <= got


def test_real_news_counting_the_actions_of_a_provincial_plan():
    ex = extract_document(read_document(UNSEEN5 / "y16_xinjiang_15_actions_news.txt"))
    # 以15项专项行动为主要内容, 包括…等15项专项行动在内: the plan's own content (its headline's count stays a judgement)
    assert not [q for q in ex.quantities if q.kind == "measurement" and ("内容" in q.indicator or "在内" in q.indicator)]


UNSEEN6 = Path(__file__).resolve().parents[1] / "unseen6" / "docs"


def test_a_plans_background_under_a_chapter_heading_reports_measurements(extract):
    text = ("某市“十四五”卫生健康发展规划\n第一章 规划背景和总体要求\n第一节 发展基础\n"
            "2020年，每千人口医疗卫生机构床位数增加到8.6张，比“十三五”规划高2.6张。\n第二节 主要目标\n"
            "到2025年，每千人口医疗卫生机构床位数达到9.5张。\n")
    ex = extract(text, title="某市“十四五”卫生健康发展规划")
    got = {(q.kind, q.value, q.year) for q in ex.quantities}
    assert ("measurement", 8.6, 2020) in got and ("target", 9.5, 2025) in got
    assert not [q for q in ex.quantities if q.kind == "target" and q.value == 8.6]


def test_a_section_titled_by_its_achievements_is_a_background(extract):
    text = ("某市卫生健康事业发展“十四五”规划\n一、推进健康建设\n（一）健康某市建设成效显著。\n"
            "每千人口床位数10.07张，每千人口注册护士数4.31人，位居全省前列。\n（二）主要目标。\n到2025年，每千人口床位数达到11张。\n")
    ex = extract(text, title="某市卫生健康事业发展“十四五”规划")
    assert {q.value for q in ex.quantities if q.kind == "target"} == {11.0}
    assert {10.07, 4.31} <= {q.value for q in ex.quantities if q.kind == "measurement"}


@pytest.mark.parametrize("sent, expected", [
    # a comma lost between a value and the next indicator
    ("婴儿死亡率为4.08‰5岁以下儿童死亡率为5.01‰。", [("婴儿死亡率", 4.08), ("5岁以下儿童死亡率", 5.01)]),
    ("每千人口执业（助理）医师数3.37每千人口注册护士数4.31人。", [("每千人口注册护士数", 4.31)]),
    # a count before a noun is no value run on: 124个成人吸烟率 keeps its count out of the indicator's start
    ("成人吸烟率降至22.65%。", [("成人吸烟率", 22.65)]),
])
def test_a_value_run_into_the_next_indicator(sent, expected):
    assert [(i, v) for i, v, _ in m(sent)] == expected


def test_a_difference_from_the_province_is_the_indicators_difference():
    got = [(i, v) for i, v, _ in m("2020年我市婴儿死亡率为4.01‰，比全省低1.22个千分点。")]
    assert got == [("婴儿死亡率", 4.01), ("婴儿死亡率比全省低", 1.22)]


def test_real_city_plan_with_its_background_under_chapters():
    ex = extract_document(read_document(UNSEEN6 / "z07_heilongjiang_qiqihar_14th_plan_base.txt"))
    assert not [q for q in ex.quantities if q.kind == "target" and q.value in (8.6, 3.3)]
    got = {(q.indicator, q.value) for q in ex.quantities if q.kind == "measurement"}
    assert {("人均预期寿命", 79.48), ("婴儿死亡率", 4.01), ("婴儿死亡率比全省低", 1.22)} <= got


UNSEEN7 = Path(__file__).resolve().parents[1] / "unseen7" / "docs"


def test_a_list_item_that_opens_with_its_year():
    got = [(q.indicator, q.value, q.year) for q in
           targets_in_sentence("1.2025年，居民艾滋病防治知识知晓率达90%以上，感染者权利义务知晓率达95%以上，到2030年持续巩固提升。",
                               0, None, "", 2021, plan_year=2030, plan_doc=True, goal=True)]
    assert got == [("居民艾滋病防治知识知晓率", 90.0, 2025), ("感染者权利义务知晓率", 95.0, 2025)]
    got = [(q.indicator, q.value, q.year) for q in
           targets_in_sentence("4.2025年，感染者比例达90%以上，到2030年达95%以上。", 0, None, "", 2021, plan_doc=True, goal=True)]
    assert got == [("感染者比例", 90.0, 2025), ("感染者比例", 95.0, 2030)]


def test_one_value_for_every_indicator_of_a_list_written_with_jun():
    assert [(i, v) for i, v, _ in goal("经诊断发现的感染者接受抗病毒治疗比例、接受抗病毒治疗的感染者病毒抑制比例均达95%以上。")] == [
        ("经诊断发现的感染者接受抗病毒治疗比例", 95.0), ("接受抗病毒治疗的感染者病毒抑制比例", 95.0)]


def test_a_rate_held_under_a_value_with_zai():
    assert goal("艾滋病母婴传播率在2%以下。") == [("艾滋病母婴传播率", 2.0, "<=")]


def test_da_in_a_verb_of_sending_and_a_year_are_no_target():
    got = t("根据省财政厅《关于提前下达2026年基本公共卫生服务补助资金预算的通知》，到2026年全省居民健康素养水平达到32%。", 2026)
    assert [(v, y) for _, v, y in got] == [(32.0, 2026)]  # not 下达 + 2026
    assert t("市卫健委传达2025年工作会议精神。", 2025) == []


def test_real_county_aids_plan_with_yearly_list_items():
    ex = extract_document(read_document(UNSEEN7 / "q09_neimenggu_kezuozhongqi_hiv_plan_targets.txt"))
    got = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "target"}
    assert {("居民艾滋病防治知识知晓率", 90.0, 2025), ("艾滋病母婴传播率", 2.0, 2025),
            ("经诊断发现并知晓自身感染状况的感染者比例", 95.0, 2030)} <= got
    assert not [1 for i, v, y in got if i == "居民艾滋病防治知识知晓率" and y == 2030]


def test_real_project_plan_citing_a_funding_notice():
    ex = extract_document(read_document(UNSEEN7 / "q13_gansu_2026_health_literacy_project_plan.txt"))
    assert not [q for q in ex.quantities if q.value == 2026.0]


def test_yi_of_a_relative_clause_reports_nothing_in_a_plan(extract):
    text = ("某省地方病防治实施规划\n（二）大骨节病\n巩固已取得的防治成果，继续坚持在44个县800万病区人口中开展硒盐防治。\n"
            "截至2000年底，已有30个病区县达到控制标准。\n")
    ex = extract(text, title="某省人民政府关于印发某省地方病防治实施规划的通知")
    measured = {q.value for q in ex.quantities if q.kind == "measurement"}
    assert 800.0 not in measured and 44.0 not in measured
    assert 30.0 in measured  # 截至…已有: a report, still


def test_a_plans_own_title_on_one_of_its_first_lines(extract):
    text = ("标签“进一步”的相关文档,共1条\n2024.03.04 某市医改领导小组秘书处关于印发《某市乡村医疗卫生体系健康发展分工方案》的通知\n"
            "①每个乡镇办好1所乡镇卫生院。\n")
    ex = extract(text, title="标签“进一步”的相关文档,共1条", date="2024-03-04")
    assert not [q for q in ex.quantities if q.kind == "measurement"]


def test_real_provincial_plan_consolidating_what_was_achieved():
    ex = extract_document(read_document(UNSEEN7 / "q08_shaanxi_endemic_disease_plan_targets.txt"))
    assert not [q for q in ex.quantities if q.kind == "measurement" and q.value in (800.0, 62.0, 31.0)]


def test_a_count_that_conditions_what_a_task_is_for_is_no_target():
    assert t("到2025年，遴选开放床位超过20张的乡镇卫生院建设县域医疗次中心。", 2024) == []
    assert [v for _, v, _ in t("到2025年，乡镇卫生院开放床位超过20张。", 2024)] == [20.0]


UNSEEN6 = Path(__file__).resolve().parents[1] / "unseen6" / "docs"


def test_counts_a_news_item_says_will_be_made_are_targets(extract):
    # 将 + a verb of doing: what the sentence counts is planned, not reported
    ex = extract("近日，某市启动健康促进工程。其中，健康讲堂活动将统一编写教材，并遴选出20名健康讲师、搭建15个健康教育基地。",
                 title="某市启动健康促进工程", date="2021-03-01")
    targets = {(q.indicator, q.value) for q in ex.quantities if q.kind == "target"}
    assert {("健康讲师", 20.0), ("健康教育基地", 15.0)} <= targets, targets
    assert not [q for q in ex.quantities if q.kind == "measurement"]


def test_counts_a_news_item_reports_stay_measurements(extract):
    ex = extract("近日，某市启动健康促进工程。今年以来，全市遴选出20名健康讲师，搭建15个健康教育基地。",
                 title="某市启动健康促进工程", date="2021-03-01")
    assert not [q for q in ex.quantities if q.kind == "target"]


def test_real_news_planned_counts():
    ex = extract_document(read_document(UNSEEN6 / "z17_shandong_qingdao_promotion_project_news.txt"))
    targets = {(q.indicator, q.value) for q in ex.quantities if q.kind == "target"}
    assert {("健康形象大使", 10.0), ("流动学堂", 100.0)} <= targets, targets
    assert not [q for q in ex.quantities if q.kind == "measurement" and q.value in (10.0, 100.0, 1000.0)]


def test_the_upper_end_of_a_range_measures_what_its_lower_end_does():
    found = m("全市儿童龋齿患病率为12.5%~18.3%，成人吸烟率为22%。")
    assert ("儿童龋齿患病率", 18.3, None) in found or ("儿童龋齿患病率", 18.3, 2019) in found, found
    assert not [ind for ind, _, _ in found if "~" in ind or "12.5" in ind]


def test_real_ranges_of_infection_rates():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen7" / "docs"
                                        / "q16_qinghai_echinococcosis_cppcc_member.txt"))
    found = {(q.indicator, q.value) for q in ex.quantities if q.kind == "measurement"}
    assert {("牛的感染率", 60.36), ("羊的感染率", 53.14)} <= found, found


def test_a_count_of_areas_a_later_count_is_taken_over_is_no_measurement():
    found = m("全省9个地市的120家医疗机构加入了肿瘤专科联盟。")
    assert ("地市", 9.0, None) not in found and not [v for _, v, _ in found if v == 9.0], found
    # how far something reaches is reported: 覆盖26个城市的112家医院
    assert [v for _, v, _ in m("该联盟已覆盖26个城市的112家医院。") if v == 26.0]


def test_real_count_of_prefectures_as_scope():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "heldout" / "docs"
                                        / "u18_gansu_cancer_screening_news.txt"))
    assert not [q for q in ex.quantities if q.kind == "measurement" and q.value == 14.0 and q.indicator == "市州"]


def test_a_year_and_a_colon_open_a_list_of_numbered_targets(extract):
    text = ("某市卫生强市战略，到2025年将实现：\n1、新建投入使用三级公立医院5家\n2、全市常住人口千人床位数达到6.5张\n"
            "3、重点人群家庭医生签约服务率≥75%\n")
    ex = extract(text, title="某市卫生强市战略", date="2021-01-05")
    targets = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "target"}
    assert ("全市常住人口千人床位数", 6.5, 2025) in targets or ("常住人口千人床位数", 6.5, 2025) in targets, targets
    assert any(v == 75.0 and y == 2025 for _, v, y in targets), targets       # ≥ is a comparator
    assert not [q for q in ex.quantities if q.kind == "measurement"]


def test_real_numbered_target_list_after_a_year_and_a_colon():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen9" / "docs"
                                        / "s15_guangdong_shenzhen_2020_targets.txt"))
    targets = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "target"}
    assert ("市域内住院率", 98.0, 2020) in targets and ("居民人均期望寿命", 81.0, 2020) in targets, targets


def test_a_count_in_ten_thousands_with_no_unit_after_it():
    assert ("总诊疗人次", 1752.0, 2019) in m("全区总诊疗人次达1752万。")
    assert ("出院人数", 29.0, 2019) in m("全区出院人数29万；")


def test_counts_a_news_item_says_will_be_done_at_least(extract):
    ex = extract("近日，市卫健委启动健康传播活动。活动将依托专家库,各县卫健局至少组织开展8场健康讲座;活动将推荐至少50名健康榜样。",
                 title="某市启动健康传播活动", date="2022-05-01")
    targets = {(q.indicator, q.value) for q in ex.quantities if q.kind == "target"}
    assert {("健康讲座", 8.0), ("健康榜样", 50.0)} <= targets, targets


def test_real_news_counts_to_be_done():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen9" / "docs"
                                        / "s06_hebei_shijiazhuang_health_communication_news.txt"))
    targets = {(q.indicator, q.value) for q in ex.quantities if q.kind == "target"}
    assert {("健康讲座", 10.0), ("群众身边健康榜样", 100.0)} <= targets, targets


@pytest.mark.parametrize("sentence", [
    "全县以宣传贯彻《健康素养66条》为主线开展活动。",      # a title cut by its number
    "各项专项行动扎实17项推进落实。",                     # an adverb before the number
])
def test_a_fragment_before_a_number_is_no_indicator(sentence):
    assert not m(sentence), m(sentence)


def test_real_fragments_before_numbers():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen9" / "docs"
                                        / "s02_guizhou_dejiang_health_knowledge_news.txt"))
    assert not [q for q in ex.quantities if "《" in q.indicator and "》" not in q.indicator]
    park = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen8" / "docs"
                                          / "r15_shandong_laoshan_health_promotion_news.txt"))
    assert not [q for q in park.quantities if q.indicator.endswith("身边")]   # 建设10处老百姓身边的“口袋”公园


def tp(sent, doc_year=2017):
    """Targets of a sentence in a plan (a value is a target unless reported as achieved)."""
    return [(q.indicator, q.value, q.year) for q in targets_in_sentence(sent, 0, None, "", doc_year, plan_doc=True)]


def test_one_indicator_with_a_value_for_each_year():
    assert tp("全市居民健康素养水平2020年达到20%，2025年达到25%。") == [("居民健康素养水平", 20.0, 2020),
                                                                   ("居民健康素养水平", 25.0, 2025)]
    # a second year whose clause names another indicator keeps its own
    assert ("人均体育场地面积", 2.0, 2025) in tp("居民健康素养水平2020年达到20%，人均体育场地面积2025年达到2.0平方米。")


def test_an_indicator_written_before_its_year_phrase():
    assert tp("居民健康素养水平到2020年达到20%，到2025年达到25%。") == [("居民健康素养水平", 20.0, 2020),
                                                                     ("居民健康素养水平", 25.0, 2025)]
    assert tp("到2020年达到20%。") == []  # no indicator: no target


def test_a_target_cited_in_news_before_its_year_phrase_is_not_read():
    sent = "初步实现了健康海南建设规划要求的阶段性目标(即健康素养水平到2020年底不低于20%)。"
    assert [(q.indicator, q.value) for q in targets_in_sentence(sent, 0, None, "", 2021)] == []


def test_a_number_broken_from_its_unit_by_a_pdfs_font_runs():
    from kg.ingest.formats import join_broken_numbers
    assert join_broken_numbers("到\n2020\n年,全市居民健康素养水平2020\n年达到\n20%,2025\n年达到\n25%;") == \
        "到2020年,全市居民健康素养水平2020年达到20%,2025年达到25%;"
    assert join_broken_numbers("(*发〔2017〕16\n号)") == "(*发〔2017〕16号)"
    # a heading, then a paragraph opening with a year: two lines, as written
    assert join_broken_numbers("一、主要成效\n2020年，全市建成健康社区12个。\n3\n加强组织领导") == \
        "一、主要成效\n2020年，全市建成健康社区12个。\n3\n加强组织领导"
    # a name, then its year and value on the next line (a line with no subject of its own): one phrase
    assert join_broken_numbers("人均体育场地面积\n2020年达到1.8平方米以上") == "人均体育场地面积2020年达到1.8平方米以上"


def test_real_guidance_with_its_numbers_on_lines_of_their_own():
    path = Path(__file__).resolve().parents[1] / "unseen13" / "docs" / "n08_anon_city_fitness_health_integration_targets.txt"
    ex = extract_document(read_document(path))
    got = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "target"}
    assert {("居民健康素养水平", 20.0, 2020), ("居民健康素养水平", 25.0, 2025),
            ("《国民体质测定标准》达标城乡居民比例", 92.2, 2025)} <= got
    assert {("人均体育场地面积", 1.8, 2020), ("经常参加体育锻炼的人数", 35.0, 2020)} <= got  # name / 2020年达到…: one phrase


def test_a_plans_background_section_reports_what_was_achieved(extract):
    text = ("某省健康老龄化行动计划(2018-2020年)\n一、主要背景\n全省人均预期寿命由2012年的74.1岁提高到2017年的77.5岁；"
            "预计到2020年，全省65周岁以上老年人口将达到539万。\n二、主要目标\n到2020年，全省人均预期寿命达到78岁。")
    ex = extract(text, title="某省健康老龄化行动计划(2018-2020年)", date="2018-12-05")
    got = {(q.kind, q.indicator, q.value, q.year) for q in ex.quantities}
    assert ("measurement", "人均预期寿命", 77.5, 2017) in got and ("target", "人均预期寿命", 78.0, 2020) in got
    assert not [q for q in ex.quantities if q.value == 539]  # a projection in the background: neither


def test_real_provincial_plan_background():
    path = Path(__file__).resolve().parents[1] / "unseen13" / "docs" / "n01_heilongjiang_healthy_aging_plan.txt"
    got = {(q.kind, q.indicator, q.value, q.year) for q in extract_document(read_document(path)).quantities}
    assert ("measurement", "人均预期寿命", 77.5, 2017) in got
    assert not [g for g in got if g[0] == "target" and g[3] in (2017, 2020) and g[2] in (539.0, 14.4)]


def test_a_forecast_of_population_is_neither_target_nor_measurement(extract):
    text = ("黑龙江省关于推进医疗卫生与养老服务相结合的实施意见\n截至2016年底，全省60周岁以上老年人口达650万人。"
            "预计到2020年，全省60周岁以上老年人口将达到778.8万人，占全省人口总数的18.5%；失能、部分失能老年人约97.4万人。\n"
            "到2020年，全省居民健康素养水平将达到23%。")
    ex = extract(text, title="黑龙江省关于推进医疗卫生与养老服务相结合的实施意见", date="2017-01-10")
    got = {(q.kind, q.value) for q in ex.quantities}
    assert ("measurement", 650.0) in got and ("target", 23.0) in got
    assert not {v for _, v in got} & {778.8, 18.5, 97.4}


def test_a_forecast_ageing_rate_is_no_target_and_the_figures_before_it_are_measured(extract):
    text = ("截至2023年底，全区60岁及以上人口达937万人，占常住人口的18.64%，预计到2030年，全区60岁以上老年人口将达1000万，"
            "人口老龄化率超过20%，进入中等老龄化社会。")
    got = {(q.kind, q.value) for q in extract(text, title="新闻", date="2024-06-29").quantities}
    assert ("measurement", 937.0) in got and ("measurement", 18.64) in got, got
    assert not {v for _, v in got} & {1000.0, 20.0}


def test_a_planned_value_foreseen_stays_a_target():
    got = tp("预计到2020年，全县居民健康素养水平将达到23%。", doc_year=2018)
    assert [(v, y) for i, v, y in got if "居民健康素养水平" in i] == [(23.0, 2020)]


def test_real_provincial_opinion_forecasting_its_old_population():
    path = Path(__file__).resolve().parents[1] / "unseen14" / "docs" / "p14_heilongjiang_medical_elderly_care_opinion.txt"
    got = {q.value for q in extract_document(read_document(path)).quantities}
    assert not got & {778.8, 18.5, 97.4, 80.0}


def test_a_text_that_says_it_makes_itself_a_plan_reports_no_standards_as_measurements(extract):
    text = ("1、乡镇无偿献血工作方案为切实做好我镇无偿献血工作，结合我镇实际，特制订本实施方案。一、工作目标及内容\n"
            "3、村委会每完成一人次献血任务给予工作经费300元。完成下达任务80%以上的年终绩效考评加分5分。")
    assert not [q for q in extract(text, date="2022-01-31").quantities if q.kind == "measurement"]
    # a report that names a plan it did not make still reports
    news = "今年以来，我镇根据县里的实施方案开展无偿献血，共有206人参加献血，献血量达到6.5万毫升。"
    assert [q for q in extract(news, title="我镇无偿献血工作取得实效", date="2022-12-31").quantities if q.kind == "measurement"]


def test_real_township_plan_without_a_title_line():
    path = Path(__file__).resolve().parents[1] / "unseen14" / "docs" / "p11_fujian_putian_township_blood_donation_plan.txt"
    assert not [q for q in extract_document(read_document(path)).quantities if q.kind == "measurement"]


def test_an_obligation_to_reach_a_value_in_news_is_a_target():
    got = [(q.indicator, q.value, q.year) for q in targets_in_sentence(
        "2025年，广西肺结核患者密切接触者结核病检查率应达到80%及以上；2030年该项检查率应达90%及以上。", 0, None, "", 2025)]
    assert [(v, y) for _, v, y in got] == [(80.0, 2025), (90.0, 2030)]
    assert got[0][0] == got[1][0] and got[0][0].startswith("广西肺结核患者密切接触者结核病检查率")  # 该项: the same indicator
    # 应 of a report's reasoning, with no value to reach, sets none; 是要 is no obligation on a value
    assert targets_in_sentence("各地应加强结核病防治工作，这是要落实的重点。", 0, None, "", 2025) == []


def test_real_news_of_a_provincial_tuberculosis_plan():
    path = Path(__file__).resolve().parents[1] / "unseen15" / "docs" / "g07_guangxi_tuberculosis_plan_news.txt"
    got = {(q.kind, q.value, q.year) for q in extract_document(read_document(path)).quantities}
    assert {("target", 80.0, 2025), ("target", 90.0, 2030)} <= got and not [g for g in got if g[0] == "measurement"]


def test_a_share_of_areas_that_control_a_disease_by_a_plans_year_is_a_target(extract):
    text = ("广东省重点地方病防治规划(2005-2010年)\n三、防治目标\n3.地方性氟中毒:\n(1)到2010年,全省90%以上的病区县(市、区)控制地方性氟中毒流行。")
    got = [(q.indicator, q.value, q.year) for q in extract(text, title="广东省重点地方病防治规划(2005-2010年)",
                                                          date="2005-06-01").quantities if q.kind == "target"]
    assert [(v, y) for i, v, y in got if "氟中毒" in i] == [(90.0, 2010)]
    # a report's share of areas that did so is no target
    news = "2023年，全省90%以上的病区县控制了地方性氟中毒流行。"
    assert not [q for q in extract(news, title="地方病防治工作取得成效", date="2024-01-10").quantities if q.kind == "target"]


def test_a_list_of_the_measures_set_for_a_year_states_targets(extract):
    text = ("记者从市卫健委获悉，市卫生健康委制定了2025年卫生健康为民服务10项举措。\n"
            "2025年卫生健康为民服务10项举措分别为：\n1. 在20家医疗机构推进适老化改造。\n2. 建立30家心理健康门诊。\n")
    got = {(q.kind, q.indicator, q.value, q.year) for q in extract(text, date="2025-01-20").quantities}
    assert ("target", "心理健康门诊", 30.0, 2025) in got
    assert not [g for g in got if g[0] == "measurement"]


def test_a_report_on_a_years_measures_opens_no_targets(extract):
    # the same list reported on (完成情况), or a list for a year before the text's, is what was done
    for opening, date in (("2025年卫生健康为民服务10项举措完成情况如下：", "2025-12-20"),
                          ("2024年卫生健康为民服务10项举措分别为：", "2025-12-20")):
        text = "市卫生健康委发布消息。\n" + opening + "\n1. 建成30家心理健康门诊。\n"
        assert not [q for q in extract(text, date=date).quantities if q.kind == "target"], opening


def test_real_news_of_a_citys_measures_for_the_year():
    path = Path(__file__).resolve().parents[1] / "unseen3" / "docs" / "w17_tianjin_2026_16_measures.txt"
    got = {(q.kind, q.indicator, q.value, q.year) for q in extract_document(read_document(path)).quantities}
    assert {("target", "骨质疏松门诊", 50.0, 2026), ("target", "健康大讲堂", 170.0, 2026)} <= got
    assert not [g for g in got if g[0] == "measurement"]


def test_a_count_for_a_period_counts_what_the_clause_before_does():
    def plan(sent):
        return [(q.indicator, q.value) for q in targets_in_sentence(sent, 0, None, "", 2024, plan_doc=True)]
    assert plan("4.组织开展心理健康主题巡讲，全年不少于300场。") == [("心理健康主题巡讲", 300.0)]
    assert plan("各县区每年开展健康知识讲座，全年不少于12次。") == [("健康知识讲座", 12.0)]
    # with no clause before it the period names nothing: no target named 全年
    assert not [1 for i, _ in plan("全年不少于12次。") if i == "全年"]


def test_a_sentence_counting_the_goals_to_reach_opens_them(extract):
    text = ("国家疾控局等部门联合发布行动方案。\n根据方案，到2025年底，将实现三大目标。\n"
            "其一，全国95%以上的病区县达到控制水平。其二，居民户合格碘盐食用率达到90%以上。\n"
            "据了解，2020年全国有98%的病区县达到控制水平。")
    got = {(q.kind, q.value, q.year) for q in extract(text, title="地方病防治新闻").quantities}
    assert {("target", 95.0, 2025), ("target", 90.0, 2025)} <= got
    assert ("measurement", 98.0, 2020) in got  # the paragraph after the list reports


def test_real_news_of_a_national_endemic_disease_plan():
    path = Path(__file__).resolve().parents[1] / "unseen16" / "docs" / "h08_national_endemic_disease_plan_news_trad.txt"
    got = {(q.kind, q.value, q.year) for q in extract_document(read_document(path)).quantities}
    assert {("target", 95.0, 2025), ("target", 90.0, 2025)} <= got and not [g for g in got if g[0] == "measurement"]


def test_a_year_looked_ahead_to_is_not_the_year_of_the_figures_after_it(extract):
    text = "根据方案，到2025年底，将完成三项任务。\n据了解，全国已建成示范区120个。"
    got = [(q.kind, q.value, q.year) for q in extract(text, title="某新闻").quantities]
    assert ("measurement", 120.0, None) in got and not [g for g in got if g[2] == 2025]


def test_a_quota_handed_down_as_a_share_of_a_base_is_a_target(extract):
    text = "某镇2017年度无偿献血工作方案\n二、任务分配\n（一）机关、学校、卫生院等单位按在职职工总数的10%下达任务；\n"
    got = [(q.kind, q.indicator, q.value) for q in extract(text, title="某镇2017年度无偿献血工作方案").quantities]
    assert got == [("target", "机关、学校、卫生院等单位任务占在职职工总数的比例", 10.0)]
    # a range states no one value, and a quota reports nothing achieved
    ranged = "无偿献血指导性计划通知\n（一）全县各单位按年度在编在册干部职工总数25—30%的比例下达指导性计划。\n"
    assert extract(ranged, title="无偿献血指导性计划通知").quantities == []


def test_real_township_blood_donation_plan_hands_down_its_quotas():
    path = Path(__file__).resolve().parents[1] / "unseen16" / "docs" / "h12_anon_township_blood_donation_plan.txt"
    got = {(q.kind, q.value) for q in extract_document(read_document(path)).quantities}
    assert ("target", 10.0) in got and not [g for g in got if g[0] == "measurement"]


def test_a_norm_advocated_reports_nothing_achieved(extract):
    text = "无偿献血指导性计划通知\n（三）提倡驻汉部队战士在服役期间献血1次，部队干部每两年献血1次。\n"
    assert not [q for q in extract(text, title="无偿献血指导性计划通知").quantities if q.kind == "measurement"]
    done = "某县健康工作简报\n倡导健康生活方式以来，全县居民健康素养水平已达到25%。\n"  # what the advocacy achieved is reported
    assert [q for q in extract(done, title="某县健康工作简报").quantities if q.kind == "measurement" and q.value == 25]


@pytest.mark.parametrize("sentence", [
    "2015年11月，国家10个部委决定在石渠县启动包虫病综合防治试点工作。",   # the bodies that acted, counted
    "平均海拔4520米的石渠县，曾是包虫病流行最严重的地区之一。",             # the place, no value of health work
])
def test_acting_bodies_and_a_places_altitude_are_no_measurements(sentence):
    assert m(sentence) == []


def test_a_count_of_member_bodies_reached_is_still_measured():
    assert [(v) for _, v, _ in m("截至2023年底，健康促进委员会成员单位达到35个。")] == [35.0]


def test_real_news_of_a_plateau_county_measures_no_altitude():
    path = Path(__file__).resolve().parents[1] / "unseen16" / "docs" / "h06_sichuan_shiqu_echinococcosis_news_trad.txt"
    got = {q.value for q in extract_document(read_document(path)).quantities}
    assert not got & {4520.0, 10.0}


def test_a_published_list_of_the_years_target_tasks_states_targets(extract):
    text = ("根据上级有关文件精神，现将2020年我局承办的重点民生实事项目目标任务分解情况予以公示。\n"
            "一、省(市)重点民生实事项目:\n1、孕产妇免费产前筛查5000人。\n2、救治救助贫困重性精神病患者180人。\n")
    got = {(q.kind, q.value, q.year) for q in extract(text, date="2020-03-01").quantities}
    assert {("target", 5000.0, 2020), ("target", 180.0, 2020)} <= got and not [g for g in got if g[0] == "measurement"]
    # the same list published as done (完成情况) reports what was achieved
    done = text.replace("目标任务分解情况", "目标任务完成情况")
    assert not [q for q in extract(done, date="2020-12-20").quantities if q.kind == "target"]


def test_real_city_bureaus_published_target_tasks():
    path = Path(__file__).resolve().parents[1] / "unseen6" / "docs" / "z04_hunan_xiangtan_livelihood_targets.txt"
    got = {(q.kind, q.value, q.year) for q in extract_document(read_document(path)).quantities}
    assert {("target", 5000.0, 2020), ("target", 192.6, 2020), ("target", 180.0, 2020)} <= got
    assert not [g for g in got if g[0] == "measurement"]


def test_a_plans_background_section_titled_so_reports_achievements(extract):
    text = ("某市老龄事业发展“十三五”规划\n一、背景\n（一）“十二五”发展成效“十二五”期间，全市养老机构达到143家，"
            "每千名老人拥有养老床位40张。\n二、发展目标\n到2020年，每千名老人拥有养老床位达到45张。\n")
    got = {(q.kind, q.value) for q in extract(text, title="某市老龄事业发展“十三五”规划", date="2017-02-21").quantities}
    assert ("measurement", 143.0) in got and ("target", 45.0) in got and ("target", 143.0) not in got


def test_a_paragraph_opening_with_a_cited_plan_of_a_period_states_its_targets(extract):
    text = ("某省妇幼健康新闻\n《云南儿童发展规划(2011-2020年)》提出，提高出生人口素质。新生儿听力筛查率达55%以上；婴儿死亡率控制在11‰以下。\n"
            "目前，全省婚检率逐步上升。\n")
    got = {(q.kind, q.value, q.year) for q in extract(text, title="某省妇幼健康新闻").quantities}
    assert {("target", 55.0, 2020), ("target", 11.0, 2020)} <= got
    # a plan whose period ended before the text reports nothing it set for the future
    old = text.replace("2011-2020年", "2006-2010年")
    assert not [q for q in extract(old, title="某省妇幼健康新闻", date="2015-05-01").quantities if q.year == 2010]


def test_real_news_citing_a_provinces_childrens_plan():
    path = Path(__file__).resolve().parents[1] / "unseen17" / "docs" / "j11_yunnan_premarital_check_news_trad.txt"
    got = {(q.kind, q.value, q.year) for q in extract_document(read_document(path)).quantities}
    assert {("target", 75.0, 2020), ("target", 55.0, 2020), ("target", 11.0, 2020)} <= got


def _targets_of(extract, text: str, title: str) -> set:
    return {(q.indicator, q.value, q.year) for q in extract(text, title=title).quantities if q.kind == "target"}


def test_a_tasks_deadline_field_gives_its_yearless_targets_their_year(extract):
    text = ("某市2010年医改重点工作任务分工\n25、加强村卫生室建设，在5所以上乡镇卫生院推行乡村一体化管理试点工作。\n"
            "责任单位：市卫生局\n支持单位：市发改委、市财政局\n责任期限：2010年底前完成\n"
            "26、提高公共卫生服务水平，儿童免疫接种报告接种率达到90%。\n责任单位：市卫生局\n责任期限：2011年底前完成\n")
    got = _targets_of(extract, text, "某市2010年医改重点工作任务分工")
    assert ("儿童免疫接种报告接种率", 90.0, 2011) in got  # each task its own deadline, written once or often
    # the same deadline written under several tasks is a task table's column, not a line printed twice
    twice = text.replace("责任期限：2011年底前完成", "责任期限：2010年底前完成")
    assert ("儿童免疫接种报告接种率", 90.0, 2010) in _targets_of(extract, twice, "某市2010年医改重点工作任务分工")
    # a deadline's last year is when the task is due; a field that sets no end gives none
    later = text.replace("责任期限：2011年底前完成", "完成时限：2011年6月底前启动，2012年底前完成")
    assert ("儿童免疫接种报告接种率", 90.0, 2012) in _targets_of(extract, later, "某市2010年医改重点工作任务分工")
    endless = text.replace("责任期限：2011年底前完成", "完成时限：自2011年起长期坚持")
    assert ("儿童免疫接种报告接种率", 90.0, 2011) not in _targets_of(extract, endless, "某市2010年医改重点工作任务分工")
    # a news item's deadline reports nothing for a year: no plan, no target year from it
    news = "记者获悉，儿童免疫接种报告接种率达到90%。\n完成时间：2010年\n"
    assert not [t for t in _targets_of(extract, news, "某市新闻") if t[2] == 2010]


def test_real_task_list_gives_its_targets_the_year_they_are_due():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen22" / "docs"
                                        / "d05_anon_city_2010_healthcare_reform_task_list.txt"))
    targets = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "target"}
    assert {("孕产妇系统保健管理率", 60.0, 2010), ("传染病网络直报率", 90.0, 2010)} <= targets
    supports = {(r.source.name, r.target.name) for r in ex.relations if r.kind == "support"}
    assert ("市财政局", "发挥政府、集体、个人等多方力量加强村卫生室建设") in supports  # 支持单位: supporting units


# A share the text requires (要/应/须 + 达到…, or 不低于/不少于): a target, even where no year is named
@pytest.mark.parametrize("sentence, expected", [
    ("全县儿童免疫规划疫苗接种率要达到95%以上。", [("儿童免疫规划疫苗接种率", 95.0, None)]),
    ("农村卫生厕所普及率不低于85%。", [("农村卫生厕所普及率", 85.0, None)]),
    ("孕产妇系统管理率、儿童系统管理率均要达到90%以上。",  # 均要: one value for each listed rate
     [("孕产妇系统管理率", 90.0, None), ("儿童系统管理率", 90.0, None)]),
    # real: a regional work plan's numbered task (unseen21 c02) and a city notice's year of work (unseen23 e03)
    ("7.做好全区肺结核病人发现、治疗、系统管理工作，新涂阳肺结核病人发现率保持在70%及以上，以盟市为单位医疗机构病人报告率、"
     "病人转诊率、病人系统管理率均要达到90%以上，结核病防治机构追踪到位率要达到70%以上。",
     [("新涂阳肺结核病人发现率", 70.0, None), ("以盟市为单位医疗机构病人报告率", 90.0, None), ("病人转诊率", 90.0, None),
      ("病人系统管理率", 90.0, None), ("结核病防治机构追踪到位率", 70.0, None)]),
    ("根据当地政府提供的犬只数量，城镇应免犬只免疫率常年保持100%，农村犬只免疫密度不低于95%。",
     [("农村犬只免疫密度", 95.0, None)]),
])
def test_a_required_share_is_a_target_without_a_year(sentence, expected, extract):
    got = [(i, v, y) for i, v, y in t(sentence, None)]
    assert [g for g in got if (g[0], g[1]) in {(i, v) for i, v, _ in expected}] == expected
    built = extract(sentence, title="某地工作通知").quantities  # and the document reads them so, none a value achieved
    assert {(q.indicator, q.value) for q in built if q.kind == "target"} >= {(i, v) for i, v, _ in expected}
    assert not [q for q in built if q.kind == "measurement" and (q.indicator, q.value) in {(i, v) for i, v, _ in expected}]


@pytest.mark.parametrize("sentence", [
    "专家建议，成年人每天步行不少于6000步，每天饮水不少于1500毫升。",  # advice to a person: no share
    "2023年，全市免疫规划疫苗接种率保持在95%以上。",               # a report: no modal, no norm comparator
    "我市新农合报销比例相应提高到75%。",                          # 相应 is no obligation
])
def test_no_required_share_no_yearless_target(sentence):
    assert [q for q in targets_in_sentence(sentence, 0, None, "", 2024) if q.year is None] == []


def test_real_regional_tuberculosis_work_points_state_targets():
    path = Path(__file__).resolve().parents[1] / "unseen21" / "docs" / "c02_neimenggu_tb_aids_work_points.txt"
    got = [(q.kind, q.value) for q in extract_document(read_document(path)).quantities]
    assert sorted(v for k, v in got if k == "target") == [70.0, 70.0, 85.0, 85.0, 90.0, 90.0, 90.0, 90.0]
    assert not [v for k, v in got if k == "measurement"]


# What will be done is no value achieved: 将于 (will, at a time), 决定在/于/从 (a decision of what is to be done),
# 计划 before the year it plans for (计划2015年再建…)
@pytest.mark.parametrize("sentence", [
    "据悉，该县将于今年下半年在其他有条件的8个乡镇逐步设立急救站。",       # real: 沈丘 news (unseen24 f11)
    "据介绍，该县决定在有条件的9个乡镇设立120急救站。",
    "同时计划2015年再建29所标准化村卫生室和11所规范化预防接种门诊。",     # real: a county's report (unseen23)
    "从明年1月1日起，凡在本市出生的新生儿将享有5种疾病免费筛查服务。",
])
def test_what_will_be_done_is_no_measurement(sentence, extract):
    assert not [q for q in extract(sentence, title="某县新闻").quantities if q.kind == "measurement"]


@pytest.mark.parametrize("sentence", [
    "经研究决定，对全市卫生监督所等26个先进单位给予表彰。",      # 决定对…: done by deciding, no future
    "2023年，全省新建标准化村卫生室29所。",                   # a year's result
])
def test_a_decision_done_or_a_result_is_no_plan(sentence):
    assert not [q for q in targets_in_sentence(sentence, 0, None, "", 2024) if q.year is None or q.year > 2023]


# A change from A to B over a period the sentence opens with: A in its first year, B in its last
@pytest.mark.parametrize("sentence, expected", [
    ("2016-2020年，全市孕产妇死亡率从12.5/10万下降到8.2/10万。", {(12.5, 2016), (8.2, 2020)}),
    ("2012年至2021年，广西的人均预期寿命从75.11岁增至78.06岁。", {(75.11, 2012), (78.06, 2021)}),   # real: unseen28 ib02
    ("据统计，2016年至2020年，全市每年职业病报告数从6342例下降到1723例，下降72.8%。",          # real: unseen28 ib08
     {(6342.0, 2016), (1723.0, 2020), (72.8, 2020)}),
])
def test_a_change_over_a_period_dates_both_ends(sentence, expected):
    got = {(q.value, q.year) for q in measurements_in_sentence(sentence, 0, None, "")}
    assert got == expected


def test_a_year_written_between_the_period_and_the_change_is_its_own():
    got = {(q.value, q.year) for q in measurements_in_sentence("2016-2020年，全市孕产妇死亡率从2015年的12.5/10万下降到8.2/10万。",
                                                              0, None, "")}
    assert (12.5, 2015) in got and (12.5, 2016) not in got and (8.2, 2016) not in got


def test_a_five_year_plans_period_gives_a_future_targets_year():
    got = t("“十四五”期间，广西卫生健康领域将重点抓好九大任务，人均预期寿命提高到79.06岁。", 2022)  # real: unseen28 ib02
    assert got == [("人均预期寿命", 79.06, 2025)]
    # a period past reports what was done: no target
    assert t("“十二五”期间，全国共发现并治疗管理活动性肺结核患者427万例，成功治疗率保持在85%以上。", 2017) == []


# A share and whom it counts, then a number (90%以上的居民15分钟内能够到达…): the number belongs to what the share
# says of them, no value of its own
@pytest.mark.parametrize("sentence", [
    "2022年，实现90%以上的居民15分钟内能够达到最近的医疗点。",       # real: unseen28 ib01
    "目前，全县80%的村民步行20分钟内可到达村卫生室。",
])
def test_a_number_inside_a_shares_predicate_is_no_measurement(sentence):
    got = {q.value for q in measurements_in_sentence(sentence, 0, None, "")}
    assert 15.0 not in got and 20.0 not in got


# A target's indicator is a noun phrase: the modal that opens the predicate is cut from it (占比将达27%),
# and a head left alone (占比, 比例) names nothing a target can be set for
def test_a_modal_is_cut_from_a_targets_indicator_and_a_bare_head_sets_none():
    assert t("预计到2020年，全市老年人口占比将达27%。", 2017) == [("老年人口占比", 27.0, 2020)]
    assert t("预计到2020年，占比将达27%。", 2017) == []


# 计划生育 is family planning, no plan: a report of a 卫生和计划生育 body's year is measurements
def test_family_planning_is_no_plan_word(extract):
    text = ("某市卫生计生工作获表彰\n2014年，全市卫生和计划生育工作圆满完成了各项重点工作任务，全市孕产妇死亡率降到9.12/10万，"   # real: unseen31 jb10
            "孕产妇住院分娩率达到98.98%。")
    got = {(q.kind, q.indicator, q.value) for q in extract(text, title="某市卫生计生工作获表彰", date="2015-10-15").quantities}
    assert ("measurement", "孕产妇死亡率", 9.12) in got and not [k for k, *_ in got if k == "target"]


# a count of the units that joined (27家医院加入, 与7家医疗机构签订协议) ends in a verb: no indicator
@pytest.mark.parametrize("sentence", [
    "泉州市新生儿专科联盟成立，首批27家医院加入。",            # real: unseen31 jb08
    "至此，妇幼保健专科联盟成员单位达48家。",
])
def test_units_joining_are_no_measurement(sentence):
    got = [q.indicator for q in measurements_in_sentence(sentence, 0, 2023, "")]
    assert not any(i.endswith("加入") or i.startswith("至此") for i in got)


# A comparison clause names no indicator of its own (…下降到29.36/10万，较2012年(36.15/10万)下降18.78%): the value
# before it, compared with the base year; 分别 pairs each value with the values before, in order
def test_a_comparison_clause_names_the_value_before_it():
    s = ("2017年孕产妇系统管理率达到91.57%，孕产妇住院分娩率达到97.55%，较2012年（84.99%和94.08%）分别提高7.74%和3.69%；"   # real: unseen22 d11
         "孕产妇死亡率下降到29.36/10万，较2012年（36.15/10万）下降18.78%。")
    got = {(q.indicator, q.value) for q in measurements_in_sentence(s, 0, 2017, "")}
    assert ("孕产妇死亡率较2012年下降", 18.78) in got and ("孕产妇系统管理率较2012年提高", 7.74) in got
    assert not [i for i, _ in got if i.startswith("较")]
    got = {(q.indicator, q.value) for q in measurements_in_sentence("2020年全市近视率为52.7%，但较2018年仍下降0.9个百分点。", 0, 2020, "")}
    assert ("全市近视率较2018年下降", 0.9) in got or ("近视率较2018年下降", 0.9) in got


# A list of indicators, each a whole one, then one comparator and value: each indicator's target, 均 written or not
def test_each_indicator_of_a_list_sets_the_one_value():
    got = t("到2005年，居民合格碘盐食用率、碘盐合格率和学校健康教育知识普及率达到90%以上。", 2001)   # real: unseen7 q08
    assert got == [("居民合格碘盐食用率", 90.0, 2005), ("碘盐合格率", 90.0, 2005), ("学校健康教育知识普及率", 90.0, 2005)]
    # one head shared by the list (高血压、糖尿病患者规范管理率): one indicator, as written
    assert t("到2025年，高血压、糖尿病患者规范管理率达到70%。", 2020) == [("高血压、糖尿病患者规范管理率", 70.0, 2025)]


def test_a_report_on_a_year_dates_its_figures_that_year(extract):
    # real wording: unseen32 jc04 (乌拉特中旗 2022年工作总结, published 2023-08-16)
    ex = extract("全年开展理论中心组集中学习10次，主题党日活动4次。",
                 title="乌拉特中旗卫生健康委员会卫生健康工作2022年工作总结2023年工作安排", date="2023-08-16",
                 issuer="乌拉特中旗卫生健康委员会")
    years = {q.year for q in ex.quantities if q.kind == "measurement"}
    assert years == {2022}, [(q.indicator, q.year) for q in ex.quantities]
    # a notice published in a year reports on that year
    ex = extract("全年开展主题党日活动4次。", title="乌拉特中旗卫生健康委员会关于表彰的通知", date="2023-08-16",
                 issuer="乌拉特中旗卫生健康委员会")
    assert {q.year for q in ex.quantities if q.kind == "measurement"} <= {2023}


def _measured(sentence: str, year: int | None = None, places: tuple[str, ...] = ()) -> set[tuple[str, float, int | None]]:
    return {(q.indicator, q.value, q.year) for q in measurements_in_sentence(sentence, 0, year, "", places)}


# A year inside a cited title dates the document cited, not the value the sentence reports
def test_a_year_inside_a_cited_title_dates_no_value():
    assert _measured("2023年，为落实《健康中国行动（2019—2030年）》，全区建成健康步道12条。") == {("健康步道", 12.0, 2023)}
    # real wording: unseen31 jb03 (瓯海区's reply, 2025)
    got = _measured("2025年，为了全面落实《教育强国建设规划纲要（2024—2035年）》，落实健康第一的教育理念，"
                    "我区全面优化中小学校课间活动安排，可调节课桌椅覆盖率达87%。")
    assert got == {("可调节课桌椅覆盖率", 87.0, 2025)}
    # a year outside the title still dates the value after it
    assert _measured("依据《条例》，2022年全市健康步道达到12条。", 2020) == {("健康步道", 12.0, 2022)}


# 人 opening 人口 or 人员 is no count unit: "1人口基本情况" is a numbered heading, not one person
def test_a_count_unit_opening_a_word_is_no_unit():
    assert _measured("1人口基本情况") == set()
    assert ("常住人口", 215.8, 2021) in _measured("2021年末全市常住人口215.8万人。")  # real: unseen36 kc04 style
    assert _measured("全年培训乡村医生320人。", 2022) == {("全年培训乡村医生", 320.0, 2022)}


# A place alone is where a number counts, not what it counts; and what will be received is a plan
def test_a_place_alone_is_no_indicator():
    # what follows the count names it (17家县级医院), never the place before it
    assert _measured("临港区3000名农村妇女参加筛查。", 2019, places=("临港区",)) == {("农村妇女", 3000.0, 2019)}
    # real wording: unseen33 jd08 (威海临港区, 2019): 将接受 is what will be done
    assert _measured("全区3000余名农村妇女将接受宫颈癌和乳腺癌免费筛查。", 2019) == set()
    assert _measured("目前，临港区已完成筛查1400余人。", 2019, places=("临港区",)) == {("筛查", 1400.0, 2019)}


# 降幅/增幅 after a change: the size of that change, of the year it reached; alone it names nothing
def test_the_size_of_a_change_is_the_change_of_the_indicator_before():
    got = _measured("孕产妇死亡率从2015年的20.1/10万下降至2020年的15.2/10万，降幅达24.4%。", 2021)
    assert got == {("孕产妇死亡率", 20.1, 2015), ("孕产妇死亡率", 15.2, 2020), ("孕产妇死亡率降幅", 24.4, 2020)}
    # real wording: unseen8 r17 (上海 2024 tobacco survey news)
    got = _measured("同时，非吸烟者二手烟暴露情况明显改善，暴露比例从2023年的47.6%降至37.9%，降幅达9.7个百分点。", 2024)
    assert ("暴露比例降幅", 9.7, 2024) in got and ("暴露比例", 37.9, 2024) in got
    assert _measured("降幅达9.7个百分点。", 2024) == set()


# 自2010年…以来 opens a period: what it reports is of the report's year; only the period's start value is of 2010
def test_a_period_since_a_year_dates_its_values_at_its_end():
    # real wording: unseen8 r17
    assert _measured("据悉，自2010年上海实施中国大陆地区首部省级控烟法规以来，成人吸烟率已下降8.3个百分点。", 2024) == \
        {("成人吸烟率已下降", 8.3, 2024)}
    assert _measured("2015年以来，全市累计建成健康步道120条。", 2024) == {("健康步道", 120.0, 2024)}
    # real wording: unseen9 s09 (国家卫生健康委's reply): 从改革初的 is the period's start
    got = _measured("自2018年机构改革整合职业健康监管职责以来，全国卫生健康系统专兼职职业健康管理和执法人员从改革初的200多人，"
                    "发展到2021年底的近2.5万人。", 2022)
    assert {(v, y) for _, v, y in got} >= {(200.0, 2018)}
    # a year that starts no period still dates its values
    assert _measured("2015年，全市建成健康步道120条。", 2024) == {("健康步道", 120.0, 2015)}


def test_a_paragraph_opening_with_a_period_since_sets_no_paragraph_year(extract):
    ex = extract("自2010年实施控烟条例以来，全市控烟工作不断深入。\n民众对室内全面禁烟的支持率达98.3%。",
                 title="上海市2024年成人烟草流行调查结果发布", date="2024-05-31", issuer="上海市卫生健康委员会")
    years = {(q.indicator, q.year) for q in ex.quantities if q.kind == "measurement"}
    assert years == {("民众对室内全面禁烟的支持率", 2024)}, years


# 较上年9.87/10万下降了0.71%: last year's value of the same indicator, and the change over it this year
def test_last_years_value_a_value_is_compared_with():
    got = _measured("2020年全市婴儿死亡率为3.1‰，较上年3.5‰下降了0.4个千分点。")
    assert got == {("婴儿死亡率", 3.1, 2020), ("婴儿死亡率", 3.5, 2019), ("婴儿死亡率较上年下降", 0.4, 2020)}
    # real wording: unseen36 kc07 (湖北省 2018 妇幼 indicators)
    got = _measured("省卫健委统计，2018年我省孕产妇死亡率为9.80/10万，较上年9.87/10万下降了0.71%；"
                    "婴儿死亡率为4.54‰，较上年4.92‰下降了7.72%。")
    assert got == {("孕产妇死亡率", 9.8, 2018), ("孕产妇死亡率", 9.87, 2017), ("孕产妇死亡率较上年下降", 0.71, 2018),
                   ("婴儿死亡率", 4.54, 2018), ("婴儿死亡率", 4.92, 2017), ("婴儿死亡率较上年下降", 7.72, 2018)}
    # no year reported: last year is no year, and the base alone names no indicator
    assert _measured("孕产妇死亡率为9.80/10万，较上年9.87/10万下降了0.71%。") == {("孕产妇死亡率", 9.8, None)}


# 由2014年的X下降至Y in a sentence that opens with its year: Y is that year's, and 2014 dates only X
def test_a_changes_start_year_dates_only_its_start_value():
    # real wording: unseen27 ia08 (西藏 health aid news, 2019)
    got = _measured("2018年西藏婴儿死亡率由2014年16.81‰的下降至11.59‰，孕产妇住院分娩率从2014年的85.01%上升至90.66%，"
                    "全区人均期望寿命提高至70.6岁。")
    assert got == {("西藏婴儿死亡率", 16.81, 2014), ("西藏婴儿死亡率", 11.59, 2018), ("孕产妇住院分娩率", 85.01, 2014),
                   ("孕产妇住院分娩率", 90.66, 2018), ("人均期望寿命", 70.6, 2018)}
    assert _measured("2020年，全市孕产妇死亡率从10.2/10万下降至8.6/10万。") == {("孕产妇死亡率", 10.2, None), ("孕产妇死亡率", 8.6, 2020)}


# 为群众义诊850人次: who is served is no part of what the visits count
def test_who_a_service_is_given_to_is_no_part_of_its_indicator():
    got = _measured("现场发放各类健康宣传资料1000多份，为群众义诊850人次，健康体检100人次，受到广大市民的好评。", 2021)  # real: unseen37 la12
    assert ("义诊", 850.0, 2021) in got and ("健康体检", 100.0, 2021) in got
    assert _measured("为辖区居民免费体检3200人次。", 2022) == {("体检", 3200.0, 2022)}


# A、B分别比2015年增加333张、320人: each item's change over the base year; items and changes unpaired: none
def test_each_items_change_over_a_base_year():
    # real wording: unseen37 la10 (阿拉善盟 十四五 plan's base)
    got = _measured("截至2020年底，全盟医疗卫生机构床位数、卫生技术人员数、执业医师数、注册护士数分别比2015年增加333张、320人、99人、168人。",
                    2021, places=("全盟",))
    assert got == {("医疗卫生机构床位数比2015年增加", 333.0, 2020), ("卫生技术人员数比2015年增加", 320.0, 2020),
                   ("执业医师数比2015年增加", 99.0, 2020), ("注册护士数比2015年增加", 168.0, 2020)}
    # four items and three changes: which change is whose the text does not say
    assert _measured("截至2020年底，全盟卫生机构总资产、固定资产、房屋建筑面积、万元以上设备总值分别比2015年增加1.53倍、3.06倍、1.15倍。",
                     2021, places=("全盟",)) == set()


# 将会 / 将分为: what a team will do is planned, not reported
def test_what_will_be_done_is_no_measurement():
    # real wording: unseen37 la01 (西藏 free clinic news)
    assert _measured("医疗团队将分为6个小组。", 2024) == set()
    assert _measured("进藏专家们将会在拉萨市4家医院开展专题研讨。", 2024) == set()
    assert _measured("医疗团队分为6个小组，已接诊群众5000人。", 2024) >= {("接诊群众", 5000.0, 2024)}


# 《规划》提出到2020年，…。X达到15%: the paragraph goes on with the goals the cited plan sets for that year
def test_a_cited_plans_goals_go_on_after_its_year(extract):
    # real wording: unseen38 lb07 (海南省医疗健康产业发展“十三五”规划 news, 2017)
    text = ("海南省政府办公厅日前印发《海南省医疗健康产业发展“十三五”规划》，《规划》提出到2020年，初步建立医疗健康产业体系。"
            "医疗健康产业增加值占全省GDP比重达到15%，医疗健康产业规模达1000亿元左右。")
    ex = extract(text, title="海南以5市县为中心构建五大区域医疗中心", date="2017-02-19")
    got = {(q.kind, q.indicator, q.value, q.year) for q in ex.quantities}
    assert got == {("target", "医疗健康产业增加值占全省GDP比重", 15.0, 2020), ("target", "医疗健康产业规模", 1000.0, 2020)}, got


# 至2022年，…已提高至79.6岁；预计到2025年…将达到81岁: what was reached by a past year is reported
def test_a_year_already_reached_reports_and_the_later_part_sets_the_target(extract):
    # real wording: unseen38 lb08 (海南日报 on 海口, 2023)
    text = ("3月4日，记者从海口市卫健委获悉，至2022年，海口全市人均预期寿命已从2018年的77.6岁提高至79.6岁；"
            "预计到2025年，海口人均预期寿命将达到81岁。")
    ex = extract(text, title="海口人均预期寿命提高至79.6岁", date="2023-03-05")
    got = {(q.kind, q.value, q.year) for q in ex.quantities}
    assert {("measurement", 77.6, 2018), ("measurement", 79.6, 2022), ("target", 81.0, 2025)} <= got, got
    assert not [q for q in ex.quantities if q.kind == "target" and q.year == 2022]
    # a later year with 已 is still a target's (到2030年已…: rare, but no report of the future)
    ex = extract("到2030年，全市人均预期寿命已达到82岁。", title="某市规划", date="2023-03-05")
    assert {(q.kind, q.year) for q in ex.quantities} == {("target", 2030)}


# 去年，… / 今年… : the year said relative to the document's date
def test_last_year_and_this_year_are_said_from_the_documents_date(extract):
    # real wording: unseen38 lb05 (经济日报 on 新疆, 2019-07-04)
    text = ("自2016年起，新疆已连续3年开展全民免费健康体检工作。\n"
            "去年，130所乡镇卫生院、14所社区卫生服务中心被评为全国“群众满意的乡镇卫生院”“优质服务示范社区卫生服务中心”。")
    ex = extract(text, title="新疆三年开展免费健康体检5383万人次", date="2019-07-04")
    assert {(q.value, q.year) for q in ex.quantities if q.kind == "measurement"} >= {(130.0, 2018), (14.0, 2018)}
    ex = extract("今年以来，全市新建健康步道12条。", title="某市新闻", date="2023-05-01")
    assert {(q.value, q.year) for q in ex.quantities} == {(12.0, 2023)}
    # no date: no year said
    ex = extract("去年，全市新建健康步道12条。", title="某市新闻")
    assert {(q.value, q.year) for q in ex.quantities} == {(12.0, None)}


# …了解到，截至去年，X已提升至80.1岁: the date a sentence's figures stand at, said from the document's date
def test_as_of_last_year_dates_the_figures_after_it(extract):
    # real wording: unseen13 n10 (镇江, 2023-03-23)
    ex = extract("3月22日，镇江市健康促进委员会工作会议召开。记者从会上了解到，截至去年，镇江人均期望寿命已提升至80.1岁。",
                 title="镇江人均期望寿命提升至80.1岁", date="2023-03-23")
    assert ("人均期望寿命", 80.1, 2022) in {(q.indicator[-6:], q.value, q.year) for q in ex.quantities}
    # 去年 of a comparison (比去年) dates nothing
    ex = extract("全市人均期望寿命达到80.1岁，比去年提高0.2岁。", title="某市新闻", date="2023-03-23")
    assert 2022 not in {q.year for q in ex.quantities if q.value == 80.1}


# 提升至 / 提高至 / 上升到 / 降低至: the verb that links an indicator to its value is no part of it
@pytest.mark.parametrize("sentence, indicator", [
    ("2022年，全市人均预期寿命已提升至80.1岁。", "全市人均预期寿命"),
    ("2022年，全市人均预期寿命提高至80.1岁。", "全市人均预期寿命"),
    ("2022年，全市人均预期寿命上升到80.1岁。", "全市人均预期寿命"),
    ("2022年，全市婴儿死亡率降低至3.1‰。", "全市婴儿死亡率"),
])
def test_a_link_verb_is_no_part_of_the_indicator(sentence, indicator):
    got = [q.indicator for q in measurements_in_sentence(sentence, 0, 2022, "")]
    assert got and all(indicator.endswith(i) and not i.endswith(("至", "到")) for i in got), got


# 每千常住人口执业(助理)医师2.5人、注册护士3.14人: the items after a count per head go on counting per head of it
def test_a_list_of_counts_per_head_shares_its_population():
    got = t("到2020年，每千常住人口执业（助理）医师2.5人、注册护士3.14人、全科医生0.2人。")
    assert [(i, v) for i, v, _ in got] == [("每千常住人口执业（助理）医师", 2.5), ("每千常住人口注册护士", 3.14),
                                          ("每千常住人口全科医生", 0.2)], got
    # across clauses, after a comparator's target (real wording: unseen38 lb07, 海南 十三五 health-industry plan)
    got = t("《规划》提出到2020年，全省常住人口每千人医疗卫生机构床位数达到6张，执业（助理）医师2.5人，注册护士3.14人，不低于全国平均水平。")
    assert {("每千人注册护士", 3.14, 2020), ("每千人执业（助理）医师", 2.5, 2020)} <= set(got), got
    # a per-capita value with no comparator: 人均期望寿命80岁
    assert ("人均期望寿命", 80.0, 2025) in t("到2025年，全市人均期望寿命80岁，孕产妇死亡率控制在12/10万以下。")
    # near cases: what follows is no count per head (a count of the whole population, a verb's object)
    got = t("到2020年，每千常住人口执业（助理）医师2.5人，新增床位500张，培训人员2000人。")
    assert [v for _, v, _ in got] == [2.5], got
    # and counts of what is done, under the cap of a count per head (培训骨干医生15人, 新增全科医生15人)
    got = t("到2020年，每千常住人口执业（助理）医师2.5人，培训骨干医生15人，新增全科医生12人。")
    assert not [i for i, _, _ in got if i.startswith("每千常住人口") and i != "每千常住人口执业（助理）医师"], got


def test_real_plan_of_counts_per_head():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen28" / "docs"
                                        / "ib01_guizhou_province_eight_projects_targets_news.txt"))
    got = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "target"}
    assert {("每千常住人口注册护士", 3.14, 2020), ("每千常住人口全科医生", 0.2, 2020)} <= got, got


# 由5600多张增至2.2万张: a change whose ends carry 多 (a lower bound) and a multiplier of their own
def test_a_changes_ends_keep_their_own_multiplier_and_bound():
    # real wording: unseen38 lb01 (西藏, 30 years compared)
    got = {(q.indicator, q.value, q.unit, q.year, q.comparator)
           for q in measurements_in_sentence("与30年前相比，医疗卫生机构由1198个增加到1821个，床位数由5600多张增至2.2万张。", 0, 2024, "")}
    assert got == {("医疗卫生机构", 1198.0, "个", None, "="), ("医疗卫生机构", 1821.0, "个", 2024, "="),
                   ("床位数", 5600.0, "张", None, ">"), ("床位数", 2.2, "万张", 2024, "=")}
    got = {(q.value, q.unit) for q in measurements_in_sentence("全年总诊疗人次由1.2万增加到3万人次。", 0, 2024, "")}
    assert got == {(1.2, "万人次"), (3.0, "万人次")}


# 漏报率≤2%: a sign written before a reported value is its comparator, no part of the indicator
def test_a_sign_before_a_reported_value_is_its_comparator():
    got = {(q.indicator, q.value, q.comparator) for q in measurements_in_sentence("全区传染病漏报率≤2%，报告及时率＞95%。", 0, 2020, "")}
    assert got == {("传染病漏报率", 2.0, "<="), ("报告及时率", 95.0, ">")}
    # real wording (folded): unseen44 lh01 (湖南 道县 疾控 2020 yearbook) and unseen20 b09 (温州 地方病)
    got = {(q.indicator, q.comparator) for q in measurements_in_sentence(
        "县、乡绝大部分医疗保健单位能较好地执行传染病报告和登记制度，报告率、准确率、完整率均达到98%以上，漏报率≤2%。", 0, 2020, "")}
    assert ("漏报率", "<=") in got and not any("≤" in i for i, _ in got)
    got = {(q.indicator, q.value, q.comparator) for q in measurements_in_sentence(
        "当地出生居住的8-12周岁儿童氟斑牙患病率≤30%，温州市饮水型地方性氟中毒地方病已实现消除。", 0, 2020, "")}
    assert got == {("当地出生居住的8-12周岁儿童氟斑牙患病率", 30.0, "<=")}, got


# 运动健儿10人16项24次获得世界冠军: a count of people run into another count is no indicator
def test_a_count_of_people_inside_an_indicator_makes_it_none():
    got = m("我省运动健儿10人16项24次获得世界冠军；12人9项9次获得亚洲冠军。")
    assert {i for i, _, _ in got} == {"运动健儿"} and (9.0 not in {v for _, v, _ in got}), got  # 12人9项: no 12人 = 9
    # real wording (folded): unseen46 lj01 (辽宁 2011 statistical bulletin): the champions' counts give no indicator of them
    got = m("全年在国内外各项比赛中，我省运动健儿10人16项24次获得世界冠军；12人9项9次获得亚洲冠军；156人91项111次获得全国冠军。")
    assert not any(any(ch.isdigit() for ch in i) for i, _, _ in got), got
    assert m("全区卫生技术人员5200人，其中执业（助理）医师2100人。") == [("卫生技术人员", 5200.0, 2019),
                                                            ("执业（助理）医师", 2100.0, 2019)]


# 提前达到…2030年目标任务，…水平达28.5%: the year of the goal a value is held against is not the value's
def test_a_goals_year_is_no_year_of_the_values_reported_with_it():
    got = {(q.indicator, q.value, q.year) for q in measurements_in_sentence(
        "2023年，全区已有5项指标达到2030年目标值，居民健康素养水平达30.2%。", 0, None, "")}
    assert ("居民健康素养水平", 30.2, 2023) in got and not [y for _, _, y in got if y == 2030]
    # real wording (folded): unseen40 ld04 (广西 南宁, 2023 news)
    got = {(q.indicator, q.year) for q in measurements_in_sentence(
        "据介绍，2022年，南宁市已有9项健康指标提前达到健康广西行动2030年目标任务，全市居民健康素养水平达28.5%，连续7年持续提升。",
        0, None, "")}
    assert ("居民健康素养水平", 2022) in got
    # a year no goal follows is still the value's
    got = {(q.indicator, q.year) for q in measurements_in_sentence("2030年目标之外，2023年全区居民健康素养水平达30.2%。", 0, None, "")}
    assert {y for _, y in got} == {2023} and len(got) == 1 and next(iter(got))[0].endswith("居民健康素养水平"), got


# 某县卫生健康局2019年主要工作承诺书: a pledge of the year's work sets that year's targets, as a 工作要点 does
def test_a_pledge_of_the_years_work_sets_its_targets(extract):
    text = ("1.深入开展医疗健康扶贫工程。农村贫困人口13种大病救助完成率达100%。\n"
            "2.认真办理人大代表建议。确保答复率达100%，一次答复满意率达90%以上。\n")
    ex = extract(text, title="某县卫生健康局2019年主要工作承诺书")
    got = {(q.kind, q.indicator, q.value, q.year) for q in ex.quantities}
    assert got == {("target", "农村贫困人口13种大病救助完成率", 100.0, 2019), ("target", "答复率", 100.0, 2019),
                   ("target", "一次答复满意率", 90.0, 2019)}, got
    ex = extract(text, title="2019年度卫生健康工作目标责任书")
    assert {q.kind for q in ex.quantities} == {"target"}
    # a report of the same year's work reports
    ex = extract("2019年，全县一次答复满意率达到95%。", title="某县卫生健康局2019年工作总结")
    assert {q.kind for q in ex.quantities} == {"measurement"}


def test_a_date_opening_the_text_gives_its_year_to_the_figures_told_after(extract):
    text = ("2022年4月是第34个爱国卫生月，为落实通知精神，我市开展集中宣传活动。\n"
            "4月22日上午，市爱卫办组织开展集中宣传活动。\n"
            "现场悬挂横幅1条，发放宣传折页320份，接受健康咨询110余人次。\n")
    years = {(q.indicator, q.year) for q in extract(text, title="新闻").quantities if q.kind == "measurement"}
    assert ("宣传折页", 2022) in {(i[-4:], y) for i, y in years}, years
    # near case: a date that looks ahead (到2025年6月) gives the figures after it no year
    later = text.replace("2022年4月是第34个爱国卫生月", "到2025年6月，全市要建成")
    assert all(y != 2025 for _, y in {(q.indicator, q.year) for q in extract(later, title="新闻").quantities
                                       if q.kind == "measurement"})


def test_real_county_news_of_a_months_publicity_figures():
    # real wording: unseen51 lo10 (芒市): 2022年4月是第34个爱国卫生月… / 现场悬挂横幅1条,展板4块,…宣传折页320份
    path = next((Path(__file__).resolve().parents[1] / "unseen51" / "docs").glob("lo10_*.txt"))
    got = {(q.indicator, q.value, q.year) for q in extract_document(read_document(path)).quantities}
    assert ("宣传折页", 320.0, 2022) in got and ("宣传布袋", 156.0, 2022) in got, got


def test_an_indicator_a_colon_opens_and_a_value_reached_with_shi_xian_wei(extract):
    ex = extract("黑龙江省人群健康三大指标均优于全国水平：人均预期寿命从2010年的75.98岁提高到2021年的78.5岁。", title="新闻")
    assert {(q.indicator, q.value, q.year) for q in ex.quantities} >= {("人均预期寿命", 75.98, 2010), ("人均预期寿命", 78.5, 2021)}
    # near case: a colon inside brackets (以下简称：…) opens no indicator
    ex = extract("全省艾滋病病毒感染者和病人（以下简称：感染者和病人）发现率达到69.83%。", title="新闻")
    assert [q.indicator for q in ex.quantities if q.value == 69.83][0].endswith("发现率")
    ex = extract("根据规划，到2030年，人均期望寿命将实现为83岁。", title="新闻")
    assert {(q.kind, q.indicator, q.value, q.year, q.comparator) for q in ex.quantities} == {
        ("target", "人均期望寿命", 83.0, 2030, "=")}
