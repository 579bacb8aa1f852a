"""Stage 6: the RDF graph of a linked report, in the terms of the graph contract."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .mention_nodes import MentionNodes
from .report_triples import ReportTriples
from .s5_link import Entity, Event, Figure, Linked
from .s6_units import jurisdiction_triples, place_triples, unit_iri
from .terms import TripleTerms, curie_node, namespaces
from .terms import lit as Literal
from .terms import res as RES
from .text import slug

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["to_graph", "to_triples", "entity_iri", "document_iri"]

_MentionIRI = Callable[[int, int], ox.NamedNode]  # a mention's character span -> its node, made once
_KIND_PATH = {"person": "person", "organisation": "org", "place": "place", "zone": "zone", "document": "document"}
_NS = namespaces()
RDF, XSD, SDO, ORG, PROV, SKOS = (_NS[p] for p in ("rdf", "xsd", "schema", "org", "prov", "skos"))


def document_iri(doc_id: str) -> ox.NamedNode:
    return RES("report", doc_id)


def entity_iri(entity: Entity) -> ox.NamedNode:
    """Stable IRI of an entity: its kind and a slug of its identity (never offsets),
    so the same thing in two reports is one node; an administrative unit, its code."""
    if entity.kind == "place" and entity.code and entity.level != "country":
        return unit_iri(entity.code)
    return RES(_KIND_PATH[entity.kind], slug(entity.identity or entity.key))


def to_graph(linked: Linked) -> Graph:
    """The report's graph as an rdflib ``Graph`` (``to_triples`` made into one: for SPARQL in memory).

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> g = run_stages("Thủ tướng Nguyễn Xuân Phúc dự hội nghị tại Hà Nội.", until="graph")
    >>> q = "SELECT ?n WHERE { ?p org:holds/org:postIn/skos:prefLabel ?n }"
    >>> [str(r.n) for r in g.query(q)]
    ['Chính phủ']
    """
    return to_triples(linked).to_rdflib()


def to_triples(linked: Linked) -> ReportTriples:
    """Build the report's graph, as pyoxigraph terms (written by Rust, given to a store as they are).

    Every entity has one ``skos:prefLabel`` and its other surface forms as
    ``skos:altLabel`` (``@vi``), ``prov:wasDerivedFrom`` the report and a
    ``vnkg:mention`` per sentence that names it; posts, figures and the event
    carry mentions too.

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> g = to_triples(run_stages("Thủ tướng Nguyễn Xuân Phúc dự hội nghị tại Hà Nội.", until="link"))
    >>> bodies = {o for s, p, o in g if p.value.endswith("#postIn")}
    >>> sorted(o.value for s, p, o in g if s in bodies and p.value.endswith("#prefLabel"))
    ['Chính phủ']
    """
    V = _NS["vnkg"]
    g = ReportTriples()
    doc = linked.document
    report = document_iri(doc.id)
    g.mentions = nodes = MentionNodes(doc.id, doc.text, linked.sentences, report)
    mention = nodes.node  # a mention's node, made once; its own triples are made as the graph is read

    g.add((report, RDF.type, SDO.Report))
    g.add((report, RDF.type, PROV.Entity))
    g.add((report, V.contentHash, Literal(doc.id)))
    for prop, value in ((SDO.name, doc.title), (SDO.url, doc.url), (V.sourcePath, doc.path)):
        if value:
            g.add((report, prop, Literal(value, lang="vi") if prop == SDO.name else Literal(value)))
    if doc.date:
        g.add((report, SDO.datePublished, Literal(doc.date, datatype=XSD.date)))

    iris = {key: entity_iri(ent) for key, ent in linked.entities.items()}
    labelled: set[ox.NamedNode] = set()  # two places of a report may be one unit: one preferred label
    for key, ent in linked.entities.items():
        node = iris[key]
        for cls in sorted(ent.classes):
            g.add((node, RDF.type, curie_node(cls)))
        g.add((node, SKOS.altLabel if node in labelled else SKOS.prefLabel, Literal(ent.name, lang="vi")))
        labelled.add(node)
        for label in sorted(ent.labels - {ent.name}):
            g.add((node, SKOS.altLabel, Literal(label, lang="vi")))
        g.add((node, PROV.wasDerivedFrom, report))
        g.add((node, V.confidence, Literal(Decimal(str(ent.confidence)))))
        for m in ent.mentions:
            g.add((node, V.mention, mention(m.start, m.end)))
        _entity_relations(g, V, ent, node, iris)
        if ent.kind == "place":
            place_triples(g, V, ent, node)
        elif ent.kind == "organisation":
            jurisdiction_triples(g, V, ent, node, iris, doc.date)
        if ent.kind == "organisation" and doc.publisher and ent.name == doc.publisher:
            g.add((report, SDO.publisher, node))

    for post in linked.posts:
        person, org = iris[post.person], iris[post.org]
        role = RES("role", slug(post.role.lower()))
        node = RES("post", f"{doc.id}-{slug(post.person + '|' + post.role.lower() + '|' + post.org)}")
        g.add((role, RDF.type, ORG.Role))
        g.add((role, SKOS.prefLabel, Literal(post.role, lang="vi")))
        g.add((node, RDF.type, ORG.Post))
        g.add((node, ORG.role, role))
        g.add((node, ORG.postIn, org))
        g.add((node, PROV.wasDerivedFrom, report))
        g.add((node, V.confidence, Literal(Decimal(str(post.confidence)))))
        if post.former:
            g.add((node, V.former, Literal(True)))
        if doc.date:
            g.add((node, V.reportDate, Literal(doc.date, datatype=XSD.date)))
        for m in post.mentions:
            g.add((node, V.mention, mention(m.start, m.end)))
        g.add((person, ORG.holds, node))
        g.add((person, RDF.type, V.Official))
        g.add((person, ORG.memberOf, org))

    for fig in linked.figures:
        _figure(g, V, doc.id, fig, iris, mention, report)
    if linked.event is not None:
        _event(g, V, doc.id, linked.event, iris, mention, report, linked.sentences)
    return g


def _entity_relations(g: ReportTriples, V: Any, ent: Entity, node: ox.NamedNode,
                      iris: dict[str, ox.NamedNode]) -> None:
    if ent.kind == "zone" and ent.concept:
        concept = V[ent.concept]
        g.add((node, V.zoneType, concept))
        for triple in _concept_triples(concept):  # readers run no reasoner: the type is stated
            g.add(triple)
        if ent.place and ent.place in iris:
            g.add((node, SDO.containedInPlace, iris[ent.place]))
    elif ent.kind == "organisation":
        for key in sorted(ent.parents):
            g.add((node, ORG.subOrganizationOf, iris[key]))
    elif ent.kind == "document":
        if ent.identifier:
            g.add((node, SDO.legislationIdentifier, Literal(ent.identifier)))
        if ent.date:
            g.add((node, SDO.legislationDate, Literal(ent.date, datatype=XSD.date)))
        if ent.doc_kind:
            g.add((node, SDO.legislationType, Literal(ent.doc_kind, lang="vi")))
    elif ent.kind == "place" and not (ent.code and ent.level != "country"):  # a unit's parent: s6_units
        key = f"province:{ent.province}" if ent.province else ""
        if ent.level in ("district", "town", "ward") and key in iris:
            g.add((node, SDO.containedInPlace, iris[key]))


def _figure(g: ReportTriples, V: Any, doc_id: str, fig: Figure, iris: dict[str, ox.NamedNode],
            mention: _MentionIRI, report: ox.NamedNode) -> None:
    m, a = fig.mention, fig.mention.info
    node = RES("figure", f"{doc_id}-{m.start}-{m.end}")
    g.add((node, RDF.type, V.Figure))
    if a.value is not None:
        g.add((node, SDO.value, _decimal(a.value)))
    elif a.min is not None and a.max is not None:
        g.add((node, SDO.minValue, _decimal(a.min)))
        g.add((node, SDO.maxValue, _decimal(a.max)))
    g.add((node, SDO.unitText, Literal(a.unit)))
    g.add((node, V.text, Literal(m.text, lang="vi")))
    for value, prop in ((a.count_of, V.countOf), (a.qualifier, V.qualifier)):
        if value:
            g.add((node, prop, Literal(value, lang="vi")))
    if a.total:
        g.add((node, V.total, _decimal(a.total)))
    if fig.indicator:
        g.add((node, V.indicator, Literal(fig.indicator, lang="vi")))
    if fig.about in iris:
        g.add((node, V.about, iris[fig.about]))
    else:
        label = fig.indicator or a.count_of or m.text
        indicator = RES("indicator", f"{doc_id}-{slug(label)}")
        g.add((indicator, RDF.type, V.Indicator))
        g.add((indicator, SKOS.prefLabel, Literal(label, lang="vi")))
        g.add((indicator, PROV.wasDerivedFrom, report))
        g.add((node, V.about, indicator))
    g.add((node, V.confidence, Literal(Decimal(str(fig.confidence)))))
    g.add((node, V.mention, mention(m.start, m.end)))
    g.add((node, PROV.wasDerivedFrom, report))


def _event(g: ReportTriples, V: Any, doc_id: str, event: Event, iris: dict[str, ox.NamedNode],
           mention: _MentionIRI, report: ox.NamedNode, sentences: list[tuple[int, int]]) -> None:
    node = RES("event", doc_id)
    g.add((node, RDF.type, SDO.Event))
    g.add((node, SDO.name, Literal(event.label, lang="vi")))
    if event.date:
        datatype = XSD.date if not event.date.startswith("--") else XSD.gMonthDay
        g.add((node, SDO.startDate, Literal(event.date, datatype=datatype)))
    for key in event.organisers:
        g.add((node, SDO.organizer, iris[key]))
    for key in event.chairs:
        g.add((node, V.chairedBy, iris[key]))
    for key in event.attendees:
        g.add((node, SDO.attendee, iris[key]))
    for key in event.concerns:
        g.add((node, SDO.about, iris[key]))
    start, end = sentences[event.sentence]
    g.add((node, V.mention, mention(start, end)))
    g.add((node, PROV.wasDerivedFrom, report))
    g.add((report, SDO.about, node))


@cache
def _schemes() -> dict[str, list[TripleTerms]]:
    """The zone-type concepts' triples (``ontology/zone-types.ttl``), by concept IRI, in the file's order
    (read by pyoxigraph: rdflib's parse gave them in an order that changed from run to run)."""
    from .vocab import ontology_dir

    found: dict[str, list[TripleTerms]] = {}
    for quad in ox.parse(path=ontology_dir() / "zone-types.ttl", format=ox.RdfFormat.TURTLE):
        if not isinstance(quad.subject, ox.NamedNode) or isinstance(quad.object, ox.BlankNode):
            raise ValueError("ontology/zone-types.ttl: a report's graph has IRIs and literals only")
        found.setdefault(quad.subject.value, []).append((quad.subject, quad.predicate, quad.object))
    return found


def _concept_triples(concept: ox.NamedNode) -> list[TripleTerms]:
    return _schemes().get(concept.value, [])


def _decimal(value: float) -> ox.Literal:
    exact = Decimal(repr(value)).normalize() if value != int(value) else Decimal(int(value))
    return Literal(exact)
