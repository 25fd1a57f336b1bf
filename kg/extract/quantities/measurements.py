"""Measurements: values a text reports as achieved (FORMAT.md, "Targets and measurements").

Any sentence that is not a plan and gives a number with a unit reports a measurement;
its indicator is the noun phrase that the number measures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace, field
from functools import lru_cache

from kg.extract.model import Quantity
from kg.extract.numbers import CN_NUMERAL_CHARS, parse_number
from kg.extract.quantities.rules import LIST_JOINERS, _CJK, _split_values, FUTURE_CLAUSE, _clauses, _clean_indicator, _Rules, carry_heads, opens_period_since, plausible_indicator, rules
from kg.names.regions import regions

# 每乘坐1次公交, 每骑行1公里: the base of a rate, not a value (每月200多名专家: a period, it is)
_RATE_BASE_BEFORE = re.compile(r"每(?![年月周天日季])[\u4e00-\u9fff]{1,2}$")
_SKIP_AFTER = re.compile(r"^(?:的[\u4e00-\u9fff]{2,3}(?:是|患者|老人|居民|市民)|月|日|号|期|版|届|次会议|批)")


# the verbs of a change a text reports (由A提高到B, 较2012年下降18.78%)
_CHANGE_VERBS = "提高|提升|上升|增长|增加|下降|降低|减少"


# what may stand between a change's year and its value: the survey or time it was taken at (由2012年抽样调查的
# 0.63%, 降至2017年普查时的1.19%), or only 的
_WHEN_OF = r"(?:[\u4e00-\u9fff]{0,8}?的)?"


def _now_of(r: _Rules) -> str:
    """The present a change ends at, named without a year (下降到目前普查的0.30%: present_words)."""
    return "(?:" + "|".join(map(re.escape, r.raw["present_words"])) + r")[\u4e00-\u9fff]{0,6}?的"


@lru_cache(maxsize=4)
def _change_re(r: _Rules) -> re.Pattern[str]:
    """由2020年的65%提高到2023年的78.5% / 从10.2%下降至8.6% / 由和平解放初期的35.5岁提高至70.6岁 (a
    time named by its period, no year): a value before and after."""
    u, now_of = r.unit_re, _now_of(r)
    return re.compile(
        r"(?P<ind>[^，。；]{2,30}?)(?:在?(?P<r1>\d{4})年(?:至|到|—|－|-)(?P<r2>\d{4})年，?)?(?:由|从)(?:(?P<y1>\d{4})年" + _WHEN_OF + r"|(?P<era>[\u4e00-\u9fff]{2,8}?(?:初期|时期|之初|以前)的))?"
        r"(?:人均|平均)?(?P<a>\d+(?:\.\d+)?)(?P<amore>多|余)?(?P<amult>万|亿)?(?P<ua>" + u + r")?的?，?"
        r"(?:" + _CHANGE_VERBS + r"|增|降|升)了?(?:到|至)了?(?:(?P<y2>\d{4})年" + _WHEN_OF + r"|" + now_of + r")?(?:人均|平均)?(?P<b>\d+(?:\.\d+)?)(?P<bmore>多|余)?"
        r"(?P<bmult>万|亿)?(?P<ub>" + u + r")?")


# the period a sentence opens with before the change it reports (2016年至2020年，…从6342例下降到1723例)
_PERIOD = re.compile(r"(?<!\d)(\d{4})\s*年?\s*(?:至|到|—|–|－|-|~|～)\s*(\d{4})\s*年")
_YEAR4 = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _period_before(sent: str, at: int) -> tuple[int, int] | None:
    """The period (2016年至2020年, 2016-2020年) the sentence names last before ``at``, where no
    other year is written between it and ``at``: the years a change from A to B runs over."""
    periods = list(_PERIOD.finditer(sent, 0, at))
    if not periods:
        return None
    p = periods[-1]
    a, b = int(p.group(1)), int(p.group(2))
    if not 1990 <= a < b <= 2100 or _YEAR4.search(sent, p.end(), at):
        return None
    return a, b


@lru_cache(maxsize=4)
def _paired_change_re(r: _Rules) -> re.Pattern[str]:
    """A和B分别从2020年的4.02‰和5.72‰下降至2024年的2.95‰和3.98‰: values paired with indicators."""
    u, now_of = r.unit_re, _now_of(r)
    vals = r"\d+(?:\.\d+)?(?:" + u + r")?(?:(?:和|、|及|与)\d+(?:\.\d+)?(?:" + u + r")?)+"
    return re.compile(
        r"(?P<ind>[^，。；]{2,60}?)分别(?:由|从)(?:(?P<y1>\d{4})年" + _WHEN_OF + r")?(?P<a>" + vals + r")，?"
        r"(?:" + _CHANGE_VERBS + r"|增|降|升)(?:了)?(?:到|至)(?:(?P<y2>\d{4})年" + _WHEN_OF + r"|" + now_of + r")?(?P<b>" + vals + r")")


# a place named in a list of places that share one indicator (玉树州、果洛州人群患病率分别由…)
_PLACE = re.compile(r"(?:其中)?([\u4e00-\u9fff]{1,6}?(?:省|市|州|地区|县|区|盟|旗))")


def _places_sharing_an_indicator(items: list[str]) -> list[tuple[str, str]] | None:
    """玉树州、果洛州人群患病率分别由…: places listed before one indicator that follows the last
    (each its value of 人群患病率), not indicators of their own: (indicator, region code) of each, or None
    where the items are not so (every place one the gazetteer knows: not 示范区、示范县创建数量)."""
    if len(items) < 2:
        return None
    listed = [_PLACE.fullmatch(x) for x in items[:-1]]
    last = _PLACE.match(items[-1])
    if not all(listed) or last is None or len(items[-1]) - last.end() < 2:
        return None
    indicator = items[-1][last.end():]
    found = [regions().pick(p.group(1)) for p in listed + [last]]
    return None if None in found else [(indicator, r.code) for r in found]


def _paired_changes(sent: str, base: int, year_hint: int | None, region: str, places: tuple[str, ...],
                    r: _Rules) -> tuple[list[Quantity], list[tuple[int, int]]]:
    out, spans = [], []
    for m in _paired_change_re(r).finditer(sent):
        items = LIST_JOINERS.split(m.group("ind"))
        shared = _places_sharing_an_indicator(items)
        inds = [ind for ind, _ in shared] if shared else [_strip_verbs(p, r, places) for p in items]
        wheres = [place for _, place in shared] if shared else [region] * len(inds)
        a, b = _split_values(m.group("a"), r.unit_re), _split_values(m.group("b"), r.unit_re)
        if not (len(inds) == len(a) == len(b)) or not all(len(i) >= 2 for i in inds):
            continue
        y1 = int(m.group("y1")) if m.group("y1") else None
        y2 = int(m.group("y2")) if m.group("y2") else year_hint
        for ind, where, (va, ua, _), (vb, ub, _) in zip(inds, wheres, a, b):
            out.append(Quantity("measurement", ind, va, ua or ub, y1, "=", base, base + len(sent), None, where))
            out.append(Quantity("measurement", ind, vb, ub or ua, y2, "=", base, base + len(sent), None, where))
        spans.append((m.start(), m.end()))
    return out, spans


def _change_measurements(sent: str, base: int, sent_years: list[tuple[int, int]], year_hint: int | None, region: str,
                         places: tuple[str, ...],
                         r: _Rules) -> tuple[list[Quantity], list[tuple[int, int]]]:
    if "由" not in sent and "从" not in sent:
        return [], []  # every change statement opens with 由 or 从
    out, spans = _paired_changes(sent, base, year_hint, region, places, r)
    last_years: tuple[int | None, int | None] = (None, None)
    for m in _change_re(r).finditer(sent):
        if any(a <= m.start() < b for a, b in spans):
            continue
        ind = _strip_verbs(m.group("ind"), r, places)
        y1 = int(m.group("y1") or m.group("r1")) if m.group("y1") or m.group("r1") else None  # 在2015年至2020年，从…
        y2 = int(m.group("y2") or m.group("r2")) if m.group("y2") or m.group("r2") else None
        if y1 is None and y2 is None:
            # 2016年至2020年，…从6342例下降到1723例: the period the sentence opened with; else 糖尿病…由62.1%
            # 提高到75.3%: the years of the previous statement
            y1, y2 = _period_before(sent, m.start("a")) or last_years
        last_years = (y1, y2)
        if y2 is None:
            # 2018年西藏婴儿死亡率由2014年的16.81‰下降至11.59‰: the year the sentence reports is the end's
            named = [y for pos, y in sent_years if pos < m.start("a") and (y1 is None or y > y1)]
            y2 = named[-1] if named else None
        if len(ind) >= 2:
            # 由5600多张增至2.2万张: each end in its own unit where both are written, 多/余 a lower bound
            unit_a = (m.group("amult") or "") + (m.group("ua") or m.group("ub") or "")
            unit_b = (m.group("bmult") or "") + (m.group("ub") or m.group("ua") or "")
            out.append(Quantity("measurement", ind, float(m.group("a")), unit_a, y1, ">" if m.group("amore") else "=",
                                base, base + len(sent), None, region))
            end_year = y2 or year_hint
            if y1 is not None and not m.group("y2") and end_year is not None and end_year <= y1:
                end_year = None  # 由2012年的0.63%下降到目前的0.30%: a change ends after its start, in a year unsaid
            out.append(Quantity("measurement", ind, float(m.group("b")), unit_b, end_year,
                                ">" if m.group("bmore") else "=", base, base + len(sent), None, region))
            spans.append((m.start(), m.end()))
    return out, spans


@lru_cache(maxsize=4)
def _paired_values_re(u: str) -> re.Pattern[str]:
    """婴儿死亡率和5岁以下儿童死亡率分别下降到1.44‰和2.24‰: values paired with indicators."""
    one = r"\d+(?:\.\d+)?(?:" + u + r")?"
    return re.compile(r"(?P<inds>[^，。；：]{2,60}?)(?:分别(?:为|是|达到|达|下降到|下降至|降至|降到|降低到|降低至|提高到|提高至|"
                      r"提升到|提升至|增长到|增长至|增加到|增加至|增至|上升到|上升至|超过"
                      # A、B分别比2015年增加333张、320人: each one's change over the base
                      r"|(?P<change>(?:比|较)(?:\d{4}年|上年|去年|同期)(?:增加|增长|提高|提升|下降|减少|降低|上升)))"
                      # 孕产妇死亡率和婴儿死亡率控制在8.06/10万和2.16‰: levels held, paired with or without 分别
                      r"|(?:分别)?控制[在到])了?"
                      r"(?P<vals>" + one + r"(?:(?:和|、|及|与)" + one + r")+)")


@lru_cache(maxsize=4)
def _baselines_re(u: str) -> re.Pattern[str]:
    """…水平为29.93%，较2022年的27.47%和2021年的22.60%（分别）提高了…: a reported value
    compared with the same indicator's values of earlier years, each year written."""
    one = r"(?:\d{4}年|上年|去年|上一年|上年度)(?:的|底的|末的|同期的?)?\d+(?:\.\d+)?(?:" + u + r")"
    return re.compile(r"(?P<ind>[^，。；：]{2,40}?)(?:为|达到|达|是|提高到|提升到|上升到|下降到|降至)\d+(?:\.\d+)?(?:" + u + r")[，,]?"
                      r"(?:较|比)(?P<base>" + one + r"(?:(?:和|、|及|与)" + one + r")*)"
                      r"(?:分别|均)?(?P<verb>" + _CHANGE_VERBS + r")了?"
                      r"(?P<changes>\d+(?:\.\d+)?(?:" + u + r")?(?:(?:和|、|及|与)\d+(?:\.\d+)?(?:" + u + r")?)*)?")


_BASE_VALUE = re.compile(r"(\d{4}年|上年|去年|上一年|上年度)(?:的|底的|末的|同期的?)?(\d+(?:\.\d+)?)")


def baselines(rd: SentenceReading) -> None:
    """The earlier values a reported value is compared with (较2022年的27.47%): the same
    indicator, in the year each is written with; and the change over each (分别提高了2.46、
    7.33个百分点: …较2022年提高 2.46, in the year of the reported value)."""
    if "较" not in rd.sent and "比" not in rd.sent:
        return
    for m in _baselines_re(rd.r.unit_re).finditer(rd.sent):
        ind = _strip_verbs(m.group("ind"), rd.r, rd.places)
        if not plausible_indicator(ind, rd.r):
            continue
        units = _split_values(_BASE_VALUE.sub(r"\2", m.group("base")), rd.r.unit_re)
        year_now = rd.year_before(m.start("base"))
        named = [w for w, _ in _BASE_VALUE.findall(m.group("base"))]
        # 较上年9.87/10万: last year's value, the year before the one reported (none where that is not named)
        years = [int(w[:4]) if w[:4].isdigit() else (year_now - 1 if year_now else None) for w in named]
        if len(units) != len(years) or None in years:
            continue
        for year, (value, unit, _) in zip(years, units):
            rd.measured(ind, value, unit, year, "=", m.start("base"), m.end("base"))
        rd.taken.append((m.start("base"), m.end("base")))
        deltas = _split_values(m.group("changes") or "", rd.r.unit_re)
        if len(deltas) == len(years):  # 分别提高了2.46、7.33个百分点: the change over each earlier year
            for w, (value, unit, _) in zip(named, deltas):
                rd.measured(f"{ind}较{w}{m.group('verb')}", value, unit or deltas[-1][1], year_now, "=",
                            m.start("changes"), m.end("changes"))
            rd.taken.append((m.start("changes"), m.end("changes")))


_BOUND_AFTER_LEVELS = re.compile(r"以内|以下|以上|之内")


def _paired_values(sent: str, base: int, sent_years: list[tuple[int, int]], year_hint: int | None, region: str,
                   places: tuple[str, ...], r: _Rules) -> tuple[list[Quantity], list[tuple[int, int]]]:
    out, spans = [], []
    if "分别" not in sent and "控制" not in sent:
        return out, spans
    for m in _paired_values_re(r.unit_re).finditer(sent):
        if "分别" not in sent[m.end("inds"):m.start("vals")] and (
                FUTURE_CLAUSE.search(sent) or _BOUND_AFTER_LEVELS.match(sent, m.end("vals"))):
            continue  # 明年要把A和B控制在X和Y以内: levels to hold, a goal, not levels held
        inds = [_strip_verbs(p, r, places) for p in LIST_JOINERS.split(m.group("inds"))]
        values = _split_values(m.group("vals"), r.unit_re)
        if len(inds) != len(values) or not all(plausible_indicator(i, r) for i in inds):
            if m.group("change") and len(inds) > 1:
                spans.append((m.start(), m.end()))  # 4 items, 3 changes: which is whose the text does not say; none
            continue
        prior = [y for pos, y in sent_years if pos < m.start("vals")]
        year = prior[-1] if prior else year_hint
        for ind, (v, unit, _) in zip(inds, values):
            out.append(Quantity("measurement", ind + (m.group("change") or ""), v, unit, year, "=", base, base + len(sent),
                                None, region))
        spans.append((m.start(), m.end()))
    return out, spans


# "\d|全覆盖|排名|位列|位居|名列", opening with one class (then the rest of each word, by
# lookbehind on its first character): an opening alternation is tried at every
# character, a class is scanned for (half the time over a build's sentences)
_MAY_MEASURE = re.compile(r"[\d全排位名](?:(?<=\d)|(?<=全)覆盖|(?<=排)名|(?<=位)[列居]|(?<=名)列)")
_DIGIT = re.compile(r"\d")
_NUMERAL = re.compile(r"[\d一二两三四五六七八九十百千]")  # what every value_re match holds


# Patterns of measurements_in_sentence and _measurement_indicator, compiled once (an
# inline re.search(str) pays a cache lookup per call; these run ~100 times a document).
# "(?<![比较])(\d{4})…" with the look-behind after the digits, where it is tried only
# when four digits matched (not at every character)
# a year, but not a date's (2021年10月): "2021年15岁以上人群…" names the year 2021
_SENT_YEAR = re.compile(r"(\d{4})(?<![比较]\d{4})\s*年(?:度|底|末)?(?!\d{1,2}月)")
_YEAR_OF_VALUE = re.compile(r"(\d{4})\s*年(?:度|底|末)?(?:的|为|是|达到?)?$")
_RUN_OF_YEARS_BEFORE = re.compile(r"连续$|连续[\u4e00-\u9fff]{0,2}$")
_FOUR_DIGITS = re.compile(r"\d{4}")
_RUN_OR_DURATION = re.compile(r"连续$|^分钟|^小时")
_CLAUSE_HEAD = re.compile(r"[^，。；]{2,24}")
_CHANGE_ONLY = re.compile(r"(?:同比|较上年|比上年|环比|[比较]\d{4}年)?(?:增长|提高|下降|减少|增加|上升)"
                          r"|[比较](?:全国|全省|全市|全区|全州)(?:平均水平)?(?:高|低|多|少)")  # …为4.01‰，比全省低1.22个千分点
_VISIT_UNITS = ("人次", "万人次")
# who a service is given to, before it (为群众义诊, 为辖区居民免费体检): not part of what is counted
_BENEFICIARY = re.compile(r"^(?:为|给|向)[\u4e00-\u9fff]{0,4}?(?:群众|市民|居民|患者|村民|老人|老年人|学生|儿童|妇女|职工|农民)(?:免费)?")
_BASE_ONLY = re.compile(r"(?:较|比)(?:\d{4}年|上年|去年|上一年|上年度|同期)(?:同期)?(?:的)?")
# how much a change was, after it (…从2023年的47.6%降至37.9%，降幅达9.7个百分点): the change of the indicator before
_MAGNITUDE_ONLY = re.compile(r"(?:降幅|增幅|涨幅|升幅|降低幅度|下降幅度|提高幅度|增长幅度|提升幅度)")
_FULL_COVERAGE = re.compile(r"实现([^，。；]{2,40}?)全覆盖")
_SHARE_BEFORE = re.compile(r"\d+(?:\.\d+)?%的[^，。；]{0,12}$")
_COUNTED = re.compile(r"[\d一二两三四五六七八九十]+[个项大]")
_CLAUSE_BREAK = re.compile(r"[，。；]")
_PHRASE_BREAK = re.compile(r"[，。；、]")


@dataclass
class SentenceReading:
    """One sentence read for measurements: what every rule needs, and what the rules
    before it found (a later rule skips the spans an earlier one read, and a value
    with no indicator of its own takes the one before it)."""

    sent: str
    base: int
    year_hint: int | None
    region: str
    places: tuple[str, ...]
    r: _Rules
    sent_years: list[tuple[int, int]]  # (offset, year) of each year the sentence names, not those after 比/较
    since_years: list[tuple[int, int]] = field(default_factory=list)  # (offset, year) of each 自2018年…以来
    found: list[Quantity] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)  # spans read by the change and paired rules

    def year_before(self, pos: int) -> int | None:
        """The last year named before ``pos``, else the paragraph's or document's."""
        prior = [y for at, y in self.sent_years if at < pos]
        return prior[-1] if prior else self.year_hint

    def measured(self, indicator: str, value: float, unit: str, year: int | None, comparator: str,
                 start: int, end: int) -> None:
        self.found.append(Quantity("measurement", indicator, value, unit, year, comparator, self.base + start,
                                   self.base + end, None, self.region))


def changes(rd: SentenceReading) -> None:
    """由2020年的65%提高到2023年的78.5%, and its paired form: a value before and after."""
    out, spans = _change_measurements(rd.sent, rd.base, rd.sent_years, rd.year_hint, rd.region, rd.places, rd.r)
    rd.found += out
    rd.taken += spans


def paired_values(rd: SentenceReading) -> None:
    """A和B分别下降到1.44‰和2.24‰: values paired with indicators."""
    out, spans = _paired_values(rd.sent, rd.base, rd.sent_years, rd.year_hint, rd.region, rd.places, rd.r)
    rd.found += out
    rd.taken += spans


def _no_measured_value(num: str, unit: str, before: str, after: str, w: _Words, post: str = "") -> bool:
    """A number that is no measured value: a span of years, a year, an ordinal or a
    rate's base (第, 每), part of a name (15分钟健康服务圈, 4.0场景), days or ages
    without their indicator word, a Chinese numeral that counts no run or duration."""
    if unit == "年" and not _RUN_OF_YEARS_BEFORE.search(before):
        return True
    if _FOUR_DIGITS.fullmatch(num) and unit in ("年",):
        return True
    if _SKIP_AFTER.match(after) or before.endswith(("第", "每", "“")) or _RATE_BASE_BEFORE.search(before):
        return True
    if _CATEGORY_BOUND_AFTER.match(post + after) or (_RANGE_LOWER_END.search(before) and _COUNTED_CATEGORY_AFTER.match(after)):
        return True  # 100张床位以下医院187个, 100-199张医院28个, 65岁以上老年人12万人: a bound of the kind counted
    if w.named_ring_after.match(after):
        return True  # "15分钟健康服务圈": the number is part of a name
    if w.page_counter_after.match(after):
        return True  # 0次浏览: how often the page was read, no value of what it reports
    if _INSIDE_A_SHARE.search(before) and (unit in _REACH_UNITS or after.startswith(_REACH_UNITS)):
        return True  # 90%以上的居民15分钟内能够到达医疗点: how near, a condition of the share, not a value of its own
    if unit in w.word_units and after[:1] and after[0] in w.word_units[unit]:
        return True  # 4.0场景, 3场所: the unit's character opens a word
    if unit == "天" and not w.duration_before.search(before):
        return True  # days count only as a duration indicator (平均住院日6.8天)
    if unit == "岁" and not w.age_word.search(before + after[:4]):
        return True
    if num[0] in CN_NUMERAL_CHARS and (num == "一" or after.startswith("大") or not _RUN_OR_DURATION.search(before[-2:] + unit)):
        return not (before.endswith("连续") or unit in ("分钟", "小时"))
    return False


# a share and what it is of, right before a number (90%以上的居民|15分钟内…): the number is part of the share's predicate
_REACH_UNITS = ("分钟", "小时", "公里", "千米", "米")
_INSIDE_A_SHARE = re.compile(r"\d+(?:\.\d+)?\s*%(?:以上|以下|左右)?的[\u4e00-\u9fff]{1,12}$")
# a bound that names the kind of thing a count after it counts (医院按床位数分：100张床位以下医院187个，100-199张医院28个):
# a limit word or the range's upper end, then the kind's noun (no 的: 90%以上的居民15分钟内… is a share), then the count
_KIND_NOUN = r"(?:(?!的)[\u4e00-\u9fff]){1,8}?\d(?!\d{3}\s*年)"  # a count, not a year (407个地级及以上市2022年度)
_CATEGORY_BOUND_AFTER = re.compile(r"^(?:(?:(?!的)[\u4e00-\u9fff]){0,3}?(?:以下|及以下|以上|及以上|以内)" + _KIND_NOUN + r"|[-~～—–至]\d+(?:\.\d+)?" + _KIND_NOUN + ")")
_COUNTED_CATEGORY_AFTER = re.compile("^" + _KIND_NOUN)
# the lower end of a range right before a value: 感染率为29.09%~60.36%, 3-5个
_RANGE_LOWER_END = re.compile(r"\d+(?:\.\d+)?\s*%?\s*[~～〜\-—–至]\s*$")


def _indicator_of_value(rd: SentenceReading, before: str, after: str, m: re.Match[str],
                        unit: str) -> tuple[str, Quantity | None]:
    """The noun phrase a value measures ("" when none is plausible), and the value whose
    change it sizes where it is one (…降至37.9%，降幅达9.7个百分点: of that value's year). The
    upper end of a range (29.09%~60.36%) measures what its lower end does."""
    lower = _RANGE_LOWER_END.search(before)
    if lower and rd.found and rd.found[-1].unit == unit:
        return rd.found[-1].indicator, None
    indicator = _measurement_indicator(before, after, m, rd.r, rd.places)
    if unit == "年" and before.endswith("连续"):
        what = _CLAUSE_HEAD.match(after)  # 连续4年保持全省前三 → 连续保持全省前三年数
        indicator = "连续" + (what.group(0) if what else "") + "年数"
    if not indicator and rd.found and rd.found[-1].unit == unit:
        indicator = rd.found[-1].indicator  # X为640万元，2010年755万元: the same indicator, a later year
    if not indicator or not plausible_indicator(indicator, rd.r) or indicator in rd.places:
        return "", None  # 临港区3000多名农村妇女…: a place alone is where, not what, a number counts
    sized = None
    if _MAGNITUDE_ONLY.fullmatch(indicator):
        if not rd.found:
            return "", None  # 降幅达9.7个百分点 with no value before it: the size of a change of what is not named
        sized = rd.found[-1]
        indicator = sized.indicator + indicator  # 从47.6%降至37.9%，降幅达9.7个百分点
    elif rd.found and _CHANGE_ONLY.fullmatch(indicator):
        indicator = rd.found[-1].indicator + indicator  # 门急诊总量…，同比增长8.4%
    if _BASE_ONLY.fullmatch(indicator):
        return "", None  # …为9.80/10万，较上年9.87/10万 (no year to date it): the base of a comparison, measuring nothing named
    if unit in _VISIT_UNITS:
        # 为群众义诊850人次: who the service is given to is no part of what is counted (义诊)
        indicator = _BENEFICIARY.sub("", indicator) or indicator
    return indicator, sized


def _comparator_of_value(m: re.Match[str], r: _Rules) -> str:
    """<, <= or > from the words around a value (不超过, 以内, 超过, 以上 …) or the sign
    before it (≤2%), else =."""
    if m.group("pre") in r.value_signs:
        return r.value_signs[m.group("pre")]
    marks = (m.group("pre") or "", m.group("post") or "", m.group("mid") or "", m.group("mid2") or "")
    if any(p and p in r.less for p in marks):
        return "<=" if "不超过" in marks or "以内" in marks else "<"
    if any(p and p in r.more for p in marks):
        return ">"
    return "="


def _year_of_value(rd: SentenceReading, before: str, at: int, clause_end: int) -> int | None:
    """The year written right before the value (较2022年的27.47%), else the last named
    before it; a year after it counts only in its own clause (407个地级及以上市2022年度评价
    结果), never in a later one (…为78.9%，达到2022年度目标值)."""
    own = _YEAR_OF_VALUE.search(before)
    if own:
        return int(own.group(1))
    start = [y for pos, y in rd.since_years if pos < at]
    if start and _FROM_THE_START.search(before):
        return start[-1]  # 自2018年…以来，…从改革初的200多人，发展到…: the period's start value, of its first year
    prior = [y for pos, y in rd.sent_years if pos < at]
    if prior:
        return prior[-1]
    later = [y for pos, y in rd.sent_years if at < pos < clause_end]
    return later[0] if later else rd.year_hint


# a count that is the scope of the value its clause reports next (339个地级以上城市的空气质量平均优良天数占比达到87%)
# 全国339个地级以上城市的…占比达到87%, 全省14个市州的299家医疗机构: the count says over what the later value is taken
_SCOPE_OF_A_LATER_VALUE = re.compile(r"[\u4e00-\u9fff]{2,16}?的[\u4e00-\u9fff“”]{2,30}?(?:率|比|比例|水平|占比|数)"
                                     r"(?:达到了|达到|达|为|是|超过)?\d|[\u4e00-\u9fff]{2,8}?的\d")
_REACH_VERBS = ("覆盖", "涵盖", "辐射")  # 已覆盖26个城市的112家医院: how far it reaches is itself reported
_SCOPE_COUNT = re.compile(r"\d+(?:\.\d+)?[个家所座](?=[\u4e00-\u9fff]{2,16}?的)")


# a value compared in brackets with the country's or province's of a year: 4.88张（全国2017年5.72张）
_BRACKETED_COMPARISON = re.compile(r"[（(](?P<scope>全国|全省|全市|全区)(?P<year>\d{4})年(?:为|是|达到|达)?(?P<val>\d+(?:\.\d+)?)"
                                   r"(?P<unit>%|‰|岁|/10万|[\u4e00-\u9fff]{0,2}?)[）)]")


_PER_CAPITA_HEAD = re.compile(r"^(?:每(?:千|万|十万|百)(?:常住)?(?:人口|人))")


def _per_capita_of_list(rd: SentenceReading, before: str, indicator: str) -> str:
    """每千人口床位数4.88张、卫生技术人员5.54人: a list's later items are per capita too
    (每千人口卫生技术人员数), as its first names them."""
    if not rd.found or not before.endswith("、" + indicator) or _PER_CAPITA_HEAD.match(indicator):
        return indicator
    prev = rd.found[-1].indicator
    head = _PER_CAPITA_HEAD.match(prev)
    if head is None:
        return indicator
    return head.group(0) + indicator + ("数" if prev.endswith("数") and not indicator.endswith(("数", "率")) else "")


def values_in_clauses(rd: SentenceReading) -> None:
    """A number with a unit in a clause that reports (not plans), with its indicator,
    comparator and year."""
    words = _words(rd.r)
    compared: list[tuple[int, int]] = []
    for cs, ce in _clauses(rd.sent):
        clause = rd.sent[cs:ce]
        if _NUMERAL.search(clause) is None or FUTURE_CLAUSE.search(clause) or rd.r.not_reported.search(clause):
            continue  # no number to read (value_re needs one), or a plan, a condition or an aim, not an achievement
        for m in rd.r.value_re.finditer(clause):
            if any(a <= cs + m.start() < b for a, b in rd.taken):
                continue  # read above as a change statement
            num = m.group("num")
            unit = m.group("unit") or m.group("bare") or ((m.group("mult") or "") + (m.group("unit2") or ""))
            before, after = clause[: m.start()], clause[m.end():]
            if _no_measured_value(num, unit, before, after, words, m.group("post") or ""):
                continue
            if before.count("“") > before.count("”"):
                continue  # 按照“1000克减排量=2元”: a number inside a quotation of its clause is a name's or a formula's
            if unit in words.count_units and _SCOPE_OF_A_LATER_VALUE.match(after) and not before.endswith(_REACH_VERBS):
                continue  # 全国339个地级以上城市的…占比达到87%: the count says over what the share is taken
            value = parse_number(num)
            if value is None:
                continue
            if any(a <= cs + m.start() < b for a, b in compared):
                continue  # read with the value before it
            indicator, sized = _indicator_of_value(rd, before, after, m, unit)
            if indicator:
                indicator = _per_capita_of_list(rd, before, indicator)
                other = _BRACKETED_COMPARISON.match(clause, m.end())
                # a change's size is of the year the change reached, not of its start
                year = sized.year if sized else _year_of_value(rd, before, cs + m.start(), cs + other.start() if other else ce)
                rd.measured(indicator, value, unit, year, _comparator_of_value(m, rd.r), cs, ce)
                if other:  # 每千人口床位数4.88张（全国2017年5.72张）: the same indicator elsewhere, that year
                    rd.found.append(Quantity("measurement", indicator, float(other.group("val")), other.group("unit") or unit,
                                             int(other.group("year")), "=", rd.base + cs, rd.base + ce, None,
                                             "" if other.group("scope") == "全国" else rd.region))
                    compared.append((cs + other.start(), cs + other.end()))
                    # its year is the comparison's, not the year of the values after it
                    rd.sent_years = [(p, y) for p, y in rd.sent_years if not cs + other.start() <= p < cs + other.end()]


def full_coverage(rd: SentenceReading) -> None:
    """实现A、B全覆盖: 100% coverage of each."""
    for m in _FULL_COVERAGE.finditer(rd.sent):
        if FUTURE_CLAUSE.search(rd.sent[: m.start()]):
            continue
        if _SHARE_BEFORE.search(rd.sent[: m.start()]):
            continue  # 90.9%的县已实现…全覆盖: a share of the counties, not all
        for item in m.group(1).split("、"):
            ind = _clean_indicator(item, rd.r, rd.places)
            if len(ind) >= 2 and not _COUNTED.match(ind):
                rd.measured(ind + "覆盖率", 100.0, "%", rd.year_before(m.start()), "=", 0, len(rd.sent))


def ranks(rd: SentenceReading) -> None:
    """排名第N / 位列第N: a rank, its indicator the clause before it."""
    for m in _words(rd.r).rank.finditer(rd.sent):
        if FUTURE_CLAUSE.search(rd.sent[: m.start()]):
            continue
        value = parse_number(m.group(2))
        ind = _clean_indicator(_CLAUSE_BREAK.split(rd.sent[: m.start()])[-1], rd.r, rd.places)
        if ind in rd.places:
            ind = ""
        if ind in rd.r.bare_heads:
            continue  # 比例位列全省第一: the share of what is not named in the clause
        if value is not None:
            rd.measured((ind[-12:] if ind else "") + "排名", value, "名", rd.year_before(m.start()), "=", 0, len(rd.sent))


# the measurement rules, in the order they read a sentence (a later one sees what the
# earlier found: values skip the spans of changes and paired values)
MEASUREMENT_RULES = (("changes", changes), ("paired values", paired_values), ("baselines", baselines),
                     ("values", values_in_clauses),
                     ("full coverage", full_coverage), ("ranks", ranks))


_CITED_TITLE = re.compile(r"《[^《》]*》")
_FROM_THE_START = re.compile(r"[从由][^，。；\d]{0,10}$")  # 从改革初的200多人: a period's start value


def _sentence_years(sent: str, r: _Rules) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(offset, year) of each year the sentence names for its values, and of each that opens
    a period since (自2010年…以来). A value's year is none of: a base after 比/较, the start of a
    change (由2014年的…下降至: its value's alone), a year inside a cited title (落实《教育强国建设
    规划纲要（2024—2035年）》 dates the document cited), a goal's year (提前达到…2030年目标任务),
    the start of a period since."""
    titles = [m.span() for m in _CITED_TITLE.finditer(sent)] if "《" in sent else []
    goals = _goal_nouns(r)
    named, since = [], []
    for m in _SENT_YEAR.finditer(sent):
        at = (m.start(), int(m.group(1)))
        if opens_period_since(sent, m.end()):
            since.append(at)
        elif not any(a < m.start() < b for a, b in titles) and not (m.start() and sent[m.start() - 1] in "由从") \
                and not sent.startswith(goals, m.end()):
            named.append(at)
    return named, since


@lru_cache(maxsize=4)
def _goal_nouns(r: _Rules) -> tuple[str, ...]:
    return tuple(sorted(r.raw["measurement_words"]["goal_nouns"], key=len, reverse=True))


def measurements_in_sentence(sent: str, base: int, year_hint: int | None, region: str,
                             places: tuple[str, ...] = ()) -> list[Quantity]:
    """Reported values of one sentence; ``places`` are region names to drop from the
    front of indicators ("嘉兴全市人均预期寿命" → "人均预期寿命")."""
    r = rules()
    if _MAY_MEASURE.search(sent) is None and (_NUMERAL.search(sent) is None or r.value_re.search(sent) is None):
        return []  # no number, no coverage, no rank: no rule can match
    # a year after 比/较 is the base of a comparison, not the year a value is for
    rd = SentenceReading(sent, base, year_hint, region, places, r, *_sentence_years(sent, r))
    for _name, rule in MEASUREMENT_RULES:
        rule(rd)
    return _compared_to_their_subjects(carry_heads(rd.found, sent, base, r), sent)


# a comparison clause that names no indicator of its own (…为29.36/10万，较2012年(36.15/10万)下降18.78%;
# 但较2018年仍下降0.9个百分点): what the value before it measured, compared
_COMPARED_BASE = r"(?:较|比)(?:\d{4}年|上年|去年|上年度|同期)"  # what a value is compared with
_COMPARED = re.compile(r"^(?:但|并|且|而)?(?P<base>" + _COMPARED_BASE + r")(?:（[^）]*）)?"
                       r"(?P<adv>仍|又|再|分别|均)?(?P<verb>" + _CHANGE_VERBS + r")了?$")
_EACH_COMPARED = re.compile(_COMPARED_BASE + r"(?:（[^）]*）)?分别(?:" + _CHANGE_VERBS + r")了?"
                            r"((?:\d+(?:\.\d+)?(?:%|个百分点)?(?:和|、|及))+\d+(?:\.\d+)?)")


def _compared_to_their_subjects(found: list[Quantity], sent: str) -> list[Quantity]:
    """较2012年下降18.78% after 孕产妇死亡率下降到29.36/10万: 孕产妇死亡率较2012年下降 (the indicator the gold
    and a reader name); 较2012年分别提高7.74%和3.69% after two rates: each rate's, in order. A comparison
    with no value before it names nothing and is left out."""
    out: list[Quantity] = []
    subjects: list[str] = []  # the indicators of the sentence's values so far, in order
    used: dict[tuple[int, int], set[int]] = {}  # the values of each 分别 list already paired
    for q in found:
        m = _COMPARED.match(q.indicator)
        if m is None:
            out.append(q)
            if q.indicator not in subjects:
                subjects.append(q.indicator)
            continue
        subject = subjects[-1] if subjects else None
        if m.group("adv") == "分别":
            each = next((e for e in _EACH_COMPARED.finditer(sent) if _value_in(q.value, e.group(1))), None)
            values = re.findall(r"\d+(?:\.\d+)?", each.group(1)) if each else []
            if not values or len(subjects) < len(values):
                continue
            taken = used.setdefault(each.span(), set())  # 分别下降2%和2%: the second 2 is the second subject's
            k = next((i for i, v in enumerate(values) if float(v) == q.value and i not in taken), None)
            if k is None:
                continue
            taken.add(k)
            subject = subjects[len(subjects) - len(values) + k]
        if subject is None:
            continue
        out.append(replace(q, indicator=subject + m.group("base") + m.group("verb")))
    return out


def _value_in(value: float, listed: str) -> bool:
    return any(float(v) == value for v in re.findall(r"\d+(?:\.\d+)?", listed))


@dataclass(frozen=True)
class _Words:
    """The measurement reader's patterns, made from quantities.json's "measurement_words"."""

    named_ring_after: re.Pattern[str]  # 15分钟健康服务圈: the number is part of a name
    duration_before: re.Pattern[str]   # 平均住院日6.8天: days as a duration
    age_word: re.Pattern[str]
    word_units: dict[str, str]         # units that also open words: the characters after them that make the word
    rank: re.Pattern[str]              # 排名第N
    link_verb_end: re.Pattern[str]     # …达到 / …保持在: cut from the indicator before a value
    count_units: frozenset[str]
    right_stop: str                    # where a counted noun after the number ends
    right_verb_at: re.Pattern[str]
    right_noun: re.Pattern[str]
    not_measured: tuple[str, ...]      # 3个方面: no count measures them
    # a count of exactly these is the document's own content (提出27项重点任务, 明确了16项专项行动, 等20项
    # 措施), not something achieved; 15个专项行动工作组 counts groups set up, and stays
    content_counted: frozenset[str]
    verbs: re.Pattern[str]             # 已建成, 累计覆盖: cut from the front of an indicator
    per_capita_after: re.Pattern[str]  # 体育场地面积达人均: the per-capita qualifier after the link verb
    page_counter_after: re.Pattern[str]  # 0次浏览: a web page's counter, after its number


def _alt(words: list[str]) -> str:
    return "|".join(map(re.escape, words))


@lru_cache(maxsize=4)
def _words(r: _Rules) -> _Words:
    w = r.raw["measurement_words"]
    right_verbs = _alt(w["right_verbs"]) + "|" + w["right_preposition"]
    right_stop = rf"(?=[，。；和与\d]|以(?![上下])|及(?!以上|以下)|、(?=[\d一二三四五六七八九十])|$|{right_verbs})"
    return _Words(
        named_ring_after=re.compile(rf"[{_CJK}]{{0,8}}?(?:{_alt(w['ring_words'])})"),
        duration_before=re.compile(rf"(?:{_alt(w['duration_words'])})(?:{_alt(w['duration_links'])})?$"),
        age_word=re.compile(_alt(w["age_words"])),
        word_units=dict(w["word_units"]),
        rank=re.compile(rf"({_alt(w['rank_words'])})(?:全[国省市区])?第([一二三四五六七八九十\d]+)"),
        link_verb_end=re.compile(rf"已?({_alt(w['link_verbs'])})$"),  # 已提升至: what is done, linked as 提升至 is
        count_units=frozenset(w["count_units"]),
        right_stop=right_stop,
        right_verb_at=re.compile(right_verbs + "|、"),
        right_noun=re.compile(rf"([{_CJK}（）()A-Za-z、]{{2,24}}?){right_stop}"),
        not_measured=tuple(w["not_measured"]),
        content_counted=frozenset(w["content_counted"]),
        verbs=re.compile(rf"^(?:{_alt(w['indicator_adverbs'])})*(?:{_alt(w['indicator_verbs'])})"),
        per_capita_after=re.compile(rf"^(.+?)(?:{_alt(w['link_verbs'])})({_alt(list(r.per_capita_words))})$"),
        page_counter_after=re.compile(rf"^\s*(?:{_alt(sorted(r.page_counters, key=len, reverse=True))})"))


@lru_cache(maxsize=256)
def _shared_count(unit: str, right_stop: str) -> re.Pattern[str]:
    """"和6家乡镇卫生院" after "7家": a second count of the same unit and its noun."""
    return re.compile(rf"(?:和|及|与|、)\d+(?:\.\d+)?{re.escape(unit)}([{_CJK}]{{2,16}}?){right_stop}")


# 编制发放图文海报、音频视频、常识折页等各类宣教材料53种: the examples before 等 name
# instances, the noun after it is what is counted
_LISTED_KINDS = re.compile(r"[^，。；]*、[^，。；]*?等(?:各类|各种|多种|多类)?(?=[\u4e00-\u9fff]{2})|[^，。；、]*?等(?:各类|各种|多种|多类)")


# a value with its unit written straight before the next indicator, where a comma was lost (医师数3.37每千人口…);
# not an age or a count that opens an indicator (5岁以下儿童死亡率, 15岁及以上人群, 65岁以上老年人)
_RUN_ON_VALUE = re.compile(r"(?<![\d.])(?:\d+(?:\.\d+)?(?:%|‰|/10万|个百分点|张|人)(?=[\u4e00-\u9fff]|\d+岁)"
                           r"|\d+(?:\.\d+)?(?![\d.])(?=[\u4e00-\u9fff]))"
                           r"(?![个家所座场次期批支处项名岁周天年月日万亿千百十余多克元张人例台套辆种类篇倍])"
                           r"(?!提高|提升|下降|降低|增长|增加|减少|上升|达到|达|为|是|比|较|以上|以下|左右|和|及|与|至|到|的)")

# …%的中小学配建心理辅导室(并…): what the percentage is the share of, to the clause's end or 并
_SHARE_OF = re.compile(r"的([\u4e00-\u9fff“”]{4,32}?)(?=$|[，。；并])")


def _measurement_indicator(before: str, after: str, m: re.Match[str], r: _Rules, places: tuple[str, ...] = ()) -> str:
    """The noun phrase a number measures. A rate or level names itself before the
    number ("…覆盖率超92%", "人均预期寿命达到82.68岁"); a count names what is counted,
    after the number ("407个地级及以上市", "17家县级医院") or, when nothing follows,
    before it ("建成健康主题公园11座", "行动计划5个")."""
    w = _words(r)
    if before and _SCOPE_COUNT.search(before):
        before = _SCOPE_COUNT.sub("", before)  # 全国339个地级以上城市的…占比: the scope's count is no part of it
    left = _PHRASE_BREAK.split(_LISTED_KINDS.sub("", before))[-1] if before else ""
    run_on = list(_RUN_ON_VALUE.finditer(left))
    if run_on and len(left) - run_on[-1].end() >= 2:
        left = left[run_on[-1].end():]  # 婴儿死亡率为4.08‰5岁以下儿童死亡率: a value run into the next indicator
    per_capita = w.per_capita_after.match(left)
    if per_capita:  # 体育场地面积达人均3.2平方米: 人均体育场地面积
        left = per_capita.group(2) + _clean_indicator(per_capita.group(1), r, places)
    left = w.link_verb_end.sub("", left)
    left = _strip_verbs(left, r, places)
    right = None if w.right_verb_at.match(after) or after.startswith(("（", "(")) else w.right_noun.match(after)
    right_text = _strip_verbs(right.group(1).strip("、"), r, places) if right else ""  # （含1个开发区）: a note, no noun
    unit = m.group("unit") or m.group("bare") or m.group("unit2") or ""
    shared = _shared_count(unit, w.right_stop).match(after) if unit and after[:1] in ("和", "及", "与", "、") else None
    if shared and unit in w.count_units:
        return _strip_verbs(shared.group(1), r, places)  # 7家和6家乡镇卫生院: both count 乡镇卫生院
    if right_text.startswith(w.not_measured) or right_text in w.content_counted:
        return ""
    if right and r.enumeration_closer.match(right.group(1)):
        return ""  # 健康素养66条等健康科普知识: the number is in an example's name, 等 closes the list
    if left.endswith(r.indicator_heads) and len(left) >= 2 and not (unit in w.count_units and len(right_text) >= 2):
        return left
    share = _SHARE_OF.match(after) if unit == "%" else None
    if share:  # 全省82.5%的中小学配建心理辅导室: the share of the schools that did so
        return _strip_verbs(share.group(1), r, places) + "比例"
    if unit in w.count_units and len(right_text) >= 2:
        return right_text
    if len(left) >= 2:
        return left
    return right_text


def _strip_verbs(text: str, r: _Rules, places: tuple[str, ...] = ()) -> str:
    t = _words(r).verbs.sub("", _clean_indicator(text, r, places))
    return _clean_indicator(t, r, places)


# ，完成率116.7%: right after a task planned and done, the share of the plan done
_DONE_RATE = re.compile(r"，(?:任务)?完成率(?:为|达到|达)?(\d+(?:\.\d+)?)%")


@lru_cache(maxsize=4)
def _planned_and_done_re(r: _Rules) -> re.Pattern[str]:
    """(全年)计划免费咨询艾滋病检测20000人，(实际)完成23339人: a report of a task's plan and what was done
    (the words before 计划 and 完成: reported_tasks)."""
    num, u, words = r"\d+(?:\.\d+)?", r.unit_re, r.raw["reported_tasks"]
    times = "|".join(map(re.escape, words["plan_times"]))
    adverbs = "|".join(map(re.escape, words["done_adverbs"]))
    return re.compile(r"(?:^|(?<=[，。；：]))(?:" + times + r")?计划(?!生育)(?P<ind>[\u4e00-\u9fff“”]{2,24}?)"
                      r"(?P<n>" + num + r")(?P<nmult>万|亿)?(?P<nu>" + u + r")，"
                      r"(?:" + adverbs + r")?完成了?(?P<m>" + num + r")(?P<mmult>万|亿)?(?P<mu>" + u + r")?(?=[，。；]|$)")


def planned_and_done(sent: str, base: int, year: int | None, region: str) -> tuple[list[Quantity], int, int]:
    """A report's task, planned and done (计划免费咨询艾滋病检测20000人，完成23339人，完成率116.7%): the
    plan is the target of the year reported on, what was done and its rate measurements; returns them and
    the span of the statement (the rest of the sentence is read as it would be without it), or ([], 0, 0)."""
    if "计划" not in sent or "完成" not in sent:
        return [], 0, 0
    r = rules()
    m = _planned_and_done_re(r).search(sent)
    if m is None:
        return [], 0, 0
    ind = m.group("ind").strip("“”")
    unit_n = (m.group("nmult") or "") + m.group("nu")
    unit_m = (m.group("mmult") or "") + (m.group("mu") or m.group("nu"))
    out = [Quantity("target", ind, float(m.group("n")), unit_n, year, "=", base, base + len(sent), None, region),
           Quantity("measurement", ind + "完成", float(m.group("m")), unit_m, year, "=", base, base + len(sent), None, region)]
    end = m.end()
    rate = _DONE_RATE.match(sent, end)
    if rate:  # ，完成率116.7%: the share of the plan done, the task's
        out.append(Quantity("measurement", ind + "完成率", float(rate.group(1)), "%", year, "=", base, base + len(sent), None, region))
        end = rate.end()
    return out, m.start(), end
