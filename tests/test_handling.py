"""The body that handles deputies' suggestions and members' proposals leads their handling
(建议提案办理工作): the convention three annotators of the unseen sets applied (unseen12's m06,
unseen18's l11, unseen19's a08). A written sentence per form, the real texts, and the near
cases that assign nothing."""
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.ingest import read_document

ROOT = Path(__file__).resolve().parents[1]


def leads(ex):
    return {(r.source.name, r.target.name) for r in ex.relations if r.kind == "lead"}


@pytest.mark.parametrize("text, work", [
    ("2023年，市卫生健康局共承办人大建议3件、政协提案14件。局长要求做好建议提案办理工作。", "建议提案办理工作"),
    ("市卫健委为代表建议的“承办单位”。视察组了解建议办理工作情况。", "建议办理工作"),
    ("代表了解了市卫健委建议办理工作的开展情况。", "建议办理工作"),
    ("国家卫生健康委承办全国人大代表建议930件。下一步，将继续加强建议提案的办理工作。", "建议提案办理工作"),
])
def test_the_body_that_handles_suggestions_leads_their_handling(extract, text, work):
    got = leads(extract(text, title="某地卫生健康新闻"))
    assert len(got) == 1 and next(iter(got))[1] == work


@pytest.mark.parametrize("text", [
    "市卫生健康局共承办人大建议3件、政协提案14件。",                       # no handling work named
    "市人大常委会听取了建议办理工作情况汇报。",                              # the congress reviews, it handles nothing
    "本次活动由市卫健委主办，市疾控中心承办。会议部署了建议提案办理工作。",  # an event's 承办 handles no suggestion
    "市卫健委承办的全市医改座谈会上专家建议加快改革。做好建议提案办理工作。",  # an event handled, an expert's 建议
    "市卫健委负责办理市长热线转来的群众建议。做好建议办理工作。",            # the public's, not deputies'
])
def test_what_names_no_handling_body_assigns_no_handling_work(extract, text):
    assert not [p for _, p in leads(extract(text, title="某地卫生健康新闻")) if "办理工作" in p]


@pytest.mark.parametrize("folder, stem, body, work", [
    ("unseen19", "a08_guangdong_yangchun_suggestions_handling_news", "阳春市卫生健康局", "建议提案办理工作"),
    ("unseen18", "l11_national_npc_cppcc_suggestions_news_trad", "国家卫生健康委员会", "建议提案办理工作"),
    ("unseen12", "m06_neimenggu_hohhot_deputies_suggestions_inspection_news", "市卫生健康委员会", "建议办理工作"),
])
def test_real_news_of_suggestions_handled(folder, stem, body, work):
    ex = extract_document(read_document(ROOT / folder / "docs" / f"{stem}.txt"))
    assert leads(ex) >= {(body, work)}
    forms = {m.surface for m in ex.mentions if m.key.name == work}
    assert len(forms) >= 2  # the work's other wordings are forms of one program
