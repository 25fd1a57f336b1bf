"""The rule for responsibility clauses (:mod:`kg.extract.relations.clauses`): each unit
of a clause leads or supports the task the clause belongs to."""
from __future__ import annotations

from kg.extract.relations.attach import clause_task
from kg.extract.relations.clauses import first_listed_leads, responsibility_clauses, standing_units
from kg.extract.relations.finder import RelationFinder
from kg.extract.relations.units import list_levels, unit_entities


def responsibility(finder: RelationFinder) -> None:
    """Bracketed and labelled clauses, with the document's notes applied: units every
    later list includes (以下责任单位均包括…), and the first-listed unit as the lead
    (排在第一位的为牵头单位)."""
    f = finder.ctx.folded
    standing = standing_units(f)
    first_leads = first_listed_leads(f) is not None
    for clause in responsibility_clauses(f):
        task = clause_task(finder, clause)
        if task is None:
            finder.unattached.append((clause.start, clause.rule))
            continue
        leads, supports = list(clause.leads), list(clause.supports)
        if first_leads and not supports and len(leads) > 1 and clause.rule in ("labelled", "joint", "labelled_line", "table_cell"):
            leads, supports = leads[:1], leads[1:]
        for at, units in standing:
            if at < clause.start:
                (leads if not supports else supports).extend(u for u in units if u not in leads + supports)
        roles = [("lead", span) for span in leads] + [("support", span) for span in supports]
        levels = list_levels(finder, [span for _, span in roles])
        for (kind, (s, e)), level in zip(roles, levels):
            for key in unit_entities(finder, s, e, level):
                finder.add(kind, key, task, clause.start, clause.cue)
