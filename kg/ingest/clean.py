"""Boilerplate removal by general signals.

Portal pages wrap an article in navigation, share bars, related-news lists, link spam
and sometimes print the body twice. The cleaner keeps the article body using signals
that hold across sites: whether a line reads like prose (length, sentence
punctuation), separator density (menus, breadcrumbs, spam), repeated lines, and the
position of generic trailer cues after the body has begun.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy

from kg.ingest.formats import YEAR_LINE
from kg.paths import RESPONSIBILITY_DATA
from kg.textnorm import fold_lines, repair_ideographs, squeeze_cjk_spaces

_SENT_PUNCT = re.compile(r"[。，；：！？]")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[\.．、](?!\d)|（\d{1,2}）|[①-⑳])")
_BULLET = re.compile(r"^[•·\-\*■□▪●◆◇>»]+\s*")
_DATE_ONLY = re.compile(r"^\s*\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")


@lru_cache(maxsize=1)
def _config() -> dict:
    return json.loads((Path(__file__).with_name("data_boilerplate.json")).read_text(encoding="utf-8"))


@dataclass
class Line:
    text: str          # as written (spaces squeezed)
    folded: str        # folded for matching
    cjk: int           # number of CJK characters (cjk_counts, for a page at once)
    kind: str = "text"  # prose | heading | short | spam | menu | date


def cjk_counts(lines: list[str]) -> list[int]:
    """The number of CJK ideographs (U+3400-U+9FFF) in each of
    ``lines`` (none holding "\\n"), for a whole page in a few array operations: a
    regex per line cost 2 µs a line, 1.5% of a build."""
    if not lines:
        return []
    points = numpy.frombuffer("\n".join(lines).encode("utf-32-le", "surrogatepass"), dtype="<u4")
    seen = numpy.concatenate(([0], numpy.cumsum((points >= 0x3400) & (points <= 0x9FFF))))
    lengths = numpy.fromiter(map(len, lines), dtype=numpy.int64, count=len(lines))
    ends = numpy.cumsum(lengths + 1) - 1
    return (seen[ends] - seen[ends - lengths]).tolist()


@lru_cache(maxsize=1)
def _separators() -> re.Pattern[str]:
    words = sorted(sorted(set(_config()["separators"])), key=len, reverse=True)
    if all(len(w) == 1 for w in words):
        # single characters: a class, which the regex engine scans for, where an
        # alternation would be tried at every character of every line
        return re.compile("[" + "".join(map(re.escape, words)) + "]")
    return re.compile("|".join(map(re.escape, words)))


def _classify(line: Line) -> str:
    f = line.folded
    seps = len(_separators().findall(f))
    cjk = line.cjk
    prose_like = cjk >= 12 and _SENT_PUNCT.search(f) is not None
    # separators make a line a menu or a breadcrumb only where they are dense or the line
    # is no prose: "2.72/10万、1.44‰和9.5/10万。" is a sentence whatever its slashes, and so
    # is a short one that ends as sentences end with only slashes in it ("比例达到1/3、1/2和2/3。"):
    # menus, breadcrumbs and link spam end with no full stop
    if seps and _ends_sentence(f, cjk) and set(_separators().findall(f)) == {"/"}:
        seps = 0
    if (seps >= 3 and (not prose_like or seps * 12 > len(f))) or (seps >= 2 and not _SENT_PUNCT.search(f)):
        return "spam"
    if _DATE_ONLY.match(f):
        return "date"
    if _BULLET.match(line.text) and cjk <= 12:
        return "menu"
    if _HEADING.match(f) and len(f) <= 80:
        return "heading"
    if cjk >= 12 and _SENT_PUNCT.search(f):
        return "prose"
    return "short"


_SENTENCE_END = frozenset("。！？；")


def _ends_sentence(folded: str, cjk: int) -> bool:
    """Does the line end as a sentence does, with words in it (four ideographs or more)?"""
    return cjk >= 4 and folded.rstrip()[-1:] in _SENTENCE_END


def _is_trailer(folded: str) -> bool:
    s = _BULLET.sub("", folded).strip()
    return s.startswith(_trailer_cues())


@lru_cache(maxsize=1)
def _repeatable() -> tuple[str, ...]:
    """Lines a document may write more than once (责任单位：X牵头 after several measures):
    those opening with a responsibility or deadline label (the relation rules' own lists, so a
    label they read is never dropped as a body printed twice) or with one of the config's."""
    labels = responsibility_labels() | timing_labels()
    return tuple(sorted(set(_config()["repeatable"]) | labels | {"（" + w for w in labels}))


@lru_cache(maxsize=1)
def _responsibility_data() -> dict:
    """The relation rules' data, read once for the labels below."""
    return json.loads(RESPONSIBILITY_DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def responsibility_labels() -> frozenset[str]:
    """The labels of responsibility lines (牵头单位, 协办单位 …), from the relation rules' data."""
    groups = _responsibility_data()["labels"]
    return frozenset(w for kind, words in groups.items() if not kind.startswith("_") for w in words)


@lru_cache(maxsize=1)
def timing_labels() -> frozenset[str]:
    """The labels of a task's time column (完成时限, 责任期限 …), from the relation rules' data: a
    task table writes the same deadline under many tasks (责任期限：2010年底前完成)."""
    return frozenset(_responsibility_data()["timing"]["labels"])


def join_label_lines(lines: list[Line]) -> list[Line]:
    """A responsibility label that a page set on a line of its own, its units on the next
    (牵头单位： / 光明区卫生健康局, as a table's cells are copied), as one line: 牵头单位：光明区卫生健康局."""
    labels = responsibility_labels()
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        label = ln.folded.strip().rstrip("：:").strip()
        if label in labels and ln.folded.strip().endswith(("：", ":")) and i + 1 < len(lines) \
                and len(lines[i + 1].folded.strip()) <= 60:
            nxt = lines[i + 1]
            out.append(Line(ln.text.strip() + nxt.text.strip(), ln.folded.strip() + nxt.folded.strip(), ln.cjk + nxt.cjk,
                            "prose"))
            i += 2
            continue
        out.append(ln)
        i += 1
    return out


@lru_cache(maxsize=1)
def _trailer_cues() -> tuple[str, ...]:
    return tuple(_config()["trailer_cues"])


@lru_cache(maxsize=1)
def _furniture() -> tuple[tuple[str, ...], tuple[str, ...], int, re.Pattern[str], tuple[str, ...]]:
    cfg = _config()["furniture"]
    marks, labels, crumbs = tuple(cfg["footer_marks"]), tuple(cfg["metadata_labels"]), tuple(cfg["navigation_openings"])
    # one search tells the lines that hold none of the words (nearly all) from the rest
    any_word = re.compile("|".join(map(re.escape, sorted(marks + labels + crumbs, key=len, reverse=True))))
    return marks, labels, int(cfg["metadata_short_line"]), any_word, crumbs


def is_furniture(folded: str) -> bool:
    """Is this line a portal's footer or an article's metadata line (data_boilerplate.json,
    "furniture")? Such a line names the site's or the feed's bodies (来源：X, 主办：X 版权所有),
    which are no part of what the text says; the reader still reads the date from it."""
    marks, labels, short, any_word, crumbs = _furniture()
    f = "".join(folded.split()) if " " in folded or "\t" in folded else folded  # 来 源：of a PDF's text layer
    if any_word.search(f) is None:
        return False
    if any(m in f for m in marks):
        return True
    if f.startswith(crumbs) and len(f) <= short and not _SENT_PUNCT.search(f.replace("：", "")):
        return True  # 首页 > 地方文件, 当前位置：…: a breadcrumb, not a sentence that opens with 首页
    if f.startswith(labels) and len(f) <= short:
        return True
    # two labels, each counted once where one holds another (联系电话： holds 电话：): a sentence that
    # gives one contact (报送区健康教育所(联系电话:8529325)) is body text, not a metadata line
    return sum(1 for m in any_word.finditer(f) if m.group(0) in labels) >= 2


@lru_cache(maxsize=1)
def _site_banners() -> tuple[tuple[str, ...], tuple[str, ...], re.Pattern[str], frozenset[str]]:
    cfg = _config()["site_banners"]
    seps = re.compile("|".join(map(re.escape, sorted(cfg["separators"], key=len, reverse=True))))
    return tuple(cfg["openings"]), tuple(cfg["endings"]), seps, frozenset(cfg["lines"])


def is_site_banner(folded: str) -> bool:
    """Does this line name the site that prints the document (法搜网--中国法律信息搜索网, 欢迎光临…门户网)
    rather than the document (data_boilerplate.json, "site_banners")? No title, though the line is kept."""
    openings, endings, seps, sections = _site_banners()
    f = "".join(folded.split()).rstrip("!！。 ")
    if f.startswith(openings) or f.endswith(endings) or f in sections:
        return True
    parts = [p for p in seps.split(f) if p]
    return len(parts) > 1 and any(p.endswith("网") for p in parts)


# An ASCII full stop where 。 belongs, as PDF text layers and some pages write it (提高到26%以上.城、乡居民…):
# after a CJK character, a closing bracket or %, before a CJK character or the line's end. A decimal (36.6), a list number (1.)
# and a web address (www.gov.cn) have a digit or a Latin letter beside the dot, and stay.
_ASCII_STOP = re.compile(r"(?<=[\u3400-\u9fff）)%”])\.(?=[\u3400-\u9fff（(“\n]|$)")


def full_stops(folded: str) -> str:
    """``folded`` with an ASCII full stop between Chinese text folded to 。 (one character
    for one: offsets stay)."""
    return _ASCII_STOP.sub("。", folded) if "." in folded else folded


# where a page flattened a plan into one line, a heading after a full stop and a space began a line:
# …能力。 1.推进全域急救一体化。 / 。 (二)完善… / 。 三、… (spaces are squeezed out after, so this runs first)
# the marks a section heading opens with where a flattened line runs headings on: 三、 / （二） / 1.推进
_SECTION_MARK = r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
_HEADING_START = _SECTION_MARK + r"|\d{1,2}[.．、][\u4e00-\u9fff]"
_FLATTENED_HEADING = re.compile(r"(?<=[。；！？])[ \u3000]+(?=" + _HEADING_START + ")"
                                # 三、主要任务及责任单位  (一)爱国卫生组织管理  1、…: a heading's title, two spaces, a deeper heading
                                r"|(?<=[\u4e00-\u9fff])[ \u3000]{2,}(?=" + _HEADING_START + ")")
# 一、指导思想  以党的…: a heading's short title, then two spaces, then its body
_TITLE_THEN_BODY = re.compile(r"^((?:" + _SECTION_MARK + r"|\d{1,2}[.．、])[^，。；：,;:\s]{2,15})[ \u3000]{2,}(?=\S)")


# a table's drawn border at either end of a line (杭州市人民政府办公厅关于…的实施意见 | ||||||||): no text
_TABLE_RULES = re.compile(r"^[ \t|｜]*[|｜][ \t|｜]*[|｜][ \t|｜]*[|｜][ \t|｜]*|[ \t|｜]*[|｜][ \t|｜]*[|｜][ \t|｜]*[|｜][ \t|｜]*$")


def without_table_rules(line: str) -> str:
    """The line without a drawn table border at its ends (only a line with a bar is searched)."""
    return _TABLE_RULES.sub("", line) if "|" in line or "｜" in line else line


# …，(责任单位:区卫生健康局、区财政局等)2.政府举办的… / …等)(二)提升… / …等)三、组织实施: a heading run on,
# with no space, right after a full stop or the closing bracket of an item's responsibility clause (a bracket
# holding a label the relation rules read: 责任单位, 牵头单位 …); an enumeration in prose (…：（一）…；（二）…) is none
_RUN_ON_HEADING = re.compile(r"(?<=[）)。])(?=" + _HEADING_START + ")")
# a heading that opens a piece of such a line, and the first deeper heading run on to its text:
# 二、重点任务(一)建立… / (二)提升…建设行动5.打造…
_OPENING_HEADING = re.compile("^(?:" + _SECTION_MARK + ")")
_RUN_ON_FIRST_ITEM = re.compile(r"(?<=[\u4e00-\u9fff])(?=[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．][\u4e00-\u9fff])")
_RUN_ON_LEAST = 3  # headings run on before a line is read as a plan flattened into one line


def _closes_a_clause(line: str, at: int) -> bool:
    """Does the bracket closing before ``at`` close a responsibility clause ((责任单位:A、B等))?"""
    opened = max(line.rfind("(", 0, at - 1), line.rfind("（", 0, at - 1))
    inside = line[opened + 1:at - 1] if opened >= 0 else ""
    return opened >= 0 and at - opened <= 120 and any(w in inside for w in responsibility_labels())


def unflatten(line: str) -> list[str]:
    """A long line split where it holds headings run together (a page's layout lost), else
    the line itself: after a full stop and a space (…能力。 1.推进…), or, where at least
    three headings run on with no space after a closing bracket or a full stop (a plan
    whose responsibility clauses close each item: …(责任单位:A、B等)2.…), there and
    before a first item run on to its heading's text (…行动1.…)."""
    if len(line) < 120:
        return [line]
    if " " in line or "\u3000" in line:
        parts = _FLATTENED_HEADING.split(line)
        if len(parts) > 1:
            out = []
            for part in parts:
                title = _TITLE_THEN_BODY.match(part)
                out.extend([title.group(1), part[title.end():]] if title else [part])
            return out
    cuts = [m.start() for m in _RUN_ON_HEADING.finditer(line) if line[m.start() - 1] == "。" or _closes_a_clause(line, m.start())]
    if len(cuts) < _RUN_ON_LEAST:
        return [line]
    out: list[str] = []
    for piece in (line[a:b] for a, b in zip([0] + cuts, cuts + [len(line)])):
        while _OPENING_HEADING.match(piece):  # its heading's text, then the first deeper heading
            m = _OPENING_HEADING.match(piece)
            cut = _RUN_ON_FIRST_ITEM.search(piece, m.end() + 2)
            if cut is None or cut.start() - m.end() > 40:
                break
            out.append(piece[:cut.start()])
            piece = piece[cut.start():]
        if piece:
            out.append(piece)
    return out


def clean_text(raw: str) -> tuple[list[str], list[str]]:
    """Split ``raw`` into (kept lines, dropped lines)."""
    kept, dropped = clean_lines(raw)
    return [ln.text for ln in kept], dropped


def clean_lines(raw: str, header_drops: list[str] | None = None) -> tuple[list[Line], list[str]]:
    """Split ``raw`` into (kept lines, with their folded forms; dropped lines). Where
    ``header_drops`` is given, the folded forms of the lines dropped above the first
    paragraph are added to it: a page's dateline (2019-08-08 10:11:58) is dropped as chrome,
    but it is the date the reader wants."""
    # radicals are repaired over the whole page in one search: the repair maps no
    # whitespace or line break, so its lines are the lines repaired one by one
    texts = [t for t in (squeeze_cjk_spaces(without_table_rules(r).strip()) for line in repair_ideographs(raw).splitlines()
                         for r in unflatten(line)) if t]
    folded = [full_stops(f) for f in fold_lines(texts)]
    lines: list[Line] = []
    for t, f, n in zip(texts, folded, cjk_counts(folded)):
        ln = Line(t, f, n)
        ln.kind = _classify(ln)
        lines.append(ln)
    if not lines:
        return [], []

    prose_idx = [i for i, ln in enumerate(lines) if ln.kind in ("prose", "heading")]
    first_body = prose_idx[0] if prose_idx else 0
    first_prose = next((i for i in prose_idx if lines[i].kind == "prose"), len(lines))
    # Trailer: the first cue line after the body began ends the body, provided most
    # of the prose lies before it (a cue in a header menu must not cut the article).
    end = len(lines)
    for i in range(first_body + 1, len(lines)):
        if _is_trailer(lines[i].folded):
            before = sum(lines[j].cjk for j in range(first_body, i) if lines[j].kind == "prose")
            after = sum(lines[j].cjk for j in range(i, len(lines)) if lines[j].kind == "prose")
            if before >= after * 0.5:
                end = i
                # a short title line of the trailer block ("X招商项目") goes with it
                while end - 1 > first_body and lines[end - 1].kind in ("short", "menu", "spam", "date"):
                    end -= 1
                break

    kept: list[Line] = []
    dropped: list[str] = []
    seen: set[str] = set()
    for i, ln in enumerate(lines):
        key = "".join(ln.folded.split())
        drop = (
            i >= end
            or ln.kind in ("spam", "menu")
            or (len(key) >= 6 and key in seen and not key.startswith(_repeatable()))
            or (i < first_body and ln.kind == "short" and ln.cjk < 4 and not YEAR_LINE.match(ln.folded.strip()))
        )
        if drop:
            dropped.append(ln.text)
            if header_drops is not None and i < first_prose:
                header_drops.append(ln.folded)
        else:
            kept.append(ln)
        if len(key) >= 6:
            seen.add(key)
    return kept, dropped
