"""The triple store behind one small interface.

Everything else (building, querying, rendering, analytics) talks to :class:`GraphStore`.
It is backed by pyoxigraph, whose SPARQL engine and serialisers are one to two orders of
magnitude faster than rdflib's in-memory graph on large corpora; :meth:`to_rdflib`
bridges to rdflib for pyshacl and other rdflib-based tools.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import GraphLoadError
from kg.gcpause import cyclic_gc_paused
from kg.graph.formats import ALIASES, QUAD_FORMATS, SUFFIX_FORMAT
from kg.graph.terms import PREFIXES
from kg.graph.turtle import Merger, default_writer, trig_chunks, turtle_chunks

if TYPE_CHECKING:
    import rdflib

    from kg.corpus import BuildReport
    from kg.graph.documents import DocumentGraph

_OX_FORMAT = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
              "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}
FORMATS = {**_OX_FORMAT, **{alias: _OX_FORMAT[name] for alias, name in ALIASES.items()}}  # name or alias → pyoxigraph's


class GraphStore:
    """Quads in named graphs (one per source document). Queries see their union,
    de-duplicated, as the default graph; it is materialised on the first query after a
    change (pyoxigraph's ``use_default_graph_as_union`` is a bag: a triple stated by two
    documents would answer twice).

    A build adds whole documents (:meth:`add_document`). They reach the pyoxigraph store
    only when something reads it (a query, an iteration); until then, and as long as
    nothing else was added, :meth:`serialize` writes straight from the documents'
    rendered subject blocks, so a build that only writes files never loads a store."""

    def __init__(self) -> None:
        self._store = ox.Store()
        self._union_ready = True
        self._documents: dict[str, DocumentGraph] = {}
        self._unloaded: list[DocumentGraph] = []
        self._other_content = False  # quads that did not come from add_document
        self.report: BuildReport | None = None  # what the build that made it read and skipped (kg.build)
        self.location: Path | None = None  # the on-disk store it reads, opened read-only (kg.graph.persist)
        self.generation_id: str | None = None  # that store's generation id, read when it was opened
        # where the union's merged subjects may be kept between builds (kg.cache.MergedSubjects)
        self.merger: Merger | None = None

    @classmethod
    def over(cls, store: "ox.Store") -> "GraphStore":
        """A graph over a pyoxigraph store filled elsewhere, whose default graph already
        holds the union (as an on-disk store's does): kg.reporting.load_graph's."""
        graph = cls()
        graph._store = store
        graph._other_content = True
        return graph

    # ------------------------------------------------------------------ filling
    def add_document(self, document: DocumentGraph) -> None:
        """Add one document's named graph (a rebuilt document replaces its graph)."""
        old = self._documents.get(document.term)
        if old is not None and old.blocks != document.blocks:
            self._flush()
            self._store.clear_graph(ox.NamedNode(document.term[1:-1]))
        self._documents[document.term] = document
        self._unloaded.append(document)
        self._union_ready = False

    @property
    def documents(self) -> list[DocumentGraph]:
        """The documents added with :meth:`add_document`, in graph order."""
        return [self._documents[g] for g in sorted(self._documents, key=str.encode)]

    def add_quads(self, quads: Iterable) -> None:
        """Add quads: pyoxigraph ``Quad`` objects, or (s, p, o, g) tuples of rdflib terms."""
        from kg.graph.rdflib_bridge import to_ox

        batch = [q if isinstance(q, ox.Quad) else ox.Quad(to_ox(q[0]), to_ox(q[1]), to_ox(q[2]), to_ox(q[3]))
                 for q in quads]
        if batch:
            self._flush()
            self._store.extend(batch)
            self._union_ready = False
            self._other_content = True

    def load_nquads(self, data: bytes) -> None:
        """Add quads given as N-Quads bytes."""
        if data:
            self._flush()
            self._store.load(data, format=ox.RdfFormat.N_QUADS)
            self._union_ready = False
            self._other_content = True

    def _flush(self) -> None:
        """Load documents added since the last read into the pyoxigraph store."""
        if self._unloaded:
            data = "".join(d.nquads() for d in self._unloaded).encode("utf-8")
            self._unloaded = []
            if data:
                self._store.load(data, format=ox.RdfFormat.N_QUADS)

    def _ensure_union(self) -> None:
        self._flush()
        if self._union_ready:
            return
        self._store.clear_graph(ox.DefaultGraph())
        self._store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        self._union_ready = True

    @classmethod
    def open_location(cls, location: str | Path) -> GraphStore:
        """A store on disk (kg.graph.persist), opened read-only: its default graph is
        already the union."""
        from kg.graph.persist import generation_id, open_read_only

        store = cls()
        ident = generation_id(location)
        try:
            store._store = open_read_only(location)
        except OSError as exc:
            raise GraphLoadError(f"{location}: cannot open the graph store ({str(exc).splitlines()[0]})") from None
        store._other_content = True
        store.location = Path(location)
        # the generation's id, the same before and after the open (else a rebuild replaced it meanwhile, and
        # which one is open is not known: no id, so nothing is kept for it)
        store.generation_id = ident if ident is not None and generation_id(location) == ident else None
        return store

    @classmethod
    def load(cls, path: str | Path) -> GraphStore:
        """Load a .ttl/.trig/.nt/.nq/.jsonld file, or an output folder: its store when it
        has one that matches its files (kg build --store: opened in milliseconds), else
        its graph.trig, else graph.ttl."""
        p = Path(path)
        if p.is_dir():
            from kg.graph.persist import current_generation

            found = current_generation(p)
            if found is not None:
                try:
                    return cls.open_location(found[0])
                except GraphLoadError:
                    pass  # replaced by a build since it was found: the files are whole
            for name in ("graph.trig", "graph.ttl", "graph.nq", "graph.nt"):
                if (p / name).exists():
                    p = p / name
                    break
            else:
                raise GraphLoadError(f"{path}: folder holds no graph.trig or graph.ttl (run `kg build` first)")
        if not p.exists():
            raise GraphLoadError(f"{path}: no such file or folder")
        fmt = SUFFIX_FORMAT.get(p.suffix.lower())
        if fmt is None:
            raise GraphLoadError(f"{path}: unknown graph format (use .ttl .trig .nt .nq .jsonld)")
        store = cls()
        store._other_content = True
        try:
            store._store.bulk_load(path=str(p), format=FORMATS[fmt])
        except (SyntaxError, ValueError, OSError) as exc:
            raise GraphLoadError(f"{path}: not valid {fmt}: {str(exc).splitlines()[0]}") from None
        if fmt in QUAD_FORMATS:
            store._union_ready = False
        return store

    # ------------------------------------------------------------------ reading
    def __len__(self) -> int:
        """Number of distinct triples in the union."""
        if self.location is not None:  # an on-disk store's default graph is the union, de-duplicated: counted inside
            return int(next(iter(self._store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
        return len(self._union())

    def quads(self) -> Iterator[tuple]:
        """Quads of the named graphs (the union copy is not repeated), as rdflib terms."""
        from kg.graph.rdflib_bridge import from_ox

        self._flush()
        for q in self._store:
            if not isinstance(q.graph_name, ox.DefaultGraph):
                yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name)

    def triples(self) -> Iterator[tuple]:
        """Triples of the union, as rdflib terms."""
        from kg.graph.rdflib_bridge import from_ox

        self._ensure_union()
        for q in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)

    def query_raw(self, sparql: str):  # noqa: ANN201 - pyoxigraph result types
        """Run SPARQL with the union of all named graphs as the default graph."""
        self._ensure_union()
        return self._store.query(sparql)

    # ------------------------------------------------------------------ writing
    def _graphs(self) -> list[DocumentGraph]:
        """Every graph with its sorted statements and Turtle blocks, in graph order: the
        added documents as they are, or, for a store filled any other way, each named
        graph (or else the default graph) dumped and sorted."""
        if not self._other_content:
            return self.documents
        from kg.graph.documents import DocumentGraph

        self._flush()

        def graph(term: str, name: object) -> DocumentGraph:
            text = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name).decode("utf-8")
            # split on \n only: U+0085 and U+2028 stand raw inside literals
            return DocumentGraph.of(term, (line[:-2] for line in text.split("\n") if line))

        named = sorted(self._store.named_graphs(), key=lambda g: str(g).encode())
        if not named:
            return [graph("", ox.DefaultGraph())]
        return [graph(str(g), g) for g in named]

    def _union(self) -> list[str]:
        """The union's statements, sorted and unique."""
        return sorted(set().union(*(g.statements for g in self._graphs())))  # code-point = UTF-8 byte order

    def serialize(self, fmt: str) -> bytes:
        """Deterministic bytes: statements sorted (graph first for quads), the union
        de-duplicated for triple formats."""
        return b"".join(self.serialize_chunks(fmt))

    def serialize_chunks(self, fmt: str) -> Iterator[bytes]:
        """What :meth:`serialize` returns, in pieces to write one after another:
        Turtle and TriG are produced a block of subjects or a document at a time, so a
        large graph is never held as one string and one bytes object as well."""
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        with cyclic_gc_paused():  # hundreds of thousands of short-lived tuples, few cycles
            if fmt in ("turtle", "ttl"):
                yield from turtle_chunks(self._graphs(), merger=None if self._other_content else self.merger)
            elif fmt == "trig":
                yield from trig_chunks(self._graphs())
            else:
                yield self._serialize(fmt)

    def _serialize(self, fmt: str) -> bytes:
        if fmt in ("nquads", "nq"):
            return "".join(g.nquads() for g in self._graphs()).encode("utf-8")
        ntriples = "".join(st + " .\n" for st in self._union()).encode("utf-8")
        if fmt in ("nt", "ntriples"):
            return ntriples
        # JSON-LD: the union, as for Turtle, with Turtle's prefixes
        return ox.serialize(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES), format=FORMATS[fmt],
                            prefixes=default_writer().prefixes)

    def nquads_chunks(self) -> Iterator[bytes]:
        """The named graphs as N-Quads, a document at a time (what the on-disk store loads)."""
        for g in self._graphs():
            yield g.nquads().encode("utf-8")

    def union_chunks(self, per_chunk: int = 50_000) -> Iterator[bytes]:
        """The union's statements as N-Triples, sorted and unique, a slice at a time."""
        union = self._union()
        for i in range(0, len(union), per_chunk):
            yield "".join(st + " .\n" for st in union[i:i + per_chunk]).encode("utf-8")

    def to_rdflib(self) -> rdflib.Graph:
        """The union graph as an rdflib Graph (for pyshacl and rdflib users)."""
        import rdflib

        g = rdflib.Graph()
        g.parse(io.BytesIO(self.serialize("nt")), format="nt")
        for k, v in PREFIXES.items():
            g.bind(k, v)
        return g
