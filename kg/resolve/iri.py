"""Stable, readable IRIs: hgid:<class>/<scope>/<canonical name>."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from kg.graph.terms import HGID_NS as HGID

_UNSAFE = re.compile(r"[^\w\u3400-\u9fff+]+")


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """A path segment from a name: NFKC, word characters and CJK kept, runs of
    anything else become one hyphen. Deterministic and readable."""
    s = unicodedata.normalize("NFKC", text).strip()
    s = _UNSAFE.sub("-", s).strip("-")
    return s or "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def iri_value(kind: str, *parts: str | int | float | None) -> str:
    """hgid:<kind>/<slug>/<slug>…, as a plain string (what the statement writer needs)."""
    segs = [kind] + [slug(str(p)) for p in parts if p is not None and str(p) != ""]
    return HGID + "/".join(segs)


def short_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
