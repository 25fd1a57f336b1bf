"""Task tables (任务分工表) as the lines of a plan.

An annex that assigns a plan's tasks is most often a table — 序号 | 工作任务 | 牵头单位 |
配合单位 — and reaches the reader as rows of cells: bars in a page copied as text, tabs
from a Word table, one row a line from an HTML table. The cleaner squeezes the white
space between CJK cells and drops bar-separated lines as menus, so the cells would run
together. Here a table whose header names a responsibility column (the labels the relation
rules read, responsibility.json) is written the way a plan writes the same thing in
prose: one numbered measure a row, its units in a labelled clause after it —
``1.开展健康知识普及行动（牵头单位：市卫生健康委；配合单位：市教育局、市体育局）`` — so that
the rules that read plans read tables too. Other columns follow as ``列名：值``. Rows
whose cells do not fit the header are left as they are.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from kg.ingest.clean import responsibility_labels
from kg.textnorm import fold

DATA = Path(__file__).with_name("data_tables.json")
# how the HTML and Word readers write a table row's cells: a control character no text holds,
# so that a row of a table that is no task table goes back to one cell a line
CELL_SEPARATOR = "\x1f"
_BARS = "|｜"
# a Markdown table's rule row (|---|:---:|): no cells
_RULE_ROW = re.compile(r"^[\s|｜:：\-—–]+$")
_NUMBER = re.compile(r"^\d{1,3}[.．、]?$")


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A header's task-column words and number-column words (data_tables.json)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(data["task_column_words"]), tuple(data["number_column_words"])


def row_cells(line: str) -> list[str]:
    """The cells of one row, each stripped, empty ones kept: split at the separator the row
    is written with (the cell separator, tabs, else bars — a bar at either end opens or
    closes the row, no cell)."""
    row = line.strip(" \u3000\r")
    if CELL_SEPARATOR in row:  # the HTML and Word readers set one before each cell
        row = row[1:] if row.startswith(CELL_SEPARATOR) else row
        return [c.strip() for c in row.split(CELL_SEPARATOR)]
    if "\t" in row:  # a trailing tab closes an empty last cell
        return [c.strip() for c in row.split("\t")]
    if not any(b in row for b in _BARS):
        return []
    parts = re.split(r"[|｜]", row)
    if row[:1] in _BARS:
        parts = parts[1:]  # a bar opening the row: no cell before it
    return [c.strip() for c in parts]  # a bar closing it leaves an empty last part: _fit tells which


def _fit(cells: list[str], width: int) -> list[str]:
    """The cells of a row of ``width`` columns: an empty part after the last column is the
    bar that closed the row (… | 市市场监管局 | ), not a cell."""
    if cells and cells[-1] == "" and len(cells) % width == 1:
        return cells[:-1]
    return cells


def _header(cells: list[str], labels: frozenset[str]) -> tuple[int | None, int, tuple[int, ...]] | None:
    """(number column, task column, unit columns) of a header row, or None."""
    folded = [re.sub(r"\s+", "", fold(c)) for c in cells]
    units = tuple(i for i, c in enumerate(folded) if c.rstrip("：:") in labels)
    if not units or len(cells) < 2:
        return None
    task_words, number_words = _words()
    number = next((i for i, c in enumerate(folded) if c in number_words), None)
    tasks = [i for i, c in enumerate(folded) if i not in units and i != number and any(w in c for w in task_words)]
    if not tasks:
        return None
    return number, tasks[0], units


def _rows(lines: list[str], start: int, width: int) -> tuple[list[list[str] | str], int]:
    """The rows after a header of ``width`` cells, from line ``start``: a line of k×width
    cells is k rows (a page that ran rows together); a row with one cell filled is a group
    heading inside the table (一、健康知识普及行动 | | |), kept as a line; blank lines and a
    Markdown rule row are passed over; the table ends at the first line that is no row.
    Returns the rows (a list of cells, or a heading's text) and the index after the table."""
    rows: list[list[str] | str] = []
    i = end = start
    while i < len(lines):
        if not lines[i].strip() or _RULE_ROW.match(lines[i]):
            i += 1  # an HTML row's block leaves a blank line between rows; |---|---|
            continue
        cells = _fit(row_cells(lines[i]), width)
        filled = [c for c in cells if c]
        if len(filled) == 1 and 1 < len(cells) <= width:
            rows.append(filled[0])  # a group heading across the row
        elif len(cells) >= width and len(cells) % width == 0:
            rows.extend(cells[k:k + width] for k in range(0, len(cells), width))
        else:
            break
        i = end = i + 1
    return rows, end


def rewrite_task_tables(text: str) -> str:
    """``text`` with each task table (bars or tabs between cells, a responsibility column in
    its header) written as numbered measures with labelled unit clauses; any other text as it was."""
    if "|" not in text and "｜" not in text and "\t" not in text and CELL_SEPARATOR not in text:
        return text
    labels = responsibility_labels()
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        cells = row_cells(lines[i])
        if cells and cells[-1] == "":
            cells = cells[:-1]  # a header's closing bar
        header = _header(cells, labels) if len(cells) >= 2 else None
        if header is None:
            out.append(lines[i])
            i += 1
            continue
        rows, after = _rows(lines, i + 1, len(cells))
        if not rows:
            out.append(lines[i])
            i += 1
            continue
        number, task, units = header
        k = 0
        for row in rows:
            if isinstance(row, str):
                out.append(row)  # a group heading: the measures after it are its own
                continue
            if not row[task]:
                continue  # a row with no task assigns nothing (cells are stripped by _cells)
            k += 1
            n = row[number].rstrip(".．、") if number is not None and _NUMBER.match(row[number]) else str(k)
            clause = "；".join(f"{cells[j]}：{row[j]}" for j in units if row[j])
            rest = "；".join(f"{cells[j]}：{row[j]}" for j in range(len(row)) if j not in units and j not in (task, number) and row[j])
            line = f"{n}.{row[task]}" + (f"（{clause}）" if clause else "") + (f"{rest}。" if rest else "")
            out.append(line)
        i = after
    # the rows of other tables (a page laid out in a table): one cell a line, as before
    return "\n".join(out).replace(CELL_SEPARATOR, "\n")


# a row's number where a flattened table runs its rows on: 1.健全… / …财政局3.改善… (not 2.5, not 3.5%)
_ROW_NUMBER = re.compile(r"(?<![\d.．%])(\d{1,2})[ \t]*[.．](?=[ \t]*[\u4e00-\u9fff])")
_HEADER_BREAK = re.compile(r"[。，,；;：:！？、]")  # a sentence naming the columns (序号、主要任务、…) is no header
# what stands before a number that opens a cell's own list rather than a row (具体包括：1.…；2.…)
_ITEM_BEFORE = frozenset("：:；;，,（(")
# a group's heading inside the table (一、提升基层能力), after which rows are numbered from 1 again
_GROUP_MARK = re.compile(r"[一二三四五六七八九十]{1,3}[、．.]")
_HEADER_REACH = 48  # how far after its number column a flattened header names a responsibility column


def flattened_header_end(line: str, labels: frozenset[str]) -> int | None:
    """Where the header of a table flattened into running text ends on ``line``
    (…分工方案 序号 主要任务 主要内容 具体内容及目标 责任单位 一…: cells written one after
    another, the cell borders lost): a number column's word, then within a few words and no
    punctuation a task column's and a responsibility column's label. None if it holds none."""
    task_words, number_words = _words()
    kept = [i for i, ch in enumerate(line) if ch not in " \t\u3000"]  # squeezed offset -> line offset
    squeezed = "".join(line[i] for i in kept)
    for word in number_words:
        if len(word) < 2:
            continue  # 序 alone opens too many words (序列, 有序)
        at = squeezed.find(word)
        while at >= 0:
            window = squeezed[at + len(word):at + len(word) + _HEADER_REACH]
            stop = _HEADER_BREAK.search(window)
            window = window[:stop.start()] if stop else window
            ends = [window.find(lab) + len(lab) for lab in labels if lab in window]
            if ends and any(w in window[:max(ends)] for w in task_words):
                return kept[at + len(word) + max(ends) - 1] + 1  # the same place in the unsqueezed line
            at = squeezed.find(word, at + 1)
    return None


def split_flattened_rows(text: str) -> str:
    """``text`` with the rows of a task table that reached the reader as running text (a PDF's
    text layer, a document site's copy: 序号 主要任务 … 责任单位 一强化…1.健全…。市卫健委、发改委
    …2.建设…财政局3.改善…) each begun on a line of its own, so that every row is a numbered
    measure holding its cells. A row is cut only where its number is the next of the table's
    (1, 2, 3 … after the header), so a number of the text is never taken for a row's."""
    if "序号" not in text and "编号" not in text:
        return text  # no header word: no such table (one search, as for most texts)
    labels = responsibility_labels()
    lines = text.split("\n")
    for k, line in enumerate(lines):
        end = flattened_header_end(line, labels)
        if end is None:
            continue
        rest = "\n".join(lines[k:])
        cuts, expected, rows, last = [], 1, 0, end
        for m in _ROW_NUMBER.finditer(rest, end):
            if rest[m.start() - 1:m.start()] in _ITEM_BEFORE:
                continue  # 具体包括：1.…；2.…: a cell's own list, no rows
            number = int(m.group(1))
            group = _GROUP_MARK.search(rest, last, m.start()) if number == 1 and expected > 1 else None
            if group is not None:
                expected = 1  # 二、加强疾病防控 1.…: a group of rows numbered afresh, its heading a line of its own
                if rest[group.start() - 1:group.start()] != "\n":
                    cuts.append(group.start())
            if number != expected:
                continue
            expected += 1
            rows += 1
            last = m.end()
            if m.start() > 0 and rest[m.start() - 1] != "\n":
                cuts.append(m.start())
        if rows < 2:
            return text  # one row or none: no table to split
        cuts.sort()
        pieces = [rest[a:b] for a, b in zip([0] + cuts, cuts + [len(rest)])]
        return "\n".join(lines[:k] + ["\n".join(p.rstrip(" \t") for p in pieces)])
    return text
