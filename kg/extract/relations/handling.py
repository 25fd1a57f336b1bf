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

_REVIEWERS = ("人大", "人民代表大会", "政协", "政治协商")  # they make and review the suggestions


@lru_cache(maxsize=4)
def _work_re(c: Cues) -> re.Pattern[str]:
    """The handling work: the items (人大建议和政协提案, 代表建议, 提案), an optional 的, the work noun."""
    suggestion, proposal = c.handled_items[:2]  # the data's order: 建议, then 提案
    deputies = r"(?:(?:全国)?人大(?:代表)?|代表)"
    members = r"(?:(?:全国)?政协(?:委员)?|委员)"
    items = (rf"(?:{deputies}?{suggestion}(?:、批评和意见)?(?:(?:和|、|与|及)?{members}?{proposal})?"
             rf"|{members}?{proposal})")
    work = "|".join(map(re.escape, c.handling_work))
    return re.compile(rf"(?P<items>{items})的?(?P<work>{work})")


@lru_cache(maxsize=4)
def _handles_re(c: Cues) -> re.Pattern[str]:
    """After a body: (共)承办(了) and, within a dozen characters, a suggestion or proposal."""
    verbs = "|".join(map(re.escape, c.handling_verbs))
    items = "|".join(map(re.escape, c.handled_items))
    return re.compile(rf"(?:共同|共|累计|今年)?(?P<verb>{verbs})了?[^，。；\n]{{0,12}}?(?:{items})")


@lru_cache(maxsize=4)
def _titled_re(c: Cues) -> re.Pattern[str]:
    """After a body: 为 … “承办单位” (the items named in between)."""
    titles = "|".join(map(re.escape, c.handling_unit_titles))
    items = "|".join(map(re.escape, c.handled_items))
    return re.compile(rf"为[^，。；\n]{{0,10}}?(?:{items})[^，。；\n]{{0,4}}?“?(?P<verb>{titles})")


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
        if org.key.type not in ORG_TYPES or any(w in org.key.name for w in _REVIEWERS):
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
