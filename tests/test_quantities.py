"""Targets and measurements."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.numbers import parse_cn, parse_number
from kg.extract.quantities import is_plan_document, measurements_in_sentence, targets_in_sentence
from kg.extract.quantities.targets import TargetContext, read_targets


@pytest.mark.parametrize("text,value", [("十六", 16), ("两", 2), ("三", 3), ("二十", 20), ("一千三百", 1300), ("十", 10)])
def test_chinese_numerals(text, value):
    assert parse_cn(text) == value


def test_parse_number_arabic_and_separators():
    assert parse_number("1,300") == 1300.0 and parse_number("82.68") == 82.68 and parse_number("abc") is None


def t(sent):
    return [(q.indicator, q.value, q.unit, q.year, q.comparator) for q in targets_in_sentence(sent, 0, None, "", 2020)]


def test_paired_years_and_values():
    assert t("到2022年和2030年，居民健康素养水平分别达到36.6%和40%。") == [
        ("居民健康素养水平", 36.6, "%", 2022, ">="), ("居民健康素养水平", 40.0, "%", 2030, ">=")]


def test_below_and_one_value_for_two_years():
    assert t("到2022年和2030年，成人吸烟率分别下降到20%以下和18%以下。") == [
        ("成人吸烟率", 20.0, "%", 2022, "<="), ("成人吸烟率", 18.0, "%", 2030, "<=")]
    assert [x[1:4] for x in t("到2022年和2030年，新发尘肺病报告例数比例持续保持在4%以下。")] == [(4.0, "%", 2022), (4.0, "%", 2030)]


def test_several_clauses_share_the_year():
    got = t("到2030年，高血压知晓率不低于65%，治疗控制率不低于45%，心脑血管疾病死亡率稳定在160/10万以下。")
    # 治疗控制率 takes the disease of the rate before it (tests/test_indicator_form.py)
    assert got == [("高血压知晓率", 65.0, "%", 2030, ">="), ("高血压治疗控制率", 45.0, "%", 2030, ">="),
                   ("心脑血管疾病死亡率", 160.0, "/10万", 2030, "<=")]


def test_relative_target_is_marked():
    (q,) = targets_in_sentence("到2030年，居民营养健康知识知晓率在2020年基础上继续提高10%。", 0, None, "", 2020)
    assert (q.indicator, q.value, q.year, q.relative, q.baseline_year) == ("居民营养健康知识知晓率", 10.0, 2030, True, 2020)


def test_approximate_value():
    (a, b) = targets_in_sentence("到2022年和2030年，经常参加体育锻炼的人数比例分别达到45%左右和46%。", 0, None, "", 2020)
    assert a.approximate and not b.approximate


def test_qualitative_goal_gives_no_target():
    assert t("到2022年和2030年，医疗保障体系持续完善。") == []


def m(sent, year=None):
    places = ("嘉兴市", "嘉兴")
    return [(q.indicator, q.value, q.unit, q.year, q.comparator) for q in measurements_in_sentence(sent, 0, year, "", places)]


def test_reported_values():
    assert ("人均预期寿命", 82.68, "岁", 2022, "=") in m("2022年，嘉兴全市人均预期寿命达到82.68岁，居民健康素养水平达到40.81%。")
    assert ("移动端健康管理服务覆盖率", 92.0, "%", None, ">") in m("移动端健康管理服务覆盖率超92%。")
    got = m("建成健康主题公园11座、社区健身苑点386个。")
    assert ("健康主题公园", 11.0, "座", None, "=") in got and ("社区健身苑点", 386.0, "个", None, "=") in got


def test_ages_dates_and_ordinals_are_not_measurements():
    assert m("63岁的李玉英是一名患者。2023年10月12日发布。第三类产品。") == []


def test_counts_name_what_follows_the_number():
    got = m("近日，全国爱卫办公布全国407个地级及以上市2022年度评价结果，共评选出40个全国健康城市建设样板市。")
    assert ("地级及以上市", 407.0, "个", 2022, "=") in got and ("全国健康城市建设样板市", 40.0, "个", 2022, "=") in got
    got = m("截至目前，全市32家等级医院、80家镇卫生院已全部接入平台。")
    assert [g[:2] for g in got] == [("等级医院", 32.0), ("镇卫生院", 80.0)]


def test_approximate_counts_and_ten_thousands():
    assert ("个性化慢病干预方案", 300.0, "种", None, ">") in m("提供个性化慢病干预方案300余种。")
    assert ("适龄人群", 45.0, "万", None, "=") in m("大肠癌筛查项目累计覆盖45万适龄人群。")
    assert m("劳动力损失减少约5.3万人日/年。")[0][1:3] == (5.3, "万人日/年")


def test_full_coverage_is_100_percent():
    got = m("2022年，率先实现省级健康促进县区、省级健康村全覆盖。")
    assert ("省级健康促进县区覆盖率", 100.0, "%", 2022, "=") in got and ("省级健康村覆盖率", 100.0, "%", 2022, "=") in got


def test_plans_and_year_ranges_are_not_achievements():
    assert m("嘉定计划三年内实现社区卫生服务中心AI辅诊全覆盖。") == []
    assert m("2020年至2022年连续3年荣获优秀设区市称号。")[0][1:3] == (3.0, "年")
    assert m("截至2023年年底，社区平均诊治病种现到201种。")[0][:2] == ("社区平均诊治病种", 201.0)


def test_plan_paragraph_counts_are_targets():
    got = targets_in_sentence("新增5家区级医院及12家社区卫生服务中心的互联网医院建设。", 0, None, "", None, plan_year=2024)
    assert [(q.indicator, q.value, q.year) for q in got] == [("区级医院", 5.0, 2024), ("社区卫生服务中心", 12.0, 2024)]
    (q,) = targets_in_sentence("嘉定计划三年内实现社区卫生服务中心AI辅诊全覆盖。", 0, None, "", 2025)
    assert (q.value, q.year, q.unit) == (100.0, 2028, "%")


def test_literal_first_spellings_match_the_lookbehind_first_ones():
    """FUTURE_CLAUSE and PLAN_WORDS check what precedes their literal after matching it;
    they must find exactly what the lookbehind-first spellings find."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.quantities import FUTURE_CLAUSE, PLAN_WORDS

    future_ref = re.compile(r"(?<![截年])(?<!提高)(?<!提升)(?<!下降)(?<!降低)(?<!增加)(?<!增长)(?<!减少)(?<!上升)(?<!升)(?<!降)(?:到|至)\d{4}年|(?<!行动)(?<!免疫)(?:计划|规划)(?![、，。；）)》”]|\d(?!\d{3}年)|纲要|体系|布局|生育|(?:信息|发展与信息化|财务)?[司处科局])|力争|争取|下一步|下阶段|今后|将(?:统一|逐步|陆续|分批|分步|(?:重点|大力|积极)?(?:加快|继续|进一步|推进|推动|持续|全面|着力|建成|实现|打造|开展|完成|深化|强化|加强|新增|新建|建设|启动|探索|扩大|遴选|搭建|推出|举办|组织|培养|培训|选派|配备|投入|改造|推荐|依托|提供|发放|组建|设立|享有|抓好|做好|落实|实施|坚持|聚焦|围绕)(?!情况|效果|成效|结果|经验|做法)|于)|决定(?:在|于|从|自)|拟|预计")
    plan_ref = re.compile(r"(?<!行动)(?<!免疫)(?:计划|规划)(?![、，。；）)》”]|\d(?!\d{3}年)|纲要|体系|布局|编制|建设|生育|(?:信息|发展与信息化|财务)?[司处科局])"
                          r"|力争|目标是")
    pieces = ["到", "至", "2025", "年", "截", "提高", "下降", "升", "降", "行动", "免疫", "计划", "规划", "纲要", "，", "力争",
              "将", "加快", "统一", "重点", "遴选", "于", "抓好", "决定", "在", "对", "拟", "预计", "下一步", "今后", "目标是", "编制", "增长", "上升", "3", "信息", "司", "局", "生育", "情况", "落实"]

    @settings(max_examples=800, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=10))
    def agree(parts):
        text = "".join(parts)
        assert [m.span() for m in FUTURE_CLAUSE.finditer(text)] == [m.span() for m in future_ref.finditer(text)]
        assert [m.span() for m in PLAN_WORDS.finditer(text)] == [m.span() for m in plan_ref.finditer(text)]

    agree()


MAY_PIECES = ["月", "10", "全", "覆盖", "排", "名", "位", "列", "居", "2023", "3", " ", "年", "度", "底", "比", "较", "约", "十二", "万人",
              "%", "个", "达到", "，", "覆盖率", "第"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(MAY_PIECES), max_size=12))
def test_class_first_spellings_match_the_plain_ones(parts):
    """_MAY_MEASURE opens with a class and _SENT_YEAR checks 比/较 after its digits; both
    must find what their plain spellings find. And every value_re match holds a
    _NUMERAL character (which lets a sentence without one skip value_re)."""
    import re

    from kg.extract.quantities import _MAY_MEASURE, _NUMERAL, _SENT_YEAR, rules

    text = "".join(parts)
    may_ref = re.compile(r"\d|全覆盖|排名|位列|位居|名列")
    year_ref = re.compile(r"(?<![比较])(\d{4})\s*年(?:度|底|末)?(?!\d{1,2}月)")
    assert [m.span() for m in _MAY_MEASURE.finditer(text)] == [m.span() for m in may_ref.finditer(text)]
    assert [m.span() for m in _SENT_YEAR.finditer(text)] == [m.span() for m in year_ref.finditer(text)]
    for m in rules().value_re.finditer(text):
        assert _NUMERAL.search(m.group(0))


VALUE_PIECES = ["约", "近", "超过", "超", "逾", "突破", "达到", "达", "为", "共有", "现到", "累计", "不超过", "不足", "不", "过",
                "12", "3.5", "３", ".", "十二", "两", "百", "余", "多", "万", "亿", "人", "%", "家", "万人", "以上", "以内", "左右",
                "医院", "，", "年", "个"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(VALUE_PIECES), max_size=12))
def test_value_pattern_opening_with_a_lookahead_matches_the_plain_one(parts):
    """value_re opens with a lookahead for the characters a value can start with; it
    must find exactly the matches, with the same groups, of the plain spelling."""
    import re

    from kg.extract.quantities import rules, value_pattern

    text = "".join(parts)
    plain = re.compile(value_pattern(rules().unit_re, rules().value_prefixes, first_class=False))
    assert not plain.pattern.startswith("(?=") and rules().value_re.pattern.startswith("(?=")
    assert [(m.span(), m.groupdict()) for m in rules().value_re.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in plain.finditer(text)]


def test_clean_indicator_equals_its_plain_spelling():
    """_clean_indicator reuses the leading-word list of the last (noise, places) it was
    given and tests trailing adverbs in one call; with places changing between calls
    it must give what building the list each time and testing each adverb gives."""
    from kg.extract.quantities import _LEADING_YEARS, _clean_indicator, rules
    from kg.extract.quantities.rules import _TRAILING_YEAR
    from kg.lexicon import PrefixWords

    r = rules()

    def plain(text, places):
        t = text.strip("，、；： “”")
        t = _LEADING_YEARS.sub("", t)
        leading = PrefixWords(r.leading_noise + places)
        changed = True
        while changed:
            changed = False
            k = leading.prefix_length(t, keep=2)
            if k:
                t = t[k:]
                changed = True
            for w in r.trailing_adverbs:
                if t.endswith(w):
                    t = t[: -len(w)]
                    changed = True
        return _TRAILING_YEAR.sub("", t.strip("，、；： 的"))

    place_sets = [(), ("嘉兴市", "嘉兴"), ("闵行区", "闵行", "莘庄镇"), tuple(["嘉兴市", "嘉兴"])]
    pieces = list(r.leading_noise[:12]) + list(r.trailing_adverbs) + ["嘉兴", "闵行区", "莘庄镇", "人均预期寿命",
                                                                     "覆盖率", "2025年", "到2023年底，", "的", "，", " "]

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.tuples(st.lists(st.sampled_from(pieces), max_size=7), st.integers(0, 3)), max_size=6))
    def agree(calls):
        for parts, which in calls:
            places = place_sets[which]
            text = "".join(parts)
            assert _clean_indicator(text, r, places) == plain(text, places), (text, places)

    agree()


def targets(sent, **context):
    tc = TargetContext(doc_year=context.pop("doc_year", 2023), **context)
    return [(q.indicator, q.value, q.unit, q.year, q.comparator) for q in read_targets(sent, 0, tc)]


def test_respectively_pairs_indicators_with_values():
    assert targets("到2030年，A率和B率分别控制在10%和4%以下。") == [("A率", 10.0, "%", 2030, "<="), ("B率", 4.0, "%", 2030, "<=")]
    # a real goal list (健康河南行动实施方案): three indicators, three values, one 以下
    got = targets("孕产妇死亡率和婴儿死亡率、5岁以下儿童死亡率分别控制在9.5/10万、4.2‰和5.3‰以下，持续优于全国水平。", year=2025, goal=True)
    assert got == [("孕产妇死亡率", 9.5, "/10万", 2025, "<="), ("婴儿死亡率", 4.2, "‰", 2025, "<="),
                   ("5岁以下儿童死亡率", 5.3, "‰", 2025, "<=")]


def test_an_indicator_named_by_the_clause_before():
    assert targets("到2025年，X指数稳步提升，达到85。") == [("X指数", 85.0, "", 2025, ">=")]
    assert targets("人均预期寿命逐步提高，达到78.7岁。", year=2025, goal=True) == [("人均预期寿命", 78.7, "岁", 2025, ">=")]


def test_a_plans_standard_without_a_year_has_year_null():
    # in a plan: a target with no year; in news: nothing
    assert targets("落实中小学生每天综合体育活动时间不低于2小时，增强儿童体质。", plan_doc=True) == [
        ("落实中小学生每天综合体育活动时间", 2.0, "小时", None, ">=")]
    assert targets("落实中小学生每天综合体育活动时间不低于2小时，增强儿童体质。") == []
    # a plan's background sentence reports what was achieved
    assert targets("截至2022年，全省每千人口床位数达到6.5张。", plan_doc=True) == []


def test_a_standard_before_the_year_phrase_keeps_no_year():
    got = targets("落实每天综合体育活动时间不低于2小时，到2030年，学生体质健康标准优良率达到60%以上。", plan_doc=True)
    assert ("落实每天综合体育活动时间", 2.0, "小时", None, ">=") in got and ("学生体质健康标准优良率", 60.0, "%", 2030, ">=") in got


def test_yearly_change_is_relative():
    (q,) = read_targets("到2023年，近视高发省份每年降低1个百分点以上。", 0, TargetContext(doc_year=2018))
    assert (q.indicator, q.value, q.unit, q.year, q.comparator, q.relative) == ("近视高发省份", 1.0, "个百分点", 2023, ">=", True)


def test_a_deadline_year_and_a_counted_floor():
    # a real one (福州市医联体建设实施方案, Traditional in the source)
    assert targets("2020年底前，新增10个以上市级医疗专科联盟。", doc_year=2018) == [("市级医疗专科联盟", 10.0, "个", 2020, ">=")]
    assert targets("2015年底前，新增10个以上市级医疗专科联盟。", doc_year=2018) == []  # a past deadline


def test_a_period_is_not_the_target_year():
    got = targets("推进全民健康素养提升三年行动（2024-2027年），举10场以上“健康基层行”义诊活动。", doc_year=2025, plan_doc=True, year=2025)
    assert got == [("“健康基层行”义诊活动", 10.0, "场", 2025, ">=")]


def test_a_title_that_only_names_a_plan_is_not_a_plan():
    assert is_plan_document(False, "关于印发海南省将健康融入所有政策实施方案的通知")
    assert is_plan_document(False, "健康河南行动2024年工作要点")
    assert not is_plan_document(False, "实录丨系列主题新闻发布会——《海南省将健康融入所有政策实施方案》专场")


def test_a_document_sites_header_naming_a_plans_file_makes_the_text_a_plan():
    header = "《建设健康镇实施方案.docx》由会员分享,可在线阅读,更多相关《建设健康镇实施方案.docx(6页珍藏版)》请在文库上搜索。\n1、建设健康镇…"
    assert is_plan_document(False, "标签: 健康镇的相关文档", opening=header)
    # a summary that ends with next year's plan reports what was done; a plan's title cited in prose is no file
    summary = header.replace("建设健康镇实施方案", "区卫生健康委2023年工作总结和2024年工作计划")
    assert not is_plan_document(False, "某文库", opening=summary)
    assert not is_plan_document(False, "某新闻", opening="会议学习了《建设健康镇实施方案》，听取了汇报。")
    # the file's name on a line of its own, as a document site prints it above the text
    assert is_plan_document(False, "某文库", opening="餐桌污染建设食品放心工程年度工作方案.docx\n\n上传人:b****5 文档编号:11623267")
    assert not is_plan_document(False, "某文库", opening="区卫生健康委2023年工作总结和2024年工作计划.docx\n上传人:某")
    assert not is_plan_document(False, "某文库", opening="某区卫生健康局2023年工作情况及2024年工作计划.docx\n")
    assert not is_plan_document(False, "某文库", opening="某镇2023年上半年工作小结及下半年工作计划.docx\n")
    assert is_plan_document(False, "某文库", opening="关于做好卫生和健康工作的实施方案.DOCX\n")  # 和 inside a plan's name


def test_an_opening_that_says_it_is_the_plan_it_makes_makes_a_plan():
    assert is_plan_document(False, "某资讯站", opening="结合本地区实际情况，制定本管理实施方案。\n一、工作目标")
    assert is_plan_document(False, "某资讯站", opening="结合实际，特制订如下工作方案：")
    # a report that drew up its year's plan is still a report
    assert not is_plan_document(False, "某资讯站", opening="年初，我局制定本年度健康教育工作计划，全年共开展讲座30场。")


def test_real_shared_plan_file_reports_nothing_as_achieved():
    from pathlib import Path

    from kg.extract import extract_document
    from kg.ingest import read_document

    path = Path(__file__).resolve().parents[1] / "unseen20" / "docs" / "b06_anon_liuzhuang_healthy_town_plan_docx.txt"
    ex = extract_document(read_document(path))
    assert not [q for q in ex.quantities if q.kind == "measurement"]  # a plan: its 处理率100% is no achievement


def test_an_indicator_must_be_a_noun_phrase():
    # fragments of the sentence around a number are not indicators (news items of the dev set)
    assert m("也就是说100个人里有36个人掌握了基本的健康知识和技能。") == []
    assert m("目前，浙医二院派驻了9人的管理和技术团队常驻建德分院。") == []
    assert m("她平时攒的4.5万克碳减排量，成功抵扣了当月90元贷款利息。") == []
    assert ("严重精神障碍患者规范管理率", 94.96, "%", 2021, "=") in m("2021年严重精神障碍患者规范管理率达到94.96%。")


def test_respectively_pairs_reported_values_and_a_year_before_a_value():
    got = m("2021年人均预期寿命达到82.47岁，婴儿死亡率和5岁以下儿童死亡率分别下降到1.44‰和2.24‰。")
    assert ("婴儿死亡率", 1.44, "‰", 2021, "=") in got and ("5岁以下儿童死亡率", 2.24, "‰", 2021, "=") in got
    got = m("婴儿死亡率和5岁以下儿童死亡率分别从2020年的4.02‰和5.72‰下降至2024年的2.95‰和3.98‰。")
    assert {g[:4] for g in got} == {("婴儿死亡率", 4.02, "‰", 2020), ("婴儿死亡率", 2.95, "‰", 2024),
                                   ("5岁以下儿童死亡率", 5.72, "‰", 2020), ("5岁以下儿童死亡率", 3.98, "‰", 2024)}
    # a year written before a figure is that figure's year, not a date (2021年15岁…)
    assert m("2021年15岁以上人群吸烟率为19.9%，已达到2022年北京市目标值。") == [("15岁以上人群吸烟率", 19.9, "%", 2021, "=")]


def test_yearly_values_share_their_indicator_and_a_later_clause_has_no_say_in_the_year():
    # a real report (吉林省中医药事业, Traditional in the source): one indicator, values year by year
    got = m("2009年省级预算经费为640万元，2010年755万元，2011年915万元。")
    assert {g[:4] for g in got} >= {("省级预算经费", 640.0, "万元", 2009), ("省级预算经费", 755.0, "万元", 2010),
                                    ("省级预算经费", 915.0, "万元", 2011)}
    assert m("空气质量优良天数比例为78.9%，达到北京市生态环境局下达的2022年度目标值。", 2021) == [
        ("空气质量优良天数比例", 78.9, "%", 2021, "=")]
    assert ("家庭医生团队", 2564.0, "支", None, "=") in m("组建2564支家庭医生团队。")
