"""Turtle and TriG written from N-Triples terms grouped by subject.

A build's terms are already canonical N-Triples text, so writing Turtle is grouping:
each subject's sorted (predicate, object) pairs make one block, and a predicate's
objects are contiguous. Doing that in one pass over the strings is 2-3x faster than
handing them to oxigraph's parser and serialiser, whose Python objects cost more than
the writing itself. A test parses what this writes and compares it, statement for
statement, with its input.

Only vocabulary terms (predicates, classes, datatypes) are abbreviated to prefixed
names; instance IRIs stay in full, since their local names hold '/'.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import repeat
from typing import Callable, Iterable, Iterator, NamedTuple, Protocol, Sequence

from kg.graph.terms import RDF_NS, XSD_NS

RDF_TYPE = f"<{RDF_NS}type>"
# a prefixed name's local part that needs no escaping (a subset of Turtle's PN_LOCAL)
_SIMPLE_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_NEXT_PREDICATE = " ;\n\t"


class TermWriter:
    """Abbreviates N-Triples terms with a prefix table."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = prefixes
        self._by_length = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        # term → Turtle form; objects may abbreviate as they recur (IRIs, typed literals)
        self.objects_memo: dict[str, str] = {}
        self._predicates: dict[str, str] = {}
        # predicate term → " ;\n\tshort ", what precedes it in a block after the first
        self.leads_memo: dict[str, str] = {}

    def header(self) -> str:
        return "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in self.prefixes.items())

    def iri(self, term: str) -> str:
        """``<iri>`` → ``prefix:local`` when a prefix covers it with a simple local name."""
        value = term[1:-1]
        for name, ns in self._by_length:
            if value.startswith(ns) and _SIMPLE_LOCAL.fullmatch(value[len(ns):]):
                return f"{name}:{value[len(ns):]}"
        return term

    def predicate(self, term: str) -> str:
        short = self._predicates.get(term)
        if short is None:
            short = self._predicates[term] = "a" if term == RDF_TYPE else self.iri(term)
        return short

    def lead(self, term: str) -> str:
        """What precedes a predicate's first object in a block: ``" ;\\n\\tp "``."""
        lead = self.leads_memo.get(term)
        if lead is None:
            lead = self.leads_memo[term] = f"{_NEXT_PREDICATE}{self.predicate(term)} "
        return lead

    def object(self, term: str) -> str:
        short = self.objects_memo.get(term)
        if short is None:
            short = self._object(term)
            if len(self.objects_memo) < 200_000:
                self.objects_memo[term] = short
        return short

    def _object(self, term: str) -> str:
        head = term[0]
        if head == "<":
            return self.iri(term)
        if head == '"' and term[-1] == ">":
            cut = term.rfind('"^^<')
            if cut > 0:
                lexical, datatype = term[1:cut], term[cut + 3:]
                if datatype == f"<{XSD_NS}boolean>" and lexical in ("true", "false"):
                    return lexical
                if datatype == f"<{XSD_NS}decimal>" and _DECIMAL.fullmatch(lexical):
                    return lexical
                if datatype == f"<{XSD_NS}integer>" and _INTEGER.fullmatch(lexical):
                    return lexical
                return term[:cut + 3] + self.iri(datatype)
        return term


class SubjectBlock(NamedTuple):
    """One subject: its N-Triples term, its sorted unique (predicate, object) pairs of
    N-Triples terms and their Turtle text in UTF-8, unindented: ``s p o , o ;\\n\\tp o .\\n``.

    The text is kept encoded: both writers want bytes, so each block is encoded once
    instead of once per output file, and the UTF-8 of a block (ASCII IRIs and syntax,
    CJK literals) is ~30% smaller than the str, which is two bytes a character as soon
    as it holds one CJK character.

    Pairs are tuples of the builder's own term strings rather than "p o" strings:
    no string is made or split per statement, equal terms are shared (a document's
    IRI, an evidence sentence), and tuples hash from their terms' cached hashes. A
    predicate is an IRI, which cannot hold '>', so no predicate is a prefix of another
    and tuple order is the order of the "p o" strings."""

    subject: str
    pairs: tuple[tuple[str, str], ...]
    turtle: bytes


def render_subject(subject: str, pairs: Sequence[tuple[str, str]], w: TermWriter | None = None) -> str:
    """The Turtle block of one subject, from its sorted unique (predicate, object)
    pairs (N-Triples terms): ``s p o , o ;\\n\\tp o .\\n``. Pieces come from the
    writer's memos (a lead per predicate, a short form per object) and are joined
    once: no string is formatted per statement."""
    w = w or default_writer()
    objects, leads = w.objects_memo, w.leads_memo
    parts = [subject, " "]
    add = parts.append
    predicate = None
    for p, o in pairs:
        if o[0] != '"' or o[-1] == ">":  # IRIs and typed literals may abbreviate
            o = objects.get(o) or w.object(o)
        if p != predicate:
            add(leads.get(p) or w.lead(p))
            predicate = p
        else:
            add(" , ")
        add(o)
    if len(parts) > 2:
        parts[2] = parts[2][len(_NEXT_PREDICATE):]  # the first predicate follows the subject
    add(" .\n")
    return "".join(parts)


def subject_blocks(pairs_by_subject: dict[str, Iterable[tuple[str, str]]],
                   w: TermWriter | None = None) -> tuple[SubjectBlock, ...]:
    """Turtle blocks, one per subject in sorted order, each with its sorted unique
    pairs. Subjects and pairs sort separately, in code-point order, which is UTF-8 byte
    order: subject terms are self-delimiting, so this is the order of whole
    statements. A build renders each document's blocks once; TriG indents them and
    Turtle reuses every block whose subject no other document mentions."""
    out: list[SubjectBlock] = []
    for s in sorted(pairs_by_subject):
        pairs = tuple(sorted(set(pairs_by_subject[s])))
        out.append(SubjectBlock(s, pairs, render_subject(s, pairs, w).encode("utf-8")))
    return tuple(out)


class RenderedGraph(Protocol):
    """A graph ready to write (kg.graph.documents): its N-Triples term ("" for the
    default graph), its subjects in sorted order, each one's Turtle block and pairs,
    and its TriG."""

    @property
    def term(self) -> str: ...

    @property
    def subjects(self) -> Sequence[str]: ...

    @property
    def turtle_blocks(self) -> Sequence[bytes]: ...

    def pairs_at(self, i: int) -> Sequence[tuple[str, str]]: ...

    def trig(self) -> bytes: ...


# Text is handed to the file in chunks of about this many blocks: a build's Turtle is
# tens of megabytes, and joining it into one string, then one bytes object, cost more
# than writing it (and three copies of it in memory).
_BLOCKS_PER_CHUNK = 2048


class Merger(Protocol):
    """Where merged blocks may come from besides merging (kg.cache.MergedSubjects)."""

    def block(self, subject: str, stating: Sequence[RenderedGraph],
              pairs_of: Callable[[RenderedGraph], Sequence[tuple[str, str]]],
              render: Callable[[str, list[tuple[str, str]]], bytes]) -> bytes: ...

    def save(self) -> None: ...


def turtle_chunks(graphs: Sequence[RenderedGraph], w: TermWriter | None = None,
                  merger: Merger | None = None) -> Iterator[bytes]:
    """Turtle of the union of ``graphs``, in UTF-8 chunks: subjects in sorted order; a
    subject found in one graph keeps its block, one found in several is merged and
    rendered again (or taken from ``merger``, which is told to ``save`` once all are).

    The graphs' subjects go into one dict of blocks a graph at a time (``update`` from
    the graph's own sequences: no Python code runs per subject), and only the subjects
    found in an earlier graph are looked at one by one."""
    w = w or default_writer()
    blocks: dict[str, bytes] = {}
    last: dict[str, RenderedGraph] = {}  # subject → the last graph that stated it
    shared: dict[str, list[RenderedGraph]] = {}  # subject → every graph that states it, when several do
    for g in graphs:
        subjects = g.subjects
        for s in blocks.keys() & subjects:
            earlier = shared.get(s)
            if earlier is None:
                shared[s] = [last[s], g]
            else:
                earlier.append(g)
        blocks.update(zip(subjects, g.turtle_blocks))
        last.update(zip(subjects, repeat(g)))
    if merger is None:
        for s, stating in shared.items():
            merged = sorted(set().union(*(g.pairs_at(bisect_left(g.subjects, s)) for g in stating)))
            blocks[s] = render_subject(s, merged, w).encode("utf-8")
    else:
        def render(subject: str, pairs: list[tuple[str, str]]) -> bytes:
            return render_subject(subject, pairs, w).encode("utf-8")

        for s, stating in shared.items():
            blocks[s] = merger.block(s, stating, lambda g: g.pairs_at(bisect_left(g.subjects, s)), render)  # noqa: B023
        merger.save()
    yield w.header().encode("utf-8")
    order = sorted(blocks)  # code-point order is UTF-8 byte order: no key needed
    block = blocks.__getitem__
    for i in range(0, len(order), _BLOCKS_PER_CHUNK):
        yield b"".join(map(block, order[i:i + _BLOCKS_PER_CHUNK]))


def trig_chunks(graphs: Sequence[RenderedGraph], w: TermWriter | None = None) -> Iterator[bytes]:
    """TriG of ``graphs`` in the given order, one UTF-8 chunk per graph; the default
    graph ("" term) unwrapped."""
    w = w or default_writer()
    yield w.header().encode("utf-8")
    for g in graphs:
        chunk = g.trig()
        if chunk:
            yield chunk


@lru_cache(maxsize=1)
def default_writer() -> TermWriter:
    """The writer for the vocabulary's prefixes (all but hgid:, whose local names hold
    '/', which Turtle would have to escape)."""
    from kg.graph.terms import PREFIXES

    return TermWriter({k: v for k, v in PREFIXES.items() if k != "hgid"})
