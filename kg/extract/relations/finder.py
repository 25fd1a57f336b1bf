"""What every relation rule shares: the document's mentions, indexed, and the relations
found so far. A rule is a function ``rule(finder)`` that reads the text and calls
:meth:`RelationFinder.add`; the rules are listed, in order, in
:mod:`kg.extract.relations`.
"""
from __future__ import annotations

import re
from typing import Callable

from kg.extract.entities import Context
from kg.extract.model import (
    PROGRAM,
    EntityKey,
    Mention,
    RelationMention,
)
from kg.spans import SpanIndex
from kg.schema import ORGANISATION_TYPES

ORG_TYPES = ORGANISATION_TYPES  # kg.schema
ProgramAt = Callable[[int], "EntityKey | None"]

_SENTENCE_BREAK = re.compile(r"[。！？\n]")
_LAST_SENTENCE_BREAK = re.compile(r"(?s:.*)[。！？\n]")  # ".*" runs to endpos and backs off to the last


def opens_section_body(ctx: Context, offset: int) -> int | None:
    """The section whose body starts at ``offset`` (past its heading's text, a 。 or colon after it
    and spaces or the line break): a clause there is the section's."""
    i = ctx.sections.innermost(offset)
    if i is None:
        return None
    f = ctx.folded
    body = ctx.sections[i].title_end
    while body < offset and f[body] in "。．.：: \t\u3000\n":
        body += 1
    return i if body == offset else None


def sentence_around(f: str, offset: int, reach: int = 600) -> tuple[int, int]:
    """(start, end) of the sentence around ``offset`` within ``reach`` characters on
    each side (one regex each way, not four str.find calls each way)."""
    lo = max(0, offset - reach)
    last = _LAST_SENTENCE_BREAK.match(f, lo, offset)
    hi = min(len(f), offset + reach)
    nxt = _SENTENCE_BREAK.search(f, offset, hi)
    return (last.end() if last else lo), (nxt.start() + 1 if nxt else hi)


class RelationFinder:
    """The state the rules share: the mentions of the document (the entity
    component's, and those the rules add for list items and collective ends that only
    a relation gives identity to), the program of each offset, and the relations."""

    def __init__(self, ctx: Context, mentions: list[Mention], program_at: ProgramAt | None = None,
                 programs_by_section: dict[int | None, Mention] | None = None) -> None:
        self.ctx = ctx
        self._mentions: list[Mention] = []
        self.index: SpanIndex = SpanIndex([])
        self.mentions = mentions
        self.new_mentions: list[Mention] = []
        self._taken = 0  # how many of new_mentions are indexed
        self.relations: list[RelationMention] = []
        self.program_at: ProgramAt = program_at or (lambda _offset: None)
        self.programs_by_section = programs_by_section or {}
        # (offset, rule, sentence) of every clause that assigned units but found no task
        self.unattached: list[tuple[int, str]] = []
        # what a rule reads of the document that other rules ask for too (relations/organised), read once
        self.memo: dict[str, tuple] = {}

    @property
    def mentions(self) -> list[Mention]:
        return self._mentions

    @mentions.setter
    def mentions(self, value: list[Mention]) -> None:
        self._mentions = value
        self.index = SpanIndex(value)

    def take_new_mentions(self) -> None:
        """Index the mentions rules added since the last call, so later rules see them too."""
        if len(self.new_mentions) > self._taken:
            self.mentions = self._mentions + self.new_mentions[self._taken:]
            self._taken = len(self.new_mentions)

    # -- helpers -------------------------------------------------------------
    def sentence(self, offset: int, reach: int = 600) -> tuple[int, int]:
        """The sentence around ``offset``: from after the last 。！？ or line break
        before it to the first one at or after it."""
        return sentence_around(self.ctx.folded, offset, reach)

    def add(self, kind: str, src: EntityKey, dst: EntityKey, at: int, cue: str) -> None:
        if src == dst:
            return
        s, e = self.sentence(at)
        self.relations.append(RelationMention(kind, src, dst, s, e, cue))

    def orgs_in(self, s: int, e: int) -> list[Mention]:
        """Organisation mentions inside [s, e), without those nested in a longer one."""
        found = [m for m in self.index.within(s, e) if m.key.type in ORG_TYPES]
        return [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                                            for o in found)]

    def names_a_body(self, s: int, e: int) -> bool:
        """Is [s, e) exactly one organisation the entity rules read (区文化体育和旅游局和区疾控中心 is two)?"""
        return any(o.start == s and o.end == e for o in self.orgs_in(s, e))

    def programs_in(self, s: int, e: int) -> list[Mention]:
        return [m for m in self.index.within(s, e) if m.key.type == PROGRAM]

    def clause_start(self, at: int, reach: int = 80) -> int:
        """Where the clause holding ``at`` starts: after the last ，。；：！？ or line break
        within ``reach`` characters before it."""
        f = self.ctx.folded
        return max(f.rfind(ch, max(0, at - reach), at) for ch in "，。；：！？\n") + 1

    def clause_end(self, start: int, sent_end: int) -> int:
        """The end of the clause from ``start``: the first ，。； or line break before the
        sentence's end, else the sentence's end."""
        f = self.ctx.folded
        return min([i for i in (f.find(ch, start, sent_end) for ch in "，。；\n") if i >= 0] or [sent_end])

    def clause_end_outside_quotes(self, start: int, sent_end: int) -> int:
        """The end of the clause from ``start``, where a comma inside quotes or a title does not end
        it (开展以“健康中国，职业健康先行”为主题的…活动: the theme's comma)."""
        f = self.ctx.folded
        depth = 0
        for i in range(start, sent_end):
            ch = f[i]
            if ch in "“《":
                depth += 1
            elif ch in "”》":
                depth = max(0, depth - 1)
            elif ch in "，；。\n" and not depth:
                return i
        return sent_end

    def clause_run_end(self, start: int, sent_end: int) -> int:
        """Where the objects of a clause can stop: the sentence end, or a comma after
        which a new subject (a region or an organisation) begins."""
        f = self.ctx.folded
        i = f.find("，", start, sent_end)
        while i >= 0:
            nxt = [o for o in self.index.starting_in(i + 1, i + 3) if o.key.type in ORG_TYPES + ("Region",)]
            if nxt:
                return i
            i = f.find("，", i + 1, sent_end)
        return sent_end
