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
the measurement reader reads a table as it reads a bulletin. Every cell is kept: a value whose
column names no unit the value grammar knows (quantities.json, units), a column of changes
(增长率(%)) and a negative value are written after their header, 增长率(%)：-1.2, which no
reader takes for a level. A header with no column of a known unit, or a row whose cells do not
fit it, is left as it was. The words of the key column are data (data_tables.json, "year_tables").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.ingest.indicator_tables import DATA, is_change_label, known_unit
from kg.ingest.tables import row_cells

_YEAR_CELL = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*(?P<mark>年)?$")
_VALUE_CELL = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")  # 1,234: a thousands separator
# 诊疗总人次 (万人次), 病床使用率（%）, 出院者平均住院日(天): an indicator and its unit in brackets
COLUMN_CELL = re.compile(r"^(?P<indicator>[^()（）]{2,30}?)\s*[（(]\s*(?P<unit>[^()（）]{1,6}?)\s*[)）]$")
_MAX_COLUMNS = 12


@dataclass(frozen=True)
class _Column:
    label: str      # the header cell as written
    indicator: str
    unit: str       # "" where the header names no unit the value grammar reads
    change: bool    # a column of each row's change (增长率(%)): no level


@lru_cache(maxsize=1)
def _key_headers() -> frozenset[str]:
    return frozenset(json.loads(DATA.read_text(encoding="utf-8"))["year_tables"]["key_headers"])


def _column(cell: str) -> _Column | None:
    """An indicator column's header cell, or None where the cell is no indicator's (a year, a number)."""
    cell = cell.strip()
    if not cell or _YEAR_CELL.match(cell) or _VALUE_CELL.match(cell):
        return None
    change = is_change_label(cell)
    m = COLUMN_CELL.match(cell)
    if m is None:
        return _Column(cell, cell, "", change) if 2 <= len(cell) <= 30 else None
    unit = m.group("unit").strip()
    return _Column(cell, m.group("indicator").strip(), unit if known_unit(unit) else "", change)


def _header(cells: list[str]) -> list[_Column] | None:
    """The indicator columns of a header row (年份 | A (unit) | B (unit)), or None where it is
    no table by year: its first cell names the year column, every other an indicator, one
    at least with a unit."""
    cells = _closed(cells)
    if not 2 <= len(cells) <= _MAX_COLUMNS + 1 or cells[0].replace(" ", "") not in _key_headers():
        return None
    cols = [_column(c) for c in cells[1:]]
    if any(c is None for c in cols) or not any(c.unit and not c.change for c in cols):  # type: ignore[union-attr]
        return None
    return cols  # type: ignore[return-value]


def _closed(cells: list[str]) -> list[str]:
    """A row's cells without the empty one a closing bar leaves (… | 7.61 |)."""
    return cells[:-1] if cells and cells[-1] == "" else cells


def _cell_text(col: _Column, value: str) -> str:
    """One cell as the bulletin writes it: 诊疗总人次645.63万人次 where the value is a level in a
    unit the grammar reads; else after its header and a colon (增长率(%)：-1.2, 机构(所、站)：30)."""
    number = value.replace(",", "")
    if col.unit and not col.change and not number.startswith("-"):
        return f"{col.indicator}{number}{col.unit}"
    return f"{col.label}：{value}"


def _sentence(year: str, values: list[str], cols: list[_Column]) -> str | None:
    """One row as a bulletin's sentence, or None where its cells do not fit the columns."""
    if len(values) != len(cols) or not any(_VALUE_CELL.match(v) for v in values):
        return None
    return f"{year}年，" + "，".join(_cell_text(c, v) for c, v in zip(cols, values) if v) + "。"


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


def _cells_from(lines: list[str], start: int):  # noqa: ANN202 - a generator of (index, cell)
    """The non-blank lines from ``start`` on, with their index, read as far as they are wanted."""
    for k in range(start, len(lines)):
        cell = lines[k].strip()
        if cell:
            yield k, cell


def _one_cell_a_line(lines: list[str], start: int) -> tuple[list[str], int] | None:
    """The sentences of a table written one cell a line from ``start`` (its 年份 line) and the
    index after it, or None where the cells do not make such a table. A row's year is written as
    the first one is (2019 or 2019年); a value cell that reads as a year in a table of bare years
    ends the table (a cell lost: 2021 would be taken for a value)."""
    cells = _cells_from(lines, start + 1)
    header: list[str] = []
    pending: tuple[int, str] | None = None
    for k, cell in cells:
        if _YEAR_CELL.match(cell):
            pending = (k, cell)
            break
        header.append(cell)
        if len(header) > _MAX_COLUMNS:
            return None
    cols = _header([lines[start].strip(), *header])
    if cols is None or pending is None:
        return None
    bare = _YEAR_CELL.match(pending[1]).group("mark") is None  # type: ignore[union-attr]
    written: list[str] = []
    end = start
    while pending is not None:
        m = _YEAR_CELL.match(pending[1])
        if m is None or (m.group("mark") is None) != bare:
            break
        values = []
        for k, cell in cells:
            values.append((k, cell))
            if len(values) == len(cols):
                break
        if len(values) < len(cols) or not all(_VALUE_CELL.match(v) for _, v in values) \
                or (bare and any(_YEAR_CELL.match(v) for _, v in values)):
            break
        sentence = _sentence(m.group("year"), [v for _, v in values], cols)
        if sentence is None:
            break
        written.append(sentence)
        end = values[-1][0]
        pending = next(cells, None)
    return (written, end + 1) if written else None
