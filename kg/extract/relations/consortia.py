"""Consortium roles: 以A为龙头/核心的B, 以A牵头的“B”, 以A为核心，…组建B, member lists
(联盟医院分别是A、B), and the
members a consortium's own name gives (复旦-闵行健康联合体 → 复旦大学)."""
from __future__ import annotations

import re

from kg.extract.entities.consortia import KIND_AFTER
from kg.extract.model import CONSORTIUM, GROUP, HOSPITAL, EntityKey, Mention
from kg.extract.relations.clauses import split_units
from kg.extract.relations.finder import RelationFinder
from kg.extract.relations.units import collective_entity

_ROLE = re.compile(r"以([^，。；以\n]{2,20}?)(为龙头|为核心|为牵头单位|牵头)的([^，。；\n]{0,20}?)"
                   r"(“[^”]{2,12}”|(?:医疗联合体|医联体|健康联合体|医共体|专科联盟))")
_CORE = re.compile(r"以([^，。；以\n]{2,20}?)(为核心|为龙头|为牵头单位)[，,]")
_BUILD = re.compile(r"(?:组建|成立|建立|组成|建成|推动|推进)(?:了)?")


def _kind(role: str) -> str:
    """A core (核心) institution is a member; a head (龙头, 牵头) leads."""
    return "member" if role == "为核心" else "lead"


def consortium_roles(finder: RelationFinder) -> None:
    """以A为龙头/核心的B; 以A牵头的“B”."""
    f = finder.ctx.folded
    for m in _ROLE.finditer(f):
        a_s, a_e = m.span(1)
        b_s, b_e = m.span(4)
        after = f[b_e:b_e + 8]
        if f[b_s] == "“" and (after.startswith(KIND_AFTER) or re.match(r"(?:医疗联合体|医联体|健康联合体|医共体|专科联盟)"
                                                                       r"(?:" + "|".join(KIND_AFTER) + ")", after)):
            continue  # 以县级医院为龙头的“1+X+N”医共体模式: a model, no one consortium
        src = collective_entity(finder, a_s, a_e)
        dst = _consortium_end(finder, m.start(3), b_s, b_e)
        if src and dst:
            finder.add(_kind(m.group(2)), src, dst, m.start(), m.group(2))


def consortium_cores(finder: RelationFinder) -> None:
    """以A为核心/龙头，…组建B: the consortium is built around A."""
    f = finder.ctx.folded
    for m in _CORE.finditer(f):
        s_end = finder.sentence(m.start())[1]
        for b in _BUILD.finditer(f, m.end(), s_end):
            named = [o for o in finder.index.starting_at(b.end()) + finder.index.starting_at(b.end() + 1)
                     if o.key.type == CONSORTIUM]
            if named:
                orgs = finder.orgs_in(*m.span(1))
                if orgs:
                    finder.add(_kind(m.group(2)), orgs[0].key, named[0].key, m.start(), m.group(2))
                break


# the cue that a list of a consortium's members follows (联盟医院分别是A、B; 宣读了联盟成员名单，A、B)
_MEMBERS_FOLLOW = re.compile(r"(?:联盟|医联体|医共体|联合体)(?:成员单位|成员医院|联盟医院|医院|单位|成员)?(?:名单|分别是|分别为|包括)[：:，,]?")
# … or ends it (A、B和C成为首批联盟单位)
_MEMBERS_END = re.compile(r"(?:成为|为|作为)(?:首批|第一批)?(?:联盟|医联体|医共体)?(?:成员单位|联盟单位|成员医院|成员)")
_LIST_STOP = re.compile(r"[。；！？\n]")


def listed_members(finder: RelationFinder) -> None:
    """Members listed after the consortium is named: "18家生殖医学专科联盟医院分别是，A、B…",
    "宣读了联盟成员名单，A、B…和C成为首批联盟单位". Each listed hospital (two at least, and
    more than half the items hospitals the text names) is a member of the consortium named last before
    the list; without a consortium named before it, the list gives nothing."""
    f = finder.ctx.folded
    consortia = sorted((m for m in finder.mentions if m.key.type == CONSORTIUM), key=lambda m: m.start)
    if not consortia:
        return
    spans: list[tuple[int, int, str]] = []
    for m in _MEMBERS_FOLLOW.finditer(f):
        stop = _LIST_STOP.search(f, m.end())
        end = stop.start() if stop else len(f)
        tail = _MEMBERS_END.search(f, m.end(), end)
        spans.append((m.end(), tail.start() if tail else end, m.group(0)))
    for s, e, cue in spans:
        before = [c for c in consortia if c.end <= s]
        if not before:
            continue
        items = split_units(f[s:e].replace("和", "、"), s)
        hospitals = []
        for a, b in items:
            whole = [o for o in finder.orgs_in(a, b) if o.start <= a and o.end >= b and o.key.type == HOSPITAL]
            hospitals.append(whole[0].key if whole else None)
        found = [key for key in hospitals if key is not None]
        if len(found) < 2 or len(found) * 2 <= len(hospitals):
            continue  # mostly items that are no hospital the text names: not read as a member list
        for key in found:  # an item the text does not name as a hospital is left out, not guessed
            finder.add("member", key, before[-1].key, s, cue)


def _consortium_end(finder: RelationFinder, mod_start: int, s: int, e: int) -> EntityKey | None:
    ctx = finder.ctx
    f = ctx.folded
    region = ctx.doc_region
    named = [o for o in finder.index.starting_in(max(0, s - 40), s + 2) if o.key.type == CONSORTIUM and e - 1 <= o.end]
    if named:
        return named[0].key
    inner = f[s:e].strip("“”")
    modifier = f[mod_start:s]
    text = (modifier.replace("各类", "").replace("、", "") if len(modifier) <= 4 else "") + inner
    plural = "各" in modifier or "、" in modifier
    name = (region.name if region else "") + (inner if plural else text)
    key = EntityKey(GROUP if plural or not f[s:s + 1] == "“" else CONSORTIUM, name)
    if key.type == GROUP and not plural and modifier:
        key = EntityKey(GROUP, (region.name if region else "") + modifier + inner)
    finder.new_mentions.append(Mention(s, e, key, ctx.surface(s, e).strip("“”「」"), region=region.code if region else ""))
    return key


def named_members(finder: RelationFinder, pairs: list[tuple[Mention, Mention]]) -> None:
    """Members the entity component read from consortium names."""
    for member, consortium in pairs:
        finder.new_mentions.append(member)
        finder.add("member", member.key, consortium.key, consortium.start, "名称")
