"""Task tables (序号 | 工作任务 | 牵头单位 | 配合单位) as a plan's numbered measures: rows of
cells with bars (a page copied as text), tabs, an HTML table or a Word table, the header
naming a responsibility column; each row one measure with its units in a labelled clause."""
import io
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.ingest.reader import read_data
from kg.ingest.tables import rewrite_task_tables

UNSEEN11 = Path(__file__).resolve().parents[1] / "unseen11" / "docs"
ROWS = [["序号", "工作任务", "牵头单位", "配合单位"], ["1", "开展健康知识普及行动", "市卫生健康委", "市教育局、市体育局"],
        ["2", "推进健康食堂建设", "市市场监管局", "市卫生健康委"]]
# a text that names no place: each body keeps the level it is written with (市卫生健康委 → 市卫生健康委员会)
EXPECTED = {("lead", "市卫生健康委员会", "开展健康知识普及行动"), ("support", "市教育局", "开展健康知识普及行动"),
            ("support", "市体育局", "开展健康知识普及行动"), ("lead", "市市场监督管理局", "推进健康食堂建设"),
            ("support", "市卫生健康委员会", "推进健康食堂建设")}


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
            "<table><tr><td>本市今年共举办健康讲座120场，覆盖群众3万人次。</td><td>各区要认真总结经验，进一步做好健康宣传工作。</td></tr>"
            "</table></body></html>")
    assert relations(html.encode("utf-8"), "plan.html") == EXPECTED
    lines = read_data(html.encode("utf-8"), "plan.html").text.split("\n")
    assert {"本市今年共举办健康讲座120场，覆盖群众3万人次。", "各区要认真总结经验，进一步做好健康宣传工作。"} <= set(lines)  # one cell a line


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


EMPTY = [ROWS[0], ROWS[1], ["2", "推进健康食堂建设", "市市场监管局", ""]]  # a row with no supporting unit
EMPTY_EXPECTED = {x for x in EXPECTED if x != ("support", "市卫生健康委员会", "推进健康食堂建设")}


@pytest.mark.parametrize("text", [
    "\n".join("\t".join(r) for r in EMPTY),                          # tabs: a trailing tab closes the empty cell
    "\n".join(" | ".join(r) for r in EMPTY),                          # bars, none at the ends
    "\n".join("| " + " | ".join(r) + " |" for r in EMPTY),           # bars at both ends
])
def test_an_empty_cell_keeps_the_row_and_the_rows_after_it(text):
    assert relations(("某市健康行动实施方案\n附件\n" + text + "\n").encode("utf-8"), "plan.txt") == EMPTY_EXPECTED


def test_a_markdown_rule_row_and_a_group_row_inside_the_table():
    text = ("| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n|---|:---:|---|---|\n| 一、普及健康知识 | | | |\n"
            "| 1 | 开展健康知识普及行动 | 市卫生健康委 | 市教育局 |\n| 二、营造健康环境 | | | |\n| 2 | 推进健康食堂建设 | 市市场监管局 | |")
    assert rewrite_task_tables(text).split("\n") == ["一、普及健康知识", "1.开展健康知识普及行动（牵头单位：市卫生健康委；配合单位：市教育局）",
                                                      "二、营造健康环境", "2.推进健康食堂建设（牵头单位：市市场监管局）"]


def test_pretty_printed_and_word_exported_html_tables():
    pretty = ("<html><body><h1>某市健康行动实施方案</h1><p>为推进健康某市建设，制定本方案。</p>\n<table>\n" +
              "".join("  <tr>\n" + "".join(f"    <td><p>{c}</p></td>\n" for c in r) + "  </tr>\n" for r in EMPTY) +
              "</table></body></html>")
    assert relations(pretty.encode("utf-8"), "plan.html") == EMPTY_EXPECTED


def test_an_empty_cell_in_a_word_table():
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("某市健康行动实施方案")
    table = d.add_table(rows=len(EMPTY), cols=len(EMPTY[0]))
    for i, row in enumerate(EMPTY):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    buf = io.BytesIO()
    d.save(buf)
    assert relations(buf.getvalue(), "plan.docx") == EMPTY_EXPECTED


def test_a_unit_with_its_other_name_in_brackets_is_the_unit():
    text = "序号 | 工作任务 | 牵头单位 | 配合单位\n1 | 开展中医药健康促进行动 | 市卫生健康委（市中医药局） | 市教育局"
    assert relations(("某市健康行动实施方案\n" + text + "\n").encode("utf-8"), "plan.txt") == {
        ("lead", "市卫生健康委员会", "开展中医药健康促进行动"), ("support", "市教育局", "开展中医药健康促进行动")}


@pytest.mark.skipif(not UNSEEN11.is_dir(), reason="unseen11 documents not in this checkout")
def test_real_district_livelihood_task_table():
    path = next(UNSEEN11.glob("k02_*.txt"))
    leads = {(u, t) for k, u, t in relations(path.read_bytes(), path.name) if k == "lead"}
    assert ("红十字会", "培训应急救护人员575人以上") in {(u[-4:], t) for u, t in leads}
    assert len(leads) == 12 and len({t for _, t in leads}) == 12  # one unit a row, every row of the table


# a task table that reached the reader as running text (a PDF's text layer, a document site's copy):
# the header's cells one after another, each row's cells run on, the units cell a sentence of units
RUN_ON = ("某市深化改革分工方案 序号 主要任务 主要内容 具体内容及目标 责任单位 一 强化资源统筹 1.健全乡 村医疗卫 生服务体系。"
          " ①每个乡镇办好 1 所乡镇卫生院。市卫健委、发改 委、农业农村局。 ②建设县域医疗次中心。\n"
          "2.建设一批区域医疗中心。支持 3 所综合医院建设省级区域医疗中心。市卫健委、财政局3.改善乡镇卫生院基础条件。"
          "加强建设，整体提高设备水平 2.5 倍。市卫健委")


def test_rows_of_a_table_run_into_text_begin_lines_of_their_own():
    from kg.ingest.tables import split_flattened_rows
    lines = split_flattened_rows(RUN_ON).split("\n")
    assert [ln[:2] for ln in lines[1:]] == ["1.", "2.", "3."]
    assert lines[0].endswith("强化资源统筹") and "2.5" in lines[3]  # a decimal is no row


@pytest.mark.parametrize("text", [
    RUN_ON.replace("序号", "顺序"),                              # no header: no table
    "序号 主要任务 责任单位 1.健全服务体系。市卫健委 3.改善条件。",  # 1 then 3: not a table's run of rows
])
def test_text_without_a_run_of_rows_after_a_header_is_left_as_it_is(text):
    from kg.ingest.tables import split_flattened_rows
    assert split_flattened_rows(text) == text


def test_the_units_cell_of_a_row_run_into_text_assigns_its_row():
    ex = extract_document(read_data(("某市深化改革分工方案\n" + RUN_ON).encode("utf-8"), "plan.txt"))
    got = {(r.kind, r.source.name, r.target.name) for r in ex.relations}
    assert {(k, t) for k, _, t in got} == {("lead", "健全乡村医疗卫生服务体系"), ("lead", "建设一批区域医疗中心"),
                                           ("lead", "改善乡镇卫生院基础条件")}
    assert len(got) == 6  # 3 + 2 + 1 units; the ① target and 建设县域医疗次中心 are no cell


def test_a_sentence_of_units_outside_a_run_on_table_is_no_cell():
    text = "某市工作方案\n1.健全乡村医疗卫生服务体系。加强建设。市卫健委、发改委、农业农村局。"
    assert relations(text.encode("utf-8"), "plan.txt") == set()


def test_real_run_on_task_table_of_a_pdf_text_layer():
    path = Path(__file__).resolve().parents[1] / "unseen7" / "docs" / "q02_fujian_sanming_rural_health_task_division_pdf.txt"
    ex = extract_document(read_data(path.read_bytes(), path.name))
    got = {(r.kind, r.source.name, r.target.name) for r in ex.relations}
    # 列在首位的为牵头单位: the first unit of each cell leads, the others support
    assert {(s, t) for k, s, t in got if k == "lead"} == {("三明市卫生健康委员会", t) for t in (
        "健全乡村医疗卫生服务体系", "建设一批区域医疗中心", "改善乡镇卫生院基础条件")}
    assert len([1 for k, _, _ in got if k == "support"]) == 7  # 各县(市、区)党委和人民政府 is every county's: none
