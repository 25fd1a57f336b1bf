"""Our Turtle/TriG writer: what it writes parses back to exactly what it was given."""
from __future__ import annotations

import pyoxigraph as ox
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.graph import ntriples as nt
from kg.graph.builder import DocumentGraph
from kg.graph.turtle import TermWriter, trig_chunks, turtle_chunks
from kg.graph.vocab import PREFIXES

PFX = {k: v for k, v in PREFIXES.items() if k != "hgid"}
W = TermWriter(PFX)


def ttl(statements: list[str]) -> bytes:
    return write_turtle([DocumentGraph.of("", statements)], W)
HG = PREFIXES["hg"]
ID = PREFIXES["hgid"]
XSD = "http://www.w3.org/2001/XMLSchema#"


def canonical(data: bytes, fmt: ox.RdfFormat) -> set[str]:
    return set(ox.serialize(ox.parse(data, format=fmt), format=ox.RdfFormat.N_QUADS).decode().split("\n")) - {""}


def statements_of(objects: list[str]) -> list[str]:
    subjects = [nt.iri(ID + "department/闵行区/卫生健康委员会"), nt.iri(ID + "doc/abc"), nt.iri(ID + "x/a-b")]
    preds = [nt.iri(HG + "evidence"), nt.iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
             nt.iri("http://www.w3.org/2000/01/rdf-schema#label"), nt.iri("http://example.org/odd/p#1x")]
    out = {f"{subjects[i % 3]} {preds[i % 4]} {o}" for i, o in enumerate(objects)}
    return sorted(out)


OBJECTS = [
    nt.literal("牵头单位：区卫健委、区医保局", "zh"), nt.literal('quote " backslash \\ newline \n tab \t', None),
    nt.literal("長寧區", "zh-Hant"), nt.typed("0.6215", XSD + "decimal"), nt.typed("45", XSD + "decimal"),
    nt.typed("true", XSD + "boolean"), nt.typed("2025", XSD + "gYear"), nt.typed("7", XSD + "integer"),
    nt.typed("x", "http://example.org/dt"), nt.iri(HG + "Department"), nt.iri(ID + "region/上海市-310000"),
    nt.iri("https://schema.org/Hospital"), nt.iri(HG + "odd.local"), nt.literal('ends "^^<x>', None),
]


def test_turtle_round_trip_keeps_every_statement() -> None:
    sts = statements_of(OBJECTS)
    data = ttl(sts)
    expected = {s + " ." for s in sts}
    assert canonical(data, ox.RdfFormat.TURTLE) == expected
    assert len(rdflib.Graph().parse(data=data, format="turtle")) == len(sts)
    assert b"a hg:Department" in data and b"0.6215" in data and b'"45"^^xsd:decimal' in data


def test_trig_keeps_graphs_apart() -> None:
    sts = statements_of(OBJECTS)
    g1, g2 = nt.iri(ID + "doc/one"), nt.iri(ID + "doc/two")
    data = write_trig([DocumentGraph.of(g1, sts[:5]), DocumentGraph.of(g2, sts[5:]), DocumentGraph.of("", sts[:2])], W)
    expected = {s + f" {g1} ." for s in sts[:5]} | {s + f" {g2} ." for s in sts[5:]} | {s + " ." for s in sts[:2]}
    assert canonical(data, ox.RdfFormat.TRIG) == expected


def test_empty_input_is_only_the_prefixes() -> None:
    assert ttl([]).decode().count("@prefix") == len(PFX)
    assert canonical(write_trig([DocumentGraph.of(nt.iri(ID + "doc/x"), [])], W), ox.RdfFormat.TRIG) == set()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=12), st.sampled_from([None, "zh", "zh-Hant"])), min_size=1, max_size=12))
def test_any_literal_text_round_trips(items) -> None:
    sts = statements_of([nt.literal(t, lang) for t, lang in items])
    assert canonical(ttl(sts), ox.RdfFormat.TURTLE) == {s + " ." for s in sts}


def test_union_merges_a_subject_stated_in_several_graphs() -> None:
    """A subject in one graph keeps its rendered block; one in several is merged."""
    sts = statements_of(OBJECTS)
    g1, g2 = nt.iri(ID + "doc/one"), nt.iri(ID + "doc/two")
    half = len(sts) // 2
    data = write_turtle([DocumentGraph.of(g1, sts[:half] + sts[:2]), DocumentGraph.of(g2, sts[half:])], W)
    assert canonical(data, ox.RdfFormat.TURTLE) == {s + " ." for s in sts}
    assert data == ttl(sts)


def test_output_does_not_depend_on_the_chunk_size(monkeypatch) -> None:
    """Files are written a chunk of blocks at a time; where the chunks break must not
    show in the bytes (nor lose or repeat a subject)."""
    import kg.graph.turtle as turtle

    graphs = [DocumentGraph.of(nt.iri(ID + f"doc/{i}"),
                               [f"{nt.iri(ID + f'x/{i}-{j}')} {nt.iri(HG + 'evidence')} {nt.literal(f'第{j}句', 'zh')}"
                                for j in range(7)] + statements_of(OBJECTS)[i:i + 3])
              for i in range(5)]
    whole_ttl, whole_trig = write_turtle(graphs, W), write_trig(graphs, W)
    monkeypatch.setattr(turtle, "_BLOCKS_PER_CHUNK", 2)
    chunks = list(turtle.turtle_chunks(graphs, W))
    assert len(chunks) > 10 and b"".join(chunks) == whole_ttl
    assert b"".join(turtle.trig_chunks(graphs, W)) == whole_trig
    expected = {s + " ." for g in graphs for s in g.statements}
    assert canonical(whole_ttl, ox.RdfFormat.TURTLE) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=6), max_size=12))
def test_code_point_order_is_utf8_byte_order(terms):
    """Subjects and statements are sorted as str (code points) where the output promises
    UTF-8 byte order: the two orders agree on any text UTF-8 can hold."""
    assert sorted(terms) == sorted(terms, key=lambda t: t.encode("utf-8"))


def write_turtle(graphs, w):  # noqa: ANN001, ANN201
    return b"".join(turtle_chunks(graphs, w))


def write_trig(graphs, w):  # noqa: ANN001, ANN201
    return b"".join(trig_chunks(graphs, w))
