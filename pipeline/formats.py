"""RDF output formats: a table from format name to serialiser settings."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Protocol

from .vocab import PREFIXES, report_graph

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

    from .s1_read import Document

__all__ = ["RdfFormat", "RDF_FORMATS", "ReportGraph", "serialise", "write_rdf"]


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


class ReportGraph(Protocol):
    """A report's graph and the document it was read from: ``pipeline.Extraction`` is one."""

    @property
    def document(self) -> Document: ...

    @property
    def graph(self) -> Graph: ...


def serialise(reports: Sequence[ReportGraph], fmt: str) -> str:
    """Write report graphs in one format, as text.

    Formats with named graphs (TriG, N-Quads) keep each report in its own
    graph, named by ``pipeline.vocab.report_graph`` as a store names it; the
    others write the union of the graphs.

    Examples
    --------
    >>> import pipeline
    >>> from pipeline.vocab import report_graph
    >>> ex = pipeline.extract("Bộ trưởng Bộ Tài chính Hồ Đức Phớc phát biểu.")
    >>> f"<{report_graph(None, ex.document.id)}>" in serialise([ex], "nquads")
    True
    """
    import io

    out = io.BytesIO()
    write_rdf(reports, fmt, out)
    return out.getvalue().decode("utf-8")


def write_rdf(reports: Sequence[ReportGraph], fmt: str, stream: IO[bytes]) -> None:
    """Write report graphs in one format to a binary ``stream`` (UTF-8), as :func:`serialise` does.

    One graph in a format without named graphs is written as it is, with no
    copy: a long report's graph is large.
    """
    from rdflib import Dataset, Graph, URIRef

    spec = RDF_FORMATS[fmt]
    out: Graph | Dataset
    if spec.named_graphs:
        out = Dataset()
        for report in reports:
            named = out.graph(URIRef(report_graph(report.document.path, report.document.id)))
            for triple in report.graph:
                named.add(triple)
    elif len(reports) == 1:
        out = reports[0].graph
    else:
        out = Graph(bind_namespaces="none")
        for report in reports:
            out += report.graph
    for prefix, uri in PREFIXES.items():
        out.bind(prefix, uri)
    if fmt == "jsonld":
        out.serialize(stream, format="json-ld", context=dict(PREFIXES), auto_compact=True, encoding="utf-8")
    else:
        out.serialize(stream, format=spec.rdflib_name, encoding="utf-8")
