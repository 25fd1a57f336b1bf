"""The bodies that draw up a plan lead what it sets out to do: a notice issuing a plan
writes "A、B、C联合制定了《X实施方案》", and the program is the
plan's action, its title without the kind of plan (实施方案, 行动计划, 应急预案), its period or
its trial mark: X. Every drafter leads it jointly (FORMAT.md: no lead marked). Issuing alone
(印发, 发布) draws up nothing and assigns nothing; a document of rules (办法, 规定, 标准) sets out
no program. Nor does a notice speaking of itself (我们制定了《…》，现印发给你们; 我局制定了): that
is its issuing formula, read as a lead by some annotators and as issuing by others, so the
sentence goes to the coverage report.

The program is named with its region as the title writes it (隆林各族自治县2023年…项目), and
without it as a further form (健康老龄化三年行动 of 常州市健康老龄化三年行动).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.entities import program_mention
from kg.extract.entities.programs import other_form
from kg.extract.model import EntityKey
from kg.extract.relations.clauses import LIST_CLOSING, all_units
from kg.extract.relations.cues import Cues, cues
from kg.extract.relations.finder import RelationFinder
from kg.extract.relations.units import assign_units, unit_entities
from kg.names.regions import region_mentions

# (2026—2030年), （试行）, (2023-2025年): a period or a trial mark after the plan's name
_TITLE_TAIL = re.compile(r"(?:[（(][^（）()]{0,16}[）)])+$")


@lru_cache(maxsize=4)
def _drafted_re(c: Cues) -> re.Pattern[str]:
    """(联合)(研究)制定了《…》: the verb of drawing up and the plan's title right after it."""
    verbs = "|".join(map(re.escape, c.drafting_verbs))
    return re.compile(r"(?:联合|共同)?(?:研究)?(?:" + verbs + r")了?《(?P<title>[^《》\n]{4,80})》")


def plan_action(title: str, c: Cues) -> str:
    """The action a plan's title names: without its period or trial mark, the 关于…的 around
    it and its kind (实施方案, 行动计划 → 行动, 应急预案); "" for a document of rules or a title
    that names no kind of plan."""
    name = _TITLE_TAIL.sub("", title.strip())
    if name.endswith(c.drafted_rule_kinds):
        return ""
    kind = next((k for k in c.drafted_plan_kinds if name.endswith(k)), "")
    if not kind:
        return ""
    name = name[: -len(kind)]  # 促进行动计划 → 促进行动: the kinds hold 计划, not 行动计划
    if name.startswith("关于"):
        name = name[2:]
    name = name.removesuffix("的")
    return name if 4 <= len(name) <= 50 else ""


def _drafters(finder: RelationFinder, start: int, end: int, c: Cues) -> list[tuple[int, int]]:
    """The units written before the verb (A、B、C, A等16个部门), each a unit; none otherwise."""
    f = finder.ctx.folded
    text = f[start:end]
    for frame in c.drafting_frames:  # …文化广电和旅游局根据有关法规和文件要求联合制定了
        k = text.find(frame)
        if k > 0:
            end = start + k
            text = f[start:end]
    tail = LIST_CLOSING.search(text)
    if tail:
        end = start + tail.start()
    return all_units(f[start:end], start)




def _program_of(finder: RelationFinder, s: int, e: int, action: str) -> EntityKey:
    """The program named ``action`` inside the title at f[s:e]: the one the text names so
    (with or without its leading region, its quotes aside: 遏制艾滋病传播 read from the
    title line, 体重管理年活动), else a new mention, with the form without its leading region
    as another of its forms."""
    f = finder.ctx.folded
    at = f.find(action, s, e)
    if at < 0:
        at = s
    cut = max((b for a, b, _ in region_mentions(action, finder.ctx.doc_region) if a == 0), default=0)
    forms = {_unquoted(action), _unquoted(action[cut:])}
    named = [p for p in finder.programs_in(0, len(f)) if _unquoted(p.key.name) in forms]
    mention = max(named, key=lambda p: len(p.key.name)) if named else \
        program_mention(finder.ctx, at, at + len(action), _unquoted(action))
    if not named:
        finder.new_mentions.append(mention)
    if cut and len(action) - cut >= 4 and _unquoted(mention.key.name) != _unquoted(action[cut:]):
        finder.new_mentions.append(other_form(finder.ctx, mention, at + cut, at + len(action)))
    return mention.key


def _unquoted(name: str) -> str:
    return name.replace("“", "").replace("”", "")


_PARAGRAPH_END = re.compile(r"。\s*\n")
_DATE_LINE = re.compile(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


def _signature_block(finder: RelationFinder, after: int, reach: int = 1500) -> list[EntityKey]:
    """The bodies that sign a notice: the lines between the end of the sentence at ``after``
    and the next date line, each nothing but names of bodies (常州市卫生健康委员会 常州市发展和
    改革委员会); none where a line says anything else or no date closes them."""
    f = finder.ctx.folded
    # the block opens after the line that ends the notice's paragraph (…请认真贯彻执行。)
    ends = _PARAGRAPH_END.search(f, after, min(len(f), after + reach))
    line_start = f.find("\n", ends.start() if ends else after, after + reach)
    if line_start < 0:
        return []
    out: list[EntityKey] = []
    pos = line_start + 1
    while pos < len(f) and pos < after + reach:
        end = f.find("\n", pos)
        end = len(f) if end < 0 else end
        line = f[pos:end]
        if _DATE_LINE.match(line):
            return out
        orgs = finder.orgs_in(pos, end)
        rest = list(line)
        for o in orgs:
            rest[o.start - pos:o.end - pos] = " " * (o.end - o.start)
        if line.strip() and (not orgs or "".join(rest).strip()):
            return []  # a line of prose: no signature block
        out.extend(o.key for o in orgs if o.key not in out)
        pos = end + 1
    return []


def drafters(finder: RelationFinder) -> None:
    """A、B联合制定了《X实施方案》: the drafters lead X (我局制定了: listed, not read)."""
    c = cues()
    f = finder.ctx.folded

    def lead(keys: list[EntityKey], program: EntityKey, at: int) -> None:
        for key in keys:
            finder.add("lead", key, program, at, "制定了《》")

    for m in _drafted_re(c).finditer(f):
        action = plan_action(m.group("title"), c)
        if not action:
            continue
        clause_start = finder.clause_start(m.start(), reach=400)
        subject = f[clause_start:m.start()].strip()
        sent_start, _ = finder.sentence(m.start())
        if "由" in f[sent_start:m.start()] or subject.startswith(c.partner_verbs):
            continue  # 由A牵头，联合B…研究制定了: the by_lead rule's
        if subject.endswith(c.drafting_first_person):
            # 我们制定了《…》，现印发给你们: the notice's own issuing formula. Annotators split on it (the
            # signers of one notice lead its plan, those of another lead nothing: issuing is no lead),
            # so it is listed for the analyst, not guessed
            finder.unattached.append((m.start(), "drafters"))
            continue
        units = _drafters(finder, clause_start, m.start(), c)
        if not units:
            continue
        program = _program_of(finder, m.start("title"), m.end("title"), action)
        if LIST_CLOSING.search(f[clause_start:m.start()].rstrip("联合共同研究")):
            # 国家卫生健康委等16个部门联合制定了: the signature block names all of them
            signers = _signature_block(finder, m.end())
            named = {k for s, e in units for k in unit_entities(finder, s, e, "")}
            if signers and named <= set(signers):
                lead(signers, program, m.start())
                continue
        assign_units(finder, m.start(), units, [], [program], "制定了《》", "drafters")
