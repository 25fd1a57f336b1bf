"""The build: documents in, a graph out."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from kg.atomic import write_bytes
from kg.errors import InputError
from kg.extract.pipeline import default_nlp, extract_document
from kg.graph.builder import document_quads
from kg.graph.store import GraphStore
from kg.ingest import collect_paths, read_document
from kg.ingest.reader import DEFAULT_MAX_BYTES


@dataclass
class BuildReport:
    """What a build read, skipped and produced."""

    documents: list[str] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    targets: int = 0
    measurements: int = 0
    characters: int = 0
    dropped_characters: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)
    per_document: list[tuple[str, str, str, float, int]] = field(default_factory=list)  # name, format, encoding, dropped, chars

    def summary(self) -> str:
        ents = ", ".join(f"{n} {t}" for t, n in sorted(self.entities.items())) or "no entities"
        rels = ", ".join(f"{n} {k}" for k, n in sorted(self.relations.items())) or "no relations"
        skipped = f"; skipped {len(self.skipped)}" if self.skipped else ""
        dropped = self.dropped_characters / (self.characters + self.dropped_characters) if self.characters else 0
        return (f"Built {len(self.documents)} document(s){skipped} in {self.seconds:.2f} s "
                f"({self.characters:,} characters kept, {dropped:.0%} dropped as boilerplate). "
                f"Entities: {ents}. Relations: {rels}. Targets: {self.targets}. Measurements: {self.measurements}.")


def build_store(inputs: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
                on_document: Callable[[str], None] | None = None,
                on_skip: Callable[[InputError], None] | None = None) -> tuple[GraphStore, BuildReport]:
    """Read, extract and load every document into a fresh store."""
    t0 = time.perf_counter()
    report = BuildReport()
    paths, errors = collect_paths(list(inputs))
    for e in errors:
        report.skipped.append(e)
        if on_skip:
            on_skip(e)
    store = GraphStore()
    nlp = default_nlp()
    for p in paths:
        try:
            src = read_document(p, max_bytes=max_bytes)
        except InputError as e:
            report.skipped.append(e)
            if on_skip:
                on_skip(e)
            if on_document:
                on_document(str(p))
            continue
        ex = extract_document(src, nlp)
        store.add_quads(document_quads(src, ex))
        report.documents.append(str(p))
        report.per_document.append((str(p), src.format, src.encoding, src.dropped_share, len(src.text)))
        report.characters += len(src.text)
        report.dropped_characters += src.chars_dropped
        for key in {m.key for m in ex.mentions}:
            report.entities[key.type] += 1
        for r in {(r.kind, r.source, r.target) for r in ex.relations}:
            report.relations[r[0]] += 1
        report.targets += sum(1 for q in ex.quantities if q.kind == "target" and q.year is not None)
        report.measurements += sum(1 for q in ex.quantities if q.kind == "measurement")
        if on_document:
            on_document(str(p))
    report.seconds = time.perf_counter() - t0
    return store, report


def write_outputs(store: GraphStore, out: str | Path, *, html: bool = True, report: BuildReport | None = None) -> list[str]:
    """Write graph.ttl (union), graph.trig (a named graph per document) and graph.html,
    each atomically."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    # temporary files of an earlier build that was killed before its rename
    for stale in out.glob(".graph.*.tmp"):
        stale.unlink(missing_ok=True)
    written = []
    for name, fmt in (("graph.ttl", "turtle"), ("graph.trig", "trig")):
        write_bytes(out / name, store.serialize(fmt))
        written.append(str(out / name))
    if html:
        from kg.explorer.explorer import render_html
        write_bytes(out / "graph.html", render_html(store).encode("utf-8"))
        written.append(str(out / "graph.html"))
    if report is not None:
        report.outputs = written
    return written
