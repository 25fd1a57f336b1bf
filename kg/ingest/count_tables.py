"""A yearbook's table of counts by kind of institution, written as the sentence a bulletin writes for each row.

A statistics yearbook gives the institutions, beds and staff of a year as a table whose rows are
kinds of institution and whose header names what each column counts — in a text layer, one row
a line with its cells apart by spaces, the staff's breakdown on a second header line:

    17-6  卫生机构、床位和人员情况
             (2023) 单位:个、张、人
      机构数 床位数 人员数
    卫生技术人员 其他技术人员 管理人员 工勤人员
    一、医院          92        19833        17965     15127     436     1210     1757
        综合医院      53         9955        10765      9106     238      667      996

The cleaner would run such rows together and which count is whose would be lost. Here each row
is written as a bulletin states the same counts, ``2023年，医院机构数92个，医院床位数19833张，…。``,
for the measurement reader. A second header line is read only where it breaks down the first
line's last column of people (人员数 → 卫生技术人员, 管理人员 …: the yearbook's order, the total then
its parts); a row is read only where it holds one count a column; the year is the caption's
(2023年, (2023)), and a table without one is left as it was: an undated count is no measurement.
The words are data (data_tables.json, "count_tables").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.ingest.indicator_tables import DATA

_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
_COUNT = re.compile(r"^\d+(?:\.\d+)?$")
# what opens a row's kind and is no part of it: a group's number (一、医院), a yearbook's part mark (# 医院)
_ROW_MARK = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[#＃])\s*")
_CAPTION_YEAR = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*[）)]|((?:19|20)\d{2})\s*年")
_MAX_ROW_LINE = 400  # a row set out with runs of spaces is long; a paragraph is longer still
_CAPTION_LINES = 3  # how far above its header a table's caption, and so its year, stands
# a unit line with a multiplier (单位:千张、千人, 万人次): the counts are not in the units their columns name
_SCALED_UNIT = re.compile(r"单位\s*[:：][^\n]*[十百千万亿]")
# a row that is no kind of institution: a total, a rate or a share (合计, 增长率, 构成比)
_NOT_A_KIND = re.compile(r"合计|总计|小计|率|比|构成|增长|增减|%")


@dataclass(frozen=True)
class _Words:
    column_heads: tuple[str, ...]
    units: tuple[tuple[str, str], ...]
    people_heads: tuple[str, ...]
    header_line: re.Pattern[str]  # a line of three counted columns or more: whether a text holds such a table at all


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = json.loads(DATA.read_text(encoding="utf-8"))["count_tables"]
    heads = "|".join(map(re.escape, sorted(data["column_heads"], key=len, reverse=True)))
    column = rf"[\u4e00-\u9fff]{{0,6}}(?:{heads})"
    header_line = re.compile(rf"^[ \t\u3000]*(?:{column}[ \t\u3000]+){{2,}}{column}[ \t\u3000\r]*$", re.M)
    return _Words(tuple(data["column_heads"]), tuple((e, u) for e, u in data["units"]), tuple(data["people_heads"]),
                  header_line)


def _header_names(line: str, w: _Words) -> list[str]:
    """The counted columns a header line names (机构数 床位数 人员数), or [] where it is no such line."""
    tokens = line.split()
    if len(tokens) < 3 or not all(_NAME.match(t) and t.endswith(w.column_heads) for t in tokens):
        return []
    return tokens


def _breakdown(line: str, of: str, w: _Words) -> list[str]:
    """The second header line's parts of the first line's last column (人员数: 卫生技术人员 管理人员 …), or []."""
    tokens = line.split()
    if not of.endswith(("人员数", "人数")) or len(tokens) < 2:
        return []
    if not all(_NAME.match(t) and t.endswith(w.people_heads) for t in tokens):
        return []
    return tokens


def _unit(column: str, w: _Words) -> str:
    return next((unit for ending, unit in w.units if column.endswith(ending)), "")


def _row(line: str, n: int) -> tuple[str, list[str]] | None:
    """A row's kind and its counts, one a column (None where it holds another number of them)."""
    tokens = line.split()
    values = tokens[-n:] if len(tokens) > n else []
    kind = _ROW_MARK.sub("", "".join(tokens[:-n])) if values else ""
    if not values or not all(_COUNT.match(v) for v in values) or not _NAME.match(kind) or _NOT_A_KIND.search(kind):
        return None
    return kind, values


def _scaled(lines: list[str], header_at: int) -> bool:
    """Does a unit line with a multiplier (单位:千张) stand in the caption above the header?"""
    return any(_SCALED_UNIT.search(line) for line in lines[max(0, header_at - _CAPTION_LINES):header_at])


def _caption_year(lines: list[str], header_at: int) -> int | None:
    """The year the caption above the header dates the table by ((2023), 2023年), or None."""
    for line in reversed(lines[max(0, header_at - _CAPTION_LINES):header_at]):
        m = _CAPTION_YEAR.search(line)
        if m:
            return int(m.group(1) or m.group(2))
    return None


def _sentence(year: int, kind: str, values: list[str], columns: list[str], w: _Words) -> str:
    cells = []
    for column, value in zip(columns, values):
        unit = _unit(column, w)
        cells.append(f"{kind}{column}{value}{unit}" if unit else f"{kind}{column}：{value}")
    return f"{year}年，" + "，".join(cells) + "。"


def rewrite_count_tables(text: str) -> str:
    """``text`` with each yearbook table of counts by kind written one sentence a row; any other text as it was."""
    w = _words()
    if w.header_line.search(text) is None:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        columns = _header_names(lines[i], w)
        year = _caption_year(lines, i) if columns and not _scaled(lines, i) else None
        if not columns or year is None:
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        parts = _breakdown(lines[j], columns[-1], w) if j < len(lines) else []
        if parts:
            columns, j = columns + parts, j + 1
        rows: list[tuple[str, list[str]]] = []
        skipped: list[str] = []
        while j < len(lines) and lines[j].strip() and len(lines[j]) <= _MAX_ROW_LINE:
            row = _row(lines[j], len(columns))
            if row is None:
                if rows or not all(_COUNT.match(t) for t in lines[j].split()):
                    break  # the table ends (a line that is no row, after its rows)
                skipped.append(lines[j])  # the total row, no kind named: kept as it was
            else:
                rows.append(row)
            j += 1
        if len(rows) < 2:
            out.append(lines[i])
            i += 1
            continue
        out += lines[i:i + 1 + (1 if parts else 0)] + skipped
        out += [_sentence(year, kind, values, columns, w) for kind, values in rows]
        i = j
    return "\n".join(out)
