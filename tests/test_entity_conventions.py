"""Entity conventions learned from documents the rules were not written on (unseen2/): a
written sentence for each, and the real document it came from."""
import re
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.ingest import read_document

UNSEEN2 = Path(__file__).resolve().parents[1] / "unseen2" / "docs"


def names(ex, typ):
    return {m.key.name for m in ex.mentions if m.key.type == typ}


def members(ex):
    return {(r.source.name, r.target.name) for r in ex.relations if r.kind == "member"}


def test_a_consortium_named_by_its_two_hospitals(extract):
    ex = extract("湖南省人民医院与衡山县人民医院举行医联体签约仪式。湖南省人民医院与衡山县人民医院医联体正式成立。",
                 title="衡山县新闻", issuer="衡山县融媒体中心")
    consortium = "湖南省人民医院与衡山县人民医院医联体"
    assert consortium in names(ex, "MedicalConsortium")
    assert {("湖南省人民医院", consortium), ("衡山县人民医院", consortium)} <= members(ex)
    assert "衡山县人民医院医联体" not in names(ex, "MedicalConsortium")


def test_a_name_joined_by_ji_is_one_consortium(extract):
    ex = extract("安庆市第一人民医院与宿松县中医院医联体暨妇产科专科联盟正式签约揭牌。", title="宿松县新闻")
    assert "安庆市第一人民医院与宿松县中医院医联体暨妇产科专科联盟" in names(ex, "MedicalConsortium")


def test_an_affiliated_hospital_is_one_hospital(extract):
    ex = extract("安徽医科大学附属安庆第一人民医院派出专家坐诊。", title="宿松县新闻")
    assert any(n.endswith("附属安庆第一人民医院") for n in names(ex, "Hospital"))


@pytest.mark.parametrize("sentence", [
    "签约仪式上，双方医院正式签署合作协议。",
    "作为我市大型三甲医院，综合实力雄厚。",
    "认真履行好主体医院责任。",
    "“过去镇卫生院连常规心电图都做不了。”",
    "力争实现县办中医医院全覆盖。",
    "争创国家中医医学中心。",
])
def test_a_hospital_named_by_its_kind_or_role_is_no_hospital(extract, sentence):
    assert names(extract(sentence, title="某县新闻"), "Hospital") == set()


@pytest.mark.skipif(not UNSEEN2.is_dir(), reason="unseen2 documents not in this checkout")
def test_real_two_hospital_consortium():
    ex = extract_document(read_document(UNSEEN2 / "v14_hunan_hengshan_consortium.txt"))
    consortium = "湖南省人民医院与衡山县人民医院医联体"
    assert {("湖南省人民医院", consortium), ("衡山县人民医院", consortium)} <= members(ex)


def test_actions_listed_with_one_shared_head(extract):
    ex = extract("要深入开展城乡环境卫生整治、垃圾污水治理、厕所革命、饮用水安全保障、病媒生物防制五大行动。", title="某省新闻")
    assert {"城乡环境卫生整治行动", "垃圾污水治理行动", "厕所革命", "饮用水安全保障行动", "病媒生物防制行动"} <= names(ex, "Program")


def test_a_counted_list_of_actions_that_follows(extract):
    ex = extract("方案明确了16项专项行动，分别为健康知识普及、合理膳食、控烟、传染病及地方病防控。", title="某省新闻")
    assert {"健康知识普及行动", "合理膳食行动", "控烟行动", "传染病及地方病防控行动"} <= names(ex, "Program")


def test_a_list_without_a_count_is_not_split_into_actions(extract):
    ex = extract("开展健康知识普及、合理膳食宣传活动。", title="某省新闻")
    assert "健康知识普及行动" not in names(ex, "Program")


@pytest.mark.skipif(not UNSEEN2.is_dir(), reason="unseen2 documents not in this checkout")
def test_real_news_listing_eight_actions():
    ex = extract_document(read_document(UNSEEN2 / "v09_ningxia_2013_action_targets.txt"))
    assert {"健康知识普及行动", "疾病控制行动", "健康产业促进行动"} <= names(ex, "Program")


def test_a_quoted_model_of_consortium_is_no_consortium(extract):
    ex = extract("全面推行以县级公立医院为龙头的“1+X+N”医共体模式。组建“瑞金—静安”心血管专科联盟。", title="某省新闻")
    consortia = names(ex, "MedicalConsortium")
    assert not [c for c in consortia if "1+X+N" in c]
    assert any("瑞金" in c for c in consortia)


def test_a_hospitals_own_specialty_alliance(extract):
    ex = extract("6月28日，东南大学附属中大医院生殖健康专科联盟在南京成立。中大医院生殖健康专科联盟首批成员单位14家。", title="南京新闻")
    assert names(ex, "MedicalConsortium") == {"东南大学附属中大医院生殖健康专科联盟"}  # the short form is the same one
    # a verb between hospital and specialty: the hospital signs, no alliance is named by it
    ex = extract("西南医科大学附属医院签署医疗联合体合作协议。", title="叙永县新闻")
    assert names(ex, "MedicalConsortium") == set()


def test_members_listed_after_the_consortium(extract):
    text = ("东南大学附属中大医院生殖健康专科联盟在南京成立。主任宣读了联盟成员名单，金湖县中医院、兴化市人民医院、"
            "泗阳县中医院和江苏省卫生健康发展研究中心成为首批联盟单位。")
    ex = extract(text, title="南京新闻")
    consortium = "东南大学附属中大医院生殖健康专科联盟"
    assert {("金湖县中医院", consortium), ("兴化市人民医院", consortium), ("泗阳县中医院", consortium)} <= members(ex)
    assert not [o for o, _ in members(ex) if "研究中心" in o]  # not named as a hospital: left out, not guessed


def test_members_set_out_by_place_under_a_heading_that_names_them(extract):
    text = ("市第一人民医院牵头组建“江南眼科专科联盟”。\n联盟单位（按省市排序）\n"
            "浙江省：浙江省人民医院、杭州市第一人民医院\n江苏省：江苏省人民医院（南京医科大学第一附属医院）、苏州市第九人民医院\n")
    consortium = "江南眼科专科联盟"
    got = members(extract(text, title="倡议书"))
    assert {("浙江省人民医院", consortium), ("杭州市第一人民医院", consortium), ("江苏省人民医院", consortium),
            ("苏州市第九人民医院", consortium)} <= got, got
    # a heading of its own is needed: a place's line alone after a consortium's news lists no members
    near = members(extract("“江南眼科专科联盟”成立。\n浙江省：浙江省人民医院、杭州市第一人民医院\n", title="新闻"))
    assert ("浙江省人民医院", consortium) not in near


def test_real_member_roll_by_place_and_a_partners_alliance():
    ex = extract_document(read_document(ROOT_DIR / "unseen24" / "docs" / "f07_tianjin_eye_hospital_alliance_proposal.txt"))
    consortium = "天津市眼科医院协作医院专科联盟"
    got = members(ex)
    assert {("中国医学科学院北京协和医院", consortium), ("河北省眼科医院", consortium), ("北京大学第三医院", consortium)} <= got
    # …医院协作医院专科联盟: the alliance of the hospital's partners; the hospital named is 天津市眼科医院
    assert ("天津市眼科医院", consortium) in got
    assert "天津市眼科医院协作医院" not in names(ex, "Hospital")


@pytest.mark.parametrize("text, hospital, elsewhere", [
    ("苏州市第九人民医院参加。", "苏州市第九人民医院", "上海交通大学医学院附属第九人民医院"),
    ("海南省肿瘤医院建成投用。", "海南省肿瘤医院", None),
])
def test_a_place_before_a_known_hospitals_short_name_names_its_own(extract, text, hospital, elsewhere):
    got = names(extract(text, title="新闻"), "Hospital")
    assert hospital in got and elsewhere not in got, got
    # the known hospital's own place before it still names it
    assert "上海交通大学医学院附属第九人民医院" in names(extract("上海市第九人民医院参加。", title="新闻"), "Hospital")


def test_real_province_hospital_is_no_known_hospital_of_another_city():
    ex = extract_document(read_document(ROOT_DIR / "unseen6" / "docs" / "z14_hebei_deputies_news.txt"))
    assert "河北省胸科医院" in names(ex, "Hospital")
    assert "上海交通大学医学院附属胸科医院" not in names(ex, "Hospital")


@pytest.mark.parametrize("text, hospital", [
    ("北京协和医院专家来我县义诊。", "北京协和医院"),  # the 和 of 协和 is no "and"
    ("中国医学科学院北京协和医院、北京大学第三医院参加。", "中国医学科学院北京协和医院"),
])
def test_the_he_of_xiehe_is_no_and(extract, text, hospital):
    assert hospital in names(extract(text, title="新闻"), "Hospital")


def test_members_that_joined_listed_after_分别包含(extract):
    # real: unseen31 jb08 (泉州 news): …牵头单位为A,有26家联盟单位加入,分别包含B、C…
    text = ("泉州市新生儿专科联盟正式成立。泉州市新生儿专科联盟牵头单位为泉州市妇幼保健院·儿童医院，有26家联盟单位加入，"
            "分别包含泉州市中医院、石狮市医院、晋江市安海医院等。")
    ex = extract(text, title="泉州新闻")
    consortium = "泉州市新生儿专科联盟"
    assert {("泉州市中医院", consortium), ("石狮市医院", consortium), ("晋江市安海医院", consortium)} <= members(ex)


def test_a_hospital_that_leads_an_alliance_is_its_member_and_no_relative_clause_is_a_program(extract):
    ex = extract("6月11日，由泉州市妇幼保健院·儿童医院牵头组建的泉州市新生儿专科联盟正式成立。", title="泉州新闻")
    assert ("泉州市妇幼保健院·儿童医院", "泉州市新生儿专科联盟") in members(ex)
    assert not [n for n in names(ex, "Program") if n.startswith("组建的")]


def test_该院_names_the_hospital_named_before(extract):
    ex = extract("记者从郑州大学第一附属医院获悉，由该院儿童医院牵头成立的“河南省儿童专科联盟”正式启动。", title="郑州新闻")
    assert "郑州大学第一附属医院儿童医院" in names(ex, "Hospital")
    assert not [n for n in names(ex, "Hospital") | names(ex, "Department") if "该院" in n]
    # real: unseen31 jb11 — its specialties joined by 与, where a name's left edge stops
    ex = extract("昨日，记者从郑州大学第一附属医院获悉，由该院生殖与遗传专科医院牵头成立的“河南省生殖医学专科联盟”正式启动。", title="郑州新闻")
    assert ("郑州大学第一附属医院生殖与遗传专科医院", "河南省生殖医学专科联盟") in members(ex)
    # no hospital named before: 该院 resolves to none
    ex = extract("由该院儿童医院牵头成立儿童专科联盟。", title="郑州新闻")
    assert not [n for n in names(ex, "Hospital") if "儿童医院" in n]


# 来自A、B及C等多家成员单位代表…: a list its clause closes as members, of the consortium named before
def test_hospitals_a_clause_closes_as_members(extract):
    # real wording: unseen39 lc05 (内蒙古自治区中医皮肤病专科联盟)
    text = ("内蒙古自治区中医皮肤病专科联盟成立大会召开。来自内蒙古医科大学附属医院、内蒙古自治区人民医院、鄂尔多斯市中医医院"
            "及乌海市海勃湾区中医院等多家成员单位代表，共同见证了联盟的成立。")
    ex = extract(text, title="内蒙古自治区中医皮肤病专科联盟正式成立")
    consortium = "内蒙古自治区中医皮肤病专科联盟"
    assert {("内蒙古医科大学附属医院", consortium), ("内蒙古自治区人民医院", consortium), ("鄂尔多斯市中医医院", consortium)} <= members(ex)
    # no consortium named before the list: nothing
    ex = extract("来自内蒙古医科大学附属医院、内蒙古自治区人民医院等多家成员单位代表参加会议。", title="会议新闻")
    assert members(ex) == set()


def test_a_member_list_needs_a_consortium_named_before_it(extract):
    ex = extract("18家联盟医院分别是，眉山市人民医院、仁寿县人民医院、资阳市人民医院。", title="成都新闻")
    assert members(ex) == set()


@pytest.mark.parametrize("sentence, name", [
    ("区卫健委开展“健康加油站”，服务居民。", "健康加油站"),               # a launching verb before it
    ("建立了数字化“共享药柜”，方便取药。", "共享药柜"),                  # the verb a few characters before
    ("推进“健康乡镇”“健康村居”建设。", "健康乡镇"),                      # a run of quotes shares its noun
    ("“双向转诊、分级诊疗”工作有序推进。", "双向转诊、分级诊疗"),          # a noun of undertaking after it
    ("市民可登录“健康市民服务平台”查询。", "健康市民服务平台"),            # its last word says what it is
])
def test_a_quoted_phrase_the_text_acts_on_is_a_program(extract, sentence, name):
    assert name in names(extract(sentence, title="某区新闻"), "Program")


@pytest.mark.parametrize("sentence, name", [
    ("筑牢疫情防控的“铜墙铁壁”。", "铜墙铁壁"),                           # a metaphor
    ("专家化身“科普翻译官”，走进社区。", "科普翻译官"),                  # a role
    ("科学应对“小胖墩”“节日胖”等体重问题。", "小胖墩"),                    # a description
    ("当好自身健康“第一责任人”。", "第一责任人"),
    # a quoted manner or kind modifies the noun after it (grammar.json quoted_modifiers)
    ("推动各区实现婚育“一站式”服务点全覆盖。", "一站式服务"),
    ("推动各区实现婚育“一站式”服务点全覆盖。", "一站式"),
    ("完善“网格化”儿童健康管理救治体系。", "网格化"),
    ("组建“紧密型”县域医共体。", "紧密型"),
])
def test_a_quoted_phrase_the_text_does_not_act_on_is_no_program(extract, sentence, name):
    assert name not in names(extract(sentence, title="某区新闻"), "Program")


DEV = Path(__file__).resolve().parents[1] / "dev" / "docs"


def test_real_news_metaphors_are_no_programs_and_its_actions_are():
    ex = extract_document(read_document(DEV / "h05_guizhou_health_literacy_news.txt"))
    programs = names(ex, "Program")
    assert not {"铜墙铁壁", "观念长城", "隐形防护服", "科普翻译官"} & programs
    assert "健康贵州" in programs | forms(ex, "健康贵州建设")  # “健康贵州”建设: one program, both forms


def test_real_quoted_modifiers_are_no_programs():
    # h03: 为老年人提供医疗、康复、护理、照护等“一站式”服务
    ex = extract_document(read_document(DEV / "h03_jiangxi_health_in_all_policies.txt"))
    assert not {"一站式服务", "一站式"} & names(ex, "Program")


def test_kinds_of_facilities_a_plan_intends_are_no_programs(extract):
    ex = extract("统筹建设全民健身场地设施，推进健康步道、健康主题公园、配套体育设施建设。", title="某省实施方案")
    assert not {"健康步道", "健康主题公园", "配套体育设施"} & names(ex, "Program")


def test_projects_a_plan_names_by_their_own_head_are_programs(extract):
    ex = extract("推动光华中西医结合医院异地迁建、长宁区妇幼保健院改扩建、同仁医院急诊大楼改扩建等。", title="长宁区新闻")
    assert {"长宁区妇幼保健院改扩建", "同仁医院急诊大楼改扩建"} <= names(ex, "Program")


def test_real_plan_listing_facilities_to_build():
    ex = extract_document(read_document(DEV / "h03_jiangxi_health_in_all_policies.txt"))
    assert not {"健康步道", "互联网医院", "智慧医院"} & names(ex, "Program")


def test_a_hospital_written_with_its_city_and_district_keeps_the_written_form(extract):
    ex = extract("成都市温江区人民医院、都江堰市人民医院加入联盟。", title="四川省人民医院新闻")
    hospitals = {m.key.name: m.surface for m in ex.mentions if m.key.type == "Hospital"}
    assert "都江堰市人民医院" in hospitals                        # not 江堰市: 都 is the region's own character
    assert any(s == "成都市温江区人民医院" for s in hospitals.values())  # the written form, an alias of the name


@pytest.mark.parametrize("sentence", ["18家联盟医院分别与我院签约。", "对口帮扶医院派出专家。", "来自省内的18家地、市、州人民医院加入联盟。"])
def test_a_hospital_named_by_its_role_or_level_is_no_hospital(extract, sentence):
    assert names(extract(sentence, title="某院新闻"), "Hospital") == set()


UNSEEN3 = Path(__file__).resolve().parents[1] / "unseen3" / "docs"


def test_real_alliance_news_listing_eighteen_hospitals():
    ex = extract_document(read_document(UNSEEN3 / "w03_sichuan_reproductive_alliance.txt"))
    hospitals = names(ex, "Hospital")
    assert {"都江堰市人民医院", "德阳市人民医院", "凉山彝族自治州第一人民医院"} <= hospitals
    assert not {"江堰市人民医院", "联盟医院", "州人民医院", "地市州人民医院"} & hospitals


def test_a_body_written_after_its_autonomous_regions_level_word(extract):
    ex = extract("此次专项督查由自治区教育厅、自治区卫生健康委、自治区体育局组成联合督查组。", title="内蒙古自治区新闻",
                 issuer="内蒙古自治区卫生健康委员会")
    assert {"内蒙古自治区教育厅", "内蒙古自治区卫生健康委员会", "内蒙古自治区体育局"} <= names(ex, "Department")
    assert not {"教育厅", "体育局"} & names(ex, "Department")


def test_real_news_of_an_autonomous_regions_plan():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen2" / "docs" /
                                        "v09_ningxia_2013_action_targets.txt"))
    assert "宁夏回族自治区卫生厅" in names(ex, "Department") and "卫生厅" not in names(ex, "Department")


def test_a_body_of_an_earlier_reorganisation_is_that_body(extract):
    ex = extract("本次活动由福建省卫计委主办。自治区卫生厅、环保厅、文化厅等8个部门参加。", title="新闻",
                 issuer="福建省卫生和计划生育委员会")
    depts = names(ex, "Department")
    assert "福建省卫生和计划生育委员会" in depts and "福建省卫生健康委员会" not in depts


def test_real_news_of_a_provincial_health_and_family_planning_commission():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen2" / "docs" /
                                        "v19_fujian_lifestyle_phase2.txt"))
    assert {"福建省卫生和计划生育委员会", "福州市卫生和计划生育委员会"} <= names(ex, "Department")


def test_an_action_named_inside_its_committees_name_is_no_program_there(extract):
    ex = extract("经健康广东行动推进委员会主任同意，现印发给你们。", title="广东省通知")
    assert not [n for n in names(ex, "Program") if "健康广东行动" in n]
    assert any(n.endswith("健康广东行动推进委员会") for n in names(ex, "Department"))


def test_a_pages_metadata_label_is_no_part_of_a_document_number(extract):
    ex = extract("索引号000014349/2018-00073文号藏政发〔2017〕23号\n西藏自治区人民政府关于印发规划的通知", title="通知")
    assert "藏政发〔2017〕23号" in names(ex, "PolicyDocument")
    assert not [n for n in names(ex, "PolicyDocument") if n.startswith("文号")]


def forms(ex, name):
    return {m.surface for m in ex.mentions if m.key.name == name}


def test_a_campaigns_construction_is_the_campaign_too(extract):
    # 推进健康江西建设 names the campaign 健康江西: one program, both forms its names
    ex = extract("深入推进健康江西建设，落实健康优先战略。", title="江西省实施方案")
    assert "健康江西" in forms(ex, "健康江西建设")
    assert "健康江西" not in names(ex, "Program")  # one program, not two


def test_real_news_naming_the_campaign_by_its_construction():
    ex = extract_document(read_document(DEV / "h05_guizhou_health_literacy_news.txt"))  # 要推进健康中国建设
    assert "健康中国" in forms(ex, "健康中国建设")


@pytest.mark.parametrize("sentence, name", [
    ("一年多以来，各地的健康行动取得了哪些进展？", "健康行动"),           # a quality before the head, no name
    ("倡导各级政府和社会各界共同参与、共同行动。", "共同行动"),
    ("文明健康的生活方式成为人民的自觉行动。", "自觉行动"),
    ("开展跨部门健康行动，出台多部门健康公共政策。", "跨部门健康行动"),
])
def test_a_head_with_only_a_manner_before_it_is_no_program(extract, sentence, name):
    assert name not in names(extract(sentence, title="某省新闻"), "Program")


def test_a_manner_word_inside_a_platforms_name_stays(extract):
    ex = extract("特别考察了家庭医生签约服务与健康云平台的协同运作模式。", title="某区新闻")
    assert "健康云平台" in names(ex, "Program")


def test_a_series_of_actions_is_named_without_series(extract):
    ex = extract("组织各地各部门大力开展系列爱国卫生专项行动，助力疫情防控。", title="某省新闻")
    assert "爱国卫生专项行动" in names(ex, "Program") and "系列爱国卫生专项行动" not in names(ex, "Program")


def test_real_press_conference_names_no_innovation_action():
    # h07: …是海南将健康融入所有政策实施方案中的创新行动
    ex = extract_document(read_document(DEV / "h07_hainan_press_conference.txt"))
    assert not {"创新行动", "发展行动"} & names(ex, "Program")


def test_a_quoted_campaign_and_its_construction_are_one_program(extract):
    ex = extract("致力于推进“健康华蓥”建设，有效整合医疗资源。", title="华蓥市新闻")
    assert "健康华蓥建设" in names(ex, "Program") and "健康华蓥" in forms(ex, "健康华蓥建设")
    assert "健康华蓥" not in names(ex, "Program")


def test_real_plan_building_a_quoted_county_title():
    # h04: 具体负责指导解决“省级健康促进县（区）”建设过程中的重要事务
    ex = extract_document(read_document(DEV / "h04_jurong_health_in_all_policies.txt"))
    assert "省级健康促进县（区）建设" in names(ex, "Program")


@pytest.mark.parametrize("sentence, name", [
    ("全面建成以中医类医院为主体、其他类别医院为骨干的服务网络。", "中医类医院"),  # a class of hospitals
    ("加强妇幼保健机构、公立妇女儿童专科医院标准化建设。", "公立妇女儿童专科医院"),   # kinds only
    ("持续推进儿童友好医院建设工作。", "儿童友好医院"),                            # a title hospitals earn
    ("在本地医院就能做手术。", "本地医院"),
])
def test_a_class_or_kind_of_hospital_is_no_hospital(extract, sentence, name):
    assert name not in names(extract(sentence, title="某省实施方案"), "Hospital")


def test_real_plan_naming_kinds_of_hospitals():
    ex = extract_document(read_document(DEV / "h02_hainan_child_health.txt"))
    assert not {"儿童友好医院", "公立妇女儿童专科医院"} & names(ex, "Hospital")


def test_a_campaigns_construction_committee_is_a_body(extract):
    ex = extract("成立健康赣州建设委员会，统筹推进健康赣州建设。", title="赣州市实施方案")
    assert any(n.endswith("健康赣州建设委员会") for n in names(ex, "Department"))


def test_a_body_written_with_its_other_name_in_brackets_is_one_body(extract):
    ex = extract("由省健康海南建设委员会（爱国卫生运动委员会）负责统筹推动落实。", title="海南省新闻发布会")
    depts = names(ex, "Department")
    assert any(n.endswith("健康海南建设委员会（爱国卫生运动委员会）") for n in depts)
    assert not any(n.endswith("健康海南建设委员会") for n in depts)


def test_real_press_conference_naming_the_merged_committee():
    ex = extract_document(read_document(DEV / "h07_hainan_press_conference.txt"))
    assert "海南省健康海南建设委员会（爱国卫生运动委员会）" in names(ex, "Department")


DEV = Path(__file__).resolve().parents[1] / "dev" / "docs"
HELDOUT = Path(__file__).resolve().parents[1] / "heldout" / "docs"


@pytest.mark.parametrize("sentence, region", [
    ("遵义市播州区第一小学开展健康学校建设。", "遵义市"),       # a school's name
    ("湖南省卫生健康委员会关于公布营养健康学校名单的通知\n公安县实验小学、遵义市育才第二小学入选。", "公安县"),
    ("友谊医院顺义院区基本完工。", "顺义区"),                   # a hospital's campus
    ("办好上海合作组织传统医学论坛。", "上海市"),               # an organisation's name
    ("新华网北京7月6日电 湖南省印发健康湖南行动。", "北京市"),   # a news dateline
    ("甘肃经济日报兰州讯 近日，全省启动肿瘤防治宣传周。", "兰州市"),
    ("各市、自治州人民政府，兰州新区管委会，省政府有关部门：", "兰州市"),  # a national new area, not the city
])
def test_a_region_written_only_as_the_first_word_of_a_name_or_a_dateline_is_no_region(extract, sentence, region):
    assert region not in names(extract(sentence, title="湖南省卫生健康委员会关于公布营养健康学校名单的通知",
                                       issuer="湖南省卫生健康委员会"), "Region")


def test_a_region_that_opens_a_sentence_of_its_own_is_a_region(extract):
    assert "遵义市" in names(extract("遵义市开展健康学校建设，覆盖全市小学。", title="新闻"), "Region")
    assert "北京市" in names(extract("北京市7月6日启动健康北京行动。", title="新闻"), "Region")


def test_a_city_hospital_keeps_its_citys_name(extract):
    # 市中医医院 is a Shanghai hospital's alias in the gazetteer: 铜仁市中医医院 is not 铜仁 + that one
    ex = extract("贵州省卫生健康委员会通报。铜仁市中医医院举行健康知识讲座。", title="贵州省健康素养新闻")
    assert "铜仁市中医医院" in names(ex, "Hospital") and "上海市中医医院" not in names(ex, "Hospital")
    # in a province's document 市中医医院 is some city's: which one the text does not say
    ex = extract("贵州省卫生健康委员会通报。很高兴市中医医院能举办讲座。", title="贵州省健康素养新闻")
    assert not [n for n in names(ex, "Hospital") if n.endswith("中医医院")]


def test_real_news_naming_schools_and_a_city_hospital():
    ex = extract_document(read_document(DEV / "h05_guizhou_health_literacy_news.txt"))
    assert "铜仁市中医医院" in names(ex, "Hospital")
    assert not {"遵义市", "播州区", "铜仁市"} & names(ex, "Region")


def test_real_news_with_a_dateline():
    ex = extract_document(read_document(HELDOUT / "u24_hunan_xinhua_news.txt"))
    assert "北京市" not in names(ex, "Region") and "湖南省" in names(ex, "Region")


@pytest.mark.parametrize("sentence, name", [
    ("近日，甘肃省第29届全国肿瘤防治宣传周在兰州启动。", "全国肿瘤防治宣传周"),  # the campaign, not its edition
    ("5月20日是第36届“5·20”中国学生营养日。", "“5·20”中国学生营养日"),         # its date is part of its name
    ("结合全民健康素养宣传月开展健康科普。", "全民健康素养宣传月"),
    ("组织开展全国老年健康宣传周等活动。", "全国老年健康宣传周"),
])
def test_a_named_campaign_week_month_or_day_is_a_program(extract, sentence, name):
    assert name in names(extract(sentence, title="新闻"), "Program")


def test_real_news_of_a_campaign_weeks_edition():
    ex = extract_document(read_document(HELDOUT / "u18_gansu_cancer_screening_news.txt"))
    assert "全国肿瘤防治宣传周" in names(ex, "Program")
    assert not [n for n in names(ex, "Program") if "第29届" in n]


def test_the_partys_name_before_a_committee_is_part_of_its_surface(extract):
    ex = extract("中共云南省委 云南省人民政府关于做好2022年重点工作的实施意见\n为深入贯彻落实，提出如下意见。",
                 title="中共云南省委 云南省人民政府关于做好2022年重点工作的实施意见")
    assert any(m.surface == "中共云南省委" for m in ex.mentions if m.key.type == "Department")


@pytest.mark.parametrize("sentence", [
    "各区县(市)卫健局、委属各单位、委机关各处室：",                       # 各 and the levels it spans
    "各地、州、市卫生健康委、民政局、财政局、人力资源和社会保障局、医疗保障局：",  # every item of the list
    "各县（市、区）卫健局、泉州开发区社会事业局：",
])
def test_bodies_of_every_area_an_addressee_line_names_are_no_one_body(extract, sentence):
    ex = extract(sentence + "\n为进一步加强试验区建设，现就有关事项通知如下。", title="关于加强建设的通知", issuer="沈阳市卫生健康委员会")
    assert not [n for n in names(ex, "Department") if n.endswith(("卫生健康局", "民政局", "财政局", "医疗保障局"))]


def test_a_body_named_after_a_list_of_units_that_opens_otherwise_is_kept(extract):
    ex = extract("各单位要积极配合区卫生健康委员会、区民政局开展工作。", title="通知", issuer="上海市闵行区人民政府")
    assert {"闵行区卫生健康委员会", "闵行区民政局"} <= names(ex, "Department")


def test_real_notice_to_every_prefectures_bureaus():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen5" / "docs" /
                                        "y20_xinjiang_grassroots_pilot_notice.txt"))
    assert not [n for n in names(ex, "Department") if n.startswith("新源县")]


@pytest.mark.parametrize("sentence, program", [
    ("深入开展健康知识普及行动，提升居民健康素养。", "健康知识普及行动"),   # the 及 of 普及 is no "and"
    ("实施健康知识普及及合理膳食行动。", "合理膳食行动"),                   # the second 及 is
])
def test_the_ji_of_puji_ends_no_name(extract, sentence, program):
    assert program in names(extract(sentence, title="某市健康行动方案"), "Program")


def test_puji_as_the_verb_opens_no_name(extract):
    assert not [n for n in names(extract("为进一步普及科学运动知识，开展健步走活动。", title="新闻"), "Program") if n.startswith("普及")]


def test_real_news_naming_the_health_knowledge_action():
    ex = extract_document(read_document(HELDOUT / "u16_tianjin_health_cells_news.txt"))
    assert "健康知识普及行动" in names(ex, "Program")


UNSEEN7 = Path(__file__).resolve().parents[1] / "unseen7" / "docs"


@pytest.mark.parametrize("title, action", [
    ("杭州市人民政府办公厅关于推进院前医疗急救高质量发展的实施意见", "推进院前医疗急救高质量发展"),
    ("四川省遏制艾滋病传播实施方案（2020—2022）", "遏制艾滋病传播"),
    ("区社会心理服务体系建设试点工作实施方案", "社会心理服务体系建设试点工作"),
    # a reprint: the document's number in front (and the whole title in 《》: q10 below)
    ("津政办发〔2021〕12号天津市人民政府办公厅关于印发天津市推进托育服务发展实施方案的通知", "推进托育服务发展"),
    # the plan's period before the region, a 实施规划, the control of a disease
    ("湖南省人民政府关于印发2021年至2025年湖南省结核病防治实施规划的通知", "结核病防治"),
    ("关于印发佛山市深化医药卫生体制改革近期工作要点的通知", "深化医药卫生体制改革"),
    # a notice whose title holds the plan's own 关于…; an urged construction is the construction
    ("区人民政府办公室关于印发关于进一步加强院前急救体系建设的实施方案的通知", "院前急救体系建设"),
    ("市卫生健康委关于加强基层医疗卫生服务体系建设的实施意见", "基层医疗卫生服务体系建设"),
])
def test_the_action_a_plans_title_names(extract, title, action):
    ex = extract(title + "\n为贯彻落实有关要求，制定本方案。", title=title)
    assert action in names(ex, "Program")


@pytest.mark.parametrize("title", [
    "关于推进健康榆阳行动的实施意见",              # the action is the program it names
    "关于做好2022年全面推进乡村振兴重点工作的实施意见",  # a year's work, no named action
    "某县卫生健康局2023年工作总结",                # no plan
    "天津市进一步完善医疗卫生服务体系实施方案",      # an adverb and a verb on no construction: none
])
def test_a_title_that_names_no_action_of_its_own(extract, title):
    ex = extract(title + "\n为贯彻落实有关要求，制定本方案。", title=title)
    assert not [n for n in names(ex, "Program") if n.startswith(("推进健康榆阳行动", "做好", "某县", "完善", "进一步"))]


def test_real_provincial_plan_named_by_its_action():
    ex = extract_document(read_document(UNSEEN7 / "q07_sichuan_hiv_transmission_plan_targets.txt"))
    assert "遏制艾滋病传播" in names(ex, "Program")


@pytest.mark.parametrize("stem, action", [
    ("q10_chongqing_elderly_care_plan_trad", "推进养老服务发展"),        # 渝府办发〔2019〕129号《…的通知》
    ("q08_shaanxi_endemic_disease_plan_targets", "地方病防治"),          # 2001年至2005年陕西省…实施规划
    ("q03_guangdong_dongguan_reform_work_points_trad", "深化医药卫生体制改革"),  # …近期工作要点
    ("q09_neimenggu_kezuozhongqi_hiv_plan_targets", "遏制与防治艾滋病"),   # 科左中旗… (a banner's short name)
])
def test_real_plans_named_by_the_action_of_their_title(stem, action):
    ex = extract_document(read_document(UNSEEN7 / f"{stem}.txt"))
    assert action in names(ex, "Program")


def test_a_wing_banner_is_read_by_its_short_name(extract):
    ex = extract("近日，科右前旗开展健康促进活动。", title="通知", issuer="兴安盟卫生健康委员会")
    assert "科尔沁右翼前旗" in names(ex, "Region")
    real = extract_document(read_document(UNSEEN7 / "q09_neimenggu_kezuozhongqi_hiv_plan_targets.txt"))
    assert "科尔沁左翼中旗" in names(real, "Region")


@pytest.mark.parametrize("sentence", [
    "推进高水平医院建设，支持平台型医院发展。",
    "加强偏远地区村卫生室和薄弱乡镇卫生院建设。",
    "对全县村卫生室和部分村卫生室进行了改造，私立医院4个。",
    "每千人口公立中医医院床位数达到0.55张。",
])
def test_a_kind_of_hospital_named_by_its_quality_or_reach_is_no_hospital(extract, sentence):
    assert names(extract(sentence, title="某县卫生健康规划", issuer="石林彝族自治县卫生健康局"), "Hospital") == set()


def test_a_hospital_named_with_its_county_stays_one(extract):
    assert "石林彝族自治县人民医院" in names(extract("石林彝族自治县人民医院开展义诊。", title="新闻"), "Hospital")


UNSEEN8 = Path(__file__).resolve().parents[1] / "unseen8" / "docs"
ROOT_DIR = Path(__file__).resolve().parents[1]


def _labels(ex, kind):
    return {m.surface for m in ex.mentions if m.key.type == kind} | names(ex, kind)


def test_a_recurring_event_is_also_named_with_its_ordinal(extract):
    ex = extract("近日，市卫生健康委在人民广场举办第十二届“健康生活节”主题活动。", title="新闻", issuer="杭州市卫生健康委员会")
    forms = {m.surface for m in ex.mentions if m.key.type == "Program"}
    assert any(f.startswith("第十二届") for f in forms), forms


@pytest.mark.parametrize("path, form", [
    (UNSEEN8 / "r17_shanghai_no_tobacco_day_news.txt", "第38个“世界无烟日”宣传活动"),
    (UNSEEN7 / "q14_hebei_lunan_action_news_trad.txt", "第六屆“萬步有約”活動"),
])
def test_real_events_named_with_their_ordinals(path, form):
    ex = extract_document(read_document(path))
    assert form in {m.surface for m in ex.mentions if m.key.type == "Program"}


def test_a_kind_of_township_hospital_is_no_hospital(extract):
    ex = extract("调整后，全市共设苏木乡镇卫生院20所，其中中心卫生院8所，一般卫生院12所。", title="关于调整卫生院设置的批复",
                 issuer="包头市卫生局")
    assert names(ex, "Hospital") == set()


def test_real_reply_on_township_hospitals():
    ex = extract_document(read_document(UNSEEN8 / "r02_neimenggu_baotou_township_hospital_reply.txt"))
    assert not [n for n in names(ex, "Hospital") if "一般卫生院" in n or "共设" in n or n.endswith("苏木乡镇卫生院")]


def test_a_short_form_a_city_shares_with_its_county_names_the_city(extract):
    ex = extract("抚顺市卫生健康委员会召开会议，要求结合抚顺实际抓好落实。", title="新闻", issuer="抚顺市卫生健康委员会")
    assert "抚顺县" not in names(ex, "Region")
    real = extract_document(read_document(UNSEEN8 / "r09_henan_xinxiang_public_health_plan.txt"))
    assert "新乡县" not in names(real, "Region") and "新乡市" in names(real, "Region")


@pytest.mark.parametrize("sentence, not_a_program", [
    ("各部门要强化责任担当，迅速行动，抓好落实。", "迅速行动"),
    ("这是落实健康中国建设的实际行动。", "实际行动"),
])
def test_a_manner_before_action_names_no_program(extract, sentence, not_a_program):
    assert not_a_program not in names(extract(sentence, title="新闻"), "Program")


@pytest.mark.parametrize("path, not_a_program", [
    (ROOT_DIR / "unseen4" / "docs" / "x16_yunnan_lufeng_rectification_meeting.txt", "迅速行动"),
    (ROOT_DIR / "unseen4" / "docs" / "x08_guangdong_yunan_nutrition_week.txt", "实际行动"),
])
def test_real_manners_before_action(path, not_a_program):
    assert not_a_program not in names(extract_document(read_document(path)), "Program")


def test_the_speakers_own_province_is_no_part_of_a_program(extract):
    ex = extract("我省健康中国行动推进有力，我国爱国卫生运动成效明显。", title="新闻", issuer="河南省卫生健康委员会")
    progs = names(ex, "Program")
    assert not [p for p in progs if p.startswith(("我省", "我国"))], progs
    real = extract_document(read_document(UNSEEN7 / "q01_henan_2023_action_work_points.txt"))
    assert "健康中国行动" in names(real, "Program") and "我省健康中国行动" not in names(real, "Program")


@pytest.mark.parametrize("title", ["甘肃省建成30个癌症筛查基地", "某市启动实施10项健康专项行动", "天津市全面推进健康天津行动"])
def test_a_news_headline_is_no_program(extract, title):
    ex = extract(title + "\n近日，相关工作取得进展。", title=title)
    assert title not in names(ex, "Program")


def test_real_headlines_are_no_programs():
    for path in (ROOT_DIR / "heldout" / "docs" / "u18_gansu_cancer_screening_news.txt",
                 ROOT_DIR / "unseen5" / "docs" / "y16_xinjiang_15_actions_news.txt"):
        ex = extract_document(read_document(path))
        assert not [p for p in names(ex, "Program") if p.startswith(("甘肃省建成", "新疆启动"))]


@pytest.mark.parametrize("sentence, body", [
    ("各市、州人民政府，兰州新区管委会，省政府有关部门：", "兰州新区管理委员会"),
    ("太白湖新区管委会、济宁高新区管委会负责落实。", "太白湖新区管理委员会"),
    ("（省卫生健康委牵头，赣江新区管委会按职责分工负责）", "赣江新区管理委员会"),
    # zones of further kinds (unseen sets: 平潭综合实验区, 泉州台商投资区, 独山港区, 精细化工产业集聚区)
    ("平潭综合实验区管委会、泉州台商投资区管委会负责落实。", "平潭综合实验区管理委员会"),
    ("平潭综合实验区管委会、泉州台商投资区管委会负责落实。", "泉州台商投资区管理委员会"),
    ("独山港区管委会、精细化工产业集聚区管委会负责落实。", "独山港区管理委员会"),
    ("独山港区管委会、精细化工产业集聚区管委会负责落实。", "精细化工产业集聚区管理委员会"),
])
def test_a_zones_administrative_committee_is_a_body(extract, sentence, body):
    ex = extract("一、加强组织领导\n" + sentence, title="通知", issuer="江西省人民政府办公厅")
    assert body in names(ex, "Department"), names(ex, "Department")


def test_real_zone_committees():
    ex = extract_document(read_document(ROOT_DIR / "unseen6" / "docs" / "z01_gansu_reform_2016_tasks.txt"))
    assert "兰州新区管理委员会" in names(ex, "Department")


@pytest.mark.parametrize("sentence, office", [
    ("日前，国家卫生健康委办公厅印发通知。", "国家卫生健康委员会办公厅"),
    ("日前，教育部办公厅印发通知。", "教育部办公厅"),
    ("市卫生健康委办公室负责汇总。", "杭州市卫生健康委员会办公室"),
])
def test_a_bodys_general_office_is_a_body(extract, sentence, office):
    ex = extract(sentence, title="通知", issuer="杭州市卫生健康委员会")
    assert office in names(ex, "Department"), names(ex, "Department")


def test_real_ministry_office():
    ex = extract_document(read_document(UNSEEN8 / "r15_shandong_laoshan_health_promotion_news.txt"))
    assert "国家卫生健康委员会办公厅" in names(ex, "Department")


def test_a_heads_title_is_no_mention_of_the_body(extract):
    ex = extract("2月25日举行的全国中医药局长会议传来消息。区卫生健康局长期坚持开展义诊。", title="新闻")
    depts = names(ex, "Department")
    assert "国家中医药管理局" not in depts, depts


def test_a_year_on_a_line_of_its_own_is_the_year_of_the_lines_after_it():
    ex = extract_document(read_document(UNSEEN8 / "r20_national_tcm_directors_meeting_news.txt"))
    years = {q.indicator: q.year for q in ex.quantities if q.kind == "measurement"}
    assert years and all(y == 2022 for y in years.values()), years
    assert "国家中医药管理局" not in names(ex, "Department")


def test_supportive_is_no_verb_inside_a_name(extract):
    ex = extract("全市深入开展健康支持性环境建设行动。", title="新闻")
    assert "健康支持性环境建设行动" in names(ex, "Program")
    real = extract_document(read_document(ROOT_DIR / "unseen9" / "docs" / "s05_henan_dengzhou_health_knowledge_news.txt"))
    assert "健康支持性环境建设行动" in names(real, "Program")


def test_an_action_plan_also_names_its_action(extract):
    ex = extract("各地要深入实施健康江西全民行动计划，确保取得实效。", title="新闻")
    forms = {m.surface for m in ex.mentions if m.key.type == "Program"}
    assert {"健康江西全民行动计划", "健康江西全民行动"} <= forms, forms
    real = extract_document(read_document(UNSEEN8 / "r09_henan_xinxiang_public_health_plan.txt"))
    assert "新乡市公共卫生体系建设三年行动" in {m.surface for m in real.mentions if m.key.type == "Program"}


def test_improve_opens_an_object_not_a_hospitals_name(extract):
    ex = extract("县卫健局将持续改善医院就医环境，改善乡镇卫生院基础条件，实施学生营养改善专项行动。", title="答复")
    assert not [h for h in names(ex, "Hospital") if "改善" in h]
    assert "学生营养改善专项行动" in names(ex, "Program")
    real = extract_document(read_document(UNSEEN7 / "q02_fujian_sanming_rural_health_task_division_pdf.txt"))
    assert not [h for h in names(real, "Hospital") if "改善" in h]


def test_a_program_written_with_construction_is_named_with_it_too(extract):
    ex = extract("加快推进全国基层中医药工作示范区建设，打造中医药高地。", title="新闻")
    forms = {m.surface for m in ex.mentions if m.key.type == "Program"}
    assert "全国基层中医药工作示范区建设" in forms, forms
    real = extract_document(read_document(UNSEEN8 / "r16_guangdong_tcm_conference_news.txt"))
    assert "国家中医药综合改革示范区建设" in {m.surface for m in real.mentions if m.key.type == "Program"}


@pytest.mark.parametrize("sentence, body", [
    ("《规划》已经市职业病防治工作联席会议审议通过。", "合肥市职业病防治工作联席会议"),
    ("健全市公共卫生与重大疾病防治工作领导小组办公室职能。", "合肥市公共卫生与重大疾病防治工作领导小组办公室"),
])
def test_a_disease_control_body_is_a_body(extract, sentence, body):
    assert body in names(extract(sentence, title="通知", issuer="合肥市卫生健康委员会"), "Department")


def test_bodies_of_every_level_are_no_one_body(extract):
    ex = extract("建立市县两级职业病防治工作联席会议制度。", title="通知", issuer="合肥市卫生健康委员会")
    assert not [d for d in names(ex, "Department") if "联席会议" in d]


@pytest.mark.parametrize("sentence, body", [
    ("黄山风景区管委会、黄山现代服务业产业园管委会负责。", "黄山现代服务业产业园管理委员会"),
    ("各区（市）县政府，成都天府新区管委会：", "成都天府新区管理委员会"),
])
def test_zone_committees_with_their_places(extract, sentence, body):
    assert body in names(extract(sentence, title="通知", issuer="成都市卫生健康委员会"), "Department")


@pytest.mark.parametrize("sentence, body", [
    ("各市（州）人民政府，长白山管委会，长春新区管委会：", "长白山管理委员会"),  # a zone of no zone kind
    ("各县市人民政府、畹町管委，州直各单位：", "畹町管理委员会"),  # 管委 for 管委会, after 、 of an address line
    ("天府新区眉山管委会，各县（区）人民政府：", "天府新区眉山管理委员会"),  # a zone's part in a city
])
def test_a_committee_standing_whole_as_an_item_names_its_zone(extract, sentence, body):
    assert body in names(extract(sentence, title="通知", issuer="吉林省人民政府办公厅"), "Department")


@pytest.mark.parametrize("sentence, wrong", [
    ("各旗人民政府，各开发区、示范区管委会，盟行署：", "示范区管理委员会"),  # a kind of zone shared by a list
    ("市城乡一体化示范区、经济技术开发区、东城区管委会，市人民政府：", "东城区管理委员会"),  # one committee of three zones
    ("乡镇（街道）、各管委会和市直各单位：", "各管理委员会"),
])
def test_a_committee_shared_or_unnamed_names_no_zone(extract, sentence, wrong):
    assert wrong not in names(extract(sentence, title="通知", issuer="许昌市人民政府"), "Department")


def test_real_zone_committees_listed_whole():
    ex = extract_document(read_document(UNSEEN8 / "r06_jilin_healthy_china_action_plan.txt"))
    assert "长白山管理委员会" in names(ex, "Department")
    assert "长白山管委会" in {m.surface for m in ex.mentions if m.key.type == "Department"}


def test_real_disease_control_bodies_and_zones():
    ex = extract_document(read_document(UNSEEN8 / "r11_guangdong_maoming_occupational_plan.txt"))
    assert "茂名市职业病防治工作联席会议" in names(ex, "Department")
    zones = extract_document(read_document(ROOT_DIR / "unseen9" / "docs" / "s20_anhui_huangshan_finance_responsibility_plan.txt"))
    assert "黄山风景区管理委员会" in names(zones, "Department")


def test_a_bureaus_district_branch_is_a_body(extract):
    ex = extract("区文明办、市生态环境局番禺分局、区住房城乡建设局等单位参加。", title="新闻", issuer="广州市番禺区卫生健康局")
    assert "广州市生态环境局番禺分局" in names(ex, "Department")
    assert "广州市生态环境局" not in names(ex, "Department")
    real = extract_document(read_document(ROOT_DIR / "unseen9" / "docs" / "s04_guangdong_panyu_patriotic_health_month_trad.txt"))
    assert "广州市生态环境局番禺分局" in names(real, "Department")


def test_a_peoples_congress_standing_committee_is_a_body(extract):
    ex = extract("条例将于今年7月提请市人大常委会审议。", title="新闻", issuer="重庆市卫生健康委员会")
    assert "重庆市人民代表大会常务委员会" in names(ex, "Department")
    real = extract_document(read_document(UNSEEN8 / "r13_chongqing_tobacco_control_news_trad.txt"))
    assert "重庆市人民代表大会常务委员会" in names(real, "Department")


@pytest.mark.parametrize("sentence", ["倡导适量运动、合理膳食。", "鼓励户外运动，增强体质。", "推广科学运动，倡导合理运动。"])
def test_exercise_named_by_its_manner_is_no_campaign(extract, sentence):
    assert not [p for p in names(extract(sentence, title="新闻"), "Program") if p.endswith("运动")]


def test_real_exercise_words_and_a_real_campaign(extract):
    ex = extract_document(read_document(ROOT_DIR / "dev" / "docs" / "h03_jiangxi_health_in_all_policies.txt"))
    assert "适量运动" not in names(ex, "Program")
    real = extract_document(read_document(HELDOUT / "u16_tianjin_health_cells_news.txt"))
    assert not [p for p in names(real, "Program") if p in ("适量运动", "合理运动", "科学运动")]
    camp = extract("深入开展爱国卫生运动，持续改善人居环境。", title="新闻")
    assert "爱国卫生运动" in names(camp, "Program")


@pytest.mark.parametrize("sentence", ["谋划一批重大工程项目。", "规范医疗服务项目价格。", "组织实施省培项目。"])
def test_a_kind_of_project_is_no_program(extract, sentence):
    assert not [p for p in names(extract(sentence, title="新闻"), "Program") if p.endswith("项目")]


def test_real_kinds_of_project():
    ex = extract_document(read_document(ROOT_DIR / "dev" / "docs" / "h03_jiangxi_health_in_all_policies.txt"))
    assert not {"重大工程项目", "医疗服务项目"} & names(ex, "Program")


DEV = Path(__file__).resolve().parents[1] / "dev" / "docs"


@pytest.mark.parametrize("sentence, name", [
    ("深入开展三减三健专项行动，倡导健康生活方式。", None),  # its own action, named with its head
    ("广泛宣传三减三健知识。", "三减三健"),
    ("落实健康优先发展战略，将健康融入所有政策。", "将健康融入所有政策"),
    ("推进无烟党政机关建设，各级机关带头。", "无烟党政机关建设"),
    ("积极开展健康细胞工程和健康场景建设。", "健康细胞工程"),
    ("以健康促进县（区）建设为抓手。", "健康促进县（区）建设"),
    ("开展健康促进学校建设。", "健康促进学校建设"),
    ("组织开展中医中药中国行活动。", "中医中药中国行"),
    ("实施农村妇女“两癌”筛查。", "农村妇女“两癌”筛查"),
])
def test_a_named_national_program_is_a_program_without_a_head(extract, sentence, name):
    """Programs set up by national documents (grammar.json known_programs) are named in
    texts bare, without quotes or a program head."""
    found = names(extract(sentence, title="某县新闻"), "Program")
    if name is None:
        assert "三减三健专项行动" in found and "三减三健" not in found
    else:
        assert name in found


def test_another_wording_of_a_national_program_is_read_as_its_name(extract):
    ex = extract("坚持把健康融入所有政策，推进健康城市建设。", title="某县新闻")
    mention = next(m for m in ex.mentions if m.key.type == "Program" and m.surface == "把健康融入所有政策")
    assert mention.key.name == "将健康融入所有政策"


@pytest.mark.parametrize("sentence", [
    "成立县健康促进学校建设工作领导小组。",
    "成立健康县区建设工作领导小组办公室，负责日常工作。",
    "县健康细胞建设工作专班召开会议。",
])
def test_a_national_programs_name_inside_a_bodys_name_is_no_program(extract, sentence):
    assert not {"健康促进学校建设", "健康县区建设", "健康细胞建设"} & names(extract(sentence, title="某县新闻"), "Program")


@pytest.mark.skipif(not DEV.is_dir(), reason="development documents not in this checkout")
def test_real_provincial_news_naming_national_programs():
    ex = extract_document(read_document(DEV / "h05_guizhou_health_literacy_news.txt"))
    assert {"无烟党政机关建设", "居民健康素养监测", "农村妇女“两癌”筛查"} <= names(ex, "Program")


@pytest.mark.skipif(not DEV.is_dir(), reason="development documents not in this checkout")
def test_real_county_plan_naming_national_programs_in_its_duty_table():
    ex = extract_document(read_document(DEV / "h04_jurong_health_in_all_policies.txt"))
    assert {"健康促进县（区）建设", "健康促进学校建设", "健康细胞工程", "将健康融入所有政策"} <= names(ex, "Program")


@pytest.mark.parametrize("sentence", [
    "迅速制定工作计划，认真抓好落实。",
    "要严格按照方案计划，按期推进年度任务。",
    "会议提出了下一步年度计划。",
])
def test_a_plan_named_by_its_time_or_kind_is_no_program(extract, sentence):
    assert names(extract(sentence, title="某市新闻"), "Program") == set()


def test_a_named_plan_is_still_a_program(extract):
    assert {"国民营养计划", "腾飞计划"} <= names(extract("实施国民营养计划和腾飞计划。", title="某市新闻"), "Program")


UNSEEN3 = Path(__file__).resolve().parents[1] / "unseen3" / "docs"


def test_a_quoted_consortium_followed_by_its_ceremony_is_the_consortium(extract):
    ex = extract("由我院牵头成立的“心血管专科联盟签约授牌仪式”隆重举行。12家联盟医院分别是，某市人民医院、某县人民医院、某区人民医院。",
                 title="某医院新闻")
    assert "心血管专科联盟" in names(ex, "MedicalConsortium")
    assert not any("仪式" in n for n in names(ex, "MedicalConsortium"))


@pytest.mark.parametrize("sentence", [
    "“健康知识进万家启动仪式”在广场举行。",   # a quoted event that names no consortium
    "“医联体签约仪式”在县医院举行。",          # the kind alone: no name before it
])
def test_a_quoted_ceremony_of_no_named_consortium_gives_none(extract, sentence):
    assert names(extract(sentence, title="某县新闻"), "MedicalConsortium") == set()


@pytest.mark.skipif(not UNSEEN3.is_dir(), reason="unseen3 documents not in this checkout")
def test_real_alliance_signing_news_lists_its_member_hospitals():
    ex = extract_document(read_document(next(UNSEEN3.glob("w03_*.txt"))))
    assert "生殖医学专科联盟" in names(ex, "MedicalConsortium")
    assert len({h for h, c in members(ex) if c == "生殖医学专科联盟"}) >= 15


@pytest.mark.parametrize("sentence, body", [
    ("嘉定区文化体育和旅游局开展全民健身活动。", "文化体育和旅游局"),   # bureaux merged in the 2018-19 reform
    ("句容市文体广电和旅游局开展全民健身活动。", "文体广电和旅游局"),
    ("磐安县经济商务局负责物资保障。", "经济商务局"),
    ("番禺区健康教育中心开展健康宣传。", "健康教育中心"),             # the health-education bodies
    ("海南省健康宣传教育中心发布健康提示。", "健康宣传教育中心"),
    # a food-safety committee's office by its short form (real wording: unseen45 li01, 区食安办、大光路街道主办)
    ("秦淮区食安办开展食品安全宣传。", "食品安全委员会办公室"),
    ("秦淮区食安委部署食品安全工作。", "食品安全委员会"),
    # real wording: unseen45 li02 (本溪): 市卫健委联合市精神文明办在全市开展…爱国卫生月活动
    ("本溪市精神文明办开展文明城市创建。", "精神文明建设指导委员会办公室"),
])
def test_a_merged_bureau_or_health_education_body_is_a_department(extract, sentence, body):
    assert any(n.endswith(body) for n in names(extract(sentence, title="某县新闻"), "Department"))


def test_a_kind_of_health_education_body_at_a_level_is_no_department(extract):
    assert names(extract("推进县级健康教育中心建设。", title="某省新闻"), "Department") == set()


@pytest.mark.parametrize("title", ["《国家突发公共卫生事件应急预案》", "《学校健康教育指导大纲》", "《医疗机构消毒管理制度》"])
def test_a_cited_plan_of_emergency_an_outline_or_a_rule_set_is_a_policy_document(extract, title):
    assert title in names(extract(f"依据{title}，结合本地实际，制定本方案。", title="某县方案"), "PolicyDocument")


def test_a_quoted_name_that_is_no_document_title_stays_none(extract):
    assert names(extract("依据《健康》栏目的报道。", title="某县新闻"), "PolicyDocument") == set()


@pytest.mark.parametrize("sentence", [
    "成立县三减三健工作推进领导小组。",
    "县健康促进医院建设指导中心负责技术指导。",
])
def test_a_national_programs_name_opening_a_bodys_longer_name_is_no_program(extract, sentence):
    assert not {"三减三健", "健康促进医院建设"} & names(extract(sentence, title="某县新闻"), "Program")


def test_real_district_plan_notice_named_by_its_construction():
    path = Path(__file__).resolve().parents[1] / "unseen13" / "docs" / "n15_hubei_huangpi_prehospital_emergency_plan.txt"
    got = names(extract_document(read_document(path)), "Program")
    assert "院前急救体系建设" in got and not [n for n in got if n.startswith("关于")]


@pytest.mark.parametrize("sentence, hospital", [
    ("全市建有护理院10家，老年医院4家。", None),               # a verb of having is no part of a name
    ("全市现有社区卫生服务中心12家。", None),
    ("市第一人民医院建有胸痛中心。", "第一人民医院"),            # a named hospital before it stays
])
def test_a_verb_of_having_before_a_kind_of_hospital(extract, sentence, hospital):
    got = names(extract(sentence, title="某市卫生健康工作新闻"), "Hospital")
    assert [h for h in got if "建有" in h or "现有" in h] == []
    if hospital:
        assert any(hospital in h for h in got)


def test_bodies_of_earlier_reorganisations_in_a_list(extract):
    # a 2000s plan names the bureaus of its day: 人事局, 建设局, 文体局, 经济局 and the 健康教育所
    ex = extract("区政府成立健康教育工作领导小组，区卫生局、区人事局、区经济局、区建设局、区文体局等分管领导为成员。"
                 "各单位将情况报送区健康教育所。", title="张湾区健康教育工作方案")
    assert {"张湾区人事局", "张湾区经济局", "张湾区建设局", "张湾区文化体育局", "张湾区健康教育所",
            "健康教育工作领导小组"} <= names(ex, "Department")


@pytest.mark.parametrize("sentence", ["经济局势总体平稳。", "开创健康建设局面。", "人事局限于此。", "全区经济局面良好。"])
def test_a_bureaus_ending_that_opens_another_word_is_no_body(extract, sentence):
    assert not names(extract(sentence, title="某区工作方案"), "Department")


def test_real_plan_measures_naming_the_bureaus_of_their_day():
    path = Path(__file__).resolve().parents[1] / "unseen13" / "docs" / "n04_hubei_zhangwan_health_education_plan_measures.txt"
    got = names(extract_document(read_document(path)), "Department")
    assert {"张湾区人事局", "张湾区建设局", "张湾区健康教育所"} <= got


@pytest.mark.parametrize("sentence, not_a_program", [
    ("新闻媒体每年有计划开展健康科普公益宣传。", "每年有计划"),                     # 有计划: in a planned way
    ("目前已完成15例公共政策和4例重大工程项目的健康影响评估。", "4例重大工程项目"),  # counted cases: a category
    ("对孩子们的异常情况做到“早发现、早诊断”，实现“早干预”。", "早干预"),           # an aim of the early-care series
])
def test_a_manner_a_count_of_cases_and_an_early_care_aim_name_no_program(extract, sentence, not_a_program):
    assert not [n for n in names(extract(sentence, title="某省新闻发布会"), "Program") if not_a_program in n]


def test_a_plan_with_its_name_and_a_quoted_program_still_read(extract):
    got = names(extract("实施健康知识普及行动计划，开展“早筛查行动”。", title="某省新闻发布会"), "Program")
    assert "健康知识普及行动计划" in got


def test_real_press_conference_without_the_early_care_aim():
    path = Path(__file__).resolve().parents[1] / "dev" / "docs" / "h07_hainan_press_conference.txt"
    got = names(extract_document(read_document(path)), "Program")
    assert "早干预" not in got and not [n for n in got if n.startswith("4例")]


def test_a_verb_of_support_before_a_kind_of_hospital_opens_no_name(extract):
    ex = extract("市妇幼保健院将派驻专家重点扶持卫生院开展妇女保健与儿童保健项目，同时接收卫生院医师进修。",
                 title="市妇幼保健院走访基层卫生院", issuer="衢州市妇幼保健院")
    assert not [h for h in names(ex, "Hospital") if "扶持" in h or "接收" in h]
    assert not [r for r in ex.relations if "扶持" in r.source.name]


@pytest.mark.parametrize("sentence, number", [
    ("省政府已以闽政办〔2018〕64号文印发。", "闽政办〔2018〕64号"),           # 已以: the words before the issuer
    ("发布机构 自治区人民政府办公厅 文  号 内政办发〔2016〕121号", "内政办发〔2016〕121号"),  # a metadata label inside
])
def test_a_documents_number_without_the_words_before_it(extract, sentence, number):
    assert names(extract(sentence, title="通知"), "PolicyDocument") == {number}


def test_bodies_of_a_2016_provincial_list_and_blood_services(extract):
    ex = extract("省卫生计生委、省人力资源社会保障厅、省国土资源厅、省经济和信息化委、省工信委、省旅游局、省医保办、省综治办联合印发。"
                 "献血地点为市中心血站、瑞安市血站，由市献血办协调。县无偿献血工作领导小组办公室负责。省尘肺病防治攻坚领导小组成立。",
                 title="关于推进医疗卫生与养老服务相结合的实施意见", issuer="黑龙江省人民政府办公厅")
    got = names(ex, "Department")
    assert {"黑龙江省人力资源和社会保障厅", "黑龙江省国土资源厅", "黑龙江省经济和信息化委员会", "黑龙江省工业和信息化委员会",
            "黑龙江省旅游局", "黑龙江省医疗保障办公室", "黑龙江省社会治安综合治理委员会办公室"} <= got
    assert any(n.endswith("中心血站") for n in got) and any(n.endswith("献血办公室") for n in got)
    assert any(n.endswith("无偿献血工作领导小组办公室") for n in got) and any(n.endswith("尘肺病防治攻坚领导小组") for n in got)


def test_real_provincial_opinion_with_its_issuers_of_the_day():
    path = Path(__file__).resolve().parents[1] / "unseen14" / "docs" / "p12_neimenggu_medical_elderly_care_opinion.txt"
    got = names(extract_document(read_document(path)), "Department")
    assert {"内蒙古自治区人力资源和社会保障厅", "内蒙古自治区国土资源厅", "内蒙古自治区经济和信息化委员会"} <= got


def test_actions_listed_before_their_kind_are_programs(extract):
    ex = extract("近年来，尘肺病防治攻坚、重点行业职业病危害专项治理等活动持续开展。", title="海南省职业病防治规划")
    assert {"尘肺病防治攻坚", "重点行业职业病危害专项治理"} <= names(ex, "Program")


@pytest.mark.parametrize("sentence", [
    "老年人、儿童等重点人群活动持续开展。",            # the items are people, not actions
    "健康教育、健康促进等活动持续开展。",              # fields of work, no action's last word
])
def test_a_list_before_its_kind_whose_items_are_no_actions_names_none(extract, sentence):
    assert not names(extract(sentence, title="某市工作总结"), "Program")


def test_real_provincial_plan_listing_its_campaigns():
    path = Path(__file__).resolve().parents[1] / "unseen14" / "docs" / "p01_hainan_occupational_disease_plan.txt"
    assert {"尘肺病防治攻坚", "重点行业职业病危害专项治理"} <= names(extract_document(read_document(path)), "Program")


def test_an_addressee_list_of_every_prefectures_bodies_names_no_one_body(extract):
    ex = extract("西宁市、海东地区、各自治州卫生局、宣传部、教育局、公安局、财政局，省委宣传部、省科技厅、省民族宗教委员会、省监察厅、"
                 "省农牧厅：\n现将预案印发给你们。", title="关于印发青海省应对甲型H1N1流感流行应急预案的通知", issuer="青海省卫生厅")
    got = names(ex, "Department")
    assert not [n for n in got if n.endswith(("教育局", "公安局", "财政局", "卫生局"))]  # every prefecture's, no one body
    assert {"中共青海省委宣传部", "青海省科学技术厅", "青海省民族宗教事务委员会", "青海省监察厅", "青海省农牧厅"} <= got


def test_real_provincial_notice_to_every_prefecture():
    path = Path(__file__).resolve().parents[1] / "unseen15" / "docs" / "g01_qinghai_h1n1_flu_emergency_plan_notice.txt"
    got = names(extract_document(read_document(path)), "Department")
    assert "青海省教育局" not in got and "青海省教育厅" in got and "青海省农牧厅" in got


@pytest.mark.parametrize("sentence, hospital", [
    ("上海市化工职业病防治院负责开展职业病监测。", "上海市化工职业病防治院"),
    ("市结核病防治院收治耐药患者。", "结核病防治院"),
])
def test_a_disease_control_hospital_is_a_hospital(extract, sentence, hospital):
    assert any(h.endswith(hospital) for h in names(extract(sentence, title="职业健康工作要点"), "Hospital"))


def test_disease_control_work_is_no_hospital(extract):
    assert not names(extract("全面加强职业病防治工作，推进结核病防治。", title="职业健康工作要点"), "Hospital")


def test_county_bureaus_of_the_2000s_for_culture_broadcasting_and_salt(extract):
    ex = extract("县文化体育广播影视局负责播放专题宣传节目。县卫生局、教育局、盐务局等单位牵头设置宣传咨询点。"
                 "区文广新局、区广电局配合。", title="某县碘缺乏病防治日活动方案", issuer="某某县卫生局")
    got = names(ex, "Department")
    assert any(n.endswith("文化体育广播影视局") for n in got) and any(n.endswith("盐务局") for n in got)
    assert any(n.endswith("文化广电新闻出版局") for n in got) and any(n.endswith("广播电视局") for n in got)
    # the salt bureau's name inside a longer word is no body
    assert not [n for n in names(extract("盐务局部分职能划转。", title="某县方案"), "Department") if "局部" in n]


def test_real_county_iodine_day_plan_names_its_bureaus():
    path = Path(__file__).resolve().parents[1] / "unseen16" / "docs" / "h07_anon_county_iodine_day_activity_plan_trad.txt"
    got = names(extract_document(read_document(path)), "Department")
    assert any(n.endswith("文化体育广播影视局") for n in got) and any(n.endswith("盐务局") for n in got)


def test_a_party_department_alone_is_read_only_as_a_row_of_a_table_of_units(extract):
    table = "阜新蒙古族自治县将健康融入所有政策工作方案\n部门 | 政策制定重点领域\n宣传部 | 把健康文化作为重要内容。\n水利局 | 加强水资源保护。\n"
    got = names(extract(table, title="阜新蒙古族自治县将健康融入所有政策工作方案"), "Department")
    assert {"中共阜新蒙古族自治县委宣传部", "阜新蒙古族自治县水利局"} <= got
    prose = "阜新蒙古族自治县将健康融入所有政策工作方案\n某公司宣传部组织职工参加健步走。\n"
    assert not [n for n in names(extract(prose, title="阜新蒙古族自治县将健康融入所有政策工作方案"), "Department") if "宣传部" in n]


def test_real_county_table_of_units_names_its_party_and_water_bodies():
    path = Path(__file__).resolve().parents[1] / "dev" / "docs" / "h10_fumeng_health_in_all_policies.txt"
    got = names(extract_document(read_document(path)), "Department")
    assert {"中共阜新蒙古族自治县委宣传部", "阜新蒙古族自治县水利局", "阜新蒙古族自治县生态保护局"} <= got


@pytest.mark.parametrize("sentence, body", [
    ("句容市妇联动员广大妇女参与健康家庭建设。", "句容市妇女联合会"),   # a verb after it: still the federation
    ("句容市科协组织科普专家进社区。", "句容市科学技术协会"),
])
def test_a_mass_organisations_short_name_after_its_jurisdiction_is_a_body(extract, sentence, body):
    assert body in names(extract(sentence, title="句容市健康促进工作方案"), "Department")


def test_a_mass_organisations_short_name_alone_in_prose_is_none(extract):
    assert not names(extract("妇联组织在基层发挥作用。", title="某市健康促进工作方案"), "Department")


def test_real_county_table_names_its_womens_federation():
    path = Path(__file__).resolve().parents[1] / "dev" / "docs" / "h04_jurong_health_in_all_policies.txt"
    assert "句容市妇女联合会" in names(extract_document(read_document(path)), "Department")


def test_mass_organisations_listed_by_their_short_names_are_each_a_body(extract):
    text = "阜新蒙古族自治县健康促进工作方案\n工会、团委、妇联等动员广大职工、青年和妇女积极参与。\n"
    got = names(extract(text, title="阜新蒙古族自治县健康促进工作方案"), "Department")
    assert {"阜新蒙古族自治县总工会", "共青团阜新蒙古族自治县委员会", "阜新蒙古族自治县妇女联合会"} <= got


def test_mass_organisations_among_sectors_are_sectors_too(extract):
    text = "广宁县健康县城建设新闻\n该服务中心整合了政法、公安、教育、民政、卫健、团委、妇联等部门的力量。\n"
    got = names(extract(text, title="广宁县健康县城建设新闻"), "Department")
    assert not [n for n in got if "团" in n or "妇女" in n]


def test_real_county_table_names_its_mass_organisations_and_real_news_its_sectors_none():
    docs = Path(__file__).resolve().parents[1] / "dev" / "docs"
    got = names(extract_document(read_document(docs / "h10_fumeng_health_in_all_policies.txt")), "Department")
    assert {"阜新蒙古族自治县总工会", "共青团阜新蒙古族自治县委员会", "阜新蒙古族自治县妇女联合会"} <= got
    news = names(extract_document(read_document(docs / "h13_guangning_healthy_county_news.txt")), "Department")
    assert "共青团广宁县委员会" not in news


@pytest.mark.parametrize("sentence, program", [
    ("不断提高健康素养促进行动的质量和覆盖面。", "健康素养促进行动"),       # 促进 is no verb before 行动 here
    ("大力实施脱贫地区健康促进行动，推动健康扶贫与乡村振兴有效衔接。", "脱贫地区健康促进行动"),
    ("实施中小学健康促进行动。", "中小学健康促进行动"),
    ("开展儿童健康促进专项行动。", "儿童健康促进专项行动"),        # and before any program head
    ("实施健康素养促进项目，提升居民健康素养。", "健康素养促进项目"),
    ("启动健康青岛促进工程。", "健康青岛促进工程"),
    ("全面实施基层中医药服务能力提升工程。", "基层中医药服务能力提升工程"),  # a capacity or quality raised
    ("开展医疗质量提升行动。", "医疗质量提升行动"),
])
def test_a_promotion_or_raising_before_a_program_head_is_part_of_the_name(extract, sentence, program):
    assert program in names(extract(sentence, title="某省健康素养工作新闻"), "Program")


@pytest.mark.parametrize("text, program, verb", [
    ("促进全民健身行动深入开展。开展促进行动。", "全民健身行动", "促进"),
    ("提升全民健身行动的覆盖面。", "全民健身行动", "提升"),
])
def test_promotion_or_raising_as_a_verb_still_opens_the_name_after_it(extract, text, program, verb):
    got = names(extract(text, title="某省健康工作新闻"), "Program")
    assert program in got and not [n for n in got if n.startswith(verb)]


def test_real_provincial_news_of_its_literacy_and_poverty_area_actions():
    path = Path(__file__).resolve().parents[1] / "dev" / "docs" / "h05_guizhou_health_literacy_news.txt"
    assert {"健康素养促进行动", "脱贫地区健康促进行动"} <= names(extract_document(read_document(path)), "Program")


def test_a_body_of_a_text_that_names_no_place_keeps_its_level(extract):
    text = "某县卫生县城创建方案\n县爱卫会负责指导全县创建卫生县城工作。区商务局负责，工商局、商务局配合。\n"
    got = names(extract(text, title="某县卫生县城创建方案"), "Department")
    assert {"县爱国卫生运动委员会", "区商务局"} <= got
    assert "商务局" not in got  # written bare beside 区商务局: the district's bureau
    two = names(extract("某县方案\n区商务局、市商务局配合，商务局牵头。\n", title="某县方案"), "Department")
    assert {"区商务局", "市商务局", "商务局"} <= two  # two levels: the bare one is neither


@pytest.mark.parametrize("sentence, program", [
    ("全面实施爱国卫生“5个专项行动”。", "爱国卫生“5个专项行动”"),
    ("著力实施新时代爱国卫生“八大行动”。", "新时代爱国卫生“八大行动”"),
    ("关于印发河北省职业病防治“三项行动”实施方案的通知", "职业病防治“三项行动”"),  # the province is where it runs
])
def test_a_quoted_count_of_actions_named_by_its_topic_is_a_program(extract, sentence, program):
    assert program in names(extract(sentence, title="某省爱国卫生工作新闻"), "Program")


@pytest.mark.parametrize("sentence", [
    "加快推进“七大工程”。",                                   # bare: the plan's structure counted
    "实施A行动、B行动和C行动等“三大行动”。",
    "各地要对本地区“三项行动”开展情况进行总结评估。",          # the set named before, not a topic
])
def test_a_bare_quoted_count_of_actions_is_no_program(extract, sentence):
    assert not [n for n in names(extract(sentence, title="某省工作新闻"), "Program") if "大行动" in n or "项行动" in n
                or "大工程" in n]


def test_real_provincial_notice_and_news_name_their_counted_sets():
    root = Path(__file__).resolve().parents[1]
    k17 = root / "unseen11" / "docs" / "k17_gansu_occupational_disease_three_actions_notice.txt"
    assert "职业病防治“三项行动”" in names(extract_document(read_document(k17)), "Program")
    u15 = root / "heldout" / "docs" / "u15_yunnan_patriotic_health_news.txt"
    assert {"爱国卫生新“7个专项行动”", "爱国卫生“7个专项行动”"} <= names(extract_document(read_document(u15)), "Program")


def test_a_counted_set_written_with_either_numeral_is_one_program(extract):
    ex = extract("推进爱国卫生“七个专项行动”。下一条：某县推进爱国卫生“7个专项行动”社会监督电话", title="某县爱国卫生新闻")
    keys = {m.key for m in ex.mentions if m.key.type == "Program" and "专项行动" in m.key.name}
    assert len(keys) == 1 and next(iter(keys)).name == "爱国卫生“7个专项行动”"
    assert {m.surface for m in ex.mentions if m.key in keys} == {"爱国卫生“七个专项行动”", "爱国卫生“7个专项行动”"}


def test_a_consortiums_members_listed_right_after_its_name(extract):
    text = "据悉，湘潭市城市医疗集团成员单位市中心医院、市一医院、市二医院等25家医疗机构，将与市一中、市二中等24所学校共同建设。"
    ex = extract(text, title="湘潭市新闻")
    group = "湘潭市城市医疗集团"
    assert group in names(ex, "MedicalConsortium")  # a kind after the city's full name: the city's own
    assert members(ex) == {("湘潭市中心医院", group), ("湘潭市一医院", group), ("湘潭市二医院", group)}
    assert not [n for n in names(ex, "Hospital") if "成员单位" in n]  # the hospital's name starts after 成员单位


@pytest.mark.parametrize("text", [
    "全市城市医疗集团成员单位共25家。",          # no region's full name: the kind
    "湘潭市城市医疗集团建设试点启动。",          # the kind's building, not a group
    "市一中、市二中参加活动。",                  # schools: 一 and 二 name no hospital
])
def test_a_kind_of_consortium_or_an_ordinal_alone_names_none(extract, text):
    ex = extract(text, title="湘潭市新闻")
    assert not names(ex, "MedicalConsortium") and not names(ex, "Hospital")


def test_real_traditional_news_of_a_city_medical_group_and_its_health_community():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen20" / "docs"
                                        / "b01_hunan_xiangtan_school_health_consortium_trad.txt"))
    assert {"湘潭市城市医疗集团", "湘潭市医教融合健共体"} <= names(ex, "MedicalConsortium")
    assert {("湘潭市一医院", "湘潭市城市医疗集团"), ("湘潭医卫职院附属医院", "湘潭市城市医疗集团")} <= members(ex)


@pytest.mark.parametrize("sentence, body", [
    ("国家卫生健康委规划发展与信息化司司长出席。", "国家卫生健康委员会规划发展与信息化司"),
    ("沈阳市卫生健康委员会宣传处负责宣传。", "沈阳市卫生健康委员会宣传处"),
    ("荆州市卫生计生委综合监督执法局获表彰。", "荆州市卫生和计划生育委员会综合监督执法局"),  # a commission's bureau
])
def test_a_bodys_division_named_after_it_is_a_body(extract, sentence, body):
    assert body in names(extract(sentence, title="某省卫生健康新闻"), "Department")


@pytest.mark.parametrize("sentence", [
    "市卫健委副处长讲话。",                          # a title, not a division
    "贵州省卫生健康委大力打造防疫健康科普品牌。",     # 科 of 科普, an adverb and a verb before it
    "国家卫生健康委联合国家中医药局印发通知。",       # a verb and another body
    "国家卫生健康委与国家医保局联合发文。",          # two bodies joined
    "省卫生健康委各处室参加。",                      # every division: no one
    "合肥市发展和改革委员会合肥市教育局参加。",       # a list written without commas
])
def test_what_follows_a_commission_but_is_no_division_leaves_it_alone(extract, sentence):
    got = names(extract(sentence, title="某省卫生健康新闻"), "Department")
    assert got and not [n for n in got if re.search("委员会.", n)]  # nothing read on after the commission's name


def test_real_provincial_notice_and_news_name_a_commissions_divisions():
    root = Path(__file__).resolve().parents[1]
    ex = extract_document(read_document(root / "unseen21" / "docs" / "c06_hubei_health_supervision_commendation.txt"))
    assert {"荆州市卫生和计划生育委员会综合监督执法局", "湖北省卫生和计划生育委员会综合监督局"} <= names(ex, "Department")
    news = extract_document(read_document(root / "heldout" / "docs" / "u15_yunnan_patriotic_health_news.txt"))
    assert "国家卫生健康委员会规划发展与信息化司" in names(news, "Department")


@pytest.mark.parametrize("sentence, surfaces", [
    ("市卫健委今年共处理投诉120件。", {"市卫健委"}),                      # 处理: a verb, not a division
    ("县卫健局第一时间处置，县卫健局根据相关规定予以处罚。", {"县卫健局"}),
    ("市市场监管局依法查处违法行为。", {"市市场监管局"}),
    ("市卫健委邀请市医保局参加会议。", {"市卫健委", "市医保局"}),          # another body after a verb
    ("市卫健委紧急调配物资支援各科。", {"市卫健委"}),
])
def test_a_verb_or_another_body_after_a_body_is_no_division(extract, sentence, surfaces):
    ex = extract(sentence, title="荆州市卫生健康新闻")
    assert {m.surface for m in ex.mentions if m.key.type == "Department"} == surfaces


@pytest.mark.parametrize("sentence", [
    "认真落实省卫健委“三大行动”部署。",      # a body deploying it
    "全面落实市委市政府“十大工程”。",
    "扎实推进2023年“三项行动”。",           # a year
    "启动实施新一轮“三大行动”。",           # a round
    "加快实施“健康细胞”建设“五大工程”。",   # a verb
])
def test_what_is_no_topic_before_a_quoted_count_names_no_program(extract, sentence):
    assert not [n for n in names(extract(sentence, title="某省工作新闻"), "Program") if "行动”" in n or "工程”" in n]


@pytest.mark.parametrize("sentence", [
    "云南省县域医共体实现全覆盖。",           # a province's county consortia: many
    "浙江省紧密型县域医共体已覆盖所有县。",
    "长沙市城市医疗集团数量达到12个。",       # a count of them
])
def test_a_kind_of_consortium_after_a_region_of_another_level_or_counted_is_none(extract, sentence):
    assert not names(extract(sentence, title="某省卫生健康新闻"), "MedicalConsortium")


def test_a_districts_or_countys_ordinal_hospital_is_not_the_citys(extract):
    got = names(extract("区一医院、县二医院参加义诊。湘潭市卫健委组织。", title="湘潭市卫生健康新闻"), "Hospital")
    assert not [n for n in got if n.endswith(("一医院", "二医院"))]



# A leading group, headquarters or project office named by its remit is a Department (FORMAT.md), whatever the remit
@pytest.mark.parametrize("sentence, body", [
    ("某县成立了新生儿疾病免费筛查领导小组，负责统筹协调。", "新生儿疾病免费筛查领导小组"),
    ("县里成立礼县农村妇女“两癌”检查工作领导小组。", "礼县农村妇女两癌检查工作领导小组"),      # quoted words inside the remit
    ("成立了办理人大建议和政协提案工作领导小组。", "办理人大建议和政协提案工作领导小组"),      # a remit of two parts
    ("区政府成立彭山区推进中医药强区建设工作领导小组。", "彭山区推进中医药强区建设工作领导小组"),  # a verb opens the remit
    ("2.1.1县突发公共卫生事件应急领导小组", "县突发公共卫生事件应急领导小组"),              # a list number is no part of it
    ("三明市医改领导小组秘书处印发通知。", "三明市医改领导小组秘书处"),
])
def test_a_group_named_by_its_remit_is_a_department(extract, sentence, body):
    assert any(n.endswith(body) for n in names(extract(sentence), "Department"))


@pytest.mark.parametrize("sentence", [
    "该领导小组负责全县工作。各级领导小组要加强领导。",          # no remit of its own
    "省委成立由主要负责人任组长的疫情防控工作领导小组。",        # the name runs on leftwards past 的: not read
    "成立局专项行动领导小组。",                               # a body's head cut from its name
    "由副县长任指挥长，县卫健局局长任副指挥长和指挥部成员。",    # 和 joins no remit
])
def test_no_remit_no_group(extract, sentence):
    assert not [n for n in names(extract(sentence), "Department") if n.endswith(("领导小组", "指挥部"))]


def test_real_city_news_of_a_screening_group_and_its_office():
    path = Path(__file__).resolve().parents[1] / "unseen25" / "docs" / "i06_sichuan_chengdu_newborn_screening_news.txt"
    assert "新生儿疾病免费筛查领导小组" in names(extract_document(read_document(path)), "Department")


def test_a_roll_of_members_under_its_own_heading(extract):
    text = ("长沙市儿科专科联盟于2020年成立，由长沙市儿童医院牵头。\n联盟首批成员单位名单\n1、长沙市儿童医院\n2、浏阳市人民医院\n"
            "3、望城区妇幼保健院\n4、长沙县人民医院\n联盟将定期开展培训。")
    got = members(extract(text))
    assert {("浏阳市人民医院", "长沙市儿科专科联盟"), ("长沙县人民医院", "长沙市儿科专科联盟")} <= got


@pytest.mark.parametrize("text", [
    # a roll that heads no members (表彰名单), and a roll before any consortium is named
    "长沙市儿科专科联盟于2020年成立。\n2023年度先进集体表彰名单\n1、长沙市儿童医院\n2、浏阳市人民医院\n3、宁乡市中医医院\n",
    "成员单位名单\n1、长沙市儿童医院\n2、浏阳市人民医院\n3、宁乡市中医医院\n后来成立了长沙市儿科专科联盟。",
])
def test_a_roll_of_no_members_gives_no_member(extract, text):
    assert not members(extract(text))


def test_real_provincial_specialty_alliance_roll():
    path = Path(__file__).resolve().parents[1] / "unseen26" / "docs" / "o01_jiangxi_province_dermatology_alliance_members.txt"
    got = members(extract_document(read_document(path)))
    assert {("赣州市皮肤病医院", "江西省皮肤病专科联盟"), ("遂川县康复医院", "江西省皮肤病专科联盟")} <= got
    assert not [h for h, _ in got if h.endswith("皮肤科")]  # an item that is a hospital's department is left out, not guessed


def test_a_committee_shared_by_a_list_of_zones_is_each_zones(extract):
    # real: unseen3 w12 (济宁's opinion, its 主送 line)
    text = "各县（市、区）人民政府，济宁高新区、太白湖新区、济宁经济技术开发区、曲阜文化建设示范区管委会（推进办公室），市政府各部门："
    got = names(extract(text, title="济宁市人民政府关于实施健康济宁行动的意见"), "Department")
    assert {"济宁高新区管理委员会", "太白湖新区管理委员会", "济宁经济技术开发区管理委员会", "曲阜文化建设示范区管理委员会"} <= got
    # a zone alone in a list of other bodies keeps no committee of its own
    got = names(extract("市卫生健康委、市教育局、高新区管委会负责。", title="某市方案"), "Department")
    assert not [n for n in got if "教育局" in n and n.endswith("管理委员会")]


def _forms(ex, name):
    return {m.surface for m in ex.mentions if m.key.type == "Program" and m.key.name == name}


def test_a_publicity_event_named_after_a_law_is_a_program(extract):
    # real wording: unseen33 jd09 (淄博): 举办《职业病防治法》宣传周启动仪式; 开展2025年《职业病防治法》宣传周活动
    ex = extract("省卫生健康委于4月25日举办《职业病防治法》宣传周启动仪式。各地开展2025年《职业病防治法》宣传周活动。",
                 title="通知", issuer="山东省卫生健康委员会")
    got = names(ex, "Program")
    assert {"《职业病防治法》宣传周启动仪式", "《职业病防治法》宣传周活动"} <= got, got
    # a plan's title before 宣传 is publicity of the plan, no event named after it
    ex = extract("各地要加强《健康山东行动实施方案》宣传活动的组织。", title="通知", issuer="山东省卫生健康委员会")
    assert not any(n.startswith("《健康山东") for n in names(ex, "Program"))


def test_a_program_written_after_its_year_is_named_with_and_without_it(extract):
    ex = extract("临港区社会事务管理局组织开展的2019年度“两癌”筛查项目正式启动。", title="新闻",
                 issuer="威海市临港区社会事务管理局")
    [name] = [n for n in names(ex, "Program") if "两癌" in n]
    forms = {f.replace("“", "").replace("”", "") for f in _forms(ex, name)}
    assert {"2019年度两癌筛查项目", "两癌筛查项目"} <= forms, forms
    # a year that says when, no part of the name after it
    ex = extract("截至2019年“两癌”筛查项目已覆盖全区。", title="新闻", issuer="威海市临港区社会事务管理局")
    assert not any(f.startswith("2019年") for n in names(ex, "Program") for f in _forms(ex, n))


def test_a_place_before_a_programs_year_names_it_too(extract):
    # real wording: unseen43 lg06 (武汉): “无烟，为成长护航——…”武汉市2023年世界无烟日主题宣传活动
    ex = extract("当天，青山区2024年世界无烟日主题宣传活动在区图书馆举行。", title="新闻", issuer="武汉市青山区卫生健康局")
    [name] = [n for n in names(ex, "Program") if "无烟日" in n]
    assert {"青山区2024年世界无烟日主题宣传活动", "2024年世界无烟日主题宣传活动", "世界无烟日主题宣传活动"} <= _forms(ex, name)
    # a place that is where, with words between it and the year, names no form
    ex = extract("在青山区开展了2024年世界无烟日主题宣传活动。", title="新闻", issuer="武汉市青山区卫生健康局")
    assert not any(f.startswith(("青山区", "在")) for n in names(ex, "Program") for f in _forms(ex, n))


def test_real_city_no_tobacco_day_news_names_the_event_with_its_city_and_year():
    ex = extract_document(read_document(ROOT_DIR / "unseen43/docs/lg06_hubei_wuhan_no_tobacco_day_campaign_news_trad.txt"))
    events = {m.key for m in ex.mentions if m.key.type == "Program" and "武漢市2023年世界無煙日" in m.surface}
    assert len(events) == 1
    [event] = events
    assert ("lead", "武汉市卫生健康委员会") in {(r.kind, r.source.name) for r in ex.relations if r.target == event}


def test_a_quoted_lecture_or_touring_talk_is_named_with_its_kind(extract):
    # real wording: unseen43 lg04 (滁州): 开展“无烟 为成长护航”控烟主题讲座; unseen40 ld04 (南宁): “百人千场进万家”健康科普知识大巡讲活动
    ex = extract("市疾控中心联合区卫健委走进实验学校开展“无烟 为成长护航”控烟主题讲座。市卫健委启动“百人千场进万家”健康科普知识大巡讲活动。",
                 title="新闻", issuer="滁州市卫生健康委员会")
    got = {re.sub(r"[\s“”]", "", n) for n in names(ex, "Program")}
    assert {"无烟为成长护航控烟主题讲座", "百人千场进万家健康科普知识大巡讲活动"} <= got, got
    assert "无烟为成长护航" not in got and "百人千场进万家" not in got
    # a quote with no event's head after it stays what it was
    ex = extract("倡导“无烟为成长护航”理念。", title="新闻", issuer="滁州市卫生健康委员会")
    assert not [n for n in names(ex, "Program") if "护航" in n]


def test_real_city_smoking_control_lectures_are_named_whole():
    ex = extract_document(read_document(ROOT_DIR / "unseen43/docs/lg04_anhui_chuzhou_no_tobacco_day_news.txt"))
    lectures = [m.key for m in ex.mentions if m.key.type == "Program" and m.key.name.endswith("控烟主题讲座")]
    assert lectures and ("lead", "滁州市疾病预防控制中心") in {(r.kind, r.source.name) for r in ex.relations if r.target == lectures[0]}


def test_a_program_written_with_its_launch_ceremony_is_named_with_it_too(extract):
    ex = extract("第35个爱国卫生月活动启动仪式在市民广场举行。", title="新闻", issuer="萍乡市卫生健康委员会")
    [name] = [n for n in names(ex, "Program") if "爱国卫生月" in n]
    assert {"第35个爱国卫生月活动启动仪式", "第35个爱国卫生月活动"} <= _forms(ex, name)
    # a launch that opens the sentence's next clause is no part of the name
    ex = extract("开展爱国卫生月活动，启动仪式在市民广场举行。", title="新闻", issuer="萍乡市卫生健康委员会")
    assert not any("启动仪式" in f for n in names(ex, "Program") for f in _forms(ex, n))


def test_a_citys_civilisation_office_by_its_government_name(extract):
    # real wording: unseen43 lg03: 萍乡市精神文明建设指导委员会办公室 (the government's name; 文明办 stays the Party's office)
    got = names(extract("萍乡市精神文明建设指导委员会办公室、四川省精神文明建设指导委员会办公室承办。", title="新闻"), "Department")
    assert {"萍乡市精神文明建设指导委员会办公室", "四川省精神文明建设指导委员会办公室"} <= got


def test_a_service_provided_to_someone_is_named_without_them(extract):
    # real wording: unseen43 lg09 (晋中): 为65岁及以上常住居民共计41.64万人提供家庭医生签约服务
    got = names(extract("晋中为65岁及以上常住居民共计41.64万人提供家庭医生签约服务。", title="新闻"), "Program")
    assert "家庭医生签约服务" in got
    assert not [n for n in got if "提供" in n or n[:1].isdigit()]


def test_a_statistic_over_every_institution_of_a_kind_names_no_hospital(extract):
    # real wording: unseen44 lh04 (四川 2015 统计公报): 平均每个村卫生室年诊疗1906人次; 每千农业人口乡镇卫生院卫生人员1.55人
    got = names(extract("2015年，四川省平均每个村卫生室年诊疗1906人次；每千农业人口乡镇卫生院卫生人员1.55人。", title="统计公报"),
                "Hospital")
    assert not got
    assert "华西医院" in {n[-4:] for n in names(extract("四川大学华西医院每年接诊患者。", title="新闻"), "Hospital")}


def test_a_provinces_family_planning_association_by_its_short_name(extract):
    # 省计生协开展…: a mass organisation's short name after a level is its own name, whatever follows (as 省妇联动员…)
    got = names(extract("省计生协开展家庭健康促进行动。", title="新闻", issuer="安徽省卫生健康委员会"), "Department")
    assert "安徽省计划生育协会" in got


def test_an_event_period_written_with_its_events_is_the_period(extract):
    # real wording: unseen34 ka06 (秀山): 开展…为主题的老年健康宣传周活动; unseen9 s04: 爱国卫生月 and 爱卫月活动
    ex = extract("县卫健委开展老年健康宣传周活动。省里部署老年健康宣传周。", title="新闻", issuer="秀山土家族苗族自治县卫生健康委员会")
    assert "老年健康宣传周" in names(ex, "Program")
    assert {"老年健康宣传周活动", "老年健康宣传周"} <= _forms(ex, "老年健康宣传周")
    assert "老年健康宣传周活动" not in names(ex, "Program")   # one program, not two


def test_a_quoted_theme_is_no_program(extract):
    ex = extract("县卫健委在花灯广场开展“关注口腔健康”为主题的老年健康宣传周活动。", title="新闻",
                 issuer="秀山土家族苗族自治县卫生健康委员会")
    assert not any("关注口腔健康" in n for n in names(ex, "Program"))
    # a quoted name the text acts on stays one
    ex = extract("县卫健委开展“关注口腔健康”活动。", title="新闻", issuer="秀山土家族苗族自治县卫生健康委员会")
    assert any("关注口腔健康" in n for n in names(ex, "Program"))


def test_a_speech_verb_opens_no_programs_name(extract):
    # real wording: unseen34 ka07 (朔州): 朔州市人民政府副市长魏元平宣布老年健康宣传周正式启动
    ex = extract("朔州市人民政府副市长魏元平宣布老年健康宣传周正式启动。", title="新闻", issuer="朔州市卫生健康委员会")
    assert "老年健康宣传周" in names(ex, "Program")
    assert not any("宣布" in n for n in names(ex, "Program"))


def test_an_autonomous_county_written_by_its_short_form_and_level():
    from kg.names.regions import region_mentions
    got = {(s, e, r.name) for s, e, r in region_mentions("秀山县卫生健康委、甘孜州疾控中心、长阳县人民医院")}
    assert {(0, 3, "秀山土家族苗族自治县"), (9, 12, "甘孜藏族自治州"), (17, 20, "长阳土家族自治县")} <= got
    # the short form alone is no name of the county (秀山 is read only inside its own jurisdiction)
    assert not region_mentions("秀山湖公园")


@pytest.mark.parametrize("surface, name", [
    ("区安监局", "安州区安全生产监督管理局"),        # unseen34 ka10
    ("县人口与计生局", "安州区人口和计划生育局"),    # unseen34 ka05 (德化)
    ("县卫生健康监督所", "安州区卫生健康监督所"),    # unseen34 ka02 (顺昌)
    ("县教科局", "安州区教育科技局"),              # unseen33 jd05 (大竹)
    ("省计委", "四川省计划委员会"),                # unseen33 jd03 (广东, 1999)
])
def test_short_names_of_bodies_new_to_the_table(surface, name, extract):
    ex = extract(f"近日，{surface}等部门开展联合检查。", title="新闻", issuer="绵阳市安州区卫生健康局")
    assert name in names(ex, "Department"), names(ex, "Department")


def test_an_edition_numbered_with_a_measure_word_is_no_count(extract):
    # real wording: heldout u15 (云南): 启动了第36个爱国卫生月活动; a count before a head stays a category
    ex = extract("今年4月我们在云南启动了第36个爱国卫生月活动。", title="新闻", issuer="云南省爱国卫生运动委员会办公室")
    assert "爱国卫生月" in names(ex, "Program")
    ex = extract("全省建成11个健康平台、3个卫生月。", title="新闻", issuer="云南省爱国卫生运动委员会办公室")
    assert not names(ex, "Program")


@pytest.mark.parametrize("headline", ["萝北县卫生局启动2015年“两癌”免费筛查项目",   # unseen25 i09: a body doing something
                                      "定了！蕉城要创建省级慢性病综合防控示范区"])    # unseen19 a05: an exclamation
def test_a_headline_of_a_body_acting_or_an_exclamation_is_no_programs_name(headline, extract):
    ex = extract(headline + "\n正文。", title=headline, issuer="萝北县卫生局")
    assert headline not in names(ex, "Program")
    # a title that names an action stays one
    ex = extract("萝北县“两癌”免费筛查项目\n正文。", title="萝北县“两癌”免费筛查项目", issuer="萝北县卫生局")
    assert any("两癌" in n for n in names(ex, "Program"))


@pytest.mark.parametrize("text, program", [
    ("山东省政府新闻办召开新闻发布会，介绍山东爱国卫生运动开展情况。", "爱国卫生运动"),  # unseen3 w13
    ("我市于2012年起在通川区开始试点乡村医生签约服务。", "乡村医生签约服务"),           # unseen4 x05
])
def test_a_verb_of_telling_or_starting_opens_no_programs_name(text, program, extract):
    got = names(extract(text, title="新闻", issuer="达州市卫生局"), "Program")
    assert not any(n.startswith(("介绍", "通川区开始", "开始")) for n in got), got


# 完成A医院三期、B防治院、C中心…标准化建设: institutions built are no programs
def test_institutions_listed_as_built_are_no_programs(extract):
    # real wording: unseen37 la02 (天津市 plan page)
    ex = extract("完成海河医院三期、职业病防治院、区县疾病预防控制中心、妇儿保健中心和卫生监督所标准化建设，扩建滨海新区传染病医院。",
                 title="天津市国民经济和社会发展第十二个五年规划纲要", issuer="天津市人民政府")
    assert names(ex, "Program") == set()
    # projects listed as built still are (完成A、B的建设 with project heads)
    ex = extract("完成全民健康信息平台、远程医疗协同平台的建设。", title="某市卫生健康工作要点", issuer="西宁市卫生健康委员会")
    assert names(ex, "Program") == {"全民健康信息平台", "远程医疗协同平台"}


# 区县疾病预防控制中心, 省市卫健委: the bodies of every district and county, not one; 庐江县县委办 is one
def test_two_level_characters_name_every_areas_body(extract):
    ex = extract("完成区县疾病预防控制中心标准化建设。", title="天津市卫生事业发展规划", issuer="天津市人民政府")
    assert names(ex, "Department") == set()
    ex = extract("庐江县县委办等50家单位被命名为无烟党政机关。", title="庐江县无烟党政机关建设", issuer="庐江县卫生健康委员会")
    assert "中共庐江县委办公室" in names(ex, "Department")


# 分赴拉萨市3家医院、日喀则市2家医院: counts of hospitals in places, no hospital names
def test_counted_hospitals_in_places_are_no_names(extract):
    # real wording: unseen37 la01
    ex = extract("医疗团队将分为6个小组，分赴拉萨市3家医院、日喀则市2家医院以及乡镇卫生院分别开展诊疗。", title="西藏义诊活动")
    assert names(ex, "Hospital") == set()
    ex = extract("虹桥、华阳、新华三家社区卫生服务中心参加义诊。", title="长宁区义诊", issuer="长宁区卫生健康委员会")
    assert len(names(ex, "Hospital")) == 3


# 《国务院关于实施健康中国行动的意见》: a cited title opens with the bodies that issued it, ended by 关于
def test_a_cited_titles_issuers_are_bodies(extract):
    # real wording: unseen7 q11 (健康中国行动2022年工作要点)
    ex = extract("为贯彻落实《国务院关于实施健康中国行动的意见》《国务院办公厅关于印发健康中国行动组织实施和考核方案的通知》"
                 "等文件精神，我们研究制定了《健康中国行动2022年工作要点》。", title="健康中国行动2022年工作要点")
    assert {"国务院", "国务院办公厅"} <= names(ex, "Department")
    ex = extract("根据《中共中央 国务院关于深化医药卫生体制改革的意见》和《陕西省人民政府关于推进健康陕西行动的实施意见》，制定本方案。",
                 title="榆阳区健康行动实施方案")
    assert {"中共中央", "国务院", "陕西省人民政府"} <= names(ex, "Department")


def test_a_titles_words_that_are_not_all_bodies_name_no_issuer(extract):
    # 转发 … 等部门 is no body's name: the title names no issuer, and no body inside it is the text's
    ex = extract("根据《国务院办公厅转发卫生计生委等部门关于进一步改革完善的通知》，制定本方案。", title="某县实施方案")
    assert names(ex, "Department") == set()
    # a body after 关于 is the title's topic, not its issuer
    ex = extract("根据《关于加强县卫生健康局建设的意见》，制定本方案。", title="某县实施方案")
    assert names(ex, "Department") == set()


# 2022年食品安全宣传周: an event named with the year it is held in, named both ways (2024年工作计划 is a year's plan)
def test_an_event_with_its_year_in_front_is_named(extract):
    # real wording: unseen39 lc02 (交城县 news, Traditional): 舉行2022年食品安全宣傳周啟動儀式
    ex = extract("9月23日，交城县在县城广场举行2022年食品安全宣传周启动仪式。", title="交城县新闻", issuer="交城县人民政府")
    assert "食品安全宣传周" in names(ex, "Program")
    assert "2022年食品安全宣传周" in {m.surface for m in ex.mentions if m.key.type == "Program"}
    # 关于2024年…计划: the topic's year, a form of the plan's name too
    ex = extract("关于2024年无偿献血招募计划的通知", title="关于2024年无偿献血招募计划的通知")
    assert "2024年无偿献血招募计划" in {m.surface for m in ex.mentions if m.key.type == "Program"}
    ex = extract("印发2024年工作计划。", title="某县通知")
    assert names(ex, "Program") == set()


# 北京中医医院内蒙古医院: a hospital's branch named by the parent and the place is one hospital
def test_a_branch_hospital_named_by_parent_and_place_is_one(extract):
    # real wording: unseen39 lc05 (内蒙古自治区中医皮肤病专科联盟)
    ex = extract("北京中医医院内蒙古医院院长杜琨出席。来自内蒙古医科大学附属医院、鄂尔多斯市中医医院等多家成员单位代表参加。",
                 title="内蒙古自治区中医皮肤病专科联盟正式成立")
    hospitals = names(ex, "Hospital")
    assert {"北京中医医院内蒙古医院", "内蒙古医科大学附属医院", "鄂尔多斯市中医医院"} <= hospitals
    assert "北京中医医院" not in hospitals and not any(n.startswith("来自") for n in hospitals)
    ex = extract("北京儿童医院保定医院开诊。", title="保定市新闻")
    assert names(ex, "Hospital") == {"北京儿童医院保定医院"}
    # a campus or a 分院 is the parent's, not a hospital of its own name
    ex = extract("友谊医院顺义院区基本完工。浙江大学医学院附属第二医院建德分院应运而生。", title="新闻")
    assert "友谊医院顺义院区" not in names(ex, "Hospital")
    assert "浙江大学医学院附属第二医院建德分院" not in names(ex, "Hospital")


# 县医院、中医院、传染病医院等县直10家医疗卫生单位: a list of the county's own units names its hospitals by kind
def test_kinds_of_hospital_in_a_list_of_the_countys_own_units(extract):
    # real wording: unseen39 lc07 (农安县) and lc10 (拜城县)
    ex = extract("5月19日当天县爱卫办组织县医院、中医院、传染病医院等县直10家医疗卫生单位在宝塔游园集中开展宣传活动。",
                 title="农安县开展爱国卫生宣传活动", issuer="农安县卫生健康局")
    assert {"农安县医院", "农安县中医院", "农安县传染病医院"} <= names(ex, "Hospital")
    ex = extract("3月24日，拜城县疾控中心、人民医院、妇幼保健站等县直卫生医疗单位医务人员走上街头。",
                 title="拜城县开展结核病防治宣传", issuer="拜城县卫生健康委员会")
    assert {"拜城县人民医院", "拜城县妇幼保健站"} <= names(ex, "Hospital")
    # no 县直 closing the list: a bare kind names no hospital
    ex = extract("3月24日，拜城县疾控中心、人民医院、妇幼保健站等单位医务人员走上街头。",
                 title="拜城县开展结核病防治宣传", issuer="拜城县卫生健康委员会")
    assert "拜城县人民医院" not in names(ex, "Hospital")


@pytest.mark.parametrize("sentence, program", [
    ("区卫健局开展世界无烟日宣传活动。", "世界无烟日宣传活动"),
    ("区疾控中心开展世界艾滋病日主题宣传活动。", "世界艾滋病日主题宣传活动"),
    ("县卫健局开展世界防治结核病日大型宣传义诊活动。", "世界防治结核病日大型宣传义诊活动"),
])
def test_a_named_days_event_is_named_with_its_head(extract, sentence, program):
    assert program in names(extract(sentence, title="新闻"), "Program")


@pytest.mark.parametrize("sentence", [
    "2019年5月31日是第32个世界无烟日。",  # the day alone: no event
    "关于开展世界无烟日活动的通知",  # 活动 alone is no event's head
])
def test_a_named_day_alone_is_no_program(extract, sentence):
    assert not [p for p in names(extract(sentence, title="新闻"), "Program") if "无烟日" in p]


def test_a_named_days_event_with_its_ordinal_and_a_month_with_its_events(extract):
    ex = extract("5月31日，镇爱卫办开展第32个世界无烟日宣传活动。县爱卫办开展第32个爱国卫生月宣传活动。", title="新闻")
    forms = {m.surface for m in ex.mentions if m.key.type == "Program"}
    assert {"第32个世界无烟日宣传活动", "第32个爱国卫生月宣传活动"} <= forms, forms


def test_real_named_day_events():
    ex = extract_document(read_document(ROOT_DIR / "unseen41" / "docs" / "le05_henan_mihe_township_no_tobacco_day_news.txt"))
    assert "世界无烟日宣传活动" in names(ex, "Program")
    assert "第32个世界无烟日宣传活动" in {m.surface for m in ex.mentions if m.key.type == "Program"}


@pytest.mark.parametrize("sentence, body", [
    ("市公安局、牡丹江海关、市检察院参加活动。", "牡丹江海关"),  # a customs district by its city's short name
    ("市公安局、牡丹江海关、市检察院参加活动。", "牡丹江市人民检察院"),
    ("市法院、市公安局联合开展普法宣传。", "牡丹江市人民法院"),
])
def test_customs_procuratorates_and_courts_are_bodies(extract, sentence, body):
    assert body in names(extract(sentence, title="新闻", issuer="牡丹江市人民政府"), "Department")


def test_the_second_day_of_one_event_joined_by_ji_is_no_event_of_its_own(extract):
    ex = extract("区卫健局主办“全民营养周”暨“5·20”中国学生营养日系列宣传活动启动仪式。", title="新闻")
    assert not [p for p in names(ex, "Program") if p.startswith(("“5·20”", "中国学生营养日"))], names(ex, "Program")


def test_a_date_is_no_part_of_a_hospitals_name(extract):
    ex = extract("正值寒冬，回望2025年10月长白县人民医院联合县妇联开展的“母亲健康快车”流动服务活动。", title="新闻")
    assert "长白县人民医院" in names(ex, "Hospital") and not [h for h in names(ex, "Hospital") if "年" in h]


def test_a_provinces_own_hospital_named_shengli(extract):
    assert {"安徽省立医院", "福建省立医院"} <= names(extract("安徽省立医院、福建省立医院参加。", title="新闻"), "Hospital")


def test_a_quoted_alliance_of_hospitals_is_a_consortium_and_names_no_hospital(extract):
    ex = extract("内蒙古自治区儿童医院正式加入“东北儿童医院发展联盟”。", title="新闻")
    assert "东北儿童医院发展联盟" in names(ex, "MedicalConsortium")
    assert "东北儿童医院" not in names(ex, "Hospital") and "东北儿童医院发展联盟" not in names(ex, "Program")
    assert ("内蒙古自治区儿童医院", "东北儿童医院发展联盟") in members(ex)  # 加入“X”: joins it
    # a quoted 联盟 of no medical words is no consortium
    assert not names(extract("市市场监管局牵头成立“健康食堂联盟”。", title="新闻"), "MedicalConsortium")


def test_hospitals_counted_again_and_listed_are_members(extract):
    text = ("“东北儿童医院发展联盟”是由东北地区5家儿童专科医院共同倡议和发起的合作平台。"
            "这5家单位分别是长春市儿童医院、大连市儿童医院、沈阳市儿童医院。")
    got = members(extract(text, title="新闻"))
    assert {("长春市儿童医院", "东北儿童医院发展联盟"), ("沈阳市儿童医院", "东北儿童医院发展联盟")} <= got, got


def test_hospitals_that_lead_a_founding_lead_the_consortium_and_are_members(extract):
    ex = extract("2016年，由上海市第一人民医院、浙江省人民医院及安徽省立医院牵头，发起成立了“长三角医院协同发展战略联盟”。",
                 title="新闻")
    leads = {(r.source.name, r.target.name) for r in ex.relations if r.kind == "lead"}
    for h in ("上海市第一人民医院", "浙江省人民医院", "安徽省立医院"):
        assert (h, "长三角医院协同发展战略联盟") in leads and (h, "长三角医院协同发展战略联盟") in members(ex)
    assert not [c for c in names(ex, "MedicalConsortium") if "在" in c]


def test_real_alliance_joined_and_listed():
    ex = extract_document(read_document(ROOT_DIR / "unseen41" / "docs" / "le07_neimenggu_northeast_children_hospital_alliance_news.txt"))
    got = members(ex)
    for h in ("长春市儿童医院", "大连市儿童医院", "哈尔滨市儿童医院", "沈阳市儿童医院", "内蒙古自治区儿童医院"):
        assert (h, "东北儿童医院发展联盟") in got, got


@pytest.mark.parametrize("sentence, body", [
    ("县卫计综合监督执法大队联合县教体局开展检查。", "镇巴县卫生计生综合监督执法大队"),
    ("荆门市卫生和计划生育综合监督执法局受到表彰。", "荆门市卫生计生综合监督执法局"),  # written out, one body
    ("市卫健综合监督执法局开展专项检查。", "汉中市卫生健康综合监督执法局"),
])
def test_a_health_inspection_bureau_or_brigade_is_a_body(extract, sentence, body):
    issuer = "镇巴县卫生健康局" if sentence.startswith("县") else "汉中市卫生健康委员会"
    assert body in names(extract(sentence, title="新闻", issuer=issuer), "Department")


def test_real_inspection_bureaus_commended():
    ex = extract_document(read_document(ROOT_DIR / "unseen21" / "docs" / "c06_hubei_health_supervision_commendation.txt"))
    assert {"宜昌市卫生计生综合监督执法局", "荆门市卫生计生综合监督执法局"} <= names(ex, "Department")


@pytest.mark.parametrize("text, group, core", [
    ("宁夏监狱管理局中心医院正式加入宁夏医科大学总医院医院集团。", "宁夏医科大学总医院医院集团", "宁夏医科大学总医院"),
    ("浙江大学医学院附属第一医院医疗集团成立。", "浙江大学医学院附属第一医院医疗集团", "浙江大学医学院附属第一医院"),
])
def test_a_group_named_by_its_core_hospital(extract, text, group, core):
    ex = extract(text, title="新闻")
    assert group in names(ex, "MedicalConsortium") and (core, group) in members(ex)


def test_a_hospital_that_joins_an_unquoted_group_is_its_member(extract):
    ex = extract("宁夏监狱管理局中心医院正式加入宁夏医科大学总医院医院集团。", title="新闻")
    assert ("宁夏监狱管理局中心医院", "宁夏医科大学总医院医院集团") in members(ex)


def test_hospitals_that_form_a_consortium_are_its_members(extract):
    ex = extract("宝鸡市中心医院与天水市第一人民医院、陇南市第一人民医院合作，组成宝鸡市中心医院医院联盟。", title="新闻")
    got = members(ex)
    assert {("天水市第一人民医院", "宝鸡市中心医院医院联盟"), ("陇南市第一人民医院", "宝鸡市中心医院医院联盟")} <= got, got
    # a list with an item that is no hospital forms nothing
    near = members(extract("市卫健委与天水市第一人民医院合作，组成宝鸡市中心医院医院联盟。", title="新闻"))
    assert ("天水市第一人民医院", "宝鸡市中心医院医院联盟") not in near


def test_real_hospital_group_joined():
    ex = extract_document(read_document(ROOT_DIR / "unseen42" / "docs" / "lf11_ningxia_medical_univ_hospital_group_news.txt"))
    assert ("宁夏监狱管理局中心医院", "宁夏医科大学总医院医院集团") in members(ex)


# 《…倡议书》, 《…提案》, 《…请示》, 《…手册》: the genres of agreements, proposals, requests, work
# assignments and public handbooks are cited documents as much as 方案 and 意见 are
@pytest.mark.parametrize("title", [
    "《资阳市全民健康生活方式倡议书》", "《关于推进医疗与养老融合的提案》", "《关于重新设置卫生院的请示》",
    "《首都卫生健康公约手册》", "《2019年抚顺市中医工作要点任务分解表》", "《2014年全市深化医药卫生体制改革主要工作安排》",
    "《全面健康生活方式核心信息》", "《省部联合防治血吸虫病行动协议书》", "《健康素养66条》",
])
def test_a_cited_proposal_request_handbook_or_assignment_is_a_policy_document(extract, title):
    assert title in names(extract(f"会上发放了{title}等材料。", title="某县新闻"), "PolicyDocument")


@pytest.mark.parametrize("title", ["《颍州晚报》", "《在一起》", "《母子健康》"])
def test_a_quoted_paper_show_or_slogan_is_no_document(extract, title):
    assert names(extract(f"{title}报道了这次活动。", title="某县新闻"), "PolicyDocument") == set()


def test_the_parties_an_agreements_title_names_are_the_texts(extract):
    # real wording: unseen3 w02 (华蓥市 news): 签订了《重庆医科大学附属第一医院华蓥市人民政府紧密型医联体合作框架协议》
    ex = extract("随后，双方签订了《重庆医科大学附属第一医院华蓥市人民政府紧密型医联体合作框架协议》。", title="华蓥市新闻")
    assert "重庆医科大学附属第一医院" in names(ex, "Hospital")
    assert any(n.endswith("紧密型医联体") for n in names(ex, "MedicalConsortium"))
    assert any(n.endswith("合作框架协议》") for n in names(ex, "PolicyDocument"))
    # another cited title's names stay the citation's
    ex = extract("依据《重庆医科大学附属第一医院紧密型医联体建设实施方案》开展工作。", title="华蓥市新闻")
    assert names(ex, "Hospital") == set() and names(ex, "MedicalConsortium") == set()


def test_a_notices_number_names_the_title_it_issues_not_the_one_it_cites(tmp_path):
    # real wording: unseen5 y12 (山西省卫生计生委): 关于印发贯彻《“健康中国2030”规划纲要》、实施《…》2017年行动计划的通知
    doc = tmp_path / "notice.txt"
    doc.write_text("山西省卫生和计划生育委员会关于印发贯彻《“健康中国2030”规划纲要》、实施《“健康山西2030”规划纲要》"
                   "2017年行动计划的通知\n\n晋卫发〔2017〕14号\n\n各市卫生计生委：\n"
                   "经省政府同意，贯彻《“健康中国2030”规划纲要》2017年行动计划，由省卫生计生委印发。现将全文印发给你们。\n",
                   encoding="utf-8")
    ex = extract_document(read_document(doc))
    cited = {m.key.name for m in ex.mentions if m.key.type == "PolicyDocument" and "健康中国2030" in m.surface}
    assert cited == {"《“健康中国2030”规划纲要》"}
    # 关于印发《T》的通知 with its number: T is the notice's own document, known by the number
    doc.write_text("某市人民政府办公室关于印发《某市健康城市建设实施方案》的通知\n\n某政办发〔2020〕3号\n\n各县区：\n"
                   "现将《某市健康城市建设实施方案》印发给你们，请认真贯彻执行。\n", encoding="utf-8")
    ex = extract_document(read_document(doc))
    assert {m.key.name for m in ex.mentions if m.key.type == "PolicyDocument"} == {"某政办发〔2020〕3号"}


# 城南镇人民政府, 城南镇政府: a town's government is a Department (FORMAT.md: a government body) though the table
# of divisions names no town; its canonical name has 人民政府
def test_a_towns_government_is_a_department(extract):
    names = {(m.key.type, m.key.name, m.surface) for m in extract("由城南镇政府负责环境整治，麻城镇人民政府配合。").mentions}
    assert {("Department", "城南镇人民政府", "城南镇政府"), ("Department", "麻城镇人民政府", "麻城镇人民政府")} <= names
    # real wording: unseen47 lk10 (成都 新都区, 2016): a county's name before the town's is no part of it
    names = {m.key.name for m in extract("新都区斑竹园镇人民政府参加了第一季度打击非法行医工作联席会。").mentions
             if m.key.type == "Department"}
    assert names == {"斑竹园镇人民政府"}
    # every town, a town spoken of in general, a verb's object: no one government
    for text in ("各乡镇人民政府负责落实。", "乡政府和镇政府要加强领导。", "本镇人民政府负责。", "1、建立以镇政府主导的工作机制。"):
        assert not [m for m in extract(text).mentions if m.key.type == "Department"], text


def test_an_event_named_by_a_two_part_slogan(extract):
    # “A，B”主题活动 and “A，B”活动 are one event, named by its slogan
    ex = extract("“健康促进助力脱贫攻坚，健康教育走进青春校园”主题活动在第三中学举行。"
                 "“健康促进助力脱贫攻坚，健康教育走进青春校园”活动由县卫生健康局承办。", title="新闻")
    progs = [m for m in ex.mentions if m.key.type == "Program"]
    assert {m.key.name for m in progs} == {"健康促进助力脱贫攻坚，健康教育走进青春校园"}, progs
    # the slogan as a theme (围绕“A，B”主题开展…, “A，B”的义诊活动, “A，B”为主题的…) names no event
    for near in ("围绕“改善工作环境和条件，保护劳动者身心健康”主题开展宣传周活动。",
                 "组织医院开展“共筑幸福家庭，职业健康先行”的义诊活动。",
                 "开展“关注口腔健康，品味老年幸福”为主题的宣传活动。"):
        assert not any("，" in m.key.name for m in extract(near, title="新闻").mentions if m.key.type == "Program"), near


def test_members_listed_after_the_consortium_they_form(extract):
    # X是(由)A联合B、C等组成: every hospital listed after the copula is a member of X
    ex = extract("黑龙江省第一医疗集团是哈尔滨市第一医院联合哈尔滨医科大学第一医院、黑龙江省农垦总局总医院等组成。", title="新闻")
    got = members(ex)
    assert {("哈尔滨市第一医院", "黑龙江省第一医疗集团"), ("哈尔滨医科大学第一医院", "黑龙江省第一医疗集团"),
            ("黑龙江省农垦总局总医院", "黑龙江省第一医疗集团")} <= got, got
    ex = extract("云阳县医疗集团由云阳县人民医院、云阳县中医院组成。", title="新闻")
    assert ("云阳县中医院", "云阳县医疗集团") in members(ex)
    # a list with a unit that is no hospital forms nothing
    near = members(extract("云阳县医疗集团由县卫健委、云阳县中医院组成。", title="新闻"))
    assert not near, near


def test_no_name_opens_with_the_relative_clauses_particle(extract):
    # 建立由A、B牵头的X: A and B lead X; neither the body nor the program is read as “的X”
    ex = extract("国务院同意建立由国务院办公厅、教育部、体育总局牵头的青少年体育工作部际联席会议制度。", title="国务院办公厅函")
    assert not any(m.key.name.startswith("的") for m in ex.mentions), ex.mentions
    got = {(r.kind, r.source.name, r.target.name) for r in ex.relations}
    assert ("lead", "教育部", "青少年体育工作部际联席会议制度") in got, got
    # nor with the verb that sets it up; a body whose fixed name holds a verb (深化医药卫生体制改革) keeps it
    assert "精神卫生工作部际联席会议" in names(extract("国务院关于同意建立精神卫生工作部际联席会议制度的批复", title="批复"), "Department")
    assert "吉林省深化医药卫生体制改革领导小组办公室" in names(
        extract("吉林省将省深化医药卫生体制改革领导小组办公室的职责整合。", title="吉林省新闻"), "Department")
    # 由A牵头的工作专班: a body, which leads nothing
    near = extract("成立由区卫健委牵头的工作专班。", title="某区通知")
    assert not [r for r in near.relations if r.kind == "lead"], near.relations


def test_real_letter_setting_up_a_joint_conference():
    ex = extract_document(read_document(ROOT_DIR / "unseen49" / "docs" / "lm02_national_youth_sports_joint_meeting_letter.txt"))
    got = {(r.kind, r.source.name, r.target.name) for r in ex.relations}
    assert {("lead", "国务院办公厅", "青少年体育工作部际联席会议制度"), ("lead", "教育部", "青少年体育工作部际联席会议制度")} <= got, got
    assert not any(m.key.name.startswith("的") for m in ex.mentions)


def test_a_level_word_in_a_citys_text_of_one_county_is_that_countys(extract):
    # 县 before a body in a city's news of an event held in one county of its own (铜仁市 news, 玉屏侗族自治县)
    text = ("铜仁市第35个爱国卫生月活动启动仪式在玉屏侗族自治县举行。铜仁市卫生健康局局长、玉屏侗族自治县副县长出席。"
            "县疾控中心、县人民医院开展义诊。")
    ex = extract(text, title="铜仁市新闻")
    assert "玉屏侗族自治县疾病预防控制中心" in names(ex, "Department")
    assert "玉屏侗族自治县人民医院" in names(ex, "Hospital")
    assert "铜仁市疾病预防控制中心" not in names(ex, "Department")  # never the city's own centre
    # near case: a city's text naming two counties: 县疾控中心 is one of them, which the text does not say
    ex = extract(text.replace("在玉屏侗族自治县举行", "在玉屏侗族自治县、万山区举行"), title="铜仁市新闻")
    assert not [n for n in names(ex, "Department") if n.endswith("疾病预防控制中心") and n.startswith("铜仁市")]
    # near case: a county named once in passing is not where the text is set: 县人民医院 is no hospital of it
    ex = extract("铜仁市卫生健康局开展义诊活动。铜仁市市长曾任玉屏侗族自治县县委书记。县人民医院牵头开展健康扶贫行动。",
                 title="铜仁市新闻")
    assert not [n for n in names(ex, "Hospital") | names(ex, "Department") if n.startswith("玉屏")]


def test_a_district_whose_full_name_is_a_common_noun_read_in_its_citys_text(extract):
    # 新城区 ("new urban district") is read as a name only in 西安's (or 呼和浩特's) own text, by its short form
    ex = extract("西安市卫生健康委举办活动。本次活动由新城区卫生健康局、新城区教育局协办。", title="西安市新闻")
    assert {"新城区卫生健康局", "新城区教育局"} <= names(ex, "Department")
    assert "西安市卫生健康局" not in names(ex, "Department")


def test_real_city_news_of_a_district_cohosting_an_event():
    # real wording: unseen51 lo03 (西安): 本次活动由新城区卫生健康局、新城区教育局、新城区疾病预防控制中心…协办
    path = next((Path(__file__).resolve().parents[1] / "unseen51" / "docs").glob("lo03_*.txt"))
    ex = extract_document(read_document(path))
    assert {"新城区卫生健康局", "新城区疾病预防控制中心"} <= names(ex, "Department")
    assert "西安市卫生健康局" not in names(ex, "Department")


def test_real_city_news_of_an_event_held_in_one_county():
    # real wording: unseen47 lk02 (铜仁市 news of 玉屏): 县疾控中心、县人民医院…
    path = next((Path(__file__).resolve().parents[1] / "unseen47" / "docs").glob("lk02_*.txt"))
    ex = extract_document(read_document(path))
    assert "玉屏侗族自治县人民医院" in names(ex, "Hospital")
    assert not [n for n in names(ex, "Department") | names(ex, "Hospital") if n.startswith("铜仁市") and "县" not in n
                and n.endswith(("疾病预防控制中心", "人民医院"))]


def test_hospitals_holding_a_seat_of_a_consortium_are_its_members(extract):
    text = ("7月24日，某市卒中专科联盟正式成立。市中心医院担任理事长单位，市第一人民医院、市中医医院担任副理事长单位。"
            "某县人民医院等31家医疗机构为理事成员单位。")
    ex = extract(text.replace("某市", "广元市").replace("某县", "苍溪县"), title="广元市新闻")
    got = {h for h, c in members(ex) if c == "广元市卒中专科联盟"}
    assert {"广元市中心医院", "广元市第一人民医院", "广元市中医医院", "苍溪县人民医院"} <= got, members(ex)
    # near case: a seat with no consortium named before it gives nothing
    ex = extract("市中心医院担任理事长单位，市第一人民医院担任副理事长单位。", title="广元市新闻")
    assert not members(ex)
    # near case: bodies holding the seats are no members (more than half the items must be hospitals)
    ex = extract("某市卒中专科联盟成立。市卫健委、市医保局担任指导单位，市财政局为成员单位。".replace("某市", "广元市"), title="广元市新闻")
    assert not members(ex)


def test_hospitals_that_initiate_a_consortium_and_those_that_join_it_listed(extract):
    text = ("2018年11月，由长春市儿童医院、大连市儿童医院共同倡议发起的“东北儿童医院发展联盟”在大连成立。"
            "本次论坛上，16家儿童医院也正式加入联盟，分别是：吉林市儿童医院、四平市妇婴医院。")
    got = members(extract(text, title="大连日报"))
    c = "东北儿童医院发展联盟"
    assert {("长春市儿童医院", c), ("大连市儿童医院", c), ("吉林市儿童医院", c), ("四平市妇婴医院", c)} <= got, got
    # near case: bodies that initiate it are no members
    got = members(extract("由吉林省卫生健康委员会、辽宁省卫生健康委员会共同倡议发起的“东北儿童医院发展联盟”在大连成立。",
                          title="大连日报"))
    assert not got, got


def test_a_national_consortium_is_named_without_a_region(extract):
    ex = extract("记者14日获悉，国家儿童医学中心眼科专科联盟在上海成立。", title="中新网")
    assert "国家儿童医学中心眼科专科联盟" in names(ex, "MedicalConsortium")
    # near case: 国家级 is a kind of consortium's level, not a name
    ex = extract("推进国家级区域医疗中心与专科联盟建设。", title="新闻")
    assert not names(ex, "MedicalConsortium")


def test_real_news_of_stroke_and_childrens_alliances():
    # real wording: unseen51 lo08 (广元: 市中心医院担任理事长单位…苍溪县人民医院等31家医疗机构为理事成员单位) and lo06
    # (大連, Traditional: 由長春市兒童醫院…共同倡議發起的“東北兒童醫院發展聯盟”; 也正式加入聯盟，分別是：…)
    docs = Path(__file__).resolve().parents[1] / "unseen51" / "docs"
    got = members(extract_document(read_document(next(docs.glob("lo08_*.txt")))))
    assert {("广元市紧急救援中心", "广元市卒中专科联盟"), ("朝天区大滩镇中心卫生院", "广元市卒中专科联盟")} <= got, got
    got = members(extract_document(read_document(next(docs.glob("lo06_*.txt")))))
    assert len({h for h, c in got if c == "东北儿童医院发展联盟"}) == 20, got


@pytest.mark.parametrize("text, hospital", [
    ("前来义诊的还有省人民医院的医务人员。", "省人民医院"),   # 还有 opens the object, no part of the name
    ("参加的有市中医院的专家。", "市中医院"),                 # a text of no region: the level kept as written
])
def test_a_hospital_after_you_is_named_without_it(extract, text, hospital):
    assert hospital in names(extract(text, title="新闻"), "Hospital")


def test_real_news_of_provincial_hospitals_doing_free_clinics():
    # real wording: unseen51 lo05 (郏县): 前来义诊的还有省人民医院、河南中医药大学一附院的医务人员
    path = next((Path(__file__).resolve().parents[1] / "unseen51" / "docs").glob("lo05_*.txt"))
    hospitals = names(extract_document(read_document(path)), "Hospital")
    assert "河南省人民医院" in hospitals and not [h for h in hospitals if h.startswith("有")], hospitals


def test_grassroots_centres_whose_cells_ran_together_are_one_name_each(extract):
    text = "朝阳区医联体成员单位：六里屯社区卫生服务中心八里庄第二社区卫生服务中心高碑店社区卫生服务中心。"
    got = names(extract(text, title="北京市朝阳区医联体名单"), "Hospital")
    assert {"朝阳区六里屯社区卫生服务中心", "朝阳区八里庄第二社区卫生服务中心", "朝阳区高碑店社区卫生服务中心"} <= got, got
    # near case: a hospital's two names written together stay one hospital (泉州市妇幼保健院·儿童医院)
    got = names(extract("由泉州市妇幼保健院·儿童医院牵头组建新生儿专科联盟。", title="泉州新闻"), "Hospital")
    assert "·儿童医院" not in got, got


def test_real_district_consortium_table_run_together():
    # real layer: unseen48 ll01 (北京 朝阳区: …六里屯社区卫生服务中心八里庄第二社区卫生服务中心高碑店社区卫生服务中心…)
    path = next((Path(__file__).resolve().parents[1] / "unseen48" / "docs").glob("ll01_*.txt"))
    got = names(extract_document(read_document(path)), "Hospital")
    assert not [h for h in got if h.count("社区卫生服务中心") > 1], got


def test_a_party_committees_office_in_a_text_of_no_region_keeps_its_level(extract):
    # real wording: unseen53 lq09 (贵州, the text names no place): 由省委改革办、省委编办和省卫生健康委等单位牵头负责
    got = names(extract("由省委改革办、省委编办和省卫生健康委等单位牵头负责我省疾控体系改革。", title="答复"), "Department")
    assert "中共省委改革办公室" in got and "中共委改革办公室" not in got, got
