"""The store commands of ``vnkg``: ingest, remove, query, stats, validate."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import click

from .cli import cli, fail

__all__ = ["store_options", "opened_store"]


def store_options(fn):
    """--store / --endpoint / --endpoint-kind, shared by every store command."""
    fn = click.option("--endpoint-kind", type=click.Choice(["oxigraph", "fuseki", "graphdb"]), default="oxigraph",
                      show_default=True, envvar="VNKG_ENDPOINT_KIND",
                      help="URL layout of the SPARQL server given by --endpoint.")(fn)
    fn = click.option("--endpoint", metavar="URL", envvar="VNKG_ENDPOINT",
                      help="Use a SPARQL 1.1 server instead of a folder (or set VNKG_ENDPOINT).")(fn)
    fn = click.option("--store", "store_dir", type=click.Path(path_type=Path), envvar="VNKG_STORE",
                      help="Store folder (or set VNKG_STORE; default output/store).")(fn)
    return fn


def _location(store_dir, endpoint, endpoint_kind):
    from .store import Location, default_location

    if endpoint and store_dir:
        fail("give --store or --endpoint, not both")
    if endpoint:
        return Location(endpoint=endpoint, kind=endpoint_kind)
    return Location(path=store_dir) if store_dir else default_location()


@contextmanager
def opened_store(store_dir, endpoint, endpoint_kind, *, write=False, wait=30.0, failing=""):
    """The store the options name, open for a block and closed after it; a
    ``StoreError`` raised in the block ends the command with one line
    (prefixed by ``failing``)."""
    from .store import StoreError

    store = _open(_location(store_dir, endpoint, endpoint_kind), write, wait)
    try:
        yield store
    except StoreError as exc:
        fail(f"{failing}{exc}")
    finally:
        store.close()


def _open(location, write=False, wait=30.0):
    from .store import StoreError, open_store

    try:
        return open_store(location, write=write, wait=wait)
    except StoreError as exc:
        fail(str(exc))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@store_options
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes extracting reports in parallel.")
@click.option("--wait", type=float, default=60.0, show_default=True,
              help="Seconds to wait while another vnkg process holds the store.")
def ingest(paths, store_dir, endpoint, endpoint_kind, jobs, wait):
    """Add reports to the store: PATHS are files, folders or globs ("news/*.txt").

    Each report goes in its own named graph. An unchanged report is skipped, a
    changed one replaces its graph in one transaction. A file that cannot be
    read gets one line on standard error; the others are still ingested and
    the exit status is 1.
    """
    from .store import expand_paths
    from .store import ingest as do_ingest

    files = expand_paths(paths)
    with opened_store(store_dir, endpoint, endpoint_kind, write=True, wait=wait) as store, \
            _progress(len(files)) as tick:
        report = do_ingest(store, files, jobs=jobs, progress=tick)
    for path, reason in report.failed:
        click.echo(f"vnkg: {path}: {reason}", err=True)
    click.echo(f"vnkg: {report.summary()}", err=True)
    if report.failed:
        sys.exit(1)


@cli.command()
@click.argument("docs", nargs=-1, required=True)
@store_options
def remove(docs, store_dir, endpoint, endpoint_kind):
    """Take reports out of the store: DOCS are the paths they were ingested from, or content hashes."""
    from .store import StoreError
    from .store import remove as do_remove

    failed = 0
    with opened_store(store_dir, endpoint, endpoint_kind, write=True) as store:
        for doc in docs:
            try:
                for path in do_remove(store, doc):
                    click.echo(f"vnkg: removed {path}", err=True)
            except StoreError as exc:  # the other reports are still removed
                click.echo(f"vnkg: {exc}", err=True)
                failed += 1
    if failed:
        sys.exit(1)


@cli.command()
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
def query(sparql, store_dir, endpoint, endpoint_kind, query_file, named, params, list_named, fmt):
    """Ask the store a read-only SPARQL question: SPARQL text, --file or --named.

    The default graph is the union of every report's graph. Updates are
    refused.
    """
    from .store import named_queries, run_query

    if list_named:
        for q in named_queries().values():
            click.echo(f"{q.name:14s} {q.description}")
        return
    given = [x for x in (sparql, query_file, named) if x]
    if len(given) != 1:
        fail("give one query: SPARQL text, --file FILE or --named NAME")
    if named:
        if named not in named_queries():
            fail(f"no ready question named {named!r}; known: {', '.join(named_queries())}")
        text = named_queries()[named].text
        missing = set(named_queries()[named].params) - {p.split("=", 1)[0] for p in params}
        if missing:
            fail(f"--named {named} needs --param {sorted(missing)[0]}=...")
    else:
        text = query_file.read() if query_file else sparql
    values = dict(p.split("=", 1) for p in params if "=" in p)
    with opened_store(store_dir, endpoint, endpoint_kind) as store:
        result = run_query(store, text, fmt, values)
    if result.fmt == "table":
        _print_table(result.columns, result.rows)
    else:
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()


@cli.command()
@store_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
def stats(store_dir, endpoint, endpoint_kind, fmt):
    """Count the store's reports, triples and entities by type."""
    import json

    from .store import stats as do_stats

    with opened_store(store_dir, endpoint, endpoint_kind) as store:
        counts = do_stats(store)
    if fmt == "json":
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    rows = [["reports", str(counts["reports"])], ["triples", str(counts["triples"])]]
    rows += [[f"  {name}", str(n)] for name, n in counts["entities"].items()]
    _print_table(["", "count"], rows)


@cli.command()
@store_options
def validate(store_dir, endpoint, endpoint_kind):
    """Check the store against the ontology's SHACL shapes; list each violation and its node."""
    from .store import validate_store

    with opened_store(store_dir, endpoint, endpoint_kind) as store:
        result = validate_store(store)
    for v in result.violations:
        path = f" {v.path}" if v.path else ""
        click.echo(f"{v.severity}: {v.focus}{path}: {v.message}")
    click.echo(f"vnkg: {'conforms' if result.conforms else 'does not conform'}: "
               f"{len(result.errors)} violation(s), {len(result.violations) - len(result.errors)} warning(s)", err=True)
    if not result.conforms:
        sys.exit(1)


def _print_table(columns, rows) -> None:
    """A table fitted to the terminal (rich); piped, plain aligned columns, one row per line."""
    if not sys.stdout.isatty():  # rich takes longer to import than a small query takes to run
        widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
        for line in (columns, ["-" * w for w in widths], *rows):
            click.echo("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip())
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*row)
    Console().print(table)


class _progress:
    """A progress bar on a terminal, silence elsewhere; yields a tick function."""

    def __init__(self, total: int):
        self.total = total
        self.bar = None

    def __enter__(self):
        if not sys.stderr.isatty() or self.total < 2:
            return None
        from rich.progress import Progress

        self.bar = Progress(transient=True, console=None)
        self.bar.start()
        task = self.bar.add_task("ingesting", total=self.total)
        return lambda _path: self.bar.advance(task)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
