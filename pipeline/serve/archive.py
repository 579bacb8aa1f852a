"""What the web app shows, read from a store: an entity's page, overview counts; typed, no HTML."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..store import GraphStore
from ..store.names import Entity, NameIndex
from ..view_cache import cached_view
from ..vocab import prologue

__all__ = ["Archive", "EntityPage", "Post", "Figure", "Source", "Link", "NEIGHBOURHOOD", "SHOWN"]

# At most this many nodes in an entity's neighbourhood graph.
NEIGHBOURHOOD = 40
# At most this many posts and figures on a page, the newest (a province is measured in hundreds of
# figures, the Government holds a thousand posts): the page says how many there are.
SHOWN = 100
_P = prologue("schema", "vnkg", "org", "skos", "prov")
# An entity's posts (held by it, or held in it) and figures: which, in which report graph, all of them (a cheap
# index lookup); the newest SHOWN are then looked up (VALUES) in the union graph (a post or figure is one
# report's: in its graph, Oxigraph evaluated the pattern before the VALUES, a second for a handful of rows).
_HELD_BY = _P + "SELECT ?g ?post WHERE { GRAPH ?g { <IRI> org:holds ?post } }"
_HELD_IN = _P + "SELECT ?g ?post WHERE { GRAPH ?g { ?post org:postIn <IRI> } }"
_POSTS = _P + """SELECT ?post ?person ?o ?role ?former WHERE { VALUES ?post { ROWS }
  ?person org:holds ?post . ?post org:postIn ?o ; org:role ?r OPTIONAL { ?post vnkg:former ?former }
  OPTIONAL { ?r skos:prefLabel ?role } }"""
_ABOUT = _P + "SELECT ?g ?f WHERE { GRAPH ?g { ?f vnkg:about <IRI> } }"
_FIGURES = _P + """SELECT ?f ?text ?unit ?value ?min ?max ?indicator ?counted WHERE { VALUES ?f { ROWS }
  ?f vnkg:text ?text ; schema:unitText ?unit .
  OPTIONAL { ?f schema:value ?value } OPTIONAL { ?f schema:minValue ?min } OPTIONAL { ?f schema:maxValue ?max }
  OPTIONAL { ?f vnkg:indicator ?indicator } OPTIONAL { ?f vnkg:countOf ?counted } }"""
# One sentence for each post or figure (its mentions are in one sentence, and each says it again).
_SENTENCES = _P + """SELECT ?x (SAMPLE(?s) AS ?sentence) WHERE { VALUES ?x { ROWS }
  ?x vnkg:mention/vnkg:sentence ?s } GROUP BY ?x"""
_SOURCES = _P + "SELECT DISTINCT ?g WHERE { GRAPH ?g { <IRI> prov:wasDerivedFrom ?doc } }"
_PROVINCES = _P + """SELECT ?p (COUNT(DISTINCT ?g) AS ?n) WHERE { ?p a vnkg:Province .
  GRAPH ?g { ?p prov:wasDerivedFrom ?doc } } GROUP BY ?p"""


@dataclass(frozen=True)
class Source:
    """A report as a link shows it: its content hash (its address in the app), title and date."""

    hash: str
    title: str
    date: str


@dataclass(frozen=True)
class Post:
    """A post a report states: who, which role in which body, former or not, where it is said."""

    person: Entity
    role: str
    organisation: Entity
    former: bool
    source: Source
    sentence: str


@dataclass(frozen=True)
class Figure:
    """A figure about an entity: what it measures, its value and unit, where it is said."""

    measure: str
    text: str
    unit: str
    value: float | None
    source: Source
    sentence: str


@dataclass(frozen=True)
class Link:
    """A relation of the entity's to another node of the view, ``outgoing`` or not."""

    relation: str
    outgoing: bool
    other: Entity


@dataclass
class EntityPage:
    """Everything the entity page shows."""

    entity: Entity
    posts: list[Post] = field(default_factory=list)
    holders: list[Post] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    graph: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # How many posts, holders and figures there are (a page shows the newest ``SHOWN``).
    totals: dict[str, int] = field(default_factory=dict)

    def series(self) -> dict[str, list[tuple[str, float]]]:
        """The figures over time, one series per measure and unit: (report date, value)."""
        found: dict[str, list[tuple[str, float]]] = {}
        for f in sorted(self.figures, key=lambda f: f.source.date):
            if f.value is not None and f.source.date:
                found.setdefault(f"{f.measure} ({f.unit})", []).append((f.source.date, f.value))
        return found


class Archive:
    """A store opened for reading, with its view and names (``pipeline.view_cache``) in memory."""

    def __init__(self, store: GraphStore, names: NameIndex, view: Any):
        from ..store.catalog import reports

        self.store = store
        self.names = names
        self.view = view
        self.location = store.location
        self.catalog = reports(store)  # the reports as the store held them at start, newest first
        self.reports = {r.graph: Source(r.hash, r.title or r.hash, r.date) for r in self.catalog}

    @classmethod
    def open(cls, store: GraphStore, tick: Callable[[Any], None] | None = None) -> Archive:
        """The archive of an open store (its view read from the cache, or built once)."""
        cached = cached_view(store, tick)
        return cls(store, cached.names, cached.view)

    def entity(self, iri: str) -> EntityPage | None:
        """The page of the entity ``iri``, or None when the store has no such entity."""
        entity = self.names.get(iri)
        if entity is None:
            return None
        page = EntityPage(entity)
        here = f"<{iri}>"  # an IRI of the name index, never text from the request
        if entity.kind == "Person":
            page.posts = self._posts(_HELD_BY.replace("<IRI>", here), page.totals, "posts", sentences=True)
        if entity.kind == "Organisation":
            page.holders = self._posts(_HELD_IN.replace("<IRI>", here), page.totals, "holders", sentences=False)
        page.figures = self._figures(_ABOUT.replace("<IRI>", here), page.totals)
        graphs = {r["g"] for r in self.store.select(_SOURCES.replace("<IRI>", here))}
        page.sources = sorted((self.reports[g] for g in graphs if g in self.reports), key=lambda s: (s.date, s.title),
                              reverse=True)
        page.links = self._links(iri)
        page.graph = self.neighbourhood(iri)
        return page

    def neighbourhood(self, iri: str, size: int = NEIGHBOURHOOD) -> dict[str, list[dict[str, Any]]]:
        """The nodes nearest ``iri`` in the view (figures left out), at most ``size``, and the edges
        between them, as Cytoscape's elements."""
        view = self.view
        if iri not in view:
            return {"nodes": [], "edges": []}
        kept, frontier = [iri], [iri]
        while frontier and len(kept) < size:
            ring: Counter[str] = Counter()
            for node in frontier:
                for other in [*view.successors(node), *view.predecessors(node)]:
                    if other not in kept and view.nodes[other].get("type") != "Figure":
                        ring[other] += 1
            frontier = [n for n, _ in sorted(ring.items(), key=lambda kv: (-kv[1], -view.degree(kv[0]), kv[0]))]
            frontier = frontier[:size - len(kept)]
            kept += frontier
        members = set(kept)
        nodes = [{"data": {"id": n, "label": view.nodes[n].get("label", n), "type": view.nodes[n].get("type", ""),
                           "focus": n == iri}} for n in kept]
        edges = [{"data": {"id": f"e{i}", "source": a, "target": b, "label": d.get("role") or d.get("relation", ""),
                           "near": iri in (a, b)}}
                 for i, (a, b, d) in enumerate((a, b, d) for a, b, d in view.edges(kept, data=True) if b in members)]
        return {"nodes": nodes, "edges": edges}

    @cached_property
    def kinds(self) -> Counter[str]:
        """How many entities of each kind the store holds."""
        return Counter(e.kind for e in self.names.entities.values())

    @cached_property
    def provinces(self) -> list[tuple[Entity, int]]:
        """Provinces by the number of reports naming them, most named first."""
        found = [(self.names.get(r["p"]), int(r["n"])) for r in self.store.select(_PROVINCES)]
        return sorted(((e, n) for e, n in found if e is not None), key=lambda en: (-en[1], en[0].label))

    def _newest(self, query: str, totals: dict[str, int], what: str) -> list[tuple[str, str]]:
        """(report graph, node) of the ``SHOWN`` newest of what ``query`` finds; how many it finds in ``totals``."""
        found = {(r["g"], r["x"]) for r in self.store.select(query) if r["g"] in self.reports}
        totals[what] = len(found)
        return sorted(found, key=lambda gx: (self.reports[gx[0]].date, gx), reverse=True)[:SHOWN]

    def _details(self, query: str, rows: list[tuple[str, str]]) -> list[dict[str, str]]:
        """``query`` (with ROWS) asked of the nodes of (graph, node) pairs."""
        if not rows:
            return []
        return self.store.select(query.replace("ROWS", " ".join(f"<{x}>" for _, x in rows)))

    def _posts(self, query: str, totals: dict[str, int], what: str, sentences: bool) -> list[Post]:
        rows = self._newest(query.replace("?post", "?x"), totals, what)
        graph_of = {x: g for g, x in rows}
        said = {r["x"]: r.get("sentence", "") for r in self._details(_SENTENCES, rows)} if sentences else {}
        seen: dict[tuple[str, str, str, str], Post] = {}
        for r in self._details(_POSTS, rows):
            g = graph_of[r["post"]]
            key = (g, r["person"], r.get("role", ""), r["o"])
            if key not in seen:
                seen[key] = Post(self._entity(r["person"]), r.get("role", ""), self._entity(r["o"]),
                                 r.get("former") in ("true", "1"), self.reports[g], said.get(r["post"], ""))
        return sorted(seen.values(), key=lambda p: (p.source.date, p.role, p.organisation.label))

    def _figures(self, query: str, totals: dict[str, int]) -> list[Figure]:
        rows = self._newest(query.replace("?f", "?x"), totals, "figures")
        graph_of = {x: g for g, x in rows}
        said = {r["x"]: r.get("sentence", "") for r in self._details(_SENTENCES, rows)}
        seen: dict[str, Figure] = {}
        for r in self._details(_FIGURES, rows):
            value = r.get("value") or r.get("max") or r.get("min")
            measure = r.get("indicator") or r.get("counted") or r["unit"]
            seen.setdefault(r["f"], Figure(measure, r["text"], r["unit"], float(value) if value else None,
                                           self.reports[graph_of[r["f"]]], said.get(r["f"], "")))
        return sorted(seen.values(), key=lambda f: (f.source.date, f.measure))

    def _links(self, iri: str) -> list[Link]:
        view = self.view
        if iri not in view:
            return []
        found = {(d.get("role") or d.get("relation", ""), a == iri, b if a == iri else a)
                 for a, b, d in [*view.out_edges(iri, data=True), *view.in_edges(iri, data=True)]}
        links = [Link(rel, out, self._entity(other)) for rel, out, other in found
                 if view.nodes[other].get("type") != "Figure"]
        return sorted(links, key=lambda link: (link.other.kind, link.relation, link.other.label))

    def _entity(self, iri: str) -> Entity:
        known = self.names.get(iri)
        if known is not None:
            return known
        node = self.view.nodes[iri] if iri in self.view else {}
        return Entity(iri, node.get("label") or iri.rsplit("/", 1)[-1], node.get("type", ""))
