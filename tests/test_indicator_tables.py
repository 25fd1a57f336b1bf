"""A plan's table of main indicators (主要指标 | 单位 | 2020年 | 2025年目标 | 指标性质), as the readers
give it: one cell a line (a PDF or a page copied as text, blank lines between cells or not), one
row a line with spaces between cells (a PDF text layer), rows of a Word or HTML table. The reader
writes each row as one labelled line; the base year's column reports measurements, the later
year's sets targets; a row whose values do not fill the year columns gives nothing."""
import io
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.ingest.indicator_tables import rewrite_indicator_tables
from kg.ingest.reader import read_data

UNSEEN36 = Path(__file__).resolve().parents[1] / "unseen36" / "docs"
INTRO = "为推进健康某县建设，结合实际，制定本规划。\n某县“十四五”时期卫生健康主要发展指标\n"
HEADER = ["领域", "序号", "主要指标", "单位", "2020年", "2025年目标", "指标性质"]
ROWS = [["健康水平", "1", "人均预期寿命", "岁", "79.5", ">80", "预期性"],
        ["", "2", "孕产妇死亡率", "/10万", "9.7", "<9", "预期性"],
        ["健康服务", "3", "每千人口医疗卫生机构床位数", "张", "4.81", "5.23", "预期性"],
        ["", "", "其中：每千人口中医类别执业（助理）医师数", "人", "0.105", "0.42", "预期性"],
        ["", "4", "居民健康素养水平", "%", "-", "28", "预期性"],
        ["", "5", "千人口献血率", "‰", "-", "持续提升", "预期性"]]
EXPECTED = {
    ("measurement", "人均预期寿命", 79.5, "岁", 2020, "="), ("target", "人均预期寿命", 80.0, "岁", 2025, ">"),
    ("measurement", "孕产妇死亡率", 9.7, "/10万", 2020, "="), ("target", "孕产妇死亡率", 9.0, "/10万", 2025, "<"),
    ("measurement", "每千人口医疗卫生机构床位数", 4.81, "张", 2020, "="),
    ("target", "每千人口医疗卫生机构床位数", 5.23, "张", 2025, "="),
    ("measurement", "每千人口中医类别执业（助理）医师数", 0.105, "人", 2020, "="),
    ("target", "每千人口中医类别执业（助理）医师数", 0.42, "人", 2025, "="),
    ("target", "居民健康素养水平", 28.0, "%", 2025, "="),  # "-": no base value; 持续提升: no number
}


def quantities(data: bytes, name: str) -> set[tuple[str, str, float, str, int | None, str]]:
    ex = extract_document(read_data(data, name))
    return {(q.kind, q.indicator, q.value, q.unit, q.year, q.comparator) for q in ex.quantities}


def one_cell_a_line(blank: bool) -> str:
    cells = HEADER + [c for row in ROWS for c in row if c]
    return INTRO + ("\n\n" if blank else "\n").join(cells) + "\n以上指标请认真落实。\n"


@pytest.mark.parametrize("blank", [False, True])
def test_a_table_written_one_cell_a_line(blank):
    assert quantities(one_cell_a_line(blank).encode("utf-8"), "plan.txt") == EXPECTED


def test_each_row_is_written_as_one_labelled_line():
    lines = rewrite_indicator_tables(one_cell_a_line(False)).split("\n")
    assert "领域：健康水平；主要指标：人均预期寿命；单位：岁；2020年值：79.5；2025年目标值：>80；指标性质：预期性。" in lines
    assert "以上指标请认真落实。" in lines  # the text after the table as it was


def test_a_table_written_one_row_a_line():
    # a PDF text layer: the header and each row on one line, cells apart by spaces
    text = ("某县卫生健康事业发展“十四五”规划\n序号 主要指标 单位 2020年 2025年 指标性质\n"
            "1 人均预期寿命 岁 78.2 79.0 预期性\n"
            "2 婴儿死亡率 ‰ 4.5 ≤5 预期性\n"
            "3 高血压患者规范管理率 % 60 70%以上 约束性\n")
    assert quantities(text.encode("utf-8"), "plan.txt") == {
        ("measurement", "人均预期寿命", 78.2, "岁", 2020, "="), ("target", "人均预期寿命", 79.0, "岁", 2025, "="),
        ("measurement", "婴儿死亡率", 4.5, "‰", 2020, "="), ("target", "婴儿死亡率", 5.0, "‰", 2025, "<="),
        ("measurement", "高血压患者规范管理率", 60.0, "%", 2020, "="),
        ("target", "高血压患者规范管理率", 70.0, "%", 2025, ">="),
    }


def test_a_table_of_a_word_document():
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("某县“十四五”时期卫生健康主要发展指标")
    table = d.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    for i, row in enumerate([HEADER] + ROWS):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    d.add_paragraph("以上指标请认真落实。")
    buf = io.BytesIO()
    d.save(buf)
    assert quantities(buf.getvalue(), "plan.docx") == EXPECTED


def test_years_alone_are_a_plans_base_and_target_or_a_yearbooks_values():
    table = "序号 主要指标 单位 2008年 2009年\n1 卫生机构数 个 7423 7919\n"
    # a yearbook's table (published 2010): both years are reported
    got = quantities(("某省卫生统计年鉴（2010）\n" + table).encode("utf-8"), "yearbook.txt")
    assert got == {("measurement", "卫生机构数", 7423.0, "个", 2008, "="), ("measurement", "卫生机构数", 7919.0, "个", 2009, "=")}
    # a plan's table: the earlier year is the base, the later a target
    got = quantities(("某省卫生事业发展规划（2008—2010年）\n" + table).encode("utf-8"), "plan.txt")
    assert got == {("measurement", "卫生机构数", 7423.0, "个", 2008, "="), ("target", "卫生机构数", 7919.0, "个", 2009, "=")}


def test_rows_and_headers_that_do_not_say_whose_value_is_which_give_nothing():
    # a row with one value for two year columns (a cell lost): which year it is for is not known
    text = "\n".join(["某县主要指标", "序号", "主要指标", "单位", "2020年", "2025年目标", "指标性质",
                      "1", "人均预期寿命", "岁", "80", "预期性",
                      "2", "孕产妇死亡率", "/10万", "9.7", "<9", "预期性"])
    assert quantities(text.encode("utf-8"), "t.txt") == {("measurement", "孕产妇死亡率", 9.7, "/10万", 2020, "="),
                                                         ("target", "孕产妇死亡率", 9.0, "/10万", 2025, "<")}
    # one year column of no kind in a plan: a base or a target, the table does not say
    text = "\n".join(["某县卫生健康规划", "序号", "主要指标", "单位", "2025年", "指标性质", "1", "人均预期寿命", "岁", "80", "预期性"])
    assert quantities(text.encode("utf-8"), "plan.txt") == set()
    # no indicator column: no table of indicators
    text = "\n".join(["序号", "工作任务", "2025年目标", "1", "建设健康步道", "10"])
    assert rewrite_indicator_tables(text) == text


def test_real_indicator_table_of_a_county_plan():
    # unseen36 kc06: 廉江市“十四五”时期卫生健康事业主要发展指标, one cell a line with blank lines between,
    # the unit cell left empty on several rows, “其中:” rows without a number
    path = next(UNSEEN36.glob("kc06_*"))
    got = quantities(path.read_bytes(), path.name)
    assert {("measurement", "人均预期寿命", 82.98, "", 2020, "="), ("target", "人均预期寿命", 79.0, "", 2025, ">"),
            ("target", "孕产妇死亡率", 9.0, "/10万", 2025, "<"), ("target", "居民健康素养水平", 28.0, "%", 2025, "="),
            ("measurement", "每千人口拥有中医类别执业（助理）医师数", 0.105, "", 2020, "="),
            ("target", "每万人口拥有全科医生数", 4.0, "", 2025, "=")} <= got
    assert len([q for q in got if q[0] == "target"]) == 13 and len([q for q in got if q[0] == "measurement"]) == 9


ROOT = Path(__file__).resolve().parents[1]


def bar_cells(cells: list[str]) -> str:
    # a converter that closes each cell with a bar and puts a line of bars between rows
    return "\n".join(c + " |" if c else "||||" for c in cells)


def test_a_plans_table_with_bars_round_its_cells_and_units_in_its_indicators():
    # the caption names a five-year plan's period: the base year reports, the period's last year is a target
    text = ("专栏2 “十二五”时期某省中医药发展主要指标简表 |\n" +
            bar_cells(["具体指标", "2010年", "2015年", "年均增长(%)", "属性", "",
                       "中医医院(所)", "3232", "3397", "1", "预期性", "",
                       "中医医院床位数(万张)", "47.1", "69.2", "8", "预期性", "",
                       "中医医院病床使用率(%)", "84", "94", "—", "预期性"]) + "\n")
    assert quantities(text.encode("utf-8"), "t.txt") == {
        ("measurement", "中医医院", 3232.0, "所", 2010, "="), ("target", "中医医院", 3397.0, "所", 2015, "="),
        ("measurement", "中医医院床位数", 47.1, "万张", 2010, "="), ("target", "中医医院床位数", 69.2, "万张", 2015, "="),
        ("measurement", "中医医院病床使用率", 84.0, "%", 2010, "="), ("target", "中医医院病床使用率", 94.0, "%", 2015, "=")}
    # a caption that reports what was achieved: every year's values are measurements
    done = text.replace("主要指标简表", "主要指标完成情况")
    assert {q[0] for q in quantities(done.encode("utf-8"), "t.txt")} == {"measurement"}
    # a caption naming another period than the table's years: no plan's table
    other = text.replace("十二五", "十三五")
    assert {q[0] for q in quantities(other.encode("utf-8"), "t.txt")} == {"measurement"}


def test_a_yearbook_table_with_its_unit_above_and_parts_marked_in_its_rows():
    # 单位:所 for every row; # marks a part, 一. a group; no column numbers the rows
    text = ("表1:2017年某省卫生机构变动情况表\n单位:所\n|\n" +
            bar_cells(["机构类别", "2017年", "2016年", "增减", "", "总 计", "27217", "27658", "-441", "",
                       "一.医院", "608", "590", "18", "", "# 综合医院", "361", "356", "5"]) + "\n")
    assert quantities(text.encode("utf-8"), "t.txt") == {
        ("measurement", "总计", 27217.0, "所", 2017, "="), ("measurement", "总计", 27658.0, "所", 2016, "="),
        ("measurement", "医院", 608.0, "所", 2017, "="), ("measurement", "医院", 590.0, "所", 2016, "="),
        ("measurement", "综合医院", 361.0, "所", 2017, "="), ("measurement", "综合医院", 356.0, "所", 2016, "=")}


def test_a_yearbook_rows_below_one_naming_its_unit_count_in_it():
    text = "\n|\n".join(["表14—16 医疗卫生事业基本情况", "指 标", "2008年", "2007年", "卫生机构数(个)", "1770", "2241",
                         "# 医院", "165", "163", "实有床位数(张)", "27768", "26157", "# 医院、", "22865", "21031"]) + "\n"
    got = quantities(text.encode("utf-8"), "t.txt")
    assert {("measurement", "医院", 165.0, "个", 2008, "="), ("measurement", "医院", 22865.0, "张", 2008, "="),
            ("measurement", "实有床位数", 26157.0, "张", 2007, "=")} <= got and len(got) == 8


def test_real_tables_with_bars_round_their_cells():
    # unseen42 lf04 (国家“十二五”中医药发展主要指标简表) and unseen44 lh06 (福建 2017 卫生机构变动情况表)
    path = next((ROOT / "unseen42" / "docs").glob("lf04_*"))
    got = quantities(path.read_bytes(), path.name)
    assert {("measurement", "中医医院床位数", 47.1, "万张", 2010, "="), ("target", "中医医院床位数", 69.2, "万张", 2015, "="),
            ("target", "高等院校中医药类专业在校生人数", 70.6, "万人", 2015, "=")} <= got
    path = next((ROOT / "unseen44" / "docs").glob("lh06_*"))
    got = quantities(path.read_bytes(), path.name)
    assert {("measurement", "社区卫生服务站", 333.0, "所", 2016, "="), ("measurement", "医院", 590.0, "所", 2016, "=")} <= got


def test_a_yearbooks_text_layer_with_a_header_of_years():
    # one row a line, the years alone in the header, English names and layout codes around the Chinese
    text = ("21-4 Basic Statistics of Public Health\n单位:张\nt1 Item 2008 2009\n"
            "卫生机构床位数() Beds(unit) 81407 87321\n"
            "2     # 医院、卫生院     Hospitals 73205 77702\n"
            "        Health service centers in Communities\n"
            "1        疗养院     Sanatoriums 670\n")  # one value for two years: whose is not known
    assert quantities(text.encode("utf-8"), "t.txt") == {
        ("measurement", "卫生机构床位数", 81407.0, "张", 2008, "="), ("measurement", "卫生机构床位数", 87321.0, "张", 2009, "="),
        ("measurement", "医院、卫生院", 73205.0, "张", 2008, "="), ("measurement", "医院、卫生院", 77702.0, "张", 2009, "=")}
    # a line of years in prose, or years with Chinese words before them, is no header
    prose = "近年来全市医疗卫生机构数逐年增长 2019 2020\n卫生机构数 120 130\n"
    assert rewrite_indicator_tables(prose) == prose


def test_real_yearbook_pages_with_a_header_of_years():
    # unseen38 lb04 (内蒙古 2008-2009 卫生基本情况) and unseen44 lh08 (福建 各类卫生机构床位数)
    path = next((ROOT / "unseen38" / "docs").glob("lb04_*"))
    got = quantities(path.read_bytes(), path.name)
    assert {("measurement", "卫生机构", 7423.0, "", 2008, "="), ("measurement", "医院、卫生院", 1803.0, "", 2009, "=")} <= got
    path = next((ROOT / "unseen44" / "docs").glob("lh08_*"))
    got = quantities(path.read_bytes(), path.name)
    assert ("measurement", "医院", 156893.0, "张", 2019, "=") in got
    assert not [q for q in got if q[1] == "疗养院"]  # seven values for eight years


@pytest.mark.parametrize("text, expected", [
    # a plan's rows with no unit column keep their own units: only a yearbook's part rows (#, 其中) take the one above
    ("某市规划\n主要指标\n2020年\n2025年目标\n人均预期寿命(岁)\n78.5\n79\n孕产妇死亡率\n12\n10\n",
     {("measurement", "人均预期寿命", 78.5, "岁", 2020, "="), ("target", "人均预期寿命", 79.0, "岁", 2025, "="),
      ("measurement", "孕产妇死亡率", 12.0, "", 2020, "="), ("target", "孕产妇死亡率", 10.0, "", 2025, "=")}),
    # a unit cell is no indicator of a row of its own
    ("某市卫生资源\n主要指标\n单位\n2020年\n2025年\n床位数\n万张\n3.5\n4.0\n执业医师数\n人\n3000\n3500\n", set()),
    # a unit the layer lost (床位数()) is not the row above's
    ("t1 Item 2019 2020\n1 卫生机构数(个) Institutions 10 20\n2 床位数() Beds 100 200\n",
     {("measurement", "卫生机构数", 10.0, "个", 2019, "="), ("measurement", "卫生机构数", 20.0, "个", 2020, "="),
      ("measurement", "床位数", 100.0, "", 2019, "="), ("measurement", "床位数", 200.0, "", 2020, "=")}),
    # a chart's axis over a sentence is no table
    ("图1 2016-2020年门诊量\n2016 2017 2018 2019 2020\n全市门诊量逐年增加，从 1 2 3 4 5\n", set()),
    # the rows of the next table are not read against this one's years
    ("2019 2020\n卫生机构数(个) 10 20\n表2 卫生人员\n项目 2019年 2020年 增长(%)\n医院 100 120 20.0\n",
     {("measurement", "医院", 100.0, "", 2019, "="), ("measurement", "医院", 120.0, "", 2020, "=")}),
    # a row left as it was (a value lost) does not end the five-year plan's table
    ("专栏2 “十二五”时期某省中医药发展主要指标简表\n具体指标\n2010年\n2015年\n属性\n中医医院(所)\n3232\n3397\n预期性\n"
     "中医医院床位数(万张)\n47.1\n预期性\n中医执业医师(万人)\n30\n40\n预期性\n",
     {("measurement", "中医医院", 3232.0, "所", 2010, "="), ("target", "中医医院", 3397.0, "所", 2015, "="),
      ("measurement", "中医执业医师", 30.0, "万人", 2010, "="), ("target", "中医执业医师", 40.0, "万人", 2015, "=")}),
])
def test_tables_whose_rows_do_not_say_it_give_no_wrong_value(text, expected):
    assert quantities(text.encode("utf-8"), "t.txt") == expected


def test_a_review_after_the_plans_period_reports_its_values(extract):
    table = ("专栏2 “十二五”时期某省中医药发展主要指标简表\n具体指标\n2010年\n2015年\n属性\n"
             "中医医院(所)\n3232\n3397\n预期性\n")
    got = quantities(("某省中医药事业发展回顾\n2016年3月1日\n" + table).encode("utf-8"), "t.txt")
    assert {q[0] for q in got} == {"measurement"}, got


# the 健康中国行动 indicator table and its provincial copies: a base column that names no year (基期水平), and a
# group written as three cells before the row's number ((一) | 健康知识普及行动 | 结果性指标)
ACTION_TABLE = ["健康某省行动主要指标", "领域", "序号", "指标", "基期水平", "2022年目标值", "2030年目标值", "指标性质",
                "(一)", "健康知识普及行动", "结果性指标", "1", "居民健康素养水平(%)", "15.2", "≥22", "≥30", "预期性",
                "个人和社会倡导性指标", "2", "个人定期记录身心健康状况", "倡导性",
                "(二)", "合理膳食行动", "结果性指标", "3", "成人肥胖增长率(%)", "持续上升", "有效减缓", "有效减缓", "预期性",
                "4", "居民营养健康知识知晓率(%)", "—", "比2019年提高10%", "比2022年提高10%", "预期性"]


def test_an_action_tables_yearless_base_and_its_groups_cells():
    got = quantities(("\n".join(ACTION_TABLE) + "\n").encode("utf-8"), "plan.txt")
    assert got == {("measurement", "居民健康素养水平", 15.2, "%", None, "="),
                   ("target", "居民健康素养水平", 22.0, "%", 2022, ">="), ("target", "居民健康素养水平", 30.0, "%", 2030, ">=")}
    lines = rewrite_indicator_tables("\n".join(ACTION_TABLE)).split("\n")
    assert any(x.startswith("领域：(一)，健康知识普及行动，结果性指标；主要指标：居民健康素养水平；单位：%；基期值：15.2；") for x in lines)
    # near case: a yearless column no base word names (基期水平 read as an indicator) is no table
    near = [c.replace("基期水平", "基本情况") for c in ACTION_TABLE]
    assert not [q for q in quantities(("\n".join(near) + "\n").encode("utf-8"), "plan.txt") if q[1] == "居民健康素养水平"]


def test_real_copy_of_the_national_action_table():
    # real wording: unseen50 ln01 (雪球 copy of 健康中国行动(2019—2030年), 主要指标 one cell a line)
    path = next((Path(__file__).resolve().parents[1] / "unseen50" / "docs").glob("ln01_*.txt"))
    got = quantities(path.read_bytes(), path.name)
    assert {("measurement", "居民健康素养水平", 14.18, "%", None, "="), ("target", "居民健康素养水平", 22.0, "%", 2022, ">="),
            ("target", "居民健康素养水平", 30.0, "%", 2030, ">=")} <= got
