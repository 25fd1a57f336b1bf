"""What extraction finds in one document, before it becomes RDF."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

# Entity types (hg: classes) that extraction produces: kg.schema holds the table
from kg.schema import CONSORTIUM, DEPARTMENT, GROUP, HOSPITAL, ORGANIZATION, POLICY, PROGRAM, REGION  # noqa: E402,F401

# evidence longer than this (a page without full stops) is cut to a window around the offset
EVIDENCE_LIMIT = 300


class EntityKey(NamedTuple):
    """Identity of an entity: type, canonical name and scope (the region code for
    region-relative names, "" for names that are unique on their own). A named tuple:
    keys are hashed and compared hundreds of thousands of times per corpus."""

    type: str
    name: str
    scope: str = ""


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    key: EntityKey
    surface: str           # as written (original script)
    region: str = ""       # region code the entity belongs to (hg:region), if known
    admin_code: str = ""   # for Region entities


@dataclass(slots=True)
class RelationMention:
    kind: str              # lead | support | member | part
    source: EntityKey
    target: EntityKey
    start: int             # evidence sentence span
    end: int
    cue: str = ""          # the words that signalled it (牵头单位, 协同, 为龙头 …)


@dataclass(slots=True)
class Quantity:
    kind: str              # target | measurement
    indicator: str
    value: float
    unit: str
    year: int | None
    comparator: str        # >= <= > < =
    start: int
    end: int
    program: EntityKey | None = None
    region: str = ""
    relative: bool = False
    approximate: bool = False
    baseline_year: int | None = None
    direction: str = ""              # increase | decrease | keep (kg.extract.direction), "" when unsaid
    baseline: float | None = None    # the value a change starts from (由2020年的25%提高到30% → 25)


@dataclass
class Section:
    level: int
    number: str
    title: str
    start: int             # offset of the heading
    end: int               # end of the section's body
    title_start: int
    title_end: int
    parent: int | None = None   # index in the section list
    own_line: bool = True       # the heading is its line's only sentence (not run on into the body)


@dataclass
class Extraction:
    """Everything read from one document. Offsets index ``text`` (the cleaned body)."""

    text: str
    region_code: str = ""
    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    task_sections: list[int] = field(default_factory=list)  # indexes of the sections that are programs
    unattached: list[tuple[int, str]] = field(default_factory=list)  # (offset, rule) of clauses that found no task
    jurisdiction: object = None  # kg.names.regions.Jurisdiction: the region read, how, and whether for certain

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding ``offset``."""
        starts = self.__dict__.get("_starts")
        if starts is None or len(starts) != len(self.sentences):
            starts = self.__dict__["_starts"] = [s for s, _ in self.sentences]
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return (0, 0)
        return self.sentences[i]

    def evidence(self, offset: int, limit: int = EVIDENCE_LIMIT) -> str:
        """The sentence holding ``offset``; an overlong one (a page without full stops)
        is cut to a window around the offset, marked with …. A whole sentence is cut
        once and the same string returned after (most nodes of a document share
        sentences, and its hash is then computed once)."""
        s, e = self.sentence_at(offset)
        if e - s > limit:
            a = max(s, offset - limit // 2)
            b = min(e, a + limit)
            return ("…" if a > s else "") + self.text[a:b].strip() + ("…" if b < e else "")
        cut = self.__dict__.setdefault("_sentence_text", {})
        text = cut.get((s, e))
        if text is None:
            text = cut[(s, e)] = self.text[s:e].strip()
        return text
