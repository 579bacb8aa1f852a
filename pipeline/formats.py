"""RDF output formats: a table from format name to serialiser settings."""
from __future__ import annotations

from dataclasses import dataclass

from .vocab import PREFIXES

__all__ = ["RdfFormat", "RDF_FORMATS", "serialise", "write_rdf"]


@dataclass(frozen=True)
class RdfFormat:
    """How to write one RDF format: rdflib's plugin name, file suffix, whether it keeps named graphs."""

    rdflib_name: str
    suffix: str
    named_graphs: bool = False


RDF_FORMATS = {
    "turtle": RdfFormat("turtle", ".ttl"),
    "nt": RdfFormat("nt", ".nt"),
    "jsonld": RdfFormat("json-ld", ".jsonld"),
    "trig": RdfFormat("trig", ".trig", named_graphs=True),
    "nquads": RdfFormat("nquads", ".nq", named_graphs=True),
}


def serialise(graphs: list[tuple[str, "rdflib.Graph"]], fmt: str) -> str:  # noqa: F821
    """Write report graphs in one format, as text.

    ``graphs`` is a list of (report id, graph). Formats with named graphs
    (TriG, N-Quads) keep each report in its own graph; the others write the
    union of the graphs.

    Examples
    --------
    >>> import rdflib
    >>> g = rdflib.Graph()
    >>> _ = g.add((rdflib.URIRef("urn:a"), rdflib.RDFS.label, rdflib.Literal("Hà Nội")))
    >>> "<https://w3id.org/vnkg/resource/graph/abc>" in serialise([("abc", g)], "nquads")
    True
    """
    import io

    out = io.BytesIO()
    write_rdf(graphs, fmt, out)
    return out.getvalue().decode("utf-8")


def write_rdf(graphs: list[tuple[str, "rdflib.Graph"]], fmt: str, stream) -> None:  # noqa: F821
    """Write report graphs in one format to a binary ``stream`` (UTF-8), as :func:`serialise` does.

    One graph in a format without named graphs is written as it is, with no
    copy: a long report's graph is large.
    """
    from rdflib import Dataset, Graph

    spec = RDF_FORMATS[fmt]
    if spec.named_graphs:
        from .s6_rdf import graph_iri

        out = Dataset()
        for doc_id, graph in graphs:
            named = out.graph(graph_iri(doc_id))
            for triple in graph:
                named.add(triple)
    elif len(graphs) == 1:
        out = graphs[0][1]
    else:
        out = Graph(bind_namespaces="none")
        for _, graph in graphs:
            out += graph
    for prefix, uri in PREFIXES.items():
        out.bind(prefix, uri)
    if fmt == "jsonld":
        out.serialize(stream, format="json-ld", context=dict(PREFIXES), auto_compact=True, encoding="utf-8")
    else:
        out.serialize(stream, format=spec.rdflib_name, encoding="utf-8")
