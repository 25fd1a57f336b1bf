"""kg audit: what extraction saw but did not read, with file and line."""
from __future__ import annotations

from kg.coverage import CLAUSE_WITHOUT_TASK, CUE_WITHOUT_RELATION, MEASURE_WITHOUT_PROGRAM, audit, audit_document
from kg.extract.pipeline import extract_document
from kg.ingest import read_document

from .conftest import GOLD, ROOT, SEEDS  # noqa: F401


def report_of(tmp_path, text):  # noqa: ANN001, ANN201
    doc = tmp_path / "plan.txt"
    doc.write_text(text, encoding="utf-8")
    src = read_document(doc)
    return audit_document(src, extract_document(src))


def test_a_read_clause_is_covered_and_an_unread_sentence_is_listed(tmp_path):
    rep = report_of(tmp_path, "闵行区健康行动实施方案\n一、重点任务\n1.开展控烟宣传。（区卫健委牵头，区教育局配合）\n"
                              "2.推进健身步道建设。\n区卫健委负责统筹协调各方面工作。\n")
    assert rep.cue_sentences == 2 and rep.cue_sentences_read == 1
    kinds = {(i.kind, i.line) for i in rep.items}
    assert (CUE_WITHOUT_RELATION, 5) in kinds        # 区卫健委负责…: a cue, no relation read
    # 2. assigns no unit, but as a sibling of a task it is a measure of the plan: a program
    assert rep.measures == 2 and rep.measures_read == 2 and MEASURE_WITHOUT_PROGRAM not in {k for k, _ in kinds}


def test_a_clause_outside_any_task_is_listed(tmp_path):
    rep = report_of(tmp_path, "关于健康工作的通知\n各单位要做好相关工作。（区卫健委牵头，区教育局配合）\n")
    assert [i.kind for i in rep.items] == [CLAUSE_WITHOUT_TASK]


def test_cues_not_tied_to_a_unit_are_not_counted(tmp_path):
    # 负责人 is a person, 协同发展 a goal, 各部门具体负责 names no unit
    rep = report_of(tmp_path, "新闻\n区卫健委负责人表示，将推动医药协同发展。各部门具体负责。\n")
    assert rep.cue_sentences == 0


def test_coverage_on_the_development_documents_and_the_survey():
    """At least 87% of the sentences with a responsibility cue produce relations on the
    seeds and dev documents, and on the eighty unlabelled survey passages (survey/)."""
    dev, skipped = audit([SEEDS, ROOT / "dev" / "docs"])
    assert not skipped and dev.cue_coverage >= 0.87, dev.cue_coverage
    survey, _ = audit([ROOT / "survey" / "texts"])
    assert survey.documents == 80 and survey.cue_coverage >= 0.85, survey.cue_coverage
