"""Indicator wordings → the concepts of the indicator scheme (kg/ontology/indicators.ttl).

The same indicator is worded differently in every document (居民健康素养水平,
健康素养水平, 全省居民健康素养水平). ``match(wording)`` normalises the wording (region and
area words that open it, 居民/城乡居民, years, brackets, 的) and returns

* ("exactMatch", concept) when it equals a concept's normalised prefLabel or altLabel;
* ("broader", concept) when it is a qualifier (kg/names/data/indicators.json: 城市,
  农村, 老年人 …) followed by a concept's normalised label — a sub-indicator; or a count
  concept's label (its unit a count: 个, 家, 场 …) after a count qualifier (a level 省级, a
  place 进社区, a topic 心理健康: 省级健康促进医院, 进社区讲座), or a label after an opener
  that says who leads it (以县级医院为核心的县域医联体);
* None otherwise: the indicator stays its own concept (precision first).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.paths import ONTOLOGY_DIR

SCHEME_PATH = ONTOLOGY_DIR / "indicators.ttl"
DATA_PATH = Path(__file__).with_name("data") / "indicators.json"
HGI_NS = "https://w3id.org/healthgov-kg/indicator/"
SCHEME_IRI = HGI_NS + "scheme"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_HG_UNIT = "https://w3id.org/healthgov-kg/ontology#unit"

_BRACKETS = re.compile(r"[（(][^（）()]{0,20}[）)]")
_YEAR = re.compile(r"\d{4}\s*年(?:度|底|末)?")
_MARKS = re.compile(r"[《》“”‘’\"'\s·—]")
# what extraction leaves after a wording: 从/由 and the old value (人均期望寿命从75.9岁,
# 由不到10%), a trend verb, with 至/到 or without (人均预期寿命提高, 成人吸烟率降至), a bare 将
_TAIL = re.compile(r"(?:(?:从|由)(?:\d|“|十|年|不到|约|近).*|(?:(?:逐步|持续|稳步)?(?:提高|提升|降低|下降|降)(?:至|到)?|将)$)")


@dataclass(frozen=True)
class Concept:
    iri: str
    notation: str
    label: str            # skos:prefLabel@zh
    unit: str
    alt_labels: tuple[str, ...]


@dataclass(frozen=True)
class Scheme:
    concepts: dict[str, Concept]          # IRI → concept
    by_key: dict[str, str]                # normalised label → concept IRI
    keys_by_length: tuple[str, ...]       # the keys, longest first (for sub-indicators)
    qualifiers: frozenset[str]
    count_qualifiers: frozenset[str]      # before a count concept's label only
    count_units: frozenset[str]           # the units that make a concept a count


@lru_cache(maxsize=1)
def _led_by() -> re.Pattern[str]:
    """以县级医院为核心的 / 以市级医院为龙头的: who leads a consortium, before what it is."""
    return re.compile(r"^以[^以为的]{2,12}为(?:%s)的" % "|".join(map(re.escape, _words()["led_by"])))


@lru_cache(maxsize=1)
def _words() -> dict:
    return json.loads(DATA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _area_prefixes() -> tuple[frozenset[str], tuple[int, ...]]:
    """The region and area words that may open a wording, and their lengths, longest
    first: a wording's longest such opener is found with a set look-up per length, not
    by testing thousands of names (the scheme's labels are normalised when it is read,
    which was 0.2 s of any build's first document)."""
    from kg.names.regions import regions

    names = {n for n in regions().by_name if len(n) >= 2} | set(_words()["area_prefixes"])
    return frozenset(names), tuple(sorted({len(n) for n in names}, reverse=True))


@lru_cache(maxsize=65536)
def normalise(wording: str) -> str:
    """The form wordings are compared in: NFKC, no brackets' content, marks, years or 的,
    without the region, area and population words that open it."""
    s = unicodedata.normalize("NFKC", wording)
    s = _MARKS.sub("", s)
    s = _BRACKETS.sub("", s)
    s = _TAIL.sub("", s)
    s = _YEAR.sub("", s)
    s = s.replace("的", "")
    if s.endswith("数量"):  # 紧密型县域医共体数量: the 数 of a count concept's label
        s = s[:-1]
    areas, lengths = _area_prefixes()
    changed = True
    while changed and s:
        changed = False
        for n in lengths:  # the longest opener that leaves two characters or more
            if len(s) > n + 1 and s[:n] in areas:
                s, changed = s[n:], True
                break
        for p in _words()["leading_verbs"]:
            if s.startswith(p) and len(s) > len(p) + 1:
                s, changed = s[len(p):], True
                break
        for p in _words()["population_prefixes"]:
            if s.startswith(p) and len(s) > len(p) + 1:
                s, changed = s[len(p):], True
                break
    return s


@lru_cache(maxsize=1)
def scheme() -> Scheme:
    """The concept scheme, read once (pyoxigraph parses it in milliseconds)."""
    import pyoxigraph as ox

    notation: dict[str, str] = {}
    pref: dict[str, str] = {}
    unit: dict[str, str] = {}
    alts: dict[str, list[str]] = {}
    members: set[str] = set()
    for t in ox.parse(path=str(SCHEME_PATH), format=ox.RdfFormat.TURTLE):
        s, p, o = t.subject.value, t.predicate.value, t.object
        if p == _SKOS + "inScheme" and o.value == SCHEME_IRI:
            members.add(s)
        elif p == _SKOS + "notation":
            notation[s] = o.value
        elif p == _SKOS + "prefLabel" and getattr(o, "language", None) == "zh":
            pref[s] = o.value
        elif p == _SKOS + "altLabel":
            alts.setdefault(s, []).append(o.value)
        elif p == _HG_UNIT:
            unit[s] = o.value
    concepts = {c: Concept(c, notation[c], pref[c], unit.get(c, ""), tuple(sorted(alts.get(c, ()))))
                for c in sorted(members)}
    by_key: dict[str, str] = {}
    for c in concepts.values():
        for label in (c.label, *c.alt_labels):
            key = normalise(label)
            other = by_key.setdefault(key, c.iri)
            if other != c.iri:
                raise ValueError(f"indicators.ttl: {label!r} names both {other} and {c.iri}")
    w = _words()
    return Scheme(concepts, by_key, tuple(sorted(by_key, key=lambda k: (-len(k), k))),
                  frozenset(w["qualifiers"]), frozenset(w["count_qualifiers"]), frozenset(w["count_units"]))


@lru_cache(maxsize=65536)
def match(wording: str) -> tuple[str, str] | None:
    """("exactMatch" | "broader", concept IRI) for an indicator's wording, or None."""
    sc = scheme()
    plain = unicodedata.normalize("NFKC", wording)
    led = _led_by().match(plain)
    if led:  # 以市级医院为龙头的城市医联体: those of the concept led so, a part of it
        found = match(plain[led.end():])
        return ("broader", found[1]) if found else None
    key = normalise(wording)
    if len(key) < 2:
        return None
    found = sc.by_key.get(key)
    if found:
        return ("exactMatch", found)
    for k in sc.keys_by_length:
        if len(key) <= len(k) or not key.endswith(k):
            continue
        counted = sc.concepts[sc.by_key[k]].unit in sc.count_units
        if len(k) < 4 and not counted:
            continue  # a short label (贫血率) is no head of a sub-indicator
        head = key[: -len(k)]
        if len(k) >= 4 and (head in sc.qualifiers or head.removesuffix("居民") in sc.qualifiers):
            return ("broader", sc.by_key[k])
        if counted and head in sc.count_qualifiers:
            return ("broader", sc.by_key[k])
        return None  # the longest label it ends with has another head: not a sub-indicator we know
    return None
