"""Validate a graph against the ontology's SHACL shapes (ontology/shapes.ttl)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from .vocab import ontology_dir, ontology_files

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["Violation", "Validation", "validate"]


@dataclass(frozen=True)
class Violation:
    """One failed constraint: the node, the property path, the message and its severity; where
    known, the node's label, the report stating it and the sentence it was read in."""

    focus: str
    path: str | None
    message: str
    severity: str
    label: str = ""
    report: str = ""
    sentence: str = ""


@dataclass
class Validation:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "Violation"]


@cache
def _shapes_and_ontology() -> tuple[Graph, Graph]:
    import rdflib

    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    ontology = rdflib.Graph()
    for path in ontology_files():
        ontology.parse(path, format="turtle")
    return shapes, ontology


def validate(graph: Graph, progress: Callable[[str], None] | None = None) -> Validation:
    """Check a graph against the shapes; warnings do not break conformance.

    The shapes are checked one node shape at a time, ``progress`` told of each (on the news corpus's
    831,000 triples, the mentions' shape alone takes minutes); the ontology's triples that ``sh:class``
    needs (its subclasses) are added to ``graph`` for the check and taken out again, where pySHACL
    would copy the whole graph to mix them in.

    Examples
    --------
    >>> import rdflib
    >>> from pipeline.vocab import vnkg
    >>> g = rdflib.Graph()
    >>> _ = g.add((rdflib.URIRef("urn:f"), rdflib.RDF.type, vnkg().Figure))
    >>> result = validate(g)
    >>> result.conforms, "a figure is about one subject" in {v.message for v in result.errors}, len(g)
    (False, True, 1)
    """
    import pyshacl
    from rdflib import URIRef
    from rdflib.namespace import RDF, SH

    shapes, ontology = _shapes_and_ontology()
    node_shapes = sorted({s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)})
    added = [t for t in ontology if t not in graph]
    conforms = True
    violations = []
    try:
        for t in added:
            graph.add(t)
        for number, shape in enumerate(node_shapes, 1):
            if progress:
                progress(f"checking the shape {shape.n3(shapes.namespace_manager)} ({number} of {len(node_shapes)})")
            fits, report, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none", advanced=True,
                                               allow_warnings=True, inplace=True, use_shapes=[shape])
            conforms = conforms and bool(fits)
            violations += _violations(graph, report)
    finally:
        for t in added:
            graph.remove(t)
    return Validation(conforms, sorted(violations, key=lambda v: (v.severity, v.focus, v.path or "")))


def _violations(graph: Graph, report: Graph) -> list[Violation]:
    """The results of a pySHACL report; with advanced SHACL a result may carry nested ones
    (sh:detail), which explain it and are not counted again."""
    from rdflib.namespace import RDF, SH

    found = []
    top = report.value(predicate=RDF.type, object=SH.ValidationReport)
    for result in report.objects(top, SH.result):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        path = report.value(result, SH.resultPath)
        focus = report.value(result, SH.focusNode)
        found.append(Violation(
            focus=str(focus),
            path=str(path) if path is not None else None,
            message=str(report.value(result, SH.resultMessage) or ""),
            severity=severity,
            **_whereabouts(graph, focus),
        ))
    return found


def _whereabouts(graph: Graph, node: Node | None) -> dict[str, str]:
    """The label, report and sentence of a node, for a reader to find it."""
    from rdflib.namespace import PROV, SDO, SKOS

    from .vocab import vnkg

    V = vnkg()
    label = graph.value(node, SKOS.prefLabel) or graph.value(node, V.text) or graph.value(node, SKOS.altLabel)
    source = graph.value(node, PROV.wasDerivedFrom)
    report = (graph.value(source, V.sourcePath) or graph.value(source, SDO.name) or source) if source else None
    mention = graph.value(node, V.mention)
    sentence = graph.value(mention, V.sentence) if mention is not None else None
    return {"label": str(label or ""), "report": str(report or ""), "sentence": str(sentence or "")}
