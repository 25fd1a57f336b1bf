"""What a build did not read: the coverage report of ``kg audit``.

An analyst checks the graph against the text; this lists what the tool saw but could
not turn into the graph, with file and line: every sentence that names a unit and holds
a responsibility cue (牵头, 配合, 负责, 责任单位 …) but produced no relation; every
responsibility clause that found no task to belong to; every numbered measure of a plan
that produced no program. Precision comes first in extraction, so these are the
sentences it left for a reader.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Iterable

from kg.extract.model import Extraction
from kg.extract.relations.clauses import standing_units
from kg.extract.relations.cues import DATA as CUES_DATA
from kg.extract.relations.finder import ORG_TYPES
from kg.spans import SpanIndex
from kg.ingest.document import SourceDocument

CUE_WITHOUT_RELATION = "cue without relation"
CLAUSE_WITHOUT_TASK = "clause without task"
MEASURE_WITHOUT_PROGRAM = "measure without program"


@dataclass
class AuditItem:
    file: str
    line: int          # 1-based line of the cleaned text
    kind: str          # one of the three kinds above
    cue: str           # the cue word, the clause's rule, or the measure's number
    sentence: str


@dataclass
class AuditReport:
    """Totals and items over every document audited."""

    items: list[AuditItem] = field(default_factory=list)
    cue_sentences: int = 0
    cue_sentences_read: int = 0
    measures: int = 0
    measures_read: int = 0
    documents: int = 0

    @property
    def cue_coverage(self) -> float:
        """Share of the cue sentences that produced a relation."""
        return self.cue_sentences_read / self.cue_sentences if self.cue_sentences else 1.0

    def add(self, other: "AuditReport") -> None:
        self.items += other.items
        self.cue_sentences += other.cue_sentences
        self.cue_sentences_read += other.cue_sentences_read
        self.measures += other.measures
        self.measures_read += other.measures_read
        self.documents += other.documents

    def to_json(self) -> str:
        return json.dumps({"documents": self.documents, "cue_sentences": self.cue_sentences,
                           "cue_sentences_read": self.cue_sentences_read, "cue_coverage": round(self.cue_coverage, 4),
                           "measures": self.measures, "measures_read": self.measures_read,
                           "items": [asdict(i) for i in self.items]}, ensure_ascii=False, indent=1)


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    raw = json.loads(Path(CUES_DATA).read_text(encoding="utf-8"))["audit"]
    words = sorted(raw["cues"], key=len, reverse=True)
    not_words = sorted(raw["not_cues"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))), re.compile("|".join(map(re.escape, not_words)))


def _cue_in(sentence: str, base: int, org_ends: set[int], org_starts: set[int]) -> str:
    """The first responsibility cue of a folded sentence that is tied to a unit: a
    label (责任单位, 牵头单位), or a cue word right after a named unit (区卫健委牵头, 市教育局
    配合, 由A负责: the unit ends at most two characters before it) or, for 会同/协同,
    right before one (会同区财政局). Words that only hold a cue (负责人, 协同发展) and
    cues tied to no unit (各部门具体负责, 医校协同) are not responsibility statements."""
    cue_re, not_re = _cue_patterns()
    masked = not_re.sub(lambda m: "\0" * len(m.group()), sentence)
    for m in cue_re.finditer(masked):
        cue, at, end = m.group(), base + m.start(), base + m.end()
        if cue in ("责任单位", "按职责分工"):
            return cue
        if any(at - k in org_ends for k in (0, 1, 2)) or (cue in ("会同", "协同") and end in org_starts):
            return cue
    return ""


def audit_document(src: SourceDocument, ex: Extraction) -> AuditReport:
    """The coverage report of one extracted document."""
    report = AuditReport(documents=1)
    text, folded = ex.text, src.folded
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(line_starts, offset)

    read_spans = SpanIndex([(r.start, r.end) for r in ex.relations if r.kind in ("lead", "support", "member")],
                           start=itemgetter(0), end=itemgetter(1))
    orgs = SpanIndex([(m.start, m.end) for m in ex.mentions if m.key.type in ORG_TYPES], start=itemgetter(0), end=itemgetter(1))
    clause_starts = {offset for offset, _ in ex.unattached}

    def overlaps(spans: SpanIndex, s: int, e: int) -> bool:
        """Does any span start before ``e`` and end after ``s``? (a relation's span is its
        sentence, at most 1,200 characters: look back no further)"""
        return any(b > s for _, b in spans.starting_in(max(0, s - 1300), e))

    notes = [at for at, _ in standing_units(folded)]  # read by every later clause, not by a relation of their own
    org_ends = {m.end for m in ex.mentions if m.key.type in ORG_TYPES}
    org_starts = {m.start for m in ex.mentions if m.key.type in ORG_TYPES}
    for s, e in ex.sentences:
        cue = _cue_in(folded[s:e], s, org_ends, org_starts)
        if not cue or not overlaps(orgs, s, e):
            continue
        report.cue_sentences += 1
        if overlaps(read_spans, s, e) or any(s <= at < e for at in notes):
            report.cue_sentences_read += 1
        elif not any(s <= c < e for c in clause_starts):
            report.items.append(AuditItem(src.name, line_of(s), CUE_WITHOUT_RELATION, cue, ex.evidence(s)))
    for offset, rule in ex.unattached:
        report.items.append(AuditItem(src.name, line_of(offset), CLAUSE_WITHOUT_TASK, rule, ex.evidence(offset)))
    tasks = set(ex.task_sections)
    if tasks:
        # the measures of a plan: the numbered siblings of its tasks (not the headings
        # over them, nor the numbered points of its 保障措施)
        task_parents = {ex.sections[i].parent for i in tasks}
        task_levels = {ex.sections[i].level for i in tasks}
        parents = {sec.parent for sec in ex.sections}
        for i, sec in enumerate(ex.sections):
            if sec.parent not in task_parents or sec.level not in task_levels or i in parents:
                continue
            report.measures += 1
            if i in tasks:
                report.measures_read += 1
            else:
                report.items.append(AuditItem(src.name, line_of(sec.start), MEASURE_WITHOUT_PROGRAM, sec.number,
                                              ex.evidence(sec.start)))
    report.items.sort(key=lambda it: (it.file, it.line, it.kind))
    return report


def audit(inputs: Iterable[str | Path], max_bytes: int | None = None) -> tuple[AuditReport, list]:
    """Read and extract every document and report what was not read; returns the
    report and the inputs skipped (InputError, each with its reason)."""
    from kg.extract.pipeline import default_nlp, extract_document
    from kg.ingest import collect_paths, read_document
    from kg.defaults import DEFAULT_MAX_BYTES
    from kg.errors import InputError

    paths, skipped = collect_paths(list(inputs))
    report = AuditReport()
    nlp = default_nlp()
    for p in paths:
        try:
            src = read_document(p, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
        except InputError as exc:
            skipped.append(exc)
            continue
        report.add(audit_document(src, extract_document(src, nlp)))
    return report, skipped


def format_audit(report: AuditReport, fmt: str = "table") -> str:
    """The report as lines (table, tsv) or JSON."""
    if fmt == "json":
        return report.to_json()
    head = (f"{report.documents} document(s): {report.cue_sentences_read} of {report.cue_sentences} sentences with a "
            f"responsibility cue produced relations ({report.cue_coverage:.1%}); {report.measures_read} of "
            f"{report.measures} numbered measures of plans produced programs.")
    rows = [f"{i.file}:{i.line}\t{i.kind}\t{i.cue}\t{i.sentence}" for i in report.items]
    if fmt == "tsv":
        return "\n".join(["file:line\tkind\tcue\tsentence"] + rows + ["# " + head])
    return "\n".join(rows + ([""] if rows else []) + [head])
