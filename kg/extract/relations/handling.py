"""The body that handles deputies' suggestions and members' proposals leads their handling.

A government body answers the 建议 of people's-congress deputies and the 提案 of CPPCC members
as their 承办单位, and news and reports of that work name it 建议提案办理工作 (建议办理工作,
人大建议和政协提案办理工作, 建议提案的办理工作). Three forms name the handling body:

- ``A(共)承办人大建议3件、政协提案14件`` — A handles them;
- ``A为代表建议的“承办单位”`` — A is called their handling unit;
- ``A建议办理工作的开展情况`` — the work named as A's.

The program is the handling work the text names, one per document (its wordings are forms of
one program, named by the one written most). A text that names no such work, or no body that
handles it, gives nothing; the congress or CPPCC bodies that make and review the suggestions
(市人大常委会, 政协) never handle them. The cue words are data (responsibility.json, "handling").
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.extract.entities import program_mention
from kg.extract.entities.programs import other_form
from kg.extract.model import Mention
from kg.extract.relations.cues import Cues, cues
from kg.extract.relations.finder import ORG_TYPES, RelationFinder


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, words))


@lru_cache(maxsize=4)
def _work_re(c: Cues) -> re.Pattern[str]:
    """The handling work: the items (人大建议和政协提案, 代表建议, 提案), an optional 的, the work noun."""
    suggestion, proposal = c.handled_items[:2]  # the data's order: 建议, then 提案
    deputies, members = f"(?:{_alt(c.handling_deputies)})", f"(?:{_alt(c.handling_members)})"
    extras = f"(?:{_alt(c.handling_item_extras)})?" if c.handling_item_extras else ""
    items = (rf"(?:{deputies}?{suggestion}{extras}(?:(?:和|、|与|及)?{members}?{proposal})?"
             rf"|{members}?{proposal})")
    return re.compile(rf"(?P<items>{items})的?(?P<work>{_alt(c.handling_work)})")


@lru_cache(maxsize=4)
def _handles_re(c: Cues) -> re.Pattern[str]:
    """After a body: (共)承办(了) the items of deputies or members (人大建议, 政协委员提案) or counted
    ones (建议3件) — not anyone's suggestion (专家建议), not an event handled (承办的…会议上…建议)."""
    verbs, items = _alt(c.handling_verbs), _alt(c.handled_items)
    who = _alt(c.handling_deputies + c.handling_members)
    extras = f"(?:{_alt(c.handling_item_extras)})?" if c.handling_item_extras else ""
    counted = rf"(?:{items}){extras}(?:\d+|[一二两三四五六七八九十百]+)件"
    return re.compile(rf"(?:共同|共|累计|今年)?(?P<verb>{verbs})了?(?:[^，。；的\n]{{0,6}}?(?:{who})(?:{items})|{counted})")


@lru_cache(maxsize=4)
def _titled_re(c: Cues) -> re.Pattern[str]:
    """After a body: 为 … “承办单位” (the items named in between)."""
    return re.compile(rf"为[^，。；\n]{{0,10}}?(?:{_alt(c.handled_items)})[^，。；\n]{{0,4}}?“?(?P<verb>{_alt(c.handling_unit_titles)})")


def handlers(finder: RelationFinder) -> None:
    """A承办…建议N件 / A为…建议的“承办单位” / A建议办理工作: A leads the handling work."""
    c = cues()
    if len(c.handled_items) < 2 or not c.handling_work:
        return
    f = finder.ctx.folded
    works = list(_work_re(c).finditer(f))
    if not works:
        return
    leads: list[tuple[Mention, int, str]] = []
    for org in finder.mentions:
        if org.key.type not in ORG_TYPES or any(w in org.key.name for w in c.handling_reviewers):
            continue
        for pattern in (_handles_re(c), _titled_re(c)):
            m = pattern.match(f, org.end)
            if m:
                leads.append((org, org.start, m.group("verb")))
                break
        else:
            owned = _work_re(c).match(f, org.end + (1 if f.startswith("的", org.end) else 0))
            if owned:
                leads.append((org, org.start, owned.group("work")))
    if not leads:
        return
    names = [_name(m) for m in works]
    name = Counter(names).most_common(1)[0][0]  # ties: the first written (Counter keeps insertion order)
    first = works[names.index(name)]
    program = program_mention(finder.ctx, first.start(), first.end(), name)
    finder.new_mentions.append(program)
    finder.new_mentions.extend(other_form(finder.ctx, program, m.start(), m.end()) for m in works if m is not first)
    for org, at, cue in leads:
        finder.add("lead", org.key, program.key, at, cue)


def _name(m: re.Match[str]) -> str:
    return m.group("items") + m.group("work")
