"""The spaCy pipeline that reads entities, relations, targets and measurements."""
from kg.extract.model import Extraction, Mention, Quantity, RelationMention
from kg.extract.pipeline import extract_document, make_nlp

__all__ = ["Extraction", "Mention", "Quantity", "RelationMention", "extract_document", "make_nlp"]
