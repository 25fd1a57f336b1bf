"""Government bodies: the standard-name table, jurisdiction prefixes, 'A、B等部门' lists and
我委/本局 self-references.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.anchored import finditer_in_runs, is_cjk, is_cjk_list_or_digit
from kg.extract.entities.common import CJK, ZONE_COMMITTEE, Context
from kg.extract.model import (
    DEPARTMENT,
    EntityKey,
    Mention,
)
from kg.extract.segment import SectionList
from kg.extract.spans import SpanSet
from kg.lexicon import WordMatcher, compile_words
from kg.resolve.bodies import NATIONAL_PREFIXES, Body, bodies, level_region
from kg.resolve.regions import Region, innermost, region_mentions

_ENUM = re.compile(rf"((?:[{CJK}]{{2,10}}、)+[{CJK}]{{2,10}})等(?:[\d一二三四五六七八九十]+个)?(?:部门|单位|委办局)")
# what every _ENUM match ends with (the pattern itself opens with a character class)
_ENUM_END = re.compile(r"等(?:[\d一二三四五六七八九十]+个)?(?:部门|单位|委办局)")
_ZONE_COMMITTEE = re.compile(rf"([{CJK}]{{2,6}}(?:工业区|开发区|高新区|产业园区|经济技术开发区))(管委会|管理委员会)")
_DEPT_RIGHT_OK = set("、，。；：）)等和与及牵配会协负联将在对已要的主为共")


@lru_cache(maxsize=1)
def _department_pattern() -> WordMatcher:
    table = bodies()
    return compile_words(tuple(table.aliases()) + tuple(table.national_names), whole_text=True)


def _prefix(ctx: Context, start: int) -> tuple[int, Region | None, str]:
    """Jurisdiction written in front of a body name ending at ``start``: returns
    (new start, region, kind) with kind one of national/region/level/none."""
    f = ctx.folded
    if f.endswith(NATIONAL_PREFIXES, 0, start):  # one call for the usual "no"
        for p in NATIONAL_PREFIXES:
            if f.endswith(p, 0, start):
                return start - len(p), None, "national"
    chain = []
    pos = start
    while True:
        ending = ctx.region_index.ending_at(pos)
        if not ending:
            break
        s0, _, r = ending[0]
        chain.append(r)
        pos = s0
    if chain:
        return pos, innermost(chain), "region"
    if start > 0 and f[start - 1] in "区县市省州":
        return start - 1, level_region(f[start - 1], ctx.doc_region), "level"
    return start, None, "none"


def _department_mention(ctx: Context, s: int, e: int, body: Body, national: bool, region: Region | None) -> Mention:
    table = bodies()
    name = table.canonical(body, region, national=national)
    code = "" if national else (region.code if region else "")
    return Mention(s, e, EntityKey(DEPARTMENT, name), ctx.surface(s, e), region=code)


def find_departments(ctx: Context) -> list[Mention]:
    table = bodies()
    f = ctx.folded
    out: list[Mention] = []
    enum_items: set[tuple[int, int]] = set()
    enum_ends: set[int] = set()
    for m in finditer_in_runs(_ENUM, f, _ENUM_END, is_cjk_list_or_digit):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            enum_items.add((pos, pos + len(item)))
            enum_ends.add(pos + len(item))
            pos += len(item) + 1
    enum_set = SpanSet(enum_items)
    if ctx.issuer is not None:
        # 我委, 本局: the document's issuer speaking of itself
        for m in re.finditer(r"(?:我|本)(?:委|局|办|厅|中心)(?![\u4e00-\u9fff]{0,1}(?:员|托|属|部|内))", f):
            if ctx.issuer.name.endswith({"委": ("委员会", "委"), "局": ("局",), "办": ("办公室", "办"), "厅": ("厅",),
                                         "中心": ("中心",)}[m.group(0)[1:]]):
                out.append(Mention(m.start(), m.end(), ctx.issuer, ctx.surface(m.start(), m.end()), region=ctx.region_code()))
    for m in _department_pattern().finditer(f):
        alias = m.group(0)
        s, e = m.start(), m.end()
        national = alias in table.national_names and alias not in table.by_alias
        body = table.national_names[alias] if national else table.by_alias[alias]
        if body.party and alias == "委" and (e < len(f) and f[e] in "员托派屈婉任以会宣组统政办编"):
            continue  # 委员, 委托 …; 委宣传部 and the like are the committee's own departments
        ps, region, kind = _prefix(ctx, s)
        if kind == "national":
            national = True
        # a list noun right after a short alias makes it a department ("体育部门", "文广系统")
        with_noun = False
        if f.startswith(ctx.g.list_nouns, e):  # one call for the usual "no"
            for noun in ctx.g.list_nouns:
                if f.startswith(noun, e) and not alias.endswith(noun):
                    e += len(noun)
                    with_noun = True
                    break
        distinctive = table.distinctive(alias) or alias.endswith(ctx.g.list_nouns) or national or with_noun
        right_ok = e >= len(f) or f[e] in _DEPT_RIGHT_OK
        in_enum = m.end() in enum_ends and enum_set.covers(s)
        if body.party or alias in ("政府", "人民政府"):
            if kind not in ("region", "level"):
                continue
        elif kind == "none":
            if not (distinctive or in_enum):
                continue
            if not in_enum and s > 0 and re.match(rf"[{CJK}]", f[s - 1]) and f[s - 1] not in ctx.g.stop_chars \
                    and not ctx.g.boundary_before(f, s):
                continue  # inside a longer name ("中医大数据中心")
            if not distinctive and not right_ok:
                continue
            region = ctx.doc_region
        elif not distinctive and not right_ok:
            continue
        if kind == "level" and region is None:
            region = ctx.doc_region
        out.append(_department_mention(ctx, ps, e, body, national, region))
    # 莘庄工业区管委会: the administrative committee of an industrial zone or development area
    for m in finditer_in_runs(_ZONE_COMMITTEE, f, ZONE_COMMITTEE, is_cjk):
        s0 = ctx.g.left_extend(f, m.end(1) - 3, max_len=6)
        zone = f[s0:m.end(1)]
        out.append(Mention(s0, m.end(), EntityKey(DEPARTMENT, zone + "管理委员会"), ctx.surface(s0, m.end()),
                           region=ctx.region_code()))
    return out


def issuer_key(issuer: str | None, region: Region | None) -> EntityKey | None:
    """The Department an issuer line names (上海市嘉定区卫生健康委员会), if any."""
    if not issuer:
        return None
    f = issuer.strip()
    ctx = Context(f, f, region, SectionList())
    ctx.regions_found = region_mentions(f, region)
    deps = [m for m in find_departments(ctx) if m.end == len(f)]
    return deps[0].key if deps else None
