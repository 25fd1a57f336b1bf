"""Sentences, clauses and the numbered section tree of official documents.

Chinese official documents number their headings in a fixed order (GB/T 9704):
一、 → （一） → 1. → （1） → ①. A heading either stands on its own line or opens a
paragraph and ends at the first 。. Sentences end at 。！？ and at line ends; spaCy's
sentencizer splits at neither line ends nor headings, so we segment ourselves.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterable

from kg.extract.model import Section

# Spaces may stand inside the marks: a PDF text layer writes "（ 一 ）" and "1 ."
HEADING_LEVELS = [
    (1, re.compile(r"[一二三四五六七八九十]{1,3}\s*、")),
    (2, re.compile(r"（\s*[一二三四五六七八九十]{1,3}\s*）")),
    (3, re.compile(r"\d{1,2}\s*[\.．、](?![\d%])")),
    (4, re.compile(r"（\s*\d{1,2}\s*）")),
    (5, re.compile(r"[①-⑳]")),
]
# what a heading can open with (and any decimal digit, which \d matches)
_HEADING_FIRSTS = frozenset("一二三四五六七八九十（" + "".join(map(chr, range(ord("①"), ord("⑳") + 1))))
_SENTENCE_STOP = re.compile(r"[。！？]")
# A sentence ends at a run of 。！？ (with a closing quote or bracket) or of line breaks:
# "[。！？]+[”’」）]?|\n+", written to open with one character class, which the regex
# engine scans for at C speed; opening with the alternation, the whole pattern was
# tried at every character (80 ns a character, 3% of a build).
_SENT_END = re.compile(r"[。！？\n](?:(?<=\n)\n*|(?<!\n)[。！？]*[”’」）]?)")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, whitespace-trimmed, empty ones dropped."""
    out = []
    pos = 0
    for m in _SENT_END.finditer(text):
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        _push(text, pos, end, out)
        pos = m.end()
    _push(text, pos, len(text), out)
    return out


def _push(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


class SectionList(list):
    """Sections in text order, with a fast innermost-section lookup (sections nest: a
    section ends no later than its parent, and siblings do not overlap). Made once,
    complete, by :func:`sections`."""

    def __init__(self, items: Iterable[Section] = ()) -> None:
        super().__init__(items)
        self.starts = [sec.start for sec in self]

    def innermost(self, offset: int) -> int | None:
        """Index of the deepest section whose span holds ``offset``: the last section
        starting at or before it, or the nearest of its ancestors that holds it."""
        i: int | None = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        while i is not None and not (self[i].start <= offset < self[i].end):
            i = self[i].parent
        return i


def sections(folded: str) -> SectionList:
    """The section tree: every numbered heading at a line start, with its title (to the
    first 。 or the line end, without a trailing bracketed clause) and the span of its
    body (to the next heading of the same or a higher level). A heading is a section
    whatever the length of its first sentence: a measure without a heading opens
    straight with its first sentence, and still owns what follows it."""
    out: list[Section] = []
    line_start = 0
    for line in folded.split("\n"):
        stripped = line.lstrip()
        off = line_start + (len(line) - len(stripped))
        first = stripped[:1]
        if first not in _HEADING_FIRSTS and not first.isdecimal():  # most lines: no pattern to try
            line_start += len(line) + 1
            continue
        for level, pat in HEADING_LEVELS:
            m = pat.match(stripped)
            if not m:
                continue
            rest_start = off + m.end()
            while rest_start < line_start + len(line) and folded[rest_start] in " \t":
                rest_start += 1
            line_end = line_start + len(line)
            rest = folded[rest_start:line_end]
            cut = _SENTENCE_STOP.search(rest)
            title = rest[: cut.start()] if cut else rest.rstrip()
            title = _strip_trailing_bracket(title).rstrip().rstrip("：:")
            if title and _TITLE_CHAR.search(title):
                sec = Section(level, m.group(0), title, off, len(folded), rest_start, rest_start + len(title))
                sec.own_line = cut is None or not rest[cut.end():].strip()
                out.append(sec)
            break
        line_start += len(line) + 1
    # Close each section at the next heading of the same or a higher level; link parents.
    for i, sec in enumerate(out):
        for later in out[i + 1:]:
            if later.level <= sec.level:
                sec.end = later.start
                break
        for j in range(i - 1, -1, -1):
            if out[j].level < sec.level and out[j].end > sec.start:
                sec.parent = j
                break
    return SectionList(out)


_TITLE_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z]")


def _strip_trailing_bracket(title: str) -> str:
    """A title without the bracketed group that closes it (a responsibility clause or a
    note written after the heading's text): "实施控烟行动（区卫健委牵头）" → "实施控烟行动".
    A bracket that is part of the name, earlier in it, stays."""
    t = title.rstrip()
    if not t.endswith("）"):
        return title
    depth = 0
    for i in range(len(t) - 1, -1, -1):
        if t[i] == "）":
            depth += 1
        elif t[i] == "（":
            depth -= 1
            if depth == 0:
                return t[:i] if i > 0 else title
    return title


class BracketSplitter:
    """Splits text at separators that stand outside brackets: clauses at ，；： outside
    《》 and （）, list items at 、， outside （）. Only the marks are visited (found by a
    regex), not every character in a Python loop. An unmatched closing bracket is
    ignored."""

    def __init__(self, opens: str, closes: str, separators: str) -> None:
        self.opens, self.closes = opens, closes
        self._marks = re.compile("[" + re.escape(opens + closes + separators) + "]")

    def __call__(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) pieces between separators, empty ones included."""
        out, depth, start = [], 0, 0
        for m in self._marks.finditer(text):
            ch = m.group()
            if ch in self.opens:
                depth += 1
            elif ch in self.closes:
                depth = max(0, depth - 1)
            elif depth == 0:
                out.append((start, m.start()))
                start = m.end()
        out.append((start, len(text)))
        return out
