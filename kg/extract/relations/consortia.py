"""Consortium roles: 以A为龙头/核心的B, 以A牵头的“B”, 以A为核心，…组建B, member lists
(联盟医院分别是A、B), and the
members a consortium's own name gives (复旦-闵行健康联合体 → 复旦大学)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.entities.consortia import KIND_AFTER
from kg.extract.model import CONSORTIUM, GROUP, HOSPITAL, EntityKey, Mention
from kg.extract.relations.clauses import all_units, split_units
from kg.extract.relations.cues import Cues, cues
from kg.extract.relations.finder import RelationFinder
from kg.extract.relations.units import collective_entity, unit_entities

def _alt(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, words))


@dataclass(frozen=True)
class _Patterns:
    """The consortium patterns, made from the words of responsibility.json ("consortia")."""

    role: re.Pattern[str]       # 以A为龙头的B, 以A牵头的“B”
    core: re.Pattern[str]       # 以A为核心，
    build: re.Pattern[str]      # 组建(了)
    kind_model: re.Pattern[str]  # 医共体模式: a kind of consortium named as a model
    members_follow: re.Pattern[str]
    roll_heading: re.Pattern[str]
    members_heading: re.Pattern[str]  # 联盟单位（按省市排序）: a line of its own naming the members that follow
    members_end: re.Pattern[str]
    member_roles: tuple[str, ...]
    members_closed: re.Pattern[str]  # …等多家成员单位: what closes a list as the members
    counted_again: re.Pattern[str]  # 这5家单位分别是: the hospitals a sentence counted, listed
    joins: re.Pattern[str]  # A正式加入“X”: a member joining
    founded_by: re.Pattern[str]  # 由A、B牵头，发起成立了: the units that lead a founding
    forming: re.Pattern[str]  # 组成: what the members do together
    together: tuple[str, ...]  # 合作，/共同 before it
    seats: re.Pattern[str]  # (等31家医疗机构)担任/为(首批)理事成员单位: the hospitals before hold a seat of it
    initiated: re.Pattern[str]  # 由A、B共同倡议发起的“X”: the hospitals that initiate X
    joined_then_listed: re.Pattern[str]  # 也正式加入联盟，分别是：A、B: those who joined the consortium named before


@lru_cache(maxsize=4)
def _patterns(c: Cues) -> _Patterns:
    w = c.consortia
    kinds = _alt(w["kinds"])
    return _Patterns(
        role=re.compile(r"以([^，。；以\n]{2,20}?)(" + _alt(w["lead_roles"] + w["member_roles"]) + r")的([^，。；\n]{0,20}?)"
                        r"(“[^”]{2,12}”|(?:" + kinds + r"))"),
        core=re.compile(r"以([^，。；以\n]{2,20}?)(" + _alt(w["built_around_roles"]) + r")[，,]"),
        build=re.compile(r"(?:" + _alt(w["build_verbs"]) + r")(?:了)?"),
        kind_model=re.compile(r"(?:" + kinds + r")(?:" + "|".join(KIND_AFTER) + ")"),
        # …联盟单位加入，分别包含A、B: the units that joined, then who they are
        members_follow=re.compile(r"(?:" + _alt(w["member_bodies"]) + r")(?:" + _alt(w["member_words"]) + r")?(?:"
                                  + _alt(w["join_words"]) + r")?(?:分别)?(?:" + _alt(w["list_openers"]) + r")[：:，,]?"),
        # a line of its own that heads a roll of members: 专科联盟首届理事单位成员名单, 医联体成员单位名单：
        roll_heading=re.compile(r"(?m)^[ \t]*[^\n。，；]{0,24}?(?:" + _alt(w["member_bodies"] + w["member_words"]) + r")[^\n。，；]{0,12}?"
                                + _alt(w["roll_headings"]) + r"[ \t]*[：:]?[ \t]*$"),
        members_heading=re.compile(r"(?m)^[ \t]*(?:" + _alt(w["member_bodies"]) + r")?(?:" + _alt(w["roll_member_words"])
                                   + r")[ \t]*(?:[（(][^）)\n]{1,12}[）)])?[ \t]*[：:]?[ \t]*$"),
        members_end=re.compile(r"(?:" + _alt(w["list_closers"]) + r")(?:首批|第一批)?(?:" + _alt(w["list_closing_bodies"])
                               + r")?(?:" + _alt(w["list_closing_words"]) + r")"),
        member_roles=w["member_roles"],
        members_closed=re.compile(r"等(?:多|几|\d+|[一二两三四五六七八九十]+)?(?:家|个|所)(?:" + _alt(w["list_closing_words"]) + r")"),
        counted_again=re.compile(r"这(?:\d+|[一二两三四五六七八九十]+)(?:家|所)(?:" + _alt(w["counted_list_nouns"]) + r")?(?:分别)?(?:"
                                 + _alt(w["list_openers"]) + r")[：:，,]?"),
        joins=re.compile(r"(?:" + _alt(w["joining_verbs"]) + r")"),
        founded_by=re.compile(r"由([^，。；：\n]{2,120}?)牵头[，,]?(?:共同)?(?:发起)?(?:" + _alt(w["founding_verbs"]) + r")了?"),
        forming=re.compile(r"(?:" + _alt(w["forming_verbs"]) + r")了?"),
        together=w["together_words"],
        seats=re.compile(r"(?:等(?:\d+|[一二两三四五六七八九十百]+)(?:家|个|所)(?:医疗机构|医疗卫生机构|医院|单位))?(?:"
                         + _alt(w["role_verbs"]) + r")(?:首批|第一批)?(?:" + _alt(w["seat_words"]) + r")(?=[，。；,;]|$)"),
        initiated=re.compile(r"由([^，。；：\n]{2,300}?)(?:" + _alt(w["initiating_verbs"]) + r")的“?"),
        joined_then_listed=re.compile(r"(?:" + _alt(w["joining_verbs"]) + r")(?:" + _alt(w["member_bodies"]) + r")[，,]?(?:分别)?(?:"
                                      + _alt(w["list_openers"]) + r")[：:，,]?"))


def _kind(role: str, p: _Patterns) -> str:
    """A core (核心) institution is a member; a head (龙头, 牵头) leads."""
    return "member" if role in p.member_roles else "lead"


def consortium_roles(finder: RelationFinder) -> None:
    """以A为龙头/核心的B; 以A牵头的“B”."""
    f = finder.ctx.folded
    p = _patterns(cues())
    for m in p.role.finditer(f):
        a_s, a_e = m.span(1)
        b_s, b_e = m.span(4)
        after = f[b_e:b_e + 8]
        if f[b_s] == "“" and (after.startswith(KIND_AFTER) or p.kind_model.match(after)):
            continue  # 以县级医院为龙头的“1+X+N”医共体模式: a model, no one consortium
        src = collective_entity(finder, a_s, a_e)
        if src is None:
            continue
        dst = _consortium_end(finder, m.start(3), b_s, b_e)
        if dst:
            finder.add(_kind(m.group(2), p), src, dst, m.start(), m.group(2))


def founders(finder: RelationFinder) -> None:
    """由上海市第一人民医院、浙江省人民医院…牵头，发起成立了“长三角医院协同发展战略联盟”: each unit
    that leads the founding of the consortium named right after the verb leads it."""
    f = finder.ctx.folded
    if "牵头" not in f:
        return
    for m in _patterns(cues()).founded_by.finditer(f):
        at = m.end() + (1 if f.startswith("“", m.end()) else 0)
        named = [o for o in finder.index.starting_at(at) if o.key.type == CONSORTIUM]
        if not named:
            continue
        spans = all_units(f[m.start(1):m.end(1)], m.start(1))
        keys = [k for a, b in spans for k in unit_entities(finder, a, b)]
        if spans and len(keys) >= len(spans):
            for key in keys:
                finder.add("lead", key, named[0].key, m.start(), "牵头")


# the consortium opening a clause, then the copula or 由 before the list of what forms it
_FORMED_SUBJECT = re.compile(r"(?P<name>[^，。；：\n]{4,30}?)(?:是由|由|是)")


def formers(finder: RelationFinder) -> None:
    """宝鸡市中心医院与天水市第一人民医院、甘肃医学院附属医院合作，组成关天经济区医院联盟: every
    hospital of the list that forms the consortium is its member (a list that is not all hospitals, none)."""
    f = finder.ctx.folded
    p = _patterns(cues())
    for m in p.forming.finditer(f):
        named = [o for o in finder.index.starting_at(m.end()) if o.key.type == CONSORTIUM]
        end = m.start()
        for word in p.together:  # 合作，组成 / 共同组成: the list ends before them
            if f.endswith(word, 0, end):
                end -= len(word)
                break
        start = finder.clause_start(end, reach=200)
        if not named:
            # X是(由)A联合B、C等组成: the consortium is the subject, its members listed after the copula
            subject = _FORMED_SUBJECT.match(f, start, end)
            named = [o for o in finder.index.starting_at(start) if o.key.type == CONSORTIUM and subject
                     and o.end == start + len(subject.group("name"))]
            if not named:
                continue
            start += len(subject.group(0))
        spans = split_units(re.sub("与|联合", lambda w: "、".ljust(len(w.group(0)), " "), f[start:end]), start)
        hospitals = [_hospital_item(finder, a, b) for a, b in spans]
        if len(spans) >= 2 and None not in hospitals:
            for key in hospitals:
                finder.add("member", key, named[0].key, m.start(), m.group(0))


def joined_members(finder: RelationFinder) -> None:
    """内蒙古自治区儿童医院正式加入“东北儿童医院发展联盟”: the hospital that joins the consortium
    named right after the verb is its member."""
    f = finder.ctx.folded
    for m in _patterns(cues()).joins.finditer(f):
        named = [o for o in finder.index.starting_at(m.end() + (1 if f.startswith("“", m.end()) else 0))
                 if o.key.type == CONSORTIUM]
        joiner = [o for o in finder.index.ending_at(m.start()) if o.key.type == HOSPITAL]
        if named and joiner:
            finder.add("member", joiner[0].key, named[0].key, m.start(), m.group(0))


def consortium_cores(finder: RelationFinder) -> None:
    """以A为核心/龙头，…组建B: the consortium is built around A."""
    f = finder.ctx.folded
    p = _patterns(cues())
    for m in p.core.finditer(f):
        s_end = finder.sentence(m.start())[1]
        for b in p.build.finditer(f, m.end(), s_end):
            named = [o for o in finder.index.starting_at(b.end()) + finder.index.starting_at(b.end() + 1)
                     if o.key.type == CONSORTIUM]
            if named:
                orgs = finder.orgs_in(*m.span(1))
                if orgs:
                    finder.add(_kind(m.group(2), p), orgs[0].key, named[0].key, m.start(), m.group(2))
                break


# a list of a consortium's members follows its cue (联盟医院分别是A、B; 宣读了联盟成员名单，A、B) or
# ends with one (A、B和C成为首批联盟单位): _Patterns.members_follow and members_end
_LIST_STOP = re.compile(r"[。；！？\n]")
_CLAUSE_STOP = re.compile(r"[，。；！？：\n]")
_COUNTED_REST = re.compile(r"等(?:\d+|[一二两三四五六七八九十百]+)?(?:家|个|所)?(?:医疗机构|医疗卫生机构|单位|医院|成员单位)?(?=[，。；）]|$)")


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
    p = _patterns(cues())
    for m in p.members_follow.finditer(f):
        stop = _LIST_STOP.search(f, m.end())
        end = stop.start() if stop else len(f)
        tail = p.members_end.search(f, m.end(), end)
        spans.append((m.end(), tail.start() if tail else end, m.group(0)))
    for c in consortia:  # 湘潭市城市医疗集团成员单位A、B、C等25家医疗机构: the list right after its name
        word = next((w for w in finder.ctx.g.consortium_member_words if f.startswith(w, c.end)), None)
        if word is None:
            continue
        s = c.end + len(word)
        stop = _CLAUSE_STOP.search(f, s)
        e = stop.start() if stop else len(f)
        counted = _COUNTED_REST.search(f, s, e)
        spans.append((s, counted.start() if counted else e, word))
    for m in p.joined_then_listed.finditer(f):  # 16家医院也正式加入联盟，分别是：A、B…: the members who joined
        stop = _LIST_STOP.search(f, m.end())
        spans.append((m.end(), stop.start() if stop else len(f), m.group(0)))
    for m in p.counted_again.finditer(f):  # 这5家单位分别是A、B…: the hospitals counted before, listed
        stop = _LIST_STOP.search(f, m.end())
        spans.append((m.end(), stop.start() if stop else len(f), m.group(0)))
    spans += _lists_closed_as_members(finder, p)
    listed = [(s, split_units(f[s:e].replace("和", "、"), s), cue) for s, e, cue in spans]
    listed += _member_list_lines(f, p)
    for s, items, cue in listed:
        before = [c for c in consortia if c.end <= s]
        if not before:
            continue
        hospitals = [_hospital_item(finder, a, b) for a, b in items]
        found = [key for key in hospitals if key is not None]
        if len(found) < 2 or len(found) * 2 <= len(hospitals):
            continue  # mostly items that are no hospital the text names: not read as a member list
        for key in found:  # an item the text does not name as a hospital is left out, not guessed
            finder.add("member", key, before[-1].key, s, cue)


def initiators(finder: RelationFinder) -> None:
    """由长春市儿童医院、大连市儿童医院…共同倡议发起的“东北儿童医院发展联盟”在大连成立: the hospitals that
    initiate the consortium named right after are its members; a list with an item that is no hospital the
    text names gives nothing."""
    f = finder.ctx.folded
    for m in _patterns(cues()).initiated.finditer(f):
        named = [o for o in finder.index.starting_at(m.end()) if o.key.type == CONSORTIUM]
        if not named:
            continue
        items = split_units(f[m.start(1):m.end(1)], m.start(1))
        hospitals = [_hospital_item(finder, a, b) for a, b in items]
        if items and None not in hospitals:
            for key in hospitals:
                finder.add("member", key, named[0].key, m.start(), f[m.end(1):m.end()].rstrip("“的"))


def seat_holders(finder: RelationFinder) -> None:
    """市中心医院担任理事长单位，市第一人民医院、市中医医院担任副理事长单位。苍溪县人民医院等31家医疗机构为理事
    成员单位: the hospitals that hold a seat of the consortium the text named before are its members. The
    list is the clause before the seat, more than half its items hospitals the text names; a seat of no
    consortium named before gives nothing."""
    f = finder.ctx.folded
    consortia = sorted((m for m in finder.mentions if m.key.type == CONSORTIUM), key=lambda m: m.start)
    if not consortia:
        return
    for m in _patterns(cues()).seats.finditer(f):
        before = [c for c in consortia if c.end <= m.start()]
        if not before:
            continue
        start = max(finder.clause_start(m.start()), before[-1].end)
        items = split_units(f[start:m.start()], start)
        hospitals = [_hospital_item(finder, a, b) for a, b in items]
        found = [key for key in hospitals if key is not None]
        if found and len(found) * 2 > len(hospitals):
            for key in found:
                finder.add("member", key, before[-1].key, m.start(), m.group(0))


def _hospital_item(finder: RelationFinder, a: int, b: int) -> EntityKey | None:
    """The hospital a list item names whole, or None: 北京大学第三医院（北京大学眼科中心） is the hospital,
    its other name in brackets."""
    f = finder.ctx.folded
    if f[b - 1:b] in "）)" and (br := max(f.rfind("（", a, b), f.rfind("(", a, b))) > a:
        b = br
    whole = [o for o in finder.orgs_in(a, b) if o.start <= a and o.end >= b and o.key.type == HOSPITAL]
    return whole[0].key if whole else None


def _lists_closed_as_members(finder: RelationFinder, p: _Patterns) -> list[tuple[int, int, str]]:
    """来自A、B、C及D等多家成员单位代表，共同见证了“X”的成立: a list of hospitals its clause closes as
    members (等多家成员单位, 等12家联盟单位), the list from the clause's first hospital (past 来自)."""
    f = finder.ctx.folded
    out = []
    for m in p.members_closed.finditer(f):
        opened = finder.clause_start(m.start(), reach=300)
        first = min((o.start for o in finder.orgs_in(opened, m.start()) if o.key.type == HOSPITAL), default=None)
        if first is not None and first - opened <= 4:  # 来自, 包括: a word or two before the list
            out.append((first, m.start(), m.group(0)))
    return out


_ITEM_LINE = re.compile(r"[ \t]*(?:\d{1,3}|[一二三四五六七八九十]{1,3})[ \t]*[、.．][ \t]*([^\n]+?)[ \t]*[。；;]?[ \t]*(?:\n|$)")


# a line of a roll that lists the members of one place or group after its label (北京市：A、B、C)
_LABELLED_LINE = re.compile(r"[ \t]*[\u4e00-\u9fff]{2,8}[：:][ \t]*([^\n]+?)[ \t]*[。；;、]?[ \t]*(?:\n|$)")


def _member_list_lines(f: str, p: _Patterns) -> list[tuple[int, list[tuple[int, int]], str]]:
    """A member list set out as a roll under its own heading line: one member a numbered line
    (专科联盟首届理事单位成员名单 / 1、A / 2、B …), or, under a heading that names the members alone
    (联盟单位（按省市排序）), the members of each place on a line after its label (北京市：A、B、C).
    The (start, item spans, heading) of each such roll."""
    out = []
    for m in p.roll_heading.finditer(f):
        pos, items = m.end(), []
        while True:
            while f.startswith("\n", pos) or f.startswith(" ", pos):
                pos += 1
            item = _ITEM_LINE.match(f, pos)
            if item is None:
                break
            items.append((item.start(1), item.end(1)))
            pos = item.end()
        if items:
            out.append((m.end(), items, m.group(0).strip()))
    for m in p.members_heading.finditer(f):
        pos, items = m.end(), []
        while True:
            while f.startswith(("\n", " ", "\t"), pos):
                pos += 1
            line = _LABELLED_LINE.match(f, pos)
            if line is None:
                break
            items.extend(split_units(line.group(1), line.start(1)))
            pos = line.end()
        if items:
            out.append((m.end(), items, m.group(0).strip()))
    return out


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
