"""RDF terms written as canonical N-Triples text.

The builder emits statements as N-Triples strings rather than term objects: a build
makes ~180,000 statements per million characters, and formatting a string costs a
fraction of constructing pyoxigraph terms. The escaping is oxigraph's own (a test
compares the two on arbitrary text), so a line we write equals the line oxigraph would
write for the same term, and sorted lines from either source interleave identically.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.graph.terms import XSD_NS

# oxigraph's N-Triples literal escapes: the short ECHARs it prefers, \\uXXXX for the
# other C0 controls and DEL, everything else raw UTF-8.
_SHORT = {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_LITERAL_ESCAPES = {cp: _SHORT.get(cp, f"\\u{cp:04X}") for cp in [*range(0x20), 0x22, 0x5C, 0x7F]}
# characters IRIREF forbids; our IRIs never hold them (slugs are word characters), so
# meeting one is a bug upstream, not something to escape silently
# (a regex character class: testing a set per character would make a str per CJK character)
IRI_FORBIDDEN_CHARS = '<>"{}|^`\\' + "".join(chr(c) for c in range(0x21))
_IRI_FORBIDDEN = re.compile("[" + re.escape(IRI_FORBIDDEN_CHARS) + "]")



@lru_cache(maxsize=65536)
def iri(value: str) -> str:
    """``<value>``; raises ValueError on a character N-Triples cannot hold in an IRI."""
    if _IRI_FORBIDDEN.search(value) is not None or ":" not in value:
        raise ValueError(f"not an absolute IRI: {value!r}")
    return "<" + value + ">"


def _escape(text: str) -> str:
    # most text needs no escape, and three C-level tests are much cheaper than translate
    if '"' not in text and "\\" not in text and text.isprintable():
        return text
    return text.translate(_LITERAL_ESCAPES)


def literal(text: str, language: str | None = None) -> str:
    """A plain (xsd:string) or language-tagged literal; tags are lower-cased as
    oxigraph normalises them."""
    body = '"' + _escape(text) + '"'
    return body + "@" + language.lower() if language else body


def typed(lexical: str, datatype: str) -> str:
    """A literal of the given datatype IRI (xsd:string is written plain, as oxigraph does)."""
    if datatype == XSD_NS + "string":
        return literal(lexical)
    return '"' + _escape(lexical) + '"^^' + iri(datatype)
