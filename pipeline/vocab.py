"""RDF terms in one place: vnkg's closed namespace from ontology/*.ttl, prefixes, graph IRIs."""
from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import URIRef
    from rdflib.namespace import ClosedNamespace

__all__ = ["VNKG_URI", "RESOURCE_URI", "PREFIXES", "GRAPH_URI", "GRAPH_LABELS", "GRAPH_VOCABULARY", "RDF_TYPE",
           "ontology_dir", "ontology_files", "vnkg", "RES", "curie", "expand", "prologue", "report_graph"]

VNKG_URI = "https://w3id.org/vnkg/ontology#"
RESOURCE_URI = "https://w3id.org/vnkg/resource/"
PREFIXES = {
    "vnkg": VNKG_URI,
    "res": RESOURCE_URI,
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
}
# Named graphs: one per report (``report_graph``), one per entity's preferred label under
# GRAPH_LABELS, and the zone types and units once per store.
GRAPH_URI = RESOURCE_URI + "graph/"
GRAPH_LABELS = GRAPH_URI + "labels"
GRAPH_VOCABULARY = GRAPH_URI + "vocabulary"
# rdf:type, for code that names it without loading rdflib (SPARQL's "a" cannot stand in a VALUES block).
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def ontology_dir() -> Path:
    """The ontology folder: inside an installed wheel, or beside the package in a checkout."""
    packaged = Path(__file__).parent / "_ontology"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "ontology"


def ontology_files() -> list[Path]:
    """The ontology's Turtle files, shapes excluded."""
    return sorted(p for p in ontology_dir().glob("*.ttl") if p.name != "shapes.ttl")


@cache
def vnkg() -> ClosedNamespace:
    """The vnkg namespace, closed over the terms the ontology declares.

    A term the ontology does not declare raises ``AttributeError``:

    >>> vnkg().Zone
    rdflib.term.URIRef('https://w3id.org/vnkg/ontology#Zone')
    >>> vnkg().Zoen  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    AttributeError: ...Zoen...
    """
    import rdflib
    from rdflib.namespace import ClosedNamespace

    graph = rdflib.Graph()
    for path in ontology_files():
        graph.parse(path, format="turtle")
    terms = sorted({str(s)[len(VNKG_URI):] for s in graph.subjects() if str(s).startswith(VNKG_URI)})
    return ClosedNamespace(VNKG_URI, terms)


def RES(kind: str, local: str) -> URIRef:
    """A resource IRI under ``RESOURCE_URI``.

    >>> str(RES("person", "nguyen-van-phong"))
    'https://w3id.org/vnkg/resource/person/nguyen-van-phong'
    """
    from rdflib import URIRef

    return URIRef(f"{RESOURCE_URI}{kind}/{local}")


def curie(name: str) -> URIRef:
    """``"schema:Corporation"`` -> the IRI, checked against closed namespaces."""
    from rdflib.namespace import DCTERMS, ORG, PROV, SDO, SKOS

    prefix, _, local = name.partition(":")
    if prefix == "vnkg":
        return vnkg()[local]
    space = {"schema": SDO, "org": ORG, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS}[prefix]
    return space[local]


def expand(name: str) -> str:
    """``"vnkg:Zone"`` -> the IRI as a string, without loading rdflib (asking a store starts fast).

    The terms code names this way are checked against the ontology by the tests
    (``tests/test_vocab.py``); ``curie`` checks them as it goes.

    >>> expand("schema:Report")
    'https://schema.org/Report'
    """
    prefix, _, local = name.partition(":")
    return PREFIXES[prefix] + local


def prologue(*prefixes: str) -> str:
    """The PREFIX lines of SPARQL text, for the given prefixes (all of ``PREFIXES`` by default).

    >>> print(prologue("schema", "vnkg"), end="")
    PREFIX schema: <https://schema.org/>
    PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
    """
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in prefixes or PREFIXES)


def report_graph(path: str | Path | None, content_hash: str) -> str:
    """The named graph of a report, the same for ``extract``, ``ingest`` and ``export``.

    A report read from a file is keyed by its absolute path (so a changed file
    replaces its graph in a store); a report given as text, by its content hash.

    >>> report_graph(None, "3f1c0a2b9d8e7f60")
    'https://w3id.org/vnkg/resource/graph/3f1c0a2b9d8e7f60'
    >>> report_graph("/reports/a.txt", "3f1c0a2b9d8e7f60")
    'https://w3id.org/vnkg/resource/graph/46173955cbdc92a2'
    """
    if path is None:
        return GRAPH_URI + content_hash
    absolute = str(Path(path).resolve())
    return GRAPH_URI + hashlib.sha256(absolute.encode("utf-8")).hexdigest()[:16]
