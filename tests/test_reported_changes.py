"""Reported changes and the years of reported figures, as bulletins and news write them
(conventions read from unseen50, each with a written sentence, a real one and a near case)."""
from pathlib import Path

from kg.extract import extract_document
from kg.extract.quantities import measurements_in_sentence
from kg.ingest import read_document

UNSEEN50 = Path(__file__).resolve().parents[1] / "unseen50" / "docs"
UNSEEN52 = Path(__file__).resolve().parents[1] / "unseen52" / "docs"


def m(sent, year_hint=None):
    return sorted((q.indicator, q.value, q.year) for q in measurements_in_sentence(sent, 0, year_hint, ""))


def test_a_change_names_the_survey_or_time_each_end_was_taken_at():
    got = m("全省结核病患病率由2010年抽样调查的0.45%下降到2020年普查时的0.21%。")
    assert got == [("结核病患病率", 0.21, 2020), ("结核病患病率", 0.45, 2010)]
    # 人均 before the value: the value per head, the indicator the words before 由
    got = m("人均基本公共卫生服务经费补助标准由2015年的人均40元提高至2020年的74元。")
    assert [(v, y) for _, v, y in got] == [(40.0, 2015), (74.0, 2020)]
    # near case: a year followed by words that do not end in 的 before the value is no such time: the
    # change has no start value, and nothing is dated 2010
    assert not [x for x in m("患病率由2010年起逐步下降到0.21%。") if x[2] == 2010]


def test_a_change_within_one_year_keeps_the_year_written_at_its_end():
    assert m("签约率由2023年初的35%提高到2023年底的45%。") == [("签约率", 35.0, 2023), ("签约率", 45.0, 2023)]


def test_a_change_ending_at_the_present_has_no_year_of_its_start():
    got = m("全省人群平均患病率由2012年抽样调查的0.63%下降到目前普查的0.30%。", year_hint=2012)
    assert got == [("人群平均患病率", 0.3, None), ("人群平均患病率", 0.63, 2012)]
    # near case: a later year the sentence gives is the end's
    got = m("人群平均患病率由2012年的0.63%下降到0.30%。", year_hint=2017)
    assert ("人群平均患病率", 0.3, 2017) in got


def test_places_listed_before_one_indicator_share_it():
    got = m("其中玉树州、果洛州人群患病率分别由2012年的3.74%、4.54%降至2017年的1.19%、2.53%。")
    assert got == [("人群患病率", 1.19, 2017), ("人群患病率", 2.53, 2017), ("人群患病率", 3.74, 2012),
                   ("人群患病率", 4.54, 2012)]
    qs = measurements_in_sentence("其中玉树州、果洛州人群患病率分别由2012年的3.74%、4.54%降至2017年的1.19%、2.53%。", 0, None, "")
    assert sorted({q.region for q in qs}) == ["632600", "632700"]  # 果洛藏族自治州, 玉树藏族自治州
    # near case: words ending like places that name no place (示范区、示范县) are indicators of their own
    got = m("示范区、示范县创建数量分别由2018年的3个、5个增加到2020年的6个、9个。")
    assert "创建数量" not in {i for i, _, _ in got}
    # near case: indicators listed (no place before the last) keep their own names
    got = m("婴儿死亡率、孕产妇死亡率分别由2015年的5.1‰、18.3/10万降至2020年的3.2‰、12.1/10万。")
    assert {i for i, _, _ in got} == {"婴儿死亡率", "孕产妇死亡率"}


def test_real_bulletin_of_an_eradication_campaign():
    # real wording: unseen50 ln09 (青海, 新华网): 玉树州、果洛州人群患病率分别由2012年流行病学调查时的…降至2017年普查时的…
    ex = extract_document(read_document(next(UNSEEN50.glob("ln09_*.txt"))))
    got = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "measurement"}
    assert {("人群患病率", 3.74, 2012), ("人群患病率", 2.53, 2017), ("包虫病人群平均患病率", 0.3, None)} <= got
    assert not [q for q in ex.quantities if q.indicator.startswith("降至")]


def test_a_period_up_to_now_dates_its_figures_by_the_report(extract):
    text = "全区卫生工作成效显著。\n自2014年10月至今，全区已有5279名农村孕产妇享受免费住院分娩，任务完成率为117.32%。"
    got = {(q.indicator, q.value, q.year) for q in extract(text, title="新闻", date="2015-12-16").quantities}
    assert ("任务完成率", 117.32, 2015) in got
    # near case: a year that opens no period dates what follows it
    text = "全区卫生工作成效显著。\n2014年10月，全区已有5279名农村孕产妇享受免费住院分娩，任务完成率为117.32%。"
    got = {(q.indicator, q.value, q.year) for q in extract(text, title="新闻", date="2015-12-16").quantities}
    assert ("任务完成率", 117.32, 2014) in got


def test_real_news_of_a_years_tasks_done_since_last_autumn():
    # real wording: unseen50 ln05 (宁夏日报, 2015-12-16): 自2014年10月至今，…任务完成率为117.32%
    ex = extract_document(read_document(next(UNSEEN50.glob("ln05_*.txt"))))
    got = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "measurement"}
    assert ("任务完成率", 117.32, 2015) in got
    assert not [q for q in ex.quantities if q.year == 2014]


def test_real_bulletin_with_thousands_grouped_by_spaces():
    # real wording: unseen50 ln03 (新疆 白皮书): 全区共有医疗卫生机构15 631个(不含兵团)，其中医院、卫生院1 633个
    ex = extract_document(read_document(next(UNSEEN50.glob("ln03_*.txt"))))
    got = {(q.indicator, q.value) for q in ex.quantities if q.kind == "measurement"}
    assert ("医疗卫生机构", 15631.0) in got and ("卫生院", 1633.0) in got
    assert not [q for q in ex.quantities if q.value in (631.0, 633.0)]


def test_a_bound_that_names_the_kind_counted_is_no_value():
    got = m("医院按床位数分：100张床位以下医院187个，100-199张医院28个，800张及以上医院7个。")
    assert sorted(v for _, v, _ in got) == [7.0, 28.0, 187.0]
    assert ("65岁以上老年人", 12.0) in {(i, v) for i, v, _ in m("全市65岁以上老年人12万人。")}
    # near cases: a limit after a value that no count follows, and a count followed by a year, are values
    assert [v for _, v, _ in m("全市孕产妇系统管理率达到95%以上。")] == [95.0]
    assert 407.0 in [v for _, v, _ in m("全国爱卫办公布全国407个地级及以上市2022年度健康城市建设评价结果。")]


def test_real_bulletin_counting_hospitals_by_beds():
    # real wording: unseen52 lp09 (西安市 2012 统计公报): 医院按床位数分:100张床位以下医院187个,100-199张医院28个…
    ex = extract_document(read_document(next(UNSEEN52.glob("lp09_*.txt"))))
    values = {q.value for q in ex.quantities if q.kind == "measurement"}
    assert {187.0, 28.0, 34.0, 20.0, 7.0} <= values
    assert not values & {199.0, 499.0, 799.0, 800.0}  # (its 乡镇卫生院100个 is a count)


def test_an_as_of_date_inside_a_clause_dates_nothing_else(extract):
    text = "2024年全市工作进展顺利。\n家庭医生签约率达到45%，较截至2020年底提高了10个百分点。"
    assert ("家庭医生签约率", 45.0, 2024) in {(q.indicator, q.value, q.year) for q in extract(text, title="新闻").quantities}


def test_an_as_of_date_in_a_sentence_dates_its_figures(extract):
    text = "2023年2月22日，召开了2023年民生实事推进会。\n据镇卫生院院长介绍，截止2022年12月31日，已累计完成宫颈癌免费筛查2471人。"
    got = {(q.indicator, q.value, q.year) for q in extract(text, title="新闻").quantities}
    assert ("宫颈癌免费筛查", 2471.0, 2022) in got
    # near case: without the as-of date the figures are of the paragraph before's year
    text = "2023年2月22日，召开了2023年民生实事推进会。\n据镇卫生院院长介绍，已累计完成宫颈癌免费筛查2471人。"
    got = {(q.indicator, q.value, q.year) for q in extract(text, title="新闻").quantities}
    assert ("宫颈癌免费筛查", 2471.0, 2023) in got


def test_real_town_news_behind_a_scrambled_layer():
    # real wording: unseen52 lp08 (内乡县 夏馆镇): [" ?9 ~! o0 T$ L据…介绍,截止2022年12月31日,自开展以来,已累计完成…
    ex = extract_document(read_document(next(UNSEEN52.glob("lp08_*.txt"))))
    got = {(q.value, q.year) for q in ex.quantities if q.kind == "measurement"}
    assert {(2471.0, 2022), (2460.0, 2022), (1248.0, 2022)} <= got


def test_a_plans_background_and_reasons_report_what_was_achieved(extract):
    text = ("某市卫生健康“十四五”规划\n一、《规划》编制的背景及依据\n2020年，全市人均预期寿命78.15岁，婴儿死亡率2.92‰。\n"
            "二、主要目标\n到2025年，全市人均预期寿命达到79岁。")
    got = {(q.kind, q.indicator, q.value, q.year) for q in extract(text, title="某市卫生健康“十四五”规划").quantities}
    assert {("measurement", "人均预期寿命", 78.15, 2020), ("measurement", "婴儿死亡率", 2.92, 2020),
            ("target", "人均预期寿命", 79.0, 2025)} <= got
    # near case: a section of the plan's basis alone (编制依据) is no report of achievements
    text = text.replace("背景及依据", "编制依据")
    got = {(q.kind, q.indicator, q.value) for q in extract(text, title="某市卫生健康“十四五”规划").quantities}
    assert ("measurement", "人均预期寿命", 78.15) not in got


def test_a_five_year_plans_title_gives_its_period_whatever_plans_it_cites():
    from kg.extract.quantities.targets import plan_period_end

    text = "根据《健康中国重庆行动(2019—2030年)》，编制本规划。"
    assert plan_period_end("重庆市卫生健康发展“十四五”规划\n" + text, "重庆市卫生健康发展“十四五”规划") == 2025
    # near case: a title naming no five-year plan leaves the period to the plans the text names
    assert plan_period_end("重庆市卫生健康发展规划\n" + text, "重庆市卫生健康发展规划") == 2030


def test_real_five_year_plans_background():
    # real wording: unseen50 ln07 (重庆市卫生健康发展“十四五”规划, 一、《规划》编制的背景及依据)
    ex = extract_document(read_document(next(UNSEEN50.glob("ln07_*.txt"))))
    assert not [q for q in ex.quantities if q.kind == "target"]
    assert {("人均预期寿命", 78.15, 2020), ("每万人口全科医生", 3.12, 2020)} <= {
        (q.indicator, q.value, q.year) for q in ex.quantities}


def test_the_values_around_a_tasks_plan_and_what_was_done_are_read_as_they_would_be_without_it(extract):
    text = "全县工作顺利。\n全县孕产妇死亡率为8.1/10万，婴儿死亡率为3.2‰，全年计划接种疫苗3万人，完成2.8万人，完成率93.3%。"
    got = {(q.kind, q.value) for q in extract(text, title="新闻").quantities}
    assert {("measurement", 8.1), ("measurement", 3.2), ("target", 3.0), ("measurement", 2.8), ("measurement", 93.3)} <= got
    # 计划生育 is no plan: 计划生育服务对象1200人 is no target
    got = {(q.kind, q.value) for q in extract("全县工作顺利。\n计划生育服务对象1200人，完成1100人。", title="新闻").quantities}
    assert ("target", 1200.0) not in got


def test_a_reported_tasks_plan_is_its_target_and_what_was_done_its_measurement(extract):
    text = "全区卫生工作成效显著。\n计划免费咨询艾滋病检测20000人，完成23339人，完成率116.7%，随访干预比例达到97.8%。"
    got = {(q.kind, q.indicator, q.value, q.year) for q in extract(text, title="新闻", date="2015-12-16").quantities}
    assert {("target", "免费咨询艾滋病检测", 20000.0, 2015), ("measurement", "免费咨询艾滋病检测完成", 23339.0, 2015),
            ("measurement", "免费咨询艾滋病检测完成率", 116.7, 2015), ("measurement", "随访干预比例", 97.8, 2015)} <= got
    # near case: a plan with nothing reported done is a plan (no measurement of it)
    text = "全区卫生工作成效显著。\n计划免费咨询艾滋病检测20000人，力争随访干预比例达到97.8%。"
    got = {(q.kind, q.value) for q in extract(text, title="新闻", date="2015-12-16").quantities}
    assert ("measurement", 20000.0) not in got and ("measurement", 97.8) not in got


def test_real_news_of_tasks_planned_and_done():
    # real wording: unseen50 ln05 (宁夏日报): 计划免费咨询艾滋病检测20000人,完成23339人,完成率116.7%,艾滋病病毒感染者或病人随访干预比例达到97.8%
    ex = extract_document(read_document(next(UNSEEN50.glob("ln05_*.txt"))))
    got = {(q.kind, q.value) for q in ex.quantities}
    assert {("target", 20000.0), ("measurement", 23339.0), ("measurement", 116.7), ("measurement", 97.8)} <= got
    assert ("target", 97.8) not in got


def test_a_governments_pledge_sets_targets(extract):
    text = ("为全面推进健康促进工作，县人民政府现公开承诺如下：\n一、建设健康促进场所。建设20%的健康社区(健康村)，"
            "建设40%的健康促进医院，建设50%的健康促进学校。\n二、建设健康文化。")
    got = {(q.kind, q.indicator, q.value) for q in extract(text, title="承诺书").quantities}
    assert got == {("target", "健康社区（健康村）建设比例", 20.0), ("target", "健康促进医院建设比例", 40.0),
                   ("target", "健康促进学校建设比例", 50.0)}
    # near case: the same sentences with no pledge before them (the same title) are read as no goal
    text = text.replace("县人民政府现公开承诺如下：", "县人民政府开展工作：")
    assert not [q for q in extract(text, title="承诺书").quantities if q.kind == "target"]


def test_real_county_pledge_of_a_health_promotion_county():
    # real wording: unseen50 ln08 (湖南): 县人民政府现公开承诺如下:…建设20%的健康社区(健康村),建设20%的健康家庭,建设40%的健康促进医院…
    ex = extract_document(read_document(next(UNSEEN50.glob("ln08_*.txt"))))
    assert sorted(q.value for q in ex.quantities if q.kind == "target") == [20.0, 20.0, 20.0, 40.0, 50.0, 50.0]
    assert not [q for q in ex.quantities if q.kind == "measurement"]


def test_levels_held_are_paired_with_their_indicators_without_fenbie():
    got = m("2021年全市居民期望寿命提高到82.03岁，孕产妇死亡率和婴儿死亡率控制在8.06/10万和2.16‰。")
    assert {("孕产妇死亡率", 8.06, 2021), ("婴儿死亡率", 2.16, 2021)} <= set(got)
    # near cases: levels to hold next year (a goal, 以内 its bound) are no levels held
    assert m("2023年工作总结。明年要把孕产妇死亡率和婴儿死亡率控制在10/10万和5‰以内。", year_hint=2023) == []
    assert not [x for x in m("孕产妇死亡率和婴儿死亡率控制在10/10万和5‰以内。", year_hint=2023) if x[0] == "婴儿死亡率"]


def test_real_municipal_news_of_levels_held():
    # real wording: unseen50 ln06 (天津): 孕产妇死亡率和婴儿死亡率控制在8.06/10万和2.16‰
    ex = extract_document(read_document(next(UNSEEN50.glob("ln06_*.txt"))))
    got = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "measurement"}
    assert {("孕产妇死亡率", 8.06, 2021), ("婴儿死亡率", 2.16, 2021)} <= got


def test_a_years_list_of_measures_opened_by_a_lines_last_sentence_sets_its_targets():
    from kg.ingest.reader import read_data

    text = ("市人民代表大会开幕\n12月27日上午，市人民代表大会开幕。市长代表市政府作政府工作报告。报告梳理了2023年重点民生事项清单，"
            "具体内容如下：\n01 新增公办园学位2550个\n02 新增3岁以下婴幼儿托位3000个\n")

    def got(t):
        return {(q.kind, q.indicator, q.value, q.year) for q in extract_document(read_data(t.encode(), "t.txt")).quantities}
    assert {("target", "公办园学位", 2550.0, 2023), ("target", "3岁以下婴幼儿托位", 3000.0, 2023)} <= got(text)
    # near case: a list reporting what was done (完成情况如下) sets none
    assert not [q for q in got(text.replace("清单，具体内容如下", "完成情况如下")) if q[0] == "target"]


def test_real_city_news_of_a_years_measures():
    # real wording: unseen54 lr05 (聊城): …作政府工作报告。报告梳理了2023年重点民生事项清单,具体内容如下:
    ex = extract_document(read_document(next((UNSEEN50.parent.parent / "unseen54" / "docs").glob("lr05_*.txt"))))
    got = {(q.kind, q.value, q.year) for q in ex.quantities}
    assert {("target", 2550.0, 2023), ("target", 3000.0, 2023), ("target", 17.8, 2023)} <= got
    assert not [q for q in ex.quantities if q.kind == "measurement" and q.year == 2022]


def test_an_indicator_that_names_a_target_holds_one_in_a_report(extract):
    text = "全市工作进展顺利。\n省级分配给我市孕产妇免费产前筛查目标数为2300人，我市已完成孕产妇免费产前筛查2804人。"
    got = {(q.kind, q.value) for q in extract(text, title="公示", date="2022-12-31").quantities}
    assert ("target", 2300.0) in got and ("measurement", 2804.0) in got
    # near case: a count of tasks is a count (国家健康中国行动任务数15个 stays a measurement)
    got = {(q.kind, q.value) for q in extract("全市工作进展顺利。\n已完成国家健康中国行动任务15个。", title="新闻").quantities}
    assert ("target", 15.0) not in got


def test_real_county_notice_of_screening_targets_and_what_was_done():
    # real wording: unseen54 lr04 (武冈市): 省级分配给我市孕产妇免费产前筛查目标数为2300人,新生儿先心病免费筛查目标数2300人,我市已完成…2804人
    ex = extract_document(read_document(next((UNSEEN50.parent.parent / "unseen54" / "docs").glob("lr04_*.txt"))))
    got = {(q.kind, q.value) for q in ex.quantities}
    assert ("target", 2300.0) in got and ("measurement", 2300.0) not in got
