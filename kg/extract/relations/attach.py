"""Which task a responsibility clause belongs to (FORMAT.md: a clause of units after a
task or measure belongs to that task or measure; one after a section heading's text
belongs to that section's action)."""
from __future__ import annotations

import re

from kg.extract.entities import Context, program_mention
from kg.extract.model import EntityKey
from kg.extract.relations.clauses import Clause, responsibility_clauses
from kg.extract.relations.cues import cues
from kg.extract.relations.finder import RelationFinder


_DIGIT = re.compile(r"\d")


def owner_sections(ctx: Context) -> set[int]:
    """Sections that directly hold a responsibility clause: the tasks of a plan."""
    out = set()
    for clause in responsibility_clauses(ctx.folded):
        i = ctx.sections.innermost(clause.start)
        if i is not None:
            out.add(i)
    return out


def clause_task(finder: RelationFinder, clause: Clause) -> EntityKey | None:
    """The program a bracketed or labelled clause assigns its units to: the task whose
    section holds it, or, outside numbered sections, the program the sentence names
    before it (开展控烟行动（区卫健委牵头）)."""
    i = finder.ctx.sections.innermost(clause.start)
    if i is not None and i in finder.programs_by_section:
        return finder.programs_by_section[i].key
    s, _ = finder.sentence(clause.start)
    before = [p for p in finder.programs_in(s, clause.start) if p.end <= clause.start]
    if before:
        return before[-1].key
    if i is None and clause.rule == "labelled_line":
        return _task_line_before(finder, clause.start)
    return finder.program_at(clause.start) if i is not None else None


def _labels() -> tuple[str, ...]:
    c = cues()
    return c.lead_labels + c.joint_labels + c.support_labels


def _task_line_before(finder: RelationFinder, at: int) -> EntityKey | None:
    """A task set on the line before its units' labelled lines, with no number (a 民生实事
    table copied cell by cell: 进一步完善托育服务体系，为…服务 / 牵头单位：X): the task named by the
    opening phrase of that line, as a measure without a heading is (FORMAT.md)."""
    f = finder.ctx.folded
    end = f.rfind("\n", 0, at)
    while end > 0:
        start = f.rfind("\n", 0, end) + 1
        line = f[start:end].strip()
        if not line:
            end = start - 1
            continue
        if line.startswith(_labels()):
            end = start - 1  # the lead's line above the support's
            continue
        phrase = re.split(r"[，,。；;：:]", line, maxsplit=1)[0].strip()
        if not 4 <= len(phrase) <= 24 or phrase == (finder.ctx.title or "").strip() or _DIGIT.search(phrase):
            return None
        lead_in = f.find(phrase, start)
        pm = program_mention(finder.ctx, lead_in, lead_in + len(phrase), phrase)
        finder.new_mentions.append(pm)
        return pm.key
    return None


def paragraph_task(finder: RelationFinder, offset: int) -> EntityKey | None:
    """The task a prose clause at ``offset`` belongs to when it names none itself: the
    task whose heading opens the same paragraph. A sentence in a later paragraph is not
    taken to speak of the task above it."""
    ctx = finder.ctx
    i = ctx.sections.innermost(offset)
    if i is None or i not in finder.programs_by_section:
        return None
    sec = ctx.sections[i]
    if "\n" in ctx.folded[sec.start:offset]:
        # a heading on its own line (一、治理畜牧业产品污染) and the body's first sentence on the next
        # (由省经贸委承办，省农业厅协办。): that sentence speaks of the heading's task; a later one does not
        body = ctx.folded[sec.title_end:offset]
        first_line = body.lstrip("。 \t")
        if not sec.own_line or body.count("\n") != 1 or "。" in first_line:
            return None
    return finder.programs_by_section[i].key
