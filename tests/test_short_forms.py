"""kg.names.bodies.short_forms: the standard short forms a reader types for a body."""
from kg.names.bodies import abbreviated, short_forms


def test_a_commission_s_short_forms_by_convention_and_by_the_table():
    forms = short_forms("嘉定区卫生健康委员会")
    for f in ("卫健委", "卫生健康委", "区卫健委", "嘉定区卫健委", "嘉定卫健委", "卫生健康委员会"):
        assert f in forms, f
    assert "卫健委员会" not in forms  # the stem is shortened only with the ending
    assert "嘉定区卫生健康委员会" not in forms
    assert short_forms("上海市嘉定区卫生健康委员会")[:3] == forms[:3]


def test_a_bureau_and_a_body_unknown_to_the_table():
    assert {"卫健局", "县卫健局", "海盐卫健局"} <= set(short_forms("海盐县卫生健康局"))
    assert abbreviated("经济委员会") == ["经济委员会", "经济委"]


def test_names_that_are_not_bodies_have_none():
    assert short_forms("健康知识普及行动") == ()
    assert short_forms("瑞金医院") == ()
