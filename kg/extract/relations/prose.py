"""Responsibility written in running text rather than in a list:

- ``by_lead``: 由A牵头(，B、C配合) / 由A负责 — A leads, B and C support, the program the
  sentence names (or, in a task's own paragraph, that task);
- ``lead_first``: A牵头，B、C配合，开展Y — the same without 由, at a clause's start;
- ``lead_is``: 牵头单位为A;
- ``lead_verb``: A牵头完成/负责/推进 Y;
- ``lead_with``: A会同/协同/联合 B、C等部门 … Y — A leads, B and C support;
- ``commitment``: 下一步，A将加快推进X、Y — the body that commits leads;
- ``coordination``: A统筹推进 Y;
- ``organisers``: 由A、B联合开展的X / 由A主办，C承办的X — A and B lead the event X, C supports it;
- ``actors``: in a text with no lists of units, A大力实施X / A开展“X” — the body that carries out
  the named program leads it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.entities import program_mention
from kg.extract.entities.common import strip_outer_quotes
from kg.extract.entities.programs import launched_event, program_core_generic
from kg.extract.model import CONSORTIUM, DEPARTMENT, HOSPITAL, PROGRAM, REGION, EntityKey, Mention
from kg.extract.relations.attach import paragraph_task
from kg.extract.relations.clauses import LIST_CLOSING, all_units, responsibility_clauses, split_units
from kg.extract.relations.cues import Cues, cues
from kg.extract.relations.finder import ORG_TYPES, RelationFinder, opens_section_body
from kg.extract.relations.hosting import (copula_subject, event_after, event_before, host_supports_after,
                                         inside_an_event_name, leads_and_partners, subject_end)
from kg.extract.relations.organised import organised_bodies
from kg.extract.relations.tasks import ANAPHORS, task_key, task_phrase
from kg.extract.relations.units import assign_units
from kg.extract.segment import HEADING_LEVELS
from kg.spans import SpanSet

_DIGIT = re.compile(r"\d")

def by_lead_re() -> re.Pattern[str]:
    """由A牵头 / 由A负责 / 由A主办: the verbs from the data file."""
    return _by_lead_re(cues())


@lru_cache(maxsize=4)
def _by_lead_re(c: Cues) -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, c.by_lead_verbs + tuple(c.paired_lead_verbs)))
    # the units may hold a bracketed other name (由省健康海南建设委员会（爱国卫生运动委员会）负责…); a verb that opens a noun
    # (负责单位, 负责人, 由A负责同志担任: the official who serves) is no role
    return re.compile(r"由((?:[^，。；：\n（）]|（[^（），。；\n]{1,20}）){2,60}?)(" + verbs + r")(?![单部人]|同志)")


@lru_cache(maxsize=4)
def _lead_verb_re(c: Cues) -> re.Pattern[str]:
    """A牵头 and A牵头完成/推进/实施 … (the verbs from the data file), not 牵头单位/牵头部门."""
    return re.compile(r"牵头(" + "|".join(map(re.escape, c.lead_verb_objects)) + r")?(?![单部])")
def _units_first(verbs: str) -> re.Pattern[str]:
    """Units opening a sentence or clause, outside brackets, then one of ``verbs`` and a comma."""
    return re.compile(r"(?:^|(?<=[。；：\n]))[ \t]*([^，。；：\n（）由]{2,60}?)(" + verbs + r")[，,]")


LEAD_FIRST = _units_first("牵头")  # A牵头，…: where a measure's subjects are not read (subjects.py)
# the rule's own: A牵头， and A负责， where supporting units follow (A负责，B配合，task)
_LEAD_OR_CHARGE_FIRST = _units_first("牵头|负责")


def _supports_after(finder: RelationFinder, pos: int, sent_end: int) -> tuple[list[tuple[int, int]], int, str]:
    """The supporting units right after a lead clause (，B、C配合): their spans, where
    they end, and the support verb; none when the next clause is not a unit list."""
    f = finder.ctx.folded
    c = cues()
    if f[pos:pos + 1] not in "，,":
        return [], pos, ""
    start = pos + 1
    stop = finder.clause_end(start, sent_end)
    segment = f[start:stop]
    verb = next((v for v in c.support_verbs if segment.endswith(v)), "")
    if not verb:
        return [], pos, ""
    units = all_units(segment[: -len(verb)], start)
    if not units:
        return [], pos, ""
    return units, stop, verb


def _object_program(finder: RelationFinder, start: int, sent_end: int, longest: int = 20):  # noqa: ANN202 - a Mention or None
    """The object right after a lead verb (牵头负责我省疾控体系改革) as a program: the
    clause up to the next break, without its scope words (我省, 全市), 4 to ``longest``
    characters, not an anaphor (该项工作)."""
    f = finder.ctx.folded
    if f[start:start + 1] in "，,。；":
        return None
    end = finder.clause_end(start, sent_end)
    while end > start and f[end - 1] in " .":
        end -= 1  # a table cell's sentence ending with an ASCII full stop
    obj = finder.ctx.g.strip_scope(f[start:end].strip())
    if obj.endswith(cues().role_endings):
        return None  # 区爱卫办指导: another unit's role, not the task
    if any(obj.startswith(v + "的") for v in cues().lead_verb_objects):
        return None  # 由A牵头组建的B正式成立: a relative clause, B named by the rules that read names
    if obj.startswith("的"):
        # 建立由A、B牵头的X联席会议制度: the relative clause names what A leads; a body (…工作专班) leads nothing
        obj = obj[1:]
        if all_units(obj, 0) or finder.ctx.g.remit_group_heads.search(obj):
            return None
    for scope in ("我省", "我市", "我县", "我区", "我国"):
        if obj.startswith(scope) and len(obj) > len(scope) + 3:
            obj = obj[len(scope):]
    bare = next((obj[len(w):] for w in sorted(finder.ctx.g.boundary_words, key=len, reverse=True) if obj.startswith(w)), obj)
    if obj.startswith(ANAPHORS) or bare.startswith(ANAPHORS) or not 4 <= len(obj) <= longest:
        return None  # 推进该项工作: the work is named elsewhere
    if obj in cues().generic_tasks:
        return None  # 由财政部门负责统筹解决: what is asked of a unit with any task, no task of its own
    pm = program_mention(finder.ctx, end - len(obj), end, obj)
    finder.new_mentions.append(pm)
    return pm


def _task_for(finder: RelationFinder, at: int, after: int, sent_end: int) -> list[EntityKey]:
    """The programs a prose clause at ``at`` speaks of: those named after it in its
    sentence, else the task of the paragraph it opens."""
    f, frames = finder.ctx.folded, cues().actor_frames
    # not a directive the units follow (…，践行党中央扶贫战略; 贯彻落实健康中国战略): no task of theirs
    progs = [p.key for p in finder.programs_in(after, sent_end)
             if not (p.key.name.startswith(frames) or f[max(after, p.start - 4):p.start].endswith(frames))]
    if progs:
        return progs[:1]
    task = paragraph_task(finder, at)
    return [task] if task else []


# 本次活动由A主办，B承办: the event the text has named, spoken of again
_EVENT_ANAPHORS = ("本次活动", "此次活动", "本次大赛", "此次大赛", "本届大赛", "本次会议", "此次会议", "本次竞赛", "此次竞赛")
_EVENT_HEADS = ("活动", "宣传月", "宣传周", "宣传日", "活动月", "活动周", "大赛", "竞赛", "会议", "论坛", "大会", "比赛")


def _anaphoric_event(finder: RelationFinder, at: int) -> EntityKey | None:
    """The event 本次活动 (or 此次大赛, 本次会议) before ``at`` refers to: the last event-like
    program the text names before it."""
    f = finder.ctx.folded
    at = subject_end(f, at)  # 本次活动是由A牵头
    if not f.endswith(_EVENT_ANAPHORS, max(0, at - 5), at):
        return None
    named = [p for p in finder.programs_in(0, at) if p.key.name.endswith(_EVENT_HEADS)]
    return named[-1].key if named else None


def _in_clause(finder: RelationFinder, offset: int) -> bool:
    """Is ``offset`` inside a bracketed or labelled clause (read by the list rule)?"""
    return _clause_spans(finder.ctx.folded, cues()).covers(offset)


@lru_cache(maxsize=4)
def _clause_spans(folded: str, c: Cues) -> SpanSet:  # noqa: ARG001 - the cues key the cache
    return SpanSet((c.start, c.end) for c in responsibility_clauses(folded))



_TRAILING = re.compile(r"[ \t。；;.]*")


def _after_heading_mark(f: str, s: int, e: int) -> int:
    """Where the text of a sentence starting at ``s`` begins after the heading mark it may open
    with (1. / （二） / 三、: the segmenter's own patterns) and the white space around it."""
    while s < e and f[s] in " \t":
        s += 1
    for _level, mark in HEADING_LEVELS:
        m = mark.match(f, s, e)
        if m:
            s = m.end()
            break
    while s < e and f[s] in " \t":
        s += 1
    return s


def _task_before(finder: RelationFinder, sent_s: int, at: int, after: int, sent_e: int) -> EntityKey | None:
    """The task a units' clause that closes its sentence is assigned (完善药品集中采购和使用机制，
    由A、B等分工负责。): FORMAT.md's clause after a task belongs to it, the task named by
    the opening phrase of the sentence, or by the program named in that phrase. None
    where the clause does not close the sentence, is not set off by a comma, or the
    opening phrase names no task (task_phrase)."""
    f = finder.ctx.folded
    if at < 1 or _TRAILING.fullmatch(f, after, sent_e) is None or f[at - 1] not in "，,":
        return None
    start = _after_heading_mark(f, sent_s, at)
    marker = next((w for w in cues().discourse_markers if f.startswith(w, start) and f[start + len(w):start + len(w) + 1] in "，,"), "")
    if marker:
        start += len(marker) + 1  # 例如，完善…: the phrase after the marker and its comma
    end = start + len(re.split(r"[，,；;：:]", f[start:at - 1], maxsplit=1)[0])
    span = task_phrase(finder, start, end)
    if span is None:
        return None
    named = [p for p in finder.programs_in(*span) if p.end <= span[1]]
    return named[0].key if named else task_key(finder, *span)


def _listed_tasks(finder: RelationFinder, start: int, sent_e: int, least: int = 2) -> list[EntityKey]:
    """The tasks listed from ``start`` to the sentence's end, one per semicolon (X；Y；Z。),
    each named by its opening phrase as a measure without a heading is (FORMAT.md). An
    item the text cuts off (no 。 or ； after it) is left out; the list is none where an
    item names no task (task_phrase: a unit's remit, a group, a generic object) or
    fewer than ``least`` items are whole."""
    f = finder.ctx.folded
    items, pos = [], start
    for m in re.finditer(r"[；;。]", f[start:sent_e]):
        items.append((pos, start + m.start()))
        pos = start + m.end()
    spans: list[tuple[int, int]] = []
    for s, e in items:
        span = task_phrase(finder, s, s + len(re.split(r"[，,：:]", f[s:e], maxsplit=1)[0]))
        if span is None:
            return []
        spans.append(span)
    if len(spans) < least:
        return []
    return [task_key(finder, *span) for span in spans]


def _task_list_after(finder: RelationFinder, after: int, sent_e: int) -> list[EntityKey]:
    """由A牵头，分别是X；Y；Z。 (or 由A牵头：X；Y。): the tasks listed after the lead clause."""
    f = finder.ctx.folded
    if f[after:after + 1] in ("：", ":"):
        return _listed_tasks(finder, after + 1, sent_e)
    if f[after:after + 1] not in ("，", ","):
        return []
    opener = next((o for o in cues().task_list_openers if f.startswith(o, after + 1)), None)
    if opener is None:
        return []
    start = after + 1 + len(opener)
    return _listed_tasks(finder, start + (f[start:start + 1] in ("：", ":")), sent_e)


def _next_supports(finder: RelationFinder, pos: int, sent_e: int, hosted: bool) -> tuple[list[tuple[int, int]], int, str]:
    """The support clause at ``pos``: after a comma (，B、C配合), or, for hosts whose roles are
    joined by 、 (由A主办、B承办), as the hosting rule reads them."""
    if hosted:
        return host_supports_after(finder.ctx.folded, pos, cues())
    return _supports_after(finder, pos, sent_e)


def by_lead(finder: RelationFinder) -> None:
    """由A牵头，B、C配合 / 由A负责."""
    f = finder.ctx.folded
    for m in by_lead_re().finditer(f):
        if _in_clause(finder, m.start()):
            continue
        leads, partners = leads_and_partners(m.group(1), m.start(1))
        if not leads:
            continue
        sent_s, sent_e = finder.sentence(m.start())
        # 由A主办、B承办、C协办在…举行: the hosts' roles joined by 、, read as the hosting rule reads them
        hosted = m.group(2) == "主办" and not _supports_after(finder, m.end(), sent_e)[2]
        more, after, verb = _next_supports(finder, m.end(), sent_e, hosted)
        supports = partners + more
        while verb:  # …，B、C承办，D协办: each support clause in turn
            more, further, more_verb = _next_supports(finder, after, sent_e, hosted)
            if not more_verb:
                break
            supports, after = supports + more, further
        pair = cues().paired_lead_verbs.get(m.group(2))
        if pair is not None and verb not in pair:
            continue  # 由A承办 with no 协办 after it: 承办 is no lead (a news item's host supports)
        cue = "由…" + m.group(2) + ("，" + verb if verb else "")
        event = _anaphoric_event(finder, m.start())
        if m.group(2) in _HELD_VERBS:
            # 活动以“…”为主题，由A联合B共同举办: a held event is the one the sentence speaks of, never one the
            # clauses after it name (旨在深化爱国卫生运动内涵: a purpose)
            event = event or _topic_event(finder, sent_s, m.start())
            if event is None:
                finder.unattached.append((m.start(), "by_lead"))
                continue
        listed = [] if event else _task_list_after(finder, after, sent_e)  # 有3项由A牵头，分别是X；Y；Z
        tasks = [event] if event else listed or _task_for(finder, m.start(), after, sent_e)
        if not tasks and not supports:
            topic = _topic_before(finder, m.start(), m.end())  # X除四害工作由A负责监督管理
            tasks = [topic] if topic else []
        if not tasks and not supports:
            obj = _object_program(finder, m.end(), sent_e)  # 由A牵头负责疾控体系改革
            tasks = [obj.key] if obj else []
        if not tasks:
            task = _task_before(finder, sent_s, m.start(), after, sent_e)  # task，由A牵头，B配合。
            tasks = [task] if task else []
        if not tasks:
            opened = opens_section_body(finder.ctx, m.start())  # 一、X\n由A牵头，B配合。: the section's action
            section_program = finder.programs_by_section.get(opened) if opened is not None else None
            tasks = [section_program.key] if section_program is not None else []
        assign_units(finder, m.start(), leads, supports, tasks, cue, "by_lead")


_THIS_TIME = ("本次", "此次", "这次", "本轮", "此轮")
_HELD_VERBS = ("举办",)  # 由A举办: only the event held, named before 由 or as the sentence's subject
# after the partners of 由A联合B…: the verb of the event held or hosted (及多家医疗卫生机构 may close the partners first)
_HELD_AFTER = re.compile(r"[^，。；]{0,14}?(?:共同)?(?:" + "|".join(_HELD_VERBS + ("主办",)) + ")")
# what ends a sentence's subject before its predicates (活动以“…”为主题, 活动由…, 活动在…举行)
_SUBJECT_END = re.compile(r"以|由|在|于|，|,")


def _topic_event(finder: RelationFinder, sent_s: int, at: int) -> EntityKey | None:
    """The event a sentence's subject names or refers to (活动, 本次活动: the last of its kind
    named before), where the clause of 由 at ``at`` lies later in that sentence."""
    f = finder.ctx.folded
    start = _after_heading_mark(f, sent_s, at)
    end = _SUBJECT_END.search(f, start, at + 1)  # the 由 at ``at`` may end it
    if end is None or end.start() == start:
        return None
    return event_before(finder, start, end.start(), cues())


def _topic_before(finder: RelationFinder, at: int, verb_end: int) -> EntityKey | None:
    """The task a clause puts before 由A负责 as its topic, where nothing but an oversight verb
    follows (（四）公共厕所、垃圾暂存地除四害工作由城管部门负责监督管理。): the noun phrase from the
    clause's start (past an item mark) to 由, ending in a duty's head (responsibility.json
    duties), 4 to 60 characters, naming no unit."""
    d = cues().duties
    if d is None:
        return None
    f = finder.ctx.folded
    rest = f[verb_end:finder.clause_end(verb_end, finder.sentence(verb_end)[1])].strip(" 。；，")
    if rest and rest not in d.oversight_verbs:
        return None  # 由A负责X: the object is the task
    s = _after_heading_mark(f, finder.clause_start(at), at)
    phrase = f[s:at]
    if not 4 <= len(phrase) <= 60 or not phrase.endswith(d.heads) or finder.orgs_in(s, at) or phrase.startswith(ANAPHORS + _THIS_TIME):
        return None  # 本次“健康防疫包”的发放工作: the work named before, worded again
    return task_key(finder, s, at)


def _unit_lists(finder: RelationFinder, pattern: re.Pattern[str]):  # noqa: ANN202 - (match, unit spans) pairs
    """Each match of ``pattern`` whose group 1 is a list of units (every item a unit), outside
    the bracketed and labelled clauses the list rule reads, with the units' spans."""
    f = finder.ctx.folded
    for m in pattern.finditer(f):
        if _in_clause(finder, m.start(1)):
            continue
        units = all_units(m.group(1), m.start(1))
        if units:
            yield m, units


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2}")


def _assigned_before(finder: RelationFinder, task: EntityKey, at: int) -> bool:
    """Has an earlier clause of the text already named units for ``task``?"""
    return any(r.target == task and r.start < at for r in finder.relations)


def lead_first(finder: RelationFinder) -> None:
    """A牵头，B、C配合，… at the start of a sentence or clause, outside brackets."""
    for m, leads in _unit_lists(finder, _LEAD_OR_CHARGE_FIRST):
        sent_s, sent_e = finder.sentence(m.start(1))
        supports, after, verb = _supports_after(finder, m.end() - 1, sent_e)
        if m.group(2) == "负责" and not supports:
            continue  # A负责，… alone may say what A is in charge of in general; with ，B配合， it assigns a task
        cue = m.group(2) + ("，" + verb if verb else "")
        tasks = _task_for(finder, m.start(1), after, sent_e)
        follows = supports and _CJK_RUN.search(finder.ctx.folded, after + 1, sent_e)
        from_paragraph = tasks and not finder.programs_in(after, sent_e)
        if follows and (not tasks or (from_paragraph and _assigned_before(finder, tasks[0], m.start(1)))):
            # 区城管局负责，工商局配合，取缔各类农贸市场占道经营现象: the clause after the units is the task —
            # where no task holds the sentence, or the measure's own units were named before (a second
            # assignment in one measure is another task's); a text cut inside that clause names none
            body = finder.ctx.folded.rstrip()
            cut = sent_e >= len(body) and body[-1:] not in "。；！？）)"
            obj = None if cut else _object_program(finder, after + 1, sent_e, longest=40)
            tasks = [obj.key] if obj else []
        assign_units(finder, m.start(1), leads, supports, tasks, cue, "lead_first")


@lru_cache(maxsize=4)
def _joint_charge_re(c: Cues) -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, c.joint_charge_verbs))
    return re.compile(r"(?:^|(?<=[。；：\n，,]))[ \t]*([^，,。；：\n（）由]{2,80}?)(?:" + verbs + r")(?=[^，,。；;：:\s])")


def joint_charge(finder: RelationFinder) -> None:
    """A、B、C等分工负责X；Y；Z。 — units that share the tasks listed after them, no lead
    marked: each leads each (FORMAT.md's joint responsibility)."""
    f = finder.ctx.folded
    for m, leads in _unit_lists(finder, _joint_charge_re(cues())):
        _, sent_e = finder.sentence(m.start(1))
        tasks = _listed_tasks(finder, m.end(), sent_e, least=1)
        assign_units(finder, m.start(1), leads, [], tasks, f[m.end(1):m.end()].strip(), "joint_charge")


def lead_is(finder: RelationFinder) -> None:
    """牵头单位为A(、B)."""
    f = finder.ctx.folded
    for word in cues().lead_is:
        for m in re.finditer(re.escape(word), f):
            sent_s, sent_e = finder.sentence(m.start())
            stop = finder.clause_end(m.end(), sent_e)
            leads = all_units(f[m.end():stop], m.end())
            if leads:
                assign_units(finder, m.start(), leads, [], _task_for(finder, m.start(), stop, sent_e)
                             or [p.key for p in finder.programs_in(sent_s, m.start())][-1:], word, "lead_is")


def lead_verb(finder: RelationFinder) -> None:
    """A牵头完成/负责/推进 Y."""
    f = finder.ctx.folded
    for m in _lead_verb_re(cues()).finditer(f):
        if f[m.start() - 1:m.start()] in ("由", "的"):
            continue
        lead = [o for o in finder.index.ending_at(m.start()) if o.key.type in ORG_TYPES]
        if not lead:
            continue
        # the clause ends at a break or a bracket's close (（A牵头推进X配合）: no object runs out of its bracket)
        clause_end = min([i for i in (f.find(c, m.end(), m.end() + 200) for c in "，。；\n）)") if i >= 0] or [min(len(f), m.end() + 200)])
        progs = finder.programs_in(m.end(), clause_end) + [
            o for o in finder.index.within(m.end(), clause_end) if o.key.type == CONSORTIUM]
        if not progs and m.group(1):
            obj = finder.ctx.g.strip_scope(f[m.end():clause_end].strip())
            if obj.startswith(ANAPHORS) or obj.endswith(cues().support_verbs):
                continue  # 牵头推进该项工作: the work is named elsewhere; …配合: a clause of roles, no object
            if 4 <= len(obj) <= 20:
                pm = program_mention(finder.ctx, clause_end - len(obj), clause_end, obj)
                finder.new_mentions.append(pm)
                progs = [pm]
        for p in progs:
            finder.add("lead", lead[0].key, p.key, m.start(), "牵头")


def _partner_verb_matches(finder: RelationFinder) -> list[re.Match[str]]:
    """Where a partner verb stands: the words of partner_verbs, and a short one (同) only right after a
    body (安徽省计生协同省卫生健康委…: 计生协 + 同, where 协同 was read at the wrong place)."""
    f = finder.ctx.folded
    c = cues()
    found = list(re.finditer("|".join(c.partner_verbs), f))
    if c.short_partner_verbs:
        found += [m for m in re.finditer("|".join(map(re.escape, c.short_partner_verbs)), f)
                  if any(o.key.type in (DEPARTMENT, HOSPITAL) for o in finder.index.ending_at(m.start()))]
    return sorted(found, key=lambda m: m.start())


def lead_with(finder: RelationFinder) -> None:
    """A会同/协同/联合/同 B、C等部门 … Y."""
    f = finder.ctx.folded
    organised = None
    for m in _partner_verb_matches(finder):
        # a body, or a hospital that brings others in (长白县人民医院联合县妇联开展…)
        lead = [o for o in finder.index.ending_at(m.start()) if o.key.type in (DEPARTMENT, HOSPITAL)]
        if lead:
            organised = organised_bodies(finder) if organised is None else organised
            lead = [o for o in lead if id(o) not in organised]  # A组织B联合C…: B acts for A (relations/organised)
        if not lead and f[m.start() - 1:m.start()] in ("将", "要", "拟", "也"):
            lead = [o for o in finder.index.ending_at(m.start() - 1) if o.key.type == DEPARTMENT]
        if not lead and f.startswith("牵头，", m.start() - 3):
            # 由A牵头，联合B、C等30多个部门，…: the lead named before, its partners after the verb
            lead = [o for o in finder.index.ending_at(m.start() - 3) if o.key.type == DEPARTMENT
                    and f[o.start - 1:o.start] == "由"]
        if not lead:
            continue
        sent_s, sent_e = finder.sentence(m.start())
        # the partners: bodies, and hospitals that work with them (县卫生健康和体育局联合巴公卫生院开展…), or a place
        # for its government (省卫生健康委…会同长春市在…举办X: the city is named, no body of it; it supports nothing)
        partners, pos = _partners_after(finder, m.end(), (DEPARTMENT, HOSPITAL, REGION))
        tail = _LIST_TAIL.match(f, pos, pos + 9)
        if not tail and partners and f.endswith(_JOINERS, 0, pos):
            tail = _LIST_GOING_ON.match(f, pos, pos + 40)  # …、团县委等部门: items no unit we know names, up to its noun
        partners_end = tail.end() if tail else pos
        if any(f[o.start - 1:o.start] == "由" for o in lead) and _HELD_AFTER.match(f, partners_end):
            continue  # 由A联合B共同举办: the event held, read by by_lead, not a program named after it
        run_end = finder.clause_run_end(partners_end, sent_e)
        clause_end = finder.clause_end(partners_end, sent_e)
        # a program named inside a longer name is not what they carry out (健康中国行动 of 开展健康中国行动知行大赛…活动)
        named = [p for p in finder.programs_in(partners_end, run_end) if not inside_an_event_name(finder, p.end, clause_end)]
        progs = [p.key for p in named]
        if partners and _verb_follows(f, partners_end, clause_end) and not any(p.start < clause_end for p in named):
            # …联合B开展爱国卫生月暨爱国卫生日宣传活动: the event the verb carries out, named by its phrase, not a
            # program of a later clause (…活动，深入贯彻…推进健康中国建设)
            event = event_after(finder, partners_end, clause_end, cues())
            progs = [event] if event is not None else progs
        if not partners or not progs:
            continue
        leads = _joint_subjects(finder, lead[0])
        for p in progs:
            for o in leads:
                finder.add("lead", o.key, p, m.start(), m.group(0))
            for o in partners:
                if o.key.type != REGION:
                    finder.add("support", o.key, p, m.start(), m.group(0))


@lru_cache(maxsize=4)
def _place_before_verb(c: Cues) -> re.Pattern[str]:
    """在某地 right before an organiser's verb: where the partners carry the event out."""
    verbs = "|".join(map(re.escape, sorted(c.joint_organiser_verbs, key=len, reverse=True)))
    return re.compile(r"在[^，。；：“”《》\n]{1,15}?(?=" + verbs + ")")


def _verb_follows(f: str, pos: int, clause_end: int) -> bool:
    """Does an organiser's verb follow the partners at ``pos``, right away or after where they do it
    (…携手江苏省职业健康协会在宜兴举行…, 联合区民政局在大十字广场开展…)?"""
    c = cues()
    return f.startswith(tuple(c.joint_organiser_verbs), pos) or _place_before_verb(c).match(f, pos, clause_end) is not None


def assisted(finder: RelationFinder) -> None:
    """A配合/协助B开展X: B, who carries X out, leads it; A, who assists, supports it. The bodies after the
    verb must be followed by an organiser's verb, and X is the program that clause names (or the event its
    phrase names, as for A联合B开展X)."""
    f = finder.ctx.folded
    c = cues()
    if not any(v in f for v in c.assisting_verbs):
        return
    for m in re.finditer("|".join(map(re.escape, c.assisting_verbs)), f):
        helpers = [o for o in finder.index.ending_at(m.start()) if o.key.type in (DEPARTMENT, HOSPITAL)]
        if not helpers:
            continue
        leads, pos = _partners_after(finder, m.end(), (DEPARTMENT,))
        sent_e = finder.sentence(m.start())[1]
        clause_end = finder.clause_end(pos, sent_e)
        if not leads or not _verb_follows(f, pos, clause_end):
            continue  # A配合B做好…, A配合。: no event carried out
        progs = list(dict.fromkeys(p.key for p in finder.programs_in(pos, clause_end)))  # a program's forms are one
        if not progs:
            event = event_after(finder, pos, clause_end, c)
            progs = [event] if event is not None else []
        if len(progs) != 1:
            continue  # none, or two events the clause does not tell apart
        helper = max(helpers, key=lambda o: o.end - o.start)
        for o in leads:
            finder.add("lead", o.key, progs[0], m.start(), m.group(0))
        finder.add("support", helper.key, progs[0], m.start(), m.group(0))


def _joint_subjects(finder: RelationFinder, last: Mention) -> list[Mention]:
    """A、B联合C…: the bodies listed before the verb, each a lead (joint), where the list opens
    its clause (云岩区卫健局、区疾控中心联合区民政局…开展…); a list inside a longer phrase is
    another construction, and only the body next to the verb is read."""
    f = finder.ctx.folded
    listed = [o for o in _bodies_listed_before(finder, last) if o.key.type == DEPARTMENT]
    pos = listed[0].start if listed else last.start
    if not listed or (pos > 0 and f[pos - 1] not in "，。；：\n由"):
        return [last]
    return listed + [last]


# 下一步，A将…: where a sentence (or 下一步/下阶段/今后) opens, a 将 following within 30
# characters of the same clause
_COMMITMENT = re.compile(r"(?:^|[。\n]|下一步[，,]?|下阶段[，,]?|今后[，,]?)\s*(?=[^，。\n]{2,30}?将)")
_COMMITMENT_REACH = 30  # the lookahead's {2,30}
_COMMITMENT_OPENER = 4  # the longest opener: 下一步，


def commitment_openings(f: str) -> list[re.Match[str]]:
    """``list(_COMMITMENT.finditer(f))``, searched only near a 将. The pattern opens with
    an alternation, so the engine tried it at every character. Every match ends at
    most 30 characters before a 将 and starts at most 4 characters (its opener) before
    its run of whitespace; so it lies, with the 将 its lookahead needs, in one of the
    merged windows before each 将, and a search of each window finds what a search of
    the whole text finds there (``^`` still matches only at the text's start)."""
    windows: list[list[int]] = []
    j = f.find("将")
    while j >= 0:
        lo = max(0, j - _COMMITMENT_REACH)
        while lo > 0 and f[lo - 1].isspace():
            lo -= 1
        lo = max(0, lo - _COMMITMENT_OPENER)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = j + 1
        else:
            windows.append([lo, j + 1])
        j = f.find("将", j + 1)
    return [m for lo, hi in windows for m in _COMMITMENT.finditer(f, lo, hi)]


def commitment(finder: RelationFinder) -> None:
    """下一步，A将加快推进X、Y…: the body that commits to the named measures leads them."""
    f = finder.ctx.folded
    for m in commitment_openings(f):
        start = m.end()
        lead = [o for o in finder.index.starting_at(start) if o.key.type == DEPARTMENT]
        if not lead or not f.startswith("将", lead[0].end):
            continue
        _, sent_e = finder.sentence(start)
        for p in finder.programs_in(lead[0].end, sent_e):
            if not _framed(finder, p, sent_e):
                finder.add("lead", lead[0].key, p.key, start, "将…推进")


def _after_directive(finder: RelationFinder, at: int) -> bool:
    """Does the clause holding ``at`` open with a directive followed before it (紧紧围绕…, 按照…)?"""
    f = finder.ctx.folded
    before = f[finder.clause_start(at, reach=at):at]
    return any(w in before for w in cues().actor_frames)


def _framed(finder: RelationFinder, p: Mention, sent_end: int) -> bool:
    """X in 以X为契机 (the occasion or means of the work) or after 围绕/按照 in its clause (the
    directive followed): a program the body does not commit to carry out."""
    f, c = finder.ctx.folded, cues()
    if _after_directive(finder, p.start):
        return True
    if "以" not in f[finder.clause_start(p.start):p.start]:
        return False
    after = f[p.end:finder.clause_end(p.end, sent_end)]
    cut = after.find("为", 0, 5)  # past the rest of the name's words (“三下乡”活动为契机)
    return cut >= 0 and after.startswith(c.means_frame_nouns, cut + 1)


def coordination(finder: RelationFinder) -> None:
    """A统筹推进 Y: the coordinating body leads the named action."""
    f = finder.ctx.folded
    for m in re.finditer(r"统筹(?:推进|协调|实施)", f):
        lead = [o for o in finder.index.ending_at(m.start()) if o.key.type == DEPARTMENT]
        progs = [p for p in finder.index.starting_at(m.end()) if p.key.type == PROGRAM]
        if lead and progs:
            finder.add("lead", lead[0].key, progs[0].key, m.start(), "统筹推进")


@lru_cache(maxsize=4)
def _organiser_re(c: Cues) -> re.Pattern[str]:
    """由A(、B)联合开展/主办(，C承办)的X."""
    verbs, supports = "|".join(map(re.escape, c.organiser_verbs)), "|".join(map(re.escape, c.organiser_support_verbs))
    return re.compile(r"由(?P<leads>[^，。；：\n（）由]{2,60}?)(?P<verb>" + verbs + r")"
                      r"(?:[，,、](?P<sups>[^，。；：\n（）]{2,90}?(?:" + supports + r")))?的(?P<obj>[^，。；：\n（）]{2,40})")


@lru_cache(maxsize=4)
def _support_verb_split(c: Cues) -> re.Pattern[str]:
    """The support verbs that close each host's group (B承办、C协办): where the groups part."""
    return re.compile("(?:" + "|".join(map(re.escape, c.organiser_support_verbs)) + ")[、，,]?")


def organisers(finder: RelationFinder) -> None:
    """由A、B联合开展的X: the organisers lead the event the sentence names after 的,
    those who host it for them (承办, 协办) support it. The event is the phrase after 的
    up to its head (活动, 大赛, 行动 …); a phrase ending otherwise names no event."""
    f = finder.ctx.folded
    c = cues()
    if "由" not in f:
        return
    for m in _organiser_re(c).finditer(f):
        leads = all_units(m.group("leads"), m.start("leads"))
        supports = []
        if m.group("sups"):  # B承办、C协办: each group its hosts
            pos = m.start("sups")
            for part in _support_verb_split(c).split(m.group("sups")):
                if part:
                    at = f.index(part, pos)
                    units = all_units(part, at)
                    if not units:
                        supports = []
                        break
                    supports += units
                    pos = at + len(part)
        if not leads or (m.group("sups") and not supports):
            continue
        end = c.last_event_head_end(m.group("obj"))
        if end < 0:
            continue
        start = m.start("obj")
        named = [p for p in finder.programs_in(start, start + end) if p.start == start or f[start:p.start] in ("“", "《")]
        whole = _quoted_whole(finder, start, start + end)
        if whole is not None:
            named = [whole]  # “…宣传周启动仪式暨健康讲堂”: the quoted name goes on past the head
        if named:
            task = max(named, key=lambda p: p.end)
        else:
            task, forms = launched_event(finder.ctx, start, start + end, strip_outer_quotes(f[start:start + end]))
            finder.new_mentions.extend([task] + forms)
        assign_units(finder, m.start(), leads, supports, [task.key], "由…" + m.group("verb"), "organisers")


def _quoted_whole(finder: RelationFinder, start: int, head_end: int) -> Mention | None:
    """The program named by the whole quotation opening at ``start`` where it closes past the
    event head found in it (“2021上海市老年健康宣传周启动仪式暨健康讲堂”): the quoted name is the event's."""
    f = finder.ctx.folded
    if f[start:start + 1] != "“":
        return None
    close = f.find("”", start + 1, start + 80)
    if close <= head_end or "“" in f[start + 1:close]:
        return None
    return next((p for p in finder.programs_in(start, close + 1) if p.start == start + 1 and p.end == close), None)


_JOINTLY = re.compile("联合|共同")


@lru_cache(maxsize=4)
def _joint_verb_re(c: Cues) -> re.Pattern[str]:
    """… 开展/举办 … right after 联合/共同, within the clause (at most 30 characters between)."""
    return re.compile(r"[^，。；：\n]{0,30}?(?P<verb>" + "|".join(map(re.escape, c.joint_organiser_verbs)) + r")")


_PLACE_REACH = 20  # 在西安市育英小学: how long the place between the bodies and their verb may be


def _before_the_place(f: str, start: int, end: int) -> int:
    """Where the bodies before 联合 end when a place stands between them and the verb (A、B在西安市育英小学
    联合举办了X): at its 在, where the place is one phrase (no list mark) of at most twenty characters."""
    at = f.rfind("在", start, end)
    if at <= start or end - at > _PLACE_REACH or "、" in f[at:end]:
        return end
    return at


def joint_organisers(finder: RelationFinder) -> None:
    """县卫生健康局、县计生协会决定联合在全县开展“健康知识进万家”活动: bodies that do a
    named program together lead it jointly (as 由A、B联合开展的X does). Two bodies at
    least, each a unit, opening the clause, and the program named in the same clause
    after the verb. Read from each 联合/共同 back to its clause's start (a pattern opening
    at every clause start cost a fifth of the relation stage)."""
    f = finder.ctx.folded
    c = cues()
    verb_re = _joint_verb_re(c)
    for m in _JOINTLY.finditer(f):
        start = finder.clause_start(m.start())
        end = m.start()
        for word in c.joint_decision_words:
            if f.endswith(word, start, end):
                end -= len(word)
                break
        end = _before_the_place(f, start, end)
        tail = LIST_CLOSING.search(f, start, end)
        if tail:
            end = tail.start()  # A、B、C、D4个单位联合…, A、B等单位联合…: the list's closing noun
        if end - start < 4 or "由" in f[start:end] or any(ch in "（）" for ch in f[start:end]):
            continue  # 由A、B联合开展的X: the organisers rule's
        verb = verb_re.match(f, m.end())
        if verb is None:
            continue
        subject = copula_subject(finder, start)
        start += subject is not None  # “X”活动，是A、B共同主办的…: the units after the copula hold X
        units = split_units(f[start:end], start)
        if len(units) < 2 or not all(finder.names_a_body(s, e) for s, e in units):
            continue  # each item a body the text names (区文化体育和旅游局和区疾控中心 is two, unsplit)
        _, sent_e = finder.sentence(verb.end())
        clause_end = finder.clause_end_outside_quotes(verb.end(), sent_e)
        # not a program named inside the event's longer name (联合举办全省健康中国行动知行大赛家庭专场活动)
        progs = [p for p in finder.programs_in(verb.end(), clause_end) if not inside_an_event_name(finder, p.end, clause_end)]
        # the verb's object: the program the clause ends with (以“X”为主题的…活动 → the event), else the event
        # its phrase names (联合举办2024年“世界艾滋病日”与艾同行健康跑活动)
        event = subject or (max(progs, key=lambda p: p.end).key if progs else event_after(finder, verb.end(), clause_end, c))
        if event is not None:
            assign_units(finder, start, units, [], [event], "联合" + verb.group("verb"), "joint_organisers")


@lru_cache(maxsize=4)
def _remit_re(c: Cues) -> re.Pattern[str]:
    """成立/组建/设立 right before a body's name (the name itself is read from the mentions)."""
    return re.compile("|".join(map(re.escape, c.remit_founding_verbs)))


def remits(finder: RelationFinder) -> None:
    """成立A，(具体)负责 <remit>: a body set up with its remit leads the programs the remit
    names in its clause. Nothing is minted from the remit's words: a remit that names
    no program (负责日常协调和管理工作) is a standing duty, not a task."""
    f = finder.ctx.folded
    c = cues()
    for m in _remit_re(c).finditer(f):
        bodies = [o for o in finder.index.starting_at(m.end()) if o.key.type in ORG_TYPES]
        if not bodies:
            continue
        body = max(bodies, key=lambda o: o.end)
        if f[body.end:body.end + 1] not in "，,":
            continue
        charge = next((w for w in c.remit_charge_words if f.startswith(w, body.end + 1)), "")
        if not charge:
            continue
        start = body.end + 1 + len(charge)
        _, sent_e = finder.sentence(start)
        clause_end = finder.clause_end(start, sent_e)
        for key in dict.fromkeys(p.key for p in finder.programs_in(start, clause_end)):
            finder.add("lead", body.key, key, m.start(), charge)


@lru_cache(maxsize=4)
def _actor_re(c: Cues) -> re.Pattern[str]:
    """(the tail of a list of bodies)(where)(adverbs)(verb)(了)?(“)? right after a body's name:
    A、B等十多家单位及志愿者在新天广场开展X names where they acted, then what they did."""
    adverbs = "|".join(map(re.escape, c.actor_adverbs))
    verbs = "|".join(map(re.escape, c.actor_verbs))
    heads = "|".join(map(re.escape, c.actor_list_heads))
    tail = r"(?P<tail>等[^，。；在]{0,8}?(?:" + heads + r")(?:及[^，。；在]{1,12}?)?)?" if heads else ""
    places = "|".join(map(re.escape, c.actor_place_endings))
    # 在新天广场, 在县城十字口: a place, ending in a place's word (not 在会议上通报了…, where they spoke)
    where = r"(?P<where>在[^，。；“”《》了]{1,14}?(?:" + places + r"))?" if places else ""
    # 今年3月至11月, 5月22日: when they acted, before where
    when = r"(?P<when>(?:" + "|".join(map(re.escape, c.actor_time_words)) + r")?(?:\d{1,2}月(?:\d{1,2}日)?" \
           r"(?:[至到—-]\d{1,2}月(?:\d{1,2}日)?)?)?)"
    return re.compile(tail + when + where + r"(?:" + adverbs + r")*(?P<verb>" + verbs + r")了?[“《]?")


def _bodies_listed_before(finder: RelationFinder, org: Mention) -> list[Mention]:
    """The bodies of the list ``org`` closes (A、B、C等单位…: A and B), walking left over 、和及."""
    f, run, at = finder.ctx.folded, [], org.start
    while at >= 2 and f[at - 1] in "、和及":
        before = [m for m in finder.index.ending_at(at - 1) if m.key.type in ORG_TYPES]
        if not before:
            break
        prev = max(before, key=lambda m: m.end - m.start)
        run.append(prev)
        at = prev.start
    return run[::-1]


def actors(finder: RelationFinder) -> None:
    """A大力实施X, A开展“X”: in a news item or report (no responsibility lists, which
    would say who leads), the body that carries out a named program leads it. The
    program must follow the verb at once; the body must end right before the adverbs."""
    ctx = finder.ctx
    f = ctx.folded
    if responsibility_clauses(f):
        return
    c = cues()
    pattern = _actor_re(c)
    organised = organised_bodies(finder)
    for org in [m for m in finder.mentions if m.key.type in ORG_TYPES]:
        m = pattern.match(f, org.end)
        if not m or id(org) in organised:
            continue  # A组织B、C开展X: B and C act for A (relations/organised)
        if _after_directive(finder, org.start):
            continue  # 紧紧围绕省委省政府深入实施“八八战略”: the directive followed, not the text's actor
        if _partner_of_another(finder, finder.clause_start(org.start, reach=org.start), org):
            continue  # A联合B开展X: B, in the list right after the partner verb, is A's partner (lead_with: support)
        if m.group("where") and finder.orgs_in(*m.span("where")):
            continue  # 在A的指导下开展: A is named in the phrase, who acted is not plain
        prog = _verb_object(finder, m.end())
        if prog is not None:
            joined = org.start > 0 and f[org.start - 1] in "、和及"
            listed = _bodies_listed_before(finder, org) if m.group("tail") or joined else []
            for body in listed + [org]:  # A、B、C等单位开展X: all of them, none marked to lead
                finder.add("lead", body.key, prog.key, body.start, m.group("verb"))
            _same_subject_after_semicolons(finder, org, m.end(), pattern)


def _partners_after(finder: RelationFinder, verb_end: int, types: tuple[str, ...]) -> tuple[list[Mention], int]:
    """The partners a partner verb names: the run of bodies right after it (联合了 too), joined by
    、和及与, and where the run ends."""
    f = finder.ctx.folded
    partners, pos = [], verb_end + (1 if f.startswith("了", verb_end) else 0)
    while True:
        nxt = [o for o in finder.index.starting_at(pos) if o.key.type in types]
        if not nxt:
            break
        longest = max(nxt, key=lambda o: o.end)
        partners.append(longest)
        pos = longest.end
        sep = _PARTNER_JOINER.match(f, pos)
        if not sep:
            break
        pos = sep.end()
    return partners, pos


_JOINERS = ("、", "以及", "和", "及", "与")
_PARTNER_JOINER = re.compile("|".join(_JOINERS))
_TAIL_NOUN = r"等(?:\d+(?:多|余)?个)?(?:部门|单位)"  # 等部门, 等30多个部门: what closes a list of partners
_LIST_TAIL = re.compile(_TAIL_NOUN)
_LIST_GOING_ON = re.compile(r"[^，。；：\n]{2,36}?" + _TAIL_NOUN)


def _partner_of_another(finder: RelationFinder, clause_start: int, org: Mention) -> bool:
    """Is ``org`` one of the partners of the last partner verb before it in its clause (A联合B、C开展X:
    B and C)?"""
    f = finder.ctx.folded
    before = f[clause_start:org.start]
    at = max((before.rfind(v) + len(v) for v in cues().partner_verbs if v in before), default=-1)
    return at >= 0 and org in _partners_after(finder, clause_start + at, ORG_TYPES)[0]


def _same_subject_after_semicolons(finder: RelationFinder, org, after: int, pattern: re.Pattern[str]) -> None:  # noqa: ANN001
    """A实施X，…；实施Y，…；实施Z: the clauses after ；that open with the verb again and
    name no subject of their own are the same body's (a report listing what it did)."""
    f = finder.ctx.folded
    _, sent_e = finder.sentence(after)
    pos = f.find("；", after, sent_e)
    while pos >= 0:
        m = pattern.match(f, pos + 1)
        if m:
            prog = _verb_object(finder, m.end())
            if prog is not None:
                finder.add("lead", org.key, prog.key, pos + 1, m.group("verb"))
        pos = f.find("；", pos + 1, sent_e)


# 开展以“诚信尚俭 共享食安”为主题的X: the quoted theme and its marker stand before the object
_THEMED_OBJECT = re.compile(r"以“[^”\n]{1,30}”")
_DURATION = re.compile(r"为期(?:\d+|[一二两三四五六七八九十半]+)个?(?:天|日|周|星期|月|年)的")


def _verb_object(finder: RelationFinder, at: int) -> Mention | None:
    """The program an actor's verb ending at ``at`` acts on: one the entity rules read right there
    (or at the quote the verb's pattern took), else, after a relative clause's 的 (A、B主办的“X”启动),
    the one read there; else the phrase up to a program head."""
    f = finder.ctx.folded

    def programs_at(pos: int) -> list[Mention]:
        return [p for p in finder.index.starting_at(pos) if p.key.type == PROGRAM]

    lasting = _DURATION.match(f, at)
    if lasting:
        at = lasting.end()  # 开展为期3天的X: how long it lasts stands before the object
    themed = _THEMED_OBJECT.match(f, at)
    if themed and f.startswith(finder.ctx.g.theme_markers, themed.end()):
        of = f.find("的", themed.end(), themed.end() + 4)
        if of >= 0:
            at = of + 1  # 以“…”为主题的X: the object is X
    progs = programs_at(at)
    if not progs and f[at - 1:at] in "“《":
        progs = programs_at(at - 1)
    if not progs and f.startswith("的", at):
        at += 1
        progs = programs_at(at) or (programs_at(at + 1) if f[at:at + 1] in "“《" else [])
    year = _OBJECT_YEAR.match(f, at) if not progs else None
    if year:  # …主办的2025“宁夏微笑行动”: the edition's year, then the program
        after = year.end()
        progs = programs_at(after) or (programs_at(after + 1) if f[after:after + 1] in "“《" else [])
    return max(progs, key=lambda p: p.end) if progs else _object_named_by_head(finder, at)


_OBJECT_YEAR = re.compile(r"(?:19|20)\d{2}(?:年度?)?")


def _object_named_by_head(finder: RelationFinder, start: int):  # noqa: ANN202 - a Mention or None
    """The verb's object when it ends in a program head within its clause (实施居民健康素养
    提高专项行动: 提高 inside the name, where a name read from its head stops): from
    the verb to the head, 4 to 24 characters, not generic (重点专项行动)."""
    f, g = finder.ctx.folded, finder.ctx.g
    stop = min([i for i in (f.find(ch, start, start + 40) for ch in "，。；、\n（") if i >= 0] or [min(len(f), start + 40)])
    heads = [h for h in g.program_head.finditer(f, start, stop) if _right_edge_ok_at(f, h.end(), g)]
    if not heads:
        return None
    end = heads[0].end()
    name = f[start:end].strip("“”《》")
    core = name[: -len(heads[0].group(0))]
    if not 4 <= len(name) <= 24 or program_core_generic(core, g, heads[0].group(0)) or name.startswith(ANAPHORS):
        return None
    if name.count("“") != name.count("”"):
        return None  # 2025“宁夏微笑行动: a quote the head cut open; the quoted name is read by its quotes
    pm = program_mention(finder.ctx, start, end, name)
    finder.new_mentions.append(pm)
    return pm


def _right_edge_ok_at(f: str, end: int, g) -> bool:  # noqa: ANN001 - the grammar
    return end >= len(f) or f[end] in "，。；、”》）\n" or f.startswith(("工作", "建设", "等"), end)
