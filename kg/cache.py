"""What an incremental build keeps of each document it read (``kg build --incremental``):
its named graph and its counts, in ``OUT/.kg-cache/``, so that rebuilding a folder
re-extracts only new or changed files.

An entry is found by what decides a document's graph: the SHA-256 of its bytes, its file
name, the regions the user gave for it, and the extractor itself (a digest of every
file of the package and the versions it runs on) — any change of code or data makes
every entry miss. Entries are ``marshal`` data (tuples of strings and bytes: loading one
cannot run code) written atomically; entries no build of the folder used are removed.

An entry keeps its graph in the form the writers write it (kg.graph.documents.PackedGraph):
its sorted subjects and each one's Turtle block (a str and a bytes object per subject),
then, packed on their own, each subject's (predicate, object) pairs, which are unpacked
only where they are needed. Reading 1,000 entries so makes a few objects per subject
instead of every statement's terms (0.8 s of a one-document rebuild before).

The union's Turtle merges each subject several documents state. ``merged.u`` keeps, for
each such subject of the last build, the entries that stated it, its merged block and
how many of them state each pair (:class:`MergedSubjects`): a subject stated by the same
entries is not merged again, and one whose entries changed is merged from the pairs of
the entries that came and went alone (a subject a thousand documents state is not
unpacked a thousand times because one of them changed).
"""
from __future__ import annotations

import hashlib
import marshal
import os
import platform
import struct
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from kg.graph.documents import PackedGraph, pack
from kg.paths import PACKAGE_DIR

CACHE_DIR = ".kg-cache"
READER_DISTRIBUTIONS = ("spacy", "pyoxigraph", "pypdf", "python-docx", "charset-normalizer", "ahocorasick-rs",
                        "opencc-python-reimplemented", "numpy")
SUFFIX = ".m"
ENTRY_FORMAT = 2  # the shape of an entry (1: the graph's blocks, pairs and all, as one structure)
_HEAD = struct.Struct("<Q")  # an entry: the length of its head, its head, its packed pairs
MERGED = "merged.u"  # (not an entry's suffix: no build removes it as unused)


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
        return self.peek(key)

    def peek(self, key: str) -> tuple | None:
        """:meth:`get`, for an entry this build does not use (it is still removed after)."""
        try:
            data = memoryview(self._path(key).read_bytes())
            (n,) = _HEAD.unpack_from(data)
            form, (term, subjects, turtle_blocks), fields = marshal.loads(data[_HEAD.size:_HEAD.size + n])
            if form != ENTRY_FORMAT:
                return None
            return PackedGraph(term, subjects, turtle_blocks, data[_HEAD.size + n:], key), tuple(fields)
        except (OSError, EOFError, ValueError, TypeError, struct.error):
            return None  # none, torn or of another shape: read the document again

    def put(self, key: str, graph, fields: tuple) -> None:  # noqa: ANN001 - a DocumentGraph
        """Write an entry: to a temporary file, then renamed (a killed build leaves no
        torn entry; none is fsynced, as a lost one only costs its document's extraction)."""
        self.used.add(key)
        head, pairs = pack(graph)
        head = marshal.dumps((ENTRY_FORMAT, head, fields))
        tmp = self.dir / f".{key}.{os.getpid()}.tmp"
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(_HEAD.pack(len(head)))
                fh.write(head)
                fh.write(pairs)
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


class MergedSubjects:
    """The union's merged subjects (see the module's text): what kg.graph.turtle's
    ``turtle_chunks`` asks for each subject several graphs state. ``keys`` is the entry
    of each graph (its N-Triples term → entry key); a graph without one is merged in
    full and its subjects are not kept."""

    def __init__(self, cache: DocumentCache, keys: dict[str, str]) -> None:
        self.cache = cache
        self.keys = keys
        self.kept: dict[str, tuple] = {}
        try:
            kept = marshal.loads((cache.dir / MERGED).read_bytes())
            if isinstance(kept, dict):
                self.kept = kept
        except (OSError, EOFError, ValueError, TypeError):
            pass  # none or torn: every shared subject is merged in full
        self.now: dict[str, tuple] = {}
        self._gone: dict[str, PackedGraph | None] = {}
        self.merged = 0  # subjects merged (in full or from the entries that changed), not taken as they were

    def block(self, subject: str, stating: Sequence, pairs_of, render) -> bytes:  # noqa: ANN001
        """The merged Turtle block of ``subject``, which each graph of ``stating`` states
        (``pairs_of(graph)`` its pairs); ``render(subject, sorted pairs)`` renders one."""
        keys = tuple(self.keys.get(g.term, "") for g in stating)
        if "" in keys:
            counts = _counts(stating, pairs_of)
            return render(subject, sorted(counts))
        kept = self.kept.get(subject)
        if not (isinstance(kept, tuple) and len(kept) == 3 and isinstance(kept[0], tuple)
                and isinstance(kept[1], bytes) and isinstance(kept[2], bytes)):
            kept = None  # (a state of another shape: merged in full)
        if kept is not None and kept[0] == keys:
            self.now[subject] = kept
            return kept[1]
        counts = self._changed(subject, kept, keys, stating, pairs_of) if kept is not None else None
        if counts is None:
            counts = _counts(stating, pairs_of)
        self.merged += 1
        block = render(subject, sorted(counts))
        self.now[subject] = (keys, block, marshal.dumps(counts))
        return block

    def _changed(self, subject: str, kept: tuple, keys: tuple, stating: Sequence, pairs_of) -> dict | None:  # noqa: ANN001
        """The counts of ``subject``'s pairs from those kept, less the pairs of the
        entries that no longer state it, plus those of the ones that now do; None
        where merging in full is cheaper (as many entries gone as there are now: a new
        extractor), or where a gone entry or the counts cannot be read (merged in full)."""
        try:
            counts = marshal.loads(kept[2])
        except (EOFError, ValueError, TypeError):
            return None
        before, now = set(kept[0]), set(keys)
        gone = before - now
        if not isinstance(counts, dict) or len(gone) >= len(now):
            return None
        try:
            return self._counted(subject, counts, gone, before, keys, stating, pairs_of)
        except (TypeError, ValueError, AttributeError):  # counts of another shape
            return None

    def _counted(self, subject: str, counts: dict, gone: set, before: set, keys: tuple, stating: Sequence,
                 pairs_of) -> dict | None:  # noqa: ANN001
        for key in gone:
            graph = self._gone_graph(key)
            if graph is None:
                return None
            at = _index(graph.subjects, subject)
            if at is None:
                return None
            for pair in graph.pairs_at(at):
                n = counts.get(pair, 0) - 1
                if n < 0:
                    return None
                if n:
                    counts[pair] = n
                else:
                    del counts[pair]
        for key, g in zip(keys, stating):
            if key not in before:
                for pair in pairs_of(g):
                    counts[pair] = counts.get(pair, 0) + 1
        return counts

    def _gone_graph(self, key: str) -> PackedGraph | None:
        if key not in self._gone:
            found = self.cache.peek(key)
            self._gone[key] = found[0] if found else None
        return self._gone[key]

    def save(self) -> None:
        """Keep this build's merged subjects for the next (written atomically; not when
        nothing changed)."""
        if self.now == self.kept:
            return
        tmp = self.cache.dir / f".{MERGED}.{os.getpid()}.tmp"
        try:
            self.cache.dir.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(marshal.dumps(self.now))
            os.replace(tmp, self.cache.dir / MERGED)
        except OSError:
            pass  # the next build merges every shared subject in full, nothing else


def _counts(stating: Sequence, pairs_of) -> dict:  # noqa: ANN001
    counts: Counter = Counter()
    for g in stating:
        counts.update(pairs_of(g))
    return dict(counts)


def _index(subjects: Sequence[str], subject: str) -> int | None:
    from bisect import bisect_left

    i = bisect_left(subjects, subject)
    return i if i < len(subjects) and subjects[i] == subject else None
