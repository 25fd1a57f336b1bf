"""SPARQL over the graph: named presets, safety checks, a time limit and output formats."""
from __future__ import annotations

import csv
import io
import itertools
import json
import re
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

import pyoxigraph as ox

from kg.defaults import DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, QUERY_OUTPUT_FORMATS
from kg.errors import KGError, QueryError, QueryFault, QueryLimitReached, QueryRefused
from kg.graph.store import GraphStore
from kg.graph.terms import PREFIXES
from kg.paths import ONTOLOGY_DIR

QUERIES_DIR = ONTOLOGY_DIR / "queries"


@dataclass(frozen=True)
class Preset:
    name: str
    description: str
    sparql: str


def presets() -> dict[str, Preset]:
    """Named queries of kg/ontology/queries/*.rq; the first '# answers:' line describes each."""
    out = {}
    for p in sorted(QUERIES_DIR.glob("*.rq")):
        text = p.read_text(encoding="utf-8")
        m = re.search(r"^#\s*answers:\s*(.+)$", text, re.M)
        out[p.stem] = Preset(p.stem, m.group(1).strip() if m else "", text)
    return out


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[str]]
    boolean: bool | None = None
    truncated: bool = False  # more rows than the cap: only the first are here


def _walk(node):  # noqa: ANN001, ANN202 - rdflib parse trees are untyped
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node
        for v in node.values():
            yield from _walk(v)
    elif isinstance(node, (list, tuple, ParseResults)):
        for v in node:
            yield from _walk(v)


_FORMS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct", "DescribeQuery": "describe"}


def check_query(sparql: str, allow_remote: bool = False, line_offset: int = 0) -> str:
    """Parse the query (rdflib's SPARQL grammar) and refuse anything that would reach
    the network; return its form (select, ask, construct, describe). Raises QueryError
    with the parser's line and column."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(sparql)
    except ParseException as exc:
        if _is_update(sparql):
            raise QueryRefused("INSERT, DELETE, LOAD, CLEAR, DROP and other updates change a graph; "
                             "kg query only reads (refused)") from None
        line = exc.line.strip() if exc.line else ""
        raise QueryError(f"SPARQL syntax error at line {exc.lineno - line_offset}, column {exc.col}: {exc.msg} — near: {line[:80]}") from None
    except Exception as exc:  # rdflib raises a few other kinds on odd input
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    form = _FORMS.get(getattr(tree[1], "name", ""), "select")
    if allow_remote:
        return form
    for node in _walk(tree):
        if node.name == "ServiceGraphPattern":
            raise QueryRefused("SERVICE clauses reach other endpoints over the network; refused (pass --allow-remote to permit)")
        if node.name in ("DatasetClause",) or "default" in node and node.name == "DatasetClause":
            raise QueryRefused("FROM / FROM NAMED load remote graphs; refused (pass --allow-remote to permit)")
    if re.search(r"(?im)^\s*FROM\s+(NAMED\s+)?<", _strip_strings(sparql)):
        raise QueryRefused("FROM / FROM NAMED load remote graphs; refused (pass --allow-remote to permit)")
    return form


def _is_update(sparql: str) -> bool:
    """Is ``sparql`` a SPARQL Update (INSERT DATA, LOAD, DROP …) rather than a query?"""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(sparql)
        return True
    except (ParseException, Exception):  # noqa: BLE001 - not an update either: a syntax error
        return False


def _strip_strings(sparql: str) -> str:
    no_comments = re.sub(r"#[^\n]*", "", sparql)
    return re.sub(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'", '""', no_comments)


def _term_text(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term.value
    return str(term)




def _execute(store: GraphStore, sparql: str, max_rows: int | None = DEFAULT_MAX_ROWS) -> QueryResult:  # noqa: D417
    """Run the query and collect at most ``max_rows`` rows (the solutions are read
    lazily: a cross join is stopped there, not held in memory whole)."""
    try:
        res = raw_results(store, sparql)
        if isinstance(res, ox.QueryBoolean):
            return QueryResult(["result"], [["true" if bool(res) else "false"]], bool(res))
        if isinstance(res, ox.QuerySolutions):
            cols = [v.value for v in res.variables]
            rows = [[_term_text(sol[v]) for v in cols] for sol in itertools.islice(res, max_rows)]
            out = QueryResult(cols, rows)
        else:
            out = QueryResult(["subject", "predicate", "object"], [[_term_text(t.subject), _term_text(t.predicate),
                                                                    _term_text(t.object)] for t in itertools.islice(res, max_rows)])
        out.truncated = max_rows is not None and len(out.rows) >= max_rows and next(iter(res), None) is not None
        return out
    except (OSError, ValueError, RuntimeError) as exc:  # raised while the solutions are read
        raise QueryError(f"SPARQL evaluation failed: {str(exc).splitlines()[0]}") from None


def raw_results(store: GraphStore, sparql: str):  # noqa: ANN201 - pyoxigraph result types
    """The engine's results of one query (read lazily), its errors as one-line QueryErrors."""
    try:
        return store.query_raw(sparql)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL error: {str(exc).splitlines()[0]}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"SPARQL evaluation failed: {str(exc).splitlines()[0]}") from None


def _limit_memory(megabytes: int | None) -> None:
    """Cap this process's address space at what it maps now plus ``megabytes``: an
    ORDER BY over a cross join then fails its allocation instead of taking the machine.
    (Linux; elsewhere the time limit alone bounds a query.)"""
    import resource

    if megabytes is None:
        return
    try:
        mapped = int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = mapped + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _outcome(work, store: GraphStore | tuple, max_memory_mb: int | None) -> tuple:  # noqa: ANN001
    """In the query's own process: ``work(store)`` under the memory budget, as the
    (status, kind, payload) message its parent reads."""
    import faulthandler
    import os

    # the engine's own last words on a failed allocation ("memory allocation of … failed")
    # are not the user's: the answer, or the reason, comes back over the pipe
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    faulthandler.disable()  # (a test runner's) crash report on the engine's abort would reach the parent's terminal
    _limit_memory(max_memory_mb)
    try:
        if isinstance(store, tuple):  # a spawned process: the store's folder, or its quads
            kind, value = store
            if kind == "location":
                store = GraphStore.open_location(value)
            else:
                store = GraphStore()
                store.load_nquads(value)
        elif store.location is not None:  # a database handle is not shared across fork: this process opens its own
            store = GraphStore.open_location(store.location)
        return ("ok", None, work(store))
    except MemoryError:
        return ("error", QueryLimitReached, _out_of_memory(max_memory_mb))
    except KGError as exc:
        return ("error", type(exc) if isinstance(exc, QueryError) else QueryError, str(exc))
    except Exception as exc:  # noqa: BLE001 - any other fault is this query's, told in one line
        return ("error", QueryFault, f"the query failed ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})")


def _spawned_child(work, store: tuple, conn, max_memory_mb: int | None) -> None:  # noqa: ANN001
    """The query's process where there is no fork (multiprocessing's spawn)."""
    conn.send(_outcome(work, store, max_memory_mb))
    conn.close()


def run_bounded(work, store: GraphStore, *, timeout: float, max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB):  # noqa: ANN001, ANN201
    """``work(store)`` in a forked process, killed when ``timeout`` seconds are up and
    unable to map more than ``max_memory_mb`` beyond what this process holds: SPARQL
    engines cannot be interrupted from Python. Returns what ``work`` returns (it must
    pickle); its KGError comes back as a QueryError.

    The process is a bare ``os.fork`` whose answer comes back pickled over a pipe
    (multiprocessing's Process and Pipe cost a command ~20 ms of imports and set-up);
    where there is no fork (Windows), multiprocessing spawns it instead."""
    import os

    if not hasattr(os, "fork"):
        return _run_spawned(work, store, timeout=timeout, max_memory_mb=max_memory_mb)
    import pickle
    import signal

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the query's process: answer, then end without running anything of the parent's again
        try:
            os.close(read_end)
            message = _outcome(work, store, max_memory_mb)
            try:
                data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
            except MemoryError:
                data = pickle.dumps(("error", QueryLimitReached, _out_of_memory(max_memory_mb)))
            except Exception as exc:  # noqa: BLE001 - an answer that does not pickle
                data = pickle.dumps(("error", QueryFault, f"the query's answer could not be sent ({type(exc).__name__})"))
            view = memoryview(len(data).to_bytes(8, "little") + data)
            while view:
                view = view[os.write(write_end, view):]
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        data = _read_answer(read_end, pid, timeout)
    finally:
        os.close(read_end)
    if data is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise QueryLimitReached(f"query stopped after the {timeout:g} s time limit (--timeout)")
    _, status = os.waitpid(pid, 0)
    if len(data) < 8 or len(data) < 8 + int.from_bytes(data[:8], "little"):
        # the process ended without an answer: an allocation failed in the engine, or a kill
        if max_memory_mb is not None and os.waitstatus_to_exitcode(status) != 0:
            raise QueryLimitReached(_out_of_memory(max_memory_mb)) from None
        raise QueryFault("the query's process ended without an answer") from None
    return _answer_of(pickle.loads(data[8:]))


def _read_answer(fd: int, pid: int, timeout: float) -> bytes | None:
    """What the query's process ``pid`` sends over ``fd``: a length (8 bytes) and its
    pickled answer, or less where it ended first. None when nothing came within
    ``timeout`` seconds. Once its first bytes came the rest is waited for without a limit,
    but not past the process's end: another query's process forked meanwhile (kg serve
    answers in threads) may hold this pipe's write end open."""
    import os
    import select
    import time

    try:
        exited = os.pidfd_open(pid)  # readable once the process has ended
    except (AttributeError, OSError):
        exited = None
    os.set_blocking(fd, False)
    deadline = time.monotonic() + timeout
    data = bytearray()
    try:
        while True:
            wait = None if data else deadline - time.monotonic()
            if wait is not None and wait <= 0:
                return None
            if exited is None:  # no pidfd: look at the process between short waits
                wait = 0.05 if wait is None else min(wait, 0.05)
            ready, _, _ = select.select([fd] if exited is None else [fd, exited], [], [], wait)
            if exited is not None:
                gone = exited in ready
            else:  # (WNOWAIT: it stays to be reaped by the caller)
                gone = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
            while True:  # read what is there
                try:
                    chunk = os.read(fd, 1 << 20)
                except BlockingIOError:
                    break
                if not chunk:
                    return bytes(data)
                data += chunk
                if len(data) >= 8 and len(data) >= 8 + int.from_bytes(data[:8], "little"):
                    return bytes(data)
            if gone:
                return bytes(data)
    finally:
        if exited is not None:
            os.close(exited)


def _answer_of(message: tuple):  # noqa: ANN202
    status, kind, payload = message
    if status == "error":
        raise kind(payload)
    return payload


def _run_spawned(work, store: GraphStore, *, timeout: float, max_memory_mb: int | None):  # noqa: ANN001, ANN202
    """:func:`run_bounded` where there is no fork: a spawned process, sent the store's
    folder (or, for a store in memory, its quads)."""
    import multiprocessing as mp

    source = ("location", str(store.location)) if store.location is not None else ("nquads", store.serialize("nquads"))
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_spawned_child, args=(work, source, child, max_memory_mb), daemon=True)
    proc.start()
    child.close()
    try:
        if parent.poll(timeout):
            try:
                message = parent.recv()
            except EOFError:  # the process ended without an answer: an allocation failed in the engine, or a kill
                proc.join(1)
                if max_memory_mb is not None and proc.exitcode != 0:
                    raise QueryLimitReached(_out_of_memory(max_memory_mb)) from None
                raise QueryFault("the query's process ended without an answer") from None
            proc.join(1)
            return _answer_of(message)
        proc.kill()
        proc.join(1)
        raise QueryLimitReached(f"query stopped after the {timeout:g} s time limit (--timeout)")
    finally:
        parent.close()


def _out_of_memory(max_memory_mb: int | None) -> str:
    return (f"query stopped: it needed more than its {max_memory_mb:,} MB memory budget (--max-memory); "
            "narrow it with LIMIT, filters or fewer joined patterns")


def run_query(store: GraphStore, sparql: str, *, timeout: float | None = DEFAULT_TIMEOUT, allow_remote: bool = False,
              line_offset: int = 0, max_rows: int | None = DEFAULT_MAX_ROWS,
              max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB, preset: bool = False) -> QueryResult:
    """Check and run one SPARQL query, bounded in time, memory and size: it runs in a
    forked process that is killed when ``timeout`` seconds are up (SPARQL engines cannot
    be interrupted from Python) and may map ``max_memory_mb`` more than this process,
    and it returns at most ``max_rows`` rows (``truncated`` says when there were more).
    ``timeout=None`` runs it in this process, unbounded in time and memory. A
    ``preset`` (a query of the package's own, kg/ontology/queries) is not parsed first
    to be checked: rdflib's parser costs ~0.2 s of a command, and the presets are tested."""
    if timeout is not None and timeout <= 0:
        raise QueryError(f"the time limit must be a positive number of seconds, not {timeout:g}")
    if max_rows is not None and max_rows <= 0:
        raise QueryError(f"the row cap must be a positive number, not {max_rows}")
    if max_memory_mb is not None and max_memory_mb <= 0:
        raise QueryError(f"the memory budget must be a positive number of MB, not {max_memory_mb}")
    if not preset:
        check_query(sparql, allow_remote, line_offset)
    if timeout is None:
        return _execute(store, sparql, max_rows)
    return run_bounded(partial(_execute, sparql=sparql, max_rows=max_rows), store, timeout=timeout,
                       max_memory_mb=max_memory_mb)


# ---------------------------------------------------------------------- formatting

def _width(text: str) -> int:
    from wcwidth import wcswidth

    w = wcswidth(text)
    return w if w >= 0 else len(text)


@lru_cache(maxsize=None)
def _char_width(ch: str) -> int:
    return _width(ch)


def format_result(result: QueryResult, fmt: str = "table", max_cell: int = 60) -> str:
    if fmt == "json":
        return json.dumps({"columns": result.columns, "rows": [dict(zip(result.columns, r)) for r in result.rows]},
                          ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(result.columns)
        w.writerows(result.rows)
        return buf.getvalue().rstrip("\n")
    if fmt != "table":
        raise QueryError(f"unknown output format {fmt!r} ({', '.join(QUERY_OUTPUT_FORMATS)})")
    from wcwidth import wcswidth

    def cell(t: str) -> tuple[str, int]:
        """The cell's text, whitespace squeezed and cut at ``max_cell`` columns, and its width."""
        t = " ".join(t.split())
        w = wcswidth(t)
        if w < 0:
            w = len(t)
        if w <= max_cell:
            return t, w
        w, limit = 0, max_cell - 1
        for i, ch in enumerate(t):  # (widths of single characters, memoised: a large result has few distinct ones)
            cw = _char_width(ch)
            if w + cw > limit:
                t = t[:i] + "…"
                break
            w += cw
        else:
            t += "…"
        return t, _width(t)

    rows = [[cell(c) for c in r] for r in result.rows]
    widths = [max([_width(h)] + [r[i][1] for r in rows]) for i, h in enumerate(result.columns)]

    def line(values: list[tuple[str, int]]) -> str:
        return "  ".join(v + " " * (widths[i] - w) for i, (v, w) in enumerate(values)).rstrip()

    out = [line([(h, _width(h)) for h in result.columns]), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def with_prefixes(sparql: str) -> tuple[str, int]:
    """Declare the common prefixes (hg:, rdfs:, …) a query uses without declaring;
    returns the query and the number of lines added in front."""
    declared = set(re.findall(r"(?i)PREFIX\s+(\w*):", sparql))
    head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items() if k not in declared and f"{k}:" in sparql)
    return head + sparql, head.count("\n")


def read_query_file(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read query file ({exc})") from None
