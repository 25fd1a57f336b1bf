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

DATA = Path(__file__).with_name("data") / "quantities.json"
_NUM = r"(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]{1,6})"
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
        self.future_re = re.compile("|".join(r["future_markers"]))
        self.years_re = re.compile(r"(?:到|至|力争到|争取到|预计到)(?P<years>\d{4}年(?:底|末)?(?:(?:和|、|及|与)\d{4}年(?:底|末)?)*)")
        self.value_re = re.compile(
            r"(?P<pre>约|近|超过|超|逾|突破|达到|达|为|共|共有|现到|累计|不超过|不足)?(?P<num>" + _NUM +
            r")(?P<mult>万|亿)?(?P<unit>" + self.unit_re + r")(?P<post>以上|以下|余|多|左右|以内)?")
        self.indicator_heads = tuple(r["indicator_heads"])
        self.leading_noise = sorted(r["leading_noise"], key=len, reverse=True)
        self.more = r["measurement_more"]
        self.less = r["measurement_less"]


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


def _clean_indicator(text: str, r: _Rules, places: tuple[str, ...] = ()) -> str:
    """The indicator phrase without leading years, scope words, place names and
    adverbs, nor trailing adverbs (分别, 均 …)."""
    t = text.strip("，、；： ")
    t = re.sub(r"^(?:到|至)?\d{4}年(?:底|末)?(?:(?:和|、|及|与)\d{4}年)*[，,]?", "", t)
    changed = True
    while changed:
        changed = False
        for w in tuple(r.leading_noise) + places:
            if t.startswith(w) and len(t) > len(w) + 1:
                t = t[len(w):]
                changed = True
        for w in ("分别", "持续", "继续", "均", "要", "力争", "逐步", "基本"):
            if t.endswith(w):
                t = t[: -len(w)]
                changed = True
    return t.strip("，、；： 的")


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause spans split at ，；: outside 《》 and brackets."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(sentence):
        if ch in "《（(":
            depth += 1
        elif ch in "》）)":
            depth = max(0, depth - 1)
        elif ch in "，；：" and depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, len(sentence)))
    return [(s, e) for s, e in out if e > s]


def targets_in_sentence(sent: str, base: int, program: EntityKey | None, region: str, doc_year: int | None) -> list[Quantity]:
    r = rules()
    ym = r.years_re.search(sent)
    if ym:
        years: list[int | None] = [int(y) for y in re.findall(r"\d{4}", ym.group("years"))]
        body_start = ym.end()
    elif re.search(r"计划|规划|力争|目标", sent):
        y = re.search(r"(\d{4})\s*年", sent)
        years = [int(y.group(1))] if y and (doc_year is None or int(y.group(1)) >= doc_year) else [None]
        body_start = 0
    else:
        return []
    out: list[Quantity] = []
    last_indicator = ""
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
            ind = _clean_indicator(clause[: m.start()], r) or last_indicator
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
    return out


_SKIP_AFTER = re.compile(r"^(?:的[\u4e00-\u9fff]{2,3}(?:是|患者|老人|居民|市民)|月|日|号|期|版|届|次会议|批)")


def measurements_in_sentence(sent: str, base: int, year_hint: int | None, region: str,
                             places: tuple[str, ...] = ()) -> list[Quantity]:
    """Reported values of one sentence; ``places`` are region names to drop from the
    front of indicators ("嘉兴全市人均预期寿命" → "人均预期寿命")."""
    r = rules()
    out: list[Quantity] = []
    sent_years = [(m.start(), int(m.group(1))) for m in re.finditer(r"(\d{4})\s*年(?:度|底|末)?(?!\d)", sent)]
    for cs, ce in _clauses(sent):
        clause = sent[cs:ce]
        for m in r.value_re.finditer(clause):
            num = m.group("num")
            unit = (m.group("mult") or "") + m.group("unit")
            after = clause[m.end():]
            before = clause[: m.start()]
            if unit == "年" and not re.search(r"连续$|连续[\u4e00-\u9fff]{0,2}$", before):
                continue
            if re.fullmatch(r"\d{4}", num) and unit in ("年",):
                continue
            if _SKIP_AFTER.match(after) or before.endswith(("第", "每")) or unit == "天":
                continue
            if unit == "岁" and not re.search(r"寿命|年龄", before + after[:4]):
                continue
            if num[0] in CN_NUMERAL_CHARS and (num == "一" or after.startswith("大") or not re.search(r"连续$|^分钟|^小时", before[-2:] + unit)):
                if not (before.endswith("连续") or unit in ("分钟", "小时")):
                    continue
            value = parse_number(num)
            if value is None:
                continue
            indicator = _measurement_indicator(before, after, m, r, places)
            if not indicator:
                continue
            comparator = ""
            pre, post = m.group("pre") or "", m.group("post") or ""
            if pre in ("不超过",) or post == "以内":
                comparator = "<="
            elif pre in ("近", "不足"):
                comparator = "<"
            elif pre in r.more or post in r.more:
                comparator = ">"
            year = None
            abs_pos = cs + m.start()
            prior = [y for pos, y in sent_years if pos < abs_pos]
            year = prior[-1] if prior else (sent_years[0][1] if sent_years else year_hint)
            out.append(Quantity("measurement", indicator, value, unit, year, comparator or "=", base + cs, base + ce, None, region))
    # 排名第N / 位列第N
    for m in re.finditer(r"(排名|位列|位居|名列)(?:全[国省市区])?第([一二三四五六七八九十\d]+)", sent):
        value = parse_number(m.group(2))
        ind = _clean_indicator(re.split(r"[，。；]", sent[: m.start()])[-1], r, places)
        ind = (ind[-12:] if ind else "") + "排名"
        if value is not None:
            prior = [y for pos, y in sent_years if pos < m.start()]
            out.append(Quantity("measurement", ind, value, "名", prior[-1] if prior else year_hint, "=", base, base + len(sent), None, region))
    return out


def _measurement_indicator(before: str, after: str, m: re.Match[str], r: _Rules, places: tuple[str, ...] = ()) -> str:
    """The noun phrase a number measures: the phrase before it when that ends in an
    indicator head (…率, …寿命) or a counted noun ("建成健康主题公园11座"); else the noun
    after it ("新建4个…门诊", "覆盖45万适龄人群")."""
    pre = m.group("pre") or ""
    left = re.split(r"[，。；、]", before)[-1] if before else ""
    left = re.sub(r"(达到|达|为|是|超过|超|突破|逾|约|近|共有|共|现到|累计|缩短至|缩短到|提高到|增至|增加到|已达|已|实现|降幅达)$", "", left)
    left = _strip_verbs(left, r, places)
    right = re.match(rf"([{_CJK}（）()A-Za-z]{{2,24}}?)(?=[，。；、和及与]|已|$|进入|接入|派驻|定期|下沉|纳入|实现|提供|覆盖)", after)
    if left.endswith(r.indicator_heads) and len(left) >= 2:
        return left
    if right and (not left or m.group("unit") in ("个", "家", "名", "所", "项", "种", "万人", "万个", "座", "处", "套", "门") and len(left) < 2):
        return _strip_verbs(right.group(1), r, places)
    if len(left) >= 2:
        return left
    if right:
        return _strip_verbs(right.group(1), r, places)
    return ""


_VERBS = re.compile(r"^(?:[\u4e00-\u9fff]{0,6}?(?:建成|新建了|新建|建立|培育|创编|开发|提供|设立|搭建|新增|推出|聘任|形成|覆盖|纳入|带动|接入|派驻|入选|打造|创新|拥有|设有|开设|累计覆盖|累计|共|现有|已有|建设|评选出|公布|评出))")


def _strip_verbs(text: str, r: _Rules, places: tuple[str, ...] = ()) -> str:
    t = _VERBS.sub("", _clean_indicator(text, r, places))
    return _clean_indicator(t, r, places)


def is_plan_document(has_responsibility_lists: bool, title: str | None) -> bool:
    """Plans state targets, not achievements: their numbers are never measurements
    unless a sentence says so (截至, 已)."""
    return has_responsibility_lists or bool(title and re.search(r"(实施方案|行动方案|行动计划|规划|实施意见)(》|的通知|$)", title))
