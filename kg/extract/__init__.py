"""The spaCy pipeline that reads entities, relations, targets and measurements.

The pipeline is imported on first use (PEP 562): the record types in kg.extract.model
are needed by commands that only read graphs, and importing spaCy costs ~0.7 s.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.extract.model import Extraction, Mention, Quantity, RelationMention

if TYPE_CHECKING:
    from kg.extract.pipeline import extract_document, make_nlp

__all__ = ["Extraction", "Mention", "Quantity", "RelationMention", "extract_document", "make_nlp"]
_FROM_PIPELINE = ("extract_document", "make_nlp")


def __getattr__(name: str) -> Any:
    if name in _FROM_PIPELINE:
        from kg.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kg.extract' has no attribute {name!r}")
