"""The bodies that draw up a plan lead what it sets out to do (A、B联合制定了《X实施方案》), the
convention five annotators of the unseen sets applied: a written sentence per form, real notices,
and the near cases that assign nothing. A notice speaking of itself (我局制定了, 我们制定了…现印发给你们)
is its issuing formula, on which annotators split (unseen13's n03 yes, unseen19's a03 no): listed, not read."""
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.extract.relations.cues import cues
from kg.extract.relations.drafting import plan_action
from kg.ingest import read_document

ROOT = Path(__file__).resolve().parents[1]


def leads(ex):
    return {(r.source.name, r.target.name) for r in ex.relations if r.kind == "lead"}


@pytest.mark.parametrize("title, action", [
    ("四川省遏制艾滋病传播实施方案(2020—2022年)", "四川省遏制艾滋病传播"),
    ("儿童青少年“五健”促进行动计划(2026—2030年)", "儿童青少年“五健”促进行动"),  # 行动计划 loses only 计划
    ("青海省应对甲型H1N1流感流行应急预案(试行)", "青海省应对甲型H1N1流感流行"),
    ("关于实施健康新疆行动的实施意见", "实施健康新疆行动"),
    ("某市职业病诊断管理办法", ""),  # rules, no program
    ("某市卫生健康统计年鉴", ""),    # no kind of plan
])
def test_a_plans_action_is_its_title_without_its_kind_and_period(title, action):
    assert plan_action(title, cues()) == action


def test_joint_drafters_each_lead_the_plans_action(extract):
    text = ("各区卫生健康局：\n为做好艾滋病防治工作，省卫生健康委、省教育厅、省公安厅联合制定了《四川省遏制艾滋病传播实施方案(2020—2022年)》，"
            "现印发给你们，请认真贯彻执行。")
    got = leads(extract(text, title="关于印发四川省遏制艾滋病传播实施方案的通知"))
    assert {b for b, _ in got} >= {"四川省卫生健康委员会", "四川省教育厅", "四川省公安厅"}
    assert {p for _, p in got} == {"四川省遏制艾滋病传播"}


def test_the_issuer_speaking_of_itself_is_listed_not_read_as_a_lead(extract):
    text = "各乡镇卫生院：\n结合我县实际，我局制定了《某某县2023年艾滋病防治项目实施方案》，现印发给你们，请遵照执行。"
    ex = extract(text, title="关于印发某某县2023年艾滋病防治项目实施方案的通知", issuer="隆林各族自治县卫生健康局")
    assert not leads(ex)
    assert [rule for _, rule in ex.unattached] == ["drafters"]  # in the coverage report for the analyst


@pytest.mark.parametrize("text", [
    "省卫生健康委、省教育厅联合印发《四川省遏制艾滋病传播实施方案》。",     # issuing alone draws up nothing
    "省卫生健康委、省教育厅联合制定了《四川省职业病诊断管理办法》。",       # rules set out no program
    "各地制定了《艾滋病防治实施方案》。",                                    # no unit named
    "由省卫生健康委牵头，联合省教育厅研究制定了《关于实施健康四川行动的实施意见》。",  # the by_lead rule's
])
def test_what_draws_up_no_plan_assigns_nothing_here(extract, text):
    assert not [r for r in extract(text, title="某省卫生健康新闻").relations if r.cue == "制定了《》"]


def test_real_provincial_notice_of_twelve_drafters():
    ex = extract_document(read_document(ROOT / "unseen15" / "docs" / "g01_qinghai_h1n1_flu_emergency_plan_notice.txt"))
    got = [(o, p) for o, p in leads(ex) if p == "青海省应对甲型H1N1流感流行"]
    assert len(got) == 12 and ("青海省妇女联合会", "青海省应对甲型H1N1流感流行") in got
    forms = {m.surface for m in ex.mentions if m.key.name == "青海省应对甲型H1N1流感流行"}
    assert "应对甲型H1N1流感流行" in forms  # the action without its region is one of its forms


def test_real_national_news_of_thirteen_drafters():
    ex = extract_document(read_document(ROOT / "unseen11" / "docs" / "k16_national_five_health_action_news_trad.txt"))
    got = {o for o, p in leads(ex) if p == "儿童青少年五健促进行动"}
    assert len(got) == 13 and "国家卫生健康委员会" in got


def test_we_drew_it_up_over_the_bodies_that_sign_the_notice_is_no_lead(extract):
    text = ("各区卫生健康局：\n结合我市实际，我们制定了《某市健康老龄化三年行动实施方案(2023-2025年)》。现印发给你们，请认真贯彻执行。\n"
            "常州市卫生健康委员会 常州市发展和改革委员会\n常州市教育局 常州市民政局\n2023年12月29日\n")
    ex = extract(text, title="关于印发某市健康老龄化三年行动实施方案的通知")
    assert not leads(ex) and [rule for _, rule in ex.unattached] == ["drafters"]


@pytest.mark.parametrize("folder, stem", [
    ("unseen13", "n03_jiangsu_changzhou_healthy_aging_plan_notice"),  # its annotator read the 18 signers as leads
    ("unseen19", "a03_national_social_psych_pilot_notice"),           # its annotator read the 10 signers as issuing
])
def test_real_notices_that_speak_of_themselves_give_no_drafters(folder, stem):
    ex = extract_document(read_document(ROOT / folder / "docs" / f"{stem}.txt"))
    assert not [r for r in ex.relations if r.cue == "制定了《》"]
    assert "drafters" in {rule for _, rule in ex.unattached}


def test_a_body_and_a_count_of_others_are_the_bodies_that_sign(extract):
    text = ("各省、自治区、直辖市卫生健康委：\n国家卫生健康委等4个部门联合制定了《“健康体重”活动实施方案》。现印发给你们，请认真贯\n彻执行。\n"
            "国家卫生健康委 教育部\n民政部\n国家体育总局\n2024年6月6日\n")
    got = {o for o, _ in leads(extract(text, title="关于印发“健康体重”活动实施方案的通知"))}
    assert got == {"国家卫生健康委员会", "教育部", "民政部", "国家体育总局"}
    # a block that does not hold the body the sentence names is no list of the drafters
    other = text.replace("国家卫生健康委 教育部", "教育部")
    assert {o for o, _ in leads(extract(other, title="某通知"))} == {"国家卫生健康委员会"}


def test_real_national_plan_of_sixteen_bodies_in_a_pdfs_lines():
    ex = extract_document(read_document(ROOT / "unseen5" / "docs" / "y11_national_weight_year_plan_pdf.txt"))
    got = {o for o, p in leads(ex) if p == "体重管理年活动"}
    assert len(got) == 16 and {"中华全国总工会", "中国共产主义青年团中央委员会", "中华全国妇女联合会"} <= got
