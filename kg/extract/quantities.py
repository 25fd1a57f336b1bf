"""Targets (values set for a future year) and measurements (values reported as achieved).

A target sentence carries a future-year phrase (到2022年和2030年) or a planning word
(计划, 力争); its clauses state "indicator + comparator + value(s)", with 分别 pairing
values and years. A relative target ("在2020年基础上提高10%") is marked relative.
Any other sentence that gives a number with a unit reports a measurement; its
indicator is the noun phrase that the number measures.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.extract.model import EntityKey, Quantity
from kg.extract.numbers import CN_NUMERAL_CHARS, parse_number
from kg.extract.segment import BracketSplitter
from kg.lexicon import PrefixWords

DATA = Path(__file__).with_name("data") / "quantities.json"
_CN_DIGITS = "一二两三四五六七八九十百千"
_NUM = r"(\d+(?:\.\d+)?|[" + _CN_DIGITS + r"]{1,6})"
# what may stand before a reported value (约, 超过, 达到 …), in the alternation's order
VALUE_PREFIXES = ("约", "近", "超过", "超", "逾", "突破", "达到", "达", "为", "共", "共有", "现到", "累计", "不超过", "不足")
_CJK = r"\u3400-\u9fff"


@dataclass
class _Rules:
    raw: dict

    def __post_init__(self) -> None:
        r = self.raw
        units = sorted(r["units"], key=len, reverse=True)
        self.unit_re = "(?:" + "|".join(re.escape(u) for u in units) + ")"
        cmps = sorted(r["target_comparators"], key=len, reverse=True)
        self.cmp_map = r["target_comparators"]
        self.target_re = re.compile(
            r"(?P<cmp>" + "|".join(map(re.escape, cmps)) + r")(?P<vals>" + _value_group(self.unit_re) + r")")
        self.relative_re = re.compile(
            r"在(?P<base>\d{4})年(?:的)?基础上(?:力争|继续|再|逐步)?(?:每年)?(?P<verb>" + "|".join(r["relative_verbs"]) +
            r")(?P<val>\d+(?:\.\d+)?)(?P<unit>" + self.unit_re + r")?(?P<approx>左右)?")
        self.relative_verbs = r["relative_verbs"]
        # 到/至 of a change verb (提高到2023年的78.5%) is not a future year
        self.years_re = re.compile(r"(?<![截年])(?<!提高)(?<!提升)(?<!下降)(?<!降低)(?<!增加)(?<!增长)(?<!减少)(?<!上升)(?<!升)(?<!降)(?:到|至|力争到|争取到|预计到)(?P<years>\d{4}年(?:底|末)?(?:(?:和|、|及|与)\d{4}年(?:底|末)?)*)")
        self.value_re = re.compile(value_pattern(self.unit_re))
        self.indicator_heads = tuple(r["indicator_heads"])
        self.leading_noise = tuple(sorted(r["leading_noise"], key=len, reverse=True))
        self.more = r["measurement_more"]
        self.less = r["measurement_less"]


def value_pattern(unit_re: str, first_class: bool = True) -> str:
    """A reported value: (prefix) number (余/多) unit (以上 …). The plain spelling opens
    with the optional prefix group, which the regex engine tries, and fails, at every
    character of a clause; ``first_class`` puts before it a lookahead for the characters
    a match can open with (a prefix's first, a digit, a Chinese numeral), which it
    fails at once: the same matches, a third of the time."""
    first = "[" + "".join(dict.fromkeys(w[0] for w in VALUE_PREFIXES)) + r"\d" + _CN_DIGITS + "]"
    return ((f"(?={first})" if first_class else "") + "(?P<pre>" + "|".join(VALUE_PREFIXES) + ")?(?P<num>" + _NUM +
            r")(?P<mid>余|多)?(?:(?P<unit>" + unit_re + r")|(?P<mult>万|亿)(?P<unit2>" + unit_re +
            r")|(?P<bare>万)(?=[\u4e00-\u9fff]{2}))(?P<post>以上|以下|余|多|左右|以内)?")


def _value_group(unit_re: str) -> str:
    one = r"\d+(?:\.\d+)?(?:" + unit_re + r")?(?:以上|以下|左右|及以上|及以下)?"
    return one + r"(?:(?:和|、|及|与|至)" + one + r")*"


@lru_cache(maxsize=1)
def rules() -> _Rules:
    return _Rules(json.loads(DATA.read_text(encoding="utf-8")))


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


_TRAILING_ADVERBS = ("分别", "持续", "继续", "均", "要", "力争", "逐步", "基本")
_LEADING_YEARS = re.compile(r"^(?:到|至)?\d{4}年(?:底|末)?(?:(?:和|、|及|与)\d{4}年)*[，,]?")


def _clean_indicator(text: str, r: _Rules, places: tuple[str, ...] = ()) -> str:
    """The indicator phrase without leading years, scope words, place names and
    adverbs, nor trailing adverbs (分别, 均 …)."""
    t = text.strip("，、；： “”")
    t = _LEADING_YEARS.sub("", t)
    leading = _leading_words(r.leading_noise, places)
    changed = True
    while changed:
        changed = False
        k = leading.prefix_length(t, keep=2)  # an indicator keeps two characters at least
        if k:
            t = t[k:]
            changed = True
        if t.endswith(_TRAILING_ADVERBS):  # one test; which ones, in order, only if any
            for w in _TRAILING_ADVERBS:
                if t.endswith(w):
                    t = t[: -len(w)]
                    changed = True
    return t.strip("，、；： 的")


_CLAUSE_SPLIT = BracketSplitter("《（(", "》）)", "，；：")


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause spans split at ，；: outside 《》 and brackets."""
    return [(s, e) for s, e in _CLAUSE_SPLIT(sentence) if e > s]


# 计划/规划 as a plan (计划三年内实现…, 规划打造…), not as a noun (行动计划5个, 规划纲要)
# Each alternative opens with its literal and checks what precedes it afterwards (a
# lookbehind that includes the literal): the regex engine then skips to the literals'
# first characters instead of trying lookbehinds at every position (6x faster here;
# tests compare these with the lookbehind-first spelling).
PLAN_WORDS = re.compile(r"(?:计划|规划)(?<!(?:行动|免疫)(?:计划|规划))(?![\d、，。；）)》”]|纲要|体系|布局|编制|建设)|力争|目标是")
FUTURE_CLAUSE = re.compile(
    r"(?:到|至)(?<![截年升降][到至])(?<!(?:提高|提升|下降|降低|增加|增长|减少|上升)[到至])\d{4}年"
    r"|(?:计划|规划)(?<!(?:行动|免疫)(?:计划|规划))(?![\d、，。；）)》”]|纲要|体系|布局)"
    r"|力争|争取|下一步|下阶段|今后|将(?:加快|继续|进一步|推进|推动|持续|全面|着力|建成|实现|打造|开展|完成|深化|强化|加强|新增|建设|启动|探索|扩大)|拟|预计")


_COUNT_TARGET = re.compile(r"(?:新增|新建|建成|建设|打造|完成)\s*(\d+)\s*([家个所座])([\u4e00-\u9fff]{2,12}?)(?=及|和|、|的|，|。)"
                           r"(?:(?:及|和|、)\s*(\d+)\s*([家个所座])([\u4e00-\u9fff]{2,12}?)(?=的|，|。))?")


_COUNT_TARGET_AFTER = re.compile(r"(?:新增|新建|建成|建设|打造|完成)([\u4e00-\u9fff]{2,16}?)(\d+)\s*([家个所座])(?=[，。；]|$)")


def _count_targets(sent: str, base: int, year: int | None, program: EntityKey | None, region: str) -> list[Quantity]:
    """"新增5家区级医院及12家社区卫生服务中心的互联网医院建设", "建成健康促进示范社区20个":
    planned counts."""
    out = []
    for m in _COUNT_TARGET_AFTER.finditer(sent):
        out.append(Quantity("target", m.group(1), float(m.group(2)), m.group(3), year, "=", base, base + len(sent), program, region))
    for m in _COUNT_TARGET.finditer(sent):
        for i in (1, 4):
            if m.group(i):
                out.append(Quantity("target", m.group(i + 2), float(m.group(i)), m.group(i + 1), year, "=",
                                    base, base + len(sent), program, region))
    return out


# "1.居民健康素养水平：…": the label of an item in an indicator list
_ITEM_LABEL = re.compile(r"\s*(?:\d{1,2}[\.．、]|[（(]\d{1,2}[）)])?\s*([^：:，。]{2,40})[：:]")


@lru_cache(maxsize=1)
def _year_cmp_re() -> re.Pattern[str]:
    r = rules()
    cmps = "|".join(map(re.escape, sorted(r.cmp_map, key=len, reverse=True)))
    return re.compile(
        r"(?<!\d)(?P<year>\d{4})\s*年(?:底|末|前)?[，]?(?:要|力争|将|争取)?(?P<cmp>" + cmps + r")(?P<val>\d+(?:\.\d+)?)(?P<unit>"
        + r.unit_re + r")?(?P<post>以上|以下|左右)?")


def _year_targets(sent: str, base: int, program: EntityKey | None, region: str, doc_year: int | None) -> list[Quantity]:
    """"居民健康素养水平：2023年达到38%，2025年达到40%以上" — in a plan, a year followed by a
    comparator and a value sets a target for that year; the indicator is the item's
    label (before ：) or the text before the year."""
    if "年" not in sent:
        return []  # every match of the pattern holds 年
    r = rules()
    label = _ITEM_LABEL.match(sent)
    out = []
    for m in _year_cmp_re().finditer(sent):
        year = int(m.group("year"))
        if doc_year is not None and year < doc_year:
            continue
        ind = _clean_indicator(label.group(1), r) if label else _clean_indicator(re.split(r"[，。；：]", sent[: m.start()])[-1], r)
        if len(ind) < 2:
            continue
        comparator = r.cmp_map[m.group("cmp")]
        post = m.group("post") or ""
        comparator = "<=" if "以下" in post else ">=" if "以上" in post else comparator
        out.append(Quantity("target", ind, float(m.group("val")), m.group("unit") or "", year, comparator,
                            base + m.start(), base + m.end(), program, region, approximate="左右" in post))
    return out


def targets_in_sentence(sent: str, base: int, program: EntityKey | None, region: str, doc_year: int | None,
                        plan_year: int | None = None, plan_doc: bool = False) -> list[Quantity]:
    """Targets of one sentence; ``plan_year`` is set when the paragraph opened with a
    plan ("2024年，…规划…"), which makes its later sentences plans too."""
    if _DIGIT.search(sent) is None and "全覆盖" not in sent:
        return []  # every target below needs a digit, except 实现…全覆盖
    r = rules()
    # every alternative of years_re holds 到 or 至; the pattern opens with lookbehinds,
    # which defeat the regex engine's literal-prefix search
    ym = r.years_re.search(sent) if ("到" in sent or "至" in sent) else None
    if plan_doc and not ym:
        found = _year_targets(sent, base, program, region, doc_year)
        if found:
            return found
    if ym:
        years: list[int | None] = [int(y) for y in re.findall(r"\d{4}", ym.group("years"))]
        body_start = ym.end()
    elif PLAN_WORDS.search(sent) or plan_year is not None:
        y = re.search(r"(\d{4})\s*年", sent)
        within = re.search(r"(\d+|[一二两三四五六七八九十]+)年内", sent)
        if y and (doc_year is None or int(y.group(1)) >= doc_year):
            years = [int(y.group(1))]
        elif within and doc_year is not None:
            years = [doc_year + int(parse_number(within.group(1)) or 0)]  # 三年内 from the document's year
        else:
            years = [plan_year]
        body_start = 0
        out = _count_targets(sent, base, years[-1], program, region)
        if out:
            return out
    else:
        return []
    out: list[Quantity] = []
    last_indicator = ""
    item_label = _ITEM_LABEL.match(sent)
    for cs, ce in _clauses(sent):
        cs = max(cs, body_start) if cs < body_start < ce else cs
        if ce <= body_start and ym:
            continue
        clause = sent[cs:ce]
        rel = r.relative_re.search(clause)
        if rel:
            ind = _clean_indicator(clause[: rel.start()], r) or last_indicator
            if ind:
                out.append(Quantity("target", ind, float(rel.group("val")), rel.group("unit") or "", years[-1], r.relative_verbs[rel.group("verb")],
                                    base + cs, base + ce, program, region, relative=True, approximate=bool(rel.group("approx")),
                                    baseline_year=int(rel.group("base"))))
                last_indicator = ind
            continue
        for m in r.target_re.finditer(clause):
            ind = _clean_indicator(clause[: m.start()], r) or last_indicator or (
                _clean_indicator(item_label.group(1), r) if item_label else "")
            if not ind or len(ind) < 2:
                continue
            last_indicator = ind
            values = _split_values(m.group("vals"), r.unit_re)
            if not values:
                continue
            cmp_word = m.group("cmp")
            pairs: list[tuple[int | None, tuple[float, str, str]]]
            if len(values) == len(years):
                pairs = list(zip(years, values))
            elif len(values) == 1:
                pairs = [(y, values[0]) for y in years]
            else:
                pairs = list(zip(years, values))
            for year, (v, unit, post) in pairs:
                comparator = r.cmp_map[cmp_word]
                if "以下" in post:
                    comparator = "<="
                elif "以上" in post:
                    comparator = ">="
                out.append(Quantity("target", ind, v, unit, year, comparator, base + cs, base + ce, program, region,
                                    approximate="左右" in post))
            break
        else:
            cov = re.search(r"实现(?P<ind>[^，。；]{2,30}?)全覆盖", clause)
            if cov and not out:
                ind = _clean_indicator(cov.group("ind"), r)
                out.append(Quantity("target", ind + "覆盖率", 100.0, "%", years[-1], ">=", base + cs, base + ce, program, region))
            elif ym:
                out.extend(_count_targets(clause, base + cs, years[-1], program, region))  # 到2025年建成…20个
    return out


_SKIP_AFTER = re.compile(r"^(?:的[\u4e00-\u9fff]{2,3}(?:是|患者|老人|居民|市民)|月|日|号|期|版|届|次会议|批)")


@lru_cache(maxsize=1)
def _change_re() -> re.Pattern[str]:
    """由2020年的65%提高到2023年的78.5% / 从10.2%下降至8.6%: a value before and after."""
    u = rules().unit_re
    return re.compile(
        r"(?P<ind>[^，。；]{2,30}?)(?:由|从)(?:(?P<y1>\d{4})年(?:的)?)?(?P<a>\d+(?:\.\d+)?)(?P<ua>" + u + r")?"
        r"(?:提高|提升|上升|增长|增加|下降|降低|减少)(?:到|至)(?:(?P<y2>\d{4})年(?:的)?)?(?P<b>\d+(?:\.\d+)?)(?P<ub>" + u + r")?")


def _change_measurements(sent: str, base: int, year_hint: int | None, region: str, places: tuple[str, ...],
                         r: _Rules) -> tuple[list[Quantity], list[tuple[int, int]]]:
    out, spans = [], []
    last_years: tuple[int | None, int | None] = (None, None)
    if "由" not in sent and "从" not in sent:
        return out, spans  # every change statement opens with 由 or 从
    for m in _change_re().finditer(sent):
        ind = _strip_verbs(m.group("ind"), r, places)
        y1 = int(m.group("y1")) if m.group("y1") else None
        y2 = int(m.group("y2")) if m.group("y2") else None
        if y1 is None and y2 is None:
            y1, y2 = last_years  # 糖尿病…由62.1%提高到75.3%: the years of the previous statement
        last_years = (y1, y2)
        unit = m.group("ub") or m.group("ua") or ""
        if len(ind) >= 2:
            out.append(Quantity("measurement", ind, float(m.group("a")), unit, y1, "=", base, base + len(sent), None, region))
            out.append(Quantity("measurement", ind, float(m.group("b")), unit, y2 or year_hint, "=", base, base + len(sent), None, region))
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
_SENT_YEAR = re.compile(r"(\d{4})(?<![比较]\d{4})\s*年(?:度|底|末)?(?!\d)")
_RUN_OF_YEARS_BEFORE = re.compile(r"连续$|连续[\u4e00-\u9fff]{0,2}$")
_FOUR_DIGITS = re.compile(r"\d{4}")
_NAMED_RING_AFTER = re.compile(rf"[{_CJK}]{{0,8}}?(?:圈|生活圈|服务圈|健身圈)")
_DURATION_BEFORE = re.compile(r"(?:日|天数|时间|周期|时长)(?:缩短至|缩短到|降至|为|达|是)?$")
_AGE_WORD = re.compile(r"寿命|年龄")
_RUN_OR_DURATION = re.compile(r"连续$|^分钟|^小时")
_CLAUSE_HEAD = re.compile(r"[^，。；]{2,24}")
_CHANGE_ONLY = re.compile(r"(?:同比|较上年|比上年|环比|[比较]\d{4}年)?(?:增长|提高|下降|减少|增加|上升)")
_FULL_COVERAGE = re.compile(r"实现([^，。；]{2,40}?)全覆盖")
_COUNTED = re.compile(r"[\d一二两三四五六七八九十]+[个项大]")
_RANK = re.compile(r"(排名|位列|位居|名列)(?:全[国省市区])?第([一二三四五六七八九十\d]+)")
_CLAUSE_BREAK = re.compile(r"[，。；]")
_PHRASE_BREAK = re.compile(r"[，。；、]")
_LINK_VERB_END = re.compile(r"(达到|达|为|是|超过|超|突破|逾|约|近|共有|共|现到|累计|缩短至|缩短到|提高到|增至|增加到|已达|已|实现|降幅达|新建了|新增|"
                            r"保持在|稳定在|控制在|维持在|降至|降到|下降到|下降至|减少到|增长到)$")


def measurements_in_sentence(sent: str, base: int, year_hint: int | None, region: str,
                             places: tuple[str, ...] = ()) -> list[Quantity]:
    """Reported values of one sentence; ``places`` are region names to drop from the
    front of indicators ("嘉兴全市人均预期寿命" → "人均预期寿命")."""
    r = rules()
    if _MAY_MEASURE.search(sent) is None and (_NUMERAL.search(sent) is None or r.value_re.search(sent) is None):
        return []  # no number, no coverage, no rank: nothing below can match
    out, change_spans = _change_measurements(sent, base, year_hint, region, places, r)
    # a year after 比/较 is the base of a comparison, not the year a value is for
    sent_years = [(m.start(), int(m.group(1))) for m in _SENT_YEAR.finditer(sent)]
    for cs, ce in _clauses(sent):
        clause = sent[cs:ce]
        if _NUMERAL.search(clause) is None or FUTURE_CLAUSE.search(clause):
            continue  # no number to read (value_re needs one), or a plan, not an achievement
        for m in r.value_re.finditer(clause):
            if any(a <= cs + m.start() < b for a, b in change_spans):
                continue  # read above as a change statement
            num = m.group("num")
            unit = m.group("unit") or m.group("bare") or ((m.group("mult") or "") + (m.group("unit2") or ""))
            after = clause[m.end():]
            before = clause[: m.start()]
            if unit == "年" and not _RUN_OF_YEARS_BEFORE.search(before):
                continue
            if _FOUR_DIGITS.fullmatch(num) and unit in ("年",):
                continue
            if _SKIP_AFTER.match(after) or before.endswith(("第", "每", "“")):
                continue
            if _NAMED_RING_AFTER.match(after):
                continue  # "15分钟健康服务圈": the number is part of a name
            if unit == "天" and not _DURATION_BEFORE.search(before):
                continue  # days count only as a duration indicator (平均住院日6.8天)
            if unit == "岁" and not _AGE_WORD.search(before + after[:4]):
                continue
            if num[0] in CN_NUMERAL_CHARS and (num == "一" or after.startswith("大") or not _RUN_OR_DURATION.search(before[-2:] + unit)):
                if not (before.endswith("连续") or unit in ("分钟", "小时")):
                    continue
            value = parse_number(num)
            if value is None:
                continue
            indicator = _measurement_indicator(before, after, m, r, places)
            if unit == "年" and before.endswith("连续"):
                what = _CLAUSE_HEAD.match(after)  # 连续4年保持全省前三 → 连续保持全省前三年数
                indicator = "连续" + (what.group(0) if what else "") + "年数"
            if not indicator:
                continue
            if out and _CHANGE_ONLY.fullmatch(indicator):
                indicator = out[-1].indicator + indicator  # 门急诊总量…，同比增长8.4%
            comparator = ""
            marks = (m.group("pre") or "", m.group("post") or "", m.group("mid") or "")
            if any(p and p in r.less for p in marks):
                comparator = "<=" if "不超过" in marks or "以内" in marks else "<"
            elif any(p and p in r.more for p in marks):
                comparator = ">"
            year = None
            abs_pos = cs + m.start()
            prior = [y for pos, y in sent_years if pos < abs_pos]
            year = prior[-1] if prior else (sent_years[0][1] if sent_years else year_hint)
            out.append(Quantity("measurement", indicator, value, unit, year, comparator or "=", base + cs, base + ce, None, region))
    # 实现A、B全覆盖: 100% coverage of each
    for m in _FULL_COVERAGE.finditer(sent):
        if FUTURE_CLAUSE.search(sent[: m.start()]):
            continue
        for item in m.group(1).split("、"):
            ind = _clean_indicator(item, r, places)
            if len(ind) >= 2 and not _COUNTED.match(ind):
                prior = [y for pos, y in sent_years if pos < m.start()]
                out.append(Quantity("measurement", ind + "覆盖率", 100.0, "%", prior[-1] if prior else year_hint, "=",
                                    base, base + len(sent), None, region))
    # 排名第N / 位列第N
    for m in _RANK.finditer(sent):
        if FUTURE_CLAUSE.search(sent[: m.start()]):
            continue
        value = parse_number(m.group(2))
        ind = _clean_indicator(_CLAUSE_BREAK.split(sent[: m.start()])[-1], r, places)
        if ind in places:
            ind = ""
        ind = (ind[-12:] if ind else "") + "排名"
        if value is not None:
            prior = [y for pos, y in sent_years if pos < m.start()]
            out.append(Quantity("measurement", ind, value, "名", prior[-1] if prior else year_hint, "=", base, base + len(sent), None, region))
    return out


COUNT_UNITS = ("个", "家", "名", "所", "项", "种", "座", "处", "套", "门", "万人", "万个", "万", "位", "条", "张", "台", "辆", "例")
_RIGHT_VERBS = r"已|进入|接入|派驻|定期|下沉|纳入|实现|提供|覆盖|作为|的|是|全部|均|共|牵头|发布|之一|比例|位列"
_RIGHT_STOP = rf"(?=[，。；和与\d]|以(?![上下])|及(?!以上|以下)|、(?=[\d一二三四五六七八九十])|$|{_RIGHT_VERBS})"
_NOT_MEASURED = ("方面", "环节", "维度", "领域", "层次", "阶段", "大类")
_RIGHT_VERB_AT = re.compile(_RIGHT_VERBS + "|、")
_RIGHT_NOUN = re.compile(rf"([{_CJK}（）()A-Za-z、]{{2,24}}?){_RIGHT_STOP}")


@lru_cache(maxsize=256)
def _shared_count(unit: str) -> re.Pattern[str]:
    """"和6家乡镇卫生院" after "7家": a second count of the same unit and its noun."""
    return re.compile(rf"(?:和|及|与|、)\d+(?:\.\d+)?{re.escape(unit)}([{_CJK}]{{2,16}}?){_RIGHT_STOP}")


def _measurement_indicator(before: str, after: str, m: re.Match[str], r: _Rules, places: tuple[str, ...] = ()) -> str:
    """The noun phrase a number measures. A rate or level names itself before the
    number ("…覆盖率超92%", "人均预期寿命达到82.68岁"); a count names what is counted,
    after the number ("407个地级及以上市", "17家县级医院") or, when nothing follows,
    before it ("建成健康主题公园11座", "行动计划5个")."""
    left = _PHRASE_BREAK.split(before)[-1] if before else ""
    left = _LINK_VERB_END.sub("", left)
    left = _strip_verbs(left, r, places)
    right = None if _RIGHT_VERB_AT.match(after) else _RIGHT_NOUN.match(after)
    right_text = _strip_verbs(right.group(1).strip("、"), r, places) if right else ""
    unit = m.group("unit") or m.group("bare") or m.group("unit2") or ""
    shared = _shared_count(unit).match(after) if unit and after[:1] in ("和", "及", "与", "、") else None
    if shared and unit in COUNT_UNITS:
        return _strip_verbs(shared.group(1), r, places)  # 7家和6家乡镇卫生院: both count 乡镇卫生院
    if right_text.startswith(_NOT_MEASURED):
        return ""
    if left.endswith(r.indicator_heads) and len(left) >= 2 and not (unit in COUNT_UNITS and len(right_text) >= 2):
        return left
    if unit in COUNT_UNITS and len(right_text) >= 2:
        return right_text
    if len(left) >= 2:
        return left
    return right_text


_VERBS = re.compile(r"^(?:已经|已|累计|基本|全面|先后|陆续|共|全年)?(?:创成|创建|完成了|完成|建成了|建成|新建了|新建|建立了|建立|培育|创编|开发|提供|设立|搭建|新增|推出|聘任|形成|覆盖|纳入|带动|接入|派驻|入选|打造|创新|拥有|设有|开设|累计覆盖|共有|现有|已有|评选出|公布|评出|研发)")


def _strip_verbs(text: str, r: _Rules, places: tuple[str, ...] = ()) -> str:
    t = _VERBS.sub("", _clean_indicator(text, r, places))
    return _clean_indicator(t, r, places)


def is_plan_document(has_responsibility_lists: bool, title: str | None) -> bool:
    """Plans state targets, not achievements: their numbers are never measurements
    unless a sentence says so (截至, 已)."""
    return has_responsibility_lists or bool(title and re.search(r"(实施方案|行动方案|行动计划|规划|实施意见)(》|的通知|$)", title))
