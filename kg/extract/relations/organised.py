"""Bodies a body brings in to act, as news writes it: 秀山县卫生健康委组织县人民医院、县中医医院、
中和街道社区卫生服务中心等医疗卫生单位在花灯广场开展…老年健康宣传周活动; 顺昌县卫生健康局组织县红十字学会、
县疾控中心联合县总工会等相关部门，分别到…开展…宣传周活动.

The body that organises leads the event; the bodies it organised take part in it, so support it
(FORMAT.md: 参与 names a supporting unit). Partners after 联合 (the organised bodies' partners)
are given nothing: annotators name them as supporters, joint leads or not at all. The organiser
must open its clause, the organised must be named bodies (a unit or a hospital), and the event a
program the clause names after the verb; else nothing. The words are data (responsibility.json,
"organised").
"""
from __future__ import annotations

import re

from kg.extract.model import REGION, Mention
from kg.extract.relations.cues import cues
from kg.extract.relations.finder import ORG_TYPES, RelationFinder

# a list item that names no body: a short run of characters up to the next 、 or the list's closing 等
_ITEM = re.compile(r"[\u4e00-\u9fff]{2,10}?(?=[、等]|联合|会同)")
# what may stand before the organiser in its clause: a date (4月20日, 2022年4月20日至24日, 近日) and spaces
_WHEN = re.compile(r"[\s\d年月日号至到—\-－~、]*(?:近日|日前|近期|当天|上午|下午|今年|去年)?[\s]*")


def organised_runs(finder: RelationFinder) -> list[tuple[Mention, list[Mention], int]]:
    """Every (organiser, organised bodies, where the list ends) a text writes as A组织B、C…."""
    from kg.extract.relations.subjects import body_run  # subjects reads prose, which reads this module
    c = cues()
    f = finder.ctx.folded
    if c.organised is None or "组织" not in f:
        return []
    out = []
    for org in (m for m in finder.mentions if m.key.type in ORG_TYPES):
        verb = next((v for v in c.organising_verbs if f.startswith(v, org.end)), "")
        if not verb or f.startswith(c.actor_verbs, org.end + len(verb)):
            continue  # A组织开展X, A组织实施X: the actor rule's
        run, end = body_run(finder.index, f, org.end + len(verb), ORG_TYPES)
        skipped = 0
        while run and f[end:end + 1] == "、" and (item := _ITEM.match(f, end + 1)):
            # A组织B、C、社区卫生服务中心联合开展X, A组织B、C、火车站等有关部门对…进行X: an item that is no body the text
            # names (a bare kind, a place) is left out, the list going on after it; most items must be bodies
            after = item.end()
            more, further = body_run(finder.index, f, after + 1, ORG_TYPES) if f[after:after + 1] == "、" else ([], after)
            if not more and not c.organised.match(f, after) and not f.startswith(c.organised_partner_verbs, after):
                break
            run, end, skipped = run + more, further, skipped + 1
        if skipped * 2 > len(run):
            continue
        if run:
            out.append((org, run, end))
    return out


def organised(finder: RelationFinder) -> None:
    """A组织B、C(等…单位)(联合D等部门)，(在/分别到…)开展X: A leads X, B and C support it."""
    from kg.extract.relations.subjects import body_run  # subjects reads prose, which reads this module
    c = cues()
    f = finder.ctx.folded
    for org, run, end in organised_runs(finder):
        start = finder.clause_start(org.start)
        named_from = min([r.start for r in finder.index.ending_at(org.start) if r.key.type == REGION] + [org.start])
        if not _WHEN.fullmatch(f, start, named_from):  # 秀山县卫生健康委: the region is part of the name
            continue  # the organiser opens its clause, after a date at most (县长要求A组织…: a request; 由A组织…: the organisers rule's)
        tail = c.organised.match(f, end)
        pos = tail.end("tail") if tail and tail.group("tail") else end
        partner = next((v for v in c.organised_partner_verbs if f.startswith(v, pos)), "")
        acting = c.organised.match(f, pos + len(partner)) if partner else None
        if acting and acting.start("verb") == pos + len(partner):
            pos, partner = pos + len(partner), ""  # A组织B、C联合开展X: 联合 says how they act, no partners named
        if partner:
            partners, pos = body_run(finder.index, f, pos + len(partner), ORG_TYPES)
            if not partners:
                continue
        m = c.organised.match(f, pos)
        if not m:
            continue
        _, sent_e = finder.sentence(m.end())
        progs = finder.programs_in(m.end(), finder.clause_end_outside_quotes(m.end(), sent_e))
        if not progs:
            continue
        prog = max(progs, key=lambda p: p.end)
        finder.add("lead", org.key, prog.key, org.start, "组织")
        for o in run:
            finder.add("support", o.key, prog.key, org.start, "组织…" + m.group("verb"))


def organised_bodies(finder: RelationFinder) -> set[int]:
    """The mentions (by id) of the bodies others organise (A组织B、C…: B and C): they act for A,
    so what they do is no program they lead. Read once for the rules that ask (lead_with, actors),
    again only where a rule has added mentions since."""
    cached = finder.memo.get("organised")
    if cached is not None and cached[0] == len(finder.mentions):
        return cached[1]
    ids = {id(o) for _, run, _ in organised_runs(finder) for o in run}
    finder.memo["organised"] = (len(finder.mentions), ids)
    return ids
