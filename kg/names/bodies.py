"""Canonical names of government bodies: 区卫健委 in a 闵行区 document → 闵行区卫生健康委员会."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.names.regions import Region, regions

DATA = Path(__file__).with_name("data") / "bodies.json"
NATIONAL_PREFIXES = ("国家", "全国", "中央", "国务院")
LEVEL_CHARS = "区县市省州"
# Suffixes that make a bare alias distinctive enough to stand without a prefix.
DISTINCTIVE_SUFFIX = ("委员会", "委", "局", "办", "会", "中心", "厅", "署", "办公室")


@dataclass
class Body:
    name: str
    aliases: list[str] = field(default_factory=list)
    national: str | None = None
    templates: dict[str, str] = field(default_factory=dict)
    template_all: str | None = None
    party: bool = False
    level_embedded: list[str] = field(default_factory=list)


class BodyTable:
    """Every body of ``bodies.json``, looked up by any alias."""

    def __init__(self, path: Path = DATA) -> None:
        raw = json.loads(path.read_text(encoding="utf-8"))
        self.bodies: list[Body] = []
        self.by_alias: dict[str, Body] = {}
        self.national_names: dict[str, Body] = {}
        # aliases that carry their level inside (团省委): alias -> (body, level character)
        self.level_embedded: dict[str, tuple[Body, str]] = {}
        for row in raw["bodies"]:
            b = Body(row["name"], row.get("aliases", []), row.get("national"), row.get("templates", {}),
                     row.get("template_all"), row.get("party", False), row.get("level_embedded", []))
            self.bodies.append(b)
            for a in [b.name] + b.aliases:
                self.by_alias.setdefault(a, b)
            if b.national:
                self.national_names.setdefault(b.national, b)
            for pattern in b.level_embedded:
                for level in LEVEL_CHARS:
                    self.level_embedded.setdefault(pattern.replace("{L}", level), (b, level))
        # central bodies: the same name wherever a text names them (alias -> name)
        self.national_fixed: dict[str, str] = {}
        for row in raw.get("national_bodies", []):
            for a in [row["name"]] + row.get("aliases", []):
                self.national_fixed.setdefault(a, row["name"])
        self.body_endings: tuple[str, ...] = tuple(sorted(raw.get("body_endings", []), key=len, reverse=True))
        self.ending_expansions: list[tuple[str, str]] = [tuple(x) for x in raw.get("ending_expansions", [])]
        self.stem_expansions: list[tuple[str, str]] = sorted((tuple(x) for x in raw.get("stem_expansions", [])),
                                                             key=lambda x: -len(x[0]))

    def aliases(self) -> list[str]:
        return list(self.by_alias) + list(self.level_embedded) + list(self.national_fixed)

    def is_body_name(self, part: str) -> bool:
        """Does ``part`` (a name without its jurisdiction) end as a body's name does?"""
        return len(part) >= 2 and part.endswith(self.body_endings)

    def written_out(self, part: str) -> str:
        """A body name with its abbreviated stem and ending written out, as the
        standard name reads: 发展改革委 → 发展和改革委员会, 市场监管局 → 市场监督管理局,
        教育工委 → 教育工作委员会. A name already written out is returned unchanged."""
        for short, full in self.stem_expansions:
            if part.startswith(short) and not part.startswith(full):
                part = full + part[len(short):]
                break
        for short, full in self.ending_expansions:
            if part.endswith(short) and not part.endswith(full):
                return part[: -len(short)] + full
        return part

    @staticmethod
    def distinctive(alias: str) -> bool:
        """Can ``alias`` name a body with no jurisdiction prefix in front of it?"""
        return len(alias) >= 3 and alias.endswith(DISTINCTIVE_SUFFIX)

    def canonical(self, body: Body, region: Region | None, national: bool = False) -> str:
        """The standard full name of ``body`` in ``region`` (or at national level)."""
        if national:
            return body.national or ("国家" + body.name)
        if region is None:
            return body.name
        if body.template_all:
            return body.template_all.format(region=region.name, short=region.short)
        table = regions()
        own = f"county@{region.parent}"
        if region.level == "county" and own in body.templates:
            return body.templates[own].format(region=region.name, short=region.short)
        if region.is_municipality_district and "county@municipality" in body.templates:
            city = table.by_code[region.parent]
            return body.templates["county@municipality"].format(city=city.name, short=region.short, region=region.name)
        return region.name + body.name


@lru_cache(maxsize=1)
def bodies() -> BodyTable:
    return BodyTable()


@lru_cache(maxsize=1024)
def level_region(level_char: str, doc_region: Region | None) -> Region | None:
    """The region a level character (区/县/市/省) refers to in a document of ``doc_region``
    (memoised: asked for each department name a document writes as 区卫健委, 市…)."""
    if doc_region is None:
        return None
    table = regions()
    chain = table.chain(doc_region)
    if level_char in "区县":
        county = [r for r in chain if r.level == "county"]
        return county[-1] if county else None  # a city's or province's document: 区卫健局 is some district's
    if level_char in "市州":
        # in a county-level city's own document, 市 is that city (桐乡市), not its prefecture
        county = [r for r in chain if r.level == "county"]
        if level_char == "市" and county and county[-1].name.endswith("市"):
            return county[-1]  # (州 is the prefecture's, whatever the county)
        city = table.city(doc_region)
        if city is None and doc_region.level == "province" and not doc_region.name.endswith("市"):
            return None  # a province's document: 市中医医院 is some city's, not the province's
        return city or doc_region
    if level_char == "省":
        return chain[0]
    return doc_region


def _strip_regions(name: str) -> tuple[list[str], str]:
    """The region names ``name`` starts with (上海市, 嘉定区 …) and what follows them."""
    table = regions()
    prefixes: list[str] = []
    while True:
        head = next((name[:k] for k in range(min(len(name) - 1, 12), 1, -1) if name[:k] in table.by_name), None)
        if head is None:
            return prefixes, name
        prefixes.append(head)
        name = name[len(head):]


def abbreviated(part: str) -> list[str]:
    """The standard short forms of a body name by the conventions that
    :meth:`BodyTable.written_out` reads back (卫生健康委员会 → 卫生健康委 → 卫健委),
    longest first."""
    table = bodies()
    out = [part]
    for short, full in table.ending_expansions:
        if part.endswith(full):
            out.append(part[: -len(full)] + short)
            break
    form = out[-1]  # the stem is abbreviated only with the ending (卫健委, not 卫健委员会)
    for short, full in table.stem_expansions:
        if form.startswith(full):
            out.append(short + form[len(full):])
            break
    return list(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def short_forms(name: str) -> tuple[str, ...]:
    """Short forms a reader types for the body ``name`` (嘉定区卫生健康委员会 →
    卫健委, 卫生健康委, 区卫健委, 嘉定卫健委, 嘉定区卫健委 …): the body's distinctive aliases
    in ``bodies.json`` and its conventional abbreviations, bare, after the level character
    (区/县/市/省) and after the region's full and short name. Empty when ``name`` is not a
    body's name."""
    prefixes, part = _strip_regions(name)
    table = bodies()
    if not table.is_body_name(part):
        return ()
    body = table.by_alias.get(part) or table.by_alias.get(table.written_out(part))
    bare = abbreviated(part) + ([a for a in [body.name, *body.aliases] if table.distinctive(a)] if body else [])
    bare = [b for b in dict.fromkeys(bare) if len(b) >= 2]
    out = list(bare)
    if prefixes:
        here = prefixes[-1]
        rs = regions().by_name.get(here, [])
        shorts = sorted({r.short for r in rs if len(r.short) >= 2 and r.short != here})
        level = here[-1] if here[-1] in LEVEL_CHARS else ""
        for b in bare:
            out += ([level + b] if level else []) + [here + b] + [s + b for s in shorts]
    return tuple(x for x in dict.fromkeys(out) if x != name)
