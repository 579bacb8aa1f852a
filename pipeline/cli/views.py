"""The viewing commands of ``vnkg``: export, graph (neighbours, path, central) and show."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import Progress, cached_view, choose, fail, opened_store, print_table, store_options

if TYPE_CHECKING:
    from ..view_cache import CachedView

__all__ = ["export", "graph", "show", "COMMANDS"]


@click.command()
@store_options
@click.option("--format", "fmt", required=True,
              type=click.Choice(["turtle", "trig", "nquads", "jsonld", "graphml", "gexf", "csv", "html", "sqlite"]),
              help="turtle/trig/nquads/jsonld: RDF (TriG and N-Quads keep each report's named graph); "
                   "graphml/gexf: the NetworkX view for Gephi or Cytoscape; csv: a folder with nodes.csv and "
                   "edges.csv; html: one page to explore in a browser; sqlite: reports, entities, labels, posts, "
                   "figures and mentions as tables with foreign keys (Datasette, pandas, Excel).")
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path),
              help="File to write (a folder for csv).")
@click.option("--doc", "docs", multiple=True, help="Only this report (path or content hash); repeat for several.")
@click.option("--named", help="Only what this ready CONSTRUCT question builds (see vnkg query --list).")
def export(store_dir: Path | None, endpoint: str | None, endpoint_kind: str, fmt: str, output: Path,
           docs: tuple[str, ...], named: str | None) -> None:
    """Write the store, or some of its reports, for other tools."""
    from ..export import export as do_export

    with opened_store(store_dir, endpoint, endpoint_kind) as store, Progress("exporting") as tick:
        try:
            do_export(store, fmt, output, list(docs) or None, named, tick)
        except OSError as exc:
            fail(f"{output}: cannot write: {exc.strerror or exc}")
    click.echo(f"vnkg: wrote {output}", err=True)


@click.group()
def graph() -> None:
    """Questions to the store's network: neighbours, paths, central nodes."""


@graph.command()
@click.argument("name")
@store_options
def neighbours(name: str, store_dir: Path | None, endpoint: str | None, endpoint_kind: str) -> None:
    """What NAME is linked to (diacritics and abbreviations optional: "ubnd tp ha noi"; an IRI also works)."""
    cached = _view(store_dir, endpoint, endpoint_kind)
    nodes = cached.nodes
    node = _find(cached, name)
    rows = []
    for a, b, _, d in cached.edges_of(node):
        other = b if a == node else a
        arrow = "→" if a == node else "←"
        rows.append([f"{arrow} {d.get('role') or d.get('relation', '')}", nodes[other]["label"], nodes[other]["type"]])
    click.echo(f"{nodes[node]['label']} ({nodes[node]['type']})")
    print_table(["relation", "neighbour", "type"], sorted(rows))


@graph.command()
@click.argument("name_a")
@click.argument("name_b")
@store_options
def path(name_a: str, name_b: str, store_dir: Path | None, endpoint: str | None, endpoint_kind: str) -> None:
    """The shortest chain of relations between NAME_A and NAME_B, each edge in its own direction."""
    cached = _view(store_dir, endpoint, endpoint_kind)
    a, b = _find(cached, name_a), _find(cached, name_b)
    chain = cached.shortest_path(a, b)
    labels = {n: cached.nodes[n].get("label", n) for n in (chain or [a, b])}
    if chain is None:
        fail(f"no path between {labels[a]} and {labels[b]}")
    rows = []
    for x, y in zip(chain, chain[1:], strict=False):
        # The edge between them as it runs: one crossed backwards is printed in its own direction.
        source, target, _, d = next(e for e in cached.edges_of(x) if {e[0], e[1]} == {x, y})
        rows.append([labels[source], d.get("role") or d.get("relation", ""), labels[target]])
    print_table(["from", "relation", "to"], rows)


@graph.command()
@store_options
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many nodes to list.")
def central(store_dir: Path | None, endpoint: str | None, endpoint_kind: str, top: int) -> None:
    """The most connected nodes: degree and betweenness centrality (figures left out; computed once for the
    store's reports as they are, then kept with the graph view)."""
    cached = _view(store_dir, endpoint, endpoint_kind)
    with Progress("ranking nodes") as tick:
        ranked = cached.central(tick)[:top]
    print_table(["node", "type", "degree", "betweenness"],
                [[cached.nodes[n].get("label", n), cached.nodes[n].get("type", ""), f"{d:.3f}", f"{b:.3f}"]
                 for n, d, b in ranked])


@click.command()
@click.argument("report")
@store_options
def show(report: str, store_dir: Path | None, endpoint: str | None, endpoint_kind: str) -> None:
    """A readable summary of one REPORT: a file (read now) or a report in the store (its path or hash)."""
    from rich.console import Console

    from ..s1_read import ReadError
    from ..summary import summarise

    path = Path(report)
    if path.is_file():
        from .. import extract_path

        try:
            graph = extract_path(path).graph
        except ReadError as exc:
            fail(f"{report}: {exc}")
    else:
        from ..export import store_graph

        with opened_store(store_dir, endpoint, endpoint_kind, failing=f"{report}: no such file, and ") as store:
            graph = store_graph(store, [report])
    console = Console(width=None if sys.stdout.isatty() else 160)
    for renderable in summarise(graph):
        console.print(renderable)


COMMANDS = [export, graph, show]


def _view(store_dir: Path | None, endpoint: str | None, endpoint_kind: str) -> CachedView:
    return cached_view(store_dir, endpoint, endpoint_kind, "reading the store's graph")


def _find(cached: CachedView, name: str) -> str:
    """The node a typed name (or an IRI) means: the one entity so named, else the one whose name
    contains it; when several match, a choice on a terminal, else the candidates and exit 1."""
    if name in cached.nodes:
        return name
    hits = [e for e in cached.exact(name) if e.iri in cached.nodes] or \
        [e for e in cached.search(name) if e.iri in cached.nodes]
    if not hits:
        fail(f"no node named like {name!r}")
    if len(hits) == 1:
        return hits[0].iri
    return choose(hits, name)
