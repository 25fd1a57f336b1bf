"""Events named with their hosts (FORMAT.md: 主办 names the leading unit): the bodies that
主办 an event lead it, those that 承办 or 协办 it for them support it. News writes the
hosts in several orders, all read here:

- ``A、B主办，C承办，在…开展…X`` — the hosts open the clause, the event follows in the sentence;
- ``A主办、C承办的X`` — the hosts in a relative clause before the event;
- ``X由A主办，C承办`` — the event is the sentence's subject;
- ``本次大会由A与B主办`` — the event the text named before, spoken of again.

由A主办…的X and 本次活动由A主办 are the organisers and by_lead rules' (:mod:`.prose`); this
rule reads a 主办 only where no earlier rule read its sentence. Every host must be a unit
(:func:`unit_like`); a sentence whose event cannot be found assigns nothing.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.entities.common import strip_outer_quotes
from kg.extract.entities.programs import launched_event
from kg.extract.model import EntityKey
from kg.extract.relations.clauses import all_units
from kg.extract.relations.cues import Cues, cues
from kg.extract.relations.finder import RelationFinder
from kg.extract.relations.units import assign_units


@lru_cache(maxsize=4)
def _host_re(c: Cues) -> re.Pattern[str]:
    """The host verb (联合主办, 主办), not the nouns 主办方 / 主办单位."""
    verbs = sorted(c.host_verbs, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, verbs)) + ")(?![方单者])")


@lru_cache(maxsize=4)
def _anaphor_re(c: Cues) -> re.Pattern[str]:
    """本次大会, 此次宣传周活动: an event spoken of again, at the end of the words before 由."""
    heads = "|".join(map(re.escape, sorted(c.organised_event_heads, key=len, reverse=True)))
    return re.compile("(?:" + "|".join(map(re.escape, c.event_anaphors)) + r")[\u4e00-\u9fff]{0,6}?(?P<head>" + heads + ")$")


def _guides_before(finder: RelationFinder, sent_start: int, clause_start: int, c: Cues) -> tuple[int, int] | None:
    """(the hosts' clause start, where 由 is) for a host's clause right after a clause of guides (此次活动由A指导，
    B主办): 由, units, a guide verb, a comma; else None."""
    f = finder.ctx.folded
    if clause_start < 2 or f[clause_start - 1] not in "，,":
        return None
    prev = finder.clause_start(clause_start - 1)
    by_at = f.rfind("由", max(prev, sent_start), clause_start - 1)
    if by_at < 0:
        return None
    body = f[by_at + 1:clause_start - 1]
    verb = next((v for v in c.host_guide_verbs if body.endswith(v)), "")
    if not verb or not all_units(body[: -len(verb)], by_at + 1):
        return None
    return clause_start, by_at


def event_after(finder: RelationFinder, start: int, end: int, c: Cues) -> EntityKey | None:
    """The event a clause of hosts is followed by, in the rest of its sentence: the first
    program named there whose name ends in an event head, else the phrase before the last
    event head, after the last 的 or organising verb before it (同步开展以“…”为主题的第32个
    爱国卫生月统一行动日主题活动 → 第32个爱国卫生月统一行动日主题活动)."""
    f = finder.ctx.folded
    named = [p for p in finder.programs_in(start, end) if p.key.name.endswith(tuple(c.organised_event_heads))
             and not inside_an_event_name(finder, p.end, end)]
    if named:
        return min(named, key=lambda p: (p.start, -p.end)).key
    rest = f[start:end]
    head_end = c.last_event_head_end(rest)
    if head_end < 0:
        return None
    cut = max([rest.rfind("的", 0, head_end) + 1]
              + [_last_verb_end(rest, v, head_end, finder.ctx.g.launch_ceremonies) for v in c.joint_organiser_verbs])
    if rest.startswith("了", cut):
        cut += 1  # 开展了系列控烟宣传活动: the verb's aspect, no part of the event's name
    phrase = strip_outer_quotes(rest[cut:head_end])
    if not 4 <= len(phrase) <= 40 or any(ch in phrase for ch in "，。；：（）"):
        return None
    mention, forms = launched_event(finder.ctx, start + cut, start + head_end, phrase)
    finder.new_mentions.extend([mention] + forms)
    return mention.key


def _last_verb_end(rest: str, verb: str, head_end: int, ceremonies: tuple[str, ...]) -> int:
    """Where the last ``verb`` before ``head_end`` ends (0 if none): not 启动 of a launch ceremony that
    closes the event's name (在宜兴举行…帮扶项目启动仪式), which is no verb of the clause."""
    at = rest.rfind(verb, 0, head_end)
    while at >= 0 and rest.startswith(ceremonies, at):
        at = rest.rfind(verb, 0, at)
    return at + len(verb) if at >= 0 else 0


def inside_an_event_name(finder: RelationFinder, at: int, end: int) -> bool:
    """Does a program name ending at ``at`` go on into a longer event's name before ``end`` (健康中国行动 +
    知行大赛家庭专场安徽赛区活动)? Not where only its kind follows (“母亲健康快车”流动服务 + 活动) or no event
    head does: a program named inside the event's name is not the event."""
    rest = finder.ctx.folded[at:end] if at < end else ""
    head_end = cues().last_event_head_end(rest)
    return head_end > 0 and rest[:head_end] not in finder.ctx.g.event_trailers


def subject_end(f: str, by_at: int, start: int = 0) -> int:
    """Where the subject before 由 at ``by_at`` ends: before the copula of 本次活动是由A主办."""
    return by_at - 1 if f.endswith("是", start, by_at) else by_at


def copula_subject(finder: RelationFinder, at: int) -> EntityKey | None:
    """The event a clause opening with the copula at ``at`` speaks of (“X”活动，是A、B共同主办的主题活动):
    the program named right before it, a comma between at most; None where the clause opens otherwise."""
    f = finder.ctx.folded
    if not f.startswith("是", at):
        return None
    named = [p for p in finder.programs_in(max(0, at - 60), at) if f[p.end:at].strip("，, ") == ""]
    return max(named, key=lambda p: p.end - p.start).key if named else None


def event_before(finder: RelationFinder, clause_start: int, by_at: int, c: Cues) -> EntityKey | None:
    """The event a clause 由A主办 speaks of from before 由: the program that is its subject
    (“全民营养周”宣传活动由…), or, for 本次大会 / 此次活动, the last event of that kind (大会,
    活动) the text named before."""
    f = finder.ctx.folded
    by_at = subject_end(f, by_at, clause_start)
    subject = f[clause_start:by_at]
    own = [p for p in finder.programs_in(clause_start, by_at) if f[p.end:by_at].strip("“”") == ""]
    if own:
        return max(own, key=lambda p: p.end - p.start).key
    anaphor = _anaphor_re(c).search(subject)
    head = anaphor.group("head") if anaphor else subject.strip(" \t\u3000")
    if anaphor is None and head not in c.organised_event_heads:
        return None  # 活动由A主办 (the sentence's subject the head alone) speaks of the last one too
    # 本次大会 is the last 大会 named before, 本次活动 the last 活动 (not an action, 全民健康生活方式行动), as
    # named or as written (…宣传月活动, whose name is its 宣传月)
    same_kind = [p for p in finder.programs_in(0, clause_start) if p.key.name.endswith(head) or f[p.start:p.end].endswith(head)]
    return same_kind[-1].key if same_kind else None


# 及多家医疗卫生机构, 和有关单位: others the list names by a kind, no one unit, closing it
_VAGUE_TAIL = re.compile(r"(?:及|和|以及)(?:多家|若干|其他|有关|相关|各)[\u4e00-\u9fff]{0,8}?(?:机构|单位|部门)$")


def leads_and_partners(text: str, at: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The hosts of 由A(联合B、C)(共同)举办/主办 (or A联合B主办): A leads; the partners after
    联合/会同 support (FORMAT.md: 协同), as lead_with reads A会同B; a list without a partner verb
    leads jointly. Spans index the document (``at`` is where ``text`` starts)."""
    c = cues()
    for joiner in ("共同", "联合"):
        if text.endswith(joiner):
            text = text[: -len(joiner)]
    found = [(i, v) for v in c.partner_verbs if (i := text.find(v)) > 0]
    if not found:
        return all_units(text, at), []
    i, verb = min(found)
    rest = _VAGUE_TAIL.sub("", text[i + len(verb):])
    return all_units(text[:i], at), all_units(rest, at + i + len(verb))


def host_supports_after(f: str, pos: int, c: Cues) -> tuple[list[tuple[int, int]], int, str]:
    """，C、D(共同)承办 right after the hosts: the supporting units, where they end, and the verb."""
    if f[pos:pos + 1] not in "，、,":
        return [], pos, ""
    start = pos + 1
    # the verb nearest the hosts ends the units (C承办、D协办: C's verb is 承办, not D's 协办), the
    # longest where two start at one place (共同承办)
    found = [(at, -len(verb), verb) for verb in c.host_support_verbs if (at := f.find(verb, start, start + 80)) >= 0]
    for at, _, verb in sorted(found):
        if any(ch in f[start:at] for ch in "，。；：\n") or any(v in f[start:at] for v in c.host_support_verbs):
            continue  # a later verb's span holding an earlier one (C承办、D协办 where C is no unit): not D's units
        units = all_units(f[start:at], start)
        if units:
            return units, at + len(verb), verb
    return [], pos, ""


def hosts(finder: RelationFinder) -> None:
    """A主办，C承办 … X / A主办、C承办的X / X由A主办 / 本次大会由A主办: A leads the event X,
    C supports it."""
    c = cues()
    f = finder.ctx.folded
    if "主办" not in f:
        return
    read = {(r.start, r.end) for r in finder.relations if "主办" in r.cue}
    for m in _host_re(c).finditer(f):
        sent_start, sent_end = finder.sentence(m.start())
        if (sent_start, sent_end) in read:
            continue  # the organisers or by_lead rule read this sentence
        clause_start = finder.clause_start(m.start())
        by_at = f.rfind("由", clause_start, m.start())
        guided = _guides_before(finder, sent_start, clause_start, c) if by_at < 0 else None
        if guided is not None:
            clause_start, guide_by = guided  # 此次活动由A指导，B主办: the hosts' clause after the guides'; the event before 由
        hosts_start = by_at + 1 if by_at >= 0 else clause_start
        subject = copula_subject(finder, clause_start) if by_at < 0 else None
        if subject is not None:
            hosts_start += 1  # “X”活动，是A、B共同主办的主题活动: X is the event the hosts hold
        leads, partners = leads_and_partners(f[hosts_start:m.start()], hosts_start)
        if not leads:
            continue
        supports, after, verb = host_supports_after(f, m.end(), c)
        supports = partners + supports
        verbs = [verb] if verb else []
        more, further, more_verb = host_supports_after(f, after, c) if verb else ([], after, "")
        while more_verb:  # A主办，B承办，C、D协办: each supporting clause in turn
            supports, after = supports + more, further
            verbs.append(more_verb)
            more, further, more_verb = host_supports_after(f, after, c)
        if subject is not None:
            event = subject
        elif f.startswith("的", after):
            event = event_after(finder, after + 1, finder.clause_end(after + 1, sent_end), c)
        elif by_at >= 0:
            event = event_before(finder, clause_start, by_at, c)
        elif guided is not None:
            event = event_before(finder, finder.clause_start(guide_by), guide_by, c)
        else:
            event = event_after(finder, after, sent_end, c)
        if event is None:
            finder.unattached.append((m.start(), "hosts"))
            continue
        assign_units(finder, m.start(), leads, supports, [event], "，".join([m.group(0)] + verbs), "hosts")
        read.add((sent_start, sent_end))


@lru_cache(maxsize=4)
def _role_re(c: Cues) -> re.Pattern[str]:
    """作为(本次)活动主办单位: a host's role, the kind of event it is of before it."""
    anaphors = "|".join(map(re.escape, c.event_anaphors))
    roles = "|".join(re.escape(w) for w, _ in c.host_roles)
    return re.compile(r"作为(?:" + anaphors + r")?(?P<head>[\u4e00-\u9fff]{0,8}?)(?P<role>" + roles + r")(?:之一)?(?=[，。；,]|$)")


_ROLE_REACH = 600  # how far before the role the event it is of may be named (a notice's 活动组织管理 section)


def hosts_by_role(finder: RelationFinder) -> None:
    """北京市卫生计生委、北京市体育局…作为活动主办单位: the units before 作为 hold the role of the event
    the text named before, within a few paragraphs (the last one of the kind the role names: 活动, 大会):
    hosts lead it, those 作为承办单位/协办单位 support it. Every unit must be one (:func:`all_units`)."""
    c = cues()
    f = finder.ctx.folded
    if "作为" not in f or not c.host_roles:
        return
    kinds = dict(c.host_roles)
    for m in _role_re(c).finditer(f):
        clause_start = finder.clause_start(m.start())
        units = all_units(f[clause_start:m.start()], clause_start)
        if not units:
            continue
        head = m.group("head")
        if head not in c.host_role_events:
            continue  # 作为主办单位 (no kind said), 作为项目主办单位: no event the text held named before
        units = [(a, b) for a, b in units if finder.names_a_body(a, b)]
        if not units:
            continue  # 中心作为活动承办单位: each unit a body the text names
        lo = max(0, clause_start - _ROLE_REACH)
        before = [p for p in finder.programs_in(lo, clause_start) if p.key.name.endswith(head) or f[p.start:p.end].endswith(head)]
        if not before:
            finder.unattached.append((m.start(), "hosts_by_role"))
            continue
        leads, supports = (units, []) if kinds[m.group("role")] == "lead" else ([], units)
        assign_units(finder, m.start(), leads, supports, [before[-1].key], "作为" + m.group("role"), "hosts_by_role")


_GOVERNING = ("政府", "党委", "县委", "市委", "区委", "省委", "乡委", "镇委")


def deciders(finder: RelationFinder) -> None:
    """县爱卫会决定，从4月1日至4月30日，在全县范围内广泛开展爱国卫生月活动: the body that decides to
    carry out an event in its own sentence leads it. The body opens its clause and is a unit;
    the event is the first one named after an organising verb (开展, 举办 …) in the same
    sentence, else the phrase before the next event head."""
    c = cues()
    f = finder.ctx.folded
    if "决定" not in f:
        return
    for m in re.finditer("决定", f):
        clause_start = finder.clause_start(m.start())
        leads = all_units(f[clause_start:m.start()], clause_start)
        if not leads or any(f[s:e].endswith(_GOVERNING) for s, e in leads):
            continue  # 乡党委、政府决定…: the area's government decides; no body of the text carries it out
        sent_start, sent_end = finder.sentence(m.start())
        verbs = [(f.find(v, m.end(), sent_end), v) for v in c.joint_organiser_verbs]
        verbs = [(i, v) for i, v in verbs if i >= 0]
        if not verbs:
            continue
        at, verb = min(verbs)
        event = event_after(finder, at + len(verb), finder.clause_end(at + len(verb), sent_end), c)
        if event is not None:
            assign_units(finder, m.start(), leads, [], [event], "决定…" + verb, "deciders")
