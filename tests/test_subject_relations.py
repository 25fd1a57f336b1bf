"""A plan that gives no list of units states responsibility by the subject of a
measure's sentence (kg.extract.relations.subjects): a written plan for each rule and
the two real plans of this shape among the development documents."""
from pathlib import Path

from kg.extract import extract_document
from kg.ingest import read_document

DEV = Path(__file__).resolve().parents[1] / "dev" / "docs"

PLAN = """句容市“将健康融入所有政策”工作实施方案
一、工作内容
（一）宣传普及健康理念。
市卫生健康部门要主动向各级党政领导宣讲健康理念。
（二）开展跨部门健康行动。
1. 各镇、各部门要针对当地健康问题，开展跨部门健康行动。
2. 市健康专家委员会和市卫生健康部门负责为跨部门健康行动提供技术支持。
（三）建立健康审查制度。
各部门要在市健康专家委员会的协助下，梳理现有政策。
（四）加强能力建设。市健康促进委员会办公室负责组织培训。市卫生健康部门要加强专业机构建设。
"""
TITLE = "关于印发句容市“将健康融入所有政策”工作实施方案的通知"


def rels(ex, kind):
    return {(r.source.name, r.target.name) for r in ex.relations if r.kind == kind}


def programs(ex):
    return {m.key.name for m in ex.mentions if m.key.type == "Program"}


def test_the_subject_of_a_measure_leads_it(extract):
    ex = extract(PLAN, title=TITLE, issuer="句容市卫生健康委员会")
    assert ("句容市卫生健康委员会", "宣传普及健康理念") in rels(ex, "lead")      # A要…
    assert ("句容市健康促进委员会办公室", "加强能力建设") in rels(ex, "lead")    # A负责…
    assert {"宣传普及健康理念", "开展跨部门健康行动", "建立健康审查制度", "加强能力建设"} <= programs(ex)


def test_technical_support_and_assistance_are_support(extract):
    ex = extract(PLAN, title=TITLE, issuer="句容市卫生健康委员会")
    support = rels(ex, "support")
    # a numbered item that is itself the sentence speaks of the measure above it
    assert {("句容市健康专家委员会", "开展跨部门健康行动"), ("句容市卫生健康委员会", "开展跨部门健康行动")} <= support
    assert ("句容市健康专家委员会", "建立健康审查制度") in support            # 在A的协助下
    assert not any(t.startswith("各部门") for _, t in support)                # the item is no program


def test_an_obligation_beside_a_stated_duty_assigns_nothing(extract):
    ex = extract(PLAN, title=TITLE, issuer="句容市卫生健康委员会")
    # （四）: 市健康促进委员会办公室负责… decides; 市卫生健康部门要… beside it is no lead
    assert ("句容市卫生健康委员会", "加强能力建设") not in rels(ex, "lead")


def test_a_collective_subject_assigns_nothing(extract):
    ex = extract(PLAN, title=TITLE, issuer="句容市卫生健康委员会")
    assert not any("各部门" in o or "各镇" in o for o, _ in rels(ex, "lead") | rels(ex, "support"))


def test_a_report_with_numbered_headings_is_not_read_by_its_subjects(extract):
    report = PLAN.replace("工作实施方案", "工作情况")
    ex = extract(report, title="句容市“将健康融入所有政策”工作情况报告", issuer="句容市卫生健康委员会")
    assert not rels(ex, "lead") and not rels(ex, "support")


def test_a_plan_with_lists_is_read_by_its_lists(extract):
    plan = PLAN.replace("（四）加强能力建设。", "（四）加强能力建设。（市卫健委牵头，市教育局配合）")
    ex = extract(plan, title=TITLE, issuer="句容市卫生健康委员会")
    assert ("句容市卫生健康委员会", "宣传普及健康理念") not in rels(ex, "lead")
    assert ("句容市卫生健康委员会", "加强能力建设") in rels(ex, "lead")


def test_a_coordinating_body_takes_its_jurisdiction(extract):
    ex = extract("成立县健康专家委员会，负责提供技术支持。阜新蒙古族自治县健康促进工作领导小组办公室负责日常工作。",
                 title="阜新蒙古族自治县工作指导方案")
    depts = {m.key.name for m in ex.mentions if m.key.type == "Department"}
    assert {"阜新蒙古族自治县健康专家委员会", "阜新蒙古族自治县健康促进工作领导小组办公室"} <= depts
    assert not any(d.startswith("成立") for d in depts)


def test_real_county_plan_without_lists():
    ex = extract_document(read_document(DEV / "h10_fumeng_health_in_all_policies.txt"))
    assert ("阜新蒙古族自治县卫生健康局", "宣传普及“将健康融入所有政策”理念") in rels(ex, "lead")
    assert {("阜新蒙古族自治县健康专家委员会", "开展跨部门健康行动"),
            ("阜新蒙古族自治县卫生健康局", "开展跨部门健康行动")} <= rels(ex, "support")
    assert ("阜新蒙古族自治县卫生健康局", "加强能力建设") not in rels(ex, "lead")


def test_real_city_plan_without_lists():
    ex = extract_document(read_document(DEV / "h04_jurong_health_in_all_policies.txt"))
    assert ("句容市卫生健康委员会", "宣传普及“将健康融入所有政策”理念") in rels(ex, "lead")
    assert ("句容市健康专家委员会", "开展跨部门健康行动") in rels(ex, "support")


def test_a_measure_that_opens_with_a_lead_clause_is_a_program(extract):
    plan = ("嘉定区健康促进行动实施方案\n二、主要任务\n"
            "（一）开展健康知识普及。区卫健委牵头，区教育局配合，组织开展健康科普进校园活动。\n"
            "（二）推进无烟环境建设。由区体育局牵头，区市场监管局配合，开展无烟单位创建。\n")
    ex = extract(plan, title="嘉定区健康促进行动实施方案", issuer="上海市嘉定区人民政府")
    assert {"开展健康知识普及", "推进无烟环境建设"} <= programs(ex)
    assert ("嘉定区卫生健康委员会", "开展健康知识普及") in rels(ex, "lead")
    assert ("嘉定区教育局", "开展健康知识普及") in rels(ex, "support")
    assert ("嘉定区体育局", "推进无烟环境建设") in rels(ex, "lead")


def test_a_body_that_carries_out_programs_clause_after_clause(extract):
    ex = extract("“十三五”期间，自治区发展改革委推进实施健康扶贫工程，争取中央资金43亿元；推进实施妇幼健康保障工程，"
                 "争取4.2亿元；2020年为加强疫情防控体系建设，争取中央资金9.6亿元。", title="关于提案的答复",
                 issuer="广西壮族自治区发展和改革委员会")
    leads = {(r.source.name, r.target.name) for r in ex.relations if r.kind == "lead"}
    assert {("广西壮族自治区发展和改革委员会", "健康扶贫工程"), ("广西壮族自治区发展和改革委员会", "妇幼健康保障工程")} <= leads
    assert len(leads) == 2  # the clause that names no program gives none


def test_real_reply_to_a_proposal_listing_the_commissions_programs():
    from pathlib import Path

    from kg.extract import extract_document
    from kg.ingest import read_document

    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen5" / "docs" /
                                        "y15_guangxi_drc_proposal_reply.txt"))
    leads = {(r.source.name, r.target.name) for r in ex.relations if r.kind == "lead"}
    assert ("广西壮族自治区发展和改革委员会", "公共卫生服务能力提升工程") in leads


REMIT_PLAN = """某县全民健康生活方式行动实施方案
三、保障措施
（一）加强组织领导。成立县健康促进工作领导小组，具体负责指导推进“健康促进县”建设中的重大事项。
领导小组下设办公室，负责日常协调和管理工作。成立县健康专家委员会，负责提供技术咨询。
"""


def test_a_body_set_up_with_a_remit_leads_the_program_it_names(extract):
    ex = extract(REMIT_PLAN, title="关于印发某县全民健康生活方式行动实施方案的通知", issuer="溧水区卫生健康委员会")
    leads = rels(ex, "lead")
    assert any(o.endswith("健康促进工作领导小组") and t.startswith("健康促进县") for o, t in leads), leads
    # a remit that names no program (日常协调, 技术咨询) assigns nothing
    assert not any("专家委员会" in o or o.endswith("办公室") for o, _ in leads | rels(ex, "support")), leads


def test_real_plan_committee_remit():
    ex = extract_document(read_document(DEV / "h04_jurong_health_in_all_policies.txt"))
    assert ("句容市健康促进委员会", "省级健康促进县（区）建设") in rels(ex, "lead")
