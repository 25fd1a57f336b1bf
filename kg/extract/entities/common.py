"""What the entity finders share: the document context, quotation patterns, the hospital
gazetteer and region-prefix helpers.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from kg.extract.grammar import Grammar, grammar
from kg.extract.model import EntityKey
from kg.extract.segment import SectionList
from kg.spans import SpanIndex
from kg.lexicon import WordMatcher, compile_words
from kg.paths import PACKAGE_DIR
from kg.names.regions import Region, innermost, regions

CJK = r"\u3400-\u9fff"
# the administrative committee of an industrial or development zone (莘庄工业区管委会)
ZONE_COMMITTEE = re.compile(r"管委会|管理委员会")
QUOTED = re.compile(r"“([^“”\n]{1,40})”")


BOOK = re.compile(r"《([^《》\n]{2,60})》")
TRAILING_PAREN = re.compile(r"[（(][^（）()]*[）)]$")


NUMERIC_FRAME = re.compile(r"^[一二三四五六七八九十两\d]+[大个项条]")
SLOGAN_SHORT = re.compile(r"^[一二两三四五六七八九十双多]\S{1,3}$")


HOTLINE = re.compile(rf"^[{CJK}]+\d+$")
MEDICAL_CENTRE = re.compile(r"(?:诊治|干预|诊疗|康复|急救|医学|治疗)中心$")


@dataclass
class Context:
    """What the finders share about one document."""

    folded: str
    original: str
    doc_region: Region | None
    sections: SectionList
    g: Grammar = field(default_factory=grammar)
    regions_found: list[tuple[int, int, Region]] = field(default_factory=list)
    full_region_names: list[tuple[int, int, str]] | None = None
    issuer: EntityKey | None = None  # the issuing body, which 我委/本局 refer to
    national: bool = False  # the document speaks for the central government (no region of its own)
    title: str = ""  # the document's own title, folded (a plan's: …实施方案, 关于印发…的通知)
    # the scope of names that need a region when the document has none (区卫健委 in a
    # document of no known region): its own, so that such names never merge across documents
    unscoped: str = ""
    _regions_index: SpanIndex | None = None
    _level_base: tuple[int, Region | None] | None = None

    @property
    def region_index(self) -> SpanIndex:
        if self._regions_index is None or len(self._regions_index.items) != len(self.regions_found):
            self._regions_index = SpanIndex(self.regions_found, start=itemgetter(0), end=itemgetter(1))
        return self._regions_index

    @property
    def level_base(self) -> Region | None:
        """The region a level word written before a body (县卫健局, 区疾控中心, 市爱卫办) counts from: the
        document's own; in a city's or province's document that names one county of its own and no other
        (铜仁市's news of an event in 玉屏侗族自治县) and no city but its own, that county, whose 县人民医院 it is;
        in a province's that names one city and no county, that city."""
        if self._level_base is None or self._level_base[0] != len(self.regions_found):
            self._level_base = (len(self.regions_found), self._named_below())
        return self._level_base[1]

    def _named_below(self) -> Region | None:
        r = self.doc_region
        if r is None or r.level == "county":
            return r
        table = regions()
        below: dict[str, dict[str, Region]] = {"county": {}, "prefecture": {}}
        times: dict[str, int] = {}
        for _, _, c in self.regions_found:
            if c.level in below and c.code != r.code and r.code in {a.code for a in table.ancestors(c)}:
                below[c.level][c.code] = c
                times[c.code] = times.get(c.code, 0) + 1
        counties, cities = below["county"], below["prefecture"]
        if len(counties) == 1:
            county = next(iter(counties.values()))
            # a county of its own only where every city the text names is its own (海南's 三亚市 and 琼海市, a
            # county-level city under the province: 市政府 is neither's for sure), and where the text is set there: named
            # more than once or in its title, not once in passing (市长曾任玉屏侗族自治县县委书记)
            setting = times[county.code] > 1 or county.short in self.title or county.name in self.title
            if setting and all(c in {a.code for a in table.ancestors(county)} for c in cities):
                return county
        elif not counties and len(cities) == 1:
            city = next(iter(cities.values()))
            if times[city.code] > 1 or city.short in self.title:
                return city
        return r

    def surface(self, s: int, e: int) -> str:
        return self.original[s:e]

    def sentence_region(self, offset: int) -> Region | None:
        """The most specific region named in the line holding ``offset`` before it,
        else the document's region."""
        ls = max(self.folded.rfind("\n", max(0, offset - 400), offset) + 1, offset - 400)
        found = [t[2] for t in self.region_index.starting_in(ls, offset) if t[2].level == "county"]
        return found[-1] if found else self.doc_region

    def region_code(self) -> str:
        return self.doc_region.code if self.doc_region else ""


def strip_outer_quotes(name: str) -> str:
    """A name without the quotes around it whole (“健康中国行”宣传活动 keeps its quote: it names the first
    part, and “西藏人人健康”义诊系列之…活动 is no 西藏人人健康”义诊…)."""
    if name.count("“") == name.count("”") and not (name.startswith("“") and name.endswith("”") and name.count("“") == 1):
        return name
    return name.strip("“”")


@lru_cache(maxsize=1)
def hospital_gazetteer() -> tuple[dict[str, dict], dict[str, dict], WordMatcher]:
    raw = json.loads((PACKAGE_DIR / "names" / "data" / "hospitals.json").read_text(encoding="utf-8"))
    by_alias: dict[str, dict] = {}
    by_short: dict[str, dict] = {}
    for h in raw["hospitals"]:
        for a in [h["name"]] + h.get("aliases", []):
            by_alias.setdefault(a, h)
        for s in h.get("short", []):
            by_short.setdefault(s, h)
    return by_alias, by_short, compile_words(tuple(by_alias), whole_text=True)


def gazetteer_in_scope(h: dict, alias: str, ctx: Context) -> bool:
    """Generic-sounding aliases (肿瘤医院) only name the gazetteer hospital inside the
    region they are scoped to; an alias written with a level character (市第一人民医院)
    only inside the hospital's own city."""
    scope = h.get("alias_scope", {}).get(alias)
    if scope is None and alias[:1] in "市区县" and h.get("region"):
        home = regions().pick(h["region"], ctx.doc_region)
        scope = regions().city(home).name if home and regions().city(home) else None
    if not scope or ctx.doc_region is None:
        return scope is None
    return any(r.name == scope for r in regions().chain(ctx.doc_region))


def strip_region_prefix(ctx: Context, s: int, e: int) -> tuple[int, Region | None]:
    """Skip region names at the front of a name; return (offset after them, innermost)."""
    chain = []
    pos = s
    while True:
        nxt = [t for t in ctx.region_index.starting_at(pos) if t[1] <= e]
        if not nxt:
            break
        chain.append(nxt[0][2])
        pos = nxt[0][1]
    return pos, innermost(chain)


def hospital_is_generic(core: str, g: Grammar) -> bool:
    """A name core made only of generic modifiers (县级, 区属, 综合 …) names a kind of
    hospital, not one hospital; so does one that names a class (中医类医院, 其他类别医院)."""
    return "类" in core or g.hospital_kind_prefixes.covers(core)


def cut_at_region(ctx: Context, start: int, head: int) -> int:
    """A name that has a full region name inside it starts at that region name
    ("借嘉定区中心医院" → "嘉定区中心医院"); one that opens with a region keeps its whole
    chain (成都市温江区人民医院), and a region the name's left edge cuts into is taken
    whole (都江堰市人民医院, where 都 alone reads as a particle)."""
    across = [(s, e) for s, e, _ in ctx.region_index.starting_in(max(0, start - 8), start) if s < start < e]
    if across:
        return min(s for s, _ in across)
    if any(s == start for s, _, _ in ctx.region_index.starting_in(start, start + 1)):
        return start
    for s, e, r in ctx.region_index.starting_in(start + 1, head):
        if r.name == ctx.folded[s:e]:
            return s
    return start
