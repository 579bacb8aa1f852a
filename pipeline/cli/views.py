"""The viewing commands of ``vnkg``: export, graph (neighbours, path, central) and show."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .common import Progress, fail, opened_store, print_table, store_options

if TYPE_CHECKING:
    import networkx
    import rdflib

__all__ = ["export", "graph", "show", "COMMANDS"]


@click.command()
@store_options
@click.option("--format", "fmt", required=True,
              type=click.Choice(["turtle", "trig", "nquads", "jsonld", "graphml", "gexf", "csv", "html"]),
              help="turtle/trig/nquads/jsonld: RDF (TriG and N-Quads keep each report's named graph); "
                   "graphml/gexf: the NetworkX view for Gephi or Cytoscape; csv: a folder with nodes.csv and "
                   "edges.csv; html: one page to explore in a browser.")
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
    """What NAME is linked to (diacritics and abbreviations optional: "ubnd tp ha noi")."""
    view, lookup = _view(store_dir, endpoint, endpoint_kind)
    node = _find(lookup, name)
    rows = []
    for a, b, d in list(view.out_edges(node, data=True)) + list(view.in_edges(node, data=True)):
        other = b if a == node else a
        arrow = "→" if a == node else "←"
        rows.append([f"{arrow} {d.get('role') or d.get('relation', '')}", view.nodes[other]["label"],
                     view.nodes[other]["type"]])
    click.echo(f"{view.nodes[node]['label']} ({view.nodes[node]['type']})")
    print_table(["relation", "neighbour", "type"], sorted(rows))


@graph.command()
@click.argument("name_a")
@click.argument("name_b")
@store_options
def path(name_a: str, name_b: str, store_dir: Path | None, endpoint: str | None, endpoint_kind: str) -> None:
    """The shortest chain of relations between NAME_A and NAME_B."""
    import networkx as nx

    view, lookup = _view(store_dir, endpoint, endpoint_kind)
    a, b = _find(lookup, name_a), _find(lookup, name_b)
    try:
        nodes = nx.shortest_path(view.to_undirected(as_view=True), a, b)
    except nx.NetworkXNoPath:
        fail(f"no path between {view.nodes[a]['label']} and {view.nodes[b]['label']}")
    rows = []
    for x, y in zip(nodes, nodes[1:], strict=False):
        data = (view.get_edge_data(x, y) or view.get_edge_data(y, x) or {})
        d: dict[str, Any] = next(iter(data.values()), {})
        rows.append([view.nodes[x]["label"], d.get("role") or d.get("relation", ""), view.nodes[y]["label"]])
    print_table(["from", "relation", "to"], rows)


@graph.command()
@store_options
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many nodes to list.")
def central(store_dir: Path | None, endpoint: str | None, endpoint_kind: str, top: int) -> None:
    """The most connected nodes: degree and betweenness centrality (figures left out)."""
    import networkx as nx

    view, _ = _view(store_dir, endpoint, endpoint_kind)
    simple = nx.Graph(view.subgraph(n for n, d in view.nodes(data=True) if d.get("type") != "Figure"))
    degree = nx.degree_centrality(simple)
    k = min(len(simple), 400) if len(simple) > 400 else None  # sampled on large graphs
    betweenness = nx.betweenness_centrality(simple, k=k, seed=7)
    best = sorted(simple, key=lambda n: (-degree[n], -betweenness[n]))[:top]
    print_table(["node", "type", "degree", "betweenness"],
                [[view.nodes[n]["label"], view.nodes[n]["type"], f"{degree[n]:.3f}", f"{betweenness[n]:.3f}"]
                 for n in best])


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


def _view(store_dir: Path | None, endpoint: str | None,
          endpoint_kind: str) -> tuple[networkx.MultiDiGraph, dict[str, set[str]]]:
    from ..export import store_graph
    from ..s7_view import to_view

    with opened_store(store_dir, endpoint, endpoint_kind) as store:
        g = store_graph(store)
    return to_view(g), _names(g)


def _names(g: rdflib.Graph) -> dict[str, set[str]]:
    """Matching key (no diacritics, abbreviations spelt out) -> nodes with a label of that key."""
    from rdflib.namespace import SKOS

    from ..keys import name_key
    from ..text import fold

    lookup: dict[str, set[str]] = {}
    for p in (SKOS.prefLabel, SKOS.altLabel):
        for node, label in g.subject_objects(p):
            lookup.setdefault(fold(name_key(str(label))), set()).add(str(node))
    return lookup


def _find(lookup: dict[str, set[str]], name: str) -> str:
    """The node a typed name means: an exact label first, else the shortest label containing it.

    >>> _find({"ha noi": {"urn:hn"}, "uy ban nhan dan thanh pho ha noi": {"urn:ubnd"}}, "Hà Nội")
    'urn:hn'
    """
    from ..keys import name_key
    from ..text import fold

    key = fold(name_key(name))
    if key in lookup and len(lookup[key]) == 1:
        return next(iter(lookup[key]))
    hits = sorted((k for k in lookup if key in k), key=len)
    if not hits:
        fail(f"no node named like {name!r}")
    return sorted(lookup[hits[0]])[0]
