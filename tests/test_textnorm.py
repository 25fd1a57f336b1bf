from hypothesis import given, strategies as st

from kg.textnorm import fold, is_traditional, squeeze_cjk_spaces, to_simplified


def test_fold_maps_traditional_and_fullwidth():
    assert fold("長寧區衛健委") == "长宁区卫健委"
    assert fold("２０２２年（牽頭單位:區衛健委)") == "2022年（牵头单位：区卫健委）"


@given(st.text())
def test_fold_preserves_length(text):
    # offsets in the folded text must index the original
    assert len(fold(text)) == len(text)


def test_squeeze_cjk_spaces_keeps_latin_spacing():
    assert squeeze_cjk_spaces("2024 年，新增 5 家 区级医院") == "2024年，新增5家区级医院"
    assert squeeze_cjk_spaces("Open AI and 5 G") == "Open AI and 5 G"


def test_traditional_detection():
    assert is_traditional("長寧") and not is_traditional("长宁")
    assert to_simplified("醫療聯合體") == "医疗联合体"
