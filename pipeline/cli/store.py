"""The store commands of ``vnkg``: ingest, remove, query, stats, validate."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

import click

from .common import Progress, opened_store, print_table, store_options, table_options, usage

__all__ = ["ingest", "remove", "query", "stats", "validate", "COMMANDS"]


@click.command()
@click.argument("paths", nargs=-1, required=True)
@store_options
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes extracting reports in parallel.")
@click.option("--wait", type=float, default=60.0, show_default=True,
              help="Seconds to wait while another vnkg process holds the store.")
@click.option("--cluster", metavar="ADDRESS", envvar="VNKG_CLUSTER",
              help="Extract on a Dask cluster, e.g. tcp://10.0.0.5:8786 (needs vnkg[cluster]; every worker must "
                   "read PATHS where this machine does); the store is still written from here.")
@click.option("--batch", type=click.IntRange(1, 1000), default=8, show_default=True,
              help="With --cluster: reports per Dask task.")
@click.option("--task-timeout", type=click.FloatRange(1), default=900.0, show_default=True,
              help="With --cluster: seconds a task may take before its reports are tried again, each alone, once.")
@click.option("--include", "include", multiple=True, metavar="GLOB",
              help="In folders, also read files whose name matches GLOB (\"*.md\"); by default only the types "
                   "vnkg reads (.txt, .html, .docx, .pdf). Repeatable.")
def ingest(paths: tuple[str, ...], store_dir: Path | None, endpoint: str | None, endpoint_kind: str, jobs: int,
           wait: float, cluster: str | None, batch: int, task_timeout: float, include: tuple[str, ...]) -> None:
    """Add reports to the store: PATHS are files, folders or globs ("news/*.txt").

    Each report goes in its own named graph. An unchanged report is skipped, a
    changed one replaces its graph in one transaction. A file that cannot be
    read gets one line on standard error; the others are still ingested and
    the exit status is 1. Folders give their reports only (see --include).
    Afterwards the graph view that `vnkg graph` and `vnkg serve` use is
    brought up to date.
    """
    from ..store import ClusterOptions, ingest_on_cluster, select_files
    from ..store import ingest as do_ingest
    from ..view_cache import refresh_view

    if cluster and jobs > 1:
        usage("give --jobs or --cluster, not both")
    selection = select_files(paths, include)
    if selection.skipped:
        kinds = sorted({p.suffix or p.name for p in selection.skipped})
        click.echo(f"vnkg: left {len(selection.skipped)} file(s) of other types alone ({', '.join(kinds[:8])}); "
                   "--include GLOB reads them", err=True)
    files = selection.files
    with opened_store(store_dir, endpoint, endpoint_kind, write=True, wait=wait) as store:
        with Progress("ingesting", total=len(files), unit="reports") as tick:
            if cluster:
                options = ClusterOptions(cluster, batch=batch, timeout=task_timeout)
                report = ingest_on_cluster(store, files, options, progress=tick)
            else:
                report = do_ingest(store, files, jobs=jobs, progress=tick)
        if report.added or report.replaced:
            with Progress("updating the graph view") as tick:
                refresh_view(store, tick)
    for path, reason in report.failed:
        click.echo(f"vnkg: {path}: {reason}", err=True)
    click.echo(f"vnkg: {report.summary()}", err=True)
    if report.failed:
        sys.exit(1)


@click.command()
@click.argument("docs", nargs=-1, required=True)
@store_options
def remove(docs: tuple[str, ...], store_dir: Path | None, endpoint: str | None, endpoint_kind: str) -> None:
    """Take reports out of the store: DOCS are the paths they were ingested from, or content hashes."""
    from ..store import StoreError
    from ..store import remove as do_remove

    failed = 0
    with opened_store(store_dir, endpoint, endpoint_kind, write=True) as store:
        for doc in docs:
            try:
                for path in do_remove(store, doc):
                    click.echo(f"vnkg: removed {path}", err=True)
            except StoreError as exc:  # the other reports are still removed
                click.echo(f"vnkg: {exc}", err=True)
                failed += 1
        if failed < len(docs):
            from ..view_cache import refresh_view

            refresh_view(store)
    if failed:
        sys.exit(1)


@click.command()
@click.argument("sparql", required=False)
@store_options
@click.option("--file", "query_file", type=click.File("r", encoding="utf-8"), help="Read the query from a .rq file.")
@click.option("--named", help="Run a ready question from ontology/queries (see --list).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for a $NAME in the query, e.g. --param name='Nguyễn Văn Phong'; normalised as "
                   "reports are (NFC, new-style tone marks).")
@click.option("--list", "list_named", is_flag=True, help="List the ready questions and exit.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output of SELECT and ASK (json: SPARQL 1.1 results JSON). "
                                      "CONSTRUCT and DESCRIBE always print Turtle.")
@table_options
def query(sparql: str | None, store_dir: Path | None, endpoint: str | None, endpoint_kind: str,
          query_file: TextIO | None, named: str | None, params: tuple[str, ...], list_named: bool, fmt: str,
          limit: int | None, max_width: int | None, output: Path | None) -> None:
    """Ask the store a read-only SPARQL question: SPARQL text, --file or --named.

    The default graph is the union of every report's graph. The prefixes vnkg,
    res, schema, org, skos, prov and xsd need no PREFIX line. Updates are
    refused.
    """
    from ..store import named_queries, run_query

    if list_named:
        for q in named_queries().values():
            click.echo(f"{q.name:14s} {q.description}")
        return
    given = [x for x in (sparql, query_file, named) if x]
    if len(given) != 1:
        usage("give one query: SPARQL text, --file FILE or --named NAME")
    if named:
        if named not in named_queries():
            usage(f"no ready question named {named!r}; known: {', '.join(named_queries())}")
        text = named_queries()[named].text
        missing = set(named_queries()[named].params) - {p.split("=", 1)[0] for p in params}
        if missing:
            usage(f"--named {named} needs --param {sorted(missing)[0]}=...")
    elif query_file is not None:
        text = query_file.read()
    else:
        text = sparql or ""
    values = dict(p.split("=", 1) for p in params if "=" in p)
    with opened_store(store_dir, endpoint, endpoint_kind) as store:
        result = run_query(store, text, fmt, values)
    if result.fmt == "table":
        print_table(result.columns, result.rows, limit, max_width, output)
    elif output is not None:  # a CSV file opens in Excel as UTF-8 with a byte-order mark, as export csv writes
        output.write_bytes(("\ufeff".encode() if result.fmt == "csv" else b"") + result.data)
        click.echo(f"vnkg: wrote {output}", err=True)
    else:
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()


@click.command()
@store_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
def stats(store_dir: Path | None, endpoint: str | None, endpoint_kind: str, fmt: str) -> None:
    """Count the store's reports, triples and entities by type."""
    import json

    from ..store import stats as do_stats

    with opened_store(store_dir, endpoint, endpoint_kind) as store:
        counts = do_stats(store)
    if fmt == "json":
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    rows = [["reports", str(counts["reports"])], ["triples", str(counts["triples"])]]
    rows += [[f"  {name}", str(n)] for name, n in counts["entities"].items()]
    print_table(["", "count"], rows)


@click.command()
@store_options
def validate(store_dir: Path | None, endpoint: str | None, endpoint_kind: str) -> None:
    """Check the store against the ontology's SHACL shapes: each violation with the node's label,
    the report and the sentence it was read in."""
    from ..store import validate_store

    with opened_store(store_dir, endpoint, endpoint_kind) as store, Progress("validating", unit="steps") as tick:
        result = validate_store(store, tick)
    for v in result.violations:
        path = f" ({v.path.rsplit('/', 1)[-1].rsplit('#', 1)[-1]})" if v.path else ""
        name = f"{v.label!r}" if v.label else v.focus
        click.echo(f"{v.severity}: {name}{path}: {v.message}")
        if v.report:
            click.echo(f"  in {v.report}" + (f": {v.sentence}" if v.sentence else ""))
        if v.label:
            click.echo(f"  node {v.focus}")
    click.echo(f"vnkg: {'conforms' if result.conforms else 'does not conform'}: "
               f"{len(result.errors)} violation(s), {len(result.violations) - len(result.errors)} warning(s)", err=True)
    if not result.conforms:
        sys.exit(1)


COMMANDS = [ingest, remove, query, stats, validate]
