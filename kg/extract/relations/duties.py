"""Duties assigned item by item: a division of duties (职责分工, 按照以下分工负责…:) written as
numbered items, each opening with the bodies it charges and 负责:

- ``（一）卫生健康委负责医疗机构及公共场所病媒生物预防控制工作的监督管理`` (a city's rules);
- ``一、县质量技术监督局负责规范和管理辖区内食品生产加工领域的食品卫生工作`` (a county's notice);
- ``（三）商务局、市场监督管理局根据各自职责负责集贸市场等场所卫生…的监督管理工作`` (joint).

Such an item has no heading: FORMAT.md names a measure without one by the opening phrase of its
first sentence, here the duty after 负责 (its subject is who, not what), and the bodies named
lead it (jointly where several are). Only the item's first clause is its duty (a second
``，负责…`` adds to the same body's remit). Nothing where the item speaks of a measure headed
above it (（四）开展跨部门健康行动 / 2. 市健康专家委员会负责为…提供技术支持: read by :mod:`.subjects`),
where the subject is no named body (各部门要负责…), where the duty is a supporting one (提供技术支持,
协助) or names no task (an anaphor, 抓好落实, no task head at its end). The words are data
(responsibility.json, "duties").

A body's remit set out as a list (市爱卫办应当履行下列职责：（一）组织开展…培训，（五）协调…工作) is read
the same way: the body leads each item's duty, the item's first clause, while the items follow
one another.

A roll of duties, one body a line before a colon (省卫生厅：负责组织制定全省血防监测工作计划…;
省财政厅：负责联系南京市六合区…), divides one work among the bodies: the one the text introduces
(现提出我省有关部门血防监测工作职责) or the notice's title names (关于建立…定点联系制度的通知).
Every body on it leads that work, jointly; a roll whose work is named nowhere assigns nothing.
"""
from __future__ import annotations

import re

from kg.extract.entities import program_mention
from kg.extract.entities.departments import read_unit
from kg.extract.model import Mention
from kg.extract.relations.cues import cues
from kg.extract.relations.finder import RelationFinder
from kg.extract.relations.tasks import ANAPHORS
from kg.extract.relations.subjects import SUBJECT_TYPES, body_run, measure_of
from kg.extract.segment import HEADING_LEVELS

_BEFORE_MARK = "。；：！？，\n"


def _item_marks(f: str) -> list[tuple[int, int]]:
    """(where its text begins, level) of every numbered item, past its mark ((一) 一、 1、 ①), the
    mark at a line's or clause's start (a rules page run into one paragraph keeps its marks)."""
    out = {}
    for level, mark in HEADING_LEVELS:
        for m in re.finditer(mark.pattern, f):
            if m.start() == 0 or f[m.start() - 1] in _BEFORE_MARK or f[m.start() - 1] in " \t\u3000":
                s = m.end()
                while s < len(f) and f[s] in " \t":
                    s += 1
                out.setdefault(s, level)
    return sorted(out.items())


def _under_a_measure(finder: RelationFinder, at: int) -> bool:
    """Is the item inside a measure the text heads as a program (its subjects speak of that)?"""
    ctx = finder.ctx
    i = measure_of(ctx, at)
    while i is not None:
        if i in finder.programs_by_section:
            return True
        i = ctx.sections[i].parent
    return False


def duties(finder: RelationFinder) -> None:
    """（一）A负责X / 一、A、B根据各自职责负责X: A (and B) lead the duty X."""
    c = cues()
    d = c.duties
    if d is None:
        return
    f = finder.ctx.folded
    if "负责" not in f:
        return
    for start, _level in _item_marks(f):
        run, end = body_run(finder.index, f, start)
        if not run or any(c.is_generic(o.key.name) for o in run):
            continue
        charge = d.charge.match(f, end)
        if not charge or f[charge.end():charge.end() + 1] in ("人", "同", "的", "，", "。"):
            continue  # 主要负责人, 负责同志: a person, not a duty; 负责的X: a relative clause, X is named elsewhere
        s = charge.end()
        _, e_sent = finder.sentence(s)
        e = finder.clause_end(s, e_sent)
        verb = next((v for v in d.oversight_verbs if f.startswith(v, s) and e - s - len(v) >= 6), "")
        s += len(verb)  # 负责监督管理餐饮服务场所…的病媒生物预防控制工作: what is overseen
        s += len(next((w for w in d.scope_openings if f.startswith(w, s)), ""))  # 负责辖区内的…: where
        bare = f[s:e].strip()
        if not 4 <= len(bare) <= 60 or bare.startswith(ANAPHORS) or bare in c.generic_tasks:
            continue
        if not bare.endswith(d.heads) or any(w in bare for w in c.subject_support_objects):
            continue  # 负责为…提供技术支持: a supporting duty; 负责落实配套经费: no task named
        if _under_a_measure(finder, start):
            continue
        pm = program_mention(finder.ctx, s, s + len(bare), bare)
        finder.new_mentions.append(pm)
        for o in run:
            finder.add("lead", o.key, pm.key, start, charge.group(0))


_OTHER_NAME = re.compile(r"（以下简称[^（）]{1,12}）$")


def _body_before(finder: RelationFinder, at: int) -> Mention | None:
    """The named body ending right before ``at``, past a modal (应当, 应, 要) and a bracket giving
    its short name (市爱国卫生运动委员会办公室（以下简称爱卫办）应当…)."""
    f = finder.ctx.folded
    d = cues().duties
    modal = next((w for w in d.list_modals if f.endswith(w, 0, at)), "")
    end = at - len(modal)
    other = _OTHER_NAME.search(f, max(0, end - 20), end)
    if other:
        end = other.start()
    bodies = [m for m in finder.index.ending_at(end) if m.key.type in SUBJECT_TYPES]
    return max(bodies, key=lambda m: m.end - m.start) if bodies else None


def duty_lists(finder: RelationFinder) -> None:
    """A应当履行下列职责：（一）X，（二）Y: A leads X and Y, each item's first clause (past a 负责 or an
    oversight verb it opens with). The items are those of the first item's level that follow one
    another, in one paragraph or one line each, up to the next article (第十条) of the rules."""
    c = cues()
    d = c.duties
    if d is None:
        return
    f = finder.ctx.folded
    marks = None
    for opener in d.list_openers.finditer(f):
        body = _body_before(finder, opener.start())
        if body is None or c.is_generic(body.key.name):
            continue
        marks = marks if marks is not None else _item_marks(f)
        after = [(s, level) for s, level in marks if s > opener.end()]
        gap = f[opener.end():after[0][0]].strip(" \t\u3000\n") if after else ""
        if not any(mark.fullmatch(gap) for _, mark in HEADING_LEVELS):
            continue  # the list must open right after the colon, with the first item's mark
        article = _ARTICLE.search(f, opener.end())
        limit = article.start() if article else len(f)
        level, prev = after[0][1], opener.end()
        for start, lv in after:
            if start >= limit or start - prev > 400 or "：" in f[prev:start]:
                break  # the next article, or a new list opened (…，按照以下分工负责…：(一)…)
            if lv != level:
                continue
            prev = start
            if body_run(finder.index, f, start)[0]:
                break  # (一)卫生健康委负责…: another body's duty, not this remit's
            e = finder.clause_end(start, finder.sentence(start)[1])
            s = start
            charge = d.charge.match(f, s)
            s = charge.end() if charge else s  # （三）负责X: the item's duty
            s += len(next((v for v in d.oversight_verbs if f.startswith(v, s) and e - s - len(v) >= 6), ""))
            duty = f[s:e].strip()
            if 4 <= len(duty) <= 60 and duty.endswith(d.heads) and not duty.startswith(ANAPHORS):
                pm = program_mention(finder.ctx, s, s + len(duty), duty)
                finder.new_mentions.append(pm)
                finder.add("lead", body.key, pm.key, start, opener.group(0))


# the next article of a document of rules (第十六条), which ends a list of items
_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,4}条")


_LINE_PAD = " \t\u3000"


def _roll_lines(finder: RelationFinder) -> list[list[tuple[int, list[Mention], bool, bool]]]:
    """Runs of lines that each open with named bodies and a colon (省卫生厅：负责…), blank lines
    between them allowed: per line (its start, its bodies, whether it holds the charge, whether
    its body was read here by its parts, a mention no component made)."""
    f = finder.ctx.folded
    c = cues()
    rolls: list[list[tuple[int, list[Mention], bool, bool]]] = []
    current: list[tuple[int, list[Mention], bool, bool]] = []
    pos = 0
    while pos <= len(f):
        end = f.find("\n", pos)
        end = len(f) if end < 0 else end
        s = pos
        while s < end and f[s] in _LINE_PAD:
            s += 1
        if s < end:
            run, after = body_run(finder.index, f, s)
            by_parts = False
            colon = f.find("：", s, min(end, s + 20))
            if not run and colon > s + 1:
                # 省农机局：负责…: the line's place says it names a body, read by its parts
                unit = read_unit(finder.ctx, s, colon)
                run, after, by_parts = ([unit], colon, True) if unit else ([], s, False)
            if run and f[after:after + 1] == "：" and not any(c.is_generic(o.key.name) for o in run):
                current.append((s, run, bool(c.duties.charge.search(f, after, end)), by_parts))
            else:
                if current:
                    rolls.append(current)
                current = []
        pos = end + 1
    if current:
        rolls.append(current)
    return rolls


def duty_rolls(finder: RelationFinder) -> None:
    """省卫生厅：负责…／省财政厅：负责…／省教育厅：负责… under 有关部门X工作职责 (or a notice titled
    关于建立X的通知): every body on the roll leads X."""
    d = cues().duties
    f = finder.ctx.folded
    if d is None or "：负责" not in f:
        return
    for roll in _roll_lines(finder):
        bodies = {o.key for _, run, _, _ in roll for o in run}
        charged = sum(1 for _, _, has, _ in roll if has)
        if len(roll) < d.roll_min_lines or len(bodies) < d.roll_min_lines or 2 * charged < len(roll):
            continue
        first = roll[0][0]
        intro = list(d.roll_intro.finditer(f, max(0, first - 300), first))
        if intro:
            at, work = intro[-1].start("work"), intro[-1].group("work")
        else:
            titled = d.roll_title.search(finder.ctx.title or "")
            if not titled:
                continue
            work = titled.group("work")
            at = f.find(work)
            if at < 0:
                continue
        pm = program_mention(finder.ctx, at, at + len(work), work.replace("“", "").replace("”", ""))
        finder.new_mentions.append(pm)
        for start, run, _, by_parts in roll:
            if by_parts:
                finder.new_mentions.extend(run)
            for o in run:
                finder.add("lead", o.key, pm.key, start, "：负责")
