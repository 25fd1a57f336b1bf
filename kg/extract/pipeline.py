"""The spaCy pipeline: ``spacy.blank("zh")`` plus six registered components.

    hg_jurisdiction → hg_segmenter → hg_entities → hg_relations → hg_quantities → hg_annotations

Each component does one job and leaves its result on the Doc (``doc._.hg_*``); the
last writes them as spaCy's own token annotations: sentences become ``doc.sents`` and
entity mentions ``doc.ents``. A build reads only the extensions and runs without it
(:func:`extract_document`). The Doc is made
over the *folded* text (Simplified, same length as the original), and the original
is kept in ``doc._.hg_original`` so labels and evidence keep their script.
Components that carry data (the entity grammar, the responsibility cues, the grammar
of values) save it with ``to_disk`` and lend it to their rules while they run
(kg.extract.active); the jurisdiction reads the region table of kg.names, which the
graph's IRIs share, and the segmenter has no data.
"""
from __future__ import annotations

import bisect
import json
import re
import shutil
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy

from kg.extract.spacy_import import import_spacy

spacy = import_spacy()  # before any other import from spaCy: see kg.extract.spacy_import

from spacy.attrs import ENT_IOB, ENT_TYPE, SENT_START  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from kg.extract.entities import Context, find_entities, heading_programs, issuer_key
from kg.extract.entities.programs import title_programs
from kg.extract.grammar import DATA as GRAMMAR_DATA
from kg.extract.grammar import Grammar
from kg.extract.model import PROGRAM, Extraction, Mention
from kg.extract.direction import read_direction
from kg.extract.quantities import PLAN_WORDS, is_plan_document, measurements_in_sentence, planned_and_done
from kg.extract.quantities.targets import (
    ITEM_NUMBER,
    TargetContext,
    achievement_spans,
    annual_plan_year,
    goal_spans,
    is_quota,
    plan_period_end,
    read_targets,
    task_deadline_years,
    task_list_spans,
)
from kg.extract.quantities.rules import ACTIVE_RULES, carry_heads, load_rules, opens_period_since, rules
from kg.extract.quantities.tables import indicator_tables
from kg.extract.relations.cues import ACTIVE_CUES, Cues, cues
from kg.extract.relations import (
    clause_owner_sections,
    find_relations,
    opening_clause_sections,
    without_superseded,
    owner_sections,
    subject_owner_sections,
    responsibility_clauses,
)
from kg.extract.segment import SectionList
from kg.extract.segment import sections as find_sections
from kg.extract.segment import sentences as find_sentences
from kg.spans import SpanIndex, SpanSet
from kg.ingest.document import SourceDocument
from kg.names.regions import (Jurisdiction, Region, full_name_spans, is_national_document, read_jurisdiction, region_mentions,
                              regions)
from kg.textnorm import fold

# What a Doc carries in (set by source_doc: the folded text, the original, the document's
# metadata) and what the components leave on it, each declared (spaCy's own mechanism)
# rather than kept in a shared user_data dict: hg_context is the document context the
# entity and relation rules share (kg.extract.entities.Context); hg_unattached the clauses
# that found no task (kg audit); hg_jurisdiction how the region was read.
INPUT_EXTENSIONS = ("hg_folded", "hg_original", "hg_meta")
EXTENSIONS = INPUT_EXTENSIONS + ("hg_region", "hg_jurisdiction", "hg_context", "hg_sections", "hg_sentences", "hg_mentions", "hg_members",
              "hg_programs_by_section", "hg_relations", "hg_unattached", "hg_quantities")
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

ANNOTATIONS = "hg_annotations"
PIPE_NAMES = ["hg_jurisdiction", "hg_segmenter", "hg_entities", "hg_relations", "hg_quantities", ANNOTATIONS]
# what extract_document (every build) runs without; spaCy ignores a name the pipeline lacks
NOT_IN_BUILDS = (ANNOTATIONS,)


class CharTokenizer:
    """One token per character, whitespace included, so that a character offset is a
    token index. Same segmentation as spacy.blank("zh")'s "char" segmenter for text,
    several times faster (no per-character Python loop)."""

    def __init__(self, vocab) -> None:  # noqa: ANN001 - spaCy Vocab
        self.vocab = vocab
        # per code point: is its lexeme known yet, and its ORTH id as a Python int (an
        # object array, grown as characters come): gathering the ids' int objects costs
        # 11 ns a character, where ``tolist`` of a uint64 array made a new int for each
        # character (53 ns)
        self._known = numpy.zeros(0x10000, dtype=numpy.bool_)
        self._orth = numpy.zeros(0x10000, dtype=object)

    def __call__(self, text: str) -> Doc:
        # Doc accepts ORTH ids for words. The ids come from one encode and one array
        # lookup: a Python lookup per character cost a third of making the Doc, and
        # spaCy would hash every string.
        points = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        try:
            known = self._known[points]
        except IndexError:  # a code point beyond the table: grow it
            self._grow(int(points.max()) | 0xFFFF)
            known = self._known[points]
        if not known.all():
            for cp in numpy.unique(points[~known]).tolist():
                self._orth[cp] = self.vocab[chr(cp)].orth
                self._known[cp] = True
        words = self._orth[points].tolist()
        return Doc(self.vocab, words=words, spaces=[False] * len(words))

    def _grow(self, last: int) -> None:
        """Make the tables reach code point ``last``."""
        known = numpy.zeros(last + 1, dtype=numpy.bool_)
        known[:len(self._known)] = self._known
        orth = numpy.zeros(last + 1, dtype=object)
        orth[:len(self._orth)] = self._orth
        self._known, self._orth = known, orth

    def to_bytes(self, **kwargs) -> bytes:  # noqa: ANN003 - spaCy serialisation API
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "CharTokenizer":  # noqa: ANN003
        return self

    def to_disk(self, path, **kwargs) -> None:  # noqa: ANN001, ANN003
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, **kwargs) -> "CharTokenizer":  # noqa: ANN001, ANN003
        return self


@spacy.registry.tokenizers("hg_char_tokenizer.v1")
def make_char_tokenizer():  # noqa: ANN201 - spaCy registry API
    def create(nlp: Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return create


def _ctx(doc: Doc) -> Context:
    return doc._.hg_context


def _text(doc: Doc) -> str:
    """The Doc's text. ``Doc.text`` joins every token anew on each access (O(n) Python
    objects for one token per character), so the string is kept in ``doc._.hg_folded``."""
    text = doc._.hg_folded
    if text is None:
        text = doc._.hg_folded = doc.text
    return text


def _meta(doc: Doc) -> dict:
    """The document's metadata (title, issuer, date, 文号, sha256, the regions the user gave)."""
    return doc._.hg_meta or {}


@Language.factory("hg_jurisdiction", default_config={}, assigns=["doc._.hg_region", "doc._.hg_jurisdiction", "doc._.hg_context"])
def make_jurisdiction_reader(nlp: Language, name: str):  # noqa: ANN201 - a spaCy component
    """The region a document speaks for; its data is the region table of kg.names,
    which the graph's IRIs share, so it is not a pipeline's own."""
    return jurisdiction_component


def jurisdiction_component(doc: Doc) -> Doc:
    """Detect the region the document speaks for (issuer, title, text)."""
    meta = _meta(doc)
    text = _text(doc)
    original = doc._.hg_original or text
    full = full_name_spans(text)
    title = fold(meta.get("title") or "")
    given = regions().pick(fold(meta["region"])) if meta.get("region") else None
    default = regions().pick(fold(meta["default_region"])) if meta.get("default_region") else None
    found = read_jurisdiction(text, title, meta.get("issuer"), full=full, doc_number=meta.get("doc_number"), given=given,
                              furniture=meta.get("furniture"))
    national = given is None and is_national_document(text, title, meta.get("issuer"), meta.get("doc_number"))
    if national and found.basis != "issuer":
        found = Jurisdiction(None, "national", True)  # a central document: the regions it names are not its own
    elif default is not None and (found.region is None or not found.certain):
        found = Jurisdiction(default, "given", True)  # the user's region where the text does not say
    region = found.region
    doc._.hg_region = region
    doc._.hg_jurisdiction = found
    ctx = Context(text, original, region, SectionList())
    ctx.national = national and region is None
    if region is None and not ctx.national:
        ctx.unscoped = "doc-" + (meta.get("sha256") or "")[:12]  # 区卫健委 of an unknown region: this document's
    ctx.full_region_names = full
    ctx.title = title
    ctx.issuer = issuer_key(fold(meta.get("issuer") or ""), region)
    doc._.hg_context = ctx
    return doc


@Language.factory("hg_segmenter", default_config={}, requires=["doc._.hg_context"],
                  assigns=["doc._.hg_sections", "doc._.hg_sentences"])
def make_segmenter(nlp: Language, name: str):  # noqa: ANN201 - a spaCy component
    """Sentences and the numbered section tree: punctuation and numbering, no data."""
    return segmenter_component


def segmenter_component(doc: Doc) -> Doc:
    """Sentences at 。！？ and line ends; the numbered section tree."""
    text = _text(doc)
    sents = find_sentences(text)
    secs = find_sections(text)
    doc._.hg_sections = secs
    if doc._.hg_context is not None:
        _ctx(doc).sections = secs
    doc._.hg_sentences = sents
    return doc


def _longest_first(mentions: list, n_tokens: int) -> list[tuple[str, int, int]]:
    """Non-overlapping (label, start, end) entities, longest first, then earliest — the
    rule of ``spacy.util.filter_spans``. One token per character, so offsets are token
    indexes and no Span needs aligning."""
    taken = bytearray(n_tokens)
    out = []
    for m in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if 0 <= m.start < m.end <= n_tokens and taken.find(1, m.start, m.end) < 0:  # none of its tokens taken
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
            out.append((m.key.type, m.start, m.end))
    out.sort(key=lambda t: t[1])
    return out


def _set_entities(doc: Doc, entities: list[tuple[str, int, int]]) -> None:
    """``doc.ents = entities``, written as ENT_IOB/ENT_TYPE arrays: the ``ents`` setter
    builds a Span per entity and costs 2-3x as much."""
    arr = numpy.zeros((len(doc), 2), dtype="uint64")
    arr[:, 0] = 2  # O: outside any entity
    if entities:
        # every token of every entity at once (a few array operations per document,
        # rather than three slice assignments per entity)
        add = doc.vocab.strings.add
        ids = {label: add(label) for label in {e[0] for e in entities}}
        starts = numpy.array([e[1] for e in entities], dtype=numpy.int64)
        lengths = numpy.array([e[2] for e in entities], dtype=numpy.int64) - starts
        offsets = numpy.arange(int(lengths.sum())) - numpy.repeat(numpy.cumsum(lengths) - lengths, lengths)
        tokens = numpy.repeat(starts, lengths) + offsets
        arr[tokens, 0] = 1  # I
        arr[starts, 0] = 3  # B
        arr[tokens, 1] = numpy.repeat(numpy.array([ids[e[0]] for e in entities], dtype=numpy.uint64), lengths)
    doc.from_array([ENT_IOB, ENT_TYPE], arr)


class _RuleDataComponent:
    """A component that carries the data files its rules read (kg.extract.active):
    loaded from the package or from the paths in its config, lent to its rules while
    it runs, written by ``to_disk`` and read back by ``from_disk``, so that a saved
    pipeline is whole and one edited on disk reads its own words."""

    FILES: tuple[str, ...] = ()  # the data files it saves, by name

    def __init__(self, name: str, responsibility_path: str | None = None,
                 quantities_path: str | None = None) -> None:
        self.name = name
        self.cues = Cues.load(Path(responsibility_path)) if responsibility_path else ACTIVE_CUES.default()
        self.quantity_rules = load_rules(Path(quantities_path)) if quantities_path else ACTIVE_RULES.default()

    def _file_text(self, name: str) -> str:
        if name == "responsibility.json":
            return self.cues.source
        if name == "quantities.json":
            return json.dumps(self.quantity_rules.raw, ensure_ascii=False, indent=1)
        raise KeyError(name)

    def _load_file(self, name: str, path: Path) -> None:
        if name == "responsibility.json":
            self.cues = Cues.load(path)
        elif name == "quantities.json":
            self.quantity_rules = load_rules(path)

    def _lent(self):  # noqa: ANN202 - a context manager
        """The component's data, lent to the rules for the span of one call."""
        from contextlib import ExitStack

        stack = ExitStack()
        stack.enter_context(ACTIVE_CUES.using(self.cues))
        stack.enter_context(ACTIVE_RULES.using(self.quantity_rules))
        return stack

    def to_disk(self, path: str | Path, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name in self.FILES:
            (path / name).write_text(self._file_text(name), encoding="utf-8")

    def from_disk(self, path: str | Path, exclude: tuple = ()):  # noqa: ANN201 - returns self, as spaCy's do
        for name in self.FILES:
            if (Path(path) / name).exists():
                self._load_file(name, Path(path) / name)
        return self


class EntityRecognizer(_RuleDataComponent):
    """Lexicon + suffix grammar + quotation rules; the grammar is its data, and the
    responsibility cues that tell a plan's task headings."""

    FILES = ("grammar.json", "responsibility.json")

    def __init__(self, nlp: Language, name: str, grammar_path: str | None = None,
                 responsibility_path: str | None = None) -> None:
        super().__init__(name, responsibility_path)
        self.grammar = Grammar.load(Path(grammar_path) if grammar_path else GRAMMAR_DATA)

    def _file_text(self, name: str) -> str:
        if name == "grammar.json":
            return json.dumps(self.grammar.raw, ensure_ascii=False, indent=1)
        return super()._file_text(name)

    def _load_file(self, name: str, path: Path) -> None:
        if name == "grammar.json":
            self.grammar = Grammar.load(path)
        else:
            super()._load_file(name, path)

    def __call__(self, doc: Doc) -> Doc:
        with self._lent():
            return self._recognise(doc)

    def _recognise(self, doc: Doc) -> Doc:
        ctx = _ctx(doc)
        ctx.g = self.grammar
        mentions, members = find_entities(ctx, _meta(doc).get("doc_number"))
        owners = owner_sections(ctx) or subject_owner_sections(ctx, mentions) or opening_clause_sections(ctx)
        if owners:  # in a plan with lists, an action stated as 由A牵头 is an action too
            owners |= {i for i in clause_owner_sections(ctx) if ctx.sections[i].level >= min(ctx.sections[j].level for j in owners)}
        heads = heading_programs(ctx, owners) + title_programs(ctx, fold(_meta(doc).get("title") or ""))
        by_section: dict[int | None, Mention] = {}
        for h in heads:  # the first mention of each heading names its program; the others are aliases
            by_section.setdefault(ctx.sections.innermost(h.start), h)
        # a heading's own program wins over shorter names read inside the heading's name
        if heads:
            head_index = SpanIndex(list(by_section.values()))
            reach = max(h.end - h.start for h in by_section.values())
            mentions = [m for m in mentions if not (m.key.type == PROGRAM and any(
                m.end <= h.end and ((h.start, h.end) != (m.start, m.end) or h.key != m.key)
                for h in head_index.starting_in(m.start - reach, m.start + 1)))]
        mentions = sorted(mentions + heads, key=lambda m: (m.start, -m.end))
        doc._.hg_mentions = mentions
        doc._.hg_members = members
        doc._.hg_programs_by_section = by_section
        return doc


@Language.factory("hg_entities", default_config={"grammar_path": None, "responsibility_path": None},
                  requires=["doc._.hg_context", "doc._.hg_sections"],
                  assigns=["doc._.hg_mentions", "doc._.hg_members", "doc._.hg_programs_by_section"])
def make_entity_recognizer(nlp: Language, name: str, grammar_path: str | None,
                           responsibility_path: str | None) -> EntityRecognizer:
    return EntityRecognizer(nlp, name, grammar_path, responsibility_path)


def _program_of_section(sections: SectionList, by_section: dict, offset: int):  # noqa: ANN202
    """The program of the innermost section holding ``offset`` that is one, walking
    up the section tree."""
    i = sections.innermost(offset)
    while i is not None:
        if i in by_section:
            return by_section[i].key
        i = sections[i].parent
    return None


def _program_for(doc: Doc):  # noqa: ANN202 - returns a closure
    """offset → the program of the innermost enclosing section that is one. The answer
    changes only where a section starts or ends, so it is worked out once for each
    stretch between those offsets and then looked up by bisection (it is asked for
    every sentence, and walking the section tree each time cost ~2 µs)."""
    sections = _ctx(doc).sections
    by_section = doc._.hg_programs_by_section or {}
    points = sorted({0, *(sec.start for sec in sections), *(sec.end for sec in sections)})
    values = [_program_of_section(sections, by_section, p) for p in points]

    def program_for_offset(offset: int):  # noqa: ANN202
        k = bisect.bisect_right(points, offset) - 1
        return values[k] if k >= 0 else _program_of_section(sections, by_section, offset)

    return program_for_offset


class RelationRules(_RuleDataComponent):
    """Lead/support/member/part relations, one rule per convention (kg.extract.relations);
    the responsibility cues are its data."""

    FILES = ("responsibility.json",)

    def __call__(self, doc: Doc) -> Doc:
        with self._lent():
            return relations_of(doc)


@Language.factory("hg_relations", default_config={"responsibility_path": None},
                  requires=["doc._.hg_context", "doc._.hg_mentions", "doc._.hg_programs_by_section"],
                  assigns=["doc._.hg_relations", "doc._.hg_unattached", "doc._.hg_mentions"])
def make_relation_rules(nlp: Language, name: str, responsibility_path: str | None) -> RelationRules:
    return RelationRules(name, responsibility_path)


def relations_of(doc: Doc) -> Doc:
    """The relation rules over one Doc, with the cues active now."""
    ctx = _ctx(doc)
    finder = find_relations(ctx, list(doc._.hg_mentions or []), doc._.hg_members or [],
                            doc._.hg_programs_by_section or {}, _program_for(doc))
    doc._.hg_mentions = without_superseded(list(doc._.hg_mentions or []), finder.new_mentions, finder.relations)
    doc._.hg_relations = finder.relations
    doc._.hg_unattached = finder.unattached
    return doc


_PARAGRAPH_YEAR = re.compile(r"\D{0,40}?(\d{4})\s*年")
_OPENING_YEAR = re.compile(r"\D{0,6}?(\d{4})\s*年")
# a sentence opening with the year said relative to the document's date: 去年，… / 今年以来，… / 截至去年，…
_RELATIVE_YEARS = {"去年": -1, "上年": -1, "上一年": -1, "今年": 0}
_RELATIVE_YEAR_OPENING = re.compile(r"[\s“]*(?:同时|此外|其中|另外)?[，,]?(去年|上一年|上年|今年)(?![度底末]?[的]?目标)")
# …了解到，截至去年，X已提升至80.1岁: the date a sentence's figures stand at, anywhere before them
_AS_OF_RELATIVE_YEAR = re.compile(r"(?:截至|截止)到?(去年|上一年|上年|今年)(?:底|末|年底|年末)?[，,]")
# …介绍，截止2022年12月31日，已累计完成…: the date the figures stand at, a clause of its own anywhere in the sentence (a
# day's date too); not a date inside a clause (较截至2020年底提高了…, 其中截至2019年已建成的…)
_AS_OF_YEAR = re.compile(r"(?:^|(?<=[，,；]))\s*(?:截至|截止)到?((?:19|20)\d{2})\s*年(?:\d{1,2}月(?:\d{1,2}日)?|底|末|年底|年末)?[，,]")
_PLAN_OPENING = re.compile(r"\s*[“\"]?(?:到\d{4}年|到(?:明年|后年|今年)|下一步|下阶段|今后)")
# what a plan's sentence reports as done: 截至…, 已…; not 已 of a relative clause (巩固已取得的防治成果, 对已建成的…)
_ACHIEVED = re.compile(r"截至|截止|已(?![\u4e00-\u9fff]{1,3}的)")
# a paragraph opening with a cited plan of a period and what it states: 《云南儿童发展规划(2011-2020年)》提出，
# a cited plan stating its goals for a year within the paragraph's first sentence: …印发《…规划》，《规划》提出到2020年，
_CITED_PLAN_STATES = re.compile(r"《[^《》]{0,60}?(?:规划|方案|计划|纲要|意见)》(?:中)?(?:提出|明确|要求|指出|强调|规定)[，,：:]?\s*"
                                r"(?:到|至)(\d{4})\s*年")
_CITED_PLAN_OPENING = re.compile(r"\s*《[^《》]{2,60}?[（(]\s*\d{4}\s*[-—–－~～至到]\s*(\d{4})\s*年?\s*[）)]》"
                                 r"(?:中)?(?:提出|明确|要求|指出|强调|规定)")
_DEADLINE_OPENING = re.compile(r"\s*\d{4}\s*年(?:底|末)?(?:前|以前)")
_FUTURE_YEAR = re.compile(r"(?:到|至|展望)(\d{4})\s*年")
# not a year of comparison (比2021年) nor one looked ahead to (到2025年底，将实现…): a later figure is not of that year
# (截至2024年 and 提高到2023年的 name the year of what they report); a date (2023年6月，平台上线) is when something
# happened, not the year a text reports on, except in a text with no date of its own (2022年4月是第34个爱国卫生月: the
# figures of that month's events, told in the paragraphs after, are of 2022)
_YEAR_OR_DATE_NAMED_SPELLING = r"(?<![比较\d望])(?<!(?<![截止高升低少加长降增年])[到至])(\d{4})\s*年"
_YEAR_NAMED = re.compile(_YEAR_OR_DATE_NAMED_SPELLING + r"(?!\d{1,2}月)")
_YEAR_OR_DATE_NAMED = re.compile(_YEAR_OR_DATE_NAMED_SPELLING)
_HEADING_START = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十\d]{1,3}）|\d{1,2}[\.．、])")


def _last_year(sent: str, dates: bool = False) -> int | None:
    """The last year a sentence names (not a year of comparison, 比2021年, nor a future one, 到2025年), a date's
    too where ``dates``."""
    found = [int(m.group(1)) for m in (_YEAR_OR_DATE_NAMED if dates else _YEAR_NAMED).finditer(sent) if 1990 <= int(m.group(1)) <= 2100
             and not opens_period_since(sent, m.end())]  # 自2010年…以来: a period's start
    return found[-1] if found else None


class QuantityReader(_RuleDataComponent):
    """Targets and measurements, sentence by sentence; the grammar of values and
    indicators is its data, and the cues that tell a plan."""

    FILES = ("quantities.json", "responsibility.json")

    def __call__(self, doc: Doc) -> Doc:
        with self._lent():
            return quantities_of(doc)


@Language.factory("hg_quantities", default_config={"quantities_path": None, "responsibility_path": None},
                  requires=["doc._.hg_context", "doc._.hg_sentences", "doc._.hg_programs_by_section"],
                  assigns=["doc._.hg_quantities"])
def make_quantity_reader(nlp: Language, name: str, quantities_path: str | None,
                         responsibility_path: str | None) -> QuantityReader:
    return QuantityReader(name, responsibility_path, quantities_path)


# a title naming the year a report is on: 2022年工作总结, 2022年卫生健康事业发展统计公报, 2021年度工作报告
_REPORTED_YEAR = re.compile(r"(\d{4})\s*年度?[^，。《》\d]{0,16}?(?:工作总结|总结|工作报告|统计公报|年报|工作情况报告)")


# what may open a sentence before the place it is about: its year (a table row written as a sentence) or 其中
_BEFORE_THE_PLACE = re.compile(r"(?:(?:19|20)\d{2}年[，,])?(?:其中[，,：:]?)?")


def _opening_region(sent: str, doc_region: Region | None) -> str:
    """The code of the region a sentence opens with (2022年，桐城市城市低保数286人 in 安庆市's table: 桐城市's
    figures), else "": the place a sentence is about is its subject, whether within the document's own or not."""
    at = _BEFORE_THE_PLACE.match(sent).end()
    spans = region_mentions(sent[at:], doc_region)
    place, end = None, 0
    while True:  # 肇庆市广宁县: the places written one after another, the last the one it is about
        here = [(e, r) for b, e, r in spans if b == end and e > end]
        if not here:
            break
        end, place = max(here, key=lambda t: t[0])
    if place is None:
        return ""
    # a sentence that goes on to another place (北京市…，上海市为…) is not one place's: its figures are left as read
    chain = {a.code for a in regions().chain(place)}
    if any(b >= end and r.code not in chain for b, _, r in spans):
        return ""
    return place.code


def _reported_parts(sent: str, s: int, tc: TargetContext, year_hint: int | None, region: str, places: tuple[str, ...],
                    doc_year: int | None) -> list:
    """至2022年，…已从2018年的77.6岁提高至79.6岁；预计到2025年…将达到81岁: in a report, the part of a
    sentence that says what was reached (已, 截至) reports it, though a later part sets a target."""
    out, pos = [], 0
    for part in sent.split("；"):
        if _ACHIEVED.search(part) and not read_targets(part, s + pos, tc):
            out.extend(q for q in measurements_in_sentence(part, s + pos, year_hint, region, places)
                       if doc_year is None or q.year is None or q.year <= doc_year)
        pos += len(part) + 1
    return out


def quantities_of(doc: Doc) -> Doc:
    """Targets and measurements of one Doc, with the grammar active now."""
    ctx = _ctx(doc)
    meta = _meta(doc)
    doc_year = int(meta["date"][:4]) if meta.get("date") else None
    title = fold(meta.get("title") or "")
    text = _text(doc)
    plan = is_plan_document(bool(responsibility_clauses(text)), title, opening=text)
    title_year = re.search(r"(\d{4})(?:\s*[—–\-－~至到]\s*(\d{4}))?\s*年", title)  # 2023—2025年 → 2023
    if doc_year is None and title_year and 1990 <= int(title_year.group(1)) <= 2100:
        # "2023年工作总结": the year the document reports on; a report's span (2013-2018年…发展现状分析)
        # reaches to its last year, any other title's period (2023—2025年) opens with its own
        reports = not plan and any(w in title for w in rules().raw["report_title_words"])
        doc_year = int(title_year.group(2) if title_year.group(2) and reports else title_year.group(1))
    reported = _REPORTED_YEAR.search(title)
    if reported and 1990 <= int(reported.group(1)) <= 2100:
        doc_year = int(reported.group(1))  # …2022年工作总结, published in 2023: it reports on 2022
    program_for_offset = _program_for(doc)
    region = ctx.doc_region.code if ctx.doc_region else ""
    places: tuple[str, ...] = ()
    if ctx.doc_region is not None:
        fam = regions().family_shorts(ctx.doc_region)
        places = tuple(sorted({r.name for r in fam.values()} | set(fam), key=len, reverse=True))
    # a table of main indicators (主要指标 | 单位 | 2020年 | 2025年目标 …): read as a table, its cells no sentences
    out, table_spans = indicator_tables(text, region, rules(), plan, doc_year)
    in_table = SpanSet(table_spans)
    para_year: int | None = None
    plan_year: int | None = None
    goals = goal_spans(text, ctx.sections)
    task_lists = task_list_spans(text, ctx.sections, doc_year)
    deadlines = task_deadline_years(text, ctx.sections, cues().timing_labels) if plan else {}
    achieved = achievement_spans(ctx.sections, text)
    goal_year: int | None = None  # the last 到YYYY年 of the goal span being read
    annual = annual_plan_year(title) if plan else None
    period_end = plan_period_end(title + "\n" + text, title) if plan else None
    line_start, prev = 0, 0
    last_year: int | None = None  # the last year the paragraph before named
    for s, e in (doc._.hg_sentences or []):
        if table_spans:
            if in_table.covers(s):
                continue
            e = min([e] + [a for a, _ in table_spans if s < a < e])  # a sentence run on into a table stops at it
        sent = text[s:e]
        nl = text.rfind("\n", prev, s)  # sentences come in order: look back only to the previous one
        if nl >= 0:
            line_start = nl + 1
        prev = s
        goal = any(a <= s < b for a, b in goals)
        task_year = next((y for a, b, y in task_lists if a <= s < b), None)
        if not goal:
            goal_year = None
        if task_year is not None and not goal:
            goal, goal_year = True, task_year  # 2026年…16项举措分别为：1.…: the year's measures
        future = _FUTURE_YEAR.search(sent)
        if goal and future:
            goal_year = int(future.group(1))
        deadline = deadlines.get(ctx.sections.innermost(s)) if deadlines else None  # 责任期限：2010年底前完成
        tc = TargetContext(program_for_offset(s), region, doc_year, (goal_year if goal else None) or deadline or annual,
                           goal, plan, period_end)
        if line_start == s:
            m = _PARAGRAPH_YEAR.match(sent)
            para_year = int(m.group(1)) if m and 1990 <= int(m.group(1)) <= 2100 and not opens_period_since(sent, m.end()) else None
            # a paragraph that opens with a plan (2024年，…规划…) or a deadline (2019年底前，…) sets its targets' year
            plan_year = para_year if para_year and (PLAN_WORDS.search(sent) or _DEADLINE_OPENING.match(sent)) else None
            cited = _CITED_PLAN_OPENING.match(sent) or _CITED_PLAN_STATES.search(sent)
            if cited and (doc_year is None or int(cited.group(1)) >= doc_year):
                # 《云南儿童发展规划(2011-2020年)》提出，…: that plan's targets, for its last year; 《规划》提出到2020年，…。
                # X达到15%: the paragraph goes on with the goals the cited plan sets for that year
                plan_year = int(cited.group(1))
            if para_year is None and not _HEADING_START.match(sent):
                para_year = last_year  # figures right after a paragraph about 2022 are for 2022
            if _HEADING_START.match(sent):
                last_year = None  # a new section starts afresh
        else:
            opening = _OPENING_YEAR.match(sent)
            if opening and 1990 <= int(opening.group(1)) <= 2100 and not opens_period_since(sent, opening.end()):
                para_year = int(opening.group(1))  # "2023年，…" sets the year for what follows
            if plan_year is not None:
                tc.year = plan_year
        relative = (_RELATIVE_YEAR_OPENING.match(sent) or _AS_OF_RELATIVE_YEAR.search(sent)) if doc_year is not None else None
        if relative:
            para_year = doc_year + _RELATIVE_YEARS[relative.group(1)]  # 去年，130所乡镇卫生院…: the year before the document's
        as_of = _AS_OF_YEAR.search(sent) if "截" in sent else None
        if as_of and (doc_year is None or int(as_of.group(1)) <= doc_year):
            para_year = int(as_of.group(1))
        named = _last_year(sent, dates=doc_year is None)
        if named is not None and (doc_year is None or named <= doc_year):
            last_year = named  # a paragraph about a later year (a goal, a headline's 2030年目标) sets none for the next
        reported = any(a <= s < b for a, b in achieved)  # a plan's background: what was achieved
        done, done_start, done_end = planned_and_done(sent, s, para_year or doc_year, region) if not plan else ([], 0, 0)
        if done:
            # 计划…20000人，完成23339人，完成率116.7%: the task's plan and what was done; the rest of the sentence is read
            # as it would be without the statement (blanked by commas, so offsets stay)
            out.extend(done)
            sent = sent[:done_start] + "，" * (done_end - done_start) + sent[done_end:]
        targets = [] if reported else [read_direction(text, q) for q in carry_heads(read_targets(sent, s, tc), sent, s, rules())]
        if targets:
            out.extend(targets)
            if not plan and "；" in sent:
                out.extend(_reported_parts(sent, s, tc, para_year or doc_year, region, places, doc_year))
            continue
        if not reported and task_year is not None and goal_year is not None:
            # 3、孕产妇免费产前筛查5000人。 in a list of the year's tasks: a value stated as a fact is the value to reach
            out.extend(replace(q, kind="target", year=goal_year) for q in
                       measurements_in_sentence(sent, s, None, region, places) if q.year in (None, goal_year))
            continue
        if not reported and (plan_year is not None or goal or _PLAN_OPENING.match(sent)):
            continue  # the whole sentence (or its paragraph, its goal section) states plans
        if plan and not reported and _ACHIEVED.search(sent) is None:
            continue
        if is_quota(sent):
            continue  # 按…25—30%的比例下达指导性计划: a quota (a range: no target), nothing achieved
        if ITEM_NUMBER.sub("", sent, count=1).startswith(rules().norm_openers) and _ACHIEVED.search(sent) is None:
            continue  # 提倡驻汉部队战士在服役期间献血1次: a norm advocated, nothing achieved
        found = [q for q in measurements_in_sentence(sent, s, para_year or doc_year, region, places)
                 if doc_year is None or q.year is None or q.year <= doc_year]  # a later year's value is no measurement
        where = _opening_region(sent, ctx.doc_region) if found else ""  # asked only of a sentence that reports
        # 2022年，桐城市城市低保数286人: that county's figure (a value the reader placed itself keeps its place)
        out.extend(replace(q, region=where) if where and q.region == region else q for q in found)
    named_targets = tuple(rules().raw["named_targets"])
    # 省级分配给我市孕产妇免费产前筛查目标数为2300人: an indicator that names a target holds one, reported or not
    out = [replace(q, kind="target") if q.kind == "measurement" and q.indicator.endswith(named_targets) else q for q in out]
    seen = set()
    uniq = []
    for q in out:
        k = (q.kind, q.indicator, q.value, q.year, q.program, q.region)
        if k not in seen:
            seen.add(k)
            uniq.append(q)
    doc._.hg_quantities = uniq
    return doc


@Language.factory(ANNOTATIONS, default_config={}, requires=["doc._.hg_sentences", "doc._.hg_mentions"],
                  assigns=["doc.ents", "token.is_sent_start"])
def make_annotations(nlp: Language, name: str):  # noqa: ANN201 - a spaCy component
    return annotations_component


def annotations_component(doc: Doc) -> Doc:
    """What the components found, as spaCy's own token annotations: sentence starts
    (``doc.sents``) from the segmenter's sentences, and entities (``doc.ents``) from
    every mention, longest first. Nothing in a build reads them, and writing two
    attributes for every character was 5% of a build's time, so
    :func:`extract_document` runs the pipeline without this component."""
    n = len(doc)
    if n:
        starts = numpy.full((n, 1), -1, dtype="int64")
        # one token per character: a character offset is a token index
        for s, _ in (doc._.hg_sentences or []):
            if s < n:
                starts[s, 0] = 1
        starts[0, 0] = 1
        doc.from_array([SENT_START], starts.astype("uint64"))
    _set_entities(doc, _longest_first(doc._.hg_mentions or [], n))
    return doc


def make_nlp() -> Language:
    """A fresh pipeline: blank Chinese with a one-token-per-character tokenizer, plus
    our components."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "hg_char_tokenizer.v1"}}})
    # no parser or NER model: memory grows linearly, so long documents are safe
    nlp.max_length = 200_000_000
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    return make_nlp()


def source_doc(src: SourceDocument, nlp: Language) -> Doc:
    """The Doc of a cleaned document, before any component: its folded text tokenised,
    the original and the document's metadata in its input extensions."""
    doc = nlp.make_doc(src.folded)
    doc._.hg_folded = src.folded
    doc._.hg_original = src.text
    doc._.hg_meta = {"title": src.title, "issuer": src.issuer, "date": src.date, "doc_number": src.doc_number,
                                "sha256": src.sha256, "region": src.region, "default_region": src.default_region,
                                "furniture": src.furniture}
    return doc


def extract_document(src: SourceDocument, nlp: Language | None = None) -> Extraction:
    """Run the pipeline over one cleaned document. The extraction is read from the
    components' extensions, so spaCy's token annotations are not written
    (:func:`annotations_component`)."""
    nlp = nlp or default_nlp()
    return extraction_of(nlp(source_doc(src, nlp), disable=NOT_IN_BUILDS), src)


def extraction_of(doc: Doc, src: SourceDocument) -> Extraction:
    """What the components left on a processed Doc."""
    region = doc._.hg_region
    return Extraction(
        text=src.text,
        region_code=region.code if region else "",
        mentions=list(doc._.hg_mentions or []),
        relations=list(doc._.hg_relations or []),
        quantities=list(doc._.hg_quantities or []),
        sentences=(doc._.hg_sentences or []),
        sections=list(doc._.hg_sections or []),
        task_sections=sorted(i for i in (doc._.hg_programs_by_section or {}) if i is not None),
        jurisdiction=doc._.hg_jurisdiction,
        unattached=list(doc._.hg_unattached or []),
    )


def save_pipeline(path: str | Path) -> None:
    """Write the pipeline (config and component data) with ``nlp.to_disk``."""
    path = Path(path)
    if path.exists():
        shutil.rmtree(path)
    default_nlp().to_disk(path)
