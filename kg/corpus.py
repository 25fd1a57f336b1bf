"""The build: documents in, a graph out."""
from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from kg.atomic import FolderLock, remove_stale_temporaries, write_files
from kg.cache import DocumentCache, MergedSubjects, entry_key
from kg.errors import InputError
from kg.gcpause import cyclic_gc_paused
from kg.graph.documents import DocumentGraph
from kg.graph.persist import make_current, remove_store, store_root, write_generation
from kg.graph.store import GraphStore
from kg.ingest.paths import collect_paths
from kg.defaults import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.extract.model import Extraction
    from kg.ingest.document import SourceDocument

# The readers, the extraction (spaCy) and the builder are imported when a document is
# read, not with this module: a rebuild that takes every document from its cache needs
# none of them (~1 s of imports).


def default_nlp() -> Language:
    from kg.extract.pipeline import default_nlp as load

    return load()


def extract_document(src: SourceDocument, nlp: Language) -> Extraction:
    from kg.extract.pipeline import extract_document as extract

    return extract(src, nlp)


def read_document(path: Path, **options) -> SourceDocument:  # noqa: ANN003 - kg.ingest.reader.read_document's
    from kg.ingest.reader import read_document as read

    return read(path, **options)


def document_graph(src: SourceDocument, ex: Extraction) -> DocumentGraph:
    from kg.graph.builder import document_graph as build

    return build(src, ex)


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
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, earlier path with the same bytes)
    # (path, basis, region read or "") of documents whose jurisdiction is uncertain
    uncertain: list[tuple[str, str, str]] = field(default_factory=list)
    sources: list[tuple[str, str, str]] = field(default_factory=list)  # (path, SHA-256 of its bytes, its graph's IRI)
    reused: int = 0  # documents an incremental build took from its cache instead of reading them again
    per_document: list[tuple[str, str, str, float, int]] = field(default_factory=list)  # name, format, encoding, dropped, chars

    def summary(self) -> str:
        ents = ", ".join(f"{n} {t}" for t, n in sorted(self.entities.items())) or "no entities"
        rels = ", ".join(f"{n} {k}" for k, n in sorted(self.relations.items())) or "no relations"
        skipped = f"; skipped {len(self.skipped)}" if self.skipped else ""
        if self.duplicates:
            skipped += f"; {len(self.duplicates)} duplicate(s) of earlier files ignored"
        dropped = self.dropped_characters / (self.characters + self.dropped_characters) if self.characters else 0
        if self.reused:
            skipped += f"; {self.reused} unchanged, taken from the cache"
        return (f"Built {len(self.documents)} document(s){skipped} in {self.seconds:.2f} s "
                f"({self.characters:,} characters kept, {dropped:.0%} dropped as boilerplate). "
                f"Entities: {ents}. Relations: {rels}. Targets: {self.targets}. Measurements: {self.measurements}.")


@dataclass
class _DocResult:
    """What one document yields: its statements (plain strings, cheap to pass between
    processes) and the counts for the summary; or the reason it was skipped."""

    path: str
    error: InputError | None = None
    graph: DocumentGraph | None = None
    info: tuple[str, str, float, int, int] = ("", "", 0.0, 0, 0)  # format, encoding, dropped share, kept, dropped
    entities: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    targets: int = 0
    measurements: int = 0
    uncertain: tuple[str, str] | None = None  # (basis, region read) where the jurisdiction is uncertain
    sha256: str = ""


def _process(path: Path, max_bytes: int, given: tuple[str | None, str | None] = (None, None)) -> _DocResult:
    """One document read and extracted; ``given`` is the user's (region, default region) for it."""
    try:
        src = read_document(path, max_bytes=max_bytes, region=given[0], default_region=given[1])
        ex = extract_document(src, default_nlp())
    except InputError as e:
        return _DocResult(str(path), error=e)
    except (MemoryError, RecursionError, ValueError, TypeError, KeyError, IndexError, AttributeError, OSError) as e:
        # a fault of this program on one document's content (a parser's or a rule's): that
        # document is skipped and named, the others still build, and the exit status says so
        return _DocResult(str(path), error=InputError(str(path), f"could not be read ({type(e).__name__}: {e}); "
                                                                 "please report this file"))
    found = ex.jurisdiction
    res = _DocResult(str(path), graph=document_graph(src, ex), sha256=src.sha256,
                     info=(src.format, src.encoding, src.dropped_share, len(src.text), src.chars_dropped))
    res.entities.update(key.type for key in {m.key for m in ex.mentions})
    res.relations.update(kind for kind, _, _ in {(r.kind, r.source, r.target) for r in ex.relations})
    res.targets = sum(1 for q in ex.quantities if q.kind == "target")
    res.measurements = sum(1 for q in ex.quantities if q.kind == "measurement")
    if found is not None and not found.certain:
        res.uncertain = (found.basis, found.region.name if found.region else "")
    return res


def _cache_fields(res: _DocResult) -> tuple:
    """What an incremental build keeps of a document besides its graph (kg.cache)."""
    return (res.info, dict(res.entities), dict(res.relations), res.targets, res.measurements, res.uncertain, res.sha256)


def _from_cache(path: Path, graph: DocumentGraph, fields: tuple) -> _DocResult:
    info, entities, relations, targets, measurements, uncertain, sha256 = fields
    return _DocResult(str(path), graph=graph, info=tuple(info), entities=Counter(entities), relations=Counter(relations),
                      targets=targets, measurements=measurements, uncertain=tuple(uncertain) if uncertain else None,
                      sha256=sha256)


def _cached_results(paths: list[Path], given: list[tuple[str | None, str | None]], max_bytes: int,
                    cache: DocumentCache, digests: dict[Path, str] | None = None,
                    ) -> tuple[list[_DocResult | None], list[str | None]]:
    """For each path, its cached result (None where there is none) and its entry key
    (None where the file cannot be read or is over the limit: reading reports it).
    ``digests`` are SHA-256s already taken (:func:`_first_of_each_content`)."""
    hits: list[_DocResult | None] = []
    keys: list[str | None] = []
    digests = digests or {}
    for path, (region, default) in zip(paths, given):
        digest = digests.get(path)
        if digest is None:
            try:
                data = path.read_bytes() if path.stat().st_size <= max_bytes else None
            except OSError:
                data = None
            if data is not None:
                digest = hashlib.sha256(data).hexdigest()
        if digest is None:
            hits.append(None)
            keys.append(None)
            continue
        key = entry_key(digest, path.name, region, default, max_bytes)
        found = cache.get(key)
        try:
            hits.append(_from_cache(path, *found) if found else None)
        except (TypeError, ValueError):  # an entry of another shape: read the document again
            hits.append(None)
        keys.append(key)
    return hits, keys


def extract_nquads(data: bytes, name: str, *, region: str | None = None, default_region: str | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """One document's graph as N-Quads, from its bytes alone: the pure per-document step
    of a build, to map over a cluster (examples/dask_cluster.py). ``name`` is its file
    name (it is in the graph); the regions are those ``kg build --regions`` / ``--region``
    give. Raises InputError for a document that cannot be read."""
    from kg.ingest.reader import read_data

    src = read_data(data, name, max_bytes=max_bytes, region=region, default_region=default_region)
    return document_graph(src, extract_document(src, default_nlp())).nquads().encode("utf-8")


def _exit_with_parent() -> None:
    """Worker initializer: end this worker when the build process ends. A worker
    otherwise waits on its task queue forever if the build is killed (``kill -9``, an
    out-of-memory kill): every forked worker inherited the queue's write end, so no end
    of file ever comes."""
    import multiprocessing as mp
    import threading
    from multiprocessing.connection import wait

    parent = mp.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def build_store(inputs: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1,
                region: str | None = None, regions_by_file: dict[str, str] | None = None,
                on_start: Callable[[int], None] | None = None, on_document: Callable[[str], None] | None = None,
                on_skip: Callable[[InputError], None] | None = None,
                cache: DocumentCache | None = None) -> tuple[GraphStore, BuildReport]:
    """Read, extract and load every document into a fresh store. With ``jobs`` > 1 the
    documents are read in that many worker processes; results are merged in input
    order, so the graph is the same. With a ``cache``, documents it holds are taken
    from it and those read are put in it (kg build --incremental): the same graph."""
    t0 = time.perf_counter()
    report = BuildReport()
    paths, errors = collect_paths(list(inputs))
    if on_start:
        on_start(len(paths))
    for e in errors:
        report.skipped.append(e)
        if on_skip:
            on_skip(e)
    store = GraphStore()
    digests: dict[Path, str] = {}
    paths = _first_of_each_content(paths, max_bytes, report, on_document, digests)
    given = [_region_for(p, region, regions_by_file or {}) for p in paths]
    hits, keys = (_cached_results(paths, given, max_bytes, cache, digests) if cache is not None
                  else ([None] * len(paths), [None] * len(paths)))
    report.reused = sum(1 for h in hits if h is not None)
    todo = [i for i, h in enumerate(hits) if h is None]

    entry_of: dict[str, str] = {}  # each cached graph's term → its entry

    def in_order(computed: Iterable[_DocResult]) -> Iterator[_DocResult]:
        """Every result in input order: cached ones as they are, the others as read (and cached)."""
        fresh = iter(computed)
        for i, hit in enumerate(hits):
            if hit is not None:
                entry_of[hit.graph.term] = keys[i]
                yield hit
                continue
            res = next(fresh)
            # the bytes read are those hashed for the key (not a file changed in between)
            if cache is not None and keys[i] is not None and res.error is None and keys[i].startswith(res.sha256[:16]):
                cache.put(keys[i], res.graph, _cache_fields(res))
                entry_of[res.graph.term] = keys[i]
            yield res

    paths_todo = [paths[i] for i in todo]
    given_todo = [given[i] for i in todo]
    if todo:
        default_nlp()  # load once; forked workers share it
    if jobs > 1 and len(paths_todo) > 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        # fork shares the loaded pipeline; where there is no fork (Windows) workers spawn and
        # load it themselves. Forked workers inherit the collector pause and live only as
        # long as the build.
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context(method),
                                 initializer=_exit_with_parent) as pool, \
                cyclic_gc_paused() as gc_pause:
            results = pool.map(_process, paths_todo, [max_bytes] * len(paths_todo), given_todo,
                               chunksize=max(1, len(paths_todo) // (jobs * 8)))
            for res in in_order(results):
                _merge(res, store, report, on_document, on_skip)
                gc_pause.step()
    else:
        with cyclic_gc_paused() as gc_pause:
            for res in in_order(_process(p, max_bytes, r) for p, r in zip(paths_todo, given_todo)):
                _merge(res, store, report, on_document, on_skip)
                gc_pause.step()
    if cache is not None:
        store.merger = MergedSubjects(cache, entry_of)
    report.seconds = time.perf_counter() - t0
    return store, report


def check_region(name: str) -> str:
    """``name`` if the region table knows it; a clear error otherwise."""
    from kg.errors import KGError
    from kg.names.regions import regions
    from kg.textnorm import fold

    if regions().pick(fold(name.strip())) is None:
        raise KGError(f"unknown region {name!r} (give a name such as 闵行区, 嘉兴市 or 浙江省)")
    return name.strip()


def read_region_map(path: str | Path) -> dict[str, str]:
    """A per-file mapping of jurisdictions: one ``file<TAB>region`` line each (a file
    name or a path as given to the build; # starts a comment)."""
    from kg.errors import KGError

    out: dict[str, str] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KGError(f"{path}: cannot read the region mapping ({exc})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [x.strip() for x in line.split("\t")]
        if len(parts) != 2 or not all(parts):
            raise KGError(f"{path}:{n}: a mapping line is FILE<TAB>REGION")
        out[parts[0]] = check_region(parts[1])
    return out


def _region_for(path: Path, region: str | None, mapping: dict[str, str]) -> tuple[str | None, str | None]:
    """The jurisdictions the user gave for ``path``: (its line of the mapping, which holds
    whatever the text says; --region, which holds where the text does not say)."""
    for key in (str(path), path.name, path.as_posix()):
        if key in mapping:
            return mapping[key], None
    return None, region


def _first_of_each_content(paths: list[Path], max_bytes: int, report: BuildReport,
                           on_document: Callable[[str], None] | None,
                           digests: dict[Path, str] | None = None) -> list[Path]:
    """The paths whose bytes no earlier path had. A corpus gathered from portals holds
    the same notice saved under several names; hashing costs far less than extracting
    it again, and only files sharing a size with another are read for it. Files that
    cannot be read, or are over the size limit, are kept so that reading reports them."""
    sizes: dict[Path, int] = {}
    for p in paths:
        try:
            sizes[p] = p.stat().st_size
        except OSError:
            pass
    shared_size = {n for n, count in Counter(sizes.values()).items() if count > 1}
    first: dict[str, Path] = {}
    keep: list[Path] = []
    for p in paths:
        size = sizes.get(p)
        digest = None
        if size in shared_size and size <= max_bytes:
            try:
                digest = hashlib.sha256(p.read_bytes()).hexdigest()
            except OSError:
                pass
        if digest is not None and digest in first:
            report.duplicates.append((str(p), str(first[digest])))
            if on_document:
                on_document(str(p))
            continue
        if digest is not None:
            first[digest] = p
            if digests is not None:  # (an incremental build looks its entry up by it)
                digests[p] = digest
        keep.append(p)
    return keep


def _merge(res: _DocResult, store: GraphStore, report: BuildReport, on_document, on_skip) -> None:  # noqa: ANN001
    if res.error is not None:
        report.skipped.append(res.error)
        if on_skip:
            on_skip(res.error)
    else:
        store.add_document(res.graph)
        fmt, enc, dropped, kept, n_dropped = res.info
        report.documents.append(res.path)
        report.sources.append((res.path, res.sha256, res.graph.term[1:-1]))
        report.per_document.append((res.path, fmt, enc, dropped, kept))
        report.characters += kept
        report.dropped_characters += n_dropped
        report.entities.update(res.entities)
        report.relations.update(res.relations)
        report.targets += res.targets
        report.measurements += res.measurements
        if res.uncertain is not None:
            report.uncertain.append((res.path, *res.uncertain))
    if on_document:
        on_document(res.path)


def _write_store(store: GraphStore, out: Path, report: BuildReport | None) -> Path:
    """A new store generation of the built graph, with its manifest: each document's
    graph, file and SHA-256."""
    by_graph = {iri: (path, sha) for path, sha, iri in (report.sources if report else [])}
    documents = []
    for g in store.documents:
        iri = g.term[1:-1]
        path, sha = by_graph.get(iri, ("", ""))
        documents.append({"graph": iri, "file": Path(path).name if path else "", "sha256": sha})
    return write_generation(out, store.nquads_chunks(), store.union_chunks(), documents)


# what write_outputs writes: the union (Turtle), a named graph per document (TriG), the explorer
OUTPUT_NAMES = ("graph.ttl", "graph.trig", "graph.html")


def _explorer_html(store: GraphStore) -> Iterator[bytes]:
    """The explorer page, rendered when its turn to be written comes."""
    from kg.explorer.explorer import render_html

    yield render_html(store).encode("utf-8")


def write_outputs(store: GraphStore, out: str | Path, *, html: bool = True, report: BuildReport | None = None,
                  persist: bool = False) -> list[str]:
    """Write graph.ttl (union), graph.trig (a named graph per document) and graph.html,
    atomically and together (:func:`kg.atomic.write_files`); with ``persist``, also the
    on-disk store (kg.graph.persist), switched to once the files are in place. Without
    it, a store left by an earlier build is removed: it would describe other files."""
    out = Path(out)
    ttl, trig, page = OUTPUT_NAMES
    outputs: list[tuple[Path, Iterable[bytes]]] = [
        (out / ttl, store.serialize_chunks("turtle")), (out / trig, store.serialize_chunks("trig"))]
    if html:
        outputs.append((out / page, _explorer_html(store)))
    with FolderLock(out):  # one build writes a folder at a time
        # temporary files of an earlier build that was killed before its rename (no
        # other build is writing: the lock is ours)
        remove_stale_temporaries(out / name for name in OUTPUT_NAMES)
        generation = _write_store(store, out, report) if persist else None
        # all three replaced together, once all are on disk: outputs never mix two builds
        write_files(outputs)
        if generation is not None:
            make_current(out, generation)
        else:
            remove_store(out)
    written = [str(path) for path, _ in outputs]
    if generation is not None:
        written.append(str(store_root(out)))
    if report is not None:
        report.outputs = written
    return written
