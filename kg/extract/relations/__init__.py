"""Lead, support, membership and part-of relations, one small rule per convention.

Official texts state responsibility in a few fixed ways: a clause after a task
(（A牵头，B、C按职责分工负责）, （责任单位：A、B）: :mod:`.clauses`), prose (由A牵头，B配合;
A会同B…: :mod:`.prose`), a measure's sentence subjects in a plan without lists (A负责…,
A要…: :mod:`.subjects`), or a consortium description (以A为龙头的…医联体:
:mod:`.consortia`). Sub-actions (1. 2. under （一）) are part of their action. The cue
words of every rule are data (``extract/data/responsibility.json``); the rules run in
the order of :data:`RULES`, each seeing the mentions the earlier ones added.
"""
from __future__ import annotations

from typing import Callable

from kg.extract.entities import Context
from kg.extract.model import CONSORTIUM, HOSPITAL, Mention, RelationMention
from kg.extract.relations.attach import owner_sections
from kg.extract.relations.clauses import Clause, responsibility_clauses
from kg.extract.relations.consortia import (consortium_cores, consortium_roles, formers, founders, joined_members, listed_members,
                                            initiators, named_members, seat_holders)
from kg.extract.relations.finder import ORG_TYPES, ProgramAt, RelationFinder, opens_section_body, sentence_around
from kg.extract.relations.prose import (
    _COMMITMENT,
    by_lead,
    by_lead_re,
    commitment,
    commitment_openings,
    actors,
    coordination,
    lead_first,
    organisers,
    remits,
    joint_organisers,
    joint_charge,
    lead_is,
    lead_verb,
    lead_with,
    assisted,
)
from kg.extract.quantities.rules import is_plan_document
from kg.extract.relations.drafting import drafters
from kg.extract.relations.organised import organised
from kg.extract.relations.duties import duties, duty_lists, duty_rolls
from kg.extract.relations.handling import handlers
from kg.extract.relations.hosting import deciders, hosts, hosts_by_role
from kg.extract.relations.participants import participants
from kg.extract.relations.parts import counted_parts, listed_parts
from kg.extract.relations.responsibility import responsibility
from kg.extract.relations.subjects import subject_owner_sections, subjects

__all__ = ["RULES", "Clause", "ORG_TYPES", "RelationFinder", "clause_owner_sections", "commitment_openings",
           "opening_clause_sections", "opens_section_body", "without_superseded",
           "find_relations", "owner_sections", "responsibility_clauses", "sentence_around", "subject_owner_sections", "_COMMITMENT"]

Rule = Callable[[RelationFinder], None]
# in order: lists first (their items become mentions that prose rules may then use)
RULES: tuple[tuple[str, Rule], ...] = (
    ("responsibility", responsibility),
    ("organisers", organisers),
    ("by_lead", by_lead),
    ("lead_first", lead_first),
    ("joint_charge", joint_charge),
    ("lead_is", lead_is),
    ("lead_verb", lead_verb),
    ("lead_with", lead_with),
    ("assisted", assisted),
    ("commitment", commitment),
    ("coordination", coordination),
    ("remits", remits),
    ("joint_organisers", joint_organisers),
    ("hosts", hosts),
    ("hosts_by_role", hosts_by_role),
    ("deciders", deciders),
    ("drafters", drafters),
    ("handlers", handlers),
    ("organised", organised),
    ("actors", actors),
    ("subjects", subjects),
    ("duties", duties),
    ("duty_lists", duty_lists),
    ("duty_rolls", duty_rolls),
    ("participants", participants),
    ("consortium_roles", consortium_roles),
    ("consortium_cores", consortium_cores),
    ("listed_members", listed_members),
    ("seat_holders", seat_holders),
    ("initiators", initiators),
    ("joined_members", joined_members),
    ("founders", founders),
    ("formers", formers),
    ("listed_parts", listed_parts),
    ("counted_parts", counted_parts),
)



def find_relations(ctx: Context, mentions: list[Mention], members: list[tuple[Mention, Mention]],
                   programs_by_section: dict[int | None, Mention], program_at: ProgramAt) -> RelationFinder:
    """Run every rule over one document; the finder holds the relations, the mentions
    the rules added and the clauses that found no task."""
    finder = RelationFinder(ctx, list(mentions), program_at, programs_by_section)
    for _name, rule in RULES:
        rule(finder)
        finder.take_new_mentions()
    named_members(finder, members)
    # a hospital that leads a consortium (由A牵头组建的B联盟, 以A为龙头的B) is its core, so a member too
    # (FORMAT.md: member is "its core hospital, a member")
    for r in list(finder.relations):
        if r.kind == "lead" and r.source.type == HOSPITAL and r.target.type == CONSORTIUM:
            finder.relations.append(RelationMention("member", r.source, r.target, r.start, r.end, r.cue))
    # sub-actions are part of their action
    for i, prog in programs_by_section.items():
        if i is None:
            continue
        parent = ctx.sections[i].parent
        while parent is not None and parent not in programs_by_section:
            parent = ctx.sections[parent].parent
        if parent is not None:
            finder.add("part", prog.key, programs_by_section[parent].key, prog.start, ctx.sections[i].number)
    return finder


def clause_owner_sections(ctx: Context) -> set[int]:
    """Sections that state their lead unit in prose (由A牵头，B配合)."""
    out = set()
    for m in by_lead_re().finditer(ctx.folded):
        i = ctx.sections.innermost(m.start())
        if i is not None:
            out.add(i)
    return out


def opening_clause_sections(ctx: Context) -> set[int]:
    """Sections whose body opens with their lead unit (一、治理畜牧业产品污染 / 由A承办，B、C配合。):
    the clause is the section's, as a bracketed clause after a heading is (FORMAT.md), so a plan
    written so has actions even without lists. Only in a plan (its title or opening says so): a
    report's 一、基本情况 / 由A牵头，…建成… tells what was done under a heading that is no action."""
    if not ctx.sections or not is_plan_document(False, ctx.title, opening=ctx.folded):
        return set()
    return {i for m in by_lead_re().finditer(ctx.folded) if (i := opens_section_body(ctx, m.start())) is not None}


def without_superseded(mentions: list[Mention], new: list[Mention], relations: list[RelationMention]) -> list[Mention]:
    """The mentions with the rules' new ones, less a body read inside a longer body a rule read as a
    unit (由中国疾病预防控制中心妇幼保健中心主办: not 中国疾病预防控制中心 too), where nothing relates to it."""
    units = [m for m in new if m.key.type in ORG_TYPES]
    if not units:
        return mentions + new
    related = {r.source for r in relations} | {r.target for r in relations}
    inside = {id(m) for m in mentions if m.key.type in ORG_TYPES and m.key not in related
              and any(u.start <= m.start and m.end <= u.end and u.end - u.start > m.end - m.start and u.key != m.key
                      for u in units)}
    return [m for m in mentions if id(m) not in inside] + new
