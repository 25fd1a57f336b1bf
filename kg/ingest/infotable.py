"""The information-disclosure table at the top of a government page (政府信息公开).

Such pages set the document's own name, number and date in a table above its text —
``索 引 号: | WA0310004-2021-002 | 主题分类: | 区府办文件 |`` / ``文 号: | 嘉府发〔2021〕34号 |``
— which the cleaner drops as page chrome, separators and all. Read before cleaning, the
table gives the document's title, its own number and its date where its text may give
none of them. The labels are data (data_infotable.json); a value is read only where a
label stands at the start of a cell, so prose that mentions a 文号 gives nothing.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from kg.textnorm import fold

DATA = Path(__file__).with_name("data_infotable.json")
# what may stand before a label in its cell: a bullet, a bar, white space
_CELL_OPEN = r"(?:^|(?<=[\s|｜•·●▪]))"
_SENTENCE = re.compile(r"[。；！？]")  # a title is no sentence


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], re.Pattern[str], int]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    labels = sorted(set(data["fields"]) | set(data["other_labels"]), key=len, reverse=True)
    # a label may be written with spaces between its characters (索 引 号, 名  称)
    spaced = "|".join("[ \t]*".join(map(re.escape, label)) for label in labels)
    pattern = re.compile(_CELL_OPEN + r"(" + spaced + r")[ \t]*(?:[:：|｜][ \t]*|(?=[ \t])|$)")
    return dict(data["fields"]), pattern, int(data["rows"])


@lru_cache(maxsize=1)
def info_labels() -> tuple[str, ...]:
    """Every label of the disclosure table (索引号, 发布机构, 成文日期 …), longest first: a line
    opening with one is a row of the table, no title."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(sorted(set(data["fields"]) | set(data["other_labels"]), key=len, reverse=True))


def read_info_table(lines: list[str]) -> dict[str, str]:
    """The title, doc_number and date (ISO) the table at the top of ``lines`` gives, for
    those it gives; empty where there is no table. A label alone on its line takes the
    next line as its value (索引号 / 000014349/2018-00073)."""
    fields, label_re, rows = _table()
    out: dict[str, str] = {}
    raw = [ln.strip() for ln in lines[:rows]]
    head = [fold(ln) for ln in raw]
    for i, line in enumerate(head):
        # values are taken from the line as written (its script) where folding kept its length
        written = raw[i] if len(raw[i]) == len(line) else line
        found = list(label_re.finditer(line))
        for j, m in enumerate(found):
            label = re.sub(r"[ \t]", "", m.group(1))
            end = found[j + 1].start() if j + 1 < len(found) else len(line)
            value = written[m.end():end].strip(" \t|｜•·")
            if not value and j + 1 == len(found) and m.end() >= len(line.rstrip(" |｜:：")) and i + 1 < len(head):
                nxt = head[i + 1]
                if nxt and not label_re.match(nxt):
                    value = (raw[i + 1] if len(raw[i + 1]) == len(nxt) else nxt).strip(" \t|｜•·")
            field = fields.get(label)
            if field and value and field not in out:
                parsed = _parse(field, value)
                if parsed:
                    out[field] = parsed
    return out


def _parse(field: str, value: str) -> str | None:
    from kg.ingest.metadata import DOC_NUMBER, iso_date

    if field == "doc_number":
        m = DOC_NUMBER.search(fold(value).replace(" ", ""))
        return m.group(0) if m else None
    if field == "date":
        return iso_date(fold(value))
    return value if 6 <= len(re.findall(r"[\u4e00-\u9fff]", value)) and len(value) <= 120 and not _SENTENCE.search(value) else None
