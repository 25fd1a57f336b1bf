"""Medical institutions: the suffix grammar, the gazetteer, region qualification and
coordinated names (虹桥、华阳、新华三家社区卫生服务中心).
"""
from __future__ import annotations

import re

from kg.extract.entities.common import (
    CJK,
    MEDICAL_CENTRE,
    QUOTED,
    Context,
    cut_at_region,
    gazetteer_in_scope,
    hospital_gazetteer,
    hospital_is_generic,
    strip_region_prefix,
)
from kg.extract.model import (
    HOSPITAL,
    EntityKey,
    Mention,
)
from kg.spans import SpanIndex
from kg.names.bodies import level_region
from kg.names.regions import regions


_ORDINALS = "一二三四五六七八九十"
_DATE = re.compile(r"\d{1,4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月(?:\d{1,2}日)?")
# 平均每个村卫生室, 每千农业人口乡镇卫生院: a statistic over every institution of a kind, no one named
_PER_INSTITUTION = re.compile(r"平均|每(?:个|所|家|千|万|百|十万)")
_GROUP_WORDS = ("集团", "共同体", "联合体", "联盟")  # after a hospital's name: a group's name it is part of
# 该院 and a specialty joined by 与 where a name's left edge stopped (该院生殖与|遗传专科医院)
_OWN_SPECIALTY = re.compile(rf"该院[{CJK}]{{2,4}}[与和]$")


def _own_hospital_start(ctx: Context, start: int, end: int) -> int | None:
    """Where 该院 (the hospital named before) opens the name f[start:end]: 该|院儿童医院 (该 is a
    boundary word) or, for a specialty hospital only (specialties joined by 与 name one), 该院生殖与|
    遗传专科医院; None where it does not, or where the name after 与 is another place's hospital
    (该院近日与登封市人民医院…: a partner, not the hospital's own)."""
    f = ctx.folded
    if start >= 1 and f.startswith("该院", start - 1):
        return start - 1
    if not f.endswith("专科医院", 0, end) or ctx.region_index.starting_in(start, end):
        return None
    m = _OWN_SPECIALTY.search(f, max(0, start - 7), start)
    return m.start() if m else None


# the endings of a grassroots institution's name: a centre, station or township hospital of one place
_GRASSROOTS = frozenset({"社区卫生服务中心", "社区卫生服务站", "卫生院", "卫生室"})


def canonical_hospital(ctx: Context, s: int, e: int, suffix: str) -> tuple[str, str] | None:
    """(canonical name, region code) for a hospital mention, or None when generic.

    区中心医院 / 市中医医院 name the one such hospital of that level's region; 区级医院,
    区属综合医院, 二级以上医疗机构 name a kind of hospital and are not entities."""
    f = ctx.folded
    name = f[s:e]
    by_alias, _, _ = hospital_gazetteer()
    if name in by_alias and gazetteer_in_scope(by_alias[name], name, ctx):
        h = by_alias[name]
        r = regions().pick(h.get("region", ""), ctx.doc_region)
        return h["name"], r.code if r else ""
    after_region, region = strip_region_prefix(ctx, s, e)
    core = ctx.g.strip_scope(f[after_region:e - len(suffix)])
    level = ""
    if region is None and core and core[0] in "区县市省" and core[1:2] not in ("级", "属"):
        level = core[0]
        core = core[1:]
        region = level_region(level, ctx.level_base)
    if any(w in core for w in ("医院", "以上", "以下", "机构", "级", "+")) or "属" in core.replace("附属", ""):
        return None
    if core.endswith(ctx.g.hospital_role_endings):
        return None  # 联盟医院, 对口帮扶医院: a hospital by its role, not its name  # 区属, 所属: a kind of hospital; 附属 (a university's affiliated hospital) names one
    only_type = core == "" or ctx.g.hospital_type_prefixes.covers(core)
    if level and region is None and only_type and ctx.doc_region is not None:
        return None  # 市中医医院 in a province's document: some city's, which one the text does not say
    if (level or after_region > s) and only_type:
        pass  # the region's own central / TCM / MCH hospital
    elif core == "立" and region is not None and after_region > s and f[after_region - 1] in "省市县区":
        return name, region.code  # 安徽省立医院, 福建省立医院: the province's own, 立 (established by) its level
    elif hospital_is_generic(core, ctx.g) or (len(core) < 2 and not (level == "市" and len(core) == 1 and core in _ORDINALS)):
        return None  # but 市一医院, 市二医院: the city's hospital of that ordinal, as it calls it (区一医院: whose?)
    grassroots = suffix in _GRASSROOTS
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
    return level + core + suffix, ctx.region_code()  # 省人民医院 in a text of no region: as written, its level kept


def find_hospitals(ctx: Context) -> list[Mention]:
    f = ctx.folded
    g = ctx.g
    out: list[Mention] = []
    for m in g.hospital_suffix.finditer(f):
        suffix = m.group(0)
        if f.startswith(_GROUP_WORDS, m.end()):
            continue  # 罗湖医院集团: part of a group's name
        start = g.left_extend(f, m.start())
        member = max([start] + [at + len(w) for w in g.consortium_member_words  # 医疗集团成员单位市中心医院
                                if (at := f.rfind(w, start, m.start())) >= 0])
        dated = [d.end() for d in _DATE.finditer(f, member, m.start())]
        if dated:
            member = dated[-1]  # 回望2025年10月长白县人民医院联合…: a date is no part of a name; the name follows it
        if _PER_INSTITUTION.search(f, member, m.start()):
            continue
        start = cut_at_region(ctx, member, m.start())
        ended = [e.end() for e in g.hospital_suffix.finditer(f, start, m.start()) if e.group(0) in _GRASSROOTS]
        if ended and m.start() - ended[-1] >= 2:
            # 六里屯社区卫生服务中心八里庄第二社区卫生服务中心: a table's cells run together, one name each (a
            # grassroots centre's name never holds another's; a hospital's two names may: 泉州市妇幼保健院·儿童医院)
            start = ended[-1]
        if start == m.start() and suffix not in ("社区卫生服务中心",):
            # bare suffix: only gazetteer names like "肿瘤医院" can stand alone
            pass
        own = _own_hospital_start(ctx, start, m.end())
        if own is not None:
            # 由该院生殖与遗传专科医院牵头 (记者从郑州大学第一附属医院获悉，…): a hospital of the one named before
            host = max((o for o in out if o.end <= own), key=lambda o: o.end, default=None)
            rest = f[own + 2:m.end()]
            if host is not None and len(rest) > len(suffix):
                out.append(Mention(own, m.end(), EntityKey(HOSPITAL, host.key.name + rest), ctx.surface(own, m.end()),
                                   region=host.region))
            continue
        start = _gazetteer_suffix(ctx, start, m.end())
        res = canonical_hospital(ctx, start, m.end(), suffix)
        if res is None:
            out.extend(_coordinated_hospitals(ctx, start, m.start(), m.end(), suffix))
            continue
        name, code = res
        out.append(Mention(start, m.end(), EntityKey(HOSPITAL, name), ctx.surface(start, m.end()), region=code))
    out = _branch_hospitals(ctx, out) + _direct_units_listed(ctx, out)
    # Well-known hospitals written without a hospital suffix in the gazetteer
    by_alias, _, pat = hospital_gazetteer()
    found = SpanIndex(out)
    for m in pat.finditer(f):
        h = by_alias[m.group(0)]
        if h.get("type") == "Organization" or not gazetteer_in_scope(h, m.group(0), ctx):
            continue
        if any(x.end >= m.end() for x in found.starting_in(max(0, m.start() - 40), m.start() + 1)):
            continue
        r = regions().pick(h.get("region", ""), ctx.doc_region)
        out.append(Mention(m.start(), m.end(), EntityKey(HOSPITAL, h["name"]), ctx.surface(m.start(), m.end()),
                           region=r.code if r else ""))
    for q in QUOTED.finditer(f):
        inner = q.group(1)
        if MEDICAL_CENTRE.search(inner) and len(inner) >= 6:
            s, e = q.start(1), q.end(1)
            after, region = strip_region_prefix(ctx, s, e)
            name = inner if region else (ctx.doc_region.name + inner if ctx.doc_region else inner)
            out.append(Mention(s, e, EntityKey(HOSPITAL, name), ctx.surface(s, e), region=(region or ctx.doc_region).code if (region or ctx.doc_region) else ""))
    return out


def _gazetteer_suffix(ctx: Context, start: int, end: int) -> int:
    """If a gazetteer name ends at ``end`` inside f[start:end], start there; never inside
    a region's name (铜仁市中医医院 is not 铜仁 + 上海's 市中医医院)."""
    by_alias, _, _ = hospital_gazetteer()
    f = ctx.folded
    for k in range(start, end - 2):
        if f[k:end] in by_alias:
            if any(s < k < e for s, e, _ in ctx.region_index.starting_in(max(0, k - 8), k)):
                continue
            if _named_by_another_place(ctx, k, by_alias[f[k:end]]):
                return start  # 苏州市第九人民医院: that city's own, not 上海's 第九人民医院
            return k
    return start


def _named_by_another_place(ctx: Context, k: int, h: dict) -> bool:
    """Does a region other than the gazetteer hospital's own, and none of its parts, end at ``k``?"""
    before = ctx.region_index.ending_at(k)
    if not before or not h.get("region"):
        return False
    table = regions()
    home = table.pick(h["region"], ctx.doc_region)
    if home is None:
        return False
    place = before[0][2]
    return home not in table.chain(place) and place not in table.chain(home)


_COORD = re.compile(rf"((?:[{CJK}]{{2,4}}、)+[{CJK}]{{2,4}}?)([一二三四五六七八九十两\d]+[家所个])$")
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}
_COUNTED_BEFORE = re.compile(r"\d+[家所个]?$")


def _coordinated_hospitals(ctx: Context, start: int, suffix_start: int, end: int, suffix: str) -> list[Mention]:
    """"虹桥、华阳、新华三家社区卫生服务中心" names three hospitals."""
    f = ctx.folded
    left = f[max(0, suffix_start - 30):suffix_start]
    m = _COORD.search(left) if left.endswith(("家", "所", "个")) and "、" in left else None
    if not m:
        return []
    base = suffix_start - len(left) + m.start(1)
    if _COUNTED_BEFORE.search(f, max(0, base - 4), base):
        return []  # 分赴拉萨市3家医院、日喀则市2家医院: counts of hospitals in two places, no names
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
        if 2 <= len(item) <= 4 and not hospital_is_generic(item, ctx.g):
            name = (county.name if county and suffix in ("社区卫生服务中心", "卫生院", "社区卫生服务站") else "") + item + suffix
            out.append(Mention(s, s + len(item), EntityKey(HOSPITAL, name), ctx.surface(s, s + len(item)) + suffix,
                               region=county.code if county else ""))
        pos += len(f[pos:].split("、", 1)[0]) + 1
    return out


# 医院 only: a 分院 or 院区 (浙医二院建德分院, 友谊医院顺义院区) is a campus or a hospital run by the
# parent under a contract, which texts treat as the parent's or as an alliance, not one hospital
_BRANCH_SUFFIX = "医院"


def _branch_hospitals(ctx: Context, found: list[Mention]) -> list[Mention]:
    """A hospital's branch in another region is one hospital, named by the parent and the place
    (北京中医医院内蒙古医院, 北京儿童医院保定医院, 华山医院福建医院: the 国家区域医疗中心 way of naming
    them): the parent's name followed at once by a region's name and 医院. The
    branch's own words alone (内蒙古医院) are then no hospital of their own."""
    f = ctx.folded
    out: list[Mention] = []
    absorbed: set[tuple[int, int]] = set()
    for h in found:
        places = [e for _, e, _ in ctx.region_index.starting_at(h.end)] + _place_short_end(f, h.end)
        end = next((e + len(_BRANCH_SUFFIX) for e in sorted(places, reverse=True) if f.startswith(_BRANCH_SUFFIX, e)), None)
        if end is None or f.startswith(_GROUP_WORDS, end):
            out.append(h)
            continue
        out.append(Mention(h.start, end, EntityKey(HOSPITAL, h.key.name + f[h.end:end]), ctx.surface(h.start, end),
                           region=h.region))
        absorbed.add((h.end, end))
    return [m for m in out if not any(a <= m.start and m.end <= b for a, b in absorbed)]


def _place_short_end(f: str, at: int) -> list[int]:
    """Ends of a province's or city's short name written at ``at`` (保定 of 北京儿童医院保定医院,
    海口 of 上海市第六人民医院海口医院), which the text's own regions need not include."""
    table = regions()
    return [at + k for k in (2, 3) if any(r.level in ("province", "prefecture") for r in table.by_short.get(f[at:at + k], ()))]


# …等县直10家医疗卫生单位, 等区直医疗机构: the list's units are those the county (district, city) runs itself
_DIRECT_UNITS = re.compile(r"等(县|区|市|旗)直")


def _direct_units_listed(ctx: Context, found: list[Mention]) -> list[Mention]:
    """A list closed by 等县直…单位 names the county's own institutions, so a bare kind in it
    (县医院、中医院、传染病医院等县直10家医疗卫生单位; 拜城县疾控中心、人民医院、妇幼保健站等县直…) is
    that county's: 农安县中医院, 拜城县人民医院. Only an item that is a kind of hospital and nothing
    more is read; without the document's region, nothing."""
    f, g = ctx.folded, ctx.g
    taken = SpanIndex(found)
    out = []
    for m in _DIRECT_UNITS.finditer(f):
        region = level_region(m.group(1).replace("旗", "县"), ctx.level_base)  # a banner is a county
        if region is None:
            continue
        opened = max(f.rfind(ch, max(0, m.start() - 120), m.start()) for ch in "，。；：,;:\n") + 1
        pos = opened
        for item in f[opened:m.start()].split("、"):
            s, e = pos, pos + len(item)
            pos = e + 1
            if g.hospital_kind_alone.fullmatch(item) and not taken.within(s, e):
                out.append(Mention(s, e, EntityKey(HOSPITAL, region.name + item), ctx.surface(s, e), region=region.code))
    return out
