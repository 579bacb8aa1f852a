"""A report's triples as pyoxigraph terms, each once, and their serialisation by pyoxigraph (Rust)."""
from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Protocol

import pyoxigraph as ox

from .terms import Term, TripleTerms
from .vocab import PREFIXES, RESOURCE_URI

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["ReportTriples", "MadeTriples", "write_triples", "OX_FORMATS"]

# vnkg's format names -> pyoxigraph's serialisers (JSON-LD stays with rdflib: it is written compacted).
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
              "nquads": ox.RdfFormat.N_QUADS, "rdfxml": ox.RdfFormat.RDF_XML}


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

        >>> from pipeline.terms import lit, namespaces, res
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

    >>> from pipeline.terms import namespaces, res
    >>> t = ox.Triple(res("person", "a"), namespaces()["rdf"].type, namespaces()["schema"].Person)
    >>> print(write_triples([t], "turtle").decode().splitlines()[-1])
    <https://w3id.org/vnkg/resource/person/a> a schema:Person .
    """
    return ox.serialize(triples, stream, format=OX_FORMATS[fmt], prefixes=_OUTPUT_PREFIXES)


_OUTPUT_PREFIXES = {prefix: iri for prefix, iri in sorted(PREFIXES.items()) if iri != RESOURCE_URI}


def _subject_iri(subject: ox.NamedNode) -> str:
    return subject.value


def _first(group: tuple[str, list[TripleTerms]]) -> str:
    return group[0]
