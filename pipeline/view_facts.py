"""The triples the graph view is made of, read from a store one named graph at a time (or all at once)."""
from __future__ import annotations

import hashlib
from typing import NamedTuple

from .store import GraphStore
from .vocab import GRAPH_LABELS, GRAPH_URI, GRAPH_VOCABULARY, RDF_TYPE, expand, prologue

__all__ = ["Fact", "PREDICATES", "NODE_OBJECTS", "TYPE_NAMES", "store_facts", "label_facts", "report_hashes",
           "vocabulary_signature", "LABEL", "PREF", "ENGLISH"]

# Predicate -> the short name a fact keeps: what pipeline.s7_view.to_view and the name index read.
PREDICATES = {
    RDF_TYPE: "type",
    expand("skos:prefLabel"): "prefLabel",
    expand("skos:altLabel"): "altLabel",
    expand("vnkg:text"): "text",
    expand("schema:value"): "value",
    expand("schema:minValue"): "minValue",
    expand("schema:unitText"): "unit",
    expand("vnkg:about"): "figureAbout",
    expand("schema:name"): "name",
    expand("schema:startDate"): "startDate",
    expand("vnkg:chairedBy"): "chairedBy",
    expand("vnkg:zoneType"): "zoneType",
    expand("org:holds"): "holds",
    expand("org:postIn"): "postIn",
    expand("org:role"): "role",
    expand("vnkg:former"): "former",
    expand("prov:wasDerivedFrom"): "derived",
    # relations, named as the view's edges are
    expand("org:subOrganizationOf"): "subOrganizationOf",
    expand("org:memberOf"): "memberOf",
    expand("schema:containedInPlace"): "containedInPlace",
    expand("schema:organizer"): "organizer",
    expand("schema:attendee"): "attendee",
    expand("schema:about"): "about",
    expand("vnkg:jurisdiction"): "jurisdiction",
    expand("dcterms:isReplacedBy"): "isReplacedBy",
}
# A preferred label kept in the store's label graphs (an entity's label across reports), one stated in a
# report or the vocabulary, and one in English (the vocabulary's zone types have both languages).
LABEL, PREF, ENGLISH = "label", "prefLabel", "prefLabelEn"
# The short names whose objects are nodes (an IRI): a report's facts touch their subjects and these objects.
NODE_OBJECTS = frozenset({"figureAbout", "chairedBy", "zoneType", "holds", "postIn", "role", "subOrganizationOf",
                          "memberOf", "containedInPlace", "organizer", "attendee", "about", "jurisdiction",
                          "isReplacedBy"})
# Classes by local name (pipeline.s7_view.NODE_TYPES and the name index's kinds): other types are not kept.
TYPE_NAMES = ("Zone", "Event", "Figure", "Indicator", "Person", "Organization", "Place", "Legislation")
_PREDICATES = " ".join(f"<{p}>" for p in PREDICATES)
_WANTED = ", ".join(f'"{t}"' for t in TYPE_NAMES)
_FACTS = prologue("prov") + f"""SELECT ?g ?s ?p ?o ?lang WHERE {{ GRAPH ?g {{ ?s ?p ?v VALUES ?p {{ {_PREDICATES} }} }}
  FILTER(?p != <{RDF_TYPE}> || REPLACE(STR(?v), "^.*[/#]", "") IN ({_WANTED}))
  BIND(IF(?p = prov:wasDerivedFrom, "", ?v) AS ?o) BIND(LANG(?v) AS ?lang)
  FILTER(STRSTARTS(STR(?g), "{GRAPH_URI}")) }}"""
_REPORTS = prologue("vnkg") + "SELECT ?g ?hash WHERE { GRAPH ?g { ?r vnkg:contentHash ?hash } }"
_VOCABULARY = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_VOCABULARY}> {{ ?s ?p ?o }} }}"


class Fact(NamedTuple):
    """One triple of a named graph as the view reads it: the predicate by its short name (``PREDICATES``,
    a preferred label from a label graph as ``LABEL``), the object as its IRI or lexical form."""

    graph: str
    subject: str
    predicate: str
    object: str


def store_facts(store: GraphStore, graph: str | None = None) -> list[Fact]:
    """The facts of one named graph, or of every graph of the store.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from pipeline.store import Location, open_store, ingest
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "store"
    >>> with open_store(Location(path=folder), write=True) as store:
    ...     _ = ingest(store, ["corpus/hanoi-khcn-2025.txt"])
    ...     facts = store_facts(store)
    >>> sorted({f.predicate for f in facts} & {"holds", "label", "derived"})
    ['derived', 'holds', 'label']
    """
    query = _FACTS if graph is None else _FACTS.replace("GRAPH ?g {", f"GRAPH <{graph}> {{", 1).replace(
        "FILTER(STRSTARTS", f"BIND(<{graph}> AS ?g) FILTER(STRSTARTS", 1)
    _, rows = store.table(query)
    return [_fact(g, s, p, o, lang) for g, s, p, o, lang in rows]


def label_facts(store: GraphStore, entities: set[str]) -> list[Fact]:
    """The preferred labels the store's label graphs give ``entities`` (IRIs)."""
    found: list[Fact] = []
    ordered = sorted(entities)
    for start in range(0, len(ordered), 500):
        values = " ".join(f"<{iri}>" for iri in ordered[start:start + 500])
        _, rows = store.table(prologue("skos") + f"""SELECT ?g ?s ?o WHERE {{ VALUES ?s {{ {values} }}
            GRAPH ?g {{ ?s skos:prefLabel ?o }} FILTER(STRSTARTS(STR(?g), "{GRAPH_LABELS}/")) }}""")
        found += [Fact(g, s, LABEL, o) for g, s, o in rows]
    return found


def report_hashes(store: GraphStore) -> dict[str, str]:
    """Each report's graph and its content hash."""
    return {row["g"]: row["hash"] for row in store.select(_REPORTS)}


def vocabulary_signature(store: GraphStore) -> str:
    """What tells the store's vocabulary graph (zone types, units) changed: its size, hashed with the code's
    predicates so a view made by other code is not taken for this one's."""
    (row,) = store.select(_VOCABULARY)
    return hashlib.sha256(f"{row['n']} {_PREDICATES} {_WANTED}".encode()).hexdigest()[:16]


def _fact(g: str, s: str, p: str, o: str, lang: str) -> Fact:
    short = PREDICATES[p]
    if short == PREF and g.startswith(GRAPH_LABELS + "/"):
        short = LABEL
    elif short == PREF and lang == "en":
        short = ENGLISH
    return Fact(g, s, short, o)
