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


def test_list_table_folds_as_the_dict_table():
    """fold translates through a list indexed by code point; it must equal the dict
    table for any text, including characters beyond the list and astral ones."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.textnorm import _fold_table, fold

    table = _fold_table()
    sample = "".join(chr(cp) for cp in sorted(table)[::40]) + "長寧區衛生健康委員會（１２３）ＡＢ,:;😀\U0002b726\U0002b727"

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from(sample) | st.characters(), max_size=40))
    def agree(text):
        assert fold(text) == text.translate(table)

    agree()
