"""The information-disclosure table above a government page's text (政府信息公开: 索引号,
名称, 文号, 成文日期 …): read before the cleaner drops it as chrome, it gives the
document's title, own number and date; the number then names the document, its title
line an alias, and the names in that line stay the text's."""
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.ingest import read_document
from kg.ingest.reader import read_data
from kg.ingest.infotable import read_info_table

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("lines, expected", [
    # bars between cells, spaces inside labels
    (["索 引 号: | WA0310004-2021-002 | 主题分类: | 区府办文件 |", "发布机构: | 区政府 | 发文日期: | 2021-12-09 |",
      "名 称: | 某区人民政府关于深入推进爱国卫生运动的实施方案 | |", "文 号: | 某府发〔2021〕34号 | 公开类型: | 主动公开 |"],
     {"title": "某区人民政府关于深入推进爱国卫生运动的实施方案", "doc_number": "某府发〔2021〕34号", "date": "2021-12-09"}),
    # label: value, several on a line
    (["索引号: 015116516-202101-487917 主题分类: 其他文件", "名 称: 某区人民政府关于印发《健康某区行动实施方案》的通知",
      "文号: 西政发〔2021〕1号 关键字:"],
     {"title": "某区人民政府关于印发《健康某区行动实施方案》的通知", "doc_number": "西政发〔2021〕1号"}),
    # bullets, no colon; a number with 文件 after it
    (["  • 索引号 00511755800020020210090", "  • 成文日期 2021-09-18", "  • 发文字号 青政办字〔2021〕67号"],
     {"date": "2021-09-18", "doc_number": "青政办字〔2021〕67号"}),
    (["文      号 藏政发〔2017〕23号文件"], {"doc_number": "藏政发〔2017〕23号"}),
    # the label alone on its line, the value on the next
    (["发文字号", "某政发〔2020〕5号"], {"doc_number": "某政发〔2020〕5号"}),
    # Traditional script: the number read in its folded form
    (["  • 發文字號:長府發〔2021〕7號"], {"doc_number": "长府发〔2021〕7号"}),
])
def test_a_disclosure_table_gives_title_number_and_date(lines, expected):
    assert read_info_table(lines) == expected


@pytest.mark.parametrize("lines", [
    ["文号: 公开时限: 长期公开", "发布机构: 生成日期: 2020-01-24"],          # empty cells
    ["文号：无"],                                                           # no number in the cell
    ["各单位要在文号、名称等栏目中如实填写。"],                             # prose naming a label mid-sentence
    ["名称: 关于做好工作的通知。请各单位认真落实。"],                       # a sentence is no title
])
def test_no_table_or_an_empty_cell_gives_nothing(lines):
    assert read_info_table(lines) == {}


def test_the_own_number_of_a_page_with_a_table_names_the_document(tmp_path):
    text = ("索 引 号: | WA0310004-2021-002 | 主题分类: | 区府办文件 |\n"
            "名 称: | 某某区人民政府关于推进健康某某行动的实施方案 | |\n"
            "文 号: | 某府发〔2021〕34号 | 公开类型: | 主动公开 |\n"
            "各镇人民政府，区政府各委、办、局：\n为推进健康某某行动，制定本实施方案。\n")
    doc = read_data(text.encode("utf-8"), tmp_path / "p.txt")
    assert doc.doc_number == "某府发〔2021〕34号" and doc.title == "某某区人民政府关于推进健康某某行动的实施方案"
    ex = extract_document(doc)
    own = [m for m in ex.mentions if m.key.type == "PolicyDocument" and m.key.name == "某府发〔2021〕34号"]
    assert own and own[0].surface == "某某区人民政府关于推进健康某某行动的实施方案"


@pytest.mark.skipif(not (ROOT / "unseen8").is_dir(), reason="document sets not in this checkout")
def test_real_disclosure_pages():
    jiading = extract_document(read_document(next((ROOT / "unseen10" / "docs").glob("t06_*.txt"))))
    assert "嘉府发〔2021〕34号" in {m.key.name for m in jiading.mentions if m.key.type == "PolicyDocument"}
    meishan = extract_document(read_document(next((ROOT / "unseen8" / "docs").glob("r08_*.txt"))))
    names = {(m.key.type, m.key.name) for m in meishan.mentions}
    assert ("PolicyDocument", "眉府发〔2020〕23号") in names
    # the names in the document's own title line are the text's, not a citation's
    assert ("Department", "眉山市人民政府") in names


def test_a_table_written_as_a_list_gives_its_title_not_a_row(tmp_path):
    # - 发布机构: … (a page converted to a list): a row of the table, never the document's title
    text = ("- 索 引 号: FJ001-2018-00199\n- 发布机构: 某省卫生和计划生育委员会\n- 标题: 2017年某省卫生计生事业发展情况\n"
            "- 有效性:有效\n一、卫生资源情况\n全省卫生计生机构总数27217所，比上年减少441所。\n")
    doc = read_data(text.encode("utf-8"), tmp_path / "p.txt")
    assert doc.title == "2017年某省卫生计生事业发展情况"
    # the title's year is the year the text reports on
    assert {(q.value, q.year) for q in extract_document(doc).quantities if q.kind == "measurement"} >= {(27217.0, 2017)}
    # real page: unseen44 lh06 (福建 2017 卫生计生事业发展情况)
    real = read_document(ROOT / "unseen44" / "docs" / "lh06_fujian_province_2017_health_development_table.txt")
    assert real.title == "2017年福建省卫生计生事业发展情况"
