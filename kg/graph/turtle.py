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
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple, Protocol, Sequence

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
    """A graph ready to write: its N-Triples term ("" for the default graph) and its
    subject blocks."""

    @property
    def term(self) -> str: ...

    @property
    def blocks(self) -> Sequence[SubjectBlock]: ...


# Text is handed to the file in chunks of about this many blocks: a build's Turtle is
# tens of megabytes, and joining it into one string, then one bytes object, cost more
# than writing it (and three copies of it in memory).
_BLOCKS_PER_CHUNK = 2048


def turtle_chunks(graphs: Sequence[RenderedGraph], w: TermWriter | None = None) -> Iterator[bytes]:
    """Turtle of the union of ``graphs``, in UTF-8 chunks: subjects in sorted order; a
    subject found in one graph keeps its block, one found in several is merged and
    rendered again."""
    w = w or default_writer()
    first: dict[str, tuple[RenderedGraph, SubjectBlock]] = {}
    shared: dict[str, list[tuple[RenderedGraph, SubjectBlock]]] = {}
    for g in graphs:
        for b in g.blocks:
            s = b[0]
            earlier = first.get(s)
            if earlier is None:
                first[s] = (g, b)
            elif s in shared:
                shared[s].append((g, b))
            else:
                shared[s] = [earlier, (g, b)]
    yield w.header().encode("utf-8")
    parts: list[bytes] = []
    for subject in sorted(first):  # code-point order is UTF-8 byte order: no key needed
        entries = shared.get(subject)
        if entries is None:
            parts.append(first[subject][1][2])
        else:
            merged = sorted(set().union(*(b[1] for _, b in entries)))
            parts.append(render_subject(subject, merged, w).encode("utf-8"))
        if len(parts) == _BLOCKS_PER_CHUNK:
            yield b"".join(parts)
            parts = []
    if parts:
        yield b"".join(parts)


def trig_chunks(graphs: Sequence[RenderedGraph], w: TermWriter | None = None) -> Iterator[bytes]:
    """TriG of ``graphs`` in the given order, one UTF-8 chunk per graph; the default
    graph ("" term) unwrapped."""
    w = w or default_writer()
    yield w.header().encode("utf-8")
    for g in graphs:
        if not g.blocks:
            continue
        body = b"".join([b[2] for b in g.blocks])
        if not g.term:
            yield body
            continue
        # one more tab on every line; a block's only newlines separate statements and
        # blocks (literals escape theirs), so one replace over the graph indents it
        # (on the UTF-8 bytes: replacing in a str of CJK text is several times slower)
        yield b"".join((g.term.encode("utf-8"), b" {\n\t", body[:-1].replace(b"\n", b"\n\t"), b"\n}\n"))


@lru_cache(maxsize=1)
def default_writer() -> TermWriter:
    """The writer for the vocabulary's prefixes (all but hgid:, whose local names hold
    '/', which Turtle would have to escape)."""
    from kg.graph.terms import PREFIXES

    return TermWriter({k: v for k, v in PREFIXES.items() if k != "hgid"})
