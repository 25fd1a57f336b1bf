"""Responsibility stated by the subject of a measure's sentence, in a plan that gives no
list of units (no responsibility clause in any numbered section):

- ``A负责…`` / ``A、B负责…`` / ``A要…`` / ``A应当…`` — A (and B) lead the measure;
  where a measure has both, the 负责 sentences decide and its 要 sentences assign nothing;
- ``A负责（为…）提供技术支持`` / ``A负责协助…`` — A supports it;
- ``在A的协助下`` / ``在A的指导下`` — A supports it.

The measure is the numbered section holding the sentence (a numbered item whose own
words are such a sentence, 2. 市健康专家委员会负责为…提供技术支持, speaks of the measure
above it). Only plans are read (by their title), and only inside numbered sections: in news
or a report the same words describe, they do not assign. A collective subject (各部门要…, 各乡镇要…) names no
body and assigns nothing. Plans with lists are read by their lists
(:mod:`.clauses`); there a sentence's subject is left alone.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.entities import Context
from kg.extract.model import DEPARTMENT, HOSPITAL, ORGANIZATION, Mention
from kg.extract.quantities.rules import is_plan_document
from kg.extract.relations.attach import owner_sections
from kg.extract.relations.cues import Cues, cues
from kg.extract.relations.finder import RelationFinder
from kg.extract.relations.prose import LEAD_FIRST, by_lead_re
from kg.spans import SpanIndex

# a subject names one body: not a group (各部门), not a consortium
SUBJECT_TYPES = (DEPARTMENT, HOSPITAL, ORGANIZATION)
_CLAUSE_OPENERS = "。；！？\n，：:;"
_JOINERS = ("、", "和", "及", "与")


@dataclass(frozen=True)
class SubjectRole:
    """One body a sentence's subject makes responsible."""

    at: int          # where the sentence's subject (or 在) starts
    kind: str        # lead or support
    org: Mention
    cue: str


def body_run(index: SpanIndex, f: str, start: int, types: tuple[str, ...] = SUBJECT_TYPES) -> tuple[list[Mention], int]:
    """The bodies (of ``types``) named from ``start`` on, joined by 、和及与 (A、B和C): the longest
    mention at each step, and where the run ends."""
    run: list[Mention] = []
    pos = start
    while True:
        here = [m for m in index.starting_at(pos) if m.key.type in types]
        if not here:
            return run, (run[-1].end if run else start)
        longest = max(here, key=lambda m: m.end)
        run.append(longest)
        pos = longest.end
        if f[pos:pos + 1] in _JOINERS and f[pos:pos + 1]:
            pos += 1
        else:
            return run, pos


def _clause_end(f: str, start: int, reach: int = 200) -> int:
    """Where the clause from ``start`` ends: the first ，。； or line break within ``reach``."""
    return min([i for i in (f.find(ch, start, start + reach) for ch in "，。；\n") if i >= 0] or [min(len(f), start + reach)])


def subject_roles(ctx: Context, index: SpanIndex, c: Cues | None = None) -> list[SubjectRole]:
    """Every body a sentence's subject (or 在…的协助下) makes responsible, in text order."""
    c = c or cues()
    f = ctx.folded
    title_starts = {s.title_start for s in ctx.sections}
    out: list[SubjectRole] = []
    seen_starts: set[int] = set()
    for m in sorted((m for m in index.within(0, len(f)) if m.key.type in SUBJECT_TYPES), key=lambda m: m.start):
        if m.start in seen_starts:
            continue
        before = f[:m.start].rstrip(" \t\u3000")
        opens = not before or before[-1] in _CLAUSE_OPENERS or m.start in title_starts
        if before.endswith("在"):
            run, end = body_run(index, f, m.start)
            seen_starts.update(o.start for o in run)
            ending = next((e for e in c.assisted_by_endings if f.startswith(e, end)), "")
            if run and ending:
                out.extend(SubjectRole(m.start - 1, "support", o, "在…" + ending) for o in run)
            continue
        if not opens:
            continue
        run, end = body_run(index, f, m.start)
        seen_starts.update(o.start for o in run)
        verb = next((v for v in c.subject_lead_verbs if f.startswith(v, end)), "")
        if not run or not verb or f[end + len(verb):end + len(verb) + 1] in ("人", "同"):
            continue  # 主要负责人, 负责同志: a person, not a duty
        clause_end = _clause_end(f, end)
        duty = f[end + len(verb):clause_end]
        if not duty and f[clause_end:clause_end + 1] == "，":
            if f[clause_end + 1:_clause_end(f, clause_end + 1)].endswith(c.support_verbs):
                continue  # A负责，B配合，<task>: a clause of units before its task, read by the prose rules
        support = next((w for w in c.subject_support_objects if w in duty), "") if "负责" in verb else ""
        kind, cue = ("support", verb + "…" + support) if support else ("lead", verb)
        out.extend(SubjectRole(m.start, kind, o, cue) for o in run)
    return out


def measure_of(ctx: Context, at: int) -> int | None:
    """The numbered section a subject at ``at`` speaks of: the innermost one holding it,
    or its parent where the numbered item is the sentence itself."""
    i = ctx.sections.innermost(at)
    if i is not None and ctx.sections[i].title_start <= at < ctx.sections[i].title_start + len(ctx.sections[i].title):
        return ctx.sections[i].parent  # the item's own words are the sentence: it names no measure
    return i


def reads_subjects(ctx: Context) -> bool:
    """Does this document state responsibility by its sentences' subjects? A plan by
    its title (…实施方案, 关于印发…的通知) whose numbered sections hold no list of units.
    A report or news item with numbered headings describes what bodies did."""
    return bool(ctx.sections) and is_plan_document(False, ctx.title) and not owner_sections(ctx)


def subject_owner_sections(ctx: Context, mentions: list[Mention]) -> set[int]:
    """The measures a sentence's subject makes some body responsible for: the tasks of
    a plan written without lists (the entity component makes their headings programs)."""
    if not reads_subjects(ctx):
        return set()
    index = SpanIndex([m for m in mentions if m.key.type in SUBJECT_TYPES])
    starts = [r.at for r in subject_roles(ctx, index)]
    # 区卫健委牵头，区教育局配合，组织… and 由A牵头…: read by the prose rules, in the measure's paragraph
    starts += [m.start(1) for m in LEAD_FIRST.finditer(ctx.folded)] + [m.start() for m in by_lead_re().finditer(ctx.folded)]
    return {i for i in (measure_of(ctx, at) for at in starts) if i is not None}


def subjects(finder: RelationFinder) -> None:
    """A负责… / A要… leads the measure, A负责提供技术支持 / 在A的协助下 supports it."""
    ctx = finder.ctx
    if not reads_subjects(ctx):
        return
    by_measure: dict[int, list[SubjectRole]] = {}
    for role in subject_roles(ctx, finder.index):
        i = measure_of(ctx, role.at)
        while i is not None and i not in finder.programs_by_section:
            i = ctx.sections[i].parent
        if i is None:
            finder.unattached.append((role.at, "subjects"))
        else:
            by_measure.setdefault(i, []).append(role)
    modal = set(cues().subject_modal_verbs)
    for i, roles in by_measure.items():
        # a measure that says who is responsible (A负责…) is read by that; A要… is only
        # an obligation beside it (县卫生健康局要加强… under 县卫生健康局负责提供技术支持)
        if any(r.cue not in modal for r in roles):
            roles = [r for r in roles if r.cue not in modal]
        for role in roles:
            finder.add(role.kind, role.org.key, finder.programs_by_section[i].key, role.at, role.cue)
