"""A table whose rows are places (市县名 / 城市低保数(人) / … / 桐城市 / 286), one cell a line as a page's text
layer gives it: each row is written as the sentence a bulletin writes for that place, so each value is a
measurement of the place its row names, under its column's indicator (a two-tier header's group and column
together), of the year the text names before the table. A header that does not fit its rows, a label that
names no place or a cell that is no number ends the table, and what was not read is left as it was."""
from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.ingest.place_tables import rewrite_place_tables
from kg.ingest.reader import read_data
from kg.names.regions import regions

ROOT = Path(__file__).resolve().parents[1]


def measurements(text: str) -> set[tuple[str, float, str, int | None, str]]:
    ex = extract_document(read_data(text.encode("utf-8"), "gongshi.txt"))
    names = regions().by_code
    return {(q.indicator, q.value, q.unit, q.year, names[q.region].name if q.region in names else "")
            for q in ex.quantities if q.kind == "measurement"}


TWO_TIERS = "\n".join([
    "安庆市2022年度城镇低保适龄妇女“两癌”免费筛查进度公示", "各县市区参检人数、开展进度如下：", "",
    "市县名", "", "城市低保数(人)", "", "宫颈癌", "", "乳腺癌", "", "累计完成(例)", "", "完成率(%)", "", "累计完成(例)", "",
    "完成率(%)", "", "全市合计", "", "3973", "", "1326", "", "100.00%", "", "1334", "", "100.00%", "",
    "桐城市", "", "286", "", "96", "", "100.00%", "", "96", "", "100.00%", "",
    "怀宁县", "", "277", "", "93", "", "100.00%", "", "101", "", "100.00%", "",
    "注：数据截至9月底。", ""])


def test_a_two_tier_header_written_tier_by_tier_gives_each_column_its_group():
    lines = rewrite_place_tables(TWO_TIERS).split("\n")
    assert "2022年，桐城市城市低保数286人，宫颈癌累计完成96例，宫颈癌完成率100.00%，乳腺癌累计完成96例，乳腺癌完成率100.00%。" in lines
    assert "2022年，全市城市低保数3973人，宫颈癌累计完成1326例，宫颈癌完成率100.00%，乳腺癌累计完成1334例，乳腺癌完成率100.00%。" in lines
    assert "注：数据截至9月底。" in lines  # what follows the table is kept


def test_each_places_values_are_its_own_measurements():
    got = measurements(TWO_TIERS)
    # the same rate in two rows is two places' figures, not one
    assert {("宫颈癌完成率", 100.0, "%", 2022, "桐城市"), ("宫颈癌完成率", 100.0, "%", 2022, "怀宁县")} <= got, got
    assert ("乳腺癌累计完成", 101.0, "例", 2022, "怀宁县") in got


def test_a_narrow_table_set_twice_side_by_side():
    text = "\n".join(["2022年各乡镇产前筛查人数见下表：", "乡镇名称 |", "产前筛查数(人) |", "乡镇名称 |", "产前筛查数(人) |",
                      "辕门口街道 |", "430 |", "水西门街道 |", "233 |", "龙溪镇 |", "88 |", "荆竹镇 |", "51 |", ""])
    lines = rewrite_place_tables(text).split("\n")
    assert {"2022年，辕门口街道产前筛查数430人。", "2022年，水西门街道产前筛查数233人。", "2022年，荆竹镇产前筛查数51人。"} <= set(lines)


@pytest.mark.parametrize("broken", [
    TWO_TIERS.replace("桐城市", "备注"),            # a row label that names no place ends the table there
    TWO_TIERS.replace("\n乳腺癌\n", "\n"),          # a header that does not fit the rows: nothing read from it
])
def test_a_table_that_does_not_fit_is_read_no_further(broken):
    lines = rewrite_place_tables(broken).split("\n")
    assert not [ln for ln in lines if ln.startswith("2022年，桐城市")]
    if "备注" in broken:
        assert "2022年，全市城市低保数3973人，宫颈癌累计完成1326例，宫颈癌完成率100.00%，乳腺癌累计完成1334例，乳腺癌完成率100.00%。" \
            in lines and "备注" in lines
    else:
        assert lines == broken.split("\n")


def test_a_table_with_no_year_before_it_is_written_without_one():
    text = TWO_TIERS.replace("安庆市2022年度城镇", "安庆市城镇")
    assert "桐城市城市低保数286人，宫颈癌累计完成96例，宫颈癌完成率100.00%，乳腺癌累计完成96例，乳腺癌完成率100.00%。" \
        in rewrite_place_tables(text).split("\n")


def test_a_key_header_in_running_text_changes_nothing():
    text = "各市县名单如下：桐城市、怀宁县。\n乡镇\n卫生院12家。\n"
    assert rewrite_place_tables(text) == text


def test_real_city_progress_notice_and_town_table():
    # real layers: unseen52 lp04 (安庆 妇联's 公示: 市县名 … 宫颈癌 / 乳腺癌 over 累计完成(例) / 完成率(%)) and unseen54 lr04
    # (武冈市: 乡镇/街道办事处名称 | 产前筛查数(人) set twice side by side)
    got = {(q.indicator, q.value, q.region) for q in
           extract_document(read_data(next((ROOT / "unseen52" / "docs").glob("lp04_*.txt")).read_bytes(), "lp04.txt")).quantities}
    rates = [x for x in got if x[0] == "宫颈癌完成率" and x[1] == 100.0]
    assert len(rates) >= 10, rates  # one for each county of the table
    got = {(q.indicator, q.value) for q in
           extract_document(read_data(next((ROOT / "unseen54" / "docs").glob("lr04_*.txt")).read_bytes(), "lr04.txt")).quantities}
    assert ("辕门口街道办事处产前筛查数", 430.0) in got, got


KINDS = "\n".join(["2023年全省法定传染病报告情况如下：", "病种", "发病数(例)", "死亡数(人)", "合计", "12345", "67",
                   "肺结核", "2345", "5", "病毒性肝炎（乙肝）", "3456", "2", "注：数据来源于监测系统。", ""])


def test_a_table_by_kind_names_each_value_with_its_kind():
    lines = rewrite_place_tables(KINDS).split("\n")
    assert "2023年，肺结核发病数2345例，肺结核死亡数5人。" in lines
    assert "2023年，病毒性肝炎（乙肝）发病数3456例，病毒性肝炎（乙肝）死亡数2人。" in lines
    assert "2023年，发病数12345例，死亡数67人。" in lines  # the whole's row: the indicator alone
    assert {("肺结核发病数", 2345.0, "例", 2023, "")} <= measurements(KINDS)


def test_a_kind_header_with_no_numbered_rows_after_it_changes_nothing():
    text = "病种\n本年度重点监测的病种包括结核病、艾滋病。\n"
    assert rewrite_place_tables(text) == text
