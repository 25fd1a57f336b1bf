from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.segment import BracketSplitter, sections, sentences

PLAN = """二、重大行动
（一）健康知识普及行动
广泛宣传健康科普知识。到2022年，居民健康素养水平达到36.6%。
（二）慢性病防治行动
1.强化癌症防治。开展早筛查。
2.强化糖尿病防治。加强随访。
三、保障措施"""


def test_sections_follow_official_numbering_levels():
    secs = sections(PLAN)
    assert [(s.level, s.title) for s in secs] == [
        (1, "重大行动"), (2, "健康知识普及行动"), (2, "慢性病防治行动"), (3, "强化癌症防治"), (3, "强化糖尿病防治"), (1, "保障措施")]
    assert secs[3].parent == 2 and secs[2].parent == 0
    assert secs.innermost(PLAN.index("加强随访")) == 4


def test_sentences_split_at_full_stops_and_lines():
    text = "第一句。第二句！\n标题行\n第三句"
    assert [text[s:e] for s, e in sentences(text)] == ["第一句。", "第二句！", "标题行", "第三句"]


def test_decimal_numbers_are_not_headings():
    assert sections("1.5万人参加。\n2.0版本发布") == []


def _innermost_by_scan(secs, offset):
    """The definition: the deepest of the sections whose span holds ``offset``."""
    best = None
    for i, s in enumerate(secs):
        if s.start <= offset < s.end and (best is None or s.level >= secs[best].level):
            best = i
    return best


def test_fast_innermost_lookup_equals_the_linear_scan():
    """SectionList.innermost walks parents from a bisect; the plain scan is the definition."""
    from pathlib import Path

    from kg.ingest import read_document
    from kg.textnorm import fold

    root = Path(__file__).parent
    docs = sorted((root.parent / "seeds").glob("*.txt")) + sorted((root / "data" / "docs").glob("*.txt"))
    checked = 0
    for path in docs:
        text = fold(read_document(path).text)
        secs = sections(text)
        plain = list(secs)
        for offset in range(0, len(text) + 1, 3):
            assert secs.innermost(offset) == _innermost_by_scan(plain, offset), (path.name, offset)
            checked += 1
    assert checked > 5000


def _split_char_by_char(text: str, opens: str, closes: str, separators: str) -> list[tuple[int, int]]:
    """The former clause and list splits: every character visited in a Python loop."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in opens:
            depth += 1
        elif ch in closes:
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, len(text)))
    return out


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="区卫健委《》（）()，；：、,; 和a1", max_size=40))
def test_bracket_splitter_matches_the_character_loop(text: str) -> None:
    for opens, closes, seps in (("《（(", "》）)", "，；："), ("（(", "）)", "、，,；;")):
        assert BracketSplitter(opens, closes, seps)(text) == _split_char_by_char(text, opens, closes, seps)


def test_separators_inside_brackets_do_not_split():
    split = BracketSplitter("《（(", "》）)", "，；：")
    text = "加快《健康上海行动（2019—2030年），实施方案》，推进）防治"
    assert [text[s:e] for s, e in split(text)] == ["加快《健康上海行动（2019—2030年），实施方案》", "推进）防治"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="。！？\n”’」）a 闵，", max_size=30))
def test_sentence_end_pattern_is_the_plain_alternation(text):
    """_SENT_END opens with a character class for speed; it must match what the plain
    alternation matches."""
    import re

    from kg.extract.segment import _SENT_END

    plain = re.compile(r"[。！？]+[”’」）]?|\n+")
    assert [m.span() for m in _SENT_END.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["（一）", "（十二）", "（1）", "一、", "十三、", "3.", "12．", "7、", "①", "⑳",
                                            "٣.", "３.", "年", " ", "%", "（", "）"]), st.characters()), max_size=4))
def test_lines_skipped_before_the_heading_patterns_match_none_of_them(pieces):
    """sections() tries the heading patterns only on lines opening with a character
    a heading can open with; no pattern may match a line it skips."""
    from kg.extract.segment import _HEADING_FIRSTS, HEADING_LEVELS

    line = "".join(pieces)
    if any(pat.match(line) for _, pat in HEADING_LEVELS):
        assert line[:1] in _HEADING_FIRSTS or line[:1].isdecimal()
