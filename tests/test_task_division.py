"""Responsibility in the prose of a task division (部门分工): a units' clause that closes
its task's sentence (X，由A、B等分工负责。), tasks listed after a lead (有3项由A牵头，分别是
X；Y；Z。) and units that share the tasks listed after them (A、B等分工负责X；Y。). FORMAT.md:
a clause after a task belongs to it, a task without a heading is named by its opening
phrase, and units with no lead marked all lead. Written sentences, and the real text
they came from (unseen10/t01, a news report of a State Council task division)."""
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.ingest import read_document

UNSEEN10 = Path(__file__).resolve().parents[1] / "unseen10" / "docs"


def rels(ex, kind=None):
    return {(r.kind, r.source.name, r.target.name) for r in ex.relations if kind is None or r.kind == kind}


def test_a_clause_closing_its_sentence_belongs_to_the_task_it_opens_with(extract):
    ex = extract("例如，完善药品集中采购和使用机制，由省医保局、省卫生健康委、省药监局等分工负责。", title="某省分工方案")
    assert {(k, t) for k, _, t in rels(ex)} == {("lead", "完善药品集中采购和使用机制")} and len(rels(ex)) == 3


def test_a_closing_clause_with_a_lead_marked_gives_lead_and_support(extract):
    ex = extract("加强健身设施建设，由市体育局牵头，市住房城乡建设局配合。", title="某市实施方案")
    assert {(k, t) for k, _, t in rels(ex)} == {("lead", "加强健身设施建设"), ("support", "加强健身设施建设")}


def test_of_a_task_with_several_clauses_its_first_names_it_and_a_named_program_there_is_taken(extract):
    ex = extract("加强重大疾病防治，实施癌症防治行动，由市卫生健康委、市科技局等分工负责。", title="某市分工方案")
    assert {t for _, _, t in rels(ex)} == {"加强重大疾病防治"}
    ex = extract("实施癌症防治行动，加强早诊早治，由市卫生健康委负责。", title="某市分工方案")
    assert {t for _, _, t in rels(ex)} == {"癌症防治行动"}


@pytest.mark.parametrize("sentence", [
    "为加强组织领导，由市卫生健康委负责。",                 # a purpose, not a task
    "根据工作需要，由市卫生健康委牵头，市教育局配合。",       # a ground
    "到2025年，由市卫生健康委牵头负责。",                    # a time (and a number)
    "市教育局积极配合，由市卫生健康委负责。",                # a unit is the sentence's subject
    "完善药品集中采购和使用机制由省医保局负责。",            # not set off by a comma: not a closing clause
])
def test_a_closing_clause_after_no_task_gives_nothing(extract, sentence):
    assert rels(extract(sentence, title="某市分工方案")) == set()


def test_a_lead_clause_before_its_task_still_takes_the_task_after_it(extract):
    ex = extract("由市卫生健康委牵头，市教育局、市体育局配合，开展健康知识普及行动。", title="某市实施方案")
    assert {(k, t) for k, _, t in rels(ex)} == {("lead", "健康知识普及行动"), ("support", "健康知识普及行动")}


def test_tasks_listed_after_a_lead(extract):
    ex = extract("有3项由市卫生健康委牵头，分别是抓好传染病防治，做好常见慢性病防治；抓好青少年近视防治；"
                 "完善生育配套政策，加强妇幼保健服务。", title="某市分工新闻")
    assert {t for k, _, t in rels(ex) if k == "lead"} == {"抓好传染病防治", "抓好青少年近视防治", "完善生育配套政策"}


def test_units_sharing_the_tasks_listed_after_them_all_lead_each(extract):
    ex = extract("市卫生健康委、市财政局、市教育局等分工负责深化公立医院综合改革；促进社会办医；坚持预防为主，将新增",
                 title="某市分工新闻")
    leads = rels(ex, "lead")
    assert {t for _, _, t in leads} == {"深化公立医院综合改革", "促进社会办医"}  # the item cut off is left out
    assert len(leads) == 6


def test_units_sharing_one_task(extract):
    ex = extract("市卫生健康委、市教育局等按职责分工负责开展学生近视防控工作。", title="某市分工方案")
    assert {(k, t) for k, _, t in rels(ex)} == {("lead", "开展学生近视防控工作")} and len(rels(ex)) == 2


@pytest.mark.parametrize("sentence", [
    "各有关部门按职责分工负责落实各项任务。",                  # no named unit
    "市卫生健康委、市教育局等分工负责，确保取得实效。",          # no task after the verb
    "市卫生健康委、市教育局等分工负责2025年目标任务；2026年目标任务。",  # numbers: targets, not task names
])
def test_shared_charge_without_a_readable_task_gives_nothing(extract, sentence):
    assert rels(extract(sentence, title="某市分工方案")) == set()


@pytest.mark.skipif(not UNSEEN10.is_dir(), reason="unseen10 documents not in this checkout")
def test_real_state_council_task_division_news():
    ex = extract_document(read_document(next(UNSEEN10.glob("t01_*.txt"))))
    leads = rels(ex, "lead")
    assert ("lead", "国家卫生健康委员会", "抓好青少年近视防治") in leads
    assert ("lead", "国家医疗保障局", "扩大长期护理保险制度试点") in leads
    assert {u for _, u, t in leads if t == "完善药品集中采购和使用机制"} == {"国家医疗保障局", "国家卫生健康委员会", "国家药品监督管理局"}
    assert {u for _, u, t in leads if t == "促进社会办医"} == {"国家卫生健康委员会", "财政部", "国家发展和改革委员会", "教育部"}
    assert not any(t.startswith("坚持预防为主") for _, _, t in leads)  # cut off in the text


@pytest.mark.parametrize("sentence", [
    "疫情防控期间，由县卫健局牵头。",                 # a time
    "突发事件发生后，由县应急管理局负责。",
    "下一阶段，由县卫健局负责。",
    "日常工作，由县爱卫办负责。",                     # a topic
    "未尽事宜，由县卫健局负责。",
    "群众满意度明显提升，由县卫健局负责。",           # a result
    "全县各医疗卫生机构，由县卫健局负责。",           # units
    "相关工作，由县卫健局负责。",                     # an anaphor
    "各项任务，由县卫健局牵头，县财政局配合。",
])
def test_an_opening_phrase_that_names_no_task_gives_nothing(extract, sentence):
    assert rels(extract(sentence, title="某县实施方案")) == set()


def test_a_numbered_marker_without_a_comma_is_passed_over(extract):
    ex = extract("一是完善药品集中采购和使用机制，由县医保局负责。", title="某县实施方案")
    assert {t for _, _, t in rels(ex)} == {"完善药品集中采购和使用机制"}


@pytest.mark.parametrize("sentence", [
    "由县卫健局牵头，具体是：县疾控中心负责疫情监测；县人民医院负责患者救治；县财政局负责经费保障。",  # units' remits
    "全县共设置4个工作组，由县卫健局牵头，分别是综合协调组；医疗救治组；疫情防控组；宣传报道组。",      # groups
    "县卫健局、县财政局按职责分工负责抓好落实。",                                                          # a generic object
    "县卫健局、县教育局等按照职责分工负责做好宣传发动；组织培训；督导检查。",
])
def test_listed_items_that_are_remits_groups_or_generic_objects_give_no_task(extract, sentence):
    assert rels(extract(sentence, title="某县实施方案")) == set()
