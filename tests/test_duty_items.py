"""A division of duties written item by item (kg.extract.relations.duties): each numbered item
that opens with the bodies it charges and 负责 names its duty, which they lead; a body's remit
set out as items (应当履行下列职责：); a task put first (X工作由A负责监督管理)."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def rels(ex, kind="lead"):
    return {(r.source.name, r.target.name) for r in ex.relations if r.kind == kind}


RULES = """廊坊市病媒生物预防控制管理办法
第七条 有关部门按照以下分工负责病媒生物预防控制监督管理工作：
（一）市卫生健康委负责医疗机构及公共场所病媒生物预防控制工作的监督管理，负责病媒生物密度监测工作；
（二）市市场监督管理局负责监督管理餐饮服务场所的病媒生物预防控制工作；
（三）市商务局、市市场监督管理局根据各自职责负责集贸市场病媒生物预防控制的监督管理工作；
（四）市教育局负责辖区内的学校病媒生物预防控制工作。
"""


def test_each_item_of_a_division_of_duties_names_a_duty_its_bodies_lead(extract):
    ex = extract(RULES, title="廊坊市病媒生物预防控制管理办法")
    got = rels(ex)
    assert ("廊坊市卫生健康委员会", "医疗机构及公共场所病媒生物预防控制工作的监督管理") in got
    assert ("廊坊市市场监督管理局", "餐饮服务场所的病媒生物预防控制工作") in got          # 负责监督管理X: X
    assert {("廊坊市商务局", "集贸市场病媒生物预防控制的监督管理工作"),
            ("廊坊市市场监督管理局", "集贸市场病媒生物预防控制的监督管理工作")} <= got     # joint
    assert ("廊坊市教育局", "学校病媒生物预防控制工作") in got                            # 辖区内的: where
    # only the item's first clause is its duty
    assert not any(p == "病媒生物密度监测工作" for _, p in got)


def test_an_item_under_a_headed_measure_speaks_of_that_measure(extract):
    plan = """廊坊市健康促进工作实施方案
（一）开展跨部门健康行动。
1. 各部门要针对当地健康问题，开展跨部门健康行动。
2. 市卫生健康委负责跨部门健康行动的技术指导工作。
"""
    got = rels(extract(plan, title="关于印发廊坊市健康促进工作实施方案的通知"))
    assert not any(p == "跨部门健康行动的技术指导工作" for _, p in got)


@pytest.mark.parametrize("text", [
    "（一）各部门要负责本区域的病媒生物防制工作。",                 # no named body
    "（二）市卫生健康委负责落实配套经费。",                           # no task named
    "（三）市疾控中心负责为全市病媒生物防制工作提供技术支持。",       # a supporting duty
    "（四）市卫生健康委负责该项工作。",                               # an anaphor
])
def test_an_item_that_names_no_body_or_no_own_task_gives_nothing(text, extract):
    ex = extract("廊坊市病媒生物防制工作分工\n" + text, title="廊坊市病媒生物防制工作分工")
    assert not ex.relations


def test_a_real_division_of_duties():
    """unseen22 d01 (a county's notice on food hygiene duties): 一、县质量技术监督局负责规范和管理…的食品卫生工作."""
    from kg.extract import extract_document
    from kg.ingest import read_document
    doc = next((ROOT / "unseen22" / "docs").glob("d01_*.txt"))
    got = rels(extract_document(read_document(doc)))
    assert ("新晃侗族自治县质量技术监督局", "规范和管理辖区内食品生产加工领域（含前店后厂）的食品卫生工作") in got


def test_a_remit_set_out_as_items(extract):
    text = ("廊坊市病媒生物防制管理办法\n第六条 市爱国卫生运动委员会办公室（以下简称市爱卫办）应当履行下列职责：（一）组织开展病媒生物预防控制宣传教育和技术培训，"
            "（二）协调各成员单位做好职责范围内的病媒生物预防控制工作，（三）负责日常事务。")
    got = rels(extract(text, title="廊坊市病媒生物防制管理办法"))
    office = "廊坊市爱国卫生运动委员会办公室"
    assert (office, "组织开展病媒生物预防控制宣传教育和技术培训") in got
    assert (office, "协调各成员单位做好职责范围内的病媒生物预防控制工作") in got
    assert not any(p == "负责日常事务" for _, p in got)   # no task head: nothing


def test_a_real_remit_set_out_as_items():
    """unseen27 ia03 (a city's rules on vector control): 爱卫办应当履行下列职责：（一）…，（五）…."""
    from kg.extract import extract_document
    from kg.ingest import read_document
    doc = next((ROOT / "unseen27" / "docs").glob("ia03_*.txt"))
    got = rels(extract_document(read_document(doc)))
    assert ("承德市爱国卫生运动委员会办公室", "组织开展病媒生物预防控制宣传教育和技术培训") in got


def test_a_task_put_first_before_by_whom(extract):
    text = "江夏区除四害工作职责分工\n（四）公共厕所、垃圾暂存地除四害工作由区城管局负责监督管理。\n（五）本次“健康防疫包”的发放工作由区医保局负责。"
    got = rels(extract(text, title="江夏区除四害工作职责分工"))
    assert ("江夏区城市管理局", "公共厕所、垃圾暂存地除四害工作") in got
    assert not any("本次" in p or p == "监督管理" for _, p in got)


def test_bodies_listed_before_where_they_acted_lead_what_they_did(extract):
    # real wording: unseen29 ic09 (正安 news): 正安縣紅十字會、縣疾控中心、縣衛健局等十多家單位…在…廣場開展…活動
    text = "12月1日，正安县红十字会、县疾控中心、县卫健局等十多家单位在县城新天广场开展“世界艾滋病日”主题宣传活动。"
    got = rels(extract(text, title="正安县开展世界艾滋病日宣传活动"))
    assert {("正安县红十字会", "世界艾滋病日主题宣传活动"), ("正安县疾病预防控制中心", "世界艾滋病日主题宣传活动"),
            ("正安县卫生健康局", "世界艾滋病日主题宣传活动")} <= got
    # a body named in the place phrase: who acted is not plain
    got = rels(extract("12月1日，县疾控中心在县卫健局的指导下开展“世界艾滋病日”主题宣传活动。", title="正安县新闻"))
    assert not got


ROLL = """廊坊市人民政府办公室关于明确病媒生物防制工作职责的通知
各县（市、区）人民政府：
为巩固创卫成果，现提出我市有关部门病媒生物防制工作职责，请一并贯彻执行。
市卫生健康委：负责组织制定全市病媒生物防制工作计划，负责密度监测和技术指导。
市财政局：负责安排病媒生物防制经费。

市城管局：负责公共厕所、垃圾中转站的病媒生物防制。
市农机局：根据全市工作计划，负责农机维修场所的鼠类防制。
"""


def test_a_roll_of_duties_divides_the_work_it_is_introduced_with(extract):
    got = rels(extract(ROLL, title="廊坊市人民政府办公室关于明确病媒生物防制工作职责的通知"))
    work = "病媒生物防制工作"
    # every body on the roll leads it, jointly (FORMAT.md: no lead marked); a blank line keeps the roll,
    # and a body outside the table (市农机局) is read by its parts, as the line's place says it is one
    assert {(b, work) for b in ("廊坊市卫生健康委员会", "廊坊市财政局", "廊坊市城市管理局", "廊坊市农机局")} <= got
    assert not any(p.startswith("组织制定") for _, p in got)   # the roll's lines are not programs of their own


def test_a_roll_takes_its_work_from_a_notice_title_that_sets_it_up(extract):
    text = ("苏州市人民政府办公室关于建立健康城市建设定点联系制度的通知\n一、联系单位\n市发展改革委：负责联系吴江区；\n"
            "市财政局：负责联系吴中区；\n市卫生健康委：负责联系相城区。\n")
    got = rels(extract(text, title="苏州市人民政府办公室关于建立健康城市建设定点联系制度的通知"))
    assert {("苏州市发展和改革委员会", "健康城市建设定点联系制度"), ("苏州市财政局", "健康城市建设定点联系制度"),
            ("苏州市卫生健康委员会", "健康城市建设定点联系制度")} == got


@pytest.mark.parametrize("text, title", [
    # the intro names a body, not a work (a plan's 成员单位职责)
    ("应急指挥部各成员单位职责如下：\n市卫生健康委：负责组织救治。\n市财政局：负责安排经费。\n市公安局：负责维护秩序。\n",
     "关于印发《廊坊市突发公共卫生事件应急预案》的通知"),
    # two lines are no roll
    ("现提出我市有关部门病媒生物防制工作职责：\n市卫生健康委：负责技术指导。\n市财政局：负责安排经费。\n", "廊坊市通知"),
    # most lines charge nothing: a list of contacts, not of duties
    ("现提出我市有关部门病媒生物防制工作职责：\n市卫生健康委：张三。\n市财政局：李四。\n市公安局：负责维护秩序。\n", "廊坊市通知"),
])
def test_a_roll_whose_work_is_named_nowhere_assigns_nothing(text, title, extract):
    assert not rels(extract(text, title=title))


def test_real_rolls_of_duties():
    """unseen33 jd03 (广东, 1999, Traditional: 省衛生廳:負責…, under 現提出我省有關部門血防監測工作職責) and unseen30 ja04
    (江苏, 2006: 省财政厅:负责联系…, under a notice titled 关于建立血吸虫病防治工作定点联系制度的通知, below a row of
    the page's menu)."""
    from kg.extract import extract_document
    from kg.ingest import read_document
    got = rels(extract_document(read_document(next((ROOT / "unseen33" / "docs").glob("jd03_*.txt")))))
    assert {(b, "血防监测工作") for b in ("广东省卫生厅", "广东省计划委员会", "广东省公安厅", "广东省水利厅")} <= got
    assert len(got) == 8
    doc = read_document(next((ROOT / "unseen30" / "docs").glob("ja04_*.txt")))
    assert doc.title == "江苏省政府办公厅关于建立血吸虫病防治工作定点联系制度的通知"
    got = rels(extract_document(doc))
    assert {(b, "血吸虫病防治工作定点联系制度") for b in ("江苏省财政厅", "江苏省农机局", "江苏省卫生厅")} <= got
    assert len(got) == 8
