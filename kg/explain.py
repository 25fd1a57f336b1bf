"""`kg resolve`: how a surface form resolves, and why."""
from __future__ import annotations

from dataclasses import dataclass

from kg.errors import KGError
from kg.names.regions import regions
from kg.textnorm import fold


@dataclass
class Resolution:
    surface: str
    type: str
    canonical: str
    iri: str
    region: str
    reason: str


def resolve_name(name: str, region: str | None = None) -> list[Resolution]:
    """Resolve ``name`` as it would be read in a document of ``region``."""
    from kg.extract.entities import Context, find_entities
    from kg.extract.segment import SectionList
    from kg.graph.iri import entity_iri

    table = regions()
    ctx_region = None
    if region:
        ctx_region = table.pick(fold(region))
        if ctx_region is None:
            raise KGError(f"unknown region {region!r} (give a name such as 闵行区, 嘉兴市 or 浙江省)")
    folded = fold(name)
    ctx = Context(folded, name, ctx_region, SectionList())
    mentions, _ = find_entities(ctx)
    whole = [m for m in mentions if m.start == 0 and m.end == len(folded)] or mentions
    out = []
    for m in whole:
        reg = table.by_code[m.region].name if m.region in table.by_code else ""
        if m.key.type == "Region":
            reason = f"region table ({table.source}), code {m.admin_code or '—'}"
        elif m.key.type == "Department":
            reason = "standard body name from names/data/bodies.json, jurisdiction from " + (
                "the name's own region" if any(r.name in folded for r in table.by_name.get(reg, [])) or reg and reg in folded
                else f"the document region ({reg})" if reg else "a national prefix" if m.key.name.startswith(("国家", "全国", "中国")) else "the name")
        elif m.key.type == "Hospital":
            reason = "hospital gazetteer (names/data/hospitals.json)" if m.key.name != folded else "hospital suffix grammar"
        else:
            reason = f"{m.key.type} naming rules"
        out.append(Resolution(name[m.start:m.end], m.key.type, m.key.name, str(entity_iri(m.key)), reg, reason))
    return out
