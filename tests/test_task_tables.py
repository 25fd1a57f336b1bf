"""Task tables (序号 | 工作任务 | 牵头单位 | 配合单位) as a plan's numbered measures: rows of
cells with bars (a page copied as text), tabs, an HTML table or a Word table, the header
naming a responsibility column; each row one measure with its units in a labelled clause."""
import io
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.ingest.reader import read_data
from kg.ingest.tables import CELL_SEPARATOR, rewrite_task_tables

UNSEEN11 = Path(__file__).resolve().parents[1] / "unseen11" / "docs"
ROWS = [["序号", "工作任务", "牵头单位", "配合单位"], ["1", "开展健康知识普及行动", "市卫生健康委", "市教育局、市体育局"],
        ["2", "推进健康食堂建设", "市市场监管局", "市卫生健康委"]]
EXPECTED = {("lead", "卫生健康委员会", "开展健康知识普及行动"), ("support", "教育局", "开展健康知识普及行动"),
            ("support", "体育局", "开展健康知识普及行动"), ("lead", "市场监督管理局", "推进健康食堂建设"),
            ("support", "卫生健康委员会", "推进健康食堂建设")}


def relations(data: bytes, name: str) -> set[tuple[str, str, str]]:
    ex = extract_document(read_data(data, name))
    return {(r.kind, r.source.name, r.target.name) for r in ex.relations}


def test_a_table_is_written_as_numbered_measures_with_their_units():
    text = "\n".join(" | ".join(r) for r in ROWS)
    assert rewrite_task_tables(text).split("\n") == [
        "1.开展健康知识普及行动（牵头单位：市卫生健康委；配合单位：市教育局、市体育局）",
        "2.推进健康食堂建设（牵头单位：市市场监管局；配合单位：市卫生健康委）"]


def test_rows_a_page_ran_together_and_other_columns():
    text = "序号 | 任务项目指标 | 责任单位 | 进展比例 |\n1 | 接种流感疫苗3万人。 | 区卫生健康局 | 20% |2 | 培训应急救护人员575人。 | 区红十字会 | 50% |"
    assert rewrite_task_tables(text).split("\n") == ["1.接种流感疫苗3万人。（责任单位：区卫生健康局）进展比例：20%。",
                                                      "2.培训应急救护人员575人。（责任单位：区红十字会）进展比例：50%。"]


@pytest.mark.parametrize("text", [
    "索 引 号: | WA0310004-2021-002 | 主题分类: | 区府办文件 |",          # a disclosure table: no task column
    "姓名\t单位\t电话\n张三\t市卫生健康委\t12345",                         # no responsibility column
    "序号 | 工作任务 | 牵头单位\n为推进健康城市建设，制定本方案。",           # a header with no row after it
])
def test_a_table_that_assigns_no_tasks_is_left_as_it_is(text):
    assert rewrite_task_tables(text) == text


def test_a_task_table_from_a_text_with_tabs():
    text = "某市健康行动实施方案\n附件\n" + "\n".join("\t".join(r) for r in ROWS) + "\n"
    assert relations(text.encode("utf-8"), "plan.txt") == EXPECTED


def test_a_task_table_from_an_html_page_and_a_layout_table_beside_it():
    cells = lambda row, tag: "".join(f"<{tag}>{c}</{tag}>" for c in row)  # noqa: E731
    html = ("<html><body><h1>某市健康行动实施方案</h1><p>为推进健康某市建设，制定本方案。</p><table><tr>" + cells(ROWS[0], "th") +
            "</tr>" + "".join(f"<tr>{cells(r, 'td')}</tr>" for r in ROWS[1:]) + "</table>"
            "<table><tr><td>联系电话：12345</td><td>地址：某市人民路1号</td></tr></table></body></html>")
    assert relations(html.encode("utf-8"), "plan.html") == EXPECTED
    doc = read_data(html.encode("utf-8"), "plan.html")
    assert CELL_SEPARATOR not in doc.text  # a table that assigns nothing: one cell a line, as before


def test_a_task_table_from_a_word_document_stays_where_it_stands():
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("某市健康行动实施方案")
    d.add_paragraph("附件：任务分工")
    table = d.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for i, row in enumerate(ROWS):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    d.add_paragraph("以上任务请各单位认真落实。")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_data(buf.getvalue(), "plan.docx")
    lines = doc.text.split("\n")
    assert lines.index("以上任务请各单位认真落实。") > lines.index("2.推进健康食堂建设（牵头单位：市市场监管局；配合单位：市卫生健康委）")
    assert relations(buf.getvalue(), "plan.docx") == EXPECTED


@pytest.mark.skipif(not UNSEEN11.is_dir(), reason="unseen11 documents not in this checkout")
def test_real_district_livelihood_task_table():
    path = next(UNSEEN11.glob("k02_*.txt"))
    leads = {(u, t) for k, u, t in relations(path.read_bytes(), path.name) if k == "lead"}
    assert ("红十字会", "培训应急救护人员575人以上") in {(u[-4:], t) for u, t in leads}
    assert len(leads) >= 10
