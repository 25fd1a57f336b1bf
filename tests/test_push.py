"""kg push into a real SPARQL server: Oxigraph's own (``oxigraph serve``, the PyPI
package oxigraph) on 127.0.0.1. Push the seeds, query the server over HTTP, push again
(nothing changes), change a document and push (its graph is replaced); an endpoint
that is not there, and credentials, end in one line that never shows the password."""
from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from .conftest import SEEDS

KG = [sys.executable, "-m", "kg.cli"]
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def oxigraph_server(tmp_path):
    if not Path(OXIGRAPH).exists():
        pytest.fail("the oxigraph server (pip package oxigraph, a test dependency) is not installed")
    port = _free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/query?" + urllib.parse.urlencode({"query": "ASK {}"}), timeout=1).read()
            break
        except OSError:
            time.sleep(0.05)
    yield base
    proc.terminate()
    proc.wait(30)


def _ask(base: str, sparql: str) -> list[dict]:
    req = urllib.request.Request(base + "/query?" + urllib.parse.urlencode({"query": sparql}),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as res:
        return json.loads(res.read())["results"]["bindings"]


def _graphs(base: str) -> dict[str, int]:
    rows = _ask(base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


def _build(docs: Path, out: Path) -> None:
    res = subprocess.run(KG + ["build", str(docs), "--out", str(out), "--no-html", "-q"], capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr


def _push(out: Path, endpoint: str, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(KG + ["push", str(out), "--endpoint", endpoint, *extra], capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def test_push_query_push_again_change_and_push(tmp_path, oxigraph_server):
    import kg

    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    out = tmp_path / "out"
    _build(docs, out)
    local = {g.term[1:-1]: len(g.statements) for g in kg.load(out)._graphs()}
    endpoint = oxigraph_server + "/store"

    first = _push(out, endpoint)
    assert first.returncode == 0 and "pushed 5 graph(s)" in first.stderr, first.stderr
    on_server = _graphs(oxigraph_server)
    record = [g for g in on_server if "/push/" in g]
    assert len(record) == 1 and {g: n for g, n in on_server.items() if g not in record} == local
    leads = _ask(oxigraph_server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d <https://w3id.org/healthgov-kg/ontology#leads> ?p } }")
    assert int(leads[0]["n"]["value"]) == int(kg.query(out, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d hg:leads ?p } }").rows[0][0]) > 10

    again = _push(out, endpoint)
    assert again.returncode == 0 and _graphs(oxigraph_server) == on_server  # pushing twice changes nothing

    changed = docs / "002_ade2870d4016e2b5.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n（十）新增一项。（区卫健委牵头）\n", encoding="utf-8")
    _build(docs, out)
    third = _push(out, endpoint)
    assert third.returncode == 0 and "removed 1 of an earlier push" in third.stderr, third.stderr
    now_local = {g.term[1:-1]: len(g.statements) for g in kg.load(out)._graphs()}
    now_server = {g: n for g, n in _graphs(oxigraph_server).items() if "/push/" not in g}
    assert now_server == now_local and len(now_server) == 5 and set(now_server) != set(local)


def test_an_endpoint_that_is_not_there_is_one_line(tmp_path):
    from kg.gsp import PushError, push_graph

    out = tmp_path / "out"
    _build(SEEDS / "002_ade2870d4016e2b5.txt", out)
    waits: list[float] = []
    with pytest.raises(PushError, match="cannot reach the endpoint") as err:
        push_graph(out, f"http://127.0.0.1:{_free_port()}/store", sleep=waits.append)
    assert waits == [0.5, 1.0, 2.0, 4.0] and "\n" not in str(err.value)  # retried with back-off
    res = _push(out, "ftp://example.org/store")
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "no http(s) URL" in res.stderr


class _Refusing(BaseHTTPRequestHandler):
    seen: list[str] = []

    def _refuse(self) -> None:
        _Refusing.seen.append(self.headers.get("Authorization") or "")
        self.send_response(401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_PUT = do_DELETE = _refuse

    def log_message(self, *args: object) -> None:
        pass


def test_credentials_are_sent_and_never_printed(tmp_path):
    out = tmp_path / "out"
    _build(SEEDS / "002_ade2870d4016e2b5.txt", out)
    server = HTTPServer(("127.0.0.1", 0), _Refusing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        endpoint = f"http://127.0.0.1:{server.server_address[1]}/store"
        res = _push(out, endpoint, env={"KG_PUSH_USER": "analyst", "KG_PUSH_PASSWORD": "s3cret-pw"})
    finally:
        server.shutdown()
    assert res.returncode == 2 and "HTTP 401" in res.stderr and res.stderr.count("\n") == 1, res.stderr
    assert "s3cret-pw" not in res.stderr + res.stdout
    assert _Refusing.seen and _Refusing.seen[0] == "Basic " + base64.b64encode(b"analyst:s3cret-pw").decode()


def test_a_wrong_endpoint_and_a_graph_without_documents_are_refused(tmp_path, oxigraph_server):
    out = tmp_path / "out"
    _build(SEEDS / "002_ade2870d4016e2b5.txt", out)
    res = _push(out, oxigraph_server + "/no-such-path")  # 404 on PUT: no success reported
    assert res.returncode != 0 and "HTTP 404" in res.stderr, res.stderr
    res = _push(out / "graph.ttl", oxigraph_server + "/store")  # the union has no document graphs
    assert res.returncode == 2 and "no named graphs" in res.stderr
    res = _push(out, "http://user:pw@127.0.0.1:1/store")
    assert res.returncode == 2 and "pw" not in res.stderr and "not in the URL" in res.stderr
