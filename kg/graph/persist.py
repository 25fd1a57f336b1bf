"""The graph kept on disk: an Oxigraph (RocksDB) store that commands open in tens of
milliseconds, where re-reading graph.trig takes seconds.

``OUT/store/`` holds generations: ``g<N>/`` (the store: one named graph per source
document, ``hgid:doc/<SHA-256 prefix>``, and their union, de-duplicated, as the default
graph), ``g<N>.json`` (its manifest: each document's graph, file name and the SHA-256 of
its bytes; the size and modification time of the graph.trig it was written with) and
``CURRENT``, the name of the generation in use. A build writes a new generation beside
the old one and then replaces ``CURRENT`` (an atomic rename), so a build killed at any
point leaves the previous generation whole and in use. A reader uses the store only
while it matches the graph.trig beside it; otherwise it reads the files.

Writing costs time (RocksDB's bulk load: ~13 s for the 1,000-document bench corpus
here, more than the build), so ``kg build --store`` asks for it; see docs/performance.md.
"""
from __future__ import annotations

import io
import json
import os
import secrets
import shutil
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from kg.atomic import write_text

STORE_DIR = "store"
ANSWERS_SUFFIX = ".answers"  # g<N>.answers/: the preset answers kept for g<N> (kg.sparql.answers)
CURRENT = "CURRENT"
FORMAT = 1


def store_root(out: str | Path) -> Path:
    return Path(out) / STORE_DIR


def _stamp(path: Path) -> list[int] | None:
    """What identifies one graph.trig cheaply: its size and modification time."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def current_generation(out: str | Path, trig: str | Path | None = None) -> tuple[Path, dict] | None:
    """The generation in use and its manifest, if there is one, it is whole and it was
    written with the graph.trig now beside it (``trig``, default OUT/graph.trig)."""
    root = store_root(out)
    try:
        name = (root / CURRENT).read_text(encoding="utf-8").strip()
        manifest = json.loads((root / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    location = root / name
    if manifest.get("format") != FORMAT or not location.is_dir():
        return None
    if manifest.get("trig") != _stamp(Path(trig) if trig else Path(out) / "graph.trig"):
        return None  # a later build rewrote the files without a store: the store is stale
    return location, manifest


def open_read_only(location: str | Path) -> ox.Store:
    return ox.Store.read_only(str(location))


class _ChunkReader(io.RawIOBase):
    """A file over an iterator of bytes: the store's bulk loader reads the graph as it
    is produced, so no N-Quads copy of the whole graph is held in memory."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self._left = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001 - a writable buffer
        while not self._left:
            self._left = next(self._chunks, None)
            if self._left is None:
                self._left = b""
                return 0
        n = min(len(buffer), len(self._left))
        buffer[:n] = self._left[:n]
        self._left = self._left[n:]
        return n


def write_generation(out: str | Path, nquads: Iterable[bytes], union_ntriples: Iterable[bytes], documents: list[dict]) -> Path:
    """Write a new generation from the documents' named graphs (N-Quads chunks) and their
    union (N-Triples chunks); return its folder. ``CURRENT`` is not touched: :func:`make_current`
    switches to it once the files it matches are in place. The caller holds the output
    folder's lock."""
    root = store_root(out)
    root.mkdir(parents=True, exist_ok=True)
    _remove_unfinished(root)
    number = 1 + max([int(p.name[1:]) for p in root.iterdir() if p.is_dir() and p.name[1:].isdigit()] or [0])
    name = f"g{number}"
    _remove(root / (name + ANSWERS_SUFFIX))  # answers a removed g<N> left behind: no use to this one
    unfinished = root / f"{name}.tmp-{os.getpid()}"
    store = ox.Store(str(unfinished))
    store.bulk_load(io.BufferedReader(_ChunkReader(nquads), 1 << 20), format=ox.RdfFormat.N_QUADS)
    store.bulk_load(io.BufferedReader(_ChunkReader(union_ntriples), 1 << 20), format=ox.RdfFormat.N_TRIPLES,
                    to_graph=ox.DefaultGraph())
    store.flush()
    del store  # closes the database (pyoxigraph has no close of its own)
    os.rename(unfinished, root / name)
    # an id of this generation alone: a later generation may be given the same name g<N> (after the store
    # was removed), and what is kept for one (kg.sparql.answers) must never be read for the other
    ident = secrets.token_hex(8)
    write_text(root / f"{name}.json", json.dumps({"format": FORMAT, "generation": name, "id": ident, "documents": documents},
                                                 ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return root / name


def generation_id(location: str | Path) -> str | None:
    """The id written in the manifest of the generation at ``location`` (None for a store written
    before generations had one, or a manifest that cannot be read)."""
    location = Path(location)
    try:
        ident = json.loads(location.with_name(location.name + ".json").read_text(encoding="utf-8")).get("id")
    except (OSError, ValueError, AttributeError):
        return None
    return ident if isinstance(ident, str) and ident.isalnum() else None


def make_current(out: str | Path, location: Path) -> None:
    """Use ``location`` from now on, stamped with the graph.trig now in OUT; remove the
    generations before the one it replaces (that one stays: a reader that opened it —
    a running kg serve — keeps answering until it opens the new one)."""
    root = store_root(out)
    manifest_path = root / f"{location.name}.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["trig"] = _stamp(Path(out) / "graph.trig")
    write_text(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    try:
        previous = (root / CURRENT).read_text(encoding="utf-8").strip()
    except OSError:
        previous = ""
    write_text(root / CURRENT, location.name + "\n")  # atomic: the old generation or the new, never neither
    keep = {CURRENT, location.name, manifest_path.name, previous, previous + ".json",
            location.name + ANSWERS_SUFFIX, previous + ANSWERS_SUFFIX}  # kg.sparql.answers: a generation's kept answers go with it
    for p in root.iterdir():
        if p.name not in keep:
            _remove(p)


def remove_store(out: str | Path) -> None:
    """A build that writes no store removes the one there (it would describe old files)."""
    root = store_root(out)
    if root.exists():
        _remove(root)


def _remove_unfinished(root: Path) -> None:
    """Generations a killed build left half written (no other build is writing: the
    caller holds the lock)."""
    for p in root.iterdir():
        if ".tmp-" in p.name:
            _remove(p)


def _remove(p: Path) -> None:
    if p.is_dir() and not p.is_symlink():
        shutil.rmtree(p, ignore_errors=True)
    else:
        try:
            p.unlink()
        except OSError:
            pass
