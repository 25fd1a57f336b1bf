"""The targets and measurements of a plan's table of main indicators (主要发展指标表).

The reader writes each row of such a table as one labelled line
(:mod:`kg.ingest.indicator_tables`):

    领域：健康水平；主要指标：人均预期寿命；单位：岁；2020年基期值：82.98；2025年目标值：>79；指标性质：预期性

A base year's value is a measurement of that year, a target year's value a target for that
year. The sign written with a value (>79, <9, ≥90%, 20%以下) is the target's comparator, a
bare number ``=``; a cell that says there is none (-, —, /) or names no number (持续提升)
gives nothing. The value words are data (quantities.json, "indicator_tables").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.model import Quantity
from kg.extract.quantities.rules import _Rules
from kg.ingest.indicator_tables import (
    BASE_LABEL,
    FIELD_SEPARATOR,
    INDICATOR_LABEL,
    PLAIN_LABEL,
    ROW_END,
    TARGET_LABEL,
    UNIT_LABEL,
)

_NUM = r"\d+(?:\.\d+)?"
_ROW = re.compile(r"^(?:[^：\n；]{1,12}：[^\n；]*；)*" + INDICATOR_LABEL + r"：[^\n]*$", re.M)
# a value's field: its year and kind (2025年目标值), or the base alone where the table names no year for it (基期值)
_YEAR_LABEL = re.compile(r"^(?:(?P<year>(?:19|20)\d{2})年(?P<kind>" + BASE_LABEL + "|" + TARGET_LABEL + "|" + PLAIN_LABEL + ")"
                         r"|(?P<yearless>" + BASE_LABEL + "))$")
_PART_OF = re.compile(r"^(?:其中|含)[：:]\s*")  # 其中：每千人口拥有中医类别执业(助理)医师数 — a row of its own


@dataclass(frozen=True)
class _Words:
    no_value: frozenset[str]
    value: re.Pattern[str]
    comparators: dict[str, str]
    after: dict[str, str]
    plan_caption: re.Pattern[str]  # “十二五”时期…主要指标: a five-year plan's table; group 1 its period's name
    report_caption: tuple[str, ...]
    periods: dict[str, int]


@lru_cache(maxsize=4)
def _words_of(r: _Rules) -> _Words:
    t = r.raw["indicator_tables"]
    signs = sorted(t["comparators"], key=len, reverse=True)
    afters = sorted(t["after"], key=len, reverse=True)
    value = re.compile(r"^(?P<sign>" + "|".join(map(re.escape, signs)) + r")?\s*(?P<num>" + _NUM + r")\s*"
                       r"(?P<unit>" + r.unit_re + r")?\s*(?P<after>" + "|".join(map(re.escape, afters)) + r")?$")
    periods = r.raw["five_year_plans"]
    caption = re.compile("(" + "|".join(map(re.escape, periods)) + r")[^\n。；]{0,30}?(?:" +
                         "|".join(map(re.escape, t["plan_caption_words"])) + r")[^\n。；]*$")
    return _Words(frozenset(t["no_value"]), value, t["comparators"], t["after"], caption,
                  tuple(t["report_caption_words"]), periods)


def _raw_cells(gap: str) -> bool:
    """Are the lines between two rows the cells of a row the reader left as it was (中医医院床位数(万张)
    / 47.1 / 预期性: a value lost), short and no sentence, so that the table goes on?"""
    lines = [ln.strip() for ln in gap.split("\n") if ln.strip()]
    return bool(lines) and all(len(ln) <= 40 and not ln.endswith(("。", "：", ":")) for ln in lines)


def _plan_period_end(text: str, at: int, w: _Words) -> int | None:
    """The last year of the five-year plan whose table the row at ``at`` belongs to, where a
    caption just above the table names it (专栏2 “十二五”时期中医药发展主要指标简表) and says
    nothing of what was achieved (…主要指标完成情况): its later year's column sets targets."""
    head = text[max(0, at - 400):at]
    lines = [ln for ln in head.split("\n") if ln.strip() and INDICATOR_LABEL + "：" not in ln][-2:]
    for line in lines:
        m = w.plan_caption.search(line)
        if m and not any(word in line for word in w.report_caption):
            return w.periods[m.group(1)]
    return None


def _value(cell: str, w: _Words) -> tuple[float, str, str] | None:
    """(value, unit, comparator) of a value cell, or None (no value, or no number)."""
    if cell in w.no_value:
        return None
    m = w.value.match(cell.replace(" ", ""))
    if m is None:
        return None
    cmp = w.comparators.get(m.group("sign") or "", "") or w.after.get(m.group("after") or "", "") or "="
    return float(m.group("num")), m.group("unit") or "", cmp


def _plain_kind(year: int, years: list[int], plan: bool, doc_year: int | None) -> str:
    """What a year column whose header names no kind holds: in a plan, the earliest year is
    the base and a later one (after the document's year, where known) a target; in any other
    document (a yearbook, a bulletin) a year up to the document's is a measurement; else none."""
    if plan:
        if year == min(years) and len(years) > 1:
            return "measurement" if doc_year is None or year <= doc_year else ""
        if year > min(years) and (doc_year is None or year > doc_year):
            return "target"
        return ""
    return "measurement" if doc_year is None or year <= doc_year else ""


def indicator_tables(text: str, region: str, r: _Rules, plan: bool = False,
                     doc_year: int | None = None) -> tuple[list[Quantity], list[tuple[int, int]]]:
    """The targets and measurements of the table rows in ``text``, and the spans of those rows
    (the sentence readers skip them: a row is no sentence)."""
    if INDICATOR_LABEL + "：" not in text:
        return [], []
    w = _words_of(r)
    out: list[Quantity] = []
    spans: list[tuple[int, int]] = []
    table_end, period_end = -1, None
    for m in _ROW.finditer(text):
        gap = text[table_end + 1:m.start()]
        if table_end < 0 or (gap and not _raw_cells(gap)):  # the first row of a table, under its caption
            period_end = None if plan else _plan_period_end(text, m.start(), w)
        table_end = m.end()
        fields = dict(f.split("：", 1) for f in m.group(0).rstrip(ROW_END).split(FIELD_SEPARATOR) if "：" in f)
        indicator = _PART_OF.sub("", fields.get(INDICATOR_LABEL, "").strip())
        if not 2 <= len(indicator) <= 40:
            continue
        unit = fields.get(UNIT_LABEL, "").strip()
        found = []
        labelled = [y for y in map(_YEAR_LABEL.match, fields) if y and y.group("year")]  # the yearless base has none
        plain = [int(y.group("year")) for y in labelled if y.group("kind") == PLAIN_LABEL]
        # a document after the period's end (a review of 十二五 dated 2016) reports the period's values
        in_plan = plan or (period_end is not None and period_end in plain and (doc_year is None or doc_year <= period_end))
        first_target = min([int(y.group("year")) for y in labelled if y.group("kind") == TARGET_LABEL], default=None)
        for label, cell in fields.items():
            year = _YEAR_LABEL.match(label)
            v = _value(cell.strip(), w) if year else None
            if v is None:
                continue
            value, own_unit, cmp = v
            if year.group("yearless"):  # type: ignore[union-attr]
                found.append(Quantity("measurement", indicator, value, own_unit or unit, None, "=", m.start(), m.end(), None, region))
                continue
            written = year.group("kind")  # type: ignore[union-attr]
            at = int(year.group("year"))  # type: ignore[union-attr]
            kind = ("target" if written == TARGET_LABEL else "measurement" if written == BASE_LABEL
                    else "measurement" if first_target is not None and at < first_target  # 2020年 | 2025年目标: the base
                    else _plain_kind(at, plain, in_plan, doc_year))
            if not kind:
                continue
            found.append(Quantity(kind, indicator, value, own_unit or unit, at, cmp if kind == "target" else "=",
                                  m.start(), m.end(), None, region))
        if found:
            out += found
            spans.append((m.start(), m.end()))
    return out, spans
