"""A table of figures by place (or by kind: diseases, kinds of institution), written as the sentences a bulletin
writes for each row.

A 公示 of a project's progress, a county's report or a yearbook gives figures as a table whose rows
are places (counties, towns, streets) and whose header names what each column counts, its unit in
brackets. A page's text layer writes it one cell a line: the key header (市县名, 乡镇名称), each
header cell, then each row's place and its values —

    市县名 / 城市低保数(人) / 宫颈癌 / 乳腺癌 / 累计完成(例) / 完成率(%) / 累计完成(例) / 完成率(%)
    全市合计 / 3973 / 1326 / 100.00% / 1334 / 100.00%
    桐城市 / 286 / 96 / 100.00% / 96 / 100.00%

— where a header of two tiers comes tier by tier (宫颈癌 and 乳腺癌 each over the two columns after
them), and a narrow table may be set twice side by side (乡镇名称 | 产前筛查数(人) | 乡镇名称 |
产前筛查数(人)). The cleaner would run the cells together and which value is whose would be lost.
Here each row is written as a bulletin states it, ``2022年，桐城市城市低保数286人，宫颈癌累计完成
96例，…。``, for the measurement reader; the year is the last one the text names before the table
(安庆市2022年度…任务), none if it names none. A header that does not fit its first row's cells, a
row label that names no place, or a cell that is no number ends the table; what was not read is left
as it was. The words are data (data_tables.json, "place_tables").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.ingest.indicator_tables import DATA, known_unit
from kg.ingest.year_tables import COLUMN_CELL  # a header cell: an indicator and its unit in brackets

_VALUE_CELL = re.compile(r"^(?P<number>\d+(?:\.\d+)?)(?P<percent>[%％])?$")
_YEAR_BEFORE = re.compile(r"(?<![到至])((?:19|20)\d{2})\s*年")
_MAX_HEADER = 16
_YEAR_REACH = 500  # how far before the table the year of its figures may be named


@dataclass(frozen=True)
class _Words:
    key_headers: frozenset[str]
    kind_headers: frozenset[str]
    place_endings: tuple[str, ...]
    total_labels: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = json.loads(DATA.read_text(encoding="utf-8"))["place_tables"]
    return _Words(frozenset(d["key_headers"]), frozenset(d["kind_headers"]), tuple(d["place_endings"]),
                  frozenset(d["total_labels"]))


@dataclass(frozen=True)
class _Column:
    indicator: str
    unit: str  # "" where the header names no unit the value grammar reads


def _cell(line: str) -> str:
    """A line as one cell: without the bar a text layer closes each cell with (产前筛查数(人) |)."""
    return line.strip(" \t\u3000\r").rstrip("|｜").strip(" \t\u3000")


_KIND_LABEL = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff（）()、·]{1,19}")


def _is_kind(cell: str, w: _Words) -> bool:
    """A row label of a table by kind (肺结核, 病毒性肝炎（乙肝）): words only, no number."""
    return cell in w.total_labels or _KIND_LABEL.fullmatch(cell) is not None


def _is_place(cell: str, w: _Words) -> bool:
    return cell in w.total_labels or (2 <= len(cell) <= 14 and re.fullmatch(r"[\u4e00-\u9fff]+", cell) is not None
                                      and cell.endswith(w.place_endings))


def _column(label: str, group: str = "") -> _Column:
    m = COLUMN_CELL.match(label)
    if m is None:
        return _Column(group + label, "")
    unit = m.group("unit").strip()
    return _Column(group + m.group("indicator").strip(), unit if known_unit(unit) else "")


def _columns(header: list[str], width: int) -> list[_Column] | None:
    """The columns of a header for rows of ``width`` values: flat, of two tiers written tier by tier
    (the last cells of the first tier each over an equal run of the second), or None where it fits not."""
    extra = len(header) - width
    if extra == 0:
        return [_column(h) for h in header]
    if extra < 1:
        return None
    for span in range(2, 6):  # each group's columns in the second tier
        second = header[len(header) - extra * span:]
        first = header[:len(header) - extra * span]
        if len(first) < extra or len(second) != extra * span:
            continue
        runs = [second[i * span:(i + 1) * span] for i in range(extra)]
        groups = first[len(first) - extra:]
        if all(r == runs[0] for r in runs) and len(set(runs[0])) == span and not any(COLUMN_CELL.match(g) for g in groups):
            return [_column(h) for h in first[:len(first) - extra]] + [_column(s, g) for g in groups for s in runs[0]]
    return None


def _value_text(col: _Column, value: str, of: str = "") -> str | None:
    """One cell as the bulletin writes it (宫颈癌完成率100.00%; of a kind: 肺结核发病数2345例), or None where it is
    no number."""
    m = _VALUE_CELL.match(value)
    if m is None:
        return None
    unit = "%" if m.group("percent") else col.unit
    if not unit:
        return f"{of}{col.indicator}：{m.group('number')}"  # no unit the grammar reads: after a colon, as year_tables writes it
    return f"{of}{col.indicator}{m.group('number')}{unit}"


def _year_before(text: str, at: int) -> str:
    found = _YEAR_BEFORE.findall(text, max(0, at - _YEAR_REACH), at)
    return f"{found[-1]}年，" if found else ""


def rewrite_place_tables(text: str) -> str:
    """``text`` with each table by place written one sentence a row; any other text as it was."""
    w = _words()
    if not any(k in text for k in w.key_headers | w.kind_headers):
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    offset = 0  # where lines[i] starts in text
    while i < len(lines):
        key = _cell(lines[i])
        if key in w.key_headers or key in w.kind_headers:
            done = _table(lines, i, w, _year_before(text, offset), by_kind=key in w.kind_headers)
            if done is not None:
                written, j = done
                out += written
                offset += sum(len(x) + 1 for x in lines[i:j])
                i = j
                continue
        out.append(lines[i])
        offset += len(lines[i]) + 1
        i += 1
    return "\n".join(out)


class _Cells:
    """The non-blank lines after a key header as cells, read only as far as they are asked for (a text of
    many key-header lines is not read to its end for each)."""

    def __init__(self, lines: list[str], start: int) -> None:
        self._lines, self._next, self._read = lines, start, []  # type: ignore[var-annotated]

    def __getitem__(self, i: int) -> tuple[int, str] | None:
        while len(self._read) <= i and self._next < len(self._lines):
            cell = _cell(self._lines[self._next])
            if cell:
                self._read.append((self._next, cell))
            self._next += 1
        return self._read[i] if i < len(self._read) else None


def _table(lines: list[str], start: int, w: _Words, year: str, by_kind: bool = False) -> tuple[list[str], int] | None:
    """The sentences of the table whose key header is ``lines[start]`` and the index after it, or None. A
    table by place ends its header at the first place; one by kind (病种 / 发病数(例) / … / 肺结核 / 2345), whose
    labels are words as its header cells are, at the first cell a number follows."""
    cells = _Cells(lines, start + 1)
    key = _cell(lines[start])
    is_label = (lambda cell: _is_kind(cell, w)) if by_kind else (lambda cell: _is_place(cell, w))
    header: list[str] = []
    pos = 0
    while (c := cells[pos]) is not None and not (
            (nxt := cells[pos + 1]) is not None and _VALUE_CELL.match(nxt[1]) and is_label(c[1])
            if by_kind else is_label(c[1])):
        header.append(c[1])
        pos += 1
        if len(header) > _MAX_HEADER:
            return None
    blocks = header.count(key) + 1  # the table set twice side by side: its header repeated after the key
    if blocks > 1:
        size = len(header) - (blocks - 1)
        per = size // blocks
        if size % blocks or any(header[b * (per + 1) - 1] != key for b in range(1, blocks)):
            return None
        header = header[:per]
    width = 0  # the first row's values: how many cells follow its place before the next place
    while (c := cells[pos + 1 + width]) is not None and _VALUE_CELL.match(c[1]):
        width += 1
    if blocks > 1:
        width = len(header)
    cols = _columns(header, width) if header and width else None
    if cols is None or not any(c.unit for c in cols):
        return None
    written: list[str] = []
    end = start
    while (label := cells[pos]) is not None and is_label(label[1]):
        values = [c for k in range(len(cols)) if (c := cells[pos + 1 + k]) is not None]
        name = label[1]
        whole = name in w.total_labels
        # a place opens its row's sentence (桐城市城市低保数286人); a kind names each of its values (肺结核发病数2345例)
        of = "" if whole or not by_kind else name
        parts = [_value_text(col, v, of) for col, (_, v) in zip(cols, values)]
        if len(values) < len(cols) or None in parts:
            break
        place = "全" + name[1] if whole and name[:1] == "全" else ("" if whole or by_kind else name)
        written.append(f"{year}{place}" + "，".join(parts) + "。")  # type: ignore[arg-type]
        end = values[-1][0]
        pos += 1 + len(cols)
    if not written:
        return None
    return written, end + 1
