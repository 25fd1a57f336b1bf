"""The indicator concept scheme (kg/ontology/indicators.ttl) and the mapping of
indicator wordings to it (kg.names.indicators), issue 23 part 1."""
from __future__ import annotations

import csv

import pytest

from kg.names.indicators import HGI_NS, match, normalise, scheme

from .conftest import ROOT

SAMPLE = ROOT / "docs" / "indicator_mapping_sample.tsv"
SAMPLE2 = ROOT / "docs" / "indicator_mapping_sample2.tsv"  # the wordings mapped by the second round of concepts


def test_the_scheme_reads_and_every_concept_has_a_notation_and_a_label():
    sc = scheme()
    assert len(sc.concepts) >= 100
    notations = [c.notation for c in sc.concepts.values()]
    assert len(notations) == len(set(notations))
    for c in sc.concepts.values():
        assert c.iri == HGI_NS + c.notation and c.label


@pytest.mark.parametrize("wording, relation, notation", [
    ("居民健康素养水平", "exactMatch", "HC-01"),
    ("全省居民健康素养水平", "exactMatch", "HC-01"),
    ("健康素养水平", "exactMatch", "HC-01"),
    ("2022年居民健康素养水平", "exactMatch", "HC-01"),
    ("城市居民健康素养水平", "broader", "HC-01"),
    ("农村孕产妇系统管理率", "broader", "ST-05"),
    ("居民心理健康素养水平", "exactMatch", "HC-12"),  # its own indicator, not health literacy
    ("城乡居民达到《国民体质测定标准》合格以上人数比例", "exactMatch", "HC-08"),
    ("成人吸烟率", "exactMatch", "HC-10"),
    ("闵行区婴儿死亡率", "exactMatch", "HC-15"),
    ("孕产妇死亡率由39.68/10万", "exactMatch", "HC-17"),
    # the work 健康教育服务规范 counts and the statistics added later, named as documents name them
    ("宣传资料", "exactMatch", "HE-01"),
    ("宣教材料", "exactMatch", "HE-01"),
    ("健康教育处方", "exactMatch", "HE-02"),
    ("健康咨询活动", "exactMatch", "HE-05"),
    ("个体健康教育", "exactMatch", "HE-06"),
    ("讲座", "exactMatch", "ST-62"),
    ("健康细胞", "exactMatch", "HE-17"),
    ("省级健康（促进）县区", "exactMatch", "HE-22"),    # 健康促进县（区） is 健康县区 since 2022
    ("国家级健康促进区", "exactMatch", "ST-41"),
    ("生长迟缓率", "exactMatch", "ST-92"),              # the general rate, not 5岁以下儿童's
    ("老年人群贫血率", "exactMatch", "ST-95"),
    ("初中生近视率", "exactMatch", "ST-99"),
    # qualifiers before a count concept, a leading verb, a trend verb left after an indicator
    ("进校园讲座", "broader", "ST-62"),                  # a place qualifier before a count concept
    ("心理健康科普宣传活动", "broader", "HE-07"),         # a topic qualifier
    ("省级健康促进医院", "broader", "ST-40"),             # a level qualifier
    ("市级医疗专科联盟", "broader", "ST-48"),
    ("紧密型县域医共体数量", "broader", "ST-47"),          # 数量 read as the label's 数
    ("县域医共体数量", "exactMatch", "ST-47"),
    ("以县级医院为核心的县域医联体", "broader", "ST-47"),   # who leads them: a part of the concept
    ("以市级医院为龙头的城市医联体", "broader", "ST-49"),
    ("培养家庭健康指导员", "exactMatch", "HE-09"),         # a verb left before the indicator
    ("共培训健康明白人", "exactMatch", "HE-11"),
    ("累计建设国家级健康促进区", "exactMatch", "ST-41"),
    ("案例入选国家级健康县区优秀案例", "broader", "HE-13"),
    ("全国共入选健康县区建设优秀案例", "exactMatch", "HE-13"),
    ("居民健康素养水平提升至", "exactMatch", "HC-01"),      # a trend verb with 至 left after it
    ("成人吸烟率降至", "exactMatch", "HC-10"),
    ("人均预期寿命将", "exactMatch", "HC-00"),
    ("居民健康素养水平由不到10%", "exactMatch", "HC-01"),
    ("人均体育场地面积", "exactMatch", "ST-101"),           # 全民健身计划（2021—2025年）
    ("全区人均体育场地面积", "exactMatch", "ST-101"),
    ("镇卫生院（街道社区卫生服务中心）标准化率", "exactMatch", "ST-29"),  # 在浙江率先实现 stripped by the reader
])
def test_wordings_map_to_their_concept(wording, relation, notation):
    assert match(wording) == (relation, HGI_NS + notation)


@pytest.mark.parametrize("wording", ["重大慢性病过早死亡率降幅", "下降至2024年", "在全省", "专席", "治疗控制率",
                                     "国家学生体质健康标准达标率", "中新网重庆新闻12月6日电健康细胞建设覆盖率",
                                     # fragments the extraction takes for an indicator stay visible as such
                                     "使用", "体系", "部门", "科室", "案例", "培训", "共计培训", "早诊率", "治疗率",
                                     # near wordings of the count, led-by, verb and trend rules
                                     "学术讲座",                       # a count concept's label after a head that is no qualifier
                                     "市级婴儿死亡率",                  # a level qualifier is for counts only
                                     "省级贫血率",                      # nor before a rate's short label
                                     "档案数量",                       # 数量 alone names nothing
                                     "以县级医院为核心",                # the opener without a concept after it
                                     "以县级医院为核心的体系",
                                     "培训控烟工作管理人员及技术人员",    # a verb stripped leaves no label
                                     "医院设置学习困难门诊",             # a near wording of 医院设置心理门诊 the scheme does not name
                                     "居民健康素养整体水平较2021年提高",  # a change, not the level
                                     "居民健康素养水平提升至较2022年提高",
                                     "控烟宣传标语",
])
def test_a_wording_the_scheme_does_not_name_stays_unmapped(wording):
    assert match(wording) is None


def test_normalise_strips_region_area_population_and_year():
    assert normalise("上海市闵行区居民健康素养水平") == "健康素养水平"
    assert normalise("我省2023年城乡居民健康素养水平（%）") == "健康素养水平"


def _sample(path=SAMPLE) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_the_hand_checked_sample_still_maps_as_checked_and_its_precision_holds():
    rows = _sample()
    assert len(rows) == 100
    for r in rows:
        assert match(r["wording"]) == (r["relation"], HGI_NS + r["notation"]), r
    correct = sum(r["verdict"] == "correct" for r in rows)
    assert correct / len(rows) >= 0.95  # README: 100/100 after the fixes the check found (97/100 before)


def test_the_second_hand_checked_sample_still_maps_as_checked_and_its_precision_holds():
    rows = _sample(SAMPLE2)
    assert len(rows) == 58 and {r["corpus"] for r in rows} == {"seeds+dev", "heldout", "unseen2", "unseen3", "survey"}
    assert not {r["wording"] for r in rows} & {r["wording"] for r in _sample()}  # newly mapped wordings only
    for r in rows:
        assert match(r["wording"]) == (r["relation"], HGI_NS + r["notation"]), r
        assert scheme().concepts[HGI_NS + r["notation"]].label == r["concept"], r
    correct = sum(r["verdict"] == "correct" for r in rows)
    assert correct / len(rows) >= 0.95  # README: 58/58, 8 of them borderline (50/58 if those were counted wrong)


SHARE_QUERY = """
SELECT (COUNT(DISTINCT ?i) AS ?n) (COUNT(DISTINCT ?m) AS ?mapped) (COUNT(DISTINCT ?x) AS ?nodes) (COUNT(DISTINCT ?y) AS ?mapped_nodes)
WHERE { ?x hg:indicator ?i . OPTIONAL { ?i skos:exactMatch|skos:broader ?c }
        BIND(IF(BOUND(?c), ?i, ?none) AS ?m) BIND(IF(BOUND(?c), ?x, ?none) AS ?y) }"""


@pytest.fixture(scope="module")
def seeds_and_dev():
    import kg

    return kg.build([ROOT / "seeds", ROOT / "dev" / "docs"])


def test_the_share_of_indicators_mapped_on_seeds_and_dev_is_what_the_readme_says(seeds_and_dev):
    import kg

    row = kg.query(seeds_and_dev, SHARE_QUERY).rows[0]
    n, mapped, nodes, mapped_nodes = (int(v) for v in row)
    # README "Indicators": 94 of 195 indicators (48.2%), 112 of 214 targets and measurements (52.3%);
    # the goal of 90% is not met: most of the rest are local counts and fragments the gold accepts
    assert mapped >= 94 and mapped / n >= 0.482 and mapped_nodes / nodes >= 0.523, (mapped, n, mapped_nodes, nodes)


def test_a_linked_concept_carries_its_label_and_notation_in_the_graph(seeds_and_dev):
    import kg

    rows = kg.query(seeds_and_dev, """SELECT DISTINCT ?l ?n WHERE { ?i a hg:Indicator ; rdfs:label "居民健康素养水平"@zh ;
        skos:exactMatch ?c . ?c skos:prefLabel ?l ; skos:notation ?n ; skos:inScheme ?s }""").rows
    assert [(str(l), str(n)) for l, n in rows] == [("健康素养水平", "HC-01")]
