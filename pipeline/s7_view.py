"""Stage 7: a NetworkX MultiDiGraph view of an RDF graph (entities and their relations)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .vocab import PREFIXES, vnkg

if TYPE_CHECKING:  # networkx and rdflib load when a view is made: pipeline.view_build reads NODE_TYPES alone
    import networkx as nx
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["to_view", "NODE_TYPES"]

# Class -> the node type a viewer colours by; the first class a node has wins.
NODE_TYPES = {
    "Zone": "Zone",
    "Event": "Event",
    "Figure": "Figure",
    "Indicator": "Indicator",
    "Person": "Person",
    "Organization": "Organisation",
    "Place": "Place",
    "Legislation": "Document",
}


def to_view(graph: Graph) -> nx.MultiDiGraph:
    """Entities as nodes (``label``, ``type``, ``iri`` and key facts), relations
    as edges labelled by ``relation``; a post becomes an edge from the person
    to the organisation with its ``role``.

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> view = to_view(run_stages("Bộ trưởng Bộ Tài chính Hồ Đức Phớc phát biểu.", until="graph"))
    >>> [(view.nodes[a]["label"], d["role"], view.nodes[b]["label"]) for a, b, d in view.edges(data=True)
    ...  if d["relation"] == "holds"]
    [('Hồ Đức Phớc', 'Bộ trưởng', 'Bộ Tài chính')]
    """
    import networkx as nx
    from rdflib import RDF, Literal, URIRef
    from rdflib.namespace import DCTERMS, ORG, SDO, SKOS

    V = vnkg()
    relations = {ORG.subOrganizationOf: "subOrganizationOf", ORG.memberOf: "memberOf",  # predicate -> edge label
                 SDO.containedInPlace: "containedInPlace", SDO.organizer: "organizer", SDO.attendee: "attendee",
                 SDO.about: "about"}
    view = nx.MultiDiGraph()
    for node, label in graph.subject_objects(SKOS.prefLabel):
        node_type = _node_type(graph, node)
        if node_type is None:
            continue
        view.add_node(str(node), label=str(label), type=node_type, iri=str(node))
    for node in graph.subjects(RDF.type, V.Figure):
        key = str(node)
        value = graph.value(node, SDO.value)
        if value is None:  # a value of 0 is a value (a Literal of 0 is false)
            value = graph.value(node, SDO.minValue)
        text = graph.value(node, V.text)
        view.add_node(key, label=str(text), type="Figure", iri=key, unit=str(graph.value(node, SDO.unitText)),
                      value=float(value) if isinstance(value, Literal) else None)
        about = graph.value(node, V.about)
        if about is not None and str(about) in view:
            view.add_edge(key, str(about), key="about", relation="about")
    for node in graph.subjects(RDF.type, SDO.Event):
        view.add_node(str(node), label=str(graph.value(node, SDO.name) or "event"), type="Event", iri=str(node),
                      date=str(graph.value(node, SDO.startDate) or ""))
        for person in graph.objects(node, V.chairedBy):
            view.add_edge(str(node), str(person), key="chairedBy", relation="chairedBy")
    for s, p, o in graph:
        relation = relations.get(p) if isinstance(p, URIRef) else None
        if p == V.zoneType and str(s) in view:
            view.nodes[str(s)]["zone_type"] = str(graph.value(o, SKOS.prefLabel) or o).rsplit("#", 1)[-1]
        if p == V.jurisdiction:  # a body to its unit, a company to its country
            relation = "jurisdiction"
        elif p == DCTERMS.isReplacedBy:  # a unit that ceased on 1 July 2025 to what it became part of
            relation = "isReplacedBy"
        if relation and str(s) in view and str(o) in view:
            view.add_edge(str(s), str(o), key=relation, relation=relation)
    for person, post in graph.subject_objects(ORG.holds):
        org = graph.value(post, ORG.postIn)
        role = graph.value(graph.value(post, ORG.role), SKOS.prefLabel)
        if str(person) in view and org is not None and str(org) in view:
            former = bool(graph.value(post, V.former))
            view.add_edge(str(person), str(org), key=f"holds:{role}", relation="holds", role=str(role), former=former)
    view.graph["prefixes"] = dict(PREFIXES)
    return view


def _node_type(graph: Graph, node: Node) -> str | None:
    from rdflib import RDF

    types = {str(t).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in graph.objects(node, RDF.type)}
    for cls, node_type in NODE_TYPES.items():
        if cls in types:
            return node_type
    return None
