"""Title, date, issuer and document number of a cleaned document."""
from __future__ import annotations

import re

from kg.ingest.clean import is_furniture, is_site_banner
from kg.ingest.infotable import info_labels
from kg.textnorm import fold

_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［【（](\d{4})[〕\]］】）]\s*第?\d+号")
_ISSUER_LINE = re.compile(r"^[\u4e00-\u9fff（）]{4,30}(?:人民政府|委员会|办公室|办公厅|局|委|厅|部|中心|政府)$")
_NOTICE = re.compile(r"^([\u4e00-\u9fff]{3,30}?(?:人民政府|委员会|办公室|办公厅|局|委|厅|部))(?:办公室)?(?:印发|关于|转发)")
_META_LINE = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]")
# how the title of a plan, an opinion, a notice or a report ends
_TITLE_ENDINGS = ("行动", "方案", "计划", "意见", "通知", "要点", "办法", "规划", "报告", "答复", "决定", "纲要", "细则", "措施", "函")
_SENTENCE_MARK = re.compile(r"[，。；：！？]")
# the rest of a name in 《》 broken over two lines, and what a notice's title says after it
_TITLE_CLOSE = re.compile(r"[^《》，。；：！？]{1,40}》(?:的(?:通知|意见|函|批复|决定|报告))?")


def iso_date(folded: str) -> str | None:
    """The first date written in ``folded`` (2021年4月6日, 2021-12-09), as ISO, where it can be one."""
    m = _DATE.search(folded)
    if m and 1990 <= int(m.group(1)) <= 2100 and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None


# a dateline written day first, as some pages print it above an article (24.02.2017  22:41): the whole line
_DAY_FIRST_LINE = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*")
# a date line of its own in Chinese (2019年12月25日): under the issuing bodies, the date a notice was signed
_SIGNED_LINE = re.compile(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*")
# a page's label before the date it gives the article (更新时间：2012-07-18 11:23:36)
_DATE_LABEL = re.compile(r"(?:发布|更新|发稿|上传|录入)(?:时间|日期)\s*[：:]\s*")
_SIGNER_ENDINGS = ("局", "委", "会", "厅", "政府", "办公室", "办", "中心", "部", "院")


def dropped_date(header: list[str], dropped: list[str]) -> str | None:
    """The date of a document whose kept lines give none, from the lines the cleaner dropped
    as chrome: a dateline above the article (2019-08-08 10:11:58, or day first: 24.02.2017 22:41),
    a page's labelled date (更新时间：2012-07-18), or a notice's signing date, the line of its own
    under the issuing bodies (常州市财政局 / 2019年12月25日). A bare date among the lines below the
    article (a related-news list) dates nothing."""
    for ln in header:
        found = iso_date(ln) or _day_first(ln)
        if found:
            return found
    for prev, ln in zip([""] + dropped, dropped):
        f = fold(ln)
        label = _DATE_LABEL.search(f)
        if label:
            found = iso_date(f[label.end():])
            if found:
                return found
        if _SIGNED_LINE.fullmatch(f) and fold(prev).strip().endswith(_SIGNER_ENDINGS):
            return iso_date(f)
    return None


def _day_first(line: str) -> str | None:
    m = _DAY_FIRST_LINE.fullmatch(line)
    return iso_date(f"{m.group(3)}-{m.group(2)}-{m.group(1)}") if m else None


def _titled_line_below(head: list[str], folded: list[str], i: int, reach: int = 3) -> int | None:
    """A line just below line ``i`` (one of the page's first) that ends as a title does (…的通知, …实施方案), where line ``i``
    does not and no sentence stands between them: the document's title under a short row of the
    page (登录电话咨询, a site's menu run together)."""
    row = folded[i].strip()
    if row.endswith(_TITLE_ENDINGS) or len(row) > 10 or any(ch in row for ch in "《》“”"):
        return None  # a headline over the notice it reports (闵行区发布《…》) stays the title
    for j in range(i + 1, min(len(head), len(folded), i + 1 + reach)):
        f = folded[j].strip()
        if _SENTENCE_MARK.search(f):
            return None
        if 6 <= len(re.findall(r"[\u4e00-\u9fff]", f)) and len(f) <= 80 and f.endswith(_TITLE_ENDINGS) and "关于" in f:
            return j
    return None


_ROW_BULLETS = "-*•·●▪"  # what opens a disclosure table's row written as a list (- 标题: …)


def extract_metadata(lines: list[str], folded: list[str] | None = None) -> dict[str, str | None]:
    """Read title, date (ISO), issuer and own document number from the top lines.
    ``folded``: the lines' folded forms, when the caller has them (the reader does:
    folding each line again cost a tenth of reading a page)."""
    if folded is None:
        folded = [fold(ln) for ln in lines[: max(25, len(lines) // 3)]]  # what is read below
    head = lines[:25]
    title = None
    for i, (ln, f) in enumerate(zip(head, folded)):
        if _META_LINE.match(f) or DOC_NUMBER.fullmatch(f.strip()) or _DATE.match(f) or _ISSUER_LINE.match(f.strip()):
            continue
        if "".join(f.split()).lstrip(_ROW_BULLETS).startswith(info_labels()) and not f.strip().endswith(_TITLE_ENDINGS):
            continue  # 发布机构 卫健委 文号 (- 发布机构: …, a list of them): a row of the page's disclosure table
        if is_furniture(f) or is_site_banner(f):
            continue  # 首页 > 地方文件, 法搜网--中国法律信息搜索网: the site's, not the document's
        cjk = len(re.findall(r"[\u4e00-\u9fff]", f))
        if 6 <= cjk and len(f) <= 80 and not f.endswith(("：", "。")):
            later = _titled_line_below(head, folded, i) if i < 3 else None
            if later is not None:
                i, ln, f = later, head[later], folded[later]  # 登录电话咨询 / 江苏省…的通知: the page's row, then the title
            title = ln.strip()
            # a title set over two lines: 海南省健康体重管理与健康食品产业 / 发展行动
            if i + 1 < len(head) and not f.strip().endswith(_TITLE_ENDINGS):
                nxt = folded[i + 1].strip()
                if 2 <= len(nxt) <= 20 and nxt.endswith(_TITLE_ENDINGS) and not _SENTENCE_MARK.search(nxt):
                    title += head[i + 1].strip()
                elif f.count("《") > f.count("》"):
                    # a line break inside the plan's name: 关于印发《秀英区 / 2019年…工作实施方案》的通知
                    closed = _TITLE_CLOSE.match(nxt)
                    if closed:
                        title += head[i + 1].strip()[:closed.end()]
            break
    date = next((d for d in map(iso_date, folded[: max(25, len(lines) // 3)]) if d), None)
    number = None
    for f in folded[:25]:
        f = f.strip()
        if number is None and DOC_NUMBER.fullmatch(f):
            number = f
    return {"title": title, "date": date, "issuer": _issuer(title, lines, folded), "doc_number": number}


def _issuer(title: str | None, lines: list[str], folded: list[str]) -> str | None:
    """The body a document speaks for, read from the document itself, never from page
    chrome: the notice's own wording (X关于印发…), else the signature block (a body's
    name over the date at the end), else a body's name right above or below the title."""
    ftitle = fold(title).strip() if title else ""
    m = _NOTICE.match(ftitle) if ftitle else None
    if m:
        return m.group(1)
    tail = [fold(ln).strip() for ln in lines[-12:]]
    for a, b in zip(tail, tail[1:]):
        if _ISSUER_LINE.match(a) and _DATE.match(b):
            return a
    if ftitle:
        head = [f.strip() for f in folded[:25]]
        for i, f in enumerate(head):
            if f == ftitle:
                # a letterhead: the body's name over the title, or over the number over it
                above = [i - 1] + ([i - 2] if i >= 2 and DOC_NUMBER.fullmatch(head[i - 1]) else [])
                for j in above + [i + 1, i + 2]:
                    if 0 <= j < len(head) and _ISSUER_LINE.match(head[j]):
                        return head[j]
                break
    for f in folded[:25]:
        m = _NOTICE.match(f.strip())
        if m:
            return m.group(1)
    return None
