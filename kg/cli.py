"""The `kg` command: parses options and calls the Python API; no logic of its own.

Exit statuses: 0 success; 1 done, but something was skipped (build) or violations were
found (validate); 2 error (bad input, bad query, nothing built).
"""
from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from kg.defaults import DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, QUERY_OUTPUT_FORMATS
from kg.errors import KGError

DEFAULT_INPUT = "seeds"
DEFAULT_OUT = "out"


def _fail(msg: str) -> None:
    click.echo(f"kg: {msg}", err=True)
    sys.exit(2)


class _Group(click.Group):
    """Every KGError, and every wrong option or argument, becomes one line on stderr,
    never a traceback or a usage block."""

    def invoke(self, ctx: click.Context):  # noqa: ANN201
        try:
            return super().invoke(ctx)
        except KGError as exc:
            _fail(str(exc))
        except click.UsageError as exc:  # raised here while the subcommand's arguments are parsed
            command = f"kg {exc.ctx.info_name}" if exc.ctx is not None and exc.ctx.parent is not None else "kg"
            _fail(f"{' '.join(exc.format_message().split())} (see {command} --help)")
        except KeyboardInterrupt:
            _fail("interrupted")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="healthgov-kg")
def main() -> None:
    """Read Chinese health-governance documents into an RDF knowledge graph.

    \b
    Example:
      kg build                      # builds seeds/ into out/
      kg query out --preset programs_by_department
    """


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--out", "-o", "out", type=click.Path(file_okay=False), default=None, help="Output folder (default out/).")
@click.option("--no-html", is_flag=True, help="Skip the explorer page.")
@click.option("--store", "persist", is_flag=True,
              help="Also write OUT/store/, an on-disk graph store that query, stats, export and the API open in milliseconds.")
@click.option("--incremental", is_flag=True,
              help="Read again only documents new or changed since the last --incremental build into OUT (cache in OUT/.kg-cache/).")
@click.option("--strict", is_flag=True, help="Any skipped input is fatal: nothing is written.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Skip files larger than this.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.option("--verbose", "-v", is_flag=True, help="One line per document: format, encoding, share dropped as boilerplate.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for reading documents (the graph is the same for any number).")
@click.option("--region", help="The jurisdiction (闵行区, 浙江省) of every document whose text does not say it "
                                "(no region found, or an uncertain reading).")
@click.option("--regions", "regions_file", type=click.Path(dir_okay=False),
              help="A FILE<TAB>REGION mapping: the jurisdiction of each listed document, whatever its text says.")
def build(inputs: tuple[str, ...], out: str | None, no_html: bool, persist: bool, incremental: bool, strict: bool, max_bytes: int, quiet: bool,
          verbose: bool, jobs: int, region: str | None, regions_file: str | None) -> None:
    """Build graph.ttl, graph.trig and graph.html from files and folders.

    \b
    Examples:
      kg build                          # seeds/ → out/
      kg build plans/ replies/ --out graph/
      kg build doc.txt --out /tmp/one --no-html
      kg build corpus/ --out graph/ --jobs 2
      kg build minhang/ --out mh/ --region 闵行区
    """
    import kg as api
    from kg.corpus import read_region_map

    mapping = read_region_map(regions_file) if regions_file else {}
    if not inputs and out is None:
        inputs, out = (DEFAULT_INPUT,), DEFAULT_OUT
    elif not inputs:
        _fail("no INPUT given (files or folders to build)")
    out = out or DEFAULT_OUT
    bar = None

    def start_bar(total: int) -> None:
        nonlocal bar
        if total > 1 and not quiet:
            bar = click.progressbar(length=total, label="Building", file=sys.stderr)
            bar.__enter__()

    def close_bar() -> None:
        nonlocal bar
        if bar is not None:
            bar.__exit__(None, None, None)
            bar = None

    def skipped(err) -> None:  # noqa: ANN001
        click.echo(f"kg: skipped {err}", err=True)

    def before_writing(report) -> None:  # noqa: ANN001 - what the user hears before the outputs are written
        close_bar()
        if _ENDS_WITH_COMMAND:
            # The graph lives until the process ends, and nothing made from here on needs
            # the cyclic collector: without it, no full collection walks the graph's
            # ~500,000 objects (0.2 s each) while it is written.
            gc.disable()
        if not quiet:
            for dup, first in report.duplicates:
                click.echo(f"kg: {dup}: same bytes as {first}; read once", err=True)
        uncertain = report.uncertain
        if uncertain and (quiet or len(uncertain) > _NAMED_UNCERTAIN):
            # a warning about the graph itself: --quiet keeps it, as one line
            shown = [] if quiet else uncertain[:_NAMED_UNCERTAIN]
        else:
            shown = uncertain
        for path, basis, name in shown:
            read = f"read as {name} from the regions its text names" if name else "no region found"
            click.echo(f"kg: {path}: jurisdiction uncertain ({read}); give --region or --regions to set it", err=True)
        if len(shown) < len(uncertain):
            more = len(uncertain) - len(shown)
            click.echo(f"kg: {'' if not shown else 'and '}{more} {'more ' if shown else ''}document(s) with an uncertain "
                       f"jurisdiction (hg:jurisdictionUncertain in the graph; first: {uncertain[len(shown)][0]}); "
                       "give --region or --regions to set it", err=True)

    try:
        store = api.build(inputs, out=out, html=not no_html, persist=persist, incremental=incremental, jobs=jobs, max_bytes=max_bytes, strict=strict, region=region,
                          regions=mapping, on_start=start_bar, on_document=(lambda _: bar.update(1) if bar else None),
                          on_skip=skipped, before_writing=before_writing)
    finally:
        close_bar()
    report = store.report
    if verbose:
        for name, fmt, enc, dropped, chars in report.per_document:
            click.echo(f"{name}\t{fmt}\t{enc}\t{chars} characters kept\t{dropped:.0%} dropped", err=True)
    if not quiet:
        click.echo(report.summary() + f" Wrote {', '.join(Path(p).name for p in report.outputs)} to {out}/.", err=True)
    sys.exit(1 if report.skipped else 0)


@main.command()
@click.argument("graph", required=False, type=click.Path())
@click.argument("sparql", required=False)
@click.option("--file", "-f", "query_file", type=click.Path(dir_okay=False), help="Read the query from a .rq file.")
@click.option("--preset", "-p", help="Run a named query (see --list).")
@click.option("--list", "list_presets", is_flag=True, help="List the named queries.")
@click.option("--format", "fmt", type=click.Choice(QUERY_OUTPUT_FORMATS), default="table", show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT, show_default=True,
              help="Stop the query after this many seconds.")
@click.option("--max-rows", type=click.IntRange(min=1), default=DEFAULT_MAX_ROWS, show_default=True,
              help="Return at most this many rows (the rest is not read).")
@click.option("--max-memory", "max_memory_mb", type=click.IntRange(min=1), default=DEFAULT_MAX_MEMORY_MB, show_default=True,
              help="Megabytes the query may take beyond what kg holds already.")
@click.option("--allow-remote", is_flag=True, help="Permit SERVICE and FROM clauses that fetch remote data.")
@click.option("--fresh", is_flag=True,
              help="With --preset on a folder's store: compute the answer again instead of reading the one kept for this build.")
def query(graph: str | None, sparql: str | None, query_file: str | None, preset: str | None, list_presets: bool,
          fmt: str, timeout: float, max_rows: int, max_memory_mb: int, allow_remote: bool, fresh: bool) -> None:
    """Run SPARQL over a graph file or output folder.

    \b
    Examples:
      kg query out 'SELECT ?l WHERE { ?d a hg:Department ; rdfs:label ?l }'
      kg query out --preset targets_by_year --format csv
      kg query out/graph.ttl --file my.rq --timeout 30
      kg query --list
    """
    import kg as api
    from kg.sparql import format_result, read_query_file

    if list_presets:
        for p in api.presets().values():
            click.echo(f"{p.name}\t{p.description}")
        return
    if graph is None:
        _fail("GRAPH is required (a .ttl/.trig/.nt/.nq/.jsonld file or an output folder)")
    given = [x for x in (sparql, query_file, preset) if x]
    if len(given) != 1:
        _fail("give exactly one of SPARQL, --file or --preset")
    result = api.query(graph, read_query_file(query_file) if query_file else sparql, preset=preset, timeout=timeout,
                       allow_remote=allow_remote, max_rows=max_rows, max_memory_mb=max_memory_mb, fresh=fresh)
    click.echo(format_result(result, fmt))
    if result.truncated:
        click.echo(f"kg: result truncated at {max_rows:,} rows (--max-rows)", err=True)


def _export_formats() -> list[str]:
    from kg.exporters import EXPORT_FORMATS

    return list(EXPORT_FORMATS)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--format", "fmt", required=True, type=click.Choice(_export_formats()))
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=False))
def export(graph: str, fmt: str, output: str) -> None:
    """Export a graph to another RDF format, or to GraphML/GEXF for Gephi and Cytoscape.

    \b
    Examples:
      kg export out --format jsonld -o graph.jsonld
      kg export out --format gexf -o graph.gexf
    """
    import kg as api

    api.export(graph, fmt, output)
    click.echo(f"wrote {output}", err=True)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=False))
@click.option("--focus", help="Show this entity and its neighbourhood.")
@click.option("--depth", type=int, default=2, show_default=True, help="Hops around --focus.")
@click.option("--class", "classes", help="Comma-separated classes to keep (Department,Program,…).")
@click.option("--region", help="Keep entities of this region.")
def render(graph: str, output: str, focus: str | None, depth: int, classes: str | None, region: str | None) -> None:
    """Render the explorer page from an existing graph.

    \b
    Examples:
      kg render out -o explorer.html
      kg render out -o mh.html --focus 闵行区卫生健康委员会 --depth 2 --class Department,Program --region 闵行区
    """
    import kg as api

    api.render(graph, output, focus=focus, depth=depth, classes=[c.strip() for c in classes.split(",")] if classes else None,
               region=region)
    click.echo(f"wrote {output}", err=True)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=False),
              help="The page to write (html), or the markdown file with its CSV tables and SVG charts beside it (md).")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html", show_default=True)
def report(graph: str, output: str, fmt: str) -> None:
    """The analyst's report: departments by programs led and supported, the co-lead
    network (communities, bridging departments), targets by indicator and year, target
    against achieved per indicator and region, and which regions set which indicators;
    each chart beside its table, each row linked to its evidence. One offline page: no
    script, no request leaves it.

    \b
    Examples:
      kg report out -o report.html
      kg report out -o report.md --format md     # and report_*.csv, report_*.svg beside it
    """
    import kg as api

    written = api.report(graph, output, fmt)
    click.echo(f"wrote {', '.join(str(p) for p in written)}", err=True)
    from pathlib import Path

    from kg.graph.persist import current_generation

    if Path(graph).is_dir() and current_generation(Path(graph)) is None:
        click.echo(f"kg: {graph} has no on-disk store; `kg build --store` makes kg report faster on a large graph "
                   "(docs/performance.md, Report)", err=True)


@main.command()
@click.argument("graph", type=click.Path())
def stats(graph: str) -> None:
    """Counts per class and property, and the ten most central organisations.

    \b
    Example:
      kg stats out
    """
    import kg as api
    from kg.analytics import format_stats

    click.echo(format_stats(api.stats(graph)))


@main.command()
@click.argument("graph", type=click.Path())
def validate(graph: str) -> None:
    """Check the graph against kg/ontology/shapes.ttl (SHACL); exit 1 on violations.

    \b
    Example:
      kg validate out
    """
    import kg as api

    violations = api.validate(graph)
    for v in violations:
        click.echo(str(v))
    if violations:
        click.echo(f"{len(violations)} violation(s)", err=True)
        sys.exit(1)
    click.echo("conforms: no SHACL violations")


@main.command(name="eval")
@click.option("--gold", "gold_dir", required=True, type=click.Path(file_okay=False), help="Folder of gold *.json files.")
@click.option("--docs", "docs_dir", required=True, type=click.Path(file_okay=False), help="Folder of the documents.")
@click.option("--errors", is_flag=True, help="List every false positive and false negative with its evidence.")
@click.option("--per-document", is_flag=True, help="Also print F1 (gold/predicted counts) per document.")
@click.option("--only", multiple=True, metavar="STEM", help="Score only this document (repeatable).")
def eval_(gold_dir: str, docs_dir: str, errors: bool, per_document: bool, only: tuple[str, ...]) -> None:
    """Score extraction against hand annotations (P/R/F1 per category and type).

    \b
    Examples:
      kg eval --gold gold --docs seeds
      kg eval --gold dev/gold --docs dev/docs --per-document
      kg eval --gold dev/gold --docs dev/docs --only h01_hainan_weight_management --errors
    """
    import kg as api
    from kg.scoring import format_evaluation

    click.echo(format_evaluation(api.evaluate(gold_dir, docs_dir, only=only or None), errors=errors, per_document=per_document))


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "tsv", "json"]), default="table", show_default=True)
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Skip files larger than this.")
def audit(inputs: tuple[str, ...], fmt: str, max_bytes: int) -> None:
    """List what extraction did not read, with file and line.

    Every sentence that names a unit and holds a responsibility cue (牵头, 配合, 负责,
    责任单位, 协同, 会同, 参与, 按职责分工) but produced no relation; every clause that
    found no task; every numbered measure of a plan that produced no program.

    \b
    Examples:
      kg audit seeds/
      kg audit plans/ --format tsv > unread.tsv
    """
    import kg as api
    from kg.coverage import format_audit

    report, skipped = api.audit(inputs, max_bytes=max_bytes)
    for err in skipped:
        click.echo(f"kg: skipped {err}", err=True)
    if not report.documents:
        _fail("nothing was read: no readable document among the inputs")
    click.echo(format_audit(report, fmt))
    sys.exit(1 if skipped else 0)


@main.command()
@click.argument("name")
@click.option("--region", help="Read the name as a document of this region would.")
def resolve(name: str, region: str | None) -> None:
    """Show how a surface form resolves to a canonical entity, and why.

    \b
    Examples:
      kg resolve 区卫健委 --region 闵行区
      kg resolve 長寧區衛健委
    """
    import kg as api
    from kg.sparql import QueryResult, format_result

    res = api.resolve(name, region)
    if not res:
        _fail(f"{name!r} is not read as any entity")
    click.echo(format_result(QueryResult(["surface", "type", "canonical", "region", "iri", "why"],
                                         [[r.surface, r.type, r.canonical, r.region, r.iri, r.reason] for r in res]), max_cell=200))


_NAMED_UNCERTAIN = 20  # documents of uncertain jurisdiction named one a line; the rest are counted


@main.command()
@click.argument("graph", required=False, default=DEFAULT_OUT, type=click.Path())
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (another than 127.0.0.1 opens it to the network).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Seconds a query may run.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True, help="Rows (or triples) a result holds at most.")
@click.option("--max-memory", "max_memory_mb", type=click.IntRange(min=1), default=1024, show_default=True,
              help="Megabytes a query may take.")
@click.option("--quiet", "-q", is_flag=True, help="No line per request.")
def serve(graph: str, host: str, port: int, timeout: float, max_rows: int, max_memory_mb: int, quiet: bool) -> None:
    """Serve a graph read-only over the SPARQL 1.1 Protocol, with the explorer page.

    \b
    Examples:
      kg serve out                     # http://127.0.0.1:7878/sparql, explorer at /
      kg serve out --port 8890 --timeout 10 --max-rows 50000
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/sparql
    """
    import kg as api

    try:
        server = api.serve(graph, host, port, timeout=timeout, max_rows=max_rows, max_memory_mb=max_memory_mb,
                           log=None if quiet else (lambda line: click.echo(line, err=True)))
    except OSError as exc:
        _fail(f"cannot listen on {host}:{port} ({exc.strerror or exc})")
    click.echo(f"kg: serving {graph} at {server.url} (explorer at {server.url[:-len('sparql')]}); Ctrl-C stops", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--endpoint", required=True, help="The Graph Store Protocol URL (e.g. http://localhost:7878/store for Oxigraph).")
@click.option("--name", help="Tells pushes of different folders to one server apart (default: the folder's name).")
@click.option("--user", envvar="KG_PUSH_USER", help="HTTP Basic user (or KG_PUSH_USER).")
@click.option("--password", envvar="KG_PUSH_PASSWORD", help="HTTP Basic password (or KG_PUSH_PASSWORD; never printed).")
@click.option("--quiet", "-q", is_flag=True, help="No summary.")
def push(graph: str, endpoint: str, name: str | None, user: str | None, password: str | None, quiet: bool) -> None:
    """Put each document's named graph into a SPARQL server (Graph Store Protocol).

    \b
    Examples:
      kg push out --endpoint http://localhost:7878/store
      KG_PUSH_USER=kg KG_PUSH_PASSWORD=… kg push out --endpoint http://localhost:3030/ds/data
    """
    import kg as api

    report = api.push(graph, endpoint, name=name, user=user, password=password)
    for line in report.failed:
        click.echo(f"kg: {line}", err=True)
    if not quiet:
        from kg.gsp import shown_url

        click.echo(f"kg: pushed {len(report.put)} graph(s) to {shown_url(endpoint)}"
                   + (f", removed {len(report.deleted)} of an earlier push" if report.deleted else "")
                   + (f"; {len(report.failed)} failed" if report.failed else ""), err=True)
    sys.exit(1 if report.failed else 0)


# Set by run(), the console script, which ends the process once the command returns.
_ENDS_WITH_COMMAND = False


def run() -> None:
    """The ``kg`` console script: :func:`main`, then an immediate exit.

    When a command returns, everything it writes is complete (output files are fsynced
    and renamed into place). What the interpreter's teardown would still do is free the
    graph object by object and run a last garbage collection: about half a second after
    a 5-million-character build, for nothing. So once stdout and stderr are flushed,
    the process ends with ``os._exit`` (mypy ends the same way). A command that ends
    with sys.exit (``kg build`` does) exits from inside the ``except`` block: its
    frames, and the graph they hold, stay referenced by the exception's traceback
    instead of being freed first. An unexpected exception still propagates, with its
    traceback, through a normal exit."""
    global _ENDS_WITH_COMMAND
    _ENDS_WITH_COMMAND = True
    try:
        main.main(prog_name="kg")
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            _flush_and_exit(exc.code or 0)
        click.echo(str(exc.code), err=True)  # sys.exit("message")
        _flush_and_exit(1)
    _flush_and_exit(0)


def _flush_and_exit(code: int) -> NoReturn:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (kg query … | head): nothing left to say
            code = code or 1
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
