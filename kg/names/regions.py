"""China's administrative divisions (GB/T 2260) and jurisdiction detection.

The table ``data/regions.tsv`` is derived from the cpca package by
``tools/derive_regions.py`` (source and version on its first line). Streets and towns
(街道/镇/乡) are not in it; they are recognised by their suffix and attached to the
document's county.
"""
from __future__ import annotations

import re

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.lexicon import WordMatcher, compile_words

DATA = Path(__file__).with_name("data") / "regions.tsv"
LEVELS = ("province", "prefecture", "county", "township")
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
# Short forms that are also everyday words: never matched without their suffix.
SHORT_STOP = {"城区", "新区", "市中", "郊区", "矿区", "中山", "和平", "新华", "人民", "白云", "东方", "长安", "永安", "公安",
              "开发", "城关", "向阳", "前进", "红旗", "胜利", "民主", "建设", "团结", "青年", "文化", "工农", "江南", "河东",
              "河西", "河南", "河北", "山东", "山西", "湖南", "湖北", "广东", "广西", "海南", "云南", "东区", "西区", "南区",
              "北区", "中区", "南湖", "西湖", "东湖", "金山", "通化", "和田", "安顺", "吉安", "泰安", "长宁", "嘉定",
              "会同", "新建", "平安", "安定", "兴业", "永和"}
# Full names that are also common nouns ("城区" = urban area): only read when their
# parent city is written in front of them.
FULL_STOP = {"城区", "郊区", "矿区", "市中区", "新城区", "东区", "西区", "中区", "南区", "北区", "新区", "市区"}
# Full names that begin with an everyday word (会同 "jointly with", 新建 "newly build"): read
# as a region only at a boundary or after a province/city name, never before 级/域/内/属
# (我局将会同县财政局…, 新建区级医院).
VERB_INITIAL = ("会同", "新建", "平安", "安定", "和平", "长安", "兴业", "永和")
# Province short forms are safe in running text; these are re-admitted explicitly.
PROVINCE_SHORT_OK = {"河南", "河北", "山东", "山西", "湖南", "湖北", "广东", "广西", "海南", "云南"}


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    short: str
    level: str
    parent: str  # code of the parent, "" for provinces

    @property
    def is_municipality_district(self) -> bool:
        return self.level == "county" and self.parent in MUNICIPALITIES


class RegionTable:
    """Lookup of divisions by code and name, with ancestry."""

    def __init__(self, path: Path = DATA) -> None:
        self.by_code: dict[str, Region] = {}
        self.by_name: dict[str, list[Region]] = {}
        self.by_short: dict[str, list[Region]] = {}
        self.source = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                self.source = line.lstrip("# ").strip()
                continue
            if line.startswith("code\t") or not line.strip():
                continue
            code, name, short, level, parent = line.split("\t")
            r = Region(code, name, short, level, parent)
            self.by_code[code] = r
            self.by_name.setdefault(name, []).append(r)
            if short != name:
                self.by_short.setdefault(short, []).append(r)
        # an autonomous county, prefecture or banner is written with its short form and its level
        # as often as by its full name (秀山县 for 秀山土家族苗族自治县, 甘孜州, 鄂温克旗): those are
        # its names too, where no other division bears them
        for r in self.by_code.values():
            for kind, level_word in AUTONOMOUS_LEVELS:
                alias = r.short + level_word
                if r.name.endswith(kind) and len(r.short) >= 2 and alias != r.name and alias not in self.by_name:
                    self.by_name[alias] = [r]
        self.name_pattern = compile_words(tuple(n for n in self.by_name if n not in FULL_STOP), whole_text=True)
        self._children: dict[str, list[Region]] = {}
        for r in self.by_code.values():
            self._children.setdefault(r.parent, []).append(r)
        # every province's short form (safe in any jurisdiction), the start of each family
        self._province_shorts = {p.short: p for p in self.by_code.values()
                                 if p.level == "province" and len(p.short) >= 2
                                 and (p.short not in SHORT_STOP or p.short in PROVINCE_SHORT_OK)}
        self._family: dict[str, dict[str, Region]] = {}
        self._family_matchers: dict[str, WordMatcher] = {}
        self._picks: dict[tuple[str, str], Region | None] = {}

    def ancestors(self, r: Region) -> list[Region]:
        """Parent first, province last."""
        out = []
        while r.parent:
            r = self.by_code[r.parent]
            out.append(r)
        return out

    def chain(self, r: Region) -> list[Region]:
        """Province first, ``r`` last."""
        return list(reversed(self.ancestors(r))) + [r]

    def children(self, r: Region) -> list[Region]:
        return list(self._children.get(r.code, []))

    def province(self, r: Region) -> Region:
        return self.chain(r)[0]

    def city(self, r: Region) -> Region | None:
        """The prefecture-level city of ``r`` (a municipality counts as its own city)."""
        for a in [r] + self.ancestors(r):
            if a.level == "prefecture" or a.code in MUNICIPALITIES:
                return a
        return None

    def pick(self, name: str, context: Region | None = None) -> Region | None:
        """Resolve a full or short name, preferring the division nearest ``context``
        (memoised: every mention of a place asks again)."""
        key = (name, context.code if context is not None else "")
        if key not in self._picks:
            self._picks[key] = self._pick(name, context)
        return self._picks[key]

    def _pick(self, name: str, context: Region | None) -> Region | None:
        cands = self.by_name.get(name) or self.by_short.get(name) or []
        if not cands:
            return None
        if len(cands) == 1 or context is None:
            return sorted(cands, key=lambda r: (LEVELS.index(r.level), r.code))[0]
        ctx_chain = {a.code for a in self.chain(context)}

        def closeness(r: Region) -> tuple[int, int, str]:
            shared = len(ctx_chain & {a.code for a in self.chain(r)})
            return (-shared, LEVELS.index(r.level), r.code)

        return sorted(cands, key=closeness)[0]

    def family_shorts(self, r: Region) -> dict[str, Region]:
        """Short forms safe to read in a document of jurisdiction ``r``: its own chain,
        its city's counties, and every province."""
        if r.code in self._family:
            return self._family[r.code]
        out = dict(self._province_shorts)
        city = self.city(r)
        # the chain last: where a county shares its city's short form (新乡县 and 新乡市, 抚顺县 and
        # 抚顺市), the bare short form names the city, as 结合新乡实际 does
        family = (self.children(city) if city else []) + self.children(r) + self.chain(r)
        for f in family:
            if len(f.short) >= 2 and not f.name.startswith(VERB_INITIAL):
                out[f.short] = f  # 新建 of 新建区 is a verb first: its short form is never read
        self._family[r.code] = out
        return out

    def family_matcher(self, r: Region) -> WordMatcher:
        """The short forms of :meth:`family_shorts`, compiled once per region."""
        matcher = self._family_matchers.get(r.code)
        if matcher is None:
            matcher = self._family_matchers[r.code] = compile_words(tuple(sorted(self.family_shorts(r))))
        return matcher


@lru_cache(maxsize=1)
def regions() -> RegionTable:
    return RegionTable()




# the full name's ending of an autonomous division and the level word its short form takes
AUTONOMOUS_LEVELS = (("自治县", "县"), ("自治州", "州"), ("自治旗", "旗"))


def full_name_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every full region name in ``text``."""
    return regions().name_pattern.spans(text)


def region_mentions(text: str, context: Region | None = None,
                    full: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int, Region]]:
    """(start, end, region) for every full-name mention, plus short forms that are safe
    in the context's jurisdiction. ``full`` may pass a precomputed full-name scan."""
    table = regions()
    out = []
    for s, e, name in (full if full is not None else full_name_spans(text)):
        if name.startswith(VERB_INITIAL) or len(name) == 2:
            # 会同县, 新建区, and two-character names (康县 in 健康县区, 和县, 沙县) only at a
            # boundary or right after a province or city
            before = text[s - 1:s]
            after_function_word = before in "在与及对从到向为是于由和"
            if (before and "\u3400" <= before <= "\u9fff" and before not in "省市州" and not
                    (len(name) == 2 and after_function_word)) or text[e:e + 1] in ("级", "域", "内", "属"):
                continue
        r = table.pick(name, context)
        if r:
            out.append((s, e, r))
    if context is not None:
        from kg.spans import SpanSet

        shorts = table.family_shorts(context)
        taken = SpanSet((s, e) for s, e, _ in out)
        pat = table.family_matcher(context)
        for m in pat.finditer(text):
            if taken.covers(m.start()):
                continue
            if text.startswith(("大学", "中医药大学", "交通大学", "师范", "理工", "财经", "外国语", "医科", "科技大学"), m.end()):
                continue  # 上海中医药大学: part of a university's name
            r = shorts[m.group(0)]
            # 新城区 in 西安's text: the full name, which FULL_STOP keeps from being read alone (a "new
            # district" in other places), is read whole where its own short form opens it
            end = m.start() + len(r.name) if text.startswith(r.name, m.start()) else m.end()
            out.append((m.start(), end, r))
    out.sort(key=lambda t: (t[0], -t[1]))
    return out


def number_region(doc_number: str, candidates: list[Region]) -> Region | None:
    """The candidate a document number's issuer abbreviation names: 沪 for Shanghai,
    浙 for Zhejiang, otherwise the first character of a short form (闵 → 闵行).
    None when no candidate, or more than one at the most specific level, fits."""
    head = doc_number.strip()[:1]
    province_abbr = {"沪": "310000", "京": "110000", "津": "120000", "渝": "500000", "浙": "330000", "苏": "320000",
                     "粤": "440000", "鲁": "370000", "皖": "340000", "闽": "350000", "赣": "360000", "湘": "430000",
                     "鄂": "420000", "豫": "410000", "冀": "130000", "晋": "140000", "辽": "210000", "吉": "220000",
                     "黑": "230000", "川": "510000", "蜀": "510000", "贵": "520000", "黔": "520000", "云": "530000",
                     "滇": "530000", "陕": "610000", "秦": "610000", "甘": "620000", "陇": "620000", "青": "630000",
                     "琼": "460000", "桂": "450000", "宁": "640000", "新": "650000", "藏": "540000", "蒙": "150000"}
    unique = {r.code: r for r in candidates}
    if head in province_abbr and province_abbr[head] in unique and not any(
            r.short.startswith(head) and r.level != "province" for r in unique.values()):
        return unique[province_abbr[head]]
    fits = [r for r in unique.values() if r.short.startswith(head) and r.level != "province"]
    if not fits:
        return None
    deepest = max(LEVELS.index(r.level) for r in fits)
    fits = [r for r in fits if LEVELS.index(r.level) == deepest]
    return fits[0] if len(fits) == 1 else None


def innermost(found: list[Region]) -> Region | None:
    """The most specific region of a list (deepest level, last mentioned on ties)."""
    if not found:
        return None
    return max(enumerate(found), key=lambda ir: (LEVELS.index(ir[1].level), ir[0]))[1]


@dataclass(frozen=True)
class Jurisdiction:
    """The region a document speaks for, and how it was read: given by the user, from
    its issuer, its document number or its title (certain), from the regions its text
    names (certain only when one region, with its own ancestors, clearly leads), or
    none found."""

    region: Region | None
    basis: str  # given | issuer | document number | title | mentions | national | none
    certain: bool


def read_jurisdiction(text: str, title: str | None, issuer: str | None, full: list[tuple[int, int, str]] | None = None,
                      doc_number: str | None = None, given: Region | None = None,
                      furniture: str | None = None) -> Jurisdiction:
    """The region a document speaks for: the one given; its issuer's; else the one its
    document number abbreviates (闵府发 → 闵行区, 嘉卫建提 → 嘉定区) among the regions the
    text names; else its title's; else the most mentioned one (short forms counted once
    a full form has fixed the province). ``furniture``: the page's source and footer lines
    (来源：X县卫生健康委), which count as mentions though they are no part of the body."""
    if given is not None:
        return Jurisdiction(given, "given", True)
    table = regions()
    if issuer:
        r = innermost([r for _, _, r in region_mentions(issuer)])
        if r:
            return Jurisdiction(r, "issuer", True)
    found = [r for _, _, r in region_mentions(text, full=full)]
    published = [r for _, _, r in region_mentions(furniture)] if furniture else []
    found += published
    if doc_number and found:
        by_number = number_region(doc_number, found)
        if by_number is not None:
            return Jurisdiction(by_number, "document number", True)
    counts = Counter(r.code for r in found)
    provinces = Counter(table.province(r).code for r in found)
    anchor = table.by_code[provinces.most_common(1)[0][0]] if provinces else None
    if title:
        in_title = [r for _, _, r in region_mentions(title, anchor)]
        # short forms of the anchor province's divisions only
        in_title = [r for r in in_title if anchor is None or table.province(r).code == anchor.code]
        r = innermost(in_title)
        if r and r.level != "province":
            return Jurisdiction(r, "title", True)
    if not counts:
        campaign = campaign_province(text)
        if campaign is not None:  # 健康内蒙古行动 in a text that names no region itself: that province's, not certain
            return Jurisdiction(campaign, "campaign", False)
        return Jurisdiction(None, "none", False)
    # Most mentioned; among near-ties the most specific.
    best = max(counts.values())
    near = [table.by_code[c] for c, n in counts.items() if n >= best * 0.5]
    chosen = max(near, key=lambda r: (counts[r.code], LEVELS.index(r.level)))
    ancestors = {r.code for r in table.chain(chosen)}
    # a rival is a region of another branch: neither above the chosen one nor within it
    rivals = [r for r in near if r.code not in ancestors and chosen.code not in {a.code for a in table.chain(r)}]
    named_in_title = bool(title) and any(r.code == chosen.code for _, _, r in region_mentions(title, anchor))
    # a page its own region's body publishes (来源：灵璧县卫生健康委员会) speaks for that region
    publisher = innermost(published)
    by_publisher = publisher is not None and publisher.code == chosen.code
    return Jurisdiction(chosen, "mentions", not rivals and (counts[chosen.code] >= 2 or named_in_title or by_publisher))


_CAMPAIGN_NAME = re.compile(r"健康([\u4e00-\u9fff]{2,3}?)(?:行动|建设)")


def campaign_province(text: str) -> Region | None:
    """The one province whose health campaign the text names (健康内蒙古行动, 健康宁夏建设),
    where it names no other: a provincial news item that writes 全区/我省 and never the
    region's name still names its campaign."""
    table = regions()
    found = {table._province_shorts[m.group(1)].code for m in _CAMPAIGN_NAME.finditer(text)
             if m.group(1) in table._province_shorts}
    return table.by_code[found.pop()] if len(found) == 1 else None


def detect_jurisdiction(text: str, title: str | None, issuer: str | None,
                        full: list[tuple[int, int, str]] | None = None, doc_number: str | None = None) -> Region | None:
    """The region of :func:`read_jurisdiction`."""
    return read_jurisdiction(text, title, issuer, full=full, doc_number=doc_number).region


_NATIONAL_ISSUERS = ("国务院", "国家", "中共中央", "中央", "健康中国行动推进委员会", "全国爱国卫生运动委员会", "全国爱卫")
_NATIONAL_ADDRESSEE = "各省、自治区、直辖市"


def is_national_document(text: str, title: str | None, issuer: str | None, doc_number: str | None) -> bool:
    """Does the document speak for the central government? Its issuer or title names a
    central body, its number is a central one (国发, 国办发, 国卫…), or it is addressed,
    as central documents are, to 各省、自治区、直辖市."""
    if issuer and issuer.strip().startswith(_NATIONAL_ISSUERS):
        return True
    if doc_number and doc_number.strip().startswith("国"):
        return True
    if title and title.strip().startswith(_NATIONAL_ISSUERS):
        return True
    return _NATIONAL_ADDRESSEE in text[:600]

