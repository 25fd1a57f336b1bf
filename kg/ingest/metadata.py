"""Title, date, issuer and document number of a cleaned document."""
from __future__ import annotations

import re

from kg.textnorm import fold

_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［【（](\d{4})[〕\]］】）]\s*第?\d+号")
_ISSUER_LINE = re.compile(r"^[\u4e00-\u9fff（）]{4,30}(?:人民政府|委员会|办公室|办公厅|局|委|厅|部|中心|政府)$")
_NOTICE = re.compile(r"^([\u4e00-\u9fff]{3,30}?(?:人民政府|委员会|办公室|办公厅|局|委|厅|部))(?:办公室)?(?:印发|关于|转发)")
_META_LINE = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]")


def extract_metadata(lines: list[str], folded: list[str] | None = None) -> dict[str, str | None]:
    """Read title, date (ISO), issuer and own document number from the top lines.
    ``folded``: the lines' folded forms, when the caller has them (the reader does:
    folding each line again cost a tenth of reading a page)."""
    if folded is None:
        folded = [fold(ln) for ln in lines[: max(25, len(lines) // 3)]]  # what is read below
    head = lines[:25]
    title = None
    for ln, f in zip(head, folded):
        if _META_LINE.match(f) or DOC_NUMBER.fullmatch(f.strip()) or _DATE.match(f) or _ISSUER_LINE.match(f.strip()):
            continue
        cjk = len(re.findall(r"[\u4e00-\u9fff]", f))
        if 6 <= cjk and len(f) <= 80 and not f.endswith(("：", "。")):
            title = ln.strip()
            break
    date = None
    for f in folded[: max(25, len(lines) // 3)]:
        m = _DATE.search(f)
        if m and 1990 <= int(m.group(1)) <= 2100 and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
            date = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            break
    issuer = None
    number = None
    for f in folded[:25]:
        f = f.strip()
        if number is None and DOC_NUMBER.fullmatch(f):
            number = f
        if issuer is None:
            if _ISSUER_LINE.match(f):
                issuer = f
            else:
                m = _NOTICE.match(f)
                if m:
                    issuer = m.group(1)
    return {"title": title, "date": date, "issuer": issuer, "doc_number": number}
