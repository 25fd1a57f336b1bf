"""Regions: divisions of the GB/T 2260 table, streets and towns by suffix, zones with their
own administrative committee.
"""
from __future__ import annotations

import re

from kg.extract.anchored import finditer_in_runs, is_cjk
from kg.extract.entities.common import CJK, ZONE_COMMITTEE, Context
from kg.extract.model import (
    REGION,
    EntityKey,
    Mention,
)

_ZONE = re.compile(rf"([{CJK}]{{2,4}}(?:工业区|开发区|高新区))(?:管委会|管理委员会)")


def street_spans(f: str) -> list[tuple[int, int]]:
    """Spans of XX街道 (two CJK characters) at a word boundary, after a function word
    (在和与及由…) or after 区/县/市, found from each 街道 rather than tried at every character."""
    out: list[tuple[int, int]] = []
    last_end = 0
    k = f.find("街道", 2)
    while k >= 0:
        s = k - 2
        before = f[s - 1] if s > 0 else ""
        if (s >= last_end and "\u3400" <= f[s] <= "\u9fff" and "\u3400" <= f[s + 1] <= "\u9fff"
                and (not before or not "\u3400" <= before <= "\u9fff" or before in "在和与及到从对由、区县市")):
            out.append((s, k + 2))
            last_end = k + 2
        k = f.find("街道", k + 1)
    return out


def find_regions(ctx: Context) -> list[Mention]:
    out = []
    for s, e, r in ctx.regions_found:
        out.append(Mention(s, e, EntityKey(REGION, r.name), ctx.surface(s, e), region=r.code, admin_code=r.code))
    for s, e in street_spans(ctx.folded):
        name = ctx.folded[s:e]
        if any(w in name for w in ("各", "本", "该", "全", "相关", "社区", "所在", "乡镇", "城乡", "镇", "工作")):
            continue
        county = ctx.sentence_region(s)
        scope = county.code if county else ""
        out.append(Mention(s, s + len(name), EntityKey(REGION, name, scope), ctx.surface(s, s + len(name)), region=scope))
    return out


def find_zones(ctx: Context) -> list[Mention]:
    """An industrial or development zone with its own administrative committee is a
    sub-district area (Region) wherever the document names it."""
    f = ctx.folded
    zones = set()
    for m in finditer_in_runs(_ZONE, f, ZONE_COMMITTEE, is_cjk):
        # the name starts after any function word run into it (…的通知各开发区管委会: 各开发区, every zone, none named)
        name = m.group(1)
        stem = len(name) - 3  # the characters before its kind (工业区, 开发区, 高新区: three each)
        cut = max((i + 1 for i in range(stem) if name[i] in ctx.g.stop_chars), default=0)
        if stem - cut >= 2:
            zones.add(name[cut:])
    out = []
    for z in sorted(zones):
        for m in re.finditer(re.escape(z), f):
            scope = ctx.region_code()
            out.append(Mention(m.start(), m.end(), EntityKey(REGION, z, scope), ctx.surface(m.start(), m.end()), region=scope))
    return out
