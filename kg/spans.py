"""Sorted indexes over character spans, so that "is this offset inside any span?" and
"which mentions lie in this range?" cost a bisection, not a scan: extraction stays
linear on documents with tens of thousands of mentions."""
from __future__ import annotations

import bisect
from collections import defaultdict
from functools import cached_property
from operator import attrgetter
from typing import Callable, Generic, Iterable, TypeVar

T = TypeVar("T")


class SpanSet:
    """Answers whether an offset falls inside any of a set of (start, end) spans."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        items = sorted(spans)
        self.starts = [s for s, _ in items]
        self.max_end: list[int] = []
        best = -1
        for _, e in items:
            best = max(best, e)
            self.max_end.append(best)

    def covers(self, pos: int, slack: int = 0) -> bool:
        """True when some span has start <= pos < end + slack."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.max_end[i] + slack > pos


class SpanIndex(Generic[T]):
    """Items with start/end attributes (or tuples), queried by range and by edge."""

    def __init__(self, items: Iterable[T], start: Callable[[T], int] = attrgetter("start"),
                 end: Callable[[T], int] = attrgetter("end")) -> None:
        """``start``/``end`` read an item's edges: attributes by default; pass
        ``operator.itemgetter(0)``/``(1)`` for tuples (C-level getters, not lambdas:
        an index is built per document over thousands of mentions)."""
        items = list(items)
        starts = list(map(start, items))
        ends = list(map(end, items))
        # one integer per item orders by (start, end) and compares faster than a tuple
        order = sorted(range(len(items)), key=[(s << 32) | e for s, e in zip(starts, ends)].__getitem__)
        self.items = [items[i] for i in order]
        self.starts = [starts[i] for i in order]
        self._ends = [ends[i] for i in order]

    # The edge tables are made when first asked for: most of the indexes a document
    # builds are only ever queried by range.
    @cached_property
    def by_end(self) -> dict[int, list[T]]:
        return _grouped(self.items, self._ends)

    @cached_property
    def by_start(self) -> dict[int, list[T]]:
        return _grouped(self.items, self.starts)

    def within(self, s: int, e: int) -> list[T]:
        """Items lying wholly inside [s, e)."""
        lo = bisect.bisect_left(self.starts, s)
        hi = bisect.bisect_left(self.starts, e)
        return [self.items[i] for i in range(lo, hi) if self._ends[i] <= e]

    def starting_in(self, s: int, e: int) -> list[T]:
        lo = bisect.bisect_left(self.starts, s)
        hi = bisect.bisect_left(self.starts, e)
        return self.items[lo:hi]

    def ending_at(self, pos: int) -> list[T]:
        return self.by_end.get(pos, [])

    def starting_at(self, pos: int) -> list[T]:
        return self.by_start.get(pos, [])


def _grouped(items: list[T], keys: list[int]) -> dict[int, list[T]]:
    """Items by key, in their order."""
    table: dict[int, list[T]] = defaultdict(list)
    for x, k in zip(items, keys):
        table[k].append(x)
    return table
