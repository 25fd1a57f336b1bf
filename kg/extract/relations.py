"""Lead, support, membership and part-of relations.

Official texts state responsibility in a few fixed ways: a parenthesised list after an
action (（牵头单位：A、B，配合单位：C）), a clause (由A牵头，B配合; A牵头完成Y; A会同B…;
A协同B、C等部门…), or a consortium description (以A为龙头/核心的…医联体; 以A牵头的“Y”).
Sub-actions (1. 2. under （一）) are part of their action.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.entities import Context, program_mention
from kg.extract.model import (
    CONSORTIUM,
    DEPARTMENT,
    GROUP,
    HOSPITAL,
    ORGANIZATION,
    PROGRAM,
    EntityKey,
    Mention,
    RelationMention,
)
from kg.extract.segment import BracketSplitter
from kg.extract.spans import SpanIndex
from kg.resolve.bodies import level_region

LEAD_LABELS = ("牵头单位", "牵头部门", "责任单位", "责任部门", "主责单位", "主要责任单位", "牵头")
SUPPORT_LABELS = ("配合单位", "配合部门", "协同单位", "协办单位", "参与单位", "协同部门", "配合")
_LABEL = re.compile(r"(" + "|".join(sorted(LEAD_LABELS + SUPPORT_LABELS, key=len, reverse=True)) + r")\s*[：:]")
ORG_TYPES = (DEPARTMENT, HOSPITAL, ORGANIZATION, GROUP, CONSORTIUM)
_COUNT_PREFIX = re.compile(r"^[\d一二三四五六七八九十两]+[家个所]")


@dataclass
class ResponsibilityList:
    start: int
    end: int
    lead: list[tuple[int, int]]
    support: list[tuple[int, int]]


_ITEM_SPLIT = BracketSplitter("（(", "）)", "、，,；;")


def _split_items(text: str, base: int) -> list[tuple[int, int]]:
    """Split a list on 、，, and 和 outside parentheses into (start, end) spans."""
    out = _ITEM_SPLIT(text)
    spans = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((base + s, base + e))
    return spans


@lru_cache(maxsize=4)
def responsibility_lists(folded: str) -> tuple[ResponsibilityList, ...]:
    """Every （牵头单位：…，配合单位：…） block, with its item spans (cached: three
    components ask for the same document's lists)."""
    out = []
    for m in re.finditer(r"[（(]\s*(?=(?:" + "|".join(LEAD_LABELS) + r")\s*[：:])", folded):
        depth = 1
        i = m.end()
        while i < len(folded) and depth and folded[i] != "\n":
            if folded[i] in "（(":
                depth += 1
            elif folded[i] in "）)":
                depth -= 1
            i += 1
        end = i - 1 if depth == 0 else i
        body_start = m.end()
        labels = list(_LABEL.finditer(folded, body_start, end))
        lead: list[tuple[int, int]] = []
        support: list[tuple[int, int]] = []
        for k, lab in enumerate(labels):
            seg_end = labels[k + 1].start() if k + 1 < len(labels) else end
            items = _split_items(folded[lab.end():seg_end], lab.end())
            (lead if lab.group(1) in LEAD_LABELS else support).extend(items)
        out.append(ResponsibilityList(m.start(), i, lead, support))
    # 牵头单位：… written as its own line, without parentheses
    for m in re.finditer(r"(?m)^\s*(" + "|".join(LEAD_LABELS[:5]) + r")\s*[：:]([^\n]+)$", folded):
        items = _split_items(m.group(2), m.start(2))
        out.append(ResponsibilityList(m.start(), m.end(), items, []))
    return tuple(out)


# 下一步，A将…: where a sentence (or 下一步/下阶段/今后) opens, a 将 following within 30
# characters of the same clause
_COMMITMENT = re.compile(r"(?:^|[。\n]|下一步[，,]?|下阶段[，,]?|今后[，,]?)\s*(?=[^，。\n]{2,30}?将)")
_COMMITMENT_REACH = 30  # the lookahead's {2,30}
_COMMITMENT_OPENER = 4  # the longest opener: 下一步，


def commitment_openings(f: str) -> list[re.Match[str]]:
    """``list(_COMMITMENT.finditer(f))``, searched only near a 将. The pattern opens with
    an alternation, so the engine tried it at every character. Every match ends at
    most 30 characters before a 将 and starts at most 4 characters (its opener) before
    its run of whitespace; so it lies, with the 将 its lookahead needs, in one of the
    merged windows before each 将, and a search of each window finds what a search of
    the whole text finds there (``^`` still matches only at the text's start)."""
    windows: list[list[int]] = []
    j = f.find("将")
    while j >= 0:
        lo = max(0, j - _COMMITMENT_REACH)
        while lo > 0 and f[lo - 1].isspace():
            lo -= 1
        lo = max(0, lo - _COMMITMENT_OPENER)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = j + 1
        else:
            windows.append([lo, j + 1])
        j = f.find("将", j + 1)
    return [m for lo, hi in windows for m in _COMMITMENT.finditer(f, lo, hi)]


_SENTENCE_BREAK = re.compile(r"[。！？\n]")
_LAST_SENTENCE_BREAK = re.compile(r"(?s:.*)[。！？\n]")  # ".*" runs to endpos and backs off to the last


def sentence_around(f: str, offset: int, reach: int = 600) -> tuple[int, int]:
    """(start, end) of the sentence around ``offset`` within ``reach`` characters on
    each side (one regex each way, not four str.find calls each way)."""
    lo = max(0, offset - reach)
    last = _LAST_SENTENCE_BREAK.match(f, lo, offset)
    hi = min(len(f), offset + reach)
    nxt = _SENTENCE_BREAK.search(f, offset, hi)
    return (last.end() if last else lo), (nxt.start() + 1 if nxt else hi)


class RelationFinder:
    """Finds relations given the document's mentions; may add mentions for list items
    and collective ends (各街镇, 区属医院) that only a relation gives identity to."""

    def __init__(self, ctx: Context, mentions: list[Mention]) -> None:
        self.ctx = ctx
        self._mentions: list[Mention] = []
        self.index: SpanIndex = SpanIndex([])
        self.mentions = mentions
        self.new_mentions: list[Mention] = []
        self.relations: list[RelationMention] = []

    @property
    def mentions(self) -> list[Mention]:
        return self._mentions

    @mentions.setter
    def mentions(self, value: list[Mention]) -> None:
        self._mentions = value
        self.index = SpanIndex(value)

    # -- helpers -------------------------------------------------------------
    def _sentence(self, offset: int, reach: int = 600) -> tuple[int, int]:
        """The sentence around ``offset``, looked for within ``reach`` characters: from
        after the last 。！？ or line break before it to the first one at or after it."""
        return sentence_around(self.ctx.folded, offset, reach)

    def _add(self, kind: str, src: EntityKey, dst: EntityKey, at: int, cue: str) -> None:
        if src == dst:
            return
        s, e = self._sentence(at)
        self.relations.append(RelationMention(kind, src, dst, s, e, cue))

    def _orgs_in(self, s: int, e: int) -> list[Mention]:
        found = [m for m in self.index.within(s, e) if m.key.type in ORG_TYPES]
        # drop mentions nested in a longer one
        return [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in found)]

    def _programs_in(self, s: int, e: int) -> list[Mention]:
        return [m for m in self.index.within(s, e) if m.key.type == PROGRAM]

    def _item_entity(self, s: int, e: int) -> EntityKey | None:
        """The organisation a list item names."""
        orgs = self._orgs_in(s, e)
        if orgs:
            return orgs[0].key
        f = self.ctx.folded
        text = f[s:e].strip()
        if len(text) < 2:
            return None
        ctx = self.ctx
        region = ctx.doc_region
        if text.startswith(ctx.g.collective_prefixes):
            name = (region.name if region else "") + text
            key = EntityKey(GROUP, name)
        elif text.endswith(ctx.g.company_suffixes):
            key = EntityKey(ORGANIZATION, text)
        elif text.endswith(("委", "局", "办", "委员会", "中心", "办公室", "管委会")):
            if text[0] in "区县市省":
                r = level_region(text[0], region)
                name = (r.name if r else "") + text[1:]
            else:
                name = text
            key = EntityKey(DEPARTMENT, name)
        else:
            key = EntityKey(ORGANIZATION, text)
        self.new_mentions.append(Mention(s, e, key, ctx.surface(s, e), region=region.code if region else ""))
        return key

    # -- finders -------------------------------------------------------------
    def responsibility(self, program_for_offset) -> None:  # noqa: ANN001 - callable
        for rl in responsibility_lists(self.ctx.folded):
            prog = program_for_offset(rl.start)
            if prog is None:
                continue
            for kind, items in (("lead", rl.lead), ("support", rl.support)):
                for s, e in items:
                    key = self._item_entity(s, e)
                    if key is not None:
                        self._add(kind, key, prog, rl.start, "牵头单位" if kind == "lead" else "配合单位")

    def clauses(self, program_for_offset) -> None:  # noqa: ANN001
        f = self.ctx.folded
        # 由A牵头，B、C配合
        for m in re.finditer(r"由([^，。；\n]{2,60}?)牵头[，,]?([^。；\n]{0,80}?)(?:配合|参与|协同|协助)", f):
            self._clause_relation(m.start(), m.span(1), m.span(2), program_for_offset, "由…牵头")
        for m in re.finditer(r"由([^，。；\n]{2,60}?)(?:牵头|负责)(?![单部])", f):
            if not any(r.start <= m.start() < r.end and r.cue == "由…牵头" for r in self.relations):
                self._clause_relation(m.start(), m.span(1), None, program_for_offset, "由…负责")
        # A牵头完成/负责/推进 Y
        for m in re.finditer(r"牵头(完成|负责|推进|开展|实施|建设|制定|组织|组建|成立)?(?![单部])", f):
            if f[m.start() - 1:m.start()] in ("由", "的"):
                continue
            lead = [o for o in self.index.ending_at(m.start()) if o.key.type in ORG_TYPES]
            if not lead:
                continue
            clause_end = min([i for i in (f.find(c, m.end(), m.end() + 200) for c in "，。；\n") if i >= 0] or [min(len(f), m.end() + 200)])
            progs = self._programs_in(m.end(), clause_end) + [
                o for o in self.index.within(m.end(), clause_end) if o.key.type == CONSORTIUM]
            if not progs and m.group(1):
                obj = self.ctx.g.strip_scope(f[m.end():clause_end].strip())
                if 4 <= len(obj) <= 20:
                    pm = program_mention(self.ctx, clause_end - len(obj), clause_end, obj)
                    self.new_mentions.append(pm)
                    progs = [pm]
            for p in progs:
                self._add("lead", lead[0].key, p.key, m.start(), "牵头")
        # A会同/协同/联合 B、C等部门 … Y
        for m in re.finditer(r"(会同|协同|联合|携手)", f):
            lead = [o for o in self.index.ending_at(m.start()) if o.key.type == DEPARTMENT]
            if not lead and f[m.start() - 1:m.start()] in ("将", "要", "拟", "也"):
                lead = [o for o in self.index.ending_at(m.start() - 1) if o.key.type == DEPARTMENT]
            if not lead:
                continue
            sent_s, sent_e = self._sentence(m.start())
            # the partners: the run of bodies right after the verb, joined by 、和及
            partners, pos = [], m.end()
            while True:
                nxt = [o for o in self.index.starting_at(pos) if o.key.type == DEPARTMENT]
                if not nxt:
                    break
                longest = max(nxt, key=lambda o: o.end)
                partners.append(longest)
                pos = longest.end
                sep = re.match(r"、|和|及|以及|与", f[pos:pos + 2])
                if not sep:
                    break
                pos += sep.end()
            tail = re.match(r"等(?:\d+个)?(?:部门|单位)", f[pos:pos + 8])
            partners_end = pos + (tail.end() if tail else 0)
            progs = self._programs_in(partners_end, self._clause_run_end(partners_end, sent_e))
            if not partners or not progs:
                continue
            for p in progs:
                self._add("lead", lead[0].key, p.key, m.start(), m.group(1))
                for o in partners:
                    self._add("support", o.key, p.key, m.start(), m.group(1))
        # 下一步，A将加快推进X、Y…: the body that commits to the named measures leads them
        for m in commitment_openings(f):
            start = m.end()
            lead = [o for o in self.index.starting_at(start) if o.key.type == DEPARTMENT]
            if not lead or not f.startswith("将", lead[0].end):
                continue
            sent_s, sent_e = self._sentence(start)
            progs = self._programs_in(lead[0].end, sent_e)
            for p in progs:
                self._add("lead", lead[0].key, p.key, start, "将…推进")
        # A统筹推进 Y (the coordinating body leads the named action)
        for m in re.finditer(r"统筹(?:推进|协调|实施)", f):
            lead = [o for o in self.index.ending_at(m.start()) if o.key.type == DEPARTMENT]
            progs = [p for p in self.index.starting_at(m.end()) if p.key.type == PROGRAM]
            if lead and progs:
                self._add("lead", lead[0].key, progs[0].key, m.start(), "统筹推进")

    def _clause_run_end(self, start: int, sent_end: int) -> int:
        """Where the objects of a clause can stop: the sentence end, or a comma after
        which a new subject (a region or an organisation) begins."""
        f = self.ctx.folded
        i = f.find("，", start, sent_end)
        while i >= 0:
            nxt = [o for o in self.index.starting_in(i + 1, i + 3) if o.key.type in ORG_TYPES + ("Region",)]
            if nxt:
                return i
            i = f.find("，", i + 1, sent_end)
        return sent_end

    def _clause_relation(self, at: int, lead_span, support_span, program_for_offset, cue: str) -> None:  # noqa: ANN001
        s, e = self._sentence(at)
        progs = self._programs_in(s, e)
        prog = progs[0].key if progs else program_for_offset(at)
        if prog is None:
            return
        for span, kind in ((lead_span, "lead"), (support_span, "support")):
            if not span:
                continue
            for o in self._orgs_in(*span):
                self._add(kind, o.key, prog, at, cue)

    def consortium_roles(self) -> None:
        """以A为龙头/核心的B; 以A牵头的“B”."""
        f = self.ctx.folded
        region = self.ctx.doc_region
        for m in re.finditer(r"以([^，。；以\n]{2,20}?)(为龙头|为核心|为牵头单位|牵头)的([^，。；\n]{0,20}?)(“[^”]{2,12}”|(?:医疗联合体|医联体|健康联合体|医共体|专科联盟))", f):
            a_s, a_e = m.span(1)
            b_s, b_e = m.span(4)
            kind = "member" if m.group(2) == "为核心" else "lead"
            src = self._collective(a_s, a_e, region)
            dst = self._consortium_end(m.start(3), b_s, b_e, region)
            if src and dst:
                self._add(kind, src, dst, m.start(), m.group(2))

    def consortium_core_clauses(self) -> None:
        """以A为核心/龙头，…组建B: the consortium is built around A."""
        f = self.ctx.folded
        for m in re.finditer(r"以([^，。；以\n]{2,20}?)(为核心|为龙头|为牵头单位)[，,]", f):
            s_end = self._sentence(m.start())[1]
            build = re.compile(r"(?:组建|成立|建立|组成|建成|推动|推进)(?:了)?")
            for b in build.finditer(f, m.end(), s_end):
                named = [o for o in self.index.starting_at(b.end()) + self.index.starting_at(b.end() + 1)
                         if o.key.type == CONSORTIUM]
                if named:
                    orgs = self._orgs_in(*m.span(1))
                    if orgs:
                        kind = "member" if m.group(2) == "为核心" else "lead"
                        self._add(kind, orgs[0].key, named[0].key, m.start(), m.group(2))
                    break

    def _collective(self, s: int, e: int, region) -> EntityKey | None:  # noqa: ANN001
        orgs = self._orgs_in(s, e)
        if orgs:
            return orgs[0].key
        text = self.ctx.folded[s:e]
        text = _COUNT_PREFIX.sub("", text)
        name = (region.name if region else "") + text
        key = EntityKey(GROUP, name)
        self.new_mentions.append(Mention(s, e, key, self.ctx.surface(s, e), region=region.code if region else ""))
        return key

    def _consortium_end(self, mod_start: int, s: int, e: int, region) -> EntityKey | None:  # noqa: ANN001
        f = self.ctx.folded
        named = [o for o in self.index.starting_in(max(0, s - 40), s + 2) if o.key.type == CONSORTIUM and e - 1 <= o.end]
        if named:
            return named[0].key
        inner = f[s:e].strip("“”")
        modifier = f[mod_start:s]
        text = (modifier.replace("各类", "").replace("、", "") if len(modifier) <= 4 else "") + inner
        plural = "各" in modifier or "、" in modifier
        name = (region.name if region else "") + (inner if plural else text)
        key = EntityKey(GROUP if plural or not f[s:s + 1] == "“" else CONSORTIUM, name)
        if key.type == GROUP and not plural and modifier:
            key = EntityKey(GROUP, (region.name if region else "") + modifier + inner)
        self.new_mentions.append(Mention(s, e, key, self.ctx.surface(s, e).strip("“”「」"), region=region.code if region else ""))
        return key

    def members(self, pairs: list[tuple[Mention, Mention]]) -> None:
        for member, consortium in pairs:
            self.new_mentions.append(member)
            self._add("member", member.key, consortium.key, consortium.start, "名称")


def owner_sections(ctx: Context) -> set[int]:
    """Sections that directly hold a responsibility list."""
    out = set()
    for rl in responsibility_lists(ctx.folded):
        i = ctx.sections.innermost(rl.start)
        if i is not None:
            out.add(i)
    return out


def clause_owner_sections(ctx: Context) -> set[int]:
    """Sections that state their lead unit in a clause (由A牵头，B配合)."""
    out = set()
    for m in re.finditer(r"由[^，。；\n]{2,60}?(?:牵头|负责)(?![单部])", ctx.folded):
        i = ctx.sections.innermost(m.start())
        if i is not None:
            out.add(i)
    return out
