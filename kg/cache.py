"""What an incremental build keeps of each document it read (``kg build --incremental``):
its named graph (subject blocks, Turtle text included) and its counts, in
``OUT/.kg-cache/``, so that rebuilding a folder re-extracts only new or changed files.

An entry is found by what decides a document's graph: the SHA-256 of its bytes, its file
name, the regions the user gave for it, and the extractor itself (a digest of every
file of the package and the versions it runs on) — any change of code or data makes
every entry miss. Entries are ``marshal`` data (tuples of strings and bytes: loading one
cannot run code) written atomically; entries no build of the folder used are removed.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import platform
from functools import lru_cache
from pathlib import Path

from kg.graph.builder import DocumentGraph
from kg.graph.turtle import SubjectBlock
from kg.paths import PACKAGE_DIR

CACHE_DIR = ".kg-cache"
READER_DISTRIBUTIONS = ("spacy", "pyoxigraph", "pypdf", "python-docx", "charset-normalizer", "ahocorasick-rs",
                        "opencc-python-reimplemented", "numpy")
SUFFIX = ".m"


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A digest of the package's files (code, data, ontology) and of the versions of
    Python, spaCy and pyoxigraph: what a cached graph was made with."""
    from importlib import metadata

    h = hashlib.sha256()
    h.update(platform.python_version().encode())
    for dist in READER_DISTRIBUTIONS:  # what reads the bytes into text decides the graph too
        try:
            h.update(f" {dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f" {dist}=none".encode())
    for p in sorted(PACKAGE_DIR.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo"):
            h.update(str(p.relative_to(PACKAGE_DIR)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def entry_key(sha256: str, name: str, region: str | None, default_region: str | None, max_bytes: int) -> str:
    """The entry of one document read with the user's regions and size limit (a .docx's
    parts are checked against it)."""
    h = hashlib.sha256("\x1f".join((extractor_fingerprint(), sha256, name, region or "", default_region or "",
                                    str(max_bytes))).encode())
    return f"{sha256[:16]}-{h.hexdigest()[:16]}"


class DocumentCache:
    """The entries of one output folder."""

    def __init__(self, out: str | Path) -> None:
        self.dir = Path(out) / CACHE_DIR
        self.used: set[str] = set()

    def _path(self, key: str) -> Path:
        return self.dir / (key + SUFFIX)

    def get(self, key: str) -> tuple | None:
        """(graph, fields) of an entry, or None where there is none or it cannot be read."""
        self.used.add(key)
        try:
            term, blocks, fields = marshal.loads(self._path(key).read_bytes())
            return DocumentGraph(term, tuple(SubjectBlock(*b) for b in blocks)), tuple(fields)
        except (OSError, EOFError, ValueError, TypeError):  # none, torn or of another shape: read the document again
            return None

    def put(self, key: str, graph: DocumentGraph, fields: tuple) -> None:
        """Write an entry: to a temporary file, then renamed (a killed build leaves no
        torn entry; none is fsynced, as a lost one only costs its document's extraction)."""
        self.used.add(key)
        data = marshal.dumps((graph.term, tuple(tuple(b) for b in graph.blocks), fields))
        tmp = self.dir / f".{key}.{os.getpid()}.tmp"
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, self._path(key))
        except OSError:
            pass  # an entry not written costs its document's extraction next time, nothing else

    def drop_unused(self) -> int:
        """Remove the entries of documents this build did not read (removed or changed
        files, an older extractor); returns how many."""
        removed = 0
        if not self.dir.is_dir():
            return 0
        for p in self.dir.iterdir():
            if (p.suffix == SUFFIX and p.stem not in self.used) or p.name.endswith(f".{os.getpid()}.tmp"):
                try:
                    p.unlink()
                    removed += 1
                except OSError:
                    pass
        return removed
