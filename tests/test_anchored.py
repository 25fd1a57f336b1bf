"""Patterns searched only in the runs that hold their anchor find what a whole-text
search finds."""
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.anchored import finditer_in_runs, is_cjk, is_cjk_list_or_digit
from kg.extract.entities.common import ZONE_COMMITTEE as _COMMITTEE
from kg.extract.entities.departments import _ENUM, _ENUM_END, _ZONE_COMMITTEE
from kg.extract.entities.regions import _ZONE

PIECES = ["区卫健委", "、", "区教育局", "等", "部门", "单位", "3个", "十", "个", "，", "。", " ", "a", "莘庄", "工业区",
          "管委会", "管理委员会", "开发区", "经济技术开发区", "1", "和"]


def spans(matches):
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16))
def test_run_restricted_search_equals_whole_text_search(parts):
    text = "".join(parts)
    assert spans(finditer_in_runs(_ENUM, text, _ENUM_END, is_cjk_list_or_digit)) == spans(_ENUM.finditer(text))
    assert spans(finditer_in_runs(_ZONE_COMMITTEE, text, _COMMITTEE, is_cjk)) == spans(_ZONE_COMMITTEE.finditer(text))
    assert spans(finditer_in_runs(_ZONE, text, _COMMITTEE, is_cjk)) == spans(_ZONE.finditer(text))


def test_an_enumeration_is_found_in_its_clause():
    text = "请区卫健委、区教育局、区财政局等3个部门落实，其他单位配合。"
    found = finditer_in_runs(_ENUM, text, _ENUM_END, is_cjk_list_or_digit)
    assert [m.group(1) for m in found] == ["请区卫健委、区教育局、区财政局"]


QUOTE_PIECES = ["“", "”", "闵行", "瑞金", "—", "、", "和", "三大", "紧密型", "医联体", "医疗联合体", "专科联盟", "心血管",
                "，", "\n", "a", "1"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(QUOTE_PIECES), max_size=18))
def test_search_from_the_first_literal_equals_whole_text_search(parts):
    from kg.extract.anchored import finditer_from
    from kg.extract.entities.consortia import _quoted_names_pattern
    from kg.extract.grammar import grammar

    text = "".join(parts)
    pattern = _quoted_names_pattern(grammar().consortium_suffixes)
    assert spans(finditer_from(pattern, text, "“")) == spans(pattern.finditer(text))


SUGGESTION_PIECES = ["区", "市", "人大", "政协", "十六", "届", "一", "二", "次会议", "第", " ", "0123", "号", "代表", "建议",
                     "提案", "，", "闵行", "a", "-"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(SUGGESTION_PIECES), max_size=20))
def test_search_before_a_literal_equals_whole_text_search(parts):
    from kg.extract.anchored import finditer_before
    from kg.extract.entities.policies import _SUGGESTION, _SUGGESTION_RUN

    text = "".join(parts)
    assert spans(finditer_before(_SUGGESTION, text, "次会议", _SUGGESTION_RUN)) == spans(_SUGGESTION.finditer(text))


def test_a_deputys_suggestion_number_is_found_from_its_meeting():
    from kg.extract.anchored import finditer_before
    from kg.extract.entities.policies import _SUGGESTION, _SUGGESTION_RUN

    text = "关于区十七届人大三次会议第0123号代表建议的答复，及市政协十四届二次会议第1号提案"
    found = [m.group(0) for m in finditer_before(_SUGGESTION, text, "次会议", _SUGGESTION_RUN)]
    assert found == [m.group(0) for m in _SUGGESTION.finditer(text)] and len(found) == 2


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["推进", "加快推进", "完成", "健康", "、", "城市", "建设", "的建设", "等", "项目", "，", "推",
                                 "以及", "实施", "）", "。"]), max_size=16))
def test_class_first_alternation_matches_as_the_plain_alternation(parts):
    import re

    from kg.extract.anchored import class_first_alternation
    from kg.extract.entities.programs import _LIST_END, _list_pattern
    from kg.extract.grammar import grammar

    text = "".join(parts)
    verbs = grammar().list_verbs
    plain = re.compile(rf"(?:{'|'.join(map(re.escape, verbs))})((?:[^，。；：！？“”《》\n]{{2,30}}、)+[^，。；：！？“”《》\n]{{2,30}}?){_LIST_END}")
    assert spans(_list_pattern(verbs).finditer(text)) == spans(plain.finditer(text))
    words = ["ab", "a", "abc", "b"]
    assert spans(re.finditer(class_first_alternation(words), text + "abcab")) == \
        spans(re.finditer("(?:ab|a|abc|b)", text + "abcab"))
