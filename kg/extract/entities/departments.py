"""Government bodies: the standard-name table, jurisdiction prefixes, 'A、B等部门' lists and
我委/本局 self-references.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.anchored import finditer_in_runs, is_cjk, is_cjk_list_or_digit
from kg.extract.entities.common import CJK, ZONE_COMMITTEE, Context
from kg.extract.grammar import Grammar
from kg.extract.model import (
    DEPARTMENT,
    EntityKey,
    Mention,
)
from kg.extract.segment import SectionList
from kg.spans import SpanSet
from kg.lexicon import WordMatcher, compile_words
from kg.names.bodies import LEVEL_CHARS, NATIONAL_PREFIXES, Body, bodies, level_region
from kg.names.regions import Region, innermost, region_mentions, regions

_ENUM = re.compile(rf"((?:[{CJK}]{{2,10}}、)+[{CJK}]{{2,10}})等(?:[\d一二三四五六七八九十]+个)?(?:部门|单位|委办局)")
# what every _ENUM match ends with (the pattern itself opens with a character class)
_ENUM_END = re.compile(r"等(?:[\d一二三四五六七八九十]+个)?(?:部门|单位|委办局)")
_COORDINATING_BODY = re.compile(
    rf"(?:国务院)?"
    rf"(?:(?:健康[{CJK}]{{1,4}}?(?:行动|建设)|国民营养健康|爱国卫生运动|深化医药卫生体制改革|[{CJK}]{{2,6}}?工作部际)"
    rf"(?:推进委员会|建设委员会|指导委员会|专家咨询委员会|工作委员会|领导小组|联席会议)"
    rf"|健康[{CJK}]{{2,4}}?建设委员会"  # 健康赣州建设委员会: the committee of the campaign's construction
    rf"|(?:健康(?:促进|教育)|无偿献血)(?:工作)?(?:委员会|领导小组)|健康(?:教育)?专家(?:咨询)?委员会)(?:办公室)?")
_INNER_BREAK = re.compile(r"[，。；、：（]")
_CAMPAIGN_GROUP = re.compile(r"(?:示范区|示范县|示范市|卫生城市|卫生县城|卫生乡镇|卫生城镇|文明城市|健康城市|健康县城)"
                             r"(?:创建|建设)(?:工作)?(?:领导小组|指挥部)(?:办公室)?")
# the joint conference, committee or leading group of a disease's control: 市职业病防治工作联席会议, 通辽市防治艾滋病
# 工作委员会办公室, 公共卫生与重大疾病防治工作领导小组; its remit and jurisdiction are read leftwards from it
_CONTROL_BODY = re.compile(rf"(?:防治(?:攻坚)?(?:工作)?|防治[{CJK}]{{2,5}}?工作)(?:联席会议|工作委员会|委员会|领导小组)(?:办公室)?")
# the administrative committee of a zone: 莘庄工业区管委会, 兰州新区管委会 (a national new area), 曲阜文化建设示范区管委会
_ZONE_KIND = ("(?:工业区|开发区|高新区|产业园区|产业园|经济技术开发区|新区|示范区|试验区|实验区|合作区|管理区|旅游度假区|风景区|风景名胜区"
              "|港区|集聚区|投资区|保税区|景区)")
_ZONE_COMMITTEE = re.compile(rf"([{CJK}]{{2,8}}(?P<kind>{_ZONE_KIND}))(管委会|管理委员会)")
ZONE_KINDS = re.compile(_ZONE_KIND + "管理委员会$")  # a zone committee's canonical name
_EVERY_LEVEL = re.compile(r"[两三各]级")
# a zone named by its kind alone, no place name: the zone of the document's region
_UNNAMED_ZONES = frozenset({"经济开发区", "经济技术开发区", "高新区", "高新技术产业开发区", "开发区", "工业园区",
                            "产业园区", "工业区"})
# a body named by its domain alone (体育部门) is one body where the text makes it the responsible unit
_NAMED_AS_RESPONSIBLE = ("牵头", "负责", "主办")
# 各 and the levels it spans, written before a body's short name (各区县（市）卫健局, 各县（市、区）卫生健康局)
_EVERY_LEVEL_BEFORE = re.compile(r"各(?:自治州|自治县|地区|[区县市乡镇州盟旗（）()、]){1,8}$")
_CLAUSE_START = re.compile(r"[，。；：:\n]")
# 各地、州、市…, 西宁市、海东地区、各自治州卫生局、…: areas named first may stand before the 各
_EVERY_AREA_LIST = re.compile(r"(?:[\u4e00-\u9fff]{2,8}?(?:市|地区|州|盟)、){0,4}各(?:地|自治州|自治县|设区的?市|[区县市乡镇州盟旗])[^，。；：:\n]{0,200}")


def _in_every_levels_list(f: str, s: int) -> bool:
    """Is the body at ``s`` an item of a list that opens with 各 and the areas it spans
    (各地、州、市卫生健康委、民政局、财政局): each item a kind of body, in every area?"""
    if s == 0 or f[s - 1] != "、":
        return False
    lo = max(0, s - 200)
    breaks = [m.end() for m in _CLAUSE_START.finditer(f, lo, s)]
    start = breaks[-1] if breaks else lo
    m = _EVERY_AREA_LIST.match(f, start, s)
    return m is not None and m.end() == s and all(len(item) <= 12 for item in f[start:s].split("、"))


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
    for word, level in _LEVEL_WORDS:  # 自治区教育厅: the autonomous region's own, as 省 is a province's
        if f.endswith(word, 0, start):
            return start - len(word), level_region(level, ctx.level_base), "level"
    if start > 0 and f[start - 1] in "区县市省州":
        return start - 1, level_region(f[start - 1], ctx.level_base), "level"
    return start, None, "none"


# prepositions of official writing that a body's name follows (经…推进委员会同意, 据…领导小组通报)
_BEFORE_A_BODY = "经据请向"
# the level words written in front of a body for the document's own jurisdiction, as 省/市/县 are
_LEVEL_WORDS = (("自治区", "省"), ("自治州", "州"), ("自治县", "县"))


def _level_word_alone(f: str, at: int, g: Grammar) -> bool:
    """Is the level character at ``at`` a word of its own (区卫生健康局 opening a clause, 和县疾控中心), not the
    end of a longer word (矿区, 新区, 主城区) or one level of a list of them (县(市)、区, 各盟行政公署、市)?"""
    before = f[at - 1:at]
    return not before or before in "，。；：,;:\n \t\u3000" or (before in g.stop_chars and before not in "各等")


def _department_mention(ctx: Context, s: int, e: int, body: Body, national: bool, region: Region | None) -> Mention:
    table = bodies()
    name = table.canonical(body, region, national=national)
    if region is None and not national:
        written = ctx.folded[s:e]  # 县爱卫会 in a text that names no place: the county's, 县爱国卫生运动委员会
        level = written[:1]
        if level and level in "省市县区州" and written not in table.by_alias and written[1:] in table.by_alias:
            name = body.template_all.format(region=level, short=level) if body.template_all else level + name  # 区委宣传部 → 中共区委宣传部
    code = "" if national else (region.code if region else "")
    scope = ctx.unscoped if region is None and not national else ""
    if name.startswith("中共") and ctx.folded.startswith("中共", s - 2):
        s -= 2  # 中共云南省委: the party's name written before the committee is part of its surface
    return Mention(s, e, EntityKey(DEPARTMENT, name, scope), ctx.surface(s, e), region=code)


_OFFICES = ("办公厅", "办公室")
_BRANCH = re.compile(rf"[{CJK}]{{2,4}}?分局")
_HEADS_TITLE = ("长",)  # 局长, 厅长: the title fuses with the body's ending; 卫健委主任 still names the body


_DIVIDED_BODIES = ("委员会", "委", "局", "厅", "部")  # the bodies whose divisions are named after them
_EMBEDDED_BODY = re.compile(rf"[省市县区州][{CJK}]{{1,8}}?(?:局|委|厅|办)")  # 邀请市医保局, 协调市公安局处


def _division_after(f: str, mention: Mention, g: Grammar) -> str:
    """The division a body's name is followed by (规划发展与信息化司 after 国家卫生健康委, a commission's
    bureau: 卫生计生委综合监督执法局), or "": what grammar.json "divisions" says a division is not — a
    title (处长), a verb (处理, 查处), 科普, a collective (各处), a sentence's words, another body."""
    if not mention.key.name.endswith(_DIVIDED_BODIES):
        return ""  # a government's, an office's or a centre's sub-units are named otherwise
    d = g.divisions
    m = d.division.match(f, mention.end)
    if m is None and mention.key.name.endswith("委员会"):
        m = d.commission_bureau.match(f, mention.end)  # 国家卫生健康委疾控局
    if m is None:
        return ""
    run = m.group(0)
    if (d.not_inside.search(run) or run.startswith(d.not_opening) or run[:-1].endswith(d.verbs_before_head)
            or _EMBEDDED_BODY.search(run) or regions().name_pattern.search(run)):
        return ""
    return run


def _with_office(ctx: Context, mention: Mention, body: Body | None = None) -> Mention:
    """国家卫生健康委办公厅, 省教育厅办公室: a body's general office, written right after its
    name, is a body of its own (FORMAT.md: a government body or its office). A party
    committee's office and a government's (人民政府办公室, in the table) are named otherwise."""
    f = ctx.folded
    branch = _BRANCH.match(f, mention.end) if mention.key.name.endswith("局") else None
    division = "" if branch else _division_after(f, mention, ctx.g)
    if branch:  # 广州市生态环境局番禺分局: a bureau's branch in a district, a body of its own
        suffix = branch.group(0)
    elif division:  # 国家卫生健康委规划发展与信息化司, 市卫生计生委综合监督执法局: a division of the body
        suffix = division
    else:
        suffix = next((w for w in _OFFICES if f.startswith(w, mention.end)), "")
        if not suffix or (body is not None and body.party) or mention.key.name.endswith(_OFFICES + ("政府",)):
            return mention
    e = mention.end + len(suffix)
    return Mention(mention.start, e, EntityKey(DEPARTMENT, mention.key.name + suffix, mention.key.scope),
                   ctx.surface(mention.start, e), region=mention.region)



def _opens_a_table_row(f: str, s: int, e: int) -> bool:
    """Is f[s:e] the first cell of a table's row (宣传部（融媒体中心）\t把健康文化…): at a line's
    start, followed by the cell's end or a bracketed other name?"""
    return (s == 0 or f[s - 1] == "\n" or f.endswith("| ", 0, s) or f[s - 1] == "|") and f[e:e + 2].lstrip(" ")[:1] in ("\t", "|", "（")

def find_departments(ctx: Context) -> list[Mention]:
    table = bodies()
    f = ctx.folded
    out: list[Mention] = []
    enum_items: set[tuple[int, int]] = set()
    enum_ends: set[int] = set()
    sector_lists: list[tuple[int, int]] = []  # 政法、公安、教育、卫健、团委、妇联等: sectors, no bodies
    for m in finditer_in_runs(_ENUM, f, _ENUM_END, is_cjk_list_or_digit):
        pos = m.start(1)
        items = m.group(1).split("、")
        for item in items:
            enum_items.add((pos, pos + len(item)))
            enum_ends.add(pos + len(item))
            pos += len(item) + 1
        if any(i in table.by_alias and not table.distinctive(i) and i not in ctx.g.prefixed_short_bodies for i in items):
            sector_lists.append((m.start(1), m.end(1)))
    # 工会、团委、妇联等 (a table's cell, a list with no noun after 等): mass organisations named by their
    # short names, each the organisation of the document's area
    for m in ctx.g.short_body_list.finditer(f):
        pos = m.start(1)
        for item in re.split("[、和]", m.group(1)):
            enum_items.add((pos, pos + len(item)))
            enum_ends.add(pos + len(item))
            pos += len(item) + 1
    enum_set = SpanSet(enum_items)
    in_sector_list = SpanSet(sector_lists)
    if ctx.issuer is not None:
        # 我委, 本局: the document's issuer speaking of itself
        for m in re.finditer(r"(?:我|本)(?:委|局|办|厅|中心)(?![\u4e00-\u9fff]{0,1}(?:员|托|属|部|内))", f):
            if ctx.issuer.name.endswith({"委": ("委员会", "委"), "局": ("局",), "办": ("办公室", "办"), "厅": ("厅",),
                                         "中心": ("中心",)}[m.group(0)[1:]]):
                out.append(Mention(m.start(), m.end(), ctx.issuer, ctx.surface(m.start(), m.end()), region=ctx.region_code()))
    for m in _department_pattern().finditer(f):
        alias = m.group(0)
        s, e = m.start(), m.end()
        if f.startswith(_HEADS_TITLE, e) and alias.endswith(("局", "厅", "部", "处", "科")) and f[e + 1:e + 2] not in "期远效足久":
            continue  # 全国中医药局长会议, 卫生厅厅长: the head's title, no mention of the body
        if alias.endswith("局") and ctx.g.bureau_word_after.match(f, e):
            continue  # 经济局势, 建设局面, 人事局限于: 局 opens another word, no body (not 局部署, 局面向)
        if alias in table.level_embedded:  # 团省委: the level is inside the alias
            body, level = table.level_embedded[alias]
            ps, region, kind = _prefix(ctx, s)
            if kind != "region":
                ps, region = s, level_region(level, ctx.level_base)
            out.append(_department_mention(ctx, ps, e, body, False, region))
            continue
        if alias in table.national_fixed and alias not in table.by_alias:  # 广电总局, 全国妇联: a central body
            out.append(_with_office(ctx, Mention(s, e, EntityKey(DEPARTMENT, table.national_fixed[alias]), ctx.surface(s, e))))
            continue
        national = alias in table.national_names and alias not in table.by_alias
        body = table.national_names[alias] if national else table.by_alias[alias]
        if body.party and alias == "委" and (e < len(f) and f[e] in "员托派屈婉任以会宣组统政办编"):
            continue  # 委员, 委托 …; 委宣传部 and the like are the committee's own departments
        ps, region, kind = _prefix(ctx, s)
        if kind == "national":
            national = True
        elif (_EVERY_LEVEL_BEFORE.search(f, max(0, s - 10), s) or (kind == "none" and _in_every_levels_list(f, s))
              or (kind == "level" and ps > 0 and f[ps - 1] in LEVEL_CHARS and not ctx.region_index.ending_at(ps))):
            continue  # 各区县（市）卫健局, 各地、州、市卫生健康委、民政局, 区县疾病预防控制中心: every area's, no one body
        # a list noun right after a short alias makes it a department ("体育部门", "文广系统")
        with_noun = False
        if f.startswith(ctx.g.list_nouns, e):  # one call for the usual "no"
            for noun in ctx.g.list_nouns:
                if f.startswith(noun, e) and not alias.endswith(noun):
                    e += len(noun)
                    with_noun = True
                    break
        distinctive = table.distinctive(alias) or alias.endswith(ctx.g.list_nouns) or national or with_noun \
            or (kind in ("region", "level") and alias in ctx.g.prefixed_short_bodies)  # 市妇联动员…: a mass organisation's own short name
        right_ok = e >= len(f) or f[e] in _DEPT_RIGHT_OK
        in_enum = m.end() in enum_ends and enum_set.covers(s)
        if body.party or alias in ("政府", "人民政府"):
            if kind not in ("region", "level"):
                if not (body.party and _opens_a_table_row(f, s, e) and ctx.doc_region):
                    continue
                region = ctx.doc_region  # 宣传部 alone is a party body only as a row of a table of the document's units
        elif kind == "none":
            if not (distinctive or in_enum):
                continue
            by_domain = with_noun or alias.endswith(ctx.g.list_nouns) or (in_enum and not table.distinctive(alias) and (
                alias not in ctx.g.prefixed_short_bodies or in_sector_list.covers(s)))  # 工会、团委、妇联等: bodies
            if by_domain and not f.startswith(_NAMED_AS_RESPONSIBLE, e) and (ps, e) != (0, len(f)):
                continue  # 发改、财政部门落实…, 与民政部门密切配合: bodies by domain, no one body (FORMAT.md)
            if not in_enum and s > 0 and re.match(rf"[{CJK}]", f[s - 1]) and f[s - 1] not in ctx.g.stop_chars \
                    and not ctx.g.boundary_before(f, s):
                continue  # inside a longer name ("中医大数据中心")
            if not distinctive and not right_ok:
                continue
            region = ctx.doc_region
            if region is None and body.national and ctx.national:
                national = True  # a national document: 卫生健康委 is the national commission
        elif not distinctive and not right_ok:
            continue
        elif kind == "level" and ps > 0 and f[ps - 1] in "省市县区" and (with_noun or alias.endswith(ctx.g.list_nouns)):
            continue  # 市县教育部门: the bodies of every city and county, no one body
        if kind == "level" and ps >= 2 and f[ps - 1] == "、" and f[ps - 2] in "省市县":
            region = level_region(f[ps - 2], ctx.level_base)  # 市、区爱卫办: the city's office and every district's
        elif kind == "level" and region is None and ctx.doc_region is not None and not _level_word_alone(f, ps, ctx.g):
            continue  # 县(市)、区人民政府, 各市州、甘肃矿区卫生健康委, 主城区疾控中心: every area's, or no level word
        # kind "level" with no region (县疾控中心 in a city's text of two counties): some county's, which the
        # text does not say: named as written, in the document's own scope (ctx.unscoped)
        out.append(_with_office(ctx, _department_mention(ctx, ps, e, body, national, region), body))
    # 健康中原行动推进委员会, 黑龙江省国民营养健康指导委员会: a coordinating body named by its
    # remit, written out in full (a committee, leading group or joint conference of health work)
    for m in _COORDINATING_BODY.finditer(f):
        s0, e0 = m.start(), m.end()
        while f[s0] in ctx.g.stop_chars:
            s0 += 1  # 由A、B牵头的青少年体育工作部际联席会议: no name opens with a function word
        if "工作部际" in m.group(0):  # a remit of any words: 同意建立精神卫生工作部际联席会议 opens with the verb
            s0 += len(max((w for w in ctx.g.boundary_words if f.startswith(w, s0) and s0 + len(w) < m.end() - 6),
                          key=len, default=""))
        if f.endswith("自治区", 0, s0):
            s0 -= 3  # 自治区健康宁夏建设领导小组: the region's level, as 省 is a province's
        elif not m.group(0).startswith("国务院"):
            s0, _, _ = _prefix(ctx, s0)  # its jurisdiction: a region's name or a level character
        if s0 > 0 and "\u4e00" <= f[s0 - 1] <= "\u9fff" and f[s0 - 1] not in ctx.g.stop_chars \
                and f[s0 - 1] not in _BEFORE_A_BODY and not ctx.g.boundary_before(f, s0):
            continue  # inside a longer name
        if f.startswith("（", e0):
            # 省健康海南建设委员会（爱国卫生运动委员会）(办公室): one body under its two names, written as one
            close = f.find("）", e0, e0 + 16)
            inner = f[e0 + 1:close] if close > 0 else ""
            if inner.endswith(("委员会", "领导小组")) and not _INNER_BREAK.search(inner):
                e0 = close + 1 + (len("办公室") if f.startswith("办公室", close + 1) else 0)
        out.append(Mention(s0, e0, EntityKey(DEPARTMENT, _coordinating_name(ctx, s0, e0)), ctx.surface(s0, e0),
                           region=ctx.region_code()))
    # 同安区慢性病综合防范示范区建设领导小组办公室: the leading group of a campaign to build or win a
    # title (a demonstration zone, a sanitary city) and its office, named by what precedes its remit
    for m in _CAMPAIGN_GROUP.finditer(f):
        s0 = ctx.g.left_extend(f, m.start(), max_len=16)
        if m.start() - s0 < 2:
            continue  # 示范区建设领导小组 alone: whose, the text does not say
        if any(o.start <= s0 and m.end() <= o.end for o in out):
            continue
        out.append(Mention(s0, m.end(), EntityKey(DEPARTMENT, _coordinating_name(ctx, s0, m.end())),
                           ctx.surface(s0, m.end()), region=ctx.region_code()))
    for m in _CONTROL_BODY.finditer(f):
        s0 = ctx.g.left_extend(f, m.start(), max_len=16)
        while s0 > 1 and f[s0 - 1] in "与和及":  # 公共卫生与重大疾病防治工作领导小组: a remit of two parts
            s1 = ctx.g.left_extend(f, s0 - 1, max_len=10)
            if s0 - 1 - s1 < 2:
                break
            s0 = s1
        if _EVERY_LEVEL.search(f, s0, m.start()):
            continue  # 市县两级…联席会议: the bodies of two levels, no one body
        if m.end() - s0 < 8 or any(o.start <= s0 and m.end() <= o.end for o in out):
            continue  # 防治工作领导小组 alone: whose, the text does not say
        out.append(Mention(s0, m.end(), EntityKey(DEPARTMENT, _coordinating_name(ctx, s0, m.end())),
                           ctx.surface(s0, m.end()), region=ctx.region_code()))
    out.extend(_remit_groups(ctx, out))
    # 莘庄工业区管委会: the administrative committee of an industrial zone or development area
    for m in finditer_in_runs(_ZONE_COMMITTEE, f, ZONE_COMMITTEE, is_cjk):
        s0 = ctx.g.left_extend(f, m.start("kind"), max_len=8)
        before = [a for a, b, _ in ctx.region_index.starting_in(max(0, s0 - 8), s0) if b == s0]
        if before:
            s0 = min(before)  # 成都天府新区管委会: the city's name is part of the zone's
        listed = _listed_zones(ctx, s0)
        out.extend(z for z in listed if not any(o.start <= z.start and z.end <= o.end for o in out))
        if any(o.start <= s0 and m.end() <= o.end for o in out):
            continue  # read as a body already (江西省赣江新区管理委员会)
        zone = f[s0:m.end(1)]
        if zone in _UNNAMED_ZONES and ctx.doc_region is not None:
            zone = ctx.doc_region.name + zone  # 经济开发区管委会 in a county's text: the county's zone
        out.append(Mention(s0, m.end(), EntityKey(DEPARTMENT, zone + "管理委员会"), ctx.surface(s0, m.end()),
                           region=ctx.region_code()))
    out.extend(_committees_listed_whole(ctx, out))
    out.extend(_customs_districts(ctx, out))
    out.extend(_town_governments(ctx, out))
    return _bare_as_levelled(out) if ctx.doc_region is None else out


# 城南镇人民政府, 斑竹园镇政府, 某某乡人民政府: a town's or township's government, which the table of
# divisions (counties and up) does not name; the town's name is two to four characters at a word's start
_TOWN_GOVERNMENT = re.compile(r"(?P<kind>[镇乡])(?P<gov>人民政府|政府)")
_TOWN_NAME_OPEN = "在和与及到从对由、，。；：（(“\n 区县市旗"  # what may stand before the name
_NO_TOWN_OPENING = ("区", "县", "市")  # 新都区斑竹园镇: the county's name before the town's is no part of it
# every town, a town spoken of in general, a phrase's words (乡政府和, 建立以): no one town's name
_NO_TOWN_WORDS = ("各", "本", "该", "全", "所在", "相关", "有关", "我", "乡镇", "城乡")
_NO_TOWN_CHARS = "由在对从到和与及的以为将把政府"


def _town_name_start(f: str, kind_at: int) -> int | None:
    """Where the town's name before 镇/乡 at ``kind_at`` starts: the longest of four to two
    characters that opens at a word's start and is a name, or None."""
    for n in (4, 3, 2):
        s = kind_at - n
        name = f[s:kind_at]
        if s < 0 or (s > 0 and f[s - 1] not in _TOWN_NAME_OPEN) or not all(is_cjk(ch) for ch in name):
            continue
        if name.startswith(_NO_TOWN_OPENING) or any(ch in _NO_TOWN_CHARS for ch in name) \
                or any(w in f[s:kind_at + 1] for w in _NO_TOWN_WORDS):
            continue
        return s
    return None


def _town_governments(ctx: Context, found: list[Mention]) -> list[Mention]:
    """The government of a town or township (FORMAT.md: a government body is a Department), named
    as written, its canonical name with 人民政府 (城南镇政府 → 城南镇人民政府)."""
    f = ctx.folded
    if "镇" not in f and "乡" not in f:
        return []
    out: list[Mention] = []
    for m in _TOWN_GOVERNMENT.finditer(f):
        start = _town_name_start(f, m.start())
        if start is None or any(o.start <= start and m.end() <= o.end for o in found):
            continue
        name = f[start:m.end("kind")] + "人民政府"
        out.append(Mention(start, m.end(), EntityKey(DEPARTMENT, name), ctx.surface(start, m.end()),
                           region=ctx.region_code()))
    return out


def _customs_districts(ctx: Context, found: list[Mention]) -> list[Mention]:
    """牡丹江海关, 西宁海关: a customs district of 海关总署 is named by its city's name or short name
    before 海关, as written (a name no level table gives: 永州海关 is no 州's)."""
    out, f = [], ctx.folded
    at = f.find("海关")
    while at >= 0:
        place = [(s, r) for s, _, r in ctx.region_index.ending_at(at)]
        if place and not f.startswith("总署", at + 2) and not any(o.start < at + 2 and at < o.end for o in found):
            s = min(s for s, _ in place)
            out.append(Mention(s, at + 2, EntityKey(DEPARTMENT, f[s:at + 2]), ctx.surface(s, at + 2), region=place[0][1].code))
        at = f.find("海关", at + 2)
    return out


# a committee that stands whole as an item of a list or an address line (各市(州)人民政府,长白山管委会,长春新区管委会):
# the item before 管委会 is its zone's name, whatever kind of zone it is (长白山, 宁东, 天府新区眉山)
_ITEM_COMMITTEE = re.compile(rf"(?:^|(?<=[，、,：:；;\s]))([{CJK}]{{2,8}}?)(?:管委会|管委)(?=[，、,：:；;。\s]|$)", re.M)
_BARE_ZONE_KIND = re.compile(_ZONE_KIND + "$")
# a zone listed before with 、 shares the committee (各开发区、示范区管委会; 示范区、东城区管委会): no one zone's
_ZONE_LISTED_BEFORE = re.compile(_ZONE_KIND + "、$")
_NOT_A_ZONE_NAME = ("各", "有关", "相关", "本", "该", "全", "其", "由", "经", "和", "与", "及")


def _committees_listed_whole(ctx: Context, found: list[Mention]) -> list[Mention]:
    if "管委" not in ctx.folded:
        return []  # most texts name none: one scan instead of the pattern's at every offset
    out = []
    for m in _ITEM_COMMITTEE.finditer(ctx.folded):
        zone = m.group(1)
        if zone.startswith(_NOT_A_ZONE_NAME) or _BARE_ZONE_KIND.match(zone) or zone in _UNNAMED_ZONES:
            continue
        if _ZONE_LISTED_BEFORE.search(ctx.folded, max(0, m.start() - 12), m.start()):
            continue
        if any(b == m.end(1) for _, b, _ in ctx.region_index.starting_at(m.start())):
            continue  # 东城区管委会: a region's name is no zone's
        if any(o.start < m.end() and m.start() < o.end for o in found):
            continue  # read already (莘庄工业区管委会, 江西省赣江新区管理委员会)
        out.append(Mention(m.start(), m.end(), EntityKey(DEPARTMENT, zone + "管理委员会"), ctx.surface(m.start(), m.end()),
                           region=ctx.region_code()))
    return out


# a zone named in a list before the one its committee follows (济宁高新区、太白湖新区、济宁经济技术开发区管委会)
_LISTED_ZONE = re.compile(rf"([{CJK}]{{2,12}}?(?P<kind>{_ZONE_KIND}))、$")
_NOT_LISTED_KINDS = ("示范区", "试验区")


def _listed_zones(ctx: Context, end: int) -> list[Mention]:
    """The committees a shared 管委会 names for the zones listed before the last (each zone's own:
    济宁高新区、太白湖新区、济宁经济技术开发区管委会 names three), the zones read leftwards while
    each ends in a zone's kind and 、 joins them."""
    f, out = ctx.folded, []
    while True:
        m = _LISTED_ZONE.search(f, max(0, end - 16), end)
        if m is None or m.group("kind") in _NOT_LISTED_KINDS:
            return out  # 国家慢性病综合防控示范区、…管委会: a demonstration area has no committee of its own
        s0 = max(ctx.g.left_extend(f, m.start("kind"), max_len=10), m.start(1))
        zone = f[s0:m.end(1)]
        if len(zone) < 4 or zone in _UNNAMED_ZONES or (s0 > 0 and f[s0 - 1] not in "，、：；。\n "):
            return out  # the zone's name not read whole
        out.append(Mention(s0, m.end(1), EntityKey(DEPARTMENT, zone + "管理委员会"), ctx.surface(s0, m.end(1)) + "管委会",
                           region=ctx.region_code()))
        end = s0


def _start_across_quotes(ctx: Context, f: str, head_start: int) -> int:
    """Where a name ending at ``head_start`` begins, read across the quoted words inside it
    (礼县农村妇女“两癌”检查工作领导小组)."""
    s0 = ctx.g.left_extend(f, head_start, max_len=20)
    while s0 > 0 and f[s0 - 1] == "”":
        opened = f.rfind("“", max(0, s0 - 12), s0 - 1)
        if opened < 0 or any(ch in f[opened + 1:s0 - 1] for ch in "，。；：“"):
            break
        s0 = ctx.g.left_extend(f, opened, max_len=12) if opened > 0 else opened
    return s0


def _remit_groups(ctx: Context, found: list[Mention]) -> list[Mention]:
    """A leading group, headquarters or project office named by its remit, whatever the remit
    (成都市新生儿疾病免费筛查领导小组, 宁明县突发公共卫生事件应急指挥部, 某省“两癌”检查项目办公室):
    FORMAT.md's leading group. Its name runs left from its head to the usual edge of a name;
    a head with no remit of its own before it (工作领导小组, 该领导小组) names no body."""
    f = ctx.folded
    g = ctx.g
    heads = g.remit_group_heads
    if not heads.search(f):
        return []
    out: list[Mention] = []
    for m in heads.finditer(f):
        if any(o.end == m.end() and o.key.type == DEPARTMENT for o in found):
            continue  # read already (健康赤峰行动领导小组, a coordinating body): one body, one name
        s0 = _start_across_quotes(ctx, f, m.start())
        while m.start() - s0 >= 2 and s0 > 1 and f[s0 - 1] in "与和及" and not f.endswith(g.remit_group_not_openers, 0, s0 - 1):
            s1 = _start_across_quotes(ctx, f, s0 - 1)  # 办理人大建议和政协提案工作领导小组: a remit of two parts
            if s0 - 1 - s1 < 2:
                break
            s0 = s1
        verb = next((v for v in g.remit_group_verbs if f.endswith(v, 0, s0)), None)
        if verb:  # 彭山区推进中医药强区建设工作领导小组, 成立创建国家卫生城市工作领导小组: the verb opens the remit
            s0 -= len(verb)
            before = [a for a, b, _ in ctx.region_index.starting_in(max(0, s0 - 12), s0) if b == s0]
            s0 = min(before) if before else s0 - (1 if f[s0 - 1:s0] in LEVEL_CHARS and s0 > 0 else 0)
        owner = [o for o in found if o.end == s0 and o.key.type == DEPARTMENT]
        if owner:  # 佛坪县卫计局办理…工作领导小组: the body whose group it is opens its name
            s0 = owner[0].start
        inner = [o.end for o in found if o.start == s0 and o.end <= m.start() and o.key.type == DEPARTMENT]
        if inner and f.count(f[max(inner):m.end()]) > 1:
            continue  # 市卫生健康委健康赤峰行动领导小组 … 健康赤峰行动领导小组组长: the text names it without its body too
        if s0 > 0 and f[s0 - 1] in "的之":
            continue  # 由…任组长的疫情防控工作领导小组, 新型冠状病毒感染的肺炎…指挥部: the name runs on leftwards
        while s0 < m.start() and not "\u4e00" <= f[s0] <= "\u9fff" and f[s0] != "“":
            s0 += 1  # 2.1.1县…领导小组, 04三明市…: a list number, no part of the name
        s0 += next((len(w) for w in g.remit_group_quantifiers if f.startswith(w, s0)), 0)  # 部分杭州市…
        s0 = max(s0, f.rfind("暨", s0, m.start()) + 1)  # …行动暨健康宁夏建设领导小组: two bodies' names joined
        remit = f[s0:m.start()].removesuffix("工作")
        if len(remit.strip("“”")) < g.remit_group_min_remit or remit.startswith(g.remit_group_not_openers) \
                or remit[0] in g.remit_group_not_first:
            continue  # 局专项行动领导小组: the end of a body's name cut off, no name of its own
        if any(o.start <= s0 and m.end() <= o.end for o in found + out):
            continue
        out.append(Mention(s0, m.end(), EntityKey(DEPARTMENT, _coordinating_name(ctx, s0, m.end()).replace("“", "").replace("”", "")),
                           ctx.surface(s0, m.end()), region=ctx.region_code()))
    return out


def _bare_as_levelled(mentions: list[Mention]) -> list[Mention]:
    """In a text that names no place, 商务局 written bare beside 区商务局 is that district's bureau:
    a bare name takes the one level-prefixed name of the same body the text writes (two levels,
    区商务局 and 市商务局: the bare one stays as it is)."""
    names = {m.key.name for m in mentions if m.key.type == DEPARTMENT}
    out = []
    for m in mentions:
        if m.key.type == DEPARTMENT:
            levelled = [lv + m.key.name for lv in "省市县区州" if lv + m.key.name in names]
            if len(levelled) == 1:
                m = Mention(m.start, m.end, EntityKey(DEPARTMENT, levelled[0], m.key.scope), m.surface, region=m.region)
        out.append(m)
    return out


def _coordinating_name(ctx: Context, s: int, e: int) -> str:
    """A coordinating body's name with its jurisdiction written out: 县健康专家委员会 in a
    阜新蒙古族自治县 document → 阜新蒙古族自治县健康专家委员会; 阜蒙县健康促进工作领导小组 →
    阜新蒙古族自治县…; a name with no jurisdiction stays as written."""
    f = ctx.folded
    found = [t for t in ctx.region_index.starting_at(s) if t[1] < e]
    if found:
        end, region = max(found, key=lambda t: t[1])[1:]
        return region.name + f[end:e]
    level, rest = ("省", s + 3) if f.startswith("自治区", s) else (f[s], s + 1)
    if level in "省市县区" and not f.startswith(("市场", "区域", "县域"), s):
        region = level_region(level, ctx.level_base)
        if region is not None:
            return region.name + f[rest:e]
    return f[s:e]


def issuer_key(issuer: str | None, region: Region | None) -> EntityKey | None:
    """The Department an issuer line names (上海市嘉定区卫生健康委员会), if any."""
    if not issuer:
        return None
    f = issuer.strip()
    ctx = Context(f, f, region, SectionList())
    ctx.regions_found = region_mentions(f, region)
    deps = [m for m in find_departments(ctx) if m.end == len(f)]
    return deps[0].key if deps else None


@lru_cache(maxsize=1)
def _fixed_national_heads() -> tuple[str, ...]:
    """Central bodies named without 国家 (海关总署, 市场监管总局, the table's 总署/总局): an office
    named after one (海关总署广东分署) is the body's own, in the region."""
    return tuple(n for n in bodies().national_fixed if n.endswith(("总署", "总局")) and len(n) >= 4)


def read_unit(ctx: Context, s: int, e: int, level: str = "") -> Mention | None:
    """The body that a whole list item names, read by its parts (a responsibility
    clause's position says it is a body, so a name outside the table is read too):
    jurisdiction (a region name, a level character, a national prefix or none: the
    document's region), the party prefix 委, and a body part — a table alias, or any
    name with a body's ending, its abbreviations written out. 省旅游和文化广电体育厅 in a
    海南 document → 海南省旅游和文化广电体育厅; 省发展改革委 → 海南省发展和改革委员会;
    省委网信办 → 中共海南省委网络安全和信息化委员会办公室."""
    f = ctx.folded
    table = bodies()
    text = f[s:e]
    if len(text) < 2 or any(ch.isspace() for ch in text):
        return None  # a name broken over a line (a layout the reader could not join) is not read whole
    if text[0] in LEVEL_CHARS and s > 0 and f[s - 1] in LEVEL_CHARS and not ctx.region_index.ending_at(s):
        return None  # 区县疾病预防控制中心, 省市卫健委: the bodies of every district and county, not one (庐江县县委办 is one)
    if text in table.national_fixed:
        return Mention(s, e, EntityKey(DEPARTMENT, table.national_fixed[text]), ctx.surface(s, e))
    for prefix in NATIONAL_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix) + 1:
            part = text[len(prefix):]
            if text in table.national_names:
                return _department_mention(ctx, s, e, table.national_names[text], True, None)
            if part in table.by_alias:
                return _department_mention(ctx, s, e, table.by_alias[part], True, None)
            if table.is_body_name(part):
                name = prefix + table.written_out(part)
                return Mention(s, e, EntityKey(DEPARTMENT, name), ctx.surface(s, e))
            return None
    if table.is_body_name(text) and (text.startswith("中国") and not text.startswith("中国共产党")
                                     or any(text.startswith(n) and len(text) > len(n) + 1 for n in _fixed_national_heads())):
        # 中国证监会广东监管局, 海关总署广东分署: a national body's own office in the region, named as written
        return Mention(s, e, EntityKey(DEPARTMENT, text), ctx.surface(s, e))
    pos, chain = s, []
    while True:
        nxt = [t for t in ctx.region_index.starting_at(pos) if t[1] < e]
        if not nxt:
            break
        chain.append(nxt[0][2])
        pos = nxt[0][1]
    if chain:
        region = innermost(chain)
    elif f[pos] in LEVEL_CHARS and e - pos > 2 and f[pos:e] not in table.by_alias:  # 市场监管局 opens with no level
        region = level_region(f[pos], ctx.level_base)
        pos += 1
    elif level:  # written without the level its list's earlier items carry
        region = level_region(level, ctx.level_base)
    else:
        region = ctx.doc_region
    part = f[pos:e]
    if region is None and ctx.national and pos == s:  # a national document's own bodies
        if part in table.by_alias and table.by_alias[part].national:
            return _department_mention(ctx, s, e, table.by_alias[part], True, None)
        if table.is_body_name(part):
            return Mention(s, e, EntityKey(DEPARTMENT, table.written_out(part)), ctx.surface(s, e))
    if part in table.level_embedded:
        return _department_mention(ctx, s, e, table.level_embedded[part][0], False, region)
    if f[pos - 1:pos] in LEVEL_CHARS and ("团" + f[pos - 1:pos] + part) in table.level_embedded:
        return None  # never read "省委" out of 团省委
    if part in table.by_alias:
        return _department_mention(ctx, s, e, table.by_alias[part], False, region)
    # a level read where the text names no region keeps its word (省委改革办 → 中共省委改革办公室, not 中共委…)
    place = region.name if region else (f[pos - 1] if pos > s and f[pos - 1] in LEVEL_CHARS else "")
    if part.startswith("委") and len(part) > 2 and table.is_body_name(part[1:]):
        return Mention(s, e, EntityKey(DEPARTMENT, f"中共{place}委" + table.written_out(part[1:]), "" if region else ctx.unscoped),
                       ctx.surface(s, e),
                       region=region.code if region else "")
    if table.is_body_name(part) and all("\u3400" <= ch <= "\u9fff" or ch in "（）" for ch in part):
        return Mention(s, e, EntityKey(DEPARTMENT, place + table.written_out(part), "" if region else ctx.unscoped),
                       ctx.surface(s, e),
                       region=region.code if region else "")
    return None
