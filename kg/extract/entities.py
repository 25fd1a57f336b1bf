"""Entity recognition by lexicon, suffix grammar and quotation conventions.

Works on the folded text (Simplified, Chinese punctuation) and returns mentions whose
offsets also index the original text. Each finder handles one way official texts
name a thing; :func:`find_entities` runs them and settles overlaps.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.extract.grammar import Grammar, grammar
from kg.extract.model import (
    CONSORTIUM, DEPARTMENT, HOSPITAL, ORGANIZATION, POLICY, PROGRAM, REGION, EntityKey, Mention, Section,
)
from kg.extract.segment import innermost_section
from kg.extract.spans import SpanIndex, SpanSet
from kg.lexicon import compile_words
from kg.resolve.bodies import NATIONAL_PREFIXES, Body, bodies, level_region
from kg.resolve.regions import Region, innermost, region_mentions, regions

_CJK = r"\u3400-\u9fff"
_QUOTED = re.compile(r"“([^“”\n]{1,40})”")
_BOOK = re.compile(r"《([^《》\n]{2,60})》")
_DOC_NUMBER = re.compile(rf"[{_CJK}]{{1,10}}[〔\[［【（](\d{{4}})[〕\]］】）]\s*第?\d+号")
_SUGGESTION = re.compile(r"(?:[区市县省])?(?:人大|政协)?[一二三四五六七八九十]+届(?:人大|政协)?[一二三四五六七八九十]+次会议\s*第\s*[\w\-－]+号(?:代表)?(?:建议|议案|提案)")
_TRAILING_PAREN = re.compile(r"[（(][^（）()]*[）)]$")
_STREET = re.compile(rf"(?:(?<![{_CJK}])|(?<=[在和与及到从对、]))([{_CJK}]{{2}})(街道)|(?<=[区县市])([{_CJK}]{{2}})(街道)")
_NUMERIC_FRAME = re.compile(r"^[一二三四五六七八九十两\d]+[大个项条]")
_SLOGAN_SHORT = re.compile(r"^[一二两三四五六七八九十双多]\S{1,3}$")
_ENUM = re.compile(rf"((?:[{_CJK}]{{2,10}}、)+[{_CJK}]{{2,10}})等(?:[\d一二三四五六七八九十]+个)?(?:部门|单位|委办局)")
_HOTLINE = re.compile(rf"^[{_CJK}]+\d+$")
_HOSP_WORD = re.compile(r"(?:诊治|干预|诊疗|康复|急救|医学|治疗)中心$")
_DEPT_RIGHT_OK = set("、，。；：）)等和与及牵配会协负联将在对已要的主为共")


@dataclass
class Context:
    """What the finders share about one document."""

    folded: str
    original: str
    doc_region: Region | None
    sections: list[Section]
    g: Grammar = field(default_factory=grammar)
    regions_found: list[tuple[int, int, Region]] = field(default_factory=list)
    full_region_names: list[tuple[int, int, str]] | None = None
    issuer: EntityKey | None = None  # the issuing body, which 我委/本局 refer to
    _regions_index: SpanIndex | None = None

    @property
    def region_index(self) -> SpanIndex:
        if self._regions_index is None or len(self._regions_index.items) != len(self.regions_found):
            self._regions_index = SpanIndex(self.regions_found, start=lambda t: t[0], end=lambda t: t[1])
        return self._regions_index

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


@lru_cache(maxsize=1)
def _hospital_gazetteer() -> tuple[dict[str, dict], dict[str, dict], re.Pattern[str]]:
    raw = json.loads((Path(__file__).resolve().parents[1] / "resolve" / "data" / "hospitals.json").read_text(encoding="utf-8"))
    by_alias: dict[str, dict] = {}
    by_short: dict[str, dict] = {}
    for h in raw["hospitals"]:
        for a in [h["name"]] + h.get("aliases", []):
            by_alias.setdefault(a, h)
        for s in h.get("short", []):
            by_short.setdefault(s, h)
    return by_alias, by_short, compile_words(tuple(by_alias))


def _gazetteer_in_scope(h: dict, alias: str, ctx: Context) -> bool:
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


# --------------------------------------------------------------------------- regions

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


# ---------------------------------------------------------------------- departments

@lru_cache(maxsize=1)
def _department_pattern() -> re.Pattern[str]:
    table = bodies()
    return compile_words(tuple(table.aliases()) + tuple(table.national_names))


def _prefix(ctx: Context, start: int) -> tuple[int, Region | None, str]:
    """Jurisdiction written in front of a body name ending at ``start``: returns
    (new start, region, kind) with kind one of national/region/level/none."""
    f = ctx.folded
    for p in NATIONAL_PREFIXES:
        if f.startswith(p, start - len(p)):
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
    for m in _ENUM.finditer(f):
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
            if not in_enum and s > 0 and re.match(rf"[{_CJK}]", f[s - 1]) and f[s - 1] not in ctx.g.stop_chars \
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
    for m in re.finditer(rf"([{_CJK}]{{2,6}}(?:工业区|开发区|高新区|产业园区|经济技术开发区))(管委会|管理委员会)", f):
        s0 = ctx.g.left_extend(f, m.end(1) - 3, max_len=6)
        zone = f[s0:m.end(1)]
        out.append(Mention(s0, m.end(), EntityKey(DEPARTMENT, zone + "管理委员会"), ctx.surface(s0, m.end()),
                           region=ctx.region_code()))
    return out


def find_zones(ctx: Context) -> list[Mention]:
    """An industrial or development zone with its own administrative committee is a
    sub-district area (Region) wherever the document names it."""
    f = ctx.folded
    zones = {m.group(1) for m in re.finditer(rf"([{_CJK}]{{2,4}}(?:工业区|开发区|高新区))(?:管委会|管理委员会)", f)}
    out = []
    for z in sorted(zones):
        for m in re.finditer(re.escape(z), f):
            scope = ctx.region_code()
            out.append(Mention(m.start(), m.end(), EntityKey(REGION, z, scope), ctx.surface(m.start(), m.end()), region=scope))
    return out


# ------------------------------------------------------------------------ hospitals

def _strip_region_prefix(ctx: Context, s: int, e: int) -> tuple[int, Region | None]:
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


def _hospital_is_generic(core: str, g: Grammar) -> bool:
    """A name core made only of generic modifiers (县级, 区属, 综合 …) names a kind of
    hospital, not one hospital."""
    rest = core
    while rest:
        for w in sorted(g.hospital_generic | g.hospital_type_words, key=len, reverse=True):
            if rest.startswith(w):
                rest = rest[len(w):]
                break
        else:
            break
    return rest == ""


def _canonical_hospital(ctx: Context, s: int, e: int, suffix: str) -> tuple[str, str] | None:
    """(canonical name, region code) for a hospital mention, or None when generic.

    区中心医院 / 市中医医院 name the one such hospital of that level's region; 区级医院,
    区属综合医院, 二级以上医疗机构 name a kind of hospital and are not entities."""
    f = ctx.folded
    name = f[s:e]
    by_alias, _, _ = _hospital_gazetteer()
    if name in by_alias and _gazetteer_in_scope(by_alias[name], name, ctx):
        h = by_alias[name]
        r = regions().pick(h.get("region", ""), ctx.doc_region)
        return h["name"], r.code if r else ""
    after_region, region = _strip_region_prefix(ctx, s, e)
    core = ctx.g.strip_scope(f[after_region:e - len(suffix)])
    level = ""
    if region is None and core and core[0] in "区县市省" and core[1:2] not in ("级", "属"):
        level = core[0]
        core = core[1:]
        region = level_region(level, ctx.doc_region)
    if any(w in core for w in ("医院", "以上", "以下", "机构", "级", "属", "+")):
        return None
    only_type = core == "" or _only_words(core, ctx.g.hospital_type_words)
    if (level or after_region > s) and only_type:
        pass  # the region's own central / TCM / MCH hospital
    elif _hospital_is_generic(core, ctx.g) or len(core) < 2:
        return None
    grassroots = suffix in ("社区卫生服务中心", "社区卫生服务站", "卫生院", "卫生室")
    if level and region:
        return region.name + f[e - len(suffix) - len(core):e], region.code
    if after_region > s and region:
        if not f[s:after_region].endswith(region.name):
            return name, region.code  # 浦东医院: a short form is part of the registered name
        # keep only the innermost region in front: 嘉兴市海盐县X → 海盐县X
        return region.name + f[after_region:e], region.code
    if grassroots:
        county = ctx.sentence_region(s)
        if county is not None:
            return county.name + core + suffix, county.code
    return core + suffix, ctx.region_code()


def _only_words(text: str, words: set[str]) -> bool:
    rest = text
    while rest:
        for w in sorted(words, key=len, reverse=True):
            if rest.startswith(w):
                rest = rest[len(w):]
                break
        else:
            return False
    return True


def find_hospitals(ctx: Context) -> list[Mention]:
    f = ctx.folded
    g = ctx.g
    out: list[Mention] = []
    for m in g.hospital_suffix.finditer(f):
        suffix = m.group(0)
        if f.startswith(("集团", "共同体", "联合体", "联盟"), m.end()):
            continue  # 罗湖医院集团: part of a group's name
        start = g.left_extend(f, m.start())
        start = _cut_at_region(ctx, start, m.start())
        if start == m.start() and suffix not in ("社区卫生服务中心",):
            # bare suffix: only gazetteer names like "肿瘤医院" can stand alone
            pass
        start = _gazetteer_suffix(f, start, m.end())
        res = _canonical_hospital(ctx, start, m.end(), suffix)
        if res is None:
            out.extend(_coordinated_hospitals(ctx, start, m.start(), m.end(), suffix))
            continue
        name, code = res
        out.append(Mention(start, m.end(), EntityKey(HOSPITAL, name), ctx.surface(start, m.end()), region=code))
    # Well-known hospitals written without a hospital suffix in the gazetteer
    by_alias, _, pat = _hospital_gazetteer()
    found = SpanIndex(out)
    for m in pat.finditer(f):
        h = by_alias[m.group(0)]
        if h.get("type") == "Organization" or not _gazetteer_in_scope(h, m.group(0), ctx):
            continue
        if any(x.end >= m.end() for x in found.starting_in(max(0, m.start() - 40), m.start() + 1)):
            continue
        r = regions().pick(h.get("region", ""), ctx.doc_region)
        out.append(Mention(m.start(), m.end(), EntityKey(HOSPITAL, h["name"]), ctx.surface(m.start(), m.end()),
                           region=r.code if r else ""))
    for q in _QUOTED.finditer(f):
        inner = q.group(1)
        if _HOSP_WORD.search(inner) and len(inner) >= 6:
            s, e = q.start(1), q.end(1)
            after, region = _strip_region_prefix(ctx, s, e)
            name = inner if region else (ctx.doc_region.name + inner if ctx.doc_region else inner)
            out.append(Mention(s, e, EntityKey(HOSPITAL, name), ctx.surface(s, e), region=(region or ctx.doc_region).code if (region or ctx.doc_region) else ""))
    return out


def _gazetteer_suffix(f: str, start: int, end: int) -> int:
    """If a gazetteer name ends at ``end`` inside f[start:end], start there."""
    by_alias, _, _ = _hospital_gazetteer()
    for k in range(start, end - 2):
        if f[k:end] in by_alias:
            return k
    return start


def _cut_at_region(ctx: Context, start: int, head: int) -> int:
    """A name that has a full region name inside it starts at that region name
    ("借嘉定区中心医院" → "嘉定区中心医院")."""
    for s, e, r in ctx.region_index.starting_in(start + 1, head):
        if r.name == ctx.folded[s:e]:
            return s
    return start


_COORD = re.compile(rf"((?:[{_CJK}]{{2,4}}、)+[{_CJK}]{{2,4}}?)([一二三四五六七八九十两\d]+[家所个])$")
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


def _coordinated_hospitals(ctx: Context, start: int, suffix_start: int, end: int, suffix: str) -> list[Mention]:
    """"虹桥、华阳、新华三家社区卫生服务中心" names three hospitals."""
    f = ctx.folded
    left = f[max(0, suffix_start - 30):suffix_start]
    m = _COORD.search(left)
    if not m:
        return []
    base = suffix_start - len(left) + m.start(1)
    count = m.group(2)[:-1]
    n = int(count) if count.isdigit() else _CN_DIGIT.get(count, -1)
    if n != m.group(1).count("、") + 1:
        return []
    out = []
    pos = base
    county = ctx.sentence_region(base)
    items = m.group(1).split("、")
    # the first item may carry a verb in front ("全面提升虹桥")
    for k, item in enumerate(items):
        s = pos
        if k == 0:
            cut = ctx.g.left_extend(f, pos + len(item))
            s = max(cut, pos)
            item = f[s:pos + len(item)]
        if 2 <= len(item) <= 4 and not _hospital_is_generic(item, ctx.g):
            name = (county.name if county and suffix in ("社区卫生服务中心", "卫生院", "社区卫生服务站") else "") + item + suffix
            out.append(Mention(s, s + len(item), EntityKey(HOSPITAL, name), ctx.surface(s, s + len(item)) + suffix,
                               region=county.code if county else ""))
        pos += len(f[pos:].split("、", 1)[0]) + 1
    return out


# ------------------------------------------------------------------------ consortia

def _consortium_members(ctx: Context, label: str, region: Region | None = None) -> list[Mention]:
    """Members named inside a consortium's name: "龙华-闵行" → 龙华医院 (the district
    side is a region, not a member); "瑞金嘉定" → 瑞金医院."""
    by_alias, by_short, _ = _hospital_gazetteer()
    parts = [p for p in re.split(r"[-—–－]", label) if p]
    fam = regions().family_shorts(ctx.doc_region) if ctx.doc_region else {}
    region_names = set(fam) | ({ctx.doc_region.name} if ctx.doc_region else set())
    if len(parts) == 1:
        for rn in sorted(region_names, key=len, reverse=True):
            if label.endswith(rn) and len(label) > len(rn):
                parts = [label[: -len(rn)], rn]
                break
            if label.startswith(rn) and len(label) > len(rn):
                parts = [rn, label[len(rn):]]
                break
    out = []
    for p in parts:
        if p in region_names:
            continue
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


def find_consortia(ctx: Context) -> tuple[list[Mention], list[tuple[Mention, Mention]]]:
    """Named consortia and the members their names give, as (member, consortium)."""
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
    for m in re.finditer(r"((?:“[^“”\n]{1,20}”[、和及]?){1,6})([一二三四五六七八九十两\d]+大)?(" + "|".join(g.consortium_suffixes) + ")", f):
        suffix = m.group(3)
        for q in _QUOTED.finditer(m.group(1)):
            inner = q.group(1)
            qs = m.start(1) + q.start(1)
            if "、" in inner or "，" in inner:
                continue
            if inner in g.consortium_suffixes or any(inner.endswith(x) for x in g.consortium_suffixes):
                continue
            name = inner + suffix
            add(qs, qs + len(inner), name, inner)
    # quoted full names: “复旦-闵行健康联合体”
    for q in _QUOTED.finditer(f):
        inner = q.group(1)
        if "、" in inner or "，" in inner:
            continue  # a quoted list of forms ("全面托管、…、医疗联合体"), not a name
        for suf in g.consortium_suffixes:
            if inner.endswith(suf) and len(inner) > len(suf) + 1:
                label = inner[: -len(suf)]
                if label in g.consortium_generic:
                    break
                add(q.start(1), q.end(1), inner, label)
                break
    # unquoted: <region><specialty>专科联盟 — a consortium written without quotes carries
    # its region (full name or level character) and a short specialty in front
    taken_set = SpanSet(taken)
    for m in g.consortium_suffix.finditer(f):
        if taken_set.covers(m.start(), slack=2):
            continue
        s = g.left_extend(f, m.start(), max_len=14)
        s = _cut_at_region(ctx, s, m.start())
        core_start, region = _strip_region_prefix(ctx, s, m.start())
        level = ""
        if region is None and f[s:s + 1] in "区市县":
            level, core_start = f[s], s + 1
            region = level_region(level, ctx.doc_region)
        core = f[core_start:m.start()]
        group_name = m.group(0) in ("医院集团", "医疗集团") and not level and core == ""  # 罗湖医院集团
        if region is None or not (group_name or 2 <= len(core) <= 8) or re.search(r"[\d年内方面各该本、，]", core):
            continue
        if not group_name and (_hospital_is_generic(core, g) or core in g.consortium_generic):
            continue
        if s > 0 and f[s - 1] in "“”":
            continue
        full_prefix = level or f[s:core_start].endswith(region.name)
        name = (region.name + f[core_start:m.end()]) if full_prefix else f[s:m.end()]  # a short form stays as written
        add(s, m.end(), name, core, region)
    return out, members


# ------------------------------------------------------------------ policy documents

def find_policy_documents(ctx: Context, own_number: str | None) -> list[Mention]:
    f = ctx.folded
    g = ctx.g
    out: list[Mention] = []
    numbers = {}
    for m in _DOC_NUMBER.finditer(f):
        s = m.start()
        # the issuer abbreviation starts after any word that ends before it
        while s < m.end() and g.boundary_before(f, s) is False and f[s] in g.stop_chars:
            s += 1
        numbers[(s, m.end())] = re.sub(r"\s+", "", f[s:m.end()])
    number_at = {s: num for (s, _e), num in numbers.items()}
    for (s, e), num in numbers.items():
        out.append(Mention(s, e, EntityKey(POLICY, num), ctx.surface(s, e)))
    for m in _BOOK.finditer(f):
        title = m.group(1)
        bare = _TRAILING_PAREN.sub("", title).strip()
        if len(bare) < 4 or not bare.endswith(g.policy_heads):
            continue
        # 《T》（沪府发〔2019〕16号）: the number names the document, the title is an alias
        after = f[m.end():m.end() + 3]
        key_name = None
        if after.startswith(("（", "(")):
            key_name = next((number_at[k] for k in range(m.end(), m.end() + 3) if k in number_at), None)
        name = key_name or "《" + title + "》"
        out.append(Mention(m.start(), m.end(), EntityKey(POLICY, name), ctx.surface(m.start(), m.end())))
    # the document's own number and the 《title》 it issues ("印发《T》的通知")
    if own_number:
        for m in _BOOK.finditer(f[:400]):
            line_start = f.rfind("\n", max(0, m.start() - 400), m.start()) + 1
            line = f[line_start:f.find("\n", m.end()) if f.find("\n", m.end()) >= 0 else len(f)]
            if "印发" in line or "关于" in line[:m.start() - line_start + 2]:
                out.append(Mention(m.start(), m.end(), EntityKey(POLICY, own_number), ctx.surface(m.start(), m.end())))
                break
    # every occurrence of a title that was once given with its number names that number
    by_title: dict[str, EntityKey] = {}
    for x in out:
        if x.key.name != ctx.folded[x.start:x.end] and ctx.folded[x.start:x.start + 1] == "《":
            by_title[ctx.folded[x.start:x.end]] = x.key
    out = [Mention(x.start, x.end, by_title.get(ctx.folded[x.start:x.end], x.key), x.surface, x.region)
           if x.key.name.startswith("《") else x for x in out]
    # “健康服务业50条”: a policy known by its nickname
    for q in _QUOTED.finditer(f):
        if _POLICY_NICKNAME.match(q.group(1)):
            out.append(Mention(q.start(1), q.end(1), EntityKey(POLICY, q.group(1)), ctx.surface(q.start(1), q.end(1))))
    # 健康城市白皮书: white papers are documents even without 《》
    for m in re.finditer(r"(白皮书|蓝皮书)", f):
        s = g.left_extend(f, m.start(), max_len=14)
        if f[s - 1:s] == "《" or m.start() - s < 2:
            continue
        after, region = _strip_region_prefix(ctx, s, m.start())
        name = f[s:m.end()]
        if region is None and ctx.doc_region is not None:
            name = ctx.doc_region.name + name
        out.append(Mention(s, m.end(), EntityKey(POLICY, name), ctx.surface(s, m.end())))
    for m in _SUGGESTION.finditer(f):
        text = re.sub(r"\s+", "", m.group(0))
        level = text[0] if text[0] in "区市县省" else ""
        region = level_region(level, ctx.doc_region) if level else ctx.doc_region
        name = (region.name if region else "") + (text[1:] if level else text)
        out.append(Mention(m.start(), m.end(), EntityKey(POLICY, name), ctx.surface(m.start(), m.end())))
    return out


# --------------------------------------------------------------------------- programs

def _program_scope(name: str, ctx: Context) -> str:
    """Programs are scoped to the document's region unless their name carries a region
    or a national marker of its own."""
    if name.startswith(("国家", "全国", "中国", "健康中国", "长三角")) or "中国" in name:
        return ""
    if any(True for _ in regions().name_pattern.finditer(name)):
        return ""
    if ctx.doc_region:
        fam = regions().family_shorts(ctx.doc_region)
        if any(sh in name for sh in fam):
            return ""
        return ctx.doc_region.code
    return ""


def _program(ctx: Context, s: int, e: int, name: str) -> Mention:
    scope = _program_scope(name, ctx)
    return Mention(s, e, EntityKey(PROGRAM, name, scope), ctx.surface(s, e), region=scope or ctx.region_code())


_POLICY_NICKNAME = re.compile(rf"^[{_CJK}]{{2,12}}(?:\d+|[一二三四五六七八九十百]+)条$")


def _quoted_is_program(inner: str, g: Grammar) -> bool:
    if len(inner) < 3 or not re.search(rf"[{_CJK}]", inner) or _POLICY_NICKNAME.match(inner):
        return False
    if re.search(r"[，。！？；：]", inner) or inner.endswith(("+", "＋")):
        return False
    if inner.startswith("互联网+") or inner.endswith(g.quoted_concepts):
        return False
    if _NUMERIC_FRAME.match(inner) or _HOTLINE.match(inner):
        return False
    parts = inner.split("、")
    if len(parts) >= 3 or (len(parts) == 2 and min(len(p) for p in parts) < 2):
        return False
    if _SLOGAN_SHORT.match(inner) and not inner.endswith(g.quoted_heads):
        return False
    if any(inner.endswith(s) for s in g.consortium_suffixes) or any(inner == s for s in g.consortium_suffixes):
        return False
    if inner.endswith(("样板", "标杆", "典范", "名片", "品牌", "梦", "精神", "理念", "意识")):
        return False
    return True


def find_programs(ctx: Context, consortium_spans: list[tuple[int, int]]) -> list[Mention]:
    f = ctx.folded
    g = ctx.g
    out: list[Mention] = []
    quoted_spans = []
    in_consortium = SpanSet(consortium_spans)
    for q in _QUOTED.finditer(f):
        inner = q.group(1)
        s, e = q.start(1), q.end(1)
        quoted_spans.append((q.start(), q.end()))
        if in_consortium.covers(s) or _HOSP_WORD.search(inner):
            continue
        trail = _quoted_trailing(f, q.end(), g)
        concept = inner.endswith(g.quoted_concepts) or inner.startswith("互联网+")
        if trail is not None and not concept and not re.search(r"[，。；：]", inner):
            out.append(_program(ctx, q.start(), trail[1], inner + trail[0]))
            continue
        if _quoted_is_program(inner, g):
            out.append(_program(ctx, s, e, inner))
    # unquoted names ending in a program head (健康上海行动, 母婴安全行动计划)
    in_quotes = SpanSet(quoted_spans)
    for m in g.program_head.finditer(f):
        if in_quotes.covers(m.start()):
            continue
        head = m.group(0)
        s = g.left_extend(f, m.start())
        if s == m.start():
            continue
        if f[s - 1:s] and f[s - 1] in "各该本此这那每等":
            continue  # 各…行动 / A等B项目: a category, not a name
        if re.search(r"(?:\d+|[一二两三四五六七八九十]+)[个家项所大类]$", f[max(0, s - 4):s]):
            continue  # 11个…平台: counted things are a category
        if f[s:s + 1] == "中" and s > 0 and f[s - 1] in "”》":
            s += 1  # “民心工程”中便民就医工程: 中 is "in", not part of the name
        if f.startswith(("委员会", "委", "办公室", "领导小组"), m.end()):
            continue  # 健康促进行动委员会 … is a body, not the action
        if not _right_edge_ok(f, m.end(), g):
            continue  # the head is inside a longer noun (项目学校, 行动执行情况)
        name = g.strip_scope(f[s:m.end()])
        s = m.end() - len(name)
        core = name[: -len(head)]
        name = re.sub(r"首批|第一批|新一批", "", name)
        if name.startswith("建设") and len(name) >= len(head) + 6:
            name, s = name[2:], s + 2  # 建设区域…基座: a verb in front of the name
        if _program_core_generic(core, g, head):
            continue
        out.append(_program(ctx, s, m.end(), name))
    places = ["中国", "城市", "城区", "城镇", "乡村", "村镇", "县城"]
    if ctx.doc_region is not None:
        places += [k for k in regions().family_shorts(ctx.doc_region)]
    alts = "|".join(map(re.escape, sorted(places, key=len, reverse=True)))
    campaign = re.compile(r"(?:全国|新时代|" + alts + r")?(?:健康|卫生|文明|美丽|平安|数字健康|智慧)(?:" + alts + ")建设")
    for m in campaign.finditer(f):
        out.append(_program(ctx, m.start(), m.end(), m.group(0)))
    # 联盟式药品集中议价采购（GPO）: a Chinese full name defined with its Latin abbreviation
    for m in re.finditer(rf"([{_CJK}]{{4,24}})（([A-Z]{{2,6}})）(?=[工和、，。；]|$)", f):
        s = g.left_extend(f, m.end(1))
        if m.end(1) - s >= 4:
            out.append(_program(ctx, s, m.end(1), f[s:m.end(1)]))
    for m in g.known_programs.finditer(f):
        out.append(_program(ctx, m.start(), m.end(), m.group(0)))
    out.extend(_listed_programs(ctx, quoted_spans))
    # a name read inside a longer program name is part of it, not a second program
    return _drop_nested(out)


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Mentions not strictly inside a longer one (a sweep over start-sorted spans)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    keep = []
    reach_end, reach_start = -1, -1
    for m in ordered:
        inside = m.end <= reach_end and (reach_end - reach_start) > (m.end - m.start)
        if not inside:
            keep.append(m)
        if m.end > reach_end:
            reach_end, reach_start = m.end, m.start
    return keep


_LIST_ITEM_STOP = re.compile(r"[，。；：！？“”《》\n]")


_LIST_END = r"(?=的建设|建设(?![等、])|等配套文件|等(?=[，。；）]|$|[\u4e00-\u9fff]{0,4}(?:项目|工程|平台|行动|赛事|活动|举措))|）|$)"
_PROJECT_HEAD = re.compile(r"(平台|体系|中心|项目|工程|行动|计划|系统|基座|模式|建设|迁建|改扩建|联赛|运动会|服务|能力|转型|示范区)$")


def _listed_programs(ctx: Context, quoted_spans: list[tuple[int, int]]) -> list[Mention]:
    """Items of a list of things being built are programs: "完成A、B、C的建设",
    "包括A、B以及C", "推动A、B等" — coordination gives every item the type of the list.
    A list ended by 等 counts only when a project noun follows (等…项目/赛事), not a
    category (等并发症筛查, 等特色园区)."""
    f = ctx.folded
    g = ctx.g
    out: list[Mention] = []
    verbs = "|".join(map(re.escape, g.list_verbs))
    in_quotes = SpanSet(quoted_spans)
    for m in re.finditer(rf"(?:{verbs})((?:[^，。；：！？“”《》\n]{{2,30}}、)+[^，。；：！？“”《》\n]{{2,30}}?){_LIST_END}", f):
        body_start = m.start(1)
        body = m.group(1)
        if in_quotes.covers(body_start):
            continue
        parts = re.split(r"、|以及|及(?=[^、]*$)|和(?=[^、]*$)", body)
        if len(parts) < 2:
            continue
        items = []
        pos = body_start
        for part in parts:
            idx = f.find(part, pos)
            if idx < 0:
                break
            items.append((idx, idx + len(part), part))
            pos = idx + len(part)
        texts = [re.sub(r"[（(][A-Za-z0-9]+[）)]$", "", t).strip() for _, _, t in items]
        if any("的" in t or t[:1] in g.stop_chars or t.count("（") != t.count("）") or re.search(r"[\d%]|各|等", t)
               or len(t) < 3 or t.endswith(g.consortium_suffixes) for t in texts):
            continue
        if len(items) == 2 and not _PROJECT_HEAD.search(texts[0]) and _PROJECT_HEAD.search(texts[1]):
            # "药物、器械临床研究与转化平台": one name with a 、 inside, not two items
            s0, e1 = items[0][0], items[1][1]
            out.append(_program(ctx, s0, e1, f[s0:e1]))
            continue
        for (s, _e, _t), text in zip(items, texts):
            if not 3 <= len(text) <= 30:
                continue
            name = _strip_leading_verbs(text, g)
            if len(name) < 3:
                continue
            out.append(_program(ctx, s, s + len(text), name))
    return out


def _strip_leading_verbs(text: str, g: Grammar) -> str:
    changed = True
    while changed:
        changed = False
        for w in ("创建", "巩固", "开展", "推进", "实施", "建设", "完成", "推动", "加快"):
            if text.startswith(w) and len(text) - len(w) >= 4 and text[len(w):].startswith(("国家", "全国", "省", "市")):
                text = text[len(w):]
                changed = True
    return text


def _quoted_trailing(f: str, pos: int, g: Grammar) -> tuple[str, int] | None:
    """The head noun phrase right after a closing quote ("”的数字基座", "”长宁卫生数字转型模式"):
    (text without 的, end offset), or None."""
    start = pos + 1 if f.startswith("的", pos) else pos
    for k in range(0, 9):
        if start + k >= len(f) or not re.match(rf"[{_CJK}]", f[start + k]):
            return None
        m = g.quoted_trailing.match(f, start + k)
        if m is not None:
            return f[start:m.end()], m.end()
        if f[start + k] in g.stop_chars:
            return None
    return None


def _right_edge_ok(f: str, end: int, g: Grammar) -> bool:
    """A name ends where punctuation, a function word or a verb follows."""
    if end >= len(f) or not re.match(rf"[{_CJK}]", f[end]):
        return True
    if f[end] in g.stop_chars:
        return True
    return f.startswith(tuple(g.raw.get("right_ok_words", [])), end) or any(
        f.startswith(w, end) for w in g.boundary_words if len(w) >= 2)


def _program_core_generic(core: str, g: Grammar, head: str = "") -> bool:
    if re.match(r"\d{4}年", core):
        return True  # 2024年工作计划: a year's plan section, not a named program
    rest = core
    if len(rest) < 2 or _NUMERIC_FRAME.match(rest):
        return True
    while rest:
        for w in sorted(g.program_generic, key=len, reverse=True):
            if rest.startswith(w):
                rest = rest[len(w):]
                break
        else:
            break
    if len(rest) < 2:
        return True
    if head == "项目" and core.endswith("建设"):
        return True  # X建设项目: a category of projects
    return rest.endswith(("产业", "领域", "科研", "研发", "投资", "高能级", "高水平", "级", "类"))


def heading_programs(ctx: Context, owner_sections: set[int]) -> list[Mention]:
    """Section headings that are actions: the level at which responsibility lists first
    appear is the action level; its headings, and deeper headings that own a list, are
    Programs. Shallower headings (二、重大行动) are categories."""
    secs = ctx.sections
    if not owner_sections:
        return []
    action_level = min(secs[i].level for i in owner_sections)

    def has_owner_below(i: int) -> bool:
        return any(j in owner_sections for j in range(len(secs)) if secs[i].start <= secs[j].start < secs[i].end)

    out = []
    for i, sec in enumerate(secs):
        if sec.level < action_level:
            continue
        sibling_of_owner = sec.level == action_level and any(secs[j].parent == sec.parent for j in owner_sections
                                                             if secs[j].level == action_level)
        if i in owner_sections or (sec.level == action_level and (has_owner_below(i) or sibling_of_owner)):
            title = sec.title.strip()
            name = _heading_name(title, ctx.g)
            out.append(_program(ctx, sec.title_start, sec.title_start + len(title), name))
    return out


def _heading_name(title: str, g: Grammar) -> str:
    """"实施健康知识普及行动" names 健康知识普及行动: a leading verb is dropped when what
    follows ends in a program head; "强化心理健康服务体系建设" is kept whole."""
    for verb in ("实施", "推进", "开展", "推动", "深入开展", "深入实施", "全面实施", "大力实施", "组织实施", "启动"):
        rest = title[len(verb):]
        if title.startswith(verb) and len(rest) >= 4 and g.program_head.search(rest) and g.program_head.search(rest).end() == len(rest):
            return rest
    return title


# ------------------------------------------------------------------------ all finders

def issuer_key(issuer: str | None, region: Region | None) -> EntityKey | None:
    """The Department an issuer line names (上海市嘉定区卫生健康委员会), if any."""
    if not issuer:
        return None
    f = issuer.strip()
    ctx = Context(f, f, region, [])
    ctx.regions_found = region_mentions(f, region)
    deps = [m for m in find_departments(ctx) if m.end == len(f)]
    return deps[0].key if deps else None


def find_entities(ctx: Context, own_number: str | None = None) -> tuple[list[Mention], list[tuple[Mention, Mention]]]:
    """All mentions of a document, and consortium memberships read from names."""
    ctx.regions_found = region_mentions(ctx.folded, ctx.doc_region, full=ctx.full_region_names)
    mentions: list[Mention] = []
    mentions += find_regions(ctx)
    mentions += find_zones(ctx)
    mentions += find_departments(ctx)
    hospitals = find_hospitals(ctx)
    consortia, members = find_consortia(ctx)
    cspans = [(m.start, m.end) for m in consortia]
    # a hospital suffix inside a consortium name ("肿瘤医院-闵行") is still the hospital
    mentions += hospitals + consortia
    policies = find_policy_documents(ctx, own_number)
    mentions += policies
    programs = find_programs(ctx, cspans)
    # programs inside 《titles》 and inside other names are not separate mentions
    # a program name inside an organisation's name (省爱国卫生运动委员会) is part of that name
    orgs = SpanIndex([m for m in mentions if m.key.type in (DEPARTMENT, HOSPITAL, CONSORTIUM)])
    programs = [p for p in programs if not any(o.start <= p.start and p.end <= o.end and (o.start, o.end) != (p.start, p.end)
                                               for o in orgs.starting_in(max(0, p.start - 40), p.start + 1))]
    mentions += programs
    # names inside a cited document's number or title belong to the citation
    cited = SpanIndex([(p.start, p.end) for p in policies], start=lambda t: t[0], end=lambda t: t[1])

    def inside_citation(m: Mention) -> bool:
        return any((a, b) != (m.start, m.end) for a, b in cited.starting_in(max(0, m.start - 80), m.start + 1) if b >= m.end)

    mentions = [m for m in mentions if m.key.type in (POLICY, REGION) or not inside_citation(m)]
    return _dedupe(mentions), members


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen = set()
    out = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end, m.key.type, m.key.name)):
        k = (m.start, m.end, m.key)
        if k in seen:
            continue
        seen.add(k)
        out.append(m)
    return out


def section_of(ctx: Context, offset: int) -> int | None:
    return innermost_section(ctx.sections, offset)
