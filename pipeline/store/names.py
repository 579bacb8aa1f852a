"""Finding entities by name: every label of every entity in a store, matched without diacritics."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..keys import name_key
from ..text import fold
from ..vocab import expand, prologue
from .base import GraphStore

__all__ = ["Entity", "NameIndex", "name_index", "KINDS", "match_key"]

# Class -> the kind a reader sees; the first class an entity has wins.
KINDS = {
    expand("vnkg:Zone"): "Zone",
    expand("schema:Person"): "Person",
    expand("org:Organization"): "Organisation",
    expand("schema:Place"): "Place",
    expand("schema:Legislation"): "Document",
}
_VALUES = " ".join(f"<{c}>" for c in KINDS)
_TYPES = f"SELECT ?e ?t WHERE {{ ?e a ?t VALUES ?t {{ {_VALUES} }} }}"
_LABELS = prologue("skos") + "SELECT DISTINCT ?e ?l ?pref WHERE { { ?e skos:prefLabel ?l BIND(true AS ?pref) } " \
                             "UNION { ?e skos:altLabel ?l } }"
_REPORTS = prologue("prov") + "SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?e prov:wasDerivedFrom ?r } } " \
                              "GROUP BY ?e"


@dataclass(frozen=True)
class Entity:
    """An entity as a list shows it: IRI, preferred label, kind, its other names, how many reports name it."""

    iri: str
    label: str
    kind: str
    names: tuple[str, ...] = ()
    reports: int = 0


@dataclass
class NameIndex:
    """Every entity by IRI and by the matching key of each of its names (``match_key``)."""

    entities: dict[str, Entity] = field(default_factory=dict)
    keys: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, entities: list[Entity]) -> NameIndex:
        """The index of ``entities``.

        Examples
        --------
        >>> index = NameIndex.of([Entity("urn:p", "Nguyễn Văn Phong", "Person", ("Nguyễn Văn Phong",), 3),
        ...                       Entity("urn:q", "Nguyễn Văn Quảng", "Person", ("Nguyễn Văn Quảng",), 1)])
        >>> [e.label for e in index.search("nguyen van")], [e.iri for e in index.search("NGUYỄN VĂN PHONG")]
        (['Nguyễn Văn Phong', 'Nguyễn Văn Quảng'], ['urn:p'])
        """
        index = cls({e.iri: e for e in entities})
        for e in entities:
            for name in {e.label, *e.names}:
                index.keys.setdefault(match_key(name), set()).add(e.iri)
        return index

    def search(self, text: str, kind: str | None = None, limit: int | None = None) -> list[Entity]:
        """Entities with a name containing ``text`` (as typed, diacritics optional), of ``kind`` when
        given: those named exactly so first, then those whose name starts so, then the most-named."""
        key = match_key(text)
        if not key:
            return []
        found = {iri for k, iris in self.keys.items() if key in k for iri in iris}
        hits = [self.entities[i] for i in found if kind is None or self.entities[i].kind == kind]
        hits.sort(key=lambda e: (not self.named(e, key), not match_key(e.label).startswith(key), -e.reports,
                                 len(e.label), e.label))
        return hits[:limit] if limit else hits

    def exact(self, text: str) -> list[Entity]:
        """Entities one of whose names is ``text`` (diacritics, case and abbreviations aside)."""
        return sorted((self.entities[i] for i in self.keys.get(match_key(text), ())), key=lambda e: -e.reports)

    def named(self, entity: Entity, key: str) -> bool:
        """Whether one of ``entity``'s names has the matching key ``key``."""
        return entity.iri in self.keys.get(key, ())

    def facets(self, text: str) -> Counter[str]:
        """How many entities of each kind a search for ``text`` finds."""
        return Counter(e.kind for e in self.search(text))

    def get(self, iri: str) -> Entity | None:
        return self.entities.get(iri)


def match_key(name: str) -> str:
    """The key names are compared by: no diacritics, no case, abbreviations spelt out.

    >>> match_key("UBND TP. Hà Nội") == match_key("uy ban nhan dan thanh pho ha noi")
    True
    """
    return fold(name_key(name))


def name_index(store: GraphStore) -> NameIndex:
    """The names of every entity of a store (three queries, each reading one kind of triple once)."""
    kinds: dict[str, str] = {}
    order = list(KINDS)
    for row in store.select(_TYPES):
        old = kinds.get(row["e"])
        if old is None or order.index(row["t"]) < order.index(old):
            kinds[row["e"]] = row["t"]
    preferred: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    for row in store.select(_LABELS):
        if row["e"] not in kinds:
            continue
        if row.get("pref"):
            preferred[row["e"]] = row["l"]
        names.setdefault(row["e"], set()).add(row["l"])
    reports = {row["e"]: int(row["n"]) for row in store.select(_REPORTS) if row["e"] in kinds}
    entities = [Entity(iri, preferred.get(iri) or min(names.get(iri, {iri})), KINDS[kinds[iri]],
                       tuple(sorted(names.get(iri, ()))), reports.get(iri, 0)) for iri in kinds]
    return NameIndex.of(entities)
