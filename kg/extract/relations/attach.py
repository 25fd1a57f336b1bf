"""Which task a responsibility clause belongs to (FORMAT.md: a clause of units after a
task or measure belongs to that task or measure; one after a section heading's text
belongs to that section's action)."""
from __future__ import annotations

from kg.extract.entities import Context
from kg.extract.model import EntityKey
from kg.extract.relations.clauses import Clause, responsibility_clauses
from kg.extract.relations.finder import RelationFinder


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
    return finder.program_at(clause.start) if i is not None else None


def paragraph_task(finder: RelationFinder, offset: int) -> EntityKey | None:
    """The task a prose clause at ``offset`` belongs to when it names none itself: the
    task whose heading opens the same paragraph. A sentence in a later paragraph is not
    taken to speak of the task above it."""
    ctx = finder.ctx
    i = ctx.sections.innermost(offset)
    if i is None or i not in finder.programs_by_section:
        return None
    if "\n" in ctx.folded[ctx.sections[i].start:offset]:
        return None
    return finder.programs_by_section[i].key
