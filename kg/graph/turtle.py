"""Turtle and TriG written from sorted N-Triples statements.

A build's statements are already canonical N-Triples text ("<s> <p> o", sorted), so
writing Turtle is grouping: a subject's statements are contiguous (a term ends with a
delimiter, so sorting never interleaves two subjects), and so are a predicate's objects.
Doing that in one pass over the strings is 2-3x faster than handing them to oxigraph's
parser and serialiser, whose Python objects cost more than the writing itself. A test
parses what this writes and compares it, statement for statement, with its input.

Only vocabulary terms (predicates, classes, datatypes) are abbreviated to prefixed
names; instance IRIs stay in full, since their local names hold '/'.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD = "http://www.w3.org/2001/XMLSchema#"
# a prefixed name's local part that needs no escaping (a subset of Turtle's PN_LOCAL)
_SIMPLE_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")
_INTEGER = re.compile(r"[+-]?[0-9]+")


class TermWriter:
    """Abbreviates N-Triples terms with a prefix table."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = prefixes
        self._by_length = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self._cache: dict[str, str] = {}

    def header(self) -> str:
        return "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in self.prefixes.items())

    def iri(self, term: str) -> str:
        """``<iri>`` → ``prefix:local`` when a prefix covers it with a simple local name."""
        short = self._cache.get(term)
        if short is None:
            short = term
            value = term[1:-1]
            for name, ns in self._by_length:
                if value.startswith(ns) and _SIMPLE_LOCAL.fullmatch(value[len(ns):]):
                    short = f"{name}:{value[len(ns):]}"
                    break
            if len(self._cache) < 100_000:
                self._cache[term] = short
        return short

    def predicate(self, term: str) -> str:
        return "a" if term == RDF_TYPE else self.iri(term)

    def object(self, term: str) -> str:
        head = term[0]
        if head == "<":
            return self.iri(term)
        if head == '"' and term[-1] == ">":
            cut = term.rfind('"^^<')
            if cut > 0:
                lexical, datatype = term[1:cut], term[cut + 3:]
                if datatype == f"<{_XSD}boolean>" and lexical in ("true", "false"):
                    return lexical
                if datatype == f"<{_XSD}decimal>" and _DECIMAL.fullmatch(lexical):
                    return lexical
                if datatype == f"<{_XSD}integer>" and _INTEGER.fullmatch(lexical):
                    return lexical
                return term[:cut + 3] + self.iri(datatype)
        return term


def _blocks(statements: Iterable[str], w: TermWriter, indent: str) -> list[str]:
    """Subject blocks: ``s p o , o ;\\n\\tp o .`` for sorted statements."""
    out: list[str] = []
    add = out.append
    subject = predicate = None
    pred_cache: dict[str, str] = {}
    obj = w.object
    for st in statements:
        s, p, o = st.split(" ", 2)
        if o[0] != '"' or o[-1] == ">":  # IRIs and typed literals may abbreviate
            o = obj(o)
        if s != subject:
            if subject is not None:
                add(" .\n")
            subject, predicate = s, p
            pp = pred_cache.get(p) or pred_cache.setdefault(p, w.predicate(p))
            add(f"{indent}{s} {pp} {o}")
        elif p != predicate:
            predicate = p
            pp = pred_cache.get(p) or pred_cache.setdefault(p, w.predicate(p))
            add(f" ;\n{indent}\t{pp} {o}")
        else:
            add(" , " + o)
    if subject is not None:
        add(" .\n")
    return out


def write_turtle(statements: Sequence[str], prefixes: dict[str, str]) -> bytes:
    """Turtle for sorted, unique N-Triples statements (no terminating " .")."""
    w = TermWriter(prefixes)
    return (w.header() + "".join(_blocks(statements, w, ""))).encode("utf-8")


def write_trig(graphs: Iterable[tuple[str | None, Sequence[str]]], prefixes: dict[str, str]) -> bytes:
    """TriG for (graph term or None for the default graph, sorted statements) pairs."""
    w = TermWriter(prefixes)
    parts = [w.header()]
    for graph, statements in graphs:
        if not statements:
            continue
        if graph is None:
            parts.extend(_blocks(statements, w, ""))
        else:
            parts.append(f"{graph} {{\n")
            parts.extend(_blocks(statements, w, "\t"))
            parts.append("}\n")
    return "".join(parts).encode("utf-8")
