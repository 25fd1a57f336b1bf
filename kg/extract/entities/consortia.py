"""Medical consortia (医联体, 医共体, 专科联盟, 医院集团) and the members their names give.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.anchored import finditer_from
from kg.extract.entities.common import (
    QUOTED,
    Context,
    cut_at_region,
    hospital_gazetteer,
    strip_region_prefix,
)
from kg.extract.model import (
    CONSORTIUM,
    HOSPITAL,
    ORGANIZATION,
    EntityKey,
    Mention,
)
from kg.extract.entities.hospitals import canonical_hospital
from kg.spans import SpanSet
from kg.names.bodies import level_region
from kg.names.regions import Region, regions


# after a hospital's name inside a consortium's, the hospitals it works with (…医院协作医院专科联盟)
_PARTNER_HOSPITALS = ("协作医院", "合作医院", "帮扶医院", "成员医院")


def _consortium_members(ctx: Context, label: str, region: Region | None = None) -> list[Mention]:
    """Members named inside a consortium's name: "龙华-闵行" → 龙华医院 (the district
    side is a region, not a member); "瑞金嘉定" → 瑞金医院."""
    by_alias, by_short, _ = hospital_gazetteer()
    if not label:
        return []
    parts = [p for p in re.split(r"[-—–－]", label) if p]
    fam = regions().family_shorts(ctx.doc_region) if ctx.doc_region else {}
    region_names = set(fam) | ({ctx.doc_region.name} if ctx.doc_region else set())
    if len(parts) == 1:
        for rn in sorted(region_names, key=len, reverse=True):
            if label.endswith(rn) and len(label) > len(rn):
                parts = [label[: -len(rn)], rn]
                break
            if label.startswith(rn) and len(label) > len(rn):
                rest = label[len(rn):]
                # 松江区中心医院医联体: the member is the region's own 中心医院, not a bare one
                parts = [rn, rest] if (rest in by_alias or rest in by_short) else [label]
                break
    out = []
    for p in parts:
        if p in region_names:
            continue
        partners = next((w for w in _PARTNER_HOSPITALS if p.endswith(w)), "")
        if partners and p[: -len(partners)].endswith(("医院", "中心")):
            p = p[: -len(partners)]  # 天津市眼科医院协作医院专科联盟: the alliance of that hospital's partners; it is the member
        h = by_alias.get(p) or by_short.get(p)
        if h is None and p.endswith(("医院", "中心")):
            # 桐乡市第一人民医院医共体: the member is the region's own 第一人民医院
            name = (region.name + p) if region is not None and not p.startswith(region.name) else p
            out.append(Mention(0, 0, EntityKey(HOSPITAL, name), name))
            continue
        if h is None:
            continue
        typ = ORGANIZATION if h.get("type") == "Organization" else HOSPITAL
        out.append(Mention(0, 0, EntityKey(typ, h["name"]), p))
    return out


def _hospital_pair(ctx: Context, right_start: int, suffix_start: int) -> tuple[int, list[EntityKey]] | None:
    """(start, the two hospitals) of a consortium named "A与B医联体", A and B each a
    hospital's name (湖南省人民医院与衡山县人民医院医联体); None otherwise."""
    f, g = ctx.folded, ctx.g
    if right_start < 2 or f[right_start - 1] not in "与和":
        return None
    right = [x for x in g.hospital_suffix.finditer(f, right_start, suffix_start) if x.end() == suffix_start]
    left_end = right_start - 1
    left = [x for x in g.hospital_suffix.finditer(f, max(0, left_end - 24), left_end) if x.end() == left_end]
    if not right or not left:
        return None
    left_start = cut_at_region(ctx, g.left_extend(f, left[-1].start(), max_len=20), left[-1].start())
    keys = []
    for a, b, suffix in ((left_start, left_end, left[-1].group(0)), (right_start, suffix_start, right[0].group(0))):
        found = canonical_hospital(ctx, a, b, suffix)
        if found is None or b - a <= len(suffix):
            return None
        keys.append(EntityKey(HOSPITAL, found[0]))
    return left_start, keys


_SPECIALTY = re.compile(r"[\u4e00-\u9fff]{2,8}")


def _hospital_specialty(ctx: Context, suffix_start: int) -> tuple[int, EntityKey] | None:
    """(start, hospital) of "<hospital><specialty>专科联盟" (东南大学附属中大医院生殖健康专科联盟):
    a hospital's name, then two to eight characters of specialty; None otherwise."""
    f, g = ctx.folded, ctx.g
    for h in g.hospital_suffix.finditer(f, max(0, suffix_start - 12), suffix_start):
        specialty = f[h.end():suffix_start]
        if not _SPECIALTY.fullmatch(specialty) or g.hospital_suffix.search(specialty):
            continue
        if g.left_extend(f, suffix_start, floor=h.end()) != h.end():
            continue  # a verb between them (…医院签署生殖医学专科联盟协议): the hospital does, it names nothing
        start = cut_at_region(ctx, g.left_extend(f, h.start(), max_len=20), h.start())
        found = canonical_hospital(ctx, start, h.end(), h.group(0)) if h.end() - start > len(h.group(0)) else None
        if found is not None:
            return start, EntityKey(HOSPITAL, found[0])
    return None


def _joint_name_end(f: str, end: int, g) -> int:  # noqa: ANN001 - the grammar
    """The end of a name joined by 暨 (…医联体暨妇产科专科联盟: one consortium, two names)."""
    if f.startswith("暨", end):
        m = g.consortium_suffix.search(f, end + 1, min(len(f), end + 16))
        if m and re.fullmatch(r"[\u4e00-\u9fff]*", f[end + 1:m.start()]):
            return m.end()
    return end


# after a consortium word, a noun that makes the phrase a kind of consortium (…医共体模式)
KIND_AFTER = ("模式", "体系", "改革", "试点", "理念", "机制")


@lru_cache(maxsize=8)
def _quoted_names_pattern(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    """One to six quoted names, an optional count (三大), a specialty and a consortium
    suffix; every match begins with “."""
    return re.compile(r"((?:“[^“”\n]{1,20}”[、和及]?){1,6})([一二三四五六七八九十两\d]+大)?([\u4e00-\u9fff]{0,6}?)("
                      + "|".join(suffixes) + ")")


def find_consortia(ctx: Context, hospitals: list[Mention] = ()) -> tuple[list[Mention], list[tuple[Mention, Mention]]]:
    """Named consortia and the members their names give, as (member, consortium); ``hospitals``
    are the hospitals read already, for the groups named by their core hospital."""
    f = ctx.folded
    g = ctx.g
    out: list[Mention] = []
    members: list[tuple[Mention, Mention]] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, name: str, label: str, name_region: Region | None = None) -> None:
        region = ctx.doc_region
        mention = Mention(s, e, EntityKey(CONSORTIUM, name), ctx.surface(s, e), region=region.code if region else "")
        out.append(mention)
        taken.append((s, e))
        for mem in _consortium_members(ctx, label, name_region):
            mem.start, mem.end = s, e
            members.append((mem, mention))

    # “A”“B”“C”三大紧密型医联体 and “A”中医医疗联合体
    for m in finditer_from(_quoted_names_pattern(g.consortium_suffixes), f, "“"):
        if f.startswith(KIND_AFTER, m.end()):
            continue  # “1+X+N”医共体模式: a model of consortium, not one consortium
        suffix = m.group(3) + m.group(4)  # “瑞金—静安”心血管专科联盟: the specialty is part of the name
        for q in QUOTED.finditer(m.group(1)):
            inner = q.group(1)
            qs = m.start(1) + q.start(1)
            if "、" in inner or "，" in inner:
                continue
            if inner in g.consortium_suffixes or any(inner.endswith(x) for x in g.consortium_suffixes + g.alliance_endings):
                continue  # “长三角医院协同发展战略联盟”在合肥发布专科联盟: the quote is the name whole
            name = inner + suffix
            add(qs, qs + len(inner), name, inner)
    # quoted full names: “复旦-闵行健康联合体”
    for q in QUOTED.finditer(f):
        inner = q.group(1)
        if "、" in inner or "，" in inner:
            continue  # a quoted list of forms ("全面托管、…、医疗联合体"), not a name
        ceremony = next((c for c in g.consortium_ceremonies if inner.endswith(c) and len(inner) > len(c) + 4), "")
        inner = inner[: len(inner) - len(ceremony)]  # “生殖医学专科联盟签约授牌仪式”: the consortium, then its ceremony
        for suf in g.consortium_suffixes:
            if inner.endswith(suf) and len(inner) > len(suf) + 1:
                label = inner[: -len(suf)]
                if label in g.consortium_generic:
                    break
                add(q.start(1), q.start(1) + len(inner), inner, label)
                break
        else:
            if inner.endswith(g.alliance_endings) and len(inner) >= 6 and any(w in inner for w in g.alliance_medical_words):
                add(q.start(1), q.start(1) + len(inner), inner, "")  # “东北儿童医院发展联盟”: an alliance of hospitals
    # unquoted: <region><specialty>专科联盟 — a consortium written without quotes carries
    # its region (full name or level character) and a short specialty in front
    taken_set = SpanSet(taken)
    for m in g.consortium_suffix.finditer(f):
        if taken_set.covers(m.start(), slack=2):
            continue
        s = g.left_extend(f, m.start(), max_len=14)
        s = cut_at_region(ctx, s, m.start())
        joint = _hospital_pair(ctx, s, m.start())
        if joint is not None:  # 湖南省人民医院与衡山县人民医院医联体: named by its two hospitals
            s0, sides = joint
            end = _joint_name_end(f, m.end(), g)
            name = f[s0:end]
            mention = Mention(s0, end, EntityKey(CONSORTIUM, name), ctx.surface(s0, end),
                              region=ctx.doc_region.code if ctx.doc_region else "")
            out.append(mention)
            taken.append((s0, end))
            for key in sides:
                members.append((Mention(s0, end, key, ctx.surface(s0, end)), mention))
            continue
        named_by = _hospital_specialty(ctx, m.start())
        if named_by is not None and not (s > 0 and f[s - 1] in "“”"):
            # 东南大学附属中大医院生殖健康专科联盟: a hospital's own alliance of one specialty
            s0, key = named_by
            mention = Mention(s0, m.end(), EntityKey(CONSORTIUM, f[s0:m.end()]), ctx.surface(s0, m.end()),
                              region=ctx.doc_region.code if ctx.doc_region else "")
            out.append(mention)
            taken.append((s0, m.end()))
            members.append((Mention(s0, m.end(), key, ctx.surface(s0, m.end())), mention))
            continue
        two_party = re.fullmatch(r"[\u4e00-\u9fff]{2,8}[-—–－][\u4e00-\u9fff]{2,12}", f[s:m.start()])
        if two_party and not (s > 0 and f[s - 1] in "“”"):
            # 华山-静安神经专科联盟: a two-party name needs no region in front
            add(s, m.end(), f[s:m.end()], f[s:m.start()], ctx.doc_region)
            continue
        if f.startswith(_NATIONAL, s) and 4 <= m.start() - s - len(_NATIONAL) <= 12 and not (s > 0 and f[s - 1] in "“”") \
                and not re.search(r"[\d年内方面各该本、，]", f[s:m.start()]):
            add(s, m.end(), f[s:m.end()], "", None)  # 国家儿童医学中心眼科专科联盟: a national consortium, no region of its own
            continue
        core_start, region = strip_region_prefix(ctx, s, m.start())
        level = ""
        if region is None and f[s:s + 1] in "区市县" and f[s + 1:s + 2] not in "域属级内外间":
            level, core_start = f[s], s + 1
            region = level_region(level, ctx.level_base)
        core = f[core_start:m.start()]
        group_name = m.group(0) in ("医院集团", "医疗集团") and not level and core == ""  # 罗湖医院集团
        if region is None or not (group_name or 2 <= len(core) <= 8) or re.search(r"[\d年内方面各该本、，]", core):
            continue
        regional = (region.level in g.consortium_kinds_of_a_region.get(core, ()) and not level
                    and f[s:core_start].endswith(region.name) and not f.startswith(g.consortium_kind_works, m.end()))
        if not group_name and not regional and (core in g.consortium_generic or g.generic_org_prefixes.covers(core)):
            continue  # 城市医联体, 县域医共体: a kind (but 湘潭市城市医疗集团, the city's own); 儿科专科联盟: the specialty names it
        if s > 0 and f[s - 1] in "“”":
            continue
        full_prefix = level or f[s:core_start].endswith(region.name)
        name = (region.name + f[core_start:m.end()]) if full_prefix else f[s:m.end()]  # a short form stays as written
        # members come from the name only when it names a hospital (桐乡市第一人民医院医共体);
        # in 儿科专科联盟 the core is a specialty
        add(s, m.end(), name, core if core.endswith(("医院", "中心", "卫生院")) else "", region)
    # 宁夏医科大学总医院医院集团, 浙江大学医学院附属第一医院医疗集团: a group named by its core hospital, its member
    taken_set = SpanSet(taken)
    for h in hospitals:
        suffix = next((x for x in g.hospital_group_suffixes if f.startswith(x, h.end)), None)
        if suffix is None or taken_set.covers(h.start, slack=0) or (h.start > 0 and f[h.start - 1] in "“”"):
            continue
        e = h.end + len(suffix)
        mention = Mention(h.start, e, EntityKey(CONSORTIUM, f[h.start:e]), ctx.surface(h.start, e),
                          region=ctx.doc_region.code if ctx.doc_region else "")
        out.append(mention)
        members.append((Mention(h.start, e, h.key, h.surface, region=h.region), mention))
    _merge_suffix_forms(out)
    return out, members


_NATIONAL = "国家"  # what opens the name of a national consortium (国家儿童医学中心眼科专科联盟)


def _merge_suffix_forms(found: list[Mention]) -> None:
    """A consortium name that ends another one of the same text (中大医院生殖健康专科联盟 in
    东南大学附属中大医院生殖健康专科联盟) is that consortium written shorter: one entity."""
    names = sorted({m.key.name for m in found}, key=len, reverse=True)
    for m in found:
        longer = next((n for n in names if len(n) > len(m.key.name) and n.endswith(m.key.name)), None)
        if longer is not None and len(m.key.name) >= 6:
            m.key = EntityKey(CONSORTIUM, longer)
