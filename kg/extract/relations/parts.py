"""Part-of relations written in prose: a program and what it is made of.

Official texts describe a plan's structure as "X包含A、B、C…6个项目", "“健康临武行动”涵括了A、B、C等
专项行动" or "X包括A、B和C". The items are part of X where the text names them as programs, or —
where a count of projects, actions or works closes the list — every item is one (the count
says so). X must be a program the text names right before the verb; the list ends at the
clause's end. The verbs and counted kinds are data (responsibility.json, "parts").
"""
from __future__ import annotations

import re

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
_COUNTED_SET = re.compile(r"(?P<and>等)?(?P<q>“)(?P<n>[一二两三四五六七八九十]+|\d{1,2})(?P<kind>大行动|大工程|项行动|大活动|项工程)”(?=[，。；])")
_JOINED_LAST = re.compile(r"(?:以及|和|及|与)")


def counted_parts(finder: RelationFinder) -> None:
    """A、B和C等“三大行动”: each item is part of the set the quoted count names, where the count and
    the items agree (六 and six items). The items follow the clause's verb (深入推进A、B…); the set is the
    program named over the count (新时代爱国卫生“八大行动”) or, alone, the count itself (六大行动). A count
    that qualifies a noun after it (五大行动具体措施) names no set."""
    f = finder.ctx.folded
    c = cues()
    for m in _COUNTED_SET.finditer(f):
        n = parse_number(m.group("n"))
        if not n or not 2 <= n <= 20:
            continue
        start = max(f.rfind(ch, 0, m.start()) for ch in "，。；：\n") + 1
        body = f[start:m.start()]
        pieces = [p for p in body.split("、")]
        if len(pieces) == n - 1:  # the last two joined by 和: A、B和C
            last = list(_JOINED_LAST.finditer(pieces[-1]))
            if last:
                cut = last[-1]
                pieces = pieces[:-1] + [pieces[-1][:cut.start()], pieces[-1][cut.end():]]
        if len(pieces) != n:
            continue
        # the clause's verb opens the list (北辰区深入推进A、B…): its first, longest, verb; not one inside a name (普及)
        verbs = [(pieces[0].find(v), -len(v), v) for v in c.actor_verbs + c.task_opening_verbs if v in pieces[0]]
        first = min(verbs, default=None)
        offset = first[0] + len(first[2]) if first else 0
        while first and (more := next((v for v in sorted(c.actor_verbs + c.task_opening_verbs, key=len, reverse=True)
                                       if pieces[0].startswith(v, offset)), None)):
            offset += len(more)  # 深入推进: a run of verbs
        items, pos = [], start
        for k, piece in enumerate(pieces):
            a = pos + (offset if k == 0 else 0)
            items.append((a, pos + len(piece)))
            pos += len(piece) + 1
        if any(not 3 <= e - s <= 24 or finder.orgs_in(s, e) for s, e in items):
            continue
        parent = _set_program(finder, m)
        for s, e in items:
            named = [p for p in finder.programs_in(s, e) if p.start == s and p.end == e]
            child = named[0] if named else program_mention(finder.ctx, s, e, f[s:e])
            if not named:
                finder.new_mentions.append(child)
            finder.add("part", child.key, parent.key, m.start(), m.group(0))


def _set_program(finder: RelationFinder, m: re.Match[str]):  # noqa: ANN202 - a Mention
    """The program named over a count (新时代爱国卫生“八大行动”), else the count as a program (六大行动)."""
    s = m.start("q")
    e = m.end()
    over = [p for p in finder.programs_in(max(0, s - 20), e) if p.end == e and p.start <= s]
    if over:
        return max(over, key=lambda p: p.end - p.start)
    pm = program_mention(finder.ctx, m.start("n"), m.end("kind"), finder.ctx.folded[m.start("n"):m.end("kind")])
    finder.new_mentions.append(pm)
    return pm
