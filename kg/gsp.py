"""``kg push``: a graph into the SPARQL server an institution already runs, by the SPARQL
1.1 Graph Store HTTP Protocol — one PUT per source document's named graph, so pushing
twice changes nothing and a document pushed again replaces its graph.

A document whose bytes changed has a new graph (its IRI holds the SHA-256 of its bytes);
the graph it had is removed, because each push also writes a small graph of its own,
``hgid:push/<name>``, listing (``rdfs:member``) the graphs it put, and deletes those an
earlier push of the same name put that are gone now. Graphs of other sources on the
server are never touched.

Failures are retried with back-off (connection errors, 429, 5xx) and each ends in one
line; credentials (options or KG_PUSH_USER / KG_PUSH_PASSWORD) are sent as HTTP Basic
and never printed.
"""
from __future__ import annotations

import base64
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from kg.errors import KGError
from kg.graph.iri import iri_value
from kg.graph.store import GraphStore
from kg.graph.terms import RDFS_NS

MEMBER = RDFS_NS + "member"
RETRIES = 4          # tries after the first
BACKOFF = 0.5        # seconds before the first retry, doubled each time


class PushError(KGError):
    """The endpoint could not be reached or refused the push."""


@dataclass
class PushReport:
    put: list[str] = field(default_factory=list)       # graphs written
    deleted: list[str] = field(default_factory=list)   # graphs of an earlier push that are gone
    failed: list[str] = field(default_factory=list)    # one line each


def shown_url(url: str) -> str:
    """The URL as it may be printed: no user information, no query (a token may sit there)."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    return urllib.parse.urlunsplit((parts.scheme, host + (f":{parts.port}" if parts.port else ""), parts.path, "", ""))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Credentials go to the endpoint named, never to where it redirects."""

    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


class _Client:
    def __init__(self, endpoint: str, user: str | None, password: str | None, timeout: float,
                 sleep: Callable[[float], None]) -> None:
        parts = urllib.parse.urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise PushError(f"{shown_url(endpoint)!r} is no http(s) URL of a Graph Store Protocol endpoint")
        if parts.username or parts.password:
            raise PushError("give credentials with --user/--password (or KG_PUSH_USER/KG_PUSH_PASSWORD), not in the URL")
        self.endpoint = endpoint
        self.shown = shown_url(endpoint)
        self.timeout = timeout
        self.sleep = sleep
        self.headers = {}
        if user is not None:
            token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
            self.headers["Authorization"] = "Basic " + token

    def url(self, graph: str) -> str:
        sep = "&" if "?" in self.endpoint else "?"
        return self.endpoint + sep + urllib.parse.urlencode({"graph": graph})

    def request(self, method: str, graph: str, body: bytes | None = None, media: str | None = None,
                accept: str | None = None) -> tuple[int, bytes]:
        """One request, retried on what may pass (no connection, 429, 5xx). Returns
        (status, body); 404 is an answer, not an error."""
        headers = dict(self.headers)
        if media:
            headers["Content-Type"] = media
        if accept:
            headers["Accept"] = accept
        wait = BACKOFF
        for attempt in range(RETRIES + 1):
            req = urllib.request.Request(self.url(graph), data=body, method=method, headers=headers)
            try:
                with _OPENER.open(req, timeout=self.timeout) as res:
                    return res.status, res.read()
            except urllib.error.HTTPError as err:
                if err.code == 404 and method in ("GET", "DELETE"):
                    return 404, b""  # no such graph: an answer (a PUT answered 404 means a wrong endpoint)
                if err.code not in (429, 500, 502, 503, 504) or attempt == RETRIES:
                    raise PushError(f"{method} of graph <{graph}> to {self.shown}: HTTP {err.code} {err.reason}") from None
            except (urllib.error.URLError, OSError, ValueError) as err:
                if attempt == RETRIES:
                    reason = getattr(err, "reason", err)
                    raise PushError(f"{self.shown}: cannot reach the endpoint ({reason}) after {RETRIES + 1} tries") from None
            self.sleep(wait)
            wait *= 2
        raise AssertionError("unreachable")


def push_graph(graph: GraphStore | str | Path, endpoint: str, *, name: str | None = None, user: str | None = None,
               password: str | None = None, timeout: float = 60.0,
               on_graph: Callable[[str], None] | None = None, sleep: Callable[[float], None] = time.sleep) -> PushReport:
    """PUT every document's named graph of ``graph`` (a GraphStore, a file or an output
    folder) to ``endpoint``; see the module's docstring. ``name`` tells pushes of
    different folders apart on one server (default: the folder's name)."""
    store = graph if isinstance(graph, GraphStore) else GraphStore.load(graph)
    if name is None:
        name = Path(graph).resolve().name if not isinstance(graph, GraphStore) else "graph"
    client = _Client(endpoint, user, password, timeout, sleep)
    record = iri_value("push", name)
    report = PushReport()
    status, earlier = client.request("GET", record, accept="application/n-triples")
    before = set()
    if status == 200 and earlier.strip():
        try:
            before = {q.object.value for q in ox.parse(earlier, format=ox.RdfFormat.N_TRIPLES) if q.predicate.value == MEMBER}
        except (SyntaxError, ValueError):
            before = set()
    graphs = [g for g in store._graphs() if g.term]
    if not graphs:
        raise PushError("the graph has no named graphs of documents to push (push an output folder or its graph.trig)")
    for g in graphs:
        iri = g.term[1:-1]
        data = "".join(st + " .\n" for st in g.statements).encode("utf-8")
        try:
            client.request("PUT", iri, data, "application/n-triples")
            report.put.append(iri)
        except PushError as exc:
            report.failed.append(str(exc))
        if on_graph:
            on_graph(iri)
    now = {g.term[1:-1] for g in graphs}
    if not report.failed:  # only a whole push retires what an earlier one put
        for gone in sorted(before - now):
            try:
                client.request("DELETE", gone)
                report.deleted.append(gone)
            except PushError as exc:
                report.failed.append(str(exc))
    # what is on the server from pushes of this name: a graph not yet deleted stays listed, to be retried
    listed = (before - set(report.deleted)) | set(report.put)
    listing = "".join(f"<{record}> <{MEMBER}> <{iri}> .\n" for iri in sorted(listed)).encode("utf-8")
    try:
        client.request("PUT", record, listing, "application/n-triples")
    except PushError as exc:
        report.failed.append(str(exc))
    return report
