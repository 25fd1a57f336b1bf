"""Span indexes answer as a scan over all spans would."""
from __future__ import annotations

from operator import itemgetter

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.spans import SpanIndex, SpanSet

spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1])), max_size=25)


@settings(max_examples=300, deadline=None)
@given(spans, st.integers(-2, 50), st.integers(-2, 50))
def test_span_index_agrees_with_a_scan(items, a, b):
    index = SpanIndex(items, start=itemgetter(0), end=itemgetter(1))
    assert sorted(index.within(a, b)) == sorted(x for x in items if a <= x[0] and x[1] <= b and x[0] < b)
    assert sorted(index.starting_in(a, b)) == sorted(x for x in items if a <= x[0] < b)
    assert sorted(index.ending_at(a)) == sorted(x for x in items if x[1] == a)
    assert sorted(index.starting_at(a)) == sorted(x for x in items if x[0] == a)


@settings(max_examples=300, deadline=None)
@given(spans, st.integers(-2, 50), st.integers(0, 3))
def test_span_set_agrees_with_a_scan(items, pos, slack):
    assert SpanSet(items).covers(pos, slack) == any(s <= pos < e + slack for s, e in items)
