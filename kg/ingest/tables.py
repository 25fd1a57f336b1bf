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

import re

from kg.ingest.clean import responsibility_labels
from kg.textnorm import fold

# how the HTML and Word readers write a table row's cells: a control character no text holds,
# so that a row of a table that is no task table goes back to one cell a line
CELL_SEPARATOR = "\x1f"
_SPLIT = re.compile(r"\s*[|｜\t\x1f]\s*")
# a header cell that holds the task itself
_TASK_WORDS = ("任务", "内容", "措施", "事项", "项目", "指标", "工作")
_NUMBER_WORDS = ("序号", "编号", "序")
_NUMBER = re.compile(r"^\d{1,3}[.．、]?$")


def _cells(line: str) -> list[str]:
    parts = _SPLIT.split(line.strip(" \u3000"))
    if parts and parts[0] == "":
        parts = parts[1:]
    if parts and parts[-1] == "":
        parts = parts[:-1]
    return parts


def _header(cells: list[str], labels: frozenset[str]) -> tuple[int | None, int, dict[int, str]] | None:
    """(number column, task column, {unit column: its label}) of a header row, or None."""
    folded = [re.sub(r"\s+", "", fold(c)) for c in cells]
    units = {i: cells[i].strip() for i, c in enumerate(folded) if c.rstrip("：:") in labels}
    if not units or len(cells) < 2:
        return None
    number = next((i for i, c in enumerate(folded) if c in _NUMBER_WORDS), None)
    tasks = [i for i, c in enumerate(folded) if i not in units and i != number and any(w in c for w in _TASK_WORDS)]
    if not tasks:
        return None
    return number, tasks[0], units


def _rows(lines: list[str], start: int, width: int) -> tuple[list[list[str]], int]:
    """The rows after a header of ``width`` cells, from line ``start``: a line of k×width
    cells is k rows (a page that ran rows together); the table ends at the first line that
    is no row. Returns the rows and the index of the line after the table."""
    rows: list[list[str]] = []
    i = end = start
    while i < len(lines):
        if not lines[i].strip():
            i += 1  # an HTML row's block leaves a blank line between rows
            continue
        cells = _cells(lines[i])
        if len(cells) < width or len(cells) % width:
            break
        rows.extend(cells[k:k + width] for k in range(0, len(cells), width))
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
        cells = _cells(lines[i]) if any(ch in lines[i] for ch in ("|", "｜", "\t", CELL_SEPARATOR)) else []
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
        names = [c.strip() for c in cells]
        for k, row in enumerate(rows, 1):
            n = row[number].strip().rstrip(".．、") if number is not None and _NUMBER.match(row[number].strip()) else str(k)
            clause = "；".join(f"{names[j]}：{row[j].strip()}" for j in sorted(units) if row[j].strip())
            rest = "；".join(f"{names[j]}：{row[j].strip()}" for j in range(len(row))
                            if j not in units and j not in (task, number) and row[j].strip())
            line = f"{n}.{row[task].strip()}" + (f"（{clause}）" if clause else "") + (f"{rest}。" if rest else "")
            out.append(line)
        i = after
    # the rows of other tables (a page laid out in a table): one cell a line, as before
    return "\n".join(out).replace(CELL_SEPARATOR, "\n")
