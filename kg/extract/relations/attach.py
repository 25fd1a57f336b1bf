"""Which task a responsibility clause belongs to (FORMAT.md: a clause of units after a
task or measure belongs to that task or measure; one after a section heading's text
belongs to that section's action)."""
from __future__ import annotations

import re

from kg.extract.entities import Context, program_mention
from kg.extract.entities.programs import bare_title
from kg.extract.model import EntityKey
from kg.extract.relations.clauses import Clause, responsibility_clauses
from kg.extract.relations.cues import cues
from kg.extract.relations.finder import RelationFinder
from kg.extract.relations.tasks import task_key, task_phrase


_DIGIT = re.compile(r"\d")


def owner_sections(ctx: Context) -> set[int]:
    """Sections that directly hold a responsibility clause: the tasks of a plan."""
    out = set()
    for clause in responsibility_clauses(ctx.folded):
        i = ctx.sections.innermost(clause.start)
        if i is not None and not organisers_section(ctx, i):
            out.add(i)
    return out


def organisers_section(ctx: Context, i: int) -> bool:
    """Is section ``i`` one that names who organises (二、组织单位 / 主办单位：A): its units are the event's, its
    heading no action (grammar.json organiser_headings)?"""
    return bare_title(ctx.sections[i].title).strip("：: \t") in ctx.g.organiser_headings


def clause_task(finder: RelationFinder, clause: Clause) -> EntityKey | None:
    """The program a bracketed or labelled clause assigns its units to: the measure of its
    own paragraph where the paragraphs of a section each close with their own clause, else
    the task whose section holds it, or, outside numbered sections, the program the
    sentence names before it (开展控烟行动（区卫健委牵头）)."""
    i = finder.ctx.sections.innermost(clause.start)
    if i is not None and organisers_section(finder.ctx, i):
        return _named_event(finder, clause.start)
    is_measure, own = _paragraph_measure(finder, clause, i)
    if is_measure:
        return own
    if i is not None and i in finder.programs_by_section:
        return finder.programs_by_section[i].key
    s, _ = finder.sentence(clause.start)
    before = [p for p in finder.programs_in(s, clause.start) if p.end <= clause.start]
    if before:
        return before[-1].key
    if i is None and clause.rule == "labelled_line":
        return _task_line_before(finder, clause.start)
    return finder.program_at(clause.start) if i is not None else None


def _named_event(finder: RelationFinder, at: int) -> EntityKey | None:
    """The event a notice's organisers section (二、组织单位 / 主办单位：A) is about: the last program before it
    whose name is a line of its own (一、活动名称 / 2024年全民营养周宣传活动, or the title's), else none."""
    f = finder.ctx.folded
    lines = [p for p in finder.programs_in(0, at) if f[f.rfind("\n", 0, p.start) + 1:p.start].strip() == ""
             and f[p.end:(f.find("\n", p.end) + 1 or len(f) + 1) - 1].strip(" \t。") == ""]
    return max(lines, key=lambda p: (p.start, p.end - p.start)).key if lines else None


_PARAGRAPH_RULES = ("labelled", "lead_then_support", "joint")


def _closing_paragraph(f: str, clause: Clause) -> int | None:
    """The start of the paragraph (line) a bracketed clause closes, else None."""
    if not clause.bracketed or clause.rule not in _PARAGRAPH_RULES:
        return None
    end = f.find("\n", clause.end)
    if f[clause.end:len(f) if end < 0 else end].strip(" \t\u3000。；;"):
        return None  # text after it on its line: the clause closes a sentence, not the paragraph
    return f.rfind("\n", 0, clause.start) + 1


def _paragraph_measure(finder: RelationFinder, clause: Clause, section: int | None) -> tuple[bool, EntityKey | None]:
    """A section (or an unnumbered run of text) whose body is paragraphs each closed by its own
    clause — （6）促进人口健康发展。 / 加强人口和计划生育公共服务体系建设，…。（市人口计生委、市公安局牵头） /
    积极探索城乡一元化户籍管理制度，…。（市公安局牵头）: each paragraph is a measure of its own, named by
    the opening phrase of its first sentence (FORMAT.md: a measure without a heading), and part of the
    section's action; the clause is the paragraph's, not the heading's. Returns whether the clause
    closes such a paragraph, and its program: none where the opening phrase names no task
    (tasks.task_phrase) — nor is the clause then the heading's. Not such a paragraph: the heading's
    own line, or a section where fewer than two paragraphs close with a clause."""
    ctx = finder.ctx
    f = ctx.folded
    start = _closing_paragraph(f, clause)
    if start is None:
        return False, None
    sec = ctx.sections[section] if section is not None else None
    if sec is not None and start <= sec.title_end:
        return False, None  # the heading's line: its clause is the heading's task's
    closing = finder.memo.get("paragraph clauses")
    if closing is None:  # (section, paragraph start) of every clause that closes its paragraph, read once
        closing = tuple((ctx.sections.innermost(c.start), p) for c in responsibility_clauses(f)
                        if (p := _closing_paragraph(f, c)) is not None)
        finder.memo["paragraph clauses"] = closing
    # the paragraphs of the same section; outside numbered sections (an excerpt that starts inside
    # a list), those of the whole text
    if not any(p != start and (sec is None or (i == section and p > sec.title_end)) for i, p in closing):
        return False, None
    cut = re.split(r"[，,。；;：:（(]", f[start:clause.start], maxsplit=1)[0]
    span = task_phrase(finder, start, start + len(cut))
    if span is None:
        return True, None  # the paragraph is a measure, but its phrase names none: not the heading's either
    key = task_key(finder, *span)
    if sec is not None and section in finder.programs_by_section:
        finder.add("part", key, finder.programs_by_section[section].key, span[0], sec.number)
    return True, key


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
        whole = [p for p in finder.programs_in(start, end) if not f[start:p.start].strip() and not f[p.end:end].strip(" \t。")]
        if whole:  # 2024年全民营养周宣传活动 / 主办单位：X: a line that is a program's name, the title's too, is that program
            return max(whole, key=lambda p: p.end - p.start).key
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
