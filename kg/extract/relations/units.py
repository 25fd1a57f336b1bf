"""The organisation a unit of a responsibility list names.

A list item's position says it is a unit, so it is read whole: first as a mention the
entity component found covering it, then by the body grammar (省旅游和文化广电体育厅 →
海南省旅游和文化广电体育厅), then as a collective (各街镇) or a company. Generic
units (相关部门, 各地) name none.
"""
from __future__ import annotations

import re

from kg.extract.entities.departments import ZONE_KINDS, read_unit
from kg.extract.model import DEPARTMENT, GROUP, HOSPITAL, ORGANIZATION, EntityKey, Mention
from kg.extract.relations.clauses import SUBDISTRICT_OFFICE, unit_like
from kg.extract.relations.cues import cues
from kg.extract.relations.finder import RelationFinder
from kg.names.bodies import LEVEL_CHARS, NATIONAL_PREFIXES, bodies, level_region

_COUNT_PREFIX = re.compile(r"^[\d一二三四五六七八九十两]+[家个所]")
_SELF_REFERENCE = re.compile(r"(?:我|本)(?:院|委|局|办|厅|中心|所|站|会)")
# 该院生殖与遗传专科医院 (记者从郑州大学第一附属医院获悉，由该院…医院牵头…): the hospital named before, and one of its own
_HOSPITAL_ANAPHOR = re.compile(r"该院")  # as kg.extract.entities.hospitals reads it
_HOSPITAL_END = ("医院", "分院", "院区")
_BODY_END = ("委", "局", "办", "委员会", "中心", "办公室", "管委会", "厅", "街道", "街道办事处")


def unit_entities(finder: RelationFinder, s: int, e: int, level: str = "") -> list[EntityKey]:
    """The organisations the list item at [s, e) names: one as a rule, two where a
    separator was left out (省委宣传部省科技厅), none for a generic unit. ``level`` is
    the level character the list's previous item opened with: a later item written
    without one keeps it (省教育厅、卫生健康委 — 卫生健康委 is the province's)."""
    ctx = finder.ctx
    f = ctx.folded
    text = f[s:e].strip()
    c = cues()
    for ending in c.generic_endings:  # 区爱卫会相关成员单位: the committee's members stand for it
        if text.endswith(ending) and len(text) > len(ending) + 2:
            head = text[: -len(ending)]
            head = head[:-2] if head.endswith(("相关", "有关")) else head
            if unit_like(head, c) and not head.endswith(("政府", "政府办")):  # 县政府有关部门: its departments, not the government
                return unit_entities(finder, s, s + len(head), level)
            break
    if len(text) < 2 or c.is_generic(text, ctx.g.collective_prefixes):
        return []
    anaphor = _HOSPITAL_ANAPHOR.match(text)
    if anaphor:
        return _of_the_hospital_before(finder, s, e, text[anaphor.end():])
    if _SELF_REFERENCE.fullmatch(text):  # 我院, 本委: the issuer speaking, where the entity component named it
        whole = [o for o in finder.orgs_in(s, e) if o.start <= s and o.end >= e]
        return [whole[0].key] if whole else []
    if level and (text[0] not in LEVEL_CHARS or text in bodies().by_alias) and not _has_own_jurisdiction(finder, s, e):
        read = read_unit(ctx, s, e, level=level)
        if read is not None:
            finder.new_mentions.append(read)
            return [read.key]
    orgs = finder.orgs_in(s, e)
    whole = [o for o in orgs if o.start <= s and o.end >= e]
    if whole:
        return [whole[0].key]
    if len(orgs) >= 2 and orgs[0].start <= s and orgs[-1].end >= e and all(
            a.end == b.start for a, b in zip(orgs, orgs[1:])):
        return [o.key for o in orgs]  # 省委宣传部省科技厅: two bodies, the 、 left out
    bracket = text.find("（")
    if bracket >= 2 and text.endswith("）"):  # 市卫生健康委（市中医药局）: the body, its other name or hosted body after
        outer = [o for o in orgs if o.start <= s and o.end >= s + bracket]
        if outer:
            return [outer[0].key]
    read = read_unit(ctx, s, e)
    if read is not None:
        finder.new_mentions.append(read)
        return [read.key]
    if orgs and (orgs[0].end - orgs[0].start) * 2 > e - s:
        return [orgs[0].key]  # the item is mostly one known name (区卫健委相关科室)
    region = ctx.doc_region
    code = region.code if region else ""
    if text.startswith(ctx.g.collective_prefixes):
        key = EntityKey(GROUP, (region.name if region else "") + text)
    elif text.endswith(ctx.g.company_suffixes):
        key = EntityKey(ORGANIZATION, text)
    elif text.endswith(_BODY_END):
        if text[0] in "区县市省" and not SUBDISTRICT_OFFICE.fullmatch(text):
            r = level_region(text[0], ctx.level_base)
            key = EntityKey(DEPARTMENT, r.name + text[1:] if r else text, "" if r else ctx.unscoped)
        else:
            key = EntityKey(DEPARTMENT, text, "" if region else ctx.unscoped)
    else:
        key = EntityKey(ORGANIZATION, text)
    finder.new_mentions.append(Mention(s, e, key, ctx.surface(s, e), region=code))
    return [key]


def _of_the_hospital_before(finder: RelationFinder, s: int, e: int, rest: str) -> list[EntityKey]:
    """该院 (the hospital): the last hospital named before ``s``; 该院X医院 (a hospital of its own): the
    hospital the entity component named over the item (kg.extract.entities.hospitals resolves it);
    nothing where none is named or X is a ward or an office (该院儿科 is no member of anything)."""
    if rest:
        whole = [o for o in finder.orgs_in(s, e) if o.key.type == HOSPITAL and o.start <= s and o.end >= e]
        return [whole[0].key] if whole and rest.endswith(_HOSPITAL_END) else []
    before = [o for o in finder.index.within(0, s) if o.key.type == HOSPITAL]
    return [max(before, key=lambda o: (o.end, o.end - o.start)).key] if before else []


def list_levels(finder: RelationFinder, spans: list[tuple[int, int]]) -> list[str]:
    """For each item of a list, the level character it inherits from the items before
    it (the last one written with its own): "" where none does."""
    f = finder.ctx.folded
    aliases = bodies().by_alias
    out, current = [], ""
    for s, e in spans:
        own_level = f[s:s + 1] in LEVEL_CHARS and f[s:e] not in aliases  # 市场监管局 opens with no level
        out.append("" if own_level else current)
        if own_level:
            current = f[s]
        elif _has_own_jurisdiction(finder, s, e):
            current = ""
    return out


def _has_own_jurisdiction(finder: RelationFinder, s: int, e: int) -> bool:
    """Does the item open with a region name or a national prefix of its own, or name a
    zone's committee (赣江新区管委会: the zone is its jurisdiction)?"""
    f = finder.ctx.folded
    if any(o.start == s and o.end == e and o.key.type == DEPARTMENT and ZONE_KINDS.search(o.key.name)
           for o in finder.orgs_in(s, e)):
        return True
    return bool(finder.ctx.region_index.starting_at(s)) or f.startswith(NATIONAL_PREFIXES + ("中国", "中共", "共青团"), s)


def collective_entity(finder: RelationFinder, s: int, e: int) -> EntityKey | None:
    """The organisation (or collective: 市级医院, 5家区属医院) at [s, e) in a consortium
    description; none for the writer speaking of itself (以我院为龙头的医联体) where no entity names it."""
    orgs = finder.orgs_in(s, e)
    if orgs:
        return orgs[0].key
    ctx = finder.ctx
    region = ctx.doc_region
    text = _COUNT_PREFIX.sub("", ctx.folded[s:e])
    if _SELF_REFERENCE.fullmatch(text):
        return None  # 我院: which hospital writes, the page does not say here
    key = EntityKey(GROUP, (region.name if region else "") + text)
    finder.new_mentions.append(Mention(s, e, key, ctx.surface(s, e), region=region.code if region else ""))
    return key


def assign_units(finder: RelationFinder, at: int, leads: list[tuple[int, int]], supports: list[tuple[int, int]],
                 tasks: list[EntityKey], cue: str, rule: str) -> None:
    """Each lead unit leads and each supporting unit supports every task; a clause that
    found no task is listed as unattached (kg audit)."""
    if not tasks:
        finder.unattached.append((at, rule))
        return
    roles = [("lead", span) for span in leads] + [("support", span) for span in supports]
    levels = list_levels(finder, [span for _, span in roles])
    for task in tasks:
        for (kind, (s, e)), level in zip(roles, levels):
            for key in unit_entities(finder, s, e, level):
                finder.add(kind, key, task, at, cue)
