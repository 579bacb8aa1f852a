"""A report's graph's terms in pyoxigraph: closed namespaces of NamedNodes, resources and literals."""
from __future__ import annotations

import importlib.util
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .lexicons.disk_cache import cached
from .vocab import PREFIXES, RESOURCE_URI, ontology_files

if TYPE_CHECKING:
    from rdflib.term import Node

__all__ = ["OxNamespace", "NamespaceTerms", "Term", "TripleTerms", "namespaces", "namespace_terms", "res", "lit",
           "curie_node", "to_ox"]

Term = ox.NamedNode | ox.Literal
TripleTerms = tuple[ox.NamedNode, ox.NamedNode, Term]

class OxNamespace:
    """The terms of a closed namespace as pyoxigraph ``NamedNode``s, each checked once.

    A term the namespace does not declare raises ``AttributeError``, as the
    rdflib namespace of ``pipeline.vocab`` does (rdflib's own namespaces only
    warn: here that warning is the error). A term once made is an attribute
    of the object, so later look-ups cost no more than any attribute.

    Examples
    --------
    >>> V = namespaces()["vnkg"]
    >>> V.Zone.value
    'https://w3id.org/vnkg/ontology#Zone'
    >>> V.Zoen  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    AttributeError: ...Zoen...
    >>> namespaces()["schema"].Reprot  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    AttributeError: ...Reprot...
    """

    def __init__(self, terms: NamespaceTerms):
        self._terms = terms

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__") or name == "_terms":
            raise AttributeError(name)
        terms = self._terms
        if name not in terms.names and not (terms.numbered and name[:1] == "_" and name[1:].isdigit()):
            raise AttributeError(f"{name!r} is not a term of {terms.base}")
        node = ox.NamedNode(terms.base + name)
        setattr(self, name, node)
        return node

    __getitem__ = __getattr__


@dataclass(frozen=True)
class NamespaceTerms:
    """What a closed namespace declares: its IRI, its terms' local names, and whether ``_1``, ``_2``...
    are terms too (``rdf:_1``)."""

    base: str
    names: frozenset[str]
    numbered: bool = False


@cache
def namespaces() -> dict[str, OxNamespace]:
    """The closed namespaces stage 6 writes with, by prefix (``rdf``, ``xsd``, ``vnkg``, ``schema``...).

    Their terms are rdflib's (and the ontology's for ``vnkg``), read with
    rdflib once and kept between runs (``lexicons.disk_cache``, keyed on
    rdflib's namespace files and the ontology): extraction starts without
    importing rdflib.
    """
    try:
        sources = _namespace_sources()
    except (ImportError, OSError, AttributeError, TypeError):  # rdflib not laid out as files: asked each run
        return {prefix: OxNamespace(terms) for prefix, terms in namespace_terms().items()}
    kept = cached("namespaces", sources, namespace_terms)
    return {prefix: OxNamespace(terms) for prefix, terms in kept.items()}


def namespace_terms() -> dict[str, NamespaceTerms]:
    """Each closed namespace's terms, as rdflib (and ``vocab.vnkg``) declare them: every name rdflib
    lists for it, kept when rdflib accepts it without a warning."""
    from rdflib import RDF, XSD
    from rdflib.namespace import DCTERMS, ORG, PROV, SDO, SKOS

    from .vocab import vnkg

    spaces = {"rdf": RDF, "xsd": XSD, "vnkg": vnkg(), "schema": SDO, "org": ORG, "prov": PROV, "skos": SKOS,
              "dcterms": DCTERMS}
    return {prefix: _declared(space) for prefix, space in spaces.items()}


def _declared(space: Any) -> NamespaceTerms:
    base = str(space)
    listed = {str(x) for x in dir(space)} | set(getattr(space, "_extras", ()))
    names = frozenset(n[len(base):] if n.startswith(base) else n for n in listed)
    return NamespaceTerms(base, frozenset(n for n in names if _accepted(space, n)), _accepted(space, "_1"))


def _accepted(space: Any, name: str) -> bool:
    if name.startswith("__"):
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            return str(space[name]) == str(space) + name
        except (Warning, AttributeError, KeyError):
            return False


def _namespace_sources() -> list[Path]:
    """The files the namespaces' terms come from: rdflib's namespace modules (found without importing
    rdflib), the ontology, and ``vocab.py``, which reads it."""
    spec = importlib.util.find_spec("rdflib")
    if spec is None or spec.origin is None:
        raise ImportError("rdflib")
    folder = Path(spec.origin).parent / "namespace"
    rdflib_files = [folder / "__init__.py", *(folder / f"_{n}.py" for n in _RDFLIB_SPACES)]
    return [*rdflib_files, *ontology_files(), Path(__file__).with_name("vocab.py")]


_RDFLIB_SPACES = ("RDF", "XSD", "SDO", "ORG", "PROV", "SKOS", "DCTERMS")


def res(kind: str, local: str) -> ox.NamedNode:
    """A resource node under ``RESOURCE_URI``, as ``pipeline.vocab.RES`` makes its IRI.

    >>> res("person", "nguyen-van-phong").value
    'https://w3id.org/vnkg/resource/person/nguyen-van-phong'
    """
    return ox.NamedNode(f"{RESOURCE_URI}{kind}/{local}")


@cache
def curie_node(name: str) -> ox.NamedNode:
    """``"schema:Corporation"`` -> its node, checked against the closed namespaces (as ``vocab.curie``).

    >>> curie_node("schema:Corporation").value
    'https://schema.org/Corporation'
    """
    prefix, _, local = name.partition(":")
    return namespaces()[prefix][local]


def lit(value: str | int | bool | Decimal, lang: str | None = None, datatype: ox.NamedNode | None = None
        ) -> ox.Literal:
    """A literal written as rdflib writes the same Python value (so both graphs are one graph).

    >>> lit(True), lit(7), lit(Decimal("1E+3")), lit("Hà Nội", lang="vi")
    (<Literal value=true datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#boolean>>, \
<Literal value=7 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>, \
<Literal value=1000 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#decimal>>, \
<Literal value=Hà Nội language=vi>)
    """
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_xsd("boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_xsd("integer"))
    if isinstance(value, Decimal):
        return ox.Literal(f"{value:f}", datatype=_xsd("decimal"))
    if lang:
        return ox.Literal(value, language=lang)
    return ox.Literal(value, datatype=datatype) if datatype is not None else ox.Literal(value)


def to_ox(triples: Iterable[tuple[Node, Node, Node]]) -> Iterator[TripleTerms]:
    """rdflib triples (IRIs and literals) as pyoxigraph terms."""
    from rdflib import Literal, URIRef

    for triple in triples:
        terms: list[Any] = []
        for term in triple:
            if isinstance(term, URIRef):
                terms.append(ox.NamedNode(str(term)))
            elif isinstance(term, Literal):
                datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
                terms.append(ox.Literal(str(term), language=term.language, datatype=datatype)
                             if term.language else ox.Literal(str(term), datatype=datatype))
            else:
                raise TypeError(f"a report's graph has IRIs and literals only, not {term!r}")
        yield terms[0], terms[1], terms[2]


@cache
def _xsd(name: str) -> ox.NamedNode:
    return ox.NamedNode(PREFIXES["xsd"] + name)
