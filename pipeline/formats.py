"""RDF output formats: a table from format name to serialiser settings."""
from __future__ import annotations

from dataclasses import dataclass

from .vocab import PREFIXES

__all__ = ["RdfFormat", "RDF_FORMATS", "serialise"]


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
    """Write report graphs in one format.

    ``graphs`` is a list of (report id, graph). Formats with named graphs
    (TriG, N-Quads) keep each report in its own graph; the others write the
    union of the graphs.

    Examples
    --------
    >>> import rdflib
    >>> g = rdflib.Graph()
    >>> _ = g.add((rdflib.URIRef("urn:a"), rdflib.RDFS.label, rdflib.Literal("Hà Nội")))
    >>> "GRAPH" in serialise([("abc", g)], "trig") or "<https://w3id.org/vnkg/resource/graph/abc>" in serialise([("abc", g)], "trig")
    True
    """
    from rdflib import Dataset, Graph

    spec = RDF_FORMATS[fmt]
    if spec.named_graphs:
        from .s6_rdf import graph_iri

        out = Dataset()
        for prefix, uri in PREFIXES.items():
            out.bind(prefix, uri)
        for doc_id, graph in graphs:
            named = out.graph(graph_iri(doc_id))
            for triple in graph:
                named.add(triple)
        return out.serialize(format=spec.rdflib_name)
    union = Graph(bind_namespaces="none")
    for prefix, uri in PREFIXES.items():
        union.bind(prefix, uri)
    for _, graph in graphs:
        union += graph
    if fmt == "jsonld":
        return union.serialize(format="json-ld", context={k: v for k, v in PREFIXES.items()}, auto_compact=True)
    return union.serialize(format=spec.rdflib_name)
