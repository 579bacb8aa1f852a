"""Exports of a store for other tools: RDF with its named graphs, GraphML, GEXF, CSV, HTML, SQLite."""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .store import GraphStore, StoreError, named_queries, run_query
from .vocab import GRAPH_LABELS, GRAPH_URI, GRAPH_VOCABULARY, PREFIXES, ontology_dir, prologue, report_graph

if TYPE_CHECKING:
    import networkx
    import rdflib

# A progress tick, given each graph as it is read.
Tick = Callable[[str], None]
# An exporter: (store, output path, docs, named query, tick) -> None.
Exporter = Callable[[GraphStore, Path, "list[str] | None", "str | None", "Tick | None"], None]

__all__ = ["EXPORTERS", "export", "store_dataset", "store_graph", "view_of_store"]

_REPORTS = prologue("schema", "vnkg") + """SELECT DISTINCT ?g ?path ?hash WHERE { GRAPH ?g {
  ?r a schema:Report ; vnkg:sourcePath ?path ; vnkg:contentHash ?hash } }"""
_UNION = f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{GRAPH_URI}")) }}"""
# The nodes of the store's view (pipeline.s7_view.NODE_TYPES), counted without reading the store.
_PAGE_NODES = prologue("vnkg", "schema", "org") + """SELECT (COUNT(DISTINCT ?node) AS ?n) WHERE { ?node a ?type
  VALUES ?type { vnkg:Zone schema:Event vnkg:Figure vnkg:Indicator schema:Person org:Organization schema:Place
                 schema:Legislation } }"""
_SHARED_GRAPHS = f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g = <{GRAPH_VOCABULARY}>) }}"""
# Every entity's preferred label, kept in the store in a graph of its own (replaced whole when it changes),
# exported as one graph: a reader of TriG or N-Quads gets the reports' graphs, the labels and the vocabulary.
_LABELS = f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
  FILTER(STRSTARTS(STR(?g), "{GRAPH_LABELS}")) }}"""


def store_dataset(store: GraphStore, docs: list[str] | None = None, tick: Tick | None = None) -> rdflib.Dataset:
    """The store as an rdflib ``Dataset``: one named graph per report, plus
    one graph of every entity's preferred label and the vocabulary graph;
    ``docs`` (paths or content hashes) keeps only those reports and the
    labels of what they name."""
    import rdflib

    reports = store.select(_REPORTS)
    if docs:
        wanted = {str(Path(d).resolve()) for d in docs} | set(docs) | {report_graph(d, "") for d in docs}
        reports = [r for r in reports if wanted & {r["path"], r["hash"], r["g"]}]
        if not reports:
            raise StoreError(f"no such report in {store.location}: {', '.join(docs)}")
    graphs = sorted({r["g"] for r in reports}) + sorted(r["g"] for r in store.select(_SHARED_GRAPHS))
    dataset = rdflib.Dataset()
    for prefix, uri in PREFIXES.items():
        dataset.bind(prefix, uri)
    for g in graphs:
        dataset.graph(rdflib.URIRef(g)).parse(data=store.graph_triples(g), format="nt")
        if tick:
            tick(g)
    dataset.graph(rdflib.URIRef(GRAPH_LABELS)).parse(data=store.query_bytes(_LABELS, "ntriples").decode("utf-8"),
                                                      format="nt")
    if docs:
        _keep_labels_of_named(dataset)
    return dataset


def store_graph(store: GraphStore, docs: list[str] | None = None, named: str | None = None,
                tick: Tick | None = None) -> rdflib.Graph:
    """The union of the store's graphs as one rdflib ``Graph`` (or what a CONSTRUCT query gives)."""
    import rdflib

    if named:
        query = named_queries().get(named)
        if query is None:
            raise StoreError(f"no ready question named {named!r}")
        result = run_query(store, query.text, "table")
        if result.fmt != "turtle":
            raise StoreError(f"--named {named} is not a CONSTRUCT query; exports need a graph")
        return rdflib.Graph().parse(data=result.data.decode("utf-8"), format="turtle")
    union = rdflib.Graph(bind_namespaces="none")
    for prefix, uri in PREFIXES.items():
        union.bind(prefix, uri)
    if docs:
        for g in store_dataset(store, docs, tick).graphs():
            union += g
        return union
    # The whole store: its graphs' union in one query, parsed once (a third faster than graph by graph).
    union.parse(data=store.query_bytes(_UNION, "ntriples").decode("utf-8"), format="nt")
    if tick:
        tick(GRAPH_URI)
    return union


def view_of_store(store: GraphStore, docs: list[str] | None = None, named: str | None = None,
                  tick: Tick | None = None) -> networkx.MultiDiGraph:
    """The NetworkX view of a store (``pipeline.s7_view.to_view`` of its union graph)."""
    from .s7_view import to_view

    return to_view(store_graph(store, docs, named, tick))


def export(store: GraphStore, fmt: str, output: Path, docs: list[str] | None = None, named: str | None = None,
           tick: Tick | None = None) -> Path:
    """Write the store (or some reports, or a CONSTRUCT result) in ``fmt`` at ``output``."""
    if fmt not in EXPORTERS:
        raise StoreError(f"unknown export format {fmt!r}; known: {', '.join(EXPORTERS)}")
    EXPORTERS[fmt](store, Path(output), docs, named, tick)
    return Path(output)


def _rdf(rdflib_format: str, named_graphs: bool) -> Exporter:
    def write(store: GraphStore, output: Path, docs: list[str] | None, named: str | None, tick: Tick | None) -> None:
        if named_graphs and not named:
            data = store_dataset(store, docs, tick).serialize(format=rdflib_format)
        elif rdflib_format == "json-ld":
            data = store_graph(store, docs, named, tick).serialize(format="json-ld", context=_context(),
                                                                   auto_compact=True)
        else:
            data = store_graph(store, docs, named, tick).serialize(format=rdflib_format)
        output.write_text(data, encoding="utf-8")
    return write


def _networkx(writer_name: str) -> Exporter:
    def write(store: GraphStore, output: Path, docs: list[str] | None, named: str | None, tick: Tick | None) -> None:
        import networkx as nx

        view = _flat(_view(store, docs, named, tick))
        getattr(nx, writer_name)(view, output)
    return write


def _view(store: GraphStore, docs: list[str] | None, named: str | None, tick: Tick | None) -> networkx.MultiDiGraph:
    """The view to export: the whole store's from its cache (``pipeline.view_cache``: the store's triples are
    not all held in memory at once, nor read again when the cache is current), some reports' made from them."""
    if docs or named:
        return view_of_store(store, docs, named, tick)
    from .view_cache import cached_view

    return cached_view(store, tick).view


def _csv(store: GraphStore, output: Path, docs: list[str] | None, named: str | None, tick: Tick | None) -> None:
    """A folder with nodes.csv and edges.csv, UTF-8 with a byte-order mark so Excel reads Vietnamese."""
    view = _flat(_view(store, docs, named, tick))
    output.mkdir(parents=True, exist_ok=True)
    node_fields = sorted({k for _, d in view.nodes(data=True) for k in d} - {"iri", "label", "type"})
    with open(output / "nodes.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "label", "type", *node_fields])
        for node, d in view.nodes(data=True):
            w.writerow([node, d.get("label", ""), d.get("type", ""), *(_cell(d.get(k, "")) for k in node_fields)])
    edge_fields = sorted({k for *_, d in view.edges(data=True) for k in d} - {"relation"})
    with open(output / "edges.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "relation", *edge_fields])
        for a, b, d in view.edges(data=True):
            w.writerow([a, b, d.get("relation", ""), *(_cell(d.get(k, "")) for k in edge_fields)])


def _cell(value: object) -> object:
    """A CSV cell: booleans as "true"/"false", as in the query results (``BOUND`` gives xsd:boolean)."""
    return str(value).lower() if isinstance(value, bool) else value


def _html(store: GraphStore, output: Path, docs: list[str] | None, named: str | None, tick: Tick | None) -> None:
    """One page; a store too large for one is refused before it is read (its nodes are counted first)."""
    from .html_view import MAX_PAGE_NODES, PageTooLarge, render

    advice = ("export some reports (--doc PATH, repeatable) or what a question builds (--named), or the whole "
              "store as --format graphml or gexf for Gephi or Cytoscape")
    if not docs and not named:
        (row,) = store.select(_PAGE_NODES)
        if int(row["n"]) > MAX_PAGE_NODES:
            raise StoreError(f"the store holds {int(row['n']):,} nodes; an HTML page shows at most "
                             f"{MAX_PAGE_NODES:,}: {advice}")
    try:
        graph = store_graph(store, docs, named, tick)
        if tick:
            tick(f"laying out the page of {len(graph):,} triples")
        page = render(graph)
    except PageTooLarge as exc:
        raise StoreError(f"{exc}: {advice}") from None
    output.write_text(page, encoding="utf-8")


def _sqlite(store: GraphStore, output: Path, docs: list[str] | None, named: str | None, tick: Tick | None) -> None:
    """One SQLite file: reports, entities, labels, posts, figures and mentions (``pipeline.sqlite_export``)."""
    from .sqlite_export import write_sqlite

    if docs or named:
        raise StoreError("--format sqlite writes the whole store; --doc and --named are for the other formats")
    write_sqlite(store, output, tick)


def _flat(view: networkx.MultiDiGraph) -> networkx.MultiDiGraph:
    """GraphML and GEXF take scalar attributes only: drop None, join lists."""
    for _, d in view.nodes(data=True):
        for k in [k for k, v in d.items() if v is None]:
            del d[k]
        d.update({k: "; ".join(map(str, v)) for k, v in d.items() if isinstance(v, (list, tuple, set))})
    for *_, d in view.edges(data=True):
        for k in [k for k, v in d.items() if v is None]:
            del d[k]
    view.graph = {}
    return view


def _keep_labels_of_named(dataset: rdflib.Dataset) -> None:
    """Drop the labels of entities the kept reports do not name."""
    import rdflib
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    named_nodes = set()
    for g in dataset.graphs():
        if str(g.identifier) != GRAPH_LABELS and g.identifier != DATASET_DEFAULT_GRAPH_ID:
            named_nodes |= set(g.subjects())
    labels = dataset.graph(rdflib.URIRef(GRAPH_LABELS))
    for node in set(labels.subjects()) - named_nodes:
        labels.remove((node, None, None))


def _context() -> dict[str, Any]:
    """The JSON-LD context kept in ``ontology/context.jsonld``."""
    import json

    return json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]


# Format name -> writer(store, output path, docs, named query, progress tick).
EXPORTERS: dict[str, Exporter] = {
    "turtle": _rdf("turtle", named_graphs=False),
    "trig": _rdf("trig", named_graphs=True),
    "nquads": _rdf("nquads", named_graphs=True),
    "jsonld": _rdf("json-ld", named_graphs=False),
    "graphml": _networkx("write_graphml"),
    "gexf": _networkx("write_gexf"),
    "csv": _csv,
    "html": _html,
    "sqlite": _sqlite,
}
