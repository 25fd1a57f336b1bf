"""Reading documents: bytes → decoded text → cleaned body with metadata."""
from kg.ingest.document import SourceDocument
from kg.ingest.reader import collect_paths, read_document

__all__ = ["SourceDocument", "collect_paths", "read_document"]
