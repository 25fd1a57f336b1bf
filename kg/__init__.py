"""healthgov-kg: Chinese health-governance documents → an RDF knowledge graph.

The Python API a notebook user calls; the ``kg`` command is a thin shell over it.

>>> import kg
>>> store = kg.build(["seeds/"])                      # doctest: +SKIP
>>> kg.query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows   # doctest: +SKIP
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from kg.defaults import DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from kg.corpus import BuildReport
    from kg.graph.store import GraphStore

from kg.defaults import VERSION as __version__  # noqa: E402
__all__ = ["GraphStore", "BuildReport", "build", "load", "query", "export", "render", "stats", "validate", "evaluate", "audit", "resolve", "resolve_name", "presets", "serve", "push", "extract_nquads", "progress", "regions_compared", "report", "__version__"]


def build(paths: Iterable[str | Path], out: str | Path | None = None, html: bool = True, *, jobs: int = 1,
          max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False, region: str | None = None,
          regions: dict[str, str] | None = None, persist: bool = False, incremental: bool = False,
          on_start: Callable[[int], None] | None = None,
          on_document: Callable[[str], None] | None = None, on_skip: Callable[[Any], None] | None = None,
          before_writing: Callable[[Any], None] | None = None) -> GraphStore:
    """Build a graph from files and folders; with ``out`` also write graph.ttl,
    graph.trig and graph.html there (atomically, the folder locked while written).

    Returns the GraphStore; its ``report`` (a BuildReport) says what was read, skipped
    and why, which documents' jurisdiction is uncertain, and what was written.
    ``jobs`` worker processes read documents (the same graph for any number);
    ``max_bytes`` skips larger files; ``strict`` makes any skipped input an error before
    anything is written; ``region`` is the jurisdiction of every document whose text
    does not state one (none found, or an uncertain reading), ``regions`` one per file
    (name or path → region) that holds whatever the text says. ``persist`` also writes
    the on-disk store (OUT/store/) that later commands open in milliseconds;
    ``incremental`` (with ``out``) reads again only the documents that are new or
    changed since the last incremental build into ``out`` (kg.cache): the same graph.
    ``on_start`` is called with the number of input files found, ``on_document`` /
    ``on_skip`` as each is read or skipped (a progress bar), ``before_writing`` with the
    report once the graph is built."""
    from kg.cache import DocumentCache
    from kg.corpus import build_store, check_region, write_outputs
    from kg.errors import KGError

    if incremental and out is None:
        raise KGError("an incremental build keeps its cache in the output folder: give out=")
    cache = DocumentCache(out) if incremental else None
    store, report = build_store(paths, max_bytes=max_bytes or DEFAULT_MAX_BYTES, jobs=jobs,
                                region=check_region(region) if region else None,
                                regions_by_file={k: check_region(v) for k, v in (regions or {}).items()},
                                on_start=on_start, on_document=on_document, on_skip=on_skip,
                                cache=cache)
    store.report = report
    if not report.documents:
        raise KGError("nothing was built: no readable document among the inputs")
    if strict and report.skipped:
        raise KGError(f"{len(report.skipped)} input(s) skipped and --strict is set; no output written")
    if before_writing is not None:
        before_writing(report)
    if out is not None:
        write_outputs(store, out, html=html, report=report, persist=persist)
        if cache is not None:
            cache.drop_unused()  # removed and changed documents, an older extractor
    return store


def load(path: str | Path) -> GraphStore:
    """Load a graph file (.ttl .trig .nt .nq .jsonld) or an output folder."""
    from kg.graph.store import GraphStore

    return GraphStore.load(path)


def _store(graph: GraphStore | str | Path) -> GraphStore:
    from kg.graph.store import GraphStore

    return graph if isinstance(graph, GraphStore) else GraphStore.load(graph)


def __getattr__(name: str) -> Any:
    """``kg.GraphStore`` and ``kg.BuildReport``, imported on first use (PEP 562): a
    command that only reads a graph need not import spaCy (~0.7 s)."""
    if name == "GraphStore":
        from kg.graph.store import GraphStore

        return GraphStore
    if name == "BuildReport":
        from kg.corpus import BuildReport

        return BuildReport
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def query(graph: GraphStore | str | Path, sparql: str | None = None, timeout: float | None = DEFAULT_TIMEOUT,
          allow_remote: bool = False, *, preset: str | None = None, max_rows: int | None = DEFAULT_MAX_ROWS,
          max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB, fresh: bool = False):  # noqa: ANN201
    """Run SPARQL, or the named ``preset`` (kg.presets()); returns a QueryResult
    (columns, rows, truncated). Common prefixes (hg:, rdfs:, skos:, prov: …) may be used
    without declaring them. Bounded by default: ``timeout`` seconds, ``max_rows`` rows,
    ``max_memory_mb`` beyond what this process holds (None lifts each; no timeout runs
    the query in this process, unbounded). A preset's answer on an output folder's store
    is kept beside the store's generation and read back by the next call
    (kg.sparql.answers); ``fresh`` computes it again."""
    from kg.errors import QueryError
    from kg.sparql import presets, run_query, with_prefixes

    if (sparql is None) == (preset is None):
        raise QueryError("give exactly one of a SPARQL text or a preset name")
    if preset is not None:
        table = presets()
        if preset not in table:
            raise QueryError(f"no preset named {preset!r} (kg query --list, or kg.presets(), names them)")
        text, offset = table[preset].sparql, 0
    else:
        text, offset = with_prefixes(sparql)
    store = _store(graph)
    if preset is None:
        return run_query(store, text, timeout=timeout, allow_remote=allow_remote, line_offset=offset, max_rows=max_rows,
                         max_memory_mb=max_memory_mb)
    from kg.sparql.answers import keep_answer, read_answer

    kept = None if fresh else read_answer(store, text, max_rows)  # a generation on disk never changes once written
    if kept is not None:
        return kept
    result = run_query(store, text, timeout=timeout, allow_remote=allow_remote, line_offset=offset, max_rows=max_rows,
                       max_memory_mb=max_memory_mb, preset=True)
    keep_answer(store, text, max_rows, result)
    return result


def serve(graph: GraphStore | str | Path, host: str = "127.0.0.1", port: int = 7878, *, timeout: float = 30.0,
          max_rows: int = 10_000, max_memory_mb: int = 1024, log: Callable[[str], None] | None = None):  # noqa: ANN201
    """A read-only SPARQL 1.1 Protocol endpoint (kg.endpoint.SparqlServer) over a graph or
    an output folder, not yet serving: call ``.serve_forever()`` (in a thread, from a
    notebook) and ``.shutdown()``; ``.url`` is its address (port 0 takes a free one)."""
    from kg.endpoint import Limits, make_server

    return make_server(graph, host, port, Limits(timeout, max_rows, max_memory_mb), log)


def push(graph: GraphStore | str | Path, endpoint: str, *, name: str | None = None, user: str | None = None,
         password: str | None = None):  # noqa: ANN201
    """PUT each document's named graph to a SPARQL 1.1 Graph Store Protocol endpoint
    (kg push); returns a PushReport (put, deleted, failed)."""
    from kg.gsp import push_graph

    return push_graph(graph, endpoint, name=name, user=user, password=password)


def extract_nquads(data: bytes, name: str, *, region: str | None = None, default_region: str | None = None) -> bytes:
    """One document's named graph as N-Quads from its bytes (a pure function: map it over
    a cluster, then ``GraphStore.load_nquads`` or ``kg.push`` the results)."""
    from kg.corpus import extract_nquads as _extract

    return _extract(data, name, region=region, default_region=default_region)


def _typed_rows(result) -> list[dict]:  # noqa: ANN001 - a QueryResult
    """Rows as dicts: years int, values and gaps Decimal, met and relative bool, unbound None."""
    from decimal import Decimal

    years, numbers, flags = {"targetYear", "measuredYear", "regions"}, {"target", "measured", "gap"}, {"met", "relative"}
    out = []
    for row in result.rows:
        d = {}
        for col, v in zip(result.columns, row):
            if v is None or v == "":
                d[col] = None
            elif col in years:
                d[col] = int(v)
            elif col in numbers:
                d[col] = Decimal(v)
            elif col in flags:
                d[col] = v == "true"
            else:
                d[col] = v
        out.append(d)
    return out


def progress(graph: GraphStore | str | Path) -> list[dict]:
    """Did they do what they said (the ``progress`` preset): per region and indicator
    concept, each target (targetYear, comparator, target, unit, direction, relative)
    beside the latest measurement in that region up to the target's year in the same
    unit (measuredYear, measured), the ``gap`` (positive: short of the target) and
    whether it is ``met``, with both evidence sentences and nodes. Unbound is None."""
    return _typed_rows(query(graph, preset="progress", max_rows=None))


def regions_compared(graph: GraphStore | str | Path) -> list[dict]:
    """Who is ahead (the ``regions_compared`` preset): per indicator concept, each
    region's latest measurement beside its furthest target, ranked by value."""
    return _typed_rows(query(graph, preset="regions_compared", max_rows=None))


def report(graph: GraphStore | str | Path, path: str | Path, fmt: str = "html") -> list[Path]:
    """Write the analyst's report (kg report): ``html`` one offline page with inline SVG
    charts beside their tables, or ``md`` markdown with a CSV per table and an SVG per
    chart beside it. Returns the files written."""
    from kg.reporting import write_report

    return write_report(graph, path, fmt)  # a folder without its store is read as the report needs it


def presets() -> dict:
    """The named queries (kg/ontology/queries/*.rq): name → Preset (name, description, sparql)."""
    from kg.sparql import presets as _presets

    return _presets()


def export(graph: GraphStore | str | Path, fmt: str, path: str | Path) -> None:
    """Write turtle, trig, nt, nquads, jsonld, graphml or gexf."""
    from kg.exporters import export as _export

    _export(_store(graph), fmt, path)


def render(graph: GraphStore | str | Path, path: str | Path, **subgraph) -> None:  # noqa: ANN003
    """Write the explorer page; keyword filters select a subgraph (see kg.explorer.subgraph)."""
    from kg.atomic import write_text
    from kg.explorer.subgraph import render_subgraph

    write_text(path, render_subgraph(_store(graph), **subgraph))


def stats(graph: GraphStore | str | Path):  # noqa: ANN201
    from kg.analytics import graph_stats

    return graph_stats(_store(graph))


def validate(graph: GraphStore | str | Path):  # noqa: ANN201
    from kg.shacl import validate as _validate

    return _validate(_store(graph))


def resolve(name: str, region: str | None = None):  # noqa: ANN201
    """How ``name`` resolves, read as a document of ``region`` would read it (kg
    resolve): a list of Resolution (surface, type, canonical name, IRI, region, why)."""
    from kg.explain import resolve_name as _resolve

    return _resolve(name, region)


resolve_name = resolve  # its name before the package of names moved from kg.resolve to kg.names


def audit(paths: Iterable[str | Path], max_bytes: int | None = None):  # noqa: ANN201
    """What extraction did not read (kg.audit.AuditReport), and the inputs skipped."""
    from kg.coverage import audit as _audit

    return _audit(paths, max_bytes=max_bytes)


def evaluate(gold_dir: str | Path, docs_dir: str | Path, only: Iterable[str] | None = None):  # noqa: ANN201
    """Score extraction against gold annotations (FORMAT.md), as ``kg eval`` does."""
    from kg.scoring import evaluate as _evaluate

    return _evaluate(gold_dir, docs_dir, only=only)
