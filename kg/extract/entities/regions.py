"""Regions: divisions of the GB/T 2260 table, streets and towns by suffix, zones with their
own administrative committee.
"""
from __future__ import annotations

import re

from kg.extract.entities.common import CJK, Context
from kg.extract.model import (
    REGION,
    EntityKey,
    Mention,
)

_STREET = re.compile(rf"(?:(?<![{CJK}])|(?<=[在和与及到从对、]))([{CJK}]{{2}})(街道)|(?<=[区县市])([{CJK}]{{2}})(街道)")


def find_regions(ctx: Context) -> list[Mention]:
    out = []
    for s, e, r in ctx.regions_found:
        out.append(Mention(s, e, EntityKey(REGION, r.name), ctx.surface(s, e), region=r.code, admin_code=r.code))
    for m in _STREET.finditer(ctx.folded):
        name = (m.group(1) or m.group(3)) + "街道"
        s = m.start(1) if m.group(1) else m.start(3)
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
    zones = {m.group(1) for m in re.finditer(rf"([{CJK}]{{2,4}}(?:工业区|开发区|高新区))(?:管委会|管理委员会)", f)}
    out = []
    for z in sorted(zones):
        for m in re.finditer(re.escape(z), f):
            scope = ctx.region_code()
            out.append(Mention(m.start(), m.end(), EntityKey(REGION, z, scope), ctx.surface(m.start(), m.end()), region=scope))
    return out
