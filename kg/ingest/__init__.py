"""Reading documents: bytes → decoded text → cleaned body with metadata.

Its names are imported when first asked for (PEP 562): ``kg.ingest.paths`` alone does
not import the readers (and numpy).
"""
from __future__ import annotations

from typing import Any

__all__ = ["SourceDocument", "collect_paths", "read_document"]


def __getattr__(name: str) -> Any:
    if name == "SourceDocument":
        from kg.ingest.document import SourceDocument

        return SourceDocument
    if name == "collect_paths":
        from kg.ingest.paths import collect_paths

        return collect_paths
    if name == "read_document":
        from kg.ingest.reader import read_document

        return read_document
    raise AttributeError(f"module 'kg.ingest' has no attribute {name!r}")
