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
