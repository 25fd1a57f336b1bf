"""Responsibility clauses: the units a text makes responsible for a task, and their roles.

Official texts write them in a few fixed shapes (FORMAT.md, Relations), each a rule here:

- ``labelled``: a bracket with labels — （牵头单位：A、B；配合单位：C）, （责任单位：A、B）;
- ``lead_then_support``: a bracket with a lead verb — （A牵头，B、C配合）, （A、B牵头，C按职责分工负责）;
- ``joint``: a bracket of units and a verb of shared duty — （A、B、C按职责分工负责）: every unit leads;
- ``labelled_line``: a label opening its own line — 牵头单位：A、B; where lines of one task follow each other
  and one marks the lead (牵头单位：A / 责任单位：B、C), the units of the others support, as in a bracket;
- ``table_column``: a task table written one cell per line, its header naming the unit
  columns (主要责任单位 / 责任单位 on lines of their own): the unit lines after each task;
- ``standing_units``: a note that adds units to every later list — 以下责任单位均包括A、B，不再列出;
- ``first_is_lead``: a note that the first unit of each list leads — 排在第一位的为牵头单位.

This module reads the text only (offsets into the folded text); which entity an item
names and which task a clause belongs to are decided later, with the document's context
(:mod:`kg.extract.relations.units`, :mod:`kg.extract.relations.attach`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.extract.grammar import grammar
from kg.extract.relations.cues import Cues, cues
from kg.extract.segment import HEADING_LEVELS, BracketSplitter
from kg.ingest.clean import responsibility_labels
from kg.ingest.tables import flattened_header_end
from kg.names.bodies import LEVEL_CHARS, bodies

Span = tuple[int, int]


@dataclass(frozen=True)
class Clause:
    """One responsibility clause: the spans of the units it names, by role."""

    start: int                   # the clause's first character (its bracket or label)
    end: int                     # one past its last
    leads: tuple[Span, ...]
    supports: tuple[Span, ...]
    rule: str                    # the convention that read it (see the module docstring)
    cue: str                     # the words that signalled it (牵头, 按职责分工负责, 责任单位 …)
    bracketed: bool = True       # a bracket after a task or heading, as opposed to a line or prose


_ITEM_SPLIT = BracketSplitter("（(《〔［[", "）)》〕］]", "、，,；;/")
_SEGMENTS = BracketSplitter("（(《“〔［[", "）)》”〕］]", "，,；;")
_AND = re.compile(r"以及|及")
# the noun that closes a list of bodies, with its count: 等部门, 等16个部门, 等多部门, 4个单位 (not 等医疗卫生单位:
# a kind of bodies, read apart)
LIST_CLOSING = re.compile(r"(?:等多?|等[\d一二三四五六七八九十]+(?:多|余)?个?|[\d一二三四五六七八九十]+(?:多|余)?个)(?:部门|单位|家单位)$")
_WS = " \t\u3000"


def all_units(text: str, base: int, c: Cues | None = None) -> list[Span]:
    """The unit spans of a list (as :func:`split_units`) where every item can be a unit
    (:func:`unit_like`), else none: a list with one item that is no unit assigns nothing."""
    spans = split_units(text, base, c)
    return spans if spans and all(unit_like(text[a - base:b - base], c) for a, b in spans) else []


def split_units(text: str, base: int, c: Cues | None = None) -> list[Span]:
    """The unit spans of a list (A、B，C及D): split at 、，；/ and 及 outside brackets,
    each trimmed of white space, a list tail (等部门) and a leading 由 or 来自. Spans index the
    document (``base`` is where ``text`` starts)."""
    c = c or cues()
    spans: list[Span] = []
    for s, e in _ITEM_SPLIT(text):
        pieces = [(s, e)]
        piece_text = text[s:e]
        if _AND.search(piece_text):
            pieces, pos = [], s
            for m in _AND.finditer(piece_text):
                pieces.append((pos, s + m.start()))
                pos = s + m.end()
            pieces.append((pos, e))
        pieces = [q for p in pieces for q in _split_and(text, p, c)]
        for a, b in pieces:
            while a < b and text[a] in _WS:
                a += 1
            while b > a and text[b - 1] in _WS + "。":
                b -= 1
            if text.startswith("由", a):
                a += 1
            elif text.startswith("来自", a):
                a += 2  # 来自A、B等单位的代表参加: where those who came are from
            for tail in c.list_tails:
                if text.endswith(tail, a, b) and b - a > len(tail):
                    b -= len(tail)
                    break
            else:
                cut = text.find("等", a, b)
                if cut > a + 1:  # 新华社安徽分社等有关部门参: a list tail with a typo after it
                    b = cut
            if any(w in text[a:b] for w in c.first_is_lead) or text[a:b].strip() in ("下同", "下同。"):
                continue  # 列第一位的为牵头单位，下同: the clause's note on its lead, no unit
            note = _TRAILING_NOTE.search(text, a, b)
            if note and note.end() == b and note.start() > a + 1:
                b = note.start()  # 平潭综合实验区管委会（以下有关内容均要求各地落实，不再重复）: a note, no part of the name
            if b > a:
                spans.append((base + a, base + b))
    return _levels_sharing_a_head(spans, text, base)


# a bracket that closes a unit's name and notes something about it (以下…, 不再重复, 含…, 简称…)
_TRAILING_NOTE = re.compile(r"[（(][^（）()]*(?:以下|不再|简称|含|包括|，)[^（）()]*[）)]")
# an item that is only a level of government: 各市、县（区）人民政府 writes 人民政府 once for both
_LEVEL_ONLY = re.compile(r"各?(?:省|市|州|盟|县|区|旗|乡|镇|乡镇|街道|县（市、区）|县（区）|县（市）|县市区)")


def _levels_sharing_a_head(spans: list[Span], text: str, base: int) -> list[Span]:
    """各市、县（区）人民政府: an item that names only a level shares the next item's head;
    the two are one unit (a kind of body, which 各 or the missing region keeps from
    being any one), not 县（区）人民政府 alone."""
    out: list[Span] = []
    for sp in spans:
        if out and _LEVEL_ONLY.fullmatch(text[out[-1][0] - base:out[-1][1] - base]):
            out[-1] = (out[-1][0], sp[1])
        else:
            out.append(sp)
    return out


_JOIN = re.compile(r"和|与|以及")


def _split_and(text: str, span: Span, c: Cues) -> list[Span]:
    """An item joined by 和/与 (省委编办和省卫生健康委) is two units when both sides are
    units and the whole is not one name (工业和信息化厅, 发展和改革委员会)."""
    a, b = span
    piece = text[a:b].strip()
    table = bodies()
    if not _JOIN.search(piece) or piece in table.by_alias or piece in table.national_fixed:
        return [span]
    for m in _JOIN.finditer(text, a, b):
        left, right = text[a:m.start()].strip(), text[m.end():b].strip()
        tail = next((t for t in c.list_tails if right.endswith(t) and len(right) > len(t)), "")
        right = right[: len(right) - len(tail)]  # 省委编办和省卫生健康委等单位: the list's tail is no part of the unit
        if piece.startswith("各") and right[:1] not in LEVEL_CHARS:
            return [span]  # 各县(市、区)党委和人民政府: 各 spans both sides (but 各区卫生健康局和市疾控中心 is two)
        if len(left) >= 3 and len(right) >= 3 and unit_like(left, c) and unit_like(right, c) and not _is_one_name(piece):
            return [(a, m.start()), (m.end(), b)]
    return [span]


def _is_one_name(piece: str) -> bool:
    """Is a 和 part of the body's own name (省工业和信息化厅, 市文化和旅游局)?"""
    table = bodies()
    rest = piece[1:] if piece[:1] in LEVEL_CHARS else piece
    rest = rest[1:] if rest.startswith("委") else rest
    return rest in table.by_alias or table.written_out(rest) != rest and table.written_out(rest) in table.by_alias or any(
        rest.endswith(b.name) and "和" in b.name for b in table.bodies if len(b.name) > 3)


_REGION_START = re.compile(r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|自治州|州|盟|县|自治县|区|旗))")


_OTHER_NAME_AFTER = re.compile(r"(.{2,30}?)（[^（）]{2,20}(?:委员会|领导小组|办公室)）")


def unit_like(name: str, c: Cues | None = None) -> bool:
    """Can ``name`` (one list item) be a responsible unit? A lexical test, made before
    the document's context is known: a body's alias or a body ending after a
    jurisdiction, a collective (各街镇), a company, a hospital, a university."""
    c = c or cues()
    table, g = bodies(), grammar()
    named_twice = _OTHER_NAME_AFTER.fullmatch(name)
    if named_twice and unit_like(named_twice.group(1), c):
        return True  # 省健康海南建设委员会（爱国卫生运动委员会）: one body under its two names
    for ending in c.generic_endings:  # 区爱卫会相关成员单位 stands for the committee
        if name.endswith(ending) and len(name) > len(ending) + 2:
            head = name[: -len(ending)]
            head = head[:-2] if head.endswith(("相关", "有关")) else head
            if head and not head.startswith("各") and unit_like(head, c):
                return True
            break
    if not 2 <= len(name) <= 40 or c.is_generic(name, g.collective_prefixes):
        return False
    if name.endswith(c.lead_verbs):
        return False  # 人民银行广东省分行牵头: a unit and its role, not a unit's name
    if name.startswith(g.collective_prefixes):
        return True
    if name.startswith("各"):
        return False  # 各设区市人民政府, 各地: a category, not a unit
    if name in table.by_alias or name in table.level_embedded or name in table.national_names or name in table.national_fixed:
        return True
    part = name
    if part[:1] in LEVEL_CHARS:
        part = part[1:]
    elif (m := _REGION_START.match(part)) and len(part) > m.end():
        part = part[m.end():]
        if (m := _REGION_START.match(part)) and len(part) > m.end() and part not in table.by_alias:
            part = part[m.end():]  # 宝鸡市金台区人民政府: a district's body named with its city
    if part in table.by_alias:
        return True
    if part.startswith("委") and len(part) > 1:
        part = part[1:]
    if part in table.by_alias or table.is_body_name(part) or part.endswith("部"):
        return True
    return (name.endswith(g.company_suffixes + g.other_unit_endings) or bool(_TOWN_GOVERNMENT.fullmatch(name))
            or bool(SUBDISTRICT_OFFICE.fullmatch(name)))


# one town's or township's government (沙湾镇人民政府, 新开乡政府), not every one (乡镇人民政府)
_TOWN_GOVERNMENT = re.compile(r"[\u4e00-\u9fff]{2,8}(?<![乡镇])[镇乡](?:人民)?政府")
# one subdistrict's office (大光路街道, 凤凰街道办事处), not every one (各街道, 镇街道): a body among the units
SUBDISTRICT_OFFICE = re.compile(r"(?:(?:(?![和与及])[\u4e00-\u9fff]){2,4}[区县市])?(?:(?![和与及])[\u4e00-\u9fff]){2,4}(?<![各镇乡区市县])街道(?:办事处)?")
# units that are not government bodies but are named as responsible ones: newspapers and
# news agencies (河南日报社, 新华社安徽分社), representative offices, hospitals, universities
class ClauseReader:
    """Reads the responsibility clauses of one folded text."""

    def __init__(self, c: Cues | None = None) -> None:
        self.c = c or cues()

    def roles(self, text: str, base: int) -> tuple[tuple[Span, ...], tuple[Span, ...], str, str] | None:
        """(leads, supports, rule, cue) of the inside of one bracket or line, or None
        when it assigns no unit. ``base`` is where ``text`` starts in the document. Only
        the first sentence is read (a note may follow: 列第一位者为牵头部门…), and trailing
        segments that say when (12月底前完成) are dropped."""
        c = self.c
        body = text.split("。")[0] if "。" in text.rstrip("。 ") else text
        body = body.rstrip("。；; ")
        pieces = _SEGMENTS(body)
        while len(pieces) > 1 and c.is_timing(body[pieces[-1][0]:pieces[-1][1]]):
            body = body[:pieces[-1][0]].rstrip("，,；; ")
            pieces = pieces[:-1]
        labels = list(c.label_re.finditer(body))
        if labels:
            return self._labelled(body, base, labels)
        for verb in c.lead_verbs:
            i = _verb_at(body, verb)
            if i < 0:
                i = _run_on_lead(body, verb, c)
            if i < 0:
                continue
            leads = split_units(body[:i], base, c)
            rest = body[i + len(verb):].lstrip("，,；; ")
            rest_base = base + len(body) - len(rest)
            supports: list[Span] = []
            cue = verb
            if rest:
                verb2 = next((v for v in c.support_verbs if rest.endswith(v)), "")
                inner = rest[: len(rest) - len(verb2)] if verb2 else rest
                supports = split_units(inner, rest_base, c)
                cue = verb + ("，" + verb2 if verb2 else "")
            if not self._all_units(text, base, leads):
                return None
            if supports and not self._all_units(text, base, supports, strict=False) and self._real(text, base, supports):
                return None
            return tuple(leads), tuple(self._real(text, base, supports)), "lead_then_support", cue
        units_text = _units_before_verb(body, c.joint_verbs)
        if units_text != body:
            verb = body[len(units_text):].split("，")[0].split(",")[0]
            units = split_units(units_text, base, c)
            if units and self._all_units(text, base, units):
                return tuple(units + self._later_joint_units(body, len(units_text) + len(verb), base)), (), "joint", verb
        return None

    def _later_joint_units(self, body: str, pos: int, base: int) -> list[Span]:
        """Units of further segments of shared duty in the same clause: "（A、B按职责分工负责，
        各县人民政府、C管委会分别负责）" — C is responsible too. A segment counts only when
        it ends in a verb of shared duty and its items are units; generic ones drop out."""
        c = self.c
        out: list[Span] = []
        while pos < len(body):
            while pos < len(body) and body[pos] in "，,；; ":
                pos += 1
            rest = body[pos:]
            units_text = _units_before_verb(rest, c.joint_verbs)
            if not rest or units_text == rest:
                break
            verb = rest[len(units_text):].split("，")[0].split(",")[0]
            units = split_units(units_text, base + pos, c)
            if not units or not self._all_units(body, base, units, strict=False):
                break
            out.extend(self._real(body, base, units))
            pos += len(units_text) + len(verb)
        return out

    def _labelled(self, body: str, base: int, labels: list[re.Match[str]]):  # noqa: ANN202
        c = self.c
        lead: list[Span] = []
        joint: list[Span] = []
        support: list[Span] = []
        for k, lab in enumerate(labels):
            seg_end = labels[k + 1].start() if k + 1 < len(labels) else len(body)
            seg = body[lab.end():seg_end].rstrip("，,；;。 ")
            kind = c.label_kind(lab.group(1))
            if kind == "joint":  # 责任单位：A牵头，B、C按职责分工负责 — the list marks its own lead
                inner = self.roles(seg, base + lab.end()) if any(_verb_at(seg, v) >= 0 for v in c.lead_verbs) else None
                if inner is not None:
                    lead.extend(inner[0])
                    support.extend(inner[1])
                    continue
                seg = _units_before_verb(seg, c.joint_verbs)
            items = split_units(seg, base + lab.end(), c)
            {"lead": lead, "joint": joint, "support": support}[kind].extend(items)
        if lead:
            support = joint + support  # 牵头单位 given: the other responsible units support
        else:
            lead = joint
        if not lead and not support:
            return None
        cue = "、".join(dict.fromkeys(lab.group(1) for lab in labels))
        return tuple(lead), tuple(support), "labelled", cue

    def _all_units(self, text: str, base: int, spans: list[Span], strict: bool = True) -> bool:
        """Every item is a unit, or a generic one (相关部门) that names none, and one at
        least names one. Not ``strict``: most items are units (a typo in one, 等有关部门参,
        does not undo the list)."""
        names = [text[s - base:e - base] for s, e in spans]
        prefixes = grammar().collective_prefixes
        real = [n for n in names if not self.c.is_generic(n, prefixes)]
        ok = [n for n in real if unit_like(n, self.c)]
        if not ok:
            return False
        return len(ok) == len(real) if strict else len(ok) * 2 > len(real)

    def _real(self, text: str, base: int, spans: list[Span]) -> list[Span]:
        """The spans that name a unit (generic ones and non-units dropped)."""
        prefixes = grammar().collective_prefixes
        return [(s, e) for s, e in spans if not self.c.is_generic(text[s - base:e - base], prefixes)
                and unit_like(text[s - base:e - base], self.c)]

    def find(self, folded: str) -> tuple[Clause, ...]:
        """Every clause of the text, in text order."""
        out: list[Clause] = []
        for s, e in _top_brackets(folded):
            inner = folded[s + 1:e - 1]
            if not self.c.any_cue_re.search(inner):
                continue
            read = self.roles(inner, s + 1)
            if read is not None:
                leads, supports, rule, cue = read
                out.append(Clause(s, e, leads, supports, rule, cue))
        lines = []
        for m in _labelled_line_re(self.c).finditer(folded):
            read = self.roles(m.group(1), m.start(1))
            if read is not None:
                leads, supports, _, cue = read
                lines.append(Clause(m.start(), m.end(), leads, supports, "labelled_line", cue, bracketed=False))
        out.extend(self._lead_marked_in_run(folded, lines))
        out.extend(self._table_columns(folded))
        out.extend(self._run_on_table_cells(folded))
        out.sort(key=lambda cl: cl.start)
        return tuple(out)

    def _lead_marked_in_run(self, folded: str, lines: list[Clause]) -> list[Clause]:
        """Labelled lines that follow each other are one task's units (牵头单位：A / 责任单位：B、C): where one
        of them marks the lead, the units a joint label lists support, as in （牵头单位：A；责任单位：B、C）."""
        out: list[Clause] = []
        run: list[Clause] = []
        for cl in [*lines, None]:
            if cl is not None and run and not folded[run[-1].end:cl.start].strip():
                run.append(cl)
                continue
            marked = any(self.c.label_kind(r.cue) == "lead" for r in run)
            out.extend(replace(r, leads=(), supports=r.leads + r.supports)
                       if marked and self.c.label_kind(r.cue) == "joint" else r for r in run)
            run = [cl] if cl is not None else []
        return out

    def _run_on_table_cells(self, folded: str) -> list[Clause]:
        """The units cells of a task table that reached the reader as running text (its
        header on a line: …序号主要任务…责任单位; each row a numbered line, split so by the
        reader): in a row's line, a sentence that is nothing but units (…高地。市卫健委、
        发改委、财政局) is the row's units cell. Every unit of it is responsible (the header
        names no lead); a note that the first listed leads (列在首位的为牵头单位) applies as
        to any list. A sentence with a number, or an item that opens with a task's verb
        (建设县域医疗次中心), is text, not a cell."""
        c = self.c
        if "序号" not in folded and "编号" not in folded:
            return []
        lines = _lines_with_offsets(folded)
        labels = responsibility_labels()
        start = next((k for k, (_, text) in enumerate(lines) if flattened_header_end(text, labels) is not None), None)
        if start is None:
            return []
        out: list[Clause] = []
        row = HEADING_LEVELS[2][1]  # 1. 2. 3.: the rows the reader began on lines of their own
        for off, text in lines[start + 1:]:
            if not row.match(text):
                continue
            pos = 0
            for k, piece in enumerate(text.split("。")):
                s, e = pos, pos + len(piece)
                pos = e + 1
                cell = piece.strip(" \t")
                if k == 0 or not cell or _DIGIT.search(cell):
                    continue  # the row's number and task; a cell with a number is a target's text
                base = off + s + (len(piece) - len(piece.lstrip(" \t")))
                units = split_units(cell, base, c)
                names = [folded[a:b] for a, b in units]
                if not units or any(n.startswith(c.task_opening_verbs) for n in names):
                    continue
                if not self._all_units(folded, 0, units) or not any(_names_a_body(n) for n in names):
                    continue
                out.append(Clause(base, base + len(cell), tuple(self._real(folded, 0, units)), (), "table_cell",
                                  "责任单位", bracketed=False))
        return out

    def _table_columns(self, folded: str) -> list[Clause]:
        """Unit lists of a task table flattened one cell per line. The header gives the
        columns: a line that is only a label (主要责任单位, 配合单位). After it, each run of
        lines that are units is one task's list: one line per column where the run has
        as many lines as the header unit columns, and where it has more (the column
        boundaries lost), the first unit in the first column and the rest in the next.
        A short line that is no unit (省人口计生, a name cut short) is skipped, not
        guessed; a run that does not open with a unit gives nothing."""
        c = self.c
        if _label_line_re(c).search(folded) is None:
            return []  # no header line: no table (one regex pass, as for most texts)
        lines = _lines_with_offsets(folded)
        header = _table_header(lines, c)
        if header is None:
            return []
        labels, header_end = header
        roles = _column_roles([c.label_kind(w) for w in labels])
        if roles is None:
            return []
        cue = "、".join(dict.fromkeys(labels))
        return [_column_clause(run, roles, cue) for run in _unit_runs(lines[header_end + 1:], c)]


_DIGIT = re.compile(r"\d")


def _names_a_body(name: str) -> bool:
    """Is ``name`` a government body's (a table alias or a body's ending after its level or
    region), not only a unit by its kind (…中心, …卫生院)?"""
    table = bodies()
    part = name[1:] if name[:1] in LEVEL_CHARS and name not in table.by_alias else name
    if (m := _REGION_START.match(part)) and len(part) > m.end():
        part = part[m.end():]
    return name in table.by_alias or part in table.by_alias or (
        part.endswith(("委", "局", "厅", "办")) and table.is_body_name(part))


def _table_header(lines: list[tuple[int, str]], c: Cues) -> tuple[list[str], int] | None:
    """The label lines of a table's header (牵头单位 / 配合单位, one a line) and the index of
    the last; the header is over at the first long line after a label."""
    labels = frozenset(c.labels)
    found: list[str] = []
    header_end = -1
    for k, (_, text) in enumerate(lines):
        word = text.strip(_WS)
        if word in labels:
            found.append(word)
            header_end = k
        elif found and len(word) > 12:
            break
    return (found, header_end) if found else None


def _unit_runs(lines: list[tuple[int, str]], c: Cues) -> list[list[tuple[int, int]]]:
    """Runs of lines that are each one unit (their spans): one task's cells. A short line
    that names no unit the grammar reads is skipped inside a run; any other line ends it."""
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    for off, text in lines:
        word = text.strip(_WS)
        if not word:
            continue
        lead_ws = len(text) - len(text.lstrip(_WS))
        if _CELL_PUNCT.search(word) is None and unit_like(word, c) and not c.is_generic(word, grammar().collective_prefixes):
            run.append((off + lead_ws, off + lead_ws + len(word)))
        elif run and len(word) <= 12 and _CELL_PUNCT.search(word) is None and not word[:1].isdecimal():
            continue  # a cell that names no unit the grammar reads: skipped, not guessed
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _column_clause(run: list[tuple[int, int]], roles: list[str], cue: str) -> Clause:
    """One task's cells as a clause: a cell per column where the run has one per column,
    else the first cell in the first column and the rest in the next."""
    if len(run) == len(roles):
        leads = [sp for sp, r in zip(run, roles) if r == "lead"]
        supports = [sp for sp, r in zip(run, roles) if r == "support"]
    else:
        first, rest = roles[0], roles[1] if len(roles) > 1 else roles[0]
        leads = [run[0]] if first == "lead" else []
        supports = [] if first == "lead" else [run[0]]
        (leads if rest == "lead" else supports).extend(run[1:])
    return Clause(run[0][0], run[-1][1], tuple(leads), tuple(supports), "table_column", cue, bracketed=False)


_CELL_PUNCT = re.compile(r"[，。；：,;:！？、\d]")


def _lines_with_offsets(folded: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in folded.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _column_roles(kinds: list[str]) -> list[str] | None:
    """The role of each unit column of a table header: a lead column's units lead; a
    joint or support column after a lead column supports; joint columns alone lead."""
    if "lead" in kinds:
        return ["lead" if k == "lead" else "support" for k in kinds]
    if all(k == "joint" for k in kinds):
        return ["lead"] * len(kinds)
    if kinds[0] == "joint":
        return ["lead" if k == "joint" else "support" for k in kinds]
    return None  # only support columns: nobody is named to lead


def _units_before_verb(seg: str, verbs: tuple[str, ...]) -> str:
    """The units of "A、B按职责分工负责(，C结合实际落实)": the text before the first
    verb of shared duty that closes a segment; the segment after it adds no unit of
    this list. ``seg`` itself when no such verb closes a segment."""
    for a, b in _SEGMENTS(seg):
        piece = seg[a:b].rstrip()
        verb = next((v for v in verbs if piece.endswith(v) and len(piece) > len(v)), "")
        if verb:
            return seg[: a + len(piece) - len(verb)]
    return seg


def _run_on_lead(body: str, verb: str, c: Cues) -> int:
    """Where a lead verb ends the lead's units with the supports' run on after it, no break between (县卫健局牵头
    县教育局配合: a PDF's space the cleaner squeezed out): the supporting part must end in a support verb and its
    units be units; else -1."""
    i = body.find(verb)
    if i <= 0 or "，" in body or "," in body:
        return -1
    rest = body[i + len(verb):]
    support = next((v for v in c.support_verbs if rest.endswith(v)), "")
    units = rest[: len(rest) - len(support)]
    if not support or not units or not all(unit_like(units[a:b], c) for a, b in split_units(units, 0, c)):
        return -1
    return i


def _verb_at(body: str, verb: str) -> int:
    """Where ``verb`` stands as a verb in ``body``: at depth 0, not part of a label
    (牵头单位) and followed by a break or the end."""
    depth = 0
    i = 0
    while i < len(body):
        ch = body[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and body.startswith(verb, i):
            after = body[i + len(verb):i + len(verb) + 1]
            if after in ("", "，", ",", "；", ";", "、", " ", "。"):
                return i
        i += 1
    return -1


_BRACKET_OR_BREAK = re.compile(r"[（）〔〕【】\[\]［］]|\n[ \t]*\n|\n(?=[ \t]*(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十\d]{1,3}）|\d{1,2}[\.．、]))")
_BRACKET_REACH = 400


def _top_brackets(folded: str) -> list[Span]:
    """(start, end) of every outermost （…） group (〔…〕, 【…】 and […] close a task the same
    way: "…。〔市卫生健康委牵头，…按职责分工负责〕", "…。[责任单位:市卫生健康委员会、…]"). A group may run over a line break
    (a PDF text layer breaks lines inside a clause: "（…，中央宣传部、教育\n部…）"), but
    not over a blank line, a new heading or 400 characters: an unclosed bracket is
    dropped there."""
    out: list[Span] = []
    depth, open_at = 0, -1
    for m in _BRACKET_OR_BREAK.finditer(folded):
        mark = m.group()
        if mark in "（〔【[［":
            if depth == 0:
                open_at = m.start()
            depth += 1
        elif mark in "）〕】]］":
            if depth:
                depth -= 1
                if depth == 0 and m.end() - open_at <= _BRACKET_REACH:
                    out.append((open_at, m.end()))
        else:  # a paragraph or a heading starts: an open bracket never closes
            depth = 0
        if depth and m.start() - open_at > _BRACKET_REACH:
            depth = 0
    return out


def _longest_first_all(labels: tuple[str, ...]) -> list[str]:
    """Labels longest first, so 主要协作单位 is read whole, not as 协作单位."""
    return sorted(set(labels), key=lambda w: (-len(w), w))


@lru_cache(maxsize=4)
def _label_line_re(c: Cues) -> re.Pattern[str]:
    """A line that is only a label (a table header cell: 牵头单位)."""
    return re.compile(r"(?m)^[ \t\u3000]*(?:" + "|".join(map(re.escape, _longest_first_all(c.labels))) + r")[ \t\u3000]*$")


@lru_cache(maxsize=4)
def _labelled_line_re(c: Cues) -> re.Pattern[str]:
    """A labelled list of units opening its line (牵头单位：A；配合单位：B) or closing the sentence a measure's line
    opens with (1.加强食品安全。责任单位：县市场监管局), up to the line's end or a time label after it
    (完成时限：2024年12月, written after a space the cleaner squeezed out)."""
    labels = "|".join(map(re.escape, _longest_first_all(c.lead_labels + c.joint_labels + c.support_labels)))
    timing = "|".join(map(re.escape, sorted(c.timing_labels, key=len, reverse=True)))
    return re.compile(r"(?m)(?:^[ \t]*|(?<=[。]))((?:" + labels + r")\s*[：:](?:(?![。\n]|(?:" + timing
                      + r")\s*[：:]).)+)")


def responsibility_clauses(folded: str) -> tuple[Clause, ...]:
    """Every responsibility clause of a folded text, read with the active cues (cached:
    the entity and relation components both ask for the same document's clauses)."""
    return _clauses_with(folded, cues())


@lru_cache(maxsize=4)
def _clauses_with(folded: str, c: Cues) -> tuple[Clause, ...]:
    return ClauseReader(c).find(folded)


def standing_units(folded: str, c: Cues | None = None) -> list[tuple[int, tuple[Span, ...]]]:
    """(offset, unit spans) of each note adding units to every later list
    (以下责任单位均包括A、B，不再列出)."""
    c = c or cues()
    out = []
    for opening in c.standing_openings:
        for m in re.finditer(re.escape(opening), folded):
            line_end = folded.find("\n", m.end())
            line_end = len(folded) if line_end < 0 else line_end
            tail = folded[m.end():line_end]
            close = min((tail.find(w) for w in c.standing_closings if tail.find(w) >= 0), default=-1)
            if close < 0:
                continue
            units = split_units(tail[:close].rstrip("，,；; "), m.end(), c)
            if units:
                out.append((m.start(), tuple(units)))
    return sorted(out)


def first_listed_leads(folded: str, c: Cues | None = None) -> int | None:
    """Where the text says that the first unit of each list is its lead
    (排在第一位的为牵头单位), or None."""
    c = c or cues()
    found = [folded.find(w) for w in c.first_is_lead]
    found = [i for i in found if i >= 0]
    return min(found) if found else None
