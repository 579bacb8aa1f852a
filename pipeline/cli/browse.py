"""The browsing commands of ``vnkg``: reports, find, and serve (the local web app)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .common import (
    Progress,
    cached_view,
    fail,
    opened_store,
    print_table,
    store_location,
    store_options,
    table_options,
)

if TYPE_CHECKING:
    from ..serve import Archive

__all__ = ["reports", "find", "serve", "COMMANDS"]


@click.command()
@store_options
@table_options
def reports(store_dir: Path | None, endpoint: str | None, endpoint_kind: str, limit: int | None,
            max_width: int | None, output: Path | None) -> None:
    """List the store's reports, newest first: path, title, date, content hash and what was read in each."""
    from ..store.catalog import reports as stored_reports

    with opened_store(store_dir, endpoint, endpoint_kind) as store:
        found = stored_reports(store)
    rows = [[r.date, r.title, r.path, r.hash, str(r.counts["persons"]), str(r.counts["organisations"]),
             str(r.counts["posts"]), str(r.counts["figures"])] for r in found]
    print_table(["date", "title", "path", "hash", "persons", "orgs", "posts", "figures"], rows, limit, max_width,
                output)


@click.command()
@click.argument("name")
@store_options
@click.option("--kind", type=click.Choice(["Person", "Organisation", "Place", "Zone", "Document"]),
              help="Only entities of this kind.")
@table_options
def find(name: str, store_dir: Path | None, endpoint: str | None, endpoint_kind: str, kind: str | None,
         limit: int | None, max_width: int | None, output: Path | None) -> None:
    """Entities named like NAME (diacritics, case and abbreviations optional): IRI, kind and reports.

    Those named exactly so come first, then the most-named; an IRI from here
    picks one entity for `vnkg graph`.
    """
    known = cached_view(store_dir, endpoint, endpoint_kind, "reading names")
    hits = known.search(name, kind)
    if not hits:
        fail(f"no entity named like {name!r}")
    print_table(["name", "kind", "reports", "iri"], [[e.label, e.kind, str(e.reports), e.iri] for e in hits],
                limit, max_width, output)


@click.command()
@store_options
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default lets this machine alone in.")
@click.option("--port", type=click.IntRange(0, 65535), default=8019, show_default=True,
              help="Port to listen on (0: any free port, printed at start).")
@click.option("--threads", type=click.IntRange(1, 64), default=4, show_default=True, help="Requests served at once.")
def serve(store_dir: Path | None, endpoint: str | None, endpoint_kind: str, host: str, port: int,
          threads: int) -> None:
    """A local, read-only web app over the store: search, entities, reports, charts and SPARQL.

    Open the address it prints in a browser; everything it needs is in the
    package (nothing is fetched from the network). Ctrl-C stops it.
    """
    from ..serve import create_app, run

    with Progress("opening the archive") as tick:
        archive = _archive(store_dir, endpoint, endpoint_kind, tick)
    app = create_app(archive)
    run(app, host, port, threads, announce=lambda url: click.echo(f"vnkg: serving {archive.location} at {url}",
                                                                   err=True))


COMMANDS = [reports, find, serve]


def _archive(store_dir: Path | None, endpoint: str | None, endpoint_kind: str,
             tick: Callable[[Any], None]) -> Archive:
    from ..serve import Archive
    from ..store import StoreError, open_store

    try:
        return Archive.open(open_store(store_location(store_dir, endpoint, endpoint_kind)), tick)
    except StoreError as exc:
        fail(str(exc))
