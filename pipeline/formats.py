"""RDF output formats: a table from format name to serialiser settings; pyoxigraph writes all but JSON-LD."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Protocol

from .vocab import PREFIXES, report_graph

if TYPE_CHECKING:
    from rdflib import Graph

    from .report_triples import ReportTriples
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
    "rdfxml": RdfFormat("xml", ".rdf"),
}


class ReportGraph(Protocol):
    """A report's graph (as pyoxigraph terms, and as rdflib's ``Graph`` for JSON-LD) and the document it was
    read from: ``pipeline.Extraction`` is one."""

    @property
    def document(self) -> Document: ...

    @property
    def triples(self) -> ReportTriples: ...

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

    pyoxigraph's serialisers (Rust) write every format but JSON-LD, which
    rdflib writes compacted with vnkg's prefixes as its context. The triples
    go to the serialiser as they are, with no copy: a long report's graph is
    large; the union of several reports holds each triple once.
    """
    import pyoxigraph as ox

    from .report_triples import write_triples

    spec = RDF_FORMATS[fmt]
    if fmt == "jsonld":
        _write_jsonld(reports, stream)
    elif spec.named_graphs:
        quads = (ox.Quad(s, p, o, ox.NamedNode(report_graph(r.document.path, r.document.id)))
                 for r in reports for s, p, o in r.triples.ox_triples())
        write_triples(quads, fmt, stream)
    elif len(reports) == 1:
        reports[0].triples.write(fmt, stream)
    else:
        union = dict.fromkeys(t for r in reports for t in r.triples.ox_triples())
        write_triples(union, fmt, stream)


def _write_jsonld(reports: Sequence[ReportGraph], stream: IO[bytes]) -> None:
    from rdflib import Graph

    out = reports[0].graph if len(reports) == 1 else Graph(bind_namespaces="none")
    if len(reports) > 1:
        for report in reports:
            out += report.graph
    for prefix, uri in PREFIXES.items():
        out.bind(prefix, uri)
    out.serialize(stream, format="json-ld", context=dict(PREFIXES), auto_compact=True, encoding="utf-8")
