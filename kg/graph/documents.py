"""One document's graph, as the writers want it: its subjects in sorted order, each
subject's Turtle block, and the TriG of the whole graph.

Two kinds: :class:`DocumentGraph`, made by the builder (kg.graph.builder) from the
statements it wrote, and :class:`PackedGraph`, read back from an incremental build's
cache (kg.cache), which keeps the Turtle blocks the writers write and the pairs still
packed, unpacked only where needed: for a subject other documents state too whose
merged Turtle is not in the cache already, or when the statements themselves are asked
for (a store, N-Quads).

A light module: reading a cache and writing the outputs need neither the extraction
nor the builder's tables.
"""
from __future__ import annotations

import marshal
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable

from kg.graph.turtle import SubjectBlock, subject_blocks


def trig_of(term: str, turtle_blocks: Iterable[bytes]) -> bytes:
    """The TriG of one graph from its subjects' Turtle blocks in order: the default graph
    ("" term) unwrapped, a named one indented in ``term { … }``; b"" for no block."""
    body = b"".join(turtle_blocks)
    if not body or not term:
        return body
    # one more tab on every line; a block's only newlines separate statements and
    # blocks (literals escape theirs), so one replace over the graph indents it
    # (on the UTF-8 bytes: replacing in a str of CJK text is several times slower)
    return b"".join((term.encode("utf-8"), b" {\n\t", body[:-1].replace(b"\n", b"\n\t"), b"\n}\n"))


class _Statements:
    """What both kinds derive from their blocks."""

    term: str
    blocks: tuple[SubjectBlock, ...]

    @cached_property
    def statements(self) -> tuple[str, ...]:
        """The sorted unique statements ("<s> <p> o"), made when first asked for (to
        load a store or merge a union), not during a build."""
        return tuple(f"{b.subject} {p} {o}" for b in self.blocks for p, o in b.pairs)

    def nquads(self) -> str:
        tail = (" " + self.term if self.term else "") + " .\n"
        return "".join(f"{b.subject} {p} {o}{tail}" for b in self.blocks for p, o in b.pairs)


@dataclass(frozen=True)
class DocumentGraph(_Statements):
    """One graph: its N-Triples term ("<iri>"; "" for a default graph) and its subject
    blocks (each subject's sorted (predicate, object) pairs and their Turtle text), in
    the UTF-8 byte order of whole statements, so a document reads the same whichever
    corpus it is built in. Turtle is rendered once, for both TriG and Turtle."""

    term: str
    blocks: tuple[SubjectBlock, ...]

    @classmethod
    def of(cls, term: str, statements: Iterable[str]) -> "DocumentGraph":
        """From N-Triples statements ("<s> <p> o", no terminator) in any order."""
        pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for st in statements:
            s, p, o = st.split(" ", 2)  # subjects and predicates hold no space
            pairs[s].append((p, o))
        return cls(term, subject_blocks(pairs))

    @classmethod
    def from_subjects(cls, term: str, pairs_by_subject: dict[str, list[tuple[str, str]]]) -> "DocumentGraph":
        """From statements grouped by subject as (predicate, object) pairs (what the
        builder makes)."""
        return cls(term, subject_blocks(pairs_by_subject))

    @cached_property
    def subjects(self) -> tuple[str, ...]:
        """The subjects' terms, sorted."""
        return tuple(b.subject for b in self.blocks)

    @property
    def turtle_blocks(self) -> tuple[bytes, ...]:
        """Each subject's Turtle block (UTF-8), in the order of :attr:`subjects`."""
        return tuple(b.turtle for b in self.blocks)

    def pairs_at(self, i: int) -> tuple[tuple[str, str], ...]:
        """The sorted (predicate, object) pairs of the ``i``-th subject."""
        return self.blocks[i].pairs

    def trig(self) -> bytes:
        """This graph's TriG (made when asked for, not kept: a build holds every graph)."""
        return trig_of(self.term, self.turtle_blocks)


class PackedGraph(_Statements):
    """A graph read from the cache: its subjects and their Turtle blocks as they were
    written, and every subject's pairs still as ``marshal`` data (``packed_pairs``),
    unpacked when first asked for. ``key`` is its cache entry's."""

    def __init__(self, term: str, subjects: tuple[str, ...], turtle_blocks: tuple[bytes, ...],
                 packed_pairs: bytes | memoryview, key: str = "") -> None:
        if len(subjects) != len(turtle_blocks):
            raise ValueError("a packed graph's subjects and blocks differ in number")
        self.term = term
        self.subjects = subjects
        self.turtle_blocks = turtle_blocks
        self._packed_pairs = packed_pairs
        self.key = key

    @cached_property
    def _pairs(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        pairs = marshal.loads(self._packed_pairs)
        if len(pairs) != len(self.subjects):
            raise ValueError("a packed graph's subjects and pairs differ in number")
        self._packed_pairs = b""
        return pairs

    def pairs_at(self, i: int) -> tuple[tuple[str, str], ...]:
        return self._pairs[i]

    def trig(self) -> bytes:
        return trig_of(self.term, self.turtle_blocks)

    @cached_property
    def blocks(self) -> tuple[SubjectBlock, ...]:
        return tuple(map(SubjectBlock, self.subjects, self._pairs, self.turtle_blocks))


def pack(graph: DocumentGraph) -> tuple[tuple, bytes]:
    """What the cache keeps of a graph: :class:`PackedGraph`'s term, subjects and blocks
    (to write with ``marshal``), and its pairs, already packed."""
    return (graph.term, graph.subjects, graph.turtle_blocks), marshal.dumps(tuple(b.pairs for b in graph.blocks))
