"""SPARQL query results in the formats of the SPARQL 1.1 Protocol, at most ``max_rows``
of them: JSON, XML, CSV and TSV for SELECT and ASK, Turtle and N-Triples for
CONSTRUCT and DESCRIBE. Written here rather than by pyoxigraph's serialisers so that a
result is cut at the row cap while it is read, never collected whole."""
from __future__ import annotations

import csv
import io
import itertools
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# format name → media type; the names are also what ?format= accepts
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
}
SOLUTION_FORMATS = ("json", "xml", "csv", "tsv")
BOOLEAN_FORMATS = ("json", "xml")
GRAPH_FORMATS = ("turtle", "nt")
# what else clients send for them
ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml", "application/x-turtle": "turtle",
           "text/plain": "nt", "text/n-triples": "nt"}


def _json_term(term: object) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


_XML_FORBIDDEN = {chr(c): "\ufffd" for c in range(0x20) if chr(c) not in "\t\n\r"}
_XML_KEEP = {"\r": "&#13;", **_XML_FORBIDDEN}  # a raw \r would be read as \n; XML 1.0 holds no other control


def _xml_text(text: str) -> str:
    return escape(text, _XML_KEEP)


def _xml_term(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{_xml_text(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{_xml_text(term.value)}</literal>"
    return f"<literal>{_xml_text(term.value)}</literal>"


def _csv_value(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value


def serialize(result: object, fmt: str, max_rows: int | None) -> tuple[bytes, bool]:
    """(the bytes, whether rows were left out at the cap) of one query result."""
    if isinstance(result, ox.QueryBoolean):
        value = bool(result)
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": value}).encode("utf-8"), False
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode("utf-8"), False
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = list(itertools.islice(result, max_rows)) if max_rows is not None else list(result)
        truncated = max_rows is not None and len(rows) >= max_rows and next(iter(result), None) is not None
        return _solutions(variables, rows, fmt), truncated
    triples = list(itertools.islice(result, max_rows)) if max_rows is not None else list(result)
    truncated = max_rows is not None and len(triples) >= max_rows and next(iter(result), None) is not None
    from kg.graph.terms import PREFIXES

    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES,
                        prefixes=PREFIXES if fmt == "turtle" else None)
    return data or b"", truncated


def _solutions(variables: list[str], rows: list, fmt: str) -> bytes:
    if fmt == "json":
        bindings = [{v: _json_term(row[v]) for v in variables if row[v] is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(row[v])}</binding>"
                                            for v in variables if row[v] is not None) + "</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_value(row[v]) for v in variables] for row in rows)
        return buf.getvalue().encode("utf-8")
    # TSV: terms in their Turtle / N-Triples form (a literal's escapes included)
    lines = ["\t".join("?" + v for v in variables)]
    lines += ["\t".join("" if row[v] is None else str(row[v]) for v in variables) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def offered(form: str) -> tuple[str, ...]:
    """The formats a result of ``form`` (select, ask, construct, describe) can be sent in."""
    return {"select": SOLUTION_FORMATS, "ask": BOOLEAN_FORMATS}.get(form, GRAPH_FORMATS)


def negotiate(accept: str, form: str, requested: str | None = None) -> str | None:
    """The format to answer a query of ``form`` (select, ask, construct, describe) with:
    ``requested`` (?format=) if it suits (None if it does not), else the client's Accept
    header by quality, else the form's first format — as endpoints people use do, so
    that a client asking for results JSON of a CONSTRUCT (rdflib's SPARQLStore) gets
    Turtle rather than a refusal."""
    formats = offered(form)
    if requested:
        name = ALIASES.get(requested, requested)
        name = next((n for n, t in MEDIA_TYPES.items() if t == name), name)
        return name if name in formats else None
    if not accept.strip():
        return formats[0]
    choices: list[tuple[float, int, str]] = []
    for order, part in enumerate(accept.split(",")):
        media, *params = [x.strip() for x in part.split(";")]
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        media = media.lower()
        if media in ("*/*", "application/*", "text/*"):
            name = next((n for n in formats if MEDIA_TYPES[n].startswith(media[:-1]) or media == "*/*"), None)
        else:
            name = ALIASES.get(media) or next((n for n, t in MEDIA_TYPES.items() if t == media), None)
        if name in formats:
            choices.append((-q, order, name))
    return min(choices)[2] if choices else formats[0]
