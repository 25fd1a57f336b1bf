"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over one graph, and its
explorer page.

    GET  /sparql?query=…            POST /sparql (application/sparql-query, or a form with query=)
    GET  /                          the explorer page (the graph as kg render draws it)

Results come in the format the client's Accept header asks for (SPARQL results JSON,
XML, CSV, TSV; Turtle or N-Triples for CONSTRUCT and DESCRIBE), or the one ``format=``
names. Each query runs in its own forked process with a time limit, a memory budget and
a row cap (``X-KG-Truncated: true`` says rows were left out). Updates, LOAD and SERVICE
(and FROM, which fetches) are refused with 403 and a one-line reason; a malformed query
gets 400, a query past its time or memory 503. It listens on 127.0.0.1 unless told
otherwise. Many requests are served at once (one thread each).
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.errors import QueryError, QueryFault, QueryLimitReached, QueryRefused
from kg.graph.store import GraphStore
from kg.sparql import check_query, raw_results, run_bounded, with_prefixes
from kg.sparql.results import MEDIA_TYPES, negotiate, offered, serialize

MAX_QUERY_BYTES = 1 << 20  # a query text longer than this is refused
# the reply to each kind of failed query (any other QueryError is the query's own: 400)
_STATUS_OF = {QueryRefused: HTTPStatus.FORBIDDEN, QueryLimitReached: HTTPStatus.SERVICE_UNAVAILABLE,
              QueryFault: HTTPStatus.INTERNAL_SERVER_ERROR}


@dataclass(frozen=True)
class Limits:
    """What one query may cost."""

    timeout: float = 30.0
    max_rows: int = 10_000
    max_memory_mb: int = 1024


def _answer(store: GraphStore, sparql: str, fmt: str, max_rows: int) -> tuple[bytes, bool]:
    """In the query's own process: run it and write its result."""
    return serialize(raw_results(store, sparql), fmt, max_rows)


class _Handler(BaseHTTPRequestHandler):
    server_version = "healthgov-kg"
    protocol_version = "HTTP/1.1"

    # ------------------------------------------------------------------ routes
    def do_GET(self) -> None:  # noqa: N802 - http.server's names
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, self.server.page(), "text/html; charset=utf-8")
        elif url.path == "/sparql":
            params = parse_qs(url.query, keep_blank_values=True)
            self._sparql(params)
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no such path {url.path!r}: the endpoint is /sparql, the explorer /")

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self.close_connection = True  # its body is not read
            self._error(HTTPStatus.NOT_FOUND, f"no such path {url.path!r}: the endpoint is /sparql")
            return
        try:
            length = int(self.headers.get("Content-Length") or "")
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self._error(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
            return
        if length > MAX_QUERY_BYTES:
            self.close_connection = True
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a query of {length:,} bytes is over the {MAX_QUERY_BYTES:,}-byte limit")
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if kind == "application/sparql-query":
            params["query"] = [body]
        elif kind == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")
            return
        elif kind == "application/x-www-form-urlencoded":
            for k, v in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        "send the query as application/sparql-query or as a form (application/x-www-form-urlencoded)")
            return
        self._sparql(params)

    # ------------------------------------------------------------------ SPARQL
    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")
            return
        queries = params.get("query") or []
        if len(queries) != 1 or not queries[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "give one SPARQL query as query=… (GET or a form) or as the body "
                                                "of a POST with Content-Type application/sparql-query")
            return
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            self._error(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not supported: "
                                                "the default graph is the union of all documents")
            return
        sparql, _ = with_prefixes(queries[0])
        try:
            form = check_query(sparql)
        except QueryError as exc:
            self._error(_STATUS_OF.get(type(exc), HTTPStatus.BAD_REQUEST), str(exc))
            return
        requested = (params.get("format") or [None])[0]
        fmt = negotiate(self.headers.get("Accept") or "", form, requested)
        if fmt is None:
            self._error(HTTPStatus.NOT_ACCEPTABLE, f"a {form.upper()} result can be sent as "
                        + ", ".join(MEDIA_TYPES[f] for f in offered(form)))
            return
        limits: Limits = self.server.limits
        if not self.server.slots.acquire(timeout=limits.timeout):  # a query waits for a free one up to its time limit
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, f"{self.server.max_running} queries are running: try again shortly")
            return
        try:
            body, truncated = run_bounded(partial(_answer, sparql=sparql, fmt=fmt, max_rows=limits.max_rows),
                                          self.server.current_store(), timeout=limits.timeout,
                                          max_memory_mb=limits.max_memory_mb)
        except QueryError as exc:
            self._error(_STATUS_OF.get(type(exc), HTTPStatus.BAD_REQUEST), str(exc))
            return
        finally:
            self.server.slots.release()
        media = MEDIA_TYPES[fmt] + "; charset=utf-8"
        self._send(HTTPStatus.OK, body, media, {"X-KG-Truncated": "true"} if truncated else None)

    # ------------------------------------------------------------------ replies
    def _send(self, status: HTTPStatus, body: bytes, media: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        if self.server.log is not None:
            line = f"{self.address_string()} {format % args}"
            self.server.log("".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in line))


class SparqlServer(ThreadingHTTPServer):
    """The endpoint over one GraphStore; :meth:`serve_forever` serves until shut down."""

    daemon_threads = True

    def __init__(self, store: GraphStore, host: str = "127.0.0.1", port: int = 7878, limits: Limits = Limits(),
                 log=None) -> None:  # noqa: ANN001 - a callable taking a line
        super().__init__((host, port), _Handler)
        self.store = store
        self.limits = limits
        self.log = log
        self._page: bytes | None = None
        self._page_lock = threading.Lock()
        self.max_running = max(1, os.cpu_count() or 1)  # queries at once, each in its own process and memory budget
        self.slots = threading.BoundedSemaphore(self.max_running)
        self.folder: Path | None = None  # an output folder: each query opens its current store
        store.query_raw("ASK { ?s ?p ?o }")  # the union is made now, before any request forks from this process
        self.page()  # drawn now: no query of the page's runs in a thread while another forks

    def current_store(self) -> GraphStore:
        """The store a query reads: for an output folder whose store a build replaced
        since, the new one."""
        if self.folder is not None and self.store.location is not None:
            from kg.graph.persist import current_generation

            found = current_generation(self.folder)
            if found is not None and found[0] != self.store.location:
                try:
                    self.store = GraphStore.open_location(found[0])
                except Exception:  # noqa: BLE001 - keep answering from the one it has
                    pass
        return self.store

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"

    def page(self) -> bytes:
        """The explorer page, drawn on the first request for it."""
        with self._page_lock:
            if self._page is None:
                from kg.explorer.explorer import render_html

                self._page = render_html(self.store).encode("utf-8")
            return self._page


def make_server(graph: GraphStore | str | Path, host: str = "127.0.0.1", port: int = 7878, limits: Limits = Limits(),
                log=None) -> SparqlServer:  # noqa: ANN001
    """The endpoint over a GraphStore, a graph file or an output folder (its store when
    it has one); ``port=0`` takes a free port (see ``.url``)."""
    store = graph if isinstance(graph, GraphStore) else GraphStore.load(graph)
    server = SparqlServer(store, host, port, limits, log)
    if not isinstance(graph, GraphStore) and Path(graph).is_dir():
        server.folder = Path(graph)
    return server
