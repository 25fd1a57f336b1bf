"""Preset answers kept beside the store generation they were computed on.

A generation of ``OUT/store`` (kg.graph.persist) is written once and never changed: a
later build writes a new one. So the rows a preset returns on a generation stay its
rows for as long as that generation is in use, and ``kg query OUT --preset`` computes
them once — seconds at a million triples, where the engine reads every joined row out
of RocksDB (docs/performance.md) — and reads them back after, in milliseconds.

They are kept in ``g<N>.answers/<id>/``, ``<id>`` the generation's own id, read from its
manifest when the store was opened: a later generation given the same name g<N> (after
the store was removed) has another id, so a reader still holding the old one neither
reads nor writes the new one's answers. The key is the query's text, the row cap, the
package's and the engine's versions. Answers are JSON (a kept file is data, never code).
A folder that cannot be written (a read-only copy) answers as before, keeping nothing.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.atomic import write_bytes
from kg.defaults import VERSION
from kg.graph.persist import ANSWERS_SUFFIX

if TYPE_CHECKING:
    from kg.graph.store import GraphStore
    from kg.sparql import QueryResult

FORMAT = 1  # the layout of one answer file; a change makes every kept answer a miss


def answers_dir(location: str | Path, ident: str) -> Path:
    """The folder of answers kept for the store generation at ``location`` with id ``ident``."""
    location = Path(location)
    return location.with_name(location.name + ANSWERS_SUFFIX) / ident


def _answer_path(location: str | Path, ident: str, sparql: str, max_rows: int | None) -> Path:
    key = hashlib.sha256(f"{FORMAT}\0{VERSION}\0{ox.__version__}\0{max_rows}\0{sparql}".encode("utf-8")).hexdigest()
    return answers_dir(location, ident) / f"{key}.json"


def _where(store: GraphStore) -> tuple[Path, str] | None:
    """The generation an opened store reads and its id, or None (a store built in memory, or
    one whose generation has no id: nothing is kept for it)."""
    if store.location is None or store.generation_id is None:
        return None
    return store.location, store.generation_id


def read_answer(store: GraphStore, sparql: str, max_rows: int | None) -> QueryResult | None:
    """The answer kept for this query on the generation ``store`` reads, or None (never
    computed, nothing kept for it, or unreadable: then it is computed again)."""
    from kg.sparql import QueryResult

    where = _where(store)
    if where is None:
        return None
    try:
        data = json.loads(_answer_path(*where, sparql, max_rows).read_bytes())
        columns, rows, boolean, truncated = data["columns"], data["rows"], data["boolean"], data["truncated"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not (isinstance(columns, list) and isinstance(rows, list)):
        return None
    return QueryResult(columns, rows, boolean, bool(truncated))


def keep_answer(store: GraphStore, sparql: str, max_rows: int | None, result: QueryResult) -> None:
    """Keep ``result`` for the next reader of the generation ``store`` reads (atomically: a
    reader sees the whole answer or none)."""
    where = _where(store)
    if where is None:
        return
    path = _answer_path(*where, sparql, max_rows)
    data = {"columns": result.columns, "rows": result.rows, "boolean": result.boolean, "truncated": result.truncated}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    except OSError:
        pass  # not writable here: answered, not kept
