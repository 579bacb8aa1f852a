"""A report's graph as pyoxigraph terms: closed namespaces of NamedNodes, literals, and its triples written by Rust."""
from __future__ import annotations

import heapq
import importlib.util
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

import pyoxigraph as ox

from .lexicons.disk_cache import cached
from .vocab import PREFIXES, RESOURCE_URI, ontology_files

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["OxNamespace", "NamespaceTerms", "Term", "TripleTerms", "ReportTriples", "MadeTriples", "namespaces",
           "namespace_terms", "res", "lit", "curie_node",
           "to_ox", "write_triples", "OX_FORMATS"]

Term = ox.NamedNode | ox.Literal
TripleTerms = tuple[ox.NamedNode, ox.NamedNode, Term]

# vnkg's format names -> pyoxigraph's serialisers (JSON-LD stays with rdflib: it is written compacted).
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
              "nquads": ox.RdfFormat.N_QUADS, "rdfxml": ox.RdfFormat.RDF_XML}


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


class MadeTriples(Protocol):
    """Triples a report holds compactly and makes as they are read (``mention_nodes.MentionNodes``): distinct,
    each subject their own (no other triple of the report has it)."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[TripleTerms]: ...

    def by_subject(self) -> Iterator[tuple[str, list[TripleTerms]]]:
        """Each subject's IRI and its triples, in the order of the IRIs."""
        ...


@dataclass
class ReportTriples:
    """A report's graph: its triples as pyoxigraph terms, each once, in the order they were made.

    ``triples`` holds all but the mention nodes' own triples, which ``mentions``
    (``pipeline.mention_nodes``) makes as they are read: iterating, ``len``,
    ``write`` and ``to_rdflib`` count both. ``write`` serialises them in Rust
    (pyoxigraph); ``to_rdflib`` makes an rdflib ``Graph`` of them for what
    needs one (SPARQL in memory, SHACL).
    """

    triples: dict[TripleTerms, None] = field(default_factory=dict)
    mentions: MadeTriples | None = None

    def add(self, triple: TripleTerms) -> None:
        self.triples[triple] = None

    def addN(self, quads: Iterable[tuple[ox.NamedNode, ox.NamedNode, Term, object]]) -> None:
        for s, p, o, _ in quads:
            self.triples[(s, p, o)] = None

    def __len__(self) -> int:
        return len(self.triples) + (len(self.mentions) if self.mentions is not None else 0)

    def __iter__(self) -> Iterator[TripleTerms]:
        yield from self.triples
        if self.mentions is not None:
            yield from self.mentions

    def ox_triples(self) -> Iterator[ox.Triple]:
        """The triples as pyoxigraph ``Triple``s, subject by subject (Turtle groups them): subjects in
        the order of their IRIs, each subject's triples in the order they were made.

        Only the distinct subjects' IRIs are made strings to sort them (a sort keyed on every triple's
        subject held one string per triple: some 40 MB for a 5 MB report's 370,000 triples); the
        mention nodes' triples are made as they are written, in the same order.

        >>> t = ReportTriples()
        >>> for s, o in (("b", "1"), ("a", "2"), ("b", "3")):
        ...     t.add((res("x", s), namespaces()["rdf"].value, lit(o)))
        >>> [(x.subject.value[-1], x.object.value) for x in t.ox_triples()]
        [('a', '2'), ('b', '1'), ('b', '3')]
        """
        by_subject: dict[ox.NamedNode, list[TripleTerms]] = {}
        for triple in self.triples:
            by_subject.setdefault(triple[0], []).append(triple)
        held = ((s.value, by_subject.pop(s)) for s in sorted(by_subject, key=_subject_iri))
        groups = heapq.merge(held, self.mentions.by_subject(), key=_first) if self.mentions is not None else held
        for _, triples in groups:
            for triple in triples:
                yield ox.Triple(*triple)

    def write(self, fmt: str, stream: IO[bytes] | None = None) -> bytes | None:
        """Serialise in a format of ``OX_FORMATS`` to ``stream`` (or return the bytes), vnkg's prefixes bound."""
        return write_triples(self.ox_triples(), fmt, stream)

    def ntriples(self) -> str:
        """The triples in N-Triples, as a store is given them."""
        return (ox.serialize((ox.Triple(*t) for t in self), format=ox.RdfFormat.N_TRIPLES) or b""
                ).decode("utf-8")

    def to_rdflib(self) -> Graph:
        """An rdflib ``Graph`` of the triples, vnkg's prefixes bound."""
        from rdflib import Graph, Literal, URIRef

        graph = Graph(bind_namespaces="none")
        for prefix, uri in PREFIXES.items():
            graph.bind(prefix, uri)
        made: dict[Term, Any] = {}

        def term(node: Term) -> Any:
            found = made.get(node)
            if found is None:
                if isinstance(node, ox.NamedNode):
                    found = URIRef(node.value)
                elif node.language:
                    found = Literal(node.value, lang=node.language)
                elif node.datatype.value == _XSD_STRING:  # rdflib's plain literal
                    found = Literal(node.value)
                else:
                    found = Literal(node.value, datatype=URIRef(node.datatype.value))
                made[node] = found
            return found

        graph.addN((term(s), term(p), term(o), graph) for s, p, o in self)
        return graph


_XSD_STRING = PREFIXES["xsd"] + "string"


def write_triples(triples: Iterable[ox.Triple] | Iterable[ox.Quad], fmt: str, stream: IO[bytes] | None = None
                  ) -> bytes | None:
    """Triples (or quads) in a format of ``OX_FORMATS``, written by pyoxigraph to ``stream`` (or returned).

    The ontologies' prefixes are bound; resources keep their full IRIs, as
    rdflib writes them (a prefixed name cannot hold their "/").

    >>> t = ox.Triple(res("person", "a"), namespaces()["rdf"].type, namespaces()["schema"].Person)
    >>> print(write_triples([t], "turtle").decode().splitlines()[-1])
    <https://w3id.org/vnkg/resource/person/a> a schema:Person .
    """
    return ox.serialize(triples, stream, format=OX_FORMATS[fmt], prefixes=_OUTPUT_PREFIXES)


_OUTPUT_PREFIXES = {prefix: iri for prefix, iri in sorted(PREFIXES.items()) if iri != RESOURCE_URI}


@cache
def _xsd(name: str) -> ox.NamedNode:
    return ox.NamedNode(PREFIXES["xsd"] + name)


def _subject_iri(subject: ox.NamedNode) -> str:
    return subject.value


def _first(group: tuple[str, list[TripleTerms]]) -> str:
    return group[0]
