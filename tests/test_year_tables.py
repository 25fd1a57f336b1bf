"""A statistics table whose rows are years (年份 | 诊疗总人次(万人次) | …), as the readers give it:
one row a line with bars or tabs between cells, or one cell a line (a page's text layer). The
reader writes each row as the sentence a bulletin writes, so each value is a measurement of
its row's year under its column's indicator; a header that names no unit, or a row whose
cells do not fit it, is left as it was."""
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.ingest.reader import read_data
from kg.ingest.year_tables import rewrite_year_tables

ROOT = Path(__file__).resolve().parents[1]


def measurements(text: str, name: str = "stats.txt") -> set[tuple[str, float, str, int | None]]:
    ex = extract_document(read_data(text.encode("utf-8"), name))
    return {(q.indicator, q.value, q.unit, q.year) for q in ex.quantities if q.kind == "measurement"}


BARS = ("某区卫生健康统计数据\n医疗机构业务量\n"
        "年份 | 诊疗总人次 (万人次) | 出院人数（万人次） | 病床使用率(%) |\n"
        "2023年 | 601.2 | 7.9 | 71.3 |\n"
        "2024年 | 622.5 | 8.1 | - |\n"
        "以上数据由区卫生健康委提供。\n")


@pytest.mark.parametrize("sep", [" | ", "\t", "｜"])
def test_a_table_one_row_a_line(sep):
    text = BARS.replace(" | ", sep).replace(" |\n", "\n" if sep == "\t" else sep.rstrip() + "\n")
    assert measurements(text) == {
        ("诊疗总人次", 601.2, "万人次", 2023), ("出院人数", 7.9, "万人次", 2023), ("病床使用率", 71.3, "%", 2023),
        ("诊疗总人次", 622.5, "万人次", 2024), ("出院人数", 8.1, "万人次", 2024),  # "-": no value
    }


def test_each_row_is_written_as_a_bulletins_sentence():
    lines = rewrite_year_tables(BARS).split("\n")
    assert "2023年，诊疗总人次601.2万人次，出院人数7.9万人次，病床使用率71.3%。" in lines
    assert "以上数据由区卫生健康委提供。" in lines  # the text after the table as it was
    assert not any("|" in ln for ln in lines)


@pytest.mark.parametrize("blank", [False, True])
def test_a_table_one_cell_a_line(blank):
    cells = ["年份", "入院人数(万人)", "出院人数(万人)", "2017年", "117.6", "115.7", "2018年", "120.8", "120.3"]
    text = "某省医疗卫生机构入院及出院人数\n" + ("\n\n" if blank else "\n").join(cells) + "\n资料来源：卫生统计年鉴\n"
    assert measurements(text) == {("入院人数", 117.6, "万人", 2017), ("出院人数", 115.7, "万人", 2017),
                                  ("入院人数", 120.8, "万人", 2018), ("出院人数", 120.3, "万人", 2018)}


def test_tables_that_do_not_say_whose_value_is_which_stay_as_they_were():
    no_unit = "年份 | 诊疗总人次 | 出院人数\n2024年 | 622.5 | 8.1\n"  # which unit: not known
    assert rewrite_year_tables(no_unit) == no_unit
    short_row = "年份 | 诊疗总人次(万人次) | 出院人数(万人次)\n2024年 | 622.5\n"  # a value cell lost
    assert rewrite_year_tables(short_row) == short_row
    other_key = "地区 | 诊疗总人次(万人次)\n城区 | 622.5\n"  # rows are no years
    assert rewrite_year_tables(other_key) == other_key
    prose = "年份\n这一年，全区诊疗总人次明显增加。\n"
    assert rewrite_year_tables(prose) == prose


def test_a_report_over_a_span_of_years_reports_its_later_years_too():
    # the title's span (2013-2018年…现状分析) is what a report covers: its 2018 values are measurements
    text = ("2013-2018年某省医疗卫生事业发展现状分析\n"
            "2018年某省医疗卫生机构数量4450家。\n"
            "年份\n入院人数(万人)\n2013年\n90.7\n2018年\n120.8\n")
    assert measurements(text) == {("某省医疗卫生机构数量", 4450.0, "家", 2018), ("入院人数", 90.7, "万人", 2013),
                                  ("入院人数", 120.8, "万人", 2018)}


def test_real_statistics_page_of_a_district():
    ex = extract_document(read_data((ROOT / "unseen46" / "docs" / "lj04_shanghai_chongming_2025_health_stats_table.txt")
                                    .read_bytes(), "lj04.txt"))
    got = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "measurement"}
    assert {("诊疗总人次", 645.63, 2025), ("病床使用率", 69.76, 2025), ("出院者平均住院日", 12.37, 2025),
            ("年内撤消家庭病床人数", 1804.0, 2025)} <= got


def test_real_yearbook_table_one_cell_a_line():
    ex = extract_document(read_data((ROOT / "unseen40" / "docs" / "ld02_ningxia_region_2013_2018_health_stats_table.txt")
                                    .read_bytes(), "ld02.txt"))
    got = {(q.indicator, q.value, q.year) for q in ex.quantities if q.kind == "measurement"}
    assert {("宁夏医疗卫生机构入院人数", 90.7, 2013), ("宁夏住院病人手术人次", 25.7, 2018),
            ("宁夏医疗卫生机构数量", 4450.0, 2018)} <= got


def test_every_cell_of_a_row_is_kept_and_only_levels_read():
    text = ("年份 | 医院数(个) | 每千人口床位数(张/千人) | 增长率(%) | 机构(所、站)\n"
            "2023年 | 12 | 5.1 | -1.2 | 30\n2024年 | 1,234 | 5.3 | 2.0 | 31\n")
    lines = rewrite_year_tables(text).split("\n")
    assert "2023年，医院数12个，每千人口床位数5.1张/千人，增长率(%)：-1.2，机构(所、站)：30。" in lines
    assert measurements(text) == {("医院数", 12.0, "个", 2023), ("每千人口床位数", 5.1, "张/千人", 2023),
                                  ("医院数", 1234.0, "个", 2024), ("每千人口床位数", 5.3, "张/千人", 2024)}


def test_a_lost_cell_of_bare_years_ends_the_table():
    # 2020 has one value for two columns: 2021 is a year, not 床位数's value
    text = "年份\n医院数(个)\n床位数(张)\n2019\n10\n20\n2020\n11\n2021\n12\n22\n"
    lines = rewrite_year_tables(text).split("\n")
    assert lines[0] == "2019年，医院数10个，床位数20张。" and "2021" in lines and not any("2021张" in ln for ln in lines)
