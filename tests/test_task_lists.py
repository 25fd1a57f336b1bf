"""Conventions of task lists read from documents the rules were not written on (unseen2/
was annotated after the rules; these tests pin what was learned from reading its errors):
a written sentence for each convention, and the real passage it came from."""
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.ingest import read_document

UNSEEN2 = Path(__file__).resolve().parents[1] / "unseen2" / "docs"


def rels(ex, kind):
    return {(r.source.name, r.target.name) for r in ex.relations if r.kind == kind}


def names(ex, typ):
    return {m.key.name for m in ex.mentions if m.key.type == typ}


def test_tortoise_shell_brackets_close_a_task_like_parentheses(extract):
    ex = extract("一、主要任务\n（一）加强组织领导。成立工作专班，统筹推进。〔区卫生健康委牵头，区教育局、区财政局按职责分工负责〕\n",
                 title="某区健康行动实施方案", issuer="上海市闵行区人民政府")
    assert ("闵行区卫生健康委员会", "加强组织领导") in rels(ex, "lead")
    assert {("闵行区教育局", "加强组织领导"), ("闵行区财政局", "加强组织领导")} <= rels(ex, "support")


def test_a_document_number_bracket_is_no_clause(extract):
    ex = extract("1.落实健康行动。按照沪府发〔2019〕16号要求推进。\n", title="闵行区方案", issuer="上海市闵行区人民政府")
    assert not rels(ex, "lead") and not rels(ex, "support")


def test_labelled_lines_for_lead_and_support_units(extract):
    text = ("1.推进家庭医生签约服务。\n\n牵头责任单位：县卫健委\n\n主要协作单位：经济开发区管委会、县政府有关部门、有关直属单位\n\n"
            "2.创建国家卫生县城。\n\n牵头责任单位：县卫健委\n\n主要协作单位：经济开发区管委会、县政府有关部门、有关直属单位\n")
    ex = extract(text, title="灵璧县2021年任务分解", issuer="灵璧县卫生健康委员会")
    assert {("灵璧县卫生健康委员会", "推进家庭医生签约服务"), ("灵璧县卫生健康委员会", "创建国家卫生县城")} <= rels(ex, "lead")
    # the repeated support line is read after every task, not dropped as a body printed twice
    support = rels(ex, "support")
    assert {("灵璧县经济开发区管理委员会", "推进家庭医生签约服务"), ("灵璧县经济开发区管理委员会", "创建国家卫生县城")} <= support
    # a government's departments and "directly affiliated units" name no one body
    assert not {org for org, _ in support} - {"灵璧县经济开发区管理委员会"}


def test_a_responsible_units_line_after_a_lead_line_supports(extract):
    # real wording: unseen43 lg01 (琼海 分工方案): (1)建立健康知识传播制度… / 牵头单位:市委宣传部 / 责任单位:市融媒体中心、市卫健委
    text = ("1.建立健康知识传播制度，各类媒体要加大健康科学知识宣传力度。\n牵头单位：市委宣传部\n责任单位：市融媒体中心、市卫健委\n"
            "2.积极发挥医生在健康教育中的作用。\n责任单位：市卫健委、市科协\n")
    ex = extract(text, title="琼海市健康城市建设主要任务分工方案", issuer="琼海市人民政府")
    assert rels(ex, "lead") >= {("中共琼海市委宣传部", "建立健康知识传播制度"), ("琼海市卫生健康委员会", "积极发挥医生在健康教育中的作用")}
    assert {("琼海市融媒体中心", "建立健康知识传播制度"), ("琼海市卫生健康委员会", "建立健康知识传播制度")} <= rels(ex, "support")
    # a responsible units line with no lead line beside it: every unit leads (FORMAT.md, joint responsibility)
    assert ("琼海市科学技术协会", "积极发挥医生在健康教育中的作用") in rels(ex, "lead")
    assert not {org for org, task in rels(ex, "lead") if task == "建立健康知识传播制度"} - {"中共琼海市委宣传部"}


def test_real_task_division_lines_of_lead_and_responsible_units():
    ex = extract_document(read_document(UNSEEN2.parent.parent / "unseen43" / "docs" / "lg01_hainan_qionghai_healthy_city_task_division.txt"))
    assert ("市融媒体中心", "建立健康知识传播制度") in rels(ex, "support")
    assert ("市融媒体中心", "建立健康知识传播制度") not in rels(ex, "lead")


def test_each_areas_government_is_no_one_body(extract):
    ex = extract("（一）加强组织领导。〔市卫生健康委牵头，市教育局按职责分工负责，各县（市、区）人民政府、各乡镇人民政府分别负责。〕\n",
                 title="赣州市实施方案", issuer="赣州市人民政府")
    orgs = {org for org, _ in rels(ex, "support") | rels(ex, "lead")}
    assert "赣州市卫生健康委员会" in orgs
    assert not [o for o in orgs if "各" in o]


def test_a_run_on_task_line_is_named_by_its_opening_phrase(extract):
    text = "2.加强重大公共卫生安全风险源头防控，切实保障人民群众生命安全\n\n牵头责任单位：县卫健委\n"
    ex = extract(text, title="灵璧县任务分解", issuer="灵璧县卫生健康委员会")
    assert ("灵璧县卫生健康委员会", "加强重大公共卫生安全风险源头防控") in rels(ex, "lead")
    # the whole line stays a name of the same program
    program = next(m.key for m in ex.mentions if m.key.name == "加强重大公共卫生安全风险源头防控")
    assert any(m.key == program and "切实保障" in m.surface for m in ex.mentions)


def test_a_building_verb_is_not_part_of_a_hospital_name(extract):
    ex = extract("加快建设县妇幼保健院、县疾控中心等重点项目。", title="灵璧县任务分解", issuer="灵璧县卫生健康委员会")
    hospitals = names(ex, "Hospital")
    assert "灵璧县妇幼保健院" in hospitals and not [h for h in hospitals if h.startswith("建设")]


@pytest.mark.skipif(not UNSEEN2.is_dir(), reason="unseen2 documents not in this checkout")
def test_real_county_task_division():
    ex = extract_document(read_document(UNSEEN2 / "v02_anhui_lingbi_task_division.txt"))
    lead = rels(ex, "lead")
    assert ("灵璧县民政局", "落实积极应对人口老龄化国家战略") in lead
    assert ("灵璧县卫生健康委员会", "创建国家卫生县城") in lead
    assert ("灵璧县经济开发区管理委员会", "创建国家卫生县城") in rels(ex, "support")


@pytest.mark.skipif(not UNSEEN2.is_dir(), reason="unseen2 documents not in this checkout")
def test_real_city_plan_with_tortoise_shell_clauses():
    ex = extract_document(read_document(UNSEEN2 / "v06_jiangxi_ganzhou_organization.txt"))
    lead = rels(ex, "lead")
    # the 〔…〕 clause after the first measure: the health commission leads it
    assert any(org.endswith("卫生健康委员会") and task == "加强组织领导" for org, task in lead)
    assert not [o for o, _ in rels(ex, "support") | lead if o.startswith("各")]


def test_a_task_table_flattened_one_cell_per_line(extract):
    text = ("序号\n\n主要任务\n\n牵头单位\n\n配合单位\n\n"
            "1.开展健康知识普及行动。\n\n省卫生健康委\n\n省教育厅\n\n"
            "2.实施控烟行动。\n\n省卫生健康委\n\n省市场监管局\n\n省人口计生\n\n省公安厅\n")
    ex = extract(text, title="某省健康行动任务分工表", issuer="浙江省人民政府")
    lead, support = rels(ex, "lead"), rels(ex, "support")
    # one line per column: the lead column, then the support column
    assert ("浙江省卫生健康委员会", "开展健康知识普及行动") in lead
    assert ("浙江省教育厅", "开展健康知识普及行动") in support
    # more unit lines than columns: the first leads, the rest support; a cut-short name is skipped
    assert ("浙江省卫生健康委员会", "实施控烟行动") in lead
    assert {("浙江省市场监督管理局", "实施控烟行动"), ("浙江省公安厅", "实施控烟行动")} <= support
    assert not [org for org, _ in lead | support if "人口计生" in org]


def test_unit_lines_without_a_header_are_no_list(extract):
    text = "1.开展健康知识普及行动。\n\n省卫生健康委\n\n省教育厅\n"
    ex = extract(text, title="某省健康行动", issuer="浙江省人民政府")
    assert not rels(ex, "lead") and not rels(ex, "support")


@pytest.mark.skipif(not UNSEEN2.is_dir(), reason="unseen2 documents not in this checkout")
def test_real_target_table_one_cell_per_line():
    ex = extract_document(read_document(UNSEEN2 / "v07_guangdong_women_health_targets.txt"))
    lead = rels(ex, "lead")
    tasks = {task for _, task in lead}
    assert {"提高孕产妇医疗保健水平", "妇女艾滋病、性病感染率得到控制"} <= tasks
    # the first unit line after each task leads: the province's health, family-planning or sports body
    assert {org for org, _ in lead} == {"广东省卫生厅", "广东省计生委员会", "广东省体育局"}
    assert ("广东省公安厅", "提高孕产妇医疗保健水平") in rels(ex, "support")


def test_a_second_segment_of_shared_duty_adds_its_units(extract):
    ex = extract("（一）加强组织领导。〔市卫生健康委、市教育局等各相关部门按职责分工负责，各县（市、区）人民政府、"
                 "赣州经济技术开发区管委会分别负责。〕\n", title="赣州市实施方案", issuer="赣州市人民政府")
    lead = rels(ex, "lead")
    assert {("赣州市卫生健康委员会", "加强组织领导"), ("赣州经济技术开发区管理委员会", "加强组织领导")} <= lead
    assert not [o for o, _ in lead if o.startswith("各")]


UNSEEN5 = Path(__file__).resolve().parents[1] / "unseen5" / "docs"


def test_a_units_trailing_note_and_levels_sharing_a_head(extract):
    ex = extract("一、主要任务\n（一）加强全民健康教育。将健康教育纳入国民教育体系。〔责任单位：省教育厅、体育局、卫健委，各市、县（区）人民政府，"
                 "平潭综合实验区管委会（以下有关内容均要求各地落实，不再重复）〕\n",
                 title="福建省“十四五”健康福建建设实施方案", issuer="福建省人民政府")
    leads = rels(ex, "lead")
    # 平潭综合实验区管委会: a zone's committee, named by its zone (its own name, as it signs it), not read by parts
    assert {("福建省教育厅", "加强全民健康教育"), ("平潭综合实验区管理委员会", "加强全民健康教育")} <= leads
    # 各市、县（区）人民政府 is a kind of body, not 县（区）人民政府; a note is no part of a name
    assert not [u for u, _ in leads if "县（区）" in u or "以下" in u]


def test_items_listed_before_a_shared_special_action_head(extract):
    ex = extract("强化全民健康生活方式指导及干预，开展健康体重、健康口腔、健康骨骼等专项行动。", title="某省健康行动方案")
    assert {"健康体重专项行动", "健康口腔专项行动", "健康骨骼专项行动"} <= names(ex, "Program")
    assert not [n for n in names(ex, "Program") if n.startswith("开展")]


def test_real_provincial_plan_with_a_note_in_its_unit_list():
    ex = extract_document(read_document(UNSEEN5 / "y02_fujian_14th_health_plan_tasks.txt"))
    assert not [u for u, _ in rels(ex, "lead") if "县（区）" in u or "以下" in u]
    assert {"健康体重专项行动", "健康骨骼专项行动"} <= names(ex, "Program")


def test_a_lead_named_with_you_and_its_partners_after_lianhe(extract):
    ex = extract("由省卫生健康委牵头，联合省教育厅、省体育局等30多个部门，研究制定了《关于实施健康湖北行动的实施意见》，"
                 "全面实施健康湖北行动。", title="健康湖北行动新闻", issuer="湖北省卫生健康委员会")
    assert ("湖北省卫生健康委员会", "健康湖北行动") in rels(ex, "lead")
    assert {("湖北省教育厅", "健康湖北行动"), ("湖北省体育局", "健康湖北行动")} <= rels(ex, "support")
    # without 由…牵头 before it, a body that only meets with others leads nothing
    ex = extract("会上，联合省教育厅开展调研。", title="新闻", issuer="湖北省卫生健康委员会")
    assert not rels(ex, "support")


def test_real_news_of_a_provincial_action_drafted_by_thirty_departments():
    ex = extract_document(read_document(UNSEEN5 / "y16_xinjiang_15_actions_news.txt"))
    assert {("新疆维吾尔自治区教育厅", "健康新疆行动"), ("新疆维吾尔自治区体育局", "健康新疆行动")} <= rels(ex, "support")


UNSEEN6 = Path(__file__).resolve().parents[1] / "unseen6" / "docs"


def test_this_event_organised_by_a_and_run_by_b_with_c_assisting(extract):
    ex = extract("厦门市2023年全民健康生活方式宣传月正式启动。本次活动由市卫生健康委员会主办，市疾病预防控制中心承办，"
                 "同安区慢性病综合防控示范区建设领导小组办公室协办。", title="某市2023年全民健康生活方式宣传月启动",
                 issuer="厦门市卫生健康委员会")
    leads, supports = rels(ex, "lead"), rels(ex, "support")
    assert leads == {("厦门市卫生健康委员会", "厦门市2023年全民健康生活方式宣传月")}
    assert {u for u, _ in supports} >= {"厦门市疾病预防控制中心", "同安区慢性病综合防控示范区建设领导小组办公室"}
    # the office is a body, and the zone inside its name no program
    assert "同安区慢性病综合防控示范区建设领导小组办公室" in names(ex, "Department")
    assert not [n for n in names(ex, "Program") if n.endswith("示范区")]


def test_without_an_anaphor_the_event_is_the_one_the_sentence_names(extract):
    ex = extract("某市开展健康知识竞赛。由市卫生健康委员会主办的健康科普大赛于5月举行。", title="新闻", issuer="厦门市卫生健康委员会")
    assert not [p for _, p in rels(ex, "lead") if p.endswith("竞赛")]


def test_real_news_of_a_citys_campaign_month():
    ex = extract_document(read_document(UNSEEN6 / "z19_fujian_xiamen_lifestyle_month.txt"))
    assert ("厦门市卫生健康委员会", "厦门市2023年全民健康生活方式宣传月") in rels(ex, "lead")
    assert ("同安区慢性病综合防范示范区建设领导小组办公室", "厦门市2023年全民健康生活方式宣传月") in rels(ex, "support")


def test_a_label_on_its_own_line_and_the_task_on_the_line_before(tmp_path):
    p = tmp_path / "livelihood.txt"
    p.write_text("某区2020年民生实事\n\n进一步完善托育服务体系，为不同年龄段幼儿家庭提供服务\n\n牵头单位:\n\n闵行区卫生健康委员会\n\n"
                 "协办单位:\n\n闵行区教育局\n\n进度安排\n\n第一季度：落实托育机构备案制度。\n", encoding="utf-8")
    src = read_document(p)
    assert "牵头单位:闵行区卫生健康委员会" in src.text  # one line: the label and its units
    ex = extract_document(src)
    assert ("闵行区卫生健康委员会", "进一步完善托育服务体系") in rels(ex, "lead")
    assert ("闵行区教育局", "进一步完善托育服务体系") in rels(ex, "support")


def test_real_livelihood_table_copied_cell_by_cell():
    ex = extract_document(read_document(UNSEEN6 / "z02_guangdong_guangming_childcare_livelihood.txt"))
    # 光明区 (a district of 深圳 since 2018) is in the region table since stop 46: its body is named by it, as any district's is
    assert ("光明区卫生健康局", "进一步完善托育服务体系") in rels(ex, "lead")


UNSEEN7 = Path(__file__).resolve().parents[1] / "unseen7" / "docs"


def test_a_note_that_the_first_listed_department_leads(extract):
    ex = extract("一、重点任务\n（一）落实政府责任。编制区域卫生规划。（市卫生健康委、市发展改革委、市财政局分别负责。排在第一位的部门为牵头部门，下同）\n",
                 title="某市深化医药卫生体制改革工作要点", issuer="嘉兴市人民政府")
    assert rels(ex, "lead") == {("嘉兴市卫生健康委员会", "落实政府责任")}
    assert {("嘉兴市发展和改革委员会", "落实政府责任"), ("嘉兴市财政局", "落实政府责任")} <= rels(ex, "support")


def test_real_traditional_work_points_with_the_first_listed_note():
    ex = extract_document(read_document(UNSEEN7 / "q03_guangdong_dongguan_reform_work_points_trad.txt"))
    assert rels(ex, "lead") == {("东莞市卫生和计划生育局", "落实政府责任")}


def test_a_clause_in_square_brackets_and_its_own_first_listed_note(extract):
    ex = extract("二、主要措施\n1.推进全域急救一体化。打造院前急救指挥调度全市一张网。[责任单位:市卫生健康委员会、市委编办、市数据资源局,"
                 "各区、县(市)政府,列第一位的为牵头单位,下同]\n", title="杭州市人民政府办公厅关于推进院前医疗急救高质量发展的实施意见",
                 issuer="杭州市人民政府办公厅")
    assert rels(ex, "lead") == {("杭州市卫生健康委员会", "推进全域急救一体化")}
    supports = {u for u, _ in rels(ex, "support")}
    assert {"中共杭州市委机构编制委员会办公室", "杭州市数据资源局"} <= supports
    assert not [u for u in supports if "牵头" in u or "下同" in u]  # the note is no unit


def test_real_city_opinion_flattened_into_one_line_under_a_drawn_table_border():
    src = read_document(UNSEEN7 / "q04_zhejiang_hangzhou_prehospital_emergency_opinion.txt")
    assert src.title == "杭州市人民政府办公厅关于推进院前医疗急救高质量发展的实施意见"
    assert "\n1.推进全域急救一体化" in src.folded  # the flattened headings start their lines again
    ex = extract_document(src)
    assert ("杭州市卫生健康委员会", "推进全域急救一体化") in rels(ex, "lead")


def test_a_program_and_the_projects_it_is_made_of(extract):
    ex = extract("中医药健康服务高质量发展工程包含重点医院建设、医疗集团建设、中医护理推广3个项目。", title="实施方案解读")
    assert rels(ex, "part") == {("重点医院建设", "中医药健康服务高质量发展工程"), ("医疗集团建设", "中医药健康服务高质量发展工程"),
                                ("中医护理推广", "中医药健康服务高质量发展工程")}


def test_named_actions_an_action_takes_in_and_no_count(extract):
    ex = extract("据悉，“健康临武行动”涵括了健康知识普及行动、合理膳食行动、全民健身行动。", title="新闻", issuer="临武县卫生健康局")
    assert {("健康知识普及行动", "健康临武行动"), ("全民健身行动", "健康临武行动")} <= rels(ex, "part")
    assert not [n for n in names(ex, "Program") if n.startswith("涵括")]
    # items that are no programs and no count: nothing
    ex = extract("健康临武行动包括宣传、培训和督导。", title="新闻")
    assert not rels(ex, "part")


def test_real_interpretation_of_a_citys_major_projects():
    ex = extract_document(read_document(UNSEEN7 / "q18_jiangsu_changzhou_tcm_project_interpretation.txt"))
    assert ("中医药信息化建设", "中医药健康服务高质量发展工程") in rels(ex, "part")


def test_real_meeting_news_of_a_county_action():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen4" / "docs" / "x02_hunan_linwu_action_meeting.txt"))
    assert ("合理膳食行动", "健康临武行动") in rels(ex, "part")


def test_a_lead_named_with_its_other_name_in_brackets(extract):
    ex = extract("在省级层面由省健康海南建设委员会（爱国卫生运动委员会）负责统筹推动落实“将健康融入所有政策”。",
                 title="新闻发布会实录", issuer="海南省卫生健康委员会")
    assert ("海南省健康海南建设委员会（爱国卫生运动委员会）", "将健康融入所有政策") in rels(ex, "lead")


def test_real_press_conference_naming_the_merged_committee_as_lead():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "dev" / "docs" / "h07_hainan_press_conference.txt"))
    assert ("海南省健康海南建设委员会（爱国卫生运动委员会）", "将健康融入所有政策") in rels(ex, "lead")


def test_the_items_a_quoted_count_closes_are_its_parts(extract):
    # real wording: unseen10 t05 (自贡: 新时代爱国卫生“八大行动”); the items written here
    text = "全市深入推进家园清洁行动、周末大扫除行动和健康细胞建设行动等新时代爱国卫生“三大行动”，成效明显。"
    parts = {(r.source.name, r.target.name) for r in extract(text, title="自贡市爱国卫生工作").relations if r.kind == "part"}
    assert parts == {(p, "新时代爱国卫生“三大行动”") for p in ("家园清洁行动", "周末大扫除行动", "健康细胞建设行动")}


def test_a_run_of_quoted_names_a_quoted_count_closes_are_its_parts(extract):
    text = "今年以来，某县组织7部门，启动实施“心理健康”“肥胖防控”“爱眼护眼”少年儿童健康护航“三大行动”，惠及全县少年儿童。"
    parts = {(r.source.name, r.target.name) for r in extract(text, title="某县新闻").relations if r.kind == "part"}
    assert parts == {(p, "少年儿童健康护航“三大行动”") for p in ("心理健康", "肥胖防控", "爱眼护眼")}
    # near case: a run of four quoted names before a count of three gives none
    text = text.replace("“心理健康”", "“心理健康”“口腔健康”")
    assert not [r for r in extract(text, title="某县新闻").relations if r.kind == "part"]


def test_real_county_news_of_six_actions_in_traditional_script():
    # real wording: unseen49 lm05 (莘縣): 啟動實施“心理健康”“肥胖防控”“健齒微笑”“愛眼護眼”“中醫藥文化”“學校衛生”少年兒童健康護航“六大行動”
    path = next((Path(__file__).resolve().parents[1] / "unseen49" / "docs").glob("lm05_*.txt"))
    parts = {(r.source.name, r.target.name) for r in extract_document(read_document(path)).relations if r.kind == "part"}
    assert len(parts) == 6 and {t for _, t in parts} == {"少年儿童健康护航“六大行动”"}


@pytest.mark.parametrize("text", [
    "要深入开展城乡环境卫生整治、垃圾污水治理、厕所革命、饮用水安全保障、病媒生物防制五大行动。",   # unquoted: a description
    "深入推进健康知识普及行动、合理膳食行动等爱国卫生“三大行动”，取得成效。",                     # two items, three counted
    "通过开展妊娠风险防范、危急重症救治、质量安全提升爱国卫生“三大行动”具体措施，降低死亡率。",      # the count qualifies a noun
    # bare: annotators split on it (unseen7 q15 names 六大行动 a program, unseen8 r18 its 四大工程 none)
    "据悉，北辰区深入推进学校卫生指南和标准普及行动、中小学生健康月行动和健康父母行动等“三大行动”，提供支持。",
])
def test_a_count_that_names_no_set_or_disagrees_gives_no_parts(text, extract):
    assert not [r for r in extract(text, title="某市新闻").relations if r.kind == "part"]
