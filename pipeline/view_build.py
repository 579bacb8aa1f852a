"""The graph view's rules over a store's facts: a node's data, the edges at a node, an entity's names."""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .s7_view import NODE_TYPES
from .store.names import KINDS, Entity
from .view_facts import ENGLISH, LABEL, PREF
from .vocab import expand

__all__ = ["Facts", "Edge", "node_data", "exists", "out_edges", "in_edges", "entity", "holders"]

# An edge as the view keeps it: source, target, key (unique between the two), data.
Edge = tuple[str, str, str, dict[str, Any]]
_FIGURE, _EVENT = expand("vnkg:Figure"), expand("schema:Event")
_RELATIONS = ("subOrganizationOf", "memberOf", "containedInPlace", "organizer", "attendee", "about",
              "jurisdiction", "isReplacedBy")
_KIND_ORDER = list(KINDS)


@dataclass
class Facts:
    """The facts of a cache (its ``facts`` table: graph, subject, predicate, object), as the union of the
    graphs sees them, looked up by subject and by object; what was looked up is kept.

    ``load_all`` reads every fact at once (a whole view is built); otherwise each node is read when asked.
    """

    db: sqlite3.Connection
    _out: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    _in: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    _nodes: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    _all: bool = False

    def load_all(self) -> None:
        """Read every fact now."""
        out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        into: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for g, s, p, o in self.db.execute("SELECT g, s, p, o FROM facts"):
            out[s][p].add(g if p == "derived" else o)
            if p not in ("derived", "type") and o:
                into[o].add((s, p))
        self._out = {s: dict(ps) for s, ps in out.items()}
        self._in = {o: sorted(sp) for o, sp in into.items()}
        self._all = True

    def subjects(self) -> list[str]:
        """Every subject (after ``load_all``)."""
        return list(self._out)

    def out(self, s: str) -> dict[str, set[str]]:
        """Predicate -> objects of ``s`` (for ``derived``: the graphs that state it)."""
        found = self._out.get(s)
        if found is None:
            found = {}
            if not self._all:
                for g, p, o in self.db.execute("SELECT g, p, o FROM facts WHERE s = ?", (s,)):
                    found.setdefault(p, set()).add(g if p == "derived" else o)
            self._out[s] = found
        return found

    def into(self, o: str, predicate: str | None = None) -> list[str]:
        """The subjects with ``o`` as object (of ``predicate`` when given)."""
        found = self._in.get(o)
        if found is None:
            found = [] if self._all else sorted(set(self.db.execute(
                "SELECT s, p FROM facts WHERE o = ? AND p NOT IN ('derived', 'type')", (o,))))
            self._in[o] = found
        return [s for s, p in found if predicate is None or p == predicate]

    def one(self, s: str, p: str) -> str | None:
        """One object of ``s`` (the least, where a merge of reports gives several)."""
        found = self.out(s).get(p)
        return min(found) if found else None

    def label(self, s: str, english: bool = False) -> str | None:
        """The preferred label: the store's label graph's, else one stated in a graph (in English first
        when ``english``)."""
        if english:
            return self.one(s, ENGLISH) or self.label(s)
        return self.one(s, LABEL) or self.one(s, PREF) or self.one(s, ENGLISH)


def node_data(facts: Facts, n: str) -> dict[str, Any] | None:
    """The view's attributes of node ``n`` (as ``pipeline.s7_view.to_view`` gives them), or None when ``n``
    is no node of the view.

    A node that is only the chair of an event is a node without attributes; ``exists`` tells it.
    """
    if n in facts._nodes:
        return facts._nodes[n]
    out = facts.out(n)
    types = out.get("type", set())
    data: dict[str, Any] | None = None
    label = facts.label(n)
    if label is not None:
        names = {t.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in types}
        kind = next((node_type for cls, node_type in NODE_TYPES.items() if cls in names), None)
        if kind is not None:
            data = {"label": label, "type": kind, "iri": n}
    if _FIGURE in types:
        value = facts.one(n, "value") or facts.one(n, "minValue")
        data = {**(data or {}), "label": str(facts.one(n, "text")), "type": "Figure", "iri": n,
                "unit": str(facts.one(n, "unit")), "value": float(value) if value is not None else None}
    if _EVENT in types:
        data = {**(data or {}), "label": facts.one(n, "name") or "event", "type": "Event", "iri": n,
                "date": facts.one(n, "startDate") or ""}
    if data is None and any(_EVENT in facts.out(e).get("type", ()) for e in facts.into(n, "chairedBy")):
        data = {}
    zone_type = facts.one(n, "zoneType")
    if data is not None and zone_type is not None:
        data["zone_type"] = (facts.label(zone_type, english=True) or zone_type).rsplit("#", 1)[-1]
    facts._nodes[n] = data
    return data


def exists(facts: Facts, n: str) -> bool:
    """Whether ``n`` is a node of the view."""
    return node_data(facts, n) is not None


def out_edges(facts: Facts, n: str) -> list[Edge]:
    """The edges leaving ``n``: a figure to what it measures, an event to its chair, a relation, a post
    (person to body, keyed by the role; former when a report says so: a later report calls a post
    'nguyên', an earlier one stated it as held)."""
    if not exists(facts, n):
        return []
    out = facts.out(n)
    types = out.get("type", set())
    found: dict[tuple[str, str], dict[str, Any]] = {}
    if _FIGURE in types:
        about = facts.one(n, "figureAbout")
        if about is not None and exists(facts, about):
            found[(about, "about")] = {"relation": "about"}
    if _EVENT in types:
        for person in out.get("chairedBy", ()):
            found[(person, "chairedBy")] = {"relation": "chairedBy"}
    for relation in _RELATIONS:
        for o in out.get(relation, ()):
            if exists(facts, o):
                found[(o, relation)] = {"relation": relation}
    posts: dict[tuple[str, str], list[bool]] = {}
    for post in out.get("holds", ()):
        org = facts.one(post, "postIn")
        if org is not None and exists(facts, org):
            role_node = facts.one(post, "role")
            role = str(facts.label(role_node) if role_node is not None else None)
            posts.setdefault((org, role), []).append(facts.one(post, "former") in ("true", "1"))
    for (org, role), former in posts.items():
        found[(org, f"holds:{role}")] = {"relation": "holds", "role": role, "former": any(former)}
    return [(n, target, key, data) for (target, key), data in found.items()]


def in_edges(facts: Facts, n: str) -> list[Edge]:
    """The edges reaching ``n``."""
    sources = set(facts.into(n)) - {n} | holders(facts, facts.into(n, "postIn"))
    return [e for s in sorted(sources) for e in out_edges(facts, s) if e[1] == n]


def holders(facts: Facts, posts: list[str] | set[str]) -> set[str]:
    """The persons who hold ``posts``."""
    return {person for post in posts for person in facts.into(post, "holds")}


def entity(facts: Facts, n: str) -> Entity | None:
    """The name index's entry of ``n`` (``pipeline.store.names.name_index``), or None when ``n`` is none
    of its kinds."""
    types = [t for t in facts.out(n).get("type", ()) if t in KINDS]
    if not types:
        return None
    out = facts.out(n)
    names = out.get(LABEL, set()) | out.get(PREF, set()) | out.get(ENGLISH, set()) | out.get("altLabel", set())
    label = facts.label(n) or min(names or {n})
    return Entity(n, label, KINDS[min(types, key=_KIND_ORDER.index)], tuple(sorted(names)),
                  len(out.get("derived", ())))
