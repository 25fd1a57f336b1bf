"""Tasks named by their opening phrase (FORMAT.md: a measure without a heading is named by
the opening phrase of its first sentence): when a phrase can name one, and the program it
names. Shared by the prose rules and by the attachment of bracketed clauses."""
from __future__ import annotations

import re

from kg.extract.entities import program_mention
from kg.extract.model import EntityKey
from kg.extract.relations.cues import cues
from kg.extract.relations.finder import RelationFinder

_DIGIT = re.compile(r"\d")
# words that point back to a task named before (该项工作, 上述任务): they name none themselves
ANAPHORS = ("该", "此", "这", "上述", "相关", "有关", "各项", "以上", "前述", "本项")


def task_phrase(finder: RelationFinder, s: int, e: int) -> tuple[int, int] | None:
    """The span of a task named by its opening phrase f[s:e] (FORMAT.md: a measure without a
    heading), a discourse marker before it passed over (例如， / 一是); None where the phrase
    names no task: 4 to 30 characters, no number, opening with an action verb
    (responsibility.json task_opening_verbs), no unit named in it, no lead or support verb,
    not a generic object (抓好落实) nor a group (医疗救治组)."""
    f = finder.ctx.folded
    c = cues()
    marker = next((w for w in c.discourse_markers if f.startswith(w, s)), None)
    if marker:
        s += len(marker) + (f[s + len(marker):s + len(marker) + 1] in "，,")
    while s < e and f[s] in " \t":
        s += 1
    while e > s and f[e - 1] in " \t":
        e -= 1
    phrase = f[s:e]
    if not 4 <= len(phrase) <= 30 or _DIGIT.search(phrase) or not phrase.startswith(c.task_opening_verbs):
        return None
    if phrase in c.generic_tasks or phrase.endswith(c.task_body_heads) or phrase.startswith(ANAPHORS):
        return None
    if finder.orgs_in(s, e) or any(v in phrase for v in ("负责", "牵头", "配合")):
        return None  # 县疾控中心负责疫情监测: a unit's own remit, not a task given to the lead
    return s, e


def task_key(finder: RelationFinder, s: int, e: int) -> EntityKey:
    """The program a task phrase names: a program named as the whole phrase, else the phrase."""
    named = [p for p in finder.programs_in(s, e) if p.start == s and p.end == e]
    if named:
        return named[0].key
    pm = program_mention(finder.ctx, s, e, finder.ctx.folded[s:e])
    finder.new_mentions.append(pm)
    return pm.key
