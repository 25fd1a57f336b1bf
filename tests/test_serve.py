"""kg serve over real HTTP: SPARQLWrapper and rdflib's SPARQLStore as clients, content
negotiation, the explorer page, refused updates and reaching out, limits, and many
requests at once."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

import kg

from .conftest import SEEDS

PROGRAMS = """PREFIX hg: <https://w3id.org/healthgov-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?department ?program WHERE { ?d hg:leads ?p . ?d rdfs:label ?department . ?p rdfs:label ?program }
ORDER BY ?department ?program"""


@pytest.fixture(scope="module")
def server(seeds_store):
    srv = kg.serve(seeds_store, port=0, timeout=5, max_rows=50, max_memory_mb=512)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _get(url: str, accept: str | None = None) -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(req, timeout=60) as res:
            return res.status, dict(res.headers), res.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def _query_url(server, sparql: str, **params: str) -> str:
    return server.url + "?" + urllib.parse.urlencode({"query": sparql, **params})


def test_sparqlwrapper_selects_as_json_and_xml(server, seeds_store):
    from SPARQLWrapper import JSON, XML, SPARQLWrapper

    expected = kg.query(seeds_store, PROGRAMS, max_rows=50).rows
    client = SPARQLWrapper(server.url)
    client.setQuery(PROGRAMS)
    client.setReturnFormat(JSON)
    rows = [[b["department"]["value"], b["program"]["value"]] for b in client.query().convert()["results"]["bindings"]]
    assert rows == expected and len(rows) == 50  # the server's row cap
    client.setReturnFormat(XML)
    doc = client.query().convert()
    assert len(doc.getElementsByTagName("result")) == 50
    client.setMethod("POST")
    client.setReturnFormat(JSON)
    assert len(client.query().convert()["results"]["bindings"]) == 50


def test_rdflib_sparqlstore_reads_the_graph(server):
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = Graph(store=SPARQLStore(server.url, returnFormat="json"))
    rows = list(g.query("SELECT ?l WHERE { ?d a <https://w3id.org/healthgov-kg/ontology#Department> ; "
                        "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l LIMIT 3"))
    assert len(rows) == 3 and all(str(r[0]) for r in rows)
    construct = g.query("CONSTRUCT { ?d <urn:label> ?l } WHERE { ?d a <https://w3id.org/healthgov-kg/ontology#Department> ; "
                        "<http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 5")
    assert len(construct) == 5


@pytest.mark.parametrize("accept, media, start", [
    ("text/csv", "text/csv", b"department,program\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values", b"?department\t?program\n"),
    ("application/sparql-results+json", "application/sparql-results+json", b'{"head"'),
    ("application/sparql-results+xml", "application/sparql-results+xml", b"<?xml"),
    ("text/html;q=0.9, text/csv;q=0.5", "text/csv", b"department"),
])
def test_content_negotiation_for_select(server, accept, media, start):
    status, headers, body = _get(_query_url(server, PROGRAMS), accept)
    assert status == 200 and headers["Content-Type"].startswith(media) and body.startswith(start)
    assert headers.get("X-KG-Truncated") == "true"


def test_construct_as_turtle_or_ntriples_and_ask(server):
    q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/healthgov-kg/ontology#Hospital> ; ?p ?o } LIMIT 10"
    status, headers, body = _get(_query_url(server, q), "text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle") and b"@prefix" in body
    status, headers, body = _get(_query_url(server, q), "application/n-triples")
    assert status == 200 and body.count(b" .\n") == 10
    status, _, body = _get(_query_url(server, "ASK { ?s a <https://w3id.org/healthgov-kg/ontology#Program> }"))
    assert status == 200 and json.loads(body)["boolean"] is True
    status, headers, body = _get(_query_url(server, "ASK { ?s ?p ?o }"), "text/csv")  # no CSV of a boolean
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    status, _, body = _get(_query_url(server, "ASK { ?s ?p ?o }", format="csv"))  # asked for by name: refused
    assert status == 406 and b"application/sparql-results+json" in body


@pytest.mark.parametrize("sparql, status, words", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", 403, "SERVICE"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", 403, "refused"),
    ("LOAD <http://example.org/data.ttl>", 403, "refused"),
    ("SELECT * WHERE { ?s ?p }", 400, "syntax error"),
    ("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?e", 503, ""),
])
def test_refused_malformed_and_too_costly_queries_are_one_line(server, sparql, status, words):
    got, headers, body = _get(_query_url(server, sparql))
    assert got == status and headers["Content-Type"].startswith("text/plain"), body
    assert body.decode("utf-8").count("\n") == 1 and words in body.decode("utf-8")


def test_updates_posted_as_updates_are_refused(server):
    req = urllib.request.Request(server.url, data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                                 headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=30)
    assert err.value.code == 403
    form = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(urllib.request.Request(server.url, data=form), timeout=30)
    assert err.value.code == 403


def test_the_explorer_page_is_served(server):
    status, headers, body = _get(server.url[: -len("sparql")])
    assert status == 200 and headers["Content-Type"].startswith("text/html") and "闵行区卫生健康委员会" in body.decode("utf-8")


def test_many_requests_at_once(server, seeds_store):
    expected = kg.query(seeds_store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]

    def count(_: int) -> str:
        status, _, body = _get(_query_url(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), "text/csv")
        assert status == 200
        return body.decode("utf-8").split("\r\n")[1]

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(count, range(24))) == {expected}


def test_kg_serve_from_the_command_line(tmp_path):
    out = tmp_path / "out"
    assert subprocess.run([sys.executable, "-m", "kg.cli", "build", SEEDS / "002_ade2870d4016e2b5.txt", "--out", out,
                           "--no-html", "-q"], capture_output=True, timeout=300).returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(out), "--port", "0", "-q"],
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        assert line.startswith("kg: serving") and "http://127.0.0.1:" in line, line
        url = line.split(" at ", 1)[1].split(" ", 1)[0]
        status, _, body = _get(url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        proc.terminate()
        proc.wait(30)
