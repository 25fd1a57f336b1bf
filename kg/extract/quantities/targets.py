"""Targets: values a text sets for the future (FORMAT.md, "Targets and measurements").

A target sentence carries a future-year phrase (到2022年和2030年) or a planning word
(计划, 力争); its clauses state "indicator + comparator + value(s)", with 分别 pairing
values and years. A relative target ("在2020年基础上提高10%") is marked relative.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.extract.model import EntityKey, Quantity
from kg.extract.numbers import parse_number
from kg.extract.segment import BracketSplitter, SectionList
from kg.extract.quantities.rules import FUTURE_MODAL, LIST_JOINERS, PLAN_WORDS, _clauses, _clean_indicator, _Rules, _split_values, carry_heads, rules

_DIGIT = re.compile(r"\d")

def _alt(words: list[str]) -> str:
    return "|".join(map(re.escape, words))


@dataclass(frozen=True)
class _Words:
    """The target reader's patterns, made from quantities.json's "target_words"."""

    count_target: re.Pattern[str]        # 新增5家区级医院及12家社区卫生服务中心: what is to be built, added, held
    count_target_after: re.Pattern[str]  # 建成健康促进示范社区20个
    achieved: re.Pattern[str]            # a sentence that reports what was done, not what is to be done
    trend: re.Pattern[str]               # …逐步提高: a rise or fall without a value
    annual_plan: re.Pattern[str]         # 2024年工作要点
    shared_tail_heads: tuple[str, ...]   # 居民, 患者 …: what a list's head written once opens with


@lru_cache(maxsize=4)
def _words(r: _Rules) -> _Words:
    w = r.raw["target_words"]
    build, unit = "(?:" + _alt(w["count_verbs"]) + ")", _alt(w["count_units"])
    return _Words(
        count_target=re.compile(build + r"出?(?:至少)?\s*(\d+)\s*(" + unit + r")(以上|左右)?([\u4e00-\u9fff“”]{2,14}?)(?=及|和|、|的|[，。；,;]|$)"
                                r"(?:(?:及|和|、)\s*(\d+)\s*(" + unit + r")(以上|左右)?([\u4e00-\u9fff“”]{2,14}?)(?=的|[，。；,;]|$))?"),
        count_target_after=re.compile(r"(?:" + _alt(w["count_after_verbs"]) + r")([\u4e00-\u9fff]{2,16}?)(\d+)\s*("
                                      + _alt(w["count_after_units"]) + r")(?=[，。；]|$)"),
        achieved=re.compile(_alt(w["achieved_words"])),
        trend=re.compile(r"(?:" + _alt(w["trend_adverbs"]) + r")?(?:" + _alt(w["trend_verbs"]) + r")$"),
        annual_plan=re.compile(r"(?<![\d—–\-－~至到])(\d{4})\s*年(?:度)?[^《》“”（）()，。；\d]{0,30}?(?:"
                               + _alt(w["annual_plan_titles"]) + ")"),
        shared_tail_heads=tuple(r.raw["shared_tail_heads"]))


def _count_targets(sent: str, base: int, year: int | None, program: EntityKey | None, region: str) -> list[Quantity]:
    """"新增5家区级医院及12家社区卫生服务中心的互联网医院建设", "建成健康促进示范社区20个",
    "新增10个以上市级医疗专科联盟", "举10场以上义诊活动": planned counts of what is named
    after (or, for 建成X20个, before) the number; 以上 makes the count a floor."""
    out = []
    w = _words(rules())
    for m in w.count_target_after.finditer(sent):
        out.append(Quantity("target", m.group(1), float(m.group(2)), m.group(3), year, "=", base, base + len(sent), program, region))
    for m in w.count_target.finditer(sent):
        for i in (1, 5):
            if m.group(i):
                comparator = ">=" if m.group(i + 2) == "以上" else "="
                out.append(Quantity("target", m.group(i + 3), float(m.group(i)), m.group(i + 1), year, comparator,
                                    base, base + len(sent), program, region, approximate=m.group(i + 2) == "左右"))
    return out


# "1.居民健康素养水平：…": the label of an item in an indicator list
_ITEM_LABEL = re.compile(r"\s*(?:\d{1,2}[\.．、]|[（(]\d{1,2}[）)])?\s*([^：:，。]{2,40})[：:]")


def _year_cmp_re() -> re.Pattern[str]:
    return _year_cmp_re_of(rules())


@lru_cache(maxsize=4)
def _year_cmp_re_of(r: _Rules) -> re.Pattern[str]:
    cmps = "|".join(map(re.escape, sorted(r.cmp_map, key=len, reverse=True)))
    return re.compile(
        r"(?<!\d)(?P<year>\d{4})\s*年(?:底|末|前)?[，]?(?:要|力争|将|争取)?(?P<cmp>" + cmps + r")(?P<val>\d+(?:\.\d+)?)(?P<unit>"
        + r.unit_re + r")?(?P<post>以上|以下|左右)?")


# what stands between two years' values of one indicator (…2020年达到20%，2025年达到25%)
_LIST_GAP = re.compile(r"[，,、；;]|和|及")


def _year_targets(sent: str, base: int, program: EntityKey | None, region: str, doc_year: int | None) -> list[Quantity]:
    """"居民健康素养水平：2023年达到38%，2025年达到40%以上" — in a plan, a year followed by a
    comparator and a value sets a target for that year; the indicator is the item's
    label (before ：) or the text before the year."""
    if "年" not in sent:
        return []  # every match of the pattern holds 年
    r = rules()
    label = _ITEM_LABEL.match(sent)
    out = []
    prev_ind, prev_end = "", -1
    for m in _year_cmp_re().finditer(sent):
        year = int(m.group("year"))
        if doc_year is not None and year < doc_year:
            continue
        ind = _clean_indicator(label.group(1), r) if label else _clean_indicator(re.split(r"[，。；：]", sent[: m.start()])[-1], r)
        if len(ind) < 2 and prev_ind and _LIST_GAP.fullmatch(sent[prev_end:m.start()]):
            ind = prev_ind  # 居民健康素养水平2020年达到20%，2025年达到25%: one indicator, a value a year
        if len(ind) < 2:
            continue
        prev_ind, prev_end = ind, m.end()
        comparator = r.cmp_map[m.group("cmp")]
        post = m.group("post") or ""
        comparator = "<=" if "以下" in post else ">=" if "以上" in post else comparator
        out.append(Quantity("target", ind, float(m.group("val")), m.group("unit") or "", year, comparator,
                            base + m.start(), base + m.end(), program, region, approximate="左右" in post))
    return out


@dataclass
class TargetContext:
    """What the text around a sentence says about the targets in it."""

    program: EntityKey | None = None
    region: str = ""
    doc_year: int | None = None   # the document's year: an earlier year is no target year
    year: int | None = None       # the year set around the sentence: 到2025年 opening its paragraph or goal section
    goal: bool = False            # the sentence lies in a goal section (主要目标) or a list opened by 实现以下目标
    plan_doc: bool = False        # a plan: its values are targets unless the text reports them as achieved
    period_end: int | None = None  # the last year of the plan's own period (…行动计划(2022—2024年)): a yearless target's


# a plan's sentence (or list item) that opens with the year its targets are for: 1.2025年，… / 2025年和2030年，…
_OPENING_YEARS = re.compile(r"\s*(?:\d{1,2}[.．、])?(?:20\d{2})年(?:底|末)?(?:(?:和|、|及)20\d{2}年(?:底|末)?)*[，,：:]")
_PAST_YEAR = re.compile(r"(?<![\d\-—–~至到])(\d{4})\s*年(?![\d])")
_DEADLINE = re.compile(r"(?<![\d\-—–~至到])(\d{4})\s*年(?:底|末)?(?:前|以前)")
_YEAR_RANGE = re.compile(r"\d{4}\s*[-—–~至到]\s*\d{4}\s*年")
_WITHIN_YEARS = re.compile(r"(\d+|[一二两三四五六七八九十]+)年内")


def targets_in_sentence(sent: str, base: int, program: EntityKey | None, region: str, doc_year: int | None,
                        plan_year: int | None = None, plan_doc: bool = False, goal: bool = False) -> list[Quantity]:
    """Targets of one sentence; ``plan_year`` is the year set around it (a paragraph
    that opened with a plan, "2024年，…规划…", or a goal section's 到2025年)."""
    return carry_heads(read_targets(sent, base, TargetContext(program, region, doc_year, plan_year, goal, plan_doc)),
                       sent, base, rules())


def read_targets(sent: str, base: int, tc: TargetContext, last_indicator: str = "") -> list[Quantity]:
    """The targets one sentence sets. A sentence sets targets when it carries a future
    year (到2025年), a planning word (力争, 计划), lies in a goal section or a
    paragraph that opened with a future year, or belongs to a plan and does not report
    an achievement; a plan's values without any year are targets with year null."""
    if _DIGIT.search(sent) is None and "全覆盖" not in sent:
        return []  # every target below needs a digit, except 实现…全覆盖
    r = rules()
    quotas = _quota_targets(sent, base, tc)
    if quotas:  # 按在职职工总数的10%下达任务: a quota handed down, whatever else the sentence says
        return quotas
    # every alternative of years_re holds 到, 至 or 展望; the pattern opens with lookbehinds,
    # which defeat the regex engine's literal-prefix search
    has_year_word = "到" in sent or "至" in sent or "展望" in sent
    phrases = [p for p in r.years_re.finditer(sent) if not _reached_by(sent, p, tc.doc_year)] if has_year_word else []
    opening = _OPENING_YEARS.match(sent) if tc.goal or tc.plan_doc else None
    if opening:  # 1.2025年，A达90%以上，B达95%以上，到2030年持续巩固提升: the opening year is the targets' year
        later = next((p for p in phrases if p.start() >= opening.end()), None)
        cut = later.start() if later is not None and sent[later.start() - 1:later.start()] in "，；,;" else len(sent)
        cut = min([cut] + [c for c in _year_part_cuts(sent) if c > opening.end()])  # …80%；2030年该项…应达90%
        years_open: list[int | None] = [int(y) for y in re.findall(r"\d{4}", opening.group(0))]
        out = _stated_targets(sent[:cut], base, years_open, opening.end(), True, tc, last_indicator)
        if cut < len(sent):
            named = [q.indicator for q in out if q.kind == "target"]
            out += read_targets(sent[cut:], base + cut, tc, named[-1] if named else last_indicator)
        return out
    cuts = _year_phrase_cuts(sent, phrases) or _year_part_cuts(sent, bool(phrases))
    if cuts:  # 到2022年…20个；到2030年…30个 (2025年，A应达到80%；2030年A应达90%): each year opens its own targets
        out: list[Quantity] = []
        bounds = [0, *cuts, len(sent)]
        for a, b in zip(bounds, bounds[1:]):
            named = [q.indicator for q in out if q.kind == "target"]
            out.extend(read_targets(sent[a:b], base + a, tc, named[-1] if named else ""))
        return out
    ym = phrases[0] if phrases else None
    if tc.plan_doc and not ym:
        found = _year_targets(sent, base, tc.program, tc.region, tc.doc_year)
        if found:
            return found
    deadline = None if ym else _DEADLINE.search(sent)
    if deadline and tc.doc_year is not None and int(deadline.group(1)) < tc.doc_year:
        deadline = None  # a past deadline: what was due, not what is planned
    if ym:
        years: list[int | None] = [int(y) for y in re.findall(r"\d{4}", ym.group("years"))]
        body_start = ym.end()
        named_before = _indicator_before_year(sent, ym, r) if tc.plan_doc or tc.goal else ""
        if named_before:
            last_indicator = named_before  # 居民健康素养水平到2020年达到20%: the indicator before its year
    elif deadline:
        years, body_start = [int(deadline.group(1))], deadline.end()  # 2020年底前，新增10个…
        ym = deadline
    elif PLAN_WORDS.search(sent) or FUTURE_MODAL.search(sent) or tc.year is not None or tc.goal \
            or (tc.plan_doc and not _reports_achievement(sent, tc)) or (r.must_reach.search(sent) and _PAST_YEAR.search(sent)) \
            or r.required_share.search(sent):
        years = [_year_of(sent, tc)]
        body_start = 0
        out = _count_targets(sent, base, years[-1], tc.program, tc.region)
        if out:  # 培育…大品种30个，…覆盖率达到95%: the counts, and the clauses' other values
            counted = {q.value for q in out}
            return out + [q for q in _stated_targets(sent, base, years, body_start, False, tc, last_indicator)
                          if q.value not in counted]
    else:
        return []
    return _stated_targets(sent, base, years, body_start, bool(ym), tc, last_indicator)


_CLAUSE_OPEN = re.compile(r"[，。；：,;:（(]")
_ALREADY_AFTER = re.compile(r"[^。；;]{0,40}?已(?![\u4e00-\u9fff]{1,3}的)")


def _reached_by(sent: str, phrase: re.Match[str], doc_year: int | None) -> bool:
    """至2022年，海口全市人均预期寿命已提高至79.6岁: a year no later than the document's, with 已
    after it, says what was reached by then — a report, not a target."""
    years = [int(y) for y in re.findall(r"\d{4}", phrase.group("years"))]
    return doc_year is not None and bool(years) and max(years) <= doc_year and bool(_ALREADY_AFTER.match(sent, phrase.end()))


def _indicator_before_year(sent: str, ym: re.Match[str], r: _Rules) -> str:
    """The indicator a clause names before its year phrase when a comparator follows the
    phrase straight away (居民健康素养水平到2020年达到20%), else ""."""
    after = sent[ym.end():]
    if not after.startswith(tuple(r.cmp_map)):
        return ""
    opened = [m.end() for m in _CLAUSE_OPEN.finditer(sent, 0, ym.start())]
    before = sent[opened[-1] if opened else 0:ym.start()]
    if _DIGIT.search(before):
        return ""
    ind = _clean_indicator(before, r)
    return ind if len(ind) >= 2 else ""


# a part of a sentence that opens with its year after a semicolon: …80%及以上；2030年该项检查率应达90%
_PART_YEAR = re.compile(r"[；;]\s*(?=\d{4}\s*年)")
# …到2025年达到25%，2030年达到30%: a clause that opens with its own year and a comparator right after it
_CLAUSE_YEAR = re.compile(r"[，,]\s*(?=\d{4}\s*年(?:底|末)?(?:要|应|力争|将)?(?:达到|达|提高到|提升到|降至|降到|下降到|控制在|保持在|不低于|不高于|超过))")


def _year_part_cuts(sent: str, after_phrase: bool = False) -> list[int]:
    """Where a sentence that opens with a year (2025年，…) has later parts opening with their
    own year after a semicolon: each part is read with its year."""
    # after a year phrase (到2025年…，2030年达到30%), a year and its comparator open the clause: its own year
    cuts = [m.end() for m in _CLAUSE_YEAR.finditer(sent)] if after_phrase else []
    if _OPENING_YEARS.match(sent) or re.match(r"\s*\d{4}\s*年", sent):
        cuts += [m.end() for m in _PART_YEAR.finditer(sent)]
    return sorted(set(cuts))


def _year_phrase_cuts(sent: str, phrases: list[re.Match[str]]) -> list[int]:
    """Where a later year phrase opens a clause of its own (…；到2030年…, …，展望2035年…):
    the sentence is read as one part per year phrase."""
    return [m.start() for m in phrases[1:] if m.start() > 0 and sent[m.start() - 1] in "，；,;"]


def _reports_achievement(sent: str, tc: TargetContext) -> bool:
    """Does a plan's sentence report what was achieved (截至…已…, a year before the plan's)?"""
    if _words(rules()).achieved.search(sent):
        return True
    return tc.doc_year is not None and any(int(y) < tc.doc_year for y in _PAST_YEAR.findall(sent))


# an item's number before its text: 1. / （三） / 一、
ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[\.．、]|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}、)?\s*")
# （一）机关、学校等单位按在职职工总数的10%下达任务; 企业单位按年度在职职工总数30%的比例下达指导性计划
_QUOTA = re.compile(ITEM_NUMBER.pattern + r"(?P<who>[^，。；按]{2,30}?)按(?P<base>[^，。；\d]{2,24}?)的?"
                    r"(?P<val>\d+(?:\.\d+)?)\s*%(?:的比例)?(?:下达|分配|落实)(?P<task>[\u4e00-\u9fff]{2,8}?)(?=[，。；]|$)")


_QUOTA_ANY = re.compile(r"按[^，。；]{2,30}?\d+(?:\.\d+)?\s*(?:[—\-－~～至到]\s*\d+(?:\.\d+)?\s*)?%(?:的比例)?(?:下达|分配|落实)")


def is_quota(sent: str) -> bool:
    """Does ``sent`` hand down a quota (按…的N%下达任务, 按…25—30%的比例下达计划)? It reports nothing achieved."""
    return "按" in sent and _QUOTA_ANY.search(sent) is not None


def _quota_targets(sent: str, base: int, tc: TargetContext) -> list[Quantity]:
    """A quota handed down as a share of a base (按在职职工总数的10%下达任务): the share of the
    base the quota is, for the year of the plan; a range (25—30%) states no one value."""
    m = _QUOTA.match(sent) if "按" in sent else None
    if m is None:
        return []
    head = sent[: m.start("val")]
    if head.rstrip().endswith(("—", "-", "－", "~", "～", "至", "到")):
        return []  # 25—30%: no one value
    who = re.sub(r"[（(][^（）()]*[）)]", "", m.group("who")).strip()  # 企业单位(含驻汉企业): the note is no part of it
    base_words = m.group("base").strip()
    for w in ("年度", "每年"):
        base_words = base_words.removeprefix(w)
    ind = f"{who}{m.group('task')}占{base_words}的比例"
    return [Quantity("target", ind, float(m.group("val")), "%", _year_of(sent, tc), "=", base, base + len(sent),
                     tc.program, tc.region)]


# a five-year plan named as a period (“十四五”期间, 十四五末), not as a plan (“十四五”规划的开局之年)
_PERIOD_WORDS = r"”?(?:期间|时期|期末|末期|末)"
_THIS_OR_NEXT_YEAR = ("今年", "明年", "当年", "本年")


def _year_of(sent: str, tc: TargetContext) -> int | None:
    """The year of a target sentence without 到YYYY年: a year it names (not before the
    document's), 三年内 counted from the document's year, or the year set around it."""
    y = _PAST_YEAR.search(_YEAR_RANGE.sub(" ", sent))  # a period (2024-2027年) is no target year
    if y and (tc.doc_year is None or int(y.group(1)) >= tc.doc_year):
        return int(y.group(1))
    within = _WITHIN_YEARS.search(sent)
    if within and tc.doc_year is not None:
        return tc.doc_year + int(parse_number(within.group(1)) or 0)  # 三年内 from the document's year
    if tc.year is None and "五" in sent and not any(w in sent for w in _THIS_OR_NEXT_YEAR):
        ends = {end for name, end in rules().raw["five_year_plans"].items()
                if re.search(re.escape(name) + _PERIOD_WORDS, sent)}
        end = min(ends) if len(ends) == 1 else None
        if end is not None and (tc.doc_year is None or end >= tc.doc_year):
            return end  # “十四五”期间…提高到79.06岁: the period's last year (a period past is no target's)
    return tc.year if tc.year is not None else tc.period_end


def _stated_targets(sent: str, base: int, years: list[int | None], body_start: int, year_phrase: bool,
                    tc: TargetContext, last_indicator: str = "") -> list[Quantity]:
    """Clause by clause: "indicator + comparator + value(s)", a relative change, full
    coverage, or a count to build. An indicator left out (…逐步提高，达到78.7岁) is the
    one the previous clause named."""
    r = rules()
    out: list[Quantity] = []
    item_label = _ITEM_LABEL.match(sent)
    # a plan's clause after its year phrase (到2010年，全省90%以上的病区县…控制…) states a goal as a goal section does
    bare_tc = replace(tc, goal=True) if year_phrase and tc.plan_doc and not tc.goal else tc
    for cs, ce in _clauses(sent):
        cs = max(cs, body_start) if cs < body_start < ce else cs
        clause_years = years
        if ce <= body_start and year_phrase:
            if not (tc.plan_doc or tc.goal):
                continue
            clause_years = [tc.year]  # a plan's standard before the year phrase (每天不低于2小时，…到2030年…)
        clause = sent[cs:ce]
        found = _relative_targets(clause, base + cs, base + ce, clause_years, last_indicator, tc) or \
            _comparator_targets(clause, base + cs, base + ce, clause_years, last_indicator, item_label, tc) or \
            _share_targets(clause, base + cs, base + ce, clause_years, tc) or \
            _bare_targets(clause, base + cs, base + ce, clause_years, bare_tc) or \
            _per_capita_targets(clause, base + cs, base + ce, clause_years, tc, last_indicator) or \
            _share_of_before(clause, base + cs, base + ce, clause_years, last_indicator, tc) or \
            _bare_count_targets(clause, base + cs, base + ce, clause_years, tc)
        if found:
            found = _period_counts(found, sent[:cs], r)
            out.extend(found)
            if found:
                last_indicator = found[-1].indicator
            continue
        cov = _FULL_COVERAGE.search(clause)
        if cov and not out and clause_years[-1] is not None:  # full coverage for a year
            ind = _clean_indicator(cov.group("ind"), r)
            out.append(Quantity("target", ind + "覆盖率", 100.0, "%", years[-1], ">=", base + cs, base + ce, tc.program, tc.region))
            continue
        if year_phrase:
            counted = _count_targets(clause, base + cs, years[-1], tc.program, tc.region)  # 到2025年建成…20个
            if counted:
                out.extend(counted)
                continue
        subject = _trend_subject(clause, r)
        if subject:
            last_indicator = subject
    return out


_ACTIVITY_CLAUSE = re.compile(r"[^，。；,;]*$")


def _period_counts(found: list[Quantity], before: str, r: _Rules) -> list[Quantity]:
    """A target whose indicator is only its period (…巡讲，全年不少于300场) counts what the
    clause before does (组织开展心理健康主题巡讲 → 心理健康主题巡讲); with no such clause, it
    names nothing and is dropped."""
    scopes = r.raw["time_scopes"]
    if not any(q.indicator in scopes for q in found):
        return found
    prev = _ACTIVITY_CLAUSE.search(before.rstrip("，,；; ")).group(0)
    prev = ITEM_NUMBER.sub("", prev, count=1).strip()
    # the object of the clause's last activity verb (各县区每年开展健康知识讲座 → 健康知识讲座)
    cuts = [prev.rfind(v) + len(v) for v in r.raw["activity_verbs"] if v in prev]
    cuts = [c for c in cuts if len(prev) - c >= 4]
    if cuts:
        prev = prev[max(cuts):]
    named = prev if 4 <= len(prev) <= 20 and _CJK_ONLY.fullmatch(prev) else ""
    return [replace(q, indicator=named) if q.indicator in scopes else q
            for q in found if q.indicator not in scopes or named]


_CJK_ONLY = re.compile(r"[\u4e00-\u9fff“”]+")


_COUNT_UNITS_OF_A_CONDITION = frozenset("张个家所人名床")


def _targets_of_years(ind: str, val: str, unit: str, post: str, years: list[int | None], s: int, e: int,
                      tc: TargetContext) -> list[Quantity]:
    """One target per year of a value written without a comparator word: 以上 makes it a
    floor, 以下 a ceiling, 左右 approximate; anything else is the value to reach."""
    comparator = ">=" if post == "以上" else "<=" if post == "以下" else "="
    return [Quantity("target", ind, float(val), unit, y, comparator, s, e, tc.program, tc.region,
                     approximate=post == "左右") for y in years]
# a share to reach, written with 占 and no comparator: 基层医疗卫生机构的诊疗量占总诊疗量的65%以上
_SHARE = re.compile(r"(?P<ind>[^，。；]{2,40}?占[^，。；]{1,20}?)的?(?P<val>\d+(?:\.\d+)?)(?P<unit>%|‰)(?P<post>以上|以下|左右)?")


def _share_targets(clause: str, s: int, e: int, years: list[int | None], tc: TargetContext) -> list[Quantity]:
    """A占B的N%以上: the share A has of B, at least (以上), at most (以下) or about (左右) N."""
    if "占" not in clause:
        return []
    m = _SHARE.search(clause)
    if m is None:
        return []
    ind = _clean_indicator(m.group("ind"), rules())
    if len(ind) < 4:
        return []
    return _targets_of_years(ind, m.group("val"), m.group("unit"), m.group("post") or "", years, s, e, tc)


# a goal list's rate written straight before its value (学校心理咨询室建成率100%以上), and a share written
# before what is done (中小学100%设立心理辅导室): targets without a comparator word
_BARE_RATE = re.compile(r"(?P<ind>[^，。；：、]{2,40}?(?:率|比例|比重|水平|占比|覆盖面))在?(?P<val>\d+(?:\.\d+)?)(?P<unit>%|‰)"
                        r"(?P<post>以上|以下|左右)?(?=[，。；、]|$)")
_DOING = (r"(?P<verb>设立|建立|建成|配备|开展|开设|设置|落实|达标|实现|纳入|接入|控制|消除)"
          r"(?P<obj>[\u4e00-\u9fff“”]{0,16}?)(?=[，。；、并]|$)")
_SHARE_DOING = re.compile(r"^(?P<subj>[\u4e00-\u9fff（）()]{2,12}?)(?P<val>\d+(?:\.\d+)?)%" + _DOING)
# 全省90%以上的病区县(市、区)控制地方性氟中毒流行: the area's word may stand before the share
_SHARE_OF_DOING = re.compile(r"^(?:全[省市县区国州])?(?P<val>\d+(?:\.\d+)?)%(?P<post>以上)?的"
                             r"(?P<subj>[\u4e00-\u9fff（）()]{2,16}?|[\u4e00-\u9fff]{1,8}[（(][^（）()]{1,8}[）)])" + _DOING)

@lru_cache(maxsize=4)
def _built_share_re(r: _Rules) -> re.Pattern[str]:
    """A share to be built, the verb before it (a county's pledge: 建设20%的健康社区(健康村)，建设40%的健康促进医院;
    the verbs: built_share_verbs)."""
    verbs = "|".join(map(re.escape, r.raw["built_share_verbs"]))
    return re.compile(r"^(?P<verb>" + verbs + r")(?P<val>\d+(?:\.\d+)?)%(?P<post>以上)?的"
                      r"(?P<obj>[\u4e00-\u9fff]{2,16}(?:[（(][\u4e00-\u9fff]{1,8}[）)])?)[。；]?$")

# a count per head of population, written with no comparator: 每千人拥有社会体育指导员2.3名, 人均体育场地面积2.6平方米,
# 全市人均期望寿命80岁
_PER_HEAD = r"每(?:千|万|十万)(?:常住)?(?:人口|人)"  # per head of a population: 每千常住人口, 每万人
_PER_CAPITA = re.compile(rf"(?P<ind>(?P<scope>{_PER_HEAD}|人均)[\u4e00-\u9fff（）()]{{1,16}}?)(?P<val>\d+(?:\.\d+)?)"
                         r"(?P<unit>名|人|张|个|所|平方米|米|岁)(?P<post>以上|左右)?(?=[，。；、]|$)")
# an item of a list that goes on counting per head of the population its first item named (每千常住人口执业(助理)医师2.5人、
# 注册护士3.14人): what is counted, its number and a unit of people or beds, nothing else
_PER_HEAD_ITEM = re.compile(r"(?P<ind>[\u4e00-\u9fff（）()]{2,14}?)(?P<val>\d+(?:\.\d+)?)(?P<unit>名|人|张)(?P<post>以上|左右)?")
_PER_HEAD_SCOPE = re.compile(_PER_HEAD)
_PER_HEAD_ITEM_SPLIT = BracketSplitter("（(", "）)", "、")
_PER_HEAD_LIST_CHARS = 400  # the longest list of counts per head read: a clause of thousands of items is no such list
_PER_HEAD_MAX = 20.0  # a count per thousand or ten thousand people (3.14 nurses, 6 beds): never a count of the whole population


def _per_capita_targets(clause: str, s: int, e: int, years: list[int | None], tc: TargetContext,
                        last_indicator: str = "") -> list[Quantity]:
    """到2025年，每千人拥有社会体育指导员2.3名: a per-capita count to reach; the items that go on
    counting per head of the same population after it, in its clause (、注册护士3.14人) or in the clauses
    after it (…床位数达到6张，执业(助理)医师2.5人), are counted per head of it too."""
    scope_before = _PER_HEAD_SCOPE.search(last_indicator)  # 常住人口每千人医疗卫生机构床位数: per thousand
    if "每" not in clause and "人均" not in clause and scope_before is None:
        return []
    r = rules()
    out: list[Quantity] = []
    scope = scope_before.group(0) if scope_before else ""
    for a, b in _PER_HEAD_ITEM_SPLIT(clause[:_PER_HEAD_LIST_CHARS]):
        part = clause[a:b].rstrip("。；; ")
        m = _PER_CAPITA.search(part)
        if m is not None:
            out += _targets_of_years(_clean_indicator(m.group("ind"), r), m.group("val"), m.group("unit"),
                                     m.group("post") or "", years, s, e, tc)
            scope = m.group("scope") if m.group("scope").startswith("每") else ""
            continue
        item = _PER_HEAD_ITEM.fullmatch(part) if scope else None
        if item is not None and not item.group("ind").startswith(r.first_verbs + r.action_count_openers) \
                and float(item.group("val")) <= _PER_HEAD_MAX:
            out += _targets_of_years(scope + item.group("ind"), item.group("val"), item.group("unit"),
                                     item.group("post") or "", years, s, e, tc)
        elif out:
            break  # the list of counts per head ends
    return out


# a count to reach, its indicator named by a count head straight before the number, with no comparator
# word: 到2022年底，…，实现国家卫生乡镇数142个 (实现 is cut from the front as a link verb)
_BARE_COUNT = re.compile(r"(?P<ind>[^，。；：、\d]{2,40}?(?:总数|数量|人数|数))(?P<val>\d+(?:\.\d+)?)"
                         r"(?P<unit>万人|万个|个|家|所|人|名|张|床|项|座|处)(?P<post>以上|以下|左右)?(?=[，。；、]|$)")
# a share whose holder the clause before named: …国家卫生乡镇数142个，占全省乡镇总数10%以上
_SHARE_OF_BEFORE = re.compile(r"^占(?P<of>[^，。；\d]{2,20}?)的?(?P<val>\d+(?:\.\d+)?)(?P<unit>%|‰)(?P<post>以上|以下|左右)?(?=[，。；、]|$)")
_COUNT_HEADS = ("总数", "数量", "人数", "数")


def _bare_count_targets(clause: str, s: int, e: int, years: list[int | None], tc: TargetContext) -> list[Quantity]:
    """In a goal section or after a year to reach (到2022年底，…): X数N个, a count to reach."""
    if not (tc.goal or years[-1] is not None):
        return []
    m = _BARE_COUNT.search(clause)
    if m is None:
        return []
    r = rules()
    ind = _clean_indicator(m.group("ind"), r)
    ind = next((ind[len(v):] for v in r.first_verbs if ind.startswith(v)), ind)
    if len(ind) < 4 or _DIGIT.search(ind):
        return []
    return _targets_of_years(ind, m.group("val"), m.group("unit"), m.group("post") or "", years, s, e, tc)


def _share_of_before(clause: str, s: int, e: int, years: list[int | None], last_indicator: str,
                     tc: TargetContext) -> list[Quantity]:
    """占B N%以上 right after the clause that named A (A数N个): the share A has of B."""
    if not last_indicator or not clause.startswith("占") or not (tc.goal or years[-1] is not None):
        return []
    m = _SHARE_OF_BEFORE.match(clause)
    if m is None:
        return []
    holder = next((last_indicator[: -len(h)] for h in _COUNT_HEADS if last_indicator.endswith(h)), last_indicator)
    if len(holder) < 2:
        return []
    ind = f"{holder}占{m.group('of')}比例"
    return _targets_of_years(ind, m.group("val"), m.group("unit"), m.group("post") or "", years, s, e, tc)


def _bare_targets(clause: str, s: int, e: int, years: list[int | None], tc: TargetContext) -> list[Quantity]:
    """In a goal section only, values with no comparator word: X率80%以上 (以上 makes it a
    floor), 中小学100%设立心理辅导室 and 50%的二级以上综合医院开设心理门诊 (the share of them that
    do so)."""
    if not tc.goal:
        return []
    r = rules()
    m = _BARE_RATE.search(clause)
    if m:
        ind, unit = _clean_indicator(m.group("ind"), r), m.group("unit")
    else:
        m = _SHARE_DOING.match(clause) or _SHARE_OF_DOING.match(clause)
        if m is not None:
            ind, unit = _clean_indicator(m.group("subj"), r) + m.group("verb") + m.group("obj") + "比例", "%"
        elif (m := _built_share_re(r).match(clause)) is not None:  # 建设20%的健康社区: the share of them to be built
            ind, unit = _clean_indicator(m.group("obj"), r) + m.group("verb") + "比例", "%"
        else:
            return []
    if len(ind) < 4 or _DIGIT.search(ind):
        return []
    return _targets_of_years(ind, m.group("val"), unit, m.groupdict().get("post") or "", years, s, e, tc)


_FULL_COVERAGE = re.compile(r"实现(?P<ind>[^，。；]{2,30}?)全覆盖")
_LIST_SPLIT = BracketSplitter("（(", "）)", "、")


def shared_tail(parts: list[str]) -> list[str]:
    """Items of a list whose head is written once, after the last (城、乡居民健康素养水平 →
    城居民健康素养水平, 乡居民健康素养水平; 健康镇、健康村的比例 → 健康镇的比例, 健康村的比例): an
    item written with the last item's tail where all earlier items are modifiers of the
    last one's length and the rest of it opens with a head noun (城、乡 + 居民…; 高血压、糖尿病
    + 患者…; quantities.json shared_tail_heads), or where the last ends in 的 + tail. Not
    儿童、青少年近视率: 年近视率 opens with no head."""
    if len(parts) < 2 or any(not p for p in parts):
        return parts
    last, earlier = parts[-1], parts[:-1]
    k = len(earlier[0])
    if k <= 3 and all(len(p) == k for p in earlier) and last[k:].startswith(_words(rules()).shared_tail_heads):
        tail = last[k:]
    elif "的" in last[1:]:
        tail = last[last.rindex("的"):]
    else:
        return parts
    if any(p.endswith(tail) for p in earlier):
        return parts
    return [p + tail for p in earlier] + [last]


def _trend_subject(clause: str, r) -> str:  # noqa: ANN001 - the rules
    """The indicator a clause says will rise or fall without a value (人均预期寿命逐步提高):
    the clause without its trend words, if it names an indicator."""
    m = _words(r).trend.search(clause)
    if not m:
        return ""
    subject = _clean_indicator(clause[: m.start()], r)
    return subject if len(subject) >= 2 and subject.endswith(r.indicator_heads) else ""


def _relative_targets(clause: str, s: int, e: int, years: list[int | None], last_indicator: str,
                      tc: TargetContext) -> list[Quantity]:
    """在2020年基础上提高10% (relative to a baseline year); 每年降低0.5个百分点 (a yearly change)."""
    r = rules()
    rel = r.relative_re.search(clause)
    if rel:
        ind = _clean_indicator(clause[: rel.start()], r) or last_indicator
        if not ind:
            return []
        return [Quantity("target", ind, float(rel.group("val")), rel.group("unit") or "", years[-1],
                         r.relative_verbs[rel.group("verb")], s, e, tc.program, tc.region, relative=True,
                         approximate=bool(rel.group("approx")), baseline_year=int(rel.group("base")))]
    bare = _BARE_CHANGE.search(clause) if years[-1] is not None else None
    if bare and not _YEARLY_CHANGE.search(clause):  # 到2030年，人均每日食盐摄入量降低20%: a change by the year
        before = clause[: bare.start()]
        since = _SINCE_YEAR.search(before)
        ind = _clean_indicator(before[: since.start()] if since else before, r) or last_indicator
        if not ind or ind in r.adverbs:
            return []
        post = bare.group("post") or ""
        comparator = ">=" if "以上" in post else r.relative_verbs[bare.group("verb")]
        return [Quantity("target", ind, float(bare.group("val")), bare.group("unit"), years[-1], comparator, s, e,
                         tc.program, tc.region, relative=True, approximate="左右" in post,
                         baseline_year=int(since.group(1)) if since else None)]
    yearly = _YEARLY_CHANGE.search(clause)
    if yearly:
        ind = _clean_indicator(clause[: yearly.start()], r) or last_indicator
        if not ind:
            return []
        post = yearly.group("post") or ""
        comparator = ">=" if "以上" in post else r.relative_verbs[yearly.group("verb")]
        return [Quantity("target", ind, float(yearly.group("val")), yearly.group("unit"), years[-1], comparator, s, e,
                         tc.program, tc.region, relative=True, approximate="左右" in post)]
    return []


# a change with no level to reach (降低20%, 提高5个百分点; not 降低到/至), and its base year (较2020年)
_BARE_CHANGE = re.compile(r"(?<!每年)(?<!年均)(?<!逐年)(?P<verb>提高|提升|增长|增加|下降|降低|减少)了?(?P<val>\d+(?:\.\d+)?)"
                          r"(?P<unit>个百分点|%)(?P<post>以上|左右)?")
_SINCE_YEAR = re.compile(r"(?:较|比)(\d{4})年(?:的水平)?$")
_YEARLY_CHANGE = re.compile(r"(?:每年|年均|逐年)(?P<verb>提高|提升|增长|增加|下降|降低|减少)(?P<val>\d+(?:\.\d+)?)"
                            r"(?P<unit>个百分点|%)(?P<post>以上|左右)?")


def _comparator_targets(clause: str, s: int, e: int, years: list[int | None], last_indicator: str,
                        item_label: re.Match[str] | None, tc: TargetContext) -> list[Quantity]:
    """indicator + comparator + value(s). 分别 pairs values with years (到2022年和2030年
    分别达到36.6%和40%) or with indicators (A和B分别控制在10%和4%以下)."""
    r = rules()
    found: list[Quantity] = []
    prev_end: int | None = None
    for m in r.target_re.finditer(clause):
        if prev_end is None:
            raw = clause[: m.start()]
        else:  # …比例要达到92%、省级卫生县城数达到100%、…: a list of indicators, each with its value
            gap = clause[prev_end:m.start()]
            if not gap.startswith("、"):
                break
            raw = gap[1:]
        got = _one_comparator_target(m, raw, s, e, years, last_indicator, item_label, tc)
        base = _BRACKETED_BASE.match(clause, m.end()) if got else None
        if base:  # 人均预期寿命达到77岁和79岁（2018年为75.7岁）: the value of a year already measured
            unit = base.group("unit") or got[-1].unit
            got.append(Quantity("measurement", got[-1].indicator, float(base.group("val")), unit, int(base.group("year")),
                                "=", s, e, None, tc.region))
        if not got:
            if prev_end is None:
                continue
            break
        found.extend(got)
        last_indicator = got[-1].indicator
        prev_end = m.end()
    return found


# 均 closing a list of indicators before the comparator, an obligation modal after it (均要, 均应)
_ALL_OF_A_LIST = re.compile(r"(?:均|都)(?:要|应|须|必须|应当)?\s*$")


def _one_comparator_target(m: re.Match[str], raw: str, s: int, e: int, years: list[int | None], last_indicator: str,
                           item_label: re.Match[str] | None, tc: TargetContext) -> list[Quantity]:
    """The targets of one comparator and its values, ``raw`` the words before it; the
    value a change starts from (从2015年的5.28‰降到…) as that year's measurement."""
    r = rules()
    baselines: list[Quantity] = []
    base_value = _FROM_BASELINE.search(raw)
    if base_value:  # 婴儿死亡率从2015年的5.28‰降到…: the value it starts from was measured that year
        raw = raw[: base_value.start()]
        base_ind = _clean_indicator(raw, r) or last_indicator
        if base_ind:
            baselines.append(Quantity("measurement", base_ind, float(base_value.group("val")),
                                      base_value.group("unit") or "", int(base_value.group("year")), "=", s, e,
                                      None, tc.region))
    ind = _clean_indicator(raw, r)
    if ind in r.adverbs:
        ind = ""  # 进一步增长到76岁: the indicator the clause before named
    ind = ind or last_indicator or (_clean_indicator(item_label.group(1), r) if item_label else "")
    if not ind or len(ind) < 2:
        return []
    values = _split_values(m.group("vals"), r.unit_re)
    if not values:
        return []
    if m.string.startswith("的", m.end()) and values[-1][1] in _COUNT_UNITS_OF_A_CONDITION:
        return []  # 开放床位超过20张的乡镇卫生院: a condition on what the task is for, no target
    cmp_word = m.group("cmp")
    indicators = [ind]
    if "分别" in raw and len(values) > 1:
        parts = [_clean_indicator(p, r) for p in LIST_JOINERS.split(raw.replace("分别", ""))]
        parts = [p for p in parts if p]
        if len(parts) == len(values):
            indicators = shared_tail(parts)
    elif len(values) == 1 and "、" in raw:
        # A比例、B比例均达95%以上 (A率、B率均要达到90%以上; A率、B率和C率达到90%以上, 均 left out): one value for
        # each indicator of the list, where every item is one (not 高血压、糖尿病患者规范管理率, one head shared)
        every = _ALL_OF_A_LIST.search(raw)
        listed = raw[:every.start()] if every else raw
        parts = [_clean_indicator(raw[a:b], r) for a, b in _LIST_SPLIT(listed) if b > a]
        if not every and len(parts) > 1:  # A率、B率和C率达到90%: the last two joined by 和 too
            parts = [q for p in parts for q in (_clean_indicator(x, r) for x in LIST_JOINERS.split(p)) if q]
        if len(parts) > 1 and all(p.endswith(r.indicator_heads) and len(p) >= 4 for p in parts):
            indicators = parts
            values = values * len(parts)
    elif len(values) > 2 and len(years) == 1:
        # A、B、C的比例不低于30%、30%、65%: one value for each item of the list, in order
        parts = [raw[a:b] for a, b in _LIST_SPLIT(raw) if b > a]
        if len(parts) == len(values) and "的" in parts[-1]:
            indicators = shared_tail([_clean_indicator(p, r) for p in parts])
    if len(indicators) == len(values) > 1:
        pairs = [(years[-1], ind_i, v) for ind_i, v in zip(indicators, values)]
    elif len(values) == len(years):
        pairs = [(y, ind, v) for y, v in zip(years, values)]
    elif len(values) == 1:
        pairs = [(y, ind, values[0]) for y in years]
    else:
        pairs = [(y, ind, v) for y, v in zip(years, values)]
    out = []
    for year, indicator, (v, unit, post) in pairs:
        modal = next((w for w in r.future_modals if indicator.endswith(w)), "")
        indicator = indicator[: len(indicator) - len(modal)]  # 占比将达27%: the modal is no part of it
        if indicator in r.bare_heads or len(indicator) < 2:
            continue  # 占比: a head alone, what it is the share of is not written
        comparator = r.cmp_map[cmp_word]
        if m.group("sign"):
            comparator = "<=" if m.group("sign") == "≤" else ">="
        elif "以下" in post or "以内" in post:
            comparator = "<="
        elif "以上" in post:
            comparator = ">="
        out.append(Quantity("target", indicator, v, unit, year, comparator, s, e, tc.program, tc.region,
                            approximate="左右" in post))
    return baselines + out


_BRACKETED_BASE = re.compile(r"[（(](?P<year>\d{4})年(?:底|末)?(?:为|是|达到|达)?(?P<val>\d+(?:\.\d+)?)"
                            r"(?P<unit>%|‰|岁|/10万|个百分点|[\u4e00-\u9fff]{0,2}?)[）)]")
_FROM_BASELINE = re.compile(r"(?:从|由)(?P<year>\d{4})年(?:的)?(?P<val>\d+(?:\.\d+)?)(?P<unit>[^\d，。；、]{0,4}?)$")


# a line that is a heading the section tree does not number: short, no sentence punctuation, or opened by
# a chapter's or part's number (第一章 规划背景, 第一节 发展基础)
_BARE_HEADING_LINE = re.compile(r"[ \t]*(?:第[一二三四五六七八九十]{1,3}[章节部分篇][ \t]*)?([\u4e00-\u9fff]{2,12})[ \t]*[：:]?[ \t]*")


@lru_cache(maxsize=2)
def _heading_lines(folded: str) -> list[tuple[int, str]]:
    """(offset, title) of the unnumbered heading lines of a text (asked for twice: goals and
    achievements); only short lines are tried, one line at a time (a multi-line pattern
    was tried at every character)."""
    out, pos = [], 0
    for line in folded.split("\n"):
        if len(line) <= 32:
            m = _BARE_HEADING_LINE.fullmatch(line)
            if m:
                out.append((pos, m.group(1)))
        pos += len(line) + 1
    return out


def _unnumbered_sections(folded: str, wanted) -> list[tuple[int, int]]:  # noqa: ANN001 - a title test
    """Headings on a line of their own that the section tree does not hold (工作目标 printed in
    bold without a number; 第一节 发展基础), whose title ``wanted`` accepts, each to the next
    such heading line."""
    lines = _heading_lines(folded)
    out = []
    for i, (start, title) in enumerate(lines):
        if wanted(title):
            end = lines[i + 1][0] if i + 1 < len(lines) else len(folded)
            out.append((start, end))
    return out


def _unnumbered_goal_sections(folded: str, r: _Rules) -> list[tuple[int, int]]:
    return _unnumbered_sections(folded, lambda title: title in r.goal_headings)


# a year phrase that a colon closes opens the list of what is to be reached by then (到2025年：)
# 到2025年：——A达到70%…, 到2020年将实现：1、…: a year opening a list (a few words may stand before the colon)
_YEAR_COLON = re.compile(r"(?:到|至|力争到)\d{4}年(?:底|末)?(?:[^。；：:，,\n]{0,8})?[：:]")


def goal_spans(folded: str, sections: list) -> list[tuple[int, int]]:  # noqa: ANN001 - Sections
    """Where a text states targets as a list: a section titled 主要目标/总体目标…, and
    what follows a sentence that opens one (实现以下目标：, 到2025年：) to the end of its section."""
    r = rules()
    out = []
    for sec in sections:
        title = sec.title.strip().rstrip("。：:")
        if title in r.goal_headings or (len(title) <= 12 and title.endswith(r.goal_headings) and "目标" in title):
            out.append((sec.start, sec.end))
    out.extend(_unnumbered_goal_sections(folded, r))
    openings = [m for word in r.goal_openings for m in re.finditer(re.escape(word), folded)]
    openings += list(_YEAR_COLON.finditer(folded))  # 到2025年：——A达到70%。——B…: a year opening a list
    for m in openings:
        line_start = folded.rfind("\n", 0, m.start()) + 1  # the opening's sentence sets the list's year
        out.append((line_start, _opened_list_end(sections, m.start(), len(folded))))
    for m in _counted_goals_re(r).finditer(folded):
        # 到2025年底，将实现七大目标。⏎其一，…: the paragraph after the opening states them
        line_start = folded.rfind("\n", 0, m.start()) + 1
        next_line = folded.find("\n", m.end())
        after = folded.find("\n", next_line + 1) if next_line >= 0 else -1
        out.append((line_start, min(_opened_list_end(sections, m.start(), len(folded)),
                                    after if after >= 0 else len(folded))))
    return sorted(out)


@lru_cache(maxsize=4)
def _counted_goals_re(r: _Rules) -> re.Pattern[str]:
    """A sentence saying how many goals are to be reached (将实现七大目标。, 实现以下三个目标：)."""
    w = r.raw["counted_goal_openings"]
    return re.compile(r"(?:" + _alt(w["verbs"]) + r")(?:以下|如下)?(?:[一二三四五六七八九十两]{1,3}|\d{1,2})(?:"
                      + _alt(w["measure_words"]) + r")(?:主要|具体|工作)?目标[。：:]\s*$", re.M)


@lru_cache(maxsize=4)
def _task_list_re(r: _Rules) -> re.Pattern[str]:
    """A line naming a year and the measures set for it, closed by a colon (2026年…16项举措分别为：)."""
    nouns = _alt(r.raw["task_list_openings"]["nouns"])
    published = _alt(r.raw["task_list_openings"]["published"])
    # …16项举措分别为：  /  现将2020年…民生实事项目目标任务分解情况予以公示。
    # (the line's last sentence may open it: …作政府工作报告。报告梳理了2023年重点民生事项清单，具体内容如下：)
    return re.compile(r"(?:^|(?<=。))[^\n。：:]{0,40}?(?<![\d—–\-－~至到])(\d{4})\s*年(?:度)?[^\n。：:《》]{0,40}?(?:" + nouns
                      + r")(?:[^\n。：:]{0,8}[：:]|[^\n。：:]{0,12}?(?:" + published + r")[。：:])\s*$", re.M)


def task_list_spans(folded: str, sections: list, doc_year: int | None) -> list[tuple[int, int, int]]:  # noqa: ANN001
    """(start, end, year) of each list a line opens by naming the measures or tasks set for
    a year (2026年天津卫生健康为民服务16项举措分别为：): what follows, to the end of its
    section or run of numbered items, is to be done that year. A line that reports on the
    list (完成情况如下：) or names a year before the document's opens none."""
    r = rules()
    not_with = tuple(r.raw["task_list_openings"]["not_with"])
    out = []
    for m in _task_list_re(r).finditer(folded):
        year = int(m.group(1))
        if any(w in m.group(0) for w in not_with) or not 1990 <= year <= 2100:
            continue
        if doc_year is not None and year < doc_year:
            continue
        out.append((m.start(), _opened_list_end(sections, m.start(), len(folded)), year))
    return out


def task_deadline_years(folded: str, sections: SectionList, labels: tuple[str, ...]) -> dict[int, int]:
    """The year each numbered task is due, from its deadline field (责任期限：2010年底前完成, 完成时限：
    2024年6月底前启动，2025年底前完成 → 2025): {innermost section index: year}. A task table states when
    each task is to be done beside its units; the task's yearless targets are for that year. A field
    that sets no end (自2023年起, 长期坚持) gives none."""
    if not labels or not any(label in folded for label in labels):
        return {}
    out: dict[int, int] = {}
    for m in _deadline_field_re(labels).finditer(folded):
        value = m.group(1)
        years = [int(y) for y in _FIELD_YEAR.findall(value)]
        if not years or any(w in value for w in _OPEN_ENDED):
            continue
        i = sections.innermost(m.start())
        if i is not None and 1990 <= years[-1] <= 2100:
            out.setdefault(i, years[-1])
    return out


_FIELD_YEAR = re.compile(r"(\d{4})\s*年")
_OPEN_ENDED = ("起", "长期", "持续")  # 自2023年起, 长期坚持: no year the task is due


@lru_cache(maxsize=4)
def _deadline_field_re(labels: tuple[str, ...]) -> re.Pattern[str]:
    """A deadline label, its colon and the rest of its line (the field's value)."""
    return re.compile("(?:" + "|".join(map(re.escape, labels)) + r")\s*[：:]([^\n]{0,60})")


def _opened_list_end(sections: list, at: int, text_end: int) -> int:  # noqa: ANN001 - Sections
    """Where the list a goal opening at ``at`` opens ends: with the section it stands in
    (its numbered items included), or, outside any section, with the run of numbered
    items after it (1、… 2、…), at the first heading above them."""
    enclosing = [sec for sec in sections if sec.start <= at < sec.end]
    if enclosing:
        return max(enclosing, key=lambda sec: sec.start).end
    after = [sec for sec in sections if sec.start > at]
    if not after:
        return text_end
    higher = next((sec for sec in after[1:] if sec.level < after[0].level), None)
    return higher.start if higher else text_end


# 2024年工作要点, 2022年健康宁夏暨健康水平提升行动工作要点, 2021年政府工作报告任务分解; not the
# end of a period (健康中国行动（2019—2030年）实施方案)
def achievement_spans(sections: list, folded: str = "") -> list[tuple[int, int]]:  # noqa: ANN001 - Sections
    """Where a text reports what was achieved: a section titled “十二五”发展成就, 工作基础,
    发展现状, 健康十堰建设成效显著 (a plan's background), numbered or on a line of its own
    (第一节 发展基础). Its values are measurements, not targets."""
    r = rules()
    spans = [(sec.start, sec.end) for sec in sections
             if len(sec.title.strip()) <= 20 and sec.title.strip().rstrip("。：:").endswith(r.achievement_headings)]
    if folded:
        spans += _unnumbered_sections(folded, lambda title: title.endswith(r.achievement_headings))
    return sorted(spans)




# a plan's name followed by its period: 行动计划(2022—2024年), 行动规划(2013~2020), 《…纲要（2016-2030年）》
_PLAN_PERIOD = re.compile(r"(?:规划|计划|方案|纲要|行动)\s*[（(]\s*(\d{4})\s*[—–\-－~～至到]\s*(\d{4})\s*年?\s*[）)]")


_YEAR_IN_TITLE = re.compile(r"(?:19|20)\d{2}")


def plan_period_end(text: str, title: str = "") -> int | None:
    """The last year of the period a plan names itself with: the five-year plan its title
    names (重庆市卫生健康发展“十四五”规划 → 2025, whatever plans its text cites), else the one
    period the text names plans of (a news item on several plans gives no one year)."""
    periods = rules().raw["five_year_plans"]
    named = {end for name, end in periods.items() if name in title}
    if len(named) == 1 and not _YEAR_IN_TITLE.search(title):
        return named.pop()  # not …实施方案(2021—2023年) nor 某市2023年推进“十四五”…工作计划: their own years come first
    ends = {int(b) for a, b in _PLAN_PERIOD.findall(text) if 1990 <= int(a) < int(b) <= 2100}
    return ends.pop() if len(ends) == 1 else None


def annual_plan_year(title: str) -> int | None:
    """The year an annual plan is for (健康河南行动2024年工作要点 → 2024; 2022年健康宁夏…工作要点
    → 2022)."""
    m = _words(rules()).annual_plan.search(title or "")
    return int(m.group(1)) if m else None
