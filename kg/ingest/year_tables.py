"""A statistics table by year, written as the sentence a bulletin writes for each of its rows.

A yearbook, a statistics page or a report gives figures as a table whose rows are years and
whose columns are indicators, each header cell naming its unit in brackets —

    年份 | 诊疗总人次 (万人次) | 出院人数 (万人次)
    2025年 | 645.63 | 8.42

— which reaches the reader one row a line (bars, tabs, the HTML and Word readers' cell
separator) or one cell a line (a page's text layer: 年份, each header cell, then each row's
year and its values). The cleaner would drop bar rows as a menu and run one-cell lines
together, and which value is whose would be lost. Here each row is written as the same
figures read in prose, ``2025年，诊疗总人次645.63万人次，出院人数8.42万人次。``, so that
the measurement reader reads a table as it reads a bulletin. A column whose unit is none of
the value grammar's (quantities.json, units) is left out of the sentence; a header with no
such column, or a row whose cells do not fit it, is left as it was. The words of the key
column are data (data_tables.json, "year_tables").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.ingest.tables import row_cells
from kg.ingest.indicator_tables import DATA
from kg.paths import QUANTITIES_DATA

_YEAR_CELL = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*年?$")
_VALUE_CELL = re.compile(r"^\d+(?:\.\d+)?$")
# 诊疗总人次 (万人次), 病床使用率（%）, 出院者平均住院日(天): an indicator and its unit in brackets
_COLUMN_CELL = re.compile(r"^(?P<indicator>[^()（）]{2,30}?)\s*[（(]\s*(?P<unit>[^()（）]{1,6}?)\s*[)）]$")
_MULTIPLIERS = ("万", "亿")  # 万人, 亿元: a multiple of a unit the grammar knows


@dataclass(frozen=True)
class _Column:
    indicator: str
    unit: str  # "" where the header names no unit the value grammar reads: the column is not written


@lru_cache(maxsize=1)
def _key_headers() -> frozenset[str]:
    return frozenset(json.loads(DATA.read_text(encoding="utf-8"))["year_tables"]["key_headers"])


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    return frozenset(json.loads(QUANTITIES_DATA.read_text(encoding="utf-8"))["units"])


def _column(cell: str) -> _Column | None:
    """An indicator column's header cell, or None where the cell is no indicator's (a year, a number)."""
    cell = cell.strip()
    if not cell or _YEAR_CELL.match(cell) or _VALUE_CELL.match(cell):
        return None
    m = _COLUMN_CELL.match(cell)
    if m is None:
        return _Column(cell, "") if 2 <= len(cell) <= 30 else None
    unit = m.group("unit").strip()
    units = _units()
    known = unit in units or (unit[:1] in _MULTIPLIERS and unit[1:] in units)
    return _Column(m.group("indicator").strip(), unit if known else "")


def _header(cells: list[str]) -> list[_Column] | None:
    """The indicator columns of a header row (年份 | A (unit) | B (unit)), or None where it is
    no table by year: its first cell names the year column, every other an indicator, one
    at least with a unit."""
    cells = _closed(cells)
    if len(cells) < 2 or cells[0].replace(" ", "") not in _key_headers():
        return None
    cols = [_column(c) for c in cells[1:]]
    if any(c is None for c in cols) or not any(c.unit for c in cols):  # type: ignore[union-attr]
        return None
    return cols  # type: ignore[return-value]


def _closed(cells: list[str]) -> list[str]:
    """A row's cells without the empty one a closing bar leaves (… | 7.61 |)."""
    return cells[:-1] if cells and cells[-1] == "" else cells


def _sentence(year: str, values: list[str], cols: list[_Column]) -> str | None:
    """One row as a bulletin's sentence, or None where its cells do not fit the columns."""
    if len(values) != len(cols):
        return None
    parts = [f"{c.indicator}{v}{c.unit}" for c, v in zip(cols, values) if c.unit and _VALUE_CELL.match(v)]
    return f"{year}年，" + "，".join(parts) + "。" if parts else None


def rewrite_year_tables(text: str) -> str:
    """``text`` with each table by year written one sentence a row; any other text as it was."""
    if not any(k in text for k in _key_headers()):
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        cols = _header(row_cells(lines[i]))
        if cols is not None:  # one row a line, its cells apart by a separator
            j, written = i + 1, []
            while j < len(lines) and (cells := _closed(row_cells(lines[j]))) and (m := _YEAR_CELL.match(cells[0])):
                sentence = _sentence(m.group("year"), cells[1:], cols)
                if sentence is None:
                    break
                written.append(sentence)
                j += 1
            if written:
                out += written
                i = j
                continue
        elif lines[i].strip() in _key_headers():  # one cell a line (blank lines between cells allowed)
            done = _one_cell_a_line(lines, i)
            if done is not None:
                written, i = done
                out += written
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _one_cell_a_line(lines: list[str], start: int) -> tuple[list[str], int] | None:
    """The sentences of a table written one cell a line from ``start`` (its 年份 line) and the
    index after it, or None where the cells do not make such a table."""
    cells: list[tuple[int, str]] = [(k, ln.strip()) for k, ln in enumerate(lines[start + 1:], start + 1) if ln.strip()]
    header: list[str] = []
    n = 0
    while n < len(cells) and not _YEAR_CELL.match(cells[n][1]):
        header.append(cells[n][1])
        n += 1
        if len(header) > 12:
            return None
    cols = _header([lines[start].strip(), *header])
    if cols is None:
        return None
    written: list[str] = []
    end = start
    width = len(cols) + 1
    while n + width <= len(cells) and (m := _YEAR_CELL.match(cells[n][1])):
        values = [c for _, c in cells[n + 1:n + width]]
        if not all(_VALUE_CELL.match(v) for v in values):
            break
        sentence = _sentence(m.group("year"), values, cols)
        if sentence is None:
            break
        written.append(sentence)
        end = cells[n + width - 1][0]
        n += width
    return (written, end + 1) if written else None
