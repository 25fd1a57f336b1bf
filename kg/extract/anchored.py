"""Run a pattern only where it can match.

Several name patterns open with a repeated character class ("2 to 10 CJK characters,
then …"). Python's regex engine has no literal to look for first, so it tries such a
pattern at every character of the document. When every character a match can hold
belongs to a known set (CJK ideographs, 、, digits), a match lies inside one maximal
run of such characters; and when every match contains a literal anchor (等…部门,
管委会), only the runs holding an anchor can match. Searching just those runs gives the
matches a whole-text search gives, at a fraction of the cost.

The same holds for any pattern the engine cannot scan for (one opening with a group,
an alternation or a look-behind): ``finditer_from`` tries it only where its first
literal stands, ``finditer_before`` only in the run before a literal it always holds,
and ``class_first_alternation`` writes a word alternation so that it opens with a
class. Each use is property-tested against the whole-text search it replaces.
"""
from __future__ import annotations

import re
from typing import Callable


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def is_cjk_list_or_digit(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or ch == "、" or ch.isdecimal()


def finditer_in_runs(pattern: re.Pattern[str], text: str, anchor: re.Pattern[str],
                     in_run: Callable[[str], bool]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, provided every match consists of characters
    accepted by ``in_run`` and contains a match of ``anchor`` (itself made of such
    characters), and ``pattern`` has no lookaround reaching outside its match."""
    out: list[re.Match[str]] = []
    done = 0
    for a in anchor.finditer(text):
        if a.start() < done:
            continue
        lo = a.start()
        while lo > 0 and in_run(text[lo - 1]):
            lo -= 1
        hi = a.end()
        while hi < len(text) and in_run(text[hi]):
            hi += 1
        out.extend(pattern.finditer(text, lo, hi))
        done = hi
    return out


def cjk_run_before(text: str, anchor: re.Pattern[str], shortest: int, longest: int) -> list[tuple[int, re.Match[str]]]:
    """(start, anchor match) for what ``([CJK]{shortest,longest})ANCHOR`` finds with
    finditer: each anchor match with the run of up to ``longest`` CJK characters
    right before it, kept when the run has at least ``shortest``. The anchor is
    searched, then the run read leftwards, instead of the class being tried at every
    character."""
    out: list[tuple[int, re.Match[str]]] = []
    last_end = 0
    for m in anchor.finditer(text):
        b = p = m.start()
        floor = max(b - longest, last_end)
        while p > floor and "\u3400" <= text[p - 1] <= "\u9fff":
            p -= 1
        if b - p >= shortest:
            out.append((p, m))
            last_end = m.end()
    return out


def finditer_from(pattern: re.Pattern[str], text: str, first: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern whose every match begins with the
    literal ``first``: tried only where ``first`` occurs. (A pattern opening with a
    group or a repeat gives the regex engine no literal prefix to skip ahead by, so a
    search tries it at every character.)"""
    out: list[re.Match[str]] = []
    pos = text.find(first)
    while pos >= 0:
        m = pattern.match(text, pos)
        if m is not None and m.end() > pos:
            out.append(m)
            pos = text.find(first, m.end())
        else:
            pos = text.find(first, pos + 1)
    return out


def finditer_before(pattern: re.Pattern[str], text: str, literal: str, run_chars: frozenset[str]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern whose every match is a run of
    ``run_chars`` followed by ``literal`` (which holds none of them) and then anything:
    a match can only start inside the run right before an occurrence of ``literal``,
    so only those positions are tried."""
    out: list[re.Match[str]] = []
    done = 0
    i = text.find(literal)
    while i >= 0:
        lo = i
        while lo > done and text[lo - 1] in run_chars:
            lo -= 1
        for p in range(lo, i + 1):
            m = pattern.match(text, p)
            if m is not None:
                out.append(m)
                done = m.end()
                break
        i = text.find(literal, max(i + 1, done))
    return out


def class_first_alternation(words: list[str] | tuple[str, ...]) -> str:
    """Regex source matching what ``(?:w1|w2|…)`` matches, in the same order of trial,
    but opening with the class of the words' first characters: the regex engine scans
    for a class at C speed, where an opening alternation is tried at every character.
    After the first character, each word's rest is tried behind a look-behind on that
    character, in the words' own order."""
    words = [w for w in words if w]
    if not words:
        return "(?!)"
    firsts = sorted({w[0] for w in words})
    branches = [f"(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in words]
    return "(?:[" + "".join(map(re.escape, firsts)) + "](?:" + "|".join(branches) + "))"
