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
(市人大常委会, 政协) never handle them. The cue words are data (responsibility.json, "handling"),
compiled once into :class:`kg.extract.relations.cues.Handling`.
"""
from __future__ import annotations

import re
from collections import Counter

from kg.extract.entities import program_mention
from kg.extract.entities.programs import other_form
from kg.extract.model import Mention
from kg.extract.relations.cues import cues
from kg.extract.relations.finder import ORG_TYPES, RelationFinder


def handlers(finder: RelationFinder) -> None:
    """A承办…建议N件 / A为…建议的“承办单位” / A建议办理工作: A leads the handling work."""
    h = cues().handling
    if h is None:
        return
    f = finder.ctx.folded
    works = list(h.work.finditer(f))
    if not works:
        return
    leads: list[tuple[Mention, int, str]] = []
    for org in finder.mentions:
        if org.key.type not in ORG_TYPES or any(w in org.key.name for w in h.reviewers):
            continue
        for pattern in (h.handles, h.titled):
            m = pattern.match(f, org.end)
            if m:
                leads.append((org, org.start, m.group("verb")))
                break
        else:
            owned = h.work.match(f, org.end + (1 if f.startswith("的", org.end) else 0))
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
