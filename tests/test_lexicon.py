"""The word matcher keeps regex alternation semantics: leftmost, then longest."""
from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.lexicon import WordMatcher, compile_words


def reference(words: list[str], text: str) -> list[tuple[int, int, str]]:
    """Leftmost-longest, non-overlapping, by brute force."""
    out, i = [], 0
    ws = sorted(set(w for w in words if w), key=len, reverse=True)
    while i < len(text):
        hit = next((w for w in ws if text.startswith(w, i)), None)
        if hit:
            out.append((i, i + len(hit), hit))
            i += len(hit)
        else:
            i += 1
    return out


def test_longest_at_the_leftmost_position() -> None:
    m = compile_words(("闵行", "闵行区", "行区卫生"))
    assert m.spans("上海市闵行区卫生健康委") == [(3, 6, "闵行区")]


def test_failure_links_do_not_lose_matches() -> None:
    # the cases pyahocorasick's iter_long got wrong (its issues #133 and #185)
    assert compile_words(("知识产权", "国家知识产权局")).spans("国家知识产权") == [(2, 6, "知识产权")]
    assert compile_words(("ab", "abcabd")).spans("zzabcabdzz") == [(2, 8, "abcabd")]


def test_match_is_anchored_and_search_finds_first() -> None:
    m = compile_words(("健康", "健康城市"))
    assert m.match("推进健康城市", 2).group(0) == "健康城市"
    assert m.match("推进健康城市", 1) is None
    assert m.search("推进健康城市").span() == (2, 6)
    assert [x.group() for x in m.finditer("健康健康城市", 1)] == ["健康城市"]


def test_empty_word_list_matches_nothing() -> None:
    assert compile_words(()).spans("任何文本") == []
    assert compile_words(("",)).search("x") is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="甲乙丙丁", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="甲乙丙丁戊", max_size=40))
def test_agrees_with_brute_force(words: list[str], text: str) -> None:
    assert compile_words(tuple(words)).spans(text) == reference(words, text)
    # the DFA built for whole-text scans finds the same
    assert compile_words(tuple(words), whole_text=True).spans(text) == reference(words, text)
    # and so does the contiguous NFA built for a long list's whole-text scans
    with mock.patch("kg.lexicon.DFA_MOST_WORDS", 0):
        assert WordMatcher(tuple(words), whole_text=True).spans(text) == reference(words, text)


def test_whole_text_automata_are_dfas_unless_the_list_is_long() -> None:
    import ahocorasick_rs

    from kg.lexicon import DFA_MOST_WORDS, automaton

    built = []
    real = ahocorasick_rs.AhoCorasick

    def recording(words: list[str], **kwargs: object) -> ahocorasick_rs.AhoCorasick:
        built.append(kwargs.get("implementation"))
        return real(words, **kwargs)

    words = [f"{i:05d}" for i in range(DFA_MOST_WORDS + 1)]
    with mock.patch.object(ahocorasick_rs, "AhoCorasick", recording):
        automaton(words[:DFA_MOST_WORDS], whole_text=True)
        automaton(words, whole_text=True)
        automaton(words)
    assert built == [ahocorasick_rs.Implementation.DFA, ahocorasick_rs.Implementation.ContiguousNFA, None]


def _peel_by_scanning(text: str, words: list[str]) -> str:
    """The former peeling: try every word, longest first, with startswith."""
    ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    while text:
        for w in ordered:
            if text.startswith(w):
                text = text[len(w):]
                break
        else:
            break
    return text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="县级区属综合中医", min_size=0, max_size=4), max_size=8),
       st.text(alphabet="县级区属综合中医院", max_size=12))
def test_prefix_words_peel_like_a_longest_first_scan(words: list[str], text: str) -> None:
    from kg.lexicon import PrefixWords

    pw = PrefixWords(words)
    assert pw.peel(text) == _peel_by_scanning(text, words)
    assert pw.covers(text) == (_peel_by_scanning(text, words) == "")
    for keep in range(4):
        fits = [len(w) for w in set(words) if w and text.startswith(w) and len(text) - len(w) >= keep]
        assert pw.prefix_length(text, keep) == max(fits, default=0)


def test_prefix_words_peel_the_longest_word_each_time() -> None:
    from kg.lexicon import PrefixWords

    pw = PrefixWords(["县", "县级", "综合"])
    assert pw.peel("县级综合医院") == "医院" and pw.covers("县级综合") and not pw.covers("县级医院")
    assert PrefixWords([]).peel("县级") == "县级" and PrefixWords([""]).peel("县级") == "县级"
    # keep: the longest word that still leaves that many characters
    assert pw.prefix_length("县级医院", keep=2) == 2 and pw.prefix_length("县级医", keep=2) == 1
    assert pw.prefix_length("县级", keep=2) == 0
    assert PrefixWords(["县级医", "县"]).prefix_length("县级医院", keep=2) == 1


def test_the_city_management_committee_is_named_in_full(extract):
    # real wording: unseen53 lq05 (广州): 广州市城管委、市文明办、市控烟协会将于5月28日至6月1日,举办…
    names = {m.key.name for m in extract("广州市城管委、市文明办将于5月28日举办控烟宣传活动。", title="新闻").mentions
             if m.key.type == "Department"}
    assert "广州市城市管理委员会" in names and "广州市城管理委员会" not in names
    # near case: the city management bureau (城管局) is another body, named as before
    names = {m.key.name for m in extract("广州市城管局开展控烟宣传活动。", title="新闻").mentions if m.key.type == "Department"}
    assert "广州市城市管理局" in names


def test_a_merged_health_and_sports_committee_is_named_in_full(extract):
    # real wording: unseen53 lq08 (駐馬店): 此次集中宣傳活動由市衛健體委、驛城區衛健體委聯合舉辦
    names = {m.key.name for m in extract("驻马店市卫健体委开展爱国卫生月活动。", title="新闻").mentions if m.key.type == "Department"}
    assert "驻马店市卫生健康体育委员会" in names and "驻马店市卫生健康体委员会" not in names
