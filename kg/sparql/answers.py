"""Preset answers kept beside the store generation they were computed on.

A generation of ``OUT/store`` (kg.graph.persist) is written once and never changed: a
later build writes a new one. So the rows a preset returns on a generation stay its
rows for as long as that generation is in use, and ``kg query OUT --preset`` computes
them once — seconds at a million triples, where the engine reads every joined row out
of RocksDB (docs/performance.md) — and reads them back after, in milliseconds.

They are kept in ``g<N>.answers/`` beside ``g<N>/`` and removed with it. The key is the
query's text, the row cap and the engine's version, so an edited preset, another cap or
another pyoxigraph never reads an answer computed for something else. A folder that
cannot be written (a read-only copy) answers as before, without keeping anything.
"""
from __future__ import annotations

import hashlib
import marshal
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.atomic import write_bytes
from kg.graph.persist import ANSWERS_SUFFIX

if TYPE_CHECKING:
    from kg.sparql import QueryResult

FORMAT = 1  # the layout of one answer file; a change makes every kept answer a miss


def answers_dir(location: str | Path) -> Path:
    """The folder of answers kept for the store generation at ``location``."""
    location = Path(location)
    return location.with_name(location.name + ANSWERS_SUFFIX)


def _answer_path(location: str | Path, sparql: str, max_rows: int | None) -> Path:
    key = hashlib.sha256(f"{FORMAT}\0{ox.__version__}\0{max_rows}\0{sparql}".encode("utf-8")).hexdigest()
    return answers_dir(location) / f"{key}.marshal"


def read_answer(location: str | Path, sparql: str, max_rows: int | None) -> QueryResult | None:
    """The answer kept for this query on this generation, or None (never computed, or
    unreadable: then it is computed again)."""
    from kg.sparql import QueryResult

    try:
        data = _answer_path(location, sparql, max_rows).read_bytes()
        columns, rows, boolean, truncated = marshal.loads(data)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return QueryResult(columns, rows, boolean, truncated)


def keep_answer(location: str | Path, sparql: str, max_rows: int | None, result: QueryResult) -> None:
    """Keep ``result`` for the next reader of this generation (atomically: a reader sees
    the whole answer or none)."""
    path = _answer_path(location, sparql, max_rows)
    try:
        path.parent.mkdir(exist_ok=True)
        write_bytes(path, marshal.dumps((result.columns, result.rows, result.boolean, result.truncated)))
    except OSError:
        pass  # not writable here: answered, not kept
