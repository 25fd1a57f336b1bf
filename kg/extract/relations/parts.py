"""Part-of relations written in prose: a program and what it is made of.

Official texts describe a plan's structure as "X包含A、B、C…6个项目", "“健康临武行动”涵括了A、B、C等
专项行动" or "X包括A、B和C". The items are part of X where the text names them as programs, or —
where a count of projects, actions or works closes the list — every item is one (the count
says so). X must be a program the text names right before the verb; the list ends at the
clause's end. The verbs and counted kinds are data (responsibility.json, "parts").
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.entities import program_mention
from kg.extract.model import PROGRAM
from kg.extract.numbers import parse_number
from kg.extract.quantities.rules import LIST_JOINERS
from kg.extract.relations.cues import cues
from kg.extract.relations.finder import RelationFinder

_ITEM_SPLIT = LIST_JOINERS  # not the 及 of 普及
_COUNT = re.compile(r"等?(?:\d+|[一二两三四五六七八九十]+)$")


def listed_parts(finder: RelationFinder) -> None:
    """X包含A、B、C(等N个项目): A, B and C are part of X."""
    c = cues()
    if not c.part_verbs:
        return
    f = finder.ctx.folded
    verbs = re.compile("(?:" + "|".join(map(re.escape, c.part_verbs)) + ")了?")
    for m in verbs.finditer(f):
        parent = _program_ending_at(finder, m.start())
        if parent is None:
            continue
        end = min([i for i in (f.find(ch, m.end(), m.end() + 200) for ch in "，。；：\n") if i >= 0] or [min(len(f), m.end() + 200)])
        body = f[m.end():end]
        kind = next((k for k in c.part_counted_kinds if body.endswith(k) or ("等" + k) in body[-len(k) - 4:]), None)
        counted = False
        if kind:
            cut = body.rfind(kind)
            head = body[:cut]
            count = _COUNT.search(head)
            if count:
                body, counted = head[:count.start()], True
        items = _items(body)
        if len(items) < 2:
            continue
        for a, b in items:
            s, e = m.end() + a, m.end() + b
            named = [p for p in finder.programs_in(s, e) if p.start == s and p.end == e]
            if named:
                child = named[0]
            elif counted and 3 <= e - s <= 24:
                child = program_mention(finder.ctx, s, e, f[s:e])
                finder.new_mentions.append(child)
            else:
                continue
            finder.add("part", child.key, parent.key, m.start(), m.group(0))


def _items(body: str) -> list[tuple[int, int]]:
    """(start, end) of the items of a list written with 、 (and 和/及 before its last)."""
    out, pos = [], 0
    for sep in _ITEM_SPLIT.finditer(body):
        out.append((pos, sep.start()))
        pos = sep.end()
    out.append((pos, len(body)))
    return [(a, b) for a, b in out if b > a]


def _program_ending_at(finder: RelationFinder, at: int):  # noqa: ANN202 - a Mention or None
    """The program named right before a part verb (“健康临武行动”涵括了: across its closing quote)."""
    f = finder.ctx.folded
    for pos in (at, at - 1 if f[at - 1:at] in "”》" else -1):
        if pos < 0:
            continue
        found = [p for p in finder.index.ending_at(pos) if p.key.type == PROGRAM]
        if found:
            return max(found, key=lambda p: p.end - p.start)
    return None


# a count of a set of actions closing the list of them, its clause ending after it: 等“六大行动”，
# (quoted: the count names the set, a program; unquoted, 开展A、B…五大行动 only describes the list)
@lru_cache(maxsize=4)
def _counted_set_re(kinds: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(map(re.escape, sorted(kinds, key=len, reverse=True)))
    return re.compile(r"(?P<q>“)(?P<n>[一二两三四五六七八九十]+|\d{1,2})(?P<kind>" + alt + r")”(?=[，。；])")


def counted_parts(finder: RelationFinder) -> None:
    """A、B和C等“三大行动”: each item is part of the set the quoted count names, where the count and
    the items agree (六 and six items). The items follow the clause's verb where a subject or nothing
    stands before it (北辰区深入推进A、B…; not the 促进 of 健康促进示范行动); the set is the program named
    over the count (新时代爱国卫生“八大行动”); a bare count (等“六大行动”) and one that qualifies a noun
    after it (五大行动具体措施) name no set and give no parts."""
    f = finder.ctx.folded
    c = cues()
    kinds = tuple(k for k in c.part_counted_kinds if k[:1] in "大项")  # 大行动, 项工程: a set's count, not 个项目
    if not kinds:
        return
    verbs = sorted(set(c.actor_verbs + c.task_opening_verbs), key=len, reverse=True)
    for m in _counted_set_re(kinds).finditer(f):
        n = parse_number(m.group("n"))
        if not n or not 2 <= n <= 20:
            continue
        parent = _set_program(finder, m)
        if parent is None:
            continue
        start = max(f.rfind(ch, 0, parent.start) for ch in "，。；：\n") + 1
        end = parent.start - (1 if f[parent.start - 1:parent.start] == "等" else 0)  # A、B和C等新时代爱国卫生“三大行动”
        items = _quoted_items(f, start, end, n)
        if items is None:
            items = _list_items(f, start, end, n)
            if items is None:
                continue
            items[0] = (_past_opening_verbs(finder, items[0][0], items[0][1], verbs), items[0][1])
        if any(not 3 <= e - s <= 24 or finder.orgs_in(s, e) for s, e in items):
            continue
        for s, e in items:
            named = [p for p in finder.programs_in(s, e) if p.start == s and p.end == e]
            child = named[0] if named else program_mention(finder.ctx, s, e, f[s:e])
            if not named:
                finder.new_mentions.append(child)
            finder.add("part", child.key, parent.key, m.start(), m.group(0))


_QUOTED_NAME = re.compile(r"[^“”，。；、]{2,20}")


def _quoted_items(f: str, s: int, e: int, n: int) -> list[tuple[int, int]] | None:
    """The n items of a run of quoted names right before the set (启动实施“心理健康”“肥胖防控”…“学校卫生”
    少年儿童健康护航“六大行动”: each inside its quotes, 、 between them or not), or None where no such run of
    n ends at ``e``. Read back from ``e``, one item at a time, so never more than n + 1 items."""
    items: list[tuple[int, int]] = []
    pos = e
    while pos > s and f[pos - 1] == "”" and len(items) <= n:
        opening = f.rfind("“", s, pos - 1)
        if opening < 0 or not _QUOTED_NAME.fullmatch(f, opening + 1, pos - 1):
            break
        items.append((opening + 1, pos - 1))
        pos = opening - (1 if f[opening - 1:opening] == "、" and opening - 1 > s else 0)
    return items[::-1] if len(items) == n else None


def _list_items(f: str, s: int, e: int, n: int) -> list[tuple[int, int]] | None:
    """The n items of the list f[s:e] (A、B、C, or A、B和C with its last two joined by 和, 及, 以及 — not
    the 及 of 普及), or None where the list does not hold n."""
    spans, pos = [], s
    for i in range(s, e):
        if f[i] == "、":
            spans.append((pos, i))
            pos = i + 1
    spans.append((pos, e))
    if len(spans) == n - 1:
        a, b = spans[-1]
        joins = list(LIST_JOINERS.finditer(f, a, b))
        if joins:
            spans[-1:] = [(a, joins[-1].start()), (joins[-1].end(), b)]
    return spans if len(spans) == n else None


def _past_opening_verbs(finder: RelationFinder, s: int, e: int, verbs: list[str]) -> int:
    """Where the first item begins past the clause's verbs (北辰区深入推进|A): only where the verbs stand at
    the clause's start, right after a subject the text names (a region or a body) or a scope word (全区)."""
    f = finder.ctx.folded
    subject_end = max((mm.end for mm in finder.index.starting_at(s) if mm.end < e), default=s)
    scope = next((s + len(p) for p in finder.ctx.g.scope_prefixes if f.startswith(p, s, e)), s)  # 全区深入推进
    for at in dict.fromkeys((s, subject_end, scope)):
        pos = at
        while (v := next((v for v in verbs if f.startswith(v, pos, e)), None)) is not None:
            pos += len(v)
        if pos > at:
            return pos
    return s


def _set_program(finder: RelationFinder, m: re.Match[str]):  # noqa: ANN202 - a Mention or None
    """The program named over a count (新时代爱国卫生“八大行动”, read by the entity component's counted
    sets); None for a bare count (A、B等“六大行动”), which annotators split on (unseen7 q15 names it a
    program, unseen8 r18 does not): the entity component reads it as none, so no part is given to it."""
    s = m.start("q")
    e = m.end()
    over = [p for p in finder.programs_in(max(0, s - 20), e) if p.end == e and p.start < s]
    return max(over, key=lambda p: p.end - p.start) if over else None
