"""RDF vocabularies as closed namespaces; vnkg terms come from ontology/*.ttl."""
from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["VNKG_URI", "RESOURCE_URI", "ontology_dir", "ontology_files", "vnkg", "RES", "curie", "PREFIXES"]

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
}


def ontology_dir() -> Path:
    """The ontology folder: inside an installed wheel, or beside the package in a checkout."""
    packaged = Path(__file__).parent / "_ontology"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "ontology"


def ontology_files() -> list[Path]:
    """The ontology's Turtle files, shapes excluded."""
    return sorted(p for p in ontology_dir().glob("*.ttl") if p.name != "shapes.ttl")


@cache
def vnkg():
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


def RES(kind: str, local: str):
    """A resource IRI under https://w3id.org/vnkg/resource/."""
    from rdflib import URIRef

    return URIRef(f"{RESOURCE_URI}{kind}/{local}")


def curie(name: str):
    """``"schema:Corporation"`` -> the IRI, checked against closed namespaces."""
    from rdflib.namespace import ORG, PROV, SDO, SKOS

    prefix, _, local = name.partition(":")
    space = {"vnkg": vnkg(), "schema": SDO, "org": ORG, "skos": SKOS, "prov": PROV}[prefix]
    return space[local]
