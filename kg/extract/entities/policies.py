"""Cited documents: numbers (沪府发〔2019〕16号), 《titles》, policy nicknames, white papers and
deputies' suggestions.
"""
from __future__ import annotations

import re

from kg.extract.anchored import cjk_run_before, finditer_before
from kg.extract.entities.common import (
    BOOK,
    CJK,
    QUOTED,
    TRAILING_PAREN,
    Context,
    strip_region_prefix,
)
from kg.extract.model import (
    POLICY,
    EntityKey,
    Mention,
)
from kg.names.bodies import level_region

# the same, found from its bracketed year: a pattern that opens with [CJK]{1,10} is
# tried at every character of the text
_DOC_NUMBER_TAIL = re.compile(r"[〔\[［【（]\d{4}[〕\]］】）]\s*第?\d+号")


def doc_number_spans(f: str) -> list[tuple[int, int]]:
    """Spans of ``[CJK]{1,10}[〔［【（]\\d{4}[〕］】）]\\s*第?\\d+号``: up to ten CJK
    characters (the issuer's abbreviation), then the bracketed year and the serial number."""
    return [(start, m.end()) for start, m in cjk_run_before(f, _DOC_NUMBER_TAIL, 1, 10)]
# the labels a government page's metadata writes before a document's number
_NUMBER_LABEL = re.compile(r"(?:发文字号|发文文号|文件编号|文号|字号|编号)[：:]?")
_SUGGESTION = re.compile(r"(?:[区市县省])?(?:人大|政协)?[一二三四五六七八九十]+届(?:人大|政协)?[一二三四五六七八九十]+次会议\s*第\s*[\w\-－]+号(?:代表)?(?:建议|议案|提案)")
# what _SUGGESTION holds before 次会议 (it opens with optional parts: no literal to search for)
_SUGGESTION_RUN = frozenset("区市县省人大政协一二三四五六七八九十届")


def find_policy_documents(ctx: Context, own_number: str | None) -> list[Mention]:
    f = ctx.folded
    g = ctx.g
    out: list[Mention] = []
    numbers = {}
    for s, end in doc_number_spans(f):
        # the issuer abbreviation starts after any word that ends before it
        while s < end and g.boundary_before(f, s) is False and f[s] in g.stop_chars:
            s += 1
        bracket = _DOC_NUMBER_TAIL.search(f, s, end).start()
        labels = list(_NUMBER_LABEL.finditer(f, s, bracket))
        if labels:
            s = labels[-1].end()  # 文号藏政发〔2017〕23号, 办公厅文号内政办发〔…〕: a metadata label is no part of it
        lead_in = max((k + len(w) for w in g.doc_number_lead_ins if (k := f.rfind(w, s, bracket)) >= 0), default=s)
        s = max(s, lead_in)  # 已以闽政办〔2018〕64号: the words before the issuer's abbreviation
        numbers[(s, end)] = re.sub(r"\s+", "", f[s:end])
    number_at = {s: num for (s, _e), num in numbers.items()}
    for (s, e), num in numbers.items():
        out.append(Mention(s, e, EntityKey(POLICY, num), ctx.surface(s, e)))
    for m in BOOK.finditer(f):
        title = m.group(1)
        bare = TRAILING_PAREN.sub("", title).strip()
        # 《健康素养66条》: a document known by the count of its articles is one too
        if len(bare) < 4 or not (bare.endswith(g.policy_heads) or POLICY_NICKNAME.match(bare)):
            continue
        # 《T》（沪府发〔2019〕16号）: the number names the document, the title is an alias
        after = f[m.end():m.end() + 3]
        key_name = None
        if after.startswith(("（", "(")):
            key_name = next((number_at[k] for k in range(m.end(), m.end() + 3) if k in number_at), None)
        name = key_name or "《" + title + "》"
        out.append(Mention(m.start(), m.end(), EntityKey(POLICY, name), ctx.surface(m.start(), m.end())))
    # the document's own number and the 《title》 it issues ("印发《T》的通知")
    if own_number:
        for m in BOOK.finditer(f[:400]):
            line_start = f.rfind("\n", max(0, m.start() - 400), m.start()) + 1
            line = f[line_start:f.find("\n", m.end()) if f.find("\n", m.end()) >= 0 else len(f)]
            before = line[:m.start() - line_start].rstrip()
            # 关于印发《T》的通知 and 《T》…现印发给你们 issue T; 关于印发贯彻《A》、实施《B》…的通知 cites A
            # and issues another
            cited_by_issued = "印发" in before and not before.endswith(g.issuing_verbs)
            after = line[m.end() - line_start:].split("。", 1)[0]
            issued = (before.endswith(g.issuing_verbs) or after.startswith(g.issuing_verbs) or "印发给" in after
                      or "印发" in m.group(0))  # 《…关于印发…的通知》: the notice's own title
            if not cited_by_issued and (issued or "关于" in line[:m.start() - line_start + 2]):
                out.append(Mention(m.start(), m.end(), EntityKey(POLICY, own_number), ctx.surface(m.start(), m.end())))
                break
    # the document's own title line, where its number is given only above the text (an
    # information-disclosure table, kg.ingest.infotable): the document by its number, the title an alias
    if own_number and ctx.title and not any(x.key.name == own_number for x in out):
        at = f.find(ctx.title, 0, 800)
        if at >= 0 and len(ctx.title) >= 8:
            out.append(Mention(at, at + len(ctx.title), EntityKey(POLICY, own_number), ctx.surface(at, at + len(ctx.title))))
    # every occurrence of a title that was once given with its number names that number
    by_title: dict[str, EntityKey] = {}
    for x in out:
        if x.key.name != ctx.folded[x.start:x.end] and ctx.folded[x.start:x.start + 1] == "《":
            by_title[ctx.folded[x.start:x.end]] = x.key
    out = [Mention(x.start, x.end, by_title.get(ctx.folded[x.start:x.end], x.key), x.surface, x.region)
           if x.key.name.startswith("《") else x for x in out]
    # “健康服务业50条”: a policy known by its nickname
    for q in QUOTED.finditer(f):
        if POLICY_NICKNAME.match(q.group(1)):
            out.append(Mention(q.start(1), q.end(1), EntityKey(POLICY, q.group(1)), ctx.surface(q.start(1), q.end(1))))
    # 健康城市白皮书: white papers are documents even without 《》
    for m in re.finditer(r"(白皮书|蓝皮书)", f):
        s = g.left_extend(f, m.start(), max_len=14)
        if f[s - 1:s] == "《" or m.start() - s < 2:
            continue
        after, region = strip_region_prefix(ctx, s, m.start())
        name = f[s:m.end()]
        if region is None and ctx.doc_region is not None:
            name = ctx.doc_region.name + name
        out.append(Mention(s, m.end(), EntityKey(POLICY, name), ctx.surface(s, m.end())))
    for m in finditer_before(_SUGGESTION, f, "次会议", _SUGGESTION_RUN):
        text = re.sub(r"\s+", "", m.group(0))
        level = text[0] if text[0] in "区市县省" else ""
        region = level_region(level, ctx.level_base) if level else ctx.doc_region
        name = (region.name if region else "") + (text[1:] if level else text)
        out.append(Mention(m.start(), m.end(), EntityKey(POLICY, name), ctx.surface(m.start(), m.end())))
    return out


POLICY_NICKNAME = re.compile(rf"^[{CJK}]{{2,12}}(?:\d+|[一二三四五六七八九十百]+)条$")
