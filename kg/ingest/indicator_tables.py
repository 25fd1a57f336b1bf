"""A plan's table of main indicators (主要发展指标表), written as one labelled line a row.

Five-year and action plans set their targets in a table —

    领域 | 序号 | 主要指标 | 单位 | 2020年 | 2025年目标 | 指标性质
    健康水平 | 1 | 人均预期寿命 | 岁 | 82.98 | >79 | 预期性

— which reaches the reader one cell a line (a Word or HTML table, a PDF's text layer, often
with blank lines between cells) or one row a line with its cells apart by spaces. The cleaner
would drop its short cells (1, -, >79) as page furniture and run the rest together, so here,
before lines are cleaned, each row is written as the fields it holds, each named by its
column, in the order of the header:

    领域：健康水平；主要指标：人均预期寿命；单位：岁；2020年基期值：82.98；2025年目标值：>79；指标性质：预期性

A year column's label says what its header says it holds: 基期值 (the base: 2020年基数, 现状值),
目标值 (2025年目标) or 值 (a year alone: a plan's base and target years, or a yearbook's years;
the quantity reader, :mod:`kg.extract.quantities.tables`, tells them by the document). A row whose cells do not fit
the columns (a value cell lost, so which value is whose is not known) is written as it was.
The words are data (data_tables.json, "indicator_tables"; a unit cell is one of the value grammar's
units, quantities.json).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.ingest.tables import row_cells
from kg.paths import QUANTITIES_DATA

DATA = Path(__file__).with_name("data_tables.json")
BASE_LABEL = "基期值"   # what a base year's column is called in a rewritten row
TARGET_LABEL = "目标值"  # and a target year's
PLAIN_LABEL = "值"      # and a year's whose header says neither (2020年 | 2025年): the reader of values decides
INDICATOR_LABEL = "主要指标"  # the indicator's field, whatever its header cell says (指标名称, 具体指标 …)
UNIT_LABEL = "单位"
FIELD_SEPARATOR = "；"
ROW_END = "。"

_KIND_LABEL = {"target": TARGET_LABEL, "base": BASE_LABEL, "": PLAIN_LABEL}
_YEAR_CELL = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*年?(?:底|末)?(?P<kind>[\u4e00-\u9fff]{0,4})$")
_NUMBER_CELL = re.compile(r"^\d{1,3}[.．、]?$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
_MAX_HEADER_CELL = 12
_MAX_CELL = 40  # a longer line is prose, not a cell
_MAX_HEADER_CELLS = 16  # the most columns a table of indicators has
_MAX_GROUP_CELLS = 3  # the most cells a row's group takes before its number ((一) | 健康知识普及行动 | 结果性指标)
_MULTIPLIERS = ("万", "亿")
# a header cell's unit in brackets (年均增长(%)), matched without it
_BRACKETED_UNIT = re.compile(r"\s*[（(][^（）()]{1,6}[)）]$")
# an indicator cell naming its unit (中医医院床位数(万张), 卫生机构数(个)): the indicator, the unit
_INDICATOR_UNIT = re.compile(r"^(?P<indicator>.+?)\s*[（(](?P<unit>[^（）()]{1,6})[)）]$")
# what opens an indicator cell and is no part of its name: a yearbook's mark of a part (# 医院),
# a group's number (二.基层医疗卫生机构, 一、医院)
_CELL_MARK = re.compile(r"^(?:[#＃]\s*|[一二三四五六七八九十]{1,3}[.．、]\s*)")
# a unit for the whole table, on a line above its header (单位:所, 单位：万人)
_TABLE_UNIT = re.compile(r"^单位\s*[:：]\s*(?P<unit>[^\s,，、;；()（）]{1,4})")
# a line closed by two years or more apart by spaces: a yearbook's header, maybe
_YEARS_LINE = re.compile(r"(?:19|20)\d{2}年?[ \t]+(?:19|20)\d{2}年?[ \t]*$", re.M)
# a value cell of a row (3232, 15.0, -116, >79, ≤5): what no row opens with
_VALUE_LIKE = re.compile(r"^[<>≤≥＜＞]?\s*[-－]?\d+(?:\.\d+)?\s*[%‰]?$")


@dataclass(frozen=True)
class _Words:
    header: dict[str, tuple[str, ...]]
    target_kinds: tuple[str, ...]
    base_kinds: tuple[str, ...]
    natures: frozenset[str]
    units: frozenset[str]
    labels: re.Pattern[str]  # any indicator column's label, spaces allowed inside (指 标): is there a table at all
    yearless_base: frozenset[str]  # a base column's header that names no year (基期水平)


def _known_unit(unit: str, units: frozenset[str]) -> bool:
    """A unit of the value grammar, or a multiple of one (万张, 亿人次, 万人)."""
    return unit in units or (unit[:1] in _MULTIPLIERS and unit[1:] in units)


def known_unit(unit: str) -> bool:
    """:func:`_known_unit` with the value grammar's units (for the other table readers)."""
    return _known_unit(unit, _words().units)


def is_change_label(cell: str) -> bool:
    """Does a header cell name a column of each row's change (年均增长(%), 增减, 增长率)?"""
    return _BRACKETED_UNIT.sub("", _SPACES.sub("", cell)) in _words().header["change"]


@lru_cache(maxsize=1)
def _words() -> _Words:
    t = json.loads(DATA.read_text(encoding="utf-8"))["indicator_tables"]
    units = json.loads(QUANTITIES_DATA.read_text(encoding="utf-8"))["units"]  # one vocabulary of units, the values'
    labels = re.compile("|".join(r"\s*".join(map(re.escape, w)) for w in t["header"]["indicator"]))
    return _Words({k: tuple(v) for k, v in t["header"].items()}, tuple(t["year_kinds"]["target"]),
                  tuple(t["year_kinds"]["base"]), frozenset(t["natures"]), frozenset(units), labels,
                  frozenset(t["yearless_base"]))


@dataclass(frozen=True)
class Column:
    role: str          # domain | number | indicator | unit | nature | remark | year
    label: str         # the header cell as written (领域, 主要指标, 2025年目标)
    year: int | None = None
    kind: str = ""     # of a year column: target | base


_SPACES = re.compile(r"\s+")


def _header_cell(cell: str, w: _Words) -> Column | None:
    cell = _SPACES.sub("", cell)  # 指 标: a label set out with spaces
    bare = _BRACKETED_UNIT.sub("", cell)  # 年均增长(%)
    for role, labels in w.header.items():
        if cell in labels or (role == "change" and bare in labels):
            return Column(role, cell)
    if bare in w.yearless_base:
        return Column("year", cell, None, "base")  # 基期水平: the base, its year unsaid
    m = _YEAR_CELL.match(cell)
    if m is None:
        return None
    kind, year = m.group("kind"), int(m.group("year"))
    if not kind:
        return Column("year", cell, year)
    if kind in w.target_kinds:
        return Column("year", cell, year, "target")
    if kind in w.base_kinds:
        return Column("year", cell, year, "base")
    return None


def header_columns(cells: list[str]) -> list[Column] | None:
    """The columns a table's header cells name, or None where it is no table of indicators:
    every cell a known label, one indicator column, a year column."""
    w = _words()
    cols = [_header_cell(c, w) for c in cells]
    if any(c is None for c in cols):
        return None
    roles = [c.role for c in cols]  # type: ignore[union-attr]
    if roles.count("indicator") != 1 or "year" not in roles:
        return None
    return cols  # type: ignore[return-value]


def _indicator_and_unit(cell: str, w: _Words) -> tuple[str, str]:
    """An indicator cell's name and the unit it names in brackets, if the value grammar knows
    it (中医医院床位数(万张) → 中医医院床位数, 万张; 妇幼保健院(所、站) stays as it is), without
    the marks that open it (# 医院, 二.基层医疗卫生机构)."""
    cell = _CELL_MARK.sub("", cell.strip())
    cell = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", cell).rstrip("、，,；;")  # 总 计, 医院、
    m = _INDICATOR_UNIT.match(cell)
    if m and _known_unit(m.group("unit"), w.units):
        return m.group("indicator"), m.group("unit")
    return cell, ""


def _row_fields(cells: list[str], cols: list[Column], w: _Words, table_unit: str = "") -> list[tuple[str, str]] | None:
    """The (label, value) fields of one row, or None where its cells do not fit the columns;
    ``table_unit`` is the unit the table names above its header, for rows that name none."""
    roles = [c.role for c in cols]
    years = [c for c in cols if c.role == "year"]
    nature = [c for c in cells if c in w.natures]
    cells = [c for c in cells if c not in w.natures]
    domain = ""
    k = next((i for i, c in enumerate(cells) if _NUMBER_CELL.match(c)), None)
    if k == 1 and "number" not in roles:
        k = None  # 一.医院 | 608 | 590: with no number column, a short number after the indicator is its value
    if k is not None and (k <= 1 or (k <= _MAX_GROUP_CELLS and "domain" in roles and "number" in roles
                                     and all(_CJK.search(c) and not _is_value_cell(c, w) for c in cells[:k]))):
        # (一) | 健康知识普及行动 | 结果性指标 | 1 | …: the group's cells (its number, name and kind of
        # indicator), written on its first row, before the row's number
        domain = "，".join(cells[:k])
        cells = cells[k + 1:]
    elif "domain" in roles and len(cells) >= 2 and _CJK.search(cells[0]) and _CJK.search(cells[1]) \
            and cells[1] not in w.units and not _DIGIT.search(cells[0]) and len(cells) > len(years) + 1:
        domain, cells = cells[0], cells[1:]  # 健康服务 | 每千人口…: the group's cell, written on its first row
    if not cells or not _CJK.search(cells[0]):
        return None
    indicator, rest = cells[0], cells[1:]
    unit = ""
    if rest and rest[0] in w.units:
        unit, rest = rest[0], rest[1:]  # a unit cell is never a value (an empty one is left out)
    values = [c for c in cols if c.role in ("year", "change")]
    if "remark" in roles and len(rest) == len(values) + 1:
        rest = rest[:-1]
    if len(rest) != len(values) or not 2 <= len(indicator) <= _MAX_CELL:
        return None
    indicator, own_unit = _indicator_and_unit(indicator, w)
    fields = [(cols[roles.index("domain")].label, domain)] if domain and "domain" in roles else []
    fields.append((INDICATOR_LABEL, indicator))
    if unit or own_unit or table_unit:
        fields.append((UNIT_LABEL, unit or own_unit or table_unit))
    for col, value in zip(values, rest):
        fields.append((_field_label(col), value))
    if nature and "nature" in roles:
        fields.append((cols[roles.index("nature")].label, nature[0]))
    return fields


def _field_label(col: Column) -> str:
    """What a value column's field is called in a rewritten row: its year and kind (2025年目标值), the base
    alone where the table names no year for it (基期水平 → 基期值), or a change column's own label."""
    if col.role != "year":
        return col.label
    return f"{col.year}年{_KIND_LABEL[col.kind]}" if col.year else BASE_LABEL


def _rows(cells: list[str], cols: list[Column], w: _Words) -> list[list[str]]:
    """A run of cells cut into rows: at each nature cell (预期性) where the table has that
    column, else before each number cell (序号), else before each indicator cell."""
    roles = [c.role for c in cols]
    rows: list[list[str]] = []
    if "nature" in roles:
        row: list[str] = []
        for c in cells:
            row.append(c)
            if c in w.natures:
                rows.append(row)
                row = []
        if row:
            rows.append(row)
        return rows
    if "number" not in roles and "unit" not in roles:  # nothing numbers the rows: each opens with its indicator
        for c in cells:
            if not rows or (_CJK.search(c) and not _is_value_cell(c, w)):
                rows.append([c])
            else:
                rows[-1].append(c)
        return rows
    for c in cells:
        if _NUMBER_CELL.match(c) or not rows:
            rows.append([c])
        else:
            rows[-1].append(c)
    return rows


_NUMBER_THEN = re.compile(r"^[<>≤≥＜＞]?\s*\d+(?:\.\d+)?\s*(?P<rest>.*)$")


def _is_value_cell(cell: str, w: _Words) -> bool:
    """A cell that holds a value or a unit, no indicator (万张, 17.8/10万, 95%以上), whatever CJK it has;
    310直播网卫生机构数(个) names an indicator."""
    if _known_unit(cell, w.units):
        return True
    m = _NUMBER_THEN.match(cell)
    return bool(m) and (m.group("rest").startswith("/") or _known_unit(m.group("rest"), w.units)
                        or m.group("rest") in ("以上", "以下", "左右", "以内"))


def _written(fields: list[tuple[str, str]]) -> str:
    """A row as one line, closed by 。 so that no joining of a page's wrapped lines runs it into the next."""
    return FIELD_SEPARATOR.join(f"{label}：{value}" for label, value in fields) + ROW_END


def _aligned_fields(cells: list[str], cols: list[Column]) -> list[tuple[str, str]] | None:
    """The fields of a row whose cells stand in their columns (a Word or HTML table's row,
    tabs between cells): each cell under its column, empty ones kept."""
    if len(cells) != len(cols):
        return None
    by_role = {c.role: cell for c, cell in zip(cols, cells) if c.role != "year"}
    indicator = by_role.get("indicator", "")
    if not 2 <= len(indicator) <= _MAX_CELL or not _CJK.search(indicator):
        return None
    indicator, own_unit = _indicator_and_unit(indicator, _words())
    fields = [(c.label, cell) for c, cell in zip(cols, cells) if c.role == "domain" and cell]
    fields.append((INDICATOR_LABEL, indicator))
    if by_role.get("unit") or own_unit:
        fields.append((UNIT_LABEL, by_role.get("unit") or own_unit))
    fields += [(f"{c.year}年{_KIND_LABEL[c.kind]}", cell)
               for c, cell in zip(cols, cells) if c.role == "year" and cell]
    fields += [(c.label, cell) for c, cell in zip(cols, cells) if c.role == "nature" and cell]
    return fields


_PART_MARK = ("#", "＃", "其中")  # what opens a yearbook's row of a part of the row above (# 医院, 其中：…)
_EMPTIED_UNIT = re.compile(r"[（(]\s*[)）]")  # 床位数(): a unit the layer lost


def _carry_units(rows: list[tuple[list[tuple[str, str]] | None, list[str]]]) -> list[tuple[list[tuple[str, str]] | None, list[str]]]:
    """A yearbook's part rows (# 医院 | 165 below 卫生机构数(个) | 1770) count in the unit of the
    row they are part of: each such row without a unit gets the last one named. Any other row
    keeps its own (none, where it names none); a row whose unit was lost (床位数()) stops the carry."""
    last = ""
    out = []
    for fields, row in rows:
        name = next((c.strip() for c in row if _CJK.search(c)), "")
        name = name.lstrip("0123456789 \t")  # a yearbook's layout code before the name
        if fields is None or _EMPTIED_UNIT.search(name):
            last = ""
        else:
            labels = [label for label, _ in fields]
            if UNIT_LABEL in labels:
                last = fields[labels.index(UNIT_LABEL)][1]
            elif last and name.startswith(_PART_MARK):
                fields = _with_unit(fields, last)
        out.append((fields, row))
    return out


def _year_header(tokens: list[str], w: _Words) -> list[int]:
    """The years of a yearbook's header line written with spaces (2000 2005 2010 …, t1 Item 2008
    2009): two or more years closing the line, after at most two label tokens (项目, Item, a
    layout code); else []."""
    years: list[int] = []
    k = len(tokens)
    while k > 0 and (m := _YEAR_CELL.match(tokens[k - 1])) and not m.group("kind"):
        years.insert(0, int(m.group("year")))
        k -= 1
    lead = tokens[:k]
    if len(years) < 2 or len(set(years)) < len(years) or len(lead) > 2:
        return []
    if any(not (t.isascii() or t in w.header["indicator"]) for t in lead):
        return []
    return years


def _year_row_fields(tokens: list[str], years: list[int], w: _Words) -> list[tuple[str, str]] | None:
    """A yearbook row written with spaces (2 # 医院、卫生院 Hospitals 1799 1803): its name (the
    Chinese of it, without layout codes, the part mark and an empty unit bracket) and one value
    a year, or None where it holds another number of values (a cell left empty: whose is not known)."""
    values = tokens[-len(years):]
    before = tokens[:-len(years)]
    names = [t for t in before if _CJK.search(t)]
    if len(tokens) <= len(years) or not names or not all(_VALUE_LIKE.match(v) for v in values):
        return None
    if len(before) > 1 and _VALUE_LIKE.match(before[-1]):
        return None  # 医院 100 120 20.0 under two years: more values than years, whose is which is not known
    if any(ch in "".join(names) for ch in "，。；：,;:"):
        return None  # 全市门诊量逐年增加，从 1 2 3: a sentence under a chart's axis, no row
    name = _EMPTIED_UNIT.sub("", "".join(names))  # 卫生机构(): the unit lost
    indicator, unit = _indicator_and_unit(name, w)
    if not 2 <= len(indicator) <= _MAX_CELL:
        return None
    fields = [(INDICATOR_LABEL, indicator)] + ([(UNIT_LABEL, unit)] if unit else [])
    return fields + [(f"{y}年{PLAIN_LABEL}", v) for y, v in zip(years, values)]


_CAPTION = re.compile(r"^\s*(?:表|图)\s*\d|^\s*单位\s*[:：]")


def _opens_another_table(line: str, w: _Words) -> bool:
    """Does ``line`` open another table (its caption, 表2…, 单位：…, or a header naming years) rather
    than go on with the rows of this one?"""
    tokens = line.split()
    return bool(_CAPTION.match(line) or _year_header(tokens, w)
                or any(t.endswith("年") and _YEAR_CELL.match(t) for t in tokens))


def _with_unit(fields: list[tuple[str, str]] | None, unit: str) -> list[tuple[str, str]] | None:
    """A row's fields with the table's unit where the row names none."""
    if fields is None or not unit or any(label == UNIT_LABEL for label, _ in fields):
        return fields
    at = [label for label, _ in fields].index(INDICATOR_LABEL) + 1  # the unit after the indicator, as a row writes it
    return fields[:at] + [(UNIT_LABEL, unit)] + fields[at:]


def _cell_line(line: str) -> str:
    """A line of a table written one cell a line, without the bars some pages' converters set
    around each cell (具体指标 |, | 2010年 |); a line of bars alone is no cell ("")."""
    return line.strip().strip("|｜").strip()


def _table_unit(before: list[str], w: _Words) -> str:
    """The unit a table names for all its rows on a line just above its header (单位:所,
    单位：张 (set)), or ""."""
    near = [ln.strip() for ln in before[-4:] if _cell_line(ln)][-2:]
    for line in reversed(near):
        m = _TABLE_UNIT.match(line)
        if m and _known_unit(m.group("unit"), w.units):
            return m.group("unit")
    return ""


def rewrite_indicator_tables(text: str) -> str:
    """``text`` with each table of main indicators written one labelled line a row; any
    other text as it was."""
    w = _words()
    if w.labels.search(text) is None and _YEARS_LINE.search(text) is None:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        separated = row_cells(lines[i])
        if len(separated) >= 3 and (cols := header_columns(separated)) is not None:
            # rows of cells apart by a separator (a Word or HTML table, tabs): each cell in its column
            j, written_rows, rewrote = i + 1, [], False
            while j < len(lines) and len(cells := row_cells(lines[j])) >= 2:
                fields = _aligned_fields(cells, cols)
                rewrote = rewrote or fields is not None
                written_rows.append(_written(fields) if fields else lines[j])
                j += 1
            if rewrote:
                out.append(FIELD_SEPARATOR.join(separated) + ROW_END)
                out += written_rows
                i = j
                continue
        spaced = stripped.split()
        if len(spaced) >= 3 and (cols := header_columns(spaced)) is not None:
            # one row a line, its cells apart by spaces
            j, rows = i + 1, []
            while j < len(lines) and lines[j].strip() and not lines[j].strip().endswith(("。", "：", ":")):
                rows.append(lines[j].split())
                j += 1
            written = [_row_fields(r, cols, w) for r in rows]
            if any(written):
                out.append(lines[i])
                out += [_written(f) if f else lines[i + 1 + k] for k, f in enumerate(written)]
                i = j
                continue
        years = _year_header(spaced, w)
        if years:  # a yearbook's text layer: a header of years, rows of a name and one value a year
            j, fields = i + 1, []
            while j < len(lines) and lines[j].strip() and len(lines[j].strip()) <= 80 \
                    and not lines[j].strip().endswith(("。", "：", ":")) and not _opens_another_table(lines[j], w):
                fields.append((_year_row_fields(lines[j].split(), years, w), [lines[j]]))
                j += 1
            # a header of years alone (a chart's axis, maybe) needs two rows, or a unit above it, to be a table's
            unit = _table_unit(out, w)
            if sum(1 for f, _ in fields if f) >= (2 if len(years) == len(spaced) and not unit else 1):
                fields = _carry_units([(_with_unit(f, unit), row) for f, row in fields])
                out.append(lines[i])
                out += [_written(f) if f else row[0] for f, row in fields]
                i = j
                continue
        # one cell a line (blank lines between cells allowed): the header's run of label cells
        j, cells = i, []
        while j < len(lines):
            cell = _cell_line(lines[j])
            if not cell:
                j += 1
                continue
            if len(cell) > _MAX_HEADER_CELL or _header_cell(cell, w) is None:
                break
            cells.append(cell)
            j += 1
            if len(cells) > _MAX_HEADER_CELLS:
                break  # a run of labels longer than any header (指标 / 指标 / …): no table's, and not read to its end
        cols = header_columns(cells) if 3 <= len(cells) <= _MAX_HEADER_CELLS and _cell_line(lines[i]) else None
        if cols is None:
            out.append(lines[i])
            i += 1
            continue
        body, k = [], j
        while k < len(lines):
            cell = _cell_line(lines[k])
            if not cell:
                k += 1
                continue
            if len(cell) > _MAX_CELL or cell.endswith(("。", "：", ":")):
                break
            body.append(cell)
            k += 1
        unit = _table_unit(out, w)
        written = [(_row_fields(r, cols, w, unit), r) for r in _rows(body, cols, w)]
        if not any(c.role == "unit" for c in cols):  # an empty unit cell says no unit; no unit column, the row above
            written = _carry_units(written)
        if not any(f for f, _ in written):
            out += lines[i:j]  # a header whose rows do not fit it: as it was, and not read again from its second cell
            i = j
            continue
        out.append(FIELD_SEPARATOR.join(cells) + ROW_END)  # the header, one line
        for fields, row in written:
            out += [_written(fields)] if fields else row
        i = k
    return "\n".join(out)
