"""Every IRI the graph mints, made here: hgid:<class>/<scope>/<canonical name> for
entities, hgid:region/<name>-<GB/T 2260 code>, hgid:doc/<sha256 prefix>, the hashed
IRIs of assertions, and those of indicators, targets and measurements. Stable and readable: the same name in the same
region gives the same IRI in every build."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from kg.extract.model import REGION, EntityKey
from kg.graph.terms import HGID_NS as HGID
from kg.ingest.document import SourceDocument
from kg.names.regions import regions
from kg.schema import IRI_SEGMENT

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


def doc_iri(src: SourceDocument) -> str:
    return iri_value("doc", src.sha256[:16])


@lru_cache(maxsize=8192)
def region_iri(code: str) -> str:
    r = regions().by_code[code]
    return iri_value("region", f"{r.name}-{code}")


@lru_cache(maxsize=65536)
def entity_iri(key: EntityKey) -> str:
    """hgid:<class>/<scope>/<name>: region entities by name and GB/T 2260 code, other
    region-relative names under their region's name."""
    table = regions()
    if key.type == REGION:
        match = [r for r in table.by_name.get(key.name, [])]
        if not key.scope and match:
            code = match[0].code if len(match) == 1 else None
            if code:
                return region_iri(code)
        scope = table.by_code[key.scope].name if key.scope in table.by_code else key.scope
        return iri_value("region", scope, key.name)
    scope = table.by_code[key.scope].name if key.scope in table.by_code else key.scope
    return iri_value(IRI_SEGMENT[key.type], scope, key.name)


def assertion_iri(subject: str, predicate_name: str, obj: str, doc_sha256: str) -> str:
    """hgid:assertion/<hash> of one relation stated by one document (subject and object
    as IRIs). A hex digest is its own slug and a safe IRI: no slug is made or checked
    (memoising would not help: every assertion is new)."""
    return f"{HGID}assertion/{short_hash(subject, predicate_name, obj, doc_sha256)}"


def indicator_iri(name: str) -> str:
    return iri_value("indicator", name)


def _region_name(code: str) -> str:
    table = regions()
    return table.by_code[code].name if code in table.by_code else ""


def target_iri(owner_iri: str | None, region_code: str, indicator: str, year: int | None, value: str) -> str:
    """hgid:target/<owner>/<indicator>/<year or na>/<value and unit>: the owner is the
    program's IRI path (after /id/) where the target has one, else its region's name."""
    owner = owner_iri.rsplit("/id/", 1)[-1] if owner_iri is not None else _region_name(region_code)
    return iri_value("target", owner, indicator, year if year else "na", value)


def measurement_iri(region_code: str, indicator: str, year: int | None, value: str) -> str:
    """hgid:measurement/<region name>/<indicator>/<year or na>/<value and unit>."""
    return iri_value("measurement", _region_name(region_code), indicator, year if year else "na", value)
