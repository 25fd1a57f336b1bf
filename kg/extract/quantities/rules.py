"""The shared grammar of values: units, comparators and the words around an indicator,
loaded from ``extract/data/quantities.json``; the value patterns; the test of a plan.

Targets (:mod:`.targets`) and measurements (:mod:`.measurements`) read with it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from kg.extract.active import ActiveData
from kg.extract.model import Quantity
from kg.extract.segment import BracketSplitter
from kg.lexicon import PrefixWords
from kg.paths import QUANTITIES_DATA

DATA = QUANTITIES_DATA
_CN_DIGITS = "一二两三四五六七八九十百千"
_NUM = r"(\d+(?:\.\d+)?|[" + _CN_DIGITS + r"]{1,6})"
_CJK = r"\u3400-\u9fff"


@dataclass(eq=False)  # hashed by identity: caches key on the object
class _Rules:
    raw: dict

    def __post_init__(self) -> None:
        r = self.raw
        units = sorted(r["units"], key=len, reverse=True)
        self.unit_re = "(?:" + "|".join(re.escape(u) for u in units) + ")"
        cmps = sorted(r["target_comparators"], key=len, reverse=True)
        self.cmp_map = r["target_comparators"]
        # 降到2030年的≤5‰: the value may carry its year and a sign of its own after the verb
        # 下达2026年…资金, 送达, 传达: 达 in a verb of sending or reaching is no comparator, and a year no value
        self.target_re = re.compile(
            r"(?<![下送传抵表转通直])(?P<cmp>" + "|".join(map(re.escape, cmps)) + r")(?:\d{4}年的)?(?P<sign>[≤≥])?"
            r"(?!(?:19|20)\d{2}\s*年)(?P<vals>" + _value_group(self.unit_re) + r")")
        self.relative_re = re.compile(
            r"在(?P<base>\d{4})年(?:的)?基础上(?:力争|继续|再|逐步)?(?:每年)?(?P<verb>" + "|".join(r["relative_verbs"]) +
            r")(?P<val>\d+(?:\.\d+)?)(?P<unit>" + self.unit_re + r")?(?P<approx>左右)?")
        self.relative_verbs = r["relative_verbs"]
        # 到/至 of a change verb (提高到2023年的78.5%) is not a future year
        self.years_re = re.compile(r"(?<![截年])(?<!提高)(?<!提升)(?<!下降)(?<!降低)(?<!增加)(?<!增长)(?<!减少)(?<!上升)(?<!升)(?<!降)(?:到|至|力争到|争取到|预计到|展望)(?P<years>\d{4}年(?:底|末)?(?:(?:和|、|及|与)\d{4}年(?:底|末)?)*)")
        self.value_signs: dict[str, str] = r["value_signs"]  # 漏报率≤2%: the sign is the value's comparator
        # before a reported value, in the alternation's order
        self.value_prefixes = tuple(r["value_prefixes"]) + tuple(self.value_signs)
        self.trailing_adverbs = tuple(r["indicator_trailing_adverbs"])
        self.reporting_verbs = re.compile("|".join(map(re.escape, r["indicator_reporting_verbs"])))
        self.value_re = re.compile(value_pattern(self.unit_re, self.value_prefixes))
        self.indicator_heads = tuple(r["indicator_heads"])
        self.leading_noise = tuple(sorted(r["leading_noise"], key=len, reverse=True))
        # words that are no indicator on their own (进一步增长到76岁: the indicator is the one named before)
        self.adverbs = frozenset(self.leading_noise + self.trailing_adverbs)
        self.more = r["measurement_more"]
        self.goal_headings = tuple(r.get("goal_headings", []))
        self.dangling = tuple(sorted(r.get("indicator_dangling_endings", []), key=len, reverse=True))
        self.personal = tuple(r.get("indicator_personal", []))
        counts = "".join(sorted(r["indicator_count_words"]))
        # a count inside an indicator (outside quotes), or a list number opening it
        self.counts_at_end = re.compile(r"(?:\d+(?:\.\d+)?[" + counts + r"])+$")
        self.count_inside = re.compile(r"(?:^|[^\d.“”\"])\d+(?:\.\d+)?\s*[" + counts + r"](?![^“”\"]*[”\"])|^\s*\d{1,2}\s*[.．、]")
        self.goal_openings = tuple(r.get("goal_openings", []))
        self.achievement_headings = tuple(r.get("achievement_headings", []))
        self.indicator_anaphors = tuple(sorted(r["indicator_anaphors"], key=len, reverse=True))
        must = r["obligations"]
        # an obligation before a comparator (2025年，检查率应达到80%): a value to reach, where the sentence names its year
        self.must_reach = re.compile("(?<![" + "".join(must["not_after"]) + "])(?:" + "|".join(map(re.escape, must["modals"]))
                                     + ")(?=" + "|".join(map(re.escape, must["comparators"])) + ")")
        shares = r["required_shares"]
        modals = "|".join(map(re.escape, sorted(must["modals"] + shares["modals"], key=len, reverse=True)))
        # a share the text requires (率均要达到90%以上, 不低于95%): a target without a year
        self.required_share = re.compile(
            "(?:(?<![" + "".join(must["not_after"]) + "])(?:" + modals + ")(?:" + "|".join(map(re.escape, must["comparators"]))
            + ")|" + "|".join(map(re.escape, shares["norm_comparators"])) + r")\s*\d+(?:\.\d+)?\s*%")
        forecast = r["forecasts"]
        self.forecast_words = tuple(forecast["words"])
        self.forecast_subjects = tuple(forecast["subjects"])
        self.less = r["measurement_less"]
        form = r["indicator_form"]
        self.bare_heads = frozenset(form["bare_heads"])
        # 占比将 (占比将达27%): the modal that opens the predicate, run into the words before the value
        self.future_modals = tuple(sorted(form["future_modals"], key=len, reverse=True))
        # 有4项由国家医保局牵头: who does the counted things is no indicator of them
        self.agent_openers = tuple(form["agent_openers"])
        # 国家10个部委决定…: the bodies that act, counted; 平均海拔4520米: a place, not health work
        self.acting_bodies = tuple(form["acting_bodies"])
        self.acting_verbs = tuple(form["acting_verbs"])
        self.place_descriptors = tuple(form["place_descriptors"])
        # 提倡驻汉部队战士在服役期间献血1次: a sentence advocating a behaviour states a norm
        self.norm_openers = tuple(r["norm_openers"])
        self.bare_head_endings = tuple(sorted(self.bare_heads, key=len, reverse=True))  # for str.endswith
        # 只要…就可, 确保…: a condition or an aim, nothing achieved
        self.not_reported = re.compile("|".join(map(re.escape, form["condition_words"] + form["aim_words"])))
        self.enumeration_closer = re.compile(
            "^(?:" + "|".join(map(re.escape, form["enumeration_closers"])) + ")(?!" +
            "|".join(re.escape(w[1:]) for w in form["closer_nouns"]) + ")")
        # 在浙江率先实现…: where a unit came first is no part of what it achieved
        self.first_opener = re.compile(
            r"^在[\u4e00-\u9fff]{1,6}?(?:" + "|".join(map(re.escape, form["first_adverbs"])) + ")(?:" +
            "|".join(map(re.escape, form["first_verbs"])) + ")?")
        self.first_verbs = tuple(sorted(form["first_verbs"], key=len, reverse=True))  # 实现X数N个: cut from X
        # 培训骨干医生15人 after a count per head: a count of what is done, no count per head
        self.action_count_openers = tuple(form["action_count_openers"])
        self.per_capita_words = tuple(sorted(form["per_capita_words"], key=len, reverse=True))
        self.part_markers = tuple(form["part_markers"])
        self.part_qualifiers = tuple(sorted(form["part_qualifiers"], key=len, reverse=True))
        self.cascade_rates = tuple(sorted(form["cascade_rates"], key=len, reverse=True))
        # 高于全国9.1个百分点: a margin over a reference, not a level; 0次浏览: the page's own counter
        # (低于全省孕产妇死亡率18.4/10万 names the reference's own value, and stays)
        self.margin_only = re.compile("(?:" + "|".join(map(re.escape, form["margin_verbs"])) + ")(?:"
                                      + "|".join(map(re.escape, sorted(form["margin_references"], key=len, reverse=True)))
                                      + r")+(?:[（(][^）)]*[）)])?")
        self.page_counters = frozenset(form["page_counters"])
        self.event_tallies = tuple(form["event_tallies"])


def value_pattern(unit_re: str, prefixes: tuple[str, ...], first_class: bool = True) -> str:
    """A reported value: (prefix) number (余/多) unit (以上 …). The plain spelling opens
    with the optional prefix group, which the regex engine tries, and fails, at every
    character of a clause; ``first_class`` puts before it a lookahead for the characters
    a match can open with (a prefix's first, a digit, a Chinese numeral), which it
    fails at once: the same matches, a third of the time."""
    first = "[" + "".join(dict.fromkeys(re.escape(w[0]) for w in prefixes)) + r"\d" + _CN_DIGITS + "]"
    return ((f"(?={first})" if first_class else "") + "(?P<pre>" + "|".join(map(re.escape, prefixes)) + ")?(?P<num>" + _NUM +
            r")(?P<mid>余|多)?(?:(?P<unit>" + unit_re + r")|(?P<mult>万|亿)(?P<mid2>余|多)?(?P<unit2>" + unit_re +
            r")|(?P<bare>万)(?=[\u4e00-\u9fff]{2}|[，。；,;]|$))(?P<post>以上|以下|余|多|左右|以内)?")  # 1752万，: ten thousands of what is named


def _value_group(unit_re: str) -> str:
    one = r"\d+(?:\.\d+)?(?:" + unit_re + r")?(?:以上|以下|左右|及以上|及以下)?"
    return one + r"(?:(?:和|、|及|与|至)" + one + r")*"


def load_rules(path: Path = DATA) -> _Rules:
    """The grammar of values and indicators from a quantities.json."""
    return _Rules(json.loads(path.read_text(encoding="utf-8")))


ACTIVE_RULES: ActiveData[_Rules] = ActiveData("hg_quantity_rules", load_rules)


def rules() -> _Rules:
    """The grammar of the component running (kg.extract.active), else the package's."""
    return ACTIVE_RULES.get()


def _split_values(text: str, unit_re: str) -> list[tuple[float, str, str]]:
    out = []
    for m in re.finditer(r"(\d+(?:\.\d+)?)(" + unit_re + r")?(以上|以下|左右|及以上|及以下)?", text):
        out.append((float(m.group(1)), m.group(2) or "", m.group(3) or ""))
    # a unit written once applies to every value ("32%和40%" / "36.6%和40%")
    unit = next((u for _, u, _ in reversed(out) if u), "")
    return [(v, u or unit, post) for v, u, post in out]


@lru_cache(maxsize=1024)
def _leading_words(noise: tuple[str, ...], places: tuple[str, ...]) -> PrefixWords:
    """The words to strip from an indicator's front: scope words and place names."""
    return PrefixWords(noise + places)


_LEADING_YEARS = re.compile(r"^(?:到|至)?\d{4}年(?:底|末)?(?:(?:和|、|及|与)\d{4}年)*[，,]?")
# where the items of a list of indicators are joined (A、B和C, A以及B), not the 及 of 普及率, 及时率 nor
# the 与 of 参与率
LIST_JOINERS = re.compile(r"以及|[、和]|(?<![普涉危波顾触遍])及(?![时格早])|(?<![参给授赋])与")

# what a page puts before an indicator that is none of it: a news dateline (中新网重庆新闻12月6日电), a
# broken tag's rest (/font>)
_INDICATOR_JUNK = re.compile(r"^(?:[^，。；]{0,20}?\d{1,2}月\d{1,2}日电|[^\u4e00-\u9fff]{0,12}>)")
_TRAILING_YEAR = re.compile(r"(?<=[\u4e00-\u9fff])\d{4}年(?:底|末)?$")

# the number of a list item a target opens with: （一）全区居民健康素养水平提高到26%以上, ①…, 一是…
# (not 1.: a measurement's indicator opening with one is a headline run into the text, and reports nothing)
_LEADING_ITEM_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、是]|（[一二三四五六七八九十\d]{1,3}）|[①-⑳]|\d{1,2}、)")


def _clean_indicator(text: str, r: _Rules, places: tuple[str, ...] = ()) -> str:
    """The indicator phrase without leading years, scope words, place names and
    adverbs, nor trailing adverbs (分别, 均 …)."""
    t = text.strip("，、；： “”")
    if "——" in t and len(t) - t.rindex("——") > 3:
        t = t[t.rindex("——") + 2:]  # （二）居民健康素质全面提高——全省居民健康素养水平: a list's dash opens the item
    colon = max(t.rfind("："), t.rfind(":"))
    if colon >= 0 and len(t) - colon > 2 and not any(b in t[colon:] for b in "）)"):  # not inside (以下简称：…)
        t = t[colon + 1:]  # 三大指标均优于全国水平：人均预期寿命: what the colon opens is the indicator
    t = _INDICATOR_JUNK.sub("", t)
    first = r.first_opener.match(t)
    if first and len(t) - first.end() >= 2:
        t = t[first.end():]  # 在浙江率先实现镇卫生院标准化率: where it came first is no part of it
    said = [m.end() for m in r.reporting_verbs.finditer(t)]
    if said and len(t) - said[-1] >= 2:
        t = t[said[-1]:]  # 规划提出中国人均预期寿命: what follows the source's verb
    t = _LEADING_ITEM_NUMBER.sub("", t)
    t = _LEADING_YEARS.sub("", t)
    leading = _leading_words(r.leading_noise, places)
    changed = True
    while changed:
        changed = False
        k = leading.prefix_length(t, keep=2)  # an indicator keeps two characters at least
        if k:
            t = t[k:]
            changed = True
        if t.endswith(r.trailing_adverbs):  # one test; which ones, in order, only if any
            for w in r.trailing_adverbs:
                if t.endswith(w):
                    t = t[: -len(w)]
                    changed = True
    t = _TRAILING_YEAR.sub("", t.strip("，、；： 的"))  # 人均预期寿命2030年(提高到76岁): the year is the target's
    cut = r.counts_at_end.sub("", t)  # 宣传资料2类12种 (13.8万份): the counts break the value down
    return cut if len(cut) >= 2 else t


_CLAUSE_SPLIT = BracketSplitter("《（(", "》）)", "，；：")


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause spans split at ，；: outside 《》 and brackets."""
    return [(s, e) for s, e in _CLAUSE_SPLIT(sentence) if e > s]


# 计划/规划 as a plan (计划三年内实现…, 规划打造…), not as a noun (行动计划5个, 规划纲要) nor in a body's
# name (国家卫健委规划信息司司长, 规划发展与信息化司, 市规划局), nor family planning (计划生育, 卫生和计划生育委员会)
# Each alternative opens with its literal and checks what precedes it afterwards (a
# lookbehind that includes the literal): the regex engine then skips to the literals'
# first characters instead of trying lookbehinds at every position (6x faster here;
# tests compare these with the lookbehind-first spelling).
PLAN_WORDS = re.compile(r"(?:计划|规划)(?<!(?:行动|免疫)(?:计划|规划))(?![、，。；）)》”]|\d(?!\d{3}年)|纲要|体系|布局|编制|建设|生育|"
                        r"(?:信息|发展与信息化|财务)?[司处科局])|力争|目标是")
# the modal of a sentence that says what will be done (将新增…, 拟建设…, 预计…, 下一步…): a
# news item's or report's future, read as targets where a plan's words are absent
_WILL = (r"将(?:统一|逐步|陆续|分批|分步|(?:重点|大力|积极)?"
         r"(?:加快|继续|进一步|推进|推动|持续|全面|着力|建成|实现|打造|开展|完成|深化|强化|加强|新增|新建|建设|启动|探索|扩大"
         r"|遴选|搭建|推出|举办|组织|培养|培训|选派|配备|投入|改造|推荐|依托|提供|发放|组建|设立|享有|接受|分为|分赴|会|抓好|做好|落实|实施|坚持"
         # not 将 as the object's marker (将落实情况纳入考核: the 落实情况, taken into the review)
         r"|聚焦|围绕)(?!情况|效果|成效|结果|经验|做法)|于)"
         # 县里决定在9个乡镇设立急救站: a decision of what will be done (not 决定对…给予表彰, done by deciding)
         r"|决定(?:在|于|从|自)")
# a year that opens a period since (自2010年…以来, 2015年以来, 自2014年10月至今): what is reported after it
# is of the period's end, the report's own year, not of its start (matched right after the year's 年)
SINCE_AFTER_YEAR = re.compile(r"[^，。；,;]{0,30}?(?:以来|至今(?!年))")


def opens_period_since(sent: str, year_end: int) -> bool:
    """Does the year whose 年 ends at ``year_end`` open a period since (自2010年…以来, …至今)?"""
    return ("以来" in sent or "至今" in sent) and SINCE_AFTER_YEAR.match(sent, year_end) is not None
FUTURE_MODAL = re.compile(_WILL + r"|拟|预计|下一步|下阶段|今后")
FUTURE_CLAUSE = re.compile(
    r"(?:到|至)(?<![截年升降][到至])(?<!(?:提高|提升|下降|降低|增加|增长|减少|上升)[到至])\d{4}年"
    r"|(?:计划|规划)(?<!(?:行动|免疫)(?:计划|规划))(?![、，。；）)》”]|\d(?!\d{3}年)|纲要|体系|布局|生育|(?:信息|发展与信息化|财务)?[司处科局])"
    r"|力争|争取|下一步|下阶段|今后|明年|后年|" + _WILL + r"|拟|预计")



@lru_cache(maxsize=4)
def _plan_title_re(r: _Rules) -> re.Pattern[str]:
    """The end of a plan's title (…实施方案, 关于印发…行动计划的通知), from quantities.json."""
    titles = "|".join(map(re.escape, r.raw["target_words"]["plan_titles"]))
    return re.compile(r"(?:" + titles + r")(?:[（(][^）)]*[）)])?》?(?:的通知|的函)?$")


@lru_cache(maxsize=4)
def _plan_file_res(r: "_Rules") -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A line ending in a file's extension, and a 《…》 holding a file's name (quantities.json plan_file)."""
    ext = "|".join(map(re.escape, r.raw["target_words"]["plan_file"]["extensions"]))
    return (re.compile(rf"\.(?:{ext})$", re.IGNORECASE),
            re.compile(rf"《([^《》]{{2,80}}?)\.(?:{ext})(?:[（(][^）)《》]*[）)])?》", re.IGNORECASE))


def _names_a_plans_file(name: str, pattern: re.Pattern[str], r: "_Rules") -> bool:
    """Is a file's name a plan's, not a report ending with next year's plan?"""
    words = r.raw["target_words"]["plan_file"]
    plan = pattern.search(name)
    if plan is None or any(w in name for w in words["reporting"]):
        return False
    plan_start = plan.start()
    joined = max((name.rfind(j, 0, plan_start) for j in words["joiners"]), default=-1)
    # …工作情况及2024年工作计划, …小结及下半年工作计划: a plan for a period joined to a report, not 卫生和健康工作方案
    return not (joined >= 0 and "年" in name[joined:plan_start] and plan_start - joined <= 9)


def is_plan_document(has_responsibility_lists: bool, title: str | None, opening: str = "") -> bool:
    """Plans state targets, not achievements: their numbers are never measurements
    unless a sentence says so (截至, 已). A document is a plan when it assigns tasks, or
    its title is a plan's (…实施方案, 关于印发…行动计划的通知) — not a title that only
    names one (《…实施方案》专场, a press conference about it) — or, where the title read is
    a page's (标签…的相关文档), one of the first lines of ``opening`` is a plan's title (or its
    file's name: X实施方案.docx, a document site's 《X实施方案.docx》由会员分享), or the opening
    says it makes itself (特制订本实施方案, 制定本方案)."""
    r = rules()
    pattern = _plan_title_re(r)
    if has_responsibility_lists or bool(title and pattern.search(title.strip())):
        return True
    lines = opening[:600].split("\n")[:5]
    if any(len(ln) <= 120 and pattern.search(ln.strip().lstrip("0123456789.-— ")) for ln in lines if ln.strip()):
        return True
    # the plan's file named on a line of its own (餐桌污染建设食品放心工程年度工作方案.docx) or by a document
    # site's header (《建设健康镇实施方案.docx》由会员分享): the text is that file — but not a summary that
    # ends with next year's plan (…2023年工作总结和2024年工作计划.docx reports)
    line_file, shared_file = _plan_file_res(r)
    files = [m.group(1) for ln in lines for m in shared_file.finditer(ln)]
    files += [ln.strip()[:-len(m.group(0))] for ln in lines if (m := line_file.search(ln.strip()))]
    if any(_names_a_plans_file(name, pattern, r) for name in files):
        return True
    # 结合我镇实际，特制订本实施方案: a text that says, in its opening, that it is the plan it makes
    head = opening[:800]
    return bool(_self_reference_re(r).search(head))


@lru_cache(maxsize=4)
def _self_reference_re(r: "_Rules") -> re.Pattern[str]:
    """制定本(…)方案: the opening's words that say the text is the plan it makes (quantities.json)."""
    verbs, determiners, kinds = ("|".join(map(re.escape, r.raw["target_words"]["plan_self_reference"][k]))
                                 for k in ("verbs", "determiners", "kinds"))
    # not 制定本年度工作计划: a report's plan for the year, not the text itself
    return re.compile(rf"(?:{verbs})(?:{determiners})(?![年季月])[\u4e00-\u9fff]{{0,8}}?(?:{kinds})")


_ASPECT_INSIDE = re.compile(r"了(?!解)")
# a person told of by a relative clause (参加医保的她自付手术费用): an anecdote
_PERSON_OF_CLAUSE = re.compile(r"的[我你她他]")
# a range the number cut (能累积4万至 of 4万至5万克): the value is its upper end, and no indicator is named
_RANGE_START_END = re.compile(r"\d(?:\.\d+)?[万千百亿]?[至到~～—-]$")


def plausible_indicator(indicator: str, r: "_Rules") -> bool:
    """Is ``indicator`` a noun phrase that a number can measure? Not a fragment of the
    sentence around the number (人里有, 浙医二院派驻了, 可获得), nor a person's anecdote
    (她平时攒, 我曾用)."""
    if len(indicator) < 2 or indicator.endswith(r.dangling) or indicator[:1] in "（(、，":
        return False
    if indicator in r.leading_noise:
        return False  # 目前, 同时: a word of time or linking, nothing measured
    if indicator in r.bare_heads:
        return False  # 比例, 数量: a head alone names nothing measured
    if indicator.startswith(r.agent_openers) and not indicator.endswith(r.bare_head_endings):
        return False  # 由国家医保局 (有4项由国家医保局牵头): the agent of what is counted, not a measure (由政府兜底的人数 is one)
    if indicator.startswith(r.personal) or any(w in indicator for w in r.personal if len(w) > 1):
        return False
    body = next((b for b in r.acting_bodies if indicator.startswith(b)), "")
    if body and indicator[len(body):].startswith(r.acting_verbs):
        return False  # 部委决定 (国家10个部委决定在石渠县启动…): the bodies that acted, counted
    if indicator.endswith(r.place_descriptors):
        return False  # 平均海拔 (平均海拔4520米的石渠县): the place, no value of health work
    if r.margin_only.fullmatch(indicator):
        return False  # 高于全国 (…阳性率52.8%，高出全国8.8个百分点): how far above a reference, not what is measured
    if indicator in r.page_counters:
        return False  # 浏览 (0次浏览), 读完 (读完约1分钟): a web page's counter
    if indicator.endswith(r.event_tallies):
        return False  # 评选出一等奖 (…一等奖1名), 方队 (13个方队): what an event hands out or lines up
    if _ASPECT_INSIDE.search(indicator):
        return False  # 成功抵扣了当月: a verb phrase, not a noun phrase
    if _PERSON_OF_CLAUSE.search(indicator) or _RANGE_START_END.search(indicator):
        return False  # 参加医保的她…: an anecdote; 能累积4万至: a range's start
    if r.count_inside.search(indicator):
        return False  # 宣教材料53种 (…53种3251万份): two statements joined, not one indicator
    # a title or quotation cut by the number (以宣传贯彻《健康素养…) is no noun phrase
    return indicator.count("（") == indicator.count("）") and indicator.count("《") <= indicator.count("》")


# a share no text can mean: a number the page garbled (建档率达20230%, a lost "100" run into the year)
_PERCENT_CEILING = 1000.0


def plausible_value(q: Quantity) -> bool:
    """Can ``q``'s value be what its unit says? A percentage or per-mille of 1,000 or more is a
    garbled number, not a share (a growth of a few hundred per cent is written, 20230% is not)."""
    return not (q.unit in ("%", "‰") and q.value >= _PERCENT_CEILING)


def is_forecast(q: Quantity, sent: str, base: int, r: _Rules) -> bool:
    """A forecast of population (预计到2020年，全省60周岁以上老年人口将达到778.8万人，占…18.5%): a
    plan foresees it, it sets no target for it, and it is no value achieved (nor is anything else
    foreseen: 失能老年人约97.4万 after it is no measurement). The forecast word stands before
    the value in its sentence (截至2017年末…3788.7万人；预计到2020年… forecasts only what follows it)."""
    if q.kind == "target" and not q.indicator.rstrip("将").endswith(r.forecast_subjects):
        return False  # 预计到2020年居民健康素养水平将达到23%, 人口平均预期寿命: a planned value, a target
    before = sent[:max(0, q.start - base)]
    return any(w in before for w in r.forecast_words)  # what is foreseen was not achieved: no measurement


def carry_heads(found: list[Quantity], sent: str, base: int, r: _Rules) -> list[Quantity]:
    """The head a sentence names once, carried to the values that name only a part of it:
    after 其中, a qualifier and the whole's last word (推出重点建设项目20个，其中国家级项目9个 →
    国家级重点建设项目); a care-cascade rate without its disease (高血压知晓率不低于65%，治疗控制率
    不低于45% → 高血压治疗控制率), from the rate before it in the sentence. Every reader's values pass
    here, so a value no unit allows (plausible_value) is dropped here too."""
    found = [q for q in found if plausible_value(q) and not is_forecast(q, sent, base, r)]
    if len(found) < 2:
        return found
    at = min((sent.find(w) for w in r.part_markers if w in sent), default=-1)
    out: list[Quantity] = []
    for q in found:
        ind = q.indicator
        if ind in r.cascade_rates:
            head = next((p.indicator[: -len(c)] for p in reversed(out) for c in r.cascade_rates
                         if p.indicator.endswith(c) and len(p.indicator) > len(c) and p.indicator not in r.cascade_rates), "")
            if head:
                q = replace(q, indicator=head + ind)
        elif ind.startswith(r.indicator_anaphors) and out:
            rest = ind[next(len(a) for a in r.indicator_anaphors if ind.startswith(a)):]
            prev = out[-1].indicator
            if len(rest) >= 2 and prev.endswith(rest) and len(prev) > len(rest):
                q = replace(q, indicator=prev)  # …检查率达到80%；2030年该项检查率应达90%: the same indicator
        elif at >= 0 and q.start - base >= at and ind.startswith(r.part_qualifiers):
            qual = next(w for w in r.part_qualifiers if ind.startswith(w))
            rest = ind[len(qual):]
            whole = next((p.indicator for p in reversed(out) if p.start - base < at and p.unit == q.unit
                          and len(rest) >= 2 and p.indicator.endswith(rest) and len(p.indicator) > len(rest)
                          and not p.indicator.startswith(r.part_qualifiers)), "")
            if whole:
                q = replace(q, indicator=qual + whole)
        out.append(q)
    return out

