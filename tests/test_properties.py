"""Bad input never crashes the extractor (hypothesis)."""
from hypothesis import HealthCheck, given, settings, strategies as st

PUNCT = "，。、；：（）()“”《》〔〕【】!?！？-—…\n\t 　"
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
weird = st.text(alphabet=st.one_of(CJK, st.sampled_from(list(PUNCT + "0123456789一二三十区县市局委办牵头单位配合医院"))), max_size=400)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_arbitrary_unicode(extract, text):
    extract(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(weird)
def test_pathological_punctuation_and_fragments(extract, text):
    ex = extract(text)
    for m in ex.mentions:
        assert 0 <= m.start <= m.end <= len(text)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=1, max_value=40))
def test_deeply_nested_headings(extract, depth):
    marks = ["一、", "（一）", "1.", "（1）", "①"]
    text = "\n".join(marks[i % 5] + "强化行动" + "（牵头单位：区卫健委）" * (i % 2) for i in range(depth))
    extract(text, title="闵行区实施方案")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(weird, min_size=1, max_size=30), st.integers(min_value=1, max_value=200))
def test_very_long_lines(extract, pieces, repeat):
    # one line of up to ~2.4 M characters at most, no newline anywhere
    text = ("".join(pieces).replace("\n", "") * repeat)[:200_000]
    ex = extract(text)
    for q in ex.quantities:
        assert q.start <= q.end <= len(text)


def test_evidence_of_an_unbroken_page_is_a_window(extract):
    text = "区卫健委牵头推进健康上海行动" + "并且持续开展相关工作" * 5000
    ex = extract(text, title="闵行区人民政府")
    assert all(len(ex.evidence(m.start)) <= 302 for m in ex.mentions)
