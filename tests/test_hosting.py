"""Events named with their hosts (FORMAT.md: 主办 names the leading unit): A主办 leads the
event, C承办/协办 supports it, in each order news writes them — a written sentence per
order, a real news item, and the near cases that must assign nothing."""
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.extract.relations.clauses import unit_like
from kg.ingest import read_document


def rels(ex):
    return {(r.kind, r.source.name, r.target.name) for r in ex.relations}


@pytest.mark.parametrize("sentence, event", [
    # the hosts open the clause, the event follows in the sentence
    ("4月26日上午，区爱卫会、区卫生健康局主办，区疾病预防控制中心、沙湾镇人民政府承办，在沙湾公园同步开展以“爱卫同行”为主题的"
     "第32个爱国卫生月统一行动日主题活动。", "第32个爱国卫生月统一行动日主题活动"),
    # the hosts in a relative clause before the event
    ("区卫生健康局主办、区疾病预防控制中心承办的“健康中国行”宣传活动在市民广场举行。", "健康中国行宣传活动"),
    # the event is the sentence's subject
    ("5月20日，“全民营养周”宣传活动由区卫生健康局主办，区疾病预防控制中心承办，在市民广场举行。", "全民营养周宣传活动"),
    # those hosting it for them do so together (real wording: unseen43 lg03, 萍乡: …、…共同承办的第35个爱国卫生月活动启动仪式)
    ("近日，由区卫生健康局主办，区疾病预防控制中心、区爱卫办共同承办的“健康中国行”宣传活动在市民广场举行。", "健康中国行宣传活动"),
])
def test_the_hosts_lead_the_event_and_those_hosting_it_for_them_support_it(extract, sentence, event):
    got = rels(extract(sentence, title="某区新闻"))
    assert any(k == "lead" and o.endswith("卫生健康局") and p == event for k, o, p in got), got
    assert any(k == "support" and o.endswith("疾病预防控制中心") and p == event for k, o, p in got), got


def test_an_event_spoken_of_again_is_the_one_of_its_kind_named_before(extract):
    text = ("5月20日，“全民营养周”宣传活动在市民广场启动，“健康宝鸡”行动同时推进。\n"
            "此次宣传活动由宝鸡市卫生健康委员会主办，宝鸡市疾病预防控制中心承办。")
    got = rels(extract(text, title="宣传活动启动"))
    assert ("lead", "宝鸡市卫生健康委员会", "全民营养周宣传活动") in got
    assert ("support", "宝鸡市疾病预防控制中心", "全民营养周宣传活动") in got


@pytest.mark.parametrize("text", [
    "活动现场，主办方通过解读膳食指南普及营养知识。",                        # 主办方: a noun, no host named
    "本次活动由区卫生健康局主办，区疾病预防控制中心承办。",                   # no 活动 named before: no event
    "福建省全民健康生活方式行动第二阶段启动。本次活动由省卫生健康委员会主办。",  # 本次活动 is no 行动
    "高邮市融媒体中心 主办 2004-2023 版权所有",                              # a site's footer
])
def test_hosts_without_an_event_assign_nothing(extract, text):
    assert not [r for r in extract(text, title="某区新闻").relations if "主办" in r.cue]


def test_one_towns_government_is_a_unit_every_towns_is_not():
    assert unit_like("沙湾镇人民政府") and unit_like("新开乡政府")
    assert not unit_like("乡镇人民政府") and not unit_like("各镇人民政府")


def test_real_news_of_a_districts_patriotic_health_day():
    path = Path(__file__).resolve().parents[1] / "unseen9" / "docs" / "s04_guangdong_panyu_patriotic_health_month_trad.txt"
    got = {(r.kind, r.source.name, r.target.name) for r in extract_document(read_document(path)).relations}
    assert ("lead", "番禺区卫生健康局", "第32个爱国卫生月统一行动日主题活动") in got


def test_the_body_that_decides_to_carry_out_an_event_leads_it(extract):
    text = "关于开展爱国卫生月活动的通知\n结合我县实际，定远县爱卫会决定，从4月1日至4月30日，在全县范围内广泛开展爱国卫生月活动。"
    assert ("lead", "定远县爱国卫生运动委员会", "爱国卫生月活动") in rels(extract(text, title="关于开展爱国卫生月活动的通知"))


@pytest.mark.parametrize("text", [
    "乡党委、政府决定从现在起至今年底，在全乡集中开展严重精神障碍患者肇事肇祸问题专项治理活动。",  # the area's government
    "会议决定，在全市开展爱国卫生月活动。",                                                       # no body decides
])
def test_a_government_or_a_meeting_deciding_assigns_nothing(extract, text):
    assert not [r for r in extract(text, title="某乡工作方案").relations if r.cue.startswith("决定")]


def test_real_county_notice_of_its_patriotic_health_month():
    path = Path(__file__).resolve().parents[1] / "unseen17" / "docs" / "j08_anhui_dingyuan_patriotic_health_month_doc.txt"
    got = {(r.kind, r.source.name, r.target.name) for r in extract_document(read_document(path)).relations}
    assert ("lead", "定远县爱国卫生运动委员会", "爱国卫生月活动") in got


def _departments(ex) -> set[str]:
    return {m.key.name for m in ex.mentions if m.key.type == "Department"}


def test_a_host_read_as_a_longer_body_is_not_also_the_body_inside_it(extract):
    text = "近日，由中国疾病预防控制中心妇幼保健中心主办的“妇幼新世纪”系列活动在武汉举行。"
    got = _departments(extract(text, title="某报新闻"))
    assert "中国疾病预防控制中心妇幼保健中心" in got and "中国疾病预防控制中心" not in got
    # written on its own elsewhere, the body inside is one of the text's bodies still
    both = _departments(extract("中国疾病预防控制中心发布报告。" + text, title="某报新闻"))
    assert {"中国疾病预防控制中心妇幼保健中心", "中国疾病预防控制中心"} <= both


def test_real_traditional_news_of_a_centre_inside_a_centre():
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen19" / "docs"
                                        / "a07_national_maternal_child_decade_news_trad.txt"))
    assert "中国疾病预防控制中心妇幼保健中心" in _departments(ex) and "中国疾病预防控制中心" not in _departments(ex)


# foundations, their funds and organising committees host events as bodies do
@pytest.mark.parametrize("name", ["援助西藏发展基金会", "中华少年儿童慈善救助基金会微笑行动专项基金", "中国林产工业协会健康边疆行组委会",
                                  "市残疾人联合会"])
def test_foundations_and_organising_committees_are_units(name):
    assert unit_like(name)


def test_an_event_a_foundation_hosts(extract):
    # real wording: unseen37 la01 (中国西藏网, 第三届“西藏人人健康”院士专家进藏义诊活动)
    text = ("8月15日，第三届“西藏人人健康”院士专家进藏义诊活动启动仪式在拉萨举行。本次义诊活动由援助西藏发展基金会主办，"
            "西藏自治区卫健委、拉萨市人民政府协办，于8月15日到8月18日在拉萨市正式开展。")
    got = rels(extract(text, title="第三届“西藏人人健康”院士专家进藏义诊活动启动"))
    assert ("lead", "援助西藏发展基金会", "西藏人人健康院士专家进藏义诊活动") in got
    assert ("support", "拉萨市人民政府", "西藏人人健康院士专家进藏义诊活动") in got


# 活动由A主办，B承办: the sentence's subject the event head alone speaks of the last event named, as 本次活动 does
def test_a_bare_event_head_before_its_hosts_is_the_last_event_named(extract):
    text = ("8月29日，德州市卫生健康委在广场举办了“全民健康生活方式日”主题宣传活动。\n"
            "活动由德州市卫生健康委员会、德州市疾病预防控制中心主办，宁津县卫生健康局承办。")
    got = rels(extract(text, title="德州市开展主题宣传活动", issuer="德州市卫生健康委员会"))
    assert {("lead", "德州市卫生健康委员会", "全民健康生活方式日主题宣传活动"),
            ("lead", "德州市疾病预防控制中心", "全民健康生活方式日主题宣传活动"),
            ("support", "宁津县卫生健康局", "全民健康生活方式日主题宣传活动")} <= got, got
    # a subject that is no event head (工作由…主办) names none
    text2 = "8月29日，德州市卫生健康委举办了“全民健康生活方式日”主题宣传活动。\n工作由德州市卫生健康委员会主办，宁津县卫生健康局承办。"
    assert not [r for r in rels(extract(text2, title="德州市新闻")) if r[0] == "support"]


def test_real_news_hosts_after_a_bare_event_head(extract):
    # real wording: unseen37 la07 (吉林市 第13个“全民健康生活方式日”, 永吉县)
    text = ("吉林省吉林市开展第13个“全民健康生活方式日”主题宣传活动\n"
            "活动由吉林市卫生健康委员会、吉林市疾病预防控制中心主办，永吉县卫生健康局、永吉县疾病预防控制中心承办。")
    got = rels(extract(text, title="吉林省吉林市开展第13个“全民健康生活方式日”主题宣传活动"))
    assert {("lead", "吉林市卫生健康委员会", "全民健康生活方式日主题宣传活动"),
            ("support", "永吉县卫生健康局", "全民健康生活方式日主题宣传活动")} <= got, got


# 本次活动 is the last event named, as its name is written (…宣传月活动, a program named by its month)
def test_this_event_speaks_of_the_event_as_written(extract):
    # real wording: unseen37 la06 (长春市绿园区)
    text = ("6月23日，“科普惠民 健康同行”吉林省健康科普专家走基层暨绿园区全民健康素养宣传月活动在长春市绿园区西新镇卫生院启动。\n"
            "本次活动由吉林省卫生健康委员会、吉林省健康教育中心联合主办，长春市绿园区疾病预防控制中心共同承办。")
    ex = extract(text, title="“科普惠民 健康同行”吉林省健康科普专家走进绿园区")
    got = rels(ex)
    leads = {(o, p) for k, o, p in got if k == "lead"}
    assert {o for o, _ in leads} == {"吉林省卫生健康委员会", "吉林省健康教育中心"}, got
    program = {p for _, p in leads}.pop()
    forms = {m.surface for m in ex.mentions if m.key.type == "Program" and m.key.name == program}
    # the theme written before the name is one of its forms
    assert "“科普惠民 健康同行”吉林省健康科普专家走基层暨绿园区全民健康素养宣传月活动" in forms, forms


def test_an_institute_that_hosts_for_the_lead_supports(extract):
    # real wording: unseen37 la04 (青海省 鼠疫防控宣传月): 预防控制所, 健康教育所 … are units
    text = "4月9日，由青海省疾病预防控制局主办、青海省地方病预防控制所承办的2025鼠疫防控宣传月活动在西宁市湟源县拉开帷幕。"
    got = rels(extract(text, title="青海省2025鼠疫防控宣传月活动启动"))
    assert ("support", "青海省地方病预防控制所", "2025鼠疫防控宣传月") in got, got
    assert unit_like("市健康教育所") and not unit_like("派出所")


# --- units that take part in the event (FORMAT.md: 参与 names a supporting unit) ---------------

UNSEEN41 = Path(__file__).resolve().parent.parent / "unseen41" / "docs"


def test_units_that_take_part_after_the_hosts_support_the_event(extract):
    text = ("9月26日，2024年食品安全宣传周活动在万达广场正式启动。本次活动由市食品安全委员会办公室主办，"
            "市市场监管局、市公安局、市卫健委以及某某食品有限公司代表参加活动。")
    got = rels(extract(text, title="新闻", issuer="牡丹江市人民政府"))
    event = next(p for k, o, p in got if k == "lead")
    for unit in ("牡丹江市市场监督管理局", "牡丹江市公安局", "牡丹江市卫生健康委员会", "某某食品有限公司"):
        assert ("support", unit, event) in got, got


def test_units_that_take_part_in_a_sentence_of_their_own_support_the_event_before(extract):
    text = ("友谊县市场监督管理局组织开展以“诚信尚俭 共享食安”为主题的2024年食品安全宣传周活动。"
            "县人民检察院、县教体局、县卫健局、县公安局等食安委相关单位共同参与。")
    got = rels(extract(text, title="新闻"))
    assert ("lead", "友谊县市场监督管理局", "食品安全宣传周") in got  # 以“…”为主题的X: the object is X
    for unit in ("友谊县人民检察院", "友谊县教育体育局", "友谊县卫生健康局", "友谊县公安局"):
        assert ("support", unit, "食品安全宣传周") in got, got


@pytest.mark.parametrize("text", [
    # persons, not units, came
    "县卫健局开展世界无烟日宣传活动。县政府领导徐宝才、卫计委主任郑先刚参加活动。",
    # a crowd
    "县卫健局开展世界无烟日宣传活动。市级各机关事业单位、各镇健走队员代表组成的13个方队共280余人参加活动。",
    # no event led in view
    "县人民检察院、县公安局等单位共同参与。",
    # two events led in the sentence before: which one, the text does not say
    "县卫健局开展世界无烟日宣传活动，县教体局开展世界艾滋病日主题宣传活动。县公安局、县民政局共同参与。",
])
def test_participants_that_are_no_units_or_have_no_one_event_support_nothing(extract, text):
    got = rels(extract(text, title="新闻", issuer="某县卫生健康局"))
    assert not [r for r in got if r[0] == "support"], got


def test_real_units_that_took_part():
    got = rels(extract_document(read_document(UNSEEN41 / "le01_heilongjiang_mudanjiang_food_safety_week_news.txt")))
    supports = {o for k, o, _ in got if k == "support"}
    assert {"牡丹江海关", "牡丹江市人民检察院", "牡丹江市科学技术局", "黑龙江仁和堂药业有限责任公司"} <= supports, supports


def test_a_hospital_that_brings_a_body_in_leads_and_the_body_supports(extract):
    got = rels(extract("长白县人民医院联合县妇联开展“母亲健康快车”流动服务活动。", title="新闻"))
    assert ("lead", "长白县人民医院", "母亲健康快车流动服务") in got, got
    assert ("support", "长白朝鲜族自治县妇女联合会", "母亲健康快车流动服务") in got, got


def test_an_inspection_lasting_days_carried_out_with_partners(extract):
    text = ("3月28日，县卫计综合监督执法大队联合县教体局、县公安局开展为期3天的2018年春季校园及周边安全专项检查工作。")
    got = rels(extract(text, title="新闻", issuer="镇巴县卫生健康局"))
    event = "2018年春季校园及周边安全专项检查工作"
    assert ("lead", "镇巴县卫生计生综合监督执法大队", event) in got, got
    assert ("support", "镇巴县公安局", event) in got, got


def test_an_event_named_by_its_launch_is_the_event_and_its_opening_quote_is_kept(extract):
    text = ("8月9日，由援助西藏发展基金会、西藏自治区卫生健康委员会、拉萨市人民政府主办的“西藏人人健康”义诊系列之"
            "2023年院士、医疗专家进藏义诊公益活动启动仪式在拉萨举行。")
    ex = extract(text, title="新闻")
    event = "“西藏人人健康”义诊系列之2023年院士、医疗专家进藏义诊公益活动"
    assert ("lead", "拉萨市人民政府", event) in rels(ex), rels(ex)
    forms = {m.surface for m in ex.mentions if m.key.name == event}
    assert event + "启动仪式" in forms  # the launch is one more of its forms
    assert not [m for m in ex.mentions if m.key.name.startswith("西藏人人健康”")]


def test_real_event_launched_by_three_hosts():
    path = Path(__file__).resolve().parent.parent / "unseen42" / "docs" / "lf09_xizang_lhasa_health_for_all_clinic_2023_trad.txt"
    got = rels(extract_document(read_document(path)))
    assert {o for k, o, p in got if k == "lead" and p.endswith("义诊公益活动")} >= {"援助西藏发展基金会", "拉萨市人民政府"}, got


def test_real_city_launch_of_its_patriotic_health_month():
    # 由A主办，B、C、D共同承办的第35个爱国卫生月活动启动仪式: the month's event, its launch one of its names
    ex = extract_document(read_document(Path(__file__).resolve().parents[1] / "unseen43" / "docs"
                                        / "lg03_jiangxi_pingxiang_patriotic_health_month_news.txt"))
    event = next(m.key for m in ex.mentions if m.key.type == "Program" and m.surface == "第35个爱国卫生月活动启动仪式")
    got = {(r.kind, r.source.name) for r in ex.relations if r.target == event}
    assert ("lead", "萍乡市创建国家卫生城市指挥部办公室") in got
    assert {("support", "萍乡市爱国卫生运动委员会办公室"), ("support", "萍乡市精神文明建设指导委员会办公室"),
            ("support", "健康萍乡建设工作委员会办公室")} <= got


UNSEEN45 = Path(__file__).resolve().parents[1] / "unseen45" / "docs"


# 本次活动是由A、B主办，C、D参加: the copula before 由, a subdistrict's office among the hosts, and units
# that took part, the sentence closed by a bare 参加
def test_this_event_is_hosted_by_units_and_others_took_part(extract):
    text = "秦淮区启动“2018年食品安全宣传周”广场宣传活动。本次活动是由区食安办、大光路街道主办，区市场监管局、区商务局参加。"
    got = rels(extract(text, title="南京市秦淮区新闻"))
    event = "2018年食品安全宣传周广场宣传活动"
    assert ("lead", "大光路街道", event) in got, got
    # 区 of a city's text that names one district of its own (秦淮区) is that district
    assert {o for k, o, p in got if k == "support" and p == event} == {"秦淮区市场监督管理局", "秦淮区商务局"}, got
    assert any(k == "lead" and o.endswith("食品安全委员会办公室") and p == event for k, o, p in got), got


def test_this_event_is_led_by_units_the_copula_before_by(extract):
    # the same copula where the event's anaphor is read by the lead rule (by_lead), not the hosts rule
    text = "秦淮区启动“2018年食品安全宣传周”广场宣传活动。本次活动是由区食安办、区卫计局牵头，区商务局配合。"
    got = rels(extract(text, title="秦淮区新闻"))
    event = "2018年食品安全宣传周广场宣传活动"
    assert {("lead", "秦淮区卫生和计划生育局", event), ("support", "秦淮区商务局", event)} <= got, got


def test_one_subdistricts_office_is_a_unit_every_subdistrict_is_not():
    assert unit_like("大光路街道") and unit_like("凤凰街道办事处") and unit_like("丰泽区丰泽街道")
    assert not unit_like("镇街道") and not unit_like("区街道") and not unit_like("区疾控中心和丰泽街道")


def test_a_bare_take_part_closing_a_list_that_is_no_units_supports_nothing(extract):
    got = rels(extract("区卫健局开展世界无烟日宣传活动。欢迎广大市民积极参加。", title="某区新闻"))
    assert not [r for r in got if r[0] == "support"], got


def test_real_news_of_food_safety_week_hosts_and_participants():
    # real wording: unseen45 li01 (南京市各区开展2018年食品安全宣传周活动)
    got = rels(extract_document(read_document(UNSEEN45 / "li01_jiangsu_nanjing_district_food_safety_week_news.txt")))
    event = "2018年食品安全宣传周广场宣传活动"
    assert ("lead", "大光路街道", event) in got
    assert len({o for k, o, p in got if k == "support" and p == event}) == 6, got  # 区市场监管局 … 区科技局参加


# 由A主办，B承办的“…启动仪式暨健康讲堂”: the quoted name goes on past the event head inside it, and is the event
def test_a_quoted_event_name_going_on_past_its_head_is_the_event(extract):
    text = "由市卫生健康委主办，市疾控中心承办的“2021老年健康宣传周启动仪式暨健康讲堂”在市民广场举行。"
    got = rels(extract(text, title="某市新闻", issuer="上海市卫生健康委员会"))
    event = "2021老年健康宣传周启动仪式暨健康讲堂"
    assert any(k == "lead" and p == event for k, o, p in got), got
    assert any(k == "support" and o.endswith("疾病预防控制中心") and p == event for k, o, p in got), got


def test_real_launch_of_a_citys_elderly_health_week():
    # real wording: unseen45 li04 (上海市老年健康宣传周)
    got = rels(extract_document(read_document(UNSEEN45 / "li04_shanghai_city_elderly_health_week_news.txt")))
    assert ("lead", "上海市卫生健康委员会", "2021上海市老年健康宣传周启动仪式暨健康讲堂") in got, got


# A联合B在某地开展/举行X: where they do it stands between the partners and the verb
def test_partners_that_carry_out_an_event_at_a_place(extract):
    got = rels(extract("当日上午，省爱卫会联合福州市爱卫会在仓山区螺洲镇集中开展环境卫生整治活动。", title="福建省新闻"))
    assert ("support", "福州市爱国卫生运动委员会", "环境卫生整治活动") in got, got
    got = rels(extract("4月28日，市卫生健康委携手市疾控中心在宜兴举行职业健康帮扶项目启动仪式。", title="无锡市新闻",
                       issuer="无锡市卫生健康委员会"))
    assert any(k == "support" and o.endswith("疾病预防控制中心") and p.startswith("职业健康帮扶项目") for k, o, p in got), got
    # a place phrase that goes on into another clause is no place of the verb
    got = rels(extract("省爱卫会联合福州市爱卫会在全省范围内，开展环境卫生整治活动。", title="福建省新闻"))
    assert not [r for r in got if r[0] == "support"], got


# 由A主办、B承办、C协办在…举行X: the roles joined by 、, each host's own verb ending its units
def test_hosts_roles_joined_by_a_list_comma(extract):
    got = rels(extract("5月29日，由区卫生健康局主办、区疾病预防控制中心承办、区计划生育协会协办，在人民广场举行了"
                       "全民健康生活方式行动启动仪式。", title="某区新闻"))
    event = {p for k, o, p in got if k == "lead"}
    assert len(event) == 1 and ("lead", "区卫生健康局", next(iter(event))) in got
    assert {o for k, o, p in got if k == "support"} == {"区疾病预防控制中心", "区计划生育协会"}, got
    # real wording: unseen46 lj07 (山东 定陶区, 2018): 承办 ends the first supporter's name, not 协办
    got = rels(extract("5月29日,由区卫计局主办、区疾控中心承办、区计生协协办在定陶区镜湖广场举行了以“健康山东 共建共享”为主题的"
                       "“健康山东•全民健康生活方式——一评二控三减四健专项行动”暨健康素养促进行动启动仪式。", title="定陶区新闻"))
    assert {(k, o) for k, o, _ in got} == {("lead", "定陶区卫生和计划生育局"), ("support", "定陶区疾病预防控制中心"),
                                          ("support", "定陶区计划生育协会")}, got
    # not 由A负责、B…: only hosting's verbs are read after a 、
    got = rels(extract("健康步道建设由区建设局负责、区财政局保障经费。", title="某区方案"))
    assert not [r for r in got if r[0] == "support"]


# 活动以“…”为主题，由A联合B、C共同举办: the event the sentence speaks of is held; A leads it, its partners support it
def test_an_event_held_by_a_body_with_its_partners(extract):
    text = ("4月17日上午，某区第37个爱国卫生月主题宣传活动在夜市拉开帷幕。活动以“爱卫新篇章”为主题，"
            "由区卫生健康局联合区教育局、城南镇政府及多家医疗卫生机构共同举办，旨在深化爱国卫生运动内涵。")
    got = rels(extract(text, title="某区新闻"))
    assert {(k, o) for k, o, _ in got} == {("lead", "区卫生健康局"), ("support", "区教育局"), ("support", "城南镇人民政府")}, got
    assert len({p for _, _, p in got}) == 1 and "爱国卫生运动" not in {p for _, _, p in got}  # not the purpose's program
    # with no partner verb the units hold it jointly
    got = rels(extract("某区第37个爱国卫生月主题宣传活动在夜市拉开帷幕。本次活动由区卫生健康局、区教育局共同举办。", title="某区新闻"))
    assert {(k, o) for k, o, _ in got} == {("lead", "区卫生健康局"), ("lead", "区教育局")}, got
    # 由A举办 with no event before it or as the sentence's subject: nothing (旨在… names a purpose)
    got = rels(extract("培训由区卫生健康局举办，旨在推进健康促进行动。", title="某区新闻"))
    assert not got, got


# A、B等部门联合开展X: bodies that carry out an event together, none marked to lead, lead it jointly
def test_bodies_that_carry_out_an_event_together_lead_it_jointly(extract):
    got = rels(extract("秋季开学之际，县市场监督管理局、县教育局等部门联合开展校园周边食品安全专项整治行动。", title="某县新闻"))
    assert {(k, o) for k, o, _ in got} == {("lead", "县市场监督管理局"), ("lead", "县教育局")}, got
    # real wording: unseen47 lk05 (江西 于都县, 2020), with the program named as an action
    got = rels(extract("秋季正值开学之际,江西省赣州市于都县市场监督管理局、教育局等部门联合开展校园周边食品安全专项整治行动,"
                       "引导商家落实进货台帐制度。", title="江西于都启动秋季校园周边食品安全专项检查"))
    assert {(k, o) for k, o, _ in got} == {("lead", "于都县市场监督管理局"), ("lead", "于都县教育局")}, got
    # A联合B开展X keeps its partner a supporter (lead_with), not a joint lead
    got = {(k, o) for k, o, _ in rels(extract("县市场监督管理局联合县教育局开展校园周边食品安全专项整治行动。", title="某县新闻"))}
    assert ("support", "县教育局") in got and ("lead", "县教育局") not in got, got


# 由A联合B主办、C承办 / A联合B主办: the partner after 联合 supports, as in 由A联合B共同举办 (one reading of the hosts)
def test_a_hosts_partner_supports_the_event(extract):
    got = rels(extract("某区第37个爱国卫生月主题宣传活动在夜市拉开帷幕。本次活动由区卫生健康局联合区教育局主办、"
                       "区疾病预防控制中心承办。", title="某区新闻"))
    assert {(k, o) for k, o, _ in got} == {("lead", "区卫生健康局"), ("support", "区教育局"), ("support", "区疾病预防控制中心")}, got


def test_the_copula_makes_the_subject_the_event_its_hosts_hold(extract):
    # “X”活动，是A、B共同主办的主题活动: the hosts hold X (the sentence's subject), not the generic 主题活动 after them
    got = rels(extract("“科学健身，健康生活”活动，是区卫生健康局、区体育局共同主办的主题活动。", title="某区新闻"))
    assert {("lead", "区卫生健康局", "科学健身，健康生活"), ("lead", "区体育局", "科学健身，健康生活")} <= got, got
    assert not any(p == "主题活动" or o.startswith("是") for _, o, p in got), got
    # no event named before the copula: nothing is assigned to the copula's subject
    near = rels(extract("这项工作，是区卫生健康局主办的。", title="某区新闻"))
    assert not any(o.startswith("是") for _, o, _ in near), near


def test_real_news_of_a_campaign_its_province_hosts():
    path = Path(__file__).resolve().parents[1] / "unseen49" / "docs" / "lm07_hunan_rucheng_health_campus_campaign_news.txt"
    got = {(r.kind, r.source.name, r.target.name) for r in extract_document(read_document(path)).relations}
    event = "健康促进助力脱贫攻坚，健康教育走进青春校园"
    assert {("lead", "湖南省卫生健康委员会", event), ("lead", "湖南省教育厅", event)} <= got, got
    assert not any(o.startswith("汝城县是") or p == "主题活动" for _, o, p in got), got


def test_the_official_who_serves_is_no_role(extract):
    # 由A负责同志担任: the officials of A serve (as liaison); 负责 is part of the noun 负责同志, no lead
    ex = extract("联席会议设联络员，由联席会议成员单位的有关司局负责同志担任。", title="国务院批复")
    assert not [r for r in ex.relations if r.kind == "lead"], ex.relations
    # near case: 负责 as the verb still leads
    assert ("lead", "区卫生健康局", "健康促进工作") in rels(extract("健康促进工作由区卫生健康局负责。", title="某区通知"))


# A、B作为活动主办单位: the units named as holding a host's role of the event named before
def test_units_named_as_an_events_hosts_lead_it(extract):
    text = ("市卫健委定于5月在全市开展“2024年健康某市行-科学健身主题宣传活动”。\n二、活动组织管理\n"
            "市卫健委、市体育局、市教委作为活动主办单位。市疾控中心作为活动承办单位。")
    ex = extract(text, title="通知")
    event = "2024年健康某市行-科学健身主题宣传活动"
    assert {(r.kind, r.source.name, r.target.name) for r in ex.relations if r.cue.startswith("作为")} >= {
        ("lead", "市卫生健康委员会", event), ("lead", "市体育局", event), ("support", "市疾病预防控制中心", event)}
    # near cases: no event named before, and a role of no event's kind, assign nothing
    ex = extract("市卫健委、市体育局作为活动主办单位。", title="通知")
    assert not [r for r in ex.relations if r.cue.startswith("作为")]
    # a role of no event's kind (项目), though a 项目 is named before; a role with no kind said
    ex = extract("市卫健委实施“健康小屋”项目。" + text.replace("作为活动主办单位", "作为项目主办单位"), title="通知")
    assert not [r for r in ex.relations if r.cue == "作为主办单位"]
    ex = extract(text.replace("作为活动主办单位", "作为主办单位"), title="通知")
    assert not [r for r in ex.relations if r.cue == "作为主办单位"]
    # a body the text does not name (中心) holds no role
    ex = extract(text.replace("市疾控中心作为活动承办单位", "中心作为活动承办单位"), title="通知")
    assert not [r for r in ex.relations if r.cue.endswith("承办单位")]


def test_real_municipal_notice_naming_its_hosts():
    # real wording: unseen49 lm04 (北京): 北京市卫生计生委、北京市体育局、北京市教委、北京市总工会、北京市妇联作为活动主办单位。
    from pathlib import Path

    from kg.extract import extract_document
    from kg.ingest import read_document

    path = next((Path(__file__).resolve().parents[1] / "unseen49" / "docs").glob("lm04_*.txt"))
    leads = {(r.source.name, r.target.name) for r in extract_document(read_document(path)).relations if r.kind == "lead"}
    event = "2018年北京市健康中国行-科学健身主题宣传活动"
    assert {("北京市体育局", event), ("北京市总工会", event), ("北京市妇女联合会", event)} <= leads


def test_a_districts_body_named_with_its_city_is_a_unit(extract):
    from kg.extract.relations.clauses import unit_like

    assert unit_like("宝鸡市金台区人民政府") and unit_like("宝鸡市金台区卫生健康局")
    assert not unit_like("宝鸡市金台区") and not unit_like("陕西省宝鸡市")  # places, no bodies
    got = rels(extract("4月7日，由陕西省卫生健康委主办，宝鸡市体育局、宝鸡市金台区人民政府承办的陕西省第36个爱国卫生月"
                       "暨世界卫生日活动在宝鸡市举行。", title="新闻"))
    assert {("support", "金台区人民政府"), ("support", "宝鸡市体育局"), ("lead", "陕西省卫生健康委员会")} <= {(k, o) for k, o, _ in got}


def test_real_provincial_campaign_hosted_with_a_city_and_its_district():
    # real wording: unseen53 lq07 (陕西): 由陕西省爱卫会、陕西省卫生健康委、宝鸡市人民政府主办,宝鸡市卫生健康委、宝鸡市体育局、
    # 宝鸡市金台区人民政府承办的陕西省第36个爱国卫生月暨世界卫生日活动
    path = next((Path(__file__).resolve().parents[1] / "unseen53" / "docs").glob("lq07_*.txt"))
    got = {(r.kind, r.source.name) for r in extract_document(read_document(path)).relations}
    assert {("lead", "陕西省爱国卫生运动委员会"), ("lead", "宝鸡市人民政府"), ("support", "宝鸡市体育局")} <= got


def test_bodies_that_hold_an_event_with_a_city_lead_it_and_the_city_supports_nothing(extract):
    text = "3月24日，吉林省卫生健康委、省教育厅会同长春市在长春人文学院举办“世界防治结核病日”主题活动启动仪式。"
    got = rels(extract(text, title="新闻"))
    assert {(k, o) for k, o, _ in got} == {("lead", "吉林省卫生健康委员会"), ("lead", "吉林省教育厅")}, got
    # near case: a body as the partner supports
    got = rels(extract(text.replace("长春市", "长春市卫生健康委"), title="新闻"))
    assert ("support", "长春市卫生健康委员会") in {(k, o) for k, o, _ in got}, got


def test_real_provincial_news_of_a_tuberculosis_day_held_with_a_city():
    # real wording: unseen53 lq10 (吉林): 省卫生健康委、省教育厅、省疾控中心会同长春市在长春人文学院举办“世界防治结核病日”主题活动启动仪式
    path = next((Path(__file__).resolve().parents[1] / "unseen53" / "docs").glob("lq10_*.txt"))
    got = {(r.kind, r.source.name) for r in extract_document(read_document(path)).relations}
    assert {("lead", "吉林省卫生健康委员会"), ("lead", "吉林省教育厅"), ("lead", "吉林省疾病预防控制中心")} <= got
    assert not [o for k, o in got if o == "长春市"]


def test_a_months_concentrated_publicity_events_are_the_month_and_its_hosts_lead_them(extract):
    text = "4月17日上午，我市启动第35个爱国卫生月集中宣传活动。此次集中宣传活动由市卫健委、区卫健委联合举办。"
    ex = extract(text, title="新闻")
    surfaces = {m.surface for m in ex.mentions if m.key.type == "Program"}
    assert "第35个爱国卫生月集中宣传活动" in surfaces
    assert {(r.kind, r.target.name) for r in ex.relations} >= {("lead", "爱国卫生月")}
    # near case: 集中 alone after the month opens no event of it (集中整治 is another action)
    ex = extract("4月17日，我市在爱国卫生月集中整治环境卫生。", title="新闻")
    assert "爱国卫生月集中整治" not in {m.surface for m in ex.mentions}


def test_real_city_news_of_a_patriotic_health_month_in_traditional_script():
    # real wording: unseen53 lq08 (駐馬店): 我市啟動第35個愛國衛生月集中宣傳活動。…此次集中宣傳活動由市衛健體委、驛城區衛健體委聯合舉辦
    path = next((Path(__file__).resolve().parents[1] / "unseen53" / "docs").glob("lq08_*.txt"))
    ex = extract_document(read_document(path))
    assert "第35個愛國衛生月集中宣傳活動" in {m.surface for m in ex.mentions if m.key.type == "Program"}
    assert [r for r in ex.relations if r.kind == "lead" and r.target.name == "爱国卫生月"]


@pytest.mark.parametrize("sentence, event", [
    ("9月20日，市卫生健康委举办了第7个全国近视防控宣传教育月暨第35个全国爱牙日宣传活动。",
     "第7个全国近视防控宣传教育月暨第35个全国爱牙日宣传活动"),
    ("县爱卫办联合开展纪念爱国卫生运动70周年暨第34个“爱国卫生月”集中宣传活动。",
     "纪念爱国卫生运动70周年暨第34个“爱国卫生月”集中宣传活动"),
    ("县卫健局启动2025年全民营养周暨“5·20”中国学生营养日系列宣传活动启动仪式。",
     "2025年全民营养周暨“5·20”中国学生营养日系列宣传活动"),  # the launch: one more form of the event
])
def test_two_occasions_joined_by_ji_are_one_event_named_whole(extract, sentence, event):
    programs = {m.key.name for m in extract(sentence, title="新闻").mentions if m.key.type == "Program"}
    assert event in programs, programs
    assert not [p for p in programs if p != event and p in event], programs  # no part of it a second program


@pytest.mark.parametrize("text", [
    "市卫生健康委暨市爱卫办召开专题会议。",                        # two bodies joined: no event head
    "认真贯彻落实2019年全省卫生计生宣传暨健康促进与教育工作会议精神。",  # a meeting is no program
    "印发2022年健康宁夏暨健康水平提升行动工作要点。",                # a document's title
    "举行医联体合作签约暨揭牌仪式。",                                # a signing ceremony
])
def test_what_ji_joins_that_is_no_event(extract, text):
    programs = {m.key.name for m in extract(text, title="新闻").mentions if m.key.type == "Program"}
    assert not [p for p in programs if "暨" in p], programs


def test_real_city_news_of_a_joined_myopia_month_and_teeth_day():
    # real wording: unseen51 lo03 (西安): 西安市卫生健康委、西安市教育局、西安市疾病预防控制中心在西安市育英小学联合举办了
    # 第7个全国近视防控宣传教育月暨第35个全国爱牙日宣传活动 (the bodies, then the place, then 联合)
    path = next((Path(__file__).resolve().parents[1] / "unseen51" / "docs").glob("lo03_*.txt"))
    got = {(r.kind, r.source.name, r.target.name) for r in extract_document(read_document(path)).relations}
    event = "第7个全国近视防控宣传教育月暨第35个全国爱牙日宣传活动"
    assert {("lead", "西安市卫生健康委员会", event), ("lead", "西安市教育局", event),
            ("lead", "西安市疾病预防控制中心", event)} <= got, got


def test_bodies_jointly_holding_an_event_at_a_place(extract):
    got = rels(extract("5月8日，区卫生健康局、区教育局在实验小学联合举办“健康校园”宣传活动。", title="新闻"))
    assert {k for k, _, _ in got} == {"lead"} and {o for _, o, _ in got} == {"区卫生健康局", "区教育局"}, got
    # near case: a list inside the 在 phrase is no place (在A、B两地联合…): the bodies are not read
    got = rels(extract("5月8日，区卫生健康局、区教育局在城区、乡镇两地联合举办“健康校园”宣传活动。", title="新闻"))
    assert not got, got


def test_an_event_announced_as_launched_is_named_by_its_subject(extract):
    text = ("2023年某市深入开展爱国卫生运动专项活动启动\n"
            "4月4日，2023年某市深入开展爱国卫生运动专项活动正式启动。"
            "活动由市爱卫会主办，市爱卫办、市卫健委承办，市教育局、市体育局等多部门单位协办。")
    ex = extract(text, title="新闻")
    event = "2023年某市深入开展爱国卫生运动专项活动"
    assert event in {m.key.name for m in ex.mentions if m.key.type == "Program"}
    got = {(r.kind, r.source.name) for r in ex.relations if r.target.name == event}
    assert ("lead", "市爱国卫生运动委员会") in got
    # each supporting clause in turn: 承办, then 协办
    assert {("support", "市卫生健康委员会"), ("support", "市教育局"), ("support", "市体育局")} <= got, got


@pytest.mark.parametrize("text, subject", [
    ("萝北县卫生局召开了2015年无业妇女免费筛查项目启动。", "萝北县卫生局召开了2015年无业妇女免费筛查项目"),  # a body opens it
    ("市委书记讲话并宣布活动正式启动。", "市委书记讲话并宣布活动"),                      # no name
    ("为弘扬优良传统，全面提升群众健康素养水平的活动启动。", "全面提升群众健康素养水平的活动"),  # a purpose, not a date, before it
    ("医疗院士专家“组团”赴藏“西藏人人健康”义诊启动", "医疗院士专家“组团”赴藏“西藏人人健康”义诊"),  # quotes inside a clause
])
def test_launches_whose_subject_names_no_event(extract, text, subject):
    ex = extract(text, title="新闻")
    assert subject not in {m.key.name for m in ex.mentions if m.key.type == "Program"}
    # near case: the same subject after a date clause of its own is the event
    ex = extract("4月4日，2023年某市深入开展爱国卫生运动专项活动正式启动。", title="新闻")
    assert "2023年某市深入开展爱国卫生运动专项活动" in {m.key.name for m in ex.mentions if m.key.type == "Program"}


def test_real_city_news_of_a_launched_patriotic_health_campaign():
    # real wording: unseen51 lo02 (南宁): 2023年南宁市深入开展爱国卫生运动专项活动正式启动。活动由市爱国卫生运动委员会主办，
    # 市爱国卫生运动委员会办公室、市卫生健康委员会承办，市直机关工委、市教育局…及兴宁区政府等多部门单位协办
    path = next((Path(__file__).resolve().parents[1] / "unseen51" / "docs").glob("lo02_*.txt"))
    ex = extract_document(read_document(path))
    event = "2023年南宁市深入开展爱国卫生运动专项活动"
    got = {(r.kind, r.source.name) for r in ex.relations if r.target.name == event}
    assert ("lead", "南宁市爱国卫生运动委员会") in got
    assert {("support", "南宁市教育局"), ("support", "南宁市妇女联合会"), ("support", "兴宁区人民政府")} <= got, got


def test_host_labels_on_the_lines_after_an_events_name(extract):
    text = "2024年全民营养周宣传活动\n主办单位：县卫生健康局\n承办单位：县疾病预防控制中心\n协办单位：县人民医院、县中医院\n"
    got = rels(extract(text, title="2024年全民营养周宣传活动"))
    assert got == {("lead", "县卫生健康局", "全民营养周"), ("support", "县疾病预防控制中心", "全民营养周"),
                   ("support", "县人民医院", "全民营养周"), ("support", "县中医院", "全民营养周")}, got


def test_a_notices_organisers_section_is_no_action_its_units_are_the_events(extract):
    text = ("一、活动名称\n2024年全民营养周宣传活动\n二、组织单位\n主办单位：县卫生健康局\n承办单位：县疾病预防控制中心\n"
            "三、活动时间\n5月20日\n")
    ex = extract(text, title="关于开展2024年全民营养周宣传活动的通知")
    programs = {m.key.name for m in ex.mentions if m.key.type == "Program"}
    assert not programs & {"组织单位", "活动名称", "活动时间", "承办单位"}, programs
    assert rels(ex) == {("lead", "县卫生健康局", "全民营养周"), ("support", "县疾病预防控制中心", "全民营养周")}
    # near case: no event named on a line of its own before the section: its units are given to nothing
    ex = extract(text.replace("2024年全民营养周宣传活动\n", "宣传合理膳食知识\n"), title="通知")
    assert not rels(ex)


def test_the_whole_peoples_week_is_a_campaigns_name(extract):
    assert "全民营养周" in {m.key.name for m in extract("县卫健局举办2024年全民营养周宣传活动。", title="新闻").mentions}
    # near case: 全民 before an action's head names no one program
    assert not [m for m in extract("推动形成全民行动。", title="新闻").mentions if m.key.type == "Program"]


def test_guides_before_the_hosts_are_given_nothing_and_the_event_is_the_subject(extract):
    text = ("5月20日，2024年县全民营养周宣传活动启动。此次活动由县爱卫会、县文明办指导，县卫健局、县教育局联合主办，"
            "县疾控中心承办。")
    got = {(k, o) for k, o, _ in rels(extract(text, title="新闻"))}
    assert got == {("lead", "县卫生健康局"), ("lead", "县教育局"), ("support", "县疾病预防控制中心")}, got
    # a relative clause after them: 由A指导，B主办，C支持的X (wording of a 2016 news item on 健康中国行 in 北京: 由国家卫计委宣传司
    # 指导，北京市卫计委、健康报社和人民政协网联合主办，华盛医疗投资管理股份有限公司支持的“健康中国行—…”活动)
    text = "由国家卫计委宣传司指导，北京市卫计委、健康报社联合主办，华盛医疗投资管理股份有限公司支持的“健康中国行”活动在北京举行。"
    got = {(k, o) for k, o, _ in rels(extract(text, title="新闻"))}
    assert got == {("lead", "北京市卫生和计划生育委员会"), ("lead", "健康报社"), ("support", "华盛医疗投资管理股份有限公司")}, got
    # near case: a host that is no unit (人民政协网, a website) leaves its whole list unread, as any list is
    text = text.replace("健康报社联合主办", "健康报社和人民政协网联合主办")
    assert not [k for k, _, _ in rels(extract(text, title="新闻")) if k == "lead"]


def test_an_editions_year_before_a_quoted_program_is_no_part_of_a_name(extract):
    # real wording: unseen37 la05 (宁夏): …、自治区卫健委共同主办的2025“宁夏微笑行动”在自治区人民医院启动
    ex = extract("宁夏医学会、自治区卫健委共同主办的2025“宁夏微笑行动”在自治区人民医院启动。", title="新闻")
    programs = {m.key.name for m in ex.mentions if m.key.type == "Program"}
    assert programs == {"宁夏微笑行动"}, programs
    assert {r.target.name for r in ex.relations} == {"宁夏微笑行动"}
