"""A yearbook's table of counts by kind of institution (机构数 床位数 人员数, the staff broken down on a
second header line), one row a line with spaces between cells: each row is written as the sentence
a bulletin writes, so each count is a measurement of the caption's year under its row's kind and its
column; a table with no year, a second line that breaks nothing down and a row missing a cell are
left as they were."""
from pathlib import Path

from kg.extract import extract_document
from kg.ingest.count_tables import rewrite_count_tables
from kg.ingest.reader import read_data

ROOT = Path(__file__).resolve().parents[1]

TABLE = ("表5  各类医疗卫生机构、床位和人员\n"
         "      (2022) 单位:个、张、人\n"
         "  机构数 床位数 人员数\n"
         "卫生技术人员 管理人员 工勤人员\n"
         "        1200      9800      12000      9500      800      1700\n"
         "一、医院      40      7000      8000      6500      500      1000\n"
         "    中医医院   10      1500      1800      1500      100      200\n"
         "    综合医院   25      5000      5600      4600      300      700\n"
         "资料来源：区卫生健康局\n")


def measurements(text: str) -> set[tuple[str, float, str, int | None]]:
    ex = extract_document(read_data(text.encode("utf-8"), "yearbook.txt"))
    return {(q.indicator, q.value, q.unit, q.year) for q in ex.quantities if q.kind == "measurement"}


def test_each_row_is_a_bulletins_sentence_of_the_captions_year():
    lines = rewrite_count_tables(TABLE).split("\n")
    assert "2022年，综合医院机构数25个，综合医院床位数5000张，综合医院人员数5600人，综合医院卫生技术人员4600人，" \
           "综合医院管理人员300人，综合医院工勤人员700人。" in lines
    got = measurements(TABLE)
    assert {("医院机构数", 40.0, "个", 2022), ("医院卫生技术人员", 6500.0, "人", 2022), ("综合医院工勤人员", 700.0, "人", 2022)} <= got
    assert not [q for q in got if q[1] in (1200.0, 9800.0)]  # the total row names no kind: not read as anyone's


def test_what_is_no_such_table_is_left_as_it_was():
    undated = TABLE.replace("      (2022) 单位:个、张、人\n", "")
    assert rewrite_count_tables(undated) == undated  # no year: an undated count is no measurement
    # a second line that breaks down no column of people: which count is whose is not known
    no_breakdown = TABLE.replace("卫生技术人员 管理人员 工勤人员", "门诊部 诊所 卫生室")
    assert not any(line.startswith("2022年") for line in rewrite_count_tables(no_breakdown).split("\n"))
    # a row missing a cell is not written (the table ends there); the rows before it still are
    lost = TABLE.replace("    综合医院   25      5000", "    综合医院   5000")
    lines = rewrite_count_tables(lost).split("\n")
    assert not any("综合医院机构数" in line for line in lines) and any(line.startswith("2022年，医院机构数40个") for line in lines)


def test_real_yearbook_table_of_a_city():
    # unseen40 ld03: 乐山市 2023 yearbook, 卫生机构、床位和人员情况
    ex = extract_document(read_data((ROOT / "unseen40" / "docs" / "ld03_sichuan_leshan_2023_yearbook_health_table.txt")
                                    .read_bytes(), "ld03.txt"))
    got = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "measurement"}
    assert {("综合医院机构数", 53.0, 2023), ("中医医院卫生技术人员", 3501.0, 2023), ("医院床位数", 19833.0, 2023)} <= got, got


def test_scaled_units_and_rows_of_rates_are_not_read():
    # 单位:千张、千人: the counts are in thousands, not in the units their columns name — left as it was
    scaled = TABLE.replace("单位:个、张、人", "单位:个、千张、千人")
    assert rewrite_count_tables(scaled) == scaled
    # a row of rates ends the table: 增长率 is no kind of institution
    rates = TABLE.replace("资料来源：区卫生健康局", "增长率 1 2 3 4 5 6")
    assert not any(line.startswith("2022年，增长率") for line in rewrite_count_tables(rates).split("\n"))
