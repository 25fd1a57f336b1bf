"""Programs: quoted names, head nouns (行动, 工程, 计划 …), lists of things being built and
section headings.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.anchored import cjk_run_before, class_first_alternation
from kg.extract.entities.common import (
    CJK,
    HOTLINE,
    MEDICAL_CENTRE,
    NUMERIC_FRAME,
    QUOTED,
    SLOGAN_SHORT,
    Context,
)
from kg.extract.entities.policies import POLICY_NICKNAME
from kg.extract.grammar import Grammar
from kg.extract.numbers import parse_cn
from kg.ingest.metadata import DOC_NUMBER
from kg.extract.model import (
    PROGRAM,
    EntityKey,
    Mention,
)
from kg.extract.segment import BracketSplitter
from kg.spans import SpanSet
from kg.names.regions import regions, region_mentions


# compiled once: each runs for every quoted or head-noun candidate
_CJK_CHAR = re.compile(rf"[{CJK}]")
_SENTENCE_PUNCT = re.compile(r"[，。！？；：]")
_CLAUSE_PUNCT = re.compile(r"[，。；：]")
# 11个…平台, 三大行动: counted things; not 第36个爱国卫生月 (an ordinal: the recurring event's edition)
_COUNTED_BEFORE = re.compile(r"(?<![第\d一二两三四五六七八九十])(?:\d+|[一二两三四五六七八九十]+)[个家项所大类例]$")
_BATCH = re.compile(r"首批|第一批|新一批|^一?系列")
_YEAR_AT = re.compile(r"\d{4}年")
# a verb with 了 before a program's name (涵括了…, 开展了…, 启动了…)
_VERB_DONE = re.compile(r"^[\u4e00-\u9fff]{1,3}了")
# a campaign day's date written before its name: “5·20”中国学生营养日, “5·12”护士节
_QUOTED_DATE_BEFORE = re.compile(r"“\d{1,2}[·.．]\d{1,2}”$")
# an edition of a recurring campaign, and what stands before it (甘肃省第29届全国肿瘤防治宣传周)
_EDITION = re.compile(r"^[^，。；、]{0,8}?第[\d一二三四五六七八九十百]{1,4}[届次](?=[\u4e00-\u9fff“]{4})")


def _program_scope(name: str, ctx: Context) -> str:
    """Programs are scoped to the document's region unless their name carries a region
    or a national marker of its own."""
    return _scope_for(name, ctx.doc_region.code if ctx.doc_region else "")


@lru_cache(maxsize=65536)
def _scope_for(name: str, region_code: str) -> str:
    # memoised: program names recur within and across documents of one jurisdiction
    if name.startswith(("国家", "全国", "中国", "健康中国", "长三角")) or "中国" in name:
        return ""
    table = regions()
    if table.name_pattern.search(name) is not None:
        return ""
    if region_code:
        if table.family_matcher(table.by_code[region_code]).search(name) is not None:
            return ""
        return region_code
    return ""


def program_mention(ctx: Context, s: int, e: int, name: str) -> Mention:
    scope = _program_scope(name, ctx)
    return Mention(s, e, EntityKey(PROGRAM, name, scope), ctx.surface(s, e), region=scope or ctx.region_code())


def launched_event(ctx: Context, s: int, e: int, name: str) -> tuple[Mention, list[Mention]]:
    """The program a phrase names and its other forms: an event named by its launch (…公益活动启动仪式)
    is the event, the name with the ceremony one of its forms (grammar.json launch_ceremonies)."""
    ceremony = next((c for c in ctx.g.launch_ceremonies if name.endswith(c) and len(name) >= len(c) + 4), "")
    if not ceremony:
        return program_mention(ctx, s, e, name), []
    named = program_mention(ctx, s, e - len(ceremony), name[: -len(ceremony)])
    return named, [other_form(ctx, named, s, e)]


def other_form(ctx: Context, named: Mention, s: int, e: int) -> Mention:
    """The span s:e as another form of ``named``'s program (“X”工程 and X, 健康江西建设 and
    健康江西): a mention of the same key, so that it becomes an alias, not a second program."""
    return Mention(s, e, named.key, ctx.surface(s, e), region=named.region)


def _is_concept(inner: str, g: Grammar) -> bool:
    """A quoted slogan, concept or modifier (体医结合, 互联网+医疗健康, “一站式”服务), not a name."""
    if len(inner) <= g.quoted_modifier_length and inner.endswith(g.quoted_modifier_endings):
        return True
    if len(inner) <= g.quoted_modifier_length and inner.startswith(g.quoted_modifier_openings):
        return True  # 实现“早干预”: an aim of the early-care series
    return inner.startswith("互联网+") or inner.endswith(g.quoted_concepts)


def _quoted_is_program(inner: str, g: Grammar) -> bool:
    if len(inner) < 3 or not _CJK_CHAR.search(inner) or POLICY_NICKNAME.match(inner):
        return False
    if _SENTENCE_PUNCT.search(inner) or inner.endswith(("+", "＋")):
        return False
    if _is_concept(inner, g):
        return False
    if NUMERIC_FRAME.match(inner) or HOTLINE.match(inner):
        return False
    parts = inner.split("、")
    if len(parts) >= 3 or (len(parts) == 2 and min(len(p) for p in parts) < 2):
        return False
    if SLOGAN_SHORT.match(inner) and not inner.endswith(g.quoted_heads):
        return False
    if any(inner.endswith(s) for s in g.consortium_suffixes) or any(inner == s for s in g.consortium_suffixes):
        return False
    if inner.endswith(("样板", "标杆", "典范", "名片", "品牌", "梦", "精神", "理念", "意识")):
        return False
    return True


_QUOTE_LIST_GAP = ("", "、", "和", "及", "与")
_CLAUSE_BREAK = re.compile(r"[，。！？；：\n（）《》]")


def _acted_on_groups(f: str, quotes: list[re.Match[str]], g: Grammar) -> set[int]:
    """The quoted phrases (by their opening offset) the text acts on, as
    ``quoted_action_verbs`` in the grammar says: a run of quotes joined by 、/和 (开展
    “健康中国行”、“中医中药中国行”等) shares the verb before its first and the noun after
    its last."""
    groups: list[list[re.Match[str]]] = []
    for q in quotes:
        if groups and f[groups[-1][-1].end():q.start()] in _QUOTE_LIST_GAP:
            groups[-1].append(q)
        else:
            groups.append([q])
    acted: set[int] = set()
    reach = g.quoted_action_reach
    for group in groups:
        start, end = group[0].start(), group[-1].end()
        lead_in = f[max(0, start - reach - 4):start]
        cut = [m.end() for m in _CLAUSE_BREAK.finditer(lead_in)]
        lead_in = lead_in[cut[-1]:] if cut else lead_in
        # a verb ending within ``reach`` characters of the quote: one substring test per verb
        # (testing each end position was a tenth of reading a document)
        n = len(lead_in)
        before = any(v in lead_in[max(0, n - reach - len(v)):] for v in g.quoted_action_before)
        tail = f[end:end + 8]
        tail = tail[1:] if tail.startswith("等") else tail
        tail = tail[2:] if tail.startswith(("系列", "主题")) else tail
        if before or tail.startswith(g.quoted_action_after):
            acted.update(q.start() for q in group)
    return acted


def _names_its_kind(inner: str, g: Grammar) -> bool:
    """A quoted name whose last word says it is an undertaking (“健康细胞工程”,
    “捷医平台”): one of the quoted program heads of two characters or more."""
    return any(inner.endswith(h) for h in g.quoted_heads if len(h) >= 2)


# what may follow a known program's name inside the name of the body that works on it
_BODY_RUN = re.compile(r"[\u4e00-\u9fff]{0,12}")


def find_programs(ctx: Context, consortium_spans: list[tuple[int, int]]) -> list[Mention]:
    f = ctx.folded
    g = ctx.g
    out: list[Mention] = []
    quoted_spans = []
    in_consortium = SpanSet(consortium_spans)
    quotes = list(QUOTED.finditer(f))
    acted = _acted_on_groups(f, quotes, g)
    for q in quotes:
        inner = q.group(1)
        s, e = q.start(1), q.end(1)
        quoted_spans.append((q.start(), q.end()))
        if in_consortium.covers(s) or MEDICAL_CENTRE.search(inner):
            continue
        if f.startswith(g.theme_markers, q.end()):
            continue  # 开展“关注口腔健康，品味老年幸福”为主题的…活动: the event's theme, no program
        trail = _quoted_trailing(f, q.end(), g)
        concept = _is_concept(inner, g)
        if trail is not None and not concept and _slogan_event(inner, f[q.end():trail[1]]):
            # “A，B”主题活动 / “A，B”活动: one event named by its slogan, however the words after it vary
            named = program_mention(ctx, s, e, inner)
            out.append(named)
            out.append(other_form(ctx, named, q.start(), trail[1]))
            continue
        if trail is not None and not concept and not _CLAUSE_PUNCT.search(inner):
            named = program_mention(ctx, q.start(), trail[1], inner + trail[0])  # “X”工程: the quoted name and its head
            out.append(named)
            out.append(other_form(ctx, named, s, e))  # X alone, as written too
            continue
        if _quoted_is_program(inner, g) and (q.start() in acted or _names_its_kind(inner, g)):
            if f.startswith("建设", q.end()):
                # “健康华蓥”建设: the campaign's construction, named with 建设 as 健康江西建设 is, X its other form
                named = program_mention(ctx, q.start(), q.end() + 2, inner + "建设")
                out.append(named)
                out.append(other_form(ctx, named, s, e))
                continue
            out.append(program_mention(ctx, s, e, inner))
    # 《职业病防治法》宣传周活动: a publicity event named after a law, its title part of its name
    for m in g.law_event.finditer(f):
        out.append(program_mention(ctx, m.start(), m.end(), m.group(0)))
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
        if _COUNTED_BEFORE.search(f, max(0, s - 4), s):
            continue  # 11个…平台: counted things are a category
        dated = _QUOTED_DATE_BEFORE.search(f, max(0, s - 9), s)
        if dated:
            s = dated.start()  # “5·20”中国学生营养日: the day's date, quoted, is part of its name
        elif f[s:s + 1] == "中" and s > 0 and f[s - 1] in "”》" and f[s + 1:s + 2] != "国":
            s += 1  # “民心工程”中便民就医工程: 中 is "in", not part of the name (but “5·20”中国学生营养日)
        if _second_day_of_one_event(f, s) and f.startswith(g.event_trailers, m.end()):
            continue
        if f.startswith(("委员会", "委", "办公室", "领导小组", "推进委员会", "推进办", "工作组", "工作专班"), m.end()):
            continue  # 健康促进行动委员会, 健康广东行动推进委员会 … is a body, not the action
        end = m.end()
        trailer = next((t for t in g.event_trailers if f.startswith(t, end)), "") if head.endswith(g.event_periods) else ""
        end += len(trailer)  # 老年健康宣传周活动: the week's events, named with the week
        if not _right_edge_ok(f, end, g):
            continue  # the head is inside a longer noun (项目学校, 行动执行情况)
        name = g.strip_scope(f[s:end])
        s = end - len(name)
        core = name[: -len(head) - len(trailer)]
        name = _EDITION.sub("", _BATCH.sub("", name))  # 第11届全民营养周: the campaign, not its edition
        done = _VERB_DONE.match(name)
        if done and len(name) - done.end() >= 4:
            name, s = name[done.end():], s + done.end()  # 涵括了健康知识普及行动: a verb and its 了 open no name
        if name.startswith("建设") and len(name) >= len(head) + 6:
            name, s = name[2:], s + 2  # 建设区域…基座: a verb in front of the name
        year = _YEAR_OPENING.match(name)
        if year and len(core) > year.end() and not program_core_generic(core[year.end():], g, head):
            # 2022年食品安全宣传周: the year the event is held in; the event is named without it here
            # and with it by _with_and_without_year (2024年工作计划 stays a year's plan: 工作 names nothing)
            name, s, core = name[year.end():], s + year.end(), core[year.end():]
            scoped = g.strip_scope(name)  # 2026年甘肃省健康素养促进项目: the province is no part of it either
            if len(scoped) < len(name):
                s, core, name = s + len(name) - len(scoped), core[len(name) - len(scoped):], scoped
        if program_core_generic(core, g, head):
            continue
        if trailer and name.endswith(trailer) and len(name) - len(trailer) >= len(head) + 2:
            # 爱国卫生月活动: the program is the month itself, the same one the text names alone, and
            # its events one more of its forms
            named = program_mention(ctx, s, end - len(trailer), name[: -len(trailer)])
            out.append(named)
            out.append(other_form(ctx, named, s, end))
        else:
            out.append(program_mention(ctx, s, end, name))
    places = _campaign_places(tuple(regions().family_shorts(ctx.doc_region)) if ctx.doc_region else ())
    for s, e in _campaigns(f, places):
        named = program_mention(ctx, s, e, f[s:e])
        out.append(named)
        # 健康江西建设 is the campaign 健康江西 too: its name without 建设 is one of its forms
        out.append(other_form(ctx, named, s, e - 2))
    # 联盟式药品集中议价采购（GPO）: a Chinese full name defined with its Latin abbreviation
    for _, name_end in _abbreviated_names(f):
        s = g.left_extend(f, name_end)
        if name_end - s >= 4:
            out.append(program_mention(ctx, s, name_end, f[s:name_end]))
    for m in g.known_programs.finditer(f):
        run = _BODY_RUN.match(f, m.end()).group(0)  # up to the next break: 三减三健|工作推进领导小组
        if any(h in run for h in g.known_program_not_before):
            continue
        out.append(program_mention(ctx, m.start(), m.end(), g.known_program_forms.get(m.group(0), m.group(0))))
    out.extend(_named_day_events(ctx, f, out))
    out.extend(_joined_events(ctx, in_consortium, out))
    out.extend(_launched_events(ctx, out))
    out.extend(title_action(ctx))
    out.extend(_listed_programs(ctx, quoted_spans))
    out.extend(_shared_head_actions(ctx))
    out.extend(_actions_listed_before_their_kind(ctx))
    out.extend(counted_sets(ctx))
    out.extend(_with_ordinals(ctx, f, out))
    out.extend(_with_theme(ctx, f, out))
    out.extend(_with_and_without_year(ctx, f, out))
    out.extend(_actions_of_plans(ctx, out))
    out.extend(_with_construction(ctx, out))
    out.extend(_with_launch(ctx, out))
    # a name read inside a longer program name is part of it, not a second program
    return drop_nested(out)


_ABBREVIATION = re.compile(r"（[A-Z]{2,6}）(?=[工和、，。；]|$)")


def _abbreviated_names(f: str) -> list[tuple[int, int]]:
    """Spans of "4-24 CJK characters" before a （GPO）-style abbreviation: what
    ``([CJK]{4,24})（([A-Z]{2,6})）`` matches, found from the abbreviation (a pattern
    opening with a 24-character class backtracks at every character of the text)."""
    return [(start, m.start()) for start, m in cjk_run_before(f, _ABBREVIATION, 4, 24)]


_CAMPAIGN_QUALITY = re.compile(r"健康|卫生|文明|美丽|平安|数字健康|智慧")
_CAMPAIGN_PLACES = ("中国", "城市", "城区", "城镇", "乡村", "村镇", "县城")
_CAMPAIGN_OPENERS = ("全国", "新时代")


@lru_cache(maxsize=1024)
def _campaign_places(shorts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_CAMPAIGN_PLACES + shorts)


def _campaigns(f: str, places: frozenset[str]) -> list[tuple[int, int]]:
    """健康城市建设, 全国文明城区建设, 健康闵行建设: a campaign named by a quality and a
    place (a generic place word or one of the jurisdiction's own names), optionally
    opened by 全国/新时代 or a place. Set lookups rather than a regex of the places,
    which would be compiled anew for every jurisdiction."""
    longest = max(map(len, places))
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _CAMPAIGN_QUALITY.finditer(f):
        if m.start() < pos:
            continue
        b = m.end()
        if f.find("建设", b + 2, b + longest + 2) < 0:
            continue  # most 健康/卫生 are not followed by a place and 建设
        end = next((b + k + 2 for k in range(longest, 1, -1)
                    if f[b:b + k] in places and f.startswith("建设", b + k)), None)
        if end is None:
            continue
        start = m.start()
        for k in range(max(longest, 3), 1, -1):
            head = f[start - k:start]
            if start - k >= pos and (head in places or head in _CAMPAIGN_OPENERS):
                start -= k
                break
        out.append((start, end))
        pos = end
    return out


_CLAUSE_EDGE = "，。；：,;:\n（）()！？!?、"
_DOCUMENT_AFTER = re.compile(r"(?:工作)?(?:要点|方案|计划|意见|通知|规划)")  # 健康宁夏暨…行动工作要点: a document's title
_JOINED_REACH = 40  # how far each part of a joined event's name may run from 暨


def _joined_events(ctx: Context, in_consortium: SpanSet, found: list[Mention]) -> list[Mention]:
    """X暨Y活动: two occasions held as one event are one program, named whole (第7个全国近视防控宣传教育月暨
    第35个全国爱牙日宣传活动): from the verb, 的 or clause edge before 暨 to the last event head of the
    clause after it (grammar.json joined_events). Bodies joined by 暨 end in no head and a left part that
    ends as a body's name joins no event; nothing inside a 《title》 or a consortium's name, nor where a
    name read before already joins the two (2025年黑龙江省暨黑河市老年健康宣传周, read by its head)."""
    f, g = ctx.folded, ctx.g
    joined_ends = {m.end for m in found if m.key.type == PROGRAM and g.joiner in m.key.name}
    out = []
    at = f.find(g.joiner)
    while at > 0:
        left_edge = max(f.rfind(ch, max(0, at - _JOINED_REACH), at) for ch in _CLAUSE_EDGE) + 1
        if at - left_edge == _JOINED_REACH and left_edge > 0:
            left_edge = at  # no edge within reach: too long a run to be one name
        left = f[left_edge:at]
        opened = max((left.rfind(w) + len(w) for w in g.joined_openers if w in left), default=0)
        start = left_edge + opened
        if left.startswith("为", opened):
            start += 1  # 为推进A暨B行动: the purpose's 为, before a verb the openers hold
        start = at - len(g.strip_scope(f[start:at]))  # 我省A暨B行动: the province's own, no part of the name
        right_end = min([i for ch in _CLAUSE_EDGE if (i := f.find(ch, at + 1, at + 1 + _JOINED_REACH)) >= 0],
                        default=at + 1)
        right = f[at + 1:right_end]
        head_end = max((right.rfind(h) + len(h) for h in g.joined_heads if h in right), default=0)
        end = at + 1 + head_end
        inside_title = f.rfind("《", max(0, at - 60), at) > f.rfind("》", max(0, at - 60), at)
        if f.startswith("“", start) and f.count("“", start, end) > f.count("”", start, end):
            start += 1  # “A暨B论坛”: a quote opened before the name and closed after it
        if (at - start >= 3 and head_end >= 4 and not inside_title and not in_consortium.covers(at)
                and not f.endswith(g.joined_body_endings, start, at) and _right_edge_ok(f, end, g)
                and end not in joined_ends and not _DOCUMENT_AFTER.match(f, end)):
            # whole with its events' head (…暨第30个爱国卫生月主题宣传活动: the head is the pair's, not its second
            # part's); one written with its launch (…启动仪式) is the event, the ceremony one more of its forms
            named, forms = launched_event(ctx, start, end, f[start:end])
            out += [named] + forms
        at = f.find(g.joiner, at + 1)
    return out


_DATE_CLAUSE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?")
_LAUNCHED_REACH = 40  # the longest subject read as an event's name


def _launched_events(ctx: Context, found: list[Mention]) -> list[Mention]:
    """X正式启动: an event announced as launched is named by the subject of its launch, whatever verbs its name
    holds (2023年南宁市深入开展爱国卫生运动专项活动): the subject opening its line or following a clause that
    only dates it (4月4日，X正式启动), ending in an event head (grammar.json launched_events). Nothing where a
    name read otherwise ends there already, nor where a body opens the subject (a headline of what it did)."""
    f, g = ctx.folded, ctx.g
    ends = {m.end for m in found if m.key.type == PROGRAM}
    out = []
    for verb in g.launch_verbs:
        at = f.find(verb)
        while at > 0:
            after = f[at + len(verb):at + len(verb) + 1]
            if (after in ("", "。", "，", ",", "\n", "！") and not f.endswith(g.launch_verbs, 0, at)
                    and not any(f.endswith(v, 0, at + len(verb)) and len(v) > len(verb) for v in g.launch_verbs)):
                start = _launched_subject_start(f, at, g)
                if start is not None and at not in ends:
                    out.append(program_mention(ctx, start, at, f[start:at]))
                    ends.add(at)
            at = f.find(verb, at + 1)
    return out


def _launched_subject_start(f: str, at: int, g: Grammar) -> int | None:
    """Where the subject of a launch ending at ``at`` starts, if it is an event's name: its line's start or
    the end of a clause that only dates it; None otherwise."""
    line_start = f.rfind("\n", 0, at) + 1
    edge = max(f.rfind(ch, line_start, at) for ch in "，,。；;：:") + 1
    if edge > line_start:
        clause_start = max([line_start] + [f.rfind(ch, line_start, edge - 1) + 1 for ch in "，,。；;：:"])
        if not (_DATE_CLAUSE.fullmatch(f, clause_start, edge - 1) or f[clause_start:edge - 1] in g.date_clauses):
            return None
    start = edge
    while start < at and f[start] in " \t\u3000":
        start += 1
    subject = f[start:at]
    head_end = max((subject.rfind(h) + len(h) for h in g.joined_heads if subject.endswith(h)), default=0)
    if not 6 <= len(subject) <= _LAUNCHED_REACH or head_end != len(subject) or g.headline_body.search(subject):
        return None
    if (any(ch in subject for ch in "（）()《》“”") or subject.startswith(("活动", "本次", "此次"))
            or any(v in subject for v in g.launch_sentence_verbs)):
        return None  # a quoted name is read by its quotes; quotes inside a clause (专家“组团”赴藏…义诊) make a sentence
    return start


def _second_day_of_one_event(f: str, s: int) -> bool:
    """Is the day named from ``s`` joined by 暨 to one named before it, in one event's name
    (“全民营养周”暨“5·20”中国学生营养日系列宣传活动)? Then it is no event of its own."""
    return f[max(0, s - 2):s].endswith(("暨", "暨“"))


def _named_day_events(ctx: Context, f: str, found: list[Mention]) -> list[Mention]:
    """开展世界无烟日宣传活动, 世界防治结核病日大型宣传义诊活动: the events of a named awareness day,
    named by the day and the event's head (grammar.json "named_day_events"); a name read already
    (“世界艾滋病日”系列宣传活动) is not read again."""
    out = []
    for m in ctx.g.named_day_event.finditer(f):
        s, e = m.start(), m.end()
        if s > 0 and f[s - 1] == "“":
            s -= 1  # “世界精神卫生日”宣传活动: the day quoted, the event named with it
        dated = _QUOTED_DATE_BEFORE.search(f, max(0, s - 9), s)
        if dated:
            s = dated.start()  # “5·20”中国学生营养日集中宣传活动: its quoted date is part of its name
        if any(o.start <= s and e <= o.end for o in found) or any(s < o.start < e for o in found):
            continue
        if _second_day_of_one_event(f, s):
            continue
        out.append(program_mention(ctx, s, e, f[s:e].replace("“", "").replace("”", "")))
    return out


# 第38个“世界无烟日”宣传活动, 第六届“万步有约”活动: the ordinal of a recurring event
_ORDINAL_BEFORE = re.compile(r"(?:第[\d一二三四五六七八九十百]{1,4}[个届次期]|首届)\s?$")


def _with_ordinals(ctx: Context, f: str, mentions: list[Mention]) -> list[Mention]:
    """A recurring event named with its ordinal in front is also named so: the program
    is the campaign (世界无烟日宣传活动), and 第38个… is another form of its name."""
    out = []
    for m in mentions:
        if m.key.type != PROGRAM:
            continue
        ordinal = _ORDINAL_BEFORE.search(f, max(0, m.start - 8), m.start)
        if ordinal:
            out.append(other_form(ctx, m, ordinal.start(), m.end))
    return out


# a quoted theme written as the opening of an event's name: “科普惠民 健康同行”吉林省健康科普专家走基层…活动
_THEME_BEFORE = re.compile(r"“([^“”。，；！？\n]{2,16})”$")


def _with_theme(ctx: Context, f: str, mentions: list[Mention]) -> list[Mention]:
    """An event named right after a quoted theme, with no word between (“科普惠民 健康同行”吉林省健康科普
    专家走基层暨…宣传月活动) is named with the theme too, as readers and the text's own headline name
    it: that form is another of the program's names, not a second program."""
    out = []
    for m in mentions:
        if m.key.type != PROGRAM or f[m.start - 1:m.start] != "”":
            continue
        theme = _THEME_BEFORE.search(f, max(0, m.start - 19), m.start)
        if theme is None or m.end - m.start < 4:
            continue
        if any(o.key.type == PROGRAM and theme.start() <= o.start and o.end <= m.start for o in mentions):
            continue  # “三减三健”健康生活方式宣传活动: the quote names a program of its own, no theme
        out.append(other_form(ctx, m, theme.start(), m.end))
    return out


# 2025年, 2019年度: the year an event or a year's work is held in, written before its name
_YEAR_OPENING = re.compile(r"(?:19|20)\d{2}年度?")
# not 截至2019年“两癌”筛查项目…: when; but 关于2024年无偿献血招募计划: what
_YEAR_BEFORE = re.compile(r"(?:(?<=关于)|(?<![截止到至于在自从]))(?:19|20)\d{2}年度?$")


def _with_and_without_year(ctx: Context, f: str, mentions: list[Mention]) -> list[Mention]:
    """A program written with its year in front (2025年《职业病防治法》宣传周活动, 开展2010年狂犬病防控
    工作) is named both with it and without it, as texts and readers name it either way: each
    form is another of the same program's names. A place written right before the year (武汉市2023年世界无烟日
    主题宣传活动) names it too: that whole form is one more."""
    out = []
    for m in mentions:
        if m.key.type != PROGRAM:
            continue
        opening = _YEAR_OPENING.match(f, m.start, m.end)
        if opening and m.end - opening.end() >= 4:
            out.append(other_form(ctx, m, opening.end(), m.end))
            year_at = m.start
        else:
            before = _YEAR_BEFORE.search(f, max(0, m.start - 7), m.start)
            if not before:
                continue
            out.append(other_form(ctx, m, before.start(), m.end))
            year_at = before.start()
        place = max(ctx.region_index.ending_at(year_at), key=lambda r: r[1] - r[0], default=None)
        if place is not None:
            out.append(other_form(ctx, m, place[0], m.end))
    return out


def _actions_of_plans(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """An action plan names its action: 健康湖北全民行动计划 is also 健康湖北全民行动, the
    action the plan sets out (another form of the same program's name)."""
    return [other_form(ctx, m, m.start, m.end - 2) for m in mentions
            if m.key.type == PROGRAM and m.key.name.endswith("行动计划") and ctx.folded.endswith("行动计划", 0, m.end)
            and m.end - m.start >= 8]


def _with_construction(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """A program written with 建设 after it (国家中医药综合改革示范区建设, “健康细胞”建设) is
    named with it too: another form of the same program's name."""
    f = ctx.folded
    spans = {(m.start, m.end) for m in mentions if m.key.type == PROGRAM}
    return [other_form(ctx, m, m.start, m.end + 2) for m in mentions
            if m.key.type == PROGRAM and f.startswith("建设", m.end) and not m.key.name.endswith("建设")
            and not f.startswith(("建设中", "建设的", "建设过程"), m.end) and (m.start, m.end + 2) not in spans]


def _with_launch(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """A program written with its launch ceremony after it (第35个爱国卫生月活动启动仪式) is named with it too,
    as launched_event names an event by its launch: the ceremony is one more form of the event's name."""
    f = ctx.folded
    spans = {(m.start, m.end) for m in mentions if m.key.type == PROGRAM}
    out = []
    for m in mentions:
        if m.key.type != PROGRAM:
            continue
        ceremony = next((c for c in ctx.g.launch_ceremonies if f.startswith(c, m.end)), "")
        if ceremony and (m.start, m.end + len(ceremony)) not in spans and not m.key.name.endswith(ceremony):
            out.append(other_form(ctx, m, m.start, m.end + len(ceremony)))
    return out


def drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Mentions not strictly inside a longer one (a sweep over start-sorted spans); a
    mention inside a longer mention of the same program is kept: it is another form of
    its name (“X”工程 and X)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    keep = []
    reach_end, reach_start, reach_key = -1, -1, None
    for m in ordered:
        inside = m.end <= reach_end and (reach_end - reach_start) > (m.end - m.start)
        if not inside or m.key == reach_key:
            keep.append(m)
        if m.end > reach_end:
            reach_end, reach_start, reach_key = m.end, m.start, m.key
    return keep


_LIST_END = r"(?=的建设|建设(?![等、])|等配套文件|等(?=[，。；）]|$|[\u4e00-\u9fff]{0,4}(?:项目|工程|平台|行动|赛事|活动|举措))|）|$)"
_PROJECT_HEAD = re.compile(r"(平台|体系|中心|项目|工程|行动|计划|系统|基座|模式|建设|迁建|改扩建|联赛|运动会|服务|能力|转型|示范区)$")


@lru_cache(maxsize=8)
def _list_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """A list verb, then items joined by 、 (the verbs written class-first)."""
    return re.compile(rf"{class_first_alternation(verbs)}((?:[^，。；：！？“”《》\n]{{2,30}}、)+[^，。；：！？“”《》\n]{{2,30}}?){_LIST_END}")


def _listed_programs(ctx: Context, quoted_spans: list[tuple[int, int]]) -> list[Mention]:
    """Items of a list of things being built are programs: "完成A、B、C的建设",
    "包括A、B以及C", "推动A、B等" — coordination gives every item the type of the list.
    A list ended by 等 counts only when a project noun follows (等…项目/赛事), not a
    category (等并发症筛查, 等特色园区)."""
    f = ctx.folded
    g = ctx.g
    out: list[Mention] = []
    in_quotes = SpanSet(quoted_spans)
    for m in _list_pattern(g.list_verbs).finditer(f):
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
        if f[m.start():body_start] in g.plan_list_verbs and not all(_PROJECT_HEAD.search(t) for t in texts):
            continue  # 推进健康步道、健康主题公园建设: kinds of facilities a plan intends, no named projects
        if 2 * sum(t.endswith(g.other_unit_endings + _PHASES) for t in texts) >= len(texts):
            continue  # 完成海河医院三期、职业病防治院、区县疾病预防控制中心…标准化建设: institutions built, no programs
        if len(items) == 2 and not _PROJECT_HEAD.search(texts[0]) and _PROJECT_HEAD.search(texts[1]):
            # "药物、器械临床研究与转化平台": one name with a 、 inside, not two items
            s0, e1 = items[0][0], items[1][1]
            out.append(program_mention(ctx, s0, e1, f[s0:e1]))
            continue
        for (s, _e, _t), text in zip(items, texts):
            if not 3 <= len(text) <= 30:
                continue
            name = _strip_leading_verbs(text, g)
            if len(name) < 3:
                continue
            out.append(program_mention(ctx, s, s + len(text), name))
    return out


# a phase of an institution's building (海河医院三期): an institution built, as its name's ending says
_PHASES = ("一期", "二期", "三期", "四期")
_COUNT_OF_ACTIONS = r"(?:\d+|[一二两三四五六七八九十]+)(?:大|项|个)(?:专项)?行动"
# A、B、C等八大行动 / 五大行动: the items share the head 行动
_CAMPAIGN_HEADS = ("革命", "运动", "攻坚战", "保卫战", "攻坚")  # 厕所革命: a campaign named by its own head
_ACTION_LIST_VERB = re.compile(r"开展|实施|推进|启动|包括|涵盖|组织|部署|聚焦")
_ACTION_ITEMS = rf"((?:[{CJK}]{{2,24}}、){{2,}}[{CJK}]{{2,14}}?)"  # three or more items joined by 、
_ACTIONS_BEFORE = re.compile(rf"{_ACTION_ITEMS}等?{_COUNT_OF_ACTIONS}")
_SPECIAL_ACTIONS_BEFORE = re.compile(rf"{_ACTION_ITEMS}等专项行动")
_COUNT_BEFORE_HEAD = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?:大|项|个)(?:专项)?$")
_LIST_REACH = 320  # how far before a counted 行动 its list may start
# 16项专项行动，分别为A、B、C: the list follows
_ACTIONS_AFTER = re.compile(rf"{_COUNT_OF_ACTIONS}[，,：:]?(?:分别为|分别是|包括|即)((?:[{CJK}]{{2,14}}、){{2,}}[{CJK}]{{2,14}})")


def _shared_head_actions(ctx: Context) -> list[Mention]:
    """Actions listed with one shared head: "开展健康知识普及、疾病控制…等八大行动", "明确了16项
    专项行动，分别为健康知识普及、合理膳食…" — each item with 行动 is an action's name
    (an item that ends in a head of its own, 厕所革命, keeps it). The count in front
    of 行动 says the items are that many actions, not one long name."""
    f, g = ctx.folded, ctx.g
    out: list[Mention] = []
    found: list[tuple[re.Match[str], bool, str]] = []
    i = f.find("行动")
    while i >= 0:  # anchored on the counted head (rare), not a scan of every CJK run
        count = _COUNT_BEFORE_HEAD.search(f, max(0, i - 8), i)
        if count is not None:
            before = [m for m in _ACTIONS_BEFORE.finditer(f, max(0, count.start() - _LIST_REACH), i + 2)
                      if m.end() == i + 2]
            found.extend((m, True, "行动") for m in before[:1])
            after = _ACTIONS_AFTER.match(f, count.start())
            if after is not None:
                found.append((after, False, "行动"))
        elif f.startswith("等专项", i - 3):  # 开展健康体重、健康口腔、健康骨骼等专项行动: each item is one
            before = [m for m in _SPECIAL_ACTIONS_BEFORE.finditer(f, max(0, i - _LIST_REACH), i + 2) if m.end() == i + 2]
            found.extend((m, True, "专项行动") for m in before[:1])
        i = f.find("行动", i + 2)
    for m, trim_first, head_word in found:
        pos = m.start(1)
        items = []
        for k, part in enumerate(m.group(1).split("、")):
            s, e = pos, pos + len(part)
            pos = e + 1
            if k == 0 and trim_first:  # 宁夏从今年起开展健康知识普及 → 健康知识普及: the list follows its verb
                verb = None
                for verb in _ACTION_LIST_VERB.finditer(f, s, e):
                    pass
                s = verb.end() if verb else s
            items.append((s, e))
        texts = [f[s:e] for s, e in items]
        if any(not 2 <= len(t) <= 14 or "的" in t or t[:1] in g.stop_chars for t in texts):
            continue
        for (s, e), text in zip(items, texts):
            head = g.program_head.search(text)
            own_head = (head and head.end() == len(text)) or text.endswith(_CAMPAIGN_HEADS)
            name = text if own_head else text + head_word
            out.append(program_mention(ctx, s, e, name))
    return out


# 尘肺病防治攻坚、重点行业职业病危害专项治理等活动持续开展: a clause that opens with a list of actions
# and names their kind after 等
_LISTED_BEFORE_KIND = re.compile(rf"(?:^|(?<=[，。；：\n]))((?:[{CJK}]{{3,20}}、)+[{CJK}]{{3,20}})等(?:专项)?(?:行动|活动)")


def _past_leading_boundary_words(f: str, a: int, b: int, g: Grammar) -> int:
    """Where a list's first item's name starts: after the verbs and adverbs that open its clause
    (积极开展…, 组织开展…: grammar.json listed_action_endings openers), keeping three characters at least."""
    moved = True
    while moved:
        moved = False
        for w in [w for w in g.listed_action_openers if f.startswith(w, a)][:1]:
            if b - a - len(w) >= 3:
                a += len(w)
                moved = True
    return a


def _actions_listed_before_their_kind(ctx: Context) -> list[Mention]:
    """Items of a list that ends in 等活动/等行动 at the start of a clause, each an action by its
    own last word (攻坚, 专项治理, 整治 …: grammar.json listed_action_endings), are programs
    named as written; a list with any item that is no action (A、B等重点人群活动) gives none."""
    f, g = ctx.folded, ctx.g
    out: list[Mention] = []
    if "等活动" not in f and "等行动" not in f and "等专项" not in f:
        return out
    for m in _LISTED_BEFORE_KIND.finditer(f):
        items, pos = [], m.start(1)
        for part in m.group(1).split("、"):
            items.append((pos, pos + len(part)))
            pos += len(part) + 1
        items[0] = (_past_leading_boundary_words(f, *items[0], g), items[0][1])  # 积极开展无烟单位创建 → 无烟单位创建
        texts = [f[a:b] for a, b in items]
        if not all(len(t) >= 3 and t.endswith(g.listed_action_endings) and t[:1] not in g.stop_chars for t in texts):
            continue
        out.extend(program_mention(ctx, a, b, t) for (a, b), t in zip(items, texts))
    return out


# 爱国卫生“7个专项行动”, 职业病防治“三项行动”: a counted set of actions in quotes, named by its topic
COUNTED_SET = re.compile(r"“(新?(?:\d+|[一二两三四五六七八九十]+)(?:个|项|大)(?:专项)?(?:行动|工程))”")
_COUNT_OF_KIND = re.compile(r"[一二两三四五六七八九十]+(?=个)")


def _counted_set_name(quoted: str) -> str:
    """“七个专项行动” and “7个专项行动” are one set: the count of 个 in digits (八大 stays: no one writes 8大)."""
    return _COUNT_OF_KIND.sub(lambda m: str(parse_cn(m.group(0))), quoted, count=1)


def counted_sets(ctx: Context) -> list[Mention]:
    """A quoted count of actions is one program where the text names it by the topic before it
    (爱国卫生“7个专项行动”, named with that topic). Bare (加快推进“七大工程”, A、B等“四大工程”)
    it counts the plan's structure: annotators split on it (one of two named 等“六大行动”), so none."""
    f, g = ctx.folded, ctx.g
    out: list[Mention] = []
    if "”" not in f:
        return out
    for m in COUNTED_SET.finditer(f):
        s = g.left_extend(f, m.start(), max_len=12)
        topic = g.strip_scope(f[s:m.start()])
        s = m.start() - len(topic)
        if len(topic) >= 2 and f[s:s + 1] not in g.stop_chars and _names_a_topic(topic, g):
            quoted = _counted_set_name(m.group(0))
            region = regions().name_pattern.match(topic)
            if region is not None and len(topic) - region.end() >= 2:
                # 甘肃省职业病防治“三项行动”: the set is the topic's, the province's name is where it runs
                named = program_mention(ctx, s + region.end(), m.end(), topic[region.end():] + quoted)
                out += [named, other_form(ctx, named, s, m.end())]
            else:
                out.append(program_mention(ctx, s, m.end(), topic + quoted))
    return out


_YEAR_OR_ROUND = re.compile(r"\d{4}年|第[\d一二三四五六七八九十]+轮$")


def _names_a_topic(topic: str, g: Grammar) -> bool:
    """Are the words before a quoted count its topic (爱国卫生, 职业病防治), not a pointer back, a body
    deploying it, a year, a round or a verb (grammar.json counted_sets)?"""
    return (topic[0] not in g.counted_set_deictic and topic not in g.counted_set_not_topic
            and not topic.endswith(g.counted_set_not_topic_endings) and not _YEAR_OR_ROUND.search(topic))


def _strip_leading_verbs(text: str, g: Grammar) -> str:
    changed = True
    while changed:
        changed = False
        for w in ("创建", "巩固", "开展", "推进", "实施", "建设", "完成", "推动", "加快"):
            if text.startswith(w) and len(text) - len(w) >= 4 and text[len(w):].startswith(("国家", "全国", "省", "市")):
                text = text[len(w):]
                changed = True
    return text


# a campaign's slogan of two parallel phrases, quoted: “健康促进助力脱贫攻坚，健康教育走进青春校园”
_TWO_PART_SLOGAN = re.compile(r"[^，。；：“”]{3,14}[，,][^，。；：“”]{3,14}")
# the event's words right after such a slogan's closing quote: 主题活动, 餐饮企业减盐活动; no verb
# (“A，B”主题开展宣传周活动), no 主题 inside (a theme's word before the event) and no 的 (“A，B”的义诊活动)
_SLOGAN_EVENT_HEAD = re.compile(r"(?:主题|系列)?(?:(?!开展|举办|举行|组织|进行|主题|的)[\u4e00-\u9fff]){0,8}活动")


def _slogan_event(inner: str, after: str) -> bool:
    """Is “A，B”主题活动 an event named by its two-part slogan? Only where the quote is closed by an
    event word alone: in 围绕“A，B”主题开展…活动 or “A，B”的义诊活动 the slogan is a theme."""
    return _SLOGAN_EVENT_HEAD.fullmatch(after) is not None and _TWO_PART_SLOGAN.fullmatch(inner) is not None


def _quoted_trailing(f: str, pos: int, g: Grammar) -> tuple[str, int] | None:
    """The head noun phrase right after a closing quote ("”的数字基座", "”长宁卫生数字转型模式"):
    (text without 的, end offset), or None."""
    start = pos + 1 if f.startswith("的", pos) else pos
    # the first head word starting within 9 characters (one automaton pass; the leftmost
    # match is the longest word at the first offset where any starts), provided every
    # character before it is a CJK non-stop character
    found = g.quoted_trailing.spans(f, start, start + 9 + g.quoted_trailing.longest)
    first = found[0] if found and found[0][0] < start + 9 else None
    for k in range(0, 9):
        i = start + k
        if i >= len(f) or not "\u3400" <= f[i] <= "\u9fff":
            return None
        if first is not None and first[0] == i:
            return f[start:first[1]], first[1]
        if f[i] in g.stop_chars:
            return None
    return None


def _right_edge_ok(f: str, end: int, g: Grammar) -> bool:
    """A name ends where punctuation, a function word or a verb follows."""
    if end >= len(f) or not _CJK_CHAR.match(f[end]):
        return True
    if f[end] in g.stop_chars:
        return True
    return f.startswith(g.right_ok, end)


def program_core_generic(core: str, g: Grammar, head: str = "") -> bool:
    if _YEAR_AT.match(core):
        return True  # 2024年工作计划: a year's plan section, not a named program
    if len(core) < 2 or NUMERIC_FRAME.match(core):
        return True
    if core in g.period_cores and head.endswith(g.event_periods):
        return False  # 全民营养周: a national campaign's week, named by whose it is
    rest = g.program_generic_prefixes.peel(core)
    if len(rest) < 2:
        return True
    if head in g.program_generic_core_heads and (core in g.program_generic_cores or rest in g.program_generic_cores):
        return True  # 各地的健康行动, 共同行动: no name before the head
    if head == "项目" and core.endswith("建设"):
        return True  # X建设项目: a category of projects
    if head == "计划" and core.endswith("有"):
        return True  # 每年有计划开展…: 有计划(地) is a manner, "in a planned way"
    return rest.endswith(("产业", "领域", "科研", "研发", "投资", "高能级", "高水平", "级", "类"))


def heading_programs(ctx: Context, owner_sections: set[int]) -> list[Mention]:
    """Section headings that are actions: the level at which responsibility clauses
    first appear is the action level; its headings, and deeper headings that own a
    clause, are Programs. Shallower headings (二、重大行动) are categories. Each
    program's mention is its name; the other forms of its heading the text writes (the
    whole first sentence, the name with its leading verb) are further mentions of the
    same program, so that they become its aliases."""
    secs = ctx.sections
    if not owner_sections:
        return []
    action_level = min(secs[i].level for i in owner_sections)
    below: set[int] = set()
    for j in owner_sections:  # every ancestor of an owner has an owner below it
        p = secs[j].parent
        while p is not None:
            below.add(p)
            p = secs[p].parent
    owner_parents = {secs[j].parent for j in owner_sections if secs[j].level == action_level}

    out = []
    for i, sec in enumerate(secs):
        if sec.level < action_level:
            if i in below and names_an_action(sec.title, ctx.g):
                out.extend(_heading_mentions(ctx, sec))  # （一）健康知识普及行动 over its measures 1. 2.
            continue
        sibling_of_owner = sec.level == action_level and sec.parent in owner_parents
        if i in owner_sections or (sec.level == action_level and (i in below or sibling_of_owner)):
            out.extend(_heading_mentions(ctx, sec))
    return out


_OPENING_CLAUSE = BracketSplitter("（“《", "）”》", "，；：")
# a heading whose quotes do not pair (“健康中国母亲行动“关爱生命…”): commas split it regardless
_OPENING_CLAUSE_NO_QUOTES = BracketSplitter("（《", "）》", "，；：")


def _assigns_units(phrase: str) -> bool:
    """Is ``phrase`` a clause that assigns units (由省经贸委负责, 省农业厅、环保局配合), no task?"""
    # imported here: the relation rules import this module
    from kg.extract.relations.clauses import ClauseReader, split_units, unit_like
    from kg.extract.relations.cues import cues
    c = cues()
    verb = next((v for v in c.support_verbs + c.lead_verbs + c.joint_verbs if phrase.endswith(v)), "")
    if not verb:
        return False
    if ClauseReader(c).roles(phrase, 0) is not None:
        return True  # 由省经贸委负责, A牵头，B配合
    units = phrase[: -len(verb)]  # 省农业厅、环保局配合: supporting units alone
    spans = split_units(units, 0, c)
    return bool(spans) and all(unit_like(units[a:b], c) for a, b in spans)


def _heading_mentions(ctx: Context, sec) -> list[Mention]:  # noqa: ANN001 - a Section
    """The program of one task heading, named as FORMAT.md says: by its heading
    (1.强化体重管理科学指导。… → 强化体重管理科学指导) or, where the measure opens
    straight with a long sentence, by that sentence's opening phrase
    (4.推进健康食堂、健康餐厅建设，针对… → 推进健康食堂、健康餐厅建设)."""
    title = sec.title.strip()
    start = sec.title_start
    forms = [title]
    if not sec.own_line or _CLAUSE_PUNCT.search(title):  # 2.加强…源头防控，切实保障…: a sentence on its own line too
        balanced = title.count("“") == title.count("”")
        pieces = (_OPENING_CLAUSE if balanced else _OPENING_CLAUSE_NO_QUOTES)(title)
        while len(pieces) > 1 and _assigns_units(title[pieces[0][0]:pieces[0][1]].strip()):
            pieces = pieces[1:]  # (一)由省经贸委负责，省农业厅配合，加快…建设: the task follows its units
        if len(pieces) > 1 or pieces[0][0] > 0:
            first = title[pieces[0][0]:pieces[0][1]].strip()
            if len(first) >= 4:
                forms.insert(0, first)
    bare = _heading_name(forms[0], ctx.g)  # 实施健康知识普及行动 also names 健康知识普及行动
    forms = [f for f in dict.fromkeys(forms + [bare]) if len(f) <= 80]
    if not forms:
        return []
    main = forms[0]
    key_mention = program_mention(ctx, start + title.find(main) if main in title else start,
                                  (start + title.find(main) + len(main)) if main in title else start + len(title), main)
    out = [key_mention]
    for form in forms[1:]:
        k = title.find(form)
        s = start + (k if k >= 0 else 0)
        out.append(Mention(s, s + len(form), key_mention.key, ctx.surface(s, s + len(form)), region=key_mention.region))
    return out


def names_an_action(title: str, g: Grammar) -> bool:
    """A name of an action (健康知识普及行动, 爱国卫生运动) rather than a group of
    measures (提高居民体重管理意识，推进健康饮食文化建设): it ends in a program head,
    holds no clause break, and is not a category (重大行动). A heading that names one is
    an action over its measures; a named action inside a task's heading is a program of
    its own (深入开展爱国卫生运动 → 爱国卫生运动)."""
    name = _heading_name(title, g)
    found = list(g.program_head.finditer(name))
    if not found or found[-1].end() != len(name) or _CLAUSE_PUNCT.search(name) or len(name) > 30:
        return False
    head = found[-1].group(0)
    return not program_core_generic(name[: -len(head)], g, head)  # 重大行动, 专项行动: a category


def _heading_name(title: str, g: Grammar) -> str:
    """"实施健康知识普及行动" names 健康知识普及行动: a leading verb is dropped when what
    follows ends in a program head; "强化心理健康服务体系建设" is kept whole."""
    for verb in ("实施", "推进", "开展", "推动", "深入开展", "深入实施", "全面实施", "大力实施", "组织实施", "启动"):
        rest = title[len(verb):]
        if title.startswith(verb) and len(rest) >= 4 and g.program_head.search(rest) and g.program_head.search(rest).end() == len(rest):
            return rest
    return title


_NOT_AN_ACTION_TITLE = re.compile(r"关于|印发|通知|转发|的意见|答复|报告|新闻|发布会")


_DIGIT_IN_NAME = re.compile(r"\d")
_NAMED_PROGRAM_HEADS = ("行动", "工程", "计划", "项目", "战略")  # what a program the text names ends with
_PLAN_KIND = r"(?:实施方案|工作方案|行动方案|实施意见|指导意见|方案|实施规划|规划|行动计划|实施计划|工作计划|意见|工作要点)"
# what may stand between the action and the kind of plan: 近期工作要点, 2024年工作要点
_PLAN_QUALIFIER = r"(?:近期|年度|\d{4}年度?)?"
# 关于推进院前医疗急救高质量发展的实施意见, 四川省遏制艾滋病传播实施方案（2020—2022）, 关于印发《…》的通知
_TITLE_ACTION = re.compile(rf"^(?:[^《》]*?关于)?(?:印发|转发)?《?(?P<x>[^《》“”，。、]{{4,40}}?)的?{_PLAN_QUALIFIER}{_PLAN_KIND}"
                           r"(?:[（(][^）)]*[）)])?》?(?:的通知)?$")


# a reprint's title line may carry the document's number in front and its name in 《》:
# 渝府办发〔2019〕129号《重庆市人民政府办公厅关于印发…实施方案的通知》
_NUMBER_BEFORE_TITLE = re.compile("^" + DOC_NUMBER.pattern + r"\s*")


_TITLE_PERIOD = re.compile(r"^\d{4}(?:年?(?:[至到—–\-－~]|—)\d{4})?年度?")


def bare_title(title: str) -> str:
    """A title without a document number in front of it and without 《》 around the whole."""
    t = _NUMBER_BEFORE_TITLE.sub("", title.strip())
    if t.startswith("《") and t.endswith("》") and t.count("《") == 1:
        t = t[1:-1]
    return t


def _outside_book_title(f: str, x: str, within: int) -> int:
    """The first place before ``within`` where ``x`` is written outside 《》 (a name in 《》
    is the document's, read as a PolicyDocument), else the first place at all, else -1."""
    first = k = f.find(x, 0, within)
    while k >= 0:
        line_start = f.rfind("\n", 0, k) + 1
        if f.count("《", line_start, k) <= f.count("》", line_start, k):
            return k
        k = f.find(x, k + 1, within)
    return first


def title_action(ctx: Context) -> list[Mention]:
    """The action a plan's title names by its verb and object (推进院前医疗急救高质量发展,
    遏制艾滋病传播) or as a pilot or construction (社会心理服务体系建设试点工作): official titles
    write a plan as 关于 + the action + 的实施意见/实施方案. The action is named without the
    region in front of it (四川省, 区), as the text writes it in its title line."""
    m = _TITLE_ACTION.match(bare_title(ctx.title or ""))
    if m is None:
        return []
    written = x = m.group("x")
    while True:  # 四川省…, 深圳市…, 2001年至2005年陕西省…: the jurisdiction and the period are no part of the action's name
        period = _TITLE_PERIOD.match(x)
        cut = max(_leading_region_end(ctx, x), period.end() if period else 0)
        if not cut:
            break
        x = x[cut:]
    if x[:1] in "省市县区州" and len(x) > 6:
        x = x[1:]
    if x.startswith("关于"):
        x = x[2:]  # 关于印发关于进一步加强…的实施方案的通知: the notice's title holds the plan's
    for adverb in ctx.g.title_action_adverbs:
        if x.startswith(adverb) and x[len(adverb):].startswith(ctx.g.title_action_openers) and x.endswith("建设"):
            x = x[len(adverb):]  # 进一步加强院前急救体系建设: an urged construction, read below
            break
    if not (x.startswith(ctx.g.title_action_openers) or x.endswith(ctx.g.title_action_endings)) or not 4 <= len(x) <= 30 \
            or _DIGIT_IN_NAME.search(x):
        return []
    obj = x[len(next((o for o in ctx.g.title_action_openers if x.startswith(o)), "")):]
    if obj != x and obj.endswith(_NAMED_PROGRAM_HEADS):
        return []  # 推进健康榆阳行动: the action is the program it names (read as such elsewhere)
    if obj != x and obj.endswith("建设") and len(obj) >= 6:
        x = obj  # 加强院前急救体系建设: the construction is the program, the verb only urges it
    s = _outside_book_title(ctx.folded, x, 800)
    if s < 0:
        return []
    named = program_mention(ctx, s, s + len(x), x)
    out = [named]
    w = ctx.folded.find(written, 0, 800)
    if written != x and w >= 0:
        out.append(other_form(ctx, named, w, w + len(written)))  # 深圳市社会心理服务体系建设试点工作, as written
    return out


_COUNT_IN_HEADLINE = re.compile(r"\d+\s*[个项家所座条批名]|[一二三四五六七八九十两]+[个项大]")


def _leading_region_end(ctx: Context, text: str) -> int:
    """Where the region names ``text`` opens with end (0: it opens with none)."""
    return max((b for a, b, _ in region_mentions(text, ctx.doc_region) if a == 0), default=0)


def _is_headline(ctx: Context, title: str) -> bool:
    """A news headline is a sentence, not a name: a region doing something (甘肃省建成…,
    新疆启动实施…, 路南区坚持…推进…) or a count (15项, 三个融合). The program it speaks of is
    read where the text names it."""
    k = _leading_region_end(ctx, title)
    if k and title.startswith(ctx.g.headline_openers, k):
        return True
    if any(ch in title for ch in "！？!?"):
        return True  # 定了！蕉城要创建…: an exclamation, no name
    # 萝北县卫生局启动2015年…项目: a body doing something
    if any(title.startswith(ctx.g.headline_openers, m.end()) for m in ctx.g.headline_body.finditer(title, 0, len(title) - 4)):
        return True
    return bool(_COUNT_IN_HEADLINE.search(title))



def title_programs(ctx: Context, title: str) -> list[Mention]:
    """A document whose own title names an action (海南省儿童健康促进专项行动计划, an annex
    of a plan) is that action: a program named by its whole title, where the title line
    opens the text. A notice about it (关于印发…的通知) is not."""
    title = title.strip()
    if not title or len(title) > 60 or _NOT_AN_ACTION_TITLE.search(title) or _is_headline(ctx, title):
        return []
    found = list(ctx.g.program_head.finditer(title))
    if not found or found[-1].end() != len(title):
        return []
    s = ctx.folded.find(title, 0, 400)
    if s < 0:
        return []
    return [program_mention(ctx, s, s + len(title), title)]

