"""Units that take part in an event the text names (FORMAT.md: 参与 names a supporting unit).
News closes the account of an event with who else came:

- ``本次活动由A主办，B承办，C、D以及E公司代表参加活动`` (or a bare …，C、D参加。) — after the hosts, in the
  same sentence;
- ``A组织开展…X。C、D等食安委相关单位共同参与。`` — a sentence of its own after the one naming X.

The units are the whole subject of the clause the participation predicate ends (共同参与, 参加活动 …:
responsibility.json "participation"), every item a unit; the event is the one program a unit leads
in the same sentence, else in the sentence before. A list with an item that is no unit (县政府领导徐宝才,
相关职能部门负责人) or two events in view assign nothing.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.model import EntityKey
from kg.extract.relations.clauses import all_units
from kg.extract.relations.cues import Cues, cues
from kg.extract.relations.finder import RelationFinder
from kg.extract.relations.units import unit_entities


@lru_cache(maxsize=4)
def _predicate_re(c: Cues) -> re.Pattern[str]:
    """A participation predicate that ends its sentence."""
    words = sorted(c.participation["predicates"], key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + r")(?=[。！!\n]|$)")


@lru_cache(maxsize=4)
def _tail_re(c: Cues) -> re.Pattern[str]:
    """What closes the list of those who came: 两家食品生产企业代表, 等食安委相关单位, 代表."""
    heads = "|".join(map(re.escape, sorted(c.participation["list_tail_heads"], key=len, reverse=True)))
    return re.compile(rf"(?:(?:等|[\d一二两三四五六七八九十]+家)[\u4e00-\u9fff]{{0,10}}?)?(?:{heads})$")


def participants(finder: RelationFinder) -> None:
    f = finder.ctx.folded
    c = cues()
    for m in _predicate_re(c).finditer(f):
        start = finder.clause_start(m.start(), reach=300)
        subject = f[start:m.start()]
        tail = _tail_re(c).search(subject)
        end = m.start() - (len(tail.group(0)) if tail else 0)
        spans = all_units(f[start:end], start)
        keys = [k for a, b in spans for k in unit_entities(finder, a, b)]
        if not spans or len(keys) < len(spans):
            continue  # an item that names no unit: a person, a crowd (280余人)
        event = _event_in_view(finder, m.start())
        if event is None:
            continue
        related = {r.source for r in finder.relations if r.target == event}
        for key in keys:
            if key not in related:
                finder.add("support", key, event, m.start(), m.group(0))


def _event_in_view(finder: RelationFinder, at: int) -> EntityKey | None:
    """The one program a unit leads in the sentence of ``at``, else in the sentence before; a
    sentence that names another program too (县教体局开展全民营养周宣传活动) has two events in view."""
    s, e = finder.sentence(at)
    for span in ((s, e), finder.sentence(s - 2) if s >= 2 else None):
        if span is None:
            return None
        led = {r.target for r in finder.relations if r.kind == "lead" and r.start == span[0]}
        named = {p.key for p in finder.programs_in(*span)}
        if len(led) == 1 and named <= led:
            return led.pop()
        if led or named:
            return None  # which event they came to, the text does not say
    return None
